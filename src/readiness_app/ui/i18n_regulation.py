"""Interface strings of the EU AI Act screening step and the regulation panel of the results, in English and German.

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "step.ai_act": ("EU AI Act screening", "Screening KI-Verordnung"),
    "reg.box": ("Regulation and standards", "Regulierung und Standards"),
    "reg.disclaimer": ("A structured screening for the workshop, not legal advice: have counsel confirm each class "
                       "and its duties.",
                       "Ein strukturiertes Screening für den Workshop, keine Rechtsberatung: Lassen Sie jede "
                       "Einstufung und ihre Pflichten rechtlich bestätigen."),
    "reg.not_screened": ("Not screened: this assessment has no AI Act questionnaire.",
                         "Nicht geprüft: Diese Bewertung enthält keinen Fragebogen zur KI-Verordnung."),
    "reg.col_use_case": ("Use case", "Anwendungsfall"),
    "reg.col_class": ("AI Act class", "Einstufung"),
    "reg.col_role": ("Role", "Rolle"),
    "reg.col_open": ("Open duties", "Offene Pflichten"),
    "reg.col_next": ("Next date", "Nächste Frist"),
    "reg.col_framework": ("Framework", "Rahmenwerk"),
    "reg.col_coverage": ("Coverage", "Abdeckung"),
    "reg.col_evidenced": ("Evidenced", "Belegt"),
    "reg.col_partial": ("Partial", "Teilweise"),
    "reg.col_gap": ("Gap", "Lücke"),
    "reg.col_not_assessed": ("Not assessed", "Nicht bewertet"),
    "reg.why_hint": ("Select a use case or a framework to see why.",
                     "Wählen Sie einen Anwendungsfall oder ein Rahmenwerk, um das Warum zu sehen."),
    "reg.why_title": ("Why {name} is “{klass}”", "Warum {name} „{klass}“ ist"),
    "reg.duties": ("Duties for this role", "Pflichten für diese Rolle"),
    "reg.no_duties": ("No duties follow yet (answer the role question).",
                      "Noch folgen keine Pflichten (beantworten Sie die Frage nach der Rolle)."),
    "reg.met": ("met", "erfüllt"),
    "reg.open": ("open", "offen"),
    "reg.from": ("from {date}", "ab {date}"),
    "reg.role_missing": ("not answered", "nicht beantwortet"),
    "reg.areas": ("{name}: areas and the questions behind them", "{name}: Bereiche und die Fragen dahinter"),
}
