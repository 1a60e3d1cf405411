"""The frozen input of scoring, and how to gather it from anything that looks like an assessment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from readiness_app.model import Answer, Participant, RoadmapEdit, UseCase
from readiness_app.questionnaire.loader import Library


@dataclass(frozen=True, slots=True)
class ScoringInput:
    library: Library
    participants: tuple[Participant, ...]
    use_cases: tuple[UseCase, ...]
    answers: tuple[Answer, ...]
    targets: Mapping[str, int] = field(default_factory=dict)
    roadmap_edits: tuple[RoadmapEdit, ...] = ()
    as_of: str = ""  # ISO date the roadmap's phases count from (the workshop start); "" = the obligations' as_of


class AssessmentSource(Protocol):
    """What scoring reads from an open assessment (``storage.AssessmentFile`` satisfies it)."""

    def library(self) -> Library: ...
    def participants(self) -> list[Participant]: ...
    def use_cases(self) -> list[UseCase]: ...
    def answers(self, scope: str | None = None) -> list[Answer]: ...
    def targets(self) -> dict[str, int]: ...
    def roadmap_edits(self) -> list[RoadmapEdit]: ...


def build_input(source: AssessmentSource) -> ScoringInput:
    """Gather a frozen :class:`ScoringInput` from an open assessment."""
    return ScoringInput(
        library=source.library(),
        participants=tuple(source.participants()),
        use_cases=tuple(source.use_cases()),
        answers=tuple(source.answers()),
        targets=dict(source.targets()),
        roadmap_edits=tuple(source.roadmap_edits()),
        as_of=_workshop_start(source),
    )


def _workshop_start(source: AssessmentSource) -> str:
    engagement = getattr(source, "engagement", None)  # sources without an engagement count from the data's date
    return str(getattr(engagement(), "workshop_start", "") or "") if callable(engagement) else ""
