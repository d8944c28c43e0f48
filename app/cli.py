"""The command line: the same engine the window uses, for scripts, tests and power users.

    tianbao scan FILE [--json]
    tianbao [FILE] [--screenshot OUT.png]      (opens the window)
    tianbao FILE --pdf OUT.pdf                 (the file as the window shows it, as a PDF)

Commands never import Qt, so they start fast; only opening the window does.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app import __version__

EXIT_OK, EXIT_FOUND, EXIT_BAD_INPUT = 0, 1, 2

# name -> (help, function that adds its arguments, function that runs it)
COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, help_text: str, add_arguments: Callable[[argparse.ArgumentParser], None]):
    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = (help_text, add_arguments, run)
        return run

    return register


class UsageError(Exception):
    """Bad arguments: reported on stderr with exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(message)


def fail(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def check_output(path: Path, suffixes: tuple[str, ...] = (".docx",)) -> str | None:
    """Why a command cannot write ``path`` (a Chinese message), or None; checked before any work."""
    if path.suffix.lower() not in suffixes:
        return f"输出文件必须是 {' 或 '.join(suffixes)}：{path}"
    if path.is_dir():
        return f"输出路径是一个文件夹：{path}"
    if not path.parent.is_dir():
        return f"输出文件夹不存在：{path.parent}"
    return None


def utf8_stdout() -> None:
    try:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    except (AttributeError, ValueError):
        pass


def json_text(data: dict) -> str:
    """``data`` as JSON, one entry of each top-level list per line: as easy to read and grep as
    indented JSON, and written by json's C encoder (an ``indent`` goes through its pure-Python
    encoder: four times the time, 80 ms for a 1,500-page report's scan)."""
    text = json.JSONEncoder(ensure_ascii=False).encode
    parts = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            items = ",\n  ".join(text(item) for item in value)
            parts.append(f" {text(key)}: [\n  {items}\n ]")
        else:
            parts.append(f" {text(key)}: {text(value)}")
    return "{\n" + ",\n".join(parts) + "\n}"


def _scan_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="报告文件（.docx 或 .txt）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（UTF-8）")


@command("scan", "列出待填写的占位符、大纲和模板广告", _scan_args)
def run_scan(args: argparse.Namespace) -> int:
    from app.core.rules import KIND_LABELS
    from app.core.scan import scan
    from app.io.load import load

    path = Path(args.file)
    report = scan(load(path))
    utf8_stdout()
    if args.json:
        # One write: json.dump streams ~450,000 small pieces, which costs more than the scan itself.
        sys.stdout.write(json_text(report.as_json(str(path))) + "\n")
    else:
        name = path.name
        current: object = ()
        for p in report.placeholders:
            if p.section != current:
                current = p.section
                print(f"\n{p.section or '（正文开头）'}")
            print(f"{name}:{p.block + 1}: {p.section or '—'} · {p.token}{p.unit} · {KIND_LABELS[p.kind]}"
                  f" · {p.context}")
        counts = {k: sum(1 for p in report.placeholders if p.kind == k) for k in KIND_LABELS}
        detail = "，".join(f"{KIND_LABELS[k]} {n}" for k, n in counts.items() if n)
        summary = f"共 {len(report.placeholders)} 处待填写" + (f"（{detail}）" if detail else "")
        if report.junk:
            summary += f"；模板广告 {len(report.junk)} 处"
        if report.hints:
            summary += f"；提示 {len(report.hints)} 处"
        print(("\n" if report.placeholders else "") + summary)
    return EXIT_FOUND if report.placeholders else EXIT_OK


def _readable_input(path: Path) -> str | None:
    if not path.exists():
        return f"文件不存在：{path}"
    if path.is_dir():
        return f"这是一个文件夹，不是文件：{path}"
    return None


def _gui_args(argv: Sequence[str]) -> argparse.Namespace:
    p = _Parser(prog="tianbao", description="填报：中文述职报告、工作总结编辑器")
    p.add_argument("file", nargs="?", help="要打开的报告（.docx 或 .txt）")
    p.add_argument("--screenshot", metavar="OUT.png", help="打开文件，排版完成后保存窗口截图并退出")
    p.add_argument("--pdf", metavar="OUT.pdf", help="按窗口中的样子（文件的纸张和页边距）把文件导出为 PDF 后退出")
    p.add_argument("--version", action="version", version=f"tianbao {__version__}")
    return p.parse_known_args(argv)[0]


def _command_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="tianbao", description="填报：中文述职报告、工作总结编辑器")
    p.add_argument("--version", action="version", version=f"tianbao {__version__}")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name, (help_text, add_arguments, _) in COMMANDS.items():
        add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return p


def _load_commands(name: str | None = None) -> None:
    """Register command ``name`` (only its module is imported: a command line starts faster) or,
    without a name, every command in app/commands (convert, fill, clean, renumber, ...)."""
    if name not in COMMANDS:
        from app import commands

        commands.load(name)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from app.io.errors import DocumentError

    try:
        # The first argument names a command or a file for the window: only help lists them all.
        first = argv[0] if argv else "-"
        if first in ("-h", "--help"):
            _load_commands()
        elif not first.startswith("-"):
            _load_commands(first)
        if argv and argv[0] in COMMANDS:
            args = _command_parser().parse_args(argv)
            return COMMANDS[args.command][2](args)
        if argv and argv[0] in ("-h", "--help"):
            _command_parser().print_help()
            return EXIT_OK
        gui = _gui_args(argv)
        if gui.pdf is not None:
            if gui.file is None:
                return fail("--pdf 需要一个要导出的文件")
            problem = check_output(Path(gui.pdf), (".pdf",)) or _readable_input(Path(gui.file))
            if problem:
                return fail(problem)
        from app.ui.launch import run_window  # the only path that loads Qt

        return run_window(gui.file, gui.screenshot, argv, pdf=gui.pdf)
    except UsageError as exc:
        return fail(str(exc))
    except DocumentError as exc:
        return fail(exc.message)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the command line never shows a traceback
        return fail(f"内部错误（{type(exc).__name__}: {exc}）。您的文件没有被修改。")
