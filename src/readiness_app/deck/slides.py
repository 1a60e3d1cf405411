"""The readout deck's slides, in order; each function adds one slide (or its continuations).

Title; engagement and scope; executive summary; use-case priority matrix (native bubble chart);
readiness and blockers per use case (table); maturity per dimension, current against target
(native bar chart); risks; the 90-day roadmap as a timeline by phase with owners; next steps;
an appendix slide per questionnaire.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from readiness_app.deck import charts
from readiness_app.deck.fit import Para, fit_size, split
from readiness_app.deck.master import Box
from readiness_app.deck.texts import number, t
from readiness_app.deck.writer import Writer, emu, pt
from readiness_app.model import ORGANISATION, role_label
from readiness_app.report.data import ReportData
from readiness_app.scoring.results import LEVEL_NAMES, PHASE_LABELS, QUADRANT_LABELS, RoadmapItem

MUTED = "#5F6B73"
TARGET_METRIC_QUESTION = "base.org.target_metric"
TARGET_CURRENT_QUESTION = "base.org.target_current"
TARGET_VALUE_QUESTION = "base.org.target_value"


@dataclass
class Deck:
    """What the slides share: the data, the language, the writer and who holds which role."""

    data: ReportData
    lang: str
    w: Writer
    consultancy: str
    holders: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for p in sorted(self.data.participants, key=lambda p: (p.position, p.id)):
            self.holders.setdefault(p.role, p.name)

    def tr(self, key: str, **fields: object) -> str:
        return t(key, self.lang, **fields)

    def owner(self, item: RoadmapItem) -> str:
        name = (item.owner or self.holders.get(item.owner_role, "")).strip()
        role = role_label(item.owner_role, self.lang)
        return f"{name} ({role})" if name else self.tr("rm.unnamed", role=role)

    def dates(self) -> str:
        from readiness_app.report.layout import format_dates

        e = self.data.engagement
        return format_dates(e.workshop_start, e.workshop_end, self.lang) or self.tr("scope.date_unset")


# --------------------------------------------------------------------------- title, scope, summary


def title_slide(d: Deck) -> None:
    from pptx.enum.shapes import PP_PLACEHOLDER as P

    e = d.data.engagement
    slide, _ = d.w.add_slide(d.tr("deck.title"), layout=d.w.base.title_layout)
    lines = [Para(d.tr("deck.subtitle", client=d.data.client_name(d.lang), dates=d.dates()), bold=True)]
    if e.title.strip():
        lines.append(Para(e.title.strip(), gap=False))
    if d.consultancy:
        lines.append(Para(d.tr("deck.prepared_by", by=d.consultancy), scale=0.85))
    sub = next((ph for ph in slide.placeholders if ph.placeholder_format.type in (P.SUBTITLE, P.BODY)), None)
    if sub is not None:
        box = Box(int(sub.left), int(sub.top), int(sub.width), int(sub.height))
        w, h = d.w.text_box_size(box)
        d.w.fill(sub.text_frame, lines, fit_size(lines, w, h, 20, 10) or 10)
    else:  # a title layout without a subtitle: a text box in the lower third
        s = d.w.prs
        box = Box(int(s.slide_width * 0.08), int(s.slide_height * 0.62), int(s.slide_width * 0.84),
                  int(s.slide_height * 0.25))
        d.w.text_box(slide, box, lines, 20, 10, name="Subtitle")


def scope_slide(d: Deck) -> None:
    e = d.data.engagement
    participants = d.data.participants
    roles = sorted({role_label(p.role, d.lang) for p in participants})
    paras = [
        Para(d.tr("scope.client"), bold=True),
        Para(" · ".join(x for x in (d.data.client_name(d.lang), e.industry.strip()) if x), gap=False),
        Para(d.tr("scope.workshop"), bold=True),
        Para(" · ".join(x for x in (e.title.strip(), d.dates()) if x), gap=False),
    ]
    if e.facilitator.strip() or d.consultancy:
        paras += [Para(d.tr("scope.facilitator"), bold=True),
                  Para(", ".join(x for x in (e.facilitator.strip(), d.consultancy) if x), gap=False)]
    paras += [Para(d.tr("scope.participants"), bold=True),
              Para(d.tr("scope.participants_line", n=len(participants), roles=", ".join(roles)) if participants
                   else d.tr("none"), gap=False)]
    ucs = d.data.results.use_cases
    paras.append(Para(d.tr("scope.use_cases") + f" ({len(ucs)})", bold=True))
    paras.append(Para(", ".join(u.name for u in sorted(ucs, key=lambda u: u.position)) or d.tr("none"), gap=False))
    done = {c.questionnaire_id: c.ratio for c in d.data.results.completeness}
    paras.append(Para(d.tr("scope.questionnaires"), bold=True))
    for q in d.data.library.questionnaires:
        if q.id in done:
            paras.append(Para(d.tr("scope.questionnaire_line", name=q.title.get(d.lang), version=q.version,
                                   pct=_pct(done[q.id], d.lang)), bullet=True, gap=False))
    d.w.text_slides(d.tr("scope.title"), paras, largest=18, smallest=11)


def _pct(ratio: float, lang: str) -> str:
    return f"{round(ratio * 100)} %" if lang == "de" else f"{round(ratio * 100)}%"


def _org_value(d: Deck, question_id: str) -> Any:
    c = d.data.results.consensus_for(question_id, ORGANISATION)
    return None if c is None or c.not_applicable else c.value


def summary_slide(d: Deck) -> None:
    r = d.data.results
    lane = r.use_case(r.first_lane.use_case_id) if r.first_lane.use_case_id else None
    paras = [Para(d.tr("sum.lane", name=lane.name) if lane else d.tr("sum.lane_none"), bold=True),
             Para(r.first_lane.rationale.get(d.lang), gap=False)]
    if r.first_lane.conditional:
        paras.append(Para(d.tr("sum.lane_conditional"), scale=0.85, colour=MUTED, gap=False))
    paras.append(Para(d.tr("sum.risks"), bold=True))
    for risk in r.risks[:3]:
        sev = d.tr(f"severity.{risk.severity}")
        paras.append(Para(d.tr("risks.line", name=risk.name.get(d.lang), severity=sev), bullet=True, gap=False))
    if not r.risks:
        paras.append(Para(d.tr("sum.risks_none"), gap=False))
    metric = _org_value(d, TARGET_METRIC_QUESTION)
    metric = metric.strip() if isinstance(metric, str) else ""
    paras.append(Para(d.tr("sum.metric", metric=metric) if metric else d.tr("sum.metric_unset"), bold=True))
    now, target = _org_number(d, TARGET_CURRENT_QUESTION), _org_number(d, TARGET_VALUE_QUESTION)
    if metric and (now or target):
        key = "sum.metric_values" if now and target else "sum.metric_now" if now else "sum.metric_target"
        paras.append(Para(d.tr(key, now=now, target=target), gap=False))
    mat = r.maturity
    if mat.overall_score is not None:
        paras.append(Para(d.tr("sum.maturity", level=mat.overall_level, name=LEVEL_NAMES[mat.overall_level].get(d.lang),
                               score=number(mat.overall_score, 1, d.lang)), scale=0.85, colour=MUTED))
    d.w.text_slides(d.tr("sum.title"), paras, largest=20, smallest=12)


def _org_number(d: Deck, question_id: str) -> str:
    value = _org_value(d, question_id)
    if not isinstance(value, int | float) or isinstance(value, bool):
        return ""
    text = f"{float(value):g}"
    return text.replace(".", ",") if d.lang == "de" else text


# --------------------------------------------------------------------------- priorities and readiness


def matrix_slide(d: Deck) -> None:
    r = d.data.results
    plotted = [u for u in r.use_cases if u.readiness is not None and u.impact.value is not None]
    if not plotted:
        d.w.text_slides(d.tr("matrix.title"), [Para(d.tr("matrix.none"))])
        return
    slide, _ = d.w.add_slide(d.tr("matrix.title"))
    a = d.w.area
    chart_w = int(a.width * 0.62)
    bubbles = [charts.Bubble(u.rank, u.name, float(u.readiness or 0.0), float(u.impact.value or 0.0),
                             float(u.control_complexity.value if u.control_complexity.value is not None else 50.0))
               for u in plotted]
    charts.bubble_chart(slide, Box(a.left, a.top, chart_w, a.height), bubbles, series_name=d.tr("matrix.series"),
                        x_title=d.tr("matrix.x"), y_title=d.tr("matrix.y"))
    key_box = Box(a.left + chart_w + int(a.width * 0.02), a.top, a.width - chart_w - int(a.width * 0.02), a.height)
    paras = [Para(d.tr("matrix.key"), bold=True, scale=0.9)]
    paras += [Para(f"{u.rank}  {u.name} · {QUADRANT_LABELS[u.quadrant].get(d.lang)}", gap=False)
              for u in plotted]
    unplotted = [u.name for u in r.use_cases if u not in plotted]
    if unplotted:
        paras.append(Para(d.tr("matrix.unplotted", names=", ".join(unplotted)), scale=0.85, colour=MUTED))
    w, h = d.w.text_box_size(key_box)
    if fit_size(paras, w, h, 14, 9) is None:  # too many: the first ranks, then a pointer to the table
        keep = len(paras)
        while keep > 2 and fit_size([*paras[:keep], Para(d.tr("more", n=1))], w, h, 14, 9) is None:
            keep -= 1
        rest = len(plotted) - (keep - 1)
        paras = [*paras[:keep], Para(d.tr("more", n=rest), colour=MUTED)]
    d.w.text_box(slide, key_box, paras, 14, 9, name="Use-case key")


def readiness_slides(d: Deck) -> None:
    ucs = d.data.results.use_cases
    if not ucs:
        d.w.text_slides(d.tr("ready.title"), [Para(d.tr("ready.none"))])
        return
    header = [d.tr(k) for k in ("ready.col.rank", "ready.col.use_case", "ready.col.impact",
                                "ready.col.readiness", "ready.col.blockers")]
    rows = []
    for u in ucs:
        blockers = [b.text.get(d.lang) for b in u.blockers]
        shown = "\n".join(f"• {b}" for b in blockers[:2]) or d.tr("ready.no_blockers")
        if len(blockers) > 2:
            shown += "\n" + d.tr("ready.more_blockers", n=len(blockers) - 2)
        rows.append([str(u.rank), f"{u.name}\n{QUADRANT_LABELS[u.quadrant].get(d.lang)}",
                     "–" if u.impact.value is None else number(u.impact.value, 0, d.lang),
                     "–" if u.readiness is None else number(u.readiness, 0, d.lang), shown])
    d.w.table_slides(d.tr("ready.title"), header, rows, (0.45, 3.0, 1.0, 1.15, 5.4), numeric=(0, 2, 3), size=12)


def maturity_slide(d: Deck) -> None:
    dims = d.data.results.maturity.dimensions
    if not dims:
        d.w.text_slides(d.tr("mat.title"), [Para(d.tr("mat.none"))])
        return
    slide, _ = d.w.add_slide(d.tr("mat.title"))
    charts.maturity_bars(slide, d.w.area, [x.name.get(d.lang) for x in dims], [x.score.value for x in dims],
                         [x.target for x in dims], current_name=d.tr("mat.current"), target_name=d.tr("mat.target"))


def risk_slides(d: Deck) -> None:
    paras: list[Para] = []
    for risk in d.data.results.risks:
        paras.append(Para(d.tr("risks.line", name=risk.name.get(d.lang), severity=d.tr(f"severity.{risk.severity}")),
                          bold=True))
        paras.append(Para(risk.description.get(d.lang), gap=False))
    d.w.text_slides(d.tr("risks.title"), paras or [Para(d.tr("sum.risks_none"))], largest=18, smallest=11)


# --------------------------------------------------------------------------- roadmap and next steps


def roadmap_slides(d: Deck) -> None:
    """Three columns, one per 30-day phase: a coloured phase bar, then each action with its owner
    and due week; columns that overflow continue on the next slide, all three side by side."""
    from pptx.enum.dml import MSO_THEME_COLOR
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Pt

    items = d.data.results.roadmap.items
    if not items:
        d.w.text_slides(d.tr("rm.title"), [Para(d.tr("rm.none"))])
        return
    a = d.w.area
    gap = int(a.width * 0.025)
    col_w = (a.width - 2 * gap) // 3
    head_h = emu(30)
    body = Box(0, a.top + head_h + emu(6), col_w, a.height - head_h - emu(6))
    w, h = d.w.text_box_size(body)
    columns: dict[int, list[Para]] = defaultdict(list)
    for phase in (1, 2, 3):
        for item in sorted((i for i in items if i.phase == phase), key=lambda i: i.due_week):
            columns[phase].append(Para(item.title.get(d.lang), bold=True, scale=1.0))
            columns[phase].append(Para(d.tr("rm.owner", owner=d.owner(item), week=item.due_week), scale=0.85,
                                       colour=MUTED, gap=False))
        if not columns[phase]:
            columns[phase].append(Para(d.tr("rm.empty"), colour=MUTED))
    smallest, largest = 9.0, 14.0
    chunks = {p: ([columns[p]] if fit_size(columns[p], w, h, largest, smallest) is not None
                  else _pairs(split(columns[p], w, h, smallest))) for p in (1, 2, 3)}
    pages = max(len(c) for c in chunks.values())
    # one type size for all three columns (the largest at which every column's page fits)
    size = min((fit_size(page, w, h, largest, smallest) or smallest) for c in chunks.values() for page in c)
    for k in range(pages):
        title = d.tr("rm.title") if k == 0 else t("continued", d.lang, title=d.tr("rm.title"))
        slide, _ = d.w.add_slide(title)
        for phase in (1, 2, 3):
            left = a.left + (phase - 1) * (col_w + gap)
            bar = slide.shapes.add_shape(MSO_SHAPE.PENTAGON if phase < 3 else MSO_SHAPE.RECTANGLE,
                                         left, a.top, col_w, head_h)
            bar.name = f"Phase {phase}"
            bar.fill.solid()
            bar.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            bar.fill.fore_color.brightness = (0.0, 0.25, 0.45)[phase - 1]
            bar.line.fill.background()
            bar.shadow.inherit = False
            tf = bar.text_frame
            tf.text = PHASE_LABELS[phase].get(d.lang)
            run = tf.paragraphs[0].runs[0]
            run.font.size = Pt(14)
            run.font.bold = True
            run.font.color.theme_color = MSO_THEME_COLOR.BACKGROUND_1
            page = chunks[phase][k] if k < len(chunks[phase]) else []
            if page:
                d.w.text_box(slide, Box(left, body.top, col_w, body.height), page, size, size,
                             name=f"Actions, phase {phase}")


def _pairs(chunks: list[list[Para]]) -> list[list[Para]]:
    """Chunks that never separate an action's title (bold) from its owner line."""
    out: list[list[Para]] = []
    for chunk in chunks:
        if out and chunk and not chunk[0].bold and out[-1]:
            chunk = [out[-1].pop(), *chunk]
        out.append(chunk)
    return [c for c in out if c]


def next_steps_slide(d: Deck) -> None:
    items = list(d.data.results.roadmap.items)
    order = {id(i): k for k, i in enumerate(items)}
    first = sorted(items, key=lambda i: (i.phase, i.due_week, order[id(i)]))[:5]
    from readiness_app.backlog.items import due_date, workshop_day

    start = workshop_day(d.data)
    paras: list[Para] = []
    for n, item in enumerate(first, start=1):
        due = due_date(start, item.due_week)
        when = due.isoformat() if due else d.tr("next.week", week=item.due_week)
        paras.append(Para(f"{n}. {item.title.get(d.lang)}", bold=True))
        paras.append(Para(d.tr("next.line", owner=d.owner(item), when=when), scale=0.9, colour=MUTED, gap=False,
                          indent=18))
    d.w.text_slides(d.tr("next.title"), paras or [Para(d.tr("rm.none"))], largest=20, smallest=12)


# --------------------------------------------------------------------------- appendix


def appendix_slides(d: Deck) -> None:
    r = d.data.results
    done = {c.questionnaire_id: c.ratio for c in r.completeness}
    names = {u.use_case_id: u.name for u in r.use_cases}

    def where(scope_id: str) -> str:
        return d.tr("app.org") if scope_id == ORGANISATION else names.get(scope_id, scope_id)

    def question_text(qid: str) -> str:
        question = d.data.library.question(qid)
        return question.text.get(d.lang) if question else qid

    for q in d.data.library.questionnaires:
        if q.id not in done:
            continue
        ids = {x.id for x in q.questions}
        scored = [c for c in r.consensus if c.question_id in ids and c.numeric is not None and not c.not_applicable
                  and (lib_q := d.data.library.question(c.question_id)) is not None and lib_q.scored]
        per_uc = {c.scope for c in r.consensus if c.question_id in ids and c.scope != ORGANISATION}
        scope = d.tr("app.scope_uc", n=len(per_uc)) if per_uc else d.tr("app.scope_org")
        paras = [Para(d.tr("app.version", version=q.version, kind=scope, pct=_pct(done[q.id], d.lang)),
                      colour=MUTED, scale=0.9)]
        lowest = sorted(scored, key=lambda c: (c.numeric or 0.0, c.question_id))[:4]
        if lowest:
            paras.append(Para(d.tr("app.lowest"), bold=True))
            paras += [Para(d.tr("app.value", question=question_text(c.question_id), scope=where(c.scope),
                                value=number(c.numeric or 0.0, 1, d.lang)), bullet=True, gap=False) for c in lowest]
        else:  # a questionnaire of figures and facts (the operating baseline): what the room recorded
            recorded = [c for c in r.consensus if c.question_id in ids and not c.not_applicable
                        and c.value not in (None, "", [])][:5]
            paras.append(Para(d.tr("app.recorded"), bold=True))
            paras += [Para(d.tr("app.answer", question=question_text(c.question_id), scope=where(c.scope),
                                value=_value_text(c.value, d.lang)), bullet=True, gap=False) for c in recorded]
            if not recorded:
                paras.append(Para(d.tr("app.nothing"), gap=False))
        split_room = [c for c in r.disagreements if c.question_id in ids][:3]
        paras.append(Para(d.tr("app.disagreements"), bold=True))
        for c in split_room:
            votes = [v for v in c.vote_numbers if v is not None]
            paras.append(Para(d.tr("app.spread", question=question_text(c.question_id), scope=where(c.scope),
                                   low=number(min(votes), 0, d.lang) if votes else "–",
                                   high=number(max(votes), 0, d.lang) if votes else "–"), bullet=True, gap=False))
        if not split_room:
            paras.append(Para(d.tr("app.disagreements_none"), gap=False))
        d.w.text_slides(d.tr("app.title", name=q.title.get(d.lang)), paras, largest=16, smallest=10)


def _value_text(value: Any, lang: str) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float):
        text = f"{float(value):g}"
        return text.replace(".", ",") if lang == "de" else text
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


SLIDES = (title_slide, scope_slide, summary_slide, matrix_slide, readiness_slides, maturity_slide, risk_slides,
          roadmap_slides, next_steps_slide, appendix_slides)

__all__ = ["SLIDES", "Deck", "pt"]
