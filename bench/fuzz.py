"""Fuzz the exports for a while before a release: whole random assessments through every export.

The same cases and checks as ``tests/test_fuzz_exports.py`` (``tests/fuzz_cases.py``): score,
the PDF in English and German (read back by pypdf), the fill-in template and the scorecard
with its exact import round trip. Runs until the time is up; prints how many cases ran clean
and writes every failing case (as Python literal) beside a traceback into ``--out``.

    .venv/bin/python bench/fuzz.py --minutes 10
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import fuzz_cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"))
    args = parser.parse_args()
    from hypothesis.errors import NonInteractiveExampleWarning

    warnings.simplefilter("ignore", NonInteractiveExampleWarning)
    strategy = fuzz_cases.assessments()
    deadline = time.monotonic() + args.minutes * 60
    clean = failed = 0
    chars = 0
    while time.monotonic() < deadline:
        case = strategy.example()
        chars += sum(len(str(v)) for v in case["engagement"].values())
        with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
            try:
                fuzz_cases.check_case(case, Path(tmp))
                clean += 1
            except Exception:
                failed += 1
                args.out.mkdir(parents=True, exist_ok=True)
                (args.out / f"case-{failed}.txt").write_text(repr(case) + "\n\n" + traceback.format_exc(),
                                                             encoding="utf-8")
                print(f"FAILED case {clean + failed}: {traceback.format_exc().splitlines()[-1]}", flush=True)
        if (clean + failed) % 20 == 0:
            print(f"{clean + failed} cases, {failed} failed", flush=True)
    print(f"{clean + failed} cases in {args.minutes:g} min: {clean} clean, {failed} failed"
          f" (engagement texts alone: {chars} characters)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
