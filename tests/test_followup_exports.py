"""Follow-ups and the portfolio benchmark in the client deliverables: the Excel scorecard and the PDF.

The scenario: the demo workshop is the baseline; the follow-up starts from it pre-filled, the
room then agrees on better monitoring and worse cost control, re-measures two baseline
metrics and marks one earlier action done. The numbers the exports show are compared with
:func:`readiness_app.followup.baseline.movement_of`, the one source of truth.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from readiness_app.cli import main
from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.excel.scorecard import export_scorecard
from readiness_app.followup.baseline import Movement, baseline_of, mark_done, movement_of, start_followup
from readiness_app.followup.portfolio import build_portfolio
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.report import texts as report_text
from readiness_app.report.pdf import SECTION_IDS, build_report
from readiness_app.store.assessment_file import AssessmentFile

MONITORING = ("mat.mon.manual_checks", "mat.mon.shared_view", "mat.mon.alerting", "mat.mon.business_loop")
COST = ("mat.cost.pilot_costs", "mat.cost.unit_costs")
PEER_QUESTIONS = ("mat.mon.manual_checks", "mat.mon.shared_view", "mat.data.sources_known", "mat.roles.five_roles")


@pytest.fixture(scope="module")
def mpl_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """matplotlib's cache in a temporary folder for the module-wide builds (never the user's)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
    yield
    mp.undo()


@pytest.fixture(scope="module")
def folder(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """baseline.readiness (the demo), followup.readiness (the scenario) and its German twin."""
    root = tmp_path_factory.mktemp("followup-exports")
    base = root / "baseline.readiness"
    shutil.copyfile(_demo_master, base)
    for name, lang in (("followup.readiness", "en"), ("folgebewertung.readiness", "de")):
        path = root / name
        start_followup(base, path, prefill=True)
        with AssessmentFile.open(path, author="Facilitator") as af:
            af.set_answers([Answer(q, ORGANISATION, CONSENSUS, 4) for q in MONITORING]
                           + [Answer(q, ORGANISATION, CONSENSUS, 0) for q in COST]
                           + [Answer("base.org.ai_incidents", ORGANISATION, CONSENSUS, 1),
                              Answer("base.org.ai_spend", ORGANISATION, CONSENSUS, 500)], action="test")
            snapshot = baseline_of(af)
            assert snapshot is not None
            mark_done(af, snapshot.roadmap[0].key)
            af.update_engagement(workshop_start="2025-06-17", language=lang)
    return root


def movement(path: Path) -> Movement:
    with AssessmentFile.open_readonly(path) as af:
        m = movement_of(af)
    assert m is not None
    return m


@pytest.fixture(scope="module")
def scenario(folder: Path) -> Movement:
    m = movement(folder / "followup.readiness")
    # the scenario moves what it should, so the checks below compare real changes
    assert any(d.score_change and d.score_change > 0 for d in m.dimensions)
    assert any(d.score_change and d.score_change < 0 for d in m.dimensions)
    assert m.actions_done == 1
    return m


@pytest.fixture(scope="module")
def peers(folder: Path) -> Path:
    """Six other clients: the demo with its own id, client name and maturity answers."""
    peers = folder / "peers"
    peers.mkdir()
    for i in range(6):
        path = peers / f"client-{i}.readiness"
        shutil.copyfile(folder / "baseline.readiness", path)
        with AssessmentFile.open(path, author="Consultant") as af:
            af.set_meta("assessment_id", uuid.uuid4().hex)
            af.update_engagement(client=f"Peer Client Nr {i}")
            af.set_answers([Answer(q, ORGANISATION, CONSENSUS, i % 5) for q in PEER_QUESTIONS], action="test")
    return peers


@pytest.fixture(scope="module")
def exported(folder: Path, peers: Path, mpl_dir: None) -> dict[str, Path]:
    """The English follow-up's PDF and scorecard with the benchmark, written by the export command."""
    pdf, xlsx = folder / "followup.pdf", folder / "followup.xlsx"
    assert main(["export", str(folder / "followup.readiness"), "--pdf", str(pdf), "--xlsx", str(xlsx),
                 "--benchmark", str(peers)]) == 0
    return {"pdf": pdf, "xlsx": xlsx}


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def outline_titles(path: Path) -> list[str]:
    found: list[str] = []

    def walk(items: list[Any]) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                found.append(item.title)

    walk(PdfReader(path).outline)
    return found


def rows_of(ws: Any) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def block(rows: list[tuple[Any, ...]], heading: str) -> list[tuple[Any, ...]]:
    """The table under ``heading`` on a sheet of several tables: its rows up to the next blank row."""
    start = next(i for i, r in enumerate(rows) if r[0] == heading)
    out = []
    for r in rows[start + 2:]:
        if all(v is None for v in r):
            break
        out.append(r)
    return out


# --------------------------------------------------------------------------- Excel


def test_the_scorecard_shows_the_movement(exported: dict[str, Path], scenario: Movement) -> None:
    wb = load_workbook(exported["xlsx"])
    assert wb.sheetnames[:2] == ["Summary", "Movement"]
    rows = rows_of(wb["Movement"])
    assert rows[0][0] == "Movement since the baseline"
    assert "2025-03-11" in str(rows[1][0])

    dims = {r[0]: r for r in block(rows, "Maturity by dimension")}
    assert dims["Overall"][1:4] == (scenario.overall_score_before, scenario.overall_score_after,
                                   scenario.overall_score_change)
    for d in scenario.dimensions:
        assert dims[d.name.en][1:8] == (d.score_before, d.score_after, d.score_change, d.level_before,
                                        d.level_after, d.level_change, d.target), d.dimension_id

    ucs = {r[0]: r for r in block(rows, "Use cases")}
    for u in scenario.use_cases:
        assert ucs[u.name][1:9] == (round(u.priority_before or 0), round(u.priority_after or 0),
                                    round(u.priority_change or 0), round(u.readiness_before or 0),
                                    round(u.readiness_after or 0), round(u.readiness_change or 0),
                                    u.rank_before, u.rank_after)

    metrics = block(rows, "Baseline metrics")
    assert len(metrics) == len(scenario.metrics)
    for r, x in zip(metrics, scenario.metrics, strict=True):
        assert (r[0], r[1], r[2]) == (x.text.en, x.scope_name or "Organisation", x.unit.en)
        assert r[3:6] == (x.before, x.after, x.change)
    incidents = next(r for r in metrics if r[0] == "AI-related incidents in the last quarter")
    assert incidents[4] == 1 and incidents[5] == incidents[4] - incidents[3]

    actions = block(rows, "Earlier roadmap actions")
    assert [(r[0], r[3]) for r in actions] == [(a.title.en, "done" if a.done else "open") for a in scenario.actions]

    summary = {r[0]: r[1] for r in rows_of(wb["Summary"]) if r[0]}
    assert summary["Follow-up of"] == "the baseline of 2025-03-11"
    assert summary["Overall level before → after"].startswith(f"{scenario.overall_level_before} – ")
    assert f"→ {scenario.overall_level_after} – " in summary["Overall level before → after"]

    # green up, red down on the changes
    rules = [(str(cf.sqref), rule.operator) for cf in wb["Movement"].conditional_formatting for rule in cf.rules]
    assert any(ref.startswith("D") and op == "greaterThan" for ref, op in rules)
    assert any(ref.startswith("D") and op == "lessThan" for ref, op in rules)


def test_a_german_follow_up_gets_a_german_movement_sheet(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "scorecard.xlsx"
    export_scorecard(folder / "folgebewertung.readiness", out)
    wb = load_workbook(out)
    assert "Veränderung" in wb.sheetnames and "Movement" not in wb.sheetnames
    rows = rows_of(wb["Veränderung"])
    assert rows[0][0] == "Veränderung seit der Ausgangsbewertung"
    assert block(rows, "Frühere Maßnahmen des Fahrplans")[0][3] == "erledigt"


def test_a_first_assessment_has_no_movement(folder: Path, mpl_dir: None, tmp_path: Path) -> None:
    xlsx, pdf = tmp_path / "baseline.xlsx", tmp_path / "baseline.pdf"
    export_scorecard(folder / "baseline.readiness", xlsx)
    wb = load_workbook(xlsx)
    assert "Movement" not in wb.sheetnames and "Benchmark" not in wb.sheetnames
    assert not any(r[0] == "Follow-up of" for r in rows_of(wb["Summary"]))

    build_report(folder / "baseline.readiness", pdf, sections={"contents", "summary", "movement", "maturity"})
    heading = report_text.section_title("movement", "en")
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    assert heading not in text and "Since the baseline" not in text
    assert not any(heading in t for t in outline_titles(pdf))
    assert "2 Maturity profile" in text  # the chapters are numbered without a gap
    # no empty page where the progress would have been: contents, summary, then the maturity chapter
    reader = PdfReader(pdf)
    assert "Maturity profile" in (reader.pages[2].extract_text() or "")


# --------------------------------------------------------------------------- PDF


def test_the_report_shows_the_progress(exported: dict[str, Path], scenario: Movement) -> None:
    flat = re.sub(r"\s+", " ", pdf_text(exported["pdf"]))
    heading = report_text.section_title("movement", "en")
    assert f"2 {heading}" in flat
    assert flat.count(heading) >= 2  # the contents and the chapter
    assert f"2  {heading}" in outline_titles(exported["pdf"])
    assert "Since the baseline (11 March 2025): overall level" in flat
    for d in scenario.dimensions:
        if d.score_change:
            sign = "+" if d.score_change > 0 else "−"
            assert (f"{d.name.en}: {d.score_before:.2f} → {d.score_after:.2f} "
                    f"({sign}{abs(d.score_change):.2f})") in flat, d.dimension_id

    done = [a.title.en for a in scenario.actions if a.done]
    done_at, open_at = flat.index("Done (1)"), flat.index(f"Open ({len(scenario.actions) - 1})")
    assert done_at < flat.index(done[0], done_at) < open_at
    assert f"1 of {len(scenario.actions)} actions of the baseline's 90-day roadmap are done." in flat
    for u in scenario.use_cases:
        assert u.name in flat
    assert "AI-related incidents in the last quarter" in flat


def test_the_german_report_shows_the_progress_in_german(folder: Path, mpl_dir: None, tmp_path: Path) -> None:
    out = tmp_path / "bericht.pdf"
    build_report(folder / "folgebewertung.readiness", out, sections={"summary", "movement"})
    flat = re.sub(r"\s+", " ", pdf_text(out))
    assert "Fortschritt seit der Ausgangsbewertung" in flat
    assert "Seit der Ausgangsbewertung (11. März 2025): Gesamtreifegrad" in flat
    assert "Erledigt (1)" in flat and "Frühere Maßnahmen des Fahrplans" in flat
    assert "Laufzeitüberwachung: 2,17 → 4,00 (+1,83)" in flat


def test_the_progress_can_be_switched_off(folder: Path, mpl_dir: None, tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    build_report(folder / "followup.readiness", out, sections=set(SECTION_IDS) - {"movement", "appendix",
                                                                                  "operating", "readiness"})
    heading = report_text.section_title("movement", "en")
    assert heading not in pdf_text(out)
    assert not any(heading in t for t in outline_titles(out))


# --------------------------------------------------------------------------- benchmark


def test_the_benchmark_command_adds_percentiles(exported: dict[str, Path], folder: Path, peers: Path) -> None:
    portfolio = build_portfolio(peers, current=folder / "followup.readiness")
    assert portfolio.current is not None and portfolio.assessments == 6
    wb = load_workbook(exported["xlsx"])
    rows = rows_of(wb["Benchmark"])
    assert "6 other assessments" in str(rows[1][0])
    header = rows[2]
    pct = header.index("Percentile")
    got = {r[0]: r for r in rows[3:] if r[0]}
    for s in (portfolio.current.overall, *portfolio.current.dimensions):
        assert got[s.name.en][pct] == s.percentile, s.dimension_id
        assert got[s.name.en][3] == 6

    text = re.sub(r"\s+", " ", pdf_text(exported["pdf"]))
    assert "Benchmark" in text and "among 6 other assessments" in text
    assert "Percentile" in text
    # anonymised: no other client, no file of the folder
    for source in (text, " ".join(str(v) for r in rows for v in r if v is not None)):
        assert "Peer Client" not in source and "client-0" not in source


def test_fewer_than_five_peers_show_no_percentiles(folder: Path, peers: Path, mpl_dir: None,
                                                  tmp_path: Path) -> None:
    few = tmp_path / "few"
    few.mkdir()
    for name in ("client-0.readiness", "client-1.readiness", "client-2.readiness"):
        shutil.copyfile(peers / name, few / name)
    portfolio = build_portfolio(few, current=folder / "followup.readiness")
    pdf, xlsx = tmp_path / "few.pdf", tmp_path / "few.xlsx"
    build_report(folder / "followup.readiness", pdf, sections={"maturity"}, portfolio=portfolio)
    flat = re.sub(r"\s+", " ", pdf_text(pdf))
    assert "The portfolio holds 3 other assessments to compare with. Percentiles are shown from 5 on" in flat
    assert "Middle half" not in flat and "among 3 other" not in flat  # no table, no percentiles
    export_scorecard(folder / "followup.readiness", xlsx, portfolio=portfolio)
    rows = rows_of(load_workbook(xlsx)["Benchmark"])
    assert "percentiles are shown from 5 on" in str(rows[1][0])
    assert "Percentile" not in rows[2]


# --------------------------------------------------------------------------- round trip


def test_the_round_trip_keeps_the_baseline(exported: dict[str, Path], folder: Path, scenario: Movement,
                                           tmp_path: Path) -> None:
    rebuilt = tmp_path / "rebuilt.readiness"
    apply_plan(plan_import(exported["xlsx"]), rebuilt)
    assert movement(rebuilt) == scenario
    with AssessmentFile.open_readonly(folder / "followup.readiness") as a, AssessmentFile.open_readonly(rebuilt) as b:
        keys = ("baseline_assessment_id", "baseline_results", "followup_prefill")
        assert {k: a.meta().get(k) for k in keys} == {k: b.meta().get(k) for k in keys}
    # and the rebuilt follow-up exports its movement again
    again = tmp_path / "again.xlsx"
    export_scorecard(rebuilt, again)
    assert "Movement" in load_workbook(again).sheetnames
