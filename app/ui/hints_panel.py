"""The Hints group (提示) under the placeholder list: stale years, counts in Chinese numerals, half-width
punctuation in Chinese sentences. Each row jumps to its place; nothing changes behind the
user's back, and half-width punctuation has a one-step fix."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.i18n import arg, translate

if TYPE_CHECKING:  # the group shows in the first frame, empty: the rest loads with the first hint
    from app.core.hints import Hint

HINT_ROLE = Qt.ItemDataRole.UserRole + 21
KIND_LABELS = {"stale-year": QT_TRANSLATE_NOOP("HintsPanel", "old year"),
               "number-style": QT_TRANSLATE_NOOP("HintsPanel", "numerals"),
               "punctuation": QT_TRANSLATE_NOOP("HintsPanel", "half-width"),
               "fill-not-year": QT_TRANSLATE_NOOP("HintsPanel", "not a year"),
               "fill-not-figure": QT_TRANSLATE_NOOP("HintsPanel", "not a figure"),
               "fill-over-100-percent": QT_TRANSLATE_NOOP("HintsPanel", "over 100%"),
               "fill-fraction-count": QT_TRANSLATE_NOOP("HintsPanel", "fraction"),
               "empty-run": QT_TRANSLATE_NOOP("HintsPanel", "empty lines"),
               "trailing-empty": QT_TRANSLATE_NOOP("HintsPanel", "empty at end"),
               "page-number-line": QT_TRANSLATE_NOOP("HintsPanel", "page number")}
# Damage kinds (app.core.damage.KINDS; this module loads before the engine): a one-step fix.
DAMAGE_KINDS = ("empty-run", "trailing-empty", "page-number-line")
CONTEXT_CHARS = 12


def kind_label(kind: str) -> str:
    source = KIND_LABELS.get(kind)
    return translate("HintsPanel", source) if source is not None else kind


def hint_message(hint: Hint, current_year: int | None = None) -> str:
    """What the hint tells the user, in the window's language (the engine's own message, in
    Chinese, where the kind is one the window does not know)."""
    if current_year is None:
        current_year = _this_year()
    if hint.kind == "stale-year" and hint.text.isdigit():
        return arg(translate("HintsPanel", "%1 is before this year (%2): is this last year's template, not yet "
                                           "updated?"), hint.text, current_year)
    if hint.kind == "number-style":
        return translate("HintsPanel", "Counts are better written in Arabic numerals (GB/T 15835); the rest of "
                                       "this document already does.")
    if hint.kind == "punctuation" and hint.fix:
        return arg(translate("HintsPanel", "Half-width “%1” in a Chinese sentence: should be full-width “%2”."),
                   hint.text, hint.fix)
    text = hint.text.strip()
    if hint.kind == "fill-not-year":
        return arg(translate("HintsPanel", "“%1” does not look like a year (four digits, %2 to %3)."),
                   text, 1949, current_year + 10)
    if hint.kind == "fill-not-figure":
        return arg(translate("HintsPanel", "A figure in Arabic numerals belongs here; “%1” was filled in."), text)
    if hint.kind == "fill-over-100-percent":
        return arg(translate("HintsPanel", "The percentage “%1%” is over 100%: please check."), text)
    if hint.kind == "fill-fraction-count":
        return arg(translate("HintsPanel", "“%1” counts whole things: usually a whole number."), text)
    if hint.kind in ("empty-run", "trailing-empty"):
        return arg(translate("HintsPanel", "%1 empty paragraphs in a row (left by copying or converting): one is "
                                           "enough."), text)
    if hint.kind == "page-number-line":
        return arg(translate("HintsPanel", "This line holds only the page number “%1” (left by copying from a PDF "
                                           "or a printout)."), text)
    return hint.message


def hint_line(hint: Hint, text: str) -> str:
    """"[旧年份] 2020 · …2020年度街道…" ("[old year] …" in English) for one row."""
    before = text[max(0, hint.start - CONTEXT_CHARS):hint.start]
    after = text[hint.end:hint.end + CONTEXT_CHARS]
    lead = "…" if hint.start > CONTEXT_CHARS else ""
    tail = "…" if hint.end + CONTEXT_CHARS < len(text) else ""
    if hint.kind in ("empty-run", "trailing-empty"):
        return arg(translate("HintsPanel", "[%1] %2 empty paragraphs"), kind_label(hint.kind), hint.text)
    token = f"“{hint.text}”" if hint.kind == "punctuation" else hint.text
    return arg(translate("HintsPanel", "[%1] %2 · %3"), kind_label(hint.kind), token,
               f"{lead}{before}{hint.text}{after}{tail}")


def hint_tooltip(hint: Hint, text: str) -> str:
    """The whole message and paragraph, for a row cut at the panel's edge."""
    global _escape
    if _escape is None:
        # With the first hint, not before the window's first frame; bound once, as an import
        # statement per row goes through PySide's import hook (~2 us each).
        from html import escape as _escape
    return f"<p>{_escape(hint_message(hint))}</p><p>{_escape(text)}</p>"


_escape = None


def _this_year() -> int:
    import datetime  # with the first hint, not before the window's first frame

    return datetime.date.today().year


class HintsPanel(QWidget):
    hintChosen = Signal(int, int, int)  # block (export index), start, end
    fixRequested = Signal()
    damageFixRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintsPanel")
        self.setAccessibleName(self.tr("Hints"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.header = QLabel(self)
        self.header.setObjectName("hintCount")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.fix_button = QPushButton(self.tr("Fix to Full Width"), self)
        self.fix_button.setObjectName("fixPunctuationButton")
        self.fix_button.setToolTip(self.tr("Change the half-width punctuation listed below to full width in one "
                                           "step (can be undone)"))
        self.fix_button.clicked.connect(self.fixRequested)
        self.damage_button = QPushButton(self)
        self.damage_button.setObjectName("fixDamageButton")
        self.damage_button.setToolTip(self.tr("Remove the extra empty paragraphs and the page-number lines listed "
                                              "below in one step (can be undone)"))
        self.damage_button.clicked.connect(self.damageFixRequested)
        row.addWidget(self.header, 1)
        row.addWidget(self.fix_button)
        layout.addLayout(row)
        layout.addWidget(self.damage_button)
        self.list = QListWidget(self)
        self.list.setObjectName("hintList")
        self.list.setAccessibleName(self.tr("Hint list"))
        self.list.setFrameShape(QListWidget.Shape.NoFrame)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        # Rows are cut at the panel's edge (the tooltip has the whole message), never scrolled.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        layout.addWidget(self.list, 1)
        self.hints: list[Hint] = []
        self._keys: list[tuple] = []
        self.set_hints([], [])

    def set_hints(self, hints: Sequence[Hint], texts: Sequence[str]) -> None:
        keys = [(h.block, h.start, h.end, h.kind, h.text) for h in hints]
        punctuation = sum(1 for h in hints if h.kind == "punctuation")
        self.header.setText(arg(self.tr("%1 hints", "", len(hints)), len(hints)))
        self.fix_button.setEnabled(punctuation > 0)
        self.fix_button.setText(arg(self.tr("Fix to Full Width (%1)"), punctuation) if punctuation
                                else self.tr("Fix to Full Width"))
        damage = sum(1 for h in hints if h.kind in DAMAGE_KINDS)
        self.damage_button.setVisible(damage > 0)
        self.damage_button.setText(arg(self.tr("Clear Extra Empty Paragraphs and Page Numbers (%1)"), damage))
        if keys == self._keys:
            return
        self._keys = keys
        self.hints = list(hints)
        self.list.clear()
        for hint in hints:
            text = texts[hint.block] if 0 <= hint.block < len(texts) else ""
            item = QListWidgetItem(hint_line(hint, text))
            item.setToolTip(hint_tooltip(hint, text))
            item.setData(HINT_ROLE, (hint.block, hint.start, hint.end))
            self.list.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        where = item.data(HINT_ROLE)
        if where is not None:
            self.hintChosen.emit(*where)


__all__ = ["HintsPanel", "KIND_LABELS", "hint_line", "hint_message", "hint_tooltip", "kind_label"]
