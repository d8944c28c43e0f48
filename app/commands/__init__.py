"""Commands beyond `scan`: each module here registers itself with ``app.cli.command``, under the
module's own name (``convert.py`` registers ``convert``), so a new command is one new file.

Nothing is imported with the package: ``load(name)`` imports the one command that runs (a
command line pays for its own module only); ``load()`` imports them all, for ``--help``.
"""
from __future__ import annotations

import importlib


def load(name: str | None = None) -> bool:
    """Import command ``name``'s module (every command's when ``name`` is None); False when
    there is no such command here."""
    if name is None:
        import pkgutil

        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
        return True
    if not name.isidentifier() or name.startswith("_"):
        return False
    try:
        importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{name}":
            raise  # the command exists but something it needs is missing
        return False
    return True
