"""A check the test suite turns on (TIANBAO_CHECK_REFRESH=1): after every refresh, what the window
worked out from the paragraphs that changed is compared with working it all out from scratch.
Every window test then also tests the incremental refresh, whatever it does to the text."""
from __future__ import annotations

import datetime
import os

ENABLED = os.environ.get("TIANBAO_CHECK_REFRESH") == "1"


def check_refresh(window) -> None:  # noqa: ANN001 - MainWindow
    """Raise AssertionError when the window's snapshot or figures differ from ones made afresh."""
    from app.ui.tracker import collect

    fresh = collect(window.editor.document())
    mine = window.snapshot
    for name in ("sections", "placeholders", "chars"):
        if getattr(fresh, name) != getattr(mine, name):
            raise AssertionError(f"incremental refresh differs from a fresh one in {name} (edit {mine.edit})")
    beyond = getattr(window, "beyond", None)
    keeper = getattr(beyond, "_figures", None)
    if keeper is None or keeper.hints_pending:
        return
    from app.ui.beyond import _paragraph_hints
    from app.ui.figures import FigureKeeper

    punctuation = not beyond.act_no_punct.isChecked()
    figures = FigureKeeper(_paragraph_hints).update(fresh, punctuation, datetime.date.today().year)
    kept = keeper.figures
    for name in ("counts", "total", "sections", "lines", "hints"):
        if getattr(figures, name) != getattr(kept, name):
            raise AssertionError(f"incremental figures differ from fresh ones in {name} (edit {mine.edit})")
