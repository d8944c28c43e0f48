"""The figures the window shows after each refresh: every section's character count in the outline's
second column, the total in the status bar, progress towards a length target, and the Hints list
(worked out again only for the paragraphs that changed: app.core.live_counts)."""
from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QBrush, QPalette, QStandardItem
from PySide6.QtWidgets import QHeaderView, QInputDialog

from app.core import counts as core_counts
from app.core.damage import KINDS as DAMAGE_KINDS
from app.core.damage import fix_damage
from app.core.hints import without_filled
from app.core.live_counts import CountKeeper
from app.core.live_damage import DamageWatch
from app.ui.i18n import arg, translate
from app.ui.outline_panel import BLOCK_ROLE

if TYPE_CHECKING:
    from app.core.hints import Hint
    from app.core.outline import Section
    from app.ui.main_window import MainWindow

SECTION_COUNT_COLUMN = 1
# From this many paragraphs up, an opened report's hints are read after it first shows.
DEFER_HINTS_BLOCKS = 1000


class CountsView(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.keeper = CountKeeper()
        self.damage = DamageWatch()
        self.hints: list[Hint] = []
        self._hints_due = False  # a long report's hints are being read, a slice per turn of the event loop
        self._counts_shown: list[tuple] = []  # see _show_section_counts
        self.act_no_punct = window.actions.act_no_punct
        self.act_no_punct.setChecked(bool(window.settings.get("count_without_punctuation", False)))

    # -- settings ------------------------------------------------------------------------------

    def set_no_punctuation(self, on: bool) -> None:
        self.window.settings.set("count_without_punctuation", bool(on))
        self.window.settings.save()
        self.refreshed()

    @property
    def target(self) -> int:
        value = self.window.settings.get("count_target", 0)
        return value if isinstance(value, int) and value > 0 else 0

    def set_target(self, target: int) -> None:
        """A length to write towards (0: none), shown as progress in the status bar."""
        self.window.settings.set("count_target", max(0, int(target)))
        self.window.settings.save()
        self.refreshed()

    def ask_target(self) -> None:
        value, ok = QInputDialog.getInt(self.window, translate("Beyond", "Length Target"),
                                        translate("Beyond", "Target length in characters (0 for none):"), self.target,
                                        0, 10_000_000, 500)
        if ok:
            self.set_target(value)

    # -- after each refresh --------------------------------------------------------------------

    def refreshed(self) -> None:
        """After the window's refresh: section counts, total, progress, hints."""
        window = self.window
        punctuation = not self.act_no_punct.isChecked()
        snapshot = window.snapshot
        # A long report's hints come a moment after it shows, not before.
        defer = snapshot.changed is None and len(snapshot.datas) >= DEFER_HINTS_BLOCKS
        figures = self.keeper.update(snapshot, punctuation, datetime.date.today().year, defer_hints=defer)
        self._show_section_counts(snapshot.sections, figures.sections)
        window.status.show_chars(figures.total, punctuation)
        window.status.show_progress(core_counts.progress(figures.total, self.target) if self.target else None)
        if not self.keeper.hints_pending:
            self._show_hints()
        elif not self._hints_due:
            # The report first shows, then its hints.
            self._hints_due = True
            self.hints = []
            window.hints_panel.set_hints([], [])
            window.editor.after_paint(self._read_hints)

    def _read_hints(self) -> None:
        """A slice of a long report's hints, then a turn of the event loop (typing first), until all are read."""
        if not self._hints_due:
            return
        if self.keeper.read_hints():
            self._show_hints()
        else:
            QTimer.singleShot(0, self, self._read_hints)

    def _show_hints(self) -> None:
        """The paragraphs' own hints (less old years the user typed into a year placeholder), the
        checks of the values filled in, and the damage, in document order."""
        self._hints_due = False
        texts = [line[0] for line in self.keeper.figures.lines]
        filled = self.window.fill_record.for_hints(self.keeper.line_of)
        hints = without_filled(self.keeper.finish_hints(), filled)
        if filled:  # the checks load with the first value filled in, not with the window
            from app.core.fill_checks import fill_hints

            hints += fill_hints(texts, filled, datetime.date.today().year)
        hints += self.damage.hints(self.window.snapshot, self.keeper.line_of)
        hints.sort(key=lambda h: (h.block, h.start, h.end))
        self.hints = hints
        self.window.hints_panel.set_hints(self.hints, texts)

    def fix_damage(self) -> bool:
        """Remove the empty runs and page-number lines the Hints list shows, as one undo step."""
        damage = [h for h in self.hints if h.kind in DAMAGE_KINDS]
        if not damage:
            return False
        change = fix_damage(len(self.keeper.figures.lines), damage)
        operations = self.window.operations
        if operations.apply(change):
            operations.done(change)
            return True
        return False

    def _show_section_counts(self, sections: list[Section], figures: list[core_counts.SectionCount]) -> None:
        tree = self.window.outline
        model = tree.model()
        items = tree.section_items()
        if len(items) != len(sections) or len(figures) != len(sections):
            return
        grey = QBrush(tree.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText))
        # What each row showed last time: a row whose item, figures, title and place are the same
        # needs nothing (typing changes one section's count, not 3,000).
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
            tip = arg(self.tr("%1: %2 characters (%3 in the section's own text)", "", figure.total), item.text(), f"{figure.total:,}", f"{figure.own:,}")
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
