"""`python -m app scan`: JSON schema, readable output, exit codes, no traceback, no Qt."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared import FIXTURES, ROOT

SAMPLE = FIXTURES / "工作总结样例.txt"


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_json_schema() -> None:
    result = run("scan", SAMPLE, "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == str(SAMPLE)
    assert data["blocks"] == len(SAMPLE.read_text(encoding="utf-8").splitlines())
    assert {"level", "title", "block", "label"} == set(data["outline"][0])
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for i, p in enumerate(data["placeholders"], start=1):
        assert set(p) == {"index", "block", "start", "end", "token", "kind", "unit", "context", "section"}
        assert p["index"] == i
        assert p["kind"] in ("figure", "name", "date", "year")
        assert lines[p["block"]][p["start"]:p["end"]] == p["token"]
        assert p["token"] in p["context"]
    for j in data["junk"]:
        assert set(j) >= {"block", "start", "end", "text", "whole_block"}
        assert lines[j["block"]][j["start"]:j["end"]] == j["text"]


def test_readable_output_is_grouped_like_a_linter() -> None:
    result = run("scan", SAMPLE)
    assert result.returncode == 1
    assert "工作总结样例.txt:9: （一）基层网络更加健全 · X个 · 数字" in result.stdout
    assert "共 21 处待填写" in result.stdout


def test_exit_zero_when_nothing_is_left(tmp_path: Path) -> None:
    path = tmp_path / "done.txt"
    path.write_text("工作总结\n一、情况\n全年召开会议12次。\n", encoding="utf-8")
    assert run("scan", path).returncode == 0


@pytest.mark.parametrize("content", [None, b"", b"\x00\x01\x02binary\x00" * 50])
def test_bad_input_exit_2_message_no_traceback(tmp_path: Path, content: bytes | None) -> None:
    path = tmp_path / "坏 文件.txt"
    if content is not None:
        path.write_bytes(content)
    result = run("scan", path)
    assert result.returncode == 2
    assert result.stderr.startswith("错误：")
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_bad_arguments_exit_2() -> None:
    result = run("scan")
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_commands_do_not_load_qt() -> None:
    code = ("import sys; from app.cli import main; rc = main(['scan', %r, '--json']); "
            "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]; "
            "print(bad, file=sys.stderr); sys.exit(10 if bad else 0)") % str(SAMPLE)
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
