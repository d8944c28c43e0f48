"""One pass of the engine over a document: outline, placeholders, masked characters and junk."""
from __future__ import annotations

import bisect
import sys
from dataclasses import dataclass, field
from typing import Sequence

from app.core.damage import damage_of
from app.core.document import Block, Document
from app.core.hints import Hint, hints_of
from app.core.junk import Junk, junk_of
from app.core.outline import Heading, Section, build_sections, heading_of, in_contents, title_of
from app.core.placeholders import Found, Placeholder, context_of, find_in_text


@dataclass
class Report:
    """What the engine found in a document."""

    blocks: int
    outline: list[Section] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    masked: list[Placeholder] = field(default_factory=list)
    junk: list[Junk] = field(default_factory=list)
    hints: list[Hint] = field(default_factory=list)

    def as_json(self, file: str) -> dict:
        return {
            "file": file,
            "blocks": self.blocks,
            "outline": [s.as_json() for s in self.outline],
            "placeholders": [p.as_json() for p in self.placeholders],
            "masked": [p.as_json() for p in self.masked],
            "junk": [j.as_json() for j in self.junk],
            "hints": [h.as_json() for h in self.hints],
        }


class SectionLocator:
    """Finds the innermost section of a block in O(log n), for numbering many placeholders."""

    def __init__(self, sections: Sequence[Section]) -> None:
        self._sections = list(sections)
        self._starts = [s.block for s in self._sections]
        self._parent: list[int] = []
        stack: list[int] = []
        for i, s in enumerate(self._sections):
            while stack and not (self._sections[stack[-1]].contains(s.block) and self._sections[stack[-1]].level < s.level):
                stack.pop()
            self._parent.append(stack[-1] if stack else -1)
            stack.append(i)

    def at(self, block: int) -> Section | None:
        i = self._innermost(block)
        return self._sections[i] if i >= 0 else None

    def at_until(self, block: int) -> tuple[Section | None, int]:
        """``at(block)``, and the first block after it whose innermost section may be another
        (the next heading, or the end of this section): for walking blocks in order."""
        j = bisect.bisect_right(self._starts, block)
        i = j - 1
        while i >= 0 and not self._sections[i].contains(block):
            i = self._parent[i]
        until = self._starts[j] if j < len(self._starts) else sys.maxsize
        if i < 0:
            return None, until
        return self._sections[i], min(until, self._sections[i].end)

    def holding(self, block: int) -> list[int]:
        """The indices of the sections holding ``block``, innermost first."""
        chain = []
        i = self._innermost(block)
        while i >= 0:
            chain.append(i)
            i = self._parent[i]
        return chain

    def _innermost(self, block: int) -> int:
        i = bisect.bisect_right(self._starts, block) - 1
        while i >= 0 and not self._sections[i].contains(block):
            i = self._parent[i]
        return i


def heading_in(block: Block) -> Heading | None:
    """The section ``block`` opens, if any."""
    # Table cells often start with "1." or "（一）" as row labels: they never open a section;
    # nor does a table of contents, which repeats the headings.
    if block.cell is not None or in_contents(block):
        return None
    return heading_of(block.text, block.outline_level, block.label)


def headings_in(document: Document, skip: set[int] | None = None) -> dict[int, Heading]:
    headings: dict[int, Heading] = {}
    for i, block in enumerate(document.blocks):
        if skip and i in skip:
            continue
        heading = heading_in(block)
        if heading is not None:
            headings[i] = heading
    return headings


def number_placeholders(
    found: Sequence[tuple[int, Found]], texts: Sequence[str], sections: Sequence[Section]
) -> tuple[list[Placeholder], list[Placeholder]]:
    """Give document-order numbers, context and section to placeholders found block by block."""
    locator = SectionLocator(sections)
    placeholders: list[Placeholder] = []
    masked: list[Placeholder] = []
    for block, f in found:
        context, offset = context_of(texts[block], f.start, f.end)
        section = locator.at(block)
        target = masked if f.kind == "masked" else placeholders
        target.append(
            Placeholder(len(target) + 1, block, f.start, f.end, f.token, f.kind, f.unit, context,
                        section.title if section else None, offset)
        )
    return placeholders, masked


def scan(document: Document, current_year: int | None = None) -> Report:
    """``current_year`` (default: this year) decides which years are stale."""
    texts = document.texts
    headings = headings_in(document)
    junk = junk_of(texts, list(headings), [i for i, b in enumerate(document.blocks) if b.cell is not None])
    junk_blocks = {j.block for j in junk if j.whole_block}
    for b in junk_blocks:
        headings.pop(b, None)
    title_blocks = [i for i, b in enumerate(document.blocks) if b.is_title_style and b.text.strip()]
    # A contents entry that reads like a heading is no title either (its page number may be off:
    # Word's \n switch); its caption (目录, or the document's name) may be.
    entries = {i for i, b in enumerate(document.blocks)
               if in_contents(b) and b.cell is None and heading_of(texts[i], b.outline_level, b.label) is not None}
    title = title_of(texts, junk_blocks | entries if entries else junk_blocks, headings, title_blocks)
    sections = build_sections(len(texts), headings, title)
    junk_spans: dict[int, list[tuple[int, int]]] = {}
    for j in junk:
        junk_spans.setdefault(j.block, []).append((j.start, j.end))
    blocks = document.blocks
    found = [
        (i, f)
        for i, text in enumerate(texts)
        if i not in junk_blocks
        for f in find_in_text(text, blocks[i].cell is not None)
        if not any(s < f.end and f.start < e for s, e in junk_spans.get(i, ()))
    ]
    placeholders, masked = number_placeholders(found, texts, sections)
    hints = hints_of(document, current_year, junk_blocks)
    damage = damage_of(document, texts)
    if damage:  # hints about several paragraphs sit at their first one
        hints = sorted(hints + damage, key=lambda h: h.block)
    return Report(len(texts), sections, placeholders, masked, junk, hints)
