"""The keyboard model of the room, driven key by key as a facilitator does (the F1 card lists it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.questionnaire.loader import load_library
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import i18n, operations
from readiness_app.ui.pages.questions import QuestionPage

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.fixture
def room(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    path = tmp_path / "keys.readiness"
    af = AssessmentFile.create(path, load_library())
    for name in ("Ada", "Ben", "Cleo"):
        af.add_participant(name, "product_owner")
    af.add_use_case("Claims triage")
    af.close()
    window.documents.open_path(path)
    window.show_step("maturity")
    page: QuestionPage = window.pages["maturity"]
    page.set_workshop_mode(True)
    page.go_to(next(i for i, q in enumerate(page.questions) if q.type == "scale"))
    page.setFocus()
    return window


def _page(window: Any) -> QuestionPage:
    return window.pages["maturity"]


def _selected(page: QuestionPage) -> str:
    rec = page.votes.model.record(page.votes.selected_row())
    return "consensus" if rec.consensus else rec.participant.name


def _votes(window: Any, qid: str) -> dict[str, Any]:
    return {a.participant_id: a.value for a in window.session.file.answers(ORGANISATION) if a.question_id == qid}


def test_digits_vote_down_the_grid_then_the_consensus_row_records_the_answer(qtbot: Any, room: Any) -> None:
    page = _page(room)
    q = page.question()
    assert _selected(page) == "Ada"  # a new question starts on the first participant still to vote
    people = {p.name: p.id for p in room.session.file.participants()}
    for key, who_next in ((Qt.Key.Key_1, "Ben"), (Qt.Key.Key_3, "Cleo"), (Qt.Key.Key_4, "consensus")):
        qtbot.keyClick(page, key)
        assert _selected(page) == who_next  # one row down, visibly selected
    assert page.question() is q, "a vote never moves to another question"
    assert _votes(room, q.id) == {people["Ada"]: 1, people["Ben"]: 3, people["Cleo"]: 4}
    qtbot.keyClick(page, Qt.Key.Key_2)  # on the consensus row: the room's answer
    assert _votes(room, q.id)[CONSENSUS] == 2 and _selected(page) == "consensus"
    qtbot.keyClick(page, Qt.Key.Key_Delete)  # Delete clears the selected row
    assert CONSENSUS not in _votes(room, q.id)
    qtbot.keyClick(page, Qt.Key.Key_Up)
    assert _selected(page) == "Cleo"
    # R reveals, Enter records the consensus the votes suggest (the median, 3)
    assert not page.votes.revealed
    qtbot.keyClick(page, Qt.Key.Key_R)
    assert page.votes.revealed and page.votes.model.data(page.votes.model.index(0, 1)) == "1"
    qtbot.keyClick(page, Qt.Key.Key_Return)
    assert _votes(room, q.id)[CONSENSUS] == 3
    qtbot.keyClick(page, Qt.Key.Key_R)  # and hides them again
    assert not page.votes.revealed


def test_left_and_right_move_between_questions_from_every_control(qtbot: Any, room: Any) -> None:
    page = _page(room)
    people = room.session.file.participants()
    operations.set_answer(room.session, page.question().id, ORGANISATION, people[0].id, 2)
    start = page.current
    qtbot.mouseClick(page.votes.reveal_button, Qt.MouseButton.LeftButton)
    for widget in (page.votes.reveal_button, page.votes.record_button, page.votes.grid, page.panel.next_button,
                   page.workshop_button, page):
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Right)
        assert page.current == start + 1, f"→ from {widget.objectName() or type(widget).__name__}"
        qtbot.keyClick(widget, Qt.Key.Key_Left)
        assert page.current == start
    qtbot.keyClick(page, Qt.Key.Key_PageDown)
    assert page.current == start + 1


def test_tab_reaches_and_leaves_every_control(qtbot: Any, room: Any) -> None:
    page = _page(room)
    page.set_workshop_mode(False)
    operations.set_answer(room.session, page.question().id, ORGANISATION, room.session.file.participants()[0].id, 1)
    room.activateWindow()
    page.list_view.setFocus()
    seen: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        w = QApplication.focusWidget()
        seen.append(w)
        if w is page.list_view:
            break
    wanted = [page.votes.grid, page.votes.reveal_button, page.panel.note_edit, page.panel.prev_button,
              page.panel.next_button, page.panel.na_button, page.list_button]  # (of List / Workshop, the checked one)
    missing = [w.accessibleName() or type(w).__name__ for w in wanted if w not in seen]
    assert not missing, f"Tab never reaches {missing}"
    after_grid = seen[seen.index(page.votes.grid) + 1]
    assert after_grid is not page.votes.grid, "Tab leaves the vote grid"


def test_focus_after_opening_is_on_the_first_thing_to_do_never_in_a_date(qtbot: Any, window: Any, tmp_path: Path,
                                                                          demo_file: Path) -> None:
    window.activateWindow()
    window.documents.new_assessment(tmp_path / "new.readiness")
    eng = window.pages["engagement"]
    assert QApplication.focusWidget() is eng.edits["client"]
    window.documents.close()
    window.documents.open_path(demo_file)  # everything filled in: choose a step
    assert QApplication.focusWidget() is window.navigator.view
    assert all(QApplication.focusWidget() is not d.edit for d in window.pages["engagement"].dates.values())
    before = window.session.file.engagement()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # a stray arrow key changes nothing saved
    assert window.session.file.engagement() == before


def test_no_stale_highlight_in_the_question_list_after_answers_and_undo(qtbot: Any, room: Any) -> None:
    page = _page(room)
    page.set_workshop_mode(False)
    view = page.list_view
    view.setFocus()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_C, Qt.Key.Key_2, Qt.Key.Key_Right):
        qtbot.keyClick(view, key)
    room.undo()
    room.undo()
    selected = sorted({i.row() for i in view.selectionModel().selectedIndexes()})
    assert selected == [page.current], "exactly the current question's row is highlighted"
    grid_selected = {i.row() for i in page.votes.grid.selectionModel().selectedIndexes()}
    assert grid_selected == {page.votes.selected_row()}


def test_sidebar_progress_survives_undo(qtbot: Any, room: Any) -> None:
    page = _page(room)
    qtbot.keyClick(page, Qt.Key.Key_C)
    qtbot.keyClick(page, Qt.Key.Key_3)
    room._update_statuses()
    nav = room.navigator
    row = nav.model.row_of("maturity")

    def maturity() -> str:
        return str(nav.model.data(nav.model.index(row, 0)))

    qtbot.waitUntil(lambda: "1 of" in maturity())
    operations.add_participant(room.session, "Dana", "sponsor")  # a change that re-scores everything
    room.undo()
    room._update_statuses()
    assert "1 of" in maturity(), "the question steps keep their progress while scoring runs"
    room.undo()  # the answer
    room._update_statuses()
    qtbot.waitUntil(lambda: "0 of" in maturity() or "1 of" not in maturity())


def test_ctrl_d_opens_and_closes_the_live_dashboard(qtbot: Any, room: Any) -> None:
    qtbot.keyClick(room, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dash = room.dashboard_window
    assert dash is not None and dash.isVisible()
    room.activateWindow()
    qtbot.keyClick(room, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not dash.isVisible()
    qtbot.keyClick(room, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert room.dashboard_window.isVisible()


def test_presentation_zoom(qtbot: Any, room: Any) -> None:
    page = _page(room)
    scale = page.panel.scale
    room.actions_by_key["zoom_in"].trigger()
    assert page.panel.scale > scale and "115" in room.statusBar().currentMessage()
    room.actions_by_key["zoom_reset"].trigger()
    assert page.panel.scale == scale
    room.actions_by_key["zoom_out"].trigger()
    assert page.panel.scale < scale


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("size", [(1280, 720), (1024, 768)])
def test_workshop_mode_fits_all_five_levels(qtbot: Any, room: Any, lang: str, size: tuple[int, int]) -> None:
    i18n.set_language(lang)
    room.resize(*size)
    page = _page(room)
    for i, q in enumerate(page.questions[:12]):
        if q.type != "scale":
            continue
        page.go_to(i)
        viewport = page.panel.answers_scroll.viewport()

        def bottom(viewport: QWidget = viewport) -> int:
            last = page.panel.cards[-1]
            return int(last.mapTo(viewport, last.rect().bottomLeft()).y())

        assert len(page.panel.cards) == 5
        try:  # the panel checks the fit once it is laid out (a few event-loop turns)
            qtbot.waitUntil(lambda v=viewport: bottom() <= v.height(), timeout=2000)
        except Exception:
            room.grab().save(f"/tmp/fit_{lang}_{size[0]}.png")
            raise AssertionError(f"{q.id}: level 4 cut at {size} in {lang} ({bottom()} > {viewport.height()})") from None
        assert page.panel.shown_scale >= 0.8


def test_the_help_card_and_the_user_guide_list_the_same_keys() -> None:
    from readiness_app.ui.help_card import CARD, markdown_table

    guide = (DOCS / "user-guide.md").read_text(encoding="utf-8")
    assert markdown_table("en") in guide, "docs/user-guide.md: paste help_card.markdown_table('en')"
    assert sum(len(rows) for _title, rows in CARD) >= 15
