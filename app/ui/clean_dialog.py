"""Edit → Clean Up Template Ads… (编辑 → 清理模板广告…): what a template site added, listed
for review before anything goes.

Each item shows what would be removed inside its context, with a checkbox; the user can tick
all or none. Nothing is removed here: the caller turns the ticked items into one Change.
"""
from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.clean import CleanItem
from app.ui.i18n import arg, translate

ITEM_ROLE = Qt.ItemDataRole.UserRole + 11

# What each junk rule is, in the words a clerk uses.
RULE_LABELS = {
    "study-only": QT_TRANSLATE_NOOP("CleanDialog", "for study only"),
    "no-spread": QT_TRANSLATE_NOOP("CleanDialog", "do not pass on"),
    "delete-after": QT_TRANSLATE_NOOP("CleanDialog", "delete after use"),
    "members": QT_TRANSLATE_NOOP("CleanDialog", "membership ad"),
    "qq": QT_TRANSLATE_NOOP("CleanDialog", "QQ number"),
    "wechat": QT_TRANSLATE_NOOP("CleanDialog", "WeChat ID"),
    "group": QT_TRANSLATE_NOOP("CleanDialog", "group ad"),
    "official-account": QT_TRANSLATE_NOOP("CleanDialog", "official account"),
    "url": QT_TRANSLATE_NOOP("CleanDialog", "web address"),
    "omitted": QT_TRANSLATE_NOOP("CleanDialog", "words omitted"),
    "word-count": QT_TRANSLATE_NOOP("CleanDialog", "word count"),
    "to-be-continued": QT_TRANSLATE_NOOP("CleanDialog", "to be continued"),
    "dash-run": QT_TRANSLATE_NOOP("CleanDialog", "divider"),
    "resale": QT_TRANSLATE_NOOP("CleanDialog", "resale notice"),
    "download": QT_TRANSLATE_NOOP("CleanDialog", "download address"),
    "more": QT_TRANSLATE_NOOP("CleanDialog", "more samples"),
    "compiled-by": QT_TRANSLATE_NOOP("CleanDialog", "compiler's credit"),
    "site-name": QT_TRANSLATE_NOOP("CleanDialog", "site name"),
    "promotion": QT_TRANSLATE_NOOP("CleanDialog", "promotion"),
    "site-chrome": QT_TRANSLATE_NOOP("CleanDialog", "template site page"),
    "download-prompt": QT_TRANSLATE_NOOP("CleanDialog", "download prompt"),
    "excerpt-note": QT_TRANSLATE_NOOP("CleanDialog", "excerpt note"),
    "edit-note": QT_TRANSLATE_NOOP("CleanDialog", "template note"),
}

# The signals that make a line a template site's page text (rules.JUNK_SIGNALS), shown as the reason.
SIGNAL_LABELS = {
    "breadcrumb": QT_TRANSLATE_NOOP("CleanDialog", "breadcrumb"),
    "location": QT_TRANSLATE_NOOP("CleanDialog", "“you are here”"),
    "page-header": QT_TRANSLATE_NOOP("CleanDialog", "page header"),
    "publish-meta": QT_TRANSLATE_NOOP("CleanDialog", "publishing details"),
    "site-action": QT_TRANSLATE_NOOP("CleanDialog", "site button or link"),
    "site-word": QT_TRANSLATE_NOOP("CleanDialog", "site word"),
    "copyright": QT_TRANSLATE_NOOP("CleanDialog", "copyright notice"),
    "collection": QT_TRANSLATE_NOOP("CleanDialog", "collection caption"),
    "intro": QT_TRANSLATE_NOOP("CleanDialog", "site introduction"),
    "note-label": QT_TRANSLATE_NOOP("CleanDialog", "usage note"),
    "delete-note": QT_TRANSLATE_NOOP("CleanDialog", "“delete this line”"),
    "caption": QT_TRANSLATE_NOOP("CleanDialog", "page caption"),
    "file": QT_TRANSLATE_NOOP("CleanDialog", "file name"),
    "url": QT_TRANSLATE_NOOP("CleanDialog", "web address"),
    "date-stamp": QT_TRANSLATE_NOOP("CleanDialog", "timestamp"),
    "clock": QT_TRANSLATE_NOOP("CleanDialog", "time of day"),
    "count": QT_TRANSLATE_NOOP("CleanDialog", "view count"),
    "ad": QT_TRANSLATE_NOOP("CleanDialog", "ad text"),
    "no-sentence": QT_TRANSLATE_NOOP("CleanDialog", "no sentence punctuation"),
    "top": QT_TRANSLATE_NOOP("CleanDialog", "above the first heading"),
}


def rule_label(rule: str) -> str:
    source = RULE_LABELS.get(rule)
    return translate("CleanDialog", source) if source is not None else translate("CleanDialog", "ad")


def reason_label(reason: str) -> str:
    """Why a line was found, in words: the signals that fired ("breadcrumb、site word"), or the
    rules of its ad fragments. A line marked down for reading as prose does not say so."""
    labels = []
    for part in reason.split("+"):
        source = SIGNAL_LABELS.get(part) or RULE_LABELS.get(part)
        if source is not None:
            labels.append(translate("CleanDialog", source))
    return translate("CleanDialog", ", ").join(dict.fromkeys(labels))


class CleanDialog(QDialog):
    """The review list; ``chosen()`` is what the user kept ticked."""

    def __init__(self, items: Sequence[CleanItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cleanDialog")
        self.setWindowTitle(self.tr("Clean Up Template Ads"))
        self.items = list(items)
        layout = QVBoxLayout(self)
        whole = sum(1 for i in self.items if i.whole_block)
        intro = QLabel(arg(self.tr(
            "Text added by a template site, found in %1 places (whole lines: %2, fragments inside sentences: %3). "
            "What is ticked will be deleted; placeholders never are. Undo (Ctrl+Z) brings it all back in one step.",
            "", len(self.items)), len(self.items), whole, len(self.items) - whole), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)

        self.list = QListWidget(self)
        self.list.setObjectName("cleanList")
        self.list.setAccessibleName(self.tr("Text to clean up"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        for item in self.items:
            row = QListWidgetItem(self._label(item))
            row.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable)
            row.setCheckState(Qt.CheckState.Checked if item.checked else Qt.CheckState.Unchecked)
            row.setToolTip(self._tooltip(item))
            row.setData(ITEM_ROLE, item)
            self.list.addItem(row)
        layout.addWidget(self.list, 1)

        row = QHBoxLayout()
        self.all_button = QPushButton(self.tr("Select All"), self)
        self.none_button = QPushButton(self.tr("Select None"), self)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        row.addWidget(self.all_button)
        row.addWidget(self.none_button)
        row.addStretch(1)
        self.count = QLabel(self)
        row.addWidget(self.count)
        layout.addLayout(row)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Delete Ticked Text"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(self._update_count)
        self._update_count()
        self.resize(640, 440)

    @staticmethod
    def _label(item: CleanItem) -> str:
        if item.whole_block:
            why = reason_label(item.reason) if item.reason and item.reason != item.rule else ""
            if why:
                return arg(translate("CleanDialog", "[%1 · whole line] %2\n    why: %3"), rule_label(item.rule),
                           item.context, why)
            return arg(translate("CleanDialog", "[%1 · whole line] %2"), rule_label(item.rule), item.context)
        return arg(translate("CleanDialog", "[%1 · fragment] “%2”  in: %3"), rule_label(item.rule),
                   item.text.strip(), item.context)

    @staticmethod
    def _tooltip(item: CleanItem) -> str:
        context = html.escape(item.context)
        token = html.escape(item.text.strip())
        if token and token in context:
            context = context.replace(token, f"<b>{token}</b>", 1)
        return arg(translate("CleanDialog", "Paragraph %1: %2"), item.block + 1, context)

    def set_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(state)

    def chosen(self) -> list[CleanItem]:
        return [self.list.item(i).data(ITEM_ROLE) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def _update_count(self) -> None:
        n = len(self.chosen())
        self.count.setText(arg(self.tr("%1 of %2 ticked"), n, len(self.items)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(n > 0)


__all__ = ["CleanDialog", "reason_label", "rule_label"]
