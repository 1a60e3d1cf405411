"""The import wizard shows the detected layout, lets the user switch it, and imports wide sheets and checklists.

Set READINESS_SCREENSHOTS=docs/screenshots to write the pages of each layout there
(en-17-import-layout-*.png, de-17-import-layout-*.png) for the user guide.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWizard

from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import i18n
from readiness_app.ui.import_wizard import ImportWizard, PreviewPage, SheetPage, load_overview

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "import"


def wizard_on(qtbot: Any, path: Path) -> ImportWizard:
    wizard = ImportWizard(load_overview(path), author="tester")
    qtbot.addWidget(wizard)
    wizard.resize(1280, 860)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def next_page(qtbot: Any, wizard: ImportWizard, expected: int) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == expected and not wizard.busy, timeout=15000)


def copy(name: str, tmp_path: Path) -> Path:
    target = tmp_path / "in" / name
    target.parent.mkdir(exist_ok=True)
    shutil.copy(FIXTURES / name, target)
    return target


def test_by_participant_is_detected_previewed_and_imported(qtbot: Any, tmp_path: Path) -> None:
    wizard = wizard_on(qtbot, copy("nach_teilnehmer.ods", tmp_path))
    page = wizard.currentPage()
    assert isinstance(page, SheetPage)
    assert page.layout_combo.currentText() == "As detected"
    assert page.layout_hint.text() == ("Detected: One column per participant. Each answer column becomes a "
                                       "participant; the answers become their votes.")
    # a wide layout maps itself: straight to the preview
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    preview = wizard.currentPage()
    assert isinstance(preview, PreviewPage)
    assert "Read as: One column per participant." in preview.summary.text()
    assert "imported instrument “nach_teilnehmer” (4 questions)" in preview.summary.text()
    rows = preview.answers_model.rows
    assert len(rows) == 10 and rows[0][4] == "Anna Berger" and rows[0][0] == "nach_teilnehmer.ods / Umfrage / row 2"
    target = tmp_path / "umfrage.readiness"
    preview.target.setText(str(target))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.written is not None, timeout=15000)
    with AssessmentFile.open_readonly(target) as af:
        assert [p.name for p in af.participants()] == ["Anna Berger", "Ben Okafor", "Clara Weiß"]
        assert len(af.answers()) == 10


def test_the_user_switches_the_layout(qtbot: Any, tmp_path: Path) -> None:
    wizard = wizard_on(qtbot, copy("nach_teilnehmer.xlsx", tmp_path))
    page = wizard.currentPage()
    assert isinstance(page, SheetPage)
    page.choose_layout("long")
    assert wizard.draft.layout == "long" and wizard.draft.profile().layout == "long"
    assert page.layout_hint.text().endswith("Next: choose the question and answer columns.")
    next_page(qtbot, wizard, ImportWizard.COLUMNS)  # the long layout asks for the columns
    wizard.back()
    page.choose_layout("auto")
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    preview = wizard.currentPage()
    assert isinstance(preview, PreviewPage) and len(preview.answers_model.rows) == 10


def test_a_checklist_without_answers_imports_from_the_wizard(qtbot: Any, tmp_path: Path) -> None:
    wizard = wizard_on(qtbot, copy("checkliste.xlsx", tmp_path))
    page = wizard.currentPage()
    assert isinstance(page, SheetPage)
    assert page.layout_hint.text().startswith("Detected: One row per answer (long).")
    page.choose_layout("long")
    next_page(qtbot, wizard, ImportWizard.COLUMNS)
    next_page(qtbot, wizard, ImportWizard.VALUES)
    next_page(qtbot, wizard, ImportWizard.PREVIEW)
    preview = wizard.currentPage()
    assert isinstance(preview, PreviewPage)
    assert "imported instrument “KI-Governance-Checkliste” (4 questions)" in preview.summary.text()
    target = tmp_path / "checkliste.readiness"
    preview.target.setText(str(target))
    assert preview.title_edit.isVisible() and preview.title_edit.text() == "KI-Governance-Checkliste"
    preview.title_edit.setText("  KI-Governance 2025  ")  # the user gives the instrument its own title
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # no answers, yet something to import
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.written is not None, timeout=15000)
    with AssessmentFile.open_readonly(target) as af:
        qn = af.library().questionnaire("imp.checkliste")
        assert qn is not None and len(qn.questions) == 4
        assert (qn.title.en, qn.title.de) == ("KI-Governance 2025", "KI-Governance 2025")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_each_layout_renders_for_the_guide(qtbot: Any, tmp_path: Path, lang: str) -> None:
    """The sheet page of each layout and a preview, rendered to PNG (look at them)."""
    from PySide6.QtWidgets import QApplication

    from readiness_app.ui.app import interface_font

    out = Path(os.environ.get("READINESS_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    i18n.set_language(lang)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.font()
    app.setFont(interface_font(app.font()))
    try:
        for n, (name, fixture) in enumerate((("long", "lang.xlsx"), ("by-subject", "nach_anwendungsfall.xlsx"),
                                             ("by-participant", "nach_teilnehmer.xlsx")), start=1):
            wizard = wizard_on(qtbot, copy(fixture, tmp_path))
            qtbot.wait(50)
            path = out / f"{lang}-17-import-layout-{n}-{name}.png"
            assert wizard.grab().save(str(path)) and path.stat().st_size > 10_000
            if name == "by-subject":
                next_page(qtbot, wizard, ImportWizard.PREVIEW)
                preview = wizard.currentPage()
                assert isinstance(preview, PreviewPage)
                preview.target.setText("/home/consultant/Assessments/prioritisation-2024.readiness")
                qtbot.wait(50)
                path = out / f"{lang}-17-import-layout-{n}-{name}-preview.png"
                assert wizard.grab().save(str(path)) and path.stat().st_size > 10_000
            wizard.close()
    finally:
        app.setFont(before)
        i18n.set_language("en")


def test_a_saved_profile_is_proposed_for_the_next_workbook(qtbot: Any, tmp_path: Path) -> None:
    first = copy("nach_teilnehmer.xlsx", tmp_path)
    wizard = wizard_on(qtbot, first)
    page = wizard.currentPage()
    assert isinstance(page, SheetPage) and not page.proposal.isVisible()
    saved = wizard.save_profile(tmp_path / "in" / "umfrage-profil.json")
    assert saved is not None
    wizard.close()
    # the next workbook of the same layout, in the same folder (another format): the profile is proposed
    second = copy("nach_teilnehmer.ods", tmp_path)
    wizard = wizard_on(qtbot, second)
    page = wizard.currentPage()
    assert isinstance(page, SheetPage)
    assert page.proposal.isVisible()
    assert page.proposal.text() == "Use the saved profile umfrage-profil.json (it fits this workbook)"
    page.proposal.click()
    assert "umfrage-profil.json" in page.status.text()
    assert wizard.draft.sheet == "Umfrage" and wizard.draft.header_row == 1
    # a workbook of another layout: nothing proposed
    wizard.close()
    wizard = wizard_on(qtbot, copy("lang.xlsx", tmp_path))
    assert not wizard.currentPage().proposal.isVisible()  # type: ignore[attr-defined]
