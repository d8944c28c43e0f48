"""Who else has a document open.

Two kinds of answer:

* Word and WPS write an owner file beside the document they open ("~$报告.docx"), holding the
  user name of whoever opened it; LibreOffice writes ".~lock.报告.docx#". ``foreign_owner``
  finds and reads these, so the window can warn "张三 may have this open in Word".
* Tianbao itself takes a ``DocumentLock`` per open document: a small file in the user data
  folder, named after the document's full path, holding pid, host and an optional name the
  owning window listens on. The lock is an operating-system lock on that file, so it dies with
  the process, even after ``kill -9`` or a power cut; the file's text only says who held it.
* A second Tianbao asked to open a document another one holds brings that window forward by
  dropping a request file into the holder's ``endpoint``, a folder beside the lock file
  ("<key>.requests"); the holder watches it, raises its window and answers with an ``.ack``
  file. Files, not sockets: the app never opens a network connection, not even a local one.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Word's owner file: a length byte and the user name in the ANSI code page in the first
# 54 bytes, then a 16-bit length and the same name in UTF-16-LE. 162 bytes in all.
_OWNER_ANSI_FIELD = 54
_OWNER_SIZE_LIMIT = 4096


def this_host() -> str:
    """This computer's name, as ``socket.gethostname`` gives it: where the system names it
    (os.uname, the same call underneath), without loading socket with the first document."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


@dataclass(frozen=True)
class OwnerFile:
    """An owner file another program left beside a document."""

    path: Path
    program: str            # "Word/WPS" or "LibreOffice"
    owner: str | None       # the user name, where the file tells it
    host: str | None = None  # LibreOffice records the computer too

    def describe(self) -> str:
        """A Chinese sentence for the warning bar."""
        who = self.owner or "其他用户"
        where = f"（计算机 {self.host}）" if self.host else ""
        return (f"此文档可能正被 {who}{where} 在 {self.program} 中打开。"
                f"同时编辑可能导致一方的修改丢失，建议先让对方关闭文档。")


def owner_file_names(document_name: str) -> list[str]:
    """Names an owner file for ``document_name`` may have, most likely first.

    Word keeps owner-file names short by dropping leading characters of long names: a stem of
    up to 6 characters gets "~$" in front, 7 characters lose the first, 8 or more lose two
    ("template.docx" -> "~$mplate.docx"). WPS and older Word versions prefix the whole name.
    """
    stem = document_name.rsplit(".", 1)[0] if "." in document_name else document_name
    drop = 0 if len(stem) <= 6 else 1 if len(stem) == 7 else 2
    names = ["~$" + document_name[drop:]]
    if drop:
        names.append("~$" + document_name)
    names.append(f".~lock.{document_name}#")
    return names


def read_owner_file(path: Path) -> OwnerFile | None:
    """The owner file at ``path``, or None when it is missing or not an owner file."""
    try:
        if path.stat().st_size > _OWNER_SIZE_LIMIT:
            return None
        data = path.read_bytes()
    except OSError:
        return None
    if path.name.startswith(".~lock."):
        return _libreoffice_owner(path, data)
    if path.name.startswith("~$"):
        return _word_owner(path, data)
    return None


def _word_owner(path: Path, data: bytes) -> OwnerFile | None:
    if not data or data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return None
    owner: str | None = None
    if len(data) >= _OWNER_ANSI_FIELD + 2:
        count = int.from_bytes(data[_OWNER_ANSI_FIELD:_OWNER_ANSI_FIELD + 2], "little")
        wide = data[_OWNER_ANSI_FIELD + 2:_OWNER_ANSI_FIELD + 2 + 2 * count]
        if 0 < count and len(wide) == 2 * count:
            owner = _clean(wide.decode("utf-16-le", "replace"))
    if not owner:
        count = data[0]
        narrow = data[1:1 + count]
        if 0 < count < _OWNER_ANSI_FIELD and len(narrow) == count:
            # The ANSI name is in the writer's code page; on Chinese Windows that is GBK.
            for encoding in ("utf-8", "gb18030"):
                try:
                    owner = _clean(narrow.decode(encoding))
                    break
                except UnicodeDecodeError:
                    continue
    if owner is None and len(data) > 512:
        return None  # neither layout fits: some other file that happens to start with ~$
    return OwnerFile(path, "Word/WPS", owner or None)


def _libreoffice_owner(path: Path, data: bytes) -> OwnerFile | None:
    # "Formatted name,user,host,date,document URL," in UTF-8.
    fields = data.decode("utf-8", "replace").split(",")
    if len(fields) < 3:
        return None
    owner = _clean(fields[0]) or _clean(fields[1])
    return OwnerFile(path, "LibreOffice", owner or None, _clean(fields[2]) or None)


def _clean(text: str) -> str:
    return "".join(ch for ch in text.strip("\0 \r\n") if ch.isprintable()).strip()


def foreign_owner(document: Path) -> OwnerFile | None:
    """The owner file another program keeps beside ``document``, if there is one."""
    document = Path(document)
    for name in owner_file_names(document.name):
        found = read_owner_file(document.with_name(name))
        if found is not None:
            return found
    return None


# --- Tianbao's own lock -------------------------------------------------------------------------

@dataclass(frozen=True)
class LockHolder:
    """What a Tianbao lock file says about the process holding it."""

    pid: int | None
    host: str | None
    document: str | None
    since: float | None
    endpoint: str | None  # the requests folder the owning window watches, to be brought forward

    def describe(self) -> str:
        return "此文档已在另一个“填报”窗口中打开。"


def _default_lock_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Tianbao", appauthor=False)) / "locks"


def lock_key(document: Path) -> str:
    """One name per document however it was reached: the resolved path, case-folded where the
    file system ignores case."""
    try:
        resolved = Path(document).resolve()
    except OSError:
        resolved = Path(os.path.abspath(document))
    text = os.path.normcase(str(resolved))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class OsLock:
    """An exclusive, non-blocking operating-system lock on an open file descriptor, released by
    the system when the process ends however it ends."""

    # Windows locks block reads of the locked bytes, so lock one byte far past the text.
    _WINDOWS_OFFSET = 1 << 30

    @staticmethod
    def try_lock(fd: int) -> bool:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, OsLock._WINDOWS_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
            return True
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    @staticmethod
    def unlock(fd: int) -> None:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, OsLock._WINDOWS_OFFSET, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            except OSError:
                pass
            return
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def open_locked(path: Path) -> int | None:
    """An fd holding the OS lock on ``path`` (created if needed), or None when another live
    process holds it. Retries when the file was replaced between open and lock."""
    for _ in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
        if not OsLock.try_lock(fd):
            os.close(fd)
            return None
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if same:
            return fd
        # A releasing process removed the file after we opened it: lock the new one instead.
        OsLock.unlock(fd)
        os.close(fd)
    return None


def _read_holder(path: Path) -> LockHolder:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(info, dict):
            raise ValueError
    except (OSError, ValueError):
        info = {}

    def get(key: str, kind: type) -> object:
        value = info.get(key)
        return value if isinstance(value, kind) else None

    return LockHolder(get("pid", int), get("host", str), get("document", str),  # type: ignore[arg-type]
                      get("since", (int, float)), get("endpoint", str))  # type: ignore[arg-type]



def locked_by_live_process(path: Path) -> bool:
    """Whether a running process holds the OS lock on ``path``. The lock dies with its process
    (even after kill -9), so a lock file left behind by a dead one reads as free."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return False
    try:
        if OsLock.try_lock(fd):
            OsLock.unlock(fd)
            return False
        return True
    finally:
        os.close(fd)


class DocumentLock:
    """Tianbao's claim on one document: ``acquire`` it on open, ``release`` it on close.

    >>> lock = DocumentLock.acquire(path)          # None: another Tianbao has it
    >>> DocumentLock.holder(path)                   # who, for the message or to bring it forward
    """

    def __init__(self, document: Path, lock_path: Path, fd: int) -> None:
        self.document = document
        self.path = lock_path
        self._fd: int | None = fd

    @classmethod
    def acquire(cls, document: Path | str, *, root: Path | str | None = None,
                endpoint: str | None = None) -> DocumentLock | None:
        """Take the lock for ``document``, or None when another running process holds it. A lock
        file left by a process that died is taken over silently."""
        document = Path(document)
        lock_path = cls.lock_path(document, root)
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = open_locked(lock_path)
        if fd is None:
            return None
        info = {"app": "tianbao", "pid": os.getpid(), "host": this_host(),
                "document": str(document), "since": time.time(), "endpoint": endpoint}
        text = json.dumps(info, ensure_ascii=False).encode("utf-8")
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text)
        os.fsync(fd)
        return cls(document, lock_path, fd)

    @staticmethod
    def lock_path(document: Path | str, root: Path | str | None = None) -> Path:
        return (Path(root) if root is not None else _default_lock_root()) / f"{lock_key(Path(document))}.lock"

    @classmethod
    def requests_folder(cls, document: Path | str, root: Path | str | None = None) -> Path:
        """Where other processes ask the holder of ``document`` to bring its window forward."""
        return cls.requests_folder_of_lock(cls.lock_path(document, root))

    @classmethod
    def holder(cls, document: Path | str, *, root: Path | str | None = None) -> LockHolder | None:
        """Who holds the lock on ``document``; None when no live process does."""
        lock_path = cls.lock_path(document, root)
        if not locked_by_live_process(lock_path):
            return None
        return _read_holder(lock_path)

    @staticmethod
    def requests_folder_of_lock(lock_path: Path) -> Path:
        return lock_path.with_suffix(".requests")

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        """Give the document up and remove the lock file. Safe to call twice."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        remove_requests_folder(self.requests_folder_of_lock(self.path))
        if sys.platform != "win32":
            # Remove while still locked, so nobody can lock the file we are about to drop.
            _unlink_quietly(self.path)
            OsLock.unlock(fd)
            os.close(fd)
        else:
            OsLock.unlock(fd)
            os.close(fd)
            _unlink_quietly(self.path)

    def __enter__(self) -> DocumentLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    def __del__(self) -> None:
        fd = getattr(self, "_fd", None)
        if fd is not None:
            try:
                os.close(fd)
            except OSError:
                pass


# --- bringing the holder's window forward ---------------------------------------------------------

REQUEST_SUFFIX = ".request"
ACK_SUFFIX = ".ack"


def send_raise_request(endpoint: Path | str, document: Path | str) -> Path:
    """Ask the process watching ``endpoint`` to bring ``document``'s window forward; the request
    file's path (its answer will be ``ack_path`` of it). Raises OSError when it cannot be written."""
    from app.io.errors import DocumentError
    from app.io.atomic import atomic_write_bytes

    import uuid  # (only a second window asking this one: not loaded with every document)

    folder = Path(endpoint)
    request = folder / f"{os.getpid()}-{uuid.uuid4().hex}{REQUEST_SUFFIX}"
    info = {"action": "raise", "document": str(document), "pid": os.getpid(), "since": time.time()}
    try:
        atomic_write_bytes(request, json.dumps(info, ensure_ascii=False).encode("utf-8"))
    except DocumentError as exc:
        raise OSError(exc.message) from None
    return request


def ack_path(request: Path) -> Path:
    return request.with_suffix(ACK_SUFFIX)


def pending_requests(endpoint: Path | str) -> list[tuple[Path, str | None]]:
    """The raise requests waiting in ``endpoint``, oldest first: (request file, document named)."""
    try:
        files = [p for p in Path(endpoint).iterdir() if p.name.endswith(REQUEST_SUFFIX)
                 and not p.name.startswith(".")]  # ".name.tmp": a request still being written
    except OSError:
        return []
    found = []
    for path in files:
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            mtime = path.stat().st_mtime
        except (OSError, ValueError):
            continue
        document = info.get("document") if isinstance(info, dict) else None
        found.append((mtime, path, document if isinstance(document, str) else None))
    return [(path, document) for _, path, document in sorted(found)]


def acknowledge(request: Path) -> None:
    """Answer ``request``: remove it and leave its ``.ack`` file for the asker."""
    from app.io.atomic import atomic_write_bytes

    _unlink_quietly(request)
    try:
        atomic_write_bytes(ack_path(request), json.dumps({"pid": os.getpid()}).encode("utf-8"))
    except Exception:  # noqa: BLE001 - the asker then falls back to its message, nothing is lost
        pass


def wait_for_ack(request: Path, timeout_s: float, poll_s: float = 0.05) -> bool:
    """True when the holder answered ``request`` within ``timeout_s``; either way no file of the
    exchange is left behind (an unanswered request is withdrawn)."""
    answer = ack_path(request)
    deadline = time.monotonic() + timeout_s
    while True:
        if answer.exists():
            _unlink_quietly(answer)
            return True
        if time.monotonic() >= deadline:
            break
        time.sleep(poll_s)
    _unlink_quietly(request)
    if answer.exists():  # answered just as it was withdrawn
        _unlink_quietly(answer)
        return True
    return False


def remove_requests_folder(endpoint: Path | str) -> None:
    """Clear away a holder's requests folder when it lets the document go."""
    folder = Path(endpoint)
    try:
        for path in folder.iterdir():
            _unlink_quietly(path)
        folder.rmdir()
    except OSError:
        pass


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
