"""Paragraphs and whole tables written again in a new order, and what each paragraph's BlockData
said before, for the change applier (app/ui/change_applier.py).

Text edits are made in place with cursors, so every paragraph keeps its BlockData. Moving and
removing paragraphs cannot keep it that way: Qt drops a paragraph's user data when the paragraph
is removed. A move rewrites the stretch between the first and the last paragraph that change
places: plain paragraphs one by one; a stretch holding tables is removed whole and written again in
the new order, each table as one piece (rows, merged cells, each cell paragraph's text, formats
and BlockData): Qt cannot move a table, only remove and insert one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextTable,
    QTextTableFormat,
)

from app.core.block_scan import rescan
from app.core.document import Block, Run
from app.core.edits import TextEdit
from app.core.offsets import LINE_BREAK, utf16_offset
from app.ui.block_data import BlockData, blocks_in, data_of, fragments_of
from app.ui.i18n import translate
from app.ui.qt_formats import LINE_GAP_PX

if TYPE_CHECKING:
    from app.ui.report_document import ReportDocument


class ApplyError(ValueError):
    """The editor cannot take this change as it stands; the message is for the user, in the window's language."""


@dataclass(frozen=True)
class Kept:
    """What a paragraph's BlockData says about where it came from."""

    block: Block | None
    base_runs: tuple[Run, ...]
    phantom: bool
    dirty: bool


def kept_of(qblock: QTextBlock) -> Kept | None:
    data = data_of(qblock)
    if data is None:
        return None
    return Kept(data.block, tuple(data.base_runs), data.phantom, data.dirty)


def kept_states(qdoc: ReportDocument) -> list[Kept | None]:
    return [kept_of(b) for b in blocks_in(qdoc)]


def give(qdoc: ReportDocument, qblock: QTextBlock, kept: Kept, dirty: bool | None = None) -> None:
    """Attach a fresh BlockData saying ``kept`` (a BlockData object never moves between blocks:
    Qt deletes it with its block)."""
    data = BlockData(kept.block, kept.phantom)
    data.base_runs = list(kept.base_runs)
    data.dirty = kept.dirty if dirty is None else dirty
    qdoc.attach(qblock, data)
    rescan(data, qblock.text())


def restore(qdoc: ReportDocument, snapshot: Sequence[Kept | None]) -> bool:
    """Give every paragraph the Block it held in ``snapshot`` (taken at this very structure)."""
    if qdoc.blockCount() != len(snapshot):
        return False
    for qblock, kept in zip(blocks_in(qdoc), snapshot):
        if kept is None:
            continue
        data = data_of(qblock)
        if data is not None and data.block is kept.block and data.phantom == kept.phantom:
            continue
        # The text is the one the snapshot saw, but the runs may differ from the Block's in
        # formatting only: let the export compare (dirty) rather than trust the Block.
        give(qdoc, qblock, kept, dirty=True)
    return True


def in_table(qblock: QTextBlock) -> bool:
    return QTextCursor(qblock).currentTable() is not None


def qt_offset(text: str, index: int, start: bool = True) -> int:
    # Edits count in the Document's text, which has no character for a picture; Qt's has one.
    return utf16_offset(text, index, start)


@dataclass
class Content:
    """A paragraph's look and text, to write it again elsewhere."""

    block_format: QTextBlockFormat
    char_format: QTextCharFormat
    fragments: list[tuple[str, QTextCharFormat]]


def capture(qblock: QTextBlock) -> Content:
    fragments = [(fragment.text(), fragment.charFormat()) for fragment in fragments_of(qblock)]
    return Content(qblock.blockFormat(), qblock.charFormat(), fragments)


def write_content(cursor: QTextCursor, content: Content) -> None:
    cursor.setBlockFormat(content.block_format)
    cursor.setBlockCharFormat(content.char_format)
    for text, fmt in content.fragments:
        cursor.insertText(text, fmt)


@dataclass
class ParagraphUnit:
    """A paragraph of a stretch being rewritten: its look and text, the BlockData it held and
    its export index (None: Qt's scaffolding, an empty phantom block or cell)."""

    index: int | None
    content: Content
    kept: Kept | None


@dataclass
class CellUnit:
    """A table cell (the top-left one of merged cells) and its paragraphs, to write it again."""

    row: int
    column: int
    row_span: int
    column_span: int
    paragraphs: list[ParagraphUnit]


@dataclass
class TableUnit:
    """A whole top-level table, to write it again elsewhere: it moves as one piece."""

    format: QTextTableFormat
    rows: int
    columns: int
    cells: list[CellUnit]
    indices: list[int]  # export indices of its paragraphs, in the order they stand


@dataclass
class Rewrite:
    """A reordering across tables: the QTextBlocks ``first`` to ``last`` (numbers; neither is in a
    table) are removed and written again as ``units``, paragraphs and whole tables in the new order."""

    first: int
    last: int
    units: list[ParagraphUnit | TableUnit]


def top_table(qblock: QTextBlock) -> QTextTable | None:
    """The table ``qblock`` stands in; only tables in the body itself (the bridge builds no others)."""
    table = QTextCursor(qblock).currentTable()
    if table is None:
        return None
    if table.parentFrame() is not qblock.document().rootFrame():
        raise ApplyError(across_table())
    return table


def capture_table(table: QTextTable, indices: dict[int, int]) -> TableUnit:
    """``table`` as it stands; ``indices`` maps QTextBlock numbers to export indices."""
    cells = []
    found = []
    for row in range(table.rows()):
        for column in range(table.columns()):
            cell = table.cellAt(row, column)
            if cell.row() != row or cell.column() != column:
                continue  # covered by a merged cell: written with its top-left one
            paragraphs = []
            qblock = cell.firstCursorPosition().block()
            end = cell.lastCursorPosition().block().blockNumber()
            while qblock.isValid() and qblock.blockNumber() <= end:
                if QTextCursor(qblock).currentTable() is not table:
                    raise ApplyError(across_table())  # a table inside a cell
                index = indices.get(qblock.blockNumber())
                if index is not None:
                    found.append(index)
                paragraphs.append(ParagraphUnit(index, capture(qblock), kept_of(qblock)))
                qblock = qblock.next()
            cells.append(CellUnit(row, column, cell.rowSpan(), cell.columnSpan(), paragraphs))
    return TableUnit(table.format(), table.rows(), table.columns(), cells, found)


def spaced() -> QTextBlockFormat:
    """The block format of Qt's scaffolding around a table, as bridge.build leaves it."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_GAP_PX, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    return fmt


def across_table() -> str:
    """What the window says of a reordering that would tear a table apart (or move a table
    inside a cell): the engine's section moves never ask for one."""
    return translate("Changes", "This move would split a table: a table can only move whole, with the section it "
                                "is in.")


def not_saveable() -> str:
    """What the window says of a reordering the .docx could not be saved in (app.io.docx_writer
    can_reorder): part of the text to move sits in a content control that moves whole."""
    return translate("Changes", "This move could not be saved as shown: part of the text to move is inside a "
                                "content control (such as a table of contents) that can only move whole.")


def edit_texts(qdoc: ReportDocument, blocks: Sequence[QTextBlock], edits: Sequence[TextEdit]) -> None:
    by_block: dict[int, list[TextEdit]] = {}
    for edit in edits:
        by_block.setdefault(edit.block, []).append(edit)
    # Block numbers, not QTextBlock handles: a handle may dangle once the text around changed.
    numbers = {index: blocks[index].blockNumber() for index in by_block}
    for index, block_edits in by_block.items():
        qblock = qdoc.findBlockByNumber(numbers[index])
        text = qblock.text()
        base = qblock.position()
        for edit in sorted(block_edits, key=lambda e: (e.start, e.end), reverse=True):
            start = base + qt_offset(text, edit.start)
            end = max(start, base + qt_offset(text, edit.end, start=False))
            cursor = QTextCursor(qdoc)
            # Inserted text looks like the first character it replaces (or the one before).
            cursor.setPosition(start + 1 if end > start else start)
            fmt = cursor.charFormat()
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            if edit.text:
                cursor.insertText(edit.text.replace("\n", LINE_BREAK), fmt)
            else:
                cursor.removeSelectedText()


def reorder(qdoc: ReportDocument, blocks: list[QTextBlock], order: Sequence[int]) -> None:
    if monotonic(order):
        kept = set(order)
        # From the end, by number: the paragraphs before keep their numbers.
        numbers = [blocks[i].blockNumber() for i in range(len(blocks)) if i not in kept]
        for number in reversed(numbers):
            remove_paragraph(qdoc, qdoc.findBlockByNumber(number))
        return
    layout = plan(qdoc, blocks, order)
    if isinstance(layout, Rewrite):
        rewrite(qdoc, layout)
        return
    lo, hi, new = layout
    contents = {i: capture(blocks[i]) for i in range(lo, hi + 1)}
    kepts = {i: kept_of(blocks[i]) for i in range(lo, hi + 1)}
    number = blocks[lo].blockNumber()
    start, end = blocks[lo].position(), blocks[hi].position() + blocks[hi].length() - 1
    cursor = QTextCursor(qdoc)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    for j, old in enumerate(new):
        if j:
            cursor.insertBlock()
        write_content(cursor, contents[old])
    qblock = qdoc.findBlockByNumber(number)
    for old in new:
        kept = kepts[old]
        if kept is not None:
            give(qdoc, qblock, kept)
        else:
            qblock.setUserData(None)  # the leftover block still holds a removed paragraph's data
        qblock = qblock.next()


def plan(qdoc: ReportDocument, blocks: Sequence[QTextBlock],
          order: Sequence[int]) -> tuple[int, int, list[int]] | Rewrite:
    """How to rewrite a reordering: (first, last, old indices in order) for a stretch of plain
    paragraphs one after another (rewritten paragraph by paragraph), else a Rewrite that
    moves whole tables. ApplyError for what would tear a table apart."""
    n = len(blocks)
    if len(order) != n:
        raise ApplyError(translate("Changes", "Paragraphs cannot be moved and deleted at the same time."))
    lo = next(i for i in range(n) if order[i] != i)
    hi = next(i for i in reversed(range(n)) if order[i] != i)
    plain = all(not in_table(blocks[i]) and (i == lo or blocks[i].blockNumber() == blocks[i - 1].blockNumber() + 1)
                for i in range(lo, hi + 1))
    if plain:
        return lo, hi, list(order[lo:hi + 1])
    return plan_rewrite(qdoc, blocks, order, lo, hi)


def plan_rewrite(qdoc: ReportDocument, blocks: Sequence[QTextBlock], order: Sequence[int], lo: int,
                  hi: int) -> Rewrite:
    # The rewritten stretch starts and ends outside any table: a table at either end takes
    # the paragraph (or Qt's empty scaffolding block) beside it along, unmoved.
    table = top_table(blocks[lo])
    first = qdoc.findBlock(table.firstPosition()).previous() if table is not None else blocks[lo]
    table = top_table(blocks[hi])
    last = qdoc.findBlock(table.lastPosition() + 1) if table is not None else blocks[hi]
    if not first.isValid() or not last.isValid() or top_table(first) or top_table(last):
        raise ApplyError(across_table())
    # And one more paragraph either side, unmoved, when it is no table's: a table that lands
    # first or last then stands right beside it, with no empty block between, as at load.
    if first.previous().isValid() and top_table(first.previous()) is None:
        first = first.previous()
    if last.next().isValid() and top_table(last.next()) is None:
        last = last.next()
    indices = {qblock.blockNumber(): i for i, qblock in enumerate(blocks)}  # export index by block number
    units: list[ParagraphUnit | TableUnit] = []
    number = first.blockNumber()
    while number <= last.blockNumber():
        qblock = qdoc.findBlockByNumber(number)
        table = top_table(qblock)
        if table is not None:
            if qdoc.findBlock(table.firstPosition()).blockNumber() != number:
                raise ApplyError(across_table())
            units.append(capture_table(table, indices))
            number = qdoc.findBlock(table.lastPosition() + 1).blockNumber()
            continue
        index = indices.get(number)
        if index is not None:
            units.append(ParagraphUnit(index, capture(qblock), kept_of(qblock)))
        number += 1  # else an empty phantom: scaffolding, written again where needed
    unit_of: dict[int, int] = {}
    for u, unit in enumerate(units):
        own = unit.indices if isinstance(unit, TableUnit) else [unit.index]
        if not own:
            raise ApplyError(across_table())  # a table no export index reaches would be left behind
        for index in own:
            unit_of[index] = u
    a, b = min(unit_of), max(unit_of)
    sequence = list(order[a:b + 1])
    if sorted(sequence) != sorted(unit_of):
        raise ApplyError(across_table())
    moved: list[ParagraphUnit | TableUnit] = []
    k = 0
    while k < len(sequence):
        unit = units[unit_of[sequence[k]]]
        own = unit.indices if isinstance(unit, TableUnit) else [unit.index]
        # A table moves whole, its paragraphs in their order: anything else would tear it.
        if sequence[k:k + len(own)] != own:
            raise ApplyError(across_table())
        moved.append(unit)
        k += len(own)
    return Rewrite(first.blockNumber(), last.blockNumber(), moved)


def rewrite(qdoc: ReportDocument, layout: Rewrite) -> None:
    """Remove the stretch (its tables with it) and write it again in the new order, each
    paragraph (table cells too) with the BlockData it had."""
    first, last = qdoc.findBlockByNumber(layout.first), qdoc.findBlockByNumber(layout.last)
    cursor = QTextCursor(qdoc)
    cursor.setPosition(first.position())
    cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()
    # Numbers, not handles: blocks are only added after those already written.
    placed: list[tuple[int, Kept | None]] = []
    scaffolding: list[int] = []
    filled = False
    for unit in layout.units:
        if isinstance(unit, ParagraphUnit):
            if filled:
                cursor.insertBlock()
            write_content(cursor, unit.content)
            placed.append((cursor.blockNumber(), unit.kept))
            filled = True
            continue
        if not filled:
            # Qt puts a table after a block: an empty one, as bridge.build leaves it.
            cursor.setBlockFormat(spaced())
            cursor.setBlockCharFormat(QTextCharFormat())
            scaffolding.append(cursor.blockNumber())
        table = cursor.insertTable(unit.rows, unit.columns, unit.format)
        for cell in unit.cells:
            if cell.row_span > 1 or cell.column_span > 1:
                table.mergeCells(cell.row, cell.column, cell.row_span, cell.column_span)
        for cell in unit.cells:
            at = table.cellAt(cell.row, cell.column).firstCursorPosition()
            for j, paragraph in enumerate(cell.paragraphs):
                if j:
                    at.insertBlock()
                write_content(at, paragraph.content)
                placed.append((at.blockNumber(), paragraph.kept))
        cursor.setPosition(table.lastPosition() + 1)
        filled = False
    if not filled:
        cursor.setBlockFormat(spaced())
        cursor.setBlockCharFormat(QTextCharFormat())
        scaffolding.append(cursor.blockNumber())
    for number, kept in placed:
        qblock = qdoc.findBlockByNumber(number)
        if kept is not None:
            give(qdoc, qblock, kept)
        else:
            qblock.setUserData(None)
    for number in scaffolding:
        qdoc.attach(qdoc.findBlockByNumber(number), BlockData(None, phantom=True))


def remove_paragraph(qdoc: ReportDocument, qblock: QTextBlock) -> None:
    """Remove one paragraph with its paragraph mark; a table cell's paragraph is emptied."""
    cursor = QTextCursor(qdoc)
    previous, following = qblock.previous(), qblock.next()
    end = qblock.position() + qblock.length() - 1
    if in_table(qblock):
        cursor.setPosition(qblock.position())
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        return
    if previous.isValid() and not in_table(previous):
        # Take the mark before the paragraph: the one before keeps its own look and data.
        cursor.setPosition(previous.position() + previous.length() - 1)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        return
    if following.isValid() and not in_table(following):
        content, kept = capture(following), kept_of(following)
        cursor.setPosition(qblock.position())
        cursor.setPosition(following.position(), QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # This paragraph now holds the following one's text: give it that one's look and data.
        cursor.setBlockFormat(content.block_format)
        cursor.setBlockCharFormat(content.char_format)
        if kept is not None:
            give(qdoc, cursor.block(), kept)
        return
    cursor.setPosition(qblock.position())
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.removeSelectedText()


def monotonic(order: Sequence[int]) -> bool:
    return all(a < b for a, b in zip(order, order[1:]))
