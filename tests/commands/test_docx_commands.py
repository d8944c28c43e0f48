"""`convert` and `fill` from the command line: the same engine and save path as the window, exit 2
with a Chinese message and nothing written for bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.core.scan import scan
from app.io.load import load
from tests.fixtures_docx import build_report, parts

TEXT = "关于2025年度工作的总结\n\n一、主要工作\n（一）加强学习。全年组织学习X次，撰写体会XX篇。\n二、下步打算\n"



@pytest.fixture
def report_txt(tmp_path: Path) -> Path:
    path = tmp_path / "总结.txt"
    path.write_text(TEXT, encoding="gb18030")
    return path


def test_convert_text_to_official_docx(report_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "总结.docx"
    assert main(["convert", str(report_txt), str(out)]) == 0
    document = load(out)
    assert document.texts == TEXT.rstrip("\n").split("\n")
    assert {r.format.font_east_asia for r in document.blocks[2].runs} == {"黑体"}


def test_convert_docx_is_the_lossless_save(tmp_path: Path) -> None:
    report = build_report(tmp_path / "r.docx")
    out = tmp_path / "out.docx"
    assert main(["convert", str(report), str(out)]) == 0
    assert parts(out) == parts(report)


def test_convert_official_reformats_a_docx(tmp_path: Path) -> None:
    report = build_report(tmp_path / "r.docx")
    out = tmp_path / "out.docx"
    assert main(["convert", str(report), str(out), "--official"]) == 0
    document = load(out)
    assert document.texts == load(report).texts
    assert {r.format.font_east_asia for r in document.blocks[2].runs} == {"仿宋_GB2312"}


@pytest.mark.parametrize(
    "argv_tail, message",
    [
        (["missing.docx", "out.docx"], "找不到文件"),
        (["IN", "out.pdf"], ".docx"),
        (["IN", "no/such/folder/out.docx"], "不存在"),
    ],
)
def test_convert_bad_input_exits_2_and_writes_nothing(
    report_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv_tail: list[str], message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = ["convert"] + [str(report_txt) if a == "IN" else a for a in argv_tail]
    before = sorted(p.name for p in tmp_path.iterdir())
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_convert_refuses_a_broken_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["convert", str(broken), str(tmp_path / "out.docx")]) == 2
    assert "错误" in capsys.readouterr().err
    assert not (tmp_path / "out.docx").exists()


def test_fill_replaces_exactly_the_token_with_its_format(tmp_path: Path) -> None:
    report = build_report(tmp_path / "r.docx")
    found = scan(load(report)).placeholders
    figure = next(p for p in found if p.block == 2 and p.token == "X")
    people = next(p for p in found if p.block == 2 and p.token == "XX")
    out = tmp_path / "filled.docx"
    assert main(["fill", str(report), str(out), "--set", f"{figure.index}=12", "--set", f"{people.index}=150"]) == 0
    block = load(out).blocks[2]
    assert block.text == "全年召开党组会12次，谈话150人次。"
    twelve = next(r for r in block.runs if "12" in r.text)
    assert twelve.text == "12" and twelve.format.bold and twelve.format.font_east_asia == "黑体"
    assert len(scan(load(out)).placeholders) == len(found) - 2


def test_fill_a_text_report_gives_an_official_docx(report_txt: Path, tmp_path: Path) -> None:
    out = tmp_path / "filled.docx"
    assert main(["fill", str(report_txt), str(out), "--set", "1=6", "--set", "2=8"]) == 0
    assert load(out).blocks[3].text == "（一）加强学习。全年组织学习6次，撰写体会8篇。"


@pytest.mark.parametrize(
    "sets, message",
    [
        (["99=1"], "没有第 99 处"),
        (["1"], "N=VALUE"),
        (["x=1"], "N=VALUE"),
        (["1="], "空的"),
        (["1=2", "1=3"], "两次"),
    ],
)
def test_fill_bad_values_exit_2_and_write_nothing(
    report_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], sets: list[str], message: str
) -> None:
    out = tmp_path / "filled.docx"
    argv = ["fill", str(report_txt), str(out)]
    for item in sets:
        argv += ["--set", item]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()


def test_fill_needs_at_least_one_value(report_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["fill", str(report_txt), str(tmp_path / "o.docx")]) == 2
    assert "--set" in capsys.readouterr().err
