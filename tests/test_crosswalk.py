"""The crosswalk and the obligations as data: validated against the questionnaires, with clear messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from readiness_app.errors import QuestionnaireError
from readiness_app.questionnaire.loader import load_library
from readiness_app.questionnaire.regulation import FRAMEWORKS, link_questions
from readiness_app.resources import questionnaires_dir


def test_every_link_names_existing_scored_questions_and_known_controls() -> None:
    lib = load_library()
    assert lib.regulation is not None and lib.regulation.crosswalk is not None
    cw = lib.regulation.crosswalk
    for link in cw.links:
        qids = link_questions(lib, link)
        assert qids, link
        for q in qids:
            question = lib.question(q)
            assert question is not None and question.scored and question.polarity == "positive"
        for fid, controls in link.targets:
            fw = cw.framework(fid)
            assert fw is not None and all(fw.area_of(c) is not None for c in controls)
        assert link.rationale.en and link.rationale.de and link.rationale.en != link.rationale.de


def test_every_framework_area_is_named_at_least_once() -> None:
    lib = load_library()
    assert lib.regulation is not None and lib.regulation.crosswalk is not None
    cw = lib.regulation.crosswalk
    assert [f.id for f in cw.frameworks] == list(FRAMEWORKS)
    for fw in cw.frameworks:
        named = {fw.area_of(c).id for link in cw.links for fid, cs in link.targets if fid == fw.id  # type: ignore[union-attr]
                 for c in cs}
        assert named == {a.id for a in fw.areas}, fw.id


def test_framework_areas_are_the_published_structure() -> None:
    lib = load_library()
    assert lib.regulation is not None and lib.regulation.crosswalk is not None
    cw = lib.regulation.crosswalk
    nist = cw.framework("nist_ai_rmf")
    iso = cw.framework("iso_iec_42001")
    assert nist is not None and iso is not None
    assert len(nist.areas) == 19 and sum(len(a.controls) for a in nist.areas) == 72  # AI RMF 1.0 categories, subcategories
    assert [a.id for a in iso.areas] == [f"A.{n}" for n in range(2, 11)]
    assert sum(len(a.controls) for a in iso.areas) == 38  # ISO/IEC 42001:2023 Annex A controls


def test_obligations_have_dates_source_and_as_of() -> None:
    lib = load_library()
    assert lib.regulation is not None and lib.regulation.obligations is not None
    ob = lib.regulation.obligations
    assert "2024/1689" in ob.source.en and "2024/1689" in ob.source.de and ob.as_of
    dates = {o.id: o.applies_from for o in ob.obligations}
    assert dates["stop_prohibited"] == "2025-02-02" and dates["literacy"] == "2025-02-02"
    assert dates["gpai_documentation"] == "2025-08-02"
    assert dates["disclose_interaction"] == "2026-08-02" and dates["keep_logs"] == "2026-08-02"
    annex_i = {o.id: o.applies_from_annex_i for o in ob.obligations}
    assert annex_i["risk_management"] == "2027-08-02"
    met = lib.question("aia.obligations_met")
    assert met is not None and [o.id for o in met.options] == [o.id for o in ob.obligations]


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "q"
    shutil.copytree(questionnaires_dir(), target)
    return target


def _problems(folder: Path) -> str:
    with pytest.raises(QuestionnaireError) as err:
        load_library(folder)
    return str(err.value)


def test_unknown_question_and_control_are_reported_with_file_and_place(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cw = folder / "regulation" / "crosswalk.toml"
    text = cw.read_text(encoding="utf-8")
    text = text.replace('question = "mat.roles.objectives"', 'question = "mat.roles.nonexistent"')
    text = text.replace('nist_ai_rmf = ["MAP 3.2"]', 'nist_ai_rmf = ["MAP 9.9"]')
    cw.write_text(text, encoding="utf-8")
    out = _problems(folder)
    assert "crosswalk.toml" in out
    assert "unknown question 'mat.roles.nonexistent'" in out
    assert "unknown nist_ai_rmf control 'MAP 9.9'" in out


def test_an_area_no_link_names_is_reported(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cw = folder / "regulation" / "crosswalk.toml"
    text = cw.read_text(encoding="utf-8")
    cw.write_text(text.replace('eu_ai_act = ["Art. 50(1)", "Art. 26(11)"]', 'eu_ai_act = ["Art. 26(11)"]'),
                  encoding="utf-8")
    assert "eu_ai_act.Art. 50.links: no link names this area" in _problems(folder)


def test_negative_questions_cannot_evidence(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    cw = folder / "regulation" / "crosswalk.toml"
    text = cw.read_text(encoding="utf-8")
    cw.write_text(text.replace('question = "pri.data.history"', 'question = "pri.control.regulatory"'), encoding="utf-8")
    assert "only scored questions with positive polarity" in _problems(folder)


def test_obligation_without_option_and_bad_date(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    ob = folder / "regulation" / "ai_act_obligations.toml"
    text = ob.read_text(encoding="utf-8")
    text = text.replace('id = "keep_logs"', 'id = "keep_logs_longer"').replace('applies_from = "2025-08-02"',
                                                                            'applies_from = "2025-13-02"', 1)
    ob.write_text(text, encoding="utf-8")
    out = _problems(folder)
    assert "aia.obligations_met.options: obligation 'keep_logs_longer' has no option" in out
    assert "applies_from: must be a date like 2026-08-02" in out


def test_questionnaire_missing_an_option_the_rules_read(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    qn = folder / "ai_act.toml"
    text = qn.read_text(encoding="utf-8")
    qn.write_text(text.replace('{ id = "deep_fake",', '{ id = "deepfake",'), encoding="utf-8")
    out = _problems(folder)
    assert "aia.art50.options: the AI Act rules read option 'deep_fake'; it is missing" in out


def test_the_regulation_travels_with_an_assessment(tmp_path: Path) -> None:
    from readiness_app.store.assessment_file import AssessmentFile

    lib = load_library()
    with AssessmentFile.create(tmp_path / "a.readiness", lib) as af:
        pass
    with AssessmentFile.open(tmp_path / "a.readiness") as af:
        embedded = af.library()
    assert embedded.regulation == lib.regulation


def test_a_plain_text_source_is_read_for_both_languages() -> None:
    from readiness_app.questionnaire.regulation import parse_obligations

    text = (questionnaires_dir() / "regulation" / "ai_act_obligations.toml").read_text(encoding="utf-8")
    start = text.index("source.en")
    end = text.index("\n", text.index("source.de"))
    ob, problems = parse_obligations(text[:start] + 'source = "Regulation (EU) 2024/1689"' + text[end:])
    assert problems == [] and ob is not None and ob.source.de == ob.source.en == "Regulation (EU) 2024/1689"
