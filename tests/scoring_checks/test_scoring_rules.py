"""Unit tests, one per scoring rule."""

from __future__ import annotations

import pytest

from readiness_app.model import Participant, RoadmapEdit, UseCase
from readiness_app.questionnaire.loader import Option, RiskFlag, RiskRule
from readiness_app.scoring import Scorer, score
from readiness_app.scoring.engine import choose_first_lane, quadrant, staged_level

from .builders import action, consensus, library, make_input, q, questionnaire, t, vote


def test_quadrants_follow_the_documented_order() -> None:
    assert quadrant(None, 80, 10) == "unscored"
    assert quadrant(40, 90, 10) == "park"
    assert quadrant(80, 40, 10) == "foundation_first"
    assert quadrant(80, None, 10) == "foundation_first"
    assert quadrant(80, 60, 70) == "strategic_bet"
    assert quadrant(80, 60, 60) == "first_lane"


def test_staged_level_needs_every_lower_stage() -> None:
    assert staged_level([]) == 1
    assert staged_level([1, 3, 4]) == 1
    assert staged_level([1, 2, 4]) == 2
    assert staged_level([1, 2, 3, 4]) == 4


def _prio_lib():
    pri = questionnaire("p", "prioritization", [
        q("p.v", "uc_value", qn="p", scope="use_case"), q("p.p", "uc_process", qn="p", scope="use_case"),
        q("p.c", "uc_control", qn="p", scope="use_case", polarity="negative")])
    rdy = questionnaire("r", "readiness", [q("r.crit", "dr_a", qn="r", scope="use_case", critical=True,
                                             actions=["act.fix"])])
    return library(pri, rdy, actions=[action("act.select_first_lane"), action("act.fix", 1, "data_owner"),
                                      action("act.replicate_second_lane", 3),
                                      action("act.checklist.metric", 1, "product_owner", checklist=True)])


def _uc_answers(uc: str, value: int, process: int, control: int, crit: int) -> list:
    return [consensus("p.v", value, uc), consensus("p.p", process, uc), consensus("p.c", control, uc),
            consensus("r.crit", crit, uc)]


def test_first_lane_is_the_highest_impact_ready_case_without_blockers() -> None:
    ucs = [UseCase("a", "Alpha", position=0), UseCase("b", "Beta", position=1), UseCase("c", "Gamma", position=2)]
    answers = (_uc_answers("a", 3, 4, 1, 4)      # ready, impact 75
               + _uc_answers("b", 4, 4, 1, 1)    # impact 100 but a blocker
               + _uc_answers("c", 4, 0, 1, 2))   # impact 100 but not ready
    r = score(make_input(_prio_lib(), answers, use_cases=ucs))
    assert r.first_lane.use_case_id == "a"
    assert not r.first_lane.conditional
    assert "Alpha" in r.first_lane.rationale.en and "Alpha" in r.first_lane.rationale.de
    beta = r.use_case("b")
    assert beta is not None and [b.question_id for b in beta.blockers] == ["r.crit"]
    assert r.use_case("c").quadrant == "foundation_first"  # type: ignore[union-attr]


def test_first_lane_ties_go_to_priority_then_inventory_order() -> None:
    ucs = [UseCase("a", "Alpha", position=1), UseCase("b", "Beta", position=0)]
    answers = _uc_answers("a", 3, 4, 1, 4) + _uc_answers("b", 3, 4, 1, 4)
    r = score(make_input(_prio_lib(), answers, use_cases=ucs))
    assert r.first_lane.use_case_id == "b"  # identical scores: listed first wins
    answers = _uc_answers("a", 3, 4, 0, 4) + _uc_answers("b", 3, 4, 1, 4)
    r = score(make_input(_prio_lib(), answers, use_cases=ucs))
    assert r.first_lane.use_case_id == "a"  # same impact, higher priority (less control complexity)


def test_only_blocked_candidates_give_a_conditional_lane_and_no_candidate_gives_none() -> None:
    ucs = [UseCase("a", "Alpha", position=0)]
    r = score(make_input(_prio_lib(), _uc_answers("a", 4, 4, 1, 0), use_cases=ucs))
    assert r.first_lane.use_case_id == "a" and r.first_lane.conditional
    r = score(make_input(_prio_lib(), _uc_answers("a", 1, 4, 1, 4), use_cases=ucs))
    assert r.first_lane.use_case_id is None
    assert choose_first_lane(()).use_case_id is None


def test_consensus_not_applicable_rules() -> None:
    lib = library(questionnaire("m", "maturity", [q("m.a", "d", qn="m", stage=1, actions=["x"])]))
    r = score(make_input(lib, [vote("m.a", None, "p1", na=True), vote("m.a", None, "p2", na=True, note="no AI")]))
    c = r.consensus_for("m.a", "org")
    assert c is not None and c.not_applicable and c.na_reason == "no AI" and c.status == "not_applicable"
    r = score(make_input(lib, [vote("m.a", None, "p1", na=True), vote("m.a", 3, "p2")]))
    c = r.consensus_for("m.a", "org")
    assert c is not None and not c.not_applicable and c.numeric == 3.0
    r = score(make_input(lib, [vote("m.a", 3, "p1"), consensus("m.a", None, na=True)]))
    c = r.consensus_for("m.a", "org")
    assert c is not None and c.not_applicable and c.source == "consensus"


def test_choice_and_checklist_values() -> None:
    choice = q("m.c", "d", qn="m", stage=1, qtype="choice", actions=["x"])
    choice = type(choice)(**{**{f: getattr(choice, f) for f in choice.__slots__},  # type: ignore[attr-defined]
                            "options": (Option("no", t("No"), 0), Option("part", t("Partly"), 2),
                                        Option("yes", t("Yes"), 4))})
    check = q("m.k", "d", qn="m", stage=1, qtype="checklist", actions=["x"])
    check = type(check)(**{**{f: getattr(check, f) for f in check.__slots__},  # type: ignore[attr-defined]
                          "options": tuple(Option(o, t(o)) for o in ("a", "b", "c", "d"))})
    lib = library(questionnaire("m", "maturity", [choice, check]))
    r = score(make_input(lib, [vote("m.c", "yes", "p1"), vote("m.c", "no", "p2"), vote("m.c", "yes", "p3"),
                               vote("m.k", ["a", "b", "c"], "p1")]))
    c = r.consensus_for("m.c", "org")
    assert c is not None and c.value == "yes" and c.numeric == 4.0 and c.spread == 4.0 and c.disagreement
    k = r.consensus_for("m.k", "org")
    assert k is not None and k.numeric == pytest.approx(3.0) and k.value == ["a", "b", "c"]


def test_low_confidence_below_half_of_the_weight() -> None:
    lib = library(questionnaire("m", "maturity", [q("m.a", "d", qn="m", stage=1, weight=1, actions=["x"]),
                                                  q("m.b", "d", qn="m", stage=2, weight=3, actions=["x"])]))
    d = score(make_input(lib, [consensus("m.a", 4)])).maturity.dimensions[0]
    assert d.score.value == pytest.approx(4.0)
    assert d.score.completeness == pytest.approx(0.25) and d.score.low_confidence
    assert d.staged_level == 1  # stage 2 unanswered: not met
    assert [c.status for c in d.score.contributions] == ["answered", "missing"]


def test_risk_rules_from_answers_and_computed_flags() -> None:
    risk_q = q("risk.lanes", "risk", qn="k", qtype="choice")
    risk_q = type(risk_q)(**{**{f: getattr(risk_q, f) for f in risk_q.__slots__},  # type: ignore[attr-defined]
                            "options": (Option("one", t("One"), 4), Option("many", t("Many"), 0)),
                            "risks": (RiskRule("risk.multiple_lanes", "in", None, ("many",)),)})
    scale_q = q("risk.rollback", "risk", qn="k")
    scale_q = type(scale_q)(**{**{f: getattr(scale_q, f) for f in scale_q.__slots__},  # type: ignore[attr-defined]
                              "risks": (RiskRule("risk.no_rollback", "le", 1.0),)})
    pri = questionnaire("p", "prioritization", [q("pri.control.decision_impact", "uc_control", qn="p",
                                                  scope="use_case", polarity="negative")])
    rdy = questionnaire("r", "readiness", [q("dr.hitl.review_design", "dr_hitl", qn="r", scope="use_case",
                                             actions=["a"])])
    flags = [RiskFlag("risk.multiple_lanes", t("Lanes"), t(""), "high", ("a",)),
             RiskFlag("risk.no_rollback", t("Rollback"), t(""), "medium", ("a",)),
             RiskFlag("risk.no_human_in_loop", t("HITL"), t(""), "high", ("a",))]
    lib = library(pri, rdy, questionnaire("k", "risk", [risk_q, scale_q]), actions=[action("a")], risks=flags)
    ucs = [UseCase("u", "Claims", "", "pilot", 0), UseCase("v", "Fraud", "", "pilot", 1)]
    answers = [consensus("risk.lanes", "one"), consensus("risk.rollback", 1),
               consensus("pri.control.decision_impact", 4, "u"), consensus("dr.hitl.review_design", 1, "u"),
               consensus("pri.control.decision_impact", 4, "v"), consensus("dr.hitl.review_design", 3, "v")]
    r = score(make_input(lib, answers, use_cases=ucs))
    by_id = {x.flag_id: x for x in r.risks}
    assert set(by_id) == {"risk.multiple_lanes", "risk.no_rollback", "risk.no_human_in_loop"}
    assert by_id["risk.multiple_lanes"].origin == "computed"  # two pilots, none in production
    assert by_id["risk.no_rollback"].origin == "answer"
    assert [e.scope for e in by_id["risk.no_human_in_loop"].evidence] == ["u"]
    assert [x.severity for x in r.risks] == sorted((x.severity for x in r.risks), key=["high", "medium"].index)


def test_roadmap_from_findings_with_named_owners_and_edits_that_survive_rescoring() -> None:
    lib = _prio_lib()
    ucs = [UseCase("a", "Alpha", position=0), UseCase("b", "Beta", position=1)]
    people = [Participant("p1", "Dana Data", "data_owner", "", 0), Participant("p2", "Pia Product", "product_owner", "", 1)]
    answers = _uc_answers("a", 4, 4, 1, 4) + _uc_answers("b", 4, 4, 1, 1)
    r = score(make_input(lib, answers, use_cases=ucs, participants=people))
    keys = [i.key for i in r.roadmap.items]
    assert keys[0] == "act.select_first_lane"
    assert "act.checklist.metric" in keys and "act.replicate_second_lane" in keys
    first = r.roadmap.items[0]
    assert first.owner == "Pia Product" and first.findings[0].kind == "priority" and first.due_week == 1
    for phase, (lo, hi) in ((1, (1, 4)), (2, (5, 8)), (3, (9, 13))):
        weeks = [i.due_week for i in r.roadmap.phase(phase)]
        assert weeks == sorted(weeks) and all(lo <= w <= hi for w in weeks)
    edits = [RoadmapEdit(1, "act.checklist.metric", "move", {"phase": 2}),
             RoadmapEdit(2, "act.replicate_second_lane", "remove"),
             RoadmapEdit(3, "act.select_first_lane", "edit", {"title": "Charter Alpha", "owner": "Max", "due_week": 2}),
             RoadmapEdit(4, "custom-1", "add", {"title": "Brief the works council", "phase": 1, "owner_role": "sponsor"}),
             RoadmapEdit(5, "act.gone", "move", {"phase": 3})]
    # the answers change after the edits were made: the edits still apply
    changed = [*answers[:-1], consensus("r.crit", 0, "b")]
    r2 = score(make_input(lib, changed, use_cases=ucs, participants=people, edits=edits))
    items = {i.key: i for i in r2.roadmap.items}
    assert items["act.checklist.metric"].phase == 2 and items["act.checklist.metric"].due_week == 8
    assert "act.replicate_second_lane" not in items and r2.roadmap.removed == ("act.replicate_second_lane",)
    assert items["act.select_first_lane"].title.en == "Charter Alpha" and items["act.select_first_lane"].owner == "Max"
    assert items["act.select_first_lane"].due_week == 2 and items["act.select_first_lane"].edited
    assert items["custom-1"].added and items["custom-1"].phase == 1
    assert r2.roadmap.orphan_edits == 1
    assert [i.phase for i in r2.roadmap.items] == sorted(i.phase for i in r2.roadmap.items)


def test_incremental_updates_equal_a_full_rescore() -> None:
    lib = _prio_lib()
    ucs = [UseCase("a", "Alpha", position=0), UseCase("b", "Beta", position=1)]
    answers = _uc_answers("a", 2, 2, 2, 2) + _uc_answers("b", 3, 3, 1, 3)
    scorer = Scorer(make_input(lib, answers, use_cases=ucs))
    new = consensus("p.v", 4, "a")
    incremental = scorer.set_answer(new)
    full = score(make_input(lib, [*answers[1:], new], use_cases=ucs))
    assert incremental == full
    after_clear = scorer.clear_answer("p.v", "a")
    assert after_clear == score(make_input(lib, answers[1:], use_cases=ucs))
