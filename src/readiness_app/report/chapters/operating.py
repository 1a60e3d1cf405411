"""The operating model: roles, rhythm, metrics and the rollback checklist."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Spacer,
    Table,
)

from readiness_app.model import ORGANISATION, role_label
from readiness_app.report.layout import (
    FRAME_W,
    RULE,
    esc,
    table,
    tint,
)
from readiness_app.scoring.results import (
    LEVEL_NAMES,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import (
    CHECKLIST,
    OPERATING_ROLES,
    TARGET_CURRENT_QUESTION,
    TARGET_METRIC_QUESTION,
    TARGET_VALUE_QUESTION,
    Ctx,
    answer_text,
)
from readiness_app.report.chapters.summary import target_metric, target_values
from readiness_app.report.metrics import split_unit, with_unit

# --------------------------------------------------------------------------- operating model


OUTCOME_METRIC_QUESTION = "base.uc.outcome_metric"  # a text answer naming the metric (and its unit in brackets)
OUTCOME_VALUE_QUESTION = "base.uc.outcome_value"  # its value "in the unit of the outcome metric"


def _baseline_rows(ctx: Ctx) -> list[tuple[str, str, str]]:
    """(metric, value in words, measured for) for every baseline question; a metric named in words and
    its value form one row ("Share of claims settled within five working days: 46%")."""
    lane_id = ctx.r.first_lane.use_case_id or (ctx.r.use_cases[0].use_case_id if ctx.r.use_cases else None)
    lane = ctx.r.use_case(lane_id) if lane_id else None
    rows: list[tuple[str, str, str]] = []
    for qn in ctx.lib.by_kind("baseline"):
        for q in qn.questions:
            if q.id in (TARGET_METRIC_QUESTION, TARGET_CURRENT_QUESTION, TARGET_VALUE_QUESTION,
                        OUTCOME_VALUE_QUESTION):
                continue
            if q.scope == "organisation":
                scope, where = ORGANISATION, ctx.tr("op.organisation")
            elif lane is not None:
                scope, where = lane.use_case_id, lane.name
            else:
                continue
            c = ctx.cons.get((q.id, scope))
            name = q.text.get(ctx.lang)
            value = ""
            if c is not None and c.not_applicable:
                value = ctx.tr("ap.na")
            elif q.id == OUTCOME_METRIC_QUESTION:
                if c is None or not isinstance(c.value, str) or not c.value.strip():
                    continue  # no outcome metric named: nothing to show
                name, unit = split_unit(c.value)
                v = ctx.cons.get((OUTCOME_VALUE_QUESTION, scope))
                if v is not None and isinstance(v.value, int | float) and not v.not_applicable:
                    value = with_unit(float(v.value), unit, ctx.lang)
            elif c is not None and c.status == "answered" and isinstance(c.value, int | float):
                value = with_unit(float(c.value), q.unit.get(ctx.lang) if q.unit else "", ctx.lang)
            elif c is not None and c.status == "answered":
                value = answer_text(ctx, q, c)
            rows.append((name, value or ctx.tr("op.baseline_missing"), where))
    return rows


def section_operating(ctx: Ctx) -> list[Any]:
    st = ctx.st
    out: list[Any] = [ctx.chapter_heading("operating"), ctx.p(ctx.tr("op.intro"))]

    # roles
    out.append(ctx.sub_heading(ctx.tr("op.roles")))
    counts: dict[str, int] = defaultdict(int)
    for item in ctx.r.roadmap.items:
        counts[item.owner_role] += 1
    rows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head_num if k == "op.col.actions" else st.cell_head)
                              for k in ("op.col.role", "op.col.owner", "op.col.duty", "op.col.actions")]]
    extra: list[tuple[Any, ...]] = []
    for _i, role in enumerate(OPERATING_ROLES, start=1):
        names = ctx.owners.get(role, [])
        if names:
            owner = ctx.m("<b>" + esc(names[0]) + "</b>" + "".join(f"<br/>{esc(n)}" for n in names[1:]), st.cell)
        else:
            owner = ctx.m(f"<font color='#C8553D'>{esc(ctx.tr('op.unnamed'))}</font>", st.cell)
        rows.append([ctx.m(f"<b>{esc(role_label(role, ctx.lang))}</b>", st.cell), owner,
                     ctx.p(ctx.tr(f"op.duty.{role}"), st.cell), ctx.p(str(counts.get(role, 0)), st.cell_num)])
    out.append(table(rows, ctx.widths(0.25, 0.25, 0.5, "op.col.actions"), accent=ctx.accent, extra=extra))

    # rhythm
    out.append(ctx.sub_heading(ctx.tr("op.rhythm")))
    rrows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                               ("op.col.cadence", "op.col.forum", "op.col.agenda")]]
    for cadence in ("weekly", "monthly", "quarterly"):
        rrows.append([ctx.m(f"<b>{esc(ctx.tr(f'op.{cadence}'))}</b>", st.cell),
                      ctx.p(ctx.tr(f"op.{cadence}.forum"), st.cell),
                      ctx.p(ctx.tr(f"op.{cadence}.agenda"), st.cell)])
    out.append(table(rrows, [0.15, 0.33, 0.52], accent=ctx.accent))
    rhythm = ctx.r.dimension("governance_rhythm")
    if rhythm is not None:
        out.append(Spacer(1, 3))
        out.append(ctx.p(ctx.tr("op.rhythm_now", level=rhythm.staged_level,
                                name=LEVEL_NAMES[rhythm.staged_level].get(ctx.lang)), st.muted))

    # metrics
    out.append(ctx.sub_heading(ctx.tr("op.metrics")))
    out.append(ctx.p(ctx.tr("op.metrics_intro")))
    metric = target_metric(ctx)
    mrows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                               ("op.col.metric", "op.col.baseline", "op.col.scope")]]
    values = target_values(ctx)
    if metric:
        metric_cell = ctx.m(f"<b>{esc(metric)}</b>", st.cell)
        baseline_cell = ctx.p(values or ctx.tr("op.baseline_missing"), st.cell)
    else:
        metric_cell = ctx.m(f"<b>{esc(ctx.tr('op.target_metric'))}</b>", st.cell)
        baseline_cell = ctx.m(f"<font color='#C8553D'>{esc(ctx.tr('op.metric_unset'))}</font>", st.cell)
    mrows.append([metric_cell, baseline_cell, ctx.p(ctx.tr("op.organisation"), st.cell)])
    mextra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 1), (-1, 1), tint(ctx.accent, 0.12))]
    for name, value, where in _baseline_rows(ctx):
        mrows.append([ctx.p(name, st.cell), ctx.p(value, st.cell), ctx.p(where, st.cell)])
    out.append(table(mrows, [0.5, 0.28, 0.22], accent=ctx.accent, extra=mextra))

    # checklist
    out.append(ctx.sub_heading(ctx.tr("op.checklist")))
    crows: list[list[Any]] = []
    for key, role in CHECKLIST:
        crows.append([ctx.m(f"<font size='11' color='{ctx.accent_hex}'>☐</font>", st.cell),
                      ctx.m(f"{esc(ctx.tr(key))}<br/><font color='#5F6B73' size='7'>"
                            f"{esc(ctx.tr('op.check.owner', owner=ctx.owner_text(role)))}</font>", st.cell)])
    check = Table(crows, colWidths=[8 * mm, FRAME_W - 8 * mm], hAlign="LEFT")
    check.setStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 8), ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
                    ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE)])
    out.append(check)
    runbooks = ctx.r.dimension("runbooks")
    if runbooks is not None:
        out.append(Spacer(1, 3))
        out.append(ctx.p(ctx.tr("op.runbooks_now", level=runbooks.staged_level,
                                name=LEVEL_NAMES[runbooks.staged_level].get(ctx.lang)), st.muted))
    return out
