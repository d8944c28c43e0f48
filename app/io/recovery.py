"""Recovery copies: what the window autosaves while a document has unsaved changes, so a crash,
a kill or a power cut loses seconds of typing, not hours.

Copies live in the user data folder, never beside the user's file:

    Linux    ~/.local/share/Tianbao/recovery/
    Windows  %LOCALAPPDATA%\\Tianbao\\recovery\\
    macOS    ~/Library/Application Support/Tianbao/recovery/

Each copy is one file, ``<id>.tbrec``: a signature line, one line of JSON (original path, time,
size, SHA-256 of the payload, the writing session) and the payload. It is written whole to a
temporary file and moved into place, so a reader finds the previous copy or the new one, never
half of either; the checksum catches anything the disk mangled later.

Every process that saves copies holds an operating-system lock on its session file. The lock
dies with the process, so at the next start ``orphans()`` offers exactly the copies whose
writer is gone (crashed or killed), not those of another window still running.

Typical use by the window::

    store = RecoveryStore()
    doc_id = store.new_id()
    store.save(doc_id, path, payload)               # on each autosave tick
    store.discard(doc_id)                           # after a real save or a clean close
    for entry in store.orphans(): ...               # at start: 恢复 / 放弃 / 稍后再说
    entry = store.claim(entry.id); data = store.load(entry.id)   # 恢复
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from app.io.errors import DocumentError
from app.io.locks import OsLock, locked_by_live_process, open_locked, this_host
from app.io.atomic import atomic_write_bytes

SIGNATURE = b"TIANBAO-RECOVERY 1\n"
SUFFIX = ".tbrec"
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
# The JSON header line is small; never read more than this to list a copy.
_HEADER_LIMIT = 64 * 1024


def default_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Tianbao", appauthor=False)) / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy, as listed (the payload is read only by ``RecoveryStore.load``)."""

    id: str
    original_path: str | None   # None for a document never saved
    saved_at: datetime          # timezone-aware
    size: int                   # payload bytes
    title: str | None
    session: str
    file: Path

    @property
    def name(self) -> str:
        """What the recovery prompt calls the document."""
        if self.original_path:
            return Path(self.original_path).name
        return self.title or "未命名文档"

    def local_time(self) -> str:
        return self.saved_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class RecoveryStore:
    def __init__(self, root: Path | str | None = None, session: str | None = None) -> None:
        self.root = Path(root) if root is not None else default_root()
        self.session = session or uuid.uuid4().hex
        if not _ID.match(self.session):
            raise ValueError(f"bad session id: {self.session!r}")
        self._session_fd: int | None = None

    # --- writing ---------------------------------------------------------------------------

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex

    def save(self, doc_id: str, original_path: Path | str | None, payload: bytes | str,
             saved_at: datetime | None = None, *, title: str | None = None) -> RecoveryEntry:
        """Write (or replace) the recovery copy ``doc_id`` atomically. ``payload`` comes back from
        ``load`` as the same type. Raises DocumentError when the folder cannot be written."""
        _check_id(doc_id)
        self._hold_session()
        data = payload.encode("utf-8") if isinstance(payload, str) else bytes(payload)
        saved_at = saved_at or datetime.now(timezone.utc)
        if saved_at.tzinfo is None:
            saved_at = saved_at.astimezone()
        header = {
            "original_path": str(original_path) if original_path is not None else None,
            "saved_at": saved_at.isoformat(),
            "title": title,
            "kind": "text" if isinstance(payload, str) else "bytes",
            "size": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
            "session": self.session,
            "pid": os.getpid(),
            "host": this_host(),
        }
        line = json.dumps(header, ensure_ascii=False).encode("utf-8") + b"\n"
        target = self._file(doc_id)
        try:
            atomic_write_bytes(target, SIGNATURE + line + data)
        except DocumentError as exc:
            raise DocumentError("无法写入恢复副本（磁盘已满或没有写入权限）。", exc.detail or exc.message) from None
        return RecoveryEntry(doc_id, header["original_path"], saved_at, len(data), title,  # type: ignore[arg-type]
                             self.session, target)

    def discard(self, doc_id: str) -> None:
        """Remove a recovery copy (after a real save, a clean close, or 放弃). Missing is fine."""
        _check_id(doc_id)
        try:
            self._file(doc_id).unlink()
        except FileNotFoundError:
            pass

    def claim(self, doc_id: str) -> RecoveryEntry | None:
        """Take over an orphaned copy for this session (on 恢复), under a new id. None when it is
        gone, e.g. another starting window claimed it first. The copy stays on disk until the
        caller discards it, so a crash during recovery loses nothing."""
        _check_id(doc_id)
        self._hold_session()
        new_id = self.new_id()
        try:
            # A rename succeeds for exactly one claimant.
            os.rename(self._file(doc_id), self._file(new_id))
        except FileNotFoundError:
            return None
        payload = self.load(new_id)
        entry = self._entry(self._file(new_id))
        assert entry is not None
        return self.save(new_id, entry.original_path, payload, entry.saved_at, title=entry.title)

    def close(self, *, discard_own: bool = False) -> None:
        """End this session: optionally remove its copies (a clean exit), then drop the session
        lock so a later start no longer sees this process as alive."""
        if discard_own:
            for entry in self._entries():
                if entry.session == self.session:
                    self.discard(entry.id)
        fd, self._session_fd = self._session_fd, None
        if fd is not None:
            session_file = self._session_file(self.session)
            if os.name != "nt":
                _unlink(session_file)
            OsLock.unlock(fd)
            os.close(fd)
            if os.name == "nt":
                _unlink(session_file)

    # --- reading ---------------------------------------------------------------------------

    def list(self) -> list[RecoveryEntry]:
        """Every readable recovery copy, newest first (damaged ones are skipped)."""
        return sorted(self._entries(), key=lambda e: e.saved_at, reverse=True)

    def orphans(self) -> list[RecoveryEntry]:
        """Copies whose writing process has ended without discarding them: what to offer at start."""
        self._sweep_temp_files()
        live: dict[str, bool] = {}
        found = []
        for entry in self.list():
            if entry.session == self.session:
                continue
            if entry.session not in live:
                live[entry.session] = self._session_alive(entry.session)
            if not live[entry.session]:
                found.append(entry)
        return found

    def load(self, doc_id: str) -> bytes | str:
        """The payload of a copy, checked against its checksum; DocumentError when it is damaged."""
        _check_id(doc_id)
        path = self._file(doc_id)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DocumentError("无法读取恢复副本。", str(exc)) from None
        header, data = _split(raw)
        if header is None or data is None:
            raise DocumentError("恢复副本已损坏，无法恢复。", str(path))
        if len(data) != header.get("size") or hashlib.sha256(data).hexdigest() != header.get("sha256"):
            raise DocumentError("恢复副本已损坏（校验不符），无法恢复。", str(path))
        if header.get("kind") == "text":
            return data.decode("utf-8")
        return data

    # --- internals -------------------------------------------------------------------------

    def _file(self, doc_id: str) -> Path:
        return self.root / f"{doc_id}{SUFFIX}"

    def _session_file(self, session: str) -> Path:
        return self.root / "sessions" / f"{session}.lock"

    def _hold_session(self) -> None:
        if self._session_fd is not None:
            return
        folder = self.root / "sessions"
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = open_locked(self._session_file(self.session))
        except OSError as exc:
            raise DocumentError("无法创建恢复副本文件夹。", f"{self.root}: {exc}") from None
        if fd is None:
            raise DocumentError("恢复副本会话已被另一个进程占用。", self.session)
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps({"pid": os.getpid(), "host": this_host()}).encode())
        self._session_fd = fd

    def _sweep_temp_files(self, older_than_s: float = 3600) -> None:
        """Remove temp files a killed writer left mid-write (a live one finishes in seconds)."""
        now = time.time()
        try:
            temps = [p for p in self.root.iterdir() if p.name.startswith(".") and p.name.endswith(".tmp")]
        except OSError:
            return
        for path in temps:
            try:
                if now - path.stat().st_mtime > older_than_s:
                    path.unlink()
            except OSError:
                pass

    def _session_alive(self, session: str) -> bool:
        if not _ID.match(session):
            return False
        return locked_by_live_process(self._session_file(session))

    def _entries(self) -> list[RecoveryEntry]:
        try:
            files = [p for p in self.root.iterdir() if p.suffix == SUFFIX and _ID.match(p.stem)]
        except OSError:
            return []
        entries = []
        for path in files:
            entry = self._entry(path)
            if entry is not None:
                entries.append(entry)
        return entries

    def _entry(self, path: Path) -> RecoveryEntry | None:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SIGNATURE) + _HEADER_LIMIT)
            size_on_disk = path.stat().st_size
        except OSError:
            return None
        header, _ = _split(head, whole=False)
        if header is None:
            return None
        try:
            saved_at = datetime.fromisoformat(header["saved_at"])
            size = int(header["size"])
            session = str(header["session"])
            original = header.get("original_path")
            title = header.get("title")
        except (KeyError, TypeError, ValueError):
            return None
        if saved_at.tzinfo is None:
            saved_at = saved_at.astimezone()
        line_end = head.index(b"\n", len(SIGNATURE)) + 1
        if size_on_disk != line_end + size:
            return None
        return RecoveryEntry(path.stem, original if isinstance(original, str) else None, saved_at, size,
                             title if isinstance(title, str) else None, session, path)


def _split(raw: bytes, whole: bool = True) -> tuple[dict | None, bytes | None]:
    if not raw.startswith(SIGNATURE):
        return None, None
    end = raw.find(b"\n", len(SIGNATURE))
    if end < 0:
        return None, None
    try:
        header = json.loads(raw[len(SIGNATURE):end].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None, None
    if not isinstance(header, dict):
        return None, None
    return header, raw[end + 1:] if whole else None


def _check_id(doc_id: str) -> None:
    if not isinstance(doc_id, str) or not _ID.match(doc_id):
        raise ValueError(f"bad recovery id: {doc_id!r}")


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass



class AutosaveClock:
    """When to write the next recovery copy: a few seconds after typing pauses, and at least
    once a minute while typing goes on. Times are plain seconds (time.monotonic()), so the
    window drives it from one QTimer and tests drive it by hand.

        clock.changed(now)           # on every edit
        if clock.due(now): save...; clock.saved(now)
        clock.next_check(now)        # seconds until due() can next be true (None: nothing to do)
    """

    def __init__(self, pause_s: float = 3.0, max_interval_s: float = 60.0) -> None:
        self.pause_s = pause_s
        self.max_interval_s = max_interval_s
        self._first_unsaved: float | None = None
        self._last_change: float | None = None

    @property
    def dirty(self) -> bool:
        return self._first_unsaved is not None

    def changed(self, now: float) -> None:
        if self._first_unsaved is None:
            self._first_unsaved = now
        self._last_change = now

    def due_at(self) -> float | None:
        if self._first_unsaved is None or self._last_change is None:
            return None
        return min(self._last_change + self.pause_s, self._first_unsaved + self.max_interval_s)

    def due(self, now: float) -> bool:
        at = self.due_at()
        return at is not None and now >= at

    def next_check(self, now: float) -> float | None:
        at = self.due_at()
        return None if at is None else max(0.0, at - now)

    def saved(self, now: float) -> None:
        """A recovery copy (or the real file) now holds every change made up to ``now``."""
        if self._last_change is not None and self._last_change > now:
            self._first_unsaved = self._last_change  # an edit raced the write: keep it pending
            return
        self._first_unsaved = None
        self._last_change = None
