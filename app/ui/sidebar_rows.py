"""How a placeholder row of the sidebar looks: its kind, its token (a blank "____" as a visible
▁▁▁ after the unit or label before it), its context with the token in bold, cut with "…" at the
panel's edge (the tooltip has the whole context); and a group header's path of sections."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QStyledItemDelegate

from app.core.offsets import utf16_index

# Types only: the window shows the sidebar before the engine loads (start-up time).
if TYPE_CHECKING:
    from PySide6.QtGui import QTextLayout
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.core.outline import Section
    from app.core.placeholders import Placeholder

# A leaf row as styled runs: ((text, style), ...), style PLAIN, BOLD or TAG (the kind, in the accent).
RUNS_ROLE = Qt.ItemDataRole.UserRole + 3
PLAIN, BOLD, TAG = 0, 1, 2
ACCENT = "#2f6fdf"
# A blank to fill ("____", "（    ）", full-width spaces) shown so that it can be seen.
BLANK_MARK = "▁▁▁"
BLANK_CHARS = "_＿ 　\u00a0（）()［］[]"
# The label before a blank this many characters back at most ("姓名：____" shows "姓名：▁▁▁").
LABEL_CHARS = 6
PATH_SEPARATOR = " › "
ELLIPSIS = "…"
_MARGIN = 2  # around a row's text, as a QTextDocument's margin had it


def is_blank(token: str) -> bool:
    return bool(token) and all(c in BLANK_CHARS for c in token)


def shown_token(p: Placeholder) -> str:
    """The token as the row shows it: a blank as ▁▁▁ after the label before it, then the unit."""
    if not is_blank(p.token):
        return p.token + p.unit
    label = p.context[max(0, p.context_offset - LABEL_CHARS):p.context_offset].strip()
    label = label.split("，")[-1].split("。")[-1].split(" ")[-1]
    return f"{label}{BLANK_MARK}{p.unit}"


def leaf_runs(p: Placeholder, kind_label: str) -> tuple[tuple[str, int], ...]:
    """The row: "[kind] token+unit · context", the token in bold in both places."""
    ctx = p.context
    off = p.context_offset
    token_end = off + len(p.token)
    token = BLANK_MARK if is_blank(p.token) else ctx[off:token_end]
    return ((f"[{kind_label}]", TAG), ("\u00a0", PLAIN), (shown_token(p), BOLD), ("\u00a0·\u00a0" + ctx[:off], PLAIN),
            (token, BOLD), (ctx[token_end:], PLAIN))


class SectionPaths:
    """The sections of the outline by block, in O(log n): ``at`` the innermost section holding a
    block (a group of the list is one section, though two may share a title), ``path`` "一、… ›
    （三）…", the sections holding it with the document's title left out."""

    def __init__(self, sections: Sequence[Section]) -> None:
        from app.core.scan import SectionLocator  # the engine side: loaded after the first frame

        self.sections = sections
        self._locator = SectionLocator(sections)
        self.at = self._locator.at
        self.at_until = self._locator.at_until

    def path(self, block: int) -> str:
        chain = [self.sections[i] for i in reversed(self._locator.holding(block)) if self.sections[i].rank >= 0]
        return PATH_SEPARATOR.join(s.title for s in chain)


class RichDelegate(QStyledItemDelegate):
    """Paints a row's runs (kind tag, token and unit, context with the token in bold), cut with
    "…" where it is wider than the panel. Laid out with QTextLayout: a QTextDocument per row
    (HTML parsed, then laid out) took 0.4 ms a row at each paint."""

    def _layout(self, option: QStyleOptionViewItem, index: QModelIndex,
                tag: QColor | None = None) -> QTextLayout | None:
        """The row laid out on one line; ``tag``: the kind tag's colour (the accent when None)."""
        runs = index.data(RUNS_ROLE)
        if not runs:
            return None
        # With the first row (the classes' Python types are made on first import, not before
        # the window's first frame).
        from PySide6.QtGui import QTextCharFormat, QTextLayout, QTextOption

        ranges = []
        at = 0
        for text, style in runs:
            length = utf16_index(text, len(text))  # Qt counts UTF-16 units
            if style != PLAIN and text:
                span = QTextLayout.FormatRange()
                span.start, span.length = at, length
                span.format = QTextCharFormat()
                if style == BOLD:
                    span.format.setFontWeight(QFont.Weight.Bold)
                else:
                    span.format.setForeground(tag or QColor(ACCENT))
                ranges.append(span)
            at += length
        layout = QTextLayout("".join(text for text, _ in runs), option.font)
        one_line = QTextOption()
        one_line.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(one_line)
        layout.setFormats(ranges)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return layout

    def paint(self, painter, option, index) -> None:  # noqa: ANN001 - Qt override
        # Imported with the first row painted: their enum classes cost the empty window's first frame.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        ink = option.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        # On the selection's colour the accent cannot be read: the tag takes the selected text's colour.
        layout = self._layout(option, index, ink if selected else None)
        if layout is None:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget) if style else opt.rect
        line = layout.lineAt(0)
        cut = line.naturalTextWidth() + 2 * _MARGIN > rect.width()
        dots = opt.fontMetrics.horizontalAdvance(ELLIPSIS) + 4 if cut else 0
        painter.save()
        painter.setPen(ink)
        painter.setClipRect(QRectF(rect.left(), rect.top(), rect.width() - dots, rect.height()))
        layout.draw(painter, QPointF(rect.left() + _MARGIN, rect.top() + (rect.height() - line.height()) / 2))
        painter.restore()
        if cut:
            painter.save()
            painter.setPen(ink)
            painter.drawText(rect.adjusted(rect.width() - dots, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, ELLIPSIS)
            painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: ANN001, N802 - Qt override
        layout = self._layout(option, index)
        base = super().sizeHint(option, index)
        if layout is None:
            return base
        return QSize(base.width(), max(base.height(), int(layout.lineAt(0).height()) + 2 * _MARGIN + 2))


__all__ = ["RUNS_ROLE", "RichDelegate", "is_blank", "leaf_runs", "SectionPaths", "shown_token"]
