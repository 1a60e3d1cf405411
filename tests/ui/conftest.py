"""UI test fixtures: a recording dialog service, a main window on temporary settings."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness_app.ui import dialogs, i18n


class FakeDialogs(dialogs.DialogService):
    """Records every message; answers questions from queues (or with defaults)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []
        self.texts: list[str | None] = []
        self.confirms: list[bool] = []
        self.files: list[Path | None] = []
        self.folders: list[Path | None] = []

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        self.calls.append(("error", (title, what, todo)))

    def info(self, title: str, text: str) -> None:
        self.calls.append(("info", (title, text)))

    def confirm(self, title: str, text: str) -> bool:
        self.calls.append(("confirm", (title, text)))
        return self.confirms.pop(0) if self.confirms else True

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        self.calls.append(("ask_text", (title, label)))
        return self.texts.pop(0) if self.texts else ""

    def open_file(self, title: str, filters: str, folder: str = "") -> Path | None:
        self.calls.append(("open_file", (title, filters)))
        return self.files.pop(0) if self.files else None

    def save_file(self, title: str, filters: str, suggested: str = "") -> Path | None:
        self.calls.append(("save_file", (title, filters)))
        return self.files.pop(0) if self.files else None

    def open_folder(self, title: str, folder: str = "") -> Path | None:
        self.calls.append(("open_folder", (title, folder)))
        return self.folders.pop(0) if self.folders else None

    def errors(self) -> list[tuple[Any, ...]]:
        return [args for kind, args in self.calls if kind == "error"]


@pytest.fixture(autouse=True)
def fake_dialogs() -> Iterator[FakeDialogs]:
    fake = FakeDialogs()
    old = dialogs.set_service(fake)
    yield fake
    dialogs.set_service(old)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    w = MainWindow(AppSettings(tmp_path / "settings"))
    qtbot.addWidget(w)
    w.resize(1600, 1000)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.documents.close()
    w.close()
