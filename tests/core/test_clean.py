"""Clean-up of template-site junk: the plan the dialog lists, tidy cuts, stranded blank lines,
the seed report, the command, and the promise that no placeholder is ever removed."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings, strategies as st

from app.core.clean import clean_all, clean_change, clean_plan, tidy_span
from app.core.document import Block, CellRef, Document, Run, RunFormat
from app.core.edits import apply_change, texts_after
from app.core.placeholders import find_in_text
from app.core.scan import scan
from app.io.load import load
from tests.shared import ROOT, SEED_REPORT, need

# A small report of our own: an ad block before the title, an ad line in the middle, an ad
# fragment inside a sentence, and placeholders everywhere.
REPORT = [
    "本资料仅供参考，禁止外传",
    "加入会员免费下载更多资料",
    "",
    "",
    "社区服务中心年度工作总结",
    "",
    "今年以来，中心共接待来访群众X人次，办结事项XX件。",
    "一、基本情况",
    "全年举办培训X场，咨询QQ：12345678，覆盖居民XXX户。",
    "更多范文请关注公众号：好材料",
    "二、下步打算",
    "继续做好“X服务计划”。",
    "",
    "欢迎加入交流群：88886666",
    "",
]


def _clean(lines: list[str]) -> list[str]:
    document = Document.from_lines(lines)
    _, change = clean_all(document)
    apply_change(document, change)
    return document.texts


def test_plan_lists_whole_lines_and_fragments_with_context() -> None:
    items = clean_plan(Document.from_lines(REPORT))
    whole = [i.block for i in items if i.whole_block]
    assert whole == [0, 1, 9, 13]
    fragment = next(i for i in items if not i.whole_block)
    assert fragment.block == 8 and "QQ" in fragment.text and "12345678" in fragment.text
    assert fragment.text in fragment.context and fragment.context in REPORT[8]
    assert all(i.context for i in items)
    assert {"block", "start", "end", "text", "whole_block", "context"} <= set(items[0].as_json())


def test_clean_removes_junk_and_stranded_blank_lines_but_no_prose() -> None:
    cleaned = _clean(REPORT)
    assert cleaned == [
        "社区服务中心年度工作总结",
        "",
        "今年以来，中心共接待来访群众X人次，办结事项XX件。",
        "一、基本情况",
        "全年举办培训X场，覆盖居民XXX户。",
        "二、下步打算",
        "继续做好“X服务计划”。",
    ]


def test_unticked_items_stay() -> None:
    document = Document.from_lines(REPORT)
    items = [i for i in clean_plan(document) if i.block != 9]
    apply_change(document, clean_change(document, items))
    assert "更多范文请关注公众号：好材料" in document.texts
    assert "本资料仅供参考，禁止外传" not in document.texts


def test_tidy_span_takes_dangling_separators_spaces_and_empty_brackets() -> None:
    def cut(text: str, junk: str) -> str:
        start = text.index(junk)
        s, e = tidy_span(text, start, start + len(junk))
        return text[:s] + text[e:]

    assert cut("会议纪要，联系QQ12345678", "联系QQ12345678") == "会议纪要"
    assert cut("联系QQ12345678，会议纪要", "联系QQ12345678") == "会议纪要"
    assert cut("材料（仅供参考）如下", "仅供参考") == "材料如下"
    assert cut("甲方，仅供参考，乙方", "仅供参考") == "甲方，乙方"
    assert cut("甲方 仅供参考 乙方", "仅供参考") == "甲方乙方"
    assert cut("Word VIP 2016", "VIP") == "Word 2016"


def test_runs_keep_their_format_when_a_fragment_is_cut() -> None:
    bold = RunFormat(bold=True)
    block = Block([Run("全年举办培训", bold), Run("X场，咨询QQ：12345678，覆盖居民")])
    document = Document([Block.plain("工作总结"), block])
    _, change = clean_all(document)
    apply_change(document, change)
    assert document.blocks[1].text == "全年举办培训X场，覆盖居民"
    assert document.blocks[1].runs[0].format == bold and document.blocks[1].runs[0].text == "全年举办培训"


def test_only_paragraph_of_a_table_cell_is_emptied_not_removed() -> None:
    cell = CellRef(0, 0, 0)
    document = Document([Block.plain("工作总结"), Block.plain("咨询QQ：12345678", cell=cell),
                         Block.plain("一、情况")])
    _, change = clean_all(document)
    apply_change(document, change)
    assert document.texts == ["工作总结", "", "一、情况"]
    assert document.blocks[1].cell == cell


def test_junk_line_holding_a_placeholder_is_not_offered() -> None:
    document = Document.from_lines(["工作总结", "仅供参考", "__________", "正文。"])
    offered = {i.block for i in clean_plan(document)}
    assert 1 in offered and 2 not in offered


def test_nothing_to_clean_is_an_empty_change() -> None:
    items, change = clean_all(Document.from_lines(["工作总结", "一、情况", "正文X次。"]))
    assert items == [] and change.empty


# Lines mixing report prose, placeholders and ads, to check that cleaning never removes a placeholder.
_PIECES = ["召开会议X次", "“X党建计划”", "20XX年", "X月X日", "完成____%", "共XX人", "咨询QQ12345678",
           "仅供参考", "禁止外传", "www.example.com", "整理", "，", "。", " ", "一、", "（一）", "会员", "VIP",
           "用后删除", "加强学习", "全文共3000字"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=6).map("".join), min_size=1, max_size=8))
def test_clean_never_removes_a_placeholder(lines: list[str]) -> None:
    document = Document.from_lines(lines)
    placeholders = [(b, f) for b, t in enumerate(document.texts) for f in find_in_text(t) if f.kind != "masked"]
    _, change = clean_all(document)
    removed = set(change.removed(len(lines)))
    new_index = {old: new for new, old in enumerate(change.order)} if change.order is not None else None
    for block, f in placeholders:
        assert block not in removed, (lines, f)
        target = new_index[block] if new_index is not None else block
        for edit in change.edits:
            assert edit.block != target or edit.end <= f.start or f.end <= edit.start, (lines, f, edit)
    after = texts_after(document.texts, change)
    assert all(any(f.token in t for t in after) for _, f in placeholders)


def test_seed_report_loses_its_ads_and_nothing_else() -> None:
    document = load(need(SEED_REPORT))
    original = document.texts
    before = scan(document)
    items, change = clean_all(document)
    after = texts_after(original, change)
    # The promotion block before the title and both 整理/咨询QQ lines go.
    assert not any("整理" in t or "QQ" in t or "会员" in t or "仅供学习" in t for t in after)
    title = before.outline[0].title
    assert after[0] == title
    # No sentence of the report itself goes: every non-junk line is still there, in order.
    junk_blocks = {i.block for i in items}
    kept = [t for i, t in enumerate(original) if i not in junk_blocks and t.strip()]
    assert [t for t in after if t.strip()] == kept
    # Every placeholder stays.
    apply_change(document, change)
    after_scan = scan(document)
    assert [(p.token, p.context) for p in after_scan.placeholders] == \
        [(p.token, p.context) for p in before.placeholders]
    assert after_scan.junk == []


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_clean_command_writes_text(tmp_path: Path) -> None:
    source = tmp_path / "总结.txt"
    source.write_text("\n".join(REPORT), encoding="utf-8")
    out = tmp_path / "干净.txt"
    result = _run("clean", str(source), str(out))
    assert result.returncode == 0, result.stderr
    assert "共清除 5 处模板广告" in result.stdout
    assert out.read_text(encoding="utf-8").splitlines() == _clean(REPORT)


def test_clean_command_bad_input_exits_2_without_traceback(tmp_path: Path) -> None:
    missing = _run("clean", str(tmp_path / "无.txt"), str(tmp_path / "out.docx"))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and "找不到" in missing.stderr
    source = tmp_path / "a.txt"
    source.write_text("工作总结\n", encoding="utf-8")
    wrong = _run("clean", str(source), str(tmp_path / "out.pdf"))
    assert wrong.returncode == 2 and not (tmp_path / "out.pdf").exists()


def test_clean_command_dry_run_writes_nothing(tmp_path: Path) -> None:
    source = tmp_path / "总结.txt"
    source.write_text("\n".join(REPORT), encoding="utf-8")
    out = tmp_path / "out.docx"
    result = _run("clean", str(source), str(out), "--dry-run")
    assert result.returncode == 0 and not out.exists()
    assert "禁止外传" in result.stdout


def test_repeated_captions_dates_and_table_data_are_not_site_names() -> None:
    lines = ["项目申报表", "申请单位基本情况", "（内容略）", "申请单位基本情况", "年    月    日", "正文。",
             "年    月    日"]
    document = Document.from_lines(lines)
    cell = CellRef(0, 0, 0)
    document.blocks += [Block.plain("描述", cell=cell), Block.plain("描述", cell=CellRef(0, 1, 0))]
    assert clean_plan(document) == []


def test_a_repeated_line_tied_to_an_ad_or_naming_a_site_is_offered() -> None:
    tied = Document.from_lines(["墨香阁", "工作总结", "正文。", "墨香阁整理，咨询QQ：13572468", "墨香阁"])
    assert [i.block for i in clean_plan(tied)] == [0, 3, 4]
    named = Document.from_lines(["好范文网", "工作总结", "正文。", "好范文网"])
    assert [i.block for i in clean_plan(named)] == [0, 3]


def test_addresses_inside_sentences_are_listed_but_not_ticked() -> None:
    document = Document.from_lines(["工作总结", "详见区政府网站 www.example.gov.cn 公告。", "www.fanwen-site.com",
                                    "联系邮箱 office@example.gov.cn"])
    items = clean_plan(document)
    ticked = {i.block: i.checked for i in items}
    assert ticked == {1: False, 2: True, 3: False}
    _, change = clean_all(document)
    assert texts_after(document.texts, change) == ["工作总结", "详见区政府网站 www.example.gov.cn 公告。",
                                                   "联系邮箱 office@example.gov.cn"]
    _, everything = clean_all(document, unchecked_too=True)
    assert texts_after(document.texts, everything)[1] == "详见区政府网站公告。"


def test_clean_command_all_takes_unticked_items_too(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_text("工作总结\n详见 www.example.gov.cn 公告。\n", encoding="utf-8")
    kept, everything = tmp_path / "kept.txt", tmp_path / "all.txt"
    first = _run("clean", str(source), str(kept))
    assert first.returncode == 0 and "保留 1 处" in first.stdout
    assert kept.read_text(encoding="utf-8").splitlines()[1] == "详见 www.example.gov.cn 公告。"
    assert _run("clean", str(source), str(everything), "--all").returncode == 0
    assert everything.read_text(encoding="utf-8").splitlines()[1] == "详见公告。"
