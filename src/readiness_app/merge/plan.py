"""Compare two copies of one assessment: what only A changed, what only B changed, what both changed.

Two files *started from the same assessment* when they carry the same ``assessment_id`` and
their change logs begin with the same entries (a copy made with the file manager, or a copy
of a follow-up). The last shared entry is the **fork**. Every record is matched by its id:
participants and use cases by id, answers by (question, scope, participant), targets by
dimension, engagement fields by name, roadmap edits by their content. A side *changed* a
record when its change log after the fork touches it (or, for answers, when the answer was
saved after the fork). A difference only one side changed is taken from that side; a
difference both sides changed, or one neither log explains, is a **conflict**.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from readiness_app.errors import MergeError
from readiness_app.messages import msg
from readiness_app.model import Answer, ChangeLogEntry, Engagement, Participant, RoadmapEdit, UseCase

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.store.assessment_file import AssessmentFile

Kind = Literal["engagement", "participant", "use_case", "answer", "target", "roadmap"]
KINDS: tuple[Kind, ...] = ("engagement", "participant", "use_case", "answer", "target", "roadmap")


@dataclass(frozen=True, slots=True)
class Item:
    """One record that differs: its kind and id, each side's value (``None``: absent on that side)."""

    kind: Kind
    id: str
    a_value: Any  # Answer | Participant | UseCase | RoadmapEdit | int | str | None
    b_value: Any

    @property
    def a(self) -> Any:
        return shown(self.a_value)

    @property
    def b(self) -> Any:
        return shown(self.b_value)

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "a": self.a, "b": self.b}


@dataclass(slots=True)
class MergePlan:
    a_path: Path
    b_path: Path
    fork_at: str  # the time of the last change-log entry both files share
    fork_entries: int  # how many entries they share
    taken_from_a: list[Item] = field(default_factory=list)
    taken_from_b: list[Item] = field(default_factory=list)
    conflicts: list[Item] = field(default_factory=list)
    b_log: list[ChangeLogEntry] = field(default_factory=list)  # B's entries after the fork

    def to_json(self, out: str) -> dict[str, Any]:
        return {"taken_from_a": [{"kind": i.kind, "id": i.id, "value": i.a} for i in self.taken_from_a],
                "taken_from_b": [{"kind": i.kind, "id": i.id, "value": i.b} for i in self.taken_from_b],
                "conflicts": [i.to_json() for i in self.conflicts], "out": out}


    def report_lines(self, out: str) -> list[str]:
        """What the command line prints: the counts, then each conflict with the value kept and B's."""
        lines = [f"wrote {out}: {len(self.taken_from_a)} change(s) taken from {self.a_path.name}, "
                 f"{len(self.taken_from_b)} from {self.b_path.name}, {len(self.conflicts)} conflict(s)"]
        lines += [f"  conflict {c.kind} {c.id}: kept {json.dumps(c.a, ensure_ascii=False)} "
                  f"(B had {json.dumps(c.b, ensure_ascii=False)})" for c in self.conflicts]
        return lines


def shown(value: Any) -> Any:
    """A record as JSON: answers as value, not applicable and note; others as their fields."""
    if isinstance(value, Answer):
        return {"value": value.value, "not_applicable": value.not_applicable, "note": value.note}
    if isinstance(value, Participant | UseCase):
        d = asdict(value)
        d.pop("position", None)
        return d
    if isinstance(value, RoadmapEdit):
        return {"item_key": value.item_key, "op": value.op, "payload": value.payload}
    return value


def _same(kind: Kind, x: Any, y: Any) -> bool:
    if x is None or y is None:
        return x is None and y is None
    return bool(shown(x) == shown(y)) if kind != "roadmap" else True


@dataclass(slots=True)
class _Side:
    records: dict[tuple[Kind, str], Any]
    touched: set[tuple[Kind, str]]
    gone: set[str]  # participants and use cases removed (or put back) after the fork: their answers changed
    roadmap_sigs: set[str]  # roadmap edits made after the fork (item, op, payload)
    fork_at: str

    def changed(self, kind: Kind, key: str, value: Any) -> bool:
        if (kind, key) in self.touched:
            return True
        if kind == "answer":
            _q, scope, pid = key.split("|")
            return pid in self.gone or scope in self.gone or (isinstance(value, Answer) and value.updated_at > self.fork_at)
        return False

    def added(self, e: RoadmapEdit) -> bool:
        return _sig(e.item_key, e.op, e.payload) in self.roadmap_sigs or e.at > self.fork_at


def plan_merge(a: AssessmentFile, b: AssessmentFile) -> MergePlan:
    """Compare ``a`` and ``b`` (both only read). Raises :class:`MergeError` for unrelated files."""
    a_path, b_path = Path(a.path or "A"), Path(b.path or "B")
    a_id, b_id = a.meta().get("assessment_id", ""), b.meta().get("assessment_id", "")
    log_a, log_b = a.changelog(), b.changelog()
    shared = 0
    for ea, eb in zip(log_a, log_b, strict=False):
        if ea != eb:
            break
        shared += 1
    if not a_id or a_id != b_id or shared == 0:
        raise MergeError(msg("did not start from the same assessment as {this} (a merge joins copies of one "
                             "assessment, such as breakout copies); nothing was merged", this=a_path.name),
                         path=str(b_path))
    fork_at = log_a[shared - 1].at
    plan = MergePlan(a_path, b_path, fork_at, shared, b_log=log_b[shared:])
    sa, sb = _side(a, log_a[shared:], fork_at), _side(b, log_b[shared:], fork_at)
    order = {k: i for i, k in enumerate(KINDS)}
    for key in sorted(set(sa.records) | set(sb.records), key=lambda k: (order[k[0]], k[1])):
        kind = key[0]
        va, vb = sa.records.get(key), sb.records.get(key)
        if _same(kind, va, vb):
            continue
        if kind == "roadmap":  # edits are only added or removed: the side that added one, or removed it, wins
            ta = sa.added(va) if isinstance(va, RoadmapEdit) else isinstance(vb, RoadmapEdit) and not sb.added(vb)
            tb = not ta
        else:
            ta, tb = sa.changed(kind, key[1], va), sb.changed(kind, key[1], vb)
        item = Item(kind, key[1], va, vb)
        if tb and not ta:
            plan.taken_from_b.append(item)
        elif ta and not tb:
            plan.taken_from_a.append(item)
        else:
            plan.conflicts.append(item)
    return plan


def _side(af: AssessmentFile, log: list[ChangeLogEntry], fork_at: str) -> _Side:
    records: dict[tuple[Kind, str], Any] = {}
    engagement = af.engagement()
    for f in fields(Engagement):
        records[("engagement", f.name)] = getattr(engagement, f.name)
    for p in af.participants():
        records[("participant", p.id)] = p
    for u in af.use_cases():
        records[("use_case", u.id)] = u
    for ans in af.answers():
        records[("answer", "|".join(ans.key))] = ans
    for dim, level in af.targets().items():
        records[("target", dim)] = level
    for edit in af.roadmap_edits():
        records[("roadmap", roadmap_id(edit))] = edit
    side = _Side(records, set(), set(), set(), fork_at)
    for e in log:
        after = e.after if isinstance(e.after, dict) else {}
        if e.entity in ("participant", "use_case", "target"):
            side.touched.add((e.entity, e.entity_id))  # type: ignore[arg-type]
            if e.entity != "target" and e.action in ("remove", "restore"):
                side.gone.add(e.entity_id)
        elif e.entity == "answer":
            side.touched.add(("answer", e.entity_id))
        elif e.entity == "answers":
            side.touched.update(("answer", str(k)) for k in [*after.get("keys", []), *after.get("cleared_keys", [])])
        elif e.entity == "engagement":
            side.touched.update(("engagement", str(k)) for k in after)
        elif e.entity == "roadmap" and e.action in ("move", "remove", "edit", "add"):
            side.roadmap_sigs.add(_sig(e.entity_id, e.action, after))
    return side


def _sig(item_key: str, op: str, payload: Any) -> str:
    return json.dumps([item_key, op, payload], sort_keys=True, ensure_ascii=False)


def roadmap_id(e: RoadmapEdit) -> str:
    """A roadmap edit's id across files: its content, author and time (the row numbers differ per file)."""
    text = json.dumps([e.item_key, e.op, e.payload, e.author, e.at], sort_keys=True, ensure_ascii=False)
    return f"{e.item_key}:{e.op}:{hashlib.sha256(text.encode()).hexdigest()[:10]}"
