"""Damage a report picked up on its way here, shown as hints with a one-step fix.

- empty-run: more than ``EMPTY_RUN_MAX`` empty paragraphs in a row (a saved sample once ended
  with 1,990 of them). The fix keeps one.
- trailing-empty: empty paragraphs at the very end of the document, after the last text. The fix
  removes them (the .docx writer keeps a paragraph that ends a section, emptied, not removed).
- page-number-line: a body paragraph holding nothing but a page number ("— 12 —", "第 3 页",
  "12" between empty paragraphs): text copied from a PDF or a printed layout, where every page
  left its number behind. The fix removes the line.

A hint here spans several paragraphs, so it cannot be read one paragraph at a time. It is read in
two steps instead, so that a window can keep the first step per paragraph and redo only the
second, which is cheap:
1. ``shape_of`` gives each paragraph a small value (empty, text, or a page-number look) that
   depends on that paragraph alone;
2. ``damage_in`` reads the list of shapes, in document order, and gives the hints.
``damage_of`` does both for a Document (the command line, ``hints_of``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from app.core.document import Document
from app.core.hints import Hint

if TYPE_CHECKING:  # only the fix makes a Change: reading the hints does not load the edits module
    from app.core.edits import Change

KINDS = ("empty-run", "trailing-empty", "page-number-line")

# More empty paragraphs in a row than this is damage; a clerk may well leave two or three before a
# signature or a new part.
EMPTY_RUN_MAX = 3
# More empty paragraphs than this at the end of the document is damage: Word's last paragraph is
# often an empty one, and 31 files of the shared corpus end with two or three.
TRAILING_EMPTY_MAX = EMPTY_RUN_MAX
# Longer lines are never a page number.
PAGE_NUMBER_MAX_CHARS = 24

# A paragraph's shape: all the document-level pass needs to know of it.
TEXT = 0  # anything else, including table cells and pictures
EMPTY = 1  # nothing but spaces
PAGE_NUMBER = 2  # framed like a page number: "— 12 —", "- 3 -", "第 3 页", "第3页 共10页"
BARE_NUMBER = 3  # a bare number of up to three digits: a page number only between empty lines

_FRAMED_PAGE_NUMBER = re.compile(
    r"[\s　]*(?:"
    r"[—–\-－―~～·•]{1,2}[\s　]*\d{1,4}[\s　]*[—–\-－―~～·•]{1,2}"  # — 12 —, -3-, ～5～
    r"|第[\s　]*\d{1,4}[\s　]*页(?:[\s　]*[,，/／]?[\s　]*共[\s　]*\d{1,4}[\s　]*页)?"  # 第 3 页, 第3页 共10页
    r"|\d{1,4}[\s　]*/[\s　]*\d{1,4}"  # 3 / 10
    r"|[Pp]age[\s　]*\d{1,4}(?:[\s　]*of[\s　]*\d{1,4})?"  # Page 3 of 10
    r")[\s　]*"
)
_BARE_NUMBER = re.compile(r"[\s　]*\d{1,3}[\s　]*")


def shape_of(text: str, in_cell: bool = False, pictures: bool = False) -> int:
    """The shape of one paragraph (``TEXT``, ``EMPTY``, ``PAGE_NUMBER`` or ``BARE_NUMBER``).

    Table cells are always ``TEXT``: an empty cell or a cell holding "12" is a table's own, and a
    run of empties is never broken across a table by them either. A paragraph showing a picture is
    ``TEXT`` however empty its text."""
    if in_cell or pictures:
        return TEXT
    if not text or text.isspace():
        return EMPTY
    if len(text) > PAGE_NUMBER_MAX_CHARS:
        return TEXT
    if _FRAMED_PAGE_NUMBER.fullmatch(text):
        return PAGE_NUMBER
    if _BARE_NUMBER.fullmatch(text):
        return BARE_NUMBER
    return TEXT


def _run_hint(first: int, last: int, kind: str) -> Hint:
    count = last - first + 1
    if kind == "trailing-empty":
        message = f"文末有 {count} 个空段落。"
    else:
        message = f"连续 {count} 个空段落（可能是复制或转换时留下的），可只保留一个。"
    return Hint(first, 0, 0, kind, str(count), message, last_block=last)


def damage_in(shapes: Sequence[int], texts: Sequence[str] | None = None) -> list[Hint]:
    """The damage hints of a document whose paragraphs have ``shapes``, in document order.

    ``texts`` (the paragraphs' texts) only fills in each page-number hint's text and span; without
    it they say "" and 0:0. A bare number is a page number only between empty paragraphs (or page
    numbers, or the document's ends), and only where the document has at least two page-number
    lines: a lone "12" in a report is more likely a figure than a page."""
    hints: list[Hint] = []
    count = len(shapes)
    end = count
    while end > 0 and shapes[end - 1] == EMPTY:
        end -= 1
    trailing = count - end
    framed = [i for i in range(end) if shapes[i] == PAGE_NUMBER]
    bare = [i for i in range(end) if shapes[i] == BARE_NUMBER and _stands_alone(shapes, i)]
    numbers = sorted(framed + bare) if len(framed) + len(bare) >= 2 else framed
    number_set = set(numbers)
    i = 0
    while i < end:
        if i in number_set:
            text = texts[i] if texts is not None else ""
            stripped = text.strip()
            start = text.find(stripped) if stripped else 0
            hints.append(Hint(i, start, start + len(stripped), "page-number-line", stripped,
                              f"这一行只有页码“{stripped}”（可能是从 PDF 或打印稿复制时留下的）。"))
            i += 1
            continue
        if shapes[i] != EMPTY:
            i += 1
            continue
        first = i
        while i < end and shapes[i] == EMPTY:
            i += 1
        if i - first > EMPTY_RUN_MAX:
            hints.append(_run_hint(first, i - 1, "empty-run"))
    if trailing > TRAILING_EMPTY_MAX and end < count:
        hints.append(_run_hint(end, count - 1, "trailing-empty"))
    return hints


def _stands_alone(shapes: Sequence[int], i: int) -> bool:
    """A bare number with an empty paragraph on one side and nothing but that, a page number or
    the document's end on the other. Bare numbers side by side are a list, not pages."""
    before = shapes[i - 1] if i > 0 else None
    after = shapes[i + 1] if i + 1 < len(shapes) else None
    return EMPTY in (before, after) and before in (EMPTY, PAGE_NUMBER, None) and after in (EMPTY, PAGE_NUMBER, None)


def damage_of(document: Document, texts: Sequence[str] | None = None) -> list[Hint]:
    """The damage hints of ``document``, in document order; ``texts``: its blocks' texts, where the
    caller has them already."""
    if texts is None:
        texts = document.texts
    shapes = [shape_of(text, block.cell is not None, bool(block.images)) for block, text in zip(document.blocks, texts)]
    return damage_in(shapes, texts)


def removed_by(hint: Hint) -> range:
    """The blocks the one-step fix of a damage hint removes."""
    if hint.kind == "empty-run":
        return range(hint.block + 1, (hint.last_block or hint.block) + 1)  # the first empty stays
    if hint.kind == "trailing-empty":
        return range(hint.block, (hint.last_block or hint.block) + 1)
    if hint.kind == "page-number-line":
        return range(hint.block, hint.block + 1)
    return range(0)


def fix_damage(block_count: int, hints: Sequence[Hint]) -> Change:
    """The one Change (one undo step) removing the paragraphs the given damage hints are about, in
    a document of ``block_count`` blocks; other hints are ignored."""
    from app.core.edits import Change

    removed: set[int] = set()
    for hint in hints:
        removed.update(removed_by(hint))
    order = [i for i in range(block_count) if i not in removed]
    return Change("清除多余空段落和页码", order if removed else None)
