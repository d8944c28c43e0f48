"""A change to a document described as data, so that every operation (clean, move, renumber,
punctuation fix) can be reviewed first and applied as ONE undoable step by the window, or
applied to a Document by the command line.

A Change is two steps, in this order:
1. ``order``: the new block order as indices into the old blocks (a block left out is removed);
   None keeps the blocks as they are.
2. ``edits``: replacements of character spans inside blocks, with block indices counted AFTER
   the reorder. Spans of one block never overlap.

Edits work on runs, never on flattened text: kept characters keep their run (and so their
formatting); inserted text takes the formatting of the character it replaces, or of the
character before it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Sequence

from app.core.document import Block, Document, Run


@dataclass(frozen=True)
class TextEdit:
    """Replace ``text[start:end]`` of one block with ``text``."""

    block: int
    start: int
    end: int
    text: str

    def as_json(self) -> dict:
        return {"block": self.block, "start": self.start, "end": self.end, "text": self.text}


@dataclass
class Change:
    """One undoable step: reorder/remove blocks, then edit text inside blocks."""

    label: str
    order: list[int] | None = None
    edits: list[TextEdit] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.edits and self.order is None

    def removed(self, count: int) -> list[int]:
        """Old block indices the change removes, for a document of ``count`` blocks."""
        if self.order is None:
            return []
        kept = set(self.order)
        return [i for i in range(count) if i not in kept]


def edits_between(block: int, old: str, new: str) -> list[TextEdit]:
    """The smallest span edits turning ``old`` into ``new`` (so most runs stay untouched)."""
    if old == new:
        return []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [TextEdit(block, i1, i2, new[j1:j2])
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def edits_for_texts(old: Sequence[str], new: Sequence[str]) -> list[TextEdit]:
    """Edits turning each block text of ``old`` into the one of ``new`` (same length)."""
    edits: list[TextEdit] = []
    for i, (a, b) in enumerate(zip(old, new, strict=True)):
        edits.extend(edits_between(i, a, b))
    return edits


def apply_text(text: str, edits: Sequence[TextEdit]) -> str:
    """``text`` with ``edits`` (all on this block) applied."""
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.text + text[edit.end:]
    return text


def replace_in_runs(runs: Sequence[Run], start: int, end: int, text: str) -> list[Run]:
    """New runs with the characters ``start:end`` replaced by ``text``.

    Untouched characters stay in runs with their own formatting. The inserted text joins the run
    of the first replaced character, or, for a pure insertion, the run before the insertion point
    (a figure typed after "召开" is formatted like "召开").
    """
    total = sum(len(r.text) for r in runs)
    if not 0 <= start <= end <= total:
        raise ValueError(f"span {start}:{end} outside a block of {total} characters")
    if not runs:
        return [Run(text)] if text else []
    host = _host_run(runs, start, end)
    result: list[Run] = []
    pos = 0
    for i, run in enumerate(runs):
        r_start, r_end = pos, pos + len(run.text)
        pos = r_end
        keep_before = run.text[: max(0, min(start, r_end) - r_start)]
        keep_after = run.text[max(0, end - r_start):] if end < r_end else ""
        if i == host:
            new_text = keep_before + text + keep_after
        else:
            new_text = keep_before + keep_after
        if new_text:
            result.append(Run(new_text, run.format))
    return result


def _host_run(runs: Sequence[Run], start: int, end: int) -> int:
    """The run whose formatting inserted text takes."""
    pos = 0
    last_before = 0
    for i, run in enumerate(runs):
        r_start, r_end = pos, pos + len(run.text)
        pos = r_end
        if start < end and r_start <= start < r_end:
            return i
        if start == end and r_start < start <= r_end:
            return i
        if r_end <= start and run.text:
            last_before = i
    if start == 0:
        return next((i for i, r in enumerate(runs) if r.text), 0)
    return last_before


def apply_edits_to_block(block: Block, edits: Sequence[TextEdit]) -> None:
    """Apply edits (all on ``block``) to its runs, from the end so earlier offsets stay valid."""
    ordered = sorted(edits, key=lambda e: (e.start, e.end), reverse=True)
    for a, b in zip(ordered[1:], ordered):
        if a.end > b.start:
            raise ValueError(f"overlapping edits at {a.start}:{a.end} and {b.start}:{b.end}")
    runs = list(block.runs)
    for edit in ordered:
        runs = replace_in_runs(runs, edit.start, edit.end, edit.text)
    block.runs = runs


def apply_change(document: Document, change: Change) -> None:
    """Apply ``change`` to ``document`` in place. Blocks keep their identity (and ``source``), so
    the .docx writer keeps the XML of every paragraph the change does not touch."""
    if change.order is not None:
        count = len(document.blocks)
        if any(not 0 <= i < count for i in change.order) or len(set(change.order)) != len(change.order):
            raise ValueError("a block order must name each old block at most once")
        document.blocks = [document.blocks[i] for i in change.order]
    by_block: dict[int, list[TextEdit]] = {}
    for edit in change.edits:
        by_block.setdefault(edit.block, []).append(edit)
    for index, edits in by_block.items():
        apply_edits_to_block(document.blocks[index], edits)


def texts_after(texts: Sequence[str], change: Change) -> list[str]:
    """The block texts a change leads to, without touching any Document (for previews)."""
    result = [texts[i] for i in change.order] if change.order is not None else list(texts)
    by_block: dict[int, list[TextEdit]] = {}
    for edit in change.edits:
        by_block.setdefault(edit.block, []).append(edit)
    for index, edits in by_block.items():
        result[index] = apply_text(result[index], edits)
    return result
