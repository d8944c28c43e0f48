"""Bad files: each is refused with a Chinese message (DocumentError), and `python -m app scan`
answers with that message on stderr, exit 2, no traceback and nothing written. Every bad file
is built here, in tmp_path, by the test itself."""
from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from app.io.errors import DocumentError
from app.io.limits import MAX_PACKAGE_UNCOMPRESSED
from app.io.load import load

ROOT = Path(__file__).resolve().parents[2]
CJK = __import__("re").compile(r"[\u4e00-\u9fff]")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)
ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def document_xml(body: str, ns: str = W_NS, prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
            f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>')


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def write_docx(path: Path, parts: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def good_parts(body: str | None = None) -> dict[str, str | bytes]:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": ROOT_RELS,
        "word/document.xml": document_xml(body if body is not None else paragraph("本季度召开会议X次。")),
    }


def run_scan(path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "app", "scan", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def assert_refused(path: Path, *words: str) -> DocumentError:
    """load() refuses with a Chinese message naming ``words``; the command line says the same
    on stderr with exit 2 and no traceback, and writes nothing beside the file."""
    with pytest.raises(DocumentError) as caught:
        load(path)
    message = caught.value.message
    assert CJK.search(message), message
    for word in words:
        assert word in message, message
    folder = path.parent if path.parent.exists() else None
    before = sorted(os.listdir(folder)) if folder else None
    done = run_scan(path)
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert message in done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.stdout == ""
    if folder:
        assert sorted(os.listdir(folder)) == before
    return caught.value


# --- files that are not a .docx at all -------------------------------------------------------

def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    path.write_bytes(b"This is just some text pretending to be a Word file.\n" * 20)
    assert_refused(path, "不是有效的 Word 文档")


def test_old_binary_doc_advises_saving_as_docx(tmp_path: Path) -> None:
    # An OLE compound file header followed by a plausible sector layout, as .doc and .wps are.
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16) + struct.pack("<HHH", 0x3E, 3, 0xFFFE)
    for name in ("去年的总结.doc", "模板.wps"):
        path = tmp_path / name
        path.write_bytes(header + bytes(512 - len(header)) + os.urandom(1024))
        assert_refused(path, ".docx", "另存为")
        with pytest.raises(DocumentError) as refused:
            load(path)
        assert "密码" not in refused.value.message  # a plain .doc has none to remove


def test_encrypted_docx_is_an_ole_container(tmp_path: Path) -> None:
    # Word stores a password-protected .docx as an OLE file holding EncryptionInfo and EncryptedPackage.
    path = tmp_path / "加密.docx"
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(100) + "EncryptedPackage".encode("utf-16-le")
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096) + directory)
    assert_refused(path, "密码", ".docx")


def test_truncated_zip(tmp_path: Path) -> None:
    whole = write_docx(tmp_path / "whole.docx", good_parts(paragraph("完整的段落。") * 200))
    data = whole.read_bytes()
    for cut in (len(data) // 3, len(data) // 2, len(data) - 30):
        path = tmp_path / f"cut{cut}.docx"
        path.write_bytes(data[:cut])
        assert_refused(path, "损坏")


def test_no_main_document_part(tmp_path: Path) -> None:
    parts = good_parts()
    del parts["word/document.xml"]
    assert_refused(write_docx(tmp_path / "无正文.docx", parts), "正文")


def test_no_relationships_part(tmp_path: Path) -> None:
    parts = good_parts()
    del parts["_rels/.rels"]
    assert_refused(write_docx(tmp_path / "无关系.docx", parts), "正文")


def test_zip_of_something_else(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "照片.docx", {"a.jpg": os.urandom(300), "readme.txt": "hello"})
    assert_refused(path, "不是有效的 Word 文档")


def test_strict_ooxml(tmp_path: Path) -> None:
    parts = good_parts()
    parts["word/document.xml"] = document_xml(paragraph("严格格式"), ns="http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert_refused(write_docx(tmp_path / "strict.docx", parts), "严格 Open XML")


def test_encrypted_zip_member(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "enc.docx", good_parts())
    data = bytearray(path.read_bytes())
    # Set the "encrypted" flag bit on every local and central header, as a zip password tool would.
    for sig, flag_at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (at := data.find(sig, start)) >= 0:
            data[at + flag_at] |= 1
            start = at + 4
    path.write_bytes(bytes(data))
    assert_refused(path)


# --- hostile XML -----------------------------------------------------------------------------

def test_deeply_nested_xml(tmp_path: Path) -> None:
    depth = 100_000
    body = "<w:sdt><w:sdtContent>" * depth + paragraph("深") + "</w:sdtContent></w:sdt>" * depth
    path = write_docx(tmp_path / "深.docx", good_parts(body))
    assert_refused(path, "损坏")


def test_billion_laughs_is_not_expanded(tmp_path: Path) -> None:
    entities = '<!ENTITY lol "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    prolog = f"<!DOCTYPE w:document [{entities}]>"
    parts = good_parts()
    parts["word/document.xml"] = document_xml(paragraph("&lol9;"), prolog=prolog)
    path = write_docx(tmp_path / "laughs.docx", parts)
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "DTD" in caught.value.message or "实体" in caught.value.message
    assert peak < 64 * 1024 * 1024
    assert_refused(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    prolog = f'<!DOCTYPE w:document [<!ENTITY x SYSTEM "file://{secret.as_posix()}">]>'
    parts = good_parts()
    parts["word/document.xml"] = document_xml(paragraph("&x;"), prolog=prolog)
    assert_refused(write_docx(tmp_path / "xxe.docx", parts))


# --- zip bombs: refused from the directory, before decompressing -----------------------------

def _zeros_member(zf: zipfile.ZipFile, name: str, size: int) -> None:
    info = zipfile.ZipInfo(name)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=True) as out:
        chunk = bytes(1024 * 1024)
        for _ in range(size // len(chunk)):
            out.write(chunk)


def _peak_memory_of_load(path: Path) -> tuple[DocumentError, int]:
    tracemalloc.start()
    try:
        with pytest.raises(DocumentError) as caught:
            load(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return caught.value, peak


def test_zip_bomb_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in good_parts().items():
            zf.writestr(name, data)
        _zeros_member(zf, "word/media/image1.png", 40 * 1024 * 1024)
    assert path.stat().st_size < 1024 * 1024
    error, peak = _peak_memory_of_load(path)
    assert "过大" in error.message
    assert peak < 8 * 1024 * 1024
    assert_refused(path, "过大")


def test_zip_bomb_total_size(tmp_path: Path) -> None:
    # Many members, each modest, that together pass the package limit.
    path = tmp_path / "many.docx"
    member = 6 * 1024 * 1024
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for name, data in good_parts().items():
            zf.writestr(name, data)
    # Stored members would need real bytes on disk; instead write one real member and repeat its
    # directory entry, the way crafted "overlapping" bombs do.
    blob = os.urandom(64)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as zf:
        zf.writestr("word/media/seed.bin", blob)
    data = bytearray(path.read_bytes())
    _inflate_declared_sizes(data, b"word/media/seed.bin", member)
    count = MAX_PACKAGE_UNCOMPRESSED // member + 2
    data = _repeat_central_entry(data, b"word/media/seed.bin", count)
    path.write_bytes(bytes(data))
    error, peak = _peak_memory_of_load(path)
    assert "过大" in error.message or "过多" in error.message
    assert peak < 8 * 1024 * 1024


def test_zip_bomb_lying_sizes(tmp_path: Path) -> None:
    # The directory claims a small part but the deflate stream holds 40 MB: zipfile stops at the
    # declared size, so the read fails its CRC check instead of filling memory.
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    stream = b"".join(raw.compress(bytes(1024 * 1024)) for _ in range(40)) + raw.flush()
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in good_parts().items():
            zf.writestr(name, data)
        info = zipfile.ZipInfo("word/document2.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, b"<a/>")
    data = path.read_bytes()
    # Swap the tiny member's stream for the big one, keeping its small declared size.
    forged = _swap_member_stream(data, b"word/document2.xml", stream)
    path.write_bytes(forged)
    tracemalloc.start()
    try:
        try:
            load(path)
        except DocumentError:
            pass
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 32 * 1024 * 1024


def _inflate_declared_sizes(data: bytearray, name: bytes, size: int, ratio: int = 300) -> None:
    """Rewrite the uncompressed and compressed sizes of ``name`` in its central directory entry."""
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == name:
            struct.pack_into("<II", data, at + 20, size // ratio, size)
            return
        at = data.find(b"PK\x01\x02", at + 4)
    raise AssertionError("member not found")


def _repeat_central_entry(data: bytearray, name: bytes, count: int) -> bytearray:
    end = data.rfind(b"PK\x05\x06")
    entries = struct.unpack_from("<H", data, end + 10)[0]
    cd_size, cd_offset = struct.unpack_from("<II", data, end + 12)
    at = data.find(b"PK\x01\x02", cd_offset)
    while at >= 0:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, at + 28)
        length = 46 + name_len + extra_len + comment_len
        if data[at + 46:at + 46 + name_len] == name:
            entry = bytes(data[at:at + length])
            break
        at = data.find(b"PK\x01\x02", at + length)
    else:
        raise AssertionError("member not found")
    central = bytes(data[cd_offset:cd_offset + cd_size]) + entry * count
    total = entries + count
    eocd = bytearray(data[end:end + 22])
    struct.pack_into("<HHII", eocd, 8, total & 0xFFFF, total & 0xFFFF, len(central), cd_offset)
    return bytearray(data[:cd_offset]) + central + eocd


def _swap_member_stream(data: bytes, name: bytes, stream: bytes) -> bytes:
    """Replace a deflated member's data with ``stream`` and fix the offsets that follow, leaving
    its declared sizes and CRC as they were."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name.decode())
        infos = zf.infolist()
    start = info.header_offset
    name_len, extra_len = struct.unpack_from("<HH", data, start + 26)
    data_at = start + 30 + name_len + extra_len
    old_end = data_at + info.compress_size
    grow = len(stream) - info.compress_size
    out = bytearray(data[:data_at] + stream + data[old_end:])
    # Central directory entries for members after it move by `grow`.
    end = out.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", out, end + 12)
    at = cd_offset + grow
    for _ in infos:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", out, at + 28)
        offset = struct.unpack_from("<I", out, at + 42)[0]
        if offset > start:
            struct.pack_into("<I", out, at + 42, offset + grow)
        at += 46 + name_len + extra_len + comment_len
    struct.pack_into("<I", out, end + 16, cd_offset + grow)
    return bytes(out)


# --- text files ------------------------------------------------------------------------------

def test_binary_file_named_txt(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(9) + os.urandom(2000))
    assert_refused(path, "不是文本文件")


def test_control_characters_named_txt(tmp_path: Path) -> None:
    # No NUL bytes, yet plainly not text: a stream of control characters.
    path = tmp_path / "总结.txt"
    path.write_bytes(bytes(range(1, 9)) * 300)
    assert_refused(path, "不是文本文件")


def test_unknown_text_encoding(tmp_path: Path) -> None:
    # Bytes valid in neither UTF-8 nor GB18030 (0x80 and 0xFF never lead a GB18030 character).
    path = tmp_path / "编码.txt"
    path.write_bytes("工作总结".encode("gb18030") + b"\x80\xff\x80\xff" + "第二段".encode("utf-8"))
    assert_refused(path, "编码")


def test_broken_utf16(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(b"\xff\xfe" + "报告".encode("utf-16-le") + b"\x00\xd8")  # a lone high surrogate
    assert_refused(path, "编码")


def test_zero_byte_file(tmp_path: Path) -> None:
    for name in ("空.docx", "空.txt"):
        path = tmp_path / name
        path.write_bytes(b"")
        assert_refused(path, "0 字节")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "一个 文件夹.docx"
    folder.mkdir()
    assert_refused(folder, "文件夹")


def test_missing_path(tmp_path: Path) -> None:
    assert_refused(tmp_path / "不存在 的报告.docx", "找不到")
    assert_refused(tmp_path / "no such dir" / "x.txt", "找不到")


def test_word_owner_file_opened_by_mistake(tmp_path: Path) -> None:
    name = "述职报告.docx"
    owner = tmp_path / ("~$" + name)
    label = "张三"
    owner.write_bytes(bytes([2]) + b"zs".ljust(53, b"\0") + struct.pack("<H", 2)
                      + label.encode("utf-16-le").ljust(108, b"\0"))
    assert_refused(owner, "临时")


# --- good files in awkward places still open --------------------------------------------------

def test_chinese_and_spaces_in_path(tmp_path: Path) -> None:
    folder = tmp_path / "二〇二五年 工作 材料" / "第 一 季度"
    folder.mkdir(parents=True)
    docx_path = write_docx(folder / "述职 报告（初稿）.docx", good_parts(paragraph("召开党组会X次。")))
    text_path = folder / "工作 总结 #1.txt"
    text_path.write_text("一、主要工作\n完成项目X个。\n", encoding="gb18030")
    for path in (docx_path, text_path):
        document = load(path)
        assert any("X" in block.text for block in document.blocks)
        done = run_scan(path)
        assert done.returncode == 1, done.stderr  # 1: placeholders found
        assert path.name in done.stdout


def test_read_only_file_opens(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "只读.docx", good_parts(paragraph("只读文件中的X项。")))
    path.chmod(0o444)
    folder = tmp_path / "ro"
    folder.mkdir()
    text = folder / "只读.txt"
    text.write_text("只读文件夹里的报告，完成X项。", encoding="utf-8")
    text.chmod(0o444)
    folder.chmod(0o555)
    try:
        assert "X" in load(path).blocks[0].text
        assert "X" in load(text).blocks[0].text
        assert run_scan(text).returncode == 1
        assert sorted(os.listdir(folder)) == ["只读.txt"]
    finally:
        folder.chmod(0o755)


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "无权限.docx", good_parts())
    path.chmod(0)
    if os.access(path, os.R_OK):
        # root reads anything: prove the message path with a reader that is refused instead.
        real_open = Path.open

        def denied(self: Path, *args, **kwargs):  # noqa: ANN001, ANN202
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(Path, "open", denied)
            with pytest.raises(DocumentError) as caught:
                load(path)
    else:
        with pytest.raises(DocumentError) as caught:
            load(path)
    assert "无法读取" in caught.value.message


def test_main_part_without_body(tmp_path: Path) -> None:
    # Found by the fuzzer: a well-formed w:document whose w:body is gone.
    parts = good_parts()
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f'<w:document xmlns:w="{W_NS}"></w:document>')
    assert_refused(write_docx(tmp_path / "无body.docx", parts), "正文")


def test_huge_text_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    from app.io.limits import MAX_TEXT_BYTES

    path = tmp_path / "巨大.txt"
    with path.open("wb") as fh:  # sparse: costs no disk and no time
        fh.truncate(MAX_TEXT_BYTES + 1)
    error, peak = _peak_memory_of_load(path)
    assert "太大" in error.message
    assert peak < 8 * 1024 * 1024


def test_oversized_xml_part_is_refused(tmp_path: Path) -> None:
    from app.io.limits import MAX_XML_PART

    path = write_docx(tmp_path / "大.docx", {**good_parts(), "word/footnotes.xml": "<a/>"})
    data = bytearray(path.read_bytes())
    _inflate_declared_sizes(data, b"word/footnotes.xml", MAX_XML_PART + 1, ratio=10)
    path.write_bytes(bytes(data))
    # Declared at 64 MB + 1 of XML with a plausible ratio: refused by the part limit alone.
    error, peak = _peak_memory_of_load(path)
    assert "过大" in error.message
    assert "XML" in error.detail
    assert peak < 8 * 1024 * 1024


@pytest.mark.parametrize("command", [["convert"], ["fill", "--set", "1=5"], ["clean"], ["renumber"]])
def test_writing_commands_write_nothing_for_a_bad_input(tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(500))
    out = tmp_path / "输出.docx"
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    done = subprocess.run([sys.executable, "-m", "app", *command, str(bad), str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 2, done.stderr
    assert "错误" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["坏.docx"]


def test_root_element_that_is_not_a_document(tmp_path: Path) -> None:
    # Found by the fuzzer: a renamed root element parses, but has no body to read.
    parts = good_parts()
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                                  f'<w:documentx xmlns:w="{W_NS}"><w:body>{paragraph("正文")}</w:body></w:documentx>')
    assert_refused(write_docx(tmp_path / "根.docx", parts), "正文")


def test_non_ascii_element_name_in_run_properties_still_opens(tmp_path: Path) -> None:
    # Found by the fuzzer: CJK characters are legal in XML names; the reader's format cache
    # must not turn them into character references it cannot parse back.
    body = f'<w:p><w:r><w:rPr><w:b/><w:标记/><w:sz w:val="32"/></w:rPr><w:t>召开会议X次</w:t></w:r></w:p>'
    document = load(write_docx(tmp_path / "名.docx", good_parts(body)))
    run = document.blocks[0].runs[0]
    assert run.text == "召开会议X次" and run.format.bold and run.format.size_pt == 16


def test_stray_text_after_run_properties_still_opens(tmp_path: Path) -> None:
    # Found by the fuzzer: text directly after w:rPr (invalid, but it parses) must not break the
    # format cache, which serialises the properties element on its own.
    body = ('<w:p><w:pPr><w:jc w:val="center"/></w:pPr>多余<w:r><w:rPr><w:i/></w:rPr>X次'
            '<w:t>完成X项</w:t></w:r></w:p>')
    document = load(write_docx(tmp_path / "尾.docx", good_parts(body)))
    assert document.blocks[0].text == "完成X项"
    assert document.blocks[0].runs[0].format.italic and document.blocks[0].format.alignment == "center"
