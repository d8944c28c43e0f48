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
``section`` arguments are indices into ``scan(document).outline``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from app.core import rules
from app.core.document import Block, Document
from app.core.edits import Change, edits_for_texts
from app.core.outline import Heading, Section
from app.core.scan import headings_in, scan

_CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGITS = "零一二三四五六七八九"
_FULL_WIDTH_DIGITS = "０１２３４５６７８９"


class OutlineError(ValueError):
    """An outline operation that cannot be done; the message is for the user, in Chinese."""


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 21 -> 二十一, 105 -> 一百零五 (1..999)."""
    if not 0 < n < 1000:
        raise ValueError(f"no Chinese marker for {n}")
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    text = ""
    if hundreds:
        text += _CN_DIGITS[hundreds] + "百"
        if rest and tens == 0:
            text += "零"
    if tens:
        text += ("" if tens == 1 and not hundreds else _CN_DIGITS[tens]) + "十"
    if ones:
        text += _CN_DIGITS[ones]
    return text


def parse_chinese_number(text: str) -> int | None:
    """一 -> 1, 十一 -> 11, 二十 -> 20, 一百零五 -> 105; None for what is no number."""
    if not text:
        return None
    total, current = 0, 0
    for ch in text:
        if ch in _CN:
            current = _CN[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> int | None:
    """A marker's number in Chinese numerals, Arabic digits (half or full width) or circled."""
    if not text:
        return None
    if text in rules.CIRCLED_NUMBERS:
        return rules.CIRCLED_NUMBERS.index(text) + 1
    if text.isdigit():
        return int(text.translate(str.maketrans(_FULL_WIDTH_DIGITS, "0123456789")))
    return parse_chinese_number(text)


def format_number_like(n: int, sample: str) -> str:
    """``n`` written the way ``sample`` writes its number."""
    if sample and sample in rules.CIRCLED_NUMBERS:
        return rules.CIRCLED_NUMBERS[n - 1] if n <= len(rules.CIRCLED_NUMBERS) else sample
    if sample.isdigit():
        digits = str(n)
        if sample[0] in _FULL_WIDTH_DIGITS:
            digits = digits.translate(str.maketrans("0123456789", _FULL_WIDTH_DIGITS))
        return digits
    return chinese_number(n)


_NUMBER_IN_MARKER = re.compile(r"[" + rules.CN_DIGITS + r"]+|\d+|[" + rules.CIRCLED_NUMBERS + r"]")


@dataclass(frozen=True)
class MarkerNumber:
    """Where the number of a heading's marker sits in its block's text."""

    start: int
    end: int
    value: int


def marker_number(text: str, heading: Heading) -> MarkerNumber | None:
    """The number inside the heading marker at the start of ``text`` (None: no marker)."""
    if not heading.marker:
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


def renumbered_texts(document: Document) -> list[str]:
    """The block texts with every heading marker and inline enumerator in order."""
    texts = list(document.texts)
    sections = scan(document).outline
    headings = headings_in(document)
    counters: dict[tuple[int, int], int] = {}
    for section, parent in zip(sections, _parents(sections)):
        heading = headings.get(section.block)
        if section.level == 0 or heading is None:
            continue
        number = marker_number(texts[section.block], heading)
        if number is None:
            continue
        key = (parent, heading.rank)
        counters[key] = counters.get(key, 0) + 1
        text = texts[section.block]
        new = format_number_like(counters[key], text[number.start:number.end])
        texts[section.block] = text[:number.start] + new + text[number.end:]
    _renumber_enumerators(texts)
    return texts


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
                                  is_title_style=b.is_title_style, cell=b.cell))
    return Document(blocks, None, document.origin)


def _section(sections: Sequence[Section], index: int) -> Section:
    if not 0 <= index < len(sections):
        raise OutlineError("没有这一节。")
    section = sections[index]
    if section.level == 0:
        raise OutlineError("标题不能移动。")
    return section


def _finish(document: Document, label: str, order: list[int] | None, texts: list[str],
            auto_renumber: bool) -> Change:
    """The Change from ``document`` to ``texts`` in ``order``, renumbered when asked."""
    if auto_renumber:
        texts = renumbered_texts(_shadow(document, texts, order))
    base = [document.blocks[i].text for i in order] if order is not None else document.texts
    if order is not None and order == list(range(len(document.blocks))):
        order = None
    return Change(label, order, edits_for_texts(base, texts))


def move_section(document: Document, section: int, before_block: int, *, new_rank: int | None = None,
                 auto_renumber: bool = True) -> Change:
    """Move section ``section`` (with its content and subsections) in front of block
    ``before_block`` (``len(document.blocks)`` for the end), optionally into another rank."""
    sections = scan(document).outline
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
    return _finish(document, "移动章节", order, texts, auto_renumber)


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
    return move_section(document, section, sections[siblings[place - 1]].block, auto_renumber=auto_renumber)


def move_down(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """Swap a section with the sibling after it (Alt+Shift+Down)."""
    sections = scan(document).outline
    _section(sections, section)
    siblings = _siblings(sections, section)
    place = siblings.index(section)
    if place == len(siblings) - 1:
        raise OutlineError("已经是同级的最后一节。")
    nxt = sections[siblings[place + 1]]
    return move_section(document, section, nxt.end, auto_renumber=auto_renumber)


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
    inside = [(b, h) for b, h in headings.items() if b in span and h.marker]
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
    if s.rank not in rules.MOVABLE_RANKS or not s.marker:
        raise OutlineError("这一节的编号不能升降级。")
    texts = _shift_ranks(document, sections, section, delta)
    return _finish(document, "提升级别" if delta < 0 else "降低级别", None, texts, auto_renumber)


def promote(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """（一） -> 一、 (Alt+Shift+Left), with the subsections one rank up too."""
    return change_rank(document, section, -1, auto_renumber=auto_renumber)


def demote(document: Document, section: int, *, auto_renumber: bool = True) -> Change:
    """一、 -> （一） (Alt+Shift+Right), with the subsections one rank down too."""
    return change_rank(document, section, +1, auto_renumber=auto_renumber)
