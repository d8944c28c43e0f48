"""Official format (GB/T 9704): page, fonts by role (title, heading levels, run-in headings, body,
signature), page-number footers, East Asian fonts everywhere, and the bundled sample."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from app.core.document import Document
from app.io.load import load
from app.io.official import FONT_FALLBACKS, apply_official_format, official_bytes, roles_of
from app.io.save import save_document
from tests.fixtures_docx import NS, build_report, c14n, parts

_W = "{" + NS["w"] + "}"
ROOT = Path(__file__).resolve().parents[2]
SAMPLE_TXT = ROOT / "resources" / "samples" / "述职报告示例.txt"
SAMPLE_DOCX = ROOT / "resources" / "samples" / "述职报告示例.docx"

# A report of our own: a title on two lines, parts, headings of every rank, a run-in level-2
# heading, an inline enumeration, a signature and a date.
LINES = [
    "关于2025年度乡村振兴",
    "工作情况的报告",
    "",
    "按照要求，现将有关情况报告如下。",
    "一、工作开展情况",
    "（一）夯实产业基础。全年新建大棚X座，带动农户XX户增收。",
    "（二）人才队伍建设",
    "1.引进专业人才。全年引进X名。",
    "（1）细化分工。明确到人。",
    "二、存在问题",
    "一是投入不足；二是人才偏少。",
    "",
    "某某镇人民政府",
    "2025年12月20日",
]


@pytest.fixture(scope="module")
def official() -> dict[str, bytes]:
    data = official_bytes(Document.from_lines(LINES))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def xml(official: dict[str, bytes], name: str) -> etree._Element:
    return etree.fromstring(official[name])


def paragraphs(official: dict[str, bytes]) -> list[etree._Element]:
    return xml(official, "word/document.xml").findall(".//w:body/w:p", NS)


def text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(_W + "t"))


def runs_by_font(p: etree._Element) -> list[tuple[str, str | None, str | None]]:
    out = []
    for r in p.findall("w:r", NS):
        fonts = r.find("w:rPr/w:rFonts", NS)
        size = r.find("w:rPr/w:sz", NS)
        out.append((text(r), fonts.get(_W + "eastAsia") if fonts is not None else None,
                    size.get(_W + "val") if size is not None else None))
    return out


def test_roles_follow_the_engines_outline() -> None:
    roles = roles_of(Document.from_lines(LINES))
    assert [(r.kind, r.level) for r in roles] == [
        ("title", 0), ("title", 0), ("blank", 0), ("body", 0), ("heading", 1), ("heading", 2), ("heading", 2),
        ("heading", 3), ("heading", 4), ("heading", 1), ("body", 0), ("blank", 0), ("signature", 0),
        ("signature", 0),
    ]
    assert roles[5].run_in_end == len("（一）夯实产业基础。")
    assert roles[6].run_in_end == -1


def test_page_is_a4_with_gbt_9704_margins_and_22_lines(official: dict[str, bytes]) -> None:
    sect = xml(official, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size = sect.find("w:pgSz", NS)
    margins = sect.find("w:pgMar", NS)
    assert (size.get(_W + "w"), size.get(_W + "h")) == ("11906", "16838")
    assert [margins.get(_W + k) for k in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]
    grid = sect.find("w:docGrid", NS)
    assert (grid.get(_W + "type"), grid.get(_W + "linePitch")) == ("lines", "579")
    for p in paragraphs(official):
        spacing = p.find("w:pPr/w:spacing", NS)
        assert (spacing.get(_W + "line"), spacing.get(_W + "lineRule")) == ("578", "exact"), text(p)


def test_fonts_by_role(official: dict[str, bytes]) -> None:
    ps = paragraphs(official)
    assert runs_by_font(ps[0]) == [("关于2025年度乡村振兴", "方正小标宋简体", "44")]
    assert runs_by_font(ps[1]) == [("工作情况的报告", "方正小标宋简体", "44")]
    assert ps[0].find("w:pPr/w:jc", NS).get(_W + "val") == "center"
    assert runs_by_font(ps[3]) == [("按照要求，现将有关情况报告如下。", "仿宋_GB2312", "32")]
    assert runs_by_font(ps[4]) == [("一、工作开展情况", "黑体", "32")]
    # A run-in level-2 heading: only its first sentence is 楷体.
    assert runs_by_font(ps[5]) == [("（一）夯实产业基础。", "楷体_GB2312", "32"),
                                   ("全年新建大棚X座，带动农户XX户增收。", "仿宋_GB2312", "32")]
    assert runs_by_font(ps[6]) == [("（二）人才队伍建设", "楷体_GB2312", "32")]
    assert {f for _, f, _ in runs_by_font(ps[7]) + runs_by_font(ps[8])} == {"仿宋_GB2312"}
    assert runs_by_font(ps[10]) == [("一是投入不足；二是人才偏少。", "仿宋_GB2312", "32")]
    for p in (ps[3], ps[4], ps[5], ps[10]):
        ind = p.find("w:pPr/w:ind", NS)
        assert ind.get(_W + "firstLineChars") == "200"
    for r in ps[4].findall("w:r", NS) + ps[0].findall("w:r", NS):
        assert r.find("w:rPr/w:b", NS).get(_W + "val") == "0", "titles and 黑体 headings are not bold"


def test_heading_styles_make_a_navigable_outline(official: dict[str, bytes]) -> None:
    ps = paragraphs(official)
    style = lambda p: p.find("w:pPr/w:pStyle", NS).get(_W + "val") if p.find("w:pPr/w:pStyle", NS) is not None else None  # noqa: E731
    assert [style(p) for p in ps[:8]] == ["Title", "Title", None, None, "Heading1", None, "Heading2", None]
    reread = load_bytes(official)
    assert reread.blocks[4].outline_level == 1 and reread.blocks[6].outline_level == 2


def load_bytes(official: dict[str, bytes]) -> Document:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "o.docx"
        with zipfile.ZipFile(path, "w") as zf:
            for name, data in official.items():
                zf.writestr(name, data)
        return load(path)


def test_signature_and_date_sit_right(official: dict[str, bytes]) -> None:
    ps = paragraphs(official)
    for p in ps[12:14]:
        assert p.find("w:pPr/w:jc", NS).get(_W + "val") == "right"
        assert p.find("w:pPr/w:ind", NS).get(_W + "right") == "1280"  # four 16 pt characters


def test_east_asian_fonts_are_set_everywhere(official: dict[str, bytes]) -> None:
    styles = xml(official, "word/styles.xml")
    default_fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert default_fonts.get(_W + "eastAsia") == "仿宋_GB2312"
    assert default_fonts.get(_W + "eastAsiaTheme") is None
    lang = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert lang.get(_W + "eastAsia") == "zh-CN"
    for sid, font in (("Normal", "仿宋_GB2312"), ("Title", "方正小标宋简体"), ("Heading1", "黑体"),
                      ("Heading2", "楷体_GB2312"), ("Heading3", "仿宋_GB2312")):
        style = styles.find(f"w:style[@w:styleId='{sid}']", NS)
        assert style.find("w:rPr/w:rFonts", NS).get(_W + "eastAsia") == font, sid
        assert style.find("w:rPr/w:color", NS) is None, "no blue headings"
    settings = xml(official, "word/settings.xml")
    assert settings.find("w:themeFontLang", NS).get(_W + "eastAsia") == "zh-CN"
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    fonts = xml(official, "word/fontTable.xml")
    for name, alternatives in FONT_FALLBACKS.items():
        font = fonts.find(f"w:font[@w:name='{name}']", NS)
        assert font.find("w:altName", NS).get(_W + "val") == ",".join(alternatives)
        assert font.find("w:charset", NS).get(_W + "val") == "86"


def test_page_numbers_odd_right_even_left(official: dict[str, bytes]) -> None:
    rels = xml(official, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): r.get("Target") for r in rels}
    sect = xml(official, "word/document.xml").find(".//w:body/w:sectPr", NS)
    refs = {ref.get(_W + "type"): targets[ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
            for ref in sect.findall("w:footerReference", NS)}
    assert set(refs) >= {"default", "even"}
    for kind, side in (("default", "right"), ("even", "left")):
        footer = xml(official, "word/" + refs[kind])
        p = footer.find("w:p", NS)
        assert p.find("w:pPr/w:jc", NS).get(_W + "val") == side
        assert p.find("w:pPr/w:ind", NS).get(_W + side) == "280"  # one 14 pt character in
        assert text(p) == "— 1 —"
        assert "PAGE" in "".join(i.text for i in p.iter(_W + "instrText"))
        for r in p.findall("w:r", NS):
            fonts = r.find("w:rPr/w:rFonts", NS)
            assert fonts.get(_W + "eastAsia") == fonts.get(_W + "ascii") == "宋体"
            assert r.find("w:rPr/w:sz", NS).get(_W + "val") == "28"


def test_no_thumbnail_of_someone_elses_document(official: dict[str, bytes]) -> None:
    assert not any("thumbnail" in name for name in official)
    assert b"thumbnail" not in official["_rels/.rels"]


def test_official_output_reopens_with_the_same_text() -> None:
    document = Document.from_lines(["　　" + LINES[3]] + LINES[4:])
    reread = load_bytes(dict(zip_parts(official_bytes(document))))
    assert reread.texts == [t.strip() for t in document.texts]


def zip_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [(n, zf.read(n)) for n in zf.namelist()]


def test_apply_official_format_to_an_existing_docx_keeps_its_content(tmp_path: Path) -> None:
    report = build_report(tmp_path / "report.docx")
    document = load(report)
    before = document.texts
    apply_official_format(document)
    out = tmp_path / "official.docx"
    save_document(document, out)
    reread = load(out)
    assert reread.texts == before
    title, heading, body = reread.blocks[0], reread.blocks[1], reread.blocks[2]
    assert {r.format.font_east_asia for r in title.runs} == {"方正小标宋简体"}
    assert {r.format.font_east_asia for r in heading.runs} == {"黑体"}
    assert {r.format.font_east_asia for r in body.runs} == {"仿宋_GB2312"}
    assert body.format.first_line_chars == 2.0 and body.format.line_rule == "exact"
    # The bold X keeps its bold; what the editor does not show is still there.
    assert any(r.format.bold for r in body.runs if r.text == "X")
    package = parts(out)
    assert any(name.startswith("word/media/") for name in package)
    assert b"commentRangeStart" in package["word/document.xml"]
    assert b"w:hyperlink" in package["word/document.xml"]
    # Table cells keep their own layout.
    assert reread.blocks[7].format == load(report).blocks[7].format
    import docx

    sections = docx.Document(str(out)).sections
    assert len(sections) == 2
    assert [s.page_width.twips for s in sections] == [11906, 11906]


def test_apply_official_format_then_a_fill_goes_through_the_lossless_path(tmp_path: Path) -> None:
    report = build_report(tmp_path / "report.docx")
    document = load(report)
    apply_official_format(document)
    save_document(document, tmp_path / "a.docx")
    document.blocks[2].replace_text(7, 8, "9")
    save_document(document, tmp_path / "b.docx")
    a, b = parts(tmp_path / "a.docx"), parts(tmp_path / "b.docx")
    assert [n for n in a if a[n] != b[n]] == ["word/document.xml"]


def test_bundled_sample_is_current() -> None:
    """resources/samples/述职报告示例.docx is what `python -m app convert` makes of the .txt
    today (regenerate it with that command when the official format changes)."""
    if not SAMPLE_DOCX.exists():
        pytest.fail("resources/samples/述职报告示例.docx is missing")
    fresh = dict(zip_parts(official_bytes(load(SAMPLE_TXT))))
    bundled = parts(SAMPLE_DOCX)
    assert sorted(fresh) == sorted(bundled)
    for name in fresh:
        if name.endswith((".xml", ".rels")) and name != "docProps/core.xml":
            assert c14n(fresh[name]) == c14n(bundled[name]), name
    assert load(SAMPLE_DOCX).texts == [t.strip() for t in load(SAMPLE_TXT).texts]


def test_level_three_headings_keep_their_bold(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("关于工作的报告")
    d.add_paragraph("一、总体情况")
    d.add_paragraph("（一）学习方面")
    p = d.add_paragraph()
    p.add_run("1.强化学习。").bold = True
    p.add_run("全年学习X次。")
    d.save(str(tmp_path / "b.docx"))
    document = load(tmp_path / "b.docx")
    apply_official_format(document)
    runs = document.blocks[3].runs
    assert [(r.text, r.format.bold, r.format.font_east_asia) for r in runs] == [
        ("1.强化学习。", True, "仿宋_GB2312"), ("全年学习X次。", None, "仿宋_GB2312")]
