"""Clean up what a template site added to a report: the plan the review dialog lists, and the
one Change that removes the items the user kept ticked.

Whole junk lines go as blocks (with the blank lines they leave stranded); fragments are cut out
of their sentence with the separators and spaces the cut would leave dangling. Nothing that is a
placeholder is ever removed: a junk line that holds one is not offered, and a cut never reaches
into one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from app.core import rules
from app.core.document import Document
from app.core.edits import Change, TextEdit
from app.core.outline import Heading
from app.core.placeholders import context_of, find_in_text
from app.core.scan import headings_in
from app.core.junk import Junk, LineJunk, fragments_in_line, is_own_address, junk_of

LINE_CONTEXT_CHARS = 40


@dataclass(frozen=True)
class CleanItem:
    """One thing the clean-up would remove; ``start:end`` is the junk as found, ``cut_start:cut_end``
    what actually goes (the junk and the separators or spaces it leaves dangling)."""

    block: int
    start: int
    end: int
    text: str
    whole_block: bool
    rule: str
    context: str
    cut_start: int
    cut_end: int
    # Ticked in the dialog to begin with (and removed by the command line without --all). An
    # address inside a sentence may be the report's own (a government site, a contact e-mail).
    checked: bool = True
    # Why it was found: the signals that fired for a whole line ("breadcrumb+no-sentence+top",
    # see rules.JUNK_SIGNALS), else the rule.
    reason: str = ""

    def as_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text,
                "whole_block": self.whole_block, "rule": self.rule, "context": self.context,
                "checked": self.checked, "reason": self.reason or self.rule}


def clean_plan(document: Document, lines: Sequence[LineJunk] | None = None,
               headings: dict[int, Heading] | None = None) -> list[CleanItem]:
    """Everything the clean-up dialog lists, in document order (``lines``: each text's
    ``junk.junk_in_line``, ``headings``: ``scan.headings_in``, where the caller has read them already)."""
    texts = document.texts
    headings = headings_in(document) if headings is None else headings
    found = junk_of(texts, list(headings), [i for i, b in enumerate(document.blocks) if b.cell is not None], lines)
    ad_lines = [texts[j.block] for j in found if j.rule in rules.CLEAN_RULES_IN_CELLS or j.rule == "compiled-by"]
    junk = [j for j in found if _offered(document, j, headings, ad_lines)]
    items: list[CleanItem] = []
    for j in _fragments_where_placeholders(junk, texts):
        text = texts[j.block]
        holds = find_in_text(text)
        if j.whole_block:
            context = text.strip()
            if len(context) > LINE_CONTEXT_CHARS:
                context = context[: LINE_CONTEXT_CHARS - 1] + "…"
            items.append(CleanItem(j.block, j.start, j.end, j.text, True, j.rule, context, 0, len(text),
                                   j.rule != "url" or not is_own_address(j.text), j.reason or j.rule))
            continue
        if any(f.start < j.end and j.start < f.end for f in holds):
            continue
        cut_start, cut_end = tidy_span(text, j.start, j.end)
        # Tidying only ever takes spaces and separators, but never let it reach a placeholder.
        if any(f.start < cut_end and cut_start < f.end for f in holds):
            cut_start, cut_end = j.start, j.end
        context, _ = context_of(text, j.start, j.end)
        items.append(CleanItem(j.block, j.start, j.end, j.text, False, j.rule, context, cut_start, cut_end,
                               j.rule not in rules.CLEAN_UNCHECKED_FRAGMENT_RULES, j.reason or j.rule))
    return items


def _offered(document: Document, junk: Junk, headings: dict, ad_lines: Sequence[str]) -> bool:
    """Whether the dialog lists a piece of junk at all.

    Table cells hold data ("描述", "10", an address) that repeats without being a site's name, so
    only the unmistakable ad rules reach into them. A line repeated in a report is far more often
    a form's caption, a story's title in a contents list or a date line than a site's name: it is
    offered as one only when it is no heading, is Chinese, and the same name appears in an ad line
    ("酷乐文行" beside "酷乐文行整理，咨询QQ…") or says it is a site ("…范文网").
    """
    block = document.blocks[junk.block]
    if block.cell is not None and junk.rule not in rules.CLEAN_RULES_IN_CELLS:
        return False
    text = block.text
    chinese = any("\u4e00" <= ch <= "\u9fff" for ch in text)
    if junk.rule in ("site-name", "promotion") and not chinese:
        return False
    if junk.rule == "site-name":
        name = text.strip()
        if junk.block in headings:
            return False
        tied = any(name in line and line.strip() != name for line in ad_lines)
        return tied or any(word in name for word in rules.SITE_NAME_WORDS)
    return True


def _fragments_where_placeholders(junk: Sequence[Junk], texts: Sequence[str]) -> list[Junk]:
    """The junk, with a whole line that holds a placeholder offered as its fragments instead
    (a short line like "全年举办培训X场，咨询QQ…" keeps its figure)."""
    result: list[Junk] = []
    for j in junk:
        text = texts[j.block]
        if j.whole_block and find_in_text(text):
            result.extend(Junk(j.block, s, e, text[s:e], False, rule, rule) for s, e, rule in fragments_in_line(text))
        else:
            result.append(j)
    return result


def tidy_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen the cut ``start:end`` over what removing it would leave dangling: spaces around it,
    a separator that would be doubled or lead or end the line, and brackets left empty."""
    spaces, separators = rules.CLEAN_SPACES, rules.CLEAN_SEPARATORS
    changed = True
    while changed:
        changed = False
        s, e = start, end
        while s > 0 and text[s - 1] in spaces:
            s -= 1
        while e < len(text) and text[e] in spaces:
            e += 1
        # Spaces between two Latin words or numbers: one of them stays.
        if (s < start or e > end) and 0 < s and e < len(text) and _latin(text[s - 1]) and _latin(text[e]):
            if e > end:
                e -= 1
            else:
                s += 1
        before = text[s - 1] if s > 0 else ""
        after = text[e] if e < len(text) else ""
        if before and after and rules.CLEAN_BRACKETS.get(before) == after:
            s, e = s - 1, e + 1
        elif after and after in separators and (not before or before in separators or before in "。！？!?"):
            e += 1
        elif before and before in separators and (not after or after in separators or after in "。！？!?"):
            s -= 1
        if (s, e) != (start, end):
            start, end = s, e
            changed = True
    return start, end


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _stranded_blanks(texts: Sequence[str], removed: set[int]) -> set[int]:
    """Blank lines the removal leaves stranded.

    Look at each stretch of blank and removed lines that holds a removed one: at the start or
    end of the document its blank lines all go; between two kept lines only its first run of
    blank lines stays, so the text around the removed lines keeps one gap, not several.
    """
    blanks: set[int] = set()
    n = len(texts)
    i = 0
    while i < n:
        if i not in removed and texts[i].strip():
            i += 1
            continue
        j = i
        while j < n and (j in removed or not texts[j].strip()):
            j += 1
        stretch = range(i, j)
        if any(k in removed for k in stretch):
            kept_blanks = [k for k in stretch if k not in removed]
            if i == 0 or j == n:
                blanks.update(kept_blanks)
            else:
                first_run = []
                for k in kept_blanks:
                    if first_run and k != first_run[-1] + 1:
                        break
                    first_run.append(k)
                blanks.update(k for k in kept_blanks if k not in first_run)
        i = j
    return blanks


def clean_change(document: Document, items: Sequence[CleanItem]) -> Change:
    """The one Change removing ``items`` (those the user kept ticked) from ``document``."""
    texts = document.texts
    whole = {item.block for item in items if item.whole_block}
    # A table cell keeps its last paragraph: such a junk line is emptied instead of removed.
    emptied = {b for b in whole if _only_paragraph_of_cell(document, b)}
    removed = whole - emptied
    removed |= {b for b in _stranded_blanks(texts, removed) if not _only_paragraph_of_cell(document, b)}
    order = [i for i in range(len(texts)) if i not in removed] if removed else None
    new_index = {old: new for new, old in enumerate(order)} if order is not None else None
    edits: list[TextEdit] = []
    for b in sorted(emptied):
        target = new_index[b] if new_index is not None else b
        if texts[b]:
            edits.append(TextEdit(target, 0, len(texts[b]), ""))
    cuts: dict[int, list[tuple[int, int]]] = {}
    for item in items:
        if not item.whole_block and item.block not in whole:
            cuts.setdefault(item.block, []).append((item.cut_start, item.cut_end))
    for b, spans in sorted(cuts.items()):
        target = new_index[b] if new_index is not None else b
        for s, e in _merged(spans):
            edits.append(TextEdit(target, s, e, ""))
    return Change("清除模板广告", order, edits)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _only_paragraph_of_cell(document: Document, index: int) -> bool:
    cell = document.blocks[index].cell
    if cell is None:
        return False
    return sum(1 for b in document.blocks if b.cell == cell) == 1


def clean_all(document: Document, *, unchecked_too: bool = False) -> tuple[list[CleanItem], Change]:
    """Everything the dialog would list, and the Change removing what it ticks to begin with
    (everything with ``unchecked_too``): what the command line does."""
    items = clean_plan(document)
    chosen = items if unchecked_too else [i for i in items if i.checked]
    return items, clean_change(document, chosen)
