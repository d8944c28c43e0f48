"""A core Document shown in a ReportDocument: one QTextBlock per Block (a table's cells in a
QTextTable), each with its BlockData, scanned as it is made, pictures as image objects."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from app.core.block_scan import rescan
from app.core.document import Block, CellRef, Document, ImageRef, ParagraphFormat
from app.core.offsets import LINE_BREAK, OBJECT, shown_text
from app.ui.block_data import BlockData, data_of
from app.ui.i18n import translate
from app.ui.qt_formats import (
    EMU_PER_PX,
    IMAGE_KEY,
    IMAGE_REF,
    IMAGE_SCHEME,
    LINE_GAP_PX,
    PAGE_TEXT_PX,
    block_font_pt,
    block_format,
    char_format,
    default_font,
)

if TYPE_CHECKING:
    from app.ui.report_document import ReportDocument


def build(document: Document, qdoc: ReportDocument) -> None:
    """Fill the new, empty ``qdoc`` with ``document``, without undo history, in one edit block
    (so listeners see one change covering everything), scanning each block as it goes."""
    qdoc.setUndoRedoEnabled(False)
    qdoc.setDefaultFont(default_font())
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    if document.origin == "text" and all(b.cell is None and not b.images for b in document.blocks):
        _build_plain(qdoc, document, cursor)
    else:
        build_rich(qdoc, document, cursor)
    space_lines(qdoc)
    cursor.endEditBlock()
    qdoc.setUndoRedoEnabled(True)
    qdoc.setModified(False)


def space_lines(qdoc: QTextDocument) -> None:
    """Lines spaced for reading on screen, about as a printed report has them (one call for all)."""
    cursor = QTextCursor(qdoc)
    cursor.select(QTextCursor.SelectionType.Document)
    spacing = QTextBlockFormat()
    # Extra leading in pixels: Qt lays this out about twice as fast as a proportional height.
    spacing.setLineHeight(LINE_GAP_PX, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    cursor.mergeBlockFormat(spacing)


def _build_plain(qdoc: ReportDocument, document: Document, cursor: QTextCursor) -> None:
    # One insert of the whole text is far faster than an insert per line on a long report.
    cursor.insertText("\n".join(b.text.replace("\n", LINE_BREAK) for b in document.blocks))
    block = cursor.document().begin()
    for core in document.blocks:
        if not block.isValid():
            break
        rescan(qdoc.attach(block, BlockData(core)), block.text())
        if core.format != ParagraphFormat():
            QTextCursor(block).setBlockFormat(block_format(core.format, block_font_pt(core)))
        block = block.next()


def build_rich(qdoc: ReportDocument, document: Document, cursor: QTextCursor) -> None:
    blocks = document.blocks
    _add_image_resources(document, cursor.document())
    first = True
    i = 0
    while i < len(blocks):
        core = blocks[i]
        if core.cell is not None:
            j = i
            while j < len(blocks) and blocks[j].cell is not None and blocks[j].cell.table == core.cell.table:
                j += 1
            # Qt puts a table after the cursor's block; an empty block without a paragraph of
            # its own (document start, or right after another table) is only Qt's scaffolding.
            if data_of(cursor.block()) is None:
                qdoc.attach(cursor.block(), BlockData(None, phantom=True))
            _insert_table(qdoc, cursor, blocks[i:j])
            cursor.movePosition(QTextCursor.MoveOperation.End)
            first = False
            i = j
            continue
        if not first and data_of(cursor.block()) is not None:
            cursor.insertBlock()
        elif not first and cursor.block().length() > 1:
            cursor.insertBlock()
        _fill_block(qdoc, cursor, core)
        first = False
        i += 1
    if data_of(cursor.block()) is None:
        qdoc.attach(cursor.block(), BlockData(None, phantom=True))


def shown_text_of(core: Block) -> str:
    """The block's text as Qt holds it: line breaks as LINE_BREAK, an OBJECT per picture."""
    return shown_text(core.text, [image.offset for image in core.images])


def _fill_block(qdoc: ReportDocument, cursor: QTextCursor, core: Block, max_width: float = PAGE_TEXT_PX) -> None:
    bf = block_format(core.format, block_font_pt(core))
    cursor.setBlockFormat(bf)
    if core.images:
        # A picture fits the line it stands on: the page less the paragraph's indents.
        max_width = max(max_width - bf.leftMargin() - bf.rightMargin() - max(bf.textIndent(), 0.0), 48.0)
    rescan(qdoc.attach(cursor.block(), BlockData(core)), shown_text_of(core))
    first_format = char_format(core.runs[0].format, 0) if core.runs else QTextCharFormat()
    cursor.setBlockCharFormat(_keeping_cell(cursor, first_format) if core.cell is not None else first_format)
    images = sorted(core.images, key=lambda i: i.offset)
    next_image = 0
    offset = 0
    fmt = first_format
    for n, run in enumerate(core.runs):
        before = fmt
        fmt = char_format(run.format, n)
        text = run.text
        # The pictures standing inside or before this run split it where they stand.
        while next_image < len(images) and images[next_image].offset < offset + len(text):
            cut = max(images[next_image].offset - offset, 0)
            if cut:
                cursor.insertText(text[:cut].replace("\n", LINE_BREAK), fmt)
            _insert_image(qdoc, cursor, images[next_image], max_width, fmt if cut or n == 0 else before)
            next_image += 1
            text = text[cut:]
            offset += cut
        # A line break inside a paragraph (w:br) is Qt's line separator, not a new block.
        if text:
            cursor.insertText(text.replace("\n", LINE_BREAK), fmt)
        offset += len(text)
    for image in images[next_image:]:
        _insert_image(qdoc, cursor, image, max_width, fmt)


def _keeping_cell(cursor: QTextCursor, fmt: QTextCharFormat) -> QTextCharFormat:
    """``fmt`` for the block at ``cursor``; the first block of a table cell holds the cell's own
    format (its row and column span) in its block character format, which must stay."""
    kept = cursor.blockCharFormat()
    # (Asked of the format, not of the table: inside an edit block Qt's cell lookup lags.)
    if not kept.isTableCellFormat():
        return fmt
    for key, value in fmt.properties().items():
        kept.setProperty(key, value)
    return kept


# --- pictures ----------------------------------------------------------------------------

def image_url(key: str) -> QUrl:
    return QUrl(f"{IMAGE_SCHEME}:{key}")


def _add_image_resources(document: Document, qdoc: QTextDocument) -> None:
    """Hand ``qdoc`` the bytes of every picture the blocks show (Qt decodes them when painting;
    a picture Qt cannot read, such as a Windows metafile, shows as a framed, labelled box)."""
    first: dict[str, ImageRef] = {}
    for block in document.blocks:
        for image in block.images:
            first.setdefault(image.key, image)
    if not first:
        return
    try:
        related = document.source.part.related_parts
    except AttributeError:
        related = {}
    for key, image in first.items():
        url = image_url(key)
        if qdoc.resource(QTextDocument.ResourceType.ImageResource, url) is not None:
            continue
        part = related.get(key)
        data = None
        try:
            data = part.blob if part is not None else None
        except Exception:  # noqa: BLE001 - a broken media part only loses its picture
            data = None
        if data and _readable(data):
            qdoc.addResource(QTextDocument.ResourceType.ImageResource, url, QByteArray(data))
        else:
            qdoc.addResource(QTextDocument.ResourceType.ImageResource, url, _stand_in(*image_size_px(image)))


def _readable(data: bytes) -> bool:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer).canRead()


def _stand_in(width: float, height: float) -> QImage:
    """What a picture Qt cannot decode looks like: a light framed box of the picture's size,
    drawn at that size (a small one scaled up would look coarse)."""
    w, h = max(int(round(width)), 8), max(int(round(height)), 8)
    image = QImage(w, h, QImage.Format.Format_ARGB32)
    image.fill(QColor("#f4f5f7"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#b0b4ba"), 1, Qt.PenStyle.DashLine))
    painter.drawRect(QRectF(0.5, 0.5, w - 1, h - 1))
    if w >= 80 and h >= 24:
        painter.setPen(QColor("#70757a"))
        painter.drawText(QRectF(4, 4, w - 8, h - 8), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         translate("Bridge", "Picture (this format cannot be previewed; it is kept in the file)"))
    painter.end()
    return image


def image_size_px(image: ImageRef, max_width: float = PAGE_TEXT_PX) -> tuple[float, float]:
    """The picture's size on screen: its size in the file at 96 dpi, no wider than ``max_width``."""
    width = image.width_emu / EMU_PER_PX if image.width_emu else 0.0
    height = image.height_emu / EMU_PER_PX if image.height_emu else 0.0
    if not width or not height:
        width, height = 64.0, 48.0
    if width > max_width > 0:
        height *= max_width / width
        width = max_width
    return width, height


def _insert_image(qdoc: ReportDocument, cursor: QTextCursor, image: ImageRef, max_width: float,
                  text_format: QTextCharFormat) -> None:
    """Put the picture at the cursor. Its format carries the text format beside it (and its run
    index): Qt gives text typed right after a picture the picture's format."""
    fmt = QTextImageFormat()
    for key, value in text_format.properties().items():
        fmt.setProperty(key, value)
    fmt.setName(image_url(image.key).toString())
    width, height = image_size_px(image, max_width)
    fmt.setWidth(width)
    fmt.setHeight(height)
    fmt.setProperty(IMAGE_KEY, image.key)
    fmt.setProperty(IMAGE_REF, qdoc.remember_picture(image))
    cursor.insertText(OBJECT, fmt)


def _insert_table(qdoc: ReportDocument, cursor: QTextCursor, cells: list[Block]) -> None:
    rows = max(b.cell.row + max(b.cell.row_span, 1) for b in cells)
    cols = max(b.cell.col + max(b.cell.col_span, 1) for b in cells)
    fmt = QTextTableFormat()
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    fmt.setBorder(1)
    fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
    fmt.setBorderBrush(QBrush(QColor("#5f6368")))
    # One line between cells, as Word draws a grid (not a box round every cell).
    fmt.setBorderCollapse(True)
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    table = cursor.insertTable(rows, cols, fmt)
    _merge_cells(table, cells)
    filled: set[tuple[int, int]] = set()
    for core in cells:
        ref = core.cell
        cell = table.cellAt(ref.row, ref.col)
        c = cell.lastCursorPosition()
        if (ref.row, ref.col) in filled:
            c.insertBlock()
        filled.add((ref.row, ref.col))
        _fill_block(qdoc, c, core, PAGE_TEXT_PX * max(cell.columnSpan(), 1) / cols)
    for r in range(rows):
        for col in range(cols):
            if (r, col) not in filled:
                block = table.cellAt(r, col).firstCursorPosition().block()
                if data_of(block) is None:
                    qdoc.attach(block, BlockData(None, phantom=True))


def _merge_cells(table, cells: list[Block]) -> None:  # noqa: ANN001 - QTextTable
    """Merge the cells Word shows merged (w:gridSpan, w:vMerge), while the table is empty."""
    spans: dict[CellRef, tuple[int, int]] = {}
    for b in cells:
        # A paragraph the user added in a merged cell knows no spans: its neighbours do.
        known = spans.get(b.cell, (1, 1))
        spans[b.cell] = (max(known[0], b.cell.row_span), max(known[1], b.cell.col_span))
    taken: set[tuple[int, int]] = set()
    for ref, (row_span, col_span) in spans.items():
        if row_span == 1 and col_span == 1:
            continue
        covered = {(r, c) for r in range(ref.row, ref.row + row_span) for c in range(ref.col, ref.col + col_span)}
        if covered & taken:
            continue  # overlapping merges (a damaged table): leave these cells apart
        taken |= covered
        table.mergeCells(ref.row, ref.col, row_span, col_span)
