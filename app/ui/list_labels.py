"""Word's list labels ("一、", "3.1", "a)", "•") drawn before their paragraphs, as Word shows them.

A label is no part of the text (the writer never writes one): the paragraph's first line is
indented to make room for it (``label_room``, built into its block format as ``LABEL_ROOM``) and
the label is painted into that room over the laid-out page, in the editor (only the paragraphs
on screen, as the placeholder marks are) and on paper (app.ui.printing). It cannot be selected,
typed into or saved; after sections move, ``app.core.numbering.relabel`` works the labels out
again and a repaint shows them.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextEdit

from app.core.document import Block, RunFormat
from app.ui.block_data import data_of
from app.ui.qt_formats import (BORDER_BOTTOM, BORDER_TOP, LABEL_ROOM, PX_PER_PT, SCREEN_BREAK_GAP, char_format,
                               default_font)

# Word's default tab stop in Chinese documents (w:defaultTabStop 420 twips = 21 pt).
TAB_STOP_PX = 21 * PX_PER_PT
_fonts: dict[RunFormat | None, QFont] = {}
_widths: dict[tuple[RunFormat | None, str], float] = {}


def label_font(look: RunFormat | None) -> QFont:
    font = _fonts.get(look)
    if font is None:
        font = default_font()
        if look is not None:
            shown = char_format(look, look=True)
            if shown.fontFamilies():
                font.setFamilies(shown.fontFamilies())
            if look.size_pt:
                font.setPointSizeF(look.size_pt)
            font.setBold(bool(look.bold))
            font.setItalic(bool(look.italic))
        _fonts[look] = font
    return font


def _width(look: RunFormat | None, text: str) -> float:
    key = (look, text)
    width = _widths.get(key)
    if width is None:
        width = _widths[key] = QFontMetricsF(label_font(look)).horizontalAdvance(text)
    return width


def label_room(block: Block, left_px: float, first_px: float) -> float:
    """How far the first line's text starts after where the label starts (px): the label's
    width and what follows it (w:suff) — to the next tab stop, which for a hanging indent the
    label fits in is the paragraph's left indent, as in Word."""
    width = _width(block.label_look, block.label)
    if block.label_suffix == "nothing":
        return width
    if block.label_suffix == "space":
        return width + _width(block.label_look, " ")
    start = left_px + first_px
    end = start + width
    if first_px < 0 and end < left_px:
        return left_px - start
    # Word's tab stops run from the text area's left edge; at least a little gap stays.
    return max(math.ceil((end + 1) / TAB_STOP_PX) * TAB_STOP_PX - start, width + 2)


def draw_label(painter: QPainter, document: QTextDocument, block: QTextBlock, core: Block,
               offset: QPointF, ink: QColor, font_scale: float = 1.0) -> None:
    """Paint ``core``'s label into the room left before ``block``'s first line; ``font_scale``
    turns the label's points into the painter's when it is scaled from the layout's resolution
    (paper)."""
    room = block.blockFormat().property(LABEL_ROOM)
    layout = block.layout()
    if not room or layout is None or layout.lineCount() == 0:
        return
    line = layout.lineAt(0)
    x_text = line.cursorToX(line.textStart())
    x_text = x_text[0] if isinstance(x_text, tuple) else x_text
    box = document.documentLayout().blockBoundingRect(block).translated(offset)
    font = label_font(core.label_look)
    if font_scale != 1.0:
        font = QFont(font)
        font.setPointSizeF(font.pointSizeF() * font_scale)
    baseline = box.top() + line.y() + line.ascent()
    colour = QColor("#" + core.label_look.color) if core.label_look is not None and core.label_look.color else ink
    painter.setFont(font)
    painter.setPen(colour if colour.isValid() else ink)
    painter.drawText(QPointF(box.left() + x_text - float(room), baseline), core.label)


def labelled(block: QTextBlock) -> Block | None:
    """The core Block whose label ``block`` shows, or None."""
    data = data_of(block)
    core = data.block if data is not None else None
    if core is None or not core.label or not block.blockFormat().hasProperty(LABEL_ROOM):
        return None
    return core


def paint_labels(editor: QTextEdit, painter: QPainter, on_screen: list[tuple[QTextBlock, QRectF]]) -> None:
    """The list labels of the paragraphs on screen (``block_data.blocks_on_screen`` with whole
    tables: a table above the screen's top may hold labelled cells that reach into view), and
    Word's page breaks before paragraphs."""
    document = editor.document()
    offset = QPointF(-editor.horizontalScrollBar().value(), -editor.verticalScrollBar().value())
    ink = editor.palette().color(editor.palette().ColorRole.Text)
    for block, box in on_screen:
        if box.bottom() < 0:
            continue
        core = labelled(block)
        if core is not None:
            draw_label(painter, document, block, core, offset, ink)
        fmt = block.blockFormat()
        gap = fmt.property(SCREEN_BREAK_GAP)
        if gap:
            _draw_page_break(painter, block, box, float(gap))
        if fmt.hasProperty(BORDER_TOP) or fmt.hasProperty(BORDER_BOTTOM):
            draw_borders(painter, block, box, ink)


_BORDER_DASHES = {"dashed": Qt.PenStyle.DashLine, "dotted": Qt.PenStyle.DotLine, "dotDash": Qt.PenStyle.DashDotLine,
                  "dotDotDash": Qt.PenStyle.DashDotDotLine, "dashSmallGap": Qt.PenStyle.DashLine}


def draw_borders(painter: QPainter, block: QTextBlock, box: QRectF, ink: QColor) -> None:
    """A paragraph's lines above and below its text (w:pBdr), in the room its margins keep for
    them, across the paragraph's indents."""
    fmt = block.blockFormat()
    left = box.left() + fmt.leftMargin()
    right = left + box.width()
    painter.save()
    for key, sign, edge in ((BORDER_TOP, -1, box.top()), (BORDER_BOTTOM, 1, box.bottom())):
        border = fmt.property(key)
        if border is None:
            continue
        width = max(border.width_pt * PX_PER_PT, 0.75)
        colour = QColor("#" + border.color) if border.color else ink
        pen = QPen(colour if colour.isValid() else ink, width if border.style != "double" else width / 3,
                   _BORDER_DASHES.get(border.style, Qt.PenStyle.SolidLine))
        painter.setPen(pen)
        y = edge + sign * (border.space_pt * PX_PER_PT + width / 2)
        if border.style == "double":
            for shift in (-width / 3, width / 3):
                painter.drawLine(QPointF(left, y + shift), QPointF(right, y + shift))
        else:
            painter.drawLine(QPointF(left, y), QPointF(right, y))
    painter.restore()


def paint_page_borders(painter: QPainter, document: QTextDocument, bordered: list[QTextBlock], clip: QRectF) -> None:
    """The paragraph borders of ``bordered`` (paragraphs of a printed copy) on the page ``clip``."""
    layout = document.documentLayout()
    for block in bordered:
        box = layout.blockBoundingRect(block)
        if box.bottom() >= clip.top() - 20 and box.top() <= clip.bottom() + 20:
            draw_borders(painter, block, box, QColor("#000000"))


def _draw_page_break(painter: QPainter, block: QTextBlock, box: QRectF, gap: float) -> None:
    """Where Word starts a new page (page break before): a dashed line across the text column,
    in the space left above the paragraph."""
    fmt = block.blockFormat()
    y = box.top() + (fmt.topMargin() - gap) + gap / 2
    painter.save()
    painter.setPen(QPen(QColor("#b0b4ba"), 1, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
    painter.restore()


def paint_page_labels(painter: QPainter, document: QTextDocument, labels: list[tuple[QTextBlock, Block]],
                      clip: QRectF, layout_dpi: float) -> None:
    """The labels of the paragraphs (of a printed copy laid out at ``layout_dpi`` and painted
    scaled up to the printer's resolution) that stand on the page ``clip``."""
    layout = document.documentLayout()
    # A font's points are the printer's: they would be scaled up once more with the painter.
    font_scale = layout_dpi / painter.device().logicalDpiY()
    for block, core in labels:
        box = layout.blockBoundingRect(block)
        if box.bottom() >= clip.top() and box.top() <= clip.bottom():
            draw_label(painter, document, block, core, QPointF(0, 0), QColor("#000000"), font_scale)


__all__ = ["draw_borders", "label_font", "label_room", "labelled", "paint_labels", "paint_page_borders",
           "paint_page_labels"]
