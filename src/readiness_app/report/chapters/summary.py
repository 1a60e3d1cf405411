"""The executive summary."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import (
    KeepInFrame,
    Spacer,
    Table,
)

from readiness_app.model import ORGANISATION
from readiness_app.report.chapters.base import (
    TARGET_CURRENT_QUESTION,
    TARGET_METRIC_QUESTION,
    TARGET_VALUE_QUESTION,
    Ctx,
)
from readiness_app.report.chapters.maturity import _level_or_dash, baseline_date
from readiness_app.report.evidence import Statement, summary_statements
from readiness_app.report.layout import (
    FRAME_H,
    FRAME_W,
    RULE,
    SEVERITY_COLOURS,
    WHITE,
    Para,
    esc,
    tint,
)
from readiness_app.report.metrics import split_unit, with_unit
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    RoadmapItem,
)

# --------------------------------------------------------------------------- executive summary


def _next_steps(ctx: Ctx, n: int = 3) -> list[RoadmapItem]:
    items = list(ctx.r.roadmap.items)
    order = {id(i): k for k, i in enumerate(items)}
    return sorted(items, key=lambda i: (i.phase, i.due_week, order[id(i)]))[:n]


def target_metric(ctx: Ctx) -> str:
    """The business metric's name, without its unit ("Average claims cycle time")."""
    c = ctx.cons.get((TARGET_METRIC_QUESTION, ORGANISATION))
    if c is None or c.not_applicable:
        return ""
    return split_unit(c.value)[0] if isinstance(c.value, str) else ""


def _metric_unit(ctx: Ctx) -> str:
    c = ctx.cons.get((TARGET_METRIC_QUESTION, ORGANISATION))
    return split_unit(c.value)[1] if c is not None and isinstance(c.value, str) else ""


def _org_number(ctx: Ctx, question_id: str) -> str:
    c = ctx.cons.get((question_id, ORGANISATION))
    if c is None or c.not_applicable or not isinstance(c.value, int | float) or isinstance(c.value, bool):
        return ""
    return with_unit(float(c.value), _metric_unit(ctx), ctx.lang)


def target_values(ctx: Ctx) -> str:
    """ "9.55 days today, 7.05 days by day 60" for the business metric, or "" when no value was recorded."""
    now, target = _org_number(ctx, TARGET_CURRENT_QUESTION), _org_number(ctx, TARGET_VALUE_QUESTION)
    if now and target:
        return ctx.tr("sum.metric_values", now=now, target=target)
    if now:
        return ctx.tr("sum.metric_now", now=now)
    if target:
        return ctx.tr("sum.metric_target", target=target)
    return ""


def section_summary(ctx: Ctx) -> list[Any]:
    st, r = ctx.st, ctx.r
    mat = r.maturity
    level_name = LEVEL_NAMES[mat.overall_level].get(ctx.lang)
    high = sum(1 for x in r.risks if x.severity == "high")
    kpis = [
        (level_name, f"{ctx.tr('sum.kpi.level')} {mat.overall_level}/4"),
        (str(len(r.use_cases)), ctx.tr("sum.kpi.use_cases")),
        (str(len(ctx.data.participants)), ctx.tr("sum.kpi.participants")),
        (str(high), ctx.tr("sum.kpi.risks")),
        (str(len(r.roadmap.items)), ctx.tr("sum.kpi.actions")),
    ]
    strip = Table([[[ctx.p(v, st.kpi), ctx.p(label, st.kpi_label)] for v, label in kpis]],
                  colWidths=[FRAME_W * w for w in (0.28, 0.18, 0.18, 0.18, 0.18)], hAlign="LEFT")
    strip.setStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 7),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
        ("BACKGROUND", (0, 0), (-1, -1), tint(ctx.accent, 0.07)),
        ("LINEAFTER", (0, 0), (-2, -1), 0.6, WHITE),
        ("LINEABOVE", (0, 0), (-1, 0), 1.6, ctx.accent),
    ])

    # overall maturity: what the answers say, not the level's generic description
    statements = summary_statements(r, ctx.lang, {u.use_case_id: u.name for u in r.use_cases})
    ctx.statements += statements
    said: dict[str, list[Statement]] = {}
    for s in statements:
        said.setdefault(s.kind, []).append(s)
    below = sum(1 for d in mat.dimensions if d.gap > 0)
    maturity = [ctx.m(f"<b>{esc(ctx.tr('sum.level', n=mat.overall_level, name=level_name))}</b>", st.lead)]
    maturity += [ctx.p(s.text) for s in said.get("level", []) + said.get("stage", [])]
    if mat.overall_score is not None:
        maturity.append(ctx.p(ctx.tr("sum.level_detail", score=ctx.num(mat.overall_score, 1),
                                     dims=len(mat.dimensions), below=below), st.muted))
    if mat.low_confidence and mat.overall_score is not None:
        maturity.append(ctx.p(ctx.tr("sum.low_confidence"), st.muted))
    mv = ctx.data.movement
    if mv is not None:
        maturity.append(ctx.m(f"<b>{esc(ctx.tr('sum.since', date=baseline_date(ctx), before=_level_or_dash(ctx, mv.overall_level_before), after=_level_or_dash(ctx, mv.overall_level_after)))}</b>"))

    # first lane
    lane_uc = r.use_case(r.first_lane.use_case_id) if r.first_lane.use_case_id else None
    lane = [ctx.m(f"<b>{esc(lane_uc.name if lane_uc else ctx.tr('sum.lane_none'))}</b>", st.lead),
            ctx.p(said["lane"][0].text)]
    if r.first_lane.conditional:
        lane.append(ctx.p(ctx.tr("sum.lane_conditional"), st.muted))

    # risks, each scoped to the use cases it was raised for (or the organisation)
    risks: list[Any] = []
    for i, (risk, stated) in enumerate(zip(r.risks[:3], said.get("risk", []), strict=False), start=1):
        colour = "#" + SEVERITY_COLOURS[risk.severity].hexval()[2:]
        sev = ctx.tr(f"severity.{risk.severity}")
        risks.append(ctx.m(
            f"<b>{i}. {esc(risk.name.get(ctx.lang))}</b> &nbsp;<font color='{colour}' size='7.5'>"
            f"<b>{esc(sev.upper())}</b></font><br/>{esc(stated.text)}",
            st.body))
    if not risks:
        risks.append(ctx.p(ctx.tr("sum.risks_none")))

    # business metric, in words: "Average claims cycle time: 9.55 days today, 7.05 days by day 60."
    metric_text = target_metric(ctx)
    if metric_text:
        values = target_values(ctx)
        metric = [ctx.m(f"<b>{esc(metric_text)}</b>" + (f": {esc(values)}." if values else ""), st.lead)]
        metric.append(ctx.p(ctx.tr("sum.metric_note") if not values else ctx.tr("sum.metric_track"), st.muted))
    else:
        metric = [ctx.p(ctx.tr("sum.metric_unset"))]

    # next steps
    steps: list[Any] = []
    for i, item in enumerate(_next_steps(ctx), start=1):
        meta = ctx.tr("sum.step_meta", owner=ctx.owner_text(item.owner_role, item.owner), week=item.due_week)
        steps.append(ctx.m(f"<b>{i}. {esc(item.title.get(ctx.lang))}</b><br/>"
                           f"<font color='#5F6B73' size='7.5'>{esc(meta)}</font>"))
    if not steps:
        steps.append(ctx.p(ctx.tr("sum.steps_none")))

    def label(key: str) -> Para:
        return ctx.p(ctx.tr(key).upper(), st.label)

    facts = Table([
        [label("sum.maturity"), maturity],
        [label("sum.lane"), lane],
        [label("sum.risks"), risks],
        [label("sum.metric"), metric],
        [label("sum.steps"), steps],
    ], colWidths=[FRAME_W * 0.26, FRAME_W * 0.74], hAlign="LEFT")
    facts.setStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (1, 0), (1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 9),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
    ])
    heading = ctx.chapter_heading("summary")
    body = [strip, Spacer(1, 8), facts]
    room = FRAME_H - 60  # the chapter heading takes the rest
    return [heading, KeepInFrame(FRAME_W, room, body, mode="shrink")]
