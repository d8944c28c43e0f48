"""Counts in the window's words: "1 character", "2 characters" in English through Qt's numerus
forms (tr(text, "", n) and resources/i18n/tianbao_en.ts), the Chinese exactly as before, and large
numbers with their thousands separator in both.

The window runs in a process of its own (tests/plurals_driver.py) with TIANBAO_LANG set, so its
translators are exactly the ones the app installs.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
DRIVER = Path(__file__).resolve().parents[1] / "plurals_driver.py"
SOURCES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").glob("*.py"))
LUPDATE = Path(sys.executable).parent / "pyside6-lupdate"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


@pytest.fixture(scope="module")
def compiled() -> None:
    """The .qm next to each .ts, as `make i18n` builds them (a fresh clone has none)."""
    for ts in I18N.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if LRELEASE.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime):
            subprocess.run([str(LRELEASE), "-silent", str(ts), "-qm", str(qm)], check=True)
        assert qm.exists(), f"{qm.name} is not built: run `make i18n`"


def counts_shown(tmp_path: Path, language: str) -> dict[str, dict]:
    work = tmp_path / language
    work.mkdir()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_LANG=language,
               TIANBAO_CONFIG_DIR=str(work / "config"), XDG_DATA_HOME=str(work / "data"))
    result = subprocess.run([sys.executable, str(DRIVER), str(work)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_english_says_one_character_one_place_and_two_characters(tmp_path: Path, compiled: None) -> None:
    shown = counts_shown(tmp_path, "en_US")
    one, two, large = shown["1"], shown["2"], shown["12345"]
    # The reports made what they were meant to, so each text below is about a count of 1 or 2.
    for n, texts in ((1, one), (2, two)):
        assert [texts[k] for k in ("placeholders_found", "hints_found", "clean_found")] == [n, n, n]
    assert one["status_chars"] == "1 character" and two["status_chars"] == "2 characters"
    assert one["status_chars_no_punctuation"] == "1 character (punctuation not counted)"
    assert two["status_chars_no_punctuation"] == "2 characters (punctuation not counted)"
    assert one["target"] == "Target 1 / 1 character (100%)" and two["target"] == "Target 2 / 2 characters (100%)"
    assert one["sidebar"] == one["status_left"] == "1 left to fill"
    assert two["sidebar"] == two["status_left"] == "2 left to fill"
    assert one["hints"] == "1 hint" and two["hints"] == "2 hints"
    assert one["renumber"] == "Renumbered in 1 place (can be undone)"
    assert two["renumber"] == "Renumbered in 2 places (can be undone)"
    assert one["punctuation"] == "Half-width punctuation changed to full width in 1 place (can be undone)"
    assert two["punctuation"] == "Half-width punctuation changed to full width in 2 places (can be undone)"
    assert one["clean_intro"].startswith("Text added by a template site, found in 1 place (whole lines: 1,")
    assert two["clean_intro"].startswith("Text added by a template site, found in 2 places (whole lines: 2,")
    assert one["clean"] == "Template ads removed in 1 place (can be undone)"
    assert two["clean"] == "Template ads removed in 2 places (can be undone)"
    assert one["replace"] == "Replaced 1 occurrence" and two["replace"] == "Replaced 2 occurrences"
    assert one["history"].startswith("The version of “history1.txt” from before its last save.")
    assert two["history"].startswith("Versions of “history2.txt” from before its saves (the last 2,")
    # Large numbers keep the separator the window writes them with.
    assert large["status_chars"] == "12,345 characters"
    assert large["target"] == "Target 12,345 / 12,345 characters (100%)"
    assert large["section_count"] == "12,351 chars"  # 一、工作情况 and 12,345 characters of text
    assert large["section_tip"] == "一、工作情况: 12,351 characters (12,351 in the section's own text)"
    # No source text is left showing where a count was filled in.
    assert not [t for texts in shown.values() for t in texts.values() if isinstance(t, str) and re.search(r"%\d", t)]


def test_chinese_counts_read_as_before(tmp_path: Path, compiled: None) -> None:
    shown = counts_shown(tmp_path, "zh_CN")
    for n in (1, 2):
        texts = shown[str(n)]
        assert [texts[k] for k in ("placeholders_found", "hints_found", "clean_found")] == [n, n, n]
        assert texts["status_chars"] == f"{n} 字"
        assert texts["status_chars_no_punctuation"] == f"{n} 字（不计标点）"
        assert texts["target"] == f"目标 {n} / {n} 字（100%）"
        assert texts["sidebar"] == texts["status_left"] == f"还有 {n} 处待填写"
        assert texts["hints"] == f"提示  {n}"
        assert texts["renumber"] == f"已重新编号（{n} 处，可撤销）"
        assert texts["punctuation"] == f"已把 {n} 个半角标点改为全角（可撤销）"
        assert texts["clean_intro"].startswith(f"发现 {n} 处模板网站添加的内容（整行 {n} 处，句中片段 0 处）。")
        assert texts["clean"] == f"已清理 {n} 处模板广告（可撤销）"
        assert texts["replace"] == f"已替换 {n} 处"
        assert texts["history"].startswith(f"“history{n}.txt”保存前的版本（最近 {n} 个，最新的在上）。")
    large = shown["12345"]
    assert large["status_chars"] == "12,345 字" and large["target"] == "目标 12,345 / 12,345 字（100%）"
    assert large["section_count"] == "12,351 字"
    assert large["section_tip"] == "一、工作情况：12,351 字（本节正文 12,351 字）"


def _numerus(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the forms of each numerus message; fails on an unfinished one."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (context.findtext("name"), message.findtext("source"))
            assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), key
            if message.get("numerus") == "yes":
                found[key] = [form.text or "" for form in translation.iter("numerusform")]
    return found


def _markers(text: str) -> list[str]:
    return sorted(set(re.findall(r"%\d", text)))


def test_plural_forms_are_complete_current_and_keep_their_numbers(tmp_path: Path) -> None:
    """lupdate finds no count missing from tianbao_en.ts (only numerus messages: the source
    strings are English already); each has its singular and plural, each Chinese one its single
    form, and every form keeps the source's %1, %2 ... (a form without %1 would hide the count)."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    copy = tmp_path / "tianbao_en.ts"
    shutil.copy(I18N / "tianbao_en.ts", copy)
    result = subprocess.run([str(LUPDATE), "-pluralonly", *SOURCES, "-ts", str(copy)], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    english = _numerus(copy)
    chinese = _numerus(I18N / "tianbao_zh_CN.ts")
    root = ET.parse(I18N / "tianbao_en.ts").getroot()
    assert root.get("language") == "en" and root.get("sourcelanguage") == "en"
    assert set(english) == set(chinese) and len(english) >= 12
    assert set(_numerus(I18N / "tianbao_en.ts")) == set(english)  # the committed file, not only the copy
    for (context, source), forms in english.items():
        one, many = forms
        # The sources are written in the plural; the singular may put a number in words ("its
        # last save" for "the last %2"), never drop one it does not name.
        assert many == source and one, (context, source)
        # "1 left to fill" is English for both; every other count changes its noun.
        assert one != source or source == "%1 left to fill", (context, source)
        assert _markers(one) and set(_markers(one)) <= set(_markers(source)), one
    for key, forms in chinese.items():
        assert len(forms) == 1 and forms[0] and _markers(forms[0]) == _markers(key[1]), key


def test_a_count_before_a_plural_noun_is_a_numerus_message(tmp_path: Path) -> None:
    """A new "%1 pages" written with tr(text) (no count) would read "1 pages" in English: every
    string of app/ui with a number before a plural word must be a numerus message."""
    if not LUPDATE.exists():
        pytest.skip("pyside6-lupdate is not installed beside this Python")
    fresh = tmp_path / "all.ts"
    result = subprocess.run([str(LUPDATE), *SOURCES, "-ts", str(fresh)], cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr
    messages = [(message.findtext("source"), message.get("numerus") == "yes")
                for message in ET.parse(fresh).getroot().iter("message")]
    counted = [source for source, numerus in messages if re.search(r"%\d (?!is\b|was\b|has\b)[a-z]+s\b", source)]
    assert len(counted) >= 11
    assert [source for source, numerus in messages if source in counted and not numerus] == []
