"""The one crash dialog: what happened, where the log is, carry on or restart cleanly.

Unexpected errors (a bug, not a bad file: those are typed errors shown by
:mod:`~readiness_app.ui.dialogs`) reach :func:`install`'s hook through ``sys.excepthook``,
which Qt calls for an error in a slot, or ``threading.excepthook``. The hook logs the
traceback (:mod:`readiness_app.logs`) and shows the
:class:`~readiness_app.ui.crash_window.CrashDialog` on the UI thread.

Saved work is never at risk: every edit is committed to the assessment file the moment it is
made, and the dialog leaves the open file alone. *Carry on* returns to the app; *Restart*
closes the file (releasing its lock), starts a fresh instance on the same file and quits.

Test seams: :meth:`~readiness_app.ui.crash_window.CrashDialog.ask` (the user's choice), :func:`set_launcher` (starting a
process) and :func:`quit_app`.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from readiness_app import logs
from readiness_app.logs import CrashReport

log = logging.getLogger(__name__)



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
    from PySide6.QtCore import QProcess

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


# typed errors that can reach the hook from any read of the file (a page redrawing, a dialog
# filling in) while another program holds it: told as what they are, with what to do
BUSY_FILE_ERRORS = frozenset({"FileBusyError", "SaveError"})


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
        if report.kind in BUSY_FILE_ERRORS:  # another program held the file during a read: not a bug
            from readiness_app.ui import dialogs
            from readiness_app.ui.i18n import tr

            dialogs.service().error(tr("error.busy_title"), report.message, tr("error.busy_todo"))
            return
        self.reports.append(report)
        if self._busy:  # a second error while the dialog is up: the log has it
            return
        self._busy = True
        try:
            from readiness_app.ui.crash_window import RESTART, CrashDialog  # made only when needed

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
