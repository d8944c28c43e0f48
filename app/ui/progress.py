"""Progress for long work (opening a long report, official format, PDF export): a progress
dialog that shows only once the work has taken longer than SHOW_AFTER_MS, moved on between
steps with the event loop turned, so that the window paints and says what it is doing."""
from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QProgressDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SHOW_AFTER_MS = 500
_MIN_WAIT_MS = 50  # before this, no guess at the whole from the steps so far (as QProgressDialog)
# Every dialog shown, for tests (the last few).
SHOWN: list[str] = []


class Steps:
    """``steps.next(label)`` between the steps of one piece of work; ``done()`` at the end. The
    dialog is made only when it is to show: most work is done long before (making one costs
    ~0.7 ms, a fiftieth of opening a short report). When it shows is QProgressDialog's own rule
    for its minimum duration: once the work has taken SHOW_AFTER_MS, or earlier where the steps
    so far say the whole will take that long."""

    def __init__(self, parent: QWidget, title: str, count: int) -> None:
        self.parent = parent
        self.title = title
        self.count = count
        self.dialog: QProgressDialog | None = None
        self._step = 0
        self._started = time.monotonic()

    def _due(self) -> bool:
        elapsed = (time.monotonic() - self._started) * 1000
        if elapsed >= SHOW_AFTER_MS:
            return True
        left = self.count - self._step
        return elapsed > _MIN_WAIT_MS and elapsed * left / self._step >= SHOW_AFTER_MS

    def _show(self) -> QProgressDialog:
        dialog = QProgressDialog(self.title, "", 0, self.count, self.parent)
        dialog.setWindowTitle(self.title)
        dialog.setCancelButton(None)  # the steps cannot be stopped halfway
        # Not modal (a modal one turns the event loop at every step); the user's input waits
        # while the steps run (ExcludeUserInputEvents below).
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(True)
        dialog.show()
        return dialog

    def next(self, label: str) -> None:
        self._step += 1
        if self.dialog is None:
            if not self._due():
                return
            self.dialog = self._show()
        self.dialog.setLabelText(label)
        self.dialog.setValue(self._step)
        SHOWN.append(label)
        del SHOWN[:-20]
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def done(self) -> None:
        if self.dialog is not None:
            self.dialog.setValue(self.dialog.maximum())
            self.dialog.close()
            self.dialog.deleteLater()
