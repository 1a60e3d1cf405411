"""Entry script of the PyInstaller bundle: starts the desktop app (``readiness_app.ui.app:main``).

A plain script rather than ``ui/app.py`` itself, so the package is imported as a package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _user_cache_dir() -> Path:
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Readiness Studio"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Readiness Studio"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readiness-studio"


def main() -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()  # a worker process of the bundle runs its job, not the app
        # A windowed program on Windows has no console: printing (--help, warnings) must not fail.
        for name in ("stdout", "stderr"):
            if getattr(sys, name) is None:
                setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115
        # PyInstaller's matplotlib hook points MPLCONFIGDIR at a new temporary folder on every
        # start, so the font cache would be rebuilt each time (+2 s): keep one per user instead.
        folder = _user_cache_dir() / "matplotlib"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.environ["MPLCONFIGDIR"] = str(folder)
        except OSError:
            pass
    from readiness_app.ui.app import main as app_main

    return int(app_main() or 0)


if __name__ == "__main__":
    sys.exit(main())
