"""Help > About: the version, the questionnaire versions (bundled and the open assessment's own), where files live.

The open assessment carries a snapshot of the questionnaires it was answered with; the dialog
lists both so a consultant can tell at a glance whether a file from last year was answered with
other questions than the ones this copy of the app ships.

Test seam: :meth:`AboutDialog.present` (tests replace it or read :meth:`AboutDialog.text`).
"""

from __future__ import annotations

import html
import platform
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from readiness_app import APP_NAME, __version__
from readiness_app.ui import i18n

LIBRARY_ID = "__library__"

_STRINGS: dict[str, tuple[str, str]] = {
    "title": ("About Readiness Studio", "Über Readiness Studio"),
    "tagline": ("Offline AI-readiness workshops: prioritise use cases, assess data readiness and "
                "AI-operations maturity, export an Excel scorecard and a PDF 90-day roadmap.",
                "KI-Readiness-Workshops, offline: Anwendungsfälle priorisieren, Datenreife und "
                "Reifegrad des KI-Betriebs bewerten, Excel-Scorecard und PDF-90-Tage-Roadmap exportieren."),
    "version": ("Version", "Version"),
    "build": ("Build", "Build"),
    "bundle": ("desktop bundle", "Desktop-Paket"),
    "source": ("from source", "aus dem Quellcode"),
    "privacy": ("Everything stays on this computer: the app opens no network connection.",
                "Alles bleibt auf diesem Rechner: Die App baut keine Netzwerkverbindung auf."),
    "bundled": ("Bundled questionnaires", "Mitgelieferte Fragebögen"),
    "embedded": ("Questionnaires of the open assessment", "Fragebögen der geöffneten Bewertung"),
    "no_file": ("No assessment is open.", "Keine Bewertung geöffnet."),
    "col_id": ("Questionnaire", "Fragebogen"),
    "col_version": ("Version", "Version"),
    "col_status": ("Compared with the bundled one", "Verglichen mit dem mitgelieferten"),
    "library": ("Library (dimensions, actions, risks)", "Bibliothek (Dimensionen, Maßnahmen, Risiken)"),
    "same": ("same", "gleich"),
    "differs": ("different text", "anderer Text"),
    "not_bundled": ("not bundled", "nicht mitgeliefert"),
    "folder": ("From", "Aus"),
    "unavailable": ("The bundled questionnaires cannot be read: {error}",
                    "Die mitgelieferten Fragebögen können nicht gelesen werden: {error}"),
    "files": ("Where files live", "Wo Dateien liegen"),
    "log": ("Log file", "Protokolldatei"),
    "settings": ("Settings", "Einstellungen"),
    "assessment": ("Open assessment", "Geöffnete Bewertung"),
}


def _t(key: str, **values: object) -> str:
    en, de = _STRINGS[key]
    text = de if i18n.language() == "de" else en
    return text.format(**values) if values else text


@dataclass(frozen=True, slots=True)
class InstrumentRow:
    id: str
    title: str
    version: str
    sha256: str
    status: str = ""  # embedded rows: "same", "differs" or "not_bundled"


def bundled_rows() -> tuple[list[InstrumentRow], str, str]:
    """The bundled questionnaires (rows, their folder, an error message or '')."""
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.resources import questionnaires_dir

    try:
        folder = questionnaires_dir()
        library = load_library(folder)
    except Exception as exc:  # a broken installation is shown, not raised, in About
        return [], "", str(exc)
    lang = i18n.language()
    rows = [InstrumentRow(LIBRARY_ID, _t("library"), library.library_version,
                          _sha256(library.library_source))]
    rows += [InstrumentRow(qn.id, qn.title.get(lang), qn.version, qn.sha256) for qn in library.questionnaires]
    return rows, str(folder), ""


def embedded_rows(file: Any, bundled: list[InstrumentRow]) -> list[InstrumentRow]:
    """The open assessment's questionnaire snapshot, each compared with the bundled version."""
    by_id = {r.id: r for r in bundled}
    titles: dict[str, str] = {}
    try:
        lang = i18n.language()
        titles = {qn.id: qn.title.get(lang) for qn in file.library().questionnaires}
    except Exception:  # damaged snapshot: the ids and versions still tell the story
        pass
    latest: dict[str, dict[str, str]] = {}
    for inst in file.instruments():
        latest[inst["id"]] = inst  # ordered by id, added_at: the latest wins
    rows = []
    for inst_id, inst in latest.items():
        ours = by_id.get(inst_id)
        status = "not_bundled" if ours is None else ("same" if ours.sha256 == inst["sha256"] else "differs")
        title = _t("library") if inst_id == LIBRARY_ID else titles.get(inst_id, inst_id)
        rows.append(InstrumentRow(inst_id, title, inst["version"], inst["sha256"], status))
    order = {r.id: i for i, r in enumerate(bundled)}  # the bundled order, then the others by id
    rows.sort(key=lambda r: (r.id != LIBRARY_ID, order.get(r.id, len(order)), r.id))
    return rows


def _sha256(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _table(rows: list[InstrumentRow], with_status: bool) -> str:
    head = f"<tr><th align='left'>{_t('col_id')}</th><th align='left'>{_t('col_version')}</th>"
    head += f"<th align='left'>{_t('col_status')}</th></tr>" if with_status else "</tr>"
    body = []
    for r in rows:
        shown_id = "" if r.id == LIBRARY_ID else f" <small>({html.escape(r.id)})</small>"
        cells = f"<td>{html.escape(r.title)}{shown_id}</td><td>{html.escape(r.version)}</td>"
        if with_status:
            cells += f"<td>{_t(r.status)}</td>"
        body.append(f"<tr>{cells}</tr>")
    return f"<table cellspacing='0' cellpadding='3'>{head}{''.join(body)}</table>"


def about_html(file: Any = None, settings_file: Path | None = None) -> str:
    from PySide6 import __version__ as pyside_version

    from readiness_app.logs import log_file

    build = _t("bundle") if getattr(sys, "frozen", False) else _t("source")
    parts = [
        f"<h2>{APP_NAME}</h2>",
        f"<p>{html.escape(_t('tagline'))}</p>",
        f"<p><b>{_t('version')}:</b> {__version__} &nbsp; <b>{_t('build')}:</b> {build}, "
        f"Python {platform.python_version()}, Qt {pyside_version}, {html.escape(platform.system())}</p>",
        f"<p>{_t('privacy')}</p>",
    ]
    bundled, folder, error = bundled_rows()
    parts.append(f"<h3>{_t('bundled')}</h3>")
    if error:
        parts.append(f"<p>{html.escape(_t('unavailable', error=error))}</p>")
    else:
        parts.append(_table(bundled, with_status=False))
        parts.append(f"<p><small>{_t('folder')}: {html.escape(folder)}</small></p>")
    parts.append(f"<h3>{_t('embedded')}</h3>")
    if file is None:
        parts.append(f"<p>{_t('no_file')}</p>")
    else:
        parts.append(_table(embedded_rows(file, bundled), with_status=True))
    parts.append(f"<h3>{_t('files')}</h3><p>")
    if file is not None and getattr(file, "path", None) is not None:
        parts.append(f"<b>{_t('assessment')}:</b> {html.escape(str(file.path))}<br>")
    parts.append(f"<b>{_t('log')}:</b> {html.escape(str(log_file()))}<br>")
    if settings_file is not None:
        parts.append(f"<b>{_t('settings')}:</b> {html.escape(str(settings_file))}")
    parts.append("</p>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(self, file: Any = None, settings_file: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(_t("title"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(about_html(file, settings_file))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 560)

    def text(self) -> str:
        return self.browser.toPlainText()

    @classmethod
    def present(cls, parent: QWidget | None = None, file: Any = None, settings_file: Path | None = None) -> None:
        """Show the dialog modally (the test seam)."""
        dialog = cls(file, settings_file, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def show_about(window: Any) -> None:
    """Help > About for the main window: its open assessment and settings file."""
    session = getattr(window, "session", None)
    file = getattr(session, "file", None)
    file_path = getattr(getattr(window, "settings", None), "file_path", None)
    settings_file = file_path() if callable(file_path) else None
    AboutDialog.present(window if isinstance(window, QWidget) else None, file, settings_file)
