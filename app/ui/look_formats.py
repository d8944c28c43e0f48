"""The Qt formats of Word's looks during one build (app.ui.document_build): a report has few
distinct paragraph and run looks, which the reader shares among its paragraphs and runs, so each
is made once and copied. The caches go by the looks' identity (hashing a look field by field costs
more) and are emptied when a build starts and ends, so that no id is reused meanwhile."""
from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCharFormat

from app.core.document import Block, Run
from app.ui.list_labels import label_room
from app.ui.qt_formats import (PX_PER_PT, RUN_INDEX, block_font_pt, block_format, look_block_format, look_font_pt,
                               run_char_format)


def forget_formats() -> None:
    """Empty the caches (at the start and end of a build)."""
    _paragraph_formats.clear()
    _run_formats.clear()


def paragraph_block_format(core: Block, looks: bool, grid: float | None = None) -> QTextBlockFormat:
    """How the paragraph is laid out: as Word does (its look, with room for its list label), or
    by its direct formatting."""
    if not looks or core.look is None:
        return block_format(core.format, block_font_pt(core))
    look = core.look
    font_pt = look_font_pt(core)
    key = (id(look), font_pt, core.label, core.label_suffix, id(core.label_look), grid)
    known = _paragraph_formats.get(key)
    if known is not None:
        return QTextBlockFormat(known)
    room = 0.0
    if core.label:
        left = look.left_chars * font_pt if look.left_chars is not None else look.left_indent_pt
        first = look.first_line_chars * font_pt if look.first_line_chars is not None else look.first_line_indent_pt
        room = label_room(core, left * PX_PER_PT, first * PX_PER_PT)
    made = _paragraph_formats[key] = look_block_format(look, font_pt, room, grid)
    return QTextBlockFormat(made)


# The block formats of paragraph looks built so far in this build (a report has few distinct ones).
_paragraph_formats: dict[tuple, QTextBlockFormat] = {}
# The character formats of run looks built so far in this build, by the look's identity (as above).
_run_formats: dict[int, QTextCharFormat] = {}


def run_look_format(run: Run, run_index: int) -> QTextCharFormat:
    """``run_char_format`` for a build: the reader shares one look among many runs."""
    if run.look is None:
        return run_char_format(run, run_index)
    base = _run_formats.get(id(run.look))
    if base is None:
        base = _run_formats[id(run.look)] = run_char_format(run)
    cf = QTextCharFormat(base)
    cf.setProperty(RUN_INDEX, run_index)
    return cf
