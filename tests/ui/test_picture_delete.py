"""A picture deleted in the window is deleted in the saved .docx (issue 4; lossless writer of issue
3). Real windows, real key presses, real files written and read back: the picture the user took
out goes (its w:drawing and the run it emptied), the other one stays, every other paragraph's XML
is as it was; undo before saving keeps both; a picture in a table cell likewise; a picture the
writer must keep (a field's result) is kept and the user is told once."""
from __future__ import annotations

from tests.shared import CORPUS as CORPUS_DIR

import io
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

import app.io.save as save
from app.io.load import load
from app.ui import main_window
from app.core.offsets import OBJECT
from tests.fixtures_docx import body_paragraphs, parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
CORPUS = CORPUS_DIR



def png(rgb: tuple[int, int, int]) -> bytes:
    """A valid 2x2 PNG of one colour: two of them are two different media parts."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(rgb) * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


RED, BLUE = png((255, 0, 0)), png((0, 0, 255))


def two_picture_report(path: Path, lead: str | None = None) -> Path:
    """0 "乡村振兴工作简报"; 1 "现场照片：" red picture "与" blue picture "如上。"; 2 "完成投资X万元。";
    3-4 a one-row table: "附件" | "图：" + red picture + "（见附件）". With ``lead``, a paragraph
    of that text comes between the title and the pictures (every block number after it + 1)."""
    import docx
    from docx.shared import Cm

    d = docx.Document()
    d.add_paragraph("乡村振兴工作简报")
    if lead is not None:
        d.add_paragraph(lead)
    p = d.add_paragraph("现场照片：")
    p.add_run().add_picture(io.BytesIO(RED), width=Cm(2), height=Cm(1))
    p.add_run("与")
    p.add_run().add_picture(io.BytesIO(BLUE), width=Cm(3), height=Cm(2))
    p.add_run("如上。")
    d.add_paragraph("完成投资X万元。")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "附件"
    cell = table.cell(0, 1).paragraphs[0]
    cell.add_run("图：")
    cell.add_run().add_picture(io.BytesIO(RED), width=Cm(1), height=Cm(1))
    cell.add_run("（见附件）")
    d.save(str(path))
    return path


def drawings(path: Path) -> list[etree._Element]:
    root = etree.fromstring(parts(path)["word/document.xml"])
    return list(root.iter(_W + "drawing"))


def picture_bytes(path: Path) -> list[bytes]:
    """The media bytes each drawing of the body shows, in order."""
    document = load(path)
    related = document.source.part.related_parts
    return [related[image.key].blob for block in document.blocks for image in block.images]


def objects(window) -> list[int]:  # noqa: ANN001
    """Document positions of the pictures the editor shows."""
    text = window.editor.document().toPlainText()
    return [i for i, ch in enumerate(text) if ch == OBJECT]


def delete_picture(window, qtbot, position: int, key=Qt.Key.Key_Backspace) -> None:  # noqa: ANN001
    """Put the cursor beside the picture at ``position`` and press Backspace (cursor after it) or
    Delete (cursor before it), as a user would."""
    cursor = window.editor.textCursor()
    cursor.setPosition(position + 1 if key == Qt.Key.Key_Backspace else position)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, key)


def test_deleting_one_of_two_pictures_saves_the_other(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    original = tmp_path / "原.docx"
    shutil.copy(report, original)
    assert window.open_path(report)
    first, second, in_cell = objects(window)
    delete_picture(window, qtbot, first)
    assert objects(window) == [second - 1, in_cell - 1]
    assert window.editor.document().findBlockByNumber(1).text() == "现场照片：与\ufffc如上。"
    assert window.save()

    assert len(drawings(report)) == 2
    assert picture_bytes(report) == [BLUE, RED]  # the blue one stayed in paragraph 1, the cell's kept
    saved = load(report)
    assert saved.blocks[1].text == "现场照片：与如上。"
    assert [image.offset for image in saved.blocks[1].images] == [len("现场照片：与")]
    # The deleted picture's run went with it: no run is left holding nothing but its properties.
    p = body_paragraphs(report)[1]
    runs = etree.fromstring(p).iter(_W + "r")
    assert all(any(child.tag != _W + "rPr" for child in r) for r in runs)
    # Every other paragraph (the cell's too) is the XML it was.
    old, new = body_paragraphs(original), body_paragraphs(report)
    assert len(old) == len(new)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [1]
    # What the window shows is what was saved: reopening shows the same text and pictures.
    assert window.open_path(report)
    assert window.editor.document().findBlockByNumber(1).text() == "现场照片：与\ufffc如上。"


def test_deleting_the_second_picture_keeps_the_first(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    assert window.open_path(report)
    _, second, _ = objects(window)
    delete_picture(window, qtbot, second, Qt.Key.Key_Delete)
    assert window.save()
    assert picture_bytes(report) == [RED, RED]
    assert load(report).blocks[1].text == "现场照片：与如上。"
    [image, _] = [i for b in load(report).blocks for i in b.images]
    assert (image.width_emu, image.height_emu) == (720000, 360000)  # the 2 cm x 1 cm one: the first


def test_undo_before_saving_brings_the_picture_back(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    original = tmp_path / "原.docx"
    shutil.copy(report, original)
    assert window.open_path(report)
    first, _, _ = objects(window)
    delete_picture(window, qtbot, first)
    assert len(objects(window)) == 2
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(objects(window)) == 3
    assert window.save()
    assert picture_bytes(report) == [RED, BLUE, RED]
    assert body_paragraphs(report) == body_paragraphs(original)


def test_undo_after_a_save_puts_the_picture_back_in_the_next_save(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    assert window.open_path(report)
    first, _, _ = objects(window)
    delete_picture(window, qtbot, first)
    assert window.save()
    assert picture_bytes(report) == [BLUE, RED]
    # Deleting the other picture after that save removes it from the file as reread.
    second = objects(window)[0]
    delete_picture(window, qtbot, second)
    assert window.save()
    assert picture_bytes(report) == [RED]
    assert load(report).blocks[1].text == "现场照片：与如上。"


def test_a_picture_in_a_table_cell(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    original = tmp_path / "原.docx"
    shutil.copy(report, original)
    assert window.open_path(report)
    _, _, in_cell = objects(window)
    delete_picture(window, qtbot, in_cell, Qt.Key.Key_Delete)
    assert window.save()
    assert picture_bytes(report) == [RED, BLUE]
    saved = load(report)
    cells = [b for b in saved.blocks if b.cell is not None]
    assert [b.text for b in cells] == ["附件", "图：（见附件）"]
    assert not cells[1].images
    old, new = body_paragraphs(original), body_paragraphs(report)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] == [4]


def field_picture_report(path: Path) -> Path:
    """0 "照片：" then an INCLUDEPICTURE field whose result is a picture, then "完"; 1 "其他"."""
    import docx
    from docx.oxml import parse_xml
    from docx.shared import Cm

    d = docx.Document()
    p = d.add_paragraph("照片：")
    begin = p.add_run()._r
    begin.append(parse_xml(f'<w:fldChar xmlns:w="{W}" w:fldCharType="begin"/>'))
    code = p.add_run()._r
    code.append(parse_xml(f'<w:instrText xmlns:w="{W}" xml:space="preserve"> INCLUDEPICTURE "a.png" </w:instrText>'))
    p.add_run()._r.append(parse_xml(f'<w:fldChar xmlns:w="{W}" w:fldCharType="separate"/>'))
    p.add_run().add_picture(io.BytesIO(RED), width=Cm(2), height=Cm(1))
    p.add_run()._r.append(parse_xml(f'<w:fldChar xmlns:w="{W}" w:fldCharType="end"/>'))
    p.add_run("完")
    d.add_paragraph("其他")
    d.save(str(path))
    return path


def test_a_picture_a_field_would_bring_back_is_kept_and_the_user_told(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = field_picture_report(tmp_path / "域.docx")
    assert window.open_path(report)
    [position] = objects(window)
    before = len(main_window.KEPT_NOTICES)
    delete_picture(window, qtbot, position)
    assert window.save()
    assert picture_bytes(report) == [RED]  # kept: the field would bring it back anyway
    assert load(report).blocks[0].text == "照片：完"
    assert len(main_window.KEPT_NOTICES) == before + 1
    notice = main_window.KEPT_NOTICES[-1]
    assert "图片" in notice and "域" in notice  # in the window's language (Chinese here)

    def shown() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible() and w.text() == notice]

    qtbot.waitUntil(lambda: len(shown()) == 1)
    for box in shown():
        box.close()
    # Once: saving again says nothing more.
    assert window.save()
    assert len(main_window.KEPT_NOTICES) == before + 1


def test_writer_keeps_pictures_it_cannot_remove_safely(tmp_path: Path) -> None:
    """The writer's own rule, without a window: a field's picture and a picture drawn with a text
    box stay; a plain floating one (wp:anchor) goes like an inline one."""
    from dataclasses import replace

    from app.io.docx_writer import picture_kept, plain_picture

    document = load(field_picture_report(tmp_path / "域.docx"))
    [image] = document.blocks[0].images
    assert picture_kept(image, []) == "field"
    assert picture_kept(image, [image]) == "group"  # still shown: nothing to remove
    assert plain_picture(image.source)

    report = two_picture_report(tmp_path / "简报.docx")
    document = load(report)
    first, second = document.blocks[1].images
    assert picture_kept(first, [second]) is None
    # Made floating: still a plain picture, removed on save.
    inline = first.source.find("{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}inline")
    inline.tag = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"
    assert picture_kept(first, [second]) is None
    # With a text box inside, it holds text the editor never showed: kept.
    inline.append(etree.fromstring(f'<w:txbxContent xmlns:w="{W}"><w:p/></w:txbxContent>'))
    assert picture_kept(first, [second]) == "shape"
    blocks = list(document.blocks)
    blocks[1] = replace(blocks[1], images=(second,))
    save.save_document(replace(document, blocks=blocks), tmp_path / "out.docx")
    assert len(drawings(tmp_path / "out.docx")) == 3


def _corpus_with_pictures() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    found = []
    for path in sorted(CORPUS.glob("*.docx"), key=lambda p: (p.stat().st_size, p.name)):
        try:
            document = load(path)
        except Exception:  # noqa: BLE001 - refused files are test_corpus_docx's business
            continue
        if any(block.images for block in document.blocks):
            found.append(path)
        if len(found) == 6:
            break
    return found


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/docx is not beside the clone")
def test_corpus_files_lose_just_the_deleted_picture(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    files = _corpus_with_pictures()
    assert len(files) == 6
    removed = kept = 0
    for source in files:
        path = tmp_path / source.name
        path.write_bytes(source.read_bytes())  # the corpus is read-only: a writable copy
        before = load(path)
        count = sum(len(b.images) for b in before.blocks)
        assert window.open_path(path), source.name
        positions = objects(window)
        assert len(positions) == count, source.name
        notices = len(main_window.KEPT_NOTICES)
        cursor = window.editor.textCursor()
        cursor.setPosition(positions[0])
        cursor.setPosition(positions[0] + 1, QTextCursor.MoveMode.KeepAnchor)
        window.editor.setTextCursor(cursor)
        window.editor.setFocus()
        qtbot.keyClick(window.editor, Qt.Key.Key_Delete)
        assert len(objects(window)) == count - 1, source.name
        assert window.save(), source.name
        after = load(path)
        assert after.texts == before.texts, source.name
        left = sum(len(b.images) for b in after.blocks)
        if len(main_window.KEPT_NOTICES) > notices:
            assert left == count, source.name  # kept, and the user was told
            kept += 1
        else:
            assert left == count - 1, source.name
            removed += 1
        for box in [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]:
            box.close()
    assert removed >= 4, (removed, kept)


def test_joining_a_picture_paragraph_into_the_one_before_keeps_the_picture(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """Backspace at the start of the paragraph after the pictures joins it, pictures and all, to
    the one before: the saved paragraph holds them where the window shows them."""
    report = two_picture_report(tmp_path / "简报.docx", lead="一、现场情况")
    assert window.open_path(report)
    block = window.editor.document().findBlockByNumber(2)
    cursor = window.editor.textCursor()
    cursor.setPosition(block.position())
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Backspace)
    assert window.editor.document().findBlockByNumber(1).text() == "一、现场情况现场照片：\ufffc与\ufffc如上。"
    assert window.save()
    saved = load(report)
    assert saved.blocks[1].text == "一、现场情况现场照片：与如上。"
    assert [i.offset for i in saved.blocks[1].images] == [len("一、现场情况现场照片："), len("一、现场情况现场照片：与")]
    assert picture_bytes(report) == [RED, BLUE, RED]
    assert saved.blocks[2].text == "完成投资X万元。"


def test_enter_before_a_picture_takes_it_into_the_new_paragraph(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    report = two_picture_report(tmp_path / "简报.docx")
    assert window.open_path(report)
    _, second, _ = objects(window)
    cursor = window.editor.textCursor()
    cursor.setPosition(second)
    window.editor.setTextCursor(cursor)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_Return)
    assert window.editor.document().findBlockByNumber(2).text() == "\ufffc如上。"
    assert window.save()
    saved = load(report)
    assert [b.text for b in saved.blocks[1:3]] == ["现场照片：与", "如上。"]
    assert [[i.offset for i in b.images] for b in saved.blocks[1:3]] == [[len("现场照片：")], [0]]
    assert picture_bytes(report) == [RED, BLUE, RED]


def test_undo_after_saving_brings_the_picture_back_into_the_next_save(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    """Deleted, saved (the file loses it), then Ctrl+Z: the window shows it again, so the next save
    has it again, where it was (its media and relationship are still in the package)."""
    report = two_picture_report(tmp_path / "简报.docx")
    original = tmp_path / "原.docx"
    shutil.copy(report, original)
    assert window.open_path(report)
    first, _, _ = objects(window)
    delete_picture(window, qtbot, first)
    assert window.save()
    assert picture_bytes(report) == [BLUE, RED]
    qtbot.keyClick(window.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(objects(window)) == 3
    assert window.save()
    assert picture_bytes(report) == [RED, BLUE, RED]
    saved = load(report)
    assert saved.blocks[1].text == "现场照片：与如上。"
    assert [i.offset for i in saved.blocks[1].images] == [len("现场照片："), len("现场照片：与")]
    old, new = body_paragraphs(original), body_paragraphs(report)
    assert [i for i, (a, b) in enumerate(zip(old, new)) if a != b] in ([], [1])


def test_a_recovery_copy_keeps_a_deleted_picture_deleted(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    from app.io.recovery_payload import recovery_bytes, restore
    from app.io.save import save_document

    report = two_picture_report(tmp_path / "简报.docx")
    assert window.open_path(report)
    first, _second, _in_cell = objects(window)
    delete_picture(window, qtbot, first)
    # What the autosave writes after the deletion, and what a restart after a crash reads back.
    recovered = restore(recovery_bytes(window.current_document())).document
    assert recovered.blocks[1].text == "现场照片：与如上。"
    assert [image.offset for image in recovered.blocks[1].images] == [len("现场照片：与")]
    out = tmp_path / "恢复后.docx"
    save_document(recovered, out)
    assert picture_bytes(out) == [BLUE, RED]
    # With nothing deleted, a copy keeps every picture where it was.
    window.editor.document().setModified(False)  # (the deletion above is not to be kept)
    assert window.open_path(two_picture_report(tmp_path / "另一份.docx"))
    whole = restore(recovery_bytes(window.current_document())).document
    assert [len(b.images) for b in whole.blocks] == [len(b.images) for b in load(tmp_path / "另一份.docx").blocks]
