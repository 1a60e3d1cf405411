"""The maturity profile, dimension by dimension, and the optional benchmark."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Spacer,
)

from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Question
from readiness_app.report import charts as report_charts
from readiness_app.report.layout import (
    FRAME_W,
    esc,
    format_dates,
    table,
    tint,
)
from readiness_app.scoring.results import (
    LEVEL_NAMES,
)

if TYPE_CHECKING:
    from readiness_app.followup.portfolio import Portfolio


from readiness_app.report.chapters.base import Ctx, _heat

# --------------------------------------------------------------------------- maturity


def _dimension_notes(ctx: Ctx, dimension_id: str) -> list[tuple[str, list[str]]]:
    """Distinct notes given on a maturity dimension's questions, with who gave them."""
    found: dict[str, list[str]] = {}
    for qn in ctx.lib.by_kind("maturity"):
        for q in qn.questions:
            if q.dimension != dimension_id:
                continue
            c = ctx.cons.get((q.id, ORGANISATION))
            if c is None:
                continue
            for pid, note in c.notes:
                text = note.strip()
                if not text:
                    continue
                who = found.setdefault(text, [])
                name = ctx.participant_name(pid)
                if name not in who:
                    who.append(name)
    return list(found.items())


def _weak_criteria(ctx: Ctx, dimension_id: str, limit: int = 3) -> list[tuple[Question, float | None]]:
    out: list[tuple[Question, float | None]] = []
    for qn in ctx.lib.by_kind("maturity"):
        for q in qn.questions:
            if q.dimension != dimension_id or not q.scored:
                continue
            c = ctx.cons.get((q.id, ORGANISATION))
            if c is None or c.not_applicable:
                continue
            if c.numeric is None or c.numeric < 2.5:
                out.append((q, c.numeric))
    out.sort(key=lambda x: (x[0].stage or 0, x[1] if x[1] is not None else -1))
    return out[:limit]


def section_maturity(ctx: Ctx) -> list[Any]:
    st = ctx.st
    mat = ctx.r.maturity
    out: list[Any] = [ctx.chapter_heading("maturity"), ctx.p(ctx.tr("mat.intro"))]
    out += ctx.intro("maturity")
    if not mat.dimensions:
        return [*out, ctx.p(ctx.tr("mat.none"))]
    rows = [report_charts.MaturityRow(d.name.get(ctx.lang), d.score.value, d.target, d.staged_level,
                                      ctx.level_label(d.staged_level)) for d in mat.dimensions]
    chart = report_charts.maturity_chart(
        rows, accent=ctx.branding.accent, width_cm=FRAME_W / 72 * 2.54,
        level_names=[LEVEL_NAMES[i].get(ctx.lang) for i in (1, 2, 3, 4)],
        labels={"score": ctx.tr("mat.chart.score"), "target": ctx.tr("mat.chart.target"),
                "level": ctx.tr("mat.chart.level"), "decimal": "," if ctx.lang == "de" else "."})
    out += [Spacer(1, 4), ctx.image(chart), Spacer(1, 6)]
    # the sub-heading goes into the first dimension's block: reportlab keeps a heading with the
    # next paragraph, not with a KeepTogether, so it could otherwise end a page alone
    heading: list[Any] = [ctx.sub_heading(ctx.tr("mat.dimensions"))]
    for d in mat.dimensions:
        block: list[Any] = [*heading, ctx.m(esc(d.name.get(ctx.lang)), st.h3)]
        heading = []
        tname = LEVEL_NAMES[d.target].get(ctx.lang)
        status = ctx.tr("mat.line", score=ctx.num(d.score.value, 1), level=d.staged_level,
                        name=LEVEL_NAMES[d.staged_level].get(ctx.lang), target=d.target, tname=tname)
        extras = [ctx.tr("mat.gap", gap=d.gap) if d.gap else ctx.tr("mat.on_target")]
        if d.target_is_default:
            extras.append(ctx.tr("mat.default_target"))
        if d.score.low_confidence:
            extras.append(ctx.tr("mat.low_confidence"))
        gap_colour = "#C8553D" if d.gap else "#3E8E63"
        block.append(ctx.m(f"{esc(status)} · <font color='{gap_colour}'><b>{esc(extras[0])}</b></font>"
                           + "".join(f" · {esc(x)}" for x in extras[1:]), st.muted))
        dim = ctx.lib.dimensions.get(d.dimension_id)
        if dim is not None and dim.description.get(ctx.lang):
            block.append(ctx.p(dim.description.get(ctx.lang)))
        weak = _weak_criteria(ctx, d.dimension_id)
        if weak:
            block.append(ctx.m(f"<b>{esc(ctx.tr('mat.weak'))}</b>", st.small))
            for q, v in weak:
                value = ctx.tr("mat.value", value=ctx.num(v, 1)) if v is not None else ctx.tr("mat.unanswered")
                block.append(ctx.m(f"{esc(q.text.get(ctx.lang))} <font color='#C8553D'>({esc(value)})</font>",
                                   st.bullet, bulletText="–"))
        notes = _dimension_notes(ctx, d.dimension_id)
        if notes:
            block.append(ctx.m(f"<b>{esc(ctx.tr('mat.evidence'))}</b>", st.small))
            for note, who in notes:
                q_open, q_close = ("„", "“") if ctx.lang == "de" else ("“", "”")
                block.append(ctx.m(f"{q_open}{esc(note)}{q_close} <font color='#5F6B73'>– {esc(', '.join(who))}</font>",
                                   st.note))
        else:
            block.append(ctx.p(ctx.tr("mat.no_notes"), st.muted))
        block.append(Spacer(1, 3))
        if len(notes) <= 4:
            out.append(KeepTogether(block))
        else:
            out.extend(block)
    if ctx.data.portfolio is not None:
        out += _benchmark(ctx, ctx.data.portfolio)
    return out


def _benchmark(ctx: Ctx, p: Portfolio) -> list[Any]:
    """Where this client stands per dimension among the portfolio's other assessments, anonymised."""
    from readiness_app.followup.portfolio import MIN_GROUP

    st = ctx.st
    out: list[Any] = [CondPageBreak(70 * mm), ctx.sub_heading(ctx.tr("bm.title"))]
    cur = p.current
    if cur is None:
        return [*out, ctx.p(ctx.tr("bm.no_current"))]
    standings = (cur.overall, *cur.dimensions)
    peers = max(s.peers for s in standings)
    if peers < MIN_GROUP:
        return [*out, ctx.p(ctx.tr("bm.too_few", n=peers, min=MIN_GROUP))]
    out.append(ctx.p(ctx.tr("bm.intro", n=peers)))
    dist = {d.dimension_id: d.all for d in (p.overall, *p.dimensions)}
    industry = cur.industry_group if any(s.industry_percentile is not None for s in standings) else None
    keys = ["bm.col.dimension", "bm.col.client", "bm.col.median", "bm.col.middle", "bm.col.peers",
            "bm.col.percentile"]
    num = {"bm.col.client", "bm.col.median", "bm.col.middle", "bm.col.peers", "bm.col.percentile"}
    head = [ctx.p(ctx.tr(k), st.cell_head_num if k in num else st.cell_head) for k in keys]
    if industry:
        head.append(ctx.p(ctx.tr("bm.col.industry"), st.cell_head_num))
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = [("BACKGROUND", (0, 1), (-1, 1), tint(ctx.accent, 0.10))]
    for i, s in enumerate(standings, start=1):
        d = dist.get(s.dimension_id)
        shown = d is not None and s.peers >= MIN_GROUP
        name = ctx.tr("bm.overall") if s is cur.overall else s.name.get(ctx.lang)
        cells: list[Any] = [
            ctx.m(f"<b>{esc(name)}</b>" if s is cur.overall else esc(name), st.cell),
            ctx.m(f"<b>{_score(ctx, s.score)}</b>", st.cell_num),
            ctx.p(_score(ctx, d.median) if shown and d else "–", st.cell_num),
            ctx.p(f"{_score(ctx, d.q1)}–{_score(ctx, d.q3)}" if shown and d else "–", st.cell_num),
            ctx.p(str(s.peers), st.cell_num),
            ctx.m(f"<b>{ctx.num(s.percentile)}</b>" if shown else "–", st.cell_num),
        ]
        if industry:
            cells.append(ctx.p(ctx.num(s.industry_percentile), st.cell_num))
        if shown and s.percentile is not None:
            bg, fg = _heat(s.percentile)
            extra += [("BACKGROUND", (5, i), (5, i), bg)]
            cells[5] = ctx.m(f"<font color='#{fg.hexval()[2:]}'><b>{ctx.num(s.percentile)}</b></font>", st.cell_num)
        rows.append(cells)
    widths: list[float | str] = [1.0, "bm.col.client", "bm.col.median", "bm.col.middle", "bm.col.peers",
                                 "bm.col.percentile"]
    if industry:
        widths.append("bm.col.industry")
    out.append(table(rows, ctx.widths(*widths), accent=ctx.accent, zebra=False, extra=extra))
    if industry:
        group = max(s.industry_peers for s in standings)
        out += [Spacer(1, 3), ctx.p(ctx.tr("bm.industry_note", n=group, industry=industry), st.muted)]
    return out


def _score(ctx: Ctx, value: float | None) -> str:
    return ctx.num(value, 2)


def _level_or_dash(ctx: Ctx, level: int | None) -> str:
    return ctx.level_label(level) if level is not None and level in LEVEL_NAMES else "–"


def baseline_date(ctx: Ctx) -> str:
    """The baseline's workshop date as words, else its file name."""
    mv = ctx.data.movement
    if mv is None:
        return ""
    return format_dates(mv.baseline_workshop_start, "", ctx.lang) or mv.baseline_file or mv.baseline_assessment_id
