"""The document a window has open: where it lives (path, title, the file's time when opened), and
the ways in and out of it (open, new, template, save, save as, the prompt before unsaved work goes).

The window builds one DocumentSession and routes File actions to it; recovery and version history
show their documents through ``show``. After a save the file just written is the new baseline.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QTextCursor

from app.io.errors import DocumentError
from app.ui.i18n import arg, translate

if TYPE_CHECKING:
    from app.core.document import Document
    from app.ui.main_window import MainWindow
    from app.ui.report_document import ReportDocument

# .doc and .wps too: the reader then says clearly to save them as .docx.
OPEN_FILTER = "*.docx *.txt *.doc *.wps"


def save_document(document: Document, path: Path, **options) -> object:  # noqa: ANN003
    """app.io.save.save_document, loaded with the first save (tests replace this one)."""
    from app.io.save import save_document as write

    return write(document, path, **options)


def named(path: Path, exc: DocumentError) -> DocumentError:
    """The error with the file's name first: which file, when several were dropped or opened."""
    return DocumentError(arg(translate("MainWindow", "“%1” cannot be opened."), path.name) + "\n\n" + exc.message,
                         exc.detail)


def file_mtime(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime if path is not None else None
    except OSError:
        return None


class DocumentSession(QObject):
    """One window's open document; see the module's doc."""

    # A new ReportDocument is in the editor (opened, new, recovered, restored).
    documentShown = Signal(object)
    titleChanged = Signal(str)
    saved = Signal(str)  # the path just written

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path: Path | None = None
        self.title = translate("MainWindow", "Untitled")
        self.opened_mtime: float | None = None
        self._made: ReportDocument | None = None  # the editor's document, made by ``show``

    # -- showing a document ------------------------------------------------------------------

    def show(self, document: Document, path: Path | None, title: str) -> ReportDocument:
        """Show ``document`` in a new ReportDocument: built and scanned before the editor lays it
        out (highlighting a laid-out document costs a relayout per block), then swapped in."""
        from app.ui.report_document import ReportDocument

        self.window.finish_start()  # a document shown before the first frame (a recovered copy) stays
        editor = self.window.editor
        old = editor.document()
        # Margins set while empty: a margin change after the text breaks Qt's table layout.
        qdoc = ReportDocument.of(document, editor, prepare=editor.set_page_margins)
        # QTextEdit deletes only a document it made itself: one of ours shown before goes here,
        # with every paragraph's BlockData (each report opened kept ~90 MB at 1,500 pages).
        ours = old is self._made
        with qdoc.unchanged():
            editor.setDocument(qdoc)
        self._made = qdoc
        if ours:
            old.release()
            old.deleteLater()
        qdoc.setModified(False)
        self.path = path
        self.opened_mtime = file_mtime(path) if path is not None and document.origin == "docx" else None
        editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.set_title(title)
        self.documentShown.emit(qdoc)
        return qdoc

    def set_title(self, title: str) -> None:
        self.title = title
        self.titleChanged.emit(title)

    # -- in ---------------------------------------------------------------------------------

    def open_path(self, path: str | os.PathLike) -> bool:
        window = self.window
        if not window.safety.may_open(path):
            return False
        if not self.maybe_keep_changes():
            return False
        path = Path(path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # Reading a report makes some 250,000 objects that all stay: the collector's full passes
        # would walk them again and again while they are made (a third of the time to open 1,500
        # pages). It is paused here and back when the report is in (see MainWindow).
        gc.disable()
        from app.ui.progress import Steps

        steps = Steps(window, arg(translate("MainWindow", "Opening “%1”…"), path.name), 2)
        try:
            from app.io.load import load

            document = load(path)
        except DocumentError as exc:
            gc.enable()
            steps.done()
            QGuiApplication.restoreOverrideCursor()
            self.error(translate("MainWindow", "Cannot open the file"), named(path, exc))
            return False
        except Exception as exc:  # noqa: BLE001 - any reader failure is the file's, never a crash
            gc.enable()
            steps.done()
            QGuiApplication.restoreOverrideCursor()
            self.error(translate("MainWindow", "Cannot open the file"),
                       named(path, DocumentError(translate("MainWindow", "The file cannot be read."), repr(exc))))
            return False
        # Shown from here on when reading took longer than progress.SHOW_AFTER_MS.
        steps.next(translate("MainWindow", "Laying out the pages and finding the placeholders…"))
        try:
            self.show(document, path, path.name)
        except BaseException:
            gc.enable()
            raise
        finally:
            steps.done()
            QGuiApplication.restoreOverrideCursor()
        window.settings.add_recent(str(path))
        # Written once the report has painted: the write waits for the disk (fsync), which on an
        # office PC's disk can take longer than the opening itself. Closing the window writes it too.
        window.editor.after_paint(window.settings.save)
        return True

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        window = self.window
        name, _ = QFileDialog.getOpenFileName(
            window, translate("MainWindow", "Open Report"), window.settings.last_folder,
            translate("MainWindow", "Reports") + f" ({OPEN_FILTER});;" + translate("MainWindow", "All files") + " (*)")
        if name:
            self.open_path(name)

    def new_file(self) -> None:
        if self.maybe_keep_changes():
            from app.core.document import Document

            self.show(Document(), None, translate("MainWindow", "Untitled"))

    def new_from_template(self, path: Path) -> None:
        if not self.maybe_keep_changes():
            return
        from app.io.load import load

        try:
            document = load(path)
        except DocumentError as exc:
            self.error(translate("MainWindow", "Cannot open the template"), exc)
            return
        self.show(document, None, path.stem)
        self.window.editor.document().setModified(True)

    # -- out --------------------------------------------------------------------------------

    def save(self) -> bool:
        document = self.window.report.original
        if self.path is None or document.origin != "docx" or self.path.suffix.lower() != ".docx":
            return self.save_as()
        return self.write(self.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        folder = Path(self.window.settings.last_folder)
        stem = self.path.stem if self.path is not None else self.title
        name, _ = QFileDialog.getSaveFileName(self.window, translate("MainWindow", "Save As"),
                                              str(folder / f"{stem}.docx"),
                                              translate("MainWindow", "Word document") + " (*.docx)")
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(path.suffix + ".docx") if path.suffix else path.with_suffix(".docx")
        return self.write(path, save_as=True)

    def write(self, path: Path, save_as: bool = False) -> bool:
        """Write the document to ``path`` (``save_as``: whatever the file on disk now holds)."""
        window = self.window
        document = window.report.export()
        expected = self.opened_mtime if not save_as and path == self.path else None
        try:
            window.safety.check_target(path)
            save_document(document, path, expected_mtime=expected)
        except DocumentError as exc:
            return window.safety.save_failed(exc, path)
        except Exception as exc:  # noqa: BLE001 - the user's work stays in the window
            return window.safety.save_failed(DocumentError(translate("MainWindow", "Error while saving."), repr(exc)),
                                             path)
        self._adopt_saved(path, document)
        window.settings.add_recent(str(path))
        window.settings.save()
        self.saved.emit(str(path))
        return True

    def _adopt_saved(self, path: Path, written: Document) -> None:
        """After a save the file on disk is the new baseline: blocks map to what was written, the
        undo history stays."""
        from dataclasses import replace

        from app.io.load import load

        try:
            saved = load(path)
        except DocumentError:
            saved = written
        same = len(saved.blocks) == len(written.blocks)
        report = self.window.report
        report.adopt(replace(saved, blocks=list(saved.blocks)) if same else written)
        self.path = path
        self.opened_mtime = file_mtime(path)
        report.setModified(False)
        self.set_title(path.name)
        self.window.safety.document_saved()

    def maybe_keep_changes(self) -> bool:
        """Ask before unsaved work is lost; False when the user cancels."""
        if not self.window.editor.document().isModified():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self.window, translate("MainWindow", "Unsaved changes"),
            translate("MainWindow", "The document has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def error(self, title: str, exc: DocumentError) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message, QMessageBox.StandardButton.Ok, self.window)
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()

    def saved_message(self, path: str) -> str:
        return arg(translate("MainWindow", "Saved to %1"), path)
