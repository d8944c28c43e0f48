"""The Document <-> QTextDocument bridge, settings, language choice and drops, through real Qt objects."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor

from app.core.document import Block, CellRef, Document, ParagraphFormat, Run, RunFormat
from app.io.load import load
from app.ui.report_document import ReportDocument
from app.ui.block_data import blocks_in, data_of
from app.ui.i18n import wants_chinese
from app.ui.settings import Settings
from tests.ui.test_window import make_docx


def _rich_document() -> Document:
    bold = RunFormat(bold=True, font="Times New Roman", font_east_asia="黑体", size_pt=16, highlight="yellow")
    return Document(blocks=[
        Block([Run("标题", RunFormat(size_pt=22))], format=ParagraphFormat(alignment="center"), source="p0"),
        Block([Run("共召开会议", RunFormat()), Run("X", bold), Run("次。", RunFormat(italic=True))],
              format=ParagraphFormat(first_line_chars=2.0), source="p1"),
        Block([Run("表头")], cell=CellRef(0, 0, 0), source="c00"),
        Block([Run("X项")], cell=CellRef(0, 0, 1), source="c01"),
        Block([Run("结尾")], source="p2"),
    ], origin="docx")


def test_untouched_blocks_come_back_as_the_same_objects(chinese_app) -> None:  # noqa: ANN001
    original = _rich_document()
    qdoc = ReportDocument.of(original)
    exported = qdoc.export()
    assert [b.text for b in exported.blocks] == [b.text for b in original.blocks]
    assert all(a is b for a, b in zip(exported.blocks, original.blocks))


def test_edited_block_keeps_run_formats_and_source(chinese_app) -> None:  # noqa: ANN001
    original = _rich_document()
    qdoc = ReportDocument.of(original)
    block = qdoc.findBlockByNumber(1)
    for data in (data_of(block),):
        data.dirty = True
    cursor = QTextCursor(qdoc)
    cursor.setPosition(block.position() + 5)
    cursor.setPosition(block.position() + 6, QTextCursor.MoveMode.KeepAnchor)
    probe = QTextCursor(qdoc)
    probe.setPosition(block.position() + 6)
    cursor.insertText("12", probe.charFormat())
    exported = qdoc.export()
    changed = exported.blocks[1]
    assert changed.text == "共召开会议12次。"
    assert changed.source == "p1" and changed.format == original.blocks[1].format
    figure = next(r for r in changed.runs if r.text == "12")
    assert figure.format == original.blocks[1].runs[1].format  # highlight and fonts kept too
    assert exported.blocks[0] is original.blocks[0]


def test_bold_made_in_the_editor_reaches_the_run(chinese_app) -> None:  # noqa: ANN001
    original = _rich_document()
    qdoc = ReportDocument.of(original)
    block = qdoc.findBlockByNumber(4)
    data_of(block).dirty = True
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    cursor.mergeCharFormat(fmt)
    exported = qdoc.export()
    assert exported.blocks[4].runs == [Run("结尾", RunFormat(bold=True))]
    assert exported.blocks[4].source == "p2"


def test_tables_become_qt_tables_with_cells_in_place(chinese_app) -> None:  # noqa: ANN001
    original = _rich_document()
    qdoc = ReportDocument.of(original)
    cell_blocks = [b for b in blocks_in(qdoc) if QTextCursor(b).currentTable() is not None]
    assert [b.text() for b in cell_blocks] == ["表头", "X项"]
    table = QTextCursor(cell_blocks[0]).currentTable()
    assert (table.rows(), table.columns()) == (1, 2)


def test_docx_round_trip_through_the_bridge_is_identity(chinese_app, tmp_path: Path) -> None:  # noqa: ANN001
    document = load(make_docx(tmp_path / "r.docx"))
    qdoc = ReportDocument.of(document)
    exported = qdoc.export()
    assert len(exported.blocks) == len(document.blocks)
    assert all(a is b for a, b in zip(exported.blocks, document.blocks))


def test_settings_remember_recent_files_and_folder(tmp_path: Path) -> None:
    report = tmp_path / "a.docx"
    report.write_bytes(b"x")
    settings = Settings(tmp_path / "cfg")
    settings.add_recent(str(report))
    settings.save()
    again = Settings(tmp_path / "cfg")
    assert again.recent == [str(report.resolve())]
    assert again.last_folder == str(tmp_path.resolve())
    (tmp_path / "cfg" / "settings.json").write_text("{not json", encoding="utf-8")
    assert Settings(tmp_path / "cfg").recent == []


def test_language_follows_the_system_locale() -> None:
    assert wants_chinese("zh_CN") and wants_chinese("zh_TW") and wants_chinese("C")
    assert not wants_chinese("en_US") and not wants_chinese("de_DE")


def test_dropping_a_report_opens_it(window, tmp_path: Path) -> None:  # noqa: ANN001
    report = make_docx(tmp_path / "拖入.docx")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    assert window.editor.canInsertFromMimeData(mime)
    window.editor.insertFromMimeData(mime)
    assert window.path == report
    assert window.sidebar.leaf_count() == 8
    assert "拖入.docx" in window.windowTitle()


def test_an_opened_report_is_remembered_on_disk_after_it_shows(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = tmp_path / "总结.txt"
    report.write_text("工作总结\n全年开展活动X次。\n", encoding="utf-8")
    assert window.open_path(report)
    assert window.settings.recent[0] == str(report.resolve())
    qtbot.waitUntil(lambda: Settings(window.settings.path.parent).recent[:1] == [str(report.resolve())], timeout=2000)
