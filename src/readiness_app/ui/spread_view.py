"""Start from the disagreements: every question by the spread of the participants' pre-work votes.

A non-modal window beside the workshop (View → Start from the disagreements…): the widest
spread first; double-clicking a row opens that question, so the facilitator runs the workshop
on the disagreements first. It reads through ``merge_ops.spread_rows`` and redraws when the
session's answers change.
"""

from __future__ import annotations

import contextlib
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui.i18n import tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import ANSWERS, PARTICIPANTS, Change


class SpreadView(QDialog):
    question_requested = Signal(str, str)

    def __init__(self, session: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(tr("spread.title"))
        self.setAccessibleName(tr("spread.title"))
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.intro_label = QLabel(tr("spread.intro"))
        self.intro_label.setWordWrap(True)
        layout.addWidget(self.intro_label)
        self.prework_only = QCheckBox(tr("spread.only_prework"))
        self.prework_only.setChecked(True)
        self.prework_only.toggled.connect(lambda _on: self.refresh())
        layout.addWidget(self.prework_only)
        self.model = RecordTableModel(
            [Column("spread", "spread.col_spread", lambda r: f"{r.spread:g}", align=Qt.AlignmentFlag.AlignRight),
             Column("votes", "spread.col_votes", lambda r: str(r.voters), align=Qt.AlignmentFlag.AlignRight),
             Column("question", "spread.col_question", lambda r: r.question_text, tooltip=lambda r: r.question_id),
             Column("scope", "spread.col_scope", lambda r: r.use_case or tr("res.organisation"))],
            key=lambda r: f"{r.question_id}|{r.scope}", parent=self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("spread.title"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for i, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(i, mode)
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        layout.addWidget(self.table, 1)
        self.empty_label = QLabel(tr("spread.empty"))
        self.empty_label.setWordWrap(True)
        layout.addWidget(self.empty_label)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("common.close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("common.close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        session.changed.connect(self._changed)
        self.refresh()

    def rows(self) -> list[Any]:
        return self.model.rows

    def refresh(self) -> None:
        from readiness_app.ui import merge_ops

        rows = merge_ops.spread_rows(self.session, prework_only=self.prework_only.isChecked())
        self.model.set_rows(rows)
        self.empty_label.setVisible(not rows)
        self.table.setVisible(bool(rows))

    def _changed(self, change: Change | None) -> None:
        if change is None or change.kinds & {ANSWERS, PARTICIPANTS}:
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        rec = self.model.record(index.row())
        if rec is not None:
            self.question_requested.emit(rec.question_id, rec.scope)

    def done(self, result: int) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # already gone with its session
            self.session.changed.disconnect(self._changed)
        super().done(result)
