"""The real template from a template site (../shared/examples/seed-report.txt), when present."""
from __future__ import annotations

from collections import Counter

import pytest

from app.core.scan import scan
from app.io.load import load
from tests.shared import SEED_REPORT, need


@pytest.fixture(scope="module")
def report():
    return scan(load(need(SEED_REPORT)))


def test_placeholders(report) -> None:
    assert len(report.placeholders) == 19
    assert Counter(p.kind for p in report.placeholders) == {"figure": 14, "name": 3, "year": 2}


def test_title_and_sections(report) -> None:
    title = report.outline[0]
    assert (title.level, title.title) == (0, "政府办党组书记抓基层党建工作述职报告")
    levels = Counter(s.level for s in report.outline)
    assert levels[1] == 3 and levels[2] == 10


def test_promotion_lines_are_junk(report) -> None:
    lines = SEED_REPORT.read_text(encoding="utf-8").splitlines()
    whole = {j.block for j in report.junk if j.whole_block}
    title_block = report.outline[0].block
    # Everything non-empty before the title is the site's promotion; so are the 整理/咨询QQ lines.
    assert {i for i in range(title_block) if lines[i].strip()} <= whole
    qq_lines = {i for i, line in enumerate(lines) if "QQ" in line and "整理" in line}
    assert len(qq_lines) == 2 and qq_lines <= whole
    # No line of the report itself.
    first_heading = report.outline[1].block
    assert not [i for i in whole if i >= first_heading and i not in qq_lines]


def test_every_placeholder_has_a_section_and_context(report) -> None:
    for p in report.placeholders:
        assert p.section
        assert p.context[p.context_offset:].startswith(p.token)
