"""The scorecard's sheet for each imported instrument: its index, its sections' indices and every answer.

An imported instrument (questionnaire/imported.py) is not one of our dimensions, so its answers
would otherwise only appear in the responses sheet. Each gets a sheet of its own, named after it:
the index of the whole instrument and of each section (scoring/imported.py), and one row per
question with the workbook's id, the answer's label, its value on 0-4, the note and where the
answer came from. A view only: the hidden data sheet, which makes the round trip, already carries
the instrument's text and its answers.
"""

from __future__ import annotations

from typing import Any

from readiness_app.model import CONSENSUS

_L: dict[str, tuple[str, str]] = {
    "summary": ("Imported instrument: index {index} of 100 ({answered} of {questions} questions answered)",
                "Importiertes Instrument: Index {index} von 100 ({answered} von {questions} Fragen beantwortet)"),
    "no_index": ("Imported instrument: no index yet (no scored answer)",
                 "Importiertes Instrument: noch kein Index (keine bewertete Antwort)"),
    "section": ("Section", "Abschnitt"),
    "id": ("Id", "ID"),
    "question": ("Question", "Frage"),
    "answer": ("Answer", "Antwort"),
    "value": ("Value (0-4)", "Wert (0-4)"),
    "index": ("Index", "Index"),
    "note": ("Note", "Notiz"),
    "source": ("Source", "Quelle"),
    "na": ("not applicable", "nicht anwendbar"),
    "votes": ("{count} vote(s), no consensus", "{count} Stimme(n), kein Konsens"),
}
WIDTHS = (22, 14, 60, 24, 12, 10, 36, 40)


def _t(key: str, lang: str) -> str:
    en, de = _L[key]
    return de if lang == "de" else en


def _decimal(x: float, lang: str) -> str:
    text = f"{x:.1f}"
    return text.replace(".", ",") if lang == "de" else text


def write_imported_sheets(sc: Any, wb: Any) -> None:
    """A sheet per imported instrument of the scorecard ``sc`` (its library, answers, language and helpers)."""
    from readiness_app.excel.sheet_format import print_setup
    from readiness_app.excel.workbook_io import sheet_title
    from readiness_app.scoring.imported import instrument_index

    lang = sc.lang
    for qn in sc.library.by_kind("imported"):
        ids = {q.id for q in qn.questions}
        answers = [a for a in sc.answers if a.question_id in ids]
        index = instrument_index(qn, answers)
        ws = wb.create_sheet(sheet_title(qn.title.get(lang), sc.taken))
        sc._put(ws, 1, 1, qn.title.get(lang), "RS Title")
        summary = (_t("summary", lang).format(index=_decimal(index.index, lang), answered=index.answered,
                                              questions=index.questions)
                   if index.index is not None else _t("no_index", lang))
        sc._put(ws, 2, 1, summary, "RS Note")
        for row in (1, 2):  # the title and the index read across the sheet, not wrapped in column A
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(WIDTHS))
        r = 4
        sc._header(ws, r, [_t(k, lang) for k in ("section", "id", "question", "answer", "value", "index", "note",
                                                  "source")], WIDTHS)
        by_question: dict[str, list[Any]] = {}
        for a in answers:
            by_question.setdefault(a.question_id, []).append(a)
        for sec, sec_index in zip(qn.sections, index.sections, strict=True):
            r += 1
            sc._put(ws, r, 1, sec.title.get(lang), "RS Label")
            if sec_index.index is not None:
                sc._put(ws, r, 6, sec_index.index, "RS Value")
            for q in sec.questions:
                agreed = [a for a in by_question.get(q.id, []) if a.participant_id == CONSENSUS]
                votes = [a for a in by_question.get(q.id, []) if a.participant_id != CONSENSUS]
                for a in agreed or [None]:
                    r += 1
                    label: str = ""
                    value: float | None = None
                    if a is not None and a.not_applicable:
                        label = _t("na", lang)
                    elif a is not None and isinstance(a.value, str):
                        option = q.option(a.value)
                        label = option.label.get(lang) if option is not None else a.value
                        value = option.value if option is not None else None
                    elif a is None and votes:
                        label = _t("votes", lang).format(count=len(votes))
                    ref = q.id.rsplit(".", 1)[-1]
                    from_help = [line for line in q.help.en.splitlines() if "; id " in line]
                    if from_help:
                        ref = from_help[-1].rsplit("; id ", 1)[1].rstrip(".")
                    values: list[Any] = [sec.title.get(lang), ref, q.text.get(lang), label, value, None,
                                         a.note if a is not None else "", a.source if a is not None else ""]
                    for c, (v, style) in enumerate(zip(values, ("RS Text", "RS Text", "RS Wrap", "RS Text",
                                                                "RS Value", "RS Value", "RS Wrap", "RS Text"),
                                                       strict=True), start=1):
                        sc._put(ws, r, c, v, style)
        ws.freeze_panes = "A5"
        print_setup(ws)
