"""Drive a whole workshop the way a facilitator does: keyboard first, then check it all persisted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import operations
from readiness_app.ui.pages.questions import QuestionPage
from readiness_app.ui.pages.records import ParticipantsPage, UseCasesPage
from readiness_app.ui.pages.results import ResultsPage

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _type_into_new_row(qtbot: Any, page: ParticipantsPage | UseCasesPage, text: str) -> None:
    """Click "Add", then type the name into the editor that opens, and press Enter."""
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.table.focusWidget() if page.table.state() == page.table.State.EditingState else None
    assert editor is not None, "adding a row opens its name for editing"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.table.state() != page.table.State.EditingState)  # Qt commits queued


def _press(qtbot: Any, widget: Any, *keys: Qt.Key) -> None:
    for k in keys:
        qtbot.keyClick(widget, k)


def test_whole_workshop_by_keyboard(qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    path = tmp_path / "acme.readiness"
    fake_dialogs.files.append(path)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)  # Ctrl+N: new assessment, asks where to save it
    assert window.session is not None and path.exists()
    assert window.central.currentWidget() is window.workspace

    # 1. engagement: the client shows in the title bar
    eng = window.pages["engagement"]
    window.show_step("engagement")
    eng.edits["client"].setFocus()
    qtbot.keyClicks(eng.edits["client"], "ACME Insurance")
    qtbot.keyClick(eng.edits["client"], Qt.Key.Key_Return)
    assert "ACME Insurance" in window.windowTitle() and "acme.readiness" in window.windowTitle()

    # 2. participants and 3. use cases
    window.show_step("participants")
    people: ParticipantsPage = window.pages["participants"]
    for name in ("Ada", "Ben", "Cleo"):
        _type_into_new_row(qtbot, people, name)
    assert [p.name for p in window.session.file.participants()] == ["Ada", "Ben", "Cleo"]
    window.show_step("use_cases")
    ucs: UseCasesPage = window.pages["use_cases"]
    _type_into_new_row(qtbot, ucs, "Claims triage")
    assert [u.name for u in window.session.file.use_cases()] == ["Claims triage"]

    # 6. maturity, workshop mode: answer by keyboard, move on, N/A with a reason
    window.show_step("maturity")
    page: QuestionPage = window.pages["maturity"]
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.workshop and not page.list_view.isVisible()
    results: ResultsPage = window.pages["results"]
    window.show_step("results")
    before = results.dimension_model.record(0).score.value
    window.show_step("maturity")
    q1 = page.question()
    scale_questions = [q for q in page.questions if q.type == "scale"]
    assert q1 is not None and q1 in scale_questions
    _press(qtbot, page, Qt.Key.Key_C, Qt.Key.Key_4)  # C: the consensus row; a digit there records the answer
    assert window.session.file.answer(q1.id).value == 4
    assert page.panel.cards[4].property("selected") is True
    _press(qtbot, page, Qt.Key.Key_Right)
    q2 = page.question()
    assert q2 is not None and q2 is not q1
    fake_dialogs.texts.append("no second line yet")
    _press(qtbot, page, Qt.Key.Key_N)
    a2 = window.session.file.answer(q2.id)
    assert a2 is not None and a2.not_applicable and a2.note == "no second line yet"

    # a note on the first answer
    _press(qtbot, page, Qt.Key.Key_PageUp)
    assert page.question() is q1
    page.panel.note_edit.setFocus()
    qtbot.keyClicks(page.panel.note_edit, "list lives in SharePoint")
    qtbot.keyClick(page.panel.note_edit, Qt.Key.Key_Return)
    assert window.session.file.answer(q1.id).note == "list lives in SharePoint"
    assert window.session.file.answer(q1.id).value == 4

    # votes on question 3: hidden until revealed, then spread, flag and consensus
    page.setFocus()
    _press(qtbot, page, Qt.Key.Key_Right, Qt.Key.Key_Right)
    q3 = page.question()
    assert q3 is not None and q3.type == "scale"
    grid = page.votes.grid
    grid.setFocus()
    grid.setCurrentIndex(page.votes.model.index(0, 1))
    _press(qtbot, grid, Qt.Key.Key_1, Qt.Key.Key_3, Qt.Key.Key_4)  # Ada 1, Ben 3, Cleo 4
    votes = {a.participant_id: a.value for a in window.session.file.answers(ORGANISATION)
             if a.question_id == q3.id and a.participant_id != CONSENSUS}
    assert sorted(votes.values()) == [1, 3, 4]
    shown = [page.votes.model.data(page.votes.model.index(r, 1)) for r in range(3)]
    assert all("voted" in s for s in shown), "votes stay hidden until revealed"
    assert not page.votes.record_button.isEnabled()
    qtbot.mouseClick(page.votes.reveal_button, Qt.MouseButton.LeftButton)
    shown = [page.votes.model.data(page.votes.model.index(r, 1)) for r in range(3)]
    assert shown == ["1", "3", "4"]
    assert "3" in page.votes.spread_label.text()
    assert "Disagreement" in page.votes.flag_label.text()
    qtbot.mouseClick(page.votes.record_button, Qt.MouseButton.LeftButton)
    assert window.session.file.answer(q3.id).value == 3  # the median

    # 8. the dashboard changed
    window.show_step("results")
    after = results.dimension_model.record(0).score.value
    assert after != before
    qtbot.waitUntil(lambda: "3 of" in window.navigator.model.data(window.navigator.model.index(5, 0)))

    # undo / redo across steps (Ctrl+Z, Ctrl+Shift+Z)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert window.session.file.answer(q3.id) is None
    assert window.page_stack.currentWidget() is page, "undo shows the step it changed"
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert window.session.file.answer(q3.id).value == 3

    # the use-case scope has a selector; answer a prioritization question by keyboard
    window.show_step("prioritization")
    prio: QuestionPage = window.pages["prioritization"]
    assert prio.use_case_combo.isVisibleTo(prio) and prio.use_case_combo.currentText() == "Claims triage"
    pq = prio.question()
    assert pq is not None
    prio.setFocus()
    _press(qtbot, prio, Qt.Key.Key_C, Qt.Key.Key_2)
    uc_id = window.session.file.use_cases()[0].id
    stored = window.session.file.answer(pq.id, uc_id)
    assert stored is not None and stored.value is not None

    # close and reopen: every answer is there
    expected = {a.key: (a.value, a.not_applicable, a.note) for a in window.session.file.answers()}
    window.documents.close()
    assert window.central.currentWidget() is window.start_page
    assert window.start_page.recent_list.count() >= 1
    window.documents.open_path(path)
    assert window.session is not None
    got = {a.key: (a.value, a.not_applicable, a.note) for a in window.session.file.answers()}
    assert got == expected
    window.show_step("maturity")
    page = window.pages["maturity"]
    assert page.model.data(page.model.index(0, 2)).startswith("4")
    assert page.model.data(page.model.index(1, 2)) == "n/a"
    assert "no second line yet" in page.model.data(page.model.index(1, 2), Qt.ItemDataRole.ToolTipRole)


def test_list_mode_answers_from_the_list(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.documents.new_assessment(tmp_path / "list.readiness")
    window.show_step("maturity")
    page: QuestionPage = window.pages["maturity"]
    view = page.list_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert page.current == 1
    qtbot.keyClick(view, Qt.Key.Key_2)
    q = page.question()
    assert q is not None and window.session.file.answer(q.id).value == 2
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.session.file.answer(q.id) is None


def test_undo_restores_a_removed_participant_with_votes(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.documents.new_assessment(tmp_path / "undo.readiness")
    s = window.session
    from readiness_app.ui import operations

    p = operations.add_participant(s, "Dana", "data_owner")
    q = next(q for q in s.library.iter_questions() if q.scope == "organisation" and q.type == "scale")
    operations.set_answer(s, q.id, ORGANISATION, p.id, 2)
    window.show_step("participants")
    page: ParticipantsPage = window.pages["participants"]
    page.table.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert s.file.participants() == []
    window.undo()
    assert [x.name for x in s.file.participants()] == ["Dana"]
    assert s.file.answer(q.id, ORGANISATION, p.id).value == 2
    window.redo()
    assert s.file.participants() == []


def test_reopened_file_is_not_locked_after_close(window: Any, tmp_path: Path) -> None:
    path = tmp_path / "x.readiness"
    window.documents.new_assessment(path)
    window.documents.close()
    with AssessmentFile.open(path):
        pass


def test_choice_number_and_navigation_keys(qtbot: Any, window: Any, tmp_path: Path) -> None:
    window.documents.new_assessment(tmp_path / "keys.readiness")
    s = window.session
    window.show_step("baseline")
    page: QuestionPage = window.pages["baseline"]
    choice = next((i for i, q in enumerate(page.questions) if q.type == "choice" and q.scope == "organisation"), None)
    number = next((i for i, q in enumerate(page.questions) if q.type == "number" and q.scope == "organisation"), None)
    assert choice is not None and number is not None
    page.go_to(choice)
    page.setFocus()
    q = page.question()
    qtbot.keyClick(page, Qt.Key.Key_2)  # the second option
    assert s.file.answer(q.id).value == q.options[1].id
    page.go_to(number)
    q = page.question()
    edit = page.panel.value_edit
    assert edit is not None
    edit.setFocus()
    qtbot.keyClicks(edit, "12.5")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert s.file.answer(q.id).value == 12.5
    # Ctrl+PgDown / Ctrl+PgUp move between steps; F11 toggles full screen
    qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    from readiness_app.ui.progress import STEPS

    assert window.navigator.current() == STEPS[STEPS.index("baseline") + 1]
    qtbot.keyClick(window, Qt.Key.Key_PageUp, CTRL)
    assert window.navigator.current() == "baseline"
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.actions_by_key["fullscreen"].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.actions_by_key["fullscreen"].isChecked()


def test_ctrl_s_saves_a_copy_that_holds_every_answer(qtbot: Any, window: Any, tmp_path: Path, fake_dialogs: Any) -> None:
    window.documents.new_assessment(tmp_path / "orig.readiness")
    s = window.session
    q = next(q for q in s.library.iter_questions() if q.scope == "organisation" and q.type == "scale")
    from readiness_app.ui import operations

    operations.set_answer(s, q.id, ORGANISATION, value=3)
    fake_dialogs.files.append(tmp_path / "copy")
    qtbot.keyClick(window, Qt.Key.Key_S, CTRL)
    copy = tmp_path / "copy.readiness"
    assert copy.exists() and "copy.readiness" in window.statusBar().currentMessage()
    assert window.session.path == tmp_path / "orig.readiness", "the original stays open"
    with AssessmentFile.open_readonly(copy) as af:
        assert af.answer(q.id).value == 3


def test_the_demo_button_writes_a_fresh_demo_in_the_background_and_opens_it(qtbot: Any, window: Any) -> None:
    button = window.start_page.buttons["demo"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    task = window.documents.last_task
    assert task is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # an impatient second click starts nothing new
    assert window.documents.last_task is task
    qtbot.waitUntil(lambda: window.session is not None, timeout=10000)
    path = window.session.path
    assert path == window.documents.demo_path()
    client = window.session.file.engagement().client
    assert client and client in window.windowTitle() and path.name in window.windowTitle()
    assert window.central.currentWidget() is window.workspace
    assert len(window.session.file.use_cases()) == 8  # including the two AI Act screening cases
    # the demo changed in the workshop, opened again: a fresh copy, the change is gone
    first = window.session.file.use_cases()[0]
    operations.remove_use_case(window.session, first.id)
    assert len(window.session.file.use_cases()) == 7
    window.documents.open_demo()
    qtbot.waitUntil(lambda: window.session is not None and len(window.session.file.use_cases()) == 8, timeout=10000)


def test_the_navigator_fills_in_when_results_are_shown_before_the_background_scoring_ends(
        qtbot: Any, window: Any, demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    session = window.session
    session.start_scoring()  # the background build runs ...
    window.show_step("results")  # ... and the results page takes it over before it reports back
    model = window.navigator.model
    row = model.row_of("maturity")
    qtbot.waitUntil(lambda: "complete" in model.data(model.index(row, 0)), timeout=5000)


def test_cancelling_the_demo_while_it_is_written_opens_nothing(qtbot: Any, window: Any) -> None:
    qtbot.mouseClick(window.start_page.buttons["demo"], Qt.MouseButton.LeftButton)
    task = window.documents.last_task
    assert task is not None and task.running
    task.cancel()  # what the progress dialog's Cancel does
    qtbot.waitUntil(lambda: not task.running, timeout=10000)
    qtbot.wait(50)
    assert window.session is None and window.central.currentWidget() is window.start_page
