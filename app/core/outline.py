"""The outline of a report: its title and the sections its heading markers (一、 （一） 1. （1）)
and Word heading styles open.

A block is a heading or not on its own (``heading_of``), so the window can reclassify only the
blocks that changed; levels depend on which ranks the whole document uses, which is cheap to
recompute over the headings alone (``outline_of``).

A table of contents repeats the headings: its lines open no section. The reader marks the
paragraphs of Word's contents list (``Block.toc``, see ``in_contents``); a line that ends in a
leader and a page number ("第五章 图表\t19") is a contents entry by its text alone, as is the list's
own heading ("目录") for the title, so that text pasted from a contents list is one too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from app.core import rules
from app.core.document import Block


@dataclass(frozen=True)
class Heading:
    """What makes one block a heading: its rank (0 = 第一部分 … 5 = ①), marker and title."""

    rank: int
    marker: str
    title: str  # marker and first sentence, e.g. "（一）履行基层党建工作责任"
    run_in: bool  # body text follows the title in the same paragraph
    title_end: int  # offset in the block's text where the title's sentence ends
    # The marker is the block's Word list label, not text: renumbering leaves it to the list.
    labelled: bool = False


@dataclass(frozen=True)
class Section:
    """A span of the document opened by a heading (or the title, at level 0)."""

    level: int
    title: str
    block: int  # the heading's block
    end: int  # one past the last block of the section (subsections included)
    rank: int  # -1 for the title
    marker: str = ""
    # The heading block's Word list label ("一、", "3.1"; "" for a typed marker or none): the
    # title shows it, the block's text never holds it.
    label: str = ""

    def contains(self, block: int) -> bool:
        return self.block <= block < self.end

    def as_json(self) -> dict:
        return {"level": self.level, "title": self.title, "block": self.block, "label": self.label}


@lru_cache(maxsize=1)
def _marker_patterns() -> list[tuple[int, re.Pattern[str]]]:
    cn = rules.CN_DIGITS
    return [(rank, re.compile(r"[ 　\t]*(" + p.format(cn=cn) + ")")) for rank, p in rules.HEADING_MARKERS]


@lru_cache(maxsize=1)
def _short_marker_patterns() -> list[tuple[int, re.Pattern[str]]]:
    return [(rank, re.compile(r"[ 　\t]*(" + p.format(cn=rules.CN_DIGITS) + ")")) for rank, p in rules.SHORT_HEADING_MARKERS]


@lru_cache(maxsize=1)
def _definition_sense() -> re.Pattern[str]:
    words = sorted(rules.DEFINITION_SENSE_WORDS, key=len, reverse=True)
    alternatives = [re.escape(w) + ("(?![" + rules.DEFINITION_NOT_AFTER_指 + "])" if w == "指" else "") for w in words]
    return re.compile(r"[ 　]*(?:" + "|".join(alternatives) + ")")


def _marker_of(text: str) -> tuple[int, re.Match[str]] | None:
    """The heading marker a line starts with, and its rank."""
    for rank, pattern in _marker_patterns():
        m = pattern.match(text)
        if m is not None and m.end() < len(text.rstrip()):
            return rank, m
    line = text.strip()
    if len(line) <= rules.SHORT_HEADING_MAX and not any(ch in rules.SENTENCE_PUNCTUATION for ch in line):
        for rank, pattern in _short_marker_patterns():
            m = pattern.match(text)
            if m is not None and m.end() < len(text.rstrip()):
                return rank, m
    return None


def _is_definition_sense(text: str, marker_end: int) -> bool:
    """A numbered sense in a dictionary entry ("(1) 原指统一筹划。"), not a heading."""
    return text.rstrip().endswith(("。", "；", ";")) and _definition_sense().match(text, marker_end) is not None


@lru_cache(maxsize=1)
def _contents_entry() -> re.Pattern[str]:
    leaders = "|".join(rules.CONTENTS_LEADERS)
    return re.compile(r"(?:" + leaders + r")[ 　]*" + rules.CONTENTS_PAGE_NUMBER + r"[ 　]*$")


def is_contents_entry(text: str) -> bool:
    """A line of a contents list: it ends in a leader (tab, dots) and a page number."""
    return _contents_entry().search(text) is not None


def is_contents_title(text: str) -> bool:
    """The heading of a contents list ("目录", "目　录", "Contents")."""
    return "".join(text.split()).lower() in rules.CONTENTS_TITLES


def is_contents_style(style: str | None) -> bool:
    """A paragraph style of a table of contents ("toc 1", "TOC Heading", WPS's "目录 1")."""
    return bool(style) and _contents_style(style)


@lru_cache(maxsize=256)  # a document uses a few dozen styles on thousands of paragraphs
def _contents_style(style: str) -> bool:
    name = "".join(style.split()).lower()
    return name.startswith(rules.TOC_STYLE_PREFIXES) or any(word in name for word in rules.TOC_STYLE_WORDS)


def in_contents(block: Block) -> bool:
    """The block is part of a table of contents: the reader found it in one, or its style says
    so (a block the reader did not make, as a recovered one, still has its style)."""
    return block.toc or is_contents_style(block.style)


def _first_sentence(text: str, start: int) -> int:
    for i in range(start, len(text)):
        if text[i] in rules.HEADING_SENTENCE_END:
            return i
    return len(text)


def _title_text(text: str) -> str:
    title = text.strip().rstrip(rules.HEADING_TRAILING)
    if len(title) > rules.HEADING_TITLE_MAX:
        title = title[: rules.HEADING_TITLE_MAX - 1] + "…"
    return title


def heading_of(text: str, outline_level: int | None = None, label: str = "") -> Heading | None:
    """The heading a block opens, from its marker or its Word heading level; None for body and
    for a line that reads as a contents entry. (A block the reader found in a contents list is
    no heading whatever it reads: callers ask ``in_contents`` first.) ``label`` is the block's
    list label (Word's automatic numbering, ``Block.label``): see ``heading_of_labelled``."""
    if label:
        return heading_of_labelled(label, text, outline_level)
    stripped = text.strip()
    if not stripped or stripped.startswith(rules.NOT_HEADING_STARTS):
        return None
    marker = _marker_of(text)
    if marker is not None:
        rank, m = marker
        if is_contents_entry(text) or _is_definition_sense(text, m.end()):
            return None
        end = _first_sentence(text, m.end())
        run_in = bool(text[end + 1:].strip()) if end < len(text) else False
        return Heading(rank, m.group(1).strip(), _title_text(text[:end]), run_in, end)
    if outline_level is not None:
        # A contents list's own caption ("目　次") in a heading style opens no section either.
        if is_contents_entry(text) or is_contents_title(text):
            return None
        rank = rules.STYLE_LEVEL_TO_RANK.get(outline_level, outline_level)
        end = _first_sentence(text, 0)
        run_in = bool(text[end + 1:].strip()) if end < len(text) else False
        return Heading(rank, "", _title_text(text[:end]), run_in, end)
    return None


def heading_of_labelled(label: str, text: str, outline_level: int | None = None) -> Heading | None:
    """The heading of a block numbered by a Word list: its label reads as a marker typed by hand
    would (a chineseCounting "一、" is a 1st-rank heading, "（一）" 2nd, "1." 3rd), and a clause
    number ("3", "3.1", "3.1.2", as standards number their clauses) opens a heading of its depth.
    The title is label and text ("一、任务来源"); ``title_end`` stays an offset in ``text``, which
    never holds the label. A bullet or a label like "a)" adds nothing: the text decides."""
    mark = label.strip()
    if not mark or not text.strip():
        return heading_of(text, outline_level)
    depth = clause_depth(mark)
    if depth:
        if is_contents_entry(text):
            return None
        end = _first_sentence(text, 0)
        run_in = bool(text[end + 1:].strip()) if end < len(text) else False
        level = outline_level or depth
        return Heading(rules.STYLE_LEVEL_TO_RANK.get(level, level), mark,
                       _title_text(f"{mark} {text[:end].strip()}"), run_in, end, True)
    heading = heading_of(mark + text, outline_level)
    if heading is None or (not heading.marker and outline_level is None):
        return heading_of(text, outline_level)
    # A marker matched at the start of label + text is the label's (the text alone may hold
    # another, typed after it, which then is body); a Word heading level keeps the label in
    # its title and as its marker too.
    return Heading(heading.rank, heading.marker or mark, heading.title, heading.run_in,
                   max(0, heading.title_end - len(mark)), True)



@lru_cache(maxsize=1)
def _clause_number() -> re.Pattern[str]:
    return re.compile(rules.LIST_CLAUSE_NUMBER)


def clause_depth(label: str) -> int:
    """How deep a clause number is ("3" → 1, "3.1" → 2, "A.1.2" → 3); 0 for other labels."""
    m = _clause_number().fullmatch(label)
    return label.count(".") + 1 if m else 0


@lru_cache(maxsize=1)
def _cover_field() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in rules.STANDARD_COVER_FIELDS))


def is_cover_field(text: str) -> bool:
    """A line of a standard's cover page that is never its title (ICS/CCS numbers, the kind and
    number of the standard, dates, issuing body, an appendix caption): rules.STANDARD_COVER_FIELDS."""
    line = "".join(text.split())
    return bool(line) and len(line) <= 60 and _cover_field().fullmatch(line) is not None


def _looks_like_sentence(text: str) -> bool:
    return text.rstrip().endswith(tuple(rules.SENTENCE_PUNCTUATION))


def title_of(
    texts: Sequence[str], junk_blocks: set[int], headings: dict[int, Heading], title_blocks: Sequence[int] = ()
) -> tuple[int, int, str] | None:
    """(first block, one past last block, text) of the title, or None.

    The title is the first line that is neither junk nor empty nor part of a contents list (its
    heading "目录", an entry with a page number), unless that line already opens a section. A title
    split over two adjacent short lines is one title.
    """
    if title_blocks:
        first = title_blocks[0]
        return first, first + 1, _title_text(texts[first])
    for i, text in enumerate(texts):
        if i in junk_blocks or not text.strip() or is_contents_title(text) or is_contents_entry(text) \
                or is_cover_field(text):
            continue
        if i in headings:
            return None
        line = text.strip()
        if len(line) > rules.TITLE_MAX_CHARS or _looks_like_sentence(line):
            return None
        end = i + 1
        nxt = texts[i + 1].strip() if i + 1 < len(texts) else ""
        if (
            nxt
            and i + 1 not in junk_blocks
            and i + 1 not in headings
            and not line.endswith(rules.TITLE_ENDINGS)
            and len(nxt) <= rules.TITLE_MAX_CHARS
            and not _looks_like_sentence(nxt)
            and not re.search(rules.TITLE_NOT_CONTINUED, nxt)
            and not is_contents_title(nxt)
            and not is_contents_entry(nxt)
            and not is_cover_field(nxt)
        ):
            end = i + 2
            line = line + nxt
        return i, end, _title_text(line)
    return None


def levels_of(ranks: Sequence[int]) -> dict[int, int]:
    """Map each rank the document uses to its level: the highest rank used is level 1."""
    return {rank: level for level, rank in enumerate(sorted(set(ranks)), start=1)}


def build_sections(
    count: int, headings: dict[int, Heading], title: tuple[int, int, str] | None
) -> list[Section]:
    """Sections in document order from the headings (block -> Heading) and the title. A section
    whose heading's marker is a list label (``Heading.labelled``) carries it as ``label``."""
    ordered = sorted((b, h) for b, h in headings.items() if title is None or not title[0] <= b < title[1])
    level_of_rank = levels_of([h.rank for _, h in ordered])
    sections: list[Section] = []
    if title is not None:
        sections.append(Section(0, title[2], title[0], count, -1))
    opened: list[tuple[int, int]] = []  # (level, index into sections) of sections still open
    for block, heading in ordered:
        level = level_of_rank[heading.rank]
        while opened and opened[-1][0] >= level:
            _, idx = opened.pop()
            sections[idx] = _with_end(sections[idx], block)
        sections.append(Section(level, heading.title, block, count, heading.rank, heading.marker,
                                heading.marker if heading.labelled else ""))
        opened.append((level, len(sections) - 1))
    return sections


def _with_end(section: Section, end: int) -> Section:
    return Section(section.level, section.title, section.block, end, section.rank, section.marker, section.label)


def section_at(sections: Sequence[Section], block: int) -> Section | None:
    """The innermost section holding ``block``."""
    best: Section | None = None
    for section in sections:
        if section.block > block:
            break
        if section.contains(block) and (best is None or section.level >= best.level):
            best = section
    return best
