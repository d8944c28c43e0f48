"""Real-world .docx files (../shared/corpus/docx): each opens or is refused with a DocumentError,
never another exception and never a hang. Each that opens is saved through the path the window's
Save and `convert` use, and must come back with the same text and every part unchanged; then one
paragraph is edited and every other paragraph and every other part must still be unchanged. The
ones with Chinese text are also reformatted to the official format and must reopen intact."""
from __future__ import annotations

import signal
import zipfile
from pathlib import Path

import pytest

from app.io.errors import DocumentError
from app.io.load import load
from app.io.save import save_document
from tests.fixtures_docx import body_paragraphs, c14n, is_xml, parts
from tests.shared import CORPUS

FILES = sorted(CORPUS.glob("*.docx")) if CORPUS.is_dir() else []
SECONDS_PER_FILE = 60

# Files whose edited paragraph cannot be compared paragraph by paragraph, and why. (Empty: every
# file of the corpus that opens passes all checks; keep the reason here if one ever cannot.)
EDIT_EXCEPTIONS: dict[str, str] = {}


class Hang(Exception):
    pass


@pytest.fixture(autouse=True)
def no_hang():  # noqa: ANN201
    """Fail a file that takes longer than SECONDS_PER_FILE instead of hanging the suite."""

    def alarm(signum, frame):  # noqa: ANN001, ANN202
        raise Hang(f"took longer than {SECONDS_PER_FILE} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(SECONDS_PER_FILE)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def backups_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.io.save as save

    monkeypatch.setattr(save, "backup_root", lambda: tmp_path / "backups")


def open_or_refuse(path: Path):  # noqa: ANN201
    try:
        return load(path)
    except DocumentError as exc:
        assert exc.message and not exc.message.isascii(), "a refusal says what is wrong, in Chinese"
        return None


def test_corpus_is_present_or_skipped() -> None:
    if not FILES:
        pytest.skip(f"corpus not present: {CORPUS}")
    assert len(FILES) > 300


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_opens_or_refuses_and_saves_losslessly(path: Path, tmp_path: Path) -> None:
    document = open_or_refuse(path)
    if document is None:
        return
    out = tmp_path / "out.docx"
    save_document(document, out)
    reread = load(out)
    assert reread.texts == document.texts
    before, after = parts(path), parts(out)
    assert list(before) == list(after)
    for name, data in before.items():
        if data != after[name]:
            assert is_xml(name) and c14n(data) == c14n(after[name]), name


def _editable(document) -> int | None:  # noqa: ANN001
    for i, block in enumerate(document.blocks):
        if block.cell is None and block.text.strip():
            return i
    return None


@pytest.mark.slow
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_an_edit_touches_only_its_paragraph(path: Path, tmp_path: Path) -> None:
    document = open_or_refuse(path)
    if document is None or path.name in EDIT_EXCEPTIONS:
        return
    index = _editable(document)
    if index is None:
        return
    block = document.blocks[index]
    block.replace_text(0, 0, "（改）")
    block.replace_text(len(block.text), len(block.text), "（完）")
    out = tmp_path / "edited.docx"
    save_document(document, out)
    reread = load(out)
    assert reread.texts == document.texts
    before, after = parts(path), parts(out)
    assert list(before) == list(after)
    main = _main_part(path)
    assert [n for n in before if n.lower() != main.lower() and before[n] != after[n]] == []
    old_ps, new_ps = body_paragraphs_of(path, main), body_paragraphs_of(out, main)
    assert len(old_ps) == len(new_ps)
    changed = [i for i, (a, b) in enumerate(zip(old_ps, new_ps)) if a != b]
    assert len(changed) == 1, changed


def _main_part(path: Path) -> str:
    from app.io.docx_reader import main_part_name

    with zipfile.ZipFile(path) as zf:
        return main_part_name(zf) or "word/document.xml"


def body_paragraphs_of(path: Path, main: str) -> list[bytes]:
    from lxml import etree

    package = parts(path)
    name = next(n for n in package if n.lower() == main.lower())
    root = etree.fromstring(package[name], etree.XMLParser(remove_blank_text=True, huge_tree=True))
    return [etree.tostring(p, method="c14n") for p in root.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")]


def test_body_paragraph_helper_sees_every_paragraph(tmp_path: Path) -> None:
    from tests.fixtures_docx import build_report

    report = build_report(tmp_path / "r.docx")
    assert len(body_paragraphs(report)) == len(body_paragraphs_of(report, "word/document.xml")) == 14


def _chinese_files() -> list[Path]:
    """The corpus files with Chinese body text (from MANIFEST.tsv): the ones people reformat."""
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    return sorted(CORPUS / row[0] for row in rows if len(row) > 10 and row[10].isdigit() and int(row[10]) > 0)


CHINESE = _chinese_files()


@pytest.mark.slow
@pytest.mark.parametrize("path", CHINESE, ids=[p.name for p in CHINESE])
def test_official_format_of_real_documents(path: Path, tmp_path: Path) -> None:
    from app.io.official import BODY_FONT, HEADING_FONTS, TITLE_FONT, apply_official_format

    document = open_or_refuse(path)
    if document is None:
        return
    apply_official_format(document)
    out = tmp_path / "official.docx"
    save_document(document, out)
    reread = load(out)
    assert reread.texts == document.texts
    fonts = {BODY_FONT, TITLE_FONT, *HEADING_FONTS.values()}
    for block in reread.blocks:
        if block.cell is None:
            assert {r.format.font_east_asia for r in block.runs} <= fonts, block.text[:30]
    import docx

    sections = docx.Document(str(out)).sections
    assert [(s.page_width.twips, s.page_height.twips) for s in sections] == [(11906, 16838)] * len(sections)
