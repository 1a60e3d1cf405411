"""Excel benchmark (issue 6: on the large assessment, export and re-import each under 2 s).

Writes the large demo (30 use cases, 15 participants, every participant answering every
question) once, then measures each step in a fresh process, so every run pays what a user's
first export or import pays (importing openpyxl, scoring, opening the file):

* ``export``: ``export_scorecard`` of the large demo (all sheets, charts, every response and
  the hidden round-trip data);
* ``bare write``: openpyxl writing the same cells (every value of every sheet of that
  scorecard) with nothing else: write-only mode, no styles, no charts;
* ``import``: ``plan_import`` of that scorecard plus ``apply_plan`` to a new assessment file
  (the exact rebuild);
* ``bare read``: openpyxl reading every cell of the same workbook in read-only mode.

Each figure is the median wall time of ``--runs`` runs (CPU time beside it); export and
import are printed with their ratio to the bare openpyxl figure of the same run.

    .venv/bin/python bench/bench_excel.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

LIMIT_SECONDS = 2.0

EXPORT_CHILD = r"""
import json, sys, time
from pathlib import Path
source, out = sys.argv[1], sys.argv[2]
started, cpu = time.perf_counter(), time.process_time()
from readiness_app.excel.scorecard import export_scorecard
export_scorecard(Path(source), Path(out))
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu}))
"""

IMPORT_CHILD = r"""
import json, sys, time
from pathlib import Path
source, out = sys.argv[1], sys.argv[2]
started, cpu = time.perf_counter(), time.process_time()
from readiness_app.excel.importer import apply_plan, plan_import
plan = plan_import(Path(source))
apply_plan(plan, Path(out), overwrite=True)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu,
                  "answers": len(plan.answers)}))
"""

BARE_WRITE_CHILD = r"""
import json, sys, time
import openpyxl
source, out = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(source, read_only=True)  # collect the values first (not timed)
sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in wb.worksheets]
wb.close()
cells = sum(len(r) for _t, rows in sheets for r in rows)
started, cpu = time.perf_counter(), time.process_time()
out_wb = openpyxl.Workbook(write_only=True)
for title, rows in sheets:
    ws = out_wb.create_sheet(title)
    for r in rows:
        ws.append(r)
out_wb.save(out)
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "cells": cells}))
"""

BARE_READ_CHILD = r"""
import json, sys, time
source = sys.argv[1]
started, cpu = time.perf_counter(), time.process_time()
import openpyxl
wb = openpyxl.load_workbook(source, read_only=True)
cells = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        cells += len(row)
wb.close()
print(json.dumps({"seconds": time.perf_counter() - started, "cpu": time.process_time() - cpu, "cells": cells}))
"""


def child(code: str, *args: str) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True, text=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from readiness_app.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        source = tmp / "large.readiness"
        write_demo(source, size="large")
        scorecard = tmp / "scorecard.xlsx"
        export, bare_w, imp, bare_r = [], [], [], []
        for _ in range(args.runs):
            export.append(child(EXPORT_CHILD, str(source), str(scorecard)))
            bare_w.append(child(BARE_WRITE_CHILD, str(scorecard), str(tmp / "bare.xlsx")))
            imp.append(child(IMPORT_CHILD, str(scorecard), str(tmp / "again.readiness")))
            bare_r.append(child(BARE_READ_CHILD, str(scorecard)))
        cells = int(bare_w[0]["cells"])
        answers = int(imp[0]["answers"])
        size = scorecard.stat().st_size
    e, bw, i, br = (median(x, "seconds") for x in (export, bare_w, imp, bare_r))
    print(f"large demo: {answers:,} answers; scorecard {size / 1e6:.1f} MB, {cells:,} cells "
          f"(median of {args.runs} runs, fresh process each)")
    print(f"export      {e:6.2f} s  (cpu {median(export, 'cpu'):.2f} s)  = {e / bw:4.2f} x openpyxl bare write "
          f"of the same cells ({bw:.2f} s)   limit {LIMIT_SECONDS:.0f} s: {'ok' if e < LIMIT_SECONDS else 'OVER'}")
    print(f"re-import   {i:6.2f} s  (cpu {median(imp, 'cpu'):.2f} s)  = {i / br:4.2f} x openpyxl bare read "
          f"of the same cells ({br:.2f} s)   limit {LIMIT_SECONDS:.0f} s: {'ok' if i < LIMIT_SECONDS else 'OVER'}")
    return 0 if e < LIMIT_SECONDS and i < LIMIT_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
