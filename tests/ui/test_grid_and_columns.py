"""The page's line grid and newspaper columns, as Word lays them out: a paragraph with
w:snapToGrid off keeps its own line height; a section in columns prints them side by side."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
from PySide6.QtGui import QTextBlockFormat

from app.io.docx_reader import read_docx
from app.io.page import page_setup
from app.ui.qt_formats import PX_PER_PT
from tests.commands.test_pdf_command import tianbao
from tests.word_docs import save, xml


def _set_section(document: docx.document.Document, fragment: str) -> None:
    """Put ``fragment`` (a w:cols or w:docGrid) in the section, in place of the template's own."""
    new = xml(fragment)
    sect_pr = document.sections[0]._sectPr
    old = sect_pr.find(new.tag)
    if old is None:
        sect_pr.append(new)
    else:
        old.addprevious(new)
        sect_pr.remove(old)


def test_a_paragraph_off_the_grid_keeps_its_own_line_height(window, tmp_path: Path) -> None:  # noqa: ANN001
    d = docx.Document()
    _set_section(d, '<w:docGrid w:type="lines" w:linePitch="624"/>')  # 31.2 pt lines
    d.add_paragraph("按网格排的一行")
    off = d.add_paragraph("不按网格排的一行")
    off._p.get_or_add_pPr().append(xml('<w:snapToGrid w:val="0"/>'))
    path = save(d, tmp_path / "网格.docx")
    document = read_docx(path)
    assert [b.look.snap_to_grid for b in document.blocks] == [True, False]
    assert window.open_path(path)
    qdoc = window.editor.document()
    on, off_grid = qdoc.findBlockByNumber(0).blockFormat(), qdoc.findBlockByNumber(1).blockFormat()
    kinds = QTextBlockFormat.LineHeightTypes
    assert on.lineHeightType() == kinds.MinimumHeight.value
    spacing = document.blocks[0].look.line_spacing  # (the template's Normal: 1.15 lines)
    assert abs(on.lineHeight() - 31.2 * PX_PER_PT * spacing) < 0.01
    assert off_grid.lineHeightType() == kinds.ProportionalHeight.value
    assert abs(off_grid.lineHeight() - 100 * spacing) < 0.01
    layout = qdoc.documentLayout()
    assert layout.blockBoundingRect(qdoc.findBlockByNumber(1)).height() < 31.2 * PX_PER_PT


def _columns_report(path: Path, columns: int) -> Path:
    d = docx.Document()
    if columns > 1:
        _set_section(d, f'<w:cols w:num="{columns}" w:space="425"/>')
    for n in range(150):
        d.add_paragraph(f"第{n + 1}段")
    return save(d, path)


def test_page_setup_reads_the_columns(tmp_path: Path) -> None:
    setup = page_setup(read_docx(_columns_report(tmp_path / "两栏.docx", 2)), paper=True)
    assert setup.columns == 2 and abs(setup.column_gap_mm - 425 / 1440 * 25.4) < 0.01
    assert page_setup(read_docx(_columns_report(tmp_path / "一栏.docx", 1)), paper=True).columns == 1
    # Columns of unequal widths are printed as one.
    d = docx.Document()
    _set_section(d, '<w:cols w:num="2" w:equalWidth="0"><w:col w:w="3000"/><w:col w:w="5000"/></w:cols>')
    assert page_setup(read_docx(save(d, tmp_path / "不等.docx")), paper=True).columns == 1


def test_columns_are_printed_side_by_side(tmp_path: Path) -> None:
    pages = {}
    for columns in (1, 2):
        out = tmp_path / f"{columns}.pdf"
        done = tianbao(str(_columns_report(tmp_path / f"{columns}.docx", columns)), "--pdf", str(out))
        assert done.returncode == 0, done.stderr
        pages[columns] = len(re.findall(rb"/Type\s*/Page\b(?!s)", out.read_bytes()))
    assert pages[1] >= 3 and pages[2] == -(-pages[1] // 2)
    if shutil.which("pdftotext"):
        boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "2.pdf"), "-"],
                               capture_output=True, text=True, check=True).stdout
        lefts = {word: float(x) for x, word in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="[\d.]+" '
                                                         r'yMax="[\d.]+">([^<]+)</word>', boxes)}
        # The first paragraph in the left column; a later one of the same page in the right.
        assert lefts["第1段"] < 595 / 2 and max(lefts.values()) > 595 / 2
