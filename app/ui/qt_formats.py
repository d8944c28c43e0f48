"""How the core's formats look in Qt, and back: a RunFormat as a QTextCharFormat, a ParagraphFormat
as a QTextBlockFormat, and what the user changed of them in the editor as formats again."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextFormat

from app.core.document import Block, ParagraphFormat, RunFormat
from app.ui.fonts import DEFAULT_FAMILIES, DEFAULT_SIZE_PT

LINE_GAP_PX = 10  # about half a line of 三号 text
# Which run of the core Block a character format came from (see report_document.BlockData).
RUN_INDEX = QTextFormat.Property.UserProperty + 1
# Marks a picture put in by document_build (its value: the picture's key in the package).
IMAGE_KEY = QTextFormat.Property.UserProperty + 2
# Which picture it is (a number for the ImageRef it was made from, see ReportDocument.pictures):
# two pictures of the same media are still two pictures, and one deleted must not take the other.
IMAGE_REF = QTextFormat.Property.UserProperty + 3
IMAGE_SCHEME = "tianbao-image"
# The width of the text on the editor's page (A4 less 27 mm margins each side) at 96 dpi.
PAGE_TEXT_PX = (210 - 2 * 27) / 25.4 * 96
EMU_PER_PX = 914400 / 96

ALIGN_TO_QT = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}


def families_of(fmt: RunFormat) -> list[str]:
    names = [n for n in (fmt.font, fmt.font_east_asia) if n]
    return names + [f for f in DEFAULT_FAMILIES if f not in names] if names else []


def char_format(fmt: RunFormat, run_index: int | None = None) -> QTextCharFormat:
    """The QTextCharFormat showing ``fmt``; attributes left to the style stay unset."""
    cf = QTextCharFormat()
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
    if fmt.color:
        try:
            cf.setForeground(QBrush(QColor("#" + fmt.color)))
        except (TypeError, ValueError):
            pass
    if run_index is not None:
        cf.setProperty(RUN_INDEX, run_index)
    return cf


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


def run_format_of(cf: QTextCharFormat, base: RunFormat) -> RunFormat:
    """The RunFormat of a fragment: ``base`` (the run it came from) plus what the user changed."""
    now = _visible(cf)
    was = _visible(char_format(base))
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


def _alignment_name(bf: QTextBlockFormat) -> str | None:
    if not bf.hasProperty(QTextFormat.Property.BlockAlignment):
        return None
    align = bf.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
    for name, flag in ALIGN_TO_QT.items():
        if align == flag:
            return name
    return "left"


def paragraph_format_of(bf: QTextBlockFormat, base: ParagraphFormat, font_pt: float) -> ParagraphFormat:
    """``base`` plus the alignment and first-line indent the user changed in the editor."""
    was = block_format(base, font_pt)
    changes: dict = {}
    if _alignment_name(bf) != _alignment_name(was):
        changes["alignment"] = _alignment_name(bf)
    if round(bf.textIndent(), 1) != round(was.textIndent(), 1):
        chars = bf.textIndent() / (font_pt * 96 / 72)
        changes["first_line_chars"] = round(chars, 2) if bf.textIndent() else None
        changes["first_line_indent_pt"] = None
    return replace(base, **changes) if changes else base


def block_font_pt(block: Block) -> float:
    sizes = [r.format.size_pt for r in block.runs if r.format.size_pt]
    return sizes[0] if sizes else DEFAULT_SIZE_PT


def default_font() -> QFont:
    font = QFont()
    font.setFamilies(DEFAULT_FAMILIES)
    font.setPointSizeF(DEFAULT_SIZE_PT)
    return font
