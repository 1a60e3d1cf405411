"""The parsed-questionnaire cache: keyed by the text, never wrong, never required."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from readiness_app.questionnaire import loader as questionnaire
from readiness_app.questionnaire.loader import load_library, parse_questionnaire
from readiness_app.resources import questionnaires_dir


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("READINESS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(questionnaire, "_MEMORY_CACHE", {})
    return tmp_path / "cache" / "questionnaires"


def test_a_parsed_questionnaire_is_cached_by_its_text(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = (questionnaires_dir() / "maturity.toml").read_text(encoding="utf-8")
    first, problems = parse_questionnaire(source, "maturity.toml")
    assert first is not None and not problems
    assert (cache / f"{questionnaire._digest(source)}.json").is_file()
    # a new process: memory empty, the file cache answers; parsing must not be needed
    monkeypatch.setattr(questionnaire, "_MEMORY_CACHE", {})
    monkeypatch.setattr(tomllib, "loads", lambda _s: pytest.fail("parsed again"))
    again, problems = parse_questionnaire(source, "maturity.toml")
    assert again == first and not problems


def test_a_changed_text_is_parsed_again_and_a_damaged_cache_is_ignored(cache: Path) -> None:
    load_library()
    files = sorted(cache.glob("*.json"))
    assert len(files) >= 6
    for f in files:
        f.write_text("{ not json", encoding="utf-8")
    questionnaire._MEMORY_CACHE.clear()
    assert len(load_library().questionnaires) == 6  # with the AI Act screening
    source = (questionnaires_dir() / "risk.toml").read_text(encoding="utf-8")
    changed = source.replace('version = "', 'version = "9', 1)
    qn, _ = parse_questionnaire(changed, "risk.toml")
    assert qn is not None and qn.version.startswith("9")


def test_bad_toml_still_reports_its_problem_with_a_cache(cache: Path) -> None:
    qn, problems = parse_questionnaire("id = [", "broken.toml")
    assert qn is None and "broken.toml" in problems[0].format() and "not valid TOML" in problems[0].format()
