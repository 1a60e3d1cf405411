"""The scoring engine: answers in, :class:`Results` out. Pure, deterministic, incremental.

:func:`score` scores a whole assessment. :class:`Scorer` keeps the per-question consensus
and per-use-case results, so that after one changed answer only that question and its
use case are recomputed (the dashboard redraws within a frame). Every formula is in
``docs/scoring.md``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.questionnaire.loader import Library, Question, Text
from readiness_app.scoring.ai_act import classify
from readiness_app.scoring.consensus import consensus_of
from readiness_app.scoring.framework_coverage import coverage_plan, framework_coverage
from readiness_app.scoring.indices import LOW_CONFIDENCE_BELOW, combine, weighted_score
from readiness_app.scoring.inputs import ScoringInput
from readiness_app.scoring.results import (
    Blocker,
    Completeness,
    DimensionResult,
    FirstLane,
    MaturityResult,
    Quadrant,
    QuestionConsensus,
    Results,
    Score,
    UseCaseResult,
)
from readiness_app.scoring.risks import evaluate_risks
from readiness_app.scoring.roadmap import generate_roadmap

# ---- constants documented in docs/scoring.md
PRIORITY_WEIGHTS = {"impact": 0.45, "readiness": 0.30, "control": 0.15, "effort": 0.10}
READINESS_WEIGHTS = {"process": 2.0, "data_availability": 1.0, "data_readiness": 2.0}
IMPACT_HIGH = 50.0  # impact at or above this is "high"
READINESS_SUFFICIENT = 50.0  # combined readiness at or above this is "sufficient"
CONTROL_MANAGEABLE = 60.0  # control complexity at or below this is "manageable"
STAGE_MET = 2.5  # a maturity stage is met when its criteria average at least this (0..4)
DEFAULT_TARGET = 2  # target level when the consultant set none ("Managed")

PRIORITIZATION_GROUPS = {
    "uc_value": "impact",
    "uc_process": "process",
    "uc_data": "data_availability",
    "uc_control": "control",
    "uc_effort": "effort",
}

Key = tuple[str, str]


def score(inp: ScoringInput) -> Results:
    """Score a whole assessment."""
    return Scorer(inp).results


class Scorer:
    """Holds the state needed to re-score quickly after single-answer changes."""

    def __init__(self, inp: ScoringInput) -> None:
        self.input = inp
        lib = inp.library
        self._library = lib
        ordered_people = sorted(inp.participants, key=lambda p: (p.position, p.id))
        self._order = {p.id: i for i, p in enumerate(ordered_people)}
        self._pids = [CONSENSUS, *(p.id for p in ordered_people)]
        self._use_cases = sorted(inp.use_cases, key=lambda u: (u.position, u.id))
        self._questions_by_kind: dict[str, list[Question]] = defaultdict(list)
        for qn in lib.questionnaires:
            self._questions_by_kind[qn.kind].extend(qn.questions)
        self._prio_groups: dict[str, list[Question]] = defaultdict(list)
        for q in self._questions_by_kind["prioritization"]:
            group = PRIORITIZATION_GROUPS.get(q.dimension)
            if group:
                self._prio_groups[group].append(q)
        self._answers: dict[Key, dict[str, Answer]] = defaultdict(dict)
        for a in inp.answers:
            if lib.question(a.question_id) is not None:
                self._answers[(a.question_id, a.scope)][a.participant_id] = a
        self._keys = self._all_keys()
        self._key_index = {k: i for i, k in enumerate(self._keys)}
        self._consensus: dict[Key, QuestionConsensus] = {k: self._consensus_of(k) for k in self._keys}
        self._uc_cache: dict[str, UseCaseResult] = {}
        self._coverage_plan = coverage_plan(lib)  # the crosswalk's areas and questions: the library's, not the answers'
        self._maturity: MaturityResult | None = None
        self.results = self._aggregate()

    # ------------------------------------------------------------------ incremental

    def set_answer(self, answer: Answer) -> Results:
        """Re-score after ``answer`` was saved (replacing any answer with the same key)."""
        key = (answer.question_id, answer.scope)
        self._answers[key][answer.participant_id] = answer
        return self._refresh(key)

    def clear_answer(self, question_id: str, scope: str, participant_id: str = CONSENSUS) -> Results:
        key = (question_id, scope)
        self._answers[key].pop(participant_id, None)
        return self._refresh(key)

    def update(self, answers: Iterable[Answer], cleared: Iterable[tuple[str, str, str]] = ()) -> Results:
        """Re-score after several answers were saved (``answers``) or cleared (``cleared``: question,
        scope, participant): each touched question once, the totals once; nothing when nothing changed
        (a hidden vote cleared that was never counted)."""
        touched: set[Key] = set()
        for a in answers:
            key = (a.question_id, a.scope)
            if self._answers[key].get(a.participant_id) != a:
                self._answers[key][a.participant_id] = a
                touched.add(key)
        for question_id, scope, participant_id in cleared:
            key = (question_id, scope)
            if self._answers.get(key, {}).pop(participant_id, None) is not None:
                touched.add(key)
        touched &= self._consensus.keys()
        if not touched:
            return self.results
        for key in touched:
            self._consensus[key] = self._consensus_of(key)
            if key[1] == ORGANISATION:
                self._maturity = None
            else:
                self._uc_cache.pop(key[1], None)
        self.results = self._aggregate()
        return self.results

    def _refresh(self, key: Key) -> Results:
        if key not in self._consensus:
            return self.results
        self._consensus[key] = self._consensus_of(key)
        if key[1] == ORGANISATION:
            self._maturity = None
        else:
            self._uc_cache.pop(key[1], None)
        self.results = self._aggregate()
        return self.results

    # ------------------------------------------------------------------ building blocks

    def _all_keys(self) -> list[Key]:
        keys: list[Key] = []
        for q in self._library.iter_questions():
            if q.scope == "organisation":
                keys.append((q.id, ORGANISATION))
            else:
                keys.extend((q.id, u.id) for u in self._use_cases)
        return keys

    def _consensus_of(self, key: Key) -> QuestionConsensus:
        q = self._library.question(key[0])
        assert q is not None
        given = self._answers.get(key)
        if not given:
            return consensus_of(q, key[1], ())
        ordered = [a for pid in self._pids if (a := given.get(pid)) is not None]
        if len(ordered) != len(given):  # votes of people no longer listed: keep them, sorted
            return consensus_of(q, key[1], given.values(), self._order)
        return consensus_of(q, key[1], ordered, ordered=True)

    def _use_case_result(self, uc_id: str) -> UseCaseResult:
        cached = self._uc_cache.get(uc_id)
        if cached is not None:
            return cached
        uc = next(u for u in self._use_cases if u.id == uc_id)
        c = self._consensus
        idx = {
            group: weighted_score(self._prio_groups.get(group, ()), uc.id, c, base=0.0, span=100.0)
            for group in PRIORITIZATION_GROUPS.values()
        }
        data_readiness = weighted_score(self._questions_by_kind["readiness"], uc.id, c, base=0.0, span=100.0)
        readiness = combine([
            (READINESS_WEIGHTS["process"], idx["process"], False),
            (READINESS_WEIGHTS["data_availability"], idx["data_availability"], False),
            (READINESS_WEIGHTS["data_readiness"], data_readiness, False),
        ])
        priority = combine([
            (PRIORITY_WEIGHTS["impact"], idx["impact"], False),
            (PRIORITY_WEIGHTS["readiness"], readiness, False),
            (PRIORITY_WEIGHTS["control"], idx["control"], True),
            (PRIORITY_WEIGHTS["effort"], idx["effort"], True),
        ])
        blockers = tuple(
            Blocker(uc.id, q.id, q.dimension, cons.numeric, q.threshold, q.text)
            for q in self._questions_by_kind["readiness"]
            if q.critical
            and (cons := c.get((q.id, uc.id))) is not None
            and cons.numeric is not None
            and not cons.not_applicable
            and cons.numeric < q.threshold
        )
        result = UseCaseResult(
            use_case_id=uc.id, name=uc.name, position=uc.position, stage=uc.stage,
            impact=idx["impact"], process_readiness=idx["process"], data_availability=idx["data_availability"],
            control_complexity=idx["control"], effort=idx["effort"], data_readiness=data_readiness,
            readiness=readiness.value, priority=priority,
            quadrant=quadrant(idx["impact"].value, readiness.value, idx["control"].value),
            blockers=blockers, rank=0, ai_act=classify(self._library, uc.id, c),
        )
        self._uc_cache[uc_id] = result
        return result

    def _maturity_result(self) -> MaturityResult:
        if self._maturity is not None:
            return self._maturity
        questions = [q for q in self._questions_by_kind["maturity"] if q.scored]
        by_dim: dict[str, list[Question]] = defaultdict(list)
        for q in questions:
            by_dim[q.dimension].append(q)
        dims: list[DimensionResult] = []
        for dim_id in _ordered_dimensions(self._library, by_dim):
            dq = by_dim[dim_id]
            s = weighted_score(dq, ORGANISATION, self._consensus, base=1.0, span=3.0)
            fulfilment, met = stage_fulfilment(dq, self._consensus)
            level = staged_level(met)
            target = self.input.targets.get(dim_id)
            dim = self._library.dimensions.get(dim_id)
            dims.append(DimensionResult(
                dimension_id=dim_id, name=dim.name if dim else Text(dim_id, dim_id), score=s,
                stage_fulfilment=fulfilment, stages_met=met, staged_level=level,
                target=target or DEFAULT_TARGET, target_is_default=target is None,
                gap=max(0, (target or DEFAULT_TARGET) - level),
            ))
        scored = [d.score.value for d in dims if d.score.value is not None]
        overall = sum(scored) / len(scored) if scored else None
        levels = sorted(d.staged_level for d in dims)
        overall_level = levels[(len(levels) - 1) // 2] if levels else 1
        completeness = sum(d.score.completeness for d in dims) / len(dims) if dims else 0.0
        self._maturity = MaturityResult(tuple(dims), overall, overall_level, completeness,
                                        completeness < LOW_CONFIDENCE_BELOW)
        return self._maturity

    def _aggregate(self) -> Results:
        ucs = [self._use_case_result(u.id) for u in self._use_cases]
        ranked = rank_use_cases(ucs)
        first = choose_first_lane(ranked)
        maturity = self._maturity_result()
        consensus = tuple(self._consensus[k] for k in self._keys)
        disagreements = tuple(sorted(
            (c for c in consensus if c.disagreement),
            key=lambda c: (-(c.spread or 0.0), self._key_index[(c.question_id, c.scope)]),
        ))
        risks = evaluate_risks(self._library, self._consensus, ranked, self._use_cases)
        roadmap = generate_roadmap(self._library, ranked, first, maturity, risks, self._consensus,
                                   self.input.participants, self.input.roadmap_edits, self.input.as_of)
        return Results(
            use_cases=ranked, first_lane=first, maturity=maturity, consensus=consensus,
            disagreements=disagreements, risks=risks, roadmap=roadmap,
            completeness=self._completeness(),
            framework_coverage=framework_coverage(self._library, self._consensus, [u.id for u in self._use_cases],
                                                  self._coverage_plan),
        )

    def _completeness(self) -> tuple[Completeness, ...]:
        out: list[Completeness] = []
        for qn in self._library.questionnaires:
            answered = applicable = 0.0
            for q in qn.questions:
                scopes = [ORGANISATION] if q.scope == "organisation" else [u.id for u in self._use_cases]
                for s in scopes:
                    c = self._consensus.get((q.id, s))
                    if c is None or c.not_applicable:
                        continue
                    applicable += q.weight
                    if c.status == "answered":
                        answered += q.weight
            out.append(Completeness(qn.id, qn.kind, answered, applicable))
        return tuple(out)


# ---------------------------------------------------------------------- rules


def quadrant(impact: float | None, readiness: float | None, control: float | None) -> Quadrant:
    """Place a use case: park (low impact), foundation first (not ready), strategic bet
    (ready but heavy control), first lane (impactful, ready, manageable)."""
    if impact is None:
        return "unscored"
    if impact < IMPACT_HIGH:
        return "park"
    if readiness is None or readiness < READINESS_SUFFICIENT:
        return "foundation_first"
    if control is not None and control > CONTROL_MANAGEABLE:
        return "strategic_bet"
    return "first_lane"


def rank_use_cases(ucs: Iterable[UseCaseResult]) -> tuple[UseCaseResult, ...]:
    """Rank by priority (highest first); ties: higher impact, then inventory order."""
    def key(u: UseCaseResult) -> tuple[float, float, int, str]:
        p = u.priority.value if u.priority.value is not None else -1.0
        i = u.impact.value if u.impact.value is not None else -1.0
        return (-round(p, 6), -round(i, 6), u.position, u.use_case_id)

    return tuple(replace(u, rank=i + 1) for i, u in enumerate(sorted(ucs, key=key)))


def choose_first_lane(ranked: tuple[UseCaseResult, ...]) -> FirstLane:
    """The highest-impact case in the first-lane quadrant with no blockers.

    Ties: higher priority, then inventory order. When every candidate has blockers, the
    best of them is recommended conditionally (once its blockers are resolved).
    """
    def key(u: UseCaseResult) -> tuple[float, float, int]:
        return (-round(u.impact.value or 0.0, 6), -round(u.priority.value or 0.0, 6), u.position)

    candidates = sorted((u for u in ranked if u.quadrant == "first_lane"), key=key)
    clean = [u for u in candidates if not u.blockers]
    if clean:
        u = clean[0]
        return FirstLane(u.use_case_id, Text(
            f"{u.name} has the highest business impact among the ready use cases (impact {_n(u.impact.value)}, "
            f"readiness {_n(u.readiness)}) with manageable control complexity ({_n(u.control_complexity.value)}) "
            f"and no blocking data gaps.",
            f"{u.name} hat den höchsten Geschäftsnutzen unter den einsatzbereiten Anwendungsfällen "
            f"(Nutzen {_n(u.impact.value, 'de')}, Reife {_n(u.readiness, 'de')}) bei beherrschbarer Kontrollkomplexität "
            f"({_n(u.control_complexity.value, 'de')}) und ohne blockierende Datenlücken.",
        ))
    if candidates:
        u = candidates[0]
        n = len(u.blockers)
        return FirstLane(u.use_case_id, Text(
            f"{u.name} is the strongest candidate (impact {_n(u.impact.value)}, readiness {_n(u.readiness)}, "
            f"control complexity {_n(u.control_complexity.value)}), but {n} blocking data gap(s) must be closed "
            f"before it goes to production.",
            f"{u.name} ist der stärkste Kandidat (Nutzen {_n(u.impact.value, 'de')}, Reife {_n(u.readiness, 'de')}, "
            f"Kontrollkomplexität {_n(u.control_complexity.value, 'de')}), doch {n} blockierende Datenlücke(n) müssen "
            f"vor dem Produktivbetrieb geschlossen werden.",
        ), conditional=True)
    return FirstLane(None, Text(
        "No use case is both impactful and ready with manageable control complexity yet; build the "
        "foundations of the highest-ranked case first.",
        "Noch kein Anwendungsfall ist zugleich wirkungsvoll, ausreichend vorbereitet und mit beherrschbarer "
        "Kontrollkomplexität umsetzbar; schaffen Sie zuerst die Grundlagen für den bestplatzierten Fall.",
    ))


def _n(value: float | None, lang: str = "en") -> str:
    if value is None:
        return "k. A." if lang == "de" else "n/a"
    return f"{value:.0f}/100"


def stage_fulfilment(
    questions: Iterable[Question], consensus: Mapping[Key, QuestionConsensus]
) -> tuple[tuple[tuple[int, float | None], ...], tuple[int, ...]]:
    """Per stage 1..4: the weighted mean answer of its criteria, and the stages that are met.

    A stage is met when its answered criteria average at least ``STAGE_MET`` and none of
    them is missing; a stage whose criteria are all not applicable counts as met.
    """
    by_stage: dict[int, list[Question]] = defaultdict(list)
    for q in questions:
        if q.stage is not None:
            by_stage[q.stage].append(q)
    fulfilment: list[tuple[int, float | None]] = []
    met: list[int] = []
    for stage in (1, 2, 3, 4):
        qs = by_stage.get(stage, [])
        num = den = 0.0
        missing = False
        for q in qs:
            c = consensus.get((q.id, ORGANISATION))
            if c is None or (c.numeric is None and not c.not_applicable):
                missing = True
            elif not c.not_applicable and c.numeric is not None:
                num += q.weight * c.numeric
                den += q.weight
        mean = num / den if den else None
        fulfilment.append((stage, mean))
        if not missing and (mean is None or mean >= STAGE_MET):
            met.append(stage)
    return tuple(fulfilment), tuple(met)


def staged_level(met: Iterable[int]) -> int:
    """Level L counts only when stages 1..L are all met; at least Level 1 (Pilot)."""
    met_set = set(met)
    level = 1
    for stage in (2, 3, 4):
        if all(s in met_set for s in range(1, stage + 1)):
            level = stage
        else:
            break
    return level


def _ordered_dimensions(library: Library, by_dim: Mapping[str, list[Question]]) -> list[str]:
    ordered = [d for d, dim in library.dimensions.items() if dim.kind == "maturity" and d in by_dim]
    ordered.extend(sorted(d for d in by_dim if d not in ordered))
    return ordered


__all__ = ["Score", "Scorer", "score"]
