"""The crash dialog itself: what happened, where the log is, *Carry on* or *Restart*.

Built only when an unexpected error happens (:mod:`readiness_app.ui.crash_dialog` installs the
hook that shows it), so a normal start never pays for making its Qt classes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness_app.logs import CrashReport
from readiness_app.ui import i18n

_STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Something went wrong", "Etwas ist schiefgelaufen"),
    "intro": ("Readiness Studio ran into an unexpected error.",
              "Readiness Studio ist auf einen unerwarteten Fehler gestoßen."),
    "safe": ("Your work is safe: every answer was saved the moment it was entered, and the "
             "assessment is still open.",
             "Ihre Arbeit ist sicher: Jede Antwort wurde gespeichert, sobald sie eingegeben wurde, "
             "und die Bewertung ist weiterhin geöffnet."),
    "what": ("What happened:", "Was passiert ist:"),
    "log": ("The details are in the log file:", "Die Einzelheiten stehen in der Protokolldatei:"),
    "no_log": ("The log file could not be written; the details are below.",
               "Die Protokolldatei konnte nicht geschrieben werden; die Einzelheiten stehen unten."),
    "todo": ("Carry on to keep working. If something looks wrong, restart: the app reopens this "
             "assessment as it was last saved.",
             "Arbeiten Sie weiter. Wenn etwas nicht stimmt, starten Sie neu: Die App öffnet diese "
             "Bewertung wieder, so wie sie zuletzt gespeichert wurde."),
    "carry_on": ("&Carry on", "&Weiterarbeiten"),
    "restart": ("&Restart", "&Neu starten"),
    "copy": ("Co&py details", "Details &kopieren"),
    "show_details": ("Show &details", "&Details anzeigen"),
    "hide_details": ("Hide &details", "Details &ausblenden"),
}


def _t(key: str) -> str:
    en, de = _STRINGS[key]
    return de if i18n.language() == "de" else en


CARRY_ON = "carry_on"  # the choices of the crash dialog
RESTART = "restart"


class CrashDialog(QDialog):
    """What happened and where the log is; *Carry on* (default) or *Restart*."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.choice = CARRY_ON
        self.setWindowTitle(_t("title"))
        self.setObjectName("crash_dialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{_t('intro')}</b>")
        safe = QLabel(_t("safe"))
        self.what_label = QLabel(f"{_t('what')} {report.summary()}")
        self.what_label.setTextFormat(Qt.TextFormat.PlainText)
        if report.log_file is not None:
            self.log_label = QLabel(f"{_t('log')}\n{report.log_file}")
        else:
            self.log_label = QLabel(_t("no_log"))
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)
        todo = QLabel(_t("todo"))
        for label in (intro, safe, self.what_label, self.log_label, todo):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.details = QPlainTextEdit(report.details)
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(160)
        self.details.setVisible(report.log_file is None)
        layout.addWidget(self.details)

        buttons = QDialogButtonBox()
        self.carry_on_button = buttons.addButton(_t("carry_on"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restart_button = buttons.addButton(_t("restart"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.details_button = QPushButton()
        self.copy_button = QPushButton(_t("copy"))
        buttons.addButton(self.details_button, QDialogButtonBox.ButtonRole.HelpRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.HelpRole)
        self.carry_on_button.setDefault(True)
        self.carry_on_button.clicked.connect(self._carry_on)
        self.restart_button.clicked.connect(self._restart)
        self.details_button.clicked.connect(self._toggle_details)
        self.copy_button.clicked.connect(self.copy_details)
        layout.addWidget(buttons)
        self._update_details_button()
        self.resize(620, 0)

    def _carry_on(self) -> None:
        self.choice = CARRY_ON
        self.accept()

    def _restart(self) -> None:
        self.choice = RESTART
        self.accept()

    def reject(self) -> None:  # Escape or the window's close button: carry on
        self.choice = CARRY_ON
        super().reject()

    def _toggle_details(self) -> None:
        self.details.setVisible(not self.details.isVisible())
        self._update_details_button()
        self.adjustSize()

    def _update_details_button(self) -> None:
        self.details_button.setText(_t("hide_details") if self.details.isVisible() else _t("show_details"))

    def copy_details(self) -> None:
        where = f"Log: {self.report.log_file}\n" if self.report.log_file else ""
        QGuiApplication.clipboard().setText(f"{self.report.at} {self.report.thread}\n{where}{self.report.details}")

    @classmethod
    def ask(cls, report: CrashReport, parent: QWidget | None = None) -> str:
        """Show the dialog and return the choice: :data:`CARRY_ON` or :data:`RESTART` (the test seam)."""
        dialog = cls(report, parent)
        try:
            dialog.exec()
            return dialog.choice
        finally:
            dialog.deleteLater()
