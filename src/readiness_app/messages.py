"""What the core tells people (errors, import problems, skipped files), in English and German.

The core writes its messages in English, as the command line shows them. A message made with
:func:`msg` is still a plain ``str`` (English), but it keeps its template and values, so the app
can show it in the interface language: :func:`localized` looks the English template up in
:data:`GERMAN`. Values that are messages themselves are translated too; anything else (file
names, numbers, what SQLite or the operating system said) stays as it is.

Every template used with :func:`msg` has its German entry here, with the same ``{fields}``;
``tests/test_messages.py`` checks both by reading the source. Problems found in questionnaire
files stay English: they are for whoever edits the TOML, like the command line. No Qt here.
"""

from __future__ import annotations

from typing import Any


class Message(str):
    """English text that remembers its template and values, so it can be said in German too."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        text = super().__new__(cls, template.format(**params))
        text.template = template
        text.params = params
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # pickling (worker processes) keeps the template
        return (_rebuild, (self.template, self.params))

    def in_language(self, lang: str) -> str:
        if lang != "de":
            return str(self)
        german = GERMAN.get(self.template, self.template)  # a join, or (never shipped) a missing entry
        return german.format(**{k: localized(v, lang) if isinstance(v, str) else v for k, v in self.params.items()})


class Bilingual(Message):
    """A value given in both languages (option labels, level names): English, or German in German."""

    german: str

    def __new__(cls, en: str, de: str) -> Bilingual:
        text = str.__new__(cls, en)
        text.template, text.params, text.german = en, {}, de
        return text

    def __reduce__(self) -> tuple[Any, ...]:
        return (Bilingual, (str(self), self.german))

    def in_language(self, lang: str) -> str:
        return self.german if lang == "de" else str(self)


def whole(n: int) -> Bilingual:
    """A whole number with thousands separators: 100,000 / 100.000."""
    text = f"{n:,}"
    return Bilingual(text, text.replace(",", "."))


def decimal(x: float, digits: int) -> Bilingual:
    """A decimal number: 2.50 / 2,50."""
    text = f"{x:.{digits}f}"
    return Bilingual(text, text.replace(".", ","))


def percent(ratio: float) -> Bilingual:
    """A share as a percentage: 75% / 75 %."""
    return Bilingual(f"{ratio:.0%}", f"{ratio * 100:.0f} %")


def _rebuild(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)


def msg(template: str, **params: Any) -> Message:
    """A message: ``template.format(**params)`` in English, translatable by :func:`localized`."""
    return Message(template, **params)


def localized(text: str, lang: str) -> str:
    """``text`` in ``lang`` ("en" or "de") if it is a :class:`Message` with a translation, else as it is."""
    return text.in_language(lang) if isinstance(text, Message) else text


def message_of(exc: BaseException) -> str:
    """An error's message on one line, still translatable when it was made with :func:`msg`."""
    first = exc.args[0] if exc.args else None
    if isinstance(first, Message) and "\n" not in first:
        return first
    return str(exc).replace("\n", " ")


def join(parts: list[str], separator: str = "; ") -> Message:
    """Messages joined into one that translates part by part."""
    fields = {f"p{i}": p for i, p in enumerate(parts)}
    return Message(separator.join(f"{{p{i}}}" for i in range(len(parts))), **fields)


# English template -> German template (formal "Sie"; the same {fields}).
GERMAN: dict[str, str] = {
    # places in a workbook
    "row {row}": "Zeile {row}",
    "column {column}": "Spalte {column}",
    # assessment files (storage, lock)
    "file not found": "Datei nicht gefunden",
    "is a folder, not an assessment file": "ist ein Ordner, keine Bewertungsdatei",
    "cannot read the file: {reason}": "die Datei kann nicht gelesen werden: {reason}",
    "not a Readiness Studio assessment (the file is not an SQLite database). Choose a .readiness file, "
    "or use Import for Excel workbooks.":
        "keine Readiness-Studio-Bewertung (die Datei ist keine SQLite-Datenbank). Wählen Sie eine "
        ".readiness-Datei, oder nutzen Sie den Import für Excel-Arbeitsmappen.",
    "the file is damaged and cannot be read ({detail}). Open a backup or an exported copy.":
        "die Datei ist beschädigt und kann nicht gelesen werden ({detail}). Öffnen Sie eine Sicherung "
        "oder eine exportierte Kopie.",
    "the file is damaged (integrity check: {detail}). Open a backup or an exported copy.":
        "die Datei ist beschädigt (Integritätsprüfung: {detail}). Öffnen Sie eine Sicherung oder eine "
        "exportierte Kopie.",
    "an SQLite database, but not a Readiness Studio assessment.":
        "eine SQLite-Datenbank, aber keine Readiness-Studio-Bewertung.",
    "written by a newer version of Readiness Studio (file format {version}; this version reads up to "
    "{supported}). Update Readiness Studio to open it; the file was not changed.":
        "mit einer neueren Version von Readiness Studio geschrieben (Dateiformat {version}; diese Version "
        "liest bis {supported}). Aktualisieren Sie Readiness Studio, um sie zu öffnen; die Datei wurde "
        "nicht verändert.",
    "the file is damaged: its tables do not match its format number {version} ({detail}). "
    "Open a backup or an exported copy; the file was not changed.":
        "die Datei ist beschädigt: ihre Tabellen passen nicht zu ihrer Formatnummer {version} ({detail}). "
        "Öffnen Sie eine Sicherung oder eine exportierte Kopie; die Datei wurde nicht verändert.",
    "another program is using the file ({detail}). Close it there or try again in a moment; nothing "
    "was changed.":
        "ein anderes Programm verwendet die Datei ({detail}). Schließen Sie sie dort oder versuchen Sie es "
        "gleich noch einmal; nichts wurde verändert.",
    "a text is too long for a page of the report even when shortened ({detail})":
        "ein Text ist selbst gekürzt zu lang für eine Seite des Berichts ({detail})",
    "a file of this name already exists": "eine Datei dieses Namens gibt es bereits",
    "the file is read-only; save a copy to edit it":
        "die Datei ist schreibgeschützt; speichern Sie eine Kopie, um sie zu bearbeiten",
    "cannot open the assessment ({detail})": "die Bewertung kann nicht geöffnet werden ({detail})",
    "cannot read the assessment ({detail})": "die Bewertung kann nicht gelesen werden ({detail})",
    "opened read-only": "schreibgeschützt geöffnet",
    "could not save the change ({detail}); nothing was changed":
        "die Änderung konnte nicht gespeichert werden ({detail}); nichts wurde verändert",
    "the file holds no questionnaire snapshot": "die Datei enthält keine Fragebogen-Momentaufnahme",
    "this assessment is already open{who}. Close it there first, or open a copy.":
        "diese Bewertung ist bereits geöffnet{who}. Schließen Sie sie dort zuerst oder öffnen Sie eine Kopie.",
    " by {user} on {host} since {since}": " von {user} auf {host} seit {since}",
    "cannot create lock file: {reason}": "die Sperrdatei kann nicht angelegt werden: {reason}",
    # workbooks (reading and checking them)
    "is a folder, not a workbook": "ist ein Ordner, keine Arbeitsmappe",
    "cannot read the file ({reason})": "die Datei kann nicht gelesen werden ({reason})",
    "the file is empty, not an Excel workbook": "die Datei ist leer, keine Excel-Arbeitsmappe",
    "an empty zip archive, not an Excel workbook": "ein leeres Zip-Archiv, keine Excel-Arbeitsmappe",
    "not a spreadsheet: the file is not a zip archive (.xlsx, .xlsm, .ods) nor an Excel 97-2003 file (.xls); "
    "a CSV file must be named .csv or .tsv":
        "keine Tabelle: die Datei ist weder ein Zip-Archiv (.xlsx, .xlsm, .ods) noch eine Excel-97-2003-Datei "
        "(.xls); eine CSV-Datei muss auf .csv oder .tsv enden",
    "the file is empty, not a CSV file": "die Datei ist leer, keine CSV-Datei",
    "the file is {size} MB; a CSV file of an assessment is far smaller (limit {limit} MB)":
        "die Datei ist {size} MB groß; eine CSV-Datei einer Bewertung ist weit kleiner (Grenze {limit} MB)",
    "the workbook is {size} MB; an assessment workbook is far smaller (limit {limit} MB)":
        "die Arbeitsmappe ist {size} MB groß; eine Bewertungsmappe ist weit kleiner (Grenze {limit} MB)",
    "not a CSV file: it holds binary data; export the sheet as CSV (UTF-8) and import that":
        "keine CSV-Datei: sie enthält Binärdaten; exportieren Sie das Blatt als CSV (UTF-8) und importieren "
        "Sie diese",
    "not a readable CSV file ({detail})": "keine lesbare CSV-Datei ({detail})",
    "the sheet has more than {limit} columns; an assessment workbook has a few dozen":
        "das Blatt hat mehr als {limit} Spalten; eine Bewertungsmappe hat ein paar Dutzend",
    "the spreadsheet is password-protected (encrypted). Open it in LibreOffice, remove the password, save it "
    "and import again":
        "die Tabelle ist kennwortgeschützt (verschlüsselt). Öffnen Sie sie in LibreOffice, entfernen Sie das "
        "Kennwort, speichern Sie sie und importieren Sie erneut",
    "question {question} is close to {id} ({confidence}) but below {minimum}; it is kept in the imported "
    "instrument (map it under \"questions\" in the profile to count it there)":
        "Frage {question} ähnelt {id} ({confidence}), liegt aber unter {minimum}; sie bleibt im importierten "
        "Instrument (ordnen Sie sie unter \"questions\" im Profil zu, damit sie dort zählt)",
    "{question} is answered already ({sheet} / row {row}); the crosswalk from the imported instrument is "
    "skipped here":
        "{question} ist bereits beantwortet ({sheet} / Zeile {row}); die Zuordnung aus dem importierten "
        "Instrument entfällt hier",
    "sheet skipped: its questions belong to no questionnaire read from this workbook":
        "Blatt übersprungen: seine Fragen gehören zu keinem Fragebogen, der aus dieser Arbeitsmappe gelesen wird",
    "{count} question(s) of this workbook have no counterpart in our questionnaires; they are kept as the "
    "imported instrument {title}":
        "{count} Frage(n) dieser Arbeitsmappe haben keine Entsprechung in unseren Fragebögen; sie bleiben als "
        "importiertes Instrument {title} erhalten",
    "the workbook is damaged or truncated ({detail}); open it in Excel or LibreOffice and save it again":
        "die Arbeitsmappe ist beschädigt oder abgeschnitten ({detail}); öffnen Sie sie in Excel oder "
        "LibreOffice und speichern Sie sie erneut",
    "a zip archive, but not an Excel workbook (no [Content_Types].xml)":
        "ein Zip-Archiv, aber keine Excel-Arbeitsmappe (kein [Content_Types].xml)",
    "part {part} expands {ratio}-fold; refused as a possible zip bomb":
        "Teil {part} entpackt sich auf das {ratio}-Fache; als mögliche Zip-Bombe abgelehnt",
    "the workbook expands to {size} MB; an assessment workbook is far smaller (limit {limit} MB)":
        "die Arbeitsmappe entpackt sich auf {size} MB; eine Bewertungsmappe ist weit kleiner "
        "(Grenze {limit} MB)",
    "part {part} declares an XML document type or entities, which workbooks never need; refused for safety":
        "Teil {part} deklariert einen XML-Dokumenttyp oder Entitäten, die Arbeitsmappen nie brauchen; "
        "aus Sicherheitsgründen abgelehnt",
    "the workbook is password-protected (encrypted). Open it in Excel, remove the password (File > Info > "
    "Protect Workbook), save it and import again":
        "die Arbeitsmappe ist kennwortgeschützt (verschlüsselt). Öffnen Sie sie in Excel, entfernen Sie das "
        "Kennwort (Datei > Informationen > Arbeitsmappe schützen), speichern Sie sie und importieren Sie "
        "erneut",
    "an OLE compound file that is not a readable Excel 97-2003 workbook (damaged, cut short or encrypted); "
    "open it in Excel or LibreOffice and save it again":
        "eine OLE-Verbunddatei, die keine lesbare Excel-97-2003-Arbeitsmappe ist (beschädigt, abgeschnitten oder "
        "verschlüsselt); öffnen Sie sie in Excel oder LibreOffice und speichern Sie sie erneut",
    "the workbook is damaged (part {part}: {detail}); open it in Excel or LibreOffice and save it again":
        "die Arbeitsmappe ist beschädigt (Teil {part}: {detail}); öffnen Sie sie in Excel oder LibreOffice "
        "und speichern Sie sie erneut",
    "a zip archive, but not an Excel workbook (no workbook part)":
        "ein Zip-Archiv, aber keine Excel-Arbeitsmappe (kein Arbeitsmappen-Teil)",
    "the sheet has more than {limit} rows; an assessment workbook has a few thousand at most. Delete "
    "unused rows or split the sheet, then import again":
        "das Blatt hat mehr als {limit} Zeilen; eine Bewertungsmappe hat höchstens einige tausend. Löschen "
        "Sie ungenutzte Zeilen oder teilen Sie das Blatt, dann importieren Sie erneut",
    "the workbook is damaged ({detail}); open it in Excel or LibreOffice and save it again":
        "die Arbeitsmappe ist beschädigt ({detail}); öffnen Sie sie in Excel oder LibreOffice und "
        "speichern Sie sie erneut",
    "no sheet named {name}; the workbook has {listed}": "kein Blatt namens {name}; die Arbeitsmappe hat {listed}",
    "no sheet named {name}": "kein Blatt namens {name}",
    "the hidden data sheet of this Readiness Studio workbook is incomplete or was changed, so the "
    "assessment cannot be rebuilt exactly; import it with a profile instead":
        "das verborgene Datenblatt dieser Readiness-Studio-Arbeitsmappe ist unvollständig oder wurde "
        "verändert, daher lässt sich die Bewertung nicht exakt wiederherstellen; importieren Sie sie "
        "stattdessen mit einem Profil",
    "the hidden data ({key}) is damaged: {detail}": "die verborgenen Daten ({key}) sind beschädigt: {detail}",
    "the workbook declares XML entities, which workbooks never need; refused for safety":
        "die Arbeitsmappe deklariert XML-Entitäten, die Arbeitsmappen nie brauchen; aus "
        "Sicherheitsgründen abgelehnt",
    "the workbook is incomplete (missing part {part}); open it in Excel or LibreOffice and save it again":
        "die Arbeitsmappe ist unvollständig (es fehlt Teil {part}); öffnen Sie sie in Excel oder "
        "LibreOffice und speichern Sie sie erneut",
    "cannot read the workbook ({detail}); open it in Excel or LibreOffice and save it again":
        "die Arbeitsmappe kann nicht gelesen werden ({detail}); öffnen Sie sie in Excel oder LibreOffice "
        "und speichern Sie sie erneut",
    # importing the rows of a workbook
    "no header row found; sheet skipped (give --header-row)":
        "keine Kopfzeile gefunden; Blatt übersprungen (geben Sie --header-row an)",
    "no column {column} for {role} in the header row; sheet skipped":
        "keine Spalte {column} für {role} in der Kopfzeile; Blatt übersprungen",
    "row {row} has no {missing}; sheet skipped (map the columns in a profile)":
        "Zeile {row} hat keine {missing}; Blatt übersprungen (ordnen Sie die Spalten in einem Profil zu)",
    "a formula ({formula}) with no saved result; open the workbook in Excel or LibreOffice, let it "
    "calculate, save it and import again":
        "eine Formel ({formula}) ohne gespeichertes Ergebnis; öffnen Sie die Arbeitsmappe in Excel oder "
        "LibreOffice, lassen Sie sie rechnen, speichern Sie sie und importieren Sie erneut",
    "{count} repeated header row(s) inside the sheet skipped":
        "{count} wiederholte Kopfzeile(n) innerhalb des Blatts übersprungen",
    "an answer but no question id or text": "eine Antwort, aber keine Fragen-ID und kein Fragetext",
    "question {question} matches {id} ({text}) only {confidence}; below {minimum}: add it under "
    "\"questions\" in the profile to accept":
        "Frage {question} passt nur zu {confidence} zu {id} ({text}); unter {minimum}: tragen Sie sie "
        "unter \"questions\" im Profil ein, um sie zu übernehmen",
    "no question matches {question}": "keine Frage passt zu {question}",
    "numbers in the answer column read as a {scale} scale ({why}); set \"scale\" in the profile to change":
        "Zahlen in der Antwortspalte als {scale}-Skala gelesen ({why}); ändern Sie das mit \"scale\" im Profil",
    "{question} is asked per use case, but the row names no use case (map a use-case column or set "
    "default_use_case)":
        "{question} wird je Anwendungsfall gefragt, aber die Zeile nennt keinen Anwendungsfall (ordnen Sie "
        "eine Anwendungsfall-Spalte zu oder setzen Sie default_use_case)",
    "{question} is answered already ({sheet} / row {row}) for {who}{where}; this row is skipped":
        "{question} ist bereits beantwortet ({sheet} / Zeile {row}) für {who}{where}; diese Zeile wird "
        "übersprungen",
    "{count} question row(s) without an answer skipped": "{count} Fragezeile(n) ohne Antwort übersprungen",
    "{count} row(s) cannot be imported; first: {first}. Fix the workbook or the profile, or import the "
    "rest anyway":
        "{count} Zeile(n) lassen sich nicht importieren; die erste: {first}. Korrigieren Sie die "
        "Arbeitsmappe oder das Profil, oder importieren Sie den Rest trotzdem",
    "{count} row(s) cannot be imported; first: {first}":
        "{count} Zeile(n) lassen sich nicht importieren; die erste: {first}",
    "nothing to import: no answer could be read": "nichts zu importieren: keine Antwort war lesbar",
    "exists already; choose another name or allow replacing it":
        "gibt es bereits; wählen Sie einen anderen Namen oder erlauben Sie das Ersetzen",
    "the import could not be written ({detail}); nothing was written":
        "der Import konnte nicht geschrieben werden ({detail}); nichts wurde geschrieben",
    "a scorecard rebuilds a whole assessment; import it into a new file instead":
        "eine Scorecard stellt eine ganze Bewertung wieder her; importieren Sie sie in eine neue Datei",
    "this template was exported from another assessment; import it into the assessment it came from, or "
    "into a new file":
        "diese Vorlage wurde aus einer anderen Bewertung exportiert; importieren Sie sie in die Bewertung, "
        "aus der sie stammt, oder in eine neue Datei",
    "the answers do not fit this assessment ({detail})": "die Antworten passen nicht zu dieser Bewertung ({detail})",
    "no sheet with a question column and an answer column was found; choose the sheet, header row and "
    "columns (a profile)":
        "kein Blatt mit einer Fragen- und einer Antwortspalte gefunden; wählen Sie Blatt, Kopfzeile und "
        "Spalten (ein Profil)",
    "the scorecard's hidden data is incomplete ({detail})":
        "die verborgenen Daten der Scorecard sind unvollständig ({detail})",
    "the template's hidden data is incomplete ({detail})":
        "die verborgenen Daten der Vorlage sind unvollständig ({detail})",
    "sheet missing from the template; its answers are not imported":
        "Blatt fehlt in der Vorlage; seine Antworten werden nicht importiert",
    "unknown question id {id} (was the ID column changed?)": "unbekannte Fragen-ID {id} (wurde die ID-Spalte geändert?)",
    "unknown use case id {id} (was the hidden column changed?)":
        "unbekannte Anwendungsfall-ID {id} (wurde die verborgene Spalte geändert?)",
    "{question} appears twice (row {row}); this row is skipped":
        "{question} kommt zweimal vor (Zeile {row}); diese Zeile wird übersprungen",
    # answers that cannot be read
    "a date ({value}) where a {kind} answer is expected": "ein Datum ({value}), wo eine Antwort ({kind}) erwartet wird",
    "the cell shows the error {value}; fix the formula or type the answer":
        "die Zelle zeigt den Fehler {value}; korrigieren Sie die Formel oder tippen Sie die Antwort",
    "{value} is not a number": "{value} ist keine Zahl",
    "the profile maps {value} to {target}, which is not an option of {question}":
        "das Profil ordnet {value} der Option {target} zu, die {question} nicht hat",
    "the profile maps {value} to {target}; a scale answer is 0-4":
        "das Profil ordnet {value} dem Wert {target} zu; eine Skalenantwort ist 0-4",
    "{value} is not an answer on the 0-4 scale ({levels}); map it under \"values\" in the profile":
        "{value} ist keine Antwort auf der Skala 0-4 ({levels}); ordnen Sie sie unter \"values\" im Profil zu",
    "{value} is not one of the options ({options})": "{value} ist keine der Optionen ({options})",
    "{value} gives {number}, which no option of {question} has ({options})":
        "{value} ergibt {number}, was keine Option von {question} hat ({options})",
    "a number ({value}) where a list of options is expected":
        "eine Zahl ({value}), wo eine Liste von Optionen erwartet wird",
    "{values} not among the options ({options})": "{values} nicht unter den Optionen ({options})",
    "{value} is outside the {scale} scale of this column; set \"scale\" in the profile if the column uses "
    "another range":
        "{value} liegt außerhalb der Skala {scale} dieser Spalte; setzen Sie \"scale\" im Profil, wenn die "
        "Spalte einen anderen Bereich nutzt",
    "{value} on a {scale} scale is {exact} on our 0-4 scale; rounded to {rounded}":
        "{value} auf einer Skala {scale} ist {exact} auf unserer Skala 0-4; gerundet auf {rounded}",
    "{value} is {exact} on our 0-4 scale; rounded to {rounded}":
        "{value} ist {exact} auf unserer Skala 0-4; gerundet auf {rounded}",
    # exports
    "unknown report section(s): {unknown}; choose from {known}":
        "unbekannte(r) Berichtsabschnitt(e): {unknown}; wählen Sie aus {known}",
    "the report needs at least one section": "der Bericht braucht mindestens einen Abschnitt",
    "the report contradicts its own answers ({count} problems); first: {first}":
        "der Bericht widerspricht seinen eigenen Antworten ({count} Probleme); erstes: {first}",
    "the scorecard carries no questionnaire texts and questionnaire {id} version {version} is not "
    "installed here; export it again with the questionnaire library included":
        "die Scorecard enthält keine Fragebogentexte, und Fragebogen {id} in Version {version} ist hier nicht "
        "installiert; exportieren Sie sie erneut mit der Fragebogenbibliothek",
    "the scorecard carries no questionnaire texts and reference library version {version} is not "
    "installed here; export it again with the questionnaire library included":
        "die Scorecard enthält keine Fragebogentexte, und die Referenzbibliothek in Version {version} ist hier "
        "nicht installiert; exportieren Sie sie erneut mit der Fragebogenbibliothek",
    "unknown report language {lang}; use en or de": "unbekannte Berichtssprache {lang}; nutzen Sie en oder de",
    "the logo file does not exist": "die Logodatei gibt es nicht",
    "the slide template does not exist": "die Folienvorlage gibt es nicht",
    "the slide template is not a PowerPoint presentation (.pptx or .potx): {detail}":
        "die Folienvorlage ist keine PowerPoint-Präsentation (.pptx oder .potx): {detail}",
    "the slide template has no slide layouts": "die Folienvorlage hat keine Folienlayouts",
    "the report font is missing; reinstall Readiness Studio":
        "die Schrift des Berichts fehlt; installieren Sie Readiness Studio neu",
    "the accent colour {value} is not a colour like #0E6E78":
        "die Akzentfarbe {value} ist keine Farbe wie #0E6E78",
    "cannot read the logo ({detail})": "das Logo kann nicht gelesen werden ({detail})",
    "cannot write the scorecard ({detail})": "die Scorecard kann nicht geschrieben werden ({detail})",
    "cannot write the template ({detail})": "die Vorlage kann nicht geschrieben werden ({detail})",
    "the anonymised copy must be a new file, not the original":
        "die anonymisierte Kopie muss eine neue Datei sein, nicht das Original",
    "the anonymised copy would still contain {leaked}; nothing was written":
        "die anonymisierte Kopie enthielte noch {leaked}; nichts wurde geschrieben",
    # follow-ups and portfolio
    "{detail}; start the follow-up again from the baseline file":
        "{detail}; starten Sie die Folgebewertung erneut aus der Ausgangsdatei",
    "a file of this name already exists; choose another name":
        "eine Datei dieses Namens gibt es bereits; wählen Sie einen anderen Namen",
    "the folder does not exist": "den Ordner gibt es nicht",
    "a file of this name appeared meanwhile; nothing was written":
        "eine Datei dieses Namens ist inzwischen entstanden; nichts wurde geschrieben",
    "not a folder of assessment files": "kein Ordner mit Bewertungsdateien",
    "its embedded questionnaires are damaged: {detail}": "ihre eingebetteten Fragebögen sind beschädigt: {detail}",
    "cannot be read ({detail})": "kann nicht gelesen werden ({detail})",
    "no maturity criteria answered yet": "noch keine Reifegradkriterien beantwortet",
    # pre-work and merges
    "a personal template needs the participant's name (not {name})":
        "eine persönliche Vorlage braucht den Namen der teilnehmenden Person (nicht {name})",
    "no Excel workbook (.xlsx) in this folder": "in diesem Ordner liegt keine Excel-Arbeitsmappe (.xlsx)",
    "not a filled template of this assessment; open it with Import instead":
        "keine ausgefüllte Vorlage dieser Bewertung; öffnen Sie sie über Importieren",
    "did not start from the same assessment as {this} (a merge joins copies of one assessment, such as "
    "breakout copies); nothing was merged":
        "ist nicht aus derselben Bewertung entstanden wie {this} (zusammengeführt werden Kopien einer "
        "Bewertung, etwa aus Breakout-Gruppen); nichts wurde zusammengeführt",
}
