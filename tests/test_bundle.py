"""The desktop bundle: build.spec builds it, and the built program passes its own self-test offscreen.

Builds with PyInstaller into a temporary folder (about a minute), exactly as ``make bundle``
does but with ``--distpath``/``--workpath`` outside the checkout. Slow, and it runs in CI.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from readiness_app import APP_NAME

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None, reason="PyInstaller is not installed"),
]

REPO = Path(__file__).resolve().parent.parent
EXE_NAME = "readiness-studio.exe" if sys.platform == "win32" else "readiness-studio"


def _env(base: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("READINESS_DATA_DIR", "PYTEST"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYINSTALLER_CONFIG_DIR"] = str(base / "pyinstaller-cache")  # never the user's cache
    return env


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("bundle")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(base / "dist"), "--workpath", str(base / "work"), str(REPO / "build.spec")],
        cwd=base, env=_env(base), capture_output=True, text=True, timeout=900,
    )
    assert build.returncode == 0, build.stderr[-4000:]
    folder = base / "dist" / APP_NAME
    assert (folder / EXE_NAME).is_file(), sorted(p.name for p in folder.iterdir())
    return folder


def _tree(folder: Path) -> Mapping[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


def test_the_built_program_passes_its_self_test(bundle: Path, tmp_path: Path) -> None:
    before = _tree(bundle)
    out = tmp_path / "self-test"
    env = _env(tmp_path)  # HOME, XDG_*, READINESS_LOG_DIR and READINESS_SETTINGS_DIR: conftest's temporary ones
    run = subprocess.run([str(bundle / EXE_NAME), "--self-test", str(out)], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test (bundle)" in run.stdout and "passed: 9 checks" in run.stdout
    # the data came from inside the bundle, not from the checkout
    assert f"from {bundle}" in run.stdout
    for name in ("self-test-demo.readiness", "self-test-scorecard.xlsx", "self-test-report.pdf",
                 "self-test-window.png", "self-test.txt"):
        assert (out / name).is_file() and (out / name).stat().st_size > 0, name
    assert (out / "self-test-report.pdf").read_bytes().startswith(b"%PDF-")
    # it writes nothing inside its own folder (it may sit in a read-only place) ...
    assert _tree(bundle) == before
    # ... and logs to the user's log folder
    log = Path(env["READINESS_LOG_DIR"]) / "readiness-studio.log"
    assert "self-test passed" in log.read_text(encoding="utf-8")


def test_the_bundle_carries_no_network_code(bundle: Path) -> None:
    names = [str(p.relative_to(bundle)) for p in bundle.rglob("*")]
    assert any("QtWidgets" in n for n in names)  # the scan sees Qt's files
    network = [n for n in names if any(part in n for part in ("Network", "qvnc", "tuiotouch", "/tls/"))]
    assert network == []
    assert [str(p) for p in bundle.rglob("*") if p.is_symlink() and not p.exists()] == []


def test_a_broken_bundle_says_what_is_wrong(bundle: Path, tmp_path: Path) -> None:
    broken = tmp_path / "data"
    (broken / "questionnaires").mkdir(parents=True)
    (broken / "assets").mkdir()
    (broken / "questionnaires" / "library.toml").write_text("format = [oops\n", encoding="utf-8")
    env = {**_env(tmp_path), "READINESS_DATA_DIR": str(broken)}
    run = subprocess.run([str(bundle / EXE_NAME), "--self-test"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "self-test FAILED at questionnaires" in run.stderr and "library.toml" in run.stderr
