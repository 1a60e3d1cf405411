"""Excel in and out: read any workbook, plan an import, write the scorecard and the fill-in template.

Modules, from the bottom up:

* :mod:`.workbook_io`: safe, streaming workbook reading and atomic writing (bombs refused, formula-safe text);
* :mod:`.labels`: the labels our workbooks show for answers and levels;
* :mod:`.mapping`: import profiles, header and column detection, question matching and value maps;
* :mod:`.plan`: :class:`ImportPlan` and its parts, what an import would write;
* :mod:`.scorecard` and :mod:`.template`: our own workbooks, written and read back;
* :mod:`.importer`: plans imports of any workbook and applies them to an assessment file.

Public names are importable from the package itself; they load their module on first use,
so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "ImportPlan": "plan",
    "ImportProblem": "plan",
    "ImportProfile": "mapping",
    "PlannedAnswer": "plan",
    "apply_into": "importer",
    "apply_plan": "importer",
    "export_scorecard": "scorecard",
    "export_template": "template",
    "plan_import": "importer",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
