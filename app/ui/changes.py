"""Apply an engine Change (app.core.edits) to the editor as ONE undoable step.

Text edits are made in place with cursors, so every paragraph keeps its BlockData (the core
Block, and so the .docx XML, it came from). Moving and removing paragraphs cannot keep it that
way: Qt drops a paragraph's user data when the paragraph is removed, and undo brings the text
back without it. So each operation records which core Block every paragraph held before and
after it, and when the user undoes (or redoes) exactly that step the paragraphs get their
Blocks back. QTextDocument has no custom undo items in PySide6, hence the bookkeeping on the
document's signals rather than on the undo stack itself. A save in between repoints every
paragraph at the Block read back from the file; the records follow (see _follow_save).

A move rewrites the stretch between the first and the last paragraph that change places. Plain
paragraphs are written again one by one; a stretch holding tables is removed whole and written
again in the new order, each table as one piece (its rows, merged cells, and every cell
paragraph's text, formats and BlockData): Qt cannot move a table, only remove and insert one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextTable,
    QTextTableFormat,
)

from app.core.document import Block, Document, Run
from app.core.edits import Change, TextEdit
from app.ui import bridge
from app.ui.highlight import core_to_qt, rescan
from app.ui.i18n import translate


class ApplyError(ValueError):
    """The editor cannot take this change as it stands; the message is for the user, in the window's language."""


@dataclass(frozen=True)
class _Kept:
    """What a paragraph's BlockData says about where it came from."""

    block: Block | None
    base_runs: tuple[Run, ...]
    phantom: bool
    dirty: bool


@dataclass
class _Record:
    """One operation on the undo stack: the stack's size before and after it (Qt counts every
    command inside an edit block, so one undo step may span many) and the Blocks around it."""

    steps_before: int
    steps_after: int
    before: list[_Kept | None]
    after: list[_Kept | None]
    document_before: Document
    document_after: Document


def core_blocks(qdoc: QTextDocument) -> list[QTextBlock]:
    """The QTextBlocks that are the blocks of ``bridge.export(qdoc, ...)``, in the same order."""
    result = []
    for qblock in bridge.blocks_in(qdoc):
        data = bridge.data_of(qblock)
        if data is not None and data.phantom and qblock.length() <= 1:
            continue
        result.append(qblock)
    return result


def _kept(qblock: QTextBlock) -> _Kept | None:
    data = bridge.data_of(qblock)
    if data is None:
        return None
    return _Kept(data.block, tuple(data.base_runs), data.phantom, data.dirty)


def _snapshot(qdoc: QTextDocument) -> list[_Kept | None]:
    return [_kept(b) for b in bridge.blocks_in(qdoc)]


def _give(qblock: QTextBlock, kept: _Kept, dirty: bool | None = None) -> None:
    """Attach a fresh BlockData saying ``kept`` (a BlockData object never moves between blocks:
    Qt deletes it with its block)."""
    data = bridge.BlockData(kept.block, kept.phantom)
    data.base_runs = list(kept.base_runs)
    data.dirty = kept.dirty if dirty is None else dirty
    bridge.attach(qblock, data)
    rescan(data, qblock.text())


def _restore(qdoc: QTextDocument, snapshot: Sequence[_Kept | None]) -> bool:
    """Give every paragraph the Block it held in ``snapshot`` (taken at this very structure)."""
    if qdoc.blockCount() != len(snapshot):
        return False
    for qblock, kept in zip(bridge.blocks_in(qdoc), snapshot):
        if kept is None:
            continue
        data = bridge.data_of(qblock)
        if data is not None and data.block is kept.block and data.phantom == kept.phantom:
            continue
        # The text is the one the snapshot saw, but the runs may differ from the Block's in
        # formatting only: let the export compare (dirty) rather than trust the Block.
        _give(qblock, kept, dirty=True)
    return True


def _in_table(qblock: QTextBlock) -> bool:
    return QTextCursor(qblock).currentTable() is not None


def _qt_offset(text: str, index: int, start: bool = True) -> int:
    # Edits count in the Document's text, which has no character for a picture; Qt's has one.
    return core_to_qt(text, index, start)


@dataclass
class _Content:
    """A paragraph's look and text, to write it again elsewhere."""

    block_format: QTextBlockFormat
    char_format: QTextCharFormat
    fragments: list[tuple[str, QTextCharFormat]]


def _capture(qblock: QTextBlock) -> _Content:
    fragments = [(fragment.text(), fragment.charFormat()) for fragment in bridge.fragments_of(qblock)]
    return _Content(qblock.blockFormat(), qblock.charFormat(), fragments)


def _write(cursor: QTextCursor, content: _Content) -> None:
    cursor.setBlockFormat(content.block_format)
    cursor.setBlockCharFormat(content.char_format)
    for text, fmt in content.fragments:
        cursor.insertText(text, fmt)


@dataclass
class _Paragraph:
    """A paragraph of a stretch being rewritten: its look and text, the BlockData it held and
    its export index (None: Qt's scaffolding, an empty phantom block or cell)."""

    index: int | None
    content: _Content
    kept: _Kept | None


@dataclass
class _Cell:
    """A table cell (the top-left one of merged cells) and its paragraphs, to write it again."""

    row: int
    column: int
    row_span: int
    column_span: int
    paragraphs: list[_Paragraph]


@dataclass
class _Table:
    """A whole top-level table, to write it again elsewhere: it moves as one piece."""

    format: QTextTableFormat
    rows: int
    columns: int
    cells: list[_Cell]
    indices: list[int]  # export indices of its paragraphs, in the order they stand


@dataclass
class _Rewrite:
    """A reordering across tables: the QTextBlocks ``first`` to ``last`` (numbers; neither is in a
    table) are removed and written again as ``units``, paragraphs and whole tables in the new order."""

    first: int
    last: int
    units: list[_Paragraph | _Table]


def _top_table(qblock: QTextBlock) -> QTextTable | None:
    """The table ``qblock`` stands in; only tables in the body itself (the bridge builds no others)."""
    table = QTextCursor(qblock).currentTable()
    if table is None:
        return None
    if table.parentFrame() is not qblock.document().rootFrame():
        raise ApplyError(_across_table())
    return table


def _capture_table(table: QTextTable, indices: dict[int, int]) -> _Table:
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
                    raise ApplyError(_across_table())  # a table inside a cell
                index = indices.get(qblock.blockNumber())
                if index is not None:
                    found.append(index)
                paragraphs.append(_Paragraph(index, _capture(qblock), _kept(qblock)))
                qblock = qblock.next()
            cells.append(_Cell(row, column, cell.rowSpan(), cell.columnSpan(), paragraphs))
    return _Table(table.format(), table.rows(), table.columns(), cells, found)


def _spaced() -> QTextBlockFormat:
    """The block format of Qt's scaffolding around a table, as bridge.build leaves it."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(bridge.LINE_GAP_PX, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    return fmt


def _across_table() -> str:
    """What the window says of a reordering that would tear a table apart (or move a table
    inside a cell): the engine's section moves never ask for one."""
    return translate("Changes", "This move would split a table: a table can only move whole, with the section it "
                                "is in.")


def _not_saveable() -> str:
    """What the window says of a reordering the .docx could not be saved in (app.io.docx_writer
    can_reorder): part of the text to move sits in a content control that moves whole."""
    return translate("Changes", "This move could not be saved as shown: part of the text to move is inside a "
                                "content control (such as a table of contents) that can only move whole.")


class ChangeApplier(QObject):
    """Applies Changes to one window's editor and keeps undo and redo honest about them."""

    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow (no import cycle)
        super().__init__(window)
        self.window = window
        self._qdoc: QTextDocument | None = None
        self._records: dict[int, _Record] = {}
        self._steps = 0
        self._new_command = False
        self._busy = False
        # Following the Blocks across saves (the window re-reads the file and points every
        # paragraph's BlockData at the Block read back): the Block each BlockData held when
        # last seen, the Block a save replaced each one with, and the window's Document then.
        self._seen: dict[int, tuple[bridge.BlockData, Block]] = {}
        self._successor: dict[int, tuple[Block, Block]] = {}
        self._saved_as: dict[int, tuple[Document, Document]] = {}
        self._document: Document | None = None

    # -- following saves ---------------------------------------------------------------------

    def _remember(self, qdoc: QTextDocument) -> None:
        """Note the Block every paragraph holds now, to tell later which Block a save put in its place."""
        self._follow_save()
        for qblock in bridge.blocks_in(qdoc):
            data = bridge.data_of(qblock)
            if data is not None and data.block is not None:
                self._seen[id(data)] = (data, data.block)
        self._document = self.window.document

    def _follow_save(self) -> None:
        """After a save, note which new Block stands for which recorded one (only a save changes
        the Block a BlockData holds)."""
        now = self.window.document
        if self._document is None or now is self._document:
            return
        for key, (data, block) in list(self._seen.items()):
            if data.block is not block and data.block is not None:
                self._successor[id(block)] = (block, data.block)
                self._seen[key] = (data, data.block)
        self._saved_as[id(self._document)] = (self._document, now)
        self._document = now

    def _latest(self, document: Document) -> Document:
        while id(document) in self._saved_as and self._saved_as[id(document)][0] is document:
            document = self._saved_as[id(document)][1]
        return document

    def _translated(self, snapshot: Sequence[_Kept | None]) -> list[_Kept | None]:
        """``snapshot`` with each Block replaced by the one the saves since put in its place; a
        paragraph no save wrote (one a step removed) comes back as a new paragraph with its run
        formatting, never with a Block of a Document the window has left."""
        result: list[_Kept | None] = []
        for kept in snapshot:
            if kept is None or kept.block is None:
                result.append(kept)
                continue
            block = kept.block
            while id(block) in self._successor and self._successor[id(block)][0] is block:
                block = self._successor[id(block)][1]
            if block is kept.block:
                result.append(_Kept(None, kept.base_runs, False, True))
            else:
                result.append(_Kept(block, kept.base_runs, kept.phantom, kept.dirty))
        return result

    def _restore_record(self, qdoc: QTextDocument, record: _Record, undo: bool) -> bool:
        """Give the paragraphs the Blocks ``record`` had before (undo) or after it (redo)."""
        self._follow_save()
        snapshot = record.before if undo else record.after
        here = record.document_after if undo else record.document_before
        there = record.document_before if undo else record.document_after
        if self.window.document is here:
            if not _restore(qdoc, snapshot):
                return False
            self.window.document = there
        elif here is there and self._latest(here) is self.window.document:
            # Saved since: the recorded Blocks stand for the ones read back from the file.
            if not _restore(qdoc, self._translated(snapshot)):
                return False
        else:
            return False
        self._remember(qdoc)
        return True

    # -- watching the undo stack -------------------------------------------------------------

    def _watch(self, qdoc: QTextDocument) -> None:
        if qdoc is self._qdoc:
            return
        self._qdoc = qdoc
        self._records = {}
        self._steps = qdoc.availableUndoSteps()
        self._new_command = False
        qdoc.undoCommandAdded.connect(self._on_command_added)
        qdoc.contentsChanged.connect(self._on_contents_changed)

    def _on_command_added(self) -> None:
        if self._qdoc is None:
            return
        # A new step from the last state seen cuts off whatever could have been redone from
        # there: those records can never apply again.
        self._records = {k: r for k, r in self._records.items() if k <= self._steps}
        self._new_command = True

    def _on_contents_changed(self) -> None:
        qdoc = self._qdoc
        if qdoc is None or self._busy or qdoc is not self.window.editor.document():
            return
        steps = qdoc.availableUndoSteps()
        if not self._new_command and steps != self._steps:
            undone = self._records.get(self._steps)
            redone = self._records.get(steps)
            # A save in between gave the window a new Document (re-read from the file): the
            # recorded Blocks belong to the old one, and never get mixed with the new one.
            if steps < self._steps and undone is not None and undone.steps_before == steps:
                if not self._restore_record(qdoc, undone, undo=True):
                    self._records = {}
            elif steps > self._steps and redone is not None and redone.steps_before == self._steps:
                if not self._restore_record(qdoc, redone, undo=False):
                    self._records = {}
        self._steps = steps
        self._new_command = False

    # -- applying ------------------------------------------------------------------------------

    def apply(self, change: Change, *, rebuild: Document | None = None) -> bool:
        """Apply ``change`` (block indices of ``window.current_document()``) as one undo step.

        ``rebuild``: instead, replace the whole content with this Document (the official format),
        which then becomes the window's document. Returns False when there was nothing to do.
        """
        editor = self.window.editor
        qdoc = editor.document()
        self._watch(qdoc)
        if rebuild is None and change.empty:
            return False
        self._follow_save()
        before = _snapshot(qdoc)
        steps_before = qdoc.availableUndoSteps()
        document_before = self.window.document
        self._busy = True
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        try:
            if rebuild is not None:
                self._rebuild_all(qdoc, cursor, rebuild)
            else:
                blocks = core_blocks(qdoc)
                if change.order is not None:
                    self._reorder(qdoc, blocks, change.order)
                    blocks = core_blocks(qdoc)
                self._edit(qdoc, blocks, change.edits)
        finally:
            cursor.endEditBlock()
            self._busy = False
        if rebuild is not None:
            self.window.document = rebuild
        self._steps = qdoc.availableUndoSteps()
        self._new_command = False
        self._records[self._steps] = _Record(steps_before, self._steps, before, _snapshot(qdoc), document_before,
                                             self.window.document)
        self._remember(qdoc)
        refresh = getattr(self.window, "refresh_now", None)
        if refresh is not None:
            refresh()
        return True

    def check(self, change: Change) -> None:
        """Raise ApplyError when the editor could not apply ``change``, or the file could not be
        saved in the order it shows (before asking the user, before anything changes)."""
        if change.order is None:
            return
        qdoc = self.window.editor.document()
        if not _monotonic(change.order):
            self._plan(qdoc, core_blocks(qdoc), change.order)
            from app.io.docx_writer import can_reorder

            if not can_reorder(self.window.current_document(), change.order):
                raise ApplyError(_not_saveable())

    def _edit(self, qdoc: QTextDocument, blocks: Sequence[QTextBlock], edits: Sequence[TextEdit]) -> None:
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
                start = base + _qt_offset(text, edit.start)
                end = max(start, base + _qt_offset(text, edit.end, start=False))
                cursor = QTextCursor(qdoc)
                # Inserted text looks like the first character it replaces (or the one before).
                cursor.setPosition(start + 1 if end > start else start)
                fmt = cursor.charFormat()
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
                if edit.text:
                    cursor.insertText(edit.text.replace("\n", "\u2028"), fmt)
                else:
                    cursor.removeSelectedText()

    def _reorder(self, qdoc: QTextDocument, blocks: list[QTextBlock], order: Sequence[int]) -> None:
        if _monotonic(order):
            kept = set(order)
            # From the end, by number: the paragraphs before keep their numbers.
            numbers = [blocks[i].blockNumber() for i in range(len(blocks)) if i not in kept]
            for number in reversed(numbers):
                self._remove(qdoc, qdoc.findBlockByNumber(number))
            return
        plan = self._plan(qdoc, blocks, order)
        if isinstance(plan, _Rewrite):
            self._rewrite(qdoc, plan)
            return
        lo, hi, new = plan
        contents = {i: _capture(blocks[i]) for i in range(lo, hi + 1)}
        kepts = {i: _kept(blocks[i]) for i in range(lo, hi + 1)}
        number = blocks[lo].blockNumber()
        start, end = blocks[lo].position(), blocks[hi].position() + blocks[hi].length() - 1
        cursor = QTextCursor(qdoc)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        for j, old in enumerate(new):
            if j:
                cursor.insertBlock()
            _write(cursor, contents[old])
        qblock = qdoc.findBlockByNumber(number)
        for old in new:
            kept = kepts[old]
            if kept is not None:
                _give(qblock, kept)
            else:
                qblock.setUserData(None)  # the leftover block still holds a removed paragraph's data
            qblock = qblock.next()

    def _plan(self, qdoc: QTextDocument, blocks: Sequence[QTextBlock],
              order: Sequence[int]) -> tuple[int, int, list[int]] | _Rewrite:
        """How to rewrite a reordering: (first, last, old indices in order) for a stretch of plain
        paragraphs one after another (rewritten paragraph by paragraph), else a _Rewrite that
        moves whole tables. ApplyError for what would tear a table apart."""
        n = len(blocks)
        if len(order) != n:
            raise ApplyError(translate("Changes", "Paragraphs cannot be moved and deleted at the same time."))
        lo = next(i for i in range(n) if order[i] != i)
        hi = next(i for i in reversed(range(n)) if order[i] != i)
        plain = all(not _in_table(blocks[i]) and (i == lo or blocks[i].blockNumber() == blocks[i - 1].blockNumber() + 1)
                    for i in range(lo, hi + 1))
        if plain:
            return lo, hi, list(order[lo:hi + 1])
        return self._plan_rewrite(qdoc, blocks, order, lo, hi)

    @staticmethod
    def _plan_rewrite(qdoc: QTextDocument, blocks: Sequence[QTextBlock], order: Sequence[int], lo: int,
                      hi: int) -> _Rewrite:
        # The rewritten stretch starts and ends outside any table: a table at either end takes
        # the paragraph (or Qt's empty scaffolding block) beside it along, unmoved.
        table = _top_table(blocks[lo])
        first = qdoc.findBlock(table.firstPosition()).previous() if table is not None else blocks[lo]
        table = _top_table(blocks[hi])
        last = qdoc.findBlock(table.lastPosition() + 1) if table is not None else blocks[hi]
        if not first.isValid() or not last.isValid() or _top_table(first) or _top_table(last):
            raise ApplyError(_across_table())
        # And one more paragraph either side, unmoved, when it is no table's: a table that lands
        # first or last then stands right beside it, with no empty block between, as at load.
        if first.previous().isValid() and _top_table(first.previous()) is None:
            first = first.previous()
        if last.next().isValid() and _top_table(last.next()) is None:
            last = last.next()
        indices = {qblock.blockNumber(): i for i, qblock in enumerate(blocks)}  # export index by block number
        units: list[_Paragraph | _Table] = []
        number = first.blockNumber()
        while number <= last.blockNumber():
            qblock = qdoc.findBlockByNumber(number)
            table = _top_table(qblock)
            if table is not None:
                if qdoc.findBlock(table.firstPosition()).blockNumber() != number:
                    raise ApplyError(_across_table())
                units.append(_capture_table(table, indices))
                number = qdoc.findBlock(table.lastPosition() + 1).blockNumber()
                continue
            index = indices.get(number)
            if index is not None:
                units.append(_Paragraph(index, _capture(qblock), _kept(qblock)))
            number += 1  # else an empty phantom: scaffolding, written again where needed
        unit_of: dict[int, int] = {}
        for u, unit in enumerate(units):
            own = unit.indices if isinstance(unit, _Table) else [unit.index]
            if not own:
                raise ApplyError(_across_table())  # a table no export index reaches would be left behind
            for index in own:
                unit_of[index] = u
        a, b = min(unit_of), max(unit_of)
        sequence = list(order[a:b + 1])
        if sorted(sequence) != sorted(unit_of):
            raise ApplyError(_across_table())
        moved: list[_Paragraph | _Table] = []
        k = 0
        while k < len(sequence):
            unit = units[unit_of[sequence[k]]]
            own = unit.indices if isinstance(unit, _Table) else [unit.index]
            # A table moves whole, its paragraphs in their order: anything else would tear it.
            if sequence[k:k + len(own)] != own:
                raise ApplyError(_across_table())
            moved.append(unit)
            k += len(own)
        return _Rewrite(first.blockNumber(), last.blockNumber(), moved)

    def _rewrite(self, qdoc: QTextDocument, plan: _Rewrite) -> None:
        """Remove the stretch (its tables with it) and write it again in the new order, each
        paragraph (table cells too) with the BlockData it had."""
        first, last = qdoc.findBlockByNumber(plan.first), qdoc.findBlockByNumber(plan.last)
        cursor = QTextCursor(qdoc)
        cursor.setPosition(first.position())
        cursor.setPosition(last.position() + last.length() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        # Numbers, not handles: blocks are only added after those already written.
        placed: list[tuple[int, _Kept | None]] = []
        scaffolding: list[int] = []
        filled = False
        for unit in plan.units:
            if isinstance(unit, _Paragraph):
                if filled:
                    cursor.insertBlock()
                _write(cursor, unit.content)
                placed.append((cursor.blockNumber(), unit.kept))
                filled = True
                continue
            if not filled:
                # Qt puts a table after a block: an empty one, as bridge.build leaves it.
                cursor.setBlockFormat(_spaced())
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
                    _write(at, paragraph.content)
                    placed.append((at.blockNumber(), paragraph.kept))
            cursor.setPosition(table.lastPosition() + 1)
            filled = False
        if not filled:
            cursor.setBlockFormat(_spaced())
            cursor.setBlockCharFormat(QTextCharFormat())
            scaffolding.append(cursor.blockNumber())
        for number, kept in placed:
            qblock = qdoc.findBlockByNumber(number)
            if kept is not None:
                _give(qblock, kept)
            else:
                qblock.setUserData(None)
        for number in scaffolding:
            bridge.attach(qdoc.findBlockByNumber(number), bridge.BlockData(None, phantom=True))

    def _remove(self, qdoc: QTextDocument, qblock: QTextBlock) -> None:
        """Remove one paragraph with its paragraph mark; a table cell's paragraph is emptied."""
        cursor = QTextCursor(qdoc)
        previous, following = qblock.previous(), qblock.next()
        end = qblock.position() + qblock.length() - 1
        if _in_table(qblock):
            cursor.setPosition(qblock.position())
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return
        if previous.isValid() and not _in_table(previous):
            # Take the mark before the paragraph: the one before keeps its own look and data.
            cursor.setPosition(previous.position() + previous.length() - 1)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            return
        if following.isValid() and not _in_table(following):
            content, kept = _capture(following), _kept(following)
            cursor.setPosition(qblock.position())
            cursor.setPosition(following.position(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
            # This paragraph now holds the following one's text: give it that one's look and data.
            cursor.setBlockFormat(content.block_format)
            cursor.setBlockCharFormat(content.char_format)
            if kept is not None:
                _give(cursor.block(), kept)
            return
        cursor.setPosition(qblock.position())
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()

    def _rebuild_all(self, qdoc: QTextDocument, cursor: QTextCursor, document: Document) -> None:
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        # The block left over keeps the data of a paragraph that is gone; the builder must see
        # an empty document, as it does at load (else a leading table gains a real paragraph).
        cursor.block().setUserData(None)
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setBlockCharFormat(QTextCharFormat())
        bridge._build_rich(document, cursor)  # joins this edit block: one undo step
        bridge._space_lines(qdoc)
        for qblock in bridge.blocks_in(qdoc):
            data = bridge.data_of(qblock)
            if data is not None:
                rescan(data, qblock.text())


def _monotonic(order: Sequence[int]) -> bool:
    return all(a < b for a, b in zip(order, order[1:]))


__all__ = ["ApplyError", "ChangeApplier", "core_blocks"]
