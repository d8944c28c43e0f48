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
