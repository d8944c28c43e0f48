"""Commands beyond `scan`: each module here registers itself with ``app.cli.command``.

Importing this package imports every module in it, so a new command is one new file.
"""
from __future__ import annotations

import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
