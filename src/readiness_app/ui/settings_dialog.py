"""Edit > Settings: language, the consultancy's name and logo on reports, the firm's slide template, the
export folder, recent files.

Everything is kept by :class:`~readiness_app.ui.settings.AppSettings` (QSettings, an ini file)
and takes effect on OK. The export page asks :func:`export_suggestion` where to suggest saving
and :func:`report_branding` what to print on the PDF report; :func:`deck_template` which slide
template the readout deck is built on.

Test seams: :meth:`SettingsDialog.edit` (the whole dialog), :meth:`SettingsDialog.ask_folder`
(the folder chooser); the logo is chosen through the dialog service.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui import dialogs, i18n
from readiness_app.ui.settings import AppSettings

log = logging.getLogger(__name__)

LOGO_FORMATS = ("png", "jpg", "jpeg")  # what the PDF report can embed

_STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Settings", "Einstellungen"),
    "language": ("Interface language", "Sprache der Oberfläche"),
    "consultancy": ("Consultancy name on reports", "Name der Beratung in Berichten"),
    "consultancy_hint": ("empty: the engagement's consultancy", "leer: die Beratung aus dem Auftrag"),
    "logo": ("Logo on reports", "Logo in Berichten"),
    "logo_default": ("(the built-in logo)", "(das eingebaute Logo)"),
    "choose": ("Choose…", "Auswählen…"),
    "use_default": ("Use the built-in logo", "Eingebautes Logo verwenden"),
    "logo_title": ("Choose a logo (PNG or JPEG)", "Logo wählen (PNG oder JPEG)"),
    "logo_filter": ("Images (*.png *.jpg *.jpeg)", "Bilder (*.png *.jpg *.jpeg)"),
    "logo_bad": ("{name} is not a PNG or JPEG image that can be read; choose another file.",
                 "{name} ist kein lesbares PNG- oder JPEG-Bild; bitte eine andere Datei wählen."),
    "deck": ("Slide template for the readout deck", "Folienvorlage für die Ergebnispräsentation"),
    "deck_builtin": ("(the built-in look)", "(das eingebaute Design)"),
    "deck_use_builtin": ("Use the built-in look", "Eingebautes Design verwenden"),
    "deck_title": ("Choose the firm's slide template", "Folienvorlage der Beratung wählen"),
    "deck_filter": ("PowerPoint presentations and templates (*.pptx *.potx)",
                    "PowerPoint-Präsentationen und -Vorlagen (*.pptx *.potx)"),
    "deck_bad": ("{name} is not a PowerPoint presentation or template (.pptx, .potx); choose another file.",
                 "{name} ist keine PowerPoint-Präsentation oder -Vorlage (.pptx, .potx); bitte eine andere Datei "
                 "wählen."),
    "export_folder": ("Default export folder", "Standardordner für Exporte"),
    "export_beside": ("(beside the assessment file)", "(neben der Bewertungsdatei)"),
    "export_reset": ("Beside the assessment", "Neben der Bewertung"),
    "folder_title": ("Choose the default export folder", "Standardordner für Exporte wählen"),
    "recent": ("Recent files", "Zuletzt geöffnet"),
    "recent_count": ("{count} file(s) in File > Open recent", "{count} Datei(en) unter Datei > Zuletzt geöffnet"),
    "recent_clear": ("Clear the list", "Liste leeren"),
    "where": ("Stored in {path}", "Gespeichert in {path}"),
}

LANGUAGES = (("en", "English"), ("de", "Deutsch"))


def _t(key: str, **values: object) -> str:
    en, de = _STRINGS[key]
    text = de if i18n.language() == "de" else en
    return text.format(**values) if values else text


def _default_logo() -> Path:
    from readiness_app.resources import asset_path

    try:
        return asset_path("logo-default.png")
    except FileNotFoundError:
        return Path()


def logo_problem(path: Path) -> str:
    """'' when ``path`` is a PNG or JPEG Qt can read, else the reason in the user's language."""
    reader = QImageReader(str(path))
    fmt = bytes(reader.format().data()).decode("ascii", "replace").lower()
    if not path.is_file() or fmt not in LOGO_FORMATS or reader.size().isEmpty():
        return _t("logo_bad", name=path.name)
    return ""


class SettingsDialog(QDialog):
    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("settings_dialog")
        self.setWindowTitle(_t("title"))
        self.logo: Path | None = settings.report_logo()
        self.folder: str = settings.export_folder()
        self.deck_template: Path | None = settings.deck_template()
        self.recent_cleared = False

        form = QFormLayout()
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        current = settings.language() or i18n.language()
        codes = [code for code, _ in LANGUAGES]
        self.language.setCurrentIndex(codes.index(current) if current in codes else 0)
        form.addRow(_t("language"), self.language)

        self.consultancy = QLineEdit(settings.consultancy())
        self.consultancy.setPlaceholderText(_t("consultancy_hint"))
        form.addRow(_t("consultancy"), self.consultancy)

        self.logo_label = QLabel()
        self.logo_label.setTextFormat(Qt.TextFormat.PlainText)
        self.logo_preview = QLabel()
        self.logo_preview.setFixedHeight(48)
        self.logo_error = QLabel()
        self.logo_error.setWordWrap(True)
        self.logo_error.setStyleSheet("color: #b00020;")
        self.logo_error.hide()
        choose_logo = QPushButton(_t("choose"))
        choose_logo.clicked.connect(self.choose_logo)
        default_logo = QPushButton(_t("use_default"))
        default_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(default_logo)
        logo_box = QVBoxLayout()
        logo_box.addLayout(logo_row)
        logo_box.addWidget(self.logo_error)
        form.addRow(_t("logo"), logo_box)

        self.deck_label = QLabel()
        self.deck_label.setTextFormat(Qt.TextFormat.PlainText)
        self.deck_error = QLabel()
        self.deck_error.setWordWrap(True)
        self.deck_error.setStyleSheet("color: #b00020;")
        self.deck_error.hide()
        choose_deck = QPushButton(_t("choose"))
        choose_deck.clicked.connect(self.choose_deck_template)
        builtin_deck = QPushButton(_t("deck_use_builtin"))
        builtin_deck.clicked.connect(lambda: self.set_deck_template(None))
        deck_row = QHBoxLayout()
        deck_row.addWidget(self.deck_label, 1)
        deck_row.addWidget(choose_deck)
        deck_row.addWidget(builtin_deck)
        deck_box = QVBoxLayout()
        deck_box.addLayout(deck_row)
        deck_box.addWidget(self.deck_error)
        form.addRow(_t("deck"), deck_box)

        self.folder_label = QLabel()
        self.folder_label.setTextFormat(Qt.TextFormat.PlainText)
        choose_folder = QPushButton(_t("choose"))
        choose_folder.clicked.connect(self.choose_folder)
        beside = QPushButton(_t("export_reset"))
        beside.clicked.connect(lambda: self.set_folder(""))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(choose_folder)
        folder_row.addWidget(beside)
        form.addRow(_t("export_folder"), folder_row)

        self.recent_label = QLabel()
        self.clear_recent_button = QPushButton(_t("recent_clear"))
        self.clear_recent_button.clicked.connect(self.clear_recent)
        recent_row = QHBoxLayout()
        recent_row.addWidget(self.recent_label, 1)
        recent_row.addWidget(self.clear_recent_button)
        form.addRow(_t("recent"), recent_row)

        where = QLabel(_t("where", path=settings.file_path()))
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(where)
        layout.addWidget(buttons)
        self.set_logo(self.logo)
        self.set_deck_template(self.deck_template)
        self.set_folder(self.folder)
        self._show_recent()
        self.resize(720, 0)

    # ---------------------------------------------------------------- logo and folder

    def set_logo(self, path: Path | None) -> bool:
        """Take ``path`` as the report logo (None: the built-in one); refuse unreadable images."""
        if path is not None:
            problem = logo_problem(path)
            if problem:
                self.logo_error.setText(problem)
                self.logo_error.show()
                return False
        self.logo_error.hide()
        self.logo = path
        self.logo_label.setText(str(path) if path else _t("logo_default"))
        pixmap = QPixmap(str(path or _default_logo()))
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(pixmap.scaledToHeight(44, Qt.TransformationMode.SmoothTransformation))
        return True

    def choose_logo(self) -> None:
        folder = str(self.logo.parent) if self.logo else ""
        path = dialogs.service().open_file(_t("logo_title"), _t("logo_filter"), folder)
        if path is not None:
            self.set_logo(path)

    def set_deck_template(self, path: Path | None) -> bool:
        """Take ``path`` as the firm's slide template (None: the built-in look); refuse what is not one."""
        if path is not None:
            problem = deck_template_problem(path)
            if problem:
                self.deck_error.setText(problem)
                self.deck_error.show()
                return False
        self.deck_error.hide()
        self.deck_template = path
        self.deck_label.setText(str(path) if path else _t("deck_builtin"))
        return True

    def choose_deck_template(self) -> None:
        folder = str(self.deck_template.parent) if self.deck_template else ""
        path = dialogs.service().open_file(_t("deck_title"), _t("deck_filter"), folder)
        if path is not None:
            self.set_deck_template(path)

    def set_folder(self, folder: str) -> None:
        self.folder = folder
        self.folder_label.setText(folder or _t("export_beside"))

    def ask_folder(self) -> str:
        """The folder chooser (the test seam): '' when cancelled."""
        return QFileDialog.getExistingDirectory(self, _t("folder_title"), self.folder or str(Path.home()))

    def choose_folder(self) -> None:
        folder = self.ask_folder()
        if folder:
            self.set_folder(folder)

    def clear_recent(self) -> None:
        self.recent_cleared = True
        self._show_recent()

    def _show_recent(self) -> None:
        count = 0 if self.recent_cleared else len(self.settings.recent_files())
        self.recent_label.setText(_t("recent_count", count=count))
        self.clear_recent_button.setEnabled(count > 0)

    # ---------------------------------------------------------------- result

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def apply(self) -> None:
        """Store every choice in the settings."""
        s = self.settings
        s.set_language(self.chosen_language())
        s.set_consultancy(self.consultancy.text())
        s.set_report_logo(self.logo)
        s.set_deck_template(self.deck_template)
        s.set_export_folder(self.folder)
        if self.recent_cleared:
            s.clear_recent()
        s.sync()

    def accept(self) -> None:
        self.apply()
        super().accept()

    @classmethod
    def edit(cls, settings: AppSettings, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the user pressed OK (the settings are then saved)."""
        dialog = cls(settings, parent)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()


def show_settings(window: Any) -> bool:
    """Edit > Settings for the main window: apply the language and refresh the recent files."""
    settings: AppSettings = window.settings
    if not SettingsDialog.edit(settings, window if isinstance(window, QWidget) else None):
        return False
    lang = settings.language()
    if lang and lang != i18n.language():
        window.set_language(lang)
    documents = getattr(window, "documents", None)
    if documents is not None:
        documents.recent_changed.emit()
    return True


# --------------------------------------------------------------------------- used by exports


def report_branding(settings: AppSettings) -> Any:
    """The report's :class:`~readiness_app.report.pdf.Branding` from the settings (None: the defaults)."""
    name = settings.consultancy()
    logo = settings.report_logo()
    if logo is not None and not logo.is_file():
        log.warning("the report logo %s is gone; using the built-in one", logo)
        logo = None
    if not name and logo is None:
        return None
    from readiness_app.report.pdf import Branding

    return Branding(consultancy=name, logo=logo)


def deck_template_problem(path: Path) -> str:
    """'' when ``path`` is a .pptx or .potx package that can be opened, else what to tell the user."""
    import zipfile

    if path.suffix.lower() not in (".pptx", ".potx") or not path.is_file() or not zipfile.is_zipfile(path):
        return _t("deck_bad", name=path.name)
    return ""


def deck_template(settings: AppSettings) -> Path | None:
    """The firm's slide template from the settings (None: the built-in look, also when the file is gone)."""
    path = settings.deck_template()
    if path is not None and not path.is_file():
        log.warning("the slide template %s is gone; using the built-in look", path)
        return None
    return path


def export_suggestion(settings: AppSettings, source: Path, suffix: str) -> Path:
    """Where to suggest saving an export of ``source``: the export folder if set and present, else beside it."""
    folder = settings.export_folder()
    if folder and Path(folder).is_dir():
        return Path(folder) / (source.stem + suffix)
    return source.with_suffix(suffix)
