"""Start the real window in its own process, in the language TIANBAO_LANG asks for (as
app.ui.main_window.run does), open FILE and print one JSON line: every piece of UI text the
window shows (tests/ui/test_i18n.py).

    i18n_driver.py FILE [--screenshot PNG]

Pieces of text that come from the document (a heading beside its count, the sentence a hint or
a clean-up item points into) are listed under "content" so the test can tell them apart.

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
    from PySide6.QtCore import Qt

    model = window.outline.model()
    pending = [model.index(row, 0) for row in range(model.rowCount())]
    while pending:
        index = pending.pop()
        heading = str(index.data() or "")
        for column in range(model.columnCount(index.parent())):
            cell = index.siblingAtColumn(column)
            texts.append({"where": "outline heading" if column == 0 else "outline column",
                          "name": "" if column == 0 else "outlineCounts", "text": str(cell.data() or "")})
            tip = cell.data(Qt.ItemDataRole.ToolTipRole)
            if column and tip:
                texts.append({"where": "outline column tooltip", "name": "outlineCounts", "text": str(tip),
                              "content": [heading]})
        pending += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    # The hints' rows: the window's label for each, around the document's words it points to.
    from app.ui.hints_panel import CONTEXT_CHARS

    panel = window.hints_panel
    lines = [b.text() for b in _export_blocks(window)]
    for row, hint in enumerate(panel.hints):
        item = panel.list.item(row)
        text = lines[hint.block] if 0 <= hint.block < len(lines) else ""
        near = text[max(0, hint.start - CONTEXT_CHARS):hint.end + CONTEXT_CHARS]
        texts.append({"where": "hint row", "name": "hintList", "text": item.text(), "content": [near, hint.text]})
        texts.append({"where": "hint row tooltip", "name": "hintList", "text": item.toolTip(),
                      "content": [text, hint.text]})
    status = window.statusBar()
    for label in status.findChildren(QLabel):
        name = label.objectName() or next((f"status_{n}" for n in ("section", "chars", "left", "saved")
                                           if getattr(window.status, n) is label), "")
        texts.append({"where": "status bar", "name": name, "text": label.text()})
    texts.append({"where": "status message", "name": "", "text": status.currentMessage()})
    texts.append({"where": "window title", "name": "", "text": window.windowTitle()})
    # Dialogs and messages the window can show (built, not run).
    from PySide6.QtWidgets import QMessageBox, QPushButton

    from app.ui.history_dialog import HistoryDialog
    from app.ui.safety import kept_safe

    history = HistoryDialog(window)
    texts.append({"where": "dialog", "name": "historyDialog", "text": history.windowTitle()})
    for child in history.findChildren(QLabel) + history.findChildren(QPushButton):
        texts.append({"where": "dialog", "name": "historyDialog", "text": child.text()})
    history.deleteLater()
    texts += _clean_dialog(window)
    # 编辑 → 清理模板广告… on a report without ads says so; 格式 → 套用公文格式… asks first.
    for ask, name in ((window.cleanup.ask_clean, "noJunkMessage"), (window.official.ask_official, "officialFormat")):
        ask()
        box = window.operations.dialog
        assert isinstance(box, QMessageBox), name
        texts.append({"where": "dialog", "name": name, "text": box.windowTitle()})
        # The official format names the heading markers it styles (一、 （一）), as written in Chinese.
        markers = ["（一）", "一、", "（1）"]
        texts.append({"where": "dialog", "name": name, "text": box.text(), "content": markers})
        texts += [{"where": "dialog button", "name": name, "text": b.text()} for b in box.buttons()]
        box.reject()
        window.operations.dialog = None
    texts.append({"where": "message", "name": "kept_safe", "text": kept_safe()})
    return {
        "texts": [t for t in texts if t["text"]],
        "document": window.editor.toPlainText(),
        "kind_labels": window.kind_labels,
    }


def _export_blocks(window) -> list:  # noqa: ANN001 - MainWindow
    
    return window.editor.document().paragraphs()


def _clean_dialog(window) -> list[dict]:  # noqa: ANN001 - MainWindow
    """编辑 → 清理模板广告…'s review list on two items of a made-up template site (a whole line
    and a fragment), as the dialog would list them."""
    from PySide6.QtWidgets import QLabel, QListWidget, QPushButton

    from app.core.clean import CleanItem
    from app.ui.clean_dialog import CleanDialog

    line = "某某文库网整理 仅供学习参考"
    sentence = "全年开展活动X次，详情请加QQ：87654321"
    chrome = "首页 > 范文大全 > 正文"
    items = [CleanItem(0, 0, len(line), line, True, "site-name", line, 0, len(line)),
             CleanItem(3, 12, 24, sentence[12:24], False, "qq", sentence, 12, 24),
             CleanItem(5, 0, len(chrome), chrome, True, "site-chrome", chrome, 0, len(chrome), True,
                       "breadcrumb+site-word+no-sentence+top")]
    dialog = CleanDialog(items, window)
    content = [line, sentence, sentence[:12], sentence[12:24], chrome]  # the tooltip bolds the fragment
    out = [{"where": "dialog", "name": "cleanDialog", "text": dialog.windowTitle()}]
    for child in dialog.findChildren(QLabel) + dialog.findChildren(QPushButton):
        out.append({"where": "dialog", "name": "cleanDialog", "text": child.text()})
    for view in dialog.findChildren(QListWidget):
        out.append({"where": "dialog", "name": "cleanDialog", "text": view.accessibleName()})
        for row in range(view.count()):
            out.append({"where": "dialog row", "name": "cleanDialog", "text": view.item(row).text(),
                        "content": content})
            out.append({"where": "dialog row tooltip", "name": "cleanDialog", "text": view.item(row).toolTip(),
                        "content": content})
    dialog.deleteLater()
    return out


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
    # A length target, so the status bar shows its progress too.
    window.counts.set_target(3000)
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
