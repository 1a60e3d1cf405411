"""Every string of the readout deck, in English and German."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "deck.kicker": ("AI readiness workshop", "KI-Readiness-Workshop"),
    "deck.title": ("AI readiness: results and next steps", "KI-Readiness: Ergebnisse und nächste Schritte"),
    "deck.subtitle": ("{client} · {dates}", "{client} · {dates}"),
    "deck.prepared_by": ("Prepared by {by}", "Erstellt von {by}"),
    "deck.confidential": ("Confidential", "Vertraulich"),
    "continued": ("{title} (continued)", "{title} (Fortsetzung)"),
    "more": ("… and {n} more", "… und {n} weitere"),
    "none": ("None recorded.", "Nichts erfasst."),
    # engagement and scope
    "scope.title": ("Engagement and scope", "Auftrag und Umfang"),
    "scope.client": ("Client", "Kunde"),
    "scope.workshop": ("Workshop", "Workshop"),
    "scope.dates": ("Dates", "Termine"),
    "scope.date_unset": ("no date recorded", "kein Datum erfasst"),
    "scope.facilitator": ("Facilitation", "Moderation"),
    "scope.participants": ("Participants", "Teilnehmende"),
    "scope.participants_line": ("{n} people: {roles}", "{n} Personen: {roles}"),
    "scope.use_cases": ("Use cases assessed", "Bewertete Anwendungsfälle"),
    "scope.questionnaires": ("Questionnaires", "Fragebögen"),
    "scope.questionnaire_line": ("{name} (v{version}): {pct} answered", "{name} (v{version}): {pct} beantwortet"),
    # executive summary
    "sum.title": ("Executive summary", "Management Summary"),
    "sum.lane": ("First production lane: {name}", "Erster Produktionspfad: {name}"),
    "sum.lane_none": ("No first production lane yet", "Noch kein erster Produktionspfad"),
    "sum.lane_conditional": ("Recommended once its blockers are resolved.",
                             "Empfohlen, sobald seine Blocker behoben sind."),
    "sum.risks": ("Top risks", "Größte Risiken"),
    "sum.risks_none": ("No risk flags were raised.", "Es wurden keine Risiken markiert."),
    "sum.metric": ("The metric to move: {metric}", "Die Kennzahl, die sich bewegen soll: {metric}"),
    "sum.metric_unset": ("The metric to move: not yet agreed (set it in the first 30 days)",
                         "Die Kennzahl, die sich bewegen soll: noch nicht vereinbart (in den ersten 30 Tagen festlegen)"),
    "sum.metric_values": ("Today {now}; target {target}", "Heute {now}; Ziel {target}"),
    "sum.metric_now": ("Today {now}; target to be set", "Heute {now}; Ziel noch festzulegen"),
    "sum.metric_target": ("Target {target}; measure today's value first",
                          "Ziel {target}; zuerst den heutigen Wert messen"),
    "sum.maturity": ("Overall maturity: level {level} ({name}), score {score} of 4",
                     "Reifegrad gesamt: Stufe {level} ({name}), Wert {score} von 4"),
    "severity.high": ("high", "hoch"),
    "severity.medium": ("medium", "mittel"),
    "severity.low": ("low", "niedrig"),
    # priority matrix
    "matrix.title": ("Use-case priority matrix", "Priorisierungsmatrix der Anwendungsfälle"),
    "matrix.x": ("Readiness (0-100)", "Reife (0-100)"),
    "matrix.y": ("Business impact (0-100)", "Geschäftsnutzen (0-100)"),
    "matrix.series": ("Use cases (bubble size: control complexity)",
                      "Anwendungsfälle (Blasengröße: Kontrollkomplexität)"),
    "matrix.key": ("Rank · use case · quadrant", "Rang · Anwendungsfall · Quadrant"),
    "matrix.unplotted": ("Not yet scored: {names}", "Noch nicht bewertet: {names}"),
    "matrix.none": ("No use case has been scored yet.", "Noch kein Anwendungsfall ist bewertet."),
    # readiness per use case
    "ready.title": ("Readiness and blockers per use case", "Reife und Blocker je Anwendungsfall"),
    "ready.col.rank": ("#", "#"),
    "ready.col.use_case": ("Use case", "Anwendungsfall"),
    "ready.col.impact": ("Impact", "Nutzen"),
    "ready.col.readiness": ("Readiness", "Reife"),
    "ready.col.blockers": ("Blockers", "Blocker"),
    "ready.no_blockers": ("none", "keine"),
    "ready.more_blockers": ("+{n} more", "+{n} weitere"),
    "ready.none": ("No use cases were assessed.", "Es wurden keine Anwendungsfälle bewertet."),
    # maturity
    "mat.title": ("Maturity per dimension: current against target",
                  "Reifegrad je Dimension: heute und Ziel"),
    "mat.current": ("Current score", "Heutiger Wert"),
    "mat.target": ("Target level", "Zielstufe"),
    "mat.none": ("The maturity questionnaire has not been answered yet.",
                 "Der Reifegrad-Fragebogen ist noch nicht beantwortet."),
    # risks
    "risks.title": ("Risks", "Risiken"),
    "risks.line": ("{name} ({severity})", "{name} ({severity})"),
    # roadmap
    "rm.title": ("The 90-day roadmap", "Die 90-Tage-Roadmap"),
    "rm.item": ("{title}", "{title}"),
    "rm.owner": ("{owner} · week {week}", "{owner} · Woche {week}"),
    "rm.unnamed": ("{role} (to be named)", "{role} (noch zu benennen)"),
    "rm.empty": ("No actions in this phase.", "Keine Maßnahmen in dieser Phase."),
    "rm.none": ("The roadmap has no actions yet.", "Die Roadmap enthält noch keine Maßnahmen."),
    # next steps
    "next.title": ("Next steps", "Nächste Schritte"),
    "next.line": ("{owner}, by {when}", "{owner}, bis {when}"),
    "next.week": ("week {week}", "Woche {week}"),
    # appendix
    "app.title": ("Appendix: {name}", "Anhang: {name}"),
    "app.version": ("Version {version}, {kind}; {pct} of the applicable questions answered",
                    "Version {version}, {kind}; {pct} der zutreffenden Fragen beantwortet"),
    "app.scope_org": ("answered for the organisation", "für die Organisation beantwortet"),
    "app.scope_uc": ("answered per use case ({n})", "je Anwendungsfall beantwortet ({n})"),
    "app.lowest": ("Lowest-rated answers of the room", "Am niedrigsten bewertete Antworten des Raums"),
    "app.disagreements": ("Where the room disagreed", "Wo der Raum uneins war"),
    "app.disagreements_none": ("No question split the room by two or more points.",
                               "Keine Frage hat den Raum um zwei oder mehr Punkte gespalten."),
    "app.value": ("{question} ({scope}): {value} of 4", "{question} ({scope}): {value} von 4"),
    "app.spread": ("{question} ({scope}): votes from {low} to {high}",
                   "{question} ({scope}): Stimmen von {low} bis {high}"),
    "app.org": ("organisation", "Organisation"),
    "app.nothing": ("No answers yet.", "Noch keine Antworten."),
    "app.recorded": ("What the room recorded", "Was der Raum erfasst hat"),
    "app.answer": ("{question} ({scope}): {value}", "{question} ({scope}): {value}"),
}


def t(key: str, lang: str, **fields: object) -> str:
    """The text ``key`` in ``lang`` ("de" or anything else for English), with ``fields`` filled in."""
    en, de = TEXTS[key]
    return (de if lang == "de" else en).format(**fields)


def number(value: float, digits: int, lang: str) -> str:
    """A number with a decimal comma in German."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "de" else text
