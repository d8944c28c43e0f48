"""The placeholder overlay and the per-block rescan behind it.

When a block's text changes, ``rescan`` runs the engine on that block alone and caches on its
BlockData what it found: placeholders, whether it opens a heading, whether it is a template
site's ad line, and its character count. The sidebar, the outline and the status bar collect
these later. ``paint_placeholders`` marks the unfilled placeholders of the blocks on screen:
paint over the laid-out page, never a format in the document, so nothing of it is ever saved,
and the cost follows the screen, not the length of the report.
"""
from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.core.junk import line_verdict
from app.core.outline import heading_of, in_contents
from app.core.placeholders import find_in_text
from app.ui.bridge import OBJECT, BlockData, data_of

AMBER = QColor(255, 214, 120)
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_SPACE = re.compile(r"\s+")


def utf16_index(text: str, index: int) -> int:
    """Qt counts UTF-16 code units; Python counts code points (they differ beyond the BMP)."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


def has_astral(text: str) -> bool:
    return _ASTRAL.search(text) is not None


def rescan(data: BlockData, text: str) -> None:
    """Run the engine on one block's (Qt) text and keep what it found on ``data``."""
    data.text = text
    if not text:
        # An empty paragraph holds nothing (and the empty window's first frame need not wait
        # for the engine's patterns to compile).
        data.found, data.heading, data.junk, data.chars = [], None, False, 0
        return
    plain = text.replace("\u2028", "\n")
    pictures: list[int] = []
    if OBJECT in plain:
        # Pictures are not text: the engine reads the text without them, as the core's scan
        # reads the saved Document; what it finds is placed back at Qt's offsets.
        pictures = [i for i, ch in enumerate(plain) if ch == OBJECT]
        plain = plain.replace(OBJECT, "")
    data.found = find_in_text(plain, data.in_cell)
    if pictures:
        data.found = [replace(f, start=_past_pictures(pictures, f.start, True),
                              end=_past_pictures(pictures, f.end, False)) for f in data.found]
    core = data.block
    # A table of contents repeats the headings, and a table's cells hold row labels: the outline
    # takes none of their lines.
    data.heading = None if data.in_cell or (core is not None and in_contents(core)) else heading_of(
        plain, core.outline_level if core is not None else None, core.label if core is not None else "")
    data.junk = line_verdict(plain) is not None
    data.chars = len(plain) - sum(len(m) for m in _SPACE.findall(plain))


def _past_pictures(pictures: list[int], index: int, start: bool) -> int:
    """The offset in the text with pictures (at ``pictures``, ascending) of ``index`` in the text
    without them; a span starting at a picture starts after it, one ending there ends before."""
    for n, at in enumerate(pictures):
        if at - n > index or (at - n == index and not start):
            return index + n
    return index + len(pictures)


def core_to_qt(text: str, index: int, start: bool = True) -> int:
    """Qt's offset in block text ``text`` (with its pictures, UTF-16) of ``index`` in the block's
    Document text (without pictures, code points); ``start``: a span's start (after a picture
    standing there) rather than its end (before it)."""
    if OBJECT in text:
        pictures = [i for i, ch in enumerate(text) if ch == OBJECT]
        index = _past_pictures(pictures, index, start)
    return utf16_index(text, index) if has_astral(text) else index


def _x(line, pos: int) -> float:  # noqa: ANN001 - QTextLine
    x = line.cursorToX(pos)
    return x[0] if isinstance(x, tuple) else x


def _text_band(block: QTextBlock, start: int, line) -> tuple[float, float]:  # noqa: ANN001 - QTextLine
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + start + 1)
    metrics = QFontMetricsF(cursor.charFormat().font())
    baseline = line.y() + line.ascent()
    return baseline - metrics.ascent(), metrics.ascent() + metrics.descent()


def _spans(block: QTextBlock) -> list[tuple[int, int]]:
    data = data_of(block)
    if data is None or data.junk or not data.found:
        return []
    text = data.text or ""
    astral = has_astral(text)
    return [(utf16_index(text, f.start), utf16_index(text, f.end)) if astral else (f.start, f.end)
            for f in data.found if f.kind != "masked"]


def paint_placeholders(editor: QTextEdit, painter: QPainter) -> None:
    """Amber behind every unfilled placeholder in the blocks that are on screen."""
    document = editor.document()
    layout = document.documentLayout()
    offset = QPointF(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
    bottom = editor.viewport().height()
    block = editor.cursorForPosition(editor.viewport().rect().topLeft()).block()
    # A table cell's blocks are not laid out top to bottom in document order; step back to
    # the block above the table so the whole visible row is covered.
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    seen = 0
    while block.isValid():
        box = layout.blockBoundingRect(block).translated(offset)
        if box.top() > bottom:
            # Outside a table, blocks run down the page in order: everything from here on is
            # below the screen. Only a table's cells may still reach up into view.
            if seen > 40 or QTextCursor(block).currentTable() is None:
                break
            seen += 1
        spans = _spans(block)
        text_layout = block.layout()
        if spans and text_layout is not None and text_layout.lineCount():
            pictures = OBJECT in (data_of(block).text or "")
            lines = []
            for n in range(text_layout.lineCount()):
                line = text_layout.lineAt(n)
                line_start = line.textStart()
                lines.append((line, line_start, line_start + line.textLength()))
            for start, end in spans:
                for line, line_start, line_end in lines:
                    if end <= line_start or start >= line_end:
                        continue
                    x1 = _x(line, max(start, line_start))
                    x2 = _x(line, min(end, line_end))
                    top, height = line.y(), line.height()
                    if pictures:
                        # A picture makes its line tall: mark the text only, on its baseline.
                        top, height = _text_band(block, start, line)
                    rect = QRectF(min(x1, x2), top, abs(x2 - x1), height)
                    painter.fillRect(rect.translated(box.topLeft()), AMBER)
        block = block.next()
