"""Template-site junk: whole lines and fragments, the promotion block before the title."""
from __future__ import annotations

import pytest

from app.core.document import Document
from app.core.junk import junk_of
from app.core.scan import scan


def whole_lines(lines: list[str]) -> list[int]:
    return [j.block for j in junk_of(lines) if j.whole_block]


@pytest.mark.parametrize(
    "line",
    [
        "仅供学习参考，禁止外传", "本文档用后删除", "开通会员免费下载全部资料", "VIP专享", "咨询QQ123456789",
        "加微信：abc_12345", "欢迎加入交流群：", "关注公众号：笔杆子之家", "www.example.com", "https://example.cn/doc",
        "（本文省略2000字）", "全文共3500字", "（未完待续）", "——————————————",
    ],
)
def test_ad_lines_are_junk_as_a_whole(line: str) -> None:
    assert whole_lines(["标题", line, "一、正文", "正文内容。"]) == [1]


@pytest.mark.parametrize(
    "line",
    [
        "全年组织召开会议12次，群众满意度明显提升。", "整理档案资料X卷，做到规范有序。", "工作尚未完成，仍需努力。",
        "提供法律咨询服务200余次。", "发展新会员X名，会员结构持续优化。", "畅通12345热线，回应群众关切。",
    ],
)
def test_report_sentences_are_not_junk(line: str) -> None:
    assert junk_of(["标题", "一、正文", line]) == []


def test_fragment_inside_a_sentence_is_cut_alone() -> None:
    line = "我们坚持问题导向，扎实推进各项工作（更多范文请关注某某网站）。"
    items = junk_of(["标题", "一、工作", line])
    assert items and not items[0].whole_block
    assert line[items[0].start:items[0].end] == items[0].text


def test_promotion_block_before_the_title() -> None:
    lines = [
        "资料仅供学习，严禁外传", "笔杆文库", "每日更新精品材料", "订阅即享全年权益", "会员群：12345678",
        "", "区发改局20XX年工作总结", "笔杆文库整理，咨询QQ12345678", "一、主要工作", "正文。",
    ]
    report = scan(Document.from_lines(lines))
    assert sorted({j.block for j in report.junk if j.whole_block}) == [0, 1, 2, 3, 4, 7]
    assert report.outline[0].title == "区发改局20XX年工作总结"
    assert [p.token for p in report.placeholders] == ["20XX"]


def test_no_promotion_block_without_junk_at_the_top() -> None:
    lines = ["每日更新精品材料", "区发改局工作总结", "一、主要工作"]
    assert junk_of(lines, [2]) == []


def test_repeated_short_lines_are_not_site_names() -> None:
    lines = ["工作总结", "一、情况", "年 月 日", "正文。", "二、打算", "年 月 日", "国家电网公司", "国家电网公司"]
    assert junk_of(lines, [1, 4]) == []


def test_site_name_tied_to_an_ad_line() -> None:
    lines = ["笔墨斋", "工作总结", "一、情况", "正文。", "笔墨斋整理，咨询QQ12345678"]
    assert sorted(j.block for j in junk_of(lines, [2]) if j.whole_block) == [0, 4]


def test_lines_read_beforehand_give_the_same_plan() -> None:
    """A caller may read each line alone (junk_in_line, scan.heading_in) a few at a time and hand them over."""
    from app.core.clean import clean_plan
    from app.core.junk import junk_in_line

    lines = ["首页 > 范文大全 > 工作总结 > 正文", "笔墨斋", "工作总结", "一、情况", "", "全年举办培训X场，咨询QQ12345678",
             "正文。", "笔墨斋整理，咨询QQ12345678", "   ", "本文仅供学习参考，禁止转载"]
    read = [junk_in_line(t) for t in lines]
    assert read[4] == ([], None) and read[8] == ([], None)
    assert junk_of(lines, [3], (), read) == junk_of(lines, [3])
    document = Document.from_lines(lines)
    plan = clean_plan(document)
    assert len(plan) >= 4
    assert clean_plan(document, read) == plan
    from app.core.scan import heading_in, headings_in

    headings = {i: h for i, b in enumerate(document.blocks) if (h := heading_in(b)) is not None}
    assert headings == headings_in(document) and headings
    assert clean_plan(document, read, headings) == plan
