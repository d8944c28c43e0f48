"""The page's margins on paper: Word starts the text below a header that reaches past the top
margin and ends it above a footer that reaches past the bottom one."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.shared import Mm, Pt

from app.io.docx_reader import read_docx
from app.io.page import page_setup


def _report(path: Path, header_lines: int, footer_lines: int = 0) -> Path:
    d = docx.Document()
    section = d.sections[0]
    section.top_margin, section.bottom_margin = Mm(10), Mm(10)
    section.header_distance, section.footer_distance = Mm(8), Mm(8)
    for part, lines in ((section.header, header_lines), (section.footer, footer_lines)):
        if not lines:
            continue
        part.is_linked_to_previous = False
        first = part.paragraphs[0]
        for n in range(lines):
            paragraph = first if n == 0 else part.add_paragraph()
            paragraph.add_run(f"第{n + 1}行").font.size = Pt(20)
    d.add_paragraph("正文")
    d.save(str(path))
    return path


def test_a_tall_header_pushes_the_text_down_on_paper(tmp_path: Path) -> None:
    document = read_docx(_report(tmp_path / "页眉.docx", header_lines=3, footer_lines=2))
    paper = page_setup(document, paper=True)
    # 8 mm from the edge, then three lines of 20 pt text (about 24 pt each).
    assert abs(paper.top - (8 + 3 * 24 * 25.4 / 72)) < 1
    assert abs(paper.bottom - (8 + 2 * 24 * 25.4 / 72)) < 1
    assert abs(page_setup(document).top - 10) < 0.01  # the window's page is the file's


def test_a_header_inside_the_margin_changes_nothing(tmp_path: Path) -> None:
    d = docx.Document()
    d.sections[0].header.paragraphs[0].add_run("单位名称")
    d.add_paragraph("正文")
    d.save(str(tmp_path / "小.docx"))
    document = read_docx(tmp_path / "小.docx")
    assert page_setup(document, paper=True).top == page_setup(document).top
    no_header = read_docx(_report(tmp_path / "无.docx", header_lines=0))
    assert abs(page_setup(no_header, paper=True).top - 10) < 0.01
