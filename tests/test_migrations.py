"""Files of every earlier format open with today's code, keep their data, and are backed up first."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION, migrate

FORMATS = Path(__file__).resolve().parent / "fixtures" / "formats"
EARLIER = list(range(1, SCHEMA_VERSION))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def _columns(db: sqlite_utils.Database) -> dict[str, list[tuple[str, str, int, object]]]:
    out = {}
    for table in db.table_names():
        rows = db.execute(f"PRAGMA table_info([{table}])").fetchall()
        out[table] = sorted((r[1], r[2], r[3], r[4]) for r in rows)
    return out


def test_migrations_are_numbered_one_by_one() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == SCHEMA_VERSION
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS)


@pytest.mark.parametrize("version", EARLIER)
def test_a_fixture_exists_for_every_earlier_format(version: int) -> None:
    fixture = FORMATS / f"format{version}.readiness"
    assert fixture.is_file(), f"run tests/fixtures/formats/make_fixtures.py and commit {fixture.name}"
    assert _user_version(fixture) == version


@pytest.mark.parametrize("version", EARLIER)
def test_old_file_opens_keeps_its_data_and_is_backed_up(version: int, tmp_path: Path) -> None:
    path = tmp_path / "old.readiness"
    shutil.copyfile(FORMATS / f"format{version}.readiness", path)
    original = _sha(path)

    with AssessmentFile.open(path, author="tester") as af:
        assert af.schema_version == SCHEMA_VERSION
        e = af.engagement()
        assert (e.client, e.language, e.facilitator) == ("Bergbahn Nord GmbH", "de", "Jana Vogel")
        assert e.consultancy == ""  # added by migration 2 with its default
        assert [p.name for p in af.participants()] == ["Ida Wimmer", "Jonas Kofler"]
        assert [(u.id, u.stage) for u in af.use_cases()] == [("uc-1", "pilot"), ("uc-2", "idea")]
        answers = {a.key: a for a in af.answers()}
        assert len(answers) == 7
        assert answers[("pri.value", "uc-1", "p-1")].value == "high"
        assert answers[("pri.value", "uc-1", "p-1")].note == "Peak days sell out."
        assert answers[("pri.value", "uc-1", CONSENSUS)].is_consensus
        assert answers[("pri.value", "uc-2", "p-1")].not_applicable
        assert answers[("mat.mon.kpi", ORGANISATION, "p-1")].value == 12.5
        assert answers[("mat.mon.drift", ORGANISATION, "p-2")].source == ""
        assert [(r.item_key, r.op, r.payload) for r in af.roadmap_edits()] == [("act.monitoring", "move", {"phase": 1})]
        assert [c.action for c in af.changelog()] == ["create", "import"]
        # the embedded questionnaire snapshot still loads
        assert {qn.id for qn in af.library().questionnaires} == {"maturity", "prioritization"}
        # and the migrated file accepts today's edits
        af.set_target("monitoring", 3)
        af.set_answer(Answer("mat.mon.drift", ORGANISATION, "p-1", 3, source="test"))
        assert af.answer("mat.mon.drift", ORGANISATION, "p-1").source == "test"  # type: ignore[union-attr]

    assert _user_version(path) == SCHEMA_VERSION
    backup = tmp_path / f"old.format{version}-backup.readiness"
    assert backup.is_file(), "a backup is written before migrating"
    assert _user_version(backup) == version
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM answers").fetchone()[0] == 7
    assert original != _sha(path)

    # reopening a migrated file neither migrates nor backs up again
    backup.unlink()
    with AssessmentFile.open(path) as af:
        assert af.targets() == {"monitoring": 3}
    assert not backup.exists()


@pytest.mark.parametrize("version", EARLIER)
def test_reading_an_old_file_migrates_in_memory_only(version: int, tmp_path: Path) -> None:
    path = tmp_path / "old.readiness"
    shutil.copyfile(FORMATS / f"format{version}.readiness", path)
    before = _sha(path)
    with AssessmentFile.open_readonly(path) as af:
        assert af.schema_version == SCHEMA_VERSION
        assert len(af.answers()) == 7
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.readiness"]


def test_upgraded_schema_equals_a_fresh_one(tmp_path: Path) -> None:
    fresh = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    migrate(fresh)
    for version in EARLIER:
        old = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
        migrate(old, up_to=version)
        assert int(old.execute("PRAGMA user_version").fetchone()[0]) == version
        migrate(old)
        assert _columns(old) == _columns(fresh)
        assert int(old.execute("PRAGMA application_id").fetchone()[0]) == APPLICATION_ID


def test_migrate_is_idempotent() -> None:
    db = sqlite_utils.Database(sqlite3.connect(":memory:", isolation_level=None))
    assert len(migrate(db)) == SCHEMA_VERSION
    assert migrate(db) == []
    assert int(db.execute("PRAGMA user_version").fetchone()[0]) == SCHEMA_VERSION


def _set_user_version(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()


def _inconsistent(tmp_path: Path, case: str) -> Path:
    """A file whose format number does not match its tables, as a faulty tool or a hand edit leaves it."""
    path = tmp_path / "odd.readiness"
    if case == "claims-older":  # today's tables, an older number: migrating would fail half-way
        shutil.copyfile(FORMATS / "format1.readiness", path)
        with AssessmentFile.open(path) as af:
            af.set_target("monitoring", 2)
        for backup in tmp_path.glob("*backup*"):
            backup.unlink()
        _set_user_version(path, SCHEMA_VERSION - 1)
    elif case == "claims-newer":  # older tables, today's number: reads would fail on missing columns
        shutil.copyfile(FORMATS / "format1.readiness", path)
        _set_user_version(path, SCHEMA_VERSION)
    else:  # "claims-none": tables, but no format number at all
        shutil.copyfile(FORMATS / "format1.readiness", path)
        _set_user_version(path, 0)
    return path


OPENERS = {
    "open": lambda p: AssessmentFile.open(p),
    "open-in-background": lambda p: AssessmentFile.open(p, check_in_background=True),
    "open_readonly": AssessmentFile.open_readonly,
    "open_scan": AssessmentFile.open_scan,
}


@pytest.mark.parametrize("opener", sorted(OPENERS))
@pytest.mark.parametrize("case", ["claims-older", "claims-newer", "claims-none"])
def test_a_file_whose_format_number_does_not_match_its_tables_is_damaged_and_left_alone(
        tmp_path: Path, case: str, opener: str) -> None:
    from readiness_app.errors import AssessmentFileError

    path = _inconsistent(tmp_path, case)
    before = _sha(path)
    with pytest.raises(AssessmentFileError) as caught:
        OPENERS[opener](path).close()
    line = caught.value.one_line()
    assert line.startswith(f"{path}: the file is damaged: its tables do not match its format number"), line
    assert "the file was not changed" in line and "already exists" not in line and "duplicate" not in line
    assert _sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["odd.readiness"], "no backup, no lock, no journal left"


def test_the_command_line_says_damaged_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from readiness_app.cli import main

    path = _inconsistent(tmp_path, "claims-older")
    assert main(["info", str(path)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and f"damaged: its tables do not match its format number {SCHEMA_VERSION - 1} (unexpected" in err
