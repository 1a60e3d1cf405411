"""Texts of our workbooks in English and German, and how answers are shown in cells."""

from __future__ import annotations

from readiness_app.model import AnswerValue
from readiness_app.questionnaire.loader import Question

LABELS: dict[str, tuple[str, str]] = {
    # shared
    "not_applicable": ("Not applicable", "Nicht anwendbar"),
    "organisation": ("Organisation", "Organisation"),
    "consensus": ("Consensus", "Konsens"),
    "client": ("Client", "Kunde"),
    "industry": ("Industry", "Branche"),
    "workshop": ("Workshop", "Workshop"),
    "dates": ("Dates", "Termine"),
    "facilitator": ("Facilitator", "Moderation"),
    "consultancy": ("Consultancy", "Beratung"),
    "language": ("Language", "Sprache"),
    # template
    "tpl_title": ("Fill-in template", "Ausfüllvorlage"),
    "tpl_intro": (
        "Please answer the questions on the following sheets before the workshop. Pick an answer from the "
        "drop-down in the Answer column (or choose Not applicable); the level descriptions beside each "
        "question explain the scale. Notes are welcome. Do not change the ID columns.",
        "Bitte beantworten Sie die Fragen auf den folgenden Blättern vor dem Workshop. Wählen Sie in der "
        "Spalte Antwort einen Eintrag aus der Liste (oder Nicht anwendbar); die Stufenbeschreibungen neben "
        "jeder Frage erläutern die Skala. Notizen sind willkommen. Bitte die ID-Spalten nicht ändern.",
    ),
    "tpl_name": ("Filled in by (your name)", "Ausgefüllt von (Ihr Name)"),
    "tpl_role": ("Your role", "Ihre Rolle"),
    "tpl_name_hint": (
        "Leave your name empty when the answers are the team's agreed answers.",
        "Lassen Sie den Namen leer, wenn die Antworten die abgestimmten Antworten des Teams sind.",
    ),
    "tpl_personal": (
        "This template is personal: its answers are imported as the vote of the person named above, "
        "hidden from the room until the facilitator reveals them.",
        "Diese Vorlage ist persönlich: Ihre Antworten werden als Stimme der oben genannten Person "
        "importiert und bleiben verborgen, bis die Moderation sie aufdeckt.",
    ),
    "tpl_for": ("Personal template for", "Persönliche Vorlage für"),
    "tpl_checklist": ("Several options separated by ;", "Mehrere Optionen, getrennt durch ;"),
    "tpl_number": ("A number", "Eine Zahl"),
    "tpl_not_number": ("Enter a number (or \"{na}\").", "Geben Sie eine Zahl ein (oder „{na}“)."),
    "tpl_not_number_title": ("Not a number", "Keine Zahl"),
    "tpl_pick": ("Pick an answer from the list.", "Wählen Sie eine Antwort aus der Liste."),
    "tpl_bad": ("Not one of the answers", "Keine der vorgesehenen Antworten"),
    "col_id": ("ID", "ID"),
    "col_section": ("Section", "Abschnitt"),
    "col_use_case": ("Use case", "Anwendungsfall"),
    "col_question": ("Question", "Frage"),
    "col_answer": ("Answer", "Antwort"),
    "col_note": ("Note", "Notiz"),
    "col_guidance": ("Guidance", "Hinweis"),
    "col_level": ("Level", "Stufe"),
    "col_options": ("Options", "Optionen"),
    "col_unit": ("Unit", "Einheit"),
    "col_scope": ("Scope id", "Bereichs-ID"),
    # scorecard sheets
    "sh_summary": ("Summary", "Übersicht"),
    "sh_priorities": ("Use-case priorities", "Priorisierung"),
    "sh_data": ("Data readiness", "Datenbereitschaft"),
    "sh_maturity": ("Maturity", "Reifegrad"),
    "sh_roadmap": ("Roadmap", "Fahrplan"),
    "sh_responses": ("Responses", "Antworten"),
    "sh_about": ("About", "Info"),
    # summary
    "sc_title": ("AI readiness scorecard", "Scorecard KI-Reife"),
    "overall_level": ("Overall maturity level", "Gesamtreifegrad"),
    "overall_score": ("Overall maturity score (1-4)", "Reifegrad-Punktwert gesamt (1-4)"),
    "first_lane": ("First production lane", "Erster Produktionspfad"),
    "first_lane_none": ("No use case is ready yet", "Noch kein Anwendungsfall ist bereit"),
    "conditional": ("once its blockers are resolved", "sobald die Blocker gelöst sind"),
    "why": ("Why", "Begründung"),
    "top_risks": ("Top risks", "Wichtigste Risiken"),
    "severity": ("Severity", "Schweregrad"),
    "risk": ("Risk", "Risiko"),
    "evidence": ("Evidence", "Nachweis"),
    "risk_org": ("Organisation-wide", "Für die gesamte Organisation"),
    "risk_for": ("For {names}", "Für {names}"),
    "completeness": ("Completeness", "Vollständigkeit"),
    "questionnaire": ("Questionnaire", "Fragebogen"),
    "version": ("Version", "Version"),
    "chart_priority": ("Use-case priority (0-100)", "Priorität der Anwendungsfälle (0-100)"),
    "chart_maturity": ("Maturity by dimension (1-4) and target", "Reifegrad je Dimension (1-4) und Ziel"),
    "high": ("high", "hoch"),
    "medium": ("medium", "mittel"),
    "low": ("low", "niedrig"),
    # priorities
    "rank": ("Rank", "Rang"),
    "use_case": ("Use case", "Anwendungsfall"),
    "stage": ("Stage", "Phase"),
    "priority": ("Priority", "Priorität"),
    "impact": ("Impact", "Nutzen"),
    "readiness": ("Readiness", "Bereitschaft"),
    "data_readiness": ("Data readiness", "Datenbereitschaft"),
    "control": ("Control complexity", "Kontrollkomplexität"),
    "effort": ("Effort", "Aufwand"),
    "quadrant": ("Quadrant", "Quadrant"),
    "blockers": ("Blockers", "Blocker"),
    "pri_note": ("Scores 0-100. Control complexity and effort: higher means harder.",
                 "Werte 0-100. Kontrollkomplexität und Aufwand: höher bedeutet schwieriger."),
    # data readiness
    "dr_note": ("Room's answer per use case (0-4). Critical items below their threshold block production.",
                "Antwort des Teams je Anwendungsfall (0-4). Kritische Punkte unter der Schwelle blockieren den "
                "Produktivbetrieb."),
    "blockers_title": ("Blockers", "Blocker"),
    "question": ("Question", "Frage"),
    "value": ("Value", "Wert"),
    "threshold": ("Threshold", "Schwelle"),
    "none": ("None", "Keine"),
    # maturity
    "dimension": ("Dimension", "Dimension"),
    "score": ("Score (1-4)", "Punktwert (1-4)"),
    "level": ("Level", "Stufe"),
    "level_name": ("Level name", "Stufenbezeichnung"),
    "target": ("Target", "Ziel"),
    "gap": ("Gap", "Abstand"),
    "stage_n": ("Level {n} fulfilled (0-4)", "Stufe {n} erfüllt (0-4)"),
    "mat_note": ("Staged level: the highest level whose criteria and all below are met (mean at least 2.5 of 4).",
                 "Stufenmodell: die höchste Stufe, deren Kriterien und alle darunter erfüllt sind "
                 "(Mittelwert mindestens 2,5 von 4)."),
    # roadmap
    "phase": ("Phase", "Phase"),
    "action": ("Action", "Maßnahme"),
    "owner_role": ("Owner role", "Verantwortliche Rolle"),
    "owner": ("Owner", "Verantwortlich"),
    "due_week": ("Due (week)", "Fällig (Woche)"),
    "findings": ("Findings", "Befunde"),
    "edited": ("Changed by the consultant", "Vom Berater angepasst"),
    # movement (follow-ups)
    "sh_movement": ("Movement", "Veränderung"),
    "mv_title": ("Movement since the baseline", "Veränderung seit der Ausgangsbewertung"),
    "mv_note": ("Before: the baseline's results, frozen when this follow-up was started. Change = after - before.",
                "Vorher: die Ergebnisse der Ausgangsbewertung, festgehalten beim Anlegen dieser Folgebewertung. "
                "Veränderung = nachher - vorher."),
    "followup_of": ("Follow-up of", "Folgebewertung zu"),
    "baseline_of": ("the baseline of {date}", "der Ausgangsbewertung vom {date}"),
    "baseline_file": ("the baseline {file}", "der Ausgangsbewertung {file}"),
    "level_movement": ("Overall level before → after", "Gesamtreifegrad vorher → nachher"),
    "mv_dimensions": ("Maturity by dimension", "Reifegrad je Dimension"),
    "mv_use_cases": ("Use cases", "Anwendungsfälle"),
    "mv_metrics": ("Baseline metrics", "Ausgangskennzahlen"),
    "mv_actions": ("Earlier roadmap actions", "Frühere Maßnahmen des Fahrplans"),
    "mv_actions_done": ("{done} of {total} done", "{done} von {total} erledigt"),
    "overall": ("Overall", "Gesamt"),
    "score_before": ("Score before", "Punktwert vorher"),
    "score_after": ("Score after", "Punktwert nachher"),
    "level_before": ("Level before", "Stufe vorher"),
    "level_after": ("Level after", "Stufe nachher"),
    "change": ("Change", "Veränderung"),
    "level_change": ("Level change", "Stufe Veränderung"),
    "presence": ("Note", "Hinweis"),
    "presence_new": ("new since the baseline", "neu seit der Ausgangsbewertung"),
    "presence_dropped": ("no longer assessed", "nicht mehr bewertet"),
    "priority_before": ("Priority before", "Priorität vorher"),
    "priority_after": ("Priority after", "Priorität nachher"),
    "readiness_before": ("Readiness before", "Bereitschaft vorher"),
    "readiness_after": ("Readiness after", "Bereitschaft nachher"),
    "rank_before": ("Rank before", "Rang vorher"),
    "rank_after": ("Rank after", "Rang nachher"),
    "metric": ("Metric", "Kennzahl"),
    "scope": ("Measured for", "Gemessen für"),
    "unit": ("Unit", "Einheit"),
    "before": ("Before", "Vorher"),
    "after": ("After", "Nachher"),
    "trend": ("Trend", "Tendenz"),
    "better": ("better", "besser"),
    "worse": ("worse", "schlechter"),
    "status": ("Status", "Status"),
    "done": ("done", "erledigt"),
    "open": ("open", "offen"),
    "still_planned": ("Still on the plan", "Noch im Plan"),
    "yes": ("yes", "ja"),
    "no": ("no", "nein"),
    # benchmark
    "sh_benchmark": ("Benchmark", "Benchmark"),
    "bm_title": ("Portfolio benchmark", "Portfolio-Benchmark"),
    "bm_note": (
        "Anonymised: {n} other assessments, no client named. Percentile: share of those assessments scoring "
        "lower (ties count half); 50 is the middle.",
        "Anonymisiert: {n} andere Bewertungen, kein Kunde genannt. Perzentil: Anteil dieser Bewertungen mit "
        "niedrigerem Wert (Gleichstand zählt halb); 50 ist die Mitte.",
    ),
    "bm_too_few": (
        "The benchmark rests on {n} other assessment(s); percentiles are shown from {min} on.",
        "Der Benchmark beruht auf {n} anderen Bewertung(en); Perzentile werden ab {min} gezeigt.",
    ),
    "bm_no_current": ("This assessment has no maturity answers to compare yet.",
                      "Diese Bewertung hat noch keine Reifegradantworten für einen Vergleich."),
    "client_score": ("This client: score (1-4)", "Dieser Kunde: Punktwert (1-4)"),
    "peers": ("Assessments compared", "Verglichene Bewertungen"),
    "q1": ("Lower quartile", "Unteres Quartil"),
    "median": ("Median", "Median"),
    "q3": ("Upper quartile", "Oberes Quartil"),
    "percentile": ("Percentile", "Perzentil"),
    "industry_percentile": ("Percentile in {industry}", "Perzentil in {industry}"),
    # about
    "format_version": ("Scorecard format", "Scorecard-Format"),
    "app_version": ("Written by", "Erstellt mit"),
    "exported_at": ("Exported at", "Exportiert am"),
    "assessment_id": ("Assessment id", "Assessment-ID"),
    "library_version": ("Action and risk library", "Maßnahmen- und Risikobibliothek"),
    "about_note": (
        "Responses lists every answer, one per row, with stable column names for other tools. The hidden data "
        "sheet lets Readiness Studio rebuild the assessment from this workbook (readiness import).",
        "Antworten enthält jede Antwort in einer Zeile mit festen Spaltennamen für andere Werkzeuge. Das "
        "ausgeblendete Datenblatt erlaubt Readiness Studio, das Assessment aus dieser Arbeitsmappe wieder "
        "herzustellen (readiness import).",
    ),
}


def label(key: str, lang: str) -> str:
    en, de = LABELS[key]
    return de if lang == "de" else en


def answer_label(q: Question | None, value: AnswerValue, lang: str, *, not_applicable: bool = False) -> str:
    """An answer as a person reads it: "3 – Mostly", an option's label, a list, a number."""
    if not_applicable:
        return label("not_applicable", lang)
    if value is None:
        return ""
    if q is None:
        return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    if q.type == "scale" and isinstance(value, int | float) and not isinstance(value, bool):
        i = int(value)
        if 0 <= i < len(q.levels):
            return f"{i} – {q.levels[i].get(lang)}"
        return str(value)
    if q.type == "choice" and isinstance(value, str):
        o = q.option(value)
        return o.label.get(lang) if o else value
    if q.type == "checklist" and isinstance(value, list):
        return "; ".join((o.label.get(lang) if (o := q.option(v)) else v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
