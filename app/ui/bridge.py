"""The bridge between the core Document and the editor's QTextDocument.

One QTextBlock per core Block. Each QTextBlock carries a BlockData (QTextBlockUserData) that
holds the Block it came from, so saving can hand the writer the very same Block (and so the
same ``source`` XML) for every paragraph the user did not touch. Each character format carries
the index of the run it came from, so a changed paragraph keeps the run formatting it had,
including what the editor cannot show (highlight, "inherited" attributes).
"""
from __future__ import annotations

import itertools
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPainter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextBlockUserData,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextLength,
    QTextTableFormat,
)

from app.core.document import Block, CellRef, Document, ImageRef, ParagraphFormat, Run, RunFormat
from app.core.outline import Heading
from app.core.placeholders import Found
from app.ui.fonts import CJK_FALLBACKS, DEFAULT_FAMILIES, DEFAULT_SIZE_PT

if TYPE_CHECKING:
    from PySide6.QtGui import QTextFragment

LINE_GAP_PX = 10  # about half a line of 三号 text
RUN_INDEX = QTextFormat.Property.UserProperty + 1
# Marks a picture the bridge put in (its value: the picture's key in the package).
IMAGE_KEY = QTextFormat.Property.UserProperty + 2
# Which picture it is (a number for the ImageRef it was made from, see ``_PICTURES``): two
# pictures of the same media are still two pictures, and one deleted must not take the other.
IMAGE_REF = QTextFormat.Property.UserProperty + 3
# A picture stands in Qt's text as this one character; it is never part of the Document's text.
OBJECT = "\ufffc"
IMAGE_SCHEME = "tianbao-image"
# The width of the text on the editor's page (A4 less 27 mm margins each side) at 96 dpi.
PAGE_TEXT_PX = (210 - 2 * 27) / 25.4 * 96
EMU_PER_PX = 914400 / 96

_ALIGN_TO_QT = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}


class BlockData(QTextBlockUserData):
    """What a QTextBlock remembers: its core Block, whether it changed, and the engine's findings
    for its current text (kept up to date by highlight.rescan, one block at a time)."""

    def __init__(self, block: Block | None, phantom: bool = False) -> None:
        super().__init__()
        self.block = block
        # The runs the character formats' RUN_INDEX refers to: those first shown in the editor.
        self.base_runs: list[Run] = list(block.runs) if block is not None else []
        # Empty blocks Qt needs around tables: not part of the document unless typed into.
        self.phantom = phantom
        self.dirty = False
        self.text: str | None = None
        self.found: list[Found] = []
        self.heading: Heading | None = None
        self.junk = False
        self.chars = 0  # characters without whitespace, the Chinese way of counting
        # A paragraph in a table cell (its row labels, "1." or "（一）", open no section); the
        # core Block says so for what was read, the window for a paragraph typed into a cell.
        self.in_cell = block is not None and block.cell is not None


# QTextBlockUserData wrappers must outlive Python's garbage collector's view of them; the
# document owns them in C++, we keep the Python side alive here, per QTextDocument.
_KEEP: dict[int, list[BlockData]] = {}


def data_of(block: QTextBlock) -> BlockData | None:
    data = block.userData()
    return data if isinstance(data, BlockData) else None


def attach(block: QTextBlock, data: BlockData) -> BlockData:
    global _ATTACHES
    block.setUserData(data)
    _KEEP.setdefault(id(block.document()), []).append(data)
    _ATTACHES += 1
    return data


# How many BlockData were ever attached: a block given new data may stand for another core Block
# (undo of a move, a rebuild), which the tracker then reads afresh rather than trust its tables.
_ATTACHES = 0


def attach_count() -> int:
    return _ATTACHES


# Per QTextDocument: picture number -> the ImageRef its object character was made from.
_PICTURES: dict[int, dict[int, ImageRef]] = {}
_picture_numbers = itertools.count(1)
# Per QTextDocument: the pictures the user was told are kept in the file (see _tell_kept).
_TOLD: dict[int, set[tuple[str, int, int]]] = {}


def forget(document: QTextDocument) -> None:
    _KEEP.pop(id(document), None)
    _PICTURES.pop(id(document), None)
    _TOLD.pop(id(document), None)


def px_per_pt(document: QTextDocument) -> float:
    return 96 / 72


# --- formats -----------------------------------------------------------------------------

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
    if fmt.alignment in _ALIGN_TO_QT:
        bf.setAlignment(_ALIGN_TO_QT[fmt.alignment])
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
    for name, flag in _ALIGN_TO_QT.items():
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


# --- Document -> QTextDocument -------------------------------------------------------------

def default_font() -> QFont:
    font = QFont()
    font.setFamilies(DEFAULT_FAMILIES)
    font.setPointSizeF(DEFAULT_SIZE_PT)
    return font


def build(document: Document, qdoc: QTextDocument) -> None:
    """Fill the new, empty ``qdoc`` with ``document``, without undo history, in one edit block
    (so listeners see one change covering everything), scanning each block as it goes."""
    qdoc.setUndoRedoEnabled(False)
    qdoc.setDefaultFont(default_font())
    cursor = QTextCursor(qdoc)
    cursor.beginEditBlock()
    if document.origin == "text" and all(b.cell is None and not b.images for b in document.blocks):
        _build_plain(document, cursor)
    else:
        _build_rich(document, cursor)
    _space_lines(qdoc)
    cursor.endEditBlock()
    qdoc.setUndoRedoEnabled(True)
    qdoc.setModified(False)


def _space_lines(qdoc: QTextDocument) -> None:
    """Lines spaced for reading on screen, about as a printed report has them (one call for all)."""
    cursor = QTextCursor(qdoc)
    cursor.select(QTextCursor.SelectionType.Document)
    spacing = QTextBlockFormat()
    # Extra leading in pixels: Qt lays this out about twice as fast as a proportional height.
    spacing.setLineHeight(LINE_GAP_PX, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    cursor.mergeBlockFormat(spacing)


def _build_plain(document: Document, cursor: QTextCursor) -> None:
    # One insert of the whole text is far faster than an insert per line on a long report.
    cursor.insertText("\n".join(b.text.replace("\n", "\u2028") for b in document.blocks))
    block = cursor.document().begin()
    for core in document.blocks:
        if not block.isValid():
            break
        _scan(attach(block, BlockData(core)), block.text())
        if core.format != ParagraphFormat():
            QTextCursor(block).setBlockFormat(block_format(core.format, block_font_pt(core)))
        block = block.next()


def _scan(data: BlockData, text: str) -> None:
    global _rescan
    if _rescan is None:
        # Not at the top (highlight imports this module), and bound once: an import statement run
        # per paragraph goes through PySide's import hook (~2 us, 18 ms over 1,500 pages).
        from app.ui.highlight import rescan as _rescan
    _rescan(data, text)


_rescan = None


def _build_rich(document: Document, cursor: QTextCursor) -> None:
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
                attach(cursor.block(), BlockData(None, phantom=True))
            _insert_table(cursor, blocks[i:j])
            cursor.movePosition(QTextCursor.MoveOperation.End)
            first = False
            i = j
            continue
        if not first and data_of(cursor.block()) is not None:
            cursor.insertBlock()
        elif not first and cursor.block().length() > 1:
            cursor.insertBlock()
        _fill_block(cursor, core)
        first = False
        i += 1
    if data_of(cursor.block()) is None:
        attach(cursor.block(), BlockData(None, phantom=True))


def shown_text(core: Block) -> str:
    """The block's text as Qt holds it: line breaks as U+2028, a U+FFFC per picture."""
    text = core.text
    if core.images:
        chars = list(text)
        for image in sorted(core.images, key=lambda i: i.offset, reverse=True):
            chars.insert(min(max(image.offset, 0), len(chars)), OBJECT)
        text = "".join(chars)
    return text.replace("\n", "\u2028")


def _fill_block(cursor: QTextCursor, core: Block, max_width: float = PAGE_TEXT_PX) -> None:
    bf = block_format(core.format, block_font_pt(core))
    cursor.setBlockFormat(bf)
    if core.images:
        # A picture fits the line it stands on: the page less the paragraph's indents.
        max_width = max(max_width - bf.leftMargin() - bf.rightMargin() - max(bf.textIndent(), 0.0), 48.0)
    _scan(attach(cursor.block(), BlockData(core)), shown_text(core))
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
                cursor.insertText(text[:cut].replace("\n", "\u2028"), fmt)
            _insert_image(cursor, images[next_image], max_width, fmt if cut or n == 0 else before)
            next_image += 1
            text = text[cut:]
            offset += cut
        # A line break inside a paragraph (w:br) is Qt's line separator, not a new block.
        if text:
            cursor.insertText(text.replace("\n", "\u2028"), fmt)
        offset += len(text)
    for image in images[next_image:]:
        _insert_image(cursor, image, max_width, fmt)


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
    from app.ui.i18n import translate

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


def _insert_image(cursor: QTextCursor, image: ImageRef, max_width: float, text_format: QTextCharFormat) -> None:
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
    number = next(_picture_numbers)
    _PICTURES.setdefault(id(cursor.document()), {})[number] = image
    fmt.setProperty(IMAGE_REF, number)
    cursor.insertText(OBJECT, fmt)


def _insert_table(cursor: QTextCursor, cells: list[Block]) -> None:
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
        _fill_block(c, core, PAGE_TEXT_PX * max(cell.columnSpan(), 1) / cols)
    for r in range(rows):
        for col in range(cols):
            if (r, col) not in filled:
                block = table.cellAt(r, col).firstCursorPosition().block()
                if data_of(block) is None:
                    attach(block, BlockData(None, phantom=True))


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


# --- QTextDocument -> Document -------------------------------------------------------------

def blocks_in(qdoc: QTextDocument) -> Iterator[QTextBlock]:
    block = qdoc.begin()
    while block.isValid():
        yield block
        block = block.next()


def fragments_of(block: QTextBlock) -> Iterator[QTextFragment]:
    """The block's valid fragments (runs of one character format), in order."""
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.isValid():
            yield fragment


def _runs_of(block: QTextBlock, base_runs: list[Run], fallback: RunFormat) -> list[Run]:
    runs: list[Run] = []
    for fragment in fragments_of(block):
        # Pictures are display only: the writer keeps them where the file has them.
        text = fragment.text().replace("\u2028", "\n").replace(OBJECT, "")
        if not text:
            continue
        cf = fragment.charFormat()
        index = cf.property(RUN_INDEX)
        base = base_runs[index].format if isinstance(index, int) and 0 <= index < len(base_runs) else fallback
        fmt = run_format_of(cf, base)
        if runs and runs[-1].format == fmt:
            runs[-1] = Run(runs[-1].text + text, fmt)
        else:
            runs.append(Run(text, fmt))
    return runs


def _cell_of(block: QTextBlock, previous: Block | None) -> CellRef | None:
    table = QTextCursor(block).currentTable()
    if table is None:
        return None
    cell = table.cellAt(block.position())
    table_no = previous.cell.table if previous is not None and previous.cell is not None else 0
    return CellRef(table_no, cell.row(), cell.column())


def _shown_pictures(block: QTextBlock, pictures: dict[int, ImageRef]) -> list[tuple[int, ImageRef]]:
    """(offset in the block's Document text, the ImageRef it was made from) for each picture the
    block shows, in order. Offsets count as ``_runs_of`` does: object characters take no room."""
    shown: list[tuple[int, ImageRef]] = []
    offset = 0
    for fragment in fragments_of(block):
        text = fragment.text()
        if OBJECT not in text:
            offset += len(text)
            continue
        cf = fragment.charFormat()
        number = cf.property(IMAGE_REF) if cf.isImageFormat() else None
        image = pictures.get(number) if isinstance(number, int) else None
        for ch in text:
            if ch != OBJECT:
                offset += 1
            elif image is not None:
                shown.append((offset, image))
    return shown


def _images_of(shown: list[tuple[int, ImageRef]], core: Block | None, pictures: dict[int, ImageRef],
               matched: set[int]) -> tuple[ImageRef, ...]:
    """The pictures of an exported block: the very ImageRefs shown (offsets brought up to date).
    One not among ``core``'s own was read from another paragraph (joined into this one) or from
    the file before the last save (which gave the block a new core): it is matched to the core's
    equal picture at that place, or else of that key, in order."""
    own = core.images if core is not None else ()
    used: set[int] = set()
    out: list[ImageRef] = []
    for offset, image in shown:
        if any(image is mine for mine in own):
            match = image
        else:
            match = next((mine for mine in own if id(mine) not in used and mine.offset == offset
                          and (mine.key, mine.width_emu, mine.height_emu)
                          == (image.key, image.width_emu, image.height_emu)), None)
            if match is None:
                match = next((mine for mine in own if id(mine) not in used and mine.key == image.key
                              and not any(mine is other for _, other in shown)), image)
            if match is not image:
                # From now on the character stands for the picture of the file as now read.
                for number, known in pictures.items():
                    if known is image:
                        pictures[number] = match
                        break
        used.add(id(match))
        matched.add(id(match))
        out.append(match if match.offset == offset else replace(match, offset=offset))
    return tuple(out)


def _same_pictures(a: tuple[ImageRef, ...], b: tuple[ImageRef, ...]) -> bool:
    return len(a) == len(b) and all(x is y or (x == y and x.source is y.source) for x, y in zip(a, b))


def export(qdoc: QTextDocument, original: Document) -> Document:
    """The Document the editor now shows: untouched blocks are the very Blocks that were read.
    A changed block's ``images`` are the pictures it still shows: the writer removes from the
    file those the user deleted (and tells what it must keep, see ``pictures_kept``)."""
    blocks: list[Block] = []
    previous: Block | None = None
    pictures = _PICTURES.get(id(qdoc), {})
    gone: list[ImageRef] = []
    matched: set[int] = set()  # ids of the ImageRefs still shown somewhere
    for qblock in blocks_in(qdoc):
        data = data_of(qblock)
        if data is not None and data.phantom and qblock.length() <= 1:
            continue
        core = data.block if data is not None else None
        if core is not None and not data.dirty:
            blocks.append(core)
            previous = core
            continue
        template = core or previous
        base_runs = data.base_runs if data is not None else []
        fallback = (template.runs[-1].format if template is not None and template.runs else RunFormat())
        runs = _runs_of(qblock, base_runs, fallback)
        font_pt = block_font_pt(template) if template is not None else DEFAULT_SIZE_PT
        base_format = template.format if template is not None else ParagraphFormat()
        pformat = paragraph_format_of(qblock.blockFormat(), base_format, font_pt)
        images: tuple[ImageRef, ...] = ()
        if not pictures:
            # No picture of this editor's was made by _insert_image: nothing is known to be gone.
            images = core.images if core is not None else ()
            matched.update(id(image) for image in images)
        elif OBJECT in qblock.text() or (core is not None and core.images):
            images = _images_of(_shown_pictures(qblock, pictures), core, pictures, matched)
        if core is not None and core.images:
            gone += core.images
        if core is not None and runs == core.runs and pformat == core.format and _same_pictures(images, core.images):
            blocks.append(core)
            previous = core
            continue
        if core is not None:
            new = replace(core, runs=runs, format=pformat, images=images)
        else:
            new = Block(runs=runs, style=template.style if template is not None else None,
                        format=pformat, cell=_cell_of(qblock, previous), source=None, images=images)
        blocks.append(new)
        previous = new
    gone = [image for image in gone if id(image) not in matched and image.source is not None]
    if gone and original.origin == "docx":
        _tell_kept(qdoc, gone, [image for b in blocks for image in b.images])
    return replace(original, blocks=blocks)


def _tell_kept(qdoc: QTextDocument, gone: list[ImageRef], present: list[ImageRef]) -> None:
    """Tell the user, once per picture, about a deleted picture the file keeps all the same (see
    docx_writer.picture_kept): the window would otherwise show less than the saved file holds.
    The message waits for the event loop, so a save or an autosave finishes first."""
    from app.io.docx_writer import picture_kept

    told = _TOLD.setdefault(id(qdoc), set())
    reasons = []
    for image in gone:
        name = (image.key, image.width_emu, image.height_emu)
        reason = picture_kept(image, present)
        if reason is not None and name not in told:
            told.add(name)
            reasons.append(reason)
    if not reasons:
        return
    from PySide6.QtCore import QTimer

    from app.ui.i18n import arg, translate

    why = {"group": translate("Bridge", "it is one of a group of pictures that stays"),
           "field": translate("Bridge", "it is the result of a field, which would bring it back"),
           "shape": translate("Bridge", "it is drawn together with text boxes or shapes the editor does not show")}
    text = arg(translate("Bridge", "A picture you deleted cannot be removed from the file here, so saving keeps it: %1. Delete it in Word or WPS if it must go."),  # noqa: E501 - one literal for lupdate
               "; ".join(dict.fromkeys(why[r] for r in reasons)))
    parent = _window_of(qdoc)

    def show() -> None:
        from app.ui.safety import inform

        inform(parent, translate("Bridge", "Picture kept"), text, modal=False)

    QTimer.singleShot(0, show)
    KEPT_NOTICES.append(text)
    del KEPT_NOTICES[:-10]


# What _tell_kept said (the last few), for tests and drivers that cannot see the message box.
KEPT_NOTICES: list[str] = []


def _window_of(qdoc: QTextDocument):  # noqa: ANN202 - a QWidget or None
    from PySide6.QtWidgets import QWidget

    node = qdoc.parent()
    while node is not None and not isinstance(node, QWidget):
        node = node.parent()
    return node.window() if node is not None else None
