"""The status bar: one owner for each of its labels (the section the cursor is in, the character
count, what is left to fill, saved or not, progress towards a length target) and for its
passing messages."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

if TYPE_CHECKING:
    from app.core.counts import Progress


class StatusBar(QObject):
    """Writes the window's status bar; nothing else touches its labels."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        bar = window.statusBar()
        self.bar = bar
        self.section = QLabel(window)
        self.chars = QLabel(window)
        self.left = QLabel(window)
        self.saved = QLabel(window)
        for label in (self.section, self.chars, self.left, self.saved):
            label.setContentsMargins(8, 0, 8, 0)
        bar.addWidget(self.section, 1)
        bar.addPermanentWidget(self.chars)
        bar.addPermanentWidget(self.left)
        bar.addPermanentWidget(self.saved)
        # Progress towards a length target, shown when one is set (made hidden with the bar: its
        # height counts them from the first frame).
        self.progress_label = QLabel(window)
        self.progress_label.setObjectName("countProgressLabel")
        self.progress_label.setContentsMargins(8, 0, 8, 0)
        self.progress = QProgressBar(window)
        self.progress.setObjectName("countProgress")
        self.progress.setMaximumWidth(120)
        self.progress.setTextVisible(False)
        for widget in (self.progress_label, self.progress):
            widget.hide()
            bar.addPermanentWidget(widget)

    def show_section(self, title: str) -> None:
        self.section.setText(title)

    def show_chars(self, total: int, punctuation: bool = True) -> None:
        text = (self.tr("%1 characters", "", total) if punctuation
                else self.tr("%1 characters (punctuation not counted)", "", total))
        self.chars.setText(text.replace("%1", f"{total:,}"))

    def show_left(self, n: int, empty: bool = False) -> None:
        """``empty``: the document has no text at all (a new one, or an open that failed), which
        is nothing to call "all filled"."""
        if empty:
            self.left.setText("")
            return
        self.left.setText(self.tr("%1 left to fill", "", n).replace("%1", str(n)) if n else self.tr("All filled"))

    def show_saved(self, saved: bool) -> None:
        self.saved.setText(self.tr("Saved") if saved else self.tr("Not saved"))

    def show_progress(self, progress: Progress | None) -> None:
        if progress is None:
            self.progress_label.hide()
            self.progress.hide()
            return
        text = self.tr("Target %1 / %2 characters (%3%)", "", progress.target)
        text = text.replace("%1", f"{progress.count:,}").replace("%2", f"{progress.target:,}").replace(
            "%3", str(progress.percent))
        if progress.over:
            text += self.tr(", %1 over").replace("%1", f"{progress.over:,}")
        self.progress_label.setText(text)
        self.progress.setRange(0, 100)
        self.progress.setValue(min(100, progress.percent))
        self.progress_label.show()
        self.progress.show()

    def message(self, text: str, timeout_ms: int = 5000) -> None:
        self.bar.showMessage(text, timeout_ms)
