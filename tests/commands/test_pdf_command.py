"""`tianbao FILE --pdf OUT.pdf`: the file as the window shows it, on the file's own page, as a PDF
with real text; bad input is a message and exit code 2."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
from docx.shared import Mm

from tests.word_docs import add_endnotes, level, numbered, save, set_lists

ROOT = Path(__file__).resolve().parents[2]


def tianbao(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "app", *args], capture_output=True, text=True, cwd=ROOT, env=env,
                          timeout=300, check=False)


def report(path: Path) -> Path:
    d = docx.Document()
    section = d.sections[0]
    section.page_width, section.page_height = Mm(148), Mm(210)  # A5: the file's own page
    set_lists(d, {0: [level(0, "chineseCounting", "%1、")]}, {1: (0, "")})
    d.add_paragraph("2025年度工作总结")
    for n in range(40):
        numbered(d, f"第{n + 1}项工作完成情况良好", 1, 0)
    return save(d, path)


def test_pdf_of_a_docx(tmp_path: Path) -> None:
    out = tmp_path / "报告.pdf"
    done = tianbao(str(report(tmp_path / "报告.docx")), "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages >= 2  # 41 lines do not fit an A5 page
    # The page is the file's (A5: 420 × 595 pt), not the default A4.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box is not None and abs(float(box.group(1)) - 419.5) < 3 and abs(float(box.group(2)) - 595.3) < 3
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        squashed = "".join(text.split())
        assert "2025年度工作总结" in squashed and "第1项工作完成情况良好" in squashed
        assert "一、" in squashed and "四十、" in squashed  # the list labels are on paper too
        # ... at the size of their paragraph's text (not scaled up twice to the printer's resolution).
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(out), "-"], capture_output=True,
                               text=True, check=True).stdout
        heights = {word: float(y1) - float(y0) for y0, y1, word in
                   re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]+)</word>', boxes)}
        assert abs(heights["一、"] - heights["第1项工作完成情况良好"]) < 1
    else:  # the text is real text: Qt embeds the fonts with their ToUnicode maps
        assert b"/ToUnicode" in data


def test_endnotes_are_printed_after_the_text_on_a_page_of_their_own(tmp_path: Path) -> None:
    from app.io.docx_reader import read_docx
    from app.io.page import page_setup

    d = docx.Document()
    d.add_paragraph("全年组织培训十二次。")
    path = add_endnotes(save(d, tmp_path / "尾注.docx"), [["培训名单见附件。"], ["数据截至年底。", "含线上培训。"]])
    assert page_setup(read_docx(path), paper=True).endnotes == (("i", ("培训名单见附件。",)),
                                                               ("ii", ("数据截至年底。", "含线上培训。")))
    assert page_setup(read_docx(path)).endnotes == ()  # the window's build does not read them
    out = tmp_path / "尾注.pdf"
    done = tianbao(str(path), "--pdf", str(out))
    assert done.returncode == 0, done.stderr
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", out.read_bytes())) == 2
    if shutil.which("pdftotext"):
        def page(n: int) -> str:
            return "".join(subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(out), "-"],
                                          capture_output=True, text=True, check=True).stdout.split())

        assert "全年组织培训十二次。" in page(1) and "培训名单" not in page(1)
        assert "i培训名单见附件。" in page(2) and "ii数据截至年底。含线上培训。" in page(2)
    # Saving leaves the notes part as it was.
    from app.io.docx_writer import write_docx

    again = tmp_path / "另存.docx"
    write_docx(read_docx(path), again)
    import zipfile

    assert zipfile.ZipFile(again).read("word/endnotes.xml") == zipfile.ZipFile(path).read("word/endnotes.xml")


def test_pdf_bad_input(tmp_path: Path) -> None:
    missing = tianbao(str(tmp_path / "没有.docx"), "--pdf", str(tmp_path / "a.pdf"))
    assert missing.returncode == 2 and "错误" in missing.stderr and "Traceback" not in missing.stderr
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"not a zip at all")
    broken = tianbao(str(bad), "--pdf", str(tmp_path / "b.pdf"))
    assert broken.returncode == 2 and "错误" in broken.stderr and not (tmp_path / "b.pdf").exists()
    wrong = tianbao(str(report(tmp_path / "r.docx")), "--pdf", str(tmp_path / "c.png"))
    assert wrong.returncode == 2 and ".pdf" in wrong.stderr
    alone = tianbao("--pdf", str(tmp_path / "d.pdf"))
    assert alone.returncode == 2 and "--pdf" in alone.stderr
