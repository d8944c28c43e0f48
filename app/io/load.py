"""Open any file the user hands us: .docx, or text, told apart by content as well as by name."""
from __future__ import annotations

from pathlib import Path

from app.core.document import Document
from app.io.errors import DocumentError

DOCX_SUFFIXES = {".docx", ".docm", ".dotx", ".dotm"}
BINARY_OFFICE_SUFFIXES = {".doc", ".wps", ".dot", ".wpt", ".et", ".xls", ".ppt"}


def load(path: str | Path) -> Document:
    """Read ``path`` into a Document; DocumentError (a Chinese message) for anything unreadable."""
    path = Path(path)
    if not path.exists():
        raise DocumentError(f"找不到文件：{path}")
    if path.is_dir():
        raise DocumentError(f"这是一个文件夹，不是文档：{path}")
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path}", str(exc)) from None
    if not head:
        raise DocumentError("文件是空的（0 字节），没有可打开的内容。")
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix in DOCX_SUFFIXES or suffix in BINARY_OFFICE_SUFFIXES:
        from app.io.docx_reader import read_docx

        return read_docx(path)
    from app.io.text import read_text

    return read_text(path)
