"""A document's Latin font that is not installed: its Latin text is shown in an installed font of
its kind (as LibreOffice and Word substitute), not in the CJK fallback, whose letters are narrower."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from app.core.document import RunFormat
from app.ui.fonts import LATIN_STAND_INS, default_families, latin_kind
from app.ui.qt_formats import char_format, families_of, latin_stand_in
from app.ui.text_formatting import own_fonts


def test_kinds_of_font_names() -> None:
    assert [latin_kind(n) for n in ("Courier New", "Consolas", "Times New Roman", "Cambria", "宋体",
                                    "Calibri", "Arial", "Noto Sans CJK SC")] == [
        "mono", "mono", "serif", "serif", "serif", "sans", "sans", "sans"]


def test_a_missing_latin_font_gets_an_installed_one_of_its_kind(qapp) -> None:  # noqa: ANN001
    installed = set(QFontDatabase.families())
    serifs = [f for f in LATIN_STAND_INS["serif"] if f in installed]
    fmt = RunFormat(font="No Such Roman", font_east_asia="方正小标宋简体")
    families = families_of(fmt)
    if not serifs:  # (a machine with no serif Latin font: nothing to stand in)
        assert latin_stand_in("No Such Roman") is None
        return
    assert families[:3] == ["No Such Roman", "方正小标宋简体", serifs[0]]
    assert families[3:] == [f for f in default_families() if f != "方正小标宋简体"]
    assert own_fonts(families) == ["No Such Roman", "方正小标宋简体"]  # the toolbar shows the file's fonts
    # Qt draws the Latin letters in the stand-in.
    layout = QTextLayout("Report 2025", char_format(fmt).font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    assert {run.rawFont().familyName() for run in layout.glyphRuns()} == {serifs[0]}


def test_an_installed_latin_font_needs_no_stand_in(qapp) -> None:  # noqa: ANN001
    family = QFont().defaultFamily() or QFontDatabase.families()[0]
    if family not in QFontDatabase.families():
        family = QFontDatabase.families()[0]
    assert latin_stand_in(family) is None
    assert families_of(RunFormat(font=family))[:1] == [family]
    assert own_fonts(families_of(RunFormat(font=family, font_east_asia="宋体"))) == [family, "宋体"]


def test_the_fallback_fonts_named_are_installed_ones(qapp) -> None:  # noqa: ANN001
    """Each name Qt does not know costs a fontconfig lookup in every font of the document: the
    fallbacks (ours) name only installed fonts; the body font and a file's own names stay."""
    from app.ui.fonts import CJK_FALLBACKS, DEFAULT_FAMILIES, installed_families

    families = default_families()
    assert families[0] == DEFAULT_FAMILIES[0]
    assert families[1:] == [f for f in CJK_FALLBACKS if f in installed_families()]
    assert families_of(RunFormat(font_east_asia="楷体_GB2312"))[0] == "楷体_GB2312"
