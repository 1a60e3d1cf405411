"""The report's charts, drawn as vector graphics with reportlab's own graphics library.

Each chart is a :class:`reportlab.graphics.shapes.Drawing` of rectangles, lines, polygons
and strings in the report's embedded DejaVu font: sharp at any zoom, searchable text, and
no pixels to render, hold in memory or compress (the raster charts of earlier versions were
most of the large report's memory). The charts take plain rows, not scoring results, so
they can be drawn and tested on their own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from readiness_app.report.layout import FONT, FONT_BOLD, FONT_ITALIC, register_fonts

CM = 72 / 2.54  # points per centimetre

INK = "#1D2B36"
MUTED = "#6B7780"
RULE = "#C9D1D7"
TRACK = "#E9EDF0"
UP = "#3E8E63"
DOWN = "#C8553D"
CONTROL_STOPS = ("#5BA88F", "#E8B04B", "#C8553D")  # low, middle, high control complexity


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: the vector drawing and its size on the page in points."""

    drawing: Drawing
    width_pt: float
    height_pt: float

    @property
    def image(self) -> Drawing:
        """What :class:`~readiness_app.report.layout.Picture` places on the page (the drawing)."""
        return self.drawing

    def strings(self) -> list[str]:
        """Every text drawn in the chart (for tests and accessibility checks)."""
        return [s.text for s in _walk(self.drawing) if isinstance(s, String)]


@dataclass(frozen=True, slots=True)
class MaturityRow:
    label: str
    score: float | None  # 1..4
    target: int
    staged_level: int
    level_label: str  # e.g. "2 Managed"


@dataclass(frozen=True, slots=True)
class MovementRow:
    label: str
    before: float | None  # score 1..4 at the baseline; None: not assessed then
    after: float | None  # score 1..4 today
    level_before: int | None
    level_after: int | None


@dataclass(frozen=True, slots=True)
class MatrixPoint:
    rank: int
    readiness: float
    impact: float
    control: float | None


@dataclass(frozen=True, slots=True)
class TimelineRow:
    number: int
    label: str
    phase: int  # 1..3
    due_week: int  # 1..13


# --------------------------------------------------------------------------- drawing helpers


def _walk(node: Any) -> list[Any]:
    out: list[Any] = []
    for child in getattr(node, "contents", []):
        out.append(child)
        out.extend(_walk(child))
    return out


def _c(value: str | tuple[float, float, float]) -> Any:
    if isinstance(value, tuple):
        return colors.Color(*value)
    return colors.HexColor(value)


def _mix(hex_colour: str, weight: float) -> tuple[float, float, float]:
    """``hex_colour`` blended towards white: weight 1 = the colour, 0 = white."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (1 - weight * (1 - r), 1 - weight * (1 - g), 1 - weight * (1 - b))


def control_colour(value: float) -> tuple[float, float, float]:
    """The colour of a control complexity 0..100 on the green-amber-red scale."""
    v = max(0.0, min(100.0, value)) / 50.0
    i = min(1, int(v))
    f = v - i
    a, b = (_mix(CONTROL_STOPS[i], 1.0), _mix(CONTROL_STOPS[i + 1], 1.0))
    return (a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f)


def _text(x: float, y: float, text: str, *, size: float, colour: Any = INK, bold: bool = False,
          italic: bool = False, anchor: str = "start") -> String:
    font = FONT_BOLD if bold else FONT_ITALIC if italic else FONT
    return String(x, y, text, fontName=font, fontSize=size, fillColor=_c(colour) if isinstance(colour, str | tuple)
                  else colour, textAnchor=anchor)


def _rotated(x: float, y: float, text: str, *, size: float, colour: str = INK) -> Group:
    """Text turned 90° anticlockwise, centred on (x, y)."""
    g = Group(_text(0, 0, text, size=size, colour=colour, anchor="middle"))
    g.transform = (0, 1, -1, 0, x, y)
    return g


def _rect(x: float, y: float, w: float, h: float, colour: Any) -> Rect:
    return Rect(x, y, w, h, fillColor=_c(colour) if isinstance(colour, str | tuple) else colour,
                strokeColor=None, strokeWidth=0)


def _diamond(x: float, y: float, r: float, colour: str, edge: str | None = None) -> Polygon:
    return Polygon([x - r, y, x, y + r, x + r, y, x, y - r], fillColor=_c(colour),
                   strokeColor=_c(edge) if edge else None, strokeWidth=0.8 if edge else 0)


def fit_lines(text: str, width: float, *, size: float, max_lines: int, bold: bool = False) -> list[str]:
    """``text`` broken into lines no wider than ``width`` points (measured in the embedded
    font); words longer than a line are cut, and a last line that would overflow ends in "…"."""
    font = FONT_BOLD if bold else FONT
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, font, size) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        while stringWidth(word, font, size) > width and len(word) > 1:  # a word wider than the line
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        current = word
    if current or not lines:
        lines.append(current)
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1:])
        while last and stringWidth(last + "…", font, size) > width:
            last = last[:-1]
        lines = [*lines[:max_lines - 1], last.rstrip() + "…"]
    return lines


def _label_lines(group: list[Any], x: float, y: float, lines: list[str], *, size: float,
                 anchor: str = "end", colour: str = INK) -> None:
    """Lines of text vertically centred on ``y``."""
    lead = size * 1.2
    top = y + (len(lines) - 1) * lead / 2 - size * 0.35
    for i, line in enumerate(lines):
        group.append(_text(x, top - i * lead, line, size=size, colour=colour, anchor=anchor))


def _legend(shapes: list[Any], x: float, y: float, items: Sequence[tuple[str, str, str]]) -> None:
    """A legend row at the top left: (kind "box" or "diamond", colour, label)."""
    for kind, colour, label in items:
        if kind == "box":
            shapes.append(_rect(x, y - 3.2, 14, 7, colour))
        else:
            shapes.append(_diamond(x + 7, y + 0.3, 3.6, colour))
        shapes.append(_text(x + 18, y - 2.4, label, size=7.5))
        x += 18 + stringWidth(label, FONT, 7.5) + 14


def _finish(shapes: list[Any], width: float, height: float) -> Chart:
    d = Drawing(width, height, initialFontName=FONT, initialFontSize=7.5)  # no stray Helvetica resource
    d.add(_rect(0, 0, width, height, "#FFFFFF"))
    for s in shapes:
        d.add(s)
    return Chart(d, width, height)


# --------------------------------------------------------------------------- maturity


def _level_axis(shapes: list[Any], x0: float, x1: float, y_axis: float, level_names: Sequence[str],
                labels: Sequence[str], row_y: Sequence[float], label_width: float, pitch: float) -> None:
    """The shared frame of the maturity charts: dimension names on the left, levels 1-4 below."""
    def x_of(v: float) -> float:
        return x0 + (v - 1.0) / 3.0 * (x1 - x0)

    shapes.append(Line(x0, y_axis, x1, y_axis, strokeColor=_c(RULE), strokeWidth=0.6))
    for i, name in zip((1, 2, 3, 4), level_names, strict=False):
        x = x_of(i)
        shapes.append(Line(x, y_axis, x, y_axis - 3, strokeColor=_c(RULE), strokeWidth=0.6))
        shapes.append(_text(x, y_axis - 11, str(i), size=7, colour=MUTED, anchor="middle"))
        shapes.append(_text(x, y_axis - 19.5, name, size=7, colour=MUTED, anchor="middle"))
    size = 7.5
    max_lines = 2 if pitch >= 2 * size * 1.2 else 1
    for label, y in zip(labels, row_y, strict=False):
        _label_lines(shapes, x0 - 6, y, fit_lines(label, label_width, size=size, max_lines=max_lines), size=size)


def maturity_chart(rows: Sequence[MaturityRow], *, accent: str, width_cm: float,
                   level_names: Sequence[str], labels: dict[str, str]) -> Chart:
    """Horizontal bars of score (1-4) per dimension, the target as a diamond, the staged level on the right."""
    register_fonts()
    n = max(1, len(rows))
    width, height = width_cm * CM, (1.9 + 0.66 * n) * CM
    left = min(0.36 * width, 5.2 * CM)
    x0, x1 = left, width - 3.3 * CM
    top, bottom = height - 0.6 * CM, 1.15 * CM
    pitch = (top - bottom) / n
    bar = pitch * 0.56 / 1.0 * 0.85

    def x_of(v: float) -> float:
        return x0 + (v - 1.0) / 3.0 * (x1 - x0)

    shapes: list[Any] = []
    ys = [top - pitch * (i + 0.5) for i in range(len(rows))]
    for y, row in zip(ys, rows, strict=False):
        shapes.append(_rect(x0, y - bar / 2, x1 - x0, bar, TRACK))
        if row.score is not None:
            shapes.append(_rect(x0, y - bar / 2, x_of(row.score) - x0, bar, accent))
            inside = row.score >= 1.4
            shapes.append(_text(x_of(1.05) if inside else x_of(row.score) + 3, y - 2.5, f"{row.score:.1f}".replace(".", labels.get("decimal", ".")),
                                size=7, colour="#FFFFFF" if inside else INK, bold=True))
        shapes.append(_text(x1 + 8, y - 2.7, row.level_label, size=7.5))
    for x in (2, 3):  # white separators between the levels, over the bars
        shapes.append(Line(x_of(x), bottom, x_of(x), top, strokeColor=_c("#FFFFFF"), strokeWidth=1.2))
    for y, row in zip(ys, rows, strict=False):
        shapes.append(_diamond(x_of(row.target), y, 4.2, INK, "#FFFFFF"))
    _level_axis(shapes, x0, x1, bottom, level_names, [r.label for r in rows], ys, left - 10, pitch)
    shapes.append(_text(x1 + 8, top + 2, labels["level"], size=7, colour=MUTED, bold=True))
    _legend(shapes, x0, height - 0.3 * CM, [("box", accent, labels["score"]), ("diamond", INK, labels["target"])])
    return _finish(shapes, width, height)


# --------------------------------------------------------------------------- movement (follow-ups)


def movement_chart(rows: Sequence[MovementRow], *, accent: str, width_cm: float,
                   level_names: Sequence[str], labels: dict[str, str], decimal_comma: bool = False) -> Chart:
    """Per dimension two bars, the baseline's score (light) above today's (accent), on the
    maturity chart's 1-4 track; on the right the staged level before → after and the change."""
    register_fonts()
    n = max(1, len(rows))
    width, height = width_cm * CM, (1.9 + 0.78 * n) * CM
    left = min(0.36 * width, 5.2 * CM)
    x0, x1 = left, width - 4.4 * CM
    top, bottom = height - 0.6 * CM, 1.15 * CM
    pitch = (top - bottom) / n
    bar = pitch * 0.30
    light = _mix(accent, 0.38)

    def x_of(v: float) -> float:
        return x0 + (v - 1.0) / 3.0 * (x1 - x0)

    def number(x: float, fmt: str) -> str:
        text = format(x, fmt)
        return text.replace(".", ",") if decimal_comma else text

    shapes: list[Any] = []
    ys = [top - pitch * (i + 0.5) for i in range(len(rows))]
    col_level, col_change = x1 + 8, x1 + 8 + 1.4 * CM
    for y, row in zip(ys, rows, strict=False):
        for offset, value, colour, text_colour in ((pitch * 0.17, row.before, light, INK),
                                                   (-pitch * 0.17, row.after, accent, "#FFFFFF")):
            yy = y + offset
            shapes.append(_rect(x0, yy - bar / 2, x1 - x0, bar, TRACK))
            if value is None:
                shapes.append(_text(x_of(1.05), yy - 2.3, "–", size=6.5, colour=MUTED))
                continue
            shapes.append(_rect(x0, yy - bar / 2, x_of(value) - x0, bar, colour))
            inside = value >= 1.45
            shapes.append(_text(x_of(1.05) if inside else x_of(value) + 3, yy - 2.2, number(value, ".2f"),
                                size=6.3, colour=text_colour if inside else INK, bold=offset < 0))
        lb = "–" if row.level_before is None else str(row.level_before)
        la = "–" if row.level_after is None else str(row.level_after)
        level_colour = INK
        if row.level_before is not None and row.level_after is not None and row.level_after != row.level_before:
            level_colour = UP if row.level_after > row.level_before else DOWN
        shapes.append(_text(col_level, y - 2.7, f"{lb} → {la}", size=7.5, colour=level_colour,
                            bold=level_colour != INK))
        if row.before is not None and row.after is not None:
            change = round(row.after - row.before, 2)
            colour = UP if change > 0 else DOWN if change < 0 else MUTED
            shapes.append(_text(col_change, y - 2.7, number(change, "+.2f") if change else number(0.0, ".2f"),
                                size=7.5, colour=colour, bold=bool(change)))
    for x in (2, 3):
        shapes.append(Line(x_of(x), bottom, x_of(x), top, strokeColor=_c("#FFFFFF"), strokeWidth=1.2))
    _level_axis(shapes, x0, x1, bottom, level_names, [r.label for r in rows], ys, left - 10, pitch)
    for column, key in ((col_level, "level"), (col_change, "change")):
        shapes.append(_text(column, top + 2, labels[key], size=7, colour=MUTED, bold=True))
    _legend(shapes, x0, height - 0.3 * CM, [("box", _mix_hex(light), labels["before"]), ("box", accent, labels["after"])])
    return _finish(shapes, width, height)


def _mix_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(v * 255):02X}" for v in rgb)


# --------------------------------------------------------------------------- priority matrix


def priority_matrix(points: Sequence[MatrixPoint], *, accent: str, width_cm: float,
                    labels: dict[str, str]) -> Chart:
    """Impact (y) against readiness (x); bubble size and colour show control complexity."""
    register_fonts()
    width = width_cm * CM
    height = width * 0.62
    ax0, ax1 = 1.5 * CM, width - 2.7 * CM
    ay0, ay1 = 1.2 * CM, height - 0.7 * CM
    lo, hi = -3.0, 103.0

    def px(v: float) -> float:
        return ax0 + (v - lo) / (hi - lo) * (ax1 - ax0)

    def py(v: float) -> float:
        return ay0 + (v - lo) / (hi - lo) * (ay1 - ay0)

    shapes: list[Any] = [_rect(px(50), py(50), ax1 - px(50), ay1 - py(50), _mix(accent, 0.10))]
    dash = {"strokeColor": _c(MUTED), "strokeWidth": 0.8, "strokeDashArray": [3.2, 2.4]}
    shapes.append(Line(px(50), ay0, px(50), ay1, **dash))
    shapes.append(Line(ax0, py(50), ax1, py(50), **dash))
    shapes.append(Line(ax0, ay0, ax1, ay0, strokeColor=_c(RULE), strokeWidth=0.6))
    shapes.append(Line(ax0, ay0, ax0, ay1, strokeColor=_c(RULE), strokeWidth=0.6))
    for v in (0, 25, 50, 75, 100):
        shapes.append(Line(px(v), ay0, px(v), ay0 - 3, strokeColor=_c(RULE), strokeWidth=0.6))
        shapes.append(_text(px(v), ay0 - 11, str(v), size=7.5, colour=MUTED, anchor="middle"))
        shapes.append(Line(ax0, py(v), ax0 - 3, py(v), strokeColor=_c(MUTED), strokeWidth=0.6))
        shapes.append(_text(ax0 - 5, py(v) - 2.6, str(v), size=7.5, colour=MUTED, anchor="end"))
    shapes.append(_text((ax0 + ax1) / 2, ay0 - 24, labels["x"], size=7.5, anchor="middle"))
    shapes.append(_rotated(ax0 - 27, (ay0 + ay1) / 2, labels["y"], size=7.5))
    corner_w = (ax1 - ax0) / 2 - 6
    for key, x in (("top_right", px(76.5)), ("top_left", px(23.5))):
        text = fit_lines(labels[key].replace("\n", " "), corner_w, size=7, max_lines=1)[0]
        shapes.append(_text(x, ay1 + 4, text, size=7, colour=MUTED, italic=True, anchor="middle"))
    shapes.append(_text(px(1), py(1), labels["bottom"], size=7, colour=MUTED, italic=True))
    shapes.append(_text(px(101), py(1), labels["bottom"], size=7, colour=MUTED, italic=True, anchor="end"))
    placed = spread_duplicates(points)
    # the lowest-ranked first so the best sit on top
    for p, (x, y) in sorted(zip(points, placed, strict=True), key=lambda item: -item[0].rank):
        control = p.control if p.control is not None else 50.0
        radius = math.sqrt(140 + 5.5 * control) / 2
        shapes.append(Circle(px(x), py(y), radius, fillColor=_c(control_colour(control)),
                             fillOpacity=0.92, strokeColor=_c("#FFFFFF"), strokeWidth=1.0))
        shapes.append(_text(px(x), py(y) - 2.5, str(p.rank), size=7, colour="#FFFFFF", bold=True, anchor="middle"))
    # the colour scale
    cx, cw = width - 2.0 * CM, 0.25 * CM
    steps = 40
    for i in range(steps):
        y0 = ay0 + (ay1 - ay0) * i / steps
        shapes.append(_rect(cx, y0, cw, (ay1 - ay0) / steps + 0.3, control_colour(100 * (i + 0.5) / steps)))
    for v in (0, 20, 40, 60, 80, 100):
        y = ay0 + (ay1 - ay0) * v / 100
        shapes.append(Line(cx + cw, y, cx + cw + 2, y, strokeColor=_c(MUTED), strokeWidth=0.5))
        shapes.append(_text(cx + cw + 4, y - 2.3, str(v), size=6.5, colour=MUTED))
    shapes.append(_rotated(cx + cw + 1.2 * CM, (ay0 + ay1) / 2, labels["c"], size=7.5))
    return _finish(shapes, width, height)


def spread_duplicates(points: Sequence[MatrixPoint], min_gap: float = 4.6) -> list[tuple[float, float]]:
    """Positions for the bubbles: use cases with (nearly) the same scores are pushed apart a
    little, so every rank number stays readable. Deterministic; moves are a few points at most."""
    xy = [[p.readiness, p.impact] for p in points]
    order = sorted(range(len(points)), key=lambda i: points[i].rank)
    for _ in range(40):
        moved = False
        for a_pos, a in enumerate(order):
            for b in order[a_pos + 1:]:
                dx, dy = xy[b][0] - xy[a][0], xy[b][1] - xy[a][1]
                dist = math.hypot(dx, dy)
                if dist >= min_gap:
                    continue
                if dist < 1e-6:  # identical: fan out by rank
                    angle = 2.4 * (points[b].rank % 7) + 0.5
                    dx, dy, dist = math.cos(angle), math.sin(angle), 1.0
                push = (min_gap - dist) / 2 + 0.05
                ux, uy = dx / dist, dy / dist
                xy[a][0] -= ux * push
                xy[a][1] -= uy * push
                xy[b][0] += ux * push
                xy[b][1] += uy * push
                moved = True
        if not moved:
            break
    return [(x, y) for x, y in xy]


# --------------------------------------------------------------------------- timeline


PHASE_START = {1: 1, 2: 5, 3: 9}
PHASE_END = {1: 4, 2: 8, 3: 13}


def timeline_chart(rows: Sequence[TimelineRow], *, accent: str, width_cm: float,
                   phase_labels: Sequence[str], week_label: str) -> Chart:
    """A Gantt-style plan: one bar per action from its phase's start to its due week."""
    register_fonts()
    n = max(1, len(rows))
    width = width_cm * CM
    ax0, ax1 = 0.47 * width, 0.97 * width
    size = 6.6
    # a long action title wraps to a second line (the row grows); never cut: the number links it
    # to the phase tables below, which hold it in full
    wrapped = [fit_lines(f"{row.number}.  {row.label}", ax0 - 10, size=size, max_lines=3) for row in rows]
    row_h = 0.5 if all(len(w) == 1 for w in wrapped) else 0.62
    height = (1.7 + row_h * n) * CM
    ay0, ay1 = 0.95 * CM, height - 0.6 * CM
    pitch = (ay1 - ay0) / n

    def px(week: float) -> float:
        return ax0 + (week - 0.5) / 13.0 * (ax1 - ax0)

    def row_y(i: int) -> float:
        return ay1 - pitch * (i + 0.5)

    shades = {1: _mix(accent, 1.0), 2: _mix(accent, 0.72), 3: _mix(accent, 0.46)}
    bands = {1: _mix(accent, 0.06), 2: (1.0, 1.0, 1.0), 3: _mix(accent, 0.06)}
    shapes: list[Any] = []
    for phase in (1, 2, 3):
        a, b = px(PHASE_START[phase] - 0.5), px(PHASE_END[phase] + 0.5)
        shapes.append(_rect(a, ay0, b - a, ay1 - ay0, bands[phase]))
        label = fit_lines(phase_labels[phase - 1], b - a - 2, size=7.5, max_lines=1, bold=True)[0]
        shapes.append(_text((a + b) / 2, ay1 + 4, label, size=7.5, bold=True, anchor="middle"))
    for i, row in enumerate(rows):
        y = row_y(i)
        start = PHASE_START.get(row.phase, 1)
        end = max(start, row.due_week)
        shapes.append(_rect(px(start - 0.4), y - pitch * 0.25, px(end + 0.4) - px(start - 0.4), pitch * 0.5,
                            shades.get(row.phase, _mix(accent, 1.0))))
        shapes.append(_diamond(px(end + 0.4), y, 2.6, INK))
        lines = wrapped[i]
        label_size = size if len(lines) <= 2 else size * 0.85
        _label_lines(shapes, ax0 - 5, y, lines, size=label_size)
    shapes.append(Line(ax0, ay0, ax1, ay0, strokeColor=_c(RULE), strokeWidth=0.6))
    for week in range(1, 14):
        shapes.append(Line(px(week), ay0, px(week), ay0 - 3, strokeColor=_c(RULE), strokeWidth=0.6))
        shapes.append(_text(px(week), ay0 - 10, str(week), size=6.5, colour=MUTED, anchor="middle"))
    shapes.append(_text((ax0 + ax1) / 2, ay0 - 20, week_label, size=7, colour=MUTED, anchor="middle"))
    return _finish(shapes, width, height)
