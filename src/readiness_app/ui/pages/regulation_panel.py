"""The results step's regulation panel: the EU AI Act class of every use case and the coverage of
NIST AI RMF, ISO/IEC 42001 and the AI Act, each with its "why" (rules, articles, duties, questions)."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui.format import percent
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel

CLASS_COLOURS = {"prohibited": "#1D2B36", "high_risk": "#D8674F", "transparency": "#F2B866", "minimal": "#5FAE7E"}
STATUSES = ("evidenced", "partial", "gap", "not_assessed")


def _class_label(u: Any) -> str:
    from readiness_app.scoring.ai_act import CLASS_LABELS

    ai = u.ai_act
    if ai is None or not ai.assessed:
        return "–"
    return CLASS_LABELS[ai.class_].get(language())


def _role_label(u: Any) -> str:
    from readiness_app.scoring.ai_act import ROLE_LABELS

    ai = u.ai_act
    if ai is None or not ai.assessed:
        return "–"
    return ROLE_LABELS[ai.role].get(language()) if ai.role in ROLE_LABELS else tr("reg.role_missing")


def _class_colour(u: Any) -> QColor | None:
    colour = CLASS_COLOURS.get(u.ai_act.class_) if u.ai_act is not None and u.ai_act.assessed else None
    return QColor(colour) if colour else None


def _next_date(u: Any) -> str:
    open_ = [o.applies_from for o in (u.ai_act.open_obligations if u.ai_act is not None else ())]
    return min(open_) if open_ else "–"


def _counter(status: str) -> Any:
    return lambda f: str(f.count(status))


class RegulationPanel(QGroupBox):
    """Two tables and a "why" text below them; a click on a row explains it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.disclaimer = QLabel()
        self.disclaimer.setWordWrap(True)
        layout.addWidget(self.disclaimer)
        self.class_model = RecordTableModel([
            Column("name", "reg.col_use_case", lambda u: f"{u.rank}. {u.name}"),
            Column("class", "reg.col_class", _class_label, background=_class_colour,
                   tooltip=lambda _u: tr("reg.why_hint")),
            Column("role", "reg.col_role", _role_label),
            Column("open", "reg.col_open", lambda u: str(len(u.ai_act.open_obligations)) if u.ai_act else "–",
                   align=Qt.AlignmentFlag.AlignCenter),
            Column("next", "reg.col_next", _next_date, align=Qt.AlignmentFlag.AlignCenter),
        ], key=lambda u: u.use_case_id)
        self.class_table = self._table(self.class_model)
        layout.addWidget(self.class_table)
        self.coverage_model = RecordTableModel([
            Column("framework", "reg.col_framework", lambda f: f.name.get(language())),
            Column("coverage", "reg.col_coverage", lambda f: percent(f.coverage), align=Qt.AlignmentFlag.AlignCenter),
            *(Column(s, f"reg.col_{s}", _counter(s), align=Qt.AlignmentFlag.AlignCenter) for s in STATUSES),
        ], key=lambda f: f.id)
        self.coverage_table = self._table(self.coverage_model)
        layout.addWidget(self.coverage_table)
        self.why_label = QLabel()
        self.why_label.setWordWrap(True)
        self.why_label.setTextFormat(Qt.TextFormat.RichText)
        self.why_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.why_label)
        self.class_table.clicked.connect(self._use_case_clicked)
        self.class_table.activated.connect(self._use_case_clicked)
        self.coverage_table.clicked.connect(self._framework_clicked)
        self.coverage_table.activated.connect(self._framework_clicked)
        self._shown: tuple[str, str] | None = None
        self.retranslate()

    def _table(self, model: RecordTableModel) -> QTableView:
        t = QTableView()
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setWordWrap(False)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, model.columnCount()):
            t.horizontalHeader().setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        return t

    def set_results(self, results: Any) -> None:
        self.class_model.set_rows(list(results.use_cases))
        fc = results.framework_coverage
        self.coverage_model.set_rows(list(fc.frameworks()) if fc is not None else [])
        for table, model in ((self.class_table, self.class_model), (self.coverage_table, self.coverage_model)):
            rows = max(1, model.rowCount())
            table.setFixedHeight(table.horizontalHeader().height() + rows * table.verticalHeader().defaultSectionSize() + 4)
        self._refresh_why()

    # ---------------------------------------------------------------- why

    def _use_case_clicked(self, index: QModelIndex) -> None:
        u = self.class_model.record(index.row())
        if u is not None:
            self._shown = ("uc", u.use_case_id)
            self._refresh_why()

    def _framework_clicked(self, index: QModelIndex) -> None:
        f = self.coverage_model.record(index.row())
        if f is not None:
            self._shown = ("fw", f.id)
            self._refresh_why()

    def _refresh_why(self) -> None:
        kind, key = self._shown or ("", "")
        if kind == "uc" and (row := self.class_model.row_of(key)) >= 0:
            self.why_label.setText(self.use_case_why(self.class_model.record(row)))
        elif kind == "fw" and (row := self.coverage_model.row_of(key)) >= 0:
            self.why_label.setText(self.framework_why(self.coverage_model.record(row)))
        else:
            self.why_label.setText(escape(tr("reg.why_hint")))

    @staticmethod
    def use_case_why(u: Any) -> str:
        lang = language()
        ai = u.ai_act
        if ai is None or not ai.assessed:
            return escape(tr("reg.not_screened"))
        lines = [f"<b>{escape(tr('reg.why_title', name=u.name, klass=_class_label(u)))}</b>"]
        from readiness_app.scoring.ai_act import article_text

        lines += [f"• <b>{escape(article_text(r.article, lang))}</b>: {escape(r.text.get(lang))}" for r in ai.reasons]
        lines.append(f"<b>{escape(tr('reg.duties'))}</b>")
        if not ai.obligations:
            lines.append(escape(tr("reg.no_duties")))
        for o in ai.obligations:
            state = tr("reg.met") if o.met else tr("reg.open")
            lines.append(f"• <b>{escape(o.article)}</b> {escape(o.title.get(lang))} · "
                         f"{escape(tr('reg.from', date=o.applies_from))} · {escape(state)}")
        return "<br>".join(lines)

    @staticmethod
    def framework_why(f: Any) -> str:
        from readiness_app.scoring.framework_coverage import STATUS_LABELS

        lang = language()
        lines = [f"<b>{escape(tr('reg.areas', name=f.name.get(lang)))}</b>"]
        for a in f.areas:
            qs = ", ".join(a.questions) or "–"
            lines.append(f"• <b>{escape(a.id)}</b> {escape(a.name.get(lang))}: {escape(STATUS_LABELS[a.status].get(lang))}"
                         f" <span style='color:gray'>({escape(qs)})</span>")
        return "<br>".join(lines)

    def retranslate(self) -> None:
        self.setTitle(tr("reg.box"))
        self.disclaimer.setText(tr("reg.disclaimer"))
        self.class_table.setAccessibleName(tr("reg.col_class"))
        self.coverage_table.setAccessibleName(tr("reg.col_coverage"))
        self.class_model.retranslate()
        self.coverage_model.retranslate()
        self._refresh_why()
