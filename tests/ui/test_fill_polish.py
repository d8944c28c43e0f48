"""Issue 15 through the real window: fill checks never silent, same value filled once, template ads
visible from the start, focus and view, damage hints with a one-step fix, paste size."""
from __future__ import annotations

import datetime

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.document import Document

YEAR = datetime.date.today().year


def show(window, lines: list[str]) -> None:  # noqa: ANN001
    window.session.show(Document.from_lines(lines), None, "测试")


def page_text(window) -> list[str]:  # noqa: ANN001
    return [b.text() for b in window.report.paragraphs()]


def hint_rows(window) -> list[str]:  # noqa: ANN001
    panel = window.hints_panel
    return [panel.list.item(i).text() for i in range(panel.list.count())]


def select_first(window, qtbot) -> None:  # noqa: ANN001, ANN201
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)


def test_two_digits_over_a_year_placeholder_complete_in_the_fill_box(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["述职报告", "现将20XX年度工作报告如下。", f"{YEAR - 3}年度计划已完成。"])
    select_first(window, qtbot)
    qtbot.keyClick(window.editor, Qt.Key.Key_F2)
    qtbot.keyClicks(window.sidebar.fill, "25")
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Return)
    assert "现将2025年度" in page_text(window)[1]
    assert "2025" in window.statusBar().currentMessage()
    # The old year the template carries is listed; the year just filled is never 旧年份.
    qtbot.waitUntil(lambda: not window.lists_behind(), timeout=2000)
    rows = hint_rows(window)
    assert any(str(YEAR - 3) in row and "旧年份" in row for row in rows)
    assert not any("2025" in row for row in rows)
    window.editor.undo()
    assert "现将20XX年度" in page_text(window)[1]


def test_a_year_typed_in_the_page_completes_as_one_undo_step(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["述职报告", "20XX年工作总结：全年开展活动X次。"])
    select_first(window, qtbot)
    qtbot.keyClicks(window.editor, "19")
    qtbot.keyClick(window.editor, Qt.Key.Key_F11)  # moves on: the typing is done
    assert page_text(window)[1].startswith("2019年工作总结")
    window.refresh_now()
    assert not any("2019" in row for row in hint_rows(window))  # typed into 20XX: never an old year
    window.editor.undo()
    assert page_text(window)[1].startswith("20XX年")


def test_a_fill_is_recorded_where_it_stands_when_the_lists_catch_up(window, qtbot) -> None:  # noqa: ANN001
    """The lists follow a fill at the next paint; a paragraph put in above it before then moves
    the value down, and the record finds it there (its old place now holds other text)."""
    show(window, ["述职报告", "全年开展活动X次。", f"{YEAR - 3}年度计划已完成。"])
    select_first(window, qtbot)
    window.sidebar.fill.setFocus()
    window.sidebar.fill.insert("两")  # a doubtful value: it gets a hint on its line
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Return)
    assert window.lists_behind()
    cursor = QTextCursor(window.report.findBlockByNumber(1))
    cursor.insertText("前言")
    cursor.insertBlock()
    qtbot.waitUntil(lambda: not window.lists_behind(), timeout=2000)
    assert page_text(window)[1:3] == ["前言", "全年开展活动两次。"]
    assert [(s.block, s.start, s.end) for s in window.fill_record.spans] == [(2, 6, 7)]
    assert any(row.startswith("［不是数字］") and "两" in row for row in hint_rows(window))


def test_a_value_the_page_cannot_take_fills_nothing(window, qtbot) -> None:  # noqa: ANN001
    """A tab pasted into the fill box: the placeholder stays, listed and unrecorded."""
    show(window, ["述职报告", "全年开展活动X次。"])
    select_first(window, qtbot)
    before = window.sidebar.leaf_count()
    window.sidebar.fill.setFocus()
    window.sidebar.fill.insert("1\t2")
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Return)
    assert page_text(window)[1] == "全年开展活动X次。"
    assert "未填入" in window.statusBar().currentMessage()  # Enter did nothing, and says why
    assert window.sidebar.leaf_count() == before == 1
    window.ensure_fresh()
    assert list(window.fill_record.spans) == []


def test_doubtful_values_get_a_hint_per_kind(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["工作总结", "全年开展活动X次，覆盖率X%，覆盖X人。", "时间：20XX年"])
    select_first(window, qtbot)
    fill = window.sidebar.fill
    for value in ("两", "150", "3.5"):
        fill.setFocus()
        fill.insert(value)  # typed (QTest cannot type Chinese)
        qtbot.keyClick(fill, Qt.Key.Key_Return)
    qtbot.keyClicks(fill, "1234")
    qtbot.keyClick(fill, Qt.Key.Key_Return)
    # The lists and hints follow on their own once the page has shown the fill.
    assert window.lists_behind()
    qtbot.waitUntil(lambda: not window.lists_behind(), timeout=2000)
    rows = hint_rows(window)
    assert any(row.startswith("［不是数字］") and "两" in row for row in rows), rows
    assert any(row.startswith("［超过100%］") for row in rows), rows
    assert any(row.startswith("［非整数］") for row in rows), rows
    assert any(row.startswith("［不像年份］") and "1234" in row for row in rows), rows
    # Corrected, the value loses its hint.
    window.fill_loop.go_to_span(1, 6, 7)
    qtbot.keyClicks(window.editor, "2")
    window.refresh_now()
    assert not any(row.startswith("［不是数字］") for row in hint_rows(window))


def test_siblings_filled_once_as_one_undo_step(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["工作总结", "一、开展“X党建计划”活动。", "二、“X党建计划”成效明显。", "三、“X党建计划”总结。"])
    select_first(window, qtbot)
    offer = window.offers_panel.together
    assert offer.isVisible() and offer.text() == "也填写另外 2 处"
    window.sidebar.fill.setFocus()
    window.sidebar.fill.insert("红色")
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Return)
    assert page_text(window)[1:] == ["一、开展“红色党建计划”活动。", "二、“红色党建计划”成效明显。", "三、“红色党建计划”总结。"]
    window.editor.undo()
    assert page_text(window)[2] == "二、“X党建计划”成效明显。" and "X党建" in page_text(window)[1]


def test_template_ads_marked_and_counted_from_the_start(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["首页 > 范文大全 > 工作总结 > 正文", "社区工作总结", "一、主要工作", "全年走访群众X户。",
                  "本文来源：网友投稿  点击：418次"])
    ads = window.offers_panel.ads
    qtbot.waitUntil(lambda: bool(window.editor.junk_marks))  # read once the report is painted
    assert ads.isVisible() and "模板广告 2 处" in ads.text() and "清理" in ads.text()
    assert sorted(window.editor.junk_marks) == [0, 4]
    shown = []
    window.cleanup.ask_clean = lambda: shown.append(True)  # the link opens the clean-up dialog
    window.offers_panel.cleanRequested.disconnect()
    window.offers_panel.cleanRequested.connect(window.cleanup.ask_clean)
    ads.linkActivated.emit("clean")
    assert shown == [True]


def test_f11_centres_and_escape_and_f11_in_the_fill_box(window, qtbot) -> None:  # noqa: ANN001
    filler = [f"第{i}段正文内容，用来撑开页面的高度。" for i in range(120)]
    lines = ["工作总结", *filler, "全年开展活动X次。", *filler]
    show(window, lines)
    select_first(window, qtbot)
    rect = window.editor.cursorRect()
    height = window.editor.viewport().height()
    assert height / 3 <= rect.center().y() <= 2 * height / 3
    qtbot.keyClick(window.editor, Qt.Key.Key_F2)
    assert window.sidebar.fill.hasFocus()
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_Escape)
    assert window.editor.hasFocus() and window.editor.textCursor().selectedText() == "X"
    qtbot.keyClick(window.editor, Qt.Key.Key_F2)
    qtbot.keyClick(window.sidebar.fill, Qt.Key.Key_F11)
    assert window.sidebar.fill.hasFocus()


def test_damage_hints_with_a_one_step_fix(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["工作总结", "一、情况", "正文。", "", "", "", "", "", "— 2 —", "", "二、问题", "正文。", "", "- 3 -", ""])
    rows = hint_rows(window)
    assert any(row.startswith("［多余空行］") for row in rows), rows
    assert any(row.startswith("［页码］") for row in rows), rows
    button = window.hints_panel.damage_button
    assert button.isVisible() and "清除多余空段落和页码" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert "— 2 —" not in page_text(window) and "- 3 -" not in page_text(window)
    assert not window.hints_panel.damage_button.isVisible()
    window.editor.undo()
    assert "— 2 —" in page_text(window)


def test_paste_from_a_web_page_keeps_bold_takes_the_paragraph_size(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["工作总结", "正文。"])
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    window.editor.setTextCursor(cursor)
    size = window.editor.currentCharFormat().fontPointSize()
    mime = QMimeData()
    mime.setHtml('<p><span style="font-size:40pt"><b>加粗</b><i>斜体</i></span></p>')
    window.editor.insertFromMimeData(mime)
    block = window.report.findBlockByNumber(1)
    probe = QTextCursor(block)
    formats = []
    for offset in range(len("正文。") + 1, len(block.text()) + 1):  # the format of the character before
        probe.setPosition(block.position() + offset)
        fmt = probe.charFormat()
        formats.append((fmt.fontWeight(), fmt.fontItalic(), fmt.fontPointSize()))
    assert any(weight >= 600 for weight, _, _ in formats) and any(italic for _, italic, _ in formats)
    assert all(points == size for _, _, points in formats)


def test_page_reflows_when_the_window_is_narrower_than_a4(window, qtbot) -> None:  # noqa: ANN001
    show(window, ["工作总结", "正文。" * 80])
    window.resize(1000, 700)
    window.splitter.setSizes([150, 600, 250])
    QApplication.processEvents()
    assert window.editor.width() < window.editor.page_width()
    assert not window.editor.horizontalScrollBar().isVisible()
    assert window.editor.lineWrapColumnOrWidth() < window.editor.page_width()
    window.resize(1500, 900)
    QApplication.processEvents()
    assert window.editor.lineWrapColumnOrWidth() == window.editor.page_width()


def test_sidebar_rows_readable(window, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtGui import QColor

    from app.ui.sidebar_rows import ACCENT, BOLD, RUNS_ROLE

    long_tail = "，并在全区范围内推广了相关经验做法，取得了良好的社会效果和群众口碑" * 2
    show(window, ["工作总结", "一、主要工作", "（一）党建工作", f"全年开展活动X次{long_tail}。", "姓名：____",
                  "二、存在问题", "（一）党建工作", "问题X个。"])
    model = window.sidebar.model_
    headers = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert headers == ["一、主要工作 › （一）党建工作", "二、存在问题 › （一）党建工作"]
    first = model.index(0, 0, model.index(0, 0))
    assert first.data(Qt.ItemDataRole.ToolTipRole).endswith("口碑。")  # the whole context
    blank = model.index(1, 0, model.index(0, 0))
    assert "姓名：▁▁▁" in blank.data() and ("▁▁▁", BOLD) in blank.data(RUNS_ROLE)
    # The delegate paints each row's runs: the kind tag in the accent colour, ink for the rest.
    window.show()
    qtbot.waitExposed(window)
    image = window.sidebar.list.viewport().grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2) for y in range(0, min(image.height(), 120))}
    assert any(abs(QColor(c).hue() - QColor(ACCENT).hue()) < 8 and QColor(c).saturation() > 120 for c in colours)


def test_official_format_keeps_the_cursor_and_the_view(window, qtbot) -> None:  # noqa: ANN001
    filler = [f"第{i}段正文内容，用来撑开页面的高度。" for i in range(150)]
    show(window, ["工作总结", *filler, "全年开展活动X次。", *filler])
    select_first(window, qtbot)
    number = window.editor.textCursor().blockNumber()
    top = window.editor.cursorRect().top()
    assert window.official.official_format()
    cursor = window.editor.textCursor()
    assert cursor.blockNumber() == number and "X次" in cursor.block().text()
    assert abs(window.editor.cursorRect().top() - top) < 40
