"""Lock stress: many processes open one assessment at the same moment, for many rounds.

Each round the parent leaves the lock file in one state (none, left by a killed holder, an
empty one, one of an earlier version whose process is dead or alive), then releases every
worker at once (one byte down each worker's pipe). A worker that gets the lock creates an
"inside" marker with O_EXCL (finding one there means two writers at once), holds the lock a
little longer than the others wait, and lets go. Expected: a winner every round (none while
an earlier version's live process holds the file) and never an overlap; a slow starter may
win after the first winner let go, which is counted but fine.

    .venv/bin/python bench/bench_lock.py --rounds 1000 --workers 8
    .venv/bin/python bench/bench_lock.py --rounds 200 --mode open     # through AssessmentFile.open

``tests/test_lock_stress.py`` runs the same with fewer rounds.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

STATES = ("none", "killed", "empty", "legacy-dead", "legacy-alive")

WORKER = r"""
import os, sys, time
from pathlib import Path
from readiness_app.errors import FileLockedError
from readiness_app.store.filelock import FileLock
import filelock  # noqa: F401  (loaded before the first round, as in an app that has been running)

target, mode, hold, wait = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
inside = target.with_name("inside")
print("READY", flush=True)
for line in sys.stdin:
    if line.strip() != "go":
        break
    if mode == "open":
        from readiness_app.store.assessment_file import AssessmentFile
        try:
            held = AssessmentFile.open(target, author=str(os.getpid()))
        except FileLockedError:
            print("lost", flush=True)
            continue
    else:
        held = FileLock(target)
        try:
            held.acquire(wait=wait)
        except FileLockedError:
            print("lost", flush=True)
            continue
    try:
        fd = os.open(inside, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
    except FileExistsError:
        print("overlap", flush=True)
        (held.close if mode == "open" else held.release)()
        continue
    time.sleep(hold)
    os.close(fd)
    os.unlink(inside)
    (held.close if mode == "open" else held.release)()
    print("won", flush=True)
"""


@dataclass
class Tally:
    rounds: int = 0
    wins: Counter[str] = field(default_factory=Counter)  # state -> rounds with exactly the expected winners
    overlaps: int = 0
    sequential: int = 0  # rounds where a slow starter took the lock after the first winner let go
    wrong_rounds: list[tuple[int, str, int]] = field(default_factory=list)  # (round, state, winners)


def _dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


def _prepare(lock: Path, state: str, dead_pid: int) -> None:
    host = os.uname().nodename if hasattr(os, "uname") else socket.gethostname()
    holder = {"user": "someone", "host": host, "since": "2025-03-11T09:00:00+00:00"}
    if state == "none":
        lock.unlink(missing_ok=True)
    elif state == "killed":  # what a holder killed by SIGKILL leaves behind
        lock.write_text(json.dumps({**holder, "pid": dead_pid, "lock": "os"}), encoding="utf-8")
    elif state == "empty":
        lock.write_text("", encoding="utf-8")
    elif state == "legacy-dead":
        lock.write_text(json.dumps({**holder, "pid": dead_pid}), encoding="utf-8")
    elif state == "legacy-alive":  # an earlier version, still running (this very process)
        lock.write_text(json.dumps({**holder, "pid": os.getpid()}), encoding="utf-8")
    else:
        raise ValueError(state)


def stress(folder: Path, *, rounds: int, workers: int, mode: str = "lock", hold: float = 0.02,
           wait: float = 0.004, states: tuple[str, ...] = STATES) -> Tally:
    """Run ``rounds`` rounds (cycling through ``states``) with ``workers`` processes."""
    from readiness_app.store.filelock import lock_path_for

    target = folder / "stress.readiness"
    if mode == "open":
        from readiness_app.questionnaire.loader import load_library
        from readiness_app.store.assessment_file import AssessmentFile

        root = Path(__file__).resolve().parents[1]
        AssessmentFile.create(target, load_library(root / "tests" / "fixtures" / "mini")).close()
    else:
        target.write_bytes(b"")
    script = folder / "lock_worker.py"
    script.write_text(WORKER, encoding="utf-8")
    procs = [subprocess.Popen([sys.executable, str(script), str(target), mode, str(hold), str(wait)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
             for _ in range(workers)]
    tally = Tally()
    dead = _dead_pid()
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline().strip() == "READY"
        for r in range(rounds):
            state = states[r % len(states)]
            _prepare(lock_path_for(target), state, dead)
            for p in procs:
                assert p.stdin is not None
                p.stdin.write("go\n")
            for p in procs:
                p.stdin.flush()  # type: ignore[union-attr]
            results = Counter(p.stdout.readline().strip() for p in procs)  # type: ignore[union-attr]
            tally.rounds += 1
            tally.overlaps += results["overlap"]
            # a second winner after the first let go is fine (a slow starter); none, or any during
            # an earlier version's live hold, is not
            ok = results["won"] == 0 if state == "legacy-alive" else results["won"] >= 1
            tally.sequential += results["won"] > 1
            if ok and not results["overlap"]:
                tally.wins[state] += 1
            else:
                tally.wrong_rounds.append((r, state, results["won"]))
    finally:
        for p in procs:
            if p.stdin is not None:
                p.stdin.close()
        for p in procs:
            p.wait(30)
            if p.stdout is not None:
                p.stdout.close()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--mode", choices=("lock", "open"), default="lock")
    args = parser.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lock-stress-") as tmp:
        hold, wait = (0.02, 0.004) if args.mode == "lock" else (0.3, 0.004)
        tally = stress(Path(tmp), rounds=args.rounds, workers=args.workers, mode=args.mode, hold=hold, wait=wait)
    print(f"{tally.rounds} rounds x {args.workers} processes ({args.mode}) in {time.perf_counter() - t0:.1f} s")
    for state in STATES:
        total = sum(1 for r in range(tally.rounds) if STATES[r % len(STATES)] == state)
        print(f"  {state:13s} {tally.wins[state]}/{total} rounds with the expected winner")
    print(f"  two writers at once: {tally.overlaps}; rounds without the expected winner: "
          f"{len(tally.wrong_rounds)} {tally.wrong_rounds[:10]}; rounds with a later second winner: "
          f"{tally.sequential}")
    return 0 if not tally.overlaps and not tally.wrong_rounds else 1


if __name__ == "__main__":
    sys.exit(main())
