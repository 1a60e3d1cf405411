"""Plain data of an assessment: engagement, participants, use cases, answers, roadmap edits.

No Qt, no SQL: storage turns rows into these, scoring and exports read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

ROLES: tuple[str, ...] = (
    "product_owner",
    "data_owner",
    "model_owner",
    "control_owner",
    "operations_lead",
    "sponsor",
    "other",
)

ROLE_LABELS: dict[str, tuple[str, str]] = {
    "product_owner": ("Product owner", "Product Owner"),
    "data_owner": ("Data owner", "Data Owner"),
    "model_owner": ("Model owner", "Model Owner"),
    "control_owner": ("Control owner", "Control Owner"),
    "operations_lead": ("Operations lead", "Betriebsverantwortung"),
    "sponsor": ("Executive sponsor", "Sponsor der Geschäftsleitung"),
    "other": ("Other", "Sonstige Rolle"),
}

USE_CASE_STAGES: tuple[str, ...] = ("idea", "pilot", "production")
STAGE_LABELS: dict[str, tuple[str, str]] = {
    "idea": ("Idea", "Idee"),
    "pilot": ("Pilot", "Pilot"),
    "production": ("In production", "Im Produktivbetrieb"),
}

ORGANISATION = "org"  # the scope key of organisation-wide answers
CONSENSUS = ""  # the participant key of the room's agreed (consensus) answer

AnswerValue = float | int | str | list[str] | None

# Provenance (``Answer.source``): a vote read from a participant's filled template starts with
# PREWORK_SOURCE ("pre-work: Alice.xlsx / Data readiness / row 12"); an answer a merge took from
# the other file ends with MERGE_SOURCE and the side and file it came from.
PREWORK_SOURCE = "pre-work: "
MERGE_SOURCE = "merge: "


def is_prework(source: str) -> bool:
    """Whether an answer with this ``source`` is a pre-work vote (from a personal template)."""
    return source.startswith(PREWORK_SOURCE)


def role_label(role: str, lang: str = "en") -> str:
    en, de = ROLE_LABELS.get(role, (role, role))
    return de if lang == "de" else en


def stage_label(stage: str, lang: str = "en") -> str:
    en, de = STAGE_LABELS.get(stage, (stage, stage))
    return de if lang == "de" else en


@dataclass(frozen=True, slots=True)
class Engagement:
    client: str = ""
    industry: str = ""
    title: str = "AI readiness workshop"
    workshop_start: str = ""  # ISO date
    workshop_end: str = ""
    facilitator: str = ""
    language: Literal["en", "de"] = "en"
    consultancy: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Participant:
    id: str
    name: str
    role: str
    organisation: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class UseCase:
    id: str
    name: str
    description: str = ""
    stage: str = "idea"
    position: int = 0


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer: a participant's vote (``participant_id``) or the consensus (``CONSENSUS``)."""

    question_id: str
    scope: str  # ORGANISATION or a use-case id
    participant_id: str  # CONSENSUS ("") for the agreed answer
    value: AnswerValue = None
    not_applicable: bool = False
    note: str = ""
    questionnaire_id: str = ""
    questionnaire_version: str = ""
    author: str = ""
    updated_at: str = ""
    source: str = ""  # provenance of imported answers: "file.xlsx / Sheet / row 12"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.question_id, self.scope, self.participant_id)

    @property
    def is_consensus(self) -> bool:
        return self.participant_id == CONSENSUS


@dataclass(frozen=True, slots=True)
class RoadmapEdit:
    """A consultant's change to the generated roadmap; applied after every re-scoring.

    ``op``: "move" (payload: phase), "remove", "edit" (payload: title, owner, due_week,
    owner_role, done), "add" (payload: title, phase, owner_role, owner, due_week, finding).
    ``item_key`` names the generated item (its action key) or, for "add", the new item's key.
    """

    id: int
    item_key: str
    op: Literal["move", "remove", "edit", "add"]
    payload: dict[str, Any] = field(default_factory=dict)
    author: str = ""
    at: str = ""


@dataclass(frozen=True, slots=True)
class ChangeLogEntry:
    id: int
    at: str
    author: str
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any
