"""The Change model every operation returns: edits on runs keep formatting, block order, previews."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.core.document import Block, Document, Run, RunFormat
from app.core.edits import (Change, TextEdit, apply_change, edits_between, replace_in_runs, texts_after)

BOLD = RunFormat(bold=True, font_east_asia="黑体")
PLAIN = RunFormat(font_east_asia="仿宋_GB2312")


def _runs() -> list[Run]:
    return [Run("三、", BOLD), Run("加强队伍建设", PLAIN)]


def test_replacing_inside_one_run_keeps_its_format() -> None:
    runs = replace_in_runs(_runs(), 0, 1, "二")
    assert [(r.text, r.format) for r in runs] == [("二、", BOLD), ("加强队伍建设", PLAIN)]


def test_replacement_across_runs_takes_the_first_runs_format() -> None:
    runs = replace_in_runs(_runs(), 1, 4, "．新")
    assert [(r.text, r.format) for r in runs] == [("三．新", BOLD), ("队伍建设", PLAIN)]


def test_insertion_takes_the_format_before_it() -> None:
    runs = replace_in_runs(_runs(), 2, 2, "一")
    assert [(r.text, r.format) for r in runs] == [("三、一", BOLD), ("加强队伍建设", PLAIN)]
    at_start = replace_in_runs(_runs(), 0, 0, "第")
    assert at_start[0].text == "第三、" and at_start[0].format == BOLD


def test_deleting_a_whole_run_drops_it() -> None:
    runs = replace_in_runs(_runs(), 0, 2, "")
    assert [(r.text, r.format) for r in runs] == [("加强队伍建设", PLAIN)]


def test_span_outside_the_block_is_refused() -> None:
    with pytest.raises(ValueError):
        replace_in_runs(_runs(), 3, 99, "")


def test_apply_change_reorders_removes_then_edits() -> None:
    blocks = [Block(_runs(), source="p0"), Block.plain("正文一", source="p1"), Block.plain("广告", source="p2")]
    document = Document(blocks)
    change = Change("测试", order=[1, 0], edits=[TextEdit(1, 0, 1, "一")])
    apply_change(document, change)
    assert document.texts == ["正文一", "一、加强队伍建设"]
    # Blocks keep their identity, so the writer keeps the XML of untouched paragraphs.
    assert [b.source for b in document.blocks] == ["p1", "p0"]
    assert document.blocks[1].runs[0].format == BOLD
    assert change.removed(3) == [2]


def test_overlapping_edits_are_refused() -> None:
    document = Document([Block.plain("一二三四")])
    with pytest.raises(ValueError):
        apply_change(document, Change("x", None, [TextEdit(0, 0, 2, ""), TextEdit(0, 1, 3, "")]))


def test_bad_order_is_refused() -> None:
    document = Document([Block.plain("甲"), Block.plain("乙")])
    with pytest.raises(ValueError):
        apply_change(document, Change("x", [0, 0]))


@settings(deadline=None)
@given(st.text(alphabet="一二三四、。（）甲乙 ", max_size=30), st.text(alphabet="一二三四、。（）甲乙 ", max_size=30),
       st.integers(min_value=0, max_value=30))
def test_edits_between_turn_old_into_new_on_runs(old: str, new: str, split: int) -> None:
    split = min(split, len(old))
    runs = [Run(old[:split], BOLD), Run(old[split:], PLAIN)]
    block = Block([r for r in runs if r.text])
    document = Document([block])
    change = Change("x", None, edits_between(0, old, new))
    assert texts_after([old], change) == [new]
    apply_change(document, change)
    assert document.texts == [new]
    assert all(r.text for r in document.blocks[0].runs)
