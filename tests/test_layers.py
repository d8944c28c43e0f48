"""The three layers point one way: app/core imports neither Qt nor python-docx nor file I/O modules of ours."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.shared import ROOT

FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", "docx", "lxml", "app.io", "app.ui")


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_sources_import_no_qt_no_docx_no_io() -> None:
    files = sorted((ROOT / "app" / "core").rglob("*.py"))
    assert files
    for path in files:
        bad = {n for n in imports_of(path) if n.startswith(FORBIDDEN_IN_CORE)}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_importing_core_loads_no_qt_and_no_docx() -> None:
    code = ("import sys, pkgutil, importlib, app.core as c\n"
            "for m in pkgutil.iter_modules(c.__path__): importlib.import_module('app.core.' + m.name)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'docx', 'lxml')]\n"
            "print(bad, file=sys.stderr); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_io_does_not_import_qt() -> None:
    for path in sorted((ROOT / "app" / "io").rglob("*.py")):
        bad = {n for n in imports_of(path) if n.startswith(("PySide6", "shiboken6", "app.ui"))}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"
