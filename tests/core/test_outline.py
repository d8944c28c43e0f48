"""Headings by marker and by Word style, levels as depth in the document's own tree, titles."""
from __future__ import annotations

import pytest

from app.core.document import Block, CellRef, Document
from app.core.outline import heading_of
from app.core.scan import scan


def outline(lines: list[str]) -> list[tuple[int, str]]:
    return [(s.level, s.title) for s in scan(Document.from_lines(lines)).outline]


@pytest.mark.parametrize(
    "text, rank, title",
    [
        ("第一部分 工作回顾", 0, "第一部分 工作回顾"),
        ("第二章　总体要求", 0, "第二章　总体要求"),
        ("一、主要工作", 1, "一、主要工作"),
        ("十一、其他事项", 1, "十一、其他事项"),
        ("三．下步打算", 1, "三．下步打算"),
        ("（一）加强组织领导", 2, "（一）加强组织领导"),
        ("(二)完善工作机制", 2, "(二)完善工作机制"),
        ("1.强化学习", 3, "1.强化学习"),
        ("2．健全制度", 3, "2．健全制度"),
        ("3、抓好落实", 3, "3、抓好落实"),
        ("（1）细化分工", 4, "（1）细化分工"),
        ("(2)压实责任", 4, "(2)压实责任"),
        ("①明确目标", 5, "①明确目标"),
    ],
)
def test_markers_full_and_half_width(text: str, rank: int, title: str) -> None:
    heading = heading_of(text)
    assert heading is not None
    assert (heading.rank, heading.title) == (rank, title)


def test_run_in_heading_title_is_first_sentence() -> None:
    heading = heading_of("（一）履行监督职责。全年开展专项检查X次，发现问题X个。")
    assert heading is not None and heading.run_in
    assert heading.title == "（一）履行监督职责"


@pytest.mark.parametrize(
    "text",
    ["一是加强学习，二是完善制度。", "三个核心环节都已落实。", "2020年是关键之年。", "3.5亿元投资全部到位。", "", "一、",
     "12月5日召开会议。"],
)
def test_not_headings(text: str) -> None:
    assert heading_of(text) is None


def test_levels_follow_the_ranks_the_document_uses() -> None:
    lines = ["关于开展调研工作的报告", "一、基本情况", "1.人员情况", "2.经费情况", "二、存在问题", "1.认识不足"]
    assert outline(lines) == [
        (0, "关于开展调研工作的报告"), (1, "一、基本情况"), (2, "1.人员情况"), (2, "2.经费情况"),
        (1, "二、存在问题"), (2, "1.认识不足"),
    ]


def test_parts_push_numbered_headings_down() -> None:
    lines = ["年度工作总结", "第一部分 成绩", "一、党建", "（一）学习", "第二部分 打算", "一、思路"]
    assert [lvl for lvl, _ in outline(lines)] == [0, 1, 2, 3, 1, 2]


def test_inline_enumeration_is_not_a_heading() -> None:
    lines = ["述职报告", "一、存在问题", "一是学习不够深入。二是调研不够扎实。"]
    assert outline(lines) == [(0, "述职报告"), (1, "一、存在问题")]


def test_title_split_over_two_lines_is_one_title() -> None:
    lines = ["县教育局党组", "关于巡察整改情况的报告", "", "一、整改进展"]
    assert outline(lines)[0] == (0, "县教育局党组关于巡察整改情况的报告")


def test_title_is_not_continued_by_a_date_line() -> None:
    lines = ["述职报告", "2024年1月10日", "一、工作"]
    assert outline(lines)[0] == (0, "述职报告")


def test_no_title_when_document_opens_with_a_heading() -> None:
    assert outline(["一、基本情况", "正文内容。"]) == [(1, "一、基本情况")]


def test_sections_know_their_blocks() -> None:
    lines = ["总结", "一、甲", "正文", "（一）乙", "正文", "二、丙", "正文"]
    sections = scan(Document.from_lines(lines)).outline
    spans = {s.title: (s.block, s.end) for s in sections}
    assert spans == {"总结": (0, 7), "一、甲": (1, 5), "（一）乙": (3, 5), "二、丙": (5, 7)}


def test_word_heading_styles_are_headings() -> None:
    blocks = [
        Block.plain("年度报告", is_title_style=True),
        Block.plain("工作回顾", outline_level=1),
        Block.plain("正文。"),
        Block.plain("党建工作", outline_level=2),
        Block.plain("（一）学习教育"),
    ]
    sections = scan(Document(blocks)).outline
    assert [(s.level, s.title) for s in sections] == [
        (0, "年度报告"), (1, "工作回顾"), (2, "党建工作"), (2, "（一）学习教育")]


def test_table_cells_never_open_sections() -> None:
    blocks = [Block.plain("报告"), Block.plain("一、情况"), Block.plain("1.序号", cell=CellRef(0, 0, 0))]
    assert [s.title for s in scan(Document(blocks)).outline] == ["报告", "一、情况"]


def test_section_runs_agree_with_the_section_of_each_block() -> None:
    """``at_until`` (the sidebar groups its rows by it, walking the blocks in order) names the same
    section as ``at`` for every block up to the block it gives, nested sections and gaps included."""
    from app.core.scan import SectionLocator

    lines = ["年度工作总结", "开头一段", "一、主要工作", "正文", "（一）学习", "正文", "1.细则", "正文",
             "（二）宣传", "正文", "二、存在问题", "正文", "三、下步打算"]
    locator = SectionLocator(scan(Document.from_lines(lines)).outline)
    block = 0
    runs = 0
    while block < len(lines):
        section, until = locator.at_until(block)
        assert until > block
        for b in range(block, min(until, len(lines))):
            assert locator.at(b) == section, (b, section)
        block = until
        runs += 1
    assert runs >= 7  # the title, 一、, （一）, 1., （二）, 二、 and 三、 at least
