"""The window's way to save: the editor's QTextDocument exported back to a Document (app.ui.report_document)
and written by the lossless writer. Typing a figure over a bold 黑体 X changes that paragraph
only; an untouched document is written back as it was."""
from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtGui")

from PySide6.QtGui import QTextCursor  # noqa: E402

from app.io.load import load  # noqa: E402
from app.io.save import save_document  # noqa: E402
from tests.fixtures_docx import body_paragraphs, build_report, parts  # noqa: E402

pytest.importorskip("PySide6")
from app.ui.block_data import blocks_in, data_of  # noqa: E402
from app.ui.report_document import ReportDocument  # noqa: E402



def editor_for(document):  # noqa: ANN001, ANN201
    qdoc = ReportDocument.of(document)
    return qdoc


def test_untouched_document_saves_as_it_was(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    report = build_report(tmp_path / "r.docx")
    document = load(report)
    qdoc = editor_for(document)
    save_document(qdoc.export(), tmp_path / "out.docx")
    assert parts(tmp_path / "out.docx") == parts(report)


def test_typing_over_a_placeholder_changes_only_its_paragraph(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    report = build_report(tmp_path / "r.docx")
    document = load(report)
    qdoc = editor_for(document)
    block = next(b for b in blocks_in(qdoc) if b.text().startswith("全年召开党组会"))
    cursor = QTextCursor(block)
    start = block.position() + block.text().index("X")
    cursor.setPosition(start)
    cursor.setPosition(start + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText("12")
    data_of(cursor.block()).dirty = True  # what the window's contentsChange handler does
    exported = qdoc.export()
    out = tmp_path / "out.docx"
    save_document(exported, out)
    before, after = parts(report), parts(out)
    assert [n for n in before if before[n] != after[n]] == ["word/document.xml"]
    old_ps, new_ps = body_paragraphs(report), body_paragraphs(out)
    assert [i for i, (a, b) in enumerate(zip(old_ps, new_ps)) if a != b] == [2]
    reread = load(out)
    assert reread.blocks[2].text == "全年召开党组会12次，谈话XX人次。"
    figure = next(r for r in reread.blocks[2].runs if "12" in r.text)
    assert figure.format.bold and figure.format.font_east_asia == "黑体"


def test_a_report_opened_in_the_window_is_untouched_until_typed_into(window, tmp_path: Path) -> None:  # noqa: ANN001
    """The editor taking the document (QTextEdit.setDocument reports its whole text as inserted)
    is no edit: every paragraph still stands for the Block read, so saving and autosave copy the
    file's XML instead of exporting 10,000 paragraphs afresh."""
    report = build_report(tmp_path / "r.docx")
    assert window.open_path(report)
    assert not [b.blockNumber() for b in blocks_in(window.report) if (d := data_of(b)) is not None and d.dirty]
    exported = window.report.export()
    assert all(a is b for a, b in zip(exported.blocks, window.report.original.blocks))
    assert not window.report.isModified()
