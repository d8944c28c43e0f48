"""What every operation on the whole report shares (clean-up, section moves, renumbering, hint
fixes, official format): the engine's Change applied as one undo step, refusals and results told
to the user, the engine's Chinese labels in the window's language, a wait cursor while it runs."""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.ui.i18n import translate

if TYPE_CHECKING:
    from app.core.edits import Change
    from app.ui.main_window import MainWindow

# The engine names its Changes and outline refusals in Chinese (they are its data); the window
# shows them in its own language. A message the engine adds later shows as the engine wrote it.
CHANGE_LABELS = {
    "移动章节": QT_TRANSLATE_NOOP("Beyond", "Move section"),
    "提升级别": QT_TRANSLATE_NOOP("Beyond", "Promote"),
    "降低级别": QT_TRANSLATE_NOOP("Beyond", "Demote"),
    "重新编号": QT_TRANSLATE_NOOP("Beyond", "Renumber"),
    "半角标点改为全角": QT_TRANSLATE_NOOP("Beyond", "Half-width punctuation to full width"),
    "清除模板广告": QT_TRANSLATE_NOOP("Beyond", "Remove template ads"),
    "套用公文格式": QT_TRANSLATE_NOOP("Beyond", "Apply Official Format"),
    "清除多余空段落和页码": QT_TRANSLATE_NOOP("Beyond", "Remove extra empty paragraphs and page numbers"),
    "同时填写相同的占位符": QT_TRANSLATE_NOOP("Beyond", "Fill matching placeholders"),
}
OUTLINE_ERRORS = {
    "没有这一节。": QT_TRANSLATE_NOOP("Beyond", "There is no such section."),
    "标题不能移动。": QT_TRANSLATE_NOOP("Beyond", "The title cannot be moved."),
    "目标位置不在文档内。": QT_TRANSLATE_NOOP("Beyond", "The target position is outside the document."),
    "不能把一节移到它自己里面。": QT_TRANSLATE_NOOP("Beyond", "A section cannot be moved into itself."),
    "不能移到标题前面。": QT_TRANSLATE_NOOP("Beyond", "Nothing can be moved above the title."),
    "已经是同级的第一节。": QT_TRANSLATE_NOOP("Beyond", "This is already the first section at its level."),
    "已经是同级的最后一节。": QT_TRANSLATE_NOOP("Beyond", "This is already the last section at its level."),
    "已经是最高一级，不能再升级。": QT_TRANSLATE_NOOP("Beyond", "Already at the top level."),
    "已经是最低一级，不能再降级。": QT_TRANSLATE_NOOP("Beyond", "Already at the lowest level."),
    "这一节的编号不能升降级。": QT_TRANSLATE_NOOP("Beyond", "This section's number cannot change level."),
}


def engine_text(table: dict[str, str], text: str) -> str:
    """``text`` from the engine (Chinese) in the window's language, where the table knows it."""
    source = table.get(text)
    return translate("Beyond", source) if source is not None else text


@contextmanager
def waiting() -> Iterator[None]:
    """The wait cursor while an operation runs (the official format of a long report takes seconds)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class Operations(QObject):
    """Applies the report operations' Changes and tells the user how it went."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: QMessageBox | object | None = None  # the review or message open right now (tests drive it)

    def message(self, text: str, timeout_ms: int = 5000) -> None:
        self.window.status.message(text, timeout_ms)

    def warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("beyondMessage")
        self.dialog = box
        box.open()

    def apply(self, change: Change) -> bool:
        """Apply ``change`` to the report as one undo step; False (after saying why) when refused."""
        from app.ui.change_applier import ApplyError

        changes = self.window.report.changes
        try:
            changes.check(change)
            self.window.fill_record.after_change(change)  # the values filled in follow the change
            with waiting():
                return changes.apply(change)
        except ApplyError as exc:
            self.warn(translate("Beyond", "Cannot Do That"), str(exc))
            return False

    def apply_counted(self, change: Change, nothing_to_do: str, done: Callable[[int], str]) -> bool:
        """Apply a Change that edits places across the report: say ``nothing_to_do`` when it is
        empty, else apply it and say ``done(places)`` (a numerus message with %1)."""
        if change.empty:
            self.message(nothing_to_do)
            return False
        if not self.apply(change):
            return False
        n = len(change.edits)
        self.message(done(n).replace("%1", str(n)))
        return True

    def done(self, change: Change) -> None:
        self.message(translate("Beyond", "%1 (can be undone)").replace("%1", engine_text(CHANGE_LABELS, change.label)))
