"""Logging to a rotating file in the user's data folder, and the hook for unexpected errors.

Where the log lives (``readiness-studio.log``, 1 MB, 3 older files kept):

- ``READINESS_LOG_DIR`` when set (tests and power users),
- Windows: ``%LOCALAPPDATA%\\Readiness Studio\\logs``,
- macOS: ``~/Library/Logs/Readiness Studio``,
- Linux and others: ``$XDG_STATE_HOME/readiness-studio/logs`` (default ``~/.local/state/...``).

The log holds what the app did and every unexpected error with its traceback; it never holds
answers or notes. :func:`install_excepthook` routes unexpected errors (main thread and worker
threads) to the log and then to a ``show`` callback, which the desktop app uses for its crash
dialog. No Qt here: the core and the command line use it too.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType

from readiness_app import APP_NAME, __version__

LOG_FILE_NAME = "readiness-studio.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
LOGGER_NAME = "readiness_app"
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(threadName)s]: %(message)s"

log = logging.getLogger(__name__)


def log_dir() -> Path:
    """The folder the log file goes to (not created here)."""
    override = os.environ.get("READINESS_LOG_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(home / "AppData" / "Local")
        return Path(base) / APP_NAME / "logs"
    if sys.platform == "darwin":
        return home / "Library" / "Logs" / APP_NAME
    state = os.environ.get("XDG_STATE_HOME") or str(home / ".local" / "state")
    return Path(state) / "readiness-studio" / "logs"


def log_file() -> Path:
    """The current log file (it may not exist yet)."""
    return log_dir() / LOG_FILE_NAME


class _AppHandler(logging.FileHandler):
    """Our file handler, rotated by size; marked by its class so :func:`setup_logging` never adds two.

    Not ``logging.handlers.RotatingFileHandler``: that module pulls sockets, pickle and queues
    into every start of the app (a twentieth of its start-up) for the few lines this takes.
    """

    def __init__(self, filename: Path, max_bytes: int, backup_count: int) -> None:
        super().__init__(filename, mode="a", encoding="utf-8", delay=False)
        self.max_bytes = max_bytes
        self.backup_count = backup_count
        self._retry_at = 0  # after a failed rotation: the size at which to try again

    def emit(self, record: logging.LogRecord) -> None:  # called with the handler's lock held
        try:
            if self._full(record):
                self._rotate()
            super().emit(record)
        except Exception:  # as logging does: a failing log never stops the app
            self.handleError(record)

    def _full(self, record: logging.LogRecord) -> bool:
        if self.max_bytes <= 0 or self.stream is None:
            return False
        self.stream.seek(0, os.SEEK_END)
        used = self.stream.tell()
        if used == 0:  # one record larger than the limit: an empty file stays
            return False
        size = len(f"{self.format(record)}{self.terminator}".encode(self.encoding or "utf-8", "replace"))
        return bool(used + size > max(self.max_bytes, self._retry_at))

    def _rotate(self) -> None:
        """readiness-studio.log -> .log.1 -> .log.2 ...; the oldest beyond ``backup_count`` goes.

        The current file is moved aside first: if that fails (another process has it open on
        Windows), nothing has moved, and the next try waits until another ``max_bytes`` were
        written, so the backups are never shifted without a new one.
        """
        used = 0
        if self.stream is not None:
            used = self.stream.tell()
            self.stream.close()
            self.stream = None
        base = self.baseFilename
        try:
            if self.backup_count <= 0:
                open(base, "w").close()  # truncate in place
            else:
                aside = f"{base}.rotating"
                os.replace(base, aside)
                for i in range(self.backup_count - 1, 0, -1):
                    older = f"{base}.{i}"
                    if os.path.exists(older):
                        with contextlib.suppress(OSError):  # a backup held open elsewhere stays where it is
                            os.replace(older, f"{base}.{i + 1}")
                try:
                    os.replace(aside, f"{base}.1")
                except OSError:
                    os.replace(aside, base)  # put it back; try again later
                    raise
            self._retry_at = 0
        except OSError:
            self._retry_at = used + self.max_bytes
        finally:
            self.stream = self._open()


def _our_handler() -> _AppHandler | None:
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _AppHandler):
            return handler
    return None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send log records to the rotating log file; return its path (``None``: the folder is not writable).

    Safe to call more than once (the handler is added once; a changed ``READINESS_LOG_DIR``
    moves it). Records of ``readiness_app.*`` from ``level`` up are kept, and warnings and
    errors of every library.
    """
    target = log_file()
    existing = _our_handler()
    if existing is not None:
        if Path(existing.baseFilename) == target.resolve():
            return target
        shutdown_logging()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _AppHandler(target, MAX_BYTES, BACKUP_COUNT)
    except OSError as exc:
        print(f"{APP_NAME}: cannot write the log to {target.parent} ({exc.strerror or exc})", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)
    ours = logging.getLogger(LOGGER_NAME)
    if ours.level == logging.NOTSET or ours.level > level:
        ours.setLevel(level)
    logging.captureWarnings(True)
    log.info("%s %s started (Python %s, %s, %s)", APP_NAME, __version__, sys.version.split()[0], _system(),
             "bundle" if getattr(sys, "frozen", False) else "source")
    return target


def _system() -> str:
    """The operating system in a few words, e.g. "Linux 6.8.0" or "Windows 10.0.22631" (no ``platform``: slow)."""
    if sys.platform == "win32":
        v = sys.getwindowsversion()  # type: ignore[attr-defined,unused-ignore]
        return f"Windows {v.major}.{v.minor}.{v.build}"
    uname = os.uname()
    return f"{'macOS (Darwin)' if uname.sysname == 'Darwin' else uname.sysname} {uname.release}"


def shutdown_logging() -> None:
    """Remove and close our file handler (tests; a moved log folder)."""
    handler = _our_handler()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


@dataclass(frozen=True, slots=True)
class CrashReport:
    """What the crash dialog shows: the error in one line, its traceback and where the log is."""

    kind: str  # the exception's class name
    message: str
    details: str  # the formatted traceback
    log_file: Path | None
    thread: str
    at: str  # local time, ISO 8601 to the second

    def summary(self) -> str:
        return f"{self.kind}: {self.message}" if self.message else self.kind


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None,
             thread: str = "MainThread") -> CrashReport:
    handler = _our_handler()
    return CrashReport(
        kind=exc_type.__name__,
        message=str(exc).strip().splitlines()[0] if str(exc).strip() else "",
        details="".join(traceback.format_exception(exc_type, exc, tb)),
        log_file=Path(handler.baseFilename) if handler is not None else None,
        thread=thread,
        at=datetime.now().isoformat(timespec="seconds"),
    )


ShowCrash = Callable[[CrashReport], None]

_showing = threading.local()


def _report(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, thread: str,
            show: ShowCrash | None) -> None:
    log.error("unexpected error in %s", thread, exc_info=(exc_type, exc, tb))
    if show is None:
        sys.__excepthook__(exc_type, exc, tb)
        return
    if getattr(_showing, "active", False):  # an error while the dialog is up: the log has it
        return
    _showing.active = True
    try:
        show(describe(exc_type, exc, tb, thread))
    except Exception:  # the dialog itself failed: say so on stderr, the log has the original
        log.exception("the crash dialog failed")
        sys.__excepthook__(exc_type, exc, tb)
    finally:
        _showing.active = False


def install_excepthook(show: ShowCrash | None = None) -> Callable[[], None]:
    """Log every unexpected error with its traceback, then call ``show`` (the crash dialog).

    Covers the main thread (``sys.excepthook``, which Qt calls for errors in slots) and worker
    threads (``threading.excepthook``). ``KeyboardInterrupt`` keeps its default handling.
    Returns a function that puts the previous hooks back.
    """
    old_sys, old_threading = sys.excepthook, threading.excepthook

    def sys_hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        _report(exc_type, exc, tb, threading.current_thread().name, show)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "worker"
        _report(args.exc_type, args.exc_value, args.exc_traceback, name, show)

    sys.excepthook = sys_hook
    threading.excepthook = thread_hook

    def uninstall() -> None:
        sys.excepthook = old_sys
        threading.excepthook = old_threading

    return uninstall
