"""Issue 7 in the window, through the real widgets (pytest-qt, offscreen): the clean-up review
dialog, outline moves and renumbering, hints, counts, the official format, print and PDF. Each
operation must be ONE undo step and must keep the paragraphs' .docx XML."""
from __future__ import annotations

from tests.shared import SEED_REPORT as SEED_REPORT_FILE, FIXTURES as FIXTURES_DIR

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QDropEvent, QTextCursor
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.core.placeholders import find_in_text
from app.io.load import load
from app.ui.clean_dialog import CleanDialog

FIXTURE = FIXTURES_DIR / "beyond_report.txt"


def make_docx(path: Path, *, page_mm: tuple[float, float] | None = None, table: bool = True) -> Path:
    """A report of our own with a template site's lines around it, a bold figure placeholder and
    a table; ``page_mm``: a page size other than python-docx's default Letter."""
    import docx
    from docx.shared import Mm

    d = docx.Document()
    if page_mm is not None:
        d.sections[0].page_width, d.sections[0].page_height = Mm(page_mm[0]), Mm(page_mm[1])
    d.add_paragraph("优选文档网整理 仅供学习参考 禁止外传")
    d.add_paragraph("2020年度社区图书室工作总结")
    d.add_paragraph("一、借阅服务")
    p = d.add_paragraph("全年接待读者")
    p.add_run("X").bold = True
    p.add_run("人次,新增图书XX册。")
    d.add_paragraph("二、读书活动")
    d.add_paragraph("举办读书分享会X场。")
    if table:
        cells = d.add_table(rows=1, cols=2)
        cells.cell(0, 0).text = "活动"
        cells.cell(0, 1).text = "X场"
    d.add_paragraph("三、明年计划")
    d.add_paragraph("扩充少儿读物。")
    d.add_paragraph("更多范文请关注公众号：优选文档，咨询QQ：12345678")
    d.save(str(path))
    return path


def texts(window) -> list[str]:  # noqa: ANN001
    return [b.text() for b in window.editor.document().paragraphs()]


def action(window, name: str) -> QAction:  # noqa: ANN001
    found = window.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


def put_cursor(window, needle: str) -> None:  # noqa: ANN001
    for block in window.editor.document().paragraphs():
        if needle in block.text():
            window.editor.setTextCursor(QTextCursor(block))
            return
    raise AssertionError(f"no paragraph with {needle!r}")


def press(qtbot, window, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:  # noqa: ANN001
    window.editor.setFocus()
    qtbot.keyClick(window.editor, key, modifiers)


def undo(qtbot, window) -> None:  # noqa: ANN001
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:  # noqa: ANN001
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def placeholders(lines: list[str]) -> list[str]:
    return [line[f.start:f.end] for line in lines for f in find_in_text(line)]


@pytest.fixture
def text_window(window, tmp_path: Path):  # noqa: ANN001, ANN201
    path = tmp_path / "总结.txt"
    shutil.copy(FIXTURE, path)
    assert window.open_path(path)
    return window


@pytest.fixture
def docx_window(window, tmp_path: Path):  # noqa: ANN001, ANN201
    assert window.open_path(make_docx(tmp_path / "总结.docx"))
    return window


# --- 1. clean-up ------------------------------------------------------------------------------


def test_clean_dialog_removes_ads_in_one_undo_step(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    before = texts(w)
    action(w, "actionCleanJunk").trigger()
    dialog = w.findChild(CleanDialog)
    assert isinstance(dialog, CleanDialog) and dialog.isVisible()
    listed = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(listed) == 3 and all("整行" in row for row in listed)
    dialog.none_button.click()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.all_button.click()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = texts(w)
    assert after[0] == "2020年度街道便民服务站工作总结"
    assert not any("优选文档" in t or "仅供参考" in t for t in after)
    assert len(after) == len(before) - 3
    assert placeholders(after) == placeholders(before)
    undo(qtbot, w)
    assert texts(w) == before
    redo(qtbot, w)
    assert texts(w) == after
    undo(qtbot, w)
    assert texts(w) == before


def test_clean_of_the_seed_report_in_the_window(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The example from a template site: the window removes what `python -m app clean` does."""
    from app.core.clean import clean_all
    from app.core.edits import texts_after

    seed = SEED_REPORT_FILE
    if not seed.exists():
        pytest.skip("../shared/examples is not beside this clone")
    path = tmp_path / "述职报告.txt"
    shutil.copy(seed, path)
    assert window.open_path(path)
    before = texts(window)
    _, change = clean_all(load(path))
    expected = texts_after(load(path).texts, change)
    dialog = window.cleanup.ask_clean()
    assert dialog.list.count() >= 3
    dialog.accept()
    after = texts(window)
    assert after == expected
    assert not any("QQ" in t or "会员" in t for t in after)
    assert placeholders(after) == placeholders(before)


def test_clean_keeps_unticked_items(text_window) -> None:  # noqa: ANN001
    w = text_window
    dialog = w.cleanup.ask_clean()
    dialog.list.item(1).setCheckState(Qt.CheckState.Unchecked)  # 仅供参考，用后删除 stays
    dialog.accept()
    assert "仅供参考，用后删除" in texts(w)
    assert not any("优选文档" in t for t in texts(w))


def test_clean_docx_saves_without_ads_and_keeps_runs(docx_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    w = docx_window
    before = texts(w)
    w.cleanup.ask_clean().accept()
    cleaned = texts(w)
    assert cleaned[0] == "2020年度社区图书室工作总结" and "更多范文" not in "".join(cleaned)
    # Undo past the clean-up and redo it: the paragraphs still know their XML.
    undo(qtbot, w)
    assert texts(w) == before
    assert all(b.source is not None for b in w.current_document().blocks)
    redo(qtbot, w)
    assert texts(w) == cleaned
    assert all(b.source is not None for b in w.current_document().blocks)
    out = tmp_path / "清理后.docx"
    assert w.session.write(out, save_as=True)
    saved = load(out)
    assert [b.text for b in saved.blocks if b.cell is None][:2] == ["2020年度社区图书室工作总结", "一、借阅服务"]
    assert "更多范文" not in "".join(saved.texts) and "优选文档" not in "".join(saved.texts)
    figure = next(b for b in saved.blocks if b.text.startswith("全年接待读者"))
    assert [r.text for r in figure.runs if r.format.bold] == ["X"]
    assert [b.text for b in saved.blocks if b.cell is not None] == ["活动", "X场"]


def test_undo_of_a_clean_up_after_saving_saves_again(docx_window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    w = docx_window
    before = texts(w)
    w.cleanup.ask_clean().accept()
    out = tmp_path / "已保存.docx"
    assert w.session.write(out, save_as=True)
    undo(qtbot, w)  # past the save: the window re-read the file, the lines come back as new ones
    assert texts(w) == before
    assert w.session.write(out)
    again = load(out)
    assert [b.text for b in again.blocks if b.cell is None] == [t for t in before if t not in ("活动", "X场")]
    assert [b.text for b in again.blocks if b.cell is not None] == ["活动", "X场"]
    figure = next(b for b in again.blocks if b.text.startswith("全年接待读者"))
    assert [r.text for r in figure.runs if r.format.bold] == ["X"]


# --- 2. move and renumber ---------------------------------------------------------------------


def test_alt_shift_up_moves_a_section_and_renumbers(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    before = texts(w)
    put_cursor(w, "部分工作人员")  # in the body of 二、存在的不足
    press(qtbot, w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    after = texts(w)
    assert after.index("一、存在的不足") < after.index("二、服务开展情况") < after.index("三、下一步打算")
    # The section moved with its body; the subsections of the other one moved along with it.
    moved = after.index("一、存在的不足")
    assert after[moved + 1].startswith("部分工作人员")
    assert after.index("（一）便民窗口。窗口全年受理业务X件,群众满意度较高。") > after.index("二、服务开展情况")
    assert w.editor.textCursor().block().text() == "一、存在的不足"
    undo(qtbot, w)
    assert texts(w) == before
    redo(qtbot, w)
    assert texts(w) == after


def test_alt_shift_down_and_auto_renumber_off(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    action(w, "actionAutoRenumber").trigger()
    assert not w.moves.auto_renumber
    put_cursor(w, "一、服务开展情况")
    press(qtbot, w, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    after = texts(w)
    assert after.index("二、存在的不足") < after.index("一、服务开展情况")
    action(w, "actionRenumber").trigger()
    renumbered = texts(w)
    assert renumbered.index("一、存在的不足") < renumbered.index("二、服务开展情况")
    undo(qtbot, w)
    assert texts(w) == after
    action(w, "actionAutoRenumber").trigger()
    assert w.moves.auto_renumber


def test_promote_and_demote_with_the_keyboard(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    before = texts(w)
    put_cursor(w, "（二）志愿活动")
    press(qtbot, w, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    promoted = texts(w)
    assert any(t.startswith("二、志愿活动") for t in promoted)
    assert "三、存在的不足" in promoted and "四、下一步打算" in promoted
    undo(qtbot, w)
    assert texts(w) == before
    put_cursor(w, "（一）便民窗口")
    press(qtbot, w, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    assert any(t.startswith("1.便民窗口") or t.startswith("1．便民窗口") for t in texts(w))
    undo(qtbot, w)
    assert texts(w) == before


def test_dragging_a_section_in_the_outline_moves_it(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    w.refresh_now()
    model = w.outline.model()
    title = model.index(0, 0)
    first, third = model.index(0, 0, title), model.index(2, 0, title)
    assert first.data() == "一、服务开展情况" and third.data() == "三、下一步打算"
    assert w.moves.drop_section(third, first, below=False)
    after = texts(w)
    assert after.index("一、下一步打算") < after.index("二、服务开展情况") < after.index("三、存在的不足")
    undo(qtbot, w)
    assert "一、服务开展情况" in texts(w)
    # A real drop event on the tree: 一、 dropped below 三、 goes last.
    w.refresh_now()
    title = model.index(0, 0)
    first, third = model.index(0, 0, title), model.index(2, 0, title)
    w.outline.setCurrentIndex(first)
    rect = w.outline.visualRect(third)
    event = QDropEvent(QPointF(rect.center().x(), rect.bottom() - 1), Qt.DropAction.MoveAction,
                       model.mimeData([first]), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # Qt delivers a drop only to the target of a drag it runs itself: hand the event to the
    # filter the tree's viewport has, as Qt's dispatch would.
    assert w.moves.eventFilter(w.outline.viewport(), event)
    dropped = texts(w)
    assert dropped.index("一、存在的不足") < dropped.index("二、下一步打算") < dropped.index("三、服务开展情况")
    w.refresh_now()
    assert [model.index(r, 0, model.index(0, 0)).data() for r in range(3)] == \
        ["一、存在的不足", "二、下一步打算", "三、服务开展情况"]


def test_moves_keep_each_paragraphs_xml_through_undo(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    w = window
    assert w.open_path(make_docx(tmp_path / "无表格.docx", table=False))
    sources = {b.text: b.source for b in w.current_document().blocks}
    put_cursor(w, "二、读书活动")
    press(qtbot, w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    moved = w.current_document()
    assert [b.text for b in moved.blocks[2:4]] == ["一、读书活动", "举办读书分享会X场。"]
    assert moved.blocks[2].source is sources["二、读书活动"]
    assert moved.blocks[3].source is sources["举办读书分享会X场。"]
    undo(qtbot, w)
    restored = w.current_document()
    assert {b.text: b.source for b in restored.blocks} == sources
    redo(qtbot, w)
    assert w.current_document().blocks[2].source is sources["二、读书活动"]
    out = tmp_path / "移动后.docx"
    assert w.session.write(out, save_as=True)
    saved = [b.text for b in load(out).blocks]
    assert saved.index("一、读书活动") < saved.index("举办读书分享会X场。") < saved.index("二、借阅服务")
    figure = next(b for b in load(out).blocks if b.text.startswith("全年接待读者"))
    assert [r.text for r in figure.runs if r.format.bold] == ["X"]


def test_a_move_across_a_table_takes_the_table_along(docx_window, qtbot) -> None:  # noqa: ANN001
    # More in tests/ui/test_move_tables.py; what would tear a table apart is refused there.
    w = docx_window
    before = texts(w)
    put_cursor(w, "三、明年计划")
    press(qtbot, w, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    after = texts(w)
    assert after.index("二、明年计划") < after.index("三、读书活动") < after.index("活动") < after.index("X场")
    assert w.operations.dialog is None
    undo(qtbot, w)
    assert texts(w) == before


# --- 3. hints ---------------------------------------------------------------------------------


def test_hints_group_jumps_and_fixes_punctuation(text_window, qtbot) -> None:  # noqa: ANN001
    w = text_window
    w.refresh_now()
    panel = w.hints_panel
    kinds = [h.kind for h in w.counts.hints]
    assert {"stale-year", "number-style", "punctuation"} <= set(kinds)
    assert panel.header.text() == f"提示  {len(kinds)}"
    row = next(i for i in range(panel.list.count()) if "旧年份" in panel.list.item(i).text())
    panel.list.itemClicked.emit(panel.list.item(row))
    assert w.editor.textCursor().selectedText() == "2020"
    before = texts(w)
    panel.fix_button.click()
    fixed = texts(w)
    assert "（一）便民窗口。窗口全年受理业务X件，群众满意度较高。" in fixed
    assert any("（尤其是新进人员）" in t for t in fixed)
    w.refresh_now()
    assert "punctuation" not in [h.kind for h in w.counts.hints]
    assert not panel.fix_button.isEnabled()
    undo(qtbot, w)
    assert texts(w) == before


def test_sidebar_hints_are_the_engines(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The window reads hints a paragraph at a time from a cache; the result must be what the
    engine finds over the whole document, also where only another paragraph writes 12次."""
    from app.core.hints import hints_of

    path = tmp_path / "提示.txt"
    path.write_text("2019年工作总结\n一、工作情况\n召开会议三次,听取汇报(两次)。\n全年开展培训12次。\n"
                    "组织活动五场\n", encoding="utf-8")
    assert window.open_path(path)
    window.refresh_now()
    shown = [(h.block, h.start, h.end, h.kind) for h in window.counts.hints]
    engine = [(h.block, h.start, h.end, h.kind) for h in hints_of(load(path))]
    assert shown == engine
    assert {"stale-year", "number-style", "punctuation"} <= {k for *_, k in shown}
    # Without the Arabic count the Chinese ones are no longer hinted.
    cursor = QTextCursor(window.editor.document().paragraphs()[3])
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    cursor.removeSelectedText()
    window.refresh_now()
    assert "number-style" not in [h.kind for h in window.counts.hints]
    assert [(h.block, h.start, h.end, h.kind) for h in window.counts.hints] == \
        [(h.block, h.start, h.end, h.kind) for h in hints_of(window.current_document())]


# --- 4. counts --------------------------------------------------------------------------------


def test_section_counts_total_and_target(text_window) -> None:  # noqa: ANN001
    w = text_window
    w.refresh_now()
    counts = w.counts.section_count_texts()
    assert len(counts) == 6 and all(c.endswith(" 字") for c in counts)
    by_title = dict(zip(["title", "一", "（一）", "（二）", "二", "三"], counts))
    assert by_title["（一）"] == "27 字"  # "（一）便民窗口。窗口全年受理业务X件,群众满意度较高。"
    # A click on a count goes to its section.
    model = w.outline.model()
    second = model.index(1, 0, model.index(0, 0))
    w.outline.clicked.emit(second.siblingAtColumn(1))
    assert w.editor.textCursor().block().text() == "二、存在的不足"
    total = int(w.status.chars.text().split(" ")[0].replace(",", ""))
    # The template site's lines are not the report's length.
    report = [t for t in texts(w) if not t.startswith(("优选文档网", "仅供参考", "更多范文"))]
    assert len(report) == len(texts(w)) - 3
    assert total == sum(len(re.sub(r"\s", "", t)) for t in report)
    assert not w.status.progress.isVisibleTo(w)
    w.counts.set_target(3000)
    assert w.status.progress.isVisibleTo(w)
    assert f"{total:,} / 3,000 字" in w.status.progress_label.text()
    action(w, "actionCountNoPunctuation").trigger()
    assert "不计标点" in w.status.chars.text()
    assert int(w.status.chars.text().split(" ")[0].replace(",", "")) < total
    action(w, "actionCountNoPunctuation").trigger()
    w.counts.set_target(0)
    assert not w.status.progress.isVisibleTo(w)


# --- 5. official format -----------------------------------------------------------------------


def _fonts(block) -> set[str]:  # noqa: ANN001
    out = set()
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        out.update(fragment.charFormat().fontFamilies() or [])
    return out


def test_official_format_asks_first_undoes_in_one_step_and_saves(docx_window, tmp_path: Path,  # noqa: ANN001
                                                                  qtbot) -> None:  # noqa: ANN001
    import docx

    w = docx_window
    before = texts(w)
    title_block = next(b for b in w.editor.document().paragraphs() if b.text().startswith("2020年度"))
    assert "方正小标宋简体" not in _fonts(title_block)
    action(w, "actionOfficialFormat").trigger()
    box = w.findChild(QMessageBox, "officialFormatConfirm")
    assert isinstance(box, QMessageBox)
    for item in ("A4", "上 37", "黑体", "楷体_GB2312", "仿宋_GB2312", "28.9", "页码"):
        assert item in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    title_block = next(b for b in w.editor.document().paragraphs() if b.text().startswith("2020年度"))
    assert "方正小标宋简体" in _fonts(title_block)
    assert texts(w)[:3] == before[:3]
    formatted = texts(w)
    undo(qtbot, w)
    title_block = next(b for b in w.editor.document().paragraphs() if b.text().startswith("2020年度"))
    assert "方正小标宋简体" not in _fonts(title_block)
    assert texts(w) == before
    redo(qtbot, w)
    assert texts(w) == formatted
    out = tmp_path / "公文.docx"
    assert w.session.write(out, save_as=True)
    package = docx.Document(str(out))
    section = package.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.top_margin.mm) == 37
    assert round(section.left_margin.mm) == 28
    body = next(p for p in package.paragraphs if p.text.startswith("全年接待读者"))
    east_asia = {r._element.rPr.rFonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
                 for r in body.runs}
    assert east_asia == {"仿宋_GB2312"}


def test_official_format_of_a_report_opening_with_a_table(window, tmp_path: Path) -> None:  # noqa: ANN001
    import docx

    d = docx.Document()
    cells = d.add_table(rows=1, cols=2)
    cells.cell(0, 0).text = "项目"
    cells.cell(0, 1).text = "X项"
    d.add_paragraph("一、总体情况")
    d.add_paragraph("全年完成X项。")
    path = tmp_path / "表格开头.docx"
    d.save(str(path))
    assert window.open_path(path)
    before = [b.text for b in window.current_document().blocks]
    assert window.official.official_format()
    assert [b.text for b in window.current_document().blocks] == before


def test_official_format_of_a_text_document(text_window) -> None:  # noqa: ANN001
    w = text_window
    before = texts(w)
    assert w.official.official_format()
    assert w.document.origin == "docx" and texts(w) == before
    heading = next(b for b in w.editor.document().paragraphs() if b.text() == "一、服务开展情况")
    assert "黑体" in _fonts(heading)


# --- 6. print and PDF -------------------------------------------------------------------------


def pdf_text(path: Path) -> str | None:
    tool = shutil.which("pdftotext")
    if tool is None:
        return None
    return subprocess.run([tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True,
                          text=True).stdout


def test_export_pdf_has_selectable_text_on_the_documents_page(docx_window, tmp_path: Path) -> None:  # noqa: ANN001
    w = docx_window
    out = tmp_path / "导出.pdf"
    assert w.printing.export_pdf(out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # python-docx's template page is US Letter: 8.5 x 11 in = 612 x 792 pt.
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", data)
    assert box is not None and (round(float(box.group(1))), round(float(box.group(2)))) == (612, 792)
    assert b"/ToUnicode" in data
    text = pdf_text(out)
    if text is not None:
        assert "社区图书室工作总结" in text.replace(" ", "")
        assert "—1—" not in text.replace(" ", "")  # its footer has no page number
    assert not list(tmp_path.glob(".tianbao-*"))


def test_pdf_of_a_text_document_is_a4(text_window, tmp_path: Path) -> None:  # noqa: ANN001
    out = tmp_path / "总结.pdf"
    assert text_window.printing.export_pdf(out)
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)", out.read_bytes())
    assert box is not None and (round(float(box.group(1))), round(float(box.group(2)))) == (595, 842)
    text = pdf_text(out)
    if text is not None:
        assert "服务开展情况" in text.replace(" ", "")
        assert "—1—" in text.replace(" ", "")  # GB/T 9704 page numbers on the official page


def test_page_numbers_follow_the_docx_footer(tmp_path: Path) -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from app.io.page import page_setup

    path = make_docx(tmp_path / "页码.docx", page_mm=(210, 297))
    assert page_setup(load(path)).page_numbers is False
    package = docx.Document(str(path))
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), " PAGE ")
    package.sections[0].footer.paragraphs[0]._p.append(field)
    package.save(str(path))
    setup = page_setup(load(path))
    assert setup.page_numbers and setup.from_document and (round(setup.width), round(setup.height)) == (210, 297)


def test_pdf_into_a_missing_folder_is_a_message_not_a_crash(text_window, tmp_path: Path) -> None:  # noqa: ANN001
    assert not text_window.printing.export_pdf(tmp_path / "没有这个文件夹" / "x.pdf")
    assert isinstance(text_window.operations.dialog, QMessageBox)
    assert "PDF" in text_window.operations.dialog.text()


def test_print_preview_opens_with_ctrl_p(text_window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    w = text_window
    assert action(w, "actionPrint").shortcut().toString() == "Ctrl+P"
    action(w, "actionPrint").trigger()
    dialog = w.findChild(QPrintPreviewDialog)
    assert isinstance(dialog, QPrintPreviewDialog)
    dialog.close()
