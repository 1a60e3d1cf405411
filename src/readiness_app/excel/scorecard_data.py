"""The scorecard's hidden data: what the round trip needs to rebuild the assessment exactly.

By default the workbook carries the answers, participants, use cases, targets and roadmap
edits, and only the ids, versions and fingerprints of the questionnaires; their texts (the
firm's question, guidance and action library) stay at the firm, as long as the installed
questionnaires can supply them on import (an adapted questionnaire travels with its texts,
or the round trip could not be exact). ``include_library=True`` always embeds the texts,
``False`` never does. Importing a scorecard without the texts takes them from
the installed questionnaires when every fingerprint matches, and says which one is missing
otherwise.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, fields
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from readiness_app import __version__
from readiness_app.errors import ReadinessError
from readiness_app.excel.plan import ImportPlan, PlannedAnswer
from readiness_app.excel.workbook_io import DATA_SHEET, WorkbookReader, import_error, read_data_sheet
from readiness_app.messages import msg
from readiness_app.model import Answer, Engagement, Participant, RoadmapEdit, UseCase
from readiness_app.questionnaire.loader import Library, library_from_sources

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.store.assessment_file import AssessmentFile

SCORECARD_FORMAT = "readiness-scorecard/1"
ANSWER_FIELDS = ("question_id", "scope", "participant_id", "value", "not_applicable", "note", "questionnaire_id",
                 "questionnaire_version", "author", "updated_at", "source")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def installed_match(library: Library) -> bool:
    """Whether every questionnaire and the reference library are the installed ones (same fingerprint)."""
    from readiness_app.questionnaire.loader import load_library

    try:
        installed = load_library()
    except (ReadinessError, OSError):  # no usable installed library: the texts must travel
        return False
    shas = {qn.sha256 for qn in installed.questionnaires}
    return (all(qn.sha256 in shas for qn in library.questionnaires)
            and _digest(installed.library_source) == _digest(library.library_source))


def library_record(library: Library, include_texts: bool | None) -> dict[str, Any]:
    """The questionnaires behind the answers: their sources, or only ids, versions and fingerprints.

    ``None`` (the default setting): the texts only when the installed questionnaires cannot supply
    them on import (an adapted questionnaire); ``False``: never; ``True``: always."""
    if include_texts is None:
        include_texts = not installed_match(library)
    if include_texts:
        return {"questionnaires": [qn.source for qn in library.questionnaires], "library": library.library_source}
    return {"refs": [{"id": qn.id, "version": qn.version, "sha256": qn.sha256} for qn in library.questionnaires],
            "library_version": library.library_version, "library_sha256": _digest(library.library_source)}


def scorecard_records(af: AssessmentFile, library: Library, engagement: Engagement,
                      participants: list[Participant], use_cases: list[UseCase], answers: list[Answer],
                      include_library: bool | None) -> dict[str, Any]:
    from readiness_app.followup.baseline import BASELINE_META_KEYS  # a follow-up keeps its baseline

    return {
        "assessment": {"id": af.meta().get("assessment_id", ""), "app": __version__,
                       "exported_at": datetime.now(UTC).isoformat(timespec="seconds")},
        "engagement": asdict(engagement),
        "participants": [asdict(p) for p in participants],
        "use_cases": [asdict(u) for u in use_cases],
        "answer_fields": list(ANSWER_FIELDS),
        "answers": [[getattr(a, f) for f in ANSWER_FIELDS] for a in answers],
        "targets": af.targets(),
        "roadmap_edits": [asdict(e) for e in af.roadmap_edits()],
        "meta": {k: v for k, v in af.meta().items() if k in BASELINE_META_KEYS},
        "library": library_record(library, include_library),
    }


def _library_of(record: dict[str, Any], rd: WorkbookReader) -> Library:
    if "questionnaires" in record:
        return library_from_sources(record["questionnaires"], record["library"], rd.name)
    from readiness_app.questionnaire.loader import load_library

    installed = load_library()
    by_sha = {qn.sha256: qn for qn in installed.questionnaires}
    sources: list[str] = []
    for ref in record["refs"]:
        qn = by_sha.get(str(ref["sha256"]))
        if qn is None:
            raise import_error(rd.path, msg(
                "the scorecard carries no questionnaire texts and questionnaire {id} version {version} is not "
                "installed here; export it again with the questionnaire library included",
                id=str(ref["id"]), version=str(ref["version"])), sheet=DATA_SHEET)
        sources.append(qn.source)
    if _digest(installed.library_source) != record["library_sha256"]:
        raise import_error(rd.path, msg(
            "the scorecard carries no questionnaire texts and reference library version {version} is not "
            "installed here; export it again with the questionnaire library included",
            version=str(record.get("library_version", ""))), sheet=DATA_SHEET)
    return library_from_sources(sources, installed.library_source, rd.name)


def read_scorecard(rd: WorkbookReader) -> ImportPlan:
    """Plan rebuilding the assessment a scorecard was exported from (exactly, from its hidden data)."""
    from readiness_app.followup.baseline import BASELINE_META_KEYS

    _fmt, data = read_data_sheet(rd)
    try:
        lib = _library_of(data["library"], rd)
        engagement = Engagement(**data["engagement"])
        participants = [Participant(**p) for p in data["participants"]]
        use_cases = [UseCase(**u) for u in data["use_cases"]]
        names = data["answer_fields"]
        if tuple(names) == ANSWER_FIELDS == tuple(f.name for f in fields(Answer)):
            answers = [Answer(*row) for row in data["answers"]]  # the same order: no dict per answer
        else:
            answers = [Answer(**dict(zip(names, row, strict=True))) for row in data["answers"]]
        targets = {str(k): int(v) for k, v in data["targets"].items()}
        edits = [RoadmapEdit(**e) for e in data["roadmap_edits"]]
        meta = {str(k): str(v) for k, v in (data.get("meta") or {}).items() if k in BASELINE_META_KEYS}
    except (KeyError, TypeError, ValueError) as exc:
        raise import_error(rd.path, msg("the scorecard's hidden data is incomplete ({detail})", detail=str(exc)),
                           sheet=DATA_SHEET) from exc
    p_names = {p.id: p.name for p in participants}
    uc_names = {u.id: u.name for u in use_cases}
    planned = [PlannedAnswer(a, DATA_SHEET, 0, "", "", "scorecard", 1.0, p_names.get(a.participant_id, ""),
                             uc_names.get(a.scope, "")) for a in answers]
    return ImportPlan(source=rd.path, kind="scorecard", library=lib, engagement=engagement,
                      participants=participants, use_cases=use_cases, answers=planned, targets=targets,
                      roadmap_edits=edits, sheets=[DATA_SHEET], rows_read=len(answers),
                      assessment_id=str(data.get("assessment", {}).get("id", "")), meta=meta)
