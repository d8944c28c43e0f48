"""The report as the editor holds it: a QTextDocument that keeps itself.

It is built from a core Document (one QTextBlock per Block, see document_build), and from then on
looks after its own paragraphs: when its text changes it gives new paragraphs their BlockData,
marks the changed ones dirty, runs the engine on each (app.core.block_scan) and tells the live
scan which paragraphs changed; then it says so (``touched``), and whoever shows the outline or the
lists asks for a ``snapshot`` once typing pauses. ``export`` gives the core Document it now shows,
for the writer. The window only routes: it never keeps this document's invariants.
"""
from __future__ import annotations

import itertools
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from app.core.block_scan import rescan
from app.core.document import Document, ImageRef
from app.core.live_scan import LiveScan, Snapshot
from app.core.offsets import has_astral, utf16_index
from app.core.placeholders import Found
from app.io.page import UNSTATED_MARGIN_MM
from app.ui.block_data import BlockData, blocks_in, data_of, is_scaffolding

if TYPE_CHECKING:
    from app.ui.change_applier import ChangeApplier

# Picture numbers, unique in the process (an ImageRef's number names it in a character format).
_picture_numbers = itertools.count(1)


class ReportDocument(QTextDocument):
    """A report in the editor; see the module's doc."""

    # Paragraphs changed (each already rescanned): the outline and lists are due for a refresh.
    touched = Signal()
    # The user deleted pictures the file must keep all the same: why (each of "group", "field",
    # "shape", see docx_writer.picture_kept), once per picture.
    picturesKept = Signal(list)
    # An engine Change went in as one undo step (the outline and lists are due at once).
    changeApplied = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.original = Document()  # the Document it shows, as read (the writer's base)
        # The Python side of each BlockData must live as long as Qt's block holds it.
        self._kept: list[BlockData] = []
        self.pictures: dict[int, ImageRef] = {}  # picture number -> the ImageRef it was made from
        self._told: set[tuple[str, int, int]] = set()
        # Bumped whenever a paragraph gets new BlockData: the live scan then reads afresh.
        self.generation = 0
        self.live = LiveScan()
        self.contentsChange.connect(self._on_contents_change)
        self._building = False
        self._changes: ChangeApplier | None = None
        # The page's left and top margins (mm) the file gives, and how far from its anchor
        # paragraph a floating picture may be drawn (0: it has none; see app.ui.floating).
        self.page_margins_mm = (UNSTATED_MARGIN_MM, UNSTATED_MARGIN_MM)
        self.float_reach = 0.0

    @classmethod
    def of(cls, document: Document, parent: QObject | None = None,
           prepare: object | None = None) -> ReportDocument:
        """A ReportDocument showing ``document``; ``prepare(qdoc)`` runs on the empty document
        first (page margins must be set before the text: later they break Qt's table layout)."""
        from app.ui.document_build import build

        qdoc = cls(parent)
        if callable(prepare):
            prepare(qdoc)
        qdoc.original = document
        qdoc._building = True
        try:
            build(document, qdoc)
        finally:
            qdoc._building = False
        return qdoc

    @contextmanager
    def unchanged(self) -> Iterator[None]:
        """What Qt reports as a change of contents while this runs is none: a view taking the
        document (QTextEdit.setDocument reports the whole text as inserted) edits nothing."""
        building, self._building = self._building, True
        try:
            yield
        finally:
            self._building = building

    @property
    def changes(self) -> ChangeApplier:
        """Applies engine Changes to this document as single undo steps (made with the first)."""
        if self._changes is None:
            from app.ui.change_applier import ChangeApplier

            self._changes = ChangeApplier(self)
            self._changes.applied.connect(self.changeApplied)
        return self._changes

    # -- its paragraphs ----------------------------------------------------------------------

    def attach(self, block: QTextBlock, data: BlockData) -> BlockData:
        block.setUserData(data)
        self._kept.append(data)
        self.generation += 1
        return data

    def remember_picture(self, image: ImageRef) -> int:
        number = next(_picture_numbers)
        self.pictures[number] = image
        return number

    def state_of(self, block: QTextBlock) -> BlockData:
        """The block's BlockData, made and scanned where it has none yet."""
        data = data_of(block)
        if data is None:
            data = self.attach(block, BlockData(None))
        if data.text is None:
            rescan(data, block.text())
        return data

    def laid_out(self) -> bool:
        """Whether Qt has laid the whole report out. It lays a long one out in the background after
        it shows, a step per turn of the event loop (up to 200,000 characters, ~60 ms a step)."""
        return self.lastBlock().layout().lineCount() > 0

    def paragraphs(self) -> list[QTextBlock]:
        """The QTextBlocks that are the blocks of ``export()``, in the same order.

        Two numberings meet here, and only here: a QTextBlock's number (what the outline, the
        placeholder list and the live scan count: every block Qt has, table scaffolding too) and a
        paragraph's index in the exported Document (what the engine's Changes, hints and scans of
        ``export()`` count). ``paragraphs()[i]`` is paragraph i; ``paragraph_index`` goes back."""
        return [block for block in blocks_in(self) if not is_scaffolding(block, data_of(block))]

    def paragraph_index(self, block_number: int) -> int:
        """The index in ``export()`` of the paragraph at QTextBlock ``block_number`` (or of the
        one before it, for Qt's scaffolding around a table)."""
        index = 0
        for i, paragraph in enumerate(self.paragraphs()):
            if paragraph.blockNumber() > block_number:
                break
            index = i
        return index

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._building:
            return
        block = self.findBlock(position)
        last = self.findBlock(position + added)
        first = number = block.blockNumber()
        attached = 0
        while block.isValid():
            number = block.blockNumber()
            data = data_of(block)
            if data is None:
                data = self.attach(block, BlockData(None))
                data.in_cell = QTextCursor(block).currentTable() is not None
                attached += 1
            data.dirty = True
            text = block.text()
            if data.text != text:
                rescan(data, text)
            if block == last:
                break
            block = block.next()
        if first >= 0:
            self.live.touched(first, number, self.blockCount(), attached, self.generation)
        self.touched.emit()

    # -- the live scan's source ---------------------------------------------------------------

    def block_count(self) -> int:
        return self.blockCount()

    def states(self, first: int, last: int) -> list[BlockData]:
        out: list[BlockData] = []
        block = self.begin() if first == 0 else self.findBlockByNumber(first)
        for _ in range(first, last + 1):
            # state_of, inlined for the common case: a first snapshot visits every block.
            data = block.userData()
            if not isinstance(data, BlockData) or data.text is None:
                data = self.state_of(block)
            out.append(data)
            block = block.next()
        return out

    def snapshot(self) -> Snapshot:
        """The outline and placeholders now, worked out from the paragraphs that changed."""
        return self.live.collect(self)

    def release(self) -> None:
        """Let go of every paragraph's data and the scan over them: the document is being thrown
        away (a long report's BlockData hold ~90 MB at 1,500 pages)."""
        self._kept = []
        self.pictures = {}
        self.live = LiveScan()
        self._changes = None

    def read_afresh(self) -> None:
        """Paragraphs stand for other Blocks now (after a save): the next snapshot starts afresh."""
        self.live.reset()

    # -- out ------------------------------------------------------------------------------------

    def export(self) -> Document:
        """The Document the editor now shows (the writer's input)."""
        from app.ui.document_export import export

        return export(self, self.original)

    def adopt(self, saved: Document) -> bool:
        """After a save the file on disk is the new baseline: each paragraph stands for the Block
        just written (the undo history stays). False when they do not line up one to one."""
        self.original = saved
        blocks = self.paragraphs()
        if len(blocks) != len(saved.blocks):
            return False
        for qblock, block in zip(blocks, saved.blocks):
            data = data_of(qblock)
            if data is None:
                data = self.attach(qblock, BlockData(None))
            data.block = block
            data.phantom = False
            data.dirty = False
        self.read_afresh()
        return True

    def pictures_deleted(self, gone: list[ImageRef], present: list[ImageRef]) -> None:
        """The user deleted ``gone``: say (once per picture) which of them the file keeps."""
        from app.io.docx_writer import picture_kept

        reasons = []
        for image in gone:
            name = (image.key, image.width_emu, image.height_emu)
            reason = picture_kept(image, present)
            if reason is not None and name not in self._told:
                self._told.add(name)
                reasons.append(reason)
        if reasons:
            self.picturesKept.emit(reasons)

    # -- placeholders by position ---------------------------------------------------------------

    def span_of(self, block_no: int, start: int, end: int) -> tuple[int, int] | None:
        """Document positions of a placeholder found at Python offsets in block ``block_no``."""
        block = self.findBlockByNumber(block_no)
        if not block.isValid():
            return None
        text = block.text()
        if has_astral(text):
            start, end = utf16_index(text, start), utf16_index(text, end)
        return block.position() + start, block.position() + end

    def spans_in(self, block: QTextBlock) -> list[tuple[int, int, Found]]:
        """(start, end, found) document positions of the unfilled placeholders in one block."""
        data = self.state_of(block)
        if data.junk:
            return []
        text = data.text or ""
        astral = has_astral(text)
        base = block.position()
        out = []
        for f in data.found:
            if f.kind == "masked":
                continue
            s, e = (utf16_index(text, f.start), utf16_index(text, f.end)) if astral else (f.start, f.end)
            out.append((base + s, base + e, f))
        return out

    def next_span(self, position: int, backwards: bool = False) -> tuple[int, int] | None:
        """The placeholder after (or before) ``position``, wrapping around the document."""
        start_block = self.findBlock(position)
        if not start_block.isValid():
            start_block = self.begin()
        count = self.blockCount()
        block = start_block
        for step in range(count + 1):
            spans = self.spans_in(block)
            if backwards:
                spans = list(reversed(spans))
            for s, e, _ in spans:
                if step == 0:
                    if not backwards and s < position:
                        continue
                    if backwards and e > position:
                        continue
                elif step == count and block == start_block:
                    if not backwards and s >= position:
                        continue
                    if backwards and e <= position:
                        continue
                return s, e
            block = block.previous() if backwards else block.next()
            if not block.isValid():
                block = self.lastBlock() if backwards else self.begin()
        return None

    def span_at(self, start: int, end: int) -> bool:
        """True when [start, end) is exactly an unfilled placeholder."""
        block = self.findBlock(start)
        return any(s == start and e == end for s, e, _ in self.spans_in(block)) if block.isValid() else False

    def blocks(self) -> Iterator[QTextBlock]:
        return blocks_in(self)
