"""Every English and German string of the PDF report, in one place.

Strings are looked up with :func:`t` by key; ``{name}`` fields are filled with
``str.format``. Keep each key's two texts side by side so a missing translation is obvious;
``tests/test_report_pdf.py`` checks that both languages define the same keys.
"""

from __future__ import annotations

from readiness_app.questionnaire.loader import Text

# The report's sections, in order. ``sections=`` and ``--no-section`` use these ids.
SECTION_IDS: tuple[str, ...] = (
    "cover", "contents", "summary", "movement", "maturity", "portfolio", "readiness", "roadmap", "operating",
    "regulation", "imported", "appendix",
)
# Sections shown only when they apply (``movement``: follow-ups); otherwise they are left out silently.

_S: dict[str, tuple[str, str]] = {
    # ---- document
    "doc.title": ("AI readiness report and 90-day roadmap", "KI-Reifegradbericht und 90-Tage-Fahrplan"),
    "doc.short_title": ("AI readiness report", "KI-Reifegradbericht"),
    "doc.subject": ("Assessment of AI readiness, use-case priorities and the 90-day roadmap",
                    "Bewertung der KI-Reife, Priorisierung der Anwendungsfälle und 90-Tage-Fahrplan"),
    "doc.keywords": ("AI readiness, maturity, roadmap, use cases", "KI-Reife, Reifegrad, Fahrplan, Anwendungsfälle"),
    "doc.client_unnamed": ("Client not named", "Kunde nicht benannt"),
    "fulltexts.title": ("Full texts of long entries", "Vollständige Texte langer Einträge"),
    "fulltexts.intro": ("Entries marked [n] are shortened in the report; here each is given in full.",
                        "Mit [n] markierte Einträge sind im Bericht gekürzt; hier steht jeder vollständig."),
    "page": ("Page {n} of", "Seite {n} von"),
    "confidential": ("Confidential", "Vertraulich"),
    "confidential.line": (
        "Confidential. Prepared for {client} only. Not to be passed on without the written consent of {by}.",
        "Vertraulich. Ausschließlich für {client} bestimmt. Weitergabe nur mit schriftlicher Zustimmung von {by}.",
    ),
    "confidential.by_default": ("the authors", "den Verfassern"),
    # ---- cover
    "cover.prepared_for": ("Prepared for", "Erstellt für"),
    "cover.prepared_by": ("Prepared by", "Erstellt von"),
    "cover.workshop": ("Workshop", "Workshop"),
    "cover.date": ("Workshop date", "Workshop-Datum"),
    "cover.facilitator": ("Facilitation", "Moderation"),
    "cover.participants": ("Participants", "Teilnehmende"),
    "cover.date_unset": ("not recorded", "nicht erfasst"),
    # ---- section titles
    "sec.cover": ("Cover", "Titelseite"),
    "sec.contents": ("Contents", "Inhalt"),
    "sec.summary": ("Executive summary", "Management-Zusammenfassung"),
    "sec.movement": ("Progress since the baseline", "Fortschritt seit der Ausgangsbewertung"),
    "sec.maturity": ("Maturity profile", "Reifegradprofil"),
    "sec.portfolio": ("Use-case portfolio", "Portfolio der Anwendungsfälle"),
    "sec.readiness": ("Data and workflow readiness", "Daten- und Prozessbereitschaft"),
    "sec.roadmap": ("The 90-day roadmap", "Der 90-Tage-Fahrplan"),
    "sec.operating": ("Operating model", "Betriebsmodell"),
    "sec.appendix": ("Appendix", "Anhang"),
    "sec.regulation": ("Regulation and standards", "Regulierung und Standards"),
    "sec.imported": ("Imported instruments", "Importierte Instrumente"),
    # ---- regulation and standards (report/chapters/regulation.py)
    "reg.intro": ("What the EU AI Act makes of each use case, the duties that follow for the organisation's role "
                  "and from when, and how far the answers evidence NIST AI RMF 1.0, ISO/IEC 42001 and the AI Act.",
                  "Wie die KI-Verordnung jeden Anwendungsfall einstuft, welche Pflichten daraus für die Rolle der "
                  "Organisation ab wann folgen und wie weit die Antworten NIST AI RMF 1.0, ISO/IEC 42001 und die "
                  "KI-Verordnung belegen."),
    "reg.disclaimer": ("This is a structured screening for the workshop, not legal advice: have counsel confirm "
                       "each class and its duties.",
                       "Dies ist ein strukturiertes Screening für den Workshop, keine Rechtsberatung: Lassen Sie "
                       "jede Einstufung und ihre Pflichten rechtlich bestätigen."),
    "reg.source": ("Obligations and dates: {source}; as of {as_of}.", "Pflichten und Fristen: {source}; Stand {as_of}."),
    "reg.classes": ("EU AI Act class per use case", "Einstufung nach der KI-Verordnung je Anwendungsfall"),
    "reg.obligations": ("Obligations and their dates", "Pflichten und ihre Fristen"),
    "reg.obligations.intro": ("Open duties are in the roadmap, in the phase their date demands.",
                              "Offene Pflichten stehen im Fahrplan, in der Phase, die ihr Datum verlangt."),
    "reg.no_obligations": ("No obligations follow from the answers yet (the role may be missing).",
                           "Aus den Antworten folgen noch keine Pflichten (die Rolle fehlt womöglich)."),
    "reg.coverage": ("Coverage of frameworks and standards", "Abdeckung von Rahmenwerken und Standards"),
    "reg.coverage.intro": ("An area is evidenced when the answers behind it average at least 3 of 4, partial from "
                           "1.5, a gap below; coverage counts partial areas half. A mapping for the workshop, not "
                           "a certification.",
                           "Ein Bereich gilt als belegt, wenn die Antworten dahinter im Mittel mindestens 3 von 4 "
                           "erreichen, ab 1,5 als teilweise, darunter als Lücke; teilweise Bereiche zählen zur Hälfte. "
                           "Eine Zuordnung für den Workshop, keine Zertifizierung."),
    "reg.col.use_case": ("Use case", "Anwendungsfall"),
    "reg.col.class": ("Class", "Einstufung"),
    "reg.col.role": ("Role", "Rolle"),
    "reg.col.why": ("Why (rule and article)", "Warum (Regel und Artikel)"),
    "reg.col.obligation": ("Obligation", "Pflicht"),
    "reg.col.from": ("Applies from", "Gilt ab"),
    "reg.col.owner": ("Owner", "Verantwortlich"),
    "reg.col.status": ("Status", "Status"),
    "reg.col.framework": ("Framework", "Rahmenwerk"),
    "reg.col.coverage": ("Coverage", "Abdeckung"),
    "reg.col.area": ("Area", "Bereich"),
    "reg.col.questions": ("Questions behind it", "Zugrunde liegende Fragen"),
    "reg.status.evidenced": ("Evidenced", "Belegt"),
    "reg.status.partial": ("Partial", "Teilweise"),
    "reg.status.gap": ("Gap", "Lücke"),
    "reg.status.not_assessed": ("Not assessed", "Nicht bewertet"),
    "reg.met": ("met", "erfüllt"),
    "reg.all_cases": ("All {n} use cases", "Alle {n} Anwendungsfälle"),
    "reg.open_in": ("open: {names}", "offen: {names}"),
    "reg.open": ("open", "offen"),
    "reg.role_missing": ("not answered", "nicht beantwortet"),
    # ---- executive summary
    "sum.kpi.level": ("Maturity level", "Reifegrad"),
    "sum.kpi.use_cases": ("Use cases assessed", "Bewertete Anwendungsfälle"),
    "sum.kpi.participants": ("Participants", "Teilnehmende"),
    "sum.kpi.risks": ("Risk flags (high)", "Risikohinweise (hoch)"),
    "sum.kpi.actions": ("Roadmap actions", "Maßnahmen im Fahrplan"),
    "sum.maturity": ("Overall maturity", "Gesamtreifegrad"),
    "sum.level": ("Level {n} of 4: {name}", "Stufe {n} von 4: {name}"),
    "sum.level_detail": (
        "Overall score {score} of 4 across {dims} dimensions; {below} below target.",
        "Gesamtwert {score} von 4 über {dims} Dimensionen; {below} unter dem Ziel.",
    ),
    "sum.level_detail_none": ("No maturity question was answered.", "Keine Reifegradfrage wurde beantwortet."),
    "sum.low_confidence": (
        "Low confidence: fewer than half of the maturity questions were answered.",
        "Geringe Aussagekraft: weniger als die Hälfte der Reifegradfragen wurde beantwortet.",
    ),
    "sum.since": ("Since the baseline ({date}): overall level {before} → {after}.",
                  "Seit der Ausgangsbewertung ({date}): Gesamtreifegrad {before} → {after}."),
    "sum.lane": ("Recommended first production lane", "Empfohlener erster Produktionspfad"),
    "sum.lane_none": ("No first production lane yet", "Noch kein erster Produktionspfad"),
    "sum.lane_conditional": ("Recommended once its blockers are closed.",
                             "Empfohlen, sobald die Blocker behoben sind."),
    "sum.risks": ("Top three risks", "Die drei größten Risiken"),
    "sum.risks_none": ("The workshop raised no risk flags.", "Im Workshop wurden keine Risikohinweise ausgelöst."),
    "sum.metric": ("The business metric to improve within 60 days",
                   "Die Geschäftskennzahl, die sich in 60 Tagen verbessern soll"),
    "sum.metric_unset": (
        "Not set. The workshop did not agree on one business metric to improve within 60 days. "
        "Agree on it with the sponsor before Day 1: without it the first lane cannot prove its value.",
        "Nicht festgelegt. Der Workshop hat sich auf keine Geschäftskennzahl geeinigt, die sich in 60 Tagen "
        "verbessern soll. Legen Sie sie vor Tag 1 mit dem Sponsor fest: Ohne sie kann der erste "
        "Produktionspfad seinen Nutzen nicht belegen.",
    ),
    "sum.metric_note": ("Agreed by the room; record today's value before Day 1.",
                        "Vom Workshop vereinbart; den heutigen Wert vor Tag 1 erfassen."),
    "sum.metric_values": ("{now} today, {target} by day 60", "heute {now}, an Tag 60 {target}"),
    "sum.metric_now": ("{now} today; no target value set yet", "heute {now}; noch kein Zielwert festgelegt"),
    "sum.metric_target": ("{target} by day 60; today's value not yet recorded",
                          "an Tag 60 {target}; der heutige Wert ist noch nicht erfasst"),
    "sum.metric_track": ("Agreed by the room; track it weekly from Day 1.",
                         "Vom Workshop vereinbart; ab Tag 1 wöchentlich verfolgen."),
    "sum.steps": ("Next three steps", "Die nächsten drei Schritte"),
    "sum.steps_none": ("The roadmap has no actions yet.", "Der Fahrplan enthält noch keine Maßnahmen."),
    "sum.step_meta": ("{owner} · due in week {week}", "{owner} · fällig in Woche {week}"),
    # ---- levels
    "level.meaning.1": (
        "AI runs in isolated pilots. Results depend on individuals; there is no shared way yet to select, "
        "control and operate use cases.",
        "KI läuft in vereinzelten Pilotprojekten. Ergebnisse hängen an einzelnen Personen; ein gemeinsames "
        "Vorgehen für Auswahl, Kontrolle und Betrieb fehlt noch.",
    ),
    "level.meaning.2": (
        "The basics for running one use case in production are in place: named owners, defined controls, "
        "monitoring and a rollback path.",
        "Die Grundlagen für den Produktivbetrieb eines Anwendungsfalls sind vorhanden: benannte "
        "Verantwortliche, definierte Kontrollen, Überwachung und ein Rückfallpfad.",
    ),
    "level.meaning.3": (
        "Several use cases run on shared platforms, standards and governance; each new use case reuses "
        "what the earlier ones proved.",
        "Mehrere Anwendungsfälle laufen auf gemeinsamen Plattformen, Standards und Gremien; jeder neue Fall "
        "nutzt, was die früheren bewiesen haben.",
    ),
    "level.meaning.4": (
        "AI is managed as a portfolio tied to strategy, funding and business metrics, with governance "
        "built into everyday processes.",
        "KI wird als Portfolio gesteuert, verknüpft mit Strategie, Budget und Geschäftskennzahlen; die "
        "Steuerung ist in die täglichen Abläufe eingebettet.",
    ),
    "severity.high": ("High", "Hoch"),
    "severity.medium": ("Medium", "Mittel"),
    "severity.low": ("Low", "Niedrig"),
    # ---- maturity
    "mat.intro": (
        "Each dimension is scored from 1 (Pilot) to 4 (Strategic). The bar shows the continuous score and the "
        "diamond the target. The staged level counts a level only when every stage up to it is met, so it "
        "can sit below the bar.",
        "Jede Dimension wird von 1 (Pilot) bis 4 (Strategisch) bewertet. Der Balken zeigt den stetigen Wert, "
        "die Raute das Ziel. Die gestufte Reife zählt eine Stufe erst, wenn alle Stufen bis dahin erfüllt "
        "sind; sie kann daher unter dem Balken liegen.",
    ),
    "mat.dimensions": ("Dimension by dimension", "Die Dimensionen im Einzelnen"),
    "mat.chart.score": ("Score", "Wert"),
    "mat.chart.target": ("Target", "Ziel"),
    "mat.chart.level": ("Staged level", "Gestufte Reife"),
    "mat.line": ("Score {score} of 4 · staged level {level} ({name}) · target {target} ({tname})",
                 "Wert {score} von 4 · gestufte Reife {level} ({name}) · Ziel {target} ({tname})"),
    "mat.gap": ("gap of {gap} level|gap of {gap} levels", "Abstand eine Stufe|Abstand {gap} Stufen"),
    "mat.on_target": ("on target", "Ziel erreicht"),
    "mat.default_target": ("default target", "Standardziel"),
    "mat.low_confidence": ("low confidence", "geringe Aussagekraft"),
    "mat.unanswered": ("not answered", "nicht beantwortet"),
    "mat.weak": ("Not yet in place:", "Noch nicht umgesetzt:"),
    "mat.value": ("{value} of 4", "{value} von 4"),
    "mat.evidence": ("From the room:", "Aus dem Workshop:"),
    "mat.no_notes": ("No notes were recorded for this dimension.",
                     "Zu dieser Dimension wurden keine Notizen festgehalten."),
    "mat.none": ("The assessment has no maturity questions.", "Die Bewertung enthält keine Reifegradfragen."),
    # ---- benchmark (in the maturity chapter, when a portfolio is given)
    "bm.title": ("Benchmark", "Benchmark"),
    "bm.intro": (
        "Where this client stands among {n} other assessments of the portfolio, dimension by dimension. The "
        "comparison is anonymised: no other client is named. The percentile is the share of those assessments "
        "scoring lower (ties count half); 50 is the middle of the field.",
        "Wo dieser Kunde unter {n} anderen Bewertungen des Portfolios steht, Dimension für Dimension. Der "
        "Vergleich ist anonymisiert: Kein anderer Kunde wird genannt. Das Perzentil ist der Anteil dieser "
        "Bewertungen mit niedrigerem Wert (Gleichstand zählt halb); 50 ist die Mitte des Feldes.",
    ),
    "bm.too_few": (
        "The portfolio holds one other assessment to compare with. Percentiles are shown from {min} on, so that "
        "no single client can be recognised; this report therefore shows none.|"
        "The portfolio holds {n} other assessments to compare with. Percentiles are shown from {min} on, so that "
        "no single client can be recognised; this report therefore shows none.",
        "Das Portfolio enthält eine andere Bewertung zum Vergleich. Perzentile werden erst ab {min} gezeigt, "
        "damit kein einzelner Kunde erkennbar ist; dieser Bericht zeigt daher keine.|"
        "Das Portfolio enthält {n} andere Bewertungen zum Vergleich. Perzentile werden erst ab {min} gezeigt, "
        "damit kein einzelner Kunde erkennbar ist; dieser Bericht zeigt daher keine.",
    ),
    "bm.no_current": ("This assessment has no maturity answers to compare yet.",
                      "Diese Bewertung hat noch keine Reifegradantworten für einen Vergleich."),
    "bm.col.dimension": ("Dimension", "Dimension"),
    "bm.col.client": ("This client", "Dieser Kunde"),
    "bm.col.median": ("Median", "Median"),
    "bm.col.middle": ("Middle half", "Mittlere Hälfte"),
    "bm.col.peers": ("Compared", "Verglichen"),
    "bm.col.percentile": ("Percentile", "Perzentil"),
    "bm.col.industry": ("In its industry", "In der Branche"),
    "bm.industry_note": ("Last column: the percentile among the {n} assessments in the same industry ({industry}).",
                         "Letzte Spalte: das Perzentil unter den {n} Bewertungen derselben Branche ({industry})."),
    "bm.overall": ("Overall maturity", "Reifegrad gesamt"),
    # ---- progress since the baseline (follow-ups)
    "mv.intro": (
        "This review repeats the assessment of {date}. Before means the baseline's results, frozen when this "
        "review was started; after means today's answers.",
        "Diese Bewertung wiederholt die Bewertung vom {date}. Vorher sind die Ergebnisse der "
        "Ausgangsbewertung, festgehalten beim Anlegen dieser Folgebewertung; nachher die heutigen Antworten.",
    ),
    "mv.kpi.level": ("Overall maturity level", "Gesamtreifegrad"),
    "mv.kpi.score": ("Overall score (1-4)", "Gesamtwert (1-4)"),
    "mv.kpi.dimensions": ("Dimensions up / down", "Dimensionen besser / schlechter"),
    "mv.kpi.actions": ("Earlier actions done", "Frühere Maßnahmen erledigt"),
    "mv.dimensions": ("Maturity by dimension", "Reifegrad je Dimension"),
    "mv.chart.before": ("Baseline", "Ausgangsbewertung"),
    "mv.chart.after": ("Today", "Heute"),
    "mv.chart.level": ("Level", "Stufe"),
    "mv.chart.change": ("Change", "Veränderung"),
    "mv.moved": ("Moved since the baseline:", "Verändert seit der Ausgangsbewertung:"),
    "mv.level_moved": ("staged level {before} → {after}", "gestufte Reife {before} → {after}"),
    "mv.unchanged": ("One dimension scored the same as at the baseline.|{n} dimensions scored the same as at the baseline.",
                     "Eine Dimension mit demselben Wert wie bei der Ausgangsbewertung.|{n} Dimensionen mit demselben Wert wie bei der Ausgangsbewertung."),
    "mv.dim_new": ("New since the baseline: {names}.", "Neu seit der Ausgangsbewertung: {names}."),
    "mv.dim_dropped": ("No longer assessed: {names}.", "Nicht mehr bewertet: {names}."),
    "mv.use_cases": ("Use cases", "Anwendungsfälle"),
    "mv.use_cases_intro": ("Priority and combined readiness (0-100) before and after; rank in brackets.",
                           "Priorität und kombinierte Bereitschaft (0–100) vorher und nachher; Rang in Klammern."),
    "mv.col.use_case": ("Use case", "Anwendungsfall"),
    "mv.col.priority": ("Priority", "Priorität"),
    "mv.col.readiness": ("Readiness", "Bereitschaft"),
    "mv.col.before": ("Before", "Vorher"),
    "mv.col.after": ("After", "Nachher"),
    "mv.col.change": ("Change", "Veränd."),
    "mv.col.metric": ("Baseline metric", "Ausgangskennzahl"),
    "mv.col.scope": ("Measured for", "Gemessen für"),
    "mv.uc_new": ("new", "neu"),
    "mv.uc_dropped": ("no longer assessed", "nicht mehr bewertet"),
    "mv.none": ("None.", "Keine."),
    "mv.metrics": ("Baseline metrics", "Ausgangskennzahlen"),
    "mv.metrics_intro": (
        "The numbers the baseline measured, measured again. Green: better, red: worse, in the direction the "
        "questionnaire sets for each metric (higher is better unless it marks lower as better).",
        "Die Kennzahlen der Ausgangsbewertung, erneut gemessen. Grün: besser, rot: schlechter, in der Richtung, "
        "die der Fragebogen je Kennzahl festlegt (höher ist besser, außer er kennzeichnet niedriger als besser).",
    ),
    "mv.metrics_unmeasured": ("One metric value was measured neither time and is left out.|{n} metric values were measured neither time and are left out.",
                              "Ein Kennzahlwert wurde beide Male nicht erhoben und fehlt hier.|{n} Kennzahlwerte wurden beide Male nicht erhoben und fehlen hier."),
    "mv.metrics_none": ("The baseline measured no metrics.", "Die Ausgangsbewertung hat keine Kennzahlen erhoben."),
    "mv.actions": ("Earlier roadmap actions", "Frühere Maßnahmen des Fahrplans"),
    "mv.actions_intro": ("{done} of {total} actions of the baseline's 90-day roadmap are done.",
                         "{done} von {total} Maßnahmen des 90-Tage-Fahrplans der Ausgangsbewertung sind erledigt."),
    "mv.actions_none": ("The baseline had no roadmap actions.", "Die Ausgangsbewertung hatte keine Maßnahmen."),
    "mv.done": ("Done ({n})", "Erledigt ({n})"),
    "mv.open": ("Open ({n})", "Offen ({n})"),
    "mv.none_done": ("None of the earlier actions is marked done yet.",
                     "Noch keine der früheren Maßnahmen ist als erledigt markiert."),
    "mv.col.action": ("Action", "Maßnahme"),
    "mv.col.phase": ("Phase", "Phase"),
    "mv.col.owner": ("Owner", "Verantwortlich"),
    "mv.col.status": ("Status", "Status"),
    "mv.still_planned": ("still on today's roadmap", "weiter im heutigen Fahrplan"),
    "mv.not_planned": ("no longer on the roadmap", "nicht mehr im Fahrplan"),
    "mv.done_planned": ("done", "erledigt"),
    # ---- portfolio
    "pf.intro": (
        "Each use case is placed by its business impact and its readiness. The bubble's size and colour show "
        "control complexity: large, dark bubbles need more regulatory and human-review effort. The lines at "
        "50 divide the quadrants; the number in each bubble is the use case's rank.",
        "Jeder Anwendungsfall ist nach geschäftlichem Nutzen und Bereitschaft eingeordnet. Größe und Farbe der Blase "
        "zeigen die Kontrollkomplexität: Große, dunkle Blasen erfordern mehr regulatorischen Aufwand und "
        "menschliche Prüfung. Die Linien bei 50 trennen die Quadranten; die Zahl in der Blase ist der Rang.",
    ),
    "pf.matrix": ("Priority matrix", "Prioritätsmatrix"),
    "pf.ranked": ("Ranked use cases", "Rangfolge der Anwendungsfälle"),
    "pf.axis.readiness": ("Readiness (0-100)", "Bereitschaft (0–100)"),
    "pf.axis.impact": ("Business impact (0-100)", "Geschäftlicher Nutzen (0–100)"),
    "pf.axis.control": ("Control complexity", "Kontrollkomplexität"),
    "pf.q.top_right": ("First lane or strategic bet", "Erster Pfad oder strategische Wette"),
    "pf.q.top_left": ("Foundation first", "Erst Grundlagen schaffen"),
    "pf.q.bottom": ("Park", "Zurückstellen"),
    "pf.unplotted": ("Not plotted (impact not yet scored): {names}.",
                     "Nicht dargestellt (Nutzen noch nicht bewertet): {names}."),
    "pf.none": ("The assessment has no use cases yet.", "Die Bewertung enthält noch keine Anwendungsfälle."),
    "pf.col.rank": ("#", "#"),
    "pf.col.use_case": ("Use case", "Anwendungsfall"),
    "pf.col.quadrant": ("Quadrant", "Quadrant"),
    "pf.col.impact": ("Impact", "Nutzen"),
    "pf.col.readiness": ("Readiness", "Bereitschaft"),
    "pf.col.control": ("Control", "Kontrolle"),
    "pf.col.priority": ("Priority", "Priorität"),
    "pf.col.rationale": ("Rationale", "Begründung"),
    "pf.why.first_lane": ("{level} impact ({impact}), ready and manageable to control.",
                          "Nutzen {level} ({impact}), ausreichend vorbereitet und beherrschbar zu kontrollieren."),
    "pf.why.first_lane_pick": ("Recommended first production lane.", "Empfohlener erster Produktionspfad."),
    "pf.why.strategic_bet": ("{level} impact ({impact}) and ready, but control complexity ({control}) needs a "
                             "heavier set of controls first.",
                             "Nutzen {level} ({impact}) und vorbereitet, doch die Kontrollkomplexität ({control}) "
                             "erfordert zuerst stärkere Kontrollen."),
    "pf.why.foundation_first": ("{level} impact ({impact}), but readiness ({readiness}) is below 50: build the "
                                "data and process foundations first.",
                                "Nutzen {level} ({impact}), aber die Bereitschaft ({readiness}) liegt unter 50: "
                                "zuerst Daten- und Prozessgrundlagen schaffen."),
    "pf.why.park": ("Impact ({impact}) below 50: revisit when the value case is stronger.",
                    "Nutzen ({impact}) unter 50: erneut prüfen, wenn der Nutzen klarer belegt ist."),
    "pf.why.unscored": ("Not enough answers to score impact.", "Zu wenige Antworten, um den Nutzen zu bewerten."),
    "pf.why.blockers": ("Blocked by: {items}.", "Blockiert durch: {items}."),
    "pf.why.many_blockers": ("Blocked by {n} critical readiness gaps (listed under Blockers).",
                             "Blockiert durch {n} kritische Lücken (siehe Blocker)."),
    "pf.why.low_confidence": ("Low confidence: few answers.", "Geringe Aussagekraft: wenige Antworten."),
    # ---- readiness
    "dr.intro": (
        "Data and workflow readiness per use case, from 0 (not in place) to 100 (fully in place), ranked as in "
        "the portfolio. Red cells need work before production; a marked cell holds a critical item below its "
        "threshold, which blocks production until it is closed.",
        "Daten- und Prozessbereitschaft je Anwendungsfall, von 0 (nicht vorhanden) bis 100 (vollständig vorhanden), "
        "in der Rangfolge des Portfolios. Rote Zellen erfordern Arbeit vor dem Produktivbetrieb; eine "
        "markierte Zelle enthält einen kritischen Punkt unter seiner Schwelle, der den Produktivbetrieb "
        "blockiert, bis er behoben ist.",
    ),
    "dr.heatmap": ("Readiness heatmap", "Bereitschafts-Heatmap"),
    "dr.blockers": ("Blockers", "Blocker"),
    "dr.col.overall": ("Overall", "Gesamt"),
    "dr.col.use_case": ("Use case", "Anwendungsfall"),
    "dr.col.item": ("Blocking item", "Blockierender Punkt"),
    "dr.col.dimension": ("Area", "Bereich"),
    "dr.col.value": ("Room's value", "Wert im Workshop"),
    "dr.col.needed": ("Needed", "Erforderlich"),
    "dr.legend": ("0-24 not in place · 25-49 partly · 50-74 mostly · 75-100 in place · ! blocker · – no answer",
                  "0–24 nicht vorhanden · 25–49 teilweise · 50–74 überwiegend · 75–100 vorhanden · "
                  "! Blocker · – keine Antwort"),
    "dr.no_blockers": ("No critical item is below its threshold: no use case is blocked.",
                       "Kein kritischer Punkt liegt unter seiner Schwelle: Kein Anwendungsfall ist blockiert."),
    "dr.none": ("The assessment has no readiness questions or no use cases.",
                "Die Bewertung enthält keine Bereitschaftsfragen oder keine Anwendungsfälle."),
    "dr.value": ("{value} of 4", "{value} von 4"),
    "dr.needed": ("at least {value}", "mindestens {value}"),
    # ---- roadmap
    "rm.intro": (
        "Three 30-day phases. Every action names an owner and the workshop finding it answers; the playbook's "
        "next-step checklist is always part of the first phase.",
        "Drei Phasen zu je 30 Tagen. Jede Maßnahme nennt die verantwortliche Person und den Befund aus dem "
        "Workshop, den sie beantwortet; die Checkliste der nächsten Schritte gehört immer zur ersten Phase.",
    ),
    "rm.timeline": ("Timeline", "Zeitplan"),
    "rm.week": ("Week", "Woche"),
    "rm.week_n": ("Week {n}", "Woche {n}"),
    "rm.col.action": ("Action", "Maßnahme"),
    "rm.col.owner": ("Owner", "Verantwortlich"),
    "rm.col.due": ("Due", "Fällig"),
    "rm.col.finding": ("Answers the finding", "Beantwortet den Befund"),
    "rm.unnamed": ("{role}, not yet named", "{role}, noch nicht benannt"),
    "rm.added": ("Added by the consultant.", "Vom Berater ergänzt."),
    "rm.edited": ("adjusted by the consultant", "vom Berater angepasst"),
    "rm.none": ("No actions in this phase.", "In dieser Phase sind keine Maßnahmen geplant."),
    "rm.empty": ("The roadmap has no actions.", "Der Fahrplan enthält keine Maßnahmen."),
    "rm.removed": ("One generated action was removed by the consultant.|{n} generated actions were removed by the consultant.",
                   "Eine erzeugte Maßnahme wurde vom Berater entfernt.|{n} erzeugte Maßnahmen wurden vom Berater entfernt."),
    # ---- operating model
    "op.intro": (
        "Who runs the first lane, how often it is reviewed, what is measured and what happens when it goes "
        "wrong.",
        "Wer den ersten Produktionspfad betreibt, wie oft er überprüft wird, was gemessen wird und was "
        "geschieht, wenn etwas schiefgeht.",
    ),
    "op.roles": ("Operating roles", "Betriebsrollen"),
    "op.col.role": ("Role", "Rolle"),
    "op.col.owner": ("Named owner", "Benannt"),
    "op.col.duty": ("Accountable for", "Verantwortlich für"),
    "op.col.actions": ("Actions", "Maßnahmen"),
    "op.unnamed": ("Not yet named: name before Day 1", "Noch nicht benannt: vor Tag 1 benennen"),
    "op.duty.product_owner": ("Scope, business metric and value of the lane; decides what ships.",
                              "Umfang, Geschäftskennzahl und Nutzen des Pfads; entscheidet über Freigaben."),
    "op.duty.data_owner": ("Quality, lineage and access of the data the lane uses.",
                           "Qualität, Herkunft und Zugriff auf die verwendeten Daten."),
    "op.duty.model_owner": ("Model behaviour, evaluation, drift and retraining.",
                            "Modellverhalten, Evaluierung, Drift und Nachtraining."),
    "op.duty.control_owner": ("Policy controls, approvals, overrides and regulatory evidence.",
                              "Kontrollen, Freigaben, Übersteuerungen und regulatorische Nachweise."),
    "op.duty.operations_lead": ("Runtime support, incidents, monitoring and the rollback path.",
                                "Laufender Betrieb, Störungen, Überwachung und der Rückfallpfad."),
    "op.duty.sponsor": ("Funding, priorities and escalations that need a decision.",
                        "Budget, Prioritäten und Eskalationen, die eine Entscheidung brauchen."),
    "op.rhythm": ("Governance rhythm", "Steuerungsrhythmus"),
    "op.col.cadence": ("Cadence", "Rhythmus"),
    "op.col.forum": ("Forum and who", "Gremium und Teilnehmende"),
    "op.col.agenda": ("Agenda", "Inhalte"),
    "op.weekly": ("Weekly", "Wöchentlich"),
    "op.monthly": ("Monthly", "Monatlich"),
    "op.quarterly": ("Quarterly", "Quartalsweise"),
    "op.weekly.forum": ("Lane review (30 minutes): operations lead, product owner, control owner",
                        "Pfad-Review (30 Minuten): Betrieb, Product Owner, Control Owner"),
    "op.weekly.agenda": ("Incidents and overrides, drift and data-quality alerts, the business metric "
                         "against its baseline, open roadmap actions.",
                         "Vorfälle und Übersteuerungen, Drift- und Datenqualitätswarnungen, die "
                         "Geschäftskennzahl gegenüber dem Ausgangswert, offene Maßnahmen."),
    "op.monthly.forum": ("Steering review: sponsor, all owners",
                         "Steuerungsrunde: Sponsor und alle Verantwortlichen"),
    "op.monthly.agenda": ("Value delivered, cost against plan, risk flags and control evidence, decisions "
                          "on escalations.",
                          "Erzielter Nutzen, Kosten gegenüber Plan, Risikohinweise und Kontrollnachweise, "
                          "Entscheidungen zu Eskalationen."),
    "op.quarterly.forum": ("Portfolio review: sponsor, leadership, control function",
                           "Portfolio-Review: Sponsor, Geschäftsleitung, Kontrollfunktion"),
    "op.quarterly.agenda": ("Re-assess maturity against the targets, re-rank the use cases, choose and fund "
                            "the next lane.",
                            "Reifegrad gegen die Ziele neu bewerten, Anwendungsfälle neu priorisieren, den "
                            "nächsten Pfad auswählen und finanzieren."),
    "op.rhythm_now": ("Today the governance rhythm is at level {level} ({name}).",
                      "Heute steht der Steuerungsrhythmus auf Stufe {level} ({name})."),
    "op.metrics": ("Metrics to track", "Zu verfolgende Kennzahlen"),
    "op.col.metric": ("Metric", "Kennzahl"),
    "op.col.baseline": ("Value recorded", "Erfasster Wert"),
    "op.col.scope": ("Measured for", "Gemessen für"),
    "op.metrics_intro": ("Baselines as recorded in the workshop. Track each weekly from Day 1 so the effect "
                         "of the first lane can be shown.",
                         "Ausgangswerte, wie im Workshop erfasst. Jede Kennzahl ab Tag 1 wöchentlich "
                         "verfolgen, damit die Wirkung des ersten Pfads belegbar ist."),
    "op.metrics_none": ("The workshop recorded no baseline metrics.",
                        "Im Workshop wurden keine Ausgangswerte erfasst."),
    "op.baseline_missing": ("not recorded: measure before Day 1", "nicht erfasst: vor Tag 1 messen"),
    "op.metric_unset": ("Not set: agree on it with the sponsor before Day 1",
                        "Nicht festgelegt: vor Tag 1 mit dem Sponsor vereinbaren"),
    "op.organisation": ("Organisation", "Organisation"),
    "op.target_metric": ("Business metric to improve within 60 days", "Zu verbessernde Geschäftskennzahl (60 Tage)"),
    "op.checklist": ("Rollback and escalation checklist", "Checkliste für Rückfall und Eskalation"),
    "op.check.rollback": ("A written rollback path returns the workflow to its manual process within one "
                          "working day, and it has been tested once.",
                          "Ein dokumentierter Rückfallpfad führt den Prozess binnen eines Arbeitstags in den "
                          "manuellen Ablauf zurück und wurde einmal getestet."),
    "op.check.switch": ("One named person may switch the model off at any time, without asking for approval.",
                        "Eine benannte Person darf das Modell jederzeit ohne Freigabe abschalten."),
    "op.check.triggers": ("Stop triggers are written down: error rate, override rate, drift or a complaint "
                          "above an agreed threshold.",
                          "Abschaltkriterien sind festgelegt: Fehlerquote, Übersteuerungsquote, Drift oder "
                          "Beschwerden über einer vereinbarten Schwelle."),
    "op.check.override": ("Users know when they may override an output and record every override with its "
                          "reason.",
                          "Anwender wissen, wann sie ein Ergebnis übersteuern dürfen, und erfassen jede "
                          "Übersteuerung mit Begründung."),
    "op.check.escalation": ("The escalation path is one page: first line (operations lead), then control "
                            "owner, then sponsor, each with a response time.",
                            "Der Eskalationsweg passt auf eine Seite: zuerst Betrieb, dann Control Owner, dann "
                            "Sponsor, jeweils mit Reaktionszeit."),
    "op.check.log": ("Inputs, outputs, model version and decisions are logged so any case can be "
                     "reconstructed.",
                     "Eingaben, Ergebnisse, Modellversion und Entscheidungen werden protokolliert, sodass jeder "
                     "Fall nachvollziehbar ist."),
    "op.check.review": ("Every incident and rollback is reviewed in the next weekly lane review.",
                        "Jeder Vorfall und jeder Rückfall wird im nächsten wöchentlichen Pfad-Review "
                        "besprochen."),
    "op.check.owner": ("Owner: {owner}", "Verantwortlich: {owner}"),
    "op.runbooks_now": ("Today runbooks and incident handling are at level {level} ({name}).",
                        "Heute stehen Runbooks und Störungsbehandlung auf Stufe {level} ({name})."),
    # ---- appendix
    "ap.answers": ("The room's answers", "Die Antworten des Workshops"),
    "ap.answers_intro": (
        "Every question with the room's answer: the recorded consensus where there is one, otherwise the median "
        "of the votes (or the most chosen option). Spread is the highest minus the lowest vote on the 0-4 "
        "scale; two points or more mark a disagreement.",
        "Jede Frage mit der Antwort des Workshops: der festgehaltene Konsens, sonst der Median der Stimmen "
        "(oder die meistgewählte Option). Die Streuung ist die höchste minus die niedrigste Stimme auf der "
        "Skala 0–4; ab zwei Punkten liegt ein Dissens vor.",
    ),
    "ap.col.question": ("Question", "Frage"),
    "ap.col.answer": ("Room's answer", "Antwort"),
    "ap.col.spread": ("Spread", "Streuung"),
    "ap.col.notes": ("Notes", "Notizen"),
    "ap.organisation": ("Organisation-wide questions", "Fragen zur gesamten Organisation"),
    "ap.use_case": ("Use case: {name}", "Anwendungsfall: {name}"),
    "ap.na": ("not applicable", "nicht zutreffend"),
    "ap.na_short": ("n/a", "n. z."),
    "ap.per_use_case": ("Per use case", "Je Anwendungsfall"),
    "ap.chunk": ("Use cases ranked {first} to {last} of {n}", "Anwendungsfälle auf Rang {first} bis {last} von {n}"),
    "ap.notes_words": ("Answers in words and notes", "Antworten in Worten und Notizen"),
    "ap.matrix_legend": (
        "Per use case, each cell holds the room's value (0-4 on the scale; numbers in the question's unit) and "
        "below it the spread Δ, the highest minus the lowest vote. A coloured bold value is a recorded consensus; a "
        "red spread in a tinted cell marks a disagreement (Δ of 2 or more). n/a: not applicable. –: not answered. "
        "✎: answered in words, listed below the table. Columns are numbered by rank.",
        "Je Anwendungsfall enthält jede Zelle den Wert des Workshops (0–4 auf der Skala; Zahlen in der Einheit "
        "der Frage) und darunter die Streuung Δ, die höchste minus die niedrigste Stimme. Ein farbiger, fetter "
        "Wert ist ein festgehaltener Konsens; eine rote Streuung in einer getönten Zelle zeigt einen Dissens "
        "(Δ ab 2). n. z.: nicht zutreffend. –: nicht beantwortet. "
        "✎: in Worten beantwortet, unter der Tabelle aufgeführt. Die Spalten sind nach Rang nummeriert.",
    ),
    "ap.missing": ("not answered", "nicht beantwortet"),
    "ap.columns": ("Columns in full: {names}.", "Spalten vollständig: {names}."),
    "ap.consensus": ("consensus", "Konsens"),
    "ap.votes": ("{n} vote|{n} votes", "{n} Stimme|{n} Stimmen"),
    "ap.disagreement": ("disputed", "strittig"),
    "ap.room": ("Consensus", "Konsens"),
    "ap.method": ("Method", "Methode"),
    "ap.versions": ("Questionnaire versions", "Fragebogenversionen"),
    "ap.col.questionnaire": ("Questionnaire", "Fragebogen"),
    "ap.col.kind": ("Kind", "Art"),
    "ap.col.version": ("Version", "Version"),
    "ap.col.questions": ("Questions", "Fragen"),
    "ap.col.answered": ("Answered", "Beantwortet"),
    "ap.col.fingerprint": ("Fingerprint (SHA-256)", "Prüfsumme (SHA-256)"),
    "ap.library": ("Reference library (dimensions, actions, risk flags): version {v}.",
                   "Referenzbibliothek (Dimensionen, Maßnahmen, Risikohinweise): Version {v}."),
    "ap.generated": ("Generated by Readiness Studio {v}.", "Erstellt mit Readiness Studio {v}."),
    "kind.prioritization": ("Prioritization", "Priorisierung"),
    "kind.readiness": ("Data and workflow readiness", "Daten- und Prozessbereitschaft"),
    "kind.maturity": ("Maturity", "Reifegrad"),
    "kind.baseline": ("Baseline", "Ausgangswerte"),
    "kind.risk": ("Risk checks", "Risikoprüfung"),
    "kind.regulation": ("Regulation", "Regulierung"),
    # ---- method (plain words)
    "method.1": (
        "Every participant answered the questions on a 0 to 4 scale (or by choosing options). Where the "
        "room agreed on an answer, that consensus counts; otherwise the median of the votes does, so a single "
        "optimist or sceptic cannot move the result. Answers marked not applicable are left out of every score.",
        "Alle Teilnehmenden haben die Fragen auf einer Skala von 0 bis 4 beantwortet (oder Optionen gewählt). "
        "Hat sich der Workshop auf eine Antwort geeinigt, zählt dieser Konsens; sonst der Median der Stimmen, "
        "sodass einzelne Optimisten oder Skeptiker das Ergebnis nicht verschieben. Als nicht zutreffend "
        "markierte Antworten fließen in keinen Wert ein.",
    ),
    "method.2": (
        "Each use case gets indices from 0 to 100: business impact, readiness (process readiness, data "
        "availability and data readiness, weighted {pw}:{dw}:{rw}), control complexity and effort. Priority is "
        "{i:.0f}% impact, {r:.0f}% readiness, {c:.0f}% low control complexity and {e:.0f}% low effort.",
        "Jeder Anwendungsfall erhält Indizes von 0 bis 100: geschäftlicher Nutzen, Bereitschaft (Prozessreife, "
        "Datenverfügbarkeit und Datenbereitschaft im Verhältnis {pw}:{dw}:{rw}), Kontrollkomplexität und Aufwand. Die "
        "Priorität setzt sich zu {i:.0f} % aus Nutzen, {r:.0f} % aus Bereitschaft, {c:.0f} % aus geringer "
        "Kontrollkomplexität und {e:.0f} % aus geringem Aufwand zusammen.",
    ),
    "method.3": (
        "Quadrants: impact below {ih:.0f} is parked; readiness below {rs:.0f} means foundations come first; "
        "control complexity above {cm:.0f} makes a strategic bet; the rest form the first-lane quadrant. The "
        "recommended first production lane is the one in that quadrant with the highest impact and no "
        "blocking data gap. A critical readiness item scored below its threshold is a blocker.",
        "Quadranten: Nutzen unter {ih:.0f} wird zurückgestellt; Bereitschaft unter {rs:.0f} bedeutet, zuerst "
        "Grundlagen zu schaffen; Kontrollkomplexität über {cm:.0f} macht eine strategische Wette; die übrigen "
        "bilden den Quadranten des ersten Produktionspfads. Empfohlen wird darin der Fall mit dem höchsten "
        "Nutzen ohne blockierende Datenlücke. Ein kritischer Bereitschaftspunkt unter seiner Schwelle ist ein Blocker.",
    ),
    "method.4": (
        "Maturity: each dimension scores from 1 to 4 over all its criteria. A stage counts as met when its "
        "criteria average at least {sm} of 4 and none is unanswered; the staged level is the highest level "
        "whose stages are all met. The overall level is the median of the dimensions' staged levels. Where "
        "no target was set, the target is level {dt} (Managed).",
        "Reifegrad: Jede Dimension erhält einen Wert von 1 bis 4 über alle ihre Kriterien. Eine Stufe gilt "
        "als erfüllt, wenn ihre Kriterien im Mittel mindestens {sm} von 4 erreichen und keines unbeantwortet "
        "ist; die gestufte Reife ist die höchste Stufe, deren Stufen alle erfüllt sind. Der Gesamtreifegrad "
        "ist der Median der gestuften Reife aller Dimensionen. Ohne gesetztes Ziel gilt Stufe {dt} (Gesteuert).",
    ),
    "method.5": (
        "Risk flags are raised by the risk-check answers and by patterns in the scores. The roadmap turns "
        "every finding (the first lane, its blockers, the risks, the maturity gaps and the playbook's "
        "checklist) into actions from a fixed action library, each with an owner role and a phase; the "
        "consultant's edits are applied on top. A score that rests on less than half of its questions is "
        "marked as low confidence.",
        "Risikohinweise entstehen aus den Antworten der Risikoprüfung und aus Mustern in den Werten. Der "
        "Fahrplan übersetzt jeden Befund (den ersten Pfad, seine Blocker, die Risiken, die Reifegradlücken und "
        "die Checkliste) in Maßnahmen aus einer festen Maßnahmenbibliothek, jeweils mit verantwortlicher "
        "Rolle und Phase; Anpassungen des Beraters werden darauf angewendet. Ein Wert, der auf weniger als "
        "der Hälfte seiner Fragen beruht, ist als gering aussagekräftig markiert.",
    ),
}

LEVEL_MEANINGS: dict[int, Text] = {n: Text(*_S[f"level.meaning.{n}"]) for n in (1, 2, 3, 4)}


def t(key: str, lang: str, **fields: object) -> str:
    """The text of ``key`` in ``lang`` ("de" or anything else for English), with fields filled."""
    en, de = _S[key]
    text = de if lang == "de" else en
    if "|" in text:  # "one|other": the plural form of the count ({n} or {gap}) by the locale's rule
        from readiness_app.report.language import plural

        count = fields.get("n", fields.get("gap", 0))
        one, other = text.split("|", 1)
        text = plural(int(count) if isinstance(count, int | float) else 0, lang, one, other)
    return text.format(**fields) if fields else text


def all_keys() -> tuple[str, ...]:
    return tuple(_S)


def section_title(section_id: str, lang: str) -> str:
    return t(f"sec.{section_id}", lang)
