"""Mutation testing of the rules a consultant defends: run mutmut, print the kill rate per package.

    make mutation                      # run mutmut (configured in pyproject.toml [tool.mutmut]), then report
    .venv/bin/python scripts/mutation.py --report-only     # report the last run again
    .venv/bin/python scripts/mutation.py --survivors       # also list every surviving mutant

Targets (docs/testing.md): at least 90 % killed in ``scoring/``, at least 80 % in the import
mapping, the storage layer and the report's texts. Exit code 1 when a package misses its target.
Equivalent survivors (mutants that cannot change behaviour) are listed, with a reason, in
docs/testing.md and are not counted against the target.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUTMUT = Path(sys.executable).parent / "mutmut"

# package label -> (module prefix, target kill rate)
PACKAGES = {
    "scoring": ("readiness_app.scoring.", 0.90),
    "import mapping": ("readiness_app.excel.mapping.", 0.80),
    "storage": ("readiness_app.store.", 0.80),
    "report texts": ("readiness_app.report.", 0.80),
}
LINE = re.compile(r"^\s*(?P<name>readiness_app\.[\w.]+__mutmut_\d+):\s*(?P<status>[\w ]+?)\s*$")
KILLED = {"killed", "timeout", "segfault", "suspicious"}
NOT_RUN = {"not checked", "skipped", "no tests"}


def equivalent_mutants() -> set[str]:
    """Mutant names docs/testing.md lists as equivalent (a line starting with the name in backticks)."""
    doc = ROOT / "docs" / "testing.md"
    if not doc.is_file():
        return set()
    return set(re.findall(r"^[-*] `(readiness_app\.[\w.]+__mutmut_\d+)`", doc.read_text(encoding="utf-8"), re.M))


def results() -> dict[str, str]:
    out = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True,
                         check=False)
    found = {}
    for line in out.stdout.splitlines():
        m = LINE.match(line)
        if m:
            found[m.group("name")] = m.group("status")
    return found


def report(found: dict[str, str], *, survivors: bool) -> int:
    equivalent = equivalent_mutants()
    per: dict[str, Counter[str]] = defaultdict(Counter)
    alive: dict[str, list[str]] = defaultdict(list)
    for name, status in sorted(found.items()):
        label = next((k for k, (prefix, _) in PACKAGES.items() if name.startswith(prefix)), None)
        if label is None:
            continue
        if status in KILLED:
            per[label]["killed"] += 1
        elif status in NOT_RUN:
            per[label]["not run"] += 1
        elif name in equivalent:
            per[label]["equivalent"] += 1
        else:
            per[label]["survived"] += 1
            alive[label].append(name)
    failed = False
    print(f"{'package':<16} {'killed':>7} {'survived':>9} {'equivalent':>11} {'not run':>8} {'kill rate':>10}  target")
    for label, (_, target) in PACKAGES.items():
        c = per[label]
        counted = c["killed"] + c["survived"]
        rate = c["killed"] / counted if counted else 0.0
        ok = counted > 0 and rate >= target
        failed |= not ok
        print(f"{label:<16} {c['killed']:>7} {c['survived']:>9} {c['equivalent']:>11} {c['not run']:>8} "
              f"{rate:>9.1%}  {target:.0%} {'ok' if ok else 'MISSED' if counted else 'no mutants run'}")
    if survivors:
        for label, names in alive.items():
            print(f"\nsurviving in {label}:")
            for n in names:
                print(f"  {n}")
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--report-only", action="store_true", help="do not run mutmut; report the last run")
    p.add_argument("--survivors", action="store_true", help="list every surviving mutant")
    p.add_argument("--max-children", type=int, default=2, help="parallel mutmut workers (default 2)")
    args = p.parse_args(argv)
    if not args.report_only:
        run = subprocess.run([str(MUTMUT), "run", "--max-children", str(args.max_children)], cwd=ROOT, check=False)
        if run.returncode not in (0, 1):
            print(f"mutation: mutmut run failed with exit code {run.returncode}", file=sys.stderr)
            return run.returncode
    found = results()
    if not found:
        print("mutation: no mutmut results found (run `make mutation` first)", file=sys.stderr)
        return 2
    return report(found, survivors=args.survivors)


if __name__ == "__main__":
    sys.exit(main())
