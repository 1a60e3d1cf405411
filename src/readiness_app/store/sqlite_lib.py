"""sqlite-utils, imported without its optional numpy and pandas extras.

sqlite-utils imports numpy and pandas whenever they are installed (matplotlib brings numpy),
only to map their scalar types to column types. We never store numpy or pandas values, and
that import costs about 100 ms, so it is skipped here. Every module of the app imports
sqlite-utils through this one.

The skip applies only to the thread doing this import and only while it runs, so a chart or
an export importing numpy in another thread at the same moment is not affected.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import threading
from collections.abc import Sequence
from types import ModuleType

_OPTIONAL = frozenset({"numpy", "pandas"})


class _SkipOptionalExtras(importlib.abc.MetaPathFinder):
    def __init__(self, thread_id: int) -> None:
        self.thread_id = thread_id

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> importlib.machinery.ModuleSpec | None:
        if fullname.partition(".")[0] in _OPTIONAL and threading.get_ident() == self.thread_id:
            raise ImportError(f"{fullname} is not needed by sqlite-utils here", name=fullname)
        return None


def _import_without_optional_extras() -> None:
    if "sqlite_utils" in sys.modules:
        return
    finder = _SkipOptionalExtras(threading.get_ident())
    # new lists, not changes in place: another thread importing meanwhile walks the list it began with
    sys.meta_path = [finder, *sys.meta_path]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        sys.meta_path = [f for f in sys.meta_path if f is not finder]


_import_without_optional_extras()

import sqlite_utils  # noqa: E402

__all__ = ["sqlite_utils"]
