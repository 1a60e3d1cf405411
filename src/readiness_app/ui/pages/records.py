"""Steps 2 and 3: participants and roles, and the use-case inventory (editable tables)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from readiness_app.model import ROLES, USE_CASE_STAGES, Participant, UseCase, role_label, stage_label
from readiness_app.ui import dialogs, operations
from readiness_app.ui.delegates import ComboDelegate, keep_text_room
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro
from readiness_app.ui.progress import KEY_ROLES


class _TablePage(Page):
    """A heading, an editable table, and add / remove buttons."""

    kinds: frozenset[str] = frozenset()
    prefix = ""

    def __init__(self, model: RecordTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = heading()
        self.intro_label = intro()
        self.outer.addWidget(self.title_label)
        self.outer.addWidget(self.intro_label)
        self.model = model
        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 16)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.outer.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(self.add_record)
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addSpacing(16)
        buttons.addWidget(self.status_label, 1)
        self.outer.addLayout(buttons)

    def selected_key(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        rec = self.model.record(rows[0].row()) if rows else None
        return rec.id if rec is not None else None

    def select_key(self, key: str, edit_column: int | None = None) -> None:
        row = self.model.row_of(key)
        if row < 0:
            return
        index = self.model.index(row, edit_column or 0)
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        if edit_column is not None:
            self.table.edit(index)

    def finish_editing(self) -> None:
        """Commit a cell still being edited (before a change that reloads the table)."""
        if self.table.state() == QAbstractItemView.State.EditingState:
            editor = self.table.indexWidget(self.table.currentIndex())
            if editor is not None:
                self.table.commitData(editor)
                self.table.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def add_record(self) -> None:
        raise NotImplementedError

    def remove_selected(self) -> None:
        raise NotImplementedError

    def retranslate(self) -> None:
        self.title_label.setText(tr(f"{self.prefix}.heading"))
        self.intro_label.setText(tr(f"{self.prefix}.intro"))
        self.add_button.setText(tr(f"{self.prefix}.add"))
        self.add_button.setAccessibleName(tr(f"{self.prefix}.add"))
        self.remove_button.setText(tr(f"{self.prefix}.remove"))
        self.remove_button.setAccessibleName(tr(f"{self.prefix}.remove"))
        self.table.setAccessibleName(tr(f"{self.prefix}.table"))
        self.model.retranslate()
        super().retranslate()


class ParticipantsPage(_TablePage):
    step = "participants"
    prefix = "part"

    def __init__(self, parent: QWidget | None = None) -> None:
        model = RecordTableModel(
            [
                Column("name", "part.name", lambda p: p.name, edit=lambda p: p.name),
                Column("role", "part.role", lambda p: role_label(p.role, language()), edit=lambda p: p.role),
                Column("organisation", "part.organisation", lambda p: p.organisation,
                       edit=lambda p: p.organisation),
            ],
            key=lambda p: p.id,
        )
        super().__init__(model, parent)
        model.on_edit = self._edit
        self.role_delegate = ComboDelegate(lambda: [(r, role_label(r, language())) for r in ROLES], self.table)
        self.table.setItemDelegateForColumn(1, self.role_delegate)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 320)
        header.resizeSection(1, 360)
        self.retranslate()

    def _edit(self, p: Participant, field: str, value: Any) -> None:
        if self.session is None:
            return
        if field == "name" and not str(value).strip():
            return
        operations.update_participant(self.session, p.id, **{field: str(value).strip() if field == "name" else value})

    def add_record(self) -> None:
        if self.session is None:
            return
        self.finish_editing()
        taken = {p.role for p in self.session.file.participants()}
        role = next((r for r in KEY_ROLES if r not in taken), "other")
        p = operations.add_participant(self.session, tr("part.new_name"), role)
        if p is not None:
            self.select_key(p.id, edit_column=0)

    def remove_selected(self) -> None:
        key = self.selected_key()
        if self.session is None or key is None:
            return
        p = self.session.file.participant(key)
        votes = sum(1 for a in self.session.file.answers() if a.participant_id == key)
        if votes and not dialogs.service().confirm(tr("part.confirm_remove_title"),
                                                   tr("part.confirm_remove", name=p.name if p else key, count=votes)):
            return
        operations.remove_participant(self.session, key)

    def refresh(self, change: Change | None) -> None:
        if change is not None and operations.PARTICIPANTS not in change.kinds:
            return
        assert self.session is not None
        people = self.session.file.participants()
        self.model.set_rows(people)
        missing = [role_label(r, language()) for r in KEY_ROLES if r not in {p.role for p in people}]
        self.status_label.setText(tr("part.missing_roles", roles=", ".join(missing)) if missing else tr("part.all_roles"))
        self.remove_button.setEnabled(bool(people))


class UseCasesPage(_TablePage):
    step = "use_cases"
    prefix = "uc"

    def __init__(self, parent: QWidget | None = None) -> None:
        model = RecordTableModel(
            [
                Column("name", "uc.name", lambda u: u.name, edit=lambda u: u.name),
                Column("stage", "uc.stage", lambda u: stage_label(u.stage, language()), edit=lambda u: u.stage),
                Column("description", "uc.description", lambda u: u.description, edit=lambda u: u.description,
                       tooltip=lambda u: u.description),
            ],
            key=lambda u: u.id,
        )
        super().__init__(model, parent)
        model.on_edit = self._edit
        self.stage_delegate = ComboDelegate(lambda: [(s, stage_label(s, language())) for s in USE_CASE_STAGES],
                                            self.table)
        self.table.setItemDelegateForColumn(1, self.stage_delegate)
        header = self.table.horizontalHeader()
        header.resizeSection(0, 380)
        header.resizeSection(1, 220)
        self.table.setWordWrap(True)  # descriptions wrap instead of ending in "…"
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        keep_text_room(self.table, {0: 0.3, 1: 0.18})
        self.retranslate()

    def _edit(self, u: UseCase, field: str, value: Any) -> None:
        if self.session is None:
            return
        if field == "name" and not str(value).strip():
            return
        operations.update_use_case(self.session, u.id, **{field: str(value).strip() if field == "name" else value})

    def add_record(self) -> None:
        if self.session is None:
            return
        self.finish_editing()
        u = operations.add_use_case(self.session, tr("uc.new_name"))
        if u is not None:
            self.select_key(u.id, edit_column=0)

    def remove_selected(self) -> None:
        key = self.selected_key()
        if self.session is None or key is None:
            return
        u = self.session.file.use_case(key)
        count = len(self.session.file.answers(scope=key))
        if count and not dialogs.service().confirm(tr("uc.confirm_remove_title"),
                                                   tr("uc.confirm_remove", name=u.name if u else key, count=count)):
            return
        operations.remove_use_case(self.session, key)

    def refresh(self, change: Change | None) -> None:
        if change is not None and operations.USE_CASES not in change.kinds:
            return
        assert self.session is not None
        ucs = self.session.file.use_cases()
        self.model.set_rows(ucs)
        self.status_label.setText("")
        self.remove_button.setEnabled(bool(ucs))
