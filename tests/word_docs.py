"""Small .docx files built at test time with python-docx and lxml, each showing one of Word's
formatting or numbering rules (issue 14): lists in numbering.xml, style chains, docDefaults,
theme fonts, table styles."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

import docx
from docx.oxml import parse_xml

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS = f'xmlns:w="{W}"'


def xml(fragment: str):  # noqa: ANN201 - an lxml element
    """An element from a fragment written with the w: prefix."""
    return parse_xml(re.sub(r"^<([\w:]+)", lambda m: f"<{m.group(1)} {_NS}", fragment, count=1))


def level(ilvl: int, fmt: str, text: str, start: int = 1, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def set_lists(document: docx.document.Document, abstracts: dict[int, Sequence[str]],
              nums: dict[int, tuple[int, str]]) -> None:
    """Replace the lists: ``abstracts`` abstractNumId -> its w:lvl elements (as XML), ``nums``
    numId -> (abstractNumId, extra XML inside the w:num such as a w:lvlOverride)."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for aid, levels in abstracts.items():
        numbering.append(xml(f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'))
    for nid, (aid, extra) in nums.items():
        numbering.append(xml(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{extra}</w:num>'))


def numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int = 0, style: str | None = None):  # noqa: ANN201
    p = document.add_paragraph(text, style=style)
    ppr = p._p.get_or_add_pPr()
    ppr.append(xml(f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    return p


def add_style(document: docx.document.Document, style_xml: str) -> None:
    document.styles.element.append(xml(style_xml))


def set_doc_defaults(document: docx.document.Document, rpr: str = "", ppr: str = "") -> None:
    styles = document.styles.element
    old = styles.find(f"{{{W}}}docDefaults")
    if old is not None:
        styles.remove(old)
    styles.insert(0, xml(f"<w:docDefaults><w:rPrDefault><w:rPr>{rpr}</w:rPr></w:rPrDefault>"
                         f"<w:pPrDefault><w:pPr>{ppr}</w:pPr></w:pPrDefault></w:docDefaults>"))


def set_theme_fonts(document: docx.document.Document, minor_latin: str, minor_ea: str = "",
                    hans: str = "宋体", major_latin: str = "Calibri Light", major_hans: str = "黑体") -> None:
    """The theme's fonts: the East Asian one empty (as Word writes it) with script fonts for
    Simplified Chinese, so Word takes the font of the document's East Asian language."""
    theme = next(r.target_part for r in document.part.rels.values() if r.reltype.endswith("/theme"))
    theme._blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="{A}" name="T"><a:themeElements>'
        f'<a:fontScheme name="T"><a:majorFont><a:latin typeface="{major_latin}"/><a:ea typeface=""/>'
        f'<a:font script="Hans" typeface="{major_hans}"/><a:font script="Jpan" typeface="ＭＳ ゴシック"/></a:majorFont>'
        f'<a:minorFont><a:latin typeface="{minor_latin}"/><a:ea typeface="{minor_ea}"/>'
        f'<a:font script="Hans" typeface="{hans}"/><a:font script="Jpan" typeface="ＭＳ 明朝"/></a:minorFont>'
        f'</a:fontScheme></a:themeElements></a:theme>'
    ).encode("utf-8")


def set_theme_lang(document: docx.document.Document, east_asia: str) -> None:
    settings = document.settings.element
    for old in settings.findall(f"{{{W}}}themeFontLang"):
        settings.remove(old)
    settings.append(xml(f'<w:themeFontLang w:val="en-US" w:eastAsia="{east_asia}"/>'))


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


def add_endnotes(path: Path, notes: Sequence[Sequence[str]]) -> Path:
    """Give the saved .docx at ``path`` an endnotes part holding ``notes`` (each a list of its
    paragraphs' texts), as Word writes one: the two separators first."""
    import zipfile

    def paragraphs(texts: Sequence[str]) -> str:
        return "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in texts)

    body = "".join(f'<w:endnote w:id="{n + 1}">{paragraphs(texts)}</w:endnote>' for n, texts in enumerate(notes))
    part = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:endnotes xmlns:w="{W}">'
            '<w:endnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>'
            '<w:endnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
            f'</w:endnote>{body}</w:endnotes>')
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    items["word/endnotes.xml"] = part.encode("utf-8")
    items["[Content_Types].xml"] = items["[Content_Types].xml"].replace(b"</Types>", (
        b'<Override PartName="/word/endnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
        b'wordprocessingml.endnotes+xml"/></Types>'))
    rels = "word/_rels/document.xml.rels"
    items[rels] = items[rels].replace(b"</Relationships>", (
        b'<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'endnotes" Target="endnotes.xml"/></Relationships>'))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in items.items():
            out.writestr(name, data)
    return path


__all__ = ["A", "W", "add_endnotes", "add_style", "level", "numbered", "save", "set_doc_defaults", "set_lists", "set_theme_fonts",
           "set_theme_lang", "xml"]
