"""The outline and placeholder list of a document being edited, kept up to date from the paragraphs
that changed (the live scan): its result equals a scan from scratch, which tests check on random
edits (tests/core/test_live_scan.py).

``block_scan.rescan`` keeps every paragraph's findings current as the user types; this module only
gathers them (no text is read again here) once typing pauses. The paragraphs come from a
BlockSource: the window's document, or a plain list in tests.
"""
from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Protocol, Sequence

from app.core import rules
from app.core.block_scan import BlockState
from app.core.junk import junk_of
from app.core.offsets import spaced_text
from app.core.outline import Heading, Section, build_sections, heading_of, in_contents, title_of
from app.core.placeholders import Found, Placeholder, context_of
from app.core.scan import SectionLocator


class BlockSource(Protocol):
    """Where the live scan reads paragraphs: the window's document, or a list in tests."""

    @property
    def generation(self) -> int:
        """Changes whenever a paragraph is given new state other than as ``LiveScan.touched`` said."""

    def block_count(self) -> int: ...

    def states(self, first: int, last: int) -> list[BlockState]:
        """The scanned states of paragraphs ``first`` to ``last`` (numbers, inclusive)."""


@dataclass(frozen=True)
class Edit:
    """What changed since the previous snapshot: blocks ``first`` to ``last`` (numbers now) were
    read again; the blocks before them are as they were, those after them moved by ``shift``
    (paragraphs added or joined), so blocks ``first`` to ``last - shift`` were there before."""

    first: int
    last: int
    shift: int = 0

    @property
    def old_last(self) -> int:
        return self.last - self.shift

    def moved(self, block: int) -> int | None:
        """Where a block of the previous snapshot is now; None for one that was read again."""
        if block < self.first:
            return block
        if block > self.old_last:
            return block + self.shift
        return None


@dataclass
class Snapshot:
    """The outline and placeholders of the editor's document at one moment."""

    sections: list[Section] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    chars: int = 0
    # Each snapshot's number, the one it was worked out from and what changed since (None:
    # worked out from scratch), so that what follows a refresh can work on that alone.
    serial: int = 0
    base: int = -1
    edit: Edit | None = None
    # Every block's BlockState, by block number.
    datas: list[BlockState] = field(default_factory=list)

    @property
    def changed(self) -> frozenset[int] | None:
        """The blocks read again (None: all of them)."""
        return None if self.edit is None else frozenset(range(self.edit.first, self.edit.last + 1))


class _Texts(Sequence[str]):
    """Block texts fetched only where the engine looks (the title, a placeholder's context)."""

    def __init__(self, datas: list[BlockState]) -> None:
        self._datas = datas

    def __len__(self) -> int:
        return len(self._datas)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence protocol
        if isinstance(i, slice):
            return [plain_text(d) for d in self._datas[i]]
        return plain_text(self._datas[i])


def lazy_texts(datas: list[BlockState]) -> Sequence[str]:
    """The paragraphs' texts as the engine reads them in place, each made only when looked at."""
    return _Texts(datas)


def plain_text(data: BlockState) -> str:
    """A paragraph's text as the engine reads it in place (see offsets.spaced_text)."""
    return spaced_text(data.text or "")


# One placeholder of a block before it is numbered: what it is, its context and where the
# token starts in that context (context_of is most of the numbering's cost: kept per block).
_Proto = tuple[Found, str, int]


def _moved_keys(table: dict[int, object] | set[int], edit: Edit) -> dict | set:
    """``table`` (keyed by block) with the blocks read again left out and the others moved."""
    if isinstance(table, set):
        return {m for b in table if (m := edit.moved(b)) is not None}
    return {m: v for b, v in table.items() if (m := edit.moved(b)) is not None}


class LiveScan:
    """Keeps the Snapshot of the editor's document: after typing, only the blocks that changed are
    read again (the window says which: ``touched``); the outline is rebuilt only when a heading,
    the title or an ad line changed, and the placeholder list is patched where the blocks were,
    those below moving along when paragraphs were added or joined.

    Anything else (a paragraph given new state, another document) makes the next ``collect``
    start from scratch.
    """

    def __init__(self) -> None:
        self._source: BlockSource | None = None
        # The stretch of blocks touched since the last snapshot (numbers now), the change in the
        # number of blocks, and the number of blocks at the last edit seen.
        self._touched: tuple[int, int] | None = None
        self._shift = 0
        self._blocks_seen = -1
        self._fresh = False  # the next collect starts from scratch
        self._attaches = -1
        self._serial = -1
        self._datas: list[BlockState] = []
        self._chars: list[int] = []
        self._headings: dict[int, Heading] = {}
        self._junk: set[int] = set()  # blocks that are ad lines on their own (rescan)
        self._lead: set[int] = set()  # blocks of the promotion block before the title
        self._titled: set[int] = set()  # blocks in a title style
        self._entries: set[int] = set()  # contents entries reading like headings: never the title
        self._protos: dict[int, list[_Proto]] = {}
        self._total = 0
        self._title: tuple[int, int, str] | None = None
        self._sections: list[Section] = []
        self._locator = SectionLocator([])
        self._placeholders: list[Placeholder] = []
        self._placed: list[int] = []  # the block of each placeholder, for bisecting
        # Whether the last collect patched the list below a paragraph added or joined (tests).
        self.patched = False

    def touched(self, first: int, last: int, blocks: int | None = None, attached: int = 0,
                generation: int | None = None) -> None:
        """Blocks ``first`` to ``last`` (numbers) changed; ``blocks``: how many blocks the
        document has now (a paragraph added or joined moves the blocks after it); ``attached``:
        how many of them the caller just gave new BlockState (read again anyway, so not a reason
        to start from scratch, unless some other block got new data since)."""
        if attached and generation is not None and generation - attached == self._attaches:
            self._attaches = generation
        shift = 0 if blocks is None or self._blocks_seen < 0 else blocks - self._blocks_seen
        if blocks is not None:
            self._blocks_seen = blocks
        if self._touched is None:
            self._touched = (first, last)
        else:
            lo, hi = self._touched
            # Bring the stretch touched before to today's numbers, then take the hull: whatever
            # lies between two edits moved by one of them only, so it is read again too.
            if lo > last - shift:
                lo += shift
            if hi >= first:
                hi += shift
            self._touched = (min(lo, first), max(hi, last, lo))
        self._shift += shift

    def reset(self) -> None:
        """Work the next snapshot out from scratch."""
        self._fresh = True

    def collect(self, source: BlockSource) -> Snapshot:
        base = self._serial
        edit = self._edit(source)
        self.patched = False
        if edit is None:
            self._collect_all(source)
        else:
            self._collect_edit(source, edit)
        self._source = source
        self._touched, self._shift, self._fresh = None, 0, False
        self._blocks_seen = source.block_count()
        self._attaches = source.generation
        self._serial = next(_SERIALS)
        return Snapshot(self._sections, self._placeholders, self._total, self._serial,
                        base if edit is not None else -1, edit, self._datas)

    def _edit(self, source: BlockSource) -> Edit | None:
        """What changed since the last snapshot, or None when it must be worked out from scratch."""
        count = source.block_count()
        if (self._fresh or source is not self._source or source.generation != self._attaches
                or count != len(self._datas) + self._shift):
            return None
        if self._touched is None:
            return Edit(0, -1) if self._shift == 0 else None
        edit = Edit(max(0, self._touched[0]), min(count - 1, self._touched[1]), self._shift)
        if edit.first > edit.last + 1 or edit.old_last < edit.first - 1 or edit.old_last >= len(self._datas):
            return None
        return edit

    # -- from scratch ------------------------------------------------------------------------

    def _collect_all(self, source: BlockSource) -> None:
        self._headings, self._junk, self._titled, self._protos, self._entries = {}, set(), set(), {}, set()
        datas = source.states(0, source.block_count() - 1)
        chars = [data.chars for data in datas]
        read = self._read
        for n, data in enumerate(datas):
            read(n, data)
        self._datas, self._chars, self._total = datas, chars, sum(chars)
        self._lead = self._lead_of()
        self._outline()
        self._number_all()

    def _read(self, n: int, data: BlockState) -> None:
        """Take block ``n``'s findings into the per-block tables (its old entries are gone)."""
        if data.junk:
            self._junk.add(n)
            return
        if data.heading is not None:
            self._headings[n] = data.heading
        if data.found:
            self._protos[n] = []  # filled by _protos_of when numbered
        core = data.block
        if core is not None and core.is_title_style and data.text and data.text.strip():
            self._titled.add(n)
        # A contents entry that reads like a heading is no title either (the engine's rule, scan.py).
        if (core is not None and core.cell is None and in_contents(core)
                and heading_of(plain_text(data), core.outline_level, core.label) is not None):
            self._entries.add(n)

    def _lead_of(self) -> set[int]:
        return _lead_junk(_Texts(self._datas), self._headings)

    def _outline(self) -> bool:
        """Title and sections from the tables; True when the sections differ from before."""
        texts = _Texts(self._datas)
        junk = self._junk | self._lead | self._entries
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

    def _collect_edit(self, source: BlockSource, edit: Edit) -> None:
        if edit.last < edit.first and edit.shift == 0:
            return
        old_sections = self._sections
        before = self._outline_key(range(edit.first, edit.old_last + 1))
        fresh = source.states(edit.first, edit.last) if edit.last >= edit.first else []
        old = slice(edit.first, edit.old_last + 1)
        self._total += sum(d.chars for d in fresh) - sum(self._chars[old])
        self._datas[old] = fresh
        self._chars[old] = [d.chars for d in fresh]
        if edit.shift:
            self._headings = _moved_keys(self._headings, edit)
            self._protos = _moved_keys(self._protos, edit)
            self._junk = _moved_keys(self._junk, edit)
            self._titled = _moved_keys(self._titled, edit)
            self._entries = _moved_keys(self._entries, edit)
        else:
            for n in range(edit.first, edit.last + 1):
                self._headings.pop(n, None)
                self._protos.pop(n, None)
                self._junk.discard(n)
                self._titled.discard(n)
                self._entries.discard(n)
        for n, data in enumerate(fresh, edit.first):
            self._read(n, data)
        lead_moved = False
        if edit.first < _LEAD_LINES:
            # The promotion block is judged as a whole: an edit may make or unmake lines of it that
            # were not read again, whose placeholders then come or go too.
            lead = self._lead_of()
            lead_moved = ({b for b in lead if not edit.first <= b <= edit.last} != _moved_keys(self._lead, edit))
            self._lead = lead
        elif edit.shift:
            self._lead = _moved_keys(self._lead, edit)
        if lead_moved:
            self._outline()
            self._number_all()
            return
        outline_changed = (edit.shift != 0 or self._outline_key(range(edit.first, edit.last + 1)) != before
                           or edit.first <= self._first_heading())
        if outline_changed and self._outline():
            moved = moved_sections(old_sections, edit)
            if moved is None or not same_layout(moved, self._sections):
                self._number_all()
                return
            # Same sections (a heading renamed at most, or moved along): patch the list.
            self._renumber(edit)
            self._retitle(moved)
            return
        self._renumber(edit)

    def _outline_key(self, blocks: range) -> tuple:
        """What of the given blocks (and the lead) the outline depends on."""
        return (tuple(self._headings.get(n) for n in blocks), tuple(n in self._junk for n in blocks),
                tuple(n in self._titled for n in blocks), tuple(n in self._entries for n in blocks),
                frozenset(self._lead))

    def _first_heading(self) -> int:
        # The title is looked for before the first heading: a change there may make or unmake it.
        return min(self._headings, default=len(self._datas))

    def _retitle(self, old: list[Section]) -> None:
        """Give the placeholders of each renamed section its new title."""
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

    def _renumber(self, edit: Edit) -> None:
        """Swap the placeholders of the blocks read again in the list; those below move along
        and are numbered again only where something before them changed."""
        placed = self._placed
        lo = bisect.bisect_left(placed, edit.first)
        hi = bisect.bisect_right(placed, edit.old_last)
        fresh: list[Placeholder] = []
        for n in range(edit.first, edit.last + 1):
            fresh.extend(self._placeholders_of(n, lo + len(fresh) + 1))
        tail = self._placeholders[hi:]
        self.patched = edit.shift != 0
        if edit.shift or len(fresh) != hi - lo:
            index = lo + len(fresh) + 1
            shift = edit.shift
            tail = [p.moved(index + i, shift) for i, p in enumerate(tail)]
        self._placeholders = self._placeholders[:lo] + fresh + tail
        below = [b + edit.shift for b in placed[hi:]] if edit.shift else placed[hi:]
        self._placed = placed[:lo] + [p.block for p in fresh] + below


def moved_sections(sections: list[Section], edit: Edit) -> list[Section] | None:
    """The sections as they stand after ``edit`` if their headings and ends are outside the blocks
    read again (None where one falls inside: then the outline is new)."""
    if not edit.shift:
        return sections
    moved = []
    for s in sections:
        block = s.block if s.block <= edit.first else edit.moved(s.block)
        end = s.end if s.end <= edit.first else (s.end + edit.shift if s.end > edit.old_last else None)
        if block is None or end is None:
            return None
        moved.append(Section(s.level, s.title, block, end, s.rank, s.marker))
    return moved


# Snapshot numbers, unique across trackers (one follows another when a window reopens).
_SERIALS = itertools.count(1)


def same_layout(old: Sequence[Section], new: Sequence[Section]) -> bool:
    """The same sections at the same places and levels (titles may differ)."""
    return len(old) == len(new) and all(a.block == b.block and a.end == b.end and a.level == b.level
                                        for a, b in zip(old, new))


def collect(source: BlockSource) -> Snapshot:
    """A Snapshot of ``source`` worked out from scratch."""
    return LiveScan().collect(source)


def _lead_junk(texts: Sequence[str], headings: dict[int, Heading]) -> set[int]:
    """Whole-line junk that only the document as a whole shows (a site's promotion block before the
    title, its name standing alone): looked for in the lines before the first heading, which are few."""
    end = min(min(headings, default=len(texts)), _LEAD_LINES)
    if end == 0:
        return set()
    lines = [texts[i] for i in range(end)]
    return {j.block for j in junk_of(lines, [], ()) if j.whole_block}


# The promotion block sits at the top: lines past this are never searched for it (the engine's
# own limit, so that the live scan and a scan from scratch agree).
_LEAD_LINES = rules.JUNK_TOP_LINES
