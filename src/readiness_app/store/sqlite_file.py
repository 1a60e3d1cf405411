"""The SQLite file underneath an assessment: its header, connections, checks, journal and copies.

* :func:`inspect_file`: integrity, identity ("RDST" application id), version, and that the
  tables are those its version claims (a file whose version number was changed by hand or by a
  faulty tool is "damaged", before anything is written or backed up);
* :class:`BackgroundCheck`: the page-by-page check in a worker thread;
* the hot journal a killed writer leaves behind, rolled back (or read around, read-only);
* copies made with SQLite's backup API, and the permissions of new files (the user's umask).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

from readiness_app.errors import AssessmentFileError
from readiness_app.messages import msg
from readiness_app.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_SECONDS = 2.0  # how long a read or write waits while another program holds the file
BUSY_CODES = frozenset({5, 6})  # SQLITE_BUSY, SQLITE_LOCKED (primary codes): another program holds the file


def check_header(path: Path) -> None:
    if not path.exists():
        raise AssessmentFileError(msg("file not found"), path=str(path))
    if path.is_dir():
        raise AssessmentFileError(msg("is a folder, not an assessment file"), path=str(path))
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise AssessmentFileError(msg("cannot read the file: {reason}", reason=exc.strerror), path=str(path)) from exc
    if header != SQLITE_HEADER:
        raise AssessmentFileError(
            msg("not a Readiness Studio assessment (the file is not an SQLite database). "
                "Choose a .readiness file, or use Import for Excel workbooks."),
            path=str(path),
        )


def connect(target: str, *, uri: bool = False) -> sqlite3.Connection:
    conn = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False,
                           timeout=BUSY_TIMEOUT_SECONDS)
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


DAMAGE_CODES = frozenset({10, 11, 26})  # SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB (primary codes)


def unreadable(path: Path | None, exc: Exception) -> AssessmentFileError:
    return AssessmentFileError(
        msg("the file is damaged and cannot be read ({detail}). Open a backup or an exported copy.", detail=str(exc)),
        path=None if path is None else str(path))


def check_integrity(conn: sqlite3.Connection, path: Path, *, quick: bool) -> None:
    """``PRAGMA quick_check`` (every page is read) or the full ``integrity_check``; raises if damaged."""
    try:
        result = conn.execute("PRAGMA quick_check" if quick else "PRAGMA integrity_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    if [tuple(r) for r in result] != [("ok",)]:
        first = result[0][0] if result else "unknown problem"
        raise AssessmentFileError(
            msg("the file is damaged (integrity check: {detail}). Open a backup or an exported copy.", detail=first),
            path=str(path),
        )


def inspect_file(conn: sqlite3.Connection, path: Path, *, quick: bool = False, integrity: bool = True) -> int:
    """Check integrity (unless told not to), identity and version; return the schema version. Changes nothing."""
    if integrity:
        check_integrity(conn, path, quick=quick)
    try:
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    if app_id != APPLICATION_ID:
        raise AssessmentFileError(
            msg("an SQLite database, but not a Readiness Studio assessment."), path=str(path)
        )
    if version > SCHEMA_VERSION:
        raise AssessmentFileError(
            msg("written by a newer version of Readiness Studio (file format {version}; this version reads up to "
                "{supported}). Update Readiness Studio to open it; the file was not changed.",
                version=version, supported=SCHEMA_VERSION),
            path=str(path),
        )
    check_schema(conn, path, version)
    return version


def _schema_items(conn: sqlite3.Connection) -> frozenset[str]:
    """The tables, columns, indexes and triggers of a database, as ``kind:name`` strings."""
    items: set[str] = set()
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"):
        items.add(f"{kind}:{name}")
        if kind == "table":
            items.update(f"column:{name}.{row[1]}" for row in conn.execute(f"PRAGMA table_info([{name}])"))
    return frozenset(items)


@cache
def expected_schema(version: int) -> frozenset[str]:
    """What a file of format ``version`` holds: its migrations replayed on an empty database in memory."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for migration in MIGRATIONS:
            if migration.version <= version:
                migration.apply(cast(Any, conn))  # the migrations only call ``execute``
        return _schema_items(conn)
    finally:
        conn.close()


def check_schema(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """Raise "damaged" when the tables are not those of the format number the file claims.

    Only what some version of Readiness Studio makes is compared (a table another tool added is
    left alone); a file that claims an older format than it holds would otherwise fail half-way
    through its migration.
    """
    known = frozenset().union(*(expected_schema(v) for v in range(SCHEMA_VERSION + 1)))
    try:
        actual = _schema_items(conn) & known
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc
    expected = expected_schema(version)
    if actual != expected:
        missing, extra = sorted(expected - actual), sorted(actual - expected)
        detail = (f"missing {missing[0].replace(':', ' ')}" if missing
                  else f"unexpected {extra[0].replace(':', ' ')}")
        raise AssessmentFileError(
            msg("the file is damaged: its tables do not match its format number {version} ({detail}). "
                "Open a backup or an exported copy; the file was not changed.", version=version, detail=detail),
            path=str(path))


class BackgroundCheck:
    """``PRAGMA quick_check`` on its own read-only connection in a worker thread.

    SQLite releases the GIL while it reads every page, so the check runs beside whatever the
    caller does next (building the questionnaires, the window) instead of before it. The
    connection is closed by the worker when it is done.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path
        self._error: AssessmentFileError | None = None
        self._thread = threading.Thread(target=self._run, name="readiness-quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            check_integrity(self._conn, self._path, quick=True)
        except AssessmentFileError as exc:
            self._error = exc
        except Exception as exc:  # a check that could not finish is no verdict of "intact"
            self._error = unreadable(self._path, exc)
        finally:
            self._conn.close()

    def wait(self) -> None:
        """Block until the check is done; raise its :class:`AssessmentFileError` if the file is damaged.

        Any number of threads may wait, any number of times: the verdict stays.
        """
        self._thread.join()
        if self._error is not None:
            raise self._error

def settle(check: BackgroundCheck | None) -> None:
    """Let a background check finish (its connection closes) when its verdict no longer matters."""
    if check is not None:
        with contextlib.suppress(AssessmentFileError):
            check.wait()


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_journal(path: Path) -> bool:
    try:
        return journal_of(path).stat().st_size > 0
    except OSError:
        return False


def roll_back_journal(path: Path) -> None:
    """Roll back the transaction of a writer that died mid-commit (its journal lies beside the file)."""
    conn = connect(str(path))
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # any read rolls a hot journal back
    finally:
        conn.close()


@contextlib.contextmanager
def readable(path: Path) -> Iterator[Path]:
    """``path`` itself, or, when a journal lies beside it, a private copy rolled back to its last
    commit: a read-only connection cannot roll back a crashed writer's journal, and reading
    must not change the original."""
    if not has_journal(path):
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="readiness-read-") as tmp:
        copy = Path(tmp) / path.name
        with contextlib.suppress(FileNotFoundError):  # journal first: it holds the pages to restore
            shutil.copyfile(journal_of(path), journal_of(copy))
        shutil.copyfile(path, copy)
        roll_back_journal(copy)
        yield copy


def _read_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _read_umask()  # read once at import, before any worker thread exists


def default_permissions(path: Path) -> None:
    """mkstemp makes owner-only files; give new assessments the user's usual permissions."""
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~_UMASK)


def copy_database(src: Path, dst: Path) -> None:
    s = sqlite3.connect(f"file:{src.as_posix()}?mode=ro", uri=True)
    d = sqlite3.connect(str(dst))
    try:
        s.backup(d)
    finally:
        s.close()
        d.close()

