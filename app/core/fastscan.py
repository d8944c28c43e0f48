"""Faster ``finditer`` for the rule patterns: jump from one possible first character to the next.

Python's regex engine tries every alternative of a pattern at every position of the text. The
placeholder and junk patterns can only start at a few characters (X, ×, 2, 【, 仅, QQ …), so we
work out, from the pattern itself, which characters a match can start with, find those with one
fast character-class search and try the pattern only there. Same matches as ``finditer`` (a test
holds the two equal on random text); where the first characters cannot be worked out (a pattern
that may match the empty string, starts with "any character" or ignores case), it is plain
``finditer``. PatternSet does the same for a set of patterns in one pass (the junk rules).
Nothing here spells a rule: rules stay in rules.py.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterator, Sequence

try:  # The parser is internal to ``re``; without it we simply do not speed anything up.
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _p  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python < 3.11
    _c = _p = None  # type: ignore[assignment]

# A character range wider than this (say "any Han character") is not worth a candidate search.
_MAX_RANGE = 4096
_ZERO_WIDTH = ("ASSERT", "ASSERT_NOT", "AT")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")


class _Unknown(Exception):
    """The first characters of a pattern cannot be worked out."""


def _first_of_items(items) -> tuple[set[str], bool]:  # noqa: ANN001 - parser items
    """First characters of a sequence, and whether the sequence can match the empty string."""
    chars: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_op(op, av)
        chars |= first
        if not nullable:
            return chars, False
    return chars, True


def _first_of_op(op, av) -> tuple[set[str], bool]:  # noqa: ANN001, C901 - one case per parser op
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}, False
    if name == "IN":
        chars: set[str] = set()
        for sub, value in av:
            sub_name = str(sub)
            if sub_name == "LITERAL":
                chars.add(chr(value))
            elif sub_name == "RANGE" and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:  # NEGATE, CATEGORY (\d, \w), huge ranges
                raise _Unknown
        return chars, False
    if name == "SUBPATTERN":
        _group, add_flags, del_flags, sub = av
        if (add_flags | del_flags) & re.IGNORECASE:
            raise _Unknown
        return _first_of_items(sub.data)
    if name == "ATOMIC_GROUP":
        return _first_of_items(av.data)
    if name == "BRANCH":
        chars = set()
        nullable = False
        for alternative in av[1]:
            first, empty = _first_of_items(alternative.data)
            chars |= first
            nullable = nullable or empty
        return chars, nullable
    if name in _REPEATS:
        low, _high, item = av
        first, nullable = _first_of_items(item.data)
        return first, nullable or low == 0
    if name in _ZERO_WIDTH:
        # Look-arounds and anchors consume nothing: the match starts at what follows them.
        return set(), True
    raise _Unknown  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, conditionals …


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """Every character a match of ``pattern`` can start with, or None where that is unknown."""
    if _p is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        chars, nullable = _first_of_items(_p.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - _Unknown, or any surprise in the parser: no speed-up
        return None
    if nullable or not chars:
        return None
    return "".join(sorted(chars))


class FastPattern:
    """A compiled pattern whose ``finditer`` skips straight to possible match starts."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        chars = first_chars(pattern)
        self._starts = re.compile("[" + "".join(re.escape(c) for c in chars) + "]") if chars else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self._starts is None:
            yield from self.pattern.finditer(text)
            return
        search = self._starts.search
        match = self.pattern.match
        pos = 0
        while True:
            candidate = search(text, pos)
            if candidate is None:
                return
            start = candidate.start()
            m = match(text, start)
            if m is None:
                pos = start + 1
                continue
            yield m
            # finditer moves on from a match's end (never stays put: no pattern here is empty).
            pos = m.end() if m.end() > start else start + 1


class PatternSet:
    """Several named patterns searched together: one pass over the characters any of them can
    start with, trying at each only the patterns that can start there. ``spans`` gives what
    each pattern's own ``finditer`` gives (non-overlapping per pattern), as (start, end, name)
    in no particular order; empty matches are left out."""

    def __init__(self, named: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self._named = list(named)
        self._always: list[int] = []  # first characters unknown: plain finditer
        by_char: dict[str, list[int]] = defaultdict(list)
        union: set[str] = set()
        for k, (_name, pattern) in enumerate(self._named):
            chars = first_chars(pattern)
            if chars is None:
                self._always.append(k)
                continue
            for c in chars:
                by_char[c].append(k)
            union.update(chars)
        self._by_char = {c: tuple(ks) for c, ks in by_char.items()}
        self._starts = re.compile("[" + "".join(re.escape(c) for c in sorted(union)) + "]") if union else None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        named = self._named
        found: list[tuple[int, int, str]] = []
        for k in self._always:
            name, pattern = named[k]
            found.extend((m.start(), m.end(), name) for m in pattern.finditer(text) if m.end() > m.start())
        if self._starts is None:
            return found
        # Where each pattern may match next: finditer goes on from the end of its last match.
        resume = [0] * len(named)
        by_char = self._by_char
        for candidate in self._starts.finditer(text):
            start = candidate.start()
            for k in by_char[text[start]]:
                if start < resume[k]:
                    continue
                name, pattern = named[k]
                m = pattern.match(text, start)
                if m is not None:
                    end = m.end()
                    if end > start:
                        found.append((start, end, name))
                    resume[k] = end if end > start else start + 1
        return found
