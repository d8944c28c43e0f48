"""Start-up (issue 8): what the first frame does not need loads after it, and nothing is lost by that.

A launched window (create_main_window, run) paints its first frame before the engine side loads:
no document model, bridge, tracker, highlighting or Beyond, no recovery store, lock or dialog
module. That frame looks like the finished window; the engine side follows right after it, and
a document opened or recovered before then is kept. The recovery prompt still comes whenever
there is a copy to offer; beyond's counts follow once the window has painted.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction, QImage

ROOT = Path(__file__).resolve().parents[2]

# Builds the window as a launch does and reports which modules were loaded by then.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.ui.startup import create_main_window
window = create_main_window(None)
names = ("app.io.locks", "app.io.recovery", "app.ui.recovery_ui", "app.io.save", "socket")
first = {name: name in sys.modules for name in names}
QTimer.singleShot(1500, app.quit)  # the first paint, and what follows it
app.exec()
print(json.dumps({"first": first, "later": {name: name in sys.modules for name in names}}))
"""


def _modules_at_start(data_home: Path) -> dict[str, dict[str, bool]]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data_home),
               XDG_CONFIG_HOME=str(data_home / "config"), TIANBAO_RECOVERY_ANSWER="later")
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_first_frame_loads_no_recovery_store_locks_or_writer(tmp_path: Path) -> None:
    loaded = _modules_at_start(tmp_path / "data")
    assert loaded["first"] == {name: False for name in loaded["first"]}
    # With no copies to offer, the prompt never loads.
    assert not loaded["later"]["app.ui.recovery_ui"]


def test_a_recovery_copy_loads_the_prompt_once_the_window_has_painted(tmp_path: Path) -> None:
    from app.io.recovery import RecoveryStore

    store = RecoveryStore(tmp_path / "data" / "Tianbao" / "recovery", session="gone")
    store.save(store.new_id(), None, "一、基本情况\n", title="未命名")
    store.close()
    loaded = _modules_at_start(tmp_path / "data")
    assert not loaded["first"]["app.ui.recovery_ui"]  # the first frame does not wait for it
    assert loaded["later"]["app.ui.recovery_ui"] and loaded["later"]["app.io.recovery"]


def test_safety_looks_where_the_store_keeps_its_copies(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from app.io import recovery
    from app.ui import safety

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert safety.default_recovery_root() == recovery.default_root() == tmp_path / "Tianbao" / "recovery"
    assert safety.RECOVERY_SUFFIX == recovery.SUFFIX


def test_recovery_folder_in_use(window, tmp_path: Path) -> None:  # noqa: ANN001
    from app.io.recovery import RecoveryStore

    root = tmp_path / "recovery"
    window.safety._store = RecoveryStore(root, session="mine")
    assert not window.safety.recovery_folder_in_use()  # no folder yet
    root.mkdir()
    assert not window.safety.recovery_folder_in_use()
    (root / ".abc.tmp").write_bytes(b"half a copy")
    assert window.safety.recovery_folder_in_use()  # left by a killed writer: tidied by the prompt
    (root / ".abc.tmp").unlink()
    window.safety.store.save("doc1", None, "正文", title="未命名")
    assert window.safety.recovery_folder_in_use()


def test_beyond_keys_are_there_at_once_and_its_counts_follow_the_first_paint(window, qtbot) -> None:  # noqa: ANN001
    for name, keys in (("actionPrint", "Ctrl+P"), ("actionSectionUp", "Alt+Shift+Up"),
                       ("actionDemote", "Alt+Shift+Right")):
        action = window.findChild(QAction, name)
        assert action is not None and action.shortcut().toString() == keys
    # Once the window has painted, beyond has counted the empty document and the autosave
    # machinery is loaded (the first keystroke does not wait for it).
    qtbot.waitUntil(lambda: window.safety._clock is not None and window.safety._store is not None)
    window.editor.setPlainText("一、基本情况\n本单位共有职工12人。\n")
    qtbot.keyClicks(window.editor, "3")
    window.refresh_now()
    assert [text for text in window.counts.section_count_texts() if text] and window.safety.clock.dirty


# What a launched window has before its first frame and once it has painted (a fresh process:
# the modules loaded are the point).
FIRST_FRAME_PROBE = """
import json, sys, time
from PySide6.QtTest import QTest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.ui.startup import create_main_window
window = create_main_window(None)
engine = ("app.core.document", "app.core.scan", "app.ui.report_document", "app.core.live_scan",
          "app.core.block_scan", "app.ui.operations", "app.ui.counts_view")
before = {"loaded": [m for m in engine if m in sys.modules], "started": window._started,
          "read_only": window.editor.isReadOnly(),
          "hints_in_sidebar": window.hints_panel.parent() is window.sidebar}
deadline = time.monotonic() + 20
while not window._started and time.monotonic() < deadline:
    app.processEvents()
window.editor.setPlainText("本单位共有职工人。")
cursor = window.editor.textCursor()
cursor.setPosition(7)
window.editor.setTextCursor(cursor)
QTest.keyClicks(window.editor, "X")
window.refresh_now()
after = {"loaded": [m for m in engine if m in sys.modules], "started": window._started,
         "read_only": window.editor.isReadOnly(),
         "print_key": window.findChild(QAction, "actionPrint").shortcut().toString(),
         "listed": len(window.snapshot.placeholders), "text": window.editor.toPlainText()}
print(json.dumps({"before": before, "after": after}))
"""


def test_a_launched_window_paints_before_its_engine_loads_then_works(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path / "config"), TIANBAO_RECOVERY_ANSWER="later")
    result = subprocess.run([sys.executable, "-c", FIRST_FRAME_PROBE], capture_output=True, text=True, cwd=ROOT,
                            env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["before"] == {"loaded": [], "started": False, "read_only": True, "hints_in_sidebar": True}
    after = seen["after"]
    assert after["started"] and not after["read_only"] and len(after["loaded"]) == 7
    assert after["print_key"] == "Ctrl+P"
    assert after["text"] == "本单位共有职工X人。" and after["listed"] == 1


def _differing_pixels(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return sum(a.pixel(x, y) != b.pixel(x, y) for y in range(0, a.height(), 2) for x in range(0, a.width(), 2))


def test_the_first_frame_looks_like_the_finished_window(chinese_app, qtbot, tmp_path: Path,
                                                        monkeypatch) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    finish = MainWindow.finish_start
    monkeypatch.setattr(MainWindow, "finish_start", lambda self: None)  # hold the first frame
    window = MainWindow(Settings(tmp_path / "config"), finish_later=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    first = window.grab().toImage()
    first_bar = window.statusBar().height()
    monkeypatch.setattr(MainWindow, "finish_start", finish)
    window.finish_start()
    qtbot.wait(50)
    finished = window.grab().toImage()
    assert window._started and window.hints_panel is window.hints_panel
    # Same status bar (height included), same font boxes, same panels; at most a caret differs.
    assert window.statusBar().height() == first_bar
    assert _differing_pixels(first, finished) <= 40


def test_a_document_opened_before_the_first_frame_is_kept(chinese_app, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    report = tmp_path / "报告.txt"
    report.write_text("一、基本情况\n本单位共有职工X人。\n", encoding="utf-8")
    window = MainWindow(Settings(tmp_path / "config"), finish_later=True)
    qtbot.addWidget(window)
    window.show()
    assert not window._started and window.editor.isReadOnly()
    assert window.open_path(report)  # a file named on the command line opens at once
    assert window._started and not window.editor.isReadOnly()
    qtbot.waitExposed(window)
    qtbot.wait(100)  # the first paint's finish_start comes and does nothing now
    assert window.path == report and "职工X人" in window.editor.toPlainText()
    assert [p.token for p in window.snapshot.placeholders] == ["X"]
    window.editor.document().setModified(False)


# -- the command line ---------------------------------------------------------------------------

COMMAND_PROBE = """
import json, sys
from app.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted(m for m in sys.modules if m.startswith("app.commands.") or m.startswith("PySide6"))),
      file=sys.stderr)
"""


def _commands_loaded(*args: str) -> list[str]:
    result = subprocess.run([sys.executable, "-c", COMMAND_PROBE, *args], capture_output=True, text=True, cwd=ROOT,
                            timeout=120, check=False)
    assert result.returncode in (0, 1), result.stderr
    return json.loads(result.stderr.strip().splitlines()[-1])


def test_a_command_line_loads_only_the_command_that_runs(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    report.write_text("一、基本情况\n本单位共有职工X人。\n", encoding="utf-8")
    assert _commands_loaded("scan", str(report), "--json") == []
    assert _commands_loaded("count", str(report)) == ["app.commands.count"]


def test_help_still_lists_every_command() -> None:
    result = subprocess.run([sys.executable, "-m", "app", "--help"], capture_output=True, text=True, cwd=ROOT,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    names = ["scan"] + [p.stem for p in (ROOT / "app" / "commands").glob("*.py") if not p.stem.startswith("_")]
    assert len(names) > 1 and all(name in result.stdout for name in names)
