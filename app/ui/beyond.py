"""What Word and WPS do not do, in the window (issue 7): clean up template junk, move sections
with their numbers kept right, hints, section counts, the official format, print and PDF.

Every operation lives in the engine (app.core, app.io) and returns or makes a Change; here it
is reached from menus and keys and applied to the editor as ONE undoable step (changes.py).
``install(window)`` adds it all to a MainWindow; the window calls ``refreshed()`` after each of
its own refreshes so the counts and hints follow the text.
"""
from __future__ import annotations

import atexit
import datetime
import tempfile
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QGuiApplication, QKeySequence, QPalette, QStandardItem, QTextCursor
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QMenu,
    QMessageBox,
)

from app.core import counts as core_counts
from app.core.document import Block, CellRef, Document
from app.core.hints import Hint, fix_punctuation, hints_of
from app.core.scan import scan
from app.io.errors import DocumentError
from app.ui import bridge
from app.ui.figures import FigureKeeper
from app.ui.highlight import core_to_qt
from app.ui.i18n import arg, translate
from app.ui.panels import BLOCK_ROLE

# The clean-up, outline moves, page set-up and the change applier (with the edits engine) load
# when first used, not before the window's first frame (start-up time).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QProgressBar

    from app.core.edits import Change
    from app.ui.changes import ChangeApplier
    from app.ui.clean_dialog import CleanDialog
    from app.ui.hints_panel import HintsPanel

# Menu titles as the window spells them, in English (source) and Chinese (translation).
MENU_NAMES = {"file": ("File", "文件"), "edit": ("Edit", "编辑"), "format": ("Format", "格式"),
              "view": ("View", "视图")}
SECTION_COUNT_COLUMN = 1
# From this many paragraphs up, an opened report's hints are read after it first shows.
DEFER_HINTS_BLOCKS = 1000
# A line writing a count in Arabic numerals, read beside each paragraph (see _paragraph_hints).
ARABIC_COUNT_PROBE = "1次"

# The engine names its Changes and outline refusals in Chinese (they are its data); the window
# shows them in its own language. A message the engine adds later shows as the engine wrote it.
CHANGE_LABELS = {
    "移动章节": QT_TRANSLATE_NOOP("Beyond", "Move section"),
    "提升级别": QT_TRANSLATE_NOOP("Beyond", "Promote"),
    "降低级别": QT_TRANSLATE_NOOP("Beyond", "Demote"),
    "重新编号": QT_TRANSLATE_NOOP("Beyond", "Renumber"),
    "半角标点改为全角": QT_TRANSLATE_NOOP("Beyond", "Half-width punctuation to full width"),
    "清除模板广告": QT_TRANSLATE_NOOP("Beyond", "Remove template ads"),
    "套用公文格式": QT_TRANSLATE_NOOP("Beyond", "Apply Official Format"),
    "清除多余空段落和页码": QT_TRANSLATE_NOOP("Beyond", "Remove extra empty paragraphs and page numbers"),
    "同时填写相同的占位符": QT_TRANSLATE_NOOP("Beyond", "Fill matching placeholders"),
}
OUTLINE_ERRORS = {
    "没有这一节。": QT_TRANSLATE_NOOP("Beyond", "There is no such section."),
    "标题不能移动。": QT_TRANSLATE_NOOP("Beyond", "The title cannot be moved."),
    "目标位置不在文档内。": QT_TRANSLATE_NOOP("Beyond", "The target position is outside the document."),
    "不能把一节移到它自己里面。": QT_TRANSLATE_NOOP("Beyond", "A section cannot be moved into itself."),
    "不能移到标题前面。": QT_TRANSLATE_NOOP("Beyond", "Nothing can be moved above the title."),
    "已经是同级的第一节。": QT_TRANSLATE_NOOP("Beyond", "This is already the first section at its level."),
    "已经是同级的最后一节。": QT_TRANSLATE_NOOP("Beyond", "This is already the last section at its level."),
    "已经是最高一级，不能再升级。": QT_TRANSLATE_NOOP("Beyond", "Already at the top level."),
    "已经是最低一级，不能再降级。": QT_TRANSLATE_NOOP("Beyond", "Already at the lowest level."),
    "这一节的编号不能升降级。": QT_TRANSLATE_NOOP("Beyond", "This section's number cannot change level."),
}


def _paragraph_hints(keys: list[tuple[str, int | None, bool]], year: int) -> dict[tuple, tuple[Hint, ...]]:
    """The hints of each paragraph ``keys`` (text, outline level, in a cell) as if read alone
    beside a line writing a count in Arabic numerals (kept only where the document writes such
    counts: see app/ui/figures.py), from one
    ``hints_of`` call: that line first, then the paragraphs, whose hints depend on nothing else
    (one call per paragraph cost seconds when a long report opened). Hints say block 0."""
    blocks = [Block.plain(ARABIC_COUNT_PROBE)]
    blocks += [Block.plain(text, outline_level=level, cell=CellRef(0, 0, 0) if in_cell else None)
               for text, level, in_cell in keys]
    found: dict[tuple, list[Hint]] = {key: [] for key in keys}
    for h in hints_of(Document(blocks, None, "text"), year):
        if h.block > 0:
            found[keys[h.block - 1]].append(replace(h, block=0))
    return {key: tuple(hints) for key, hints in found.items()}


def core_blocks(qdoc):  # noqa: ANN001, ANN201 - QTextDocument -> list[QTextBlock]
    """app.ui.changes.core_blocks (the paragraphs in export order), loaded with its first use."""
    from app.ui.changes import core_blocks as blocks

    return blocks(qdoc)


def engine_text(table: dict[str, str], text: str) -> str:
    """``text`` from the engine (Chinese) in the window's language, where the table knows it."""
    source = table.get(text)
    return translate("Beyond", source) if source is not None else text


def official_summary() -> str:
    return translate(
        "Beyond",
        "The whole document will be reformatted to GB/T 9704-2012, Layout Key for Official Documents of Party "
        "and Government Organs:\n\n"
        "• Paper: A4 (210×297 mm), portrait\n"
        "• Margins: top 37, bottom 35, left 28, right 26 mm (type area 156×225 mm)\n"
        "• Title: No. 2 FZXiaoBiaoSong-B05S, centred\n"
        "• Level 1 headings (一、): No. 3 SimHei; level 2 headings (（一）): No. 3 KaiTi_GB2312\n"
        "• Level 3 and 4 headings (1. （1）): No. 3 FangSong_GB2312\n"
        "• Body text: No. 3 FangSong_GB2312, first line indented 2 characters, justified\n"
        "• Line spacing: exactly 28.9 pt (22 lines a page)\n"
        "• Page numbers: No. 4 SimSun “— 1 —”, right on odd pages, left on even pages\n\n"
        "Where the computer lacks FangSong_GB2312 and the like, Word and WPS show FangSong, KaiTi and SimSun "
        "instead. Text in tables stays as it is. Undo (Ctrl+Z) restores everything in one step.")


@contextmanager
def _waiting() -> Iterator[None]:
    """The wait cursor while an operation runs (the official format of a long report takes
    seconds)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def _menu(window, key: str) -> QMenu | None:  # noqa: ANN001
    # The window keeps its menus by key: PySide6 6.9 (the older-glibc .deb) loses a reference to
    # the menu on every QAction.menu() call, and a few calls delete the menu.
    menus = getattr(window, "menus", None)
    if menus:
        return menus.get(key)
    for action in window.menuBar().actions():
        menu = action.menu()
        title = action.text().replace("&", "")
        if menu is not None and title.startswith(MENU_NAMES[key]):
            return menu
    return None


def _light_document(qblocks) -> tuple[Document, list[str]]:  # noqa: ANN001
    """A text-only Document of the editor's blocks (export order), for the engine to read."""
    blocks = []
    texts = []
    for qblock in qblocks:
        data = bridge.data_of(qblock)
        core = data.block if data is not None else None
        # The Document's text: a picture is not in it (edits count offsets without one).
        text = qblock.text().replace("\u2028", "\n").replace(bridge.OBJECT, "")
        texts.append(text)
        blocks.append(Block.plain(text, outline_level=core.outline_level if core else None,
                                  is_title_style=core.is_title_style if core else False,
                                  cell=core.cell if core else None, style=core.style if core else None))
    return Document(blocks, None, "text"), texts


class Beyond(QObject):
    _figures: FigureKeeper | None = None  # made at the first refresh
    _hints_due = False  # a long report's hints are being read, a slice per turn of the event loop
    def __init__(self, window) -> None:  # noqa: ANN001 - MainWindow
        super().__init__(window)
        self.window = window
        self._changes: ChangeApplier | None = None  # made with the first operation
        self.settings = window.settings
        self.hints: list[Hint] = []
        self._counts_shown: list[tuple] = []  # see _show_section_counts
        self.dialog = None  # the review or confirmation open right now (tests drive it)
        self._make_actions()
        self._make_menus()
        self._make_hints_panel()
        self._make_status()
        self._make_outline_drag()

    @property
    def changes(self) -> ChangeApplier:
        """Applies this window's Changes as single undo steps (app.ui.changes)."""
        if self._changes is None:
            from app.ui.changes import ChangeApplier

            self._changes = ChangeApplier(self.window)
        return self._changes

    # -- construction ------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable, shortcut: str | QKeySequence | None = None, name: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setObjectName(name)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.act_clean = a(self.tr("Clean Up Template Ads…"), self.ask_clean, None, "actionCleanJunk")
        self.act_renumber = a(self.tr("Renumber"), self.renumber, None, "actionRenumber")
        self.act_auto_renumber = a(self.tr("Renumber Automatically After Moves"), self._set_auto_renumber, None,
                                   "actionAutoRenumber", True)
        self.act_auto_renumber.setChecked(bool(self.settings.get("auto_renumber", True)))
        self.act_move_up = a(self.tr("Move Section Up"), lambda: self.outline_op("up"), "Alt+Shift+Up",
                             "actionSectionUp")
        self.act_move_down = a(self.tr("Move Section Down"), lambda: self.outline_op("down"), "Alt+Shift+Down",
                               "actionSectionDown")
        self.act_promote = a(self.tr("Promote"), lambda: self.outline_op("promote"), "Alt+Shift+Left", "actionPromote")
        self.act_demote = a(self.tr("Demote"), lambda: self.outline_op("demote"), "Alt+Shift+Right", "actionDemote")
        self.act_fix_punct = a(self.tr("Half-width Punctuation to Full Width"), self.fix_punctuation, None,
                               "actionFixPunctuation")
        self.act_official = a(self.tr("Apply Official Format…"), self.ask_official, None, "actionOfficialFormat")
        self.act_print = a(self.tr("&Print…"), self.print_preview, QKeySequence.StandardKey.Print, "actionPrint")
        self.act_pdf = a(self.tr("Export as PD&F…"), self.ask_export_pdf, None, "actionExportPdf")
        self.act_target = a(self.tr("Set Length Target…"), self.ask_target, None, "actionCountTarget")
        self.act_no_punct = a(self.tr("Count Without Punctuation"), self._set_no_punctuation, None,
                              "actionCountNoPunctuation", True)
        self.act_no_punct.setChecked(bool(self.settings.get("count_without_punctuation", False)))

    def _make_menus(self) -> None:
        w = self.window
        file_menu, edit, fmt, view = (_menu(w, k) for k in ("file", "edit", "format", "view"))
        if file_menu is not None:
            quit_action = next((x for x in file_menu.actions() if x.objectName() == "actionQuit"), None)
            before = quit_action
            # Above Exit, after the save actions' group.
            for action in (self.act_print, self.act_pdf):
                file_menu.insertAction(before, action) if before is not None else file_menu.addAction(action)
            if before is not None:
                file_menu.insertSeparator(before)
        if edit is not None:
            edit.addSeparator()
            edit.addAction(self.act_clean)
        if fmt is not None:
            fmt.addSeparator()
            outline = fmt.addMenu(self.tr("Outli&ne"))
            outline.setObjectName("outlineMenu")
            for action in (self.act_move_up, self.act_move_down, self.act_promote, self.act_demote):
                outline.addAction(action)
            fmt.addAction(self.act_renumber)
            fmt.addAction(self.act_auto_renumber)
            fmt.addSeparator()
            fmt.addAction(self.act_fix_punct)
            fmt.addAction(self.act_official)
        if view is not None:
            view.addSeparator()
            view.addAction(self.act_target)
            view.addAction(self.act_no_punct)

    def _make_hints_panel(self) -> None:
        # The window shows the (empty) panel from its first frame, before this part loads.
        self.hints_panel: HintsPanel = self.window.hints_panel
        self.hints_panel.hintChosen.connect(self.go_to_span)
        self.hints_panel.fixRequested.connect(self.fix_punctuation)

    def _make_status(self) -> None:
        # Made (hidden) with the window's status bar: its height counts them from the first frame.
        self.progress_label: QLabel = self.window.progress_label
        self.progress: QProgressBar = self.window.progress
        self._show_progress(None)

    def _make_outline_drag(self) -> None:
        tree = self.window.outline
        tree.setDragEnabled(True)
        tree.setAcceptDrops(True)
        tree.setDropIndicatorShown(True)
        tree.setDragDropMode(tree.DragDropMode.InternalMove)
        tree.viewport().installEventFilter(self)
        # A Python event filter still installed while the interpreter shuts down crashes it.
        atexit.register(self._remove_filter)
        self.window.destroyed.connect(self._remove_filter)

    def _remove_filter(self) -> None:
        try:
            self.window.outline.viewport().removeEventFilter(self)
        except RuntimeError:  # already deleted by Qt
            pass

    # -- settings ------------------------------------------------------------------------------

    @property
    def auto_renumber(self) -> bool:
        return self.act_auto_renumber.isChecked()

    def _set_auto_renumber(self, on: bool) -> None:
        self.settings.set("auto_renumber", bool(on))
        self.settings.save()

    def _set_no_punctuation(self, on: bool) -> None:
        self.settings.set("count_without_punctuation", bool(on))
        self.settings.save()
        self.refreshed()

    @property
    def target(self) -> int:
        value = self.settings.get("count_target", 0)
        return value if isinstance(value, int) and value > 0 else 0

    def set_target(self, target: int) -> None:
        """A length to write towards (0: none), shown as progress in the status bar."""
        self.settings.set("count_target", max(0, int(target)))
        self.settings.save()
        self.refreshed()

    def ask_target(self) -> None:
        value, ok = QInputDialog.getInt(self.window, self.tr("Length Target"),
                                        self.tr("Target length in characters (0 for none):"), self.target, 0,
                                        10_000_000, 500)
        if ok:
            self.set_target(value)

    # -- helpers -------------------------------------------------------------------------------

    def _message(self, text: str, timeout: int = 5000) -> None:
        self.window.statusBar().showMessage(text, timeout)

    def _warn(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("beyondMessage")
        self.dialog = box
        box.open()

    def apply(self, change: Change) -> bool:
        from app.ui.changes import ApplyError

        try:
            self.changes.check(change)
            with _waiting():
                return self.changes.apply(change)
        except ApplyError as exc:
            self._warn(self.tr("Cannot Do That"), str(exc))
            return False

    def go_to_span(self, block: int, start: int, end: int) -> None:
        """Select ``start:end`` (Python offsets) of block ``block`` (export index)."""
        qblocks = core_blocks(self.window.editor.document())
        if not 0 <= block < len(qblocks):
            return
        qblock = qblocks[block]
        text = qblock.text()
        start, end = core_to_qt(text, start), max(core_to_qt(text, start), core_to_qt(text, end, start=False))
        self.window.select_span(qblock.position() + start, qblock.position() + end)
        self.window.editor.setFocus()

    def _export_index(self, qblocks, number: int) -> int:  # noqa: ANN001
        """The export index of the paragraph at QTextBlock number ``number`` (or the one before)."""
        index = 0
        for i, qblock in enumerate(qblocks):
            if qblock.blockNumber() > number:
                break
            index = i
        return index

    # -- 1. clean up ---------------------------------------------------------------------------

    def ask_clean(self) -> CleanDialog | None:
        from app.core.clean import clean_plan
        from app.ui.clean_dialog import CleanDialog

        document = self.window.current_document()
        items = clean_plan(document)
        if not items:
            self._warn(self.tr("Clean Up Template Ads"),
                       self.tr("No ads or watermarks added by a template site were found."))
            return None
        dialog = CleanDialog(items, self.window)
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.clean(document, dialog.chosen()))
        dialog.open()
        return dialog

    def clean(self, document: Document, chosen) -> bool:  # noqa: ANN001
        if not chosen:
            return False
        # The text may have changed while the dialog was open: plan again on what is shown now.
        if self.window.current_document().texts != document.texts:
            self._warn(self.tr("Clean Up Template Ads"),
                       self.tr("The document changed during the review: "
                               "please open “Clean Up Template Ads” again."))
            return False
        from app.core.clean import clean_change

        done = self.apply(clean_change(document, chosen))
        if done:
            self._message(arg(self.tr("Template ads removed in %1 places (can be undone)", "", len(chosen)),
                              len(chosen)))
        return done

    # -- 2. move and renumber ------------------------------------------------------------------

    def current_section(self, document: Document | None = None) -> tuple[int | None, list]:
        """Index into ``scan(document).outline`` (returned too) of the section the user is on:
        the outline's current row when the outline has the focus, else the one holding the cursor."""
        window = self.window
        document = document or window.current_document()
        qblocks = core_blocks(window.editor.document())
        number = window.editor.textCursor().blockNumber()
        if window.outline.hasFocus() and window.outline.currentIndex().isValid():
            block = window.outline.currentIndex().data(BLOCK_ROLE)
            if block is not None:
                number = int(block)
        index = self._export_index(qblocks, number)
        sections = scan(document).outline
        found = None
        for i, s in enumerate(sections):
            if s.level > 0 and s.block <= index < s.end:
                found = i
        return found, sections

    def outline_op(self, op: str) -> bool:
        document = self.window.current_document()
        section, sections = self.current_section(document)
        if section is None:
            self._message(self.tr("The cursor is not in any section: first put it in the heading to move, or in "
                                  "its text."))
            return False
        from app.core.renumber import OutlineError, demote, move_down, move_up, promote

        ops = {"up": move_up, "down": move_down, "promote": promote, "demote": demote}
        heading = sections[section].block
        try:
            change = ops[op](document, section, auto_renumber=self.auto_renumber)
        except OutlineError as exc:
            self._message(engine_text(OUTLINE_ERRORS, str(exc)))
            return False
        return self._apply_and_follow(change, heading)

    def move_to(self, section: int, before_block: int) -> bool:
        """Move section ``section`` in front of block ``before_block`` (export indices)."""
        document = self.window.current_document()
        from app.core.renumber import OutlineError, move_section

        heading = scan(document).outline[section].block
        try:
            change = move_section(document, section, before_block, auto_renumber=self.auto_renumber)
        except OutlineError as exc:
            self._message(engine_text(OUTLINE_ERRORS, str(exc)))
            return False
        return self._apply_and_follow(change, heading)

    def _apply_and_follow(self, change: Change, heading: int) -> bool:
        if not self.apply(change):
            return False
        new = change.order.index(heading) if change.order is not None else heading
        qblocks = core_blocks(self.window.editor.document())
        if 0 <= new < len(qblocks):
            cursor = QTextCursor(qblocks[new])
            self.window.editor.setTextCursor(cursor)
            self.window.editor.ensureCursorVisible()
        self._message(arg(self.tr("%1 (can be undone)"), engine_text(CHANGE_LABELS, change.label)))
        return True

    def renumber(self) -> bool:
        from app.core.renumber import renumber

        change = renumber(self.window.current_document())
        if change.empty:
            self._message(self.tr("The numbering already runs in order; nothing to renumber."))
            return False
        done = self.apply(change)
        if done:
            self._message(arg(self.tr("Renumbered in %1 places (can be undone)", "", len(change.edits)),
                              len(change.edits)))
        return done

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802 - Qt override
        """A section dropped in the outline tree moves in the text, with its subsections."""
        from PySide6.QtCore import QEvent

        tree = self.window.outline
        if watched is not tree.viewport() or event.type() != QEvent.Type.Drop:
            return False
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        source = tree.currentIndex()
        target = tree.indexAt(event.position().toPoint())
        if not source.isValid() or not target.isValid():
            return True
        rect = tree.visualRect(target)
        below = event.position().y() > rect.center().y()
        self.drop_section(source, target, below)
        return True

    def drop_section(self, source, target, below: bool) -> bool:  # noqa: ANN001 - QModelIndex
        """Move the section at outline row ``source`` above (or below) the one at ``target``."""
        source, target = source.siblingAtColumn(0), target.siblingAtColumn(0)
        document = self.window.current_document()
        qblocks = core_blocks(self.window.editor.document())
        sections = scan(document).outline
        src = self._export_index(qblocks, int(source.data(BLOCK_ROLE)))
        dst = self._export_index(qblocks, int(target.data(BLOCK_ROLE)))
        index = next((i for i, s in enumerate(sections) if s.block == src and s.level > 0), None)
        goal = next((s for s in sections if s.block == dst), None)
        if index is None or goal is None:
            return False
        before = goal.end if below else goal.block
        return self.move_to(index, before)

    # -- 3. hints --------------------------------------------------------------------------------

    def fix_punctuation(self) -> bool:
        qblocks = core_blocks(self.window.editor.document())
        document, _ = _light_document(qblocks)
        change = fix_punctuation(document)
        if change.empty:
            self._message(self.tr("No half-width punctuation to change to full width."))
            return False
        done = self.apply(change)
        if done:
            self._message(arg(self.tr("Half-width punctuation changed to full width in %1 places (can be undone)", "",
                                      len(change.edits)), len(change.edits)))
        return done

    # -- 4. counts -------------------------------------------------------------------------------

    def refreshed(self) -> None:
        """After the window's refresh: section counts, total, progress, hints (worked out again
        only for the paragraphs the refresh says changed: see app/ui/figures.py)."""
        window = self.window
        punctuation = not self.act_no_punct.isChecked()
        if self._figures is None:
            self._figures = FigureKeeper(_paragraph_hints)
        snapshot = window.snapshot
        # A long report's hints come a moment after it shows, not before.
        defer = snapshot.changed is None and len(snapshot.datas) >= DEFER_HINTS_BLOCKS
        figures = self._figures.update(snapshot, punctuation, datetime.date.today().year, defer_hints=defer)
        self._show_section_counts(window.snapshot.sections, figures.sections)
        total = figures.total
        label = arg(self.tr("%1 characters", "", total) if punctuation
                    else self.tr("%1 characters (punctuation not counted)", "", total), f"{total:,}")
        window.status_chars.setText(label)
        self._show_progress(core_counts.progress(figures.total, self.target) if self.target else None)
        if not self._figures.hints_pending:
            self._show_hints()
        elif not self._hints_due:
            # The report first shows, then its hints.
            self._hints_due = True
            self.hints = []
            self.hints_panel.set_hints([], [])
            self.window.editor.after_paint(self._read_hints)

    def _read_hints(self) -> None:
        """A slice of a long report's hints, then a turn of the event loop (typing first), until
        all are read."""
        keeper = self._figures
        if keeper is None or not self._hints_due:
            return
        if keeper.read_hints():
            self._show_hints()
        else:
            QTimer.singleShot(0, self, self._read_hints)

    def _show_hints(self) -> None:
        self._hints_due = False
        keeper = self._figures
        if keeper is None:
            return
        self.hints = keeper.finish_hints()
        self.hints_panel.set_hints(self.hints, [line[0] for line in keeper.figures.lines])

    def _show_progress(self, progress: core_counts.Progress | None) -> None:
        if progress is None:
            self.progress_label.hide()
            self.progress.hide()
            return
        text = arg(self.tr("Target %1 / %2 characters (%3%)", "", progress.target), f"{progress.count:,}",
                   f"{progress.target:,}", progress.percent)
        if progress.over:
            text += arg(self.tr(", %1 over"), f"{progress.over:,}")
        self.progress_label.setText(text)
        self.progress.setRange(0, 100)
        self.progress.setValue(min(100, progress.percent))
        self.progress_label.show()
        self.progress.show()

    def _show_section_counts(self, sections, figures: list[core_counts.SectionCount]) -> None:  # noqa: ANN001
        tree = self.window.outline
        model = tree.model()
        items: list[QStandardItem] = []

        def walk(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                child = parent.child(row, 0)
                if child is not None:
                    items.append(child)
                    walk(child)

        walk(model.invisibleRootItem())
        if len(items) != len(sections) or len(figures) != len(sections):
            return
        grey = QBrush(tree.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        # What each row showed last time: a row whose item, figures, title and place are the same
        # needs nothing (typing changes one section's count, not 3,000). Its words are taken for its
        # own count below ("1 char", "2 chars").
        shown = [(item, figure.total, figure.own, section.title, section.block)
                 for item, figure, section in zip(items, figures, sections)]
        last = self._counts_shown if len(self._counts_shown) == len(shown) else [None] * len(shown)
        self._counts_shown = shown
        header = tree.header()
        sized = False
        for item, figure, now, before in zip(items, figures, shown, last):
            if before is not None and before[0] is now[0] and before[1:] == now[1:]:
                continue
            if not sized and header.count() > SECTION_COUNT_COLUMN:
                # Sized to its contents, the column is measured over all rows at every change of
                # a cell (7 ms at 3,000 sections): held still here, measured once below.
                header.setSectionResizeMode(SECTION_COUNT_COLUMN, QHeaderView.ResizeMode.Fixed)
                sized = True
            parent = item.parent() or model.invisibleRootItem()
            text = arg(self.tr("%1 chars", "", figure.total), f"{figure.total:,}")
            cell = parent.child(item.row(), SECTION_COUNT_COLUMN)
            if cell is None:
                cell = QStandardItem(text)
                cell.setEditable(False)
                cell.setDragEnabled(False)
                cell.setForeground(grey)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                parent.setChild(item.row(), SECTION_COUNT_COLUMN, cell)
            elif cell.text() != text:
                cell.setText(text)
            # A click on the count goes to the section, like a click on its title.
            if cell.data(BLOCK_ROLE) != item.data(BLOCK_ROLE):
                cell.setData(item.data(BLOCK_ROLE), BLOCK_ROLE)
            tip = arg(self.tr("%1: %2 characters (%3 in the section's own text)", "", figure.total), item.text(),
                      f"{figure.total:,}", f"{figure.own:,}")
            if cell.toolTip() != tip:
                cell.setToolTip(tip)
        if header.count() > SECTION_COUNT_COLUMN:
            header.setStretchLastSection(False)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(SECTION_COUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)

    def section_count_texts(self) -> list[str]:
        """The count column of the outline, in outline order (for tests and accessibility)."""
        model = self.window.outline.model()
        out: list[str] = []

        def walk(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                cell = parent.child(row, SECTION_COUNT_COLUMN)
                out.append(cell.text() if cell is not None else "")
                child = parent.child(row, 0)
                if child is not None:
                    walk(child)

        walk(model.invisibleRootItem())
        return out

    # -- 5. official format ------------------------------------------------------------------

    def ask_official(self) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Apply Official Format"), official_summary(),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("officialFormatConfirm")
        box.button(QMessageBox.StandardButton.Ok).setText(self.tr("Apply"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.accepted.connect(self.official_format)
        self.dialog = box
        box.open()
        return box

    def official_format(self) -> bool:
        """Reformat the open document to GB/T 9704 with the .docx engine, as one undo step: the
        editor's text goes through the writer into a fresh package, which the engine formats;
        the window then shows (and saves) that package."""
        from app.io.load import load
        from app.io.official import apply_official_format, official_bytes

        current = self.window.current_document()
        try:
            with _waiting(), tempfile.TemporaryDirectory(prefix="tianbao-official-") as folder:
                path = Path(folder) / "official.docx"
                if current.origin == "docx" and current.source is not None:
                    from app.io.docx_writer import docx_bytes

                    path.write_bytes(docx_bytes(current))
                    formatted = load(path)
                    apply_official_format(formatted)
                else:
                    path.write_bytes(official_bytes(current))
                    formatted = load(path)
        except DocumentError as exc:
            self._warn(self.tr("Apply Official Format"), exc.message)
            return False
        except Exception as exc:  # noqa: BLE001 - the user's text stays as it was
            self._warn(self.tr("Apply Official Format"),
                       arg(self.tr("Applying the official format failed; the document is unchanged.\n%1"), repr(exc)))
            return False
        from app.core.edits import Change

        with _waiting():
            done = self.changes.apply(Change("套用公文格式"), rebuild=formatted)
        if done:
            self.window.editor.document().setModified(True)
            self._message(self.tr("Official format applied (can be undone); saving makes the file official format."))
        return done

    # -- 6. print and PDF ----------------------------------------------------------------------

    def _title(self) -> str:
        return getattr(self.window, "title", "") or self.tr("Document")

    def print_preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        from app.ui.printing import make_printer, render

        from app.io.page import page_setup

        setup = page_setup(self.window.document)
        printer = make_printer(setup, self._title())
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(self.tr("Print Preview"))
        dialog.paintRequested.connect(lambda p: self._render_safely(render, p, setup.page_numbers))
        self.dialog = dialog
        dialog.open()

    def _render_safely(self, render: Callable, printer, page_numbers: bool) -> None:  # noqa: ANN001
        try:
            render(self.window.editor.document(), printer, page_numbers)
        except DocumentError as exc:
            self._warn(self.tr("Print"), exc.message)

    def ask_export_pdf(self) -> None:
        window = self.window
        folder = Path(window.settings.last_folder)
        stem = window.path.stem if window.path is not None else self._title()
        name, _ = QFileDialog.getSaveFileName(window, self.tr("Export as PDF"), str(folder / f"{stem}.pdf"),
                                              self.tr("PDF files (*.pdf)"))
        if name:
            path = Path(name)
            self.export_pdf(path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf"))

    def export_pdf(self, path: Path) -> bool:
        from app.io.page import page_setup
        from app.ui.printing import export_pdf

        try:
            export_pdf(self.window.editor.document(), page_setup(self.window.document), path, self._title())
        except DocumentError as exc:
            self._warn(self.tr("Export as PDF"), exc.message)
            return False
        self._message(arg(self.tr("Exported PDF: %1"), path))
        return True


def install(window) -> Beyond:  # noqa: ANN001 - MainWindow
    return Beyond(window)


__all__ = ["Beyond", "install"]
