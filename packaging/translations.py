"""The installers ship the compiled translations (resources/i18n/*.qm, git-ignored): build any that
are missing or older than their .ts, as `make i18n` does, so a fresh clone's installer speaks Chinese."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _lrelease() -> str | None:
    candidates = [Path(sys.executable).parent / "pyside6-lrelease", ROOT / ".venv" / "bin" / "pyside6-lrelease"]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease")


def ensure_compiled() -> list[Path]:
    """Compile stale or missing .qm files; returns every .qm the installers will carry."""
    built = []
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool = _lrelease()
            if tool is None:
                raise SystemExit(f"{qm.name} needs pyside6-lrelease: run `make i18n` first")
            subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built
