"""Same value, fill once: placeholders in the same quoted name are offered together."""
from __future__ import annotations

from app.core.document import Document
from app.core.edits import apply_change
from app.core.placeholders import Placeholder
from app.core.scan import scan
from app.core.siblings import fill_together, name_frame, sibling_groups, siblings_of

YEAR = 2026


def _scan(*lines: str) -> tuple[list[Placeholder], list[str]]:
    doc = Document.from_lines(list(lines))
    return scan(doc, YEAR).placeholders, doc.texts


def _where(placeholders: list[Placeholder]) -> list[tuple[int, int]]:
    return [(p.block, p.start) for p in placeholders]


def test_the_same_token_in_the_same_quoted_name_is_a_sibling() -> None:
    placeholders, texts = _scan("一是制定“X党建计划”。", "召开会议X次。", "二是落实“X党建计划”，推进“X党建计划”。")
    first = placeholders[0]
    assert (first.block, first.token) == (0, "X")
    assert _where(siblings_of(first, placeholders, texts)) == [(2, 5), (2, 15)]
    # Offered from any of them, in document order, never itself.
    assert _where(siblings_of(placeholders[-1], placeholders, texts)) == [(0, 5), (2, 5)]


def test_other_names_and_figures_are_not_siblings() -> None:
    placeholders, texts = _scan("制定“X党建计划”", "制定“X廉政计划”", "制定X党建计划", "召开会议X次", "召开会议X次")
    assert siblings_of(placeholders[0], placeholders, texts) == []
    # Plain figures are never grouped, however alike.
    assert siblings_of(placeholders[3], placeholders, texts) == []
    # Nor names outside quotes: "XX同志" twice is as often two people.
    placeholders, texts = _scan("XX同志任组长，XX同志任副组长")
    assert siblings_of(placeholders[0], placeholders, texts) == []


def test_the_place_in_the_name_counts() -> None:
    placeholders, texts = _scan("“X县X计划”和“X县X计划”")
    by_start = {p.start: p for p in placeholders}
    assert _where(siblings_of(by_start[1], placeholders, texts)) == [(0, 9)]
    assert _where(siblings_of(by_start[3], placeholders, texts)) == [(0, 11)]


def test_book_title_marks_and_straight_quotes_frame_names_too() -> None:
    placeholders, texts = _scan("印发《20XX年工作要点》", "落实《20XX年工作要点》")
    assert len(siblings_of(placeholders[0], placeholders, texts)) == 1
    placeholders, texts = _scan('开展"X行动"', '深化"X行动"')
    assert len(siblings_of(placeholders[0], placeholders, texts)) == 1


def test_name_frames() -> None:
    assert name_frame("制定“X党建计划”", 3, 4) == ("“X党建计划”", 1)
    assert name_frame("制定X党建计划", 2, 3) is None
    assert name_frame("“甲”和X计划”", 4, 5) is None  # a closing quote before it: not inside
    assert name_frame("“X" + "长" * 40 + "”", 1, 2) is None  # a quoted sentence, not a name
    assert name_frame("“X计划\n”", 1, 2) is None  # never across a line break
    assert name_frame('"甲"和X"乙"', 5, 6) is None  # between two straight-quoted names
    assert name_frame('"X"', 1, 2) == ('"X"', 1)


def test_sibling_groups_for_the_sidebar() -> None:
    placeholders, texts = _scan("“X计划”，“X计划”", "召开X次", "“X计划”，“X方案”，“X方案”")
    groups = sibling_groups(placeholders, texts)
    assert [_where(g) for g in groups] == [[(0, 1), (0, 7), (2, 1)], [(2, 7), (2, 13)]]


def test_filling_together_is_one_change() -> None:
    doc = Document.from_lines(["一是制定“X党建计划”，召开会议X次。", "二是落实“X党建计划”。"])
    placeholders = scan(doc, YEAR).placeholders
    together = [placeholders[0], *siblings_of(placeholders[0], placeholders, doc.texts)]
    change = fill_together(together, "三联三促")
    assert change.label and change.order is None and len(change.edits) == 2
    apply_change(doc, change)
    assert doc.texts == ["一是制定“三联三促党建计划”，召开会议X次。", "二是落实“三联三促党建计划”。"]
    assert [p.token for p in scan(doc, YEAR).placeholders] == ["X"]
