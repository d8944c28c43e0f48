"""`fill IN OUT.docx --set N=VALUE ...`: put values into placeholders by their number in `scan`.

Every value replaces exactly its token and takes the token's formatting; anything wrong with
the input (an unknown number, an empty value, the same number twice) stops the command before
anything is written.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from app.cli import EXIT_OK, check_output, command, fail


def _args(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="IN", help="报告文件（.docx 或 .txt）")
    p.add_argument("output", metavar="OUT.docx", help="输出的 Word 文档")
    p.add_argument("--set", dest="values", action="append", default=[], metavar="N=VALUE", required=True,
                   help="把第 N 处占位符（scan 列出的编号）填为 VALUE，可重复")


def parse_values(items: list[str]) -> dict[int, str] | str:
    """{placeholder number: value}, or the reason the arguments are wrong."""
    values: dict[int, str] = {}
    for item in items:
        number, sep, value = item.partition("=")
        if not sep or not number.strip().isdigit():
            return f"--set 的格式应为 N=VALUE（N 为 scan 列出的编号）：{item}"
        n = int(number)
        if n in values:
            return f"第 {n} 处占位符被指定了两次。"
        if not value:
            return f"第 {n} 处占位符的值是空的。"
        if "\n" in value or "\r" in value:
            return f"第 {n} 处占位符的值不能含有换行。"
        values[n] = value
    return values


@command("fill", "按编号填写占位符并另存为新文件", _args)
def run_fill(args: argparse.Namespace) -> int:
    from app.core.scan import scan
    from app.io.load import load
    from app.io.save import save_document

    source, output = Path(args.input), Path(args.output)
    problem = check_output(output)
    if problem:
        return fail(problem)
    values = parse_values(args.values)
    if isinstance(values, str):
        return fail(values)
    document = load(source)
    placeholders = {p.index: p for p in scan(document).placeholders}
    unknown = sorted(n for n in values if n not in placeholders)
    if unknown:
        total = len(placeholders)
        return fail(f"没有第 {'、'.join(map(str, unknown))} 处占位符（这份文档共 {total} 处）。")
    # Right to left, so an earlier fill in a block does not move the later ones' offsets.
    for n in sorted(values, key=lambda n: (placeholders[n].block, placeholders[n].start), reverse=True):
        p = placeholders[n]
        document.blocks[p.block].replace_text(p.start, p.end, values[n])
    save_document(document, output)
    return EXIT_OK
