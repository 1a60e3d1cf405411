"""The F1 help card: every key of the room on one card, in the interface language.

:data:`CARD` is the keyboard model as data; the dialog shows it, and the user guide's
keyboard chapter is written from it (``tests/ui/test_keyboard.py`` checks that they agree).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from readiness_app.ui.i18n import language, tr

# (section, [(keys EN, keys DE, what EN, what DE), ...])
CARD: tuple[tuple[tuple[str, str], tuple[tuple[str, str, str, str], ...]], ...] = (
    (("Questions (list and workshop mode)", "Fragen (Liste und Workshop-Modus)"), (
        ("0–4 · 1–9", "0–4 · 1–9",
         "Vote for the selected participant (scale 0–4, options 1–9); the selection moves down one row",
         "Stimme der gewählten Person (Skala 0–4, Optionen 1–9); die Auswahl rückt eine Zeile nach unten"),
        ("↑ / ↓", "↑ / ↓", "Choose the participant (or the consensus row) in the vote grid",
         "Person (oder die Konsenszeile) im Stimmenraster wählen"),
        ("C", "C", "Select the consensus row: the next digit records the room's answer",
         "Konsenszeile wählen: die nächste Ziffer hält die Antwort des Raums fest"),
        ("R", "R", "Reveal the votes (press again to hide them)",
         "Stimmen aufdecken (noch einmal: wieder verbergen)"),
        ("Enter", "Eingabe", "Record the consensus the revealed votes suggest",
         "Den Konsens übernehmen, den die aufgedeckten Stimmen nahelegen"),
        ("N", "N", "Not applicable (asks for a short reason)", "Nicht anwendbar (fragt nach einer kurzen Begründung)"),
        ("Delete", "Entf", "Clear the selected row's vote or the consensus",
         "Stimme der gewählten Zeile oder den Konsens löschen"),
        ("← / →  ·  PgUp / PgDn", "← / →  ·  Bild↑ / Bild↓", "Previous / next question (from any control but a text field)",
         "Vorherige / nächste Frage (aus jedem Element außer einem Textfeld)"),
        ("Tab / Shift+Tab · Esc", "Tab / Umschalt+Tab · Esc", "Move through every control · back to the question",
         "Durch alle Elemente gehen · zurück zur Frage"),
    )),
    (("The room", "Der Raum"), (
        ("F5", "F5", "Workshop mode: one question in large type for the projector",
         "Workshop-Modus: eine Frage in großer Schrift für den Beamer"),
        ("Ctrl++ / Ctrl+− / Ctrl+0", "Strg++ / Strg+− / Strg+0", "Presentation zoom: larger, smaller, normal",
         "Präsentationszoom: größer, kleiner, normal"),
        ("F11", "F11", "Full screen", "Vollbild"),
        ("Ctrl+D", "Strg+D", "Open or close the live dashboard window", "Live-Dashboard-Fenster öffnen oder schließen"),
        ("Ctrl+PgUp / Ctrl+PgDn", "Strg+Bild↑ / Strg+Bild↓", "Previous / next step", "Vorheriger / nächster Schritt"),
    )),
    (("Files and changes", "Dateien und Änderungen"), (
        ("Ctrl+Z / Ctrl+Shift+Z", "Strg+Z / Strg+Umschalt+Z", "Undo / redo, across all steps (every change is saved at once)",
         "Rückgängig / wiederholen, über alle Schritte (jede Änderung wird sofort gespeichert)"),
        ("Ctrl+N / Ctrl+O", "Strg+N / Strg+O", "New assessment / open a file", "Neue Bewertung / Datei öffnen"),
        ("Ctrl+S / Ctrl+E", "Strg+S / Strg+E", "Save a copy / export the report", "Kopie speichern / Bericht exportieren"),
        ("F1", "F1", "This card", "Diese Karte"),
    )),
)


def card_html(lang: str | None = None) -> str:
    """The card as HTML tables, one per section."""
    de = (lang or language()) == "de"
    parts = []
    for (title_en, title_de), rows in CARD:
        parts.append(f"<h3>{title_de if de else title_en}</h3><table cellspacing='0' cellpadding='4'>")
        for keys_en, keys_de, what_en, what_de in rows:
            parts.append(f"<tr><td style='white-space:nowrap'><b>{keys_de if de else keys_en}</b></td>"
                         f"<td>{what_de if de else what_en}</td></tr>")
        parts.append("</table>")
    parts.append(f"<p>{tr('help.hidden_votes')}</p>")
    return "".join(parts)


class HelpCard(QDialog):
    """Non-modal, so it can stay open beside the window; Esc or Close closes it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("help.title"))
        self.setAccessibleName(tr("help.title"))
        layout = QVBoxLayout(self)
        self.text = QLabel(card_html())
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.text)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox()
        close = buttons.addButton(tr("common.close"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setAccessibleName(tr("common.close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 640)


def markdown_table(lang: str = "en") -> str:
    """The card as Markdown (the user guide's keyboard chapter)."""
    de = lang == "de"
    out = []
    for (title_en, title_de), rows in CARD:
        out += [f"**{title_de if de else title_en}**", "", "| Key | What it does |", "|---|---|"]
        out += [f"| {keys_de if de else keys_en} | {what_de if de else what_en} |" for keys_en, keys_de, what_en, what_de
                in rows]
        out.append("")
    return "\n".join(out)
