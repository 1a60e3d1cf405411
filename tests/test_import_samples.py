"""The three real assessment workbooks in ../shared/samples/foreign-workbooks/ import (when present).

Each becomes an imported instrument with all its questions (and its answers where it has any), and
every imported value equals its source cell after the value map: the test reads the same sheets
converted to CSV by LibreOffice and compares them cell by cell. The files are public samples that
are not part of the project; the test is skipped where they are absent.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.excel.importer import plan_import
from readiness_app.excel.mapping import normalise
from readiness_app.store.assessment_file import AssessmentFile

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "foreign-workbooks"
SAMM = "OWASP-samm_SAMM_Assessment_Toolbox_v2.0.xlsx"
CYFUN = "ciso-assistant_backend_core_templates_core_CyFun2025_Self-Assessment_tool_ESSENTIAL_v3.1.xlsx"
CISO = "ciso-assistant_tools_example_questionnaire.xlsx"

pytestmark = pytest.mark.skipif(not SAMPLES.is_dir(), reason="the sample workbooks are not here")


def sheets_as_csv(workbook: Path, tmp: Path) -> dict[str, list[list[str]]]:
    """Every sheet of ``workbook`` as LibreOffice writes it to CSV (UTF-8), by sheet name."""
    out = tmp / "csv"
    out.mkdir()
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/lo-profile", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", str(out), str(workbook)], check=True, capture_output=True, timeout=180)
    sheets = {}
    for f in out.glob("*.csv"):
        name = f.stem[len(workbook.stem) + 1:]
        with f.open(encoding="utf-8", newline="") as fh:
            sheets[name] = list(csv.reader(fh))
    return sheets


def cell(sheets: dict[str, list[list[str]]], sheet: str, row: int, col: int) -> str:
    rows = sheets[sheet]
    return rows[row - 1][col] if row - 1 < len(rows) and col < len(rows[row - 1]) else ""


@pytest.mark.parametrize("name", [SAMM, CYFUN, CISO])
def test_sample_imports_with_out(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "sample.readiness"
    assert main(["import", str(SAMPLES / name), "-o", str(out)]) == 0, capsys.readouterr().err
    assert "wrote" in capsys.readouterr().out
    with AssessmentFile.open_readonly(out) as af:
        imported = [qn for qn in af.library().questionnaires if qn.kind == "imported"]
        assert len(imported) == 1
        questions = len(imported[0].questions)
        answers = len([a for a in af.answers() if a.questionnaire_id == imported[0].id])
    assert (questions, answers) == {SAMM: (90, 0), CYFUN: (436, 436), CISO: (32, 0)}[name]
    assert main(["info", str(out), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    (entry,) = [q for q in info["questionnaires"] if q["kind"] == "imported"]
    assert entry["questions"] == questions and info["counts"]["answers"] == answers


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", [SAMM, CYFUN, CISO])
def test_sample_values_equal_the_source_cells_after_the_value_map(name: str, tmp_path: Path) -> None:
    plan = plan_import(SAMPLES / name)
    sheets = sheets_as_csv(SAMPLES / name, tmp_path)
    (inst,) = plan.instruments
    # every question: one per row with an id (or, without an id column, with a question) in the source
    expected = 0
    for lay in plan.layouts:
        id_col = lay.roles.get("question_id", lay.roles.get("question"))
        rows = sheets[lay.sheet][lay.header_row:]
        ids = [r[id_col] for r in rows if id_col < len(r) and r[id_col].strip()
               and normalise(r[id_col]) not in {normalise(h) for h in lay.headers if h}]
        expected += len(set(ids)) * max(1, len(lay.value_columns))
    assert len(inst.questions) == expected
    # every answer: the option chosen is the source cell, and its value is the value map's
    for pa in plan.answers:
        source = cell(sheets, pa.sheet, pa.row, pa.column)
        q = plan.library.question(pa.answer.question_id)
        option = next(o for o in q.options if o.id == pa.answer.value)
        assert normalise(option.label.en) == normalise(source), (pa.sheet, pa.row, pa.column)
        assert plan.value_map[option.label.en] == option.value
    assert len(plan.answers) == {SAMM: 0, CYFUN: 436, CISO: 0}[name]


def test_samm_plan_keeps_sections_help_and_leaves_computed_columns_out() -> None:
    plan = plan_import(SAMPLES / SAMM)
    (lay,) = plan.layouts
    assert (lay.sheet, lay.layout, lay.header_row) == ("Interview", "long", 17)
    roles = lay.column_roles()
    assert roles["F (Answer)"] == "answer" and roles["J (Rating)"] == "computed (ignored)"
    (inst,) = plan.instruments
    assert [s.title.en for s in inst.sections][:3] == ["Governance", "Policy & Compliance", "Education & Guidance"]
    first = inst.questions[0]
    assert first.text.en == "Do you understand the enterprise-wide risk appetite for your applications ?"
    assert "You capture the risk appetite of your organization's executive leadership" in first.help.en
    assert "G-SM-A-1-1" in first.help.en
    # each question offers SAMM's own answers, weighted by its lookup table (0, 0.25, 0.5, 1 -> 0, 1, 2, 4)
    assert [(o.label.en, o.value) for o in first.options] == [
        ("No", 0.0), ("Yes, it covers general risks", 1.0), ("Yes, it covers organization-specific risks", 2.0),
        ("Yes, it covers risks and opportunities", 4.0)]
    assert len({tuple(o.label.en for o in q.options) for q in inst.questions}) > 20  # an answer set per question
