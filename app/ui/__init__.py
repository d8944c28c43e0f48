"""The window (Qt only): turns user actions into core operations."""
from __future__ import annotations


def create_main_window(path=None):  # noqa: ANN001, ANN201 - re-exported from app.ui.main_window
    """Build and show the main window for an existing QApplication, opening ``path`` if given."""
    from app.ui.main_window import create_main_window as create

    return create(path)
