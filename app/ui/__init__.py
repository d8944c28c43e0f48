"""The window (Qt only): turns user actions into core operations."""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_collection_while_loading() -> Iterator[None]:
    """The collector paused while the window's modules load: what they make (modules, classes,
    Qt's enum classes) all stays, so its passes over them would find nothing (a few ms at start)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def create_main_window(path=None):  # noqa: ANN001, ANN201 - re-exported from app.ui.main_window
    """Build and show the main window for an existing QApplication, opening ``path`` if given."""
    with no_collection_while_loading():
        from app.ui.main_window import create_main_window as create

    return create(path)
