"""After the workshop: follow-up assessments against a baseline, the firm's anonymised portfolio.

* :mod:`.baseline`: start a follow-up from a baseline and measure movement since it;
* :mod:`.portfolio`: benchmark a folder of assessments;
* :mod:`.anonymise`: an anonymised copy of an assessment for pooled benchmarks.

Public names are importable from the package itself; they load their module on first use,
so importing the package costs nothing.
"""

from __future__ import annotations

import importlib
from typing import Any

_PUBLIC = {
    "Movement": "baseline",
    "Portfolio": "portfolio",
    "movement_of": "baseline",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
