"""Framework coverage: how far the room's answers evidence NIST AI RMF, ISO/IEC 42001 and the AI Act.

Pure. For every area of a framework (a NIST AI RMF category, an ISO/IEC 42001 Annex A clause,
an AI Act article) the crosswalk names the questions behind it; their answers give the area a
status (docs/scoring.md, "Framework coverage"):

* ``not_assessed``: none of its questions is answered;
* ``evidenced``: the answered questions average at least ``EVIDENCED_AT`` (0-4 scale);
* ``partial``: they average at least ``PARTIAL_AT``;
* ``gap``: below that.

A use-case question counts with its mean over the use cases that answered it. A framework's
``coverage`` is (evidenced + half of partial) / all its areas, from 0 to 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Library, Text
from readiness_app.questionnaire.regulation import FRAMEWORKS, Crosswalk, link_questions
from readiness_app.scoring.results import QuestionConsensus

EVIDENCED_AT = 3.0  # an area whose answered questions average at least this (0..4) is evidenced
PARTIAL_AT = 1.5  # ... at least this: partial; below: gap
PARTIAL_CREDIT = 0.5  # a partial area counts half towards coverage

AreaStatus = Literal["evidenced", "partial", "gap", "not_assessed"]
STATUSES: tuple[str, ...] = ("evidenced", "partial", "gap", "not_assessed")
STATUS_LABELS: dict[str, Text] = {
    "evidenced": Text("Evidenced", "Belegt"),
    "partial": Text("Partial", "Teilweise"),
    "gap": Text("Gap", "Lücke"),
    "not_assessed": Text("Not assessed", "Nicht bewertet"),
}

Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class AreaCoverage:
    id: str
    name: Text
    status: str  # evidenced | partial | gap | not_assessed
    questions: tuple[str, ...]  # every question behind the area, in crosswalk order
    mean: float | None  # the answered questions' mean, 0..4
    controls: tuple[str, ...]  # the subcategories / controls / articles the links name
    rationales: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class FrameworkResult:
    id: str
    name: Text
    coverage: float  # 0..1
    areas: tuple[AreaCoverage, ...]

    def count(self, status: str) -> int:
        return sum(1 for a in self.areas if a.status == status)


@dataclass(frozen=True, slots=True)
class FrameworkCoverage:
    nist_ai_rmf: FrameworkResult
    iso_iec_42001: FrameworkResult
    eu_ai_act: FrameworkResult

    def frameworks(self) -> tuple[FrameworkResult, ...]:
        return (self.nist_ai_rmf, self.iso_iec_42001, self.eu_ai_act)


def status_of(mean: float | None) -> str:
    if mean is None:
        return "not_assessed"
    if mean >= EVIDENCED_AT:
        return "evidenced"
    if mean >= PARTIAL_AT:
        return "partial"
    return "gap"


def coverage_of(statuses: Iterable[str]) -> float:
    statuses = list(statuses)
    if not statuses:
        return 0.0
    points = sum(1.0 if s == "evidenced" else PARTIAL_CREDIT if s == "partial" else 0.0 for s in statuses)
    return points / len(statuses)


def question_value(library: Library, question_id: str, consensus: Mapping[Key, QuestionConsensus],
                   use_case_ids: Iterable[str]) -> float | None:
    """The room's 0..4 answer (organisation question) or its mean over the use cases that answered."""
    q = library.question(question_id)
    if q is None:
        return None
    scopes = [ORGANISATION] if q.scope == "organisation" else list(use_case_ids)
    values = [c.numeric for s in scopes
              if (c := consensus.get((question_id, s))) is not None and not c.not_applicable and c.numeric is not None]
    return sum(values) / len(values) if values else None


@dataclass(frozen=True, slots=True)
class _PlannedArea:
    id: str
    name: Text
    questions: tuple[str, ...]
    controls: tuple[str, ...]
    rationales: tuple[Text, ...]


CoveragePlan = dict[str, tuple[Text, tuple[_PlannedArea, ...]]]  # framework id -> (name, areas)


def coverage_plan(library: Library) -> CoveragePlan:
    """What the crosswalk puts behind every area; depends on the library only (the engine keeps it)."""
    crosswalk = library.regulation.crosswalk if library.regulation is not None else None
    return {fid: _plan(library, crosswalk, fid) for fid in FRAMEWORKS}


def framework_coverage(library: Library, consensus: Mapping[Key, QuestionConsensus],
                       use_case_ids: Iterable[str], plan: CoveragePlan | None = None) -> FrameworkCoverage:
    plan = plan if plan is not None else coverage_plan(library)
    ucs = tuple(use_case_ids)
    values: dict[str, float | None] = {}
    results: dict[str, FrameworkResult] = {}
    for fid in FRAMEWORKS:
        name, planned = plan[fid]
        areas: list[AreaCoverage] = []
        for a in planned:
            answered = []
            for q in a.questions:
                if q not in values:
                    values[q] = question_value(library, q, consensus, ucs)
                v = values[q]
                if v is not None:
                    answered.append(v)
            mean = sum(answered) / len(answered) if answered else None
            areas.append(AreaCoverage(a.id, a.name, status_of(mean), a.questions, mean, a.controls, a.rationales))
        results[fid] = FrameworkResult(fid, name, coverage_of(a.status for a in areas), tuple(areas))
    return FrameworkCoverage(results["nist_ai_rmf"], results["iso_iec_42001"], results["eu_ai_act"])


_NAMES = {
    "nist_ai_rmf": Text("NIST AI RMF 1.0", "NIST AI RMF 1.0"),
    "iso_iec_42001": Text("ISO/IEC 42001:2023 Annex A", "ISO/IEC 42001:2023 Anhang A"),
    "eu_ai_act": Text("EU AI Act", "KI-Verordnung (EU)"),
}


def _plan(library: Library, crosswalk: Crosswalk | None, fid: str) -> tuple[Text, tuple[_PlannedArea, ...]]:
    fw = crosswalk.framework(fid) if crosswalk is not None else None
    if crosswalk is None or fw is None:
        return _NAMES[fid], ()
    behind: dict[str, list[str]] = {a.id: [] for a in fw.areas}
    controls: dict[str, list[str]] = {a.id: [] for a in fw.areas}
    why: dict[str, list[Text]] = {a.id: [] for a in fw.areas}
    for link in crosswalk.links:
        qids = link_questions(library, link)
        for target_fid, names in link.targets:
            if target_fid != fid:
                continue
            for name in names:
                area = fw.area_of(name)
                if area is None:
                    continue
                behind[area.id].extend(q for q in qids if q not in behind[area.id])
                if name not in controls[area.id]:
                    controls[area.id].append(name)
                if link.rationale not in why[area.id]:
                    why[area.id].append(link.rationale)
    return fw.name, tuple(_PlannedArea(a.id, a.name, tuple(behind[a.id]), tuple(controls[a.id]), tuple(why[a.id]))
                          for a in fw.areas)
