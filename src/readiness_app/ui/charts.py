"""Charts: the maturity profile (matplotlib, imported on first draw) and the priority matrix (QPainter).

Both take plain values and draw them; colours follow the system palette (dark mode).
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolTip, QVBoxLayout, QWidget

from readiness_app.ui.i18n import tr


def heat_colour(value: float | None, palette: QPalette, *, higher_is_better: bool = True) -> QColor | None:
    """A calm red-amber-green for 0..1 (None: no colour), softened towards the base colour."""
    if value is None:
        return None
    v = min(max(value, 0.0), 1.0)
    if not higher_is_better:
        v = 1.0 - v
    if v < 0.5:
        a, b, t = QColor(214, 69, 65), QColor(240, 173, 78), v / 0.5
    else:
        a, b, t = QColor(240, 173, 78), QColor(76, 175, 80), (v - 0.5) / 0.5
    r = a.red() + (b.red() - a.red()) * t
    g = a.green() + (b.green() - a.green()) * t
    bl = a.blue() + (b.blue() - a.blue()) * t
    base = palette.color(QPalette.ColorRole.Base)
    mix = 0.55  # keep text readable on the cell
    return QColor(int(r * mix + base.red() * (1 - mix)), int(g * mix + base.green() * (1 - mix)),
                  int(bl * mix + base.blue() * (1 - mix)))


def _mpl_colour(c: QColor) -> str:
    return c.name()


def ensure_mpl_config() -> None:
    """matplotlib's font cache in a fixed per-user folder (a PyInstaller bundle would use a new one per start)."""
    if "MPLCONFIGDIR" not in os.environ:
        from readiness_app.ui.settings import data_folder

        folder = data_folder() / "mpl"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(folder)


@dataclass(frozen=True)
class ProfileBar:
    key: str
    label: str
    score: float | None  # 1..4
    level: int
    target: int
    baseline: float | None = None  # a follow-up's score at the baseline (1..4), marked on the bar


class MaturityChart(QWidget):
    """Horizontal bars: each dimension's maturity score (1-4) with its target level (and a follow-up's baseline) marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._placeholder = QLabel(tr("res.chart_loading"))
        self._layout.addWidget(self._placeholder)
        self.canvas: Any = None
        self._figure: Any = None
        self._ax: Any = None
        self._bars: list[ProfileBar] = []
        self._drawn_key: tuple[Any, ...] | None = None
        self._needs_layout = False
        self._bar_patches: list[Any] = []
        self._targets: Any = None
        self._baselines: Any = None
        self._background: Any = None
        self.draw_count = 0
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def _create(self) -> None:
        ensure_mpl_config()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self._figure = Figure(figsize=(5, 3), dpi=100)
        self.canvas = FigureCanvasQTAgg(self._figure)  # type: ignore[no-untyped-call]
        self.canvas.setAccessibleName(tr("res.maturity"))
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._layout.removeWidget(self._placeholder)
        self._placeholder.deleteLater()
        self._layout.addWidget(self.canvas)
        self._ax = self._figure.add_subplot(111)
        self.canvas.mpl_connect("draw_event", self._on_draw)

    def set_bars(self, bars: list[ProfileBar], force: bool = False) -> bool:
        """Redraw when the values changed; returns whether it drew.

        A change of labels, language, palette or size lays the chart out again (constrained
        layout, then frozen); a change of values only moves the bars, markers and numbers.
        """
        structure: tuple[Any, ...] = (tuple((b.key, b.label, b.baseline is not None) for b in bars), tr("res.current"),
                                      self.palette().color(QPalette.ColorRole.Window).name())
        values: tuple[Any, ...] = tuple((None if b.score is None else round(b.score, 3), b.target,
                                         None if b.baseline is None else round(b.baseline, 3)) for b in bars)
        if (structure, values) == self._drawn_key and not force:
            return False
        if self.canvas is None:
            self._create()
        self._bars = bars
        full = force or self._drawn_key is None or self._drawn_key[0] != structure or self._needs_layout
        self._drawn_key = (structure, values)
        if full:
            self._draw()
        else:
            self._update_values()
        return True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.canvas is not None and self._bars:
            self._needs_layout = True
            QTimer.singleShot(0, lambda: self.set_bars(self._bars, force=True) if self._needs_layout else None)

    def _update_values(self) -> None:
        """Move the bars, markers and numbers; blit them over the saved background (a few ms)."""
        bars = list(reversed(self._bars))
        for patch, b in zip(self._bar_patches, bars, strict=True):
            patch.set_width((b.score or 1.0) - 1.0)
        self._targets.set_offsets([(b.target, y) for y, b in enumerate(bars)])
        if self._baselines is not None:
            self._baselines.set_offsets([(b.baseline, y) for y, b in enumerate(bars) if b.baseline is not None])
        self.draw_count += 1
        if self._background is None:
            self.canvas.draw_idle()
            return
        self.canvas.restore_region(self._background)
        self._draw_animated()
        self.canvas.blit(self._figure.bbox)

    def _animated(self) -> list[Any]:
        return [*self._bar_patches, self._targets, self._baselines]  # the numbers stand in the table beside the chart

    def _draw_animated(self) -> None:
        for artist in self._animated():
            if artist is not None:
                self._figure.draw_artist(artist)

    def _on_draw(self, _event: Any) -> None:
        """After every full draw: keep the static background, then paint the moving parts on it."""
        self._background = self.canvas.copy_from_bbox(self._figure.bbox)
        self._draw_animated()

    def _draw(self) -> None:
        assert self._figure is not None and self._ax is not None and self.canvas is not None
        pal = self.palette()
        bg = _mpl_colour(pal.color(QPalette.ColorRole.Window))
        fg = _mpl_colour(pal.color(QPalette.ColorRole.WindowText))
        accent = _mpl_colour(pal.color(QPalette.ColorRole.Highlight))
        mid = _mpl_colour(pal.color(QPalette.ColorRole.Mid))
        font = QFont(self.font())
        size = max(9.0, font.pointSizeF())
        ax = self._ax
        ax.clear()
        self._background = None
        self._figure.set_layout_engine("constrained")
        self._figure.set_facecolor(bg)
        ax.set_facecolor(bg)
        bars = list(reversed(self._bars))
        ys = list(range(len(bars)))
        widths = [(b.score or 1.0) - 1.0 for b in bars]
        container = ax.barh(ys, widths, left=1.0, height=0.55, color=accent, label=tr("res.current"))
        self._bar_patches = list(container.patches)
        self._targets = ax.scatter([b.target for b in bars], ys, marker="D", s=70, color=fg, zorder=3,
                                   label=tr("res.target"))
        marked = [(b.baseline, y) for y, b in enumerate(bars) if b.baseline is not None]
        self._baselines = None
        if marked:  # a follow-up: where each dimension stood at the baseline
            self._baselines = ax.scatter([x for x, _y in marked], [y for _x, y in marked], marker="|", s=420,
                                         linewidths=3.2, color=fg, alpha=0.55, zorder=4, label=tr("res.baseline"))
        for artist in self._animated():
            if artist is not None:
                artist.set_animated(True)
        ax.set_yticks(ys, [textwrap.fill(b.label, 28, max_lines=2, placeholder="…") for b in bars],
                      fontsize=size * (0.85 if len(bars) > 8 else 1.0), color=fg, linespacing=0.95)
        ax.set_xlim(1, 4.0)
        ax.set_ylim(-0.6, len(bars) - 0.4)
        ax.set_xticks([1, 2, 3, 4], ["1", "2", "3", "4"], fontsize=size * 0.9, color=fg)
        ax.grid(axis="x", color=mid, linewidth=0.6, alpha=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        for side in ("left", "bottom"):
            ax.spines[side].set_color(mid)
        ax.tick_params(colors=fg, length=0)
        leg = ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3 if marked else 2, fontsize=size * 0.85,
                        frameon=False)
        for t in leg.get_texts():
            t.set_color(fg)
        self.draw_count += 1
        self.canvas.draw()  # lay out once at this size, then keep the layout for value updates
        self._figure.set_layout_engine("none")
        self._needs_layout = False
        self.canvas.update()


@dataclass(frozen=True)
class MatrixPoint:
    key: str
    label: str
    x: float  # readiness 0..100
    y: float  # impact 0..100
    control: float | None  # 0..100, higher = more complex
    rank: int


class PriorityMatrix(QWidget):
    """Impact (up) against readiness (right); the dot's colour shows control complexity. Click a dot."""

    point_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points: list[MatrixPoint] = []
        self.x_split = 50.0
        self.y_split = 50.0
        self.setMouseTracking(True)
        self.setMinimumSize(360, 300)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.quadrant_names: tuple[str, str, str, str] = ("", "", "", "")  # top-left, top-right, bottom-left, bottom-right

    def set_points(self, points: list[MatrixPoint], splits: tuple[float, float] = (50.0, 50.0),
                   quadrant_names: tuple[str, str, str, str] = ("", "", "", "")) -> None:
        if (points, splits, quadrant_names) == (self.points, (self.x_split, self.y_split), self.quadrant_names):
            return
        self.points = points
        self.x_split, self.y_split = splits
        self.quadrant_names = quadrant_names
        self.setAccessibleDescription("; ".join(f"{p.rank}. {p.label}: {tr('res.impact')} {p.y:.0f}, "
                                                f"{tr('res.readiness')} {p.x:.0f}" for p in points))
        self.update()

    def _plot_rect(self) -> QRectF:
        fm = self.fontMetrics()
        left = fm.height() * 2.2
        bottom = fm.height() * 2.2
        return QRectF(left, fm.height() * 0.6, max(10.0, self.width() - left - 12), max(10.0, self.height() - bottom - fm.height() * 0.6))

    def _pos(self, p: MatrixPoint, r: QRectF) -> QPointF:
        return QPointF(r.left() + r.width() * min(max(p.x, 0), 100) / 100,
                       r.bottom() - r.height() * min(max(p.y, 0), 100) / 100)

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._plot_rect()
        painter.fillRect(r, pal.color(QPalette.ColorRole.Base))
        grid = QPen(pal.color(QPalette.ColorRole.Mid))
        grid.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(grid)
        xs = r.left() + r.width() * self.x_split / 100
        ys = r.bottom() - r.height() * self.y_split / 100
        painter.drawLine(QPointF(xs, r.top()), QPointF(xs, r.bottom()))
        painter.drawLine(QPointF(r.left(), ys), QPointF(r.right(), ys))
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid)))
        painter.drawRect(r)
        # quadrant names, faint
        faint = QColor(pal.color(QPalette.ColorRole.WindowText))
        faint.setAlpha(110)
        painter.setPen(faint)
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        painter.setFont(small)
        pad = 6
        tl, tr_, bl, br = self.quadrant_names
        painter.drawText(QRectF(r.left() + pad, r.top() + pad, xs - r.left() - 2 * pad, 40),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, tl)
        painter.drawText(QRectF(xs + pad, r.top() + pad, r.right() - xs - 2 * pad, 40),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, tr_)
        painter.drawText(QRectF(r.left() + pad, r.bottom() - 40, xs - r.left() - 2 * pad, 40 - pad),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, bl)
        painter.drawText(QRectF(xs + pad, r.bottom() - 40, r.right() - xs - 2 * pad, 40 - pad),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, br)
        # axis titles
        painter.setFont(self.font())
        painter.setPen(pal.color(QPalette.ColorRole.WindowText))
        fm = self.fontMetrics()
        painter.drawText(QRectF(r.left(), r.bottom() + 4, r.width(), fm.height() * 1.6),
                         Qt.AlignmentFlag.AlignCenter, f"{tr('res.readiness')} →")
        painter.save()
        painter.translate(fm.height() * 0.9, r.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-r.height() / 2, -fm.height(), r.height(), fm.height() * 1.6),
                         Qt.AlignmentFlag.AlignCenter, f"{tr('res.impact')} →")
        painter.restore()
        # points, then labels placed where they do not collide
        radius = max(7.0, fm.height() * 0.5)
        centres = [(p, self._pos(p, r)) for p in self.points]
        taken = [QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius) for _p, c in centres]
        for p, c in centres:
            colour = heat_colour(None if p.control is None else p.control / 100, pal, higher_is_better=False)
            painter.setBrush(QBrush(colour or pal.color(QPalette.ColorRole.Highlight)))
            painter.setPen(QPen(pal.color(QPalette.ColorRole.WindowText), 1.2))
            painter.drawEllipse(c, radius, radius)
            painter.drawText(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius),
                             Qt.AlignmentFlag.AlignCenter, str(p.rank))
        for p, c in centres:
            label = fm.elidedText(p.label, Qt.TextElideMode.ElideRight, int(r.width() * 0.38))
            w, h = fm.horizontalAdvance(label) + 2, fm.height()
            gap = radius + 4
            candidates = [
                QRectF(c.x() + gap, c.y() - h / 2, w, h), QRectF(c.x() - gap - w, c.y() - h / 2, w, h),
                QRectF(c.x() - w / 2, c.y() - radius - 2 - h, w, h), QRectF(c.x() - w / 2, c.y() + radius + 2, w, h),
                QRectF(c.x() + gap, c.y() - h * 1.5, w, h), QRectF(c.x() + gap, c.y() + h * 0.5, w, h),
                QRectF(c.x() - gap - w, c.y() - h * 1.5, w, h), QRectF(c.x() - gap - w, c.y() + h * 0.5, w, h),
            ]
            inside = [q for q in candidates if r.contains(q)] or candidates
            spot = next((q for q in inside if not any(q.intersects(t) for t in taken)), inside[0])
            taken.append(spot)
            painter.drawText(spot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        painter.end()

    def point_at(self, pos: QPointF) -> MatrixPoint | None:
        r = self._plot_rect()
        radius = max(7.0, self.fontMetrics().height() * 0.5) + 3
        for p in self.points:
            c = self._pos(p, r)
            if (c.x() - pos.x()) ** 2 + (c.y() - pos.y()) ** 2 <= radius**2:
                return p
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        p = self.point_at(event.position())
        if p is not None:
            control = "–" if p.control is None else f"{p.control:.0f}"
            QToolTip.showText(event.globalPosition().toPoint(),
                              f"{p.rank}. {p.label}\n{tr('res.impact')}: {p.y:.0f} · {tr('res.readiness')}: {p.x:.0f}"
                              f" · {tr('res.control')}: {control}", self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        p = self.point_at(event.position())
        if p is not None and event.button() == Qt.MouseButton.LeftButton:
            self.point_clicked.emit(p.key)
        super().mousePressEvent(event)
