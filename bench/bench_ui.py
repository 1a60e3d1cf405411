"""UI benchmark: start-up against a bare PySide6 window, and keypress answer -> dashboard repaint.

    .venv/bin/python bench/bench_ui.py [--runs 5] [--keys 30] [--size large]

1. Launch: a fresh interpreter each run, timed from process start to the first turn of the
   event loop with the window shown: a bare ``QMainWindow`` against Readiness Studio with the
   large demo open. Runs alternate; medians are compared (target: ratio under 2x).
2. Keypress -> dashboard: the facilitator presses a digit in workshop mode; the answer is saved
   (one committed transaction), re-scored and the live dashboard window repainted, chart included
   (target: under 50 ms). Each keypress changes the answer, so every one is real work; keys come
   250 ms apart, so the work deferred after a keypress (the navigator's counts) runs between them.

Runs offscreen; nothing of the user's is touched (settings and files in a temporary folder).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

READY = "READY"


# --------------------------------------------------------------------------- children


def child_bare() -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication([sys.argv[0]])
    w = QMainWindow()
    w.setCentralWidget(QLabel("bare"))
    w.resize(1400, 900)
    w.show()

    def ready() -> None:
        w.repaint()
        print(READY, flush=True)
        os._exit(0)

    QTimer.singleShot(0, ready)
    app.exec()


def child_app(path: str) -> None:
    """What ``readiness-studio FILE`` does (the same function), up to the first turn of the event loop."""
    from PySide6.QtCore import QTimer

    from readiness_app.ui import app as ui_app

    app, w = ui_app.launch(ui_app.parse_args([path, "--lang", "en"]))
    assert w.session is not None, "the file did not open"

    def ready() -> None:
        w.repaint()
        heavy = [m for m in ("matplotlib", "openpyxl", "reportlab") if m in sys.modules]
        print(READY, ",".join(heavy), flush=True)
        os._exit(0)

    QTimer.singleShot(0, ready)
    app.exec()


def _cpu_children() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _launch(kind: str, path: Path, env: dict[str, str]) -> tuple[float, float, str]:
    """Wall time to READY, and the child's CPU time (less sensitive to a busy machine)."""
    cmd = [sys.executable, __file__, "--child", kind]
    if kind == "app":
        cmd.append(str(path))
    cpu0 = _cpu_children()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    assert proc.stdout is not None
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - t0
    proc.wait(timeout=30)
    cpu = _cpu_children() - cpu0
    if not line.startswith(READY):
        raise SystemExit(f"{kind} child failed: {line!r}")
    return elapsed, cpu, line[len(READY):].strip()


# --------------------------------------------------------------------------- keypress -> dashboard


def keypress_to_dashboard(path: Path, keys: int) -> dict[str, float]:
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest

    from readiness_app.ui.app import make_application
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.pages.questions import QuestionPage
    from readiness_app.ui.settings import AppSettings

    app = make_application()
    w = MainWindow(AppSettings())
    w.resize(1400, 900)
    w.show()
    w.documents.open_path(path)
    w.show_step("maturity")
    page = w.pages["maturity"]
    assert isinstance(page, QuestionPage)
    page.set_workshop_mode(True)
    dash = w.open_dashboard_window()
    assert dash is not None
    app.processEvents()
    chart = dash.page.chart
    scale = [i for i, q in enumerate(page.questions) if q.type == "scale"]
    samples: list[float] = []
    draws_before = chart.draw_count
    for n in range(keys + 3):
        page.go_to(scale[n % len(scale)])
        current = w.session.file.answer(page.questions[page.current].id) if w.session else None
        digit = 1 if current is not None and current.value == 3 else 3  # always a real change
        app.processEvents()
        t0 = time.perf_counter()
        QTest.keyClick(page, Qt.Key.Key_0 + digit)
        QCoreApplication.processEvents()
        dash.repaint()  # the dashboard and its chart, painted now
        elapsed = time.perf_counter() - t0
        if n >= 3:  # warm-up: first chart draw, caches
            samples.append(elapsed)
        QTest.qWait(250)  # a facilitator's pace: deferred work (the navigator's counts) runs between keys
    refreshes = dash.page.refresh_count
    w.documents.close()
    w.close()
    ordered = sorted(samples)
    return {
        "median_ms": statistics.median(samples) * 1000,
        "p90_ms": ordered[int(len(ordered) * 0.9) - 1] * 1000,
        "max_ms": max(samples) * 1000,
        "chart_redraws": float(chart.draw_count - draws_before),
        "dashboard_refreshes": float(refreshes),
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--keys", type=int, default=30)
    p.add_argument("--size", default="large", choices=("standard", "large"))
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("file", nargs="?", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child == "bare":
        child_bare()
        return 0
    if args.child == "app":
        child_app(args.file)
        return 0

    with tempfile.TemporaryDirectory(prefix="readiness-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ)
        # An installed app runs from compiled bytecode (wheels and the bundle ship .pyc files); a
        # shell that sets PYTHONDONTWRITEBYTECODE would make every launch recompile every module.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        for name, sub in (("READINESS_SETTINGS_DIR", "settings"), ("READINESS_LOG_DIR", "logs"),
                          ("XDG_DATA_HOME", "data"), ("MPLCONFIGDIR", "mpl")):
            env[name] = str(work / sub)
            os.environ[name] = env[name]
        from readiness_app.demo import write_demo
        from readiness_app.store.assessment_file import AssessmentFile

        demo = work / f"demo-{args.size}.readiness"
        write_demo(demo, size=args.size)
        with AssessmentFile.open_readonly(demo) as af:
            n_answers = len(af.answers())
            n_ucs = len(af.use_cases())
        print(f"assessment: {args.size} demo, {n_ucs} use cases, {n_answers} answers")

        bare: list[float] = []
        full: list[float] = []
        bare_cpu: list[float] = []
        full_cpu: list[float] = []
        heavy = ""
        _launch("bare", demo, env)  # warm the file cache once
        _launch("app", demo, env)
        for _ in range(args.runs):
            t, c, _ = _launch("bare", demo, env)
            bare.append(t)
            bare_cpu.append(c)
            t, c, heavy = _launch("app", demo, env)
            full.append(t)
            full_cpu.append(c)
        b, f = statistics.median(bare), statistics.median(full)
        bc, fc = statistics.median(bare_cpu), statistics.median(full_cpu)
        try:
            load = os.getloadavg()[0]
        except OSError:
            load = float("nan")
        print(f"machine load (1 min) while measuring: {load:.2f} on {os.cpu_count()} CPUs")
        print(f"launch, bare PySide6 window:           median {b * 1000:7.0f} ms wall, {bc * 1000:5.0f} ms CPU  (runs: "
              + ", ".join(f"{x * 1000:.0f}" for x in bare) + ")")
        print(f"launch, Readiness Studio + {args.size} demo: median {f * 1000:7.0f} ms wall, {fc * 1000:5.0f} ms CPU  (runs: "
              + ", ".join(f"{x * 1000:.0f}" for x in full) + ")")
        print(f"launch ratio: {f / b:.2f}x wall, {fc / bc:.2f}x CPU  (target < 2x)  {'OK' if f / b < 2 else 'OVER'}")
        print(f"heavy modules imported at start-up: {heavy or 'none'}")

        k = keypress_to_dashboard(demo, args.keys)
        print(f"keypress -> answer saved -> re-scored -> dashboard repainted: median {k['median_ms']:.1f} ms, "
              f"p90 {k['p90_ms']:.1f} ms, max {k['max_ms']:.1f} ms over {args.keys} keys "
              f"(target < 50 ms)  {'OK' if k['median_ms'] < 50 else 'OVER'}")
        print(f"  chart redraws: {k['chart_redraws']:.0f}, dashboard refreshes: {k['dashboard_refreshes']:.0f}")
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # skip interpreter teardown of the Qt/matplotlib objects (nothing left to save)
