"""Where the client stands in the portfolio benchmark: percentile per dimension, anonymised.

Shows only the benchmark part of a :class:`readiness_app.followup.portfolio.Portfolio` (no other
client, participant or file is named); the skipped files, which the consultant needs to
see, sit in a collapsed list below, labelled as not for the client's eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.messages import localized
from readiness_app.ui.charts import heat_colour
from readiness_app.ui.format import number
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.models import Column, RecordTableModel
from readiness_app.ui.pages.base import heading


@dataclass(frozen=True)
class BenchmarkRow:
    """One dimension (or the overall score): the client's standing and the others' distribution."""

    key: str
    name: str
    score: float | None
    level: int | None
    percentile: float | None
    peers: int
    median: float | None
    q1: float | None
    q3: float | None
    industry_percentile: float | None
    industry_peers: int


def benchmark_rows(portfolio: Any, lang: str) -> list[BenchmarkRow]:
    """The table rows: the overall maturity first, then each dimension the client was scored on."""
    current = portfolio.current
    if current is None:
        return []
    bench = {d.dimension_id: d for d in (portfolio.overall, *portfolio.dimensions)}
    rows = []
    for s in (current.overall, *current.dimensions):
        dist = bench[s.dimension_id].all if s.dimension_id in bench else None
        rows.append(BenchmarkRow(
            s.dimension_id, s.name.get(lang), s.score, s.level, s.percentile, s.peers,
            dist.median if dist else None, dist.q1 if dist else None, dist.q3 if dist else None,
            s.industry_percentile, s.industry_peers))
    return rows


def _pct(value: float | None) -> str:
    return tr("res.none") if value is None else f"{value:.0f}"


def percentile_text(row: BenchmarkRow) -> str:
    return _pct(row.percentile)


class BenchmarkDialog(QDialog):
    again_requested = Signal()

    def __init__(self, portfolio: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.portfolio = portfolio
        self.setObjectName("benchmark_dialog")
        self.setWindowTitle(tr("bm.title"))
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        lang = language()
        self.title_label = heading(tr("bm.title"), 1.4)
        layout.addWidget(self.title_label)
        peers = portfolio.current.overall.peers if portfolio.current is not None else 0
        self.summary_label = QLabel(tr("bm.summary", count=peers) if peers else tr("bm.no_peers"))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        current = portfolio.current
        if current is not None and current.industry_group:
            size = dict(portfolio.industries).get(current.industry_group, current.overall.industry_peers)
            industry = tr("bm.industry_note", industry=current.industry_group, count=size)
        else:
            industry = tr("bm.no_industry", min=portfolio.min_group)
        self.industry_label = QLabel(industry)
        self.industry_label.setWordWrap(True)
        layout.addWidget(self.industry_label)

        self.model = RecordTableModel(
            [
                Column("name", "res.dimension", lambda r: r.name, font=self._font),
                Column("score", "res.score", lambda r: number(r.score, 2), align=Qt.AlignmentFlag.AlignCenter),
                Column("level", "res.level", lambda r: tr("res.none") if r.level is None else str(r.level),
                       align=Qt.AlignmentFlag.AlignCenter),
                Column("percentile", "bm.percentile", percentile_text, align=Qt.AlignmentFlag.AlignCenter,
                       background=self._heat, tooltip=self._tooltip),
                Column("peers", "bm.peers", lambda r: str(r.peers), align=Qt.AlignmentFlag.AlignCenter),
                Column("median", "bm.median", lambda r: number(r.median, 2), align=Qt.AlignmentFlag.AlignCenter),
                Column("middle", "bm.middle",
                       lambda r: tr("res.none") if r.q1 is None or r.q3 is None else f"{r.q1:.2f} – {r.q3:.2f}",
                       align=Qt.AlignmentFlag.AlignCenter),
                Column("industry", "bm.industry",
                       lambda r: tr("res.none") if r.industry_percentile is None else
                       tr("bm.industry_value", percentile=_pct(r.industry_percentile), count=r.industry_peers),
                       align=Qt.AlignmentFlag.AlignCenter),
            ],
            key=lambda r: r.key,
        )
        self.model.set_rows(benchmark_rows(portfolio, lang))
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(tr("bm.title"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for i in range(1, self.model.columnCount()):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)

        self.privacy_label = QLabel(tr("bm.privacy"))
        self.privacy_label.setWordWrap(True)
        layout.addWidget(self.privacy_label)
        skipped = list(portfolio.skipped)
        self.files_label = QLabel(tr("bm.files", files=portfolio.files, count=portfolio.assessments,
                                     skipped=len(skipped)))
        self.files_label.setWordWrap(True)
        layout.addWidget(self.files_label)
        self.skipped_model = RecordTableModel(
            [Column("file", "bm.file", lambda s: Path(s.path).name, tooltip=lambda s: s.path),
             Column("reason", "bm.reason", lambda s: localized(s.reason, language()),
                    tooltip=lambda s: localized(s.reason, language()))],
            key=lambda s: s.path,
        )
        self.skipped_model.set_rows(skipped)
        self.skipped_table = QTableView()
        self.skipped_table.setModel(self.skipped_model)
        self.skipped_table.setAccessibleName(tr("bm.reason"))
        self.skipped_table.verticalHeader().setVisible(False)
        self.skipped_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        sh = self.skipped_table.horizontalHeader()
        sh.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        sh.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = min(max(len(skipped), 1), 6)
        self.skipped_table.setMaximumHeight(self.skipped_table.horizontalHeader().sizeHint().height()
                                            + self.skipped_table.verticalHeader().defaultSectionSize() * rows
                                            + 2 * self.skipped_table.frameWidth() + 2)
        self.skipped_table.hide()
        layout.addWidget(self.skipped_table)

        buttons = QHBoxLayout()
        self.skipped_button = QPushButton(tr("bm.show_skipped", count=len(skipped)))
        self.skipped_button.setCheckable(True)
        self.skipped_button.setEnabled(bool(skipped))
        self.skipped_button.toggled.connect(self.show_skipped)
        self.again_button = QPushButton(tr("bm.again"))
        self.again_button.clicked.connect(self._again)
        self.close_button = QPushButton(tr("common.close"))
        self.close_button.clicked.connect(self.close)
        self.close_button.setDefault(True)
        buttons.addWidget(self.skipped_button)
        buttons.addStretch(1)
        buttons.addWidget(self.again_button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.close_button.setFocus()

    def _font(self, row: BenchmarkRow) -> QFont | None:
        if row.key != "overall":
            return None
        font = QFont(self.font())
        font.setBold(True)
        return font

    def _heat(self, row: BenchmarkRow) -> QColor | None:
        return heat_colour(None if row.percentile is None else row.percentile / 100, self.palette())

    def _tooltip(self, row: BenchmarkRow) -> str:
        if row.percentile is None:
            return ""
        return tr("bm.tooltip", percentile=_pct(row.percentile), count=row.peers, median=number(row.median, 2))

    def show_skipped(self, on: bool) -> None:
        self.skipped_table.setVisible(on)
        self.skipped_button.setText(tr("bm.hide_skipped") if on else
                                    tr("bm.show_skipped", count=self.skipped_model.rowCount()))

    def _again(self) -> None:
        self.close()
        self.again_requested.emit()
