"""Floating pictures: the ones Word places at an offset from the page or the paragraph (in front
of the text, behind it, or with no wrapping), which take no room in the text's flow. Each stays in
the Qt document as an object character of no size where the file anchors it (so saving finds it
where it was, and deleting that character deletes the picture, as for a picture in the line) and
is drawn at its place by the handler registered for FLOATING_PICTURE."""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF, QUrl
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPyTextObject, QTextDocument, QTextFormat, QTextImageFormat

from app.core.document import FloatPlace
from app.ui.editor import PAGE_MARGIN_MM, mm_px
from app.ui.qt_formats import EMU_PER_PX, PX_PER_PT

if TYPE_CHECKING:
    from app.ui.report_document import ReportDocument

FLOATING_PICTURE = QTextFormat.ObjectTypes.UserObject + 1
FLOAT_SPOT = QTextFormat.Property.UserProperty + 12
# The height of an A4 page's text in the window (it has no pages): where a picture placed on the
# page's foot or middle stands.
_WINDOW_PAGE_TEXT_PX = mm_px(297 - 2 * PAGE_MARGIN_MM, 96)
# Horizontal references measured from the paper's edge, not from the text's left side.
_FROM_PAPER_EDGE = ("page", "leftMargin", "insideMargin", "outsideMargin")
# Vertical references that are the page (not the anchor paragraph); the first two from its edge.
_ON_PAGE = ("page", "topMargin", "margin", "bottomMargin", "insideMargin", "outsideMargin")


@dataclass(frozen=True)
class Spot:
    """Where a floating picture is drawn, in px: ``x`` from the text's left side (or an
    alignment in the text's width), ``y`` from the top of the anchor paragraph or, ``on_page``,
    of the page's text (or an alignment in the page's height)."""

    x: float
    y: float
    on_page: bool
    x_align: str | None = None
    y_align: str | None = None


def spot_of(place: FloatPlace, left_mm: float, top_mm: float) -> Spot:
    """The file's ``place`` measured from the text: a page's margins (``left_mm``, ``top_mm``)
    come off offsets the file gives from the paper's edge."""
    x = place.x_emu / EMU_PER_PX
    y = place.y_emu / EMU_PER_PX
    if place.x_from in _FROM_PAPER_EDGE:
        x -= mm_px(left_mm, 96)
    if place.y_from in ("page", "topMargin"):
        y -= mm_px(top_mm, 96)
    return Spot(x, y, place.y_from in _ON_PAGE, place.x_align, place.y_align)


def make_floating(document: ReportDocument, fmt: QTextImageFormat, place: FloatPlace, height: float) -> None:
    """Make ``fmt`` (a picture ``height`` px tall) a floating picture of ``document`` at ``place``."""
    show_floating(document)
    spot = spot_of(place, *document.page_margins_mm)
    fmt.setObjectType(FLOATING_PICTURE)
    fmt.setProperty(FLOAT_SPOT, spot)
    document.float_reach = max(document.float_reach, reach_of(spot, height))


def show_floating(document: QTextDocument) -> None:
    """Let ``document``'s layout draw floating pictures (once per document)."""
    if document.findChild(FloatingPictures) is None:
        document.documentLayout().registerHandler(FLOATING_PICTURE, FloatingPictures(document))


def place_of(document: QTextDocument, position: int, spot: Spot, size: QSizeF) -> QPointF:
    """The top left corner of a floating picture of ``size`` anchored at ``position``."""
    frame = document.rootFrame().frameFormat()
    left = frame.leftMargin()
    column = max(document.textWidth() - left - frame.rightMargin(), 0.0)
    x = left + _aligned(spot.x_align, column, size.width(), spot.x)
    block = document.findBlock(position)
    top = document.documentLayout().blockBoundingRect(block).top() + block.blockFormat().topMargin()
    if not spot.on_page:
        return QPointF(x, top + (0.0 if spot.y_align else spot.y))
    page = document.pageSize().height()
    if 0 < page < 1e7:  # on paper: the page the anchor stands on
        return QPointF(x, math.floor(top / page) * page + _aligned(spot.y_align, page, size.height(), spot.y))
    # The window has no pages: the anchor paragraph stands for the top of the page's text.
    return QPointF(x, max(top + _aligned(spot.y_align, _WINDOW_PAGE_TEXT_PX, size.height(), spot.y), 0.0))


def _aligned(align: str | None, room: float, size: float, offset: float) -> float:
    if align == "center":
        return (room - size) / 2
    if align in ("right", "bottom"):
        return room - size
    if align in ("left", "top"):
        return 0.0
    return offset


def reach_of(spot: Spot, height: float) -> float:
    """How far from its anchor paragraph a picture may be drawn (the window paints that much
    more around a repainted area, so that the anchor's pictures are drawn there too)."""
    return abs(spot.y) + height + (_WINDOW_PAGE_TEXT_PX if spot.y_align else 0.0) + 12 * PX_PER_PT


class FloatingPictures(QPyTextObject):
    """Draws FLOATING_PICTURE objects: no size in the line, the picture at its spot."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._images: dict[str, QImage] = {}

    def intrinsicSize(self, document: QTextDocument, position: int,  # noqa: N802 - Qt override
                      fmt: QTextFormat) -> QSizeF:
        # No width; the height of a line of its text, so that a paragraph holding only floating
        # pictures keeps one empty line, as in Word.
        return QSizeF(0, QFontMetricsF(fmt.toCharFormat().font()).height())

    def drawObject(self, painter: QPainter, rect: QRectF, document: QTextDocument,  # noqa: N802 - Qt override
                   position: int, fmt: QTextFormat) -> None:
        spot = fmt.property(FLOAT_SPOT)
        if not isinstance(spot, Spot):
            return
        size = QSizeF(fmt.doubleProperty(QTextFormat.Property.ImageWidth),
                      fmt.doubleProperty(QTextFormat.Property.ImageHeight))
        image = self._image(document, fmt.stringProperty(QTextFormat.Property.ImageName))
        if image is not None and not image.isNull() and size.width() > 0 and size.height() > 0:
            painter.save()
            # Word draws a floating picture where the file puts it, the page's margins included
            # (on paper the caller clips to the page's text).
            painter.setClipping(False)
            painter.drawImage(QRectF(place_of(document, position, spot, size), size), image)
            painter.restore()

    def _image(self, document: QTextDocument, name: str) -> QImage | None:
        known = self._images.get(name)
        if known is None:
            data = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
            known = data if isinstance(data, QImage) else QImage.fromData(data) if data is not None else None
            if known is not None:
                self._images[name] = known
        return known
