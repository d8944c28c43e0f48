"""The benchmark's report generator: reproducible, and the reports hold what it says they hold."""
from __future__ import annotations

import collections

import docx

from app.core.scan import scan
from app.io.load import load
from tests.bench.generator import CHARS_PER_PAGE, generate

PAGES = 12


def test_same_seed_gives_the_same_files_and_another_seed_does_not(tmp_path):
    first = generate(PAGES, seed=7, directory=tmp_path / "a")
    second = generate(PAGES, seed=7, directory=tmp_path / "b")
    other = generate(PAGES, seed=8, directory=tmp_path / "c")
    assert first.txt.read_bytes() == second.txt.read_bytes()
    assert [p.text for p in docx.Document(str(first.docx)).paragraphs] == \
        [p.text for p in docx.Document(str(second.docx)).paragraphs]
    assert first.stats == second.stats
    assert other.txt.read_bytes() != first.txt.read_bytes()


def test_cached_report_is_reused(tmp_path):
    first = generate(PAGES, seed=7, directory=tmp_path)
    stamp = first.docx.stat().st_mtime_ns
    again = generate(PAGES, seed=7, directory=tmp_path)
    assert again.docx.stat().st_mtime_ns == stamp
    assert again.stats == first.stats


def test_report_holds_headings_placeholders_and_tables_it_claims(tmp_path):
    report = generate(PAGES, seed=11, directory=tmp_path)
    stats = report.stats
    # About 700 characters a page and one placeholder per hundred characters.
    assert 0.85 * PAGES * CHARS_PER_PAGE <= stats.chars <= 1.2 * PAGES * CHARS_PER_PAGE
    assert 70 <= stats.chars / stats.placeholders <= 130
    assert stats.tables >= 1
    assert all(stats.headings[level] >= 1 for level in "1234")

    for path in (report.docx, report.txt):
        found = scan(load(path))
        levels = collections.Counter(s.level for s in found.outline)
        assert levels[0] == 1, path
        assert {str(level): levels[level] for level in (1, 2, 3, 4)} == stats.headings, path
        kinds = collections.Counter(p.kind for p in found.placeholders)
        assert dict(kinds) == stats.placeholder_kinds, path
        assert len(found.placeholders) == stats.placeholders, path
        assert found.outline[0].title == stats.title

    document = docx.Document(str(report.docx))
    assert len(document.tables) == stats.tables
    assert sum(len(row.cells) for t in document.tables for row in t.rows) == stats.table_cells
    text = "\n".join(p.text for p in document.paragraphs)
    assert "X" in text and "（一）" in text and "1." in text and "（1）" in text
