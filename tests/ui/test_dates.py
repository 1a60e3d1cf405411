"""Workshop dates: empty until set, typed in the interface's format, a calendar that opens sensibly,
end not before start, and no arrow key that changes a saved date."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt

from readiness_app.ui import i18n
from readiness_app.ui.date_field import parse_date, shown


@pytest.fixture
def eng(qtbot: Any, window: Any, tmp_path: Path) -> Any:
    window.documents.new_assessment(tmp_path / "dates.readiness")
    window.show_step("engagement")
    return window.pages["engagement"]


def _type(qtbot: Any, field: Any, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_parse_date_reads_iso_and_day_first_forms() -> None:
    assert parse_date("2025-03-12") == date(2025, 3, 12)
    assert parse_date(" 12.03.2025 ") == parse_date("12.3.25") == parse_date("12/03/2025") == date(2025, 3, 12)
    assert parse_date("") is None
    for bad in ("2025-13-01", "31.02.2025", "tomorrow", "2025/03"):
        with pytest.raises(ValueError):
            parse_date(bad)
    assert shown("2025-03-12", "de") == "12.03.2025" and shown("2025-03-12", "en") == "2025-03-12"


def test_dates_are_empty_until_set_and_typed_text_is_saved(qtbot: Any, window: Any, eng: Any) -> None:
    start, end = eng.dates["workshop_start"], eng.dates["workshop_end"]
    assert start.edit.text() == "" and end.edit.text() == "" and start.edit.placeholderText() == "YYYY-MM-DD"
    _type(qtbot, start, "2025-03-12")  # the typed date, not a spin box's guess (it gave 2001-03-12)
    assert window.session.file.engagement().workshop_start == "2025-03-12"
    _type(qtbot, end, "x")
    assert not end.message.isHidden() and "YYYY-MM-DD" in end.message.text()
    assert window.session.file.engagement().workshop_end == ""
    _type(qtbot, end, "2025-03-11")  # before the start: refused, nothing saved
    assert "cannot end before it starts" in end.message.text() and window.session.file.engagement().workshop_end == ""
    _type(qtbot, end, "2025-03-13")
    assert window.session.file.engagement().workshop_end == "2025-03-13" and end.message.isHidden()
    _type(qtbot, end, "")  # cleared: not set
    assert window.session.file.engagement().workshop_end == ""


def test_german_dates_are_typed_and_shown_day_first(qtbot: Any, window: Any, eng: Any) -> None:
    i18n.set_language("de")
    start = eng.dates["workshop_start"]
    assert start.edit.placeholderText() == "TT.MM.JJJJ"
    _type(qtbot, start, "12.03.2025")
    assert window.session.file.engagement().workshop_start == "2025-03-12"
    assert start.edit.text() == "12.03.2025"


def test_arrow_keys_cannot_change_a_saved_date_and_ctrl_z_in_the_field_undoes_typing(qtbot: Any, window: Any,
                                                                                       eng: Any) -> None:
    start = eng.dates["workshop_start"]
    _type(qtbot, start, "2025-03-12")
    start.edit.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_Left):
        qtbot.keyClick(start.edit, key)
    qtbot.keyClick(start.edit, Qt.Key.Key_Tab)
    assert window.session.file.engagement().workshop_start == "2025-03-12"
    start.edit.setFocus()
    start.edit.end(False)
    qtbot.keyClick(start.edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(start.edit, "5")
    assert start.edit.text() == "2025-03-15"
    qtbot.keyClick(start.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(start.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert start.edit.text() == "2025-03-12"
    qtbot.keyClick(start.edit, Qt.Key.Key_Return)
    assert window.session.file.engagement().workshop_start == "2025-03-12"


def test_the_calendar_opens_at_today_or_the_start_date(qtbot: Any, window: Any, eng: Any) -> None:
    start, end = eng.dates["workshop_start"], eng.dates["workshop_end"]
    cal = start.open_calendar()
    assert cal.selectedDate() == QDate.currentDate()  # not January 2000
    start.menu.hide()
    _type(qtbot, start, "2025-03-12")
    cal = end.open_calendar()
    assert cal.selectedDate() == QDate(2025, 3, 12)  # the end's calendar opens at the start
    end._picked(QDate(2025, 3, 14))
    assert window.session.file.engagement().workshop_end == "2025-03-14"
    window.undo()  # an explicit edit: one step of undo
    assert window.session.file.engagement().workshop_end == ""
