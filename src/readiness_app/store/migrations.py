"""Numbered, ordered schema migrations of the assessment file. Never edit one that shipped.

``PRAGMA user_version`` holds the number of the last migration applied.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported lazily at run time: sqlite-utils is only needed once a file is written
    from readiness_app.store.sqlite_lib import sqlite_utils

APPLICATION_ID = 0x52445354  # "RDST": marks a file as a Readiness Studio assessment


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    apply: Callable[[sqlite_utils.Database], None]


def _run_script(db: sqlite_utils.Database, script: str) -> None:
    """Run statements one by one inside the caller's transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:60]}")


def _m1_initial(db: sqlite_utils.Database) -> None:
    _run_script(db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE engagement (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            client TEXT NOT NULL DEFAULT '',
            industry TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            workshop_start TEXT NOT NULL DEFAULT '',
            workshop_end TEXT NOT NULL DEFAULT '',
            facilitator TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'de')),
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE participants (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE use_cases (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            stage TEXT NOT NULL DEFAULT 'idea',
            position INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE instruments (
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            added_at TEXT NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE answers (
            question_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            participant_id TEXT NOT NULL,
            value TEXT,
            not_applicable INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            questionnaire_id TEXT NOT NULL DEFAULT '',
            questionnaire_version TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (question_id, scope, participant_id)
        );
        CREATE TABLE roadmap_edits (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            item_key TEXT NOT NULL,
            op TEXT NOT NULL CHECK (op IN ('move', 'remove', 'edit', 'add')),
            payload TEXT NOT NULL DEFAULT '{}',
            author TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL
        );
        CREATE TABLE changelog (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            author TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            action TEXT NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE TRIGGER changelog_no_update BEFORE UPDATE ON changelog
            BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        CREATE TRIGGER changelog_no_delete BEFORE DELETE ON changelog
            BEGIN SELECT RAISE(ABORT, 'the change log is append-only'); END;
        """
    )


def _m2_provenance_targets_consultancy(db: sqlite_utils.Database) -> None:
    """Imported answers remember where they came from; maturity targets per dimension."""
    _run_script(db,
        """
        ALTER TABLE answers ADD COLUMN source TEXT NOT NULL DEFAULT '';
        ALTER TABLE engagement ADD COLUMN consultancy TEXT NOT NULL DEFAULT '';
        CREATE TABLE targets (
            dimension TEXT PRIMARY KEY,
            level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4)
        );
        CREATE INDEX answers_scope ON answers (scope);
        """
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial", _m1_initial),
    Migration(2, "provenance, targets, consultancy", _m2_provenance_targets_consultancy),
)

SCHEMA_VERSION = MIGRATIONS[-1].version


def migrate(db: sqlite_utils.Database, *, up_to: int = SCHEMA_VERSION) -> list[str]:
    """Apply every pending migration up to ``up_to``, each in its own transaction."""
    done: list[str] = []
    current = int(db.execute("PRAGMA user_version").fetchone()[0])
    for migration in MIGRATIONS:
        if current < migration.version <= up_to:
            with db.atomic():
                migration.apply(db)
                db.execute(f"PRAGMA user_version = {migration.version}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            done.append(migration.name)
            current = migration.version
    return done
