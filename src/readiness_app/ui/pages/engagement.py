"""Step 1: engagement setup (client, workshop dates, facilitator, report language)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from readiness_app.ui import operations
from readiness_app.ui.date_field import DateField, shown
from readiness_app.ui.i18n import tr
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro

TEXT_FIELDS = ("client", "industry", "title", "facilitator", "consultancy")
DATE_FIELDS = ("workshop_start", "workshop_end")


class NotesEdit(QPlainTextEdit):
    """A plain-text editor that reports when editing is finished (focus leaves)."""

    editingFinished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


class EngagementPage(Page):
    step = "engagement"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading()
        self.intro_label = intro()
        self.outer.addWidget(self.title_label)
        self.outer.addWidget(self.intro_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        self.form = form
        self.edits: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateField] = {}
        self.labels: dict[str, QLabel] = {}
        for name in ("client", "industry", "title"):
            self._add_text(name)
        for name in DATE_FIELDS:
            d = DateField()
            d.committed.connect(lambda iso, n=name: self._commit_date(n, iso))
            self.dates[name] = d
            self._add_row(name, d)
        start, end = self.dates["workshop_start"], self.dates["workshop_end"]
        end.default_month = lambda: start.value  # the end's calendar opens at the start
        end.validate = lambda iso: (tr("eng.end_before_start", start=shown(start.value))
                                    if start.value and iso < start.value else "")
        start.validate = lambda iso: (tr("eng.start_after_end", end=shown(end.value))
                                      if end.value and iso > end.value else "")
        for name in ("facilitator", "consultancy"):
            self._add_text(name)
        self.language = QComboBox()
        self.language.addItem(tr("lang.en"), "en")
        self.language.addItem(tr("lang.de"), "de")
        self.language.setMaximumWidth(220)
        self.language.activated.connect(self._commit_language)
        self._add_row("language", self.language)
        self.notes = NotesEdit()
        self.notes.setMinimumHeight(110)
        self.notes.editingFinished.connect(self._commit_notes)
        self._add_row("notes", self.notes)
        box = QWidget()
        box.setLayout(form)
        box.setMaximumWidth(900)
        self.outer.addWidget(box)
        self.outer.addStretch(1)
        self._loading = False
        self.retranslate()

    def _add_text(self, name: str) -> None:
        e = QLineEdit()
        e.editingFinished.connect(lambda n=name: self._commit_text(n))
        self.edits[name] = e
        self._add_row(name, e)

    def _add_row(self, name: str, widget: QWidget) -> None:
        label = QLabel()
        label.setBuddy(widget)
        self.labels[name] = label
        self.form.addRow(label, widget)

    # ---------------------------------------------------------------- slots → operations

    def _commit_text(self, name: str) -> None:
        if self.session is not None and not self._loading:
            operations.update_engagement(self.session, **{name: self.edits[name].text().strip()})

    def _commit_date(self, name: str, iso: str) -> None:
        if self.session is None or self._loading:
            return
        operations.update_engagement(self.session, **{name: iso})

    def _commit_language(self) -> None:
        if self.session is not None and not self._loading:
            operations.update_engagement(self.session, language=str(self.language.currentData()))

    def _commit_notes(self) -> None:
        if self.session is not None and not self._loading:
            operations.update_engagement(self.session, notes=self.notes.toPlainText())

    # ---------------------------------------------------------------- redraw

    def refresh(self, change: Change | None) -> None:
        if change is not None and operations.ENGAGEMENT not in change.kinds:
            return
        assert self.session is not None
        e = self.session.file.engagement()
        self._loading = True
        try:
            for name, edit in self.edits.items():
                value = getattr(e, name)
                if edit.text() != value:
                    edit.setText(value)
            for name, d in self.dates.items():
                d.set_value(getattr(e, name))
            self.language.setCurrentIndex(max(0, self.language.findData(e.language)))
            if self.notes.toPlainText() != e.notes:
                self.notes.setPlainText(e.notes)
        finally:
            self._loading = False

    def focus_first(self) -> bool:
        """After opening a file: the cursor in the first empty field (never in a date); False if none is empty."""
        for name in TEXT_FIELDS:
            edit = self.edits[name]
            if not edit.text().strip():
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def retranslate(self) -> None:
        self.title_label.setText(tr("eng.heading"))
        self.intro_label.setText(tr("eng.intro"))
        for name, label in self.labels.items():
            text = tr(f"eng.{'start' if name == 'workshop_start' else 'end' if name == 'workshop_end' else name}")
            label.setText(text + ":")
            w = label.buddy()
            if w is not None:
                w.setAccessibleName(text)
        self.language.setItemText(0, tr("lang.en"))
        self.language.setItemText(1, tr("lang.de"))
        for d in self.dates.values():
            d.retranslate()
        super().retranslate()
