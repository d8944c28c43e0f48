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
# substitute, metric-compatible fonts first (Carlito for Calibri, Caladea for Cambria).
LATIN_STAND_INS = {
    "serif": ["Times New Roman", "Liberation Serif", "Tinos", "DejaVu Serif", "Noto Serif", "FreeSerif"],
    "sans": ["Arial", "Liberation Sans", "Arimo", "DejaVu Sans", "Noto Sans", "FreeSans"],
    "mono": ["Courier New", "Liberation Mono", "Cousine", "DejaVu Sans Mono", "Noto Sans Mono", "FreeMono"],
}
METRIC_TWINS = {"calibri": "Carlito", "cambria": "Caladea"}
STANDING_IN = frozenset([*METRIC_TWINS.values(), *(f for kind in LATIN_STAND_INS.values() for f in kind)])
_SERIF_MARKS = ("times", "roman", "cambria", "georgia", "garamond", "antiqua", "palatino", "serif", "century",
                "宋", "song", "ming", "仿宋", "fangsong", "楷", "kai")
_MONO_MARKS = ("courier", "mono", "consol", "console")


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
