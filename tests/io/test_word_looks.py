"""The reader resolves what Word shows (issue 14): docDefaults, style chains, theme fonts, the
East Asian font, paragraph looks, list labels from numbering.xml, table borders and shading; and
the writer writes nothing because of any of it."""
from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from app.core.document import Border
from app.io.docx_reader import read_docx
from app.io.docx_writer import write_docx
from tests.word_docs import (add_style, level, numbered, save, set_doc_defaults, set_lists, set_theme_fonts,
                             set_theme_lang, xml)


def new_document() -> docx.document.Document:
    return docx.Document()


# --- runs -------------------------------------------------------------------------------------


def test_doc_defaults_give_size_and_fonts(tmp_path: Path) -> None:
    d = new_document()
    set_doc_defaults(d, '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="仿宋"/><w:sz w:val="21"/>')
    d.add_paragraph("正文 text")
    block = read_docx(save(d, tmp_path / "a.docx")).blocks[0]
    look = block.runs[0].look
    assert (look.size_pt, look.font, look.font_east_asia, look.bold) == (10.5, "Arial", "仿宋", False)
    assert block.runs[0].format.size_pt is None  # the direct formatting is untouched


def test_style_chain_character_style_and_direct_formatting(tmp_path: Path) -> None:
    d = new_document()
    set_doc_defaults(d, '<w:sz w:val="21"/>')
    add_style(d, '<w:style w:type="paragraph" w:styleId="Base"><w:name w:val="Base"/>'
                 '<w:rPr><w:b/><w:sz w:val="32"/><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style>')
    add_style(d, '<w:style w:type="paragraph" w:styleId="Derived"><w:name w:val="Derived"/><w:basedOn w:val="Base"/>'
                 '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:color w:val="C00000"/></w:rPr></w:style>')
    add_style(d, '<w:style w:type="character" w:styleId="Quiet"><w:name w:val="Quiet"/>'
                 '<w:rPr><w:b w:val="0"/><w:i/></w:rPr></w:style>')
    p = d.add_paragraph(style="Derived")
    p.add_run("标题")
    run = p.add_run("注")
    run._r.get_or_add_rPr().append(xml('<w:rStyle w:val="Quiet"/>'))
    direct = p.add_run("小")
    direct.font.size = docx.shared.Pt(9)
    block = read_docx(save(d, tmp_path / "b.docx")).blocks[0]
    styled, quiet, small = (r.look for r in block.runs)
    assert (styled.bold, styled.size_pt, styled.color, styled.font_east_asia) == (True, 16.0, "C00000", "黑体")
    assert (quiet.bold, quiet.italic, quiet.size_pt) == (False, True, 16.0)
    assert (small.bold, small.size_pt) == (True, 9.0)
    assert block.look.alignment == "center"


def test_theme_fonts_resolve_through_the_theme_and_the_east_asian_language(tmp_path: Path) -> None:
    d = new_document()
    set_theme_fonts(d, minor_latin="Cambria", hans="宋体", major_hans="黑体")
    set_theme_lang(d, "zh-CN")
    set_doc_defaults(d, '<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/>')
    d.add_paragraph("正文")
    heading = d.add_paragraph().add_run("标题")
    heading._r.get_or_add_rPr().append(xml('<w:rFonts w:eastAsiaTheme="majorEastAsia" w:eastAsia="楷体"/>'))
    blocks = read_docx(save(d, tmp_path / "c.docx")).blocks
    assert (blocks[0].runs[0].look.font, blocks[0].runs[0].look.font_east_asia) == ("Cambria", "宋体")
    assert blocks[1].runs[0].look.font_east_asia == "黑体"  # the theme attribute wins over w:eastAsia


def test_theme_east_asian_font_follows_the_documents_language(tmp_path: Path) -> None:
    d = new_document()
    set_theme_fonts(d, minor_latin="Cambria")
    set_theme_lang(d, "ja-JP")
    set_doc_defaults(d, '<w:rFonts w:eastAsiaTheme="minorEastAsia"/>')
    d.add_paragraph("本文")
    assert read_docx(save(d, tmp_path / "d.docx")).blocks[0].runs[0].look.font_east_asia == "ＭＳ 明朝"


def test_east_asian_hint_gives_quotes_the_east_asian_font(tmp_path: Path) -> None:
    d = new_document()
    set_doc_defaults(d, '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/>')
    p = d.add_paragraph()
    for text in ("“", "X2025", "“"):
        run = p.add_run(text)
        run._r.get_or_add_rPr().append(xml('<w:rFonts w:hint="eastAsia"/>'))
    p.add_run("”")
    looks = [r.look for r in read_docx(save(d, tmp_path / "e.docx")).blocks[0].runs]
    # A w:hint moves ambiguous characters (quotes) to the East Asian font, never Latin letters.
    assert [lk.font for lk in looks] == ["宋体", "Times New Roman", "宋体", "Times New Roman"]
    assert all(lk.font_east_asia == "宋体" for lk in looks)


# --- paragraphs -------------------------------------------------------------------------------


def test_paragraph_look_indents_spacing_and_breaks(tmp_path: Path) -> None:
    d = new_document()
    set_doc_defaults(d, ppr='<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>')
    add_style(d, '<w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr>'
                 '<w:ind w:firstLineChars="200" w:firstLine="640"/><w:spacing w:line="360" w:lineRule="auto"/>'
                 '<w:jc w:val="both"/></w:pPr></w:style>')
    d.add_paragraph("正文", style="Body")
    hanging = d.add_paragraph("悬挂", style="Body")
    hanging._p.get_or_add_pPr().append(xml('<w:ind w:left="420" w:hanging="420"/>'))
    exact = d.add_paragraph("固定")
    exact._p.get_or_add_pPr().append(xml('<w:spacing w:before="120" w:line="578" w:lineRule="exact"/>'))
    exact._p.get_or_add_pPr().insert(0, xml('<w:keepNext/>'))
    exact._p.get_or_add_pPr().insert(0, xml('<w:pageBreakBefore/>'))
    body, hang, fixed = (b.look for b in read_docx(save(d, tmp_path / "f.docx")).blocks)
    assert (body.alignment, body.first_line_chars, body.line_spacing, body.line_rule) == ("justify", 2.0, 1.5, "auto")
    assert (hang.left_indent_pt, hang.first_line_indent_pt, hang.first_line_chars) == (21.0, -21.0, None)
    assert (fixed.line_spacing, fixed.line_rule, fixed.space_before_pt, fixed.space_after_pt) == (28.9, "exact", 6.0, 0.0)
    assert fixed.page_break_before and fixed.keep_with_next and not body.page_break_before


def test_character_spacing_is_a_look_never_direct_formatting(tmp_path: Path) -> None:
    d = new_document()
    add_style(d, '<w:style w:type="paragraph" w:styleId="Wide"><w:name w:val="Wide"/>'
                 '<w:rPr><w:spacing w:val="40"/></w:rPr></w:style>')
    p = d.add_paragraph(style="Wide")
    p.add_run("标题")
    tight = p.add_run("紧")
    tight._r.get_or_add_rPr().append(xml('<w:spacing w:val="-10"/>'))
    path = save(d, tmp_path / "s.docx")
    wide, condensed = read_docx(path).blocks[0].runs
    assert (wide.look.spacing_pt, condensed.look.spacing_pt) == (2.0, -0.5)
    assert wide.format.spacing_pt is None and condensed.format.spacing_pt is None


def test_paragraph_borders_cell_margins_and_row_heights(tmp_path: Path) -> None:
    d = new_document()
    add_style(d, '<w:style w:type="paragraph" w:styleId="Ruled"><w:name w:val="Ruled"/><w:pPr><w:pBdr>'
                 '<w:top w:val="single" w:sz="12" w:space="2" w:color="4F81BD"/>'
                 '<w:bottom w:val="double" w:sz="6" w:space="4"/></w:pBdr></w:pPr></w:style>')
    d.add_paragraph("有线", style="Ruled")
    bare = d.add_paragraph("去掉上线", style="Ruled")
    bare._p.get_or_add_pPr().append(xml('<w:pBdr><w:top w:val="nil"/></w:pBdr>'))
    table = d.add_table(rows=2, cols=1)
    table._tbl.tblPr.append(xml('<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="0" w:type="dxa"/>'
                                '</w:tblCellMar>'))
    table.rows[0]._tr.get_or_add_trPr().append(xml('<w:trHeight w:val="600" w:hRule="atLeast"/>'))
    table.cell(0, 0).text, table.cell(1, 0).text = "甲", "乙"
    document = read_docx(save(d, tmp_path / "b.docx"))
    ruled, without_top = (b.look for b in document.blocks[:2])
    assert ruled.border_top == Border("single", 1.5, "4F81BD", 2.0)
    assert ruled.border_bottom == Border("double", 0.75, None, 4.0)
    assert without_top.border_top is None and without_top.border_bottom is not None
    look = document.tables[0]
    # Its own top and left; Word's 0.08 inch on the right, nothing below, where it says nothing.
    assert look.cell_margins_pt == (2.0, 0.0, 0.0, 5.4)
    assert look.row_heights_pt == (30.0, 0.0)

# --- lists ------------------------------------------------------------------------------------


def chinese_lists(d: docx.document.Document) -> None:
    set_lists(d, {
        0: [level(0, "chineseCounting", "%1、", extra='<w:rPr><w:b/><w:rFonts w:eastAsia="黑体"/></w:rPr>'),
            level(1, "chineseCounting", "（%2）", extra='<w:pPr><w:ind w:left="640" w:hanging="640"/></w:pPr>'),
            level(2, "decimal", "%3.")],
        1: [level(0, "decimalEnclosedCircle", "%1")],
        2: [level(0, "upperRoman", "%1.", start=3, extra='<w:suff w:val="space"/>')],
    }, {1: (0, ""), 2: (1, ""), 3: (0, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'),
        4: (2, "")})


def list_report(path: Path, typed_second: bool = False) -> Path:
    """A title, 一、 from a list, a body line, and 二、 from the list (or typed by hand)."""
    d = new_document()
    chinese_lists(d)
    d.add_paragraph("2025年工作总结")
    numbered(d, "基本情况", 1, 0)
    d.add_paragraph("全年完成X项工作。")
    if typed_second:
        d.add_paragraph("二、主要做法")
    else:
        numbered(d, "主要做法", 1, 0)
    return save(d, path)


def test_list_labels_from_numbering(tmp_path: Path) -> None:
    d = new_document()
    chinese_lists(d)
    d.add_paragraph("2025年工作总结")
    numbered(d, "基本情况", 1, 0)
    numbered(d, "抓学习", 1, 1)
    numbered(d, "抓落实", 1, 1)
    numbered(d, "细则", 1, 2)
    numbered(d, "存在问题", 1, 0)
    numbered(d, "抓整改", 1, 1)
    numbered(d, "甲", 2)
    numbered(d, "乙", 2)
    numbered(d, "新的一组", 3, 0)  # the same definition, restarted
    numbered(d, "罗马", 4)
    # Word 2010's custom format, inside mc:AlternateContent with a decimal fallback.
    custom = ('<w:lvl w:ilvl="0" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:start w:val="1"/>'
              '<mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/>'
              '</mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent>'
              '<w:lvlText w:val="第%1号"/></w:lvl>')
    d.part.numbering_part.element.insert(0, xml(f'<w:abstractNum w:abstractNumId="7">{custom}</w:abstractNum>'))
    d.part.numbering_part.element.append(xml('<w:num w:numId="8"><w:abstractNumId w:val="7"/></w:num>'))
    numbered(d, "定制", 8)
    not_listed = numbered(d, "不编号", 1, 0)
    not_listed._p.pPr.numPr.numId.val = 0  # numId 0: no list
    document = read_docx(save(d, tmp_path / "g.docx"))
    assert [(b.label, b.text) for b in document.blocks] == [
        ("", "2025年工作总结"), ("一、", "基本情况"), ("（一）", "抓学习"), ("（二）", "抓落实"), ("1.", "细则"),
        ("二、", "存在问题"), ("（一）", "抓整改"), ("①", "甲"), ("②", "乙"), ("一、", "新的一组"), ("III.", "罗马"),
        ("第001号", "定制"), ("", "不编号")]
    assert document.blocks[10].label_suffix == "space" and document.blocks[1].label_suffix == "tab"
    assert document.blocks[1].list_ref.num_id == 1 and document.blocks[2].list_ref.level == 1
    assert document.blocks[12].list_ref is None
    first = document.blocks[1].label_look
    assert first.bold and first.font_east_asia == "黑体" and not document.blocks[1].runs[0].look.bold
    assert (document.blocks[2].look.left_indent_pt, document.blocks[2].look.first_line_indent_pt) == (32.0, -32.0)
    assert document.numbering is not None and set(document.numbering.lists) == {1, 2, 3, 4, 8}


def test_a_heading_style_with_numbering_labels_its_paragraphs(tmp_path: Path) -> None:
    d = new_document()
    set_lists(d, {5: [level(0, "decimal", "%1"), level(1, "decimal", "%1.%2")]}, {9: (5, "")})
    for sid, ilvl in (("Chapter", 0), ("Clause", 1)):
        add_style(d, f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{sid}"/><w:pPr><w:numPr>'
                     f'<w:ilvl w:val="{ilvl}"/><w:numId w:val="9"/></w:numPr><w:outlineLvl w:val="{ilvl}"/></w:pPr></w:style>')
    for text, style in (("范围", "Chapter"), ("术语", "Chapter"), ("核电厂", "Clause"), ("机组", "Clause")):
        d.add_paragraph(text, style=style)
    path = save(d, tmp_path / "h.docx")
    assert [b.label for b in read_docx(path).blocks] == ["1", "2", "2.1", "2.2"]
    from app.core.scan import scan

    outline = scan(read_docx(path)).outline
    assert [(s.level, s.title, s.label) for s in outline] == [
        (1, "1 范围", "1"), (1, "2 术语", "2"), (2, "2.1 核电厂", "2.1"), (2, "2.2 机组", "2.2")]


def test_a_chinese_counting_list_item_is_a_first_level_heading(tmp_path: Path) -> None:
    """The 编制说明 case: "一、" from a list before a typed "二、": both open sections."""
    from app.core.scan import scan

    outline = scan(read_docx(list_report(tmp_path / "i.docx", typed_second=True))).outline
    assert [(s.level, s.title, s.label) for s in outline] == [
        (0, "2025年工作总结", ""), (1, "一、基本情况", "一、"), (1, "二、主要做法", "")]


# --- tables -----------------------------------------------------------------------------------


def test_a_table_without_borders_has_none(tmp_path: Path) -> None:
    d = new_document()
    table = d.add_table(rows=2, cols=2)  # python-docx's default: no table style, no borders
    table.cell(0, 0).text = "封面"
    tables = read_docx(save(d, tmp_path / "j.docx")).tables
    assert len(tables) == 1
    look = tables[0].cell(0, 0)
    assert (look.top, look.bottom, look.left, look.right, look.shading) == (None, None, None, None, None)
    assert len(tables[0].column_widths_pt) == 2


def test_table_grid_style_and_direct_borders(tmp_path: Path) -> None:
    d = new_document()
    grid = d.add_table(rows=2, cols=2)
    grid.style = d.styles["Table Grid"]
    own = d.add_table(rows=3, cols=2)
    own._tbl.tblPr.append(xml(
        '<w:tblBorders><w:top w:val="double" w:sz="12" w:color="FF0000"/><w:bottom w:val="single" w:sz="8"/>'
        '<w:insideH w:val="nil"/><w:insideV w:val="dashed" w:sz="4"/></w:tblBorders>'))
    cell = own.cell(1, 0)._tc
    cell.get_or_add_tcPr().append(xml('<w:tcBorders><w:top w:val="single" w:sz="16" w:color="0000FF"/></w:tcBorders>'))
    cell.get_or_add_tcPr().append(xml('<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'))
    first, second = read_docx(save(d, tmp_path / "k.docx")).tables
    edges = first.cell(0, 0)
    assert all(isinstance(e, Border) and e.style == "single" for e in (edges.top, edges.bottom, edges.left, edges.right))
    top_left = second.cell(0, 0)
    assert top_left.top == Border("double", 1.5, "FF0000") and top_left.bottom is None and top_left.left is None
    assert top_left.right == Border("dashed", 0.5, None)
    middle = second.cell(1, 0)
    assert middle.top == Border("single", 2.0, "0000FF") and middle.shading == "D9D9D9"
    assert second.cell(2, 1).bottom == Border("single", 1.0, None) and second.cell(2, 1).right is None


def test_table_style_conditional_first_row_and_bands(tmp_path: Path) -> None:
    d = new_document()
    add_style(d, '<w:style w:type="table" w:styleId="Banded"><w:name w:val="Banded"/>'
                 '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8"/><w:bottom w:val="single" w:sz="8"/>'
                 '</w:tblBorders></w:tblPr>'
                 '<w:tblStylePr w:type="firstRow"><w:tcPr><w:tcBorders><w:bottom w:val="single" w:sz="4"/></w:tcBorders>'
                 '<w:shd w:val="clear" w:fill="4472C4"/></w:tcPr></w:tblStylePr>'
                 '<w:tblStylePr w:type="band1Horz"><w:tcPr><w:shd w:val="clear" w:fill="D9E2F3"/></w:tcPr></w:tblStylePr>'
                 '</w:style>')
    table = d.add_table(rows=4, cols=2)
    table._tbl.tblPr.append(xml('<w:tblStyle w:val="Banded"/>'))
    table._tbl.tblPr.append(xml('<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
                                'w:noHBand="0" w:noVBand="1"/>'))
    look = read_docx(save(d, tmp_path / "l.docx")).tables[0]
    assert look.cell(0, 0).shading == "4472C4" and look.cell(0, 0).bottom == Border("single", 0.5, None)
    assert [look.cell(r, 0).shading for r in (1, 2, 3)] == ["D9E2F3", None, "D9E2F3"]
    assert look.cell(0, 1).top == Border("single", 1.0, None) and look.cell(1, 0).top is None


# --- the writer writes nothing because of labels or looks ---------------------------------------


def test_an_unchanged_labelled_document_saves_byte_for_byte(tmp_path: Path) -> None:
    path = list_report(tmp_path / "m.docx")
    document = read_docx(path)
    assert [b.label for b in document.blocks] == ["", "一、", "", "二、"]
    out = tmp_path / "out.docx"
    write_docx(document, out)
    with zipfile.ZipFile(path) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            assert a.read(name) == b.read(name), name


@pytest.mark.parametrize("edit", ["heading", "body"])
def test_an_edited_labelled_block_gets_no_label_text(tmp_path: Path, edit: str) -> None:
    path = list_report(tmp_path / "n.docx")
    document = read_docx(path)
    block = document.blocks[1] if edit == "heading" else document.blocks[2]
    block.replace_text(0, 2, "总体")
    out = tmp_path / "out.docx"
    write_docx(document, out)
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
    assert "一、" not in body and "二、" not in body
    again = read_docx(out)
    assert [b.label for b in again.blocks] == ["", "一、", "", "二、"]
    assert again.blocks[1].text == ("总体情况" if edit == "heading" else "基本情况")
    assert again.blocks[1].list_ref == document.blocks[1].list_ref


def test_a_recovery_copy_keeps_the_lists(tmp_path: Path) -> None:
    from app.io.recovery_payload import recovery_bytes, restore

    document = read_docx(list_report(tmp_path / "o.docx"))
    # The window moved 主要做法 above 基本情况 before the crash: the labels follow the new order.
    document.blocks[1], document.blocks[3] = document.blocks[3], document.blocks[1]
    copy = restore(recovery_bytes(document)).document
    assert [(b.label, b.text) for b in copy.blocks] == [
        ("", "2025年工作总结"), ("一、", "主要做法"), ("", "全年完成X项工作。"), ("二、", "基本情况")]
    assert copy.numbering is not None and copy.blocks[1].look is not None


def test_a_chart_keeps_its_room(tmp_path: Path) -> None:
    """A chart (c:chart in a w:drawing) is no picture Qt can show, but Word gives it its size on
    the page: the reader hands it over as a picture of that size (shown as a labelled box)."""
    d = new_document()
    run = d.add_paragraph("销售额如下：").add_run()
    run._r.append(xml(
        '<w:drawing xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<wp:inline><wp:extent cx="5486400" cy="3200400"/><wp:docPr id="1" name="图表 1"/><a:graphic>'
        '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rIdChart"/>'
        '</a:graphicData></a:graphic></wp:inline></w:drawing>'))
    block = read_docx(save(d, tmp_path / "图表.docx")).blocks[0]
    assert block.text == "销售额如下："
    assert [(i.offset, i.key, i.width_emu, i.height_emu) for i in block.images] == [(6, "rIdChart", 5486400, 3200400)]
