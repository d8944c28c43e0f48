"""编辑 → 清理模板广告… says why a whole line was found: the signals that fired, in Chinese."""
from __future__ import annotations

from app.core.clean import clean_plan
from app.core.document import Document
from app.ui.clean_dialog import CleanDialog

LINES = ["首页 > 范文大全 > 工作总结 > 正文", "社区工作总结", "一、主要工作", "全年走访群众X户。",
         "本文来源：网友投稿  点击：418次"]


def test_each_site_line_shows_its_reason(chinese_app, qtbot) -> None:  # noqa: ANN001
    items = clean_plan(Document.from_lines(LINES))
    assert [i.block for i in items] == [0, 4]
    assert "breadcrumb" in items[0].reason and "publish-meta" in items[1].reason
    dialog = CleanDialog(items)
    qtbot.addWidget(dialog)
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert "依据：面包屑导航" in rows[0] and "网站用语" in rows[0]
    assert "发布信息" in rows[1] and "浏览次数" in rows[1]
    assert all("breadcrumb" not in row and "no sentence" not in row for row in rows)


def test_an_ad_fragment_keeps_its_rule_as_the_reason(chinese_app, qtbot) -> None:  # noqa: ANN001
    lines = ["工作总结", "一、情况", "全年开展活动X次，取得明显成效。咨询QQ：87654321"]
    items = clean_plan(Document.from_lines(lines))
    assert [(i.whole_block, i.reason) for i in items] == [(False, "qq")]
    dialog = CleanDialog(items)
    qtbot.addWidget(dialog)
    assert "依据" not in dialog.list.item(0).text()
