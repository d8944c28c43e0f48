"""Owner files of Word/WPS/LibreOffice, and Tianbao's own one-document-one-owner lock."""
from __future__ import annotations

import os
import signal
import socket
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.io.locks import DocumentLock, foreign_owner, lock_key, owner_file_names, read_owner_file

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "docx"


def word_owner_file(path: Path, ansi: bytes, wide: str) -> Path:
    """The 162-byte layout Word writes: length + ANSI name in 54 bytes, then length + UTF-16 name."""
    data = bytes([len(ansi)]) + ansi.ljust(53, b"\0") + struct.pack("<H", len(wide))
    data += wide.encode("utf-16-le")
    path.write_bytes(data.ljust(162, b"\0"))
    return path


@pytest.mark.parametrize("document, expected", [
    ("a.docx", ["~$a.docx", ".~lock.a.docx#"]),
    ("report.docx", ["~$report.docx", ".~lock.report.docx#"]),
    ("example.docx", ["~$xample.docx", "~$example.docx", ".~lock.example.docx#"]),
    ("template.docx", ["~$mplate.docx", "~$template.docx", ".~lock.template.docx#"]),
    ("二〇二五年述职报告.docx", ["~$二五年述职报告.docx", "~$二〇二五年述职报告.docx", ".~lock.二〇二五年述职报告.docx#"]),
])
def test_owner_file_names(document: str, expected: list[str]) -> None:
    assert owner_file_names(document) == expected


def test_word_owner_file_names_the_owner(tmp_path: Path) -> None:
    document = tmp_path / "述职报告.docx"
    document.write_bytes(b"PK\x03\x04")
    assert foreign_owner(document) is None
    word_owner_file(tmp_path / "~$述职报告.docx", "张三".encode("gb18030"), "张三")
    found = foreign_owner(document)
    assert found is not None and found.owner == "张三" and found.program == "Word/WPS"
    assert "张三" in found.describe()


def test_long_name_uses_words_shortened_owner_file(tmp_path: Path) -> None:
    document = tmp_path / "2025年度个人述职报告.docx"
    word_owner_file(tmp_path / ("~$" + document.name[2:]), b"li", "李四")
    found = foreign_owner(document)
    assert found is not None and found.owner == "李四"


def test_owner_name_from_ansi_field_when_wide_one_is_blank(tmp_path: Path) -> None:
    path = tmp_path / "~$abc.docx"
    path.write_bytes(bytes([4]) + "王五".encode("gb18030").ljust(53, b"\0") + bytes(108))
    found = read_owner_file(path)
    assert found is not None and found.owner == "王五"


def test_libreoffice_lock_file(tmp_path: Path) -> None:
    document = tmp_path / "工作总结.docx"
    (tmp_path / ".~lock.工作总结.docx#").write_text(
        "赵六,zhaoliu,办公室电脑,28.11.2026 09:12,file:///home/zhaoliu/%E5%B7%A5.docx;\n", encoding="utf-8")
    found = foreign_owner(document)
    assert found is not None
    assert (found.program, found.owner, found.host) == ("LibreOffice", "赵六", "办公室电脑")
    assert "办公室电脑" in found.describe()


def test_not_owner_files(tmp_path: Path) -> None:
    (tmp_path / "~$real.docx").write_bytes(b"PK\x03\x04" + bytes(200))   # a real document named ~$
    assert read_owner_file(tmp_path / "~$real.docx") is None
    (tmp_path / "~$big.docx").write_bytes(os.urandom(10_000))
    assert read_owner_file(tmp_path / "~$big.docx") is None
    assert read_owner_file(tmp_path / "~$missing.docx") is None
    assert read_owner_file(tmp_path / "plain.docx") is None


@pytest.mark.parametrize("name, owner", [("poi-tl__tilde-dollar_mplate.docx", "Administrator"),
                                         ("python-mammoth__tilde-dollar_xample.docx", "angus parsonson")])
def test_real_word_owner_files_from_corpus(tmp_path: Path, name: str, owner: str) -> None:
    source = CORPUS / name
    if not source.exists():
        pytest.skip(f"shared corpus not present: {source}")
    # The corpus renamed them; put one back under the name Word gave it.
    copy = tmp_path / ("~$" + name.split("tilde-dollar_", 1)[1])
    copy.write_bytes(source.read_bytes())
    found = read_owner_file(copy)
    assert found is not None and found.owner == owner


# --- Tianbao's own lock ------------------------------------------------------------------------

def test_lock_is_exclusive_and_released(tmp_path: Path) -> None:
    document = tmp_path / "报告.docx"
    locks = tmp_path / "locks"
    first = DocumentLock.acquire(document, root=locks, endpoint="tianbao-123")
    assert first is not None and first.held
    assert DocumentLock.acquire(document, root=locks) is None
    holder = DocumentLock.holder(document, root=locks)
    assert holder is not None
    assert (holder.pid, holder.host, holder.endpoint) == (os.getpid(), socket.gethostname(), "tianbao-123")
    assert holder.document == str(document)
    first.release()
    first.release()
    assert not first.held
    assert DocumentLock.holder(document, root=locks) is None
    assert not first.path.exists()
    with DocumentLock.acquire(document, root=locks) as again:  # type: ignore[union-attr]
        assert again.held
    assert DocumentLock.holder(document, root=locks) is None


def test_same_document_by_another_path_is_the_same_lock(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    document = tmp_path / "sub" / "a.docx"
    document.write_bytes(b"x")
    roundabout = tmp_path / "sub" / ".." / "sub" / "a.docx"
    assert lock_key(document) == lock_key(roundabout)
    link = tmp_path / "link.docx"
    link.symlink_to(document)
    assert lock_key(link) == lock_key(document)
    lock = DocumentLock.acquire(document, root=tmp_path / "locks")
    assert DocumentLock.acquire(link, root=tmp_path / "locks") is None
    assert lock is not None
    lock.release()


HOLDER = textwrap.dedent("""
    import sys, time
    from app.io.locks import DocumentLock
    lock = DocumentLock.acquire(sys.argv[1], root=sys.argv[2], endpoint="win-x")
    print("held" if lock else "refused", flush=True)
    time.sleep(600)
""")


def test_lock_of_a_killed_process_is_taken_over(tmp_path: Path) -> None:
    document, locks = tmp_path / "报告 一.docx", tmp_path / "locks"
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(document), str(locks)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"  # type: ignore[union-attr]
        holder = DocumentLock.holder(document, root=locks)
        assert holder is not None and holder.pid == child.pid and holder.endpoint == "win-x"
        assert DocumentLock.acquire(document, root=locks) is None
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    # The lock file is still there, but its lock died with the process.
    assert DocumentLock.lock_path(document, locks).exists()
    assert DocumentLock.holder(document, root=locks) is None
    mine = DocumentLock.acquire(document, root=locks)
    assert mine is not None
    holder = DocumentLock.holder(document, root=locks)
    assert holder is not None and holder.pid == os.getpid()
    mine.release()


def test_damaged_lock_file_does_not_break_holder(tmp_path: Path) -> None:
    document, locks = tmp_path / "a.docx", tmp_path / "locks"
    lock = DocumentLock.acquire(document, root=locks)
    assert lock is not None
    lock.path.write_bytes(b"\xff\xfe not json")
    holder = DocumentLock.holder(document, root=locks)
    assert holder is not None and holder.pid is None
    lock.release()
