"""Hints for the sidebar: things a clerk would want to look at, never changed behind their back.

- stale-year: a year before the current one ("2020年" in a report written in 2026: last year's
  template became this year's report). The current year is a parameter, so tests are fixed.
- number-style: a count in Chinese numerals ("召开会议三次") where the document writes other
  counts in Arabic numerals ("12次", or "X次" still to be filled). GB/T 15835 wants counts in
  Arabic; fixed expressions ("三个核心环节", "一是") and approximations ("三四次") are left alone.
- punctuation: half-width , : ; ( ) ? ! between Chinese characters (text pasted off the web),
  with a fix to full width (``fix_punctuation``).

What the user typed into a placeholder is never an old year (``filled``, ``without_filled``).
Hints about several paragraphs (empty runs, page-number lines) are damage.py's; hints about a
value just typed into a placeholder are fill_checks.py's. Both use ``Hint``.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Sequence

from app.core import rules
from app.core.document import Document
from app.core.numerals import parse_chinese_number
from app.core.outline import heading_of
from app.core.placeholders import find_in_text

if TYPE_CHECKING:  # only the one-step fix makes a Change: scanning does not load the edits module
    from app.core.edits import Change
    from app.core.filled import FilledSpans

KINDS = ("stale-year", "number-style", "punctuation")


@dataclass(frozen=True)
class Hint:
    block: int
    start: int
    end: int
    kind: str  # KINDS here, damage.KINDS (several paragraphs) or fill_checks.KINDS (a value typed)
    text: str
    message: str = ""  # what to tell the user, in Chinese
    fix: str | None = None  # the replacement a one-step fix puts in, where there is one
    # The last block of a hint about several paragraphs (app/core/damage.py); None: ``block`` alone.
    last_block: int | None = None

    def as_json(self) -> dict:
        found = {"block": self.block, "start": self.start, "end": self.end, "kind": self.kind, "text": self.text}
        if self.last_block is not None:
            found["last_block"] = self.last_block
        return found


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern[str]]:
    units = sorted(rules.NUMBER_HINT_UNITS, key=len, reverse=True)
    unit_alt = "|".join(re.escape(u) for u in units)
    digits = rules.NUMBER_HINT_DIGITS
    return {
        "year": re.compile(rules.YEAR_HINT_PATTERN),
        "url": re.compile(rules.URL_PATTERN),
        "chinese-count": re.compile(rf"(?<![{digits}])([{digits}]{{1,4}})((?:余|多)?)({unit_alt})"),
        "arabic-count": re.compile(rf"(?:\d|[{re.escape(rules.MASK_CHARS)}])+\s?(?:余|多)?(?:{unit_alt})"),
        "punctuation": re.compile("[" + re.escape("".join(rules.HALF_TO_FULL_PUNCTUATION)) + "]"),
    }


def _in_urls(text: str) -> list[tuple[int, int]]:
    if "." not in text and "@" not in text and "/" not in text:
        return []
    return [m.span() for m in _compiled()["url"].finditer(text)]


def _inside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


# --- stale years -----------------------------------------------------------------------------


def stale_years_in(text: str, current_year: int) -> list[tuple[int, int, int]]:
    """(start, end, year) of every year before ``current_year`` written as a date in ``text``."""
    urls = _in_urls(text)
    found = []
    for m in _compiled()["year"].finditer(text):
        year = int(m.group(1))
        if year >= current_year or _inside(urls, m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 4):m.start()]
        after_year = text[m.end():].lstrip()
        after = after_year[1:] if after_year.startswith("年") else after_year
        if before.endswith(rules.YEAR_HINT_EXEMPT_BEFORE) or after.startswith(rules.YEAR_HINT_EXEMPT_AFTER):
            continue
        found.append((m.start(1), m.end(1), year))
    return found


# --- counts in Chinese numerals --------------------------------------------------------------


def writes_arabic_counts(texts: Sequence[str]) -> bool:
    """Whether the document writes counts in Arabic numerals (or leaves X次 to be filled with them)."""
    pattern = _compiled()["arabic-count"]
    for text in texts:
        for m in pattern.finditer(text):
            token = m.group()
            if token[0].isdigit():
                return True
            if any(f.kind == "figure" and f.start <= m.start() < f.end for f in find_in_text(text)):
                return True
    return False


def _is_approximate(numeral: str) -> bool:
    """三四, 七八, 三十四五: two digits side by side are an approximation, not a count."""
    return re.search("[一二三四五六七八九两]{2}", numeral) is not None


def chinese_counts_in(text: str) -> list[tuple[int, int, str]]:
    """(start, end, numeral+unit) of counts written in Chinese numerals that a strict reader of
    GB/T 15835 would write in Arabic. Conservative: see the module doc."""
    found = []
    for m in _compiled()["chinese-count"].finditer(text):
        numeral, qualifier = m.group(1), m.group(2)
        start, end = m.start(), m.end()
        if qualifier or numeral in ("一", "两") or _is_approximate(numeral):
            continue
        value = parse_chinese_number(numeral.replace("两", "二"))
        if not value or value < 2:
            continue
        before = text[max(0, start - 4):start]
        if before.endswith(rules.NUMBER_HINT_EXEMPT_BEFORE):
            continue
        around = text[max(0, start - 4):end + 6]
        if any(phrase in around and _overlaps_phrase(text, start, end, phrase) for phrase in rules.NUMBER_HINT_EXEMPT_PHRASES):
            continue
        closes = end >= len(text) or text[end] in rules.NUMBER_HINT_CLAUSE_END
        counted = before.endswith(rules.NUMBER_HINT_COUNT_WORDS)
        if closes or counted:
            found.append((start, end, m.group()))
    return found


def _overlaps_phrase(text: str, start: int, end: int, phrase: str) -> bool:
    at = text.find(phrase, max(0, start - len(phrase)))
    while at >= 0 and at < end:
        if at < end and start < at + len(phrase):
            return True
        at = text.find(phrase, at + 1)
    return False


# --- half-width punctuation ------------------------------------------------------------------


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_cjk_punct(ch: str) -> bool:
    return "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff0f" or "\uff1a" <= ch <= "\uff20" \
        or ch in "“”‘’…—"


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] in " \t":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def half_width_punctuation_in(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[int]:
    """Offsets of half-width , : ; ( ) ? ! that sit inside Chinese text.

    Fixing one mark can put the next one into Chinese company ("甲:(乙)" -> "甲:（乙）"), so the
    marks are those a fix leaves nothing more to find after: the fix is one step.
    """
    urls = list(_in_urls(text)) + list(skip)
    chosen: set[int] = set()
    current = text
    while True:
        new = set(_half_width_once(current, urls)) - chosen
        if not new:
            return sorted(chosen)
        chosen |= new
        current = "".join(rules.HALF_TO_FULL_PUNCTUATION[c] if i in chosen else c for i, c in enumerate(text))


def _half_width_once(text: str, urls: Sequence[tuple[int, int]]) -> list[int]:
    offsets: list[int] = []
    for m in _compiled()["punctuation"].finditer(text):
        i = m.start()
        if _inside(urls, i, i + 1):
            continue
        prev, nxt = _neighbour(text, i, -1), _neighbour(text, i, 1)
        prev_cn = _is_han(prev) or _is_cjk_punct(prev)
        next_cn = _is_han(nxt) or _is_cjk_punct(nxt)
        ch = text[i]
        if ch == "(":
            hit = _is_han(nxt) and (prev_cn or not prev)
        elif ch in ")?!":
            hit = _is_han(prev) and (next_cn or not nxt)
        else:
            hit = _is_han(prev) and _is_han(nxt) or (_is_han(prev) and _is_cjk_punct(nxt) and nxt not in "“‘")
        if hit:
            offsets.append(i)
    return _with_partners(text, offsets)


def _with_partners(text: str, offsets: list[int]) -> list[int]:
    """A bracket is fixed with its partner, so a fix never leaves "（草稿 v2)"."""
    if not offsets:  # nothing to pair with: skip walking the line (most lines, a 1M-char report)
        return []
    chosen = set(offsets)
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            pairs.append((stack.pop(), i))
    for a, b in pairs:
        if a in chosen or b in chosen:
            chosen.update((a, b))
    return sorted(chosen)


# --- all hints -------------------------------------------------------------------------------


def hints_of(document: Document, current_year: int | None = None, skip_blocks: set[int] | None = None,
             filled: FilledSpans | None = None) -> list[Hint]:
    """Every hint in ``document``, in document order. ``skip_blocks``: blocks not to look at
    (whole junk lines, which the clean-up removes anyway). ``filled``: what the user has typed into
    placeholders, which is never an old year (see ``without_filled``)."""
    year = current_year if current_year is not None else datetime.date.today().year
    texts = document.texts
    skip_blocks = skip_blocks or set()
    arabic = writes_arabic_counts(texts)
    hints: list[Hint] = []
    for b, text in enumerate(texts):
        if b in skip_blocks or not text.strip():
            continue
        block_hints: list[Hint] = []
        for start, end, y in stale_years_in(text, year):
            block_hints.append(Hint(b, start, end, "stale-year", text[start:end],
                                    f"{y}年早于今年（{year}年），是否是去年的模板没有改？"))
        if arabic:
            for start, end, token in chinese_counts_in(text):
                block_hints.append(Hint(b, start, end, "number-style", token,
                                        "计数宜用阿拉伯数字（GB/T 15835），本文其他地方已用阿拉伯数字。"))
        heading = heading_of(text, document.blocks[b].outline_level) if document.blocks[b].cell is None else None
        skip = [(0, text.find(heading.marker) + len(heading.marker))] if heading and heading.marker else []
        for i in half_width_punctuation_in(text, skip):
            full = rules.HALF_TO_FULL_PUNCTUATION[text[i]]
            block_hints.append(Hint(b, i, i + 1, "punctuation", text[i], f"中文句子里的半角“{text[i]}”，应为全角“{full}”。", full))
        hints.extend(sorted(block_hints, key=lambda h: (h.start, h.end)))
    return without_filled(hints, filled) if filled else hints


# Hints a value the user typed into a placeholder never gets: a year typed into 20XX is this
# report's year, whatever the clock says (the fill checks say what is wrong with a value).
FILLED_EXEMPT_KINDS = ("stale-year",)


def without_filled(hints: Sequence[Hint], filled: FilledSpans | None) -> list[Hint]:
    """``hints`` less the old years (``FILLED_EXEMPT_KINDS``) inside text the user typed into a
    placeholder. A window keeps hints per paragraph text, which cannot know what was typed where:
    it filters its whole list through this, from scratch and after typing alike."""
    if not filled:
        return list(hints)
    return [h for h in hints if h.kind not in FILLED_EXEMPT_KINDS or not filled.covers(h.block, h.start, h.end)]


def fix_punctuation(document: Document, hints: Sequence[Hint] | None = None,
                    current_year: int | None = None) -> Change:
    """The one Change turning the given punctuation hints (default: all) to full width."""
    from app.core.edits import Change, TextEdit

    if hints is None:
        hints = hints_of(document, current_year)
    edits = [TextEdit(h.block, h.start, h.end, h.fix) for h in hints if h.kind == "punctuation" and h.fix]
    return Change("半角标点改为全角", None, edits)
