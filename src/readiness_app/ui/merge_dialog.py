"""File → Merge another file…: what comes from the other copy, and the conflicts the facilitator decides.

The dialog only collects decisions; :func:`merge_another_file` plans (through ``merge_ops``),
asks, and merges as one undoable step. :meth:`MergeDialog.ask` is the test seam.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from readiness_app.errors import ReadinessError
from readiness_app.model import ORGANISATION, Answer
from readiness_app.ui import dialogs
from readiness_app.ui.format import value_text
from readiness_app.ui.i18n import language, tr

KEEP_HERE, KEEP_THERE = 0, 1


def describe(item: Any, library: Any, names: dict[str, str]) -> str:
    """A conflict's subject as a person reads it: the question and for whom, the participant, the target."""
    if item.kind == "answer":
        qid, scope, pid = item.id.split("|")
        q = library.question(qid)
        text = q.text.get(language()) if q is not None else qid
        where = "" if scope == ORGANISATION else f" · {names.get(scope, scope)}"
        who = names.get(pid, pid) if pid else tr("merge.consensus")
        return f"{text}{where} ({who})"
    if item.kind in ("participant", "use_case"):
        value = item.a_value or item.b_value
        return f"{tr('merge.kind_' + item.kind)}: {getattr(value, 'name', item.id)}"
    return f"{tr('merge.kind_' + item.kind)}: {item.id}"


def shown_value(item: Any, value: Any, library: Any) -> str:
    if value is None:
        return tr("merge.absent")
    if isinstance(value, Answer):
        if value.not_applicable:
            text = tr("merge.na")
        else:
            q = library.question(value.question_id)
            text = value_text(q, value.value) if q is not None else str(value.value)
        return text + (f" — {value.note}" if value.note else "")
    if item.kind in ("participant", "use_case"):
        d = item.a if value is item.a_value else item.b
        return ", ".join(str(v) for k, v in d.items() if k != "id" and v)
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class MergeDialog(QDialog):
    def __init__(self, plan: Any, library: Any, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(tr("merge.title", name=plan.b_path.name))
        self.setAccessibleName(self.windowTitle())
        self.resize(980, 520)
        layout = QVBoxLayout(self)
        nothing = not (plan.taken_from_b or plan.taken_from_a or plan.conflicts)
        self.summary_label = QLabel(tr("merge.none") if nothing else tr(
            "merge.summary", b=len(plan.taken_from_b), a=len(plan.taken_from_a), conflicts=len(plan.conflicts),
            name=plan.b_path.name))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.table = QTableWidget(len(plan.conflicts), 4)
        self.table.setAccessibleName(tr("merge.title", name=plan.b_path.name))
        self.table.setHorizontalHeaderLabels([tr("merge.col_what"), tr("merge.col_here"), tr("merge.col_there"),
                                              tr("merge.col_keep")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.choices: list[QComboBox] = []
        for row, item in enumerate(plan.conflicts):
            for col, text in enumerate((describe(item, library, names), shown_value(item, item.a_value, library),
                                        shown_value(item, item.b_value, library))):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
            combo = QComboBox()
            combo.addItem(tr("merge.keep_here"), "a")
            combo.addItem(tr("merge.keep_there"), "b")
            combo.setAccessibleName(f"{tr('merge.col_keep')}: {describe(item, library, names)}")
            self.table.setCellWidget(row, 3, combo)
            self.choices.append(combo)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, 220)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(plan.conflicts))
        layout.addWidget(self.table, 1)
        bulk = QHBoxLayout()
        self.all_here = QPushButton(tr("merge.all_here"))
        self.all_there = QPushButton(tr("merge.all_there"))
        self.all_here.clicked.connect(lambda: self.choose_all(KEEP_HERE))
        self.all_there.clicked.connect(lambda: self.choose_all(KEEP_THERE))
        for b in (self.all_here, self.all_there):
            b.setVisible(len(plan.conflicts) > 1)
            bulk.addWidget(b)
        bulk.addStretch(1)
        layout.addLayout(bulk)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(tr("merge.ok"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setEnabled(not nothing)
        cancel = buttons.addButton(tr("merge.cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(tr("merge.cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_all(self, index: int) -> None:
        for combo in self.choices:
            combo.setCurrentIndex(index)

    def decisions(self) -> dict[tuple[str, str], str]:
        return {(item.kind, item.id): str(combo.currentData()) for item, combo in zip(self.plan.conflicts,
                                                                                      self.choices, strict=True)}

    @classmethod
    def ask(cls, plan: Any, library: Any, names: dict[str, str],
            parent: QWidget | None = None) -> dict[tuple[str, str], str] | None:
        """Show the dialog; the facilitator's decision per conflict, or None when cancelled."""
        dialog = cls(plan, library, names, parent)
        try:
            return dialog.decisions() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def merge_another_file(session: Any, parent: QWidget | None, other: Path | None = None,
                       folder: str = "") -> bool:
    """Pick another copy, show what comes from it and the conflicts, merge as one undoable step."""
    from readiness_app.ui import merge_ops

    if session is None:
        return False
    if other is None:
        other = dialogs.service().open_file(tr("merge.pick"), tr("file.filter_assessment"), folder)
        if other is None:
            return False
    try:
        plan = merge_ops.plan_merge_with(session, Path(other))
    except (ReadinessError, OSError) as exc:
        dialogs.show_exception(exc)
        return False
    names = {p.id: p.name for p in session.file.participants()} | {u.id: u.name for u in session.file.use_cases()}
    for item in plan.taken_from_b:  # someone only the other file knows
        if item.kind in ("participant", "use_case") and item.b_value is not None:
            names[item.id] = item.b_value.name
    decisions = MergeDialog.ask(plan, session.library, names, parent)
    if decisions is None:
        return False
    return merge_ops.merge(session, plan, decisions)
