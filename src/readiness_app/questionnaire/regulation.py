"""Regulation data: the EU AI Act obligations with their dates, and the framework crosswalk.

Two data files live in ``questionnaires/regulation/`` beside the questionnaires:

* ``format = "readiness-obligations/1"``: what the AI Act asks of whom and from when
  (``[[obligations]]`` with ``article``, ``triggers``, ``roles``, ``applies_from``), with the
  legal ``source`` and the ``as_of`` date the dates were checked. A change in the law is a new
  version of this file, not a code change.
* ``format = "readiness-crosswalk/1"``: the areas of NIST AI RMF 1.0, ISO/IEC 42001:2023
  Annex A and the AI Act (``[[frameworks]]``) and ``[[links]]`` from our questions and maturity
  dimensions to their subcategories, controls and articles, each with a rationale.

Both travel with the library snapshot embedded in an assessment file, so an assessment keeps
the obligations and crosswalk it was created with. The classification rules that read the
AI Act questionnaire are code (``scoring/ai_act.py``); :data:`REQUIRED_OPTIONS` names the
question and option ids they read, and :func:`check_regulation` holds the data to them.
The fields are documented in ``docs/questionnaire-format.md``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app.errors import Problem
from readiness_app.model import ROLES

if TYPE_CHECKING:
    from readiness_app.questionnaire.loader import Library, Text

OBLIGATIONS_FORMAT = "readiness-obligations/1"
CROSSWALK_FORMAT = "readiness-crosswalk/1"
REGULATION_FOLDER = "regulation"

AI_ACT_ROLES = ("provider", "deployer", "importer", "distributor", "product_manufacturer")
FRAMEWORKS = ("nist_ai_rmf", "iso_iec_42001", "eu_ai_act")
EFFORTS = ("S", "M", "L")

# What the classification can say about a use case; an obligation applies when one of its
# triggers fired and its roles include the organisation's role (docs/scoring.md, "AI Act").
TRIGGERS = (
    "any",  # every AI system in scope (Art. 4 AI literacy)
    "prohibited",  # an Art. 5 practice was ticked
    "high_risk",  # Art. 6(1) or Art. 6(2)
    "high_risk_annex_iii",  # high-risk through Art. 6(2), Annex III (registration, informing affected people)
    "art6_3_exception",  # Annex III area, but an Art. 6(3) exception applies
    "fria",  # high-risk and Art. 27 requires a fundamental-rights impact assessment
    "art50_interaction", "art50_synthetic", "art50_emotion", "art50_deep_fake", "art50_public_text",
    "gpai_provider", "gpai_systemic",
)

# The AI Act questionnaire's question ids and the option ids the rules read.
Q_ROLE = "aia.role"
Q_PROHIBITED = "aia.prohibited"
Q_ANNEX_I = "aia.annex_i"
Q_ANNEX_III = "aia.annex_iii"
Q_PROFILING = "aia.profiling"
Q_EXCEPTION = "aia.art6_3"
Q_PUBLIC = "aia.public_service"
Q_TRANSPARENCY = "aia.art50"
Q_GPAI = "aia.gpai"
Q_MET = "aia.obligations_met"

REQUIRED_OPTIONS: dict[str, tuple[str, ...]] = {
    Q_ROLE: AI_ACT_ROLES,
    Q_PROHIBITED: ("manipulation", "vulnerabilities", "social_scoring", "crime_prediction", "face_scraping",
                   "emotion_work_education", "biometric_categorisation", "realtime_rbi", "none"),
    Q_ANNEX_I: ("yes", "no"),
    Q_ANNEX_III: ("biometrics", "critical_infrastructure", "education", "employment", "public_benefits",
                  "creditworthiness", "life_health_insurance", "emergency_calls", "law_enforcement",
                  "migration", "justice_democracy", "none"),
    Q_PROFILING: ("yes", "no"),
    Q_EXCEPTION: ("narrow_procedural", "improves_human", "detects_patterns", "preparatory", "none"),
    Q_PUBLIC: ("yes", "no"),
    Q_TRANSPARENCY: ("interaction", "synthetic", "emotion", "deep_fake", "public_text", "none"),
    Q_GPAI: ("none", "uses", "provides", "provides_systemic"),
}


@dataclass(frozen=True, slots=True)
class Obligation:
    """One duty of the AI Act, for some roles, from a date."""

    id: str
    article: str
    title: Text
    why: Text
    triggers: tuple[str, ...]
    roles: tuple[str, ...]
    applies_from: str  # ISO date
    applies_from_annex_i: str  # ISO date when high-risk through Art. 6(1); "" = same as applies_from
    owner_role: str
    effort: str


@dataclass(frozen=True, slots=True)
class ObligationSet:
    version: str
    source: Text  # the legal text the dates come from
    as_of: str  # ISO date the dates were last checked against the law
    note: Text
    obligations: tuple[Obligation, ...]

    def get(self, obligation_id: str) -> Obligation | None:
        return next((o for o in self.obligations if o.id == obligation_id), None)


@dataclass(frozen=True, slots=True)
class Area:
    """A part of a framework coverage is reported for (a NIST category, an Annex A clause, an article)."""

    id: str
    name: Text
    controls: tuple[str, ...]  # the subcategories / controls / paragraphs links may name


@dataclass(frozen=True, slots=True)
class Framework:
    id: str
    name: Text
    source: str
    areas: tuple[Area, ...]

    def area_of(self, control: str) -> Area | None:
        return next((a for a in self.areas if control == a.id or control in a.controls), None)


@dataclass(frozen=True, slots=True)
class Link:
    """One question (or every question of a dimension) evidencing framework controls."""

    question: str
    dimension: str
    targets: tuple[tuple[str, tuple[str, ...]], ...]  # (framework id, control ids)
    rationale: Text


@dataclass(frozen=True, slots=True)
class Crosswalk:
    version: str
    as_of: str
    frameworks: tuple[Framework, ...]
    links: tuple[Link, ...]

    def framework(self, framework_id: str) -> Framework | None:
        return next((f for f in self.frameworks if f.id == framework_id), None)


@dataclass(frozen=True, slots=True)
class Regulation:
    obligations: ObligationSet | None = None
    crosswalk: Crosswalk | None = None


# --------------------------------------------------------------------------- parsing


def regulation_format(source: str) -> str:
    """The regulation format named in a file's header, or "" for any other file."""
    head = source.split("\n[", 1)[0]
    for fmt in (OBLIGATIONS_FORMAT, CROSSWALK_FORMAT):
        if fmt in head:
            return fmt
    return ""


def _date(c: Any, data: Mapping[str, Any], key: str, place: str, *, required: bool = True) -> str:
    raw = data.get(key)
    if raw is None and not required:
        return ""
    if isinstance(raw, _dt.date):  # TOML local dates arrive as date objects
        return raw.isoformat()
    if isinstance(raw, str):
        try:
            return _dt.date.fromisoformat(raw).isoformat()
        except ValueError:
            pass
    c.add(place, key, "must be a date like 2026-08-02")
    return ""


def _ids(c: Any, data: Mapping[str, Any], key: str, place: str, allowed: Iterable[str] | None = None) -> tuple[str, ...]:
    raw = data.get(key, [])
    if not isinstance(raw, list) or not all(isinstance(x, str) and x for x in raw):
        c.add(place, key, "must be a list of ids")
        return ()
    if allowed is not None:
        allowed = tuple(allowed)
        for x in raw:
            if x not in allowed:
                c.add(place, key, f"unknown {x!r}; allowed: {', '.join(allowed)}")
    return tuple(raw)


def _items(c: Any, data: Mapping[str, Any], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    raw = data.get(key, [])
    out: list[tuple[str, Mapping[str, Any]]] = []
    if not isinstance(raw, list):
        c.add("", key, "must be a list of tables")
        return out
    for i, r in enumerate(raw):
        if not isinstance(r, Mapping):
            c.add(f"{key}[{i}]", "", "must be a table")
            continue
        rid = r.get("id") or r.get("question") or r.get("dimension")
        out.append((str(rid) if isinstance(rid, str) and rid else f"{key}[{i}]", r))
    return out


def parse_obligations(source: str, path: str = "<obligations>") -> tuple[ObligationSet | None, list[Problem]]:
    from readiness_app.questionnaire.loader import Text as _Text
    from readiness_app.questionnaire.loader import _Collector, _parse_toml

    c = _Collector(path)
    data = _parse_toml(Path(path), source, c)
    if data is None:
        return None, c.problems
    if data.get("format") != OBLIGATIONS_FORMAT:
        c.add("", "format", f"must be {OBLIGATIONS_FORMAT!r}")
        return None, c.problems
    c.unknown_keys(data, ("format", "version", "source", "as_of", "note", "obligations"), "")
    obligations: list[Obligation] = []
    seen: set[str] = set()
    for place, r in _items(c, data, "obligations"):
        c.unknown_keys(r, ("id", "article", "title", "why", "triggers", "roles", "applies_from",
                           "applies_from_annex_i", "owner_role", "effort"), place)
        oid = c.string(r, "id", place)
        if oid in seen:
            c.add(place, "id", "duplicate obligation id")
        seen.add(oid)
        triggers = _ids(c, r, "triggers", place, TRIGGERS)
        roles = _ids(c, r, "roles", place, AI_ACT_ROLES)
        if not triggers:
            c.add(place, "triggers", "needs at least one trigger")
        if not roles:
            c.add(place, "roles", "needs at least one role")
        obligations.append(Obligation(
            id=oid, article=c.string(r, "article", place), title=c.text(r, "title", place),
            why=c.text(r, "why", place), triggers=triggers, roles=roles,
            applies_from=_date(c, r, "applies_from", place),
            applies_from_annex_i=_date(c, r, "applies_from_annex_i", place, required=False),
            owner_role=c.choice(r, "owner_role", place, ROLES), effort=c.choice(r, "effort", place, EFFORTS),
        ))
    if not obligations:
        c.add("", "obligations", "needs at least one [[obligations]] entry")
    return ObligationSet(
        version=c.string(data, "version", ""),
        source=_Text(raw, raw) if isinstance(raw := data.get("source"), str) and raw else c.text(data, "source", ""),
        as_of=_date(c, data, "as_of", ""), note=c.text(data, "note", ""), obligations=tuple(obligations),
    ), c.problems


def parse_crosswalk(source: str, path: str = "<crosswalk>") -> tuple[Crosswalk | None, list[Problem]]:
    from readiness_app.questionnaire.loader import _Collector, _parse_toml

    c = _Collector(path)
    data = _parse_toml(Path(path), source, c)
    if data is None:
        return None, c.problems
    if data.get("format") != CROSSWALK_FORMAT:
        c.add("", "format", f"must be {CROSSWALK_FORMAT!r}")
        return None, c.problems
    c.unknown_keys(data, ("format", "version", "as_of", "frameworks", "links"), "")
    frameworks: list[Framework] = []
    for place, r in _items(c, data, "frameworks"):
        c.unknown_keys(r, ("id", "name", "source", "areas"), place)
        fid = c.choice(r, "id", place, FRAMEWORKS)
        areas: list[Area] = []
        known: set[str] = set()
        for aplace, ra in _items(c, r, "areas"):
            aplace = f"{fid}.{aplace}"
            c.unknown_keys(ra, ("id", "name", "controls"), aplace)
            aid = c.string(ra, "id", aplace)
            controls = _ids(c, ra, "controls", aplace)
            for x in (aid, *controls):
                if x in known:
                    c.add(aplace, "controls", f"{x!r} is listed twice in {fid}")
                known.add(x)
            areas.append(Area(aid, c.text(ra, "name", aplace), controls))
        if not areas:
            c.add(place, "areas", "needs at least one area")
        frameworks.append(Framework(fid, c.text(r, "name", place), c.string(r, "source", place), tuple(areas)))
    got = [f.id for f in frameworks]
    for fid in FRAMEWORKS:
        if got.count(fid) != 1:
            c.add("", "frameworks", f"needs exactly one [[frameworks]] entry with id {fid!r}")
    by_id = {f.id: f for f in frameworks}
    links: list[Link] = []
    for place, r in _items(c, data, "links"):
        c.unknown_keys(r, ("question", "dimension", "rationale", *FRAMEWORKS), place)
        question = r.get("question", "")
        dimension = r.get("dimension", "")
        if not isinstance(question, str) or not isinstance(dimension, str) or bool(question) == bool(dimension):
            c.add(place, "question", "a link names exactly one 'question' or one 'dimension'")
            question, dimension = str(question or ""), str(dimension or "")
        targets: list[tuple[str, tuple[str, ...]]] = []
        for fid in FRAMEWORKS:
            if fid not in r:
                continue
            controls = _ids(c, r, fid, place)
            fw = by_id.get(fid)
            for x in controls:
                if fw is not None and fw.area_of(x) is None:
                    c.add(place, fid, f"unknown {fid} control {x!r}")
            if controls:
                targets.append((fid, controls))
        if not targets:
            c.add(place, "", f"names no control of {', '.join(FRAMEWORKS)}")
        links.append(Link(question, dimension, tuple(targets), c.text(r, "rationale", place)))
    return Crosswalk(c.string(data, "version", ""), _date(c, data, "as_of", ""), tuple(frameworks),
                     tuple(links)), c.problems


def parse_regulation(sources: Iterable[tuple[str, str]]) -> tuple[Regulation | None, list[Problem]]:
    """Parse (path, text) pairs of regulation files into one :class:`Regulation`."""
    problems: list[Problem] = []
    obligations: ObligationSet | None = None
    crosswalk: Crosswalk | None = None
    any_file = False
    for path, text in sources:
        fmt = regulation_format(text)
        any_file = True
        if fmt == OBLIGATIONS_FORMAT:
            if obligations is not None:
                problems.append(Problem(path, "", "format", "a second obligations file (only one is allowed)"))
            obligations, probs = parse_obligations(text, path)
        elif fmt == CROSSWALK_FORMAT:
            if crosswalk is not None:
                problems.append(Problem(path, "", "format", "a second crosswalk file (only one is allowed)"))
            crosswalk, probs = parse_crosswalk(text, path)
        else:
            probs = [Problem(path, "", "format", f"must be {OBLIGATIONS_FORMAT!r} or {CROSSWALK_FORMAT!r}")]
        problems.extend(probs)
    if not any_file:
        return None, problems
    return Regulation(obligations, crosswalk), problems


# --------------------------------------------------------------------------- cross-checks


def check_regulation(library: Library, paths: Mapping[str, str] | None = None) -> list[Problem]:
    """Hold the regulation data and the AI Act questionnaire to each other and to the questions."""
    problems: list[Problem] = []
    reg = library.regulation
    paths = paths or {}
    regulation_qns = library.by_kind("regulation")
    if regulation_qns and (reg is None or reg.obligations is None):
        qn = regulation_qns[0]
        problems.append(Problem(qn.path or qn.id, qn.id, "", "an AI Act questionnaire needs the obligations file "
                                f"({REGULATION_FOLDER}/*.toml with format {OBLIGATIONS_FORMAT!r})"))
    for qn in regulation_qns:
        path = qn.path or qn.id
        ids = {q.id for q in qn.questions}
        for qid, options in REQUIRED_OPTIONS.items():
            q = library.question(qid)
            if qid not in ids or q is None:
                problems.append(Problem(path, qid, "id", "the AI Act rules read this question; it is missing"))
                continue
            have = {o.id for o in q.options}
            for o in options:
                if o not in have:
                    problems.append(Problem(path, qid, "options", f"the AI Act rules read option {o!r}; it is missing"))
            for o in sorted(have - set(options)):
                problems.append(Problem(path, qid, "options", f"option {o!r} is not read by the AI Act rules"))
        met = library.question(Q_MET)
        if met is None or met.questionnaire_id != qn.id:
            problems.append(Problem(path, Q_MET, "id", "the checklist of obligations already met is missing"))
        elif reg is not None and reg.obligations is not None:
            want = [o.id for o in reg.obligations.obligations]
            have_opts = [o.id for o in met.options]
            for o in want:
                if o not in have_opts:
                    problems.append(Problem(path, Q_MET, "options", f"obligation {o!r} has no option"))
            for o in have_opts:
                if o not in want:
                    problems.append(Problem(path, Q_MET, "options", f"option {o!r} is no obligation"))
    if reg is None or reg.crosswalk is None:
        return problems
    cw = reg.crosswalk
    path = paths.get("crosswalk", "crosswalk")
    named: dict[str, set[str]] = {f.id: set() for f in cw.frameworks}
    for link in cw.links:
        place = link.question or link.dimension
        if link.question:
            q = library.question(link.question)
            if q is None:
                problems.append(Problem(path, place, "question", f"unknown question {link.question!r}"))
            elif not q.scored or q.polarity == "negative":
                problems.append(Problem(path, place, "question",
                                        "only scored questions with positive polarity can evidence a control"))
        elif link.dimension not in library.dimensions:
            problems.append(Problem(path, place, "dimension", f"unknown dimension {link.dimension!r}"))
        elif not any(q.dimension == link.dimension and q.scored for q in library.iter_questions()):
            problems.append(Problem(path, place, "dimension", "no scored question has this dimension"))
        for fid, controls in link.targets:
            fw = cw.framework(fid)
            for x in controls:
                area = fw.area_of(x) if fw else None
                if area is not None:
                    named[fid].add(area.id)
    for fw in cw.frameworks:
        for area in fw.areas:
            if area.id not in named.get(fw.id, set()):
                problems.append(Problem(path, f"{fw.id}.{area.id}", "links", "no link names this area"))
    return problems


def link_questions(library: Library, link: Link) -> tuple[str, ...]:
    """The scored question ids a link stands for (its question, or every one of its dimension)."""
    if link.question:
        return (link.question,) if library.question(link.question) is not None else ()
    return tuple(q.id for q in library.iter_questions() if q.dimension == link.dimension and q.scored)
