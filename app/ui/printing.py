"""文件 → 打印… (Ctrl+P, with a preview) and 文件 → 导出 PDF…, on the document's own page.

The editor lays the text out for the screen (a page-wide column, margins drawn around it). For
paper the text is laid out again on a copy, on the page the document asks for (app.io.page),
so the printout and the PDF break lines and pages where that paper would. The placeholder
marking is painted over the screen only and never reaches paper. The PDF holds real text
(Qt embeds the fonts with their ToUnicode maps), so it can be searched and copied.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QTextDocument, QTextFrameFormat
from PySide6.QtPrintSupport import QPrinter

from app.io.errors import DocumentError
from app.io.page import PageSetup


def page_layout(setup: PageSetup) -> QPageLayout:
    size = QPageSize(QSizeF(setup.width, setup.height), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Portrait
    margins = QMarginsF(setup.left, setup.top, setup.right, setup.bottom)
    layout = QPageLayout(size, orientation, margins, QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.StandardMode)
    return layout


def make_printer(setup: PageSetup, title: str) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(setup))
    printer.setDocName(title)
    printer.setCreator("Tianbao 填报")
    return printer


def render(source: QTextDocument, printer: QPrinter) -> None:
    """Lay ``source`` out on the printer's page (inside its margins) and print every page."""
    copy = source.clone()
    frame = copy.rootFrame().frameFormat()
    # The page margins are the printer's; the editor's on-screen margins would come on top.
    frame.setMargin(0)
    frame.setPadding(0)
    frame.setBorder(0)
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    copy.rootFrame().setFrameFormat(frame)
    # Laid out at the screen's resolution, as on screen (indents are in screen pixels); Qt
    # scales each page up to the printer's. A fixed page height makes the copy paginated.
    screen = QGuiApplication.primaryScreen()
    dpi_x = round(screen.logicalDotsPerInchX()) if screen is not None else 96
    dpi_y = round(screen.logicalDotsPerInchY()) if screen is not None else 96
    copy.setPageSize(QSizeF(printer.width() * dpi_x / printer.logicalDpiX(),
                            printer.height() * dpi_y / printer.logicalDpiY()))
    copy.print_(printer)


def export_pdf(source: QTextDocument, setup: PageSetup, path: str | os.PathLike, title: str) -> None:
    """Write a PDF of ``source`` to ``path`` atomically (temp file beside it, then replace)."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tianbao-", suffix=".pdf", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise DocumentError(f"无法在“{folder}”中写入 PDF：{exc.strerror or exc}", repr(exc)) from None
    try:
        printer = make_printer(setup, title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(tmp)
        render(source, printer)
        if os.path.getsize(tmp) == 0:
            raise DocumentError("PDF 没有写成（打印引擎没有输出）。")
        with open(tmp, "rb+") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise DocumentError(f"无法写入 PDF：{exc.strerror or exc}", repr(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["export_pdf", "make_printer", "page_layout", "render"]
