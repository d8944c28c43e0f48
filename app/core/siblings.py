"""Same value, fill once: placeholders that stand for the same thing, offered together.

A template names one plan, project or campaign several times: “X党建计划” in the summary and again
in a later section. The placeholders in such a name are siblings: the same token at the same place
inside the same quoted name (“…”, 《…》, 「…」, 『…』, "…"). Filling one offers to fill the others
with the same value, as one undo step.

Conservative on purpose: nothing outside quotes is grouped. "X次" twice is two counts; "XX同志"
twice is as often two people ("XX同志任组长，XX同志任副组长"); a masked character is a guess.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from app.core.placeholders import Placeholder

if TYPE_CHECKING:
    from app.core.edits import Change

# Quote pairs a name stands in.
NAME_QUOTES = {"“": "”", "《": "》", "「": "」", "『": "』", "\"": "\""}
# A quoted name longer than this is a quoted sentence, not a name.
NAME_MAX_CHARS = 30


def name_frame(text: str, start: int, end: int) -> tuple[str, int] | None:
    """The quoted name ``text[start:end]`` stands in, quotes included, and the token's offset in
    it; None when it stands in none."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    closes = set(NAME_QUOTES.values())
    left = start - 1
    while left >= line_start and start - left <= NAME_MAX_CHARS:
        ch = text[left]
        if ch in NAME_QUOTES:
            break
        if ch in closes:
            return None
        left -= 1
    else:
        return None
    opening = text[left]
    closing = NAME_QUOTES[opening]
    if opening == closing and text.count(opening, line_start, left) % 2:
        return None  # a straight quote that closes a name before this one
    right = text.find(closing, end, min(line_end, left + NAME_MAX_CHARS + 2))
    if right < 0 or any(q in text[end:right] for q in NAME_QUOTES if q != closing):
        return None
    return text[left:right + 1], start - left


def siblings_of(placeholder: Placeholder, placeholders: Sequence[Placeholder],
                texts: Sequence[str]) -> list[Placeholder]:
    """The other placeholders to offer with ``placeholder``, in document order: the same token at
    the same place in the same quoted name. ``placeholders``: the document's (unfilled) ones;
    ``texts``: its paragraphs' texts."""
    if placeholder.kind == "masked":
        return []
    frame = name_frame(texts[placeholder.block], placeholder.start, placeholder.end)
    if frame is None:
        return []
    return [p for p in placeholders
            if p.token == placeholder.token and p.kind == placeholder.kind
            and (p.block, p.start) != (placeholder.block, placeholder.start)
            and name_frame(texts[p.block], p.start, p.end) == frame]


def sibling_groups(placeholders: Sequence[Placeholder], texts: Sequence[str]) -> list[list[Placeholder]]:
    """Every group of two or more siblings, each in document order, groups by their first member:
    for a sidebar that marks them up front."""
    groups: dict[tuple[str, str, str, int], list[Placeholder]] = {}
    for p in placeholders:
        if p.kind == "masked":
            continue
        frame = name_frame(texts[p.block], p.start, p.end)
        if frame is not None:
            groups.setdefault((p.token, p.kind, *frame), []).append(p)
    return [group for group in groups.values() if len(group) > 1]


def fill_together(placeholders: Sequence[Placeholder], value: str) -> Change:
    """The one Change (one undo step) putting ``value`` in place of every one of ``placeholders``
    (one and its siblings: check the value first with fill_checks.check_fill)."""
    from app.core.edits import Change, TextEdit

    edits = [TextEdit(p.block, p.start, p.end, value) for p in placeholders]
    return Change("同时填写相同的占位符", None, sorted(edits, key=lambda e: (e.block, e.start)))
