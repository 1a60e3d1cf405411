"""kill -9 at random moments of saves, imports, exports and migrations loses nothing acknowledged (issue 17, item 5).

Fifty kills through ``bench/bench_kill.py``'s loop (a warm process forks each worker, so a
kill costs a fraction of a second); ``bench/bench_kill.py --kills 1000`` is the long run.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses fork and SIGKILL")

ROOT = Path(__file__).resolve().parents[1]


def test_fifty_kills_lose_nothing_acknowledged_and_damage_nothing(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("bench_kill", ROOT / "bench" / "bench_kill.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules["bench_kill"] = bench
    spec.loader.exec_module(bench)
    tally = bench.kill_loop(tmp_path, kills=52, seed=20250311, max_delay=0.3)
    assert tally.kills == 52 and set(tally.by_mode) == set(bench.MODES)
    assert tally.problems == [], tally.problems[:5]
    assert (tally.lost, tally.integrity_failures, tally.bad_outputs) == (0, 0, 0)
    assert tally.acknowledged >= 5, "too few saves were acknowledged before the kills to mean anything"
