"""How the core's formats look in Qt, and back: a RunFormat as a QTextCharFormat, a ParagraphFormat
as a QTextBlockFormat, and what the user changed of them in the editor as formats again."""
from __future__ import annotations

import math
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from app.core.document import Block, ParagraphFormat, ParagraphLook, Run, RunFormat
from app.ui.fonts import (DEFAULT_SIZE_PT, FONT_NAMED, LATIN_STAND_INS, METRIC_TWINS, default_families,
                          installed_families, is_cjk_family, latin_kind)

LINE_GAP_PX = 10  # about half a line of 三号 text
# Which run of the core Block a character format came from (see report_document.BlockData).
RUN_INDEX = QTextFormat.Property.UserProperty + 1
# Marks a picture put in by document_build (its value: the picture's key in the package).
IMAGE_KEY = QTextFormat.Property.UserProperty + 2
# Which picture it is (a number for the ImageRef it was made from, see ReportDocument.pictures):
# two pictures of the same media are still two pictures, and one deleted must not take the other.
IMAGE_REF = QTextFormat.Property.UserProperty + 3
IMAGE_SCHEME = "tianbao-image"
# On a character format: it shows the run's resolved look (Run.look), not only its direct format;
# on a block format: it shows the paragraph's look (Block.look). What the user changed is told
# against what was built, and only that goes into the direct formatting (never the look).
LOOK_SHOWN = QTextFormat.Property.UserProperty + 4
# On a block format built from a look: the first-line indent and alignment as built, and the room
# (px) the list label takes before the first line's text (painted there, never text).
BUILT_INDENT = QTextFormat.Property.UserProperty + 5
BUILT_ALIGNMENT = QTextFormat.Property.UserProperty + 6
LABEL_ROOM = QTextFormat.Property.UserProperty + 7
# On a block format: the space (px) added above a paragraph that starts a new page in Word, so
# the screen shows the break (a line is painted in it); paper breaks the page instead.
SCREEN_BREAK_GAP = QTextFormat.Property.UserProperty + 8
# A paragraph's lines above and below it (w:pBdr): a Border each, drawn by
# app.ui.list_labels.draw_borders in the room the margins leave for them.
BORDER_TOP = QTextFormat.Property.UserProperty + 9
BORDER_BOTTOM = QTextFormat.Property.UserProperty + 10
# A table's row heights in px (w:trHeight, 0: as tall as the text), on its QTextTableFormat:
# Qt has no row heights, so app.ui.table_rows.fit_rows pads the rows that come out shorter.
ROW_HEIGHTS = QTextFormat.Property.UserProperty + 11
BREAK_GAP_PX = 36.0
PX_PER_PT = 96 / 72
# Word's single line for Chinese text: about 1.3 times the font size (宋体, 仿宋).
WORD_LINE = 1.3
# The width of the text on the editor's page (A4 less 27 mm margins each side) at 96 dpi.
PAGE_TEXT_PX = (210 - 2 * 27) / 25.4 * 96
EMU_PER_PX = 914400 / 96

ALIGN_TO_QT = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
    "distribute": Qt.AlignmentFlag.AlignJustify,  # Qt has no distributed alignment
}


def families_of(fmt: RunFormat) -> list[str]:
    names = list(dict.fromkeys(n for n in (fmt.font, fmt.font_east_asia) if n))
    if not names:
        return []
    stand_in = latin_stand_in(fmt.font) if fmt.font else None
    return names + ([stand_in] if stand_in and stand_in not in names else []) + [
        f for f in default_families() if f not in names and f != stand_in]


def latin_stand_in(family: str) -> str | None:
    """The installed font that shows the Latin text of ``family`` where it is not installed
    (app.ui.fonts.LATIN_STAND_INS), None where it is, where it is a CJK font (whose Latin letters
    the CJK fallbacks show) or where none of its kind is."""
    installed = installed_families()
    if family in installed or is_cjk_family(family):
        return None
    twin = METRIC_TWINS.get(family.lower())
    if twin in installed:
        return twin
    return next((f for f in LATIN_STAND_INS[latin_kind(family)] if f in installed), None)


def colour_brush(rrggbb: str | None) -> QBrush | None:
    """A brush of the file's colour "RRGGBB"; None for none or one Qt cannot read."""
    if not rrggbb:
        return None
    colour = QColor("#" + rrggbb)
    return QBrush(colour) if colour.isValid() else None


def char_format(fmt: RunFormat, run_index: int | None = None, look: bool = False) -> QTextCharFormat:
    """The QTextCharFormat showing ``fmt``; attributes left to the style stay unset. ``look``:
    ``fmt`` is the run's resolved look (marked, so that saving tells the user's changes from it)."""
    cf = QTextCharFormat()
    if look:
        cf.setProperty(LOOK_SHOWN, True)
        if fmt.highlight:
            colour = HIGHLIGHTS.get(fmt.highlight.lower())
            if colour:
                cf.setBackground(QBrush(QColor(colour)))
    if fmt.bold is not None:
        cf.setFontWeight(QFont.Weight.Bold if fmt.bold else QFont.Weight.Normal)
    if fmt.italic is not None:
        cf.setFontItalic(fmt.italic)
    if fmt.underline is not None:
        cf.setFontUnderline(fmt.underline)
    if fmt.strike is not None:
        cf.setFontStrikeOut(fmt.strike)
    if fmt.size_pt:
        cf.setFontPointSize(fmt.size_pt)
    families = families_of(fmt)
    if families:
        cf.setFontFamilies(families)
        cf.setProperty(FONT_NAMED, fmt.font_east_asia or fmt.font)
    brush = colour_brush(fmt.color)
    if brush is not None:
        cf.setForeground(brush)
    if fmt.spacing_pt:
        cf.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
        cf.setFontLetterSpacing(fmt.spacing_pt * PX_PER_PT)
    if run_index is not None:
        cf.setProperty(RUN_INDEX, run_index)
    return cf


# The formats of looks already shown: a report has few distinct looks and many runs.
_look_formats: dict[RunFormat, QTextCharFormat] = {}


def run_char_format(run: Run, run_index: int | None = None) -> QTextCharFormat:
    """How the editor shows ``run``: as Word does (its look) where the reader resolved it."""
    if run.look is None:
        return char_format(run.format, run_index)
    shown = _look_formats.get(run.look)
    if shown is None:
        if len(_look_formats) > 4096:
            _look_formats.clear()
        shown = _look_formats[run.look] = char_format(run.look, look=True)
    cf = QTextCharFormat(shown)
    if run_index is not None:
        cf.setProperty(RUN_INDEX, run_index)
    return cf


# Word's highlight names (w:highlight) and the colours Word paints them in.
HIGHLIGHTS = {
    "yellow": "#FFFF00", "green": "#00FF00", "cyan": "#00FFFF", "magenta": "#FF00FF", "blue": "#0000FF",
    "red": "#FF0000", "darkblue": "#000080", "darkcyan": "#008080", "darkgreen": "#008000",
    "darkmagenta": "#800080", "darkred": "#800000", "darkyellow": "#808000", "darkgray": "#808080",
    "lightgray": "#C0C0C0", "black": "#000000", "white": "#FFFFFF",
}


def _visible(cf: QTextCharFormat) -> tuple:
    """What the user sees of a character format: compared to tell a user's change."""
    families = cf.fontFamilies() if cf.hasProperty(QTextFormat.Property.FontFamilies) else None
    color = cf.foreground().color().name() if cf.hasProperty(QTextFormat.Property.ForegroundBrush) else None
    return (
        cf.fontWeight() >= QFont.Weight.DemiBold if cf.hasProperty(QTextFormat.Property.FontWeight) else None,
        cf.fontItalic() if cf.hasProperty(QTextFormat.Property.FontItalic) else None,
        cf.fontUnderline() if cf.hasProperty(QTextFormat.Property.FontUnderline)
        or cf.hasProperty(QTextFormat.Property.TextUnderlineStyle) else None,
        cf.fontStrikeOut() if cf.hasProperty(QTextFormat.Property.FontStrikeOut) else None,
        round(cf.fontPointSize(), 2) if cf.hasProperty(QTextFormat.Property.FontPointSize) else None,
        tuple(families) if families else None,
        color,
    )


def run_format_of(cf: QTextCharFormat, base: RunFormat, look: RunFormat | None = None) -> RunFormat:
    """The RunFormat of a fragment: ``base`` (the direct format of the run it came from) plus what
    the user changed. A fragment shown with the run's ``look`` is compared with that look, so
    only what the user changed becomes direct formatting, never what the styles give."""
    now = _visible(cf)
    shown = look if look is not None and cf.property(LOOK_SHOWN) else base
    was = _visible(char_format(shown))
    if now == was:
        return base
    bold, italic, underline, strike, size, families, color = now
    changes: dict = {}
    if bold != was[0]:
        changes["bold"] = bold
    if italic != was[1]:
        changes["italic"] = italic
    if underline != was[2]:
        changes["underline"] = underline
    if strike != was[3]:
        changes["strike"] = strike
    if size != was[4]:
        changes["size_pt"] = size
    if families != was[5]:
        first = families[0] if families else None
        changes["font"] = first
        changes["font_east_asia"] = first
    if color != was[6]:
        changes["color"] = color.lstrip("#").upper() if color else None
    return replace(base, **changes)


def block_format(fmt: ParagraphFormat, font_pt: float = DEFAULT_SIZE_PT) -> QTextBlockFormat:
    bf = QTextBlockFormat()
    if fmt.alignment in ALIGN_TO_QT:
        bf.setAlignment(ALIGN_TO_QT[fmt.alignment])
    indent_pt = None
    if fmt.first_line_chars is not None:
        indent_pt = fmt.first_line_chars * font_pt
    elif fmt.first_line_indent_pt is not None:
        indent_pt = fmt.first_line_indent_pt
    if indent_pt:
        bf.setTextIndent(indent_pt * 96 / 72)
    if fmt.left_indent_pt:
        bf.setLeftMargin(fmt.left_indent_pt * 96 / 72)
    if fmt.right_indent_pt:
        bf.setRightMargin(fmt.right_indent_pt * 96 / 72)
    if fmt.space_before_pt:
        bf.setTopMargin(fmt.space_before_pt * 96 / 72)
    if fmt.space_after_pt:
        bf.setBottomMargin(fmt.space_after_pt * 96 / 72)
    return bf


def look_block_format(look: ParagraphLook, font_pt: float, label_room: float = 0.0,
                      grid_pt: float | None = None) -> QTextBlockFormat:
    """The paragraph as Word lays it out (``look``): alignment, indents (characters × the
    paragraph's font size where the file gives characters; a hanging indent is a negative
    first-line indent), line spacing, space before and after, page break before, shading.
    ``label_room``: px the list label takes before the first line's text; ``grid_pt``: the page's
    line pitch, where the document grid snaps lines to it."""
    bf = QTextBlockFormat()
    bf.setProperty(LOOK_SHOWN, True)
    bf.setAlignment(ALIGN_TO_QT.get(look.alignment, Qt.AlignmentFlag.AlignLeft))
    left = look.left_chars * font_pt if look.left_chars is not None else look.left_indent_pt
    right = look.right_chars * font_pt if look.right_chars is not None else look.right_indent_pt
    first = look.first_line_chars * font_pt if look.first_line_chars is not None else look.first_line_indent_pt
    if left:
        bf.setLeftMargin(left * PX_PER_PT)
    if right:
        bf.setRightMargin(right * PX_PER_PT)
    indent = first * PX_PER_PT + label_room
    if indent:
        bf.setTextIndent(indent)
    if label_room:
        bf.setProperty(LABEL_ROOM, label_room)
    # A border stands between the paragraph's spacing and its text, with its own space.
    top, bottom = look.border_top, look.border_bottom
    top_room = top.space_pt + top.width_pt if top is not None else 0.0
    bottom_room = bottom.space_pt + bottom.width_pt if bottom is not None else 0.0
    if look.space_before_pt or top_room:
        bf.setTopMargin((look.space_before_pt + top_room) * PX_PER_PT)
    if look.space_after_pt or bottom_room:
        bf.setBottomMargin((look.space_after_pt + bottom_room) * PX_PER_PT)
    if top is not None:
        bf.setProperty(BORDER_TOP, top)
    if bottom is not None:
        bf.setProperty(BORDER_BOTTOM, bottom)
    kinds = QTextBlockFormat.LineHeightTypes
    if look.line_rule == "exact" and look.line_spacing > 0:
        bf.setLineHeight(look.line_spacing * PX_PER_PT, kinds.FixedHeight.value)
    elif look.line_rule == "atLeast" and look.line_spacing > 0:
        bf.setLineHeight(look.line_spacing * PX_PER_PT, kinds.MinimumHeight.value)
    elif grid_pt and look.snap_to_grid and 0.5 <= look.line_spacing <= 5:
        # Word snaps each line to whole pitches of the grid: a line of 五号 takes one 15.6 pt
        # pitch, one of 三号 two (taller content, a picture, still makes its line taller).
        pitches = max(1, math.ceil(font_pt * WORD_LINE / grid_pt - 0.01))
        bf.setLineHeight(pitches * grid_pt * look.line_spacing * PX_PER_PT, kinds.MinimumHeight.value)
    elif 0.5 <= look.line_spacing <= 5:
        # Word's single line is about 1.3 times the font size for CJK fonts; Qt's 100 % is the
        # font's own height, close enough to keep the pages where Word breaks them.
        bf.setLineHeight(look.line_spacing * 100, kinds.ProportionalHeight.value)
    if look.page_break_before:
        break_page_before(bf)
    # (Word's w:keepLines keeps a paragraph's lines on one page; Qt's nonBreakableLines would stop
    # them wrapping at all, so it is not carried over: a long Heading 1 ran off the page.)
    brush = colour_brush(look.shading)
    if brush is not None:
        bf.setBackground(brush)
    bf.setProperty(BUILT_INDENT, bf.textIndent())
    bf.setProperty(BUILT_ALIGNMENT, _alignment_name(bf))
    return bf


def picture_line_spacing(bf: QTextBlockFormat, font_pt: float) -> None:
    """Line spacing in multiples for a paragraph with a picture in the line: Word and LibreOffice
    add the multiple's extra to the font's line, not to the picture's height (Qt's proportional
    height would stretch a tall chart's line by the same percentage)."""
    extra = (bf.lineHeight() / 100 - 1) * font_pt * WORD_LINE * PX_PER_PT
    bf.setLineHeight(max(extra, 0.0), QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)


def break_page_before(bf: QTextBlockFormat) -> None:
    """The paragraph starts a new page: on paper a page break, on screen space with a line in it."""
    if bf.hasProperty(SCREEN_BREAK_GAP):
        return
    bf.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    bf.setTopMargin(bf.topMargin() + BREAK_GAP_PX)
    bf.setProperty(SCREEN_BREAK_GAP, BREAK_GAP_PX)


def _alignment_name(bf: QTextBlockFormat) -> str | None:
    if not bf.hasProperty(QTextFormat.Property.BlockAlignment):
        return None
    align = bf.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
    for name, flag in ALIGN_TO_QT.items():
        if align == flag:
            return name
    return "left"


def paragraph_format_of(bf: QTextBlockFormat, base: ParagraphFormat, font_pt: float) -> ParagraphFormat:
    """``base`` plus the alignment and first-line indent the user changed in the editor (told
    against the format as built: from the look, or from ``base``)."""
    if bf.hasProperty(BUILT_INDENT):
        was_indent = float(bf.property(BUILT_INDENT))
        was_alignment = bf.property(BUILT_ALIGNMENT)
    else:
        was = block_format(base, font_pt)
        was_indent, was_alignment = was.textIndent(), _alignment_name(was)
    changes: dict = {}
    if _alignment_name(bf) != was_alignment:
        changes["alignment"] = _alignment_name(bf)
    if round(bf.textIndent(), 1) != round(was_indent, 1):
        indent = bf.textIndent() - float(bf.property(LABEL_ROOM) or 0.0)
        chars = indent / (font_pt * PX_PER_PT)
        changes["first_line_chars"] = round(chars, 2) if indent else None
        changes["first_line_indent_pt"] = None
    return replace(base, **changes) if changes else base


def block_font_pt(block: Block) -> float:
    sizes = [r.format.size_pt for r in block.runs if r.format.size_pt]
    return sizes[0] if sizes else DEFAULT_SIZE_PT


def look_font_pt(block: Block) -> float:
    """The paragraph's font size as Word shows it (what its character-unit indents count in)."""
    for run in block.runs:
        if run.look is not None and run.look.size_pt:
            return run.look.size_pt
    if block.label_look is not None and block.label_look.size_pt:
        return block.label_look.size_pt
    return block_font_pt(block)


def default_font() -> QFont:
    font = QFont()
    font.setFamilies(default_families())
    font.setPointSizeF(DEFAULT_SIZE_PT)
    return font


def _same_style(one: Block | None, other: Block | None) -> bool:
    return one is not None and other is not None and one.style == other.style


def _same_list(one: Block | None, other: Block | None) -> bool:
    return (one is not None and other is not None and one.list_ref is not None and other.list_ref is not None
            and one.list_ref.num_id == other.list_ref.num_id)


def _contextual(core: Block) -> bool:
    return core.look is not None and core.look.contextual_spacing


def _kept_before(previous: Block | None, core: Block) -> float:
    """The space before ``core`` (points) Word keeps after ``previous``: none between two
    paragraphs of one style where it has contextual spacing, and no automatic (HTML) spacing
    between two items of one list."""
    look = core.look
    if look is None or look.page_break_before:
        return 0.0
    if (_contextual(core) and _same_style(previous, core)) or (look.auto_before and _same_list(previous, core)):
        return 0.0
    return look.space_before_pt


def _kept_after(core: Block, following: Block | None) -> float:
    """The space after ``core`` (points) Word keeps before ``following`` (as _kept_before)."""
    look = core.look
    if (_contextual(core) and _same_style(core, following)) or (look.auto_after and _same_list(core, following)):
        return 0.0
    return look.space_after_pt


def word_spacing(previous: Block | None, core: Block, following: Block | None,
                 adds: bool = True) -> tuple[float, float]:
    """(px taken off the space before, px added to the space after) of ``core`` between its
    neighbours in the same flow, so that Qt (which keeps the larger of two paragraphs' margins)
    leaves Word's gap: the space after plus the next one's space before where the file ``adds``
    them (Document.spacing_adds, from the file's settings), else the larger of the two; either way with the
    borders' room on top, and without the spaces _kept_before and _kept_after leave out."""
    look = core.look
    if look is None:
        return 0.0, 0.0
    drop_before = (look.space_before_pt - _kept_before(previous, core)) * PX_PER_PT if not look.page_break_before else 0.0
    after = _kept_after(core, following)
    before = _kept_before(core, following) if following is not None else 0.0
    border = following.look.border_top if following is not None and following.look is not None else None
    room = border.space_pt + border.width_pt if border is not None and not following.look.page_break_before else 0.0
    gap = (after + before) if adds else max(after, before)
    return drop_before, (gap + room - look.space_after_pt) * PX_PER_PT
