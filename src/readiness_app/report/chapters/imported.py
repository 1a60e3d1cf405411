"""Imported instruments: an earlier assessment's own questions (questionnaire/imported.py), each with its
index (scoring/imported.py) per section and overall, and the room's answer to every question with
its value on 0-4. The chapter is left out when the assessment has no imported instrument."""

from __future__ import annotations

from typing import Any

from readiness_app.model import CONSENSUS, Answer
from readiness_app.report.chapters.base import Ctx
from readiness_app.report.layout import esc, table
from readiness_app.scoring.imported import instrument_index

_L: dict[str, tuple[str, str]] = {
    "intro": ("Questions the team brought from an earlier assessment that have no counterpart in our "
              "questionnaires. They are kept as they were asked, with their answers on a 0-4 scale (the value "
              "map of the import), and indexed separately: they do not change the scores of the other chapters.",
              "Fragen aus einer früheren Bewertung des Teams, die keine Entsprechung in unseren Fragebögen haben. "
              "Sie bleiben so, wie sie gestellt wurden, mit ihren Antworten auf einer Skala von 0 bis 4 (der "
              "Wertzuordnung des Imports), und erhalten einen eigenen Index: Die Werte der anderen Kapitel "
              "ändern sie nicht."),
    "index": ("Index {index} of 100, from {answered} of {questions} questions answered.",
              "Index {index} von 100, aus {answered} von {questions} beantworteten Fragen."),
    "no_index": ("No index yet: no question has a scored answer.",
                 "Noch kein Index: Keine Frage hat eine bewertete Antwort."),
    "section": ("Section", "Abschnitt"),
    "question": ("Question", "Frage"),
    "answer": ("Answer", "Antwort"),
    "value": ("Value (0-4)", "Wert (0-4)"),
    "na": ("not applicable", "nicht anwendbar"),
    "none": ("not answered", "nicht beantwortet"),
}


def _t(ctx: Ctx, key: str) -> str:
    en, de = _L[key]
    return de if ctx.lang == "de" else en


def section_imported(ctx: Ctx) -> list[Any]:
    """The chapter, or nothing when the assessment has no imported instrument."""
    instruments = ctx.lib.by_kind("imported")
    if not instruments:
        return []
    st = ctx.st
    out: list[Any] = [ctx.chapter_heading("imported"), ctx.p(_t(ctx, "intro"), st.lead)]
    for qn in instruments:
        ids = {q.id for q in qn.questions}
        cons = [c for c in ctx.r.consensus if c.question_id in ids]
        answers = [Answer(c.question_id, c.scope, CONSENSUS, c.value, c.not_applicable) for c in cons]
        index = instrument_index(qn, answers)
        out.append(ctx.sub_heading(qn.title.get(ctx.lang)))
        if index.index is None:
            out.append(ctx.p(_t(ctx, "no_index")))
        else:
            out.append(ctx.p(_t(ctx, "index").format(index=ctx.num(index.index, 1), answered=index.answered,
                                                     questions=index.questions)))
        rows: list[list[Any]] = [[ctx.p(_t(ctx, k), st.cell_head) for k in ("question", "answer", "value")]]
        extra: list[tuple[Any, ...]] = []
        by_question: dict[str, list[Any]] = {}
        for c in cons:
            by_question.setdefault(c.question_id, []).append(c)
        for sec, sec_index in zip(qn.sections, index.sections, strict=True):
            shown = sec.title.get(ctx.lang)
            if sec_index.index is not None:
                shown += f" ({ctx.num(sec_index.index, 1)})"
            rows.append([ctx.m(f"<b>{esc(shown)}</b>", st.cell), "", ""])
            extra.append(("SPAN", (0, len(rows) - 1), (2, len(rows) - 1)))
            for q in sec.questions:
                for c in by_question.get(q.id) or [None]:
                    label, value = _t(ctx, "none"), ""
                    if c is not None and c.not_applicable:
                        label = _t(ctx, "na")
                    elif c is not None and isinstance(c.value, str):
                        option = q.option(c.value)
                        label = option.label.get(ctx.lang) if option is not None else c.value
                        value = ctx.num(option.value, None) if option is not None and option.value is not None else ""
                    rows.append([ctx.p(q.text.get(ctx.lang), st.cell), ctx.p(label, st.cell), ctx.p(value, st.cell)])
        out.append(table(rows, [0.62, 0.26, 0.12], accent=ctx.accent, extra=extra))
    return out
