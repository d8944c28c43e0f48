"""Keeping the user's work safe while a window has it: autosaved recovery copies, one owner per
document, and saves that fail without losing anything.

One SafetyController per MainWindow. The window calls it at a handful of moments (a document
shown, a file about to be opened, a save that worked or failed, a clean close); everything
else it does on its own, listening to the editor. The Qt-free parts are app.io.recovery
(RecoveryStore, AutosaveClock), app.io.recovery_payload (what a copy holds) and app.io.locks.

Dialogs go through ``ask`` and ``inform`` so tests (and scripts) can answer them.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from app.io.errors import DocumentError
from app.ui.dialogs import ask, inform, kept_safe, read_only, same_file
from app.ui.i18n import arg, translate

# The recovery store, the locks and the dialogs are loaded when first needed, not before the
# window's first frame (start-up time): a new, empty window needs none of them.
if TYPE_CHECKING:  # pragma: no cover
    from PySide6.QtWidgets import QMessageBox

    from app.io.locks import DocumentLock
    from app.io.recovery import AutosaveClock, RecoveryStore
    from app.ui.main_window import MainWindow

# Seconds after typing pauses before a recovery copy is written (at the latest after a minute
# of typing). TIANBAO_AUTOSAVE_PAUSE overrides it for tests and demos.
AUTOSAVE_PAUSE_S = 3.0
AUTOSAVE_MAX_S = 60.0
# After a copy could not be written (disk full), try again this much later, not on every key.
RETRY_S = 60.0
# How long a second window waits for the holder of a document to answer "bring yourself forward"
# before it decides the holder is hung and just says where the document is open; and how often
# the holder looks for such requests when the file-system watcher missed one.
RAISE_WAIT_S = 2.0
REQUEST_POLL_MS = 2000
# Where app.io.recovery keeps its copies unless told otherwise (its default_root and SUFFIX),
# known here without loading it; tests/test_start_up.py checks that the two agree.
RECOVERY_SUFFIX = ".tbrec"


def default_recovery_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Tianbao", appauthor=False)) / "recovery"


class SafetyController(QObject):
    brought_forward = Signal()  # another process asked for this window's document (drivers listen)

    def __init__(self, window: MainWindow, store: RecoveryStore | None = None) -> None:
        super().__init__(window)
        self.window = window
        # Set when a document this window was asked to open came forward in another process's window.
        self.handed_over = False
        # Requests from other processes to bring this window forward: files in the lock's
        # endpoint folder, watched (the watcher can miss events, hence also a slow poll).
        self.requests: Path | None = None
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._serve_requests)
        self.request_poll = QTimer(self)
        self.request_poll.setInterval(REQUEST_POLL_MS)
        self.request_poll.timeout.connect(self._serve_requests)
        # The store, the document's id in it and the autosave clock are made when first used: a
        # new window has nothing to save until the first edit.
        self._store = store
        self._doc_id: str | None = None
        self._clock: AutosaveClock | None = None
        self.copy_written = False
        self.lock: DocumentLock | None = None
        self.warning: QMessageBox | None = None  # the last heads-up shown (tests read it)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._tick)
        window.editor.textChanged.connect(self._on_edit)

    @property
    def store(self) -> RecoveryStore:
        if self._store is None:
            from app.io.recovery import RecoveryStore

            self._store = RecoveryStore()
        return self._store

    @property
    def doc_id(self) -> str:
        """This document's name in the store: its copies are saved and discarded under it."""
        if self._doc_id is None:
            self._doc_id = self.store.new_id()
        return self._doc_id

    @doc_id.setter
    def doc_id(self, value: str) -> None:
        self._doc_id = value

    @property
    def clock(self) -> AutosaveClock:
        if self._clock is None:
            from app.io.recovery import AutosaveClock

            pause = AUTOSAVE_PAUSE_S
            try:
                pause = float(os.environ.get("TIANBAO_AUTOSAVE_PAUSE", pause))
            except ValueError:
                pass
            self._clock = AutosaveClock(pause_s=pause, max_interval_s=max(AUTOSAVE_MAX_S, pause))
        return self._clock

    def prepare(self) -> None:
        """Load the store and the clock now (the window calls this once it has painted), so that
        the first keystroke does not wait for them."""
        _ = self.store, self.clock

    def recovery_folder_in_use(self) -> bool:
        """Whether the store's folder holds a recovery copy, or a temporary file a killed writer
        left, at all (one look at the folder, without loading the store). When not, there is
        nothing to offer or tidy at start."""
        root = self._store.root if self._store is not None else default_recovery_root()
        try:
            with os.scandir(root) as entries:
                return any(e.name.endswith(RECOVERY_SUFFIX) or e.name.endswith(".tmp") for e in entries)
        except OSError:
            return False

    # -- autosave --------------------------------------------------------------------------

    def _modified(self) -> bool:
        return self.window.editor.document().isModified()

    def _on_edit(self) -> None:
        if self._modified():
            self.clock.changed(time.monotonic())
            self._schedule()

    def _on_modification_changed(self, modified: bool) -> None:
        if modified:
            self._on_edit()
        else:
            # Saved, or undone back to the file: the file itself is the safe copy now.
            self.timer.stop()
            self.clock.saved(time.monotonic())
            self.discard_copy()

    def _schedule(self, delay_s: float | None = None) -> None:
        if delay_s is None:
            delay_s = self.clock.next_check(time.monotonic())
        if delay_s is None:
            return
        # Restarting on every keystroke would push the copy back forever while typing goes on;
        # the clock knows the minute limit, so only ever bring the timer forward.
        ms = int(delay_s * 1000) + 1
        if not self.timer.isActive() or self.timer.remainingTime() > ms:
            self.timer.start(ms)

    def _tick(self) -> None:
        now = time.monotonic()
        if not self.clock.dirty:
            return
        if self.clock.due(now):
            self.autosave_now()
        else:
            self._schedule()

    def autosave_now(self) -> bool:
        """Write the recovery copy of the window's document now; False when there is nothing to
        save or it could not be written (the user is told once, in the status bar)."""
        from app.io.recovery_payload import recovery_bytes

        if not self._modified():
            return False
        started = time.monotonic()
        window = self.window
        try:
            payload = recovery_bytes(window.current_document(), title=window.title,
                                     opened_mtime=window.session.opened_mtime)
            self.store.save(self.doc_id, window.path, payload, title=window.title)
        except Exception as exc:  # noqa: BLE001 - a failed copy must never cost the editor
            message = exc.message if isinstance(exc, DocumentError) else arg(translate("Safety", "Cannot write the recovery copy: %1"), repr(exc))
            window.status.message(message, 10000)
            self.timer.start(int(RETRY_S * 1000))
            return False
        self.copy_written = True
        self.clock.saved(started)
        if self.clock.dirty:  # typed while the copy was being written
            self._schedule()
        return True

    def discard_copy(self) -> None:
        if self.copy_written:
            self.copy_written = False
            try:
                self.store.discard(self.doc_id)
            except OSError:
                pass  # left behind, it is offered at the next start: better than lost

    def adopt_copy(self, doc_id: str) -> None:
        """Autosave over the (claimed) recovery copy ``doc_id`` from now on."""
        self.discard_copy()
        self.doc_id = doc_id
        self.copy_written = True

    # -- the window's moments --------------------------------------------------------------

    def document_replaced(self) -> None:
        """A new document is in the editor (opened, new, recovered, restored from history): the
        previous one was saved or given up (the window asked), so its copy goes."""
        self.timer.stop()
        self.discard_copy()
        self._doc_id = None  # a new id when its first copy is written
        if self._clock is not None:  # a clock not made yet has nothing pending
            self.clock.saved(time.monotonic())
        self.window.editor.document().modificationChanged.connect(self._on_modification_changed)
        self._own(self.window.path)

    def document_saved(self) -> None:
        """The document is now the file at window.path (a save or a save-as)."""
        self.timer.stop()
        self.clock.saved(time.monotonic())
        self.discard_copy()
        self._own(self.window.path)

    def closed(self) -> None:
        """The window closes cleanly (saved, or the user chose to discard): nothing to recover."""
        self.timer.stop()
        self.discard_copy()
        try:
            if self._store is not None:
                self._store.close()
        except OSError:
            pass
        self._release()

    # -- one document, one owner -----------------------------------------------------------

    def _release(self) -> None:
        self._stop_listening()
        lock, self.lock = self.lock, None
        if lock is not None:
            try:
                lock.release()
            except OSError:
                pass  # the OS lock ends with the process anyway

    def _own(self, path: Path | None) -> None:
        """Hold Tianbao's lock on ``path`` and warn when Word, WPS or another window has it."""
        if self.lock is not None and same_file(self.lock.document, path):
            return
        self._release()
        if path is None:
            return
        from app.io.locks import DocumentLock, foreign_owner

        requests = DocumentLock.requests_folder(path)
        try:
            self.lock = DocumentLock.acquire(path, endpoint=str(requests))
        except OSError:
            self.lock = None  # no lock folder (read-only home): the document still opens
        else:
            if self.lock is not None:
                self._listen(requests)
            else:
                self._warn(translate("Safety", "This file is already open in another Tianbao window. If both are "
                                               "changed, the later save overwrites the earlier one."),
                           self._holder_detail(path))
                return
        owner = foreign_owner(path)
        if owner is not None:
            self._warn(owner.describe(), str(owner.path))

    def _listen(self, folder: Path) -> None:
        from app.io.locks import remove_requests_folder

        remove_requests_folder(folder)  # requests left for a process that died are not ours
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return  # nobody can bring this window forward; the others fall back to their message
        self.requests = folder
        self.watcher.addPath(str(folder))
        self.request_poll.start()

    def _stop_listening(self) -> None:
        self.request_poll.stop()
        if self.watcher.directories():
            self.watcher.removePaths(self.watcher.directories())
        self.requests = None

    def _serve_requests(self, *_: object) -> None:
        """Bring this window forward for each request naming its document, and answer it."""
        if self.requests is None or self.lock is None:
            return
        from app.io.locks import acknowledge, pending_requests

        raised = False
        for request, document in pending_requests(self.requests):
            if document is None or not same_file(Path(document), self.lock.document):
                continue
            if not raised:
                self.bring_forward()
                raised = True
            acknowledge(request)
        if raised:
            self.brought_forward.emit()

    def bring_forward(self) -> None:
        window = self.window
        if window.isMinimized():
            window.showNormal()
        elif not window.isVisible():
            window.show()
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized | Qt.WindowState.WindowActive)
        window.raise_()
        window.activateWindow()

    def _ask_holder_to_come_forward(self, endpoint: str | None, path: Path) -> bool:
        """True when the process holding ``path`` answered our request to raise its window."""
        if not endpoint:
            return False
        from app.io.locks import send_raise_request, wait_for_ack

        try:
            request = send_raise_request(endpoint, path)
        except OSError:
            return False
        try:
            return wait_for_ack(request, RAISE_WAIT_S)
        except OSError:
            return False

    def _warn(self, text: str, detail: str | None = None) -> None:
        self.window.status.message(text, 15000)
        self.warning = inform(self.window, translate("Safety", "Document in use"), text, detail=detail, modal=False)

    @staticmethod
    def _holder_detail(path: Path) -> str | None:
        from app.io.locks import DocumentLock

        try:
            holder = DocumentLock.holder(path)
        except OSError:
            return None
        if holder is None:
            return None
        return arg(translate("Safety", "Process %1, computer %2"), holder.pid, holder.host)

    def may_open(self, path: str | os.PathLike) -> bool:
        """False (after telling the user) when ``path`` is open in another window already: one
        document, one owner. A window of this process is brought forward instead; so is one of
        another process, through a request file it answers (waiting at most RAISE_WAIT_S: a hung
        holder gets the plain "open elsewhere" message)."""
        path = Path(path)
        if same_file(self.window.path, path):
            return True
        from app.io.locks import DocumentLock, this_host

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, type(self.window)) and widget is not self.window and widget.isVisible() \
                    and same_file(widget.path, path):
                widget.showNormal()
                widget.raise_()
                widget.activateWindow()
                return False
        try:
            holder = DocumentLock.holder(path)
        except OSError:
            holder = None
        if holder is None or (holder.pid == os.getpid() and holder.host == this_host()):
            return True
        if holder.host in (None, this_host()) and self._ask_holder_to_come_forward(holder.endpoint, path):
            self.handed_over = True
            self.window.status.message(
                translate("Safety", "This file is already open in another Tianbao window, which has been brought "
                                    "to the front. It is not opened here a second time."), 15000)
            return False
        where = ""
        if holder.pid:
            where = arg(translate("Safety", " (process %1, computer %2)"), holder.pid, holder.host)
        inform(self.window, translate("Safety", "File already open"),
               arg(translate("Safety", "This file is already open in another Tianbao window%1. Please switch to "
                                       "that window to go on editing. It is not opened here a second time, so "
                                       "that the two cannot overwrite each other's changes."), where),
               detail=str(path))
        return False

    # -- saving ----------------------------------------------------------------------------

    def check_target(self, path: Path) -> None:
        """Refuse to save over a read-only file (DocumentError, handled by ``save_failed``)."""
        if read_only(path):
            raise DocumentError(arg(translate("Safety", "Cannot save to “%1”: the file is read-only. Save it "
                                                        "in another folder or under another name."), path),
                                str(path))

    def save_failed(self, exc: DocumentError, path: Path) -> bool:
        """Tell the user a save did not happen and offer the way out; True when a second try
        (overwrite, save as) succeeded. The document stays open with its changes either way."""
        from PySide6.QtWidgets import QMessageBox

        from app.io.save import FileChangedOnDisk

        window = self.window
        if isinstance(exc, FileChangedOnDisk):
            choice = ask(window, translate("Safety", "File changed on disk"),
                         arg(translate("Safety", "“%1” has been changed by another program since it was opened.\n"
                                                 "Overwrite: replace it with the window's content (its current "
                                                 "version stays in the version history).\n"
                                                 "Save As: save to a new file and keep both."), path.name),
                         [("overwrite", translate("Safety", "Overwrite")),
                          ("save_as", translate("Safety", "Save As…")), ("cancel", translate("Safety", "Cancel"))],
                         default="save_as", detail=exc.detail, icon=QMessageBox.Icon.Warning)
            if choice == "overwrite":
                return window.session.write(path, save_as=True)
            if choice == "save_as":
                return window.save_as()
            return False
        choice = ask(window, translate("Safety", "Cannot save"), f"{exc.message}\n\n{kept_safe()}",
                     [("save_as", translate("Safety", "Save As…")), ("cancel", translate("Safety", "Cancel"))],
                     default="save_as",
                     detail=exc.detail, icon=QMessageBox.Icon.Warning)
        window.status.message(arg(translate("Safety", "Not saved. %1"), kept_safe()), 10000)
        if choice == "save_as":
            return window.save_as()
        return False
