"""Framework coverage: area status at its thresholds, coverage arithmetic, the questions behind each area."""

from __future__ import annotations

import pytest

from readiness_app.model import CONSENSUS, ORGANISATION, Answer, UseCase
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.scoring import ScoringInput, score
from readiness_app.scoring.framework_coverage import EVIDENCED_AT, PARTIAL_AT, coverage_of, status_of


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


@pytest.mark.parametrize(("mean", "status"), [
    (None, "not_assessed"), (0.0, "gap"), (PARTIAL_AT - 0.01, "gap"), (PARTIAL_AT, "partial"),
    (EVIDENCED_AT - 0.01, "partial"), (EVIDENCED_AT, "evidenced"), (4.0, "evidenced"),
])
def test_status_thresholds(mean: float | None, status: str) -> None:
    assert status_of(mean) == status


def test_coverage_counts_partial_as_half_and_unassessed_as_nothing() -> None:
    assert coverage_of(["evidenced", "partial", "gap", "not_assessed"]) == pytest.approx(1.5 / 4)
    assert coverage_of([]) == 0.0
    assert coverage_of(["evidenced"] * 3) == 1.0


def _results(library: Library, answers: list[Answer], use_cases: tuple[UseCase, ...] = ()):
    return score(ScoringInput(library=library, participants=(), use_cases=use_cases, answers=tuple(answers)))


def test_nothing_answered_is_not_assessed_everywhere(library: Library) -> None:
    fc = _results(library, []).framework_coverage
    assert fc is not None
    for fw in fc.frameworks():
        assert fw.areas and all(a.status == "not_assessed" for a in fw.areas)
        assert fw.coverage == 0.0


def test_an_area_follows_the_answers_behind_it(library: Library) -> None:
    # ISO A.2 (policies) rests on mat.gov.standard_controls and mat.rhythm.monthly_policy (organisation scale items)
    def a2(values: dict[str, int]):
        answers = [Answer(q, ORGANISATION, CONSENSUS, v) for q, v in values.items()]
        fc = _results(library, answers).framework_coverage
        assert fc is not None
        return next(a for a in fc.iso_iec_42001.areas if a.id == "A.2")

    area = a2({})
    assert set(area.questions) == {"mat.gov.standard_controls", "mat.rhythm.monthly_policy"}
    assert area.status == "not_assessed"
    assert a2({"mat.gov.standard_controls": 4}).status == "evidenced"  # only answered questions count
    assert a2({"mat.gov.standard_controls": 4, "mat.rhythm.monthly_policy": 2}).status == "evidenced"  # mean 3
    assert a2({"mat.gov.standard_controls": 2, "mat.rhythm.monthly_policy": 1}).status == "partial"  # mean 1.5
    assert a2({"mat.gov.standard_controls": 1, "mat.rhythm.monthly_policy": 1}).status == "gap"
    assert {"A.2.2", "A.2.4"} <= set(area.controls) and area.rationales


def test_use_case_questions_count_with_their_mean_over_use_cases(library: Library) -> None:
    ucs = (UseCase("a", "A", position=1), UseCase("b", "B", position=2))
    answers = [Answer("dr.hitl.override_rules", "a", CONSENSUS, 4), Answer("dr.hitl.override_rules", "b", CONSENSUS, 1)]
    fc = _results(library, answers, ucs).framework_coverage
    assert fc is not None
    manage = next(a for a in fc.nist_ai_rmf.areas if a.id == "MANAGE 1")
    assert manage.mean == pytest.approx(2.5) and manage.status == "partial"


def test_dimension_links_stand_for_every_scored_question_of_the_dimension(library: Library) -> None:
    fc = _results(library, []).framework_coverage
    assert fc is not None
    gov2 = next(a for a in fc.nist_ai_rmf.areas if a.id == "GOVERN 2")
    roles = {q.id for q in library.iter_questions() if q.dimension == "roles" and q.scored}
    assert roles <= set(gov2.questions)


def test_no_crosswalk_gives_empty_frameworks(library: Library) -> None:
    from dataclasses import replace

    bare = replace(library, regulation=None, _questions={})
    fc = _results(bare, []).framework_coverage
    assert fc is not None
    assert all(fw.areas == () and fw.coverage == 0.0 for fw in fc.frameworks())
