"""The window's questions and notices, through two functions (``ask`` and ``inform``) that tests
and scripts can answer, and small facts about files they rest on."""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox  # made when a message is first shown (~1 ms)


def kept_safe() -> str:
    """Said after every failed save (a function: the language is known only once Qt runs)."""
    return translate("Safety", "The document is still in the window; none of your changes were lost.")


def ask(parent: QWidget | None, title: str, text: str, choices: list[tuple[str, str]], *,
        default: str | None = None, detail: str | None = None,
        icon: QMessageBox.Icon | None = None) -> str:
    """A modal question with buttons ``choices`` ((key, label), the last one cancels);
    returns the key of the button pressed (the cancelling key when the box is closed).
    ``icon`` defaults to the question mark."""
    from PySide6.QtWidgets import QMessageBox

    if icon is None:
        icon = QMessageBox.Icon.Question
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    if detail:
        box.setDetailedText(detail)
    buttons = {}
    button = None
    for n, (key, label) in enumerate(choices):
        role = QMessageBox.ButtonRole.RejectRole if n == len(choices) - 1 else QMessageBox.ButtonRole.AcceptRole
        button = box.addButton(label, role)
        buttons[button] = key
        if key == default:
            box.setDefaultButton(button)
    box.setEscapeButton(button)
    box.exec()
    return buttons.get(box.clickedButton(), choices[-1][0])


def inform(parent: QWidget | None, title: str, text: str, *, detail: str | None = None,
           modal: bool = True) -> QMessageBox:
    """A warning. Non-modal ones (a heads-up while the document opens) do not wait for an answer."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("safetyWarning")
    if detail:
        box.setDetailedText(detail)
    if modal:
        box.exec()
    else:
        box.setModal(False)
        box.show()
    return box


def read_only(path: Path) -> bool:
    """True for an existing file nobody may write (the read-only attribute on Windows, no w bits
    on Linux). Checked before saving: on Linux the atomic rename would replace it regardless."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return stat.S_ISREG(mode) and not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)


def same_file(a: Path | None, b: Path | None) -> bool:
    if a is None or b is None:
        return False
    try:
        return os.path.normcase(str(a.resolve())) == os.path.normcase(str(b.resolve()))
    except OSError:
        return a == b
