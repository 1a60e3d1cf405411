"""A lock file beside an open assessment, so two instances never edit the same file.

The lock is ``.~<name>.lock`` next to the file, holding JSON with pid, host and user.
A lock left behind by a crashed process on this host (pid no longer alive) is taken over.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from readiness_app.errors import FileLockedError
from readiness_app.messages import msg


def lock_path_for(path: Path) -> Path:
    return path.with_name(f".~{path.name}.lock")


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user is known
        return "unknown"



def _host() -> str:
    """This computer's name (what ``socket.gethostname()`` says, without loading sockets on POSIX)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()

class FileLock:
    """Exclusive lock of one assessment file for this process."""

    def __init__(self, path: Path) -> None:
        self.target = path
        self.path = lock_path_for(path)
        self._held = False

    def acquire(self) -> None:
        info = {
            "pid": os.getpid(),
            "host": _host(),
            "user": _current_user(),
            "since": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        for _attempt in range(2):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = self._read_holder()
                if holder is not None and self._is_stale(holder):
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                who = ""
                if holder:
                    who = msg(" by {user} on {host} since {since}", user=holder.get("user", "?"),
                              host=holder.get("host", "?"), since=holder.get("since", "?"))
                raise FileLockedError(
                    msg("this assessment is already open{who}. Close it there first, or open a copy (if no other "
                        "window has it open, delete {lock}).", who=who, lock=self.path.name),
                    path=str(self.target),
                ) from None
            except OSError as exc:
                # read-only folder: we cannot lock, and we could not write either
                raise FileLockedError(msg("cannot create lock file: {reason}", reason=exc.strerror),
                                      path=str(self.target)) from exc
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(info, fh)
            self._held = True
            return
        raise FileLockedError(msg("could not take over a stale lock"), path=str(self.target))

    def _read_holder(self) -> dict[str, object] | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}  # unreadable or half-written lock: treat as held by unknown
        return data if isinstance(data, dict) else {}

    def _is_stale(self, holder: dict[str, object]) -> bool:
        if not holder:  # empty lock: its writer died between creating and filling it
            try:
                return datetime.now().timestamp() - self.path.stat().st_mtime > 5
            except OSError:
                return True
        if holder.get("host") != _host():
            return False
        pid = holder.get("pid")
        return isinstance(pid, int) and not _pid_alive(pid)

    def release(self) -> None:
        if self._held:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
            self._held = False

    @property
    def held(self) -> bool:
        return self._held
