"""Word's row heights (w:trHeight) in a laid-out QTextDocument: Qt's tables have none, so a row
that comes out shorter than its height gets the difference as padding below its tallest cell.

Run once the document is laid out at its final width (paper: after the page size is set)."""
from __future__ import annotations

from PySide6.QtGui import QTextBlock, QTextDocument, QTextFrame, QTextTable

from app.ui.qt_formats import ROW_HEIGHTS


def fit_rows(document: QTextDocument) -> int:
    """Pad the rows of every table with row heights up to those heights; returns how many."""
    padded = 0
    for table in _tables(document.rootFrame()):
        heights = table.format().property(ROW_HEIGHTS)
        if heights:
            padded += _fit_table(document, table, heights)
    return padded


def _tables(frame: QTextFrame) -> list[QTextTable]:
    found = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            found.append(child)
        found += _tables(child)
    return found


def _fit_table(document: QTextDocument, table: QTextTable, heights: list) -> int:
    layout = document.documentLayout()
    padded = 0
    for row in range(min(table.rows(), len(heights))):
        wanted = float(heights[row] or 0)
        if wanted <= 0:
            continue
        tallest, tallest_height = None, -1.0
        for col in range(table.columns()):
            cell = table.cellAt(row, col)
            if not cell.isValid() or (cell.row(), cell.column()) != (row, col) or cell.rowSpan() > 1:
                continue
            first, last = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
            top = layout.blockBoundingRect(first).top() - first.blockFormat().topMargin()
            bottom = _bottom(layout, last) + last.blockFormat().bottomMargin()
            fmt = cell.format().toTableCellFormat()
            height = bottom - top + fmt.topPadding() + fmt.bottomPadding()
            if height > tallest_height:
                tallest, tallest_height = cell, height
        if tallest is None or tallest_height >= wanted - 0.5:
            continue
        fmt = tallest.format().toTableCellFormat()
        fmt.setBottomPadding(fmt.bottomPadding() + wanted - tallest_height)
        tallest.setFormat(fmt)
        padded += 1
    return padded


def _bottom(layout, block: QTextBlock) -> float:  # noqa: ANN001 - a QAbstractTextDocumentLayout
    """Where ``block``'s last line ends: its box holds the lines' own heights, but a paragraph
    with a line height (exact, at least, multiple) advances by that height per line."""
    box = layout.blockBoundingRect(block)
    lines = block.layout()
    fmt = block.blockFormat()
    if lines is None or not lines.lineCount():
        return box.bottom()
    advance = sum(fmt.lineHeight(lines.lineAt(n).height(), 1.0) for n in range(lines.lineCount()))
    return max(box.bottom(), box.top() + advance)


__all__ = ["fit_rows"]
