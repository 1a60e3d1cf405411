"""``readiness-studio --self-test [DIR]``: the core self-test plus the desktop window, offscreen.

Runs :func:`readiness_app.selftest.run_self_test` with one extra check: the main window opens
the demo workshop, scores it in the background, shows every step and renders itself to a PNG
(so the bundle's Qt plugins, fonts and pages are all there). No window appears: the Qt
platform is ``offscreen`` unless ``QT_QPA_PLATFORM`` says otherwise. Settings go to the
output folder, so the user's recent files are never touched; no dialog can block (a
non-interactive dialog service records what would have been asked).

Prints the summary and exits 0 when every check passed, 1 otherwise. Without DIR the outputs
go to a temporary folder that is removed after a successful run.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WINDOW_PNG = "self-test-window.png"


class _QuietDialogs:
    """A dialog service that never blocks: records messages, declines every question."""

    def __init__(self) -> None:
        self.messages: list[str] = []

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        self.messages.append(f"{title}: {what} {todo}".strip())

    def info(self, title: str, text: str) -> None:
        self.messages.append(f"{title}: {text}")

    def confirm(self, title: str, text: str) -> bool:
        self.messages.append(f"{title}: {text}")
        return False

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        return None

    def open_file(self, title: str, filters: str, folder: str = "") -> Path | None:
        return None

    def save_file(self, title: str, filters: str, suggested: str = "") -> Path | None:
        return None


def _window_check(out: Path, lang: str, crashes: list[str]) -> Any:
    def check(demo: Path) -> str:
        from PySide6.QtGui import QFontDatabase
        from PySide6.QtWidgets import QApplication

        from readiness_app.ui import dialogs, i18n
        from readiness_app.ui.main_window import MainWindow
        from readiness_app.ui.settings import AppSettings

        app = QApplication.instance()
        assert app is not None
        i18n.set_language(lang)
        quiet = _QuietDialogs()
        old = dialogs.set_service(quiet)  # type: ignore[arg-type]
        window = MainWindow(AppSettings(out / "settings"))
        try:
            window.resize(1400, 900)
            window.show()
            session = window.documents.open_path(demo)
            if session is None:
                raise RuntimeError("the window could not open the demo: " + "; ".join(quiet.messages))
            deadline = time.monotonic() + 60
            while not session.results_ready() and time.monotonic() < deadline:
                app.processEvents()
                time.sleep(0.01)
            results = session.results()
            if results is None:
                raise RuntimeError(f"the window could not score the demo: {session.scoring_error}")
            for step in window.pages:
                window.show_step(step)
                app.processEvents()
            image = window.grab()
            if image.isNull() or not image.save(str(out / WINDOW_PNG)):
                raise RuntimeError("the window could not be rendered to an image")
            app.processEvents()
            if crashes:
                raise RuntimeError(f"unexpected error in the window: {crashes[0]}")
            if quiet.messages:
                raise RuntimeError("the window showed a message: " + "; ".join(quiet.messages))
            families = set(QFontDatabase.families())
            font = "DejaVu Sans" if "DejaVu Sans" in families else QApplication.font().family()
            return (f"opened, scored ({len(results.use_cases)} use cases) and drew {len(window.pages)} steps; "
                    f"font {font}; {WINDOW_PNG}")
        finally:
            window.documents.close()
            window.close()
            window.deleteLater()
            app.processEvents()
            dialogs.set_service(old)

    return check


def run_gui_self_test(out_dir: str | Path | None = None, *, lang: str = "en") -> int:
    """Run every check and print the summary; returns the exit code (0 passed, 1 failed)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from readiness_app import logs
    from readiness_app.selftest import run_self_test

    keep = out_dir is not None
    out = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="readiness-self-test-"))
    os.environ["READINESS_SETTINGS_DIR"] = str(out / "settings")  # never the user's settings
    logs.setup_logging()
    crashes: list[str] = []
    uninstall = logs.install_excepthook(lambda report: crashes.append(report.summary()))
    try:
        from readiness_app.ui.application import make_application

        make_application([])
        report = run_self_test(out, lang=lang, extra=[("window", _window_check(out, lang, crashes))])
    except Exception as exc:  # Qt itself could not start: say so in one line
        log.exception("self-test could not start")
        _say(f"self-test FAILED: {type(exc).__name__}: {exc}", error=True)
        return 1
    finally:
        uninstall()
    _say(report.summary().rstrip())
    log.info("self-test %s:\n%s", "passed" if report.ok else "failed", report.summary())
    if not report.ok:
        failed = report.failures()[0]
        _say(f"self-test FAILED at {failed.name}: {failed.detail}", error=True)
        return 1
    if not keep:
        shutil.rmtree(out, ignore_errors=True)
        _say("(the outputs were in a temporary folder, now removed; to keep them: --self-test DIR)")
    return 0


def _say(text: str, *, error: bool = False) -> None:
    stream = sys.stderr if error else sys.stdout
    if stream is None:  # a windowed program on Windows has no console; the log has it
        return
    with contextlib.suppress(OSError, ValueError):
        print(text, file=stream, flush=True)
