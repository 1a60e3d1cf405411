"""Another program holding the file (an SQLite EXCLUSIVE lock) never reaches the crash dialog (issue 17, item 2).

Saving while it holds the file raises the typed "could not save the change …; nothing was
changed" error; the app offers to try again and, once the file is free, the retry saves.
Reading while it holds the file says "another program is using the file". The busy timeout
is shortened here so each refusal takes milliseconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness_app.errors import FileBusyError, SaveError
from readiness_app.model import Answer
from readiness_app.questionnaire.loader import Library
from readiness_app.store import sqlite_file
from readiness_app.store.assessment_file import AssessmentFile


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_file, "BUSY_TIMEOUT_SECONDS", 0.05)


@pytest.fixture
def opened(tmp_path: Path, mini_library: Library, short_busy_timeout: None) -> Iterator[AssessmentFile]:
    path = tmp_path / "busy.readiness"
    with AssessmentFile.create(path, mini_library) as af:
        af.add_participant("Ana", "sponsor", participant_id="p1")
        af.add_use_case("Invoices", use_case_id="uc1")
        af.set_answer(Answer("mat.mon.kpi", "org", "p1", 2))
    af = AssessmentFile.open(path, author="me")
    yield af
    af.close()


class ExclusiveHolder:
    """A second connection (another program) holding an EXCLUSIVE lock on the file."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        self.conn.execute("BEGIN EXCLUSIVE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


def _state(af: AssessmentFile) -> tuple[Any, ...]:
    return (af.answers(), af.participants(), af.use_cases(), af.engagement(), af.targets(),
            af.roadmap_edits(), len(af.changelog()))


WRITES: dict[str, Callable[[AssessmentFile], object]] = {
    "set_answer": lambda af: af.set_answer(Answer("mat.mon.kpi", "org", "p1", 3)),
    "clear_answer": lambda af: af.clear_answer("mat.mon.kpi", "org", "p1"),
    "update_engagement": lambda af: af.update_engagement(client="Acme"),
    "add_participant": lambda af: af.add_participant("Bo", "other"),
    "remove_participant": lambda af: af.remove_participant("p1"),
    "add_use_case": lambda af: af.add_use_case("Claims"),
    "update_use_case": lambda af: af.update_use_case("uc1", name="Bills"),
    "set_target": lambda af: af.set_target("monitoring", 3),
    "add_roadmap_edit": lambda af: af.add_roadmap_edit("x", "remove"),
    "set_meta": lambda af: af.set_meta("k", "v"),
    "set_answers": lambda af: af.set_answers([Answer("mat.mon.kpi", "org", "p1", 4)]),
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_a_save_while_another_program_holds_the_file_is_a_typed_error_and_changes_nothing(
        opened: AssessmentFile, write: str) -> None:
    before = _state(opened)
    holder = ExclusiveHolder(opened.path)  # type: ignore[arg-type]
    try:
        with pytest.raises(SaveError) as caught:
            WRITES[write](opened)
    finally:
        holder.release()
    assert "could not save the change (database is locked); nothing was changed" in caught.value.one_line()
    assert str(opened.path) in caught.value.one_line()
    assert _state(opened) == before
    WRITES[write](opened)  # the same change works once the file is free
    assert _state(opened) != before


def test_a_save_whose_commit_is_refused_changes_nothing(opened: AssessmentFile) -> None:
    """A reader holding SHARED lets the write begin but refuses the commit: rolled back, typed error."""
    before = _state(opened)
    reader = sqlite3.connect(str(opened.path), isolation_level=None)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM answers").fetchone()  # SHARED lock until the transaction ends
    try:
        with pytest.raises(SaveError, match="nothing was changed"):
            opened.set_answer(Answer("mat.mon.kpi", "org", "p1", 4))
        assert not opened.conn.in_transaction
    finally:
        reader.execute("ROLLBACK")
        reader.close()
    assert _state(opened) == before


def test_a_read_while_another_program_holds_the_file_says_so(opened: AssessmentFile) -> None:
    holder = ExclusiveHolder(opened.path)  # type: ignore[arg-type]
    try:
        with pytest.raises(FileBusyError, match="another program is using the file"):
            opened.participants()
    finally:
        holder.release()
    assert [p.id for p in opened.participants()] == ["p1"]


def test_a_constraint_failure_is_a_typed_error_too(opened: AssessmentFile) -> None:
    with pytest.raises(SaveError, match="UNIQUE constraint failed"):
        opened.add_participant("Twin", "other", participant_id="p1")


class _Dialogs:
    def __init__(self, answers: list[bool]) -> None:
        self.answers = answers
        self.asked: list[tuple[str, str]] = []
        self.errors: list[tuple[str, str]] = []

    def confirm(self, title: str, text: str) -> bool:
        self.asked.append((title, text))
        return self.answers.pop(0)

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        self.errors.append((title, what))


def test_the_app_offers_a_retry_and_never_the_crash_dialog(opened: AssessmentFile, qtbot: Any) -> None:
    from readiness_app.ui import dialogs, i18n, operations

    i18n.set_language("en")
    session = operations.Session(opened)
    holder = ExclusiveHolder(opened.path)  # type: ignore[arg-type]
    fake = _Dialogs([True, False])  # "try again" while it is still held, then give up
    old = dialogs.set_service(fake)  # type: ignore[arg-type]
    try:
        assert operations.set_answer(session, "mat.mon.kpi", "org", value=4) is False
        assert len(fake.asked) == 2 and not fake.errors
        title, text = fake.asked[0]
        assert title == "The change was not saved"
        assert "database is locked" in text and "nothing was changed" in text
        assert text.endswith("Nothing was changed. Try again now?")
        fake.asked.clear()

        def other_program_lets_go_then_retry(title: str, text: str) -> bool:
            fake.asked.append((title, text))
            holder.release()
            return True

        fake.confirm = other_program_lets_go_then_retry  # type: ignore[method-assign]
        assert operations.set_answer(session, "mat.mon.kpi", "org", value=4) is True
        assert len(fake.asked) == 1 and not fake.errors
        answer = opened.answer("mat.mon.kpi", "org")
        assert answer is not None and answer.value == 4
        assert session.undo_stack.count() == 1
    finally:
        dialogs.set_service(old)


def test_the_retry_covers_the_commands_own_write_too(opened: AssessmentFile, qtbot: Any) -> None:
    """The file is free for the reads before the change and held for the write itself."""
    from readiness_app.ui import dialogs, i18n, operations

    i18n.set_language("en")
    session = operations.Session(opened)
    holders: list[ExclusiveHolder] = []
    original = opened.update_engagement

    def held_while_writing(**changes: str) -> object:
        if not holders:  # the other program takes the file just as the change is written
            holders.append(ExclusiveHolder(opened.path))  # type: ignore[arg-type]
        return original(**changes)

    opened.update_engagement = held_while_writing  # type: ignore[method-assign,assignment]
    fake = _Dialogs([])

    def let_go_and_retry(title: str, text: str) -> bool:
        fake.asked.append((title, text))
        holders[0].release()
        return True

    fake.confirm = let_go_and_retry  # type: ignore[method-assign]
    old = dialogs.set_service(fake)  # type: ignore[arg-type]
    try:
        assert operations.update_engagement(session, client="Acme") is True
    finally:
        dialogs.set_service(old)
    assert len(fake.asked) == 1 and "could not save the change" in fake.asked[0][1] and not fake.errors
    assert opened.engagement().client == "Acme" and session.undo_stack.count() == 1


def test_a_read_that_meets_a_held_file_elsewhere_in_the_app_is_no_crash(opened: AssessmentFile, qtbot: Any) -> None:
    """A page redrawing while another program holds the file: the typed message, not the crash window."""
    import sys

    from readiness_app import logs
    from readiness_app.ui import dialogs, i18n
    from readiness_app.ui.crash_dialog import CrashHandler

    i18n.set_language("en")
    holder = ExclusiveHolder(opened.path)  # type: ignore[arg-type]
    try:
        opened.use_cases()
    except FileBusyError:
        report = logs.describe(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        holder.release()
    fake = _Dialogs([])
    old = dialogs.set_service(fake)  # type: ignore[arg-type]
    try:
        handler = CrashHandler()
        handler.handle(report)
    finally:
        dialogs.set_service(old)
    assert handler.reports == []  # the crash window was not shown
    assert fake.errors == [("Another program is using the file", report.message)]
    assert "another program is using the file (database is locked)" in report.message
