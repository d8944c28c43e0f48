"""The placeholder sidebar on the right: every placeholder still waiting for a figure, grouped by
section, with its kind, unit and context; the fill box; previous and next."""
from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.ui.sidebar_rows import RUNS_ROLE, RichDelegate, SectionPaths, leaf_runs, shown_token

# Types only: the window shows these panels before the engine loads (start-up time).
if TYPE_CHECKING:
    from typing import Callable

    from app.core.placeholders import Placeholder

SPAN_ROLE = Qt.ItemDataRole.UserRole + 2  # (block, start, end, token) of a placeholder row
KEY_ROLE = Qt.ItemDataRole.UserRole + 4

_LEAF_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
# What a row of the list is made of: when these are the same, the list is (set_placeholders).
_LIST_KEY = attrgetter("block", "start", "token", "unit", "context", "section")


def _changed_range(old: list[tuple] | None, new: list[tuple]) -> tuple[int, int]:
    """[lo, hi): the rows of ``new`` outside which it equals ``old`` (same rows before lo, same
    number of same rows after hi); all of it when ``old`` is unknown."""
    if old is None:
        return 0, len(new)
    limit = min(len(old), len(new))
    lo = 0
    while lo < limit and old[lo] == new[lo]:
        lo += 1
    tail = 0
    while tail < limit - lo and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return lo, len(new) - tail


def _row_key(p: Placeholder) -> tuple:
    """What makes a row the same row: its token and unit (its block number, offsets and context
    may move: a paragraph added above shifts every block number after it, and removing and
    inserting those thousands of rows took seconds)."""
    return (p.token, p.unit, p.kind)


def _shown(p: Placeholder) -> tuple:
    """Everything a row shows (its text, tooltip and look). Where it points (block, offsets) is
    handed out by data() when asked, so a row that only moved needs no signal: a paragraph added
    above moves thousands of them."""
    return (p.token, p.unit, p.kind, p.context, p.context_offset)


# Up to this many changed rows are updated in place (a signal per group they are in).
IN_PLACE_ROWS = 200


class PlaceholderModel(QAbstractItemModel):
    """Placeholders grouped by section; rows are made only when the view asks for them, so a
    report with ten thousand placeholders resets in a moment."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.groups: list[tuple[str, list[Placeholder]]] = []
        self.kind_labels: dict[str, str] = {}
        # A group's header: the path of sections down to the one holding a block (None: its title).
        self.path_of: Callable[[int], str] | None = None
        self.paragraph_of: Callable[[int], str] | None = None  # a block's text, for the tooltip
        self._where: dict[tuple[int, int], tuple[int, int]] = {}
        # A leaf's index carries its group's id, not its row: groups come and go above it while
        # the view holds on to it (patch), and the id still finds the group.
        self._gids: list[int] = []
        self._rows: dict[int, int] = {}
        self._next_gid = 1

    def _new_gids(self, n: int) -> list[int]:
        self._next_gid += n
        return list(range(self._next_gid - n, self._next_gid))

    def _renumber(self) -> None:
        self._rows = {gid: r for r, gid in enumerate(self._gids)}

    def set_groups(self, groups: list[tuple[str, list[Placeholder]]]) -> None:
        self.beginResetModel()
        self.groups = groups
        self._gids = self._new_gids(len(groups))
        self._renumber()
        self._where = {(p.block, p.start): (g, r) for g, (_, items) in enumerate(groups)
                       for r, p in enumerate(items)}
        self.endResetModel()

    def update_rows(self, groups: list[tuple[str, list[Placeholder]]],
                    changed: tuple[int, int] | None = None) -> bool:
        """Groups of the same sizes as shown (new offsets, context or titles: typing beside a
        placeholder, a fill, a heading renamed): replaced in place, so no row comes or goes and
        the view keeps its layout, scroll position and selection. False when the sizes differ.
        ``changed``: the rows (in list order) that may differ; the others are only swapped."""
        if [len(items) for _, items in self.groups] != [len(items) for _, items in groups]:
            return False
        lo, hi = changed if changed is not None else (0, sum(len(items) for _, items in groups))
        if hi - lo > IN_PLACE_ROWS:
            return False  # another report of the same shape: a reset is quicker than a signal per group
        offset = 0
        for g, ((old_title, items), (title, new_items)) in enumerate(zip(self.groups, groups)):
            end = offset + len(new_items)
            items[:] = new_items
            if title != old_title:
                self.groups[g] = (title, items)
                header = self.createIndex(g, 0, 0)
                self.dataChanged.emit(header, header)
            if items and offset < hi and lo < end:
                parent = self.createIndex(g, 0, 0)
                self.dataChanged.emit(self.index(0, 0, parent), self.index(len(items) - 1, 0, parent))
            offset = end
        self._where = {(p.block, p.start): (gi, ri) for gi, (_, its) in enumerate(self.groups)
                       for ri, p in enumerate(its)}
        return True

    def patch(self, groups: list[tuple[str, list[Placeholder]]],
              changed: tuple[int, int] | None = None) -> list[int] | None:
        """Change the rows into ``groups`` by inserting and removing only what differs (typing adds
        or fills a placeholder or two; a reset would re-expand thousands of rows). Returns the
        rows of the groups inserted (for the view to expand), or None when most groups differ
        and a reset is the cheaper way. ``changed``: the rows (in list order) that may differ; a
        group wholly outside them has its rows swapped for the new ones, without a signal."""
        old = self.groups
        n, m = len(old), len(groups)
        p = 0
        while p < n and p < m and old[p][0] == groups[p][0]:
            p += 1
        s = 0
        while s < n - p and s < m - p and old[n - 1 - s][0] == groups[m - 1 - s][0]:
            s += 1
        if not old or (n - p - s) + (m - p - s) > max(8, (n + m) // 4):
            return None
        lo, hi = changed if changed is not None else (0, sum(len(items) for _, items in groups))
        starts = []
        offset = 0
        for _, items in groups:
            starts.append(offset)
            offset += len(items)

        def patch_group(g: int) -> None:
            new = groups[g][1]
            if starts[g] < hi and lo < starts[g] + len(new):
                self._patch_group(g, new)
            else:
                self.groups[g][1][:] = new

        for g in range(p):
            patch_group(g)
        if n - p - s:
            self.beginRemoveRows(QModelIndex(), p, n - s - 1)
            del self.groups[p:n - s]
            del self._gids[p:n - s]
            self._renumber()
            self.endRemoveRows()
        if m - p - s:
            self.beginInsertRows(QModelIndex(), p, m - s - 1)
            self.groups[p:p] = [(title, list(items)) for title, items in groups[p:m - s]]
            self._gids[p:p] = self._new_gids(m - s - p)
            self._renumber()
            self.endInsertRows()
        for g in range(m - s, m):
            patch_group(g)
        self._where = {(q.block, q.start): (gi, ri) for gi, (_, its) in enumerate(self.groups)
                       for ri, q in enumerate(its)}
        return list(range(p, m - s))

    def _patch_group(self, g: int, new: list[Placeholder]) -> None:
        items = self.groups[g][1]
        a, b = len(items), len(new)
        p = 0
        while p < a and p < b and _row_key(items[p]) == _row_key(new[p]):
            p += 1
        s = 0
        while s < a - p and s < b - p and _row_key(items[a - 1 - s]) == _row_key(new[b - 1 - s]):
            s += 1
        parent = self.createIndex(g, 0, 0)
        if a - p - s:
            self.beginRemoveRows(parent, p, a - s - 1)
            del items[p:a - s]
            self.endRemoveRows()
        if b - p - s:
            self.beginInsertRows(parent, p, b - s - 1)
            items[p:p] = new[p:b - s]
            self.endInsertRows()
        changed = [r for r in range(b) if _shown(items[r]) != _shown(new[r])]
        items[:] = new
        if changed:
            self.dataChanged.emit(self.index(changed[0], 0, parent), self.index(changed[-1], 0, parent))

    def remove(self, block: int, start: int) -> bool:
        """Take one placeholder out at once (it was just filled), before the next full refresh."""
        where = self._where.get((block, start))
        if where is None:
            return False
        g, r = where
        items = self.groups[g][1]
        if len(items) == 1:
            self.beginRemoveRows(QModelIndex(), g, g)
            del self.groups[g]
            del self._gids[g]
            self._renumber()
            self.endRemoveRows()
            self._where = {(p.block, p.start): (gi, ri) for gi, (_, its) in enumerate(self.groups)
                           for ri, p in enumerate(its)}
        else:
            self.beginRemoveRows(self.createIndex(g, 0, 0), r, r)
            del items[r]
            self.endRemoveRows()
            # Only the rows below it in its group moved up (a whole new map took 4 ms at 10,000 rows).
            del self._where[(block, start)]
            for ri in range(r, len(items)):
                p = items[ri]
                self._where[(p.block, p.start)] = (g, ri)
        return True

    def leaf_index(self, block: int, start: int) -> QModelIndex:
        where = self._where.get((block, start))
        if where is None:
            return QModelIndex()
        return self.createIndex(where[1], 0, self._gids[where[0]])

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        items = self.groups[parent.row()][1] if parent.row() < len(self.groups) else []
        return self.createIndex(row, 0, self._gids[parent.row()]) if row < len(items) else QModelIndex()

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Qt asks this of every held index on each row change: an invalid index's id is 0 too.
        gid = index.internalId()
        if not gid:
            return QModelIndex()
        row = self._rows.get(gid)
        return self.createIndex(row, 0, 0) if row is not None else QModelIndex()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.row() < len(self.groups):
            return len(self.groups[parent.row()][1])
        return 0

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        # NeverHasChildren: else expandAll marks every leaf expanded, and Qt then walks 10,000 held
        # indexes on each row inserted or removed.
        return _LEAF_FLAGS

    def placeholder(self, index: QModelIndex) -> Placeholder | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._rows.get(index.internalId())
        items = self.groups[group][1] if group is not None else []
        return items[index.row()] if index.row() < len(items) else None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        if index.internalId() == 0:
            title, items = self.groups[index.row()]
            if role == KEY_ROLE:
                return title
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                # With its parent sections: "一、… › （三）…" (several sections share a "（一）").
                return (self.path_of(items[0].block) or title) if self.path_of is not None and items else title
            return None
        p = self.placeholder(index)
        if p is None:
            return None
        label = self.kind_labels.get(p.kind, p.kind)
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{shown_token(p)} · {p.context}"
        if role == RUNS_ROLE:
            return leaf_runs(p, label)
        if role == SPAN_ROLE:
            return (p.block, p.start, p.end, p.token)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The whole paragraph: the row and its context are cut.
            return self.paragraph_of(p.block) if self.paragraph_of is not None else p.context
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{label} {p.token}{p.unit} {p.context}"
        return None


class PlaceholderPanel(QWidget):
    """The sidebar: how many are left, a fill box, and the placeholders grouped by section."""

    placeholderChosen = Signal(int, int, int)  # block, start, end (Python offsets)
    fillRequested = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderPanel")
        self.setAccessibleName(self.tr("Placeholders to fill"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 6)
        layout.setSpacing(8)
        self.header = QLabel(self)
        self.header.setObjectName("placeholderCount")
        font = self.header.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.header.setFont(font)
        layout.addWidget(self.header)

        row = QHBoxLayout()
        row.setSpacing(4)
        label = QLabel(self.tr("Fill:"), self)
        self.fill = QLineEdit(self)
        self.fill.setObjectName("fillBox")
        self.fill.setAccessibleName(self.tr("Fill in the selected placeholder"))
        self.fill.setPlaceholderText(self.tr("Type, then Enter"))
        self.fill.setClearButtonEnabled(True)
        label.setBuddy(self.fill)
        self.previous = QToolButton(self)
        self.previous.setArrowType(Qt.ArrowType.UpArrow)
        self.previous.setToolTip(self.tr("Previous placeholder (Shift+F11)"))
        self.previous.setAccessibleName(self.tr("Previous placeholder"))
        self.next = QToolButton(self)
        self.next.setArrowType(Qt.ArrowType.DownArrow)
        self.next.setToolTip(self.tr("Next placeholder (F11)"))
        self.next.setAccessibleName(self.tr("Next placeholder"))
        row.addWidget(label)
        row.addWidget(self.fill, 1)
        row.addWidget(self.previous)
        row.addWidget(self.next)
        layout.addLayout(row)

        self.list = QTreeView(self)
        self.list.setObjectName("placeholderList")
        self.list.setAccessibleName(self.tr("Placeholder list"))
        self.list.setHeaderHidden(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setItemDelegate(RichDelegate(self.list))
        self.list.setFrameShape(QTreeView.Shape.NoFrame)
        self.list.setWordWrap(False)
        self.list.setIndentation(14)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformRowHeights(True)
        self.model_ = PlaceholderModel(self)
        self.list.setModel(self.model_)
        layout.addWidget(self.list, 1)

        self.fill.returnPressed.connect(lambda: self.fillRequested.emit(self.fill.text()))
        self.next.clicked.connect(self.nextRequested)
        self.previous.clicked.connect(self.previousRequested)
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)
        self._keys: list[tuple] | None = []
        self._collapsed: set[str] = set()
        self._rebuilding = False
        self.list.collapsed.connect(
            lambda index: self._rebuilding or self._collapsed.add(index.data(KEY_ROLE)))
        self.list.expanded.connect(
            lambda index: self._rebuilding or self._collapsed.discard(index.data(KEY_ROLE)))
        self._kind_labels: dict[str, str] = {}
        self._paths: SectionPaths | None = None
        self.set_count(0, True)

    def set_kind_labels(self, labels: dict[str, str]) -> None:
        self._kind_labels = labels
        self.model_.kind_labels = labels

    def set_count(self, n: int, empty: bool = False) -> None:
        """``empty``: the document has no text (nothing to call "all filled")."""
        if empty:
            self.header.setText(self.tr("Nothing to fill yet"))
            return
        self.header.setText(self.tr("%1 left to fill", "", n).replace("%1", str(n)) if n else self.tr("All filled"))

    def _on_clicked(self, index: QModelIndex) -> None:
        span = index.data(SPAN_ROLE)
        if span is not None:
            block, start, end, _token = span
            self.placeholderChosen.emit(block, start, end)

    def set_sections(self, sections: list) -> None:
        """The outline, for the group headers' paths (worked out again only when it changed)."""
        if self._paths is None or sections is not self._paths.sections:
            self._paths = SectionPaths(sections)
            self.model_.path_of = self._paths.path
            self.list.viewport().update()

    def leaf_count(self) -> int:
        return sum(len(items) for _, items in self.model_.groups)

    def set_placeholders(self, placeholders: list[Placeholder]) -> None:
        self.set_count(len(placeholders))
        keys = list(map(_LIST_KEY, placeholders))
        if keys == self._keys:
            return
        changed = _changed_range(self._keys, keys)
        self._keys = keys
        groups: list[tuple[str, list[Placeholder]]] = []
        current: object = ()
        at_until = self._paths.at_until if self._paths is not None else None
        section: object = None
        until = -1  # the section found holds the blocks before this one
        for p in placeholders:
            # One group per section, though two may share a title ("（一）党建工作" under 一、 and 二、).
            if at_until is None:
                section = p.section
            elif not p.block < until:
                section, until = at_until(p.block)
            if section is not current and (section != current or not groups):
                current = section
                groups.append((p.section or self.tr("(beginning)"), []))
            groups[-1][1].append(p)
        selected = self.selected_span()
        if self.model_.update_rows(groups, changed):
            # No rows came or went: no reset, no re-expanding (Qt's tree lays out all its rows
            # again after any row comes or goes: a moment on a long report's list). The current
            # row stays on its placeholder where that one is still listed.
            now = self.selected_span()
            if selected is not None and now is not None and now[:2] != selected[:2]:
                index = self.model_.leaf_index(selected[0], selected[1])
                if index.isValid():
                    self.list.setCurrentIndex(index)
            return
        self.list.setUpdatesEnabled(False)
        # Leaf indexes carry their group's row: none may outlive a change of groups (the current
        # row is set afresh below, as after a reset).
        self.list.selectionModel().clear()
        inserted = self.model_.patch(groups, changed)
        self._rebuilding = True
        if inserted is None:
            self.model_.set_groups(groups)
            self.list.expandAll()
            if self._collapsed:
                for r, (title, _) in enumerate(groups):
                    if title in self._collapsed:
                        self.list.collapse(self.model_.index(r, 0))
        else:
            for r in inserted:
                if groups[r][0] not in self._collapsed:
                    self.list.expand(self.model_.index(r, 0))
        self._rebuilding = False
        if selected is not None:
            index = self.model_.leaf_index(selected[0], selected[1])
            if index.isValid():
                self.list.setCurrentIndex(index)
        self.list.setUpdatesEnabled(True)

    def remove(self, block: int, start: int) -> None:
        """A placeholder was filled: it leaves the list now; the full refresh follows later."""
        if self.model_.remove(block, start):
            # The list as it now stands, so that the next refresh patches only the rows around
            # the fill (a full patch of a long report's list takes a noticeable moment).
            keys = self._keys or []
            gone = next((i for i, k in enumerate(keys) if k[0] == block and k[1] == start), None)
            if gone is None:
                self._keys = None  # unknown: the next refresh compares with nothing
            else:
                del keys[gone]
            self.set_count(self.leaf_count())

    def selected_span(self) -> tuple[int, int, int, str] | None:
        index = self.list.currentIndex()
        span = index.data(SPAN_ROLE) if index.isValid() else None
        return tuple(span) if span is not None else None

    def select_span(self, block: int, start: int) -> None:
        """Show the placeholder at (block, start) as the current row, if listed."""
        index = self.model_.leaf_index(block, start)
        if index.isValid() and self.list.currentIndex() != index:
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)


__all__ = ["PlaceholderModel", "PlaceholderPanel"]
