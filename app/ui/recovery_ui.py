"""At start: offer the recovery copies a crashed or killed window left (恢复 / 放弃 / 稍后再说).

TIANBAO_RECOVERY_ANSWER ("recover", "discard" or "later") answers every offer without a dialog
(for scripts and the kill-and-restart test); tests in-process replace ``ask_recovery``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox, QWidget

from app.core.document import RunFormat
from app.io.errors import DocumentError
from app.io.recovery import RecoveryEntry
from app.ui.block_data import blocks_in, data_of
from app.ui.i18n import arg, translate
from app.ui.qt_formats import char_format
from app.ui.dialogs import ask, inform, same_file

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.main_window import MainWindow

ANSWERS = ("recover", "discard", "later")
# Windows opened for second and further recovered documents: kept alive here (no Qt parent).
_windows: list[QWidget] = []


def ask_recovery(parent: QWidget | None, entry: RecoveryEntry) -> str:
    """"recover", "discard" or "later" for one recovery copy."""
    forced = os.environ.get("TIANBAO_RECOVERY_ANSWER", "").strip().lower()
    if forced in ANSWERS:
        return forced
    where = entry.original_path or translate("Recovery", "(a new document, never saved)")
    text = arg(translate("Recovery", "Tianbao was not closed properly last time. An autosaved copy was found:\n\n"
                                     "Document: %1\nSaved at: %2\nOriginal file: %3\n\n"
                                     "Recover: open this copy (not yet saved to the original file; check it, "
                                     "then save).\n"
                                     "Discard: delete this copy.\n"
                                     "Later: keep the copy and ask again at the next start."),
               entry.name, entry.local_time(), where)
    return ask(parent, translate("Recovery", "Recover Unsaved Document"), text,
               [("recover", translate("Recovery", "Recover")), ("discard", translate("Recovery", "Discard")),
                ("later", translate("Recovery", "Later"))],
               default="recover", icon=QMessageBox.Icon.Question)


def _pristine(window: MainWindow) -> bool:
    return window.path is None and not window.editor.document().isModified() \
        and not window.editor.document().toPlainText().strip()


def _apply_run_formats(window: MainWindow) -> None:
    """Plain-text documents are shown without run formats (document_build's fast path); a recovered one
    may carry bold or fonts the user set, so put them on its characters."""
    qdoc = window.editor.document()
    qdoc.setUndoRedoEnabled(False)
    try:
        for qblock in blocks_in(qdoc):
            data = data_of(qblock)
            core = data.block if data is not None else None
            if core is None or all(run.format == RunFormat() for run in core.runs):
                continue
            position = qblock.position()
            for n, run in enumerate(core.runs):
                length = len(run.text.encode("utf-16-le")) // 2
                cursor = QTextCursor(qdoc)
                cursor.setPosition(position)
                cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(char_format(run.format, n))
                position += length
    finally:
        qdoc.setUndoRedoEnabled(True)


def recover_into(window: MainWindow, entry: RecoveryEntry) -> bool:
    """Open the copy ``entry`` in ``window`` as an unsaved document tied to its original path."""
    from app.io.recovery_payload import restore

    store = window.safety.store
    try:
        claimed = store.claim(entry.id)
        if claimed is None:
            return False  # another starting window took it
        copy = restore(store.load(claimed.id))
    except (DocumentError, OSError) as exc:
        message = exc.message if isinstance(exc, DocumentError) \
            else translate("Recovery", "Cannot read the recovery copy.")
        detail = exc.detail if isinstance(exc, DocumentError) else str(exc)
        inform(window, translate("Recovery", "Cannot recover"),
               arg(translate("Recovery", "%1\nThe copy is still kept in: %2"), message, entry.file.parent),
               detail=detail)
        return False
    path = Path(claimed.original_path) if claimed.original_path else None
    name = path.name if path is not None else (copy.title or claimed.name)
    window.session.show(copy.document, path, name)
    if copy.document.origin == "text":
        _apply_run_formats(window)
    window.safety.adopt_copy(claimed.id)
    if path is not None and copy.opened_mtime is not None:
        window.session.opened_mtime = copy.opened_mtime
    window.session.set_title(arg(translate("Recovery", "%1 (recovered)"), name))
    window.editor.document().setModified(True)
    window.refresh_now()
    window.status.message(
        arg(translate("Recovery", "Recovered the copy autosaved at %1; not yet saved to the original file."),
            claimed.local_time()), 15000)
    return True


def offer_recovery(window: MainWindow, path: str | os.PathLike | None = None) -> str | os.PathLike | None:
    """Offer every orphaned recovery copy. The first one recovered goes into ``window`` (while it
    is empty), others into new windows. Returns ``path`` when it still needs opening in
    ``window``; None when a recovered copy of it is shown, or ``window`` is taken and ``path``
    was opened in a window of its own."""
    try:
        entries = window.safety.store.orphans()
    except OSError:
        entries = []
    for entry in entries:
        answer = ask_recovery(window, entry)
        if answer == "discard":
            try:
                window.safety.store.discard(entry.id)
            except OSError:
                pass
            continue
        if answer != "recover":
            continue
        target = window
        if not _pristine(window):
            target = type(window)(window.settings)
            target.show()
            _windows.append(target)
        if recover_into(target, entry) and path is not None and entry.original_path \
                and same_file(Path(entry.original_path), Path(path)):
            path = None
    if path is not None and not _pristine(window):
        other = type(window)(window.settings)
        other.show()
        _windows.append(other)
        other.open_path(path)
        return None
    return path
