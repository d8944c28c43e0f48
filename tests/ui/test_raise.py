"""Opening a document another Tianbao process has open brings that process's window forward,
through request files in the lock's endpoint folder (never a socket); a holder that does not
answer (hung) leaves the second window with the old message saying where the document is open."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtWidgets")

from app.io.locks import DocumentLock  # noqa: E402
from tests.ui.test_safety import Dialogs, report  # noqa: E402, F401

ROOT = Path(__file__).resolve().parents[2]

# A real window in its own process holding the document, minimised, reporting each time it is
# asked to come forward (one JSON line: its state after bringing itself forward).
APP_HOLDER = textwrap.dedent("""
    import json, sys
    from PySide6.QtWidgets import QApplication
    app = QApplication([sys.argv[0]])
    from app.ui import i18n
    from app.ui.startup import create_main_window
    translators = i18n.install(app, "zh_CN")
    window = create_main_window(sys.argv[1])
    window.showMinimized()
    app.processEvents()
    def report():
        print(json.dumps({"raised": True, "minimized": window.isMinimized(), "visible": window.isVisible(),
                          "path": str(window.path)}, ensure_ascii=False), flush=True)
    window.safety.brought_forward.connect(report)
    lock = window.safety.lock
    held = lock is not None and lock.held and window.safety.requests is not None
    print("held" if held and window.isMinimized() else f"busy (minimised: {window.isMinimized()})", flush=True)
    app.exec()
""")

# A holder that advertises a requests folder but never answers: a hung window.
HUNG_HOLDER = textwrap.dedent("""
    import sys, time
    from app.io.locks import DocumentLock
    folder = DocumentLock.requests_folder(sys.argv[1])
    lock = DocumentLock.acquire(sys.argv[1], endpoint=str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    print("held" if lock else "busy", flush=True)
    time.sleep(120)
""")


def _start(script: str, report: Path) -> subprocess.Popen:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.Popen([sys.executable, "-c", script, str(report)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, text=True, encoding="utf-8")
    line = proc.stdout.readline().strip()
    if line != "held":
        proc.kill()
        proc.wait(30)
        pytest.fail(f"holder did not take the lock: {line!r}")
    return proc


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait(30)
    proc.stdout.close()


def test_opening_a_file_held_by_another_process_brings_that_window_forward(window, report: Path,  # noqa: F811
                                                                           monkeypatch) -> None:  # noqa: ANN001
    holder = _start(APP_HOLDER, report)
    try:
        dialogs = Dialogs(monkeypatch)
        assert window.open_path(report) is False
        answer = json.loads(holder.stdout.readline())
        assert answer["raised"] is True and answer["minimized"] is False and answer["visible"] is True
        assert Path(answer["path"]) == report
        assert window.path is None  # not opened a second time here
        assert dialogs.told == []
        message = window.statusBar().currentMessage()
        assert "已在另一个填报窗口中打开" in message and "切换到前台" in message
        # The exchange leaves nothing behind in the holder's requests folder.
        assert list(DocumentLock.requests_folder(report).iterdir()) == []
        holder_info = DocumentLock.holder(report)
        assert holder_info is not None and holder_info.pid == holder.pid
        assert holder_info.endpoint == str(DocumentLock.requests_folder(report))
    finally:
        _stop(holder)
    # Gone, its lock and requests folder no longer count: the document opens here.
    assert window.open_path(report) is True
    assert window.safety.lock is not None and window.safety.requests == DocumentLock.requests_folder(report)


def test_a_holder_that_does_not_answer_gets_the_old_message(window, report: Path, monkeypatch) -> None:  # noqa: ANN001,F811
    holder = _start(HUNG_HOLDER, report)
    try:
        dialogs = Dialogs(monkeypatch)
        assert window.open_path(report) is False
        assert len(dialogs.told) == 1 and "已在另一个填报窗口中打开" in dialogs.told[0]
        assert str(holder.pid) in dialogs.told[0] and "前台" not in dialogs.told[0]
        assert window.path is None
        # The unanswered request was withdrawn.
        assert list(DocumentLock.requests_folder(report).iterdir()) == []
    finally:
        _stop(holder)


def test_requests_for_another_document_are_ignored(window, report: Path, tmp_path: Path, qtbot) -> None:  # noqa: ANN001,F811
    from app.io.locks import ack_path, send_raise_request

    assert window.open_path(report)
    folder = window.safety.requests
    assert folder is not None and folder.is_dir()
    raised: list[bool] = []
    window.safety.brought_forward.connect(lambda: raised.append(True))
    stray = send_raise_request(folder, tmp_path / "别的文件.docx")
    mine = send_raise_request(folder, report)
    qtbot.waitUntil(lambda: ack_path(mine).exists(), timeout=10000)
    assert raised == [True] and not mine.exists()
    assert stray.exists() and not ack_path(stray).exists()
    window.safety.closed()
    assert not folder.exists()


def test_a_second_app_started_for_a_held_file_hands_over_and_exits(report: Path) -> None:  # noqa: F811
    """A double-click in the file manager starts a new process: it brings the holder forward and
    goes away instead of leaving an empty window behind."""
    holder = _start(APP_HOLDER, report)
    try:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TIANBAO_RECOVERY_ANSWER="later")
        second = subprocess.run([sys.executable, "-m", "app", str(report)], cwd=ROOT, env=env,
                                capture_output=True, text=True, encoding="utf-8", timeout=60)
        assert second.returncode == 0, second.stderr
        answer = json.loads(holder.stdout.readline())
        assert answer["raised"] is True and Path(answer["path"]) == report
    finally:
        _stop(holder)
