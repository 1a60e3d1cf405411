"""Hidden is hidden: until the facilitator reveals a question's votes, no view betrays them.

Each view is captured before any vote, again with a vote cast but hidden (it must be the
same: no value, median, colour or tooltip), and after the reveal (it must change, so the
capture sees what the votes say).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.questionnaire.loader import load_library
from readiness_app.scoring.visibility import Visibility, from_meta, meta_changes, visible_input
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import operations
from readiness_app.ui.pages.questions import QuestionPage
from readiness_app.ui.pages.results import ResultsPage

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
         Qt.ItemDataRole.ForegroundRole)


def _model_dump(model: QAbstractItemModel) -> list[Any]:
    out = []
    try:
        columns = model.columnCount(QModelIndex())
    except TypeError:  # list models (QListWidget's) keep columnCount private: one column
        columns = 1
    for r in range(model.rowCount()):
        for c in range(columns):
            for role in ROLES:
                v = model.data(model.index(r, c), role)
                out.append(v.name() if hasattr(v, "name") else v)
    return out


def _capture(widget: QWidget) -> tuple[Any, ...]:
    """What a widget shows: every item model's cells (text, tooltip, colours), every label, the pixels."""
    for _ in range(3):  # let pending layouts settle, so only content can differ
        QApplication.processEvents()
    models = [_model_dump(m) for m in widget.findChildren(QAbstractItemModel)]
    labels = [(lab.text(), lab.toolTip()) for lab in widget.findChildren(QLabel) if lab.isVisible()]
    return models, labels, widget.grab().toImage()


@pytest.fixture
def room(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    """A fresh assessment with two participants and one use case, open in the window."""
    path = tmp_path / "room.readiness"
    af = AssessmentFile.create(path, load_library())
    af.add_participant("Ada", "product_owner")
    af.add_participant("Ben", "data_owner")
    af.add_use_case("Claims triage")
    af.close()
    window.documents.open_path(path)
    assert window.session is not None
    return window


def _maturity(window: Any) -> tuple[QuestionPage, Any]:
    window.show_step("maturity")
    page: QuestionPage = window.pages["maturity"]
    q = next(q for q in page.questions if q.type == "scale")
    page.go_to_question(q.id)
    return page, q


def test_the_core_rule_drops_hidden_votes_from_scoring_and_keeps_the_consensus() -> None:
    vote = Answer("q1", ORGANISATION, "p1", value=4)
    consensus = Answer("q1", ORGANISATION, CONSENSUS, value=2)
    carried = Answer("q2", ORGANISATION, "p1", value=3, source="baseline: old.readiness")
    hidden = Visibility()
    assert not hidden.may_show(vote) and hidden.may_show(consensus) and hidden.may_show(carried)
    assert hidden.shown([vote, consensus, carried]) == [consensus, carried]
    shown = hidden.with_revealed("q1", ORGANISATION, True)
    assert shown.may_show(vote) and shown.votes_shown("q1", ORGANISATION)
    assert not shown.votes_shown("q1", "uc-1")  # the same question in another scope stays hidden
    again = Visibility(show_all=True).with_revealed("q1", ORGANISATION, False)
    assert not again.may_show(vote) and again.votes_shown("q9", ORGANISATION)
    # what the file records reads back as the same visibility
    for after in (shown, again, Visibility(show_all=True)):
        meta = {k: v for k, v in meta_changes(Visibility(), after).items() if v is not None}
        assert from_meta(meta) == after
    lib = load_library()
    from readiness_app.scoring.inputs import ScoringInput

    inp = ScoringInput(lib, (), (), (vote, consensus))
    assert visible_input(inp, hidden).answers == (consensus,)
    assert visible_input(inp, shown).answers == (vote, consensus)


def test_list_rows_and_their_tooltips_say_nothing_before_the_reveal(qtbot: Any, room: Any) -> None:
    page, q = _maturity(room)
    row = page.questions.index(q)
    before = [page.model.data(page.model.index(row, c), r) for c in (2,) for r in ROLES[:2]]
    assert page.vote(room.session.file.participants()[0].id, 4)
    page.step_by(1)  # the leak was in every other row: the voted question is no longer the current one
    hidden = [page.model.data(page.model.index(row, c), r) for c in (2,) for r in ROLES[:2]]
    assert hidden == before  # no "≈ 4", no tooltip
    assert page.model.data(page.model.index(row, 3)) == "1/2"  # that someone voted is no secret
    page.step_by(-1)
    page.reveal(True)
    page.step_by(1)
    assert page.model.data(page.model.index(row, 2)) == "≈ 4"
    assert "4" in page.model.data(page.model.index(row, 2), Qt.ItemDataRole.ToolTipRole)


def test_the_vote_grid_shows_only_that_someone_voted(qtbot: Any, room: Any) -> None:
    page, _q = _maturity(room)
    ada = room.session.file.participants()[0]
    page.vote(ada.id, 3)
    grid = page.votes.model
    assert grid.data(grid.index(0, 1)) != "3" and grid.data(grid.index(0, 1), Qt.ItemDataRole.ToolTipRole) in ("", None)
    assert page.votes.spread_label.text() == "" and "3" not in page.votes.record_button.text()
    page.reveal(True)
    assert grid.data(grid.index(0, 1)) == "3"
    assert "3" in page.votes.record_button.text()


def test_results_page_and_live_dashboard_are_unchanged_by_hidden_votes(qtbot: Any, room: Any) -> None:
    page, q = _maturity(room)
    dashboard = room.open_dashboard_window()
    assert dashboard is not None
    dashboard.resize(1280, 720)
    qtbot.waitExposed(dashboard)
    results: ResultsPage = room.pages["results"]
    room.show_step("results")
    before = (_capture(results), _capture(dashboard.page))
    people = room.session.file.participants()
    room.show_step("maturity")
    page.vote(people[0].id, 4)
    page.vote(people[1].id, 4)
    room.show_step("results")
    hidden = (_capture(results), _capture(dashboard.page))
    assert _diff(hidden[0], before[0]) == [] and _diff(hidden[1], before[1]) == []
    room.show_step("maturity")
    page.reveal(True)
    room.show_step("results")
    after = (_capture(results), _capture(dashboard.page))
    assert after[0] != before[0] and after[1] != before[1]
    dim = next(d for d in results.dimension_model.rows if d.dimension_id == q.dimension)
    assert dim.score.value is not None


def test_why_dialog_lists_a_hidden_vote_as_not_answered(qtbot: Any, room: Any) -> None:
    page, q = _maturity(room)
    page.vote(room.session.file.participants()[0].id, 4)
    room.show_step("results")
    results: ResultsPage = room.pages["results"]

    def why_answer() -> str:
        d = next(d for d in results.dimension_model.rows if d.dimension_id == q.dimension)
        dialog = results.show_why("t", "n", d.score)
        assert dialog is not None
        rec = next(r for r in dialog.model.rows if r.question_id == q.id)
        return str(rec.answer)

    from readiness_app.ui.i18n import tr

    assert why_answer() == tr("res.why_missing")
    room.show_step("maturity")
    page.reveal(True)
    room.show_step("results")
    assert why_answer() != tr("res.why_missing") and "4" in why_answer()


def test_a_reveal_is_kept_in_the_file_and_show_all_votes_shows_every_vote(qtbot: Any, room: Any) -> None:
    page, q = _maturity(room)
    ada = room.session.file.participants()[0]
    page.vote(ada.id, 2)
    page.reveal(True)
    path = room.session.path
    room.documents.close()
    room.documents.open_path(path)
    assert room.session.visibility.votes_shown(q.id, ORGANISATION)
    page, q = _maturity(room)
    page.reveal(False)
    assert not room.session.visibility.votes_shown(q.id, ORGANISATION)
    operations.show_all_votes(room.session, True)
    assert room.session.visibility.votes_shown(q.id, ORGANISATION)
    assert page.votes.model.data(page.votes.model.index(0, 1)) == "2"


def _diff(a: Any, b: Any) -> list[str]:
    out = []
    for i, (x, y) in enumerate(zip(a[0], b[0], strict=True)):
        if x != y:
            out.append(f"model {i}: {[(p, q) for p, q in zip(x, y, strict=False) if p != q][:5]}")
    if a[1] != b[1]:
        out.append(f"labels: {[(p, q) for p, q in zip(a[1], b[1], strict=False) if p != q]}")
    if a[2] != b[2]:
        import os
        if os.environ.get("HIDDEN_DEBUG"):
            a[2].save("/tmp/hid_a.png")
            b[2].save("/tmp/hid_b.png")
        out.append("pixels differ")
    return out
