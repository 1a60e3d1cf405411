"""An unexpected error in the app: the crash dialog, the log, and the open file left intact.

The user's choice comes through the dialog's seam (:meth:`CrashDialog.ask`); restarting goes
through :func:`crash_dialog.set_launcher` and :func:`crash_dialog.quit_app`, so no process is
started and the test's application keeps running.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import sqlite3
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from readiness_app import logs
from readiness_app.logs import CrashReport
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.filelock import lock_path_for
from readiness_app.ui import crash_dialog, dialogs, i18n, operations
from readiness_app.ui.crash_window import CARRY_ON, RESTART, CrashDialog


class _Dialogs(dialogs.DialogService):
    """Fails the test instead of blocking on a real message box."""

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        raise AssertionError(f"unexpected error dialog: {title}: {what}")

    def info(self, title: str, text: str) -> None:
        raise AssertionError(f"unexpected info dialog: {title}")


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    old = dialogs.set_service(_Dialogs())
    i18n.set_language("en")
    yield
    dialogs.set_service(old)
    i18n.set_language("en")
    logs.shutdown_logging()


class Choices:
    """Stands in for the user at the crash dialog."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, answer: str) -> None:
        self.answer = answer
        self.reports: list[CrashReport] = []
        self.parents: list[Any] = []
        monkeypatch.setattr(CrashDialog, "ask", classmethod(lambda cls, report, parent=None: self._ask(report, parent)))

    def _ask(self, report: CrashReport, parent: Any) -> str:
        self.reports.append(report)
        self.parents.append(parent)
        return self.answer


@pytest.fixture
def app_window(qtbot: Any, tmp_path: Path, demo_file: Path) -> Iterator[Any]:
    """The main window on the demo, with the real logging and crash hook of the app installed."""
    from readiness_app.ui.app import install_excepthook, setup_logging
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.settings import AppSettings

    setup_logging()
    window = MainWindow(AppSettings(tmp_path / "settings"))
    qtbot.addWidget(window)
    install_excepthook(window)
    window.show()
    assert window.documents.open_path(demo_file) is not None
    yield window
    crash_dialog._uninstall()
    assert crash_dialog.handler() is None
    window.documents.close()


def _broken_slot(_change: object) -> None:
    raise RuntimeError("the dashboard lost track of a use case")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_logs_it_and_keeps_the_file(
        app_window: Any, monkeypatch: pytest.MonkeyPatch, demo_file: Path) -> None:
    choices = Choices(monkeypatch, CARRY_ON)
    session = app_window.session
    session.changed.connect(_broken_slot)  # a bug in something that redraws after an edit
    assert operations.update_engagement(session, notes="Agreed before the crash")

    [report] = choices.reports
    assert report.summary() == "RuntimeError: the dashboard lost track of a use case"
    assert choices.parents == [app_window]
    log_text = logs.log_file().read_text(encoding="utf-8")
    assert report.log_file == logs.log_file()
    assert "Traceback" in log_text and "_broken_slot" in log_text and "lost track of a use case" in log_text

    # carry on: the same file is still open and takes the next edit
    session.changed.disconnect(_broken_slot)
    assert app_window.session is session and lock_path_for(demo_file).exists()
    assert operations.update_engagement(session, industry="Logistics after the crash")
    app_window.documents.close()

    with AssessmentFile.open_readonly(demo_file) as af:
        e = af.engagement()
        assert (e.notes, e.industry) == ("Agreed before the crash", "Logistics after the crash")
    with sqlite3.connect(demo_file) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.qt_no_exception_capture
def test_restart_closes_the_file_cleanly_and_starts_a_new_instance_on_it(
        app_window: Any, monkeypatch: pytest.MonkeyPatch, demo_file: Path) -> None:
    Choices(monkeypatch, RESTART)
    started: list[Sequence[str]] = []
    quits: list[bool] = []

    def launch(argv: Sequence[str]) -> bool:
        assert not lock_path_for(demo_file).exists(), "the lock is released before the new instance starts"
        started.append(list(argv))
        return True

    old = crash_dialog.set_launcher(launch)
    monkeypatch.setattr(crash_dialog, "quit_app", lambda: quits.append(True))
    try:
        operations.update_engagement(app_window.session, notes="Saved, then restarted")
        app_window.session.changed.connect(_broken_slot)
        operations.update_engagement(app_window.session, industry="Retail")
    finally:
        crash_dialog.set_launcher(old)
    assert started == [[sys.executable, "-m", "readiness_app.ui.app", str(demo_file)]]
    assert quits == [True] and app_window.session is None
    with AssessmentFile.open_readonly(demo_file) as af:
        assert (af.engagement().notes, af.engagement().industry) == ("Saved, then restarted", "Retail")


@pytest.mark.qt_no_exception_capture
def test_if_the_new_instance_cannot_start_the_file_is_reopened_here(
        app_window: Any, monkeypatch: pytest.MonkeyPatch, demo_file: Path) -> None:
    Choices(monkeypatch, RESTART)
    old = crash_dialog.set_launcher(lambda argv: False)
    monkeypatch.setattr(crash_dialog, "quit_app", lambda: pytest.fail("must not quit"))
    try:
        app_window.session.changed.connect(_broken_slot)
        operations.update_engagement(app_window.session, notes="x")
    finally:
        crash_dialog.set_launcher(old)
    assert app_window.session is not None and app_window.session.path == demo_file


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_reaches_the_dialog_on_the_ui_thread(
        app_window: Any, monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    choices = Choices(monkeypatch, CARRY_ON)
    on_ui_thread: list[bool] = []
    original = choices._ask

    def ask(report: CrashReport, parent: Any) -> str:
        on_ui_thread.append(threading.current_thread() is threading.main_thread())
        return original(report, parent)

    monkeypatch.setattr(CrashDialog, "ask", classmethod(lambda cls, report, parent=None: ask(report, parent)))
    worker = threading.Thread(target=_broken_slot, args=(None,), name="chart-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(choices.reports), timeout=5000)
    assert choices.reports[0].thread == "chart-worker" and on_ui_thread == [True]


def test_the_dialog_says_what_happened_and_where_the_log_is(qtbot: Any, tmp_path: Path) -> None:
    report = CrashReport("KeyError", "'uc-7'", "Traceback (most recent call last):\n  ...\nKeyError: 'uc-7'\n",
                         tmp_path / "logs" / "readiness-studio.log", "MainThread", "2025-03-04T10:00:00")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert "KeyError: 'uc-7'" in dialog.what_label.text()
    assert str(tmp_path / "logs" / "readiness-studio.log") in dialog.log_label.text()
    assert not dialog.details.isVisibleTo(dialog)  # the traceback is one click away
    dialog.details_button.click()
    assert dialog.details.isVisibleTo(dialog) and "KeyError: 'uc-7'" in dialog.details.toPlainText()
    dialog.copy_details()
    from PySide6.QtGui import QGuiApplication

    assert "readiness-studio.log" in QGuiApplication.clipboard().text()

    with qtbot.waitSignal(dialog.finished):
        dialog.restart_button.click()
    assert dialog.choice == RESTART

    again = CrashDialog(report)
    qtbot.addWidget(again)
    again.show()
    assert again.carry_on_button.isDefault()
    with qtbot.waitSignal(again.finished):
        qtbot.keyClick(again, Qt.Key.Key_Escape)
    assert again.choice == CARRY_ON


def test_without_a_log_file_the_details_show_at_once_and_german_works(qtbot: Any) -> None:
    i18n.set_language("de")
    report = CrashReport("OSError", "disk full", "Traceback ...\nOSError: disk full\n", None, "MainThread", "now")
    dialog = CrashDialog(report)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Etwas ist schiefgelaufen"
    assert "Protokolldatei konnte nicht geschrieben werden" in dialog.log_label.text()
    assert dialog.details.isVisibleTo(dialog)
    assert dialog.carry_on_button.text() == "&Weiterarbeiten"


def test_the_restart_command_reopens_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    f = tmp_path / "a b.readiness"
    assert crash_dialog.restart_command(f) == [sys.executable, "-m", "readiness_app.ui.app", str(f)]
    assert crash_dialog.restart_command(None) == [sys.executable, "-m", "readiness_app.ui.app"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert crash_dialog.restart_command(f) == [sys.executable, str(f)]
