"""Interface strings of pre-work (personal templates, the spread view) and merges, in English and German.

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    # File menu and the merge dialog
    "action.merge": ("&Merge another file…", "Andere Datei &zusammenführen…"),
    "merge.pick": ("Merge another copy of this assessment", "Andere Kopie dieser Bewertung zusammenführen"),
    "merge.title": ("Merge {name}", "{name} zusammenführen"),
    "merge.summary": ("{b} change(s) come from {name}; {a} change(s) made only here stay. "
                      "{conflicts} conflict(s): both files changed the same thing differently. "
                      "Decide each one below; every decision goes into the change log, and Undo takes the "
                      "whole merge back.",
                      "{b} Änderung(en) kommen aus {name}; {a} nur hier gemachte Änderung(en) bleiben. "
                      "{conflicts} Konflikt(e): beide Dateien haben dasselbe unterschiedlich geändert. "
                      "Entscheiden Sie jeden unten; jede Entscheidung kommt ins Änderungsprotokoll, und "
                      "Rückgängig nimmt die ganze Zusammenführung zurück."),
    "merge.none": ("The two files hold the same: nothing to merge.",
                   "Beide Dateien enthalten dasselbe: nichts zusammenzuführen."),
    "merge.col_what": ("What", "Was"),
    "merge.col_here": ("This file", "Diese Datei"),
    "merge.col_there": ("The other file", "Die andere Datei"),
    "merge.col_keep": ("Keep", "Behalten"),
    "merge.keep_here": ("This file's", "Aus dieser Datei"),
    "merge.keep_there": ("The other file's", "Aus der anderen Datei"),
    "merge.all_here": ("All from this file", "Alle aus dieser Datei"),
    "merge.all_there": ("All from the other file", "Alle aus der anderen Datei"),
    "merge.ok": ("&Merge", "&Zusammenführen"),
    "merge.cancel": ("Cancel", "Abbrechen"),
    "merge.absent": ("(none)", "(keine)"),
    "merge.na": ("Not applicable", "Nicht anwendbar"),
    "merge.kind_answer": ("Answer", "Antwort"),
    "merge.kind_participant": ("Participant", "Teilnehmende Person"),
    "merge.kind_use_case": ("Use case", "Anwendungsfall"),
    "merge.kind_target": ("Target", "Zielstufe"),
    "merge.kind_engagement": ("Engagement", "Auftrag"),
    "merge.kind_roadmap": ("Roadmap", "Roadmap"),
    "merge.consensus": ("consensus", "Konsens"),
    "merge.done": ("Merged {name}: {b} change(s) taken, {conflicts} conflict(s) decided.",
                   "{name} zusammengeführt: {b} Änderung(en) übernommen, {conflicts} Konflikt(e) entschieden."),
    "undo.merge": ("Merge {name}", "{name} zusammenführen"),
    # pre-work: dropped templates, the export step, the spread view
    "prework.title": ("Pre-work imported", "Vorarbeit importiert"),
    "prework.summary": ("{files} template(s) imported: {written} answer(s).\n{people} people have answered the "
                        "pre-work: {names}.\n{replaced} earlier pre-work vote(s) replaced; {kept} answer(s) the "
                        "room recorded kept as they were.\n\nWidest spread first:\n{widest}",
                        "{files} Vorlage(n) importiert: {written} Antwort(en).\n{people} Personen haben die "
                        "Vorarbeit beantwortet: {names}.\n{replaced} frühere Vorarbeit-Stimme(n) ersetzt; {kept} "
                        "im Raum festgehaltene Antwort(en) unverändert behalten.\n\nGrößte Streuung zuerst:\n"
                        "{widest}"),
    "prework.no_spread": ("(no question has two pre-work votes yet)",
                          "(noch keine Frage hat zwei Vorarbeit-Stimmen)"),
    "undo.prework": ("Import pre-work ({count} template(s))", "Vorarbeit importieren ({count} Vorlage(n))"),
    "prework.not_template": ("{name} is not a filled template of this assessment; open it with Import instead.",
                             "{name} ist keine ausgefüllte Vorlage dieser Bewertung; öffnen Sie sie über "
                             "Importieren."),
    "ex.templates": ("Personal templates for every participant…", "Persönliche Vorlagen für alle Teilnehmenden…"),
    "ex.templates_folder": ("Folder for the personal templates", "Ordner für die persönlichen Vorlagen"),
    "ex.templates_done": ("Wrote {count} personal template(s) to {folder}.",
                          "{count} persönliche Vorlage(n) in {folder} geschrieben."),
    "ex.templates_none": ("Add the participants first: there is nobody to write a template for.",
                          "Legen Sie zuerst die Teilnehmenden an: es gibt niemanden, für den eine Vorlage "
                          "entstehen könnte."),
    "action.spread": ("Start from the &disagreements…", "Mit den &Unstimmigkeiten beginnen…"),
    "spread.title": ("Pre-work: widest spread first", "Vorarbeit: größte Streuung zuerst"),
    "spread.intro": ("The questions ordered by how far the participants' pre-work votes lie apart. "
                     "Double-click a question to open it in the workshop.",
                     "Die Fragen geordnet danach, wie weit die Vorarbeit-Stimmen der Teilnehmenden "
                     "auseinanderliegen. Doppelklick öffnet die Frage im Workshop."),
    "spread.empty": ("No pre-work votes yet: export personal templates, and drop the filled ones on the window.",
                     "Noch keine Vorarbeit-Stimmen: exportieren Sie persönliche Vorlagen und ziehen Sie die "
                     "ausgefüllten auf das Fenster."),
    "spread.col_spread": ("Spread", "Streuung"),
    "spread.col_votes": ("Votes", "Stimmen"),
    "spread.col_question": ("Question", "Frage"),
    "spread.col_scope": ("Use case", "Anwendungsfall"),
    "spread.only_prework": ("Pre-work votes only", "Nur Vorarbeit-Stimmen"),
    # provenance in the why-dialog
    "res.why_source": ("From", "Herkunft"),
    "res.why_votes": ("{count} vote(s), {prework} from pre-work", "{count} Stimme(n), davon {prework} aus der "
                                                                   "Vorarbeit"),
    "res.why_entered": ("entered in the workshop", "im Workshop erfasst"),
    "res.why_votes_room": ("{count} vote(s) in the workshop", "{count} Stimme(n) im Workshop"),
}
