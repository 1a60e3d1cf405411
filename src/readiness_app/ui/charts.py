"""Charts of the results page, painted with QPainter: the maturity profile and the priority matrix.

Both take plain values and draw them; colours follow the system palette (dark mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from readiness_app.ui import clipping
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


_PREVIOUS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_NEXT = (Qt.Key.Key_Down, Qt.Key.Key_Right)
_ACTIVATE = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def _keyboard_pick(event: QKeyEvent, current: int, count: int) -> tuple[int, bool] | None:
    """Arrow keys move the keyboard's current item (wrapping); Enter or Space picks it.

    Returns (new current, picked), or None for a key the chart does not use.
    """
    if count <= 0:
        return None
    key = event.key()
    if key in _PREVIOUS:
        return (count - 1 if current <= 0 else current - 1), False
    if key in _NEXT:
        return (0 if current < 0 or current >= count - 1 else current + 1), False
    if key in _ACTIVATE and 0 <= current < count:
        return current, True
    return None


def _focus_ring(painter: QPainter, rect: QRectF, colour: QColor) -> None:
    pen = QPen(colour, 1.6)
    pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, 3, 3)


class _KeyboardChart(QWidget):
    """A chart whose items the keyboard walks: Tab onto it, arrows move a focus ring from item to
    item (wrapping), Enter or Space picks the item as a click would. The accessible description
    names the item the keyboard is on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = -1  # the item the keyboard is on, an index into _items()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _items(self) -> Sequence[Any]:
        """The items in keyboard order."""
        raise NotImplementedError

    def _describe(self, item: Any) -> str:
        """One item in words (the accessible description)."""
        raise NotImplementedError

    def _pick(self, item: Any) -> None:
        """What a click on the item does."""
        raise NotImplementedError

    def _clamp_current(self) -> None:
        self.current = min(self.current, len(self._items()) - 1)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        items = self._items()
        picked = _keyboard_pick(event, self.current, len(items))
        if picked is None:
            super().keyPressEvent(event)
            return
        self.current, activate = picked
        self.update()
        self.setAccessibleDescription(self._describe(items[self.current]))
        if activate:
            self._pick(items[self.current])

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.current < 0 and self._items():
            self.current = 0
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)


@dataclass(frozen=True)
class ProfileBar:
    key: str
    label: str
    score: float | None  # 1..4
    level: int
    target: int
    baseline: float | None = None  # a follow-up's score at the baseline (1..4), marked on the bar


class MaturityChart(_KeyboardChart):
    """Horizontal bars: each dimension's maturity score (1-4) with its target level (and a follow-up's baseline) marked.

    Painted with QPainter: a change of answers repaints it in well under a millisecond, and
    neither a resize nor the first results page waits for a plotting library. Clicking a bar
    (or its label) says which dimension: the page shows the answers behind its score.
    """

    bar_clicked = Signal(str)  # the dimension's key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[ProfileBar] = []
        self._layout_cache: tuple[Any, tuple[QFont, QFont, list[list[str]]]] | None = None
        self.draw_count = 0  # how often new values were taken (a repaint follows each)
        self.setMinimumHeight(260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAccessibleName(tr("res.maturity"))

    def set_bars(self, bars: list[ProfileBar], force: bool = False) -> bool:
        """Show these bars; returns whether anything changed (then it repaints)."""
        if bars == self._bars and not force:
            return False
        self._bars = list(bars)
        self._clamp_current()
        self.draw_count += 1
        self.setAccessibleName(tr("res.maturity"))
        self.setAccessibleDescription("; ".join(
            self._describe(b) + ("" if b.baseline is None else f", {tr('res.baseline')} {b.baseline:.1f}")
            for b in bars))
        self.update()
        return True

    # ------------------------------------------------------------------ geometry

    def _fonts(self) -> tuple[QFont, QFont, list[list[str]]]:
        """The font of the labels (the largest, down to 7 pt, whose labels fit the rows: on one line
        up to 45 % of the width, else in two lines up to a third), of the axis and legend, and
        each bar's label in its lines. Kept until the size, the font or the labels change."""
        key = (self.width(), self.height(), self.font().toString(), tuple(b.label for b in self._bars))
        if self._layout_cache is not None and self._layout_cache[0] == key:
            self._report_elided(self._layout_cache[1][2])
            return self._layout_cache[1]
        small = QFont(self.font())
        small.setPointSizeF(max(8.0, small.pointSizeF() * 0.85))
        label = QFont(self.font())
        limit, wide = max(60, int(self.width() * 0.34)), max(60, int(self.width() * 0.45))
        row = (self.height() - QFontMetrics(small).height() * 3.8) / max(len(self._bars), 1) * 0.92
        while True:
            fm = QFontMetrics(label)
            if fm.lineSpacing() <= row and all(fm.horizontalAdvance(b.label) <= wide for b in self._bars):
                lines = [[b.label] for b in self._bars]  # one line each, a little wider: the largest type
                break
            lines = [_wrap(b.label, fm, limit) for b in self._bars]
            if fm.lineSpacing() * max((len(ls) for ls in lines), default=1) <= row or label.pointSizeF() <= 7.0:
                break
            label.setPointSizeF(max(7.0, label.pointSizeF() - 0.5))
        result = (label, small, lines)
        self._layout_cache = (key, result)
        self._report_elided(lines)
        return result

    def _report_elided(self, lines: list[list[str]]) -> None:
        for b, ls in zip(self._bars, lines, strict=False):  # the clipping check hears of every shortened label
            clipping.elided(self, b.label, " ".join(ls))

    def _plot_rect(self) -> QRectF:
        """The area of the bars: right of the labels, under the legend, over the level axis."""
        label_font, small, labels = self._fonts()
        lfm, sfm = QFontMetrics(label_font), QFontMetrics(small)
        widest = max((lfm.horizontalAdvance(line) for lines in labels for line in lines), default=0)
        left = float(widest) + 14.0
        top = sfm.height() * 2.0
        bottom = sfm.height() * 1.8
        return QRectF(left, top, max(10.0, self.width() - left - 14.0), max(10.0, self.height() - top - bottom))

    def _x(self, r: QRectF, value: float) -> float:
        return r.left() + r.width() * (min(max(value, 1.0), 4.0) - 1.0) / 3.0

    def _row(self, r: QRectF, i: int) -> QRectF:
        """The band of the i-th bar (top to bottom, in the order given)."""
        h = r.height() / max(len(self._bars), 1)
        return QRectF(r.left(), r.top() + i * h, r.width(), h)

    def bar_at(self, pos: QPointF) -> ProfileBar | None:
        r = self._plot_rect()
        if not self._bars or not (r.top() <= pos.y() < r.bottom()) or pos.x() < 0:
            return None
        i = int((pos.y() - r.top()) / (r.height() / len(self._bars)))
        return self._bars[i] if 0 <= i < len(self._bars) else None

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        pal = self.palette()
        fg = pal.color(QPalette.ColorRole.WindowText)
        mid = pal.color(QPalette.ColorRole.Mid)
        accent = pal.color(QPalette.ColorRole.Highlight)
        label_font, small, labels = self._fonts()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = self._plot_rect()
        # level axis: grid lines and their numbers
        grid = QColor(mid)
        grid.setAlpha(150)
        painter.setFont(small)
        sfm = QFontMetrics(small)
        for level in (1, 2, 3, 4):
            x = self._x(r, level)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()))
            painter.setPen(fg)
            painter.drawText(QRectF(x - 20, r.bottom() + 4, 40, sfm.height() + 2), Qt.AlignmentFlag.AlignCenter,
                             str(level))
        painter.setPen(QPen(mid, 1))
        painter.drawLine(QPointF(r.left(), r.bottom()), QPointF(r.right(), r.bottom()))
        # bars, markers, labels
        marker = max(6.0, sfm.height() * 0.48)
        baseline_colour = QColor(fg)
        baseline_colour.setAlpha(140)
        painter.setFont(label_font)
        lfm = QFontMetrics(label_font)
        for i, (b, lines) in enumerate(zip(self._bars, labels, strict=True)):
            band = self._row(r, i)
            cy = band.center().y()
            bar_h = min(band.height() * 0.55, lfm.height() * 1.4)
            if b.score is not None:
                painter.fillRect(QRectF(r.left(), cy - bar_h / 2, self._x(r, b.score) - r.left(), bar_h), accent)
            if b.baseline is not None:
                painter.setPen(QPen(baseline_colour, 3.2))
                bx = self._x(r, b.baseline)
                painter.drawLine(QPointF(bx, cy - bar_h * 0.75), QPointF(bx, cy + bar_h * 0.75))
            _diamond(painter, QPointF(self._x(r, b.target), cy), marker, fg)
            painter.setPen(fg)
            text_h = lfm.lineSpacing() * len(lines)
            painter.drawText(QRectF(0, cy - text_h / 2, r.left() - 8, text_h),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, "\n".join(lines))
        if self.hasFocus() and 0 <= self.current < len(self._bars):
            band = self._row(r, self.current)
            _focus_ring(painter, QRectF(1, band.top() + 1, self.width() - 2, band.height() - 2), accent)
        self._paint_legend(painter, r, small, accent, fg, baseline_colour)
        painter.end()

    def _paint_legend(self, painter: QPainter, r: QRectF, font: QFont, accent: QColor, fg: QColor,
                      baseline_colour: QColor) -> None:
        fm = QFontMetrics(font)
        painter.setFont(font)
        entries = [("bar", tr("res.current")), ("diamond", tr("res.target"))]
        if any(b.baseline is not None for b in self._bars):
            entries.append(("tick", tr("res.baseline")))
        swatch, gap = fm.height() * 1.2, fm.height() * 1.2
        total = sum(swatch + 6 + fm.horizontalAdvance(text) for _kind, text in entries) + gap * (len(entries) - 1)
        x = r.center().x() - total / 2
        cy = fm.height() * 0.9
        for kind, text in entries:
            if kind == "bar":
                painter.fillRect(QRectF(x, cy - fm.height() * 0.3, swatch, fm.height() * 0.6), accent)
            elif kind == "diamond":
                _diamond(painter, QPointF(x + swatch / 2, cy), max(6.0, fm.height() * 0.48), fg)
            else:
                painter.setPen(QPen(baseline_colour, 3.2))
                painter.drawLine(QPointF(x + swatch / 2, cy - fm.height() * 0.45), QPointF(x + swatch / 2, cy + fm.height() * 0.45))
            painter.setPen(fg)
            x += swatch + 6
            painter.drawText(QRectF(x, cy - fm.height() / 2, fm.horizontalAdvance(text) + 2, fm.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += fm.horizontalAdvance(text) + gap

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        b = self.bar_at(event.position())
        if b is not None:
            score = "–" if b.score is None else f"{b.score:.1f}"
            text = f"{b.label}\n{tr('res.current')}: {score} · {tr('res.target')}: {b.target}"
            if b.baseline is not None:
                text += f" · {tr('res.baseline')}: {b.baseline:.1f}"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        self.setCursor(Qt.CursorShape.PointingHandCursor if b is not None else Qt.CursorShape.ArrowCursor)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        b = self.bar_at(event.position())
        if b is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = self._bars.index(b)
            self.bar_clicked.emit(b.key)
        super().mousePressEvent(event)

    def _items(self) -> Sequence[ProfileBar]:
        return self._bars

    def _describe(self, item: ProfileBar) -> str:
        return f"{item.label}: {'–' if item.score is None else f'{item.score:.1f}'}, {tr('res.target')} {item.target}"

    def _pick(self, item: ProfileBar) -> None:
        self.bar_clicked.emit(item.key)


def _wrap(text: str, fm: QFontMetrics, width: int) -> list[str]:
    """``text`` in at most two lines of at most ``width`` pixels (what does not fit is elided)."""
    words = text.split()
    first = ""
    for i, word in enumerate(words):
        candidate = f"{first} {word}".strip()
        if first and fm.horizontalAdvance(candidate) > width:
            return [_fit(first, fm, width), _fit(" ".join(words[i:]), fm, width)]
        first = candidate
    return [_fit(first, fm, width)]


def _fit(line: str, fm: QFontMetrics, width: int) -> str:
    return line if fm.horizontalAdvance(line) <= width else fm.elidedText(line, Qt.TextElideMode.ElideRight, width)


def _diamond(painter: QPainter, c: QPointF, half: float, colour: QColor) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawPolygon(QPolygonF([QPointF(c.x(), c.y() - half), QPointF(c.x() + half, c.y()),
                                   QPointF(c.x(), c.y() + half), QPointF(c.x() - half, c.y())]))
    painter.setBrush(Qt.BrushStyle.NoBrush)


@dataclass(frozen=True)
class MatrixPoint:
    key: str
    label: str
    x: float  # readiness 0..100
    y: float  # impact 0..100
    control: float | None  # 0..100, higher = more complex
    rank: int


class PriorityMatrix(_KeyboardChart):
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
        self.quadrant_names: tuple[str, str, str, str] = ("", "", "", "")  # top-left, top-right, bottom-left, bottom-right

    def set_points(self, points: list[MatrixPoint], splits: tuple[float, float] = (50.0, 50.0),
                   quadrant_names: tuple[str, str, str, str] = ("", "", "", "")) -> None:
        if (points, splits, quadrant_names) == (self.points, (self.x_split, self.y_split), self.quadrant_names):
            return
        self.points = points
        self._clamp_current()
        self.x_split, self.y_split = splits
        self.quadrant_names = quadrant_names
        self.setAccessibleDescription("; ".join(self._describe(p) for p in points))
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
            lines = _wrap(p.label, fm, int(r.width() * 0.34))  # two lines before anything is elided
            label = "\n".join(lines)
            clipping.elided(self, p.label, " ".join(lines))
            w, h = max(fm.horizontalAdvance(line) for line in lines) + 2, fm.height() * len(lines)
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
        ranked = self._items()
        if self.hasFocus() and 0 <= self.current < len(ranked):
            c = self._pos(ranked[self.current], r)
            ring = radius + 4
            _focus_ring(painter, QRectF(c.x() - ring, c.y() - ring, 2 * ring, 2 * ring),
                        pal.color(QPalette.ColorRole.Highlight))
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
            self.current = self._items().index(p)
            self.point_clicked.emit(p.key)
        super().mousePressEvent(event)

    def _items(self) -> list[MatrixPoint]:
        return sorted(self.points, key=lambda p: p.rank)  # the keyboard walks the dots in rank order

    def _describe(self, item: MatrixPoint) -> str:
        return f"{item.rank}. {item.label}: {tr('res.impact')} {item.y:.0f}, {tr('res.readiness')} {item.x:.0f}"

    def _pick(self, item: MatrixPoint) -> None:
        self.point_clicked.emit(item.key)
