"""Killing the app at any moment loses nothing acknowledged; a copy taken while it is open holds every saved answer.

A writer process opens an assessment and saves answers in a loop, printing ``ACK <n>`` after
each ``set_answer`` returns. The test kills it with SIGKILL at random moments, reopens the file
(taking over the dead writer's lock) and checks that every acknowledged answer is there and
that ``PRAGMA integrity_check`` passes.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from readiness_app.questionnaire.loader import Library
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import lock_path_for

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")

VOTERS = 8  # the writer cycles over this many participants' votes on one number question

WRITER = r"""
import sys
from pathlib import Path
from readiness_app.model import Answer
from readiness_app.store.assessment_file import AssessmentFile

path, start, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
af = AssessmentFile.open(path, author="writer")
voters = [p.id for p in af.participants()]
n = start
while True:
    af.set_answer(Answer("mat.mon.kpi", "org", voters[n % len(voters)], n, note=f"write {n}"))
    print(f"ACK {n}", flush=True)
    n += 1
    if mode == "pause" and n % 40 == 0:
        print("IDLE", flush=True)  # the app sits open between edits; the parent copies the file
        if sys.stdin.readline().strip() != "go":
            break
af.close()
print("CLOSED", flush=True)
"""


class Writer:
    """A writer subprocess and the lines it printed."""

    def __init__(self, script: Path, path: Path, start: int, mode: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, str(script), str(path), str(start), mode],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        )
        self.acked: list[int] = []
        self.events: list[str] = []
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with self._cond:
                if line.startswith("ACK "):
                    self.acked.append(int(line.split()[1]))
                else:
                    self.events.append(line.strip())
                self._cond.notify_all()
        with self._cond:
            self.events.append("EOF")
            self._cond.notify_all()

    def wait_for(self, predicate: object, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        with self._cond:
            while not predicate():  # type: ignore[operator]
                left = deadline - time.monotonic()
                if left <= 0 or "EOF" in self.events:
                    stderr = self.proc.stderr.read() if self.proc.stderr and "EOF" in self.events else ""
                    pytest.fail(f"writer did not get there (events {self.events}, {len(self.acked)} acks) {stderr}")
                self._cond.wait(left)

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)  # reap it, so its pid is really gone
        self._reader.join(10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                stream.close()


@pytest.fixture
def assessment(tmp_path: Path, mini_library: Library) -> Path:
    path = tmp_path / "crash.readiness"
    with AssessmentFile.create(path, mini_library) as af:
        for i in range(VOTERS):
            af.add_participant(f"Voter {i}", "other", participant_id=f"v{i}")
    return path


@pytest.fixture
def writer_script(tmp_path: Path) -> Path:
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    return script


def _check_acknowledged(path: Path, acked: list[int]) -> None:
    """Every acknowledged write is in the change log, and each vote holds its last acked value or a later one."""
    with AssessmentFile.open_readonly(path) as af:
        logged = {
            e.after["value"] for e in af.changelog()
            if e.entity == "answer" and isinstance(e.after, dict) and isinstance(e.after.get("value"), int)
        }
        stored = {a.participant_id: a.value for a in af.answers() if a.question_id == "mat.mon.kpi"}
        voters = [p.id for p in af.participants()]
    missing = sorted(set(acked) - logged)
    assert not missing, f"acknowledged writes missing from the file: {missing[:10]}"
    last: dict[str, int] = {}
    for n in acked:
        last[voters[n % len(voters)]] = n
    for voter, n in last.items():
        value = stored.get(voter)
        assert isinstance(value, int) and value >= n, f"{voter}: stored {value}, acknowledged {n}"


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "" for p in paths]


def test_killing_the_writer_loses_no_acknowledged_answer(assessment: Path, writer_script: Path) -> None:
    rng = random.Random(20250311)
    journal = assessment.with_name(assessment.name + "-journal")
    acked_all: list[int] = []
    start = 0
    rounds = mid_commit = 0
    # At least five kills, and until one has hit a commit in flight (a hot journal left behind).
    while rounds < 5 or (mid_commit == 0 and rounds < 20):
        rounds += 1
        writer = Writer(writer_script, assessment, start, "loop")
        writer.wait_for(lambda w=writer: len(w.acked) >= 1)
        time.sleep(rng.uniform(0.05, 0.5))
        writer.kill()
        assert writer.acked, "the writer acknowledged nothing"
        acked_all.extend(writer.acked)
        assert lock_path_for(assessment).exists(), "a killed writer leaves its lock behind"

        # Reading (as `readiness info` does) sees every acknowledged answer and changes nothing,
        # even with the dead writer's journal beside the file.
        if journal.exists() and journal.stat().st_size > 0:
            mid_commit += 1
        before = _digest(assessment, journal)
        _check_acknowledged(assessment, acked_all)
        assert _digest(assessment, journal) == before

        # Reopening for editing takes over the dead writer's lock and rolls back its journal.
        with AssessmentFile.open(assessment, author="parent") as af:
            assert {p.id for p in af.participants()} == {f"v{i}" for i in range(VOTERS)}
        assert not lock_path_for(assessment).exists()
        assert _integrity(assessment) == "ok"
        _check_acknowledged(assessment, acked_all)
        start = max(acked_all) + 1
    assert mid_commit >= 1, f"no kill in {rounds} rounds hit a commit in flight"
    assert len(acked_all) >= 5


def test_a_copy_taken_while_the_app_is_open_holds_every_saved_answer(
        assessment: Path, writer_script: Path, tmp_path: Path) -> None:
    writer = Writer(writer_script, assessment, 0, "pause")
    try:
        for round_no in range(1, 4):
            writer.wait_for(lambda r=round_no: writer.events.count("IDLE") >= r)
            acked = list(writer.acked)
            copy = tmp_path / f"emailed-{round_no}.readiness"
            shutil.copy(assessment, copy)  # only the .readiness file, as a user would attach it
            assert _integrity(copy) == "ok"
            _check_acknowledged(copy, acked)
            with AssessmentFile.open_readonly(copy) as af:
                assert len(af.participants()) == VOTERS
            assert writer.proc.stdin is not None
            writer.proc.stdin.write("go\n" if round_no < 3 else "stop\n")
            writer.proc.stdin.flush()
        writer.wait_for(lambda: "CLOSED" in writer.events)
        assert writer.proc.wait(10) == 0
    finally:
        if writer.proc.poll() is None:
            writer.kill()
