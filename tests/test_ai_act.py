"""EU AI Act screening: every classification rule, the obligations per role, their dates, the roadmap."""

from __future__ import annotations

import json
from typing import Any

import pytest

from readiness_app.model import CONSENSUS, Answer, UseCase
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.scoring import ScoringInput, score, to_json
from readiness_app.scoring.ai_act import CLASSES, phase_for

UC = "uc1"
# every question answered, nothing special: a minimal-risk deployer
BASE: dict[str, Any] = {
    "aia.role": "deployer", "aia.prohibited": ["none"], "aia.annex_i": "no", "aia.annex_iii": ["none"],
    "aia.art50": ["none"], "aia.gpai": "none",
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library()


def screen(library: Library, answers: dict[str, Any], *, as_of: str = "2026-06-01"):
    inp = ScoringInput(
        library=library, participants=(), use_cases=(UseCase(UC, "Case", position=1),),
        answers=tuple(Answer(q, UC, CONSENSUS, v) for q, v in answers.items()), as_of=as_of)
    results = score(inp)
    return results, results.use_cases[0].ai_act


# (case, answers over BASE (None removes one), class, rule that fired, its article)
CASES = [
    ("minimal", {}, "minimal", "no_rule", "Art. 5, Art. 6, Art. 50"),
    ("social scoring", {"aia.prohibited": ["social_scoring"]}, "prohibited", "art5_practice", "Art. 5(1)(c)"),
    ("emotion at work", {"aia.prohibited": ["emotion_work_education", "none"]}, "prohibited", "art5_practice",
     "Art. 5(1)(f)"),
    ("prohibited beats high-risk", {"aia.prohibited": ["realtime_rbi"], "aia.annex_i": "yes"}, "prohibited",
     "art5_practice", "Art. 5(1)(h)"),
    ("Art. 5 screen missing", {"aia.prohibited": None}, "unclear", "unanswered:aia.prohibited", "Art. 5"),
    ("Annex I product", {"aia.annex_i": "yes"}, "high_risk", "annex_i_product", "Art. 6(1), Annex I"),
    ("recruiting, no exception", {"aia.annex_iii": ["employment"], "aia.profiling": "no", "aia.art6_3": "none",
                                  "aia.public_service": "no"},
     "high_risk", "annex_iii_area", "Art. 6(2), Annex III point 4"),
    ("credit scoring profiles", {"aia.annex_iii": ["creditworthiness"], "aia.profiling": "yes"},
     "high_risk", "annex_iii_profiling", "Art. 6(3), Annex III point 5(b)"),
    ("profiling beats an exception", {"aia.annex_iii": ["employment"], "aia.profiling": "yes",
                                      "aia.art6_3": "preparatory", "aia.public_service": "no"},
     "high_risk", "annex_iii_profiling", "Art. 6(3), Annex III point 4"),
    ("insurance pricing", {"aia.annex_iii": ["life_health_insurance"], "aia.profiling": "yes"},
     "high_risk", "annex_iii_profiling", "Art. 6(3), Annex III point 5(c)"),
    ("exception without profiling", {"aia.annex_iii": ["education"], "aia.profiling": "no",
                                     "aia.art6_3": "narrow_procedural"},
     "minimal", "art6_3_exception", "Art. 6(3)(a)"),
    ("exception, chatbot", {"aia.annex_iii": ["employment"], "aia.profiling": "no", "aia.art6_3": "improves_human",
                            "aia.art50": ["interaction"]},
     "transparency", "art6_3_exception", "Art. 6(3)(b)"),
    ("profiling unanswered", {"aia.annex_iii": ["employment"]}, "unclear", "unanswered:aia.profiling", "Art. 6(3)"),
    ("exception unanswered", {"aia.annex_iii": ["employment"], "aia.profiling": "no"}, "unclear",
     "unanswered:aia.art6_3", "Art. 6(3)"),
    ("Annex I unanswered", {"aia.annex_i": None}, "unclear", "unanswered:aia.annex_i", "Art. 6(1)"),
    ("Annex III unanswered", {"aia.annex_iii": None}, "unclear", "unanswered:aia.annex_iii", "Art. 6(2), Annex III"),
    ("Annex I settles it", {"aia.annex_i": "yes", "aia.annex_iii": None}, "high_risk", "annex_i_product",
     "Art. 6(1), Annex I"),
    ("chatbot", {"aia.art50": ["interaction"]}, "transparency", "art50_duty", "Art. 50(1)"),
    ("deep fakes", {"aia.art50": ["deep_fake"]}, "transparency", "art50_duty", "Art. 50(4)"),
    ("synthetic content", {"aia.art50": ["synthetic"]}, "transparency", "art50_duty", "Art. 50(2)"),
    ("emotion recognition notice", {"aia.art50": ["emotion"]}, "transparency", "art50_duty", "Art. 50(3)"),
    ("Art. 50 unanswered", {"aia.art50": None}, "unclear", "unanswered:aia.art50", "Art. 50"),
    ("GPAI provider", {"aia.gpai": "provides"}, "minimal", "gpai_provider", "Art. 53"),
    ("GPAI systemic", {"aia.gpai": "provides_systemic"}, "minimal", "gpai_systemic", "Art. 55"),
]


@pytest.mark.parametrize(("answers", "klass", "rule", "article"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_classification_table(library: Library, answers: dict[str, Any], klass: str, rule: str, article: str) -> None:
    merged = {k: v for k, v in {**BASE, **answers}.items() if v is not None}
    _, result = screen(library, merged)
    assert result.class_ == klass
    assert (rule, article) in [(r.rule, r.article) for r in result.reasons]


def test_every_class_is_reachable() -> None:
    assert {c[2] for c in CASES} == set(CLASSES)


def test_high_risk_deployer_gets_article_26_and_fria_for_credit_scoring(library: Library) -> None:
    _, r = screen(library, {**BASE, "aia.annex_iii": ["creditworthiness"], "aia.profiling": "yes"})
    ids = {o.id: o for o in r.obligations}
    assert {"use_per_instructions", "oversight_competent_people", "relevant_input_data", "monitor_and_report",
            "keep_logs", "inform_workers", "inform_affected_persons", "fria", "literacy"} <= set(ids)
    assert "risk_management" not in ids  # a provider duty
    assert ids["fria"].article == "Art. 27"
    assert ids["keep_logs"].applies_from == "2026-08-02"
    assert ids["literacy"].applies_from == "2025-02-02"


def test_fria_needs_public_body_outside_5b_5c_and_never_for_critical_infrastructure(library: Library) -> None:
    hr = {**BASE, "aia.profiling": "no", "aia.art6_3": "none"}
    _, private = screen(library, {**hr, "aia.annex_iii": ["employment"], "aia.public_service": "no"})
    _, public = screen(library, {**hr, "aia.annex_iii": ["employment"], "aia.public_service": "yes"})
    _, grid = screen(library, {**hr, "aia.annex_iii": ["critical_infrastructure"], "aia.public_service": "yes"})
    assert "fria" not in {o.id for o in private.obligations}
    assert "fria" in {o.id for o in public.obligations}
    assert "fria" not in {o.id for o in grid.obligations}
    assert "inform_affected_persons" in {o.id for o in public.obligations}
    assert "inform_affected_persons" not in {o.id for o in grid.obligations}  # Art. 26(11): not Annex III point 2


def test_provider_duties_and_annex_i_dates(library: Library) -> None:
    _, r = screen(library, {**BASE, "aia.role": "provider", "aia.annex_i": "yes"})
    ids = {o.id: o for o in r.obligations}
    assert {"risk_management", "data_governance", "technical_documentation", "record_keeping",
            "instructions_for_use", "human_oversight_design", "accuracy_robustness", "quality_management",
            "conformity_assessment", "post_market_monitoring"} <= set(ids)
    assert ids["risk_management"].applies_from == "2027-08-02"  # Art. 113(c)
    assert "use_per_instructions" not in ids
    assert "registration" not in ids  # Art. 49(1) registers Annex III systems only
    _, annex3 = screen(library, {**BASE, "aia.role": "provider", "aia.annex_iii": ["employment"],
                                 "aia.profiling": "yes"})
    annex3_ids = {o.id: o for o in annex3.obligations}
    assert annex3_ids["risk_management"].applies_from == "2026-08-02" and "registration" in annex3_ids


def test_product_manufacturer_counts_as_provider(library: Library) -> None:
    _, r = screen(library, {**BASE, "aia.role": "product_manufacturer", "aia.annex_i": "yes"})
    assert "conformity_assessment" in {o.id for o in r.obligations}


def test_prohibited_lists_only_the_stop(library: Library) -> None:
    _, r = screen(library, {**BASE, "aia.prohibited": ["manipulation"], "aia.annex_i": "yes"})
    assert {o.id for o in r.obligations} == {"stop_prohibited", "literacy"}
    assert {o.id: o for o in r.obligations}["stop_prohibited"].applies_from == "2025-02-02"


def test_role_missing_lists_no_obligations_and_says_why(library: Library) -> None:
    _, r = screen(library, {k: v for k, v in BASE.items() if k != "aia.role"})
    assert r.role is None and r.obligations == ()
    assert ("unanswered:aia.role", "Art. 3(3)-(7)") in [(x.rule, x.article) for x in r.reasons]


def test_met_obligations_are_marked_and_leave_the_roadmap(library: Library) -> None:
    answers = {**BASE, "aia.art50": ["deep_fake"]}
    results, r = screen(library, answers)
    keys = [i.key for i in results.roadmap.items]
    assert "aia.disclose_deep_fakes" in keys and "aia.literacy" in keys
    results, r = screen(library, {**answers, "aia.obligations_met": ["literacy"]})
    assert {o.id: o.met for o in r.obligations} == {"literacy": True, "disclose_deep_fakes": False}
    assert "aia.literacy" not in [i.key for i in results.roadmap.items]


def test_roadmap_item_carries_article_owner_role_and_phase(library: Library) -> None:
    results, _ = screen(library, {**BASE, "aia.art50": ["deep_fake"]}, as_of="2026-07-10")
    item = next(i for i in results.roadmap.items if i.key == "aia.disclose_deep_fakes")
    assert "Art. 50(4)" in item.title.en and item.owner_role == "product_owner"
    assert item.phase == 1  # applies 2026-08-02: 23 days after the workshop
    assert item.findings[0].kind == "obligation" and item.findings[0].ref == UC
    results, _ = screen(library, {**BASE, "aia.art50": ["deep_fake"]}, as_of="2026-03-01")
    assert next(i for i in results.roadmap.items if i.key == "aia.disclose_deep_fakes").phase == 3


@pytest.mark.parametrize(("days", "phase"), [(-400, 1), (0, 1), (30, 1), (31, 2), (60, 2), (61, 3)])
def test_phase_boundaries(days: int, phase: int) -> None:
    import datetime as dt

    start = dt.date(2026, 1, 1)
    assert phase_for((start + dt.timedelta(days=days)).isoformat(), start.isoformat()) == phase


def test_json_contract(library: Library) -> None:
    results, _ = screen(library, {**BASE, "aia.annex_iii": ["life_health_insurance"], "aia.profiling": "yes"})
    data = json.loads(to_json(results))["results"]
    ai = data["use_cases"][0]["ai_act"]
    assert ai["class"] == "high_risk" and ai["role"] == "deployer"
    assert all({"rule", "article"} <= set(r) for r in ai["reasons"])
    assert all({"id", "article", "applies_from"} <= set(o) for o in ai["obligations"])
    fc = data["framework_coverage"]
    for fid in ("nist_ai_rmf", "iso_iec_42001", "eu_ai_act"):
        assert 0 <= fc[fid]["coverage"] <= 1
        assert all(a["status"] in ("evidenced", "partial", "gap", "not_assessed") and "questions" in a and "id" in a
                   for a in fc[fid]["areas"])


@pytest.mark.slow
@pytest.mark.parametrize(("lang", "title", "klass", "disclaimer"), [
    ("en", "Regulation and standards", "High-risk", "not legal advice"),
    ("de", "Regulierung und Standards", "Hochriskant", "keine Rechtsberatung"),
])
def test_pdf_chapter_shows_classes_duties_and_coverage(tmp_path, lang: str, title: str, klass: str,
                                                       disclaimer: str) -> None:
    import subprocess

    from readiness_app.demo import write_demo
    from readiness_app.report.pdf import build_report

    demo = tmp_path / "demo.readiness"
    write_demo(demo)
    pdf = tmp_path / f"report-{lang}.pdf"
    build_report(demo, pdf, lang=lang, sections={"contents", "regulation"})
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert title in flat and klass in flat and disclaimer in flat
    assert "Health insurance risk pricing" in flat and "Art. 27" in flat and "2026-08-02" in flat
    assert "NIST AI RMF 1.0" in flat and "GOVERN 1" in flat and "A.6" in flat and "Art. 26" in flat
    if lang == "de":
        assert "Anhang III Nummer 5(c)" in flat


@pytest.mark.parametrize(("lang", "sheet", "klass"), [("en", "AI Act & standards", "High-risk"),
                                                      ("de", "KI-VO & Standards", "Hochriskant")])
def test_scorecard_sheet_and_exact_round_trip(tmp_path, lang: str, sheet: str, klass: str) -> None:
    from openpyxl import load_workbook

    from readiness_app.cli import main
    from readiness_app.demo import write_demo
    from readiness_app.excel.scorecard import export_scorecard
    from readiness_app.store.assessment_file import AssessmentFile

    demo = tmp_path / "demo.readiness"
    write_demo(demo)
    xlsx = tmp_path / "scorecard.xlsx"
    export_scorecard(demo, xlsx, lang=lang)
    ws = load_workbook(xlsx)[sheet]
    rows = [[c for c in row] for row in ws.iter_rows(values_only=True)]
    health = next(r for r in rows if r[0] == "Health insurance risk pricing")
    assert health[1] == klass and health[4] == 7
    assert ("Art. 6(3), Anhang III Nummer 5(c)" if lang == "de" else "Art. 6(3), Annex III point 5(c)") in health[3]
    assert any(r[1] == "Art. 27" for r in rows)  # the duties table
    assert any(r[1] == "GOVERN 1" for r in rows) and any(r[1] == "A.10" for r in rows)  # coverage per area
    back = tmp_path / "back.readiness"
    assert main(["import", str(xlsx), "-o", str(back)]) == 0
    with AssessmentFile.open_readonly(demo) as a, AssessmentFile.open_readonly(back) as b:
        key = lambda x: (x.question_id, x.scope, x.participant_id)  # noqa: E731
        assert sorted((key(x), x.value, x.not_applicable) for x in a.answers()) == \
            sorted((key(x), x.value, x.not_applicable) for x in b.answers())
        assert b.library().regulation == a.library().regulation


def test_obligation_items_take_edits_like_any_roadmap_item(library: Library) -> None:
    from readiness_app.model import RoadmapEdit

    answers = tuple(Answer(q, UC, CONSENSUS, v) for q, v in {**BASE, "aia.art50": ["deep_fake"]}.items())
    edits = (RoadmapEdit(1, "aia.disclose_deep_fakes", "move", {"phase": 2, "due_week": 6}),
             RoadmapEdit(2, "aia.literacy", "edit", {"owner": "Monika Steiner", "done": True}))
    inp = ScoringInput(library=library, participants=(), use_cases=(UseCase(UC, "Case", position=1),),
                       answers=answers, as_of="2026-07-10", roadmap_edits=edits)
    items = {i.key: i for i in score(inp).roadmap.items}
    moved = items["aia.disclose_deep_fakes"]
    assert (moved.phase, moved.due_week, moved.edited) == (2, 6, True)
    assert items["aia.literacy"].owner == "Monika Steiner" and items["aia.literacy"].done
    # once the room ticks the duty as met, the item is no longer generated and its edit is kept aside
    met = (*answers, Answer("aia.obligations_met", UC, CONSENSUS, ["disclose_deep_fakes"]))
    roadmap = score(ScoringInput(library=library, participants=(), use_cases=inp.use_cases, answers=met,
                                 as_of="2026-07-10", roadmap_edits=edits)).roadmap
    assert "aia.disclose_deep_fakes" not in [i.key for i in roadmap.items] and roadmap.orphan_edits == 1


def test_score_command_prints_each_class_with_its_article_and_the_disclaimer(tmp_path, capsys) -> None:
    from readiness_app.cli import main
    from readiness_app.demo import write_demo

    demo = tmp_path / "demo.readiness"
    write_demo(demo)
    assert main(["score", str(demo)]) == 0
    out = capsys.readouterr().out
    assert "Health insurance risk pricing: High-risk (Art. 6(3), Annex III point 5(c)); Deployer" in out
    assert "Customer service chatbot: Transparency duties (Art. 50(1)); Provider" in out
    assert "not legal advice" in out and "NIST AI RMF 1.0" in out
