"""The engine against the labelled templates (tests/fixtures/labelled): placeholders and their
kinds, headings, junk lines and fragments, scored per category on the tuning set and the set held
out from tuning. Run ``python -m tests.core.labelled all`` to see every miss."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.labelled import Scores, documents, evaluate, load_document, parse


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> Scores:
    """The whole set; the tuning set and the held-out set are printed apart (pytest -s)."""
    for part in ("dev", "holdout"):
        print(f"\n--- labelled set: {part}\n{evaluate(part, tmp_path_factory.mktemp(part)).table()}")
    return evaluate("all", tmp_path_factory.mktemp("all"))


def test_the_set_is_big_enough() -> None:
    assert len(documents("dev")) >= 30 and len(documents("holdout")) >= 10
    docx = [p for p in documents("all") if parse(p).docx]
    assert len(docx) >= 5


def test_docx_documents_read_back_with_their_table_cells(tmp_path: Path) -> None:
    doc = parse(next(p for p in documents("dev") if p.stem.startswith("d04")))
    document = load_document(doc, tmp_path)
    cells = {i for i, b in enumerate(document.blocks) if b.cell is not None}
    assert cells == doc.cell_blocks and cells


def test_placeholders(scores: Scores) -> None:
    assert scores.placeholders.precision >= 0.99, "\n".join(scores.misses)
    assert scores.placeholders.recall >= 0.99, "\n".join(scores.misses)


def test_kinds(scores: Scores) -> None:
    assert scores.kinds >= 0.97, "\n".join(scores.misses)


def test_headings(scores: Scores) -> None:
    assert scores.headings.f1 >= 0.95, "\n".join(scores.misses)


def test_junk_lines(scores: Scores) -> None:
    assert scores.junk_lines.recall >= 0.95, "\n".join(scores.misses)
    assert scores.body_junk_rate <= 0.02, "\n".join(scores.misses)


def test_junk_fragments(scores: Scores) -> None:
    assert scores.fragments.precision >= 0.9 and scores.fragments.recall >= 0.9, "\n".join(scores.misses)
