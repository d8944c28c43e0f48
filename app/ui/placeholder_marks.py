"""The placeholder marks: amber behind every unfilled placeholder of the paragraphs on screen.

Paint over the laid-out page, never a format in the document, so nothing of it is ever saved,
and the cost follows the screen, not the length of the report. What to mark is what the engine
found in each paragraph as it was typed (its BlockData, see app.core.block_scan).
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QTextBlock, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.core.offsets import OBJECT, has_astral, utf16_index
from app.ui.block_data import data_of

AMBER = QColor(255, 214, 120)
# Template ads (display only, like the amber): grey behind, struck through.
JUNK = QColor(200, 200, 200)
JUNK_STRIKE = QColor(120, 120, 120)


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


def _line_rects(block: QTextBlock, start: int, end: int) -> list[QRectF]:
    """The rectangles ``start:end`` (UTF-16 offsets) covers on the block's lines, block coordinates."""
    text_layout = block.layout()
    rects = []
    if text_layout is None:
        return rects
    for n in range(text_layout.lineCount()):
        line = text_layout.lineAt(n)
        line_start, line_end = line.textStart(), line.textStart() + line.textLength()
        if end <= line_start or start >= line_end:
            continue
        x1, x2 = _x(line, max(start, line_start)), _x(line, min(end, line_end))
        rects.append(QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height()))
    return rects


def paint_junk(editor: QTextEdit, painter: QPainter, marks: dict[int, list[tuple[int, int, str]]]) -> None:
    """Grey, struck through, over the template ads of the blocks on screen: ``marks`` maps block
    numbers to (start, end, text), end -1 for the whole line; a mark whose text is no longer
    there (the user edited it) is not painted."""
    document = editor.document()
    layout = document.documentLayout()
    offset = QPointF(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
    top_block = editor.cursorForPosition(editor.viewport().rect().topLeft()).blockNumber()
    bottom = editor.viewport().height()
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for number in sorted(marks):
        if number < top_block - 1:
            continue
        block = document.findBlockByNumber(number)
        if not block.isValid():
            continue
        box = layout.blockBoundingRect(block).translated(offset)
        if box.top() > bottom:
            break
        text = block.text()
        for start, end, junk in marks[number]:
            if end < 0:
                if not junk.strip() or junk.strip() not in text:
                    continue
                start, end = 0, len(text)
            elif text[start:end] != junk:
                continue
            for rect in _line_rects(block, start, end):
                rect = rect.translated(box.topLeft())
                painter.fillRect(rect, JUNK)
                y = rect.center().y()
                painter.save()
                painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
                painter.setPen(JUNK_STRIKE)
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                painter.restore()


def paint_placeholders(painter: QPainter, on_screen: list[tuple[QTextBlock, QRectF]]) -> None:
    """Amber behind every unfilled placeholder in the blocks on screen (``block_data.blocks_on_screen``)."""
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
    for block, box in on_screen:
        if box.bottom() < 0:
            continue
        spans = _spans(block)
        text_layout = block.layout()
        if spans and text_layout is not None and text_layout.lineCount():
            pictures = OBJECT in (data_of(block).text or "")
            last = text_layout.lineCount() - 1
            for start, end in spans:
                # From the line the placeholder starts on, not from the paragraph's first line:
                # a paragraph being typed in is painted at every key.
                line = text_layout.lineForTextPosition(start)
                while line.isValid():
                    line_start = line.textStart()
                    if line_start >= end:
                        break
                    line_end = line_start + line.textLength()
                    x1 = _x(line, max(start, line_start))
                    x2 = _x(line, min(end, line_end))
                    top, height = line.y(), line.height()
                    if pictures:
                        # A picture makes its line tall: mark the text only, on its baseline.
                        top, height = _text_band(block, start, line)
                    rect = QRectF(min(x1, x2), top, abs(x2 - x1), height)
                    painter.fillRect(rect.translated(box.topLeft()), AMBER)
                    number = line.lineNumber()
                    if line_end >= end or number == last:
                        break
                    line = text_layout.lineAt(number + 1)
