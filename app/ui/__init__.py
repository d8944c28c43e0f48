"""The window (Qt only): turns user actions into core operations."""
from __future__ import annotations


def create_main_window(path=None):  # noqa: ANN001, ANN201 - app.ui.startup's
    """Build and show the main window for an existing QApplication, opening ``path`` if given."""
    from app.ui.heap import no_collection_while_loading

    with no_collection_while_loading():
        from app.ui.startup import create_main_window as create

    return create(path)
