"""The placeholder overlay: marks unfilled placeholders in the editor without touching the text.

Qt calls ``highlightBlock`` for exactly the blocks whose text changed, so this is also where
the engine rescans a block: its placeholders, whether it opens a heading, whether it is a
template site's ad line, and its character count are cached on the block's BlockData for the
sidebar, the outline and the status bar to collect later.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat

from app.core.junk import fragments_in_line, junk_of
from app.core.outline import heading_of
from app.core.placeholders import find_in_text
from app.ui.bridge import BlockData, attach, data_of

AMBER_LIGHT = QColor(255, 214, 120, 150)


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SPACE = re.compile(r"\s+")


def utf16_index(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ beyond the BMP)."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


def has_astral(text: str) -> bool:
    return _ASTRAL.search(text) is not None


class PlaceholderHighlighter(QSyntaxHighlighter):
    def __init__(self, parent: QObject) -> None:
        # Parented to the window, not to a document: documents are replaced on every open.
        super().__init__(parent)
        self._format = QTextCharFormat()
        self.update_colors()

    def update_colors(self) -> None:
        # The page stays white paper in dark themes too, so the marker stays a light amber.
        self._format.setBackground(AMBER_LIGHT)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        block = self.currentBlock()
        data = data_of(block)
        if data is None:
            data = attach(block, BlockData(None))
        if data.text == text:
            found = data.found
        else:
            found = self._rescan(data, text, block.userState())
        if data.junk:
            return
        astral = has_astral(text)
        for f in found:
            if f.kind == "masked":
                continue
            start = utf16_index(text, f.start) if astral else f.start
            end = utf16_index(text, f.end) if astral else f.end
            self.setFormat(start, end - start, self._format)

    @staticmethod
    def _rescan(data: BlockData, text: str, _state: int) -> list:
        data.text = text
        plain = text.replace("\u2028", "\n")
        data.found = find_in_text(plain)
        level = data.block.outline_level if data.block is not None else None
        data.heading = heading_of(plain, level)
        data.junk = bool(fragments_in_line(plain)) and any(j.whole_block for j in junk_of([plain]))
        data.chars = len(plain) - sum(len(m) for m in _SPACE.findall(plain))
        return data.found
