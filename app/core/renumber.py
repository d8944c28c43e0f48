"""Move sections and keep their numbers right: Word and WPS treat 一、 and （一） as plain text, so
moving a section leaves every number after it wrong. Here markers are numbers.

- ``renumber``: at each level, markers run in order under their parent (一、二、…十一、;
  （一）（二）…; 1. 2. …; （1）…; ①②…), and inline 一是/二是/三是 run in order within a paragraph
  (and on across paragraphs that each open with one). Every marker keeps its own style: full or
  half width, 、 or ．, its brackets.
- ``move_section`` / ``move_up`` / ``move_down``: a section moves with all its content and
  subsections.
- ``promote`` / ``demote``: a section and its subsections move one rank up or down
  (一、 ↔ （一） ↔ 1. ↔ （1） ↔ ①), taking the marker style the document already uses there.

Every operation returns a Change (see edits.py) for the window to apply as one undoable step;
``section`` arguments are indices into ``scan(document).outline``. Renumbering on demand is
conservative where the text cannot show every number (Word's own list numbering, a marker behind
a "▲"): see ``_numbering_runs``; after a move only the lists the move touched are renumbered.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from app.core import rules
from app.core.document import Block, Document
from app.core.edits import Change, edits_for_texts
from app.core.numbering import relabel
from app.core.numerals import format_number_like, parse_chinese_number, parse_number
from app.core.outline import Heading, Section, build_sections, heading_of, title_of
from app.core.scan import headings_in, scan

class OutlineError(ValueError):
    """An outline operation that cannot be done; the message is for the user, in Chinese."""


_NUMBER_IN_MARKER = re.compile(r"[" + rules.CN_DIGITS + r"]+|\d+|[" + rules.CIRCLED_NUMBERS + r"]")


@dataclass(frozen=True)
class MarkerNumber:
    """Where the number of a heading's marker sits in its block's text."""

    start: int
    end: int
    value: int


def marker_number(text: str, heading: Heading) -> MarkerNumber | None:
    """The number inside the heading marker at the start of ``text`` (None: no marker, or a
    marker that is the block's Word list label: the list numbers it, nothing to rewrite)."""
    if not heading.marker or heading.labelled:
        return None
    at = text.find(heading.marker)
    if at < 0:
        return None
    m = _NUMBER_IN_MARKER.search(heading.marker)
    if m is None:
        return None
    value = parse_number(m.group())
    if value is None:
        return None
    return MarkerNumber(at + m.start(), at + m.end(), value)


@dataclass(frozen=True)
class Enumerator:
    """An inline 一是/二是 in a block's text: the numeral's span and value."""

    start: int
    end: int
    value: int


def _enum_pattern() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in rules.INLINE_ENUM_SUFFIXES)
    after = re.escape(rules.INLINE_ENUM_AFTER)
    return re.compile(r"(?:^|(?<=[" + after + r"]))([一二三四五六七八九十]{1,3})(?=" + suffixes + ")")


_ENUM = _enum_pattern()


def enumerators_in(text: str) -> list[Enumerator]:
    """Inline enumerators (一是, 二是 …) of one paragraph, in order."""
    found = []
    for m in _ENUM.finditer(text):
        value = parse_chinese_number(m.group(1))
        if value:
            found.append(Enumerator(m.start(1), m.end(1), value))
    return found


# --- Renumbering -----------------------------------------------------------------------------


def _parents(sections: Sequence[Section]) -> list[int]:
    parents: list[int] = []
    stack: list[int] = []
    for i, s in enumerate(sections):
        while stack and not (sections[stack[-1]].level < s.level and sections[stack[-1]].contains(s.block)):
            stack.pop()
        parents.append(stack[-1] if stack else -1)
        stack.append(i)
    return parents


def renumbered_texts(document: Document, *, only_under: set[int] | None = None,
                     outline: tuple[list[Section], dict[int, Heading]] | None = None) -> list[str]:
    """The block texts with every heading marker and inline enumerator in order.

    ``only_under``: renumber just the headings whose parent opens at one of these blocks (-1 for
    the top of a document without a title), strictly 1, 2, 3 …, and no inline enumerators: what a
    move or a change of rank does to the lists it touched, leaving the rest of the document alone.
    """
    texts = list(document.texts)
    for runs in _numbering_runs(document, texts, only_under, outline):
        for n, (block, number) in enumerate(runs, start=1):
            text = texts[block]
            new = format_number_like(n, text[number.start:number.end])
            texts[block] = text[:number.start] + new + text[number.end:]
    if only_under is None:
        _renumber_enumerators(texts)
    return texts


def _numbering_runs(document: Document, texts: Sequence[str], only_under: set[int] | None = None,
                    outline: tuple[list[Section], dict[int, Heading]] | None = None
                    ) -> list[list[tuple[int, MarkerNumber]]]:
    """The runs of sibling markers that count 1, 2, 3 …: (block, marker number) in order.

    Siblings are the headings of one rank under one parent. Left out, because numbers the text
    does not show would make any renumbering wrong:
    - siblings of a Word heading without a typed number (Word numbers it itself, w:numPr), and
      of a heading whose marker is its list label (``Heading.labelled``), also after a move;
    - siblings of a marker the outline misses behind a decoration ("▲二、申请人的资格要求");
    - a run already counting on without gaps from above 1 (二、三、四 after an 一、 that Word
      numbers itself); one out of order, or with a gap, is a section moved or deleted by hand;
    - a rank numbered straight through the sections (paragraph numbers 1–3, then 4–6).
    A 1 after a run in order starts a new run (a typed contents list, a second list).
    With ``only_under`` (after a move) none of this: the touched lists count 1, 2, 3 strictly.
    """
    sections, headings = outline if outline is not None else _numbered_outline(document)
    parents = _parents(sections)
    strict = only_under is not None
    unseen: set[tuple[int, int]] = set()
    for s, parent in [] if strict else zip(sections, parents):
        if s.level and s.block in headings and marker_number(texts[s.block], headings[s.block]) is None:
            unseen.add((parent, headings[s.block].rank))
    for s, parent in zip(sections, parents):
        # Siblings of a list-numbered heading, even after a move: Word's list numbers those, and
        # a typed number among them counts with the list, which no rewriting of text can follow.
        if s.level and s.block in headings and headings[s.block].labelled:
            unseen.add((parent, headings[s.block].rank))
    for block, rank in [] if strict else _decorated_markers(texts, headings):
        # Its parent is the nearest section around it of a higher rank.
        owner = _owner(sections, block)
        while owner >= 0 and sections[owner].level > 0 and sections[owner].rank >= rank:
            owner = parents[owner]
        unseen.add((owner, rank))
    groups: dict[tuple[int, int], list[list[tuple[int, MarkerNumber]]]] = {}
    for section, parent in zip(sections, parents):
        heading = headings.get(section.block)
        if section.level == 0 or heading is None or _is_toc(document.blocks[section.block].style):
            continue
        number = marker_number(texts[section.block], heading)
        key = (parent, heading.rank)
        if number is None or key in unseen:
            continue
        if strict and (sections[parent].block if parent >= 0 else -1) not in only_under:
            continue
        runs = groups.setdefault(key, [[]])
        values = [n.value for _, n in runs[-1]]
        if strict:
            runs[-1].append((section.block, number))
            continue
        # A 1 after a run already in order (1, 2, …, k) starts a new list: a typed table of
        # contents before the chapters, or a second list under the same heading. A 1 after
        # numbers out of order (or after a lone 1) was moved or copied by hand: counted on.
        if number.value == 1 and len(values) >= 2 and values == list(range(1, len(values) + 1)):
            runs.append([])
        runs[-1].append((section.block, number))
    result = []
    continuous = set() if strict else _continuous_ranks(groups)
    for (_, rank), runs in groups.items():
        if rank in continuous:
            continue
        for run in runs:
            values = [n.value for _, n in run]
            if not strict and len(values) >= 2 and values[0] > 1 \
                    and values == list(range(values[0], values[0] + len(values))):
                continue
            result.append(run)
    return result


def _continuous_ranks(groups: dict[tuple[int, int], list[list[tuple[int, MarkerNumber]]]]) -> set[int]:
    """Ranks the document numbers straight through its sections (1–3 under one heading, 4–6
    under the next: paragraph numbers), never from 1 under each parent: left alone."""
    by_rank: dict[int, list[list[int]]] = {}
    for (_, rank), runs in sorted(groups.items(), key=lambda item: item[1][0][0][0] if item[1][0] else 0):
        by_rank.setdefault(rank, []).extend([n.value for _, n in run] for run in runs if run)
    continuous = set()
    for rank, lists in by_rank.items():
        joins = [(a[-1], b[0]) for a, b in zip(lists, lists[1:])]
        if any(last >= 2 and first == last + 1 for last, first in joins) and all(first != 1 for _, first in joins):
            continuous.add(rank)
    return continuous


def _decorated_markers(texts: Sequence[str], headings: dict[int, Heading]) -> list[tuple[int, int]]:
    """(block, rank) of body lines that open with a marker behind a decoration ("▲二、…")."""
    found = []
    for i, text in enumerate(texts):
        if i in headings or not text or text.lstrip()[:1] not in rules.MARKER_DECORATIONS:
            continue
        heading = heading_of(text.lstrip().lstrip(rules.MARKER_DECORATIONS + " \u3000"))
        if heading is not None and heading.marker:
            found.append((i, heading.rank))
    return found


def _owner(sections: Sequence[Section], block: int) -> int:
    """Index of the innermost section holding ``block`` (-1: none)."""
    owner = -1
    for i, s in enumerate(sections):
        if s.block > block:
            break
        if s.contains(block):
            owner = i
    return owner


def _numbered_outline(document: Document) -> tuple[list[Section], dict[int, Heading]]:
    """The outline numbering goes by: every heading but the lines the clean-up would remove.

    Not the scan's outline, whose junk rules may take a chapter heading repeated in a typed
    contents list for a site's name: a heading missing there would shift every number after it.
    """
    from app.core.clean import clean_plan

    texts = document.texts
    headings = headings_in(document)
    junk = {item.block for item in clean_plan(document) if item.whole_block}
    for block in junk:
        headings.pop(block, None)
    title_blocks = [i for i, b in enumerate(document.blocks) if b.is_title_style and b.text.strip()]
    title = title_of(texts, junk, headings, title_blocks)
    return build_sections(len(texts), headings, title), headings


def _is_toc(style: str | None) -> bool:
    """Word's table of contents paragraphs: Word itself renumbers them when the field updates."""
    return bool(style) and style.lower().replace(" ", "").startswith(rules.TOC_STYLE_PREFIXES)


def _renumber_enumerators(texts: list[str]) -> None:
    previous_last = 0  # the last number of the previous non-empty paragraph's enumeration
    for i, text in enumerate(texts):
        if not text.strip():
            continue
        found = enumerators_in(text)
        if not found:
            previous_last = 0
            continue
        opens = found[0].start == len(text) - len(text.lstrip())
        # A paragraph opening with 二是/三是 right after one that enumerates goes on counting.
        n = previous_last if opens and found[0].value != 1 and previous_last else 0
        pieces: list[str] = []
        pos = 0
        for e in found:
            n += 1
            pieces.append(text[pos:e.start])
            pieces.append(format_number_like(n, text[e.start:e.end]))
            pos = e.end
        pieces.append(text[pos:])
        texts[i] = "".join(pieces)
        previous_last = n


def renumber(document: Document) -> Change:
    """The Change that puts every marker and inline enumerator of ``document`` in order."""
    return Change("重新编号", None, edits_for_texts(document.texts, renumbered_texts(document)))


# --- Moving sections -------------------------------------------------------------------------


def _shadow(document: Document, texts: Sequence[str] | None = None, order: Sequence[int] | None = None) -> Document:
    """A text-only copy of ``document`` (blocks in ``order``, with ``texts``) for planning."""
    order = list(order) if order is not None else list(range(len(document.blocks)))
    blocks = []
    for k, i in enumerate(order):
        b = document.blocks[i]
        text = texts[k] if texts is not None else b.text
        blocks.append(Block.plain(text, style=b.style, outline_level=b.outline_level,
                                  is_title_style=b.is_title_style, cell=b.cell, list_ref=b.list_ref,
                                  label=b.label, label_suffix=b.label_suffix))
    if order is not None:
        relabel(blocks, document.numbering)  # Word's lists count in the new order
    return Document(blocks, None, document.origin, numbering=document.numbering)


def _section(sections: Sequence[Section], index: int) -> Section:
    if not 0 <= index < len(sections):
        raise OutlineError("没有这一节。")
    section = sections[index]
    if section.level == 0:
        raise OutlineError("标题不能移动。")
    return section


def _finish(document: Document, label: str, order: list[int] | None, texts: list[str],
            auto_renumber: bool, moved_heading: int, old_parent: int) -> Change:
    """The Change from ``document`` to ``texts`` in ``order``, renumbered when asked.

    Renumbering covers the lists the operation touched: the one the section left (under
    ``old_parent``, an old block index or -1), the one it joined, and the lists inside it.
    ``moved_heading`` is the section's heading block (old index).
    """
    order_list = order if order is not None else list(range(len(document.blocks)))
    if auto_renumber:
        shadow = _shadow(document, texts, order)
        new_index = {old: new for new, old in enumerate(order_list)}
        heading_at = new_index[moved_heading]
        outline = _numbered_outline(shadow)
        sections = outline[0]
        parents = _parents(sections)
        touched = {new_index[old_parent] if old_parent >= 0 else -1}
        for i, section in enumerate(sections):
            if section.block == heading_at:
                touched.add(sections[parents[i]].block if parents[i] >= 0 else -1)
                touched.update(t.block for t in sections[i:] if section.contains(t.block))
        texts = renumbered_texts(shadow, only_under=touched, outline=outline)
    base = [document.blocks[i].text for i in order_list]
    if order is not None and order == list(range(len(document.blocks))):
        order = None
    return Change(label, order, edits_for_texts(base, texts))


def _parent_block(document: Document, block: int) -> int:
    """The heading block of the parent of the section opening at ``block`` (-1: none)."""
    sections, _ = _numbered_outline(document)
    parents = _parents(sections)
    for i, section in enumerate(sections):
        if section.block == block:
            return sections[parents[i]].block if parents[i] >= 0 else -1
    return -1


def move_section(document: Document, section: int, before_block: int, *, new_rank: int | None = None,
                 auto_renumber: bool = True, outline: Sequence[Section] | None = None) -> Change:
    """Move section ``section`` (with its content and subsections) in front of block
    ``before_block`` (``len(document.blocks)`` for the end), optionally into another rank.
    ``outline``: ``scan(document).outline`` when the caller has it already."""
    sections = list(outline) if outline is not None else scan(document).outline
    s = _section(sections, section)
    count = len(document.blocks)
    if not 0 <= before_block <= count:
        raise OutlineError("目标位置不在文档内。")
    if s.block < before_block < s.end:
        raise OutlineError("不能把一节移到它自己里面。")
    title = sections[0] if sections and sections[0].level == 0 else None
    if title is not None and before_block <= title.block:
        raise OutlineError("不能移到标题前面。")
    moved = list(range(s.block, s.end))
    rest = [i for i in range(count) if not s.block <= i < s.end]
    at = sum(1 for i in rest if i < before_block)
    order = rest[:at] + moved + rest[at:]
    texts = [document.blocks[i].text for i in order]
    if new_rank is not None and new_rank != s.rank:
        shifted = _shift_ranks(document, sections, section, new_rank - s.rank)
        texts = [shifted[i] for i in order]
    return _finish(document, "移动章节", order, texts, auto_renumber, s.block, _parent_block(document, s.block))


def _siblings(sections: Sequence[Section], index: int) -> list[int]:
    parents = _parents(sections)
    return [i for i, p in enumerate(parents) if p == parents[index] and sections[i].level == sections[index].level]


def move_up(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """Swap a section with the sibling before it (Alt+Shift+Up)."""
    sections = scan(document).outline
    _section(sections, section)
    siblings = _siblings(sections, section)
    place = siblings.index(section)
    if place == 0:
        raise OutlineError("已经是同级的第一节。")
    return move_section(document, section, sections[siblings[place - 1]].block, auto_renumber=auto_renumber,
                        outline=sections)


def move_down(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """Swap a section with the sibling after it (Alt+Shift+Down)."""
    sections = scan(document).outline
    _section(sections, section)
    siblings = _siblings(sections, section)
    place = siblings.index(section)
    if place == len(siblings) - 1:
        raise OutlineError("已经是同级的最后一节。")
    nxt = sections[siblings[place + 1]]
    return move_section(document, section, nxt.end, auto_renumber=auto_renumber, outline=sections)


# --- Promote and demote ----------------------------------------------------------------------


def _marker_style(document: Document, rank: int, skip: range) -> str:
    """A marker of ``rank`` as the document writes it (outside ``skip``), else the default."""
    for i, heading in headings_in(document).items():
        if heading.rank == rank and heading.marker and i not in skip:
            return heading.marker
    return rules.DEFAULT_MARKERS[rank]


def _shift_ranks(document: Document, sections: Sequence[Section], index: int, delta: int) -> list[str]:
    """Texts with section ``index`` and its subsections moved ``delta`` ranks (negative: up)."""
    s = sections[index]
    headings = headings_in(document)
    texts = list(document.texts)
    span = range(s.block, s.end)
    # A list label is no text to rewrite: Word's list numbers those headings, at their level.
    inside = [(b, h) for b, h in headings.items() if b in span and h.marker and not h.labelled]
    for b, h in inside:
        if h.rank + delta not in rules.MOVABLE_RANKS:
            raise OutlineError("已经是最高一级，不能再升级。" if delta < 0 else "已经是最低一级，不能再降级。")
    for b, h in inside:
        text = texts[b]
        number = marker_number(text, h)
        template = _marker_style(document, h.rank + delta, span)
        sample = _NUMBER_IN_MARKER.search(template)
        value = number.value if number else 1
        new_marker = template
        if sample is not None:
            new_marker = template[:sample.start()] + format_number_like(value, sample.group()) + template[sample.end():]
        at = text.find(h.marker)
        texts[b] = text[:at] + new_marker + text[at + len(h.marker):]
    return texts


def change_rank(document: Document, section: int, delta: int, *, auto_renumber: bool = True) -> Change:
    """Promote (delta -1) or demote (delta +1) a section with its subsections."""
    sections = scan(document).outline
    s = _section(sections, section)
    if s.rank not in rules.MOVABLE_RANKS or not s.marker or s.label:
        raise OutlineError("这一节的编号不能升降级。")
    texts = _shift_ranks(document, sections, section, delta)
    return _finish(document, "提升级别" if delta < 0 else "降低级别", None, texts, auto_renumber, s.block,
                   _parent_block(document, s.block))


def promote(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """（一） -> 一、 (Alt+Shift+Left), with the subsections one rank up too."""
    return change_rank(document, section, -1, auto_renumber=auto_renumber)


def demote(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """一、 -> （一） (Alt+Shift+Right), with the subsections one rank down too."""
    return change_rank(document, section, +1, auto_renumber=auto_renumber)
