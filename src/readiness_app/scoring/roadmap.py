"""The 90-day roadmap: findings (first lane, blockers, risks, maturity gaps, the playbook's
checklist) mapped to actions from the library, then the consultant's stored edits applied.

Deterministic: the same answers and edits give the same plan, item for item.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from readiness_app.model import ORGANISATION, Participant, RoadmapEdit
from readiness_app.questionnaire.loader import Action, Library, Question, Text
from readiness_app.scoring.ai_act import obligation_items
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    Finding,
    FirstLane,
    MaturityResult,
    QuestionConsensus,
    RiskResult,
    Roadmap,
    RoadmapItem,
    UseCaseResult,
)

PHASE_WEEKS = {1: (1, 4), 2: (5, 8), 3: (9, 13)}
MAX_ITEMS_PER_PHASE = 8  # generated items per phase, checklist items always kept
FIRST_LANE_ACTION = "act.select_first_lane"
SECOND_LANE_ACTION = "act.replicate_second_lane"
UNMET_BELOW = 2.5  # a criterion scoring below this (or missing) is part of a gap

# Rank of each finding kind: lower comes first within a phase.
KIND_RANK = {"priority": 0, "blocker": 1, "risk": 2, "gap": 3, "checklist": 4, "obligation": 5}

Key = tuple[str, str]


@dataclass
class _Draft:
    action: Action
    findings: list[Finding] = field(default_factory=list)
    rank: tuple[int, int] = (9, 0)

    def add(self, finding: Finding, rank: tuple[int, int]) -> None:
        if finding not in self.findings:
            self.findings.append(finding)
        self.rank = min(self.rank, rank)


def generate_roadmap(
    library: Library,
    ranked: Sequence[UseCaseResult],
    first: FirstLane,
    maturity: MaturityResult,
    risks: Sequence[RiskResult],
    consensus: Mapping[Key, QuestionConsensus],
    participants: Iterable[Participant],
    edits: Iterable[RoadmapEdit],
    as_of: str = "",
) -> Roadmap:
    drafts: dict[str, _Draft] = {}

    def want(action_id: str, finding: Finding, rank: tuple[int, int]) -> None:
        action = library.actions.get(action_id)
        if action is None:
            return
        drafts.setdefault(action_id, _Draft(action)).add(finding, rank)

    lane = next((u for u in ranked if u.use_case_id == first.use_case_id), None)
    if lane is not None:
        want(FIRST_LANE_ACTION, Finding("priority", lane.use_case_id, Text(
            f"First production lane: {lane.name}", f"Erster Produktionspfad: {lane.name}")), (0, 0))
        for i, b in enumerate(lane.blockers):
            q = library.question(b.question_id)
            for a in q.actions if q else ():
                want(a, Finding("blocker", b.question_id, Text(
                    f"Blocks {lane.name}: {b.text.en}", f"Blockiert {lane.name}: {b.text.de}")), (1, i))
        want(SECOND_LANE_ACTION, Finding("priority", lane.use_case_id, Text(
            f"Replicate what {lane.name} proves", f"Übertragen, was {lane.name} beweist")), (4, 0))
    else:
        top = ranked[0] if ranked else None
        want(FIRST_LANE_ACTION, Finding("priority", top.use_case_id if top else "", Text(
            "No use case is ready for a first production lane yet",
            "Noch kein Anwendungsfall ist reif für einen ersten Produktionspfad")), (0, 0))

    for i, r in enumerate(risks):
        for a in r.actions:
            want(a, Finding("risk", r.flag_id, Text(f"Risk: {r.name.en}", f"Risiko: {r.name.de}")), (2, i))

    gaps = sorted((d for d in maturity.dimensions if d.gap > 0), key=lambda d: (-d.gap, d.score.value or 0.0))
    for gi, d in enumerate(gaps):
        target = LEVEL_NAMES[d.target]
        finding = Finding("gap", d.dimension_id, Text(
            f"{d.name.en}: level {d.staged_level}, target {d.target} ({target.en})",
            f"{d.name.de}: Stufe {d.staged_level}, Ziel {d.target} ({target.de})"))
        for q in _unmet_criteria(library, d.dimension_id, d.target, consensus):
            for a in q.actions:
                want(a, finding, (3, gi))

    for action in library.actions.values():
        if action.checklist:
            want(action.id, Finding("checklist", action.id, Text(
                "Playbook next-step checklist", "Checkliste für die nächsten Schritte")), (5, 0))

    items = _select(drafts)
    owners = _owners(participants)
    generated: list[RoadmapItem] = []
    for phase in (1, 2, 3):
        in_phase = [d for d in items if d.action.phase == phase]
        generated.extend(_item(d, owners, _due_week(phase, i, len(in_phase))) for i, d in enumerate(in_phase))
    # open EU AI Act obligations, in the phase their date demands, after the phase's other items
    generated.extend(obligation_items(library, ranked, owners, as_of, PHASE_WEEKS))
    generated.sort(key=lambda i: i.phase)
    return apply_edits(generated, edits)


def _due_week(phase: int, index: int, count: int) -> int:
    """Spread a phase's items over its weeks in plan order: the first item is due first."""
    lo, hi = PHASE_WEEKS[phase]
    return lo + (index * (hi - lo + 1)) // max(count, 1)


def _unmet_criteria(library: Library, dimension: str, target: int,
                    consensus: Mapping[Key, QuestionConsensus]) -> list[Question]:
    out = []
    for q in library.iter_questions():
        if q.dimension != dimension or q.stage is None or q.stage > target or not q.scored:
            continue
        c = consensus.get((q.id, ORGANISATION))
        if c is not None and c.not_applicable:
            continue
        if c is None or c.numeric is None or c.numeric < UNMET_BELOW:
            out.append(q)
    out.sort(key=lambda q: (q.stage or 0, -(q.weight), q.id))
    return out


def _select(drafts: Mapping[str, _Draft]) -> list[_Draft]:
    chosen: list[_Draft] = []
    for phase in (1, 2, 3):
        in_phase = sorted((d for d in drafts.values() if d.action.phase == phase),
                          key=lambda d: (d.rank, d.action.id))
        checklist = [d for d in in_phase if d.action.checklist]
        other = [d for d in in_phase if not d.action.checklist]
        room = max(0, MAX_ITEMS_PER_PHASE - len(checklist))
        kept = other[:room] + checklist
        chosen.extend(sorted(kept, key=lambda d: (d.rank, d.action.id)))
    return chosen


def _owners(participants: Iterable[Participant]) -> dict[str, str]:
    owners: dict[str, str] = {}
    for p in sorted(participants, key=lambda p: (p.position, p.id)):
        owners.setdefault(p.role, p.name)
    return owners


def _item(d: _Draft, owners: Mapping[str, str], due_week: int) -> RoadmapItem:
    a = d.action
    return RoadmapItem(
        key=a.id, action_id=a.id, title=a.title, why=a.why, owner_role=a.owner_role,
        owner=owners.get(a.owner_role, ""), phase=a.phase, due_week=due_week,
        effort=a.effort, findings=tuple(d.findings),
    )


def apply_edits(generated: Sequence[RoadmapItem], edits: Iterable[RoadmapEdit]) -> Roadmap:
    """Apply stored consultant edits in order; edits of items no longer generated are kept aside."""
    items: dict[str, RoadmapItem] = {i.key: i for i in generated}
    order = [i.key for i in generated]
    removed: list[str] = []
    orphans = 0
    for e in edits:
        p: Mapping[str, Any] = e.payload
        if e.op == "add":
            phase = _phase(p.get("phase"), 1)
            title = str(p.get("title", "")).strip() or "(untitled)"
            items[e.item_key] = RoadmapItem(
                key=e.item_key, action_id=None, title=Text(title, title), why=Text("", ""),
                owner_role=str(p.get("owner_role", "other")), owner=str(p.get("owner", "")), phase=phase,
                due_week=_week(p.get("due_week"), PHASE_WEEKS[phase][1]), effort=str(p.get("effort", "M")),
                findings=(), edited=False, added=True)
            if e.item_key not in order:
                order.append(e.item_key)
            continue
        item = items.get(e.item_key)
        if item is None:
            orphans += 1
            continue
        if e.op == "remove":
            del items[e.item_key]
            removed.append(e.item_key)
        elif e.op == "move":
            phase = _phase(p.get("phase"), item.phase)
            lo, hi = PHASE_WEEKS[phase]
            week = _week(p.get("due_week"), item.due_week if lo <= item.due_week <= hi else hi)
            items[e.item_key] = replace(item, phase=phase, due_week=week, edited=True)
        elif e.op == "edit":
            changes: dict[str, Any] = {"edited": True} if set(p) - {"done"} else {}
            if "done" in p:
                changes["done"] = p["done"] is True
            if "title" in p and str(p["title"]).strip():
                changes["title"] = Text(str(p["title"]).strip(), str(p["title"]).strip())
            if "owner" in p:
                changes["owner"] = str(p["owner"])
            if "owner_role" in p:
                changes["owner_role"] = str(p["owner_role"])
            if "due_week" in p:
                changes["due_week"] = _week(p["due_week"], item.due_week)
            items[e.item_key] = replace(item, **changes)
    final = [items[k] for k in order if k in items]
    final.sort(key=lambda i: (i.phase, order.index(i.key)))
    return Roadmap(tuple(final), tuple(removed), orphans)


def _phase(value: object, default: int) -> int:
    return value if isinstance(value, int) and value in PHASE_WEEKS else default


def _week(value: object, default: int) -> int:
    return value if isinstance(value, int) and 1 <= value <= 13 else default
