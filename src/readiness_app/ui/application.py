"""The QApplication and what it needs before the first window: fonts, icon, logging.

Shared by the start path (:mod:`.app`) and the offscreen self-test (:mod:`.self_test`), which
therefore do not import each other.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


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
