"""The export step writes the readout deck (on the firm's template from the settings) and the
backlog CSVs, as a user clicks them: button, save dialog, background job, status line."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from readiness_app.ui.settings_dialog import SettingsDialog, deck_template


def _wait_task(qtbot: Any, task: Any) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: not task.running, timeout=60_000)


def _template(path: Path) -> Path:
    from pptx.util import Inches

    prs = Presentation()  # 4:3
    prs.slide_width, prs.slide_height = Inches(10), Inches(7.5)
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "Firm example slide"
    prs.save(str(path))
    return path


def test_the_deck_button_builds_the_deck_on_the_template_from_the_settings(
        qtbot: Any, window: Any, demo_file: Path, tmp_path: Path, fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    window.show_step("export")
    page = window.pages["export"]
    assert page.buttons["pptx"].text() == "Export readout deck (PowerPoint)…"
    template = _template(tmp_path / "firm.pptx")
    window.settings.set_deck_template(template)
    target = tmp_path / "readout"  # the suffix is added
    fake_dialogs.files.append(target)
    page.buttons["pptx"].click()
    _wait_task(qtbot, page.task)
    assert fake_dialogs.errors() == []
    written = tmp_path / "readout.pptx"
    assert page.status_label.text() == f"Saved {written}"
    prs = Presentation(str(written))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000), "the firm's 4:3 size"
    assert all("Firm example slide" not in (s.shapes.title.text_frame.text if s.shapes.title else "")
               for s in prs.slides)


@pytest.mark.parametrize(("kind", "header"), [("jira", "Summary"), ("azure", "Work Item Type")])
def test_the_backlog_buttons_write_the_importers_csv(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                                    fake_dialogs: Any, kind: str, header: str) -> None:
    window.documents.open_path(demo_file)
    window.show_step("export")
    page = window.pages["export"]
    target = tmp_path / f"{kind}.csv"
    fake_dialogs.files.append(target)
    page.buttons[kind].click()
    _wait_task(qtbot, page.task)
    assert fake_dialogs.errors() == []
    assert fake_dialogs.calls[-1][1][1] == "CSV files (*.csv)"
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == header and len(rows) > 5
    assert page.status_label.text() == f"Saved {target}"


def test_a_broken_template_is_a_dialog_not_a_crash(qtbot: Any, window: Any, demo_file: Path, tmp_path: Path,
                                                   fake_dialogs: Any) -> None:
    bad = tmp_path / "firm.pptx"
    bad.write_bytes(b"PK\x03\x04 not really a presentation")
    window.settings.set_deck_template(bad)
    window.documents.open_path(demo_file)
    window.show_step("export")
    page = window.pages["export"]
    fake_dialogs.files.append(tmp_path / "deck.pptx")
    page.buttons["pptx"].click()
    _wait_task(qtbot, page.task)
    assert fake_dialogs.errors(), "the user is told"
    assert not (tmp_path / "deck.pptx").exists()


def test_the_settings_dialog_chooses_and_clears_the_slide_template(qtbot: Any, window: Any, tmp_path: Path,
                                                                   fake_dialogs: Any) -> None:
    settings = window.settings
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    assert dialog.deck_label.text() == "(the built-in look)"
    not_a_deck = tmp_path / "notes.txt"
    not_a_deck.write_text("x", encoding="utf-8")
    fake_dialogs.files.append(not_a_deck)
    dialog.choose_deck_template()
    assert dialog.deck_error.isVisibleTo(dialog) and "notes.txt" in dialog.deck_error.text()
    template = _template(tmp_path / "firm.pptx")
    fake_dialogs.files.append(template)
    dialog.choose_deck_template()
    assert not dialog.deck_error.isVisibleTo(dialog) and dialog.deck_label.text() == str(template)
    dialog.accept()
    assert settings.deck_template() == template and deck_template(settings) == template
    template.unlink()
    assert deck_template(settings) is None, "a template that is gone falls back to the built-in look"
