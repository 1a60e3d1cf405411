"""The scorecard's "AI Act & standards" sheet: the EU AI Act class of every use case with the rules and
articles behind it, the duties with their dates, and the coverage of NIST AI RMF, ISO/IEC 42001 and
the AI Act per area with the questions behind each (scoring/ai_act.py, scoring/framework_coverage.py).

A view of the results only: the data sheet that makes the round trip holds the answers, so this
sheet adds nothing the importer reads.
"""

from __future__ import annotations

from typing import Any

from readiness_app.model import role_label

_L: dict[str, tuple[str, str]] = {
    "sheet": ("AI Act & standards", "KI-VO & Standards"),
    "title": ("EU AI Act and standards", "KI-Verordnung und Standards"),
    "note": ("A structured screening for the workshop, not legal advice: have counsel confirm each class and "
             "its duties. Obligations and dates: {source}; as of {as_of}.",
             "Ein strukturiertes Screening für den Workshop, keine Rechtsberatung: Einstufung und Pflichten "
             "rechtlich bestätigen lassen. Pflichten und Fristen: {source}; Stand {as_of}."),
    "use_case": ("Use case", "Anwendungsfall"),
    "class": ("AI Act class", "Einstufung"),
    "role": ("Role", "Rolle"),
    "why": ("Why (article: rule)", "Warum (Artikel: Regel)"),
    "open": ("Open duties", "Offene Pflichten"),
    "next": ("Next date", "Nächste Frist"),
    "obligation": ("Obligation", "Pflicht"),
    "article": ("Article", "Artikel"),
    "from": ("Applies from", "Gilt ab"),
    "owner_role": ("Owner role", "Verantwortliche Rolle"),
    "status": ("Status", "Status"),
    "met": ("met", "erfüllt"),
    "open_status": ("open", "offen"),
    "framework": ("Framework", "Rahmenwerk"),
    "coverage": ("Coverage", "Abdeckung"),
    "area": ("Area", "Bereich"),
    "questions": ("Questions behind it", "Zugrunde liegende Fragen"),
    "missing": ("not answered", "nicht beantwortet"),
    "not_screened": ("not screened", "nicht geprüft"),
}


WIDTHS = [34, 20, 22, 70, 12, 14]  # one set of columns for the three tables


def sheet_name(lang: str) -> str:
    return _t("sheet", lang)


def _t(key: str, lang: str) -> str:
    en, de = _L[key]
    return de if lang == "de" else en


def write_regulation_sheet(sc: Any, ws: Any) -> None:
    """Fill ``ws`` from the scorecard ``sc`` (its results, library, language and cell helpers)."""
    from readiness_app.excel.sheet_format import print_setup
    from readiness_app.scoring.ai_act import CLASS_LABELS, ROLE_LABELS, article_text
    from readiness_app.scoring.framework_coverage import STATUS_LABELS

    lang = sc.lang
    results = sc.results
    obligations = sc.library.regulation.obligations if sc.library.regulation is not None else None
    sc._put(ws, 1, 1, _t("title", lang), "RS Title")
    if obligations is not None:
        note = _t("note", lang).replace("{source}", obligations.source.get(lang)).replace("{as_of}", obligations.as_of)
        sc._put(ws, 2, 1, note, "RS Note")
    r = 4
    sc._header(ws, r, [_t(k, lang) for k in ("use_case", "class", "role", "why", "open", "next")], WIDTHS)
    for u in results.use_cases:
        r += 1
        ai = u.ai_act
        if ai is None or not ai.assessed:
            values: list[Any] = [u.name, _t("not_screened", lang), "", "", None, ""]
        else:
            role = ROLE_LABELS[ai.role].get(lang) if ai.role in ROLE_LABELS else _t("missing", lang)
            why = "\n".join(f"{article_text(x.article, lang)}: {x.text.get(lang)}" for x in ai.reasons)
            dates = [o.applies_from for o in ai.open_obligations]
            values = [u.name, CLASS_LABELS[ai.class_].get(lang), role, why, len(ai.open_obligations),
                      min(dates) if dates else ""]
        for c, (v, style) in enumerate(zip(values, ("RS Text", "RS Text", "RS Text", "RS Wrap", "RS Number",
                                                    "RS Text"), strict=True), start=1):
            sc._put(ws, r, c, v, style)
    r += 2
    sc._header(ws, r, [_t(k, lang) for k in ("obligation", "article", "owner_role", "use_case", "from", "status")],
               WIDTHS)
    for u in results.use_cases:
        for o in (u.ai_act.obligations if u.ai_act is not None else ()):
            r += 1
            values = [o.title.get(lang), o.article, role_label(o.owner_role, lang), u.name, o.applies_from,
                      _t("met" if o.met else "open_status", lang)]
            for c, v in enumerate(values, start=1):
                sc._put(ws, r, c, v, "RS Wrap" if c in (1, 4) else "RS Text")
    fc = results.framework_coverage
    if fc is not None:
        r += 2
        sc._header(ws, r, [_t(k, lang) for k in ("framework", "area", "status", "questions", "coverage")],
                   WIDTHS[:5])
        for fw in fc.frameworks():
            for a in fw.areas:
                r += 1
                values = [fw.name.get(lang), a.id, STATUS_LABELS[a.status].get(lang),
                          f"{a.name.get(lang)}: {', '.join(a.questions) or '–'}", fw.coverage]
                for c, v in enumerate(values, start=1):
                    sc._put(ws, r, c, v, "RS Percent" if c == 5 else "RS Wrap" if c == 4 else "RS Text")
    ws.freeze_panes = "B5"
    print_setup(ws)
