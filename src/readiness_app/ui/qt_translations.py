"""Qt's own strings (file dialogs, overwrite prompts, standard buttons) in the interface language.

PySide6 ships Qt's translations (``qtbase_de.qm``) in the folder ``QLibraryInfo`` names; the
desktop bundle carries the same folder (PyInstaller's PySide6 hooks). English needs none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

_installed: QTranslator | None = None


def install(lang: str) -> bool:
    """Load qtbase for ``lang`` (replacing the one loaded before); True when Qt now speaks it."""
    global _installed
    app = QCoreApplication.instance()
    if app is None:
        return False
    if _installed is not None:
        app.removeTranslator(_installed)
        _installed = None
    if lang == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{lang}", folder):
        return False  # a Qt without translations: its dialogs stay English, ours do not
    app.installTranslator(translator)
    _installed = translator
    return True
