"""The cover and the contents."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    Spacer,
    Table,
)

from readiness_app.report.layout import (
    RULE,
    format_dates,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx

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
