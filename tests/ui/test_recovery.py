"""Recovery copies in the window: written while a document has unsaved changes, offered at the
next start after a crash (恢复 / 放弃 / 稍后再说), restored with the same text and formatting,
gone after a clean close. The last test really kills the app with SIGKILL and starts it again."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from PySide6.QtGui import QTextCursor  # noqa: E402

from app.core.document import Document  # noqa: E402
from app.io.docx_reader import package_state  # noqa: E402
from app.io.load import load  # noqa: E402
from app.io.recovery import RecoveryStore  # noqa: E402
from app.io.recovery_payload import recovery_bytes, restore  # noqa: E402
from app.io.save import save_document  # noqa: E402
from tests.fixtures_docx import build_report  # noqa: E402
from tests.recovery_driver import type_text  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).resolve().parents[1] / "recovery_driver.py"


def shown(document: Document) -> list[tuple[str, tuple]]:
    """Text and run formats of each block, runs split the same way whatever the editor did."""
    from app.io.docx_reader import runs_key

    return [(b.text, runs_key(b.runs), b.format, b.cell) for b in document.blocks]


def type_at_end_of(window, qtbot, text_in_block: str, typed: str) -> None:  # noqa: ANN001
    editor = window.editor
    block = editor.document().begin()
    while block.isValid() and text_in_block not in block.text():
        block = block.next()
    assert block.isValid(), text_in_block
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(cursor)
    editor.setFocus()
    type_text(editor, typed)


def bold_first_chars(window, count: int) -> None:  # noqa: ANN001
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, count)
    window.editor.setTextCursor(cursor)
    window.actions.act_bold.setChecked(True)
    window.formatting.toggle_bold()


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return build_report(tmp_path / "述职 报告.docx")


def crash(window) -> None:  # noqa: ANN001
    """What a kill leaves: the copy on disk, its writer's session gone; the window never closes."""
    window.safety.timer.stop()
    window.safety.store.close()
    window.safety.copy_written = False  # the dead process would not discard it
    window.editor.document().setModified(False)


def test_copy_holds_the_edits_without_touching_the_package(window, report: Path, qtbot) -> None:  # noqa: ANN001
    assert window.open_path(report)
    state = package_state(window.document.source)
    type_at_end_of(window, qtbot, "之后的文字", "，再加一句")
    bold_first_chars(window, 4)
    before = window.current_document()
    assert window.safety.autosave_now()
    # The live package is as read: autosave is not a save.
    assert state.main_changed is False
    paragraph = next(b.source for b in window.document.blocks if "之后的文字" in b.text)
    assert "再加一句" not in "".join(paragraph.itertext())
    [entry] = window.safety.store.list()
    assert entry.original_path == str(report)
    copy = restore(window.safety.store.load(entry.id))
    assert shown(copy.document) == shown(before)
    assert copy.opened_mtime == window.session.opened_mtime
    # Saved from the copy, the file has the edits and keeps the image and the comment.
    out = report.with_name("from-copy.docx")
    save_document(copy.document, out)
    again = load(out)
    assert shown(again) == shown(before)
    import zipfile

    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert any(n.startswith("word/media/") for n in names) and "word/comments.xml" in names


def test_autosave_follows_the_clock_and_a_save_removes_the_copy(window, report: Path, qtbot,
                                                                monkeypatch) -> None:  # noqa: ANN001
    assert window.open_path(report)
    window.safety.clock.pause_s = 0.05
    store = window.safety.store
    assert store.list() == []
    type_at_end_of(window, qtbot, "落款单位", "（盖章）")
    qtbot.waitUntil(lambda: len(store.list()) == 1, timeout=5000)
    assert window.safety.timer.isActive() is False
    window.save()
    assert not window.editor.document().isModified()
    assert store.list() == []
    assert "落款单位（盖章）" in load(report).texts


def test_clean_close_removes_the_copy(chinese_app, qtbot, report: Path, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QMessageBox

    from app.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(report)
    type_at_end_of(window, qtbot, "落款单位", "甲")
    assert window.safety.autosave_now()
    store = RecoveryStore()
    assert len(store.list()) == 1
    # 不保存 at the close prompt is a clean close too: the user chose to drop the changes.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert window.close()
    assert store.list() == [] and store.orphans() == []
    assert "甲" not in "".join(load(report).texts)


@pytest.mark.parametrize("answer", ["recover", "discard", "later"])
def test_next_start_offers_each_copy(chinese_app, qtbot, window, report: Path, monkeypatch,
                                     answer: str) -> None:  # noqa: ANN001
    from app.ui import recovery_ui, startup

    assert window.open_path(report)
    type_at_end_of(window, qtbot, "之后的文字", "：补一张合影")
    bold_first_chars(window, 2)
    expected = shown(window.current_document())
    assert window.safety.autosave_now()
    crash(window)

    asked = []
    monkeypatch.setattr(recovery_ui, "ask_recovery", lambda parent, entry: asked.append(entry) or answer)
    again = startup.create_main_window(None)
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: bool(asked))  # once the window has painted
        assert [e.original_path for e in asked] == [str(report)]
        store = RecoveryStore()
        if answer == "recover":
            assert again.path == report
            assert again.editor.document().isModified()
            assert "已恢复" in again.windowTitle()
            assert shown(again.current_document()) == expected
            # Saving writes the recovered work over the original file; the copy goes.
            assert again.save()
            assert shown(load(report)) == expected
            assert store.list() == []
        elif answer == "discard":
            assert again.path is None
            assert store.list() == []
        else:
            assert again.path is None
            assert [e.original_path for e in store.orphans()] == [str(report)]
    finally:
        again.editor.document().setModified(False)
        again.close()


def test_recovered_plain_text_document_keeps_its_bold(chinese_app, qtbot, window, tmp_path: Path,
                                                      monkeypatch) -> None:  # noqa: ANN001
    from app.ui import recovery_ui, startup

    source = tmp_path / "提纲.txt"
    source.write_text("一、基本情况\n本单位共有职工X人。\n", encoding="utf-8")
    assert window.open_path(source)
    assert window.document.origin == "text"
    bold_first_chars(window, 6)
    type_at_end_of(window, qtbot, "职工", "（含退休）")
    expected = shown(window.current_document())
    assert any(r[1].bold for r in expected[0][1])
    assert window.safety.autosave_now()
    crash(window)
    monkeypatch.setattr(recovery_ui, "ask_recovery", lambda parent, entry: "recover")
    again = startup.create_main_window(None)
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: again.path == source)  # offered once the window has painted
        assert shown(again.current_document()) == expected
        first = again.editor.document().begin()
        assert first.begin().fragment().charFormat().fontWeight() >= 600
    finally:
        again.editor.document().setModified(False)
        again.close()


def test_start_with_a_file_and_a_copy_of_another(chinese_app, qtbot, window, report: Path, tmp_path: Path,
                                                 monkeypatch) -> None:  # noqa: ANN001
    """A copy of another document recovered at start: the file asked for opens in its own window."""
    from app.ui import recovery_ui, startup

    assert window.open_path(report)
    type_at_end_of(window, qtbot, "落款单位", "乙")
    assert window.safety.autosave_now()
    crash(window)
    other = build_report(tmp_path / "另一份.docx")
    monkeypatch.setattr(recovery_ui, "ask_recovery", lambda parent, entry: "recover")
    first = startup.create_main_window(other)
    qtbot.addWidget(first)
    try:
        assert first.path == report and first.editor.document().isModified()
        opened = [w for w in recovery_ui._windows if getattr(w, "path", None) == other]
        assert len(opened) == 1
        opened[0].close()
    finally:
        first.editor.document().setModified(False)
        first.close()
        recovery_ui._windows.clear()


def test_damaged_copy_is_a_refusal_not_a_crash() -> None:
    from app.io.errors import DocumentError

    for payload in (b"", b"TIANBAO-COPY 1\nnot json\n", b'TIANBAO-COPY 1\n{"origin":"docx","blocks":[]}\nPK'):
        with pytest.raises(DocumentError):
            restore(payload)
    good = recovery_bytes(Document.from_lines(["甲", "乙"]))
    assert restore(good).document.texts == ["甲", "乙"]


def _driver(tmp: Path, *args: str, answer: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_AUTOSAVE_PAUSE="0.3",
               TIANBAO_CONFIG_DIR=str(tmp / "config"), XDG_DATA_HOME=str(tmp / "data"), TIANBAO_LANG="zh_CN")
    env.pop("TIANBAO_RECOVERY_ANSWER", None)
    if answer:
        env["TIANBAO_RECOVERY_ANSWER"] = answer
    return subprocess.Popen([sys.executable, str(DRIVER), *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _line(proc: subprocess.Popen, timeout: float = 120) -> dict:
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    while True:
        if not sel.select(timeout):
            proc.kill()
            raise AssertionError("the app said nothing: " + proc.stderr.read())
        line = proc.stdout.readline()
        if not line:
            raise AssertionError("the app ended: " + proc.stderr.read())
        if line.startswith("{"):
            return json.loads(line)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_kill_9_then_restart_offers_the_same_text(tmp_path: Path) -> None:
    report = build_report(tmp_path / "年度 述职报告.docx")
    typed = "（新增：全年走访群众120户）"
    first = _driver(tmp_path, str(report), "--type", typed, "--bold", "3")
    try:
        before = _line(first)
        assert before["copies"] == 1
        assert any(typed in text for text in before["texts"])
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    finally:
        if first.poll() is None:
            first.kill()
        first.stdout.close()
        first.stderr.close()
    assert first.returncode == -signal.SIGKILL
    # The copy lives in the user data folder; nothing was written beside the user's file.
    assert len(list((tmp_path / "data").rglob("*.tbrec"))) == 1
    assert [p.name for p in report.parent.iterdir() if p.is_file()] == [report.name]

    second = _driver(tmp_path, str(report), "--report", answer="recover")
    try:
        after = _line(second)
        second.wait(60)
    finally:
        if second.poll() is None:
            second.kill()
        second.stdout.close()
        second.stderr.close()
    assert after["offered"] == [str(report)]
    assert after["path"] == str(report)
    assert after["modified"] is True
    assert after["texts"] == before["texts"]
    assert after["runs"] == before["runs"]
    # The original file was never written; the clean exit removed the copy.
    assert typed not in "".join(load(report).texts)
    assert list((tmp_path / "data").rglob("*.tbrec")) == []


def test_never_saved_document_comes_back_untitled(chinese_app, qtbot, window, monkeypatch) -> None:  # noqa: ANN001
    from app.ui import recovery_ui, startup

    window.new_file()
    type_text(window.editor, "关于开展安全检查的通知")
    expected = window.current_document().texts
    assert window.safety.autosave_now()
    crash(window)
    monkeypatch.setattr(recovery_ui, "ask_recovery", lambda parent, entry: "recover")
    again = startup.create_main_window(None)
    qtbot.addWidget(again)
    try:
        qtbot.waitUntil(lambda: again.editor.document().isModified())  # offered once the window has painted
        assert again.path is None
        assert again.editor.document().isModified()
    finally:
        again.editor.document().setModified(False)
        again.close()


def test_damaged_copy_at_start_is_reported_and_kept(chinese_app, qtbot, window, report: Path,
                                                    monkeypatch) -> None:  # noqa: ANN001
    from app.ui import recovery_ui, startup

    store = RecoveryStore(session="deadsession")
    store.save(store.new_id(), report, b"TIANBAO-COPY 1\n{broken")
    store.close()
    told = []
    monkeypatch.setattr(recovery_ui, "ask_recovery", lambda parent, entry: "recover")
    monkeypatch.setattr(recovery_ui, "inform", lambda parent, title, text, **k: told.append(text))
    again = startup.create_main_window(report)
    qtbot.addWidget(again)
    try:
        assert len(told) == 1 and "损坏" in told[0]
        # The file asked for still opens; the damaged copy stays where it was for a later look.
        assert again.path == report and not again.editor.document().isModified()
        assert len(RecoveryStore().list()) == 1
    finally:
        again.close()


def test_copy_is_written_while_typing_goes_on(window, report: Path, qtbot) -> None:  # noqa: ANN001
    """Typing that never pauses still gets a copy (the clock's upper bound, here shortened)."""
    assert window.open_path(report)
    window.safety.clock.pause_s = 3600
    window.safety.clock.max_interval_s = 0.2
    store = window.safety.store
    for _ in range(500):
        type_text(window.editor, "字")
        qtbot.wait(10)
        if store.list():
            break
    assert len(store.list()) == 1


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")
def test_real_app_start_offers_the_copy(tmp_path: Path) -> None:
    """`python -m app FILE` itself (not the driver) offers what a killed window left: answered
    放弃 through TIANBAO_RECOVERY_ANSWER, the copy goes while the app runs on."""
    report = build_report(tmp_path / "报告.docx")
    first = _driver(tmp_path, str(report), "--type", "（补充）")
    try:
        _line(first)
        os.kill(first.pid, signal.SIGKILL)
        first.wait(30)
    finally:
        if first.poll() is None:
            first.kill()
        first.stdout.close()
        first.stderr.close()
    copies = tmp_path / "data"
    assert len(list(copies.rglob("*.tbrec"))) == 1
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_CONFIG_DIR=str(tmp_path / "config"),
               XDG_DATA_HOME=str(copies), TIANBAO_RECOVERY_ANSWER="discard")
    app = subprocess.Popen([sys.executable, "-m", "app", str(report)], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        import time

        deadline = time.monotonic() + 120
        while list(copies.rglob("*.tbrec")) and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert app.poll() is None, app.stderr.read()  # still running: the window is up
        assert list(copies.rglob("*.tbrec")) == []
    finally:
        app.kill()
        app.wait(30)
        app.stderr.close()


def test_autosave_between_a_deletion_and_its_undo_loses_nothing(window, report: Path, qtbot) -> None:  # noqa: ANN001
    """Why a copy never writes into the open package: the image paragraph deleted, a copy taken,
    the deletion undone, then saved: the image is still in the file."""
    import zipfile

    assert window.open_path(report)
    editor = window.editor
    block = editor.document().begin()
    while "之后的文字" not in block.text():
        block = block.next()
    cursor = QTextCursor(block)
    cursor.movePosition(QTextCursor.MoveOperation.NextBlock, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    cursor.removeSelectedText()
    assert "之后的文字" not in editor.toPlainText()
    assert window.safety.autosave_now()
    editor.undo()
    assert "之后的文字" in editor.toPlainText()
    assert window.save()
    with zipfile.ZipFile(report) as z:
        body = z.read("word/document.xml").decode("utf-8")
        assert any(n.startswith("word/media/") for n in z.namelist())
    assert "之后的文字" in body and "<w:drawing" in body
