"""Bounds on what a file may make us read, so a hostile or broken file costs seconds and a
bounded amount of memory, never minutes or gigabytes.

The numbers leave room for the largest real reports (hundreds of pages with photos) while a
zip bomb, whose parts claim thousands of times their compressed size, is refused from the zip
directory alone, before one byte is decompressed.
"""
from __future__ import annotations

import zipfile

from app.io.errors import DocumentError

MB = 1024 * 1024
# The whole package once decompressed: python-docx keeps every part in memory.
MAX_PACKAGE_UNCOMPRESSED = 256 * MB
# One XML part: lxml's tree takes several times the text, and a 500-page report's
# document.xml is about 10 MB.
MAX_XML_PART = 64 * MB
# A real .docx has tens of parts; thousands mean a crafted or damaged file.
MAX_MEMBERS = 5000
# Deflated XML shrinks 5-30 times; repeated markup in a large table can reach ~100. Bombs
# are in the thousands. The ratio only counts for members big enough to matter.
MAX_RATIO = 200
RATIO_APPLIES_ABOVE = 8 * MB
# Plain text: a report is well under a megabyte.
MAX_TEXT_BYTES = 64 * MB

_TOO_BIG = "文件解压后过大，可能已损坏或是恶意构造的文件，已拒绝打开。"


def check_zip_budget(zf: zipfile.ZipFile) -> None:
    """Refuse a package whose directory promises more than we are willing to decompress.

    zipfile stops each member at the size its directory entry declares, so checking the
    declared sizes here bounds what any later read (python-docx included) can produce.
    """
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise DocumentError(f"文件包含的部件过多（{len(infos)} 个），可能已损坏或是恶意构造的文件，已拒绝打开。")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if total > MAX_PACKAGE_UNCOMPRESSED:
            raise DocumentError(_TOO_BIG, f"declared total > {MAX_PACKAGE_UNCOMPRESSED} bytes")
        name = info.filename.lower()
        if (name.endswith(".xml") or name.endswith(".rels")) and size > MAX_XML_PART:
            raise DocumentError(_TOO_BIG, f"{info.filename}: {size} bytes of XML")
        if size > RATIO_APPLIES_ABOVE and size > MAX_RATIO * max(info.compress_size, 1):
            raise DocumentError(_TOO_BIG, f"{info.filename}: {size} from {info.compress_size} bytes")


_XML_SUFFIXES = (".xml", ".rels")
# Where a DOCTYPE would have to be: the prolog, before the root element.
_PROLOG_BYTES = 4096


def check_no_dtd(zf: zipfile.ZipFile) -> None:
    """Refuse XML parts that declare a DTD. Word never writes one (and refuses to open files that
    do); here it could only serve entity expansion ("billion laughs") or external entities."""
    for info in zf.infolist():
        if not info.filename.lower().endswith(_XML_SUFFIXES):
            continue
        with zf.open(info) as fh:
            head = fh.read(_PROLOG_BYTES)
        for marker in (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!DOCTYPE".encode("utf-16-be")):
            if marker in head:
                raise DocumentError("文档中含有 DTD 或实体声明（正常的 Word 文档不会有），可能是恶意构造的文件，已拒绝打开。",
                                    info.filename)
