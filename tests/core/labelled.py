"""The labelled templates of tests/fixtures/labelled: load them, run the engine, score it.

The marks (see the folder's README) are stripped here; what they marked becomes the gold
standard. ``python -m tests.core.labelled [dev|holdout|all]`` prints the scores per document
category and lists every miss, which is how the rules were tuned (on ``dev`` only).
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from app.core.document import Document
from app.core.scan import Report, scan

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "labelled"
KIND_OF_MARK = {"f": "figure", "n": "name", "d": "date", "y": "year"}
_MARK = re.compile(r"\{\{(.+?)\|([fndy])\}\}|<<(.+?)>>")
# Trimmed from both ends of a junk fragment before comparing: whether a cut takes the brackets
# or the comma beside an ad is the clean-up's business (tidy_span), not the finder's.
_FRAGMENT_TRIM = " \u3000（）()【】[]，,。、；;：:"


@dataclass
class Line:
    text: str
    cells: list[str] | None = None  # a table row
    heading_style: bool = False


@dataclass
class Labelled:
    """One labelled document: its blocks' texts and what the engine should find in them."""

    name: str
    docx: bool
    lines: list[Line]
    texts: list[str] = field(default_factory=list)  # per block, in reading order
    cell_blocks: set[int] = field(default_factory=set)
    placeholders: dict[tuple[int, int, int], str] = field(default_factory=dict)  # (block, start, end) -> kind
    headings: set[int] = field(default_factory=set)
    junk_lines: set[int] = field(default_factory=set)
    fragments: set[tuple[int, str]] = field(default_factory=set)  # (block, trimmed text)


def _strip(text: str, block: int, doc: Labelled) -> str:
    out: list[str] = []
    pos = 0
    length = 0
    for m in _MARK.finditer(text):
        plain = text[pos:m.start()]
        out.append(plain)
        length += len(plain)
        token = m.group(1) if m.group(1) is not None else m.group(3)
        if m.group(1) is not None:
            doc.placeholders[(block, length, length + len(token))] = KIND_OF_MARK[m.group(2)]
        else:
            doc.fragments.add((block, token.strip(_FRAGMENT_TRIM)))
        out.append(token)
        length += len(token)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def parse(path: Path) -> Labelled:
    raw = path.read_text(encoding="utf-8").splitlines()
    doc = Labelled(path.stem, bool(raw) and raw[0].strip() == "%% docx", [])
    for line in raw:
        if line.startswith("%%"):
            continue
        junk = heading = style = False
        if line.startswith("! "):
            junk, line = True, line[2:]
        if line.startswith("# "):
            heading, line = True, line[2:]
        if line.startswith("~ "):
            style, line = True, line[2:]
        if line.startswith("| "):
            for cell in line[2:].split(" | "):
                block = len(doc.texts)
                doc.cell_blocks.add(block)
                doc.texts.append(_strip(cell.strip(), block, doc))
            doc.lines.append(Line("", [doc.texts[b] for b in range(len(doc.texts) - len(line[2:].split(" | ")),
                                                                   len(doc.texts))]))
            continue
        block = len(doc.texts)
        doc.texts.append(_strip(line, block, doc))
        doc.lines.append(Line(doc.texts[-1], None, style))
        if junk:
            doc.junk_lines.add(block)
        if heading:
            doc.headings.add(block)
    return doc


def build_docx(doc: Labelled, path: Path) -> Path:
    import docx  # python-docx: only the .docx documents need it

    d = docx.Document()
    table = None
    for line in doc.lines:
        if line.cells is None:
            table = None
            d.add_paragraph(line.text, style="Heading 2" if line.heading_style else None)
            continue
        if table is None:
            table = d.add_table(rows=0, cols=len(line.cells))
        row = table.add_row()
        for cell, text in zip(row.cells, line.cells):
            cell.text = text
    d.save(str(path))
    return path


def documents(part: str) -> list[Path]:
    parts = ("dev", "holdout") if part == "all" else (part,)
    return sorted(p for name in parts for p in (LABELLED / name).glob("*.txt"))


def load_document(doc: Labelled, workdir: Path) -> Document:
    """The document as the app reads it: a .docx through the reader, text as lines."""
    if not doc.docx:
        return Document.from_lines(list(doc.texts))
    from app.io.load import load

    document = load(build_docx(doc, workdir / f"{doc.name}.docx"))
    texts = document.texts
    if texts != doc.texts:  # python-docx's default template may add nothing; make sure
        raise AssertionError(f"{doc.name}: the .docx reads back differently:\n{texts}\n{doc.texts}")
    return document


@dataclass
class Tally:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0

    @property
    def precision(self) -> float:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_pos + self.false_neg
        return self.true_pos / gold if gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, found: set, gold: set) -> tuple[set, set]:
        self.true_pos += len(found & gold)
        self.false_pos += len(found - gold)
        self.false_neg += len(gold - found)
        return found - gold, gold - found


@dataclass
class Scores:
    placeholders: Tally = field(default_factory=Tally)
    kinds_right: int = 0
    kinds_total: int = 0
    headings: Tally = field(default_factory=Tally)
    junk_lines: Tally = field(default_factory=Tally)
    body_lines: int = 0  # non-empty lines that are not junk
    body_called_junk: int = 0
    fragments: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> float:
        return self.kinds_right / self.kinds_total if self.kinds_total else 1.0

    @property
    def body_junk_rate(self) -> float:
        return self.body_called_junk / self.body_lines if self.body_lines else 0.0

    def table(self) -> str:
        p, h, j, f = self.placeholders, self.headings, self.junk_lines, self.fragments
        return "\n".join([
            f"placeholders  P {p.precision:.3f}  R {p.recall:.3f}  (gold {p.true_pos + p.false_neg})",
            f"kinds         {self.kinds:.3f}  ({self.kinds_right}/{self.kinds_total})",
            f"headings      P {h.precision:.3f}  R {h.recall:.3f}  F1 {h.f1:.3f}  (gold {h.true_pos + h.false_neg})",
            f"junk lines    P {j.precision:.3f}  R {j.recall:.3f}  (gold {j.true_pos + j.false_neg}); body called junk "
            f"{self.body_called_junk}/{self.body_lines} = {self.body_junk_rate:.3%}",
            f"fragments     P {f.precision:.3f}  R {f.recall:.3f}  (gold {f.true_pos + f.false_neg})",
        ])


def score(doc: Labelled, report: Report, scores: Scores) -> None:
    name = doc.name
    found = {(p.block, p.start, p.end): p.kind for p in report.placeholders}
    extra, missed = scores.placeholders.add(set(found), set(doc.placeholders))
    for key in sorted(extra):
        scores.misses.append(f"{name}: placeholder not labelled {doc.texts[key[0]][key[1]:key[2]]!r} "
                             f"in {doc.texts[key[0]]!r}")
    for key in sorted(missed):
        scores.misses.append(f"{name}: placeholder missed {doc.texts[key[0]][key[1]:key[2]]!r} in {doc.texts[key[0]]!r}")
    for key in set(found) & set(doc.placeholders):
        scores.kinds_total += 1
        if found[key] == doc.placeholders[key]:
            scores.kinds_right += 1
        else:
            scores.misses.append(f"{name}: kind {found[key]} for {doc.placeholders[key]} "
                                 f"{doc.texts[key[0]][key[1]:key[2]]!r} in {doc.texts[key[0]]!r}")
    outline = {s.block for s in report.outline}
    extra, missed = scores.headings.add(outline, doc.headings)
    scores.misses += [f"{name}: heading not labelled {doc.texts[b]!r}" for b in sorted(extra)]
    scores.misses += [f"{name}: heading missed {doc.texts[b]!r}" for b in sorted(missed)]
    whole = {j.block for j in report.junk if j.whole_block}
    reasons = {j.block: getattr(j, "reason", j.rule) for j in report.junk if j.whole_block}
    extra, missed = scores.junk_lines.add(whole, doc.junk_lines)
    body = {b for b, t in enumerate(doc.texts) if t.strip() and b not in doc.junk_lines}
    scores.body_lines += len(body)
    scores.body_called_junk += len(whole & body)
    scores.misses += [f"{name}: junk line not labelled {doc.texts[b]!r} ({reasons[b]})" for b in sorted(extra)]
    scores.misses += [f"{name}: junk line missed {doc.texts[b]!r}" for b in sorted(missed)]
    fragments = {(j.block, j.text.strip(_FRAGMENT_TRIM)) for j in report.junk
                 if not j.whole_block and j.block not in doc.junk_lines}
    extra, missed = scores.fragments.add(fragments, doc.fragments)
    scores.misses += [f"{name}: fragment not labelled {t!r} in {doc.texts[b]!r}" for b, t in sorted(extra)]
    scores.misses += [f"{name}: fragment missed {t!r} in {doc.texts[b]!r}" for b, t in sorted(missed)]


def evaluate(part: str, workdir: Path) -> Scores:
    scores = Scores()
    for path in documents(part):
        doc = parse(path)
        score(doc, scan(load_document(doc, workdir)), scores)
    return scores


def main(argv: list[str]) -> int:
    import tempfile

    part = argv[0] if argv else "dev"
    with tempfile.TemporaryDirectory() as tmp:
        scores = evaluate(part, Path(tmp))
    print("\n".join(scores.misses))
    print(f"--- {part}: {len(documents(part))} documents")
    print(scores.table())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
