"""Word's list numbering as data (app/core/numbering.py): each number format, the counting rules
(restart, lvlRestart, isLgl, shared definitions, start overrides), and labels worked out again
after blocks move."""
from __future__ import annotations

import pytest

from app.core.document import Block, ListRef
from app.core.numbering import Level, ListDef, Numbering, format_number, labels, relabel


@pytest.mark.parametrize(("fmt", "cases"), [
    ("decimal", {1: "1", 10: "10", 123: "123"}),
    ("decimalZero", {1: "01", 9: "09", 10: "10"}),
    ("decimalFullWidth", {1: "１", 12: "１２"}),
    ("decimalEnclosedCircle", {1: "①", 10: "⑩", 20: "⑳", 21: "㉑", 35: "㉟", 36: "㊱", 50: "㊿", 51: "51"}),
    ("decimalEnclosedParen", {1: "⑴", 20: "⒇", 21: "21"}),
    ("decimalEnclosedFullstop", {1: "⒈", 20: "⒛"}),
    ("chineseCounting", {1: "一", 9: "九", 10: "十", 11: "十一", 19: "十九", 20: "二十", 21: "二十一", 99: "九十九",
                         100: "一百", 101: "一百零一", 110: "一百一十", 111: "一百一十一", 1000: "一千",
                         1001: "一千零一", 1010: "一千零一十", 1100: "一千一百", 10000: "一万"}),
    ("chineseCountingThousand", {1: "一", 10: "十", 12: "十二", 101: "一百零一", 1010: "一千零一十"}),
    ("japaneseCounting", {1: "一", 11: "十一", 20: "二十"}),
    ("chineseLegalSimplified", {1: "壹", 10: "壹拾", 11: "壹拾壹", 20: "贰拾", 101: "壹佰零壹"}),
    ("ideographTraditional", {1: "甲", 2: "乙", 10: "癸", 11: "11"}),
    ("ideographZodiac", {1: "子", 12: "亥", 13: "13"}),
    ("ideographDigital", {1: "一", 10: "一〇", 101: "一〇一"}),
    ("lowerLetter", {1: "a", 26: "z", 27: "aa", 53: "aaa"}),
    ("upperLetter", {1: "A", 28: "BB"}),
    ("lowerRoman", {1: "i", 4: "iv", 9: "ix", 14: "xiv", 40: "xl"}),
    ("upperRoman", {1994: "MCMXCIV", 3: "III"}),
    ("none", {1: "", 5: ""}),
    ("decimalZero3", {1: "001", 12: "012"}),
    ("greekLower", {1: "α", 3: "γ", 24: "ω", 25: "αα"}),
    ("someFutureFormat", {7: "7"}),
])
def test_number_formats(fmt: str, cases: dict[int, str]) -> None:
    assert {n: format_number(n, fmt) for n in cases} == cases


def chinese_report_list() -> Numbering:
    """一、 / （一） / 1. / （1）: the four ranks of a Chinese report as one Word list."""
    levels = (Level(1, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）"),
              Level(1, "decimal", "%3."), Level(1, "decimal", "（%4）"))
    return Numbering({1: ListDef(levels, "abstract:0")})


def refs(*levels: int | None, num: int = 1) -> list[ListRef | None]:
    return [None if lvl is None else ListRef(num, lvl) for lvl in levels]


def test_levels_count_and_restart_below_a_higher_level() -> None:
    found = [label for label, _ in labels(refs(0, 1, 1, None, 2, 2, 1, 0, 1, 3), chinese_report_list())]
    assert found == ["一、", "（一）", "（二）", "", "1.", "2.", "（三）", "二、", "（一）", "（1）"]


def test_multi_level_text_and_suffix() -> None:
    levels = (Level(1, "decimal", "%1", suffix="space"), Level(1, "decimal", "%1.%2"),
              Level(1, "decimal", "%1.%2.%3"))
    numbering = Numbering({3: ListDef(levels, "abstract:3")})
    assert labels(refs(0, 1, 2, 2, 1, 0, 1, num=3), numbering) == [
        ("1", "space"), ("1.1", "tab"), ("1.1.1", "tab"), ("1.1.2", "tab"), ("1.2", "tab"), ("2", "space"),
        ("2.1", "tab")]


def test_lvl_restart_zero_never_restarts_and_one_restarts_only_after_level_one() -> None:
    levels = (Level(1, "decimal", "%1."), Level(1, "decimal", "%2)", restart=0),
              Level(1, "lowerLetter", "%3)", restart=1))
    numbering = Numbering({1: ListDef(levels, "abstract:0")})
    found = [label for label, _ in labels(refs(0, 1, 1, 0, 1, 2, 1, 2, 0, 2), numbering)]
    # Level 2 goes on 3 after a new level-1 item; level 3 restarts only after a level-1 item, not
    # after a level-2 one.
    assert found == ["1.", "1)", "2)", "2.", "3)", "a)", "4)", "b)", "3.", "a)"]


def test_legal_numbering_shows_every_level_in_digits() -> None:
    levels = (Level(1, "chineseCounting", "第%1章"), Level(1, "decimal", "%1.%2", legal=True))
    numbering = Numbering({1: ListDef(levels, "abstract:0")})
    assert [label for label, _ in labels(refs(0, 1, 1), numbering)] == ["第一章", "1.1", "1.2"]


def test_lists_on_one_definition_count_together_and_an_override_restarts() -> None:
    levels = (Level(1, "decimal", "%1."),)
    numbering = Numbering({
        2: ListDef(levels, "abstract:3"),
        40: ListDef((Level(1, "decimal", "%1."),), "abstract:3", {0: 1}),
        41: ListDef((Level(5, "decimal", "%1."),), "abstract:3", {0: 5}),
        7: ListDef((Level(1, "upperRoman", "%1."),), "abstract:9"),
    })
    sequence = [ListRef(40, 0), ListRef(2, 0), ListRef(2, 0), ListRef(7, 0), ListRef(41, 0), ListRef(2, 0),
                ListRef(7, 0), ListRef(40, 0)]
    assert [label for label, _ in labels(sequence, numbering)] == ["1.", "2.", "3.", "I.", "5.", "6.", "II.", "7."]


def test_start_values_and_unknown_lists() -> None:
    numbering = Numbering({1: ListDef((Level(3, "decimal", "%1、"), Level(0, "decimal", "%1.%2")), "a")})
    assert labels([ListRef(1, 1), ListRef(1, 0), ListRef(9, 0), ListRef(1, 5), None], numbering) == [
        ("3.0", "tab"), ("4、", "tab"), ("", "tab"), ("", "tab"), ("", "tab")]
    assert labels([ListRef(1, 0)], None) == [("", "tab")]


def test_bullets_show_their_character_and_symbol_font_bullets_map_to_unicode() -> None:
    numbering = Numbering({1: ListDef((Level(1, "bullet", "\uf0b7"), Level(1, "bullet", "●")), "a")})
    assert [label for label, _ in labels(refs(0, 1, 0), numbering)] == ["•", "●", "•"]


def test_relabel_after_sections_move() -> None:
    numbering = chinese_report_list()
    blocks = [Block.plain(text, list_ref=ref) for text, ref in
              [("基本情况", ListRef(1, 0)), ("做法", ListRef(1, 1)), ("不足", ListRef(1, 0)), ("正文", None)]]
    relabel(blocks, numbering)
    assert [b.label for b in blocks] == ["一、", "（一）", "二、", ""]
    moved = [blocks[2], blocks[3], blocks[0], blocks[1]]
    assert relabel(moved, numbering) == [0, 2]
    assert [b.label for b in moved] == ["一、", "", "二、", "（一）"]
    assert [b.text for b in moved] == ["不足", "正文", "基本情况", "做法"]  # the text never holds a label
    assert relabel(moved, None) == [] and moved[0].label == "一、"  # no definitions known: labels stay


def test_a_level_skipped_on_the_way_down_counts_once() -> None:
    levels = (Level(1, "upperLetter", "%1."), Level(1, "lowerRoman", "%2."), Level(1, "lowerRoman", "%3."),
              Level(1, "decimal", "%4."), Level(1, "lowerLetter", "%5."))
    numbering = Numbering({1: ListDef(levels, "a")})
    found = [label for label, _ in labels(refs(0, 2, 2, 4, 4, 3), numbering)]
    assert found == ["A.", "i.", "ii.", "a.", "b.", "2."]
