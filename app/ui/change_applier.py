"""Apply an engine Change (app.core.edits) to a ReportDocument as ONE undoable step, and keep undo
and redo honest about which core Block each paragraph stands for.

Each operation records which Block every paragraph held before and after it, and when the user
undoes (or redoes) exactly that step the paragraphs get their Blocks back (paragraph_moves does
the rewriting). QTextDocument has no custom undo items in PySide6, hence the bookkeeping on the
document's signals rather than on the undo stack itself. A save in between repoints every
paragraph at the Block read back from the file; the records follow (see _follow_save).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextCursor

from app.core.block_scan import rescan
from app.core.document import Block, Document
from app.core.edits import Change
from app.ui.block_data import BlockData, blocks_in, data_of
from app.ui.paragraph_moves import (
    ApplyError,
    Kept,
    edit_texts,
    kept_states,
    monotonic,
    not_saveable,
    plan,
    reorder,
    restore,
)

if TYPE_CHECKING:
    from app.ui.report_document import ReportDocument


@dataclass
class Record:
    """One operation on the undo stack: the stack's size before and after it (Qt counts every
    command inside an edit block, so one undo step may span many) and the Blocks around it."""

    steps_before: int
    steps_after: int
    before: list[Kept | None]
    after: list[Kept | None]
    document_before: Document
    document_after: Document


class ChangeApplier(QObject):
    """Applies Changes to one ReportDocument (its ``changes``); see the module's doc."""

    applied = Signal()  # a Change went in: the outline and lists are due at once

    def __init__(self, qdoc: ReportDocument) -> None:
        super().__init__(qdoc)
        self.qdoc = qdoc
        self._records: dict[int, Record] = {}
        self._steps = qdoc.availableUndoSteps()
        self._new_command = False
        self._busy = False
        # Following the Blocks across saves (the window re-reads the file and points every
        # paragraph's BlockData at the Block read back): the Block each BlockData held when
        # last seen, the Block a save replaced each one with, and the document's Document then.
        self._seen: dict[int, tuple[BlockData, Block]] = {}
        self._successor: dict[int, tuple[Block, Block]] = {}
        self._saved_as: dict[int, tuple[Document, Document]] = {}
        self._document: Document | None = None
        qdoc.undoCommandAdded.connect(self._on_command_added)
        qdoc.contentsChanged.connect(self._on_contents_changed)

    # -- following saves ---------------------------------------------------------------------

    def _remember(self) -> None:
        """Note the Block every paragraph holds now, to tell later which Block a save put in its place."""
        self._follow_save()
        for qblock in blocks_in(self.qdoc):
            data = data_of(qblock)
            if data is not None and data.block is not None:
                self._seen[id(data)] = (data, data.block)
        self._document = self.qdoc.original

    def _follow_save(self) -> None:
        """After a save, note which new Block stands for which recorded one (only a save changes
        the Block a BlockData holds)."""
        now = self.qdoc.original
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

    def _translated(self, snapshot: Sequence[Kept | None]) -> list[Kept | None]:
        """``snapshot`` with each Block replaced by the one the saves since put in its place; a
        paragraph no save wrote (one a step removed) comes back as a new paragraph with its run
        formatting, never with a Block of a Document the window has left."""
        result: list[Kept | None] = []
        for kept in snapshot:
            if kept is None or kept.block is None:
                result.append(kept)
                continue
            block = kept.block
            while id(block) in self._successor and self._successor[id(block)][0] is block:
                block = self._successor[id(block)][1]
            if block is kept.block:
                result.append(Kept(None, kept.base_runs, False, True))
            else:
                result.append(Kept(block, kept.base_runs, kept.phantom, kept.dirty))
        return result

    def _restore_record(self, record: Record, undo: bool) -> bool:
        """Give the paragraphs the Blocks ``record`` had before (undo) or after it (redo)."""
        self._follow_save()
        qdoc = self.qdoc
        snapshot = record.before if undo else record.after
        here = record.document_after if undo else record.document_before
        there = record.document_before if undo else record.document_after
        if qdoc.original is here:
            if not restore(qdoc, snapshot):
                return False
            qdoc.original = there
        elif here is there and self._latest(here) is qdoc.original:
            # Saved since: the recorded Blocks stand for the ones read back from the file.
            if not restore(qdoc, self._translated(snapshot)):
                return False
        else:
            return False
        self._remember()
        self.relabel()  # undoing a move gives the labels back their places too
        return True

    # -- watching the undo stack -------------------------------------------------------------

    def _on_command_added(self) -> None:
        # A new step from the last state seen cuts off whatever could have been redone from
        # there: those records can never apply again.
        self._records = {k: r for k, r in self._records.items() if k <= self._steps}
        self._new_command = True

    def _on_contents_changed(self) -> None:
        if self._busy:
            return
        steps = self.qdoc.availableUndoSteps()
        if not self._new_command and steps != self._steps:
            undone = self._records.get(self._steps)
            redone = self._records.get(steps)
            # A save in between gave the document a new Document (re-read from the file): the
            # recorded Blocks belong to the old one, and never get mixed with the new one.
            if steps < self._steps and undone is not None and undone.steps_before == steps:
                if not self._restore_record(undone, undo=True):
                    self._records = {}
            elif steps > self._steps and redone is not None and redone.steps_before == self._steps:
                if not self._restore_record(redone, undo=False):
                    self._records = {}
        self._steps = steps
        self._new_command = False

    # -- applying ------------------------------------------------------------------------------

    def apply(self, change: Change, *, rebuild: Document | None = None) -> bool:
        """Apply ``change`` (block indices of ``qdoc.export()``) as one undo step.

        ``rebuild``: instead, replace the whole content with this Document (the official format),
        which then becomes the document's own. Returns False when there was nothing to do.
        """
        qdoc = self.qdoc
        if rebuild is None and change.empty:
            return False
        self._follow_save()
        before = kept_states(qdoc)
        steps_before = qdoc.availableUndoSteps()
        document_before = qdoc.original
        self._busy = True
        cursor = QTextCursor(qdoc)
        cursor.beginEditBlock()
        try:
            if rebuild is not None:
                self._rebuild_all(cursor, rebuild)
            else:
                blocks = qdoc.paragraphs()
                if change.order is not None:
                    reorder(qdoc, blocks, change.order)
                    blocks = qdoc.paragraphs()
                edit_texts(qdoc, blocks, change.edits)
                if change.order is not None:
                    self.relabel()
        finally:
            cursor.endEditBlock()
            self._busy = False
        if rebuild is not None:
            qdoc.original = rebuild
        self._steps = qdoc.availableUndoSteps()
        self._new_command = False
        self._records[self._steps] = Record(steps_before, self._steps, before, kept_states(qdoc), document_before,
                                            qdoc.original)
        self._remember()
        self.applied.emit()
        return True

    def relabel(self) -> list[int]:
        """Work Word's list labels out again in the order the paragraphs now stand (after sections
        moved, "二、" that comes first shows "一、"), as Word will when it opens the saved file;
        the labels are painted, never text, so only a repaint follows. The indices changed."""
        from app.core.numbering import relabel

        qdoc = self.qdoc
        exported = qdoc.export()
        changed = relabel(exported.blocks, qdoc.original.numbering)
        if changed:
            paragraphs = qdoc.paragraphs()
            for i in changed:
                data = data_of(paragraphs[i]) if i < len(paragraphs) else None
                if data is not None and data.block is not None and data.block is not exported.blocks[i]:
                    data.block.label = exported.blocks[i].label
                    data.block.label_suffix = exported.blocks[i].label_suffix
        return changed

    def check(self, change: Change) -> None:
        """Raise ApplyError when the editor could not apply ``change``, or the file could not be
        saved in the order it shows (before asking the user, before anything changes)."""
        if change.order is None:
            return
        if not monotonic(change.order):
            plan(self.qdoc, self.qdoc.paragraphs(), change.order)
            from app.io.docx_writer import can_reorder

            if not can_reorder(self.qdoc.export(), change.order):
                raise ApplyError(not_saveable())

    def _rebuild_all(self, cursor: QTextCursor, document: Document) -> None:
        from app.ui.document_build import build_rich, space_lines

        qdoc = self.qdoc
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.removeSelectedText()
        # The block left over keeps the data of a paragraph that is gone; the builder must see
        # an empty document, as it does at load (else a leading table gains a real paragraph).
        cursor.block().setUserData(None)
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.setBlockCharFormat(QTextCharFormat())
        build_rich(qdoc, document, cursor)  # joins this edit block: one undo step
        space_lines(qdoc)
        for qblock in blocks_in(qdoc):
            data = data_of(qblock)
            if data is not None:
                rescan(data, qblock.text())


__all__ = ["ApplyError", "ChangeApplier"]
