"""The fixes the Hints list offers: half-width punctuation in Chinese sentences to full width, in
one undoable step."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.core.document import Block, Document
from app.core.hints import fix_punctuation
from app.core.offsets import engine_text
from app.ui.block_data import data_of
from app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtGui import QTextBlock

    from app.ui.main_window import MainWindow
    from app.ui.operations import Operations


def text_document(paragraphs: list[QTextBlock]) -> Document:
    """A text-only Document of the editor's paragraphs (export order), for the engine to read
    (cheaper than an export: no formats, no pictures)."""
    blocks = []
    for paragraph in paragraphs:
        data = data_of(paragraph)
        core = data.block if data is not None else None
        blocks.append(Block.plain(engine_text(paragraph.text()), outline_level=core.outline_level if core else None,
                                  is_title_style=core.is_title_style if core else False,
                                  cell=core.cell if core else None, style=core.style if core else None))
    return Document(blocks, None, "text")


class HintFixes(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations

    def fix_punctuation(self) -> bool:
        return self.operations.apply_counted(
            fix_punctuation(text_document(self.window.report.paragraphs())),
            translate("Beyond", "No half-width punctuation to change to full width."),
            lambda n: self.tr("Half-width punctuation changed to full width in %1 places (can be undone)", "", n))
