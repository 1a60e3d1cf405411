"""The 90-day roadmap: timeline and the three phases."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
)

from readiness_app.report import charts as report_charts
from readiness_app.report.layout import (
    FRAME_W,
    esc,
    table,
)
from readiness_app.scoring.results import (
    PHASE_LABELS,
    RoadmapItem,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx

# --------------------------------------------------------------------------- roadmap


def _finding_text(ctx: Ctx, item: RoadmapItem) -> str:
    if item.added:
        return esc(ctx.tr("rm.added"))
    return "<br/>".join(f"• {esc(f.text.get(ctx.lang))}" for f in item.findings)


def section_roadmap(ctx: Ctx) -> list[Any]:
    st = ctx.st
    items = ctx.r.roadmap.items
    out: list[Any] = [ctx.chapter_heading("roadmap"), ctx.p(ctx.tr("rm.intro"))]
    if not items:
        return [*out, ctx.p(ctx.tr("rm.empty"))]
    numbered = list(enumerate(items, start=1))
    rows = [report_charts.TimelineRow(n, i.title.get(ctx.lang), i.phase, i.due_week) for n, i in numbered]
    chart = report_charts.timeline_chart(rows, accent=ctx.branding.accent, width_cm=FRAME_W / 72 * 2.54,
                                         phase_labels=[PHASE_LABELS[p].get(ctx.lang) for p in (1, 2, 3)],
                                         week_label=ctx.tr("rm.week"))
    out += [ctx.sub_heading(ctx.tr("rm.timeline")), ctx.image(chart)]
    if ctx.r.roadmap.removed:
        out.append(ctx.p(ctx.tr("rm.removed", n=len(ctx.r.roadmap.removed)), st.muted))
    for phase in (1, 2, 3):
        out.append(CondPageBreak(60 * mm))
        out.append(ctx.sub_heading(PHASE_LABELS[phase].get(ctx.lang)))
        phase_items = [(n, i) for n, i in numbered if i.phase == phase]
        if not phase_items:
            out.append(ctx.p(ctx.tr("rm.none"), st.muted))
            continue
        head = [ctx.p(ctx.tr(k), st.cell_head) for k in
                ("pf.col.rank", "rm.col.action", "rm.col.owner", "rm.col.due", "rm.col.finding")]
        trs: list[list[Any]] = [head]
        for n, item in phase_items:
            action = f"<b>{esc(item.title.get(ctx.lang))}</b>"
            if item.why.get(ctx.lang):
                action += f"<br/><font color='#5F6B73' size='7'>{esc(item.why.get(ctx.lang))}</font>"
            due = ctx.tr("rm.week_n", n=item.due_week)
            if item.edited:
                due += f"<br/><font color='#5F6B73' size='6.5'>{esc(ctx.tr('rm.edited'))}</font>"
            trs.append([ctx.p(str(n), st.cell), ctx.m(action, st.cell),
                        ctx.m(ctx.owner_markup(item.owner_role, item.owner), st.cell),
                        ctx.m(due, st.cell), ctx.m(_finding_text(ctx, item), st.cell_note)])
        out.append(table(trs, ctx.widths(0.045, 0.45, 0.21, "rm.week_n", 0.295), accent=ctx.accent))
    return out
