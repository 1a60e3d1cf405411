"""German complete: Qt's own dialogs, proper plurals, one term per thing, every deliverable in File > Export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from readiness_app.ui import i18n


def test_qt_standard_dialogs_follow_the_interface_language(window: Any) -> None:
    yes = QCoreApplication.translate("QPlatformTheme", "&Yes")
    assert yes == "&Yes"
    i18n.set_language("de")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Ja"
    assert QCoreApplication.translate("QFileDialog", "File &name:") != "File &name:"
    i18n.set_language("en")
    assert QCoreApplication.translate("QPlatformTheme", "&Yes") == "&Yes"


def test_no_english_left_in_german_strings_and_one_term_for_use_case() -> None:
    from readiness_app.ui.i18n import STRINGS

    mixed = {k: de for k, (_en, de) in STRINGS.items() if "Use Case" in de or "Use-Case" in de}
    assert mixed == {}, "German says 'Anwendungsfall', never 'Use Case'"


def test_plurals_are_words_not_brackets(window: Any, tmp_path: Path) -> None:
    from readiness_app.ui.i18n import plural

    assert plural(1, "nav.use_cases") == "1 use case" and plural(2, "nav.use_cases") == "2 use cases"
    i18n.set_language("de")
    assert plural(1, "nav.use_cases") == "1 Anwendungsfall" and plural(3, "nav.use_cases") == "3 Anwendungsfälle"
    from readiness_app.ui.i18n import STRINGS

    mine = ("q.", "nav.", "step.", "uc.", "eng.", "help.", "res.matrix", "start.")  # the room's screens
    assert not [k for k, (en, de) in STRINGS.items() if k.startswith(mine) and ("(s)" in en or "(n)" in de)]
    assert plural(1, "q.spread_points") == "Spannweite 1 Punkt" and plural(1.5, "q.spread_points").endswith("Punkte")


def test_file_export_offers_every_deliverable(qtbot: Any, window: Any, demo_file: Path, fake_dialogs: Any) -> None:
    window.documents.open_path(demo_file)
    menu = window.export_menu
    titles = [a.text().replace("&", "") for a in menu.actions()]
    assert titles[0] == "PDF report…" and len(titles) == 7
    assert window.actions_by_key["export"].shortcut().toString() == "Ctrl+E"
    window.export_actions["xlsx"].trigger()  # asks where to write the Excel scorecard (the fake says: nowhere)
    assert fake_dialogs.calls[-1][0] == "save_file" and "Excel" in fake_dialogs.calls[-1][1][1]
    assert window.navigator.current() == "export"
    i18n.set_language("de")
    assert menu.title() == "&Exportieren" and window.export_actions["pptx"].text().startswith("Ergebnis")
