"""Which language the window speaks: Simplified Chinese unless the system asks for another.

TIANBAO_LANG (e.g. "zh_CN" or "en") overrides the system locale; tests use it.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def wants_chinese(locale_name: str | None = None) -> bool:
    name = locale_name or os.environ.get("TIANBAO_LANG") or QLocale.system().name()
    language = name.split("_")[0].split("-")[0].lower()
    # "C"/"POSIX" carry no language: the product's own language is Chinese.
    return language in ("zh", "c", "posix", "")


def install(app: QCoreApplication, locale_name: str | None = None) -> list[QTranslator]:
    """Load the Chinese translations into ``app`` where wanted; returns the translators (keep them)."""
    if not wants_chinese(locale_name):
        return []
    translators = []
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / "tianbao_zh_CN.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators
