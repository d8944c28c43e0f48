"""The atomic write every file of ours goes through: a save never leaves a half-written file.

The bytes go to a temporary file in the same folder, are flushed and fsynced, and only then
replace the target (and the folder is fsynced, where the platform allows, so the rename itself
lasts). If anything fails before that, the old file is exactly as it was.
"""
from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from app.io.errors import DocumentError


def write_error(path: Path, exc: OSError) -> DocumentError:
    """What the user is told when writing ``path`` failed with ``exc`` (in Chinese)."""
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        message = f"无法保存到“{path}”：没有写入权限（文件可能是只读的，或正被其他程序占用）。请另存到其他位置。"
    elif isinstance(exc, FileNotFoundError):
        message = f"无法保存：文件夹“{path.parent}”不存在。"
    elif isinstance(exc, IsADirectoryError):
        message = f"无法保存：“{path}”是一个文件夹。"
    elif exc.errno == errno.ENOSPC:
        message = "无法保存：磁盘空间不足。原文件没有改动。"
    else:
        message = f"无法保存到“{path}”。原文件没有改动。"
    return DocumentError(message, f"{type(exc).__name__}: {exc}")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that it is either all there or not at all."""
    path = Path(path)
    if path.is_dir():
        raise DocumentError(f"无法保存：“{path}”是一个文件夹。")
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise write_error(path, exc) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise write_error(path, exc) from None
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise
    _fsync_folder(path.parent)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
