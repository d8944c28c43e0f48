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
    QTextTableCellFormat,
    QTextTableFormat,
)

from app.core.block_scan import rescan
from app.core.document import Block, Border, CellLook, CellRef, Document, ImageRef, ParagraphFormat, TableLook
from app.core.offsets import LINE_BREAK, OBJECT, shown_text
from app.ui.block_data import BlockData, data_of
from app.ui.i18n import translate
from app.ui.look_formats import forget_formats, paragraph_block_format, run_look_format
from app.ui.qt_formats import (
    EMU_PER_PX,
    IMAGE_KEY,
    IMAGE_REF,
    IMAGE_SCHEME,
    LINE_GAP_PX,
    LOOK_SHOWN,
    PAGE_TEXT_PX,
    PX_PER_PT,
    ROW_HEIGHTS,
    block_font_pt,
    block_format,
    break_page_before,
    char_format,
    colour_brush,
    default_font,
    look_font_pt,
    picture_line_spacing,
    word_spacing,
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
        space_lines(qdoc)
    else:
        build_rich(qdoc, document, cursor, looks=True)
        if not any(b.look is not None for b in document.blocks):
            space_lines(qdoc)  # (shown as Word lays it out, every paragraph has its spacing already)
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


def build_rich(qdoc: ReportDocument, document: Document, cursor: QTextCursor, looks: bool = False) -> None:
    """``looks``: show paragraphs, runs, labels and tables as Word does (their resolved looks)
    where the reader gave them; else by their direct formatting only (the official format)."""
    blocks = document.blocks
    forget_formats()
    _add_image_resources(document, cursor.document())
    grid = None
    starts: set[int] = set()
    adds = document.spacing_adds
    if looks and document.origin == "docx":
        from app.io.page import page_setup, page_starts

        setup = page_setup(document)
        grid = setup.line_pitch_pt
        qdoc.page_margins_mm = (setup.left, setup.top)
        starts = page_starts(document)
    first = True
    # An empty paragraph's mark has the size of the text around it (as a rule, in Word).
    mark_pt: float | None = None
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
            table_no = core.cell.table
            table_look = document.tables[table_no] if looks and 0 <= table_no < len(document.tables) else None
            _insert_table(qdoc, cursor, blocks[i:j], table_look, looks, grid, adds)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            first = False
            i = j
            continue
        if not first and data_of(cursor.block()) is not None:
            cursor.insertBlock()
        elif not first and cursor.block().length() > 1:
            cursor.insertBlock()
        following = blocks[i + 1] if i + 1 < len(blocks) and blocks[i + 1].cell is None and i + 1 not in starts else None
        before = blocks[i - 1] if i > 0 and blocks[i - 1].cell is None and i not in starts else None
        _fill_block(qdoc, cursor, core, looks=looks, mark_pt=mark_pt, grid=grid, new_page=i in starts,
                    spacing=word_spacing(before, core, following, adds) if looks else None)
        if looks and core.runs and core.runs[0].look is not None and core.runs[0].look.size_pt:
            mark_pt = core.runs[0].look.size_pt
        first = False
        i += 1
    if data_of(cursor.block()) is None:
        qdoc.attach(cursor.block(), BlockData(None, phantom=True))
    forget_formats()  # (the ids of their keys stand for this document's looks only)


def shown_text_of(core: Block) -> str:
    """The block's text as Qt holds it: line breaks as LINE_BREAK, an OBJECT per picture."""
    return shown_text(core.text, [image.offset for image in core.images])


def _fill_block(qdoc: ReportDocument, cursor: QTextCursor, core: Block, max_width: float = PAGE_TEXT_PX,
                looks: bool = False, mark_pt: float | None = None, grid: float | None = None,
                new_page: bool = False, dress: QTextTableCellFormat | None = None,
                spacing: tuple[float, float] | None = None) -> None:
    bf = paragraph_block_format(core, looks, grid)
    if spacing is not None and bf.hasProperty(LOOK_SHOWN):
        # (see qt_formats.word_spacing: the gap Qt leaves, the larger margin, is then Word's sum)
        drop_before, add_after = spacing
        if drop_before:
            bf.setTopMargin(max(bf.topMargin() - drop_before, 0.0))
        if add_after:
            bf.setBottomMargin(max(bf.bottomMargin() + add_after, 0.0))
    if new_page:
        break_page_before(bf)
    if looks and not bf.hasProperty(LOOK_SHOWN):
        bf.setLineHeight(LINE_GAP_PX, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    if core.images and bf.lineHeightType() == QTextBlockFormat.LineHeightTypes.ProportionalHeight.value:
        picture_line_spacing(bf, look_font_pt(core) if looks and core.look is not None else block_font_pt(core))
    cursor.setBlockFormat(bf)
    if core.images:
        # A picture fits the line it stands on: the page less the paragraph's indents.
        max_width = max(max_width - bf.leftMargin() - bf.rightMargin() - max(bf.textIndent(), 0.0), 48.0)
    rescan(qdoc.attach(cursor.block(), BlockData(core)), shown_text_of(core))
    shown = run_look_format if looks else (lambda run, n: char_format(run.format, n))
    first_format = shown(core.runs[0], 0) if core.runs else _empty_format(core, looks, mark_pt)
    cursor.setBlockCharFormat(_keeping_cell(cursor, first_format, dress) if core.cell is not None else first_format)
    images = sorted(core.images, key=lambda i: i.offset)
    next_image = 0
    offset = 0
    fmt = first_format
    for n, run in enumerate(core.runs):
        before = fmt
        fmt = first_format if n == 0 else shown(run, n)
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


def _empty_format(core: Block, looks: bool, mark_pt: float | None) -> QTextCharFormat:
    """An empty paragraph's format: its mark's size as Word shows it (an empty line is as tall)."""
    cf = QTextCharFormat()
    if looks and core.look is not None:
        size = core.label_look.size_pt if core.label_look is not None and core.label_look.size_pt else mark_pt
        if size:
            cf.setFontPointSize(size)
    return cf


def _keeping_cell(cursor: QTextCursor, fmt: QTextCharFormat,
                  dress: QTextTableCellFormat | None = None) -> QTextCharFormat:
    """``fmt`` for the block at ``cursor``; the first block of a table cell holds the cell's own
    format (its row and column span) in its block character format, which must stay, and takes
    the cell's ``dress`` (borders, fill) too."""
    kept = cursor.blockCharFormat()
    # (Asked of the format, not of the table: inside an edit block Qt's cell lookup lags.)
    if not kept.isTableCellFormat():
        return fmt
    kept.merge(fmt)  # (Qt's merge: fmt's properties win, as setting each would)
    if dress is not None:
        kept.merge(dress)
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
    width, height = image_size_px(image, max_width if image.place is None else 0.0)
    if image.place is not None:
        from app.ui.floating import make_floating  # (a few files have floating pictures: loaded then)

        make_floating(qdoc, fmt, image.place, height)
    fmt.setWidth(width)
    fmt.setHeight(height)
    fmt.setProperty(IMAGE_KEY, image.key)
    fmt.setProperty(IMAGE_REF, qdoc.remember_picture(image))
    cursor.insertText(OBJECT, fmt)


def _insert_table(qdoc: ReportDocument, cursor: QTextCursor, cells: list[Block], look: TableLook | None = None,
                  looks: bool = False, grid: float | None = None, adds: bool = True) -> None:
    rows = max(b.cell.row + max(b.cell.row_span, 1) for b in cells)
    cols = max(b.cell.col + max(b.cell.col_span, 1) for b in cells)
    fmt = QTextTableFormat()
    fmt.setCellPadding(4)
    fmt.setCellSpacing(0)
    # One line between cells, as Word draws a grid (not a box round every cell).
    fmt.setBorderCollapse(True)
    if look is None:
        fmt.setBorder(1)
        fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QBrush(QColor("#5f6368")))
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    else:
        _shape_table(fmt, look, cols)
    table = cursor.insertTable(rows, cols, fmt)
    _merge_cells(table, cells)
    filled: set[tuple[int, int]] = set()
    for k, core in enumerate(cells):
        ref = core.cell
        following = cells[k + 1] if k + 1 < len(cells) and cells[k + 1].cell == ref else None
        before = cells[k - 1] if k > 0 and cells[k - 1].cell == ref else None
        cell = table.cellAt(ref.row, ref.col)
        c = cell.lastCursorPosition()
        dress = None
        if (ref.row, ref.col) in filled:
            c.insertBlock()
        elif look is not None:
            # The cell's borders and fill go in with its first paragraph's format (one call).
            dress = cell_dress(look.cell(ref.row, ref.col), look.cell_margins_pt)
        filled.add((ref.row, ref.col))
        _fill_block(qdoc, c, core, PAGE_TEXT_PX * max(cell.columnSpan(), 1) / cols, looks=looks, grid=grid,
                    dress=dress, spacing=word_spacing(before, core, following, adds) if looks else None)
    if look is not None:
        _dress_cells(table, look, rows, cols, filled)
    for r in range(rows):
        for col in range(cols):
            if (r, col) not in filled:
                block = table.cellAt(r, col).firstCursorPosition().block()
                if data_of(block) is None:
                    qdoc.attach(block, BlockData(None, phantom=True))


_BORDER_STYLES = {
    "single": QTextTableFormat.BorderStyle.BorderStyle_Solid,
    "thick": QTextTableFormat.BorderStyle.BorderStyle_Solid,
    "double": QTextTableFormat.BorderStyle.BorderStyle_Double,
    "dotted": QTextTableFormat.BorderStyle.BorderStyle_Dotted,
    "dashed": QTextTableFormat.BorderStyle.BorderStyle_Dashed,
    "dashSmallGap": QTextTableFormat.BorderStyle.BorderStyle_Dashed,
    "dotDash": QTextTableFormat.BorderStyle.BorderStyle_DotDash,
    "dotDotDash": QTextTableFormat.BorderStyle.BorderStyle_DotDotDash,
}


def _shape_table(fmt: QTextTableFormat, look: TableLook, cols: int) -> None:
    """Column widths, indent and placement as the file gives them; the lines are the cells'."""
    fmt.setBorder(0)
    fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_None)
    widths = [w for w in look.column_widths_pt[:cols] if w > 0]
    if len(widths) == cols:
        total = sum(widths) * PX_PER_PT
        if total <= PAGE_TEXT_PX * 1.02:
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.FixedLength, w * PX_PER_PT) for w in widths])
        else:  # wider than the page on screen: the same proportions, page-wide
            fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * w * PX_PER_PT / total)
                                           for w in widths])
            fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    else:
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
    if look.row_heights_pt:
        fmt.setProperty(ROW_HEIGHTS, [h * PX_PER_PT for h in look.row_heights_pt])
    if look.alignment == "center":
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    elif look.alignment == "right":
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight)
    elif look.indent_pt > 0:
        fmt.setLeftMargin(look.indent_pt * PX_PER_PT)


def _dress_cells(table, look: TableLook, rows: int, cols: int,  # noqa: ANN001 - QTextTable
                 filled: set[tuple[int, int]]) -> None:
    """The borders and fill of the cells no paragraph of the file filled."""
    for r in range(rows):
        for c in range(cols):
            if (r, c) in filled:
                continue
            cell = table.cellAt(r, c)
            if not cell.isValid() or (cell.row(), cell.column()) != (r, c):
                continue
            fmt = cell.format().toTableCellFormat()
            for key, value in cell_dress(look.cell(r, c), look.cell_margins_pt).properties().items():
                fmt.setProperty(key, value)
            cell.setFormat(fmt)


_dresses: dict[tuple, QTextTableCellFormat] = {}


def cell_dress(cell_look: CellLook, margins_pt: tuple[float, float, float, float] | None = None) -> QTextTableCellFormat:
    """A cell's four borders (none where the file has none), its fill and its margins (top, left,
    bottom, right in points: the table's w:tblCellMar), as format properties."""
    fmt = _dresses.get((cell_look, margins_pt))
    if fmt is None:
        if len(_dresses) > 1024:
            _dresses.clear()
        fmt = _dresses[(cell_look, margins_pt)] = QTextTableCellFormat()
        if margins_pt is not None:
            top, left, bottom, right = (m * PX_PER_PT for m in margins_pt)
            fmt.setTopPadding(top)
            fmt.setLeftPadding(left)
            fmt.setBottomPadding(bottom)
            fmt.setRightPadding(right)
        for border, width, style, brush in (
                (cell_look.top, fmt.setTopBorder, fmt.setTopBorderStyle, fmt.setTopBorderBrush),
                (cell_look.bottom, fmt.setBottomBorder, fmt.setBottomBorderStyle, fmt.setBottomBorderBrush),
                (cell_look.left, fmt.setLeftBorder, fmt.setLeftBorderStyle, fmt.setLeftBorderBrush),
                (cell_look.right, fmt.setRightBorder, fmt.setRightBorderStyle, fmt.setRightBorderBrush)):
            _edge(border, width, style, brush)
        brush = colour_brush(cell_look.shading)
        if brush is not None:
            fmt.setBackground(brush)
    return fmt


def _edge(border: Border | None, width, style, brush) -> None:  # noqa: ANN001 - the edge's setters
    if border is None or border.style in ("none", "nil") or border.width_pt <= 0:
        width(0)
        style(QTextTableFormat.BorderStyle.BorderStyle_None)
        return
    # At least one pixel: a hairline (¼ pt) still shows on screen, as in Word.
    width(max(border.width_pt * PX_PER_PT, 1.0) if border.style != "double" else max(border.width_pt * 3, 3.0))
    style(_BORDER_STYLES.get(border.style, QTextTableFormat.BorderStyle.BorderStyle_Solid))
    colour = QColor("#" + border.color) if border.color else QColor("#000000")
    brush(QBrush(colour if colour.isValid() else QColor("#000000")))


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
