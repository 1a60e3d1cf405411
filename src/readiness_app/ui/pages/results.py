"""Step 8: the results dashboard. Every score can be clicked to see the answers behind it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent
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
from readiness_app.ui.delegates import ComboDelegate, keep_text_room
from readiness_app.ui.format import number, percent
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, scaled_font
from readiness_app.ui.pages.regulation_panel import RegulationPanel
from readiness_app.ui.why_dialog import WhyDialog

LEVELS = (1, 2, 3, 4)
MAX_LISTED = 40  # disagreements listed on the dashboard (the rest counted)
SINCE_COLUMN, BENCHMARK_COLUMN = 5, 6  # the dimension table's follow-up and benchmark columns


def _fit_rows(table: QTableView, max_rows: int) -> None:
    """Size a table to show its rows (up to ``max_rows``) without an inner scroll bar (wrapped rows are taller)."""
    rows = min(table.model().rowCount(), max_rows)
    if table.wordWrap():
        table.resizeRowsToContents()
        body = sum(table.rowHeight(r) for r in range(rows))
    else:
        body = table.verticalHeader().defaultSectionSize() * rows
    height = table.horizontalHeader().height() + body + 2 * table.frameWidth() + 2
    table.setMinimumHeight(max(height, 80))
    table.setMaximumHeight(max(height, 80) if table.model().rowCount() <= max_rows else 16777215)


def _level_name(level: int) -> str:
    from readiness_app.scoring.results import LEVEL_NAMES

    name = LEVEL_NAMES.get(level)
    return f"{level} · {name.get(language())}" if name else str(level)


def change_text(change: float | None, digits: int = 1) -> str:
    """A change as the room reads it: "▲ +0.5", "▼ −0.3", "= 0.0" (rounded as shown); "–" when unknown."""
    if change is None:
        return tr("res.none")
    shown = round(change, digits)
    if shown > 0:
        return f"▲ +{shown:.{digits}f}"
    if shown < 0:
        return f"▼ −{-shown:.{digits}f}"
    return f"= {0:.{digits}f}"


def _plain(value: float | None) -> str:
    """A measured number as typed (no trailing zeros)."""
    return tr("res.none") if value is None else f"{value:g}"


def _plain_change(change: float | None) -> str:
    if change is None:
        return tr("res.none")
    if change == 0:
        return "= 0"
    return f"▲ +{change:g}" if change > 0 else f"▼ −{-change:g}"


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
        self.movement: Any = None  # followup.Movement when the assessment is a follow-up
        self._dim_movement: dict[str, Any] = {}
        self._standing: dict[str, Any] = {}  # dimension id -> portfolio.Standing, after a benchmark
        self.why_dialog: WhyDialog | None = None
        self._heat_cache: dict[tuple[Any, ...], QColor | None] = {}
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
        self.chart.bar_clicked.connect(self._bar_clicked)
        mat.addWidget(self.chart, 1)
        grid.addWidget(self.maturity_box, 1, 0)
        self.dimension_box = QGroupBox()
        dim_layout = QVBoxLayout(self.dimension_box)
        self.dimension_model = RecordTableModel(
            [
                Column("dimension", "res.dimension", lambda d: d.name.get(language()),
                       tooltip=lambda d: d.name.get(language())),
                Column("score", "res.score", lambda d: number(d.score.value, 1), align=Qt.AlignmentFlag.AlignCenter,
                       background=lambda d: self._heat(None if d.score.value is None else (d.score.value - 1) / 3),
                       tooltip=lambda d: tr("res.click_hint")),
                Column("level", "res.level", lambda d: self._level_text(d.staged_level),
                       tooltip=lambda d: _level_name(d.staged_level), align=Qt.AlignmentFlag.AlignCenter),
                Column("target", "res.target", lambda d: self._level_text(d.target), edit=lambda d: d.target,
                       tooltip=lambda d: _level_name(d.target), align=Qt.AlignmentFlag.AlignCenter),
                Column("gap", "res.gap", lambda d: str(d.gap) if d.gap else "✓", align=Qt.AlignmentFlag.AlignCenter),
                Column("since", "res.since_baseline", lambda d: self._since_text(d.dimension_id),
                       align=Qt.AlignmentFlag.AlignCenter, background=lambda d: self._since_colour(d.dimension_id),
                       tooltip=lambda d: self._since_tooltip(d.dimension_id)),
                Column("benchmark", "res.benchmark", lambda d: self._percentile_text(d.dimension_id),
                       align=Qt.AlignmentFlag.AlignCenter, tooltip=lambda d: self._percentile_tooltip(d.dimension_id)),
            ],
            key=lambda d: d.dimension_id,
            on_edit=self._edit_target,
        )
        self.dimension_table = self._table(self.dimension_model, wrap=True)
        keep_text_room(self.dimension_table, {}, lambda: _fit_rows(self.dimension_table, 14))
        self.target_delegate = ComboDelegate(lambda: [(lv, _level_name(lv)) for lv in LEVELS], self.dimension_table)
        self.dimension_table.setItemDelegateForColumn(3, self.target_delegate)
        self.dimension_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                             | QAbstractItemView.EditTrigger.EditKeyPressed
                                             | QAbstractItemView.EditTrigger.SelectedClicked)
        dh = self.dimension_table.horizontalHeader()
        dh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.dimension_model.columnCount()):
            dh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        dh.setResizeContentsPrecision(0)  # size columns by the rows in view, not by every row on each paint
        self.dimension_table.setColumnHidden(SINCE_COLUMN, True)
        self.dimension_table.setColumnHidden(BENCHMARK_COLUMN, True)
        self.dimension_table.clicked.connect(self._dimension_clicked)
        self.dimension_table.activated.connect(self._dimension_clicked)
        dim_layout.addWidget(self.dimension_table)
        grid.addWidget(self.dimension_box, 1, 1)

        # a follow-up: movement since the baseline (hidden for a first assessment)
        self.movement_box = QGroupBox()
        mv = QVBoxLayout(self.movement_box)
        self.movement_from_label = QLabel()
        self.movement_from_label.setWordWrap(True)
        self.movement_overall_label = QLabel()
        self.movement_overall_label.setWordWrap(True)
        self.movement_overall_label.setFont(scaled_font(self.movement_overall_label, 1.2, bold=True))
        self.actions_done_label = QLabel()
        mv.addWidget(self.movement_from_label)
        mv.addWidget(self.movement_overall_label)
        mv.addWidget(self.actions_done_label)
        tables = QHBoxLayout()
        tables.setSpacing(14)
        uc_col = QVBoxLayout()
        self.uc_movement_label = QLabel()
        self.uc_movement_label.setFont(scaled_font(self.uc_movement_label, 1.0, bold=True))
        self.uc_movement_model = RecordTableModel(
            [
                Column("name", "uc.name", self._uc_name),
                Column("before", "res.before", lambda u: number(u.priority_before), align=Qt.AlignmentFlag.AlignCenter),
                Column("after", "res.after", lambda u: number(u.priority_after), align=Qt.AlignmentFlag.AlignCenter),
                Column("change", "res.change", lambda u: change_text(u.priority_change, 0),
                       align=Qt.AlignmentFlag.AlignCenter, background=lambda u: self._trend_colour(u.priority_change, 0)),
                Column("rank", "res.rank", lambda u: f"{u.rank_before or tr('res.none')} → {u.rank_after or tr('res.none')}",
                       align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda u: u.use_case_id,
        )
        self.uc_movement_table = self._table(self.uc_movement_model)
        uh = self.uc_movement_table.horizontalHeader()
        uh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.uc_movement_model.columnCount()):
            uh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        uh.setResizeContentsPrecision(0)
        uc_col.addWidget(self.uc_movement_label)
        uc_col.addWidget(self.uc_movement_table)
        uc_col.addStretch(1)
        metric_col = QVBoxLayout()
        self.metrics_label = QLabel()
        self.metrics_label.setFont(scaled_font(self.metrics_label, 1.0, bold=True))
        self.metrics_model = RecordTableModel(
            [
                Column("metric", "res.metric", lambda m: m.text.get(language()), tooltip=lambda m: m.text.get(language())),
                Column("scope", "res.scope", lambda m: m.scope_name or tr("res.organisation"),
                       tooltip=lambda m: m.scope_name or tr("res.organisation")),
                Column("before", "res.before", lambda m: _plain(m.before), align=Qt.AlignmentFlag.AlignCenter),
                Column("after", "res.after", lambda m: _plain(m.after), align=Qt.AlignmentFlag.AlignCenter),
                Column("change", "res.change", lambda m: _plain_change(m.change), align=Qt.AlignmentFlag.AlignCenter,
                       background=lambda m: self._improved_colour(m.improved),
                       tooltip=lambda m: "" if m.improved is None else tr("res.better" if m.improved else "res.worse")),
                Column("unit", "res.unit", lambda m: m.unit.get(language()), tooltip=lambda m: m.unit.get(language())),
            ],
            key=lambda m: f"{m.question_id}|{m.scope}",
        )
        self.metrics_table = self._table(self.metrics_model)
        mh = self.metrics_table.horizontalHeader()
        mh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.metrics_model.columnCount()):
            mh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        mh.setResizeContentsPrecision(0)
        for i, width in ((1, 170), (5, 150)):  # scope and unit can be long: a fixed width, elided
            mh.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            self.metrics_table.setColumnWidth(i, width)
        self.metrics_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.no_metrics_label = QLabel()
        metric_col.addWidget(self.metrics_label)
        metric_col.addWidget(self.metrics_table)
        metric_col.addWidget(self.no_metrics_label)
        metric_col.addStretch(1)
        tables.addLayout(uc_col, 2)
        tables.addLayout(metric_col, 3)
        mv.addLayout(tables)
        self.movement_box.hide()
        grid.addWidget(self.movement_box, 2, 0, 1, 2)

        # priority matrix and risks
        self.matrix_box = QGroupBox()
        mx = QVBoxLayout(self.matrix_box)
        self.matrix = PriorityMatrix()
        self.matrix.point_clicked.connect(self._matrix_clicked)
        mx.addWidget(self.matrix, 1)
        self.matrix_legend = QLabel()
        self.matrix_legend.setWordWrap(True)
        mx.addWidget(self.matrix_legend)
        grid.addWidget(self.matrix_box, 3, 0)
        self.risk_box = QGroupBox()
        rk = QVBoxLayout(self.risk_box)
        self.risk_list = QListWidget()
        self.risk_list.setWordWrap(True)
        self.risk_list.itemActivated.connect(self._item_to_question)
        self.risk_list.itemDoubleClicked.connect(self._item_to_question)
        rk.addWidget(self.risk_list)
        grid.addWidget(self.risk_box, 3, 1)

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
        self.heat_model.wrap_headers = True  # "Data / availability": the names keep their room
        self.heat_table = self._table(self.heat_model, wrap=True)
        keep_text_room(self.heat_table, {}, lambda: _fit_rows(self.heat_table, 12))
        hh = self.heat_table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.heat_model.columnCount()):
            hh.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        hh.setResizeContentsPrecision(0)
        self.heat_table.clicked.connect(self._heat_clicked)
        self.heat_table.activated.connect(self._heat_clicked)
        hm.addWidget(self.heat_table)
        self.blocker_label = QLabel()
        self.blocker_label.setWordWrap(True)
        self.blocker_label.setTextFormat(Qt.TextFormat.RichText)
        hm.addWidget(self.blocker_label)
        grid.addWidget(self.heat_box, 4, 0, 1, 2)

        # disagreements
        self.dis_box = QGroupBox()
        ds = QVBoxLayout(self.dis_box)
        self.dis_list = QListWidget()
        self.dis_list.setWordWrap(True)
        self.dis_list.itemActivated.connect(self._item_to_question)
        self.dis_list.itemDoubleClicked.connect(self._item_to_question)
        ds.addWidget(self.dis_list)
        grid.addWidget(self.dis_box, 5, 0, 1, 2)
        self.regulation_box = RegulationPanel()  # EU AI Act class per use case and framework coverage
        grid.addWidget(self.regulation_box, 6, 0, 1, 2)
        self.grid = grid
        self.narrow: bool | None = None
        self._arrange(narrow=False)
        self.retranslate()

    # ---------------------------------------------------------------- layout

    NARROW_BELOW = 1150  # page width (px) under which the boxes stack in one column (1280 px screens)

    def _arrange(self, narrow: bool) -> None:
        """Two columns of boxes on a wide screen, one column on a narrow one (each chart and table full width)."""
        if narrow == self.narrow:
            return
        self.narrow = narrow
        grid = self.grid
        pairs = ((self.lane_box, self.completeness_box), (self.maturity_box, self.dimension_box),
                 (self.movement_box,), (self.matrix_box, self.risk_box), (self.heat_box,), (self.dis_box,),
                 (self.regulation_box,))
        for box in (b for pair in pairs for b in pair):
            grid.removeWidget(box)
        for r in range(grid.rowCount()):
            grid.setRowMinimumHeight(r, 0)
        row = 0
        for pair in pairs:
            if narrow or len(pair) == 1:
                for box in pair:
                    grid.addWidget(box, row, 0, 1, 2)
                    if box in (self.maturity_box, self.matrix_box):
                        grid.setRowMinimumHeight(row, 360)
                    row += 1
            else:
                grid.addWidget(pair[0], row, 0)
                grid.addWidget(pair[1], row, 1)
                if pair[0] in (self.maturity_box, self.matrix_box):
                    grid.setRowMinimumHeight(row, 360 if pair[0] is self.maturity_box else 400)
                row += 1
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange(narrow=event.size().width() < self.NARROW_BELOW)

    # ---------------------------------------------------------------- helpers

    def _table(self, model: RecordTableModel, wrap: bool = False) -> QTableView:
        """A results table; ``wrap``: long names wrap onto more lines instead of being cut."""
        t = QTableView()
        t.setModel(model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.verticalHeader().setVisible(False)
        t.setWordWrap(wrap)
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
        # asked for every heat cell on every paint: one colour per value and palette
        palette = self.palette()
        key = (None if ratio is None else round(ratio, 3), higher_is_better, palette.cacheKey())
        if key not in self._heat_cache:
            if len(self._heat_cache) > 4096:
                self._heat_cache.clear()
            self._heat_cache[key] = heat_colour(ratio, palette, higher_is_better=higher_is_better)
        return self._heat_cache[key]

    def _score_heat(self, score: Any, higher_is_better: bool) -> QColor | None:
        if score is None or score.value is None:
            return None
        return self._heat(score.value / 100, higher_is_better)

    def _level_text(self, level: int) -> str:
        """A level with its name; just the number when the follow-up or benchmark columns need the room."""
        return str(level) if self._dim_movement or self._standing else _level_name(level)

    def _trend_colour(self, change: float | None, digits: int = 1) -> QColor | None:
        if change is None or round(change, digits) == 0:
            return None
        return self._heat(1.0 if change > 0 else 0.0)

    def _improved_colour(self, improved: bool | None) -> QColor | None:
        return None if improved is None else self._heat(1.0 if improved else 0.0)

    def _since_text(self, dimension_id: str) -> str:
        m = self._dim_movement.get(dimension_id)
        if m is None:
            return ""
        if m.presence == "new" or m.score_before is None:
            return tr("res.new")
        return f"{number(m.score_before, 1)} → {number(m.score_after, 1)}   {change_text(m.score_change)}"

    def _since_colour(self, dimension_id: str) -> QColor | None:
        m = self._dim_movement.get(dimension_id)
        return None if m is None else self._trend_colour(m.score_change)

    def _since_tooltip(self, dimension_id: str) -> str:
        m = self._dim_movement.get(dimension_id)
        if m is None or m.level_before is None:
            return ""
        return f"{tr('res.level')} {m.level_before} → {m.level_after}"

    def _percentile_text(self, dimension_id: str) -> str:
        s = self._standing.get(dimension_id)
        return "" if s is None else tr("res.none") if s.percentile is None else f"{s.percentile:.0f}"

    def _percentile_tooltip(self, dimension_id: str) -> str:
        s = self._standing.get(dimension_id)
        if s is None or s.percentile is None:
            return ""
        bench = self.session.portfolio if self.session is not None else None
        dist = next((d.all for d in bench.dimensions if d.dimension_id == dimension_id), None) if bench else None
        return tr("bm.tooltip", percentile=f"{s.percentile:.0f}", count=s.peers,
                  median=number(dist.median if dist else None, 2))

    def _uc_name(self, u: Any) -> str:
        if u.presence == "new":
            return f"{u.name} ({tr('res.new')})"
        if u.presence == "dropped":
            return f"{u.name} ({tr('res.dropped')})"
        return u.name

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
        self._fill_movement()
        self._fill_benchmark()
        m = results.maturity
        self.overall_label.setText(tr("res.overall", score=number(m.overall_score, 1), level=_level_name(m.overall_level))
                                   + (f"  ({tr('res.low_confidence')})" if m.low_confidence else ""))
        baseline = {k: v.score_before for k, v in self._dim_movement.items()}
        self.chart.set_bars([ProfileBar(d.dimension_id, d.name.get(lang), d.score.value, d.staged_level, d.target,
                                        baseline.get(d.dimension_id))
                             for d in m.dimensions])
        self.dimension_model.set_rows(list(m.dimensions))
        self.dimension_model.refresh_all()  # some columns read more than the row (movement, benchmark)
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
        self.regulation_box.set_results(results)
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

    def _fill_movement(self) -> None:
        """A follow-up: the "Since baseline" column, the baseline markers and the movement block."""
        assert self.session is not None
        movement = self.session.movement()
        self.movement = movement
        self._dim_movement = {d.dimension_id: d for d in movement.dimensions} if movement is not None else {}
        self.dimension_table.setColumnHidden(SINCE_COLUMN, movement is None)
        damaged = self.session.baseline_error
        if movement is None:
            self.movement_box.setVisible(bool(damaged))
            if damaged:
                self.movement_from_label.setText(tr("res.baseline_damaged", reason=damaged))
                for w in (self.movement_overall_label, self.actions_done_label, self.uc_movement_label,
                          self.uc_movement_table, self.metrics_label, self.metrics_table, self.no_metrics_label):
                    w.hide()
            return
        self.movement_box.show()
        if movement.baseline_workshop_start:
            self.movement_from_label.setText(tr("res.movement_from", file=movement.baseline_file,
                                                date=movement.baseline_workshop_start))
        else:
            self.movement_from_label.setText(tr("res.movement_from_nodate", file=movement.baseline_file))
        none = tr("res.none")
        self.movement_overall_label.setText(tr(
            "res.movement_overall", before=number(movement.overall_score_before, 2),
            after=number(movement.overall_score_after, 2), change=change_text(movement.overall_score_change, 2),
            level_before=movement.overall_level_before or none, level_after=movement.overall_level_after or none))
        self.actions_done_label.setText(tr("res.actions_done", done=movement.actions_done, total=len(movement.actions)))
        self.actions_done_label.setVisible(bool(movement.actions))
        self.uc_movement_model.set_rows(list(movement.use_cases))
        _fit_rows(self.uc_movement_table, 12)
        metrics = [x for x in movement.metrics if x.before is not None or x.after is not None]
        self.metrics_model.set_rows(metrics)
        _fit_rows(self.metrics_table, 10)
        self.no_metrics_label.setText(tr("res.no_metrics"))
        for w in (self.movement_overall_label, self.uc_movement_label, self.uc_movement_table, self.metrics_label):
            w.show()
        self.metrics_table.setVisible(bool(metrics))
        self.no_metrics_label.setVisible(not metrics)

    def _fill_benchmark(self) -> None:
        """After a portfolio benchmark: the client's percentile per dimension in the maturity table."""
        assert self.session is not None
        p = self.session.portfolio
        current = p.current if p is not None else None
        self._standing = {s.dimension_id: s for s in current.dimensions} if current is not None else {}
        self.dimension_table.setColumnHidden(BENCHMARK_COLUMN, current is None)

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
        from readiness_app.ui.merge_ops import provenance

        self.why_dialog = WhyDialog(title, name, value, score, self.session.library, self._use_case_names(), self,
                                    sources=provenance(self.session))
        self.why_dialog.question_requested.connect(self.question_requested)
        self.why_dialog.show()
        return self.why_dialog

    def _dimension_clicked(self, index: QModelIndex) -> None:
        d = self.dimension_model.record(index.row())
        if d is not None and index.column() in (0, 1, 2):
            self.show_why(tr("res.maturity"), d.name.get(language()), d.score)

    def _bar_clicked(self, dimension_id: str) -> None:
        row = self.dimension_model.row_of(dimension_id)
        if row >= 0:
            self._dimension_clicked(self.dimension_model.index(row, 1))

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
        self.movement_box.setTitle(tr("res.movement"))
        self.uc_movement_label.setText(tr("res.uc_movement"))
        self.uc_movement_table.setAccessibleName(tr("res.uc_movement"))
        self.metrics_label.setText(tr("res.metrics"))
        self.metrics_table.setAccessibleName(tr("res.metrics"))
        self.uc_movement_model.retranslate()
        self.metrics_model.retranslate()
        self.dis_box.setTitle(tr("res.disagreements"))
        self.dis_list.setAccessibleName(tr("res.disagreements"))
        self.regulation_box.retranslate()
        self.heat_model.retranslate()
        self.dimension_model.retranslate()
        super().retranslate()
