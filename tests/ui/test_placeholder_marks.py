"""The amber marks behind placeholders: one rectangle on each line a placeholder covers, a
placeholder broken over two lines included, painted over the page and never into the document."""
from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from app.ui.block_data import blocks_on_screen, data_of
from app.ui.placeholder_marks import AMBER, paint_placeholders


class _Recorder:
    """Stands in for the QPainter: keeps the rectangles filled."""

    def __init__(self) -> None:
        self.rects: list[tuple[float, float, float, float]] = []

    def setCompositionMode(self, _mode) -> None:  # noqa: N802, ANN001 - QPainter's name
        pass

    def fillRect(self, rect: QRectF, colour: QColor) -> None:  # noqa: N802 - QPainter's name
        assert colour == AMBER
        self.rects.append((round(rect.left(), 2), round(rect.top(), 2), round(rect.width(), 2),
                           round(rect.height(), 2)))


def _every_line(on_screen) -> list[tuple[float, float, float, float]]:  # noqa: ANN001
    """The same rectangles worked out the long way: every span against every line."""
    rects = []
    for block, box in on_screen:
        data = data_of(block)
        if box.bottom() < 0 or data is None or data.junk:
            continue
        layout = block.layout()
        for found in data.found:
            if found.kind == "masked":
                continue
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                first, last = line.textStart(), line.textStart() + line.textLength()
                if found.end <= first or found.start >= last:
                    continue
                x1, x2 = line.cursorToX(max(found.start, first)), line.cursorToX(min(found.end, last))
                x1, x2 = (x1[0] if isinstance(x1, tuple) else x1), (x2[0] if isinstance(x2, tuple) else x2)
                rect = QRectF(min(x1, x2), line.y(), abs(x2 - x1), line.height()).translated(box.topLeft())
                rects.append((round(rect.left(), 2), round(rect.top(), 2), round(rect.width(), 2),
                              round(rect.height(), 2)))
    return rects


def test_each_line_of_a_placeholder_is_marked(window, tmp_path: Path, qtbot) -> None:  # noqa: ANN001
    # Paragraphs growing by one character, each with a date and a blank that Qt may break, so
    # that on some of them a placeholder is broken over the end of a line.
    lines = [f"全区{'各' * n}于20XX年X月X日前完成培训任务＿＿＿＿＿＿项，合计X人次。" for n in range(20, 44)]
    path = tmp_path / "标记.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert window.open_path(path)
    editor = window.editor
    window.show()
    qtbot.waitExposed(window)
    on_screen = list(blocks_on_screen(editor, True))
    recorder = _Recorder()
    paint_placeholders(recorder, on_screen)
    expected = _every_line(on_screen)
    assert recorder.rects == expected
    broken = sum(1 for block, _box in on_screen for found in (data_of(block).found if data_of(block) else [])
                 if block.layout().lineForTextPosition(found.start).lineNumber()
                 != block.layout().lineForTextPosition(found.end - 1).lineNumber())
    assert broken > 0  # the fixture does break a placeholder over two lines

    # On the painted page: amber behind the first placeholder, and nothing of it in the document.
    image: QImage = editor.viewport().grab().toImage()
    left, top, width, height = recorder.rects[0]
    colours = {image.pixelColor(int(left + width / 2), int(top + dy)).name() for dy in range(int(height))}
    assert AMBER.name() in colours
    out = tmp_path / "标记.docx"
    assert window.session.write(out, save_as=True)
    with zipfile.ZipFile(out) as saved:
        body = saved.read("word/document.xml").decode("utf-8")
    assert "20XX年X月X日" in body
    assert "w:shd" not in body and "w:highlight" not in body
