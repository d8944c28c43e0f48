"""The recovery store: atomic copies, listing, orphans after a real kill -9, damaged copies."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.io.errors import DocumentError
from app.io.recovery import SIGNATURE, SUFFIX, RecoveryStore, default_root

ROOT = Path(__file__).resolve().parents[2]


def test_save_list_load_discard_round_trip(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "rec")
    doc = store.new_id()
    text = "一、主要工作\n召开党组会12次。\n"
    when = datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    entry = store.save(doc, "/home/张三/文档/述职 报告.docx", text, when)
    assert entry.id == doc and entry.name == "述职 报告.docx"

    listed = store.list()
    assert [e.id for e in listed] == [doc]
    assert listed[0].saved_at == when
    assert listed[0].original_path == "/home/张三/文档/述职 报告.docx"
    assert listed[0].size == len(text.encode("utf-8"))
    assert store.load(doc) == text

    blob = bytes(range(256)) * 10
    other = store.new_id()
    store.save(other, None, blob, title="新建文档")
    assert store.load(other) == blob
    assert {e.id for e in store.list()} == {doc, other}
    assert store.list()[0].id == other  # newest first
    assert store.list()[0].name == "新建文档"

    store.save(doc, "/home/张三/文档/述职 报告.docx", text + "二、问题\n")
    assert store.load(doc) == text + "二、问题\n"
    assert len(store.list()) == 2

    store.discard(doc)
    store.discard(doc)  # twice is harmless
    assert [e.id for e in store.list()] == [other]
    # Nothing but copies and the session folder in the store, and no temp files left behind.
    assert sorted(p.name for p in store.root.iterdir()) == [f"{other}{SUFFIX}", "sessions"]


def test_default_root_is_user_data_folder_not_beside_documents() -> None:
    root = default_root()
    assert root.name == "recovery" and root.parent.name == "Tianbao"


def test_own_copies_are_not_orphans_but_a_closed_sessions_are(tmp_path: Path) -> None:
    first = RecoveryStore(tmp_path)
    doc = first.new_id()
    first.save(doc, "a.docx", "内容")
    second = RecoveryStore(tmp_path)
    assert first.orphans() == []
    assert second.orphans() == []       # the first process is still alive
    first.close()                       # released without discarding: as after a crash
    assert [e.id for e in second.orphans()] == [doc]


def test_clean_close_removes_own_copies(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(store.new_id(), "a.docx", "一")
    store.save(store.new_id(), "b.docx", "二")
    keeper = RecoveryStore(tmp_path)
    kept = keeper.new_id()
    keeper.save(kept, "c.docx", "三")
    store.close(discard_own=True)
    assert [e.id for e in keeper.list()] == [kept]
    assert not (tmp_path / "sessions" / f"{store.session}.lock").exists()


def test_claim_takes_a_copy_once(tmp_path: Path) -> None:
    dead = RecoveryStore(tmp_path)
    old = dead.new_id()
    dead.save(old, "报告.docx", "恢复我")
    dead.close()
    a, b = RecoveryStore(tmp_path), RecoveryStore(tmp_path)
    claimed = a.claim(old)
    assert claimed is not None and claimed.id != old and claimed.session == a.session
    assert b.claim(old) is None
    assert a.load(claimed.id) == "恢复我"
    assert b.orphans() == []            # now owned by a live session


def test_damaged_copies_are_skipped_and_refused(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    doc = store.new_id()
    store.save(doc, "a.docx", "完整的内容" * 100)
    path = tmp_path / f"{doc}{SUFFIX}"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(DocumentError) as caught:
        store.load(doc)
    assert "损坏" in caught.value.message
    path.write_bytes(bytes(data[:-40]))     # torn: shorter than its header says
    assert store.list() == []
    (tmp_path / f"{store.new_id()}{SUFFIX}").write_bytes(b"garbage\n{}\n")
    (tmp_path / "notes.txt").write_text("not a copy", encoding="utf-8")
    assert store.list() == []


def test_bad_ids_are_rejected(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    for bad in ("../escape", "a/b", "", "x" * 65, "名字"):
        with pytest.raises(ValueError):
            store.save(bad, None, "x")
    assert list(tmp_path.glob("**/*" + SUFFIX)) == []


def test_unwritable_store_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x", encoding="utf-8")
    store = RecoveryStore(blocker / "recovery")
    with pytest.raises(DocumentError) as caught:
        store.save(store.new_id(), None, "文字")
    assert "恢复副本" in caught.value.message


# --- kill -9 in the middle of writing ---------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys
    from app.io.recovery import RecoveryStore
    store = RecoveryStore(sys.argv[1])
    version = 0
    while True:
        body = (f"第{version}版\\n" + "召开党组会X次，谈话X人次。" * 400_000)
        store.save("doc", "/报告/述职报告.docx", body)
        print(version, flush=True)
        version += 1
""")


def expected_payload(version: int) -> str:
    return f"第{version}版\n" + "召开党组会X次，谈话X人次。" * 400_000


@pytest.mark.parametrize("wait_for_saves, extra_delay", [(0, 0.0), (1, 0.0), (1, 0.07), (2, 0.15), (3, 0.01)])
def test_kill_9_mid_write_leaves_old_copy_or_none(tmp_path: Path, wait_for_saves: int, extra_delay: float) -> None:
    root = tmp_path / "rec"
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(root)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        done = [int(child.stdout.readline()) for _ in range(wait_for_saves)]  # type: ignore[union-attr]
        time.sleep(extra_delay)  # land the kill at different points of the next write
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL

    survivor = RecoveryStore(root)
    orphans = survivor.orphans()
    if wait_for_saves == 0:
        assert len(orphans) <= 1
    else:
        assert [e.id for e in orphans] == ["doc"]
    for entry in orphans:
        text = survivor.load(entry.id)
        assert isinstance(text, str)
        version = int(text[1:text.index("版")])
        assert version >= (done[-1] if done else 0)
        assert hashlib.sha256(text.encode()).digest() == hashlib.sha256(expected_payload(version).encode()).digest()
    # Whatever was mid-write is a hidden temp file the listing ignores, never a torn copy.
    for path in root.glob("*" + SUFFIX):
        assert path.read_bytes().startswith(SIGNATURE)


def test_temp_files_left_by_a_killed_writer_are_swept(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.save(store.new_id(), "a.docx", "内容")
    stale = tmp_path / ".abc.tbrec.1234.tmp"
    fresh = tmp_path / ".def.tbrec.5678.tmp"
    stale.write_bytes(b"half a copy")
    fresh.write_bytes(b"being written now")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    assert len(RecoveryStore(tmp_path).orphans()) == 0
    assert not stale.exists() and fresh.exists()


def test_disk_full_during_a_save_keeps_the_previous_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    import app.io.atomic

    store = RecoveryStore(tmp_path)
    doc = store.new_id()
    store.save(doc, "a.docx", "第一版")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(app.io.atomic.os, "fsync", full)
    with pytest.raises(DocumentError) as caught:
        store.save(doc, "a.docx", "第二版" * 1000)
    assert "恢复副本" in caught.value.message
    monkeypatch.undo()
    assert store.load(doc) == "第一版"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_autosave_clock_waits_for_a_pause_but_not_forever() -> None:
    from app.io.recovery import AutosaveClock

    clock = AutosaveClock(pause_s=3, max_interval_s=60)
    assert not clock.dirty and clock.next_check(0) is None and not clock.due(100)
    clock.changed(10.0)
    assert not clock.due(12.9) and clock.due(13.0) and clock.next_check(11.0) == 2.0
    clock.saved(13.0)
    assert not clock.dirty and not clock.due(1000)
    # Typing without a pause longer than 3 s: still saved once a minute after the first edit.
    for t in range(100, 200, 2):
        clock.changed(float(t))
        if clock.due(float(t)):
            break
    assert t == 160
    clock.saved(160.0)
    # An edit that lands while the copy is being written stays pending.
    clock.changed(200.0)
    clock.changed(204.0)
    clock.saved(203.5)
    assert clock.dirty and clock.due(207.0) and not clock.due(206.9)
