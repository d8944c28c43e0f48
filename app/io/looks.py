"""The reader's side of "as Word shows it": for one .docx, the looks of its paragraphs, runs, list
labels and tables (``DocumentLooks``), built from its styles, theme, settings and numbering
parts through app/io/styles.py and app/io/numbering.py. Display data only: nothing here is
ever written back."""
from __future__ import annotations

from typing import Any, Sequence

from app.core.document import Block, ListRef, ParagraphLook, RunFormat, TableLook
from app.core.numbering import Counter, Numbering
from app.io.numbering import ListLevels
from app.io.ooxml import TBL, W
from app.io.styles import StyleSheet, TableStyles, Theme, has_latin

_RPR = W + "rPr"
_NONE: dict[str, Any] = {}
_REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def part_element(package: Any, kind: str) -> Any:
    """The root element of the main part's related part of type ``kind`` ("styles", "theme",
    "numbering", "settings", "endnotes"), or None; never creates a part python-docx would add."""
    try:
        rels = package.part.rels
    except Exception:  # noqa: BLE001 - a package without a readable main part has no looks
        return None
    for rel in list(rels.values()):
        if getattr(rel, "is_external", False) or rel.reltype != _REL_TYPES + kind:
            continue
        try:
            part = rel.target_part
            element = getattr(part, "element", None)
            if element is None:
                from lxml import etree

                parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
                element = etree.fromstring(part.blob, parser)
            return element
        except Exception:  # noqa: BLE001 - a broken part means plain looks, never a refusal
            return None
    return None


class ParagraphLooks:
    """One paragraph's resolved look and the looks of its runs (``run``)."""

    __slots__ = ("_sheet", "_context", "look", "list_ref", "label_look")

    def __init__(self, sheet: StyleSheet, context: Any, look: ParagraphLook, list_ref: ListRef | None,
                 label_look: RunFormat | None = None) -> None:
        self._sheet = sheet
        self._context = context
        self.look = look
        self.list_ref = list_ref
        self.label_look = label_look

    def run(self, key: Any, rpr: Any, text: str) -> RunFormat:
        plain, east_asian = self._sheet.run_looks(self._context, key, rpr)
        if east_asian is None or has_latin(text):
            return plain
        return east_asian


class DocumentLooks:
    """The looks of one document's paragraphs, runs, labels and tables."""

    def __init__(self, styles_el: Any, theme_el: Any = None, settings_el: Any = None,
                 numbering_el: Any = None) -> None:
        lang = None
        if settings_el is not None:
            theme_lang = settings_el.find(W + "themeFontLang")
            lang = theme_lang.get(W + "eastAsia") if theme_lang is not None else None
        # One paragraph's space after and the next one's space before add up as in Word before
        # Word 2000 (w:doNotUseHTMLParagraphAutoSpacing, or no settings, which Word and LibreOffice
        # read that way); else the larger of the two is the gap (ISO 29500).
        self.spacing_adds = settings_el is None or settings_el.find(
            f"{W}compat/{W}doNotUseHTMLParagraphAutoSpacing") is not None
        self.sheet = StyleSheet(styles_el, Theme(theme_el, lang))
        self.levels = ListLevels(numbering_el, self.sheet.theme_font, self.sheet.style_list)
        # The lists the paragraphs use (None: none), once ``label_blocks`` has run.
        self.numbering: Numbering | None = None
        self._table_styles = TableStyles(self.sheet)
        self.tables: list[TableLook] = []
        self._table_style_of: dict[Any, str | None] = {}
        self._paragraphs: dict[Any, ParagraphLooks] = {}

    @classmethod
    def of(cls, package: Any) -> DocumentLooks:
        return cls(*(part_element(package, kind) for kind in ("styles", "theme", "settings", "numbering")))

    def add_table(self, index: int, tbl: Any, cells: Sequence[Sequence[tuple[int, int, int, Any]]]) -> None:
        tblpr = tbl.find(W + "tblPr")
        style = tblpr.find(W + "tblStyle") if tblpr is not None else None
        sid = style.get(W + "val") if style is not None else None
        self._table_style_of[tbl] = sid or self.sheet.default_table
        while len(self.tables) <= index:
            self.tables.append(TableLook())
        try:
            self.tables[index] = self._table_styles.table_look(tbl, cells)
        except (ValueError, TypeError, AttributeError):
            self.tables[index] = TableLook()  # odd table properties: drawn plain, never a refusal

    def _table_style(self, p: Any) -> str | None:
        el = p.getparent()
        while el is not None and el.tag != TBL:
            el = el.getparent()
        return self._table_style_of.get(el) if el is not None else None

    def paragraph(self, p: Any, sid: str | None, ppr: Any, ppr_key: Any, in_table: bool) -> ParagraphLooks:
        """The looks of paragraph ``p`` of style ``sid`` with w:pPr ``ppr`` (its XML ``ppr_key``):
        the same for every paragraph with the same style, properties and table style, so made
        once for each (a long report has a few dozen)."""
        table_style = self._table_style(p) if in_table else None
        key = (sid, table_style, ppr_key)
        found = self._paragraphs.get(key)
        if found is not None:
            return found
        sheet = self.sheet
        context = sheet.context(sid, table_style)
        direct = ppr.find(W + "numPr") if ppr is not None else None
        list_ref = self._list_of(sid, direct)
        level_ppr = self.levels.paragraph_props(list_ref.num_id, list_ref.level) if list_ref else _NONE
        look = sheet.paragraph_look(context, ppr_key, ppr, level_ppr, direct is not None)
        label_look = None
        if list_ref is not None:
            # A label takes the paragraph mark's run properties, then the list level's.
            label_look = sheet.label_look(context, ppr.find(_RPR) if ppr is not None else None,
                                          self.levels.run_props(list_ref.num_id, list_ref.level))
        found = self._paragraphs[key] = ParagraphLooks(sheet, context, look, list_ref, label_look)
        return found

    def _list_of(self, sid: str | None, direct: Any) -> ListRef | None:
        """The list numbering a paragraph: its own w:numPr over its style's (w:numId 0: none)."""
        style = self.sheet.style_list(sid)
        if direct is None:
            return style if style is not None and self.levels.list_def(style.num_id) is not None else None
        num_el, lvl_el = direct.find(W + "numId"), direct.find(W + "ilvl")
        num = _int(num_el.get(W + "val")) if num_el is not None else (style.num_id if style else None)
        lvl = _int(lvl_el.get(W + "val")) if lvl_el is not None else (style.level if style else 0)
        if not num or self.levels.list_def(num) is None:
            return None
        return ListRef(num, lvl if lvl is not None and 0 <= lvl < 9 else 0)

    def label_blocks(self, blocks: Sequence[Block]) -> None:
        """Give every list paragraph its label, counting in document order as Word does."""
        if not self.levels.numbering.lists:
            return
        self.numbering = self.levels.numbering
        counter = Counter(self.numbering)
        for block in blocks:
            if block.list_ref is not None:
                block.label, block.label_suffix = counter.next_label(block.list_ref)


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


__all__ = ["DocumentLooks", "ParagraphLooks", "part_element"]
