"""Hints: stale years, counts in Chinese numerals, half-width punctuation (and its fix)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from app.core.document import Block, Document, Run, RunFormat
from app.core.edits import apply_change, texts_after
from app.core.hints import (chinese_counts_in, fix_punctuation, half_width_punctuation_in, hints_of,
                            stale_years_in, writes_arabic_counts)
from app.core.scan import scan
from app.io.load import load
from tests.shared import ROOT, SEED_REPORT, need


def _years(text: str, current: int = 2026) -> list[int]:
    return [y for _, _, y in stale_years_in(text, current)]


def test_years_before_the_current_one_are_stale() -> None:
    assert _years("2020年，我局完成了改革任务。") == [2020]
    assert _years("2024—2025年度考核优秀") == [2024, 2025]
    assert _years("2025 年工作要点") == [2025]


def test_this_year_and_later_are_not_stale() -> None:
    assert _years("2026年工作计划，展望2030年") == []
    assert _years("2020年", current=2020) == []


def test_placeholders_history_and_other_numbers_are_not_stale_years() -> None:
    assert _years("20XX年工作总结，202X年，20**年") == []
    assert _years("自2015年以来，持续推进") == []
    assert _years("2018年起实施") == []
    assert _years("投资2020万元，编号A2019年，电话0571-2020") == []
    assert _years("见 http://gov.cn/2019年/a.html") == []


def _counts(text: str) -> list[str]:
    return [t for _, _, t in chinese_counts_in(text)]


def test_chinese_counts_that_close_a_clause_or_follow_a_count_word() -> None:
    assert _counts("召开专题会议三次，") == ["三次"]
    assert _counts("走访困难群众十二户。") == ["十二户"]
    assert _counts("共培训二十人次") == ["二十人次"]


def test_fixed_expressions_approximations_and_ordinals_are_left_alone() -> None:
    assert _counts("把好三个核心环节，落实八项规定精神，一岗双责，") == []
    assert _counts("每月三四次，约五次，第三次，十几次，") == []
    assert _counts("开展一次，调研两次，") == []
    assert _counts("组织三次培训，") == []  # a count before its noun: left to the writer
    assert _counts("二十余次，") == []


def test_number_style_hints_only_where_the_document_counts_in_arabic() -> None:
    arabic = Document.from_lines(["工作总结", "全年召开会议12次，走访企业五家。"])
    chinese = Document.from_lines(["工作总结", "全年召开会议十二次，走访企业五家。"])
    placeholder = Document.from_lines(["工作总结", "全年召开会议X次，走访企业五家。"])
    assert writes_arabic_counts(arabic.texts) and writes_arabic_counts(placeholder.texts)
    assert not writes_arabic_counts(chinese.texts)
    assert [h.text for h in hints_of(arabic, 2026) if h.kind == "number-style"] == ["五家"]
    assert [h.text for h in hints_of(placeholder, 2026) if h.kind == "number-style"] == ["五家"]
    assert [h for h in hints_of(chinese, 2026) if h.kind == "number-style"] == []


def _punct(text: str) -> str:
    return "".join(text[i] for i in half_width_punctuation_in(text))


def test_half_width_punctuation_between_chinese() -> None:
    assert _punct("会议指出,要抓好落实;同时:加强督查") == ",;:"
    assert _punct("是否完成?已完成!") == "?!"
    assert _punct("报告(征求意见稿)如下") == "()"


def test_numbers_times_urls_and_latin_are_left_alone() -> None:
    assert _punct("共3,000元，时间12:30，比例1:2") == ""
    assert _punct("网址https://www.example.com/a?b=1,c=2，详见") == ""
    assert _punct("Hello, world; ok (fine)") == ""
    assert _punct("包括(1)学习") == ""


def test_a_bracket_is_fixed_with_its_partner() -> None:
    assert _punct("材料(第2版)附后") == "()"


def test_heading_markers_in_half_width_keep_their_style() -> None:
    document = Document.from_lines(["总结", "(一)抓学习,促提升"])
    hints = [h for h in hints_of(document, 2026) if h.kind == "punctuation"]
    assert [(h.start, h.text) for h in hints] == [(6, ",")]


def test_fix_punctuation_is_one_change_keeping_formats() -> None:
    bold = RunFormat(bold=True)
    document = Document([Block.plain("总结"), Block([Run("会议指出,", bold), Run("要抓好落实;同时(试行)推进")])])
    change = fix_punctuation(document, current_year=2026)
    assert texts_after(document.texts, change)[1] == "会议指出，要抓好落实；同时（试行）推进"
    apply_change(document, change)
    assert document.blocks[1].runs[0].text == "会议指出，" and document.blocks[1].runs[0].format == bold
    assert fix_punctuation(document, current_year=2026).empty


@settings(deadline=None)
@given(st.text(alphabet="甲乙丙,:;()?!，。 12ab", max_size=40))
def test_fixed_text_has_no_punctuation_hint_left(text: str) -> None:
    document = Document.from_lines([text])
    fixed = texts_after(document.texts, fix_punctuation(document, current_year=2026))
    assert len(fixed[0]) == len(text)
    assert half_width_punctuation_in(fixed[0]) == []


def test_scan_json_has_hints_and_the_year_is_injectable() -> None:
    document = Document.from_lines(["2024年工作总结", "一、情况", "召开会议12次,走访三家。"])
    in_2026 = scan(document, current_year=2026).as_json("x")["hints"]
    kinds = [h["kind"] for h in in_2026]
    assert kinds == ["stale-year", "punctuation", "number-style"]
    assert in_2026[0] == {"block": 0, "start": 0, "end": 4, "kind": "stale-year", "text": "2024"}
    assert [h["kind"] for h in scan(document, current_year=2024).as_json("x")["hints"]] == ["punctuation", "number-style"]


def test_seed_report_hints_its_stale_year_and_its_run_of_empty_lines_only() -> None:
    document = load(need(SEED_REPORT))
    hints = scan(document, current_year=2026).hints
    assert sorted((h.kind, h.text) for h in hints) == [("empty-run", "6"), ("stale-year", "2020")]
    stale = next(h for h in hints if h.kind == "stale-year")
    assert document.texts[stale.block].startswith("2020年")
    empty = next(h for h in hints if h.kind == "empty-run")
    assert all(not t.strip() for t in document.texts[empty.block:empty.last_block + 1])


def test_scan_command_prints_hints_in_json(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("工作总结\n2019年,完成任务。\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "app", "scan", str(source), "--json"], cwd=ROOT,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    hints = json.loads(result.stdout)["hints"]
    assert {(h["kind"], h["text"]) for h in hints} == {("stale-year", "2019"), ("punctuation", ",")}


def test_ranges_and_set_phrases_are_not_number_style_hints() -> None:
    assert _counts("需要等上七到十天。") == []
    assert _counts("本合同一式六份，双方各执三份。") == []
    assert _counts("在最后三天，") == []
