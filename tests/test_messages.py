"""The core's messages: English as before, German in the German interface, none left untranslated."""

from __future__ import annotations

import ast
import pickle
import sqlite3
import string
from pathlib import Path

import pytest

from readiness_app.errors import AssessmentFileError, WorkbookImportError
from readiness_app.excel.importer import plan_import
from readiness_app.messages import GERMAN, Bilingual, Message, join, localized, message_of, msg
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.migrations import SCHEMA_VERSION

SRC = Path(__file__).resolve().parents[1] / "src" / "readiness_app"


def _templates_in_source() -> dict[str, str]:
    """Every template given to msg(...) in the package, with the file that uses it."""
    found: dict[str, str] = {}
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), (
                    f"{path.name}:{node.lineno}: msg() needs a literal template (no f-string), so it can be translated")
                found[first.value] = path.name
    return found


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_message_has_german_with_the_same_fields_and_no_entry_is_stale() -> None:
    used = _templates_in_source()
    assert len(used) > 60
    missing = sorted(t for t in used if t not in GERMAN)
    assert not missing, f"add German for: {missing}"
    for template, german in GERMAN.items():
        assert _fields(template) == _fields(german), template
        assert german.strip() and german != template, template
    stale = sorted(t for t in GERMAN if t not in used)
    assert not stale, f"no longer used: {stale}"


def test_a_message_is_english_text_that_can_say_itself_in_german() -> None:
    who = msg(" by {user} on {host} since {since}", user="anna", host="laptop-7", since="09:12")
    text = msg("this assessment is already open{who}. Close it there first, or open a copy.", who=who)
    assert isinstance(text, str) and text.startswith("this assessment is already open by anna on laptop-7")
    german = localized(text, "de")
    assert german.startswith("diese Bewertung ist bereits geöffnet von anna auf laptop-7 seit 09:12.")
    assert localized(text, "en") == str(text) and localized("plain text", "de") == "plain text"
    options = Bilingual("Yes, No", "Ja, Nein")
    problem = msg("{value} is not one of the options ({options})", value="'vielleicht'", options=options)
    assert str(problem) == "'vielleicht' is not one of the options (Yes, No)"
    assert localized(problem, "de") == "'vielleicht' ist keine der Optionen (Ja, Nein)"
    place = join(["Answers", msg("row {row}", row=7)], " / ")
    assert (str(place), localized(place, "de")) == ("Answers / row 7", "Answers / Zeile 7")
    for value in (text, problem, place, options):  # the import reads workbooks in worker processes
        again = pickle.loads(pickle.dumps(value))
        assert again == value and localized(again, "de") == localized(value, "de")
    assert message_of(AssessmentFileError(problem)) is problem
    assert message_of(ValueError("two\nlines")) == "two lines"


def test_errors_of_the_core_read_in_german(tmp_path: Path, mini_demo_file: Path) -> None:
    with sqlite3.connect(mini_demo_file) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(AssessmentFileError) as newer:
        AssessmentFile.open(mini_demo_file)
    assert "written by a newer version" in str(newer.value)  # the command line: English, as before
    assert newer.value.one_line("de") == (
        f"{mini_demo_file}: mit einer neueren Version von Readiness Studio geschrieben (Dateiformat "
        f"{SCHEMA_VERSION + 1}; diese Version liest bis {SCHEMA_VERSION}). Aktualisieren Sie Readiness "
        "Studio, um sie zu öffnen; die Datei wurde nicht verändert.")
    notes = tmp_path / "notes.xlsx"
    notes.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(WorkbookImportError) as bad:
        plan_import(notes)
    assert bad.value.one_line("de") == ("notes.xlsx: keine Tabelle: die Datei ist weder ein Zip-Archiv (.xlsx, .xlsm, "
                                        ".ods) noch eine Excel-97-2003-Datei (.xls); eine CSV-Datei muss auf .csv "
                                        "oder .tsv enden")


def test_numbers_in_german_messages_are_written_the_german_way() -> None:
    from readiness_app.messages import decimal, percent, whole

    rows = msg("the sheet has more than {limit} rows; an assessment workbook has a few thousand at most. Delete "
               "unused rows or split the sheet, then import again", limit=whole(100_000))
    assert "more than 100,000 rows" in rows and "mehr als 100.000 Zeilen" in localized(rows, "de")
    rounded = msg("{value} is {exact} on our 0-4 scale; rounded to {rounded}", value="2.5", exact=decimal(2.5, 2),
                  rounded=3)
    assert str(rounded) == "2.5 is 2.50 on our 0-4 scale; rounded to 3"
    assert localized(rounded, "de") == "2.5 ist 2,50 auf unserer Skala 0-4; gerundet auf 3"  # the cell as typed
    assert (str(percent(0.75)), localized(percent(0.75), "de")) == ("75%", "75 %")


def test_a_message_without_german_falls_back_to_english() -> None:
    text = Message("a message nobody translated ({n})", n=3)
    assert localized(text, "de") == "a message nobody translated (3)"
