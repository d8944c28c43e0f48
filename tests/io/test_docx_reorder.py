"""A section moved in the outline is saved in its new place, tables and untouched paragraphs with it."""
from __future__ import annotations

from pathlib import Path

import docx

from app.core.edits import apply_change
from app.core.renumber import move_down
from app.core.scan import scan
from app.io.load import load
from app.io.save import save_document


def _report(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("区科技局工作总结")
    d.add_paragraph("一、科技创新")
    d.add_paragraph("全年认定高新技术企业X家。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "专利"
    table.cell(0, 1).text = "X件"
    d.add_paragraph("二、人才引进")
    bold = d.add_paragraph().add_run("引进博士X名。")
    bold.bold = True
    d.save(str(path))


def test_moved_section_is_saved_in_its_new_place(tmp_path: Path) -> None:
    src, out = tmp_path / "总结.docx", tmp_path / "调整后.docx"
    _report(src)
    document = load(src)
    first = next(i for i, s in enumerate(scan(document).outline) if s.title.startswith("一、"))
    apply_change(document, move_down(document, first))
    save_document(document, out)
    texts = load(out).texts
    assert texts == ["区科技局工作总结", "一、人才引进", "引进博士X名。", "二、科技创新", "全年认定高新技术企业X家。",
                     "专利", "X件"]
    reread = docx.Document(str(out))
    assert reread.paragraphs[2].runs[0].bold is True
    assert reread.tables[0].cell(0, 1).text == "X件"
    assert reread.element.body[-1].tag.endswith("sectPr")
