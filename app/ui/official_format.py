"""Format → Apply Official Format… (套用公文格式): after a summary of what will change, the whole
report is laid out to GB/T 9704 by the .docx engine (app.io.official, in memory), as one undo step."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from app.io.errors import DocumentError
from app.ui.i18n import arg, translate
from app.ui.operations import waiting

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.operations import Operations


def official_summary() -> str:
    return translate(
        "Beyond",
        "The whole document will be reformatted to GB/T 9704-2012, Layout Key for Official Documents of Party "
        "and Government Organs:\n\n"
        "• Paper: A4 (210×297 mm), portrait\n"
        "• Margins: top 37, bottom 35, left 28, right 26 mm (type area 156×225 mm)\n"
        "• Title: No. 2 FZXiaoBiaoSong-B05S, centred\n"
        "• Level 1 headings (一、): No. 3 SimHei; level 2 headings (（一）): No. 3 KaiTi_GB2312\n"
        "• Level 3 and 4 headings (1. （1）): No. 3 FangSong_GB2312\n"
        "• Body text: No. 3 FangSong_GB2312, first line indented 2 characters, justified\n"
        "• Line spacing: exactly 28.9 pt (22 lines a page)\n"
        "• Page numbers: No. 4 SimSun “— 1 —”, right on odd pages, left on even pages\n\n"
        "Where the computer lacks FangSong_GB2312 and the like, Word and WPS show FangSong, KaiTi and SimSun "
        "instead. Text in tables stays as it is. Undo (Ctrl+Z) restores everything in one step.")


class OfficialFormat(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations

    def ask_official(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, translate("Beyond", "Apply Official Format"), official_summary(),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("officialFormatConfirm")
        box.button(QMessageBox.StandardButton.Ok).setText(translate("Beyond", "Apply"))
        box.button(QMessageBox.StandardButton.Cancel).setText(translate("Beyond", "Cancel"))
        box.accepted.connect(self.official_format)
        self.operations.dialog = box
        box.open()
        return box

    def official_format(self) -> bool:
        """Reformat the open document to GB/T 9704, as one undo step: the report as shown goes
        through the .docx engine, and the window then shows (and saves) the formatted package."""
        from app.io.official import official_format_of

        from app.ui.progress import Steps

        title = translate("Beyond", "Apply Official Format")
        # A long report takes seconds: past half a second the steps show in a progress dialog.
        steps = Steps(self.window, title, 3)  # two steps, then done
        try:
            with waiting():
                steps.next(translate("Beyond", "Laying the report out to GB/T 9704…"))
                formatted = official_format_of(self.window.report.export())
        except DocumentError as exc:
            steps.done()
            self.operations.warn(title, exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - the user's text stays as it was
            steps.done()
            self.operations.warn(title, arg(translate(
                "Beyond", "Applying the official format failed; the document is unchanged.\n%1"), repr(exc)))
            return False
        from app.core.edits import Change

        report = self.window.report
        steps.next(translate("Beyond", "Showing the formatted report…"))
        with waiting(), self.window.fill_loop.kept_place():  # the view stays where the user was
            done = report.changes.apply(Change("套用公文格式"), rebuild=formatted)
        steps.done()
        if done:
            report.setModified(True)
            self.operations.message(translate(
                "Beyond", "Official format applied (can be undone); saving makes the file official format."))
        return done
