"""The window's settings: a small JSON file in the user's config folder (platformdirs).

TIANBAO_CONFIG_DIR overrides the folder (tests use it to stay out of the user's settings).
Writes are atomic, and a broken file is treated as empty rather than stopping the app.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

MAX_RECENT = 10


def config_dir() -> Path:
    override = os.environ.get("TIANBAO_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("Tianbao", appauthor=False))


class Settings:
    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or config_dir()) / "settings.json"
        self.values: dict[str, Any] = {}
        try:
            loaded = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.values = loaded
        except (OSError, ValueError):
            self.values = {}

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any) -> None:
        self.values[key] = value

    @property
    def recent(self) -> list[str]:
        recent = self.values.get("recent", [])
        return [p for p in recent if isinstance(p, str)] if isinstance(recent, list) else []

    def add_recent(self, path: str) -> None:
        path = str(Path(path).resolve())
        self.values["recent"] = [path] + [p for p in self.recent if p != path][: MAX_RECENT - 1]
        self.values["last_folder"] = str(Path(path).parent)

    @property
    def last_folder(self) -> str:
        folder = self.values.get("last_folder")
        return folder if isinstance(folder, str) and Path(folder).is_dir() else str(Path.home())

    def save(self) -> None:
        """Best effort: losing a setting must never cost the user their document."""
        import tempfile  # with the first save, not before the window's first frame

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=self.path.parent)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(self.values, fh, ensure_ascii=False, indent=1)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError:
            pass
