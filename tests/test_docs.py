"""The documentation stays true: every command is in the guide, every link and picture resolves,
and the guide's file locations, shortcuts and options are the ones the code uses."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from readiness_app.cli import COMMANDS

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "docs" / "user-guide.md"
DOCS = sorted([REPO / "README.md", REPO / "CHANGELOG.md", *(REPO / "docs").rglob("*.md")])
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _without_code(text: str) -> str:
    """Markdown outside fenced code blocks."""
    return re.sub(r"```.*?```", "", text, flags=re.S)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    text = _without_code(_text(path))
    headings = {_slug(m.group(1)) for m in re.finditer(r"^#{1,6}\s+(.+)$", text, flags=re.M)}
    return headings | set(re.findall(r'<a (?:id|name)="([^"]+)"', text))


def test_the_guide_mentions_every_command() -> None:
    guide = _text(GUIDE)
    missing = [name for name in COMMANDS if f"readiness {name}" not in guide]
    assert missing == [], f"docs/user-guide.md does not mention: {missing}"


def test_the_guide_mentions_every_option_of_the_desktop_app() -> None:
    from readiness_app.ui.app import parse_args

    parser_options: set[str] = set()
    original = argparse.ArgumentParser.parse_args

    def capture(self: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> Any:
        for action in self._actions:
            if action.help != argparse.SUPPRESS:
                parser_options.update(o for o in action.option_strings if o.startswith("--") and o != "--help")
        return original(self, *args, **kwargs)

    argparse.ArgumentParser.parse_args = capture  # type: ignore[method-assign]
    try:
        parse_args([])
    finally:
        argparse.ArgumentParser.parse_args = original  # type: ignore[method-assign]
    assert {"--demo", "--lang", "--self-test"} <= parser_options
    guide = _text(GUIDE)
    assert [o for o in sorted(parser_options) if f"readiness-studio {o}" not in guide] == []


@pytest.mark.parametrize("doc", DOCS, ids=[str(p.relative_to(REPO)) for p in DOCS])
def test_every_link_and_picture_resolves(doc: Path) -> None:
    broken = []
    for target in LINK.findall(_without_code(_text(doc))):
        if re.match(r"^[a-z]+:", target):  # https:, mailto:
            continue
        file_part, _, anchor = target.partition("#")
        linked = (doc.parent / file_part).resolve() if file_part else doc
        missing_anchor = bool(anchor) and linked.suffix == ".md" and anchor not in _anchors(linked)
        if not linked.exists() or missing_anchor:
            broken.append(target)
    assert broken == [], f"{doc.relative_to(REPO)}: broken links {broken}"


def test_the_guide_shows_the_workshop_in_screenshots() -> None:
    pictures = [t for t in LINK.findall(_text(GUIDE)) if t.endswith(".png")]
    assert len(pictures) >= 8
    steps = {Path(p).name.split("-", 2)[2] for p in pictures}
    assert {"start.png", "engagement.png", "prioritization.png", "results.png", "roadmap.png", "export.png"} <= steps


def test_the_readme_has_pictures_the_bundle_and_its_make_targets_exist() -> None:
    readme = _text(REPO / "README.md")
    assert len([t for t in LINK.findall(readme) if t.endswith(".png")]) >= 2
    assert "make bundle" in readme and "--self-test" in readme
    makefile = _text(REPO / "Makefile")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, flags=re.M))
    mentioned = set(re.findall(r"`make ([a-z][\w-]*)`|^make ([a-z][\w-]*)", readme, flags=re.M))
    names = {a or b for a, b in mentioned}
    assert {"run", "test", "bundle"} <= names
    assert names <= targets


def test_the_changelog_has_an_unreleased_section() -> None:
    changelog = _text(REPO / "CHANGELOG.md")
    assert "## [Unreleased]" in changelog and "--self-test" in changelog


@pytest.mark.parametrize(("platform", "expected"), [
    ("win32", r"%LOCALAPPDATA%\Readiness Studio\logs"),
    ("darwin", "~/Library/Logs/Readiness Studio"),
    ("linux", "~/.local/state/readiness-studio/logs"),
])
def test_the_guide_names_the_log_folder_the_code_uses(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      platform: str, expected: str) -> None:
    from readiness_app import logs

    for name in ("READINESS_LOG_DIR", "XDG_STATE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", "%LOCALAPPDATA%")
    monkeypatch.setattr(sys, "platform", platform)
    actual = str(logs.log_dir()).replace(str(tmp_path), "~")
    if platform == "win32":
        actual = actual.replace("/", "\\")
    assert actual == expected
    assert f"`{expected}`" in _text(GUIDE)


def test_the_guide_names_the_shortcuts_the_window_uses(qtbot: Any, tmp_path: Path) -> None:
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    window = MainWindow(AppSettings(tmp_path / "settings"))
    qtbot.addWidget(window)
    guide = _text(GUIDE)
    for key in ("workshop_mode", "fullscreen", "dashboard_window", "import", "export", "next_step", "prev_step",
                "undo", "new", "save_copy"):
        shortcut = window.actions_by_key[key].shortcut().toString()
        assert shortcut and shortcut in guide, (key, shortcut)
