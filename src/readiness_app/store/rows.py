"""How answers are stored in a row of the ``answers`` table, and the checks of roles and stages.

Shared by :mod:`.assessment_file` and :mod:`.bulk` (whole-unit writes of many answers).
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from readiness_app.model import ROLES, USE_CASE_STAGES, Answer, AnswerValue


def encode(value: AnswerValue) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def decode(text: str | None) -> AnswerValue:
    if text is None:
        return None
    value: AnswerValue = json.loads(text)
    return value


ANSWER_SELECT = ("question_id, scope, participant_id, value, not_applicable, note, questionnaire_id, "
                  "questionnaire_version, author, updated_at, source")
_SMALL_INTS = {str(i): i for i in range(5)}  # the common scale values, decoded without json


def answer_from_tuple(t: tuple[Any, ...]) -> Answer:
    raw = t[3]
    value: AnswerValue = _SMALL_INTS.get(raw) if raw is not None else None
    if value is None and raw is not None:
        value = decode(raw)
    return Answer(t[0], t[1], t[2], value, bool(t[4]), t[5], t[6], t[7], t[8], t[9], t[10])


ANSWER_COLUMNS = tuple(f.name for f in fields(Answer))
ANSWER_KEY = ("question_id", "scope", "participant_id")
UPSERT_ANSWER_SQL = (
    f"INSERT INTO answers ({', '.join(ANSWER_COLUMNS)}) VALUES ({', '.join('?' for _ in ANSWER_COLUMNS)}) "
    f"ON CONFLICT ({', '.join(ANSWER_KEY)}) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in ANSWER_COLUMNS if c not in ANSWER_KEY)
)


def answer_row(a: Answer) -> dict[str, Any]:
    row = {f.name: getattr(a, f.name) for f in fields(Answer)}
    row["value"] = encode(a.value)
    row["not_applicable"] = int(a.not_applicable)
    return row


def answer_log(a: Answer) -> dict[str, Any]:
    return {"value": a.value, "na": a.not_applicable, "note": a.note, "source": a.source}


def check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")


def check_stage(stage: str) -> None:
    if stage not in USE_CASE_STAGES:
        raise ValueError(f"unknown stage {stage!r}; stages: {', '.join(USE_CASE_STAGES)}")
