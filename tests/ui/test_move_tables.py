"""Moving sections that hold tables, in the real window (issue 7, item 2): Alt+Shift+Up/Down on
the outline tree and a drop on it move a section with its tables (rows, cells, merged cells,
cell text and formatting) as ONE undo step; undo and redo give every paragraph its Block back,
and the saved .docx has the body in the new order with untouched paragraphs' XML unchanged."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QMessageBox

from app.core.edits import Change
from app.core.renumber import OutlineError, move_down, move_up
from app.core.scan import scan
from app.io.load import load
from app.ui.report_document import ReportDocument
from app.ui.block_data import blocks_in, data_of
from app.core.offsets import OBJECT
from app.ui.change_applier import ApplyError
from tests.fixtures_docx import tiny_png
from tests.shared import CORPUS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier



def library_report(path: Path) -> Path:
    """A short report of our own: 一、 plain; 二、 ends with a 3 x 3 table whose top row is one
    merged cell and whose first column merges rows 1-2 (one cell bold, one holding two
    paragraphs); 三、 plain; 四、 ends the document with a small table."""
    import docx
    from docx.shared import Cm

    def heading(d, text: str) -> None:  # noqa: ANN001
        d.add_paragraph(text).paragraph_format.keep_with_next = True  # a w:pPr that must stay

    d = docx.Document()
    d.add_paragraph("2025年度街道图书角运行情况")
    heading(d, "一、开放时间")
    d.add_paragraph("每周开放X天，节假日照常开放。")
    heading(d, "二、设施配备")
    d.add_paragraph("现有设施见下表：")
    table = d.add_table(rows=3, cols=3)
    top = table.cell(0, 0).merge(table.cell(0, 2))
    top.text = "设施清单"
    side = table.cell(1, 0).merge(table.cell(2, 0))
    side.text = "阅览区"
    side.add_paragraph("（含少儿角）")
    table.cell(1, 1).text = "书架"
    table.cell(1, 1).paragraphs[0].add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(1), height=Cm(1))
    table.cell(1, 2).paragraphs[0].add_run("12个").bold = True
    table.cell(2, 1).text = "座椅"
    table.cell(2, 2).text = "XX把"
    heading(d, "三、志愿服务")
    d.add_paragraph("招募大学生志愿者X名，负责图书整理。")
    heading(d, "四、经费使用")
    small = d.add_table(rows=1, cols=2)
    small.cell(0, 0).text = "购书"
    small.cell(0, 1).text = "X万元"
    d.save(str(path))
    return path


def texts(window) -> list[str]:  # noqa: ANN001
    return [b.text() for b in window.editor.document().paragraphs()]


def outline_rows(window) -> list[str]:  # noqa: ANN001
    window.refresh_now()
    model = window.outline.model()
    title = model.index(0, 0)
    return [model.index(r, 0, title).data() for r in range(model.rowCount(title))]


def outline_index(window, heading: str):  # noqa: ANN001, ANN201
    window.refresh_now()
    model = window.outline.model()
    title = model.index(0, 0)
    for r in range(model.rowCount(title)):
        index = model.index(r, 0, title)
        if index.data() == heading:
            return index
    raise AssertionError(f"no outline row {heading!r}")


def press_on_outline(qtbot, window, heading: str, key: Qt.Key) -> None:  # noqa: ANN001
    """Alt+Shift+key with the outline tree focused on the row of ``heading``."""
    window.outline.setCurrentIndex(outline_index(window, heading))
    window.outline.setFocus()
    qtbot.keyClick(window.outline, key, ALT_SHIFT)


def undo(qtbot, window) -> None:  # noqa: ANN001
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:  # noqa: ANN001
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def shape(qdoc: QTextDocument) -> list[tuple]:
    """Every QTextBlock: its text, its cell (row, column, spans, table size) and whether it is
    Qt's scaffolding; enough to tell two editors' content apart."""
    result = []
    for qblock in blocks_in(qdoc):
        table = QTextCursor(qblock).currentTable()
        cell = None
        if table is not None:
            c = table.cellAt(qblock.position())
            cell = (c.row(), c.column(), c.rowSpan(), c.columnSpan(), table.rows(), table.columns())
        data = data_of(qblock)
        result.append((qblock.text(), cell, data.phantom if data is not None else None))
    return result


def built_shape(window) -> list[tuple]:  # noqa: ANN001
    """The shape the bridge gives the window's current Document opened afresh."""
    fresh = ReportDocument.of(window.current_document())
    return shape(fresh)


def sources(window) -> list[tuple[str, int]]:  # noqa: ANN001
    """What each exported paragraph is: its text and the id of the XML it came from."""
    return [(b.text, id(b.source)) for b in window.current_document().blocks]


def body_units(path: Path) -> list[str]:
    """The saved body in order: a paragraph's text, or a table as "表:" + its cells' texts."""
    import docx

    d = docx.Document(str(path))
    units = []
    for child in d.element.body:
        if child.tag == W + "p":
            units.append("".join(t.text or "" for t in child.iter(W + "t")))
        elif child.tag == W + "tbl":
            cells = ["".join(t.text or "" for t in tc.iter(W + "t")) for tc in child.iter(W + "tc")]
            units.append("表:" + "|".join(cells))
    return units


def body_xml(path: Path) -> dict[str, bytes]:
    """Each body paragraph's and table's XML, keyed by its text (the fixture's texts are unique)."""
    import docx

    d = docx.Document(str(path))
    found = {}
    for child, unit in zip(d.element.body, body_units(path)):
        if child.tag in (W + "p", W + "tbl"):
            found[unit] = etree.tostring(child)
    return found


def _ppr(xml: bytes) -> bytes | None:
    ppr = etree.fromstring(xml).find(W + "pPr")
    return etree.tostring(ppr) if ppr is not None else None


@pytest.fixture
def report_window(window, tmp_path: Path):  # noqa: ANN001, ANN201
    assert window.open_path(library_report(tmp_path / "图书角.docx"))
    return window


def _pictures_in(window, text: str) -> int:  # noqa: ANN001
    """How many pictures the paragraph whose text (pictures left out) is ``text`` shows."""
    for qblock in window.editor.document().paragraphs():
        if qblock.text().replace(OBJECT, "") == text:
            count, it = 0, qblock.begin()
            while not it.atEnd():
                count += it.fragment().charFormat().isImageFormat()
                it += 1
            return count
    raise AssertionError(f"no paragraph {text!r}")


def blips(path: Path) -> int:
    """Pictures inside the body's tables."""
    import docx

    body = docx.Document(str(path)).element.body
    return sum(1 for tbl in body.iter(W + "tbl")
               for _ in tbl.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))


def _table_of(window, text: str):  # noqa: ANN001, ANN202 - QTextTable
    for qblock in window.editor.document().paragraphs():
        if qblock.text() == text:
            table = QTextCursor(qblock).currentTable()
            assert table is not None
            return table
    raise AssertionError(f"no cell {text!r}")


def test_alt_shift_up_on_the_outline_moves_a_section_past_a_table(report_window, qtbot,  # noqa: ANN001
                                                                  tmp_path: Path) -> None:
    w = report_window
    before, before_shape, before_sources = texts(w), shape(w.editor.document()), sources(w)
    original = tmp_path / "图书角.docx"
    press_on_outline(qtbot, w, "三、志愿服务", Qt.Key.Key_Up)
    after = texts(w)
    # 三、 went above 二、 and its table; the two swapped numbers; the table went nowhere else.
    assert after.index("二、志愿服务") < after.index("招募大学生志愿者X名，负责图书整理。") < after.index("三、设施配备")
    assert after.index("三、设施配备") < after.index("现有设施见下表：") < after.index("设施清单") < after.index("XX把")
    assert after.index("XX把") < after.index("四、经费使用")
    assert outline_rows(w) == ["一、开放时间", "二、志愿服务", "三、设施配备", "四、经费使用"]
    # The table is whole: the merged top row and the merged side cell with its two paragraphs.
    table = _table_of(w, "设施清单")
    assert (table.rows(), table.columns()) == (3, 3)
    assert table.cellAt(0, 0).columnSpan() == 3 and table.cellAt(1, 0).rowSpan() == 2
    assert _table_of(w, "（含少儿角）") is table
    bold = [b for b in w.editor.document().paragraphs() if b.text() == "12个"][0]
    assert bold.begin().fragment().charFormat().fontWeight() >= 600
    assert _pictures_in(w, "书架") == 1
    # The editor holds what opening the moved document afresh would show.
    assert shape(w.editor.document()) == built_shape(w)
    # Every paragraph (table cells too) still comes from its own XML.
    moved_sources = dict(sources(w))
    assert moved_sources["设施清单"] == dict(before_sources)["设施清单"]
    assert moved_sources["12个"] == dict(before_sources)["12个"]
    assert w.editor.textCursor().block().text() == "二、志愿服务"

    undo(qtbot, w)
    assert texts(w) == before and shape(w.editor.document()) == before_shape
    assert sources(w) == before_sources
    assert outline_rows(w) == ["一、开放时间", "二、设施配备", "三、志愿服务", "四、经费使用"]
    redo(qtbot, w)
    assert texts(w) == after and shape(w.editor.document()) == built_shape(w)
    assert dict(sources(w))["设施清单"] == dict(before_sources)["设施清单"]

    out = tmp_path / "移动后.docx"
    assert w.session.write(out, save_as=True)
    table_text = "表:设施清单|阅览区（含少儿角）|书架|12个||座椅|XX把"  # a merged-down cell's second part is empty
    assert table_text in body_units(original)
    assert body_units(out) == ["2025年度街道图书角运行情况", "一、开放时间", "每周开放X天，节假日照常开放。",
                               "二、志愿服务", "招募大学生志愿者X名，负责图书整理。", "三、设施配备", "现有设施见下表：",
                               table_text, "四、经费使用", "表:购书|X万元"]
    old_xml, new_xml = body_xml(original), body_xml(out)
    for unit in ("一、开放时间", "每周开放X天，节假日照常开放。", "招募大学生志愿者X名，负责图书整理。",
                 "现有设施见下表：", table_text, "四、经费使用", "表:购书|X万元"):
        assert new_xml[unit] == old_xml[unit], unit
    # A renumbered heading keeps its paragraph properties: only its text changed.
    assert _ppr(new_xml["三、设施配备"]) == _ppr(old_xml["二、设施配备"]) is not None
    assert blips(out) == blips(original) == 1
    reread = load(out)
    merged = [b for b in reread.blocks if b.text == "设施清单"][0]
    assert merged.cell is not None and merged.cell.col_span == 3


def test_alt_shift_down_on_the_outline_moves_the_section_with_the_table(report_window, qtbot,  # noqa: ANN001
                                                                        tmp_path: Path) -> None:
    w = report_window
    before, before_shape, before_sources = texts(w), shape(w.editor.document()), sources(w)
    press_on_outline(qtbot, w, "二、设施配备", Qt.Key.Key_Down)
    after = texts(w)
    assert after.index("二、志愿服务") < after.index("三、设施配备") < after.index("设施清单") < after.index("四、经费使用")
    assert shape(w.editor.document()) == built_shape(w)
    undo(qtbot, w)
    assert texts(w) == before and shape(w.editor.document()) == before_shape and sources(w) == before_sources
    redo(qtbot, w)
    assert texts(w) == after
    out = tmp_path / "下移.docx"
    assert w.session.write(out, save_as=True)
    units = body_units(out)
    assert units.index("二、志愿服务") < units.index("三、设施配备") < units.index("现有设施见下表：")
    assert units[units.index("现有设施见下表：") + 1].startswith("表:设施清单|")
    assert units[-2:] == ["四、经费使用", "表:购书|X万元"]


def test_dropping_the_last_section_with_its_table_on_top(report_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """四、 ends the document with a table (Qt keeps an empty block after it); dropped above 一、
    its table lands right before 一、's heading and the document ends with 三、's text."""
    w = report_window
    before, before_shape = texts(w), shape(w.editor.document())
    source, target = outline_index(w, "四、经费使用"), outline_index(w, "一、开放时间")
    w.outline.setCurrentIndex(source)
    model = w.outline.model()
    rect = w.outline.visualRect(target)
    event = QDropEvent(QPointF(rect.center().x(), rect.top() + 1), Qt.DropAction.MoveAction,
                       model.mimeData([source]), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # As tests/ui/test_beyond.py does: Qt hands a drop only to a drag it runs itself.
    assert w.moves.eventFilter(w.outline.viewport(), event)
    after = texts(w)
    assert after[1:5] == ["一、经费使用", "购书", "X万元", "二、开放时间"]
    assert after[-1] == "招募大学生志愿者X名，负责图书整理。"
    assert outline_rows(w) == ["一、经费使用", "二、开放时间", "三、设施配备", "四、志愿服务"]
    assert shape(w.editor.document()) == built_shape(w)
    undo(qtbot, w)
    assert texts(w) == before and shape(w.editor.document()) == before_shape
    redo(qtbot, w)
    out = tmp_path / "拖动.docx"
    assert w.session.write(out, save_as=True)
    units = body_units(out)
    assert units[1:4] == ["一、经费使用", "表:购书|X万元", "二、开放时间"]
    assert units[-1] == "招募大学生志愿者X名，负责图书整理。"


def test_unsaved_edits_in_moved_cells_and_paragraphs_survive(report_window, qtbot,  # noqa: ANN001
                                                            tmp_path: Path) -> None:
    w = report_window
    for needle, typed in (("XX把", "共"), ("现有设施见下表：", "经统计，")):
        qblock = next(b for b in w.editor.document().paragraphs() if b.text() == needle)
        w.editor.setTextCursor(QTextCursor(qblock))
        # Typed as the input method would hand it over (QTest types only Latin-1 keys).
        w.editor.textCursor().insertText(typed)
    edited = texts(w)
    assert "共XX把" in edited and "经统计，现有设施见下表：" in edited
    press_on_outline(qtbot, w, "二、设施配备", Qt.Key.Key_Down)
    moved = texts(w)
    assert moved.index("三、设施配备") < moved.index("经统计，现有设施见下表：") < moved.index("共XX把")
    undo(qtbot, w)
    assert texts(w) == edited
    redo(qtbot, w)
    assert texts(w) == moved
    out = tmp_path / "编辑后移动.docx"
    assert w.session.write(out, save_as=True)
    units = body_units(out)
    assert units.index("三、设施配备") < units.index("经统计，现有设施见下表：")
    assert units[units.index("经统计，现有设施见下表：") + 1].endswith("|座椅|共XX把")


def test_undo_past_a_save_keeps_the_table_a_table(report_window, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    """Move, save, undo, save: the window re-read the file at the first save, and the paragraphs
    coming back stand for the ones read back, so the table is saved as the table it was (not as
    its cells' text in paragraphs beside an emptied table)."""
    w = report_window
    original = tmp_path / "图书角.docx"
    before = texts(w)
    press_on_outline(qtbot, w, "三、志愿服务", Qt.Key.Key_Up)
    moved = texts(w)
    first, second, third = tmp_path / "一.docx", tmp_path / "二.docx", tmp_path / "三.docx"
    assert w.session.write(first, save_as=True)
    undo(qtbot, w)
    assert texts(w) == before and shape(w.editor.document()) == built_shape(w)
    assert w.session.write(second, save_as=True)
    assert body_units(second) == body_units(original)
    renumbered = {"二、设施配备", "三、志愿服务"}  # their text changed twice: runs written anew
    old_xml, new_xml = body_xml(original), body_xml(second)
    assert {k: v for k, v in new_xml.items() if k not in renumbered} == \
        {k: v for k, v in old_xml.items() if k not in renumbered}
    assert all(_ppr(new_xml[k]) == _ppr(old_xml[k]) is not None for k in renumbered)
    redo(qtbot, w)
    assert texts(w) == moved
    assert w.session.write(third, save_as=True)
    assert body_units(third) == body_units(first)
    assert body_xml(third) == body_xml(first)


def test_what_would_tear_a_table_apart_is_refused(report_window) -> None:  # noqa: ANN001
    """The engine's moves never do this, but a reordering that splits a table's paragraphs is
    refused before anything changes, with the window's message."""
    w = report_window
    n = len(w.editor.document().paragraphs())
    cells = [i for i, b in enumerate(w.current_document().blocks) if b.cell is not None]
    first_cell = cells[0]
    order = list(range(n))
    order[first_cell], order[first_cell - 1] = order[first_cell - 1], order[first_cell]
    # 现有设施见下表： and the first cell swap places, and then the next cell swaps with the last
    # of the table: both tear it.
    for change in (Change("移动章节", order=order),
                   Change("移动章节", order=list(range(first_cell + 1)) + [cells[5], *cells[2:5], cells[1],
                                                                           *range(cells[5] + 1, n)])):
        assert len(change.order) == n and sorted(change.order) == list(range(n))
        before = texts(w)
        with pytest.raises(ApplyError) as caught:
            w.report.changes.check(change)
        assert "表格" in str(caught.value)
        assert not w.operations.apply(change)
        assert texts(w) == before
        assert isinstance(w.operations.dialog, QMessageBox) and "表格" in w.operations.dialog.text()


# --- the corpus -------------------------------------------------------------------------------


def _corpus_with_tables_in_sections(count: int) -> list[Path]:
    """The first few corpus files (by name) with Chinese text and a table inside a section."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    with manifest.open(encoding="utf-8") as f:
        rows = list(csv.reader(f, delimiter="\t"))[1:]
    found = []
    for row in sorted(rows):
        if len(row) < 11 or row[4] != "yes" or not row[6].isdigit() or int(row[6]) == 0:
            continue
        if not row[10].isdigit() or int(row[10]) == 0:
            continue
        try:
            document = load(CORPUS / row[0])
        except Exception:  # noqa: BLE001 - a file the reader refuses is another test's business
            continue
        sections = scan(document).outline
        if any(s.level > 0 and any(document.blocks[k].cell is not None for k in range(s.block, s.end))
               for s in sections):
            found.append(CORPUS / row[0])
        if len(found) == count:
            break
    return found


def test_corpus_sections_with_tables_move_save_and_undo(window, tmp_path: Path) -> None:  # noqa: ANN001
    files = _corpus_with_tables_in_sections(4)
    if not files:
        pytest.skip(f"no corpus with tables in sections here: {CORPUS}")
    moved = 0
    for path in files:
        assert window.open_path(path), path.name
        document = window.current_document()
        before, before_shape = texts(window), shape(window.editor.document())
        sections = scan(document).outline
        change = None
        for i, s in enumerate(sections):
            if s.level > 0 and any(document.blocks[k].cell is not None for k in range(s.block, s.end)):
                for op in (move_up, move_down):
                    try:
                        change = op(document, i, auto_renumber=True)
                        break
                    except OutlineError:
                        continue
            if change is not None:
                break
        if change is None:
            continue
        assert window.operations.apply(change), path.name
        moved += 1
        expected = [b.text for b in window.current_document().blocks]
        after_shape = shape(window.editor.document())
        assert after_shape == built_shape(window), path.name
        window.editor.document().undo()
        assert texts(window) == before and shape(window.editor.document()) == before_shape, path.name
        window.editor.document().redo()
        assert shape(window.editor.document()) == after_shape, path.name
        out = tmp_path / f"moved-{path.stem}.docx"
        assert window.session.write(out, save_as=True), path.name
        assert [b.text for b in load(out).blocks] == expected, path.name
    assert moved


def test_shape_helper_sees_tables(qapp) -> None:  # noqa: ANN001
    """The shape helper tells a table's cells (and their spans) from plain paragraphs."""
    from app.core.document import Block, CellRef, Document

    merged = Block.plain("甲")
    merged.cell = CellRef(0, 0, 0, 1, 2)
    below = Block.plain("乙")
    below.cell = CellRef(0, 1, 0)
    qdoc = ReportDocument.of(Document([Block.plain("标题"), merged, below, Block.plain("结尾")], None, "docx"))
    got = shape(qdoc)
    assert [row[:2] for row in got if row[0]] == [("标题", None), ("甲", (0, 0, 1, 2, 2, 2)),
                                                   ("乙", (1, 0, 1, 1, 2, 2)), ("结尾", None)]


def test_demote_and_promote_beside_a_table(report_window, qtbot) -> None:  # noqa: ANN001
    """Alt+Shift+Right/Left on the outline: 三、 becomes a subsection of 二、 (after its table) and
    back; the table is not touched."""
    w = report_window
    before, before_shape = texts(w), shape(w.editor.document())
    press_on_outline(qtbot, w, "三、志愿服务", Qt.Key.Key_Right)
    demoted = texts(w)
    assert "（一）志愿服务" in demoted and "三、经费使用" in demoted
    assert outline_rows(w) == ["一、开放时间", "二、设施配备", "三、经费使用"]
    assert [t for t in demoted if t != "（一）志愿服务" and t != "三、经费使用"] == \
        [t for t in before if t != "三、志愿服务" and t != "四、经费使用"]
    undo(qtbot, w)
    assert texts(w) == before and shape(w.editor.document()) == before_shape
    press_on_outline(qtbot, w, "四、经费使用", Qt.Key.Key_Down)
    assert texts(w) == before  # the last section cannot go down: nothing changed
