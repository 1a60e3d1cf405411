"""One work item per roadmap action, in the assessment's language.

* **Due date**: the workshop's last day (its first when no end is recorded) plus the action's
  due week (week 1 = seven days later); none when the engagement has no workshop date.
* **Priority** (1 = highest .. 4): phase 1 is 2, phase 2 is 3, phase 3 is 4; an action that
  answers a blocking data gap or a high-severity risk moves one step up (so 1 is a first-phase
  action on a blocker or a high risk).
* **Owner**: the person named for the action, else the first participant holding its owner
  role, else nobody (the role is always given).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from readiness_app.model import role_label
from readiness_app.report.data import ReportData
from readiness_app.scoring.results import PHASE_LABELS, RoadmapItem

TEXTS: dict[str, tuple[str, str]] = {
    "why": ("Why", "Warum"),
    "evidence": ("Evidence from the workshop", "Befund aus dem Workshop"),
    "evidence_added": ("Added by the consultant after the workshop.", "Nach dem Workshop von der Beratung ergänzt."),
    "owner": ("Owner", "Verantwortlich"),
    "owner_unnamed": ("{role} (not yet named)", "{role} (noch nicht benannt)"),
    "plan": ("Plan", "Plan"),
    "plan_line": ("{phase}, due in week {week} of 13", "{phase}, fällig in Woche {week} von 13"),
    "due_on": ("due on {date}", "fällig am {date}"),
    "effort": ("Effort", "Aufwand"),
    "source": ("From the AI readiness assessment of {client} ({dates}).",
               "Aus der KI-Readiness-Bewertung von {client} ({dates})."),
    "source_undated": ("From the AI readiness assessment of {client}.",
                       "Aus der KI-Readiness-Bewertung von {client}."),
    "client_unnamed": ("the client", "dem Kunden"),
    "label": ("ai-readiness", "ki-readiness"),
}
EFFORT: dict[str, tuple[str, str]] = {
    "S": ("small (days)", "klein (Tage)"),
    "M": ("medium (weeks)", "mittel (Wochen)"),
    "L": ("large (a phase or more)", "groß (eine Phase oder mehr)"),
}


def text(key: str, lang: str, **fields: object) -> str:
    en, de = TEXTS[key]
    return (de if lang == "de" else en).format(**fields)


@dataclass(frozen=True, slots=True)
class WorkItem:
    """One roadmap action as a backlog item (plain text; each CSV layout formats it)."""

    number: int  # 1.. in roadmap order
    title: str
    why: str
    evidence: tuple[str, ...]
    owner_role: str  # the role's label in the assessment's language
    owner_role_id: str
    owner: str  # a person's name, or ""
    phase: int  # 1..3
    phase_label: str  # "Days 1-30"
    due_week: int  # 1..13
    due: date | None
    effort: str  # "S" | "M" | "L" | ""
    priority: int  # 1 (highest) .. 4
    source: str  # the line naming the assessment

    def description_lines(self, lang: str) -> list[tuple[str, list[str]]]:
        """The description as (heading, lines) blocks, in the order every layout shows them."""
        owner = f"{self.owner} ({self.owner_role})" if self.owner else text("owner_unnamed", lang,
                                                                               role=self.owner_role)
        plan = text("plan_line", lang, phase=self.phase_label, week=self.due_week)
        if self.due is not None:
            plan += f"; {text('due_on', lang, date=self.due.isoformat())}"
        blocks: list[tuple[str, list[str]]] = [
            (text("why", lang), [self.why] if self.why else []),
            (text("evidence", lang), list(self.evidence) or [text("evidence_added", lang)]),
            (text("owner", lang), [owner]),
            (text("plan", lang), [plan]),
        ]
        if self.effort in EFFORT:
            en, de = EFFORT[self.effort]
            blocks.append((text("effort", lang), [de if lang == "de" else en]))
        return [(h, lines) for h, lines in blocks if lines]


def workshop_day(data: ReportData) -> date | None:
    """The day the plan counts from: the workshop's end, else its start; None when unset or unreadable."""
    for value in (data.engagement.workshop_end, data.engagement.workshop_start):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            continue
    return None


def due_date(start: date | None, due_week: int) -> date | None:
    """``start`` plus ``due_week`` weeks (week 1 ends seven days after the workshop)."""
    return None if start is None else start + timedelta(weeks=max(1, min(13, due_week)))


def priority_of(item: RoadmapItem, high_risks: frozenset[str]) -> int:
    """1 (highest) .. 4: by phase, one step up for an action on a blocker or a high-severity risk."""
    base = {1: 2, 2: 3, 3: 4}.get(item.phase, 4)
    urgent = any(f.kind == "blocker" or (f.kind == "risk" and f.ref in high_risks) for f in item.findings)
    return max(1, base - 1) if urgent else base


def work_items(data: ReportData, lang: str) -> list[WorkItem]:
    """Every roadmap action of ``data`` as a work item, in roadmap order."""
    results = data.results
    high_risks = frozenset(r.flag_id for r in results.risks if r.severity == "high")
    holders: dict[str, str] = {}
    for p in sorted(data.participants, key=lambda p: (p.position, p.id)):
        holders.setdefault(p.role, p.name)
    start = workshop_day(data)
    client = data.engagement.client.strip() or text("client_unnamed", lang)
    e = data.engagement
    dates = " – ".join(d for d in dict.fromkeys((e.workshop_start.strip(), e.workshop_end.strip())) if d)
    source = text("source", lang, client=client, dates=dates) if dates else text("source_undated", lang,
                                                                                   client=client)
    out: list[WorkItem] = []
    for number, item in enumerate(results.roadmap.items, start=1):
        out.append(WorkItem(
            number=number,
            title=item.title.get(lang).strip(),
            why=item.why.get(lang).strip(),
            evidence=tuple(f.text.get(lang).strip() for f in item.findings if f.text.get(lang).strip()),
            owner_role=role_label(item.owner_role, lang),
            owner_role_id=item.owner_role,
            owner=(item.owner or holders.get(item.owner_role, "")).strip(),
            phase=item.phase,
            phase_label=PHASE_LABELS.get(item.phase, PHASE_LABELS[3]).get(lang),
            due_week=item.due_week,
            due=due_date(start, item.due_week),
            effort=item.effort,
            priority=priority_of(item, high_risks),
            source=source,
        ))
    return out
