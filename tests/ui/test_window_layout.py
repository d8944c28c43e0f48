"""The page keeps its room when the window narrows: the side panels give way first."""
from __future__ import annotations

from app.ui.main_window import editor_first


def test_editor_first_takes_from_the_side_panels_in_proportion() -> None:
    fitted = editor_first([230, 230, 330], (140, 220), 834)
    assert sum(fitted) == 790
    assert fitted[0] >= 140 and fitted[2] >= 220
    # All the spare width (90 + 110) goes to the editor, which still wants more.
    assert fitted == [140, 430, 220]
    # Enough spare: the editor gets what it wants, the panels give in proportion to their spare.
    assert editor_first([400, 500, 400], (140, 220), 834) == [400 - 197, 834, 400 - 137]  # 334 taken as 260:180


def test_editor_first_leaves_a_wide_enough_editor_alone() -> None:
    assert editor_first([230, 860, 330], (140, 220), 834) == [230, 860, 330]
    assert editor_first([140, 300, 220], (140, 220), 834) == [140, 300, 220]


def test_a_narrow_window_keeps_the_page_and_narrows_the_panels(window, qtbot) -> None:  # noqa: ANN001
    # A layout saved in a wide window, restored into a small screen's window.
    window.splitter.setSizes([230, 860, 330])
    window.resize(800, 700)
    qtbot.waitUntil(lambda: window.editor.width() > 300)
    outline, editor, sidebar = window.splitter.sizes()
    assert outline == max(window.outline.minimumWidth(), window.outline.minimumSizeHint().width())
    assert sidebar == max(window.sidebar.minimumWidth(), window.sidebar.minimumSizeHint().width())
    assert editor == window.editor.width() > 800 - outline - sidebar - 20

    # Wide again: the editor takes the new width (its stretch), the panels keep theirs.
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.editor.width() > 1000)
    assert window.splitter.sizes()[0] == outline

