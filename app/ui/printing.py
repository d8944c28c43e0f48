"""File → Print… (Ctrl+P, with a preview) and File → Export as PDF…, on the document's own page.

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
from typing import Callable

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
)
from PySide6.QtPrintSupport import QPrinter

from app.io.errors import DocumentError
from app.io.page import PageSetup
from app.ui.i18n import arg, translate
from app.ui.list_labels import labelled, paint_page_borders, paint_page_labels
from app.ui.table_rows import fit_rows
from app.ui.qt_formats import BORDER_BOTTOM, BORDER_TOP, LOOK_SHOWN, SCREEN_BREAK_GAP

PAGE_NUMBER_PT = 14.0  # 4号
ENDNOTE_PT = 10.0  # Word's Endnote Text style
# (number, paragraph texts) of each endnote: app.io.page.PageSetup.endnotes.
Endnotes = tuple[tuple[str, tuple[str, ...]], ...]
PAGE_NUMBER_FAMILIES = ["宋体", "SimSun", "Noto Serif CJK SC", "WenQuanYi Micro Hei"]


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


def render(source: QTextDocument, printer: QPrinter, page_numbers: bool = False,
           on_page: Callable[[int, int], None] | None = None, endnotes: Endnotes = (),
           columns: tuple[int, float] = (1, 0.0)) -> None:
    """Lay ``source`` out on the printer's page (inside its margins) and print every page,
    with the GB/T 9704 page number ("— 1 —", odd pages right, even pages left) when asked, and
    the document's ``endnotes`` after the text on a page of their own, as Word prints them;
    ``columns``: (how many, the gap in mm) newspaper columns side by side on each page;
    ``on_page(number, last)`` before each page (a long report's progress)."""
    copy = source.clone()
    if getattr(source, "float_reach", 0.0):
        from app.ui.floating import show_floating

        show_floating(copy)
    frame = copy.rootFrame().frameFormat()
    # The page margins are the printer's; the editor's on-screen margins would come on top.
    frame.setMargin(0)
    frame.setPadding(0)
    frame.setBorder(0)
    frame.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_None)
    copy.rootFrame().setFrameFormat(frame)
    # Laid out at the screen's resolution, as on screen (indents are in screen pixels), and
    # scaled up to the printer's when painted.
    screen = QGuiApplication.primaryScreen()
    dpi_x = round(screen.logicalDotsPerInchX()) if screen is not None else 96
    dpi_y = round(screen.logicalDotsPerInchY()) if screen is not None else 96
    _paper_line_spacing(source, copy, dpi_y)
    _paper_page_breaks(copy)
    labels = _labels_of(source, copy)
    bordered = _bordered(copy)
    if endnotes:
        _add_endnotes(copy, endnotes)
    scale_x, scale_y = printer.logicalDpiX() / dpi_x, printer.logicalDpiY() / dpi_y
    count, gap_mm = columns if columns[0] > 1 else (1, 0.0)
    gap = gap_mm * dpi_x / 25.4
    # Each column is a page of Qt's layout, as wide as a column: `count` of them to a sheet.
    page = QSizeF((printer.width() / scale_x - (count - 1) * gap) / count, printer.height() / scale_y)
    copy.setPageSize(page)
    if fit_rows(copy):
        # Qt lays the rest out again lazily after a table changes: all of it, before printing.
        copy.markContentsDirty(0, copy.characterCount())
    pages = -(-copy.pageCount() // count)
    first, last = 1, pages
    if printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
    painter = QPainter()
    if not painter.begin(printer):
        raise DocumentError(translate("Printing", "Cannot start printing (the printer or file is not available)."))
    try:
        context = QAbstractTextDocumentLayout.PaintContext()
        # Paper is white whatever the screen's theme: text in black.
        context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
        for number in range(first, last + 1):
            if on_page is not None:
                on_page(number, last)
            if number > first:
                printer.newPage()
            for column in range(count):
                painter.save()
                painter.scale(scale_x, scale_y)
                top = ((number - 1) * count + column) * page.height()
                painter.translate(column * (page.width() + gap), -top)
                clip = QRectF(0, top, page.width(), page.height())
                painter.setClipRect(clip)
                context.clip = clip
                copy.documentLayout().draw(painter, context)
                if labels:
                    paint_page_labels(painter, copy, labels, clip, dpi_y)
                if bordered:
                    paint_page_borders(painter, copy, bordered, clip)
                painter.restore()
            if page_numbers:
                _page_number(painter, printer, number)
    finally:
        painter.end()


def _add_endnotes(copy: QTextDocument, endnotes: Endnotes) -> None:
    """The endnotes after the last paragraph, from a new page: each note's number before its
    first paragraph, in Word's endnote text size."""
    cursor = QTextCursor(copy)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    text = QTextCharFormat()
    text.setFontPointSize(ENDNOTE_PT)
    first = True
    for number, paragraphs in endnotes:
        for k, paragraph in enumerate(paragraphs):
            block = QTextBlockFormat()
            if first:
                block.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                first = False
            cursor.insertBlock(block, text)
            cursor.insertText(f"{number}\u2002{paragraph}" if k == 0 else paragraph, text)


def _paper_page_breaks(copy: QTextDocument) -> None:
    """On paper a page break is the break itself: the space the screen shows it with goes."""
    from app.ui.block_data import blocks_in

    cursor = QTextCursor(copy)
    for block in blocks_in(copy):
        fmt = block.blockFormat()
        gap = fmt.property(SCREEN_BREAK_GAP)
        if gap:
            fmt.setTopMargin(max(fmt.topMargin() - float(gap), 0.0))
            fmt.clearProperty(SCREEN_BREAK_GAP)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(fmt)


def _bordered(copy: QTextDocument) -> list:
    """The paragraphs of the copy with a border line above or below (w:pBdr)."""
    from app.ui.block_data import blocks_in

    return [block for block in blocks_in(copy)
            if block.blockFormat().hasProperty(BORDER_TOP) or block.blockFormat().hasProperty(BORDER_BOTTOM)]


def _labels_of(source: QTextDocument, copy: QTextDocument) -> list:
    """(paragraph of the copy, the Block whose list label it shows): a clone keeps the room made
    for each label, not the paragraphs' data."""
    from app.ui.block_data import blocks_in

    return [(printed, core) for original, printed in zip(blocks_in(source), blocks_in(copy))
            if (core := labelled(original)) is not None]


def _paper_line_spacing(source: QTextDocument, copy: QTextDocument, dpi: float) -> None:
    """The paragraphs' own line spacing on paper (the screen shows every line at 1.5): a fixed
    28.9 pt in the official format gives its 22 lines a page."""
    from app.ui.block_data import blocks_in, data_of

    cursor = QTextCursor(copy)
    cursor.beginEditBlock()
    for original, printed in zip(blocks_in(source), blocks_in(copy)):
        data = data_of(original)
        fmt = data.block.format if data is not None and data.block is not None else None
        if fmt is None or not fmt.line_spacing or printed.blockFormat().hasProperty(LOOK_SHOWN):
            # (a paragraph shown as Word lays it out has its spacing already)
            continue
        spacing = QTextBlockFormat()
        kinds = QTextBlockFormat.LineHeightTypes
        if fmt.line_rule == "exact":
            spacing.setLineHeight(fmt.line_spacing * dpi / 72, kinds.FixedHeight.value)
        elif fmt.line_rule == "atLeast":
            spacing.setLineHeight(fmt.line_spacing * dpi / 72, kinds.MinimumHeight.value)
        elif 0.5 <= fmt.line_spacing <= 5:
            spacing.setLineHeight(fmt.line_spacing * 100, kinds.ProportionalHeight.value)
        else:
            continue
        cursor.setPosition(printed.position())
        cursor.mergeBlockFormat(spacing)
    cursor.endEditBlock()


def _page_number(painter: QPainter, printer: QPrinter, number: int) -> None:
    """"— N —" in 4号 宋体 7 mm below the type area, one character in from its edge."""
    font = QFont()
    font.setFamilies(PAGE_NUMBER_FAMILIES)
    font.setPointSizeF(PAGE_NUMBER_PT)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(Qt.GlobalColor.black))
    text = f"— {number} —"
    metrics = painter.fontMetrics()
    mm = printer.logicalDpiY() / 25.4
    one_char = PAGE_NUMBER_PT / 72 * printer.logicalDpiX()
    width = metrics.horizontalAdvance(text)
    x = printer.width() - one_char - width if number % 2 else one_char
    y = printer.height() + 7 * mm + metrics.ascent()
    painter.drawText(QPointF(x, y), text)
    painter.restore()


def export_pdf(source: QTextDocument, setup: PageSetup, path: str | os.PathLike, title: str,
               on_page: Callable[[int, int], None] | None = None) -> None:
    """Write a PDF of ``source`` to ``path`` atomically (temp file beside it, then replace);
    ``on_page`` as for ``render``."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".tianbao-", suffix=".pdf", dir=folder)
        os.close(fd)
    except OSError as exc:
        message = arg(translate("Printing", "Cannot write a PDF in “%1”: %2"), folder, exc.strerror or exc)
        raise DocumentError(message, repr(exc)) from None
    try:
        printer = make_printer(setup, title)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(tmp)
        render(source, printer, setup.page_numbers, on_page, setup.endnotes, (setup.columns, setup.column_gap_mm))
        if os.path.getsize(tmp) == 0:
            raise DocumentError(translate("Printing", "The PDF was not written (the print engine produced nothing)."))
        with open(tmp, "rb+") as fh:
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        raise DocumentError(arg(translate("Printing", "Cannot write the PDF: %1"), exc.strerror or exc),
                            repr(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


__all__ = ["export_pdf", "make_printer", "page_layout", "render"]
