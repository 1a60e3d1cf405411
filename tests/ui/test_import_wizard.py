"""The import wizard, driven like a user on a workbook LibreOffice wrote.

Set READINESS_SCREENSHOTS=docs/screenshots to write the wizard's pages there
(en-16-import-*.png, de-16-import-*.png); otherwise they are rendered into a temporary folder.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView, QWizard

from readiness_app import resources
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import i18n
from readiness_app.ui.import_wizard import (
    HEADER_BG,
    ChoiceModel,
    ColumnsPage,
    ImportWizard,
    PreviewPage,
    RowsModel,
    SheetPage,
    ValuesPage,
    load_overview,
    make_plan,
    write_import,
)
from readiness_app.ui.tasks import Cancelled

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402

SHEET = xlsx_builders.LONG_SHEET[:31]  # LibreOffice cut the name at 31 characters


@pytest.fixture(scope="module")
def library() -> Any:
    return xlsx_builders.library()


@pytest.fixture
def prior(tmp_path: Path) -> Path:
    """The LibreOffice-written prior assessment, copied so nothing is written beside the fixture."""
    path = tmp_path / "in" / "prior.xlsx"
    path.parent.mkdir()
    shutil.copy(FIXTURES / "lo_prior_assessment.xlsx", path)
    return path


@pytest.fixture
def second(tmp_path: Path) -> Path:
    """Another workbook of the same layout (other answers), as the next client file would be."""
    from openpyxl import load_workbook

    wb = load_workbook(FIXTURES / "lo_prior_assessment.xlsx")
    ws = wb[SHEET]
    ws["E5"] = "Partly"
    ws["E9"] = "Yes"
    path = tmp_path / "in2" / "next-client.xlsx"
    path.parent.mkdir()
    wb.save(path)
    return path


def outputs(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file() and p.suffix not in (".xlsx", ".json"))


def make_wizard(qtbot: Any, path: Path, library: Any) -> ImportWizard:
    wizard = ImportWizard(load_overview(path, library), author="tester")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def next_page(qtbot: Any, wizard: ImportWizard, expected: int) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == expected and not wizard.busy, timeout=15000)


def choose(qtbot: Any, view: QTableView, row: int, value: Any) -> None:
    """Pick ``value`` in the combo of a row as a user does: F2 on the cell, choose, Return."""
    model = view.model()
    assert isinstance(model, ChoiceModel)
    values = [v for _t, v in model.rows[row].choices]
    assert value in values, (value, values)
    index = model.index(row, model.edit_column)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(index)
    assert isinstance(editor, QComboBox) and editor.accessibleName()
    editor.setCurrentIndex(values.index(value))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.rows[row].value == value if row < len(model.rows) else False, timeout=5000)


def texts(model: ChoiceModel, column: int) -> list[str]:
    return [model.text(r, column) for r in range(len(model.rows))]


def value_row(page: ValuesPage, label: str) -> int:
    return texts(page.values_model, 0).index(label)


def match_row(page: ValuesPage, text: str) -> int:
    return next(r for r, t in enumerate(texts(page.matches_model, 0)) if text in t)


def test_a_user_maps_previews_saves_a_profile_and_imports(qtbot: Any, prior: Path, tmp_path: Path, library: Any,
                                                         fake_dialogs: Any) -> None:
    wizard = make_wizard(qtbot, prior, library)
    assert wizard.windowTitle() == "Import prior.xlsx"
    # 1. sheet and header row: every sheet listed, the hidden one marked; the header detected below the titles
    page1 = wizard.currentPage()
    assert isinstance(page1, SheetPage)
    items = [page1.sheets.item(i).text() for i in range(page1.sheets.count())]
    assert items[0].startswith("Read me") and items[1].startswith(SHEET)
    assert "[hidden]" in items[2] and items[2].startswith("Lookup") and "[hidden]" not in items[1]
    assert page1.sheets.currentRow() == 1 and page1.header_spin.value() == 4
    page1.sheets.setCurrentRow(0)  # the cover sheet has no table
    assert page1.detected_label.text().startswith("No header row detected")
    page1.sheets.setCurrentRow(1)
    page1.header_spin.setValue(12)  # the header repeated inside the sheet
    page1.header_spin.setValue(4)
    assert wizard.draft.sheet == SHEET and wizard.draft.header_row == 4
    model = page1.preview_model
    assert model.data(model.index(3, 0)) == "Ref" and model.headerData(3, Qt.Orientation.Vertical) == "4"
    assert model.data(model.index(3, 0), Qt.ItemDataRole.BackgroundRole).color() == HEADER_BG
    assert model.data(model.index(4, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert "row 4" in page1.detected_label.text()

    # 2. columns: pre-filled from the header names; the user checks them and maps the use case
    next_page(qtbot, wizard, ImportWizard.COLUMNS)
    page2 = wizard.currentPage()
    assert isinstance(page2, ColumnsPage)
    assert {r: c.currentText() for r, c in page2.combos.items() if page2.column(r) != ColumnsPage.NOT_USED} == {
        "question_id": "A – Ref", "question": "B – Question", "participant": "C – Participant",
        "use_case": "D – Use case", "answer": "E – Answer", "note": "G – Comments"}
    assert page2.samples["answer"].text() == "e.g. Yes · Partly · Level 2 · 7"
    page2.choose("use_case", ColumnsPage.NOT_USED)
    assert "use_case" not in wizard.draft.columns and page2.samples["use_case"].text() == ""
    page2.choose("answer", ColumnsPage.NOT_USED)
    assert not page2.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    page2.choose("answer", 4)
    page2.choose("use_case", 3)
    assert wizard.draft.columns["answer"] == "Answer" and wizard.draft.columns["use_case"] == "Use case"

    # 3. values and questions
    next_page(qtbot, wizard, ImportWizard.VALUES)
    page3 = wizard.currentPage()
    assert isinstance(page3, ValuesPage)
    values = page3.values_model
    assert texts(values, 0) == ["Yes", "Partly", "Level 2", "7", "No", "N/A", "High", "75%", "Medium",
                                "Not applicable"]
    partly = value_row(page3, "Partly")
    assert values.text(partly, 1) == "2" and values.text(partly, 2) == "automatic: 2 – Read sometimes"
    assert values.text(value_row(page3, "High"), 2) == "automatic: High"
    choose(qtbot, page3.values, partly, 3)  # "Partly" means 3 in this client's scheme
    assert wizard.draft.values == {"Partly": 3} and values.text(partly, 2) == "3"
    matches = page3.matches_model
    confidences = texts(matches, 3)
    assert confidences[0] == "100 % (by id)" and "100 % (same text)" in confidences
    policy = match_row(page3, "Is there a written AI policy")
    assert matches.rows[policy].value == "mat.gov.policy"
    choose(qtbot, page3.matches, policy, "mat.gov.bodies")  # the user re-points one question
    assert wizard.draft.questions == {"Is there a written AI policy": "mat.gov.bodies"}
    assert matches.text(policy, 3) == "100 % (chosen)"
    level2 = value_row(page3, "Level 2")  # "Level 2" is no option of that checklist question: flagged
    assert values.text(level2, 2) == "automatic: not understood"
    assert "not among the options" in values.text(level2, 3)
    assert values.rows[level2].background is not None and values.rows[level2].background.name() == "#f6c6c6"

    # 4. preview: counts, the problem with its row and column, every answer with its source
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    page4 = wizard.currentPage()
    assert isinstance(page4, PreviewPage)
    tiles = {k: t.accessibleName() for k, t in page4.tiles.items()}
    assert tiles == {"answers": "10 answers", "participants": "2 participants", "use_cases": "2 use cases",
                     "problems": "1 rows with problems"}
    problems = page4.problems_model.rows
    errors = [p for p in problems if p[0] == "problem"]
    assert len(errors) == 1
    _kind, sheet, row, column, reason = errors[0]
    assert (sheet, row, column) == (SHEET, "7", "E (Answer)") and "'Level 2' not among the options" in reason
    i18n.set_language("de")  # the same problem, in the German interface
    page4.initializePage()
    (german,) = [p for p in page4.problems_model.rows if p[0] == "Problem"]
    assert "'Level 2' nicht unter den Optionen" in german[4], german
    i18n.set_language("en")
    page4.initializePage()
    answers = page4.answers_model.rows
    assert len(answers) == 10
    alerts = next(a for a in answers if a[1].startswith("mat.mon.alerts") and a[4] == "Anna Berger")
    assert alerts[0] == f"prior.xlsx / {SHEET} / row 6"  # the source: file / sheet / row
    assert alerts[2] == "Partly" and alerts[3].startswith("3 – ")
    assert any(a[4] == "consensus · Claims triage" for a in answers)
    assert page4.target.text() == str(prior.with_suffix(".readiness"))
    # with a problem, Finish waits for "import the rest anyway"
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    page4.allow.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()

    # the mapping saved as a profile (nothing else written)
    profile = tmp_path / "prior-profile.json"
    fake_dialogs.files.append(profile)
    wizard.button(QWizard.WizardButton.CustomButton2).click()
    saved = json.loads(profile.read_text(encoding="utf-8"))
    assert saved["sheets"] == [SHEET] and saved["header_row"] == 4
    assert saved["columns"]["answer"] == "Answer" and "answer_value" not in saved["columns"]
    assert saved["values"] == {"Partly": 3} and saved["questions"] == {"Is there a written AI policy": "mat.gov.bodies"}
    assert outputs(tmp_path) == []

    # Finish: the new file (chosen by the user) holds the answers with their source
    target = tmp_path / "out" / "prior-2024"
    target.parent.mkdir()
    fake_dialogs.files.append(target)
    page4.choose.click()
    assert page4.target.text() == str(target) + ".readiness"
    imported: list[Path] = []
    wizard.imported.connect(imported.append)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: bool(imported), timeout=15000)
    written = target.with_name("prior-2024.readiness")
    assert imported == [written] and wizard.result() == QWizard.DialogCode.Accepted
    assert outputs(tmp_path) == ["prior-2024.readiness"]  # no temporary file left behind
    with AssessmentFile.open_readonly(written) as af:
        people = {p.name: p.id for p in af.participants()}
        assert set(people) == {"Anna Berger", "Ben Okafor"}
        got = {a.key: a for a in af.answers()}
        assert len(got) == 10
        alerts_answer = got[("mat.mon.alerts", ORGANISATION, people["Anna Berger"])]
        assert alerts_answer.value == 3 and alerts_answer.source == f"prior.xlsx / {SHEET} / row 6"
        drift = got[("mat.mon.drift", ORGANISATION, people["Anna Berger"])]
        assert drift.value == 4 and drift.note == "dashboard exists"
        assert drift.source == f"prior.xlsx / {SHEET} / row 5"
        assert all(a.source.startswith(f"prior.xlsx / {SHEET} / row ") for a in got.values())
        assert not any(a.question_id == "mat.gov.policy" for a in got.values())
    assert fake_dialogs.errors() == []


@pytest.mark.parametrize("last_page", [ImportWizard.SHEET, ImportWizard.COLUMNS, ImportWizard.VALUES,
                                       ImportWizard.PREVIEW])
def test_cancel_on_any_page_writes_nothing(qtbot: Any, prior: Path, tmp_path: Path, library: Any,
                                           last_page: int) -> None:
    wizard = make_wizard(qtbot, prior, library)
    for page in range(1, last_page + 1):
        next_page(qtbot, wizard, page)
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible() and wizard.result() == QWizard.DialogCode.Rejected
    assert outputs(tmp_path) == []


def test_a_failed_or_cancelled_write_leaves_no_file(qtbot: Any, prior: Path, tmp_path: Path, library: Any) -> None:
    wizard = make_wizard(qtbot, prior, library)
    for page in (1, 2, 3):
        next_page(qtbot, wizard, page)
    page4 = wizard.currentPage()
    assert isinstance(page4, PreviewPage)
    page4.target.setText(str(tmp_path / "no-such-folder" / "x.readiness"))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "does not exist" in page4.status.text() and wizard.isVisible()
    # the write itself: cancelled after the file was built, or failing, leaves nothing
    plan = wizard.plan
    assert plan is not None
    flags = iter([False, True])
    with pytest.raises(Cancelled):
        write_import(plan, tmp_path / "cancelled.readiness", cancelled=lambda: next(flags))
    empty = make_plan(wizard.overview, wizard.draft.profile())
    empty.answers.clear()
    with pytest.raises(Exception, match="nothing to import"):
        write_import(empty, tmp_path / "failed.readiness")
    assert outputs(tmp_path) == []


def test_a_saved_profile_prefills_the_next_workbook_of_the_same_layout(qtbot: Any, prior: Path, second: Path,
                                                                       tmp_path: Path, library: Any,
                                                                       fake_dialogs: Any) -> None:
    first = make_wizard(qtbot, prior, library)
    next_page(qtbot, first, ImportWizard.COLUMNS)
    columns = first.currentPage()
    assert isinstance(columns, ColumnsPage)
    columns.choose("answer_value", 5)  # the hidden Score column holds the numbers
    next_page(qtbot, first, ImportWizard.VALUES)
    values = first.currentPage()
    assert isinstance(values, ValuesPage)
    choose(qtbot, values.values, value_row(values, "Medium"), "n/a")
    choose(qtbot, values.matches, match_row(values, "Is there a written AI policy"), "mat.gov.bodies")
    profile = tmp_path / "layout.json"
    assert first.save_profile(profile) == profile
    first.close()

    wizard = make_wizard(qtbot, second, library)
    assert "answer_value" not in wizard.draft.columns  # not detected from the header names alone
    fake_dialogs.files.append(profile)
    wizard.button(QWizard.WizardButton.CustomButton1).click()
    assert wizard.currentId() == ImportWizard.SHEET
    assert "Profile layout.json loaded." in wizard.currentPage().status.text()
    page1 = wizard.currentPage()
    assert isinstance(page1, SheetPage)
    assert page1.sheets.currentItem().text().startswith(SHEET) and page1.header_spin.value() == 4
    next_page(qtbot, wizard, ImportWizard.COLUMNS)
    page2 = wizard.currentPage()
    assert isinstance(page2, ColumnsPage)
    assert page2.combos["answer_value"].currentText() == "F – Score"
    assert page2.combos["answer"].currentText() == "E – Answer"
    next_page(qtbot, wizard, ImportWizard.VALUES)
    page3 = wizard.currentPage()
    assert isinstance(page3, ValuesPage)
    assert page3.values_model.rows[value_row(page3, "Medium")].value == "n/a"
    assert page3.values_model.text(value_row(page3, "Medium"), 2) == "not applicable"
    policy = match_row(page3, "Is there a written AI policy")
    assert page3.matches_model.rows[policy].value == "mat.gov.bodies"
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    assert wizard.plan is not None
    drift = [a for a in wizard.plan.answers if a.answer.question_id == "mat.mon.drift"]
    assert [(a.raw, a.answer.value) for a in drift] == [("Partly", 2), ("Yes", 4)]  # this file's answers
    assert outputs(tmp_path) == []


def test_our_own_scorecard_needs_no_mapping(qtbot: Any, tmp_path: Path, library: Any) -> None:
    wizard = make_wizard(qtbot, FIXTURES / "lo_scorecard.xlsx", library)
    page1 = wizard.currentPage()
    assert isinstance(page1, SheetPage) and "scorecard" in page1.kind_label.text()
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    assert wizard.plan is not None and wizard.plan.kind == "scorecard" and wizard.plan.answers
    assert not wizard.button(QWizard.WizardButton.CustomButton1).isEnabled()


def test_the_rows_model_is_a_sound_item_model(qtmodeltester: Any) -> None:
    model = RowsModel(["Sheet", "Row", "Reason"])
    model.set_rows([("S", "4", "why"), ("S", "5", "because")], [HEADER_BG, None])
    qtmodeltester.check(model)


@pytest.fixture
def xlsx_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The test questionnaires as the bundled ones (the app's import reads the bundled library)."""
    root = tmp_path / "data"
    shutil.copytree(xlsx_builders.LIBRARY_DIR, root / "questionnaires")
    (root / "assets").mkdir()
    monkeypatch.setenv("READINESS_DATA_DIR", str(root))
    resources.data_dir.cache_clear()
    yield root
    resources.data_dir.cache_clear()


def test_the_window_imports_through_the_wizard_and_opens_the_file(qtbot: Any, window: Any, prior: Path,
                                                                  tmp_path: Path, xlsx_data_dir: Path,
                                                                  fake_dialogs: Any) -> None:
    fake_dialogs.files.append(prior)
    task = window.documents.import_workbook()
    assert task is not None
    qtbot.waitUntil(lambda: window.documents.import_wizard is not None and window.documents.import_wizard.isVisible(),
                    timeout=15000)
    wizard = window.documents.import_wizard
    for page in (1, 2, 3):
        next_page(qtbot, wizard, page)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    target = prior.with_suffix(".readiness")
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == target, timeout=15000)
    # the non-interactive path (a target given) still imports at once
    again = tmp_path / "again.readiness"
    window.documents.import_workbook(prior, again)
    qtbot.waitUntil(lambda: window.session is not None and window.session.path == again, timeout=15000)
    assert fake_dialogs.errors() == []


def test_the_question_view_shows_where_an_imported_answer_came_from(qtbot: Any, library: Any) -> None:
    from readiness_app.ui.question_panel import QuestionPanel

    panel = QuestionPanel()
    qtbot.addWidget(panel)
    panel.show()
    q = library.question("mat.mon.drift")
    source = f"prior.xlsx / {SHEET} / row 5"
    panel.show_question(q, "", Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 4, source=source))
    assert panel.source_label.isVisible() and panel.source_label.text() == f"Imported from {source}"
    assert source in panel.answer_label.toolTip()
    panel.show_question(q, "", Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 3))
    assert not panel.source_label.isVisible() and panel.answer_label.toolTip() == ""


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_pages_render_for_the_guide(qtbot: Any, prior: Path, tmp_path: Path, library: Any, lang: str) -> None:
    """Every page rendered to PNG (look at them: no clipped text, no overlaps)."""
    from PySide6.QtWidgets import QApplication

    from readiness_app.ui.app import interface_font

    out = Path(os.environ.get("READINESS_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    i18n.set_language(lang)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    app.setFont(interface_font(app.font()))  # the application's font, as make_application sets it
    try:
        _render_pages(qtbot, prior, library, lang, out)
    finally:
        app.setFont(before)


def _render_pages(qtbot: Any, prior: Path, library: Any, lang: str, out: Path) -> None:
    wizard = make_wizard(qtbot, prior, library)
    wizard.resize(1280, 860)
    names = ["sheet", "columns", "values", "preview"]
    for page, name in enumerate(names):
        if page:
            next_page(qtbot, wizard, page)
        if name == "values":  # show a low-confidence match and a chosen value, as a user sees them
            values = wizard.currentPage()
            assert isinstance(values, ValuesPage)
            choose(qtbot, values.values, value_row(values, "Partly"), 3)
            choose(qtbot, values.matches, match_row(values, "Is there a written AI policy"), "")
            values.values.setCurrentIndex(values.values_model.index(-1, -1))
            values.matches.setCurrentIndex(values.matches_model.index(-1, -1))
        if name == "preview":  # a path as a reader's machine would show it, not the test's temporary folder
            preview = wizard.currentPage()
            assert isinstance(preview, PreviewPage)
            preview.target.setText("/home/consultant/Assessments/prior-2024.readiness")
        qtbot.wait(50)
        path = out / f"{lang}-16-import-{page + 1}-{name}.png"
        assert wizard.grab().save(str(path))
        assert path.stat().st_size > 10_000
