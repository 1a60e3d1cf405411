import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness_app import resources
from readiness_app.questionnaire.loader import Library, load_library

TESTS_DIR = Path(__file__).resolve().parent
REPO_ROOT = TESTS_DIR.parent
FIXTURES = TESTS_DIR / "fixtures"
MINI_LIBRARY_DIR = FIXTURES / "mini"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Point every per-user folder at a temporary directory: tests never touch real user files."""
    home = tmp_path_factory.mktemp("home")
    env = {
        "HOME": home,
        "USERPROFILE": home,
        "XDG_CONFIG_HOME": home / ".config",
        "XDG_DATA_HOME": home / ".local" / "share",
        "XDG_CACHE_HOME": home / ".cache",
        "XDG_STATE_HOME": home / ".local" / "state",
        "APPDATA": home / "AppData" / "Roaming",
        "LOCALAPPDATA": home / "AppData" / "Local",
        "READINESS_SETTINGS_DIR": home / "readiness-settings",
        "READINESS_LOG_DIR": home / "readiness-logs",
        "READINESS_CACHE_DIR": home / "readiness-cache",
        "MPLCONFIGDIR": home / "mpl",
    }
    for name, value in env.items():
        value.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(value))
    monkeypatch.delenv("READINESS_DATA_DIR", raising=False)
    resources.data_dir.cache_clear()
    yield
    resources.data_dir.cache_clear()


@pytest.fixture(scope="session")
def mini_library() -> Library:
    """A tiny but complete questionnaire library (tests/fixtures/mini)."""
    return load_library(MINI_LIBRARY_DIR)


@pytest.fixture
def mini_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """READINESS_DATA_DIR pointing at a copy of the mini library as the bundled questionnaires."""
    root = tmp_path / "data"
    shutil.copytree(MINI_LIBRARY_DIR, root / "questionnaires")
    (root / "assets").mkdir()
    monkeypatch.setenv("READINESS_DATA_DIR", str(root))
    resources.data_dir.cache_clear()
    return root


def _write_master(factory: pytest.TempPathFactory, name: str, library: Library) -> Path:
    from readiness_app.demo import write_demo

    path = factory.mktemp(name) / "demo.readiness"
    write_demo(path, library=library)
    return path


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # the checkout's questionnaires, whatever READINESS_DATA_DIR the developer has set
    return _write_master(tmp_path_factory, "demo-master", load_library(REPO_ROOT / "questionnaires"))


@pytest.fixture(scope="session")
def _mini_demo_master(tmp_path_factory: pytest.TempPathFactory, mini_library: Library) -> Path:
    return _write_master(tmp_path_factory, "mini-demo-master", mini_library)


@pytest.fixture
def demo_file(_demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of the standard demo workshop, answered with the bundled questionnaires."""
    target = tmp_path / "demo.readiness"
    shutil.copyfile(_demo_master, target)
    return target


@pytest.fixture
def mini_demo_file(_mini_demo_master: Path, tmp_path: Path) -> Path:
    """A fresh copy of a standard demo answered with the mini library (tests/fixtures/mini)."""
    target = tmp_path / "mini-demo.readiness"
    shutil.copyfile(_mini_demo_master, target)
    return target
