"""Two offers under the sidebar's fill box.

- Same value, fill once (app.core.siblings): when the placeholder in hand stands in a quoted name
  that holds the same placeholder elsewhere (“X党建计划” twice), "Also fill the other N" is offered,
  ticked; Enter in the fill box then fills them all as one undo step.
- Template ads, from the moment the file opens: "Template ads: 11 · Clean up…" opens the clean-up
  dialog; the same plan (app.core.clean.clean_plan, read at open and after each one-step change,
  never per keystroke) gives the page its grey marks (placeholder_marks.paint_junk).
"""
from __future__ import annotations

import time
from typing import TYPE_CHECKING, Iterator

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from app.ui.fill_loop import this_year
from app.ui.i18n import arg

# The engine side is imported where used: the panel is part of the window's first frame.

if TYPE_CHECKING:
    from app.core.clean import CleanItem
    from app.core.placeholders import Placeholder
    from app.ui.main_window import MainWindow
    from app.ui.report_document import ReportDocument

# How long one slice of reading the template ads may hold the event loop (a key waits at most that).
READ_SLICE_S = 0.008
# Before it starts, the reading waits while Qt lays a long report out in the background (looking this
# often): a slice and a layout step in one turn of the event loop would make a key wait for both. It
# waits at most LAYOUT_WAIT_S (a report never laid out: a hidden editor).
LAYOUT_POLL_MS = 20
LAYOUT_WAIT_S = 5.0


class OffersPanel(QWidget):
    """The sibling offer and the template-ads line (shown only when there is something to say)."""

    cleanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.together = QCheckBox(self)
        self.together.setObjectName("fillTogether")
        self.together.setChecked(True)
        self.together.hide()
        self.ads = QLabel(self)
        self.ads.setObjectName("templateAds")
        self.ads.setTextFormat(Qt.TextFormat.RichText)
        self.ads.linkActivated.connect(lambda _link: self.cleanRequested.emit())
        self.ads.hide()
        layout.addWidget(self.together)
        layout.addWidget(self.ads)

    def set_siblings(self, n: int) -> None:
        if n:
            self.together.setText(arg(self.tr("Also fill the other %1", "", n), n))
        self.together.setVisible(n > 0)

    def set_ads(self, n: int) -> None:
        if n:
            self.ads.setText(arg(self.tr("Template ads in %1 places · <a href=\"clean\">Clean up…</a>", "", n), n))
        self.ads.setVisible(n > 0)


class SidebarOffers(QObject):
    """Works out what the OffersPanel offers and does it."""

    def __init__(self, window: MainWindow, panel: OffersPanel) -> None:
        super().__init__(window)
        self.window = window
        self.panel = panel
        self.junk: list[CleanItem] = []
        self._reading: Iterator[int] | None = None
        self._siblings: list[Placeholder] = []

    # -- same value, fill once -------------------------------------------------------------------

    def placeholder_chosen(self, placeholder: Placeholder | None) -> None:
        """The placeholder in hand changed (None: none)."""
        self._siblings = []
        # The snapshot's offsets must be the page's: while the lists are behind (just after a
        # fill), nothing is offered; the refresh asks again.
        if placeholder is not None and not self.window.lists_behind():
            from app.core.live_scan import lazy_texts
            from app.core.siblings import siblings_of

            snapshot = self.window.snapshot
            texts = lazy_texts(snapshot.datas)
            mine = next((p for p in snapshot.placeholders
                         if (p.block, p.start, p.token) == (placeholder.block, placeholder.start, placeholder.token)),
                        None)
            if mine is not None:
                self._siblings = [mine, *siblings_of(mine, snapshot.placeholders, texts)]
        self.panel.set_siblings(max(0, len(self._siblings) - 1))

    def fill(self, value: str) -> bool:
        """Fill the placeholder in hand and its siblings with ``value`` in one step, when offered
        and ticked; False when not (the fill loop fills the one)."""
        from dataclasses import replace

        from app.core.fill_checks import check_fill, filled_spans
        from app.core.live_scan import plain_text
        from app.core.siblings import fill_together
        from app.core.offsets import engine_offset

        window = self.window
        window.ensure_fresh()  # the siblings' offsets are the snapshot's: it must be the page's
        if len(self._siblings) < 2 or not self.panel.together.isChecked() or not self.panel.together.isVisible():
            return False
        placeholders = self._siblings
        first = placeholders[0]
        block_text = plain_text(window.snapshot.datas[first.block])
        check = check_fill(first, value, block_text, this_year())
        line_of = window.counts.keeper.line_of
        shown = [window.snapshot.datas[p.block].text or "" for p in placeholders]
        exported = [replace(p, block=line_of(p.block), start=engine_offset(t, p.start), end=engine_offset(t, p.end))
                    for p, t in zip(placeholders, shown)]
        if any(p.block < 0 for p in exported):
            return False
        change = fill_together(exported, check.value)
        if not window.operations.apply(change):
            return False
        window.fill_record.expect(*filled_spans(placeholders, check.value))
        window.fill_loop.completed(check.typed, check.value)
        window.operations.message(arg(self.tr("Filled in %1 places (one undo step)", "", len(placeholders)),
                                      len(placeholders)))
        self._siblings = []
        self.panel.set_siblings(0)
        window.refresh_now()
        window.sidebar.fill.clear()
        window.fill_loop.next_placeholder()
        return True

    # -- template ads ----------------------------------------------------------------------------

    def read_junk(self) -> None:
        """Read the clean-up plan of the report as shown (at open, after a one-step change): a
        slice of its lines per turn of the event loop, so that typing never waits for a long
        report's (0.17 s at 1,500 pages in one go); a reading under way starts over."""
        reading = self._reading = self._read(self.window.report)
        QTimer.singleShot(0, self, lambda: self._read_on(reading))

    def _read_on(self, reading: Iterator[int]) -> None:
        if reading is not self._reading:
            return  # given up for a newer one
        try:
            wait_ms = next(reading)
        except StopIteration:
            if self._reading is reading:
                self._reading = None
            return
        QTimer.singleShot(wait_ms, self, lambda: self._read_on(reading))

    def _read(self, report: ReportDocument) -> Iterator[int]:
        """The reading, a slice per step; each step yields how long to wait (ms) before the next."""
        from app.core.clean import clean_plan
        from app.core.junk import junk_in_line
        from app.core.scan import heading_in

        if report is not self.window.report:  # another report was shown before the first slice
            return
        deadline = time.monotonic() + LAYOUT_WAIT_S
        while not report.laid_out() and time.monotonic() < deadline:
            yield LAYOUT_POLL_MS
        document = report.export()
        blocks = report.blockCount()
        yield 0
        lines = []
        headings = {}
        due = time.perf_counter() + READ_SLICE_S
        for i, block in enumerate(document.blocks):
            lines.append(junk_in_line(block.text))
            heading = heading_in(block)
            if heading is not None:
                headings[i] = heading
            if time.perf_counter() > due:
                yield 0
                due = time.perf_counter() + READ_SLICE_S
        yield 0
        junk = clean_plan(document, lines, headings)
        yield 0
        if report is not self.window.report:
            return
        if report.blockCount() != blocks:
            # Paragraphs came or went while it was read: the plan's paragraph numbers are not the page's.
            self.read_junk()
            return
        self.junk = junk
        paragraphs = report.paragraphs()
        marks: dict[int, list[tuple[int, int, str]]] = {}
        for item in self.junk:
            if 0 <= item.block < len(paragraphs):
                number = paragraphs[item.block].blockNumber()
                start, end = (0, -1) if item.whole_block else (item.start, item.end)
                marks.setdefault(number, []).append((start, end, item.text))
        self.window.editor.junk_marks = marks
        self.window.editor.viewport().update()
        self.panel.set_ads(len(self.junk))


__all__ = ["OffersPanel", "SidebarOffers"]
