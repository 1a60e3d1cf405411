"""Scoring speed on the large assessment (30 use cases, 15 participants, every instrument answered).

Targets (issue 4): a full re-score under 50 ms; the update after one changed answer under 5 ms.
Each figure is printed with its ratio to a plain loop over the same answers measured in the
same run (the floor: touching every answer once with no scoring at all).

    .venv/bin/python bench/bench_scoring.py
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from readiness_app.demo import write_demo
from readiness_app.scoring import Scorer, build_input, score
from readiness_app.store.assessment_file import AssessmentFile


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.readiness"
        write_demo(path, size="large")
        af = AssessmentFile.open_readonly(path)
        inp = build_input(af)
        af.close()
    answers = inp.answers
    print(f"large assessment: {len(inp.use_cases)} use cases, {len(inp.participants)} participants, "
          f"{len(answers)} answers")

    def plain_loop() -> float:
        total = 0.0
        for a in answers:
            if isinstance(a.value, int | float) and not isinstance(a.value, bool):
                total += a.value
        return total

    base_min, base_med = best_of(plain_loop, 30)
    full_min, full_med = best_of(lambda: score(inp), 15)

    scorer = Scorer(inp)
    target = next(a for a in answers if isinstance(a.value, int) and a.scope != "org")
    flip = [dataclasses.replace(target, value=(target.value + 1) % 5), target]  # type: ignore[operator]
    counter = iter(range(10**9))
    upd_min, upd_med = best_of(lambda: scorer.set_answer(flip[next(counter) % 2]), 200)
    org = next(a for a in answers if isinstance(a.value, int) and a.scope == "org")
    flip_org = [dataclasses.replace(org, value=(org.value + 1) % 5), org]  # type: ignore[operator]
    org_min, org_med = best_of(lambda: scorer.set_answer(flip_org[next(counter) % 2]), 200)

    def line(name: str, best: float, med: float, target_ms: float) -> str:
        verdict = "ok" if med * 1000 < target_ms else "OVER TARGET"
        return (f"{name:<38} median {med * 1000:7.2f} ms  best {best * 1000:7.2f} ms  "
                f"ratio to plain loop {med / base_med:7.1f}x  target < {target_ms:g} ms: {verdict}")

    print(f"{'plain loop over all answers':<38} median {base_med * 1000:7.2f} ms  best {base_min * 1000:7.2f} ms")
    print(line("full re-score", full_min, full_med, 50))
    print(line("update after one use-case answer", upd_min, upd_med, 5))
    print(line("update after one organisation answer", org_min, org_med, 5))
    return 0


if __name__ == "__main__":
    sys.exit(main())
