"""clean and renumber on real .docx files: written, read back, formatting and other paragraphs kept."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from app.core.scan import scan
from app.io.load import load
from tests.shared import ROOT


def _make(path: Path, paragraphs: list[list[tuple[str, bool]]]) -> None:
    """A .docx whose paragraphs are runs of (text, bold), with a table for good measure."""
    document = docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text, bold in runs:
            r = p.add_run(text)
            r.bold = bold
            r.font.size = Pt(16)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "完成X项"
    document.add_paragraph("附：统计表见上。")
    document.save(str(path))


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    path = tmp_path / "报告.docx"
    _make(path, [
        [("仅供学习交流，禁止外传", False)],
        [("文海网整理，咨询QQ：987654321", False)],
        [("农业农村局年度工作总结", True)],
        [("一、", True), ("粮食生产", True)],
        [("全年完成播种X万亩，", False), ("咨询QQ：11223344，", False), ("产量稳中有升。", False)],
        [("三、", True), ("乡村建设", True)],
        [("（二）", True), ("人居环境。", True), ("一是改厕X户；三是治污。", False)],
    ])
    return path


def test_clean_command_on_docx(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "干净.docx"
    result = _run("clean", str(report), str(out))
    assert result.returncode == 0, result.stderr
    document = load(out)
    assert document.texts[:5] == ["农业农村局年度工作总结", "一、粮食生产", "全年完成播种X万亩，产量稳中有升。",
                                  "三、乡村建设", "（二）人居环境。一是改厕X户；三是治污。"]
    assert "完成X项" in document.texts
    # The heading's bold runs survive untouched.
    heading = document.blocks[1]
    assert [(r.text, r.format.bold) for r in heading.runs] == [("一、", True), ("粮食生产", True)]
    assert [p.token for p in scan(document).placeholders] == [p.token for p in scan(load(report)).placeholders]


def test_renumber_command_on_docx(report: Path, tmp_path: Path) -> None:
    out = tmp_path / "编号.docx"
    result = _run("renumber", str(report), str(out))
    assert result.returncode == 0, result.stderr
    texts = load(out).texts
    assert "二、乡村建设" in texts and "（一）人居环境。一是改厕X户；二是治污。" in texts
    blocks = load(out).blocks
    marker = next(b for b in blocks if b.text == "二、乡村建设").runs[0]
    assert marker.text == "二、" and marker.format.bold is True and marker.format.size_pt == 16
    # Paragraphs the renumbering does not touch stay as they were.
    assert texts[:3] == load(report).texts[:3]


def test_clean_command_on_the_seed_report_to_docx(tmp_path: Path) -> None:
    from tests.shared import SEED_REPORT, need

    source = need(SEED_REPORT)
    out = tmp_path / "述职报告.docx"
    result = _run("clean", str(source), str(out))
    assert result.returncode == 0, result.stderr
    before, after = scan(load(source)), scan(load(out))
    assert after.junk == []
    assert [(p.token, p.context) for p in after.placeholders] == [(p.token, p.context) for p in before.placeholders]
    assert load(out).texts[0] == before.outline[0].title
