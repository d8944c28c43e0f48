"""Detect what a template site added to a report: ad lines, contact numbers, watermarks, and the
promotion block some sites put before the title.

Only detection: the clean-up command and dialog decide what goes, and the user confirms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from app.core import rules
from app.core.fastscan import PatternSet


@dataclass(frozen=True)
class Junk:
    block: int
    start: int
    end: int
    text: str
    whole_block: bool
    rule: str = ""

    def as_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text,
                "whole_block": self.whole_block}


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(p)) for name, p in rules.JUNK_PATTERNS]


@lru_cache(maxsize=1)
def _pattern_set() -> PatternSet:
    return PatternSet(_patterns())


_FILLER = re.compile(r"[\s\W_]*")


def fragments_in_line(text: str) -> list[tuple[int, int, str]]:
    """Junk fragments in one line: (start, end, rule), merged where they touch or overlap."""
    spans = _pattern_set().spans(text)
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, name in spans:
        if merged and start <= merged[-1][1]:
            s, e, n = merged[-1]
            merged[-1] = (s, max(e, end), n)
        else:
            merged.append((start, end, name))
    return merged


def _is_only_junk(text: str, spans: Sequence[tuple[int, int, str]]) -> bool:
    """True when nothing but punctuation and spaces is left once the fragments are cut."""
    pos = 0
    for start, end, _ in spans:
        if not _FILLER.fullmatch(text[pos:start]):
            return False
        pos = end
    return bool(_FILLER.fullmatch(text[pos:]))


def _looks_like_prose(text: str) -> bool:
    line = text.strip()
    return len(line) > rules.JUNK_LINE_MAX or line.endswith(("。", "！", "？"))


def _site_names(texts: Sequence[str], whole: dict[int, str], skip: set[int]) -> set[str]:
    """A template site's name: a short Chinese line that also stands in an ad line ("酷乐文行" beside
    "酷乐文行整理，咨询QQ…") or says it is a site ("…范文网"). A line merely repeated is far more
    often a form's caption, a heading in a typed contents list or a date line, so that is not enough."""
    ad_lines = [texts[i].strip() for i in whole]
    names: set[str] = set()
    for i, text in enumerate(texts):
        name = text.strip()
        if i in skip or name in names or not 2 <= len(name) <= 12 or re.search(r"[，。、：:；]", name):
            continue
        if not any("\u4e00" <= ch <= "\u9fff" for ch in name):
            continue
        tied = len(name) >= 3 and any(name in line and line != name for line in ad_lines)
        if tied or any(word in name for word in rules.SITE_NAME_MARKS):
            names.add(name)
    return names


def _looks_like_title(text: str) -> bool:
    line = text.strip()
    return line.endswith(rules.TITLE_ENDINGS) and not any(w in line for w in rules.PROMOTION_WORDS)


def junk_of(texts: Sequence[str], headings: Sequence[int] = (), cells: Sequence[int] = ()) -> list[Junk]:
    """All junk in the document, in order: whole lines and fragments.

    ``headings`` are the blocks that open sections; the promotion block before the title never
    reaches past the first of them, and a heading is never a site's name. ``cells`` are table-cell
    blocks, whose repeated data is never taken for a site's name either.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    for i, text in enumerate(texts):
        if not text or text.isspace():
            continue
        spans = fragments_in_line(text)
        if spans:
            found[i] = spans
    whole: dict[int, str] = {}
    for i, spans in found.items():
        if _is_only_junk(texts[i], spans) or (not _looks_like_prose(texts[i]) and len(texts[i].strip()) <= 60
                                                and any(n in _STRONG for _, _, n in spans)):
            whole[i] = spans[0][2]
    not_names = set(headings) | set(cells)
    for name in _site_names(texts, whole, not_names):
        for i, text in enumerate(texts):
            if text.strip() == name and i not in not_names:
                whole.setdefault(i, "site-name")
    whole.update(_promotion_block(texts, whole, set(found), min(headings) if headings else len(texts)))

    result: list[Junk] = []
    for i in sorted(set(found) | set(whole)):
        text = texts[i]
        if i in whole:
            lead = len(text) - len(text.lstrip())
            end = len(text.rstrip())
            result.append(Junk(i, lead, end, text[lead:end], True, whole[i]))
        else:
            for start, end, name in found[i]:
                result.append(Junk(i, start, end, text[start:end], False, name))
    return result


# Rules strong enough that a short line carrying one is an ad line as a whole.
_STRONG = {"study-only", "no-spread", "delete-after", "members", "qq", "wechat", "group", "official-account",
           "resale", "download", "more", "omitted", "word-count"}


def _promotion_block(
    texts: Sequence[str], whole: dict[int, str], with_junk: set[int], first_heading: int
) -> dict[int, str]:
    """A site's promotion block before the title: from a junk first line to the last line with
    junk in it before the title, taking the short lines in between with it."""
    lines = [i for i in range(min(first_heading, len(texts))) if texts[i].strip()]
    if not lines or lines[0] not in whole:
        return {}
    block: dict[int, str] = {}
    pending: list[int] = []
    for i in lines:
        if i in whole or i in with_junk:
            for j in pending + [i]:
                if j not in whole:
                    block[j] = "promotion"
            pending = []
            continue
        if _looks_like_prose(texts[i]) or _looks_like_title(texts[i]):
            break
        pending.append(i)
    return block
