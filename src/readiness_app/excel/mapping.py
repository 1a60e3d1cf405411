"""Mapping a foreign workbook onto our questionnaires: pure functions, no openpyxl, no files.

* :class:`ImportProfile`: which sheet, header row and columns hold what, and how answer
  values map onto our scales. Saved as JSON so the next file of the same layout imports
  without questions (``readiness import --profile P.json``).
* :func:`detect_header_row` and :func:`guess_columns`: find the header below title rows and
  recognise columns by their names (English and German).
* :class:`QuestionMatcher`: a row's question by id, by an id at the start of its text, or by
  similar text (difflib) with a confidence.
* :class:`ValueMapper`: "Yes/Partly/No", 1-5 (rescaled to 0-4), percentages, "Level 2",
  "N/A", numbers stored as text, option labels, checklists.
"""

from __future__ import annotations

import difflib
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

from readiness_app.errors import WorkbookImportError
from readiness_app.messages import Bilingual, decimal, msg
from readiness_app.model import ROLE_LABELS, ROLES, AnswerValue
from readiness_app.questionnaire.loader import SCALE_MAX, Library, Question

PROFILE_FORMAT = "readiness-import-profile/1"

Role = Literal["question_id", "question", "answer", "answer_value", "note", "participant", "role", "use_case",
               "scope"]
ROLES_OF_COLUMNS: tuple[Role, ...] = ("question_id", "question", "answer", "answer_value", "note", "participant",
                                      "role", "use_case", "scope")
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "question_id": ("Question id", "Fragen-ID"),
    "question": ("Question text", "Fragetext"),
    "answer": ("Answer", "Antwort"),
    "answer_value": ("Answer as a number (e.g. a hidden formula column)", "Antwort als Zahl (z. B. verborgene Formelspalte)"),
    "note": ("Note", "Notiz"),
    "participant": ("Participant", "Teilnehmer"),
    "role": ("Role", "Rolle"),
    "use_case": ("Use case", "Anwendungsfall"),
    "scope": ("Scope", "Geltungsbereich"),
}

# Header names per column role, normalised (see normalise()). Exact matches win over words.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "question_id": ("question id", "questionid", "question_id", "id", "ref", "ref id", "ref_id", "reference",
                    "question no", "question number", "no", "nr", "number", "code", "key", "item id",
                    "control id", "requirement id", "frage id", "fragen id", "frage nr", "kennung", "kürzel"),
    "question": ("question", "question text", "questions", "frage", "fragetext", "fragen", "requirement",
                 "anforderung", "criterion", "criteria", "kriterium", "statement", "aussage", "item", "control",
                 "prompt", "topic", "thema"),
    "answer": ("answer", "answers", "antwort", "response", "score", "rating", "value", "wert", "bewertung",
               "result", "ergebnis", "level", "stufe", "maturity", "maturity level", "reifegrad", "status",
               "current level", "assessment", "einschätzung", "selection", "auswahl"),
    "note": ("note", "notes", "comment", "comments", "remark", "remarks", "notiz", "notizen", "kommentar",
             "kommentare", "bemerkung", "bemerkungen", "anmerkung", "anmerkungen", "evidence", "nachweis",
             "interview notes", "justification", "begründung", "rationale", "details"),
    "participant": ("participant", "participants", "teilnehmer", "teilnehmerin", "respondent", "interviewee",
                    "name", "person", "answered by", "befragte", "befragter", "beantwortet von", "voter"),
    "role": ("role", "rolle", "function", "funktion", "position"),
    "use_case": ("use case", "usecase", "use cases", "anwendungsfall", "anwendungsfälle", "use case name",
                 "initiative", "project", "projekt", "application", "anwendung"),
    "scope": ("scope", "geltungsbereich", "bereich"),
}
# words that suggest a role when no exact synonym matches (e.g. "Documentation Score")
HEADER_WORDS: dict[str, tuple[str, ...]] = {
    "question_id": ("id",),
    "question": ("question", "frage", "requirement", "anforderung", "criterion", "kriterium"),
    "answer": ("answer", "answers", "antwort", "score", "rating", "bewertung", "response", "level", "reifegrad"),
    "note": ("note", "notes", "comment", "comments", "kommentar", "kommentare", "bemerkung", "bemerkungen", "notiz",
             "notizen", "remark", "remarks", "anmerkung", "anmerkungen"),
    "participant": ("participant", "teilnehmer", "respondent"),
    "role": ("role", "rolle"),
    "use_case": ("use case", "anwendungsfall"),
    "scope": ("scope",),
}

NA_WORDS = frozenset({
    "n a", "na", "not applicable", "not relevant", "nicht anwendbar", "nicht zutreffend",
    "entfällt", "entfaellt", "nicht relevant", "does not apply", "trifft nicht zu", "n z",
})
EMPTY_WORDS = frozenset({"", "-", "--", "—", "–", "?", "tbd", "k a", "keine angabe", "no answer", "unknown",
                         "unbekannt", "offen", "open", "n n"})
CONSENSUS_WORDS = frozenset({"consensus", "konsens", "group", "gruppe", "team", "all", "alle", "room",
                             "workshop", "agreed", "vereinbart", "gemeinsam"})
ORGANISATION_WORDS = frozenset({"org", "organisation", "organization", "organisation wide", "company",
                                "unternehmen", "gesamt", "overall", "firm", "enterprise"})
EXCEL_ERRORS = frozenset({"#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA"})

# Generic answer words on the 0-4 scale
SCALE_WORDS: dict[str, int] = {}
for _value, _words in {
    4: ("yes", "ja", "y", "j", "true", "wahr", "x", "✓", "✔", "fully", "full", "vollständig", "voll", "complete",
        "completely", "implemented", "umgesetzt", "done", "erledigt", "always", "immer", "fully implemented",
        "vollständig umgesetzt", "compliant", "erfüllt", "achieved", "in place", "vorhanden", "high", "hoch"),
    3: ("largely", "mostly", "überwiegend", "weitgehend", "most", "meistens", "largely implemented",
        "weitgehend umgesetzt", "often", "oft", "häufig", "mostly yes", "eher ja"),
    2: ("partly", "partially", "partial", "teilweise", "teils", "somewhat", "some", "in part",
        "in progress", "in arbeit", "halfway", "medium", "mittel", "partially implemented", "teilweise umgesetzt",
        "partially compliant", "teilweise erfüllt", "sometimes", "manchmal", "moderate", "moderat"),
    1: ("ad hoc", "adhoc", "initial", "minimal", "rarely", "selten", "ansatzweise", "few", "planned", "geplant",
        "started", "begonnen", "low", "niedrig", "gering", "barely", "kaum", "mostly no", "eher nein"),
    0: ("no", "nein", "n", "false", "falsch", "none", "keine", "kein", "never", "nie", "niemals",
        "not implemented", "nicht umgesetzt", "not at all", "gar nicht", "non compliant", "nicht erfüllt",
        "absent", "fehlt", "missing"),
}.items():
    for _w in _words:
        SCALE_WORDS[_w] = _value

_LEVEL = re.compile(r"^(?:maturity\s+level|reifegrad|level|stufe|niveau|lvl|l|stage)\s*(\d+(?:[.,]\d+)?)\b", re.I)
_LEADING_NUMBER = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(?:[-–—:=)]|\s+-\s|\s*$)")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:[ ' .]\d{3})+|\d+)?(?:[.,]\d+)?$")
_PERCENT = re.compile(r"^\s*([+-]?\d+(?:[.,]\d+)?)\s*%\s*$")
_RANGE_HINT = re.compile(r"(\d+)\s*(?:-|–|—|to|bis|\.\.)\s*(\d+)")


def normalise(text: str) -> str:
    """Compare-friendly text: NFKC, case-folded, punctuation to spaces, single spaces."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[\s_/\\|,;:!?()\[\]{}\"'`´’‘“”„«»*#–—-]+", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", t)
    return " ".join(t.split())


def cell_text(value: Any) -> str:
    """A cell value as the text a user would see (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


# --------------------------------------------------------------------------- profile


@dataclass(slots=True)
class ImportProfile:
    """How to read a foreign workbook. Columns are header names (or column letters like "F")."""

    sheets: list[str] = field(default_factory=list)  # empty: every visible sheet whose headers fit
    header_row: int | None = None  # None: detect
    columns: dict[str, str] = field(default_factory=dict)  # role -> header text or column letter
    scale: str = "auto"  # "auto", "0-4", "1-5", "0-5", "0-100", "0-1", "0-10", "1-10" or "LO-HI"
    values: dict[str, Any] = field(default_factory=dict)  # answer text -> 0..4, option id, or "n/a"
    questions: dict[str, str] = field(default_factory=dict)  # their id or text -> our question id
    min_confidence: float = 0.85
    default_role: str = "other"
    default_use_case: str = ""  # use-case name for per-use-case questions when no column says
    language: str = ""  # "en" or "de"; empty: guess from the headers
    engagement: dict[str, str] = field(default_factory=dict)  # client, title, facilitator, ...
    layout: str = "auto"  # "auto", "long", "by-subject" or "by-participant"
    instrument_title: str = ""  # the title of the imported instrument (default: the workbook's title row)
    signature: list[str] = field(default_factory=list)  # "Sheet: header | header" per sheet: recognises the layout
    # a foreign question (their id or text) or section title -> our question id: its answers count there too
    crosswalk: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        data: dict[str, Any] = {"format": PROFILE_FORMAT}
        for f in fields(self):
            data[f.name] = getattr(self, f.name)
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str, origin: str = "<profile>") -> ImportProfile:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise WorkbookImportError(f"not valid JSON ({exc.msg} at line {exc.lineno})", path=origin) from exc
        if not isinstance(data, dict):
            raise WorkbookImportError("a profile is a JSON object", path=origin)
        fmt = data.pop("format", PROFILE_FORMAT)
        if fmt != PROFILE_FORMAT:
            raise WorkbookImportError(f"unknown profile format {fmt!r} (expected {PROFILE_FORMAT!r})", path=origin)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise WorkbookImportError(f"unknown field(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}",
                                      path=origin)
        profile = cls(**data)
        problems = profile.check()
        if problems:
            raise WorkbookImportError("; ".join(problems), path=origin)
        return profile

    @classmethod
    def load(cls, path: Path) -> ImportProfile:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise WorkbookImportError(f"cannot read the profile ({exc.strerror})", path=str(path)) from exc
        return cls.from_json(text, str(path))

    def save(self, path: Path) -> None:
        from readiness_app.excel.workbook_io import save_atomic

        save_atomic(lambda tmp: tmp.write_text(self.to_json(), encoding="utf-8"), Path(path))

    def check(self) -> list[str]:
        problems: list[str] = []
        if not isinstance(self.sheets, list) or not all(isinstance(s, str) for s in self.sheets):
            problems.append("sheets: a list of sheet names")
        if self.header_row is not None and (not isinstance(self.header_row, int) or self.header_row < 1):
            problems.append("header_row: a row number from 1")
        if not isinstance(self.columns, dict):
            problems.append("columns: an object of role -> header")
        else:
            for role, ref in self.columns.items():
                if role not in ROLES_OF_COLUMNS:
                    problems.append(f"columns.{role}: unknown role (roles: {', '.join(ROLES_OF_COLUMNS)})")
                elif not isinstance(ref, str) or not ref.strip():
                    problems.append(f"columns.{role}: a header name or column letter")
        try:
            parse_scale(self.scale)
        except ValueError as exc:
            problems.append(f"scale: {exc}")
        if not isinstance(self.values, dict):
            problems.append("values: an object of answer text -> value")
        if not isinstance(self.questions, dict):
            problems.append("questions: an object of their id or text -> question id")
        if not isinstance(self.min_confidence, int | float) or not 0 < self.min_confidence <= 1:
            problems.append("min_confidence: a number above 0 and at most 1")
        if self.default_role not in ROLES:
            problems.append(f"default_role: one of {', '.join(ROLES)}")
        if self.language not in ("", "en", "de"):
            problems.append("language: 'en', 'de' or empty")
        if self.layout not in ("auto", "long", "by-subject", "by-participant"):
            problems.append("layout: 'auto', 'long', 'by-subject' or 'by-participant'")
        if not isinstance(self.instrument_title, str):
            problems.append("instrument_title: a text")
        if not isinstance(self.signature, list) or not all(isinstance(x, str) for x in self.signature):
            problems.append("signature: a list of texts")
        if not isinstance(self.crosswalk, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in self.crosswalk.items()):
            problems.append("crosswalk: an object of their question id, text or section -> our question id")
        return problems


Scale = tuple[float, float] | None  # None: detect


def parse_scale(text: str) -> Scale:
    if text in ("auto", ""):
        return None
    aliases = {"percent": "0-100", "fraction": "0-1"}
    text = aliases.get(text, text)
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*", text)
    if not m:
        raise ValueError(f"{text!r} is not a range like '1-5', 'percent' or 'auto'")
    lo, hi = float(m.group(1)), float(m.group(2))
    if hi <= lo:
        raise ValueError(f"{text!r}: the top must be above the bottom")
    return (lo, hi)


def scale_label(scale: tuple[float, float]) -> str:
    lo, hi = scale
    return f"{_fmt(lo)}-{_fmt(hi)}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


# --------------------------------------------------------------------------- headers


def _score_header_row(values: Sequence[Any]) -> float:
    texts = [cell_text(v) for v in values]
    filled = [t for t in texts if t]
    if len(filled) < 2:
        return 0.0
    strings = [t for v, t in zip(values, texts, strict=False) if t and isinstance(v, str)]
    hits = sum(1 for t in strings if _role_of_header(t) is not None)
    numbers = sum(1 for v in values if isinstance(v, int | float) and not isinstance(v, bool))
    longish = sum(1 for t in strings if len(t) > 60)
    return len(strings) + 4 * hits - 2 * numbers - 2 * longish


def detect_header_row(rows: Sequence[tuple[int, Sequence[Any]]]) -> int | None:
    """The row number of the most header-like row among the first rows (title rows lose)."""
    best: tuple[float, int] | None = None
    for number, values in rows:
        s = _score_header_row(values)
        if s > 0 and (best is None or s > best[0]):
            best = (s, number)
    return best[1] if best else None


def _role_of_header(text: str) -> str | None:
    n = normalise(text)
    if not n:
        return None
    for role, names in HEADER_SYNONYMS.items():
        if n in names:
            return role
    return None


def guess_columns(headers: Sequence[str]) -> dict[str, int]:
    """Role -> 0-based column index, from header names (exact synonyms first, then words)."""
    found: dict[str, int] = {}
    normed = [normalise(h) for h in headers]
    for role, names in HEADER_SYNONYMS.items():  # the earlier synonym wins: "Answer" before "Level"
        hits = [(names.index(n), i) for i, n in enumerate(normed) if n in names and i not in found.values()]
        if hits:
            found[role] = min(hits)[1]
    for role, words in HEADER_WORDS.items():
        if role in found:
            continue
        for i, n in enumerate(normed):
            if i in found.values() or not n:
                continue
            tokens = n.split()
            if any((w in tokens) if " " not in w else (w in n) for w in words):
                found[role] = i
                break
    return found


def resolve_column(ref: str, headers: Sequence[str]) -> int | None:
    """A profile's column reference: a header name (tolerant) or a column letter."""
    want = normalise(ref)
    for i, h in enumerate(headers):
        if h and normalise(h) == want:
            return i
    for i, h in enumerate(headers):
        if h and normalise(h).startswith(want) and len(want) >= 4:
            return i
    if re.fullmatch(r"[A-Za-z]{1,3}", ref.strip()):
        from readiness_app.excel.workbook_io import column_index

        return column_index(ref.strip()) - 1
    return None


def guess_language(texts: Iterable[str]) -> str:
    german = {"frage", "antwort", "bemerkung", "teilnehmer", "anwendungsfall", "notiz", "kommentar", "bewertung",
              "reifegrad", "stufe", "ja", "nein", "teilweise", "rolle", "anforderung", "nachweis", "kennung",
              "umfrage", "machbarkeit", "nutzen", "risiko", "anforderungs", "erfüllt", "bemerkungen"}
    hits = sum(1 for t in texts for w in normalise(t).split() if w in german)
    return "de" if hits >= 2 else "en"


# --------------------------------------------------------------------------- questions


@dataclass(frozen=True, slots=True)
class Match:
    question: Question | None
    confidence: float  # 0..1
    how: Literal["id", "id in text", "text", "similar text", "profile", "none"]
    best_guess: Question | None = None  # the nearest question when confidence is too low


class QuestionMatcher:
    """Finds our question for a row by id, id prefix in the text, or similar text (cached)."""

    def __init__(self, library: Library, overrides: Mapping[str, str] | None = None,
                 min_confidence: float = 0.85) -> None:
        self.library = library
        self.min_confidence = min_confidence
        self._by_id = {q.id.casefold(): q for q in library.iter_questions()}
        self._texts: list[tuple[str, Question]] = []
        self._tokens: list[frozenset[str]] = []
        self._exact: dict[str, Question] = {}
        for q in library.iter_questions():
            for t in {q.text.en, q.text.de}:
                n = normalise(t)
                if n:
                    self._texts.append((n, q))
                    self._tokens.append(frozenset(n.split()))
                    self._exact.setdefault(n, q)
        self._overrides: dict[str, str] = {}
        for k, v in (overrides or {}).items():
            self._overrides[normalise(k)] = v
        self._cache: dict[tuple[str, str], Match] = {}

    def override_target(self, key: str) -> str | None:
        return self._overrides.get(normalise(key))

    def match(self, qid: str, text: str) -> Match:
        key = (qid, text)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._match(qid, text)
            if len(self._cache) < 50_000:
                self._cache[key] = hit
        return hit

    def _match(self, qid: str, text: str) -> Match:
        for k in (qid, text):
            if k:
                target = self._overrides.get(normalise(k))
                if target is not None:
                    q = self._by_id.get(target.casefold())
                    return Match(q, 1.0 if q else 0.0, "profile" if q else "none")
        if qid:
            q = self._by_id.get(qid.strip().casefold())
            if q is not None:
                return Match(q, 1.0, "id")
        if text:
            head = re.split(r"[:\s]", text.strip(), maxsplit=1)[0]
            target = self._overrides.get(normalise(head)) if head != text.strip() else None
            if target is not None:
                q = self._by_id.get(target.casefold())
                return Match(q, 1.0 if q else 0.0, "profile" if q else "none")
            q = self._by_id.get(head.casefold())
            if q is not None:
                return Match(q, 1.0, "id in text")
            n = normalise(text)
            q = self._exact.get(n)
            if q is not None:
                return Match(q, 1.0, "text")
            return self._similar(n)
        return Match(None, 0.0, "none")

    def _similar(self, n: str) -> Match:
        """The most similar question text: word overlap picks a few candidates, difflib scores them."""
        words = frozenset(n.split())
        if not words:
            return Match(None, 0.0, "none")
        # texts that share under a third of their words are never 50% alike: difflib only scores the rest
        overlap = [(share, i) for share, i in sorted(
            ((len(words & t) / max(len(words), len(t)), i) for i, t in enumerate(self._tokens)), reverse=True)[:8]
            if share >= 0.34]
        best: tuple[float, Question] | None = None
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(n[:300])
        for _share, i in overlap:
            t, q = self._texts[i]
            t = t[:300]
            sm.set_seq1(t)
            if sm.real_quick_ratio() <= (best[0] if best else 0.5):
                continue
            if sm.quick_ratio() <= (best[0] if best else 0.5):
                continue
            r = sm.ratio()
            if best is None or r > best[0]:
                best = (r, q)
        if best is None:
            return Match(None, 0.0, "none")
        ratio, q = best
        if ratio >= self.min_confidence:
            return Match(q, round(ratio, 3), "similar text")
        return Match(None, round(ratio, 3), "none", best_guess=q)


# --------------------------------------------------------------------------- values


class ValueProblem(Exception):
    """An answer cell that cannot be mapped (the message says why and what to do)."""


@dataclass(frozen=True, slots=True)
class Mapped:
    value: AnswerValue
    not_applicable: bool = False
    warning: str = ""


def parse_number(text: str) -> float | None:
    """'3', '3.5', '3,5', '1 234', '1.234,5' -> float; None when it is not a number."""
    t = text.strip().replace("\u00a0", " ")
    if not t or not _NUMBER.match(t):
        return None
    t = t.replace(" ", "").replace("'", "")
    if "," in t and "." in t:  # the later one is the decimal mark
        t = t.replace(".", "").replace(",", ".") if t.rfind(",") > t.rfind(".") else t.replace(",", "")
    elif "," in t:
        t = t.replace(",", "") if re.fullmatch(r"[+-]?\d{1,3}(?:,\d{3})+", t) else t.replace(",", ".")
    elif t.count(".") > 1:
        t = t.replace(".", "")
    try:
        return float(t)
    except ValueError:
        return None


def _as_number(raw: Any) -> tuple[float | None, bool]:
    """(number, was a percentage) from a cell value or text; (None, False) when not numeric."""
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int | float):
        return float(raw), False
    if isinstance(raw, str):
        m = _PERCENT.match(raw)
        if m:
            v = parse_number(m.group(1))
            return v, v is not None
        return parse_number(raw), False
    return None, False


def level_number(text: str) -> float | None:
    """'Level 2', 'L2', 'Stufe 3 - Defined', '2 – Partly' -> the number."""
    m = _LEVEL.match(text.strip())
    if m:
        return parse_number(m.group(1))
    m = _LEADING_NUMBER.match(text)
    if m and not _NUMBER.match(text.strip()):
        return parse_number(m.group(1))
    return None


class ValueMapper:
    """Maps answer cells onto a question's type; numbers pass through the column's scale."""

    def __init__(self, overrides: Mapping[str, Any] | None = None) -> None:
        self._overrides = {normalise(str(k)): v for k, v in (overrides or {}).items()}

    def numeric_hint(self, raw: Any) -> float | None:
        """The number a cell carries on its own scale (for scale detection); None for words."""
        if raw is None or (isinstance(raw, str) and self._overrides.get(normalise(raw)) is not None):
            return None
        num, pct = _as_number(raw)
        if pct:
            return None
        if num is None and isinstance(raw, str):
            num = level_number(raw)
        return num

    def map(self, q: Question, raw: Any, scale: tuple[float, float]) -> Mapped | None:
        """The answer for ``q``; None when the cell is empty; ValueProblem when not understood."""
        if raw is None:
            return None
        if isinstance(raw, datetime | date | time) and q.type != "text":
            raise ValueProblem(msg("a date ({value}) where a {kind} answer is expected", value=cell_text(raw),
                                   kind=_type_name(q)))
        text = cell_text(raw)
        n = normalise(text)
        if text in EXCEL_ERRORS:
            raise ValueProblem(msg("the cell shows the error {value}; fix the formula or type the answer", value=text))
        if n in self._overrides:
            return self._override(q, self._overrides[n], text)
        if n in EMPTY_WORDS:
            return None
        if n in NA_WORDS:
            return Mapped(None, True)
        if q.type == "text":
            return Mapped(text)
        if q.type == "number":
            num, _pct = _as_number(raw)
            if num is None:
                raise ValueProblem(msg("{value} is not a number", value=repr(text)))
            return Mapped(int(num) if num.is_integer() else num)
        if q.type == "checklist":
            return self._checklist(q, raw, text)
        if q.type == "choice":
            return self._choice(q, raw, text, scale)
        return self._scale(q, raw, text, scale)

    def _override(self, q: Question, target: Any, text: str) -> Mapped | None:
        if isinstance(target, str) and normalise(target) in NA_WORDS:
            return Mapped(None, True)
        if target is None or target == "":
            return None
        if q.type in ("choice", "checklist"):
            if isinstance(target, str) and q.option(target) is not None:
                return Mapped([target] if q.type == "checklist" else target)
            if isinstance(target, int | float) and q.type == "choice":
                return self._choice_by_value(q, float(target), text)
            raise ValueProblem(msg("the profile maps {value} to {target}, which is not an option of {question}",
                                   value=repr(text), target=repr(target), question=q.id))
        if q.type == "scale":
            if isinstance(target, int | float) and 0 <= target <= SCALE_MAX:
                return _whole(float(target), text)
            raise ValueProblem(msg("the profile maps {value} to {target}; a scale answer is 0-4",
                                   value=repr(text), target=repr(target)))
        if q.type == "number" and isinstance(target, int | float):
            return Mapped(target)
        return Mapped(str(target))

    def _scale(self, q: Question, raw: Any, text: str, scale: tuple[float, float]) -> Mapped:
        n = normalise(text)
        for i, lv in enumerate(q.levels):  # the question's own level descriptors
            if n in (normalise(lv.en), normalise(lv.de)):
                return Mapped(i)
        if isinstance(raw, bool):
            return Mapped(SCALE_MAX if raw else 0)
        num, pct = _as_number(raw)
        if num is not None:
            return _rescale(num, (0.0, 100.0) if pct else scale, text)
        lvl = level_number(text)
        if lvl is not None:
            return _rescale(lvl, scale, text)
        if n in SCALE_WORDS:
            return Mapped(SCALE_WORDS[n])
        hint = Bilingual(", ".join(f"{i} {lv.en}" for i, lv in enumerate(q.levels)) or "0-4",
                         ", ".join(f"{i} {lv.de}" for i, lv in enumerate(q.levels)) or "0-4")
        raise ValueProblem(msg("{value} is not an answer on the 0-4 scale ({levels}); map it under \"values\" in "
                               "the profile", value=repr(text), levels=hint))

    def _choice(self, q: Question, raw: Any, text: str, scale: tuple[float, float]) -> Mapped:
        opt = _find_option(q, text)
        if opt is not None:
            return Mapped(opt)
        num, pct = _as_number(raw)
        if num is None and isinstance(raw, str):
            lvl = level_number(text)
            if lvl is not None:
                num = lvl
        if isinstance(raw, bool):
            num, scale = (SCALE_MAX if raw else 0.0), (0.0, SCALE_MAX)
        if num is not None:
            mapped = _rescale(num, (0.0, 100.0) if pct else scale, text)
            assert isinstance(mapped.value, int)
            return self._choice_by_value(q, float(mapped.value), text)
        n = normalise(text)
        if n in SCALE_WORDS:
            return self._choice_by_value(q, float(SCALE_WORDS[n]), text)
        raise ValueProblem(msg("{value} is not one of the options ({options})", value=repr(text),
                               options=_labels(q)))

    def _choice_by_value(self, q: Question, v: float, text: str) -> Mapped:
        for o in q.options:
            if o.value is not None and math.isclose(o.value, v):
                return Mapped(o.id)
        scored = [(o.label, o.value) for o in q.options if o.value is not None]
        labels = Bilingual(", ".join(f"{lab.en}={_fmt(x)}" for lab, x in scored) or "no scored options",
                           ", ".join(f"{lab.de}={_fmt(x)}" for lab, x in scored) or "keine bewerteten Optionen")
        raise ValueProblem(msg("{value} gives {number}, which no option of {question} has ({options})",
                               value=repr(text), number=_fmt(v), question=q.id, options=labels))

    def _checklist(self, q: Question, raw: Any, text: str) -> Mapped:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            raise ValueProblem(msg("a number ({value}) where a list of options is expected", value=text))
        chosen: list[str] = []
        unknown: list[str] = []
        separators = r"[;\n|]+" if re.search(r"[;\n|]", text) else r","
        for part in re.split(separators, text):
            if not part.strip():
                continue
            opt = _find_option(q, part)
            if opt is None:
                unknown.append(part.strip())
            elif opt not in chosen:
                chosen.append(opt)
        if unknown:
            raise ValueProblem(msg("{values} not among the options ({options})",
                                   values=", ".join(repr(u) for u in unknown), options=_labels(q)))
        return Mapped(chosen)


def _find_option(q: Question, text: str) -> str | None:
    n = normalise(text)
    for o in q.options:
        if n in (normalise(o.id), normalise(o.label.en), normalise(o.label.de)):
            return o.id
    best: tuple[float, str] | None = None
    for o in q.options:
        for lab in (o.label.en, o.label.de):
            r = difflib.SequenceMatcher(None, n, normalise(lab)).ratio()
            if r >= 0.85 and (best is None or r > best[0]):
                best = (r, o.id)
    return best[1] if best else None


def _rescale(num: float, scale: tuple[float, float], text: str) -> Mapped:
    lo, hi = scale
    if not lo - 1e-9 <= num <= hi + 1e-9:
        raise ValueProblem(msg("{value} is outside the {scale} scale of this column; set \"scale\" in the profile "
                               "if the column uses another range", value=text, scale=scale_label(scale)))
    v = (num - lo) * SCALE_MAX / (hi - lo)
    return _whole(v, text, scale)


def _whole(v: float, text: str, scale: tuple[float, float] | None = None) -> Mapped:
    r = math.floor(v + 0.5)
    if math.isclose(v, r, abs_tol=1e-6):
        return Mapped(int(r))
    if scale:
        return Mapped(int(r), warning=msg("{value} on a {scale} scale is {exact} on our 0-4 scale; rounded to "
                                          "{rounded}", value=text, scale=scale_label(scale), exact=decimal(v, 2),
                                          rounded=r))
    return Mapped(int(r), warning=msg("{value} is {exact} on our 0-4 scale; rounded to {rounded}", value=text,
                                      exact=decimal(v, 2), rounded=r))


def _type_name(q: Question) -> str:
    en, de = {"scale": ("0-4 scale", "0-4-Skala"), "choice": ("choice", "Auswahl"),
              "checklist": ("checklist", "Checkliste"), "number": ("number", "Zahl"), "text": ("text", "Text")}[q.type]
    return Bilingual(en, de)


def _labels(q: Question) -> Bilingual:
    return Bilingual(", ".join(o.label.en for o in q.options), ", ".join(o.label.de for o in q.options))


def detect_scale(numbers: Iterable[float], header: str = "",
                 offered: Sequence[str] = ()) -> tuple[tuple[float, float], str]:
    """Guess a column's numeric scale from its header, its drop-down list or its values."""
    m = _RANGE_HINT.search(header)
    if m:
        lo, hi = float(m.group(1)), float(m.group(2))
        if hi > lo:
            return (lo, hi), f"the header says {m.group(0)}"
    if "%" in header or "percent" in header.casefold() or "prozent" in header.casefold():
        return (0.0, 100.0), "the header says percent"
    offered_numbers = [n for n in (parse_number(o) for o in offered) if n is not None]
    if len(offered_numbers) >= 2:
        lo_o, hi_o = min(offered_numbers), max(offered_numbers)
        return (lo_o, hi_o), f"the drop-down offers {_fmt(lo_o)}-{_fmt(hi_o)}"
    values = list(numbers)
    if not values:
        return (0.0, float(SCALE_MAX)), "default 0-4"
    lo, hi = min(values), max(values)
    fractional = any(not float(v).is_integer() for v in values)
    if hi <= 1 and fractional:
        return (0.0, 1.0), "all values between 0 and 1"
    if hi <= SCALE_MAX:
        return (0.0, float(SCALE_MAX)), "all values between 0 and 4"
    if hi <= 5:
        return ((0.0, 5.0), "values reach 5 and include 0") if lo < 1 else ((1.0, 5.0), "values from 1 to 5")
    if hi <= 10:
        return ((0.0, 10.0), "values reach 10") if lo < 1 else ((1.0, 10.0), "values from 1 to 10")
    if hi <= 100:
        return (0.0, 100.0), "values up to 100 (percent)"
    return (0.0, float(SCALE_MAX)), "default 0-4"


def role_from_text(text: str, default: str) -> str:
    n = normalise(text)
    if not n:
        return default
    for role in ROLES:
        en, de = ROLE_LABELS[role]
        if n in (normalise(role), normalise(en), normalise(de)):
            return role
    for role in ROLES:
        en, _de = ROLE_LABELS[role]
        if normalise(en).split()[0] in n.split():
            return role
    return default
