"""The appendix: the room's answers, the method and the questionnaire versions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Spacer,
    Table,
)

from readiness_app import __version__
from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Question
from readiness_app.report.layout import (
    FONT_BOLD,
    FRAME_W,
    INK,
    MUTED,
    SEVERITY_COLOURS,
    ValueCell,
    VerticalLabel,
    esc,
    table,
    tint,
)
from readiness_app.scoring.results import (
    QuestionConsensus,
    UseCaseResult,
)

if TYPE_CHECKING:
    pass


from readiness_app.report.chapters.base import Ctx, answer_text
from readiness_app.report.language import percent
from readiness_app.report.texts import all_keys

# --------------------------------------------------------------------------- appendix


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
            spread = ctx.num(c.spread, None)
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
        value = ctx.num(float(c.value), None)
    elif c.numeric is not None and q.scored:
        value = ctx.num(c.numeric, None)
    else:
        value = answer_text(ctx, q, c)
        if stringWidth(value, FONT_BOLD, 7.6) > 34:  # a choice in words: listed in full below the table
            return ValueCell("✎", "", colour=INK, spread_colour=muted, bold=False)
    spread = ""
    if c.spread is not None and len(c.votes) >= 2:
        spread = f"Δ {ctx.num(c.spread, None)}"
    consensus = c.source == "consensus"
    return ValueCell(value, spread, colour=ctx.accent if consensus else INK,
                     spread_colour=red if c.disagreement else muted, bold=consensus or c.disagreement)


def _header_height(ucs: Sequence[UseCaseResult]) -> float:
    """Room for the rotated names: 30 mm, more (up to 42 mm) when a name holds a word that long."""
    longest = max((stringWidth(w, FONT_BOLD, 6.0) for u in ucs for w in f"{u.rank}  {u.name}".replace("-", "- ").split()),
                  default=0.0)
    return float(min(42 * mm, max(30 * mm, longest + 8)))


def _matrix(ctx: Ctx, questions: Sequence[Question], ucs: Sequence[UseCaseResult],
            shortened: list[UseCaseResult] | None = None) -> Table:
    st = ctx.st
    col = min(0.085, 0.56 / max(1, len(ucs)))
    q_share = 1 - col * len(ucs)
    head: list[Any] = [ctx.p(ctx.tr("ap.col.question"), st.cell_head)]
    lines = max(3, min(4, int((col * FRAME_W - 3) / (6.6 * 1.2))))
    labels = [VerticalLabel(f"{u.rank}  {u.name}", _header_height(ucs), size=6.6, max_lines=lines,
                            hyphenation=st.hyphenation) for u in ucs]
    if shortened is not None:  # a name that had to be shortened is listed in full below the table
        shortened += [u for u, label in zip(ucs, labels, strict=True) if label.shortened]
    head += labels
    rows: list[list[Any]] = [head]
    extra: list[tuple[Any, ...]] = [("VALIGN", (1, 1), (-1, -1), "MIDDLE"),
                                    ("LEFTPADDING", (1, 0), (-1, -1), 1.5),
                                    ("RIGHTPADDING", (1, 0), (-1, -1), 1.5)]
    for i, q in enumerate(questions, start=1):
        unit = f"\u00a0<font color='#5F6B73'>({esc(q.unit.get(ctx.lang))})</font>" if q.unit else ""
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
            elif (q.type in ("choice", "checklist") and not c.not_applicable and c.value is not None
                  and not (c.numeric is not None and q.scored)
                  and stringWidth(answer_text(ctx, q, c), FONT_BOLD, 7.6) > 34):
                parts.append(f"<b>{esc(answer_text(ctx, q, c))}</b>")
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
                cut: list[UseCaseResult] = []
                out.append(_matrix(ctx, per_uc, chunk, cut))
                if cut:
                    out.append(ctx.p(ctx.tr("ap.columns", names="; ".join(f"{u.rank} {u.name}" for u in cut)),
                                     st.muted))
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
    out.append(ctx.p(ctx.tr("method.4", sm=ctx.num(engine.STAGE_MET, None), dt=engine.DEFAULT_TARGET)))
    out.append(ctx.p(ctx.tr("method.5")))

    # versions
    versions: list[Any] = [ctx.sub_heading(ctx.tr("ap.versions"))]
    completeness = {c.questionnaire_id: c for c in ctx.r.completeness}
    vrows: list[list[Any]] = [[ctx.p(ctx.tr(k), st.cell_head) for k in
                               ("ap.col.questionnaire", "ap.col.kind", "ap.col.version", "ap.col.answered",
                                "ap.col.fingerprint")]]
    for qn in ctx.lib.questionnaires:
        comp = completeness.get(qn.id)
        share = percent(comp.ratio, ctx.lang) if comp is not None and comp.applicable_weight else "–"
        vrows.append([ctx.m(f"<b>{esc(qn.title.get(ctx.lang))}</b>", st.cell),
                      ctx.p(ctx.tr(f"kind.{qn.kind}") if f"kind.{qn.kind}" in all_keys() else qn.kind, st.cell),
                      ctx.p(qn.version, st.cell), ctx.p(share, st.cell),
                      ctx.m(f"<font size='6.5'>{esc(qn.sha256[:32])}<br/>{esc(qn.sha256[32:])}</font>", st.cell)])
    versions.append(table(vrows, ctx.widths(0.35, 0.22, "ap.col.version", "ap.col.answered", 0.43), accent=ctx.accent))
    versions.append(Spacer(1, 4))
    if ctx.lib.library_version:
        versions.append(ctx.p(ctx.tr("ap.library", v=ctx.lib.library_version), st.muted))
    versions.append(ctx.p(ctx.tr("ap.generated", v=__version__), st.muted))
    out.append(KeepTogether(versions))
    return out
