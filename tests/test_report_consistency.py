"""Statements from evidence: the summary and chapter intros never contradict a flag, an answer or a score."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness_app.demo import write_demo
from readiness_app.model import ORGANISATION, Answer, Participant, UseCase
from readiness_app.questionnaire.loader import load_library
from readiness_app.report.consistency import check
from readiness_app.report.data import load_report_data
from readiness_app.report.evidence import (
    HIGH_IMPACT_AT,
    Statement,
    chapter_intro,
    impact_word,
    risk_scope,
    summary_statements,
)
from readiness_app.report.texts import LEVEL_MEANINGS
from readiness_app.scoring import score
from readiness_app.scoring.inputs import ScoringInput

LIB = load_library()


def _statements(results, lang: str) -> list[Statement]:  # type: ignore[no-untyped-def]
    names = {u.use_case_id: u.name for u in results.use_cases}
    out = summary_statements(results, lang, names)
    out += [s for ch in ("maturity", "portfolio", "readiness") if (s := chapter_intro(results, LIB, ch, lang))]
    return out


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("demo") / "demo.readiness"
    write_demo(path)
    return load_report_data(path)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_demo_summary_holds_against_its_answers(demo, lang: str) -> None:  # type: ignore[no-untyped-def]
    r = demo.results
    said = _statements(r, lang)
    names = {u.use_case_id: u.name for u in r.use_cases}
    assert check(r, demo.library, said, lang, names) == []
    text = " ".join(s.text for s in said)
    assert not any(m.get(lang) in text for m in LEVEL_MEANINGS.values()), "a generic level descriptor as a fact"
    for s in said:
        if s.kind == "risk" and s.scopes != (ORGANISATION,):
            assert all(names[u] in s.text for u in s.scopes), s.text  # "For Claims triage assistant: ..."
            assert "Organisation-wide" not in s.text and "gesamte Organisation" not in s.text


def test_a_tampered_statement_is_caught(demo) -> None:  # type: ignore[no-untyped-def]
    r, lib = demo.results, demo.library
    names = {u.use_case_id: u.name for u in r.use_cases}
    said = _statements(r, "en")
    risk = next(s for s in said if s.kind == "risk" and s.scopes != (ORGANISATION,))
    widened = dataclasses.replace(risk, scopes=(ORGANISATION,), text="Organisation-wide: " + risk.text)
    assert any("scoped to" in p for p in check(r, lib, [widened], "en", names))
    generic = Statement("level", LEVEL_MEANINGS[2].en, level=r.maturity.overall_level)
    assert any("generic descriptor" in p for p in check(r, lib, [generic], "en", names))
    level = next(s for s in said if s.kind == "level")
    wrong = dataclasses.replace(level, level=level.level + 1 if level.level and level.level < 4 else 1)
    assert any("the scores give" in p for p in check(r, lib, [wrong], "en", names))
    unflagged = dataclasses.replace(risk, flag_id="risk.not_raised")
    assert any("do not raise" in p for p in check(r, lib, [unflagged], "en", names))
    lane = next(s for s in said if s.kind == "lane")
    other = next(u for u in r.use_cases if u.use_case_id != lane.use_case_id)
    assert any("the scores recommend" in p for p in check(r, lib, [dataclasses.replace(
        lane, use_case_id=other.use_case_id)], "en", names))


def test_a_disputed_answer_behind_a_risk_is_said_to_be_disputed(demo) -> None:  # type: ignore[no-untyped-def]
    r = demo.results
    names = {u.use_case_id: u.name for u in r.use_cases}
    for s in _statements(r, "en"):
        if s.kind == "risk" and s.disputed:
            assert "disputed" in s.text
            silent = dataclasses.replace(s, text=s.text.split(" The room disputed")[0])
            assert any("does not say so" in p for p in check(r, demo.library, [silent], "en", names))


@pytest.mark.parametrize(("impact", "word"), [(49.99, "low"), (50.0, "sufficient"), (74.99, "sufficient"),
                                              (HIGH_IMPACT_AT, "high"), (100.0, "high")])
def test_impact_exactly_50_is_not_high(impact: float, word: str) -> None:
    # docs/scoring.md: impact < 50 is parked; 50 is the line into the upper quadrants, not "high impact"
    assert impact_word(impact, "en") == word


# --------------------------------------------------------------------------- generated assessments

PEOPLE = tuple(Participant(f"p{i}", f"Person {i}", role, "", i)
               for i, role in enumerate(("product_owner", "control_owner", "sponsor")))
CASES = tuple(UseCase(f"u{i}", f"Use case {i}", position=i) for i in range(3))
QUESTIONS = [q for q in LIB.iter_questions() if q.type in ("scale", "choice") and (q.type == "scale" or q.options)]


def _answers(seed: int, spread: int, gaps: float) -> tuple[Answer, ...]:
    rng = random.Random(seed)
    out: list[Answer] = []
    for q in QUESTIONS:
        scopes = [ORGANISATION] if q.scope == "organisation" else [u.id for u in CASES]
        for scope in scopes:
            if rng.random() < gaps:
                continue
            centre = rng.randint(0, 4)
            for p in PEOPLE:
                if q.type == "scale":
                    value: object = max(0, min(4, centre + rng.randint(-spread, spread)))
                else:
                    value = rng.choice(q.options).id
                out.append(Answer(q.id, scope, p.id, value, False))  # type: ignore[arg-type]
    return tuple(out)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), spread=st.integers(0, 3), gaps=st.sampled_from([0.0, 0.1, 0.5]),
       lang=st.sampled_from(["en", "de"]))
def test_generated_assessments_are_stated_consistently(seed: int, spread: int, gaps: float, lang: str) -> None:
    results = score(ScoringInput(LIB, PEOPLE, CASES, _answers(seed, spread, gaps)))
    said = _statements(results, lang)
    names = {u.id: u.name for u in CASES}
    assert check(results, LIB, said, lang, names) == []
    for risk in results.risks[:3]:
        stated = next(s for s in said if s.kind == "risk" and s.flag_id == risk.flag_id)
        assert stated.scopes == risk_scope(risk)


def test_every_export_runs_the_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.errors import ExportError
    from readiness_app.report import consistency
    from readiness_app.report.pdf import build_report

    path = tmp_path / "d.readiness"
    write_demo(path)
    monkeypatch.setattr(consistency, "check", lambda *a, **k: ["level statement: planted contradiction"])
    with pytest.raises(ExportError, match="contradicts its own answers"):
        build_report(path, tmp_path / "r.pdf", sections={"summary"})
    assert not (tmp_path / "r.pdf").exists()
