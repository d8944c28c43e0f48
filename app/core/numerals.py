"""Numbers as reports write them: Chinese numerals (一 … 十一 … 一百零五), Arabic digits in half or
full width, and circled numbers (①), read and written. Shared by renumbering, hints and lists."""
from __future__ import annotations

from app.core import rules

_CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
COUNTING_DIGITS = "〇一二三四五六七八九"
_ZERO = "零"  # a zero inside a counted number: 一百零一 (〇 only in digit-by-digit 一〇一)
_FULL_WIDTH_DIGITS = "０１２３４５６７８９"


def _chinese_below_10000(n: int, digits: str, units: str, ten_alone: bool) -> str:
    """n (1 … 9999) in Chinese counting: 十一, 二十, 一百零一, 一千零一十. ``units`` are the
    characters for ten, hundred, thousand; ``ten_alone``: 10 … 19 read 十… rather than 一十…."""
    parts = []
    values = (1000, 100, 10, 1)
    zero = False
    started = False
    for value, unit in zip(values, (units[2], units[1], units[0], "")):
        d = n // value % 10
        if d == 0:
            if started:
                zero = True
            continue
        if zero:
            parts.append(_ZERO)
            zero = False
        if not (value == 10 and d == 1 and ten_alone and not started):
            parts.append(digits[d])
        parts.append(unit)
        started = True
    return "".join(parts)


def chinese_counting(n: int, digits: str = COUNTING_DIGITS, units: str = "十百千", myriad: str = "万",
                     ten_alone: bool = True) -> str:
    """n in Chinese counting, Word's chineseCounting: 十一, 二十, 一百零五, 一万零一 (and, with
    other ``digits``/``units``/``myriad``, its legal forms 壹佰零伍)."""
    if n <= 0:
        return digits[0] if n == 0 else str(n)
    if n < 10000:
        return _chinese_below_10000(n, digits, units, ten_alone)
    high, low = divmod(n, 10000)
    text = chinese_counting(high, digits, units, myriad, ten_alone) + myriad
    if low:
        text += (_ZERO if low < 1000 else "") + _chinese_below_10000(low, digits, units, False)
    return text


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 11 -> 十一, 20 -> 二十, 21 -> 二十一, 105 -> 一百零五 (1..999: a heading's marker)."""
    if not 0 < n < 1000:
        raise ValueError(f"no Chinese marker for {n}")
    return chinese_counting(n)


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
