"""Per-user settings (recent files, language) and the per-user data folder.

``READINESS_SETTINGS_DIR`` points settings elsewhere (tests do); the data folder follows
the platform's application-data location (``XDG_DATA_HOME`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, QStandardPaths

MAX_RECENT = 8


def settings_dir() -> Path | None:
    override = os.environ.get("READINESS_SETTINGS_DIR")
    return Path(override) if override else None


def data_folder() -> Path:
    """The per-user folder for the demo workshop and logs (created on demand)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    folder = Path(base or Path.home()) / "ReadinessStudio"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class AppSettings:
    """A small typed wrapper around QSettings."""

    def __init__(self, path: Path | None = None) -> None:
        folder = path or settings_dir()
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)
            self._qs = QSettings(str(folder / "readiness-studio.ini"), QSettings.Format.IniFormat)
        else:
            self._qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                 "ReadinessStudio", "Readiness Studio")

    def file_path(self) -> Path:
        """Where these settings are stored (shown in Help > About)."""
        return Path(self._qs.fileName())

    def recent_files(self) -> list[Path]:
        raw: Any = self._qs.value("recent", [])
        if isinstance(raw, str):
            raw = [raw]
        return [Path(str(p)) for p in (raw or []) if p]

    def add_recent(self, path: Path) -> None:
        path = Path(path).resolve()
        items = [p for p in self.recent_files() if p != path]
        items.insert(0, path)
        self._qs.setValue("recent", [str(p) for p in items[:MAX_RECENT]])
        self._qs.sync()

    def remove_recent(self, path: Path) -> None:
        items = [p for p in self.recent_files() if p != Path(path)]
        self._qs.setValue("recent", [str(p) for p in items])

    def language(self) -> str:
        value = str(self._qs.value("language", "") or "")
        return value if value in ("en", "de") else ""

    def set_language(self, lang: str) -> None:
        self._qs.setValue("language", lang)

    def last_folder(self) -> str:
        return str(self._qs.value("last_folder", "") or "")

    def set_last_folder(self, folder: Path) -> None:
        self._qs.setValue("last_folder", str(folder))

    # report branding and exports (Edit > Settings, ui/settings_dialog.py)

    def consultancy(self) -> str:
        """The consultancy's name printed on reports ('' = the engagement's own)."""
        return str(self._qs.value("reports/consultancy", "") or "")

    def set_consultancy(self, name: str) -> None:
        self._qs.setValue("reports/consultancy", name.strip())

    def report_logo(self) -> Path | None:
        """A PNG or JPEG shown on the report cover and headers (None = the bundled default)."""
        value = str(self._qs.value("reports/logo", "") or "")
        return Path(value) if value else None

    def set_report_logo(self, path: Path | None) -> None:
        self._qs.setValue("reports/logo", str(path) if path else "")

    def deck_template(self) -> Path | None:
        """The firm's PowerPoint template (.pptx or .potx) for the readout deck (None = the built-in look)."""
        value = str(self._qs.value("reports/deck_template", "") or "")
        return Path(value) if value else None

    def set_deck_template(self, path: Path | None) -> None:
        self._qs.setValue("reports/deck_template", str(path) if path else "")

    def export_folder(self) -> str:
        """Where exports are suggested ('' = beside the assessment)."""
        return str(self._qs.value("exports/folder", "") or "")

    def set_export_folder(self, folder: Path | str | None) -> None:
        self._qs.setValue("exports/folder", str(folder) if folder else "")

    def benchmark_folder(self) -> str:
        """The folder of assessments last used for the portfolio benchmark ('' = none yet)."""
        return str(self._qs.value("benchmark/folder", "") or "")

    def set_benchmark_folder(self, folder: Path | str | None) -> None:
        self._qs.setValue("benchmark/folder", str(folder) if folder else "")

    def clear_recent(self) -> None:
        self._qs.setValue("recent", [])

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qs.sync()
