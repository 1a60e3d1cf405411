"""The assessment file: one SQLite database per assessment (``*.readiness``).

Every read and write of an assessment goes through :class:`AssessmentFile`; no widget or
exporter touches SQL. Each edit is one committed transaction (rollback journal,
``synchronous=FULL``), so a crash loses nothing acknowledged and a plain copy of the file
taken while the app is open holds every saved answer. Every edit appends to the change log
in the same transaction.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import asdict, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from readiness_app import __version__
from readiness_app.errors import AssessmentFileError, FileBusyError, SaveError
from readiness_app.messages import msg
from readiness_app.model import (
    CONSENSUS,
    ORGANISATION,
    Answer,
    ChangeLogEntry,
    Engagement,
    Participant,
    RoadmapEdit,
    UseCase,
)
from readiness_app.questionnaire.loader import Library, join_library_sources, library_from_sources
from readiness_app.store.filelock import FileLock
from readiness_app.store.migrations import SCHEMA_VERSION, migrate
from readiness_app.store.rows import (
    ANSWER_COLUMNS,
    ANSWER_SELECT,
    UPSERT_ANSWER_SQL,
    answer_from_tuple,
    answer_log,
    answer_row,
    check_role,
    check_stage,
)
from readiness_app.store.sqlite_file import (
    BUSY_CODES,
    DAMAGE_CODES,
    BackgroundCheck,
    check_header,
    check_integrity,
    connect,
    copy_database,
    default_permissions,
    has_journal,
    inspect_file,
    readable,
    roll_back_journal,
    settle,
    unreadable,
)
from readiness_app.store.sqlite_file import (
    SQLITE_HEADER as SQLITE_HEADER,  # the command line checks it (kept importable here)
)

if TYPE_CHECKING:
    from readiness_app.store.sqlite_lib import sqlite_utils

FILE_SUFFIX = ".readiness"
LIBRARY_INSTRUMENT_ID = "__library__"

Clock = Callable[[], str]


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _not_saved(path: Path | None, exc: BaseException) -> SaveError:
    return SaveError(msg("could not save the change ({detail}); nothing was changed", detail=str(exc)),
                     path=None if path is None else str(path))


def _saving(method: _Method) -> _Method:
    """A write: any SQLite error on its way (the reads before the change included) is a :class:`SaveError`."""

    @functools.wraps(method)
    def wrapper(self: AssessmentFile, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except FileBusyError as exc:
            raise _not_saved(self.path, exc.__cause__ or exc) from exc
        except sqlite3.Error as exc:
            raise _not_saved(self.path, exc) from exc

    return cast(_Method, wrapper)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_id(prefix: str) -> str:
    return f"{prefix}-{os.urandom(5).hex()}"


class AssessmentFile:
    """An open assessment. Use :meth:`create`, :meth:`open` or :meth:`open_readonly`."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, *, lock: FileLock | None,
                 readonly: bool, author: str, clock: Clock) -> None:
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self.path = path
        self._lock = lock
        self.readonly = readonly
        self.author = author
        self._clock = clock
        self._library: Library | None = None
        self._pending_check: BackgroundCheck | None = None

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the file, made on the first write.

        Reading needs only the plain connection, so opening a file does not pay for importing
        sqlite-utils (about a quarter of the app's start-up); the first edit does, once.
        """
        if self._db is None:
            from readiness_app.store.sqlite_lib import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A read that fails on a damaged file says so and names the file (a pending check's verdict first).

        Damage (SQLite's corrupt, not-a-database and I/O errors) and another program holding the
        file (busy, locked: :class:`FileBusyError`) are translated; anything else, such as reading a
        closed file, is a bug and keeps its own error.
        """
        try:
            yield
        except sqlite3.DatabaseError as exc:
            code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
            if code in BUSY_CODES:
                raise FileBusyError(
                    msg("another program is using the file ({detail}). Close it there or try again in a moment; "
                        "nothing was changed.", detail=str(exc)), path=None if self.path is None else str(self.path),
                ) from exc
            if code not in DAMAGE_CODES:
                raise
            self.wait_checked()
            raise unreadable(self.path, exc) from exc

    def _rows(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        with self._reading():
            cursor = self.conn.execute(sql, list(args))
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(cls, path: Path, library: Library, engagement: Engagement | None = None, *,
               author: str = "", clock: Clock = utc_now, overwrite: bool = False,
               lock: bool = True) -> AssessmentFile:
        """Write a new assessment file (built beside the target, then moved in place)."""
        path = Path(path)
        if path.exists() and not overwrite:
            raise AssessmentFileError(msg("a file of this name already exists"), path=str(path))
        engagement = engagement or Engagement()
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or Path("."))
        os.close(fd)
        tmp = Path(tmp_name)
        default_permissions(tmp)
        try:
            from readiness_app.store.sqlite_lib import sqlite_utils

            conn = connect(str(tmp))
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA journal_mode = DELETE")
            migrate(db)
            with db.atomic():
                now = clock()
                db.table("meta").insert_all(
                    [
                        {"key": "created_at", "value": now},
                        {"key": "created_with", "value": f"Readiness Studio {__version__}"},
                        {"key": "assessment_id", "value": os.urandom(16).hex()},
                    ]
                )
                db.table("engagement").insert({"id": 1, **asdict(engagement)})
                _snapshot_library(db, library, now)
                db.table("changelog").insert(
                    {"at": now, "author": author, "entity": "assessment", "entity_id": "",
                     "action": "create", "before": None, "after": json.dumps(asdict(engagement))}
                )
            conn.close()
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise
        return cls.open(path, author=author, clock=clock, lock=lock)

    @classmethod
    def open(cls, path: Path, *, author: str = "", clock: Clock = utc_now, lock: bool = True,
             check_in_background: bool = False) -> AssessmentFile:
        """Open for editing: checks the file, takes the lock, migrates older formats (after a backup).

        ``check_in_background``: the page-by-page integrity check runs in a worker thread while
        the caller goes on reading; :meth:`wait_checked` returns its verdict (raises if damaged),
        and the first write waits for it too, so nothing is ever written to a damaged file.
        Identity, version and lock are always checked before this returns; an older format is
        always checked in full before its migration.
        """
        check: BackgroundCheck | None = None
        path = Path(path)
        check_header(path)
        file_lock = FileLock(path) if lock else None
        if file_lock is not None:
            file_lock.acquire()
        try:
            if has_journal(path):  # a writer died mid-transaction; we hold the lock: roll it back
                roll_back_journal(path)
            probe = connect(f"file:{path.as_posix()}?mode=ro", uri=True)
            try:
                # quick_check reads every page (damage, truncation, garbage) in a third of the time
                # of integrity_check, which adds only index-versus-table cross-checks; read-only
                # snapshots for exports still run the full check.
                version = inspect_file(probe, path, quick=True, integrity=not check_in_background)
                if check_in_background and version < SCHEMA_VERSION:
                    check_integrity(probe, path, quick=True)  # a migration writes: check first
                elif check_in_background:
                    check = BackgroundCheck(probe, path)  # the worker closes the probe
            finally:
                if check is None:
                    probe.close()
            if not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR:  # marked read-only
                raise AssessmentFileError(msg("the file is read-only; save a copy to edit it"), path=str(path))
            if version < SCHEMA_VERSION:
                backup = path.with_name(f"{path.stem}.format{version}-backup{path.suffix}")
                copy_database(path, backup)
            conn = connect(str(path))
            conn.execute("PRAGMA journal_mode = DELETE")
            conn.execute("PRAGMA synchronous = FULL")
            opened = cls(conn, path, lock=file_lock, readonly=False, author=author, clock=clock)
            opened._pending_check = check
            if version < SCHEMA_VERSION:
                migrate(opened.db)
        except sqlite3.DatabaseError as exc:
            settle(check)
            if file_lock is not None:
                file_lock.release()
            raise AssessmentFileError(msg("cannot open the assessment ({detail})", detail=str(exc)), path=str(path)) from exc
        except BaseException:
            settle(check)
            if file_lock is not None:
                file_lock.release()
            raise
        return opened

    def wait_checked(self) -> None:
        """The verdict of a background integrity check (see :meth:`open`): returns if the file is
        intact, raises :class:`AssessmentFileError` if it is damaged. Immediate without one."""
        check = self._pending_check
        if check is not None:
            check.wait()  # raises, every time it is asked, if the file is damaged
            if self._pending_check is check:  # intact: later reads and writes need not ask
                self._pending_check = None

    @classmethod
    def open_readonly(cls, path: Path) -> AssessmentFile:
        """Load a snapshot into memory (no lock, nothing written; older formats migrated in memory)."""
        path = Path(path)
        check_header(path)
        try:
            with readable(path) as source:
                src = connect(f"file:{source.as_posix()}?mode=ro", uri=True)
                try:
                    inspect_file(src, path)
                    mem = connect(":memory:")
                    src.backup(mem)
                finally:
                    src.close()
            snapshot = cls(mem, path, lock=None, readonly=True, author="", clock=utc_now)
            if int(mem.execute("PRAGMA user_version").fetchone()[0]) < SCHEMA_VERSION:
                migrate(snapshot.db)
        except sqlite3.DatabaseError as exc:
            raise AssessmentFileError(msg("cannot read the assessment ({detail})", detail=str(exc)),
                                      path=str(path)) from exc
        return snapshot

    @classmethod
    def open_scan(cls, path: Path) -> AssessmentFile:
        """Read-only and light, for reading many files (the portfolio benchmark).

        Reads the file in place (no copy in memory) after ``PRAGMA quick_check``; a file with a
        journal beside it or in an older format is opened as :meth:`open_readonly` does. Nothing
        is written. Close it soon: it keeps a read connection to the file.
        """
        path = Path(path)
        check_header(path)
        if has_journal(path):
            return cls.open_readonly(path)
        try:
            conn = connect(f"file:{path.as_posix()}?mode=ro", uri=True)
            try:
                version = inspect_file(conn, path, quick=True)
            except BaseException:
                conn.close()
                raise
        except sqlite3.DatabaseError as exc:
            raise AssessmentFileError(msg("cannot read the assessment ({detail})", detail=str(exc)),
                                      path=str(path)) from exc
        if version < SCHEMA_VERSION:
            conn.close()
            return cls.open_readonly(path)
        return cls(conn, path, lock=None, readonly=True, author="", clock=utc_now)

    def close(self) -> None:
        settle(self._pending_check)
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> AssessmentFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save_copy(self, target: Path) -> None:
        """Write a consistent copy of this assessment to ``target`` (atomic replace)."""
        target = Path(target)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        default_permissions(tmp)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                with self._reading():  # a damaged page says so, naming the file
                    self.conn.backup(dst)
                dst.execute("PRAGMA journal_mode = DELETE")
            finally:
                dst.close()
            os.replace(tmp, target)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise

    # ------------------------------------------------------------------ helpers

    def _check_writable(self) -> None:
        if self.readonly:
            raise AssessmentFileError(msg("opened read-only"), path=str(self.path))
        self.wait_checked()

    @contextlib.contextmanager
    def _edit(self, entity: str, entity_id: str, action: str, before: Any, after: Any, *,
              author: str | None = None) -> Iterator[str]:
        """One committed transaction holding the change and its change-log entry (by ``author``,
        default: the file's author)."""
        self._check_writable()
        now = self._clock()
        try:
            with self.db.atomic():
                yield now
                self.db.table("changelog").insert(
                    {"at": now, "author": self.author if author is None else author, "entity": entity,
                     "entity_id": entity_id,
                     "action": action,
                     "before": None if before is None else json.dumps(before, ensure_ascii=False),
                     "after": None if after is None else json.dumps(after, ensure_ascii=False)}
                )
        except sqlite3.Error as exc:  # busy, disk full, I/O, a constraint: the transaction was rolled back
            raise _not_saved(self.path, exc) from exc

    def meta(self) -> dict[str, str]:
        return {r["key"]: r["value"] for r in self._rows("SELECT key, value FROM meta")}

    @_saving
    def set_meta(self, key: str, value: str | None) -> str | None:
        """Set (``None``: remove) one ``meta`` value in one logged transaction; returns the old value.

        Values longer than 256 characters (snapshots) are logged by length and sha256 only.
        """
        if not key:
            raise ValueError("a meta key must not be empty")
        before = self.meta().get(key)

        def logged(v: str | None) -> Any:
            if v is None or len(v) <= 256:
                return v
            import hashlib

            return {"chars": len(v), "sha256": hashlib.sha256(v.encode("utf-8")).hexdigest()}

        with self._edit("meta", key, "set" if value is not None else "remove", logged(before), logged(value)):
            if value is None:
                self.db.execute("DELETE FROM meta WHERE key = ?", [key])
            else:
                self.db.table("meta").upsert({"key": key, "value": value}, pk="key")
        return before

    @property
    def schema_version(self) -> int:
        with self._reading():
            return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # ------------------------------------------------------------------ engagement

    def engagement(self) -> Engagement:
        row = next(iter(self._rows("SELECT * FROM engagement WHERE id = 1")), {})
        names = {f.name for f in fields(Engagement)}
        return Engagement(**{k: v for k, v in row.items() if k in names})

    @_saving
    def update_engagement(self, **changes: str) -> Engagement:
        before = self.engagement()
        unknown = set(changes) - {f.name for f in fields(Engagement)}
        if unknown:
            raise ValueError(f"unknown engagement fields: {', '.join(sorted(unknown))}")
        if "language" in changes and changes["language"] not in ("en", "de"):
            raise ValueError("language must be 'en' or 'de'")
        after = replace(before, **changes)  # type: ignore[arg-type]
        diff_before = {k: getattr(before, k) for k in changes}
        with self._edit("engagement", "", "update", diff_before, changes):
            self.db.table("engagement").update(1, changes)
        return after

    # ------------------------------------------------------------------ participants

    def participants(self) -> list[Participant]:
        return [Participant(**r) for r in self._rows("SELECT * FROM participants ORDER BY position, rowid")]

    def participant(self, participant_id: str) -> Participant | None:
        for p in self.participants():
            if p.id == participant_id:
                return p
        return None

    @_saving
    def add_participant(self, name: str, role: str, organisation: str = "", *,
                        participant_id: str | None = None, position: int | None = None) -> Participant:
        check_role(role)
        if not name.strip():
            raise ValueError("a participant needs a name")
        pos = position if position is not None else self._next_position("participants")
        p = Participant(participant_id or new_id("p"), name, role, organisation, pos)  # kept as given (round trips)
        with self._edit("participant", p.id, "add", None, asdict(p)):
            self.db.table("participants").insert(asdict(p))
        return p

    @_saving
    def update_participant(self, participant_id: str, **changes: Any) -> Participant:
        before = self._require_participant(participant_id)
        if "role" in changes:
            check_role(changes["role"])
        after = replace(before, **changes)
        with self._edit("participant", participant_id, "update", asdict(before), changes):
            self.db.table("participants").update(participant_id, changes)
        return after

    @_saving
    def remove_participant(self, participant_id: str) -> tuple[Participant, list[Answer]]:
        """Remove a participant and their votes; returns both so the removal can be undone."""
        p = self._require_participant(participant_id)
        votes = [a for a in self.answers() if a.participant_id == participant_id]
        with self._edit("participant", participant_id, "remove", asdict(p), None):
            self.db.execute("DELETE FROM answers WHERE participant_id = ?", [participant_id])
            self.db.table("participants").delete(participant_id)
        return p, votes

    @_saving
    def restore_participant(self, participant: Participant, votes: Iterable[Answer]) -> None:
        with self._edit("participant", participant.id, "restore", None, asdict(participant)):
            self.db.table("participants").insert(asdict(participant))
            for a in votes:
                self._write_answer(a)

    def _require_participant(self, participant_id: str) -> Participant:
        p = self.participant(participant_id)
        if p is None:
            raise KeyError(f"no participant {participant_id!r}")
        return p

    # ------------------------------------------------------------------ use cases

    def use_cases(self) -> list[UseCase]:
        return [UseCase(**r) for r in self._rows("SELECT * FROM use_cases ORDER BY position, rowid")]

    def use_case(self, use_case_id: str) -> UseCase | None:
        rows = self._rows("SELECT * FROM use_cases WHERE id = ?", [use_case_id])
        return UseCase(**rows[0]) if rows else None

    @_saving
    def add_use_case(self, name: str, description: str = "", stage: str = "idea", *,
                     use_case_id: str | None = None, position: int | None = None) -> UseCase:
        check_stage(stage)
        if not name.strip():
            raise ValueError("a use case needs a name")
        pos = position if position is not None else self._next_position("use_cases")
        uc = UseCase(use_case_id or new_id("uc"), name, description, stage, pos)  # kept as given (round trips)
        if uc.id == ORGANISATION:
            raise ValueError(f"{ORGANISATION!r} is reserved")
        with self._edit("use_case", uc.id, "add", None, asdict(uc)):
            self.db.table("use_cases").insert(asdict(uc))
        return uc

    @_saving
    def update_use_case(self, use_case_id: str, **changes: Any) -> UseCase:
        before = self.use_case(use_case_id)
        if before is None:
            raise KeyError(f"no use case {use_case_id!r}")
        if "stage" in changes:
            check_stage(changes["stage"])
        after = replace(before, **changes)
        with self._edit("use_case", use_case_id, "update", asdict(before), changes):
            self.db.table("use_cases").update(use_case_id, changes)
        return after

    @_saving
    def remove_use_case(self, use_case_id: str) -> tuple[UseCase, list[Answer]]:
        """Remove a use case and its answers; returns both so the removal can be undone."""
        uc = self.use_case(use_case_id)
        if uc is None:
            raise KeyError(f"no use case {use_case_id!r}")
        answers = self.answers(scope=use_case_id)
        with self._edit("use_case", use_case_id, "remove", asdict(uc), None):
            self.db.execute("DELETE FROM answers WHERE scope = ?", [use_case_id])
            self.db.table("use_cases").delete(use_case_id)
        return uc, answers

    @_saving
    def restore_use_case(self, use_case: UseCase, answers: Iterable[Answer]) -> None:
        with self._edit("use_case", use_case.id, "restore", None, asdict(use_case)):
            self.db.table("use_cases").insert(asdict(use_case))
            for a in answers:
                self._write_answer(a)

    def _next_position(self, table: str) -> int:
        with self._reading():
            row = self.conn.execute(f"SELECT COALESCE(MAX(position), -1) + 1 FROM [{table}]").fetchone()
        return int(row[0])

    # ------------------------------------------------------------------ answers

    def answers(self, scope: str | None = None, *, question_ids: Collection[str] | None = None) -> list[Answer]:
        """Answers in saved order; ``scope`` and ``question_ids`` narrow what is read (the portfolio
        reads only the maturity answers of hundreds of files)."""
        clauses: list[str] = []
        args: list[str] = []
        if scope is not None:
            clauses.append("scope = ?")
            args.append(scope)
        if question_ids is not None:
            ids = list(question_ids)
            clauses.append(f"question_id IN ({', '.join('?' * len(ids))})")
            args.extend(ids)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        with self._reading():
            cursor = self.conn.execute(f"SELECT {ANSWER_SELECT} FROM answers{where} ORDER BY rowid", args)
            return [answer_from_tuple(t) for t in cursor]

    def answer(self, question_id: str, scope: str = ORGANISATION, participant_id: str = CONSENSUS) -> Answer | None:
        with self._reading():
            row = self.conn.execute(
                f"SELECT {ANSWER_SELECT} FROM answers WHERE question_id = ? AND scope = ? AND participant_id = ?",
                [question_id, scope, participant_id]).fetchone()
        return answer_from_tuple(row) if row else None

    @_saving
    def set_answer(self, answer: Answer) -> Answer | None:
        """Save one answer (insert or replace); returns the previous answer for undo."""
        self._validate_answer(answer)
        previous = self.answer(*answer.key)
        now = self._clock()
        stamped = replace(
            answer,
            author=answer.author or self.author,
            updated_at=answer.updated_at or now,
            questionnaire_id=answer.questionnaire_id or self._questionnaire_of(answer.question_id)[0],
            questionnaire_version=answer.questionnaire_version or self._questionnaire_of(answer.question_id)[1],
        )
        with self._edit("answer", "|".join(answer.key), "set",  # logged as by whoever gave the answer
                        None if previous is None else answer_log(previous), answer_log(stamped),
                        author=stamped.author):
            self._write_answer(stamped)
        return previous

    @_saving
    def set_answers(self, answers: Iterable[Answer], *, action: str = "import") -> int:
        """Save many answers in one transaction (imports, demo); one change-log entry."""
        items = list(answers)
        known = ({p.id for p in self.participants()}, {u.id for u in self.use_cases()})
        for a in items:
            self._validate_answer(a, known)
        now = self._clock()
        rows = []
        for a in items:
            qid, qver = self._questionnaire_of(a.question_id)
            rows.append(answer_row(replace(
                a, author=a.author or self.author, updated_at=a.updated_at or now,
                questionnaire_id=a.questionnaire_id or qid, questionnaire_version=a.questionnaire_version or qver)))
        with self._edit("answers", "", action, None, {"count": len(items)}):
            self._upsert_answer_rows(rows)
        return len(items)

    @_saving
    def clear_answer(self, question_id: str, scope: str = ORGANISATION,
                     participant_id: str = CONSENSUS) -> Answer | None:
        previous = self.answer(question_id, scope, participant_id)
        if previous is None:
            return None
        with self._edit("answer", f"{question_id}|{scope}|{participant_id}", "clear", answer_log(previous), None):
            self.db.execute("DELETE FROM answers WHERE question_id = ? AND scope = ? AND participant_id = ?",
                            [question_id, scope, participant_id])
        return previous

    @_saving
    def restore_answer(self, key: tuple[str, str, str], previous: Answer | None) -> None:
        """Undo helper: put back ``previous`` at ``key`` (or clear it when it was empty)."""
        if previous is None:
            self.clear_answer(*key)
        else:
            with self._edit("answer", "|".join(key), "restore", None, answer_log(previous)):
                self._write_answer(previous)

    def _write_answer(self, a: Answer) -> None:
        self._upsert_answer_rows([answer_row(a)])

    def _upsert_answer_rows(self, rows: list[dict[str, Any]]) -> None:
        """Insert or replace answers by their key, in one prepared statement."""
        if rows:
            self.conn.executemany(UPSERT_ANSWER_SQL, [tuple(r[c] for c in ANSWER_COLUMNS) for r in rows])

    def _validate_answer(self, a: Answer, known: tuple[set[str], set[str]] | None = None) -> None:
        """Check ``a``; ``known`` = (participant ids, use-case ids) saves a query per answer in bulk writes."""
        q = self.library().question(a.question_id)
        if q is None:
            raise ValueError(f"unknown question {a.question_id!r}")
        if a.scope != ORGANISATION and (
                a.scope not in known[1] if known else self.use_case(a.scope) is None):
            raise ValueError(f"unknown use case {a.scope!r}")
        if (a.scope == ORGANISATION) != (q.scope == "organisation"):
            raise ValueError(f"question {q.id} is asked per {q.scope.replace('_', ' ')}, not for scope {a.scope!r}")
        if a.participant_id != CONSENSUS and (
                a.participant_id not in known[0] if known else self.participant(a.participant_id) is None):
            raise ValueError(f"unknown participant {a.participant_id!r}")
        if a.not_applicable or a.value is None:
            return
        v = a.value
        if q.type == "scale":
            if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 4 or v != int(v):
                raise ValueError(f"{q.id}: a scale answer is a whole number 0-4, not {v!r}")
        elif q.type == "choice":
            if not isinstance(v, str) or q.option(v) is None:
                raise ValueError(f"{q.id}: {v!r} is not one of the options")
        elif q.type == "checklist":
            if not isinstance(v, list) or any(q.option(o) is None for o in v):
                raise ValueError(f"{q.id}: a checklist answer is a list of option ids")
        elif q.type == "number":
            if isinstance(v, bool) or not isinstance(v, int | float):
                raise ValueError(f"{q.id}: a number answer must be a number, not {v!r}")
        elif q.type == "text" and not isinstance(v, str):
            raise ValueError(f"{q.id}: a text answer must be text")

    def _questionnaire_of(self, question_id: str) -> tuple[str, str]:
        q = self.library().question(question_id)
        if q is None:
            return "", ""
        qn = self.library().questionnaire(q.questionnaire_id)
        return (qn.id, qn.version) if qn else ("", "")

    # ------------------------------------------------------------------ targets and roadmap

    def targets(self) -> dict[str, int]:
        return {r["dimension"]: int(r["level"]) for r in self._rows("SELECT dimension, level FROM targets")}

    @_saving
    def set_target(self, dimension: str, level: int | None) -> int | None:
        """Set (or with ``None`` clear) the target maturity level of a dimension; returns the old one."""
        if level is not None and level not in (1, 2, 3, 4):
            raise ValueError("a target level is 1, 2, 3 or 4")
        before = self.targets().get(dimension)
        with self._edit("target", dimension, "set", before, level):
            if level is None:
                self.db.execute("DELETE FROM targets WHERE dimension = ?", [dimension])
            else:
                self.db.table("targets").upsert({"dimension": dimension, "level": level}, pk="dimension")
        return before

    def roadmap_edits(self) -> list[RoadmapEdit]:
        return [
            RoadmapEdit(r["id"], r["item_key"], r["op"], json.loads(r["payload"]), r["author"], r["at"])
            for r in self._rows("SELECT * FROM roadmap_edits ORDER BY id")
        ]

    @_saving
    def add_roadmap_edit(self, item_key: str, op: str, payload: dict[str, Any] | None = None) -> RoadmapEdit:
        if op not in ("move", "remove", "edit", "add"):
            raise ValueError(f"unknown roadmap edit {op!r}")
        payload = payload or {}
        with self._edit("roadmap", item_key, op, None, payload) as now:
            row_id = self.db.table("roadmap_edits").insert(
                {"item_key": item_key, "op": op, "payload": json.dumps(payload, ensure_ascii=False),
                 "author": self.author, "at": now}).last_pk
        return RoadmapEdit(int(row_id), item_key, op, payload, self.author, now)  # type: ignore[arg-type]

    @_saving
    def remove_roadmap_edit(self, edit_id: int) -> None:
        """Undo helper: drop one stored roadmap edit (the change log keeps its trace)."""
        with self._edit("roadmap", str(edit_id), "undo", None, None):
            self.db.execute("DELETE FROM roadmap_edits WHERE id = ?", [edit_id])

    @_saving
    def restore_roadmap_edits(self, edits: Iterable[RoadmapEdit]) -> None:
        """Import helper: write edits as they were (keeping order)."""
        with self._edit("roadmap", "", "import", None, None):
            for e in edits:
                self.db.table("roadmap_edits").insert(
                    {"item_key": e.item_key, "op": e.op, "payload": json.dumps(e.payload, ensure_ascii=False),
                     "author": e.author or self.author, "at": e.at or self._clock()})

    # ------------------------------------------------------------------ questionnaires and log

    def library(self) -> Library:
        """The questionnaires this assessment was answered with (its embedded snapshot)."""
        if self._library is None:
            rows = self._rows("SELECT * FROM instruments ORDER BY added_at, id, version")
            latest: dict[str, dict[str, Any]] = {}
            for r in rows:
                latest[r["id"]] = r  # the latest snapshot of each instrument wins
            lib_row = latest.pop(LIBRARY_INSTRUMENT_ID, None)
            if lib_row is None or not latest:
                raise AssessmentFileError(msg("the file holds no questionnaire snapshot"), path=str(self.path))
            self._library = library_from_sources(
                [r["source"] for r in latest.values()], lib_row["source"], str(self.path))
        return self._library

    def add_instrument(self, questionnaire: Any) -> None:
        """Embed an imported instrument (a questionnaire of kind ``imported``) in this assessment."""
        self._check_writable()
        if self.library().questionnaire(questionnaire.id) is not None:
            raise ValueError(f"the assessment has a questionnaire {questionnaire.id!r} already")
        with self._edit("instrument", questionnaire.id, "add", None,
                        {"version": questionnaire.version, "kind": questionnaire.kind}) as now:
            self.db.table("instruments").insert({
                "id": questionnaire.id, "version": questionnaire.version, "kind": questionnaire.kind,
                "source": questionnaire.source, "sha256": questionnaire.sha256, "added_at": now})
        self._library = None

    def instruments(self) -> list[dict[str, str]]:
        """Every embedded questionnaire version: id, version, kind, sha256, added_at."""
        return [{k: r[k] for k in ("id", "version", "kind", "sha256", "added_at")}
                for r in self._rows("SELECT * FROM instruments ORDER BY id, added_at")]

    def changelog(self) -> list[ChangeLogEntry]:
        return [
            ChangeLogEntry(r["id"], r["at"], r["author"], r["entity"], r["entity_id"], r["action"],
                           None if r["before"] is None else json.loads(r["before"]),
                           None if r["after"] is None else json.loads(r["after"]))
            for r in self._rows("SELECT * FROM changelog ORDER BY id")
        ]


def _snapshot_library(db: sqlite_utils.Database, library: Library, now: str) -> None:
    import hashlib

    for qn in library.questionnaires:
        db.table("instruments").insert({"id": qn.id, "version": qn.version, "kind": qn.kind,
                                  "source": qn.source, "sha256": qn.sha256, "added_at": now})
    source = library.library_source or join_library_sources([])
    db.table("instruments").insert({"id": LIBRARY_INSTRUMENT_ID, "version": library.library_version or "0",
                              "kind": "library", "source": source,
                              "sha256": hashlib.sha256(source.encode()).hexdigest(), "added_at": now})
