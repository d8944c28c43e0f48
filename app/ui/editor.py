"""The document pane: a white A4-wide page on a grey desk, and the paste rule."""
from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QTextEdit, QWidget

# PySide makes a Qt class's Python type when its name is first imported (QInputMethodEvent and
# QTextBlockFormat ~2 ms each): the classes only typing, pasting and formatting use are imported
# there, not before the window's first frame.
if TYPE_CHECKING:
    from PySide6.QtGui import QInputMethodEvent, QTextCharFormat

A4_WIDTH_MM = 210.0
# GB/T 9704 margins are left 28 mm and right 26 mm; the screen page uses 27 mm all round.
PAGE_MARGIN_MM = 27.0
DOCUMENT_SUFFIXES = (".docx", ".docm", ".txt")
# The narrowest the page gets in a narrow window (it scrolls sideways below this).
MIN_WRAP_PX = 320


def mm_px(mm: float, dpi: float) -> float:
    return mm * dpi / 25.4


def local_document(mime: QMimeData) -> str | None:
    """The first dropped local file that the window can open, or None."""
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        path = url.toLocalFile()
        if path and path.lower().endswith(DOCUMENT_SUFFIXES):
            return path
    return None


def clean_char_format(source: QTextCharFormat, base: QTextCharFormat) -> QTextCharFormat:
    """The format pasted text gets: the format at the insertion point plus only the source's
    bold, italic and underline (see Editor.insertFromMimeData). The size is the paragraph's: a web
    page's 16 px headline pasted into a 三号 report must not stand out."""
    from PySide6.QtGui import QTextCharFormat, QTextFormat

    cf = QTextCharFormat(base)
    if source.hasProperty(QTextFormat.Property.FontWeight):
        cf.setFontWeight(QFont.Weight.Bold if source.fontWeight() >= QFont.Weight.DemiBold else QFont.Weight.Normal)
    if source.hasProperty(QTextFormat.Property.FontItalic):
        cf.setFontItalic(source.fontItalic())
    if source.hasProperty(QTextFormat.Property.FontUnderline) or source.hasProperty(
            QTextFormat.Property.TextUnderlineStyle):
        cf.setFontUnderline(source.fontUnderline())
    return cf


class Editor(QTextEdit):
    """A QTextEdit laid out like a printed page."""

    fileDropped = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport is first fetched by name: a plain viewport() the first time makes PySide
        # try every widget class it knows for the object's type (9 ms of the cold start).
        self.findChild(QWidget, "qt_scrollarea_viewport")
        self.setObjectName("editor")
        self.setAcceptRichText(True)
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setTabChangesFocus(False)
        # The page keeps its A4 width where there is room; in a narrower window it follows the
        # window (no sideways scrolling), though never narrower than MIN_WRAP_PX: text wrapped
        # to a sliver is unreadable, and Qt's table layout breaks on it (see _center_page).
        self.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
        self.setLineWrapColumnOrWidth(self.page_width())
        self.apply_palette()
        self._after_paint: list[_Once] = []
        # The overlays (list labels, placeholder and ad marks) need the engine side, which the window loads
        # after its first frame (MainWindow.finish_start); an empty page has none to paint.
        self.marks_placeholders = False
        # Template ads to mark grey: block number -> (start, end, text) of each, end -1 for the
        # whole line (app.ui.sidebar_offers reads them at open and after each change).
        self.junk_marks: dict[int, list[tuple[int, int, str]]] = {}

    def after_paint(self, job: Callable[[], object], latest_ms: int = 500) -> None:
        """Run ``job`` once the report has been painted (work the user need not wait for to see
        it), or after ``latest_ms`` if nothing paints (a hidden window)."""
        once = _Once(job)
        self._after_paint.append(once)
        # The time limit counts from when the event loop is next free: a job asked for just before
        # a long report is built must not run the moment the build ends, ahead of its first paint.
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(latest_ms, self, once))
        self.viewport().update()

    # -- look ----------------------------------------------------------------------------

    def apply_palette(self) -> None:
        """Paper stays white with black ink in light and dark themes; the desk follows the theme."""
        app_palette = self.palette()
        dark = app_palette.color(QPalette.ColorRole.Window).lightness() < 128
        desk = QColor("#3a3b3d") if dark else QColor("#e4e5e7")
        palette = QPalette(app_palette)
        palette.setColor(QPalette.ColorRole.Window, desk)
        # QTextEdit paints the text with its own palette, so the ink is set here too.
        palette.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        page = QPalette(self.viewport().palette())
        page.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
        page.setColor(QPalette.ColorRole.Text, QColor("#1a1a1a"))
        page.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
        self.viewport().setPalette(page)
        self.viewport().setAutoFillBackground(True)

    def page_width(self) -> int:
        return round(mm_px(A4_WIDTH_MM, self.logicalDpiX()))

    def set_page_margins(self, document: QTextDocument) -> None:
        # One margin all round: separate root-frame margins crash Qt's lazy layout of tables
        # (QTextDocumentLayout::blockBoundingRect) on long documents.
        document.setDocumentMargin(mm_px(PAGE_MARGIN_MM, self.logicalDpiX()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._center_page()
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        reach = getattr(self.document(), "float_reach", 0.0)
        if reach:
            # A floating picture is drawn with its anchor paragraph, which may stand outside the
            # area to repaint: the paragraphs that far around it are drawn too (Qt still paints
            # only inside the area).
            area = event.rect().adjusted(0, -math.ceil(reach), 0, math.ceil(reach))
            super().paintEvent(QPaintEvent(area))
        else:
            super().paintEvent(event)
        if self.marks_placeholders:
            # The overlays need the engine side, which loads after the first frame (an empty page
            # has nothing to draw): Word's list labels, in the room their paragraphs leave (never
            # text), then the placeholder and template-ad marks.
            from app.ui.block_data import blocks_on_screen
            from app.ui.list_labels import paint_labels
            from app.ui.placeholder_marks import paint_junk, paint_placeholders

            on_screen = list(blocks_on_screen(self, True, event.rect()))  # one walk for every overlay
            painter = QPainter(self.viewport())
            try:
                paint_labels(self, painter, on_screen)
                paint_placeholders(painter, on_screen)
                if self.junk_marks:
                    paint_junk(self, painter, self.junk_marks)
            finally:
                painter.end()
        if self._after_paint:
            jobs, self._after_paint = self._after_paint, []
            for job in jobs:
                QTimer.singleShot(0, self, job)

    def _center_page(self) -> None:
        # Room for the vertical scroll bar is kept whether it shows or not, so the page never
        # gets a sideways scroll bar when the text grows past one screen.
        scroll = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 2
        spare = self.width() - scroll - self.page_width()
        # Narrower than A4: the page follows the window (down to MIN_WRAP_PX).
        width = self.page_width() if spare >= 0 else max(MIN_WRAP_PX, self.width() - scroll)
        if self.lineWrapColumnOrWidth() != width:
            self.setLineWrapColumnOrWidth(width)
        side = max(0, spare // 2)
        top = 16 if side > 0 else 0
        self.setViewportMargins(side, top, side, 0)

    # -- typing over a selection ------------------------------------------------------------

    def replace_selection(self, text: str) -> bool:
        """Typing over a selection (a placeholder, typically) takes the format of its first
        character, as in Word: a figure typed over a bold X is bold."""
        cursor = self.textCursor()
        if not text or not cursor.hasSelection() or not text.isprintable():
            return False
        from PySide6.QtGui import QTextCursor

        probe = QTextCursor(cursor)
        probe.setPosition(cursor.selectionStart() + 1)
        fmt = probe.charFormat()
        cursor.insertText(text, fmt)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        plain = event.modifiers() & ~(Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier)
        if not plain and not self.isReadOnly() and self.replace_selection(event.text()):
            event.accept()
            return
        super().keyPressEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802 - Qt override
        if not event.preeditString() and not event.replacementLength() and self.replace_selection(
                event.commitString()):
            event.accept()
            return
        super().inputMethodEvent(event)

    # -- paste ---------------------------------------------------------------------------

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt override
        return local_document(source) is not None or super().canInsertFromMimeData(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt override
        """Paste rule: text from Word, WPS or a web page keeps bold, italic and underline;
        everything else (its size too), (font families, colours, backgrounds, links, images,
        tables, paragraph styling) is dropped, and the pasted text takes the font of the place
        it lands in, so a report keeps one look. Each source paragraph becomes one paragraph.
        A dropped .docx/.txt file is opened, not pasted."""
        path = local_document(source)
        if path is not None:
            self.fileDropped.emit(path)
            return
        if not source.hasHtml():
            self.insert_plain(source.text())
            return
        from PySide6.QtGui import QTextBlockFormat, QTextCharFormat, QTextFormat

        from app.ui.block_data import fragments_of  # the engine side: loaded after the first frame

        scratch = QTextDocument()
        scratch.setHtml(source.html())
        cursor = self.textCursor()
        base = QTextCharFormat(cursor.charFormat())
        base.clearProperty(QTextFormat.Property.AnchorHref)
        base.setAnchor(False)
        cursor.beginEditBlock()
        block = scratch.begin()
        first = True
        while block.isValid():
            if not first:
                cursor.insertBlock(QTextBlockFormat(cursor.blockFormat()), base)
            first = False
            for fragment in fragments_of(block):
                text = fragment.text().replace("\ufffc", "")
                if text:
                    cursor.insertText(text, clean_char_format(fragment.charFormat(), base))
            block = block.next()
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    def insert_plain(self, text: str) -> None:
        """Paste as plain text (Ctrl+Shift+V): the text takes the format where it lands."""
        cursor = self.textCursor()
        cursor.insertText(text.replace("\r\n", "\n").replace("\r", "\n"))
        self.setTextCursor(cursor)


class _Once:
    """A job that runs the first time it is called only."""

    def __init__(self, job: Callable[[], object]) -> None:
        self._job: Callable[[], object] | None = job

    def __call__(self) -> None:
        job, self._job = self._job, None
        if job is not None:
            job()
