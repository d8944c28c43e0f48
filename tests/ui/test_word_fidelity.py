"""The window shows a .docx as Word does (issue 14): runs and paragraphs by their resolved looks,
list labels painted beside the text (never in it), tables with the file's borders and widths;
and none of it reaches the file: saving writes only what the user changed."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QFont, QTextCursor

from app.core.edits import Change
from app.io.docx_reader import read_docx
from app.io.docx_writer import write_docx
from app.ui.block_data import data_of
from app.ui.qt_formats import LABEL_ROOM, LOOK_SHOWN, PX_PER_PT, word_spacing
from tests.fixtures_docx import body_paragraphs, paragraph_xml
from tests.word_docs import W, add_style, level, numbered, save, set_doc_defaults, set_lists, xml


def styled_body(path: Path) -> Path:
    """Body text 10.5 pt from docDefaults, a bold style "Lead", a 2-character first-line indent
    and fixed 20 pt lines from the Normal style: none of it direct formatting."""
    d = docx.Document()
    set_doc_defaults(d, '<w:rFonts w:eastAsia="宋体"/><w:sz w:val="21"/>')
    add_style(d, '<w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/>'
                 '<w:pPr><w:jc w:val="center"/><w:spacing w:line="400" w:lineRule="exact"/></w:pPr>'
                 '<w:rPr><w:b/><w:spacing w:val="40"/></w:rPr></w:style>')
    d.add_paragraph("全年完成各项工作任务。")
    d.add_paragraph("重点工作", style="Lead")
    p = d.add_paragraph("第三段正文。")
    p._p.get_or_add_pPr().append(xml('<w:ind w:firstLineChars="200"/>'))
    return save(d, path)


def test_styled_runs_show_as_word_shows_them(window, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(styled_body(tmp_path / "样式.docx"))
    qdoc = window.editor.document()
    body, lead, third = (qdoc.findBlockByNumber(n) for n in range(3))
    body_format = body.begin().fragment().charFormat()
    assert body_format.fontPointSize() == 10.5 and body_format.property(LOOK_SHOWN)
    assert "宋体" in body_format.fontFamilies()
    lead_char = lead.begin().fragment().charFormat()
    assert lead_char.fontWeight() >= 600 and lead_char.fontPointSize() == 10.5
    # Character spacing 2 pt (w:spacing in the style's w:rPr), in the layout's pixels.
    assert lead_char.fontLetterSpacingType() == QFont.SpacingType.AbsoluteSpacing
    assert round(lead_char.fontLetterSpacing(), 2) == round(2 * 96 / 72, 2)
    assert body_format.fontLetterSpacing() in (0, 100)  # none given: Qt's default
    assert lead.blockFormat().alignment() & 0x4  # AlignHCenter
    assert round(lead.blockFormat().lineHeight(), 1) == round(20 * 96 / 72, 1)
    # Two characters of the paragraph's 10.5 pt, not of the window's 三号.
    assert round(third.blockFormat().textIndent(), 1) == round(2 * 10.5 * 96 / 72, 1)


def test_editing_saves_only_what_the_user_changed(window, tmp_path: Path) -> None:  # noqa: ANN001
    source = styled_body(tmp_path / "样式.docx")
    assert window.open_path(source)
    qdoc = window.editor.document()
    for number, where in ((0, 2), (1, 2), (2, 1)):
        cursor = QTextCursor(qdoc.findBlockByNumber(number))
        cursor.setPosition(cursor.position() + where)
        cursor.insertText("新")
    out = tmp_path / "另存.docx"
    write_docx(window.report.export(), out)
    for n in range(3):
        p = paragraph_xml(out, n)
        assert "新" in "".join(p.itertext())
        # The look (10.5 pt, 宋体, bold from the style, centred, the indent) stays the styles'.
        assert not p.findall(f".//{{{W}}}sz") and not p.findall(f".//{{{W}}}rFonts")
        assert not p.findall(f".//{{{W}}}b") and not p.findall(f".//{{{W}}}jc")
        assert not p.findall(f".//{{{W}}}rPr/{{{W}}}spacing")
    assert paragraph_xml(out, 2).find(f".//{{{W}}}ind").get(f"{{{W}}}firstLineChars") == "200"


def test_a_bold_made_by_the_user_is_saved_and_nothing_else(window, tmp_path: Path) -> None:  # noqa: ANN001
    source = styled_body(tmp_path / "样式.docx")
    assert window.open_path(source)
    qdoc = window.editor.document()
    cursor = QTextCursor(qdoc.findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, 2)
    window.editor.setTextCursor(cursor)
    window.editor.setFontWeight(700)
    out = tmp_path / "加粗.docx"
    write_docx(window.report.export(), out)
    p = paragraph_xml(out, 0)
    assert len(p.findall(f".//{{{W}}}b")) == 1 and not p.findall(f".//{{{W}}}sz")
    # The paragraphs the user did not touch are byte for byte what was read.
    assert body_paragraphs(out)[1:] == body_paragraphs(source)[1:]


def list_report(path: Path) -> Path:
    d = docx.Document()
    set_lists(d, {0: [level(0, "chineseCounting", "%1、", extra='<w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr>'),
                      level(1, "chineseCounting", "（%2）",
                            extra='<w:pPr><w:ind w:left="640" w:hanging="640"/></w:pPr>')]},
              {1: (0, "")})
    d.add_paragraph("2025年工作总结")
    numbered(d, "基本情况", 1, 0)
    numbered(d, "学习", 1, 1)
    d.add_paragraph("全年完成X项工作。")
    numbered(d, "主要做法", 1, 0)
    d.add_paragraph("落实到位。")
    return save(d, path)


def _label_ink(window, number: int) -> int:  # noqa: ANN001
    """Dark pixels the editor paints in the room left before paragraph ``number``'s first line."""
    editor = window.editor
    qdoc = editor.document()
    block = qdoc.findBlockByNumber(number)
    editor.setTextCursor(QTextCursor(block))
    editor.ensureCursorVisible()
    image = editor.viewport().grab().toImage()
    box = qdoc.documentLayout().blockBoundingRect(block).translated(-editor.horizontalScrollBar().value(),
                                                                    -editor.verticalScrollBar().value())
    line = block.layout().lineAt(0)
    x_text = line.cursorToX(line.textStart())
    x_text = x_text[0] if isinstance(x_text, tuple) else x_text
    room = block.blockFormat().property(LABEL_ROOM)
    dark = 0
    for x in range(int(box.left() + x_text - room), int(box.left() + x_text) - 1):
        for y in range(int(box.top() + line.y()), int(box.top() + line.y() + line.height())):
            if 0 <= x < image.width() and 0 <= y < image.height() and image.pixelColor(x, y).lightness() < 128:
                dark += 1
    return dark


def test_list_labels_are_painted_not_text(window, tmp_path: Path) -> None:  # noqa: ANN001
    source = list_report(tmp_path / "编号.docx")
    assert window.open_path(source)
    qdoc = window.editor.document()
    numbered_block = qdoc.findBlockByNumber(1)
    assert numbered_block.text() == "基本情况" and data_of(numbered_block).block.label == "一、"
    assert numbered_block.blockFormat().property(LABEL_ROOM) > 0
    assert not qdoc.findBlockByNumber(3).blockFormat().hasProperty(LABEL_ROOM)
    assert _label_ink(window, 1) > 5 and _label_ink(window, 2) > 5
    assert "一、" not in qdoc.toPlainText()
    # Typing in a numbered paragraph saves its text only (the label stays the list's).
    cursor = QTextCursor(numbered_block)
    cursor.insertText("总体")
    out = tmp_path / "另存.docx"
    write_docx(window.report.export(), out)
    assert "".join(paragraph_xml(out, 1).itertext()) == "总体基本情况"


def test_labels_follow_a_section_move_and_its_undo(window, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(list_report(tmp_path / "编号.docx"))
    qdoc = window.editor.document()
    # 二、主要做法 and its body move before 一、基本情况.
    assert window.report.changes.apply(Change("移动", order=[0, 4, 5, 1, 2, 3]))
    labels = [data_of(qdoc.findBlockByNumber(n)).block.label for n in range(6)]
    texts = [qdoc.findBlockByNumber(n).text() for n in range(6)]
    assert texts[1] == "主要做法" and labels[1] == "一、"
    assert texts[3] == "基本情况" and labels[3] == "二、" and labels[4] == "（一）"
    window.editor.undo()
    assert qdoc.findBlockByNumber(1).text() == "基本情况"
    assert data_of(qdoc.findBlockByNumber(1)).block.label == "一、"
    assert data_of(qdoc.findBlockByNumber(4)).block.label == "二、"


def table_report(path: Path, style: str | None) -> Path:
    d = docx.Document()
    d.add_paragraph("表格如下：")
    table = d.add_table(rows=2, cols=2, style=style)
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"格{r}{c}"
    tc_pr = table.cell(0, 1)._tc.get_or_add_tcPr()
    tc_pr.append(xml('<w:shd w:val="clear" w:color="auto" w:fill="D9E2F3"/>'))
    return save(d, path)


def _cells(window):  # noqa: ANN001, ANN202
    cursor = QTextCursor(window.editor.document())
    while cursor.currentTable() is None and not cursor.atEnd():
        cursor.movePosition(QTextCursor.MoveOperation.NextBlock)
    table = cursor.currentTable()
    assert table is not None
    return [[table.cellAt(r, c).format().toTableCellFormat() for c in range(2)] for r in range(2)]


def test_a_table_without_borders_shows_no_grid(window, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(table_report(tmp_path / "无框.docx", None))
    cells = _cells(window)
    assert all(f.topBorder() == 0 and f.leftBorder() == 0 for row in cells for f in row)
    assert cells[0][1].background().color().name().upper() == "#D9E2F3"


def test_a_grid_table_shows_its_borders(window, tmp_path: Path) -> None:  # noqa: ANN001
    source = table_report(tmp_path / "网格.docx", "Table Grid")
    assert window.open_path(source)
    cells = _cells(window)
    assert all(f.topBorder() >= 0.5 and f.bottomBorder() >= 0.5 for row in cells for f in row)
    out = tmp_path / "另存.docx"
    write_docx(window.report.export(), out)
    assert body_paragraphs(out) == body_paragraphs(source)


def test_a_page_break_before_shows_on_screen_and_breaks_the_paper(window, tmp_path: Path) -> None:  # noqa: ANN001
    import re

    from app.io.page import page_setup
    from app.ui.printing import export_pdf
    from app.ui.qt_formats import SCREEN_BREAK_GAP

    d = docx.Document()
    d.add_paragraph("封面")
    d.add_paragraph("正文从新的一页开始。").paragraph_format.page_break_before = True
    assert window.open_path(save(d, tmp_path / "分页.docx"))
    qdoc = window.editor.document()
    second = qdoc.findBlockByNumber(1).blockFormat()
    assert second.property(SCREEN_BREAK_GAP) and second.topMargin() >= second.property(SCREEN_BREAK_GAP)
    out = tmp_path / "分页.pdf"
    export_pdf(window.report, page_setup(window.report.original), out, "分页")
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", out.read_bytes())) == 2


def test_a_paragraph_kept_on_one_page_still_wraps(window, tmp_path: Path) -> None:  # noqa: ANN001
    """w:keepLines (Heading 1 has it in Word's own styles) keeps lines together on a page; it
    must not stop them wrapping (Qt's nonBreakableLines would run the heading off the page)."""
    d = docx.Document()
    p = d.add_paragraph("关于进一步加强和改进机关作风建设、全面提升服务质量和办事效率的实施意见" * 3)
    p._p.get_or_add_pPr().append(xml("<w:keepLines/>"))
    assert window.open_path(save(d, tmp_path / "标题.docx"))
    block = window.editor.document().findBlockByNumber(0)
    window.editor.document().documentLayout().blockBoundingRect(block)  # laid out
    assert block.layout().lineCount() > 1
    assert block.layout().boundingRect().width() <= window.editor.lineWrapColumnOrWidth()


def _spacing_report(path: Path, adds: bool) -> Path:
    d = docx.Document()
    if adds:  # Word's pre-2000 compatibility setting: spacings add up
        compat = d.settings.element.find(f"{{{W}}}compat")
        if compat is None:
            compat = xml("<w:compat/>")
            d.settings.element.append(compat)
        compat.append(xml("<w:doNotUseHTMLParagraphAutoSpacing/>"))
    add_style(d, '<w:style w:type="paragraph" w:styleId="Item"><w:name w:val="Item"/><w:pPr>'
                 '<w:spacing w:before="240" w:after="240"/><w:contextualSpacing/></w:pPr></w:style>')
    first = d.add_paragraph("第一段")
    first._p.get_or_add_pPr().append(xml('<w:spacing w:before="0" w:after="200"/>'))
    second = d.add_paragraph("第二段")
    second._p.get_or_add_pPr().append(xml('<w:spacing w:before="400" w:after="0"/>'))
    d.add_paragraph("条目一", style="Item")
    d.add_paragraph("条目二", style="Item")
    return save(d, path)


@pytest.mark.parametrize("adds", [False, True])
def test_spacing_between_paragraphs_as_word_lays_it_out(window, tmp_path: Path, adds: bool) -> None:  # noqa: ANN001
    """The gap between two paragraphs is the larger of the first one's space after and the
    second one's space before (ISO 29500; Qt does the same), or their sum where the file keeps
    Word's old w:doNotUseHTMLParagraphAutoSpacing; w:contextualSpacing drops both between
    paragraphs of one style."""
    assert window.open_path(_spacing_report(tmp_path / "间距.docx", adds))
    qdoc = window.editor.document()
    layout = qdoc.documentLayout()
    boxes = [layout.blockBoundingRect(qdoc.findBlockByNumber(n)) for n in range(4)]
    px = 96 / 72
    assert abs((boxes[1].top() - boxes[0].bottom()) - ((10 + 20) if adds else 20) * px) < 3  # 10 pt after, 20 before
    assert abs((boxes[2].top() - boxes[1].bottom()) - 12 * px) < 3  # 0 after + the item's 12 pt before
    assert boxes[3].top() - boxes[2].bottom() < 3  # one style, contextual spacing: none between


def test_row_heights_are_kept_on_paper(window, tmp_path: Path) -> None:  # noqa: ANN001
    from app.ui.table_rows import fit_rows

    d = docx.Document()
    d.add_paragraph("表前")
    table = d.add_table(rows=2, cols=2)
    table.style = "Table Grid"
    table.rows[0]._tr.get_or_add_trPr().append(xml('<w:trHeight w:val="1440" w:hRule="atLeast"/>'))
    for row in table.rows:
        row.cells[0].text, row.cells[1].text = "甲", "乙"
    d.add_paragraph("表后")
    assert window.open_path(save(d, tmp_path / "行高.docx"))
    copy = window.editor.document().clone()
    copy.setTextWidth(700)
    layout = copy.documentLayout()

    def top(n: int) -> float:
        return layout.blockBoundingRect(copy.findBlockByNumber(n)).top()

    short = top(3) - top(1)  # the first row, as tall as its text
    assert fit_rows(copy) == 1
    copy.markContentsDirty(0, copy.characterCount())
    assert short < 40 and abs((top(3) - top(1)) - 96) < 3  # an inch: 72 pt at 96 px an inch


def test_a_row_height_counts_its_lines_at_their_line_height(window, tmp_path: Path) -> None:  # noqa: ANN001
    """A cell paragraph with "at least 30 pt" lines is as tall as those lines: padding the row up
    to its height counts them so, not at the text's own smaller height."""
    from app.ui.table_rows import fit_rows

    d = docx.Document()
    table = d.add_table(rows=2, cols=1)
    table.rows[0]._tr.get_or_add_trPr().append(xml('<w:trHeight w:val="1440" w:hRule="atLeast"/>'))
    table.rows[0].cells[0].text, table.rows[1].cells[0].text = "封面", "正文"
    spacing = table.rows[0].cells[0].paragraphs[0]._p.get_or_add_pPr()
    spacing.append(xml('<w:spacing w:before="0" w:after="0" w:line="600" w:lineRule="atLeast"/>'))
    assert window.open_path(save(d, tmp_path / "行距行高.docx"))
    copy = window.editor.document().clone()
    copy.setTextWidth(700)
    layout = copy.documentLayout()
    fit_rows(copy)
    copy.markContentsDirty(0, copy.characterCount())
    first, second = (layout.blockBoundingRect(copy.findBlockByNumber(n)).top() for n in (1, 2))
    assert abs((second - first) - 96) < 3  # the row is an inch, not an inch and the line's extra


def test_automatic_spacing_is_fourteen_points(tmp_path: Path) -> None:
    d = docx.Document()
    p = d.add_paragraph("网页段落")
    p._p.get_or_add_pPr().append(xml('<w:spacing w:before="100" w:beforeAutospacing="1" w:after="100" '
                                     'w:afterAutospacing="1"/>'))
    q = d.add_paragraph("普通段落")
    q._p.get_or_add_pPr().append(xml('<w:spacing w:before="100" w:beforeAutospacing="0" w:after="100"/>'))
    set_lists(d, {0: [level(0, "bullet", "•")], 1: [level(0, "bullet", "➢")]}, {1: (0, ""), 2: (1, "")})
    for text, num in (("甲", 1), ("乙", 1), ("丙", 1), ("另一列表", 2)):
        item = numbered(d, text, num)
        item._p.get_or_add_pPr().append(xml('<w:spacing w:beforeAutospacing="1" w:afterAutospacing="1"/>'))
    blocks = read_docx(save(d, tmp_path / "h.docx")).blocks
    auto, plain = blocks[0].look, blocks[1].look
    assert (auto.space_before_pt, auto.space_after_pt, auto.auto_before, auto.auto_after) == (14.0, 14.0, True, True)
    assert (plain.space_before_pt, plain.space_after_pt, plain.auto_before) == (5.0, 5.0, False)
    # The list items' looks keep theirs: between two items of one list the layout drops it.
    assert all((b.look.space_before_pt, b.look.auto_before) == (14.0, True) for b in blocks[2:])
    first, middle, last, other = blocks[2:]
    neighbours = [(blocks[1], first, middle), (first, middle, last), (middle, last, other), (last, other, None)]
    # (space before taken off, space after added) in px, the spacings adding up: none between
    # the items of one list; a list's first and last keep theirs outside it.
    assert [word_spacing(*n) for n in neighbours] == [
        (0.0, -14 * PX_PER_PT), (14 * PX_PER_PT, -14 * PX_PER_PT), (14 * PX_PER_PT, 14 * PX_PER_PT), (0.0, 0.0)]
