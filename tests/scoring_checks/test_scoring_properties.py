"""Property-based guards of the scoring invariants (hypothesis)."""

from __future__ import annotations

import dataclasses
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from readiness_app.model import ORGANISATION, Answer, Participant, UseCase
from readiness_app.scoring import Results, score

from .builders import action, library, make_input, q, questionnaire

PRI_DIMS = ("uc_value", "uc_process", "uc_data", "uc_control", "uc_effort")
PRI = questionnaire("p", "prioritization", [
    q(f"p.{d}.{i}", d, qn="p", scope="use_case", weight=1 + i,
      polarity="negative" if d in ("uc_control", "uc_effort") else "positive")
    for d in PRI_DIMS for i in range(2)
])
RDY = questionnaire("r", "readiness", [
    q("r.a", "dr_a", qn="r", scope="use_case", critical=True, actions=["a1"]),
    q("r.b", "dr_b", qn="r", scope="use_case", weight=2, actions=["a2"]),
    q("r.c", "dr_c", qn="r", scope="use_case", actions=["a1"]),
])
MAT = questionnaire("m", "maturity", [
    q(f"m.{d}.{s}", d, qn="m", stage=s, weight=1 + (s % 2), actions=[f"a{s}"])
    for d in ("gov", "mon") for s in (1, 2, 3, 4)
])
LIB = library(PRI, RDY, MAT, actions=[action("a1"), action("a2", 2), action("a3", 3), action("a4", 3)])
PARTICIPANTS = [Participant(f"p{i}", f"P{i}", "other", "", i) for i in range(3)]
USE_CASES = [UseCase("u1", "One", position=0), UseCase("u2", "Two", position=1)]

KEYS = [(qq.id, ORGANISATION if qq.scope == "organisation" else u.id)
        for qq in LIB.iter_questions() for u in (USE_CASES if qq.scope == "use_case" else USE_CASES[:1])]
CELL = st.one_of(st.none(), st.just("na"), st.integers(0, 4))


@st.composite
def answer_sets(draw: st.DrawFn) -> list[Answer]:
    answers = []
    for qid, scope in KEYS:
        for p in PARTICIPANTS:
            cell = draw(CELL)
            if cell is None:
                continue
            answers.append(Answer(qid, scope, p.id, None if cell == "na" else cell, cell == "na"))
    return answers


def run(answers: list[Answer], participants: list[Participant] = PARTICIPANTS) -> Results:
    return score(make_input(LIB, answers, use_cases=USE_CASES, participants=participants))


def numbers(r: Results) -> dict[str, object]:
    out: dict[str, object] = {}
    for u in r.use_cases:
        for f in ("impact", "process_readiness", "data_availability", "control_complexity", "effort",
                  "data_readiness", "priority"):
            s = getattr(u, f)
            out[f"{u.use_case_id}.{f}"] = (None if s.value is None else round(s.value, 9), round(s.completeness, 9))
        out[f"{u.use_case_id}.quadrant"] = u.quadrant
        out[f"{u.use_case_id}.rank"] = u.rank
        out[f"{u.use_case_id}.blockers"] = tuple(b.question_id for b in u.blockers)
    for d in r.maturity.dimensions:
        out[d.dimension_id] = (None if d.score.value is None else round(d.score.value, 9), d.staged_level)
    out["lane"] = r.first_lane.use_case_id
    out["roadmap"] = tuple((i.key, i.phase) for i in r.roadmap.items)
    out["disagreements"] = tuple(sorted((c.question_id, c.scope) for c in r.disagreements))
    return out


@settings(max_examples=60, deadline=None)
@given(answer_sets())
def test_every_score_stays_in_bounds(answers: list[Answer]) -> None:
    r = run(answers)
    for u in r.use_cases:
        for s in (u.impact, u.process_readiness, u.data_availability, u.control_complexity, u.effort,
                  u.data_readiness, u.priority):
            assert 0.0 <= s.completeness <= 1.0
            if s.value is not None:
                assert -1e-9 <= s.value <= 100 + 1e-9
                assert abs(sum(c.points for c in s.contributions) - s.value) < 1e-6
    for d in r.maturity.dimensions:
        assert 1 <= d.staged_level <= 4
        if d.score.value is not None:
            assert 1.0 - 1e-9 <= d.score.value <= 4.0 + 1e-9
    assert 1 <= r.maturity.overall_level <= 4


def _raise_one(answers: list[Answer], index: int) -> list[Answer] | None:
    a = answers[index]
    if a.not_applicable or not isinstance(a.value, int) or a.value >= 4:
        return None
    raised = list(answers)
    raised[index] = dataclasses.replace(a, value=a.value + 1)
    return raised


@settings(max_examples=80, deadline=None)
@given(answer_sets(), st.data())
def test_raising_one_answer_never_lowers_its_dimension_or_the_priority(answers: list[Answer], data: st.DataObject) -> None:
    if not answers:
        return
    i = data.draw(st.integers(0, len(answers) - 1))
    raised = _raise_one(answers, i)
    if raised is None:
        return
    before, after = run(answers), run(raised)
    question = LIB.question(answers[i].question_id)
    assert question is not None
    scope = answers[i].scope
    if question.questionnaire_id == "m":
        b, a = before.dimension(question.dimension), after.dimension(question.dimension)
        assert b is not None and a is not None
        assert (a.score.value or 0) >= (b.score.value or 0) - 1e-9
        assert a.staged_level >= b.staged_level
        return
    ub, ua = before.use_case(scope), after.use_case(scope)
    assert ub is not None and ua is not None
    if ub.priority.value is None:
        return
    assert ua.priority.value is not None
    if question.polarity == "negative":
        assert ua.priority.value <= ub.priority.value + 1e-9
    else:
        assert ua.priority.value >= ub.priority.value - 1e-9
        if question.questionnaire_id == "r":
            assert (ua.data_readiness.value or 0) >= (ub.data_readiness.value or 0) - 1e-9


@settings(max_examples=40, deadline=None)
@given(answer_sets(), st.randoms(use_true_random=False))
def test_reordering_participants_changes_nothing(answers: list[Answer], rnd: random.Random) -> None:
    shuffled = list(PARTICIPANTS)
    rnd.shuffle(shuffled)
    reordered = [dataclasses.replace(p, position=i) for i, p in enumerate(shuffled)]
    answers_shuffled = list(answers)
    rnd.shuffle(answers_shuffled)
    assert numbers(run(answers)) == numbers(run(answers_shuffled, reordered))


@settings(max_examples=40, deadline=None)
@given(answer_sets())
def test_adding_a_not_applicable_question_changes_nothing(answers: list[Answer]) -> None:
    extra_m = q("m.gov.extra", "gov", qn="m", stage=2, actions=["a2"])
    extra_r = q("r.extra", "dr_a", qn="r", scope="use_case", critical=True, actions=["a1"])
    lib2 = library(PRI, questionnaire("r", "readiness", [*RDY.questions, extra_r]),
                   questionnaire("m", "maturity", [*MAT.questions, extra_m]),
                   actions=[action("a1"), action("a2", 2), action("a3", 3), action("a4", 3)])
    na = [Answer("m.gov.extra", ORGANISATION, "", None, True)]
    na += [Answer("r.extra", u.id, "", None, True) for u in USE_CASES]
    base = run(answers)
    extended = score(make_input(lib2, [*answers, *na], use_cases=USE_CASES, participants=PARTICIPANTS))
    assert numbers(base) == numbers(extended)
