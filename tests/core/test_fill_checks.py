"""Fill checks: what a value typed into a placeholder completes to, and the hints it gets."""
from __future__ import annotations

import pytest

from app.core.document import Document
from app.core.fill_checks import (check_fill, complete, fill_hints, filled_spans, plausible_years, value_hints,
                                  year_value)
from app.core.filled import FilledSpans
from app.core.placeholders import Placeholder
from app.core.scan import scan

YEAR = 2026


def _placeholder(text: str, token: str) -> tuple[Placeholder, str]:
    """The placeholder ``token`` in a one-paragraph document ``text``, as the scan finds it."""
    found = [p for p in scan(Document.from_lines([text]), YEAR).placeholders if p.token == token]
    assert found, f"no placeholder {token} in {text}"
    return found[0], text


def _check(text: str, token: str, typed: str):  # noqa: ANN202 - FillCheck
    placeholder, text = _placeholder(text, token)
    return check_fill(placeholder, typed, text, YEAR)


def _kinds(check) -> list[str]:  # noqa: ANN001
    return [h.kind for h in check.hints]


@pytest.mark.parametrize(("token", "typed", "value"), [
    ("20XX", "25", "2025"),
    ("20XX", "２５", "2025"),
    ("202X", "5", "2025"),
    ("20**", "26", "2026"),
    ("20XX", "2025", "2025"),
    ("20XX", " 2025 ", "2025"),
])
def test_a_year_token_with_digits_of_its_own_takes_the_missing_digits(token: str, typed: str, value: str) -> None:
    check = _check(f"{token}年工作总结", token, typed)
    assert check.value == value
    assert check.hints == ()


def test_completion_is_reported_only_when_the_value_is_more_than_was_typed() -> None:
    assert _check("20XX年工作总结", "20XX", "25").completed
    assert not _check("20XX年工作总结", "20XX", "2025").completed
    assert not _check("20XX年工作总结", "20XX", " 2025 ").completed


@pytest.mark.parametrize(("text", "token", "typed"), [
    ("20XX年工作总结", "20XX", "5"),  # 2005 or 2015?
    ("202X年工作总结", "202X", "25"),  # no year ends in two digits there
    ("XX年工作总结", "XX", "25"),  # 1925 or 2025?
])
def test_ambiguous_years_are_left_as_typed_and_get_a_hint(text: str, token: str, typed: str) -> None:
    check = _check(text, token, typed)
    assert check.value == typed
    assert not check.completed
    assert _kinds(check) == ["fill-not-year"]


def test_a_year_must_be_plausible() -> None:
    assert _kinds(_check("20XX年工作总结", "20XX", "2025")) == []
    assert _kinds(_check("20XX年工作总结", "20XX", "2036")) == []
    assert _kinds(_check("20XX年工作总结", "20XX", "2037")) == ["fill-not-year"]
    assert _check("194X年", "194X", "8").value == "1948"
    assert _kinds(_check("194X年", "194X", "8")) == ["fill-not-year"]
    assert _kinds(_check("194X年", "194X", "9")) == []
    assert _kinds(_check("20XX年工作总结", "20XX", "去年")) == ["fill-not-year"]
    # Chinese digits are a year too (成文日期 is sometimes written so).
    assert _kinds(_check("20XX年工作总结", "20XX", "二〇二五")) == []
    assert plausible_years(2026) == range(1949, 2037)
    assert year_value("二〇二五") == 2025 and year_value("２０２５") == 2025 and year_value("25") is None


def test_a_year_check_says_which_years_are_plausible() -> None:
    [hint] = _check("20XX年工作总结", "20XX", "5").hints
    assert "1949" in hint.message and "2036" in hint.message
    assert (hint.block, hint.start, hint.end, hint.text) == (0, 0, 1, "5")


def test_a_date_field_gets_back_the_word_typing_over_it_took_away() -> None:
    assert _check("于X月X日召开", "X月X日", "3").value == "3"  # which field? leave it
    month, text = _placeholder("全年共X月份完成", "X月份")
    assert check_fill(month, "3", text, YEAR).value == "3月份"
    assert complete("X月", "date", "", "3") == "3月"
    assert complete("X日", "date", "", "１２") == "12日"
    assert complete("X月", "date", "", "三月") == "三月"


@pytest.mark.parametrize("typed", ["两", "若干", "十几", "三", "12左右", "多"])
def test_a_figure_filled_with_anything_but_arabic_digits_gets_a_hint(typed: str) -> None:
    check = _check("召开党组会X次", "X", typed)
    assert check.value == typed
    assert _kinds(check) == ["fill-not-figure"]
    assert check.hints[0].end - check.hints[0].start == len(typed)


@pytest.mark.parametrize("typed", ["12", "１２", "1,200", "3.5", "0"])
def test_arabic_figures_are_fine(typed: str) -> None:
    assert _kinds(_check("完成投资X万元", "X", typed)) == []


def test_names_take_anything_chinese_numerals_included() -> None:
    assert _kinds(_check("开展“X党建计划”", "X", "三联三促")) == []
    assert _kinds(_check("开展“X党建计划”", "X", "两")) == []


def test_a_figure_typed_with_its_unit_loses_the_repeated_unit() -> None:
    check = _check("召开党组会X次", "X", "12次")
    assert check.value == "12" and check.completed and check.hints == ()
    # Only a number loses it: "两次" is left as typed (and told).
    check = _check("召开党组会X次", "X", "两次")
    assert check.value == "两次" and _kinds(check) == ["fill-not-figure"]


def test_a_percentage_over_100_gets_a_hint_unless_it_is_growth() -> None:
    assert _kinds(_check("覆盖率达到X%", "X", "98.5")) == []
    assert _kinds(_check("党员参学率X%", "X", "120")) == ["fill-over-100-percent"]
    assert _kinds(_check("党员参学率X％", "X", "101")) == ["fill-over-100-percent"]
    assert _kinds(_check("营业收入同比增长X%", "X", "150")) == []
    assert _kinds(_check("完成X万元", "X", "150")) == []


def test_a_decimal_count_of_whole_things_gets_a_hint() -> None:
    assert _kinds(_check("召开党组会X次", "X", "2.5")) == ["fill-fraction-count"]
    assert _kinds(_check("培训X余人", "X", "1.5")) == ["fill-fraction-count"]
    assert _kinds(_check("完成投资X亿元", "X", "2.5")) == []
    assert _kinds(_check("完成投资xx.xx亿元", "xx.xx", "12.35")) == []


def test_hints_carry_kind_span_and_a_chinese_message() -> None:
    placeholder, text = _placeholder("一是开展谈话X次，二是", "X")
    [hint] = check_fill(placeholder, "若干", text, YEAR).hints
    assert (hint.block, hint.start, hint.end, hint.kind, hint.text) == (0, 6, 8, "fill-not-figure", "若干")
    assert "若干" in hint.message


def test_fill_hints_follow_the_value_as_it_reads_now() -> None:
    placeholder, text = _placeholder("召开党组会X次，20XX年", "X")
    year, _ = _placeholder(text, "20XX")
    filled = FilledSpans().with_fill(*filled_spans([placeholder], "若干"))
    text = text.replace("X次", "若干次")
    assert [h.kind for h in fill_hints([text], filled, YEAR)] == ["fill-not-figure"]
    # Corrected to a figure: the hint goes.
    fixed = text.replace("若干", "12")
    filled = filled.edited(0, 5, 7, 2)
    assert fill_hints([fixed], filled, YEAR) == []
    # Back to the token (the fill undone): no hint about "X".
    assert fill_hints(["召开党组会X次"], FilledSpans(filled_spans([placeholder], "X")), YEAR) == []
    # Past the paragraph's end (the window's text moved on): passed over.
    assert fill_hints([""], filled, YEAR) == []
    assert value_hints("", "figure", "次", "", YEAR) == []


def test_filled_spans_of_several_placeholders_in_one_block_account_for_each_other() -> None:
    text = "“X计划”和“X计划”"
    found = [p for p in scan(Document.from_lines([text]), YEAR).placeholders]
    assert [p.start for p in found] == [1, 7]
    spans = filled_spans(found, "三进")
    assert [(s.start, s.end) for s in spans] == [(1, 3), (8, 10)]
    assert text.replace("X", "三进")[8:10] == "三进"
