"""Pre-work in the window: templates for everyone from the export step, dropped back as hidden votes,
the spread view that starts the workshop on the disagreements, and where each answer came from."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from readiness_app.excel.template import COL_ANSWER, COL_ID, FIRST_ROW
from readiness_app.model import CONSENSUS, ORGANISATION, is_prework
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import merge_ops


def _wait(qtbot: Any, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)


def _fill(template: Path, out: Path, answers: dict[str, int]) -> Path:
    wb = load_workbook(template)
    for ws in wb.worksheets[1:]:
        if ws.sheet_state == "visible":
            for r in range(FIRST_ROW, ws.max_row + 1):
                if ws.cell(r, COL_ID).value in answers:
                    ws.cell(r, COL_ANSWER).value = answers[ws.cell(r, COL_ID).value]
    wb.save(out)
    return out


def _drop(window: Any, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


def _unanswered_org_questions(af: AssessmentFile, n: int) -> list[str]:
    """``n`` organisation-wide scale questions with every answer cleared (so pre-work alone decides their spread)."""
    maturity = {qn.id for qn in af.library().by_kind("maturity")}
    chosen = [q.id for q in af.library().iter_questions()
              if q.type == "scale" and q.scope == "organisation" and q.questionnaire_id in maturity][-n:]
    for a in af.answers(question_ids=chosen):
        af.clear_answer(*a.key)
    return chosen


def test_templates_for_everyone_dropped_back_as_hidden_votes_then_undone(qtbot: Any, window: Any, demo_file: Path,
                                                                         tmp_path: Path, fake_dialogs: Any) -> None:
    with AssessmentFile.open(demo_file) as af:  # room for pre-work: three questions nobody answered yet
        fresh = _unanswered_org_questions(af, 3)
    window.documents.open_path(demo_file)
    session = window.session
    people = session.file.participants()
    folder = tmp_path / "pre-work"
    folder.mkdir()
    window.show_step("export")
    page = window.pages["export"]
    assert page.buttons["templates"].text() == "Personal templates for every participant…"
    fake_dialogs.folders.append(folder)
    page.buttons["templates"].click()
    _wait(qtbot, page.task)
    written = sorted(folder.glob("*.xlsx"))
    assert len(written) == len(people)
    assert page.status_label.text() == f"Wrote {len(people)} personal template(s) to {folder}."
    for p in people:
        front = load_workbook(folder / f"Fill-in template - {p.name}.xlsx").worksheets[0]
        assert front["C8"].value == p.name and front.protection.sheet
    first, second = people[0], people[1]
    filled = [_fill(folder / f"Fill-in template - {first.name}.xlsx", tmp_path / "one.xlsx",
                    {fresh[0]: 0, fresh[1]: 2, fresh[2]: 1}),
              _fill(folder / f"Fill-in template - {second.name}.xlsx", tmp_path / "two.xlsx",
                    {fresh[0]: 4, fresh[1]: 3, fresh[2]: 1})]
    before = {a.key: a for a in session.file.answers()}
    event = _drop(window, filled)
    assert event.isAccepted() and window.session is session  # imported into the open file, not opened
    mine = {a.key: a for a in session.file.answers() if is_prework(a.source)}
    assert mine[(fresh[0], ORGANISATION, first.id)].value == 0
    assert mine[(fresh[0], ORGANISATION, second.id)].value == 4
    assert mine[(fresh[1], ORGANISATION, second.id)].source.startswith("pre-work: two.xlsx / ")
    assert not any(k[2] == CONSENSUS for k in mine)  # votes, never consensus
    (title, text), = [args for kind, args in fake_dialogs.calls if kind == "info"]
    assert title == "Pre-work imported" and "2 people have answered the pre-work" in text
    widest = text.split("Widest spread first:\n", 1)[1].splitlines()
    q0 = session.library.question(fresh[0]).text.get("en")
    assert widest[0] == f"  4  {q0}"
    window.show_question(fresh[0], ORGANISATION)
    page_q = window.question_page()
    assert page_q.question().id == fresh[0]
    assert not page_q.votes.revealed  # hidden until the facilitator reveals them
    assert session.undo_stack.undoText() == "Import pre-work (2 template(s))"
    window.undo()
    assert {a.key: a for a in session.file.answers()} == before


def test_spread_view_orders_by_prework_spread_and_opens_the_question(qtbot: Any, window: Any, demo_file: Path,
                                                                    tmp_path: Path, fake_dialogs: Any) -> None:
    with AssessmentFile.open(demo_file) as af:
        fresh = _unanswered_org_questions(af, 3)
        people = af.participants()[:3]
        from readiness_app.excel.template import export_template

        templates = []
        for i, p in enumerate(people):
            t = export_template(af, tmp_path / f"t{i}.xlsx", participant=p)
            templates.append(_fill(t, tmp_path / f"f{i}.xlsx", {fresh[0]: (1, 1, 2)[i], fresh[1]: (0, 4, 2)[i],
                                                                 fresh[2]: 3}))
    window.documents.open_path(demo_file)
    _drop(window, templates)
    view = window.prework.open_spread_view()
    assert view is not None and view.windowTitle() == "Pre-work: widest spread first"
    rows = view.rows()
    assert [(r.question_id, r.spread) for r in rows[:3]] == [(fresh[1], 4.0), (fresh[0], 1.0), (fresh[2], 0.0)]
    assert all(r.voters == 3 for r in rows)
    view.grab().save("/tmp/h24/spread-view.png")
    view.table.doubleClicked.emit(view.model.index(0, 2))
    page = window.question_page()
    assert page is not None and page.question().id == fresh[1]
    view.prework_only.setChecked(False)  # every vote, the room's too
    assert len(view.rows()) > len(rows)


def test_why_dialog_says_where_each_answer_came_from(qtbot: Any, window: Any, demo_file: Path,
                                                     tmp_path: Path) -> None:
    from readiness_app.excel.template import export_template

    with AssessmentFile.open(demo_file) as af:
        fresh = _unanswered_org_questions(af, 1)
        p = af.participants()[0]
        t = _fill(export_template(af, tmp_path / "t.xlsx", participant=p), tmp_path / "anna-prework.xlsx",
                  {fresh[0]: 3})
    window.documents.open_path(demo_file)
    _drop(window, [t])
    session = window.session
    sources = merge_ops.provenance(session)
    assert sources[(fresh[0], ORGANISATION)] == "1 vote(s), 1 from pre-work: anna-prework.xlsx"
    consensus = next(a for a in session.file.answers() if a.participant_id == CONSENSUS and not a.source)
    assert sources[(consensus.question_id, consensus.scope)] == "entered in the workshop"
    dimension = next(d for d in session.results().maturity.dimensions
                     if any(c.question_id == fresh[0] for c in d.score.contributions))
    window.show_step("results")
    dialog = window.pages["results"].show_why("Maturity", dimension.name.get("en"), dimension.score)
    qtbot.addWidget(dialog)
    model = dialog.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[-1] == "From" and not dialog.table.isColumnHidden(5)
    row = next(r for r in range(model.rowCount()) if model.record(r).question_id == fresh[0])
    assert model.data(model.index(row, 5)) == "1 vote(s), 1 from pre-work: anna-prework.xlsx"
    dialog.grab().save("/tmp/h24/why-dialog.png")


def test_a_template_of_another_assessment_dropped_on_the_window_is_refused(qtbot: Any, window: Any, demo_file: Path,
                                                                          mini_demo_file: Path, tmp_path: Path,
                                                                          fake_dialogs: Any) -> None:
    from readiness_app.excel.template import export_template

    with AssessmentFile.open_readonly(mini_demo_file) as other:
        stray = export_template(other, tmp_path / "other.xlsx", participant=other.participants()[0])
    window.documents.open_path(demo_file)
    session = window.session
    before = {a.key: a for a in session.file.answers()}
    event = _drop(window, [stray])
    assert event.isAccepted() and window.session is session
    (_title, what, _todo), = fake_dialogs.errors()
    assert "other.xlsx" in what and "exported from another assessment" in what
    assert {a.key: a for a in session.file.answers()} == before and session.undo_stack.count() == 0
