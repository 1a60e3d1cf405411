"""One resolver for bundled data (questionnaires, assets).

Works from a source checkout (``<repo>/questionnaires``), an installed wheel
(``readiness_app/_bundled/...``) and a PyInstaller bundle (``sys._MEIPASS``).
``READINESS_DATA_DIR`` overrides all of them (used by tests and power users).
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

_KINDS = ("questionnaires", "assets")


def _candidates(kind: str) -> list[Path]:
    found: list[Path] = []
    override = os.environ.get("READINESS_DATA_DIR")
    if override:
        found.append(Path(override) / kind)
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / kind)
    package_dir = Path(__file__).resolve().parent
    found.append(package_dir / "_bundled" / kind)
    found.append(package_dir.parent.parent / kind)  # source checkout: src/readiness_app -> repo
    return found


@cache
def data_dir(kind: str) -> Path:
    """Return the folder holding bundled ``kind`` data ("questionnaires" or "assets")."""
    if kind not in _KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    candidates = _candidates(kind)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"bundled {kind} not found; looked in: {tried}")


def questionnaires_dir() -> Path:
    return data_dir("questionnaires")


def asset_path(name: str) -> Path:
    return data_dir("assets") / name
