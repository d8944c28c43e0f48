"""FilledSpans: what the user typed into placeholders, followed through later edits."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from app.core.document import Document
from app.core.edits import Change, TextEdit, apply_change, apply_text
from app.core.fill_checks import filled_spans
from app.core.filled import Filled, FilledSpans
from app.core.hints import hints_of, without_filled
from app.core.scan import scan
from app.core.siblings import fill_together

YEAR = 2026


def _spans(filled: FilledSpans) -> list[tuple[int, int, int]]:
    return [(s.block, s.start, s.end) for s in filled]


def _one(block: int = 1, start: int = 4, end: int = 8) -> FilledSpans:
    return FilledSpans([Filled(block, start, end, "20XX", "year", "年")])


def test_edits_before_after_and_inside_a_span() -> None:
    filled = _one()
    assert _spans(filled.edited(1, 0, 2, 5)) == [(1, 7, 11)]  # before: moves
    assert _spans(filled.edited(1, 2, 4, 0)) == [(1, 2, 6)]  # ending right at its start: moves
    assert _spans(filled.edited(1, 9, 12, 0)) == [(1, 4, 8)]  # after: stays
    assert _spans(filled.edited(1, 8, 10, 1)) == [(1, 4, 8)]  # starting right at its end: stays
    assert _spans(filled.edited(1, 5, 6, 1)) == [(1, 4, 8)]  # a digit corrected
    assert _spans(filled.edited(1, 8, 8, 1)) == [(1, 4, 9)]  # typed against its end: grows
    assert _spans(filled.edited(1, 4, 4, 1)) == [(1, 4, 9)]  # typed against its start: grows
    assert _spans(filled.edited(1, 4, 8, 4)) == [(1, 4, 8)]  # retyped whole
    assert _spans(filled.edited(2, 0, 5, 0)) == [(1, 4, 8)]  # another block
    assert _spans(filled.edited(1, 4, 8, 0)) == []  # deleted
    assert _spans(filled.edited(1, 2, 6, 1)) == []  # crosses its start
    assert _spans(filled.edited(1, 6, 10, 1)) == []  # crosses its end


def test_paragraphs_split_joined_and_replaced() -> None:
    filled = FilledSpans([Filled(0, 2, 4), Filled(1, 4, 8), Filled(3, 0, 1)])
    assert _spans(filled.split(1, 2)) == [(0, 2, 4), (2, 2, 6), (4, 0, 1)]
    assert _spans(filled.split(1, 8)) == [(0, 2, 4), (1, 4, 8), (4, 0, 1)]
    assert _spans(filled.split(1, 6)) == [(0, 2, 4), (4, 0, 1)]  # cut in two
    assert _spans(filled.joined(0, 10)) == [(0, 2, 4), (0, 14, 18), (2, 0, 1)]
    assert _spans(filled.blocks_replaced(1, 1, 2)) == [(0, 2, 4), (5, 0, 1)]
    assert _spans(filled.blocks_replaced(1, 2, -1)) == [(0, 2, 4), (2, 0, 1)]


def test_a_change_moves_spans_with_its_order_and_edits() -> None:
    filled = FilledSpans([Filled(0, 2, 4), Filled(1, 4, 8), Filled(2, 0, 1)])
    change = Change("移动", [2, 1], [TextEdit(1, 0, 1, "甲乙"), TextEdit(1, 9, 9, "。")])
    assert _spans(filled.after_change(change)) == [(0, 0, 1), (1, 5, 9)]


def test_with_fill_without_and_pruned() -> None:
    filled = FilledSpans().with_fill(Filled(0, 2, 6, "20XX", "year"))
    assert filled.covers(0, 3, 4) and not filled.covers(0, 6, 8) and not filled.covers(1, 2, 6)
    again = filled.with_fill(Filled(0, 2, 4, "X", "figure"))
    assert [(s.start, s.end, s.token) for s in again] == [(2, 4, "X")]
    assert not filled.without(0, 5, 6)
    assert FilledSpans([Filled(0, 2, 6, "20XX")]).pruned(["2020XX年"]) == FilledSpans()  # undone
    assert len(FilledSpans([Filled(0, 2, 6, "20XX")]).pruned(["202025年"])) == 1
    assert FilledSpans([Filled(1, 0, 2)]).pruned(["甲"]) == FilledSpans()
    assert FilledSpans([Filled(0, 0, 9)]).pruned(["甲"]) == FilledSpans()


def test_a_year_just_typed_into_a_year_placeholder_is_never_an_old_year() -> None:
    doc = Document.from_lines(["20XX年工作总结", "2020年，我局……"])
    [placeholder] = [p for p in scan(doc, YEAR).placeholders if p.token == "20XX"]
    doc.blocks[0].replace_text(placeholder.start, placeholder.end, "2025")
    filled = FilledSpans(filled_spans([placeholder], "2025"))
    assert [(h.kind, h.block) for h in hints_of(doc, YEAR)] == [("stale-year", 0), ("stale-year", 1)]
    # The year typed is the report's; the one the template had is still an old one.
    assert [(h.kind, h.block) for h in hints_of(doc, YEAR, filled=filled)] == [("stale-year", 1)]
    assert without_filled(hints_of(doc, YEAR), filled) == hints_of(doc, YEAR, filled=filled)
    assert without_filled(hints_of(doc, YEAR), None) == hints_of(doc, YEAR)


def test_filling_siblings_together_records_every_value_typed() -> None:
    doc = Document.from_lines(["开展“X党建计划”，20XX年", "落实“X党建计划”"])
    placeholders = scan(doc, YEAR).placeholders
    names = [p for p in placeholders if p.token == "X"]
    change = fill_together(names, "三联三促")
    filled = FilledSpans([Filled(0, 10, 14, "20XX", "year")]).after_change(change)
    filled = filled.with_fill(*filled_spans(names, "三联三促"))
    apply_change(doc, change)
    assert [doc.texts[s.block][s.start:s.end] for s in filled] == ["三联三促", "20XX", "三联三促"]


@settings(max_examples=200, deadline=None)
@given(st.text("ab", min_size=0, max_size=12), st.data())
def test_a_span_outside_an_edit_still_holds_its_text(prefix: str, data) -> None:  # noqa: ANN001
    text = prefix + "2025" + "cd"
    span = Filled(0, len(prefix), len(prefix) + 4)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    new = data.draw(st.text("xy", max_size=3))
    after = FilledSpans([span]).edited(0, start, end, len(new))
    edited = apply_text(text, [TextEdit(0, start, end, new)])
    outside = end < span.start or start > span.end or (start < end and (end == span.start or start == span.end))
    if outside:
        [moved] = list(after)
        assert edited[moved.start:moved.end] == "2025"
    for s in after:
        assert 0 <= s.start < s.end <= len(edited)


def test_retyped_finds_the_edit_from_the_texts_before_and_after() -> None:
    filled = FilledSpans([Filled(0, 4, 8, "20XX", "year")])  # "召开会议2025年"
    assert _spans(filled.retyped(0, "召开会议2025年", "今年召开会议2025年")) == [(0, 6, 10)]
    assert _spans(filled.retyped(0, "召开会议2025年", "召开会议2026年")) == [(0, 4, 8)]
    assert _spans(filled.retyped(0, "召开会议2025年", "召开会议2025年年")) == [(0, 4, 8)]
    assert _spans(filled.retyped(0, "召开会议2025年", "召开会议年")) == []
    assert filled.retyped(0, "甲", "甲") is filled


def test_retyped_blocks_follows_typing_enter_and_backspace() -> None:
    filled = FilledSpans([Filled(0, 4, 8), Filled(1, 0, 2)])
    old = ["召开会议2025年", "12次"]
    # Typing in the first, the second untouched.
    assert _spans(filled.retyped_blocks(0, old, ["昨召开会议2025年", "12次"])) == [(0, 5, 9), (1, 0, 2)]
    # Enter before the year, then Backspace joining the paragraphs again.
    split = filled.retyped_blocks(0, old[:1], ["召开会议", "2025年"])
    assert _spans(split) == [(1, 0, 4), (2, 0, 2)]
    assert _spans(split.retyped_blocks(0, ["召开会议", "2025年"], ["召开会议2025年"])) == [(0, 4, 8), (1, 0, 2)]
    # Anything else: the spans in the blocks read again go, those below move.
    assert _spans(filled.retyped_blocks(0, old[:1], ["甲", "乙", "丙"])) == [(3, 0, 2)]
