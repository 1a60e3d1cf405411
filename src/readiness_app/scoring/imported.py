"""The index of an imported instrument: its answers' values on 0-4, as a share of the top (pure).

An imported instrument (a foreign workbook's own questions, questionnaire/imported.py) is not
part of our dimensions, so it gets an index of its own: per section and for the whole
instrument, the weighted mean of the answered questions' values (the options' 0-4 values of the
value map) as 0-100. The room's consensus counts; without one, the mean of the votes. Questions
answered "not applicable", unanswered or answered with an unscored option are left out and
counted, so the index says how much of the instrument it rests on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from readiness_app.model import CONSENSUS, Answer
from readiness_app.questionnaire.loader import SCALE_MAX, Question, Questionnaire


@dataclass(frozen=True, slots=True)
class SectionIndex:
    section_id: str
    title: str
    index: float | None  # 0-100; None when nothing scored is answered
    answered: int  # questions with a scored answer
    questions: int  # questions in the section


@dataclass(frozen=True, slots=True)
class InstrumentIndex:
    instrument_id: str
    title: str
    index: float | None
    answered: int
    questions: int
    sections: tuple[SectionIndex, ...]


def _value(q: Question, answers: list[Answer]) -> float | None:
    """The question's value on 0-4 from its consensus, or the mean of the votes; None when not scored."""
    consensus = [a for a in answers if a.participant_id == CONSENSUS]
    chosen = consensus or [a for a in answers if a.participant_id != CONSENSUS]
    values = []
    for a in chosen:
        if a.not_applicable or a.value is None:
            continue
        if q.type == "scale" and isinstance(a.value, int | float) and not isinstance(a.value, bool):
            values.append(float(a.value))
        elif q.type == "choice" and isinstance(a.value, str):
            option = q.option(a.value)
            if option is not None and option.value is not None:
                values.append(option.value)
    return sum(values) / len(values) if values else None


def instrument_index(questionnaire: Questionnaire, answers: Iterable[Answer]) -> InstrumentIndex:
    """The index of ``questionnaire`` from ``answers`` (any scope: an answer per use case counts each)."""
    by_question: dict[str, list[Answer]] = {}
    for a in answers:
        by_question.setdefault(a.question_id, []).append(a)
    sections = []
    total_w = total_v = 0.0
    total_answered = total_questions = 0
    for sec in questionnaire.sections:
        w_sum = v_sum = 0.0
        answered = 0
        for q in sec.questions:
            per_scope: dict[str, list[Answer]] = {}
            for a in by_question.get(q.id, []):
                per_scope.setdefault(a.scope, []).append(a)
            values = [v for scoped in per_scope.values() if (v := _value(q, scoped)) is not None]
            if values:
                answered += 1
                w_sum += q.weight
                v_sum += q.weight * sum(values) / len(values)
        index = round(100 * v_sum / (w_sum * SCALE_MAX), 1) if w_sum else None
        sections.append(SectionIndex(sec.id, sec.title.en, index, answered, len(sec.questions)))
        total_w += w_sum
        total_v += v_sum
        total_answered += answered
        total_questions += len(sec.questions)
    index = round(100 * total_v / (total_w * SCALE_MAX), 1) if total_w else None
    return InstrumentIndex(questionnaire.id, questionnaire.title.en, index, total_answered, total_questions,
                           tuple(sections))


def imported_indices(questionnaires: Iterable[Questionnaire], answers: Iterable[Answer]) -> list[InstrumentIndex]:
    """The index of every imported instrument among ``questionnaires``."""
    answers = list(answers)
    return [instrument_index(qn, answers) for qn in questionnaires if qn.kind == "imported"]
