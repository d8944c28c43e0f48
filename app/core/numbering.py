"""Word's automatic list numbering, as data and arithmetic: no files, no Qt.

A Word list (numbering.xml) is an abstract definition of up to nine levels, each with a number
format (w:numFmt), a label pattern (w:lvlText, "%1、", "（%2）", "%1.%2") and a start value, and
any number of lists (w:num) that use it, each of which may override a level's start. A paragraph
is numbered by one list at one level (``ListRef``); its label is worked out by counting the
paragraphs of the same list in document order (``labels``), as Word does:

- lists that share an abstract definition count together; a list that overrides a level's start
  (w:lvlOverride/w:startOverride) restarts that level's count at its first paragraph there, and
  the other lists on the definition count on from it;
- a paragraph at one level restarts the counters of the levels below it (unless a level's
  w:lvlRestart says it restarts only after a higher level, or, with 0, never), and a level
  skipped on the way down counts as used once, at its start value;
- "%n" in the pattern shows level n's counter in level n's format, or in decimal when the
  paragraph's level is legal (w:isLgl: "1.1.1" under "第一章").

The reader (app/io/numbering.py) builds a ``Numbering`` from the file; the engine and the window
call ``labels``/``relabel`` after blocks move.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Sequence

from app.core.document import Block, ListRef
from app.core.numerals import COUNTING_DIGITS, chinese_counting

MAX_LEVELS = 9


@dataclass(frozen=True)
class Level:
    """One level of a list definition (w:lvl)."""

    start: int = 1
    num_fmt: str = "decimal"
    text: str = "%1."  # w:lvlText; "%n" stands for level n's number (1-based)
    # w:lvlRestart: the counter restarts when a level numbered at most this (1-based) appears;
    # None: any higher level restarts it (Word's default); 0: it never restarts.
    restart: int | None = None
    legal: bool = False  # w:isLgl
    suffix: str = "tab"  # w:suff: "tab" | "space" | "nothing"


@dataclass(frozen=True)
class ListDef:
    """A list (w:num): the abstract definition's levels with this list's overrides applied.
    ``counter`` names the set of counters the list counts with (its abstract definition's, shared
    with every list on it); ``start_overrides`` the levels whose count this list restarts."""

    levels: tuple[Level, ...]
    counter: str
    start_overrides: Mapping[int, int] = field(default_factory=dict, compare=False)


@dataclass
class Numbering:
    """Every list of a document, by w:numId."""

    lists: dict[int, ListDef] = field(default_factory=dict)

    def level(self, ref: ListRef) -> Level | None:
        found = self.lists.get(ref.num_id)
        if found is None or not 0 <= ref.level < len(found.levels):
            return None
        return found.levels[ref.level]


# ---------------------------------------------------------------------------- number formats

_CN_DIGITS = COUNTING_DIGITS
_CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_TW_LEGAL_DIGITS = "零壹貳參肆伍陸柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
          (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _roman(n: int) -> str:
    if n <= 0:
        return str(n)
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letters(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa … (the letter repeated)."""
    if n <= 0:
        return str(n)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _enclosed(n: int, ranges: Sequence[tuple[int, int, int]]) -> str:
    """n from a run of enclosed characters: ranges of (first n, last n, code point of first)."""
    for first, last, code in ranges:
        if first <= n <= last:
            return chr(code + n - first)
    return str(n)


_CIRCLED = ((1, 20, 0x2460), (21, 35, 0x3251), (36, 50, 0x32B1))
_PARENTHESISED = ((1, 20, 0x2474),)
_FULL_STOP = ((1, 20, 0x2488),)
_IDEOGRAPH_CIRCLED = ((1, 10, 0x3280),)
_IDEOGRAPH_PAREN = ((1, 10, 0x3220),)


def _full_width(n: int) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in str(n))


def _counting(n: int) -> str:
    return chinese_counting(n)


def _counting_thousand(n: int) -> str:
    return chinese_counting(n)


def _legal_simplified(n: int) -> str:
    return chinese_counting(n, _CN_LEGAL_DIGITS, "拾佰仟", "万", ten_alone=False)


def _legal_traditional(n: int) -> str:
    return chinese_counting(n, _TW_LEGAL_DIGITS, "拾佰仟", "萬", ten_alone=False)


def _digital(n: int) -> str:
    """Digit by digit: 一〇一 (Word's ideographDigital)."""
    return "".join(_CN_DIGITS[int(c)] for c in str(n)) if n >= 0 else str(n)


def _series(symbols: str):  # noqa: ANN202 - a formatter
    """甲乙丙… or 子丑寅…: past the last symbol the number shows in digits (as LibreOffice does)."""
    return lambda n: symbols[n - 1] if 0 < n <= len(symbols) else str(n)


_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"


def _greek(n: int) -> str:
    """α … ω, then αα … (as letters repeat)."""
    return _GREEK[(n - 1) % len(_GREEK)] * ((n - 1) // len(_GREEK) + 1) if n > 0 else str(n)


_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else _ORDINAL_SUFFIX.get(n % 10, "th")
    return f"{n}{suffix}"


FORMATS = {
    "decimal": str,
    "decimalHalfWidth": str,
    "decimalZero": lambda n: f"{n:02d}" if 0 <= n < 10 else str(n),
    "decimalFullWidth": _full_width,
    "decimalFullWidth2": _full_width,
    "decimalEnclosedCircle": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(n, _CIRCLED),
    "decimalEnclosedParen": lambda n: _enclosed(n, _PARENTHESISED),
    "decimalEnclosedFullstop": lambda n: _enclosed(n, _FULL_STOP),
    "ideographEnclosedCircle": lambda n: _enclosed(n, _IDEOGRAPH_CIRCLED),
    "ideographParenthesized": lambda n: _enclosed(n, _IDEOGRAPH_PAREN),
    "upperRoman": _roman,
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperLetter": lambda n: _letters(n).upper(),
    "lowerLetter": _letters,
    "ordinal": _ordinal,
    "chineseCounting": _counting,
    "chineseCountingThousand": _counting_thousand,
    "japaneseCounting": _counting,
    "taiwaneseCounting": _counting,
    "taiwaneseCountingThousand": _counting_thousand,
    "koreanCounting": _counting,
    "ideographDigital": _digital,
    "taiwaneseDigital": _digital,
    "japaneseDigitalTenThousand": _digital,
    "chineseLegalSimplified": _legal_simplified,
    "ideographLegalTraditional": _legal_traditional,
    "japaneseLegal": _legal_traditional,
    "ideographTraditional": _series(_STEMS),
    "ideographZodiac": _series(_BRANCHES),
    "none": lambda n: "",
    # Word 2010's custom formats (w:numFmt w:val="custom" w:format="001, 002, 003, ..."), named
    # here by what they show: the reader maps the ones it knows to these.
    "decimalZero3": lambda n: f"{n:03d}" if n >= 0 else str(n),
    "decimalZero4": lambda n: f"{n:04d}" if n >= 0 else str(n),
    "decimalZero5": lambda n: f"{n:05d}" if n >= 0 else str(n),
    "greekLower": lambda n: _greek(n),
    "greekUpper": lambda n: _greek(n).upper(),
}


def format_number(n: int, num_fmt: str) -> str:
    """``n`` as a list level of format ``num_fmt`` shows it (decimal for formats not known)."""
    if num_fmt == "bullet":
        return ""
    return FORMATS.get(num_fmt, str)(n)


_PLACEHOLDER = re.compile(r"%([1-9])")
# Bullets drawn from the Symbol and Wingdings fonts sit in the private use area; shown as the
# Unicode character they draw, since neither font is there to draw them off Windows.
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf076": "❖", "\uf0fc": "✔", "\uf06c": "●",
                   "\uf06e": "■", "\uf075": "◆", "\uf0e8": "➔", "\uf0d2": "✓", "\uf09f": "•", "\uf0a8": "◻"}


def bullet_text(text: str) -> str:
    """A bullet level's lvlText as it shows: private-use Symbol/Wingdings characters mapped."""
    return "".join(_SYMBOL_BULLETS.get(c, "•") if "\uf000" <= c <= "\uf0ff" else c for c in text)


def label_text(level: Level, counters: Sequence[int], levels: Sequence[Level]) -> str:
    """The label of a paragraph at ``level`` from the counters of every level (0-based)."""
    if level.num_fmt == "bullet":
        return bullet_text(level.text)

    def number(m: re.Match[str]) -> str:
        k = int(m.group(1)) - 1
        if k >= len(counters) or k >= len(levels):
            return ""
        fmt = levels[k].num_fmt
        if level.legal and fmt not in ("decimalZero", "decimal"):
            fmt = "decimal"
        return format_number(counters[k], fmt)

    return _PLACEHOLDER.sub(number, level.text)


class Counter:
    """Counts the paragraphs of the lists of one document in order and gives each its label."""

    def __init__(self, numbering: Numbering) -> None:
        self._numbering = numbering
        # counter set name -> the current value of each level (None: not used yet)
        self._counts: dict[str, list[int | None]] = {}
        self._restarted: set[tuple[int, int]] = set()

    def next_label(self, ref: ListRef) -> tuple[str, str]:
        """(label, suffix) of the next paragraph numbered by ``ref``; ("", "tab") when the list
        or level does not exist (Word shows nothing then)."""
        found = self._numbering.lists.get(ref.num_id)
        if found is None or not 0 <= ref.level < len(found.levels):
            return "", "tab"
        levels = found.levels
        counts = self._counts.get(found.counter)
        if counts is None:
            counts = self._counts[found.counter] = [None] * len(levels)
        lvl = ref.level
        level = levels[lvl]
        for k in range(lvl):
            # A level skipped on the way down counts as used once, at its start: the next item
            # at that level is its second ("A", "i", "ii", "a", then "2." one level up).
            if counts[k] is None:
                counts[k] = levels[k].start
        override = found.start_overrides.get(lvl)
        if override is not None and (ref.num_id, lvl) not in self._restarted:
            # The list's first paragraph at an overridden level restarts the shared count there;
            # the lists on the same definition then count on from it.
            self._restarted.add((ref.num_id, lvl))
            counts[lvl] = override
        else:
            counts[lvl] = level.start if counts[lvl] is None else counts[lvl] + 1
        for k in range(lvl + 1, len(levels)):
            restart = levels[k].restart
            if restart is None or (restart != 0 and lvl < restart):
                counts[k] = None
        values = [levels[k].start if c is None else c for k, c in enumerate(counts)]
        return label_text(level, values, levels), level.suffix


def labels(refs: Iterable[ListRef | None], numbering: Numbering | None) -> list[tuple[str, str]]:
    """(label, suffix) for each paragraph in document order; ("", "tab") where none numbers it."""
    if numbering is None or not numbering.lists:
        return [("", "tab") for _ in refs]
    counter = Counter(numbering)
    return [counter.next_label(ref) if ref is not None else ("", "tab") for ref in refs]


def relabel(blocks: Sequence[Block], numbering: Numbering | None) -> list[int]:
    """Work out every list label again in the blocks' present order (after sections moved) and
    store it on the blocks; the indices of the blocks whose label changed. Nothing is written:
    the label lives in the list, not in the text."""
    if numbering is None:
        return []  # no list definitions known (a copy made without them): labels stay
    changed = []
    for i, (block, (label, suffix)) in enumerate(zip(blocks, labels([b.list_ref for b in blocks], numbering))):
        if block.label != label or block.label_suffix != suffix:
            block.label, block.label_suffix = label, suffix
            changed.append(i)
    return changed


__all__ = ["FORMATS", "MAX_LEVELS", "Counter", "Level", "ListDef", "Numbering", "bullet_text", "format_number",
           "label_text",
           "labels", "relabel"]
