"""Detect what a template site added to a report: ad lines, contact numbers, watermarks, the
chrome of the site's page (breadcrumbs, publishing lines, share buttons, a collection's captions,
page headers of scanned books) and the promotion block some sites put before the title.

A line is junk as a whole when it is nothing but ad fragments, or when weak signals add up
(rules.JUNK_SIGNALS: site words, counts, timestamps, addresses, no sentence punctuation, and
standing above the first heading), so that a site never seen before is caught by what its chrome
looks like rather than by its phrases. ``line_verdict`` judges one line alone, as the window does
for each block it rescans; ``junk_of`` adds what only the document shows (the lines above the first
heading, a site's name, the promotion block), which the window works out over the same lines.

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
    # Why: the signals that fired for a whole line ("breadcrumb+site-word+top"), else the rule.
    reason: str = ""

    def as_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text,
                "whole_block": self.whole_block, "reason": self.reason or self.rule}


@dataclass(frozen=True)
class Verdict:
    """Why one line is junk as a whole: its rule and the signals that fired."""

    rule: str
    reason: str


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(name, re.compile(p)) for name, p in rules.JUNK_PATTERNS]


@lru_cache(maxsize=1)
def _pattern_set() -> PatternSet:
    return PatternSet(_patterns())


@lru_cache(maxsize=1)
def _signals() -> tuple[PatternSet, dict[str, int]]:
    named = [(name, re.compile(p)) for name, p, _ in rules.JUNK_SIGNALS]
    return PatternSet(named), {name: weight for name, _, weight in rules.JUNK_SIGNALS}


@lru_cache(maxsize=1)
def _sentence_marks() -> re.Pattern[str]:
    return re.compile("[" + re.escape(rules.JUNK_SENTENCE_MARKS) + "]")


_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _leads() -> dict[str, re.Pattern[str]]:
    return {name: re.compile(p) for name, p in rules.JUNK_LEADS.items()}


def _with_lead(text: str, span: tuple[int, int, str]) -> tuple[int, int, str]:
    start, end, name = span
    lead = _leads().get(name)
    if lead is None:
        return span
    m = lead.search(text, max(0, start - 24), start)
    return (m.start(), end, name) if m is not None else span


_FILLER = re.compile(r"[\s\W_]*")
_JOINER = re.compile(r"[ 　\t，,、；;·|｜/]{1,3}")


def fragments_in_line(text: str) -> list[tuple[int, int, str]]:
    """Junk fragments in one line: (start, end, rule), merged where they touch or overlap."""
    spans = _pattern_set().spans(text)
    if spans and _leads():
        spans = [_with_lead(text, span) for span in spans]
    spans.sort()
    merged: list[tuple[int, int, str]] = []
    for start, end, name in spans:
        # Two ads with only a separator between them ("仅供学习参考，禁止外传") are one cut.
        if merged and (start <= merged[-1][1] or _JOINER.fullmatch(text, merged[-1][1], start)):
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


def _remainder_is_sentence(text: str, spans: Sequence[tuple[int, int, str]]) -> bool:
    """What is left once the fragments are cut holds a sentence of its own ("…整改率达X%。" before
    "（本文省略1200字）"): then the fragments go and the line stays."""
    pos = 0
    pieces: list[str] = []
    for start, end, _ in spans:
        pieces.append(text[pos:start])
        pos = end
    pieces.append(text[pos:])
    ends = text.rstrip().endswith(("。", "！", "？"))
    return any((ends or "。" in piece) and len(_HAN.findall(piece)) >= rules.JUNK_REMAINDER_SENTENCE_HAN
               for piece in pieces)


def is_own_address(text: str) -> bool:
    """An e-mail or a government or school site: more likely the report's own than an ad."""
    host = text.strip().lower().split("//")[-1].split("/")[0]
    return "@" in text or host.endswith(rules.CLEAN_OWN_DOMAINS)


def signals_of(text: str, spans: Sequence[tuple[int, int, str]] = (), top: bool = False) -> tuple[int, list[str]]:
    """The score of a line as site chrome and the signals that fired, strongest first."""
    line = text.strip()
    if not line or len(line) > rules.JUNK_SCORED_MAX:
        return 0, []
    patterns, weights = _signals()
    found = patterns.spans(line)
    if not found and not spans:
        return 0, []
    han = _HAN.search(line) is not None
    names: dict[str, None] = {}
    lead = len(text) - len(text.lstrip())
    for start, end, name in sorted(found):
        # What an ad fragment holds is counted once, as the ad ("下载全文" in "（未完，请下载全文阅读）").
        if any(s <= start + lead and end + lead <= e for s, e, _ in spans):
            continue
        if han or (name in rules.JUNK_SIGNALS_WITHOUT_HAN and len(line) <= rules.JUNK_PAGE_HEADER_MAX):
            names.setdefault(name)
    fired = [(weights[name], name) for name in names]
    # An address is already an ad fragment; a report gives its own ("联系邮箱 office@…gov.cn").
    if han and any(n == "url" and not is_own_address(text[s:e]) for s, e, n in spans):
        fired.append((rules.JUNK_WEIGHT_URL, "url"))
    if any(n in _STRONG for _, _, n in spans):
        fired.append((rules.JUNK_WEIGHT_AD_FRAGMENT, "ad"))
    weak = sum(1 for _, n in fired if n in rules.JUNK_WEAK_SIGNALS)
    if weak == len(fired) and weak < rules.JUNK_WEAK_NEEDED:
        return 0, []  # no sign of a site, or a single weak one: body text, whatever its shape
    if _sentence_marks().search(line) is None:
        fired.append((rules.JUNK_WEIGHT_NO_SENTENCE, "no-sentence"))
    elif line.endswith(("。", "！", "？")) or len(line) > rules.JUNK_LINE_MAX // 2:
        fired.append((rules.JUNK_WEIGHT_PROSE, "prose"))
    if top:
        fired.append((rules.JUNK_WEIGHT_TOP, "top"))
    fired.sort(key=lambda f: -f[0])
    return sum(w for w, _ in fired), [n for _, n in fired]


def _chrome(text: str, spans: Sequence[tuple[int, int, str]], score: int, fired: Sequence[str],
            top: bool = False) -> bool:
    """Enough signals for site chrome; a sentence left beside an ad fragment keeps the line
    (the fragment is cut) unless a signal speaks for the whole line or the line's own signals
    leave no doubt (its place aside)."""
    if score < rules.JUNK_SCORE_MIN:
        return False
    own = score - (rules.JUNK_WEIGHT_TOP if top else 0)
    if own >= rules.JUNK_SCORE_SURE or any(n in rules.JUNK_LINE_SIGNALS for n in fired):
        return True
    return not (spans and _remainder_is_sentence(text, spans))


def line_verdict(text: str, spans: Sequence[tuple[int, int, str]] | None = None) -> Verdict | None:
    """Whether one line, judged alone (no position), is junk as a whole, and why."""
    if not text or text.isspace():
        return None
    if spans is None:
        spans = fragments_in_line(text)
    if spans:
        names = "+".join(dict.fromkeys(n for _, _, n in spans))
        if _is_only_junk(text, spans):
            return Verdict(spans[0][2], names)
        if (not _looks_like_prose(text) and len(text.strip()) <= 60 and any(n in _STRONG for _, _, n in spans)
                and not _remainder_is_sentence(text, spans)):
            return Verdict(spans[0][2], names)
    score, fired = signals_of(text, spans)
    if _chrome(text, spans, score, fired):
        return Verdict("site-chrome", "+".join(fired))
    return None


def _site_names(texts: Sequence[str], whole: dict[int, str], skip: set[int]) -> set[str]:
    """A template site's name: a short Chinese line that also stands in an ad line ("酷乐文行" beside
    "酷乐文行整理，咨询QQ…") or says it is a site ("…范文网"). A line merely repeated is far more
    often a form's caption, a heading in a typed contents list or a date line, so that is not enough."""
    # A site's chrome quotes the report's own titles ("范文三：销售部个人年终总结"): only ad lines tie a name.
    ad_lines = [texts[i].strip() for i, rule in whole.items() if rule != "site-chrome"]
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


# What one line says of itself, with no other line in view: its fragments, and its verdict as a whole.
LineJunk = tuple[list[tuple[int, int, str]], Verdict | None]


def junk_in_line(text: str) -> LineJunk:
    """The part of ``junk_of`` that reads one line alone (most of its time on a long report: a
    caller may read the lines a few at a time and hand them over)."""
    if not text or text.isspace():
        return [], None
    spans = fragments_in_line(text)
    return spans, line_verdict(text, spans)


def junk_of(texts: Sequence[str], headings: Sequence[int] = (), cells: Sequence[int] = (),
            lines: Sequence[LineJunk] | None = None) -> list[Junk]:
    """All junk in the document, in order: whole lines and fragments.

    ``headings`` are the blocks that open sections; the promotion block before the title never
    reaches past the first of them, and a heading is never a site's name. ``cells`` are table-cell
    blocks, whose repeated data is never taken for a site's name either. ``lines``: each text's
    ``junk_in_line``, where the caller has read them already.
    """
    found: dict[int, list[tuple[int, int, str]]] = {}
    whole: dict[int, str] = {}
    reasons: dict[int, str] = {}
    for i, text in enumerate(texts):
        spans, verdict = junk_in_line(text) if lines is None else lines[i]
        if spans:
            found[i] = spans
        if verdict is not None:
            whole[i], reasons[i] = verdict.rule, verdict.reason
    # Above the first heading (that is no junk itself) a site puts its chrome: one more signal
    # there. The window scores the same lines the same way (its lead lines, ui/tracker.py).
    top = min((h for h in headings if h not in whole), default=len(texts))
    for i in range(min(top, rules.JUNK_TOP_LINES)):
        if i in whole or not texts[i] or texts[i].isspace():
            continue
        score, fired = signals_of(texts[i], found.get(i, ()), top=True)
        if _chrome(texts[i], found.get(i, ()), score, fired, top=True):
            whole[i], reasons[i] = "site-chrome", "+".join(fired)
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
            result.append(Junk(i, lead, end, text[lead:end], True, whole[i], reasons.get(i, whole[i])))
        else:
            for start, end, name in found[i]:
                result.append(Junk(i, start, end, text[start:end], False, name, name))
    return result


# Rules strong enough that a short line carrying one is an ad line as a whole.
_STRONG = {"study-only", "no-spread", "delete-after", "members", "qq", "wechat", "group", "official-account",
           "resale", "download", "more", "omitted", "word-count", "download-prompt", "excerpt-note", "edit-note"}


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
