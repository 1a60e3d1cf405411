"""An optional date: empty until set, typed in the interface language's format, or picked from a calendar.

A plain text field, not a spin box: arrow keys move the cursor and never change a saved date,
Ctrl+Z in the field undoes the typing, and an empty field means "not set". What was typed is
saved when the field is left (or Enter); text that is not a date says so under the field and
saves nothing. The calendar opens at the date shown, else at ``default_month()`` (the start
date for the end date), else today.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from readiness_app.ui.i18n import language, tr

FORMATS = {"en": ("%Y-%m-%d", "YYYY-MM-DD"), "de": ("%d.%m.%Y", "TT.MM.JJJJ")}


def shown(iso: str, lang: str | None = None) -> str:
    """An ISO date as the interface language writes it ("" stays "")."""
    if not iso:
        return ""
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return d.strftime(FORMATS.get(lang or language(), FORMATS["en"])[0])


def parse_date(text: str) -> date | None:
    """A typed date: "2025-03-12", "12.03.2025", "12.3.25" or "12/03/2025" (day first); None if empty.

    Raises ValueError for text that is not a date.
    """
    t = text.strip()
    if not t:
        return None
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
    if m:
        y, mo, d = (int(x) for x in m.groups())
        return date(y, mo, d)
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})", t)
    if m:
        d, mo, y = (int(x) for x in m.groups())
        return date(2000 + y if y < 100 else y, mo, d)
    raise ValueError(t)


class DateField(QWidget):
    """``committed(iso)`` when the facilitator set, changed or cleared the date ("" = not set)."""

    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.value = ""  # the saved ISO date
        self.validate: Callable[[str], str] = lambda _iso: ""  # returns a message when the date is refused
        self.default_month: Callable[[], str] = lambda: ""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.edit = QLineEdit()
        self.edit.setMaximumWidth(180)
        self.edit.editingFinished.connect(self._finished)
        self.button = QToolButton()
        self.button.setText("📅")
        self.button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.button.clicked.connect(self.open_calendar)
        row.addWidget(self.edit)
        row.addWidget(self.button)
        row.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        outer.addLayout(row)
        outer.addWidget(self.message)
        self.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None
        self.menu: QMenu | None = None
        self.retranslate()

    def set_value(self, iso: str) -> None:
        """Show the saved date (from the file); clears any message."""
        self.value = iso
        self.edit.setText(shown(iso))
        self.message.hide()

    def _finished(self) -> None:
        text = self.edit.text()
        try:
            d = parse_date(text)
        except ValueError:
            self._refuse(tr("eng.date_invalid", text=text.strip(), format=FORMATS.get(language(), FORMATS["en"])[1]))
            return
        self._commit(d.isoformat() if d is not None else "")

    def _commit(self, iso: str) -> None:
        problem = self.validate(iso) if iso else ""
        if problem:
            self._refuse(problem)
            return
        self.message.hide()
        if iso != self.value:
            self.value = iso
            self.edit.setText(shown(iso))
            self.committed.emit(iso)
        elif self.edit.text() != shown(iso):
            self.edit.setText(shown(iso))

    def _refuse(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def open_calendar(self) -> QCalendarWidget:
        """The calendar, at the date shown, else the default month (start date), else today."""
        start = self.value or self.default_month()
        qd = QDate.fromString(start, "yyyy-MM-dd") if start else QDate.currentDate()
        if self.menu is None:
            self.menu = QMenu(self)
            self.calendar = QCalendarWidget()
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
            action = QWidgetAction(self.menu)
            action.setDefaultWidget(self.calendar)
            self.menu.addAction(action)
        assert self.calendar is not None
        self.calendar.setSelectedDate(qd if qd.isValid() else QDate.currentDate())
        self.calendar.setCurrentPage(self.calendar.selectedDate().year(), self.calendar.selectedDate().month())
        self.menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, qd: QDate) -> None:
        if self.menu is not None:
            self.menu.hide()
        self._commit(qd.toString("yyyy-MM-dd"))
        self.edit.setFocus()

    def setAccessibleName(self, name: str) -> None:  # the field and its button say it too
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.button.setAccessibleName(f"{name}: {tr('eng.date_pick')}")

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(FORMATS.get(language(), FORMATS["en"])[1])
        self.button.setToolTip(tr("eng.date_pick"))
        self.button.setAccessibleName(f"{self.accessibleName()}: {tr('eng.date_pick')}")
        self.edit.setText(shown(self.value))
