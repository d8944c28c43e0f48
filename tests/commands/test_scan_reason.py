"""`scan --json` gives each junk item the reason it was found."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.shared import ROOT


def test_junk_items_carry_their_reason(tmp_path: Path) -> None:
    source = tmp_path / "报告.txt"
    source.write_text("\n".join([
        "当前位置：首页 > 述职报告", "发布时间：2023-05-12 09:31  浏览：2356次", "街道办事处述职报告",
        "一、主要工作", "依托网站和公众号公开政务信息X条。", "全年开展业务培训X次，参训人员满意度较高。仅供学习参考，禁止外传", "P. 12",
    ]), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "app", "scan", str(source), "--json"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 1, done.stderr
    junk = {(j["block"], j["whole_block"]): j["reason"] for j in json.loads(done.stdout)["junk"]}
    assert set(junk) == {(0, True), (1, True), (5, False), (6, True)}
    assert {"location", "site-word"} <= set(junk[(0, True)].split("+"))
    assert {"publish-meta", "date-stamp", "clock"} <= set(junk[(1, True)].split("+"))
    assert junk[(5, False)] == "study-only"
    assert junk[(6, True)].startswith("page-header")
