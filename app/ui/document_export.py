"""What a ReportDocument shows, as a core Document for the writer: untouched paragraphs are the very
Blocks that were read, changed ones keep the formatting they had plus what the user changed, and
each keeps the pictures it still shows."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextBlock, QTextCursor

from app.core.document import Block, CellRef, Document, ImageRef, ParagraphFormat, Run, RunFormat
from app.core.offsets import OBJECT, engine_text
from app.ui.block_data import blocks_in, data_of, fragments_of, is_scaffolding
from app.ui.fonts import DEFAULT_SIZE_PT
from app.ui.qt_formats import (
    IMAGE_REF,
    LOOK_SHOWN,
    RUN_INDEX,
    block_font_pt,
    look_font_pt,
    paragraph_format_of,
    run_format_of,
)

if TYPE_CHECKING:
    from app.ui.report_document import ReportDocument


def _runs_of(block: QTextBlock, base_runs: list[Run], fallback: RunFormat) -> list[Run]:
    runs: list[Run] = []
    for fragment in fragments_of(block):
        # Pictures are display only: the writer keeps them where the file has them.
        text = engine_text(fragment.text())
        if not text:
            continue
        cf = fragment.charFormat()
        index = cf.property(RUN_INDEX)
        known = isinstance(index, int) and 0 <= index < len(base_runs)
        base = base_runs[index].format if known else fallback
        # Compared with what was shown (the run's look): only the user's changes are saved.
        fmt = run_format_of(cf, base, base_runs[index].look if known else None)
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
        number = cf.property(IMAGE_REF) if cf.hasProperty(IMAGE_REF) else None  # in the line or floating
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


def export(qdoc: ReportDocument, original: Document) -> Document:
    """The Document the editor now shows: untouched blocks are the very Blocks that were read.
    A changed block's ``images`` are the pictures it still shows: the writer removes from the
    file those the user deleted (and tells what it must keep, see ``pictures_kept``)."""
    blocks: list[Block] = []
    previous: Block | None = None
    pictures = qdoc.pictures
    gone: list[ImageRef] = []
    matched: set[int] = set()  # ids of the ImageRefs still shown somewhere
    for qblock in blocks_in(qdoc):
        data = data_of(qblock)
        if is_scaffolding(qblock, data):
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
        font_pt = DEFAULT_SIZE_PT
        if template is not None:
            # The first-line indent the user set counts in the characters the paragraph shows.
            shown_look = qblock.blockFormat().hasProperty(LOOK_SHOWN)
            font_pt = look_font_pt(template) if shown_look else block_font_pt(template)
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
        qdoc.pictures_deleted(gone, [image for b in blocks for image in b.images])
    return replace(original, blocks=blocks)
