"""One writer per assessment file, under any race (issue 17, item 1).

The stress test releases several processes at the same instant, round after round, with no
lock file, with one left by a killed holder, an empty one and ones of an earlier version;
``bench/bench_lock.py`` runs the same for a thousand rounds.
"""

from __future__ import annotations

import errno
import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from readiness_app.errors import FileLockedError
from readiness_app.store.filelock import FileLock, lock_path_for

ROOT = Path(__file__).resolve().parents[1]


def _bench_lock():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_lock", ROOT / "bench" / "bench_lock.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_lock"] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.platform == "win32", reason="the stale-lock states use POSIX pids")
def test_many_processes_at_once_never_make_two_writers(tmp_path: Path) -> None:
    bench = _bench_lock()
    tally = bench.stress(tmp_path, rounds=200, workers=6, hold=0.015, wait=0.003)
    assert tally.rounds == 200
    assert tally.overlaps == 0, "two processes held the lock at the same time"
    assert tally.wrong_rounds == [], f"rounds without the expected winner: {tally.wrong_rounds[:5]}"
    assert set(tally.wins) == set(bench.STATES)  # every kind of stale lock was exercised and taken over


def test_a_held_lock_refuses_and_names_its_holder(tmp_path: Path) -> None:
    target = tmp_path / "a.readiness"
    first = FileLock(target)
    first.acquire()
    holder = json.loads(lock_path_for(target).read_text(encoding="utf-8"))
    assert holder["pid"] == os.getpid() and holder["lock"] == "os"
    with pytest.raises(FileLockedError, match=r"already open by .+ on .+ since .+\. Close it there first"):
        FileLock(target).acquire(wait=0)
    first.release()
    assert not lock_path_for(target).exists()
    second = FileLock(target)
    second.acquire(wait=0)  # free again at once
    second.release()


def test_closing_never_removes_a_lock_that_is_no_longer_ours(tmp_path: Path) -> None:
    """A opens, its lock file is deleted, B opens, A closes: C must still be refused while B is open."""
    target = tmp_path / "a.readiness"
    a, b, c = FileLock(target), FileLock(target), FileLock(target)
    a.acquire()
    lock_path_for(target).unlink()
    b.acquire(wait=0)
    a.release()
    assert lock_path_for(target).exists(), "A removed B's lock"
    with pytest.raises(FileLockedError):
        c.acquire(wait=0)
    b.release()
    c.acquire(wait=0)
    c.release()


def test_a_lock_left_by_a_dead_process_is_taken_over_and_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "a.readiness"
    lock_path_for(target).write_text(json.dumps({"pid": 999_999_999, "host": "elsewhere", "user": "x",
                                                 "since": "2025-01-01", "lock": "os"}), encoding="utf-8")
    lock = FileLock(target)
    lock.acquire(wait=0)  # no OS lock on it: its holder is gone, whatever host it names
    assert json.loads(lock_path_for(target).read_text(encoding="utf-8"))["pid"] == os.getpid()
    lock.release()


def test_an_earlier_versions_lock_counts_while_its_process_lives(tmp_path: Path) -> None:
    target = tmp_path / "a.readiness"
    legacy = {"pid": os.getpid(), "host": os.uname().nodename if hasattr(os, "uname") else "",
              "user": "anna", "since": "2025-03-11T09:12:00+00:00"}
    lock_path_for(target).write_text(json.dumps(legacy), encoding="utf-8")
    with pytest.raises(FileLockedError, match="already open by anna"):
        FileLock(target).acquire(wait=0)
    assert json.loads(lock_path_for(target).read_text(encoding="utf-8")) == legacy  # left as it was


@pytest.mark.skipif(sys.platform == "win32", reason="flock is POSIX")
def test_a_file_system_without_flock_falls_back_to_a_marker_lock(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import fcntl

    def no_flock(fd: int, op: int) -> None:
        raise OSError(errno.ENOSYS, "Function not implemented")

    monkeypatch.setattr(fcntl, "flock", no_flock)
    target = tmp_path / "a.readiness"
    first = FileLock(target)
    first.acquire(wait=0)
    with pytest.raises(FileLockedError, match="already open"):
        FileLock(target).acquire(wait=0)
    first.release()
    again = FileLock(target)
    again.acquire(wait=0)
    again.release()


def test_a_folder_we_cannot_write_to_is_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("", encoding="utf-8")
    with pytest.raises(FileLockedError, match="cannot create lock file"):
        FileLock(not_a_folder / "a.readiness").acquire(wait=0)
