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
    if path.name.startswith(("~$", ".~lock.")):
        _refuse_owner_file(path)
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix in DOCX_SUFFIXES or suffix in BINARY_OFFICE_SUFFIXES:
        from app.io.docx_reader import read_docx

        return read_docx(path)
    from app.io.text import read_text

    return read_text(path)


def _refuse_owner_file(path: Path) -> None:
    """People double-click the "~$" file Word or WPS leaves beside a document it has open."""
    from app.io.locks import read_owner_file

    owner = read_owner_file(path)
    if owner is None:
        return
    who = f"（记录的使用者：{owner.owner}）" if owner.owner else ""
    document = path.name[2:] if path.name.startswith("~$") else path.name[len(".~lock."):].rstrip("#")
    raise DocumentError(
        f"这是 {owner.program} 打开文档时生成的临时锁定文件{who}，不是文档本身。"
        f"请打开同一文件夹中对应的文档（名称类似“…{document}”）。"
    )
