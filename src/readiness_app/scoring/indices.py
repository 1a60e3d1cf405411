"""Weighted indices over a set of questions: the one formula every score shares.

For the answered questions (numeric room value v on 0..4, weight w):

    mean = sum(w * v) / sum(w)

A 0..100 index is ``100 * mean / 4``; a maturity score is ``1 + 3 * mean / 4``. Not-applicable
questions leave the denominator; missing ones count against completeness only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from readiness_app.questionnaire.loader import SCALE_MAX, Question
from readiness_app.scoring.results import Contribution, QuestionConsensus, Score, Status

LOW_CONFIDENCE_BELOW = 0.5


def weighted_score(
    questions: Iterable[Question],
    scope: str,
    consensus: Mapping[tuple[str, str], QuestionConsensus],
    *,
    base: float,
    span: float,
    invert: bool = False,
) -> Score:
    """Score = base + span * mean/4 over answered questions; contributions sum to score - base.

    ``invert`` scores ``4 - v`` instead of ``v`` (for criteria where more counts against).
    """
    rows: list[tuple[Question, float | None, Status]] = []
    for q in questions:
        if not q.scored:
            continue
        c = consensus.get((q.id, scope))
        if c is None or (c.numeric is None and not c.not_applicable):
            rows.append((q, None, "missing"))
        elif c.not_applicable:
            rows.append((q, None, "not_applicable"))
        else:
            rows.append((q, c.numeric, "answered"))
    answered_w = sum(q.weight for q, _v, s in rows if s == "answered")
    applicable_w = sum(q.weight for q, _v, s in rows if s != "not_applicable")
    contributions: list[Contribution] = []
    total = 0.0
    for q, v, status in rows:
        points = 0.0
        if v is not None and answered_w > 0:
            eff = (SCALE_MAX - v) if invert else v
            points = span * q.weight * eff / (SCALE_MAX * answered_w)
            total += points
        contributions.append(Contribution(q.id, scope, v, q.weight, points, status))
    completeness = answered_w / applicable_w if applicable_w > 0 else 0.0
    value = base + total if answered_w > 0 else None
    return Score(value, completeness, completeness < LOW_CONFIDENCE_BELOW, tuple(contributions), base)


def combine(parts: Iterable[tuple[float, Score, bool]]) -> Score:
    """Weighted mean of 0..100 scores: (weight, score, inverted). Missing parts are dropped.

    Each part's contributions are rescaled by its normalised weight, so the contributions of
    the result still sum to its value. An inverted part contributes ``100 - value``.
    """
    all_parts = list(parts)
    present = [(w, s, inv) for w, s, inv in all_parts if s.value is not None]
    weight_sum = sum(w for w, _s, _i in present)
    contributions: list[Contribution] = []
    total = 0.0
    for w, s, inv in present:
        share = w / weight_sum
        for c in s.contributions:
            if inv and c.value is not None:
                pts = share * (100.0 * c.weight / _answered_weight(s)) * (SCALE_MAX - c.value) / SCALE_MAX
            else:
                pts = share * c.points
            total += pts
            contributions.append(Contribution(c.question_id, c.scope, c.value, c.weight, pts, c.status))
    for _w, s, _inv in all_parts:
        if s.value is None:
            contributions.extend(s.contributions)
    if not present:
        return Score(None, 0.0, True, tuple(contributions))
    total_w = sum(w for w, _s, _i in all_parts)
    completeness = sum(w * s.completeness for w, s, _i in all_parts) / total_w if total_w else 0.0
    return Score(total, completeness, completeness < LOW_CONFIDENCE_BELOW, tuple(contributions))


def _answered_weight(s: Score) -> float:
    return sum(c.weight for c in s.contributions if c.status == "answered")
