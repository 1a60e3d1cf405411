"""The one route from the interface to the data.

Widget slots collect input and call one of the small functions below. Each function wraps
the change in a :class:`QUndoCommand` pushed on the session's undo stack; the command calls
:class:`~readiness_app.store.assessment_file.AssessmentFile` (which commits at once, so every edit is
autosaved), reports failures to the one dialog service and emits the session's single
``changed`` signal naming what changed, so every screen redraws what it shows.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from readiness_app.errors import FileBusyError, ReadinessError, SaveError
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, AnswerValue, Participant, UseCase
from readiness_app.scoring.visibility import Visibility, from_meta, meta_changes, visible_input
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import dialogs
from readiness_app.ui.i18n import language, tr

log = logging.getLogger(__name__)

ENGAGEMENT = "engagement"
PARTICIPANTS = "participants"
USE_CASES = "use_cases"
ANSWERS = "answers"
TARGETS = "targets"
ROADMAP = "roadmap"
FILE = "file"
SCORES = "scores"  # the background scoring finished (nothing in the file changed)
BENCHMARK = "benchmark"  # a portfolio benchmark was built for this assessment (nothing in the file changed)
ALL = frozenset({ENGAGEMENT, PARTICIPANTS, USE_CASES, ANSWERS, TARGETS, ROADMAP, FILE})


@dataclass(frozen=True)
class Change:
    """What changed: kinds (see the constants above) and, for answers, the keys touched."""

    kinds: frozenset[str]
    keys: tuple[tuple[str, str, str], ...] = field(default=())
    step: str = ""  # the step page the change belongs to (undo shows it)


class Session(QObject):
    """An open assessment with its undo history and the one "changed" signal."""

    changed = Signal(object)  # Change

    def __init__(self, file: AssessmentFile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.file = file
        self.undo_stack = QUndoStack(self)
        self._scorer: Any = None  # scoring.Scorer, re-scored incrementally after answer changes
        self._stale_keys: set[tuple[str, str, str]] = set()
        self._rebuild = True
        self._scoring_error: str = ""
        self._build: _Build | None = None
        self._generation = 0  # counts changes; keys the movement cache
        self._baseline: Any = _UNREAD  # followup.BaselineSnapshot | None, read once
        self._baseline_error = ""
        self._movement: tuple[int, Any] | None = None
        self.portfolio: Any = None  # the last portfolio.Portfolio built for this assessment (this session only)
        self.visibility = _stored_visibility(file)  # which votes the room may see (scoring.visibility)

    @property
    def library(self):
        return self.file.library()

    @property
    def path(self):
        return self.file.path

    def emit_changed(self, change: Change) -> None:
        if change.kinds <= {ANSWERS, ENGAGEMENT} and (change.keys or ANSWERS not in change.kinds):
            self._stale_keys.update(change.keys)
        elif not change.kinds <= {SCORES, BENCHMARK}:
            self._rebuild = True
        self._generation += 1
        self.changed.emit(change)

    # ---------------------------------------------------------------- scoring

    def start_scoring(self) -> None:
        """Score the whole file in a background thread (from a read-only snapshot of it).

        Opening a large assessment then shows its window at once; ``results()`` waits for the
        build only if it is needed before it finished. When it is done, ``changed`` announces
        ``SCORES`` so the navigator and the dashboard fill in.
        """
        if self._build is not None or self.file.path is None or self.results_ready():
            return  # running, nothing to read, or the results page already scored everything
        self._rebuild = False
        self._stale_keys.clear()
        self._build = _Build(self.file.path, self.visibility)
        self._build.relay.done.connect(self._build_finished)
        self._build.start()

    def _build_finished(self) -> None:
        if self._build is None or not self._build.event.is_set():
            return
        self._adopt_build()
        self.emit_changed(Change(frozenset({SCORES})))

    def _adopt_build(self) -> None:
        build, self._build = self._build, None
        assert build is not None
        build.event.wait()
        if isinstance(build.result, BaseException):
            log.error("background scoring failed", exc_info=build.result)
            self._rebuild = True
        elif not self._rebuild:  # nothing but answers changed meanwhile: replay those
            self._scorer = build.result
        # else: participants, use cases, targets or roadmap changed meanwhile: results() rebuilds

    def results_ready(self) -> bool:
        """Whether ``results()`` answers at once (no full scoring, no waiting for the background build)."""
        if self._build is not None:
            return self._build.event.is_set() and not self._rebuild
        return self._scorer is not None and not self._rebuild

    def results(self) -> Any:
        """The scored results of the current answers; None if scoring failed (see ``scoring_error``).

        After answer edits only the touched questions are re-scored (``Scorer.set_answer``);
        any other change rebuilds the scorer from the file.
        """
        if self._build is not None:  # needed before the background build reported back: take it over
            self._adopt_build()
            # its report will find nothing to do, so tell the navigator and the dashboard from here
            QTimer.singleShot(0, self, lambda: self.emit_changed(Change(frozenset({SCORES}))))
        try:
            from readiness_app import scoring

            if self._rebuild or self._scorer is None:
                self._stale_keys.clear()
                self._scorer = scoring.Scorer(visible_input(scoring.build_input(self.file), self.visibility))
                self._rebuild = False
            elif self._stale_keys:
                keys, self._stale_keys = self._stale_keys, set()
                given, cleared = [], []
                for key in keys:
                    current = self.file.answer(*key)
                    if current is None or not self.visibility.may_show(current):  # hidden votes count as not given
                        cleared.append(key)
                    else:
                        given.append(current)
                self._scorer.update(given, cleared)  # a burst of votes (the room): the totals once
            self._scoring_error = ""
            return self._scorer.results
        except Exception as exc:  # a scoring failure must never take the window down
            log.exception("scoring failed")
            self._scoring_error = str(exc) or type(exc).__name__
            self._scorer = None
            self._rebuild = True
            return None

    @property
    def scoring_error(self) -> str:
        return self._scoring_error

    # ---------------------------------------------------------------- follow-up and benchmark

    def baseline(self) -> Any:
        """The baseline stored in a follow-up (``followup.BaselineSnapshot``); None for a first assessment.

        Read once per session (it never changes); a damaged snapshot reads as None and
        ``baseline_error`` says why.
        """
        if self._baseline is _UNREAD:
            from readiness_app.followup.baseline import baseline_of

            try:
                self._baseline = baseline_of(self.file)
            except ReadinessError as exc:
                log.warning("the stored baseline cannot be read: %s", exc)
                self._baseline, self._baseline_error = None, exc.one_line(language())
        return self._baseline

    @property
    def baseline_error(self) -> str:
        return self._baseline_error

    def is_followup(self) -> bool:
        return self.baseline() is not None

    def movement(self) -> Any:
        """Movement since the baseline (``followup.Movement``) for the current answers.

        None when this is not a follow-up or scoring failed. Computed once per change.
        """
        snapshot = self.baseline()
        if snapshot is None:
            return None
        if self._movement is not None and self._movement[0] == self._generation:
            return self._movement[1]
        results = self.results()
        if results is None:
            return None
        from readiness_app.followup.baseline import compare

        movement = compare(results, snapshot, roadmap_edits=self.file.roadmap_edits())
        self._movement = (self._generation, movement)
        return movement

    def set_portfolio(self, portfolio: Any) -> None:
        """Keep the benchmark built for this assessment (dashboard, exports) and announce it."""
        self.portfolio = portfolio
        self.emit_changed(Change(frozenset({BENCHMARK})))

    def close(self) -> None:
        if self._build is not None:
            self._build.event.wait()  # the worker reads its own snapshot; let it finish first
            self._build = None
        self.undo_stack.clear()
        self.file.close()


_UNREAD = object()


def _stored_visibility(file: AssessmentFile) -> Visibility:
    """The votes revealed so far (kept in the file, so a reopened workshop shows what the room saw)."""
    try:
        return from_meta(file.meta())
    except Exception:  # an unreadable meta table hides every vote; opening reports real damage elsewhere
        log.warning("revealed votes could not be read", exc_info=True)
        return Visibility()


def _set_visibility(session: Session, after: Visibility) -> None:
    before, session.visibility = session.visibility, after
    try:
        for key, value in meta_changes(before, after).items():
            session.file.set_meta(key, value)
    except ReadinessError as exc:  # a read-only file: this session still shows and hides as asked
        log.warning("reveal not saved: %s", exc)


class _Relay(QObject):
    done = Signal()


class _Build:
    """One background scoring run: its own read-only snapshot, a Scorer (or the error) at the end."""

    def __init__(self, path: Path, visibility: Visibility) -> None:
        self.path = path
        self.visibility = visibility
        self.event = threading.Event()
        self.result: Any = None
        self.relay = _Relay()  # lives in the UI thread; its signal is queued there

    def start(self) -> None:
        threading.Thread(target=self._run, name="readiness-scoring", daemon=True).start()

    def _run(self) -> None:
        try:
            from readiness_app import scoring

            snapshot = AssessmentFile.open_readonly(self.path)
            try:
                self.result = scoring.Scorer(visible_input(scoring.build_input(snapshot), self.visibility))
            finally:
                snapshot.close()
        except BaseException as exc:  # handed to the UI thread
            self.result = exc
        finally:
            self.event.set()
            self.relay.done.emit()


# --------------------------------------------------------------------------- commands


class _Command(QUndoCommand):
    """Base: ``apply`` does (and redoes) the change, ``revert`` undoes it."""

    def __init__(self, session: Session, text: str, kinds: frozenset[str], step: str = "") -> None:
        super().__init__(text)
        self.session = session
        self.kinds = kinds
        self.step = step
        self._skip_first_redo = False
        self.keys: tuple[tuple[str, str, str], ...] = ()

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if self._skip_first_redo:  # already applied by push() before it went on the stack
            self._skip_first_redo = False
            return
        self._run(self.apply)

    def undo(self) -> None:
        self._run(self.revert)

    def _run(self, fn: Callable[[], None]) -> None:
        try:
            if not _with_retry(fn):
                self.setObsolete(True)
        finally:
            self.session.emit_changed(Change(self.kinds, self.keys, self.step))


def _with_retry(fn: Callable[[], None]) -> bool:
    """Run one change; when the file could not take it (busy, disk full: nothing was changed), offer
    to try again until it works or the user declines. Any other failure is reported. Returns success."""
    while True:
        try:
            fn()
            return True
        except (SaveError, FileBusyError) as exc:
            question = f"{exc.one_line(language())}\n\n{tr('error.save_retry')}"
            if not dialogs.service().confirm(tr("error.save_title"), question):
                return False
        except (ReadinessError, ValueError, KeyError) as exc:
            report_error(exc)
            return False


_R = TypeVar("_R")


def _guarded(failed: Any) -> Callable[[Callable[..., _R]], Callable[..., _R]]:
    """An operation whose own reads (before its command runs) may meet a file another program
    holds: offer to try the whole operation again, else return ``failed``; never the crash dialog."""

    def wrap(fn: Callable[..., _R]) -> Callable[..., _R]:
        @functools.wraps(fn)
        def guarded(*args: Any, **kwargs: Any) -> _R:
            while True:
                try:
                    return fn(*args, **kwargs)
                except (SaveError, FileBusyError) as exc:
                    question = f"{exc.one_line(language())}\n\n{tr('error.save_retry')}"
                    if not dialogs.service().confirm(tr("error.save_title"), question):
                        return cast(_R, failed)

        return guarded

    return wrap


def push(session: Session, command: _Command) -> bool:
    """Apply ``command`` now; only when it worked, put it on the undo stack. Returns success."""
    if not _with_retry(command.apply):
        return False
    command._skip_first_redo = True
    session.undo_stack.push(command)
    session.emit_changed(Change(command.kinds, command.keys, command.step))
    return True


def report_error(exc: BaseException) -> None:
    """The one place where a failed operation is told to the user."""
    if isinstance(exc, ReadinessError):
        dialogs.service().error(tr("error.save_title"), exc.one_line(language()), tr("error.save_todo"))
    else:
        text = str(exc.args[0]) if isinstance(exc, KeyError) and exc.args else str(exc)
        dialogs.service().error(tr("error.invalid_title"), text, tr("error.invalid_todo"))


class _SetAnswer(_Command):
    def __init__(self, session: Session, answer: Answer, text: str, step: str) -> None:
        super().__init__(session, text, frozenset({ANSWERS}), step)
        self.answer = answer
        self.previous: Answer | None = None
        self.keys = (answer.key,)

    def apply(self) -> None:
        self.previous = self.session.file.set_answer(self.answer)

    def revert(self) -> None:
        self.session.file.restore_answer(self.answer.key, self.previous)


class _ClearAnswer(_Command):
    def __init__(self, session: Session, key: tuple[str, str, str], text: str, step: str) -> None:
        super().__init__(session, text, frozenset({ANSWERS}), step)
        self.key = key
        self.keys = (key,)
        self.previous: Answer | None = None

    def apply(self) -> None:
        self.previous = self.session.file.clear_answer(*self.key)

    def revert(self) -> None:
        if self.previous is not None:
            self.session.file.restore_answer(self.key, self.previous)


class _UpdateEngagement(_Command):
    def __init__(self, session: Session, changes: dict[str, str]) -> None:
        super().__init__(session, tr("undo.engagement"), frozenset({ENGAGEMENT}), "engagement")
        current = session.file.engagement()
        self.before = {k: getattr(current, k) for k in changes}
        self.after = dict(changes)

    def apply(self) -> None:
        self.session.file.update_engagement(**self.after)

    def revert(self) -> None:
        self.session.file.update_engagement(**self.before)


class _AddParticipant(_Command):
    def __init__(self, session: Session, name: str, role: str, organisation: str) -> None:
        super().__init__(session, tr("undo.add_participant", name=name), frozenset({PARTICIPANTS}), "participants")
        self.args = (name, role, organisation)
        self.added: Participant | None = None

    def apply(self) -> None:
        if self.added is None:
            self.added = self.session.file.add_participant(*self.args)
        else:
            self.session.file.restore_participant(self.added, [])

    def revert(self) -> None:
        assert self.added is not None
        self.session.file.remove_participant(self.added.id)


class _UpdateParticipant(_Command):
    def __init__(self, session: Session, participant_id: str, changes: dict[str, Any]) -> None:
        super().__init__(session, tr("undo.edit_participant"), frozenset({PARTICIPANTS}), "participants")
        current = session.file.participant(participant_id)
        if current is None:
            raise KeyError(participant_id)
        self.participant_id = participant_id
        self.before = {k: getattr(current, k) for k in changes}
        self.after = dict(changes)

    def apply(self) -> None:
        self.session.file.update_participant(self.participant_id, **self.after)

    def revert(self) -> None:
        self.session.file.update_participant(self.participant_id, **self.before)


class _RemoveParticipant(_Command):
    def __init__(self, session: Session, participant_id: str) -> None:
        p = session.file.participant(participant_id)
        super().__init__(session, tr("undo.remove_participant", name=p.name if p else participant_id),
                         frozenset({PARTICIPANTS, ANSWERS}), "participants")
        self.participant_id = participant_id
        self.removed: tuple[Participant, list[Answer]] | None = None

    def apply(self) -> None:
        self.removed = self.session.file.remove_participant(self.participant_id)

    def revert(self) -> None:
        assert self.removed is not None
        self.session.file.restore_participant(*self.removed)


class _AddUseCase(_Command):
    def __init__(self, session: Session, name: str, description: str, stage: str) -> None:
        super().__init__(session, tr("undo.add_use_case", name=name), frozenset({USE_CASES}), "use_cases")
        self.args = (name, description, stage)
        self.added: UseCase | None = None

    def apply(self) -> None:
        if self.added is None:
            self.added = self.session.file.add_use_case(*self.args)
        else:
            self.session.file.restore_use_case(self.added, [])

    def revert(self) -> None:
        assert self.added is not None
        self.session.file.remove_use_case(self.added.id)


class _UpdateUseCase(_Command):
    def __init__(self, session: Session, use_case_id: str, changes: dict[str, Any]) -> None:
        super().__init__(session, tr("undo.edit_use_case"), frozenset({USE_CASES}), "use_cases")
        current = session.file.use_case(use_case_id)
        if current is None:
            raise KeyError(use_case_id)
        self.use_case_id = use_case_id
        self.before = {k: getattr(current, k) for k in changes}
        self.after = dict(changes)

    def apply(self) -> None:
        self.session.file.update_use_case(self.use_case_id, **self.after)

    def revert(self) -> None:
        self.session.file.update_use_case(self.use_case_id, **self.before)


class _RemoveUseCase(_Command):
    def __init__(self, session: Session, use_case_id: str) -> None:
        uc = session.file.use_case(use_case_id)
        super().__init__(session, tr("undo.remove_use_case", name=uc.name if uc else use_case_id),
                         frozenset({USE_CASES, ANSWERS}), "use_cases")
        self.use_case_id = use_case_id
        self.removed: tuple[UseCase, list[Answer]] | None = None

    def apply(self) -> None:
        self.removed = self.session.file.remove_use_case(self.use_case_id)

    def revert(self) -> None:
        assert self.removed is not None
        self.session.file.restore_use_case(*self.removed)


class _SetTarget(_Command):
    def __init__(self, session: Session, dimension: str, level: int | None) -> None:
        super().__init__(session, tr("undo.target"), frozenset({TARGETS}), "results")
        self.dimension = dimension
        self.level = level
        self.before: int | None = None

    def apply(self) -> None:
        self.before = self.session.file.set_target(self.dimension, self.level)

    def revert(self) -> None:
        self.session.file.set_target(self.dimension, self.before)


class _RoadmapEdit(_Command):
    def __init__(self, session: Session, item_key: str, op: str, payload: dict[str, Any]) -> None:
        super().__init__(session, tr(f"undo.roadmap_{op}"), frozenset({ROADMAP}), "roadmap")
        self.item_key = item_key
        self.op = op
        self.payload = payload
        self.edit_id: int | None = None

    def apply(self) -> None:
        self.edit_id = self.session.file.add_roadmap_edit(self.item_key, self.op, self.payload).id

    def revert(self) -> None:
        if self.edit_id is not None:
            self.session.file.remove_roadmap_edit(self.edit_id)


class _MarkDone(_Command):
    """Mark a roadmap action done (or open again): ``followup.mark_done`` stores an "edit" with {"done": ...}."""

    def __init__(self, session: Session, item_key: str, done: bool, title: str) -> None:
        super().__init__(session, tr("undo.mark_done" if done else "undo.mark_open", title=title),
                         frozenset({ROADMAP}), "roadmap")
        self.item_key = item_key
        self.done = done
        self.edit_id: int | None = None

    def apply(self) -> None:
        from readiness_app.followup.baseline import mark_done

        self.edit_id = mark_done(self.session.file, self.item_key, self.done).id

    def revert(self) -> None:
        if self.edit_id is not None:
            self.session.file.remove_roadmap_edit(self.edit_id)


# --------------------------------------------------------------------------- operations


@_guarded(False)
def set_answer(session: Session, question_id: str, scope: str = ORGANISATION,
               participant_id: str = CONSENSUS, value: AnswerValue = None, *,
               step: str = "") -> bool:
    """Answer a question (the consensus by default, or one participant's vote); keeps the note."""
    current = session.file.answer(question_id, scope, participant_id)
    note = current.note if current is not None else ""
    answer = Answer(question_id, scope, participant_id, value=value, not_applicable=False, note=note)
    label = "undo.vote" if participant_id != CONSENSUS else "undo.answer"
    return push(session, _SetAnswer(session, answer, tr(label, question=question_id), step))


@_guarded(False)
def mark_not_applicable(session: Session, question_id: str, scope: str, reason: str, *, step: str = "") -> bool:
    """Mark the consensus answer as not applicable; the reason is kept as its note."""
    answer = Answer(question_id, scope, CONSENSUS, value=None, not_applicable=True, note=reason.strip())
    return push(session, _SetAnswer(session, answer, tr("undo.not_applicable", question=question_id), step))


@_guarded(False)
def set_note(session: Session, question_id: str, scope: str, note: str,
             participant_id: str = CONSENSUS, *, step: str = "") -> bool:
    current = session.file.answer(question_id, scope, participant_id)
    if current is not None and current.note == note:
        return True
    if current is None:
        answer = Answer(question_id, scope, participant_id, note=note)
    else:
        answer = replace(current, note=note, author="", updated_at="")
    return push(session, _SetAnswer(session, answer, tr("undo.note", question=question_id), step))


@_guarded(False)
def clear_answer(session: Session, question_id: str, scope: str = ORGANISATION,
                 participant_id: str = CONSENSUS, *, step: str = "") -> bool:
    if session.file.answer(question_id, scope, participant_id) is None:
        return True
    return push(session, _ClearAnswer(session, (question_id, scope, participant_id),
                                      tr("undo.clear", question=question_id), step))


def reveal_votes(session: Session, question_id: str, scope: str, on: bool = True, *, step: str = "") -> bool:
    """Show (or hide again) the votes on one question in one scope to the room, everywhere at once.

    The choice is kept in the file (one logged ``meta`` entry) so that a reopened workshop does
    not show what the room has not seen; a file that cannot be written keeps it for this session.
    """
    if session.visibility.votes_shown(question_id, scope) == on:
        return True
    _set_visibility(session, session.visibility.with_revealed(question_id, scope, on))
    votes = tuple(a.key for a in session.file.answers(scope=scope, question_ids=[question_id])
                  if a.participant_id != CONSENSUS)
    if votes:
        session.emit_changed(Change(frozenset({ANSWERS}), votes, step))
    else:
        session.emit_changed(Change(frozenset({ANSWERS}), ((question_id, scope, CONSENSUS),), step))
    return True


def show_all_votes(session: Session, on: bool) -> bool:
    """Show every vote (preparing alone, a finished workshop), or again only the revealed ones."""
    if session.visibility.show_all == on and not session.visibility.hidden:
        return True
    _set_visibility(session, session.visibility.with_all(on))
    session.emit_changed(Change(frozenset({ANSWERS})))
    return True


@_guarded(False)
def update_engagement(session: Session, **changes: str) -> bool:
    current = session.file.engagement()
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        return True
    return push(session, _UpdateEngagement(session, changes))


@_guarded(None)
def add_participant(session: Session, name: str, role: str = "other", organisation: str = "") -> Participant | None:
    cmd = _AddParticipant(session, name, role, organisation)
    return cmd.added if push(session, cmd) else None


@_guarded(False)
def update_participant(session: Session, participant_id: str, **changes: Any) -> bool:
    current = session.file.participant(participant_id)
    if current is None:
        return False
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        return True
    return push(session, _UpdateParticipant(session, participant_id, changes))


@_guarded(False)
def remove_participant(session: Session, participant_id: str) -> bool:
    return push(session, _RemoveParticipant(session, participant_id))


@_guarded(None)
def add_use_case(session: Session, name: str, description: str = "", stage: str = "idea") -> UseCase | None:
    cmd = _AddUseCase(session, name, description, stage)
    return cmd.added if push(session, cmd) else None


@_guarded(False)
def update_use_case(session: Session, use_case_id: str, **changes: Any) -> bool:
    current = session.file.use_case(use_case_id)
    if current is None:
        return False
    changes = {k: v for k, v in changes.items() if getattr(current, k) != v}
    if not changes:
        return True
    return push(session, _UpdateUseCase(session, use_case_id, changes))


@_guarded(False)
def remove_use_case(session: Session, use_case_id: str) -> bool:
    return push(session, _RemoveUseCase(session, use_case_id))


@_guarded(False)
def set_target(session: Session, dimension: str, level: int | None) -> bool:
    if session.file.targets().get(dimension) == level:
        return True
    return push(session, _SetTarget(session, dimension, level))


@_guarded(False)
def edit_roadmap(session: Session, item_key: str, op: str, payload: dict[str, Any] | None = None) -> bool:
    """Store one roadmap edit (move, edit, add, remove); edits are re-applied after every re-scoring."""
    return push(session, _RoadmapEdit(session, item_key, op, dict(payload or {})))


@_guarded(False)
def mark_done(session: Session, item_key: str, done: bool = True, title: str = "") -> bool:
    """Mark a roadmap action (on today's plan or from the baseline's) done, or open again; undoable."""
    return push(session, _MarkDone(session, item_key, done, title or item_key))


@_guarded(False)
def room_vote(session: Session, answer: Answer, *, step: str = "") -> bool:
    """Store a vote that came from a phone in the room, like a typed vote: undoable, saved at once, re-scored.

    ``answer`` names the participant as its author and "room" as its source (the room has
    checked it against the question on the projector).
    """
    text = tr("undo.room_vote", name=answer.author, question=answer.question_id)
    return push(session, _SetAnswer(session, answer, text, step))
