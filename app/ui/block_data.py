"""What each paragraph of a ReportDocument remembers (its BlockData), and walks over paragraphs
and their fragments."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF
from PySide6.QtGui import QTextBlock, QTextBlockUserData, QTextCursor, QTextDocument

from app.core.document import Block, Run

if TYPE_CHECKING:
    from PySide6.QtGui import QTextFragment
    from PySide6.QtWidgets import QTextEdit

    from app.core.outline import Heading
    from app.core.placeholders import Found


class BlockData(QTextBlockUserData):
    """What a QTextBlock remembers: its core Block, whether it changed, and the engine's findings
    for its current text (app.core.block_scan.rescan keeps them current, one block at a time).
    It has the attributes of app.core.block_scan.BlockState, which the live scan reads."""

    def __init__(self, block: Block | None, phantom: bool = False) -> None:
        super().__init__()
        self.block = block
        # The runs the character formats' RUN_INDEX refers to: those first shown in the editor.
        self.base_runs: list[Run] = list(block.runs) if block is not None else []
        # Empty blocks Qt needs around tables: not part of the document unless typed into.
        self.phantom = phantom
        self.dirty = False
        self.text: str | None = None
        self.found: list[Found] = []
        self.heading: Heading | None = None
        self.junk = False
        self.chars = 0  # characters without whitespace, the Chinese way of counting
        # A paragraph in a table cell (its row labels, "1." or "（一）", open no section); the
        # core Block says so for what was read, the window for a paragraph typed into a cell.
        self.in_cell = block is not None and block.cell is not None


def data_of(block: QTextBlock) -> BlockData | None:
    data = block.userData()
    return data if isinstance(data, BlockData) else None


def blocks_in(qdoc: QTextDocument) -> Iterator[QTextBlock]:
    block = qdoc.begin()
    while block.isValid():
        yield block
        block = block.next()


def fragments_of(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's valid fragments (runs of one character format), in order."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.isValid():
            yield fragment


def is_scaffolding(block: QTextBlock, data: BlockData | None) -> bool:
    """An empty paragraph Qt keeps around a table, not typed into: no part of the document."""
    return data is not None and data.phantom and block.length() <= 1


# Past the screen's bottom, how many more blocks a table's cells may still reach up into view from.
_TABLE_LOOKAHEAD = 40


# How far from the block found last time the next one is looked for before asking Qt's hit test
# (which walks a long report's frames: ~2 ms a paint at 1,500 pages).
_NEAR = 48


def _block_at(editor: QTextEdit, y: float) -> QTextBlock:
    """The block at height ``y`` of the document (outside a table the first whose box reaches
    below ``y``): walked from the one found last time, as the next paint mostly asks about the
    same place (the paragraph being typed in), or else by Qt's hit test."""
    document = editor.document()
    layout = document.documentLayout()
    # Kept on the editor's Python side: a Qt property sends the editor an event at each change.
    known = getattr(editor, "screen_block", None)
    block = document.findBlockByNumber(known) if isinstance(known, int) else QTextBlock()
    steps = 0
    if block.isValid():
        if layout.blockBoundingRect(block).top() > y:
            while steps < _NEAR and block.previous().isValid() and layout.blockBoundingRect(block).top() > y:
                block, steps = block.previous(), steps + 1
        else:
            while steps < _NEAR:
                following = block.next()
                if not following.isValid() or layout.blockBoundingRect(following).top() > y:
                    break
                block, steps = following, steps + 1
    if not block.isValid() or steps >= _NEAR:
        # (inside the text's left side: in the margin Qt's hit test may answer the report's end)
        x = document.rootFrame().frameFormat().leftMargin() + 1 - editor.horizontalScrollBar().value()
        block = editor.cursorForPosition(QPoint(round(x), round(y - editor.verticalScrollBar().value()))).block()
        # Between two paragraphs Qt answers the lower one: the upper, as the walk does.
        if block.previous().isValid() and layout.blockBoundingRect(block).top() > y:
            block = block.previous()
    editor.screen_block = block.blockNumber()
    return block


def blocks_on_screen(editor: QTextEdit, whole_tables: bool = False,
                     area: QRect | None = None) -> Iterator[tuple[QTextBlock, QRectF]]:
    """The blocks that may show in the editor's viewport (or in ``area`` of it: what a paint
    event repaints, after a keystroke often one paragraph), top to bottom, each with its box in
    viewport coordinates: what the overlays paint over (their cost follows the screen, not the
    report). Outside a table blocks run down the page in order; a table's cells do not, so a few
    more are looked at past the bottom, and ``whole_tables`` starts at the first cell of a table
    the top falls in."""
    layout = editor.document().documentLayout()
    offset = QPointF(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
    area = editor.viewport().rect() if area is None else area
    bottom = area.bottom() + 1
    block = _block_at(editor, area.top() - offset.y())
    if whole_tables:
        table = QTextCursor(block).currentTable()
        if table is not None:
            block = table.firstCursorPosition().block()
    seen = 0
    while block.isValid():
        box = layout.blockBoundingRect(block).translated(offset)
        if box.top() > bottom:
            if seen > _TABLE_LOOKAHEAD or QTextCursor(block).currentTable() is None:
                break
            seen += 1
        yield block, box
        block = block.next()
