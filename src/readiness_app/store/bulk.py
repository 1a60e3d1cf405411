"""Whole-unit writes of many answers and of another file's change log (pre-work imports, merges).

Both go through :class:`~readiness_app.store.assessment_file.AssessmentFile`'s one transaction
helper, so each call is one committed transaction with its own change-log entry: a failure
changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from readiness_app.model import Answer, ChangeLogEntry
from readiness_app.store.assessment_file import AssessmentFile
from readiness_app.store.rows import answer_row

AnswerKey = tuple[str, str, str]


def replace_answers(af: AssessmentFile, answers: Iterable[Answer], clear: Iterable[AnswerKey] = (), *,
                    action: str = "import", detail: dict[str, Any] | None = None, stamp: bool = True) -> int:
    """Clear the answers at ``clear`` and write ``answers`` (insert or replace), all in one transaction.

    ``stamp``: fill in author, time and questionnaire version where an answer has none (answers
    copied from another file keep theirs when ``stamp`` is false). Returns how many were written.
    The change-log entry records the counts, ``detail`` and every key touched.
    """
    items = list(answers)
    gone = [k for k in dict.fromkeys(clear) if k not in {a.key for a in items}]
    known = ({p.id for p in af.participants()}, {u.id for u in af.use_cases()})
    for a in items:
        af._validate_answer(a, known)
    now = af._clock()
    rows = []
    for a in items:
        if stamp:
            qid, qver = af._questionnaire_of(a.question_id)
            a = replace(a, author=a.author or af.author, updated_at=a.updated_at or now,
                        questionnaire_id=a.questionnaire_id or qid, questionnaire_version=a.questionnaire_version or qver)
        rows.append(answer_row(a))
    after = {"count": len(items), "cleared": len(gone), **(detail or {}),
             "keys": ["|".join(a.key) for a in items], "cleared_keys": ["|".join(k) for k in gone]}
    with af._edit("answers", "", action, None, after):
        af.conn.executemany("DELETE FROM answers WHERE question_id = ? AND scope = ? AND participant_id = ?",
                            [list(k) for k in gone])
        af._upsert_answer_rows(rows)
    return len(items)


def append_changelog(af: AssessmentFile, entries: Iterable[ChangeLogEntry], *, origin: str,
                     closing: tuple[str, str, str, Any] | None = None) -> int:
    """Copy change-log entries (another file's, or a merge's decisions) to the end of this one.

    Each copy keeps its time, author, entity and values; its action is prefixed with ``origin``
    (e.g. ``"merged from B.readiness: "``) so the log says where it happened. One transaction,
    closed by one entry of its own: ``closing`` (entity, entity id, action, after) or a plain
    "changelog append" with the count.
    """
    rows = [{"at": e.at, "author": e.author, "entity": e.entity, "entity_id": e.entity_id,
             "action": f"{origin}{e.action}",
             "before": None if e.before is None else json.dumps(e.before, ensure_ascii=False),
             "after": None if e.after is None else json.dumps(e.after, ensure_ascii=False)} for e in entries]
    entity, entity_id, action, after = closing or ("changelog", "", "append", {"count": len(rows), "origin": origin})
    with af._edit(entity, entity_id, action, None, after):
        if rows:
            af.db.table("changelog").insert_all(rows)
    return len(rows)


def set_meta_values(af: AssessmentFile, values: dict[str, str | None], *, action: str = "set") -> None:
    """Set (``None``: remove) several short ``meta`` values in one transaction with one change-log entry."""
    if not values:
        return
    with af._edit("meta", "", action, None, dict(values)):
        for key, value in values.items():
            if value is None:
                af.db.execute("DELETE FROM meta WHERE key = ?", [key])
            else:
                af.db.table("meta").upsert({"key": key, "value": value}, pk="key")
