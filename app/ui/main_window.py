"""The main window: outline | page | placeholder sidebar, menus, files, the fill loop.

Per keystroke the window only rescans the touched blocks (highlight.rescan); the outline, sidebar and status bar catch up on a short timer after typing
pauses, so a keystroke never waits on them, however long the report.
"""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, QEvent, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QProgressBar,
    QSplitter,
    QTextEdit,
)

from app import __version__
from app.io.errors import DocumentError
from app.ui.editor import Editor, local_document
from app.ui.fonts import CJK_FALLBACKS, DEFAULT_FAMILIES, DEFAULT_SIZE_PT
from app.ui.hints_panel import HintsPanel
from app.ui.panels import OutlinePanel, PlaceholderPanel
from app.ui.safety import SafetyController
from app.ui.settings import Settings

# Imported when first used, not before the first frame (start-up time): dialogs, the writer.
# The engine side of the window (the document model, bridge, tracker, highlighting, Beyond) is
# loaded by finish_start, after the first frame when the window is built with finish_later.
if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent

    from app.core.document import Document
    from app.ui.beyond import Beyond
    from app.ui.findreplace import FindReplaceDialog
    from app.ui.tracker import Snapshot, Tracker


def save_document(document: Document, path: Path, **options) -> object:  # noqa: ANN003
    """app.io.save.save_document, loaded with the first save (tests replace this one)."""
    from app.io.save import save_document as write

    return write(document, path, **options)

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATES = RESOURCES / "templates"
SAMPLE = RESOURCES / "samples"
REFRESH_MS = 200
# From this many blocks up, an opened report's objects are set aside from the garbage collector.
SETTLE_BLOCKS = 1000
# ... once typing has paused this long.
SETTLE_IDLE_MS = 1500

# Chinese font sizes (字号) and their points, as Word and WPS list them; names shown through tr()
# (初号, 小初 ... in Chinese).
FONT_SIZES = [(QT_TRANSLATE_NOOP("MainWindow", "No. 0"), 42), (QT_TRANSLATE_NOOP("MainWindow", "Small 0"), 36),
              (QT_TRANSLATE_NOOP("MainWindow", "No. 1"), 26), (QT_TRANSLATE_NOOP("MainWindow", "Small 1"), 24),
              (QT_TRANSLATE_NOOP("MainWindow", "No. 2"), 22), (QT_TRANSLATE_NOOP("MainWindow", "Small 2"), 18),
              (QT_TRANSLATE_NOOP("MainWindow", "No. 3"), 16), (QT_TRANSLATE_NOOP("MainWindow", "Small 3"), 15),
              (QT_TRANSLATE_NOOP("MainWindow", "No. 4"), 14), (QT_TRANSLATE_NOOP("MainWindow", "Small 4"), 12),
              (QT_TRANSLATE_NOOP("MainWindow", "No. 5"), 10.5), (QT_TRANSLATE_NOOP("MainWindow", "Small 5"), 9)]
# The fonts' own names, as documents store them; the Font menu shows each by the name Windows
# gives it in the window's language (FangSong_GB2312 on an English desktop).
FONT_FAMILIES = ["仿宋_GB2312", "仿宋", "楷体_GB2312", "楷体", "黑体", "宋体", "方正小标宋简体",
                 "微软雅黑", "Times New Roman"]
FONT_MENU_NAMES = {"仿宋_GB2312": QT_TRANSLATE_NOOP("MainWindow", "FangSong_GB2312"),
                   "仿宋": QT_TRANSLATE_NOOP("MainWindow", "FangSong"),
                   "楷体_GB2312": QT_TRANSLATE_NOOP("MainWindow", "KaiTi_GB2312"),
                   "楷体": QT_TRANSLATE_NOOP("MainWindow", "KaiTi"),
                   "黑体": QT_TRANSLATE_NOOP("MainWindow", "SimHei"),
                   "宋体": QT_TRANSLATE_NOOP("MainWindow", "SimSun"),
                   "方正小标宋简体": QT_TRANSLATE_NOOP("MainWindow", "FZXiaoBiaoSong-B05S"),
                   "微软雅黑": QT_TRANSLATE_NOOP("MainWindow", "Microsoft YaHei")}
OPEN_FILTER = "*.docx *.txt"


class MainWindow(QMainWindow):
    _made_document: QTextDocument | None = None  # the editor's document, made by _new_document
    _settle_timer: QTimer | None = None  # made for the first long report (_settle_when_idle)
    _started = False  # finish_start has run: the engine side is there
    document: Document
    snapshot: Snapshot
    tracker: Tracker
    beyond: Beyond

    def __init__(self, settings: Settings | None = None, *, finish_later: bool = False) -> None:
        """The window and everything it shows; the engine side (document model, tracker,
        highlighting, clean-up, hints) comes with finish_start: here, or with ``finish_later``
        right after the first frame has painted, so that the window shows without waiting for it.
        Until then the page is read-only, and opening or making a document finishes first."""
        if not finish_later:
            _load_engine()  # before the widgets, as a window finished now needs it anyway
        super().__init__()
        self.setObjectName("mainWindow")
        self.settings = settings or Settings()
        self.path: Path | None = None
        self.title = self.tr("Untitled")
        self.opened_mtime: float | None = None
        self._loading = False
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
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.outline)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.sidebar)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setSizes([230, 860, 330])
        self.splitter.setChildrenCollapsible(False)
        self.outline.setMinimumWidth(140)
        self.sidebar.setMinimumWidth(220)
        self.setCentralWidget(self.splitter)

        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh_now)

        self._make_status_bar()
        self._make_actions()
        self._make_menus()
        self._make_toolbar()
        self.setAcceptDrops(True)
        self.resize(1420, 900)
        self._restore_geometry()
        self.safety = SafetyController(self)  # autosave, one owner, failed saves
        # The first frame shows what an empty document will: no characters, nothing to fill.
        self._update_title()
        self._show_status(0, 0)
        self._show_font(DEFAULT_FAMILIES[0], DEFAULT_SIZE_PT)
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
        _load_engine()
        from app.core.document import Document
        from app.ui.beyond import install as install_beyond
        from app.ui.tracker import Snapshot, Tracker

        self.document = Document()
        self.snapshot = Snapshot()
        self.tracker = Tracker()
        self._connect()
        self.editor.setReadOnly(False)
        self.editor.marks_placeholders = True
        self._new_document(Document(), None, self.tr("Untitled"))
        # Clean-up, outline moves, hints, counts, official format, print (issue 7): its menus
        # and keys come with the engine; it first counts and reads the (empty) document once the
        # window has painted.
        self.beyond = install_beyond(self)
        self._installed_at = self.snapshot
        self.editor.after_paint(self._after_first_paint)
        _set_start_up_aside()

    def _after_first_paint(self) -> None:
        if self.snapshot is self._installed_at:  # no refresh since (a report opened refreshes it)
            self.beyond.refreshed()
        self.safety.prepare()  # the first keystroke does not wait for the autosave machinery

    # -- construction ----------------------------------------------------------------------

    def _make_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_section = QLabel(self)
        self.status_chars = QLabel(self)
        self.status_left = QLabel(self)
        self.status_saved = QLabel(self)
        for label in (self.status_section, self.status_chars, self.status_left, self.status_saved):
            label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.status_section, 1)
        bar.addPermanentWidget(self.status_chars)
        bar.addPermanentWidget(self.status_left)
        bar.addPermanentWidget(self.status_saved)
        # Progress towards a length target (Beyond shows them when one is set).
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("countProgressLabel")
        self.progress_label.setContentsMargins(8, 0, 8, 0)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("countProgress")
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        for widget in (self.progress_label, self.progress):
            widget.hide()
            bar.addPermanentWidget(widget)

    def _action(self, text: str, slot, shortcut=None, name: str = "", checkable: bool = False) -> QAction:  # noqa: ANN001
        action = QAction(text, self)
        if shortcut is not None:
            if isinstance(shortcut, list):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(shortcut)
        if name:
            action.setObjectName(name)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        e = self.editor
        k = QKeySequence
        self.act_new = self._action(self.tr("&New"), self.new_file, k.StandardKey.New, "actionNew")
        self.act_open = self._action(self.tr("&Open..."), self.open_dialog, k.StandardKey.Open, "actionOpen")
        self.act_save = self._action(self.tr("&Save"), self.save, k.StandardKey.Save, "actionSave")
        self.act_save_as = self._action(self.tr("Save &As..."), self.save_as, k("Ctrl+Shift+S"), "actionSaveAs")
        self.act_quit = self._action(self.tr("E&xit"), self.close, k("Ctrl+Q"), "actionQuit")
        self.act_undo = self._action(self.tr("&Undo"), e.undo, k.StandardKey.Undo, "actionUndo")
        self.act_redo = self._action(self.tr("&Redo"), e.redo, [k("Ctrl+Y"), k("Ctrl+Shift+Z")], "actionRedo")
        self.act_cut = self._action(self.tr("Cu&t"), e.cut, k.StandardKey.Cut, "actionCut")
        self.act_copy = self._action(self.tr("&Copy"), e.copy, k.StandardKey.Copy, "actionCopy")
        self.act_paste = self._action(self.tr("&Paste"), e.paste, k.StandardKey.Paste, "actionPaste")
        self.act_paste_plain = self._action(self.tr("Paste as Plain &Text"), self.paste_plain,
                                            k("Ctrl+Shift+V"), "actionPastePlain")
        self.act_find = self._action(self.tr("&Find..."), lambda: self.find_dialog(False), k.StandardKey.Find,
                                     "actionFind")
        self.act_replace = self._action(self.tr("&Replace..."), lambda: self.find_dialog(True), k("Ctrl+H"),
                                        "actionReplace")
        self.act_select_all = self._action(self.tr("Select &All"), e.selectAll, k.StandardKey.SelectAll,
                                           "actionSelectAll")
        self.act_next = self._action(self.tr("Next Placeholder"), self.next_placeholder, k("F11"), "actionNext")
        self.act_previous = self._action(self.tr("Previous Placeholder"), self.previous_placeholder,
                                         k("Shift+F11"), "actionPrevious")
        self.act_fill_box = self._action(self.tr("Go to Fill Box"), self.focus_fill_box, k("F2"), "actionFillBox")
        self.act_bold = self._action(self.tr("&Bold"), self.toggle_bold, k.StandardKey.Bold, "actionBold", True)
        self.act_italic = self._action(self.tr("&Italic"), self.toggle_italic, k.StandardKey.Italic,
                                       "actionItalic", True)
        self.act_underline = self._action(self.tr("&Underline"), self.toggle_underline, k.StandardKey.Underline,
                                          "actionUnderline", True)
        self.act_indent = self._action(self.tr("First-Line &Indent (2 characters)"), self.toggle_indent,
                                       None, "actionIndent", True)
        self.align_group = QActionGroup(self)
        self.align_actions = {}
        for name, label, key, flag in (
            ("left", self.tr("Align &Left"), "Ctrl+L", Qt.AlignmentFlag.AlignLeft),
            ("center", self.tr("&Center"), "Ctrl+E", Qt.AlignmentFlag.AlignHCenter),
            ("right", self.tr("Align &Right"), "Ctrl+R", Qt.AlignmentFlag.AlignRight),
            ("justify", self.tr("&Justify"), "Ctrl+J", Qt.AlignmentFlag.AlignJustify),
        ):
            action = self._action(label, lambda _=False, f=flag: self.set_alignment(f), k(key),
                                  f"actionAlign{name.title()}", True)
            self.align_group.addAction(action)
            self.align_actions[flag] = action
        self.act_show_outline = self._action(self.tr("&Outline"), self.outline.setVisible, None,
                                             "actionShowOutline", True)
        self.act_show_sidebar = self._action(self.tr("&Placeholders"), self.sidebar.setVisible, None,
                                             "actionShowSidebar", True)
        self.act_show_outline.setChecked(True)
        self.act_show_sidebar.setChecked(True)
        self.act_zoom_in = self._action(self.tr("Zoom &In"), lambda: self.editor.zoomIn(1), k.StandardKey.ZoomIn,
                                        "actionZoomIn")
        self.act_zoom_out = self._action(self.tr("Zoom &Out"), lambda: self.editor.zoomOut(1),
                                         k.StandardKey.ZoomOut, "actionZoomOut")
        self.act_about = self._action(self.tr("&About Tianbao"), self.about, None, "actionAbout")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new)
        self.template_menu = file_menu.addMenu(self.tr("New from &Template"))
        self.template_menu.setObjectName("templateMenu")
        for path in sorted(TEMPLATES.glob("*.txt")):
            self.template_menu.addAction(path.stem, lambda p=path: self.new_from_template(p))
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.act_save)
        file_menu.addAction(self.act_save_as)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)

        edit = bar.addMenu(self.tr("&Edit"))
        for action in (self.act_undo, self.act_redo, None, self.act_cut, self.act_copy, self.act_paste,
                       self.act_paste_plain, None, self.act_find, self.act_replace, None, self.act_select_all,
                       None, self.act_next, self.act_previous, self.act_fill_box):
            edit.addSeparator() if action is None else edit.addAction(action)

        fmt = bar.addMenu(self.tr("F&ormat"))
        for action in (self.act_bold, self.act_italic, self.act_underline):
            fmt.addAction(action)
        fmt.addSeparator()
        font_menu = fmt.addMenu(self.tr("&Font"))
        for family in FONT_FAMILIES:
            font_menu.addAction(self.tr(FONT_MENU_NAMES.get(family, family)), lambda f=family: self.set_family(f))
        size_menu = fmt.addMenu(self.tr("Font &Size"))
        for name, pt in FONT_SIZES:
            size_menu.addAction(self.tr("%1 (%2 pt)").replace("%1", self.tr(name)).replace("%2", f"{pt:g}"),
                                lambda p=pt: self.set_size(p))
        align_menu = fmt.addMenu(self.tr("&Alignment"))
        for action in self.align_actions.values():
            align_menu.addAction(action)
        fmt.addAction(self.act_indent)

        view = bar.addMenu(self.tr("&View"))
        for action in (self.act_show_outline, self.act_show_sidebar, None, self.act_zoom_in, self.act_zoom_out):
            view.addSeparator() if action is None else view.addAction(action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        # Code that adds to a menu takes it from here, never from menuBar().actions()[i].menu():
        # PySide6 6.9 (the older-glibc .deb) loses a reference to the menu on every QAction.menu()
        # call, and a few calls delete the menu.
        self.menus = {"file": file_menu, "edit": edit, "format": fmt, "view": view, "help": help_menu,
                      "font": font_menu, "size": size_menu, "align": align_menu}

    def _make_toolbar(self) -> None:
        bar = self.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addAction(self.act_open)
        bar.addAction(self.act_save)
        bar.addSeparator()
        bar.addAction(self.act_undo)
        bar.addAction(self.act_redo)
        bar.addSeparator()
        self.family_box = QComboBox(self)
        self.family_box.setObjectName("fontFamilyBox")
        self.family_box.setAccessibleName(self.tr("Font"))
        self.family_box.setEditable(True)
        self.family_box.addItems(FONT_FAMILIES)
        self.family_box.setMinimumContentsLength(7)
        self.family_box.textActivated.connect(self.set_family)
        bar.addWidget(self.family_box)
        self.size_box = QComboBox(self)
        self.size_box.setObjectName("fontSizeBox")
        self.size_box.setAccessibleName(self.tr("Font size"))
        for name, pt in FONT_SIZES:
            label = self.tr("%1 (%2)").replace("%1", self.tr(name)).replace("%2", f"{pt:g}")
            self.size_box.addItem(label, float(pt))
        self.size_box.setMinimumContentsLength(6)
        self.size_box.activated.connect(lambda i: self.set_size(float(self.size_box.itemData(i))))
        bar.addWidget(self.size_box)
        for action, text in ((self.act_bold, "B"), (self.act_italic, "I"), (self.act_underline, "U")):
            # Tool buttons show iconText (kept on every action update), menus show text.
            action.setIconText(text)
            action.setToolTip(action.text().replace("&", ""))
            bar.addAction(action)
            button = bar.widgetForAction(action)
            font = button.font()
            font.setBold(action is self.act_bold)
            font.setItalic(action is self.act_italic)
            font.setUnderline(action is self.act_underline)
            button.setFont(font)
        bar.addSeparator()
        short = (self.tr("Left"), self.tr("Center"), self.tr("Right"), self.tr("Justify"))
        for action, text in zip(self.align_actions.values(), short):
            action.setIconText(text)
            bar.addAction(action)
        self.act_indent.setIconText(self.tr("Indent"))
        bar.addAction(self.act_indent)
        bar.addSeparator()
        self.act_previous.setIconText(self.tr("◀ Previous"))
        self.act_next.setIconText(self.tr("Next ▶ (F11)"))
        bar.addAction(self.act_previous)
        bar.addAction(self.act_next)

    def _connect_document(self, doc: QTextDocument) -> None:
        doc.contentsChange.connect(self._on_contents_change)
        doc.modificationChanged.connect(self._on_modification_changed)
        doc.undoAvailable.connect(self.act_undo.setEnabled)
        doc.redoAvailable.connect(self.act_redo.setEnabled)

    def _connect(self) -> None:
        self.editor.cursorPositionChanged.connect(self._on_cursor_moved)
        self.editor.selectionChanged.connect(self._mark_current_placeholder)
        self.editor.currentCharFormatChanged.connect(self._on_char_format)
        self.editor.fileDropped.connect(self.open_path)
        self.outline.sectionActivated.connect(self.go_to_block)
        self.sidebar.placeholderChosen.connect(self.select_placeholder)
        self.sidebar.fillRequested.connect(self.fill)
        self.sidebar.nextRequested.connect(self.next_placeholder)
        self.sidebar.previousRequested.connect(self.previous_placeholder)

    # -- document in, document out -----------------------------------------------------------

    def _new_document(self, document: Document, path: Path | None, title: str) -> None:
        """Show ``document`` in a new QTextDocument: built and scanned before the editor lays it
        out (highlighting a laid-out document costs a relayout per block), then swapped in."""
        self.finish_start()  # a document shown before the first frame (a recovered copy) stays
        from app.ui import bridge

        self._loading = True
        old = self.editor.document()
        qdoc = QTextDocument(self.editor)
        # Built and scanned block by block (bridge.build) before the editor lays it out.
        self.editor.set_page_margins(qdoc)  # while empty: a margin change after the text breaks Qt's table layout
        bridge.build(document, qdoc)
        bridge.forget(old)
        # QTextEdit deletes only a document it made itself: one of ours shown before goes here,
        # with every paragraph's BlockData (each report opened kept ~90 MB at 1,500 pages).
        ours = old is self._made_document
        self.editor.setDocument(qdoc)
        self._made_document = qdoc
        if ours:
            old.deleteLater()
        self._connect_document(qdoc)
        qdoc.setModified(False)
        self._loading = False
        self.document = document
        self.path = path
        self.title = title
        self.opened_mtime = _mtime(path) if path is not None and document.origin == "docx" else None
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self._update_title()
        self.refresh_now()
        self._on_char_format(self.editor.currentCharFormat())
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)
        self.safety.document_replaced()
        if len(document.blocks) >= SETTLE_BLOCKS:
            # The collector stays paused until the user first stops typing for a moment: the
            # settling takes ~100 ms at 1,500 pages, never under their fingers.
            self.editor.after_paint(self._settle_when_idle)
        else:
            gc.enable()

    def _settle_when_idle(self) -> None:
        if self._settle_timer is None:
            self._settle_timer = QTimer(self)
            self._settle_timer.setSingleShot(True)
            self._settle_timer.setInterval(SETTLE_IDLE_MS)
            self._settle_timer.timeout.connect(_settle_heap)
        self._settle_timer.start()

    def current_document(self) -> Document:
        """The Document as the editor now shows it (the writer's input)."""
        from app.ui import bridge

        return bridge.export(self.editor.document(), self.document)

    def open_path(self, path: str | os.PathLike) -> bool:
        self.finish_start()
        if not self.safety.may_open(path):
            return False
        if not self.maybe_keep_changes():
            return False
        path = Path(path)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        # Reading a report makes some 250,000 objects that all stay: the collector's full passes
        # would walk them again and again while they are made (a third of the time to open 1,500
        # pages). It is paused here and back when the report is in (see _new_document).
        gc.disable()
        try:
            from app.io.load import load

            document = load(path)
        except DocumentError as exc:
            gc.enable()
            QGuiApplication.restoreOverrideCursor()
            self._error(self.tr("Cannot open the file"), exc)
            return False
        except Exception as exc:  # noqa: BLE001 - any reader failure is the file's, never a crash
            gc.enable()
            QGuiApplication.restoreOverrideCursor()
            self._error(self.tr("Cannot open the file"), DocumentError(self.tr("The file cannot be read."), repr(exc)))
            return False
        try:
            self._new_document(document, path, path.name)
        except BaseException:
            gc.enable()
            raise
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.settings.add_recent(str(path))
        self.settings.save()
        return True

    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open Report"), self.settings.last_folder,
                                              self.tr("Reports") + f" ({OPEN_FILTER});;" + self.tr("All files")
                                              + " (*)")
        if name:
            self.open_path(name)

    def new_file(self) -> None:
        self.finish_start()
        if self.maybe_keep_changes():
            from app.core.document import Document

            self._new_document(Document(), None, self.tr("Untitled"))

    def new_from_template(self, path: Path) -> None:
        self.finish_start()
        if not self.maybe_keep_changes():
            return
        from app.io.load import load

        try:
            document = load(path)
        except DocumentError as exc:
            self._error(self.tr("Cannot open the template"), exc)
            return
        self._new_document(document, None, path.stem)
        self.editor.document().setModified(True)

    def save(self) -> bool:
        self.finish_start()
        if self.path is None or self.document.origin != "docx" or self.path.suffix.lower() != ".docx":
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        from PySide6.QtWidgets import QFileDialog

        folder = Path(self.settings.last_folder)
        stem = self.path.stem if self.path is not None else self.title
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save As"), str(folder / f"{stem}.docx"),
                                              self.tr("Word document") + " (*.docx)")
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".docx":
            path = path.with_suffix(path.suffix + ".docx") if path.suffix else path.with_suffix(".docx")
        return self._write(path, save_as=True)

    def _write(self, path: Path, save_as: bool = False) -> bool:
        document = self.current_document()
        expected = self.opened_mtime if not save_as and path == self.path else None
        try:
            self.safety.check_target(path)
            save_document(document, path, expected_mtime=expected)
        except DocumentError as exc:
            return self.safety.save_failed(exc, path)
        except Exception as exc:  # noqa: BLE001 - the user's work stays in the window
            return self.safety.save_failed(DocumentError(self.tr("Error while saving."), repr(exc)), path)
        self._adopt_saved(path, document)
        self.settings.add_recent(str(path))
        self.settings.save()
        self.statusBar().showMessage(self.tr("Saved to %1").replace("%1", str(path)), 4000)
        return True

    def _adopt_saved(self, path: Path, written: Document) -> None:
        """After a save the file on disk is the new baseline: blocks map to what was written, the
        undo history stays."""
        from dataclasses import replace

        from app.io.load import load
        from app.ui import bridge

        try:
            saved = load(path)
        except DocumentError:
            saved = written
        blocks = saved.blocks if len(saved.blocks) == len(written.blocks) else written.blocks
        qblocks = [b for b in bridge.blocks_in(self.editor.document())
                   if not ((d := bridge.data_of(b)) is not None and d.phantom and b.length() <= 1)]
        if len(qblocks) == len(blocks):
            for qblock, block in zip(qblocks, blocks):
                data = bridge.data_of(qblock)
                if data is None:
                    data = bridge.attach(qblock, bridge.BlockData(None))
                data.block = block
                data.phantom = False
                data.dirty = False
            # The blocks stand for other core Blocks now (title styles, levels): read them afresh.
            self.tracker.reset()
        self.document = replace(saved, blocks=list(blocks)) if blocks is saved.blocks else written
        self.path = path
        self.title = path.name
        self.opened_mtime = _mtime(path)
        self.editor.document().setModified(False)
        self._update_title()
        self.safety.document_saved()

    def maybe_keep_changes(self) -> bool:
        """Ask before unsaved work is lost; False when the user cancels."""
        if not self.editor.document().isModified():
            return True
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("The document has changes that are not saved. Save them first?"),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent
        if not recent:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in recent:
            self.recent_menu.addAction(path, lambda p=path: self.open_path(p))

    def _error(self, title: str, exc: DocumentError) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, exc.message, QMessageBox.StandardButton.Ok, self)
        if exc.detail:
            box.setDetailedText(exc.detail)
        box.exec()

    # -- the fill loop ---------------------------------------------------------------------

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._loading:
            return
        from app.ui import bridge
        from app.ui.highlight import rescan

        doc = self.editor.document()
        block = doc.findBlock(position)
        last = doc.findBlock(position + added)
        first = number = block.blockNumber()
        attached = 0
        while block.isValid():
            number = block.blockNumber()
            data = bridge.data_of(block)
            if data is None:
                data = bridge.attach(block, bridge.BlockData(None))
                data.in_cell = QTextCursor(block).currentTable() is not None
                attached += 1
            data.dirty = True
            text = block.text()
            if data.text != text:
                rescan(data, text)
            if block == last:
                break
            block = block.next()
        if first >= 0:
            self.tracker.touched(first, number, doc.blockCount(), attached)
        if self._settle_timer is not None and self._settle_timer.isActive():
            self._settle_timer.start()  # typing: later
        self.refresh_timer.start()

    def refresh_now(self) -> None:
        """Bring the outline, the sidebar and the status bar up to date."""
        from app.ui import selfcheck

        self.refresh_timer.stop()
        self.snapshot = self.tracker.collect(self.editor.document())
        self.outline.set_sections(self.snapshot.sections)
        self.sidebar.set_placeholders(self.snapshot.placeholders)
        self._on_cursor_moved()
        self._mark_current_placeholder()
        self._update_status()
        if hasattr(self, "beyond"):
            self.beyond.refreshed()
        if selfcheck.ENABLED:
            selfcheck.check_refresh(self)

    def _ensure_fresh(self) -> None:
        if self.refresh_timer.isActive():
            self.refresh_now()

    def select_span(self, start: int, end: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()

    def select_placeholder(self, block: int, start: int, end: int) -> None:
        from app.ui.tracker import qt_span

        self._ensure_fresh()
        span = qt_span(self.editor.document(), block, start, end)
        if span is not None:
            self.select_span(*span)
            self.editor.setFocus()

    def next_placeholder(self) -> bool:
        from app.ui.tracker import next_span

        cursor = self.editor.textCursor()
        span = next_span(self.editor.document(), cursor.selectionEnd())
        if span is None:
            self.statusBar().showMessage(self.tr("No placeholders left"), 3000)
            return False
        self.select_span(*span)
        return True

    def previous_placeholder(self) -> bool:
        from app.ui.tracker import next_span

        cursor = self.editor.textCursor()
        span = next_span(self.editor.document(), cursor.selectionStart(), backwards=True)
        if span is None:
            self.statusBar().showMessage(self.tr("No placeholders left"), 3000)
            return False
        self.select_span(*span)
        return True

    def focus_fill_box(self) -> None:
        if not self._selected_placeholder():
            self.next_placeholder()
        self.sidebar.fill.setFocus()
        self.sidebar.fill.selectAll()

    def _selected_placeholder(self) -> bool:
        from app.ui.tracker import span_at

        cursor = self.editor.textCursor()
        return cursor.hasSelection() and span_at(self.editor.document(), cursor.selectionStart(),
                                                 cursor.selectionEnd())

    def fill(self, value: str) -> bool:
        """Put ``value`` in place of the selected placeholder (or the next one) and move on."""
        if not value:
            return False
        if not self._selected_placeholder() and not self.next_placeholder():
            return False
        cursor = self.editor.textCursor()
        block = cursor.block()
        offset = _py_offset(block.text(), cursor.selectionStart() - block.position())
        self.editor.replace_selection(value.replace("\n", " "))
        self.sidebar.remove(block.blockNumber(), offset)
        self.status_left.setText(self.sidebar.header.text())
        self.next_placeholder()
        self.sidebar.fill.clear()
        return True

    def _mark_current_placeholder(self) -> None:
        cursor = self.editor.textCursor()
        selections = []
        if self._selected_placeholder():
            extra = QTextEdit.ExtraSelection()
            fmt = QTextCharFormat()
            fmt.setBackground(QColor(255, 165, 0, 200))
            extra.format = fmt
            extra.cursor = QTextCursor(cursor)
            selections.append(extra)
            block = cursor.block()
            offset = _py_offset(block.text(), cursor.selectionStart() - block.position())
            self.sidebar.select_span(block.blockNumber(), offset)
        self.editor.setExtraSelections(selections)

    # -- outline, status -------------------------------------------------------------------

    def go_to_block(self, number: int) -> None:
        block = self.editor.document().findBlockByNumber(number)
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        # Put the heading near the top of the page, as Word's navigation pane does.
        bar = self.editor.verticalScrollBar()
        rect = self.editor.cursorRect(cursor)
        bar.setValue(bar.value() + rect.top() - 24)
        self.editor.setFocus()

    def _on_cursor_moved(self) -> None:
        number = self.editor.textCursor().blockNumber()
        self.outline.mark_current(number)
        self.status_section.setText(self.outline.current_title())
        fmt = self.editor.textCursor().blockFormat()
        align = fmt.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask
        for flag, action in self.align_actions.items():
            action.setChecked(bool(fmt.hasProperty(QTextFormat.Property.BlockAlignment)) and align == flag)
        self.act_indent.setChecked(fmt.textIndent() > 0)

    def _update_status(self) -> None:
        self._show_status(self.snapshot.chars, len(self.snapshot.placeholders))

    def _show_status(self, chars: int, n: int) -> None:
        self.status_chars.setText(self.tr("%1 characters", "", chars).replace("%1", f"{chars:,}"))
        self.status_left.setText(self.tr("%1 left to fill", "", n).replace("%1", str(n)) if n
                                 else self.tr("All filled"))
        self._on_modification_changed(self.editor.document().isModified())

    def _on_modification_changed(self, modified: bool) -> None:
        self.status_saved.setText(self.tr("Not saved") if modified else self.tr("Saved"))
        self.setWindowModified(modified)

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.title}[*] — " + self.tr("Tianbao"))

    # -- editing and formatting ------------------------------------------------------------

    def paste_plain(self) -> None:
        self.editor.insert_plain(QGuiApplication.clipboard().text())

    def find_dialog(self, replace: bool) -> FindReplaceDialog:
        if not hasattr(self, "_find"):
            from app.ui.findreplace import FindReplaceDialog

            self._find = FindReplaceDialog(self.editor, self)
        self._find.show_for(replace)
        return self._find

    def _merge(self, fmt: QTextCharFormat) -> None:
        self.editor.mergeCurrentCharFormat(fmt)
        self.editor.setFocus()

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.act_bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.act_italic.isChecked())
        self._merge(fmt)

    def toggle_underline(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontUnderline(self.act_underline.isChecked())
        self._merge(fmt)

    def set_family(self, family: str) -> None:
        fmt = QTextCharFormat()
        fmt.setFontFamilies([family] + [f for f in CJK_FALLBACKS if f != family])
        self._merge(fmt)

    def set_size(self, points: float) -> None:
        if points > 0:
            fmt = QTextCharFormat()
            fmt.setFontPointSize(points)
            self._merge(fmt)

    def set_alignment(self, flag: Qt.AlignmentFlag) -> None:
        self.editor.setAlignment(flag)
        self.editor.setFocus()

    def toggle_indent(self) -> None:
        cursor = self.editor.textCursor()
        size = cursor.charFormat().fontPointSize() or DEFAULT_SIZE_PT
        fmt = QTextBlockFormat()
        fmt.setTextIndent(2 * size * 96 / 72 if self.act_indent.isChecked() else 0)
        cursor.mergeBlockFormat(fmt)
        self.editor.setFocus()

    def _on_char_format(self, fmt: QTextCharFormat) -> None:
        self.act_bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.act_italic.setChecked(fmt.fontItalic())
        self.act_underline.setChecked(fmt.fontUnderline())
        families = fmt.fontFamilies() if fmt.hasProperty(QTextFormat.Property.FontFamilies) else None
        # A run's own fonts come first (Latin, then Chinese); a Chinese report is known by its
        # Chinese font, so that is the one the box shows.
        own = _own_fonts(list(families or []))
        family = own[-1] if own else (families[0] if families else DEFAULT_FAMILIES[0])
        self._show_font(str(family), fmt.fontPointSize() or DEFAULT_SIZE_PT)

    def _show_font(self, family: str, points: float) -> None:
        self.family_box.setCurrentText(family)
        index = self.size_box.findData(float(points))
        if index >= 0:
            self.size_box.setCurrentIndex(index)

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

    # -- window events ---------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if local_document(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        path = local_document(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.open_path(path)

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


def _load_engine() -> None:
    """The window's engine side (MainWindow.finish_start), loaded with the collector paused: what
    the modules make all stays, so its passes over them would find nothing."""
    from app.ui import no_collection_while_loading

    with no_collection_while_loading():
        import app.core.document  # noqa: F401
        import app.ui.beyond  # noqa: F401
        import app.ui.tracker  # noqa: F401


def apply_theme(app: QApplication, theme: str) -> None:
    """The system palette, unless TIANBAO_THEME asks for "light" or "dark" (for screenshots,
    and for desktops that do not tell Qt their colour scheme)."""
    if theme not in ("light", "dark"):
        return
    app.setStyle("Fusion")
    if theme == "light":
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#2b2d30"), (role.WindowText, "#dfe1e5"), (role.Base, "#1e1f22"),
                      (role.AlternateBase, "#2b2d30"), (role.Text, "#dfe1e5"), (role.Button, "#3c3f41"),
                      (role.ButtonText, "#dfe1e5"), (role.Highlight, "#3574f0"), (role.HighlightedText, "#ffffff"),
                      (role.ToolTipBase, "#3c3f41"), (role.ToolTipText, "#dfe1e5"), (role.PlaceholderText, "#8c8f94"),
                      (role.Link, "#6ea0ff"), (role.Mid, "#45484c"), (role.Dark, "#202124"),
                      (role.Light, "#4a4d51"), (role.Midlight, "#3f4245"), (role.Shadow, "#151618")):
        palette.setColor(r, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#6f737a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#6f737a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#6f737a"))
    app.setPalette(palette)


def _own_fonts(families: list[str]) -> list[str]:
    """The run's own fonts: what bridge.families_of put before the fallback list."""
    for i in range(min(2, len(families)), -1, -1):  # a run names at most two fonts
        head = families[:i]
        if families[i:] == [f for f in DEFAULT_FAMILIES if f not in head]:
            return head
    return families


def _set_start_up_aside() -> None:
    """Once per process, when the first window has its engine side: what start-up made (modules,
    classes, Qt's enum classes, the window) stays for the program's life, so it is set aside from
    the collector, whose full passes then walk only what came later (a pass over all of it costs
    ~6 ms, enough to show in the time to open a short report). No collection first: a process
    that has just started has next to no garbage, and a full pass here would delay the window."""
    global _start_up_aside
    if not _start_up_aside:
        _start_up_aside = True
        gc.freeze()


_start_up_aside = False


def _settle_heap() -> None:
    """Set the objects alive now (the open report: some 250,000 at 1,500 pages) aside from the
    garbage collector's full passes, which otherwise walked them all every few refreshes and held
    up typing and the sidebar for 100 ms at a time; and let the collector run again (paused while
    the report was read, see open_path). Objects set aside still go when nothing refers to them;
    the previous report's, which hold cycles, go in the collection first made here."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.enable()


def _py_offset(text: str, utf16: int) -> int:
    """Python's offset in ``text`` of Qt's UTF-16 offset (they differ beyond the BMP)."""
    from app.ui.highlight import has_astral

    if not has_astral(text):
        return utf16
    return len(text.encode("utf-16-le")[: utf16 * 2].decode("utf-16-le", "ignore"))


def _mtime(path: Path | None) -> float | None:
    try:
        return path.stat().st_mtime if path is not None else None
    except OSError:
        return None


def create_main_window(path: str | os.PathLike | None = None) -> MainWindow:
    """Build and show the main window for an existing QApplication, opening ``path`` if given."""
    # A window opened on a file is finished before it shows: the report is read before the first
    # paint anyway, and a hidden window builds faster (no layout or polish per widget added).
    window = MainWindow(finish_later=path is None)
    window.show()
    if window.safety.recovery_folder_in_use():  # the recovery prompt loads only when it has work
        from app.ui.recovery_ui import offer_recovery

        path = offer_recovery(window, path)
    if path is not None:
        window.open_path(path)
    return window


def run(path: str | None, screenshot: str | None, argv: list[str]) -> int:
    from app.ui import i18n

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("Tianbao")
    apply_theme(app, os.environ.get("TIANBAO_THEME", ""))
    app.setApplicationDisplayName("填报" if i18n.wants_chinese() else "Tianbao")
    translators = i18n.install(app)
    window = MainWindow(finish_later=path is None and not screenshot)
    if screenshot:
        return _screenshot(app, window, path, screenshot)
    window.show()
    if window.safety.recovery_folder_in_use():
        from app.ui.recovery_ui import offer_recovery

        path = offer_recovery(window, path)
    if path is not None and not window.open_path(path) and window.safety.handed_over \
            and not window.isWindowModified():
        # Started only to open a file another Tianbao process has open (a double-click in the file
        # manager): that window came forward, so this empty one goes away.
        window.close()
        return 0
    code = app.exec()
    del translators
    return code


def _screenshot(app: QApplication, window: MainWindow, path: str | None, out: str) -> int:
    window.show()
    if path is not None:
        from app.io.load import load

        try:
            document = load(path)
        except DocumentError as exc:
            print(f"错误：{exc.message}", file=sys.stderr)
            return 2
        window._new_document(document, Path(path), Path(path).name)
    for _ in range(5):
        app.processEvents()
    window.refresh_now()
    app.processEvents()
    if not window.grab().save(out):
        print(f"错误：无法写入截图：{out}", file=sys.stderr)
        return 2
    return 0


__all__ = ["MainWindow", "create_main_window", "run"]
