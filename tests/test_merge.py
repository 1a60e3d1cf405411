"""Merging two copies of one assessment (breakout rooms): taken from each side, conflicts, refusal, undo."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.errors import MergeError
from readiness_app.merge.apply import apply_merge, revert_merge
from readiness_app.merge.plan import plan_merge
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    """The small assessment and a copy of it made with the file manager."""
    a = xlsx_builders.small_assessment(tmp_path / "claims-room.readiness")
    b = tmp_path / "underwriting-room.readiness"
    shutil.copyfile(a, b)
    return a, b


def state(path: Path) -> dict[str, object]:
    with AssessmentFile.open_readonly(path) as af:
        return {"answers": {a.key: (a.value, a.not_applicable, a.note) for a in af.answers()},
                "participants": [(p.id, p.name, p.role) for p in af.participants()],
                "use_cases": [(u.id, u.name, u.stage) for u in af.use_cases()],
                "targets": af.targets(), "engagement": af.engagement(),
                "roadmap": sorted((e.item_key, e.op, json.dumps(e.payload)) for e in af.roadmap_edits())}


def diverge_without_conflicts(a: Path, b: Path) -> None:
    with AssessmentFile.open(a, author="Eva") as af:  # the claims room
        af.set_answer(Answer("mat.mon.alerts", ORGANISATION, CONSENSUS, 3, note="owner named"))
        af.add_participant("Gustav Ries", "sponsor", participant_id="p-gustav")
        af.set_answer(Answer("mat.mon.drift", ORGANISATION, "p-gustav", 1))
    with AssessmentFile.open(b, author="Jonas") as bf:  # the underwriting room
        bf.add_use_case("Underwriting assistant", stage="pilot", use_case_id="uc-uw")
        bf.set_answer(Answer("pri.value", "uc-uw", CONSENSUS, "high", note="broker pressure"))
        bf.set_answer(Answer("mat.gov.policy", ORGANISATION, CONSENSUS, None, not_applicable=True,
                             note="the group policy applies"))
        bf.clear_answer("dr.quality.measured", "uc-formula")
        bf.set_target("governance", 4)
        bf.update_engagement(workshop_end="2025-03-13")
        bf.add_roadmap_edit("act.uw", "add", {"title": "Underwriting pilot review", "phase": 2})


def test_two_diverged_copies_merge_without_conflicts(copies: tuple[Path, Path], tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    a, b = copies
    diverge_without_conflicts(a, b)
    out = tmp_path / "merged.readiness"
    a_before, b_before = a.read_bytes(), b.read_bytes()
    capsys.readouterr()
    assert main(["merge", str(a), str(b), "-o", str(out), "--json", "--author", "Eva"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"taken_from_a", "taken_from_b", "conflicts", "out"}
    assert report["out"] == str(out) and report["conflicts"] == []
    assert {(i["kind"], i["id"]) for i in report["taken_from_a"]} == {
        ("participant", "p-gustav"), ("answer", "mat.mon.alerts|org|"), ("answer", "mat.mon.drift|org|p-gustav")}
    taken_b = {(i["kind"], i["id"]) for i in report["taken_from_b"]}
    assert {("use_case", "uc-uw"), ("answer", "pri.value|uc-uw|"), ("answer", "mat.gov.policy|org|"),
            ("answer", "dr.quality.measured|uc-formula|"), ("target", "governance"),
            ("engagement", "workshop_end")} <= taken_b
    assert [k for k, _ in taken_b if k == "roadmap"] == ["roadmap"]
    assert (a.read_bytes(), b.read_bytes()) == (a_before, b_before)  # both inputs only read
    merged = state(out)
    answers = merged["answers"]
    assert isinstance(answers, dict)
    assert answers[("mat.mon.alerts", ORGANISATION, CONSENSUS)] == (3, False, "owner named")
    assert answers[("mat.mon.drift", ORGANISATION, "p-gustav")] == (1, False, "")
    assert answers[("pri.value", "uc-uw", CONSENSUS)] == ("high", False, "broker pressure")
    assert answers[("mat.gov.policy", ORGANISATION, CONSENSUS)] == (None, True, "the group policy applies")
    assert ("dr.quality.measured", "uc-formula", CONSENSUS) not in answers
    assert answers[("mat.mon.drift", ORGANISATION, CONSENSUS)] == (2, False, "-agreed after discussion")  # untouched
    assert merged["targets"] == {"monitoring": 3, "governance": 4}
    assert ("p-gustav", "Gustav Ries", "sponsor") in merged["participants"]  # type: ignore[operator]
    assert ("uc-uw", "Underwriting assistant", "pilot") in merged["use_cases"]  # type: ignore[operator]
    assert ("act.uw", "add", json.dumps({"title": "Underwriting pilot review", "phase": 2})) in merged["roadmap"]  # type: ignore[operator]
    with AssessmentFile.open_readonly(out) as af:
        assert af.engagement().workshop_end == "2025-03-13"
        log = af.changelog()
        sources = {a.key: a.source for a in af.answers()}
    actions = [e.action for e in log]
    assert "merged from underwriting-room.readiness: add" in actions  # B's history, marked
    assert next(e.author for e in log if e.action.startswith("merged from")) == "Jonas"
    assert actions[-1] == "merge" and log[-1].after["taken_from_b"] == len(report["taken_from_b"])
    with AssessmentFile.open_readonly(a) as af:
        assert [e.action for e in log[:len(af.changelog())]] == [e.action for e in af.changelog()]  # and A's
    assert sources[("pri.value", "uc-uw", CONSENSUS)] == "merge: side B, underwriting-room.readiness"
    assert sources[("mat.mon.alerts", ORGANISATION, CONSENSUS)] == "merge: side A, claims-room.readiness"


def test_conflicts_keep_a_on_the_command_line_and_are_reported(copies: tuple[Path, Path], tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    a, b = copies
    with AssessmentFile.open(a) as af:
        af.set_answer(Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 3, note="-agreed after discussion"))
        af.update_participant("p-ben", role="sponsor")
    with AssessmentFile.open(b) as bf:
        bf.set_answer(Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 1, note="-agreed after discussion"))
        bf.update_participant("p-ben", role="operations_lead")
        bf.set_answer(Answer("mat.mon.kpi", ORGANISATION, CONSENSUS, 12.5, note="+per week, measured"))
    out = tmp_path / "merged.readiness"
    capsys.readouterr()
    assert main(["merge", str(a), str(b), "-o", str(out), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["conflicts"] == [
        {"kind": "participant", "id": "p-ben",
         "a": {"id": "p-ben", "name": "Ben Okafor", "role": "sponsor", "organisation": "IT"},
         "b": {"id": "p-ben", "name": "Ben Okafor", "role": "operations_lead", "organisation": "IT"}},
        {"kind": "answer", "id": "mat.mon.drift|org|",
         "a": {"value": 3, "not_applicable": False, "note": "-agreed after discussion"},
         "b": {"value": 1, "not_applicable": False, "note": "-agreed after discussion"}}]
    assert [(i["kind"], i["id"]) for i in report["taken_from_b"]] == [("answer", "mat.mon.kpi|org|")]
    merged = state(out)
    assert merged["answers"][("mat.mon.drift", ORGANISATION, CONSENSUS)][0] == 3  # type: ignore[index]
    assert merged["answers"][("mat.mon.kpi", ORGANISATION, CONSENSUS)][2] == "+per week, measured"  # type: ignore[index]
    assert ("p-ben", "Ben Okafor", "sponsor") in merged["participants"]  # type: ignore[operator]
    with AssessmentFile.open_readonly(out) as af:
        decided = [e for e in af.changelog() if e.entity == "merge" and e.action == "decide"]
        drift = af.answer("mat.mon.drift")
    assert [(e.entity_id, e.after["kept"]) for e in decided] == [("participant:p-ben", "a"),
                                                                  ("answer:mat.mon.drift|org|", "a")]
    assert drift is not None and drift.source == "merge: side A, claims-room.readiness, conflict, A kept"
    capsys.readouterr()
    assert main(["merge", str(a), str(b), "-o", str(tmp_path / "m2.readiness")]) == 0
    text = capsys.readouterr().out
    assert text.startswith("wrote ") and "1 from underwriting-room.readiness, 2 conflict(s)" in text


def test_files_that_did_not_start_from_the_same_assessment_are_refused(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    a = xlsx_builders.small_assessment(tmp_path / "a.readiness")
    other = xlsx_builders.small_assessment(tmp_path / "other.readiness")  # same content, another assessment
    out = tmp_path / "m.readiness"
    capsys.readouterr()
    assert main(["merge", str(a), str(other), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"readiness: {other}: did not start from the same assessment as a.readiness (a merge joins "
                   "copies of one assessment, such as breakout copies); nothing was merged")
    assert not out.exists() and not list(tmp_path.glob(".m.readiness*"))
    assert main(["merge", str(a), str(tmp_path / "missing.readiness"), "-o", str(out)]) == 1
    assert "file not found" in capsys.readouterr().err and not out.exists()
    assert main(["merge", str(a), str(a), "-o", str(tmp_path / "m.xlsx")]) == 1
    shutil.copyfile(a, tmp_path / "exists.readiness")
    assert main(["merge", str(a), str(a), "-o", str(tmp_path / "exists.readiness")]) == 1
    assert "exists already" in capsys.readouterr().err


def test_merging_an_unchanged_copy_changes_nothing(copies: tuple[Path, Path], tmp_path: Path) -> None:
    a, b = copies
    with AssessmentFile.open_readonly(a) as af, AssessmentFile.open_readonly(b) as bf:
        plan = plan_merge(af, bf)
    assert (plan.taken_from_a, plan.taken_from_b, plan.conflicts) == ([], [], [])
    other = xlsx_builders.small_assessment(tmp_path / "x.readiness")
    with AssessmentFile.open_readonly(a) as af, AssessmentFile.open_readonly(other) as xf, pytest.raises(MergeError):
        plan_merge(af, xf)


def test_a_merge_into_the_open_file_with_decisions_is_undone_exactly(copies: tuple[Path, Path]) -> None:
    a, b = copies
    diverge_without_conflicts(a, b)
    with AssessmentFile.open(a) as af:
        af.set_answer(Answer("pri.data", "uc-claims", "p-anna", 1, note="line one\nline two"))
    with AssessmentFile.open(b) as bf:
        bf.set_answer(Answer("pri.data", "uc-claims", "p-anna", 4, note="line one\nline two"))
        bf.remove_participant("p-carla")
    before = state(a)
    with AssessmentFile.open(a, author="Eva") as af, AssessmentFile.open_readonly(b) as bf:
        plan = plan_merge(af, bf)
        assert [(c.kind, c.id) for c in plan.conflicts] == [("answer", "pri.data|uc-claims|p-anna")]
        done = apply_merge(af, plan, {("answer", "pri.data|uc-claims|p-anna"): "b"})
        assert af.answer("pri.data", "uc-claims", "p-anna").value == 4  # type: ignore[union-attr]
        assert "p-carla" not in {p.id for p in af.participants()}  # B removed her, A did not touch her
        assert af.use_case("uc-uw") is not None
        log = af.changelog()
        assert [(e.entity_id, e.after["kept"], e.after["by"]) for e in log if e.action == "decide"] == [
            ("answer:pri.data|uc-claims|p-anna", "b", "facilitator")]
        revert_merge(af, done)
    after = state(a)
    assert after == before


def test_a_vote_chosen_for_someone_removed_here_brings_them_back(copies: tuple[Path, Path]) -> None:
    a, b = copies
    with AssessmentFile.open(a) as af:
        af.remove_participant("p-carla")  # the claims room removed Carla
    with AssessmentFile.open(b) as bf:
        bf.set_answer(Answer("mat.mon.kpi", ORGANISATION, "p-carla", 5.0))  # she voted in the other room
    before = state(a)
    with AssessmentFile.open(a) as af, AssessmentFile.open_readonly(b) as bf:
        plan = plan_merge(af, bf)
        assert ("participant", "p-carla") in [(i.kind, i.id) for i in plan.taken_from_a]  # removed here only
        conflict = ("answer", "mat.mon.kpi|org|p-carla")
        assert conflict in [(c.kind, c.id) for c in plan.conflicts]
        done = apply_merge(af, plan, {conflict: "b"})
        assert af.participant("p-carla") is not None
        assert af.answer("mat.mon.kpi", ORGANISATION, "p-carla").value == 5.0  # type: ignore[union-attr]
        revert_merge(af, done)
    assert state(a) == before
