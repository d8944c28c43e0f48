"""The printed page of a document: paper size and margins, for printing and PDF export.

A .docx says it in its first section's w:pgSz and w:pgMar; anything else (plain text, a .docx
without them) gets the GB/T 9704 page: A4 with margins 37/35/28/26 mm.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.document import Document
from app.core.numbering import format_number
from app.io.looks import part_element
from app.io.ooxml import CUSTOM_XML, SDT, SDT_CONTENT, TBL, TC, TR, WP, P

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
    # What Word prints after the text, on a page of its own: the endnotes, each as its number
    # (i, ii, … as Word numbers them by default) and its paragraphs. The editor does not show them.
    endnotes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # Newspaper columns on paper (w:cols) where every section has the same number of equal ones;
    # the gap between two in millimetres. The editor shows one column.
    columns: int = 1
    column_gap_mm: float = 12.7


OFFICIAL = PageSetup()
UNSTATED_MARGIN_MM = 25.4


def page_setup(document: Document, paper: bool = False) -> PageSetup:
    """The page of ``document``'s first section, or the GB/T 9704 page when it has none;
    ``paper``: with what only paper shows (the endnotes), for printing and PDF export."""
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
    # A margin the file does not give is Word's and LibreOffice's default, an inch.
    margins = [m if m is not None and 0 <= m < min(width, height) / 2 else UNSTATED_MARGIN_MM for m in mm[2:]]
    if paper:
        # Word starts the text below a header that reaches past the top margin (and ends it
        # above such a footer): the margins the page then has.
        sizes = _style_sizes(document.source)
        margins[0] = max(margins[0], _reach_mm(section.header, section.header_distance, sizes))
        margins[1] = max(margins[1], _reach_mm(section.footer, section.footer_distance, sizes))
    return PageSetup(width, height, *margins, from_document=True, page_numbers=_numbers_pages(section),
                     line_pitch_pt=_line_pitch(section),
                     endnotes=endnotes_of(document.source) if paper else (),
                     **(_columns(document.source.sections) if paper else {}))


_COLS = _W + "cols"


def _columns(sections) -> dict[str, float]:  # noqa: ANN001 - python-docx Sections
    """The columns every section shares, as PageSetup fields (none where they differ, are of
    unequal widths or are one)."""
    found = set()
    try:
        for section in sections:
            cols = section._sectPr.find(_COLS)
            if cols is None:
                found.add((1, 720))
                continue
            if cols.get(_W + "equalWidth") in ("0", "false"):
                return {}
            found.add((int(cols.get(_W + "num") or 1), int(cols.get(_W + "space") or 720)))
    except (AttributeError, ValueError):
        return {}
    if len(found) != 1:
        return {}
    [(number, space)] = found
    if not 2 <= number <= 6:
        return {}
    return {"columns": number, "column_gap_mm": max(space, 0) / TWIPS_PER_MM}


_NOT_NOTES = ("separator", "continuationSeparator", "continuationNotice")


def endnotes_of(package) -> tuple[tuple[str, tuple[str, ...]], ...]:  # noqa: ANN001 - a python-docx Document
    """The endnotes of a .docx package in order: (number, paragraph texts) each."""
    root = part_element(package, "endnotes")
    if root is None:
        return ()
    notes = []
    for note in root.iter(_W + "endnote"):
        if note.get(_W + "type") in _NOT_NOTES:
            continue
        paragraphs = tuple("".join(t.text or "" for t in p.iter(_W + "t")) for p in note.iter(_W + "p"))
        notes.append((format_number(len(notes) + 1, "lowerRoman"), paragraphs or ("",)))
    return tuple(notes)



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


# Word's distance from the paper's edge to a header or footer where the file gives none (720 twips).
_HEADER_DISTANCE_MM = 12.7
_LINE = 1.2  # a line of text about 1.2 times its font size (header text is mostly Latin or 宋体)


def _reach_mm(part, distance, sizes: dict[str | None, float]) -> float:  # noqa: ANN001 - python-docx objects
    """How far from the paper's edge a header or footer reaches (its distance from the edge and
    its height), 0 where the section has none of its own."""
    try:
        if part.is_linked_to_previous:
            return 0.0
        element = part._element
    except (AttributeError, ValueError):
        return 0.0
    start = distance.mm if distance is not None else _HEADER_DISTANCE_MM
    return start + _height_pt(element, sizes) * 25.4 / 72


def _height_pt(container, sizes: dict[str | None, float]) -> float:  # noqa: ANN001 - an lxml element
    """The height of a header's or footer's content, estimated: its paragraphs one after the other
    (a table row as tall as its tallest cell)."""
    height = 0.0
    for child in container:
        if child.tag == P:
            height += _paragraph_pt(child, sizes)
        elif child.tag == TBL:
            for row in child.iter(TR):
                height += max((_height_pt(cell, sizes) for cell in row.iter(TC)), default=0.0)
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            height += _height_pt(child, sizes)
    return height


def _paragraph_pt(p, sizes: dict[str | None, float]) -> float:  # noqa: ANN001 - a w:p element
    """One line of the paragraph's largest text, or its tallest picture in the line, and its
    spacing; nothing for a framed paragraph (w:framePr: a page number set in a frame), which
    stands beside the text rather than above it."""
    ppr = p.find(_W + "pPr")
    if ppr is not None and ppr.find(_W + "framePr") is not None:
        return 0.0
    style = ppr.find(_W + "pStyle") if ppr is not None else None
    own_pt = sizes.get(style.get(_W + "val") if style is not None else None, sizes[None])
    text_sizes = [int(sz.get(_W + "val")) / 2 for sz in p.iter(_W + "sz") if sz.get(_W + "val", "").isdigit()]
    pictures = [int(extent.get("cy", "0")) / 12700 for inline in p.iter(WP + "inline")
                for extent in inline.findall(WP + "extent") if extent.get("cy", "").isdigit()]
    spacing = ppr.find(_W + "spacing") if ppr is not None else None
    room = 0.0
    if spacing is not None:
        room = sum(int(spacing.get(_W + side)) / 20 for side in ("before", "after")
                   if (spacing.get(_W + side) or "").isdigit())
    return max(max(text_sizes, default=own_pt) * _LINE, max(pictures, default=0.0)) + room


def _style_sizes(package) -> dict[str | None, float]:  # noqa: ANN001 - a python-docx Document
    """The text size each paragraph style sets itself (by style id), and under None the
    document's default (Word's 10 pt where it gives none)."""
    sizes: dict[str | None, float] = {None: 10.0}
    try:
        styles = package.styles.element
    except AttributeError:
        return sizes
    default = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
    if default is not None and default.get(_W + "val", "").isdigit() and int(default.get(_W + "val")) > 0:
        sizes[None] = int(default.get(_W + "val")) / 2
    for style in styles.iterfind(_W + "style"):
        size = style.find(f"{_W}rPr/{_W}sz")
        value = size.get(_W + "val", "") if size is not None else ""
        if value.isdigit() and int(value) > 0:
            sizes[style.get(_W + "styleId")] = int(value) / 2
    return sizes


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


def page_starts(document: Document) -> set[int]:
    """Indices of the body blocks Word starts a new page with: after a page break (w:br
    w:type="page"; one standing before any text of its paragraph breaks before that paragraph),
    and after a section break that starts a new page (a w:sectPr in the paragraph's w:pPr, where
    the next section's type is not "continuous"). Display only: where the window and its PDF break pages."""
    if document.origin != "docx" or document.source is None:
        return set()
    try:
        body = document.source.element.body
    except AttributeError:
        return set()
    paragraphs: list = []  # (w:p, break before it?) for each break found
    for br in body.iter(_W + "br"):
        if br.get(_W + "type") == "page":
            p = _paragraph_of(br)
            if p is not None:
                paragraphs.append((p, not _text_before(p, br)))
    # A section's w:type says how the section starts: the break after the paragraph that ends a
    # section is the next section's (the body's own w:sectPr is the last section's).
    sections = list(body.iter(_W + "sectPr"))
    for sect, following in zip(sections, sections[1:]):
        ppr = sect.getparent()
        if ppr is not None and ppr.tag == _W + "pPr":
            kind = following.find(_W + "type")
            if kind is None or kind.get(_W + "val") != "continuous":
                paragraphs.append((ppr.getparent(), False))
    if not paragraphs:
        return set()
    index = {id(b.source): i for i, b in enumerate(document.blocks) if b.source is not None}
    starts: set[int] = set()
    for p, before in paragraphs:
        i = index.get(id(p))
        if i is None:
            continue
        if before:
            starts.add(i)
        else:
            # The next body paragraph starts the page (a table cell's paragraph stands for its table).
            following = next((k for k in range(i + 1, len(document.blocks))
                              if document.blocks[k].cell is None or document.blocks[k].cell != document.blocks[i].cell), None)
            if following is not None:
                starts.add(following)
    return {i for i in starts if document.blocks[i].cell is None}


def _paragraph_of(element):  # noqa: ANN001, ANN202 - lxml elements
    while element is not None and element.tag != _W + "p":
        element = element.getparent()
    return element


def _text_before(p, br) -> bool:  # noqa: ANN001 - lxml elements
    for element in p.iter():
        if element is br:
            return False
        if element.tag == _W + "t" and element.text:
            return True
    return False


__all__ = ["OFFICIAL", "PageSetup", "endnotes_of", "page_setup", "page_starts"]
