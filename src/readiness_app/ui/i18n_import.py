"""Interface strings of imported instruments (the step that asks them), in English and German.

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key.
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "step.imported": ("Imported instruments", "Importierte Instrumente"),
    "iw.layout": ("&Layout:", "&Aufbau:"),
    "iw.layout_name": ("Layout of the sheet", "Aufbau des Blatts"),
    "iw.layout_auto": ("As detected", "Wie erkannt"),
    "iw.layout_long": ("One row per answer (long)", "Eine Zeile je Antwort (lang)"),
    "iw.layout_by-subject": ("One row per use case (by subject)", "Eine Zeile je Anwendungsfall (nach Thema)"),
    "iw.layout_by-participant": ("One column per participant", "Eine Spalte je Teilnehmer"),
    "iw.layout_detected": ("Detected: {layout}.", "Erkannt: {layout}."),
    "iw.layout_long_hint": ("Next: choose the question and answer columns.",
                            "Weiter: Frage- und Antwortspalten wählen."),
    "iw.layout_by-subject_hint": ("Each row becomes a use case, each other column a criterion answered for it.",
                                  "Jede Zeile wird ein Anwendungsfall, jede weitere Spalte ein Kriterium dafür."),
    "iw.layout_by-participant_hint": ("Each answer column becomes a participant; the answers become their votes.",
                                      "Jede Antwortspalte wird ein Teilnehmer; die Antworten werden seine Stimmen."),
    "iw.instrument_title": ("&Title of the imported instrument:", "&Titel des importierten Instruments:"),
    "iw.instrument_title_name": ("Title of the imported instrument", "Titel des importierten Instruments"),
    "iw.profile_fits": ("Use the saved profile {name} (it fits this workbook)",
                        "Gespeichertes Profil {name} verwenden (es passt zu dieser Arbeitsmappe)"),
    "iw.layout_read": ("Read as: {layout}.", "Gelesen als: {layout}."),
    "iw.instrument_created": ("Questions without a counterpart in our questionnaires are kept as the imported "
                              "instrument “{title}” ({count} questions).",
                              "Fragen ohne Entsprechung in unseren Fragebögen bleiben als importiertes Instrument "
                              "„{title}“ erhalten ({count} Fragen)."),
}
