"""Operations of pre-work and merges: undoable commands on the session, like those of ``operations``.

* :func:`plan_merge_with` compares the open file (side A) with another copy (side B);
  :func:`merge` applies the plan with the facilitator's decisions as one undoable step.
* :func:`plan_prework` reads dropped templates; :func:`import_prework` adds them as one
  undoable step (each participant's pre-work votes; nothing the room recorded is removed).
* :func:`spread_rows` and :func:`provenance` read what the spread view and the why-dialog show.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from readiness_app.model import CONSENSUS, Answer, is_prework
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.ui import operations
from readiness_app.ui.i18n import tr
from readiness_app.ui.operations import (
    ALL,
    ANSWERS,
    PARTICIPANTS,
    USE_CASES,
    Session,
    _Command,
    push,
)

# --------------------------------------------------------------------------- merge


def plan_merge_with(session: Session, other: Path) -> Any:
    """The merge plan of the open file (A) and ``other`` (B, only read). Raises ReadinessError."""
    from readiness_app.merge.plan import plan_merge

    with AssessmentFile.open_readonly(Path(other)) as b:
        return plan_merge(session.file, b)


class _Merge(_Command):
    def __init__(self, session: Session, plan: Any, decisions: dict[tuple[str, str], str]) -> None:
        super().__init__(session, tr("undo.merge", name=plan.b_path.name), frozenset(ALL), "engagement")
        self.plan = plan
        self.decisions = decisions
        self.done: Any = None
        self.logged = False

    def apply(self) -> None:
        from readiness_app.merge.apply import apply_merge

        decisions: dict[tuple[str, str], Any] = self.decisions
        self.done = apply_merge(self.session.file, self.plan, decisions, log=not self.logged)
        self.logged = True  # a redo does not copy the other file's change log a second time

    def revert(self) -> None:
        from readiness_app.merge.apply import revert_merge

        if self.done is not None:
            revert_merge(self.session.file, self.done)


def merge(session: Session, plan: Any, decisions: dict[tuple[str, str], str]) -> bool:
    """Merge ``plan`` into the open file; ``decisions`` maps (kind, id) of each conflict to "a" or "b"."""
    return push(session, _Merge(session, plan, decisions))


# --------------------------------------------------------------------------- pre-work


def all_templates(paths: list[Path]) -> bool:
    """Whether every one of ``paths`` is one of our fill-in templates (unreadable files: no)."""
    from readiness_app.errors import ReadinessError
    from readiness_app.excel.importer import inspect_workbook

    try:
        return bool(paths) and all(inspect_workbook(Path(p)).kind == "template" for p in paths)
    except (ReadinessError, OSError):
        return False


def plan_prework(session: Session, paths: list[Path]) -> list[Any]:
    """Read filled templates of this assessment (raises WorkbookImportError for anything else)."""
    from readiness_app.errors import WorkbookImportError
    from readiness_app.excel.importer import plan_import
    from readiness_app.excel.prework import check_into
    from readiness_app.messages import msg

    plans = []
    for path in paths:
        plan = plan_import(Path(path), session.file.library())
        if plan.kind != "template":
            raise WorkbookImportError(msg("not a filled template of this assessment; open it with Import instead"),
                                      path=str(path))
        check_into(plan, session.file, allow_problems=True)
        plans.append(plan)
    return plans


class _ImportPrework(_Command):
    """Pre-work in, as one step: undo puts back every answer as it was and removes who was added."""

    def __init__(self, session: Session, plans: list[Any]) -> None:
        super().__init__(session, tr("undo.prework", count=len(plans)), frozenset({ANSWERS, PARTICIPANTS, USE_CASES}),
                         "participants")
        self.plans = plans
        self.results: list[Any] = []
        self.before: dict[tuple[str, str, str], Answer] = {}
        self.added_keys: list[tuple[str, str, str]] = []
        self.added_people: list[str] = []
        self.added_use_cases: list[str] = []

    def apply(self) -> None:
        from readiness_app.excel.prework import write_into

        af = self.session.file
        before = {a.key: a for a in af.answers()}
        people = {p.id for p in af.participants()}
        use_cases = {u.id for u in af.use_cases()}
        self.results = [write_into(af, plan, allow_problems=True) for plan in self.plans]
        after = {a.key: a for a in af.answers()}
        self.before = {k: a for k, a in before.items() if after.get(k) != a}
        self.added_keys = [k for k in after if k not in before]
        self.keys = tuple(self.before) + tuple(self.added_keys)
        self.added_people = [p.id for p in af.participants() if p.id not in people]
        self.added_use_cases = [u.id for u in af.use_cases() if u.id not in use_cases]

    def revert(self) -> None:
        from readiness_app.store.bulk import replace_answers

        af = self.session.file
        replace_answers(af, list(self.before.values()), self.added_keys, action="undo pre-work", stamp=False)
        for pid in self.added_people:
            af.remove_participant(pid)
        for uid in self.added_use_cases:
            af.remove_use_case(uid)


def import_prework(session: Session, plans: list[Any]) -> list[Any] | None:
    """Add filled templates as one undoable step; returns what each did (None when it failed).

    The questions the pre-work answered are hidden from the room again, even when every vote
    was shown: nobody anchors on a colleague's pre-work before the facilitator reveals it.
    """
    command = _ImportPrework(session, plans)
    if not push(session, command):
        return None
    _reload_visibility(session)
    return command.results


def _reload_visibility(session: Session) -> None:
    """The import hid the pre-work's questions in the file; the session shows what the file says."""
    from readiness_app.scoring.visibility import from_meta

    if hasattr(session, "visibility"):
        session.visibility = from_meta(session.file.meta())
        session.emit_changed(operations.Change(frozenset({ANSWERS})))


def prework_summary(session: Session, results: list[Any], widest: int = 8) -> str:
    """The text shown after dropped templates went in: who answered, the widest spreads first."""
    from readiness_app.excel.prework import people_with_prework

    people = people_with_prework(session.file)
    rows = [r for r in spread_rows(session) if r.voters >= 2][:widest]
    lines = "\n".join(f"  {r.spread:g}  {r.question_text}" + (f" ({r.use_case})" if r.use_case else "")
                      for r in rows) or tr("prework.no_spread")
    return tr("prework.summary", files=len(results), written=sum(r.written for r in results),
              people=len(people), names=", ".join(people) or "–",
              replaced=sum(r.replaced for r in results), kept=sum(r.kept for r in results), widest=lines)


def spread_rows(session: Session, *, prework_only: bool = True) -> list[Any]:
    """Questions by the spread of their (pre-work) votes, widest first."""
    from readiness_app.excel.prework import prework_spread

    return prework_spread(session.file, prework_only=prework_only)


def provenance(session: Session) -> dict[tuple[str, str], str]:
    """Where each question's answer came from (question id, scope -> text), for the why-dialog."""
    votes: dict[tuple[str, str], list[Answer]] = {}
    shown: dict[tuple[str, str], str] = {}
    for a in session.file.answers():
        if a.participant_id == CONSENSUS:
            shown[(a.question_id, a.scope)] = a.source or tr("res.why_entered")
        else:
            votes.setdefault((a.question_id, a.scope), []).append(a)
    for key, given in votes.items():
        if key not in shown:
            prework = [v for v in given if is_prework(v.source)]
            text = (tr("res.why_votes", count=len(given), prework=len(prework)) if prework
                    else tr("res.why_votes_room", count=len(given)))
            files = sorted({v.source.split(" / ")[0].removeprefix("pre-work: ") for v in prework})
            shown[key] = text + (f": {', '.join(files)}" if files else "")
    return shown
