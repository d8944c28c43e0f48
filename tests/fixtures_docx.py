"""Build the .docx files the writer tests need, in code: a short report with the things a saver
loses first (a bold 黑体 placeholder, an image, fields, a bookmark, a hyperlink, a comment, a
table, a header and footer, a landscape section) so each test can check they survive."""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = "{" + W + "}"
NS = {"w": W}


def tiny_png() -> bytes:
    """A valid 2x2 red PNG, so the package carries a real image part."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def _xml(fragment: str):  # noqa: ANN202 - an lxml element
    from docx.oxml import parse_xml

    return parse_xml(f'<root xmlns:w="{W}">{fragment}</root>')[0]


def build_report(path: Path) -> Path:
    """A report of a few paragraphs. Block texts (in reading order):

    0 "2025年度工作述职报告" (Title style)
    1 "一、主要工作" (Heading 1)
    2 "全年召开党组会X次，谈话XX人次。" where X is a bold 黑体 run of its own
    3 "图片在此：" followed by an inline image, then "之后的文字"
    4 "第1页" where 1 is a PAGE field's result, then a bookmark, then "书签后"
    5 "详见网站说明。" where 网站 is a hyperlink
    6 "有批注的一段。" with a comment on 批注
    7-10 the table cells "项目", "数量", "会议", "X次"
    11 "落款单位"
    12 "" the paragraph that ends the first section (its pPr holds the sectPr)
    13 "横向一节的正文。" in a second, landscape section
    """
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.shared import Pt

    d = docx.Document()
    d.add_paragraph("2025年度工作述职报告", style="Title")
    d.add_paragraph("一、主要工作", style="Heading 1")
    p = d.add_paragraph()
    p.paragraph_format.first_line_indent = Pt(32)
    p.add_run("全年召开党组会")
    x = p.add_run("X")
    x.bold = True
    x.font.size = Pt(16)
    x._r.get_or_add_rPr().get_or_add_rFonts().set(_W + "eastAsia", "黑体")
    p.add_run("次，谈话XX人次。")
    p = d.add_paragraph()
    p.add_run("图片在此：")
    p.add_run().add_picture(io.BytesIO(tiny_png()))
    p.add_run("之后的文字")
    p = d.add_paragraph()
    p.add_run("第")
    for fragment in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
                     '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                     '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>1</w:t></w:r>",
                     '<w:r><w:fldChar w:fldCharType="end"/></w:r>', "<w:r><w:t>页</w:t></w:r>",
                     '<w:bookmarkStart w:id="7" w:name="mark"/>', '<w:bookmarkEnd w:id="7"/>',
                     "<w:r><w:t>书签后</w:t></w:r>"):
        p._p.append(_xml(fragment))
    p = d.add_paragraph()
    p.add_run("详见")
    rid = d.part.relate_to("https://example.org/", RT.HYPERLINK, is_external=True)
    p._p.append(_xml(f'<w:hyperlink xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
                     f' r:id="{rid}"><w:r><w:t>网站</w:t></w:r></w:hyperlink>'))
    p.add_run("说明。")
    p = d.add_paragraph()
    p.add_run("有")
    commented = p.add_run("批注")
    p.add_run("的一段。")
    d.add_comment(commented, text="请核实", author="审核人")
    table = d.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("项目", "数量", "会议", "X次")):
        cell.text = text
    d.add_paragraph("落款单位")
    d.sections[0].header.paragraphs[0].text = "页眉文字"
    d.sections[0].footer.paragraphs[0].text = "页脚文字"
    section = d.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    d.add_paragraph("横向一节的正文。")
    d.save(str(path))
    return path


def parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def c14n(data: bytes) -> bytes:
    """Canonical XML of a part, with the whitespace between elements (which python-docx's parser
    drops and Word ignores) removed on both sides."""
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(data, parser), method="c14n")


def is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels")) or name == "[Content_Types].xml"


def body_paragraphs(path: Path) -> list[bytes]:
    """Canonical XML of every w:p of the main document, in document order (nested ones too)."""
    root = etree.fromstring(parts(path)["word/document.xml"], etree.XMLParser(remove_blank_text=True))
    return [etree.tostring(p, method="c14n") for p in root.iter(_W + "p")]


def paragraph_xml(path: Path, index: int) -> etree._Element:
    root = etree.fromstring(parts(path)["word/document.xml"])
    return list(root.iter(_W + "p"))[index]
