"""The assessment file: one SQLite file per workshop, its schema, migrations and write lock.

* :mod:`.sqlite_lib`: sqlite-utils, imported without its optional extras;
* :mod:`.filelock`: one writer per file;
* :mod:`.migrations`: numbered schema migrations, with a backup before migrating;
* :mod:`.assessment_file`: :class:`AssessmentFile`, every read and write of an assessment.

Public names are importable from the package itself; they load their module on first use,
so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "AssessmentFile": "assessment_file",
    "new_id": "assessment_file",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
