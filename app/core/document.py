"""The document model shared by the readers, the writer, the engine and the window.

A document is a flat list of blocks in reading order: body paragraphs, and the paragraphs of
table cells in place of their table. Each block is a list of styled runs. Whatever the editor
does not understand stays with the reader (``Block.source``) so that the writer can put it
back untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping


@dataclass(frozen=True)
class RunFormat:
    """Character formatting an editor shows. None means "inherited from the style"."""

    bold: bool | None = None
    italic: bool | None = None
    underline: bool | None = None
    strike: bool | None = None
    font: str | None = None  # Latin font (w:ascii / w:hAnsi)
    font_east_asia: str | None = None  # Chinese font (w:eastAsia)
    size_pt: float | None = None
    color: str | None = None  # "RRGGBB"
    highlight: str | None = None  # Word highlight name, e.g. "yellow"
    # Character spacing in points (w:spacing in w:rPr; negative: condensed). Resolved looks only:
    # the reader leaves it out of a run's direct format, so the writer never sees it.
    spacing_pt: float | None = None

    def merged(self, **changes: Any) -> RunFormat:
        return replace(self, **changes)


@dataclass(frozen=True)
class ParagraphFormat:
    """Paragraph formatting an editor shows. None means "inherited from the style"."""

    alignment: str | None = None  # "left" | "center" | "right" | "justify"
    first_line_chars: float | None = None  # first-line indent in characters (2.0 = 两字)
    first_line_indent_pt: float | None = None
    left_indent_pt: float | None = None
    right_indent_pt: float | None = None
    line_spacing: float | None = None  # multiple (rule "auto") or points (rule "exact"/"atLeast")
    line_rule: str | None = None  # "auto" | "exact" | "atLeast"
    space_before_pt: float | None = None
    space_after_pt: float | None = None


@dataclass(frozen=True)
class ParagraphLook:
    """A paragraph as Word lays it out, every property resolved (docDefaults, table style,
    paragraph style chain, list level, direct formatting): what the window draws. The writer
    never reads it (it keeps ``Block.format``, the direct formatting, and the XML).

    Indents are in points; a hanging indent is a negative ``first_line_indent_pt``. Where the
    file gives an indent in characters (w:firstLineChars, w:leftChars, w:hangingChars; 100 = one
    character), ``*_chars`` holds it as characters and wins over the point value, as in Word.
    ``line_spacing`` is a multiple of single spacing for ``line_rule`` "auto", else points
    ("exact", "atLeast"). ``shading`` is the fill colour "RRGGBB" or None.
    """

    alignment: str = "left"  # "left" | "center" | "right" | "justify" | "distribute"
    left_indent_pt: float = 0.0
    right_indent_pt: float = 0.0
    first_line_indent_pt: float = 0.0
    left_chars: float | None = None
    right_chars: float | None = None
    first_line_chars: float | None = None  # negative: hanging, in characters
    line_spacing: float = 1.0
    line_rule: str = "auto"
    space_before_pt: float = 0.0
    space_after_pt: float = 0.0
    page_break_before: bool = False
    keep_with_next: bool = False
    keep_lines: bool = False
    shading: str | None = None
    # The space before/after is Word's automatic (HTML) spacing, which a list's items do not
    # take between one another.
    auto_before: bool = False
    auto_after: bool = False
    # w:contextualSpacing: no space before or after between it and a paragraph of its own style.
    contextual_spacing: bool = False
    # w:snapToGrid: its lines keep to the document grid's pitch, where the page has one.
    snap_to_grid: bool = True
    # Lines above and below the paragraph (w:pBdr), None: none.
    border_top: Border | None = None
    border_bottom: Border | None = None


@dataclass(frozen=True)
class ListRef:
    """Which Word list numbers a paragraph: the w:num id and the level (0-based w:ilvl)."""

    num_id: int
    level: int = 0


@dataclass(frozen=True)
class Border:
    """One edge of a table cell or paragraph: Word's border style ("single", "double", "dashed"
    …), width in points, colour "RRGGBB" (None: automatic, black) and, for a paragraph, the
    space in points between the line and the text."""

    style: str = "single"
    width_pt: float = 0.5
    color: str | None = None
    space_pt: float = 0.0


@dataclass(frozen=True)
class CellLook:
    """A table cell as Word draws it: each edge's border (None: no line) and its fill colour."""

    top: Border | None = None
    bottom: Border | None = None
    left: Border | None = None
    right: Border | None = None
    shading: str | None = None  # "RRGGBB"


NO_CELL_LOOK = CellLook()


@dataclass(frozen=True)
class TableLook:
    """A table of the body as Word draws it (``Document.tables[CellRef.table]``).

    ``column_widths_pt``: the grid columns (w:tblGrid) in points; ``indent_pt`` (w:tblInd) and
    ``alignment`` (w:jc: "left" | "center" | "right") place the table; ``cells`` maps (grid row,
    grid column) of each cell's top-left corner, as in ``CellRef``, to its borders and fill,
    resolved from the table's borders, the cell's own, and the table style with its conditional
    formats (first/last row and column, banded rows and columns) that w:tblLook turns on.
    """

    column_widths_pt: tuple[float, ...] = ()
    indent_pt: float = 0.0
    alignment: str = "left"
    cells: Mapping[tuple[int, int], CellLook] = field(default_factory=dict, compare=False)
    # The cells' default margins (w:tblCellMar) in points: top, left, bottom, right.
    cell_margins_pt: tuple[float, float, float, float] = (0.0, 5.4, 0.0, 5.4)
    # Each row's height in points (w:trHeight; 0: as tall as its text), empty when none is given.
    row_heights_pt: tuple[float, ...] = ()

    def cell(self, row: int, col: int) -> CellLook:
        return self.cells.get((row, col), NO_CELL_LOOK)


@dataclass(frozen=True)
class CellRef:
    """Where a table-cell paragraph sits: which table of the body, which row and column."""

    table: int
    row: int
    col: int
    # How many grid rows and columns the cell covers (w:vMerge, w:gridSpan): how it looks, not
    # where it is, so two references to the same cell are equal whatever spans they know of.
    row_span: int = field(default=1, compare=False)
    col_span: int = field(default=1, compare=False)


@dataclass(frozen=True)
class FloatPlace:
    """Where a floating picture stands: one the text neither flows around nor makes room for
    (Word's "in front of text", "behind text", no wrapping). Offsets are in EMU from the picture's
    horizontal reference ``x_from`` ("column", "margin", "page", "character") and vertical one
    ``y_from`` ("paragraph", "line", "margin", "page"); an alignment there ("left", "center",
    "right"; "top", "center", "bottom"), where the file gives one, stands instead of the offset."""

    x_emu: int = 0
    y_emu: int = 0
    x_from: str = "column"
    y_from: str = "paragraph"
    x_align: str | None = None
    y_align: str | None = None


@dataclass(frozen=True)
class ImageRef:
    """A picture shown inside a paragraph: it stands between characters ``offset - 1`` and
    ``offset`` of the block's text and is no part of that text. ``key`` names the picture in
    the reader's package (for .docx: the relationship id of the main part); the size is in EMU
    (914,400 to the inch), 0 when the file does not say."""

    offset: int
    key: str
    width_emu: int = 0
    height_emu: int = 0
    # The reader's handle on the element that shows the picture: which picture it is, whatever
    # its offset, so that saving can tell the one the user deleted from an equal one kept.
    source: Any = field(default=None, compare=False, repr=False)
    # Set for a floating picture (it takes no room in the text's flow); None for one in the line.
    place: FloatPlace | None = None


@dataclass
class Run:
    text: str
    # The run's direct formatting (what the writer keeps): None fields come from the styles.
    format: RunFormat = field(default_factory=RunFormat)
    # The run as Word shows it, every field resolved through docDefaults, the styles, the theme
    # fonts and the direct formatting (``font``: the font of its Latin text, and of the whole run
    # where a w:hint gives that to the East Asian font; ``font_east_asia``: the font of its
    # Chinese text); None where the reader did not resolve it (text documents, new runs).
    # Display only: never compared, never written.
    look: RunFormat | None = field(default=None, compare=False)


@dataclass
class Block:
    """One paragraph of the document (a body paragraph or a paragraph inside a table cell)."""

    runs: list[Run] = field(default_factory=list)
    style: str | None = None
    # 1-based heading level from a Word heading style or w:outlineLvl; None for body text.
    outline_level: int | None = None
    is_title_style: bool = False
    format: ParagraphFormat = field(default_factory=ParagraphFormat)
    cell: CellRef | None = None
    # The reader's handle on where the block came from; the engine never looks inside.
    source: Any = None
    # Pictures in the paragraph, in order (display only, never text). The writer keeps them in
    # ``source``, less those a changed block no longer lists (the user deleted them).
    images: tuple[ImageRef, ...] = ()
    # Part of a table of contents (its content control, its field or its styles, as the reader
    # found): its lines repeat the headings and open no section.
    toc: bool = False
    # Word's automatic numbering (numbering.xml), shown before the text and never part of it:
    # ``label`` is the label as Word shows it ("一、", "（一）", "3.1", "a)", "•"; "" when the
    # paragraph is not in a list), ``label_suffix`` what follows it (w:suff: "tab" | "space" |
    # "nothing"), ``list_ref`` the list and level that number it (so labels can be worked out
    # again after sections move: ``app.core.numbering.relabel``), ``label_look`` the label's
    # character formatting resolved (the paragraph mark's and the list level's run properties).
    # Display and engine only: the writer never writes a label as text. Not compared.
    label: str = field(default="", compare=False)
    label_suffix: str = field(default="tab", compare=False)
    list_ref: ListRef | None = field(default=None, compare=False)
    label_look: RunFormat | None = field(default=None, compare=False, repr=False)
    # The paragraph as Word lays it out (see ParagraphLook); None where the reader did not resolve
    # it (text documents, blocks the window made). Display only: never written.
    look: ParagraphLook | None = field(default=None, compare=False, repr=False)

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def replace_text(self, start: int, end: int, text: str) -> None:
        """Replace ``self.text[start:end]`` with ``text``. The new text takes the format of the
        run the replaced span starts in (a figure typed over a bold 黑体 X is bold 黑体)."""
        chars = [(ch, run.format, run.look) for run in self.runs for ch in run.text]
        if not 0 <= start <= end <= len(chars):
            raise ValueError(f"span {start}:{end} outside a block of {len(chars)} characters")
        if start < len(chars):
            _, fmt, look = chars[start]
        elif chars:
            _, fmt, look = chars[-1]
        else:
            fmt, look = RunFormat(), None
        chars[start:end] = [(ch, fmt, look) for ch in text]
        runs: list[Run] = []
        for ch, f, lk in chars:
            if runs and runs[-1].format == f and runs[-1].look == lk:
                runs[-1].text += ch
            else:
                runs.append(Run(ch, f, lk))
        self.runs = runs

    @classmethod
    def plain(cls, text: str, **kwargs: Any) -> Block:
        return cls(runs=[Run(text)] if text else [], **kwargs)


@dataclass
class Document:
    blocks: list[Block] = field(default_factory=list)
    # The reader's handle on the package (for .docx: everything outside the blocks).
    source: Any = None
    # "docx" or "text": how the document was read, which decides how it is saved.
    origin: str = "text"
    # How each table of the body looks, indexed by ``CellRef.table`` (empty for text documents
    # and where the reader did not resolve it). Display only.
    tables: list[TableLook] = field(default_factory=list)
    # The document's list definitions (an ``app.core.numbering.Numbering``; None: no lists), to
    # work the labels out again after blocks move.
    numbering: Any = None
    # Whether one paragraph's space after and the next one's space before add up (else the larger
    # of the two is the gap), as the file's settings say. Display only.
    spacing_adds: bool = True

    @property
    def texts(self) -> list[str]:
        return [block.text for block in self.blocks]

    @classmethod
    def from_lines(cls, lines: list[str]) -> Document:
        return cls(blocks=[Block.plain(line) for line in lines], origin="text")
