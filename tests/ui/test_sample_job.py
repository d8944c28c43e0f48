"""Issue 15's whole job on the sample, through the real window (tests/ui/sample_job.py)."""
from __future__ import annotations

from tests.ui.sample_job import run_job


def test_the_whole_job_on_the_sample(window, tmp_path) -> None:  # noqa: ANN001
    window.session.error = lambda title, exc: (_ for _ in ()).throw(AssertionError(exc.message))
    seen = run_job(window, tmp_path)
    assert "模板广告 2 处" in seen["ads"] and seen["marked"] == [0, 1]
    assert seen["offers"] == ["也填写另外 1 处"]
    assert "“25”已补全为“2025”" in seen["first_status"]
    hints = seen["hints"]
    assert any(h.startswith("［不是数字］ 两") for h in hints), hints
    assert not any(h.startswith("［旧年份］ 2025") for h in hints), hints  # typed into 20XX
    assert seen["left"] == 0
    text = seen["reopened"]
    assert "2025年度县教育局办公室主任述职报告" in text
    assert text.count("“阳光教育”") == 2 and "会员专享" not in text and "请勿外传" not in text
