"""The printed page of a document: paper size and margins, for printing and PDF export.

A .docx says it in its first section's w:pgSz and w:pgMar; anything else (plain text, a .docx
without them) gets the GB/T 9704 page: A4 with margins 37/35/28/26 mm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.document import Document

TWIPS_PER_MM = 1440 / 25.4
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOC_GRID = _W + "docGrid"


@dataclass(frozen=True)
class PageSetup:
    """All lengths in millimetres."""

    width: float = 210.0
    height: float = 297.0
    top: float = 37.0
    bottom: float = 35.0
    left: float = 28.0
    right: float = 26.0
    from_document: bool = False  # False: the GB/T 9704 default
    # Page numbers on paper: the GB/T 9704 "— 1 —" for a text document, and for a .docx
    # whose footer has a PAGE field (the editor does not show footers itself).
    page_numbers: bool = True
    # The document grid's line pitch in points (w:docGrid w:type="lines" w:linePitch): Word
    # snaps each line of single-spaced text to whole pitches (15.6 pt in most Chinese documents).
    line_pitch_pt: float | None = None


OFFICIAL = PageSetup()


def page_setup(document: Document) -> PageSetup:
    """The page of ``document``'s first section, or the GB/T 9704 page when it has none."""
    if document.origin != "docx" or document.source is None:
        return OFFICIAL
    try:
        section = document.source.sections[0]
        values = [section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                  section.left_margin, section.right_margin]
    except (AttributeError, IndexError, ValueError, TypeError):
        return OFFICIAL
    if values[0] is None or values[1] is None:
        return OFFICIAL
    mm = [v.mm if v is not None else None for v in values]
    width, height = mm[0], mm[1]
    if not (50 <= width <= 2000 and 50 <= height <= 2000):
        return OFFICIAL  # a broken pgSz: print on the official page rather than on a stamp
    margins = [m if m is not None and 0 <= m < min(width, height) / 2 else d
               for m, d in zip(mm[2:], (OFFICIAL.top, OFFICIAL.bottom, OFFICIAL.left, OFFICIAL.right))]
    return PageSetup(width, height, *margins, from_document=True, page_numbers=_numbers_pages(section),
                     line_pitch_pt=_line_pitch(section))


def _line_pitch(section) -> float | None:  # noqa: ANN001 - a python-docx Section
    """The grid's line pitch in points where the section's grid snaps lines, else None."""
    try:
        grid = section._sectPr.find(_DOC_GRID)
    except AttributeError:
        return None
    if grid is None or grid.get(_W + "type") not in ("lines", "linesAndChars", "snapToChars"):
        return None
    try:
        pitch = int(grid.get(_W + "linePitch") or 0) / 20
    except ValueError:
        return None
    return pitch if 4 <= pitch <= 200 else None


def _numbers_pages(section) -> bool:  # noqa: ANN001 - a python-docx Section
    """Whether the section's footers hold a PAGE field (simple or complex)."""
    for footer in (section.footer, section.even_page_footer, section.first_page_footer):
        try:
            if footer.is_linked_to_previous:
                continue
            xml = footer._element.xml
        except (AttributeError, ValueError):
            continue
        if re.search(r'w:instr="\s*PAGE\b|<w:instrText[^>]*>\s*PAGE\b', xml):
            return True
    return False


__all__ = ["OFFICIAL", "PageSetup", "page_setup"]
