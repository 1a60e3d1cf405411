"""The use-case portfolio: priority matrix and ranked use cases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from readiness_app.report import charts as report_charts
from readiness_app.report.layout import (
    FRAME_W,
    esc,
    table,
    tint,
)
from readiness_app.scoring.results import (
    QUADRANT_LABELS,
    UseCaseResult,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx
from readiness_app.report.evidence import impact_word

# --------------------------------------------------------------------------- portfolio


def _rationale(ctx: Ctx, u: UseCaseResult) -> str:
    parts: list[str] = []
    if u.use_case_id == ctx.r.first_lane.use_case_id:
        parts.append(f"<b>{esc(ctx.tr('pf.why.first_lane_pick'))}</b>")
    key = f"pf.why.{u.quadrant}"
    level = impact_word(u.impact.value, ctx.lang)  # "high" only from 75: impact 50 is "sufficient"
    level = level.capitalize() if ctx.lang != "de" else level  # "Sufficient impact" / "Nutzen ausreichend"
    parts.append(esc(ctx.tr(key, impact=ctx.num(u.impact.value), readiness=ctx.num(u.readiness),
                            control=ctx.num(u.control_complexity.value), level=level)))
    if len(u.blockers) > 2:
        parts.append(esc(ctx.tr("pf.why.many_blockers", n=len(u.blockers))))
    elif u.blockers:
        items = "; ".join(b.text.get(ctx.lang) for b in u.blockers)
        parts.append(esc(ctx.tr("pf.why.blockers", items=items)))
    if u.priority.low_confidence:
        parts.append(esc(ctx.tr("pf.why.low_confidence")))
    return " ".join(parts)


def section_portfolio(ctx: Ctx) -> list[Any]:
    st = ctx.st
    ucs = ctx.r.use_cases
    out: list[Any] = [ctx.chapter_heading("portfolio")]
    out += ctx.intro("portfolio")
    if not ucs:
        return [*out, ctx.p(ctx.tr("pf.none"))]
    out += [ctx.p(ctx.tr("pf.intro")), ctx.sub_heading(ctx.tr("pf.matrix"))]
    points = [report_charts.MatrixPoint(u.rank, u.readiness, u.impact.value, u.control_complexity.value)
              for u in ucs if u.readiness is not None and u.impact.value is not None]
    chart = report_charts.priority_matrix(points, accent=ctx.branding.accent, width_cm=FRAME_W / 72 * 2.54,
                                          labels={"x": ctx.tr("pf.axis.readiness"), "y": ctx.tr("pf.axis.impact"),
                                                  "c": ctx.tr("pf.axis.control"),
                                                  "top_right": ctx.tr("pf.q.top_right"),
                                                  "top_left": ctx.tr("pf.q.top_left"),
                                                  "bottom": ctx.tr("pf.q.bottom")})
    out.append(ctx.image(chart))
    unplotted = [u.name for u in ucs if u.readiness is None or u.impact.value is None]
    if unplotted:
        out.append(ctx.p(ctx.tr("pf.unplotted", names=", ".join(unplotted)), st.muted))
    out.append(ctx.sub_heading(ctx.tr("pf.ranked")))
    c = st.cell
    head = [ctx.p(ctx.tr(k), st.cell_head_num if k in ("pf.col.impact", "pf.col.readiness", "pf.col.control",
                                                        "pf.col.priority") else st.cell_head)
            for k in ("pf.col.rank", "pf.col.use_case", "pf.col.quadrant", "pf.col.impact", "pf.col.readiness",
                      "pf.col.control", "pf.col.priority", "pf.col.rationale")]
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = []
    for i, u in enumerate(ucs, start=1):
        rows.append([
            ctx.p(str(u.rank), c),
            ctx.m(f"<b>{esc(u.name)}</b>", c),
            ctx.p(QUADRANT_LABELS[u.quadrant].get(ctx.lang), c),
            ctx.p(ctx.num(u.impact.value), st.cell_num),
            ctx.p(ctx.num(u.readiness), st.cell_num),
            ctx.p(ctx.num(u.control_complexity.value), st.cell_num),
            ctx.m(f"<b>{ctx.num(u.priority.value)}</b>", st.cell_num),
            ctx.m(_rationale(ctx, u), st.cell_note),
        ])
        if u.use_case_id == ctx.r.first_lane.use_case_id:
            extra.append(("BACKGROUND", (0, i), (-1, i), tint(ctx.accent, 0.12)))
    widths = ctx.widths(0.06, 0.3, 0.2, "pf.col.impact", "pf.col.readiness", "pf.col.control", "pf.col.priority",
                        0.44)
    widths = ctx.fit_names(widths, 1, [u.name for u in ucs], give=(7,))
    out.append(table(rows, widths, accent=ctx.accent,
                     extra=[*extra, ("LEFTPADDING", (3, 0), (6, -1), 2.5), ("RIGHTPADDING", (3, 0), (6, -1), 3)]))
    return out
