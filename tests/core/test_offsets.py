"""The one offsets module: engine offsets (no pictures), shown offsets (a picture is one OBJECT
character, a line break LINE_BREAK) and UTF-16 offsets convert into each other consistently."""
from __future__ import annotations

from app.core.offsets import (
    LINE_BREAK,
    OBJECT,
    code_point_index,
    engine_offset,
    engine_text,
    shown_text,
    spaced_text,
    utf16_index,
    utf16_offset,
)


def test_a_picture_and_a_line_break_are_shown_and_taken_out_again() -> None:
    shown = shown_text("完成X项\n任务", [2])
    assert shown == f"完成{OBJECT}X项{LINE_BREAK}任务"
    assert engine_text(shown) == "完成X项\n任务"
    assert spaced_text(shown) == "完成 X项\n任务" and len(spaced_text(shown)) == len(shown)


def test_engine_and_shown_offsets_round_trip_around_pictures() -> None:
    shown = shown_text("完成X项任务", [2, 4])
    for index in range(len("完成X项任务") + 1):
        at = utf16_offset(shown, index)
        assert engine_offset(shown, at) == index
    # A span starting at a picture starts after it; one ending there ends before it.
    assert shown[utf16_offset(shown, 2):utf16_offset(shown, 3, start=False)] == "X"


def test_utf16_counts_a_character_beyond_the_bmp_twice() -> None:
    text = "𠀀X月"
    assert utf16_index(text, 1) == 2 and code_point_index(text, 2) == 1
    assert utf16_offset(text, 1) == 2
