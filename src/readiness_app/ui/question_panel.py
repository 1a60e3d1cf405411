"""One question on screen: text, help, level descriptors, the answer, N/A and a note.

It only shows what it is given and emits what the facilitator did; the page turns that
into operations. ``set_scale`` switches between list mode and large workshop type; in
workshop type the text shrinks (never below list size) until the question and all its
levels fit the panel without scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDoubleValidator, QFont, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import Answer, AnswerValue
from readiness_app.questionnaire.loader import Question
from readiness_app.ui.format import answer_text
from readiness_app.ui.i18n import language, plural, tr

MIN_FIT_SCALE = 0.8  # workshop type shrinks down to this (list type is 1.0) before the levels scroll

CARD_STYLE = """
QFrame#levelCard { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }
QFrame#levelCard[selected="true"] { border: 2px solid palette(highlight); background: palette(highlight); }
QFrame#levelCard[selected="true"] QLabel { color: palette(highlighted-text); }
QFrame#levelCard:hover { border: 1px solid palette(highlight); }
"""


def _font(scale: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * scale))
    font.setBold(bold)
    font.setItalic(italic)
    return font


class LevelCard(QFrame):
    """A clickable descriptor: "3  Mostly: …". Keyboard users press the digit instead."""

    clicked = Signal(object)

    def __init__(self, key: str, value: AnswerValue, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelCard")
        self.value = value
        self.setProperty("selected", False)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(12)
        self.key_label = QLabel(key)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label = QLabel(text)
        self.text_label.setWordWrap(True)
        self.text_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.key_label)
        layout.addWidget(self.text_label, 1)
        self.setAccessibleName(f"{key}: {text}")

    def set_scale(self, scale: float) -> None:
        self.key_label.setFont(_font(1.3 * scale, bold=True))
        self.key_label.setMinimumWidth(int(self.key_label.fontMetrics().horizontalAdvance("00") + 8))
        self.text_label.setFont(_font(scale))

    def set_selected(self, selected: bool) -> None:
        if bool(self.property("selected")) != selected:
            self.setProperty("selected", selected)
            self.style().unpolish(self)
            self.style().polish(self)
            for child in (self.key_label, self.text_label):
                self.style().unpolish(child)
                self.style().polish(child)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.value)
        super().mousePressEvent(event)


class FitScrollArea(QScrollArea):
    """A scroll area that asks for the height of its content at its current width (then scrolls if short of room)."""

    def sizeHint(self) -> QSize:
        w = self.widget()
        width = max(self.viewport().width(), 200)
        if w is None:
            return super().sizeHint()
        layout = w.layout()
        h = layout.heightForWidth(width) if layout is not None and layout.hasHeightForWidth() else -1
        if h < 0:
            h = w.sizeHint().height()
        return QSize(width, h + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, min(self.sizeHint().height(), 160))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.updateGeometry()


class QuestionPanel(QWidget):
    """Shows one question and its current (consensus) answer."""

    answer_chosen = Signal(object)  # a value for the consensus answer
    not_applicable_requested = Signal()
    clear_requested = Signal()
    note_edited = Signal(str)
    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.question: Question | None = None
        self.answer: Answer | None = None
        self.votes = 0  # votes given to the shown question (they count while no consensus is recorded)
        self.scale = 1.0
        self._fit_pending = False
        self._checks_left = 0
        self._fit_ceiling = 1.0
        self.shown_scale = 1.0  # the scale in use: ``scale``, or less where the question must fit
        self.cards: list[LevelCard] = []
        self.checks: list[QCheckBox] = []
        self.value_edit: QLineEdit | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self.where_label = QLabel()
        self.where_label.setWordWrap(True)
        self.text_label = QLabel()
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_label = QLabel()
        self.help_label.setWordWrap(True)
        self.badge_label = QLabel()
        self.badge_label.setWordWrap(True)
        outer.addWidget(self.where_label)
        outer.addWidget(self.text_label)
        outer.addWidget(self.help_label)
        outer.addWidget(self.badge_label)

        self.answers_box = QWidget()
        self.answers_layout = QVBoxLayout(self.answers_box)
        self.answers_layout.setContentsMargins(0, 4, 0, 4)
        self.answers_layout.setSpacing(6)
        scroll = FitScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.answers_box)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.answers_scroll = scroll
        outer.addWidget(scroll, 1)  # the levels get every pixel the text leaves (never squeezed by a spacer)

        status = QHBoxLayout()
        self.answer_label = QLabel()
        self.answer_label.setWordWrap(True)
        self.na_button = QPushButton()
        self.na_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.na_button.clicked.connect(self.not_applicable_requested)
        self.clear_button = QPushButton()
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clear_button.clicked.connect(self.clear_requested)
        status.addWidget(self.answer_label, 1)
        outer.addLayout(status)
        self.source_label = QLabel()  # where an imported answer came from: "file.xlsx / Sheet / row 12"
        self.source_label.setWordWrap(True)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.source_label.hide()
        outer.addWidget(self.source_label)

        note_row = QHBoxLayout()
        self.note_label = QLabel()
        self.note_edit = QLineEdit()
        self.note_edit.setClearButtonEnabled(True)
        self.note_edit.editingFinished.connect(self._note_done)
        self.note_label.setBuddy(self.note_edit)
        note_row.addWidget(self.note_label)
        note_row.addWidget(self.note_edit, 1)
        outer.addLayout(note_row)

        nav = QHBoxLayout()
        self.prev_button = QPushButton()
        self.prev_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.prev_button.clicked.connect(self.previous_requested)
        self.next_button = QPushButton()
        self.next_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.next_button.clicked.connect(self.next_requested)
        self.keys_label = QLabel()
        self.keys_label.setWordWrap(True)
        self.keys_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.prev_button)
        nav.addStretch(1)
        nav.addWidget(self.na_button)
        nav.addWidget(self.clear_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        outer.addWidget(self.keys_label)
        outer.addLayout(nav)
        self.retranslate()

    # ---------------------------------------------------------------- content

    def show_question(self, q: Question | None, where: str, answer: Answer | None, enabled: bool = True,
                      votes: int = 0) -> None:
        rebuild = q is not self.question
        self.question = q
        self.answer = answer
        self.votes = votes
        self.where_label.setText(where)
        if q is None:
            self.text_label.setText("")
            self.help_label.setText("")
            self.badge_label.setText("")
            self._clear_answers()
            self.answer_label.setText("")
            self.note_edit.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(enabled)
        lang = language()
        self.text_label.setText(q.text.get(lang))
        self.text_label.setAccessibleName(q.text.get(lang))
        self.help_label.setText(q.help.get(lang))
        badges = []
        if q.critical:
            badges.append(tr("q.critical", threshold=q.threshold))
        if q.stage is not None:
            badges.append(tr("q.stage", stage=q.stage))
        self.badge_label.setText("  ·  ".join(badges))
        self.badge_label.setVisible(bool(badges))
        if rebuild:
            self._build_answers(q)
            self._update_keys()
            self._apply_scale()  # fonts only when the widgets are new: a font change re-lays out everything
        self._show_answer()
        if rebuild:
            self.fit()

    def _clear_answers(self) -> None:
        while self.answers_layout.count():
            item = self.answers_layout.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.hide()
                w.setParent(None)
                w.deleteLater()
        self.cards = []
        self.checks = []
        self.value_edit = None

    def _build_answers(self, q: Question) -> None:
        self._clear_answers()
        lang = language()
        if q.type == "scale":
            for i, level in enumerate(q.levels):
                self._add_card(str(i), i, level.get(lang))
        elif q.type == "choice":
            for i, o in enumerate(q.options, start=1):
                self._add_card(str(i), o.id, o.label.get(lang))
        elif q.type == "checklist":
            for i, o in enumerate(q.options, start=1):
                box = QCheckBox(f"{i}  {o.label.get(lang)}")
                box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                box.setProperty("option", o.id)
                box.clicked.connect(self._checklist_changed)
                self.answers_layout.addWidget(box)
                self.checks.append(box)
        else:
            row = QHBoxLayout()
            edit = QLineEdit()
            edit.setAccessibleName(tr("q.answer"))
            if q.type == "number":
                edit.setValidator(QDoubleValidator(edit))
                edit.setPlaceholderText(tr("q.number_placeholder"))
            else:
                edit.setPlaceholderText(tr("q.text_placeholder"))
            edit.editingFinished.connect(self._value_done)
            self.value_edit = edit
            holder = QWidget()
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(edit, 1)
            if q.unit is not None:
                row.addWidget(QLabel(q.unit.get(lang)))
            holder.setLayout(row)
            self.answers_layout.addWidget(holder)
        self.answers_layout.addStretch(1)

    def _add_card(self, key: str, value: AnswerValue, text: str) -> None:
        card = LevelCard(key, value, text)
        card.clicked.connect(self.answer_chosen)
        self.answers_layout.addWidget(card)
        self.cards.append(card)

    def _show_answer(self) -> None:
        q, a = self.question, self.answer
        assert q is not None
        value = None if a is None or a.not_applicable else a.value
        for card in self.cards:
            card.set_selected(value is not None and card.value == value)
        for box in self.checks:
            box.setChecked(isinstance(value, list) and box.property("option") in value)
        if self.value_edit is not None and not self.value_edit.hasFocus():
            self.value_edit.setText("" if value is None else f"{value:g}" if isinstance(value, float) else str(value))
        text = answer_text(q, a)
        missing = plural(self.votes, "q.votes_count") if self.votes else tr("q.not_answered")
        self.answer_label.setText(f"{tr('q.answer')}: {text or missing}")
        source = tr("q.source", source=a.source) if a is not None and a.source else ""
        self.source_label.setText(source)
        self.source_label.setVisible(bool(source))
        self.answer_label.setToolTip(source)
        note = a.note if a is not None and not a.not_applicable else ""
        if not self.note_edit.hasFocus():
            self.note_edit.setText(note)
        self.clear_button.setEnabled(a is not None and (a.value is not None or a.not_applicable))

    # ---------------------------------------------------------------- input

    def _checklist_changed(self) -> None:
        self.answer_chosen.emit([str(b.property("option")) for b in self.checks if b.isChecked()])

    def toggle_option(self, number: int) -> None:
        if 1 <= number <= len(self.checks):
            box = self.checks[number - 1]
            box.setChecked(not box.isChecked())
            self._checklist_changed()

    def _value_done(self) -> None:
        if self.value_edit is None or self.question is None:
            return
        text = self.value_edit.text().strip()
        current = None if self.answer is None or self.answer.not_applicable else self.answer.value
        if not text:
            return
        if self.question.type == "number":
            try:
                number = float(text.replace(",", "."))
            except ValueError:
                return
            value: AnswerValue = int(number) if number.is_integer() else number
        else:
            value = text
        if value != current:
            self.answer_chosen.emit(value)

    def _note_done(self) -> None:
        if self.question is None:
            return
        current = self.answer.note if self.answer is not None and not self.answer.not_applicable else ""
        if self.note_edit.text() != current:
            self.note_edit.clearFocus()
            self.note_edited.emit(self.note_edit.text())

    # ---------------------------------------------------------------- look

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self._apply_scale()
        self.fit()

    def needed_height(self) -> int:
        """The height the question, its help and every level need at the panel's width (from the fonts in use)."""
        w = max(self.width(), 200)
        spacing = self.layout().spacing() if self.layout() is not None else 8  # type: ignore[union-attr]
        labels = (self.where_label, self.text_label, self.help_label, self.badge_label, self.answer_label,
                  self.source_label, self.keys_label)
        need = sum(lab.heightForWidth(w) + spacing for lab in labels if not lab.isHidden() and lab.text())
        inner = w - 2 * self.answers_scroll.frameWidth() - 4
        for card in self.cards:
            key_w = card.key_label.minimumWidth()
            text_h = card.text_label.heightForWidth(max(inner - key_w - 20 - 12, 50))
            need += max(text_h, card.key_label.sizeHint().height()) + 12 + 4 + self.answers_layout.spacing()
        for box in self.checks:
            need += box.sizeHint().height() + self.answers_layout.spacing()
        if self.value_edit is not None:
            need += self.value_edit.sizeHint().height()
        need += 8 + self.note_edit.sizeHint().height() + self.prev_button.sizeHint().height() + 3 * spacing
        return int(need * 1.06) + 8  # what the estimate leaves out: frames, rounding of wrapped lines

    def fit(self) -> None:
        """Large type, but never so large that a level is cut off: shrink in steps until it all fits."""
        s = self.scale
        if s <= 1.0 or self.question is None or self.height() < 100:
            if self.shown_scale != s:
                self._apply_scale()
            return
        self._apply_scale(s)
        while s > MIN_FIT_SCALE and self.needed_height() > self.height():
            s = max(MIN_FIT_SCALE, round(s - 0.1, 2))
            self._apply_scale(s)
        self._checks_left = 12
        self._fit_ceiling = self.scale
        QTimer.singleShot(0, self._check_fit)

    def _check_fit(self) -> None:
        """Once laid out, correct the estimate: one step smaller while the levels would scroll, one step
        larger while they fit with a line to spare (never back above a size that did not fit)."""
        if self.scale <= 1.0 or self._checks_left <= 0:
            return
        self._checks_left -= 1
        layout = self.layout()
        if layout is not None:
            layout.activate()
        viewport = self.answers_scroll.viewport()
        need = self.answers_layout.heightForWidth(viewport.width())
        s = self.shown_scale
        if need > viewport.height() and s > MIN_FIT_SCALE:
            self._fit_ceiling = round(s - 0.1, 2)
            self._apply_scale(max(MIN_FIT_SCALE, self._fit_ceiling))
        elif (need + 2 * self.fontMetrics().height() < viewport.height() and s + 0.1 <= min(self.scale, self._fit_ceiling)
              and self.needed_height() * (s + 0.1) / s < self.height()):  # the texts above must fit too
            self._apply_scale(round(s + 0.1, 2))
        else:
            return
        QTimer.singleShot(0, self._check_fit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.scale > 1.0 and event.size() != event.oldSize() and not self._fit_pending:
            self._fit_pending = True  # once the resizing settles
            QTimer.singleShot(0, self._refit)

    def _refit(self) -> None:
        self._fit_pending = False
        if self.scale > 1.0:
            self._apply_scale()
            self.fit()

    def _apply_scale(self, scale: float | None = None) -> None:
        self.answers_scroll.updateGeometry()
        s = self.scale if scale is None else scale
        self.shown_scale = s
        self.where_label.setFont(_font(0.95 * min(s, 1.2)))
        self.text_label.setFont(_font((1.45 if s <= 1.0 else 1.3) * s, bold=True))
        self.help_label.setFont(_font(0.95 * s, italic=True))
        self.badge_label.setFont(_font(0.95 * s, bold=True))
        for card in self.cards:
            card.set_scale(s)
        for box in self.checks:
            box.setFont(_font(s))
        if self.value_edit is not None:
            self.value_edit.setFont(_font(1.2 * s))
        self.answer_label.setFont(_font(1.05 * s, bold=True))
        self.source_label.setFont(_font(0.9 * min(s, 1.2), italic=True))
        self.keys_label.setFont(_font(0.9 * max(1.0, s * 0.8)))

    def _update_keys(self) -> None:
        q = self.question
        if q is None or q.type == "scale":
            self.keys_label.setText(tr("q.keys_scale"))
        elif q.type in ("choice", "checklist"):
            self.keys_label.setText(tr("q.keys_choice", n=len(q.options)))
        else:
            self.keys_label.setText(tr("q.keys_other"))

    def retranslate(self) -> None:
        self.na_button.setText(tr("q.na_button"))
        self.na_button.setAccessibleName(tr("q.na_title"))
        self.clear_button.setText(tr("q.clear"))
        self.clear_button.setAccessibleName(tr("q.clear"))
        self.note_label.setText(tr("q.note") + ":")
        self.note_edit.setPlaceholderText(tr("q.note_placeholder"))
        self.note_edit.setAccessibleName(tr("q.note"))
        self.prev_button.setText(tr("q.prev"))
        self.prev_button.setAccessibleName(tr("q.prev"))
        self.next_button.setText(tr("q.next"))
        self.next_button.setAccessibleName(tr("q.next"))
        self._update_keys()
        q = self.question
        if q is not None:
            self.question = None  # rebuild the answer widgets in the new language
            self.show_question(q, self.where_label.text(), self.answer, self.isEnabled())
