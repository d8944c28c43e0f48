"""`tianbao count FILE`: characters the Chinese way, per section and in total, with a target."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli import EXIT_OK, command, fail, utf8_stdout


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="报告文件（.docx 或 .txt）")
    p.add_argument("--no-punctuation", action="store_true", help="不计标点符号")
    p.add_argument("--target", type=int, metavar="字数", help="目标字数（如 3000），显示进度")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（UTF-8）")


@command("count", "统计字数（不计空格；可不计标点），按章节和全文", _args)
def run_count(args: argparse.Namespace) -> int:
    from app.core.counts import block_counts, progress, section_counts
    from app.core.scan import scan
    from app.io.load import load

    if args.target is not None and args.target <= 0:
        return fail("目标字数须为正整数。")
    path = Path(args.file)
    document = load(path)
    report = scan(document)
    junk_lines = {j.block for j in report.junk if j.whole_block}
    counts = [0 if i in junk_lines else c
              for i, c in enumerate(block_counts(document.texts, not args.no_punctuation))]
    total = sum(counts)
    per_section = section_counts(report.outline, counts)
    utf8_stdout()
    target = progress(total, args.target) if args.target else None
    if args.json:
        data = {"file": str(path), "punctuation": not args.no_punctuation, "total": total,
                "sections": [{"title": report.outline[c.section].title, "level": report.outline[c.section].level,
                              "block": report.outline[c.section].block, "own": c.own, "total": c.total}
                             for c in per_section]}
        if target:
            data["target"] = {"target": target.target, "remaining": target.remaining, "over": target.over,
                              "percent": target.percent}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    for c in per_section:
        section = report.outline[c.section]
        print(f"{'  ' * section.level}{section.title} · {c.total:,} 字")
    print(f"全文 {total:,} 字" + ("（不计标点）" if args.no_punctuation else "") + (f"；{target.label()}" if target else ""))
    return EXIT_OK
