"""The EU AI Act step asks the screening per use case; the results show each class and coverage with its why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from readiness_app.ui import operations
from readiness_app.ui.pages.results import ResultsPage


def _click(qtbot: Any, table: Any, model: Any, row: int, column: int = 0) -> None:
    rect = table.visualRect(model.index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_results_show_each_class_and_why(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path) -> None:
    window.documents.open_path(demo_file)
    window.show_step("results")
    page: ResultsPage = window.pages["results"]
    panel = page.regulation_box
    model = panel.class_model
    classes = {model.record(i).use_case_id: model.data(model.index(i, 1)) for i in range(model.rowCount())}
    assert classes["uc-health-pricing"] == "High-risk"
    assert classes["uc-service-chatbot"] == "Transparency duties"
    assert classes["uc-claims-triage"] == "Minimal risk"
    assert "not legal advice" in panel.disclaimer.text()
    row = model.row_of("uc-health-pricing")
    _click(qtbot, panel.class_table, model, row)
    why = panel.why_label.text()
    assert "Art. 6(3), Annex III point 5(c)" in why and "Art. 27" in why and "Art. 26(6)" in why
    # a framework row explains its areas and the questions behind them
    _click(qtbot, panel.coverage_table, panel.coverage_model, 1)
    assert "A.6" in panel.why_label.text() and "mat.gov.gates_rollback" in panel.why_label.text()
    page.grab().save(str(tmp_path / "results.png"))
    _click(qtbot, panel.class_table, model, model.row_of("uc-health-pricing"))
    # the room changes its answer: the case is no longer in Annex III, the class follows
    operations.set_answer(window.session, "aia.annex_iii", "uc-health-pricing", value=["none"])
    row = model.row_of("uc-health-pricing")
    assert model.data(model.index(row, 1)) == "Minimal risk"
    assert "Minimal risk" in panel.why_label.text()


def test_the_ai_act_step_asks_the_screening_in_german_too(qtbot: Any, window: Any, demo_file: Path) -> None:
    from readiness_app.ui.i18n import set_language

    window.documents.open_path(demo_file)
    window.show_step("ai_act")
    page = window.question_page("ai_act")
    assert page is not None
    ids = [q.id for q in page.questions]
    assert ids[0] == "aia.role" and "aia.obligations_met" in ids
    set_language("de")
    try:
        window.retranslate_ui() if hasattr(window, "retranslate_ui") else None
        page.retranslate()
        assert page.title_label.text() == "Screening KI-Verordnung"
        window.show_step("results")
        panel = window.pages["results"].regulation_box
        panel.retranslate()
        assert "keine Rechtsberatung" in panel.disclaimer.text()
    finally:
        set_language("en")
