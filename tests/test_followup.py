"""Follow-up assessments, as a consultant uses them: start from a baseline, answer, compare.

The questionnaires are ``tests/fixtures/followup`` (small, with every kind of score, and
stable while the bundled questionnaires evolve); they stand in for the bundled ones via
``READINESS_DATA_DIR``, so ``readiness followup`` picks them up as "the current questionnaires".
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from readiness_app import resources
from readiness_app.cli import main
from readiness_app.demo import write_demo
from readiness_app.errors import AssessmentFileError
from readiness_app.followup.baseline import baseline_of, compare, mark_done, movement_of, start_followup
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.scoring import build_input, score
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBRARY_DIR = FIXTURES / "followup"
UC = "uc-broker-email"  # the use case whose answers the scenario sets

# The scenario: what the room agreed at the baseline and at the follow-up (consensus answers).
BASELINE_ANSWERS = {
    ("mat.mon.drift", ORGANISATION): 1, ("mat.mon.overrides", ORGANISATION): 1,
    ("mat.mon.alerts", ORGANISATION): 0, ("mat.mon.automated", ORGANISATION): 0,
    ("mat.dg.owners", ORGANISATION): 3, ("mat.dg.rules", ORGANISATION): 2,
    ("mat.dg.lineage", ORGANISATION): 1, ("mat.dg.catalogue", ORGANISATION): 0,
    ("pri.value", UC): 3, ("pri.process", UC): 2, ("pri.control", UC): 1, ("dr.quality", UC): 1,
    ("base.incidents", ORGANISATION): 12, ("base.cycle_time", UC): 48,
}
FOLLOWUP_ANSWERS = {
    **BASELINE_ANSWERS,
    ("mat.mon.drift", ORGANISATION): 4, ("mat.mon.overrides", ORGANISATION): 3,
    ("mat.mon.alerts", ORGANISATION): 2, ("mat.dg.rules", ORGANISATION): 3,
    ("pri.process", UC): 4, ("dr.quality", UC): 3,
    ("base.incidents", ORGANISATION): 5, ("base.cycle_time", UC): 60,
}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def agree(path: Path, answers: dict[tuple[str, str], int]) -> None:
    with AssessmentFile.open(path, author="Facilitator") as af:
        af.set_answers([Answer(q, scope, CONSENSUS, v) for (q, scope), v in answers.items()], action="test")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(LIBRARY_DIR)


@pytest.fixture(scope="module")
def _baseline_master(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    path = tmp_path_factory.mktemp("followup-master") / "baseline.readiness"
    write_demo(path, library=library)
    agree(path, BASELINE_ANSWERS)
    return path


@pytest.fixture
def baseline(_baseline_master: Path, tmp_path: Path) -> Path:
    """The demo workshop, answered with the test questionnaires, with the scenario's baseline answers."""
    target = tmp_path / "baseline.readiness"
    shutil.copyfile(_baseline_master, target)
    return target


@pytest.fixture
def current_questionnaires(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test questionnaires stand in for the bundled ones."""
    root = tmp_path / "data"
    shutil.copytree(LIBRARY_DIR, root / "questionnaires")
    (root / "assets").mkdir()
    monkeypatch.setenv("READINESS_DATA_DIR", str(root))
    resources.data_dir.cache_clear()
    yield root
    resources.data_dir.cache_clear()


def test_followup_carries_the_engagement_and_links_the_baseline(
        baseline: Path, tmp_path: Path, current_questionnaires: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = sha(baseline)
    new = tmp_path / "q2-review.readiness"
    assert main(["followup", str(baseline), "-o", str(new), "--author", "Dr. Miriam Kessler"]) == 0
    assert f"wrote {new}" in capsys.readouterr().out
    assert sha(baseline) == before, "the baseline is only read"

    with AssessmentFile.open_readonly(baseline) as b, AssessmentFile.open_readonly(new) as f:
        assert f.engagement() == replace(b.engagement(), workshop_start="", workshop_end="", notes="")
        assert f.engagement().client == "Alpenland Versicherung AG"
        assert f.participants() == b.participants()  # same ids, names, roles, departments, order
        assert f.use_cases() == b.use_cases()
        assert f.targets() == b.targets() and f.targets()
        assert f.answers() == [], "answers start empty without --prefill"
        assert {i["id"] for i in f.instruments()} >= {"maturity", "baseline"}
        meta, base_meta = f.meta(), b.meta()
        assert meta["baseline_assessment_id"] == base_meta["assessment_id"] != meta["assessment_id"]
        assert meta["baseline_file"] == str(baseline.resolve())
        snapshot = json.loads(meta["baseline_results"])
        base_results = score(build_input(b))
        log = f.changelog()

    assert snapshot["format"] == "readiness-baseline/1"
    assert snapshot["results"]["format"] == "readiness-results/1"
    assert snapshot["workshop_start"] == "2025-03-11"
    assert [a["key"] for a in snapshot["roadmap"]] == [i.key for i in base_results.roadmap.items]
    assert [a["title"]["en"] for a in snapshot["roadmap"]] == [i.title.en for i in base_results.roadmap.items]
    assert snapshot["results"]["results"]["maturity"]["overall_score"] == 1.75
    consensus = snapshot["results"]["results"]["consensus"]
    assert consensus and not any("votes" in c or "notes" in c for c in consensus), "no votes or notes copied"
    metrics = {(m["question_id"], m["scope"]): m["value"] for m in snapshot["metrics"]}
    assert metrics[("base.incidents", ORGANISATION)] == 12 and metrics[("base.cycle_time", UC)] == 48
    # the snapshot is logged by size and hash, not copied into the change log
    entry = next(e for e in log if e.entity == "meta" and e.entity_id == "baseline_results")
    assert set(entry.after) == {"chars", "sha256"}
    assert any(e.author == "Dr. Miriam Kessler" for e in log)


def test_prefill_copies_votes_without_consensus_or_notes(baseline: Path, tmp_path: Path, library: Library) -> None:
    new = tmp_path / "prefilled.readiness"
    start_followup(baseline, new, prefill=True, author="Dr. Miriam Kessler", library=library)
    with AssessmentFile.open_readonly(baseline) as b, AssessmentFile.open_readonly(new) as f:
        votes = [a for a in b.answers() if not a.is_consensus]
        got = f.answers()
        meta = f.meta()
    assert votes and any(a.note for a in votes), "the demo's votes carry notes"
    assert not any(a.is_consensus for a in got), "the room agrees again"
    assert {a.key: (a.value, a.not_applicable) for a in got} == {a.key: (a.value, a.not_applicable) for a in votes}
    assert {a.source for a in got} == {"baseline: baseline.readiness"}
    assert not any(a.note for a in got)
    assert {a.author for a in got} == {"Dr. Miriam Kessler"}
    assert json.loads(meta["followup_prefill"]) == {"votes": len(votes), "skipped": 0}


def test_movement_shows_before_after_and_change(baseline: Path, tmp_path: Path, current_questionnaires: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "followup.readiness"
    assert main(["followup", str(baseline), "-o", str(new)]) == 0
    agree(new, FOLLOWUP_ANSWERS)
    capsys.readouterr()

    assert main(["movement", str(new), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "readiness-movement/1"
    m = data["movement"]
    dims = {d["dimension_id"]: d for d in m["dimensions"]}
    mon, dg = dims["monitoring"], dims["data_governance"]
    # monitoring: criteria 1,1,0,0 -> 4,3,2,0: score 1 + 3 * mean / 4
    assert (mon["score_before"], mon["score_after"], mon["score_change"]) == (1.375, 2.6875, 1.3125)
    assert (mon["level_before"], mon["level_after"], mon["level_change"]) == (1, 2, 1)
    assert (dg["score_before"], dg["score_after"], dg["score_change"]) == (2.125, 2.3125, 0.1875)
    assert (dg["level_before"], dg["level_after"]) == (1, 2)
    assert (m["overall_score_before"], m["overall_score_after"], m["overall_score_change"]) == (1.75, 2.5, 0.75)

    uc = next(u for u in m["use_cases"] if u["use_case_id"] == UC)
    assert uc["name"] == "Broker email routing" and uc["presence"] == "both"
    # readiness = (2 * process + 2 * data readiness) / 4: (2*50 + 2*25)/4 -> (2*100 + 2*75)/4
    assert (uc["readiness_before"], uc["readiness_after"], uc["readiness_change"]) == (37.5, 87.5, 50.0)
    # priority = (0.45 impact + 0.30 readiness + 0.15 (100 - control)) / 0.9
    assert (uc["priority_before"], uc["priority_after"]) == (62.5, 79.1667)
    assert uc["priority_change"] == pytest.approx(16.6667, abs=1e-4)

    metrics = {(x["question_id"], x["scope"]): x for x in m["metrics"]}
    incidents, cycle = metrics[("base.incidents", ORGANISATION)], metrics[("base.cycle_time", UC)]
    assert (incidents["before"], incidents["after"], incidents["change"], incidents["improved"]) == (12, 5, -7, True)
    assert (cycle["before"], cycle["after"], cycle["change"], cycle["improved"]) == (48, 60, 12, False)
    assert cycle["scope_name"] == "Broker email routing"

    assert main(["movement", str(new)]) == 0
    text = capsys.readouterr().out
    assert "Runtime monitoring: 1.38 -> 2.69 (+1.31), level 1 -> 2" in text
    assert "Data-quality incidents per month: 12 -> 5 per month (-7) better" in text
    assert "Decision cycle time [Broker email routing]: 48 -> 60 hours (+12) worse" in text


def test_done_actions_count_even_when_the_plan_no_longer_holds_them(
        baseline: Path, tmp_path: Path, library: Library) -> None:
    new = tmp_path / "followup.readiness"
    start_followup(baseline, new, library=library)
    agree(new, FOLLOWUP_ANSWERS)
    with AssessmentFile.open(new, author="Facilitator") as af:
        snapshot = baseline_of(af)
        assert snapshot is not None
        earlier = [a.key for a in snapshot.roadmap]
        assert "act.monitoring" in earlier, "the baseline's monitoring gap asked for drift monitoring"
        results = score(build_input(af))
        assert "act.monitoring" not in {i.key for i in results.roadmap.items}, "the gap has closed"
        assert "act.weekly_review" in {i.key for i in results.roadmap.items}, "checklist items stay"

        mark_done(af, "act.monitoring")
        mark_done(af, "act.weekly_review")
        toggled = mark_done(af, "act.select_first_lane")
        af.remove_roadmap_edit(toggled.id)  # undo
        movement = movement_of(af)
        results = score(build_input(af))

    assert movement is not None
    progress = {a.key: a for a in movement.actions}
    assert progress["act.monitoring"].done and not progress["act.monitoring"].still_planned
    assert progress["act.weekly_review"].done and progress["act.weekly_review"].still_planned
    assert not progress["act.select_first_lane"].done
    assert movement.actions_done == 2
    item = next(i for i in results.roadmap.items if i.key == "act.weekly_review")
    assert item.done and not item.edited, "marking done is not an edit of the item"
    assert results.roadmap.orphan_edits == 1  # the done mark of the action no longer generated


def test_comparison_works_after_the_baseline_file_is_gone(
        baseline: Path, tmp_path: Path, library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    new = tmp_path / "followup.readiness"
    start_followup(baseline, new, library=library)
    agree(new, FOLLOWUP_ANSWERS)
    baseline.unlink()
    assert main(["movement", str(new)]) == 0
    out = capsys.readouterr().out
    assert "Movement since the baseline baseline.readiness (2025-03-11)" in out
    assert "Overall: 1.75 -> 2.50 (+0.75)" in out
    with AssessmentFile.open_readonly(new) as af:
        results = score(build_input(af))
        snapshot = baseline_of(af)
    assert snapshot is not None
    assert compare(results, snapshot).overall_score_change == 0.75  # pure: same without the file


def test_changed_questionnaires_skip_votes_that_no_longer_fit(
        tmp_path: Path, mini_demo_file: Path, library: Library) -> None:
    """A baseline answered with older questionnaires (the mini library) meets today's ones."""
    new = tmp_path / "followup.readiness"
    start_followup(mini_demo_file, new, prefill=True, library=library)
    with AssessmentFile.open_readonly(mini_demo_file) as b, AssessmentFile.open_readonly(new) as f:
        old_votes = [a for a in b.answers() if not a.is_consensus]
        got = f.answers()
        prefill = json.loads(f.meta()["followup_prefill"])
        movement = movement_of(f)
    assert {a.question_id for a in got if a.value is not None} == {"mat.mon.drift"}, "questions that exist and fit"
    assert all(a.not_applicable for a in got if a.question_id == "pri.value"), \
        "a choice answer does not fit today's scale question; only its 'not applicable' marks carry over"
    assert not any(a.question_id == "mat.mon.kpi" for a in got), "a question that no longer exists"
    assert prefill["votes"] == len(got) and prefill["skipped"] == len(old_votes) - len(got) > 0
    assert movement is not None
    presence = {d.dimension_id: d.presence for d in movement.dimensions}
    assert presence == {"monitoring": "both", "data_governance": "new"}


def test_cli_refuses_bad_input_with_one_line(
        baseline: Path, tmp_path: Path, current_questionnaires: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taken = tmp_path / "taken.readiness"
    taken.write_bytes(b"keep me")
    assert main(["followup", str(baseline), "-o", str(taken)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err and "Traceback" not in err
    assert taken.read_bytes() == b"keep me"

    not_sqlite = tmp_path / "notes.readiness"
    not_sqlite.write_text("hello")
    assert main(["followup", str(not_sqlite), "-o", str(tmp_path / "x.readiness")]) == 1
    assert "not a Readiness Studio assessment" in capsys.readouterr().err
    assert not (tmp_path / "x.readiness").exists()

    assert main(["movement", str(baseline)]) == 1
    assert "not a follow-up" in capsys.readouterr().err

    with pytest.raises(SystemExit) as exc:
        main(["followup", str(baseline)])  # no -o
    assert exc.value.code == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # no temp leftovers


def test_start_followup_refuses_an_existing_target(baseline: Path, library: Library) -> None:
    with pytest.raises(AssessmentFileError, match="already exists"):
        start_followup(baseline, baseline, library=library)


def test_set_meta_is_logged_and_removable(demo_file: Path) -> None:
    with AssessmentFile.open(demo_file, author="Lead") as af:
        assert af.set_meta("review_cycle", "quarterly") is None
        assert af.set_meta("review_cycle", "monthly") == "quarterly"
        af.set_meta("big", "x" * 1000)
        assert af.meta()["review_cycle"] == "monthly"
        assert af.set_meta("review_cycle", None) == "monthly"
        assert "review_cycle" not in af.meta()
        log = [e for e in af.changelog() if e.entity == "meta"]
        with pytest.raises(ValueError):
            af.set_meta("", "x")
    assert [(e.entity_id, e.action, e.before, e.after) for e in log if e.entity_id == "review_cycle"] == [
        ("review_cycle", "set", None, "quarterly"),
        ("review_cycle", "set", "quarterly", "monthly"),
        ("review_cycle", "remove", "monthly", None),
    ]
    big = next(e for e in log if e.entity_id == "big")
    assert big.after["chars"] == 1000 and len(big.after["sha256"]) == 64
    with AssessmentFile.open_readonly(demo_file) as ro, pytest.raises(AssessmentFileError):
        ro.set_meta("x", "y")
