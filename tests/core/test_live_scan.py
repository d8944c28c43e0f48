"""The live scan (outline, placeholders, counts and hints kept up to date from the paragraphs that
changed) always equals a scan from scratch, whatever the edits: random edits, checked after each."""
from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from app.core.block_scan import BlockState, rescan
from app.core.document import Block
from app.core.live_counts import CountKeeper
from app.core.live_scan import LiveScan, collect

LINES = ["年度工作总结", "一、主要工作", "全年召开会议X次，发放资料XX份。", "（一）抓好学习", "20XX年完成了X项任务",
         "本文由某某范文网整理，仅供参考", "二、存在问题", "1. 基础不牢", "（1）认识不够，共三次会议", "",
         "正文里提到网站建设", "X月X日召开动员会", "三、下步打算", "我们用了两周时间", "完成____%"]


class ListSource:
    """A document as a plain list of paragraph states (the window's stands on a QTextDocument)."""

    def __init__(self, texts: list[str]) -> None:
        self.items = [self._state(t) for t in texts]
        self.generation = 0

    @staticmethod
    def _state(text: str) -> BlockState:
        state = BlockState(Block.plain(text))
        rescan(state, text)
        return state

    def block_count(self) -> int:
        return len(self.items)

    def states(self, first: int, last: int) -> list[BlockState]:
        return self.items[first:last + 1]

    def set_text(self, n: int, text: str) -> None:
        self.items[n] = BlockState(None)
        rescan(self.items[n], text)

    def insert(self, n: int, text: str) -> None:
        state = BlockState(None)
        rescan(state, text)
        self.items.insert(n, state)

    def remove(self, n: int) -> None:
        del self.items[n]


EDITS = st.lists(st.tuples(st.sampled_from(["set", "insert", "join"]), st.integers(0, 40),
                           st.sampled_from(LINES)), min_size=1, max_size=12)


def _fresh_counts(source: ListSource, year: int):  # noqa: ANN202
    return CountKeeper().update(collect(source), True, year)


@settings(max_examples=120, deadline=None)
@given(start=st.lists(st.sampled_from(LINES), min_size=1, max_size=14), edits=EDITS,
       refresh_every=st.integers(1, 3))
def test_live_scan_equals_a_scan_from_scratch(start: list[str], edits: list, refresh_every: int) -> None:
    source = ListSource(start)
    live = LiveScan()
    keeper = CountKeeper()
    year = datetime.date.today().year
    live.collect(source)
    for step, (kind, where, text) in enumerate(edits, 1):
        count = source.block_count()
        n = where % count
        if kind == "set":
            source.set_text(n, text)
            live.touched(n, n, source.block_count())
        elif kind == "insert":
            # A paragraph typed in after block n (Enter, then the text): n and n + 1 were touched.
            source.insert(n + 1, text)
            live.touched(n, n + 1, source.block_count())
        elif count > 1:
            # The next paragraph joined onto block n (Delete at its end).
            n = min(n, count - 2)
            joined = (source.items[n].text or "") + (source.items[n + 1].text or "")
            source.remove(n + 1)
            source.set_text(n, joined)
            live.touched(n, n, source.block_count())
        if step % refresh_every:
            continue
        snapshot = live.collect(source)
        fresh = collect(source)
        assert snapshot.sections == fresh.sections
        assert snapshot.placeholders == fresh.placeholders
        assert snapshot.chars == fresh.chars
        figures = keeper.update(snapshot, True, year)
        expected = _fresh_counts(source, year)
        for name in ("counts", "total", "sections", "lines", "hints"):
            assert getattr(figures, name) == getattr(expected, name), name


def test_an_edit_is_worked_out_from_the_changed_paragraphs_only() -> None:
    source = ListSource(LINES)
    live = LiveScan()
    first = live.collect(source)
    assert first.edit is None and len(first.placeholders) >= 6
    source.set_text(2, "全年召开会议12次，发放资料XX份。")
    live.touched(2, 2, source.block_count())
    second = live.collect(source)
    assert second.edit is not None and second.changed == frozenset({2})
    assert len(second.placeholders) == len(first.placeholders) - 1
    assert second.placeholders == collect(source).placeholders


def test_a_paragraph_given_new_state_behind_the_scan_s_back_means_from_scratch() -> None:
    source = ListSource(LINES)
    live = LiveScan()
    live.collect(source)
    source.generation += 1  # e.g. undo of a section move gave paragraphs other Blocks
    assert live.collect(source).edit is None
