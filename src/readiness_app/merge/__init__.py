"""Merging two copies of one assessment (breakout rooms): what each side changed, and the conflicts.

* :mod:`.plan`: :func:`plan_merge` compares two files that started from the same assessment
  (their change logs share a beginning) and sorts every difference into *taken from A*,
  *taken from B* (only that side changed it) and *conflicts* (both changed it differently);
* :mod:`.apply`: :func:`apply_merge` writes a plan into an open file with the facilitator's
  decisions (undoable: it returns what to put back), :func:`merge_files` writes a new merged
  file (conflicts keep A's value) with the change logs of both sides.

Public names load their module on first use, so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "Item": "plan",
    "MergePlan": "plan",
    "plan_merge": "plan",
    "Applied": "apply",
    "apply_merge": "apply",
    "merge_files": "apply",
    "revert_merge": "apply",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
