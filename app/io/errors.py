"""One error type for every file the app cannot read or write, carrying a message for people."""
from __future__ import annotations


class DocumentError(Exception):
    """A file cannot be opened or saved. ``message`` is Chinese, written for the user."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail

    def __str__(self) -> str:
        return self.message
