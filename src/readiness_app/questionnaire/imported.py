"""Imported instruments: a foreign workbook's own questions, kept as a questionnaire of kind ``imported``.

When an earlier assessment asks questions we have no counterpart for (a SAMM toolbox, a
framework checklist, a use-case scoring matrix), the import keeps them as an *imported
instrument*: a questionnaire like ours, written as TOML in the same format
(``readiness-questionnaire/1``) and embedded in the assessment file like our own
questionnaires, so it opens, validates and exports the same way. What is special:

* ``kind = "imported"``: no dimension of ours, no roadmap actions or risk flags; each question's
  ``dimension`` is its section id;
* texts are in the workbook's language, the same text under ``en`` and ``de``;
* answers are ``choice`` questions whose options are the workbook's answer labels (or numbers)
  with their value on our 0-4 scale (the *value map*, e.g. Yes=4, Partially=2, No=0; a
  percentage 75% = 3), so every value is kept exactly; free-text columns are ``text``;
* a question's help names where it came from (file, sheet, row) and its id in the workbook.

:func:`build_instrument` renders the TOML and parses it back with the loader, so an imported
instrument is valid by construction.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from readiness_app.questionnaire.loader import QUESTIONNAIRE_FORMAT, Questionnaire, parse_questionnaire

IMPORTED_KIND = "imported"
ID_PREFIX = "imp."


@dataclass(slots=True)
class ImportedOption:
    id: str
    label: str
    value: float | None  # 0..4 on our scale; None: not scored


@dataclass(slots=True)
class ImportedQuestion:
    id: str  # our id (unique in the library): "<instrument>.<their id>"
    ref: str  # their id in the workbook ("" when it had none)
    text: str
    section: str  # section id
    type: str = "choice"  # "choice" or "text"
    options: list[ImportedOption] = field(default_factory=list)
    help: str = ""
    scope: str = "organisation"  # or "use_case" (a by-subject workbook's rows are use cases)


@dataclass(slots=True)
class ImportedSection:
    id: str
    title: str


def slug(text: str, limit: int = 40) -> str:
    """A lower-case id part: letters, digits, dots and dashes."""
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    t = re.sub(r"[^a-z0-9.]+", "-", t).strip("-.")
    return t[:limit].strip("-.") or "x"


def instrument_id(name: str) -> str:
    return ID_PREFIX + slug(name, 40)


def _s(text: str) -> str:
    """A TOML basic string (JSON string syntax is a subset TOML accepts)."""
    return json.dumps(text, ensure_ascii=False)


def _t(text: str, fallback: str) -> str:
    t = " ".join(text.split()) if "\n" not in text else text.strip()
    t = t or fallback
    return "{ en = " + _s(t) + ", de = " + _s(t) + " }"


def render_instrument(iid: str, title: str, description: str, sections: Sequence[ImportedSection],
                      questions: Sequence[ImportedQuestion], version: str = "1") -> str:
    """The TOML text of an imported instrument."""
    lines = [
        "# An instrument imported from a workbook made elsewhere (kind = \"imported\"): its own questions,",
        "# sections and answer options with their values on the 0-4 scale. See docs/questionnaire-format.md.",
        f"format = {_s(QUESTIONNAIRE_FORMAT)}",
        f"id = {_s(iid)}",
        f"version = {_s(version)}",
        'kind = "imported"',
        'scope = "organisation"',
        f"title = {_t(title, iid)}",
        f"description = {_t(description, title or iid)}",
    ]
    by_section: dict[str, list[ImportedQuestion]] = {}
    for q in questions:
        by_section.setdefault(q.section, []).append(q)
    for sec in sections:
        qs = by_section.get(sec.id, [])
        if not qs:
            continue
        lines += ["", "[[sections]]", f"id = {_s(sec.id)}", f"title = {_t(sec.title, sec.id)}"]
        for q in qs:
            lines += ["", "[[sections.questions]]", f"id = {_s(q.id)}", f"type = {_s(q.type)}",
                      f"dimension = {_s(sec.id)}", f"scope = {_s(q.scope)}",
                      f"text = {_t(q.text, q.ref or q.id)}", f"help = {_t(q.help, q.ref or q.id)}"]
            if q.type == "choice":
                lines.append("options = [")
                for o in q.options:
                    value = "" if o.value is None else f", value = {round(o.value, 6)!r}"
                    lines.append(f"  {{ id = {_s(o.id)}, label = {_t(o.label, o.id)}{value} }},")
                lines.append("]")
    return "\n".join(lines) + "\n"


def build_instrument(iid: str, title: str, description: str, sections: Sequence[ImportedSection],
                     questions: Sequence[ImportedQuestion], origin: str = "<imported>") -> Questionnaire:
    """The imported instrument as a :class:`Questionnaire` (rendered as TOML and parsed back)."""
    source = render_instrument(iid, title, description, sections, questions)
    qn, problems = parse_questionnaire(source, origin)
    if qn is None or problems:  # pragma: no cover - the renderer writes what the loader reads
        raise ValueError("; ".join(p.format() for p in problems))
    return qn


def retitle(questionnaire: Questionnaire, title: str) -> Questionnaire:
    """The imported instrument under another title (its text, questions and answers unchanged)."""
    import re

    title = " ".join(title.split())
    if not title or title == questionnaire.title.en:
        return questionnaire
    source, count = re.subn(r"(?m)^title = .*$", lambda _m: f"title = {_t(title, questionnaire.id)}",
                            questionnaire.source, count=1)
    qn, problems = parse_questionnaire(source, questionnaire.path or "<imported>")
    if qn is None or problems or count != 1:  # pragma: no cover - the renderer wrote one title line
        raise ValueError("; ".join(p.format() for p in problems) or "no title line")
    return qn
