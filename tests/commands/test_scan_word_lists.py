"""`scan --json` on the corpus's nuclear-safety standards and their 编制说明 (issue 14): the outline
starts at the real title and first heading, not at an ICS line or after a list-numbered 一、."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.shared import CORPUS, ROOT, need

STANDARDS = {
    "langchain-chatchat__核电厂定期安全审查指南_第1部分_通用要求_征求意见稿.docx": "核电厂定期安全评价第1部分：通用要求",
    "langchain-chatchat__核电厂定期安全评价_第12部分_设计_征求意见稿20230317.docx": "核电厂定期安全评价第12部分：设计",
}
EXPLANATIONS = [
    "langchain-chatchat__行标编制说明_核电厂定期安全审查_第12部分_设计.docx",
    "langchain-chatchat__行标编制说明_核电厂定期安全审查_第1部分_通用要求.docx",
    "langchain-chatchat__行标编制说明_核电厂定期安全审查指南_第6部分_构筑物_系统和部件的实际状态_3.docx",
    "langchain-chatchat__行标编制说明_核电厂定期安全评价指南_第7部分_经验反馈_20230324.docx",
]


def outline(name: str) -> list[dict]:
    path = need(CORPUS / name)
    done = subprocess.run([sys.executable, "-m", "app", "scan", str(path), "--json"], cwd=ROOT, capture_output=True,
                          timeout=120)
    assert done.returncode in (0, 1), done.stderr.decode("utf-8", "replace")
    return json.loads(done.stdout.decode("utf-8"))["outline"]


@pytest.mark.parametrize("name", sorted(STANDARDS))
def test_a_standards_outline_starts_at_its_title_and_foreword(name: str) -> None:
    found = outline(name)
    assert (found[0]["level"], found[0]["title"]) == (0, STANDARDS[name])
    # 目次 is the contents list's caption: the first section is the foreword.
    assert "".join(found[1]["title"].split()) == "前言"
    clauses = [o for o in found if o["label"]]
    assert clauses[0]["title"] == "1 范围" and clauses[0]["label"] == "1"
    assert any(o["label"] == "5.1" and o["title"].startswith("5.1 ") for o in found)


@pytest.mark.parametrize("name", EXPLANATIONS)
def test_an_explanations_outline_starts_at_its_list_numbered_first_heading(name: str) -> None:
    found = outline(name)
    assert found[0]["level"] == 0 and not found[0]["title"].startswith(("NB", "ICS"))
    first = found[1]
    assert (first["level"], first["title"], first["label"]) == (1, "一、任务来源及计划要求", "一、")
    assert found[2]["title"].replace(" ", "").startswith("二、编制过程")
