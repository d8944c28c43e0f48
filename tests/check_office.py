"""`make check-office`: a real office suite reads what Tianbao writes.

LibreOffice converts to PDF (1) the official-format document made from the bundled text sample
and (2) a real corpus document after `fill`. Checked: A4 pages, the page count, the text
(pdftotext: title, filled values, page numbers "— N —" on every page), 22 text lines on a full
official page, and the fonts the PDF embeds (listed, since which ones resolve depends on what
is installed). Page 1 of each is rendered with pdftoppm to build/office/*.png to be looked at.

    python -m tests.check_office        (needs soffice, pdfinfo, pdftotext, pdftoppm, pdffonts)
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "build" / "office"
SAMPLE_TXT = ROOT / "resources" / "samples" / "述职报告示例.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "docx"
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


def main() -> int:
    missing = [t for t in TOOLS if shutil.which(t) is None]
    if missing:
        print("missing tools:", ", ".join(missing), "(make check-office installs them as root)", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    try:
        check_official()
        check_filled_corpus()
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"check-office failed: {exc}", file=sys.stderr)
        return 1
    print("check-office: all checks passed; look at build/office/*.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
