"""Help > About: the version, the bundled questionnaire versions and the open assessment's own."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness_app import __version__
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import i18n
from readiness_app.ui.about_dialog import AboutDialog

BUNDLED = ("prioritization", "readiness", "maturity", "baseline", "risk")


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


def _bundled_version(questionnaire_id: str) -> str:
    from readiness_app.questionnaire.loader import load_library

    qn = load_library().questionnaire(questionnaire_id)
    assert qn is not None
    return qn.version


def test_without_a_file_it_shows_the_version_and_the_bundled_questionnaires(qtbot: Any, tmp_path: Path) -> None:
    dialog = AboutDialog(None, tmp_path / "readiness-studio.ini")
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert f"Version: {__version__}" in text and "from source" in text
    section = text.split("Bundled questionnaires", 1)[1].split("Questionnaires of the open assessment", 1)[0]
    for qid in BUNDLED:
        assert f"({qid})" in section
    from readiness_app.questionnaire.loader import load_library

    lib = load_library()
    assert f"Library (dimensions, actions, risks)\n{lib.library_version}" in section
    for qn in lib.questionnaires:  # every questionnaire with its own version
        assert f"({qn.id})\n{qn.version}" in section
    assert "No assessment is open." in text
    assert "opens no network connection" in text
    assert "readiness-studio.log" in text and "readiness-studio.ini" in text


def test_a_file_answered_with_the_bundled_questionnaires_shows_them_as_the_same(qtbot: Any, demo_file: Path) -> None:
    with AssessmentFile.open_readonly(demo_file) as af:
        dialog = AboutDialog(af)
        qtbot.addWidget(dialog)
        text = dialog.text()
    embedded = text.split("Questionnaires of the open assessment", 1)[1].split("Where files live", 1)[0]
    for qid in BUNDLED:
        assert f"({qid})\n{_bundled_version(qid)}\nsame" in embedded
    assert str(demo_file) in text


def test_a_file_answered_with_other_questionnaires_says_how_it_differs(qtbot: Any, mini_demo_file: Path) -> None:
    with AssessmentFile.open_readonly(mini_demo_file) as af:
        dialog = AboutDialog(af)
        qtbot.addWidget(dialog)
        rows = dialog.text().split("Questionnaires of the open assessment", 1)[1].split("Where files live", 1)[0]
    assert "Maturity (maturity)\n1.0\ndifferent text" in rows
    assert "Prioritization (prioritization)\n1.0\ndifferent text" in rows
    assert "Library (dimensions, actions, risks)\ntest-1\ndifferent text" in rows
    assert "\nsame" not in rows


def test_help_about_opens_it_for_the_open_assessment_in_german(qtbot: Any, tmp_path: Path, demo_file: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    shown: list[AboutDialog] = []

    def present(cls: type[AboutDialog], parent: Any = None, file: Any = None, settings_file: Any = None) -> None:
        dialog = cls(file, settings_file, parent)
        qtbot.addWidget(dialog)
        shown.append(dialog)

    monkeypatch.setattr(AboutDialog, "present", classmethod(present))
    window = MainWindow(AppSettings(tmp_path / "settings"))
    qtbot.addWidget(window)
    window.documents.open_path(demo_file)
    window.set_language("de")
    window.help_menu.actions()[-1].trigger()  # Hilfe > Über Readiness Studio
    window.documents.close()
    [dialog] = shown
    text = dialog.text()
    assert dialog.windowTitle() == "Über Readiness Studio"
    assert "Mitgelieferte Fragebögen" in text and "Fragebögen der geöffneten Bewertung" in text
    assert text.count("gleich") >= len(BUNDLED)
    assert str(tmp_path / "settings" / "readiness-studio.ini") in text
