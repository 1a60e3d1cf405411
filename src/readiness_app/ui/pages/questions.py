"""Steps 4-7: the question view, in list mode (preparation) and workshop mode (projector).

The keyboard model of the room (the F1 help card, ``ui/help_card.py``, says the same):

* 0-4 (scales) or 1-n (choices): the vote of the participant selected in the vote grid; the
  selection then moves down one row, after the last participant onto the consensus row. A
  digit on the consensus row records the room's answer. Without participants (or for a
  question nobody votes on) digits record the consensus at once.
* ↑/↓ choose the row; C selects the consensus row; R reveals (and hides) the votes; Enter
  records the consensus the revealed votes suggest; N marks "not applicable" (asks a short
  reason); Delete clears the selected row.
* ←/→ and PgUp/PgDn always move to the previous / next question, wherever the focus is on the
  page (except inside a text field). Tab and Shift+Tab visit every control; Escape comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import CONSENSUS, ORGANISATION, Answer, AnswerValue
from readiness_app.questionnaire.loader import Question
from readiness_app.ui import dialogs, operations
from readiness_app.ui.format import answer_text, short_value
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, scaled_font
from readiness_app.ui.progress import step_questions
from readiness_app.ui.question_panel import QuestionPanel
from readiness_app.ui.vote_panel import NUMBER_KEYS, VOTABLE, VotePanel, digit_value

WORKSHOP_SCALE = 1.7
MOVE_BACK = (Qt.Key.Key_Left, Qt.Key.Key_PageUp)
MOVE_ON = (Qt.Key.Key_Right, Qt.Key.Key_PageDown)
RECORD_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class QuestionRow:
    number: int
    question: Question
    scope: str
    answer: Answer | None
    votes: int
    participants: int
    from_votes: str = ""  # the room's answer suggested by the votes when none is recorded

    @property
    def key(self) -> str:
        return f"{self.question.id}|{self.scope}"

    def answer_display(self) -> str:
        a = self.answer
        if a is not None and a.not_applicable:
            return tr("res.why_na")
        if a is not None and a.value is not None:
            return short_value(self.question, a.value)
        return f"≈ {self.from_votes}" if self.from_votes else "–"

    def answer_tooltip(self) -> str:
        text = answer_text(self.question, self.answer)
        if not text and self.from_votes:
            return f"≈ {self.from_votes} ({tr('q.consensus_from_votes')})"
        return text

    def votes_display(self) -> str:
        if not self.participants or (self.question.type not in VOTABLE and not self.votes):
            return ""
        return f"{self.votes}/{self.participants}"


def suggested_value(q: Question, scope: str, votes: list[Answer]) -> AnswerValue:
    """The room's answer from the votes alone (scoring's consensus rule); scales rounded half up."""
    from readiness_app.scoring.consensus import consensus_of

    if not votes:
        return None
    c = consensus_of(q, scope, votes)
    if q.type == "scale":
        return None if c.numeric is None else int(c.numeric + 0.5)
    return c.value


class QuestionPage(Page):
    """One page per questionnaire step ("prioritization", "readiness", "maturity", "baseline")."""

    workshop_mode_changed = Signal(bool)
    room_requested = Signal()  # "Room (phones)": open the room for voting from phones

    def __init__(self, step: str, parent: QWidget | None = None) -> None:
        self.step = step
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.questions: list[Question] = []
        self.current = 0
        self.scope_choice = ""  # selected use-case id
        self.workshop = False
        self.zoom = 1.0  # presentation zoom (Ctrl++ / Ctrl+-), on top of the workshop scale
        self._answers: dict[tuple[str, str], dict[str, Answer]] = {}
        self._cache_scopes: frozenset[str] = frozenset()
        self._people: list[Any] | None = None

        top = QHBoxLayout()
        self.title_label = heading()
        top.addWidget(self.title_label, 1)
        self.use_case_label = QLabel()
        self.use_case_combo = QComboBox()
        self.use_case_combo.setMinimumWidth(200)
        self.use_case_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.use_case_combo.activated.connect(self._use_case_picked)
        self.use_case_label.setBuddy(self.use_case_combo)
        top.addWidget(self.use_case_label)
        top.addWidget(self.use_case_combo)
        self.list_button = QPushButton()
        self.list_button.setCheckable(True)
        self.workshop_button = QPushButton()
        self.workshop_button.setCheckable(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.list_button)
        group.addButton(self.workshop_button)
        self.list_button.setChecked(True)
        self.list_button.clicked.connect(lambda: self.set_workshop_mode(False))
        self.workshop_button.clicked.connect(lambda: self.set_workshop_mode(True))
        top.addSpacing(12)
        top.addWidget(self.list_button)
        top.addWidget(self.workshop_button)
        self.room_button = QPushButton()
        self.room_button.clicked.connect(self.room_requested)
        self.room_button.setVisible(False)  # shown in workshop mode
        top.addWidget(self.room_button)
        self.outer.addLayout(top)
        self.counter_label = QLabel()
        self.outer.addWidget(self.counter_label)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.outer.addWidget(self.empty_label)

        self.model = RecordTableModel(
            [
                Column("number", "q.col_number", lambda r: str(r.number), align=Qt.AlignmentFlag.AlignRight),
                Column("question", "q.col_question", lambda r: r.question.text.get(language()),
                       tooltip=lambda r: f"{r.question.id}: {r.question.text.get(language())}"),
                Column("answer", "q.col_answer", lambda r: r.answer_display(), tooltip=lambda r: r.answer_tooltip()),
                Column("votes", "q.col_votes", lambda r: r.votes_display(), align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda r: r.key,
        )
        self.list_view = QTableView()
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.setTabKeyNavigation(False)
        self._syncing = False
        self.list_view.setWordWrap(True)  # the whole question, on as many lines as it needs
        self.list_view.setMinimumWidth(260)
        self.list_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.setAlternatingRowColors(True)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.selectionModel().currentRowChanged.connect(self._row_selected)
        self.list_view.installEventFilter(self)

        self.panel = QuestionPanel()
        self.panel.answer_chosen.connect(self._answer_chosen)
        self.panel.not_applicable_requested.connect(self.ask_not_applicable)
        self.panel.clear_requested.connect(self.clear_current)
        self.panel.note_edited.connect(self._note_edited)
        self.panel.previous_requested.connect(lambda: self.step_by(-1))
        self.panel.next_requested.connect(lambda: self.step_by(1))
        self.votes = VotePanel()
        self.votes.vote_requested.connect(self._vote)
        self.votes.vote_clear_requested.connect(self._clear_vote)
        self.votes.reveal_toggled.connect(self._reveal)
        self.votes.record_requested.connect(self.record_consensus)
        self.votes.grid.leave.connect(self.setFocus)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.list_view)
        right = QWidget()
        right_layout = QHBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.setSpacing(16)
        right_layout.addWidget(self.panel, 5)
        right_layout.addWidget(self.votes, 3)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([560, 740])
        self.body = QWidget()
        body_layout = QVBoxLayout(self.body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.splitter)
        self.outer.addWidget(self.body, 1)
        # ←/→ move between questions from every control of the page that does not type text
        self._arrow_sources: list[QWidget] = [self.use_case_combo, self.votes.grid, *self.findChildren(QAbstractButton)]
        for w in self._arrow_sources:
            if isinstance(w, QAbstractButton):
                w.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reached by Tab; a click leaves the keys on the page
            w.installEventFilter(self)
        self.retranslate()

    # ---------------------------------------------------------------- state

    def question(self) -> Question | None:
        return self.questions[self.current] if 0 <= self.current < len(self.questions) else None

    def scope_of(self, q: Question) -> str:
        return ORGANISATION if q.scope == "organisation" else self.scope_choice

    def current_key(self) -> tuple[str, str] | None:
        q = self.question()
        if q is None:
            return None
        scope = self.scope_of(q)
        return (q.id, scope) if scope else None

    @property
    def has_use_case_scope(self) -> bool:
        return any(q.scope == "use_case" for q in self.questions)

    def session_installed(self) -> None:
        self._people = None
        self._cache_scopes = frozenset()
        self._answers = {}
        self.current = 0
        self.scope_choice = ""
        self.questions = step_questions(self.session.library, self.step) if self.session is not None else []

    # ---------------------------------------------------------------- redraw

    def refresh(self, change: Change | None) -> None:
        assert self.session is not None
        if change is not None and not change.kinds & {operations.ANSWERS, operations.PARTICIPANTS,
                                                      operations.USE_CASES}:
            return
        if change is None or operations.USE_CASES in change.kinds:
            self._fill_use_cases()
        if change is not None and change.kinds == {operations.ANSWERS} and change.keys:
            self._update_cached(change.keys)
        else:
            self._cache_scopes = frozenset()
            self._people = None
        self._redraw()

    def _participants(self) -> list[Any]:
        assert self.session is not None
        if self._people is None:
            self._people = self.session.file.participants()
        return self._people

    def _update_cached(self, keys: tuple[tuple[str, str, str], ...]) -> None:
        """After single-answer edits, re-read only those answers (not the whole scope)."""
        assert self.session is not None
        for qid, scope, pid in keys:
            if scope not in self._cache_scopes:
                continue
            a = self.session.file.answer(qid, scope, pid)
            entry = self._answers.setdefault((qid, scope), {})
            if a is None:
                entry.pop(pid, None)
            else:
                entry[pid] = a

    def _fill_use_cases(self) -> None:
        assert self.session is not None
        ucs = self.session.file.use_cases()
        ids = [u.id for u in ucs]
        if self.scope_choice not in ids:
            self.scope_choice = ids[0] if ids else ""
        self.use_case_combo.blockSignals(True)
        self.use_case_combo.clear()
        for u in ucs:
            self.use_case_combo.addItem(u.name, u.id)
        self.use_case_combo.setCurrentIndex(max(0, self.use_case_combo.findData(self.scope_choice)))
        self.use_case_combo.blockSignals(False)
        show = self.has_use_case_scope
        self.use_case_combo.setVisible(show)
        self.use_case_label.setVisible(show)

    def _scope_answers(self) -> dict[tuple[str, str], dict[str, Answer]]:
        """Every answer in the scopes on screen, read once and then kept up to date key by key."""
        assert self.session is not None
        wanted = {ORGANISATION} if not self.has_use_case_scope else {ORGANISATION, self.scope_choice}
        scopes = frozenset(s for s in wanted if s)
        if scopes != self._cache_scopes:
            out: dict[tuple[str, str], dict[str, Answer]] = {}
            for scope in scopes:
                for a in self.session.file.answers(scope=scope):
                    out.setdefault((a.question_id, a.scope), {})[a.participant_id] = a
            self._answers, self._cache_scopes = out, scopes
        return self._answers

    def _redraw(self) -> None:
        assert self.session is not None
        participants = self._participants()
        answers = self._scope_answers()
        self.current = min(max(self.current, 0), max(len(self.questions) - 1, 0))
        rows = []
        for i, q in enumerate(self.questions, start=1):
            scope = self.scope_of(q)
            given = answers.get((q.id, scope), {})
            votes = sum(1 for pid, a in given.items() if pid != CONSENSUS and (a.value is not None or a.not_applicable))
            consensus = given.get(CONSENSUS)
            from_votes = ""
            shown = self.session.visibility.all_shown(q.id, scope, given.values())  # hidden votes say nothing
            if votes and shown and (consensus is None or (consensus.value is None and not consensus.not_applicable)):
                value = suggested_value(q, scope, [a for pid, a in given.items() if pid != CONSENSUS])
                from_votes = short_value(q, value) if value is not None else ""
            rows.append(QuestionRow(i, q, scope, consensus, votes, len(participants), from_votes))
        self.model.set_rows(rows)
        no_scope = self.has_use_case_scope and not self.scope_choice
        if not self.questions:
            self.empty_label.setText(tr("q.no_questions"))
        elif no_scope:
            self.empty_label.setText(tr("q.no_use_cases"))
        self.empty_label.setVisible(not self.questions or no_scope)
        self.body.setVisible(bool(self.questions) and not no_scope)
        self._sync_selection()
        self._show_current(participants, answers)

    def _sync_selection(self) -> None:
        """Select the current question's row, and only it (the view repaints the row it leaves)."""
        selected = [i.row() for i in self.list_view.selectionModel().selectedRows()]
        if self.model.rowCount() and (self.list_view.currentIndex().row() != self.current or selected != [self.current]):
            self._syncing = True
            try:
                from PySide6.QtCore import QItemSelectionModel

                self.list_view.selectionModel().setCurrentIndex(
                    self.model.index(self.current, 1),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            finally:
                self._syncing = False
            self.list_view.scrollTo(self.model.index(self.current, 1))

    def _show_current(self, participants: list[Any] | None = None,
                      answers: dict[tuple[str, str], dict[str, Answer]] | None = None) -> None:
        assert self.session is not None
        q = self.question()
        total = len(self.questions)
        self.counter_label.setText(tr("q.counter", index=self.current + 1, total=total) if total else "")
        if q is None:
            self.panel.show_question(None, "", None)
            self.votes.show_votes(None, [], {}, False, None, False, "")
            return
        if participants is None:
            participants = self._participants()
        if answers is None:
            answers = self._scope_answers()
        scope = self.scope_of(q)
        given = answers.get((q.id, scope), {})
        qn = self.session.library.questionnaire(q.questionnaire_id)
        section = next((s for s in qn.sections if s.id == q.section_id), None) if qn else None
        lang = language()
        where = " › ".join(x for x in (
            qn.title.get(lang) if qn else "", section.title.get(lang) if section else "",
            self.use_case_combo.currentText() if scope != ORGANISATION else "") if x)
        votes = {pid: a for pid, a in given.items() if pid != CONSENSUS}
        self.panel.show_question(q, f"{where}  ·  {q.id}", given.get(CONSENSUS), enabled=bool(scope),
                                 votes=sum(1 for a in votes.values() if a.value is not None or a.not_applicable))
        vis = self.session.visibility
        revealed = vis.votes_shown(q.id, scope) or (bool(votes) and vis.all_shown(q.id, scope, votes.values()))
        spread = None
        disagreement = False
        suggestion = ""
        if revealed and votes:
            from readiness_app.scoring.consensus import consensus_of

            c = consensus_of(q, scope, list(votes.values()))
            spread, disagreement = c.spread, c.disagreement
            value = suggested_value(q, scope, list(votes.values()))
            suggestion = short_value(q, value) if value is not None else ""
        self.votes.show_votes(q, participants, votes, revealed, spread, disagreement, suggestion,
                              consensus=given.get(CONSENSUS))
        if self.votes.active:  # the keys of the room, not the keys of a lone answer
            self.panel.keys_label.setText(tr("q.keys_room"))

    # ---------------------------------------------------------------- navigation

    def go_to(self, index: int) -> None:
        if not self.questions:
            return
        self.current = min(max(index, 0), len(self.questions) - 1)
        self._redraw()

    def step_by(self, delta: int) -> None:
        self.go_to(self.current + delta)

    def go_to_question(self, question_id: str, scope: str | None = None) -> bool:
        """Show ``question_id`` (and, for use-case questions, that use case)."""
        for i, q in enumerate(self.questions):
            if q.id == question_id:
                if scope and scope != ORGANISATION and scope != self.scope_choice:
                    self.scope_choice = scope
                    self.use_case_combo.setCurrentIndex(max(0, self.use_case_combo.findData(scope)))
                    self.current = i
                    self._redraw()
                else:
                    self.go_to(i)
                return True
        return False

    def _row_selected(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid() and current.row() != self.current:
            self.current = current.row()
            self._redraw()

    def _use_case_picked(self, index: int) -> None:
        self.scope_choice = str(self.use_case_combo.itemData(index) or "")
        self._redraw()

    def select_use_case(self, use_case_id: str) -> None:
        i = self.use_case_combo.findData(use_case_id)
        if i >= 0:
            self.use_case_combo.setCurrentIndex(i)
            self._use_case_picked(i)

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self._apply_scales()

    def _apply_scales(self) -> None:
        on, z = self.workshop, self.zoom
        self.panel.set_scale((WORKSHOP_SCALE if on else 1.0) * z)
        self.votes.set_scale((1.35 if on else 1.0) * z)
        self.list_view.setFont(scaled_font(self, z))

    def set_workshop_mode(self, on: bool) -> None:
        self.workshop = on
        self.list_view.setVisible(not on)
        self._apply_scales()
        self.list_button.setChecked(not on)
        self.workshop_button.setChecked(on)
        self.room_button.setVisible(on)
        self.setFocus()
        self.workshop_mode_changed.emit(on)

    # ---------------------------------------------------------------- keyboard

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if watched is self.list_view and self.handle_key(event, from_list=True):
                return True
            if (watched in self._arrow_sources and event.key() in MOVE_BACK + MOVE_ON
                    and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
                self.step_by(-1 if event.key() in MOVE_BACK else 1)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def handle_key(self, event: QKeyEvent, from_list: bool = False) -> bool:
        """Answer and move by keyboard; returns whether the key was used."""
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        q = self.question()
        if q is None:
            return False
        plain = mods == Qt.KeyboardModifier.NoModifier
        grid = self.votes.active  # digits go to the selected row of the vote grid
        if grid and plain and (Qt.Key.Key_0 <= key <= Qt.Key.Key_9 or (q.type == "number" and key in NUMBER_KEYS)):
            self.votes.type_key(event)
            return True
        if grid and plain and key == Qt.Key.Key_C:
            self.votes.select_consensus()
            return True
        if grid and plain and key == Qt.Key.Key_R:
            if self.votes.reveal_button.isEnabled():
                self.reveal(not self.votes.revealed)
            return True
        if grid and plain and key in RECORD_KEYS:
            self.record_consensus()
            return True
        if grid and key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not from_list:
            self.votes.move_selection(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if grid and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.votes.clear_selected()
            return True
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and mods == Qt.KeyboardModifier.NoModifier:
            digit = key - Qt.Key.Key_0
            if q.type == "checklist":
                self.panel.toggle_option(digit)
                return True
            value = digit_value(q, digit)
            if value is not None:
                self.answer(value)
            return True
        if key == Qt.Key.Key_N and mods == Qt.KeyboardModifier.NoModifier:
            self.ask_not_applicable()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear_current()
            return True
        if key in MOVE_BACK or (key == Qt.Key.Key_Up and not from_list):
            self.step_by(-1)
            return True
        if key in MOVE_ON or (key == Qt.Key.Key_Down and not from_list):
            self.step_by(1)
            return True
        return False

    # ---------------------------------------------------------------- slots → operations

    def answer(self, value: AnswerValue) -> bool:
        key = self.current_key()
        if self.session is None or key is None:
            return False
        return operations.set_answer(self.session, key[0], key[1], CONSENSUS, value, step=self.step)

    def _answer_chosen(self, value: AnswerValue) -> None:
        self.answer(value)

    def ask_not_applicable(self) -> None:
        key = self.current_key()
        if self.session is None or key is None:
            return
        reason = dialogs.service().ask_text(tr("q.na_title"), tr("q.na_reason"))
        if reason is None:
            return
        operations.mark_not_applicable(self.session, key[0], key[1], reason, step=self.step)

    def clear_current(self) -> None:
        key = self.current_key()
        if self.session is not None and key is not None:
            operations.clear_answer(self.session, key[0], key[1], step=self.step)

    def _note_edited(self, note: str) -> None:
        key = self.current_key()
        if self.session is not None and key is not None:
            operations.set_note(self.session, key[0], key[1], note, step=self.step)

    def vote(self, participant_id: str, value: AnswerValue) -> bool:
        key = self.current_key()
        if self.session is None or key is None:
            return False
        return operations.set_answer(self.session, key[0], key[1], participant_id, value, step=self.step)

    def _vote(self, participant_id: str, value: AnswerValue) -> None:
        self.vote(participant_id, value)

    def _clear_vote(self, participant_id: str) -> None:
        key = self.current_key()
        if self.session is not None and key is not None:
            operations.clear_answer(self.session, key[0], key[1], participant_id, step=self.step)

    def _reveal(self, on: bool) -> None:
        self.reveal(on)

    def reveal(self, on: bool = True) -> None:
        key = self.current_key()
        if key is None or self.session is None:
            return
        operations.reveal_votes(self.session, key[0], key[1], on, step=self.step)

    def record_consensus(self) -> bool:
        """Store the room's answer suggested by the votes as the consensus."""
        key = self.current_key()
        q = self.question()
        if self.session is None or key is None or q is None:
            return False
        votes = [a for a in self.session.file.answers(scope=key[1])
                 if a.question_id == key[0] and a.participant_id != CONSENSUS]
        value = suggested_value(q, key[1], votes)
        if value is None:
            return False
        return self.answer(value)

    # ---------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.title_label.setText(tr(f"step.{self.step}"))
        self.title_label.setAccessibleName(tr(f"step.{self.step}"))
        self.use_case_label.setText(tr("q.use_case") + ":")
        self.use_case_combo.setAccessibleName(tr("q.use_case"))
        self.list_button.setText(tr("q.list_mode"))
        self.list_button.setAccessibleName(tr("q.list_mode"))
        self.workshop_button.setText(tr("q.workshop_mode") + " (F5)")
        self.workshop_button.setAccessibleName(tr("q.workshop_mode"))
        self.room_button.setText(tr("q.room"))
        self.room_button.setToolTip(tr("q.room_tip"))
        self.list_view.setAccessibleName(tr("q.questions"))
        self.model.retranslate()
        self.panel.retranslate()
        self.votes.retranslate()
        super().retranslate()
