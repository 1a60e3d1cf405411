"""Presentation helpers: how answers and scores read on screen (plain Python, no Qt)."""

from __future__ import annotations

from pathlib import Path

from readiness_app.model import Answer, AnswerValue
from readiness_app.questionnaire.loader import Question
from readiness_app.ui.i18n import language, tr


def value_text(q: Question, value: AnswerValue, lang: str | None = None) -> str:
    """One answer value as the room reads it ("3 – Mostly", an option label, "12 per week")."""
    lang = lang or language()
    if value is None:
        return ""
    if q.type == "scale" and isinstance(value, int | float) and not isinstance(value, bool):
        v = int(value) if float(value).is_integer() else value
        descriptor = q.levels[int(value)].get(lang) if float(value).is_integer() and 0 <= int(value) < len(q.levels) else ""
        return f"{v} – {descriptor}" if descriptor else f"{v:g}" if isinstance(v, float) else str(v)
    if q.type == "choice" and isinstance(value, str):
        o = q.option(value)
        return o.label.get(lang) if o else value
    if q.type == "checklist" and isinstance(value, list):
        labels = [o.label.get(lang) for o in q.options if o.id in value]
        return ", ".join(labels) if labels else "–"
    if q.type == "number" and isinstance(value, int | float):
        unit = q.unit.get(lang) if q.unit else ""
        return f"{value:g} {unit}".strip()
    return str(value)


def short_value(q: Question, value: AnswerValue) -> str:
    """A compact form for grids: the number for scales, the option number for choices."""
    if value is None:
        return ""
    if q.type == "scale" and isinstance(value, int | float):
        return f"{value:g}"
    if q.type == "choice" and isinstance(value, str):
        for i, o in enumerate(q.options, start=1):
            if o.id == value:
                return f"{i} · {o.label.get(language())}"
    if q.type == "number" and isinstance(value, int | float):
        return f"{value:g}"
    return value_text(q, value)


def answer_text(q: Question, a: Answer | None) -> str:
    if a is None or (a.value is None and not a.not_applicable):
        return ""
    if a.not_applicable:
        return tr("q.na_with_reason", reason=a.note) if a.note else tr("q.not_applicable")
    return value_text(q, a.value)


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return tr("res.none")
    return f"{value:.{digits}f}"


def percent(ratio: float) -> str:
    return f"{round(ratio * 100):d} %"


def folder_label(path: Path) -> str:
    """The folder of a file as lists show it: inside the home folder as ``~/...`` (shorter on a
    projector, and the consultant's user name is not on the wall)."""
    folder = Path(path).parent
    try:
        inside = folder.relative_to(Path.home())
    except (ValueError, RuntimeError):  # elsewhere, or no home folder known
        return str(folder)
    return "~" if inside == Path() else str(Path("~") / inside)
