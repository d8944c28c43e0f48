"""`tianbao clean IN OUT.docx`: remove what a template site added (what the clean-up dialog lists)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import EXIT_OK, check_output, command, fail, utf8_stdout

OUTPUT_SUFFIXES = (".docx", ".txt")  # what clean and renumber write (through the window's own save)


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="报告文件（.docx 或 .txt）")
    p.add_argument("output", help="输出文件（.docx；也可以是 .txt）")
    p.add_argument("--all", action="store_true", help="连同默认不勾选的项目（句中的网址、邮箱）一并清除")
    p.add_argument("--dry-run", action="store_true", help="只列出将要清除的内容，不写文件")
    p.add_argument("--json", action="store_true", help="以 JSON 列出清除的内容（UTF-8）")


@command("clean", "清除模板网站夹带的广告行和广告片段", _args)
def run_clean(args: argparse.Namespace) -> int:
    from app.core.clean import clean_all
    from app.core.edits import apply_change
    from app.io.load import load
    from app.io.save import save_document

    source, target = Path(args.input), Path(args.output)
    problem = check_output(target, OUTPUT_SUFFIXES)
    if problem:
        return fail(problem)
    document = load(source)
    items, change = clean_all(document, unchecked_too=args.all)
    chosen = [i for i in items if i.checked or args.all]
    removed_blanks = len(change.removed(len(document.blocks))) - sum(1 for i in chosen if i.whole_block)
    utf8_stdout()
    if args.json:
        json.dump({"file": str(source), "items": [i.as_json() for i in items],
                   "removed": [n for n, i in enumerate(items) if i.checked or args.all]}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        for item in items:
            what = "整行" if item.whole_block else "片段"
            mark = "" if item.checked or args.all else "（保留，加 --all 清除）"
            print(f"{source.name}:{item.block + 1}: {what} · {item.text}{mark}")
        lines = sum(1 for i in chosen if i.whole_block)
        summary = f"共清除 {len(chosen)} 处模板广告（整行 {lines} 行，片段 {len(chosen) - lines} 处）"
        if removed_blanks > 0:
            summary += f"，另删去多余空行 {removed_blanks} 行"
        if len(chosen) < len(items):
            summary += f"；保留 {len(items) - len(chosen)} 处句中网址或邮箱"
        print(summary if items else "没有发现模板广告")
    if args.dry_run:
        return EXIT_OK
    apply_change(document, change)
    save_document(document, target)
    return EXIT_OK
