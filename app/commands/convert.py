"""`convert IN OUT.docx [--official]`: a text report becomes an official-format .docx; a .docx is
saved again through the very path the window's Save uses, or reformatted with --official."""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK, check_output, command, fail


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="报告文件（.docx 或 .txt）")
    p.add_argument("output", metavar="OUT.docx", help="输出的 Word 文档")
    p.add_argument("--official", action="store_true", help="按党政机关公文格式（GB/T 9704）重新排版 .docx")


@command("convert", "把 .txt 转成公文格式的 .docx，或重新保存/排版 .docx", _args)
def run_convert(args: argparse.Namespace) -> int:
    from app.io.load import load
    from app.io.official import apply_official_format
    from app.io.save import save_document

    source, output = Path(args.input), Path(args.output)
    problem = check_output(output)
    if problem:
        return fail(problem)
    document = load(source)
    if args.official and document.origin == "docx":
        apply_official_format(document)
    save_document(document, output)
    return EXIT_OK
