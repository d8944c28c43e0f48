"""Official-document format (GB/T 9704-2012) for new documents and, on request, existing ones.

Page: A4, margins 37/35/28/26 mm, 22 lines a page (exact line spacing 28.9 pt). Title 2号
方正小标宋简体 centred; body 3号 仿宋_GB2312 with a two-character first-line indent; level-1
headings 黑体, level 2 楷体_GB2312 (a run-in heading: its first sentence only), levels 3-4
仿宋_GB2312; page numbers "— N —" in 4号 宋体, odd pages right, even pages left.

Fonts. The names written are the ones GB/T 9704 names, because offices that check documents
look for them and have them installed. A stock Windows has 仿宋, 楷体, 黑体 and 宋体 but not the
_GB2312 fonts or 方正小标宋简体, so the font table gives each a w:altName (仿宋, 楷体, 宋体) and
a GB2312 charset: ECMA-376 §17.8.3.1 tells an application to try the alternative names when the
primary one is missing, and WPS maps the _GB2312 names to its own 仿宋/楷体. Every run, style and
docDefaults carries the East Asian font in w:eastAsia, and themeFontLang is zh-CN, so no
application falls back to a Japanese font. ``FONT_FALLBACKS`` lists the pairs.

The headings and the title come from the engine (app.core.scan), the same outline the window
shows. Formatting an existing document is a model edit (runs and paragraph format) written by
the lossless writer, plus page setup, styles, settings and footers on the package.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

from app.core import rules
from app.core.document import Block, Document, ParagraphFormat, Run, RunFormat
from app.core.scan import scan
from app.io.docx_reader import block_of, package_state, paragraph_elements_with_cells, runs_key, styles_of
from app.io.ooxml import W

# --- GB/T 9704-2012, in the units of WordprocessingML ------------------------------------------

PAGE_WIDTH, PAGE_HEIGHT = 11906, 16838  # A4 in twips
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 2098, 1984, 1587, 1474  # 37/35/28/26 mm
HEADER_DISTANCE = 851  # 15 mm
# The page number's 一字线 sits 7 mm below the type area: 35 - 7 mm leaves ~23 mm to the edge.
FOOTER_DISTANCE = 1304
LINE_PT = 28.9  # exact line spacing: 225 mm type area / 22 lines
LINE_PITCH = 579  # the same as a document grid pitch, in twips

TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
HEADING_FONTS = {1: "黑体", 2: "楷体_GB2312", 3: "仿宋_GB2312", 4: "仿宋_GB2312"}
PAGE_NUMBER_FONT = "宋体"
LATIN_FONT = "Times New Roman"  # figures and Latin letters in the text
TITLE_PT, BODY_PT, PAGE_NUMBER_PT = 22.0, 16.0, 14.0
INDENT_CHARS = 2.0
SIGNATURE_RIGHT_CHARS = 4  # 成文日期右空四字

# Font -> (Windows name that stands in for it, its English name): written as w:altName.
FONT_FALLBACKS = {
    "方正小标宋简体": ("宋体", "SimSun"),
    "仿宋_GB2312": ("仿宋", "FangSong"),
    "楷体_GB2312": ("楷体", "KaiTi"),
    "黑体": ("SimHei",),
    "宋体": ("SimSun",),
}
HEADING_STYLES = {1: "Heading 1", 2: "Heading 2", 3: "Heading 3", 4: "Heading 4"}
TITLE_STYLE = "Title"


@dataclass(frozen=True)
class Role:
    """What a block is on the official page."""

    kind: str  # "title" | "heading" | "body" | "signature" | "blank"
    level: int = 0
    run_in_end: int = -1  # for a run-in heading: one past its first sentence

    @property
    def heading_font(self) -> str:
        return HEADING_FONTS.get(self.level, BODY_FONT)


def roles_of(document: Document) -> list[Role]:
    """The official-format role of each block, from the engine's outline."""
    report = scan(document)
    texts = document.texts
    roles = [Role("blank") if not t.strip() else Role("body") for t in texts]
    for section in report.outline:
        b = section.block
        if section.level == 0:
            roles[b] = Role("title")
            first = texts[b].strip()
            # A title split over two lines: the engine's title is both lines together.
            if b + 1 < len(texts) and len(section.title) > len(first) and texts[b + 1].strip():
                roles[b + 1] = Role("title")
            continue
        if document.blocks[b].cell is not None:
            continue
        from app.core.outline import heading_of

        heading = heading_of(texts[b], document.blocks[b].outline_level, document.blocks[b].label)
        run_in_end = -1
        if heading is not None and heading.run_in:
            run_in_end = min(heading.title_end + 1, len(texts[b]))
        roles[b] = Role("heading", section.level, run_in_end)
    for i in _signature_blocks(texts, roles):
        roles[i] = Role("signature")
    return roles


def _signature_blocks(texts: list[str], roles: list[Role]) -> list[int]:
    """The signature and date lines at the end of a report (署名, 成文日期)."""
    date = re.compile(rules.SIGNATURE_DATE)
    found: list[int] = []
    i = len(texts) - 1
    while i >= 0 and not texts[i].strip():
        i -= 1
    if i < 0 or not date.match(texts[i].strip()) or roles[i].kind != "body":
        return found
    found.append(i)
    j = i - 1
    while j >= 0 and not texts[j].strip():
        j -= 1
    line = texts[j].strip() if j >= 0 else ""
    if line and roles[j].kind == "body" and len(line) <= rules.SIGNATURE_MAX_CHARS and not line.endswith(
        tuple(rules.SENTENCE_PUNCTUATION)
    ):
        found.append(j)
    return found


# --- the model edit ---------------------------------------------------------------------------


def _strip_indent(block: Block) -> None:
    """Leading spaces typed as an indent go: the first-line indent does that now."""
    text = block.text
    lead = len(text) - len(text.lstrip(" \u3000\t"))
    if lead and lead < len(text):
        block.replace_text(0, lead, "")


def _font_at(role: Role, offset: int) -> tuple[str, float, bool | None]:
    """(East Asian font, size, bold) for the character at ``offset`` of a block in ``role``."""
    if role.kind == "title":
        return TITLE_FONT, TITLE_PT, False
    if role.kind == "heading":
        if role.run_in_end >= 0 and offset >= role.run_in_end:
            return BODY_FONT, BODY_PT, None
        return role.heading_font, BODY_PT, (False if role.level <= 2 else None)
    return BODY_FONT, BODY_PT, None


def _paragraph_format(role: Role) -> ParagraphFormat:
    common = dict(line_spacing=LINE_PT, line_rule="exact", space_before_pt=0.0, space_after_pt=0.0)
    if role.kind == "title":
        return ParagraphFormat(alignment="center", first_line_chars=0.0, first_line_indent_pt=0.0, **common)
    if role.kind == "signature":
        return ParagraphFormat(
            alignment="right", first_line_chars=0.0, first_line_indent_pt=0.0,
            right_indent_pt=SIGNATURE_RIGHT_CHARS * BODY_PT, **common,
        )
    return ParagraphFormat(
        alignment="justify", first_line_chars=INDENT_CHARS, first_line_indent_pt=INDENT_CHARS * BODY_PT, **common
    )


def format_block(block: Block, role: Role) -> None:
    """Give ``block`` the runs and paragraph format of its role (the model side only)."""
    if role.kind != "blank":
        _strip_indent(block)
    runs: list[Run] = []
    offset = 0
    for run in block.runs:
        for ch in run.text:
            font, size, bold = _font_at(role, offset)
            fmt = run.format.merged(font=LATIN_FONT, font_east_asia=font, size_pt=size)
            if bold is not None:  # titles and 黑体/楷体 headings are never bold; others keep theirs
                fmt = fmt.merged(bold=bold)
            if runs and runs[-1].format == fmt:
                runs[-1].text += ch
            else:
                runs.append(Run(ch, fmt))
            offset += 1
    block.runs = runs
    block.format = _paragraph_format(role)
    if role.kind == "title":
        block.style = TITLE_STYLE
    elif role.kind == "heading" and role.run_in_end < 0 and role.level in HEADING_STYLES:
        block.style = HEADING_STYLES[role.level]


# --- the package: page, styles, settings, fonts, footers ----------------------------------------


def _el(tag: str, **attrs: str) -> Any:
    from docx.oxml import OxmlElement

    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(W + name, value)
    return el


def _child(parent: Any, tag: str, before: tuple[str, ...] = ()) -> Any:
    """``parent``'s child ``tag`` (w: namespace), created in schema order before the first of
    ``before`` that is present, or at the end."""
    el = parent.find(W + tag)
    if el is not None:
        return el
    el = _el("w:" + tag)
    for name in before:
        nxt = parent.find(W + name)
        if nxt is not None:
            nxt.addprevious(el)
            return el
    parent.append(el)
    return el


_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")


def _rpr_child(rpr: Any, tag: str) -> Any:
    return _child(rpr, tag, _RPR_ORDER[_RPR_ORDER.index(tag) + 1:])


def _set_rpr_fonts(
    rpr: Any, east_asia: str, latin: str, size_pt: float | None, bold: bool | None = None, recolour: bool = False
) -> None:
    fonts = _rpr_child(rpr, "rFonts")
    for name in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(W + name, None)
    fonts.set(W + "ascii", latin)
    fonts.set(W + "hAnsi", latin)
    fonts.set(W + "eastAsia", east_asia)
    fonts.set(W + "cs", latin)
    if bold is not None:
        for tag in ("b", "bCs"):
            el = _rpr_child(rpr, tag)
            el.set(W + "val", "1" if bold else "0")
    color = rpr.find(W + "color")
    if color is not None and recolour:
        rpr.remove(color)  # the stock templates' title and heading styles are blue
    if size_pt is not None:
        half = str(int(round(size_pt * 2)))
        _rpr_child(rpr, "sz").set(W + "val", half)
        _rpr_child(rpr, "szCs").set(W + "val", half)
    lang = _rpr_child(rpr, "lang")
    lang.set(W + "eastAsia", "zh-CN")
    if lang.get(W + "val") is None:
        lang.set(W + "val", "en-US")


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
              "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
              "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
              "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
              "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


def _ppr_child(ppr: Any, tag: str) -> Any:
    return _child(ppr, tag, _PPR_ORDER[_PPR_ORDER.index(tag) + 1:])


def _set_ppr(ppr: Any, fmt: ParagraphFormat, outline_level: int | None = None) -> None:
    spacing = _ppr_child(ppr, "spacing")
    for name in ("beforeLines", "afterLines", "beforeAutospacing", "afterAutospacing"):
        spacing.attrib.pop(W + name, None)
    spacing.set(W + "before", "0")
    spacing.set(W + "after", "0")
    spacing.set(W + "line", str(int(round(LINE_PT * 20))))
    spacing.set(W + "lineRule", "exact")
    ind = _ppr_child(ppr, "ind")
    ind.attrib.clear()
    if fmt.first_line_chars:
        ind.set(W + "firstLineChars", str(int(fmt.first_line_chars * 100)))
        ind.set(W + "firstLine", str(int(round((fmt.first_line_indent_pt or 0) * 20))))
    else:
        ind.set(W + "firstLine", "0")
    jc = _ppr_child(ppr, "jc")
    jc.set(W + "val", {"center": "center", "right": "right", "justify": "both"}.get(fmt.alignment or "", "left"))
    if outline_level is not None:
        _ppr_child(ppr, "outlineLvl").set(W + "val", str(outline_level - 1))


def _style(package: Any, name: str, style_id: str) -> Any:
    """The paragraph style ``name`` (or with id ``style_id``) of the package, added when missing."""
    from docx.enum.style import WD_STYLE_TYPE

    styles = package.styles
    paragraph_styles = [s for s in styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
    for style in paragraph_styles:
        if (style.name or "").lower() == name.lower():
            return style
    for style in paragraph_styles:
        if style.style_id == style_id:
            return style
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if name != "Normal":
        style.base_style = _style(package, "Normal", "Normal")
    style.element.set(W + "styleId", style_id)
    return style


def _setup_styles(package: Any) -> None:
    styles_el = package.styles.element
    defaults = styles_el.find(W + "docDefaults")
    if defaults is None:
        defaults = _el("w:docDefaults")
        styles_el.insert(0, defaults)
    rpr_default = _child(defaults, "rPrDefault", ("pPrDefault",))
    _set_rpr_fonts(_child(rpr_default, "rPr"), BODY_FONT, LATIN_FONT, BODY_PT)
    normal = _style(package, "Normal", "Normal")
    _set_rpr_fonts(normal.element.get_or_add_rPr(), BODY_FONT, LATIN_FONT, BODY_PT)
    title = _style(package, TITLE_STYLE, "Title")
    _set_rpr_fonts(title.element.get_or_add_rPr(), TITLE_FONT, LATIN_FONT, TITLE_PT, bold=False, recolour=True)
    _set_ppr(title.element.get_or_add_pPr(), _paragraph_format(Role("title")))
    _drop_borders(title.element.get_or_add_pPr())
    letter_spacing = title.element.get_or_add_rPr().find(W + "spacing")
    if letter_spacing is not None:
        title.element.get_or_add_rPr().remove(letter_spacing)  # the stock Title spreads its letters
    for level, name in HEADING_STYLES.items():
        style = _style(package, name, name.replace(" ", ""))
        _set_rpr_fonts(style.element.get_or_add_rPr(), HEADING_FONTS[level], LATIN_FONT, BODY_PT,
                       bold=False if level <= 2 else None, recolour=True)
        rpr = style.element.get_or_add_rPr()
        for tag in ("i", "iCs"):
            el = rpr.find(W + tag)
            if el is not None:
                rpr.remove(el)
        _set_ppr(style.element.get_or_add_pPr(), _paragraph_format(Role("heading", level)), level)


def _drop_borders(ppr: Any) -> None:
    border = ppr.find(W + "pBdr")
    if border is not None:
        ppr.remove(border)  # the stock Title style underlines the title


_SETTINGS_AFTER_THEME_FONT_LANG = ("clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
                                   "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType",
                                   "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
                                   "listSeparator")


def _setup_settings(package: Any) -> None:
    package.settings.odd_and_even_pages_header_footer = True
    settings = package.settings.element
    lang = settings.find(W + "themeFontLang")
    if lang is None:
        lang = _el("w:themeFontLang")
        for name in _SETTINGS_AFTER_THEME_FONT_LANG:
            nxt = settings.find(W + name)
            if nxt is not None:
                nxt.addprevious(lang)
                break
        else:
            foreign = next((c for c in settings if not str(c.tag).startswith(W)), None)
            if foreign is not None:
                foreign.addprevious(lang)
            else:
                settings.append(lang)
    lang.set(W + "eastAsia", "zh-CN")
    if lang.get(W + "val") is None:
        lang.set(W + "val", "en-US")


def _setup_font_table(package: Any) -> None:
    from lxml import etree

    part = next((p for p in package.part.package.iter_parts() if str(p.partname).lower() == "/word/fonttable.xml"),
                None)
    if part is None:
        return
    if hasattr(part, "_element"):
        root = part._element
    else:
        root = etree.fromstring(part.blob)
    for name, alternatives in FONT_FALLBACKS.items():
        font = next((f for f in root.iterfind(W + "font") if f.get(W + "name") == name), None)
        if font is None:
            font = etree.SubElement(root, W + "font")
            font.set(W + "name", name)
        for child in list(font):
            if child.tag in (W + "altName", W + "charset", W + "family", W + "pitch"):
                font.remove(child)
        alt = etree.Element(W + "altName")
        alt.set(W + "val", ",".join(alternatives))
        font.insert(0, alt)
        for tag, value in (("charset", "86"), ("family", "modern" if name != "黑体" else "modern"), ("pitch", "fixed")):
            el = etree.Element(W + tag)
            el.set(W + "val", value)
            after = font.find(W + "sig")
            if after is not None:
                after.addprevious(el)
            else:
                font.append(el)
    if not hasattr(part, "_element"):
        part._blob = etree.tostring(root, encoding="UTF-8", standalone=True)


_SECT_AFTER_DOC_GRID = ("printerSettings", "sectPrChange")


def _setup_sections(package: Any) -> None:
    from docx.shared import Twips

    for index, section in enumerate(package.sections):
        section.page_width, section.page_height = Twips(PAGE_WIDTH), Twips(PAGE_HEIGHT)
        section.top_margin, section.bottom_margin = Twips(MARGIN_TOP), Twips(MARGIN_BOTTOM)
        section.left_margin, section.right_margin = Twips(MARGIN_LEFT), Twips(MARGIN_RIGHT)
        section.header_distance, section.footer_distance = Twips(HEADER_DISTANCE), Twips(FOOTER_DISTANCE)
        section.gutter = Twips(0)
        from docx.enum.section import WD_ORIENT

        section.orientation = WD_ORIENT.PORTRAIT
        sect = section._sectPr
        grid = _child(sect, "docGrid", _SECT_AFTER_DOC_GRID)
        grid.attrib.clear()
        grid.set(W + "type", "lines")
        grid.set(W + "linePitch", str(LINE_PITCH))
        section.different_first_page_header_footer = False
        if index == 0:
            _page_number_footer(section.footer, odd=True)
            _page_number_footer(section.even_page_footer, odd=False)
        else:
            section.footer.is_linked_to_previous = True
            section.even_page_footer.is_linked_to_previous = True


def _page_number_footer(footer: Any, odd: bool) -> None:
    """A footer holding "— N —" in 4号 宋体, right on odd pages and left on even ones, one
    character in from the margin."""
    footer.is_linked_to_previous = False
    element = footer._element
    for child in list(element):
        element.remove(child)
    p = _el("w:p")
    ppr = _el("w:pPr")
    p.append(ppr)
    ind = _ppr_child(ppr, "ind")
    one_char = str(int(PAGE_NUMBER_PT * 20))
    ind.set(W + ("rightChars" if odd else "leftChars"), "100")
    ind.set(W + ("right" if odd else "left"), one_char)
    _ppr_child(ppr, "jc").set(W + "val", "right" if odd else "left")

    def run(*children: Any) -> Any:
        r = _el("w:r")
        rpr = _el("w:rPr")
        _set_rpr_fonts(rpr, PAGE_NUMBER_FONT, PAGE_NUMBER_FONT, PAGE_NUMBER_PT)
        r.append(rpr)
        for c in children:
            r.append(c)
        p.append(r)
        return r

    def text(value: str) -> Any:
        t = _el("w:t")
        t.text = value
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return t

    instr = _el("w:instrText")
    instr.text = " PAGE "
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run(text("— "))
    run(_el("w:fldChar", fldCharType="begin"))
    run(instr)
    run(_el("w:fldChar", fldCharType="separate"))
    run(text("1"))
    run(_el("w:fldChar", fldCharType="end"))
    run(text(" —"))
    element.append(p)


def _setup_package(package: Any) -> None:
    _setup_sections(package)
    _setup_styles(package)
    _setup_settings(package)
    _setup_font_table(package)


# --- entry points -----------------------------------------------------------------------------


def apply_official_format(document: Document) -> None:
    """Reformat a docx-origin document to GB/T 9704 in place: page, styles, footers and every
    body paragraph by its role (table cells keep their layout). The next save writes the whole
    package, since parts beyond the body changed."""
    from app.io.docx_writer import sync

    if document.origin != "docx" or document.source is None:
        raise ValueError("apply_official_format needs a document read from a .docx")
    for block, role in zip(document.blocks, roles_of(document)):
        if block.cell is None:
            format_block(block, role)
    _setup_package(document.source)
    sync(document)
    _reread(document)
    package_state(document.source).saved = None


def _reread(document: Document) -> None:
    """Refresh every block from its XML, so the model shows exactly what will be written."""
    styles = styles_of(document.source)
    fresh = {id(p): block_of(p, cell, styles) for p, cell in paragraph_elements_with_cells(document.source.element.body)}
    for block in document.blocks:
        new = fresh.get(id(block.source))
        if new is not None:
            block.runs, block.format, block.style = new.runs, new.format, new.style
            block.outline_level, block.is_title_style = new.outline_level, new.is_title_style
            block.images = new.images
    package_state(document.source).baseline = {
        b.source: (runs_key(b.runs), b.format) for b in document.blocks if b.source is not None
    }


def _blank_package() -> Any:
    """python-docx's stock package without its body and its thumbnail (a picture of someone
    else's document would show as the file's preview)."""
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    package = docx.Document()
    body = package.element.body
    for child in list(body):
        if child.tag != W + "sectPr":
            body.remove(child)
    opc = package.part.package
    for rid, rel in list(opc.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            opc.drop_rel(rid) if hasattr(opc, "drop_rel") else opc.rels.pop(rid)
    return package


def official_document(document: Document) -> Any:
    """A new GB/T 9704 .docx (a python-docx Document) with the text of ``document``: its runs'
    bold, italic and underline survive, fonts and sizes are the official ones."""
    package = _blank_package()
    body = package.element.body
    sect = body.find(W + "sectPr")
    model = Document(origin="docx", source=package)
    for block in document.blocks:
        runs = [Run(r.text, RunFormat(bold=r.format.bold, italic=r.format.italic, underline=r.format.underline))
                for r in block.runs]
        model.blocks.append(Block(runs=runs, outline_level=block.outline_level, is_title_style=block.is_title_style))
    # The engine reads the copy the same as the original: same text, same heading levels.
    roles = roles_of(model)
    for block, role in zip(model.blocks, roles):
        format_block(block, role)
        p = _el("w:p")
        sect.addprevious(p)
        block.source = p
        style_ppr = _el("w:pPr")
        p.append(style_ppr)
    _setup_package(package)
    from app.io.docx_writer import apply_paragraph_format, set_style, sync_runs

    for block in model.blocks:
        p = block.source
        set_style(p, model, block.style)
        apply_paragraph_format(p, ParagraphFormat(), block.format)
        sync_runs(p, block.runs)
        if not len(p.find(W + "pPr")):
            p.remove(p.find(W + "pPr"))
    return package


def official_bytes(document: Document) -> bytes:
    """The bytes of ``official_document(document)`` as a .docx file."""
    buffer = io.BytesIO()
    official_document(document).save(buffer)
    return buffer.getvalue()


def official_format_of(document: Document) -> Document:
    """``document`` laid out to GB/T 9704, as a new Document read from the formatted package, all
    in memory: a .docx keeps its package (headers, pictures, styles) and is formatted in place;
    text gets a new official package."""
    from app.io.docx_reader import read_docx_bytes

    if document.origin == "docx" and document.source is not None:
        from app.io.docx_writer import docx_bytes

        formatted = read_docx_bytes(docx_bytes(document))
        apply_official_format(formatted)
        return formatted
    return read_docx_bytes(official_bytes(document))
