"""Per-user folders the app writes to outside assessment files (caches only, here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def cache_dir() -> Path:
    """The per-user cache folder (``READINESS_CACHE_DIR`` overrides it). Safe to delete."""
    override = os.environ.get("READINESS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "ReadinessStudio" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ReadinessStudio"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "readiness-studio"
