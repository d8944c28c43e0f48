"""Plain-text reports: UTF-8 (with or without BOM), UTF-16 with BOM, and GB18030/GBK, which is
what Notepad and WPS on Chinese Windows write. The encoding is told apart without asking."""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from app.core.document import Document
from app.io.errors import DocumentError
from app.io.limits import MAX_TEXT_BYTES

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_LINE_END = re.compile(r"\r\n|\r|\n")
# C0 controls other than tab, line ends and form feed: text files have (almost) none of these.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding name) of a text file's bytes; DocumentError when it is not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DocumentError("文件的文字编码有误，无法读取。", str(exc)) from None
    if b"\x00" in data:
        raise DocumentError("这不是文本文件（含有二进制内容），无法作为文本打开。")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if len(_CONTROL.findall(text[:65536])) > max(2, len(text[:65536]) // 200):
            raise DocumentError("这不是文本文件（含有二进制内容），无法作为文本打开。")
        return text, encoding
    raise DocumentError("无法识别文件的文字编码。请在记事本或 WPS 中另存为 UTF-8 编码后再打开。")


def split_lines(text: str) -> list[str]:
    """Lines split at \\n, \\r\\n and \\r; a final line end does not start another line."""
    lines = _LINE_END.split(text)
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return lines


def read_text(path: Path) -> Document:
    data = _read_bytes(path)
    text, _ = decode(data)
    return Document.from_lines(split_lines(text))


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path}", str(exc)) from None
    if size > MAX_TEXT_BYTES:
        raise DocumentError("文件太大（超过 64 MB），不像是一份报告，无法作为文本打开。")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"无法读取文件：{path}", str(exc)) from None
