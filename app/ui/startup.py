"""Starting the window: the application (theme, language), the main window, the recovery offer,
the file to open, and a screenshot for scripts and tests (``--screenshot``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app.io.errors import DocumentError
from app.ui import i18n
from app.ui.main_window import MainWindow


def apply_theme(app: QApplication, theme: str) -> None:
    """The system palette, unless TIANBAO_THEME asks for "light" or "dark" (for screenshots,
    and for desktops that do not tell Qt their colour scheme)."""
    if theme not in ("light", "dark"):
        return
    app.setStyle("Fusion")
    if theme == "light":
        app.setPalette(app.style().standardPalette())
        return
    palette = QPalette()
    role = QPalette.ColorRole
    for r, colour in ((role.Window, "#2b2d30"), (role.WindowText, "#dfe1e5"), (role.Base, "#1e1f22"),
                      (role.AlternateBase, "#2b2d30"), (role.Text, "#dfe1e5"), (role.Button, "#3c3f41"),
                      (role.ButtonText, "#dfe1e5"), (role.Highlight, "#3574f0"), (role.HighlightedText, "#ffffff"),
                      (role.ToolTipBase, "#3c3f41"), (role.ToolTipText, "#dfe1e5"), (role.PlaceholderText, "#8c8f94"),
                      (role.Link, "#6ea0ff"), (role.Mid, "#45484c"), (role.Dark, "#202124"),
                      (role.Light, "#4a4d51"), (role.Midlight, "#3f4245"), (role.Shadow, "#151618")):
        palette.setColor(r, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#6f737a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#6f737a"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor("#6f737a"))
    app.setPalette(palette)


def create_main_window(path: str | os.PathLike | None = None) -> MainWindow:
    """Build and show the main window for an existing QApplication, opening ``path`` if given."""
    # A window opened on a file is finished before it shows: the report is read before the first
    # paint anyway, and a hidden window builds faster (no layout or polish per widget added).
    window = MainWindow(finish_later=path is None)
    window.show()
    path = _offer_recovery_at_start(window, path)
    if path is not None:
        window.open_path(path)
    return window


def _offer_recovery_at_start(window: MainWindow, path: str | os.PathLike | None) -> str | os.PathLike | None:
    """The recovery prompt, which loads only when the folder has copies; returns the path still to
    open. Started without a file, the folder is looked at once the window has painted (finding it
    loads platformdirs, a few ms the first frame need not wait for), and the prompt comes in front
    of the finished window."""

    def offer() -> str | os.PathLike | None:
        if not window.safety.recovery_folder_in_use():
            return path
        from app.ui.recovery_ui import offer_recovery

        return offer_recovery(window, path)

    if path is None:
        window.editor.after_paint(offer)
        return None
    return offer()


def run(path: str | None, screenshot: str | None, argv: list[str], pdf: str | None = None) -> int:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    if pdf is not None and path is not None:
        return write_pdf(path, pdf)
    app.setApplicationName("Tianbao")
    apply_theme(app, os.environ.get("TIANBAO_THEME", ""))
    app.setApplicationDisplayName("填报" if i18n.wants_chinese() else "Tianbao")
    translators = i18n.install(app)
    window = MainWindow(finish_later=path is None and not screenshot)
    if screenshot:
        return _screenshot(app, window, path, screenshot)
    window.show()
    path = _offer_recovery_at_start(window, path)
    if path is not None and not window.open_path(path) and window.safety.handed_over \
            and not window.isWindowModified():
        # Started only to open a file another Tianbao process has open (a double-click in the file
        # manager): that window came forward, so this empty one goes away.
        window.close()
        return 0
    code = app.exec()
    del translators
    return code


def write_pdf(path: str, out: str) -> int:
    """``--pdf``: the file laid out as the window shows it (built the same way), on the page the
    file asks for, written to ``out``; no window opens. 2 and a message on bad input."""
    from app.io.load import load
    from app.io.page import page_setup
    from app.ui.printing import export_pdf
    from app.ui.report_document import ReportDocument

    try:
        document = load(path)
        qdoc = ReportDocument.of(document)
        export_pdf(qdoc, page_setup(document, paper=True), out, Path(path).stem)
    except DocumentError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return 2
    return 0


def _screenshot(app: QApplication, window: MainWindow, path: str | None, out: str) -> int:
    window.show()
    if path is not None:
        from app.io.load import load

        try:
            document = load(path)
        except DocumentError as exc:
            print(f"错误：{exc.message}", file=sys.stderr)
            return 2
        window.session.show(document, Path(path), Path(path).name)
    for _ in range(5):
        app.processEvents()
    window.refresh_now()
    app.processEvents()
    if not window.grab().save(out):
        print(f"错误：无法写入截图：{out}", file=sys.stderr)
        return 2
    return 0


__all__ = ["apply_theme", "create_main_window", "run"]
