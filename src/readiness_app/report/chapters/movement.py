"""A follow-up's progress since its baseline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Spacer,
    Table,
)

from readiness_app.report import charts as report_charts
from readiness_app.report.layout import (
    FRAME_W,
    MUTED,
    RULE,
    WHITE,
    esc,
    table,
    tint,
)
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    PHASE_LABELS,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx
from readiness_app.report.chapters.maturity import _score, baseline_date

# --------------------------------------------------------------------------- progress since the baseline


def _signed(ctx: Ctx, value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    if round(value, digits) == 0:
        return ctx.num(0, digits)
    return ("+" if value > 0 else "−") + ctx.num(abs(value), digits)


def _change_markup(ctx: Ctx, value: float | None, digits: int, improved: bool | None = None) -> str:
    """A change in green (better) or red (worse); ``improved`` overrides the sign's verdict."""
    text = _signed(ctx, value, digits)
    if value is None or round(value, digits) == 0:
        return f"<font color='#5F6B73'>{text}</font>"
    good = value > 0 if improved is None else improved
    return f"<font color='{'#3E8E63' if good else '#C8553D'}'><b>{text}</b></font>"


def _metric_value(ctx: Ctx, value: float | None) -> str:
    return "–" if value is None else ctx.num(value, None)


def _metric_change(ctx: Ctx, value: float | None, improved: bool | None) -> str:
    if value is None:
        return "<font color='#5F6B73'>–</font>"
    if value == 0:
        return "<font color='#5F6B73'>0</font>"
    text = ("+" if value > 0 else "−") + ctx.num(abs(value), None)
    if improved is None:
        return text
    return f"<font color='{'#3E8E63' if improved else '#C8553D'}'><b>{text}</b></font>"


def section_movement(ctx: Ctx) -> list[Any]:
    """Progress since the baseline (follow-ups only; an empty list leaves the chapter out)."""
    mv = ctx.data.movement
    if mv is None:
        return []
    st = ctx.st
    out: list[Any] = [ctx.chapter_heading("movement"), ctx.p(ctx.tr("mv.intro", date=baseline_date(ctx)))]

    # key figures
    up = sum(1 for d in mv.dimensions if d.score_change is not None and d.score_change > 0)
    down = sum(1 for d in mv.dimensions if d.score_change is not None and d.score_change < 0)
    lb, la = mv.overall_level_before, mv.overall_level_after
    kpis = [
        (f"{lb or '–'} → {la or '–'}", ctx.tr("mv.kpi.level")),
        (f"{_score(ctx, mv.overall_score_before)} → {_score(ctx, mv.overall_score_after)}", ctx.tr("mv.kpi.score")),
        (f"{up} / {down}", ctx.tr("mv.kpi.dimensions")),
        (f"{mv.actions_done} / {len(mv.actions)}", ctx.tr("mv.kpi.actions")),
    ]
    strip = Table([[[ctx.p(v, st.kpi), ctx.p(label, st.kpi_label)] for v, label in kpis]],
                  colWidths=[FRAME_W * w for w in (0.22, 0.32, 0.23, 0.23)], hAlign="LEFT")
    strip.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, -1), tint(ctx.accent, 0.07)),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, WHITE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.6, ctx.accent),
    ])
    out += [strip, Spacer(1, 4)]

    # dimensions
    out.append(ctx.sub_heading(ctx.tr("mv.dimensions")))
    if mv.dimensions:
        rows = [report_charts.MovementRow(d.name.get(ctx.lang), d.score_before, d.score_after, d.level_before,
                                          d.level_after) for d in mv.dimensions]
        chart = report_charts.movement_chart(
            rows, accent=ctx.branding.accent, width_cm=FRAME_W / 72 * 2.54,
            level_names=[LEVEL_NAMES[i].get(ctx.lang) for i in (1, 2, 3, 4)],
            labels={"before": f"{ctx.tr('mv.chart.before')} ({baseline_date(ctx)})",
                    "after": ctx.tr("mv.chart.after"), "level": ctx.tr("mv.chart.level"),
                    "change": ctx.tr("mv.chart.change")},
            decimal_comma=ctx.lang == "de")
        out.append(ctx.image(chart))
        # the chart in words: what moved, largest rise first (and findable in the text)
        moved = sorted((d for d in mv.dimensions if d.score_change), key=lambda d: -(d.score_change or 0.0))
        if moved:
            out.append(ctx.m(f"<b>{esc(ctx.tr('mv.moved'))}</b>", st.small))
            for d in moved:
                levels = ""
                if d.level_change:
                    levels = " · " + esc(ctx.tr("mv.level_moved", before=d.level_before, after=d.level_after))
                out.append(ctx.m(f"{esc(d.name.get(ctx.lang))}: {_score(ctx, d.score_before)} → "
                                 f"{_score(ctx, d.score_after)} ({_change_markup(ctx, d.score_change, 2)}){levels}",
                                 st.bullet, bulletText="–"))
        unchanged = sum(1 for d in mv.dimensions if d.presence == "both" and not d.score_change)
        if unchanged:
            out.append(ctx.p(ctx.tr("mv.unchanged", n=unchanged), st.muted))
        for presence, key in (("new", "mv.dim_new"), ("dropped", "mv.dim_dropped")):
            names = [d.name.get(ctx.lang) for d in mv.dimensions if d.presence == presence]
            if names:
                out.append(ctx.p(ctx.tr(key, names=", ".join(names)), st.muted))
    else:
        out.append(ctx.p(ctx.tr("mat.none")))

    # use cases
    out += [CondPageBreak(50 * mm), ctx.sub_heading(ctx.tr("mv.use_cases"))]
    if mv.use_cases:
        out.append(ctx.p(ctx.tr("mv.use_cases_intro"), st.muted))
        top = [ctx.p(ctx.tr("mv.col.use_case"), st.cell_head), ctx.p(ctx.tr("mv.col.priority"), st.cell_head), "", "",
               ctx.p(ctx.tr("mv.col.readiness"), st.cell_head), "", ""]
        sub = [""] + [ctx.p(ctx.tr(k), st.cell_head_num) for k in ("mv.col.before", "mv.col.after", "mv.col.change")] * 2
        urows: list[list[Any]] = [top, sub]
        for u in mv.use_cases:
            rank_b = f" <font color='#5F6B73' size='6.5'>({u.rank_before})</font>" if u.rank_before else ""
            rank_a = f" <font color='#5F6B73' size='6.5'>({u.rank_after})</font>" if u.rank_after else ""
            name = f"<b>{esc(u.name)}</b>"
            if u.presence != "both":
                name += f"<br/><font color='#5F6B73' size='6.5'>{esc(ctx.tr('mv.uc_' + u.presence))}</font>"
            urows.append([ctx.m(name, st.cell),
                          ctx.m(ctx.num(u.priority_before) + rank_b, st.cell_num),
                          ctx.m(ctx.num(u.priority_after) + rank_a, st.cell_num),
                          ctx.m(_change_markup(ctx, u.priority_change, 0), st.cell_num),
                          ctx.p(ctx.num(u.readiness_before), st.cell_num), ctx.p(ctx.num(u.readiness_after), st.cell_num),
                          ctx.m(_change_markup(ctx, u.readiness_change, 0), st.cell_num)])
        out.append(table(urows, [0.4, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], header_rows=2, accent=ctx.accent,
                         extra=[("SPAN", (1, 0), (3, 0)), ("SPAN", (4, 0), (6, 0)), ("SPAN", (0, 0), (0, 1)),
                                ("LINEBELOW", (1, 0), (-1, 0), 0.5, tint(ctx.accent, 0.5)),
                                ("LINEAFTER", (3, 0), (3, -1), 0.5, RULE)]))
    else:
        out.append(ctx.p(ctx.tr("mv.none")))

    # baseline metrics
    out += [CondPageBreak(50 * mm), ctx.sub_heading(ctx.tr("mv.metrics"))]
    measured = [x for x in mv.metrics if x.before is not None or x.after is not None]
    if measured:
        out.append(ctx.p(ctx.tr("mv.metrics_intro"), st.muted))
        mrows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head_num if k in ("mv.col.before", "mv.col.after",
                                                                                "mv.col.change") else st.cell_head)
                                   for k in ("mv.col.metric", "mv.col.scope", "mv.col.before", "mv.col.after",
                                             "mv.col.change")]]
        mextra: list[tuple[Any, ...]] = []
        last = ""
        for x in measured:
            first = x.question_id != last
            if first and len(mrows) > 1:
                mextra.append(("LINEABOVE", (0, len(mrows)), (-1, len(mrows)), 0.8, MUTED))
            unit = x.unit.get(ctx.lang)
            if first:
                metric = ctx.m(f"<b>{esc(x.text.get(ctx.lang))}</b>"
                               + (f"<br/><font color='#5F6B73' size='6.5'>{esc(unit)}</font>" if unit else ""), st.cell)
            else:  # the name again, quietly: a page may break inside a metric's rows
                metric = ctx.p(x.text.get(ctx.lang), st.cell_small)
            mrows.append([metric, ctx.p(x.scope_name or ctx.tr("op.organisation"), st.cell),
                          ctx.p(_metric_value(ctx, x.before), st.cell_num),
                          ctx.p(_metric_value(ctx, x.after), st.cell_num),
                          ctx.m(_metric_change(ctx, x.change, x.improved), st.cell_num)])
            last = x.question_id
        out.append(table(mrows, [0.42, 0.3, 0.09, 0.09, 0.1], accent=ctx.accent, zebra=False, extra=mextra))
        unmeasured = len(mv.metrics) - len(measured)
        if unmeasured:
            out += [Spacer(1, 3), ctx.p(ctx.tr("mv.metrics_unmeasured", n=unmeasured), st.muted)]
    else:
        out.append(ctx.p(ctx.tr("mv.metrics_none")))

    # earlier roadmap actions
    out += [CondPageBreak(50 * mm), ctx.sub_heading(ctx.tr("mv.actions"))]
    if not mv.actions:
        return [*out, ctx.p(ctx.tr("mv.actions_none"))]
    out.append(ctx.p(ctx.tr("mv.actions_intro", done=mv.actions_done, total=len(mv.actions))))
    done = [a for a in mv.actions if a.done]
    still_open = [a for a in mv.actions if not a.done]
    head = [""] + [ctx.p(ctx.tr(k), st.cell_head) for k in ("mv.col.action", "mv.col.phase", "mv.col.owner",
                                                            "mv.col.status")]
    for title_key, group, mark in (("mv.done", done, "☑"), ("mv.open", still_open, "☐")):
        out.append(ctx.m(esc(ctx.tr(title_key, n=len(group))), st.h4))
        if not group:
            out.append(ctx.p(ctx.tr("mv.none_done" if title_key == "mv.done" else "mv.none"), st.muted))
            continue
        arows: list[list[Any]] = [head]
        for a in group:
            status = ctx.tr("mv.done_planned") if a.done else ctx.tr("mv.still_planned" if a.still_planned
                                                                       else "mv.not_planned")
            colour = "#3E8E63" if a.done else ctx.accent_hex
            arows.append([
                ctx.m(f"<font color='{colour}' size='9'>{mark}</font>", st.cell), ctx.p(a.title.get(ctx.lang), st.cell),
                ctx.p(PHASE_LABELS[a.phase].get(ctx.lang) if a.phase in PHASE_LABELS else str(a.phase), st.cell),
                ctx.m(ctx.owner_markup(a.owner_role), st.cell),
                ctx.p(status, st.cell_small)])
        out.append(table(arows, [0.035, 0.445, 0.12, 0.2, 0.2], accent=ctx.accent,
                         extra=[("LEFTPADDING", (1, 0), (1, -1), 1), ("RIGHTPADDING", (0, 0), (0, -1), 0)]))
    return out
