"""Numbers as reports write them: Chinese numerals (一 … 十一 … 一百零五), Arabic digits in half or
full width, and circled numbers (①), read and written. Shared by renumbering, hints and lists."""
from __future__ import annotations

from app.core import rules

_CN = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_DIGITS = "零一二三四五六七八九"
_FULL_WIDTH_DIGITS = "０１２３４５６７８９"


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
