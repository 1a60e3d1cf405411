"""Every rule docs/scoring.md states, pinned at exactly its boundary and one step either side.

Each test is named after the rule it pins (the section of docs/scoring.md in brackets). A small
wrong change to a rule (``<`` for ``<=``, the lower median for the median, 2.4 for 2.5) fails here.
"""

from __future__ import annotations

import pytest

from readiness_app.model import UseCase
from readiness_app.questionnaire.loader import Option
from readiness_app.scoring import score
from readiness_app.scoring.consensus import consensus_of
from readiness_app.scoring.engine import quadrant, staged_level
from readiness_app.scoring.indices import weighted_score
from readiness_app.scoring.roadmap import PHASE_WEEKS, _due_week

from .builders import action, consensus, library, make_input, q, questionnaire, vote

EPS = 0.01


# ---------------------------------------------------------------- 2. consensus


def _room(*votes: int | None, qtype: str = "scale"):
    question = q("x", "d", qn="m", qtype=qtype)
    answers = [vote("x", v, f"p{i}", na=v is None) for i, v in enumerate(votes)]
    return consensus_of(question, "organisation", answers)


@pytest.mark.parametrize(("votes", "median"), [
    ((1, 2, 4), 2.0),            # odd count: the middle vote (worked example A)
    ((1, 2), 1.5),               # even count: the mean of the two middle votes, not the lower one
    ((1, 2, 3, 4), 2.5),
    ((0, 0, 4, 4), 2.0),
    ((3,), 3.0),
])
def test_room_value_is_the_median_of_the_votes_even_count_averages_the_middle_two(votes, median) -> None:
    assert _room(*votes).numeric == median


def test_not_applicable_votes_abstain_from_the_median() -> None:
    assert _room(1, None, 3).numeric == 2.0
    assert _room(None, None).not_applicable


@pytest.mark.parametrize(("votes", "spread", "flagged"), [
    ((1, 2), 1.0, False),        # one step below the boundary
    ((1, 3), 2.0, True),         # exactly 2 scale points: flagged
    ((0, 3), 3.0, True),
    ((2,), 0.0, False),          # a single vote has no spread to speak of
])
def test_a_spread_of_two_or_more_scale_points_flags_a_disagreement(votes, spread, flagged) -> None:
    c = _room(*votes)
    assert c.spread == spread
    assert c.disagreement is flagged


def test_a_recorded_consensus_wins_over_the_median_but_keeps_the_spread() -> None:
    question = q("x", "d", qn="m")
    c = consensus_of(question, "organisation", [vote("x", 1, "a"), vote("x", 2, "b"), vote("x", 4, "c"),
                                               consensus("x", 3)])
    assert (c.numeric, c.spread, c.disagreement) == (3.0, 3.0, True)


def test_disagreements_are_listed_widest_spread_first() -> None:
    qs = [q(f"m.{i}", "d", qn="m", stage=1) for i in range(3)]
    lib = library(questionnaire("m", "maturity", qs))
    answers = [vote("m.0", 1, "a"), vote("m.0", 3, "b"),     # spread 2
               vote("m.1", 0, "a"), vote("m.1", 4, "b"),     # spread 4
               vote("m.2", 2, "a"), vote("m.2", 3, "b")]     # spread 1: not listed
    r = score(make_input(lib, answers))
    assert [d.question_id for d in r.disagreements] == ["m.1", "m.0"]


# ---------------------------------------------------------------- 3. indices, completeness, confidence


def _index(values: dict[str, int | None], weights: dict[str, float] | None = None, *, missing: tuple[str, ...] = ()):
    weights = weights or {}
    qs = [q(k, "d", qn="m", weight=weights.get(k, 1.0)) for k in [*values, *missing]]
    cons = {(k, "organisation"): consensus_of(qq, "organisation", [consensus(k, v, na=v is None)])
            for k, v, qq in ((k, values[k], qq) for qq in qs for k in [qq.id] if k in values)}
    return weighted_score(qs, "organisation", cons, base=0.0, span=100.0)


def test_weighted_index_worked_example_b_and_na_leaves_the_denominator() -> None:
    s = _index({"a": 4, "b": 2, "c": None}, {"c": 2})
    assert s.value == 75.0 and s.completeness == 1.0 and not s.low_confidence


def test_low_confidence_only_below_half_of_the_applicable_weight() -> None:
    exactly_half = _index({"a": 4, "b": 2}, {"c": 2}, missing=("c",))
    assert exactly_half.completeness == 0.5 and not exactly_half.low_confidence
    below = _index({"a": 4}, {"b": 1.01}, missing=("b",))
    assert below.completeness < 0.5 and below.low_confidence


# ---------------------------------------------------------------- 4. quadrants


@pytest.mark.parametrize(("impact", "expected"), [
    (50 - EPS, "park"), (50, "first_lane"), (50 + EPS, "first_lane")])
def test_impact_below_50_is_parked_50_is_not(impact, expected) -> None:
    assert quadrant(impact, 80, 10) == expected


@pytest.mark.parametrize(("readiness", "expected"), [
    (50 - EPS, "foundation_first"), (50, "first_lane"), (50 + EPS, "first_lane"), (None, "foundation_first")])
def test_readiness_below_50_or_unknown_is_foundation_first(readiness, expected) -> None:
    assert quadrant(80, readiness, 10) == expected


@pytest.mark.parametrize(("control", "expected"), [
    (60 - EPS, "first_lane"), (60, "first_lane"), (60 + EPS, "strategic_bet"), (None, "first_lane")])
def test_control_complexity_above_60_is_a_strategic_bet(control, expected) -> None:
    assert quadrant(80, 80, control) == expected


def test_quadrant_conditions_are_checked_in_the_documented_order() -> None:
    assert quadrant(40, 40, 90) == "park"                # impact first
    assert quadrant(60, 40, 90) == "foundation_first"    # then readiness
    assert quadrant(None, 80, 10) == "unscored"


def _prio(impact: int, process: int, data: int, control: int, effort: int, ready: int) -> float | None:
    pri = questionnaire("p", "prioritization", [
        q("p.v", "uc_value", qn="p", scope="use_case"), q("p.p", "uc_process", qn="p", scope="use_case"),
        q("p.d", "uc_data", qn="p", scope="use_case"),
        q("p.c", "uc_control", qn="p", scope="use_case", polarity="negative"),
        q("p.e", "uc_effort", qn="p", scope="use_case", polarity="negative")])
    rdy = questionnaire("r", "readiness", [q("r.x", "dr_a", qn="r", scope="use_case")])
    lib = library(pri, rdy, actions=[action("act.select_first_lane")])
    answers = [consensus("p.v", impact, "u"), consensus("p.p", process, "u"), consensus("p.d", data, "u"),
               consensus("p.c", control, "u"), consensus("p.e", effort, "u"), consensus("r.x", ready, "u")]
    r = score(make_input(lib, answers, use_cases=[UseCase("u", "U", position=0)]))
    u = r.use_case("u")
    assert u is not None
    return u


def test_readiness_and_priority_follow_the_documented_weights() -> None:
    # impact 75 (3), process 50 (2), data availability 100 (4), control 25 (1), effort 50 (2), readiness 50 (2)
    u = _prio(3, 2, 4, 1, 2, 2)
    assert u.readiness == pytest.approx((2 * 50 + 100 + 2 * 50) / 5)            # 60
    assert u.priority.value == pytest.approx(0.45 * 75 + 0.30 * 60 + 0.15 * 75 + 0.10 * 50)


# ---------------------------------------------------------------- 5. blockers


@pytest.mark.parametrize(("value", "threshold", "blocked"), [
    (1, 2.0, True), (2, 2.0, False), (3, 2.0, False),      # the default threshold 2: below it blocks
    (2, 3.0, True), (3, 3.0, False),                       # a questionnaire's own threshold
])
def test_a_critical_item_below_its_threshold_is_a_blocker(value, threshold, blocked) -> None:
    crit = q("r.crit", "dr_a", qn="r", scope="use_case", critical=True)
    crit = type(crit)(**{**{f: getattr(crit, f) for f in crit.__dataclass_fields__}, "threshold": threshold})
    lib = library(questionnaire("p", "prioritization", [q("p.v", "uc_value", qn="p", scope="use_case")]),
                  questionnaire("r", "readiness", [crit]))
    r = score(make_input(lib, [consensus("p.v", 4, "u"), consensus("r.crit", value, "u")],
                         use_cases=[UseCase("u", "U", position=0)]))
    u = r.use_case("u")
    assert u is not None and bool(u.blockers) is blocked


def test_missing_or_not_applicable_critical_items_are_not_blockers() -> None:
    crit = q("r.crit", "dr_a", qn="r", scope="use_case", critical=True)
    lib = library(questionnaire("p", "prioritization", [q("p.v", "uc_value", qn="p", scope="use_case")]),
                  questionnaire("r", "readiness", [crit]))
    for answers in ([consensus("p.v", 4, "u")], [consensus("p.v", 4, "u"), consensus("r.crit", None, "u", na=True)]):
        u = score(make_input(lib, answers, use_cases=[UseCase("u", "U", position=0)])).use_case("u")
        assert u is not None and u.blockers == ()


# ---------------------------------------------------------------- 6. maturity


def _dimension(stage_values: dict[int, list[int | None]], target: int | None = None):
    qs, answers = [], []
    for stage, values in stage_values.items():
        for i, v in enumerate(values):
            qid = f"m.s{stage}.{i}"
            qs.append(q(qid, "dim", qn="m", stage=stage))
            if v is not None:
                answers.append(consensus(qid, v))
    lib = library(questionnaire("m", "maturity", qs))
    r = score(make_input(lib, answers, targets={"dim": target} if target else None))
    return r.maturity.dimensions[0]


def test_a_stage_is_met_at_an_average_of_exactly_2_5_not_below() -> None:
    met = _dimension({1: [4], 2: [3, 2], 3: [0], 4: [0]})           # stage 2 averages exactly 2.5
    assert 2 in met.stages_met and met.staged_level == 2
    not_met = _dimension({1: [4], 2: [3, 1, 3, 2], 3: [0], 4: [0]})   # 2.25
    assert 2 not in not_met.stages_met and not_met.staged_level == 1


def test_a_stage_with_an_unanswered_criterion_is_not_met() -> None:
    d = _dimension({1: [4], 2: [4, None]})
    assert 2 not in d.stages_met


def test_maturity_worked_example_d_score_level_and_gap() -> None:
    d = _dimension({1: [4], 2: [3, 2], 3: [1], 4: [0]}, target=3)
    assert d.score.value == pytest.approx(2.5)
    assert d.staged_level == 2 and d.gap == 1


def test_the_gap_is_never_below_zero_and_the_default_target_is_managed() -> None:
    d = _dimension({1: [4], 2: [4], 3: [4], 4: [4]})
    assert d.target == 2 and d.target_is_default and d.gap == 0


def test_a_level_counts_only_when_every_lower_stage_is_met() -> None:
    assert staged_level([2, 3, 4]) == 1
    assert staged_level([1, 2, 3]) == 3
    assert staged_level([1, 3]) == 1


def test_overall_level_is_the_lower_middle_staged_level_for_an_even_count() -> None:
    qs = []
    answers = []
    # four dimensions at staged levels 1, 2, 3, 4
    for dim, level in (("a", 1), ("b", 2), ("c", 3), ("d", 4)):
        for stage in (1, 2, 3, 4):
            qid = f"{dim}.{stage}"
            qs.append(q(qid, dim, qn="m", stage=stage))
            answers.append(consensus(qid, 4 if stage <= level else 0))
    r = score(make_input(library(questionnaire("m", "maturity", qs)), answers))
    assert sorted(d.staged_level for d in r.maturity.dimensions) == [1, 2, 3, 4]
    assert r.maturity.overall_level == 2          # lower middle of 2 and 3
    qs3 = [x for x in qs if not x.id.startswith("d.")]
    r3 = score(make_input(library(questionnaire("m", "maturity", qs3)),
                          [a for a in answers if not a.question_id.startswith("d.")]))
    assert r3.maturity.overall_level == 2          # the middle of 1, 2, 3


# ---------------------------------------------------------------- 7. risk flags from rules


@pytest.mark.parametrize(("when", "threshold", "value", "fires"), [
    ("le", 1.0, 1, True), ("le", 1.0, 2, False), ("le", 1.0, 0, True),
    ("ge", 3.0, 3, True), ("ge", 3.0, 2, False), ("ge", 3.0, 4, True),
])
def test_risk_rules_le_and_ge_include_their_threshold(when, threshold, value, fires) -> None:
    from readiness_app.questionnaire.loader import RiskFlag, RiskRule
    from readiness_app.scoring.risks import rule_matches

    question = q("k", "risk", qn="k")
    rule = RiskRule(flag="risk.x", when=when, threshold=threshold)  # type: ignore[arg-type]
    c = consensus_of(question, "organisation", [consensus("k", value)])
    assert rule_matches(rule, question, c) is fires
    assert RiskFlag  # the flag type exists for the rule's flag id


def test_choice_rules_match_the_listed_options_only() -> None:
    from readiness_app.questionnaire.loader import RiskRule
    from readiness_app.scoring.risks import rule_matches

    question = q("k", "risk", qn="k", qtype="choice")
    question = type(question)(**{**{f: getattr(question, f) for f in question.__dataclass_fields__},
                                 "options": (Option("yes", question.text, 4), Option("no", question.text, 0))})
    rule = RiskRule(flag="risk.x", when="in", options=("no",))  # type: ignore[call-arg]
    assert rule_matches(rule, question, consensus_of(question, "organisation", [consensus("k", "no")]))
    assert not rule_matches(rule, question, consensus_of(question, "organisation", [consensus("k", "yes")]))


# ---------------------------------------------------------------- 8. roadmap phases


def test_roadmap_phases_are_days_1_30_31_60_61_90_in_weeks() -> None:
    assert PHASE_WEEKS == {1: (1, 4), 2: (5, 8), 3: (9, 13)}


def test_a_phase_spreads_its_items_over_its_weeks_first_item_first() -> None:
    assert [_due_week(1, i, 4) for i in range(4)] == [1, 2, 3, 4]
    assert [_due_week(3, i, 2) for i in range(2)] == [9, 11]
    assert _due_week(2, 0, 1) == 5


# ---------------------------------------------------------------- 7. computed risk flags


def _computed_risks(*, decision_impact: int, review: int, stages: tuple[str, ...] = ("idea",)) -> set[str]:
    from readiness_app.questionnaire.loader import RiskFlag

    from .builders import t

    pri = questionnaire("p", "prioritization", [
        q("p.v", "uc_value", qn="p", scope="use_case"),
        q("pri.control.decision_impact", "uc_control", qn="p", scope="use_case", polarity="negative")])
    rdy = questionnaire("r", "readiness", [q("dr.hitl.review_design", "dr_h", qn="r", scope="use_case")])
    flags = [RiskFlag("risk.multiple_lanes", t("Lanes"), t(""), "high"),
             RiskFlag("risk.no_human_in_loop", t("HITL"), t(""), "high")]
    lib = library(pri, rdy, risks=flags)
    ucs = [UseCase(f"u{i}", f"U{i}", stage=s, position=i) for i, s in enumerate(stages)]
    answers = [a for u in ucs for a in (consensus("p.v", 3, u.id), consensus("pri.control.decision_impact",
                                                                             decision_impact, u.id),
                                        consensus("dr.hitl.review_design", review, u.id))]
    return {r.flag_id for r in score(make_input(lib, answers, use_cases=ucs)).risks}


@pytest.mark.parametrize(("decision_impact", "review", "fires"), [
    (3, 1, True),     # high impact (3 or more), review below 2
    (2, 1, False),    # impact one step below the boundary
    (4, 1, True),
    (3, 2, False),    # review exactly at 2: designed enough under the current rule
    (3, 0, True),
])
def test_no_human_in_loop_fires_at_decision_impact_3_with_review_below_2(decision_impact, review, fires) -> None:
    assert ("risk.no_human_in_loop" in _computed_risks(decision_impact=decision_impact, review=review)) is fires


@pytest.mark.parametrize(("stages", "fires"), [
    (("pilot",), False), (("pilot", "pilot"), True), (("pilot", "pilot", "production"), False),
    (("pilot", "idea"), False)])
def test_multiple_lanes_fires_at_two_pilots_while_none_is_in_production(stages, fires) -> None:
    assert ("risk.multiple_lanes" in _computed_risks(decision_impact=0, review=4, stages=stages)) is fires
