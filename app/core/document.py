"""The document model shared by the readers, the writer, the engine and the window.

A document is a flat list of blocks in reading order: body paragraphs, and the paragraphs of
table cells in place of their table. Each block is a list of styled runs. Whatever the editor
does not understand stays with the reader (``Block.source``) so that the writer can put it
back untouched.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any


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


@dataclass
class Run:
    text: str
    format: RunFormat = field(default_factory=RunFormat)


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

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)

    def replace_text(self, start: int, end: int, text: str) -> None:
        """Replace ``self.text[start:end]`` with ``text``. The new text takes the format of the
        run the replaced span starts in (a figure typed over a bold 黑体 X is bold 黑体)."""
        chars = [(ch, run.format) for run in self.runs for ch in run.text]
        if not 0 <= start <= end <= len(chars):
            raise ValueError(f"span {start}:{end} outside a block of {len(chars)} characters")
        if start < len(chars):
            fmt = chars[start][1]
        elif chars:
            fmt = chars[-1][1]
        else:
            fmt = RunFormat()
        chars[start:end] = [(ch, fmt) for ch in text]
        runs: list[Run] = []
        for ch, f in chars:
            if runs and runs[-1].format == f:
                runs[-1].text += ch
            else:
                runs.append(Run(ch, f))
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

    @property
    def texts(self) -> list[str]:
        return [block.text for block in self.blocks]

    @classmethod
    def from_lines(cls, lines: list[str]) -> Document:
        return cls(blocks=[Block.plain(line) for line in lines], origin="text")
