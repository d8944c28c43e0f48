"""The counts and hints of a document being edited: the outline's count column, the status bar's
total and the hints list, kept up to date from the paragraphs that changed.

They are kept per block, next to the live scan's Snapshot: after typing, only the blocks that
changed are counted and read for hints again, and only the sections holding them get new
counts. Anything the Snapshot cannot vouch for (a paragraph added or removed, a new outline,
another setting) is worked out from scratch, as when a report opens.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Callable

from app.core import counts as core_counts
from app.core.block_scan import BlockState
from app.core.document import Block, CellRef, Document
from app.core.hints import Hint, hints_of, writes_arabic_counts
from app.core.live_scan import Edit, Snapshot, moved_sections, same_layout
from app.core.offsets import engine_text
from app.core.scan import SectionLocator

# A paragraph as the hints read it: (text, outline level, in a table cell).
Line = tuple[str, "int | None", bool]
# Paragraphs whose hints are read in one turn of the event loop while a long report's come in.
HINTS_SLICE = 400
# The hints of many paragraphs at once, each as if read alone (block 0), for one year.
ParagraphHints = Callable[[list[Line], int], dict[Line, tuple[Hint, ...]]]


def _text(data: BlockState) -> str:
    return engine_text(data.text or "")


def _is_line(data: BlockState) -> bool:
    # An empty paragraph Qt keeps around a table is not part of the document until typed into.
    return not (data.phantom and not data.text)


def _line(data: BlockState) -> Line:
    core = data.block
    return _text(data), core.outline_level if core is not None else None, core is not None and core.cell is not None


@dataclass
class Figures:
    """What the window shows of the counts and hints after one Snapshot."""

    counts: list[int] = field(default_factory=list)  # every block's count, by block number
    total: int = 0  # without the template's ad lines
    sections: list[core_counts.SectionCount] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # the paragraphs in export order
    hints: list[Hint] = field(default_factory=list)


class CountKeeper:
    """Works out Figures for each Snapshot, from the previous Figures where it can."""

    def __init__(self, paragraph_hints: ParagraphHints | None = None) -> None:
        self._paragraph_hints = paragraph_hints or hints_by_paragraph
        self._serial = -1
        self._key: tuple = ()
        self.figures = Figures()
        self._junk: set[int] = set()
        self._line_of: list[int] = []  # block number -> line index, -1 for none
        # Each line's hints, with the line's index (None: not read yet, see finish_hints).
        self._placed: list[tuple[Hint, ...]] | None = []
        self._cache: dict[Line, tuple[Hint, ...]] = {}  # hints by paragraph, as read alone
        self._cache_year = 0
        # While hints are read a slice at a time: the paragraphs still to read, what was read so
        # far, and the lines left out (ad lines).
        self._missing: list[Line] | None = None
        self._reading: dict[Line, tuple[Hint, ...]] = {}
        self._skip: set[int] = set()
        self._arabic: int | None = None  # the first line writing a count in Arabic numerals
        self._sections: list = []
        self._locator = SectionLocator([])
        self._own_ends: list[int] = []

    def update(self, snapshot: Snapshot, punctuation: bool, year: int, defer_hints: bool = False) -> Figures:
        """The Figures after ``snapshot``; ``defer_hints``: when worked out from scratch, leave the
        hints for ``finish_hints`` (a long report's hints take longer than the rest together)."""
        key = (punctuation, year)
        if snapshot.serial == self._serial and key == self._key:
            return self.figures
        if (key == self._key and snapshot.edit is not None and snapshot.base == self._serial
                and len(snapshot.datas) == len(self.figures.counts) + snapshot.edit.shift):
            self._update_changed(snapshot)
        else:
            self._key = key
            self._update_all(snapshot, defer_hints)
        self._serial = snapshot.serial
        return self.figures

    def line_of(self, block: int) -> int:
        """The line (paragraph in export order, as hints count) of block number ``block``; -1 for
        none (an empty paragraph Qt keeps around a table)."""
        return self._line_of[block] if 0 <= block < len(self._line_of) else -1

    @property
    def hints_pending(self) -> bool:
        return self._placed is None

    # -- from scratch ----------------------------------------------------------------------------

    def _count(self, data: BlockState) -> int:
        if self._key[0]:
            return data.chars
        return core_counts.count_chars(_text(data), False)

    def _update_all(self, snapshot: Snapshot, defer_hints: bool) -> None:
        datas = snapshot.datas
        counts = [self._count(d) for d in datas]
        self._junk = {n for n, d in enumerate(datas) if d.junk}
        lines: list[Line] = []
        line_of: list[int] = []
        for data in datas:
            if not _is_line(data):
                line_of.append(-1)
                continue
            line_of.append(len(lines))
            lines.append(_line(data))
        self._line_of = line_of
        self.figures = Figures(counts, sum(c for n, c in enumerate(counts) if n not in self._junk), [], lines, [])
        self._new_sections(snapshot)
        self._placed, self._missing = None, None
        if not defer_hints:
            self.finish_hints()

    def finish_hints(self) -> list[Hint]:
        """Read the hints of every paragraph not read yet (from a cache of paragraphs seen before)."""
        self.read_hints(None)
        return self.figures.hints

    def read_hints(self, budget: int | None = HINTS_SLICE) -> bool:
        """Read the hints of up to ``budget`` more paragraphs (None: all); True once every one has
        been read and the hints are ready. A long report's are read a slice at a time, so that
        typing goes on between slices."""
        if self._placed is not None:
            return True
        lines = self.figures.lines
        year = self._key[1]
        if self._missing is None:
            skip = {self._line_of[n] for n in self._junk if self._line_of[n] >= 0}
            self._reading = self._cache if self._cache_year == year else {}
            self._missing = list(dict.fromkeys(line for i, line in enumerate(lines)
                                               if i not in skip and line[0].strip() and line not in self._reading))
            self._skip = skip
        if budget is None:
            chunk, self._missing = self._missing, []
        else:
            chunk, self._missing = self._missing[:budget], self._missing[budget:]
        if chunk:
            # Each paragraph's hints depend on nothing else: read in slices or at once, the same.
            self._reading.update(self._paragraph_hints(chunk, year))
        if self._missing:
            return False
        cache, skip = self._reading, self._skip
        self._placed = [self._place(i, line, cache) if i not in skip else () for i, line in enumerate(lines)]
        # Keep what the document still holds (the cache would otherwise grow with every keystroke).
        self._cache = {line: cache[line] for i, line in enumerate(lines) if line in cache}
        self._cache_year = year
        self._missing, self._reading, self._skip = None, {}, set()
        self._arabic = self._first_arabic(lines)
        self.figures.hints = self._hints()
        return True

    @staticmethod
    def _place(i: int, line: Line, cache: dict[Line, tuple[Hint, ...]]) -> tuple[Hint, ...]:
        if not line[0].strip():
            return ()
        return tuple(replace(h, block=i) for h in cache.get(line, ()))

    @staticmethod
    def _first_arabic(lines: list[Line]) -> int | None:
        # Counts in Chinese numerals are flagged only where the document writes others in Arabic.
        return next((i for i, line in enumerate(lines) if writes_arabic_counts([line[0]])), None)

    def _new_sections(self, snapshot: Snapshot) -> None:
        sections = snapshot.sections
        counts = self.figures.counts
        self._sections = sections
        self._locator = SectionLocator(sections)
        self._own_ends = core_counts.own_ends(sections, len(counts))
        self.figures.sections = core_counts.section_counts(sections, counts)

    def _hints(self) -> list[Hint]:
        assert self._placed is not None
        hints = chain.from_iterable(self._placed)
        if self._arabic is None:
            return [h for h in hints if h.kind != "number-style"]
        return list(hints)

    # -- after typing ----------------------------------------------------------------------------

    def _update_changed(self, snapshot: Snapshot) -> None:
        """Take in the blocks the snapshot read again, moving those below along when paragraphs
        were added or joined."""
        edit = snapshot.edit
        assert edit is not None
        self.finish_hints()
        assert self._placed is not None
        datas = snapshot.datas
        figures = self.figures
        first, last, old_last = edit.first, edit.last, edit.old_last
        fresh = range(first, last + 1)
        old_counts = figures.counts[first:old_last + 1]
        new_counts = [self._count(datas[n]) for n in fresh]
        new_junk = {n for n in fresh if datas[n].junk}
        figures.total += (sum(c for n, c in zip(fresh, new_counts) if n not in new_junk)
                          - sum(c for n, c in enumerate(old_counts, first) if n not in self._junk))
        figures.counts[first:old_last + 1] = new_counts
        self._junk = {m for b in self._junk if (m := edit.moved(b)) is not None} | new_junk

        # The lines (paragraphs in export order) of the blocks read again, and those below.
        k = first - 1
        while k >= 0 and self._line_of[k] < 0:
            k -= 1
        la = self._line_of[k] + 1 if k >= 0 else 0
        old_lines = sum(1 for n in range(first, old_last + 1) if self._line_of[n] >= 0)
        new_line_of: list[int] = []
        new_lines: list[Line] = []
        for n in fresh:
            if _is_line(datas[n]):
                new_line_of.append(la + len(new_lines))
                new_lines.append(_line(datas[n]))
            else:
                new_line_of.append(-1)
        line_shift = len(new_lines) - old_lines
        tail_of = self._line_of[old_last + 1:]
        if line_shift:
            tail_of = [i + line_shift if i >= 0 else -1 for i in tail_of]
        self._line_of = self._line_of[:first] + new_line_of + tail_of
        figures.lines[la:la + old_lines] = new_lines

        missing = [line for n, line in zip((n for n in fresh if new_line_of[n - first] >= 0), new_lines)
                   if n not in new_junk and line[0].strip() and line not in self._cache]
        if missing:
            self._cache.update(self._paragraph_hints(list(dict.fromkeys(missing)), self._key[1]))
        placed = [() if n in new_junk else self._place(i, line, self._cache)
                  for (n, i), line in zip(((n, new_line_of[n - first]) for n in fresh if new_line_of[n - first] >= 0),
                                          new_lines)]
        tail = self._placed[la + old_lines:]
        if line_shift:
            tail = [tuple(replace(h, block=h.block + line_shift) for h in hints) for hints in tail]
        self._placed = self._placed[:la] + placed + tail
        if self._arabic is None or self._arabic >= la:
            self._arabic = self._first_arabic(figures.lines)

        if not self._follow_sections(snapshot, edit, old_counts, new_counts):
            self._new_sections(snapshot)
        figures.hints = self._hints()

    def _follow_sections(self, snapshot: Snapshot, edit: Edit, old_counts: list[int], new_counts: list[int]) -> bool:
        """Section counts after ``edit`` without counting every section again; False when the
        sections themselves changed (more than a title)."""
        moved = moved_sections(self._sections, edit)
        if moved is None or (snapshot.sections is not self._sections and not same_layout(moved, snapshot.sections)):
            return False
        self._sections = snapshot.sections
        if not edit.shift:
            # Same blocks: each one's difference goes to the sections holding it.
            self._shift_sections({n: c - o for n, (c, o) in enumerate(zip(new_counts, old_counts), edit.first)
                                  if c != o})
            return True
        if any(edit.first < s.block <= edit.last for s in self._sections):
            return False
        ends = []
        for end in self._own_ends:
            if end <= edit.first:
                ends.append(end)
            elif end > edit.old_last:
                ends.append(end + edit.shift)
            else:
                return False
        self._own_ends = ends
        self._locator = SectionLocator(self._sections)
        # No section starts among the blocks read again: they all sit in the one holding the first.
        self._shift_sections({edit.first: sum(new_counts) - sum(old_counts)})
        return True

    def _shift_sections(self, deltas: dict[int, int]) -> None:
        """Add each changed block's difference to the sections holding it."""
        sections = self.figures.sections
        for block, delta in deltas.items():
            for i in self._locator.holding(block):
                figure = sections[i]
                own = figure.own + delta if block < self._own_ends[i] else figure.own
                sections[i] = core_counts.SectionCount(i, own, figure.total + delta)


# A line writing a count in Arabic numerals, read beside each paragraph (see hints_by_paragraph).
ARABIC_COUNT_PROBE = "1次"


def hints_by_paragraph(keys: list[Line], year: int) -> dict[Line, tuple[Hint, ...]]:
    """The hints of each paragraph ``keys`` (text, outline level, in a cell) as if read alone
    beside a line writing a count in Arabic numerals (kept only where the document writes such
    counts: see CountKeeper._hints), from one ``hints_of`` call: that line first, then the
    paragraphs, whose hints depend on nothing else (one call per paragraph cost seconds when a
    long report opened). Hints say block 0."""
    blocks = [Block.plain(ARABIC_COUNT_PROBE)]
    blocks += [Block.plain(text, outline_level=level, cell=CellRef(0, 0, 0) if in_cell else None)
               for text, level, in_cell in keys]
    found: dict[Line, list[Hint]] = {key: [] for key in keys}
    for h in hints_of(Document(blocks, None, "text"), year):
        if h.block > 0:
            found[keys[h.block - 1]].append(replace(h, block=0))
    return {key: tuple(hints) for key, hints in found.items()}


__all__ = ["CountKeeper", "Figures", "Line", "hints_by_paragraph"]
