"""The body text's fonts, known to the window before its engine side loads (start-up time)."""
from __future__ import annotations

from functools import lru_cache

# Where a CJK document font is missing, these render Chinese well (Windows, then Linux names).
CJK_FALLBACKS = ["FangSong", "仿宋", "SimSun", "宋体", "Noto Serif CJK SC", "Source Han Serif SC",
                 "WenQuanYi Micro Hei", "Noto Sans CJK SC"]
# GB/T 9704 body text: 3号 仿宋, 16 pt.
DEFAULT_FAMILIES = ["仿宋_GB2312", *CJK_FALLBACKS]
DEFAULT_SIZE_PT = 16.0

# Where a document's Latin font is missing, a font of its kind that is installed stands in for its
# Latin text, before the CJK fallbacks (whose Latin letters are narrower): as LibreOffice and Word
# substitute, metric-compatible fonts first (Carlito for Calibri, Caladea for Cambria). Not for a
# Chinese (or Japanese, Korean) font named as the Latin font (w:ascii="仿宋_GB2312", as most Chinese
# templates have it): such a font draws its Latin letters itself, in its own half-width design, and
# Word puts a Chinese font in its place (仿宋 for 仿宋_GB2312), so the CJK fallbacks show those
# letters as the file would, and a Latin serif would not.
LATIN_STAND_INS = {
    "serif": ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif", "Noto Serif", "FreeSerif"],
    "sans": ["Arial", "Liberation Sans", "Arimo", "DejaVu Sans", "Noto Sans", "FreeSans"],
    "mono": ["Courier New", "Liberation Mono", "Cousine", "DejaVu Sans Mono", "Noto Sans Mono", "FreeMono"],
}
METRIC_TWINS = {"calibri": "Carlito", "cambria": "Caladea"}
# On a character format: the font the file names for the run, as the toolbar's font box shows it (its
# Chinese font, else its Latin one); the families list does not tell it, as the fallbacks follow it.
# QTextFormat.UserProperty + 13 (+1 to +12: qt_formats' and floating's), as a number: the toolbar
# reads it before the engine side loads.
FONT_NAMED = 0x100000 + 13
_SERIF_MARKS = ("times", "roman", "cambria", "georgia", "garamond", "antiqua", "palatino", "serif", "century",
                "宋", "song", "ming", "仿宋", "fangsong", "楷", "kai")
_MONO_MARKS = ("courier", "mono", "consol", "console")


# Latin names of CJK fonts (Windows, macOS, Linux), matched at the start of the lower-cased name.
_CJK_LATIN_NAMES = ("simsun", "nsimsun", "simhei", "simfang", "simkai", "fangsong", "kaiti", "microsoft yahei",
                    "microsoft jhenghei", "dengxian", "youyuan", "lisu", "stsong", "stfangsong", "stkaiti",
                    "stheiti", "stxihei", "stzhongsong", "fz", "mingliu", "pmingliu", "ms mincho", "ms gothic",
                    "yu gothic", "yu mincho", "meiryo", "malgun gothic", "batang", "gulim", "dotum", "gungsuh",
                    "noto sans cjk", "noto serif cjk", "source han", "wenquanyi", "ar pl", "hiragino", "pingfang")


def is_cjk_family(family: str) -> bool:
    """Whether ``family`` names a Chinese, Japanese or Korean font: by its CJK name (仿宋_GB2312, 黑体)
    or a Latin one known to be such a font (SimSun, FangSong, Microsoft YaHei)."""
    if any("\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff"
           for ch in family):
        return True
    return family.lower().startswith(_CJK_LATIN_NAMES)


def latin_kind(family: str) -> str:
    """"serif", "sans" or "mono": the kind of font a family name says it is."""
    name = family.lower()
    if any(mark in name for mark in _MONO_MARKS):
        return "mono"
    if any(mark in name for mark in _SERIF_MARKS) and "sans" not in name:
        return "serif"
    return "sans"


@lru_cache(maxsize=1)
def installed_families() -> frozenset[str]:
    """The font families Qt knows (read once: fonts are not installed while the window runs)."""
    from PySide6.QtGui import QFontDatabase  # with the first document, not the first frame

    return frozenset(QFontDatabase.families())


def default_families() -> list[str]:
    """The body font and those of the CJK fallbacks that are installed. A name Qt does not know
    costs a fontconfig alias lookup in each distinct font of the document the first time it is
    laid out (~0.5 ms a name, six names, a dozen fonts in a report): the fallbacks are ours, so
    only installed ones are named; the document's own names stay, where fontconfig may map them."""
    return list(_default_families())


@lru_cache(maxsize=1)
def _default_families() -> tuple[str, ...]:
    installed = installed_families()
    return (DEFAULT_FAMILIES[0], *(f for f in CJK_FALLBACKS if f in installed))
