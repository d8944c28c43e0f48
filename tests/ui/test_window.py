"""The editor window, driven through its real widgets (pytest-qt, offscreen)."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QTextEdit, QWidget

from app.core.scan import scan
from app.io.load import load

ROOT = Path(__file__).resolve().parents[2]


def make_docx(path: Path) -> Path:
    """A small report of our own: a title, two sections, a bold 黑体 figure placeholder, a table."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("20XX年度社区服务中心工作情况汇报")
    d.add_paragraph("一、基本情况")
    p = d.add_paragraph("今年以来，中心共走访困难家庭")
    run = p.add_run("X")
    run.bold = True
    run.font.size = Pt(16)
    run.font.name = "Times New Roman"
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "黑体")
    p.add_run("户，发放慰问金XX万元。")
    d.add_paragraph("（一）志愿服务。组织志愿者开展活动X场，服务居民X人次。")
    d.add_paragraph("二、下一步打算")
    d.add_paragraph("继续做好“XX”品牌建设，于X月X日前完成年度总结。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "项目"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "培训"
    table.cell(1, 1).text = "X期"
    d.save(str(path))
    return path


def type_chinese(widget, text: str) -> None:  # noqa: ANN001
    """Chinese arrives from an input method as a committed string (QTest only types ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def leaf_texts(win) -> list[str]:  # noqa: ANN001
    model = win.sidebar.list.model()
    out = []
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        out += [model.index(c, 0, group).data() for c in range(model.rowCount(group))]
    return out


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "汇报.docx")


def test_seams_object_names_and_chinese(window) -> None:  # noqa: ANN001
    assert isinstance(window.findChild(QAbstractItemView, "outlineTree"), QAbstractItemView)
    assert isinstance(window.findChild(QAbstractItemView, "placeholderList"), QAbstractItemView)
    assert isinstance(window.findChild(QTextEdit, "editor"), QTextEdit)
    assert isinstance(window.findChild(QWidget, "placeholderPanel"), QWidget)
    assert window.outline.accessibleName() == "大纲"
    assert window.sidebar.accessibleName() == "待填写"
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus[:5] == ["文件(F)", "编辑(E)", "格式(O)", "视图(V)", "帮助(H)"]
    about = window.about_text()
    from app import __version__

    assert f"填报 {__version__}" in about and "LGPL" in about and "python-docx — MIT" in about
    assert window.actions.act_paste_plain.shortcut().toString() == "Ctrl+Shift+V"
    assert window.actions.act_next.shortcut().toString() == "F11"


def test_fill_loop_save_and_reopen(window, report: Path, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    before = scan(load(report))
    assert window.open_path(report)
    listed = window.sidebar.leaf_count()
    assert listed == len(before.placeholders) == 8
    assert window.sidebar.header.text() == f"还有 {listed} 处待填写"

    # F11 from the start selects the first placeholder (20XX in the title).
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert editor.textCursor().selectedText() == "20XX"
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert editor.textCursor().selectedText() == "X"
    qtbot.keyClicks(editor, "37")
    qtbot.waitUntil(lambda: window.sidebar.leaf_count() == listed - 1)
    assert "困难家庭37户" in editor.toPlainText()
    assert window.sidebar.header.text() == f"还有 {listed - 1} 处待填写"

    # Undo brings the placeholder back; redo fills it again.
    editor.undo()
    qtbot.waitUntil(lambda: window.sidebar.leaf_count() == listed)
    assert "困难家庭X户" in editor.toPlainText()
    editor.redo()
    qtbot.waitUntil(lambda: window.sidebar.leaf_count() == listed - 1)

    # Fill from the sidebar: click the row, type in the fill box, Enter; it moves to the next.
    model = window.sidebar.list.model()
    group = model.index(1, 0)
    leaf = model.index(0, 0, group)
    assert "XX万元" in leaf.data()
    window.sidebar.list.setCurrentIndex(leaf)
    qtbot.mouseClick(window.sidebar.list.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.list.visualRect(leaf).center())
    assert editor.textCursor().selectedText() == "XX"
    window.sidebar.fill.setFocus()
    qtbot.keyClicks(window.sidebar.fill, "2.5")
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Return)
    assert window.sidebar.leaf_count() == listed - 2
    assert "慰问金2.5万元" in editor.toPlainText()
    assert editor.textCursor().selectedText() == "X"  # moved on to 活动X场
    assert window.sidebar.fill.text() == ""

    # Save in place and read the file back with the engine.
    window.save()
    assert not editor.document().isModified()
    assert window.status.saved.text() == "已保存"
    after = scan(load(report))
    assert len(after.placeholders) == len(before.placeholders) - 2
    saved = load(report)
    block = next(b for b in saved.blocks if "困难家庭" in b.text)
    assert block.text == "今年以来，中心共走访困难家庭37户，发放慰问金2.5万元。"
    figure = next(r for r in block.runs if "37" in r.text)
    assert figure.format.bold is True
    assert figure.format.font_east_asia == "黑体"
    assert figure.format.size_pt == 16
    untouched = next(b for b in saved.blocks if b.text.startswith("（一）"))
    assert untouched.text == "（一）志愿服务。组织志愿者开展活动X场，服务居民X人次。"
    assert any(b.cell is not None and b.text == "X期" for b in saved.blocks)


def test_second_save_after_more_edits_keeps_both(window, report: Path) -> None:  # noqa: ANN001
    window.open_path(report)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    assert window.next_placeholder() and window.fill("2024")
    assert window.save()
    assert window.fill("5")  # the next one: 困难家庭X户
    cell = next(b for b in _blocks(window) if b.text() == "X期")
    window.select_span(cell.position(), cell.position() + 1)
    assert window.fill("3")
    assert window.save()
    saved = load(report)
    texts = [b.text for b in saved.blocks]
    assert texts[0] == "2024年度社区服务中心工作情况汇报"
    assert "今年以来，中心共走访困难家庭5户，发放慰问金XX万元。" in texts
    assert "3期" in texts and texts.count("项目") == 1
    assert len(saved.blocks) == len(load(make_docx(report.with_name("fresh.docx"))).blocks)


def test_typing_beside_a_placeholder_updates_the_row_in_place(window, report: Path, qtbot) -> None:  # noqa: ANN001
    window.open_path(report)
    model = window.sidebar.list.model()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    block = next(b for b in _blocks(window) if b.text().startswith("（一）志愿服务"))
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    type_chinese(window.editor, "成效明显")
    qtbot.waitUntil(lambda: any("成效明显" in (t or "") for t in leaf_texts(window)))
    assert resets == []
    assert window.sidebar.leaf_count() == 8


def test_table_cells_are_listed_and_editable(window, report: Path) -> None:  # noqa: ANN001
    window.open_path(report)
    assert any(t.startswith("X期") for t in leaf_texts(window))
    table_block = next(b for b in _blocks(window) if b.text() == "X期")
    assert QTextCursor(table_block).currentTable() is not None


def _blocks(win):  # noqa: ANN001, ANN202
    block = win.editor.document().begin()
    while block.isValid():
        yield block
        block = block.next()


def test_previous_wraps_around(window, report: Path, qtbot) -> None:  # noqa: ANN001
    window.open_path(report)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F11, Qt.KeyboardModifier.ShiftModifier)
    assert window.editor.textCursor().selectedText() == "X"
    assert window.editor.textCursor().block().text() == "X期"


def test_outline_click_and_new_heading(window, report: Path, qtbot) -> None:  # noqa: ANN001
    window.open_path(report)
    model = window.outline.model()
    title = model.index(0, 0)
    assert title.data() == "20XX年度社区服务中心工作情况汇报"
    second = model.index(1, 0, title)
    assert second.data() == "二、下一步打算"
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.outline.visualRect(second).center())
    assert window.editor.textCursor().block().text() == "二、下一步打算"
    assert window.editor.textCursor().positionInBlock() == 0

    # Collapse the first section, then type a new heading: it shows, the collapse stays.
    first = model.index(0, 0, title)
    window.outline.collapse(first)
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    type_chinese(window.editor, "三、工作建议")
    qtbot.waitUntil(lambda: model.rowCount(model.index(0, 0)) == 3)
    assert model.index(2, 0, model.index(0, 0)).data() == "三、工作建议"
    assert not window.outline.isExpanded(model.index(0, 0, model.index(0, 0)))
    assert window.outline.currentIndex().data() == "三、工作建议"


def test_find_and_replace_all_is_one_undo(window, report: Path) -> None:  # noqa: ANN001
    window.open_path(report)
    dialog = window.find_dialog(True)
    dialog.find_edit.setText("居民")
    assert dialog.find()
    assert window.editor.textCursor().selectedText() == "居民"
    dialog.find_edit.setText("中心")
    dialog.replace_edit.setText("站点")
    assert dialog.replace_everything() == 2
    text = window.editor.toPlainText()
    assert "中心" not in text and text.count("站点") == 2
    window.editor.undo()
    assert window.editor.toPlainText().count("中心") == 2
    dialog.close()


@pytest.mark.parametrize("answer, expect_open", [(QMessageBox.StandardButton.Cancel, False),
                                                 (QMessageBox.StandardButton.Discard, True)])
def test_unsaved_changes_prompt(window, report: Path, qtbot, monkeypatch, answer, expect_open) -> None:  # noqa: ANN001
    window.open_path(report)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    type_chinese(window.editor, "新增")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    other = report.with_name("其他.txt")
    other.write_text("一、其他\n内容X项。\n", encoding="utf-8")
    assert window.open_path(other) is expect_open
    assert len(asked) == 1 and "未保存" in asked[0]
    assert ("新增" in window.editor.toPlainText()) is (not expect_open)


def test_text_report_goes_to_save_as(window, tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QFileDialog

    source = tmp_path / "述职.txt"
    source.write_text("20XX年述职报告\n一、工作情况\n全年完成项目X个。\n", encoding="utf-8")
    window.open_path(source)
    target = tmp_path / "述职.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.fill("12") if window.next_placeholder() else None
    assert window.save()
    assert target.exists() and source.read_text(encoding="utf-8").count("X") == 3
    reread = load(target)
    assert any(b.text == "全年完成项目X个。" for b in reread.blocks)
    assert window.path == target and window.document.origin == "docx"


def test_paste_keeps_emphasis_drops_colour_and_links(window) -> None:  # noqa: ANN001
    mime = QMimeData()
    mime.setHtml('<p><b>加粗</b><span style="color:#ff0000;background:#ffff00">红字</span>'
                 '<a href="http://example.com">链接</a><i>斜体</i></p>')
    window.editor.insertFromMimeData(mime)
    doc = window.editor.document()
    formats = {}
    it = doc.begin().begin()
    while not it.atEnd():
        fragment = it.fragment()
        formats[fragment.text()] = fragment.charFormat()
        it += 1
    assert window.editor.toPlainText() == "加粗红字链接斜体"
    assert formats["加粗"].fontWeight() >= 600
    assert formats["斜体"].fontItalic()
    red = formats["红字"]
    assert red.foreground().color().name() != "#ff0000" and red.background().style() == Qt.BrushStyle.NoBrush
    assert not formats["链接"].isAnchor()


def test_template_menu_offers_three_reports(window) -> None:  # noqa: ANN001
    names = [a.text() for a in window.actions.template_menu.actions()]
    assert {"述职报告", "年度工作总结", "情况汇报"} <= set(names)
    action = next(a for a in window.actions.template_menu.actions() if a.text() == "情况汇报")
    action.trigger()
    assert window.sidebar.leaf_count() >= 5
    assert window.path is None


def test_screenshot_command(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    sample = ROOT / "resources" / "samples" / "述职报告示例.txt"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "TIANBAO_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "app", str(sample), "--screenshot", str(out)],
                            cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_fill_box_key_and_font_box(window, report: Path, qtbot) -> None:  # noqa: ANN001
    window.open_path(report)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_F2)
    assert window.sidebar.fill.hasFocus()
    assert window.editor.textCursor().selectedText() == "20XX"
    window.next_placeholder()  # the bold 黑体 X
    assert window.actions.family_box.currentText() == "黑体"
    assert window.actions.size_box.currentText() == "三号 16"


def test_screenshot_of_a_missing_file_fails_cleanly(tmp_path: Path) -> None:
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "TIANBAO_CONFIG_DIR": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "app", str(tmp_path / "无.docx"), "--screenshot",
                             str(tmp_path / "s.png")], cwd=ROOT, env=env, capture_output=True, timeout=120)
    assert result.returncode == 2
    assert "找不到文件" in result.stderr.decode("utf-8") and b"Traceback" not in result.stderr
    assert not (tmp_path / "s.png").exists()


def test_void_qt_calls_do_not_exhaust_none(tmp_path: Path) -> None:
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call and aborts
    (packaging-notes.md); the pinned version must survive 100,000 calls."""
    code = textwrap.dedent("""
        from PySide6.QtGui import QInputMethodEvent, QTextCursor, QTextDocument
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        doc = QTextDocument()
        doc.setPlainText("abc")
        cursor = QTextCursor(doc)
        for i in range(100_000):
            cursor.setPosition(i % 3)
        print("alive")
    """)
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")[-500:]
    assert result.stdout.strip() == b"alive"


def test_promotion_block_before_the_title_is_not_the_title(qtbot, tmp_path) -> None:
    from app.ui import create_main_window

    path = tmp_path / "带广告的模板.txt"
    path.write_text("资料仅供学习，严禁外传\n笔杆文库\n每日更新精品材料\n订阅即享全年权益\n会员群：12345678\n\n"
                    "区发改局20XX年工作总结\n笔杆文库整理，咨询QQ12345678\n一、主要工作\n完成项目X个。\n", encoding="utf-8")
    window = create_main_window(path)
    qtbot.addWidget(window)
    window.refresh_now()
    from PySide6.QtWidgets import QTreeView

    tree = window.findChild(QTreeView, "outlineTree")
    assert tree.model().index(0, 0).data() == "区发改局20XX年工作总结"


def test_outline_status_and_buttons_follow_the_cursor(window, report: Path, qtbot) -> None:  # noqa: ANN001
    """What the outline, the status bar and the paragraph buttons show is worked out only when
    the cursor reaches another paragraph or its paragraph's format changes, not at every key."""
    window.open_path(report)
    editor = window.editor
    centre = window.actions.align_actions[Qt.AlignmentFlag.AlignHCenter]

    def go_to(start: str) -> None:
        block = editor.document().begin()
        while not block.text().startswith(start):
            block = block.next()
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        editor.setTextCursor(cursor)

    def shown() -> tuple[str, str, bool]:
        return window.outline.currentIndex().data(), window.status.section.text(), centre.isChecked()

    go_to("今年以来")
    assert shown() == ("一、基本情况", "一、基本情况", False)
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert shown() == ("一、基本情况", "一、基本情况", True)
    type_chinese(editor, "和")
    go_to("继续做好")
    assert shown() == ("二、下一步打算", "二、下一步打算", False)
    go_to("今年以来")
    assert shown() == ("一、基本情况", "一、基本情况", True)
    # The paragraph left-aligned again by another cursor (as an operation on the document does):
    # the next move within the same paragraph shows its new format.
    other = QTextCursor(editor.textCursor().block())
    fmt = other.blockFormat()
    fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
    other.setBlockFormat(fmt)
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.textCursor().block().text().startswith("今年以来")
    assert shown() == ("一、基本情况", "一、基本情况", False)
