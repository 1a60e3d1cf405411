"""Questionnaires as validated data: the TOML format, its loader and validator, and the reference doc.

* :mod:`.loader`: load, validate and cache questionnaire libraries (:class:`Library`, :class:`Question`);
* :mod:`.reference_doc`: the Markdown reference of the bundled questionnaires.

Public names are importable from the package itself; they load their module on first use,
so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "Library": "loader",
    "Question": "loader",
    "Text": "loader",
    "load_library": "loader",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
