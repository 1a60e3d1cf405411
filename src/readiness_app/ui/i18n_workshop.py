"""Interface strings of the room's keyboard model, hidden votes, dates and presentation zoom (EN and DE).

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # the vote grid's last row and the room's keys
    "q.consensus_row": ("Room (consensus)", "Raum (Konsens)"),
    "q.consensus_row_tip": ("The room's agreed answer: select this row and type a digit to record it",
                            "Die gemeinsame Antwort des Raums: Zeile wählen und eine Ziffer tippen, um sie festzuhalten"),
    "q.keys_room": ("Keys: digits vote for the selected row · ↑/↓ row · C consensus · R reveal · Enter record · "
                    "←/→ question · F1 all keys",
                    "Tasten: Ziffern stimmen für die gewählte Zeile · ↑/↓ Zeile · C Konsens · R aufdecken · "
                    "Eingabe übernehmen · ←/→ Frage · F1 alle Tasten"),
    # singular forms (i18n.plural picks them for a count of 1)
    "nav.use_cases.one": ("{count} use case", "{count} Anwendungsfall"),
    "q.votes_count.one": ("no consensus recorded; the one vote counts", "kein Konsens erfasst; es zählt die eine Stimme"),
    "q.spread_points.one": ("Spread {count:g} point", "Spannweite {count:g} Punkt"),
    "q.spread_points": ("Spread {count:g} points", "Spannweite {count:g} Punkte"),
    # hidden votes
    "help.hidden_votes": ("Votes stay hidden everywhere (list, tooltips, results, dashboard, why-dialog) until you "
                          "reveal them; the file remembers what was revealed. View › Show every vote shows all of "
                          "them while you prepare alone.",
                          "Stimmen bleiben überall verborgen (Liste, Tooltips, Ergebnisse, Dashboard, "
                          "Warum-Dialog), bis Sie sie aufdecken; die Datei merkt sich, was aufgedeckt wurde. "
                          "Ansicht › Alle Stimmen zeigen zeigt alle, solange Sie allein vorbereiten."),
    "action.show_all_votes": ("Show every &vote (not in front of the room)", "Alle &Stimmen zeigen (nicht vor dem Raum)"),
    # File > Export: every deliverable
    "menu.export": ("&Export", "&Exportieren"),
    "export.pdf": ("&PDF report…", "&PDF-Bericht…"),
    "export.xlsx": ("&Excel scorecard…", "&Excel-Scorecard…"),
    "export.pptx": ("Readout &deck (PowerPoint)…", "Ergebnis&präsentation (PowerPoint)…"),
    "export.jira": ("Roadmap for &Jira (CSV)…", "Roadmap für &Jira (CSV)…"),
    "export.azure": ("Roadmap for &Azure DevOps (CSV)…", "Roadmap für &Azure DevOps (CSV)…"),
    "export.templates": ("Personal &templates for every participant…", "Persönliche &Vorlagen für alle Teilnehmenden…"),
    "export.copy": ("A &copy of the assessment…", "&Kopie der Bewertung…"),
    # presentation zoom
    "action.zoom_in": ("Zoom &in", "Ver&größern"),
    "action.zoom_out": ("Zoom &out", "Ver&kleinern"),
    "action.zoom_reset": ("&Normal size", "&Normale Größe"),
    "status.zoom": ("Presentation zoom {percent} %", "Präsentationszoom {percent} %"),
    # dates
    "eng.date_pick": ("Pick the date from a calendar", "Datum im Kalender wählen"),
    "eng.start_after_end": ("The workshop cannot start after it ends ({end}).",
                            "Der Workshop kann nicht nach seinem Ende ({end}) beginnen."),
    "eng.end_before_start": ("The workshop cannot end before it starts ({start}).",
                             "Der Workshop kann nicht vor seinem Beginn ({start}) enden."),
    "eng.date_invalid": ("“{text}” is not a date; type it as {format}.",
                         "„{text}“ ist kein Datum; bitte als {format} eingeben."),
}
