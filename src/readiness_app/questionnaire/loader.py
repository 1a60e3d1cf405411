"""Questionnaire data: the model (frozen dataclasses) and the validating loader.

Questionnaires are TOML files in ``questionnaires/`` (comments allowed). Two kinds of file:

* ``format = "readiness-questionnaire/1"``: one instrument (id, version, kind, title,
  sections of questions).
* ``format = "readiness-library/1"``: shared reference data: ``[[dimensions]]``,
  ``[[actions]]`` (the roadmap action library), ``[[risks]]`` (named risk flags) and
  ``[[roles]]`` are not needed: roles are fixed in :mod:`readiness_app.model`.

The full field reference is in ``docs/questionnaire-format.md``. The loader validates
everything and reports *every* problem at once (file, question id, field).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from readiness_app.errors import Problem, QuestionnaireError
from readiness_app.model import ROLES

if TYPE_CHECKING:
    from readiness_app.questionnaire.regulation import Regulation

Lang = Literal["en", "de"]
LANGS: tuple[Lang, ...] = ("en", "de")

QUESTIONNAIRE_FORMAT = "readiness-questionnaire/1"
LIBRARY_FORMAT = "readiness-library/1"

QUESTION_TYPES = ("scale", "choice", "checklist", "number", "text")
SCOPES = ("organisation", "use_case")
KINDS = ("prioritization", "readiness", "maturity", "baseline", "risk", "regulation", "imported")
POLARITIES = ("positive", "negative")
PHASES = (1, 2, 3)
EFFORTS = ("S", "M", "L")
SEVERITIES = ("high", "medium", "low")
SCALE_MAX = 4


@dataclass(frozen=True, slots=True)
class Text:
    """A text in English and German."""

    en: str
    de: str

    def get(self, lang: str) -> str:
        return self.de if lang == "de" else self.en


EMPTY_TEXT = Text("", "")


@dataclass(frozen=True, slots=True)
class Option:
    """One allowed answer of a choice or checklist question."""

    id: str
    label: Text
    value: float | None = None  # 0..4 score contribution (choice); None = not scored


@dataclass(frozen=True, slots=True)
class RiskRule:
    """Raise risk flag ``flag`` when the answer matches.

    ``when`` is ``"le"`` / ``"ge"`` (numeric value at most / at least ``threshold``)
    or ``"in"`` (a chosen option is in ``options``).
    """

    flag: str
    when: Literal["le", "ge", "in"]
    threshold: float | None = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    type: Literal["scale", "choice", "checklist", "number", "text"]
    text: Text
    help: Text
    weight: float
    dimension: str
    scope: Literal["organisation", "use_case"]
    questionnaire_id: str
    section_id: str
    levels: tuple[Text, ...] = ()  # scale: descriptor for 0..4
    options: tuple[Option, ...] = ()
    unit: Text | None = None
    actions: tuple[str, ...] = ()  # roadmap actions suggested when it scores low
    critical: bool = False  # readiness: blocks production below ``threshold``
    threshold: float = 2.0
    stage: int | None = None  # maturity: the level (1-4) this criterion belongs to
    polarity: Literal["positive", "negative"] = "positive"
    risks: tuple[RiskRule, ...] = ()

    @property
    def scored(self) -> bool:
        """Whether answers to this question feed a numeric score."""
        if self.type in ("scale", "checklist"):
            return True
        if self.type == "choice":
            return any(o.value is not None for o in self.options)
        return False

    def option(self, option_id: str) -> Option | None:
        for o in self.options:
            if o.id == option_id:
                return o
        return None


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: Text
    questions: tuple[Question, ...]


@dataclass(frozen=True, slots=True)
class Questionnaire:
    id: str
    version: str
    kind: Literal["prioritization", "readiness", "maturity", "baseline", "risk", "regulation", "imported"]
    title: Text
    description: Text
    sections: tuple[Section, ...]
    source: str = ""  # the TOML text it was loaded from (embedded in assessment files)
    path: str = ""

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(q for s in self.sections for q in s.questions)

    @property
    def sha256(self) -> str:
        import hashlib

        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Dimension:
    id: str
    name: Text
    description: Text
    kind: str  # the questionnaire kind it belongs to


@dataclass(frozen=True, slots=True)
class Action:
    """One roadmap action from the action library."""

    id: str
    title: Text
    why: Text
    owner_role: str
    phase: int  # 1 = Days 1-30, 2 = Days 31-60, 3 = Days 61-90
    effort: Literal["S", "M", "L"]
    checklist: bool = False  # a next-step checklist item that every plan includes


@dataclass(frozen=True, slots=True)
class RiskFlag:
    id: str
    name: Text
    description: Text
    severity: Literal["high", "medium", "low"]
    actions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Library:
    """Everything loaded from a questionnaire folder (or an assessment's snapshot)."""

    questionnaires: tuple[Questionnaire, ...]
    dimensions: Mapping[str, Dimension]
    actions: Mapping[str, Action]
    risks: Mapping[str, RiskFlag]
    library_version: str = ""
    library_source: str = ""
    regulation: Regulation | None = None  # AI Act obligations and the framework crosswalk (regulation/)
    _questions: dict[str, Question] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for qn in self.questionnaires:
            for q in qn.questions:
                self._questions[q.id] = q

    @property
    def questions(self) -> Mapping[str, Question]:
        return self._questions

    def question(self, question_id: str) -> Question | None:
        return self._questions.get(question_id)

    def questionnaire(self, questionnaire_id: str) -> Questionnaire | None:
        for qn in self.questionnaires:
            if qn.id == questionnaire_id:
                return qn
        return None

    def by_kind(self, kind: str) -> tuple[Questionnaire, ...]:
        return tuple(qn for qn in self.questionnaires if qn.kind == kind)

    def iter_questions(self) -> Iterator[Question]:
        for qn in self.questionnaires:
            yield from qn.questions


# --------------------------------------------------------------------------- loading


class _Collector:
    """Collects problems while reading one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def add(self, place: str, field_name: str, message: str) -> None:
        self.problems.append(Problem(self.path, place, field_name, message))

    def text(self, data: Mapping[str, Any], key: str, place: str, *, required: bool = True) -> Text:
        raw = data.get(key)
        if type(raw) is dict and len(raw) == 2:  # the usual, valid case first: a thousand per library
            en, de = raw.get("en"), raw.get("de")
            if type(en) is str and type(de) is str and en.strip() and de.strip():
                return Text(en.strip(), de.strip())
        if raw is None:
            if required:
                self.add(place, key, "missing (needs 'en' and 'de')")
            return EMPTY_TEXT
        if isinstance(raw, str):
            self.add(place, key, "must give both languages, e.g. { en = \"...\", de = \"...\" }")
            return Text(raw, raw)
        if not isinstance(raw, Mapping):
            self.add(place, key, f"must be a table with 'en' and 'de', not {type(raw).__name__}")
            return EMPTY_TEXT
        values: dict[str, str] = {}
        for lang in LANGS:
            value = raw.get(lang)
            if not isinstance(value, str) or not value.strip():
                self.add(place, f"{key}.{lang}", "missing or empty")
                values[lang] = ""
            else:
                values[lang] = value.strip()
        for extra in sorted(set(raw) - set(LANGS)):
            self.add(place, f"{key}.{extra}", "unknown language (only 'en' and 'de')")
        return Text(values["en"], values["de"])

    def string(self, data: Mapping[str, Any], key: str, place: str, default: str | None = None) -> str:
        raw = data.get(key, default)
        if not isinstance(raw, str) or not raw:
            self.add(place, key, "missing or not a text")
            return ""
        return raw

    def number(self, data: Mapping[str, Any], key: str, place: str, default: float | None = None) -> float:
        raw = data.get(key, default)
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            self.add(place, key, "missing or not a number")
            return 0.0
        return float(raw)

    def choice(self, data: Mapping[str, Any], key: str, place: str, allowed: Iterable[str], default: str | None = None) -> str:
        allowed = tuple(allowed)
        raw = data.get(key, default)
        if raw not in allowed:
            self.add(place, key, f"is {raw!r}; allowed: {', '.join(allowed)}")
            return allowed[0]
        return str(raw)

    def unknown_keys(self, data: Mapping[str, Any], known: Iterable[str], place: str) -> None:
        for key in sorted(set(data) - set(known)):
            self.add(place, key, "unknown field (typo?)")


_Q_FIELDS = (
    "id", "type", "text", "help", "weight", "dimension", "scope", "levels", "options", "unit",
    "actions", "critical", "threshold", "stage", "polarity", "risks",
)


def _parse_toml(path: Path, source: str, collector: _Collector) -> dict[str, Any] | None:
    cached = _parsed_cache_get(source)
    if cached is not None:
        return cached
    import tomllib  # only when the cache has no parsed copy: most starts never need it

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        collector.add("", "", f"not valid TOML: {exc}")
        return None
    _parsed_cache_put(source, data)
    return data


# Parsing TOML is the slowest part of opening an assessment (tens of milliseconds for the five
# questionnaires), so the parsed form is kept by the BLAKE2b digest of its text: in memory, and as
# JSON in the user's cache folder for the next start. The text is the key, so a cache can never
# disagree with its source; a damaged or missing cache file is simply parsed again.
_MEMORY_CACHE: dict[str, dict[str, Any]] = {}

try:  # CPython's own BLAKE2 loads in a fraction of the time ``hashlib`` takes to load OpenSSL
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b as _blake2b


def _digest(source: str) -> str:
    return _blake2b(source.encode("utf-8"), digest_size=32).hexdigest()


def _cache_file(digest: str) -> Path:
    from readiness_app.user_dirs import cache_dir

    return cache_dir() / "questionnaires" / f"{digest}.json"


def _parsed_cache_get(source: str) -> dict[str, Any] | None:
    digest = _digest(source)
    hit = _MEMORY_CACHE.get(digest)
    if hit is not None:
        return hit
    try:
        data = json.loads(_cache_file(digest).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    _MEMORY_CACHE[digest] = data
    return data


def _parsed_cache_put(source: str, data: dict[str, Any]) -> None:
    digest = _digest(source)
    _MEMORY_CACHE[digest] = data
    try:
        text = json.dumps(data, ensure_ascii=False)
    except (TypeError, ValueError):  # TOML dates and times have no JSON form: keep it in memory only
        return
    target = _cache_file(digest)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError:
        pass  # a read-only or full disk only costs the next start its speed


def _read_question(raw: Any, c: _Collector, qn_id: str, section_id: str, default_scope: str, index: int) -> Question | None:
    if not isinstance(raw, Mapping):
        c.add(f"{section_id}[{index}]", "", "question must be a table")
        return None
    qid = raw.get("id")
    place = qid if isinstance(qid, str) and qid else f"{section_id}.questions[{index}]"
    if not isinstance(qid, str) or not qid:
        c.add(place, "id", "missing")
        qid = ""
    c.unknown_keys(raw, _Q_FIELDS, place)
    qtype = c.choice(raw, "type", place, QUESTION_TYPES)
    text = c.text(raw, "text", place)
    help_text = c.text(raw, "help", place)
    weight = c.number(raw, "weight", place, 1.0)
    if weight <= 0:
        c.add(place, "weight", "must be greater than 0")
    dimension = c.string(raw, "dimension", place)
    scope = c.choice(raw, "scope", place, SCOPES, default_scope)
    polarity = c.choice(raw, "polarity", place, POLARITIES, "positive")

    levels: tuple[Text, ...] = ()
    raw_levels = raw.get("levels")
    if qtype == "scale":
        if not isinstance(raw_levels, list) or len(raw_levels) != SCALE_MAX + 1:
            c.add(place, "levels", f"a scale needs exactly {SCALE_MAX + 1} descriptors (levels 0-{SCALE_MAX})")
        else:
            levels = tuple(c.text({"levels": lv}, "levels", f"{place}.levels[{i}]") for i, lv in enumerate(raw_levels))
    elif raw_levels is not None:
        c.add(place, "levels", f"only scale questions have level descriptors (type is {qtype})")

    options: list[Option] = []
    raw_options = raw.get("options")
    if qtype in ("choice", "checklist"):
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            c.add(place, "options", f"a {qtype} question needs at least two options")
        else:
            seen: set[str] = set()
            for i, ro in enumerate(raw_options):
                oplace = f"{place}.options[{i}]"
                if not isinstance(ro, Mapping):
                    c.add(oplace, "", "option must be a table")
                    continue
                c.unknown_keys(ro, ("id", "label", "value"), oplace)
                oid = c.string(ro, "id", oplace)
                if oid in seen:
                    c.add(oplace, "id", f"duplicate option id {oid!r}")
                seen.add(oid)
                value: float | None = None
                if "value" in ro:
                    value = c.number(ro, "value", oplace)
                    if not 0 <= value <= SCALE_MAX:
                        c.add(oplace, "value", f"must be between 0 and {SCALE_MAX}")
                options.append(Option(oid, c.text(ro, "label", oplace), value))
    elif raw_options is not None:
        c.add(place, "options", f"only choice and checklist questions have options (type is {qtype})")

    unit: Text | None = None
    if qtype == "number":
        unit = c.text(raw, "unit", place)
    elif "unit" in raw:
        c.add(place, "unit", "only number questions have a unit")

    actions = raw.get("actions", [])
    if not isinstance(actions, list) or not all(isinstance(a, str) for a in actions):
        c.add(place, "actions", "must be a list of action ids")
        actions = []

    critical = raw.get("critical", False)
    if not isinstance(critical, bool):
        c.add(place, "critical", "must be true or false")
        critical = False
    threshold = c.number(raw, "threshold", place, 2.0)

    stage = raw.get("stage")
    if stage is not None and (isinstance(stage, bool) or stage not in (1, 2, 3, 4)):
        c.add(place, "stage", "must be a maturity level 1, 2, 3 or 4")
        stage = None

    risks: list[RiskRule] = []
    raw_risks = raw.get("risks", [])
    if not isinstance(raw_risks, list):
        c.add(place, "risks", "must be a list of rules")
        raw_risks = []
    for i, rr in enumerate(raw_risks):
        rplace = f"{place}.risks[{i}]"
        if not isinstance(rr, Mapping):
            c.add(rplace, "", "risk rule must be a table")
            continue
        c.unknown_keys(rr, ("flag", "when", "threshold", "options"), rplace)
        when = c.choice(rr, "when", rplace, ("le", "ge", "in"))
        rthreshold: float | None = None
        ropts: tuple[str, ...] = ()
        if when in ("le", "ge"):
            rthreshold = c.number(rr, "threshold", rplace)
        else:
            raw_ropts = rr.get("options")
            if not isinstance(raw_ropts, list) or not raw_ropts:
                c.add(rplace, "options", "an 'in' rule needs a list of option ids")
            else:
                ropts = tuple(str(o) for o in raw_ropts)
                known = {o.id for o in options}
                for o in ropts:
                    if o not in known:
                        c.add(rplace, "options", f"unknown option {o!r}")
        risks.append(RiskRule(c.string(rr, "flag", rplace), when, rthreshold, ropts))  # type: ignore[arg-type]

    return Question(
        id=qid, type=qtype, text=text, help=help_text, weight=weight,  # type: ignore[arg-type]
        dimension=dimension, scope=scope, questionnaire_id=qn_id, section_id=section_id,  # type: ignore[arg-type]
        levels=levels, options=tuple(options), unit=unit, actions=tuple(actions), critical=critical,
        threshold=threshold, stage=stage, polarity=polarity, risks=tuple(risks),  # type: ignore[arg-type]
    )


def parse_questionnaire(source: str, path: str = "<questionnaire>") -> tuple[Questionnaire | None, list[Problem]]:
    """Parse one questionnaire file's text. Returns the questionnaire and its own problems.

    Cross-references (dimensions, actions, risk flags) are checked by :func:`check_library`.
    """
    c = _Collector(path)
    data = _parse_toml(Path(path), source, c)
    if data is None:
        return None, c.problems
    return _questionnaire_from_data(data, source, path, c), c.problems


def _questionnaire_from_data(data: Mapping[str, Any], source: str, path: str, c: _Collector) -> Questionnaire | None:
    if data.get("format") != QUESTIONNAIRE_FORMAT:
        c.add("", "format", f"must be {QUESTIONNAIRE_FORMAT!r}")
        return None
    c.unknown_keys(data, ("format", "id", "version", "kind", "scope", "title", "description", "sections"), "")
    qn_id = c.string(data, "id", "")
    version = c.string(data, "version", qn_id)
    kind = c.choice(data, "kind", qn_id, KINDS)
    default_scope = c.choice(data, "scope", qn_id, SCOPES, "organisation")
    title = c.text(data, "title", qn_id)
    description = c.text(data, "description", qn_id)
    sections: list[Section] = []
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        c.add(qn_id, "sections", "needs at least one [[sections]] entry")
        raw_sections = []
    for si, rs in enumerate(raw_sections):
        if not isinstance(rs, Mapping):
            c.add(f"sections[{si}]", "", "section must be a table")
            continue
        sid = rs.get("id") if isinstance(rs.get("id"), str) else f"sections[{si}]"
        c.unknown_keys(rs, ("id", "title", "scope", "questions"), str(sid))
        c.string(rs, "id", str(sid))
        stitle = c.text(rs, "title", str(sid))
        sscope = c.choice(rs, "scope", str(sid), SCOPES, default_scope)
        raw_qs = rs.get("questions")
        if not isinstance(raw_qs, list) or not raw_qs:
            c.add(str(sid), "questions", "a section needs at least one question")
            raw_qs = []
        questions = [
            q for qi, rq in enumerate(raw_qs)
            if (q := _read_question(rq, c, qn_id, str(sid), sscope, qi)) is not None
        ]
        sections.append(Section(str(sid), stitle, tuple(questions)))
    return Questionnaire(qn_id, version, kind, title, description, tuple(sections), source, path)  # type: ignore[arg-type]


def parse_library(source: str, path: str = "<library>") -> tuple[dict[str, Any], list[Problem]]:
    """Parse a library file into dimensions, actions and risks (dicts by id)."""
    c = _Collector(path)
    data = _parse_toml(Path(path), source, c)
    out: dict[str, Any] = {"dimensions": {}, "actions": {}, "risks": {}, "version": ""}
    if data is None:
        return out, c.problems
    if data.get("format") != LIBRARY_FORMAT:
        c.add("", "format", f"must be {LIBRARY_FORMAT!r}")
        return out, c.problems
    c.unknown_keys(data, ("format", "version", "dimensions", "actions", "risks"), "")
    out["version"] = c.string(data, "version", "")
    for i, rd in enumerate(data.get("dimensions", [])):
        place = rd.get("id", f"dimensions[{i}]") if isinstance(rd, Mapping) else f"dimensions[{i}]"
        if not isinstance(rd, Mapping):
            c.add(place, "", "must be a table")
            continue
        c.unknown_keys(rd, ("id", "name", "description", "kind"), place)
        dim = Dimension(c.string(rd, "id", place), c.text(rd, "name", place), c.text(rd, "description", place),
                        c.choice(rd, "kind", place, KINDS))
        if dim.id in out["dimensions"]:
            c.add(place, "id", "duplicate dimension id")
        out["dimensions"][dim.id] = dim
    for i, ra in enumerate(data.get("actions", [])):
        place = ra.get("id", f"actions[{i}]") if isinstance(ra, Mapping) else f"actions[{i}]"
        if not isinstance(ra, Mapping):
            c.add(place, "", "must be a table")
            continue
        c.unknown_keys(ra, ("id", "title", "why", "owner_role", "phase", "effort", "checklist"), place)
        phase = ra.get("phase")
        if phase not in PHASES or isinstance(phase, bool):
            c.add(place, "phase", "must be 1 (Days 1-30), 2 (Days 31-60) or 3 (Days 61-90)")
            phase = 1
        checklist = ra.get("checklist", False)
        if not isinstance(checklist, bool):
            c.add(place, "checklist", "must be true or false")
            checklist = False
        act = Action(c.string(ra, "id", place), c.text(ra, "title", place), c.text(ra, "why", place),
                     c.choice(ra, "owner_role", place, ROLES), int(phase),
                     c.choice(ra, "effort", place, EFFORTS), checklist)  # type: ignore[arg-type]
        if act.id in out["actions"]:
            c.add(place, "id", "duplicate action id")
        out["actions"][act.id] = act
    for i, rr in enumerate(data.get("risks", [])):
        place = rr.get("id", f"risks[{i}]") if isinstance(rr, Mapping) else f"risks[{i}]"
        if not isinstance(rr, Mapping):
            c.add(place, "", "must be a table")
            continue
        c.unknown_keys(rr, ("id", "name", "description", "severity", "actions"), place)
        acts = rr.get("actions", [])
        if not isinstance(acts, list):
            c.add(place, "actions", "must be a list of action ids")
            acts = []
        flag = RiskFlag(c.string(rr, "id", place), c.text(rr, "name", place), c.text(rr, "description", place),
                        c.choice(rr, "severity", place, SEVERITIES), tuple(str(a) for a in acts))  # type: ignore[arg-type]
        if flag.id in out["risks"]:
            c.add(place, "id", "duplicate risk id")
        out["risks"][flag.id] = flag
    return out, c.problems


def check_library(library: Library, paths: Mapping[str, str] | None = None) -> list[Problem]:
    """Cross-reference checks across files: unique ids, known dimensions, actions and flags."""
    problems: list[Problem] = []
    lib_path = (paths or {}).get("__library__", "library")
    seen_q: dict[str, str] = {}
    seen_qn: set[str] = set()
    for qn in library.questionnaires:
        path = qn.path or qn.id
        if qn.id in seen_qn:
            problems.append(Problem(path, qn.id, "id", "duplicate questionnaire id"))
        seen_qn.add(qn.id)
        for q in qn.questions:
            if q.id in seen_q:
                problems.append(Problem(path, q.id, "id", f"duplicate question id (also in {seen_q[q.id]})"))
            seen_q[q.id] = path
            if qn.kind == "imported":  # an imported instrument's dimension is its own section (imported.py)
                continue
            dim = library.dimensions.get(q.dimension)
            if q.dimension and dim is None:
                problems.append(Problem(path, q.id, "dimension", f"unknown dimension {q.dimension!r}"))
            elif dim is not None and dim.kind != qn.kind:
                problems.append(Problem(path, q.id, "dimension",
                                        f"dimension {q.dimension!r} belongs to {dim.kind}, not {qn.kind}"))
            for a in q.actions:
                if a not in library.actions:
                    problems.append(Problem(path, q.id, "actions", f"unknown action {a!r}"))
            for r in q.risks:
                if r.flag not in library.risks:
                    problems.append(Problem(path, q.id, "risks", f"unknown risk flag {r.flag!r}"))
            if qn.kind == "maturity" and q.scored and q.stage is None:
                problems.append(Problem(path, q.id, "stage", "maturity criteria need a stage (1-4)"))
            if q.scored and not q.actions and qn.kind in ("maturity", "readiness"):
                problems.append(Problem(path, q.id, "actions", "needs at least one action for when it scores low"))
    for flag in library.risks.values():
        for a in flag.actions:
            if a not in library.actions:
                problems.append(Problem(lib_path, flag.id, "actions", f"unknown action {a!r}"))
    if library.regulation is not None or library.by_kind("regulation"):
        from readiness_app.questionnaire.regulation import check_regulation

        problems.extend(check_regulation(library, paths))
    return problems


def _build(questionnaires: list[Questionnaire], lib: dict[str, Any], lib_source: str,
           regulation: Regulation | None = None) -> Library:
    return Library(
        questionnaires=tuple(sorted(questionnaires, key=lambda q: (KINDS.index(q.kind), q.id))),
        dimensions=dict(lib["dimensions"]),
        actions=dict(lib["actions"]),
        risks=dict(lib["risks"]),
        library_version=str(lib.get("version", "")),
        library_source=lib_source,
        regulation=regulation,
    )


def load_library(path: Path | None = None) -> Library:
    """Load and validate every ``*.toml`` file in a folder (default: the bundled questionnaires).

    A single file path validates that file against the library files in its folder.
    Raises :class:`QuestionnaireError` listing every problem.
    """
    from readiness_app.resources import questionnaires_dir

    root = path if path is not None else questionnaires_dir()
    if root.is_file():
        files = sorted(p for p in root.parent.glob("*.toml") if p == root or _is_library_file(p))
    elif root.is_dir():
        files = sorted(root.glob("*.toml"))
    else:
        raise QuestionnaireError([Problem(str(root), "", "", "no such file or folder")])
    if not files:
        raise QuestionnaireError([Problem(str(root), "", "", "no questionnaire files (*.toml) found")])

    problems: list[Problem] = []
    questionnaires: list[Questionnaire] = []
    lib: dict[str, Any] = {"dimensions": {}, "actions": {}, "risks": {}, "version": ""}
    lib_sources: list[str] = []
    lib_path = ""
    for f in files:
        try:
            source = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(f), "", "", f"cannot read: {exc}"))
            continue
        if _is_library_text(source):
            part, probs = parse_library(source, str(f))
            problems.extend(probs)
            for key in ("dimensions", "actions", "risks"):
                for k, v in part[key].items():
                    if k in lib[key]:
                        problems.append(Problem(str(f), k, "id", f"duplicate {key[:-1]} id across library files"))
                    lib[key][k] = v
            lib["version"] = lib["version"] or part["version"]
            lib_sources.append(source)
            lib_path = lib_path or str(f)
        else:
            qn, probs = parse_questionnaire(source, str(f))
            problems.extend(probs)
            if qn is not None:
                questionnaires.append(qn)
    regulation, reg_paths = None, {}
    reg_dir = (root if root.is_dir() else root.parent) / REGULATION_DIR
    if reg_dir.is_dir():
        from readiness_app.questionnaire.regulation import Regulation, parse_regulation, regulation_format

        reg_sources: list[tuple[str, str]] = []
        for f in sorted(reg_dir.glob("*.toml")):
            try:
                reg_sources.append((str(f), f.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                problems.append(Problem(str(f), "", "", f"cannot read: {exc}"))
        regulation, probs = parse_regulation(reg_sources)
        problems.extend(probs)
        reg_paths = {"crosswalk" if "crosswalk" in regulation_format(t) else "obligations": p for p, t in reg_sources}
        lib_sources.extend(t for _, t in reg_sources)
        if regulation is not None and root.is_file():  # one file alone: its crosswalk links reach other files
            regulation = Regulation(regulation.obligations, None)
    library = _build(questionnaires, lib, join_library_sources(lib_sources), regulation)
    problems.extend(check_library(library, {"__library__": lib_path, **reg_paths}))
    if problems:
        raise QuestionnaireError(problems)
    return library


def library_from_sources(questionnaire_sources: Iterable[str], library_source: str, origin: str) -> Library:
    """Rebuild a library from embedded snapshot texts (assessment files)."""
    problems: list[Problem] = []
    qns: list[Questionnaire] = []
    for i, src in enumerate(questionnaire_sources):
        qn, probs = parse_questionnaire(src, f"{origin} (embedded questionnaire {i + 1})")
        problems.extend(probs)
        if qn is not None:
            qns.append(qn)
    lib: dict[str, Any] = {"dimensions": {}, "actions": {}, "risks": {}, "version": ""}
    reg_sources: list[tuple[str, str]] = []
    for chunk in _split_library_sources(library_source):
        if not _is_library_text(chunk) and (OBLIGATIONS_HEAD in chunk or CROSSWALK_HEAD in chunk):
            reg_sources.append((f"{origin} (embedded regulation)", chunk))
            continue
        part, probs = parse_library(chunk, f"{origin} (embedded library)")
        problems.extend(probs)
        for key in ("dimensions", "actions", "risks"):
            lib[key].update(part[key])
        lib["version"] = lib["version"] or part["version"]
    regulation = None
    if reg_sources:
        from readiness_app.questionnaire.regulation import parse_regulation

        regulation, probs = parse_regulation(reg_sources)
        problems.extend(probs)
    library = _build(qns, lib, library_source, regulation)
    problems.extend(check_library(library, {"__library__": f"{origin} (embedded library)",
                                            "crosswalk": f"{origin} (embedded crosswalk)"}))
    if problems:
        raise QuestionnaireError(problems)
    return library


_LIBRARY_SEPARATOR = "\n# ---- readiness library file ----\n"
REGULATION_DIR = "regulation"  # questionnaires/regulation/: AI Act obligations and the crosswalk
OBLIGATIONS_HEAD = "readiness-obligations/"
CROSSWALK_HEAD = "readiness-crosswalk/"


def _split_library_sources(text: str) -> list[str]:
    return [t for t in text.split(_LIBRARY_SEPARATOR) if t.strip()]


def join_library_sources(sources: Iterable[str]) -> str:
    return _LIBRARY_SEPARATOR.join(sources)


def _is_library_text(source: str) -> bool:
    return LIBRARY_FORMAT in source.split("\n[", 1)[0] and QUESTIONNAIRE_FORMAT not in source.split("\n[", 1)[0]


def _is_library_file(path: Path) -> bool:
    try:
        return _is_library_text(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
