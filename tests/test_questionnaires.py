"""Content checks for the bundled questionnaires and the loader's error reporting."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pytest

from readiness_app.errors import QuestionnaireError
from readiness_app.model import ROLES
from readiness_app.questionnaire.loader import Library, Question, Text, load_library
from readiness_app.questionnaire.reference_doc import render_markdown
from readiness_app.resources import questionnaires_dir

REPO = Path(__file__).resolve().parents[1]
DOC_PATH = REPO / "docs" / "questionnaires.md"

ID_PATTERN = re.compile(r"^[a-z]+(\.[a-z0-9_]+)+$")
DIMENSION_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

# Texts that may legitimately read the same in English and German (proper names, symbols).
SAME_IN_BOTH = frozenset({"Pilot"})

MATURITY_DIMENSIONS = {
    "portfolio", "data_governance", "governance_embedding", "monitoring", "roles", "metrics",
    "runbooks", "governance_rhythm", "integration", "cost_roi", "adoption",
}
PRIORITIZATION_DIMENSIONS = {"uc_value", "uc_process", "uc_control", "uc_effort", "uc_data"}
NEGATIVE_DIMENSIONS = {"uc_control", "uc_effort"}
READINESS_DIMENSIONS = {
    "dr_lineage", "dr_ownership", "dr_quality", "dr_access", "dr_integration", "dr_feedback",
    "dr_fallback", "dr_hitl",
}
CHECKLIST_ACTIONS = {
    "act.checklist.business_metric", "act.checklist.rollback_path", "act.checklist.named_owners",
    "act.checklist.weekly_review", "act.checklist.override_protocol",
}
REQUIRED_RISK_FLAGS = {
    "risk.multiple_lanes", "risk.split_governance", "risk.explainability_afterthought",
    "risk.no_human_in_loop", "risk.no_rollback", "risk.no_owners",
}
EXPECTED_QUESTIONNAIRES = {
    "prioritization": ("prioritization", "use_case"),
    "readiness": ("readiness", "use_case"),
    "maturity": ("maturity", "organisation"),
    "baseline": ("baseline", "organisation"),
    "risk": ("risk", "organisation"),
    "ai_act": ("regulation", "use_case"),
}


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def _question_texts(q: Question) -> list[tuple[str, Text]]:
    texts = [(f"{q.id}.text", q.text), (f"{q.id}.help", q.help)]
    texts += [(f"{q.id}.levels[{i}]", lv) for i, lv in enumerate(q.levels)]
    texts += [(f"{q.id}.options.{o.id}", o.label) for o in q.options]
    if q.unit is not None:
        texts.append((f"{q.id}.unit", q.unit))
    return texts


def _all_texts(lib: Library) -> list[tuple[str, Text]]:
    texts: list[tuple[str, Text]] = []
    for qn in lib.questionnaires:
        texts += [(f"{qn.id}.title", qn.title), (f"{qn.id}.description", qn.description)]
        for s in qn.sections:
            texts.append((f"{qn.id}.{s.id}.title", s.title))
            for q in s.questions:
                texts += _question_texts(q)
    for d in lib.dimensions.values():
        texts += [(f"{d.id}.name", d.name), (f"{d.id}.description", d.description)]
    for a in lib.actions.values():
        texts += [(f"{a.id}.title", a.title), (f"{a.id}.why", a.why)]
    for r in lib.risks.values():
        texts += [(f"{r.id}.name", r.name), (f"{r.id}.description", r.description)]
    return texts


# --------------------------------------------------------------------------- structure


def test_bundled_folder_is_the_repo_folder() -> None:
    assert questionnaires_dir().resolve() == (REPO / "questionnaires").resolve()


def test_expected_questionnaires(lib: Library) -> None:
    found = {qn.id: (qn.kind, qn.questions[0].scope) for qn in lib.questionnaires}
    assert found == EXPECTED_QUESTIONNAIRES
    assert lib.library_version == "2026.3"


def test_workshop_realistic_size(lib: Library) -> None:
    total = sum(len(qn.questions) for qn in lib.questionnaires)
    assert 110 <= total <= 150, total


def test_question_ids_unique_and_well_formed(lib: Library) -> None:
    ids = [q.id for q in lib.iter_questions()]
    dupes = [i for i, n in Counter(ids).items() if n > 1]
    assert not dupes
    bad = [i for i in ids if not ID_PATTERN.match(i)]
    assert not bad
    # question ids never collide with risk flag or action ids
    assert not set(ids) & set(lib.risks)
    assert not set(ids) & set(lib.actions)


def test_library_ids_well_formed(lib: Library) -> None:
    assert all(ID_PATTERN.match(a) for a in lib.actions)
    assert all(ID_PATTERN.match(r) for r in lib.risks)
    assert all(DIMENSION_PATTERN.match(d) for d in lib.dimensions)
    for qn in lib.questionnaires:
        section_ids = [s.id for s in qn.sections]
        assert len(section_ids) == len(set(section_ids)), qn.id
        for q in qn.questions:
            option_ids = [o.id for o in q.options]
            assert all(DIMENSION_PATTERN.match(o) for o in option_ids), q.id


def test_every_text_has_both_languages(lib: Library) -> None:
    empty = [place for place, t in _all_texts(lib) if not t.en.strip() or not t.de.strip()]
    assert not empty


def test_german_differs_from_english(lib: Library) -> None:
    same = [
        place for place, t in _all_texts(lib)
        if t.en.strip() == t.de.strip() and t.en.strip() not in SAME_IN_BOTH
    ]
    assert not same


def test_german_uses_typographic_quotes(lib: Library) -> None:
    assert not [place for place, t in _all_texts(lib) if '"' in t.de]


def test_scales_have_five_descriptors(lib: Library) -> None:
    for q in lib.iter_questions():
        if q.type == "scale":
            assert len(q.levels) == 5, q.id
            assert len({lv.en for lv in q.levels}) == 5, q.id
            assert len({lv.de for lv in q.levels}) == 5, q.id


def test_weights_and_dimensions(lib: Library) -> None:
    for qn in lib.questionnaires:
        for q in qn.questions:
            assert q.weight > 0, q.id
            dim = lib.dimensions.get(q.dimension)
            assert dim is not None, q.id
            assert dim.kind == qn.kind, q.id


def test_every_dimension_is_used(lib: Library) -> None:
    used = {q.dimension for q in lib.iter_questions()}
    assert set(lib.dimensions) == used


def test_scored_questions_have_actions(lib: Library) -> None:
    for qn in lib.questionnaires:
        if qn.kind in ("maturity", "readiness", "prioritization"):
            missing = [q.id for q in qn.questions if q.scored and not q.actions]
            assert not missing, qn.id


def test_action_references_resolve(lib: Library) -> None:
    for q in lib.iter_questions():
        assert all(a in lib.actions for a in q.actions), q.id
        assert len(q.actions) == len(set(q.actions)), q.id
    for r in lib.risks.values():
        assert r.actions, r.id
        assert all(a in lib.actions for a in r.actions), r.id


# --------------------------------------------------------------------------- per questionnaire


def test_prioritization(lib: Library) -> None:
    qn = lib.questionnaire("prioritization")
    assert qn is not None
    assert {q.dimension for q in qn.questions} == PRIORITIZATION_DIMENSIONS
    for q in qn.questions:
        assert q.type == "scale", q.id
        assert q.scope == "use_case", q.id
        expected = "negative" if q.dimension in NEGATIVE_DIMENSIONS else "positive"
        assert q.polarity == expected, q.id
    impact = lib.question("pri.control.decision_impact")
    review = lib.question("pri.control.human_review")
    assert impact is not None and review is not None
    assert impact.dimension == review.dimension == "uc_control"
    assert "individuals" in impact.levels[4].en


def test_readiness(lib: Library) -> None:
    qn = lib.questionnaire("readiness")
    assert qn is not None
    assert {q.dimension for q in qn.questions} == READINESS_DIMENSIONS
    critical = [q for q in qn.questions if q.critical]
    assert len(critical) >= 5
    assert all(q.threshold == 2 for q in critical)
    covered = {q.dimension for q in critical}
    assert {"dr_lineage", "dr_ownership", "dr_fallback", "dr_hitl"} <= covered
    review = lib.question("dr.hitl.review_design")
    assert review is not None and review.critical and review.dimension == "dr_hitl"
    assert all(q.scope == "use_case" for q in qn.questions)


def test_critical_only_in_readiness(lib: Library) -> None:
    for qn in lib.questionnaires:
        if qn.kind != "readiness":
            assert not [q.id for q in qn.questions if q.critical], qn.id


def test_maturity_has_all_stages_per_dimension(lib: Library) -> None:
    qn = lib.questionnaire("maturity")
    assert qn is not None
    assert {q.dimension for q in qn.questions} == MATURITY_DIMENSIONS
    stages: dict[str, set[int]] = {}
    for q in qn.questions:
        assert q.type == "scale" and q.stage in (1, 2, 3, 4), q.id
        stages.setdefault(q.dimension, set()).add(q.stage)
    for dim in MATURITY_DIMENSIONS:
        assert stages[dim] == {1, 2, 3, 4}, dim


def test_maturity_one_section_per_dimension(lib: Library) -> None:
    qn = lib.questionnaire("maturity")
    assert qn is not None
    assert [s.id for s in qn.sections] == list(dict.fromkeys(s.id for s in qn.sections))
    assert {s.id for s in qn.sections} == MATURITY_DIMENSIONS
    for s in qn.sections:
        assert {q.dimension for q in s.questions} == {s.id}
        assert [q.stage for q in s.questions] == sorted(q.stage or 0 for q in s.questions)


def test_baseline(lib: Library) -> None:
    qn = lib.questionnaire("baseline")
    assert qn is not None
    scopes = {s.id: {q.scope for q in s.questions} for s in qn.sections}
    assert {"organisation"} in scopes.values() and {"use_case"} in scopes.values()
    for q in qn.questions:
        assert q.dimension == "baseline" and q.weight == 1, q.id
        assert q.type in ("number", "text"), q.id
        if q.type == "number":
            assert q.unit is not None and q.unit.en and q.unit.de, q.id
    target = lib.question("base.org.target_metric")
    assert target is not None and target.type == "text" and target.scope == "organisation"
    value = lib.question("base.org.target_value")
    assert value is not None and value.type == "number"
    per_uc = " ".join(q.text.en.lower() for q in qn.questions if q.scope == "use_case")
    for topic in ("cycle time", "override", "data-quality", "policy exception", "resolve",
                  "business outcome", "compute spend", "intervention"):
        assert topic in per_uc, topic


def test_risk_questionnaire(lib: Library) -> None:
    qn = lib.questionnaire("risk")
    assert qn is not None
    for q in qn.questions:
        assert q.dimension == "risk" and q.scope == "organisation", q.id
        assert q.scored and q.risks, q.id
        if q.type == "choice":
            assert all(o.value is not None and 0 <= o.value <= 4 for o in q.options), q.id
            assert max(o.value or 0 for o in q.options) == 4, q.id
            flagged = {o for r in q.risks for o in r.options}
            assert all((q.option(o).value or 0) < 4 for o in flagged), q.id  # type: ignore[union-attr]
    lanes = lib.question("risk.parallel_lanes")
    assert lanes is not None and lanes.type == "choice"
    assert any(r.flag == "risk.multiple_lanes" and r.when == "in" for r in lanes.risks)


def test_risk_flags(lib: Library) -> None:
    assert set(lib.risks) >= REQUIRED_RISK_FLAGS
    raised = {r.flag for q in lib.iter_questions() for r in q.risks}
    assert raised == set(lib.risks)
    risk_qn = lib.questionnaire("risk")
    assert risk_qn is not None
    raised_by_check = {r.flag for q in risk_qn.questions for r in q.risks}
    assert raised_by_check >= REQUIRED_RISK_FLAGS


# --------------------------------------------------------------------------- actions


def test_checklist_actions(lib: Library) -> None:
    checklist = {a.id for a in lib.actions.values() if a.checklist}
    assert checklist == CHECKLIST_ACTIONS


def test_lane_actions(lib: Library) -> None:
    first = lib.actions["act.select_first_lane"]
    second = lib.actions["act.replicate_second_lane"]
    assert first.phase == 1 and second.phase == 3


def test_action_fields(lib: Library) -> None:
    for a in lib.actions.values():
        assert a.owner_role in ROLES, a.id
        assert a.phase in (1, 2, 3) and a.effort in ("S", "M", "L"), a.id
        for text in (a.title.en, a.title.de):
            assert len(text) <= 70, (a.id, text)
            assert not text.endswith("."), a.id
        for why in (a.why.en, a.why.de):
            assert why.endswith("."), a.id
            assert 1 <= why.count(". ") + 1 <= 3, a.id


def test_every_action_is_reachable(lib: Library) -> None:
    used = {a for q in lib.iter_questions() for a in q.actions}
    used |= {a for r in lib.risks.values() for a in r.actions}
    used |= {a.id for a in lib.actions.values() if a.checklist}
    assert set(lib.actions) == used


# --------------------------------------------------------------------------- documentation


def test_doc_is_deterministic_and_complete(lib: Library) -> None:
    text = render_markdown(lib)
    assert text == render_markdown(load_library())
    for q in lib.iter_questions():
        assert f"`{q.id}`" in text
        assert q.text.de in text
        for lv in q.levels:
            assert lv.de.replace("|", "\\|") in text
    for a in lib.actions.values():
        assert f"`{a.id}`" in text and a.why.de in text
    for r in lib.risks.values():
        assert f"`{r.id}`" in text and r.description.de in text


def test_doc_is_not_stale(lib: Library) -> None:
    assert DOC_PATH.is_file(), "run the generator to create docs/questionnaires.md"
    expected = render_markdown(lib)
    actual = DOC_PATH.read_text(encoding="utf-8")
    assert actual == expected, (
        "docs/questionnaires.md is out of date; regenerate it with render_markdown(load_library())"
    )


# --------------------------------------------------------------------------- loader errors

BAD_QUESTIONNAIRE = """\
format = "readiness-questionnaire/1"
id = "broken"
version = "1"
kind = "maturity"
scope = "organisation"
title = { en = "Broken", de = "Kaputt" }
description = { en = "Test.", de = "Test (DE)." }

[[sections]]
id = "monitoring"
title = { en = "Monitoring", de = "Überwachung" }

[[sections.questions]]
id = "mat.bad.levels"
type = "scale"
stage = 2
dimension = "monitoring"
wieght = 2
text = { en = "Only English" }
help = { en = "Help.", de = "Hilfe." }
actions = ["act.mon.drift"]
levels = [
  { en = "a", de = "A" },
  { en = "b", de = "B" },
  { en = "c", de = "C" },
]

[[sections.questions]]
id = "mat.bad.refs"
type = "scale"
stage = 7
dimension = "no_such_dimension"
text = { en = "Refs?", de = "Verweise?" }
help = { en = "Help.", de = "Hilfe." }
actions = ["act.does_not_exist"]
levels = [
  { en = "0", de = "null" },
  { en = "1", de = "eins" },
  { en = "2", de = "zwei" },
  { en = "3", de = "drei" },
  { en = "4", de = "vier" },
]
"""


def _folder_with(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "questionnaires"
    folder.mkdir()
    shutil.copy(REPO / "questionnaires" / "library.toml", folder / "library.toml")
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _problems(folder: Path) -> list[tuple[str, str, str, str]]:
    with pytest.raises(QuestionnaireError) as info:
        load_library(folder)
    return [(Path(p.path).name, p.place, p.field, p.message) for p in info.value.problems]


def test_loader_reports_every_problem_with_file_question_and_field(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "broken.toml", BAD_QUESTIONNAIRE)
    problems = _problems(folder)
    places = {(f, place, fld) for f, place, fld, _ in problems}
    assert all(f == "broken.toml" for f, *_ in problems)
    assert ("broken.toml", "mat.bad.levels", "wieght") in places  # unknown field (typo)
    assert ("broken.toml", "mat.bad.levels", "text.de") in places  # missing German
    assert ("broken.toml", "mat.bad.levels", "levels") in places  # three descriptors only
    assert ("broken.toml", "mat.bad.refs", "stage") in places
    assert ("broken.toml", "mat.bad.refs", "dimension") in places
    assert ("broken.toml", "mat.bad.refs", "actions") in places
    assert len(problems) >= 6


def test_loader_error_message_names_file_question_and_field(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "broken.toml", BAD_QUESTIONNAIRE)
    with pytest.raises(QuestionnaireError) as info:
        load_library(folder)
    message = str(info.value)
    assert "broken.toml" in message
    assert "mat.bad.levels.text.de" in message
    assert "mat.bad.levels.wieght" in message
    assert "mat.bad.refs.actions" in message and "act.does_not_exist" in message
    assert "broken.toml" in info.value.one_line()


def test_loader_reports_invalid_toml(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "syntax.toml", 'format = "readiness-questionnaire/1"\nid = \n')
    problems = _problems(folder)
    assert any(f == "syntax.toml" and "not valid TOML" in msg for f, _, _, msg in problems)


def test_loader_reports_duplicate_question_id(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "dup.toml", (REPO / "questionnaires" / "risk.toml").read_text(
        encoding="utf-8").replace('id = "risk"', 'id = "risk_copy"', 1))
    shutil.copy(REPO / "questionnaires" / "risk.toml", folder / "risk.toml")
    problems = _problems(folder)
    assert any(place == "risk.parallel_lanes" and fld == "id" and "duplicate" in msg
               for _, place, fld, msg in problems)


def test_loader_reports_bad_library_entries(tmp_path: Path) -> None:
    folder = _folder_with(tmp_path, "extra_library.toml", """\
format = "readiness-library/1"
version = "x"

[[actions]]
id = "act.extra.bad"
title = { en = "Do it", de = "Machen" }
why = { en = "Because.", de = "Weil." }
owner_role = "janitor"
phase = 4
effort = "XL"
""")
    problems = _problems(folder)
    fields = {(f, place, fld) for f, place, fld, _ in problems}
    assert ("extra_library.toml", "act.extra.bad", "owner_role") in fields
    assert ("extra_library.toml", "act.extra.bad", "phase") in fields
    assert ("extra_library.toml", "act.extra.bad", "effort") in fields
