"""Saving a document: backups of the previous version, the check that the file was not changed
by someone else since it was opened, and the atomic write (app.io.atomic) of its bytes."""
from __future__ import annotations

import hashlib
import shutil
import time
from pathlib import Path

from app.core.document import Document
from app.io.atomic import atomic_write_bytes, write_error
from app.io.errors import DocumentError

BACKUPS_KEPT = 10
# Two mtimes closer than this are the same (file systems round them differently).
MTIME_TOLERANCE = 0.001


class FileChangedOnDisk(DocumentError):
    """The file on disk is not the one that was opened: saving would overwrite someone's work."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"文件“{path.name}”在打开之后已被其他程序修改。为避免覆盖别人的修改，没有保存。"
            "请“另存为”一个新文件，或重新打开后再编辑。",
            str(path),
        )
        self.path = path


def backup_root() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Tianbao", appauthor=False)) / "backups"


def backup_folder(path: Path) -> Path:
    """Where the previous versions of ``path`` go: one folder per document, named so people
    can find it (the file's name) and two documents of the same name do not mix (a hash)."""
    resolved = str(Path(path).resolve())
    digest = hashlib.sha1(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return backup_root() / f"{Path(path).stem}-{digest}"


def backups_of(path: Path) -> list[Path]:
    """The kept previous versions of ``path``, oldest first."""
    folder = backup_folder(path)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file())


def back_up(path: Path) -> Path | None:
    """Copy the current ``path`` into its backup folder and keep the last BACKUPS_KEPT.

    A backup that cannot be made does not stop the save (the user's new work matters more than
    the old copy); None is returned then.
    """
    if not path.is_file():
        return None
    folder = backup_folder(path)
    # One clock reading: seconds and nanoseconds from two readings can straddle a second and sort
    # a newer backup before an older one.
    now = time.time_ns()
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now // 1_000_000_000)) + f"-{now % 1_000_000_000:09d}"
    target = folder / f"{stamp}{path.suffix}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target)
        for old in backups_of(path)[:-BACKUPS_KEPT]:
            old.unlink()
    except OSError:
        return None
    return target


def document_bytes(document: Document, path: Path) -> bytes:
    """What saving ``document`` to ``path`` writes: the lossless .docx for a docx-origin
    document, a new official-format .docx for text, plain UTF-8 text for a .txt target."""
    if path.suffix.lower() == ".txt":
        return ("\n".join(document.texts) + "\n").encode("utf-8")
    if document.origin == "docx" and document.source is not None:
        from app.io.docx_writer import docx_bytes

        return docx_bytes(document)
    from app.io.official import official_bytes

    return official_bytes(document)


def save_document(document: Document, path: str | Path, *, expected_mtime: float | None = None) -> None:
    """Save ``document`` to ``path``: atomic, with the previous version backed up.

    ``expected_mtime`` is the file's mtime when it was opened (or last saved); if the file on
    disk has another, FileChangedOnDisk is raised and nothing is written.
    """
    path = Path(path)
    if expected_mtime is not None:
        try:
            current = path.stat().st_mtime
        except FileNotFoundError:
            current = None  # deleted meanwhile: writing it again loses nothing
        except OSError as exc:
            raise write_error(path, exc) from None
        if current is not None and abs(current - expected_mtime) > MTIME_TOLERANCE:
            raise FileChangedOnDisk(path)
    data = document_bytes(document, path)
    back_up(path)
    atomic_write_bytes(path, data)
    if document.origin == "docx" and document.source is not None and path.suffix.lower() != ".txt":
        from app.io.docx_writer import saved

        saved(document, data)
