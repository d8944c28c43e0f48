"""Progress for long work (opening a long report, official format, PDF export): a progress
dialog that shows only once the work has taken longer than SHOW_AFTER_MS, moved on between
steps with the event loop turned, so that the window paints and says what it is doing."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QProgressDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

SHOW_AFTER_MS = 500
# Every dialog shown, for tests (the last few).
SHOWN: list[str] = []


class Steps:
    """``steps.next(label)`` between the steps of one piece of work; ``done()`` at the end."""

    def __init__(self, parent: QWidget, title: str, count: int) -> None:
        self.dialog = QProgressDialog(title, "", 0, count, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setCancelButton(None)  # the steps cannot be stopped halfway
        # Not modal (a modal one turns the event loop at every step, even unseen); the user's
        # input waits while the steps run (ExcludeUserInputEvents below).
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(True)
        self.dialog.setValue(0)
        self._step = 0

    def next(self, label: str) -> None:
        self._step += 1
        self.dialog.setLabelText(label)
        self.dialog.setValue(self._step)
        if self.dialog.isVisible():
            SHOWN.append(label)
            del SHOWN[:-20]
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def done(self) -> None:
        self.dialog.setValue(self.dialog.maximum())
        self.dialog.close()
        self.dialog.deleteLater()
