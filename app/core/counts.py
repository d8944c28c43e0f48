"""Length the Chinese way: characters without whitespace (Word's 字符数（不计空格）), optionally
without punctuation, per section and in total, and progress towards a target (a 3,000-字 limit).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from itertools import accumulate
from typing import Sequence

from app.core import rules
from app.core.document import Document
from app.core.outline import Section


def _counted(ch: str, punctuation: bool) -> bool:
    if ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
        return False
    if not punctuation and unicodedata.category(ch)[0] in rules.COUNT_PUNCTUATION_CATEGORIES:
        return False
    return True


def count_chars(text: str, punctuation: bool = True) -> int:
    """Characters of ``text`` without whitespace (and without punctuation when asked)."""
    return sum(1 for ch in text if _counted(ch, punctuation))


def block_counts(texts: Sequence[str], punctuation: bool = True) -> list[int]:
    """The count of every block, for sums over any span (and cheap updates of changed blocks)."""
    return [count_chars(t, punctuation) for t in texts]


@dataclass(frozen=True)
class SectionCount:
    section: int  # index into the outline
    own: int  # the section's own text, up to its first subsection
    total: int  # with its subsections


def own_ends(sections: Sequence[Section], blocks: int) -> list[int]:
    """Where each section's own text ends: at its first subsection, else at its end."""
    ends = []
    for i, s in enumerate(sections):
        end = min(s.end, blocks)
        first_child = end
        for t in sections[i + 1:]:
            if t.block >= end:
                # Headings follow the title in block order: no later one is inside s (this
                # stop keeps a 3,000-section report linear instead of 5M contains() calls).
                break
            if s.contains(t.block) and t.level > s.level:
                first_child = t.block
                break
        ends.append(first_child)
    return ends


def section_counts(sections: Sequence[Section], counts: Sequence[int]) -> list[SectionCount]:
    """Each section's count (own text and with subsections) from the block counts."""
    prefix = [0, *accumulate(counts)]
    return [SectionCount(i, prefix[own_end] - prefix[s.block], prefix[min(s.end, len(counts))] - prefix[s.block])
            for i, (s, own_end) in enumerate(zip(sections, own_ends(sections, len(counts))))]


def total_count(document: Document, punctuation: bool = True, skip_blocks: set[int] | None = None) -> int:
    """The whole document's count (``skip_blocks``: e.g. junk lines a clean-up would remove)."""
    skip_blocks = skip_blocks or set()
    return sum(count_chars(t, punctuation) for i, t in enumerate(document.texts) if i not in skip_blocks)


@dataclass(frozen=True)
class Progress:
    count: int
    target: int

    @property
    def remaining(self) -> int:
        """Characters still to write (0 once the target is reached)."""
        return max(0, self.target - self.count)

    @property
    def over(self) -> int:
        """Characters beyond the target (0 while under it)."""
        return max(0, self.count - self.target)

    @property
    def ratio(self) -> float:
        """count / target, for a progress bar (may exceed 1.0)."""
        return self.count / self.target if self.target > 0 else 0.0

    @property
    def percent(self) -> int:
        return int(self.ratio * 100 + 0.5) if self.target > 0 else 0

    def label(self) -> str:
        """The status-bar text: "1,234 / 3,000 字（41%）", or how far over the limit."""
        text = f"{self.count:,} / {self.target:,} 字（{self.percent}%）"
        if self.over:
            text += f"，超出 {self.over:,} 字"
        return text


def progress(count: int, target: int) -> Progress:
    """Progress of ``count`` characters towards ``target``; a target must be positive."""
    if target <= 0:
        raise ValueError("a target length must be positive")
    if count < 0:
        raise ValueError("a count is never negative")
    return Progress(count, target)
