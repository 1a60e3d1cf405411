"""The per-participant vote grid: hidden from the room until the facilitator reveals it.

Enter votes by selecting a participant and typing: a digit (0-4 for scales, 1-n for
choices; the selection moves to the next participant), a number for number questions
(the unit is shown; Enter saves), or 1-n to tick and untick the items of a checklist
(double-click opens the items as a menu). After "Reveal", the spread and the
disagreement flag show, and "Record consensus" stores the room's answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import Answer, AnswerValue, Participant, role_label
from readiness_app.questionnaire.loader import Question
from readiness_app.ui.format import short_value, value_text
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.question_panel import _font

VOTABLE = ("scale", "choice", "number", "checklist")
NUMBER_KEYS = frozenset({Qt.Key.Key_Minus, Qt.Key.Key_Period, Qt.Key.Key_Comma})


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
        value = self.answer.value
        if self.question.type == "number":
            return value_text(self.question, value)  # with the unit
        if self.question.type == "checklist" and isinstance(value, list):
            ticked = [str(i) for i, o in enumerate(self.question.options, start=1) if o.id in value]
            return ", ".join(ticked) if ticked else tr("res.none")
        return short_value(self.question, value)

    def vote_tooltip(self) -> str:
        if not self.voted or not self.revealed or self.answer is None or self.answer.not_applicable:
            return ""
        return value_text(self.question, self.answer.value)

    def edit_text(self) -> str:
        """What the number editor starts with (empty while votes are hidden)."""
        if not self.revealed or self.answer is None or not isinstance(self.answer.value, int | float):
            return ""
        return f"{self.answer.value:g}"


def parse_number(text: str) -> float | int | None:
    """A typed number ("12", "3,5", "-1.25") as a vote value; None if it is not one."""
    try:
        number = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return int(number) if number.is_integer() else number


def toggled(q: Question, current: AnswerValue, number: int) -> list[str] | None:
    """A checklist vote with option ``number`` (1-n) ticked or unticked; None if there is no such option."""
    if not 1 <= number <= len(q.options):
        return None
    ticked = set(current) if isinstance(current, list) else set()
    ticked ^= {q.options[number - 1].id}
    return [o.id for o in q.options if o.id in ticked]  # in the questionnaire's order


class NumberVoteDelegate(QStyledItemDelegate):
    """The editor for a number vote: a line edit that takes numbers, with the unit as its hint."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.unit = ""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        edit = QLineEdit(parent)
        # "3.5" and "3,5" alike, whatever the system's locale (parse_number reads both)
        edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"-?\d*([.,]\d*)?"), edit))
        edit.setPlaceholderText(self.unit or tr("q.number_placeholder"))
        edit.setAccessibleName(tr("q.col_vote") + (f" ({self.unit})" if self.unit else ""))
        return edit

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        if not editor.text():  # keeps the key that opened the editor
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


def digit_value(q: Question, digit: int) -> AnswerValue:
    """The answer a digit key stands for: 0-4 on a scale, option 1-n on a choice; None if none."""
    if q.type == "scale":
        return digit if 0 <= digit <= 4 else None
    if q.type == "choice" and 1 <= digit <= len(q.options):
        return q.options[digit - 1].id
    return None


class VoteGridView(QTableView):
    """Digits vote for the selected participant; Delete clears; Escape leaves the grid.

    ``mode``: "digits" (scale, choice: a digit votes and moves on), "number" (typing opens
    the number editor) or "checklist" (a digit ticks or unticks that item, staying on the row).
    """

    digit_typed = Signal(int, int)  # row, digit
    clear_typed = Signal(int)  # row
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "digits"

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        row = self.currentIndex().row()
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if self.mode == "number" and plain and (Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or key in NUMBER_KEYS):
            if row < 0 and self.model().rowCount() > 0:
                row = 0
            if row >= 0:  # open the editor on the vote and hand it the key
                index = self.model().index(row, 1)
                self.setCurrentIndex(index)
                self.edit(index)
                editor = self.indexWidget(index) or self.focusWidget()
                if isinstance(editor, QLineEdit):
                    editor.setText(event.text())
            event.accept()
            return
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and plain:
            if row < 0 and self.model().rowCount() > 0:
                row = 0
            if row >= 0:
                self.digit_typed.emit(row, key - Qt.Key.Key_0)
                if self.mode != "checklist":  # a checklist vote takes several keys
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
                Column("vote", "q.col_vote", lambda r: r.vote_text(), align=Qt.AlignmentFlag.AlignCenter,
                       edit=lambda r: r.edit_text(), tooltip=lambda r: r.vote_tooltip()),
            ],
            key=lambda r: r.participant.id,
            on_edit=self._edited,
        )
        self.grid = VoteGridView()
        self.grid.setModel(self.model)
        self.number_delegate = NumberVoteDelegate(self.grid)
        self.grid.setItemDelegateForColumn(1, self.number_delegate)
        self.grid.doubleClicked.connect(self._double_clicked)
        self.option_menu: QMenu | None = None
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
        qtype = q.type if q is not None else ""
        self.grid.mode = "number" if qtype == "number" else "checklist" if qtype == "checklist" else "digits"
        unit = q.unit.get(language()) if q is not None and q.unit is not None else ""
        self.number_delegate.unit = unit
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  if qtype == "number" else QAbstractItemView.EditTrigger.NoEditTriggers)
        voted = sum(1 for r in rows if r.voted)
        self.count_label.setText(tr("q.voted_count", count=voted, total=len(participants)) if votable else "")
        if q is not None and q.type in VOTABLE and not participants:
            self.hint_label.setText(tr("q.no_participants"))
        elif not revealed:
            self.hint_label.setText(tr("q.votes_hidden"))
        elif qtype == "number":
            self.hint_label.setText(tr("q.votes_keys_number", unit=unit) if unit else tr("q.votes_keys_number_plain"))
        elif qtype == "checklist" and q is not None:
            self.hint_label.setText(tr("q.votes_keys_checklist", n=len(q.options)))
        else:
            self.hint_label.setText(tr("q.votes_keys"))
        self.reveal_button.blockSignals(True)
        self.reveal_button.setChecked(revealed)
        self.reveal_button.blockSignals(False)
        self.reveal_button.setText(tr("q.hide") if revealed else tr("q.reveal"))
        self.reveal_button.setEnabled(votable and voted > 0)
        self.record_button.setEnabled(revealed and bool(suggestion))
        self.record_button.setText(tr("q.record_value", value=suggestion) if revealed and suggestion else tr("q.record"))
        numbers = [a.value for a in votes.values() if not a.not_applicable and isinstance(a.value, int | float)]
        if revealed and qtype == "number" and numbers:  # amounts, not scale points: the range, no verdict
            self.spread_label.setText(tr("q.vote_range", low=f"{min(numbers):g}", high=f"{max(numbers):g}",
                                         unit=unit).strip())
            self.flag_label.setText("")
        elif revealed and spread is not None and voted:
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
        if self.question.type == "checklist":
            self.toggle_option(row, digit)
            return
        value = digit_value(self.question, digit)
        if value is not None:
            self.vote_requested.emit(rec.participant.id, value)

    def toggle_option(self, row: int, number: int) -> bool:
        """Tick or untick checklist item ``number`` (1-n) in the vote of the participant in ``row``."""
        rec = self.model.record(row)
        if rec is None or self.question is None or self.question.type != "checklist":
            return False
        current = rec.answer.value if rec.answer is not None and not rec.answer.not_applicable else None
        value = toggled(self.question, current, number)
        if value is None:
            return False
        self.vote_requested.emit(rec.participant.id, value)
        return True

    def _edited(self, rec: VoteRow, field: str, value: Any) -> None:
        """A number typed into the vote cell: vote it, then move to the next participant."""
        if field != "vote" or self.question is None or self.question.type != "number":
            return
        text = str(value).strip()
        if not text:
            return
        number = parse_number(text)
        if number is None:
            return
        self.vote_requested.emit(rec.participant.id, number)
        row = self.model.row_of(rec.participant.id)
        nxt = min(row + 1, self.model.rowCount() - 1)
        QTimer.singleShot(0, lambda: self.grid.setCurrentIndex(self.model.index(nxt, 1)))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.question is not None and self.question.type == "checklist":
            self.show_option_menu(index.row())

    def show_option_menu(self, row: int) -> QMenu | None:
        """The checklist items as checkable menu entries for one participant (double-click)."""
        rec = self.model.record(row)
        q = self.question
        if rec is None or q is None or q.type != "checklist":
            return None
        current = rec.answer.value if rec.answer is not None and self.revealed else None
        if self.option_menu is not None:
            self.option_menu.deleteLater()
        menu = QMenu(self)
        for i, o in enumerate(q.options, start=1):
            action = menu.addAction(f"{i}  {o.label.get(language())}")
            action.setCheckable(True)
            action.setChecked(isinstance(current, list) and o.id in current)
            action.triggered.connect(lambda _c=False, r=row, n=i: self.toggle_option(r, n))
        self.option_menu = menu
        rect = self.grid.visualRect(self.model.index(row, 1))
        menu.popup(self.grid.viewport().mapToGlobal(rect.bottomLeft()))
        return menu

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
