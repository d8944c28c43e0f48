"""Find the placeholders a template leaves for the user: X次, “X党建计划”, 20XX年, X月X日, ____.

The rules are the tables in rules.py; this module only compiles and applies them. Scanning works
on one block's text at a time, so the window can rescan only the blocks that changed, and no
match ever crosses a line break.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from app.core import rules
from app.core.fastscan import FastPattern

KINDS = ("figure", "name", "date", "year")


@dataclass(frozen=True)
class Found:
    """A placeholder in one block's text: offsets are Python string offsets in that text."""

    start: int
    end: int
    token: str
    kind: str  # "figure" | "name" | "date" | "year" | "masked"
    unit: str = ""


_new = object.__new__


@dataclass(frozen=True)
class Placeholder:
    """A placeholder in a document, numbered from 1 in document order."""

    index: int
    block: int
    start: int
    end: int
    token: str
    kind: str
    unit: str
    context: str
    section: str | None
    # Where the token starts inside ``context``, for showing it in bold.
    context_offset: int = 0

    def moved(self, index: int, shift: int) -> Placeholder:
        """This placeholder numbered ``index``, its paragraph ``shift`` blocks further on. A live
        scan renumbers every placeholder below an edit that adds or removes one (10,000 at 1,500
        pages, on each fill): through a frozen dataclass's __init__, one field at a time, that took
        16 ms; copying the fields' dict takes half of that."""
        fields = dict(self.__dict__)
        fields["index"] = index
        fields["block"] = self.block + shift
        copy = _new(Placeholder)
        copy.__dict__.update(fields)
        return copy

    def as_json(self) -> dict:
        return {
            "index": self.index,
            "block": self.block,
            "start": self.start,
            "end": self.end,
            "token": self.token,
            "kind": self.kind,
            "unit": self.unit,
            "context": self.context,
            "section": self.section,
        }


def _char_class(chars: str) -> str:
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@lru_cache(maxsize=1)
def _compiled() -> tuple[re.Pattern[str], list[tuple[str, str]], re.Pattern[str], re.Pattern[str]]:
    mask = _char_class(rules.MASK_CHARS)
    year_mask = _char_class(rules.YEAR_MASK_CHARS)
    alternatives = []
    names = []
    for i, (name, pattern, kind) in enumerate(rules.PLACEHOLDER_SPELLINGS):
        alternatives.append(f"(?P<g{i}>{pattern.format(M=mask, Y=year_mask)})")
        names.append((name, kind))
    # A placeholder is never part of a Latin word or a number ("Excel", "Xbox", "3×4"), nor of
    # pinyin ("xù"); a bracketed fill-in ends at its bracket, whatever follows ("【单位名称】20XX").
    latin = "A-Za-z0-9" + rules.PINYIN_LETTERS
    combined = (r"(?<![" + latin + r"])(?:" + "|".join(alternatives) + r")"
                r"(?:(?<=[】])|(?![" + latin + r"]|-[A-Za-z]))")
    units = sorted(set(rules.UNITS), key=len, reverse=True)
    qualifiers = "|".join(re.escape(q) for q in rules.UNIT_QUALIFIERS)
    unit_re = re.compile(
        r"[ 　]?(?P<unit>(?:" + qualifiers + r")?(?:" + "|".join(re.escape(u) for u in units) + r"))"
    )
    url_re = re.compile(rules.URL_PATTERN)
    return re.compile(combined), names, unit_re, url_re


@lru_cache(maxsize=1)
def _fast() -> FastPattern:
    return FastPattern(_compiled()[0])


def _unit_after(text: str, end: int) -> str:
    _, _, unit_re, _ = _compiled()
    m = unit_re.match(text, end)
    if m is None:
        return ""
    unit = m.group("unit")
    if text.startswith(rules.NOT_UNIT_WORDS, m.start("unit")):
        return ""
    return unit


def _is_duration(text: str, start: int, unit_end: int) -> bool:
    before = text[max(0, start - 4):start]
    after = text[unit_end:unit_end + 4]
    return before.endswith(rules.YEAR_DURATION_BEFORE) or after.startswith(rules.YEAR_DURATION_AFTER)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _fill_in_kind(token: str) -> str:
    for word, kind in rules.FILL_IN_KIND_WORDS:
        if word in token:
            return kind
    return "name"


def _decide(text: str, m: re.Match[str], name: str, kind: str) -> Found | None:
    start, end = m.span()
    token = m.group()
    after = text[end:]
    if name == "mask":
        if after.lstrip(rules.LOOKALIKE_SPACES).startswith(rules.NOT_PLACEHOLDER_AFTER):
            return None
        if start and text[start - 1] in rules.NOT_PLACEHOLDER_BEFORE:
            return None
        if len(token) == 1 and after.startswith(rules.LEGEND_AFTER):
            return None
        if len(token) == 1 and token in rules.TABLE_MARKS and _alone_on_its_line(text, start, end):
            return None
        if _letter_spoken_of(text, start, end):
            return None
    unit = _unit_after(text, end)
    if kind == "auto":
        if name == "fill-in" or name == "fill-in-name":
            kind = _fill_in_kind(token)
        elif unit:
            kind = "figure"
            if unit == "年" and name == "mask":
                unit_end = end + text[end:].index("年") + 1
                if not _is_duration(text, start, unit_end):
                    kind = "year"
        elif (
            name == "mask"
            and len(token) == 1
            and start > 0
            and _is_han(text[start - 1])
            and after.startswith(rules.MASKED_CHAR_BEFORE_SUFFIX)
        ):
            kind = "masked"
        else:
            kind = "name"
    elif kind == "year" or kind == "date":
        # A unit after a year or date is just the 年/日 that belongs to it.
        unit = unit if kind == "year" and unit.endswith("年") else ""
    return Found(start, end, token, kind, unit)


def _letter_spoken_of(text: str, start: int, end: int) -> bool:
    """A lone lower-case x between spaces with no unit after it is the letter itself ("注意 x 与
    sh 的区分"), as a figure left to fill has its unit ("共 x 次")."""
    return (end - start == 1 and text[start] == "x" and 0 < start and end < len(text)
            and text[start - 1] == " " and text[end] == " " and not _unit_after(text, end))


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """A paragraph (or line) holding nothing but this one mark."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else len(text)].strip()


def is_mark_only(text: str) -> bool:
    """Text made of nothing but table marks (×, √, ○, —) and spaces: a ticked or crossed cell."""
    line = text.strip()
    return bool(line) and all(ch in rules.TABLE_MARKS for ch in line)


def find_in_text(text: str, in_cell: bool = False) -> list[Found]:
    """All placeholders (and masked characters, kind "masked") in ``text``, in order.

    ``in_cell``: the text is a table cell's, where a cell holding only marks (×, √, ○) is a
    cross-reference matrix's tick or cross. A paragraph holding nothing but one mark is one too."""
    pattern, names, _, url_re = _compiled()
    if not text:
        return []
    if in_cell and len(text) <= 12 and is_mark_only(text):
        return []
    urls = [m.span() for m in url_re.finditer(text)] if ("." in text or "@" in text) else []
    found: list[Found] = []
    for m in _fast().finditer(text):
        if urls and any(s <= m.start() < e for s, e in urls):
            continue
        group = m.lastgroup
        assert group is not None
        name, kind = names[int(group[1:])]
        item = _decide(text, m, name, kind)
        if item is not None:
            found.append(item)
    return found


def context_of(text: str, start: int, end: int, width: int = rules.CONTEXT_CHARS) -> tuple[str, int]:
    """A short context around text[start:end] within its line, and the token's offset in it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    left = max(line_start, start - width)
    right = min(line_end, end + width)
    prefix = text[left:start].lstrip()
    return prefix + text[start:right].rstrip(), len(prefix)
