"""The one crash dialog: what happened, where the log is, carry on or restart cleanly.

Unexpected errors (a bug, not a bad file: those are typed errors shown by
:mod:`~readiness_app.ui.dialogs`) reach :func:`install`'s hook through ``sys.excepthook``,
which Qt calls for an error in a slot, or ``threading.excepthook``. The hook logs the
traceback (:mod:`readiness_app.logs`) and shows :class:`CrashDialog` on the UI thread.

Saved work is never at risk: every edit is committed to the assessment file the moment it is
made, and the dialog leaves the open file alone. *Carry on* returns to the app; *Restart*
closes the file (releasing its lock), starts a fresh instance on the same file and quits.

Test seams: :meth:`CrashDialog.ask` (the user's choice), :func:`set_launcher` (starting a
process) and :func:`quit_app`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness_app import logs
from readiness_app.logs import CrashReport
from readiness_app.ui import i18n

log = logging.getLogger(__name__)

CARRY_ON = "carry_on"
RESTART = "restart"

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


# --------------------------------------------------------------------------- restart


def restart_command(file: Path | None) -> list[str]:
    """The command line that starts the app again on ``file``: the bundle's program or ``python -m``."""
    if getattr(sys, "frozen", False):
        argv = [sys.executable]
    else:
        argv = [sys.executable, "-m", "readiness_app.ui.app"]
    if file is not None:
        argv.append(str(file))
    return argv


def _start_detached(argv: Sequence[str]) -> bool:
    ok = QProcess.startDetached(argv[0], list(argv[1:]))
    return bool(ok[0] if isinstance(ok, tuple) else ok)


_launcher: Callable[[Sequence[str]], bool] = _start_detached


def set_launcher(launcher: Callable[[Sequence[str]], bool]) -> Callable[[Sequence[str]], bool]:
    """Replace how a new instance is started (tests); returns the previous launcher."""
    global _launcher
    old, _launcher = _launcher, launcher
    return old


def restart(window: Any) -> bool:
    """Close the open assessment (everything is already saved; the lock is released), start a new
    instance on it and quit this one. Returns whether the new instance was started; if not, the
    file is reopened here."""
    documents = getattr(window, "documents", None)
    session = getattr(documents, "session", None)
    path: Path | None = getattr(session, "path", None)
    if documents is not None:
        documents.close()
    argv = restart_command(path)
    log.info("restarting: %s", argv)
    if not _launcher(argv):
        log.error("could not start a new instance: %s", argv)
        if documents is not None and path is not None:
            documents.open_path(path)
        return False
    quit_app()
    return True


def quit_app() -> None:
    """End this instance once the event loop is back (after a restart; tests replace it)."""
    app = QApplication.instance()
    if app is not None:
        QTimer.singleShot(0, app.quit)


# --------------------------------------------------------------------------- the hook


class _Relay(QObject):
    """Carries a crash report from any thread to the UI thread."""

    crashed = Signal(object)


class CrashHandler(QObject):
    """Shows the crash dialog for reports from any thread, one at a time."""

    def __init__(self, window: Any = None) -> None:
        super().__init__()
        self.window = window
        self.relay = _Relay()
        self.relay.crashed.connect(self.handle, Qt.ConnectionType.QueuedConnection)
        self.reports: list[CrashReport] = []
        self._busy = False

    def show(self, report: CrashReport) -> None:
        """Called by the excepthook (any thread)."""
        if threading.current_thread() is threading.main_thread():
            self.handle(report)
        else:
            self.relay.crashed.emit(report)

    def handle(self, report: CrashReport) -> None:
        self.reports.append(report)
        if self._busy:  # a second error while the dialog is up: the log has it
            return
        self._busy = True
        try:
            parent = self.window if isinstance(self.window, QWidget) else QApplication.activeWindow()
            choice = CrashDialog.ask(report, parent)
        finally:
            self._busy = False
        if choice == RESTART:
            restart(self.window)


_handler: CrashHandler | None = None


def install(window: Any = None) -> Callable[[], None]:
    """Route unexpected errors to the log and the crash dialog; returns a function that undoes it.

    Called again (once the main window exists), it only tells the installed handler the window.
    """
    global _handler, _uninstall
    if _handler is not None:
        if window is not None:
            _handler.window = window
        return _uninstall
    handler = CrashHandler(window)
    _handler = handler
    undo_hook = logs.install_excepthook(handler.show)

    def uninstall() -> None:
        global _handler
        if _handler is handler:
            undo_hook()
            _handler = None

    _uninstall = uninstall
    return uninstall


def _nothing() -> None:
    pass


_uninstall: Callable[[], None] = _nothing


def handler() -> CrashHandler | None:
    return _handler
