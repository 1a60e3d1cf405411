"""Issue 9 in the window: follow-ups, movement on the dashboard, done actions, the portfolio
benchmark, anonymised copies, the report language, and number and checklist votes."""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from readiness_app.followup.baseline import start_followup
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import operations
from readiness_app.ui.pages.results import BENCHMARK_COLUMN, SINCE_COLUMN, ResultsPage, change_text
from readiness_app.ui.pages.roadmap import RoadmapPage

XLSX_LIBRARY = Path(__file__).resolve().parent.parent / "fixtures" / "xlsx" / "library"
SECRET_CLIENT = "Geheimbank Nordost AG"


@pytest.fixture
def followup_file(demo_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "q2-review.readiness"
    start_followup(demo_file, target, prefill=True)
    return target


def _wait_task(qtbot: Any, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=30_000)  # finished or failed, reported on the UI thread


def _maturity_question(session: Any, dimension: str) -> Any:
    return next(q for q in session.library.iter_questions() if q.dimension == dimension and q.type == "scale")


# --------------------------------------------------------------------------- starting a follow-up


def test_start_followup_from_the_file_menu_opens_the_new_file(qtbot: Any, window: Any, demo_file: Path,
                                                             tmp_path: Path, fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    client = window.session.file.engagement().client
    assert window.actions_by_key["start_followup"].isEnabled()
    target = tmp_path / "review"  # the suffix is added
    fake_dialogs.files.append(target)
    fake_dialogs.confirms.append(True)  # pre-fill the votes
    window.actions_by_key["start_followup"].trigger()
    assert [kind for kind, _ in fake_dialogs.calls] == ["save_file", "confirm"]
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == target.with_suffix(".readiness"),
                    timeout=30_000)
    s = window.session
    assert s.is_followup() and s.file.engagement().client == client
    votes = [a for a in s.file.answers() if a.participant_id != CONSENSUS]
    assert votes and all(a.source == "baseline: demo.readiness" for a in votes)
    assert not [a for a in s.file.answers() if a.participant_id == CONSENSUS]
    assert "demo.readiness" in window.statusBar().currentMessage()
    assert fake_dialogs.errors() == []
    assert demo_file.exists()  # the baseline is only read


def test_start_followup_from_the_start_page_asks_for_the_baseline(qtbot: Any, window: Any, demo_file: Path,
                                                                 tmp_path: Path, fake_dialogs: Any) -> None:
    assert window.central.currentWidget() is window.start_page
    target = tmp_path / "empty-review.readiness"
    fake_dialogs.files += [demo_file, target]
    fake_dialogs.confirms.append(False)  # start with empty answers
    qtbot.mouseClick(window.start_page.buttons["followup"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == target, timeout=30_000)
    assert window.session.is_followup() and window.session.file.answers() == []
    # the same file again is refused by the core, with a dialog, and changes nothing
    window.documents.close()
    fake_dialogs.files += [demo_file, target]
    qtbot.mouseClick(window.start_page.buttons["followup"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(fake_dialogs.errors()), timeout=30_000)
    assert "already exists" in fake_dialogs.errors()[-1][1]
    assert window.session is None


# --------------------------------------------------------------------------- dashboard


def test_dashboard_shows_movement_per_dimension_use_case_and_metric(window: Any, followup_file: Path) -> None:
    window.documents.open_path(followup_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    s = window.session
    assert page.movement is not None and page.movement_box.isVisible()
    assert not page.dimension_table.isColumnHidden(SINCE_COLUMN)
    assert page.dimension_table.isColumnHidden(BENCHMARK_COLUMN)
    assert "demo.readiness" in page.movement_from_label.text()
    # the room now agrees one level higher on a dimension's criteria: the column shows the rise
    dim = page.dimension_model.record(0)
    before = dim.score.value
    for q in (q for q in s.library.iter_questions() if q.dimension == dim.dimension_id and q.type == "scale"):
        operations.set_answer(s, q.id, ORGANISATION, value=4)
    text = page.dimension_model.data(page.dimension_model.index(0, SINCE_COLUMN))
    assert text.startswith(f"{before:.1f} → ") and "▲" in text
    assert page.dimension_model.data(page.dimension_model.index(0, SINCE_COLUMN), Qt.ItemDataRole.BackgroundRole)
    assert page.chart._bars[0].baseline == pytest.approx(before, abs=1e-3)
    assert "▲" in page.movement_overall_label.text()
    # use cases: priority before, after and change
    assert page.uc_movement_model.rowCount() == len(s.file.use_cases())
    # a baseline metric measured again
    metric = next(m for m in page.movement.metrics if m.scope == ORGANISATION and m.before)
    operations.set_answer(s, metric.question_id, ORGANISATION, value=metric.before + 2)
    row = page.metrics_model.row_of(f"{metric.question_id}|{ORGANISATION}")
    cells = [page.metrics_model.data(page.metrics_model.index(row, c)) for c in range(6)]
    assert cells[2] == f"{metric.before:g}" and cells[3] == f"{metric.before + 2:g}" and cells[4] == "▲ +2"
    assert cells[5] == metric.unit.en
    # undo puts the dashboard back
    window.undo()
    assert page.metrics_model.data(page.metrics_model.index(row, 4)) in ("= 0", "–")


def test_a_first_assessment_shows_no_movement(window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    assert page.movement is None and not page.movement_box.isVisible()
    assert page.dimension_table.isColumnHidden(SINCE_COLUMN)
    assert all(b.baseline is None for b in page.chart._bars)
    roadmap: RoadmapPage = window.pages["roadmap"]
    window.show_step("roadmap")
    assert not roadmap.earlier_box.isVisible()


def test_change_text_rounds_as_shown() -> None:
    assert change_text(0.26) == "▲ +0.3"
    assert change_text(-0.04) == "= 0.0"
    assert change_text(-1.0, 0) == "▼ −1"


# --------------------------------------------------------------------------- roadmap: done marks


def test_mark_roadmap_items_done_and_open_again_with_undo(qtbot: Any, window: Any, followup_file: Path) -> None:
    window.documents.open_path(followup_file)
    window.show_step("roadmap")
    page: RoadmapPage = window.pages["roadmap"]
    first = page.models[1].record(0)
    page.tables[1].selectRow(0)
    assert page.done_button.isEnabled() and "Mark done" in page.done_button.text()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    item = page.item(first.key)[1]
    assert item.done
    index = page.models[1].index(page.models[1].row_of(first.key), 0)
    assert page.models[1].data(index).startswith("✓ ")
    assert page.models[1].data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert page.done_button.text() == "Mark open"
    assert window.actions_by_key["undo"].text().startswith("&Undo: mark")
    # the baseline's list shows it done too
    assert page.earlier_box.isVisible()
    row = page.earlier_model.row_of(first.key)
    assert page.earlier_model.record(row).done and "1 of" in page.earlier_box.title()
    window.undo()
    assert not page.item(first.key)[1].done
    window.redo()
    assert page.item(first.key)[1].done
    page.select_item(first.key)
    assert page.toggle_done() and not page.item(first.key)[1].done  # "Mark open"


def test_earlier_actions_off_the_plan_can_be_marked_done(qtbot: Any, window: Any, followup_file: Path) -> None:
    # the room now rates every maturity criterion at the top: most earlier actions leave the plan
    with AssessmentFile.open(followup_file) as af:
        af.set_answers([Answer(q.id, ORGANISATION, CONSENSUS, 4) for q in af.library().iter_questions()
                        if q.type == "scale" and q.scope == "organisation"], action="test")
    window.documents.open_path(followup_file)
    s = window.session
    window.show_step("roadmap")
    page: RoadmapPage = window.pages["roadmap"]
    off_plan = [a for a in page.earlier_model.rows if not a.still_planned]
    assert off_plan, "some baseline actions are no longer generated"
    row = page.earlier_model.row_of(off_plan[0].key)
    page.earlier_table.selectRow(row)
    assert page.earlier_selected == off_plan[0].key and page.done_button.isEnabled()
    qtbot.mouseClick(page.done_button, Qt.MouseButton.LeftButton)
    assert page.earlier_model.record(page.earlier_model.row_of(off_plan[0].key)).done
    assert "✓" in page.earlier_model.data(page.earlier_model.index(page.earlier_model.row_of(off_plan[0].key), 0))
    assert s.movement().actions_done == 1
    window.show_step("results")
    assert "1 of" in window.pages["results"].actions_done_label.text()
    window.undo()
    assert s.movement().actions_done == 0


# --------------------------------------------------------------------------- benchmark


def _clients(demo_file: Path, folder: Path, count: int = 5) -> None:
    folder.mkdir()
    for i in range(count):
        path = folder / f"client-{i}.readiness"
        shutil.copyfile(demo_file, path)
        with AssessmentFile.open(path) as af:
            af.set_meta("assessment_id", uuid.uuid4().hex)
            af.update_engagement(client=SECRET_CLIENT if i == 0 else f"Kunde {i}")
            qs = [q for q in af.library().iter_questions() if q.type == "scale" and q.scope == "organisation"
                  and q.dimension]
            af.set_answers([Answer(q.id, ORGANISATION, CONSENSUS, (i + j) % 5) for j, q in enumerate(qs)],
                           action="test")
    (folder / "notes.readiness").write_text("not an assessment", encoding="utf-8")


def _texts(widget: Any) -> str:
    parts = [widget.windowTitle()]
    parts += [label.text() for label in widget.findChildren(QLabel)]
    for model in (widget.model, widget.skipped_model):
        for r in range(model.rowCount()):
            for c in range(model.columnCount()):
                parts.append(str(model.data(model.index(r, c))))
                parts.append(str(model.data(model.index(r, c), Qt.ItemDataRole.ToolTipRole)))
    return "\n".join(parts)


def test_benchmark_against_a_folder(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                    fake_dialogs: Any) -> None:
    folder = tmp_path / "clients"
    _clients(demo_file, folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    window.documents.open_path(demo_file)
    window.show_step("results")
    fake_dialogs.folders.append(folder)
    window.actions_by_key["benchmark"].trigger()
    _wait_task(qtbot, window.followup.last_task)
    qtbot.waitUntil(lambda: window.followup.benchmark_dialog is not None, timeout=10_000)
    dialog = window.followup.benchmark_dialog
    assert dialog.isVisible()
    assert window.settings.benchmark_folder() == str(folder)
    rows = dialog.model.rows
    assert rows[0].key == "overall" and rows[0].peers == 5
    assert len(rows) == 1 + len(window.session.results().maturity.dimensions)
    assert all(r.percentile is None or 0 <= r.percentile <= 100 for r in rows)
    assert "5 other assessments" in dialog.summary_label.text()
    # the consultant sees which file was skipped and why; nobody sees another client's name
    assert not dialog.skipped_table.isVisible()
    qtbot.mouseClick(dialog.skipped_button, Qt.MouseButton.LeftButton)
    assert dialog.skipped_table.isVisible()
    assert [Path(s.path).name for s in dialog.skipped_model.rows] == ["notes.readiness"]
    text = _texts(dialog)
    assert SECRET_CLIENT not in text and "Kunde 1" not in text
    # the dashboard shows the percentile per dimension; nothing in the folder changed
    page: ResultsPage = window.pages["results"]
    assert not page.dimension_table.isColumnHidden(BENCHMARK_COLUMN)
    cell = page.dimension_model.data(page.dimension_model.index(0, BENCHMARK_COLUMN))
    assert cell and (cell == "–" or 0 <= float(cell) <= 100)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    # the folder is offered again next time
    fake_dialogs.folders.append(None)
    window.actions_by_key["benchmark"].trigger()
    assert fake_dialogs.calls[-1] == ("open_folder", ("Choose a folder of assessments to benchmark against", str(folder)))
    dialog.close()


def test_benchmark_can_be_cancelled(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.followup import portfolio

    def slow(folder: Path, *, current: Any = None, progress: Any = None, **_kw: Any) -> Any:
        for i in range(500):  # a large folder: reports progress until the user cancels
            progress(i, 500)
            time.sleep(0.01)
        raise AssertionError("not cancelled")

    monkeypatch.setattr(portfolio, "build_portfolio", slow)
    window.documents.open_path(demo_file)
    task = window.followup.benchmark(tmp_path)
    assert task is not None
    qtbot.wait(50)
    task.cancel()
    _wait_task(qtbot, task)
    assert window.statusBar().currentMessage() == "Benchmark cancelled."
    assert window.session.portfolio is None and window.followup.benchmark_dialog is None


# --------------------------------------------------------------------------- anonymised copy


def test_export_an_anonymised_copy(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                   fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    original = window.session.file.engagement().client
    names = [p.name for p in window.session.file.participants()]
    target = tmp_path / "pool" / "anon.readiness"
    target.parent.mkdir()
    fake_dialogs.files.append(target)
    window.actions_by_key["export_anonymised"].trigger()
    _wait_task(qtbot, window.followup.last_task)
    assert fake_dialogs.errors() == []
    assert target.exists() and "anon.readiness" in window.statusBar().currentMessage()
    raw = target.read_bytes()
    assert original.encode() not in raw and not any(n.encode() in raw for n in names)
    assert window.session.path == demo_file  # the original stays open


# --------------------------------------------------------------------------- export language


def test_reports_use_the_engagement_language_not_the_interface(qtbot: Any, window: Any, demo_file: Path,
                                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.ui.pages import export

    calls: list[dict[str, Any]] = []

    def fake_exporter(source: Path, target: Path, **kw: Any) -> Path:
        calls.append(kw)
        target.write_bytes(b"x")
        return target

    monkeypatch.setattr(export, "find_exporter", lambda kind: fake_exporter)
    window.documents.open_path(demo_file)
    operations.update_engagement(window.session, language="de")
    window.show_step("export")
    page = window.pages["export"]
    assert page.language_combo.currentData() == "de"
    _wait_task(qtbot, page.export("xlsx", tmp_path / "card.xlsx"))
    assert calls[-1]["lang"] == "de" and "portfolio" not in calls[-1]
    # the language box on the export page edits the engagement (undoable)
    page.language_combo.setCurrentIndex(page.language_combo.findData("en"))
    page.language_combo.activated.emit(page.language_combo.currentIndex())
    assert window.session.file.engagement().language == "en"
    _wait_task(qtbot, page.export("pdf", tmp_path / "report.pdf"))
    assert calls[-1]["lang"] == "en"
    window.undo()
    assert page.language_combo.currentData() == "de"
    # after a benchmark the exports can include it
    folder = tmp_path / "clients"
    _clients(demo_file, folder, count=2)
    _wait_task(qtbot, window.followup.benchmark(folder))
    window.followup.benchmark_dialog.close()
    window.show_step("export")
    assert page.benchmark_check.isVisible() and "2 assessments" in page.benchmark_check.text()
    _wait_task(qtbot, page.export("pdf", tmp_path / "report2.pdf"))
    assert calls[-1]["portfolio"] is window.session.portfolio
    page.benchmark_check.setChecked(False)
    _wait_task(qtbot, page.export("pdf", tmp_path / "report3.pdf"))
    assert "portfolio" not in calls[-1]


def test_exporters_are_the_real_ones_imported_lazily() -> None:
    from readiness_app.excel.scorecard import export_scorecard
    from readiness_app.report.pdf import build_report
    from readiness_app.ui.pages.export import find_exporter

    assert find_exporter("pdf") is build_report
    assert find_exporter("xlsx") is export_scorecard


# --------------------------------------------------------------------------- vote grid


@pytest.fixture
def voting_file(tmp_path: Path) -> Path:
    from readiness_app.questionnaire.loader import load_library

    path = tmp_path / "votes.readiness"
    with AssessmentFile.create(path, load_library(XLSX_LIBRARY), lock=False) as af:
        af.add_participant("Anna", "sponsor", "")
        af.add_participant("Ben", "data_owner", "")
    return path


def _grid_ready(window: Any, question_id: str) -> Any:
    window.show_step("maturity")
    page = window.pages["maturity"]
    assert page.go_to_question(question_id, ORGANISATION)
    page.reveal(True)
    grid = page.votes.grid
    grid.setFocus()
    grid.setCurrentIndex(page.votes.model.index(0, 1))
    return page, grid


def test_number_votes_are_typed_with_their_unit(qtbot: Any, window: Any, voting_file: Path) -> None:
    window.documents.open_path(voting_file)
    page, grid = _grid_ready(window, "mat.mon.kpi")
    assert page.votes.isVisible() and grid.mode == "number"
    assert "per week" in page.votes.hint_label.text()
    qtbot.keyClick(grid, Qt.Key.Key_1)  # typing opens the editor with that key; the rest goes to the editor
    editor = grid.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "1"
    qtbot.keyClicks(editor, "2,5")
    assert editor.text() == "12,5"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    anna = window.session.file.participants()[0]
    qtbot.waitUntil(lambda: window.session.file.answer("mat.mon.kpi", ORGANISATION, anna.id) is not None)
    assert window.session.file.answer("mat.mon.kpi", ORGANISATION, anna.id).value == 12.5
    assert page.votes.model.data(page.votes.model.index(0, 1)) == "12.5 per week"
    qtbot.waitUntil(lambda: grid.currentIndex().row() == 1)  # on to the next participant
    qtbot.keyClick(grid, Qt.Key.Key_8)
    qtbot.keyClick(grid.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.votes.model.data(page.votes.model.index(1, 1)) == "8 per week")
    assert page.votes.spread_label.text() == "Votes from 8 to 12.5 per week"  # amounts: a range, no verdict
    assert page.votes.flag_label.text() == ""
    assert page.votes.record_button.isEnabled()
    assert page.record_consensus()
    assert window.session.file.answer("mat.mon.kpi", ORGANISATION, CONSENSUS).value is not None
    # Delete clears a vote
    grid.setFocus()
    grid.setCurrentIndex(page.votes.model.index(0, 1))
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert window.session.file.answer("mat.mon.kpi", ORGANISATION, anna.id) is None


def test_checklist_votes_are_toggled(qtbot: Any, window: Any, voting_file: Path) -> None:
    window.documents.open_path(voting_file)
    page, grid = _grid_ready(window, "mat.gov.bodies")
    assert page.votes.isVisible() and grid.mode == "checklist"
    assert "1–3" in page.votes.hint_label.text()
    anna = window.session.file.participants()[0]

    def vote() -> Any:
        a = window.session.file.answer("mat.gov.bodies", ORGANISATION, anna.id)
        return a.value if a else None

    qtbot.keyClick(grid, Qt.Key.Key_1)
    qtbot.keyClick(grid, Qt.Key.Key_3)
    assert vote() == ["board", "works_council"] and grid.currentIndex().row() == 0
    assert page.votes.model.data(page.votes.model.index(0, 1)) == "1, 3"
    qtbot.keyClick(grid, Qt.Key.Key_1)  # untick
    assert vote() == ["works_council"]
    qtbot.keyClick(grid, Qt.Key.Key_9)  # no such item: nothing happens
    assert vote() == ["works_council"]
    # double-click: the items as a checkable menu
    menu = page.votes.show_option_menu(0)
    assert menu is not None
    actions = menu.actions()
    assert [a.isChecked() for a in actions] == [False, False, True]
    actions[1].trigger()
    assert vote() == ["committee", "works_council"]
    menu.close()
    window.undo()
    assert vote() == ["works_council"]
