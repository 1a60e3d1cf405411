"""Importing prior assessments made elsewhere: the way a user runs it and what they see."""

from __future__ import annotations

import json
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from readiness_app.cli import main
from readiness_app.errors import WorkbookImportError
from readiness_app.excel.importer import (
    apply_plan,
    inspect_workbook,
    plan_import,
    preview_sheet,
    suggest_profile,
)
from readiness_app.excel.mapping import ImportProfile
from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402

LIB = str(xlsx_builders.LIBRARY_DIR)
PRIOR = FIXTURES / "lo_prior_assessment.xlsx"
LONG_SHEET = xlsx_builders.LONG_SHEET


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return xlsx_builders.library()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def workbook(path: Path, rows: list[list[object]], title: str = "Assessment") -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def by_key(af: AssessmentFile) -> dict[tuple[str, str, str], object]:
    return {a.key: a for a in af.answers()}


# --------------------------------------------------------------------------- a workbook saved by LibreOffice


def test_prior_assessment_from_libreoffice_imports_with_a_profile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "prior.readiness"
    code, stdout, err = run(capsys, "import", str(PRIOR), "-o", str(out), "--profile",
                            str(FIXTURES / "profile_prior.json"), "--questionnaires", LIB)
    assert code == 0, err
    assert "wrote" in stdout and "11 answers" in stdout
    with AssessmentFile.open_readonly(out) as af:
        people = {p.name: p for p in af.participants()}
        assert set(people) == {"Anna Berger", "Ben Okafor"}  # Anna's cell is merged over four rows
        ucs = {u.name: u.id for u in af.use_cases()}
        assert set(ucs) == {"Claims triage", "Fraud signals"}
        got = by_key(af)
        anna, ben = people["Anna Berger"].id, people["Ben Okafor"].id
        # numbers from the hidden formula column (cached results) for the text labels
        assert got[("mat.mon.drift", ORGANISATION, anna)].value == 4  # "Yes"
        assert got[("mat.mon.alerts", ORGANISATION, anna)].value == 2  # "Partly"
        assert got[("mat.gov.policy", ORGANISATION, anna)].value == 2  # "Level 2"
        assert got[("mat.mon.kpi", ORGANISATION, anna)].value == 7
        assert got[("mat.mon.drift", ORGANISATION, ben)].value == 0
        assert got[("mat.mon.alerts", ORGANISATION, ben)].not_applicable
        assert got[("pri.value", ucs["Claims triage"], CONSENSUS)].value == "high"
        assert got[("pri.data", ucs["Claims triage"], CONSENSUS)].value == 3
        assert got[("pri.data", ucs["Fraud signals"], CONSENSUS)].not_applicable
        assert got[("pri.value", ucs["Fraud signals"], CONSENSUS)].value == "medium"
        drift = got[("mat.mon.drift", ORGANISATION, anna)]
        assert drift.note == "dashboard exists"  # type: ignore[attr-defined]
        # LibreOffice cut the 42-character sheet name at 31 characters
        assert drift.source == "lo_prior_assessment.xlsx / AI maturity self-assessment – r / row 5"  # type: ignore[attr-defined]
        assert af.engagement().client == "ACME Insurance"


def test_text_labels_give_the_same_answers_as_the_hidden_scores(library) -> None:  # type: ignore[no-untyped-def]
    by_score = plan_import(PRIOR, library, ImportProfile.load(FIXTURES / "profile_prior.json"))
    # no profile: the full sheet name finds the cut one; headers are recognised; Answer holds the labels
    by_label = plan_import(PRIOR, library, sheet=LONG_SHEET)
    assert by_label.profile is not None and by_label.profile.columns["answer"] == "Answer"
    assert [(a.answer.question_id, a.answer.value, a.answer.not_applicable) for a in by_label.answers] == \
        [(a.answer.question_id, a.answer.value, a.answer.not_applicable) for a in by_score.answers]
    assert [a.raw for a in by_label.answers][:3] == ["Yes", "Partly", "Level 2"]
    # the profile reads the labels and takes their numbers from the hidden formula column
    assert [a.raw for a in by_score.answers][:4] == ["Yes = 4", "Partly = 2", "Level 2 = 2", "7 = 7"]
    assert [a.raw for a in by_score.answers][9] == "Not applicable"
    assert not by_label.errors
    assert any("repeated header" in p.reason for p in by_label.problems)


def test_wizard_api_lists_sheets_previews_and_suggests_a_mapping() -> None:
    info = inspect_workbook(PRIOR)
    assert info.kind == "foreign"
    assert [(s.name, s.state) for s in info.sheets] == [
        ("Read me", "visible"), ("AI maturity self-assessment – r", "visible"), ("Lookup", "hidden")]
    pv = preview_sheet(PRIOR, "AI maturity self-assessment – r")
    assert pv.header_row == 4  # below the title row and the date row
    assert pv.headers[:5] == ("Ref", "Question", "Participant", "Use case", "Answer")
    assert pv.columns["answer"] == 4 and pv.columns["question_id"] == 0 and pv.columns["note"] == 6
    assert pv.rows[1][1][1] == "2024-05-14"  # the date cell, as the user sees it
    profile = suggest_profile(PRIOR)
    assert profile.sheets == ["AI maturity self-assessment – r"] and profile.header_row == 4


def test_save_profile_then_reuse_it_for_the_next_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    saved = tmp_path / "mapping.json"
    code, stdout, _ = run(capsys, "import", str(PRIOR), "--sheet", LONG_SHEET, "--questionnaires", LIB,
                          "--dry-run", "--save-profile", str(saved))
    assert code == 0
    assert "pri.value = high ('High'; consensus / Claims triage)" in stdout
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["format"] == "readiness-import-profile/1"
    assert data["header_row"] == 4 and data["columns"]["participant"] == "Participant"
    out = tmp_path / "next.readiness"
    code, _, err = run(capsys, "import", str(PRIOR), "-o", str(out), "--profile", str(saved), "--questionnaires", LIB)
    assert code == 0, err
    with AssessmentFile.open_readonly(out) as af:
        assert len(af.answers()) == 11


# --------------------------------------------------------------------------- mapping values and questions


def test_scales_labels_and_not_applicable_map_onto_our_answers(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "scales.xlsx", [
        ["Maturity survey (scale 1-5)"],
        [],
        ["Question ID", "Rating (1-5)", "Remarks", "Name"],
        ["mat.mon.drift", 5, "", "Anna"],
        ["mat.mon.alerts", "4", "number stored as text", "Anna"],
        ["mat.gov.policy", "n/a", "", "Anna"],
        ["mat.mon.drift", "Teilweise", "German label", "Ben"],
        ["mat.mon.alerts", "Level 3", "", "Ben"],
        ["mat.gov.policy", "Largely done", "profile value", "Ben"],
        ["mat.mon.kpi", "1.234,5", "", "Ben"],
        ["mat.gov.bodies", "Board, Works council", "", "Ben"],
        ["mat.mon.drift", "50%", "", "Consensus"],
        ["mat.mon.alerts", 2.5, "", "Consensus"],
    ])
    plan = plan_import(path, library, ImportProfile(values={"Largely done": 3}))
    got = {(a.answer.question_id, a.participant): a.answer for a in plan.answers}
    assert got[("mat.mon.drift", "Anna")].value == 4  # 5 on 1-5
    assert got[("mat.mon.alerts", "Anna")].value == 3  # "4" on 1-5
    assert got[("mat.gov.policy", "Anna")].not_applicable
    assert got[("mat.mon.drift", "Ben")].value == 2  # Teilweise
    assert got[("mat.mon.alerts", "Ben")].value == 2  # Level 3 on 1-5
    assert got[("mat.gov.policy", "Ben")].value == 3  # from the profile
    assert got[("mat.mon.kpi", "Ben")].value == 1234.5  # a number question is not rescaled
    assert got[("mat.gov.bodies", "Ben")].value == ["board", "works_council"]
    assert got[("mat.mon.drift", "")].value == 2 and got[("mat.mon.drift", "")].participant_id == CONSENSUS
    assert got[("mat.mon.alerts", "")].value == 2  # 2.5 on 1-5 is 1.5: rounded half up, with a warning
    assert [p.format() for p in plan.warnings] == [
        "Assessment / row 13 / column B (Rating (1-5)): 2.5 on a 1-5 scale is 1.50 on our 0-4 scale; rounded to 2"]
    assert any("1-5 scale" in p.reason for p in plan.problems)


def test_similar_question_text_is_matched_with_a_confidence(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "texts.xlsx", [
        ["Question", "Answer"],
        ["Is the model drift monitored?", "Yes"],
        ["Is there a written policy for AI usage in the company?", "No"],
        ["Something else entirely", "Yes"],
    ])
    plan = plan_import(path, library)
    drift, policy, other = plan.answers  # two of three are not ours: they are kept as an imported instrument
    assert drift.answer.question_id == "mat.mon.drift" and drift.match == "similar text"
    assert 0.85 <= drift.confidence < 1
    assert "[similar text 9" in plan.preview_lines()[0]
    (instrument,) = plan.instruments
    assert [q.text.en for q in instrument.questions] == ["Is there a written policy for AI usage in the company?",
                                                         "Something else entirely"]
    assert (policy.answer.question_id, other.answer.question_id) == tuple(q.id for q in instrument.questions)
    assert plan.errors == [] and plan.warnings == []  # 62% alike: too far to suggest (a warning starts at 70%)
    accepted = plan_import(path, library, ImportProfile(
        questions={"Is there a written policy for AI usage in the company?": "mat.gov.policy"}))
    assert {a.answer.question_id for a in accepted.answers} == {"mat.mon.drift", "mat.gov.policy"}


def test_row_problems_name_sheet_row_and_column(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "problems.xlsx", [
        ["ID", "Answer", "Use case"],
        ["pri.value", "High", ""],  # per use case, but no use case
        ["pri.value", "Enormous", "Claims"],
        ["mat.mon.drift", 3, ""],
        ["mat.mon.drift", 2, ""],  # the same answer twice
        ["mat.mon.kpi", "many", ""],
    ], title="Survey ")
    plan = plan_import(path, library)
    lines = [p.format(plan.file) for p in plan.errors]
    assert lines == [
        "problems.xlsx / Survey  / row 2: pri.value is asked per use case, but the row names no use case "
        "(map a use-case column or set default_use_case)",
        "problems.xlsx / Survey  / row 3 / column B (Answer): 'Enormous' is not one of the options (Low, Medium, High)",
        "problems.xlsx / Survey  / row 5: mat.mon.drift is answered already (Survey  / row 4) for the consensus; "
        "this row is skipped",
        "problems.xlsx / Survey  / row 6 / column B (Answer): 'many' is not a number",
    ]


# --------------------------------------------------------------------------- other writers


def test_excel_style_workbook_with_shared_and_inline_strings(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = xlsx_builders.excel_style_workbook(tmp_path / "excel.xlsx")
    plan = plan_import(path, library, sheet="assessment")  # the sheet is called "Assessment " (trailing space)
    got = {a.answer.question_id: a for a in plan.answers}
    assert got["mat.mon.drift"].answer.value == 4 and got["mat.mon.drift"].answer.note == "spaced note"
    assert got["mat.mon.alerts"].answer.value == 2  # a formula's cached text result
    assert got["mat.gov.policy"].answer.value == 3
    assert got["mat.mon.kpi"].answer.value == 1.5  # "1,5"
    assert got["pri.value"].answer.value == "high" and got["pri.value"].use_case == "Claims"  # "Hoch"
    (err,) = plan.errors
    assert err.format(plan.file) == ("excel.xlsx / Assessment  / row 9 / column C (Answer): the cell shows the error "
                                     "#DIV/0!; fix the formula or type the answer")


def test_apply_writes_a_new_file_with_provenance(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "ok.xlsx", [["ID", "Answer", "Note"], ["mat.mon.drift", 3, "-5 since May"]])
    plan = plan_import(path, library)
    out = apply_plan(plan, tmp_path / "ok.readiness")
    with AssessmentFile.open_readonly(out) as af:
        (a,) = af.answers()
        assert (a.value, a.note, a.source) == (3, "-5 since May", "ok.xlsx / Assessment / row 2")
        assert a.questionnaire_id == "maturity" and a.questionnaire_version == "1.0"
        assert af.engagement().title == "Imported from ok.xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.readiness", "ok.xlsx"]
    with pytest.raises(WorkbookImportError, match="exists already"):
        apply_plan(plan, out)


def test_a_failed_import_leaves_no_file(tmp_path: Path, library, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "ok.xlsx", [["ID", "Answer"], ["mat.mon.drift", 3]])
    plan = plan_import(path, library)

    def boom(self, answers, action="import"):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(AssessmentFile, "set_answers", boom)
    with pytest.raises(OSError, match="No space"):
        apply_plan(plan, tmp_path / "out.readiness")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.xlsx"]


def test_cli_refuses_rows_with_problems_unless_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workbook(tmp_path / "mixed.xlsx", [["ID", "Answer"], ["mat.mon.drift", 3], ["mat.nope", 1]])
    out = tmp_path / "mixed.readiness"
    code, stdout, err = run(capsys, "import", str(path), "-o", str(out), "--questionnaires", LIB)
    assert code == 1 and stdout == ""
    assert err.splitlines() == ["readiness: mixed.xlsx / Assessment / row 3: no question matches 'mat.nope'; "
                                "nothing was written (--dry-run lists every problem, --skip-bad-rows imports the rest)"]
    assert not out.exists()
    code, stdout, err = run(capsys, "import", str(path), "-o", str(out), "--questionnaires", LIB, "--skip-bad-rows")
    assert code == 0 and "1 answers" in stdout
    code, _, err = run(capsys, "import", str(path), "--questionnaires", LIB)
    assert code == 2 and "say where to write" in err


def test_bad_profile_is_reported_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profile = tmp_path / "p.json"
    profile.write_text(json.dumps({"columns": {"answr": "B"}, "scale": "five"}), encoding="utf-8")
    code, _, err = run(capsys, "import", str(PRIOR), "--profile", str(profile), "--dry-run")
    assert code == 1
    assert err.strip() == (f"readiness: {profile}: columns.answr: unknown role (roles: question_id, question, answer, "
                           "answer_value, note, participant, role, use_case, scope); scale: 'five' is not a range like '1-5', "
                           "'percent' or 'auto'")


def test_merged_notes_and_answers_belong_to_their_first_row(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import Workbook as Wb

    wb = Wb()
    ws = wb.active
    ws.title = "Interview"
    ws.append(["ID", "Question", "Answer", "Notes", "Interviewee"])
    ws.append(["mat.mon.drift", "Is model drift monitored?", "Yes", "one note for the question", "Anna"])
    ws.append([None, "guidance: look at the dashboard", None, None, None])
    ws.append(["mat.mon.alerts", "Do alerts reach an owner?", "No", None, None])
    ws.merge_cells("D2:D3")  # the note spans the question and its guidance row
    ws.merge_cells("E2:E4")  # Anna answered both
    wb.save(tmp_path / "merged.xlsx")
    plan = plan_import(tmp_path / "merged.xlsx", library)
    assert not plan.problems or all(p.severity != "error" for p in plan.problems)
    assert [(a.answer.question_id, a.answer.note, a.participant) for a in plan.answers] == [
        ("mat.mon.drift", "one note for the question", "Anna"), ("mat.mon.alerts", "", "Anna")]


def test_dates_and_title_rows(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = workbook(tmp_path / "dated.xlsx", [
        ["Workshop results", None, None],
        ["Exported", datetime(2024, 1, 31), None],
        [],
        ["Frage-ID", "Antwort", "Bemerkung"],
        ["mat.gov.comment", datetime(2024, 2, 1), datetime(2024, 2, 2)],
    ])
    plan = plan_import(path, library)
    (a,) = plan.answers
    assert (a.answer.value, a.answer.note, a.row) == ("2024-02-01", "2024-02-02", 5)
    assert plan.engagement.language == "de"


def test_modules_load_without_openpyxl() -> None:
    """The window opens fast: importing the Excel modules does not import openpyxl (only using them does)."""
    import subprocess

    code = ("import sys, readiness_app.excel.importer, readiness_app.excel.scorecard, readiness_app.excel.template, "
            "readiness_app.excel.mapping; print('openpyxl' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
