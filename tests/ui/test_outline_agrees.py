"""The window's outline is the engine's (`scan`): the same sections, titles and levels, for our own
fixtures and, where ../shared is there, the corpus (pytest-qt, offscreen)."""
from __future__ import annotations

from pathlib import Path

import docx
import pytest
from PySide6.QtGui import QInputMethodEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from app.core.scan import scan
from app.io.errors import DocumentError
from app.io.load import load
from tests.shared import CORPUS


def outline(sections) -> list[tuple[int, str]]:  # noqa: ANN001
    return [(s.level, s.title) for s in sections]


def table_report(path: Path) -> Path:
    """A report whose table cells start like headings (row labels): they open no section."""
    d = docx.Document()
    d.add_paragraph("2025年度物业服务工作总结")
    d.add_paragraph("一、服务情况")
    d.add_paragraph("全年受理报修X件。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1.维修"
    table.cell(0, 1).text = "（一）水电"
    table.cell(1, 0).text = "2.保洁"
    table.cell(1, 1).text = "X次"
    d.add_paragraph("二、下一步打算")
    d.save(str(path))
    return path


def contents_report(path: Path) -> Path:
    """A contents list without page numbers before the report, in Word's contents styles."""
    d = docx.Document()
    styles = d.styles
    for level in (1, 2):
        if f"toc {level}" not in [s.name for s in styles]:
            styles.add_style(f"toc {level}", 1)
    d.add_paragraph("一、基本情况", style="toc 1")
    d.add_paragraph("二、主要做法", style="toc 1")
    d.add_paragraph("一、基本情况")
    d.add_paragraph("本年度完成X项工作。")
    d.add_paragraph("二、主要做法")
    d.add_paragraph("坚持问题导向。")
    d.save(str(path))
    return path


@pytest.mark.parametrize("make", [table_report, contents_report])
def test_window_outline_is_the_engines(window, tmp_path: Path, make) -> None:  # noqa: ANN001
    path = make(tmp_path / "报告.docx")
    assert window.open_path(path)
    assert outline(window.snapshot.sections) == outline(scan(load(path)).outline)


def test_a_paragraph_typed_into_a_cell_opens_no_section(window, tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(table_report(tmp_path / "报告.docx"))
    before = outline(window.snapshot.sections)
    document = window.editor.document()
    block = document.begin()
    while block.isValid() and block.text() != "2.保洁":
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    window.editor.setTextCursor(cursor)
    cursor.insertBlock()  # Enter in the cell
    event = QInputMethodEvent()
    event.setCommitString("3.绿化")
    QApplication.sendEvent(window.editor, event)
    window.refresh_now()
    assert "3.绿化" in window.editor.toPlainText()
    assert outline(window.snapshot.sections) == before


def test_window_outline_is_the_engines_on_the_corpus(window) -> None:  # noqa: ANN001
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not present: {CORPUS}")
    # Every sixth file (about 60, each opened in the one window in turn).
    mismatched, compared = [], 0
    for path in sorted(CORPUS.glob("*.docx"))[::6]:
        try:
            document = load(path)
        except DocumentError:
            continue  # refused by the reader (tested in test_corpus_docx.py)
        expected = outline(scan(document).outline)
        window.editor.document().setModified(False)
        assert window.open_path(path), path.name
        compared += 1
        if outline(window.snapshot.sections) != expected:
            mismatched.append(path.name)
    assert compared >= 30
    assert mismatched == []
