"""The roadmap as Jira and Azure DevOps CSV files: the importers' own column names, one work item
per action, the why and the evidence, owner, phase, due date, priority, language, escaping."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from readiness_app.backlog import csv_files
from readiness_app.backlog.csv_files import safe_cell, write_azure_devops_csv, write_jira_csv
from readiness_app.backlog.items import due_date, priority_of
from readiness_app.cli import main
from readiness_app.model import ROLE_LABELS
from readiness_app.questionnaire.loader import Text
from readiness_app.scoring.results import Finding, RoadmapItem
from readiness_app.store.assessment_file import AssessmentFile

# The header rows, as the importers document them: Jira (Summary is required; Labels repeats for
# several labels) and Azure DevOps (Work Item Type and Title are required; field names as in the
# work item field index).
JIRA_HEADER = ["Summary", "Issue Type", "Description", "Priority", "Due date", "Labels", "Labels", "Labels"]
AZURE_HEADER = ["Work Item Type", "Title", "Description", "Assigned To", "Tags", "Iteration Path", "Priority",
                "Due Date"]


@pytest.fixture
def demo(_demo_master: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.readiness"
    shutil.copyfile(_demo_master, target)
    return target


def read(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without a byte-order mark (Jira would read it into 'Summary')"
    return list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))


def roadmap(path: Path) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["score", str(path), "--json"]) == 0
    results: dict[str, Any] = json.loads(out.getvalue())["results"]
    return results


def test_jira_csv_has_one_issue_per_action_in_jiras_columns(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "jira.csv"
    assert write_jira_csv(demo, out) == len(roadmap(demo)["roadmap"]["items"])
    rows = read(out)
    assert rows[0] == JIRA_HEADER
    items = roadmap(demo)["roadmap"]["items"]
    assert len(rows) - 1 == len(items)
    first, item = dict(zip(JIRA_HEADER[:5], rows[1][:5], strict=True)), items[0]
    assert first["Summary"] == item["title"]["en"]
    assert first["Issue Type"] == "Task"
    assert item["why"]["en"] in first["Description"]
    for finding in item["findings"]:
        assert finding["text"]["en"] in first["Description"]
    assert ROLE_LABELS[item["owner_role"]][0] in first["Description"]
    assert first["Due date"] == (date(2025, 3, 12) + timedelta(weeks=item["due_week"])).isoformat()
    assert first["Priority"] in {"Highest", "High"}
    labels = rows[1][5:]
    assert labels[0] == "ai-readiness" and labels[1] == "days-1-30"
    assert all(" " not in label for label in labels), "Jira splits labels at spaces"
    for row in rows[1:]:
        assert row[3] in {"Highest", "High", "Medium", "Low"}


def test_azure_devops_csv_has_one_task_per_action_in_its_columns(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "ado.csv"
    write_azure_devops_csv(demo, out, lang="de")
    rows = read(out)
    assert rows[0] == AZURE_HEADER
    items = roadmap(demo)["roadmap"]["items"]
    assert len(rows) - 1 == len(items)
    for row, item in zip(rows[1:], items, strict=True):
        record = dict(zip(AZURE_HEADER, row, strict=True))
        assert record["Work Item Type"] == "Task"
        assert record["Title"] == item["title"]["de"]
        assert "<b>Warum:</b>" in record["Description"]
        assert "Tage 1-30" in record["Tags"] or "Tage 31-60" in record["Tags"] or "Tage 61-90" in record["Tags"]
        assert ROLE_LABELS[item["owner_role"]][1] in record["Tags"].split("; ")
        phase = {1: "Tage 1-30", 2: "Tage 31-60", 3: "Tage 61-90"}[item["phase"]]
        assert record["Iteration Path"] == f"Alpenland Versicherung AG\\{phase}"
        assert record["Priority"] in {"1", "2", "3", "4"}
        assert record["Due Date"] == (date(2025, 3, 12) + timedelta(weeks=item["due_week"])).isoformat()
        if item["owner"]:
            assert record["Assigned To"] == item["owner"]


def test_free_text_is_escaped_for_csv_html_and_spreadsheet_formulas(demo: Path, tmp_path: Path) -> None:
    with AssessmentFile.open(demo) as af:
        af.update_engagement(client='=HYPERLINK("http://evil.example","Klick"), Inc; "quoted" <b>bold</b>')
        af.add_roadmap_edit("custom-evil", "add", {"title": "=1+2, then \"quote\"\nand a new line", "phase": 1,
                                                   "owner_role": "data_owner", "owner": "@admin", "due_week": 2})
    jira, ado = tmp_path / "jira.csv", tmp_path / "ado.csv"
    write_jira_csv(demo, jira)
    write_azure_devops_csv(demo, ado)
    jira_rows, ado_rows = read(jira), read(ado)
    evil = next(r for r in jira_rows if r[0].startswith("'=1+2"))
    assert evil[0] == "'=1+2, then \"quote\"\nand a new line", "quotes, commas and line breaks stay in the cell"
    for rows in (jira_rows, ado_rows):
        for row in rows[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), cell
    row = next(r for r in ado_rows if r[1].startswith("'=1+2"))
    record = dict(zip(AZURE_HEADER, row, strict=True))
    assert record["Assigned To"] == "'@admin"
    assert "&lt;b&gt;bold&lt;/b&gt;" in record["Description"] and "<b>bold</b>" not in record["Description"]
    assert record["Iteration Path"].startswith("HYPERLINK( http evil.example"), "cleaned, and no formula"
    assert "\\" in record["Iteration Path"] and "<" not in record["Iteration Path"]


def test_safe_cell_boundaries() -> None:
    assert safe_cell("=SUM(A1)") == "'=SUM(A1)"
    assert safe_cell("+1") == "'+1" and safe_cell("-1") == "'-1" and safe_cell("@x") == "'@x"
    assert safe_cell("\tx") == "'\tx" and safe_cell("\rx") == "'\rx"
    assert safe_cell(" =1") == " =1", "a formula sign after a space is plain text to spreadsheets"
    assert safe_cell("a=1") == "a=1" and safe_cell("") == ""


def test_due_dates_count_weeks_from_the_workshop_and_priority_follows_phase_and_urgency() -> None:
    assert due_date(date(2025, 3, 12), 1) == date(2025, 3, 19)
    assert due_date(date(2025, 3, 12), 13) == date(2025, 6, 11)
    assert due_date(None, 4) is None

    def item(phase: int, *findings: Finding) -> RoadmapItem:
        return RoadmapItem("k", None, Text("t", "t"), Text("w", "w"), "data_owner", "", phase, 2, "S", findings)

    blocker = Finding("blocker", "q", Text("b", "b"))
    high, low = Finding("risk", "flag.high", Text("r", "r")), Finding("risk", "flag.low", Text("r", "r"))
    risks = frozenset({"flag.high"})
    assert [priority_of(item(p), risks) for p in (1, 2, 3)] == [2, 3, 4]
    assert [priority_of(item(p, blocker), risks) for p in (1, 2, 3)] == [1, 2, 3]
    assert priority_of(item(1, high), risks) == 1 and priority_of(item(1, low), risks) == 2


def test_without_a_workshop_date_the_due_date_stays_empty(demo: Path, tmp_path: Path) -> None:
    with AssessmentFile.open(demo) as af:
        af.update_engagement(workshop_start="", workshop_end="")
    out = tmp_path / "jira.csv"
    write_jira_csv(demo, out)
    assert {row[4] for row in read(out)[1:]} == {""}


def test_the_export_command_writes_both_files(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jira, ado = tmp_path / "j.csv", tmp_path / "a.csv"
    assert main(["export", str(demo), "--jira-csv", str(jira), "--azure-devops-csv", str(ado)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith(f"wrote {jira} (") and lines[1].startswith(f"wrote {ado} (")
    assert read(jira)[0] == JIRA_HEADER and read(ado)[0] == AZURE_HEADER


def test_a_missing_folder_is_one_line_and_no_file(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "nowhere" / "j.csv"
    assert main(["export", str(demo), "--jira-csv", str(target)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "nowhere" in err
    assert not target.exists()


def test_columns_are_the_documented_ones() -> None:
    assert list(csv_files.JIRA_COLUMNS) == JIRA_HEADER
    assert list(csv_files.AZURE_COLUMNS) == AZURE_HEADER
