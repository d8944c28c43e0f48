"""A document's Latin font that is not installed: its Latin text is shown in an installed font of
its kind (as LibreOffice and Word substitute), not in the CJK fallback, whose letters are narrower."""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QTextFormat, QTextLayout

from app.core.document import RunFormat
from app.ui.fonts import FONT_NAMED, LATIN_STAND_INS, default_families, latin_kind
from app.ui.qt_formats import char_format, families_of, latin_stand_in


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
    assert char_format(fmt).property(FONT_NAMED) == "方正小标宋简体"  # the toolbar names the file's font
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
    assert char_format(RunFormat(font=family, font_east_asia="宋体")).property(FONT_NAMED) == "宋体"
    assert char_format(RunFormat(font=family)).property(FONT_NAMED) == family


def test_the_fallback_fonts_named_are_installed_ones(qapp) -> None:  # noqa: ANN001
    """Each name Qt does not know costs a fontconfig lookup in every font of the document: the
    fallbacks (ours) name only installed fonts; the body font and a file's own names stay."""
    from app.ui.fonts import CJK_FALLBACKS, DEFAULT_FAMILIES, installed_families

    families = default_families()
    assert families[0] == DEFAULT_FAMILIES[0]
    assert families[1:] == [f for f in CJK_FALLBACKS if f in installed_families()]
    assert families_of(RunFormat(font_east_asia="楷体_GB2312"))[0] == "楷体_GB2312"


def test_font_names_of_cjk_fonts() -> None:
    from app.ui.fonts import is_cjk_family

    assert [is_cjk_family(n) for n in ("仿宋_GB2312", "黑体", "方正小标宋简体", "SimSun", "FangSong_GB2312",
                                       "Microsoft YaHei", "MS Mincho", "맑은 고딕", "Noto Serif CJK SC")] == [True] * 9
    assert [is_cjk_family(n) for n in ("Times New Roman", "Calibri", "Courier New", "DejaVu Serif",
                                       "Liberation Sans", "Simplified Arabic")] == [False] * 6


def test_a_cjk_font_named_for_latin_text_shows_its_latin_in_the_cjk_fallback(qapp) -> None:  # noqa: ANN001
    """Most Chinese templates name 仿宋_GB2312 for Latin text too (w:ascii): where it is missing, Word
    puts a Chinese font in its place, so digits and letters keep a Chinese font's half-width shapes;
    a Latin serif between the characters would change the line's width."""
    fallbacks = [f for f in default_families() if f != "仿宋_GB2312"]
    fmt = RunFormat(font="仿宋_GB2312", font_east_asia="仿宋_GB2312")
    assert latin_stand_in("仿宋_GB2312") is None
    assert families_of(fmt) == ["仿宋_GB2312", *fallbacks]
    assert char_format(fmt).property(FONT_NAMED) == "仿宋_GB2312"
    if "仿宋_GB2312" in QFontDatabase.families() or not fallbacks:
        return  # (the font itself, or no CJK font at all: nothing to compare)
    layout = QTextLayout("全年2025年共12次 Report", char_format(fmt).font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    assert {run.rawFont().familyName() for run in layout.glyphRuns()} == {fallbacks[0]}


def test_the_named_font_property_is_a_user_property_of_its_own() -> None:
    from app.ui import floating, qt_formats

    user = int(QTextFormat.Property.UserProperty)
    taken = [v for m in (qt_formats, floating) for k, v in vars(m).items()
             if k.isupper() and k != "FONT_NAMED" and isinstance(v, int) and v > user]
    assert FONT_NAMED == user + 13
    assert FONT_NAMED not in taken and len(set(taken)) == len(taken)
