"""Regulation and standards: the EU AI Act screening per use case, the duties that follow, and the
coverage of NIST AI RMF 1.0, ISO/IEC 42001:2023 Annex A and the AI Act (scoring/ai_act.py,
scoring/framework_coverage.py)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape as own  # our own texts (data, not user input): never shortened

from reportlab.lib import colors

from readiness_app.report.chapters.base import Ctx
from readiness_app.report.layout import HEAT, INK, MUTED, WHITE, esc, table
from readiness_app.scoring.ai_act import CLASS_LABELS, ROLE_LABELS, article_text
from readiness_app.scoring.framework_coverage import STATUS_LABELS

CLASS_COLOURS = {  # (background, text)
    "prohibited": (colors.HexColor("#1D2B36"), WHITE),
    "high_risk": HEAT[0],
    "transparency": HEAT[1],
    "minimal": HEAT[3],
    "unclear": (colors.HexColor("#E4E8EB"), INK),
}
STATUS_COLOURS = {
    "evidenced": HEAT[3], "partial": HEAT[2], "gap": HEAT[0], "not_assessed": (colors.HexColor("#E4E8EB"), MUTED),
}


def article(ctx: Ctx, text: str) -> str:
    """An article reference in the report's language ("Anhang III Nummer 5(c)" in German)."""
    return article_text(text, ctx.lang)


def section_regulation(ctx: Ctx) -> list[Any]:
    """The chapter, or nothing when the assessment has neither an AI Act screening nor a crosswalk."""
    r = ctx.r
    screened = [u for u in r.use_cases if u.ai_act is not None and u.ai_act.assessed]
    fc = r.framework_coverage
    has_coverage = fc is not None and any(fw.areas for fw in fc.frameworks())
    if not screened and not has_coverage:
        return []
    st = ctx.st
    out: list[Any] = [ctx.chapter_heading("regulation"), ctx.p(ctx.tr("reg.intro"), st.lead),
                      ctx.m(f"<b>{esc(ctx.tr('reg.disclaimer'))}</b>", st.body)]
    obligations = ctx.lib.regulation.obligations if ctx.lib.regulation is not None else None
    if obligations is not None:
        out.append(ctx.p(ctx.tr("reg.source", source=obligations.source.get(ctx.lang), as_of=obligations.as_of), st.muted))
        out.append(ctx.m(own(obligations.note.get(ctx.lang)), st.muted))
    if screened:
        out += _classes(ctx, screened)
        out += _obligations(ctx, screened)
    if fc is not None and has_coverage:
        out += _coverage(ctx, fc)
    return out


def _classes(ctx: Ctx, screened: list[Any]) -> list[Any]:
    st = ctx.st
    out: list[Any] = [ctx.sub_heading(ctx.tr("reg.classes"))]
    rows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                              ("reg.col.use_case", "reg.col.class", "reg.col.role", "reg.col.why")]]
    extra: list[tuple[Any, ...]] = []
    for i, u in enumerate(screened, start=1):
        ai = u.ai_act
        why = "<br/>".join(f"<b>{own(article(ctx, x.article))}</b>: {own(x.text.get(ctx.lang))}" for x in ai.reasons)
        role = ROLE_LABELS[ai.role].get(ctx.lang) if ai.role in ROLE_LABELS else ctx.tr("reg.role_missing")
        rows.append([ctx.p(u.name, st.cell), ctx.m(f"<b>{esc(CLASS_LABELS[ai.class_].get(ctx.lang))}</b>", st.cell),
                     ctx.p(role, st.cell), ctx.m(why, st.cell_small)])
        bg, fg = CLASS_COLOURS[ai.class_]
        extra += [("BACKGROUND", (1, i), (1, i), bg), ("TEXTCOLOR", (1, i), (1, i), fg)]
    out.append(table(rows, [0.26, 0.14, 0.12, 0.48], accent=ctx.accent, zebra=False, extra=extra))
    return out


def _obligations(ctx: Ctx, screened: list[Any]) -> list[Any]:
    st = ctx.st
    out: list[Any] = [ctx.sub_heading(ctx.tr("reg.obligations")), ctx.p(ctx.tr("reg.obligations.intro"))]
    rows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                              ("reg.col.obligation", "reg.col.use_case", "reg.col.from", "reg.col.owner",
                               "reg.col.status")]]
    grouped: dict[str, list[tuple[Any, Any]]] = {}
    for u in screened:
        for o in u.ai_act.obligations:
            grouped.setdefault(o.id, []).append((u, o))
    if not grouped:
        return [*out, ctx.p(ctx.tr("reg.no_obligations"))]
    entries = sorted(grouped.values(), key=lambda e: (all(o.met for _, o in e), min(o.applies_from for _, o in e)))
    for entry in entries:
        o = entry[0][1]
        if len(entry) == len(screened) > 2:  # a duty of every use case (AI literacy): say so, name the open ones
            still = [u.name for u, x in entry if not x.met]
            cases = esc(ctx.tr("reg.all_cases", n=len(entry)))
            if still:
                cases += "<br/>" + esc(ctx.tr("reg.open_in", names=", ".join(still)))
        else:
            cases = "<br/>".join(esc(u.name) + (f" <font color='#5F6B73'>({esc(ctx.tr('reg.met'))})</font>"
                                                if x.met else "") for u, x in entry)
        status = ctx.tr("reg.open") if any(not x.met for _, x in entry) else ctx.tr("reg.met")
        rows.append([ctx.m(f"<b>{esc(o.article)}</b> {esc(o.title.get(ctx.lang))}", st.cell),
                     ctx.m(cases, st.cell), ctx.p(min(x.applies_from for _, x in entry), st.cell),
                     ctx.m(ctx.owner_markup(o.owner_role), st.cell), ctx.p(status, st.cell)])
    out.append(table(rows, [0.35, 0.25, 0.13, 0.17, 0.10], accent=ctx.accent))
    return out


def _coverage(ctx: Ctx, fc: Any) -> list[Any]:
    st = ctx.st
    out: list[Any] = [ctx.sub_heading(ctx.tr("reg.coverage")), ctx.p(ctx.tr("reg.coverage.intro"))]
    rows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                              ("reg.col.framework", "reg.col.coverage", "reg.status.evidenced", "reg.status.partial",
                               "reg.status.gap", "reg.status.not_assessed")]]
    for fw in fc.frameworks():
        rows.append([ctx.p(fw.name.get(ctx.lang), st.cell), ctx.p(f"{ctx.num(100 * fw.coverage)} %", st.cell),
                     *(ctx.p(str(fw.count(s)), st.cell) for s in ("evidenced", "partial", "gap", "not_assessed"))])
    out.append(table(rows, [0.34, 0.14, 0.13, 0.13, 0.13, 0.13], accent=ctx.accent))
    for fw in fc.frameworks():
        if not fw.areas:
            continue
        out.append(ctx.sub_heading(fw.name.get(ctx.lang), level=2))
        arows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                                   ("reg.col.area", "reg.col.status", "reg.col.questions")]]
        extra: list[tuple[Any, ...]] = []
        for i, a in enumerate(fw.areas, start=1):
            qs = ", ".join(a.questions) if a.questions else "–"
            arows.append([ctx.m(f"<b>{esc(a.id)}</b> {esc(a.name.get(ctx.lang))}", st.cell),
                          ctx.p(STATUS_LABELS[a.status].get(ctx.lang), st.cell), ctx.m(own(qs), st.cell_small)])
            bg, fg = STATUS_COLOURS[a.status]
            extra += [("BACKGROUND", (1, i), (1, i), bg), ("TEXTCOLOR", (1, i), (1, i), fg)]
        out.append(table(arows, [0.42, 0.13, 0.45], accent=ctx.accent, zebra=False, extra=extra))
    return out
