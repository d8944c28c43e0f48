"""Saving: atomic writes, backups of the previous version, the on-disk change check, and clear
Chinese errors that leave the old file intact."""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest

import app.io.save as save
from app.core.document import Document
from app.io import atomic
from app.io.errors import DocumentError
from app.io.load import load
from app.io.save import FileChangedOnDisk, atomic_write_bytes, backups_of, save_document
from tests.fixtures_docx import build_report


@pytest.fixture(autouse=True)
def backups_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "userdata" / "backups"
    monkeypatch.setattr(save, "backup_root", lambda: root)
    return root


def test_atomic_write_replaces_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["a.bin"]


def test_atomic_write_keeps_the_file_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("x")
    target.chmod(0o640)
    atomic_write_bytes(target, b"y")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_failed_replace_leaves_the_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.docx"
    target.write_bytes(b"precious")

    def refuse(src, dst):  # noqa: ANN001, ANN202
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(DocumentError) as err:
        atomic_write_bytes(target, b"new")
    assert "没有写入权限" in err.value.message
    assert target.read_bytes() == b"precious"
    assert [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DocumentError) as err:
        save_document(Document.from_lines(["一、标题"]), tmp_path / "nowhere" / "a.docx")
    assert "不存在" in err.value.message


def test_a_folder_as_target_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dir.docx").mkdir()
    with pytest.raises(DocumentError) as err:
        save_document(Document.from_lines(["正文"]), tmp_path / "dir.docx")
    assert "文件夹" in err.value.message


def test_each_save_backs_up_the_previous_version_keeping_ten(tmp_path: Path) -> None:
    report = build_report(tmp_path / "report.docx")
    document = load(report)
    versions = [report.read_bytes()]
    for i in range(12):
        document.blocks[11].replace_text(0, len(document.blocks[11].text), f"落款{i}")
        save_document(document, report)
        versions.append(report.read_bytes())
    kept = backups_of(report)
    assert len(kept) == save.BACKUPS_KEPT
    # The newest backup is the version before the last save; the oldest kept is ten saves back.
    assert kept[-1].read_bytes() == versions[-2]
    assert kept[0].read_bytes() == versions[-11]
    assert load(report).blocks[11].text == "落款11"


def test_two_documents_of_the_same_name_keep_separate_backups(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "报告.docx", tmp_path / "b" / "报告.docx"
    for path in (a, b):
        path.parent.mkdir()
        save_document(Document.from_lines(["正文"]), path)
        save_document(Document.from_lines(["正文二"]), path)
    assert len(backups_of(a)) == len(backups_of(b)) == 1
    assert backups_of(a)[0].parent != backups_of(b)[0].parent


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path: Path) -> None:
    report = build_report(tmp_path / "report.docx")
    opened_at = report.stat().st_mtime
    document = load(report)
    other = b"someone else's save"
    report.write_bytes(other)
    os.utime(report, (opened_at + 5, opened_at + 5))
    with pytest.raises(FileChangedOnDisk) as err:
        save_document(document, report, expected_mtime=opened_at)
    assert isinstance(err.value, DocumentError)
    assert "已被其他程序修改" in err.value.message
    assert report.read_bytes() == other
    save_document(document, report, expected_mtime=opened_at + 5)
    assert zipfile.is_zipfile(report)


def test_text_document_saves_as_official_docx_or_as_text(tmp_path: Path) -> None:
    document = Document.from_lines(["关于某项工作的报告", "", "一、基本情况", "正文一段。"])
    save_document(document, tmp_path / "a.docx")
    assert load(tmp_path / "a.docx").texts == document.texts
    save_document(document, tmp_path / "a.txt")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == "关于某项工作的报告\n\n一、基本情况\n正文一段。\n"


def test_saving_docx_updates_what_the_next_save_copies(tmp_path: Path) -> None:
    report = build_report(tmp_path / "report.docx")
    document = load(report)
    document.blocks[2].replace_text(0, 2, "今年")
    save_document(document, tmp_path / "one.docx")
    save_document(document, tmp_path / "two.docx")
    with zipfile.ZipFile(tmp_path / "one.docx") as one, zipfile.ZipFile(tmp_path / "two.docx") as two:
        assert [(i.filename, one.read(i)) for i in one.infolist()] == [(i.filename, two.read(i)) for i in two.infolist()]


def test_copies_of_a_document_never_save_stale_bytes(tmp_path: Path) -> None:
    """The window saves copies of its Document (dataclasses.replace); a later save with nothing
    new must still write the earlier edit, never the file as it was opened."""
    from dataclasses import replace

    report = build_report(tmp_path / "report.docx")
    opened = load(report)
    edited = replace(opened, blocks=list(opened.blocks))
    edited.blocks[11] = replace(edited.blocks[11])
    edited.blocks[11].replace_text(0, 2, "署名")
    save_document(edited, report)
    again = replace(opened, blocks=list(edited.blocks))
    save_document(again, report)
    assert load(report).blocks[11].text == "署名单位"


def test_a_failed_save_then_a_save_without_edits_writes_the_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = build_report(tmp_path / "report.docx")
    document = load(report)
    document.blocks[11].replace_text(0, 2, "署名")

    def full_disk(path, data):  # noqa: ANN001, ANN202
        raise DocumentError("无法保存：磁盘空间不足。原文件没有改动。")

    monkeypatch.setattr(save, "atomic_write_bytes", full_disk)
    with pytest.raises(DocumentError):
        save_document(document, report)
    monkeypatch.undo()
    monkeypatch.setattr(save, "backup_root", lambda: tmp_path / "backups")
    save_document(document, report)
    assert load(report).blocks[11].text == "署名单位"
