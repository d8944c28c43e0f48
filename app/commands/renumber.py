"""`tianbao renumber IN OUT.docx`: put every heading marker and inline 一是/二是 in order."""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK, check_output, command, fail, utf8_stdout
from app.commands.clean import OUTPUT_SUFFIXES


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="报告文件（.docx 或 .txt）")
    p.add_argument("output", help="输出文件（.docx；也可以是 .txt）")
    p.add_argument("--dry-run", action="store_true", help="只列出将要改动的编号，不写文件")


@command("renumber", "重新编号：各级标题编号（一、（一）1.（1））和“一是、二是”按顺序排列", _args)
def run_renumber(args: argparse.Namespace) -> int:
    from app.core.edits import apply_change, texts_after
    from app.core.renumber import renumber
    from app.io.load import load
    from app.io.save import save_document

    source, target = Path(args.input), Path(args.output)
    problem = check_output(target, OUTPUT_SUFFIXES)
    if problem:
        return fail(problem)
    document = load(source)
    change = renumber(document)
    utf8_stdout()
    before = document.texts
    after = texts_after(before, change)
    changed = sorted({e.block for e in change.edits})
    for b in changed:
        print(f"{source.name}:{b + 1}: {_head(before[b])} → {_head(after[b])}")
    print(f"共改动 {len(change.edits)} 处编号（{len(changed)} 段）" if changed else "编号都已按顺序，无需改动")
    if args.dry_run:
        return EXIT_OK
    apply_change(document, change)
    save_document(document, target)
    return EXIT_OK


def _head(text: str, width: int = 24) -> str:
    text = text.strip()
    return text if len(text) <= width else text[: width - 1] + "…"
