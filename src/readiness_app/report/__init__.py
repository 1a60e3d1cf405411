"""The PDF report: data, layout, chapters, charts and texts.

* :mod:`.texts`: every string of the report, per language;
* :mod:`.data`: :class:`ReportData` (what the report shows) and :class:`Branding`;
* :mod:`.layout`: page templates, styles and flowables;
* :mod:`.charts`: the report's charts;
* :mod:`.sections`: one builder per chapter;
* :mod:`.pdf`: lays the chapters out and writes the file atomically;
* :mod:`.plain_text`: the plain-text score report of ``readiness score``.

Public names are importable from the package itself; they load their module on first use,
so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "Branding": "data",
    "ReportData": "data",
    "build_report": "pdf",
    "load_report_data": "data",
    "render_report": "pdf",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
