"""Drive the real window in its own process for the kill -9 test (tests/ui/test_recovery.py).

    recovery_driver.py FILE --type TEXT [--bold N]   open FILE through create_main_window, type TEXT
        at the end, make the first N characters bold, wait for the recovery copy, print one JSON
        line (the texts and runs the editor shows), then keep running until killed.
    recovery_driver.py FILE --report                 start as the app does (recovery offered and
        answered by TIANBAO_RECOVERY_ANSWER), print one JSON line about what is shown, exit.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def type_text(widget, text: str) -> None:  # noqa: ANN001
    """Type ``text`` as a Chinese input method delivers it: one committed string per character
    (QTest.keyClicks only knows ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        event = QInputMethodEvent("", [])
        event.setCommitString(ch)
        QApplication.sendEvent(widget, event)
        QApplication.processEvents()


def shown(window) -> dict:  # noqa: ANN001
    from app.io.docx_reader import runs_key

    document = window.current_document()
    return {"texts": document.texts,
            "runs": [[[text, asdict(fmt)] for text, fmt in runs_key(b.runs)] for b in document.blocks]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--type", default="")
    parser.add_argument("--bold", type=int, default=0)
    parser.add_argument("--report", action="store_true")
    args = parser.parse_args()

    from PySide6.QtGui import QTextCursor
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from app.ui import i18n, recovery_ui
    from app.ui.startup import create_main_window

    translators = i18n.install(app)
    offered: list[str | None] = []
    ask = recovery_ui.ask_recovery
    recovery_ui.ask_recovery = lambda parent, entry: offered.append(entry.original_path) or ask(parent, entry)
    window = create_main_window(args.path)

    if args.report:
        print(json.dumps({"offered": offered, "path": str(window.path), "title": window.windowTitle(),
                          "modified": window.editor.document().isModified(), **shown(window)},
                         ensure_ascii=False), flush=True)
        window.editor.document().setModified(False)
        window.close()
        del translators
        return 0

    editor = window.editor
    editor.setFocus()
    editor.moveCursor(QTextCursor.MoveOperation.End)
    type_text(editor, args.type)
    if args.bold:
        cursor = editor.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.Start)
        cursor.movePosition(QTextCursor.MoveOperation.Right, QTextCursor.MoveMode.KeepAnchor, args.bold)
        editor.setTextCursor(cursor)
        window.actions.act_bold.setChecked(True)
        window.formatting.toggle_bold()
    store = window.safety.store
    deadline = time.monotonic() + 60
    # Wait for the autosave timer (not a direct call): this is what a real session does.
    while not store.list() or window.safety.clock.dirty:
        if time.monotonic() > deadline:
            print("no recovery copy within a minute", file=sys.stderr)
            return 1
        app.processEvents()
        time.sleep(0.02)
    print(json.dumps({"copies": len(store.list()), **shown(window)}, ensure_ascii=False), flush=True)
    return app.exec()  # until killed


if __name__ == "__main__":
    raise SystemExit(main())
