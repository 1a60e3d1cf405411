"""The built-in demo workshop: realistic, complete, deterministic, and a story in its results."""

from __future__ import annotations

import json
import os
import statistics
import time
from collections import defaultdict
from pathlib import Path

import pytest

from readiness_app.demo import USE_CASES, write_demo
from readiness_app.errors import FileLockedError
from readiness_app.model import CONSENSUS, ORGANISATION, ROLES, Answer
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import lock_path_for


def _pairs(library: Library, use_case_ids: list[str]) -> set[tuple[str, str]]:
    return {(q.id, s) for q in library.iter_questions()
            for s in ([ORGANISATION] if q.scope == "organisation" else use_case_ids)}


def _votes_by_pair(answers: list[Answer]) -> dict[tuple[str, str], list[Answer]]:
    out: dict[tuple[str, str], list[Answer]] = defaultdict(list)
    for a in answers:
        if not a.is_consensus:
            out[(a.question_id, a.scope)].append(a)
    return out


def _check_standard(path: Path) -> None:
    with AssessmentFile.open_readonly(path) as af:
        library = af.library()
        e = af.engagement()
        participants = af.participants()
        use_cases = af.use_cases()
        answers = af.answers()
        targets = af.targets()
        log = af.changelog()

    assert e.client == "Alpenland Versicherung AG"
    assert e.industry and e.facilitator and e.workshop_start <= e.workshop_end
    assert 5 <= len(participants) <= 6
    assert set(ROLES) - {"other"} <= {p.role for p in participants}
    assert len(use_cases) >= 6
    assert sorted(u.stage for u in use_cases).count("pilot") == 1
    assert {u.stage for u in use_cases} == {"idea", "pilot"}
    assert all(u.description for u in use_cases)

    votes = _votes_by_pair(answers)
    pairs = _pairs(library, [u.id for u in use_cases])
    assert set(votes) == pairs, "every question is answered for every scope"
    assert min(len(v) for v in votes.values()) >= 3, "several participants vote on each question"
    assert all(a.author == e.facilitator for a in answers)

    consensus = [a for a in answers if a.is_consensus]
    assert consensus, "the facilitator records some consensus answers"
    na = [a for a in answers if a.not_applicable]
    assert na and all(a.value is None for a in na)
    assert any(a.note.startswith("Not applicable") for a in na)
    assert sum(1 for a in answers if a.note and not a.not_applicable) >= 5

    disagreements = 0
    for vs in votes.values():
        nums = [a.value for a in vs if isinstance(a.value, int | float) and not a.not_applicable
                and library.question(a.question_id).type == "scale"]  # type: ignore[union-attr]
        if len(nums) >= 2 and max(nums) - min(nums) >= 2:  # type: ignore[operator]
            disagreements += 1
    assert 1 <= disagreements <= len(votes) // 4, "some disagreement, not chaos"

    for q in library.iter_questions():
        for a in (a for vs in votes.values() for a in vs if a.question_id == q.id and not a.not_applicable):
            if q.type == "number":
                assert isinstance(a.value, int | float) and a.value >= 0
            elif q.type == "text":
                assert isinstance(a.value, str) and len(a.value) > 20
            elif q.type == "checklist":
                assert isinstance(a.value, list)
    maturity_dims = {q.dimension for qn in library.by_kind("maturity") for q in qn.questions}
    assert targets and set(targets) <= maturity_dims
    assert all(1 <= level <= 4 for level in targets.values())
    assert len({entry.at for entry in log}) > 3 and all(entry.at.startswith("2025-03") for entry in log)


def test_standard_demo_with_the_mini_library(mini_demo_file: Path) -> None:
    _check_standard(mini_demo_file)


def test_standard_demo_with_the_bundled_questionnaires(demo_file: Path) -> None:
    _check_standard(demo_file)
    with AssessmentFile.open_readonly(demo_file) as af:
        assert {qn.id for qn in af.library().questionnaires} == {qn.id for qn in load_library().questionnaires}


def test_demo_results_tell_the_intended_story(demo_file: Path) -> None:
    """One clear first lane, one valuable but unready case, one held back by control complexity, one of low value."""
    from readiness_app.scoring import build_input, score, to_json

    with AssessmentFile.open_readonly(demo_file) as af:
        results = json.loads(to_json(score(build_input(af))))["results"]
    by_id = {u["use_case_id"]: u for u in results["use_cases"]}

    def value(uc: str, key: str) -> float:
        v = by_id[uc][key]
        return float(v["value"] if isinstance(v, dict) else v)

    assert results["first_lane"]["use_case_id"] == "uc-claims-triage"
    assert by_id["uc-claims-triage"]["quadrant"] == "first_lane"
    assert by_id["uc-underwriting"]["quadrant"] == "foundation_first"
    assert value("uc-underwriting", "impact") >= value("uc-claims-triage", "impact") - 10
    assert by_id["uc-fraud-signals"]["quadrant"] == "strategic_bet"
    assert value("uc-fraud-signals", "control_complexity") == max(value(u, "control_complexity") for u in by_id)
    assert by_id["uc-churn"]["quadrant"] == "park"
    assert results["disagreements"], "the workshop has something to discuss"


def test_demo_is_deterministic(tmp_path: Path, mini_library: Library) -> None:
    def dump(path: Path) -> str:
        with AssessmentFile.open_readonly(path) as af:
            meta = {k: v for k, v in af.meta().items() if k != "assessment_id"}
            return repr((meta, af.engagement(), af.participants(), af.use_cases(), af.answers(),
                         af.targets(), af.changelog()))

    write_demo(tmp_path / "one.readiness", library=mini_library)
    write_demo(tmp_path / "two.readiness", library=mini_library)
    assert dump(tmp_path / "one.readiness") == dump(tmp_path / "two.readiness")


def test_german_demo(tmp_path: Path, mini_library: Library) -> None:
    path = tmp_path / "de.readiness"
    write_demo(path, library=mini_library, language="de")
    with AssessmentFile.open_readonly(path) as af:
        assert af.engagement().language == "de"
        names = [u.name for u in af.use_cases()]
        notes = [a.note for a in af.answers() if a.note]
    assert names[0] == USE_CASES[0].name[1] == "Assistent für Schadentriage"
    assert any("Nicht anwendbar" in n or "vereinbart" in n or "ä" in n or "ü" in n for n in notes)


def test_large_demo_everyone_answers_everything_quickly(tmp_path: Path) -> None:
    library = load_library()
    path = tmp_path / "large.readiness"
    started = time.perf_counter()
    write_demo(path, "large", library=library)
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"the large demo took {elapsed:.1f} s"
    with AssessmentFile.open_readonly(path) as af:
        participants = af.participants()
        use_cases = af.use_cases()
        answers = af.answers()
    assert (len(participants), len(use_cases)) == (15, 30)
    votes = _votes_by_pair(answers)
    assert set(votes) == _pairs(library, [u.id for u in use_cases])
    assert all(len(v) == 15 for v in votes.values()), "every participant answers every question"
    scale_votes = [a.value for a in answers if isinstance(a.value, int) and not isinstance(a.value, bool)]
    assert statistics.pstdev(scale_votes) > 0.5, "answers vary across use cases"
    assert any(a.participant_id == CONSENSUS for a in answers)


def test_demo_replaces_the_target_only_when_complete(tmp_path: Path, mini_library: Library,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import readiness_app.demo as demo

    path = tmp_path / "keep.readiness"
    path.write_bytes(b"previous content")

    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "populate", broken)
    with pytest.raises(RuntimeError):
        write_demo(path, library=mini_library)
    assert path.read_bytes() == b"previous content"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.readiness"], "no temporary files or lock left"


def test_demo_refuses_a_target_open_in_another_instance(tmp_path: Path, mini_library: Library) -> None:
    path = tmp_path / "busy.readiness"
    write_demo(path, library=mini_library)
    before = path.read_bytes()
    # a live process (this one) holds the lock, as another window would
    import socket

    lock_path_for(path).write_text(json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                                               "user": "other", "since": "2025-03-11"}), encoding="utf-8")
    with pytest.raises(FileLockedError):
        write_demo(path, library=mini_library)
    assert path.read_bytes() == before
