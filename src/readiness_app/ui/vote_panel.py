"""The per-participant vote grid: hidden from the room until the facilitator reveals it.

Enter votes by selecting a participant and typing a digit (0-4 for scales, 1-n for choices);
the selection moves to the next participant. After "Reveal", the spread and the
disagreement flag show, and "Record consensus" stores the room's answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import Answer, AnswerValue, Participant, role_label
from readiness_app.questionnaire import Question
from readiness_app.ui.format import short_value
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.question_panel import _font

VOTABLE = ("scale", "choice")


@dataclass(frozen=True)
class VoteRow:
    participant: Participant
    answer: Answer | None
    question: Question
    revealed: bool

    @property
    def voted(self) -> bool:
        return self.answer is not None and (self.answer.value is not None or self.answer.not_applicable)

    def vote_text(self) -> str:
        if not self.voted:
            return ""
        if not self.revealed:
            return tr("q.vote_hidden")
        assert self.answer is not None
        if self.answer.not_applicable:
            return tr("res.why_na")
        return short_value(self.question, self.answer.value)


def digit_value(q: Question, digit: int) -> AnswerValue:
    """The answer a digit key stands for: 0-4 on a scale, option 1-n on a choice; None if none."""
    if q.type == "scale":
        return digit if 0 <= digit <= 4 else None
    if q.type == "choice" and 1 <= digit <= len(q.options):
        return q.options[digit - 1].id
    return None


class VoteGridView(QTableView):
    """Digits vote for the selected participant; Delete clears; Escape leaves the grid."""

    digit_typed = Signal(int, int)  # row, digit
    clear_typed = Signal(int)  # row
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        row = self.currentIndex().row()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if row < 0 and self.model().rowCount() > 0:
                row = 0
            if row >= 0:
                self.digit_typed.emit(row, key - Qt.Key.Key_0)
                nxt = min(row + 1, self.model().rowCount() - 1)
                self.setCurrentIndex(self.model().index(nxt, 1))
            event.accept()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and row >= 0:
            self.clear_typed.emit(row)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.leave.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VotePanel(QWidget):
    vote_requested = Signal(str, object)  # participant id, value
    vote_clear_requested = Signal(str)  # participant id
    reveal_toggled = Signal(bool)
    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self.revealed = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title_label = QLabel()
        self.title_label.setFont(_font(1.1, bold=True))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column("participant", "q.col_participant", lambda r: r.participant.name,
                       tooltip=lambda r: f"{r.participant.name} ({role_label(r.participant.role, language())})"),
                Column("vote", "q.col_vote", lambda r: r.vote_text(), align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda r: r.participant.id,
        )
        self.grid = VoteGridView()
        self.grid.setModel(self.model)
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setWordWrap(False)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.grid.digit_typed.connect(self._digit)
        self.grid.clear_typed.connect(self._clear)
        self.count_label = QLabel()
        buttons = QHBoxLayout()
        self.reveal_button = QPushButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._reveal)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record_requested)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.record_button, 1)
        self.spread_label = QLabel()
        self.spread_label.setWordWrap(True)
        self.flag_label = QLabel()
        self.flag_label.setWordWrap(True)
        self.flag_label.setFont(_font(1.05, bold=True))
        layout.addWidget(self.title_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.count_label)
        layout.addLayout(buttons)
        layout.addWidget(self.spread_label)
        layout.addWidget(self.flag_label)
        self.retranslate()

    # ---------------------------------------------------------------- content

    def show_votes(self, q: Question | None, participants: list[Participant], votes: dict[str, Answer],
                   revealed: bool, spread: float | None, disagreement: bool, suggestion: str) -> None:
        self.question = q
        shown = q is not None and bool(participants) and (q.type in VOTABLE or bool(votes))
        votable = shown
        self.revealed = revealed
        rows = [VoteRow(p, votes.get(p.id), q, revealed) for p in participants] if q is not None else []
        self.model.set_rows(rows if votable else [])
        self.grid.setEnabled(votable)
        voted = sum(1 for r in rows if r.voted)
        self.count_label.setText(tr("q.voted_count", count=voted, total=len(participants)) if votable else "")
        if q is not None and q.type in VOTABLE and not participants:
            self.hint_label.setText(tr("q.no_participants"))
        else:
            self.hint_label.setText(tr("q.votes_keys") if revealed else tr("q.votes_hidden"))
        self.reveal_button.blockSignals(True)
        self.reveal_button.setChecked(revealed)
        self.reveal_button.blockSignals(False)
        self.reveal_button.setText(tr("q.hide") if revealed else tr("q.reveal"))
        self.reveal_button.setEnabled(votable and voted > 0)
        self.record_button.setEnabled(revealed and bool(suggestion))
        self.record_button.setText(tr("q.record_value", value=suggestion) if revealed and suggestion else tr("q.record"))
        if revealed and spread is not None and voted:
            self.spread_label.setText(tr("q.spread", spread=spread))
            self.flag_label.setText(tr("q.disagreement") if disagreement else tr("q.agreement"))
        else:
            self.spread_label.setText("")
            self.flag_label.setText("")
        self.setVisible(q is not None and (q.type in VOTABLE or bool(votes)))

    def _digit(self, row: int, digit: int) -> None:
        rec = self.model.record(row)
        if rec is None or self.question is None:
            return
        value = digit_value(self.question, digit)
        if value is not None:
            self.vote_requested.emit(rec.participant.id, value)

    def _clear(self, row: int) -> None:
        rec = self.model.record(row)
        if rec is not None:
            self.vote_clear_requested.emit(rec.participant.id)

    def _reveal(self, checked: bool) -> None:
        self.reveal_toggled.emit(checked)

    def retranslate(self) -> None:
        self.title_label.setText(tr("q.votes"))
        self.grid.setAccessibleName(tr("q.vote_grid"))
        self.reveal_button.setAccessibleName(tr("q.reveal"))
        self.record_button.setAccessibleName(tr("q.record"))
        self.reveal_button.setText(tr("q.hide") if self.revealed else tr("q.reveal"))
        self.model.retranslate()

    def set_scale(self, scale: float) -> None:
        self.title_label.setFont(_font(1.1 * scale, bold=True))
        self.grid.setFont(_font(scale))
        self.grid.verticalHeader().setDefaultSectionSize(int(self.grid.fontMetrics().height() * 1.5))
        self.flag_label.setFont(_font(1.05 * scale, bold=True))
        self.spread_label.setFont(_font(scale))
