"""Page 3 of the import wizard: what each answer value becomes and which question each row is."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
)

from readiness_app.excel.mapping import (
    normalise,
    scale_label,
)
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.import_wizard.model import (
    ERROR_BG,
    SCALES,
    WARN_BG,
    LabelView,
    MatchView,
    Survey,
)
from readiness_app.ui.import_wizard.widgets import (
    AUTO,
    ChoiceModel,
    ChoiceRow,
    _choice_view,
    _hint,
    _Page,
    _same_value,
)

# --------------------------------------------------------------------------- page 3


class ValuesPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        scale_row = QHBoxLayout()
        self.scale_label = QLabel()
        self.scale_combo = QComboBox()
        self.scale_combo.setMinimumWidth(260)
        self.scale_label.setBuddy(self.scale_combo)
        self.scale_combo.currentIndexChanged.connect(self._scale_changed)
        scale_row.addWidget(self.scale_label)
        scale_row.addWidget(self.scale_combo)
        scale_row.addStretch(1)
        self.outer.addLayout(scale_row)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.values_box = QGroupBox()
        vb = QVBoxLayout(self.values_box)
        self.values_hint = _hint()
        self.values_model = ChoiceModel(2, self)
        self.values_model.chosen.connect(self._value_chosen)
        self.values = _choice_view(self.values_model, "values")
        self.values.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        vb.addWidget(self.values_hint)
        vb.addWidget(self.values, 1)
        self.questions_box = QGroupBox()
        qb = QVBoxLayout(self.questions_box)
        self.questions_hint = _hint()
        self.matches_model = ChoiceModel(2, self)
        self.matches_model.chosen.connect(self._match_chosen)
        self.matches = _choice_view(self.matches_model, "matches")
        self.matches.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        qb.addWidget(self.questions_hint)
        qb.addWidget(self.matches, 1)
        self.split.addWidget(self.values_box)
        self.split.addWidget(self.questions_box)
        self.outer.addWidget(self.split, 1)
        self.outer.addWidget(self.status)
        self.set_status("")
        self._filling = False
        self._label_views: list[LabelView] = []
        self._match_views: list[MatchView] = []
        self._scales: list[str] = list(SCALES)

    def survey(self) -> Survey:
        s = self.import_wizard().survey
        assert s is not None
        return s

    def initializePage(self) -> None:
        draft = self.import_wizard().draft
        survey = self.survey()
        self._filling = True
        self.scale_combo.clear()
        scales = list(SCALES)
        if draft.scale not in scales:
            scales.append(draft.scale)
        for s in scales:
            text = tr("iw.scale_auto", scale=scale_label(survey.detected_scale)) if s == "auto" else \
                tr("iw.scale_percent") if s == "0-100" else s
            self.scale_combo.addItem(text, s)
        self._scales = scales
        self.scale_combo.setCurrentIndex(max(0, scales.index(draft.scale or "auto")))
        self._filling = False
        self.retranslate()
        self.fill()
        for view in (self.values, self.matches):
            view.resizeColumnsToContents()
        self.values.setColumnWidth(0, min(max(self.values.columnWidth(0), 160), 320))
        self.values.setColumnWidth(2, max(self.values.columnWidth(2), 300))
        self.matches.setColumnWidth(0, min(max(self.matches.columnWidth(0), 200), 420))
        self.matches.setColumnWidth(2, min(max(self.matches.columnWidth(2), 380), 480))
        values, matches = len(self._label_views) + 3, len(self._match_views) + 3  # share the height by rows
        share = min(max(values / (values + matches), 0.35), 0.65)
        self.split.setSizes([round(1000 * share), round(1000 * (1 - share))])

    def fill(self) -> None:
        """(Re)build both tables from the survey and the draft (after any change)."""
        wiz = self.import_wizard()
        draft, survey = wiz.draft, self.survey()
        self._label_views = survey.label_views(draft)
        self._match_views = survey.matches(draft)
        self.values_model.set_rows([self._value_row(v) for v in self._label_views])
        lang = language()
        questions = tuple([(tr("iw.no_match"), "")] + [(f"{q.id} – {q.text.get(lang)}", q.id)
                                                      for q in sorted(survey.library.iter_questions(),
                                                                      key=lambda q: q.id)])
        self.matches_model.set_rows([self._match_row(m, questions) for m in self._match_views])
        weak = sum(1 for m in self._match_views if m.weak)
        unread = sum(1 for v in self._label_views if v.problem and v.chosen is None)
        self.questions_hint.setText(tr("iw.q_hint", percent=round(draft.base.min_confidence * 100), weak=weak))
        self.values_hint.setText(tr("iw.v_hint", unread=unread)
                                 + (" " + tr("iw.v_hint_number") if "answer_value" in draft.columns else ""))

    @staticmethod
    def _value_row(v: LabelView) -> ChoiceRow:
        lang = language()
        bad = bool(v.problem) and v.chosen is None
        choices: list[tuple[str, Any]] = [
            (tr("iw.val_auto", value=v.automatic) if v.automatic else tr("iw.val_auto_none"), AUTO)]
        choices += [(str(n), n) for n in range(5)]
        choices += [(tr("q.not_applicable"), "n/a"), (tr("iw.val_skip"), "")]
        choices += [(tr("iw.val_option", label=label), oid) for oid, label in v.options]
        current: Any = AUTO if v.chosen is None else v.chosen
        if not any(_same_value(value, current) for _t, value in choices):
            choices.append((str(current), current))
        shown = next(t for t, value in choices if _same_value(value, current))
        example = f"{v.question.id} – {v.question.text.get(lang)}" if v.question is not None else ""
        return ChoiceRow((v.label, str(v.count), shown, v.problem if bad else example), current, tuple(choices),
                         tr("iw.value_for", label=v.label), ERROR_BG if bad else None)

    def _match_row(self, m: MatchView, questions: tuple[tuple[str, Any], ...]) -> ChoiceRow:
        use = m.use
        their = f"{use.qid} – {use.text}" if use.qid and use.text else (use.qid or use.text)
        current = m.question.id if m.question is not None else ""
        shown = next((t for t, value in questions if value == current), current)
        return ChoiceRow((their[:160], str(use.rows), shown, self._confidence_text(m)), current, questions,
                         tr("iw.match_for", question=their[:80]),
                         ERROR_BG if m.weak else WARN_BG if m.similar else None)

    @staticmethod
    def _confidence_text(m: MatchView) -> str:
        pct = f"{round(m.confidence * 100)} %"
        if m.chosen:
            return tr("iw.conf_chosen") if m.question is not None else tr("iw.conf_none_chosen")
        if m.weak:
            if m.best_guess is not None and m.confidence > 0:
                return tr("iw.conf_weak", percent=pct, guess=m.best_guess.id)
            return tr("iw.conf_none")
        return tr(f"iw.how_{m.how.replace(' ', '_')}", percent=pct)

    def _later(self) -> None:
        """Rebuild the tables once the editor that made the change has closed."""
        QTimer.singleShot(0, self.fill)

    def _scale_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.import_wizard().draft.scale = self._scales[index]
        self.fill()

    def _value_chosen(self, row: int, value: Any) -> None:
        label = self._label_views[row].label
        values = self.import_wizard().draft.values
        for k in [k for k in values if normalise(k) == normalise(label)]:
            del values[k]
        if value != AUTO:
            values[label] = value
        self._later()

    def _match_chosen(self, row: int, value: Any) -> None:
        m = self._match_views[row]
        target = str(value)
        draft = self.import_wizard().draft
        for k in [k for k in draft.questions if normalise(k) == normalise(m.use.key)]:
            del draft.questions[k]
        auto = self.survey().matcher(replace(draft, questions={})).match(m.use.qid, m.use.text)
        certain = auto.question is not None and auto.how in ("id", "id in text", "text")
        if not (certain and auto.question is not None and auto.question.id == target):
            draft.questions[m.use.key] = target  # "" leaves the question out
        self._later()

    def validatePage(self) -> bool:
        return self.import_wizard().run_step(self, "plan")

    def retranslate(self) -> None:
        self.setTitle(tr("iw.p3_title"))
        self.setSubTitle(tr("iw.p3_sub"))
        self.scale_label.setText(tr("iw.scale"))
        self.scale_combo.setAccessibleName(tr("iw.scale"))
        self.values_box.setTitle(tr("iw.values_title"))
        self.questions_box.setTitle(tr("iw.questions_title"))
        self.values_model.set_headers([tr("iw.col_label"), tr("iw.col_count"), tr("iw.col_our_value"),
                                       tr("iw.col_example")])
        self.values.setAccessibleName(tr("iw.values_title"))
        self.matches_model.set_headers([tr("iw.col_their_question"), tr("iw.col_rows"), tr("iw.col_our_question"),
                                        tr("iw.col_confidence")])
        self.matches.setAccessibleName(tr("iw.questions_title"))


