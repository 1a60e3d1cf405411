"""Reproduces every worked example of docs/scoring.md with the real engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from readiness_app.model import UseCase
from readiness_app.scoring import score

from .builders import consensus, library, make_input, q, questionnaire, vote

DOC = Path(__file__).resolve().parent.parent.parent / "docs" / "scoring.md"


def test_doc_mentions_the_numbers_reproduced_here() -> None:
    text = DOC.read_text(encoding="utf-8")
    for fragment in ("Worked example A", "median **2**, spread **3**", "index = **75**",
                     "= **64**", "= **69.2**", "= **2.5**", "staged level **2 (Managed)**", "gap is **1**"):
        assert fragment in text


def test_example_a_consensus_median_spread_and_recorded_answer() -> None:
    lib = library(questionnaire("m", "maturity", [q("m.a", "dim", qn="m", stage=1, actions=["x"])]))
    votes = [vote("m.a", 1, "p1"), vote("m.a", 2, "p2"), vote("m.a", 4, "p3")]
    c = score(make_input(lib, votes)).consensus_for("m.a", "org")
    assert c is not None
    assert (c.numeric, c.spread, c.disagreement, c.source) == (2.0, 3.0, True, "votes")
    c2 = score(make_input(lib, [*votes, consensus("m.a", 3)])).consensus_for("m.a", "org")
    assert c2 is not None
    assert (c2.numeric, c2.spread, c2.disagreement, c2.source) == (3.0, 3.0, True, "consensus")


def test_example_b_index_not_applicable_and_missing() -> None:
    qs = [q("r.a", "dr_x", qn="r", scope="use_case"), q("r.b", "dr_x", qn="r", scope="use_case"),
          q("r.c", "dr_x", qn="r", scope="use_case", weight=2)]
    lib = library(questionnaire("r", "readiness", qs))
    uc = UseCase("u1", "Case", position=0)
    base = [consensus("r.a", 4, "u1"), consensus("r.b", 2, "u1")]
    res = score(make_input(lib, [*base, consensus("r.c", None, "u1", na=True)], use_cases=[uc]))
    s = res.use_cases[0].data_readiness
    assert s.value == pytest.approx(75.0)
    assert s.completeness == pytest.approx(1.0)
    assert [round(c.points, 6) for c in s.contributions] == [50.0, 25.0, 0.0]
    assert [c.status for c in s.contributions] == ["answered", "answered", "not_applicable"]
    res2 = score(make_input(lib, base, use_cases=[uc]))
    s2 = res2.use_cases[0].data_readiness
    assert s2.value == pytest.approx(75.0)
    assert s2.completeness == pytest.approx(0.5)
    assert s2.low_confidence is False


def test_example_c_priority_readiness_and_quadrant() -> None:
    pri = questionnaire("p", "prioritization", [
        q("p.v", "uc_value", qn="p", scope="use_case"),
        q("p.p", "uc_process", qn="p", scope="use_case"),
        q("p.d", "uc_data", qn="p", scope="use_case"),
        q("p.c", "uc_control", qn="p", scope="use_case", polarity="negative"),
        q("p.e", "uc_effort", qn="p", scope="use_case", polarity="negative"),
    ])
    rdy = questionnaire("r", "readiness", [q("r.a", "dr_x", qn="r", scope="use_case"),
                                            q("r.b", "dr_x", qn="r", scope="use_case", weight=4)])
    lib = library(pri, rdy)
    uc = UseCase("u1", "Claims triage", position=0)
    # impact 75 (3), process 50 (2), data availability 100 (4), control 25 (1), effort 50 (2);
    # data readiness (1*4 + 4*2)/5 = 2.4 -> 60
    answers = [consensus("p.v", 3, "u1"), consensus("p.p", 2, "u1"), consensus("p.d", 4, "u1"),
               consensus("p.c", 1, "u1"), consensus("p.e", 2, "u1"), consensus("r.a", 4, "u1"),
               consensus("r.b", 2, "u1")]
    u = score(make_input(lib, answers, use_cases=[uc])).use_cases[0]
    assert u.data_readiness.value == pytest.approx(60.0)
    assert u.readiness == pytest.approx(64.0)
    assert u.priority.value == pytest.approx(69.2)
    assert sum(c.points for c in u.priority.contributions) == pytest.approx(69.2)
    assert u.quadrant == "first_lane"


def test_example_d_maturity_score_staged_level_and_gap() -> None:
    qs = [q("m.s1", "dim", qn="m", stage=1), q("m.s2a", "dim", qn="m", stage=2),
          q("m.s2b", "dim", qn="m", stage=2), q("m.s3", "dim", qn="m", stage=3), q("m.s4", "dim", qn="m", stage=4)]
    lib = library(questionnaire("m", "maturity", qs))
    answers = [consensus("m.s1", 4), consensus("m.s2a", 3), consensus("m.s2b", 2), consensus("m.s3", 1),
               consensus("m.s4", 0)]
    d = score(make_input(lib, answers, targets={"dim": 3})).maturity.dimensions[0]
    assert d.score.value == pytest.approx(2.5)
    assert d.score.base + sum(c.points for c in d.score.contributions) == pytest.approx(2.5)
    assert d.stages_met == (1, 2)
    assert d.staged_level == 2
    assert (d.target, d.gap, d.target_is_default) == (3, 1, False)


def test_example_d_ai_act_health_insurance_pricing() -> None:
    from readiness_app.model import CONSENSUS, Answer
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.scoring import ScoringInput

    text = DOC.read_text(encoding="utf-8")
    for fragment in ("Worked example D", "point **5(c)**", "**`high_risk`** by rule `annex_iii_profiling`",
                     "applies from **2026-08-02**", "**Days 1–30**"):
        assert fragment in text
    lib = load_library()
    facts = {"aia.role": "deployer", "aia.prohibited": ["none"], "aia.annex_i": "no",
             "aia.annex_iii": ["life_health_insurance"], "aia.profiling": "yes", "aia.art50": ["none"],
             "aia.gpai": "none"}

    def run(extra: dict[str, object]):
        answers = tuple(Answer(k, "u1", CONSENSUS, v) for k, v in {**facts, **extra}.items())  # type: ignore[arg-type]
        return score(ScoringInput(lib, (), (UseCase("u1", "Pricing", position=0),), answers, as_of="2026-07-10"))

    res = run({})
    ai = res.use_cases[0].ai_act
    assert ai is not None and ai.class_ == "high_risk"
    assert ("annex_iii_profiling", "Art. 6(3), Annex III point 5(c)") in [(r.rule, r.article) for r in ai.reasons]
    assert ("fria_required", "Art. 27") in [(r.rule, r.article) for r in ai.reasons]
    obligations = {o.id: o for o in ai.obligations}
    assert (obligations["keep_logs"].article, obligations["keep_logs"].applies_from) == ("Art. 26(6)", "2026-08-02")
    phases = {i.key: i.phase for i in res.roadmap.items}
    assert phases["aia.keep_logs"] == 1 and phases["aia.fria"] == 1
    again = run({"aia.art6_3": "preparatory"}).use_cases[0].ai_act
    assert again is not None and again.class_ == "high_risk"


def test_example_e_framework_coverage() -> None:
    from readiness_app.model import CONSENSUS, Answer
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.scoring import ScoringInput

    text = DOC.read_text(encoding="utf-8")
    assert "Worked example E" in text and "mean of **3.0**" in text and "= **0.1667**" in text
    lib = load_library()

    def iso(values: dict[str, int]):
        answers = tuple(Answer(k, "org", CONSENSUS, v) for k, v in values.items())
        fc = score(ScoringInput(lib, (), (), answers)).framework_coverage
        assert fc is not None
        return fc.iso_iec_42001

    fw = iso({"mat.gov.standard_controls": 4, "mat.rhythm.monthly_policy": 2})
    a2 = next(a for a in fw.areas if a.id == "A.2")
    assert a2.mean == pytest.approx(3.0) and a2.status == "evidenced"
    fw = iso({"mat.gov.standard_controls": 2, "mat.rhythm.monthly_policy": 1})
    assert next(a for a in fw.areas if a.id == "A.2").status == "partial"
    assert len(fw.areas) == 9
    from readiness_app.scoring.framework_coverage import coverage_of

    assert round(coverage_of(["evidenced", "partial"] + ["not_assessed"] * 7), 4) == 0.1667
