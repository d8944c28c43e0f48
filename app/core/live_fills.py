"""What the user has filled, kept beside the editor's document: the spans of the values typed into
placeholders (app.core.filled.FilledSpans), followed through later edits, and the fill hints those
values get as they read now (app.core.fill_checks.fill_hints).

The spans count as the snapshot's placeholders do (block numbers, code point offsets in the
paragraph's shown text); the Hints list counts in paragraphs in export order and engine offsets: ``for_hints``
converts the few filled spans there. After each refresh only the paragraphs the snapshot read
again are looked at (their old texts are kept here, spliced per edit), so typing costs nothing
more than the changed paragraphs.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Callable

from app.core.filled import Filled, FilledSpans
from app.core.offsets import engine_offset

if TYPE_CHECKING:
    from app.core.edits import Change
    from app.core.live_scan import Snapshot


class FillRecord:
    """The filled spans of one document; ``refreshed`` after every snapshot."""

    def __init__(self) -> None:
        self.spans = FilledSpans()
        self._texts: list[str] = []  # every block's shown text at the last snapshot
        self._serial = -1
        self._expected: list[Filled] = []

    def reset(self) -> None:
        """Another document: nothing filled yet."""
        self.spans = FilledSpans()
        self._texts = []
        self._serial = -1
        self._expected = []

    def add(self, *filled: Filled) -> None:
        self.spans = self.spans.with_fill(*filled)

    def expect(self, *filled: Filled) -> None:
        """Spans of values just put in the page, as its text reads now: taken in with the next
        snapshot (which sees the text they are in)."""
        self._expected.extend(filled)

    def after_change(self, change: Change) -> None:
        """Before an engine Change goes in (its blocks are the export order's, which are the
        block numbers unless Qt keeps empty paragraphs around tables)."""
        self.spans = self.spans.after_change(change)

    def refreshed(self, snapshot: Snapshot) -> None:
        """Follow the paragraphs the snapshot read again (or check every span afresh)."""
        if snapshot.serial != self._serial:
            self._follow(snapshot)
        if self._expected:
            self.spans = self.spans.with_fill(*self._expected)
            self._expected = []

    def _follow(self, snapshot: Snapshot) -> None:
        edit = snapshot.edit
        datas = snapshot.datas
        if edit is not None and snapshot.base == self._serial and len(self._texts) + edit.shift == len(datas):
            new = [d.text or "" for d in datas[edit.first:edit.last + 1]]
            if self.spans:
                old = self._texts[edit.first:edit.old_last + 1]
                self.spans = self.spans.retyped_blocks(edit.first, old, new)
            self._texts[edit.first:edit.old_last + 1] = new
        else:
            self._texts = [d.text or "" for d in datas]
            if self.spans:
                self.spans = self.spans.pruned(self._texts)
        self._serial = snapshot.serial

    def text(self, block: int) -> str:
        return self._texts[block] if 0 <= block < len(self._texts) else ""

    def for_hints(self, line_of: Callable[[int], int]) -> FilledSpans:
        """The spans counted as the Hints list counts: ``line_of(block number)`` gives the
        paragraph's export index (-1: none)."""
        out = []
        for s in self.spans:
            line = line_of(s.block)
            if line < 0:
                continue
            text = self.text(s.block)
            out.append(replace(s, block=line, start=engine_offset(text, s.start), end=engine_offset(text, s.end)))
        return FilledSpans(out)


__all__ = ["FillRecord"]
