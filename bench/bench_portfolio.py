"""Portfolio benchmark speed over 1,000 assessment files (issue 9: under 5 s on this machine).

Generates the files once into a temporary folder: the standard demo is written, 25 variants
of it get different maturity answers (through ``AssessmentFile.set_answers``), and each
variant is copied 40 times with its own assessment id, client and industry (``set_meta``,
``update_engagement``), so every file is a distinct, real assessment. Then it times:

* the floor: opening each file read-only and counting its answers (``len(af.answers())``);
* ``build_portfolio`` cold (no cache) with the default workers, and in one process;
* ``build_portfolio`` warm (the per-file cache filled by the previous run).

Each figure is printed with its ratio to the floor measured in the same run.

    .venv/bin/python bench/bench_portfolio.py [--files 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from pathlib import Path

from readiness_app.demo import write_demo
from readiness_app.followup.portfolio import build_portfolio
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile

INDUSTRIES = ("Insurance", "Banking", "Manufacturing", "Retail", "Public sector", "Healthcare", "Energy")
VARIANTS = 25


def generate(folder: Path, count: int) -> None:
    master = folder / "master.readiness.tmp"
    write_demo(master)
    rng = random.Random(9)
    variants = []
    for v in range(VARIANTS):
        path = folder / f"variant-{v:02d}.readiness.tmp"
        shutil.copyfile(master, path)
        with AssessmentFile.open(path) as af:
            questions = [q for qn in af.library().by_kind("maturity") for q in qn.questions if q.type == "scale"]
            shift = rng.uniform(-1.5, 1.5)
            af.set_answers([Answer(q.id, ORGANISATION, CONSENSUS,
                                   max(0, min(4, round(2 + shift + rng.gauss(0, 0.8)))))
                            for q in questions], action="bench")
        variants.append(path)
    master.unlink()
    for i in range(count):
        path = folder / f"assessment-{i:04d}.readiness"
        shutil.copyfile(variants[i % VARIANTS], path)
        with AssessmentFile.open(path) as af:
            af.set_meta("assessment_id", uuid.uuid4().hex)
            af.update_engagement(client=f"Client {i:04d}", industry=INDUSTRIES[(i + i // VARIANTS) % len(INDUSTRIES)])
    for path in variants:
        path.unlink()


def timed(label: str, fn: object) -> float:
    t0 = time.perf_counter()
    fn()  # type: ignore[operator]
    seconds = time.perf_counter() - t0
    print(f"  {label:<46} {seconds:7.2f} s", flush=True)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="generate into DIR once and reuse it on later runs (default: a temporary folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-portfolio-") as tmp:
        folder = args.keep or Path(tmp) / "assessments"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["READINESS_CACHE_DIR"] = str(Path(tmp) / "cache")  # never the user's cache
        t0 = time.perf_counter()
        if len(list(folder.glob("*.readiness"))) != args.files:
            for old in folder.glob("*.readiness"):
                old.unlink()
            generate(folder, args.files)
            print(f"generated {args.files} files in {time.perf_counter() - t0:.1f} s")
        size = sum(p.stat().st_size for p in folder.glob("*.readiness")) / args.files / 1024
        print(f"{args.files} assessment files ({size:.0f} KiB each) in {folder}; {os.cpu_count()} cores")
        files = sorted(folder.glob("*.readiness"))
        answers = 0

        def floor() -> None:
            nonlocal answers
            answers = 0
            for p in files:
                with AssessmentFile.open_readonly(p) as af:
                    answers += len(af.answers())

        base = timed("open each file and count its answers (floor)", floor)
        print(f"    ({answers} answers)")
        results = {}
        results["cold"] = timed("build_portfolio, no cache, default workers",
                                lambda: build_portfolio(folder, use_cache=False))
        results["single"] = timed("build_portfolio, no cache, one process",
                                  lambda: build_portfolio(folder, use_cache=False, workers=1))
        timed("build_portfolio, filling the cache", lambda: build_portfolio(folder, current=files[0]))
        results["warm"] = timed("build_portfolio, cache warm, --current",
                                lambda: build_portfolio(folder, current=files[0]))
        p = build_portfolio(folder, current=files[0])
        print(f"benchmark: {p.assessments} assessments, {len(p.dimensions)} dimensions, "
              f"{len(p.industries)} industries, {len(p.skipped)} skipped")
        print()
        for name, seconds in results.items():
            verdict = "ok" if seconds < 5.0 else "OVER 5 s"
            print(f"{name:>6}: {seconds:5.2f} s = {seconds / base:.2f} x the floor ({base:.2f} s)  [{verdict}]")
        return 0 if results["cold"] < 5.0 else 1


if __name__ == "__main__":
    sys.exit(main())
