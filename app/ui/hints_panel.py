"""The 提示 group under the placeholder list: stale years, counts in Chinese numerals, half-width
punctuation in Chinese sentences. Each row jumps to its place; nothing changes behind the
user's back, and half-width punctuation has a one-step fix."""
from __future__ import annotations

import html
from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.hints import Hint

HINT_ROLE = Qt.ItemDataRole.UserRole + 21
KIND_LABELS = {"stale-year": "旧年份", "number-style": "数字用法", "punctuation": "半角标点"}
CONTEXT_CHARS = 12


def hint_line(hint: Hint, text: str) -> str:
    """"[旧年份] 2020 · …2020年度街道…" for one row."""
    before = text[max(0, hint.start - CONTEXT_CHARS):hint.start]
    after = text[hint.end:hint.end + CONTEXT_CHARS]
    lead = "…" if hint.start > CONTEXT_CHARS else ""
    tail = "…" if hint.end + CONTEXT_CHARS < len(text) else ""
    token = f"“{hint.text}”" if hint.kind == "punctuation" else hint.text
    return f"［{KIND_LABELS.get(hint.kind, hint.kind)}］ {token} · {lead}{before}{hint.text}{after}{tail}"


class HintsPanel(QWidget):
    hintChosen = Signal(int, int, int)  # block (export index), start, end
    fixRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hintsPanel")
        self.setAccessibleName("提示")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        self.header = QLabel(self)
        self.header.setObjectName("hintCount")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.fix_button = QPushButton("修正为全角", self)
        self.fix_button.setObjectName("fixPunctuationButton")
        self.fix_button.setToolTip("把下面列出的半角标点一次改为全角（可撤销）")
        self.fix_button.clicked.connect(self.fixRequested)
        row.addWidget(self.header, 1)
        row.addWidget(self.fix_button)
        layout.addLayout(row)
        self.list = QListWidget(self)
        self.list.setObjectName("hintList")
        self.list.setAccessibleName("提示列表")
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
        self.header.setText(f"提示  {len(hints)}" if hints else "提示  0")
        self.fix_button.setEnabled(punctuation > 0)
        self.fix_button.setText(f"修正为全角（{punctuation}）" if punctuation else "修正为全角")
        if keys == self._keys:
            return
        self._keys = keys
        self.hints = list(hints)
        self.list.clear()
        for hint in hints:
            text = texts[hint.block] if 0 <= hint.block < len(texts) else ""
            item = QListWidgetItem(hint_line(hint, text))
            item.setToolTip(f"<p>{html.escape(hint.message)}</p><p>{html.escape(text)}</p>")
            item.setData(HINT_ROLE, (hint.block, hint.start, hint.end))
            self.list.addItem(item)

    def _on_item(self, item: QListWidgetItem) -> None:
        where = item.data(HINT_ROLE)
        if where is not None:
            self.hintChosen.emit(*where)


__all__ = ["HintsPanel", "KIND_LABELS", "hint_line"]
