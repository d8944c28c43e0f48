"""How a placeholder row of the sidebar looks: its kind, its token (a blank "____" as a visible
▁▁▁ after the unit or label before it), its context with the token in bold, cut with "…" at the
panel's edge (the tooltip has the whole context); and a group header's path of sections."""
from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import QStyledItemDelegate

# Types only: the window shows the sidebar before the engine loads (start-up time).
if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem

    from app.core.outline import Section
    from app.core.placeholders import Placeholder

HTML_ROLE = Qt.ItemDataRole.UserRole + 3
ACCENT = "#2f6fdf"
# A blank to fill ("____", "（    ）", full-width spaces) shown so that it can be seen.
BLANK_MARK = "▁▁▁"
BLANK_CHARS = "_＿ 　\u00a0（）()［］[]"
# The label before a blank this many characters back at most ("姓名：____" shows "姓名：▁▁▁").
LABEL_CHARS = 6
PATH_SEPARATOR = " › "
ELLIPSIS = "…"

_NO_WRAP = QTextOption()
_NO_WRAP.setWrapMode(QTextOption.WrapMode.NoWrap)
_escape = None


def is_blank(token: str) -> bool:
    return bool(token) and all(c in BLANK_CHARS for c in token)


def shown_token(p: Placeholder) -> str:
    """The token as the row shows it: a blank as ▁▁▁ after the label before it, then the unit."""
    if not is_blank(p.token):
        return p.token + p.unit
    label = p.context[max(0, p.context_offset - LABEL_CHARS):p.context_offset].strip()
    label = label.split("，")[-1].split("。")[-1].split(" ")[-1]
    return f"{label}{BLANK_MARK}{p.unit}"


def leaf_html(p: Placeholder, kind_label: str) -> str:
    global _escape
    if _escape is None:
        # With the first placeholder, not before the window's first frame; bound once, as an
        # import statement per row goes through PySide's import hook (~2 us each).
        from html import escape as _escape
    ctx = p.context
    off = p.context_offset
    token_end = off + len(p.token)
    token = BLANK_MARK if is_blank(p.token) else ctx[off:token_end]
    context = _escape(ctx[:off]) + "<b>" + _escape(token) + "</b>" + _escape(ctx[token_end:])
    return (f'<span style="color:{ACCENT};">[{_escape(kind_label)}]</span>&nbsp;'
            f"<b>{_escape(shown_token(p))}</b>&nbsp;·&nbsp;{context}")


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
    """Paints a row's HTML (kind tag, token and unit, context with the token in bold), cut with
    "…" where it is wider than the panel."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument | None:
        text = index.data(HTML_ROLE)
        if not text:
            return None
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setDefaultTextOption(_NO_WRAP)
        doc.setHtml(text)
        return doc

    def paint(self, painter, option, index) -> None:  # noqa: ANN001 - Qt override
        doc = self._document(option, index)
        if doc is None:
            super().paint(painter, option, index)
            return
        # Imported with the first row painted: their enum classes cost the empty window's first frame.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget) if style else opt.rect
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        cut = doc.idealWidth() > rect.width()
        dots = opt.fontMetrics.horizontalAdvance(ELLIPSIS) + 4 if cut else 0
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width() - dots, rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
        if cut:
            painter.save()
            painter.setPen(opt.palette.color(role))
            painter.drawText(rect.adjusted(rect.width() - dots, 0, 0, 0),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, ELLIPSIS)
            painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: ANN001, N802 - Qt override
        doc = self._document(option, index)
        base = super().sizeHint(option, index)
        if doc is None:
            return base
        return QSize(base.width(), max(base.height(), int(doc.size().height()) + 2))


__all__ = ["HTML_ROLE", "RichDelegate", "is_blank", "leaf_html", "SectionPaths", "shown_token"]
