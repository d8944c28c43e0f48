"""Write a docx-origin Document back without losing anything the editor does not show.

The package is rebuilt from the bytes it was read from: every zip member is copied as it was,
and only the main document part is re-serialised, and only when a block changed. Inside that
part a block whose runs and paragraph format equal what the reader reads from its w:p is not
touched at all. A changed block keeps its pPr; its runs are rebuilt by diffing old and new text
so unchanged characters stay in their original w:r (with its rPr), inserted text joins the run it
was typed into, and runs that carry no text (drawings, fields, footnote references) stay put.
Pictures follow the blocks' ``images`` (each ImageRef knows its element): one no block lists any
more is removed with the run it emptied, unless that is unsafe (``picture_kept``); one a block
lists from another paragraph (paragraphs joined or split) moves into that block's paragraph.
"""
from __future__ import annotations

import copy
import io
import zipfile
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any, Iterable, Sequence

from app.core.document import Block, Document, ImageRef, ParagraphFormat, Run, RunFormat
from app.io.docx_reader import (
    images_in,
    package_state,
    paragraph_elements,
    paragraph_format,
    run_format,
    run_text,
    runs_key,
    runs_of,
)
from app.io.ooxml import ALTERNATE_CONTENT, DRAWING, OBJECT, PICT, TBL, TC, P, R, T, W
from app.io.errors import DocumentError

RPR, PPR, SECTPR = W + "rPr", W + "pPr", W + "sectPr"
TAB, BR, CR, NO_BREAK_HYPHEN = W + "tab", W + "br", W + "cr", W + "noBreakHyphen"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


# --- comparing the model with the XML ---------------------------------------------------------


def normalised(runs: Iterable[Run]) -> list[tuple[str, RunFormat]]:
    """Runs as (text, format) with empty runs dropped and neighbours of equal format merged, so
    that an editor that splits or joins runs differently does not count as a change."""
    return list(runs_key(list(runs)))


def _text_runs(p: Any) -> list[tuple[Any, str, RunFormat]]:
    """(w:r, its text, its format) for the runs of ``p`` that show text."""
    out = []
    for r in runs_of(p):
        text = run_text(r)
        if text:
            out.append((r, text, run_format(r.find(RPR))))
    return out


def read_back(p: Any) -> tuple[tuple[tuple[str, RunFormat], ...], ParagraphFormat]:
    """What the reader reads from ``p``, in the form of ``PackageState.baseline``."""
    return runs_key([Run(t, f) for _, t, f in _text_runs(p)]), paragraph_format(p.find(PPR))


def block_changed(block: Block, baseline: dict | None = None) -> bool:
    """True when the block's runs or paragraph format differ from what its w:p holds (known
    from ``baseline`` when the reader recorded it, else read from the XML)."""
    p = block.source
    if p is None:
        return True
    known = baseline.get(p) if baseline else None
    runs, fmt = known if known is not None else read_back(p)
    return block.format != fmt or runs_key(block.runs) != runs


# --- building XML -----------------------------------------------------------------------------


def _new_element(tag: str) -> Any:
    from docx.oxml import OxmlElement

    return OxmlElement(tag)


def _is_text_child(child: Any) -> bool:
    tag = child.tag
    if tag in (T, TAB, CR, NO_BREAK_HYPHEN):
        return True
    return tag == BR and child.get(W + "type") not in ("page", "column")


def _text_children(text: str) -> list[Any]:
    """w:t / w:tab / w:br elements that the reader reads back as ``text``."""
    out = []
    buf = []

    def flush() -> None:
        if buf:
            t = _new_element("w:t")
            t.text = "".join(buf)
            t.set(XML_SPACE, "preserve")
            out.append(t)
            buf.clear()

    for ch in text:
        if ch == "\t":
            flush()
            out.append(_new_element("w:tab"))
        elif ch == "\n":
            flush()
            out.append(_new_element("w:br"))
        else:
            buf.append(ch)
    flush()
    return out


def set_run_text(r: Any, text: str) -> None:
    """Replace the text of ``r`` where its text was, keeping its other children (a drawing, a
    field character) in place."""
    position = None
    for i, child in enumerate(list(r)):
        if _is_text_child(child):
            if position is None:
                position = r.index(child)
            r.remove(child)
    if position is None:
        rpr = r.find(RPR)
        position = 0 if rpr is None else r.index(rpr) + 1
    for offset, child in enumerate(_text_children(text)):
        r.insert(position + offset, child)


def _rpr(r: Any) -> Any:
    return r.get_or_add_rPr()


def _set_toggle(rpr: Any, name: str, value: bool | None) -> None:
    getattr(rpr, "_remove_" + name)()
    if value is not None:
        el = getattr(rpr, "get_or_add_" + name)()
        if not value:
            el.set(W + "val", "0")


def _set_fonts(rpr: Any, latin: bool, value: str | None) -> None:
    fonts = rpr.rFonts
    if value is None and fonts is None:
        return
    fonts = rpr.get_or_add_rFonts()
    # A theme font attribute wins over the plain one in Word, so it goes when a font is set.
    names = ("ascii", "hAnsi") if latin else ("eastAsia",)
    for name in names:
        fonts.attrib.pop(W + name + "Theme", None)
        if value is None:
            fonts.attrib.pop(W + name, None)
        else:
            fonts.set(W + name, value)
    if not fonts.attrib:
        rpr._remove_rFonts()


def apply_run_format(r: Any, old: RunFormat, new: RunFormat) -> None:
    """Change in ``r``'s rPr only the properties where ``new`` differs from ``old``, so that what
    the model does not show (kerning, language, spacing) stays."""
    if old == new:
        return
    rpr = _rpr(r)
    for name in ("bold", "italic", "strike"):
        if getattr(old, name) != getattr(new, name):
            _set_toggle(rpr, {"bold": "b", "italic": "i", "strike": "strike"}[name], getattr(new, name))
    if old.underline != new.underline:
        rpr._remove_u()
        if new.underline is not None:
            rpr.get_or_add_u().set(W + "val", "single" if new.underline else "none")
    if old.font != new.font:
        _set_fonts(rpr, True, new.font)
    if old.font_east_asia != new.font_east_asia:
        _set_fonts(rpr, False, new.font_east_asia)
    if old.size_pt != new.size_pt:
        rpr._remove_sz()
        szcs = rpr.find(W + "szCs")
        if szcs is not None:
            rpr.remove(szcs)
        if new.size_pt is not None:
            half = str(int(round(new.size_pt * 2)))
            rpr.get_or_add_sz().set(W + "val", half)
            szcs = _new_element("w:szCs")
            szcs.set(W + "val", half)
            rpr.get_or_add_sz().addnext(szcs)
    if old.color != new.color:
        rpr._remove_color()
        if new.color is not None:
            rpr.get_or_add_color().set(W + "val", new.color)
    if old.highlight != new.highlight:
        rpr._remove_highlight()
        if new.highlight is not None:
            rpr.get_or_add_highlight().set(W + "val", new.highlight)
    if len(rpr) == 0 and not rpr.attrib:
        r.remove(rpr)


def new_run(text: str, fmt: RunFormat, template: tuple[Any, RunFormat] | None = None) -> Any:
    """A w:r showing ``text`` in ``fmt``, built on a copy of a template run's rPr when given."""
    r = _new_element("w:r")
    base = RunFormat()
    if template is not None:
        rpr = template[0].find(RPR)
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
            base = template[1]
    apply_run_format(r, base, fmt)
    for child in _text_children(text):
        r.append(child)
    return r


# --- paragraphs -------------------------------------------------------------------------------


def _chars(runs: Sequence[Run]) -> tuple[str, list[RunFormat]]:
    text = "".join(run.text for run in runs)
    formats = [run.format for run in runs for _ in run.text]
    return text, formats


def _segments(text: str, formats: Sequence[RunFormat]) -> list[tuple[str, RunFormat]]:
    out: list[tuple[str, RunFormat]] = []
    for ch, fmt in zip(text, formats):
        if out and out[-1][1] == fmt:
            out[-1] = (out[-1][0] + ch, fmt)
        else:
            out.append((ch, fmt))
    return out


def owners_of(old_text: str, owner_of_old: Sequence[int], new_text: str) -> list[int]:
    """For each character of ``new_text``, the old run it belongs in: its own run when it was
    there before, else the run it was typed into (the replaced text's run, or the run before
    the insertion point)."""
    owners = [0] * len(new_text)
    matcher = SequenceMatcher(None, old_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            owners[j1:j2] = owner_of_old[i1:i2]
        elif tag in ("replace", "insert"):
            if tag == "replace":
                owner = owner_of_old[i1]
            else:
                owner = owner_of_old[i1 - 1] if i1 > 0 else owner_of_old[0]
            owners[j1:j2] = [owner] * (j2 - j1)
    return owners


def _remove_run(r: Any) -> None:
    parent = r.getparent()
    if parent is not None:
        parent.remove(r)


def sync_runs(p: Any, runs: Sequence[Run]) -> None:
    """Make the text runs of ``p`` show ``runs``, touching as little as possible."""
    old = _text_runs(p)
    new_text, new_formats = _chars(runs)
    if not old:
        if not new_text:
            return
        template = _paragraph_mark_template(p)
        anchor = None
        for text, fmt in _segments(new_text, new_formats):
            r = new_run(text, fmt, template)
            if anchor is None:
                p.append(r)
            else:
                anchor.addnext(r)
            anchor = r
        return
    old_text = "".join(t for _, t, _ in old)
    owner_of_old = [k for k, (_, t, _) in enumerate(old) for _ in t]
    owners = owners_of(old_text, owner_of_old, new_text)
    pieces: list[tuple[list[str], list[RunFormat]]] = [([], []) for _ in old]
    for ch, fmt, owner in zip(new_text, new_formats, owners):
        pieces[owner][0].append(ch)
        pieces[owner][1].append(fmt)
    for (r, text, fmt), (chars, formats) in zip(old, pieces):
        segments = _segments("".join(chars), formats)
        if segments == [(text, fmt)]:
            continue  # this run is exactly as it was
        if not segments:
            set_run_text(r, "")
            if all(child.tag == RPR for child in r):
                _remove_run(r)
            continue
        pristine_rpr = copy.deepcopy(r.find(RPR))
        first_text, first_fmt = segments[0]
        if first_text != text:
            set_run_text(r, first_text)
        apply_run_format(r, fmt, first_fmt)
        anchor = r
        for seg_text, seg_fmt in segments[1:]:
            extra = _new_element("w:r")
            if pristine_rpr is not None:
                extra.append(copy.deepcopy(pristine_rpr))
            apply_run_format(extra, fmt, seg_fmt)
            for child in _text_children(seg_text):
                extra.append(child)
            anchor.addnext(extra)
            anchor = extra


def _paragraph_mark_template(p: Any) -> tuple[Any, RunFormat] | None:
    """The paragraph mark's formatting as a run template: what Word gives text typed into an
    empty paragraph."""
    ppr = p.find(PPR)
    mark = ppr.find(RPR) if ppr is not None else None
    if mark is None:
        return None
    holder = _new_element("w:r")
    rpr = _new_element("w:rPr")
    for child in mark:
        # Revision marks of the paragraph mark do not belong on a run.
        if child.tag not in (W + "ins", W + "del", W + "moveFrom", W + "moveTo", W + "rPrChange"):
            rpr.append(copy.deepcopy(child))
    holder.append(rpr)
    return holder, run_format(rpr)


_JC_OUT = {"left": "left", "center": "center", "right": "right", "justify": "both"}


def apply_paragraph_format(p: Any, old: ParagraphFormat, new: ParagraphFormat) -> None:
    """Change in ``p``'s pPr only the properties where ``new`` differs from ``old``."""
    if old == new:
        return
    from docx.shared import Pt
    from docx.text.parfmt import ParagraphFormat as DocxParagraphFormat

    fmt = DocxParagraphFormat(p)
    if old.alignment != new.alignment:
        ppr = p.get_or_add_pPr()
        ppr._remove_jc()
        if new.alignment in _JC_OUT:
            ppr.get_or_add_jc().set(W + "val", _JC_OUT[new.alignment])
    if old.first_line_chars != new.first_line_chars:
        ind = p.get_or_add_pPr().get_or_add_ind()
        ind.attrib.pop(W + "firstLineChars", None)
        ind.attrib.pop(W + "hangingChars", None)
        if new.first_line_chars is not None:
            ind.set(W + "firstLineChars", str(int(round(new.first_line_chars * 100))))
    if old.first_line_indent_pt != new.first_line_indent_pt:
        fmt.first_line_indent = None if new.first_line_indent_pt is None else Pt(new.first_line_indent_pt)
    if old.left_indent_pt != new.left_indent_pt:
        fmt.left_indent = None if new.left_indent_pt is None else Pt(new.left_indent_pt)
    if old.right_indent_pt != new.right_indent_pt:
        fmt.right_indent = None if new.right_indent_pt is None else Pt(new.right_indent_pt)
    if (old.line_spacing, old.line_rule) != (new.line_spacing, new.line_rule):
        _set_line_spacing(p, new.line_spacing, new.line_rule)
    if old.space_before_pt != new.space_before_pt:
        fmt.space_before = None if new.space_before_pt is None else Pt(new.space_before_pt)
    if old.space_after_pt != new.space_after_pt:
        fmt.space_after = None if new.space_after_pt is None else Pt(new.space_after_pt)


def _set_line_spacing(p: Any, value: float | None, rule: str | None) -> None:
    spacing = p.get_or_add_pPr().get_or_add_spacing()
    spacing.attrib.pop(W + "line", None)
    spacing.attrib.pop(W + "lineRule", None)
    if value is None:
        return
    if rule in ("exact", "atLeast"):
        spacing.set(W + "line", str(int(round(value * 20))))
        spacing.set(W + "lineRule", rule)
    else:
        spacing.set(W + "line", str(int(round(value * 240))))
        spacing.set(W + "lineRule", "auto")


def set_style(p: Any, document: Document, name: str | None) -> None:
    """Point the paragraph at the style with display name ``name`` (no change if unknown)."""
    package = document.source
    if name is None or package is None:
        return
    try:
        style = package.styles[name]
    except (KeyError, ValueError, AttributeError):
        return
    p.get_or_add_pPr().get_or_add_pStyle().set(W + "val", style.style_id)


def _style_names(document: Document) -> dict[str, str]:
    """Paragraph style id -> display name (what the reader puts in Block.style)."""
    names: dict[str, str] = {}
    try:
        styles = document.source.styles.element
    except Exception:  # noqa: BLE001 - no or a broken styles part: no names
        return names
    for s in styles.iterfind(W + "style"):
        sid = s.get(W + "styleId") or ""
        name = s.find(W + "name")
        names[sid] = name.get(W + "val") if name is not None else sid
    return names


def _style_name(p: Any, names: dict[str, str]) -> str | None:
    ppr = p.find(PPR)
    style = ppr.find(W + "pStyle") if ppr is not None else None
    if style is None:
        return None
    sid = style.get(W + "val")
    return names.get(sid, sid)


def _new_paragraph(template: Any | None) -> Any:
    p = _new_element("w:p")
    if template is not None:
        ppr = template.find(PPR)
        if ppr is not None:
            ppr = copy.deepcopy(ppr)
            # A copied section break would start a new section; revision marks are not ours.
            for child in list(ppr):
                if child.tag in (SECTPR, W + "pPrChange"):
                    ppr.remove(child)
            p.append(ppr)
    return p


def _run_template(template: Any | None, fmt: RunFormat) -> tuple[Any, RunFormat] | None:
    """A run of the template paragraph to model a new run on: one of the same format if there
    is one, else its last text run."""
    if template is None:
        return None
    runs = _text_runs(template)
    for r, _, f in runs:
        if f == fmt:
            return r, f
    if runs:
        return runs[-1][0], runs[-1][2]
    return _paragraph_mark_template(template)


def _top_level_table(p: Any) -> Any | None:
    """The outermost table holding ``p``, or None when it is not in a table."""
    table = None
    node = p.getparent()
    while node is not None:
        if node.tag == TBL:
            table = node
        node = node.getparent()
    return table


def _place(p: Any, anchor: Any | None, block: Block, body: Any, first_existing: Any | None) -> None:
    if anchor is None:
        if first_existing is not None:
            first_existing.addprevious(p)
        else:
            sect = body.find(SECTPR)
            if sect is not None:
                sect.addprevious(p)
            else:
                body.append(p)
        return
    if block.cell is None:
        table = _top_level_table(anchor)
        if table is not None:
            table.addnext(p)
            return
    anchor.addnext(p)


def _clear(p: Any) -> None:
    for child in list(p):
        if child.tag != PPR:
            p.remove(child)


def _remove_paragraph(p: Any) -> None:
    parent = p.getparent()
    if parent is None:
        return
    ppr = p.find(PPR)
    if ppr is not None and ppr.find(SECTPR) is not None:
        _clear(p)  # it ends a section: removing it would merge two sections' page setups
        return
    if parent.tag == TC and [c for c in parent if c.tag == P] == [p]:
        _clear(p)  # a table cell must keep one paragraph
        return
    if parent.tag == TC and parent[-1] is p and any(c.tag == TBL for c in parent):
        _clear(p)  # a cell must end with a paragraph, not a nested table
        return
    parent.remove(p)


# --- pictures ---------------------------------------------------------------------------------

PICTURE_TAGS = (DRAWING, PICT, OBJECT, ALTERNATE_CONTENT)
FLD_CHAR, FLD_SIMPLE, TXBX_CONTENT = W + "fldChar", W + "fldSimple", W + "txbxContent"
_GRAPHIC_DATA = "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData"
_PICTURE_URI = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_VML_GROUP = "{urn:schemas-microsoft-com:vml}group"


def pictures_of(p: Any) -> list[tuple[Any, Any, bool]]:
    """(w:r, picture element, inside a field) for each picture the reader shows in ``p``, in order."""
    out = []
    depth = 0  # complex fields open in this paragraph (w:fldChar begin ... end)
    for r in runs_of(p):
        for child in r:
            tag = child.tag
            if tag == FLD_CHAR:
                kind = child.get(W + "fldCharType")
                if kind == "begin":
                    depth += 1
                elif kind == "end":
                    depth = max(depth - 1, 0)
            elif tag in PICTURE_TAGS and images_in(child, 0):
                out.append((r, child, depth > 0 or _in_simple_field(r, p)))
    return out


def _in_simple_field(r: Any, p: Any) -> bool:
    node = r.getparent()
    while node is not None and node is not p:
        if node.tag == FLD_SIMPLE:
            return True
        node = node.getparent()
    return False


def plain_picture(element: Any) -> bool:
    """True when ``element`` (a run's w:drawing, w:pict, w:object or mc:AlternateContent) holds a
    picture and nothing the editor does not show: no text box, no group or canvas of shapes, no
    chart. Inline or floating alike: Word too deletes a floating picture by removing its drawing."""
    if next(element.iter(TXBX_CONTENT, _VML_GROUP), None) is not None:
        return False
    return all(data.get("uri") == _PICTURE_URI for data in element.iter(_GRAPHIC_DATA))


def picture_kept(image: ImageRef, present: Sequence[ImageRef]) -> str | None:
    """Why the writer keeps ``image`` though the window no longer shows it (``present``: the
    pictures it still shows), or None when it is removed on save. "group": other pictures of the
    same drawing are still shown; "field": it is a field's result (INCLUDEPICTURE brings it back);
    "shape": the drawing holds more than the picture (text box, shapes, chart)."""
    element = image.source
    if element is None:
        return None
    if any(other.source is element for other in present):
        return "group"
    p = _paragraph_of(element)
    if p is not None and any(child is element and in_field for _, child, in_field in pictures_of(p)):
        return "field"
    if not plain_picture(element):
        return "shape"
    return None


def _paragraph_of(element: Any) -> Any | None:
    node = element.getparent()
    while node is not None and node.tag != P:
        node = node.getparent()
    return node


def _pictures_known(block: Block, body: Any) -> bool:
    """False when one of the block's pictures comes from another copy of the package (a window
    that lost track of which picture is which after reloading): then none of the paragraph's
    pictures is removed."""
    root = body.getroottree().getroot()
    return all(image.source is None or image.source.getroottree().getroot() is root for image in block.images)


def _relationship_ids(package: Any) -> set[str]:
    try:
        return set(package.part.rels)
    except Exception:  # noqa: BLE001 - no relationships known: nothing is copied in
        return set()


def _pictured_paragraphs(body: Any) -> set[int]:
    """ids of the w:p holding a picture element (one pass of lxml over the body; none at all when
    the part has no such tag)."""
    found: set[int] = set()
    for element in body.iter(*PICTURE_TAGS):
        p = _paragraph_of(element)
        if p is not None:
            found.add(id(p))
    return found


def remove_pictures(p: Any, present: set[int]) -> bool:
    """Remove from ``p`` the pictures whose element no block shows any more (``present``: ids of
    the elements still shown), where that is safe (``picture_kept``); a run left with nothing
    but its properties goes too. True when something was removed."""
    removed = False
    for r, element, in_field in pictures_of(p):
        if id(element) in present or in_field or not plain_picture(element):
            continue
        r.remove(element)
        if all(child.tag == RPR for child in r):
            _remove_run(r)
        removed = True
    return removed


def move_pictures_in(p: Any, block: Block, keys: Any = ()) -> bool:
    """Bring into ``p`` the pictures ``block`` shows that stand in another paragraph of the part
    (two paragraphs joined, one split before a picture): each in a run of its own with its old
    run's properties, at its offset in the text. A picture read from the file as it was before
    the last save (deleted, saved, then brought back by undo) is copied in when its relationship
    id is still among ``keys`` (the writer never drops a relationship). True when one came in."""
    moved = False
    root = p.getroottree().getroot()
    for image in block.images:
        element = image.source
        if element is None or _paragraph_of(element) is p:
            continue
        # (A picture removed by an earlier save is held by no run any more: it comes back bare.)
        old_run = element.getparent()
        if old_run is not None and old_run.tag != R:
            continue
        here = old_run is not None and element.getroottree().getroot() is root
        if not here and image.key not in keys:
            continue
        r = _new_element("w:r")
        rpr = old_run.find(RPR) if old_run is not None else None
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        if here:
            r.append(element)  # lxml moves it: the old paragraph no longer holds it
            if all(child.tag == RPR for child in old_run):
                _remove_run(old_run)
        else:
            r.append(copy.deepcopy(element))
        _insert_run_at(p, r, image.offset)
        moved = True
    return moved


def _insert_run_at(p: Any, new: Any, offset: int) -> None:
    """Put run ``new`` where ``offset`` characters of ``p``'s text come before it, splitting a
    plain text run when the place is inside it."""
    after = None
    seen = 0
    for r in runs_of(p):
        length = len(run_text(r))
        if seen + length <= offset:
            after = r
            seen += length
            continue
        if seen < offset and all(child.tag == RPR or _is_text_child(child) for child in r):
            text = run_text(r)
            rest = copy.deepcopy(r)
            set_run_text(r, text[:offset - seen])
            set_run_text(rest, text[offset - seen:])
            r.addnext(rest)
            after = r
        elif seen < offset:
            after = r
        break
    if after is not None:
        after.addnext(new)
        return
    ppr = p.find(PPR)
    p.insert(p.index(ppr) + 1 if ppr is not None else 0, new)


def sync(document: Document) -> bool:
    """Apply the blocks to the package's XML. True when the main document part changed.

    New blocks get their w:p stored as ``source`` so that the next save sees them as existing.
    DocumentError, before anything changes, for an order the body cannot take (``can_reorder``).
    """
    package = document.source
    body = package.element.body
    originals = list(paragraph_elements(body))
    position = {id(p): i for i, p in enumerate(originals)}
    if not _saved_as_ordered(body, document.blocks, position):
        raise DocumentError(REORDER_REFUSED)
    kept = {id(b.source) for b in document.blocks if b.source is not None}
    next_original = 0  # where in ``originals`` the paragraph after the last block is
    first_existing = next((b.source for b in document.blocks if b.source is not None), None)
    baseline = package_state(package).baseline
    style_names = _style_names(document)
    pictured = _pictured_paragraphs(body)
    present = {id(image.source) for b in document.blocks for image in b.images if image.source is not None}
    keys = _relationship_ids(package) if present else ()
    changed = False
    anchor: Any | None = None
    template: Any | None = None
    for block in document.blocks:
        p = block.source
        if p is None and next_original < len(originals):
            candidate = originals[next_original]
            # A block an editor lost track of, whose paragraph is still where it was with the
            # same text, is that paragraph: keep it (and its comments, bookmarks, images).
            if id(candidate) not in kept and _plain_text(candidate, baseline) == block.text:
                p = block.source = candidate
                kept.add(id(candidate))
        if p is None:
            source_template = template if template is not None else first_existing
            p = _new_paragraph(source_template)
            _place(p, anchor, block, body, first_existing)
            old_style = _style_name(p, style_names)
            if block.style is not None and block.style != old_style:
                set_style(p, document, block.style)
            apply_paragraph_format(p, paragraph_format(p.find(PPR)), block.format)
            anchor_run = None
            for text, fmt in normalised(block.runs):
                r = new_run(text, fmt, _run_template(source_template, fmt))
                if anchor_run is None:
                    p.append(r)
                else:
                    anchor_run.addnext(r)
                anchor_run = r
            block.source = p
            move_pictures_in(p, block, keys)
            baseline[p] = read_back(p)
            changed = True
        else:
            template = p
            next_original = position.get(id(p), next_original - 1) + 1
            if block_changed(block, baseline):
                apply_paragraph_format(p, paragraph_format(p.find(PPR)), block.format)
                sync_runs(p, block.runs)
                baseline[p] = read_back(p)
                changed = True
            if block.style is not None and block.style != _style_name(p, style_names):
                set_style(p, document, block.style)
                changed = True
            if block.images and move_pictures_in(p, block, keys):
                changed = True
            if id(p) in pictured and _pictures_known(block, body) and remove_pictures(p, present):
                changed = True
        anchor = p
    for p in originals:
        if id(p) not in kept:
            _remove_paragraph(p)
            baseline.pop(p, None)
            changed = True
    return reorder_body(document) or changed


REORDER_REFUSED = ("无法按现在的顺序保存：移动的段落中有的位于表格或内容控件（如目录）之内，而这样的内容只能整块移动，"
                   "保存后的顺序会与所见不同。请撤销这次移动后再保存。文件没有写入。")


def can_reorder(document: Document, order: Sequence[int]) -> bool:
    """Whether the blocks of ``document`` put in ``order`` (old indices, as a Change's order) would
    be saved in that very order. ``reorder_body`` moves whatever sits directly in the body as one
    piece: a table, or a content control (w:sdt: a table of contents, a cover page) or custom XML
    wrapping several paragraphs. An order that takes some paragraphs of such a piece away from the
    others, or turns them round inside it, cannot be saved as shown: False. True for a document
    not read from a .docx."""
    package = document.source
    if document.origin != "docx" or package is None:
        return True
    try:
        body = package.element.body
    except AttributeError:
        return True
    blocks = [document.blocks[i] for i in order if 0 <= i < len(document.blocks)]
    return _saved_as_ordered(body, blocks)


def _saved_as_ordered(body: Any, blocks: Sequence[Block], position: dict[int, int] | None = None) -> bool:
    """True when ``reorder_body`` leaves the paragraphs of ``blocks`` in the order of ``blocks``
    (``position``: each body paragraph's place in reading order, when the caller has it)."""
    if position is None:
        paragraphs = list(paragraph_elements(body))  # held while their ids are the keys
        position = {id(p): i for i, p in enumerate(paragraphs)}
    # Blocks with no paragraph yet are written after the block before them, inside the same piece.
    places = [position[id(b.source)] for b in blocks if b.source is not None and id(b.source) in position]
    if all(a < b for a, b in zip(places, places[1:])):
        return True  # nothing moves (the common case: no look at the pieces)
    # reorder_body puts the pieces in the order their first paragraph comes; each piece keeps its
    # inside as it is. The blocks must read that way: by piece, then by place inside the piece.
    piece_rank: dict[int, int] = {}
    pieces = []  # held, so that no piece's id is reused by another while we count
    keys = []
    for block in blocks:
        p = block.source
        if p is None or id(p) not in position:
            continue
        piece = p
        while piece.getparent() is not None and piece.getparent() is not body:
            piece = piece.getparent()
        pieces.append(piece)
        keys.append((piece_rank.setdefault(id(piece), len(piece_rank)), position[id(p)]))
    return keys == sorted(keys)


def reorder_body(document: Document) -> bool:
    """Put the body's paragraphs and tables in the order of the blocks (a section moved in the
    outline). A table-cell block stands for its whole top-level table; the body's own sectPr and
    anything no block reaches keep their places. True when the order changed."""
    body = document.source.element.body
    units: list[Any] = []
    seen: set[int] = set()
    for block in document.blocks:
        el = block.source
        while el is not None and el.getparent() is not body:
            el = el.getparent()
        if el is not None and id(el) not in seen:
            seen.add(id(el))
            units.append(el)
    children = list(body)
    if [id(c) for c in children if id(c) in seen] == [id(u) for u in units]:
        return False
    slots = [i for i, c in enumerate(children) if id(c) in seen]
    for slot, unit in zip(slots, units):
        children[slot] = unit
    for child in list(body):
        body.remove(child)
    for child in children:
        body.append(child)
    return True


def _plain_text(p: Any, baseline: dict) -> str:
    known = baseline.get(p)
    runs = known[0] if known is not None else read_back(p)[0]
    return "".join(text for text, _ in runs)


# --- the package ------------------------------------------------------------------------------


def rezip(original: bytes, replacements: dict[str, bytes]) -> bytes:
    """A copy of the zip ``original`` with the members named in ``replacements`` (case-
    insensitively, as OPC part names are) given new contents; all else as it was, in order."""
    wanted = {name.lower(): data for name, data in replacements.items()}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(original)) as zin, zipfile.ZipFile(out, "w") as zout:
        seen: set[str] = set()
        for info in zin.infolist():
            if info.filename in seen:
                continue  # a duplicated member: the first one is what readers use
            seen.add(info.filename)
            data = wanted.pop(info.filename.lower(), None)
            if data is None:
                data = zin.read(info)
            clone = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            clone.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
            clone.external_attr = info.external_attr
            clone.create_system = info.create_system
            zout.writestr(clone, data)
        if wanted:
            raise DocumentError("保存失败：文档结构异常（找不到正文部分）。", ", ".join(wanted))
    return out.getvalue()


def docx_bytes(document: Document) -> bytes:
    """The .docx bytes of a docx-origin document, through the lossless path. Afterwards the
    package counts as matching these bytes only once they are written (``saved``)."""
    package = document.source
    if package is None:
        raise DocumentError("无法保存：这份文档不是从 Word 文件打开的。")
    state = package_state(package)
    if sync(document):
        state.main_changed = True
    original = state.saved
    if original is None:
        # The package was changed beyond the body (official format): python-docx writes it all.
        buffer = io.BytesIO()
        package.save(buffer)
        return buffer.getvalue()
    if not state.main_changed:
        return original  # nothing the editor shows changed: the file as it was, byte for byte
    main = package.part
    return rezip(original, {str(main.partname).lstrip("/"): main.blob})


def saved(document: Document, data: bytes) -> None:
    """Record that the package now matches the written file ``data``."""
    if document.source is not None:
        state = package_state(document.source)
        state.saved = data
        state.main_changed = False


def write_docx(document: Document, path: Path) -> None:
    """Save a docx-origin document to ``path`` (atomically), untouched blocks byte for byte."""
    from app.io.atomic import atomic_write_bytes

    data = docx_bytes(document)
    atomic_write_bytes(Path(path), data)
    saved(document, data)
