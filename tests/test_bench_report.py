"""The bench's table: the earlier app's column (``--before``) and the window runs' figures."""
from __future__ import annotations

from tests.bench.__main__ import Row, _window_figures, markdown


def _run(open_s: float, reopen_s: float, keys: list[float], fill_s: float) -> dict:
    return {"open_s": open_s, "reopen_s": reopen_s, "keys": keys, "first_keys": [0.004, 0.006],
            "fill_s": fill_s, "rss_mb": 100.0, "catch_up_placeholders_s": 0.2, "catch_up_outline_s": None,
            "catch_up_paragraph_s": 0.25}


def test_window_figures_are_medians_in_ms_and_count_runs_that_never_caught_up() -> None:
    figures = _window_figures([_run(0.30, 0.040, [0.002, 0.004], 0.010), _run(0.34, 0.050, [0.003], 0.020),
                               _run(0.32, 0.060, [0.005], 0.030)])
    assert figures["open"] == 0.32 and figures["reopen"] == 0.05 and figures["reopens"] == 3
    assert figures["keys"] == 4 and round(figures["fill"], 6) == 20.0 and figures["first"] == 6.0
    assert figures["catch_up_outline"] is None and figures["catch_up_outline_missing"] == 3
    assert round(figures["catch_up_paragraph"], 6) == 250.0
    assert _window_figures([])["open"] is None


def test_markdown_has_a_before_column_only_when_a_row_has_one() -> None:
    plain = Row("cold start", None, 0.18, "s", 0.11, 0.18 / 0.11, "≤ 1.5x", False)
    assert "before" not in markdown([plain])
    compared = Row("cold start", None, 0.18, "s", 0.11, 0.18 / 0.11, "≤ 1.5x", False, before=1.75)
    fill = Row("fill", 30, 15.0, "ms", before=6.0)
    table = markdown([compared, fill]).splitlines()
    assert table[0] == "| measure | size | value | baseline | ratio | before | target | |"
    assert "| 1.64x | 1.75x |" in table[2]  # a ratio row: the earlier app's ratio to the same baseline
    assert "| 15.0 ms |  |  | 6.0 ms |" in table[3]  # a row without a ratio: the earlier app's value
