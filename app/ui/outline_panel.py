"""The outline tree on the left: the report's sections (一、/（一）/ 1. / （1）, Word heading styles),
the one holding the cursor marked, a click to go there; the rows the user folded stay folded."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

# Types only: the window shows this panel before the engine loads (start-up time).
if TYPE_CHECKING:
    from app.core.outline import Section

BLOCK_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 4  # what a row stands for, to keep it across refreshes


def _prefix(section: Section, key: str) -> str:
    """What a row's key gives the keys of the rows under it: the document's title gives nothing
    (the clerk fills its "20XX" first; every row below would be another row then, and lose
    whether the user closed it)."""
    return key if section.rank >= 0 else ""


class OutlinePanel(QTreeView):
    """Sections of the report; a click takes the editor there."""

    sectionActivated = Signal(int)  # block number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outlineTree")
        self.setAccessibleName(self.tr("Outline"))
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.setIndentation(14)
        self.model_ = QStandardItemModel(self)
        self.setModel(self.model_)
        self._shape: list[tuple[int, str]] = []
        self._keys: list[str] = []  # each item's KEY_ROLE, as set
        self._starts: list[int] = []
        self._items: list[QStandardItem] = []
        self._collapsed: set[str] = set()
        self._rebuilding = False
        self.collapsed.connect(self._on_collapsed)
        self.expanded.connect(self._on_expanded)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)

    def _on_collapsed(self, index: QModelIndex) -> None:
        if not self._rebuilding:
            self._collapsed.add(index.data(KEY_ROLE))

    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._rebuilding:
            self._collapsed.discard(index.data(KEY_ROLE))

    def _on_clicked(self, index: QModelIndex) -> None:
        block = index.data(BLOCK_ROLE)
        if block is not None:
            self.sectionActivated.emit(int(block))

    def section_items(self) -> list[QStandardItem]:
        """The title item of each section, in the order of the sections last set (drops on the
        tree never move its rows: a drop is turned into a move of the text)."""
        return self._items

    def set_sections(self, sections: list[Section]) -> None:
        shape = [(s.level, s.title) for s in sections]
        if shape == self._shape:
            # Same headings, maybe moved: update where they are without touching the tree.
            for item, section, start in zip(self._items, sections, self._starts):
                if section.block != start:
                    item.setData(section.block, BLOCK_ROLE)
            self._starts = [s.block for s in sections]
            return
        if (self._items and [level for level, _ in shape] == [level for level, _ in self._shape]
                and self._retitle(sections, shape)):
            return
        self._shape = shape
        self.model_.clear()
        self._items = []
        self._keys = []
        parents: list[tuple[int, QStandardItem, str]] = []
        root = self.model_.invisibleRootItem()
        for section in sections:
            while parents and parents[-1][0] >= section.level:
                parents.pop()
            parent = parents[-1][1] if parents else root
            key = (parents[-1][2] if parents else "") + "/" + section.title
            item = QStandardItem(section.title)
            item.setToolTip(section.title)
            item.setData(section.block, BLOCK_ROLE)
            item.setData(key, KEY_ROLE)
            self._keys.append(key)
            if section.level <= 1:
                font = item.font()
                font.setBold(section.level == 0)
                item.setFont(font)
            parent.appendRow(item)
            self._items.append(item)
            parents.append((section.level, item, _prefix(section, key)))
        self._starts = [s.block for s in sections]
        self._rebuilding = True
        self.expandAll()
        for item in self._items:
            if item.data(KEY_ROLE) in self._collapsed:
                self.collapse(item.index())
        self._rebuilding = False

    def _retitle(self, sections: list[Section], shape: list[tuple[int, str]]) -> bool:
        """Same tree, some headings renamed (the user is typing in one): new titles in place, so
        the tree is not rebuilt and re-expanded. False (nothing changed) when some section would
        have to open or close, as a rebuild leaves closed only the paths of titles the user closed:
        then the caller rebuilds."""
        keys: list[str] = []
        parents: list[tuple[int, str]] = []
        collapsed = self._collapsed
        for item, section, old_key in zip(self._items, sections, self._keys):
            while parents and parents[-1][0] >= section.level:
                parents.pop()
            key = (parents[-1][1] if parents else "") + "/" + section.title
            # A row whose key stays keeps its state, which was right for that key (asking Qt of
            # each of 3,000 rows took 20 ms on every renamed heading).
            if key != old_key and item.hasChildren() and self.isExpanded(item.index()) != (key not in collapsed):
                return False
            keys.append(key)
            parents.append((section.level, _prefix(section, key)))
        for item, section, key, old_key, (_, old_title), start in zip(self._items, sections, keys, self._keys,
                                                                       self._shape, self._starts):
            if section.title != old_title:
                item.setText(section.title)
                item.setToolTip(section.title)
            if key != old_key:
                item.setData(key, KEY_ROLE)
            if section.block != start:
                item.setData(section.block, BLOCK_ROLE)
        self._keys = keys
        self._shape = shape
        self._starts = [s.block for s in sections]
        return True

    def mark_current(self, block: int) -> None:
        """Highlight the innermost section holding ``block``."""
        import bisect

        i = bisect.bisect_right(self._starts, block) - 1
        if i < 0 or i >= len(self._items):
            self.clearSelection()
            return
        index = self._items[i].index()
        if self.currentIndex() != index:
            self.selectionModel().setCurrentIndex(
                index, self.selectionModel().SelectionFlag.ClearAndSelect)
            self.scrollTo(index)

    def current_title(self) -> str:
        index = self.currentIndex()
        return index.data() if index.isValid() else ""
