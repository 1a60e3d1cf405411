"""Write a merge: into an open file with the facilitator's decisions (undoable), or as a new file.

:func:`apply_merge` changes the open file A to hold what only B changed and, for each
conflict, the side the facilitator chose (A's value when nobody chose). It records every
decision and B's change log (each entry marked with the file it came from) in A's change
log, stamps each merged answer's provenance (``... · merge: side B, b.readiness``) and returns
an :class:`Applied` that :func:`revert_merge` uses to put everything back (undo).
:func:`merge_files` writes a new file: a copy of A with B merged in, conflicts keeping A's
value; it is built beside the target and moved into place, so a failure leaves no file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from readiness_app.errors import MergeError
from readiness_app.merge.plan import Item, MergePlan, plan_merge
from readiness_app.messages import msg
from readiness_app.model import (
    MERGE_SOURCE,
    ORGANISATION,
    Answer,
    ChangeLogEntry,
    Participant,
    RoadmapEdit,
    UseCase,
)

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.store.assessment_file import AssessmentFile

Side = Literal["a", "b"]


@dataclass(slots=True)
class Applied:
    """What :func:`apply_merge` changed, so :func:`revert_merge` can put it back."""

    answers_before: dict[tuple[str, str, str], Answer | None] = field(default_factory=dict)
    records_before: list[tuple[str, str, Any]] = field(default_factory=list)  # kind, id, A's value (None: absent)
    removed: list[tuple[str, Any, list[Answer]]] = field(default_factory=list)  # participants / use cases removed
    roadmap_added: list[int] = field(default_factory=list)
    roadmap_removed: list[RoadmapEdit] = field(default_factory=list)
    engagement_before: dict[str, Any] = field(default_factory=dict)


def provenance(source: str, side: Side, file: str, note: str = "") -> str:
    """An answer's source after a merge: where it came from, then the side and file of the merge."""
    mark = f"{MERGE_SOURCE}side {side.upper()}, {file}" + (f", {note}" if note else "")
    base = source.split(f" · {MERGE_SOURCE}")[0]  # a file merged twice says only the last merge
    return f"{base} · {mark}" if base else mark


def apply_merge(af: AssessmentFile, plan: MergePlan, decisions: Mapping[tuple[str, str], Side] | None = None, *,
                log: bool = True) -> Applied:
    """Merge ``plan`` (made against ``af`` as side A) into ``af``. ``log``: also copy B's change log."""
    decisions = decisions or {}
    a_name, b_name = plan.a_path.name, plan.b_path.name
    chosen: list[Item] = list(plan.taken_from_b)
    chosen += [c for c in plan.conflicts if decisions.get((c.kind, c.id)) == "b"]
    done = Applied()
    by_kind: dict[str, list[Item]] = {}
    for item in chosen:
        by_kind.setdefault(item.kind, []).append(item)
    # 1. participants and use cases B has (added or changed)
    for item in by_kind.get("participant", []) + by_kind.get("use_case", []):
        new = item.b_value
        if new is None:
            continue
        done.records_before.append((item.kind, item.id, item.a_value))
        if item.a_value is None:
            (af.restore_participant if item.kind == "participant" else af.restore_use_case)(new, [])
        elif isinstance(new, Participant):
            af.update_participant(item.id, name=new.name, role=new.role, organisation=new.organisation)
        elif isinstance(new, UseCase):
            af.update_use_case(item.id, name=new.name, description=new.description, stage=new.stage)
    # 2. answers: B's where chosen, and every merged answer says where it came from
    writes: list[Answer] = []
    clears: list[tuple[str, str, str]] = []
    sides: list[tuple[Item, Side, str]] = [(i, "b", "") for i in by_kind.get("answer", []) if i in plan.taken_from_b]
    for c in plan.conflicts:
        if c.kind == "answer":
            side = decisions.get((c.kind, c.id), "a")
            sides.append((c, side, "conflict decided" if (c.kind, c.id) in decisions else "conflict, A kept"))
    sides += [(i, "a", "") for i in plan.taken_from_a if i.kind == "answer"]
    for item, side, note in sides:
        new = item.b_value if side == "b" else item.a_value
        qid, scope, pid = item.id.split("|")
        key = (qid, scope, pid)
        done.answers_before[key] = item.a_value
        if new is None:
            if item.a_value is not None:
                clears.append(key)
        else:
            writes.append(replace(new, source=provenance(new.source, side, b_name if side == "b" else a_name, note)))
    writes = _with_their_people(af, plan, writes, done)
    if writes or clears:
        from readiness_app.store.bulk import replace_answers

        replace_answers(af, writes, clears, action="merge", stamp=False, detail={"from": b_name})
    # 3. targets and engagement
    for item in by_kind.get("target", []):
        done.records_before.append(("target", item.id, item.a_value))
        af.set_target(item.id, item.b_value)
    changes = {i.id: i.b_value for i in by_kind.get("engagement", [])}
    if changes:
        done.engagement_before = {i.id: i.a_value for i in by_kind.get("engagement", [])}
        af.update_engagement(**changes)
    # 4. roadmap edits B added, and those B removed
    for item in by_kind.get("roadmap", []):
        if isinstance(item.b_value, RoadmapEdit):
            before = {e.id for e in af.roadmap_edits()}
            af.restore_roadmap_edits([item.b_value])
            done.roadmap_added += [e.id for e in af.roadmap_edits() if e.id not in before]
        elif isinstance(item.a_value, RoadmapEdit):
            af.remove_roadmap_edit(item.a_value.id)
            done.roadmap_removed.append(item.a_value)
    # 5. participants and use cases B removed (with their answers)
    for item in by_kind.get("participant", []) + by_kind.get("use_case", []):
        if item.b_value is None and item.a_value is not None:
            removed = (af.remove_participant if item.kind == "participant" else af.remove_use_case)(item.id)
            done.removed.append((item.kind, removed[0], removed[1]))
    if log:
        _log(af, plan, decisions)
    return done


def _with_their_people(af: AssessmentFile, plan: MergePlan, writes: list[Answer], done: Applied) -> list[Answer]:
    """Answers chosen for someone (or a use case) this file had removed: put them back from B first.

    An answer whose participant or use case neither file still has cannot be stored and is left out.
    """
    people = {p.id for p in af.participants()}
    use_cases = {u.id for u in af.use_cases()}
    theirs: dict[tuple[str, str], Any] = {(i.kind, i.id): i.b_value for i in [*plan.taken_from_a, *plan.taken_from_b, *plan.conflicts]
              if i.kind in ("participant", "use_case") and i.b_value is not None}
    kept = []
    for a in writes:
        for kind, key, have in (("participant", a.participant_id, people), ("use_case", a.scope, use_cases)):
            if key and key != ORGANISATION and key not in have and (kind, key) in theirs:
                record = theirs[(kind, key)]
                (af.restore_participant if kind == "participant" else af.restore_use_case)(record, [])
                done.records_before.append((kind, key, None))
                have.add(key)
        if (not a.participant_id or a.participant_id in people) and (a.scope == ORGANISATION or a.scope in use_cases):
            kept.append(a)
    return kept


def _log(af: AssessmentFile, plan: MergePlan, decisions: Mapping[tuple[str, str], Side]) -> None:
    from readiness_app.store.bulk import append_changelog

    b_name = plan.b_path.name
    append_changelog(af, plan.b_log, origin=f"merged from {b_name}: ")
    now = af._clock()
    entries = [ChangeLogEntry(0, now, af.author, "merge", f"{c.kind}:{c.id}", "decide", {"a": c.a, "b": c.b},
                              {"kept": decisions.get((c.kind, c.id), "a"),
                               "by": "facilitator" if (c.kind, c.id) in decisions else "default (A kept)"})
               for c in plan.conflicts]
    summary = {"from": b_name, "fork_at": plan.fork_at, "taken_from_a": len(plan.taken_from_a),
               "taken_from_b": len(plan.taken_from_b), "conflicts": len(plan.conflicts)}
    append_changelog(af, entries, origin="", closing=("merge", b_name, "merge", summary))


def revert_merge(af: AssessmentFile, done: Applied) -> None:
    """Undo :func:`apply_merge` (its change-log entries stay; the undo adds its own)."""
    for kind, record, answers in reversed(done.removed):
        if kind == "participant":
            af.restore_participant(record, answers)
        else:
            af.restore_use_case(record, answers)
    for edit_id in done.roadmap_added:
        af.remove_roadmap_edit(edit_id)
    if done.roadmap_removed:
        af.restore_roadmap_edits(done.roadmap_removed)
    if done.engagement_before:
        af.update_engagement(**done.engagement_before)
    for kind, key, before in reversed(done.records_before):
        if kind == "target":
            af.set_target(key, before)
    if done.answers_before:
        from readiness_app.store.bulk import replace_answers

        back = [a for a in done.answers_before.values() if a is not None]
        gone = [k for k, a in done.answers_before.items() if a is None]
        replace_answers(af, back, gone, action="undo merge", stamp=False)
    for kind, key, before in reversed(done.records_before):
        if kind == "participant":
            if before is None:
                af.remove_participant(key)
            else:
                af.update_participant(key, **{k: v for k, v in asdict(before).items() if k not in ("id", "position")})
        elif kind == "use_case":
            if before is None:
                af.remove_use_case(key)
            else:
                af.update_use_case(key, **{k: v for k, v in asdict(before).items() if k not in ("id", "position")})


def merge_files(a_path: Path, b_path: Path, out: Path, *, author: str = "", overwrite: bool = False) -> MergePlan:
    """Write ``out``: ``a_path`` with ``b_path`` merged in (conflicts keep A's value). Both inputs are only read."""
    from readiness_app.store.assessment_file import AssessmentFile

    out = Path(out)
    if out.exists() and not overwrite and out.resolve() not in (Path(a_path).resolve(), Path(b_path).resolve()):
        raise MergeError(msg("exists already; choose another name or allow replacing it"), path=str(out))
    if not out.parent.is_dir():
        raise MergeError(msg("the folder does not exist"), path=str(out.parent))
    with AssessmentFile.open_readonly(Path(a_path)) as a, AssessmentFile.open_readonly(Path(b_path)) as b:
        plan = plan_merge(a, b)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".merge.tmp", dir=out.parent)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            a.save_copy(tmp)
            merged = AssessmentFile.open(tmp, author=author, lock=False)
            try:
                apply_merge(merged, plan)
            finally:
                merged.close()
            os.replace(tmp, out)
        except BaseException:
            with contextlib.suppress(OSError):
                tmp.unlink()
            with contextlib.suppress(OSError):
                Path(tmp_name + "-journal").unlink()
            raise
    return plan
