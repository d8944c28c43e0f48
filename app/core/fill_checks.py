"""Checks of a value typed into a placeholder: complete what is unambiguous, say what looks wrong.

Nothing here is silent. A completion is shown to the user (and is one undo step with the fill);
anything doubtful becomes a hint in the sidebar, never a change.

Completions (``check_fill``), only where the placeholder itself says what is missing:
- a year token with digits of its own takes the digits typed for its mask characters: "25" over
  "20XX" is "2025", "5" over "202X" is "2025". Any other count of digits is left as typed (and
  checked): "5" over "20XX" could be 2005 or 2015, "25" over "202X" is not a year's last digit. A
  token with no digits of its own ("XX年", "【填写年份】") completes nothing: "25" there could be
  1925 or 2025.
- a date token of one field with its word after the mask ("X月", "X日", "X月份") takes that word
  when only digits are typed: "3" over "X月" is "3月" (typing over the token took its 月 away).
- a figure typed with the unit that already follows the placeholder loses the repeated unit: "12次"
  over "X" in "X次" is "12" (else the page reads "12次次").
Digits typed full width ("２５") are completed in ASCII digits.

Hints (kinds in ``KINDS``; the window translates by kind, ``Hint.message`` is the Chinese text):
- fill-not-year: a year placeholder filled with something that is no year from ``YEARS_FROM`` to
  ten years after this one (Arabic or Chinese digits: "二〇二五" is a year);
- fill-not-figure: a figure placeholder filled with anything but Arabic digits ("两", "若干",
  "十几"). Chinese numerals in a name placeholder are a name's business and fine;
- fill-over-100-percent: a percentage over 100 where the unit is %, unless the words before speak
  of growth ("增长150%");
- fill-fraction-count: a decimal where the unit counts whole things (次, 人, 个…).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from app.core import rules
from app.core.filled import Filled, FilledSpans
from app.core.hints import Hint
from app.core.placeholders import Placeholder

KINDS = ("fill-not-year", "fill-not-figure", "fill-over-100-percent", "fill-fraction-count")

# The earliest year a report plausibly names; the latest is this year plus YEARS_AHEAD.
YEARS_FROM = 1949
YEARS_AHEAD = 10
# Units that count whole things: a decimal before one of them is likely a typing slip.
WHOLE_UNITS = (
    "次", "人次", "家次", "场次", "批次", "份", "篇", "名", "人", "户", "家", "个", "项", "大项", "条", "件", "批",
    "场", "期", "轮", "届", "所", "座", "台", "辆", "套", "册", "卷", "本", "节", "堂", "位", "支", "起", "宗",
    "笔", "张", "例", "间", "栋", "株", "头", "只",
)
PERCENT_UNITS = ("%", "％")
# Words before a percentage that make more than 100 plausible ("增长150%", "完成率达120%").
PERCENT_OVER_100_WORDS = ("增长", "增加", "提高", "提升", "上升", "增幅", "同比", "环比", "超", "完成率", "达")
# Digits a Chinese year is written in ("二〇二五").
CHINESE_YEAR_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
                       "九": 9}
# A date field's word after its mask, which completing a typed number puts back.
DATE_FIELD_WORDS = ("月份", "月", "日")

_WIDE_DIGITS = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")


@dataclass(frozen=True)
class FillCheck:
    """What to do with a value typed into a placeholder."""

    typed: str  # what the user typed
    value: str  # what goes into the page in place of the placeholder
    hints: tuple[Hint, ...] = ()  # spans are those of ``value`` once it is in the page

    @property
    def completed(self) -> bool:
        """Whether ``value`` is more than what was typed (the window shows what it became)."""
        return self.typed.strip() != self.value


def plausible_years(current_year: int) -> range:
    return range(YEARS_FROM, current_year + YEARS_AHEAD + 1)


def year_value(text: str) -> int | None:
    """The year ``text`` names, four Arabic or Chinese digits ("2025", "２０２５", "二〇二五"); else None."""
    text = text.strip().translate(_WIDE_DIGITS)
    if len(text) == 4 and text.isascii() and text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in CHINESE_YEAR_DIGITS for c in text):
        return int("".join(str(CHINESE_YEAR_DIGITS[c]) for c in text))
    return None


def _is_mask(ch: str) -> bool:
    return ch in rules.YEAR_MASK_CHARS


def complete(token: str, kind: str, unit: str, typed: str) -> str:
    """``typed`` completed where ``token`` leaves no doubt (see the module doc); else ``typed``
    stripped of the spaces around it."""
    value = typed.strip()
    digits = value.translate(_WIDE_DIGITS)
    if not digits.isascii() or not digits.isdigit():
        digits = ""
    if kind == "year" and digits:
        masks = [i for i, c in enumerate(token) if _is_mask(c)]
        fixed = [c for c in token if not _is_mask(c)]
        if masks and fixed and all(c.isdigit() for c in fixed) and len(digits) == len(masks) < len(token):
            chars = list(token)
            for i, d in zip(masks, digits):
                chars[i] = d
            return "".join(chars)
        return digits if len(digits) == len(token) else value
    if kind == "date" and digits:
        field = token.rstrip("".join(DATE_FIELD_WORDS))
        word = token[len(field):]
        if word in DATE_FIELD_WORDS and field and all(c in rules.MASK_CHARS for c in field):
            return digits + word
        return value
    if kind == "figure" and unit and value.endswith(unit):
        number = value[: -len(unit)].rstrip()
        if _NUMBER.fullmatch(number.translate(_WIDE_DIGITS)):
            return number
    return value


def value_hints(value: str, kind: str, unit: str, before: str, current_year: int,
                block: int = 0, start: int = 0) -> list[Hint]:
    """The hints a value in a placeholder of ``kind`` with ``unit`` gets; ``before``: the text before
    it in its paragraph. Spans are ``start:start + len(value)`` of ``block``."""
    span = (block, start, start + len(value))
    text = value.strip()
    if not text:
        return []
    plain = text.translate(_WIDE_DIGITS)
    if kind == "year":
        year = year_value(text)
        if year is None or year not in plausible_years(current_year):
            years = plausible_years(current_year)
            return [Hint(*span, "fill-not-year", value,
                         f"“{text}”不像年份（应为 {years.start}—{years.stop - 1} 年间的四位数字）。")]
        return []
    if kind != "figure":
        return []
    if not _NUMBER.fullmatch(plain):
        return [Hint(*span, "fill-not-figure", value, f"这里应填阿拉伯数字，填的是“{text}”。")]
    base_unit = unit.lstrip("".join(rules.UNIT_QUALIFIERS))
    number = float(plain.replace(",", ""))
    if base_unit in PERCENT_UNITS and number > 100 and not any(w in before[-8:] for w in PERCENT_OVER_100_WORDS):
        return [Hint(*span, "fill-over-100-percent", value, f"百分比“{text}%”超过 100%，请核对。")]
    if base_unit in WHOLE_UNITS and "." in plain:
        return [Hint(*span, "fill-fraction-count", value, f"“{text}{unit}”：按{base_unit}计数，一般是整数。")]
    return []


def check_fill(placeholder: Placeholder, typed: str, text: str, current_year: int) -> FillCheck:
    """What to put in place of ``placeholder`` when the user typed ``typed``, and the hints it gets
    there. ``text``: the placeholder's paragraph as it is now; ``current_year``: this year (the
    engine never reads the clock)."""
    value = complete(placeholder.token, placeholder.kind, placeholder.unit, typed)
    hints = value_hints(value, placeholder.kind, placeholder.unit, text[:placeholder.start], current_year,
                        placeholder.block, placeholder.start)
    return FillCheck(typed, value, tuple(hints))


def filled_spans(placeholders: Sequence[Placeholder], value: str) -> list[Filled]:
    """The spans ``value`` takes once it is in place of each of ``placeholders`` (one, or one and
    its siblings, filled in one step), for ``FilledSpans.with_fill`` after ``after_change``."""
    spans: list[Filled] = []
    shift: dict[int, int] = {}
    for p in sorted(placeholders, key=lambda p: (p.block, p.start)):
        start = p.start + shift.get(p.block, 0)
        spans.append(Filled(p.block, start, start + len(value), p.token, p.kind, p.unit))
        shift[p.block] = shift.get(p.block, 0) + len(value) - (p.end - p.start)
    return spans


def fill_hints(texts: Sequence[str], filled: FilledSpans, current_year: int) -> list[Hint]:
    """The fill hints of every filled value as the text reads now (a corrected value loses its
    hint), in document order. Spans past their paragraph's end are passed over."""
    hints: list[Hint] = []
    for s in filled:
        if s.block >= len(texts) or s.end > len(texts[s.block]):
            continue
        text = texts[s.block]
        value = text[s.start:s.end]
        if s.token and value == s.token:
            continue
        hints.extend(value_hints(value, s.kind, s.unit, text[:s.start], current_year, s.block, s.start))
    return hints
