"""Pre-work: personal templates become each participant's hidden votes; --into never removes what the room recorded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from readiness_app.cli import main
from readiness_app.excel.prework import prework_spread
from readiness_app.excel.template import COL_ANSWER, COL_ID, COL_NOTE, COL_USE_CASE, FIRST_ROW
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, is_prework
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return xlsx_builders.small_assessment(tmp_path / "small.readiness")


def personal(file: Path, name: str, out: Path) -> Path:
    assert main(["export", str(file), "--template", str(out), "--for", name]) == 0
    return out


def fill(template: Path, out: Path, answers: dict[Any, Any], *, role: str | None = None) -> Path:
    """Fill the answer column as a participant would: ``{question id or (id, use case): value}``."""
    wb = load_workbook(template)
    if role is not None:
        wb.worksheets[0]["C9"] = role
    for ws in wb.worksheets[1:]:
        if ws.sheet_state != "visible":
            continue
        for r in range(FIRST_ROW, ws.max_row + 1):
            qid, uc = ws.cell(r, COL_ID).value, ws.cell(r, COL_USE_CASE).value
            for key in ((qid, uc), qid):
                if key in answers:
                    value = answers[key]
                    if isinstance(value, tuple):
                        value, note = value
                        ws.cell(r, COL_NOTE).value = note
                    ws.cell(r, COL_ANSWER).value = value
                    break
    wb.save(out)
    return out


def votes_of(path: Path, name: str) -> dict[tuple[str, str], Any]:
    with AssessmentFile.open_readonly(path) as af:
        pid = next(p.id for p in af.participants() if p.name == name)
        return {a.key[:2]: a for a in af.answers() if a.participant_id == pid}


def counts(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, int]:
    capsys.readouterr()
    assert main(["info", str(path), "--json"]) == 0
    result: dict[str, int] = json.loads(capsys.readouterr().out)["counts"]
    return result


def test_personal_template_names_its_participant_on_a_protected_front_sheet(small: Path, tmp_path: Path) -> None:
    wb = load_workbook(personal(small, "ben okafor", tmp_path / "ben.xlsx"))
    front = wb.worksheets[0]
    assert front["A1"].value == "Personal template for Ben Okafor: AI readiness workshop"
    assert (front["C8"].value, front["C9"].value) == ("Ben Okafor", "Data owner")  # matched, spelled as stored
    assert front.protection.sheet and front["C8"].protection.locked and front["C9"].protection.locked
    assert "imported as the vote of the person named above" in front["A10"].value
    new = load_workbook(personal(small, "Dana Fischer", tmp_path / "dana.xlsx")).worksheets[0]
    assert new["C8"].value == "Dana Fischer" and new.protection.sheet and new["C8"].protection.locked
    assert new["C9"].value is None and not new["C9"].protection.locked  # someone new gives their role
    anonymous = load_workbook(xlsx_builders_template(small, tmp_path / "t.xlsx")).worksheets[0]
    assert not anonymous.protection.sheet and anonymous["C8"].value is None


def xlsx_builders_template(path: Path, out: Path) -> Path:
    assert main(["export", str(path), "--template", str(out)]) == 0
    return out


def test_personal_templates_become_each_participants_hidden_votes(small: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    before = counts(small, capsys)
    with AssessmentFile.open_readonly(small) as af:
        consensus_before = {a.key: a for a in af.answers() if a.participant_id == CONSENSUS}
    anna = fill(personal(small, "Anna Berger", tmp_path / "a.xlsx"), tmp_path / "anna.xlsx",
                {"mat.gov.policy": 4, ("dr.quality.measured", "Claims triage"): (0, "never measured")})
    dana = fill(personal(small, "Dana Fischer", tmp_path / "d.xlsx"), tmp_path / "dana.xlsx",
                {"mat.gov.policy": 0, "mat.mon.kpi": 7, ("dr.quality.measured", "Claims triage"): 4},
                role="Data owner")
    erik = fill(personal(small, "Erik Lund", tmp_path / "e.xlsx"), tmp_path / "erik.xlsx",
                {"mat.gov.policy": 2, ("dr.quality.measured", "Claims triage"): "Not applicable"})
    capsys.readouterr()
    assert main(["import", str(anna), str(dana), str(erik), "--into", str(small)]) == 0
    out = capsys.readouterr().out
    assert "3 people answered the pre-work: Anna Berger, Dana Fischer, Erik Lund" in out
    widest = out.split("widest spread first:\n", 1)[1].splitlines()
    assert widest[0].startswith("  4 points  dr.quality.measured / Claims triage (3 votes)")  # N/A abstains
    assert widest[1].startswith("  2 points  mat.gov.policy (2 votes)")  # Anna's 4: she said 2 in the room
    mine = votes_of(small, "Anna Berger")
    assert mine[("mat.gov.policy", ORGANISATION)].value == 2  # what she said in the room stays
    assert not is_prework(mine[("mat.gov.policy", ORGANISATION)].source)
    assert mine[("dr.quality.measured", "uc-claims")].value == 0
    assert mine[("dr.quality.measured", "uc-claims")].note == "never measured"
    assert mine[("dr.quality.measured", "uc-claims")].source.startswith("pre-work: anna.xlsx / ")
    theirs = votes_of(small, "Dana Fischer")
    assert {k: a.value for k, a in theirs.items()} == {("mat.gov.policy", ORGANISATION): 0,
                                                       ("mat.mon.kpi", ORGANISATION): 7,
                                                       ("dr.quality.measured", "uc-claims"): 4}
    assert votes_of(small, "Erik Lund")[("dr.quality.measured", "uc-claims")].not_applicable
    with AssessmentFile.open_readonly(small) as af:
        roles = {p.name: p.role for p in af.participants()}
        assert (roles["Dana Fischer"], roles["Erik Lund"]) == ("data_owner", "other")
        assert {a.key: a for a in af.answers() if a.participant_id == CONSENSUS} == consensus_before
    after = counts(small, capsys)
    assert after["votes"] == before["votes"] + 1 + 3 + 2  # pre-work votes count like any other (Anna's policy: kept)
    assert after["consensus"] == before["consensus"] and after["participants"] == before["participants"] + 2


def test_reimporting_a_persons_template_replaces_their_prework(small: Path, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    template = personal(small, "Dana Fischer", tmp_path / "dana.xlsx")
    first = fill(template, tmp_path / "first.xlsx", {"mat.gov.policy": 1, "mat.mon.alerts": 1,
                                                     ("dr.quality.measured", "Claims triage"): 1})
    capsys.readouterr()
    assert main(["import", str(first), "--into", str(small)]) == 0
    out = capsys.readouterr().out
    assert "1 person answered the pre-work: Dana Fischer" in out
    assert "widest spread first" not in out  # one voter per question: no spread to show yet
    votes = counts(small, capsys)["votes"]
    second = fill(template, tmp_path / "second.xlsx", {"mat.gov.policy": 3})  # she changed her mind, answered less
    capsys.readouterr()
    assert main(["import", str(second), "--into", str(small)]) == 0
    assert "3 earlier pre-work vote(s) replaced" in capsys.readouterr().out
    assert {k: a.value for k, a in votes_of(small, "Dana Fischer").items()} == {("mat.gov.policy", ORGANISATION): 3}
    assert counts(small, capsys)["votes"] == votes - 2
    with AssessmentFile.open_readonly(small) as af:
        assert [p.name for p in af.participants()].count("Dana Fischer") == 1


def test_a_vote_the_room_recorded_is_kept_over_prework(small: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    ben = fill(personal(small, "Ben Okafor", tmp_path / "b.xlsx"), tmp_path / "ben.xlsx",
               {"mat.mon.drift": 4, "mat.gov.policy": 2, "mat.mon.kpi": 3})
    capsys.readouterr()
    assert main(["import", str(ben), "--into", str(small)]) == 0
    assert "1 answer(s) the room recorded kept as they were" in capsys.readouterr().out  # drift was 1 in the room
    mine = votes_of(small, "Ben Okafor")
    assert mine[("mat.mon.drift", ORGANISATION)].value == 1 and not is_prework(mine[("mat.mon.drift", ORGANISATION)].source)
    assert mine[("mat.mon.kpi", ORGANISATION)].value == 3 and is_prework(mine[("mat.mon.kpi", ORGANISATION)].source)


def test_a_folder_of_filled_templates_goes_in_at_once(small: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "returned"
    folder.mkdir()
    for name, level in (("Dana Fischer", 0), ("Erik Lund", 3)):
        fill(personal(small, name, tmp_path / f"{level}.xlsx"), folder / f"{name}.xlsx", {"mat.mon.alerts": level})
    (folder / "~$Dana Fischer.xlsx").write_bytes(b"lock file of an open workbook")
    (folder / "notes.txt").write_text("not a workbook")
    capsys.readouterr()
    before = small.read_bytes()
    assert main(["import", str(folder), "--into", str(small), "--dry-run"]) == 0
    looked = capsys.readouterr().out.splitlines()
    assert len(looked) == 2 and looked[0].startswith("Dana Fischer.xlsx (fill-in template): 1 answers (1 votes")
    assert small.read_bytes() == before  # a dry run writes nothing
    assert main(["import", str(folder), "--into", str(small)]) == 0
    assert "2 people answered the pre-work: Dana Fischer, Erik Lund" in capsys.readouterr().out
    with AssessmentFile.open_readonly(small) as af:
        rows = prework_spread(af)
    assert [(r.question_id, r.spread, r.voters) for r in rows] == [("mat.mon.alerts", 3.0, 2)]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["import", str(empty), "--into", str(small)]) == 1
    assert capsys.readouterr().err.strip() == f"readiness: {empty}: no Excel workbook (.xlsx) in this folder"


def test_usage_errors(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    t = xlsx_builders_template(small, tmp_path / "t.xlsx")
    assert main(["import", str(t), str(t), "-o", str(tmp_path / "x.readiness")]) == 2
    assert "several workbooks go --into one assessment" in capsys.readouterr().err
    assert main(["export", str(small), "--for", "Anna Berger"]) == 1
    assert "--for names the participant of a personal template; add --template" in capsys.readouterr().err
    assert main(["export", str(small), "--template", str(tmp_path / "c.xlsx"), "--for", "consensus"]) == 1
    assert "a personal template needs the participant's name (not 'consensus')" in capsys.readouterr().err
    assert not (tmp_path / "c.xlsx").exists()


def test_spread_orders_widest_first_then_in_questionnaire_order(small: Path, tmp_path: Path) -> None:
    levels = {"Dana Fischer": (1, 2, 3), "Erik Lund": (3, 2, 3), "Fay Ng": (0, 2, 4)}
    for name, (drift, alerts, policy) in levels.items():
        filled = fill(personal(small, name, tmp_path / "p.xlsx"), tmp_path / f"{name}.xlsx",
                      {"mat.mon.drift": drift, "mat.mon.alerts": alerts, "mat.gov.policy": policy})
        assert main(["import", str(filled), "--into", str(small)]) == 0
    with AssessmentFile.open_readonly(small) as af:
        rows = prework_spread(af)
        everyone = prework_spread(af, prework_only=False)
    # the room's own votes (Anna, Ben, Carla) do not count: pre-work only
    assert [(r.question_id, r.spread, r.voters) for r in rows] == [
        ("mat.mon.drift", 3.0, 3), ("mat.gov.policy", 1.0, 3), ("mat.mon.alerts", 0.0, 3)]
    assert [(r.question_id, r.voters) for r in everyone][:1] == [("mat.mon.drift", 6)]


def test_into_never_removes_what_the_room_recorded(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo: an anonymous template with every answer at level 2 and no notes."""
    demo = tmp_path / "demo.readiness"
    assert main(["demo", str(demo)]) == 0
    template = xlsx_builders_template(demo, tmp_path / "t.xlsx")
    wb = load_workbook(template)
    filled_rows = 0
    for ws in wb.worksheets[1:]:
        if ws.sheet_state == "visible":
            for r in range(FIRST_ROW, ws.max_row + 1):
                if ws.cell(r, COL_ID).value and ws.cell(r, 10).value:  # a scale question: level 2 exists
                    ws.cell(r, COL_ANSWER).value = 2
                    filled_rows += 1
    wb.save(tmp_path / "filled.xlsx")
    with AssessmentFile.open_readonly(demo) as af:
        recorded = {a.key: a for a in af.answers()}
    before = counts(demo, capsys)
    assert before["notes"] >= 10 and before["not_applicable"] >= 4
    assert main(["import", str(tmp_path / "filled.xlsx"), "--into", str(demo)]) == 0
    with AssessmentFile.open_readonly(demo) as af:
        now = {a.key: a for a in af.answers()}
    assert all(now[k] == a for k, a in recorded.items())  # every note, N/A with its reason, vote and consensus
    after = counts(demo, capsys)
    assert (after["notes"], after["not_applicable"], after["votes"]) == (
        before["notes"], before["not_applicable"], before["votes"])
    added = [a for k, a in now.items() if k not in recorded]
    assert added and all(a.participant_id == CONSENSUS and a.value == 2 for a in added)  # the anonymous: as today
    assert len(added) + sum(1 for k in recorded if k[2] == CONSENSUS and k[:2] in {a.key[:2] for a in added}) <= filled_rows


def libreoffice_resave(source: Path, out_dir: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    profile = Path("/tmp") / f"lo-prework-{uuid.uuid4().hex}"
    try:
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                        "--outdir", str(out_dir), str(source)], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    result = out_dir / f"{source.stem}.xlsx"
    assert result.exists(), "LibreOffice wrote nothing"
    return result


@pytest.mark.slow
def test_personal_templates_saved_by_libreoffice(small: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "saved"
    saved.mkdir()
    for name, level, role in (("Dana Fischer", 0, "Control owner"), ("Anna Berger", 4, None)):
        filled = fill(personal(small, name, tmp_path / "p.xlsx"), tmp_path / f"{name}.xlsx",
                      {("dr.quality.measured", "Claims triage"): level, "pri.value": "Medium"}, role=role)
        libreoffice_resave(filled, saved)
    capsys.readouterr()
    assert main(["import", str(saved), "--into", str(small)]) == 0
    assert "2 people answered the pre-work: Anna Berger, Dana Fischer" in capsys.readouterr().out
    dana = votes_of(small, "Dana Fischer")
    assert {k: a.value for k, a in dana.items()} == {("dr.quality.measured", "uc-claims"): 0,
                                                     ("pri.value", "uc-claims"): "medium",
                                                     ("pri.value", "uc-formula"): "medium"}
    assert votes_of(small, "Anna Berger")[("dr.quality.measured", "uc-claims")].value == 4
    with AssessmentFile.open_readonly(small) as af:
        assert next(p.role for p in af.participants() if p.name == "Dana Fischer") == "control_owner"
        assert (prework_spread(af)[0].question_id, prework_spread(af)[0].spread) == ("dr.quality.measured", 4.0)


def test_the_scorecard_shows_where_each_vote_and_answer_came_from(small: Path, tmp_path: Path) -> None:
    from readiness_app.excel.scorecard import export_scorecard

    dana = fill(personal(small, "Dana Fischer", tmp_path / "d.xlsx"), tmp_path / "dana-prework.xlsx",
                {"mat.gov.policy": 1})
    assert main(["import", str(dana), "--into", str(small)]) == 0
    other = tmp_path / "breakout.readiness"
    shutil.copyfile(small, other)
    with AssessmentFile.open(other) as bf:
        bf.set_answer(Answer("mat.mon.alerts", ORGANISATION, CONSENSUS, 3, note="breakout"))
    merged = tmp_path / "merged.readiness"
    assert main(["merge", str(small), str(other), "-o", str(merged)]) == 0
    wb = load_workbook(export_scorecard(merged, tmp_path / "scorecard.xlsx"))
    found: dict[tuple[str, str], str] = {}
    for ws in wb.worksheets:
        header = [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]
        if "source" in header and "participant" in header:
            for row in ws.iter_rows(min_row=2, values_only=True):
                found[(str(row[header.index("question_id")]), str(row[header.index("participant")] or ""))] = \
                    str(row[header.index("source")] or "")
    assert found[("mat.gov.policy", "Dana Fischer")].startswith("pre-work: dana-prework.xlsx / ")
    assert found[("mat.mon.alerts", "")] == "merge: side B, breakout.readiness"


def test_prework_stays_hidden_even_where_every_vote_was_shown(small: Path, tmp_path: Path) -> None:
    from readiness_app.scoring.visibility import META_ALL, from_meta

    with AssessmentFile.open(small) as af:
        af.set_meta(META_ALL, "1")  # the facilitator showed every vote while preparing
    dana = fill(personal(small, "Dana Fischer", tmp_path / "d.xlsx"), tmp_path / "dana.xlsx",
                {"mat.gov.policy": 1, ("dr.quality.measured", "Claims triage"): 3})
    assert main(["import", str(dana), "--into", str(small)]) == 0
    with AssessmentFile.open_readonly(small) as af:
        seen = from_meta(af.meta())
    assert not seen.votes_shown("mat.gov.policy", ORGANISATION)  # her pre-work: hidden until revealed
    assert not seen.votes_shown("dr.quality.measured", "uc-claims")
    assert seen.votes_shown("mat.mon.drift", ORGANISATION)  # what the room had seen stays shown
