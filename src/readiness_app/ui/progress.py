"""The steps of the guided flow and how complete each is (plain Python, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from readiness_app.model import ORGANISATION, Answer
from readiness_app.questionnaire.loader import Library, Question
from readiness_app.store.assessment_file import AssessmentFile

STEPS: tuple[str, ...] = (
    "engagement", "participants", "use_cases", "prioritization", "readiness", "maturity",
    "baseline", "ai_act", "imported", "results", "roadmap", "export",
)

# question steps: which questionnaire kinds each one asks
QUESTION_STEPS: dict[str, tuple[str, ...]] = {
    "prioritization": ("prioritization",),
    "readiness": ("readiness",),
    "maturity": ("maturity",),
    "baseline": ("baseline", "risk"),
    "ai_act": ("regulation",),  # the EU AI Act screening per use case (questionnaires/ai_act.toml)
    "imported": ("imported",),  # instruments kept from imported workbooks (questionnaire/imported.py)
}

KEY_ROLES = ("product_owner", "data_owner", "model_owner", "control_owner", "operations_lead")
ENGAGEMENT_FIELDS = ("client", "title", "workshop_start", "facilitator")


@dataclass(frozen=True)
class StepStatus:
    done: int
    total: int

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @property
    def ratio(self) -> float:
        return self.done / self.total if self.total else 0.0


def step_questions(library: Library, step: str) -> list[Question]:
    kinds = QUESTION_STEPS.get(step, ())
    return [q for kind in kinds for qn in library.by_kind(kind) for q in qn.questions]


def answered_keys(answers: list[Answer]) -> set[tuple[str, str]]:
    """(question, scope) pairs the room has answered: a consensus, a vote or "not applicable"."""
    return {(a.question_id, a.scope) for a in answers if a.not_applicable or a.value is not None}


def out_basic(engagement: Any, participants: list[Any], use_cases: list[Any]) -> dict[str, StepStatus]:
    return {
        "engagement": StepStatus(sum(1 for f in ENGAGEMENT_FIELDS if getattr(engagement, f)), len(ENGAGEMENT_FIELDS)),
        "participants": StepStatus(len({p.role for p in participants} & set(KEY_ROLES)), len(KEY_ROLES)),
        "use_cases": StepStatus(len(use_cases), 1),  # complete with one; the count is shown
    }


def completion(file: AssessmentFile, results: Any = None, *, questions: bool = True) -> dict[str, StepStatus]:
    """How complete each step is. With scored ``results`` (kept up to date incrementally) the
    answered questions come from their consensus; without, every answer is read from the file."""
    library = file.library()
    engagement = file.engagement()
    participants = file.participants()
    use_cases = file.use_cases()
    if not questions:  # the scores are still being computed: the question steps fill in later
        return out_basic(engagement, participants, use_cases)
    if results is not None:
        done_keys = {(c.question_id, c.scope) for c in results.consensus if c.status != "missing"}
    else:
        done_keys = answered_keys(file.answers())
    out = out_basic(engagement, participants, use_cases)
    for step in QUESTION_STEPS:
        total = done = 0
        for q in step_questions(library, step):
            scopes = [ORGANISATION] if q.scope == "organisation" else [u.id for u in use_cases]
            for scope in scopes:
                total += 1
                done += (q.id, scope) in done_keys
        out[step] = StepStatus(done, total)
    return out
