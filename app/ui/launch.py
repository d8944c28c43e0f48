"""Start the Qt application: the only way the command line reaches Qt."""
from __future__ import annotations

from collections.abc import Sequence


def run_window(path: str | None, screenshot: str | None, argv: Sequence[str], pdf: str | None = None) -> int:
    from app.ui.heap import no_collection_while_loading

    with no_collection_while_loading():
        from app.ui.startup import run

    return run(path, screenshot, list(argv), pdf=pdf)
