"""Read a .docx into the document model: paragraphs in reading order, each table's cell paragraphs
row by row and cell by cell in place of the table (a merged cell once), with the run and
paragraph formatting an editor shows. Every block keeps its w:p element as ``source`` so the
writer can leave untouched blocks exactly as they were.
"""
from __future__ import annotations

import io
import weakref
import zipfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

from app.core import rules
from app.core.document import Block, CellRef, Document, FloatPlace, ImageRef, ParagraphFormat, Run, RunFormat
from app.core.outline import is_contents_style
from app.io.errors import DocumentError
from app.io.limits import check_no_dtd, check_zip_budget
from app.io.ooxml import (ALTERNATE_CONTENT, BLIP, CHART, CHOICE, CUSTOM_XML, DRAWING, DRAWINGML, FALLBACK, IMAGEDATA, OBJECT,
                          PICT, REL, RUN_CONTAINERS, SDT, SDT_CONTENT, TBL, TC, TR, W10, WP, P, R, T, W)
from app.io.looks import DocumentLooks, ParagraphLooks

_EMU_PER_PT = 12700
# Marks the detail of a refusal that came from an unexpected exception rather than a check
# (the fuzzer counts these apart: each is a reader bug turned into a safe refusal).
UNEXPECTED = "unexpected "
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"


def _attr(el: Any, name: str) -> str | None:
    return el.get(W + name) if el is not None else None


def _on(el: Any) -> bool | None:
    """A w:b-style toggle: present means on unless w:val says otherwise."""
    if el is None:
        return None
    val = el.get(W + "val")
    return val not in ("0", "false", "off", "none")


def run_format(rpr: Any) -> RunFormat:
    if rpr is None:
        return RunFormat()
    fonts = rpr.find(W + "rFonts")
    size = _attr(rpr.find(W + "sz"), "val")
    color = _attr(rpr.find(W + "color"), "val")
    underline = rpr.find(W + "u")
    return RunFormat(
        bold=_on(rpr.find(W + "b")),
        italic=_on(rpr.find(W + "i")),
        underline=None if underline is None else _attr(underline, "val") not in ("none", "0"),
        strike=_on(rpr.find(W + "strike")),
        font=_attr(fonts, "ascii") or _attr(fonts, "hAnsi"),
        font_east_asia=_attr(fonts, "eastAsia"),
        size_pt=_half_points(size),
        color=color if color and color != "auto" else None,
        highlight=_attr(rpr.find(W + "highlight"), "val"),
    )


def _half_points(value: str | None) -> float | None:
    try:
        return int(value) / 2 if value else None
    except ValueError:
        return None


def _twips_pt(value: str | None) -> float | None:
    try:
        return int(value) / 20 if value else None
    except ValueError:
        return None


_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "justify"}


def paragraph_format(ppr: Any) -> ParagraphFormat:
    if ppr is None:
        return ParagraphFormat()
    ind = ppr.find(W + "ind")
    spacing = ppr.find(W + "spacing")
    first_chars = _attr(ind, "firstLineChars")
    line = _attr(spacing, "line")
    rule = _attr(spacing, "lineRule") or ("auto" if line else None)
    line_value: float | None = None
    if line:
        try:
            line_value = int(line) / 240 if rule == "auto" else int(line) / 20
        except ValueError:
            line_value = None
    return ParagraphFormat(
        alignment=_JC.get(_attr(ppr.find(W + "jc"), "val") or ""),
        first_line_chars=int(first_chars) / 100 if first_chars and first_chars.lstrip("-").isdigit() else None,
        first_line_indent_pt=_twips_pt(_attr(ind, "firstLine")),
        left_indent_pt=_twips_pt(_attr(ind, "left") or _attr(ind, "start")),
        right_indent_pt=_twips_pt(_attr(ind, "right") or _attr(ind, "end")),
        line_spacing=line_value,
        line_rule=rule,
        space_before_pt=_twips_pt(_attr(spacing, "before")),
        space_after_pt=_twips_pt(_attr(spacing, "after")),
    )


def run_text(r: Any) -> str:
    parts = []
    for child in r:
        tag = child.tag
        if tag == T:
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            if child.get(W + "type") not in ("page", "column"):
                parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    return "".join(parts)


def runs_of(p: Any) -> Iterator[Any]:
    """The w:r elements whose text shows in paragraph ``p``, in order (not those of text boxes,
    deletions or nested paragraphs)."""
    for child in p:
        tag = child.tag
        if tag == R:
            yield child
        elif tag in RUN_CONTAINERS:
            yield from runs_of(child)


def paragraph_runs(p: Any) -> list[Run]:
    runs = []
    for r in runs_of(p):
        text = run_text(r)
        if text:
            runs.append(Run(text, _cached_run_format(r.find(W + "rPr"))))
    return runs


def paragraph_runs_and_images(p: Any, looks: ParagraphLooks | None = None) -> tuple[list[Run], tuple[ImageRef, ...]]:
    """The runs of ``p`` (as ``paragraph_runs``) and the pictures between them; with ``looks``
    each run also gets its resolved look."""
    runs = []
    images: list[ImageRef] = []
    offset = 0
    for r in runs_of(p):
        text = run_text(r)
        for child in r:
            if child.tag in (DRAWING, PICT, OBJECT, ALTERNATE_CONTENT):
                # Each picture knows the run child it came from (the writer removes that child
                # when the user deleted the picture).
                found = images_in(child, offset + _text_before(r, child))
                images += [replace(image, source=child) for image in found]
        if not text:
            continue
        rpr = r.find(W + "rPr")
        if looks is None:
            runs.append(Run(text, _cached_run_format(rpr)))
        elif rpr is None:
            runs.append(Run(text, _NO_RUN_FORMAT, looks.run(None, None, text)))
        else:
            key = _xml_key(rpr)
            runs.append(Run(text, _run_format_of_xml(key), looks.run(key, rpr, text)))
        offset += len(text)
    return runs, tuple(images)


def _text_before(r: Any, child: Any) -> int:
    """How much of run ``r``'s text comes before its child ``child`` (nearly always none)."""
    children = list(r)
    return len(run_text(children[:children.index(child)]))


def images_in(el: Any, offset: int) -> list[ImageRef]:
    """The pictures a w:drawing, w:pict, w:object or mc:AlternateContent shows."""
    if el.tag == ALTERNATE_CONTENT:
        for branch in el:
            if branch.tag in (CHOICE, FALLBACK):
                for child in branch:
                    if child.tag in (DRAWING, PICT, OBJECT):
                        images = images_in(child, offset)
                        if images:
                            return images
        return []
    if el.tag == DRAWING:
        return _drawing_images(el, offset)
    data = next(el.iter(IMAGEDATA), None)
    key = data.get(REL + "id") if data is not None else None
    if not key:
        return []
    shape = data.getparent()
    style = dict(_style_pairs(shape.get("style") or "")) if shape is not None else {}
    return [ImageRef(offset, key, _length_emu(style.get("width")), _length_emu(style.get("height")),
                     place=_shape_place(shape, style))]


# Wrapping that makes the text give way to a floating object (it then takes room, as in the line).
_WRAPS_AROUND = ("square", "tight", "through", "topandbottom")


def _shape_place(shape: Any, style: dict[str, str]) -> FloatPlace | None:
    """Where an absolutely placed VML shape stands, or None where it takes room in the text."""
    if style.get("position") != "absolute":
        return None
    wrap = next((c for c in shape if c.tag == W10 + "wrap"), None) if shape is not None else None
    if wrap is not None and (wrap.get("type") or "").lower() in _WRAPS_AROUND:
        return None
    x_from = {"text": "column", "char": "character"}.get(style.get("mso-position-horizontal-relative", ""), None)
    y_from = {"text": "paragraph"}.get(style.get("mso-position-vertical-relative", ""), None)
    return FloatPlace(
        _signed_emu(style.get("margin-left") or style.get("left")), _signed_emu(style.get("margin-top") or style.get("top")),
        x_from or style.get("mso-position-horizontal-relative") or "column",
        y_from or style.get("mso-position-vertical-relative") or "paragraph",
        _known_align(style.get("mso-position-horizontal")), _known_align(style.get("mso-position-vertical")))


def _anchor_place(frame: Any) -> FloatPlace | None:
    """Where a DrawingML floating object stands, or None where the text wraps round it (then it
    takes room in the flow, as a picture in the line does)."""
    if frame is None or frame.tag != WP + "anchor" or frame.find(WP + "wrapNone") is None:
        return None
    x = frame.find(WP + "positionH")
    y = frame.find(WP + "positionV")
    if frame.get("simplePos") in ("1", "true"):
        simple = frame.find(WP + "simplePos")
        return FloatPlace(_signed(simple, "x"), _signed(simple, "y"), "page", "page")
    return FloatPlace(
        _signed_text(x, WP + "posOffset"), _signed_text(y, WP + "posOffset"),
        x.get("relativeFrom", "column") if x is not None else "column",
        y.get("relativeFrom", "paragraph") if y is not None else "paragraph",
        _known_align(x.findtext(WP + "align") if x is not None else None),
        _known_align(y.findtext(WP + "align") if y is not None else None))


def _known_align(value: str | None) -> str | None:
    value = (value or "").strip().lower()
    return {"inside": "left", "outside": "right", "absolute": None}.get(value, value) or None


def _signed(el: Any, name: str) -> int:
    try:
        return int(el.get(name)) if el is not None else 0
    except (TypeError, ValueError):
        return 0


def _signed_text(parent: Any, tag: str) -> int:
    try:
        return int((parent.findtext(tag) or "0").strip()) if parent is not None else 0
    except ValueError:
        return 0


def _signed_emu(value: str | None) -> int:
    """A VML offset ("-12.5pt") in EMU, 0 when it is missing or not understood."""
    negative = bool(value) and value.startswith("-")
    size = _length_emu(value[1:] if negative else value)
    return -size if negative else size


def _drawing_images(drawing: Any, offset: int) -> list[ImageRef]:
    frame = next((c for c in drawing if c.tag in (WP + "inline", WP + "anchor")), None)
    extent = frame.find(WP + "extent") if frame is not None else None
    width, height = _int(extent, "cx"), _int(extent, "cy")
    place = _anchor_place(frame)
    blips = [b for b in drawing.iter(BLIP) if b.get(REL + "embed")]
    if not blips:
        # A chart in the line: shown as a box of its size (its part is no picture Qt can read),
        # so the page keeps the room Word gives it; the drawing itself is saved as it was. A
        # floating one takes no room in the text's flow and is left out, as before.
        chart = next(drawing.iter(CHART), None) if frame is not None and frame.tag == WP + "inline" else None
        key = chart.get(REL + "id") if chart is not None else None
        return [ImageRef(offset, key, width, height)] if key else []
    if len(blips) <= 1:
        return [ImageRef(offset, b.get(REL + "embed"), width, height, place=place) for b in blips]
    # A group of pictures: each at its own size in the group, scaled as the group is (and, when
    # the group floats, at its own place in it).
    group = next(drawing.iter(DRAWINGML + "chExt"), None)
    start = next(drawing.iter(DRAWINGML + "chOff"), None)
    scale_x = width / _int(group, "cx") if group is not None and _int(group, "cx") else 1.0
    scale_y = height / _int(group, "cy") if group is not None and _int(group, "cy") else 1.0
    images = []
    for blip in blips:
        holder = blip.getparent().getparent() if blip.getparent() is not None else None
        xfrm = next(holder.iter(DRAWINGML + "xfrm"), None) if holder is not None else None
        ext = xfrm.find(DRAWINGML + "ext") if xfrm is not None else None
        own = place
        if place is not None and xfrm is not None and place.x_align is None and place.y_align is None:
            off = xfrm.find(DRAWINGML + "off")
            own = replace(place, x_emu=place.x_emu + int((_signed(off, "x") - _signed(start, "x")) * scale_x),
                          y_emu=place.y_emu + int((_signed(off, "y") - _signed(start, "y")) * scale_y))
        images.append(ImageRef(offset, blip.get(REL + "embed"),
                               int(_int(ext, "cx") * scale_x), int(_int(ext, "cy") * scale_y), place=own))
    return images


def _int(el: Any, name: str) -> int:
    return max(0, _signed(el, name))


def _style_pairs(style: str) -> Iterator[tuple[str, str]]:
    for item in style.split(";"):
        name, _, value = item.partition(":")
        yield name.strip().lower(), value.strip().lower()


_UNIT_EMU = {"pt": _EMU_PER_PT, "in": 914400, "cm": 360000, "mm": 36000, "px": 9525}


def _length_emu(value: str | None) -> int:
    """A VML length ("72pt", "2.5in") in EMU, 0 when it is missing or not understood."""
    if not value:
        return 0
    unit = value[-2:] if value[-2:] in _UNIT_EMU else "px"
    number = value[:-2] if value[-2:] in _UNIT_EMU else value
    try:
        return max(0, int(float(number) * _UNIT_EMU[unit]))
    except ValueError:
        return 0


# Long documents repeat a handful of run and paragraph properties thousands of times: their
# formats are read once per distinct XML (RunFormat and ParagraphFormat are immutable).
_FORMAT_CACHE_SIZE = 4096


@lru_cache(maxsize=_FORMAT_CACHE_SIZE)
def _run_format_of_xml(xml: bytes) -> RunFormat:
    from lxml import etree

    return run_format(etree.fromstring(xml))


@lru_cache(maxsize=_FORMAT_CACHE_SIZE)
def _paragraph_format_of_xml(xml: bytes) -> ParagraphFormat:
    from lxml import etree

    return paragraph_format(etree.fromstring(xml))


def _xml_key(element: Any) -> bytes:
    global _tostring
    if _tostring is None:
        # Bound once: an import statement run per paragraph goes through PySide's import hook
        # in the window (~2 us each).
        from lxml.etree import tostring as _tostring
    # UTF-8, not the default ASCII: ASCII output turns non-ASCII element names into character
    # references, which do not parse back; and no tail, text after the element is not part of it.
    return _tostring(element, encoding="utf-8", with_tail=False)


_tostring = None


def _cached_run_format(rpr: Any) -> RunFormat:
    return _NO_RUN_FORMAT if rpr is None else _run_format_of_xml(_xml_key(rpr))


def _cached_paragraph_format(ppr: Any) -> ParagraphFormat:
    return _NO_PARAGRAPH_FORMAT if ppr is None else _paragraph_format_of_xml(_xml_key(ppr))


_NO_RUN_FORMAT = RunFormat()
_NO_PARAGRAPH_FORMAT = ParagraphFormat()


class _Styles:
    """Paragraph styles by id: display name, heading level (from w:outlineLvl or the built-in
    heading names, following w:basedOn) and whether it is the title style."""

    def __init__(self, styles_element: Any) -> None:
        self._raw: dict[str, tuple[str, int | None, str | None]] = {}
        if styles_element is not None:
            for style in styles_element.iterfind(W + "style"):
                if style.get(W + "type") not in (None, "paragraph"):
                    continue
                sid = style.get(W + "styleId") or ""
                name = _attr(style.find(W + "name"), "val") or sid
                ppr = style.find(W + "pPr")
                lvl = _attr(ppr.find(W + "outlineLvl") if ppr is not None else None, "val")
                based = _attr(style.find(W + "basedOn"), "val")
                self._raw[sid] = (name, int(lvl) if lvl and lvl.isdigit() else None, based)
        self._cache: dict[str, tuple[str, int | None, bool]] = {}

    def info(self, sid: str | None) -> tuple[str | None, int | None, bool]:
        if not sid:
            return None, None, False
        if sid not in self._cache:
            self._cache[sid] = self._resolve(sid)
        return self._cache[sid]

    def _resolve(self, sid: str) -> tuple[str, int | None, bool]:
        name = self._raw.get(sid, (sid, None, None))[0]
        level = _heading_level_from_name(name) or _heading_level_from_name(sid)
        is_title = name.lower() in ("title", "标题") or sid.lower() == "title"
        seen = set()
        current: str | None = sid
        while level is None and current and current not in seen:
            seen.add(current)
            raw = self._raw.get(current)
            if raw is None:
                break
            _, lvl, based = raw
            if lvl is not None:
                level = lvl + 1 if lvl < 9 else None
                break
            current = based
        return name, level, is_title


def _heading_level_from_name(name: str) -> int | None:
    low = name.lower().replace(" ", "")
    for prefix in ("heading", "标题"):
        if low.startswith(prefix) and low[len(prefix):].isdigit():
            n = int(low[len(prefix):])
            return n if 1 <= n <= 9 else None
    return None


def paragraph_elements_with_cells(body: Any, on_table: Any = None) -> Iterator[tuple[Any, CellRef | None]]:
    """The w:p elements that are blocks, in reading order, with the table cell each sits in:
    body paragraphs, and each table's cell paragraphs row by row (a merged cell once).
    ``on_table(index, tbl, rows)``, when given, is told of each table as it is reached, with its
    rows of (grid column, columns spanned, rows spanned, w:tc) for the cells shown."""
    table_counter = [0]

    def table(tbl: Any) -> Iterator[tuple[Any, CellRef | None]]:
        index = table_counter[0]
        table_counter[0] += 1
        shown = _shown_cells([list(_grid_cells(tr)) for tr in tbl.iterfind(TR)])
        if on_table is not None:
            on_table(index, tbl, shown)
        for row_no, row in enumerate(shown):
            for col, span, row_span, tc in row:
                yield from content(tc, CellRef(index, row_no, col, row_span, span))

    def content(parent: Any, cell: CellRef | None) -> Iterator[tuple[Any, CellRef | None]]:
        for child in parent:
            tag = child.tag
            if tag == P:
                yield child, cell
            elif tag == TBL:
                yield from table(child)
            elif tag in (SDT, SDT_CONTENT, CUSTOM_XML):
                yield from content(child, cell)

    return content(body, None)


def _shown_cells(rows: list[list[tuple[int, int, str | None, Any]]]) -> list[list[tuple[int, int, int, Any]]]:
    """Each row's cells as (grid column, columns spanned, rows spanned, w:tc): a vertically
    merged cell shows once, in its first row; its continuation cells are left out."""
    shown = []
    for row_no, row in enumerate(rows):
        out = []
        for col, span, vmerge, tc in row:
            if vmerge == "continue":
                continue
            row_span = 1
            if vmerge == "restart":
                for below in rows[row_no + 1:]:
                    if not any(c == col and v == "continue" for c, _, v, _ in below):
                        break
                    row_span += 1
            out.append((col, span, row_span, tc))
        shown.append(out)
    return shown


def paragraph_elements(body: Any) -> Iterator[Any]:
    """The w:p elements that are blocks, in reading order (what ``blocks_of_body`` reads)."""
    for p, _ in paragraph_elements_with_cells(body):
        yield p


def block_of(p: Any, cell: CellRef | None, styles: _Styles, in_toc: bool = False,
             looks: DocumentLooks | None = None) -> Block:
    """The block of w:p ``p``; with ``looks`` also its resolved look, its runs' looks and the
    list it is numbered by (its label is worked out over the whole document: ``label_blocks``)."""
    ppr = p.find(W + "pPr")
    sid = _attr(ppr.find(W + "pStyle"), "val") if ppr is not None else None
    name, level, is_title = styles.info(sid)
    own_level = _attr(ppr.find(W + "outlineLvl"), "val") if ppr is not None else None
    if own_level is not None and own_level.isdigit():
        level = int(own_level) + 1 if int(own_level) < 9 else None
    toc = in_toc or is_contents_style(name)
    if looks is None:
        runs, images = paragraph_runs_and_images(p)
        return Block(runs, name, level, is_title, _cached_paragraph_format(ppr), cell, p, images, toc)
    ppr_key = _xml_key(ppr) if ppr is not None else None
    fmt = _NO_PARAGRAPH_FORMAT if ppr is None else _paragraph_format_of_xml(ppr_key)
    paragraph = looks.paragraph(p, sid, ppr, ppr_key, cell is not None)
    runs, images = paragraph_runs_and_images(p, paragraph)
    block = Block(runs, name, level, is_title, fmt, cell, p, images, toc)
    block.look = paragraph.look
    block.list_ref = paragraph.list_ref
    block.label_look = paragraph.label_look
    return block


def blocks_of_body(body: Any, styles: _Styles, looks: DocumentLooks | None = None) -> list[Block]:
    contents = contents_paragraphs(body)
    if looks is None:
        return [block_of(p, cell, styles, p in contents) for p, cell in paragraph_elements_with_cells(body)]
    elements = paragraph_elements_with_cells(body, looks.add_table)
    blocks = [block_of(p, cell, styles, p in contents, looks) for p, cell in elements]
    looks.label_blocks(blocks)
    return blocks


def _paragraph_of(el: Any) -> Any | None:
    while el is not None and el.tag != P:
        el = el.getparent()
    return el


def contents_paragraphs(body: Any) -> set[Any]:
    """The w:p elements of the body's tables of contents: those in a content control of Word's
    contents gallery, and those from where a TOC field begins to where it ends (Word writes a
    contents list as either; a list of figures is a TOC field too)."""
    found: set[Any] = set()
    # lxml skips a tag search at once when the file never names the tag: free for most files.
    for gallery in body.iter(W + "docPartGallery"):
        if (gallery.get(W + "val") or "").strip().lower() not in rules.TOC_CONTROL_GALLERIES:
            continue
        sdt = gallery.getparent()
        while sdt is not None and sdt.tag != SDT:
            sdt = sdt.getparent()
        content = sdt.find(SDT_CONTENT) if sdt is not None else None
        if content is not None:
            found.update(content.iter(P))
    ranges = []
    fields: list[list[Any]] = []  # open fields, outermost first: [begin's w:p, field code so far]
    for el in body.iter(W + "fldChar", W + "instrText"):
        if el.tag == W + "instrText":
            if fields:
                fields[-1][1] += el.text or ""
            continue
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            fields.append([_paragraph_of(el), ""])
        elif kind == "end" and fields:
            first, code = fields.pop()
            last = _paragraph_of(el)
            words = code.split()
            if first is not None and last is not None and words and words[0].upper() in rules.TOC_FIELD_CODES:
                ranges.append((first, last))
    if ranges:
        paragraphs = list(paragraph_elements(body))
        index = {id(p): i for i, p in enumerate(paragraphs)}
        for first, last in ranges:
            start, end = index.get(id(first)), index.get(id(last))
            if start is not None and end is not None:
                found.update(paragraphs[start:end + 1])
    return found


def styles_of(package: Any) -> _Styles:
    """The paragraph styles of a python-docx package (none when its styles part is broken)."""
    try:
        styles_el = package.styles.element
    except Exception:  # noqa: BLE001 - a missing or broken styles part just means no heading styles
        styles_el = None
    return _Styles(styles_el)


def _grid_cells(tr: Any) -> Iterator[tuple[int, int, str | None, Any]]:
    """(grid column, columns spanned, "restart" | "continue" | None, w:tc) for a row's cells."""
    col = 0
    trpr = tr.find(W + "trPr")
    before = _attr(trpr.find(W + "gridBefore"), "val") if trpr is not None else None
    if before and before.isdigit():
        col = int(before)  # the row starts right of some empty grid columns
    for tc in _cells(tr):
        tcpr = tc.find(W + "tcPr")
        vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
        span = _attr(tcpr.find(W + "gridSpan"), "val") if tcpr is not None else None
        width = max(1, int(span)) if span and span.isdigit() else 1
        state = None if vmerge is None else ("restart" if _attr(vmerge, "val") == "restart" else "continue")
        yield col, width, state, tc
        col += width


def _cells(tr: Any) -> Iterator[Any]:
    for child in tr:
        if child.tag == TC:
            yield child
        elif child.tag in (SDT, SDT_CONTENT, CUSTOM_XML):
            yield from _cells(child)


# The stream an encrypted .docx keeps its package in, inside an OLE container (MS-OFFCRYPTO); a
# legacy .doc or .wps has a WordDocument stream instead. Stream names are UTF-16 in the directory.
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# How much of a large file's start and end is searched for it (the directory sits at either).
_OLE_SEARCH_BYTES = 1 << 20


def is_encrypted_package(path: Path) -> bool:
    """Whether the OLE file at ``path`` is a password-protected Office document (not a legacy .doc)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            if size <= 2 * _OLE_SEARCH_BYTES:
                return _ENCRYPTED_STREAM in fh.read()
            head = fh.read(_OLE_SEARCH_BYTES)
            fh.seek(size - _OLE_SEARCH_BYTES)
            return _ENCRYPTED_STREAM in head or _ENCRYPTED_STREAM in fh.read()
    except OSError:
        return False


def check_package(path: Path) -> None:
    """Refuse what python-docx would choke on, with a message saying what the file is."""
    if not path.exists():
        raise DocumentError(f"找不到文件：{path}")
    if path.is_dir():
        raise DocumentError(f"这是一个文件夹，不是文档：{path}")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path}", str(exc)) from None
    if not head:
        raise DocumentError("文件是空的（0 字节），没有可打开的内容。")
    if head.startswith(_OLE_MAGIC):
        if is_encrypted_package(path):
            raise DocumentError(
                "这是设置了密码的加密文档，无法直接打开。"
                "请在 Word 或 WPS 中打开它，去掉密码后“另存为” .docx 格式，再用填报打开。"
            )
        raise DocumentError(
            "这是旧版 Word/WPS 二进制格式（.doc/.wps），无法直接打开。"
            "请在 Word 或 WPS 中打开它，“另存为” .docx 格式，再用填报打开。"
        )
    try:
        with zipfile.ZipFile(path) as zf:
            check_zip_budget(zf)
            names = set(zf.namelist())
            if "[Content_Types].xml" not in names:
                raise DocumentError("文件已损坏：缺少内容类型清单，不是有效的 Word 文档。")
            main = main_part_name(zf)
            if main is None or main not in names:
                raise DocumentError("文件已损坏：找不到文档正文部分，不是有效的 Word 文档。")
            with zf.open(main) as fh:
                if _STRICT_NS in fh.read(4096):
                    raise DocumentError(
                        "这是“严格 Open XML”格式的文档，暂不支持。请在 Word 中另存为普通的“Word 文档 (*.docx)”后再打开。"
                    )
            check_no_dtd(zf)
    except zipfile.BadZipFile:
        raise DocumentError("这不是有效的 Word 文档（.docx），文件可能已损坏或被截断。") from None
    except DocumentError:
        raise
    except Exception as exc:  # noqa: BLE001 - zlib, struct and codec errors from damaged members too
        raise DocumentError("文件已损坏，无法读取。", f"{type(exc).__name__}: {exc}") from None


def main_part_name(zf: zipfile.ZipFile) -> str | None:
    import re

    try:
        rels = zf.read("_rels/.rels").decode("utf-8", "replace")
    except KeyError:
        return None
    for m in re.finditer(r"<Relationship\b[^>]*>", rels):
        tag = m.group()
        if "/officeDocument\"" in tag:
            target = re.search(r'Target="([^"]+)"', tag)
            if target:
                return target.group(1).lstrip("/")
    return None


def read_docx(path: Path) -> Document:
    check_package(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path}", str(exc)) from None
    return read_docx_bytes(data)


def read_docx_bytes(data: bytes) -> Document:
    """The Document of a .docx package held in memory (one check_package passed, or one this
    program wrote)."""
    import docx  # deferred: python-docx and lxml cost start-up time the text paths never need
    from docx.opc.exceptions import PackageNotFoundError

    try:
        package = docx.Document(io.BytesIO(data))
    except DocumentError:
        raise
    except PackageNotFoundError:
        raise DocumentError("这不是有效的 Word 文档（.docx）。") from None
    except ValueError as exc:
        raise DocumentError("这不是 Word 文档（可能是 Excel、PowerPoint 或模板文件）。", str(exc)) from None
    except MemoryError:
        raise DocumentError("文件过大或结构异常，无法读取。") from None
    except Exception as exc:  # noqa: BLE001 - a broken package can fail anywhere inside python-docx/lxml
        raise DocumentError("文件已损坏，无法读取。", f"{type(exc).__name__}: {exc}") from None
    # A root that is not w:document (renamed, wrong namespace) comes back as a plain element.
    body = getattr(package.element, "body", None)
    if body is None:
        raise DocumentError("文件已损坏：文档正文部分缺少正文内容（w:body），不是有效的 Word 文档。")
    try:
        looks = DocumentLooks.of(package)
        blocks = blocks_of_body(body, styles_of(package), looks)
    except (RecursionError, MemoryError):
        raise DocumentError("文件结构异常（嵌套过深或过大），无法读取。") from None
    except Exception as exc:  # noqa: BLE001 - a damaged file must be a refusal, never a crash
        raise DocumentError("文件结构异常，无法读取。", f"{UNEXPECTED}{type(exc).__name__}: {exc}") from None
    # The file's bytes stay with the document: the writer copies the parts it did not change.
    remember(package, data, blocks)
    return Document(blocks=blocks, source=package, origin="docx", tables=looks.tables, numbering=looks.numbering,
                    spacing_adds=looks.spacing_adds)


@dataclass
class PackageState:
    """What the writer needs to know about a package beyond the model.

    ``saved``: the bytes of the file the package matches outside its main part (as read, or as
    last written), so saving copies every other part byte for byte; None once something beyond
    the body changed (official format), and then the whole package is serialised.
    ``baseline``: w:p -> (its runs as ``runs_key``, its ParagraphFormat) as last read or
    written, so saving tells changed blocks apart without reading the XML again.
    """

    saved: bytes | None = None
    # The main part was changed in memory since ``saved`` was written (a save that failed).
    main_changed: bool = False
    baseline: dict[Any, tuple[tuple[tuple[str, RunFormat], ...], ParagraphFormat]] = field(default_factory=dict)


# Kept per package (by its main part, which every copy of a Document shares), not per Document,
# so that a window's copies of the model can never save against stale bytes.
_STATES: weakref.WeakKeyDictionary[Any, PackageState] = weakref.WeakKeyDictionary()


def package_state(package: Any) -> PackageState:
    state = _STATES.get(package.part)
    if state is None:
        state = _STATES[package.part] = PackageState()
    return state


def remember(package: Any, data: bytes | None, blocks: list[Block]) -> None:
    """Record that ``package`` matches the file ``data`` and what each block's w:p holds."""
    state = package_state(package)
    state.saved = data
    state.main_changed = False
    state.baseline = {b.source: (runs_key(b.runs), b.format) for b in blocks if b.source is not None}


def runs_key(runs: list[Run]) -> tuple[tuple[str, RunFormat], ...]:
    """Runs as (text, format) pairs with empty runs dropped and neighbours of equal format
    merged: two editors that split runs differently give the same key."""
    out: list[tuple[str, RunFormat]] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1][1] == run.format:
            out[-1] = (out[-1][0] + run.text, run.format)
        else:
            out.append((run.text, run.format))
    return tuple(out)
