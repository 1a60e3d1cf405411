"""The report's charts, drawn with matplotlib on an Agg canvas and handed over as 200 dpi images.

matplotlib is imported lazily (it costs about half a second) and never through pyplot, so
no global figure state is shared between threads. The charts take plain rows, not scoring
results, so they can be drawn and tested on their own.
"""

from __future__ import annotations

import io
import os
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DPI = 200  # sharp when printed; the report places each chart at its natural size
CM = 1 / 2.54  # inches per centimetre

INK = "#1D2B36"
MUTED = "#6B7780"
RULE = "#C9D1D7"
TRACK = "#E9EDF0"
FONT = "DejaVu Sans"


@dataclass(frozen=True, slots=True)
class Chart:
    """A rendered chart: an RGB image (PIL) and its size on the page in points.

    The pixels go to the PDF as they are (reportlab compresses them once); encoding a PNG
    first would only be decoded again.
    """

    image: Any
    width_pt: float
    height_pt: float

    def png(self) -> bytes:
        buf = io.BytesIO()
        self.image.save(buf, format="PNG")
        return buf.getvalue()


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


def mpl_config_dir() -> Path:
    """A stable folder for matplotlib's font cache (so it is built once, not every run)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    root = Path(base) if base else Path.home() / ".cache"
    return root / "readiness-studio" / "matplotlib"


def _matplotlib() -> Any:
    """Import matplotlib with a stable MPLCONFIGDIR (set only if unset).

    Figures are drawn on an explicit Agg canvas (``FigureCanvasAgg``), never through pyplot,
    so the global backend is left alone: the app's own Qt charts keep theirs.
    """
    if "MPLCONFIGDIR" not in os.environ:
        folder = mpl_config_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            os.environ["MPLCONFIGDIR"] = str(folder)
        except OSError:
            pass  # matplotlib then falls back to a temporary folder
    import matplotlib

    return matplotlib


def _figure(width_cm: float, height_cm: float) -> tuple[Any, Any]:
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm * CM, height_cm * CM), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig, fig.canvas


def _render(fig: Any) -> Chart:
    from PIL import Image

    fig.patch.set_facecolor("white")
    fig.canvas.draw()
    width, height = fig.canvas.get_width_height(physical=True)
    rgba = Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    w, h = fig.get_size_inches()
    return Chart(rgba.convert("RGB"), float(w) * 72.0, float(h) * 72.0)


_RC = {
    "font.family": FONT,
    "font.size": 7.5,
    "axes.edgecolor": RULE,
    "axes.labelcolor": INK,
    "xtick.color": MUTED,
    "ytick.color": INK,
    "axes.linewidth": 0.6,
    "xtick.major.width": 0.6,
    "ytick.major.width": 0.0,
}


def _rc() -> Any:
    mpl = _matplotlib()
    return mpl.rc_context(_RC)


def _wrap(text: str, width: int, max_lines: int) -> str:
    lines = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(lines)

def _style_level_axis(ax: Any, labels: Sequence[str], ys: Sequence[float], level_names: Sequence[str]) -> None:
    """The shared frame of the maturity charts: one row per dimension on a 1-4 level axis."""
    n = max(1, len(labels))
    ax.set_yticks(ys)
    ax.set_yticklabels([_wrap(label, 30, 2) for label in labels], fontsize=7.5)
    ax.set_xlim(1.0, 4.0)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xticks([1, 2, 3, 4])
    ax.set_xticklabels([f"{i}\n{name}" for i, name in zip((1, 2, 3, 4), level_names, strict=False)],
                       fontsize=7)
    for x in (2, 3):
        ax.axvline(x, color="white", linewidth=1.2, zorder=3)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=6)



def _mix(hex_colour: str, weight: float) -> tuple[float, float, float]:
    """``hex_colour`` blended towards white: weight 1 = the colour, 0 = white."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return (1 - weight * (1 - r), 1 - weight * (1 - g), 1 - weight * (1 - b))


# --------------------------------------------------------------------------- maturity


def maturity_chart(rows: Sequence[MaturityRow], *, accent: str, width_cm: float,
                   level_names: Sequence[str], labels: dict[str, str]) -> Chart:
    """Horizontal bars of score (1-4) per dimension, the target as a diamond, the staged level on the right."""
    n = max(1, len(rows))
    height = 1.9 + 0.66 * n
    with _rc():
        fig, _ = _figure(width_cm, height)
        left = min(0.36, 5.2 / width_cm)
        right = 1 - 3.3 / width_cm
        ax = fig.add_axes((left, 1.15 / height, right - left, 1 - 1.75 / height))
        ys = list(range(n))[::-1]
        for y, row in zip(ys, rows, strict=False):
            ax.barh(y, 3.0, left=1.0, height=0.56, color=TRACK, zorder=1)
            if row.score is not None:
                ax.barh(y, row.score - 1.0, left=1.0, height=0.56, color=accent, zorder=2)
                inside = row.score >= 1.4
                ax.text(1.05 if inside else row.score + 0.05, y, f"{row.score:.1f}", ha="left", va="center",
                        fontsize=7, color="white" if inside else INK, fontweight="bold", zorder=4)
            ax.plot([row.target], [y], marker="D", markersize=6.5, color=INK, markeredgecolor="white",
                    markeredgewidth=0.8, zorder=5, linestyle="none")
            ax.text(4.12, y, row.level_label, ha="left", va="center", fontsize=7.5, color=INK, clip_on=False)
        _style_level_axis(ax, [r.label for r in rows], ys, level_names)
        ax.text(4.12, n - 0.35, labels["level"], ha="left", va="bottom", fontsize=7, color=MUTED,
                fontweight="bold", clip_on=False)
        # legend
        from matplotlib.lines import Line2D
        from matplotlib.patches import Patch

        handles = [Patch(color=accent, label=labels["score"]),
                   Line2D([], [], marker="D", color=INK, linestyle="none", markersize=6, label=labels["target"])]
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(left, 1.0), ncol=2, frameon=False,
                   fontsize=7.5, handlelength=1.4, borderaxespad=0.2)
        return _render(fig)


# --------------------------------------------------------------------------- movement (follow-ups)

UP = "#3E8E63"
DOWN = "#C8553D"


def movement_chart(rows: Sequence[MovementRow], *, accent: str, width_cm: float,
                   level_names: Sequence[str], labels: dict[str, str], decimal_comma: bool = False) -> Chart:
    """Per dimension two bars, the baseline's score (light) above today's (accent), on the
    maturity chart's 1-4 track; on the right the staged level before → after and the change."""
    n = max(1, len(rows))
    height = 1.9 + 0.78 * n

    def number(x: float, fmt: str) -> str:
        text = format(x, fmt)
        return text.replace(".", ",") if decimal_comma else text

    with _rc():
        fig, _ = _figure(width_cm, height)
        left = min(0.36, 5.2 / width_cm)
        right = 1 - 4.4 / width_cm
        ax = fig.add_axes((left, 1.15 / height, right - left, 1 - 1.75 / height))
        ys = list(range(n))[::-1]
        light = _mix(accent, 0.38)
        for y, row in zip(ys, rows, strict=False):
            for offset, value, colour, text_colour in ((0.19, row.before, light, INK),
                                                       (-0.19, row.after, accent, "white")):
                ax.barh(y + offset, 3.0, left=1.0, height=0.34, color=TRACK, zorder=1)
                if value is None:
                    ax.text(1.05, y + offset, "–", ha="left", va="center", fontsize=6.5, color=MUTED, zorder=4)
                    continue
                ax.barh(y + offset, value - 1.0, left=1.0, height=0.34, color=colour, zorder=2)
                inside = value >= 1.45
                ax.text(1.05 if inside else value + 0.05, y + offset, number(value, ".2f"), ha="left",
                        va="center", fontsize=6.3, color=text_colour if inside else INK,
                        fontweight="bold" if offset < 0 else "normal", zorder=4)
            lb = "–" if row.level_before is None else str(row.level_before)
            la = "–" if row.level_after is None else str(row.level_after)
            level_colour = INK
            if row.level_before is not None and row.level_after is not None and row.level_after != row.level_before:
                level_colour = UP if row.level_after > row.level_before else DOWN
            ax.text(4.12, y, f"{lb} → {la}", ha="left", va="center", fontsize=7.5, color=level_colour,
                    fontweight="bold" if level_colour != INK else "normal", clip_on=False)
            if row.before is not None and row.after is not None:
                change = round(row.after - row.before, 2)
                colour = UP if change > 0 else DOWN if change < 0 else MUTED
                ax.text(4.62, y, number(change, "+.2f") if change else number(0.0, ".2f"), ha="left",
                        va="center", fontsize=7.5, color=colour, fontweight="bold" if change else "normal",
                        clip_on=False)
        _style_level_axis(ax, [r.label for r in rows], ys, level_names)
        for column, key in ((4.12, "level"), (4.62, "change")):
            ax.text(column, n - 0.35, labels[key], ha="left", va="bottom", fontsize=7, color=MUTED,
                    fontweight="bold", clip_on=False)
        from matplotlib.patches import Patch

        handles = [Patch(color=light, label=labels["before"]), Patch(color=accent, label=labels["after"])]
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(left, 1.0), ncol=2, frameon=False,
                   fontsize=7.5, handlelength=1.4, borderaxespad=0.2)
        return _render(fig)


# --------------------------------------------------------------------------- priority matrix


def priority_matrix(points: Sequence[MatrixPoint], *, accent: str, width_cm: float,
                    labels: dict[str, str]) -> Chart:
    """Impact (y) against readiness (x); bubble size and colour show control complexity."""
    height = width_cm * 0.62
    with _rc():
        mpl = _matplotlib()
        from matplotlib.colors import LinearSegmentedColormap, Normalize

        fig, _ = _figure(width_cm, height)
        ax = fig.add_axes((1.5 / width_cm, 1.2 / height, 1 - 4.2 / width_cm, 1 - 1.9 / height))
        ax.set_xlim(-3, 103)
        ax.set_ylim(-3, 103)
        ax.axvspan(50, 103, ymin=53 / 106, ymax=1.0, color=_mix(accent, 0.10), zorder=0, linewidth=0)
        ax.axhline(50, color=MUTED, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)
        ax.axvline(50, color=MUTED, linewidth=0.8, linestyle=(0, (4, 3)), zorder=1)
        corner = {"fontsize": 7, "color": MUTED, "style": "italic", "zorder": 1}
        ax.text(76.5, 106, labels["top_right"].replace("\n", " "), ha="center", va="bottom", **corner)
        ax.text(23.5, 106, labels["top_left"], ha="center", va="bottom", **corner)
        ax.text(1, 1, labels["bottom"], ha="left", va="bottom", **corner)
        ax.text(101, 1, labels["bottom"], ha="right", va="bottom", **corner)
        cmap = LinearSegmentedColormap.from_list("control", ["#5BA88F", "#E8B04B", "#C8553D"])
        norm = Normalize(0, 100)
        placed = spread_duplicates(points)
        # draw the lowest-ranked first so the best sit on top
        for p, (x, y) in sorted(zip(points, placed, strict=True), key=lambda item: -item[0].rank):
            control = p.control if p.control is not None else 50.0
            size = 140 + 5.5 * control
            ax.scatter([x], [y], s=size, color=cmap(norm(control)), alpha=0.92,
                       edgecolors="white", linewidths=1.0, zorder=3, clip_on=False)
            ax.text(x, y, str(p.rank), ha="center", va="center", fontsize=7,
                    fontweight="bold", color="white", zorder=4, clip_on=False)
        ax.set_xlabel(labels["x"], fontsize=7.5)
        ax.set_ylabel(labels["y"], fontsize=7.5)
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.set_yticks([0, 25, 50, 75, 100])
        ax.tick_params(axis="y", colors=MUTED, length=3, width=0.6)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        cax = fig.add_axes((1 - 2.0 / width_cm, 1.2 / height, 0.25 / width_cm, 1 - 1.9 / height))
        sm = mpl.cm.ScalarMappable(norm=norm, cmap=cmap)
        bar = fig.colorbar(sm, cax=cax)
        bar.outline.set_visible(False)
        bar.set_label(labels["c"], fontsize=7.5, color=INK)
        bar.ax.tick_params(labelsize=6.5, colors=MUTED, length=2)
        return _render(fig)


def spread_duplicates(points: Sequence[MatrixPoint], min_gap: float = 4.6) -> list[tuple[float, float]]:
    """Positions for the bubbles: use cases with (nearly) the same scores are pushed apart a
    little, so every rank number stays readable. Deterministic; moves are a few points at most."""
    import math

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
    n = max(1, len(rows))
    row_h = 0.5
    height = 1.7 + row_h * n
    with _rc():
        fig, _ = _figure(width_cm, height)
        left = 0.47
        size = 6.6
        chars = int(left * width_cm / 2.54 * 72 / (0.62 * size)) - 2  # what fits left of the axes
        ax = fig.add_axes((left, 0.95 / height, 0.97 - left, 1 - 1.55 / height))
        ax.set_xlim(0.5, 13.5)
        ax.set_ylim(n - 0.5, -0.5)
        shades = {1: _mix(accent, 1.0), 2: _mix(accent, 0.72), 3: _mix(accent, 0.46)}
        bands = {1: _mix(accent, 0.06), 2: (1.0, 1.0, 1.0), 3: _mix(accent, 0.06)}
        for phase in (1, 2, 3):
            ax.axvspan(PHASE_START[phase] - 0.5, PHASE_END[phase] + 0.5, color=bands[phase], zorder=0,
                       linewidth=0)
            ax.text((PHASE_START[phase] + PHASE_END[phase]) / 2, -0.65, phase_labels[phase - 1],
                    ha="center", va="bottom", fontsize=7.5, fontweight="bold", color=INK, clip_on=False)
        for y, row in enumerate(rows):
            start = PHASE_START.get(row.phase, 1)
            end = max(start, row.due_week)
            ax.barh(y, end - start + 0.8, left=start - 0.4, height=0.5, color=shades.get(row.phase, accent),
                    zorder=2)
            ax.plot([end + 0.4], [y], marker="D", markersize=4.2, color=INK, zorder=3, linestyle="none")
        ax.set_yticks(range(len(rows)))
        ax.set_yticklabels([_wrap(f"{r.number}.  {r.label}", chars, 1) for r in rows], fontsize=size)
        ax.set_xticks(range(1, 14))
        ax.set_xticklabels([str(w) for w in range(1, 14)], fontsize=6.5)
        ax.set_xlabel(week_label, fontsize=7, color=MUTED)
        ax.tick_params(axis="y", length=0, pad=5)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        return _render(fig)


# --------------------------------------------------------------------------- default logo


def draw_default_logo(path: Path, accent: str) -> None:
    """Write the default consultancy mark: three rising bars and a dot, in the accent colour."""
    with _rc():
        fig, _ = _figure(3.0, 3.0)
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10)
        ax.axis("off")
        from matplotlib.patches import Circle, FancyBboxPatch

        for i, h in enumerate((3.6, 5.6, 7.6)):
            x = 1.0 + i * 2.9
            ax.add_patch(FancyBboxPatch((x, 1.0), 2.0, h - 1.0, boxstyle="round,pad=0,rounding_size=0.45",
                                        color=_mix(accent, 0.45 + 0.275 * i), linewidth=0))
        ax.add_patch(Circle((8.8, 9.0), 0.75, color=INK, linewidth=0))
        fig.savefig(path, format="png", dpi=160, transparent=True)
