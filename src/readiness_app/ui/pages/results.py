"""Step 8: the results dashboard. Every score can be clicked to see the answers behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import ORGANISATION, stage_label
from readiness_app.ui import operations
from readiness_app.ui.charts import MatrixPoint, MaturityChart, PriorityMatrix, ProfileBar, heat_colour
from readiness_app.ui.delegates import ComboDelegate
from readiness_app.ui.format import number, percent
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, scaled_font
from readiness_app.ui.why_dialog import WhyDialog

LEVELS = (1, 2, 3, 4)
MAX_LISTED = 40  # disagreements listed on the dashboard (the rest counted)


def _fit_rows(table: QTableView, max_rows: int) -> None:
    """Size a table to show its rows (up to ``max_rows``) without an inner scroll bar."""
    rows = min(table.model().rowCount(), max_rows)
    height = table.horizontalHeader().height() + table.verticalHeader().defaultSectionSize() * rows + 2 * table.frameWidth() + 2
    table.setMinimumHeight(max(height, 80))
    table.setMaximumHeight(max(height, 80) if table.model().rowCount() <= max_rows else 16777215)


def _level_name(level: int) -> str:
    from readiness_app.scoring.results import LEVEL_NAMES

    name = LEVEL_NAMES.get(level)
    return f"{level} · {name.get(language())}" if name else str(level)


def _quadrant_name(quadrant: str) -> str:
    from readiness_app.scoring.results import QUADRANT_LABELS

    label = QUADRANT_LABELS.get(quadrant)
    return label.get(language()) if label else quadrant


@dataclass(frozen=True)
class HeatColumn:
    key: str
    header: str
    score: Callable[[Any], Any]  # UseCaseResult -> Score | None
    higher_is_better: bool = True


HEAT_COLUMNS: tuple[HeatColumn, ...] = (
    HeatColumn("priority", "res.priority", lambda u: u.priority),
    HeatColumn("impact", "res.impact", lambda u: u.impact),
    HeatColumn("process", "res.process", lambda u: u.process_readiness),
    HeatColumn("data_availability", "res.data_avail", lambda u: u.data_availability),
    HeatColumn("data_readiness", "res.data_ready", lambda u: u.data_readiness),
    HeatColumn("control", "res.control", lambda u: u.control_complexity, higher_is_better=False),
    HeatColumn("effort", "res.effort", lambda u: u.effort, higher_is_better=False),
)


class ResultsPage(Page):
    step = "results"
    question_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: Any = None
        self.why_dialog: WhyDialog | None = None
        self.refresh_count = 0
        top = QHBoxLayout()
        self.title_label = heading()
        top.addWidget(self.title_label, 1)
        self.hint_label = QLabel()
        top.addWidget(self.hint_label)
        self.outer.addLayout(top)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.outer.addWidget(self.error_label)

        content = QWidget()
        grid = QGridLayout(content)
        grid.setContentsMargins(0, 0, 8, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.outer.addWidget(self.scroll_area, 1)
        self.content = content

        # first lane and completeness
        self.lane_box = QGroupBox()
        lane_layout = QVBoxLayout(self.lane_box)
        self.lane_label = QLabel()
        self.lane_label.setWordWrap(True)
        self.lane_label.setFont(scaled_font(self.lane_label, 1.35, bold=True))
        self.lane_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rationale_label = QLabel()
        self.rationale_label.setWordWrap(True)
        lane_layout.addWidget(self.lane_label)
        lane_layout.addWidget(self.rationale_label)
        grid.addWidget(self.lane_box, 0, 0)
        self.completeness_box = QGroupBox()
        self.completeness_layout = QGridLayout(self.completeness_box)
        self.completeness_bars: dict[str, tuple[QLabel, QProgressBar]] = {}
        grid.addWidget(self.completeness_box, 0, 1)

        # maturity: chart and table
        self.maturity_box = QGroupBox()
        mat = QVBoxLayout(self.maturity_box)
        self.overall_label = QLabel()
        self.overall_label.setFont(scaled_font(self.overall_label, 1.1, bold=True))
        mat.addWidget(self.overall_label)
        self.chart = MaturityChart()
        mat.addWidget(self.chart, 1)
        grid.addWidget(self.maturity_box, 1, 0)
        self.dimension_box = QGroupBox()
        dim_layout = QVBoxLayout(self.dimension_box)
        self.dimension_model = RecordTableModel(
            [
                Column("dimension", "res.dimension", lambda d: d.name.get(language())),
                Column("score", "res.score", lambda d: number(d.score.value, 1), align=Qt.AlignmentFlag.AlignCenter,
                       background=lambda d: self._heat(None if d.score.value is None else (d.score.value - 1) / 3),
                       tooltip=lambda d: tr("res.click_hint")),
                Column("level", "res.level", lambda d: _level_name(d.staged_level)),
                Column("target", "res.target", lambda d: _level_name(d.target), edit=lambda d: d.target),
                Column("gap", "res.gap", lambda d: str(d.gap) if d.gap else "✓", align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda d: d.dimension_id,
            on_edit=self._edit_target,
        )
        self.dimension_table = self._table(self.dimension_model)
        self.target_delegate = ComboDelegate(lambda: [(lv, _level_name(lv)) for lv in LEVELS], self.dimension_table)
        self.dimension_table.setItemDelegateForColumn(3, self.target_delegate)
        self.dimension_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                             | QAbstractItemView.EditTrigger.EditKeyPressed
                                             | QAbstractItemView.EditTrigger.SelectedClicked)
        dh = self.dimension_table.horizontalHeader()
        dh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, 5):
            dh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.dimension_table.clicked.connect(self._dimension_clicked)
        self.dimension_table.activated.connect(self._dimension_clicked)
        dim_layout.addWidget(self.dimension_table)
        grid.addWidget(self.dimension_box, 1, 1)

        # priority matrix and risks
        self.matrix_box = QGroupBox()
        mx = QVBoxLayout(self.matrix_box)
        self.matrix = PriorityMatrix()
        self.matrix.point_clicked.connect(self._matrix_clicked)
        mx.addWidget(self.matrix, 1)
        self.matrix_legend = QLabel()
        self.matrix_legend.setWordWrap(True)
        mx.addWidget(self.matrix_legend)
        grid.addWidget(self.matrix_box, 2, 0)
        self.risk_box = QGroupBox()
        rk = QVBoxLayout(self.risk_box)
        self.risk_list = QListWidget()
        self.risk_list.setWordWrap(True)
        self.risk_list.itemActivated.connect(self._item_to_question)
        self.risk_list.itemDoubleClicked.connect(self._item_to_question)
        rk.addWidget(self.risk_list)
        grid.addWidget(self.risk_box, 2, 1)

        # heatmap
        self.heat_box = QGroupBox()
        hm = QVBoxLayout(self.heat_box)
        self.heat_model = RecordTableModel(
            [Column("name", "uc.name", lambda u: f"{u.rank}. {u.name}", tooltip=lambda u: stage_label(u.stage, language()))]
            + [self._heat_column(c) for c in HEAT_COLUMNS]
            + [Column("quadrant", "res.quadrant", lambda u: _quadrant_name(u.quadrant)),
               Column("blockers", "res.blockers", lambda u: str(len(u.blockers)) if u.blockers else "–",
                      align=Qt.AlignmentFlag.AlignCenter,
                      background=lambda u: self._heat(0.0) if u.blockers else None,
                      tooltip=lambda u: "\n".join(b.text.get(language()) for b in u.blockers))],
            key=lambda u: u.use_case_id,
        )
        self.heat_table = self._table(self.heat_model)
        hh = self.heat_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.heat_model.columnCount()):
            hh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        self.heat_table.clicked.connect(self._heat_clicked)
        self.heat_table.activated.connect(self._heat_clicked)
        hm.addWidget(self.heat_table)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setTextFormat(Qt.TextFormat.RichText)
        hm.addWidget(self.blocker_label)
        grid.addWidget(self.heat_box, 3, 0, 1, 2)

        # disagreements
        self.dis_box = QGroupBox()
        ds = QVBoxLayout(self.dis_box)
        self.dis_list = QListWidget()
        self.dis_list.setWordWrap(True)
        self.dis_list.itemActivated.connect(self._item_to_question)
        self.dis_list.itemDoubleClicked.connect(self._item_to_question)
        ds.addWidget(self.dis_list)
        grid.addWidget(self.dis_box, 4, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowMinimumHeight(1, 360)
        grid.setRowMinimumHeight(2, 400)
        self.retranslate()

    # ---------------------------------------------------------------- helpers

    def _table(self, model: RecordTableModel) -> QTableView:
        t = QTableView()
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setWordWrap(False)
        t.setCornerButtonEnabled(False)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        return t

    def _heat_column(self, c: HeatColumn) -> Column:
        def display(u: Any) -> str:
            return number(c.score(u).value)

        def background(u: Any) -> QColor | None:
            return self._score_heat(c.score(u), c.higher_is_better)

        return Column(c.key, c.header, display, align=Qt.AlignmentFlag.AlignCenter, background=background,
                      tooltip=lambda _u: tr("res.click_hint"))

    def _heat(self, ratio: float | None, higher_is_better: bool = True) -> QColor | None:
        return heat_colour(ratio, self.palette(), higher_is_better=higher_is_better)

    def _score_heat(self, score: Any, higher_is_better: bool) -> QColor | None:
        if score is None or score.value is None:
            return None
        return self._heat(score.value / 100, higher_is_better)

    def _use_case_names(self) -> dict[str, str]:
        return {u.use_case_id: u.name for u in self.results.use_cases} if self.results else {}

    # ---------------------------------------------------------------- redraw

    def refresh(self, change: Change | None) -> None:
        assert self.session is not None
        if change is not None and not change.kinds - {operations.ENGAGEMENT}:
            return
        self.refresh_count += 1
        results = self.session.results()
        self.results = results
        if results is None:
            self.error_label.setText(tr("res.no_scoring", reason=self.session.scoring_error))
            self.error_label.show()
            self.content.setEnabled(False)
            return
        self.error_label.hide()
        self.content.setEnabled(True)
        lang = language()
        # first lane
        fl = results.first_lane
        uc = results.use_case(fl.use_case_id) if fl.use_case_id else None
        lane = uc.name if uc else tr("res.none")
        self.lane_label.setText(lane + (f"  {tr('res.conditional')}" if fl.conditional else ""))
        self.rationale_label.setText(fl.rationale.get(lang))
        # completeness
        self._fill_completeness(results)
        # maturity
        m = results.maturity
        self.overall_label.setText(tr("res.overall", score=number(m.overall_score, 1), level=_level_name(m.overall_level))
                                   + (f"  ({tr('res.low_confidence')})" if m.low_confidence else ""))
        self.chart.set_bars([ProfileBar(d.dimension_id, d.name.get(lang), d.score.value, d.staged_level, d.target)
                             for d in m.dimensions])
        self.dimension_model.set_rows(list(m.dimensions))
        _fit_rows(self.dimension_table, 14)
        # matrix
        from readiness_app.scoring.engine import IMPACT_HIGH, READINESS_SUFFICIENT

        self.matrix.set_points(
            [MatrixPoint(u.use_case_id, u.name, u.readiness, u.impact.value, u.control_complexity.value, u.rank)
             for u in results.use_cases if u.readiness is not None and u.impact.value is not None],
            (READINESS_SUFFICIENT, IMPACT_HIGH),
            (_quadrant_name("foundation_first"), _quadrant_name("first_lane"), _quadrant_name("park"), ""),
        )
        # heatmap
        self.heat_model.set_rows(list(results.use_cases))
        _fit_rows(self.heat_table, 12)
        blockers = [f"<b>{escape(u.name)}</b> ({len(u.blockers)}): "
                    + "; ".join(escape(b.text.get(lang)) for b in u.blockers)
                    for u in results.use_cases if u.blockers]
        self.blocker_label.setText(f"<b>{escape(tr('res.blockers'))}</b><br>" + "<br>".join(blockers) if blockers else "")
        self.blocker_label.setVisible(bool(blockers))
        # risks
        risk_rows: list[tuple[str, Any, str]] = []
        for r in results.risks:
            ev = r.evidence[0] if r.evidence else None
            detail = "; ".join(e.detail.get(lang) for e in r.evidence[:3] if e.detail.get(lang))
            more = f" (+{len(r.evidence) - 3})" if len(r.evidence) > 3 else ""
            text = (f"● {tr('res.severity_' + r.severity).upper()} · {r.name.get(lang)}\n{r.description.get(lang)}"
                    + (f"\n{detail}{more}" if detail else ""))
            risk_rows.append((text, (ev.question_id, ev.scope) if ev else None, r.severity))
        if not risk_rows:
            risk_rows.append((tr("res.no_risks"), None, ""))
        self._fill_list(self.risk_list, risk_rows)
        # disagreements (widest spread first)
        lib = self.session.library
        names = self._use_case_names()
        dis_rows: list[tuple[str, Any, str]] = []
        for c in results.disagreements[:MAX_LISTED]:
            q = lib.question(c.question_id)
            scope = tr("res.organisation") if c.scope == ORGANISATION else names.get(c.scope, c.scope)
            dis_rows.append((f"{q.text.get(lang) if q else c.question_id}  ·  {scope}  ·  {tr('res.spread')} {c.spread:g}",
                             (c.question_id, c.scope), ""))
        if len(results.disagreements) > MAX_LISTED:
            dis_rows.append((tr("res.more", count=len(results.disagreements) - MAX_LISTED), None, ""))
        if not results.disagreements:
            dis_rows.append((tr("res.no_disagreements"), None, ""))
        self._fill_list(self.dis_list, dis_rows)

    def _fill_list(self, widget: QListWidget, rows: list[tuple[str, Any, str]]) -> None:
        """Replace a list's items, but only when what it shows changed."""
        if getattr(widget, "_rows", None) == rows:
            return
        widget._rows = rows  # type: ignore[attr-defined]
        widget.clear()
        base = self.palette().color(QPalette.ColorRole.Base)
        for text, ref, severity in rows:
            item = QListWidgetItem(text)
            if ref is not None:
                item.setData(Qt.ItemDataRole.UserRole, ref)
            if severity:
                bg = self._heat({"high": 0.0, "medium": 0.45, "low": 0.75}.get(severity, 1.0))
                if bg is not None:
                    item.setBackground(QColor((bg.red() + base.red()) // 2, (bg.green() + base.green()) // 2,
                                              (bg.blue() + base.blue()) // 2))
            widget.addItem(item)

    def _fill_completeness(self, results: Any) -> None:
        lib = self.session.library if self.session else None
        seen = set()
        for row, c in enumerate(results.completeness):
            seen.add(c.questionnaire_id)
            pair = self.completeness_bars.get(c.questionnaire_id)
            if pair is None:
                label, bar = QLabel(), QProgressBar()
                bar.setRange(0, 100)
                bar.setTextVisible(True)
                self.completeness_layout.addWidget(label, row, 0)
                self.completeness_layout.addWidget(bar, row, 1)
                self.completeness_bars[c.questionnaire_id] = (label, bar)
                pair = (label, bar)
            qn = lib.questionnaire(c.questionnaire_id) if lib else None
            pair[0].setText(qn.title.get(language()) if qn else c.questionnaire_id)
            pair[1].setValue(round(c.ratio * 100))
            pair[1].setFormat(percent(c.ratio))
            pair[1].setAccessibleName(f"{pair[0].text()}: {percent(c.ratio)}")
        for key in list(self.completeness_bars):
            if key not in seen:
                label, bar = self.completeness_bars.pop(key)
                label.deleteLater()
                bar.deleteLater()

    # ---------------------------------------------------------------- clicks: why

    def show_why(self, title: str, name: str, score: Any) -> WhyDialog | None:
        if score is None or self.session is None:
            return None
        value = number(score.value, 1)
        if self.why_dialog is not None:
            self.why_dialog.close()
            self.why_dialog.deleteLater()
        self.why_dialog = WhyDialog(title, name, value, score, self.session.library, self._use_case_names(), self)
        self.why_dialog.question_requested.connect(self.question_requested)
        self.why_dialog.show()
        return self.why_dialog

    def _dimension_clicked(self, index: QModelIndex) -> None:
        d = self.dimension_model.record(index.row())
        if d is not None and index.column() in (0, 1, 2):
            self.show_why(tr("res.maturity"), d.name.get(language()), d.score)

    def _heat_clicked(self, index: QModelIndex) -> None:
        u = self.heat_model.record(index.row())
        if u is None:
            return
        col = index.column() - 1
        if 0 <= col < len(HEAT_COLUMNS):
            c = HEAT_COLUMNS[col]
            self.show_why(tr(c.header), f"{u.name} · {tr(c.header)}", c.score(u))
        elif index.column() == 0:
            self.show_why(tr("res.priority"), f"{u.name} · {tr('res.priority')}", u.priority)

    def _matrix_clicked(self, use_case_id: str) -> None:
        u = self.results.use_case(use_case_id) if self.results else None
        if u is not None:
            self.show_why(tr("res.priority"), f"{u.name} · {tr('res.priority')}", u.priority)

    def _item_to_question(self, item: QListWidgetItem) -> None:
        ref = item.data(Qt.ItemDataRole.UserRole)
        if ref:
            self.question_requested.emit(ref[0], ref[1])

    def _edit_target(self, d: Any, field: str, value: Any) -> None:
        if self.session is not None and field == "target":
            operations.set_target(self.session, d.dimension_id, int(value))

    # ---------------------------------------------------------------- language

    def retranslate(self) -> None:
        self.title_label.setText(tr("res.heading"))
        self.hint_label.setText(tr("res.click_hint"))
        self.lane_box.setTitle(tr("res.first_lane"))
        self.completeness_box.setTitle(tr("res.completeness"))
        self.maturity_box.setTitle(tr("res.maturity"))
        self.dimension_box.setTitle(tr("res.by_dimension"))
        self.matrix_box.setTitle(tr("res.matrix"))
        self.matrix.setAccessibleName(tr("res.matrix"))
        self.matrix_legend.setText(tr("res.matrix_legend"))
        self.risk_box.setTitle(tr("res.risks"))
        self.risk_list.setAccessibleName(tr("res.risks"))
        self.heat_box.setTitle(tr("res.heatmap"))
        self.heat_table.setAccessibleName(tr("res.heatmap"))
        self.dimension_table.setAccessibleName(tr("res.maturity"))
        self.dis_box.setTitle(tr("res.disagreements"))
        self.dis_list.setAccessibleName(tr("res.disagreements"))
        self.heat_model.retranslate()
        self.dimension_model.retranslate()
        super().retranslate()
