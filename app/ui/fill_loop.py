"""The fill loop: go to the next (or previous) placeholder, fill it from the sidebar's box and move
on; the current placeholder marked stronger, and the sidebar's row following the page. Also the
jumps from the outline and the hints to a place in the text.

Every value put into a placeholder, from the fill box or typed over it in the page, goes through
app.core.fill_checks: what the placeholder leaves no doubt about is completed ("25" over 20XX is
2025; shown in the status bar, one undo step with the typing) and the span is recorded in the
window's FillRecord, whose fill hints the Hints list shows. A value typed in the page is checked
when the typing ends: the cursor leaves it, or F11 moves on."""
from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, Iterator, NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit

from app.core.offsets import code_point_index, spaced_text, utf16_index, utf16_offset
from app.ui.i18n import arg

# The engine side (fill_checks, filled, placeholders) is imported where used: this module is part
# of the window's first frame, which the engine must not delay.
if TYPE_CHECKING:
    from app.core.placeholders import Placeholder
    from app.core.live_fills import FillRecord
    from app.ui.editor import Editor
    from app.ui.placeholder_panel import PlaceholderPanel
    from app.ui.report_document import ReportDocument
    from app.ui.status import StatusBar

CURRENT = QColor(255, 165, 0, 200)
# Where the view puts the placeholder it moves to: this far down the viewport (the middle third).
VIEW_AT = 0.4


class _Over(NamedTuple):
    """A placeholder selected in the page, which the user may be typing over."""

    placeholder: Placeholder  # block number, code point offsets
    text: str  # the paragraph's shown text before
    start: int  # UTF-16 offset of the token in the paragraph
    length: int  # UTF-16 length of the token


def this_year() -> int:
    import datetime  # not before the window's first frame

    return datetime.date.today().year


class FillLoop(QObject):
    """Moves through and fills the placeholders of the editor's document."""

    def __init__(self, editor: Editor, sidebar: PlaceholderPanel, status: StatusBar,
                 ensure_fresh: Callable[[], None]) -> None:
        super().__init__(editor)
        self.editor = editor
        self.sidebar = sidebar
        self.status = status
        self.ensure_fresh = ensure_fresh  # brings the lists up to date when typing left them behind
        self.record: FillRecord | None = None  # the window's, once the engine side is there
        # The window's refresh, hints included, soon: after the page has shown the fill.
        self.refresh_soon: Callable[[], None] = ensure_fresh
        # Values put in since the last refresh, each held by a cursor over it (Qt keeps a cursor on
        # its text through other edits), with the placeholder it filled: see hand_over.
        self._held: list[tuple[QTextCursor, Placeholder]] = []
        # Fills the placeholder in hand and its siblings in one step when the sidebar offers it
        # and the offer is taken (False: not); told which placeholder is in hand.
        self.fill_together: Callable[[str], bool] | None = None
        self.in_hand: Callable[[Placeholder | None], None] | None = None
        self._over: _Over | None = None
        self._finishing = False
        # Escape in the fill box: back to the page, the placeholder still selected.
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), sidebar.fill)
        back.setContext(Qt.ShortcutContext.WidgetShortcut)
        back.activated.connect(self.back_to_page)

    @property
    def report(self) -> ReportDocument:
        return self.editor.document()

    def select_span(self, start: int, end: int, middle: bool = False) -> None:
        """Select ``start:end``; ``middle``: scroll it into the middle third of the view (where
        the eye is), not just into view at an edge."""
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        if middle:
            self.scroll_to_middle()
        else:
            self.editor.ensureCursorVisible()

    def scroll_to_middle(self) -> None:
        rect = self.editor.cursorRect()
        height = self.editor.viewport().height()
        if height / 3 <= rect.center().y() <= 2 * height / 3:
            return
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + rect.center().y() - int(height * VIEW_AT))

    def select_placeholder(self, block: int, start: int, end: int) -> None:
        self.ensure_fresh()
        span = self.report.span_of(block, start, end)
        if span is not None:
            self.select_span(*span)
            self.editor.setFocus()

    def next_placeholder(self) -> bool:
        self.finish_typing()
        span = self.report.next_span(self.editor.textCursor().selectionEnd())
        return self._go(span)

    def previous_placeholder(self) -> bool:
        self.finish_typing()
        span = self.report.next_span(self.editor.textCursor().selectionStart(), backwards=True)
        return self._go(span)

    def _go(self, span: tuple[int, int] | None) -> bool:
        if span is None:
            self.status.message(self.tr("No placeholders left"), 3000)
            return False
        self.select_span(*span, middle=True)
        return True

    def focus_fill_box(self) -> None:
        if not self.selected_placeholder():
            self.next_placeholder()
        self.sidebar.fill.setFocus()
        self.sidebar.fill.selectAll()

    def back_to_page(self) -> None:
        if not self.selected_placeholder():
            self.next_placeholder()
        self.editor.setFocus()
        self.editor.ensureCursorVisible()

    def selected_placeholder(self) -> bool:
        cursor = self.editor.textCursor()
        return cursor.hasSelection() and self.report.span_at(cursor.selectionStart(), cursor.selectionEnd())

    def placeholder_at(self, cursor: QTextCursor) -> Placeholder | None:
        """The placeholder ``cursor`` selects exactly (block number, code point offsets)."""
        from app.core.placeholders import Placeholder

        if not cursor.hasSelection():
            return None
        block = self.report.findBlock(cursor.selectionStart())
        for s, e, found in self.report.spans_in(block):
            if s == cursor.selectionStart() and e == cursor.selectionEnd():
                return Placeholder(0, block.blockNumber(), found.start, found.end, found.token, found.kind,
                                   found.unit, "", None)
        return None

    def fill(self, value: str) -> bool:
        """Put ``value`` (checked: see the module's doc) in place of the selected placeholder (or
        the next one) and move on."""
        from app.core.fill_checks import check_fill

        value = value.replace("\n", " ").strip()
        if not value:
            return False
        if not self.selected_placeholder() and not self.next_placeholder():
            return False
        if self.fill_together is not None and self.fill_together(value):
            return True
        cursor = self.editor.textCursor()
        block = cursor.block()
        placeholder = self.placeholder_at(cursor)
        self._over = None
        typed = value
        if placeholder is not None:
            value = check_fill(placeholder, value, spaced_text(block.text()), this_year()).value
        offset = code_point_index(block.text(), cursor.selectionStart() - block.position())
        position = cursor.selectionStart()
        if not self.editor.replace_selection(value):
            # Nothing the page can take (a tab, a control character): nothing is filled, and the
            # user is told why Enter did nothing.
            self.status.message(self.tr("Not filled: the value holds a tab or a control character"), 6000)
            return False
        if placeholder is not None:
            self._hold(position, value, placeholder)
        self.sidebar.remove(block.blockNumber(), offset)
        self.status.show_left(self.sidebar.leaf_count())
        self.next_placeholder()
        self.completed(typed, value)  # after moving on, which may say none are left
        self.sidebar.fill.clear()
        return True

    def completed(self, typed: str, value: str) -> None:
        """Say what a typed value became, when it became more."""
        if typed.strip() != value:
            self.status.message(arg(self.tr("“%1” filled in as “%2”"), typed.strip(), value), 6000)

    # -- a value typed over a placeholder in the page ---------------------------------------------

    def follow_typing(self) -> None:
        """After the cursor moved: when it left a value typed over a placeholder, check it."""
        over = self._over
        if over is None or self._finishing:
            return
        cursor = self.editor.textCursor()
        if cursor.hasSelection() and self.placeholder_at(cursor) == over.placeholder:
            return  # still just selected
        typed = self._typed(over)
        block = self.report.findBlockByNumber(over.placeholder.block)
        if (typed is not None and not cursor.hasSelection() and cursor.block() == block
                and cursor.positionInBlock() == over.start + len(typed) and typed):
            return  # still typing
        self.finish_typing()

    def _typed(self, over: _Over) -> str | None:
        """What stands in the token's place now (UTF-16 text); None when the text around it changed."""
        block = self.report.findBlockByNumber(over.placeholder.block)
        if not block.isValid():
            return None
        text = block.text()
        rest = len(over.text) - over.start - over.length
        end = len(text) - rest
        if end < over.start or text[:over.start] != over.text[:over.start] or text[end:] != over.text[len(over.text) - rest:]:
            return None
        return text[over.start:end]

    def finish_typing(self) -> None:
        """Check the value typed over the placeholder last selected, completing it in the same undo step."""
        from app.core.fill_checks import check_fill

        over, self._over = self._over, None
        if over is None:
            return
        typed = self._typed(over)
        p = over.placeholder
        if not typed or typed == p.token or "\u2029" in typed or "\u2028" in typed:
            return
        block = self.report.findBlockByNumber(p.block)
        text = spaced_text(block.text())
        check = check_fill(p, typed, text, this_year())
        value = typed
        if check.completed:
            value = check.value
            cursor = QTextCursor(block)
            cursor.setPosition(block.position() + over.start)
            cursor.setPosition(block.position() + over.start + len(typed), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCursor(cursor)
            fmt.setPosition(cursor.selectionStart() + 1)
            self._finishing = True
            try:
                cursor.joinPreviousEditBlock()  # one undo step with the typing
                cursor.insertText(value, fmt.charFormat())
                cursor.endEditBlock()
            finally:
                self._finishing = False
            self.completed(typed, value)
        self._hold(block.position() + over.start, value, p)

    def _hold(self, position: int, value: str, placeholder: Placeholder) -> None:
        """``value`` was put in at ``position`` in place of ``placeholder``: the record takes it
        at the next refresh, which comes once the page has shown it (the lists and hints of a long
        report take a moment, which the fill itself need not wait for)."""
        if self.record is None:
            return
        held = QTextCursor(self.report)
        held.setPosition(position)
        held.setPosition(position + utf16_index(value, len(value)), QTextCursor.MoveMode.KeepAnchor)
        self._held.append((held, placeholder))
        self.refresh_soon()

    def hand_over(self) -> None:
        """Give the record the values put in since the last refresh, where they stand now (the
        refresh reads the text as it stands now, other edits since the fill included)."""
        from app.core.filled import Filled

        held, self._held = self._held, []
        if self.record is None:
            return
        for cursor, p in held:
            value = cursor.selectedText()
            if cursor.document() is not self.report or not value or "\u2029" in value:
                continue  # another document by now, or the value was deleted or split
            block = self.report.findBlock(cursor.selectionStart())
            start = code_point_index(block.text(), cursor.selectionStart() - block.position())
            self.record.expect(Filled(block.blockNumber(), start, start + len(value), p.token, p.kind, p.unit))

    def mark_current(self) -> None:
        """The selected placeholder stronger than the rest, and its row chosen in the sidebar."""
        cursor = self.editor.textCursor()
        selections = []
        placeholder = None
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
            placeholder = self.placeholder_at(cursor)
            if placeholder is not None and not self._finishing:
                if self._over is not None and self._over.placeholder != placeholder:
                    self.finish_typing()
                start = cursor.selectionStart() - block.position()
                self._over = _Over(placeholder, block.text(), start, cursor.selectionEnd() - cursor.selectionStart())
        self.editor.setExtraSelections(selections)
        if self.in_hand is not None:
            self.in_hand(placeholder)

    @contextmanager
    def kept_place(self) -> Iterator[None]:
        """The cursor and the view where they were around a change of the whole report (official
        format rebuilds every paragraph): the same paragraph and offset, at the same height."""
        cursor = self.editor.textCursor()
        number, offset, top = cursor.blockNumber(), cursor.positionInBlock(), self.editor.cursorRect().top()
        yield
        report = self.report
        block = report.findBlockByNumber(min(number, report.blockCount() - 1))
        cursor = QTextCursor(block)
        cursor.setPosition(block.position() + min(offset, block.length() - 1))
        self.editor.setTextCursor(cursor)
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + self.editor.cursorRect().top() - top)

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
        self.select_span(paragraph.position() + first, paragraph.position() + last, middle=True)
        self.editor.setFocus()
