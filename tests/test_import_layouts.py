"""Earlier assessments in any layout and format land in the workshop: what a user runs and what they see.

The workbooks in tests/fixtures/import/ were written by LibreOffice (see make_import_fixtures.py):
German headers and labels, title rows, merged section rows, a hidden formula column, sections over
two sheets, one row per use case, one column per participant, a checklist without answers.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.errors import WorkbookImportError
from readiness_app.excel.importer import apply_plan, find_profile, plan_import, profile_matches
from readiness_app.excel.mapping import ImportProfile
from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
FORMATS = ("xlsx", "ods", "xls", "csv")
DRY_RUN_KEYS = ["layout", "sheets", "instruments", "answers", "participants", "use_cases", "value_map", "problems"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def answers_by_text(plan):  # type: ignore[no-untyped-def]
    """{(question text, participant, use case): (option label or None, not applicable)} of a plan."""
    out = {}
    for pa in plan.answers:
        q = plan.library.question(pa.answer.question_id)
        label = None
        if pa.answer.value is not None:
            label = next(o.label.en for o in q.options if o.id == pa.answer.value)
        out[(q.text.en, pa.participant, pa.use_case)] = (label, pa.answer.not_applicable)
    return out


# --------------------------------------------------------------------------- long layout


@pytest.mark.parametrize("fmt", FORMATS)
def test_long_layout_with_title_rows_sections_and_text_labels(fmt: str) -> None:
    plan = plan_import(FIXTURES / f"lang.{fmt}")
    assert plan.errors == []
    assert plan.layouts[0].layout == "long" and plan.layouts[0].header_row == 4
    (inst,) = plan.instruments
    assert inst.kind == "imported" and inst.title.en == "Reifegrad-Selbstbewertung KI 2025"
    sections = [s.title.en for s in inst.sections]
    assert sections[:2] == ["Governance", "Betrieb"]  # merged section rows, not questions
    got = answers_by_text(plan)
    assert got[("Gibt es eine schriftliche KI-Richtlinie?", "", "")] == ("Ja", False)
    assert got[("Werden KI-Risiken regelmäßig bewertet?", "", "")] == ("Stufe 2", False)
    values = {o.label.en: o.value for o in inst.questions[0].options}
    # the value map: words, levels and percentages on our 0-4 scale
    assert values == {"Nein": 0.0, "Teilweise": 2.0, "Stufe 2": 2.0, "3 - Definiert": 3.0, "75%": 3.0, "Ja": 4.0}
    assert plan.value_map["Ja"] == 4.0 and plan.value_map["75%"] == 3.0
    first = next(pa for pa in plan.answers if pa.row == 6)
    assert first.answer.note == "laut Workshop"
    assert first.answer.source == f"lang.{fmt} / {first.sheet} / row 6"
    if fmt == "csv":  # a CSV holds one sheet
        assert len(inst.questions) == 6
        return
    assert sections == ["Governance", "Betrieb", "Daten"]  # the second sheet is a section too
    assert len(inst.questions) == 9
    assert got[("Gibt es Datenqualitätsregeln?", "", "")] == (None, True)  # "n/a"
    if fmt != "xls":  # python-calamine reads a text formula result in an Excel 97-2003 file as 0 (user guide)
        assert got[("Ist der Zugriff auf Daten geregelt?", "", "")] == ("Ja", False)  # a formula's saved result
    if fmt == "xlsx":
        assert plan.layouts[0].column_roles()["D (Punkte (verborgen))"] == "computed (ignored)"


def test_the_same_answers_from_every_format() -> None:
    seen = {fmt: answers_by_text(plan_import(FIXTURES / f"nach_teilnehmer.{fmt}")) for fmt in FORMATS}
    assert seen["ods"] == seen["xlsx"] == seen["xls"] == seen["csv"]
    seen = {f: answers_by_text(plan_import(FIXTURES / f)) for f in (
        "nach_anwendungsfall.xlsx", "nach_anwendungsfall.ods", "nach_anwendungsfall.xls", "nach_anwendungsfall.csv",
        "nach_anwendungsfall_komma.csv", "nach_anwendungsfall.tsv")}
    assert len({json.dumps(sorted(v.items())) for v in seen.values()}) == 1


def test_csv_in_windows_1252_with_a_decimal_comma() -> None:
    plan = plan_import(FIXTURES / "nach_anwendungsfall_cp1252.csv")
    got = answers_by_text(plan)
    assert got[("Geschäftlicher Nutzen (1-5)", "", "Schadenprüfung")] == ("4.5", False)  # "4,5"
    q = next(q for q in plan.instruments[0].questions if q.text.en == "Geschäftlicher Nutzen (1-5)")
    assert {o.label.en: o.value for o in q.options}["4.5"] == 3.5  # 4.5 on 1-5 is 3.5 on 0-4


# --------------------------------------------------------------------------- wide layouts


@pytest.mark.parametrize("fmt", FORMATS)
def test_by_subject_one_row_per_use_case(fmt: str) -> None:
    plan = plan_import(FIXTURES / f"nach_anwendungsfall.{fmt}")
    assert [lay.layout for lay in plan.layouts] == ["by-subject"]
    assert [u.name for u in plan.use_cases] == ["Schadenprüfung", "Betrugserkennung", "Kundenservice-Assistent"]
    assert plan.participants == []
    (inst,) = plan.instruments
    assert [q.text.en for q in inst.questions] == ["Geschäftlicher Nutzen (1-5)", "Machbarkeit (1-5)",
                                                   "Datenverfügbarkeit", "Risiko"]
    assert all(q.scope == "use_case" for q in inst.questions)
    nutzen = {o.label.en: o.value for o in inst.questions[0].options}
    assert nutzen == {"1": 0.0, "2": 1.0, "3": 2.0, "4": 3.0, "5": 4.0}  # every step of the 1-5 scale is offered
    got = answers_by_text(plan)
    assert got[("Datenverfügbarkeit", "", "Betrugserkennung")] == ("Ja", False)
    assert len(plan.answers) == 12
    note = next(pa for pa in plan.answers if pa.use_case == "Kundenservice-Assistent").answer.note
    assert note == "=Vertrieb prüft"  # text starting with "=" stays text


@pytest.mark.parametrize("fmt", FORMATS)
def test_by_participant_columns_become_hidden_votes(fmt: str) -> None:
    plan = plan_import(FIXTURES / f"nach_teilnehmer.{fmt}")
    assert [lay.layout for lay in plan.layouts] == ["by-participant"]
    assert [p.name for p in plan.participants] == ["Anna Berger", "Ben Okafor", "Clara Weiß"]
    assert all(not pa.answer.is_consensus for pa in plan.answers)
    assert len(plan.answers) == 10  # "k. A." (no answer) and the empty cell are left out
    got = answers_by_text(plan)
    assert got[("Wie reif ist die Datenplattform?", "Ben Okafor", "")] == ("2", False)


def test_layout_can_be_switched(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # the participant workbook read as one row per answer: the first answer column is the answer
    plan = plan_import(FIXTURES / "nach_teilnehmer.xlsx", layout="long")
    assert [lay.layout for lay in plan.layouts] == ["long"]
    code, out, err = run(capsys, "import", str(FIXTURES / "nach_teilnehmer.xlsx"), "--dry-run", "--json",
                         "--layout", "long")
    assert code == 0, err
    assert json.loads(out)["layout"] == "long"
    with pytest.raises(SystemExit) as usage:
        main(["import", str(FIXTURES / "nach_teilnehmer.xlsx"), "--layout", "sideways", "--dry-run"])
    assert usage.value.code == 2 and "invalid choice: 'sideways'" in capsys.readouterr().err


# --------------------------------------------------------------------------- questionnaires without answers


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_checklist_without_answers_becomes_an_instrument(fmt: str, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "checkliste.readiness"
    code, stdout, err = run(capsys, "import", str(FIXTURES / f"checkliste.{fmt}"), "-o", str(out))
    assert code == 0, err
    assert "0 answers" in stdout
    with AssessmentFile.open(out) as af:
        qn = af.library().questionnaire("imp.checkliste")
        assert qn is not None and qn.kind == "imported" and len(qn.questions) == 4
        q = qn.questions[0]
        assert q.text.en == "Die Organisation führt ein Verzeichnis aller KI-Systeme."
        assert "Imported from checkliste" in q.help.en and "ANF-01" in q.help.en
        if fmt == "xlsx":  # the drop-down list of the status column are the answers offered
            assert [(o.label.en, o.value) for o in q.options] == [
                ("Nicht erfüllt", 0.0), ("Teilweise erfüllt", 2.0), ("Erfüllt", 4.0)]
        else:  # none readable: the generic levels in the workbook's language
            assert q.options[0].label.en == "0 - Nicht vorhanden"
        # the workshop answers it from scratch, like our own questions
        from readiness_app.model import Answer

        af.set_answer(Answer(q.id, ORGANISATION, CONSENSUS, q.options[-1].id))
    code, stdout, err = run(capsys, "info", str(out), "--json")
    info = json.loads(stdout)
    (imported,) = [q for q in info["questionnaires"] if q["kind"] == "imported"]
    assert (imported["questions"], imported["pairs"], imported["answered"]) == (4, 4, 1)
    assert info["counts"]["answers"] == 1


# --------------------------------------------------------------------------- the plan as JSON, profiles


def test_dry_run_json_has_exactly_the_documented_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "import", str(FIXTURES / "lang.xlsx"), "--dry-run", "--json")
    assert code == 0, err
    plan = json.loads(out)
    assert list(plan) == DRY_RUN_KEYS
    assert plan["layout"] == "long" and plan["answers"] == 9
    assert plan["sheets"][0] == {"name": "Bewertung", "layout": "long", "header_row": 4, "columns": {
        "A (Nr.)": "question_id", "B (Frage)": "question", "C (Antwort)": "answer",
        "D (Punkte (verborgen))": "computed (ignored)", "E (Bemerkung)": "note"}}
    (inst,) = plan["instruments"]
    assert (inst["id"], inst["title"], inst["questions"], inst["kind"], inst["created"]) == (
        "imp.lang", "Reifegrad-Selbstbewertung KI 2025", 9, "imported", True)
    assert plan["participants"] == [] and plan["use_cases"] == []
    assert plan["value_map"]["Teilweise"] == 2.0 and plan["value_map"]["n/a"] == "n/a"
    assert any("imported instrument" in p["reason"] for p in plan["problems"])


def test_saved_profile_recognises_the_next_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    saved = profiles / "umfrage.json"
    code, _out, err = run(capsys, "import", str(FIXTURES / "nach_teilnehmer.xlsx"), "--dry-run",
                          "--save-profile", str(saved))
    assert code == 0, err
    profile = ImportProfile.load(saved)
    assert profile.layout == "by-participant" and profile.signature == [
        "Umfrage: Kennung | Frage | Anna Berger | Ben Okafor | Clara Weiß"]
    assert profile_matches(FIXTURES / "nach_teilnehmer.ods", profile)  # same sheets and headers, other format
    assert profile_matches(FIXTURES / "nach_teilnehmer.csv", profile)  # a CSV's sheet is named after the file
    assert not profile_matches(FIXTURES / "lang.xlsx", profile)
    (profiles / "broken.json").write_text("{", encoding="utf-8")  # not a profile: recognises nothing
    assert find_profile(FIXTURES / "nach_teilnehmer.xls", profiles) == (saved, profile)
    out = tmp_path / "umfrage.readiness"
    code, stdout, err = run(capsys, "import", str(FIXTURES / "nach_teilnehmer.xls"), "--profile", str(profiles),
                            "-o", str(out))
    assert code == 0, err
    assert "using profile umfrage.json" in err and "10 answers" in stdout
    code, _out, err = run(capsys, "import", str(FIXTURES / "lang.xlsx"), "--profile", str(profiles), "--dry-run")
    assert code == 1 and "no saved profile in this folder fits" in err


# --------------------------------------------------------------------------- written and read back


def test_imported_instrument_is_embedded_and_answers_keep_their_provenance(tmp_path: Path,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "prio.readiness"
    plan = plan_import(FIXTURES / "nach_anwendungsfall.ods")
    apply_plan(plan, out)
    with AssessmentFile.open_readonly(out) as af:
        rows = {r["id"]: r for r in af.instruments()}
        assert rows["imp.nach-anwendungsfall"]["kind"] == "imported"
        qn = af.library().questionnaire("imp.nach-anwendungsfall")
        assert qn is not None and qn.source == plan.instruments[0].source  # the TOML text, embedded
        ucs = {u.id: u.name for u in af.use_cases()}
        answers = af.answers()
        assert len(answers) == 12
        a = next(a for a in answers if ucs[a.scope] == "Schadenprüfung" and a.question_id.endswith("risiko"))
        assert (a.value, a.source, a.questionnaire_id) == ("niedrig", "nach_anwendungsfall.ods / Priorisierung / row 4",
                                                           "imp.nach-anwendungsfall")
    code, stdout, _err = run(capsys, "info", str(out), "--json")
    info = json.loads(stdout)
    (imported,) = [q for q in info["questionnaires"] if q["kind"] == "imported"]
    assert (imported["questions"], imported["pairs"], imported["answered"]) == (4, 12, 12)
    assert info["counts"]["answers"] == 12
    code, stdout, _err = run(capsys, "validate", str(out))
    assert code == 0


def test_import_into_an_open_assessment_adds_the_instrument(tmp_path: Path, mini_demo_file: Path) -> None:
    from readiness_app.excel.importer import apply_into

    with AssessmentFile.open(mini_demo_file) as af:
        before = len(af.answers())
        plan = plan_import(FIXTURES / "nach_teilnehmer.csv", af.library())
        assert apply_into(plan, af) == 10
        assert af.library().questionnaire("imp.nach-teilnehmer") is not None
        assert len(af.answers()) == before + 10
        assert any(e.entity == "instrument" and e.action == "add" for e in af.changelog())


def test_crosswalk_counts_a_foreign_question_or_section_on_ours(tmp_path: Path) -> None:
    """A foreign question (by its id) or a whole section mapped onto one of our questions also counts there."""
    profile = ImportProfile(crosswalk={"G-1": "mat.gov.pilot_approval", "Betrieb": "mat.mon.manual_checks"})
    plan = plan_import(FIXTURES / "lang.xlsx", profile=profile)
    ours = {pa.answer.question_id: pa for pa in plan.answers if pa.match == "crosswalk"}
    assert set(ours) == {"mat.gov.pilot_approval", "mat.mon.manual_checks"}
    policy = ours["mat.gov.pilot_approval"]
    assert policy.answer.value == 4  # "Ja" = 4 on the imported instrument, a 0-4 scale question of ours
    assert policy.answer.note == "laut Workshop\nFrom the imported instrument 'Reifegrad-Selbstbewertung KI 2025': " \
                                 "Gibt es eine schriftliche KI-Richtlinie? = Ja"
    assert policy.answer.source == "lang.xlsx / Bewertung / row 6 (crosswalk from imp.lang.g-1)"
    # the section "Betrieb" holds three questions: the first answer counts, the later ones are reported
    assert ours["mat.mon.manual_checks"].answer.value == 3  # "3 - Definiert"
    skipped = [p for p in plan.warnings if "crosswalk" in p.reason]
    assert [p.row for p in skipped] == [11, 12]
    out = apply_plan(plan, tmp_path / "walk.readiness")
    with AssessmentFile.open_readonly(out) as af:
        got = {a.question_id: a for a in af.answers()}
        assert got["mat.gov.pilot_approval"].value == 4 and got["imp.lang.g-1"].value == "ja"  # counted in both places
    with pytest.raises(WorkbookImportError) as bad:
        ImportProfile.from_json('{"crosswalk": {"G-1": 3}}', "walk.json")
    assert bad.value.one_line() == "walk.json: crosswalk: an object of their question id, text or section -> our question id"


def test_the_instrument_title_can_be_given(tmp_path: Path) -> None:
    plan = plan_import(FIXTURES / "checkliste.ods", profile=ImportProfile(instrument_title="Governance-Check 2025"))
    assert plan.instruments[0].title.en == "Governance-Check 2025"
    renamed = plan.with_instrument_title(" Governance-Check 2026 ")
    assert renamed.instruments[0].title.en == "Governance-Check 2026"
    assert renamed.library.questionnaire("imp.checkliste").title.de == "Governance-Check 2026"  # type: ignore[union-attr]
    assert [q.id for q in renamed.instruments[0].questions] == [q.id for q in plan.instruments[0].questions]
    assert plan.with_instrument_title("Governance-Check 2025") is plan


def test_drop_downs_from_a_named_lookup_table_give_each_question_its_options(tmp_path: Path) -> None:
    """A drop-down naming a range (a defined name over a hidden lookup table of label and weight)."""
    from openpyxl import Workbook
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.worksheet.datavalidation import DataValidation

    wb = Workbook()
    ws = wb.active
    ws.title = "Interview"
    ws.append(["ID", "Question", "Answer"])
    ws.append(["Q-1", "Do you review the plan every year?", None])
    ws.append(["Q-2", "Do you track metrics for each team?", "Yes, for most teams"])
    lookups = wb.create_sheet("Lookups")
    lookups.sheet_state = "hidden"
    for row in (["No", 0], ["Yes, ad hoc", 0.25], ["Yes, yearly", 1], [None, None], ["No", 0],
                ["Yes, for some teams", 0.5], ["Yes, for most teams", 1]):
        lookups.append(row)
    wb.defined_names["AnsA"] = DefinedName("AnsA", attr_text="Lookups!$A$1:$A$3")
    for cell, ref in (("C2", "AnsA"), ("C3", "Lookups!$A$5:$A$7")):
        dv = DataValidation(type="list", formula1=ref)
        ws.add_data_validation(dv)
        dv.add(cell)
    path = tmp_path / "named.xlsx"
    wb.save(path)
    plan = plan_import(path)
    q1, q2 = plan.instruments[0].questions
    assert [(o.label.en, o.value) for o in q1.options] == [("No", 0.0), ("Yes, ad hoc", 1.0), ("Yes, yearly", 4.0)]
    assert [(o.label.en, o.value) for o in q2.options] == [("No", 0.0), ("Yes, for some teams", 2.0),
                                                          ("Yes, for most teams", 4.0)]
    (answer,) = plan.answers
    assert answer.answer.value == q2.options[-1].id and plan.value_map == {"Yes, for most teams": 4.0}
