"""What the room says: one question in one scope, from the votes and the recorded consensus.

Rules (docs/scoring.md, "Consensus"):

* A recorded consensus answer (the facilitator's) wins, including a consensus "not applicable".
* Otherwise the room's numeric value is the median of the numeric votes; "not applicable"
  votes abstain. When every vote is "not applicable", the question is not applicable.
* The spread is max - min of the numeric votes; two or more scale points flag a disagreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from statistics import median

from readiness_app.model import CONSENSUS, Answer, AnswerValue
from readiness_app.questionnaire.loader import SCALE_MAX, Question
from readiness_app.scoring.results import QuestionConsensus

DISAGREEMENT_POINTS = 2.0


def numeric_value(question: Question, value: AnswerValue) -> float | None:
    """The 0..4 value of an answer to a scored question (number questions: the number itself)."""
    if value is None:
        return None
    if type(value) is int and question.type in ("scale", "number"):  # the common case, fast
        return float(value)
    if question.type == "scale":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if question.type == "number":
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    if question.type == "choice":
        opt = question.option(value) if isinstance(value, str) else None
        return opt.value if opt is not None else None
    if question.type == "checklist":
        if not isinstance(value, list) or not question.options:
            return None
        chosen = {v for v in value if question.option(v) is not None}
        return SCALE_MAX * len(chosen) / len(question.options)
    return None


def _room_choice(question: Question, votes: list[Answer]) -> AnswerValue:
    counts = Counter(v.value for v in votes if isinstance(v.value, str))
    if not counts:
        return None
    order = {o.id: i for i, o in enumerate(question.options)}
    best = max(counts.items(), key=lambda kv: (kv[1], -order.get(str(kv[0]), 999)))
    return best[0]


def _room_checklist(question: Question, votes: list[Answer]) -> AnswerValue:
    lists = [v.value for v in votes if isinstance(v.value, list)]
    if not lists:
        return None
    counts: Counter[str] = Counter(o for lst in lists for o in set(lst))
    return [o.id for o in question.options if counts[o.id] * 2 > len(lists)]


def consensus_of(question: Question, scope: str, answers: Iterable[Answer],
                 participant_order: Mapping[str, int] | None = None, *, ordered: bool = False) -> QuestionConsensus:
    """Combine every answer given to ``question`` in ``scope``.

    Votes are listed in participant order; pass ``ordered=True`` when ``answers`` already are.
    """
    recorded: Answer | None = None
    raw_votes: list[Answer] = []
    for a in answers:
        if a.participant_id == CONSENSUS:
            recorded = a
        else:
            raw_votes.append(a)
    if len(raw_votes) > 1 and not ordered:
        order = participant_order or {}
        raw_votes.sort(key=lambda a: (order.get(a.participant_id, 1 << 30), a.participant_id))
    fast = question.type in ("scale", "number")
    numbers: list[float | None] = []
    for a in raw_votes:
        v = a.value
        if a.not_applicable:
            numbers.append(None)
        elif fast and type(v) is int:
            numbers.append(float(v))
        else:
            numbers.append(numeric_value(question, v))
    votes = raw_votes
    numeric_votes = [n for n in numbers if n is not None]
    spread = (max(numeric_votes) - min(numeric_votes)) if len(numeric_votes) >= 2 else (0.0 if numeric_votes else None)
    disagreement = (
        question.type in ("scale", "choice", "checklist") and spread is not None and spread >= DISAGREEMENT_POINTS
    )
    notes: list[tuple[str, str]] = []
    if recorded is not None and recorded.note:
        notes.append((CONSENSUS, recorded.note))
    notes.extend((v.participant_id, v.note) for v in votes if v.note)

    na_reason = ""
    if recorded is not None and (recorded.not_applicable or recorded.value is not None):
        source = "consensus"
        not_applicable = recorded.not_applicable
        value: AnswerValue = None if not_applicable else recorded.value
        numeric = None if not_applicable else numeric_value(question, recorded.value)
        if not_applicable:
            na_reason = recorded.note
    elif votes:
        source = "votes"
        answered = [v for v in votes if not v.not_applicable and v.value is not None]
        not_applicable = not answered and any(v.not_applicable for v in votes)
        if not_applicable:
            na_reason = next((v.note for v in votes if v.not_applicable and v.note), "")
        numeric = float(median(numeric_votes)) if numeric_votes else None
        if question.type == "choice":
            value = _room_choice(question, answered)
        elif question.type == "checklist":
            value = _room_checklist(question, answered)
        elif question.type == "text":
            value = next((v.value for v in answered if isinstance(v.value, str) and v.value.strip()), None)
        else:
            value = numeric
        if not answered and not not_applicable:
            source = "none"
    else:
        source, not_applicable, value, numeric = "none", False, None, None
    return QuestionConsensus(
        question_id=question.id, scope=scope, value=value, numeric=numeric,
        source=source,  # type: ignore[arg-type]
        not_applicable=not_applicable, votes=tuple(votes), vote_numbers=tuple(numbers), spread=spread,
        disagreement=disagreement,
        notes=tuple(notes), na_reason=na_reason,
    )
