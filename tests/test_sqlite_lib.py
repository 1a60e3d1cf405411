"""sqlite-utils is imported without numpy/pandas, and only in the importing thread."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest

from readiness_app.store.sqlite_lib import _SkipOptionalExtras


def test_importing_storage_and_writing_does_not_import_numpy(tmp_path) -> None:  # type: ignore[no-untyped-def]
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from readiness_app.demo import write_demo\n"
        f"write_demo(Path({str(tmp_path / 'd.readiness')!r}))\n"
        "print('numpy' in sys.modules, 'pandas' in sys.modules)\n"
        "import numpy\n"
        "print(numpy.zeros(2).sum())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "0.0"]


def test_the_skip_applies_only_to_the_importing_thread() -> None:
    here = _SkipOptionalExtras(threading.get_ident())
    with pytest.raises(ImportError):
        here.find_spec("numpy", None)
    with pytest.raises(ImportError):
        here.find_spec("pandas.core", None)
    assert here.find_spec("json", None) is None
    elsewhere = _SkipOptionalExtras(threading.get_ident() + 1)
    assert elsewhere.find_spec("numpy", None) is None


def test_the_app_preloads_sqlite_utils_in_a_worker_thread_without_numpy() -> None:
    code = (
        "import sys, threading\n"
        "from readiness_app.ui.app import preload_in_background\n"
        "before = 'sqlite_utils' in sys.modules\n"
        "worker = preload_in_background()\n"
        "worker.join(30)\n"
        "print(before, worker.name, worker is not threading.main_thread(), 'sqlite_utils' in sys.modules,\n"
        "      'numpy' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "readiness-preload", "True", "True", "False"]
