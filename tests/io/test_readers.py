"""Readers: text in the encodings Chinese PCs write, .docx in reading order, bad input refused clearly."""
from __future__ import annotations

import codecs
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE

from app.io.errors import DocumentError
from app.io.load import load

LINES = ["区住建局20XX年工作总结", "一、主要工作", "（一）推进旧改。完成改造X个小区。", "", "二、下步打算"]


@pytest.mark.parametrize(
    "encoding, bom",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
     ("utf-16-be", codecs.BOM_UTF16_BE), ("gb18030", b""), ("gbk", b"")],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_text_encodings_and_line_ends(tmp_path: Path, encoding: str, bom: bytes, newline: str) -> None:
    path = tmp_path / "报告 副本.txt"
    path.write_bytes(bom + (newline.join(LINES) + newline).encode(encoding))
    assert load(path).texts == LINES


def test_every_line_counts_empty_ones_too(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\n\n标题\n\n正文\n", encoding="utf-8")
    assert load(path).texts == ["", "", "标题", "", "正文"]


def test_gbk_is_told_apart_from_utf8(tmp_path: Path) -> None:
    text = "全年共发放宣传册X份，覆盖群众XX人次。"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gbk"))
    (tmp_path / "utf8.txt").write_bytes(text.encode("utf-8"))
    assert load(tmp_path / "gbk.txt").texts == [text]
    assert load(tmp_path / "utf8.txt").texts == [text]


def _docx_with_table(path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("年度报告", style="Title")
    d.add_paragraph("工作回顾", style="Heading 1")
    d.add_paragraph("正文第一段，完成任务X项。")
    table = d.add_table(rows=3, cols=3)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(0, 2).text = "备注"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "合并"
    table.cell(1, 1).merge(table.cell(1, 2)).text = "X个"
    table.cell(2, 1).text = "XX次"
    table.cell(2, 2).text = "无"
    custom = d.styles.add_style("大纲二级", WD_STYLE_TYPE.PARAGRAPH)
    custom.element.get_or_add_pPr().append(
        custom.element.makeelement(docx.oxml.ns.qn("w:outlineLvl"), {docx.oxml.ns.qn("w:val"): "1"}))
    d.add_paragraph("党建工作", style="大纲二级")
    d.add_paragraph("结尾段落。")
    d.save(str(path))


def test_docx_reading_order_tables_in_place_merged_cells_once(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    _docx_with_table(path)
    doc = load(path)
    assert doc.origin == "docx"
    assert doc.texts == ["年度报告", "工作回顾", "正文第一段，完成任务X项。", "项目", "数量", "备注",
                         "合并", "X个", "XX次", "无", "党建工作", "结尾段落。"]
    cells = [(b.text, b.cell.row, b.cell.col) for b in doc.blocks if b.cell]
    assert ("合并", 1, 0) in cells and ("X个", 1, 1) in cells and ("XX次", 2, 1) in cells
    assert [b.outline_level for b in doc.blocks if b.outline_level] == [1, 2]
    assert doc.blocks[0].is_title_style


def test_docx_run_formatting_is_read(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph()
    run = p.add_run("共计X次")
    run.bold = True
    run.font.size = docx.shared.Pt(16)
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.makeelement(docx.oxml.ns.qn("w:rFonts"), {docx.oxml.ns.qn("w:eastAsia"): "黑体"})
    rpr.append(fonts)
    path = tmp_path / "f.docx"
    d.save(str(path))
    block = load(path).blocks[0]
    fmt = block.runs[0].format
    assert (fmt.bold, fmt.size_pt, fmt.font_east_asia) == (True, 16.0, "黑体")


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("missing.docx", None, "找不到"),
        ("empty.docx", b"", "空的"),
        ("notzip.docx", b"this is not a zip file at all", "不是有效的 Word"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "另存为"),
        ("binary.txt", bytes(range(256)) * 8, "不是文本"),
        ("empty.txt", b"", "空的"),
    ],
)
def test_bad_input_raises_one_error_with_a_chinese_message(tmp_path: Path, name: str, content: bytes | None,
                                                           words: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        load(path)
    assert words in info.value.message


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="文件夹"):
        load(tmp_path)
