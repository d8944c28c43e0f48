"""What Word shows: run, paragraph and table formatting resolved the way Word resolves it.

Word layers a paragraph's look as docDefaults → table style → paragraph style (its w:basedOn
chain) → list level → direct formatting, and a run's as docDefaults → table style → paragraph
style → character style (its chain) → direct formatting. Theme fonts (w:asciiTheme="minorHAnsi",
w:eastAsiaTheme="minorEastAsia") name the fonts of the theme part, whose East Asian font is
either its a:ea typeface or, when that is empty, the script font of the document's East Asian
language (w:themeFontLang, Simplified Chinese when unsaid).

Each layer is read once into a small dict of the properties it sets; merged looks are cached per
style id and per distinct XML, so a long document costs a few dict look-ups per run. Toggle
properties (bold, italic) are taken as set by the nearest layer that says, not XOR'd across
style levels as Word does in rare files.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from app.core.document import Border, CellLook, ListRef, ParagraphLook, RunFormat, TableLook
from app.io.ooxml import DRAWINGML, W


# Word's own defaults where no layer says anything.
DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_PT = 10.0
_SCRIPT_OF_LANG = {"zh-cn": "Hans", "zh-sg": "Hans", "zh-tw": "Hant", "zh-hk": "Hant", "zh-mo": "Hant",
                   "ja-jp": "Jpan", "ko-kr": "Hang"}
_JC = {"left": "left", "start": "left", "center": "center", "right": "right", "end": "right",
       "both": "justify", "distribute": "distribute", "lowKashida": "justify", "mediumKashida": "justify",
       "highKashida": "justify", "thaiDistribute": "distribute"}
_OFF = ("0", "false", "off", "none")

Props = Mapping[str, Any]
_EMPTY: dict[str, Any] = {}


def _val(el: Any, name: str = "val") -> str | None:
    return el.get(W + name) if el is not None else None


def _toggle(el: Any) -> bool | None:
    if el is None:
        return None
    return el.get(W + "val") not in _OFF


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def _colour(value: str | None) -> str | None:
    if not value or value.lower() == "auto" or len(value) != 6:
        return None
    return value.upper()


# ------------------------------------------------------------------------- reading one layer

def _properties(el: Any) -> Iterator[tuple[str, Any]]:
    """(local name, element) of each w: child of a property element."""
    for child in el:
        tag = child.tag
        yield (tag[len(W):] if isinstance(tag, str) and tag.startswith(W) else ""), child


def run_props(rpr: Any, theme: Callable[[str], str | None] | None = None) -> dict[str, Any]:
    """The run properties one w:rPr sets (theme fonts resolved through ``theme``)."""
    out: dict[str, Any] = {}
    if rpr is None:
        return out
    for tag, child in _properties(rpr):
        if tag == "rFonts":
            latin_theme = child.get(W + "asciiTheme") or child.get(W + "hAnsiTheme")
            ea_theme = child.get(W + "eastAsiaTheme")
            latin = theme(latin_theme) if latin_theme and theme else None
            latin = latin or child.get(W + "ascii") or child.get(W + "hAnsi")
            ea = theme(ea_theme) if ea_theme and theme else None
            ea = ea or child.get(W + "eastAsia")
            if latin:
                out["font"] = latin
            if ea:
                out["font_east_asia"] = ea
            hint = child.get(W + "hint")
            if hint:
                out["hint"] = hint
        elif tag in ("b", "i"):
            out["bold" if tag == "b" else "italic"] = _toggle(child)
        elif tag in ("strike", "dstrike"):
            on = _toggle(child)
            if on or "strike" not in out:
                out["strike"] = on
        elif tag == "u":
            out["underline"] = (_val(child) or "single") not in ("none", "0")
        elif tag == "sz":
            size = _int(_val(child))
            if size is not None and size > 0:
                out["size_pt"] = size / 2
        elif tag == "color":
            out["color"] = _colour(_val(child))
        elif tag == "highlight":
            value = _val(child)
            out["highlight"] = value if value and value != "none" else None
        elif tag == "spacing":
            value = _int(_val(child))
            if value is not None:
                out["spacing_pt"] = value / 20
    return out


def paragraph_props(ppr: Any) -> dict[str, Any]:
    """The paragraph properties one w:pPr sets (lengths in points, character units as counts)."""
    out: dict[str, Any] = {}
    if ppr is None:
        return out
    for tag, child in _properties(ppr):
        if tag == "jc":
            value = _JC.get(_val(child) or "")
            if value:
                out["alignment"] = value
        elif tag == "ind":
            _indent_props(child, out)
        elif tag == "spacing":
            _spacing_props(child, out)
        elif tag == "pageBreakBefore":
            out["page_break_before"] = _toggle(child)
        elif tag == "keepNext":
            out["keep_with_next"] = _toggle(child)
        elif tag == "keepLines":
            out["keep_lines"] = _toggle(child)
        elif tag == "contextualSpacing":
            out["contextual_spacing"] = _toggle(child)
        elif tag == "snapToGrid":
            out["snap_to_grid"] = _toggle(child)
        elif tag == "shd":
            out["shading"] = _colour(_val(child, "fill"))
        elif tag == "pBdr":
            edges = _borders(child)
            for edge in ("top", "bottom"):
                if edge in edges:
                    found = edges[edge]
                    space = _int(_val(child.find(W + edge), "space")) or 0
                    # An explicit nil takes away an edge the style gives: False until the look is made.
                    out["border_" + edge] = replace(found, space_pt=float(space)) if found else False
        elif tag == "numPr":
            num = _int(_val(child.find(W + "numId")))
            lvl = _int(_val(child.find(W + "ilvl")))
            if num is not None:
                out["num_id"] = num
            if lvl is not None:
                out["ilvl"] = lvl
    return out


def _indent_props(ind: Any, out: dict[str, Any]) -> None:
    def twips(*names: str) -> float | None:
        for name in names:
            value = _int(ind.get(W + name))
            if value is not None:
                return value / 20
        return None

    def chars(name: str) -> float | None:
        value = _int(ind.get(W + name))
        # WPS writes firstLineChars="0" beside a firstLine it means: 0 says nothing.
        return value / 100 if value else None

    left, right = twips("left", "start"), twips("right", "end")
    if left is not None:
        out["left_indent_pt"], out["left_chars"] = left, None
    if right is not None:
        out["right_indent_pt"], out["right_chars"] = right, None
    if chars("leftChars") is not None:
        out["left_chars"] = chars("leftChars")
    if chars("rightChars") is not None:
        out["right_chars"] = chars("rightChars")
    hanging, first = twips("hanging"), twips("firstLine")
    if hanging is not None:
        out["first_line_indent_pt"], out["first_line_chars"] = -hanging, None
    elif first is not None:
        out["first_line_indent_pt"], out["first_line_chars"] = first, None
    if chars("hangingChars") is not None:
        out["first_line_chars"] = -chars("hangingChars")
    elif chars("firstLineChars") is not None:
        out["first_line_chars"] = chars("firstLineChars")


AUTO_SPACING_PT = 14.0


def _spacing_props(spacing: Any, out: dict[str, Any]) -> None:
    for name, key in (("before", "space_before_pt"), ("after", "space_after_pt")):
        value = _int(spacing.get(W + name))
        if value is not None:
            out[key] = value / 20
    for name, key in (("beforeLines", "space_before_pt"), ("afterLines", "space_after_pt")):
        value = _int(spacing.get(W + name))
        if value:
            out[key] = value / 100 * 12.0  # a line of the default grid: 12 pt
    # HTML-style automatic spacing, as Word and LibreOffice lay it out: 14 pt, none between the
    # items of a list (app.ui.qt_formats.word_spacing, where the neighbours are known).
    for name, key, flag in (("beforeAutospacing", "space_before_pt", "auto_before"),
                            ("afterAutospacing", "space_after_pt", "auto_after")):
        value = spacing.get(W + name)
        if value is not None:
            out[flag] = value not in _OFF
            if out[flag]:
                out[key] = AUTO_SPACING_PT
    line = _int(spacing.get(W + "line"))
    if line is not None:
        rule = spacing.get(W + "lineRule") or "auto"
        out["line_rule"] = rule if rule in ("exact", "atLeast") else "auto"
        out["line_spacing"] = line / 240 if out["line_rule"] == "auto" else line / 20


_PARAGRAPH_FIELDS = tuple(f for f in ParagraphLook.__dataclass_fields__)
_RUN_FIELDS = tuple(f for f in RunFormat.__dataclass_fields__)
_FORMAT_CACHE = 8192


# ---------------------------------------------------------------------------------- theme

class Theme:
    """The fonts of a theme part (theme1.xml): major and minor, Latin and East Asian."""

    def __init__(self, theme_el: Any, east_asia_lang: str | None) -> None:
        self.fonts: dict[str, str] = {}
        script = _SCRIPT_OF_LANG.get((east_asia_lang or "zh-CN").lower(), "Hans")
        if theme_el is None:
            return
        for kind in ("major", "minor"):
            font = next(theme_el.iter(DRAWINGML + kind + "Font"), None)
            if font is None:
                continue
            latin = font.find(DRAWINGML + "latin")
            ea = font.find(DRAWINGML + "ea")
            if latin is not None and latin.get("typeface"):
                self.fonts[kind + "Ascii"] = self.fonts[kind + "HAnsi"] = latin.get("typeface")
            typeface = ea.get("typeface") if ea is not None else None
            if not typeface:
                for scripted in font.iterfind(DRAWINGML + "font"):
                    if scripted.get("script") == script and scripted.get("typeface"):
                        typeface = scripted.get("typeface")
                        break
            if typeface:
                self.fonts[kind + "EastAsia"] = typeface

    def font(self, name: str) -> str | None:
        return self.fonts.get(name)


# ------------------------------------------------------------------------------ style sheet

class StyleSheet:
    """The styles of one document, resolved on demand and cached."""

    def __init__(self, styles_el: Any, theme: Theme | None = None) -> None:
        self._theme = theme or Theme(None, None)
        self._styles: dict[str, Any] = {}
        self.default_paragraph: str | None = None
        self.default_table: str | None = None
        self._default_run: dict[str, Any] = {}
        self._default_paragraph: dict[str, Any] = {}
        if styles_el is not None:
            defaults = styles_el.find(W + "docDefaults")
            if defaults is not None:
                rpr = defaults.find(f"{W}rPrDefault/{W}rPr")
                ppr = defaults.find(f"{W}pPrDefault/{W}pPr")
                self._default_run = run_props(rpr, self._theme.font)
                self._default_paragraph = paragraph_props(ppr)
            for style in styles_el.iterfind(W + "style"):
                sid = style.get(W + "styleId")
                if sid is None:
                    continue
                self._styles.setdefault(sid, style)
                if style.get(W + "default") in ("1", "true", "on"):
                    kind = style.get(W + "type")
                    if kind == "paragraph" and self.default_paragraph is None:
                        self.default_paragraph = sid
                    elif kind == "table" and self.default_table is None:
                        self.default_table = sid
        self._chain_cache: dict[tuple[str, str], dict[str, Any]] = {}
        self._context_cache: dict[Any, tuple[dict[str, Any], dict[str, Any]]] = {}
        self._run_cache: dict[Any, tuple[RunFormat, RunFormat | None]] = {}
        self._paragraph_cache: dict[Any, ParagraphLook] = {}

    # -- chains

    def _chain(self, sid: str | None, part: str) -> dict[str, Any]:
        """A style's properties of one kind ("rPr", "pPr", "numPr"), its basedOn chain merged."""
        if not sid:
            return _EMPTY
        key = (sid, part)
        found = self._chain_cache.get(key)
        if found is not None:
            return found
        chain = []
        seen: set[str] = set()
        current: str | None = sid
        while current and current not in seen and current in self._styles:
            seen.add(current)
            style = self._styles[current]
            chain.append(style)
            current = _val(style.find(W + "basedOn"))
        merged: dict[str, Any] = {}
        for style in reversed(chain):
            if part == "rPr":
                merged.update(run_props(style.find(W + "rPr"), self._theme.font))
            else:
                merged.update(paragraph_props(style.find(W + "pPr")))
        self._chain_cache[key] = merged
        return merged

    def style_list(self, sid: str | None) -> ListRef | None:
        """The list a paragraph style numbers its paragraphs with (w:numPr in the style)."""
        props = self._chain(sid or self.default_paragraph, "pPr")
        num = props.get("num_id")
        return ListRef(num, props.get("ilvl") or 0) if num else None

    def style_element(self, sid: str | None) -> Any:
        return self._styles.get(sid) if sid else None

    # -- paragraphs and runs

    def context(self, pstyle: str | None, table_style: str | None) -> tuple[dict[str, Any], dict[str, Any]]:
        """(paragraph properties, run properties) a paragraph of style ``pstyle`` starts from,
        inside a table of style ``table_style`` (None: not in a table)."""
        key = (pstyle, table_style)
        found = self._context_cache.get(key)
        if found is not None:
            return found
        sid = pstyle if pstyle in self._styles else self.default_paragraph
        ppr = dict(self._default_paragraph)
        rpr = dict(self._default_run)
        if table_style:
            ppr.update(self._chain(table_style, "pPr"))
            rpr.update(self._chain(table_style, "rPr"))
        ppr.update(self._chain(sid, "pPr"))
        rpr.update(self._chain(sid, "rPr"))
        self._context_cache[key] = (ppr, rpr)
        return ppr, rpr

    def paragraph_look(self, context: tuple[dict[str, Any], dict[str, Any]], ppr_key: Any, ppr: Any,
                       level_ppr: Props = _EMPTY, level_direct: bool = False) -> ParagraphLook:
        """The look of a paragraph: ``context`` then (for a list paragraph) its level's w:pPr,
        then the paragraph's own w:pPr (``ppr``, cached by ``ppr_key``). A list named in the
        paragraph itself goes over the style's indents; one named by the style goes under."""
        key = (id(context[0]), ppr_key, id(level_ppr), level_direct)
        found = self._paragraph_cache.get(key)
        if found is not None:
            return found
        if level_direct:
            merged = dict(context[0])
            merged.update(level_ppr)
        else:
            merged = dict(level_ppr)
            merged.update(context[0])
        merged.update(paragraph_props(ppr))
        fields = {k: v for k, v in merged.items() if k in _PARAGRAPH_FIELDS and v is not None}
        for edge in ("border_top", "border_bottom"):
            if fields.get(edge) is False:  # an explicit nil took away the edge a style gave
                del fields[edge]
        look = ParagraphLook(**fields)
        self._paragraph_cache[key] = look
        return look

    def run_looks(self, context: tuple[dict[str, Any], dict[str, Any]], rpr_key: Any,
                  rpr: Any) -> tuple[RunFormat, RunFormat | None]:
        """The look of a run with w:rPr ``rpr`` (cached by ``rpr_key``) in a paragraph starting
        from ``context``, and, where a w:hint="eastAsia" gives text without Latin letters or
        digits the East Asian font (as Word shows quotes and dashes then), that look too."""
        key = (id(context[1]), rpr_key)
        found = self._run_cache.get(key)
        if found is not None:
            return found
        merged = dict(context[1])
        if rpr is not None:
            char_style = _val(rpr.find(W + "rStyle"))
            if char_style:
                merged.update(self._chain(char_style, "rPr"))
            merged.update(run_props(rpr, self._theme.font))
        plain = self._finish_run(merged, False)
        east_asian = self._finish_run(merged, True)
        looks = (plain, east_asian if east_asian != plain else None)
        self._run_cache[key] = looks
        return looks

    def label_look(self, context: tuple[dict[str, Any], dict[str, Any]], mark_rpr: Any,
                   level_rpr: Props) -> RunFormat:
        """A list label's look: the paragraph's, then its paragraph mark's w:rPr, then the list
        level's w:rPr (a label never takes the text runs' formatting)."""
        merged = dict(context[1])
        merged.update(run_props(mark_rpr, self._theme.font))
        merged.update(level_rpr)
        return self._finish_run(merged, True)

    def _finish_run(self, merged: dict[str, Any], east_asian_text: bool) -> RunFormat:
        latin = merged.get("font") or DEFAULT_FONT
        east_asia = merged.get("font_east_asia") or latin
        font = east_asia if east_asian_text and merged.get("hint") == "eastAsia" else latin
        return RunFormat(
            bold=bool(merged.get("bold")), italic=bool(merged.get("italic")),
            underline=bool(merged.get("underline")), strike=bool(merged.get("strike")),
            font=font, font_east_asia=east_asia, size_pt=merged.get("size_pt") or DEFAULT_SIZE_PT,
            color=merged.get("color"), highlight=merged.get("highlight"), spacing_pt=merged.get("spacing_pt") or None,
        )

    def theme_font(self, name: str) -> str | None:
        return self._theme.font(name)


# ---------------------------------------------------------------------------------- tables

# w:tblLook bits (the w:val hex form of older files) and attributes.
_LOOK_BITS = {"firstRow": 0x0020, "lastRow": 0x0040, "firstColumn": 0x0080, "lastColumn": 0x0100,
              "noHBand": 0x0200, "noVBand": 0x0400}
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
_EDGE_ALIASES = {"start": "left", "end": "right"}


def _borders(el: Any) -> dict[str, Border | None]:
    """The edges a w:tblBorders or w:tcBorders sets (None: explicitly no line)."""
    out: dict[str, Border | None] = {}
    if el is None:
        return out
    for child in el:
        name = child.tag[len(W):] if child.tag.startswith(W) else ""
        name = _EDGE_ALIASES.get(name, name)
        if name not in _EDGES:
            continue
        style = _val(child) or "single"
        if style in ("nil", "none"):
            out[name] = None
        else:
            size = _int(_val(child, "sz"))
            out[name] = Border(style, (size or 4) / 8, _colour(_val(child, "color")))
    return out


def _shading(parent: Any) -> str | None | bool:
    """A w:shd's fill under ``parent`` ("RRGGBB", None for none), False when there is no w:shd."""
    shd = parent.find(W + "shd") if parent is not None else None
    if shd is None:
        return False
    return _colour(_val(shd, "fill"))


class _TableFormat:
    """One layer of table formatting: table-wide borders and fill, and cell borders and fill."""

    def __init__(self, tblpr: Any = None, tcpr: Any = None) -> None:
        self.table_borders = _borders(tblpr.find(W + "tblBorders")) if tblpr is not None else {}
        self.cell_borders = _borders(tcpr.find(W + "tcBorders")) if tcpr is not None else {}
        self.shading = _shading(tcpr)
        self.table_shading = _shading(tblpr)
        self.cell_margins = _cell_margins(tblpr.find(W + "tblCellMar")) if tblpr is not None else {}


def _row_heights(tbl: Any) -> tuple[float, ...]:
    """Each row's height in points where w:trHeight gives one (at least or exactly), else 0."""
    heights = []
    for tr in tbl.iterfind(W + "tr"):
        trpr = tr.find(W + "trPr")
        height = trpr.find(W + "trHeight") if trpr is not None else None
        value = _int(_val(height)) if height is not None else None
        heights.append(value / 20 if value and _val(height, "hRule") != "auto" else 0.0)
    return tuple(heights) if any(heights) else ()


def _cell_margins(mar: Any) -> dict[str, float]:
    """The default cell margins a w:tblCellMar sets, in points by edge."""
    out: dict[str, float] = {}
    if mar is None:
        return out
    for child in mar:
        name = child.tag[len(W):] if child.tag.startswith(W) else ""
        name = _EDGE_ALIASES.get(name, name)
        width = _int(_val(child, "w"))
        if name in ("top", "left", "bottom", "right") and width is not None and _val(child, "type") in (None, "dxa"):
            out[name] = max(width, 0) / 20
    return out


def _look_flags(tblpr: Any) -> dict[str, bool]:
    look = tblpr.find(W + "tblLook") if tblpr is not None else None
    flags = {"firstRow": True, "lastRow": False, "firstColumn": True, "lastColumn": False,
             "noHBand": False, "noVBand": True}
    if look is None:
        return flags
    bits = look.get(W + "val")
    if bits:
        try:
            value = int(bits, 16)
            flags = {name: bool(value & bit) for name, bit in _LOOK_BITS.items()}
        except ValueError:
            pass
    for name in _LOOK_BITS:
        attr = look.get(W + name)
        if attr is not None:
            flags[name] = attr not in _OFF
    return flags


# Word's cell margins where neither the table nor its style gives any (TableLook's default).
_MARGIN_EDGES = ("top", "left", "bottom", "right")
WORD_CELL_MARGINS_PT = dict(zip(_MARGIN_EDGES, TableLook.cell_margins_pt))


class TableStyles:
    """Table looks from a document's table styles and each table's own properties."""

    def __init__(self, sheet: StyleSheet) -> None:
        self._sheet = sheet
        self._cache: dict[str, tuple[_TableFormat, dict[str, _TableFormat], int, int]] = {}

    def _style(self, sid: str | None) -> tuple[_TableFormat, dict[str, _TableFormat], int, int]:
        """(whole-table format, conditional formats by w:type, row band size, column band size)
        of a table style, following its basedOn chain (nearer layers win edge by edge)."""
        if not sid:
            return _TableFormat(), {}, 1, 1
        if sid in self._cache:
            return self._cache[sid]
        chain = []
        seen: set[str] = set()
        current: str | None = sid
        while current and current not in seen:
            seen.add(current)
            style = self._sheet.style_element(current)
            if style is None:
                break
            chain.append(style)
            current = _val(style.find(W + "basedOn"))
        whole = _TableFormat()
        conditional: dict[str, _TableFormat] = {}
        row_band = col_band = 1
        for style in reversed(chain):
            tblpr, tcpr = style.find(W + "tblPr"), style.find(W + "tcPr")
            _overlay(whole, _TableFormat(tblpr, tcpr))
            if tblpr is not None:
                row_band = _int(_val(tblpr.find(W + "tblStyleRowBandSize"))) or row_band
                col_band = _int(_val(tblpr.find(W + "tblStyleColBandSize"))) or col_band
            for cond in style.iterfind(W + "tblStylePr"):
                kind = cond.get(W + "type") or ""
                layer = conditional.setdefault(kind, _TableFormat())
                _overlay(layer, _TableFormat(cond.find(W + "tblPr"), cond.find(W + "tcPr")))
        found = (whole, conditional, max(1, row_band), max(1, col_band))
        self._cache[sid] = found
        return found

    def table_look(self, tbl: Any, cells: Sequence[Sequence[tuple[int, int, int, Any]]]) -> TableLook:
        """The look of table ``tbl`` whose grid ``cells`` are, row by row, (grid column, columns
        spanned, rows spanned, w:tc) of each cell shown (a vertically merged cell once, in its
        first row)."""
        tblpr = tbl.find(W + "tblPr")
        sid = _val(tblpr.find(W + "tblStyle")) if tblpr is not None else None
        whole, conditional, row_band, col_band = self._style(sid or self._sheet.default_table)
        own = _TableFormat(tblpr)
        table_borders = dict(whole.table_borders)
        table_borders.update(own.table_borders)
        flags = _look_flags(tblpr)
        grid = tbl.find(W + "tblGrid")
        widths = tuple((_int(_val(col, "w")) or 0) / 20 for col in grid.iterfind(W + "gridCol")) \
            if grid is not None else ()
        rows = len(cells)
        columns = max([len(widths)] + [c + s for row in cells for c, s, _, _ in row])
        table_fill = own.table_shading if own.table_shading is not False else whole.table_shading

        def looks() -> dict[tuple[int, int], CellLook]:
            found: dict[tuple[int, int], CellLook] = {}
            for r, row in enumerate(cells):
                for col, span, row_span, tc in row:
                    layers = [whole] + [conditional[k] for k in _conditions(
                        r, col, span, row_span, rows, columns, flags, row_band, col_band) if k in conditional]
                    found[(r, col)] = _cell_look(r, col, span, row_span, rows, columns, table_borders, layers,
                                                 tc.find(W + "tcPr"), table_fill)
            return found

        ind = tblpr.find(W + "tblInd") if tblpr is not None else None
        jc = _val(tblpr.find(W + "jc")) if tblpr is not None else None
        indent = (_int(_val(ind, "w")) or 0) / 20 if ind is not None and _val(ind, "type") in (None, "dxa") else 0.0
        # The cells are worked out when first asked for (the window draws a table once it shows).
        margins = dict(WORD_CELL_MARGINS_PT)
        margins.update(whole.cell_margins)
        margins.update(own.cell_margins)
        return TableLook(widths, indent, _JC.get(jc or "", "left") if jc != "both" else "left", LazyCells(looks),
                         tuple(margins[edge] for edge in _MARGIN_EDGES), _row_heights(tbl))


class LazyCells(Mapping):
    """A table's cell looks, made by ``make`` on first use."""

    def __init__(self, make: Callable[[], dict[tuple[int, int], CellLook]]) -> None:
        self._make: Callable[[], dict[tuple[int, int], CellLook]] | None = make
        self._cells: dict[tuple[int, int], CellLook] = {}

    def _all(self) -> dict[tuple[int, int], CellLook]:
        if self._make is not None:
            make, self._make = self._make, None
            try:
                self._cells = make()
            except (ValueError, TypeError, AttributeError):
                self._cells = {}  # odd cell properties: the cells are drawn plain
        return self._cells

    def __getitem__(self, key: tuple[int, int]) -> CellLook:
        return self._all()[key]

    def __iter__(self):  # noqa: ANN204
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())


def _overlay(base: _TableFormat, layer: _TableFormat) -> None:
    base.cell_margins.update(layer.cell_margins)
    base.table_borders.update(layer.table_borders)
    base.cell_borders.update(layer.cell_borders)
    if layer.shading is not False:
        base.shading = layer.shading
    if layer.table_shading is not False:
        base.table_shading = layer.table_shading


def _conditions(r: int, col: int, span: int, row_span: int, rows: int, columns: int, flags: dict[str, bool],
                row_band: int, col_band: int) -> list[str]:
    """The conditional formats of a table style that apply to a cell, weakest first."""
    first_row, last_row = flags["firstRow"] and r == 0, flags["lastRow"] and r + row_span >= rows
    first_col, last_col = flags["firstColumn"] and col == 0, flags["lastColumn"] and col + span >= columns
    out = []
    if not flags["noVBand"] and not first_col and not last_col:
        index = (col - (1 if flags["firstColumn"] else 0)) // col_band
        out.append("band1Vert" if index % 2 == 0 else "band2Vert")
    if not flags["noHBand"] and not first_row and not last_row:
        index = (r - (1 if flags["firstRow"] else 0)) // row_band
        out.append("band1Horz" if index % 2 == 0 else "band2Horz")
    if first_col:
        out.append("firstCol")
    if last_col:
        out.append("lastCol")
    if first_row:
        out.append("firstRow")
    if last_row:
        out.append("lastRow")
    corners = {(True, True): "nwCell", (True, False): "neCell", (False, True): "swCell", (False, False): "seCell"}
    for (top, left), name in corners.items():
        if (first_row if top else last_row) and (first_col if left else last_col):
            out.append(name)
    return out


def _cell_look(r: int, col: int, span: int, row_span: int, rows: int, columns: int,
               table_borders: Mapping[str, Border | None], layers: Iterable[_TableFormat], tcpr: Any,
               table_fill: str | None | bool) -> CellLook:
    on_top, on_bottom = r == 0, r + row_span >= rows
    on_left, on_right = col == 0, col + span >= columns
    edges: dict[str, Border | None] = {
        "top": table_borders.get("top" if on_top else "insideH"),
        "bottom": table_borders.get("bottom" if on_bottom else "insideH"),
        "left": table_borders.get("left" if on_left else "insideV"),
        "right": table_borders.get("right" if on_right else "insideV"),
    }
    fill: str | None | bool = table_fill if table_fill is not False else None
    sides = (("top", "insideH", on_top), ("bottom", "insideH", on_bottom),
             ("left", "insideV", on_left), ("right", "insideV", on_right))
    for n, layer in enumerate(list(layers) + [_TableFormat(None, tcpr)]):
        if n > 0:
            # A conditional format's table borders outline its region (a first row's bottom
            # edge is the region's bottom) and draw its inner lines.
            region = layer.table_borders
            for edge, inside, outer in sides:
                if not outer and inside in region:
                    edges[edge] = region[inside]
                elif edge in region:
                    edges[edge] = region[edge]
        for edge, _, _ in sides:
            if edge in layer.cell_borders:
                edges[edge] = layer.cell_borders[edge]
        if layer.shading is not False:
            fill = layer.shading
    return CellLook(edges["top"], edges["bottom"], edges["left"], edges["right"],
                    fill if isinstance(fill, str) else None)


@lru_cache(maxsize=_FORMAT_CACHE)
def has_latin(text: str) -> bool:
    """Whether a run's text has a Latin letter or digit (w:hint="eastAsia" does not move those)."""
    return any(c.isascii() and c.isalnum() for c in text)


__all__ = ["DEFAULT_FONT", "DEFAULT_SIZE_PT", "LazyCells", "StyleSheet", "TableStyles", "Theme", "has_latin", "paragraph_props",
           "run_props"]
