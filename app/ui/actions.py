"""Every action of the window, its menus and its toolbar, built in one place. Nothing here does
anything: each action's ``triggered`` (and the signals below, for the choices that carry a value)
is a request that the main window connects, all in one place, to the part that does it."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QMainWindow, QMenu

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TEMPLATES = RESOURCES / "templates"

# Chinese font sizes (字号) and their points, as Word and WPS list them; names shown through tr()
# (初号, 小初 ... in Chinese).
FONT_SIZES = [(QT_TRANSLATE_NOOP("WindowActions", "No. 0"), 42), (QT_TRANSLATE_NOOP("WindowActions", "Small 0"), 36),
              (QT_TRANSLATE_NOOP("WindowActions", "No. 1"), 26), (QT_TRANSLATE_NOOP("WindowActions", "Small 1"), 24),
              (QT_TRANSLATE_NOOP("WindowActions", "No. 2"), 22), (QT_TRANSLATE_NOOP("WindowActions", "Small 2"), 18),
              (QT_TRANSLATE_NOOP("WindowActions", "No. 3"), 16), (QT_TRANSLATE_NOOP("WindowActions", "Small 3"), 15),
              (QT_TRANSLATE_NOOP("WindowActions", "No. 4"), 14), (QT_TRANSLATE_NOOP("WindowActions", "Small 4"), 12),
              (QT_TRANSLATE_NOOP("WindowActions", "No. 5"), 10.5), (QT_TRANSLATE_NOOP("WindowActions", "Small 5"), 9)]
# The fonts' own names, as documents store them; the Font menu shows each by the name Windows
# gives it in the window's language (FangSong_GB2312 on an English desktop).
FONT_FAMILIES = ["仿宋_GB2312", "仿宋", "楷体_GB2312", "楷体", "黑体", "宋体", "方正小标宋简体",
                 "微软雅黑", "Times New Roman"]
FONT_MENU_NAMES = {"仿宋_GB2312": QT_TRANSLATE_NOOP("WindowActions", "FangSong_GB2312"),
                   "仿宋": QT_TRANSLATE_NOOP("WindowActions", "FangSong"),
                   "楷体_GB2312": QT_TRANSLATE_NOOP("WindowActions", "KaiTi_GB2312"),
                   "楷体": QT_TRANSLATE_NOOP("WindowActions", "KaiTi"),
                   "黑体": QT_TRANSLATE_NOOP("WindowActions", "SimHei"),
                   "宋体": QT_TRANSLATE_NOOP("WindowActions", "SimSun"),
                   "方正小标宋简体": QT_TRANSLATE_NOOP("WindowActions", "FZXiaoBiaoSong-B05S"),
                   "微软雅黑": QT_TRANSLATE_NOOP("WindowActions", "Microsoft YaHei")}
ALIGNMENTS = (("left", Qt.AlignmentFlag.AlignLeft, "Ctrl+L"), ("center", Qt.AlignmentFlag.AlignHCenter, "Ctrl+E"),
              ("right", Qt.AlignmentFlag.AlignRight, "Ctrl+R"), ("justify", Qt.AlignmentFlag.AlignJustify, "Ctrl+J"))


class WindowActions(QObject):
    """The window's actions (``act_*``), menus (``menus``) and toolbar; see the module's doc."""

    templateChosen = Signal(Path)
    recentChosen = Signal(str)
    recentMenuShown = Signal()
    familyChosen = Signal(str)
    sizeChosen = Signal(float)
    alignmentChosen = Signal(object)  # a Qt.AlignmentFlag

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._make_actions()
        self._make_menus()
        self._make_toolbar()

    def _action(self, text: str, shortcut: object = None, name: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, list):
            action.setShortcuts(shortcut)
        elif shortcut is not None:
            action.setShortcut(shortcut if isinstance(shortcut, QKeySequence) else QKeySequence(shortcut))
        action.setObjectName(name)
        action.setCheckable(checkable)
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        a, k = self._action, QKeySequence
        std = k.StandardKey
        self.act_new = a(self.tr("&New"), std.New, "actionNew")
        self.act_open = a(self.tr("&Open..."), std.Open, "actionOpen")
        self.act_save = a(self.tr("&Save"), std.Save, "actionSave")
        self.act_save_as = a(self.tr("Save &As..."), "Ctrl+Shift+S", "actionSaveAs")
        self.act_history = a(self.tr("&Version History…"), None, "actionHistory")
        self.act_print = a(self.tr("&Print…"), std.Print, "actionPrint")
        self.act_pdf = a(self.tr("Export as PD&F…"), None, "actionExportPdf")
        self.act_quit = a(self.tr("E&xit"), "Ctrl+Q", "actionQuit")
        self.act_undo = a(self.tr("&Undo"), std.Undo, "actionUndo")
        self.act_redo = a(self.tr("&Redo"), [k("Ctrl+Y"), k("Ctrl+Shift+Z")], "actionRedo")
        self.act_cut = a(self.tr("Cu&t"), std.Cut, "actionCut")
        self.act_copy = a(self.tr("&Copy"), std.Copy, "actionCopy")
        self.act_paste = a(self.tr("&Paste"), std.Paste, "actionPaste")
        self.act_paste_plain = a(self.tr("Paste as Plain &Text"), "Ctrl+Shift+V", "actionPastePlain")
        self.act_find = a(self.tr("&Find..."), std.Find, "actionFind")
        self.act_replace = a(self.tr("&Replace..."), "Ctrl+H", "actionReplace")
        self.act_select_all = a(self.tr("Select &All"), std.SelectAll, "actionSelectAll")
        self.act_next = a(self.tr("Next Placeholder"), "F11", "actionNext")
        self.act_previous = a(self.tr("Previous Placeholder"), "Shift+F11", "actionPrevious")
        self.act_fill_box = a(self.tr("Go to Fill Box"), "F2", "actionFillBox")
        self.act_clean = a(self.tr("Clean Up Template Ads…"), None, "actionCleanJunk")
        self.act_bold = a(self.tr("&Bold"), std.Bold, "actionBold", True)
        self.act_italic = a(self.tr("&Italic"), std.Italic, "actionItalic", True)
        self.act_underline = a(self.tr("&Underline"), std.Underline, "actionUnderline", True)
        self.act_indent = a(self.tr("First-Line &Indent (2 characters)"), None, "actionIndent", True)
        self.align_group = QActionGroup(self.window)
        self.align_actions: dict[Qt.AlignmentFlag, QAction] = {}
        labels = {"left": self.tr("Align &Left"), "center": self.tr("&Center"), "right": self.tr("Align &Right"),
                  "justify": self.tr("&Justify")}
        for name, flag, key in ALIGNMENTS:
            action = a(labels[name], key, f"actionAlign{name.title()}", True)
            action.triggered.connect(lambda _=False, f=flag: self.alignmentChosen.emit(f))
            self.align_group.addAction(action)
            self.align_actions[flag] = action
        self.act_move_up = a(self.tr("Move Section Up"), "Alt+Shift+Up", "actionSectionUp")
        self.act_move_down = a(self.tr("Move Section Down"), "Alt+Shift+Down", "actionSectionDown")
        self.act_promote = a(self.tr("Promote"), "Alt+Shift+Left", "actionPromote")
        self.act_demote = a(self.tr("Demote"), "Alt+Shift+Right", "actionDemote")
        self.act_renumber = a(self.tr("Renumber"), None, "actionRenumber")
        self.act_auto_renumber = a(self.tr("Renumber Automatically After Moves"), None, "actionAutoRenumber", True)
        self.act_fix_punct = a(self.tr("Half-width Punctuation to Full Width"), None, "actionFixPunctuation")
        self.act_official = a(self.tr("Apply Official Format…"), None, "actionOfficialFormat")
        self.act_show_outline = a(self.tr("&Outline"), None, "actionShowOutline", True)
        self.act_show_sidebar = a(self.tr("&Placeholders"), None, "actionShowSidebar", True)
        self.act_show_outline.setChecked(True)
        self.act_show_sidebar.setChecked(True)
        self.act_zoom_in = a(self.tr("Zoom &In"), std.ZoomIn, "actionZoomIn")
        self.act_zoom_out = a(self.tr("Zoom &Out"), std.ZoomOut, "actionZoomOut")
        self.act_target = a(self.tr("Set Length Target…"), None, "actionCountTarget")
        self.act_no_punct = a(self.tr("Count Without Punctuation"), None, "actionCountNoPunctuation", True)
        self.act_about = a(self.tr("&About Tianbao"), None, "actionAbout")
        self.act_undo.setEnabled(False)
        self.act_redo.setEnabled(False)

    def _make_menus(self) -> None:
        bar = self.window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.act_new)
        self.template_menu = file_menu.addMenu(self.tr("New from &Template"))
        self.template_menu.setObjectName("templateMenu")
        for path in sorted(TEMPLATES.glob("*.txt")):
            self.template_menu.addAction(path.stem, lambda p=path: self.templateChosen.emit(p))
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.setObjectName("recentMenu")
        self.recent_menu.aboutToShow.connect(self.recentMenuShown)
        self._add(file_menu, None, self.act_save, self.act_save_as, None, self.act_print, self.act_pdf, None,
                  self.act_history, None, self.act_quit)
        edit = bar.addMenu(self.tr("&Edit"))
        self._add(edit, self.act_undo, self.act_redo, None, self.act_cut, self.act_copy, self.act_paste,
                  self.act_paste_plain, None, self.act_find, self.act_replace, None, self.act_select_all, None,
                  self.act_next, self.act_previous, self.act_fill_box, None, self.act_clean)
        fmt = bar.addMenu(self.tr("F&ormat"))
        self._add(fmt, self.act_bold, self.act_italic, self.act_underline, None)
        font_menu = fmt.addMenu(self.tr("&Font"))
        for family in FONT_FAMILIES:
            font_menu.addAction(self.tr(FONT_MENU_NAMES.get(family, family)),
                                lambda f=family: self.familyChosen.emit(f))
        size_menu = fmt.addMenu(self.tr("Font &Size"))
        for name, pt in FONT_SIZES:
            size_menu.addAction(self.tr("%1 (%2 pt)").replace("%1", self.tr(name)).replace("%2", f"{pt:g}"),
                                lambda p=pt: self.sizeChosen.emit(float(p)))
        align_menu = fmt.addMenu(self.tr("&Alignment"))
        self._add(align_menu, *self.align_actions.values())
        fmt.addAction(self.act_indent)
        fmt.addSeparator()
        outline = fmt.addMenu(self.tr("Outli&ne"))
        outline.setObjectName("outlineMenu")
        self._add(outline, self.act_move_up, self.act_move_down, self.act_promote, self.act_demote)
        self._add(fmt, self.act_renumber, self.act_auto_renumber, None, self.act_fix_punct, self.act_official)
        view = bar.addMenu(self.tr("&View"))
        self._add(view, self.act_show_outline, self.act_show_sidebar, None, self.act_zoom_in, self.act_zoom_out, None,
                  self.act_target, self.act_no_punct)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.act_about)
        # Code that adds to a menu takes it from here, never from menuBar().actions()[i].menu():
        # PySide6 6.9 (the older-glibc .deb) loses a reference to the menu on every QAction.menu()
        # call, and a few calls delete the menu.
        self.menus = {"file": file_menu, "edit": edit, "format": fmt, "view": view, "help": help_menu,
                      "font": font_menu, "size": size_menu, "align": align_menu, "outline": outline}

    @staticmethod
    def _add(menu: QMenu, *actions: QAction | None) -> None:
        for action in actions:
            menu.addSeparator() if action is None else menu.addAction(action)

    def fill_recent(self, paths: list[str]) -> None:
        self.recent_menu.clear()
        if not paths:
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)
        for path in paths:
            self.recent_menu.addAction(path, lambda p=path: self.recentChosen.emit(p))

    def _make_toolbar(self) -> None:
        bar = self.window.addToolBar(self.tr("Main"))
        bar.setObjectName("mainToolBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_open, self.act_save, None, self.act_undo, self.act_redo, None):
            bar.addSeparator() if action is None else bar.addAction(action)
        self.family_box = QComboBox(self.window)
        self.family_box.setObjectName("fontFamilyBox")
        self.family_box.setAccessibleName(self.tr("Font"))
        self.family_box.setEditable(True)
        self.family_box.addItems(FONT_FAMILIES)
        self.family_box.setMinimumContentsLength(7)
        self.family_box.textActivated.connect(self.familyChosen)
        bar.addWidget(self.family_box)
        self.size_box = QComboBox(self.window)
        self.size_box.setObjectName("fontSizeBox")
        self.size_box.setAccessibleName(self.tr("Font size"))
        for name, pt in FONT_SIZES:
            self.size_box.addItem(self.tr("%1 (%2)").replace("%1", self.tr(name)).replace("%2", f"{pt:g}"), float(pt))
        self.size_box.setMinimumContentsLength(6)
        self.size_box.activated.connect(lambda i: self.sizeChosen.emit(float(self.size_box.itemData(i))))
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
