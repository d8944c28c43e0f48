"""The window finds what the engine's scan finds on the labelled templates with site chrome at the
top (breadcrumbs, publishing lines, collection captions): the window judges each block alone and
the lines above the first heading together, the scan the whole document; both must agree."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.scan import scan
from app.io.load import load
from tests.core.labelled import LABELLED, build_docx, parse

CHROME_AT_THE_TOP = ["d01_breadcrumb_shuzhi", "d02_collection", "d11_docx_download_heading", "d14_site_footer",
                     "d19_reading_site", "d32_time_line", "d34_intro_variants"]


@pytest.mark.parametrize("name", CHROME_AT_THE_TOP)
def test_window_and_scan_agree(window, tmp_path: Path, name: str) -> None:  # noqa: ANN001
    doc = parse(LABELLED / "dev" / f"{name}.txt")
    if doc.docx:
        path = build_docx(doc, tmp_path / f"{name}.docx")
    else:
        path = tmp_path / f"{name}.txt"
        path.write_text("\n".join(doc.texts), encoding="utf-8")
    report = scan(load(path))
    assert window.open_path(path)
    assert [(s.level, s.title, s.block) for s in window.snapshot.sections] == \
        [(s.level, s.title, s.block) for s in report.outline]
    assert [(p.block, p.start, p.token) for p in window.snapshot.placeholders] == \
        [(p.block, p.start, p.token) for p in report.placeholders]
    assert {s.block for s in report.outline} == doc.headings  # the labels, so the test means something
