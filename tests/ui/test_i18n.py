"""The window's language: Simplified Chinese by default, English where the system locale is not
Chinese, all through Qt's translation files (tr() with English source text, resources/i18n/*.ts).

The window is started in a process of its own (tests/i18n_driver.py) with TIANBAO_LANG set, so
its translators are exactly the ones the app installs; this session's QApplication keeps the
Chinese one for the other window tests.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.fixtures_docx import build_report

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parents[1] / "i18n_driver.py"
TS = ROOT / "resources" / "i18n" / "tianbao_zh_CN.ts"
REPORT_STEM = "述职报告"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")

# Named by the document, not the window: templates are Chinese reports listed by their file
# names, recent files by their paths; the font box lists fonts by the names documents store
# (仿宋_GB2312 is what a .docx says; the Font menu shows the English names).
CONTENT = {"fontFamilyBox", "templateMenu", "recentMenu"}
# Widgets or actions still speaking Chinese whatever the locale (none: every part of the window
# goes through tr(); add a name here only while its module is being moved to tr()).
NOT_YET_TRANSLATED: set[str] = set()


def shown(tmp_path: Path, language: str, screenshot: Path | None = None) -> dict:
    report = build_report(tmp_path / f"{REPORT_STEM}.docx")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_LANG=language,
               TIANBAO_CONFIG_DIR=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    args = [sys.executable, str(DRIVER), str(report)]
    if screenshot is not None:
        args += ["--screenshot", str(screenshot)]
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def window_text(found: dict) -> list[dict]:
    """Everything the window itself says: not the document's words, file name or template names."""
    document = found["document"]
    texts = []
    for item in found["texts"]:
        if item["name"] in CONTENT or item.get("menu") in CONTENT:
            continue
        if item["where"] == "outline heading" or item["where"] == "status bar" and item["name"] == "status_section":
            assert item["text"] in document  # a section's title, from the document
            continue
        if item["where"] == "window title":
            name, _, app_name = item["text"].partition("[*] — ")
            assert name == f"{REPORT_STEM}.docx"
            texts.append({**item, "text": app_name})
            continue
        # Dialogs name the file (and the folder of its earlier versions, named after it); rows
        # and tooltips quote the document's words around what they point to.
        text = item["text"]
        for piece in sorted(item.get("content", []), key=len, reverse=True):
            if piece:
                text = text.replace(html.escape(piece), "DOC").replace(piece, "DOC")
        texts.append({**item, "text": text.replace(REPORT_STEM, "FILE")})
    return texts


def first_by_name(texts: list[dict]) -> dict[str, str]:
    """Each widget's or action's own text (its first entry; tooltips and accessible names follow)."""
    by_name: dict[str, str] = {}
    for item in texts:
        if item["name"]:
            by_name.setdefault(item["name"], item["text"])
    return by_name


def test_english_desktop_sees_no_chinese_in_menus_panels_or_status_bar(tmp_path: Path) -> None:
    found = shown(tmp_path, "en_US")
    texts = window_text(found)
    chinese = [t for t in texts if CJK.search(t["text"]) and t["name"] not in NOT_YET_TRANSLATED]
    assert chinese == []
    by_name = first_by_name(texts)
    assert by_name["actionHistory"] == "&Version History…"
    assert by_name["outlineTree"] == "Outline"
    assert by_name["placeholderCount"].endswith("left to fill")
    assert by_name["status_saved"] == "Saved"
    assert by_name["fontSizeBox"].split(" | ")[6] == "No. 3 (16)"
    menus = [t["text"] for t in texts if t["where"] == "menu bar"]
    assert menus[:5] == ["&File", "&Edit", "F&ormat", "&View", "&Help"]
    fonts = [t["text"] for t in texts if t["where"] == "F&ormat > &Font"]
    assert fonts[0] == "FangSong_GB2312" and "SimHei" in fonts
    assert sorted(found["kind_labels"].values()) == ["date", "figure", "name", "year"]
    # The check reaches the window's parts at all: menus, toolbar, panels and status bar.
    wheres = {t["where"].split(" > ")[0] for t in texts}
    assert {"menu bar", "&File", "toolbar", "panel", "panel label", "status bar", "window title"} <= wheres
    assert [t for t in found["texts"] if t["where"] == "outline heading"]
    dialog = [t["text"] for t in texts if t["name"] == "historyDialog"]
    assert dialog[0] == "Version History" and "Restore This Version" in dialog
    assert by_name["kept_safe"].startswith("The document is still in the window")
    # Issue 7's parts: the outline submenu, counts, length target, hints, clean-up, official format.
    assert by_name["outlineMenu"] == "Outli&ne" and by_name["actionCleanJunk"] == "Clean Up Template Ads…"
    assert by_name["status_chars"].endswith(" characters") and by_name["outlineCounts"].endswith(" chars")
    assert by_name["countProgressLabel"].startswith("Target ")
    assert re.fullmatch(r"1 hint|\d+ hints", by_name["hintCount"])  # numerus forms from tianbao_en.ts
    # The report's title says 2025年, a year before this one: a stale-year hint.
    assert [t["text"] for t in texts if t["where"] == "hint row"][0] == "[old year] DOC · DOC"
    rows = [t["text"] for t in texts if t["where"] == "dialog row"]
    assert rows == ["[site name · whole line] DOC", "[QQ number · fragment] “DOC”  in: DOC",
                    "[template site page · whole line] DOC\n    why: breadcrumb, site word, no sentence punctuation,"
                    " above the first heading"]
    assert [t["text"] for t in texts if t["name"] == "cleanDialog"][0] == "Clean Up Template Ads"
    official = [t["text"] for t in texts if t["name"] == "officialFormat"]
    assert official[1].startswith("The whole document will be reformatted to GB/T 9704-2012") and "Apply" in official


def test_chinese_desktop_sees_chinese_menus(tmp_path: Path) -> None:
    found = shown(tmp_path, "zh_CN")
    texts = window_text(found)
    menus = [t["text"] for t in texts if t["where"] == "menu bar"]
    assert menus[:5] == ["文件(&F)", "编辑(&E)", "格式(&O)", "视图(&V)", "帮助(&H)"]
    latin = [t for t in texts if t["where"].split(" > ")[0] in menus and " tooltip" not in t["where"]
             and not CJK.search(t["text"])]
    assert [t["text"] for t in latin] == ["Times New Roman"]  # a font's own name
    by_name = first_by_name(texts)
    assert by_name["actionHistory"] == "历史版本(&V)…"
    assert by_name["fontSizeBox"].split(" | ")[6] == "三号 16"
    assert by_name["status_saved"] == "已保存"
    assert [t["text"] for t in texts if t["name"] == "historyDialog"][0] == "历史版本"
    assert by_name["kept_safe"] == "文档仍在窗口中，修改没有丢失。"
    assert found["kind_labels"] == {"figure": "数字", "name": "名称", "date": "日期", "year": "年份"}
    # Issue 7's parts, in the words they had before they went through tr().
    assert by_name["outlineMenu"] == "大纲(&N)" and by_name["actionCleanJunk"] == "清理模板广告…"
    assert by_name["status_chars"].endswith(" 字") and by_name["outlineCounts"].endswith(" 字")
    assert by_name["countProgressLabel"].startswith("目标 ") and by_name["hintCount"].startswith("提示  ")
    assert [t["text"] for t in texts if t["where"] == "hint row"][0] == "［旧年份］ DOC · DOC"
    rows = [t["text"] for t in texts if t["where"] == "dialog row"]
    assert rows == ["［网站名 · 整行］ DOC", "［QQ号 · 片段］ “DOC”　所在句：DOC",
                    "［模板网站页面文字 · 整行］ DOC\n    依据：面包屑导航、网站用语、不成句子、位于首个标题之前"]
    official = [t["text"] for t in texts if t["name"] == "officialFormat"]
    assert official[0] == "套用公文格式" and official[1].startswith("将按 GB/T 9704-2012《党政机关公文格式》")
    assert sorted(official[2:]) == sorted(["套用", "取消"])  # buttons in the platform's order


def test_translation_file_is_complete_and_current(tmp_path: Path) -> None:
    """Every tr() string in app/ui has a finished Chinese translation: lupdate run on a copy of
    the .ts finds nothing new, and nothing is left unfinished."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").glob("*.py"))
    result = subprocess.run([str(lupdate), *sources, "-ts", str(copy)], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    unfinished = [(context.findtext("name"), message.findtext("source"))
                  for context in ET.parse(copy).getroot().iter("context")
                  for message in context.iter("message")
                  if message.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def _engine_labels(call_names: dict[str, int]) -> set[str]:
    """Every string the engine passes as a label or message to the calls named (argument index)."""
    import ast

    found: set[str] = set()
    for path in sorted((ROOT / "app" / "core").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in call_names:
                index = call_names[node.func.id]
                if len(node.args) > index:
                    found |= {c.value for c in ast.walk(node.args[index])
                              if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return found


def test_engine_labels_and_outline_refusals_all_have_window_wording() -> None:
    """The window shows the engine's Change labels and outline refusals (Chinese data) through its
    own translatable table: a label or refusal added to the engine must be added there too."""
    from app.ui.operations import CHANGE_LABELS, OUTLINE_ERRORS

    assert _engine_labels({"OutlineError": 0}) == set(OUTLINE_ERRORS)
    labels = _engine_labels({"Change": 0, "_finish": 1})
    assert labels and labels <= set(CHANGE_LABELS)
