"""How a foreign sheet is laid out: the header row, the role of each column and the layout.

Three layouts are read (pure functions over cell values; no files, no openpyxl):

* ``long``: one row per question (and per answer): a question id and/or text column, zero or
  more answer columns (none: a questionnaire without answers, e.g. a framework checklist;
  several: each answer column becomes its own question, e.g. "Documentation score" and
  "Implementation score" of one requirement), optional note, participant and use-case columns;
* ``by-subject``: one row per use case (or team, department, site), one column per criterion:
  ``Use case | Business value (1-5) | Feasibility | Risk | Comment``;
* ``by-participant``: one row per question, one column per participant holding that person's
  answer (the answers become votes of participants named by the column headers).

:func:`detect_layout` finds the header below title rows, recognises columns by their names
(English and German) and, where names say nothing, by their contents (the long texts are the
questions, short unique codes the ids, columns of short repeated labels or numbers the
answers). Computed columns (mostly formulas in an .xlsx) are never taken as answers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from readiness_app.excel.mapping import (
    EMPTY_WORDS,
    HEADER_SYNONYMS,
    HEADER_WORDS,
    NA_WORDS,
    SCALE_WORDS,
    cell_text,
    detect_header_row,
    guess_columns,
    level_number,
    normalise,
    parse_number,
    resolve_column,
)

Layout = Literal["long", "by-subject", "by-participant"]
LAYOUTS: tuple[Layout, ...] = ("long", "by-subject", "by-participant")
HEADER_SEARCH_ROWS = 40
SAMPLE_ROWS = 400

_CODE = re.compile(r"^[A-Za-z0-9][\w.\-:/]{0,30}$")
_PERCENT = re.compile(r"^\s*[+-]?\d+(?:[.,]\d+)?\s*%\s*$")
# words in a header that say the column holds a subject of a by-subject sheet
SUBJECT_WORDS = ("use case", "usecase", "anwendungsfall", "team", "department", "abteilung", "site", "standort",
                 "project", "projekt", "initiative", "application", "anwendung", "business unit", "bereich",
                 "subject", "name", "product", "produkt", "system", "process", "prozess")


@dataclass(slots=True)
class SheetLayout:
    """What a sheet holds and where (columns are 0-based indexes)."""

    sheet: str
    layout: Layout
    header_row: int
    headers: tuple[str, ...]
    roles: dict[str, int] = field(default_factory=dict)  # question_id, question, note, participant, ...
    value_columns: tuple[int, ...] = ()  # long: answers; by-subject: criteria; by-participant: participants
    subject: int | None = None  # by-subject: the column naming each row's use case
    computed: tuple[int, ...] = ()  # columns of formulas: never answers
    title: str = ""  # the first title row above the header
    section: str = ""  # the last title row just above the header

    def header(self, col: int) -> str:
        from readiness_app.excel.workbook_io import column_letter

        return self.headers[col] if col < len(self.headers) and self.headers[col] else column_letter(col + 1)

    def column_roles(self) -> dict[str, str]:
        """Each used column ("C (Answer)") with its role, in column order."""
        from readiness_app.excel.workbook_io import column_letter

        roles: dict[int, str] = {i: r for r, i in self.roles.items()}
        value_role = {"long": "answer", "by-subject": "criterion", "by-participant": "participant answers"}[self.layout]
        for i in self.value_columns:
            roles[i] = value_role
        if self.subject is not None:
            roles[self.subject] = "use_case"
        for i in self.computed:
            roles.setdefault(i, "computed (ignored)")
        out: dict[str, str] = {}
        for i in sorted(roles):
            h = self.headers[i] if i < len(self.headers) else ""
            out[f"{column_letter(i + 1)} ({h})" if h else column_letter(i + 1)] = roles[i]
        return out


# --------------------------------------------------------------------------- values


def answer_like(value: Any) -> bool:
    """Whether a cell looks like an answer: a number, a percentage, a level, a known answer word."""
    if value is None:
        return False
    if isinstance(value, bool | int | float):
        return True
    text = cell_text(value)
    if not text:
        return False
    if _PERCENT.match(text) or parse_number(text) is not None or level_number(text) is not None:
        return True
    n = normalise(text)
    return n in SCALE_WORDS or n in NA_WORDS or n in EMPTY_WORDS


def strongly_answers(values: Sequence[Any]) -> bool:
    """Whether a column has values and most of them are answer-like (numbers, levels, known words)."""
    filled = [v for v in values if v is not None and cell_text(v) != ""]
    return bool(filled) and sum(1 for v in filled if answer_like(v)) >= 0.6 * len(filled)


def answers_column(values: Sequence[Any]) -> bool:
    """Whether a column's values are answers (or empty): mostly answer-like, or a few repeated labels."""
    filled = [v for v in values if v is not None and cell_text(v) != ""]
    if not filled:
        return True
    strong = sum(1 for v in filled if answer_like(v))
    if strong >= 0.6 * len(filled):
        return True
    texts = [cell_text(v) for v in filled]
    if any(len(t) > 40 or "\n" in t for t in texts):
        return False
    distinct = len(set(texts))
    return distinct <= max(3, len(texts) // 3) and distinct <= 12


def _text_stats(values: Sequence[Any]) -> tuple[int, float, int]:
    """(filled cells, mean text length of the texts, distinct texts)."""
    texts = [cell_text(v) for v in values if isinstance(v, str) and cell_text(v)]
    if not texts:
        return 0, 0.0, 0
    return len(texts), sum(len(t) for t in texts) / len(texts), len(set(texts))


def _code_column(values: Sequence[Any]) -> bool:
    texts = [cell_text(v) for v in values if v is not None and cell_text(v)]
    if len(texts) < 2:
        return False
    codes = [t for t in texts if _CODE.match(t) and any(ch.isdigit() for ch in t) and any(ch.isalpha() for ch in t)]
    return len(codes) >= 0.8 * len(texts) and len(set(codes)) >= 0.9 * len(codes)


# --------------------------------------------------------------------------- detection


def detect_layout(sheet: str, rows: Sequence[tuple[int, Sequence[Any]]], *, layout: str | None = None,
                  header_row: int | None = None, columns: Mapping[str, str] | None = None,
                  formula_columns: Mapping[int, int] | None = None) -> SheetLayout | None:
    """The layout of a sheet from its first rows (``(row number, values)``); None when it holds no questions.

    ``layout``, ``header_row`` and ``columns`` (role -> header or letter) fix what they say;
    ``formula_columns`` (1-based column -> formula cells) marks computed columns.
    """
    values_by_row = {n: list(v) for n, v in rows}
    hr = header_row or detect_header_row([(n, v) for n, v in rows][:HEADER_SEARCH_ROWS])
    if hr is None:
        return None
    headers = tuple(cell_text(v) for v in values_by_row.get(hr, []))
    data = [(n, v) for n, v in rows if n > hr][:SAMPLE_ROWS]
    width = max([len(headers)] + [len(v) for _n, v in data])

    def col(i: int) -> list[Any]:
        return [v[i] if i < len(v) else None for _n, v in data]

    filled_count = [sum(1 for x in col(i) if x is not None and cell_text(x) != "") for i in range(width)]
    computed: list[int] = []
    for i in range(width):
        formulas = (formula_columns or {}).get(i + 1, 0)
        if formulas and formulas >= 0.5 * max(filled_count[i], 1):
            computed.append(i)

    roles: dict[str, int] = {}
    if columns:
        for role, ref in columns.items():
            idx = resolve_column(ref, headers)
            if idx is not None:
                roles[role] = idx
    else:
        roles = guess_columns(headers)
    answer_cols: list[int] = []
    if "answer" in roles:
        answer_cols.append(roles.pop("answer"))
    if not columns:
        # more answer columns: headers with answer words ("Documentation score", "Implementation score")
        taken = set(roles.values()) | set(answer_cols)
        for i, h in enumerate(headers):
            if i in taken or i in computed or not h:
                continue
            tokens = normalise(h).split()
            if any(w in tokens for w in HEADER_WORDS["answer"]) and answers_column(col(i)):
                answer_cols.append(i)
        answer_cols.sort()
    # an answer column holds answers: numbers, levels, known words, or a few repeated labels under an
    # "Answer" header; a column found by a word in its header ("Assurance level") needs answer-like values
    exact = {i for i, h in enumerate(headers) if normalise(h) in HEADER_SYNONYMS["answer"]}
    answer_cols = [i for i in answer_cols if (i in exact and answers_column(col(i))) or strongly_answers(col(i))
                   or (columns and i == resolve_column(columns.get("answer", ""), headers))]
    if not columns:
        # questions and ids by content when the headers do not say
        taken = set(roles.values()) | set(answer_cols)
        if "question" not in roles:
            best: tuple[float, int] | None = None
            for i in range(width):
                if i in taken:
                    continue
                n, mean, distinct = _text_stats(col(i))
                if n >= 2 and mean >= 20 and distinct >= 0.7 * n and (best is None or mean > best[0]):
                    best = (mean, i)
            if best is not None:
                roles["question"] = best[1]
                taken.add(best[1])
        if "question_id" not in roles:
            q = roles.get("question", width)
            for i in range(width):
                if i not in taken and i < q and _code_column(col(i)):
                    roles["question_id"] = i
                    break
    has_question = "question" in roles or "question_id" in roles
    title, section = _titles(values_by_row, hr)

    def finish(kind: Layout, value_columns: list[int], subject: int | None = None) -> SheetLayout:
        return SheetLayout(sheet, kind, hr, headers, roles, tuple(value_columns), subject, tuple(computed),
                           title, section)

    taken = set(roles.values()) | set(answer_cols)
    if layout == "by-subject" or (layout is None and not has_question):
        subject = roles.pop("use_case", None)
        named = subject is not None  # a "Use case" column: one criterion is enough
        if subject is None:
            subject = roles.pop("participant", None)
        if subject is None:
            subject = _subject_column(headers, col, width, taken | set(computed))
        if subject is None:
            return None
        roles.pop("question", None)
        roles.pop("question_id", None)
        criteria = [i for i in range(width) if i != subject and i not in set(roles.values()) and i not in computed
                    and i < len(headers) and headers[i] and answers_column(col(i))]
        criteria += [i for i in answer_cols if i not in criteria and i != subject]
        if layout is None and len(criteria) < (1 if named else 2):
            return None
        return finish("by-subject", sorted(criteria), subject)
    if not has_question:
        return None
    if layout == "by-participant" or (layout is None and not answer_cols):
        person = roles.get("participant")  # "Participant 01": a column of answers named by its header
        people = [i for i in range(width) if (i not in taken or i == person) and i not in computed and i < len(headers)
                  and headers[i] and _person_header(headers[i]) and filled_count[i] > 0 and strongly_answers(col(i))]
        people += [i for i in answer_cols if i not in people] if layout == "by-participant" else []
        if people and (layout == "by-participant" or len(people) >= 2):
            for role in ("participant", "answer"):
                roles.pop(role, None)
            return finish("by-participant", sorted(people))
    if not answer_cols:
        roles.pop("participant", None)  # nobody answered: a "Name" column names the requirement, not a person
    return finish("long", answer_cols)


def _person_header(h: str) -> bool:
    if re.fullmatch(r"[a-z0-9_]+", h.strip()):  # a field name ("assessable", "depth"), not a person
        return False
    n = normalise(h)
    if not n or len(n) > 40 or any(ch.isdigit() for ch in n.replace(" ", "")[:1]):
        return False
    tokens = n.split()
    for role, words in HEADER_WORDS.items():
        if role != "participant" and any(w in tokens for w in words):
            return False
    return not any(w in n for w in ("total", "summe", "average", "mittel", "gesamt", "weight", "gewicht", "level",
                                    "type", "typ", "category", "kategorie", "status", "date", "datum"))


def _subject_column(headers: Sequence[str], col: Any, width: int, taken: set[int]) -> int | None:
    for i, h in enumerate(headers):
        n = normalise(h)
        if i not in taken and n and any(w == n or w in n.split() or (" " in w and w in n) for w in SUBJECT_WORDS):
            return i
    for i in range(width):  # the first column of distinct texts
        if i in taken:
            continue
        count, _mean, distinct = _text_stats(col(i))
        if count >= 2 and distinct == count and not answers_column(col(i)):
            return i
    return None


def _titles(values_by_row: Mapping[int, Sequence[Any]], hr: int) -> tuple[str, str]:
    """The first title above the header (the workbook's title) and the last one (a section heading)."""
    texts: list[str] = []
    for n in sorted(values_by_row):
        if n >= hr:
            break
        filled = [cell_text(v) for v in values_by_row[n] if v is not None and cell_text(v)]
        if len(filled) == 1 and isinstance(filled[0], str) and len(filled[0]) <= 120 and not filled[0].endswith(":"):
            texts.append(filled[0])
    if not texts:  # a title among other cells ("TLP: AMBER - Tool name | date | ..."): its first long text
        for n in sorted(values_by_row):
            if n >= hr:
                break
            first = next((cell_text(v) for v in values_by_row[n] if isinstance(v, str) and cell_text(v)), "")
            if len(first) >= 12 and "\n" not in first and len(first) <= 120:
                texts.append(" ".join(first.split()))
                break
    title = texts[0] if texts else ""
    above = [cell_text(v) for v in values_by_row.get(hr - 1, ()) if v is not None and cell_text(v)]
    section = texts[-1] if len(texts) > 1 and len(above) == 1 and above[0] == texts[-1] else ""
    return title, section


def title_row(values: Sequence[Any]) -> str:
    """A section title row inside the data: one short text cell and nothing else ("" otherwise)."""
    filled = [v for v in values if v is not None and cell_text(v)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return ""
    t = cell_text(filled[0])
    return t if 0 < len(t) <= 80 and "\n" not in t else ""
