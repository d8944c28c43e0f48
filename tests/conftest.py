"""pytest-qt fixtures building the real main window, offscreen, in Chinese, with settings kept
out of the user's config folder."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def _build_translations() -> None:
    """Tests run without `make i18n` too: build the .qm next to a newer .ts."""
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        return
    for ts in I18N.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=False)


@pytest.fixture(scope="session")
def chinese_app(qapp, tmp_path_factory):  # noqa: ANN001, ANN201
    """The QApplication with the Chinese translation installed (the product's default language)."""
    from app.ui import i18n

    os.environ["TIANBAO_CONFIG_DIR"] = str(tmp_path_factory.mktemp("config"))
    _build_translations()
    translators = i18n.install(qapp, "zh_CN")
    yield qapp
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture
def window(chinese_app, qtbot, tmp_path, monkeypatch):  # noqa: ANN001, ANN201
    """A fresh main window with no document; unsaved work is thrown away at the end."""
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    check_every_refresh(monkeypatch)
    monkeypatch.setenv("TIANBAO_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(Settings(tmp_path / "config"))
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here rather than by qtbot, which would meet the unsaved-changes prompt first.
    win.editor.document().setModified(False)
    win.close()
    win.deleteLater()


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory, monkeypatch):  # noqa: ANN001, ANN202
    """Recovery copies, backups and document locks (platformdirs' user data folder) go to a
    fresh folder per test: never the developer's own, and no test sees another's leftovers
    (a window would offer them for recovery)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


def check_every_refresh(monkeypatch) -> None:  # noqa: ANN001
    """Every refresh of the window under test is also checked against one worked out from scratch
    (outline, placeholders, counts, section figures, hints): every window test then tests the live
    scan too, whatever it does to the text (tests/core/test_live_scan.py tests it on its own)."""
    import datetime

    from app.core.live_counts import CountKeeper
    from app.core.live_scan import collect
    from app.ui.main_window import MainWindow

    refresh = MainWindow.refresh_now

    def checked(self) -> None:  # noqa: ANN001
        refresh(self)
        fresh = collect(self.report)
        for name in ("sections", "placeholders", "chars"):
            assert getattr(fresh, name) == getattr(self.snapshot, name), f"live scan differs in {name}"
        keeper = self.counts.keeper
        if keeper.hints_pending:
            return
        punctuation = not self.actions.act_no_punct.isChecked()
        figures = CountKeeper().update(fresh, punctuation, datetime.date.today().year)
        for name in ("counts", "total", "sections", "lines", "hints"):
            assert getattr(figures, name) == getattr(keeper.figures, name), f"live counts differ in {name}"

    monkeypatch.setattr(MainWindow, "refresh_now", checked)
