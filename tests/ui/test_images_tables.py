"""Pictures shown in place and merged table cells shown merged, through the real window: the
picture is display only (never in the saved text, the drawing kept as it was), placeholders
around it are found, filled and saved at the right place; a merged cell is one Qt cell that can
be filled and saved, the table's structure unchanged."""
from __future__ import annotations

from tests.shared import CORPUS as CORPUS_DIR

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument, QTextImageFormat

import app.io.save as save
from app.core.document import Block, CellRef, Document, ImageRef, Run
from app.core.scan import scan
from app.io.load import load
from app.ui.report_document import ReportDocument
from app.ui.block_data import BlockData, blocks_in
from app.ui.qt_formats import PAGE_TEXT_PX
from app.ui.document_build import shown_text_of
from app.core.block_scan import rescan
from app.core.offsets import utf16_offset as core_to_qt
from tests.fixtures_docx import body_paragraphs, parts, tiny_png

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"



def picture_report(path: Path) -> Path:
    """Blocks: 0 title; 1 "本年走访X户" + picture + "，发放XX万元。"; 2 "附图：" + picture (untouched);
    3 a paragraph holding only a picture far wider than the page."""
    import docx
    from docx.shared import Cm

    d = docx.Document()
    d.add_paragraph("20XX年帮扶工作情况")
    p = d.add_paragraph("本年走访X户")
    p.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(2), height=Cm(1))
    p.add_run("，发放XX万元。")
    q = d.add_paragraph("附图：")
    q.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(3), height=Cm(3))
    d.add_paragraph().add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(40), height=Cm(10))
    d.save(str(path))
    return path


def merged_table_report(path: Path) -> Path:
    """A table of 3 x 3: (0,0)-(0,1) merged across holding "合计XX万元", (1,2)-(2,2) merged down
    holding "共X人"; a paragraph before it with a placeholder of its own."""
    import docx

    d = docx.Document()
    d.add_paragraph("一、经费情况（X月）")
    table = d.add_table(rows=3, cols=3)
    across = table.cell(0, 0).merge(table.cell(0, 1))
    across.text = "合计XX万元"
    table.cell(0, 2).text = "备注"
    table.cell(1, 0).text = "培训"
    table.cell(1, 1).text = "宣传"
    down = table.cell(1, 2).merge(table.cell(2, 2))
    down.text = "共X人"
    table.cell(2, 0).text = "走访"
    table.cell(2, 1).text = "慰问"
    d.save(str(path))
    return path


def image_fragments(qdoc: QTextDocument) -> list[tuple[int, QTextImageFormat]]:
    """(block number, format) of every picture in the editor's document."""
    out = []
    for qblock in blocks_in(qdoc):
        it = qblock.begin()
        while not it.atEnd():
            fragment = it.fragment()
            it += 1
            if fragment.isValid() and fragment.charFormat().isImageFormat():
                out.append((qblock.blockNumber(), fragment.charFormat().toImageFormat()))
    return out


def embeds(path: Path) -> list[str]:
    root = etree.fromstring(parts(path)["word/document.xml"])
    return [blip.get(R_EMBED) for blip in root.iter(BLIP)]


def media(path: Path) -> dict[str, bytes]:
    return {name: data for name, data in parts(path).items() if name.startswith("word/media/")}


# --- pictures ----------------------------------------------------------------------------------


def test_reader_places_pictures_between_the_text(tmp_path: Path) -> None:
    document = load(picture_report(tmp_path / "图.docx"))
    block = document.blocks[1]
    assert block.text == "本年走访X户，发放XX万元。"  # the picture is no part of the text
    [image] = block.images
    assert image.offset == len("本年走访X户")
    assert (image.width_emu, image.height_emu) == (720000, 360000)  # 2 cm x 1 cm
    assert document.source.part.related_parts[image.key].blob == tiny_png()
    assert document.blocks[3].text == "" and len(document.blocks[3].images) == 1
    assert [p.token for p in scan(document).placeholders] == ["20XX", "X", "XX"]


def test_pictures_show_in_place_and_are_never_saved_as_text(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = picture_report(tmp_path / "图.docx")
    before_embeds, before_media = embeds(report), media(report)
    assert window.open_path(report)
    qdoc = window.editor.document()

    pictures = image_fragments(qdoc)
    assert [number for number, _ in pictures] == [1, 2, 3]
    first, _, wide = (fmt for _, fmt in pictures)
    assert round(first.width()) == round(2 / 2.54 * 96) and round(first.height()) == round(1 / 2.54 * 96)
    assert wide.width() <= PAGE_TEXT_PX + 0.5  # capped to the page, proportions kept
    assert wide.height() == pytest.approx(wide.width() / 4, rel=0.01)
    image = qdoc.resource(QTextDocument.ResourceType.ImageResource, first.name())
    assert image is not None  # Qt has the picture's bytes to paint

    # The placeholders around the picture are listed and sit where Qt has their text.
    block = qdoc.findBlockByNumber(1)
    assert block.text() == "本年走访X户\ufffc，发放XX万元。"
    assert window.sidebar.leaf_count() == 3
    contexts = [p.context for p in window.snapshot.placeholders]
    assert all("\ufffc" not in c for c in contexts)
    assert any("发放XX万元" in c for c in contexts)

    # Fill the placeholder after the picture from the sidebar, at its Qt position.
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.next_placeholder()
    window.next_placeholder()
    assert window.editor.textCursor().selectedText() == "X"
    window.next_placeholder()
    cursor = window.editor.textCursor()
    assert cursor.selectedText() == "XX"
    assert cursor.selectionStart() - block.position() == block.text().index("XX")
    assert window.fill("3.5")
    qtbot.waitUntil(lambda: window.sidebar.leaf_count() == 2)
    assert qdoc.findBlockByNumber(1).text() == "本年走访X户\ufffc，发放3.5万元。"
    assert len(image_fragments(qdoc)) == 3  # the picture is still shown

    exported = window.current_document()
    assert all("\ufffc" not in run.text for b in exported.blocks for run in b.runs)
    assert exported.blocks[2] is window.document.blocks[2]  # untouched: the very Block read

    window.save()
    saved = load(report)
    assert saved.blocks[1].text == "本年走访X户，发放3.5万元。"
    assert [i.offset for i in saved.blocks[1].images] == [len("本年走访X户")]
    assert embeds(report) == before_embeds
    assert media(report) == before_media
    assert [p.token for p in scan(saved).placeholders] == ["20XX", "X"]


def test_untouched_picture_paragraphs_are_byte_identical(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = picture_report(tmp_path / "图.docx")
    original = tmp_path / "原.docx"
    original.write_bytes(report.read_bytes())
    assert window.open_path(report)
    window.editor.moveCursor(QTextCursor.MoveOperation.Start)
    window.next_placeholder()
    assert window.fill("2025")
    window.save()
    old, new = body_paragraphs(original), body_paragraphs(report)
    assert len(old) == len(new)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [0]


def test_typing_right_after_a_picture_takes_the_text_format(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = picture_report(tmp_path / "图.docx")
    assert window.open_path(report)
    block = window.editor.document().findBlockByNumber(1)
    cursor = window.editor.textCursor()
    cursor.setPosition(block.position() + block.text().index("\ufffc") + 1)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClicks(window.editor, "9")
    exported = window.current_document()
    assert exported.blocks[1].text == "本年走访X户9，发放XX万元。"
    assert [r.format for r in exported.blocks[1].runs] == [window.document.blocks[1].runs[0].format]
    window.save()
    saved = load(report)
    assert saved.blocks[1].text == "本年走访X户9，发放XX万元。"
    assert len(saved.blocks[1].images) == 1


def test_offsets_around_pictures() -> None:
    text = "\ufffcA\ufffcBC\ufffc"  # Document text "ABC"
    assert [core_to_qt(text, i) for i in range(4)] == [1, 3, 4, 6]
    assert [core_to_qt(text, i, start=False) for i in range(4)] == [0, 2, 4, 5]
    core = Block([Run("共XX人")], images=(ImageRef(1, "rId1"), ImageRef(3, "rId2")))
    assert shown_text_of(core) == "共\ufffcXX\ufffc人"
    data = BlockData(core)
    rescan(data, shown_text_of(core))
    [found] = data.found
    assert shown_text_of(core)[found.start:found.end] == "XX"
    assert data.chars == 4  # pictures are not counted as characters


def test_a_picture_qt_cannot_read_shows_as_a_box(chinese_app) -> None:  # noqa: ANN001
    class Part:
        blob = b"\x01\x00\x00\x00 not an image Qt reads (an EMF)"

    class Package:
        class part:  # noqa: N801 - shaped like python-docx's package
            related_parts = {"rId5": Part()}

    document = Document([Block([Run("图")], images=(ImageRef(1, "rId5", 914400, 914400),), source="p")],
                        source=Package(), origin="docx")
    qdoc = ReportDocument.of(document)
    [(_, fmt)] = image_fragments(qdoc)
    stand_in = qdoc.resource(QTextDocument.ResourceType.ImageResource, fmt.name())
    assert stand_in is not None and not stand_in.isNull()
    assert qdoc.export().blocks[0] is document.blocks[0]


# --- merged cells ------------------------------------------------------------------------------


def _table(qdoc: QTextDocument):  # noqa: ANN202 - QTextTable
    for qblock in blocks_in(qdoc):
        table = QTextCursor(qblock).currentTable()
        if table is not None:
            return table
    raise AssertionError("no table")


def _table_shape(path: Path) -> list[list[tuple[str | None, str | None]]]:
    """Per row, per w:tc: (gridSpan, vMerge) as the file has them."""
    root = etree.fromstring(parts(path)["word/document.xml"])
    ns = {"w": W}
    rows = []
    for tr in root.iterfind(".//w:tbl/w:tr", ns):
        row = []
        for tc in tr.iterfind("w:tc", ns):
            span = tc.find("w:tcPr/w:gridSpan", ns)
            vmerge = tc.find("w:tcPr/w:vMerge", ns)
            row.append((span.get(f"{{{W}}}val") if span is not None else None,
                        (vmerge.get(f"{{{W}}}val") or "continue") if vmerge is not None else None))
        rows.append(row)
    return rows


def test_reader_knows_the_spans(tmp_path: Path) -> None:
    document = load(merged_table_report(tmp_path / "表.docx"))
    cells = {b.text: b.cell for b in document.blocks if b.cell is not None}
    assert (cells["合计XX万元"].row_span, cells["合计XX万元"].col_span) == (1, 2)
    assert (cells["共X人"].row, cells["共X人"].col, cells["共X人"].row_span) == (1, 2, 2)
    assert cells["备注"].col == 2 and cells["备注"].col_span == 1
    assert cells["共X人"] == CellRef(0, 1, 2)  # spans say how it looks, not which cell it is


def test_merged_cells_show_merged_and_fill_and_save(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = merged_table_report(tmp_path / "表.docx")
    shape = _table_shape(report)
    assert window.open_path(report)
    qdoc = window.editor.document()
    table = _table(qdoc)
    assert (table.rows(), table.columns()) == (3, 3)
    assert table.cellAt(0, 0).columnSpan() == 2 and table.cellAt(0, 1) == table.cellAt(0, 0)
    assert table.cellAt(1, 2).rowSpan() == 2 and table.cellAt(2, 2) == table.cellAt(1, 2)
    first = table.cellAt(0, 0).firstCursorPosition().block()
    assert first.text() == "合计XX万元"
    assert window.sidebar.leaf_count() == 3

    # Fill both merged cells' placeholders: F11 from the start walks X月, XX万元, X人.
    editor = window.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert editor.textCursor().selectedText() == "XX"
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_F11)
    assert editor.textCursor().selectedText() == "X"
    assert QTextCursor(editor.textCursor()).currentTable() is not None
    assert window.fill("8")
    qtbot.waitUntil(lambda: window.sidebar.leaf_count() == 1)
    assert table.cellAt(0, 0).columnSpan() == 2 and table.cellAt(1, 2).rowSpan() == 2

    window.save()
    saved = load(report)
    cells = {b.cell: b.text for b in saved.blocks if b.cell is not None}
    assert cells[CellRef(0, 0, 0)] == "合计12万元"
    assert cells[CellRef(0, 1, 2)] == "共8人"
    assert cells[CellRef(0, 2, 1)] == "慰问"
    assert _table_shape(report) == shape

    # Reopened, the table is merged the same way.
    assert window.open_path(report)
    table = _table(window.editor.document())
    assert table.cellAt(0, 0).columnSpan() == 2 and table.cellAt(1, 2).rowSpan() == 2


def test_merged_cells_in_a_zip_roundtrip_untouched(window, tmp_path: Path) -> None:  # noqa: ANN001
    report = merged_table_report(tmp_path / "表.docx")
    data = report.read_bytes()
    assert window.open_path(report)
    exported = window.current_document()
    assert all(a is b for a, b in zip(exported.blocks, window.document.blocks))
    assert len(exported.blocks) == len(window.document.blocks)
    out = tmp_path / "另存.docx"
    save.save_document(exported, out)
    with zipfile.ZipFile(io.BytesIO(data)) as zin:
        assert parts(out) == {name: zin.read(name) for name in zin.namelist()}


def test_engine_edits_land_beside_pictures(window, tmp_path: Path) -> None:  # noqa: ANN001
    """Clean-up, renumbering and the 全角 fix count offsets in the Document's text (no picture
    characters): the window puts them where that text is."""
    from app.core.edits import Change, TextEdit

    report = picture_report(tmp_path / "图.docx")
    assert window.open_path(report)
    text = window.current_document().blocks[1].text
    start = text.index("XX")
    change = Change("测试", edits=[TextEdit(1, start, start + 2, "7"), TextEdit(1, 0, 0, "◆")])
    assert window.report.changes.apply(change)
    qblock = window.editor.document().findBlockByNumber(1)
    assert qblock.text() == "◆本年走访X户\ufffc，发放7万元。"
    assert window.current_document().blocks[1].text == "◆本年走访X户，发放7万元。"
    window.editor.undo()
    assert window.editor.document().findBlockByNumber(1).text() == "本年走访X户\ufffc，发放XX万元。"


CORPUS = CORPUS_DIR


def test_grouped_pictures_each_show_at_their_own_size() -> None:
    path = CORPUS / "docling__docx_grouped_images.docx"
    if not path.exists():
        pytest.skip("the shared corpus is not beside the clone")
    document = load(path)
    grouped = next(b for b in document.blocks if "grouped together" in b.text)
    assert len(grouped.images) == 2  # both pictures of the group, not the first stretched over it
    assert len({i.key for i in grouped.images}) == 2
    assert all(i.width_emu == i.height_emu > 0 for i in grouped.images)  # square, as in the group
    related = document.source.part.related_parts
    assert all(related[i.key].blob for b in document.blocks for i in b.images)


def test_recovery_copy_brings_pictures_and_merges_back(chinese_app, tmp_path: Path) -> None:  # noqa: ANN001
    from app.io.recovery_payload import recovery_bytes, restore

    for document in (load(picture_report(tmp_path / "图.docx")), load(merged_table_report(tmp_path / "表.docx"))):
        copy = restore(recovery_bytes(document)).document
        assert [b.images for b in copy.blocks] == [b.images for b in document.blocks]
        assert [(b.cell.row_span, b.cell.col_span) if b.cell else None for b in copy.blocks] == \
               [(b.cell.row_span, b.cell.col_span) if b.cell else None for b in document.blocks]
        qdoc = ReportDocument.of(copy)
        assert len(image_fragments(qdoc)) == sum(len(b.images) for b in document.blocks)


def test_punctuation_hints_and_fix_beside_a_picture(window, tmp_path: Path) -> None:  # noqa: ANN001
    import docx
    from docx.shared import Cm

    path = tmp_path / "标点.docx"
    d = docx.Document()
    p = d.add_paragraph("本年走访困难家庭")
    p.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(1), height=Cm(1))
    p.add_run("共计三十户,发放慰问金十万元.")
    d.save(str(path))
    assert window.open_path(path)
    window.refresh_now()
    hints = [h for h in window.counts.hints if h.kind == "punctuation"]
    assert hints
    window.fill_loop.go_to_span(hints[0].block, hints[0].start, hints[0].end)
    assert window.editor.textCursor().selectedText() == ","
    assert window.hint_fixes.fix_punctuation()
    qblock = window.editor.document().findBlockByNumber(0)
    assert qblock.text() == "本年走访困难家庭\ufffc共计三十户，发放慰问金十万元."
    window.save()
    saved = load(path)
    assert saved.blocks[0].text == "本年走访困难家庭共计三十户，发放慰问金十万元."
    assert len(saved.blocks[0].images) == 1


def test_official_format_keeps_pictures_shown_and_saved(window, tmp_path: Path) -> None:  # noqa: ANN001
    report = picture_report(tmp_path / "图.docx")
    before_media = media(report)
    assert window.open_path(report)
    assert window.official.official_format()
    assert [n for n, _ in image_fragments(window.editor.document())] == [1, 2, 3]
    assert all("\ufffc" not in b.text for b in window.current_document().blocks)
    window.save()
    saved = load(report)
    assert [len(b.images) for b in saved.blocks] == [0, 1, 1, 1]
    assert sorted(media(report).values()) == sorted(before_media.values())
