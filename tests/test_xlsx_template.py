"""The fill-in template: drop-downs and descriptors for the client, and its answers back in."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from readiness_app.cli import main
from readiness_app.excel.importer import apply_into, apply_plan, plan_import
from readiness_app.excel.template import export_template
from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402
from make_fixtures import fill_template  # noqa: E402


@pytest.fixture
def small(tmp_path: Path) -> Path:
    return xlsx_builders.small_assessment(tmp_path / "small.readiness")


def template_of(path: Path, out: Path, lang: str | None = None) -> Path:
    with AssessmentFile.open_readonly(path) as af:
        return export_template(af, out, lang=lang)


def dropdown(ws, lists, coordinate: str) -> list[str]:  # type: ignore[no-untyped-def]
    for dv in ws.data_validations.dataValidation:
        if coordinate in dv.sqref:
            m = re.fullmatch(r"Lists!\$([A-Z]+)\$1:\$[A-Z]+\$(\d+)", dv.formula1)
            assert m, dv.formula1
            return [lists[f"{m.group(1)}{i}"].value for i in range(1, int(m.group(2)) + 1)]
    return []


def test_template_has_a_sheet_per_questionnaire_with_dropdowns_and_descriptors(small: Path, tmp_path: Path) -> None:
    wb = load_workbook(template_of(small, tmp_path / "t.xlsx"))
    assert wb.sheetnames == ["Fill-in template", "Lists", "Prioritization", "Data readiness", "Maturity", "_readiness"]
    assert wb["Lists"].sheet_state == "hidden" and wb["_readiness"].sheet_state == "veryHidden"
    first = wb["Fill-in template"]
    assert first["A8"].value == "Filled in by (your name)" and first["A9"].value == "Your role"
    assert dropdown(first, wb["Lists"], "C9")[:2] == ["Product owner", "Data owner"]
    ws = wb["Maturity"]
    assert [c.value for c in ws[4]] == ["ID", "Section", "Use case", "Question", "Answer", "Note", "Guidance",
                                        "Level 0", "Level 1", "Level 2", "Level 3", "Level 4", "Scope id"]
    row = [c.value for c in ws[5]]
    assert row[:4] == ["mat.mon.drift", "Monitoring", "Organisation", "Is model drift monitored?"]
    assert row[7:12] == ["No", "Ad hoc", "Partly", "Mostly", "Fully"]  # the descriptors beside the question
    assert dropdown(ws, wb["Lists"], "E5") == ["0 – No", "1 – Ad hoc", "2 – Partly", "3 – Mostly", "4 – Fully",
                                               "Not applicable"]
    assert ws.column_dimensions["M"].hidden and ws.freeze_panes == "E5"
    pri = wb["Prioritization"]
    rows = [[c.value for c in r] for r in pri.iter_rows(min_row=5)]
    assert [(r[0], r[2]) for r in rows] == [("pri.value", "Claims triage"), ("pri.data", "Claims triage"),
                                            ("pri.value", '=HYPERLINK("http://example.com")'),
                                            ("pri.data", '=HYPERLINK("http://example.com")')]
    assert pri["C7"].data_type == "s"  # a use-case name that looks like a formula stays text
    assert dropdown(pri, wb["Lists"], "E5") == ["Low", "Medium", "High", "Not applicable"]
    assert pri["H5"].value == "Low\nMedium\nHigh"


def test_german_template(small: Path, tmp_path: Path) -> None:
    wb = load_workbook(template_of(small, tmp_path / "t.xlsx", lang="de"))
    assert wb.sheetnames[0] == "Ausfüllvorlage" and "Reifegrad" in wb.sheetnames
    ws = wb["Reifegrad"]
    assert ws["D5"].value == "Wird Modelldrift überwacht?" and ws["E4"].value == "Antwort"
    assert dropdown(ws, wb["Lists"], "E5")[-1] == "Nicht anwendbar"


def test_filled_template_is_added_to_the_assessment(small: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    template = template_of(small, tmp_path / "t.xlsx")
    filled = tmp_path / "filled.xlsx"
    fill_template(template, filled)  # Dana Fischer, data owner, answers from the drop-downs
    assert main(["import", str(filled), "--into", str(small)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == f"added 6 answers from filled.xlsx to {small}"
    with AssessmentFile.open_readonly(small) as af:
        dana = next(p for p in af.participants() if p.name == "Dana Fischer")
        assert dana.role == "data_owner"
        mine = {a.key[:2]: a for a in af.answers() if a.participant_id == dana.id}
        assert mine[("mat.mon.drift", ORGANISATION)].value == 3
        assert mine[("mat.mon.drift", ORGANISATION)].note == "-checked the dashboard"
        assert mine[("mat.mon.drift", ORGANISATION)].source == "pre-work: filled.xlsx / Maturity / row 5"
        assert mine[("mat.mon.alerts", ORGANISATION)].not_applicable
        assert mine[("mat.mon.kpi", ORGANISATION)].value == 9
        assert mine[("mat.gov.bodies", ORGANISATION)].value == ["board", "committee"]
        assert mine[("pri.value", "uc-claims")].value == "medium"
        assert mine[("dr.quality.measured", "uc-claims")].value == 2
        assert mine[("dr.quality.measured", "uc-claims")].note == "=not a formula"
        assert len(af.answers()) == 20 + 6  # nothing else changed


def test_template_saved_by_libreoffice_imports_into_a_new_file(tmp_path: Path) -> None:
    plan = plan_import(FIXTURES / "lo_template_filled.xlsx")
    assert plan.kind == "template" and not plan.problems
    assert plan.meta["participant"] == "Dana Fischer"
    assert [(a.answer.question_id, a.raw) for a in plan.answers] == [
        ("pri.value", "Medium"), ("dr.quality.measured", "2 – Sometimes"), ("mat.mon.drift", "3 – Mostly"),
        ("mat.mon.alerts", "Not applicable"), ("mat.mon.kpi", "9"), ("mat.gov.bodies", "Board; AI committee")]
    out = apply_plan(plan, tmp_path / "new.readiness")
    with AssessmentFile.open_readonly(out) as af:
        assert [p.name for p in af.participants()] == ["Anna Berger", "Ben Okafor", "@Carla", "Dana Fischer"]
        assert [u.name for u in af.use_cases()] == ["Claims triage", '=HYPERLINK("http://example.com")']
        assert af.engagement().client == "Muster & Söhne AG"
        assert len(af.answers()) == 6


def test_consensus_when_no_name_and_problems_for_changed_ids(small: Path, tmp_path: Path) -> None:
    template = template_of(small, tmp_path / "t.xlsx")
    wb = load_workbook(template)
    ws = wb["Maturity"]
    ws["E5"] = "4 – Fully"
    ws["E6"] = "sometimes maybe"
    ws["A7"] = "mat.renamed"
    ws["E7"] = 3
    wb.save(template)
    plan = plan_import(template)
    (a,) = plan.answers
    assert (a.answer.question_id, a.answer.participant_id, a.answer.value) == ("mat.mon.drift", CONSENSUS, 4)
    assert [p.format(plan.file) for p in plan.errors] == [
        "t.xlsx / Maturity / row 6 / column E (Answer): 'sometimes maybe' is not an answer on the 0-4 scale "
        "(0 No alerts, 1 Alerts, nobody reads them, 2 Read sometimes, 3 Owner acts, 4 Owner acts within a set "
        "time); map it under \"values\" in the profile",
        "t.xlsx / Maturity / row 7 / column A: unknown question id 'mat.renamed' (was the ID column changed?)",
    ]
    with AssessmentFile.open(small) as af:  # the room agreed on 2 with a note: the template does not override it
        assert apply_into(plan, af, allow_problems=True) == 0
        kept = af.answer("mat.mon.drift")
        assert kept is not None and (kept.value, kept.note) == (2, "-agreed after discussion")


def test_a_template_goes_back_only_into_its_own_assessment(small: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    template = template_of(small, tmp_path / "t.xlsx")
    other = xlsx_builders.small_assessment(tmp_path / "other.readiness")  # same content, another assessment
    assert main(["import", str(template), "--into", str(other)]) == 1
    assert capsys.readouterr().err.strip() == ("readiness: t.xlsx: this template was exported from another "
                                               "assessment; import it into the assessment it came from, or into "
                                               "a new file")
    with AssessmentFile.open_readonly(other) as af:
        assert len(af.answers()) == 20  # unchanged


# --------------------------------------------------------------------------- what every reader shows (issue 15)


def test_the_template_reads_right_in_every_reader(tmp_path: Path) -> None:
    from readiness_app.demo import write_demo
    from readiness_app.excel.sheet_format import line_count
    from readiness_app.report.lint import lint_xlsx

    demo = tmp_path / "demo.readiness"
    write_demo(demo)
    with AssessmentFile.open_readonly(demo) as af:
        out = export_template(af, tmp_path / "t.xlsx", author="Kessler & Partner Advisory")
    wb = load_workbook(out)
    assert all(font.name for font in wb._fonts)  # no nameless font: LibreOffice would fall back to a serif
    assert wb.properties.creator == "Kessler & Partner Advisory"
    assert wb.properties.title == "Alpenland Versicherung AG – Fill-in template"
    base = wb["Operating baseline"]
    number_rows = [r for r in range(5, base.max_row + 1) if base.cell(r, 1).value == "base.org.ai_spend"]
    cell = base.cell(number_rows[0], 5).coordinate
    checks = [dv for dv in base.data_validations.dataValidation if cell in dv.sqref]
    assert checks and checks[0].type == "custom" and "ISNUMBER" in checks[0].formula1
    assert '"Not applicable"' in checks[0].formula1 and checks[0].showErrorMessage
    maturity = wb["AI-operations maturity"]
    for row in maturity.iter_rows(min_row=5, max_row=12):
        for c in row:
            if isinstance(c.value, str) and c.alignment.wrap_text:
                lines = line_count(c.value, maturity.column_dimensions[c.column_letter].width)
                assert lines == 1 or (maturity.row_dimensions[c.row].height or 0) >= 15 * lines, c.coordinate
    assert lint_xlsx(out, "en") == []
