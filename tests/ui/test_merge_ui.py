"""File → Merge another file…: the facilitator decides each conflict, every decision is logged, Undo takes it back."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui.merge_dialog import MergeDialog


def _state(af: AssessmentFile) -> tuple[Any, ...]:
    return ({a.key: (a.value, a.not_applicable, a.note) for a in af.answers()},
            [(p.id, p.name, p.role) for p in af.participants()], af.targets(),
            sorted((e.item_key, e.op) for e in af.roadmap_edits()))


def _breakouts(demo_file: Path, tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """The claims room (A, the open file) and the underwriting room (B), both from one demo."""
    b = tmp_path / "underwriting-room.readiness"
    shutil.copyfile(demo_file, b)
    with AssessmentFile.open(demo_file) as af:
        scale = [q.id for q in af.library().iter_questions() if q.type == "scale" and q.scope == "organisation"]
        af.set_answer(Answer(scale[0], ORGANISATION, CONSENSUS, 1, note="claims room: weak"))
        af.set_answer(Answer(scale[1], ORGANISATION, CONSENSUS, 3, note="claims room"))
    with AssessmentFile.open(b, author="Jonas") as bf:
        bf.set_answer(Answer(scale[0], ORGANISATION, CONSENSUS, 4, note="underwriting room: strong"))
        bf.set_answer(Answer(scale[2], ORGANISATION, CONSENSUS, 2, note="underwriting only"))
        bf.add_participant("Jonas Weber", "model_owner", participant_id="p-jonas")
        bf.set_answer(Answer(scale[1], ORGANISATION, "p-jonas", 0))
        bf.set_target("monitoring", 4)
    return demo_file, b, scale


def _answer_dialog(qtbot: Any, act: Any) -> list[Any]:
    """Act on the merge dialog once it is shown (it is modal), as the facilitator would."""
    seen: list[Any] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(20, handle)
            return
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, handle)
    return seen


def test_merge_another_file_decide_conflicts_then_undo_and_redo(qtbot: Any, window: Any, demo_file: Path,
                                                                 tmp_path: Path, fake_dialogs: Any) -> None:
    a, b, scale = _breakouts(demo_file, tmp_path)
    window.documents.open_path(a)
    session = window.session
    before = _state(session.file)
    log_before = len(session.file.changelog())
    assert window.actions_by_key["merge"].isEnabled()
    assert "merge" in [x.objectName() for x in window.file_menu.actions()]
    fake_dialogs.files.append(b)
    shots: list[Any] = []

    def decide(dialog: MergeDialog) -> None:
        assert dialog.table.rowCount() == 1  # the one conflict: both rooms answered the first question
        assert dialog.table.item(0, 1).text().startswith("1 – ") and "claims room: weak" in dialog.table.item(0, 1).text()
        assert "underwriting room: strong" in dialog.table.item(0, 2).text()
        assert "1 conflict(s)" in dialog.summary_label.text()
        shots.append(dialog.grab())
        dialog.choices[0].setCurrentIndex(1)  # take the underwriting room's answer
        dialog.ok_button.click()

    seen = _answer_dialog(qtbot, decide)
    window.actions_by_key["merge"].trigger()
    assert seen, "the merge dialog was not shown"
    shots[0].save(str(tmp_path / "merge-dialog.png"))
    shots[0].save("/tmp/h24/merge-dialog.png")
    f = session.file
    assert f.answer(scale[0]).value == 4 and f.answer(scale[0]).note == "underwriting room: strong"  # decided: B
    assert f.answer(scale[1]).value == 3  # only A changed it
    assert f.answer(scale[2]).value == 2 and f.answer(scale[2]).source.endswith("merge: side B, underwriting-room.readiness")
    assert f.answer(scale[1], ORGANISATION, "p-jonas").value == 0 and f.targets()["monitoring"] == 4
    decided = [e for e in f.changelog() if e.entity == "merge" and e.action == "decide"]
    assert [(e.entity_id, e.after["kept"], e.after["by"]) for e in decided] == [
        (f"answer:{scale[0]}|org|", "b", "facilitator")]
    assert any(e.action.startswith("merged from underwriting-room.readiness:") and e.author == "Jonas"
               for e in f.changelog())
    assert "Merged underwriting-room.readiness" in window.statusBar().currentMessage()
    assert window.session.undo_stack.undoText() == "Merge underwriting-room.readiness"

    copied = len([e for e in f.changelog() if e.action.startswith("merged from")])
    window.undo()
    assert _state(f) == before  # everything the merge changed is back
    assert len(f.changelog()) > log_before  # the log keeps the merge and its undo
    window.redo()
    assert f.answer(scale[0]).value == 4 and f.participant("p-jonas") is not None
    assert len([e for e in f.changelog() if e.action.startswith("merged from")]) == copied  # B's log once
    window.undo()
    assert _state(f) == before


def test_cancelling_the_merge_changes_nothing(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                              fake_dialogs: Any) -> None:
    a, b, _scale = _breakouts(demo_file, tmp_path)
    window.documents.open_path(a)
    before = _state(window.session.file)
    fake_dialogs.files.append(b)
    seen = _answer_dialog(qtbot, lambda d: d.reject())
    window.actions_by_key["merge"].trigger()
    assert seen and _state(window.session.file) == before and window.session.undo_stack.count() == 0


def test_merging_an_unrelated_file_is_refused(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                              fake_dialogs: Any, mini_demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    before = _state(window.session.file)
    fake_dialogs.files.append(mini_demo_file)
    window.actions_by_key["merge"].trigger()
    (_title, what, _todo), = fake_dialogs.errors()
    assert "did not start from the same assessment as demo.readiness" in what
    assert _state(window.session.file) == before and window.session.undo_stack.count() == 0


def test_merge_dialog_in_german_and_bulk_choices(qtbot: Any, demo_file: Path, tmp_path: Path) -> None:
    from readiness_app.merge.plan import plan_merge
    from readiness_app.ui import i18n

    a, b, _scale = _breakouts(demo_file, tmp_path)
    with AssessmentFile.open(b) as bf:
        bf.update_participant(bf.participants()[0].id, role="sponsor")
    with AssessmentFile.open(a) as af:
        af.update_participant(af.participants()[0].id, role="data_owner")
    i18n.set_language("de")
    with AssessmentFile.open_readonly(a) as af, AssessmentFile.open_readonly(b) as bf:
        plan = plan_merge(af, bf)
        names = {p.id: p.name for p in af.participants()}
        dialog = MergeDialog(plan, af.library(), names)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "underwriting-room.readiness zusammenführen"
    assert "2 Konflikt(e)" in dialog.summary_label.text() and dialog.all_there.isVisible() is False
    dialog.show()
    assert dialog.all_there.isVisible()
    dialog.all_there.click()
    assert set(dialog.decisions().values()) == {"b"}
    dialog.all_here.click()
    assert set(dialog.decisions().values()) == {"a"}
    assert dialog.table.item(0, 0).text().startswith("Teilnehmende Person: ")
