"""Edit → Clean Up Template Ads… (编辑 → 清理模板广告…): what a template site added is listed for
review (app/ui/clean_dialog.py), and what the user ticks goes in one undoable step."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.ui.i18n import arg, translate

if TYPE_CHECKING:
    from app.core.clean import CleanItem
    from app.core.document import Document
    from app.ui.clean_dialog import CleanDialog
    from app.ui.main_window import MainWindow
    from app.ui.operations import Operations


class Cleanup(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations

    def ask_clean(self) -> CleanDialog | None:
        from app.core.clean import clean_plan
        from app.ui.clean_dialog import CleanDialog

        document = self.window.report.export()
        items = clean_plan(document)
        if not items:
            self.operations.warn(translate("Beyond", "Clean Up Template Ads"),
                                 translate("Beyond", "No ads or watermarks added by a template site were found."))
            return None
        dialog = CleanDialog(items, self.window)
        self.operations.dialog = dialog
        dialog.accepted.connect(lambda: self.clean(document, dialog.chosen()))
        dialog.open()
        return dialog

    def clean(self, document: Document, chosen: list[CleanItem]) -> bool:
        if not chosen:
            return False
        # The text may have changed while the dialog was open: plan again on what is shown now.
        if self.window.report.export().texts != document.texts:
            self.operations.warn(translate("Beyond", "Clean Up Template Ads"),
                                 translate("Beyond", "The document changed during the review: "
                                                     "please open “Clean Up Template Ads” again."))
            return False
        from app.core.clean import clean_change

        done = self.operations.apply(clean_change(document, chosen))
        if done:
            n = len(chosen)
            self.operations.message(arg(self.tr("Template ads removed in %1 places (can be undone)", "", n), n))
        return done
