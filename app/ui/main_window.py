"""The main window: outline | page | placeholder sidebar. It builds the parts and routes between
them; every signal is connected here, in ``_connect_frame`` and ``_connect_engine``.

The parts: WindowActions (actions, menus, toolbar: requests only), DocumentSession (the open file:
open, save, adopt), the ReportDocument in the editor (keeps its own paragraphs and their scan),
FillLoop (next, previous, fill), TextFormatting, StatusBar (one owner per label), the operations
on the whole report (cleanup, section_moves, hint_fixes, official_format, print_actions) and
CountsView. Per keystroke only the touched paragraphs are rescanned (by the document itself); the
outline, sidebar and status bar catch up on a short timer after typing pauses.
"""
from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter

from app import __version__
from app.ui.actions import WindowActions
from app.ui.editor import Editor, local_document
from app.ui.fill_loop import FillLoop
from app.ui.fonts import DEFAULT_FAMILIES, DEFAULT_SIZE_PT
from app.ui.heap import load_engine, set_start_up_aside, settle_heap
from app.ui.hints_panel import HintsPanel
from app.ui.i18n import arg, translate
from app.ui.outline_panel import OutlinePanel
from app.ui.placeholder_panel import PlaceholderPanel
from app.ui.sidebar_offers import OffersPanel
from app.ui.dialogs import inform
from app.ui.safety import SafetyController
from app.ui.session import DocumentSession
from app.ui.settings import Settings
from app.ui.status import StatusBar
from app.ui.text_formatting import TextFormatting

# The engine side of the window (document, scans, operations) is loaded by finish_start, after the
# first frame when the window is built with finish_later.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QResizeEvent

    from app.core.document import Document
    from app.core.live_scan import Snapshot
    from app.ui.cleanup import Cleanup
    from app.ui.counts_view import CountsView
    from app.ui.findreplace import FindReplaceDialog
    from app.ui.hint_fixes import HintFixes
    from app.ui.official_format import OfficialFormat
    from app.ui.operations import Operations
    from app.ui.print_actions import PrintActions
    from app.ui.report_document import ReportDocument
    from app.ui.section_moves import SectionMoves

REFRESH_MS = 200
# The page's own width plus this (scroll bar, a little desk either side) is what the editor wants.
EDITOR_EXTRA_PX = 40
# From this many blocks up, an opened report's objects are set aside from the garbage collector...
SETTLE_BLOCKS = 1000
# ... once typing has paused this long.
SETTLE_IDLE_MS = 1500


class MainWindow(QMainWindow):
    _settle_timer: QTimer | None = None  # made for the first long report (_settle_when_idle)
    _started = False  # finish_start has run: the engine side is there
    _find: FindReplaceDialog | None = None
    snapshot: Snapshot
    operations: Operations
    cleanup: Cleanup
    moves: SectionMoves
    hint_fixes: HintFixes
    official: OfficialFormat
    printing: PrintActions
    counts: CountsView

    def __init__(self, settings: Settings | None = None, *, finish_later: bool = False) -> None:
        """The window and everything it shows; the engine side comes with finish_start: here, or
        with ``finish_later`` right after the first frame has painted, so that the window shows
        without waiting for it. Until then the page is read-only, and opening or making a
        document finishes first."""
        if not finish_later:
            load_engine()  # before the widgets, as a window finished now needs it anyway
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.kind_labels = {"figure": self.tr("figure"), "name": self.tr("name"), "date": self.tr("date"),
                            "year": self.tr("year")}
        self.editor = Editor(self)
        self.editor.setAccessibleName(self.tr("Document"))
        self.editor.set_page_margins(self.editor.document())
        self.editor.document().setModified(False)  # a margin set counts as a change to Qt
        self.outline = OutlinePanel(self)
        self.sidebar = PlaceholderPanel(self)
        self.sidebar.set_kind_labels(self.kind_labels)
        self.hints_panel = HintsPanel(self.sidebar)
        self.hints_panel.setMaximumHeight(240)
        self.sidebar.layout().addWidget(self.hints_panel)
        self.offers_panel = OffersPanel(self.sidebar)
        self.sidebar.layout().insertWidget(2, self.offers_panel)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for widget, stretch in ((self.outline, 0), (self.editor, 1), (self.sidebar, 0)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.count() - 1, stretch)
        self.splitter.setSizes([230, 860, 330])
        self.splitter.setChildrenCollapsible(False)
        self.outline.setMinimumWidth(140)
        self.sidebar.setMinimumWidth(220)
        self.setCentralWidget(self.splitter)
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self._cursor_in: tuple[int, int] | None = None  # the paragraph (number, format) last shown
        self.status = StatusBar(self)
        self.actions = WindowActions(self)
        self.formatting = TextFormatting(self.editor, self.actions)
        self.session = DocumentSession(self)
        self.fill_loop = FillLoop(self.editor, self.sidebar, self.status, self.ensure_fresh)
        self.setAcceptDrops(True)
        self.resize(1420, 900)
        self._restore_geometry()
        self.safety = SafetyController(self)  # autosave, one owner, failed saves
        self._connect_frame()
        # The first frame shows what an empty document will: no characters, nothing to fill.
        self._show_title(self.session.title)
        self.status.show_chars(0)
        self.status.show_left(0, True)
        self.status.show_saved(True)
        self.formatting.show_font(DEFAULT_FAMILIES[0], DEFAULT_SIZE_PT)
        if finish_later:
            self.editor.setReadOnly(True)
            self.editor.after_paint(self.finish_start)
        else:
            self.finish_start()

    def finish_start(self) -> None:
        """Load the engine side and show an empty document (once; later calls return at once)."""
        if self._started:
            return
        self._started = True
        load_engine()
        from app.core.document import Document
        from app.ui.cleanup import Cleanup
        from app.ui.counts_view import CountsView
        from app.core.live_fills import FillRecord
        from app.core.offsets import spaced_text
        from app.ui.sidebar_offers import SidebarOffers
        from app.ui.hint_fixes import HintFixes
        from app.ui.official_format import OfficialFormat
        from app.ui.operations import Operations
        from app.ui.print_actions import PrintActions
        from app.ui.section_moves import SectionMoves

        self.operations = Operations(self)
        self.cleanup = Cleanup(self, self.operations)
        self.moves = SectionMoves(self, self.operations)
        self.hint_fixes = HintFixes(self, self.operations)
        self.official = OfficialFormat(self, self.operations)
        self.printing = PrintActions(self, self.operations)
        self.counts = CountsView(self)
        self.fill_record = FillRecord()
        self.offers = SidebarOffers(self, self.offers_panel)
        self.fill_loop.record = self.fill_record
        self.fill_loop.refresh_soon = self.refresh_soon
        self.fill_loop.fill_together = self.offers.fill
        self.fill_loop.in_hand = self.offers.placeholder_chosen
        self.sidebar.model_.paragraph_of = lambda block: spaced_text(self.fill_record.text(block))
        self._connect_engine()
        self.editor.setReadOnly(False)
        self.editor.marks_placeholders = True
        self.session.show(Document(), None, self.tr("Untitled"))
        self.editor.after_paint(self.safety.prepare)  # the first keystroke waits for no autosave set-up
        set_start_up_aside()

    # -- wiring: every connection of the window's parts ------------------------------------------

    def _connect_frame(self) -> None:
        """What the first frame answers: files, editing, formatting, view (each waits for the engine
        where it needs it)."""
        a, e, f = self.actions, self.editor, self.formatting
        routes = ((a.act_new, self.new_file), (a.act_open, self.open_dialog), (a.act_save, self.save),
                  (a.act_save_as, self.save_as), (a.act_quit, self.close), (a.act_undo, e.undo), (a.act_redo, e.redo),
                  (a.act_cut, e.cut), (a.act_copy, e.copy), (a.act_paste, e.paste),
                  (a.act_paste_plain, self.paste_plain), (a.act_find, lambda: self.find_dialog(False)),
                  (a.act_replace, lambda: self.find_dialog(True)), (a.act_select_all, e.selectAll),
                  (a.act_next, self.next_placeholder), (a.act_previous, self.previous_placeholder),
                  (a.act_fill_box, self.fill_loop.focus_fill_box), (a.act_bold, f.toggle_bold),
                  (a.act_italic, f.toggle_italic), (a.act_underline, f.toggle_underline),
                  (a.act_indent, f.toggle_indent), (a.act_show_outline, self.outline.setVisible),
                  (a.act_show_sidebar, self.sidebar.setVisible), (a.act_zoom_in, lambda: e.zoomIn(1)),
                  (a.act_zoom_out, lambda: e.zoomOut(1)), (a.act_about, self.about),
                  (a.act_history, self.show_history))
        for action, slot in routes:
            action.triggered.connect(slot)
        a.templateChosen.connect(self.new_from_template)
        a.recentChosen.connect(self.open_path)
        a.recentMenuShown.connect(lambda: a.fill_recent(self.settings.recent))
        a.familyChosen.connect(f.set_family)
        a.sizeChosen.connect(f.set_size)
        a.alignmentChosen.connect(f.set_alignment)
        self.refresh_timer.timeout.connect(self.refresh_now)
        self.session.titleChanged.connect(self._show_title)
        self.session.saved.connect(lambda path: self.status.message(self.session.saved_message(path), 4000))

    def _connect_engine(self) -> None:
        a = self.actions
        routes = ((a.act_clean, self.cleanup.ask_clean), (a.act_renumber, self.moves.renumber),
                  (a.act_auto_renumber, self.moves.set_auto_renumber),
                  (a.act_move_up, lambda: self.moves.outline_op("up")),
                  (a.act_move_down, lambda: self.moves.outline_op("down")),
                  (a.act_promote, lambda: self.moves.outline_op("promote")),
                  (a.act_demote, lambda: self.moves.outline_op("demote")),
                  (a.act_fix_punct, self.hint_fixes.fix_punctuation), (a.act_official, self.official.ask_official),
                  (a.act_print, self.printing.print_preview), (a.act_pdf, self.printing.ask_export_pdf),
                  (a.act_target, self.counts.ask_target), (a.act_no_punct, self.counts.set_no_punctuation))
        for action, slot in routes:
            action.triggered.connect(slot)
        self.editor.cursorPositionChanged.connect(self._on_cursor_moved)
        self.editor.selectionChanged.connect(self.fill_loop.mark_current)
        self.editor.currentCharFormatChanged.connect(self.formatting.show_char_format)
        self.editor.fileDropped.connect(self.open_path)
        self.outline.sectionActivated.connect(self.fill_loop.go_to_block)
        self.sidebar.placeholderChosen.connect(self.fill_loop.select_placeholder)
        self.sidebar.fillRequested.connect(self.fill)
        self.sidebar.nextRequested.connect(self.next_placeholder)
        self.sidebar.previousRequested.connect(self.previous_placeholder)
        self.hints_panel.hintChosen.connect(self.fill_loop.go_to_span)
        self.hints_panel.fixRequested.connect(self.hint_fixes.fix_punctuation)
        self.hints_panel.damageFixRequested.connect(self.counts.fix_damage)
        self.editor.cursorPositionChanged.connect(self.fill_loop.follow_typing)
        self.offers_panel.cleanRequested.connect(self.cleanup.ask_clean)
        self.session.documentShown.connect(self._on_document_shown)

    def _on_document_shown(self, report: ReportDocument) -> None:
        report.touched.connect(self._on_touched)
        report.changeApplied.connect(self.refresh_now)
        report.changeApplied.connect(self.offers.read_junk)
        report.picturesKept.connect(self._tell_pictures_kept)
        report.modificationChanged.connect(self._on_modification_changed)
        report.undoAvailable.connect(self.actions.act_undo.setEnabled)
        report.redoAvailable.connect(self.actions.act_redo.setEnabled)
        self.fill_record.reset()
        self.refresh_now()
        # The template ads are read from the whole report (~0.3 s at 1,500 pages): after the
        # report is on screen, as the user would not wait for their grey marks.
        self.editor.after_paint(lambda: self._read_junk_of(report))
        self.formatting.show_char_format(self.editor.currentCharFormat())
        self.actions.act_undo.setEnabled(False)
        self.actions.act_redo.setEnabled(False)
        self.safety.document_replaced()
        if len(report.original.blocks) >= SETTLE_BLOCKS:
            # The collector stays paused until the user first stops typing for a moment: the
            # settling takes ~100 ms at 1,500 pages, never under their fingers.
            self.editor.after_paint(self._settle_when_idle)
        else:
            gc.enable()

    def _read_junk_of(self, report: ReportDocument) -> None:
        if report is self.report:  # not one shown before it (an empty window's)
            self.offers.read_junk()

    # -- the document -------------------------------------------------------------------------------

    @property
    def report(self) -> ReportDocument:
        return self.editor.document()

    @property
    def document(self) -> Document:
        """The Document the editor's text was built from (as read, or as last saved)."""
        return self.report.original

    @property
    def path(self) -> Path | None:
        return self.session.path

    @property
    def title(self) -> str:
        return self.session.title

    def current_document(self) -> Document:
        """The Document as the editor now shows it (the writer's input)."""
        return self.report.export()

    def open_path(self, path: str | os.PathLike) -> bool:
        self.finish_start()
        return self.session.open_path(path)

    def open_dialog(self) -> None:
        self.finish_start()
        self.session.open_dialog()

    def new_file(self) -> None:
        self.finish_start()
        self.session.new_file()

    def new_from_template(self, path: Path) -> None:
        self.finish_start()
        self.session.new_from_template(path)

    def save(self) -> bool:
        self.finish_start()
        return self.session.save()

    def save_as(self) -> bool:
        self.finish_start()
        return self.session.save_as()

    def maybe_keep_changes(self) -> bool:
        return self.session.maybe_keep_changes()

    def _settle_when_idle(self) -> None:
        if self._settle_timer is None:
            self._settle_timer = QTimer(self)
            self._settle_timer.setSingleShot(True)
            self._settle_timer.setInterval(SETTLE_IDLE_MS)
            self._settle_timer.timeout.connect(settle_heap)
        self._settle_timer.start()

    def _tell_pictures_kept(self, reasons: list[str]) -> None:
        """Tell the user about a deleted picture the file keeps all the same (see
        docx_writer.picture_kept): the window would otherwise show less than the saved file holds.
        The message waits for the event loop, so a save or an autosave finishes first."""
        why = {"group": self.tr("it is one of a group of pictures that stays"),
               "field": self.tr("it is the result of a field, which would bring it back"),
               "shape": self.tr("it is drawn together with text boxes or shapes the editor does not show")}
        text = arg(self.tr("A picture you deleted cannot be removed from the file here, so saving keeps it: %1. "
                           "Delete it in Word or WPS if it must go."), "; ".join(dict.fromkeys(why[r] for r in reasons)))
        KEPT_NOTICES.append(text)
        del KEPT_NOTICES[:-10]
        QTimer.singleShot(0, self, lambda: inform(self, self.tr("Picture kept"), text, modal=False))

    # -- the fill loop and the lists -----------------------------------------------------------------

    def _on_touched(self) -> None:
        if self._settle_timer is not None and self._settle_timer.isActive():
            self._settle_timer.start()  # typing: later
        self.refresh_timer.start()

    def refresh_now(self) -> None:
        """Bring the outline, the sidebar and the status bar up to date."""
        self.refresh_timer.stop()
        self.snapshot = self.report.snapshot()
        self.outline.set_sections(self.snapshot.sections)
        self.sidebar.set_sections(self.snapshot.sections)
        self.sidebar.set_placeholders(self.snapshot.placeholders)
        empty = self.report.isEmpty()
        if empty:
            self.sidebar.set_count(0, empty)
        self._cursor_in = None
        self._on_cursor_moved()
        self.fill_loop.mark_current()
        self.status.show_left(len(self.snapshot.placeholders), empty)
        self._on_modification_changed(self.report.isModified())
        self.fill_loop.hand_over()
        self.fill_record.refreshed(self.snapshot)
        self.counts.refreshed()

    def refresh_soon(self) -> None:
        """A refresh once the page has painted (at the latest when the refresh timer runs out)."""
        self.refresh_timer.start()
        self.editor.after_paint(self.ensure_fresh)

    def lists_behind(self) -> bool:
        """The text changed since the last refresh: ``snapshot`` is not the page's."""
        return self.refresh_timer.isActive()

    def ensure_fresh(self) -> None:
        if self.lists_behind():
            self.refresh_now()

    def fill(self, value: str) -> bool:
        return self.fill_loop.fill(value)

    def next_placeholder(self) -> bool:
        return self.fill_loop.next_placeholder()

    def previous_placeholder(self) -> bool:
        return self.fill_loop.previous_placeholder()

    def select_span(self, start: int, end: int) -> None:
        self.fill_loop.select_span(start, end)

    def _on_cursor_moved(self) -> None:
        # Typing moves the cursor twice a key within one paragraph, and what is shown here depends
        # on the paragraph and its format alone (the outline's changes come with refresh_now).
        block = self.editor.textCursor().block()
        where = (block.blockNumber(), block.blockFormatIndex())
        if where == self._cursor_in:
            return
        self._cursor_in = where
        self.outline.mark_current(where[0])
        self.status.show_section(self.outline.current_title())
        self.formatting.show_paragraph_format()

    def _on_modification_changed(self, modified: bool) -> None:
        self.status.show_saved(not modified)
        self.setWindowModified(modified)

    def _show_title(self, title: str) -> None:
        self.setWindowTitle(f"{title}[*] — " + self.tr("Tianbao"))

    # -- editing -------------------------------------------------------------------------------------

    def paste_plain(self) -> None:
        self.editor.insert_plain(QGuiApplication.clipboard().text())

    def find_dialog(self, replace: bool) -> FindReplaceDialog:
        if self._find is None:
            from app.ui.findreplace import FindReplaceDialog

            self._find = FindReplaceDialog(self.editor, self)
        self._find.show_for(replace)
        return self._find

    def show_history(self) -> None:
        from app.ui.history_dialog import HistoryDialog

        HistoryDialog(self).exec()

    def about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About Tianbao"), self.about_text())

    def about_text(self) -> str:
        from PySide6 import __version__ as pyside_version

        # Plain calls (not inside f-strings), so that pyside6-lupdate finds the strings.
        name = self.tr("Tianbao")
        blurb = self.tr("An editor for Chinese office reports: see what is left to fill, jump to it, fill it.")
        bundled = self.tr("Bundled libraries and their licences:")
        return (
            f"<h3>{name} {__version__}</h3>"
            f"<p>{blurb}</p>"
            f"<p>{bundled}</p><ul>"
            f"<li>Qt / PySide6 {pyside_version} — LGPL-3.0</li>"
            "<li>python-docx — MIT</li><li>lxml — BSD-3-Clause</li><li>platformdirs — MIT</li></ul>"
        )

    # -- window events -------------------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if local_document(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = local_document(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # After the splitter has shared out the new width (it does so in its own resize).
        QTimer.singleShot(0, self, self._editor_first)

    def _editor_first(self) -> None:
        """In a narrow window (a small screen, a restored layout from a wider one) the side panels
        give up their width before the page does: QSplitter alone squeezes the page to a sliver."""
        sizes = self.splitter.sizes()
        if len(sizes) != 3 or not all(sizes):
            return
        minimums = tuple(max(w.minimumWidth(), w.minimumSizeHint().width()) for w in (self.outline, self.sidebar))
        wanted = self.editor.page_width() + EDITOR_EXTRA_PX
        fitted = editor_first(sizes, minimums, wanted)
        if fitted != sizes:
            self.splitter.setSizes(fitted)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.editor.apply_palette()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_keep_changes():
            event.ignore()
            return
        self.safety.closed()
        self.settings.set("geometry", bytes(self.saveGeometry().toBase64()).decode("ascii"))
        self.settings.set("splitter", bytes(self.splitter.saveState().toBase64()).decode("ascii"))
        self.settings.save()
        event.accept()

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("geometry")
        splitter = self.settings.get("splitter")
        if isinstance(geometry, str):
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        if isinstance(splitter, str):
            self.splitter.restoreState(QByteArray.fromBase64(splitter.encode("ascii")))


def editor_first(sizes: list[int], minimums: tuple[int, int], wanted: int) -> list[int]:
    """Splitter sizes (outline, editor, sidebar) giving the editor up to ``wanted`` pixels, taken
    from the side panels in proportion to what each has above its minimum."""
    outline, editor, sidebar = sizes
    spare_outline, spare_sidebar = max(0, outline - minimums[0]), max(0, sidebar - minimums[1])
    take = min(wanted - editor, spare_outline + spare_sidebar)
    if take <= 0:
        return sizes
    from_outline = take * spare_outline // (spare_outline + spare_sidebar)
    return [outline - from_outline, editor + take, sidebar - (take - from_outline)]


# What the window said of deleted pictures the file keeps (the last few), for tests and drivers
# that cannot see the message box.
KEPT_NOTICES: list[str] = []

__all__ = ["KEPT_NOTICES", "MainWindow", "translate"]
