"""Entry point of the desktop app: ``readiness-studio [FILE] [--demo] [--lang en|de]``."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger("readiness_app.ui")

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


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


def bundled_font_dirs() -> list[Path]:
    """Folders that may hold a bundled TTF: our assets, then matplotlib's DejaVu (found without importing it)."""
    dirs: list[Path] = []
    try:
        from readiness_app.resources import data_dir

        dirs.append(data_dir("assets") / "fonts")
        dirs.append(data_dir("assets"))
    except (FileNotFoundError, ValueError):
        pass
    spec = importlib.util.find_spec("matplotlib")
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            dirs.append(Path(loc) / "mpl-data" / "fonts" / "ttf")
    return dirs


def register_fonts() -> str:
    """Register a bundled TTF so text never renders as boxes; returns the family name ('' if none)."""
    from PySide6.QtGui import QFontDatabase

    family = ""
    for folder in bundled_font_dirs():
        for name in FONT_FILES:
            f = folder / name
            if f.is_file():
                font_id = QFontDatabase.addApplicationFont(str(f))
                if font_id >= 0 and not family:
                    families = QFontDatabase.applicationFontFamilies(font_id)
                    family = families[0] if families else ""
        if family:
            break
    return family


def setup_logging() -> None:
    """Log to the rotating file in the user's log folder (see :mod:`readiness_app.logs`)."""
    from readiness_app.logs import setup_logging as setup

    setup()


def app_icon() -> Any:
    """The application icon (assets/icons/app.png; an empty icon if it is missing)."""
    from PySide6.QtGui import QIcon

    try:
        from readiness_app.resources import asset_path

        return QIcon(str(asset_path("icons/app.png")))
    except (FileNotFoundError, ValueError):
        return QIcon()


def make_application(argv: Sequence[str] | None = None) -> Any:
    """Create (or reuse) the QApplication: high-DPI, system palette, bundled font."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if existing is not None:
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication([sys.argv[0] if sys.argv else "readiness-studio"])
    app.setApplicationName("Readiness Studio")
    app.setOrganizationName("ReadinessStudio")
    app.setApplicationDisplayName("Readiness Studio")
    app.setWindowIcon(app_icon())
    app.setFont(interface_font(app.font()))
    return app


FALLBACK_FAMILY = "DejaVu Sans"


def interface_font(font: Any) -> Any:
    """The font of the interface: the system's own; where the system has no real default font
    (minimal Linux), DejaVu Sans, installed or else our bundled copy, so text never renders as
    boxes. At least 10.5 pt, for the projector."""
    from PySide6.QtGui import QFont, QFontDatabase

    if not QFont(font.family()).exactMatch():
        # registering the bundled files costs start-up time: only when the system lacks the family
        family = FALLBACK_FAMILY if QFontDatabase.hasFamily(FALLBACK_FAMILY) else register_fonts()
        if family:
            font.setFamily(family)
    font.setPointSizeF(max(font.pointSizeF(), 10.5))
    return font


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
    worker = threading.Thread(target=importlib.import_module, args=("readiness_app.sqlite_lib",),
                              name="readiness-preload", daemon=True)
    worker.start()
    return worker


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
