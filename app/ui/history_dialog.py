"""文件 > 历史版本: the previous versions kept of the current document (app.io.save keeps the
last ten, one copy made just before each save replaced the file), newest first; restoring one
opens it in the window as the document, unsaved, so nothing is overwritten until the user saves.
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from app.io.errors import DocumentError
from app.io.save import backup_folder, backups_of
from app.ui import dialogs
from app.ui.i18n import arg, translate

if TYPE_CHECKING:  # pragma: no cover
    from app.ui.main_window import MainWindow


def version_label(path: Path) -> str:
    """"2026-11-28 09:41:07 · 36 KB": when that version was last saved (the backup keeps the
    file's own time), and its size."""
    try:
        info = path.stat()
    except OSError:
        return path.name
    when = datetime.fromtimestamp(info.st_mtime).strftime("%Y-%m-%d %H:%M:%S")
    return f"{when}  ·  {max(1, round(info.st_size / 1024))} KB"


def newest_first(versions: list[Path]) -> list[Path]:
    """By the time each version was saved (a backup keeps its file's time), which is also what
    the list shows; the backup's own name breaks ties."""

    def saved_at(path: Path) -> tuple[int, str]:
        try:
            return path.stat().st_mtime_ns, path.name
        except OSError:
            return 0, path.name

    return sorted(versions, key=saved_at, reverse=True)


class HistoryDialog(QDialog):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.setObjectName("historyDialog")
        self.setWindowTitle(translate("History", "Version History"))
        self.resize(480, 360)
        layout = QVBoxLayout(self)
        self.versions = [] if window.path is None else newest_first(backups_of(window.path))
        if window.path is None:
            note = translate("History", "This document has never been saved, so it has no earlier versions.")
        elif not self.versions:
            note = arg(translate("History", "“%1” has no earlier versions yet: before every save, Tianbao keeps "
                                            "the file as it was as an earlier version."), window.path.name)
        else:
            # self.tr, not translate(): pyside6-lupdate sees a count ("the last one") only in tr().
            note = arg(self.tr("Versions of “%1” from before its saves (the last %2, newest at the top). A restored "
                               "version opens as the current document; the file is replaced only when you save.",
                               "", len(self.versions)),
                       window.path.name, len(self.versions))
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.list = QListWidget(self)
        self.list.setObjectName("historyList")
        for path in self.versions:
            item = QListWidgetItem(version_label(path))
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.list.addItem(item)
        if self.versions:
            self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.restore_selected())
        layout.addWidget(self.list, 1)
        if window.path is not None:
            where = QLabel(arg(translate("History", "Kept in: %1"), backup_folder(window.path)), self)
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(where)
        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(translate("History", "Restore This Version"), self)
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.setEnabled(bool(self.versions))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(translate("History", "Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def selected(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def restore_selected(self) -> bool:
        version = self.selected()
        if version is None:
            return False
        if restore_version(self.window, version):
            self.accept()
            return True
        return False


def restore_version(window: MainWindow, version: Path) -> bool:
    """Show the kept version ``version`` as the window's document, unsaved, after confirmation."""
    from app.io.load import load

    path = window.path
    if path is None:
        return False
    label = version_label(version).split("  ·  ")[0]
    choice = dialogs.ask(window, translate("History", "Restore Earlier Version"),
                        arg(translate("History", "Replace the window's content with the version saved at %1?\n"
                                                 "“%2” itself is not changed until you save; when you do, its "
                                                 "present content is kept as an earlier version too."),
                            label, path.name),
                        [("restore", translate("History", "Restore")), ("cancel", translate("History", "Cancel"))],
                        default="restore")
    if choice != "restore" or not window.maybe_keep_changes():
        return False
    try:
        document = load(version)
    except DocumentError as exc:
        dialogs.inform(window, translate("History", "Cannot restore the earlier version"), exc.message,
                      detail=exc.detail)
        return False
    window.session.show(document, path, path.name)
    window.session.set_title(arg(translate("History", "%1 (version of %2)"), path.name, label))
    window.editor.document().setModified(True)
    window.status.message(
        arg(translate("History", "Opened the version of %1; saving will replace “%2”."), label, path.name), 15000)
    return True
