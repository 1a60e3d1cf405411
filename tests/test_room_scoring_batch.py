"""A burst of votes from the room is re-scored in one go: the same results as one at a time."""

from __future__ import annotations

from pathlib import Path

from readiness_app import scoring
from readiness_app.model import Answer
from readiness_app.questionnaire.loader import Library
from readiness_app.store.assessment_file import AssessmentFile
from room_helpers import make_file


def test_update_scores_a_burst_like_single_edits_and_skips_what_did_not_change(
        tmp_path: Path, mini_library: Library) -> None:
    path = make_file(tmp_path / "b.readiness", mini_library)
    with AssessmentFile.open(path) as f:
        inp = scoring.build_input(f)
    one_by_one, batch = scoring.Scorer(inp), scoring.Scorer(inp)
    votes = [Answer("mat.mon.drift", "org", pid, value=v) for pid, v in (("p1", 1), ("p2", 4), ("p3", 2))]
    votes.append(Answer("mat.mon.drift", "org", "", value=3))
    for a in votes:
        one_by_one.set_answer(a)
    one_by_one.clear_answer("mat.mon.drift", "org", "p3")
    batch.update(votes, [("mat.mon.drift", "org", "p3")])
    assert batch.results == one_by_one.results
    assert batch.results.maturity != scoring.Scorer(inp).results.maturity
    before = batch.results
    assert batch.update([], [("mat.mon.drift", "org", "p9")]) is before  # a hidden vote never counted: no work
    assert batch.update(votes[:1]) is before  # the same vote again: nothing to do
