"""The Excel scorecard: what the client sees in the cells, and the exact round trip back."""

from __future__ import annotations

import sys
import zipfile
from dataclasses import asdict
from pathlib import Path

import pytest
from openpyxl import load_workbook

from readiness_app.cli import main
from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.excel.scorecard import RESPONSE_COLUMNS, export_scorecard
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return xlsx_builders.small_assessment(tmp_path_factory.mktemp("small") / "small.readiness")


@pytest.fixture(scope="module")
def scorecard(small: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_scorecard(small, tmp_path_factory.mktemp("sc") / "scorecard.xlsx")


def snapshot(path: Path) -> dict[str, object]:
    """Everything the round trip must keep (roadmap edits without their storage ids)."""
    with AssessmentFile.open_readonly(path) as af:
        return {
            "engagement": af.engagement(),
            "participants": af.participants(),
            "use_cases": af.use_cases(),
            "answers": sorted(af.answers(), key=lambda a: a.key),
            "targets": af.targets(),
            "roadmap": [(e.item_key, e.op, e.payload, e.author, e.at) for e in af.roadmap_edits()],
            "questionnaires": [(i["id"], i["version"], i["sha256"]) for i in af.instruments()],
        }


def test_sheets_and_summary(scorecard: Path) -> None:
    wb = load_workbook(scorecard)
    assert wb.sheetnames == ["Summary", "Use-case priorities", "Data readiness", "Maturity", "Roadmap",
                             "AI Act & standards", "Responses", "About", "_readiness"]
    assert wb["_readiness"].sheet_state == "veryHidden"
    ws = wb["Summary"]
    assert ws["A1"].value == "AI readiness scorecard: Muster & Söhne AG"
    labels = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(4, 12)}
    assert labels["Client"] == "Muster & Söhne AG"
    assert labels["Dates"] == "2025-03-11 – 2025-03-12"
    assert labels["Facilitator"] == "Dr. Eva Beispiel, Beispiel Consulting"
    assert labels["Overall maturity level"].startswith(("1 – ", "2 – ", "3 – ", "4 – "))
    assert labels["First production lane"] in ("Claims triage", '=HYPERLINK("http://example.com")',
                                               "No use case is ready yet") or "(" in labels["First production lane"]
    column_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    assert "Top risks" in column_a and "Completeness" in column_a
    with zipfile.ZipFile(scorecard) as zf:  # native Excel charts
        assert len([n for n in zf.namelist() if n.startswith("xl/charts/chart")]) == 2
    assert "RS Header" in wb.named_styles and "RS Title" in wb.named_styles


def test_priorities_are_ranked_with_colour_scales(scorecard: Path) -> None:
    ws = load_workbook(scorecard)["Use-case priorities"]
    assert [c.value for c in ws[3]][:4] == ["Rank", "Use case", "Stage", "Priority"]
    assert [ws.cell(r, 1).value for r in (4, 5)] == [1, 2]
    names = {ws.cell(r, 2).value for r in (4, 5)}
    assert names == {"Claims triage", '=HYPERLINK("http://example.com")'}
    assert all(ws.cell(r, 2).data_type == "s" for r in (4, 5))  # a name that looks like a formula stays text
    ranges = {str(cf.sqref) for cf in ws.conditional_formatting}
    assert {"D4:D5", "E4:E5", "H4:H5"} <= ranges
    assert ws.freeze_panes == "C4"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


def test_data_readiness_heatmap_and_blockers(scorecard: Path) -> None:
    ws = load_workbook(scorecard)["Data readiness"]
    assert ws["B3"].value == "Is data quality measured? *"  # critical
    assert ws["B4"].value == "dr.quality.measured"
    rows = {ws.cell(r, 1).value: ws.cell(r, 2).value for r in (5, 6)}
    assert rows["Claims triage"] == 1 and rows['=HYPERLINK("http://example.com")'] == 3
    column_a = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
    heading = column_a.index("Blockers") + 1
    # one readiness question here: the question text needs no span, value and threshold follow it
    assert [ws.cell(heading + 1, c).value for c in (1, 2, 3, 4)] == ["Use case", "Question", "Value", "Threshold"]
    assert [ws.cell(heading + 2, c).value for c in (1, 2, 3, 4)] == ["Claims triage", "Is data quality measured?", 1, 2]
    assert any(str(cf.sqref) == "B5:B6" for cf in ws.conditional_formatting)


def test_maturity_and_roadmap(scorecard: Path) -> None:
    wb = load_workbook(scorecard)
    ws = wb["Maturity"]
    header = [c.value for c in ws[3]]
    assert header[:6] == ["Dimension", "Score (1-4)", "Level", "Level name", "Target", "Gap"]
    rows = {ws.cell(r, 1).value: [ws.cell(r, c).value for c in range(2, 12)] for r in (4, 5)}
    assert rows["Runtime monitoring"][3] == 3 and rows["Governance"][3] == 2  # the targets set
    rm = wb["Roadmap"]
    items = {rm.cell(r, 3).value: [rm.cell(r, c).value for c in range(1, 10)] for r in range(4, rm.max_row + 1)}
    assert items["Kick-off with the board"][:2] == ["Days 1-30", 1]
    assert items["Set up drift monitoring"][0] == "Days 1-30"  # moved from phase 2 by the consultant
    assert items["=Policy first"][4] == "Carla" and items["=Policy first"][8] == "✓"
    cell = next(rm.cell(r, 3) for r in range(4, rm.max_row + 1) if rm.cell(r, 3).value == "=Policy first")
    assert cell.data_type == "s" and cell.quotePrefix


def test_responses_are_machine_readable(scorecard: Path) -> None:
    ws = load_workbook(scorecard)["Responses"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert tuple(rows[0]) == RESPONSE_COLUMNS
    assert len(rows) == 1 + 20
    records = [dict(zip(RESPONSE_COLUMNS, r, strict=True)) for r in rows[1:]]
    kpi = next(r for r in records if r["question_id"] == "mat.mon.kpi")
    assert (kpi["value"], kpi["note"], kpi["scope"], kpi["questionnaire_version"]) == (12.5, "+per week, estimated",
                                                                                       "org", "1.0")
    na = next(r for r in records if r["question_id"] == "pri.data" and r["scope"] == "uc-formula")
    assert na["not_applicable"] is True and na["value_label"] == "Not applicable"
    text = next(r for r in records if r["question_id"] == "mat.gov.comment")
    assert text["value"] == "=1+1 is text" and text["note"] == "@mention"
    bodies = next(r for r in records if r["question_id"] == "mat.gov.bodies")
    assert bodies["value"] == "board;works_council" and bodies["value_label"] == "Board; Works council"
    drift = next(r for r in records if r["question_id"] == "mat.mon.drift" and r["participant"] == "Anna Berger")
    assert drift["value"] == 3 and drift["value_label"] == "3 – Mostly" and drift["role"] == "product_owner"
    sourced = next(r for r in records if r["source"])
    assert sourced["source"] == "prior.xlsx / Sheet1 / row 7"
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                assert cell.quotePrefix, cell.coordinate
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref == "A1:O21"


def test_about_names_format_and_versions(scorecard: Path) -> None:
    ws = load_workbook(scorecard)["About"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    flat = [v for row in values for v in row if v is not None]
    assert "readiness-scorecard/1" in flat and any(str(v).startswith("Readiness Studio ") for v in flat)
    assert ["Maturity", "maturity", "1.0", "maturity"] in [row[:4] for row in values]


def test_german_scorecard(small: Path, tmp_path: Path) -> None:
    out = export_scorecard(small, tmp_path / "de.xlsx", lang="de")
    wb = load_workbook(out)
    assert wb.sheetnames[:8] == ["Übersicht", "Priorisierung", "Datenbereitschaft", "Reifegrad", "Fahrplan",
                                 "KI-VO & Standards", "Antworten", "Info"]
    ws = wb["Übersicht"]
    assert ws["A1"].value == "Scorecard KI-Reife: Muster & Söhne AG"
    assert ws["A4"].value == "Kunde" and ws["A8"].value == "Gesamtreifegrad"
    assert wb["Fahrplan"]["A3"].value == "Phase" and wb["Fahrplan"]["A4"].value == "Tage 1-30"
    assert wb["Antworten"]["A1"].value == "question_id"  # machine-readable names in every language


def test_round_trip_rebuilds_the_assessment_exactly(small: Path, scorecard: Path, tmp_path: Path) -> None:
    plan = plan_import(scorecard)
    assert plan.kind == "scorecard" and not plan.problems
    out = apply_plan(plan, tmp_path / "again.readiness")
    assert snapshot(out) == snapshot(small)


def test_round_trip_after_libreoffice_saved_the_scorecard(small: Path, tmp_path: Path) -> None:
    # lo_scorecard.xlsx: the same small assessment exported, then opened and saved by LibreOffice Calc
    plan = plan_import(FIXTURES / "lo_scorecard.xlsx")
    out = apply_plan(plan, tmp_path / "from-lo.readiness")
    assert snapshot(out) == snapshot(small)


def test_cli_export_and_import(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    xlsx, template = tmp_path / "s.xlsx", tmp_path / "t.xlsx"
    assert main(["export", str(small), "--xlsx", str(xlsx), "--template", str(template)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"wrote {xlsx}", f"wrote {template}"]
    out = tmp_path / "back.readiness"
    assert main(["import", str(xlsx), "-o", str(out)]) == 0
    assert "Readiness Studio scorecard): 20 answers" in capsys.readouterr().out
    assert snapshot(out) == snapshot(small)
    code = main(["export", str(small), "--xlsx", str(tmp_path / "missing" / "s.xlsx")])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1 and "the folder does not exist" in err


def test_a_failed_export_keeps_the_old_file(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "scorecard.xlsx"
    target.write_bytes(b"the previous export")
    import readiness_app.excel.scorecard as mod

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(mod, "splice_rows", broken)
    with pytest.raises(Exception, match="No space left"):
        export_scorecard(small, target)
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["scorecard.xlsx"]


def test_engagement_fields_survive(small: Path, scorecard: Path, tmp_path: Path) -> None:
    out = apply_plan(plan_import(scorecard), tmp_path / "e.readiness")
    with AssessmentFile.open_readonly(out) as a, AssessmentFile.open_readonly(small) as b:
        assert asdict(a.engagement()) == asdict(b.engagement())
        assert a.engagement().notes == "=not a formula"


# --------------------------------------------------------------------------- what every reader shows (issue 15)


def test_every_font_has_a_name_and_the_document_names_title_and_author(scorecard: Path) -> None:
    wb = load_workbook(scorecard)
    assert all(font.name for font in wb._fonts)  # LibreOffice otherwise falls back to a serif
    assert wb.properties.title == "Muster & Söhne AG – AI readiness scorecard"
    assert wb.properties.creator not in (None, "", "openpyxl")


def test_the_author_comes_from_the_caller(small: Path, tmp_path: Path) -> None:
    out = export_scorecard(small, tmp_path / "a.xlsx", author="Kessler & Partner Advisory")
    assert load_workbook(out).properties.creator == "Kessler & Partner Advisory"


def test_wrapped_text_gets_row_heights(scorecard: Path) -> None:
    from readiness_app.excel.sheet_format import line_count

    wb = load_workbook(scorecard)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title == "Responses":
            continue
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text and not cell.alignment.textRotation:
                    width = ws.column_dimensions[cell.column_letter].width or 8.43
                    lines = line_count(cell.value, width)
                    if lines > 1 and not any(cell.coordinate in r for r in ws.merged_cells.ranges):
                        assert (ws.row_dimensions[cell.row].height or 0) >= 15 * lines, (ws.title, cell.coordinate)


def _data_text(path: Path) -> str:
    wb = load_workbook(path)
    ws = wb["_readiness"]
    return "".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)


def test_the_demo_scorecard_keeps_the_questionnaire_texts_at_the_firm(tmp_path: Path) -> None:
    from readiness_app.demo import write_demo

    demo = tmp_path / "demo.readiness"
    write_demo(demo)
    plain, full = tmp_path / "plain.xlsx", tmp_path / "full.xlsx"
    export_scorecard(demo, plain)
    export_scorecard(demo, full, include_library=True)
    question = "Which one business metric must improve within 60 days?"
    assert question not in _data_text(plain) and question in _data_text(full)
    assert plain.stat().st_size < full.stat().st_size - 50_000  # compressed: ~90 KB of texts stay home
    out = apply_plan(plan_import(plain), tmp_path / "again.readiness")
    assert snapshot(out) == snapshot(demo)  # the round trip is exact without the texts


def test_a_scorecard_without_texts_names_what_is_missing_on_import(small: Path, tmp_path: Path) -> None:
    from readiness_app.errors import WorkbookImportError

    out = export_scorecard(small, tmp_path / "bare.xlsx", include_library=False)  # the mini questionnaires
    with pytest.raises(WorkbookImportError, match=r"carries no questionnaire texts and questionnaire .* is not "
                                                  r"installed here"):
        plan_import(out)
    assert main(["import", str(out), "-o", str(tmp_path / "x.readiness")]) == 1


def test_cli_chooses_whether_the_questionnaire_texts_travel(small: Path, tmp_path: Path) -> None:
    bare, full = tmp_path / "bare.xlsx", tmp_path / "full.xlsx"
    assert main(["export", str(small), "--xlsx", str(bare), "--questionnaire-texts", "omit"]) == 0
    assert main(["export", str(small), "--xlsx", str(full), "--questionnaire-texts", "include"]) == 0
    assert "Is model drift monitored?" not in _data_text(bare) and "Is model drift monitored?" in _data_text(full)
    assert snapshot(apply_plan(plan_import(full), tmp_path / "back.readiness")) == snapshot(small)
