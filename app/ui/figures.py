"""The figures behind the outline's count column, the status bar's total and the hints list.

They are kept per block, next to the tracker's Snapshot: after typing, only the blocks that
changed are counted and read for hints again, and only the sections holding them get new
counts. Anything the Snapshot cannot vouch for (a paragraph added or removed, a new outline,
another setting) is worked out from scratch, as when a report opens.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import chain
from typing import Callable

from app.core import counts as core_counts
from app.core.hints import Hint, writes_arabic_counts
from app.core.scan import SectionLocator
from app.ui.bridge import OBJECT, BlockData
from app.ui.tracker import Snapshot, same_layout

# A paragraph as the hints read it: (text, outline level, in a table cell).
Line = tuple[str, "int | None", bool]
# The hints of many paragraphs at once, each as if read alone (block 0), for one year.
ParagraphHints = Callable[[list[Line], int], dict[Line, tuple[Hint, ...]]]


def _text(data: BlockData) -> str:
    return (data.text or "").replace("\u2028", "\n").replace(OBJECT, "")


def _is_line(data: BlockData) -> bool:
    # An empty paragraph Qt keeps around a table is not part of the document until typed into.
    return not (data.phantom and not data.text)


def _line(data: BlockData) -> Line:
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


class FigureKeeper:
    """Works out Figures for each Snapshot, from the previous Figures where it can."""

    def __init__(self, paragraph_hints: ParagraphHints) -> None:
        self._paragraph_hints = paragraph_hints
        self._serial = -1
        self._key: tuple = ()
        self.figures = Figures()
        self._junk: set[int] = set()
        self._line_of: list[int] = []  # block number -> line index, -1 for none
        # Each line's hints, with the line's index (None: not read yet, see finish_hints).
        self._placed: list[tuple[Hint, ...]] | None = []
        self._cache: dict[Line, tuple[Hint, ...]] = {}  # hints by paragraph, as read alone
        self._cache_year = 0
        self._arabic: int | None = None  # the first line writing a count in Arabic numerals
        self._sections: list = []
        self._locator: SectionLocator | None = None
        self._own_ends: list[int] = []

    def update(self, snapshot: Snapshot, punctuation: bool, year: int, defer_hints: bool = False) -> Figures:
        """The Figures after ``snapshot``; ``defer_hints``: when worked out from scratch, leave the
        hints for ``finish_hints`` (a long report's hints take longer than the rest together)."""
        key = (punctuation, year)
        if snapshot.serial == self._serial and key == self._key:
            return self.figures
        if (key == self._key and snapshot.changed is not None and snapshot.base == self._serial
                and len(snapshot.datas) == len(self.figures.counts) and self._update_changed(snapshot)):
            pass
        else:
            self._key = key
            self._update_all(snapshot, defer_hints)
        self._serial = snapshot.serial
        return self.figures

    @property
    def hints_pending(self) -> bool:
        return self._placed is None

    # -- from scratch ----------------------------------------------------------------------------

    def _count(self, data: BlockData) -> int:
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
        self._placed = None
        if not defer_hints:
            self.finish_hints()

    def finish_hints(self) -> list[Hint]:
        """Read the hints of every paragraph not read yet (from a cache of paragraphs seen before)."""
        if self._placed is not None:
            return self.figures.hints
        lines = self.figures.lines
        skip = {self._line_of[n] for n in self._junk if self._line_of[n] >= 0}
        year = self._key[1]
        cache = self._cache if self._cache_year == year else {}
        # The paragraphs not in the cache (all of them when a report opens) are read in one call.
        missing = list(dict.fromkeys(line for i, line in enumerate(lines)
                                     if i not in skip and line[0].strip() and line not in cache))
        if missing:
            cache.update(self._paragraph_hints(missing, year))
        self._placed = [self._place(i, line, cache) if i not in skip else () for i, line in enumerate(lines)]
        # Keep what the document still holds (the cache would otherwise grow with every keystroke).
        self._cache = {line: cache[line] for i, line in enumerate(lines) if line in cache}
        self._cache_year = year
        self._arabic = self._first_arabic(lines)
        self.figures.hints = self._hints()
        return self.figures.hints

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

    def _update_changed(self, snapshot: Snapshot) -> bool:
        """Take in the blocks the snapshot says changed; False when a paragraph came into or went
        out of the document (an empty one around a table typed into), which renumbers the lines."""
        assert snapshot.changed is not None
        self.finish_hints()
        datas = snapshot.datas
        changed = sorted(snapshot.changed)
        if any(_is_line(datas[n]) != (self._line_of[n] >= 0) for n in changed):
            return False
        figures = self.figures
        deltas: dict[int, int] = {}
        lines_changed: list[int] = []
        missing: list[Line] = []
        for n in changed:
            data = datas[n]
            count = self._count(data)
            old_junk = n in self._junk
            figures.total -= 0 if old_junk else figures.counts[n]
            figures.total += 0 if data.junk else count
            if count != figures.counts[n]:
                deltas[n] = count - figures.counts[n]
            figures.counts[n] = count
            if data.junk:
                self._junk.add(n)
            else:
                self._junk.discard(n)
            i = self._line_of[n]
            if i >= 0:
                line = _line(data)
                figures.lines[i] = line
                lines_changed.append(i)
                if not data.junk and line[0].strip() and line not in self._cache:
                    missing.append(line)
        if missing:
            self._cache.update(self._paragraph_hints(list(dict.fromkeys(missing)), self._key[1]))
        assert self._placed is not None
        for i in lines_changed:
            n = next(n for n in changed if self._line_of[n] == i)
            self._placed[i] = () if datas[n].junk else self._place(i, figures.lines[i], self._cache)
        if lines_changed and (self._arabic is None or min(lines_changed) <= self._arabic):
            self._arabic = self._first_arabic(figures.lines)
        if snapshot.sections is not self._sections and not same_layout(self._sections, snapshot.sections):
            self._new_sections(snapshot)
        else:
            # Same sections (a heading at most renamed): the counts of those holding a changed block move.
            self._sections = snapshot.sections
            self._shift_sections(deltas)
        figures.hints = self._hints()
        return True

    def _shift_sections(self, deltas: dict[int, int]) -> None:
        """Add each changed block's difference to the sections holding it."""
        assert self._locator is not None
        sections = self.figures.sections
        for block, delta in deltas.items():
            for i in self._locator.holding(block):
                figure = sections[i]
                own = figure.own + delta if block < self._own_ends[i] else figure.own
                sections[i] = core_counts.SectionCount(i, own, figure.total + delta)


__all__ = ["FigureKeeper", "Figures", "Line"]
