"""Saves that cannot happen, files changed behind the window's back, the 历史版本 dialog, and one
document, one owner (another Tianbao process, Word's ~$ owner file). Real files, real locks held
by real processes; dialogs answered through app.ui.safety.ask / inform."""
from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtWidgets import QFileDialog  # noqa: E402

from app.io.errors import DocumentError  # noqa: E402
from app.io.load import load  # noqa: E402
from app.io.save import backups_of  # noqa: E402
from tests.fixtures_docx import build_report  # noqa: E402
from tests.recovery_driver import type_text  # noqa: E402
from tests.ui.test_recovery import type_at_end_of  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]


class Dialogs:
    """Records every question and warning and gives scripted answers."""

    def __init__(self, monkeypatch, answers: list[str] | None = None) -> None:  # noqa: ANN001
        from app.ui import history_dialog, safety

        self.asked: list[tuple[str, str, list[str]]] = []
        self.told: list[str] = []
        self.answers = list(answers or [])
        monkeypatch.setattr(safety, "ask", self.ask)
        monkeypatch.setattr(history_dialog.dialogs, "ask", self.ask)
        monkeypatch.setattr(safety, "inform", self.inform)

    def ask(self, parent, title, text, choices, **kwargs) -> str:  # noqa: ANN001
        self.asked.append((title, text, [key for key, _ in choices]))
        return self.answers.pop(0)

    def inform(self, parent, title, text, **kwargs):  # noqa: ANN001, ANN201
        self.told.append(text)
        return None


@pytest.fixture
def report(tmp_path: Path) -> Path:
    folder = tmp_path / "工作 文件夹"
    folder.mkdir()
    return build_report(folder / "述职报告.docx")


def edit(window, qtbot, typed: str = "（已核实）") -> None:  # noqa: ANN001
    type_at_end_of(window, qtbot, "落款单位", typed)
    assert window.editor.document().isModified()


def test_read_only_file_offers_save_as_and_keeps_the_changes(window, report: Path, qtbot, monkeypatch,
                                                            tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(report)
    edit(window, qtbot)
    before = report.read_bytes()
    report.chmod(0o444)
    try:
        dialogs = Dialogs(monkeypatch, ["cancel"])
        assert window.save() is False
        [(title, text, choices)] = dialogs.asked
        assert title == "无法保存" and "只读" in text and "没有丢失" in text
        assert choices == ["save_as", "cancel"]
        assert report.read_bytes() == before
        assert window.editor.document().isModified()
        assert "落款单位（已核实）" in window.editor.toPlainText()

        # 另存为 from the same message: the work goes to a new file, which becomes the document.
        target = tmp_path / "另存 副本.docx"
        dialogs.answers = ["save_as"]
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        assert window.save() is True
        assert window.path == target and not window.editor.document().isModified()
        assert "落款单位（已核实）" in load(target).texts
        assert report.read_bytes() == before
    finally:
        report.chmod(0o644)


def test_injected_failure_leaves_the_file_and_the_window_as_they_were(window, report: Path, qtbot,
                                                                      monkeypatch) -> None:  # noqa: ANN001
    from app.ui import session

    assert window.open_path(report)
    edit(window, qtbot)
    before = report.read_bytes()

    def disk_full(*args, **kwargs) -> None:  # noqa: ANN002, ANN003
        raise DocumentError("无法保存：磁盘空间不足。原文件没有改动。", "OSError: [Errno 28] No space left on device")

    monkeypatch.setattr(session, "save_document", disk_full)
    dialogs = Dialogs(monkeypatch, ["cancel"])
    assert window.save() is False
    assert "磁盘空间不足" in dialogs.asked[0][1]
    assert report.read_bytes() == before
    assert window.editor.document().isModified() and window.path == report
    assert "没有保存" in window.statusBar().currentMessage()

    # An unexpected error inside the writer is the same: a message, nothing lost.
    monkeypatch.setattr(session, "save_document", lambda *a, **k: 1 / 0)
    dialogs.answers = ["cancel"]
    assert window.save() is False
    assert "ZeroDivisionError" not in dialogs.asked[1][1] and "保存时出错" in dialogs.asked[1][1]
    assert window.editor.document().isModified()


def test_vanished_folder(window, report: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    assert window.open_path(report)
    edit(window, qtbot)
    moved = report.parent.with_name("拔掉的U盘")
    shutil.move(report.parent, moved)
    dialogs = Dialogs(monkeypatch, ["cancel"])
    assert window.save() is False
    assert "不存在" in dialogs.asked[0][1]
    assert not report.parent.exists()
    assert window.editor.document().isModified()


def test_file_changed_on_disk_asks_before_overwriting(window, report: Path, qtbot, monkeypatch,
                                                      tmp_path: Path) -> None:  # noqa: ANN001
    assert window.open_path(report)
    edit(window, qtbot)
    # Someone else saves the file meanwhile (a colleague, or Word).
    theirs = build_report(tmp_path / "theirs.docx").read_bytes()
    report.write_bytes(theirs)
    os.utime(report, (time.time() + 5, time.time() + 5))

    dialogs = Dialogs(monkeypatch, ["cancel"])
    assert window.save() is False
    assert dialogs.asked[0][2] == ["overwrite", "save_as", "cancel"]
    assert report.read_bytes() == theirs
    assert window.editor.document().isModified()

    dialogs.answers = ["overwrite"]
    assert window.save() is True
    assert "落款单位（已核实）" in load(report).texts
    # Their version is not lost: it is the newest kept version.
    assert backups_of(report)[-1].read_bytes() == theirs
    # And from now on the window's own save is the baseline: no question next time.
    edit(window, qtbot, "。")
    assert window.save() is True and len(dialogs.asked) == 2


def test_history_dialog_lists_and_restores_a_version(window, report: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from app.ui.history_dialog import HistoryDialog

    assert window.open_path(report)
    first_text = load(report).texts
    edit(window, qtbot, "一")
    assert window.save()
    edit(window, qtbot, "二")
    assert window.save()
    assert len(backups_of(report)) == 2

    # window.actions.menus, not QAction.menu(): PySide6 6.9 (the older-glibc build) deletes the menu that
    # QAction.menu() returns.
    assert window.actions.act_history in window.actions.menus["file"].actions()
    dialog = HistoryDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "KB" in dialog.list.item(0).text()
    # Newest first: the oldest kept version is the file as first opened.
    dialog.list.setCurrentRow(1)
    dialogs = Dialogs(monkeypatch, ["cancel"])
    assert dialog.restore_selected() is False
    assert "落款单位一二" in window.editor.toPlainText()
    dialogs.answers = ["restore"]
    assert dialog.restore_selected() is True
    assert window.current_document().texts == first_text
    assert window.path == report and window.editor.document().isModified()
    assert "的版本" in window.windowTitle()
    assert "落款单位一二" in load(report).texts  # the file itself waits for a save
    assert window.save()
    assert load(report).texts == first_text


def test_history_of_a_new_document_is_empty(window, qtbot) -> None:  # noqa: ANN001
    from app.ui.history_dialog import HistoryDialog

    dialog = HistoryDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 0 and not dialog.restore_button.isEnabled()
    assert "没有保存过" in dialog.note.text()


HOLDER = textwrap.dedent("""
    import sys, time
    from app.io.locks import DocumentLock
    lock = DocumentLock.acquire(sys.argv[1])
    print("held" if lock else "busy", flush=True)
    time.sleep(120)
""")


@pytest.fixture
def other_process(report: Path):  # noqa: ANN201
    """Another process holding Tianbao's lock on ``report``, as a second app would."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(report)], cwd=ROOT, env=dict(os.environ),
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    yield proc
    if proc.poll() is None:
        proc.kill()
    proc.wait(30)
    proc.stdout.close()


def test_file_open_in_another_tianbao_is_not_opened_twice(window, report: Path, monkeypatch,
                                                         other_process) -> None:  # noqa: ANN001
    dialogs = Dialogs(monkeypatch)
    assert window.open_path(report) is False
    assert len(dialogs.told) == 1 and "已在另一个填报窗口中打开" in dialogs.told[0]
    assert str(other_process.pid) in dialogs.told[0]
    assert window.path is None

    # Once that process is gone (even killed), its lock no longer counts.
    other_process.send_signal(signal.SIGKILL)
    other_process.wait(30)
    assert window.open_path(report) is True
    assert window.safety.lock is not None and window.safety.lock.held


def test_same_file_in_another_window_of_this_process_is_brought_forward(window, chinese_app, qtbot,
                                                                       report: Path) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow

    assert window.open_path(report)
    second = MainWindow(window.settings)
    qtbot.addWidget(second)
    second.show()
    assert second.open_path(report) is False
    assert second.path is None and window.path == report
    second.close()


def test_word_owner_file_gets_a_warning_naming_the_owner(window, report: Path, monkeypatch) -> None:  # noqa: ANN001
    name = "王主任"
    data = bytes([6]) + b"wangzr".ljust(53, b"\0") + struct.pack("<H", len(name)) + name.encode("utf-16-le")
    # Word shortens the owner file's name for stems of 7+ characters; this stem has 4.
    (report.parent / ("~$" + report.name)).write_bytes(data.ljust(162, b"\0"))
    dialogs = Dialogs(monkeypatch)
    assert window.open_path(report) is True
    assert len(dialogs.told) == 1
    assert name in dialogs.told[0] and "Word" in dialogs.told[0]
    assert name in window.statusBar().currentMessage()


def test_lock_follows_the_document(window, report: Path, tmp_path: Path, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from app.io.locks import DocumentLock

    assert window.open_path(report)
    assert DocumentLock.holder(report).pid == os.getpid()
    target = tmp_path / "新名字.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    edit(window, qtbot)
    assert window.save_as()
    assert DocumentLock.holder(target).pid == os.getpid()
    assert DocumentLock.holder(report) is None
    window.close()
    assert DocumentLock.holder(target) is None


def test_typing_with_an_input_method_marks_the_document_changed(window, report: Path) -> None:  # noqa: ANN001
    assert window.open_path(report)
    type_text(window.editor, "测")
    assert window.editor.document().isModified() and window.safety.clock.dirty


def test_ask_returns_the_key_of_the_button_pressed(chinese_app, qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.ui.safety import ask

    def press(label: str) -> None:
        box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
        assert box.defaultButton().text() == "另存为…"
        next(b for b in box.buttons() if b.text() == label).click()

    choices = [("overwrite", "覆盖"), ("save_as", "另存为…"), ("cancel", "取消")]
    for label, key in (("覆盖", "overwrite"), ("取消", "cancel")):
        QTimer.singleShot(0, lambda label=label: press(label))
        assert ask(None, "文件已被修改", "？", choices, default="save_as") == key
