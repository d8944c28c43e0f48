"""The whole job on the sample report, scripted through the real window: open, fill every
placeholder with mixed input (two-digit years, a figure in words, a sibling fill), clean up the
template ads, official format, save, reopen. Used by tests/ui/test_sample_job.py, and run as

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.sample_job resources/screenshots

to take the screenshots of the sidebar and the hints shown in the README."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "samples" / "述职报告示例.docx"
# A sentence a clerk adds, naming the brand the template already names once: its XX is a sibling.
ADDED = "持续擦亮“XX教育”品牌。"


def value_for(token: str, kind: str, unit: str, n: int) -> str:
    """What the script types into the n-th placeholder (from 0)."""
    if kind == "year":
        return "25" if token == "20XX" else ("2019" if n % 2 else "2023")
    if kind == "date":
        return "2025年12月30日"
    if kind == "name":
        return "阳光" if token == "XX" else "张明"
    if unit.endswith("%"):
        return "96"
    if n == 3:
        return "两"  # a figure in words: a hint, never a silent change
    return str(10 + n)


def shot(window, folder: Path | None, name: str) -> None:  # noqa: ANN001
    if folder is not None:
        QApplication.processEvents()
        image = window.grab().toImage().scaledToWidth(1100, Qt.TransformationMode.SmoothTransformation)
        # 256 colours: a screenshot of text and flat colours, a third of the size.
        image.convertToFormat(QImage.Format.Format_Indexed8).save(str(folder / name))


def _wait_for(condition, seconds: float = 5.0) -> None:  # noqa: ANN001
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)
    assert condition()


def run_job(window, work: Path, shots: Path | None = None) -> dict:  # noqa: ANN001
    """Do the job; returns what was seen on the way (for the test to check)."""
    seen: dict = {}
    path = work / SAMPLE.name
    shutil.copy(SAMPLE, path)
    assert window.open_path(path)
    QApplication.processEvents()
    _wait_for(lambda: bool(window.editor.junk_marks))  # template ads are read once the report is painted
    seen["ads"] = window.offers_panel.ads.text()
    seen["marked"] = sorted(window.editor.junk_marks)
    # The clerk adds a sentence after the paragraph naming the brand.
    block = next(b for b in window.report.paragraphs() if "“XX教育”" in b.text())
    cursor = window.editor.textCursor()
    cursor.setPosition(block.position() + block.length() - 1)
    cursor.insertText(ADDED)
    window.refresh_now()
    window.editor.setFocus()
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.Start)
    QTest.keyClick(window.editor, Qt.Key.Key_F11)
    fill = window.sidebar.fill
    n = 0
    seen["offers"] = []
    while n < 60:
        window.ensure_fresh()  # the clerk looks at the lists, which follow each fill at the next paint
        if not window.snapshot.placeholders:
            break
        p = window.fill_loop.placeholder_at(window.editor.textCursor())
        assert p is not None, window.editor.textCursor().selectedText()
        if window.offers_panel.together.isVisible():
            seen["offers"].append(window.offers_panel.together.text())
            shot(window, shots, "sidebar-siblings.png")
        fill.setFocus()
        fill.insert(value_for(p.token, p.kind, p.unit, n))
        QTest.keyClick(fill, Qt.Key.Key_Return)
        if n == 0:
            seen["first_status"] = window.statusBar().currentMessage()
        n += 1
    window.refresh_now()
    seen["hints"] = [window.hints_panel.list.item(i).text() for i in range(window.hints_panel.list.count())]
    shot(window, shots, "hints.png")
    dialog = window.cleanup.ask_clean()
    dialog.accept()
    window.official.official_format()
    window.refresh_now()
    out = work / "filled.docx"
    assert window.session.write(out, save_as=True)
    seen["saved_text"] = "\n".join(b.text() for b in window.report.paragraphs())
    assert window.open_path(out)
    seen["reopened"] = "\n".join(b.text() for b in window.report.paragraphs())
    seen["left"] = len(window.snapshot.placeholders)
    return seen


def main(argv: list[str]) -> int:
    import tempfile

    from app.ui import i18n
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    app = QApplication.instance() or QApplication([])
    keep = i18n.install(app, "zh_CN")  # noqa: F841 - the translators live as long as the app
    folder = Path(argv[0]) if argv else ROOT / "resources" / "screenshots"
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(Settings(Path(tmp) / "config"))
        window.resize(1400, 860)
        window.show()
        window.session.error = lambda title, exc: print(title, exc.message, file=sys.stderr)
        QApplication.processEvents()
        path = Path(tmp) / SAMPLE.name
        shutil.copy(SAMPLE, path)
        window.open_path(path)
        QApplication.processEvents()
        shot(window, folder, "sidebar-ads.png")
        seen = run_job(window, Path(tmp), folder)
        window.report.setModified(False)
        window.close()
    print(seen["hints"])
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
