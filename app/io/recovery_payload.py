"""What a recovery copy holds: the document as the editor shows it, so that after a crash it
comes back with the same text and formatting, and saves as losslessly as the original would.

A copy is one JSON line (the blocks: runs with their RunFormat, ParagraphFormat, style, outline
level, table cell) followed, for a document opened from a .docx, by the bytes of the package
the blocks belong to, *as it is in memory*, not as edited. Each block names its paragraph in
that package by position. Restoring reads the package and puts each block over its paragraph,
so the restored Document is exactly "that file, with these edits": untouched paragraphs keep
their XML (images, fields, comments), changed ones are written by the lossless writer on save.

Why not write the edited .docx itself? The writer applies edits to the live package in place;
doing that every few seconds behind the user's back would make each autosave a save (a deleted
paragraph gone from the XML before the user undoes the deletion). Serialising the package as it
stands changes nothing and, when nothing beyond the body changed, is the file's own bytes.
Why not Qt's HTML? It loses what the editor does not show and ties the copy to Qt.

Qt-free: the window calls ``recovery_bytes`` on an autosave tick and ``restore`` on 恢复.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.document import Block, CellRef, Document, ParagraphFormat, Run, RunFormat
from app.core.numbering import relabel
from app.io.errors import DocumentError

MAGIC = b"TIANBAO-COPY 1\n"
_RUN_FIELDS = {f.name for f in fields(RunFormat)}
_NO_PARAGRAPH_FORMAT = ParagraphFormat()
_PARAGRAPH_FIELDS = {f.name for f in fields(ParagraphFormat)}
_DAMAGED = "恢复副本已损坏，无法恢复。"


@dataclass
class RecoveredCopy:
    """A restored document and what the window needs to carry on where it stopped."""

    document: Document
    title: str | None
    # The original file's mtime when it was opened (or last saved) in the crashed window, so
    # saving still asks before overwriting a file someone changed meanwhile.
    opened_mtime: float | None


def _package_bytes(package: Any) -> bytes:
    """The .docx bytes of ``package`` as it is in memory, without touching it."""
    from app.io.docx_reader import package_state
    from app.io.docx_writer import rezip

    state = package_state(package)
    if state.saved is None:
        buffer = io.BytesIO()
        package.save(buffer)
        return buffer.getvalue()
    if not state.main_changed:
        return state.saved
    main = package.part
    return rezip(state.saved, {str(main.partname).lstrip("/"): main.blob})


@lru_cache(maxsize=4096)
def _compact(value: RunFormat | ParagraphFormat) -> dict[str, Any]:
    # Formats are few and frozen: a long report has thousands of runs but tens of formats.
    return {f.name: getattr(value, f.name) for f in fields(value) if getattr(value, f.name) is not None}


def recovery_bytes(document: Document, *, title: str | None = None, opened_mtime: float | None = None) -> bytes:
    """The recovery copy of ``document`` (as exported from the editor)."""
    package = document.source if document.origin == "docx" else None
    index: dict[Any, int] = {}
    base = b""
    if package is not None:
        from app.io.docx_reader import paragraph_elements
        from app.io.docx_writer import PICTURE_TAGS, pictures_of

        base = _package_bytes(package)
        index = {p: i for i, p in enumerate(paragraph_elements(package.element.body))}
    blocks = []
    for block in document.blocks:
        item: dict[str, Any] = {"runs": [[run.text, _compact(run.format)] for run in block.runs]}
        if block.style is not None:
            item["style"] = block.style
        if block.outline_level is not None:
            item["level"] = block.outline_level
        if block.is_title_style:
            item["title_style"] = True
        if block.format != _NO_PARAGRAPH_FORMAT:
            item["format"] = _compact(block.format)
        if block.cell is not None:
            item["cell"] = [block.cell.table, block.cell.row, block.cell.col]
        if block.source is not None and block.source in index:
            item["p"] = index[block.source]
            # Most paragraphs hold no picture at all: lxml's own search tells, without the run walk.
            has_pictures = block.images or next(block.source.iter(*PICTURE_TAGS), None) is not None
            shown = _pictures_shown(block, pictures_of) if has_pictures else None
            if shown is not None:
                item["images"] = shown
        blocks.append(item)
    header = {"origin": "docx" if package is not None else "text", "title": title,
              "opened_mtime": opened_mtime, "blocks": blocks}
    return MAGIC + json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n" + base


def _pictures_shown(block: Block, pictures_of: Any) -> list[list[int]] | None:
    """Which of its paragraph's pictures the block still shows, and where: [[n, offset], ...], n
    counting the paragraph's pictures in order (``pictures_of``: docx_writer's); None when it shows
    them all where they were, or when a picture is not one of the paragraph's own (joined from
    another: kept as read)."""
    own = [child for _, child, _ in pictures_of(block.source)]
    if not own and not block.images:
        return None
    shown = []
    for image in block.images:
        n = next((i for i, child in enumerate(own) if child is image.source), None)
        if n is None:
            return None
        shown.append([n, image.offset])
    return shown


def _images(item: Any, base: Block) -> tuple:
    """The pictures a restored block shows: those the copy lists (a picture deleted in the window
    stays deleted), else all of its paragraph's."""
    shown = item.get("images")
    if not isinstance(shown, list) or base.source is None:
        return base.images
    from app.io.docx_writer import pictures_of

    own = [child for _, child, _ in pictures_of(base.source)]
    images = []
    for n, offset in shown:
        if not (isinstance(n, int) and isinstance(offset, int) and 0 <= n < len(own)):
            raise ValueError(shown)
        image = next((i for i in base.images if i.source is own[n]), None)
        if image is None:
            return base.images  # not a picture the reader shows: keep the paragraph as read
        images.append(replace(image, offset=offset))
    return tuple(images)


def _run_format(data: Any) -> RunFormat:
    if not isinstance(data, dict) or not set(data) <= _RUN_FIELDS:
        raise ValueError(data)
    return RunFormat(**data)


def _paragraph_format(data: Any) -> ParagraphFormat:
    if not isinstance(data, dict) or not set(data) <= _PARAGRAPH_FIELDS:
        raise ValueError(data)
    return ParagraphFormat(**data)


def _block(item: Any, read: list[Block]) -> Block:
    runs = [Run(str(text), _run_format(fmt)) for text, fmt in item["runs"]]
    cell = item.get("cell")
    p = item.get("p")
    base = read[p] if isinstance(p, int) and 0 <= p < len(read) else None
    ref = CellRef(*map(int, cell)) if cell is not None else None
    if ref is not None and base is not None and base.cell == ref:
        ref = base.cell  # with the spans the package gives its cell
    level = item.get("level")
    return Block(runs=runs, style=item.get("style"), outline_level=level if isinstance(level, int) else None,
                 is_title_style=bool(item.get("title_style")),
                 format=_paragraph_format(item.get("format", {})),
                 cell=ref, source=base.source if base is not None else None,
                 # Pictures are the paragraph's, in the package: shown again where they were;
                 # so is its place in a table of contents (a content control, a field).
                 images=_images(item, base) if base is not None else (), toc=base.toc if base is not None else False,
                 # So is the list that numbers it (its label is counted again over the whole copy)
                 # and how Word lays it out.
                 list_ref=base.list_ref if base is not None else None,
                 label_look=base.label_look if base is not None else None,
                 look=base.look if base is not None else None)


def _read_package(data: bytes) -> Document:
    from app.io.docx_reader import read_docx

    # The reader takes a path (it checks the zip's directory before python-docx sees it).
    fd, name = tempfile.mkstemp(prefix="tianbao-recovered-", suffix=".docx")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return read_docx(Path(name))
    finally:
        try:
            os.unlink(name)
        except OSError:
            pass


def restore(payload: bytes | str) -> RecoveredCopy:
    """The document a recovery copy holds; DocumentError when the copy is not one."""
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    if not payload.startswith(MAGIC):
        raise DocumentError(_DAMAGED, "not a Tianbao recovery copy")
    end = payload.find(b"\n", len(MAGIC))
    if end < 0:
        raise DocumentError(_DAMAGED, "no header line")
    try:
        header = json.loads(payload[len(MAGIC):end].decode("utf-8"))
        origin = header["origin"]
        items = header["blocks"]
        if origin not in ("docx", "text") or not isinstance(items, list):
            raise ValueError(origin)
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(_DAMAGED, f"header: {exc}") from None
    package = None
    read: list[Block] = []
    base = None
    if origin == "docx":
        base = _read_package(payload[end + 1:])
        package = base.source
        read = base.blocks
    try:
        blocks = [_block(item, read) for item in items]
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise DocumentError(_DAMAGED, f"blocks: {exc}") from None
    mtime = header.get("opened_mtime")
    title = header.get("title")
    numbering = base.numbering if base is not None else None
    relabel(blocks, numbering)
    document = Document(blocks=blocks, source=package, origin=origin, tables=base.tables if base is not None else [],
                        numbering=numbering, spacing_adds=base.spacing_adds if base is not None else True)
    return RecoveredCopy(document,
                         title if isinstance(title, str) else None,
                         float(mtime) if isinstance(mtime, (int, float)) else None)
