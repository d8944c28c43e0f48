"""Moving sections with their numbers kept right: up, down, promote, demote (Alt+Shift+arrows), a
section dragged in the outline, and renumbering on demand. The engine (app.core.renumber) makes
the Change; it goes in as one undoable step."""
from __future__ import annotations

import atexit
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QTextCursor

from app.core.scan import scan
from app.ui.i18n import translate
from app.ui.operations import OUTLINE_ERRORS, engine_text
from app.ui.outline_panel import BLOCK_ROLE

if TYPE_CHECKING:
    from app.core.document import Document
    from app.core.edits import Change
    from app.core.outline import Section
    from app.ui.main_window import MainWindow
    from app.ui.operations import Operations


class SectionMoves(QObject):
    def __init__(self, window: MainWindow, operations: Operations) -> None:
        super().__init__(window)
        self.window = window
        self.operations = operations
        self.act_auto_renumber = window.actions.act_auto_renumber
        self.act_auto_renumber.setChecked(bool(window.settings.get("auto_renumber", True)))
        self._make_outline_drag()

    @property
    def auto_renumber(self) -> bool:
        return self.act_auto_renumber.isChecked()

    def set_auto_renumber(self, on: bool) -> None:
        self.window.settings.set("auto_renumber", bool(on))
        self.window.settings.save()

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

    def current_section(self, document: Document | None = None) -> tuple[int | None, list[Section]]:
        """Index into ``scan(document).outline`` (returned too) of the section the user is on:
        the outline's current row when the outline has the focus, else the one holding the cursor."""
        window = self.window
        document = document or window.report.export()
        number = window.editor.textCursor().blockNumber()
        if window.outline.hasFocus() and window.outline.currentIndex().isValid():
            block = window.outline.currentIndex().data(BLOCK_ROLE)
            if block is not None:
                number = int(block)
        index = window.report.paragraph_index(number)
        sections = scan(document).outline
        found = None
        for i, s in enumerate(sections):
            if s.level > 0 and s.block <= index < s.end:
                found = i
        return found, sections

    def outline_op(self, op: str) -> bool:
        document = self.window.report.export()
        section, sections = self.current_section(document)
        if section is None:
            self.operations.message(translate("Beyond", "The cursor is not in any section: first put it in the "
                                                        "heading to move, or in its text."))
            return False
        from app.core.renumber import OutlineError, demote, move_down, move_up, promote

        ops = {"up": move_up, "down": move_down, "promote": promote, "demote": demote}
        heading = sections[section].block
        try:
            change = ops[op](document, section, auto_renumber=self.auto_renumber)
        except OutlineError as exc:
            self.operations.message(engine_text(OUTLINE_ERRORS, str(exc)))
            return False
        return self._apply_and_follow(change, heading)

    def move_to(self, section: int, before_block: int) -> bool:
        """Move section ``section`` in front of block ``before_block`` (export indices)."""
        from app.core.renumber import OutlineError, move_section

        document = self.window.report.export()
        heading = scan(document).outline[section].block
        try:
            change = move_section(document, section, before_block, auto_renumber=self.auto_renumber)
        except OutlineError as exc:
            self.operations.message(engine_text(OUTLINE_ERRORS, str(exc)))
            return False
        return self._apply_and_follow(change, heading)

    def _apply_and_follow(self, change: Change, heading: int) -> bool:
        if not self.operations.apply(change):
            return False
        new = change.order.index(heading) if change.order is not None else heading
        paragraphs = self.window.report.paragraphs()
        if 0 <= new < len(paragraphs):
            self.window.editor.setTextCursor(QTextCursor(paragraphs[new]))
            self.window.editor.ensureCursorVisible()
        self.operations.done(change)
        return True

    def renumber(self) -> bool:
        from app.core.renumber import renumber

        return self.operations.apply_counted(
            renumber(self.window.report.export()),
            translate("Beyond", "The numbering already runs in order; nothing to renumber."),
            lambda n: self.tr("Renumbered in %1 places (can be undone)", "", n))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """A section dropped in the outline tree moves in the text, with its subsections."""
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

    def drop_section(self, source: QModelIndex, target: QModelIndex, below: bool) -> bool:
        """Move the section at outline row ``source`` above (or below) the one at ``target``."""
        source, target = source.siblingAtColumn(0), target.siblingAtColumn(0)
        document = self.window.report.export()
        report = self.window.report
        sections = scan(document).outline
        src = report.paragraph_index(int(source.data(BLOCK_ROLE)))
        dst = report.paragraph_index(int(target.data(BLOCK_ROLE)))
        index = next((i for i, s in enumerate(sections) if s.block == src and s.level > 0), None)
        goal = next((s for s in sections if s.block == dst), None)
        if index is None or goal is None:
            return False
        before = goal.end if below else goal.block
        return self.move_to(index, before)
