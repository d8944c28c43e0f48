"""Collects the engine's per-block findings into the outline and the placeholder list.

highlight.rescan keeps every block's findings current as the user types; this module only
gathers them (no text is rescanned here), after typing pauses.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from PySide6.QtGui import QTextBlock, QTextDocument

from app.core.junk import junk_of
from app.core.outline import Heading, Section, build_sections, title_of
from app.core.placeholders import Found, Placeholder
from app.core.scan import number_placeholders
from app.ui.bridge import OBJECT, BlockData, attach, data_of
from app.ui.highlight import has_astral, rescan, utf16_index


@dataclass
class Snapshot:
    """The outline and placeholders of the editor's document at one moment."""

    sections: list[Section] = field(default_factory=list)
    placeholders: list[Placeholder] = field(default_factory=list)
    chars: int = 0
    revision: int = -1


class _Texts(Sequence[str]):
    """Block texts fetched only where the engine looks (the title, a placeholder's context)."""

    def __init__(self, datas: list[BlockData]) -> None:
        self._datas = datas
        self._plain: dict[int, str] = {}  # a block with several placeholders is asked for several times

    def __len__(self) -> int:
        return len(self._datas)

    def __getitem__(self, i):  # noqa: ANN001, ANN204 - Sequence protocol
        if isinstance(i, slice):
            return [(d.text or "").replace(OBJECT, " ") for d in self._datas[i]]
        plain = self._plain.get(i)
        if plain is None:
            plain = self._datas[i].text or ""
            if "\u2028" in plain:
                plain = plain.replace("\u2028", "\n")
            if OBJECT in plain:
                # A picture reads as a space (same length, so the engine's offsets stay Qt's).
                plain = plain.replace(OBJECT, " ")
            self._plain[i] = plain
        return plain


def _data(block: QTextBlock) -> BlockData:
    data = data_of(block)
    if data is None:
        data = attach(block, BlockData(None))
    if data.text is None:
        rescan(data, block.text())
    return data


def collect(qdoc: QTextDocument) -> Snapshot:
    datas: list[BlockData] = []
    headings: dict[int, Heading] = {}
    junk: set[int] = set()
    found: list[tuple[int, Found]] = []
    title_blocks: list[int] = []
    chars = 0
    block = qdoc.begin()
    n = 0
    while block.isValid():
        # _data, inlined for the common case: this loop visits every block after each pause in typing.
        data = block.userData()
        if not isinstance(data, BlockData) or data.text is None:
            data = _data(block)
        datas.append(data)
        chars += data.chars
        if data.junk:
            junk.add(n)
        else:
            if data.heading is not None:
                headings[n] = data.heading
            for f in data.found:
                found.append((n, f))
            if data.block is not None and data.block.is_title_style and data.text and data.text.strip():
                title_blocks.append(n)
        block = block.next()
        n += 1
    texts = _Texts(datas)
    lead = _lead_junk(texts, headings)
    if lead:
        junk |= lead
        found = [(b, f) for b, f in found if b not in lead]
    title = title_of(texts, junk, headings, title_blocks)
    sections = build_sections(len(datas), headings, title)
    placeholders, _masked = number_placeholders(found, texts, sections)
    return Snapshot(sections, placeholders, chars, qdoc.revision())


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
