"""Every placeholder spelling of design.md, its kind and unit, and the look-alikes that are not."""
from __future__ import annotations

import pytest

from app.core.placeholders import context_of, find_in_text


def tokens(text: str) -> list[tuple[str, str, str]]:
    return [(f.token, f.kind, f.unit) for f in find_in_text(text) if f.kind != "masked"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("全年召开办公会X次", [("X", "figure", "次")]),
        ("印发学习资料XX份", [("XX", "figure", "份")]),
        ("走访企业XXX家", [("XXX", "figure", "家")]),
        ("培训x人", [("x", "figure", "人")]),
        ("结对帮扶xx户", [("xx", "figure", "户")]),
        ("调研Ｘ次", [("Ｘ", "figure", "次")]),
        ("整改问题×个", [("×", "figure", "个")]),
        ("下达任务××项", [("××", "figure", "项")]),
        ("检查╳场", [("╳", "figure", "场")]),
        ("参加培训X 人次", [("X", "figure", "人次")]),
        ("增长X个百分点", [("X", "figure", "个百分点")]),
        ("完成率____%", [("____", "figure", "%")]),
        ("资金xx.xx亿元", [("xx.xx", "figure", "亿元")]),
        ("人均x.xx万元", [("x.xx", "figure", "万元")]),
        ("覆盖X余亩", [("X", "figure", "余亩")]),
        ("面积X平方公里", [("X", "figure", "平方公里")]),
        ("开展“X进社区”活动", [("X", "name", "")]),
        ("XX同志任办公室主任", [("XX", "name", "")]),
        ("××县", [("××", "name", "")]),
        ("某某单位", [("某某", "name", "")]),
        ("○○乡", [("○○", "name", "")]),
        ("〇〇村委会", [("〇〇", "name", "")]),
        ("报送单位：____", [("____", "name", "")]),
        ("【填写单位名称】", [("【填写单位名称】", "name", "")]),
        ("【请填写开会日期】", [("【请填写开会日期】", "date", "")]),
        ("20XX年工作要点", [("20XX", "year", "年")]),
        ("202x年", [("202x", "year", "年")]),
        ("201X年", [("201X", "year", "年")]),
        ("20**年度", [("20**", "year", "年")]),
        ("党组X年度工作计划", [("X", "year", "年")]),
        ("于X月X日召开", [("X月X日", "date", "")]),
        ("x-x月份开展督查", [("x-x月份", "date", "")]),
        ("20XX年X月X日", [("20XX年X月X日", "date", "")]),
        ("3月X日前报送", [("X日", "date", "")]),
        ("X月份", [("X月份", "date", "")]),
        ("近X年来", [("X", "figure", "年")]),
        ("工作X年", [("X", "figure", "年")]),
        ("○○项目进展顺利", [("○○", "name", "")]),
    ],
)
def test_spellings_kinds_and_units(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert tokens(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "配备X光机两台", "拍摄X光片", "X射线防护", "X线检查", "X轴坐标", "X型钢材", "熟练使用Excel表格",
        "更换XP系统电脑", "购置Xbox", "推行“6+X”模式", "落实1+X证书", "面积3×4米", "PPP项目", "开展CT检查",
        "B超室", "创建4A景区", "访问 https://example.com/aXb/X1", "网址 www.xx.com", "邮箱 xxx@example.com",
        "2020年", "xian县城", "实现GDP增长", "二〇二〇年", "本年度",
    ],
)
def test_look_alikes_are_not_placeholders(text: str) -> None:
    assert tokens(text) == []


def test_masked_character_is_listed_apart() -> None:
    found = find_in_text("镇X委召开会议")
    assert [(f.token, f.kind) for f in found] == [("X", "masked")]


def test_offsets_point_at_tokens() -> None:
    text = "共召开X次会议，印发XX份文件，20XX年X月X日完成。"
    for f in find_in_text(text):
        assert text[f.start:f.end] == f.token


def test_several_in_one_sentence_keep_order() -> None:
    found = find_in_text("整改事项X大项，任务清单X项，措施X条，明确X名领导牵头")
    assert [(f.token, f.unit) for f in found] == [("X", "大项"), ("X", "项"), ("X", "条"), ("X", "名")]


def test_context_stays_in_its_line_and_marks_the_token() -> None:
    text = "第一行文字\n前面的一些文字内容召开会议X次后面的一些文字\n第三行"
    start = text.index("X")
    context, offset = context_of(text, start, start + 1)
    assert "\n" not in context
    assert context[offset] == "X"
    assert "召开会议" in context and "次后面" in context
