"""Fuzzing the readers with real documents from the shared corpus, mutated: byte flips,
truncation, corrupted zip members, and XML mutations inside the main part. Every result must be
a document (which then scans) or a DocumentError, never another exception.

The mutation functions here are also used by tests/fuzz/run.py for the long run outside CI.
"""
from __future__ import annotations

from tests.shared import CORPUS as CORPUS_DIR

import io
import random
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.scan import scan
from app.io.docx_reader import UNEXPECTED
from app.io.errors import DocumentError
from app.io.load import load

CORPUS = CORPUS_DIR
# Small seeds keep each case fast; the corpus has plenty under this size.
SEED_SIZE_LIMIT = 200 * 1024


def seeds() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.glob("*.docx") if p.stat().st_size <= SEED_SIZE_LIMIT)


# --- mutations ---------------------------------------------------------------------------------

def flip_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        at = rng.randrange(len(out))
        out[at] = rng.choice((out[at] ^ (1 << rng.randrange(8)), rng.randrange(256), 0, 0xFF))
    return bytes(out)


def truncate(data: bytes, rng: random.Random) -> bytes:
    return data[:rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random) -> bytes:
    """Cut a slice out, or copy one somewhere else (shifts every offset after it)."""
    a, b = sorted(rng.randrange(len(data) + 1) for _ in range(2))
    b = max(b, min(a + 1, len(data)))
    if rng.random() < 0.5:
        return data[:a] + data[b:]
    at = rng.randrange(len(data) + 1)
    return data[:at] + data[a:b] + data[at:]


def _rezip(data: bytes, change) -> bytes:  # noqa: ANN001 - change(name, bytes) -> bytes | None
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = change(info.filename, source.read(info.filename))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def corrupt_member(data: bytes, rng: random.Random) -> bytes:
    """Damage one zip member's content (flip, truncate, empty or drop it), re-zipped validly."""
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return flip_bytes(data, rng)
    if not names:
        return data
    victim = rng.choice(names)
    how = rng.choice(("flip", "truncate", "empty", "drop", "garbage"))

    def change(name: str, content: bytes) -> bytes | None:
        if name != victim:
            return content
        if how == "drop":
            return None
        if how == "empty" or not content:
            return b""
        if how == "truncate":
            return truncate(content, rng)
        if how == "garbage":
            return rng.randbytes(rng.randint(1, 2048))
        return flip_bytes(content, rng)

    try:
        return _rezip(data, change)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        return flip_bytes(data, rng)


_XML_NOISE = [b"<", b">", b"</w:p>", b"<w:p>", b"<w:r><w:t>", b"</w:t></w:r>", b"&", b"&amp;", b"&#0;",
              b'"', b"<w:tbl><w:tr><w:tc>", b"</w:tc></w:tr></w:tbl>", b"<w:sdt><w:sdtContent>",
              b"\xff\xfe", b"\x00", "（一）".encode(), "XX次".encode(), b"<w:outlineLvl w:val=\"99\"/>",
              b'<w:gridSpan w:val="-3"/>', b'<w:sz w:val="abc"/>', b'<w:ind w:firstLineChars="--"/>',
              b'<w:vMerge/>', b"<![CDATA[", b"<?pi?>", b"<!-- -->"]


def mutate_xml(data: bytes, rng: random.Random) -> bytes:
    """Edit the main document part as text: insert markup fragments, cut or repeat a slice."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        main = next((n for n in zf.namelist() if n.endswith("document.xml")), None)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return flip_bytes(data, rng)
    if main is None:
        return corrupt_member(data, rng)

    def change(name: str, content: bytes) -> bytes:
        if name != main or not content:
            return content
        text = bytearray(content)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(text) + 1)
            choice = rng.random()
            if choice < 0.6:
                text[at:at] = rng.choice(_XML_NOISE)
            elif choice < 0.8:
                end = min(len(text), at + rng.randint(1, 200))
                del text[at:end]
            else:
                end = min(len(text), at + rng.randint(1, 400))
                text[at:at] = text[at:end] * rng.randint(2, 5)
        return bytes(text)

    try:
        return _rezip(data, change)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        return flip_bytes(data, rng)


_ODD_VALUES = ["", "-1", "0", "99999999999999999999", "abc", "1.5", "NaN", "-", "true", "none", "restart",
               "continue", "auto", "999", "\u3000", "ＸＸ"]


def mutate_tree(data: bytes, rng: random.Random) -> bytes:
    """Keep the main part well-formed but wrong: delete, duplicate or move elements, and give
    attributes odd values, so the reader's own logic (not just the XML parser) is exercised."""
    from lxml import etree

    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        main = next((n for n in zf.namelist() if n.endswith("document.xml")), None)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return flip_bytes(data, rng)
    if main is None:
        return corrupt_member(data, rng)

    def change(name: str, content: bytes) -> bytes:
        if name != main:
            return content
        try:
            root = etree.fromstring(content, etree.XMLParser(resolve_entities=False, no_network=True))
        except etree.XMLSyntaxError:
            return flip_bytes(content, rng) if content else content
        elements = list(root.iter())
        for _ in range(rng.randint(1, 8)):
            el = rng.choice(elements)
            op = rng.random()
            parent = el.getparent()
            if op < 0.25 and parent is not None:
                parent.remove(el)
            elif op < 0.45 and parent is not None:
                target = rng.choice(elements)
                if el not in target.iterancestors() and target is not el:
                    target.insert(rng.randint(0, len(target)), etree.fromstring(etree.tostring(el)))
            elif op < 0.85 and el.attrib:
                key = rng.choice(list(el.attrib))
                el.set(key, rng.choice(_ODD_VALUES))
            elif el.text is not None or op < 0.95:
                el.text = rng.choice(_ODD_VALUES + ["X次", "（一）", "一、", "\x0b"]) if op < 0.95 else None
            elements = list(root.iter())
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    try:
        return _rezip(data, change)
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        return flip_bytes(data, rng)


MUTATIONS = [flip_bytes, truncate, splice, corrupt_member, mutate_xml, mutate_tree, mutate_tree]


def mutate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    try:
        return rng.choice(MUTATIONS)(data, rng)
    except Exception:  # noqa: BLE001 - a mutation that trips over its own input (lxml, zipfile)
        return flip_bytes(data, rng)


def open_or_refuse(path: Path) -> str:
    """'opened' or 'refused'; any other exception propagates (that is the bug a fuzzer finds)."""
    try:
        document = load(path)
    except DocumentError as exc:
        assert exc.message, "a refusal must say why"
        # The reader turns its own unexpected exceptions into refusals so users never see a
        # crash; here they still count as failures, since each one is a reader bug.
        assert not exc.detail.startswith(UNEXPECTED), exc.detail
        return "refused"
    scan(document)
    return "opened"


# --- the bounded CI run --------------------------------------------------------------------

SEEDS = seeds()


@pytest.mark.skipif(not SEEDS, reason=f"shared corpus not present at {CORPUS}")
@settings(max_examples=100, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(seed_index=st.integers(min_value=0, max_value=max(len(SEEDS) - 1, 0)),
       rng=st.randoms(use_true_random=False), suffix=st.sampled_from([".docx", ".txt", ".doc"]))
def test_mutated_corpus_documents_open_or_are_refused(seed_index: int, rng: random.Random, suffix: str) -> None:
    data = mutate(SEEDS[seed_index].read_bytes(), rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"变异 样本{suffix}"
        path.write_bytes(data)
        assert open_or_refuse(path) in ("opened", "refused")


def test_mutations_really_change_documents() -> None:
    # Guard against a fuzzer that silently tests the untouched seeds.
    if not SEEDS:
        pytest.skip(f"shared corpus not present at {CORPUS}")
    rng = random.Random(7)
    for mutation in MUTATIONS:
        changed = sum(mutation(seed.read_bytes(), rng) != seed.read_bytes() for seed in SEEDS[:10])
        assert changed >= 9, mutation.__name__


_TEXT_SAMPLE = "二〇二五年工作总结\r\n一、主要工作\n（一）组织学习X次，覆盖XX人次。\r\n\t完成____%。\n"


@settings(max_examples=100, deadline=None, derandomize=True)
@given(encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-be"]),
       rng=st.randoms(use_true_random=False), noise=st.binary(max_size=64))
def test_mutated_text_files_open_or_are_refused(encoding: str, rng: random.Random, noise: bytes) -> None:
    data = _TEXT_SAMPLE.encode(encoding)
    data = rng.choice([flip_bytes, truncate, splice, lambda d, r: d + noise, lambda d, r: noise + d])(data, rng)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "变异.txt"
        path.write_bytes(data)
        assert open_or_refuse(path) in ("opened", "refused")
