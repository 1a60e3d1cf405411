"""A lock beside an open assessment, so two instances never edit the same file.

The lock is an operating-system lock (``flock`` on Linux and macOS, ``LockFileEx`` on
Windows, through the `filelock <https://py-filelock.readthedocs.io>`_ library) on the file
``.~<name>.lock`` next to the assessment, held for as long as the assessment is open. The
lock file also holds JSON naming the holder (pid, host, user, since) for the "already open
by … since …" message. Why this is correct under races:

* taking it is one system call: of any number of processes trying at once, exactly one gets it;
* a process that dies (crash, ``kill -9``, power loss of a client on a share) loses its OS lock
  with it, so a lock file left behind is "stale" by construction and the next opener takes it
  over with that same atomic call, never by deleting and re-creating it;
* on release the lock file is removed only while we still hold the OS lock on that very file
  (same device and inode as the one we locked); a waiter that had opened the removed file sees
  it unlinked and tries again on the new one (the library checks this), so it can never lock a
  file nobody else can see.

A lock file written by an earlier version of Readiness Studio (plain JSON, no OS lock, no
``"lock": "os"`` key) still counts while its process lives on this computer. On a file system
without ``flock`` (rare network mounts) the library's marker-file lock ``.~<name>.lock.marker``
is used instead.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readiness_app.errors import FileLockedError
from readiness_app.messages import msg

WAIT_SECONDS = 0.25  # how long an opener retries (a holder closing at that moment, a removed lock file)
LOCK_KIND = "os"  # marks lock files written under an OS lock (see the module docstring)


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


def _read_holder(path: Path) -> dict[str, Any]:
    """What the lock file says about its holder; ``{}`` when it is empty, unreadable or half-written."""
    try:
        with path.open("rb") as fh:
            try:
                raw = fh.read()
            except OSError:  # Windows: the holder's lock covers byte 0, the JSON starts after it
                fh.seek(1)
                raw = fh.read()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _legacy_holder_alive(holder: dict[str, Any]) -> bool:
    """A lock file of an earlier version (no OS lock) whose process still runs on this computer."""
    if not holder or holder.get("lock") == LOCK_KIND or holder.get("host") != _host():
        return False
    pid = holder.get("pid")
    return isinstance(pid, int) and _pid_alive(pid)


class FileLock:
    """Exclusive lock of one assessment file for this process (see the module docstring)."""

    def __init__(self, path: Path) -> None:
        self.target = path
        self.path = lock_path_for(path)
        self._lock: Any = None  # the filelock lock while held
        self._identity: tuple[int, int] | None = None  # (device, inode) of the file we hold the OS lock on

    def acquire(self, *, wait: float = WAIT_SECONDS) -> None:
        """Take the lock, or raise :class:`FileLockedError` naming who holds it."""
        import filelock

        info = {"pid": os.getpid(), "host": _host(), "user": _current_user(),
                "since": datetime.now(UTC).isoformat(timespec="seconds"), "lock": LOCK_KIND}

        def claim(fd: int) -> None:  # runs while the OS lock is held, before anyone else can get it
            previous: Any = {}
            with contextlib.suppress(OSError, ValueError):  # empty, half-written or foreign: no holder
                os.lseek(fd, 0, os.SEEK_SET)
                previous = json.loads(os.read(fd, 65536).decode("utf-8"))
            if isinstance(previous, dict) and _legacy_holder_alive(previous):
                raise _LegacyHeld
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, b"\n" + json.dumps(info).encode("utf-8"))  # byte 0 is what Windows locks
            st = os.fstat(fd)
            self._identity = (st.st_dev, st.st_ino)

        lock: Any = filelock.FileLock(str(self.path), timeout=wait, thread_local=False, poll_interval=0.01,
                                      on_acquired=claim)
        try:
            lock.acquire()
        except (filelock.Timeout, _LegacyHeld):
            raise self._held_elsewhere() from None
        except OSError as exc:
            if exc.errno != errno.ENOSYS:
                # read-only folder: we cannot lock, and we could not write either
                raise FileLockedError(msg("cannot create lock file: {reason}", reason=exc.strerror or str(exc)),
                                      path=str(self.target)) from exc
            marker = self.path.with_name(self.path.name + ".marker")
            lock = filelock.SoftFileLock(str(marker), timeout=wait, thread_local=False, poll_interval=0.01)
            try:  # no flock on this file system: the library's marker file (it recovers dead holders)
                lock.acquire()
            except filelock.Timeout:
                raise self._held_elsewhere() from None
        self._lock = lock

    def _held_elsewhere(self) -> FileLockedError:
        holder = _read_holder(self.path)
        who = ""
        if holder.get("user") or holder.get("host"):
            who = msg(" by {user} on {host} since {since}", user=str(holder.get("user", "?")),
                      host=str(holder.get("host", "?")), since=str(holder.get("since", "?")))
        return FileLockedError(
            msg("this assessment is already open{who}. Close it there first, or open a copy.", who=who),
            path=str(self.target))

    def release(self) -> None:
        """Let go; removes the lock file only while it is still the one we hold the OS lock on."""
        lock, self._lock = self._lock, None
        if lock is None:
            return
        try:
            if self._identity is not None:
                with contextlib.suppress(OSError):  # Windows refuses while open; the library removes it after
                    st = os.lstat(self.path)
                    if (st.st_dev, st.st_ino) == self._identity:
                        os.unlink(self.path)
        finally:
            self._identity = None
            lock.release(force=True)

    @property
    def held(self) -> bool:
        return self._lock is not None


class _LegacyHeld(Exception):
    """Raised inside the acquire callback: an earlier version's live process holds the file."""
