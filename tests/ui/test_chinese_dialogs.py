"""Chinese everywhere on Linux: Qt's own dialog buttons and file dialog labels, the Open filter,
and errors that name the file (and a failed open that does not claim all is filled)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLabel, QMessageBox

from app.ui import session


def test_qt_dialogs_speak_chinese(window, qtbot) -> None:  # noqa: ANN001
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    box = QMessageBox(QMessageBox.Icon.Warning, "标题", "正文", QMessageBox.StandardButton.Ok
                      | QMessageBox.StandardButton.Cancel, window)
    qtbot.addWidget(box)
    texts = {button.text() for button in box.buttons()}
    assert texts == {"确定", "取消"}
    dialog = QFileDialog(window, "打开", "", "报告 (*.docx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    buttons = {b.text() for box in dialog.findChildren(QDialogButtonBox) for b in box.buttons()}
    assert "取消" in buttons


def test_open_filter_lists_doc_and_wps() -> None:
    assert "*.doc " in session.OPEN_FILTER + " " and "*.wps" in session.OPEN_FILTER


def test_a_failed_open_names_the_file_and_claims_nothing(window, tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "去年的总结.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048))
    told = []
    window.session.error = lambda title, exc: told.append(exc.message)
    assert not window.open_path(path)
    assert "“去年的总结.doc”" in told[0] and "另存为" in told[0] and "密码" not in told[0]
    assert window.status.left.text() == "" and "全部填写" not in window.sidebar.header.text()


def test_a_long_open_shows_its_progress(window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import time

    from app.io import load as load_module
    from app.ui import progress

    path = tmp_path / "长报告.txt"
    path.write_text("工作总结\n全年开展活动X次。\n", encoding="utf-8")
    real = load_module.load
    monkeypatch.setattr(progress, "SHOW_AFTER_MS", 50)

    def slow(p):  # noqa: ANN001, ANN202 - reading a long report takes a while
        time.sleep(0.2)
        return real(p)

    monkeypatch.setattr(load_module, "load", slow)
    progress.SHOWN.clear()
    assert window.open_path(path)
    assert progress.SHOWN == ["正在排版并查找待填写处…"]
    assert not any(d.isVisible() for d in window.findChildren(progress.QProgressDialog))


def test_a_long_official_format_shows_its_progress(window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import time

    from app.io import official
    from app.ui import progress

    path = tmp_path / "报告.txt"
    path.write_text("年度工作总结\n一、主要工作\n全年开展活动X次。\n", encoding="utf-8")
    assert window.open_path(path)
    real = official.official_format_of
    monkeypatch.setattr(progress, "SHOW_AFTER_MS", 50)

    def slow(document):  # noqa: ANN001, ANN202 - a long report takes seconds to lay out
        time.sleep(0.2)
        return real(document)

    monkeypatch.setattr(official, "official_format_of", slow)
    progress.SHOWN.clear()
    assert window.official.official_format()
    assert progress.SHOWN == ["正在显示排好的报告…"]
    assert not any(d.isVisible() for d in window.findChildren(progress.QProgressDialog))
    assert "全年开展活动X次。" in window.editor.toPlainText()


def test_a_long_pdf_export_shows_its_pages(window, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import time

    from app.ui import printing, progress

    path = tmp_path / "报告.txt"
    path.write_text("年度工作总结\n" + "全年开展活动X次，走访群众。\n" * 120, encoding="utf-8")
    assert window.open_path(path)
    real = printing.render
    monkeypatch.setattr(progress, "SHOW_AFTER_MS", 50)

    def slow(source, printer, page_numbers=False, on_page=None, endnotes=(), columns=(1, 0.0)):  # noqa: ANN001, ANN202 - a slow printer
        def each(number: int, last: int) -> None:
            time.sleep(0.1)
            on_page(number, last)

        real(source, printer, page_numbers, each, endnotes, columns)

    monkeypatch.setattr(printing, "render", slow)
    progress.SHOWN.clear()
    out = tmp_path / "报告.pdf"
    assert window.printing.export_pdf(out)
    assert out.read_bytes().startswith(b"%PDF") and len(progress.SHOWN) >= 1
    assert all(label.startswith("正在写入第 ") for label in progress.SHOWN)
    assert not any(d.isVisible() for d in window.findChildren(progress.QProgressDialog))
