"""The content of each report section, as reportlab flowables.

Each ``section_*`` function takes the build context and returns the section's flowables.
They read scoring results and the assessment's data; all wording comes from
:mod:`readiness_app.report.texts`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepInFrame,
    KeepTogether,
    Spacer,
    Table,
)

from readiness_app import __version__
from readiness_app.model import CONSENSUS, ORGANISATION, role_label
from readiness_app.questionnaire.loader import Question
from readiness_app.report import charts as report_charts
from readiness_app.report.layout import (
    FONT_BOLD,
    FRAME_H,
    FRAME_W,
    HEAT,
    INK,
    MUTED,
    RULE,
    SEVERITY_COLOURS,
    WHITE,
    BuildState,
    Heading,
    Para,
    Picture,
    Styles,
    TocEntry,
    ValueCell,
    VerticalLabel,
    esc,
    format_dates,
    soft_hyphens,
    table,
    tint,
)
from readiness_app.report.texts import LEVEL_MEANINGS, section_title, t
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    PHASE_LABELS,
    QUADRANT_LABELS,
    QuestionConsensus,
    RoadmapItem,
    UseCaseResult,
)

if TYPE_CHECKING:
    from readiness_app.followup.portfolio import Portfolio
    from readiness_app.report.data import Branding, ReportData

TARGET_METRIC_QUESTION = "base.org.target_metric"
TARGET_CURRENT_QUESTION = "base.org.target_current"
TARGET_VALUE_QUESTION = "base.org.target_value"
OPERATING_ROLES = ("product_owner", "data_owner", "model_owner", "control_owner", "operations_lead", "sponsor")
CHECKLIST = (  # (text key, owner role)
    ("op.check.rollback", "operations_lead"),
    ("op.check.switch", "operations_lead"),
    ("op.check.triggers", "model_owner"),
    ("op.check.override", "control_owner"),
    ("op.check.escalation", "control_owner"),
    ("op.check.log", "operations_lead"),
    ("op.check.review", "product_owner"),
)


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _heat(value: float | None) -> tuple[Any, Any]:
    if value is None:
        return (WHITE, MUTED)
    return HEAT[min(3, max(0, int(value // 25)))]


class Ctx:
    """Everything a section needs: data, language, styles and the contents being collected."""

    def __init__(self, data: ReportData, lang: str, branding: Branding, styles: Styles, state: BuildState) -> None:
        self.data = data
        self.r = data.results
        self.lib = data.library
        self.lang = lang
        self.branding = branding
        self.st = styles
        self.accent = styles.accent
        self.accent_hex = "#" + styles.accent.hexval()[2:]
        self.state = state
        self.toc: list[TocEntry] = []
        self.chapter = 0
        self._sub = 0
        self.names = {p.id: p.name for p in data.participants}
        self.cons: dict[tuple[str, str], QuestionConsensus] = {(c.question_id, c.scope): c for c in self.r.consensus}
        self.owners: dict[str, list[str]] = defaultdict(list)
        for p in sorted(data.participants, key=lambda p: (p.position, p.id)):
            self.owners[p.role].append(p.name)

    def tr(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def p(self, text: str, style: Any = None) -> Para:
        """A paragraph of plain (user or translated) text."""
        return self.m(esc(text), style)

    def m(self, markup: str, style: Any = None, *, bulletText: str | None = None) -> Para:
        """A paragraph of prepared markup; in a table cell, long words break at syllables."""
        style = style or self.st.body
        if getattr(style, "embeddedHyphenation", 0):
            markup = soft_hyphens(markup, self.lang)
        return Para(markup, style, bulletText=bulletText)

    # ---- headings

    def chapter_heading(self, section_id: str) -> Heading:
        self.chapter += 1
        self._sub = 0
        title = section_title(section_id, self.lang)
        key = f"sec-{section_id}"
        number = str(self.chapter)
        self.toc.append(TocEntry(0, number, title, key))
        self.state.toc_keys.append(key)
        markup = f'<font color="{self.accent_hex}">{number}</font>&nbsp;&nbsp;{esc(title)}'
        return Heading(markup, self.st.h1, key=key, level=0, title=f"{number}  {title}", accent_bar=self.accent)

    def unnumbered_heading(self, section_id: str) -> Heading:
        title = section_title(section_id, self.lang)
        key = f"sec-{section_id}"
        return Heading(esc(title), self.st.h1, key=key, level=0, title=title, accent_bar=self.accent)

    def sub_heading(self, title: str, *, level: int = 1, style: Any = None, toc: bool = True) -> Heading:
        self._sub += 1
        key = f"sub-{self.chapter}-{self._sub}"
        if toc and level == 1:
            self.toc.append(TocEntry(1, "", title, key))
            self.state.toc_keys.append(key)
        st = style or (self.st.h2 if level == 1 else self.st.h3)
        return Heading(esc(title), st, key=key, level=level, title=title)

    # ---- data helpers

    def owner_text(self, role: str, owner: str = "") -> str:
        name = owner or (self.owners.get(role) or [""])[0]
        label = role_label(role, self.lang)
        return f"{name} ({label})" if name else self.tr("rm.unnamed", role=label)

    def widths(self, *cols: float | str) -> list[float]:
        """Column widths as fractions of the frame: a number is a share of what is left, a text
        key a column just wide enough for its header (so no header word is ever split)."""
        size = self.st.cell_head.fontSize
        fixed = {i: stringWidth(self.tr(c), FONT_BOLD, size) + 9.5 for i, c in enumerate(cols) if isinstance(c, str)}
        rest = FRAME_W - sum(fixed.values())
        shares = sum(c for c in cols if not isinstance(c, str))
        return [(fixed[i] if isinstance(c, str) else rest * c / shares) / FRAME_W for i, c in enumerate(cols)]

    def owner_markup(self, role: str, owner: str = "") -> str:
        """Owner for a table cell: the name, and the role below it in small type."""
        name = owner or (self.owners.get(role) or [""])[0]
        label = esc(role_label(role, self.lang))
        if not name:
            return f"<font color='#C8553D'>{esc(self.tr('rm.unnamed', role=role_label(role, self.lang)))}</font>"
        return f"{esc(name)}<br/><font size='6.6' color='#5F6B73'>{label}</font>"

    def participant_name(self, pid: str) -> str:
        if pid == CONSENSUS:
            return self.tr("ap.room")
        return self.names.get(pid, pid)

    def level_label(self, level: int) -> str:
        return f"{level} {LEVEL_NAMES[level].get(self.lang)}"

    def image(self, chart: report_charts.Chart) -> Picture:
        return Picture(chart.image, chart.width_pt, chart.height_pt)


# --------------------------------------------------------------------------- cover and contents


def section_cover(ctx: Ctx) -> list[Any]:
    e = ctx.data.engagement
    st = ctx.st
    out: list[Any] = [Spacer(1, 38 * mm), ctx.p(ctx.tr("doc.short_title").upper(), st.cover_kicker),
                      ctx.p(ctx.tr("doc.title"), st.cover_title)]
    if e.title.strip():
        out.append(ctx.p(e.title, st.cover_sub))
    else:
        out.append(Spacer(1, 18))
    dates = format_dates(e.workshop_start, e.workshop_end, ctx.lang) or ctx.tr("cover.date_unset")
    rows: list[list[Any]] = [
        [ctx.p(ctx.tr("cover.prepared_for"), st.cover_key), ctx.p(ctx.data.client_name(ctx.lang), st.cover_client)],
        [ctx.p(ctx.tr("cover.date"), st.cover_key), ctx.p(dates, st.cover_value)],
    ]
    if e.facilitator.strip():
        rows.append([ctx.p(ctx.tr("cover.facilitator"), st.cover_key), ctx.p(e.facilitator, st.cover_value)])
    consultancy = ctx.branding.consultancy or e.consultancy
    if consultancy.strip():
        rows.append([ctx.p(ctx.tr("cover.prepared_by"), st.cover_key), ctx.p(consultancy, st.cover_value)])
    rows.append([ctx.p(ctx.tr("cover.participants"), st.cover_key),
                 ctx.p(str(len(ctx.data.participants)), st.cover_value)])
    tab = Table(rows, colWidths=[36 * mm, None], hAlign="LEFT")
    tab.setStyle([("FONT", (0, 0), (-1, -1), "DejaVuSans", 8),
        ("VALIGN", (0, 0), (-1, -1), "BASELINE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ctx.accent),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ])
    out.append(tab)
    return out


def section_contents(ctx: Ctx) -> list[Any]:
    from readiness_app.report.layout import Contents

    return [ctx.unnumbered_heading("contents"), Spacer(1, 6), Contents(ctx.toc, ctx.accent)]


# --------------------------------------------------------------------------- executive summary


def _next_steps(ctx: Ctx, n: int = 3) -> list[RoadmapItem]:
    items = list(ctx.r.roadmap.items)
    order = {id(i): k for k, i in enumerate(items)}
    return sorted(items, key=lambda i: (i.phase, i.due_week, order[id(i)]))[:n]


def target_metric(ctx: Ctx) -> str:
    c = ctx.cons.get((TARGET_METRIC_QUESTION, ORGANISATION))
    if c is None or c.not_applicable:
        return ""
    return c.value.strip() if isinstance(c.value, str) else ""


def _org_number(ctx: Ctx, question_id: str) -> str:
    c = ctx.cons.get((question_id, ORGANISATION))
    if c is None or c.not_applicable or not isinstance(c.value, int | float) or isinstance(c.value, bool):
        return ""
    return _localise(_fmt_number(float(c.value)), ctx.lang)


def target_values(ctx: Ctx) -> str:
    """ "Today 9.6; target at day 60: 7" for the business metric, or "" when no value was recorded."""
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

    # overall maturity
    below = sum(1 for d in mat.dimensions if d.gap > 0)
    maturity = [ctx.m(f"<b>{esc(ctx.tr('sum.level', n=mat.overall_level, name=level_name))}</b>", st.lead),
                ctx.p(LEVEL_MEANINGS[mat.overall_level].get(ctx.lang))]
    if mat.overall_score is not None:
        maturity.append(ctx.p(ctx.tr("sum.level_detail", score=f"{mat.overall_score:.1f}",
                                     dims=len(mat.dimensions), below=below), st.muted))
    else:
        maturity.append(ctx.p(ctx.tr("sum.level_detail_none"), st.muted))
    if mat.low_confidence and mat.overall_score is not None:
        maturity.append(ctx.p(ctx.tr("sum.low_confidence"), st.muted))
    mv = ctx.data.movement
    if mv is not None:
        maturity.append(ctx.m(f"<b>{esc(ctx.tr('sum.since', date=baseline_date(ctx), before=_level_or_dash(ctx, mv.overall_level_before), after=_level_or_dash(ctx, mv.overall_level_after)))}</b>"))

    # first lane
    lane_uc = r.use_case(r.first_lane.use_case_id) if r.first_lane.use_case_id else None
    lane = [ctx.m(f"<b>{esc(lane_uc.name if lane_uc else ctx.tr('sum.lane_none'))}</b>", st.lead),
            ctx.p(r.first_lane.rationale.get(ctx.lang))]
    if r.first_lane.conditional:
        lane.append(ctx.p(ctx.tr("sum.lane_conditional"), st.muted))

    # risks
    risks: list[Any] = []
    for i, risk in enumerate(r.risks[:3], start=1):
        colour = "#" + SEVERITY_COLOURS[risk.severity].hexval()[2:]
        sev = ctx.tr(f"severity.{risk.severity}")
        risks.append(ctx.m(
            f"<b>{i}. {esc(risk.name.get(ctx.lang))}</b> &nbsp;<font color='{colour}' size='7.5'>"
            f"<b>{esc(sev.upper())}</b></font><br/>{esc(risk.description.get(ctx.lang))}",
            st.body))
    if not risks:
        risks.append(ctx.p(ctx.tr("sum.risks_none")))

    # business metric
    metric_text = target_metric(ctx)
    if metric_text:
        values = target_values(ctx)
        metric = [ctx.m(f"<b>{esc(metric_text)}</b>", st.lead)]
        if values:
            metric.append(ctx.p(values))
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
    if not mat.dimensions:
        return [*out, ctx.p(ctx.tr("mat.none"))]
    rows = [report_charts.MaturityRow(d.name.get(ctx.lang), d.score.value, d.target, d.staged_level,
                                      ctx.level_label(d.staged_level)) for d in mat.dimensions]
    chart = report_charts.maturity_chart(
        rows, accent=ctx.branding.accent, width_cm=FRAME_W / 72 * 2.54,
        level_names=[LEVEL_NAMES[i].get(ctx.lang) for i in (1, 2, 3, 4)],
        labels={"score": ctx.tr("mat.chart.score"), "target": ctx.tr("mat.chart.target"),
                "level": ctx.tr("mat.chart.level")})
    out += [Spacer(1, 4), ctx.image(chart), Spacer(1, 6)]
    # the sub-heading goes into the first dimension's block: reportlab keeps a heading with the
    # next paragraph, not with a KeepTogether, so it could otherwise end a page alone
    heading: list[Any] = [ctx.sub_heading(ctx.tr("mat.dimensions"))]
    for d in mat.dimensions:
        block: list[Any] = [*heading, ctx.m(esc(d.name.get(ctx.lang)), st.h3)]
        heading = []
        tname = LEVEL_NAMES[d.target].get(ctx.lang)
        status = ctx.tr("mat.line", score=_num(d.score.value, 1), level=d.staged_level,
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
                value = ctx.tr("mat.value", value=_num(v, 1)) if v is not None else ctx.tr("mat.unanswered")
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
            ctx.m(f"<b>{_num(s.percentile)}</b>" if shown else "–", st.cell_num),
        ]
        if industry:
            cells.append(ctx.p(_num(s.industry_percentile), st.cell_num))
        if shown and s.percentile is not None:
            bg, fg = _heat(s.percentile)
            extra += [("BACKGROUND", (5, i), (5, i), bg)]
            cells[5] = ctx.m(f"<font color='#{fg.hexval()[2:]}'><b>{_num(s.percentile)}</b></font>", st.cell_num)
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
    return _localise(_num(value, 2), ctx.lang)


def _level_or_dash(ctx: Ctx, level: int | None) -> str:
    return ctx.level_label(level) if level is not None and level in LEVEL_NAMES else "–"


def baseline_date(ctx: Ctx) -> str:
    """The baseline's workshop date as words, else its file name."""
    mv = ctx.data.movement
    if mv is None:
        return ""
    return format_dates(mv.baseline_workshop_start, "", ctx.lang) or mv.baseline_file or mv.baseline_assessment_id


# --------------------------------------------------------------------------- progress since the baseline


def _signed(ctx: Ctx, value: float | None, digits: int) -> str:
    if value is None:
        return "–"
    if round(value, digits) == 0:
        return _localise(f"{0:.{digits}f}", ctx.lang)
    return _localise(f"{value:+.{digits}f}", ctx.lang).replace("-", "−")


def _change_markup(ctx: Ctx, value: float | None, digits: int, improved: bool | None = None) -> str:
    """A change in green (better) or red (worse); ``improved`` overrides the sign's verdict."""
    text = _signed(ctx, value, digits)
    if value is None or round(value, digits) == 0:
        return f"<font color='#5F6B73'>{text}</font>"
    good = value > 0 if improved is None else improved
    return f"<font color='{'#3E8E63' if good else '#C8553D'}'><b>{text}</b></font>"


def _metric_value(ctx: Ctx, value: float | None) -> str:
    return "–" if value is None else _localise(_fmt_number(value), ctx.lang)


def _metric_change(ctx: Ctx, value: float | None, improved: bool | None) -> str:
    if value is None:
        return "<font color='#5F6B73'>–</font>"
    if value == 0:
        return "<font color='#5F6B73'>0</font>"
    text = ("+" if value > 0 else "−") + _localise(_fmt_number(abs(value)), ctx.lang)
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
                          ctx.m(_num(u.priority_before) + rank_b, st.cell_num),
                          ctx.m(_num(u.priority_after) + rank_a, st.cell_num),
                          ctx.m(_change_markup(ctx, u.priority_change, 0), st.cell_num),
                          ctx.p(_num(u.readiness_before), st.cell_num), ctx.p(_num(u.readiness_after), st.cell_num),
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


# --------------------------------------------------------------------------- portfolio


def _rationale(ctx: Ctx, u: UseCaseResult) -> str:
    parts: list[str] = []
    if u.use_case_id == ctx.r.first_lane.use_case_id:
        parts.append(f"<b>{esc(ctx.tr('pf.why.first_lane_pick'))}</b>")
    key = f"pf.why.{u.quadrant}"
    parts.append(esc(ctx.tr(key, impact=_num(u.impact.value), readiness=_num(u.readiness),
                            control=_num(u.control_complexity.value))))
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
            ctx.p(_num(u.impact.value), st.cell_num),
            ctx.p(_num(u.readiness), st.cell_num),
            ctx.p(_num(u.control_complexity.value), st.cell_num),
            ctx.m(f"<b>{_num(u.priority.value)}</b>", st.cell_num),
            ctx.m(_rationale(ctx, u), st.cell_note),
        ])
        if u.use_case_id == ctx.r.first_lane.use_case_id:
            extra.append(("BACKGROUND", (0, i), (-1, i), tint(ctx.accent, 0.12)))
    widths = ctx.widths(0.06, 0.3, 0.2, "pf.col.impact", "pf.col.readiness", "pf.col.control", "pf.col.priority",
                        0.44)
    out.append(table(rows, widths, accent=ctx.accent,
                     extra=[*extra, ("LEFTPADDING", (3, 0), (6, -1), 2.5), ("RIGHTPADDING", (3, 0), (6, -1), 3)]))
    return out


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
    head += [VerticalLabel(label, head_h - 6) for _, label in cols]
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
            row.append(_num(v) + (" !" if dim_id in blocked else ""))
            extra += [("BACKGROUND", (j, i), (j, i), bg), ("TEXTCOLOR", (j, i), (j, i), fg)]
            if dim_id in blocked:
                extra += [("FONT", (j, i), (j, i), "DejaVuSans-Bold", 7.6),
                          ("BOX", (j, i), (j, i), 1.6, INK)]
        bg, fg = _heat(u.readiness)
        row.append(_num(u.readiness))
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
                ctx.p(ctx.tr("dr.value", value=_num(b.value, 1)), st.cell),
                ctx.p(ctx.tr("dr.needed", value=_num(b.threshold, 1)), st.cell),
            ])
    if len(brows) == 1:
        out.append(ctx.p(ctx.tr("dr.no_blockers")))
    else:
        out.append(table(brows, [0.22, 0.4, 0.16, 0.11, 0.11], accent=ctx.accent, zebra=False, extra=bextra))
    return out


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


# --------------------------------------------------------------------------- operating model


def _baseline_rows(ctx: Ctx) -> list[tuple[str, str, str]]:
    """(metric, baseline, measured for) for every baseline question."""
    lane_id = ctx.r.first_lane.use_case_id or (ctx.r.use_cases[0].use_case_id if ctx.r.use_cases else None)
    lane = ctx.r.use_case(lane_id) if lane_id else None
    rows: list[tuple[str, str, str]] = []
    for qn in ctx.lib.by_kind("baseline"):
        for q in qn.questions:
            if q.id in (TARGET_METRIC_QUESTION, TARGET_CURRENT_QUESTION, TARGET_VALUE_QUESTION):
                continue
            if q.scope == "organisation":
                scope, where = ORGANISATION, ctx.tr("op.organisation")
            elif lane is not None:
                scope, where = lane.use_case_id, lane.name
            else:
                continue
            c = ctx.cons.get((q.id, scope))
            value = answer_text(ctx, q, c) if c is not None and c.status == "answered" else ""
            if c is not None and c.not_applicable:
                value = ctx.tr("ap.na")
            rows.append((q.text.get(ctx.lang), value or ctx.tr("op.baseline_missing"), where))
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


# --------------------------------------------------------------------------- appendix


def _fmt_number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def answer_text(ctx: Ctx, q: Question, c: QuestionConsensus | None) -> str:
    """The room's answer to ``q`` as words (not escaped)."""
    if c is None:
        return ctx.tr("ap.missing")
    if c.not_applicable:
        return ctx.tr("ap.na") + (f": {c.na_reason.strip()}" if c.na_reason.strip() else "")
    v = c.value
    if v is None:
        return ctx.tr("ap.missing")
    if q.type == "scale" and isinstance(v, int | float):
        label = ""
        if float(v).is_integer() and 0 <= int(v) < len(q.levels):
            label = q.levels[int(v)].get(ctx.lang)
        number = f"{v:g}"
        return f"{number} – {label}" if label else number
    if q.type == "choice" and isinstance(v, str):
        opt = q.option(v)
        return opt.label.get(ctx.lang) if opt else v
    if q.type == "checklist" and isinstance(v, list):
        labels = [(q.option(x).label.get(ctx.lang) if q.option(x) else x) for x in v]  # type: ignore[union-attr]
        return "; ".join(labels) if labels else "–"
    if q.type == "number" and isinstance(v, int | float):
        unit = q.unit.get(ctx.lang) if q.unit else ""
        text = _fmt_number(float(v))
        if ctx.lang == "de":
            text = text.replace(",", "X").replace(".", ",").replace("X", ".")
        return f"{text} {unit}".strip()
    return str(v)


def _answer_rows(ctx: Ctx, questions: Iterable[Question], scope: str) -> list[list[Any]]:
    st = ctx.st
    rows: list[list[Any]] = []
    for q in questions:
        c = ctx.cons.get((q.id, scope))
        qcell = ctx.m(f"{esc(q.text.get(ctx.lang))}<br/><font size='6.3' color='#8A959C'>{esc(q.id)}</font>",
                      st.cell)
        answer = esc(answer_text(ctx, q, c))
        if c is not None and c.status == "answered":
            how = ctx.tr("ap.consensus") if c.source == "consensus" else ctx.tr("ap.votes", n=len(
                [v for v in c.votes if not v.not_applicable and v.value is not None]))
            answer += f"<br/><font size='6.5' color='#5F6B73'>{esc(how)}</font>"
        if c is not None and c.spread is not None and q.type != "text" and (q.scored or q.type == "number"):
            spread = _fmt_number(c.spread) if q.type == "number" else f"{c.spread:g}"
            if c.disagreement:
                spread = f"<font color='#C8553D'><b>{spread}</b><br/><font size='6.5'>{esc(ctx.tr('ap.disagreement'))}</font></font>"
        else:
            spread = "–"
        notes = ""
        if c is not None and c.notes:
            notes = "<br/>".join(f"<b>{esc(ctx.participant_name(pid))}:</b> {esc(note)}" for pid, note in c.notes)
        rows.append([qcell, ctx.m(answer, st.cell), ctx.m(spread, st.cell), ctx.m(notes, st.cell_note)])
    return rows


def _answers_table(ctx: Ctx, rows: list[list[Any]]) -> Table:
    st = ctx.st
    head = [ctx.p(ctx.tr(k), st.cell_head) for k in ("ap.col.question", "ap.col.answer", "ap.col.spread",
                                                      "ap.col.notes")]
    return table([head, *rows], ctx.widths(0.44, 0.22, "ap.col.spread", 0.34), accent=ctx.accent)


MATRIX_COLUMNS = 8  # use cases per answer matrix


def _chunks(items: Sequence[UseCaseResult], size: int) -> list[Sequence[UseCaseResult]]:
    """``items`` in balanced chunks of at most ``size``."""
    if not items:
        return []
    n = -(-len(items) // size)
    per = -(-len(items) // n)
    return [items[i:i + per] for i in range(0, len(items), per)]


def _matrix_cell(ctx: Ctx, q: Question, c: QuestionConsensus | None) -> ValueCell:
    muted, red = MUTED, SEVERITY_COLOURS["high"]
    if c is None or (c.value is None and not c.not_applicable):
        return ValueCell("–", "", colour=muted, spread_colour=muted, bold=False)
    if c.not_applicable:
        return ValueCell(ctx.tr("ap.na_short"), "", colour=muted, spread_colour=muted, bold=False)
    if q.type == "text":
        return ValueCell("✎", "", colour=INK, spread_colour=muted, bold=False)
    if q.type == "number" and isinstance(c.value, int | float):
        value = _localise(_fmt_number(float(c.value)), ctx.lang)
    elif c.numeric is not None and q.scored:
        value = f"{c.numeric:.1f}".rstrip("0").rstrip(".")
    else:
        value = answer_text(ctx, q, c)
    spread = ""
    if c.spread is not None and len(c.votes) >= 2:
        number = _fmt_number(c.spread) if q.type == "number" else f"{c.spread:g}"
        spread = f"Δ {_localise(number, ctx.lang)}"
    consensus = c.source == "consensus"
    return ValueCell(value, spread, colour=ctx.accent if consensus else INK,
                     spread_colour=red if c.disagreement else muted, bold=consensus or c.disagreement)


def _localise(number: str, lang: str) -> str:
    return number.replace(",", "X").replace(".", ",").replace("X", ".") if lang == "de" else number


def _matrix(ctx: Ctx, questions: Sequence[Question], ucs: Sequence[UseCaseResult]) -> Table:
    st = ctx.st
    col = min(0.085, 0.56 / max(1, len(ucs)))
    q_share = 1 - col * len(ucs)
    head: list[Any] = [ctx.p(ctx.tr("ap.col.question"), st.cell_head)]
    head += [VerticalLabel(f"{u.rank}  {u.name}", 30 * mm, size=6.6) for u in ucs]
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = [("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
                                    ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
                                    ("RIGHTPADDING", (1, 0), (-1, -1), 1.5)]
    for i, q in enumerate(questions, start=1):
        unit = f" <font color='#5F6B73'>({esc(q.unit.get(ctx.lang))})</font>" if q.unit else ""
        cells: list[Any] = [ctx.m(esc(q.text.get(ctx.lang)) + unit, st.cell_note)]
        for j, u in enumerate(ucs, start=1):
            c = ctx.cons.get((q.id, u.use_case_id))
            cells.append(_matrix_cell(ctx, q, c))
            if c is not None and c.disagreement:
                extra.append(("BACKGROUND", (j, i), (j, i), tint(SEVERITY_COLOURS["high"], 0.12)))
        rows.append(cells)
    widths = [q_share] + [col] * len(ucs)
    return table(rows, widths, accent=ctx.accent, extra=extra, scale=False)


def _matrix_notes(ctx: Ctx, questions: Sequence[Question], ucs: Sequence[UseCaseResult]) -> list[Any]:
    """Answers in words and notes on use-case questions, grouped by question."""
    out: list[Any] = []
    for q in questions:
        lines: list[Any] = []
        for u in ucs:
            c = ctx.cons.get((q.id, u.use_case_id))
            if c is None:
                continue
            parts: list[str] = []
            if q.type == "text" and isinstance(c.value, str) and c.value.strip() and not c.not_applicable:
                parts.append(f"<b>{esc(c.value)}</b>")
            if c.not_applicable and c.na_reason.strip():
                parts.append(f"{esc(ctx.tr('ap.na'))}: {esc(c.na_reason)}")
            parts += [f"<font color='#5F6B73'>{esc(ctx.participant_name(pid))}:</font> {esc(note)}"
                      for pid, note in c.notes if note.strip() and not (c.not_applicable and note == c.na_reason)]
            if parts:
                lines.append(ctx.m(f"<b>{u.rank}&nbsp;{esc(u.name)}</b> – " + " · ".join(parts), ctx.st.bullet,
                                   bulletText="–"))
        if lines:
            out.append(ctx.m(esc(q.text.get(ctx.lang)), ctx.st.h5))
            out.extend(lines)
    return out


def section_appendix(ctx: Ctx) -> list[Any]:
    st = ctx.st
    out: list[Any] = [ctx.chapter_heading("appendix"), ctx.sub_heading(ctx.tr("ap.answers")),
                      ctx.p(ctx.tr("ap.answers_intro"))]
    ucs = ctx.r.use_cases
    legend_done = False
    for qn in ctx.data.library.questionnaires:
        org = [q for q in qn.questions if q.scope == "organisation"]
        per_uc = [q for q in qn.questions if q.scope == "use_case"] if ucs else []
        if not org and not per_uc:
            continue
        out.append(CondPageBreak(60 * mm))
        out.append(ctx.sub_heading(f"{qn.title.get(ctx.lang)} ({ctx.tr('ap.col.version')} {qn.version})",
                                   level=2, toc=False))
        if org:
            if per_uc:
                out.append(ctx.m(esc(ctx.tr("ap.organisation")), st.h4))
            out.append(_answers_table(ctx, _answer_rows(ctx, org, ORGANISATION)))
        if per_uc:
            if org:
                out.append(ctx.m(esc(ctx.tr("ap.per_use_case")), st.h4))
            if not legend_done:
                out.append(ctx.p(ctx.tr("ap.matrix_legend"), st.muted))
                legend_done = True
            chunks = _chunks(ucs, MATRIX_COLUMNS)
            for chunk in chunks:
                if len(chunks) > 1:
                    out.append(CondPageBreak(50 * mm))
                    out.append(ctx.p(ctx.tr("ap.chunk", first=chunk[0].rank, last=chunk[-1].rank, n=len(ucs)),
                                     st.h4))
                out.append(_matrix(ctx, per_uc, chunk))
                out.append(Spacer(1, 6))
            notes = _matrix_notes(ctx, per_uc, ucs)
            if notes:
                out.append(ctx.m(esc(ctx.tr("ap.notes_words")), st.h4))
                out.extend(notes)

    # method
    from readiness_app.scoring import engine

    out.append(CondPageBreak(80 * mm))
    out.append(ctx.sub_heading(ctx.tr("ap.method")))
    pw = engine.PRIORITY_WEIGHTS
    rw = engine.READINESS_WEIGHTS
    out.append(ctx.p(ctx.tr("method.1")))
    out.append(ctx.p(ctx.tr("method.2", pw=f"{rw['process']:g}", dw=f"{rw['data_availability']:g}",
                            rw=f"{rw['data_readiness']:g}", i=pw["impact"] * 100, r=pw["readiness"] * 100,
                            c=pw["control"] * 100, e=pw["effort"] * 100)))
    out.append(ctx.p(ctx.tr("method.3", ih=engine.IMPACT_HIGH, rs=engine.READINESS_SUFFICIENT,
                            cm=engine.CONTROL_MANAGEABLE)))
    out.append(ctx.p(ctx.tr("method.4", sm=f"{engine.STAGE_MET:g}", dt=engine.DEFAULT_TARGET)))
    out.append(ctx.p(ctx.tr("method.5")))

    # versions
    versions: list[Any] = [ctx.sub_heading(ctx.tr("ap.versions"))]
    completeness = {c.questionnaire_id: c for c in ctx.r.completeness}
    vrows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                               ("ap.col.questionnaire", "ap.col.kind", "ap.col.version", "ap.col.answered",
                                "ap.col.fingerprint")]]
    for qn in ctx.lib.questionnaires:
        comp = completeness.get(qn.id)
        share = f"{comp.ratio * 100:.0f} %" if comp is not None and comp.applicable_weight else "–"
        vrows.append([ctx.m(f"<b>{esc(qn.title.get(ctx.lang))}</b><br/>"
                            f"<font size='6.3' color='#8A959C'>{esc(qn.id)}</font>", st.cell),
                      ctx.p(ctx.tr(f"kind.{qn.kind}") if qn.kind else "", st.cell),
                      ctx.p(qn.version, st.cell), ctx.p(share, st.cell),
                      ctx.m(f"<font size='6.5'>{esc(qn.sha256[:32])}<br/>{esc(qn.sha256[32:])}</font>", st.cell)])
    versions.append(table(vrows, ctx.widths(0.35, 0.22, "ap.col.version", "ap.col.answered", 0.43), accent=ctx.accent))
    versions.append(Spacer(1, 4))
    if ctx.lib.library_version:
        versions.append(ctx.p(ctx.tr("ap.library", v=ctx.lib.library_version), st.muted))
    versions.append(ctx.p(ctx.tr("ap.generated", v=__version__), st.muted))
    out.append(KeepTogether(versions))
    return out


SECTION_BUILDERS = {
    "cover": section_cover,
    "contents": section_contents,
    "summary": section_summary,
    "movement": section_movement,
    "maturity": section_maturity,
    "portfolio": section_portfolio,
    "readiness": section_readiness,
    "roadmap": section_roadmap,
    "operating": section_operating,
    "appendix": section_appendix,
}
