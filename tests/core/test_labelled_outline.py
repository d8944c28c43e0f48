"""The engine sees Word's list labels: a paragraph whose label is 一、, （一） or a clause number
is a heading like one typed by hand; renumbering leaves list-numbered headings to their list;
a standard's cover page is never the title."""
from __future__ import annotations

import pytest

from app.core.document import Block, Document, ListRef
from app.core.numbering import Level, ListDef, Numbering
from app.core.outline import heading_of, is_cover_field
from app.core.renumber import OutlineError, move_down, promote, renumbered_texts
from app.core.scan import scan


@pytest.mark.parametrize(("label", "text", "rank", "title"), [
    ("一、", "任务来源及计划要求", 1, "一、任务来源及计划要求"),
    ("（一）", "工作进展。全年完成X项。", 2, "（一）工作进展"),
    ("1.", "加强学习", 3, "1.加强学习"),
    ("3", "术语和定义", 1, "3 术语和定义"),
    ("3.1", "核电厂", 2, "3.1 核电厂"),
    ("5.1.2", "评价依据", 3, "5.1.2 评价依据"),
    ("第一章", "总则", 0, "第一章总则"),
])
def test_a_label_makes_a_heading(label: str, text: str, rank: int, title: str) -> None:
    heading = heading_of(text, None, label)
    assert heading is not None and heading.labelled
    assert (heading.rank, heading.title) == (rank, title)
    assert heading.title_end == text.find("。") if "。" in text else heading.title_end == len(text)


@pytest.mark.parametrize("label", ["•", "a)", "1)", "—"])
def test_other_labels_leave_it_to_the_text(label: str) -> None:
    assert heading_of("全年完成X项工作", None, label) is None
    typed = heading_of("二、主要做法", None, label)
    assert typed is not None and typed.marker == "二、" and not typed.labelled


def test_a_word_heading_level_keeps_its_label_in_the_title() -> None:
    heading = heading_of("范围", 2, "1\u3000")
    assert heading is not None and heading.title == "1 范围" and heading.rank == 2 and heading.labelled


def labelled_document() -> Document:
    levels = (Level(1, "chineseCounting", "%1、"), Level(1, "chineseCounting", "（%2）"))
    numbering = Numbering({1: ListDef(levels, "abstract:0")})
    rows = [("2025年工作总结", None, ""), ("基本情况", ListRef(1, 0), "一、"), ("全年完成X项工作。", None, ""),
            ("主要做法", ListRef(1, 0), "二、"), ("抓学习", ListRef(1, 1), "（一）"), ("抓落实", ListRef(1, 1), "（二）"),
            ("三、存在问题", None, ""), ("问题X个。", None, "")]
    blocks = [Block.plain(text, list_ref=ref, label=label) for text, ref, label in rows]
    return Document(blocks, None, "docx", numbering=numbering)


def test_scan_outline_sees_labels_and_reports_them() -> None:
    report = scan(labelled_document())
    assert [(s.level, s.title, s.block, s.label) for s in report.outline] == [
        (0, "2025年工作总结", 0, ""), (1, "一、基本情况", 1, "一、"), (1, "二、主要做法", 3, "二、"),
        (2, "（一）抓学习", 4, "（一）"), (2, "（二）抓落实", 5, "（二）"), (1, "三、存在问题", 6, "")]
    assert report.outline[1].as_json() == {"level": 1, "title": "一、基本情况", "block": 1, "label": "一、"}
    # Placeholder offsets stay in the block's text: the label is no part of it.
    assert [(p.block, p.start) for p in report.placeholders] == [(2, 4), (7, 2)]


def test_renumbering_rewrites_no_list_label() -> None:
    document = labelled_document()
    texts = renumbered_texts(document)
    assert texts == document.texts  # 三、 follows two list items: the list numbers those, nothing to do


def test_moving_a_labelled_section_changes_no_text_and_relabels() -> None:
    document = labelled_document()
    change = move_down(document, 1)  # 一、基本情况 below 二、主要做法
    assert change.order is not None
    moved = [document.blocks[i] for i in change.order]
    assert [b.text for b in moved][:6] == ["2025年工作总结", "主要做法", "抓学习", "抓落实", "基本情况", "全年完成X项工作。"]
    # Only the order changes: the list renumbers its items, and the typed 三、 after them stays.
    assert change.edits == []


def test_a_labelled_heading_cannot_be_promoted_by_rewriting_text() -> None:
    document = labelled_document()
    with pytest.raises(OutlineError):
        promote(document, 3)  # （一）抓学习: its marker is the list's


@pytest.mark.parametrize("line", ["ICS\u200227.120.99", "F69", "CCS F 69", "备案号：", "NB", "GB/T", "中华人民共和国能源行业标准",
                                  "NB/T XXXXX—XXXX", "代替XX/TXXXXX-XXXX", "20XX - XX - XX发布", "国家能源局\u2002\u2002发布",
                                  "附\u3000录\u3000A", "附录B（资料性附录）核电厂PSR大纲"])
def test_cover_fields_of_a_standard(line: str) -> None:
    assert is_cover_field(line)


@pytest.mark.parametrize("line", ["核电厂定期安全评价", "2025年度工作总结", "关于印发某某办法的通知", "一、基本情况"])
def test_titles_are_no_cover_fields(line: str) -> None:
    assert not is_cover_field(line)


def test_a_standards_title_comes_after_its_cover_fields() -> None:
    lines = ["ICS 27.120.99", "F69", "NB", "中华人民共和国能源行业标准", "NB/T XXXXX—XXXX", "核电厂定期安全评价",
             "第1部分：通用要求", "20XX-XX-XX发布", "国家能源局 发布", "1 范围"]
    report = scan(Document.from_lines(lines))
    assert report.outline[0].level == 0 and report.outline[0].title == "核电厂定期安全评价第1部分：通用要求"
