"""Tables of contents are no sections (issue 7, item 2, and issue 2's outline rules), and a move
the .docx could not be saved in as shown is refused before anything changes.

Word writes a contents list as a content control of its "Table of Contents" gallery, as a TOC
field, in toc 1..9 styles, or any mix; people paste one as plain text with tabs or dot leaders
before the page numbers. The fixtures below are our own short reports built with python-docx.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.core.document import Block, Document
from app.core.edits import apply_change
from app.core.outline import heading_of, in_contents, is_contents_entry, title_of
from app.core.renumber import move_up
from app.core.scan import scan
from app.io import save
from app.io.docx_reader import read_docx
from app.io.docx_writer import can_reorder
from app.io.errors import DocumentError
from app.io.load import load
from app.ui.change_applier import ApplyError
from tests.shared import CORPUS, ROOT, need

ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
TOC_GALLERY = '<w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj>'



# --- fixtures ---------------------------------------------------------------------------------


def _wrap_in_control(paragraphs: list, gallery: str = "") -> None:  # noqa: ANN001 - python-docx paragraphs
    """Move ``paragraphs`` (adjacent body paragraphs) into one content control (w:sdt)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    sdt = parse_xml(f"<w:sdt {nsdecls('w')}><w:sdtPr>{gallery}</w:sdtPr><w:sdtContent/></w:sdt>")
    paragraphs[0]._p.addprevious(sdt)
    content = sdt.find(qn("w:sdtContent"))
    for paragraph in paragraphs:
        content.append(paragraph._p)


def _field_char(paragraph, kind: str) -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), kind)
    run.append(mark)
    paragraph._p.append(run)


def _field_code(paragraph, code: str) -> None:  # noqa: ANN001
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = code
    run.append(instr)
    paragraph._p.append(run)


def _body(d, headings: list[str]) -> None:  # noqa: ANN001
    for n, heading in enumerate(headings, start=1):
        d.add_paragraph(heading)
        d.add_paragraph(f"这一部分的正文，第{n}段，全年完成X项。")


HEADINGS = ["一、服务开展情况", "二、存在的不足", "三、下一步打算"]


def control_contents_report(path: Path) -> Path:
    """A title, then Word's contents list as a content control (its heading, entries with page
    numbers and one without), then the three sections."""
    import docx

    d = docx.Document()
    d.add_paragraph("某街道2025年社区服务工作总结")
    entries = [d.add_paragraph("目录"), d.add_paragraph("一、服务开展情况\t1"), d.add_paragraph("二、存在的不足"),
               d.add_paragraph("三、下一步打算\t3")]
    _wrap_in_control(entries, TOC_GALLERY)
    _body(d, HEADINGS)
    d.save(str(path))
    return path


def field_contents_report(path: Path, title: bool = True) -> Path:
    """The contents list as a bare TOC field over three paragraphs, none with a page number."""
    import docx

    d = docx.Document()
    if title:
        d.add_paragraph("某街道2025年社区服务工作总结")
    first = d.add_paragraph()
    _field_char(first, "begin")
    _field_code(first, ' TOC \\o "1-3" \\h \\z \\u ')
    _field_char(first, "separate")
    first.add_run(HEADINGS[0])
    d.add_paragraph(HEADINGS[1])
    last = d.add_paragraph(HEADINGS[2])
    _field_char(last, "end")
    _body(d, HEADINGS)
    d.save(str(path))
    return path


def styled_contents_report(path: Path) -> Path:
    """The contents list as paragraphs in Word's toc 1 style only (no control, no field)."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    d = docx.Document()
    d.add_paragraph("某街道2025年社区服务工作总结")
    d.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    for heading in HEADINGS:
        d.add_paragraph(heading, style="toc 1")
    _body(d, HEADINGS)
    d.save(str(path))
    return path


def control_report(path: Path) -> Path:
    """Content controls that are not a contents list: one wraps the end of 一、 and the heading of
    二、 (no move of 二、 can keep it whole), one wraps the whole of 三、 (it moves whole)."""
    import docx

    d = docx.Document()
    d.add_paragraph("某社区2025年志愿服务情况")
    d.add_paragraph("一、队伍建设")
    d.add_paragraph("新招募志愿者X名。")
    torn = [d.add_paragraph("全年培训X次。"), d.add_paragraph("二、服务项目")]
    d.add_paragraph("开展助老服务X场。")
    whole = [d.add_paragraph("三、经费保障"), d.add_paragraph("落实经费X万元。")]
    d.add_paragraph("四、下步安排")
    d.add_paragraph("继续扩大服务范围。")
    _wrap_in_control(torn)
    _wrap_in_control(whole)
    d.save(str(path))
    return path


def outline_of(document: Document) -> list[tuple[int, str, int]]:
    return [(s.level, s.title, s.block) for s in scan(document).outline]


# --- the rule on text -------------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "第五章 图表\t19", "一、总体要求……3", "（一）组织领导……………12", "1. 加强学习 ........ 7", "二、工作成效\t\t4",
    "第一部分　基本情况·····2", "三、下步打算    5", "（2）经费保障\tiv", "1．目标任务…8",
])
def test_a_line_ending_in_a_leader_and_a_page_number_opens_no_section(line: str) -> None:
    assert is_contents_entry(line)
    assert heading_of(line) is None
    assert heading_of(line, outline_level=1) is None  # even in a Word heading style


@pytest.mark.parametrize(("line", "title"), [
    ("一、奋斗目标——2035", "一、奋斗目标——2035"),  # a dash is no leader
    ("（一）主要指标完成率达到95", "（一）主要指标完成率达到95"),
    ("二、2025年工作打算", "二、2025年工作打算"),
    ("1. 完成投资12亿元", "1. 完成投资12亿元"),
    ("（二）履行党建责任。一是……二是……", "（二）履行党建责任"),
    ("第三章\t附则", "第三章\t附则"),  # a tab after the marker, no page number
    ("二、发展目标2021…2025", "二、发展目标2021…2025"),  # four digits are a year, not a page
])
def test_headings_that_only_resemble_contents_entries_stay_headings(line: str, title: str) -> None:
    heading = heading_of(line)
    assert heading is not None and heading.title == title


def test_the_contents_heading_and_its_entries_are_never_the_title() -> None:
    texts = ["目　录", "一、总体情况……1", "二、工作成效\t2", "某局2025年工作总结", "一、总体情况", "正文。"]
    headings = {4: heading_of(texts[4])}
    assert title_of(texts, set(), headings) == (3, 4, "某局2025年工作总结")
    # A title line is not continued by the word 目录 below it.
    assert title_of(["关于社区服务的", "目录", "一、总体情况"], set(), {2: heading_of("一、总体情况")}) == \
        (0, 1, "关于社区服务的")


def test_a_typed_contents_list_in_a_text_file(tmp_path: Path) -> None:
    path = tmp_path / "总结.txt"
    path.write_text("某局2025年工作总结\n目  录\n一、服务开展情况……………1\n二、存在的不足 ........ 2\n"
                    "三、下一步打算\t3\n\n一、服务开展情况\n正文一。\n二、存在的不足\n正文二。\n三、下一步打算\n正文三。\n",
                    encoding="utf-8")
    assert outline_of(load(path)) == [(0, "某局2025年工作总结", 0), (1, HEADINGS[0], 6), (1, HEADINGS[1], 8),
                                      (1, HEADINGS[2], 10)]


# --- the reader's marks -----------------------------------------------------------------------


@pytest.mark.parametrize("build", [control_contents_report, field_contents_report, styled_contents_report])
def test_the_reader_marks_word_contents_lists_and_the_outline_skips_them(tmp_path: Path, build) -> None:  # noqa: ANN001
    document = read_docx(build(tmp_path / "总结.docx"))
    texts = document.texts
    marked = [b.text for b in document.blocks if b.toc]
    assert len(marked) in (3, 4) and all(in_contents(b) for b in document.blocks if b.toc)
    assert all(not document.blocks[i].toc for i in range(len(texts)) if texts[i] == "某街道2025年社区服务工作总结"
               or texts[i].startswith("这一部分"))
    first = len(marked) + 1  # the title, then the contents list, then the sections
    assert outline_of(document) == [(0, "某街道2025年社区服务工作总结", 0), (1, HEADINGS[0], first),
                                    (1, HEADINGS[1], first + 2), (1, HEADINGS[2], first + 4)]


def test_a_contents_list_first_in_the_file_gives_no_title(tmp_path: Path) -> None:
    """With no title line above it, a contents entry without a page number is still no title."""
    document = read_docx(field_contents_report(tmp_path / "总结.docx", title=False))
    assert [b.toc for b in document.blocks[:4]] == [True, True, True, False]
    assert outline_of(document) == [(1, HEADINGS[0], 3), (1, HEADINGS[1], 5), (1, HEADINGS[2], 7)]


def test_scan_json_on_our_contents_list(tmp_path: Path) -> None:
    path = control_contents_report(tmp_path / "总结.docx")
    found = _scan_json(path)
    assert [(o["level"], o["title"], o["block"]) for o in found["outline"]] == [
        (0, "某街道2025年社区服务工作总结", 0), (1, HEADINGS[0], 5), (1, HEADINGS[1], 7), (1, HEADINGS[2], 9)]


def _scan_json(path: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "app", "scan", str(path), "--json"], cwd=ROOT,
                            capture_output=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr.decode("utf-8", "replace")
    return json.loads(result.stdout.decode("utf-8"))


# --- the corpus: contents lists written by Word and by poi-tl --------------------------------

CORPUS_CASES = {
    # file: (headings that must be found as (title, block), the last block of the contents list)
    "easypoi__doc_EasyPoi教程.docx": ([("前面的话", 36), ("第三章PDF导出", 390), ("第五章 Excel 图表", 411)], 16),
    "easypoi__doc_EasyPoi教程_2.docx": ([("前面的话", 36), ("第三章PDF导出", 392), ("第五章 Excel 图表", 413)], 16),
    # Its headings are numbered by a Word list: the title shows the label ("一、"), as Word does.
    "poi-tl__914.docx": ([("一、风险识别", 3)], 2),
}


@pytest.mark.parametrize("name", sorted(CORPUS_CASES))
def test_corpus_contents_lists_are_no_sections(name: str) -> None:
    path = need(CORPUS / name)
    wanted, last = CORPUS_CASES[name]
    document = read_docx(path)
    marked = [i for i, b in enumerate(document.blocks) if b.toc]
    assert marked and marked[-1] == last
    found = _scan_json(path)
    outline = [(o["title"], o["block"]) for o in found["outline"]]
    assert not [o for o in found["outline"] if 0 < o["block"] <= last], outline
    assert not [title for title, _ in outline if is_contents_entry(title)]
    assert set(wanted) <= set(outline)
    # The engine in-process agrees with the command line.
    assert [(s.title, s.block) for s in scan(document).outline] == outline


# --- the window -------------------------------------------------------------------------------


def outline_titles(window) -> list[str]:  # noqa: ANN001
    """Every row of the outline tree, depth first."""
    window.refresh_now()
    model = window.outline.model()
    rows: list[str] = []

    def walk(parent) -> None:  # noqa: ANN001
        for r in range(model.rowCount(parent)):
            index = model.index(r, 0, parent)
            rows.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return rows


def test_window_outline_leaves_out_the_contents_list(window, tmp_path: Path) -> None:  # noqa: ANN001
    for build in (control_contents_report, field_contents_report):
        assert window.open_path(build(tmp_path / f"{build.__name__}.docx"))
        assert outline_titles(window) == ["某街道2025年社区服务工作总结", *HEADINGS]
        window.editor.document().setModified(False)


def test_window_outline_of_a_corpus_contents_list(window) -> None:  # noqa: ANN001
    assert window.open_path(need(CORPUS / "poi-tl__914.docx"))
    rows = outline_titles(window)
    assert "一、风险识别" in rows and not [r for r in rows if "\t" in r or r == "目录"]


# --- moves the .docx could not save as shown --------------------------------------------------


def _section(document: Document, title: str) -> int:
    return next(i for i, s in enumerate(scan(document).outline) if s.title == title)


def test_can_reorder_knows_which_moves_keep_content_controls_whole(tmp_path: Path) -> None:
    document = read_docx(control_report(tmp_path / "志愿.docx"))
    n = len(document.blocks)
    assert can_reorder(document, list(range(n)))
    torn = move_up(document, _section(document, "二、服务项目"), auto_renumber=False)
    assert not can_reorder(document, torn.order)
    whole = move_up(document, _section(document, "四、下步安排"), auto_renumber=False)
    assert can_reorder(document, whole.order)
    # A document read from text has nothing that moves whole.
    text = Document([Block.plain(t) for t in document.texts])
    assert can_reorder(text, torn.order)


def test_writer_refuses_to_save_an_order_it_cannot_keep(tmp_path: Path) -> None:
    source = control_report(tmp_path / "志愿.docx")
    document = load(source)
    apply_change(document, move_up(document, _section(document, "二、服务项目")))
    target = tmp_path / "移动后.docx"
    with pytest.raises(DocumentError) as caught:
        save.save_document(document, target)
    assert "无法按现在的顺序保存" in str(caught.value) and "内容控件" in str(caught.value)
    assert not target.exists()


def test_writer_saves_a_move_that_keeps_a_control_whole(tmp_path: Path) -> None:
    document = load(control_report(tmp_path / "志愿.docx"))
    apply_change(document, move_up(document, _section(document, "四、下步安排")))
    target = tmp_path / "移动后.docx"
    save.save_document(document, target)
    again = read_docx(target)
    assert again.texts == document.texts
    assert [t for t in again.texts if t.endswith(("安排", "保障"))] == ["三、下步安排", "四、经费保障"]


def _press_on_outline(qtbot, window, heading: str, key: Qt.Key) -> None:  # noqa: ANN001
    window.refresh_now()
    model = window.outline.model()
    title = model.index(0, 0)
    rows = [model.index(r, 0, title) for r in range(model.rowCount(title))]
    window.outline.setCurrentIndex(next(i for i in rows if i.data() == heading))
    window.outline.setFocus()
    qtbot.keyClick(window.outline, key, ALT_SHIFT)


def test_window_refuses_a_move_that_would_tear_a_content_control(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    path = control_report(tmp_path / "志愿.docx")
    assert window.open_path(path)
    qdoc = window.editor.document()
    before = [b.text() for b in qdoc.paragraphs()]
    steps = qdoc.availableUndoSteps()
    document = window.current_document()
    change = move_up(document, _section(document, "二、服务项目"))
    with pytest.raises(ApplyError) as caught:
        window.report.changes.check(change)
    assert "内容控件" in str(caught.value)
    _press_on_outline(qtbot, window, "二、服务项目", Qt.Key.Key_Up)
    assert isinstance(window.operations.dialog, QMessageBox) and "无法按所见的顺序保存" in window.operations.dialog.text()
    window.operations.dialog.close()
    assert [b.text() for b in qdoc.paragraphs()] == before
    assert qdoc.availableUndoSteps() == steps and not qdoc.isModified()
    # A move that keeps the controls whole goes through, and is saved as shown.
    _press_on_outline(qtbot, window, "四、下步安排", Qt.Key.Key_Up)
    shown = [b.text() for b in qdoc.paragraphs()]
    assert shown.index("三、下步安排") < shown.index("四、经费保障")
    assert window.save()
    assert read_docx(path).texts == shown


def test_the_table_refusal_says_what_is_true(window) -> None:  # noqa: ANN001
    from app.ui.paragraph_moves import across_table

    message = across_table()
    assert "表格" in message and "命令行" not in message and "暂时" not in message


def test_a_recovered_copy_keeps_the_contents_marks(tmp_path: Path) -> None:
    from app.io.recovery_payload import recovery_bytes, restore

    document = read_docx(field_contents_report(tmp_path / "总结.docx"))
    recovered = restore(recovery_bytes(document)).document
    assert [b.toc for b in recovered.blocks] == [b.toc for b in document.blocks]
    assert outline_of(recovered) == outline_of(document)
