"""The fill loop: go to the next (or previous) placeholder, fill it from the sidebar's box and move
on; the current placeholder marked stronger, and the sidebar's row following the page. Also the
jumps from the outline and the hints to a place in the text."""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.core.offsets import code_point_index, utf16_offset

if TYPE_CHECKING:
    from app.ui.editor import Editor
    from app.ui.placeholder_panel import PlaceholderPanel
    from app.ui.report_document import ReportDocument
    from app.ui.status import StatusBar

CURRENT = QColor(255, 165, 0, 200)


class FillLoop(QObject):
    """Moves through and fills the placeholders of the editor's document."""

    def __init__(self, editor: Editor, sidebar: PlaceholderPanel, status: StatusBar,
                 ensure_fresh: Callable[[], None]) -> None:
        super().__init__(editor)
        self.editor = editor
        self.sidebar = sidebar
        self.status = status
        self.ensure_fresh = ensure_fresh  # brings the lists up to date when typing left them behind

    @property
    def report(self) -> ReportDocument:
        return self.editor.document()

    def select_span(self, start: int, end: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def select_placeholder(self, block: int, start: int, end: int) -> None:
        self.ensure_fresh()
        span = self.report.span_of(block, start, end)
        if span is not None:
            self.select_span(*span)
            self.editor.setFocus()

    def next_placeholder(self) -> bool:
        span = self.report.next_span(self.editor.textCursor().selectionEnd())
        return self._go(span)

    def previous_placeholder(self) -> bool:
        span = self.report.next_span(self.editor.textCursor().selectionStart(), backwards=True)
        return self._go(span)

    def _go(self, span: tuple[int, int] | None) -> bool:
        if span is None:
            self.status.message(self.tr("No placeholders left"), 3000)
            return False
        self.select_span(*span)
        return True

    def focus_fill_box(self) -> None:
        if not self.selected_placeholder():
            self.next_placeholder()
        self.sidebar.fill.setFocus()
        self.sidebar.fill.selectAll()

    def selected_placeholder(self) -> bool:
        cursor = self.editor.textCursor()
        return cursor.hasSelection() and self.report.span_at(cursor.selectionStart(), cursor.selectionEnd())

    def fill(self, value: str) -> bool:
        """Put ``value`` in place of the selected placeholder (or the next one) and move on."""
        if not value:
            return False
        if not self.selected_placeholder() and not self.next_placeholder():
            return False
        cursor = self.editor.textCursor()
        block = cursor.block()
        offset = code_point_index(block.text(), cursor.selectionStart() - block.position())
        self.editor.replace_selection(value.replace("\n", " "))
        self.sidebar.remove(block.blockNumber(), offset)
        self.status.show_left(self.sidebar.leaf_count())
        self.next_placeholder()
        self.sidebar.fill.clear()
        return True

    def mark_current(self) -> None:
        """The selected placeholder stronger than the rest, and its row chosen in the sidebar."""
        cursor = self.editor.textCursor()
        selections = []
        if self.selected_placeholder():
            extra = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(CURRENT)
            extra.format = fmt
            extra.cursor = QTextCursor(cursor)
            selections.append(extra)
            block = cursor.block()
            offset = code_point_index(block.text(), cursor.selectionStart() - block.position())
            self.sidebar.select_span(block.blockNumber(), offset)
        self.editor.setExtraSelections(selections)

    def go_to_block(self, number: int) -> None:
        block = self.report.findBlockByNumber(number)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        # Put the heading near the top of the page, as Word's navigation pane does.
        bar = self.editor.verticalScrollBar()
        rect = self.editor.cursorRect(cursor)
        bar.setValue(bar.value() + rect.top() - 24)
        self.editor.setFocus()

    def go_to_span(self, block: int, start: int, end: int) -> None:
        """Select ``start:end`` (engine offsets) of paragraph ``block`` (export index)."""
        paragraphs = self.report.paragraphs()
        if not 0 <= block < len(paragraphs):
            return
        paragraph = paragraphs[block]
        text = paragraph.text()
        first = utf16_offset(text, start)
        last = max(first, utf16_offset(text, end, start=False))
        self.select_span(paragraph.position() + first, paragraph.position() + last)
        self.editor.setFocus()
