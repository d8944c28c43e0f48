"""Start the real window in its own process, in the language TIANBAO_LANG asks for (as
app.ui.main_window.run does), open FILE and print one JSON line: every piece of UI text the
window shows (tests/test_ui_i18n.py).

    i18n_driver.py FILE [--screenshot PNG]

A process of its own because the test session's QApplication has the Chinese translation
installed for good (tests/conftest.py); here the translators are exactly the ones the app
would install.
"""
from __future__ import annotations

import argparse
import os
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _menu_texts(menu, where: str, out: list[dict]) -> None:  # noqa: ANN001 - QMenu
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        name = sub.objectName() if sub is not None else action.objectName()
        out.append({"where": where, "name": name, "text": action.text(), "menu": menu.objectName()})
        if action.toolTip() and action.toolTip() != action.text().replace("&", ""):
            out.append({"where": where + " tooltip", "name": name, "text": action.toolTip()})
        if sub is not None:
            _menu_texts(sub, f"{where} > {action.text()}", out)


def collect(window) -> dict:  # noqa: ANN001 - MainWindow
    from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QToolBar, QToolButton, QWidget

    texts: list[dict] = []
    for action in window.menuBar().actions():
        texts.append({"where": "menu bar", "name": action.menu().objectName(), "text": action.text()})
        _menu_texts(action.menu(), action.text(), texts)
    for bar in window.findChildren(QToolBar):
        texts.append({"where": "toolbar title", "name": bar.objectName(), "text": bar.windowTitle()})
        for action in bar.actions():
            if action.isSeparator():
                continue
            widget = bar.widgetForAction(action)
            if isinstance(widget, QComboBox):
                items = [widget.itemText(i) for i in range(widget.count())]
                texts.append({"where": "toolbar box", "name": widget.objectName(), "text": " | ".join(items)})
                texts.append({"where": "toolbar box name", "name": widget.objectName(),
                              "text": widget.accessibleName()})
                continue
            texts.append({"where": "toolbar", "name": action.objectName(), "text": action.iconText()})
            texts.append({"where": "toolbar tooltip", "name": action.objectName(), "text": action.toolTip()})
    # The panels beside the page: their names, headers, labels, buttons and prompts.
    for panel in (window.outline, window.sidebar):
        texts.append({"where": "panel", "name": panel.objectName(), "text": panel.accessibleName()})
        for child in panel.findChildren(QWidget):
            name = child.objectName() or type(child).__name__
            if isinstance(child, QLabel):
                texts.append({"where": "panel label", "name": name, "text": child.text()})
            elif isinstance(child, QLineEdit):
                texts.append({"where": "panel prompt", "name": name, "text": child.placeholderText()})
            elif isinstance(child, QToolButton) or hasattr(child, "setText") and hasattr(child, "clicked"):
                texts.append({"where": "panel button", "name": name, "text": child.text()})
                texts.append({"where": "panel tooltip", "name": name, "text": child.toolTip()})
            if child.accessibleName():
                texts.append({"where": "panel accessible", "name": name, "text": child.accessibleName()})
    # The outline's rows: the document's headings, and beside them whatever the window adds.
    model = window.outline.model()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        for column in range(model.columnCount(index.parent())):
            cell = index.siblingAtColumn(column)
            texts.append({"where": "outline heading" if column == 0 else "outline column",
                          "name": "" if column == 0 else "outlineCounts", "text": str(cell.data() or "")})
        pending += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    status = window.statusBar()
    for label in status.findChildren(QLabel):
        name = label.objectName() or next((n for n in ("status_section", "status_chars", "status_left",
                                                       "status_saved") if getattr(window, n) is label), "")
        texts.append({"where": "status bar", "name": name, "text": label.text()})
    texts.append({"where": "status message", "name": "", "text": status.currentMessage()})
    texts.append({"where": "window title", "name": "", "text": window.windowTitle()})
    # Dialogs and messages the window can show (built, not run).
    from PySide6.QtWidgets import QPushButton

    from app.ui.history_dialog import HistoryDialog
    from app.ui.safety import kept_safe

    history = HistoryDialog(window)
    texts.append({"where": "dialog", "name": "historyDialog", "text": history.windowTitle()})
    for child in history.findChildren(QLabel) + history.findChildren(QPushButton):
        texts.append({"where": "dialog", "name": "historyDialog", "text": child.text()})
    history.deleteLater()
    texts.append({"where": "message", "name": "kept_safe", "text": kept_safe()})
    return {
        "texts": [t for t in texts if t["text"]],
        "document": window.editor.toPlainText(),
        "kind_labels": window.kind_labels,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path")
    parser.add_argument("--screenshot", default="")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from app.ui import i18n
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    translators = i18n.install(app)

    window = MainWindow(Settings(Path(os.environ["TIANBAO_CONFIG_DIR"])))
    window.show()
    if not window.open_path(args.path):
        return 2
    for _ in range(5):
        app.processEvents()
    window.refresh_now()
    app.processEvents()
    if args.screenshot:
        window.grab().save(args.screenshot)
    print(json.dumps(collect(window), ensure_ascii=False))
    sys.stdout.flush()
    window.editor.document().setModified(False)
    window.close()
    del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
