"""The per-participant vote grid: hidden from the room until the facilitator reveals it.

One row per participant and a last row for the room's consensus. Enter votes by selecting a
row and typing: a digit (0-4 for scales, 1-n for choices; the selection then moves down one
row, from the last participant onto the consensus row, and stays there), a number for number
questions (the unit is shown; Enter saves), or 1-n to tick and untick the items of a
checklist (double-click opens the items as a menu). A digit on the consensus row records the
room's answer. After "Reveal", the spread and the disagreement flag show, and "Record
consensus" stores the answer the votes suggest. Keys the grid does not use (←/→, Enter, R,
C, N) go on to the question page; Tab leaves the grid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from readiness_app.model import CONSENSUS, Answer, AnswerValue, Participant, role_label
from readiness_app.questionnaire.loader import Question
from readiness_app.ui.delegates import keep_text_room
from readiness_app.ui.format import short_value, value_text
from readiness_app.ui.i18n import language, plural, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.question_panel import _font

VOTABLE = ("scale", "choice", "number", "checklist")
SHORT_SUGGESTION = 14  # longer suggested answers are not written on the button (it would widen the window)
NUMBER_KEYS = frozenset({Qt.Key.Key_Minus, Qt.Key.Key_Period, Qt.Key.Key_Comma})


@dataclass(frozen=True)
class VoteRow:
    participant: Participant
    answer: Answer | None
    question: Question
    revealed: bool
    consensus: bool = False  # the room's agreed answer (always shown), not a participant's vote

    @property
    def voted(self) -> bool:
        return self.answer is not None and (self.answer.value is not None or self.answer.not_applicable)

    def name_text(self) -> str:
        return tr("q.consensus_row") if self.consensus else self.participant.name

    def vote_text(self) -> str:
        if not self.voted:
            return "–" if self.consensus else ""
        if not self.revealed and not self.consensus:
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
        if self.consensus:
            return tr("q.consensus_row_tip")
        if not self.voted or not self.revealed or self.answer is None or self.answer.not_applicable:
            return ""
        return value_text(self.question, self.answer.value)

    def edit_text(self) -> str:
        """What the number editor starts with (empty while votes are hidden)."""
        if not (self.revealed or self.consensus) or self.answer is None or not isinstance(self.answer.value, int | float):
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


PASSED_ON = frozenset({Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                       Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_R, Qt.Key.Key_C, Qt.Key.Key_N,
                       Qt.Key.Key_Home, Qt.Key.Key_End})


class VoteGridView(QTableView):
    """Digits vote for the selected row; Delete clears it; Escape leaves the grid.

    ``mode``: "digits" (scale, choice: a digit votes and moves down one row), "number" (typing
    opens the number editor) or "checklist" (a digit ticks or unticks that item, staying on the
    row). The question page's keys (←/→, Enter, R, C, N) are passed on to it; Tab leaves.
    """

    digit_typed = Signal(int, int)  # row, digit
    clear_typed = Signal(int)  # row
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = "digits"
        self.setTabKeyNavigation(False)  # Tab moves on to the next control, never from cell to cell
        pal = self.palette()  # the selected participant stays plainly marked when the grid has no focus
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            pal.setColor(QPalette.ColorGroup.Inactive, role, pal.color(QPalette.ColorGroup.Active, role))
        self.setPalette(pal)

    def select_row(self, row: int) -> None:
        """Make ``row`` the current and only selected row (shown at once, scrolled into view)."""
        if 0 <= row < self.model().rowCount():
            index = self.model().index(row, 1)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)

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
                    self.select_row(min(row + 1, self.model().rowCount() - 1))
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
        if key in PASSED_ON and plain:
            event.ignore()  # the question page's key: it reaches the page through the parents
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
        self.scale = 1.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title_label = QLabel()
        self.title_label.setFont(_font(1.1, bold=True))
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.model = RecordTableModel(
            [
                Column("participant", "q.col_participant", lambda r: r.name_text(),
                       tooltip=lambda r: tr("q.consensus_row_tip") if r.consensus
                       else f"{r.participant.name} ({role_label(r.participant.role, language())})",
                       font=lambda r: _font(self.scale, bold=True) if r.consensus else None),
                Column("vote", "q.col_vote", lambda r: r.vote_text(), align=Qt.AlignmentFlag.AlignCenter,
                       edit=lambda r: r.edit_text(), tooltip=lambda r: r.vote_tooltip()),
            ],
            key=lambda r: r.participant.id,
            on_edit=self._edited,
        )
        self.grid = VoteGridView()
        self.grid.setMinimumWidth(160)
        self.grid.setModel(self.model)
        self.number_delegate = NumberVoteDelegate(self.grid)
        self.grid.setItemDelegateForColumn(1, self.number_delegate)
        self.grid.doubleClicked.connect(self._double_clicked)
        self.option_menu: QMenu | None = None
        self.grid.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setWordWrap(True)  # a long option ("1 · Provider (we build it …)") wraps; names keep their room
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.grid.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        keep_text_room(self.grid, {1: 0.5})
        self.grid.digit_typed.connect(self._digit)
        self.grid.clear_typed.connect(self._clear)
        self.count_label = QLabel()
        buttons = QVBoxLayout()  # one above the other: the column stays narrow enough for 1280 px
        self.reveal_button = QPushButton()
        self.reveal_button.setCheckable(True)
        self.reveal_button.toggled.connect(self._reveal)
        self.record_button = QPushButton()
        self.record_button.clicked.connect(self.record_requested)
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.record_button)
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
                   revealed: bool, spread: float | None, disagreement: bool, suggestion: str,
                   consensus: Answer | None = None) -> None:
        new_question = q is not self.question
        self.question = q
        shown = q is not None and bool(participants) and (q.type in VOTABLE or bool(votes))
        votable = shown
        self.revealed = revealed
        rows = [VoteRow(p, votes.get(p.id), q, revealed) for p in participants] if q is not None else []
        if rows and q is not None:
            rows.append(VoteRow(Participant(CONSENSUS, tr("q.consensus_row"), "other"), consensus, q, True, True))
        self.model.set_rows(rows if votable else [])
        if votable and (new_question or self.grid.currentIndex().row() < 0):
            # a new question starts on the first participant still to vote (all voted: the consensus row)
            self.grid.select_row(next((i for i, r in enumerate(rows) if not r.voted and not r.consensus),
                                      len(rows) - 1))
        self.grid.setEnabled(votable)
        qtype = q.type if q is not None else ""
        self.grid.mode = "number" if qtype == "number" else "checklist" if qtype == "checklist" else "digits"
        unit = q.unit.get(language()) if q is not None and q.unit is not None else ""
        self.number_delegate.unit = unit
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                                  if qtype == "number" else QAbstractItemView.EditTrigger.NoEditTriggers)
        voted = sum(1 for r in rows if r.voted and not r.consensus)
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
        short = revealed and suggestion and len(suggestion) <= SHORT_SUGGESTION  # a long option goes in the tooltip
        self.record_button.setText(tr("q.record_value", value=suggestion) if short else tr("q.record"))
        self.record_button.setToolTip(tr("q.record_value", value=suggestion) if revealed and suggestion else "")
        numbers = [a.value for a in votes.values() if not a.not_applicable and isinstance(a.value, int | float)]
        if revealed and qtype == "number" and numbers:  # amounts, not scale points: the range, no verdict
            self.spread_label.setText(tr("q.vote_range", low=f"{min(numbers):g}", high=f"{max(numbers):g}",
                                         unit=unit).strip())
            self.flag_label.setText("")
        elif revealed and spread is not None and voted:
            self.spread_label.setText(plural(spread, "q.spread_points"))
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
        QTimer.singleShot(0, lambda: self.grid.select_row(nxt))

    def _double_clicked(self, index: QModelIndex) -> None:
        if self.question is not None and self.question.type == "checklist":
            self.show_option_menu(index.row())

    def show_option_menu(self, row: int) -> QMenu | None:
        """The checklist items as checkable menu entries for one participant (double-click)."""
        rec = self.model.record(row)
        q = self.question
        if rec is None or q is None or q.type != "checklist":
            return None
        current = rec.answer.value if rec.answer is not None and (self.revealed or rec.consensus) else None
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

    # ---------------------------------------------------------------- keyboard (the question page calls these)

    @property
    def active(self) -> bool:
        """Whether digits go to the grid (a votable question and participants on screen)."""
        return not self.isHidden() and self.model.rowCount() > 0 and self.grid.isEnabled()

    def selected_row(self) -> int:
        row = self.grid.currentIndex().row()
        return row if row >= 0 else 0

    def selected_is_consensus(self) -> bool:
        rec = self.model.record(self.selected_row())
        return bool(rec is not None and rec.consensus)

    def type_key(self, event: QKeyEvent) -> None:
        """A digit (or a number key) typed anywhere on the page: it goes to the selected row."""
        if self.grid.currentIndex().row() < 0:
            self.grid.select_row(0)
        self.grid.keyPressEvent(event)

    def move_selection(self, delta: int) -> None:
        self.grid.select_row(min(max(self.selected_row() + delta, 0), self.model.rowCount() - 1))

    def select_consensus(self) -> None:
        self.grid.select_row(self.model.rowCount() - 1)

    def clear_selected(self) -> None:
        self._clear(self.selected_row())

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.title_label.setFont(_font(1.1 * scale, bold=True))
        self.grid.setFont(_font(scale))
        self.grid.verticalHeader().setDefaultSectionSize(int(self.grid.fontMetrics().height() * 1.5))
        self.flag_label.setFont(_font(1.05 * scale, bold=True))
        self.spread_label.setFont(_font(scale))
