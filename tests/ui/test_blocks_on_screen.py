"""The overlays' walk over the paragraphs on screen starts at the paragraph at the top of the area
to paint, whether that area is near the last one asked about (walked from there) or far from it
(Qt's hit test)."""
from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QRect

from app.ui.block_data import blocks_in, blocks_on_screen


def test_the_first_block_on_screen_is_the_one_at_the_top(window, tmp_path: Path) -> None:  # noqa: ANN001
    path = tmp_path / "长.txt"
    path.write_text("\n".join(f"第{n}段：本段写了一些工作情况，共X项。" * (1 + n % 3) for n in range(600)),
                    encoding="utf-8")
    assert window.open_path(path)
    editor = window.editor
    layout = editor.document().documentLayout()
    tops = [layout.blockBoundingRect(block).top() for block in blocks_in(editor.document())]
    bar = editor.verticalScrollBar()
    assert bar.maximum() > 20 * editor.viewport().height()  # long: far jumps fall back on Qt's hit test
    rng = random.Random(7)
    height, width = editor.viewport().height(), editor.viewport().width()
    for _ in range(80):
        # Mostly small moves (as typing and scrolling by a line make), now and then a far jump.
        if rng.random() < 0.2:
            bar.setValue(rng.randrange(bar.maximum()))
        else:
            bar.setValue(min(max(bar.value() + rng.randint(-90, 90), 0), bar.maximum()))
        top = rng.randrange(height)
        first, box = next(blocks_on_screen(editor, False, QRect(0, top, width, 20)))
        y = top + bar.value()
        # The last paragraph starting at or above the area's top (in a gap between two: the upper).
        expected = max(n for n, t in enumerate(tops) if t <= y)
        assert first.blockNumber() == expected
        assert box.top() <= top
