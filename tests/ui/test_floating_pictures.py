"""Floating pictures in the window and on paper: drawn where the file places them, taking no room in
the text's flow (as Word lays out "in front of text" and no-wrap pictures), kept on save."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QColor, QTextCursor

from app.io.load import load
from app.ui.qt_formats import EMU_PER_PX
from tests.commands.test_pdf_command import tianbao
from tests.fixtures_docx import body_paragraphs
from tests.io.test_floating_read import floating_report


def _top(window, number: int) -> float:  # noqa: ANN001
    qdoc = window.editor.document()
    return qdoc.documentLayout().blockBoundingRect(qdoc.findBlockByNumber(number)).top()


def test_a_floating_picture_takes_no_room_and_is_drawn_at_its_place(window, tmp_path: Path) -> None:  # noqa: ANN001
    cm = 360000 / EMU_PER_PX
    assert window.open_path(floating_report(tmp_path / "浮.docx", x_emu=720000, y_emu=360000))
    assert window.editor.document().findBlockByNumber(1).text() == "图\ufffc"
    # The paragraph after the anchor follows one line down, not 5 cm down.
    assert _top(window, 2) - _top(window, 1) < 2 * cm
    # The picture (red) stands 2 cm right of the text's left side and 1 cm below its paragraph.
    qdoc = window.editor.document()
    left = qdoc.rootFrame().frameFormat().leftMargin()
    window.editor.verticalScrollBar().setValue(0)
    shot = window.editor.viewport().grab().toImage()
    ratio = shot.devicePixelRatio()
    x, y = left + 3.5 * cm, _top(window, 1) + qdoc.findBlockByNumber(1).blockFormat().topMargin() + 3 * cm
    assert QColor(shot.pixel(round(x * ratio), round(y * ratio))) == QColor("#ff0000")
    # Left of it (1.5 cm from the text's side) the page is white.
    assert QColor(shot.pixel(round((left + 1.5 * cm) * ratio), round(y * ratio))) == QColor("#ffffff")


def test_a_picture_the_text_wraps_round_still_takes_its_room(window, tmp_path: Path) -> None:  # noqa: ANN001
    cm = 360000 / EMU_PER_PX
    assert window.open_path(floating_report(tmp_path / "绕.docx", wrap="wrapSquare"))
    assert _top(window, 2) - _top(window, 1) > 5 * cm


def test_saving_keeps_the_floating_picture_where_it_was(window, tmp_path: Path) -> None:  # noqa: ANN001
    report = floating_report(tmp_path / "浮.docx")
    before = body_paragraphs(report)
    assert window.open_path(report)
    cursor = QTextCursor(window.editor.document().findBlockByNumber(0))
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    cursor.insertText("（已改）")
    exported = window.current_document()
    assert [i.place is not None for i in exported.blocks[1].images] == [True]
    window.save()
    after = body_paragraphs(report)
    assert after[1:] == before[1:] and after[0] != before[0]
    assert load(report).blocks[1].images[0].place is not None


def test_on_paper_the_floating_picture_is_drawn_and_takes_no_room(tmp_path: Path) -> None:
    pages = {}
    for wrap in ("wrapNone", "wrapTopAndBottom"):
        out = tmp_path / f"{wrap}.pdf"
        done = tianbao(str(floating_report(tmp_path / f"{wrap}.docx", wrap=wrap, height=24.0)), "--pdf", str(out))
        assert done.returncode == 0, done.stderr
        data = out.read_bytes()
        pages[wrap] = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
        assert re.search(rb"/Subtype\s*/Image", data)  # the picture is on the page
    # A 24 cm picture in the line pushes the next paragraph to a second A4 page; a floating one does not.
    assert pages == {"wrapNone": 1, "wrapTopAndBottom": 2}


def test_line_spacing_in_multiples_does_not_stretch_a_picture_line(window, tmp_path: Path) -> None:  # noqa: ANN001
    """Word and LibreOffice add a multiple's extra to the font's line, not to a tall picture's."""
    import io

    import docx
    from docx.shared import Cm

    from tests.fixtures_docx import tiny_png

    d = docx.Document()
    p = d.add_paragraph()
    p.paragraph_format.line_spacing = 2.0
    p.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(4), height=Cm(8))
    d.add_paragraph("后文")
    path = tmp_path / "行距.docx"
    d.save(str(path))
    assert window.open_path(path)
    qdoc = window.editor.document()
    picture = 8 / 2.54 * 96
    height = qdoc.documentLayout().blockBoundingRect(qdoc.findBlockByNumber(0)).height()
    assert picture - 1 < height < picture + 60  # not twice the picture's height
