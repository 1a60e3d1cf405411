"""Small libraries and inputs built in code, for scoring tests."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Participant, RoadmapEdit, UseCase
from readiness_app.questionnaire.loader import (
    Action,
    Dimension,
    Library,
    Question,
    Questionnaire,
    RiskFlag,
    Section,
    Text,
)
from readiness_app.scoring import ScoringInput

LEVELS = tuple(Text(f"level {i}", f"Stufe {i}") for i in range(5))


def t(s: str) -> Text:
    return Text(s, s + " (de)")


def q(qid: str, dimension: str, *, qn: str, scope: str = "organisation", weight: float = 1.0,
      stage: int | None = None, critical: bool = False, actions: Sequence[str] = (), qtype: str = "scale",
      polarity: str = "positive") -> Question:
    return Question(id=qid, type=qtype, text=t(qid), help=t("why"), weight=weight,  # type: ignore[arg-type]
                    dimension=dimension, scope=scope, questionnaire_id=qn, section_id="s",  # type: ignore[arg-type]
                    levels=LEVELS if qtype == "scale" else (), actions=tuple(actions), critical=critical,
                    stage=stage, polarity=polarity)  # type: ignore[arg-type]


def questionnaire(qid: str, kind: str, questions: Iterable[Question]) -> Questionnaire:
    return Questionnaire(qid, "1", kind, t(qid), t(""), (Section("s", t("s"), tuple(questions)),))  # type: ignore[arg-type]


def library(*qns: Questionnaire, actions: Iterable[Action] = (), risks: Iterable[RiskFlag] = ()) -> Library:
    dims: dict[str, Dimension] = {}
    for qn in qns:
        for question in qn.questions:
            dims.setdefault(question.dimension, Dimension(question.dimension, t(question.dimension), t(""), qn.kind))
    return Library(tuple(qns), dims, {a.id: a for a in actions}, {r.id: r for r in risks})


def action(aid: str, phase: int = 1, role: str = "product_owner", checklist: bool = False) -> Action:
    return Action(aid, t(aid), t("because"), role, phase, "M", checklist)


def vote(qid: str, value: object, pid: str = "p1", scope: str = ORGANISATION, *, na: bool = False,
         note: str = "") -> Answer:
    return Answer(qid, scope, pid, value, na, note)  # type: ignore[arg-type]


def consensus(qid: str, value: object, scope: str = ORGANISATION, *, na: bool = False) -> Answer:
    return Answer(qid, scope, CONSENSUS, value, na)  # type: ignore[arg-type]


def make_input(lib: Library, answers: Iterable[Answer], *, use_cases: Sequence[UseCase] = (),
               participants: Sequence[Participant] | None = None, targets: dict[str, int] | None = None,
               edits: Sequence[RoadmapEdit] = ()) -> ScoringInput:
    answers = tuple(answers)
    if participants is None:
        pids = sorted({a.participant_id for a in answers if a.participant_id})
        participants = [Participant(pid, pid.upper(), "other", "", i) for i, pid in enumerate(pids)]
    return ScoringInput(lib, tuple(participants), tuple(use_cases), answers, targets or {}, tuple(edits))
