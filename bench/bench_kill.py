"""Durability under ``kill -9``: saves, imports, exports and migrations killed at random moments.

A warm "zygote" process (everything imported once) forks one worker per round; the worker
saves answers (printing ``ACK n`` after each save returns), imports a scorecard into a new
assessment, exports the scorecard and the PDF, or opens a file of an older format (which
backs it up and migrates it) and then saves. The parent kills the worker with SIGKILL at a
random moment and checks: the file opens for editing (taking over the dead worker's lock),
``PRAGMA integrity_check`` is ok, every acknowledged answer is there, and every export or
import target is either absent or complete (the temporary file beside it is all a kill leaves).

    .venv/bin/python bench/bench_kill.py --kills 1000

``tests/test_durability_kill.py`` runs 50 kills.
"""

from __future__ import annotations

import argparse
import os
import queue
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
FORMAT1 = ROOT / "tests" / "fixtures" / "formats" / "format1.readiness"
VOTERS = 8
MODES = ("save", "import", "export", "migrate")

ZYGOTE = r"""
import os, signal, sys
from pathlib import Path
signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # killed workers are reaped by the kernel
from readiness_app.model import Answer
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.excel.scorecard import export_scorecard
from readiness_app.report.pdf import build_report
from readiness_app.store.sqlite_lib import sqlite_utils  # noqa: F401  (a running app has it loaded)

folder = Path(sys.argv[1])
donor_plan = plan_import(folder / "donor.xlsx")
print("READY", flush=True)
for line in sys.stdin:
    mode, start = line.split()
    pid = os.fork()
    if pid:
        print(f"\nCHILD {pid}", flush=True)  # on a line of its own, whatever a killed worker left
        continue
    try:  # the worker: runs until it is killed
        n = int(start)
        if mode == "export":
            while True:
                export_scorecard(folder / "main.readiness", folder / "out.xlsx")
                print("EXPORTED", flush=True)
                build_report(folder / "main.readiness", folder / "out.pdf")
                print("EXPORTED", flush=True)
        if mode == "import":
            while True:
                apply_plan(donor_plan, folder / "imported.readiness", overwrite=True)
                print("IMPORTED", flush=True)
        target = folder / ("old.readiness" if mode == "migrate" else "main.readiness")
        af = AssessmentFile.open(target, author="worker")
        print("OPENED", flush=True)
        voter = [p.id for p in af.participants()]
        question = "mat.mon.kpi"
        while True:
            af.set_answer(Answer(question, "org", voter[n % len(voter)], n, note=f"write {n}"))
            print(f"ACK {n}", flush=True)
            n += 1
    except BaseException as exc:
        print(f"ERROR {type(exc).__name__}: {exc}", flush=True)
    finally:
        os._exit(0)
"""


@dataclass
class Tally:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    integrity_failures: int = 0
    bad_outputs: int = 0
    by_mode: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _wait_gone(pid: int) -> None:
    """Until the killed worker is gone (the zygote ignores SIGCHLD, so the kernel reaps it)."""
    for _ in range(5000):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.001)
    raise RuntimeError(f"worker {pid} did not die")


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def _prepare(folder: Path) -> None:
    from readiness_app.excel.scorecard import export_scorecard
    from readiness_app.model import Answer
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.store.assessment_file import AssessmentFile

    library = load_library(MINI)
    with AssessmentFile.create(folder / "main.readiness", library) as af:
        for i in range(VOTERS):
            af.add_participant(f"Voter {i}", "other", participant_id=f"v{i}")
    with AssessmentFile.create(folder / "donor.readiness", library) as af:
        for i in range(VOTERS):
            af.add_participant(f"Donor {i}", "other", participant_id=f"d{i}")
        af.set_answers([Answer("mat.mon.kpi", "org", f"d{i}", i) for i in range(VOTERS)])
    export_scorecard(folder / "donor.readiness", folder / "donor.xlsx")


def _check_answers(path: Path, acked: list[int], tally: Tally, where: str) -> None:
    """Every acknowledged save is in the change log; each vote holds its last acknowledged value or later."""
    from readiness_app.store.assessment_file import AssessmentFile

    if not acked:
        return
    with AssessmentFile.open_readonly(path) as af:
        logged = {e.after["value"] for e in af.changelog()
                  if e.entity == "answer" and isinstance(e.after, dict) and isinstance(e.after.get("value"), int)}
        stored = {a.participant_id: a.value for a in af.answers() if a.question_id == "mat.mon.kpi"}
        voters = [p.id for p in af.participants()]
    missing = sorted(set(acked) - logged)
    last: dict[str, int] = {}
    for n in acked:
        last[voters[n % len(voters)]] = n
    behind = [v for v, n in last.items() if not (isinstance(stored.get(v), int) and stored[v] >= n)]
    if missing or behind:
        tally.lost += len(missing) + len(behind)
        tally.problems.append(f"{where}: lost {missing[:5]} behind {behind[:5]}")


def _check_output(path: Path, kind: str, tally: Tally) -> None:
    """An export or import target is absent or complete, never half-written."""
    if not path.exists():
        return
    try:
        if kind == "xlsx":
            from openpyxl import load_workbook

            load_workbook(path, read_only=True).close()
        elif kind == "pdf":
            from pypdf import PdfReader

            assert len(PdfReader(str(path)).pages) > 0
        else:
            from readiness_app.store.assessment_file import AssessmentFile

            assert _integrity(path) == "ok"
            with AssessmentFile.open_readonly(path) as af:
                assert len(af.answers()) == VOTERS
    except Exception as exc:
        tally.bad_outputs += 1
        tally.problems.append(f"{path.name}: {type(exc).__name__}: {exc}")


def kill_loop(folder: Path, *, kills: int, seed: int = 17, max_delay: float = 0.4,
              progress: bool = False) -> Tally:
    from readiness_app.store.assessment_file import AssessmentFile

    _prepare(folder)
    script = folder / "zygote.py"
    script.write_text(ZYGOTE, encoding="utf-8")
    zygote = subprocess.Popen([sys.executable, str(script), str(folder)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, bufsize=1)
    assert zygote.stdin is not None and zygote.stdout is not None
    assert zygote.stdout.readline().strip() == "READY"
    output: queue.Queue[str] = queue.Queue()
    reader = threading.Thread(target=lambda: [output.put(ln.strip()) for ln in zygote.stdout], daemon=True)  # type: ignore[union-attr]
    reader.start()
    rng = random.Random(seed)
    tally = Tally()
    acked: dict[str, list[int]] = {"main": [], "old": []}
    start = 0
    try:
        for round_no in range(kills):
            mode = MODES[round_no % len(MODES)]
            if mode == "migrate":  # a fresh file of the older format each time
                shutil.copyfile(FORMAT1, folder / "old.readiness")
                for stale in folder.glob("old.format*-backup.readiness"):
                    stale.unlink()
                acked["old"] = []
            zygote.stdin.write(f"{mode} {start}\n")
            zygote.stdin.flush()
            while not (first := output.get(timeout=30)).startswith("CHILD "):
                pass  # the end of the previous worker's last line
            pid = int(first.split()[1])
            # a save or migration round runs past the open (about 0.1 s) at least some of the time
            time.sleep(rng.uniform(0.005 if mode in ("import", "export") else 0.05, max_delay))
            os.kill(pid, signal.SIGKILL)
            _wait_gone(pid)
            time.sleep(0.002)  # let the reader take what the worker printed before it died
            lines: list[str] = []
            while not output.empty():
                lines.append(output.get_nowait())
            errors = [ln for ln in lines if ln.startswith("ERROR")]
            if errors:
                tally.problems.append(f"round {round_no} ({mode}): {errors[0]}")
            numbers = [int(ln[4:]) for ln in lines if re.fullmatch(r"ACK \d+", ln)]
            tally.kills += 1
            tally.by_mode[mode] = tally.by_mode.get(mode, 0) + 1
            tally.acknowledged += len(numbers)
            key = "old" if mode == "migrate" else "main"
            acked[key].extend(numbers)
            start = max([start - 1, *numbers]) + 1
            target = folder / f"{key}.readiness"
            try:  # the next opener takes over the lock, rolls back a hot journal, migrates if needed
                with AssessmentFile.open(target, author="check"):
                    pass
                if _integrity(target) != "ok":
                    raise AssertionError("integrity check failed")
            except Exception as exc:
                tally.integrity_failures += 1
                tally.problems.append(f"round {round_no} ({mode}): {type(exc).__name__}: {exc}")
                continue
            _check_answers(target, acked[key], tally, f"round {round_no} ({mode})")
            if mode == "export":
                _check_output(folder / "out.xlsx", "xlsx", tally)
                _check_output(folder / "out.pdf", "pdf", tally)
            if mode == "import":
                _check_output(folder / "imported.readiness", "assessment", tally)
            if progress and tally.kills % 50 == 0:
                print(f"  {tally.kills} kills, {tally.acknowledged} acknowledged, {tally.lost} lost, "
                      f"{tally.integrity_failures} integrity failures", flush=True)
    finally:
        zygote.stdin.close()
        zygote.wait(30)
        reader.join(10)
        zygote.stdout.close()
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kills", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill-") as tmp:
        tally = kill_loop(Path(tmp), kills=args.kills, seed=args.seed, progress=True)
    print(f"{tally.kills} kills in {time.perf_counter() - t0:.0f} s ({tally.by_mode}): "
          f"{tally.acknowledged} acknowledged answers, {tally.lost} lost, "
          f"{tally.integrity_failures} integrity failures, {tally.bad_outputs} half-written outputs")
    for problem in tally.problems[:20]:
        print("  " + problem)
    return 0 if not (tally.lost or tally.integrity_failures or tally.bad_outputs or tally.problems) else 1


if __name__ == "__main__":
    sys.exit(main())
