"""Entry point of the desktop app: ``readiness-studio [FILE] [--demo] [--lang en|de]``."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from readiness_app.ui.application import (  # noqa: F401  (the start path and its callers use these names)
    FALLBACK_FAMILY,
    FONT_FILES,
    app_icon,
    bundled_font_dirs,
    interface_font,
    make_application,
    register_fonts,
    setup_logging,
)

log = logging.getLogger("readiness_app.ui")

def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="readiness-studio", description="Readiness Studio: AI-readiness workshops.")
    p.add_argument("file", nargs="?", type=Path, help="an assessment (.readiness) or Excel workbook (.xlsx) to open")
    p.add_argument("--demo", action="store_true", help="open the built-in demo workshop")
    p.add_argument("--demo-size", default="standard", help=argparse.SUPPRESS)
    p.add_argument("--lang", choices=("en", "de"), help="interface language")
    p.add_argument("--self-test", nargs="?", const="", default=None, metavar="DIR",
                   help="write, score and export the demo offscreen, check every output and exit "
                        "(0: passed); keep the outputs in DIR (default: a temporary folder)")
    return p.parse_args(list(argv) if argv is not None else None)


def install_excepthook(window: Any = None) -> None:
    """Unexpected errors: a log entry and the crash dialog (carry on or restart), never a silent crash."""
    from readiness_app.ui import crash_dialog

    crash_dialog.install(window)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.self_test is not None:
        from readiness_app.ui.self_test import run_gui_self_test

        return run_gui_self_test(args.self_test or None, lang=args.lang or "en")
    app, _window = launch(args)
    return int(app.exec())


def launch(args: argparse.Namespace) -> tuple[Any, Any]:
    """Everything a start does before the event loop runs: log, application, window, the file.

    Returns the application and the shown main window (``bench/bench_ui.py`` times exactly this).
    """
    setup_logging()
    app = make_application()
    from readiness_app.ui import i18n
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    settings = AppSettings()
    lang = args.lang or settings.language() or "en"
    i18n.set_language(lang)
    install_excepthook()
    window = MainWindow(settings)
    install_excepthook(window)
    window.resize(1400, 900)
    window.show()
    if args.demo:
        window.documents.open_demo(size=args.demo_size)
    elif args.file is not None:
        window.documents.open_any(args.file)
    # Reading a file needs no sqlite-utils; writing does. Import it in a worker thread once the
    # window is up, so the first answer typed in the workshop is as quick as every later one and
    # the import (tens of milliseconds) never holds up the window.
    from PySide6.QtCore import QTimer

    QTimer.singleShot(300, preload_in_background)
    QTimer.singleShot(1000, warm_up_pages)
    return app, window


# Modules of pages that are not shown at start, imported one at a time once the window is idle:
# the first visit to a question step, the results or the dashboard then does not pay for them.
WARM_UP_MODULES = (
    "readiness_app.ui.pages.questions",
    "readiness_app.ui.pages.results",
    "readiness_app.ui.pages.roadmap",
    "readiness_app.ui.dashboard_window",
)


def warm_up_pages(modules: Sequence[str] = WARM_UP_MODULES, gap_ms: int = 60) -> None:
    """Import ``modules`` on the UI thread, one per turn of the event loop (each takes a few ms)."""
    from PySide6.QtCore import QTimer

    if not modules:
        return
    try:
        importlib.import_module(modules[0])
    except Exception:  # a warm-up never stops the app; the page imports it again when shown
        log.exception("warming up %s failed", modules[0])
    QTimer.singleShot(gap_ms, lambda: warm_up_pages(modules[1:], gap_ms))


def preload_in_background() -> threading.Thread:
    """Import sqlite-utils (needed by the first edit) in a daemon thread; returns the thread."""
    worker = threading.Thread(target=importlib.import_module, args=("readiness_app.store.sqlite_lib",),
                              name="readiness-preload", daemon=True)
    worker.start()
    return worker


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
