"""Damage hints: runs of empty paragraphs, empties at the end, lines holding only a page number."""
from __future__ import annotations

import json
import subprocess
import sys

from app.core.damage import (BARE_NUMBER, EMPTY, PAGE_NUMBER, TEXT, damage_in, damage_of, fix_damage, removed_by,
                             shape_of)
from app.core.document import Block, CellRef, Document, ImageRef
from app.core.edits import apply_change
from app.core.scan import scan
from tests.shared import ROOT


def _doc(*lines: str) -> Document:
    return Document.from_lines(list(lines))


def _kinds(document: Document) -> list[tuple[str, int, int | None]]:
    return [(h.kind, h.block, h.last_block) for h in damage_of(document)]


def test_shapes_of_paragraphs() -> None:
    assert shape_of("") == EMPTY
    assert shape_of(" \u3000\t") == EMPTY
    assert shape_of("正文") == TEXT
    for framed in ("— 12 —", "-3-", "－ 7 －", "——2——", "第 3 页", "第3页 共10页", "第3页/共10页", "3 / 10", "Page 2"):
        assert shape_of(framed) == PAGE_NUMBER, framed
    assert shape_of("12") == BARE_NUMBER
    assert shape_of("2025") == TEXT  # a year, not a page
    assert shape_of("召开会议12次") == TEXT
    # A table cell and a paragraph showing a picture are the table's and the picture's.
    assert shape_of("", in_cell=True) == TEXT
    assert shape_of("12", in_cell=True) == TEXT
    assert shape_of("", pictures=True) == TEXT


def test_more_than_three_empty_paragraphs_in_a_row_is_a_hint() -> None:
    assert _kinds(_doc("标题", "", "", "", "正文")) == []
    assert _kinds(_doc("标题", "", "", "", "", "正文")) == [("empty-run", 1, 4)]
    [hint] = damage_of(_doc("标题", "", "", "", "", "", "正文"))
    assert hint.text == "5" and "5" in hint.message
    assert hint.as_json()["last_block"] == 5


def test_empties_around_a_table_are_not_broken_or_joined_by_its_cells() -> None:
    cell = Block.plain("", cell=CellRef(0, 0, 0))
    doc = Document([Block.plain("甲"), Block.plain(""), Block.plain(""), cell, Block.plain(""), Block.plain(""),
                    Block.plain("乙")])
    assert _kinds(doc) == []
    pictured = Block.plain("", images=(ImageRef(0, "rId1"),))
    doc = Document([Block.plain("甲"), *[Block.plain("") for _ in range(2)], pictured,
                    *[Block.plain("") for _ in range(2)], Block.plain("乙")])
    assert _kinds(doc) == []


def test_empties_at_the_end_are_a_trailing_hint_only_beyond_three() -> None:
    assert _kinds(_doc("正文", "", "", "")) == []
    assert _kinds(_doc("正文", "", "", "", "")) == [("trailing-empty", 1, 4)]
    # A run before the end is one hint, the end another.
    assert _kinds(_doc("甲", "", "", "", "", "乙", *[""] * 1990)) == [("empty-run", 1, 4), ("trailing-empty", 6, 1995)]


def test_page_number_lines() -> None:
    doc = _doc("正文第一页", "", "— 1 —", "", "正文第二页", "", "— 2 —")
    hints = damage_of(doc)
    assert [(h.kind, h.block, h.start, h.end, h.text) for h in hints] == [
        ("page-number-line", 2, 0, 5, "— 1 —"), ("page-number-line", 6, 0, 5, "— 2 —")]
    # One framed page number is enough.
    assert _kinds(_doc("正文", "第 3 页", "正文")) == [("page-number-line", 1, None)]
    # The span is the number without the spaces around it.
    [hint] = damage_of(_doc("正文", "  - 4 -  "))
    assert (hint.start, hint.end, hint.text) == (2, 7, "- 4 -")


def test_bare_numbers_are_page_numbers_only_alone_between_empties_and_not_alone_in_the_document() -> None:
    # A lone "12" between empties may be a figure: not without a second page-number line.
    assert _kinds(_doc("正文", "", "12", "", "正文")) == []
    assert _kinds(_doc("正文", "", "12", "", "正文", "", "13", "", "正文")) == [
        ("page-number-line", 2, None), ("page-number-line", 6, None)]
    # Bare numbers side by side are a list (a numbered list read as text), not pages.
    assert _kinds(_doc(*[str(n) for n in range(1, 20)])) == []
    assert _kinds(_doc("1", "2", "", "3", "4")) == []
    # Beside text a number is part of the text.
    assert _kinds(_doc("正文", "12", "", "正文", "", "13", "")) == []


def test_damage_in_reads_shapes_alone() -> None:
    shapes = [TEXT, EMPTY, EMPTY, EMPTY, EMPTY, TEXT, EMPTY, PAGE_NUMBER]
    hints = damage_in(shapes)
    assert [(h.kind, h.block, h.last_block, h.text) for h in hints] == [
        ("empty-run", 1, 4, "4"), ("page-number-line", 7, None, "")]


def test_the_fix_removes_the_extra_empties_and_page_numbers_in_one_change() -> None:
    doc = _doc("标题", "", "", "", "", "", "正文", "", "— 2 —", "", "正文二", "", "", "", "")
    hints = damage_of(doc)
    assert [h.kind for h in hints] == ["empty-run", "page-number-line", "trailing-empty"]
    assert list(removed_by(hints[0])) == [2, 3, 4, 5]
    change = fix_damage(len(doc.blocks), hints)
    assert change.edits == [] and change.label
    apply_change(doc, change)
    assert doc.texts == ["标题", "", "正文", "", "", "正文二"]
    assert damage_of(doc) == []


def test_the_fix_of_one_hint_touches_nothing_else() -> None:
    doc = _doc("标题", "", "", "", "", "正文", "", "", "", "", "正文二")
    first, second = damage_of(doc)
    apply_change(doc, fix_damage(len(doc.blocks), [second]))
    assert doc.texts == ["标题", "", "", "", "", "正文", "", "正文二"]
    assert fix_damage(3, []).empty


def test_scan_lists_damage_in_document_order_with_the_other_hints() -> None:
    doc = _doc("2020年工作总结", "", "", "", "", "正文", "2019年", "", "", "", "")
    kinds = [(h.kind, h.block) for h in scan(doc, 2026).hints]
    assert kinds == [("stale-year", 0), ("empty-run", 1), ("stale-year", 6), ("trailing-empty", 7)]


def test_scan_json_lists_damage(tmp_path) -> None:  # noqa: ANN001
    source = tmp_path / "报告.txt"
    source.write_text("关于工作的报告\n正文\n\n\n\n\n\n正文\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "app", "scan", str(source), "--json"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    assert out.returncode in (0, 1), out.stderr
    hints = json.loads(out.stdout)["hints"]
    assert {"block": 2, "start": 0, "end": 0, "kind": "empty-run", "text": "5", "last_block": 6} in hints
