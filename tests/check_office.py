"""`make check-office`: a real office suite reads what Tianbao writes.

LibreOffice converts to PDF (1) the official-format document made from the bundled text sample
and (2) a real corpus document after `fill`. Checked: A4 pages, the page count, the text
(pdftotext: title, filled values, page numbers "— N —" on every page), 22 text lines on a full
official page, and the fonts the PDF embeds (listed, since which ones resolve depends on what
is installed). Page 1 of each is rendered with pdftoppm to build/office/*.png to be looked at.

Word fidelity (issue 14): for every corpus .docx LibreOffice opens, the list labels our reader
works out (``Block.label``) are compared with the labels in LibreOffice's own text export, and
LibreOffice's page count is recorded beside the page count of a PDF maker of ours (a hook:
``fidelity_table(pdf_maker=...)``, which `make check-office` fills with the window's ``--pdf``). LibreOffice's exports are cached in build/office/lo-txt and
build/office/lo-pdf, so a rerun converts only new files.

    python -m tests.check_office             (needs soffice, pdfinfo, pdftotext, pdftoppm, pdffonts)
    python -m tests.check_office --fidelity  (only the corpus comparison; prints the table)
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "office"
SAMPLE_TXT = ROOT / "resources" / "samples" / "述职报告示例.txt"
sys.path.insert(0, str(ROOT))
from tests.shared import CORPUS  # noqa: E402 - the shared folder, wherever tests/shared.py finds it
CORPUS_DOC = "langchain-chatchat__行标编制说明_核电厂定期安全审查_第12部分_设计.docx"
A4_PT = (595.3, 841.9)
LINES_PER_PAGE = 22
TOOLS = ("soffice", "pdfinfo", "pdftotext", "pdftoppm", "pdffonts")


class CheckFailed(Exception):
    pass


def run(cmd: list[str], timeout: int = 300) -> str:
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0:
        raise CheckFailed(f"{' '.join(cmd[:3])}… exited {done.returncode}: {done.stderr.strip()[:400]}")
    return done.stdout


def app(*args: str) -> None:
    run([sys.executable, "-m", "app", *args])


def to_pdf(docx: Path) -> Path:
    with tempfile.TemporaryDirectory() as profile:
        # A private profile: no first-start dialogs, no clash with a running LibreOffice.
        run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(OUT), str(docx)], timeout=300)
    pdf = OUT / (docx.stem + ".pdf")
    if not pdf.exists():
        raise CheckFailed(f"LibreOffice made no PDF of {docx.name}")
    return pdf


def pdf_info(pdf: Path) -> tuple[int, list[tuple[float, float]]]:
    info = run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)])
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    return pages, sizes


def page_text(pdf: Path, page: int, layout: bool = False) -> str:
    args = ["pdftotext", "-f", str(page), "-l", str(page)] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return run(args)


def check(condition: bool, message: str) -> None:
    print(("  ok    " if condition else "  FAIL  ") + message)
    if not condition:
        raise CheckFailed(message)


def check_a4(pdf: Path) -> int:
    pages, sizes = pdf_info(pdf)
    check(bool(sizes) and all(abs(w - A4_PT[0]) < 1 and abs(h - A4_PT[1]) < 1 for w, h in sizes),
          f"{pdf.name}: every page is A4 ({len(sizes)} pages measured)")
    return pages


def render(pdf: Path, name: str) -> Path:
    run(["pdftoppm", "-f", "1", "-l", "1", "-r", "80", "-png", "-singlefile", str(pdf), str(OUT / name)])
    return OUT / f"{name}.png"


def fonts(pdf: Path) -> list[str]:
    listing = run(["pdffonts", str(pdf)]).splitlines()[2:]
    return sorted({line.split()[0].split("+")[-1] for line in listing if line.strip()})


def check_official() -> None:
    print("official format, from", SAMPLE_TXT.relative_to(ROOT))
    docx = OUT / "official.docx"
    app("convert", str(SAMPLE_TXT), str(docx))
    pdf = to_pdf(docx)
    pages = check_a4(pdf)
    check(pages == 2, f"the sample takes 2 pages at 22 lines a page (got {pages})")
    first = page_text(pdf, 1)
    check("述职报告" in first, "page 1 shows the title")
    for n in range(1, pages + 1):
        # pdftotext drops the spaces between the dashes and the figure.
        check(re.search(rf"—\s*{n}\s*—", page_text(pdf, n)) is not None, f"page {n} carries its number as “— {n} —”")
    # A full page holds 22 lines (a blank paragraph is a line too; the page number's is not).
    layout = [ln for ln in page_text(pdf, 1, layout=True).splitlines() if not re.fullmatch(r"\s*—\s*1\s*—\s*", ln)]
    filled = [i for i, ln in enumerate(layout) if ln.strip()]
    lines = filled[-1] - filled[0] + 1 if filled else 0
    check(lines == LINES_PER_PAGE, f"page 1 has {LINES_PER_PAGE} lines (got {lines})")
    print("  fonts in the PDF:", ", ".join(fonts(pdf)))
    print("  rendered:", render(pdf, "official-page1").relative_to(ROOT))


def check_filled_corpus() -> None:
    source = CORPUS / CORPUS_DOC
    if not source.exists():
        print(f"skip: corpus document not present ({source})")
        return
    print("filled corpus document,", source.name)
    original_pdf = to_pdf(_copy(source, OUT / "corpus-original.docx"))
    filled = OUT / "corpus-filled.docx"
    app("fill", str(source), str(filled), "--set", "1=2025")
    pdf = to_pdf(filled)
    pages = check_a4(pdf)
    original_pages, _ = pdf_info(original_pdf)
    check(pages == original_pages, f"filling keeps the page count ({pages} vs {original_pages} before)")
    text = run(["pdftotext", str(pdf), "-"])
    before = run(["pdftotext", str(original_pdf), "-"])
    check("NB/T 2025" in text and "NB/T 2025" not in before, "the filled value is on the page")
    check(_words(text) - {"2025"} <= _words(before) | {"NB/T"}, "no other text changed")
    print("  fonts in the PDF:", ", ".join(fonts(pdf)))
    print("  rendered:", render(pdf, "corpus-filled-page1").relative_to(ROOT))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[\w/]+", text.replace("XXXX", " ")))


def _copy(source: Path, target: Path) -> Path:
    shutil.copyfile(source, target)
    return target


# ------------------------------------------------------------------- Word fidelity (issue 14)

LO_TXT, LO_PDF = OUT / "lo-txt", OUT / "lo-pdf"
TXT_FILTER = "txt:Text (encoded):UTF8"
BATCH = 20
LABEL_TARGET, PAGES_TARGET = 0.98, 0.90


def office_exports(files: list[Path], kind: str) -> dict[Path, Path]:
    """LibreOffice's export of each file ("txt" or "pdf"), converted in batches (one start of
    LibreOffice per 20 files) and cached; files it cannot open have none."""
    out_dir = LO_TXT if kind == "txt" else LO_PDF
    out_dir.mkdir(parents=True, exist_ok=True)
    # A file LibreOffice could not convert is marked, so a rerun does not try it again.
    todo = [f for f in files if not (out_dir / f"{f.stem}.{kind}").exists() and not (out_dir / f"{f.stem}.failed").exists()]
    for i in range(0, len(todo), BATCH):
        batch = todo[i:i + BATCH]
        print(f"  LibreOffice → {kind}: {i + len(batch)} of {len(todo)}", file=sys.stderr)
        with tempfile.TemporaryDirectory() as profile:
            try:
                subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                                "--convert-to", TXT_FILTER if kind == "txt" else "pdf", "--outdir", str(out_dir),
                                *map(str, batch)], capture_output=True, timeout=900, check=False)
            except subprocess.TimeoutExpired:
                print("  LibreOffice timed out on a batch; its files are left out", file=sys.stderr)
        for f in batch:
            if not (out_dir / f"{f.stem}.{kind}").exists():
                (out_dir / f"{f.stem}.failed").touch()
    return {f: out_dir / f"{f.stem}.{kind}" for f in files if (out_dir / f"{f.stem}.{kind}").exists()}


def _squash(text: str) -> str:
    return "".join(text.split())


def _bullet(label: str) -> bool:
    return len(label) == 1 and not label.isalnum()


@dataclass
class FileLabels:
    """How one file's list labels compare: numbered paragraphs with text, those whose label
    agrees with LibreOffice's, numbered paragraphs without text (left out), and a few
    disagreements to show."""

    name: str
    numbered: int = 0
    agree: int = 0
    unmatched: int = 0
    samples: list[tuple[str, str, str]] = field(default_factory=list)  # (ours, LibreOffice's, text)
    lo_pages: int | None = None
    our_pages: int | None = None


def compare_labels(docx: Path, export: Path) -> FileLabels:
    """Find each numbered paragraph's text in LibreOffice's export, in order, and compare what
    stands before it there with our label (a bullet agrees with any one-character bullet:
    LibreOffice writes "•" and "◦" for Symbol and Courier bullets). A numbered paragraph with no
    text cannot be found by its text and is left out (counted in ``unmatched``)."""
    from app.io.docx_reader import read_docx

    result = FileLabels(docx.name)
    document = read_docx(docx)
    lines = [_squash(line) for line in export.read_text(encoding="utf-8-sig", errors="replace").splitlines()]
    cursor = 0
    for block in document.blocks:
        # LibreOffice ends a line at each line break: the paragraph's first line is what follows
        # its label (a paragraph opening with a break has its label alone on a line).
        segments = [_squash(part) for part in block.text.split("\n")]
        text = segments[0]
        if block.list_ref is None:
            # Keep in step where the very next lines hold this paragraph: a table cell saying
            # "Leaves" before a list item saying "Leaves" is not that item.
            if text:
                cursor = next((k + 1 for k in range(cursor, min(cursor + 3, len(lines))) if lines[k] == text), cursor)
            continue
        if not any(segments):
            result.unmatched += 1
            continue
        result.numbered += 1
        ours = _squash(block.label)
        level = document.numbering.level(block.list_ref) if document.numbering else None
        bullet = level is not None and level.num_fmt == "bullet"
        if text:
            found = next((k for k in range(cursor, len(lines))
                          if lines[k].endswith(text) and len(lines[k]) - len(text) <= 16), None)
        else:
            after = next(part for part in segments if part)
            found = next((k for k in range(cursor, len(lines) - 1)
                          if lines[k + 1] == after and len(lines[k]) <= 16), None)
        if found is None:
            if os.environ.get("CHECK_OFFICE_DEBUG"):
                print("    not found:", repr(block.label), repr(block.text[:50]))
            if len(result.samples) < 3:
                result.samples.append((block.label, "(not found)", block.text[:20]))
            continue
        cursor = found + 1
        theirs = lines[found][: len(lines[found]) - len(text)]
        if ours == theirs or (bullet and len(theirs) == 1 and len(ours) == 1):
            result.agree += 1
        elif len(result.samples) < 3:
            result.samples.append((block.label, theirs, block.text[:20]))
    return result


def pdf_pages(pdf: Path) -> int | None:
    try:
        return pdf_info(pdf)[0]
    except (CheckFailed, AttributeError, ValueError, subprocess.TimeoutExpired):
        return None


def fidelity_table(files: Iterable[Path] | None = None,
                   pdf_maker: Callable[[Path, Path], Path] | None = None) -> tuple[list[FileLabels], list[str]]:
    """Compare every corpus file LibreOffice opens; ``pdf_maker(docx, out_pdf)``, when given (the
    window's `--pdf`), makes our PDF so its page count stands beside LibreOffice's. Returns the
    per-file results and the summary table as Markdown lines."""
    docs = sorted(files if files is not None else CORPUS.glob("*.docx"))
    exports = office_exports(docs, "txt")
    pdfs = office_exports(docs, "pdf")
    from app.io.errors import DocumentError

    results = []
    for docx in docs:
        if docx not in exports:
            continue
        try:
            result = compare_labels(docx, exports[docx])
        except DocumentError:
            continue  # we refuse it (broken or unsupported): nothing to compare
        if docx in pdfs:
            result.lo_pages = pdf_pages(pdfs[docx])
        if pdf_maker is not None:
            ours = OUT / "ours" / f"{docx.stem}.pdf"
            ours.parent.mkdir(parents=True, exist_ok=True)
            try:
                result.our_pages = pdf_pages(pdf_maker(docx, ours))
            except (CheckFailed, OSError, subprocess.SubprocessError):
                result.our_pages = None
        results.append(result)
    return results, summary_lines(results)


# Open-XML-PowerTools' list-format test files number 1 … 3,482 in one format each: counted, and
# shown apart so that the rest of the corpus has its own figure.
CONFORMANCE = "open-xml-powertools__LIR"


def _share(results: list[FileLabels], left_out: list[FileLabels]) -> float:
    kept = [r for r in results if r not in left_out]
    numbered = sum(r.numbered for r in kept)
    return sum(r.agree for r in kept) / numbered if numbered else 1.0


def summary_lines(results: list[FileLabels]) -> list[str]:
    numbered = sum(r.numbered for r in results)
    agree = sum(r.agree for r in results)
    with_lists = [r for r in results if r.numbered]
    all_agree = sum(1 for r in with_lists if r.agree == r.numbered)
    compared = [r for r in results if r.lo_pages and r.our_pages is not None]
    close = sum(1 for r in compared if abs(r.our_pages - r.lo_pages) <= 0.15 * r.lo_pages)
    share = agree / numbered if numbered else 1.0
    conformance = [r for r in results if r.name.startswith(CONFORMANCE)]
    lines = [
        "| measure | value | target | |",
        "|---|---|---|---|",
        f"| corpus .docx LibreOffice opens and we read | {len(results)} | | |",
        f"| … with Word list numbering | {len(with_lists)} ({all_agree} with every label equal) | | |",
        f"| list labels equal to LibreOffice's text export | {agree:,} of {numbered:,} numbered paragraphs "
        f"({share:.1%}) | ≥ {LABEL_TARGET:.0%} | {'pass' if share >= LABEL_TARGET else '**miss**'} |",
        f"| … leaving out the {len(conformance)} list-format conformance files ({CONFORMANCE}*) | "
        f"{agree - sum(r.agree for r in conformance):,} of {numbered - sum(r.numbered for r in conformance):,} "
        f"({_share(results, conformance):.1%}) | | |",
        f"| numbered paragraphs with no text (nothing to find them by; left out) | "
        f"{sum(r.unmatched for r in results):,} | | |",
    ]
    if compared:
        page_share = close / len(compared)
        lines.append(f"| page count of `--pdf` within ±15% of LibreOffice's PDF | {close} of {len(compared)} files "
                     f"({page_share:.0%}) | ≥ {PAGES_TARGET:.0%} | {'pass' if page_share >= PAGES_TARGET else '**miss**'} |")
    else:
        pages = sum(1 for r in results if r.lo_pages)
        lines.append(f"| page count of `--pdf` vs LibreOffice's PDF | not measured yet (`--pdf` to come; LibreOffice "
                     f"PDFs cached for {pages} files) | ±15% on ≥ {PAGES_TARGET:.0%} | |")
    return lines


def window_pdf(docx: Path, out: Path) -> Path:
    """Our PDF of ``docx``: the window's ``--pdf`` (laid out as the window shows it)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, "-m", "app", str(docx), "--pdf", str(out)], capture_output=True, timeout=600,
                   check=True, env=env)
    return out


def check_fidelity() -> bool:
    if not CORPUS.exists():
        print(f"skip: corpus not present ({CORPUS})")
        return True
    print("Word fidelity: list labels against LibreOffice's text export, page counts against its PDF, corpus",
          CORPUS)
    results, lines = fidelity_table(pdf_maker=window_pdf)
    worst = sorted((r for r in results if r.agree < r.numbered), key=lambda r: r.agree - r.numbered)
    for r in worst[:15]:
        shown = "; ".join(f"ours {o!r} LO {t!r} «{x}»" for o, t, x in r.samples)
        print(f"  {r.name[:60]:60} {r.agree}/{r.numbered}  {shown}")
    pages = sorted((r for r in results if r.lo_pages and r.our_pages is not None),
                   key=lambda r: -abs(r.our_pages - r.lo_pages) / r.lo_pages)
    for r in pages[:15]:
        print(f"  pages {r.name[:60]:60} ours {r.our_pages} LibreOffice {r.lo_pages}")
    print("\n".join(lines))
    numbered = sum(r.numbered for r in results)
    return not numbered or sum(r.agree for r in results) / numbered >= LABEL_TARGET


def main() -> int:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print("missing tools:", ", ".join(missing), "(make check-office installs them as root)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    try:
        if "--fidelity" not in sys.argv:
            check_official()
            check_filled_corpus()
        if not check_fidelity():
            raise CheckFailed(f"fewer than {LABEL_TARGET:.0%} of list labels agree with LibreOffice")
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"check-office failed: {exc}", file=sys.stderr)
        return 1
    print("check-office: all checks passed; look at build/office/*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
