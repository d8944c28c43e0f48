"""A report opened after another leaves nothing of the first behind (pytest-qt, offscreen)."""
from __future__ import annotations

import gc
import weakref
from pathlib import Path

from PySide6.QtCore import QEvent
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from app.ui.block_data import data_of

REPORT = "2025年度档案室工作总结\n一、档案接收\n全年接收档案X卷，整理XX件。\n二、查阅服务\n接待查阅X人次。\n"


def deferred_deletes() -> None:
    """What the event loop does between two user actions: objects given up with deleteLater go."""
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_opening_another_report_frees_the_first(window, tmp_path: Path) -> None:  # noqa: ANN001
    first, second = tmp_path / "一.txt", tmp_path / "二.txt"
    first.write_text(REPORT, "utf-8")
    second.write_text(REPORT.replace("档案", "文书"), "utf-8")
    assert window.open_path(first)
    old = window.editor.document()
    data = weakref.ref(data_of(old.findBlockByNumber(2)))
    assert window.open_path(second)
    deferred_deletes()
    gc.collect()
    # One document under the editor: the one shown; the first one's paragraphs and their data are gone.
    documents = window.editor.findChildren(QTextDocument)
    assert documents == [window.editor.document()]
    assert data() is None
    assert "文书" in window.editor.toPlainText() and "档案" not in window.editor.toPlainText()
    # The second report is whole and live after the first went.
    assert [p.token for p in window.snapshot.placeholders] == ["X", "XX", "X"]
