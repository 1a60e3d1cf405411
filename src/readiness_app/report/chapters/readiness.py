"""Data and workflow readiness: heatmap and blockers."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Spacer,
)

from readiness_app.questionnaire.loader import Question
from readiness_app.report.layout import (
    INK,
    MUTED,
    WHITE,
    VerticalLabel,
    esc,
    table,
)
from readiness_app.scoring.results import (
    UseCaseResult,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx, _heat

# --------------------------------------------------------------------------- data and workflow readiness


def _readiness_columns(ctx: Ctx) -> list[tuple[str, str]]:
    """(dimension id, label) of the heatmap's columns: process and data availability, then the readiness areas."""
    cols: list[tuple[str, str]] = []
    for dim_id in ("uc_process", "uc_data"):
        dim = ctx.lib.dimensions.get(dim_id)
        if dim is not None:
            cols.append((dim_id, dim.name.get(ctx.lang)))
    used = {q.dimension for qn in ctx.lib.by_kind("readiness") for q in qn.questions if q.scored}
    for dim_id, dim in ctx.lib.dimensions.items():
        if dim.kind == "readiness" and dim_id in used:
            cols.append((dim_id, dim.name.get(ctx.lang)))
    for dim_id in sorted(used - {c[0] for c in cols}):
        cols.append((dim_id, dim_id))
    return cols


def _dimension_value(ctx: Ctx, dim_id: str, uc: UseCaseResult,
                     questions: dict[str, list[Question]]) -> float | None:
    if dim_id == "uc_process":
        return uc.process_readiness.value
    if dim_id == "uc_data":
        return uc.data_availability.value
    num = den = 0.0
    for q in questions.get(dim_id, ()):
        c = ctx.cons.get((q.id, uc.use_case_id))
        if c is None or c.not_applicable or c.numeric is None:
            continue
        num += q.weight * c.numeric
        den += q.weight
    return 100.0 * num / den / 4.0 if den else None


def section_readiness(ctx: Ctx) -> list[Any]:
    st = ctx.st
    ucs = ctx.r.use_cases
    out: list[Any] = [ctx.chapter_heading("readiness")]
    out += ctx.intro("readiness")
    cols = _readiness_columns(ctx)
    if not ucs or not cols:
        return [*out, ctx.p(ctx.tr("dr.none"))]
    out += [ctx.p(ctx.tr("dr.intro")), ctx.sub_heading(ctx.tr("dr.heatmap"))]
    questions: dict[str, list[Question]] = defaultdict(list)
    for qn in ctx.lib.by_kind("readiness"):
        for q in qn.questions:
            if q.scored and q.scope == "use_case":
                questions[q.dimension].append(q)
    n = len(cols) + 1
    name_w = 0.26
    value_w = (1 - name_w) / n
    head_h = 31 * mm
    head: list[Any] = [ctx.p(ctx.tr("dr.col.use_case"), st.cell_head)]
    head += [VerticalLabel(label, head_h - 6, hyphenation=st.hyphenation) for _, label in cols]
    head.append(VerticalLabel(ctx.tr("dr.col.overall"), head_h - 6))
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = [
        ("ALIGN", (1, 1), (-1, -1), "CENTER"),
        ("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (0, -1), "MIDDLE"),
        ("LINEBELOW", (0, 1), (-1, -1), 1.2, WHITE),
        ("LINEAFTER", (0, 1), (-1, -1), 1.2, WHITE),
        ("LINEAFTER", (-2, 1), (-2, -1), 2.5, WHITE),
        ("FONT", (1, 1), (-1, -1), "DejaVuSans", 7.6),
        ("TOPPADDING", (1, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (1, 1), (-1, -1), 4),
    ]
    for i, u in enumerate(ucs, start=1):
        blocked = {b.dimension for b in u.blockers}
        row: list[Any] = [ctx.m(f"<font color='#5F6B73'>{u.rank}</font>&nbsp; {esc(u.name)}", st.cell)]
        for j, (dim_id, _) in enumerate(cols, start=1):
            v = _dimension_value(ctx, dim_id, u, questions)
            bg, fg = _heat(v)
            row.append(ctx.num(v) + (" !" if dim_id in blocked else ""))
            extra += [("BACKGROUND", (j, i), (j, i), bg), ("TEXTCOLOR", (j, i), (j, i), fg)]
            if dim_id in blocked:
                extra += [("FONT", (j, i), (j, i), "DejaVuSans-Bold", 7.6),
                          ("BOX", (j, i), (j, i), 1.6, INK)]
        bg, fg = _heat(u.readiness)
        row.append(ctx.num(u.readiness))
        extra += [("BACKGROUND", (n, i), (n, i), bg), ("TEXTCOLOR", (n, i), (n, i), fg),
                  ("FONT", (n, i), (n, i), "DejaVuSans-Bold", 7.6)]
        rows.append(row)
    out.append(table(rows, [name_w] + [value_w] * n, accent=ctx.accent, zebra=False, extra=extra))
    out.append(Spacer(1, 4))
    out.append(ctx.p(ctx.tr("dr.legend"), st.muted))

    out.append(ctx.sub_heading(ctx.tr("dr.blockers")))
    brows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                               ("dr.col.use_case", "dr.col.item", "dr.col.dimension", "dr.col.value",
                                "dr.col.needed")]]
    bextra: list[tuple[Any, ...]] = []
    for u in ucs:
        if u.blockers and len(brows) > 1:
            bextra.append(("LINEABOVE", (0, len(brows)), (-1, len(brows)), 0.9, MUTED))
        for k, b in enumerate(u.blockers):
            dim = ctx.lib.dimensions.get(b.dimension)
            brows.append([
                ctx.m(f"<b>{esc(u.name)}</b>", st.cell) if k == 0 else ctx.p(u.name, st.cell_small),
                ctx.p(b.text.get(ctx.lang), st.cell),
                ctx.p(dim.name.get(ctx.lang) if dim else b.dimension, st.cell),
                ctx.p(ctx.tr("dr.value", value=ctx.num(b.value, 1)), st.cell),
                ctx.p(ctx.tr("dr.needed", value=ctx.num(b.threshold, 1)), st.cell),
            ])
    if len(brows) == 1:
        out.append(ctx.p(ctx.tr("dr.no_blockers")))
    else:
        bwidths = ctx.fit_names([0.22, 0.4, 0.16, 0.11, 0.11], 0, [u.name for u in ucs if u.blockers], give=(1,))
        out.append(table(brows, bwidths, accent=ctx.accent, zebra=False, extra=bextra))
    return out
