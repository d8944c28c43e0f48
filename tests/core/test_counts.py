"""Counting characters the Chinese way, per section and in total, and progress to a target."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.core.counts import block_counts, count_chars, progress, section_counts, total_count
from app.core.document import Document
from app.core.scan import scan
from app.io.load import load
from tests.shared import SEED_REPORT, need


def test_whitespace_never_counts() -> None:
    assert count_chars("加强 学习\t提高　能力\n") == 8
    assert count_chars("") == 0 and count_chars(" \u3000\t") == 0


def test_punctuation_counts_unless_left_out() -> None:
    text = "一是抓学习，二是促落实。（完）"
    assert count_chars(text) == 15
    assert count_chars(text, punctuation=False) == 11


def test_latin_letters_and_digits_count_one_each() -> None:
    assert count_chars("完成12项，PPP项目3个") == 13
    assert count_chars("完成12项，PPP项目3个", punctuation=False) == 12


REPORT = ["年度总结", "一、成绩", "完成任务。", "（一）学习", "读书十本。", "二、不足", "还要努力。"]


def test_section_counts_with_and_without_subsections() -> None:
    document = Document.from_lines(REPORT)
    sections = scan(document).outline
    counts = section_counts(sections, block_counts(document.texts))
    by_title = {sections[c.section].title: c for c in counts}
    assert (by_title["一、成绩"].own, by_title["一、成绩"].total) == (9, 19)
    assert (by_title["（一）学习"].own, by_title["（一）学习"].total) == (10, 10)
    assert by_title["年度总结"].total == total_count(document) == 32
    assert by_title["年度总结"].own == 4


def test_total_can_leave_out_junk_lines() -> None:
    document = Document.from_lines(["仅供参考", "总结", "正文。"])
    assert total_count(document) == 9
    assert total_count(document, skip_blocks={0}) == 5


def test_progress_towards_a_target() -> None:
    p = progress(1234, 3000)
    assert (p.remaining, p.over, p.percent) == (1766, 0, 41)
    assert p.label() == "1,234 / 3,000 字（41%）"
    done = progress(3100, 3000)
    assert (done.remaining, done.over) == (0, 100) and done.ratio > 1
    assert done.label().endswith("超出 100 字")


def test_progress_refuses_nonsense() -> None:
    with pytest.raises(ValueError):
        progress(10, 0)
    with pytest.raises(ValueError):
        progress(-1, 100)


@settings(deadline=None)
@given(st.lists(st.text(max_size=30), max_size=12), st.booleans())
def test_counts_are_never_negative_and_add_up(texts: list[str], punctuation: bool) -> None:
    document = Document.from_lines(texts)
    counts = block_counts(texts, punctuation)
    assert all(c >= 0 for c in counts)
    assert sum(counts) == total_count(document, punctuation)
    assert all(count_chars(t, False) <= count_chars(t, True) <= len(t) for t in texts)
    for c in section_counts(scan(document).outline, counts):
        assert 0 <= c.own <= c.total <= sum(counts)


def test_seed_report_sections_add_up() -> None:
    document = load(need(SEED_REPORT))
    report = scan(document)
    counts = section_counts(report.outline, block_counts(document.texts))
    first_levels = [c.total for c in counts if report.outline[c.section].level == 1]
    body = sum(count_chars(t) for t in document.texts[report.outline[1].block:])
    assert sum(first_levels) == body
    assert total_count(document, punctuation=False) < total_count(document)


def test_count_command(tmp_path) -> None:
    import json
    import subprocess
    import sys

    from tests.shared import ROOT

    source = tmp_path / "a.txt"
    source.write_text("\n".join(["仅供参考 禁止外传"] + REPORT), encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "app", "count", str(source), *args], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    result = run("--json", "--target", "64")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # The ad line is not the report's text: it is left out of the count.
    assert data["total"] == 32 and data["target"] == {"target": 64, "remaining": 32, "over": 0, "percent": 50}
    assert [s["total"] for s in data["sections"]] == [32, 19, 10, 9]
    assert "全文 32 字" in run().stdout
    assert json.loads(run("--json", "--no-punctuation").stdout)["total"] == 25
    bad = run("--target", "-5")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
