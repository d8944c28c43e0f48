"""Renumbering, moving, promoting and demoting sections: markers are numbers, in their own style."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from app.core.document import Block, Document, Run, RunFormat
from app.core.edits import apply_change, texts_after
from app.core.numerals import chinese_number, parse_chinese_number
from app.core.renumber import (OutlineError, demote, enumerators_in, move_down, move_section,
                               move_up, promote, renumber, renumbered_texts)
from app.core.scan import scan
from tests.shared import ROOT


def _after(lines: list[str]) -> list[str]:
    document = Document.from_lines(lines)
    return texts_after(document.texts, renumber(document))


@pytest.mark.parametrize("n, text", [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (19, "十九"),
                                     (20, "二十"), (21, "二十一"), (45, "四十五"), (99, "九十九"),
                                     (100, "一百"), (105, "一百零五"), (110, "一百一十")])
def test_chinese_numbers(n: int, text: str) -> None:
    assert chinese_number(n) == text
    assert parse_chinese_number(text) == n


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numbers_round_trip(n: int) -> None:
    assert parse_chinese_number(chinese_number(n)) == n


def test_first_level_runs_past_ten() -> None:
    lines = ["年度总结"] + [f"{chinese_number(1)}、第{k}项工作" for k in range(1, 23)]
    after = _after(lines)
    assert [t.split("、")[0] for t in after[1:]] == [chinese_number(k) for k in range(1, 23)]
    assert after[11].startswith("十一、") and after[20].startswith("二十、") and after[21].startswith("二十一、")


def test_each_level_restarts_under_its_parent_and_keeps_its_style() -> None:
    lines = [
        "街道办事处工作汇报",
        "一、抓好基层治理",
        "(三)网格管理。这一段是正文。",
        "1．走访入户",
        "5．矛盾调处",
        "（1）调解纠纷",
        "（1）上门回访",
        "(一)平安建设",
        "3、巡逻防控",
        "一．改善民生",
        "（三）就业帮扶",
        "７．技能培训",
        "９．岗位推荐",
        "五、加强自身建设",
    ]
    assert _after(lines) == [
        "街道办事处工作汇报",
        "一、抓好基层治理",
        "(一)网格管理。这一段是正文。",
        "1．走访入户",
        "2．矛盾调处",
        "（1）调解纠纷",
        "（2）上门回访",
        "(二)平安建设",
        "1、巡逻防控",
        "二．改善民生",
        "（一）就业帮扶",
        "１．技能培训",
        "２．岗位推荐",
        "三、加强自身建设",
    ]


def test_parts_and_circled_numbers() -> None:
    lines = ["发展规划", "第三部分 总体要求", "一、指导思想", "第一部分 主要任务", "一、重点项目", "三、保障措施",
             "（一）资金", "1.来源", "（1）财政", "③专项债", "⑤一般债"]
    after = _after(lines)
    assert after[1].startswith("第一部分") and after[3].startswith("第二部分")
    assert after[5].startswith("二、") and after[9].startswith("①") and after[10].startswith("②")


def test_inline_enumerations_run_in_order_within_a_paragraph() -> None:
    after = _after(["会议纪要", "（一）抓学习。一是读原文；三是谈体会；三是写心得。",
                    "坚持统一是前提，唯一是底线，第一是质量。"])
    assert after[1] == "（一）抓学习。一是读原文；二是谈体会；三是写心得。"
    assert after[2] == "坚持统一是前提，唯一是底线，第一是质量。"


def test_enumerations_opening_consecutive_paragraphs_run_on() -> None:
    after = _after(["问题清单", "一、存在问题", "一是学习不深入。", "", "三是调研不够。", "五是作风不实。",
                    "另外，一是要改，二是要快。"])
    assert after[2:6] == ["一是学习不深入。", "", "二是调研不够。", "三是作风不实。"]
    assert after[6] == "另外，一是要改，二是要快。"


def test_enumerators_need_a_boundary_before_them() -> None:
    assert [e.value for e in enumerators_in("一是甲，二是乙。三是丙")] == [1, 2, 3]
    assert enumerators_in("全市统一是关键") == []
    assert enumerators_in("其中第二是") == []


def test_renumber_edits_only_the_numbers_and_keeps_run_formats() -> None:
    bold = RunFormat(bold=True, font_east_asia="黑体")
    document = Document([Block.plain("总结"), Block([Run("一、", bold), Run("甲")]),
                         Block([Run("三、", bold), Run("乙")])])
    change = renumber(document)
    assert [(e.block, e.start, e.end, e.text) for e in change.edits] == [(2, 0, 1, "二")]
    apply_change(document, change)
    assert document.blocks[2].runs[0].text == "二、" and document.blocks[2].runs[0].format == bold


def test_ordered_document_needs_no_change() -> None:
    assert renumber(Document.from_lines(["总结", "一、甲", "（一）子", "二、乙"])).empty


OUTLINE = [
    "安全生产工作总结",      # 0 title
    "一、主要做法",          # 1
    "（一）压实责任",        # 2
    "层层签订责任书。",
    "（二）隐患排查",        # 4
    "1.集中检查",           # 5
    "2.专项整治",           # 6
    "二、存在不足",          # 7
    "个别单位重视不够。",
    "三、下步打算",          # 9
    "继续强化监管。",
]


def _moved(change_fn, *args, **kwargs) -> list[str]:
    document = Document.from_lines(OUTLINE)
    return texts_after(document.texts, change_fn(document, *args, **kwargs))


def _section_index(title_start: str) -> int:
    return next(i for i, s in enumerate(scan(Document.from_lines(OUTLINE)).outline) if s.title.startswith(title_start))


def test_move_down_takes_content_and_subsections_and_renumbers() -> None:
    after = _moved(move_down, _section_index("一、"))
    assert after == ["安全生产工作总结", "一、存在不足", "个别单位重视不够。", "二、主要做法", "（一）压实责任",
                     "层层签订责任书。", "（二）隐患排查", "1.集中检查", "2.专项整治", "三、下步打算", "继续强化监管。"]


def test_move_up_swaps_with_the_previous_sibling() -> None:
    after = _moved(move_up, _section_index("（二）"))
    assert after[2:8] == ["（一）隐患排查", "1.集中检查", "2.专项整治", "（二）压实责任", "层层签订责任书。", "二、存在不足"]


def test_move_without_renumbering_keeps_the_old_numbers() -> None:
    after = _moved(move_up, _section_index("三、"), auto_renumber=False)
    assert after[7:9] == ["三、下步打算", "继续强化监管。"]


def test_move_is_one_change_that_keeps_blocks() -> None:
    document = Document.from_lines(OUTLINE)
    originals = list(document.blocks)
    change = move_down(document, _section_index("一、"))
    assert change.order is not None and sorted(change.order) == list(range(len(OUTLINE)))
    apply_change(document, change)
    assert {id(b) for b in document.blocks} == {id(b) for b in originals}


def test_move_section_to_a_position_and_into_another_rank() -> None:
    # "1.集中检查" moves to the end of 三、 and becomes a （一） there.
    after = _moved(move_section, _section_index("1."), len(OUTLINE), new_rank=2)
    assert after[-2:] == ["继续强化监管。", "（一）集中检查"]
    assert "1.专项整治" in after


def test_moves_that_cannot_be_done_say_why() -> None:
    document = Document.from_lines(OUTLINE)
    with pytest.raises(OutlineError, match="第一节"):
        move_up(document, _section_index("一、"))
    with pytest.raises(OutlineError, match="最后一节"):
        move_down(document, _section_index("三、"))
    with pytest.raises(OutlineError, match="标题"):
        move_up(document, 0)
    with pytest.raises(OutlineError, match="自己"):
        move_section(document, _section_index("一、"), 3)
    with pytest.raises(OutlineError):
        move_section(document, 99, 0)


def test_demote_takes_subsections_one_rank_down_in_the_documents_style() -> None:
    after = _moved(demote, _section_index("二、"))
    # 二、 becomes the third （…） under 一、, and 三、 is renumbered to 二、.
    assert after[7] == "（三）存在不足" and after[9] == "二、下步打算"


def test_promote_takes_subsections_one_rank_up() -> None:
    after = _moved(promote, _section_index("（二）"))
    assert after[4:7] == ["二、隐患排查", "（一）集中检查", "（二）专项整治"]
    assert after[7] == "三、存在不足" and after[9] == "四、下步打算"


def test_promote_and_demote_have_limits() -> None:
    document = Document.from_lines(["总结", "一、甲", "（1）乙", "①丙"])
    with pytest.raises(OutlineError, match="最高"):
        promote(document, 1)
    with pytest.raises(OutlineError, match="最低"):
        demote(document, 3)


_MARKERS = ["一、", "三、", "十二、", "（二）", "(五)", "1.", "7．", "（3）", "②", "第二部分"]
_BODIES = ["加强学习", "一是抓落实，三是重实效。", "正文内容。", "二是提高效率。", ""]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_MARKERS + [""]), st.sampled_from(_BODIES)), min_size=1, max_size=12))
def test_renumber_is_idempotent(pairs: list[tuple[str, str]]) -> None:
    lines = ["年度工作总结"] + [m + b for m, b in pairs]
    once = renumbered_texts(Document.from_lines(lines))
    assert renumbered_texts(Document.from_lines(once)) == once
    assert len(once) == len(lines)
    # Only numbers change: the text without numerals is the same.
    strip = str.maketrans("", "", "一二三四五六七八九十百零0123456789０１２３４５６７８９①②③④⑤⑥⑦⑧⑨⑩⑪⑫")
    assert [t.translate(strip) for t in once] == [t.translate(strip) for t in lines]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_renumber_command_writes_text(tmp_path: Path) -> None:
    source = tmp_path / "总结.txt"
    source.write_text("总结\n一、甲\n三、乙\n（二）丙。一是子，三是丑。\n", encoding="utf-8")
    out = tmp_path / "新.txt"
    result = _run("renumber", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").splitlines() == ["总结", "一、甲", "二、乙", "（一）丙。一是子，二是丑。"]
    assert "三、乙 → 二、乙" in result.stdout


def test_renumber_command_bad_input_exits_2(tmp_path: Path) -> None:
    result = _run("renumber", str(tmp_path / "无.docx"), str(tmp_path / "out.docx"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "out.docx").exists()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["一、甲", "一、乙", "（一）丙", "（一）丁", "1.戊", "正文一句。", ""]),
                min_size=2, max_size=10))
def test_move_down_then_up_restores_the_document(lines: list[str]) -> None:
    # Each line its own words: a line repeated word for word may be taken for a site's name.
    lines = [f"{line}{k}" if line else line for k, line in enumerate(lines)]
    document = Document.from_lines(["年度总结"] + lines)
    ordered = Document.from_lines(renumbered_texts(document))
    sections = scan(ordered).outline
    for index in range(1, len(sections)):
        try:
            down = move_down(ordered, index)
        except OutlineError:
            continue
        moved = Document.from_lines(texts_after(ordered.texts, down))
        back_index = next(i for i, s in enumerate(scan(moved).outline)
                          if s.block == down.order.index(sections[index].block))
        back = move_up(moved, back_index)
        assert texts_after(moved.texts, back) == ordered.texts


def test_a_list_counting_on_from_above_one_is_left_alone() -> None:
    # 二、三、四 after an 一、 that Word numbers itself (invisible in the text); a single wrong
    # number, a gap or an order out of order is still put right.
    assert _after(["说明", "二、过程", "三、内容", "四、建议"]) == ["说明", "二、过程", "三、内容", "四、建议"]
    assert _after(["说明", "二、过程"]) == ["说明", "一、过程"]
    assert _after(["说明", "二、过程", "四、内容"]) == ["说明", "一、过程", "二、内容"]
    assert _after(["说明", "三、过程", "二、内容"]) == ["说明", "一、过程", "二、内容"]


def test_siblings_of_a_decorated_marker_are_left_alone() -> None:
    lines = ["公告", "一、项目情况", "▲二、资格要求", "三、获取文件", "五、公告期限"]
    assert _after(lines) == lines


def test_a_move_renumbers_only_the_lists_it_touched() -> None:
    # 二、三、 under the title would be left alone by a renumbering on demand (see above); a
    # move renumbers the lists it touches strictly, and leaves the others as they were.
    document = Document.from_lines(["报告", "二、甲", "（一）子一", "（二）子二", "三、乙", "（三）丑", "（五）寅"])
    sections = scan(document).outline
    index = next(i for i, s in enumerate(sections) if s.title == "（二）子二")
    after = texts_after(document.texts, move_up(document, index))
    assert after == ["报告", "二、甲", "（一）子二", "（二）子一", "三、乙", "（三）丑", "（五）寅"]


def test_a_typed_contents_list_and_a_second_list_restart_at_one() -> None:
    lines = ["采购文件", "第一章 公告", "第二章 需求", "第三章 合同", "第一章 公告", "正文。", "第二章 需求",
             "1.资格", "（1）营业执照", "（2）纳税证明", "（1）报价表", "（2）承诺书", "第三章 合同"]
    assert _after(lines) == lines


def test_siblings_of_a_word_heading_without_a_typed_number_are_left_alone() -> None:
    document = Document([Block.plain("编制说明"), Block.plain("任务来源", outline_level=1),
                         Block.plain("二、编制过程"), Block.plain("三、主要内容"), Block.plain("（二）子项")])
    after = texts_after(document.texts, renumber(document))
    assert after[2:4] == ["二、编制过程", "三、主要内容"]
    assert after[4] == "（一）子项"


def test_word_table_of_contents_paragraphs_are_left_alone() -> None:
    document = Document([Block.plain("年度总结"), Block.plain("二、成绩\t1", style="toc 1"),
                         Block.plain("一、成绩"), Block.plain("三、不足")])
    after = texts_after(document.texts, renumber(document))
    assert after == ["年度总结", "二、成绩\t1", "一、成绩", "二、不足"]


def test_paragraph_numbers_running_through_sections_are_left_alone() -> None:
    lines = ["研究报告", "一、背景", "1.起因", "2.经过", "二、发现", "3.现象", "5.原因", "三、建议", "6.措施"]
    assert _after(lines) == lines
