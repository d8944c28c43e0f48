"""The template ads of a report are read a slice at a time, between turns of the event loop (typing
goes first), and the marks they give are those of the whole plan read at once."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

import app.ui.sidebar_offers as sidebar_offers
from app.core.clean import clean_plan
from app.core.document import Document


def _lines() -> list[str]:
    body = [f"第{n}项工作按计划推进，完成率达到X%。" for n in range(400)]
    return ["首页 > 范文大全 > 工作总结 > 正文", "街道工作总结", "一、主要工作", *body[:200],
            "本文来源：网友投稿  点击：418次", *body[200:], "本文仅供学习参考，禁止转载"]


def _expected_marks(window) -> dict[int, list[tuple[int, int, str]]]:  # noqa: ANN001
    """The marks the whole plan gives when read at once from the page as it is now."""
    paragraphs = window.report.paragraphs()
    marks: dict[int, list[tuple[int, int, str]]] = {}
    for item in clean_plan(window.report.export()):
        start, end = (0, -1) if item.whole_block else (item.start, item.end)
        marks.setdefault(paragraphs[item.block].blockNumber(), []).append((start, end, item.text))
    return marks


def test_ads_are_read_a_slice_at_a_time(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(sidebar_offers, "READ_SLICE_S", 0.0)  # a slice per line
    window.session.show(Document.from_lines(_lines()), None, "测试")
    offers = window.offers
    qtbot.waitUntil(lambda: offers._reading is None and bool(window.editor.junk_marks))
    window.editor.junk_marks = {}
    turns = []
    monkeypatch.setattr(offers, "_read_on", lambda reading, f=offers._read_on: (turns.append(1), f(reading))[1])
    offers.read_junk()
    assert window.editor.junk_marks == {}  # nothing read inside the call itself
    qtbot.waitUntil(lambda: offers._reading is None)
    assert len(turns) > 400  # one turn of the event loop a line
    assert window.editor.junk_marks == _expected_marks(window)
    assert sorted(window.editor.junk_marks) == [0, 203, 404]
    assert "3" in window.offers_panel.ads.text()


def test_a_paragraph_added_while_reading_starts_it_over(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(sidebar_offers, "READ_SLICE_S", 0.0)
    window.session.show(Document.from_lines(_lines()), None, "测试")
    offers = window.offers
    qtbot.waitUntil(lambda: offers._reading is None and bool(window.editor.junk_marks))
    assert len(window.editor.junk_marks) == 3
    offers.read_junk()
    offers.read_junk()  # a reading under way is given up for the newer one
    for _ in range(20):  # part of the way through the lines
        offers._read_on(offers._reading)
    assert offers._reading is not None
    # Enter typed at the end of the title line: every paragraph below moves down by one.
    cursor = QTextCursor(window.report.findBlockByNumber(1))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: offers._reading is None)
    assert window.editor.junk_marks == _expected_marks(window)
    assert sorted(window.editor.junk_marks) == [0, 204, 405]


def test_a_reading_given_up_takes_no_more_turns(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(sidebar_offers, "READ_SLICE_S", 0.0)
    window.session.show(Document.from_lines(_lines()), None, "测试")
    offers = window.offers
    qtbot.waitUntil(lambda: offers._reading is None and bool(window.editor.junk_marks))
    steps: list[int] = []
    read = offers._read

    def counted(report):  # noqa: ANN001, ANN202
        for wait_ms in read(report):
            steps.append(1)
            yield wait_ms

    monkeypatch.setattr(offers, "_read", counted)
    offers.read_junk()
    offers.read_junk()  # the first is given up before its first turn
    QApplication.processEvents()  # the turns queued so far: one slice, of the newer reading
    assert len(steps) == 1
    qtbot.waitUntil(lambda: offers._reading is None)
    assert window.editor.junk_marks == _expected_marks(window)


def test_the_reading_waits_while_qt_lays_the_report_out(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    """A slice in the same turn of the event loop as one of Qt's background layout steps (~60 ms at
    1,500 pages) would make a key wait for both: the reading starts once the report is laid out."""
    window.session.show(Document.from_lines(_lines()), None, "测试")
    offers = window.offers
    qtbot.waitUntil(lambda: offers._reading is None and bool(window.editor.junk_marks))
    assert window.report.laid_out()  # (Qt has laid this one out by now)
    window.editor.junk_marks = {}
    laying_out = [True]
    monkeypatch.setattr(window.report, "laid_out", lambda: not laying_out[0])
    offers.read_junk()
    qtbot.wait(150)
    assert window.editor.junk_marks == {} and offers._reading is not None  # still waiting
    laying_out[0] = False
    qtbot.waitUntil(lambda: offers._reading is None)
    assert window.editor.junk_marks == _expected_marks(window)


def test_a_report_never_laid_out_is_read_all_the_same(window, qtbot, monkeypatch) -> None:  # noqa: ANN001
    window.session.show(Document.from_lines(_lines()), None, "测试")
    offers = window.offers
    qtbot.waitUntil(lambda: offers._reading is None and bool(window.editor.junk_marks))
    window.editor.junk_marks = {}
    monkeypatch.setattr(window.report, "laid_out", lambda: False)
    monkeypatch.setattr(sidebar_offers, "LAYOUT_WAIT_S", 0.1)
    offers.read_junk()
    qtbot.waitUntil(lambda: offers._reading is None, timeout=3000)
    assert window.editor.junk_marks == _expected_marks(window)


def test_laid_out_says_when_qt_has_laid_a_long_report_out(window, qtbot) -> None:  # noqa: ANN001
    lines = ["年度工作总结", *[f"第{n}项工作按计划推进，完成率达到X%，群众满意度持续提升。" * 4 for n in range(1500)]]
    window.session.show(Document.from_lines(lines), None, "测试")
    assert not window.report.laid_out()  # (Qt lays the rest out in the background)
    qtbot.waitUntil(window.report.laid_out, timeout=10000)
