"""Typed, frozen results of scoring. Every number carries what makes it up.

The JSON form (:func:`readiness_app.scoring.to_json`) mirrors these classes field by field;
it is documented in ``docs/scoring.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from readiness_app.model import Answer, AnswerValue
from readiness_app.questionnaire.loader import Text

if TYPE_CHECKING:
    from readiness_app.scoring.ai_act import AiActResult
    from readiness_app.scoring.framework_coverage import FrameworkCoverage

Status = Literal["answered", "not_applicable", "missing"]
Quadrant = Literal["first_lane", "strategic_bet", "foundation_first", "park", "unscored"]
FindingKind = Literal["priority", "blocker", "risk", "gap", "checklist", "obligation"]

QUADRANT_LABELS: dict[str, Text] = {
    "first_lane": Text("First lane", "Erster Produktionspfad"),
    "strategic_bet": Text("Strategic bet", "Strategische Wette"),
    "foundation_first": Text("Foundation first", "Erst Grundlagen schaffen"),
    "park": Text("Park", "Zurückstellen"),
    "unscored": Text("Not yet scored", "Noch nicht bewertet"),
}

LEVEL_NAMES: dict[int, Text] = {
    1: Text("Pilot", "Pilot"),
    2: Text("Managed", "Gesteuert"),
    3: Text("Scaled", "Skaliert"),
    4: Text("Strategic", "Strategisch"),
}

PHASE_LABELS: dict[int, Text] = {
    1: Text("Days 1-30", "Tage 1-30"),
    2: Text("Days 31-60", "Tage 31-60"),
    3: Text("Days 61-90", "Tage 61-90"),
}


@dataclass(frozen=True, slots=True)
class QuestionConsensus:
    """What the room says to one question in one scope."""

    question_id: str
    scope: str
    value: AnswerValue  # the room's answer: recorded consensus, else median / most chosen option
    numeric: float | None  # 0..4 for scored questions, the number for number questions
    source: Literal["consensus", "votes", "none"]
    not_applicable: bool
    votes: tuple[Answer, ...]  # every participant's vote, in participant order
    vote_numbers: tuple[float | None, ...]  # each vote's 0..4 value (None: N/A or not scored)
    spread: float | None  # max - min of the numeric votes
    disagreement: bool  # votes differ by two or more scale points
    notes: tuple[tuple[str, str], ...]  # (participant id or "" for consensus, note)
    na_reason: str = ""

    @property
    def status(self) -> Status:
        if self.not_applicable:
            return "not_applicable"
        return "missing" if self.numeric is None and self.value is None else "answered"


@dataclass(frozen=True, slots=True)
class Contribution:
    """How one answer moved a score: ``points`` in the score's own units."""

    question_id: str
    scope: str
    value: float | None  # the room's 0..4 value (None when missing or N/A)
    weight: float
    points: float
    status: Status


@dataclass(frozen=True, slots=True)
class Score:
    """A score with its explanation. ``value`` is None when nothing was answered."""

    value: float | None
    completeness: float  # answered weight / applicable weight (N/A leaves the denominator)
    low_confidence: bool  # rests on less than half of its applicable weight
    contributions: tuple[Contribution, ...]
    base: float = 0.0  # the value with no points (1.0 for maturity scores)

    @property
    def answered(self) -> int:
        return sum(1 for c in self.contributions if c.status == "answered")


@dataclass(frozen=True, slots=True)
class Blocker:
    use_case_id: str
    question_id: str
    dimension: str
    value: float
    threshold: float
    text: Text  # the question's text


@dataclass(frozen=True, slots=True)
class UseCaseResult:
    use_case_id: str
    name: str
    position: int
    stage: str
    impact: Score  # 0..100
    process_readiness: Score  # 0..100
    data_availability: Score  # 0..100
    control_complexity: Score  # 0..100, higher = more complex
    effort: Score  # 0..100, higher = more effort
    data_readiness: Score  # 0..100, the data and workflow readiness index
    readiness: float | None  # combined readiness 0..100 (process, data availability, data readiness)
    priority: Score  # 0..100
    quadrant: Quadrant
    blockers: tuple[Blocker, ...]
    rank: int  # 1 = highest priority
    ai_act: AiActResult | None = None  # the EU AI Act screening (scoring/ai_act.py); always set by the engine


@dataclass(frozen=True, slots=True)
class FirstLane:
    use_case_id: str | None
    rationale: Text
    conditional: bool = False  # recommended once its blockers are resolved


@dataclass(frozen=True, slots=True)
class DimensionResult:
    dimension_id: str
    name: Text
    score: Score  # 1.0..4.0, base 1.0
    stage_fulfilment: tuple[tuple[int, float | None], ...]  # (stage, mean 0..4 or None)
    stages_met: tuple[int, ...]
    staged_level: int  # 1..4
    target: int
    target_is_default: bool
    gap: int


@dataclass(frozen=True, slots=True)
class MaturityResult:
    dimensions: tuple[DimensionResult, ...]
    overall_score: float | None
    overall_level: int
    completeness: float
    low_confidence: bool


@dataclass(frozen=True, slots=True)
class RiskEvidence:
    question_id: str
    scope: str
    detail: Text


@dataclass(frozen=True, slots=True)
class RiskResult:
    flag_id: str
    name: Text
    description: Text
    severity: Literal["high", "medium", "low"]
    origin: Literal["answer", "computed"]
    evidence: tuple[RiskEvidence, ...]
    actions: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    ref: str  # question id, flag id, dimension id or use-case id
    text: Text


@dataclass(frozen=True, slots=True)
class RoadmapItem:
    key: str  # the action id for generated items; "custom-..." for added ones
    action_id: str | None
    title: Text
    why: Text
    owner_role: str
    owner: str  # named participant holding the role, or ""
    phase: int  # 1..3
    due_week: int  # 1..13
    effort: str
    findings: tuple[Finding, ...]
    edited: bool = False
    added: bool = False
    done: bool = False  # marked done by the consultant (a follow-up's "edit" with {"done": true})


@dataclass(frozen=True, slots=True)
class Roadmap:
    items: tuple[RoadmapItem, ...]
    removed: tuple[str, ...]  # keys of generated items the consultant removed
    orphan_edits: int  # stored edits whose item is no longer generated

    def phase(self, phase: int) -> tuple[RoadmapItem, ...]:
        return tuple(i for i in self.items if i.phase == phase)


@dataclass(frozen=True, slots=True)
class Completeness:
    questionnaire_id: str
    kind: str
    answered_weight: float
    applicable_weight: float

    @property
    def ratio(self) -> float:
        return self.answered_weight / self.applicable_weight if self.applicable_weight else 0.0


@dataclass(frozen=True, slots=True)
class Results:
    use_cases: tuple[UseCaseResult, ...]  # ranked by priority (rank 1 first)
    first_lane: FirstLane
    maturity: MaturityResult
    consensus: tuple[QuestionConsensus, ...]  # every (question, scope) in questionnaire order
    disagreements: tuple[QuestionConsensus, ...]  # flagged, widest spread first
    risks: tuple[RiskResult, ...]  # severity order
    roadmap: Roadmap
    completeness: tuple[Completeness, ...]
    framework_coverage: FrameworkCoverage | None = None  # NIST AI RMF, ISO/IEC 42001, AI Act (always set)
    _by_key: dict[tuple[str, str], QuestionConsensus] = field(
        default_factory=dict, compare=False, repr=False, metadata={"json": False})

    def __post_init__(self) -> None:
        self._by_key.update(((c.question_id, c.scope), c) for c in self.consensus)

    def use_case(self, use_case_id: str) -> UseCaseResult | None:
        for u in self.use_cases:
            if u.use_case_id == use_case_id:
                return u
        return None

    def dimension(self, dimension_id: str) -> DimensionResult | None:
        for d in self.maturity.dimensions:
            if d.dimension_id == dimension_id:
                return d
        return None

    def consensus_for(self, question_id: str, scope: str) -> QuestionConsensus | None:
        return self._by_key.get((question_id, scope))
