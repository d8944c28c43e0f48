"""Start the real window in its own process, in the language TIANBAO_LANG asks for, and print one
JSON line: every text that shows a count, for counts of 1, 2 and a large number
(tests/ui/test_plurals.py).

    plurals_driver.py FOLDER

Each count is made by the window's own work on small reports of our own written into FOLDER: a
report of N characters, N placeholders, N stale years, N headings out of order, N half-width
commas, N template-site lines, N words to replace and N earlier versions. A process of its own
because the test session's QApplication keeps the Chinese translation installed.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

COUNTS = (1, 2)
LARGE = 12345


def main() -> int:
    folder = Path(sys.argv[1])
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([sys.argv[0]])
    from app.io.save import back_up
    from app.ui import i18n
    from app.ui.history_dialog import HistoryDialog
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    translators = i18n.install(app)
    window = MainWindow(Settings(Path(os.environ["TIANBAO_CONFIG_DIR"])))
    window.show()

    def opened(name: str, lines: list[str]) -> Path:
        path = folder / f"{name}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        # What an operation changed is thrown away: no "save first?" question between reports.
        window.editor.document().setModified(False)
        if not window.open_path(path):
            raise SystemExit(f"cannot open {path}")
        window.refresh_now()
        app.processEvents()
        return path

    def message() -> str:
        return window.statusBar().currentMessage()

    out: dict[str, dict] = {}
    for n in (*COUNTS, LARGE):
        shown: dict = {}
        out[str(n)] = shown
        opened(f"chars{n}", ["好" * n])
        shown["status_chars"] = window.status.chars.text()
        window.counts.set_target(n)
        shown["target"] = window.status.progress_label.text()
        window.counts.set_target(0)
        window.actions.act_no_punct.trigger()
        shown["status_chars_no_punctuation"] = window.status.chars.text()
        window.actions.act_no_punct.trigger()
        if n == LARGE:
            # A section's count and its tooltip; a heading holds more than one character, so a
            # section never counts 1.
            opened("sections", ["工作总结", "一、工作情况", "好" * n])
            model = window.outline.model()
            top = model.index(0, 0)
            section = model.index(0, 1, top)
            shown["section_count"] = str(section.data())
            shown["section_tip"] = str(section.data(0x03))  # ToolTipRole
            shown["section_title"] = str(model.index(0, 0, top).data())
            out[str(n)] = shown
            continue
        opened(f"placeholders{n}", ["会议纪要"] + ["召开会议X次。"] * n)
        shown["placeholders_found"] = len(window.snapshot.placeholders)
        shown["sidebar"] = window.sidebar.header.text()
        shown["status_left"] = window.status.left.text()
        opened(f"hints{n}", [f"{2020 - i}年工作总结" if i == 0 else f"{2020 - i}年开展活动。" for i in range(n)])
        shown["hints_found"] = len(window.counts.hints)
        shown["hints"] = window.hints_panel.header.text()
        opened(f"renumber{n}", ["工作总结"] + [f"{'一三五七'[i]}、事项" for i in range(n + 1)])
        window.moves.renumber()
        shown["renumber"] = message()
        opened(f"punctuation{n}", ["工作总结", "召开会议" + "".join(",听取汇报" for _ in range(n)) + "。"])
        window.hint_fixes.fix_punctuation()
        shown["punctuation"] = message()
        opened(f"clean{n}", ["仅供学习参考，禁止外传"] * n + ["工作总结", "一、工作情况", "开展活动。"])
        dialog = window.cleanup.ask_clean()
        shown["clean_found"] = len(dialog.items)
        shown["clean_intro"] = dialog.findChildren(QLabel)[0].text()
        dialog.accept()
        shown["clean"] = message()
        opened(f"replace{n}", ["工作总结", "甲乙" * n])
        find = window.find_dialog(True)
        find.find_edit.setText("甲")
        find.replace_edit.setText("丙")
        find.replace_everything()
        shown["replace"] = find.status.text()
        find.hide()
        path = opened(f"history{n}", ["工作总结", "开展活动。"])
        for _ in range(n):
            back_up(path)
        history = HistoryDialog(window)
        shown["history"] = history.note.text()
        history.deleteLater()
    window.editor.document().setModified(False)
    print(json.dumps(out, ensure_ascii=False))
    window.close()
    del translators
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
