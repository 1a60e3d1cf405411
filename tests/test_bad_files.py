"""Every kind of bad file gives a clear AssessmentFileError naming the file, and changes nothing."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from readiness_app.errors import AssessmentFileError, FileLockedError
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import lock_path_for
from readiness_app.store.migrations import SCHEMA_VERSION

Opener = Callable[[Path], AssessmentFile]


def _open_checked_in_background(path: Path) -> AssessmentFile:
    """What the app does: the integrity check runs beside the reading; its verdict is awaited."""
    opened = AssessmentFile.open(path, check_in_background=True)
    try:
        opened.wait_checked()
    except BaseException:
        opened.close()
        raise
    return opened


OPENERS: dict[str, Opener] = {
    "open": lambda p: AssessmentFile.open(p),
    "open_readonly": AssessmentFile.open_readonly,
    "open_background_check": _open_checked_in_background,
}


def _state(folder: Path) -> dict[str, str]:
    """Every file in the folder and its hash: opening a bad file must change none of them."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


def _expect_refusal(opener: Opener, path: Path, match: str) -> AssessmentFileError:
    before = _state(path.parent)
    with pytest.raises(AssessmentFileError, match=match) as info:
        opener(path)
    assert info.value.path == str(path)
    assert str(path) in info.value.one_line()
    assert "\n" not in info.value.one_line()
    assert _state(path.parent) == before, "a refused file and its folder stay as they were"
    return info.value


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _garble_middle_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    pages = len(data) // page
    assert pages >= 6, "the demo file should span several pages"
    rng = random.Random(7)
    for n in range(2, pages - 2):
        data[n * page:(n + 1) * page] = rng.randbytes(page)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
@pytest.mark.parametrize("damage", [_truncate, _garble_middle_pages], ids=["truncated", "garbled"])
def test_corrupt_file(mini_demo_file: Path, opener: Opener, damage: Callable[[Path], None]) -> None:
    damage(mini_demo_file)
    error = _expect_refusal(opener, mini_demo_file, "damaged|cannot")
    assert "backup" in str(error) or "cannot" in str(error)
    assert not lock_path_for(mini_demo_file).exists()


def test_a_damaged_file_opened_with_a_background_check_refuses_every_write(mini_demo_file: Path) -> None:
    _garble_middle_pages(mini_demo_file)
    before = _state(mini_demo_file.parent)
    opened = AssessmentFile.open(mini_demo_file, check_in_background=True)  # header, identity: fine
    try:
        with pytest.raises(AssessmentFileError, match=r"damaged|cannot"):  # the first write waits for the check
            opened.add_roadmap_edit("r-first", "remove")
        with pytest.raises(AssessmentFileError, match=r"damaged|cannot"):  # and so does every later one
            opened.add_roadmap_edit("r-second", "remove")
        with pytest.raises(AssessmentFileError, match="damaged"):  # a read of a garbled page names the file too
            opened.update_engagement(client="Another client")
        with pytest.raises(AssessmentFileError, match=r"damaged|cannot"):
            opened.wait_checked()
    finally:
        opened.close()
    assert not lock_path_for(mini_demo_file).exists()
    assert _state(mini_demo_file.parent) == before


def test_reading_a_closed_file_is_a_bug_not_damage(mini_demo_file: Path) -> None:
    opened = AssessmentFile.open(mini_demo_file)
    opened.close()
    with pytest.raises(sqlite3.ProgrammingError):  # not "the file is damaged ... open a backup"
        opened.participants()


def test_an_intact_file_opened_with_a_background_check_takes_writes(mini_demo_file: Path) -> None:
    with AssessmentFile.open(mini_demo_file, check_in_background=True) as opened:
        opened.update_engagement(client="Nordwind Versicherung AG")  # waits for the check, then writes
        opened.wait_checked()
    with AssessmentFile.open_readonly(mini_demo_file) as again:
        assert again.engagement().client == "Nordwind Versicherung AG"


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_text_file(tmp_path: Path, opener: Opener) -> None:
    path = tmp_path / "notes.readiness"
    path.write_text("Workshop notes: claims triage first.\n", encoding="utf-8")
    _expect_refusal(opener, path, "not an SQLite database")


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_excel_workbook(tmp_path: Path, opener: Opener) -> None:
    from openpyxl import Workbook

    path = tmp_path / "scorecard.xlsx"
    wb = Workbook()
    wb.active["A1"] = "Use case"  # type: ignore[index]
    wb.save(path)
    error = _expect_refusal(opener, path, "not an SQLite database")
    assert "Import" in str(error)


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_empty_file(tmp_path: Path, opener: Opener) -> None:
    path = tmp_path / "empty.readiness"
    path.write_bytes(b"")
    _expect_refusal(opener, path, "not an SQLite database")


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_sqlite_database_of_another_program(tmp_path: Path, opener: Opener) -> None:
    path = tmp_path / "places.readiness"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    _expect_refusal(opener, path, "not a Readiness Studio assessment")


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_file_from_a_newer_version(mini_demo_file: Path, opener: Opener) -> None:
    conn = sqlite3.connect(mini_demo_file)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    error = _expect_refusal(opener, mini_demo_file, "newer version")
    assert f"format {SCHEMA_VERSION + 1}" in str(error)
    assert not lock_path_for(mini_demo_file).exists()


@pytest.mark.parametrize("opener", OPENERS.values(), ids=OPENERS.keys())
def test_missing_file_and_folder(tmp_path: Path, opener: Opener) -> None:
    with pytest.raises(AssessmentFileError, match="not found"):
        opener(tmp_path / "nowhere.readiness")
    with pytest.raises(AssessmentFileError, match="folder"):
        opener(tmp_path)


HOLDER = r"""
import sys
from pathlib import Path
from readiness_app.store.assessment_file import AssessmentFile

af = AssessmentFile.open(Path(sys.argv[1]), author="other instance")
print("OPEN", flush=True)
sys.stdin.readline()
af.close()
"""


@pytest.fixture
def held_open(mini_demo_file: Path, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """Another live process (another instance of the app) has the file open."""
    script = tmp_path / "holder.py"
    script.write_text(HOLDER, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(mini_demo_file)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "OPEN", proc.stderr
    yield proc
    assert proc.stdin is not None
    proc.stdin.write("\n")
    proc.stdin.close()
    proc.wait(10)
    proc.stdout.close()
    if proc.stderr is not None:
        proc.stderr.close()


def test_file_open_in_another_instance(mini_demo_file: Path, held_open: subprocess.Popen[str]) -> None:
    lock = lock_path_for(mini_demo_file)
    assert str(held_open.pid) in lock.read_text(encoding="utf-8")
    error = _expect_refusal(OPENERS["open"], mini_demo_file, "already open")
    assert isinstance(error, FileLockedError)
    assert lock.exists(), "the other instance keeps its lock"
    # reading a snapshot (info, export) still works while it is open elsewhere
    with AssessmentFile.open_readonly(mini_demo_file) as ro:
        assert ro.participants()


def test_lock_of_a_dead_process_is_taken_over(mini_demo_file: Path) -> None:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(proc.stdout)
    import json
    import socket

    lock_path_for(mini_demo_file).write_text(
        json.dumps({"pid": dead_pid, "host": socket.gethostname(), "user": "x", "since": "2025-01-01"}),
        encoding="utf-8")
    with AssessmentFile.open(mini_demo_file) as af:
        assert af.participants()
    assert not lock_path_for(mini_demo_file).exists()


def test_read_only_file(mini_demo_file: Path) -> None:
    mode = mini_demo_file.stat().st_mode
    os.chmod(mini_demo_file, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    try:
        _expect_refusal(OPENERS["open"], mini_demo_file, "read-only")
        assert not lock_path_for(mini_demo_file).exists()
        with AssessmentFile.open_readonly(mini_demo_file) as ro:  # reading is fine
            assert ro.use_cases()
    finally:
        os.chmod(mini_demo_file, mode)
