"""An imported instrument is answered in the app as its own step, like our questionnaires."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.model import ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import operations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def test_the_imported_step_asks_the_instrument_and_saves_answers(qtbot: Any, window: Any, tmp_path: Path) -> None:
    out = apply_plan(plan_import(FIXTURES / "checkliste.xlsx"), tmp_path / "checkliste.readiness")
    window.documents.open_path(out)
    window.show_step("imported")
    page = window.question_page("imported")
    assert page is not None
    assert [q.text.en for q in page.questions] == [
        "Die Organisation führt ein Verzeichnis aller KI-Systeme.",
        "Für jedes KI-System ist eine Risikoeinstufung dokumentiert.",
        "Mitarbeitende, die KI nutzen, sind geschult.",
        "Vorfälle mit KI-Systemen werden gemeldet und ausgewertet."]
    assert page.title_label.text() == "Imported instruments"
    first = page.questions[0]
    assert [o.label.en for o in first.options] == ["Nicht erfüllt", "Teilweise erfüllt", "Erfüllt"]
    operations.set_answer(window.session, first.id, ORGANISATION, value=first.options[-1].id)
    page.grab().save(str(tmp_path / "imported-step.png"))
    with AssessmentFile.open_readonly(out) as af:  # saved the moment it was given
        (a,) = af.answers()
        assert (a.question_id, a.value, a.questionnaire_id) == (first.id, "erfullt", "imp.checkliste")


def test_a_file_without_imported_instruments_has_an_empty_imported_step(qtbot: Any, window: Any,
                                                                        demo_file: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("imported")
    page = window.question_page("imported")
    assert page is not None and page.questions == []
