"""Start-up (issue 8): what the first frame does not need loads after it, and nothing is lost by that.

The window's first frame waits for no recovery store, lock or dialog module; the recovery prompt
still comes whenever there is a copy to offer; beyond's menus and keys are there at once and its
counts follow once the window has painted.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QAction

ROOT = Path(__file__).resolve().parents[1]

# Builds the window as a launch does and reports which modules were loaded by then.
PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from app.ui.main_window import create_main_window
window = create_main_window(None)
names = ("app.io.locks", "app.io.recovery", "app.ui.recovery_ui", "app.io.save", "socket")
print(json.dumps({name: name in sys.modules for name in names}))
"""


def _modules_at_start(data_home: Path) -> dict[str, bool]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(data_home),
               XDG_CONFIG_HOME=str(data_home / "config"), TIANBAO_RECOVERY_ANSWER="later")
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=ROOT, env=env,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_first_frame_loads_no_recovery_store_locks_or_writer(tmp_path: Path) -> None:
    loaded = _modules_at_start(tmp_path / "data")
    assert loaded == {name: False for name in loaded}


def test_a_recovery_copy_loads_the_prompt_before_the_window_is_used(tmp_path: Path) -> None:
    from app.io.recovery import RecoveryStore

    store = RecoveryStore(tmp_path / "data" / "Tianbao" / "recovery", session="gone")
    store.save(store.new_id(), None, "一、基本情况\n", title="未命名")
    store.close()
    loaded = _modules_at_start(tmp_path / "data")
    assert loaded["app.ui.recovery_ui"] and loaded["app.io.recovery"]


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
    assert [text for text in window.beyond.section_count_texts() if text] and window.safety.clock.dirty


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
