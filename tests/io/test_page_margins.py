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


def test_a_framed_page_number_and_the_footer_style_size_count_as_word_counts_them(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = docx.Document()
    section = d.sections[0]
    section.bottom_margin, section.footer_distance = Mm(10), Mm(6)
    footer = section.footer
    footer.is_linked_to_previous = False
    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    # A page number in a frame (it stands beside the text, not above it) and one empty line of the
    # Footer style, which the styles make 28 pt.
    framed = footer.paragraphs[0]._p
    framed.insert(0, parse_xml(f'<w:pPr xmlns:w="{W}"><w:framePr w:wrap="around" w:xAlign="center"/></w:pPr>'))
    framed.append(parse_xml(f'<w:r xmlns:w="{W}"><w:rPr><w:sz w:val="96"/></w:rPr><w:t>1</w:t></w:r>'))
    footer.add_paragraph(style="Footer")
    d.styles["Footer"].font.size = Pt(28)
    d.add_paragraph("正文")
    d.save(str(tmp_path / "页脚.docx"))
    paper = page_setup(read_docx(tmp_path / "页脚.docx"), paper=True)
    assert abs(paper.bottom - (6 + 28 * 1.2 * 25.4 / 72)) < 0.5  # the 48 pt framed number takes no room
