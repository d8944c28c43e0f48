"""File → Print… (with a preview) and File → Export as PDF…: the report on its own page (the page
set-up the file asks for, app.io.page), laid out by app/ui/printing.py."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from app.io.errors import DocumentError
from app.ui.i18n import arg, translate

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.io.page import PageSetup
    from app.ui.main_window import MainWindow
    from app.ui.operations import Operations


class PrintActions(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations

    def _title(self) -> str:
        return self.window.session.title or translate("Beyond", "Document")

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from app.io.page import page_setup
        from app.ui.printing import make_printer

        setup = page_setup(self.window.report.original, paper=True)
        # Kept while the preview is open: the dialog only borrows it.
        self.printer = make_printer(setup, self._title())
        dialog = QPrintPreviewDialog(self.printer, self.window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(translate("Beyond", "Print Preview"))
        dialog.paintRequested.connect(lambda printer: self._render(printer, setup))
        self.operations.dialog = dialog
        dialog.open()

    def _render(self, printer: QPrinter, setup: PageSetup) -> None:
        from app.ui.printing import render

        try:
            render(self.window.report, printer, setup.page_numbers, endnotes=setup.endnotes,
                   columns=(setup.columns, setup.column_gap_mm))
        except DocumentError as exc:
            self.operations.warn(translate("Beyond", "Print"), exc.message)

    def ask_export_pdf(self) -> None:
        window = self.window
        folder = Path(window.settings.last_folder)
        stem = window.session.path.stem if window.session.path is not None else self._title()
        name, _ = QFileDialog.getSaveFileName(window, translate("Beyond", "Export as PDF"), str(folder / f"{stem}.pdf"),
                                              translate("Beyond", "PDF files (*.pdf)"))
        if name:
            path = Path(name)
            self.export_pdf(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def export_pdf(self, path: Path) -> bool:
        from app.io.page import page_setup
        from app.ui.printing import export_pdf

        from app.ui.progress import Steps

        title = translate("Beyond", "Export as PDF")
        progress: list[Steps] = []

        def on_page(number: int, last: int) -> None:
            # A long report's pages take seconds: past half a second they show in a progress dialog.
            if not progress:
                progress.append(Steps(self.window, title, last + 1))
            progress[0].next(arg(translate("Beyond", "Writing page %1 of %2…"), number, last))

        try:
            export_pdf(self.window.report, page_setup(self.window.report.original, paper=True), path, self._title(), on_page)
        except DocumentError as exc:
            self.operations.warn(title, exc.message)
            return False
        finally:
            if progress:
                progress[0].done()
        self.operations.message(arg(translate("Beyond", "Exported PDF: %1"), path))
        return True
