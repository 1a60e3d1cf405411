"""The assessment file: edits commit at once, the change log is append-only, the questionnaire snapshot rules."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from readiness_app import resources
from readiness_app.errors import AssessmentFileError
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Engagement
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.store.assessment_file import AssessmentFile

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
REPO = Path(__file__).resolve().parent.parent


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _raw(path: Path, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Read the file through a separate read-only connection, as another process would."""
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql, args).fetchall()]
    finally:
        conn.close()


@pytest.fixture
def af(tmp_path: Path, mini_library: Library) -> Any:
    a = AssessmentFile.create(tmp_path / "a.readiness", mini_library,
                              Engagement(client="Muster AG", language="de"), author="Facilitator")
    a.add_participant("Anna Muster", "product_owner", participant_id="p1")
    a.add_participant("Ben Beispiel", "data_owner", participant_id="p2")
    a.add_use_case("Claims triage", "Route claims", use_case_id="uc1")
    yield a
    a.close()


def test_create_and_reopen_round_trip(af: AssessmentFile) -> None:
    af.set_answer(Answer("pri.value", "uc1", "p1", "high", note="clear savings"))
    af.set_answer(Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 3))
    af.set_answer(Answer("mat.mon.kpi", ORGANISATION, "p2", 12.5))
    af.set_answer(Answer("mat.mon.drift", ORGANISATION, "p2", None, not_applicable=True, note="no models yet"))
    path = af.path
    assert path is not None
    af.close()
    with AssessmentFile.open(path) as again:
        e = again.engagement()
        assert (e.client, e.language) == ("Muster AG", "de")
        assert [p.role for p in again.participants()] == ["product_owner", "data_owner"]
        assert [u.name for u in again.use_cases()] == ["Claims triage"]
        answers = {a.key: a for a in again.answers()}
        assert answers[("pri.value", "uc1", "p1")].value == "high"
        assert answers[("pri.value", "uc1", "p1")].note == "clear savings"
        assert answers[("pri.value", "uc1", "p1")].author == "Facilitator"
        assert answers[("pri.value", "uc1", "p1")].questionnaire_version == "1.0"
        assert answers[("mat.mon.drift", ORGANISATION, CONSENSUS)].is_consensus
        assert answers[("mat.mon.kpi", ORGANISATION, "p2")].value == 12.5
        na = answers[("mat.mon.drift", ORGANISATION, "p2")]
        assert na.not_applicable and na.value is None and na.note == "no models yet"


def test_every_edit_is_committed_at_once(af: AssessmentFile) -> None:
    assert af.path is not None
    assert _raw(af.path, "PRAGMA journal_mode") == [("delete",)]  # no WAL: the .readiness file alone is complete
    af.set_answer(Answer("pri.value", "uc1", "p1", "low"))
    assert _raw(af.path, "SELECT value FROM answers WHERE participant_id = 'p1'") == [('"low"',)]
    af.update_engagement(client="Neu AG")
    assert _raw(af.path, "SELECT client FROM engagement") == [("Neu AG",)]


def test_every_edit_appends_exactly_one_change_log_entry(af: AssessmentFile) -> None:
    edits: list[tuple[str, Callable[[], object]]] = [
        ("engagement", lambda: af.update_engagement(facilitator="Dr. Kessler")),
        ("participant", lambda: af.add_participant("Cora", "sponsor", participant_id="p3")),
        ("participant", lambda: af.update_participant("p3", name="Cora Chef")),
        ("use_case", lambda: af.add_use_case("Churn", use_case_id="uc2")),
        ("use_case", lambda: af.update_use_case("uc2", stage="pilot")),
        ("answer", lambda: af.set_answer(Answer("pri.value", "uc2", "p3", "high"))),
        ("answer", lambda: af.set_answer(Answer("pri.value", "uc2", "p3", "low"))),
        ("answer", lambda: af.clear_answer("pri.value", "uc2", "p3")),
        ("answers", lambda: af.set_answers([Answer("pri.value", "uc1", "p1", "low"),
                                            Answer("pri.value", "uc1", "p2", "high")])),
        ("target", lambda: af.set_target("monitoring", 3)),
        ("roadmap", lambda: af.add_roadmap_edit("act.monitoring", "move", {"phase": 1})),
        ("use_case", lambda: af.remove_use_case("uc2")),
        ("participant", lambda: af.remove_participant("p3")),
    ]
    for entity, edit in edits:
        before = af.changelog()
        edit()
        after = af.changelog()
        assert len(after) == len(before) + 1, entity
        assert after[:-1] == before
        assert after[-1].entity == entity
        assert after[-1].author == "Facilitator"
    log = af.changelog()
    assert log[0].action == "create"
    change = next(e for e in log if e.entity == "answer" and e.action == "set" and e.before is not None)
    assert (change.before["value"], change.after["value"]) == ("high", "low")


@pytest.mark.parametrize("sql", [
    "UPDATE changelog SET author = 'someone else'",
    "DELETE FROM changelog",
    "DELETE FROM changelog WHERE id = 1",
])
def test_change_log_is_append_only(af: AssessmentFile, sql: str) -> None:
    af.set_answer(Answer("pri.value", "uc1", "p1", "high"))
    count = len(af.changelog())
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        af.db.execute(sql)
    assert len(af.changelog()) == count


def test_invalid_answers_are_refused_and_nothing_is_written(af: AssessmentFile) -> None:
    bad = [
        Answer("no.such.question", "uc1", "p1", 1),
        Answer("pri.value", "uc-unknown", "p1", "high"),
        Answer("pri.value", ORGANISATION, "p1", "high"),  # asked per use case
        Answer("mat.mon.drift", "uc1", "p1", 2),  # asked for the organisation
        Answer("pri.value", "uc1", "nobody", "high"),
        Answer("pri.value", "uc1", "p1", "medium"),  # not an option
        Answer("mat.mon.drift", ORGANISATION, "p1", 5),  # scale is 0-4
        Answer("mat.mon.drift", ORGANISATION, "p1", 2.5),
        Answer("mat.mon.kpi", ORGANISATION, "p1", "many"),
    ]
    log = len(af.changelog())
    for answer in bad:
        with pytest.raises(ValueError):
            af.set_answer(answer)
    with pytest.raises(ValueError):  # one bad answer spoils the whole batch
        af.set_answers([Answer("pri.value", "uc1", "p1", "high"), bad[0]])
    assert af.answers() == []
    assert len(af.changelog()) == log


def test_bulk_answers_are_one_transaction_and_one_log_entry(af: AssessmentFile) -> None:
    batch = [Answer("pri.value", "uc1", p, v) for p, v in (("p1", "high"), ("p2", "low"), (CONSENSUS, "high"))]
    batch.append(Answer("mat.mon.kpi", ORGANISATION, "p1", 7, source="import.xlsx / Maturity / row 4"))
    before = len(af.changelog())
    assert af.set_answers(batch) == 4
    assert len(af.changelog()) == before + 1
    stored = {a.key: a for a in af.answers()}
    assert stored[("mat.mon.kpi", ORGANISATION, "p1")].source == "import.xlsx / Maturity / row 4"
    assert all(a.questionnaire_id in ("prioritization", "maturity") for a in stored.values())
    af.set_answers([Answer("pri.value", "uc1", "p1", "low")])  # upsert replaces
    assert af.answer("pri.value", "uc1", "p1").value == "low"  # type: ignore[union-attr]
    assert len(af.answers()) == 4


def test_remove_and_restore_participant_with_votes(af: AssessmentFile) -> None:
    af.set_answer(Answer("pri.value", "uc1", "p2", "low"))
    person, votes = af.remove_participant("p2")
    assert af.participant("p2") is None and af.answers() == []
    af.restore_participant(person, votes)
    assert af.participant("p2") == person
    assert [a.value for a in af.answers()] == ["low"]


def test_read_only_opening_changes_nothing_and_refuses_edits(af: AssessmentFile) -> None:
    af.set_answer(Answer("pri.value", "uc1", "p1", "high"))
    path = af.path
    assert path is not None
    af.close()
    before = _sha(path)
    with AssessmentFile.open_readonly(path) as ro:
        assert ro.readonly
        assert len(ro.answers()) == 1
        with pytest.raises(AssessmentFileError, match="read-only"):
            ro.set_answer(Answer("pri.value", "uc1", "p2", "low"))
    assert _sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["a.readiness"]


def test_save_copy_is_a_complete_assessment(af: AssessmentFile, tmp_path: Path) -> None:
    af.set_answer(Answer("pri.value", "uc1", "p1", "high"))
    copy = tmp_path / "copy.readiness"
    af.save_copy(copy)
    with AssessmentFile.open(copy) as c:
        assert [a.value for a in c.answers()] == ["high"]
        assert c.meta()["assessment_id"] == af.meta()["assessment_id"]


# --------------------------------------------------------------------------- questionnaire snapshot


def _edited_library(folder: Path) -> Library:
    """Change the questionnaire files the way a later release might: reword, reweigh, drop, add."""
    prio = folder / "prioritization.toml"
    text = prio.read_text(encoding="utf-8")
    text = text.replace('{ id = "high", label = { en = "High", de = "Hoch" }, value = 4 }',
                        '{ id = "high", label = { en = "High", de = "Hoch" }, value = 1 }')
    text = text.replace('text = { en = "Value?", de = "Wert?" }',
                        'text = { en = "Expected value?", de = "Erwarteter Wert?" }')
    prio.write_text(text.replace('version = "1.0"', 'version = "2.0"'), encoding="utf-8")
    mat = folder / "maturity.toml"
    text = mat.read_text(encoding="utf-8")
    cut = text.index('[[sections.questions]]\nid = "mat.mon.kpi"')
    mat.write_text(text[:cut].replace('version = "1.0"', 'version = "2.0"'), encoding="utf-8")
    return load_library(folder)


def test_the_embedded_snapshot_is_used_after_questionnaire_files_change(tmp_path: Path) -> None:
    from readiness_app.scoring import build_input, score, to_json

    folder = tmp_path / "questionnaires"
    shutil.copytree(MINI, folder)
    path = tmp_path / "snap.readiness"
    with AssessmentFile.create(path, load_library(folder)) as af:
        af.add_participant("Anna", "sponsor", participant_id="p1")
        af.add_use_case("Triage", use_case_id="uc1")
        af.set_answers([Answer("pri.value", "uc1", "p1", "high"), Answer("mat.mon.drift", ORGANISATION, "p1", 3),
                        Answer("mat.mon.kpi", ORGANISATION, "p1", 4)])
        results_before = to_json(score(build_input(af)))

    changed = _edited_library(folder)
    assert changed.question("pri.value").text.en == "Expected value?"  # type: ignore[union-attr]
    assert changed.question("mat.mon.kpi") is None

    with AssessmentFile.open(path) as af:
        snapshot = af.library()
        assert snapshot.question("pri.value").text.en == "Value?"  # type: ignore[union-attr]
        assert snapshot.question("pri.value").option("high").value == 4  # type: ignore[union-attr]
        assert snapshot.questionnaire("maturity").version == "1.0"  # type: ignore[union-attr]
        assert to_json(score(build_input(af))) == results_before
        # edits still validate against the snapshot, not against the changed files
        af.set_answer(Answer("mat.mon.kpi", ORGANISATION, "p1", 5))
        assert af.answer("mat.mon.kpi", ORGANISATION, "p1").questionnaire_version == "1.0"  # type: ignore[union-attr]
        assert {(i["id"], i["version"]) for i in af.instruments()} == {
            ("maturity", "1.0"), ("prioritization", "1.0"), ("__library__", "test-1")}


# --------------------------------------------------------------------------- bundled data resolver


def test_resolver_finds_the_questionnaires_of_the_source_checkout() -> None:
    assert resources.questionnaires_dir() == REPO / "questionnaires"
    assert resources.data_dir("assets") == REPO / "assets"
    assert sorted(resources.questionnaires_dir().glob("*.toml")), "the checkout ships questionnaires"


def test_resolver_honours_readiness_data_dir(mini_data_dir: Path) -> None:
    assert resources.questionnaires_dir() == mini_data_dir / "questionnaires"
    assert resources.asset_path("logo.svg") == mini_data_dir / "assets" / "logo.svg"
    assert {qn.id for qn in load_library().questionnaires} == {"maturity", "prioritization"}


def test_resolver_prefers_a_pyinstaller_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "questionnaires").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    resources.data_dir.cache_clear()
    assert resources.questionnaires_dir() == tmp_path / "questionnaires"


def test_resolver_falls_back_when_the_override_lacks_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("READINESS_DATA_DIR", str(tmp_path))
    resources.data_dir.cache_clear()
    assert resources.questionnaires_dir() == REPO / "questionnaires"
    with pytest.raises(ValueError):
        resources.data_dir("secrets")
