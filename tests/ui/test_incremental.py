"""After typing, the window works out the outline, the placeholder list, the counts and the hints
from the paragraphs that changed alone (app/ui/tracker.py, app/ui/figures.py). Whatever the
user types, that must agree with working everything out from scratch: these tests type into
the real window (pytest-qt, offscreen) and compare after every pause."""
from __future__ import annotations

import datetime

import gc
import random
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.core import counts as core_counts
from app.core.live_counts import CountKeeper
from app.core.live_scan import collect

# Our own report: ad lines at the top, a title, headings at three levels, placeholders of every
# kind, a count in Chinese numerals beside Arabic ones, half-width punctuation, a stale year.
REPORT = """更多范文请关注公众号：优选文档
2019年度社区卫生服务中心工作总结
一、基本医疗服务
全年门诊X人次，比上年增长X%，住院XX人。
（一）家庭医生签约
签约居民X户,重点人群签约率达到X%。
1.老年人健康管理
为X名老人建立健康档案，体检覆盖三次。
（二）慢病随访
随访高血压患者X人次(含上门随访)。
二、公共卫生
于X月X日前完成疫苗接种统计，共接种X剂。
三、下一步打算
深入实施“X工程”，20XX年力争新增签约X户。
仅供参考，用后删除
"""


# The same with a few paragraphs under each heading, so that most edits fall inside a section.
BODY = ["组织业务培训X场，参训人员X人次。", "完善工作台账,做到一人一档。", "开展满意度回访三次，收集意见X条。"]
LONG_REPORT = "\n".join(line if "、" in line[:3] or line.startswith("（") or not line else
                         "\n".join([line, *BODY]) for line in REPORT.split("\n"))


def opened(window, tmp_path: Path, text: str):  # noqa: ANN001, ANN201
    path = tmp_path / "总结.txt"
    path.write_text(text, "utf-8")
    assert window.open_path(path)
    return window


@pytest.fixture
def long_window(window, tmp_path: Path):  # noqa: ANN001, ANN201
    return opened(window, tmp_path, LONG_REPORT)


@pytest.fixture
def report_window(window, tmp_path: Path):  # noqa: ANN001, ANN201
    return opened(window, tmp_path, REPORT)


def from_scratch(window) -> tuple:  # noqa: ANN001
    """What a refresh from scratch shows: outline, placeholders, total, hints, section counts."""
    snapshot = collect(window.editor.document())
    punctuation = not window.actions.act_no_punct.isChecked()
    year = datetime.date.today().year
    figures = CountKeeper().update(snapshot, punctuation, year)
    return (snapshot.sections, snapshot.placeholders, snapshot.chars, figures.total, figures.hints,
            figures.sections, figures.lines)


def shown(window) -> tuple:  # noqa: ANN001
    snapshot = window.snapshot
    figures = window.counts.keeper.figures
    return (snapshot.sections, snapshot.placeholders, snapshot.chars, figures.total, figures.hints,
            figures.sections, figures.lines)


def pause(window) -> None:  # noqa: ANN001
    """Typing pauses: the debounced refresh runs (the timer, not a direct call)."""
    assert window.refresh_timer.isActive()
    window.refresh_timer.timeout.emit()


def type_text(qtbot, window, text: str) -> None:  # noqa: ANN001
    """ASCII as key presses; Chinese as an input method commits it (QTest only types ASCII)."""
    for run in _runs(text):
        if run.isascii():
            qtbot.keyClicks(window.editor, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(window.editor, event)


def _runs(text: str) -> list[str]:
    runs: list[str] = []
    for ch in text:
        if runs and runs[-1].isascii() == ch.isascii():
            runs[-1] += ch
        else:
            runs.append(ch)
    return runs


def cursor_at(window, block: int, offset: int) -> None:  # noqa: ANN001
    qblock = window.editor.document().findBlockByNumber(block)
    cursor = QTextCursor(qblock)
    cursor.setPosition(qblock.position() + min(offset, qblock.length() - 1))
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()


def test_typing_a_placeholder_patches_the_list_and_counts(report_window, qtbot) -> None:  # noqa: ANN001
    w = report_window
    before = len(w.snapshot.placeholders)
    total = w.counts.keeper.figures.total
    cursor_at(w, 3, 0)
    type_text(qtbot, w, "共X次")
    pause(w)
    # Only the typed paragraph was read again (Qt may report the next one's start as touched).
    assert w.snapshot.changed is not None and 3 in w.snapshot.changed and len(w.snapshot.changed) <= 2
    assert len(w.snapshot.placeholders) == before + 1
    assert [p.index for p in w.snapshot.placeholders] == list(range(1, before + 2))
    assert w.counts.keeper.figures.total == total + 3
    assert shown(w) == from_scratch(w)
    # The sidebar shows the new one in its section.
    assert w.sidebar.leaf_count() == before + 1


def test_renaming_a_heading_updates_outline_and_sections_of_placeholders(report_window, qtbot) -> None:  # noqa: ANN001
    w = report_window
    cursor_at(w, 4, len("（一）"))
    type_text(qtbot, w, "甲乙")
    pause(w)
    titles = [s.title for s in w.snapshot.sections]
    assert "（一）甲乙家庭医生签约" in titles
    assert any(p.section == "（一）甲乙家庭医生签约" for p in w.snapshot.placeholders)
    assert shown(w) == from_scratch(w)
    # The outline's count column follows the renamed section's own text.
    assert w.counts.section_count_texts() == [core_counts_text(f.total) for f in w.counts.keeper.figures.sections]


def core_counts_text(total: int) -> str:
    return f"{total:,} 字"


@pytest.mark.parametrize("fixture", ["report_window", "long_window"])
def test_random_typing_always_agrees_with_a_refresh_from_scratch(fixture, request, qtbot) -> None:  # noqa: ANN001
    w = request.getfixturevalue(fixture)
    rng = random.Random(20261128)
    pieces = ["X", "共X次", "一、", "（三）", "2018年", ",", "(", "甲", "20XX年", "优选文档网整理", "三次", " "]
    shifts = patched = 0
    for step in range(80):
        count = w.editor.document().blockCount()
        block = rng.randrange(count)
        cursor_at(w, block, rng.randrange(0, 12))
        action = rng.random()
        if action < 0.55:
            type_text(qtbot, w, rng.choice(pieces))
        elif action < 0.8:
            for _ in range(rng.randint(1, 4)):
                qtbot.keyClick(w.editor, Qt.Key.Key_Backspace)
        elif action < 0.8:
            qtbot.keyClick(w.editor, Qt.Key.Key_Return)
            type_text(qtbot, w, rng.choice(pieces))
        elif action < 0.87:
            # A stretch across paragraphs selected and deleted.
            for _ in range(rng.randint(1, 3)):
                qtbot.keyClick(w.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
            qtbot.keyClick(w.editor, Qt.Key.Key_Delete)
        elif action < 0.93:
            # Lines pasted from elsewhere.
            QApplication.clipboard().setText(f"{rng.choice(pieces)}\n（四）新增X项\n{rng.choice(pieces)}")
            qtbot.keyClick(w.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        else:
            qtbot.keyClick(w.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        if w.refresh_timer.isActive():
            pause(w)
            shifts += w.snapshot.edit is not None and w.snapshot.edit.shift != 0
            patched += w.report.live.patched
        assert shown(w) == from_scratch(w), f"step {step}"
        if step % 20 == 19:
            # A setting change counts again from scratch, and back.
            w.actions.act_no_punct.trigger()
            assert shown(w) == from_scratch(w)
            w.actions.act_no_punct.trigger()
    # Paragraphs were added and joined, and those refreshes too worked on what changed: where the
    # sections stayed, the placeholder list was patched rather than made again.
    assert shifts >= 5
    if fixture == "long_window":
        assert patched >= 3


def test_section_counts_follow_typing_in_nested_sections(report_window, qtbot) -> None:  # noqa: ANN001
    w = report_window
    figures = w.counts.keeper.figures
    before = list(figures.sections)
    cursor_at(w, 7, 0)  # the paragraph under 1.老年人健康管理
    type_text(qtbot, w, "新增")
    pause(w)
    after = w.counts.keeper.figures.sections
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    sections = w.snapshot.sections
    # Every section holding the paragraph grew by two; the others stayed as they were.
    assert changed and all(sections[i].contains(7) for i in changed)
    assert all(after[i].total == before[i].total + 2 for i in changed)
    assert after == core_counts.section_counts(sections, w.counts.keeper.figures.counts)


def test_a_long_report_shows_first_and_its_hints_a_moment_later(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from app.ui.counts_view import DEFER_HINTS_BLOCKS

    body = [f"（{i % 9 + 1}）第{i}项工作于2019年完成,共计X件。" if i % 7 == 0 else f"推进第{i}项任务，落实到位。"
            for i in range(DEFER_HINTS_BLOCKS + 200)]
    path = tmp_path / "长报告.txt"
    path.write_text("2019年度工作总结\n一、主要工作\n" + "\n".join(body) + "\n", "utf-8")
    assert window.open_path(path)
    # Outline, sidebar and counts are there at once; the hints follow once the report painted.
    assert window.sidebar.leaf_count() == len(window.snapshot.placeholders) > 0
    assert window.counts.keeper.hints_pending and window.counts.hints == []
    qtbot.waitUntil(lambda: not window.counts.keeper.hints_pending, timeout=5000)
    # The garbage collector, paused while the report was read, is back once it has shown.
    qtbot.waitUntil(gc.isenabled, timeout=5000)
    assert any(h.kind == "stale-year" for h in window.counts.hints)
    assert any(h.kind == "punctuation" for h in window.counts.hints)
    assert window.hints_panel.list.count() == len(window.counts.hints)
    assert shown(window) == from_scratch(window)
    # Typing before the hints came: they are read first, then the change.
    window.editor.document().setModified(False)
    assert window.open_path(path) and window.counts.keeper.hints_pending
    cursor_at(window, 3, 0)
    type_text(qtbot, window, "2018年")
    pause(window)
    assert not window.counts.keeper.hints_pending
    assert shown(window) == from_scratch(window)


def test_the_collector_is_back_after_a_short_report_or_a_bad_file(window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "短.txt"
    path.write_text(REPORT, "utf-8")
    assert window.open_path(path) and gc.isenabled()
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    window.session.error = lambda *args: None  # the message box (tested elsewhere) would wait for a click
    assert not window.open_path(bad)
    assert gc.isenabled()


def sidebar_spans(window) -> list[tuple]:  # noqa: ANN001
    """(block, start, end, token) of every row of the sidebar, as a click on it hands them out."""
    from app.ui.placeholder_panel import SPAN_ROLE

    model = window.sidebar.list.model()
    out = []
    for r in range(model.rowCount()):
        group = model.index(r, 0)
        out += [tuple(model.index(c, 0, group).data(SPAN_ROLE)) for c in range(model.rowCount(group))]
    return out


def test_a_new_paragraph_moves_the_rows_below_without_rebuilding_them(report_window, qtbot) -> None:  # noqa: ANN001
    w = report_window
    model = w.sidebar.list.model()
    removed: list[tuple] = []
    model.rowsRemoved.connect(lambda parent, first, last: removed.append((first, last)))
    cursor_at(w, 2, 0)
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    pause(w)
    # Worked out from the paragraphs around the new one, not from scratch.
    assert w.snapshot.edit is not None and w.snapshot.edit.shift == 1
    # Every placeholder below is one paragraph further down; the rows stay (no rows removed and
    # inserted: that took seconds on a long report), their spans follow.
    assert removed == []
    assert sidebar_spans(w) == [(p.block, p.start, p.end, p.token) for p in w.snapshot.placeholders]
    assert shown(w) == from_scratch(w)
    # And back.
    qtbot.keyClick(w.editor, Qt.Key.Key_Backspace)
    pause(w)
    assert w.snapshot.edit is not None and w.snapshot.edit.shift == -1
    assert removed == []
    assert sidebar_spans(w) == [(p.block, p.start, p.end, p.token) for p in w.snapshot.placeholders]
    assert shown(w) == from_scratch(w)


def test_a_report_without_sections_refreshes_too(window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    # No heading and no title (every line is a sentence): the outline is empty.
    w = opened(window, tmp_path, "本季度共走访企业X家，解决问题X个，群众满意度较高。\n下季度将继续推进相关工作，力争取得更大成效。\n")
    assert w.snapshot.sections == []
    cursor_at(w, 1, 0)
    type_text(qtbot, w, "新增X项")
    pause(w)
    assert len(w.snapshot.placeholders) == 3 and all(p.section is None for p in w.snapshot.placeholders)
    qtbot.keyClick(w.editor, Qt.Key.Key_Return)
    pause(w)
    assert shown(w) == from_scratch(w)


def test_a_renamed_heading_and_a_fill_keep_the_sidebar_rows_in_place(report_window, qtbot) -> None:  # noqa: ANN001
    """Neither adds nor removes a row the refresh has to find: the tree keeps its layout (laying
    out 10,000 rows again took a third of a second per fill on a long report)."""
    from app.ui.placeholder_panel import KEY_ROLE

    w = report_window
    model = w.sidebar.list.model()
    moved: list[str] = []
    for signal in (model.rowsRemoved, model.rowsInserted):
        signal.connect(lambda *_args: moved.append("rows"))
    model.modelReset.connect(lambda: moved.append("reset"))
    cursor_at(w, 4, len("（一）"))
    type_text(qtbot, w, "甲乙")
    pause(w)
    assert moved == []
    titles = [model.index(r, 0).data(KEY_ROLE) for r in range(model.rowCount())]
    assert "（一）甲乙家庭医生签约" in titles
    assert sidebar_spans(w) == [(p.block, p.start, p.end, p.token) for p in w.snapshot.placeholders]

    # A fill takes its row out at once; the refresh after it changes nothing else in the tree.
    before = w.sidebar.leaf_count()
    w.fill_loop.next_placeholder()
    assert w.fill("12")
    assert moved == ["rows"]
    assert w.sidebar.leaf_count() == before - 1
    pause(w)  # the lists and hints follow once the page has shown the fill
    assert moved == ["rows"]
    assert w.sidebar.leaf_count() == before - 1 == len(w.snapshot.placeholders)
    assert sidebar_spans(w) == [(p.block, p.start, p.end, p.token) for p in w.snapshot.placeholders]
    assert shown(w) == from_scratch(w)
