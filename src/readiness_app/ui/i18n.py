"""Every interface string, in English and German.

``tr("key", name=...)`` looks a key up in the current language and fills ``{placeholders}``.
Questionnaire text comes with both languages from the data (``Text.get(lang)``); this
module only holds the interface's own words. A test checks that every key has both.
"""

from __future__ import annotations

from collections.abc import Callable

_lang = "en"
_listeners: list[Callable[[str], None]] = []


def language() -> str:
    return _lang


def set_language(lang: str) -> None:
    """Switch the interface language ("en" or "de") and tell every listener."""
    global _lang
    if lang not in ("en", "de"):
        raise ValueError(f"unsupported language {lang!r}")
    if lang == _lang:
        return
    _lang = lang
    for listener in list(_listeners):
        listener(lang)


def on_language_changed(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def plural(count: float, key: str, **values: object) -> str:
    """``tr`` with the singular form ``key + ".one"`` when ``count`` is 1 ("1 use case", "2 use cases")."""
    one = f"{key}.one"
    return tr(one if count == 1 and one in STRINGS else key, count=count, **values)


def tr(key: str, **values: object) -> str:
    entry = STRINGS.get(key)
    if entry is None:
        return key
    text = entry[1] if _lang == "de" else entry[0]
    return text.format(**values) if values else text


STRINGS: dict[str, tuple[str, str]] = {
    # application
    "app.name": ("Readiness Studio", "Readiness Studio"),
    "app.title_file": ("{client} – {file} – Readiness Studio", "{client} – {file} – Readiness Studio"),
    "app.title_noclient": ("{file} – Readiness Studio", "{file} – Readiness Studio"),
    # menus
    "menu.file": ("&File", "&Datei"),
    "menu.edit": ("&Edit", "&Bearbeiten"),
    "menu.view": ("&View", "&Ansicht"),
    "menu.language": ("&Language", "&Sprache"),
    "menu.help": ("&Help", "&Hilfe"),
    "menu.recent": ("Open &recent", "&Zuletzt geöffnet"),
    "action.new": ("&New assessment…", "&Neue Bewertung…"),
    "action.open": ("&Open…", "Ö&ffnen…"),
    "action.open_demo": ("Open the &demo workshop", "&Demo-Workshop öffnen"),
    "action.save_copy": ("&Save a copy…", "Kopie &speichern…"),
    "action.import": ("&Import Excel assessment…", "Excel-Bewertung &importieren…"),
    "action.export": ("&Export…", "&Exportieren…"),
    "action.close": ("&Close assessment", "Bewertung s&chließen"),
    "action.quit": ("&Quit", "&Beenden"),
    "action.undo": ("&Undo", "&Rückgängig"),
    "action.redo": ("&Redo", "&Wiederholen"),
    "action.undo_named": ("&Undo: {text}", "&Rückgängig: {text}"),
    "action.redo_named": ("&Redo: {text}", "&Wiederholen: {text}"),
    "action.fullscreen": ("&Full screen", "&Vollbild"),
    "action.workshop_mode": ("&Workshop mode", "&Workshop-Modus"),
    "action.dashboard_window": ("Live &dashboard window", "Live-&Dashboard-Fenster"),
    "action.next_step": ("Next step", "Nächster Schritt"),
    "action.prev_step": ("Previous step", "Vorheriger Schritt"),
    "action.help": ("&Help", "&Hilfe"),
    "action.about": ("&About Readiness Studio", "Ü&ber Readiness Studio"),
    "action.settings": ("&Settings…", "&Einstellungen…"),
    "lang.en": ("English", "English"),
    "lang.de": ("Deutsch", "Deutsch"),
    # steps
    "step.start": ("Start", "Start"),
    "step.engagement": ("Engagement setup", "Auftrag einrichten"),
    "step.participants": ("Participants and roles", "Teilnehmende und Rollen"),
    "step.use_cases": ("Use-case inventory", "Anwendungsfälle"),
    "step.prioritization": ("Use-case prioritization", "Priorisierung der Anwendungsfälle"),
    "step.readiness": ("Data and workflow readiness", "Daten- und Prozessreife"),
    "step.maturity": ("AI-operations maturity", "Reifegrad KI-Betrieb"),
    "step.baseline": ("Operating baseline and risk checks", "Betriebs-Baseline und Risiko-Checks"),
    "step.results": ("Results", "Ergebnisse"),
    "step.roadmap": ("Roadmap", "Roadmap"),
    "step.export": ("Export", "Export"),
    "nav.title": ("Workshop steps", "Workshop-Schritte"),
    "nav.done": ("{done} of {total}", "{done} von {total}"),
    "nav.use_cases": ("{count} use cases", "{count} Anwendungsfälle"),
    "nav.roles": ("{done} of {total} key roles", "{done} von {total} Schlüsselrollen"),
    "nav.complete": ("complete", "vollständig"),
    "nav.accessible": ("Step navigator", "Schrittnavigation"),
    # start page
    "start.title": ("Readiness Studio", "Readiness Studio"),
    "start.subtitle": ("Run an AI-readiness workshop: prioritise use cases, assess readiness and maturity, "
                       "leave with a 90-day roadmap.",
                       "Führen Sie einen KI-Readiness-Workshop durch: Anwendungsfälle priorisieren, Reife bewerten "
                       "und mit einer 90-Tage-Roadmap abschließen."),
    "start.new": ("New assessment", "Neue Bewertung"),
    "start.open": ("Open assessment…", "Bewertung öffnen…"),
    "start.demo": ("Open the demo workshop", "Demo-Workshop öffnen"),
    "start.import": ("Import Excel assessment…", "Excel-Bewertung importieren…"),
    "start.recent": ("Recent assessments", "Zuletzt geöffnet"),
    "start.no_recent": ("No recent assessments yet.", "Noch keine zuletzt geöffneten Bewertungen."),
    "start.drop_hint": ("Tip: drop a .readiness or .xlsx file onto this window to open it.",
                        "Tipp: Ziehen Sie eine .readiness- oder .xlsx-Datei auf dieses Fenster, um sie zu öffnen."),
    "start.missing": ("{name} (missing)", "{name} (nicht gefunden)"),
    # file dialogs
    "file.filter_assessment": ("Readiness assessments (*.readiness)", "Readiness-Bewertungen (*.readiness)"),
    "file.filter_excel": ("Excel workbooks (*.xlsx)", "Excel-Arbeitsmappen (*.xlsx)"),
    "file.filter_pdf": ("PDF documents (*.pdf)", "PDF-Dokumente (*.pdf)"),
    "file.new_title": ("Create a new assessment", "Neue Bewertung anlegen"),
    "file.open_title": ("Open an assessment", "Bewertung öffnen"),
    "file.copy_title": ("Save a copy of the assessment", "Kopie der Bewertung speichern"),
    "file.import_title": ("Import an Excel assessment", "Excel-Bewertung importieren"),
    "file.import_target": ("Save the imported assessment as", "Importierte Bewertung speichern unter"),
    "file.export_xlsx_title": ("Export the Excel scorecard", "Excel-Scorecard exportieren"),
    "file.export_pdf_title": ("Export the PDF report", "PDF-Bericht exportieren"),
    "file.copy_saved": ("A copy was saved to {path}.", "Eine Kopie wurde unter {path} gespeichert."),
    "file.new_default": ("assessment.readiness", "bewertung.readiness"),
    # errors: what happened (title) / what to do
    "error.save_title": ("The change was not saved", "Die Änderung wurde nicht gespeichert"),
    "error.save_todo": ("Nothing was lost: the file still holds every earlier answer. Check that the disk is "
                        "not full and the file is not read-only, then try again.",
                        "Es ging nichts verloren: Die Datei enthält alle früheren Antworten. Prüfen Sie, ob "
                        "der Datenträger voll oder die Datei schreibgeschützt ist, und versuchen Sie es erneut."),
    "error.save_retry": ("Nothing was changed. Try again now?",
                         "Es wurde nichts verändert. Jetzt erneut versuchen?"),
    "error.busy_title": ("Another program is using the file", "Ein anderes Programm verwendet die Datei"),
    "error.busy_todo": ("Nothing was changed. Close the file in the other program (a backup, sync or database "
                        "tool), then do it again.",
                        "Es wurde nichts verändert. Schließen Sie die Datei im anderen Programm (Sicherung, "
                        "Synchronisation oder Datenbankwerkzeug) und wiederholen Sie den Schritt."),
    "error.invalid_title": ("This entry cannot be used", "Diese Eingabe ist nicht möglich"),
    "error.invalid_todo": ("Correct the entry and try again; nothing was changed.",
                           "Korrigieren Sie die Eingabe und versuchen Sie es erneut; es wurde nichts geändert."),
    "error.locked_title": ("The assessment is open elsewhere", "Die Bewertung ist bereits geöffnet"),
    "error.locked_todo": ("Close it in the other window or on the other computer, then open it again. "
                          "To look at it now, save a copy of the file and open the copy.",
                          "Schließen Sie sie im anderen Fenster oder auf dem anderen Rechner und öffnen Sie sie "
                          "erneut. Um sie jetzt anzusehen, kopieren Sie die Datei und öffnen Sie die Kopie."),
    "error.file_title": ("The assessment could not be opened", "Die Bewertung konnte nicht geöffnet werden"),
    "error.file_todo": ("The file was not changed. Open a backup or an exported copy, or update Readiness "
                        "Studio if the file comes from a newer version.",
                        "Die Datei wurde nicht verändert. Öffnen Sie eine Sicherung oder eine exportierte "
                        "Kopie, oder aktualisieren Sie Readiness Studio, falls die Datei aus einer neueren "
                        "Version stammt."),
    "error.import_title": ("The workbook could not be imported", "Die Arbeitsmappe konnte nicht importiert werden"),
    "error.import_todo": ("Nothing was imported. Correct the named cell in Excel and import again.",
                          "Es wurde nichts importiert. Korrigieren Sie die genannte Zelle in Excel und "
                          "importieren Sie erneut."),
    "error.export_title": ("The export failed", "Der Export ist fehlgeschlagen"),
    "error.export_todo": ("No partial file was left behind and your assessment is unchanged. Choose another "
                          "folder or close the file in other programs, then export again.",
                          "Es blieb keine halbe Datei zurück und Ihre Bewertung ist unverändert. Wählen Sie "
                          "einen anderen Ordner oder schließen Sie die Datei in anderen Programmen und "
                          "exportieren Sie erneut."),
    "error.questionnaire_title": ("The questionnaires are damaged", "Die Fragebögen sind beschädigt"),
    "error.questionnaire_todo": ("Reinstall Readiness Studio or fix the named questionnaire file.",
                                 "Installieren Sie Readiness Studio neu oder korrigieren Sie die genannte "
                                 "Fragebogendatei."),
    "error.generic_title": ("Something went wrong", "Etwas ist schiefgelaufen"),
    "error.generic_todo": ("Nothing was lost. Follow the hint in the message, then try again.",
                           "Es ging nichts verloren. Folgen Sie dem Hinweis in der Meldung und versuchen Sie "
                           "es erneut."),
    "error.os_title": ("The file could not be read or written", "Die Datei konnte nicht gelesen oder geschrieben werden"),
    "error.os_todo": ("Check the folder exists, you may write to it and the disk is not full, then try again.",
                      "Prüfen Sie, ob der Ordner existiert, beschreibbar ist und der Datenträger nicht voll "
                      "ist, und versuchen Sie es erneut."),
    "error.unexpected_title": ("Unexpected error", "Unerwarteter Fehler"),
    "error.unexpected_todo": ("Your answers are saved. Please send the log file from the data folder to support.",
                              "Ihre Antworten sind gespeichert. Bitte senden Sie die Protokolldatei aus dem "
                              "Datenordner an den Support."),
    "error.unsupported_title": ("This file type cannot be opened", "Dieser Dateityp kann nicht geöffnet werden"),
    "error.unsupported_todo": ("Drop or open a .readiness assessment or an .xlsx workbook.",
                               "Öffnen Sie eine .readiness-Bewertung oder eine .xlsx-Arbeitsmappe."),
    # undo texts
    "undo.engagement": ("edit engagement", "Auftrag bearbeiten"),
    "undo.add_participant": ("add participant {name}", "Teilnehmende {name} hinzufügen"),
    "undo.edit_participant": ("edit participant", "Teilnehmende bearbeiten"),
    "undo.remove_participant": ("remove participant {name}", "Teilnehmende {name} entfernen"),
    "undo.add_use_case": ("add use case {name}", "Anwendungsfall {name} hinzufügen"),
    "undo.edit_use_case": ("edit use case", "Anwendungsfall bearbeiten"),
    "undo.remove_use_case": ("remove use case {name}", "Anwendungsfall {name} entfernen"),
    "undo.answer": ("answer {question}", "Antwort {question}"),
    "undo.vote": ("vote on {question}", "Stimme zu {question}"),
    "undo.not_applicable": ("mark {question} not applicable", "{question} als nicht anwendbar markieren"),
    "undo.note": ("note on {question}", "Notiz zu {question}"),
    "undo.clear": ("clear {question}", "{question} leeren"),
    "undo.target": ("set target level", "Zielstufe setzen"),
    "undo.roadmap_move": ("move roadmap item", "Roadmap-Maßnahme verschieben"),
    "undo.roadmap_edit": ("edit roadmap item", "Roadmap-Maßnahme bearbeiten"),
    "undo.roadmap_add": ("add roadmap item", "Roadmap-Maßnahme hinzufügen"),
    "undo.roadmap_remove": ("remove roadmap item", "Roadmap-Maßnahme entfernen"),
    # engagement page
    "eng.heading": ("Engagement setup", "Auftrag einrichten"),
    "eng.intro": ("Who is the client and when is the workshop? These details appear in the title bar and the report.",
                  "Wer ist der Kunde und wann findet der Workshop statt? Die Angaben erscheinen in der "
                  "Titelleiste und im Bericht."),
    "eng.client": ("Client", "Kunde"),
    "eng.industry": ("Industry", "Branche"),
    "eng.title": ("Workshop title", "Workshop-Titel"),
    "eng.start": ("Workshop start", "Workshop-Beginn"),
    "eng.end": ("Workshop end", "Workshop-Ende"),
    "eng.facilitator": ("Facilitator", "Moderation"),
    "eng.consultancy": ("Consultancy", "Beratung"),
    "eng.language": ("Report language", "Berichtssprache"),
    "eng.notes": ("Notes", "Notizen"),
    # participants page
    "part.heading": ("Participants and roles", "Teilnehmende und Rollen"),
    "part.intro": ("Who is in the room? Name the product, data, model, control and operations owners: "
                   "the roadmap assigns actions to them.",
                   "Wer ist im Raum? Benennen Sie Product-, Daten-, Modell-, Kontroll- und "
                   "Betriebsverantwortliche: Die Roadmap weist ihnen Maßnahmen zu."),
    "part.name": ("Name", "Name"),
    "part.role": ("Role", "Rolle"),
    "part.organisation": ("Organisation", "Organisation"),
    "part.add": ("Add participant", "Teilnehmende hinzufügen"),
    "part.remove": ("Remove", "Entfernen"),
    "part.new_name": ("New participant", "Neue Teilnehmende"),
    "part.table": ("Participants", "Teilnehmende"),
    "part.missing_roles": ("Roles without a named owner: {roles}", "Rollen ohne benannte Person: {roles}"),
    "part.all_roles": ("Every key role has a named owner.", "Alle Schlüsselrollen sind besetzt."),
    # use cases page
    "uc.heading": ("Use-case inventory", "Anwendungsfälle"),
    "uc.intro": ("List the AI use cases the client is considering. They are prioritised and assessed in the "
                 "next steps.",
                 "Erfassen Sie die KI-Anwendungsfälle, die der Kunde erwägt. Sie werden in den nächsten Schritten "
                 "priorisiert und bewertet."),
    "uc.name": ("Use case", "Anwendungsfall"),
    "uc.description": ("Description", "Beschreibung"),
    "uc.stage": ("Stage", "Stadium"),
    "uc.add": ("Add use case", "Anwendungsfall hinzufügen"),
    "uc.remove": ("Remove", "Entfernen"),
    "uc.new_name": ("New use case", "Neuer Anwendungsfall"),
    "uc.table": ("Use cases", "Anwendungsfälle"),
    "uc.confirm_remove_title": ("Remove use case?", "Anwendungsfall entfernen?"),
    "uc.confirm_remove": ("Remove \u201c{name}\u201d and its {count} answers? You can undo this.",
                          "\u201e{name}\u201c und seine {count} Antworten entfernen? Sie können dies rückgängig machen."),
    "part.confirm_remove_title": ("Remove participant?", "Teilnehmende entfernen?"),
    "part.confirm_remove": ("Remove {name} and their {count} votes? You can undo this.",
                            "{name} und die {count} Stimmen entfernen? Sie können dies rückgängig machen."),
    # question view
    "q.use_case": ("Use case", "Anwendungsfall"),
    "q.list_mode": ("List", "Liste"),
    "q.workshop_mode": ("Workshop mode", "Workshop-Modus"),
    "q.no_use_cases": ("Add use cases in the use-case inventory first.",
                       "Legen Sie zuerst im Schritt „Anwendungsfälle“ Anwendungsfälle an."),
    "q.no_questions": ("No questions for this step in the questionnaires.",
                       "Für diesen Schritt enthalten die Fragebögen keine Fragen."),
    "q.counter": ("Question {index} of {total}", "Frage {index} von {total}"),
    "q.col_number": ("#", "#"),
    "q.col_question": ("Question", "Frage"),
    "q.col_answer": ("Answer", "Antwort"),
    "q.col_votes": ("Votes", "Stimmen"),
    "q.col_note": ("Note", "Notiz"),
    "q.questions": ("Questions", "Fragen"),
    "q.answer": ("Answer", "Antwort"),
    "q.not_answered": ("not answered", "nicht beantwortet"),
    "q.votes_count": ("no consensus recorded; the median of {count} votes counts",
                      "kein Konsens erfasst; es zählt der Median von {count} Stimmen"),
    "q.not_applicable": ("not applicable", "nicht anwendbar"),
    "q.na_button": ("N  Not applicable", "N  Nicht anwendbar"),
    "q.na_title": ("Not applicable", "Nicht anwendbar"),
    "q.na_reason": ("Why does this question not apply? (a short reason)",
                    "Warum trifft diese Frage nicht zu? (kurze Begründung)"),
    "q.na_with_reason": ("not applicable: {reason}", "nicht anwendbar: {reason}"),
    "q.clear": ("Clear answer", "Antwort leeren"),
    "q.note": ("Note", "Notiz"),
    "q.note_placeholder": ("A note for this answer (evidence, caveats)…",
                           "Eine Notiz zu dieser Antwort (Belege, Einschränkungen)…"),
    "q.prev": ("◀ Previous", "◀ Zurück"),
    "q.next": ("Next ▶", "Weiter ▶"),
    "q.keys_scale": ("Keys: 0–4 answer · N not applicable · ←/→ move",
                     "Tasten: 0–4 antworten · N nicht anwendbar · ←/→ blättern"),
    "q.keys_choice": ("Keys: 1–{n} choose · N not applicable · ←/→ move",
                      "Tasten: 1–{n} wählen · N nicht anwendbar · ←/→ blättern"),
    "q.keys_other": ("Type the answer · N not applicable · PgUp/PgDn move",
                     "Antwort eingeben · N nicht anwendbar · Bild↑/Bild↓ blättern"),
    "q.number_placeholder": ("Enter a number", "Zahl eingeben"),
    "q.text_placeholder": ("Enter the answer", "Antwort eingeben"),
    "q.help": ("Why we ask", "Warum wir fragen"),
    "q.critical": ("Critical: blocks production below {threshold:g}", "Kritisch: blockiert Produktion unter {threshold:g}"),
    "q.stage": ("Maturity stage {stage}", "Reifestufe {stage}"),
    "q.votes": ("Votes of the room", "Stimmen im Raum"),
    "q.votes_hidden": ("Votes are hidden until you reveal them, so the first voice does not anchor the rest.",
                       "Stimmen bleiben verborgen, bis Sie sie aufdecken, damit die erste Meinung die anderen "
                       "nicht beeinflusst."),
    "q.reveal": ("Reveal votes", "Stimmen aufdecken"),
    "q.hide": ("Hide votes", "Stimmen verbergen"),
    "q.record": ("Record consensus", "Konsens übernehmen"),
    "q.record_value": ("Record consensus: {value}", "Konsens übernehmen: {value}"),
    "q.spread": ("Spread {spread:g} points", "Spannweite {spread:g} Punkte"),
    "q.disagreement": ("⚠ Disagreement: discuss before recording", "⚠ Uneinigkeit: vor dem Festhalten besprechen"),
    "q.agreement": ("✓ The room agrees", "✓ Der Raum ist sich einig"),
    "q.voted_count": ("{count} of {total} voted", "{count} von {total} abgestimmt"),
    "q.vote_hidden": ("● voted", "● abgestimmt"),
    "q.col_participant": ("Participant", "Teilnehmende"),
    "q.col_vote": ("Vote", "Stimme"),
    "q.no_participants": ("Add participants to collect individual votes.",
                          "Fügen Sie Teilnehmende hinzu, um einzelne Stimmen zu erfassen."),
    "q.vote_grid": ("Vote grid", "Stimmenraster"),
    "q.votes_keys": ("Type 0–4 for the selected row (↑/↓ choose it); the last row is the consensus. Delete clears.",
                     "0–4 für die gewählte Zeile tippen (↑/↓ wählt sie); die letzte Zeile ist der Konsens. "
                     "Entf löscht."),
    "q.consensus_from_votes": ("from votes", "aus Stimmen"),
    # results
    "res.heading": ("Results", "Ergebnisse"),
    "res.no_scoring": ("Scores are not available: {reason}", "Ergebnisse sind nicht verfügbar: {reason}"),
    "res.first_lane": ("First production lane", "Erster Produktionspfad"),
    "res.maturity": ("AI-operations maturity against target", "Reifegrad KI-Betrieb gegenüber Ziel"),
    "res.matrix": ("Use-case priority matrix", "Prioritätenmatrix der Anwendungsfälle"),
    "res.heatmap": ("Readiness heatmap", "Readiness-Heatmap"),
    "res.risks": ("Risk flags", "Risikohinweise"),
    "res.disagreements": ("Disagreements", "Uneinigkeiten"),
    "res.completeness": ("Completeness", "Vollständigkeit"),
    "res.overall": ("Overall maturity {score} · level {level}", "Gesamtreife {score} · Stufe {level}"),
    "res.impact": ("Impact", "Nutzen"),
    "res.readiness": ("Readiness", "Readiness"),
    "res.control": ("Control complexity", "Kontrollkomplexität"),
    "res.priority": ("Priority", "Priorität"),
    "res.quadrant": ("Quadrant", "Quadrant"),
    "res.blockers": ("Blockers", "Blocker"),
    "res.process": ("Process", "Prozess"),
    "res.data_avail": ("Data availability", "Datenverfügbarkeit"),
    "res.data_ready": ("Data readiness", "Datenreife"),
    "res.effort": ("Effort", "Aufwand"),
    "res.rank": ("Rank", "Rang"),
    "res.more": ("… and {count} more", "… und {count} weitere"),
    "res.no_risks": ("No risk flags raised.", "Keine Risikohinweise."),
    "res.no_disagreements": ("No disagreements: the room agreed on every question.",
                             "Keine Uneinigkeiten: Der Raum war sich bei jeder Frage einig."),
    "res.why_title": ("Why is this {value}?", "Warum ist das {value}?"),
    "res.why_intro": ("{name}: {value}. These answers make up the score:",
                      "{name}: {value}. Diese Antworten ergeben den Wert:"),
    "res.why_base": ("Base value {base:g}.", "Grundwert {base:g}."),
    "res.why_question": ("Question", "Frage"),
    "res.why_answer": ("Answer", "Antwort"),
    "res.why_weight": ("Weight", "Gewicht"),
    "res.why_points": ("Points", "Punkte"),
    "res.why_missing": ("missing", "fehlt"),
    "res.why_na": ("n/a", "n. a."),
    "res.low_confidence": ("low confidence: less than half answered", "geringe Aussagekraft: weniger als die Hälfte beantwortet"),
    "res.click_hint": ("Click any score to see the answers behind it.",
                       "Klicken Sie auf einen Wert, um die Antworten dahinter zu sehen."),
    "res.matrix_legend": ("Each dot is a use case (the number is its rank); its colour shows control complexity, "
                          "green = manageable, red = complex. Click a dot to see why.",
                          "Jeder Punkt ist ein Anwendungsfall (die Zahl ist sein Rang); die Farbe zeigt die "
                          "Kontrollkomplexität, grün = beherrschbar, rot = komplex. Klicken Sie auf einen Punkt."),
    "res.target": ("Target", "Ziel"),
    "res.current": ("Current", "Aktuell"),
    "res.by_dimension": ("Maturity by dimension (double-click a target to change it)",
                         "Reife je Dimension (Doppelklick auf ein Ziel ändert es)"),
    "res.dimension": ("Dimension", "Dimension"),
    "res.score": ("Score", "Wert"),
    "res.level": ("Level", "Stufe"),
    "res.gap": ("Gap", "Lücke"),
    "res.spread": ("Spread", "Spannweite"),
    "res.scope": ("Scope", "Bereich"),
    "res.organisation": ("Organisation", "Organisation"),
    "res.severity_high": ("high", "hoch"),
    "res.severity_medium": ("medium", "mittel"),
    "res.severity_low": ("low", "niedrig"),
    "res.conditional": ("(once its blockers are resolved)", "(sobald die Blocker behoben sind)"),
    "res.none": ("–", "–"),
    # roadmap
    "rm.heading": ("90-day roadmap", "90-Tage-Roadmap"),
    "rm.intro": ("Generated from the findings. Move, edit, add or remove items; your edits are kept when "
                 "the scores change.",
                 "Aus den Befunden erzeugt. Verschieben, bearbeiten, ergänzen oder entfernen Sie "
                 "Maßnahmen; Ihre Änderungen bleiben bei neuen Ergebnissen erhalten."),
    "rm.title": ("Action", "Maßnahme"),
    "rm.owner": ("Owner", "Verantwortlich"),
    "rm.role": ("Role", "Rolle"),
    "rm.due": ("Week", "Woche"),
    "rm.effort": ("Effort", "Aufwand"),
    "rm.why": ("Why", "Warum"),
    "rm.add": ("Add item", "Maßnahme hinzufügen"),
    "rm.remove": ("Remove item", "Maßnahme entfernen"),
    "rm.earlier": ("◀ Earlier phase", "◀ Frühere Phase"),
    "rm.later": ("Later phase ▶", "Spätere Phase ▶"),
    "rm.new_title": ("New action", "Neue Maßnahme"),
    "rm.new_prompt": ("What should be done?", "Was soll getan werden?"),
    "rm.no_scoring": ("The roadmap appears once scores are available.",
                      "Die Roadmap erscheint, sobald Ergebnisse vorliegen."),
    "rm.edited": ("edited", "bearbeitet"),
    "rm.added": ("added", "ergänzt"),
    "rm.removed_count": ("{count} generated items removed", "{count} erzeugte Maßnahmen entfernt"),
    # export
    "ex.heading": ("Export", "Export"),
    "ex.intro": ("Hand the client an Excel scorecard and a PDF report with the 90-day roadmap, present the "
                 "results from the readout deck and put the roadmap into the client's backlog.",
                 "Geben Sie dem Kunden eine Excel-Scorecard und einen PDF-Bericht mit der 90-Tage-Roadmap, "
                 "präsentieren Sie die Ergebnisse mit der Ergebnispräsentation und übernehmen Sie die Roadmap "
                 "in das Backlog des Kunden."),
    "ex.xlsx": ("Export Excel scorecard…", "Excel-Scorecard exportieren…"),
    "ex.pdf": ("Export PDF report…", "PDF-Bericht exportieren…"),
    "ex.copy": ("Save a copy of the assessment…", "Kopie der Bewertung speichern…"),
    "ex.running": ("Exporting…", "Exportiere…"),
    "ex.importing": ("Importing…", "Importiere…"),
    "demo.preparing": ("Preparing the demo workshop…", "Demo-Workshop wird vorbereitet…"),
    "ex.cancel": ("Cancel", "Abbrechen"),
    "ex.done": ("Saved {path}", "Gespeichert: {path}"),
    "ex.cancelled": ("Cancelled; nothing was written.", "Abgebrochen; es wurde nichts geschrieben."),
    "ex.last": ("Last export", "Letzter Export"),
    "ex.pptx": ("Export readout deck (PowerPoint)…", "Ergebnispräsentation exportieren (PowerPoint)…"),
    "ex.jira": ("Export roadmap for Jira (CSV)…", "Roadmap für Jira exportieren (CSV)…"),
    "ex.azure": ("Export roadmap for Azure DevOps (CSV)…", "Roadmap für Azure DevOps exportieren (CSV)…"),
    "file.export_pptx_title": ("Export the readout deck", "Ergebnispräsentation exportieren"),
    "file.export_jira_title": ("Export the roadmap for Jira's CSV import", "Roadmap für den CSV-Import von Jira exportieren"),
    "file.export_azure_title": ("Export the roadmap for Azure DevOps' CSV import",
                                "Roadmap für den CSV-Import von Azure DevOps exportieren"),
    "file.filter_pptx": ("PowerPoint presentations (*.pptx)", "PowerPoint-Präsentationen (*.pptx)"),
    "file.filter_csv": ("CSV files (*.csv)", "CSV-Dateien (*.csv)"),
    "import.problems_title": ("Some rows cannot be imported", "Einige Zeilen können nicht importiert werden"),
    "import.problems": ("{count} row(s) cannot be imported:\n{lines}\n\nImport the other rows anyway?",
                        "{count} Zeile(n) können nicht importiert werden:\n{lines}\n\nDie übrigen Zeilen trotzdem importieren?"),
    # follow-ups, portfolio benchmark, anonymised copies (ui/followup_actions.py, ui/benchmark_dialog.py)
    "action.start_followup": ("Start &follow-up from this assessment…", "&Folgebewertung aus dieser Bewertung starten…"),
    "action.export_anonymised": ("Export &anonymised copy…", "&Anonymisierte Kopie exportieren…"),
    "action.benchmark": ("&Benchmark against a folder…", "&Benchmark mit einem Ordner…"),
    "start.followup": ("Start a follow-up…", "Folgebewertung starten…"),
    "fu.baseline_title": ("Choose the baseline assessment", "Ausgangsbewertung (Baseline) wählen"),
    "fu.new_title": ("Save the follow-up assessment as", "Folgebewertung speichern unter"),
    "fu.new_default": ("{stem}-followup.readiness", "{stem}-folgebewertung.readiness"),
    "fu.prefill_title": ("Pre-fill the answers?", "Antworten vorausfüllen?"),
    "fu.prefill": ("Pre-fill the follow-up with the baseline's votes as a starting point?\n\n"
                   "Yes: every participant's earlier vote is copied (marked as taken from the baseline); "
                   "the room confirms or changes it and agrees again.\n"
                   "No: the follow-up starts with empty answers.\n\n"
                   "Either way the client, participants, use cases and targets are carried over.",
                   "Die Folgebewertung mit den Stimmen der Baseline als Ausgangspunkt vorausfüllen?\n\n"
                   "Ja: Die früheren Stimmen aller Teilnehmenden werden übernommen (als aus der Baseline "
                   "gekennzeichnet); der Raum bestätigt oder ändert sie und einigt sich erneut.\n"
                   "Nein: Die Folgebewertung beginnt mit leeren Antworten.\n\n"
                   "In beiden Fällen werden Kunde, Teilnehmende, Anwendungsfälle und Ziele übernommen."),
    "fu.running": ("Starting the follow-up…", "Folgebewertung wird angelegt…"),
    "fu.started": ("Follow-up started from {name}.", "Folgebewertung aus {name} angelegt."),
    "fu.same_file": ("The follow-up must be a new file, not the baseline itself.",
                     "Die Folgebewertung muss eine neue Datei sein, nicht die Baseline selbst."),
    "anon.title": ("Export an anonymised copy", "Anonymisierte Kopie exportieren"),
    "anon.default": ("{stem}-anonymised.readiness", "{stem}-anonymisiert.readiness"),
    "anon.running": ("Writing the anonymised copy…", "Anonymisierte Kopie wird geschrieben…"),
    "anon.done": ("Anonymised copy saved to {path} (names replaced by pseudonyms, notes removed).",
                  "Anonymisierte Kopie unter {path} gespeichert (Namen durch Pseudonyme ersetzt, Notizen entfernt)."),
    "bm.folder_title": ("Choose a folder of assessments to benchmark against",
                        "Ordner mit Bewertungen für den Benchmark wählen"),
    "bm.running": ("Building the benchmark…", "Benchmark wird erstellt…"),
    "bm.cancelled": ("Benchmark cancelled.", "Benchmark abgebrochen."),
    "bm.title": ("Portfolio benchmark", "Portfolio-Benchmark"),
    "bm.summary": ("Where this client stands among {count} other assessments, anonymised. "
                   "Percentile 50 is the middle; 100 means above all of them.",
                   "Wo dieser Kunde unter {count} anderen, anonymisierten Bewertungen steht. "
                   "Perzentil 50 ist die Mitte; 100 bedeutet: über allen."),
    "bm.no_peers": ("No other assessment in this folder can be compared yet (see the skipped files).",
                    "In diesem Ordner ist noch keine andere Bewertung vergleichbar (siehe übersprungene Dateien)."),
    "bm.percentile": ("Percentile", "Perzentil"),
    "bm.peers": ("Assessments", "Bewertungen"),
    "bm.median": ("Median of others", "Median der anderen"),
    "bm.middle": ("Middle half", "Mittlere Hälfte"),
    "bm.industry": ("In the industry", "In der Branche"),
    "bm.industry_value": ("{percentile} (of {count})", "{percentile} (von {count})"),
    "bm.industry_note": ("Industry comparison within \u201c{industry}\u201d ({count} assessments).",
                         "Branchenvergleich innerhalb \u201e{industry}\u201c ({count} Bewertungen)."),
    "bm.no_industry": ("No industry comparison: fewer than {min} assessments share this client's industry.",
                       "Kein Branchenvergleich: Weniger als {min} Bewertungen teilen die Branche dieses Kunden."),
    "bm.privacy": ("Anonymised: no other client, participant or file is named above. The file list below is "
                   "for you, not for the client's eyes.",
                   "Anonymisiert: Oben werden kein anderer Kunde, keine Teilnehmenden und keine Dateien genannt. "
                   "Die Dateiliste unten ist für Sie bestimmt, nicht für den Kunden."),
    "bm.files": ("{files} files read; {count} assessments in the benchmark; {skipped} skipped.",
                 "{files} Dateien gelesen; {count} Bewertungen im Benchmark; {skipped} übersprungen."),
    "bm.show_skipped": ("Show skipped files ({count})", "Übersprungene Dateien anzeigen ({count})"),
    "bm.hide_skipped": ("Hide skipped files", "Übersprungene Dateien ausblenden"),
    "bm.file": ("File", "Datei"),
    "bm.reason": ("Reason", "Grund"),
    "bm.again": ("Choose another folder…", "Anderen Ordner wählen…"),
    "bm.tooltip": ("Percentile {percentile} among {count} assessments; their median is {median}.",
                   "Perzentil {percentile} unter {count} Bewertungen; deren Median ist {median}."),
    # results: movement since the baseline and the benchmark column
    "res.since_baseline": ("Since baseline", "Seit Baseline"),
    "res.benchmark": ("Percentile", "Perzentil"),
    "res.baseline": ("Baseline", "Baseline"),
    "res.movement": ("Movement since the baseline", "Entwicklung seit der Baseline"),
    "res.movement_from": ("Compared with the baseline {file} (workshop {date}).",
                          "Verglichen mit der Baseline {file} (Workshop {date})."),
    "res.movement_from_nodate": ("Compared with the baseline {file}.", "Verglichen mit der Baseline {file}."),
    "res.movement_overall": ("Overall maturity {before} → {after} ({change}) · level {level_before} → {level_after}",
                             "Gesamtreife {before} → {after} ({change}) · Stufe {level_before} → {level_after}"),
    "res.actions_done": ("Earlier actions done: {done} of {total}", "Frühere Maßnahmen erledigt: {done} von {total}"),
    "res.uc_movement": ("Use-case priority", "Priorität der Anwendungsfälle"),
    "res.metrics": ("Baseline metrics", "Baseline-Kennzahlen"),
    "res.metric": ("Metric", "Kennzahl"),
    "res.unit": ("Unit", "Einheit"),
    "res.before": ("Before", "Vorher"),
    "res.after": ("After", "Nachher"),
    "res.change": ("Change", "Veränderung"),
    "res.new": ("new", "neu"),
    "res.dropped": ("dropped", "entfallen"),
    "res.better": ("better", "besser"),
    "res.worse": ("worse", "schlechter"),
    "res.no_metrics": ("No baseline metrics were measured.", "Es wurden keine Baseline-Kennzahlen erhoben."),
    "res.baseline_damaged": ("The stored baseline cannot be read: {reason}", "Die gespeicherte Baseline ist nicht lesbar: {reason}"),
    # roadmap: done marks and the baseline's earlier actions
    "rm.mark_done": ("✓ Mark done", "✓ Als erledigt markieren"),
    "rm.mark_open": ("Mark open", "Als offen markieren"),
    "rm.done": ("done", "erledigt"),
    "rm.open": ("open", "offen"),
    "rm.state": ("State", "Status"),
    "rm.phase": ("Phase", "Phase"),
    "rm.still_planned": ("Still planned", "Weiter geplant"),
    "rm.earlier_title": ("Actions from the baseline", "Maßnahmen aus der Baseline"),
    "rm.earlier_actions": ("Actions from the baseline: {done} of {total} done",
                           "Maßnahmen aus der Baseline: {done} von {total} erledigt"),
    "undo.mark_done": ("mark \u201c{title}\u201d done", "\u201e{title}\u201c als erledigt markieren"),
    "undo.mark_open": ("mark \u201c{title}\u201d open", "\u201e{title}\u201c als offen markieren"),
    # export: report language, benchmark
    "ex.language": ("Report language:", "Berichtssprache:"),
    "ex.language_note": ("Every deliverable is written in the engagement's report language; "
                         "changing it here changes it for the engagement.",
                         "Alle Ergebnisse werden in der Berichtssprache des Auftrags erstellt; eine "
                         "Änderung hier gilt für den ganzen Auftrag."),
    "ex.benchmark": ("Include the portfolio benchmark ({count} assessments, anonymised)",
                     "Portfolio-Benchmark einbeziehen ({count} Bewertungen, anonymisiert)"),
    # vote grid: number and checklist votes
    "q.votes_keys_number": ("Select a participant and type a number ({unit}); Enter saves, Delete clears.",
                            "Teilnehmende wählen und eine Zahl ({unit}) eingeben; Eingabe speichert, Entf löscht."),
    "q.votes_keys_number_plain": ("Select a participant and type a number; Enter saves, Delete clears.",
                                  "Teilnehmende wählen und eine Zahl eingeben; Eingabe speichert, Entf löscht."),
    "q.vote_range": ("Votes from {low} to {high} {unit}", "Stimmen von {low} bis {high} {unit}"),
    "q.votes_keys_checklist": ("Select a participant and type 1–{n} to tick or untick an item (or double-click "
                               "the vote); Delete clears.",
                               "Teilnehmende wählen und 1–{n} tippen, um einen Punkt an- oder abzuhaken (oder "
                               "Doppelklick auf die Stimme); Entf löscht."),
    # help
    "help.title": ("Readiness Studio help", "Hilfe zu Readiness Studio"),
    "help.text": (
        "<h3>Running the workshop</h3>"
        "<p>Work through the steps on the left in any order; each shows how complete it is.</p>"
        "<p><b>Workshop mode</b> (F5) shows one question in large type for the projector; "
        "<b>F11</b> toggles full screen.</p>"
        "<ul><li><b>0–4</b>: answer a scale question · <b>1–9</b>: pick an option</li>"
        "<li><b>N</b>: not applicable (asks for a short reason)</li>"
        "<li><b>←/→</b>, <b>PgUp/PgDn</b>: previous / next question</li>"
        "<li>Votes: select a participant in the vote grid and type 0–4, then <b>Reveal</b> and "
        "<b>Record consensus</b></li></ul>"
        "<p>Every change is saved at once. <b>Ctrl+Z</b> undoes, <b>Ctrl+Shift+Z</b> redoes, across all "
        "steps. <b>Ctrl+S</b> saves a copy, <b>Ctrl+E</b> exports.</p>",
        "<h3>Den Workshop durchführen</h3>"
        "<p>Bearbeiten Sie die Schritte links in beliebiger Reihenfolge; jeder zeigt, wie vollständig er ist.</p>"
        "<p>Der <b>Workshop-Modus</b> (F5) zeigt eine Frage in großer Schrift für den Beamer; "
        "<b>F11</b> schaltet Vollbild um.</p>"
        "<ul><li><b>0–4</b>: Skalenfrage beantworten · <b>1–9</b>: Option wählen</li>"
        "<li><b>N</b>: nicht anwendbar (fragt nach einer kurzen Begründung)</li>"
        "<li><b>←/→</b>, <b>Bild↑/Bild↓</b>: vorherige / nächste Frage</li>"
        "<li>Stimmen: Teilnehmende im Stimmenraster wählen und 0–4 tippen, dann <b>Aufdecken</b> und "
        "<b>Konsens übernehmen</b></li></ul>"
        "<p>Jede Änderung wird sofort gespeichert. <b>Strg+Z</b> macht rückgängig, <b>Strg+Umschalt+Z</b> "
        "wiederholt, über alle Schritte. <b>Strg+S</b> speichert eine Kopie, <b>Strg+E</b> exportiert.</p>"),
    "about.text": ("Readiness Studio {version}\nOffline AI-readiness workshops.",
                   "Readiness Studio {version}\nKI-Readiness-Workshops, offline."),
    "common.yes": ("Yes", "Ja"),
    "common.close": ("Close", "Schließen"),
    "common.no": ("No", "Nein"),
    # import wizard (ui/import_wizard.py) and the answer's source in the question view
    "iw.title": ("Import {name}", "{name} importieren"),
    "iw.reading": ("Reading the workbook…", "Arbeitsmappe wird gelesen…"),
    "iw.status": ("Status", "Status"),
    "iw.back": ("< &Back", "< &Zurück"),
    "iw.next": ("&Next >", "&Weiter >"),
    "iw.finish": ("&Import", "&Importieren"),
    "iw.load": ("&Load profile…", "Profil &laden…"),
    "iw.save": ("&Save mapping as profile…", "Zuordnung als Profil &speichern…"),
    "iw.load_title": ("Load an import profile", "Importprofil laden"),
    "iw.save_title": ("Save the mapping as an import profile", "Zuordnung als Importprofil speichern"),
    "iw.filter_profile": ("Import profiles (*.json)", "Importprofile (*.json)"),
    "iw.loaded": ("Profile {name} loaded.", "Profil {name} geladen."),
    "iw.loaded_missing": ("This workbook has no sheet {sheets}; choose the sheet.",
                          "Diese Arbeitsmappe hat kein Blatt {sheets}; bitte das Blatt wählen."),
    "iw.saved": ("Mapping saved as {path}", "Zuordnung gespeichert: {path}"),
    "iw.p1_title": ("Step 1 of 4: sheet and header row", "Schritt 1 von 4: Blatt und Kopfzeile"),
    "iw.p1_sub": ("Choose the sheet with the answers and the row that holds the column headers.",
                  "Wählen Sie das Blatt mit den Antworten und die Zeile mit den Spaltenüberschriften."),
    "iw.file": ("Workbook: {name}", "Arbeitsmappe: {name}"),
    "iw.sheets": ("&Sheets:", "&Blätter:"),
    "iw.sheets_name": ("Sheets of the workbook", "Blätter der Arbeitsmappe"),
    "iw.sheet_rows": ("({count} rows)", "({count} Zeilen)"),
    "iw.hidden": ("[hidden]", "[ausgeblendet]"),
    "iw.header_row": ("&Header row:", "&Kopfzeile:"),
    "iw.header_row_name": ("Header row number", "Nummer der Kopfzeile"),
    "iw.detected": ("Detected header: row {row}. Double-click a row to choose another.",
                    "Erkannte Kopfzeile: Zeile {row}. Doppelklick auf eine Zeile wählt eine andere."),
    "iw.not_detected": ("No header row detected; choose it (double-click a row).",
                        "Keine Kopfzeile erkannt; bitte wählen (Doppelklick auf eine Zeile)."),
    "iw.kind_template": ("This is a Readiness Studio fill-in template: it imports without a mapping.",
                         "Dies ist eine Readiness-Studio-Vorlage: Sie wird ohne Zuordnung importiert."),
    "iw.kind_scorecard": ("This is a Readiness Studio scorecard: it rebuilds the assessment exactly.",
                          "Dies ist eine Readiness-Studio-Scorecard: Sie stellt die Bewertung genau wieder her."),
    "iw.preview_rows": ("&First rows of the sheet (the header row is highlighted):",
                        "&Erste Zeilen des Blatts (die Kopfzeile ist hervorgehoben):"),
    "iw.preview_rows_name": ("Preview of the first rows", "Vorschau der ersten Zeilen"),
    "iw.p2_title": ("Step 2 of 4: columns", "Schritt 2 von 4: Spalten"),
    "iw.p2_sub": ("Tell which column holds what. Detected columns are filled in.",
                  "Geben Sie an, welche Spalte was enthält. Erkannte Spalten sind vorausgefüllt."),
    "iw.p2_intro": ("* needed: the answer, and the question id or the question text (or both).",
                    "* nötig: die Antwort sowie die Fragen-ID oder der Fragetext (oder beides)."),
    "iw.answer_value": ("Answer as a number (e.g. a hidden formula column)",
                        "Antwort als Zahl (z. B. verborgene Formelspalte)"),
    "iw.not_used": ("(not used)", "(nicht verwendet)"),
    "iw.no_header": ("(no header)", "(ohne Überschrift)"),
    "iw.for_example": ("e.g. {values}", "z. B. {values}"),
    "iw.col_empty": ("(empty in the first rows)", "(leer in den ersten Zeilen)"),
    "iw.cols_missing": ("Not found in this header row: {names}", "In dieser Kopfzeile nicht gefunden: {names}"),
    "iw.default_uc": ("Use case for rows &without one:", "Anwendungsfall für Zeilen &ohne Angabe:"),
    "iw.default_uc_hint": ("optional: a use-case name for per-use-case questions",
                           "optional: Name eines Anwendungsfalls für Fragen je Anwendungsfall"),
    "iw.p3_title": ("Step 3 of 4: answer values and questions", "Schritt 3 von 4: Antwortwerte und Fragen"),
    "iw.p3_sub": ("Check what each answer becomes on our scales and which of our questions each row answers.",
                  "Prüfen Sie, was aus jeder Antwort auf unseren Skalen wird und welche unserer Fragen jede Zeile beantwortet."),
    "iw.scale": ("Numbers in the answer column are on the &scale:", "Zahlen in der Antwortspalte haben die &Skala:"),
    "iw.scale_auto": ("automatic (read as {scale})", "automatisch (gelesen als {scale})"),
    "iw.scale_percent": ("0-100 (percent)", "0-100 (Prozent)"),
    "iw.values_title": ("Answer values", "Antwortwerte"),
    "iw.questions_title": ("Questions", "Fragen"),
    "iw.v_hint": ("Each distinct answer of the workbook and our value for it (0–4, not applicable, an option). "
                  "Not understood: {unread}.",
                  "Jede Antwort der Arbeitsmappe und unser Wert dafür (0–4, nicht anwendbar, eine Option). "
                  "Nicht verstanden: {unread}."),
    "iw.v_hint_number": ("Where the number column has a value, that number is used.",
                         "Wo die Zahlenspalte einen Wert hat, wird diese Zahl verwendet."),
    "iw.q_hint": ("Red: no match of at least {percent} % ({weak} question(s)): choose ours or leave them out. "
                  "Amber: matched by similar text; check.",
                  "Rot: keine Übereinstimmung von mindestens {percent} % ({weak} Frage(n)): unsere wählen oder "
                  "weglassen. Gelb: über ähnlichen Text gefunden; bitte prüfen."),
    "iw.col_label": ("In the workbook", "In der Arbeitsmappe"),
    "iw.col_count": ("Rows", "Zeilen"),
    "iw.col_our_value": ("Our value", "Unser Wert"),
    "iw.col_example": ("Question (or why it is not understood)", "Frage (oder warum nicht verstanden)"),
    "iw.col_their_question": ("Their question (id – text)", "Ihre Frage (ID – Text)"),
    "iw.col_rows": ("Rows", "Zeilen"),
    "iw.col_our_question": ("Our question", "Unsere Frage"),
    "iw.col_confidence": ("Confidence", "Sicherheit"),
    "iw.value_for": ("Our value for {label}", "Unser Wert für {label}"),
    "iw.match_for": ("Our question for {question}", "Unsere Frage für {question}"),
    "iw.val_auto": ("automatic: {value}", "automatisch: {value}"),
    "iw.val_auto_none": ("automatic: not understood", "automatisch: nicht verstanden"),
    "iw.val_empty": ("no answer", "keine Antwort"),
    "iw.val_skip": ("leave unanswered", "unbeantwortet lassen"),
    "iw.val_option": ("option: {label}", "Option: {label}"),
    "iw.val_no_question": ("no matched question in these rows", "keine zugeordnete Frage in diesen Zeilen"),
    "iw.no_match": ("(leave out)", "(weglassen)"),
    "iw.conf_chosen": ("100 % (chosen)", "100 % (gewählt)"),
    "iw.conf_none_chosen": ("left out (chosen)", "weggelassen (gewählt)"),
    "iw.conf_none": ("0 % – no match", "0 % – keine Übereinstimmung"),
    "iw.conf_weak": ("{percent} – too low; nearest: {guess}", "{percent} – zu niedrig; am nächsten: {guess}"),
    "iw.how_id": ("{percent} (by id)", "{percent} (über ID)"),
    "iw.how_id_in_text": ("{percent} (id in the text)", "{percent} (ID im Text)"),
    "iw.how_text": ("{percent} (same text)", "{percent} (gleicher Text)"),
    "iw.how_similar_text": ("{percent} (similar text)", "{percent} (ähnlicher Text)"),
    "iw.how_profile": ("{percent} (profile)", "{percent} (Profil)"),
    "iw.how_none": ("{percent}", "{percent}"),
    "iw.p4_title": ("Step 4 of 4: preview", "Schritt 4 von 4: Vorschau"),
    "iw.p4_sub": ("Nothing has been written yet. Import writes a new assessment file and opens it.",
                  "Noch ist nichts geschrieben. Importieren schreibt eine neue Bewertungsdatei und öffnet sie."),
    "iw.count_answers": ("answers", "Antworten"),
    "iw.count_participants": ("participants", "Teilnehmende"),
    "iw.count_use_cases": ("use cases", "Anwendungsfälle"),
    "iw.count_problems": ("rows with problems", "Zeilen mit Problemen"),
    "iw.summary": ("{votes} votes, {consensus} consensus answers, {na} not applicable; {rows} rows read from "
                   "{file}; {warnings} warning(s).",
                   "{votes} Stimmen, {consensus} Konsensantworten, {na} nicht anwendbar; {rows} Zeilen aus "
                   "{file} gelesen; {warnings} Warnung(en)."),
    "iw.problems": ("&Problems and notes ({count}):", "&Probleme und Hinweise ({count}):"),
    "iw.problems_name": ("Problems: sheet, row, column, reason", "Probleme: Blatt, Zeile, Spalte, Grund"),
    "iw.answers": ("&What will be imported ({count} answers):", "&Was importiert wird ({count} Antworten):"),
    "iw.answers_name": ("Answers that will be imported", "Antworten, die importiert werden"),
    "iw.col_severity": ("Kind", "Art"),
    "iw.col_sheet": ("Sheet", "Blatt"),
    "iw.col_row": ("Row", "Zeile"),
    "iw.col_column": ("Column", "Spalte"),
    "iw.col_reason": ("Reason", "Grund"),
    "iw.col_source": ("Source (file / sheet / row)", "Quelle (Datei / Blatt / Zeile)"),
    "iw.col_question": ("Question", "Frage"),
    "iw.col_cell": ("Cell", "Zelle"),
    "iw.col_value": ("Value", "Wert"),
    "iw.col_who": ("Who · use case", "Wer · Anwendungsfall"),
    "iw.col_match": ("Found by", "Gefunden über"),
    "iw.exact": ("exactly", "genau"),
    "iw.consensus": ("consensus", "Konsens"),
    "iw.sev_error": ("problem", "Problem"),
    "iw.sev_warning": ("warning", "Warnung"),
    "iw.sev_info": ("note", "Hinweis"),
    "iw.allow": ("Import the other rows anyway ({count} row(s) with problems are left out)",
                 "Die übrigen Zeilen trotzdem importieren ({count} Zeile(n) mit Problemen werden ausgelassen)"),
    "iw.nothing": ("Nothing to import: no answer could be read. Go back and check the mapping.",
                   "Nichts zu importieren: keine Antwort lesbar. Gehen Sie zurück und prüfen Sie die Zuordnung."),
    "iw.target": ("Save &as:", "Speichern &unter:"),
    "iw.choose": ("&Choose…", "&Wählen…"),
    "iw.choose_name": ("Choose the new assessment file", "Neue Bewertungsdatei wählen"),
    "iw.no_folder": ("The folder {folder} does not exist; choose another place.",
                     "Der Ordner {folder} existiert nicht; bitte einen anderen Ort wählen."),
    "iw.replace_title": ("Replace the file?", "Datei ersetzen?"),
    "iw.replace": ("{name} exists already. Replace it with the imported assessment?",
                   "{name} gibt es schon. Durch die importierte Bewertung ersetzen?"),
    "q.source": ("Imported from {source}", "Importiert aus {source}"),
}


def _add_workshop_strings() -> None:
    """The keyboard model, hidden votes, dates and zoom strings (ui/i18n_workshop.py)."""
    from readiness_app.ui.i18n_workshop import STRINGS as workshop

    duplicated = STRINGS.keys() & workshop.keys()
    if duplicated:
        raise KeyError(f"interface strings defined twice: {sorted(duplicated)}")
    STRINGS.update(workshop)


_add_workshop_strings()


def _add_strings() -> None:
    """The strings of pre-work and merges live in their own module (ui/i18n_prework.py)."""
    from readiness_app.ui.i18n_prework import STRINGS as prework

    duplicated = STRINGS.keys() & prework.keys()
    if duplicated:
        raise KeyError(f"interface strings defined twice: {sorted(duplicated)}")
    STRINGS.update(prework)


_add_strings()


def _add_room_strings() -> None:
    """The strings of the room (votes from phones) live in their own module (ui/i18n_room.py)."""
    from readiness_app.ui.i18n_room import STRINGS as room

    duplicated = STRINGS.keys() & room.keys()
    if duplicated:
        raise KeyError(f"interface strings defined twice: {sorted(duplicated)}")
    STRINGS.update(room)


_add_room_strings()


def _add_regulation_strings() -> None:
    """The strings of the EU AI Act screening and the regulation panel live in ui/i18n_regulation.py."""
    from readiness_app.ui.i18n_regulation import STRINGS as regulation

    duplicated = STRINGS.keys() & regulation.keys()
    if duplicated:
        raise KeyError(f"interface strings defined twice: {sorted(duplicated)}")
    STRINGS.update(regulation)


_add_regulation_strings()


def _add_import_strings() -> None:
    """The strings of imported instruments live in ui/i18n_import.py."""
    from readiness_app.ui.i18n_import import STRINGS as imported

    duplicated = STRINGS.keys() & imported.keys()
    if duplicated:
        raise KeyError(f"interface strings defined twice: {sorted(duplicated)}")
    STRINGS.update(imported)


_add_import_strings()
