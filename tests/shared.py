"""Where the team's shared folder is (beside the clone, as CI lays it out), for tests that use it."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# TIANBAO_SHARED points elsewhere (a git worktree of the clone does not sit beside shared/).
SHARED = Path(os.environ.get("TIANBAO_SHARED") or ROOT.parent / "shared")
SEED_REPORT = SHARED / "examples" / "seed-report.txt"
CORPUS = SHARED / "corpus" / "docx"
FIXTURES = ROOT / "tests" / "fixtures"


def need(path: Path) -> Path:
    """Skip the calling test when a file of the shared folder is absent."""
    if not path.exists():
        pytest.skip(f"shared file not present: {path}")
    return path
