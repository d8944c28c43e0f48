"""What the user has typed into placeholders, followed through later edits.

The window keeps one ``FilledSpans`` per document: each fill adds the span of the value it put in,
and every later edit moves the spans along (or drops those it broke). Two things read it:
- ``hints.without_filled``: a year just typed into "20XX" is this report's year, never an old one;
- ``fill_checks.fill_hints``: the checks of a filled value, read again after it is corrected.

It is a value: every operation returns a new FilledSpans and leaves the old one as it was (an undo
stack can keep them).

How a span follows an edit of its block's text (``edited``): text replaced wholly before it moves
it; text replaced inside it (a corrected digit) or typed right against its end or start (typing a
value key by key over a selected placeholder) stays in it; a replacement that takes the span away
or crosses one of its ends drops it, as the value is no longer whole.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    from app.core.edits import Change


@dataclass(frozen=True, order=True)
class Filled:
    """A value the user put in place of a placeholder: ``text[start:end]`` of ``block``."""

    block: int
    start: int
    end: int
    token: str = ""  # the placeholder it replaced ("20XX", "X")
    kind: str = ""  # the placeholder's kind: "figure" | "name" | "date" | "year"
    unit: str = ""  # the unit after the placeholder ("次", "%"), if any


class FilledSpans:
    """Filled spans, sorted by (block, start)."""

    __slots__ = ("_spans", "_blocks")

    def __init__(self, spans: Iterable[Filled] = ()) -> None:
        self._spans: tuple[Filled, ...] = tuple(sorted(spans))
        self._blocks = [s.block for s in self._spans]

    def __iter__(self):  # noqa: ANN204 - Iterator[Filled]
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __bool__(self) -> bool:
        return bool(self._spans)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FilledSpans) and self._spans == other._spans

    def __hash__(self) -> int:
        return hash(self._spans)

    def __repr__(self) -> str:
        return f"FilledSpans({list(self._spans)!r})"

    # -- reading ---------------------------------------------------------------------------------

    def in_block(self, block: int) -> list[Filled]:
        lo = bisect.bisect_left(self._blocks, block)
        hi = bisect.bisect_right(self._blocks, block)
        return list(self._spans[lo:hi])

    def covers(self, block: int, start: int, end: int) -> bool:
        """Whether ``start:end`` of ``block`` overlaps a filled span."""
        return any(s.start < end and start < s.end for s in self.in_block(block))

    # -- changes ---------------------------------------------------------------------------------

    def with_fill(self, *filled: Filled) -> FilledSpans:
        """These spans and ``filled`` (a fill just made), one span per place: a new span replaces
        the ones it overlaps."""
        kept = [s for s in self._spans
                if not any(f.block == s.block and f.start < s.end and s.start < f.end for f in filled)]
        return FilledSpans([*kept, *filled])

    def without(self, block: int, start: int, end: int) -> FilledSpans:
        """These spans less those overlapping ``start:end`` of ``block`` (a fill undone)."""
        return FilledSpans(s for s in self._spans if not (s.block == block and s.start < end and start < s.end))

    def edited(self, block: int, start: int, end: int, length: int) -> FilledSpans:
        """After ``text[start:end]`` of ``block`` was replaced by ``length`` characters."""
        delta = length - (end - start)
        if not self.in_block(block):
            return self
        spans = [s for s in self._spans if s.block != block]
        for s in self.in_block(block):
            moved = _follow(s, start, end, delta)
            if moved is not None:
                spans.append(moved)
        return FilledSpans(spans)

    def split(self, block: int, at: int) -> FilledSpans:
        """After ``block`` was split in two at offset ``at`` (Enter): what follows goes to the new
        block below, and every later block moves down one. A span the split cuts is dropped."""
        spans = []
        for s in self._spans:
            if s.block < block or (s.block == block and s.end <= at):
                spans.append(s)
            elif s.block == block and s.start >= at:
                spans.append(replace(s, block=block + 1, start=s.start - at, end=s.end - at))
            elif s.block > block:
                spans.append(replace(s, block=s.block + 1))
        return FilledSpans(spans)

    def joined(self, block: int, length: int) -> FilledSpans:
        """After block ``block + 1`` was joined onto the end of ``block``, which held ``length``
        characters (Backspace at a paragraph's start, Delete at its end)."""
        spans = []
        for s in self._spans:
            if s.block <= block:
                spans.append(s)
            elif s.block == block + 1:
                spans.append(replace(s, block=block, start=s.start + length, end=s.end + length))
            else:
                spans.append(replace(s, block=s.block - 1))
        return FilledSpans(spans)

    def blocks_replaced(self, first: int, old_last: int, shift: int) -> FilledSpans:
        """After blocks ``first..old_last`` were replaced by ``first..old_last + shift`` in a way
        not followed character by character (a paste, a section moved by hand): spans in them are
        dropped, spans below move by ``shift`` blocks."""
        spans = [s if s.block < first else replace(s, block=s.block + shift)
                 for s in self._spans if not first <= s.block <= old_last]
        return FilledSpans(spans)

    def retyped(self, block: int, old: str, new: str) -> FilledSpans:
        """After ``block``'s text went from ``old`` to ``new`` by typing: the edit is taken as the
        span between the longest common start and end of the two (where an insertion sits among
        equal characters, the later place)."""
        if old == new:
            return self
        prefix = 0
        limit = min(len(old), len(new))
        while prefix < limit and old[prefix] == new[prefix]:
            prefix += 1
        suffix = 0
        while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
            suffix += 1
        return self.edited(block, prefix, len(old) - suffix, len(new) - prefix - suffix)

    def retyped_blocks(self, first: int, old: Sequence[str], new: Sequence[str]) -> FilledSpans:
        """After blocks ``first..first + len(old) - 1`` holding ``old`` became ``new`` (the blocks a
        window read again after an edit): followed character by character where each block was
        typed in, split in two or joined with the next; else as ``blocks_replaced``."""
        if len(old) == len(new):
            result = self
            for i, (a, b) in enumerate(zip(old, new)):
                result = result.retyped(first + i, a, b)
            return result
        if len(old) == 1 and len(new) == 2 and new[0] + new[1] == old[0]:
            return self.split(first, len(new[0]))
        if len(old) == 2 and len(new) == 1 and old[0] + old[1] == new[0]:
            return self.joined(first, len(old[0]))
        return self.blocks_replaced(first, first + len(old) - 1, len(new) - len(old))

    def after_change(self, change: Change) -> FilledSpans:
        """After ``change`` (app/core/edits.py) was applied: blocks follow its order (a block it
        removes takes its spans along), then its text edits move the spans as ``edited`` does."""
        spans: Sequence[Filled] = self._spans
        if change.order is not None:
            new_of = {old: new for new, old in enumerate(change.order)}
            spans = [replace(s, block=new_of[s.block]) for s in spans if s.block in new_of]
        result = FilledSpans(spans)
        # From the end of each block, so that each edit's offsets are still those of the text it
        # was made for (a Change's edits of one block are all against the same text).
        for edit in sorted(change.edits, key=lambda e: (e.block, e.start, e.end), reverse=True):
            result = result.edited(edit.block, edit.start, edit.end, len(edit.text))
        return result

    def pruned(self, texts: Sequence[str]) -> FilledSpans:
        """Less the spans whose text is gone or is back to the placeholder (a fill undone by
        Ctrl+Z, or typed over with the token again)."""
        spans = []
        for s in self._spans:
            if s.block >= len(texts) or s.end > len(texts[s.block]) or s.start >= s.end:
                continue
            if s.token and texts[s.block][s.start:s.end] == s.token:
                continue
            spans.append(s)
        return FilledSpans(spans)


def _follow(s: Filled, start: int, end: int, delta: int) -> Filled | None:
    if end < s.start or (end == s.start and start < end):
        return replace(s, start=s.start + delta, end=s.end + delta)  # wholly before
    if start > s.end or (start == s.end and start < end):
        return s  # wholly after
    if s.start <= start and end <= s.end:
        # Inside, or typed right against an end: the value grows or shrinks where it is.
        return replace(s, end=s.end + delta) if s.end + delta > s.start else None
    return None  # takes the span away or crosses one of its ends
