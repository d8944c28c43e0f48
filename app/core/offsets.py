"""One paragraph, three ways of counting into it, and the conversions between them.

- engine offsets: code points of the Document's text (``Block.text``: no character for a picture,
  line breaks as "\\n"); what scans, placeholders, hints and Changes count in;
- shown offsets: code points of the text as an editor shows it (``shown_text``: a picture is one
  OBJECT character, a line break is LINE_BREAK), which is what the window's paragraphs hold;
- UTF-16 offsets into the shown text, which is how Qt counts (a character beyond the BMP, such as
  a rare CJK extension character, is two units).
Every conversion lives here, so that no two places convert differently.
"""
from __future__ import annotations

import re

OBJECT = "\ufffc"  # a picture in the shown text
LINE_BREAK = "\u2028"  # a line break inside a paragraph, in the shown text
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def has_astral(text: str) -> bool:
    return _ASTRAL.search(text) is not None


def utf16_index(text: str, index: int) -> int:
    """The UTF-16 offset of code point ``index`` of ``text``."""
    head = text[:index]
    return index + sum(1 for ch in head if ord(ch) > 0xFFFF)


def code_point_index(text: str, utf16: int) -> int:
    """The code point offset in ``text`` of UTF-16 offset ``utf16`` (the inverse of utf16_index)."""
    if not has_astral(text):
        return utf16
    return len(text.encode("utf-16-le")[: utf16 * 2].decode("utf-16-le", "ignore"))


def past_pictures(pictures: list[int], index: int, start: bool) -> int:
    """The shown offset of engine offset ``index``, the pictures standing at shown offsets
    ``pictures`` (ascending); a span starting at a picture starts after it, one ending there
    ends before it."""
    for n, at in enumerate(pictures):
        if at - n > index or (at - n == index and not start):
            return index + n
    return index + len(pictures)


def picture_offsets(shown: str) -> list[int]:
    return [i for i, ch in enumerate(shown) if ch == OBJECT]


def utf16_offset(shown: str, index: int, start: bool = True) -> int:
    """The UTF-16 offset in shown text ``shown`` of engine offset ``index``; ``start``: a span's
    start (after a picture standing there) rather than its end (before it)."""
    if OBJECT in shown:
        index = past_pictures(picture_offsets(shown), index, start)
    return utf16_index(shown, index) if has_astral(shown) else index


def engine_text(shown: str) -> str:
    """The Document's text of a shown paragraph: pictures left out, line breaks as "\\n"."""
    if LINE_BREAK in shown:
        shown = shown.replace(LINE_BREAK, "\n")
    if OBJECT in shown:
        shown = shown.replace(OBJECT, "")
    return shown


def spaced_text(shown: str) -> str:
    """The shown text as the engine reads it in place: a picture as a space, so that offsets stay
    the shown ones (the outline and placeholder list count in these)."""
    if LINE_BREAK in shown:
        shown = shown.replace(LINE_BREAK, "\n")
    if OBJECT in shown:
        shown = shown.replace(OBJECT, " ")
    return shown


def shown_text(text: str, picture_offsets_in_text: list[int]) -> str:
    """A Document text shown: a picture at each engine offset given, line breaks as LINE_BREAK."""
    if picture_offsets_in_text:
        chars = list(text)
        for offset in sorted(picture_offsets_in_text, reverse=True):
            chars.insert(min(max(offset, 0), len(chars)), OBJECT)
        text = "".join(chars)
    return text.replace("\n", LINE_BREAK)


def engine_offset(shown: str, index: int) -> int:
    """The engine offset of spaced-text offset ``index`` (pictures are one space there, nothing
    in the engine's text)."""
    return index - shown.count(OBJECT, 0, index) if OBJECT in shown else index
