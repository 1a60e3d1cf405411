"""sqlite-utils, imported without its optional numpy and pandas extras.

sqlite-utils imports numpy and pandas whenever they are installed (matplotlib brings numpy),
only to map their scalar types to column types. We never store numpy or pandas values, and
that import costs about 100 ms of every start-up, so it is skipped here. Every module of the
app imports sqlite-utils through this one.
"""

from __future__ import annotations

import sys

_OPTIONAL = ("numpy", "pandas")


def _import_without_optional_extras() -> None:
    blocked = [name for name in _OPTIONAL if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # makes "import numpy" raise ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in blocked:
            if sys.modules.get(name) is None:
                del sys.modules[name]


_import_without_optional_extras()

import sqlite_utils  # noqa: E402

__all__ = ["sqlite_utils"]
