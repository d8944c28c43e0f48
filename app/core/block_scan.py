"""The engine run on one paragraph as the user types: what it holds (placeholders, whether it opens
a heading, whether it is a template site's ad line, its character count), kept on the paragraph's
own state so that the outline and lists are gathered later without reading any text again.

The window keeps one state per paragraph (its BlockData); tests and the command line can use
BlockState. Both have the attributes of ``BlockState``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from app.core.document import Block
from app.core.junk import line_verdict
from app.core.offsets import LINE_BREAK, OBJECT, past_pictures, picture_offsets
from app.core.outline import Heading, heading_of, in_contents
from app.core.placeholders import Found, find_in_text

_SPACE = re.compile(r"\s+")


@dataclass(eq=False)
class BlockState:
    """One paragraph as the live scan knows it.

    ``block``: the core Block it was read from (None for a paragraph typed in the window);
    ``phantom``: an empty paragraph an editor keeps around a table, no part of the document until
    typed into; ``text``: the shown text last scanned (None: not scanned yet); the rest is what
    ``rescan`` found in it, at shown offsets."""

    block: Block | None = None
    phantom: bool = False
    in_cell: bool = False
    dirty: bool = False
    text: str | None = None
    found: list[Found] = field(default_factory=list)
    heading: Heading | None = None
    junk: bool = False
    chars: int = 0  # characters without whitespace, the Chinese way of counting

    def __post_init__(self) -> None:
        if self.block is not None and self.block.cell is not None:
            self.in_cell = True


def rescan(state: BlockState, shown: str) -> None:
    """Run the engine on one paragraph's shown text and keep what it found on ``state``."""
    state.text = shown
    if not shown:
        # An empty paragraph holds nothing (and an empty window need not compile the patterns).
        state.found, state.heading, state.junk, state.chars = [], None, False, 0
        return
    plain = shown.replace(LINE_BREAK, "\n") if LINE_BREAK in shown else shown
    pictures: list[int] = []
    if OBJECT in plain:
        # Pictures are not text: the engine reads the text without them, as the core's scan
        # reads the saved Document; what it finds is placed back at the shown offsets.
        pictures = picture_offsets(plain)
        plain = plain.replace(OBJECT, "")
    found = find_in_text(plain, state.in_cell)
    if pictures:
        found = [replace(f, start=past_pictures(pictures, f.start, True), end=past_pictures(pictures, f.end, False))
                 for f in found]
    state.found = found
    core = state.block
    # A table of contents repeats the headings, and a table's cells hold row labels: the outline
    # takes none of their lines.
    state.heading = None if state.in_cell or (core is not None and in_contents(core)) else heading_of(
        plain, core.outline_level if core is not None else None, core.label if core is not None else "")
    state.junk = line_verdict(plain) is not None
    state.chars = len(plain) - sum(len(m) for m in _SPACE.findall(plain))
