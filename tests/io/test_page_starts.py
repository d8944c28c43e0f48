"""Where Word starts a new page (app.io.page.page_starts): page breaks in runs and section breaks."""
from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_BREAK

from app.io.docx_reader import read_docx
from app.io.page import page_starts


def test_page_and_section_breaks_start_pages(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("封面")                                   # 0
    d.add_paragraph("目录").add_run().add_break(WD_BREAK.PAGE)  # 1: breaks after its text
    starts_with_break = d.add_paragraph()                       # 2: a break before any text
    starts_with_break.add_run().add_break(WD_BREAK.PAGE)
    starts_with_break.add_run("正文")
    d.add_paragraph("第一节末")                                 # 3, then a new-page section (4)
    d.add_section(WD_SECTION.NEW_PAGE)
    d.add_paragraph("第二节")                                   # 5, then a continuous section (6)
    d.add_section(WD_SECTION.CONTINUOUS)
    d.add_paragraph("同一页")                                   # 7
    path = tmp_path / "分页.docx"
    d.save(str(path))
    document = read_docx(path)
    # python-docx ends each section with an empty paragraph holding its w:sectPr.
    assert [b.text for b in document.blocks] == ["封面", "目录", "正文", "第一节末", "", "第二节", "", "同一页"]
    # 2 twice over (after 目录's break, and its own leading break); 5 after the new-page section
    # break; none after the continuous one.
    assert page_starts(document) == {2, 5}
