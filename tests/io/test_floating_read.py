"""Floating pictures as the reader sees them: Word's "in front of / behind text" and no-wrap
objects (wp:anchor with wp:wrapNone, VML shapes placed absolutely) get a FloatPlace and take no
room in the text's flow; ones the text wraps round stay in the line, as before."""
from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.shared import Cm
from lxml import etree

from app.core.document import FloatPlace
from app.io.load import load
from tests.fixtures_docx import tiny_png

WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
WP = "{" + WP_NS + "}"


def float_picture(inline: etree._Element, x_emu: int, y_emu: int, x_from: str = "column",
                  y_from: str = "paragraph", wrap: str = "wrapNone", behind: bool = False) -> None:
    """Turn python-docx's wp:inline into a wp:anchor placed at (x, y) from the given references."""
    anchor = etree.SubElement(inline.getparent(), WP + "anchor", {
        "distT": "0", "distB": "0", "distL": "0", "distR": "0", "simplePos": "0", "relativeHeight": "1",
        "behindDoc": "1" if behind else "0", "locked": "0", "layoutInCell": "1", "allowOverlap": "1"})
    etree.SubElement(anchor, WP + "simplePos", x="0", y="0")
    for tag, source, offset in (("positionH", x_from, x_emu), ("positionV", y_from, y_emu)):
        position = etree.SubElement(anchor, WP + tag, relativeFrom=source)
        etree.SubElement(position, WP + "posOffset").text = str(offset)
    anchor.append(inline.find(WP + "extent"))
    etree.SubElement(anchor, WP + wrap)
    for child in list(inline):
        if child.tag in (WP + "docPr", WP + "cNvGraphicFramePr") or child.tag.endswith("}graphic"):
            anchor.append(child)
    inline.getparent().remove(inline)


def floating_report(path: Path, wrap: str = "wrapNone", height: float = 5.0, **where: object) -> Path:
    """0 "前文"; 1 "图" with a 3 × ``height`` cm picture anchored in it; 2 "后文"."""
    d = docx.Document()
    d.add_paragraph("前文")
    p = d.add_paragraph("图")
    p.add_run().add_picture(io.BytesIO(tiny_png()), width=Cm(3), height=Cm(height))
    float_picture(p._p.find(".//" + WP + "inline"), where.pop("x_emu", 720000), where.pop("y_emu", 0),
                  wrap=wrap, **where)
    d.add_paragraph("后文")
    d.save(str(path))
    return path


def test_a_picture_with_no_wrapping_floats(tmp_path: Path) -> None:
    document = load(floating_report(tmp_path / "浮.docx", x_emu=360000, y_emu=-180000, x_from="page",
                                    y_from="page", behind=True))
    [image] = document.blocks[1].images
    assert document.blocks[1].text == "图"
    assert image.place == FloatPlace(360000, -180000, "page", "page", None, None)  # behind the text: floats too
    assert (image.width_emu, image.height_emu) == (1080000, 1800000)


def test_a_picture_the_text_wraps_round_stays_in_the_line(tmp_path: Path) -> None:
    document = load(floating_report(tmp_path / "绕.docx", wrap="wrapSquare"))
    [image] = document.blocks[1].images
    assert image.place is None


def test_an_alignment_stands_instead_of_the_offset(tmp_path: Path) -> None:
    path = floating_report(tmp_path / "中.docx")
    d = docx.Document(str(path))
    position = d.paragraphs[1]._p.find(".//" + WP + "positionH")
    position.remove(position[0])
    etree.SubElement(position, WP + "align").text = "center"
    d.save(str(path))
    [image] = load(path).blocks[1].images
    assert image.place is not None and image.place.x_align == "center" and image.place.y_align is None


def _vml_report(path: Path, style: str, wrap: str | None) -> Path:
    """A paragraph "图" holding a VML picture with ``style`` (and a w10:wrap of type ``wrap``)."""
    d = docx.Document()
    p = d.add_paragraph("图")
    rel, _ = d.part.get_or_add_image(io.BytesIO(tiny_png()))
    wrap_xml = f'<w10:wrap type="{wrap}"/>' if wrap else ""
    run = etree.fromstring(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f'<w:pict><v:shape style="{style}"><v:imagedata r:id="{rel}"/>{wrap_xml}</v:shape></w:pict></w:r>')
    p._p.append(run)
    d.save(str(path))
    return path


def test_an_absolutely_placed_vml_picture_floats_unless_wrapped(tmp_path: Path) -> None:
    style = ("position:absolute;margin-left:36pt;margin-top:-9pt;width:90pt;height:60pt;z-index:-1;"
             "mso-position-horizontal-relative:page;mso-position-vertical-relative:text")
    [image] = load(_vml_report(tmp_path / "v.docx", style, None)).blocks[0].images
    assert image.place == FloatPlace(36 * 12700, -9 * 12700, "page", "paragraph", None, None)
    [wrapped] = load(_vml_report(tmp_path / "w.docx", style, "square")).blocks[0].images
    assert wrapped.place is None
    [inline] = load(_vml_report(tmp_path / "i.docx", "width:90pt;height:60pt", None)).blocks[0].images
    assert inline.place is None and inline.width_emu == 90 * 12700
