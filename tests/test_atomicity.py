"""An edit and its change-log entry are one transaction: when the log cannot be written, nothing is.

The change-log insert is made to fail from inside the file (a trigger that aborts it), as a full
disk or a damaged page would; the edit itself must then be rolled back too. The same for a bulk
import into an open file and for a migration step that fails half-way.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from readiness_app.errors import ReadinessError
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Engagement
from readiness_app.questionnaire.loader import Library
from readiness_app.store import migrations
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def _break_the_change_log(path: Path) -> None:
    """From another connection: every further change-log insert aborts."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("CREATE TRIGGER test_no_log BEFORE INSERT ON changelog "
                     "BEGIN SELECT RAISE(ABORT, 'change log not writable'); END")
        conn.commit()
    finally:
        conn.close()


@pytest.fixture
def af(tmp_path: Path, mini_library: Library) -> Any:
    a = AssessmentFile.create(tmp_path / "a.readiness", mini_library, Engagement(client="Muster AG"),
                              author="Facilitator")
    a.add_participant("Anna Muster", "product_owner", participant_id="p1")
    a.add_use_case("Claims triage", use_case_id="uc1")
    a.set_answer(Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 2, note="before"))
    yield a
    a.close()


def test_a_failing_change_log_write_leaves_the_answer_unwritten(af: AssessmentFile) -> None:
    path = af.path
    assert path is not None
    answers_before = _rows(path, "SELECT * FROM answers ORDER BY question_id, scope, participant_id")
    log_before = _rows(path, "SELECT count(*) FROM changelog")
    _break_the_change_log(path)
    with pytest.raises(ReadinessError) as err:
        af.set_answer(Answer("mat.mon.drift", ORGANISATION, CONSENSUS, 4, note="after"))
    assert "nothing was changed" in str(err.value) or "not saved" in str(err.value).lower()
    assert _rows(path, "SELECT * FROM answers ORDER BY question_id, scope, participant_id") == answers_before
    assert _rows(path, "SELECT count(*) FROM changelog") == log_before
    assert af.answer("mat.mon.drift").value == 2  # type: ignore[union-attr]


def test_a_failing_change_log_write_leaves_a_new_participant_and_use_case_unwritten(af: AssessmentFile) -> None:
    path = af.path
    assert path is not None
    _break_the_change_log(path)
    with pytest.raises(ReadinessError):
        af.add_participant("Carla Neu", "sponsor")
    with pytest.raises(ReadinessError):
        af.add_use_case("Underwriting")
    assert [p.name for p in af.participants()] == ["Anna Muster"]
    assert [u.name for u in af.use_cases()] == ["Claims triage"]


def test_a_bulk_import_is_all_or_nothing_when_its_log_entry_fails(af: AssessmentFile) -> None:
    path = af.path
    assert path is not None
    before = _rows(path, "SELECT count(*) FROM answers")
    _break_the_change_log(path)
    batch = [Answer("mat.mon.kpi", ORGANISATION, "p1", 3), Answer("mat.mon.drift", ORGANISATION, "p1", 1)]
    with pytest.raises(ReadinessError):
        af.set_answers(batch)
    assert _rows(path, "SELECT count(*) FROM answers") == before


def test_a_migration_step_that_fails_half_way_leaves_the_file_at_its_old_version(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    olds = sorted((FIXTURES / "formats").glob("format*.readiness"))
    if not olds:
        pytest.fail("tests/fixtures/formats has no earlier-format file")
    old = tmp_path / "old.readiness"
    shutil.copyfile(olds[0], old)
    version_before = _rows(old, "PRAGMA user_version")
    tables_before = _rows(old, "SELECT name FROM sqlite_master ORDER BY name")

    last = migrations.MIGRATIONS[-1]

    def half_then_fail(db: Any) -> None:
        last.apply(db)  # the real step's statements run ...
        raise sqlite3.OperationalError("disk I/O error")  # ... then the disk fails before the commit

    monkeypatch.setattr(migrations, "MIGRATIONS",
                        (*migrations.MIGRATIONS[:-1], migrations.Migration(last.version, last.name, half_then_fail)))
    with pytest.raises(ReadinessError):
        AssessmentFile.open(old).close()
    assert _rows(old, "PRAGMA user_version") == version_before
    assert _rows(old, "SELECT name FROM sqlite_master ORDER BY name") == tables_before
    others = [p for p in tmp_path.iterdir() if p.name != "old.readiness"]
    for other in others:  # at most the backup taken before migrating, a whole copy of the old file; no temp files
        assert "backup" in other.name
        assert _rows(other, "PRAGMA user_version") == version_before
        assert _rows(other, "SELECT count(*) FROM answers") == _rows(old, "SELECT count(*) FROM answers")
