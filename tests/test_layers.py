"""The code's shape, checked: three layers pointing one way (app/core imports neither Qt nor
python-docx nor our file modules; app/io no Qt), no import cycle between our modules (imports made
inside functions count: they hide a cycle, they do not remove it), no module reaching into
another's underscore names, and no module of the window grown past what one person can hold."""
from __future__ import annotations

import ast
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.shared import ROOT

FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", "docx", "lxml", "app.io", "app.ui")
APP = ROOT / "app"
# About what one person holds in mind at once; a module past it has more than one job.
UI_MODULE_MAX_LINES = 520


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@dataclass
class Module:
    name: str
    path: Path
    tree: ast.Module
    imports: set[str] = field(default_factory=set)  # our modules it imports when it runs
    private_uses: list[str] = field(default_factory=list)  # "line: what" of another's _names


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node that runs: what sits under ``if TYPE_CHECKING:`` is for type checkers only."""
    out: list[ast.AST] = []
    stack = list(ast.iter_child_nodes(tree))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def _own_private_names(tree: ast.AST, *, attributes: bool) -> set[str]:
    """The underscore functions, classes and methods a module defines, and with ``attributes``
    the underscore attributes it sets too (python-docx's objects have underscore attributes of
    their own, so only functions, classes and methods tell whose a name is)."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif attributes and isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif attributes and isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {n for n in names if n.startswith("_") and not n.startswith("__")}


def app_modules() -> dict[str, Module]:
    modules = {}
    for path in sorted(APP.rglob("*.py")):
        name = _module_name(path)
        modules[name] = Module(name, path, ast.parse(path.read_text(encoding="utf-8")))
    defined = {name: _own_private_names(m.tree, attributes=True) for name, m in modules.items()}
    everywhere = set().union(*(_own_private_names(m.tree, attributes=False) for m in modules.values()))
    for module in modules.values():
        aliases: dict[str, str] = {}
        for node in _runtime_nodes(module.tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in modules:
                        module.imports.add(alias.name)
                        aliases[alias.asname or alias.name] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in modules:
                        module.imports.add(full)
                    elif node.module in modules:
                        module.imports.add(node.module)
                        if alias.name.startswith("_") and not alias.name.startswith("__"):
                            module.private_uses.append(f"{node.lineno}: {alias.name} from {node.module}")
        for node in ast.walk(module.tree):
            if not (isinstance(node, ast.Attribute) and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            # Another of our modules' underscore name reached through an object or module:
            # names python-docx keeps private (rPr._remove_sz) are python-docx's business.
            if node.attr in everywhere and node.attr not in defined[module.name]:
                module.private_uses.append(f"{node.lineno}: {ast.unparse(node)}")
        module.imports.discard(module.name)
    return modules


def import_cycles(modules: dict[str, Module]) -> list[list[str]]:
    """The strongly connected parts of the import graph that hold more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(name: str) -> None:
        index[name] = low[name] = counter[0]
        counter[0] += 1
        stack.append(name)
        on_stack.add(name)
        for other in sorted(modules[name].imports):
            if other not in index:
                visit(other)
                low[name] = min(low[name], low[other])
            elif other in on_stack:
                low[name] = min(low[name], index[other])
        if low[name] == index[name]:
            part = []
            while True:
                other = stack.pop()
                on_stack.discard(other)
                part.append(other)
                if other == name:
                    break
            if len(part) > 1:
                cycles.append(sorted(part))

    for name in sorted(modules):
        if name not in index:
            visit(name)
    return cycles


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


def test_no_import_cycles() -> None:
    modules = app_modules()
    assert modules["app.ui.main_window"].imports and modules["app.core.renumber"].imports
    assert import_cycles(modules) == []


def test_no_module_uses_another_modules_private_names() -> None:
    used = {name: m.private_uses for name, m in app_modules().items() if m.private_uses}
    assert used == {}


def test_window_modules_stay_small() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines())
             for path in sorted((APP / "ui").glob("*.py"))}
    assert sizes and {name: n for name, n in sizes.items() if n > UI_MODULE_MAX_LINES} == {}


def test_the_checks_see_a_cycle_and_a_private_use(tmp_path: Path) -> None:
    """The graph checks find what they are for (on a made-up pair of modules)."""
    a = Module("a", tmp_path / "a.py", ast.parse(""), {"b"})
    b = Module("b", tmp_path / "b.py", ast.parse(""), {"a"})
    c = Module("c", tmp_path / "c.py", ast.parse(""), {"a"})
    assert import_cycles({"a": a, "b": b, "c": c}) == [["a", "b"]]
