"""The names of WordprocessingML the reader and the writers share: namespaces and tags in Clark
notation ("{namespace}tag", as lxml spells them), one place for all (as python-docx's oxml.ns)."""
from __future__ import annotations

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"  # prefix: W + "p" is the tag of a paragraph
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
DRAWINGML = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

P, R, T, TBL, TR, TC, SDT, SDT_CONTENT = (W + n for n in ("p", "r", "t", "tbl", "tr", "tc", "sdt", "sdtContent"))
# Containers whose runs are part of the paragraph's visible text.
RUN_CONTAINERS = frozenset(W + n for n in ("hyperlink", "ins", "smartTag", "sdt", "sdtContent", "fldSimple",
                                           "customXml", "moveTo", "dir", "bdo"))
CUSTOM_XML = W + "customXml"
# Pictures in a run: DrawingML (w:drawing) and the VML of older files (w:pict, w:object).
DRAWING, PICT, OBJECT = W + "drawing", W + "pict", W + "object"
ALTERNATE_CONTENT, CHOICE, FALLBACK = MC + "AlternateContent", MC + "Choice", MC + "Fallback"
BLIP = DRAWINGML + "blip"
CHART = "{http://schemas.openxmlformats.org/drawingml/2006/chart}chart"
IMAGEDATA = "{urn:schemas-microsoft-com:vml}imagedata"
W10 = "{urn:schemas-microsoft-com:office:word}"  # VML's Word extras (w10:wrap)
