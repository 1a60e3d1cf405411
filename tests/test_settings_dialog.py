"""Edit > Settings: language, consultancy name and logo for reports, export folder, recent files; they persist.

Settings live in an ini file under the test's temporary folder (READINESS_SETTINGS_DIR), never
the user's. File choosers answer through the dialog service and the dialog's ``ask_folder`` seam.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from readiness_app.ui import dialogs, i18n
from readiness_app.ui.settings import AppSettings
from readiness_app.ui.settings_dialog import SettingsDialog, export_suggestion, report_branding


class Answers(dialogs.DialogService):
    def __init__(self) -> None:
        self.files: list[Path | None] = []
        self.asked: list[tuple[str, str]] = []

    def open_file(self, title: str, filters: str, folder: str = "") -> Path | None:
        self.asked.append(("open", title))
        return self.files.pop(0)

    def save_file(self, title: str, filters: str, suggested: str = "") -> Path | None:
        self.asked.append(("save", suggested))
        return self.files.pop(0)

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        raise AssertionError(f"unexpected error dialog: {title}: {what}")


@pytest.fixture(autouse=True)
def answers() -> Iterator[Answers]:
    fake = Answers()
    old = dialogs.set_service(fake)
    i18n.set_language("en")
    yield fake
    dialogs.set_service(old)
    i18n.set_language("en")


def _logo(path: Path) -> Path:
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("#0c5a63"))
    assert image.save(str(path), "PNG")
    return path


def test_settings_are_kept_in_the_test_folder_not_the_users() -> None:
    settings = AppSettings()
    assert settings.file_path() == Path(os.environ["READINESS_SETTINGS_DIR"]) / "readiness-studio.ini"


def test_every_choice_persists_across_restarts(qtbot: Any, tmp_path: Path, answers: Answers,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    settings = AppSettings()
    settings.add_recent(tmp_path / "old-workshop.readiness")
    logo = _logo(tmp_path / "nordlicht.png")
    exports = tmp_path / "exports"
    exports.mkdir()

    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.recent_label.text() == "1 file(s) in File > Open recent"
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    qtbot.keyClicks(dialog.consultancy, "Nordlicht Consulting")
    answers.files.append(logo)
    dialog.choose_logo()
    assert not dialog.logo_preview.pixmap().isNull()
    monkeypatch.setattr(dialog, "ask_folder", lambda: str(exports))
    dialog.choose_folder()
    dialog.clear_recent_button.click()
    with qtbot.waitSignal(dialog.finished):
        dialog.ok_button.click()

    again = AppSettings()  # a new instance reads the ini file, as the next start of the app does
    assert again.language() == "de"
    assert again.consultancy() == "Nordlicht Consulting"
    assert again.report_logo() == logo
    assert again.export_folder() == str(exports)
    assert again.recent_files() == []


def test_cancel_changes_nothing_and_a_bad_logo_is_refused(qtbot: Any, tmp_path: Path, answers: Answers) -> None:
    settings = AppSettings()
    settings.set_consultancy("Before")
    not_an_image = tmp_path / "logo.png"
    not_an_image.write_text("this is not a picture")
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    answers.files.append(not_an_image)
    dialog.choose_logo()
    assert dialog.logo is None and dialog.logo_error.isVisibleTo(dialog)
    assert "logo.png is not a PNG or JPEG" in dialog.logo_error.text()
    dialog.consultancy.setText("After")
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()
    assert AppSettings().consultancy() == "Before" and AppSettings().report_logo() is None


def test_the_menu_applies_the_language_and_refreshes_recent_files(qtbot: Any, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.ui.main_window import MainWindow

    settings = AppSettings(tmp_path / "s")
    settings.add_recent(tmp_path / "a.readiness")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    assert window.recent_menu.isEnabled()

    def edit(cls: type[SettingsDialog], s: AppSettings, parent: Any = None) -> bool:
        dialog = cls(s, parent)
        qtbot.addWidget(dialog)
        dialog.language.setCurrentIndex(dialog.language.findData("de"))
        dialog.clear_recent()
        dialog.accept()
        return True

    monkeypatch.setattr(SettingsDialog, "edit", classmethod(edit))
    action = window.actions_by_key["settings"]
    assert action in window.edit_menu.actions()
    action.trigger()
    assert i18n.language() == "de" and window.file_menu.title() == "&Datei"
    assert action.text() == "&Einstellungen…"
    assert not window.recent_menu.isEnabled()


def test_pdf_exports_use_the_branding_and_the_export_folder(qtbot: Any, tmp_path: Path, demo_file: Path,
                                                            answers: Answers, monkeypatch: pytest.MonkeyPatch) -> None:
    from readiness_app.report import pdf as report_pdf
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.pages.export import ExportPage

    settings = AppSettings(tmp_path / "s")
    logo = _logo(tmp_path / "logo.png")
    exports = tmp_path / "exports"
    exports.mkdir()
    settings.set_consultancy("Nordlicht Consulting")
    settings.set_report_logo(logo)
    settings.set_export_folder(exports)
    calls: list[dict[str, Any]] = []

    def build_report(source: Path, out: Path, **options: Any) -> None:
        calls.append({"source": source, "out": out, **options})
        Path(out).write_bytes(b"%PDF-1.4\n%%EOF\n")

    monkeypatch.setattr(report_pdf, "build_report", build_report)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.documents.open_path(demo_file)
    page = window.pages["export"]
    assert isinstance(page, ExportPage)
    answers.files.append(exports / "demo.pdf")
    task = page.export("pdf")
    assert task is not None
    qtbot.waitUntil(lambda: bool(calls) and "Saved" in page.status_label.text(), timeout=10000)
    window.documents.close()
    assert answers.asked == [("save", str(exports / "demo.pdf"))]  # suggested in the export folder
    [call] = calls
    assert call["branding"] == report_pdf.Branding(consultancy="Nordlicht Consulting", logo=logo)


def test_without_settings_exports_go_beside_the_file_with_the_default_branding(tmp_path: Path) -> None:
    settings = AppSettings(tmp_path / "s")
    source = tmp_path / "work" / "acme.readiness"
    assert report_branding(settings) is None
    assert export_suggestion(settings, source, ".xlsx") == tmp_path / "work" / "acme.xlsx"
    settings.set_export_folder(tmp_path / "gone")  # a folder that was removed since
    settings.set_report_logo(tmp_path / "gone.png")
    assert export_suggestion(settings, source, ".pdf") == tmp_path / "work" / "acme.pdf"
    assert report_branding(settings) is None
