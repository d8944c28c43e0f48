"""Collects the engine's per-block findings into the outline and the placeholder list.

highlight.rescan keeps every block's findings current as the user types; this module only
gathers them (no text is rescanned here), after typing pauses.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Sequence

from PySide6.QtGui import QTextBlock, QTextDocument

from app.core.junk import junk_of
from app.core.outline import Heading, Section, build_sections, title_of
from app.core.placeholders import Found, Placeholder, context_of
from app.core.scan import SectionLocator
from app.ui.bridge import OBJECT, BlockData, attach, attach_count, data_of
from app.ui.highlight import has_astral, rescan, utf16_index


@dataclass
class Snapshot:
    """The outline and placeholders of the editor's document at one moment."""

    sections: list[Section] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    chars: int = 0
    revision: int = -1
    # Each snapshot's number, the one it was worked out from and the blocks that changed since
    # (None: worked out from scratch), so that what follows a refresh can work on those alone.
    serial: int = 0
    base: int = -1
    changed: frozenset[int] | None = None
    # Every block's BlockData, by block number.
    datas: list[BlockData] = field(default_factory=list)


class _Texts(Sequence[str]):
    """Block texts fetched only where the engine looks (the title, a placeholder's context)."""

    def __init__(self, datas: list[BlockData]) -> None:
        self._datas = datas

    def __len__(self) -> int:
        return len(self._datas)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence protocol
        if isinstance(i, slice):
            return [plain_text(d) for d in self._datas[i]]
        return plain_text(self._datas[i])


def plain_text(data: BlockData) -> str:
    """A block's text as the engine reads it: line breaks as \\n, a picture as a space (same
    length, so the engine's offsets stay Qt's)."""
    plain = data.text or ""
    if "\u2028" in plain:
        plain = plain.replace("\u2028", "\n")
    if OBJECT in plain:
        plain = plain.replace(OBJECT, " ")
    return plain


def _data(block: QTextBlock) -> BlockData:
    data = data_of(block)
    if data is None:
        data = attach(block, BlockData(None))
    if data.text is None:
        rescan(data, block.text())
    return data


# One placeholder of a block before it is numbered: what it is, its context and where the
# token starts in that context (context_of is most of the numbering's cost: kept per block).
_Proto = tuple[Found, str, int]


class Tracker:
    """Keeps the Snapshot of the editor's document: after typing, only the blocks that changed are
    read again (the window says which: ``touched``); the outline is rebuilt only when a heading,
    the title or an ad line changed, and the placeholder list is patched where the blocks were.

    Anything else (a paragraph added or removed, a block given new BlockData, another document)
    makes the next ``collect`` start from scratch.
    """

    def __init__(self) -> None:
        self._qdoc: QTextDocument | None = None
        self._changed: set[int] | None = None
        self._attaches = -1
        self._serial = -1
        self._datas: list[BlockData] = []
        self._chars: list[int] = []
        self._headings: dict[int, Heading] = {}
        self._junk: set[int] = set()  # blocks that are ad lines on their own (rescan)
        self._lead: set[int] = set()  # blocks of the promotion block before the title
        self._titled: set[int] = set()  # blocks in a title style
        self._protos: dict[int, list[_Proto]] = {}
        self._total = 0
        self._title: tuple[int, int, str] | None = None
        self._sections: list[Section] = []
        self._locator: SectionLocator | None = None
        self._placeholders: list[Placeholder] = []
        self._placed: list[int] = []  # the block of each placeholder, for bisecting

    def touched(self, first: int, last: int) -> None:
        """Blocks ``first`` to ``last`` (numbers) changed their text."""
        if self._changed is not None:
            self._changed.update(range(first, last + 1))

    def reset(self) -> None:
        """Work the next snapshot out from scratch."""
        self._changed = None

    def collect(self, qdoc: QTextDocument) -> Snapshot:
        changed = self._changed
        base = self._serial
        if (changed is None or qdoc is not self._qdoc or attach_count() != self._attaches
                or qdoc.blockCount() != len(self._datas)):
            self._collect_all(qdoc)
            changed_blocks = None
        else:
            self._collect_changed(qdoc, sorted(changed))
            changed_blocks = frozenset(changed)
        self._qdoc = qdoc
        self._changed = set()
        self._attaches = attach_count()
        self._serial = next(_SERIALS)
        return Snapshot(self._sections, self._placeholders, self._total, qdoc.revision(), self._serial,
                        base if changed_blocks is not None else -1, changed_blocks, self._datas)

    # -- from scratch ------------------------------------------------------------------------

    def _collect_all(self, qdoc: QTextDocument) -> None:
        datas: list[BlockData] = []
        chars: list[int] = []
        self._headings, self._junk, self._titled, self._protos = {}, set(), set(), {}
        block = qdoc.begin()
        n = 0
        while block.isValid():
            # _data, inlined for the common case: this loop visits every block.
            data = block.userData()
            if not isinstance(data, BlockData) or data.text is None:
                data = _data(block)
            datas.append(data)
            chars.append(data.chars)
            self._read(n, data)
            block = block.next()
            n += 1
        self._datas, self._chars, self._total = datas, chars, sum(chars)
        self._lead = self._lead_of()
        self._outline()
        self._number_all()

    def _read(self, n: int, data: BlockData) -> None:
        """Take block ``n``'s findings into the per-block tables (its old entries are gone)."""
        if data.junk:
            self._junk.add(n)
            return
        if data.heading is not None:
            self._headings[n] = data.heading
        if data.found:
            self._protos[n] = []  # filled by _protos_of when numbered
        if data.block is not None and data.block.is_title_style and data.text and data.text.strip():
            self._titled.add(n)

    def _lead_of(self) -> set[int]:
        return _lead_junk(_Texts(self._datas), self._headings)

    def _outline(self) -> bool:
        """Title and sections from the tables; True when the sections differ from before."""
        texts = _Texts(self._datas)
        junk = self._junk | self._lead
        headings = {b: h for b, h in self._headings.items() if b not in self._lead}
        self._title = title_of(texts, junk, headings, sorted(b for b in self._titled if b not in self._lead))
        sections = build_sections(len(self._datas), headings, self._title)
        if sections == self._sections:
            return False
        self._sections = sections
        self._locator = SectionLocator(sections)
        return True

    def _protos_of(self, n: int) -> list[_Proto]:
        protos = self._protos.get(n)
        if protos is None or n in self._lead:
            return []
        if protos:
            return protos
        text = plain_text(self._datas[n])
        protos = [(f, *context_of(text, f.start, f.end)) for f in self._datas[n].found if f.kind != "masked"]
        self._protos[n] = protos
        return protos

    def _placeholders_of(self, n: int, first_index: int) -> list[Placeholder]:
        assert self._locator is not None
        section = self._locator.at(n)
        title = section.title if section else None
        return [Placeholder(first_index + i, n, f.start, f.end, f.token, f.kind, f.unit, context, title, offset)
                for i, (f, context, offset) in enumerate(self._protos_of(n))]

    def _number_all(self) -> None:
        placeholders: list[Placeholder] = []
        placed: list[int] = []
        for n in sorted(self._protos):
            found = self._placeholders_of(n, len(placeholders) + 1)
            placeholders.extend(found)
            placed.extend([n] * len(found))
        self._placeholders, self._placed = placeholders, placed

    # -- after typing ------------------------------------------------------------------------

    def _collect_changed(self, qdoc: QTextDocument, changed: list[int]) -> None:
        changed = [n for n in changed if n < len(self._datas)]
        if not changed:
            return
        before = self._outline_key(changed)
        for n in changed:
            block = qdoc.findBlockByNumber(n)
            data = block.userData()
            if not isinstance(data, BlockData) or data.text is None:
                data = _data(block)
            self._datas[n] = data
            self._total += data.chars - self._chars[n]
            self._chars[n] = data.chars
            self._headings.pop(n, None)
            self._junk.discard(n)
            self._titled.discard(n)
            self._protos.pop(n, None)
            self._read(n, data)
        if changed[0] < _LEAD_LINES:
            self._lead = self._lead_of()
        if self._outline_key(changed) != before or changed[0] <= self._first_heading():
            old = self._sections
            if self._outline():
                if not same_layout(old, self._sections):
                    self._number_all()
                    return
                # A heading renamed (the user typing in it): only its placeholders change section.
                self._renumber(changed)
                self._retitle(old)
                return
        self._renumber(changed)

    def _outline_key(self, changed: list[int]) -> tuple:
        """What of the changed blocks (and the lead) the outline depends on."""
        return (tuple(self._headings.get(n) for n in changed), tuple(n in self._junk for n in changed),
                tuple(n in self._titled for n in changed), frozenset(self._lead))

    def _first_heading(self) -> int:
        # The title is looked for before the first heading: a change there may make or unmake it.
        return min(self._headings, default=len(self._datas))

    def _retitle(self, old: list[Section]) -> None:
        """Give the placeholders of each renamed section its new title."""
        assert self._locator is not None
        placeholders = self._placeholders
        for before, section in zip(old, self._sections):
            if before.title == section.title:
                continue
            lo = bisect.bisect_left(self._placed, section.block)
            hi = bisect.bisect_left(self._placed, section.end)
            for i in range(lo, hi):
                p = placeholders[i]
                holder = self._locator.at(p.block)
                title = holder.title if holder else None
                if p.section != title:
                    placeholders[i] = Placeholder(p.index, p.block, p.start, p.end, p.token, p.kind, p.unit, p.context,
                                                  title, p.context_offset)

    def _renumber(self, changed: list[int]) -> None:
        """Swap the changed blocks' placeholders in the list; number again only past the first
        place where the count changed."""
        placeholders, placed = list(self._placeholders), list(self._placed)
        shift_from: int | None = None
        for n in changed:
            lo = bisect.bisect_left(placed, n)
            hi = bisect.bisect_right(placed, n)
            fresh = self._placeholders_of(n, lo + 1)
            if len(fresh) != hi - lo and shift_from is None:
                shift_from = lo + len(fresh)
            placeholders[lo:hi] = fresh
            placed[lo:hi] = [n] * len(fresh)
        if shift_from is not None:
            for i in range(shift_from, len(placeholders)):
                p = placeholders[i]
                if p.index != i + 1:
                    placeholders[i] = Placeholder(i + 1, p.block, p.start, p.end, p.token, p.kind, p.unit, p.context,
                                                  p.section, p.context_offset)
        self._placeholders, self._placed = placeholders, placed


# Snapshot numbers, unique across trackers (one follows another when a window reopens).
_SERIALS = itertools.count(1)


def same_layout(old: Sequence[Section], new: Sequence[Section]) -> bool:
    """The same sections at the same places and levels (titles may differ)."""
    return len(old) == len(new) and all(a.block == b.block and a.end == b.end and a.level == b.level
                                        for a, b in zip(old, new))


def collect(qdoc: QTextDocument) -> Snapshot:
    """A Snapshot of ``qdoc`` worked out from scratch."""
    return Tracker().collect(qdoc)


def _lead_junk(texts: Sequence[str], headings: dict[int, Heading]) -> set[int]:
    """Whole-line junk that only the document as a whole shows (a site's promotion block before the
    title, its name standing alone): looked for in the lines before the first heading, which are few."""
    end = min(min(headings, default=len(texts)), _LEAD_LINES)
    if end == 0:
        return set()
    lines = [texts[i] for i in range(end)]
    return {j.block for j in junk_of(lines, [], ()) if j.whole_block}


# The promotion block sits at the top: lines past this are never searched for it.
_LEAD_LINES = 200


def qt_span(qdoc: QTextDocument, block_no: int, start: int, end: int) -> tuple[int, int] | None:
    """Document positions of a placeholder found at Python offsets in block ``block_no``."""
    block = qdoc.findBlockByNumber(block_no)
    if not block.isValid():
        return None
    text = block.text()
    if has_astral(text):
        start, end = utf16_index(text, start), utf16_index(text, end)
    return block.position() + start, block.position() + end


def spans_in_block(block: QTextBlock) -> list[tuple[int, int, Found]]:
    """(start, end, found) document positions of the unfilled placeholders in one block."""
    data = _data(block)
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


def next_span(qdoc: QTextDocument, position: int, backwards: bool = False) -> tuple[int, int] | None:
    """The placeholder after (or before) ``position``, wrapping around the document."""
    start_block = qdoc.findBlock(position)
    if not start_block.isValid():
        start_block = qdoc.begin()
    count = qdoc.blockCount()
    block = start_block
    for step in range(count + 1):
        spans = spans_in_block(block)
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
            block = qdoc.lastBlock() if backwards else qdoc.begin()
    return None


def span_at(qdoc: QTextDocument, start: int, end: int) -> bool:
    """True when [start, end) is exactly an unfilled placeholder."""
    block = qdoc.findBlock(start)
    return any(s == start and e == end for s, e, _ in spans_in_block(block)) if block.isValid() else False
