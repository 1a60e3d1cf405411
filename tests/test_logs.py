"""The log file: where it lives on each platform, rotation, and unexpected errors with their tracebacks."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from readiness_app import logs
from readiness_app.logs import CrashReport


@pytest.fixture(autouse=True)
def _no_leftover_handler() -> Iterator[None]:
    old_sys, old_thread = sys.excepthook, threading.excepthook
    yield
    logs.shutdown_logging()
    sys.excepthook, threading.excepthook = old_sys, old_thread


def _boom() -> None:
    raise ValueError("the answer grid lost its model")


def _exc_info() -> tuple[type[BaseException], BaseException, object]:
    try:
        _boom()
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__
    raise AssertionError("unreachable")


@pytest.mark.parametrize(("platform", "env", "expected"), [
    ("win32", {"LOCALAPPDATA": "{home}/AppData/Local"}, "{home}/AppData/Local/Readiness Studio/logs"),
    ("darwin", {}, "{home}/Library/Logs/Readiness Studio"),
    ("linux", {"XDG_STATE_HOME": "{home}/state"}, "{home}/state/readiness-studio/logs"),
    ("linux", {"XDG_STATE_HOME": ""}, "{home}/.local/state/readiness-studio/logs"),
])
def test_the_log_goes_to_the_platforms_user_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                   platform: str, env: dict[str, str], expected: str) -> None:
    monkeypatch.delenv("READINESS_LOG_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    for name, value in env.items():
        monkeypatch.setenv(name, value.format(home=tmp_path))
    monkeypatch.setattr(sys, "platform", platform)
    assert logs.log_dir() == Path(expected.format(home=tmp_path))
    assert logs.log_file().name == "readiness-studio.log"


def test_setup_writes_to_the_folder_once_and_rotates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    monkeypatch.setenv("READINESS_LOG_DIR", str(folder))
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path == folder / "readiness-studio.log"
    assert logs.setup_logging() == path  # idempotent
    ours = [h for h in logging.getLogger().handlers if isinstance(h, logs._AppHandler)]
    assert len(ours) == 1
    for i in range(60):
        logging.getLogger("readiness_app.test").info("line %d of a long session %s", i, "x" * 40)
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["readiness-studio.log", "readiness-studio.log.1", "readiness-studio.log.2",
                     "readiness-studio.log.3"]  # the oldest beyond three backups are gone
    assert all(p.stat().st_size <= 2_000 for p in folder.iterdir())
    assert "line 59 of" in path.read_text(encoding="utf-8")  # the newest line is in the current file
    older = [int(line.split("line ")[1].split()[0]) for n in (3, 2, 1)
             for line in (folder / f"readiness-studio.log.{n}").read_text(encoding="utf-8").splitlines()
             if "line " in line]
    assert older == sorted(older)  # .3 is the oldest, .1 the newest backup: nothing shuffled


def test_a_log_that_cannot_be_moved_aside_keeps_its_backups_and_tries_later(monkeypatch: pytest.MonkeyPatch,
                                                                            tmp_path: Path) -> None:
    """On Windows another process may hold the log open: the rotation fails and nothing may shift."""
    import os

    folder = tmp_path / "logs"
    monkeypatch.setenv("READINESS_LOG_DIR", str(folder))
    monkeypatch.setattr(logs, "MAX_BYTES", 2_000)
    path = logs.setup_logging()
    assert path is not None
    noisy = logging.getLogger("readiness_app.test")
    for i in range(40):  # two rotations: .1 and .2 exist
        noisy.info("line %d of a long session %s", i, "x" * 40)
    backups = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name != path.name}
    assert sorted(backups) == ["readiness-studio.log.1", "readiness-studio.log.2"]
    real_replace = os.replace
    attempts: list[str] = []

    def locked(src: str, dst: str) -> None:
        if os.fspath(src) == str(path):
            attempts.append(dst)
            raise PermissionError(13, "The process cannot access the file", src)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", locked)
    for i in range(60):
        noisy.info("held line %d %s", i, "y" * 40)
    after = {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.name != path.name}
    assert after == backups  # no backup shifted or lost
    assert 1 <= len(attempts) <= 4  # ~6.6 kB written: a retry per further 2,000 bytes, not one per record
    assert "held line 59" in path.read_text(encoding="utf-8")


def test_logging_never_raises_when_the_log_folder_disappears(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "logs"
    monkeypatch.setenv("READINESS_LOG_DIR", str(folder))
    monkeypatch.setattr(logs, "MAX_BYTES", 500)
    monkeypatch.setattr(logging, "raiseExceptions", False)  # what a failing handler would print
    assert logs.setup_logging() is not None
    logging.getLogger("readiness_app.test").info("before %s", "x" * 100)
    shutil.rmtree(folder)
    for i in range(20):  # rotations fail, reopening fails: the callers never see it
        logging.getLogger("readiness_app.test").warning("after %d %s", i, "x" * 100)


def test_an_unwritable_log_folder_is_reported_not_raised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("READINESS_LOG_DIR", str(blocker / "logs"))
    assert logs.setup_logging() is None
    assert "cannot write the log" in capsys.readouterr().err


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown(monkeypatch: pytest.MonkeyPatch,
                                                                  tmp_path: Path) -> None:
    monkeypatch.setenv("READINESS_LOG_DIR", str(tmp_path))
    path = logs.setup_logging()
    assert path is not None
    shown: list[CrashReport] = []
    uninstall = logs.install_excepthook(shown.append)
    sys.excepthook(*_exc_info())  # what Qt calls for an error in a slot
    uninstall()
    text = path.read_text(encoding="utf-8")
    assert "unexpected error in MainThread" in text
    assert "Traceback" in text and "_boom" in text and "ValueError: the answer grid lost its model" in text
    [report] = shown
    assert report.summary() == "ValueError: the answer grid lost its model"
    assert report.log_file == path and "_boom" in report.details and report.thread == "MainThread"


def test_errors_in_worker_threads_are_caught_too(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("READINESS_LOG_DIR", str(tmp_path))
    logs.setup_logging()
    shown: list[CrashReport] = []
    uninstall = logs.install_excepthook(shown.append)
    worker = threading.Thread(target=_boom, name="export-worker")
    worker.start()
    worker.join()
    uninstall()
    assert [r.thread for r in shown] == ["export-worker"]
    assert "unexpected error in export-worker" in logs.log_file().read_text(encoding="utf-8")


def test_a_failing_dialog_or_ctrl_c_falls_back_to_the_default_hook(monkeypatch: pytest.MonkeyPatch,
                                                                   tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("READINESS_LOG_DIR", str(tmp_path))
    logs.setup_logging()

    def broken(_report: CrashReport) -> None:
        raise RuntimeError("no display for the dialog")

    uninstall = logs.install_excepthook(broken)
    sys.excepthook(*_exc_info())
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    uninstall()
    err = capsys.readouterr().err
    assert "ValueError: the answer grid lost its model" in err and "KeyboardInterrupt" in err
    text = logs.log_file().read_text(encoding="utf-8")
    assert "the crash dialog failed" in text and "KeyboardInterrupt" not in text


def test_uninstall_puts_the_previous_hooks_back() -> None:
    before = sys.excepthook, threading.excepthook
    uninstall = logs.install_excepthook(None)
    assert sys.excepthook is not before[0]
    uninstall()
    assert (sys.excepthook, threading.excepthook) == before
