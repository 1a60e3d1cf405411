""""Why is this a 2?": the answers that make up one score (its contributions)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Library
from readiness_app.ui.format import value_text
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel


@dataclass(frozen=True)
class ContributionRow:
    question_id: str
    scope: str
    question: str
    scope_name: str
    answer: str
    weight: float
    points: float
    status: str
    source: str = ""  # where the answer came from: entered, a template (pre-work), a merge side


def contribution_rows(score: Any, library: Library, use_case_names: dict[str, str],
                      sources: dict[tuple[str, str], str] | None = None) -> list[ContributionRow]:
    lang = language()
    rows = []
    for c in score.contributions:
        q = library.question(c.question_id)
        if c.status == "missing":
            answer = tr("res.why_missing")
        elif c.status == "not_applicable":
            answer = tr("res.why_na")
        elif q is not None and q.type == "scale" and c.value is not None and float(c.value).is_integer():
            answer = value_text(q, int(c.value))
        else:
            answer = "–" if c.value is None else f"{c.value:.1f} / 4"
        rows.append(ContributionRow(
            c.question_id, c.scope, q.text.get(lang) if q else c.question_id,
            tr("res.organisation") if c.scope == ORGANISATION else use_case_names.get(c.scope, c.scope),
            answer, c.weight, c.points, c.status, (sources or {}).get((c.question_id, c.scope), "")))
    return rows


class WhyDialog(QDialog):
    """Non-modal: the facilitator can keep it open while changing answers. Double-click opens the question."""

    question_requested = Signal(str, str)

    def __init__(self, title: str, name: str, value_text_: str, score: Any, library: Library,
                 use_case_names: dict[str, str], parent: QWidget | None = None, *,
                 sources: dict[tuple[str, str], str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("res.why_title", value=value_text_))
        self.setAccessibleName(self.windowTitle())
        self.resize(900, 520)
        layout = QVBoxLayout(self)
        intro = self.intro_label = QLabel(tr("res.why_intro", name=name, value=value_text_))
        intro.setWordWrap(True)
        f = intro.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        f.setBold(True)
        intro.setFont(f)
        layout.addWidget(intro)
        notes = []
        if getattr(score, "base", 0.0):
            notes.append(tr("res.why_base", base=score.base))
        if getattr(score, "low_confidence", False):
            notes.append(tr("res.low_confidence"))
        if notes:
            extra = QLabel("  ".join(notes))
            extra.setWordWrap(True)
            layout.addWidget(extra)
        self.model = RecordTableModel(
            [
                Column("question", "res.why_question", lambda r: r.question, tooltip=lambda r: r.question_id),
                Column("scope", "res.scope", lambda r: r.scope_name),
                Column("answer", "res.why_answer", lambda r: r.answer),
                Column("weight", "res.why_weight", lambda r: f"{r.weight:g}", align=Qt.AlignmentFlag.AlignRight),
                Column("points", "res.why_points", lambda r: f"{r.points:+.1f}", align=Qt.AlignmentFlag.AlignRight),
                Column("source", "res.why_source", lambda r: r.source, tooltip=lambda r: r.source),
            ],
            key=lambda r: f"{r.question_id}|{r.scope}",
            parent=self,
        )
        rows = sorted(contribution_rows(score, library, use_case_names, sources), key=lambda r: -abs(r.points))
        self.model.set_rows(rows)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(title)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        for i, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents,
                                  QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Interactive)):
            header.setSectionResizeMode(i, mode)
        self.table.setColumnWidth(5, 240)
        self.table.setColumnHidden(1, len({r.scope for r in rows}) <= 1)
        self.table.setColumnHidden(5, sources is None)
        self.table.doubleClicked.connect(self._open_question)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("common.close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("common.close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _open_question(self, index: QModelIndex) -> None:
        rec = self.model.record(index.row())
        if rec is not None:
            self.question_requested.emit(rec.question_id, rec.scope)
