"""`readiness score` on the demo workshop, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.scoring import build_input, score
from readiness_app.store.assessment_file import AssessmentFile


def test_score_prints_lane_priorities_maturity_and_roadmap(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(demo_file)]) == 0
    out = capsys.readouterr().out
    with AssessmentFile.open_readonly(demo_file) as af:
        results = score(build_input(af))
        names = {u.id: u.name for u in af.use_cases()}
    lane = results.first_lane.use_case_id
    assert lane is not None, "the demo tells a story with a clear first lane"
    assert "First production lane" in out and names[lane] in out
    for u in results.use_cases:
        assert u.name in out
    for heading in ("Use-case priorities", "AI-operations maturity", "Risk flags", "90-day roadmap",
                    "Days 1-30", "Days 61-90", "Widest disagreements"):
        assert heading in out
    assert main(["score", str(demo_file), "--lang", "de"]) == 0
    assert "Erster Produktionspfad" in capsys.readouterr().out


def test_score_json_is_stable_and_complete(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["score", str(demo_file), "--json"]) == 0
    first = capsys.readouterr().out
    assert main(["score", str(demo_file), "--json"]) == 0
    assert capsys.readouterr().out == first  # deterministic
    data = json.loads(first)
    assert data["format"] == "readiness-results/1"
    r = data["results"]
    assert set(r) == {"use_cases", "first_lane", "maturity", "consensus", "disagreements", "risks",
                      "roadmap", "completeness", "framework_coverage"}
    assert all(u["ai_act"]["class"] in ("prohibited", "high_risk", "transparency", "minimal", "unclear")
               for u in r["use_cases"])
    assert set(r["framework_coverage"]) == {"nist_ai_rmf", "iso_iec_42001", "eu_ai_act"}
    assert len(r["use_cases"]) >= 6 and [u["rank"] for u in r["use_cases"]] == list(range(1, len(r["use_cases"]) + 1))
    dims = r["maturity"]["dimensions"]
    assert len(dims) >= 11 and all(1 <= d["staged_level"] <= 4 for d in dims)
    assert all("contributions" in d["score"] for d in dims)
    assert r["disagreements"], "the demo has disputed questions"
    assert {i["phase"] for i in r["roadmap"]["items"]} == {1, 2, 3}


def test_score_on_a_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "notes.readiness"
    bad.write_text("just text", encoding="utf-8")
    assert main(["score", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "notes.readiness" in err and "Traceback" not in err
