"""Which language the window speaks: Simplified Chinese unless the system asks for another.

TIANBAO_LANG (e.g. "zh_CN" or "en") overrides the system locale; tests use it.

The source strings are English, so an English window needs a translation file only for counts:
tianbao_en.ts holds just the numerus messages (built with `lupdate -pluralonly`), giving "1 place"
and "2 places" where the source says "%1 places". A count goes through ``self.tr(text, "", n)``
(pyside6-lupdate marks a message numerus only for tr() with three arguments) and its number
through ``arg`` with the window's own formatting ("12,345"): Qt replaces only %n, never %1.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parents[2] / "resources" / "i18n"


def translate(context: str, source: str) -> str:
    """``source`` (English) in the window's language. Call it with two string literals only, so
    pyside6-lupdate finds them (a third argument would be read as a disambiguation)."""
    return QCoreApplication.translate(context, source)


def arg(text: str, *values: object) -> str:
    """Qt's QString.arg for several values at once: %1, %2 ... replaced in a single pass, so a
    value that itself contains "%2" is left alone."""
    return re.sub(r"%(\d)", lambda m: str(values[int(m[1]) - 1]) if 0 < int(m[1]) <= len(values) else m[0],
                  text)


def wants_chinese(locale_name: str | None = None) -> bool:
    name = locale_name or os.environ.get("TIANBAO_LANG") or QLocale.system().name()
    language = name.split("_")[0].split("-")[0].lower()
    # "C"/"POSIX" carry no language: the product's own language is Chinese.
    return language in ("zh", "c", "posix", "")


def install(app: QCoreApplication, locale_name: str | None = None) -> list[QTranslator]:
    """Load the window's translations into ``app``: Chinese where wanted, else the English plural
    forms; returns the translators (keep them)."""
    translators = []
    if not wants_chinese(locale_name):
        english = QTranslator(app)
        if english.load(str(I18N_DIR / "tianbao_en.qm")):
            app.installTranslator(english)
            translators.append(english)
        return translators
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / "tianbao_zh_CN.qm")):
        app.installTranslator(ours)
        translators.append(ours)
    # Qt's own dialogs (buttons, the file dialog): Qt's file, and under it ours
    # (resources/i18n/qtbase_zh_CN.ts) for what Qt's lacks: the PySide6 6.11 wheel's has no
    # "&Look in:" or "Files of &type:" (the file dialog's labels since Qt 6.10), and other builds
    # ship none. Installed last is asked first, so ours goes in before Qt's.
    for name, folder in (("qtbase_zh_CN.qm", str(I18N_DIR)),
                         ("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        qt = QTranslator(app)
        if qt.load(name, folder):
            app.installTranslator(qt)
            translators.append(qt)
    return translators
