"""Shared pieces of the installer smoke tests (Wine and .deb): a sample report, and checks of
what the installed app printed and drew. Run by the project's .venv Python (python-docx, PySide6).
"""

from __future__ import annotations

import json
from pathlib import Path

# Our own short report, with placeholders of several kinds and a heading tree, so the scan of the
# installed app has something definite to find.
SAMPLE_PARAGRAPHS = (
    "20XX年度综合科科长个人述职",
    "一、工作开展情况",
    "（一）强化学习提升",
    "全年组织科室集中学习X次，撰写心得体会XX篇，参加上级培训X人次。",
    "（二）保障日常运转",
    "办理来文XXX件，起草各类材料XX份，于X月X日前完成年度档案归档。",
    "二、存在的不足",
    "调查研究还不够深入，全年下基层仅X次。",
)
MIN_PLACEHOLDERS = 6  # the sample has 8; a little slack for rule changes elsewhere


def write_sample_docx(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(SAMPLE_PARAGRAPHS[0], level=0)
    for text in SAMPLE_PARAGRAPHS[1:]:
        document.add_paragraph(text)
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


def check_scan(stdout: bytes, returncode: int) -> list[str]:
    """Problems with `tianbao scan FILE --json` output for the sample (empty when all is well)."""
    problems = []
    if returncode != 1:  # 1 = placeholders remain, which the sample has
        problems.append(f"scan exited {returncode}, expected 1")
    try:
        report = json.loads(stdout.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        return problems + [f"scan printed no JSON ({exc}): {stdout[:300]!r}"]
    placeholders = report.get("placeholders", [])
    if len(placeholders) < MIN_PLACEHOLDERS:
        problems.append(f"scan found {len(placeholders)} placeholders, expected at least {MIN_PLACEHOLDERS}")
    titles = [entry.get("title", "") for entry in report.get("outline", [])]
    if not any("工作开展情况" in title for title in titles):
        problems.append(f"scan outline lacks 一、工作开展情况: {titles}")
    return problems


def check_screenshot(path: Path) -> list[str]:
    """Problems with the window screenshot: missing, tiny, or one flat colour."""
    if not path.is_file():
        return [f"no screenshot at {path}"]
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QImage

    QGuiApplication.instance() or QGuiApplication([])
    image = QImage(str(path))
    if image.isNull():
        return [f"screenshot {path} is not an image"]
    if image.width() < 400 or image.height() < 300:
        return [f"screenshot is only {image.width()}x{image.height()}"]
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    colours = {image.pixel(x, y) for x in range(0, image.width(), step_x)
               for y in range(0, image.height(), step_y)}
    if len(colours) < 4:
        return [f"screenshot is nearly blank ({len(colours)} colours)"]
    return []


def report(passed: list[str], problems: list[str], details: list[str]) -> int:
    """Print a smoke run's results, ending with the plain 'N passed, N failed' line; the exit code."""
    for line in passed:
        print("ok  ", line)
    for line in problems:
        print("FAIL", line)
    for line in details:
        print("     ", line.strip())
    print(f"{len(passed)} passed, {len(problems)} failed")
    return 1 if problems else 0
