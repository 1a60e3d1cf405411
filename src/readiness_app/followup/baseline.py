"""Follow-up assessments: start a new assessment from a baseline and measure the movement.

The playbook's rhythm is a baseline first, then monthly and quarterly reviews. A follow-up is
an ordinary assessment file that also holds, in its ``meta`` table, the link to its baseline
and a frozen snapshot of the baseline's results, so the comparison works even when the
baseline file has been moved or deleted. No Qt; the UI, Excel and PDF call the functions below.

API
---
``start_followup(baseline_path, new_path, *, prefill=False, author="", library=None) -> None``
    Write a new assessment at ``new_path`` (refuses to overwrite): the baseline's engagement
    (workshop dates and engagement notes cleared: they describe a session), its participants
    and use cases with the same ids, names, roles and positions, its maturity targets, and
    the **current bundled questionnaires** (``library`` overrides them, e.g. with the
    baseline's own ``AssessmentFile.library()``). Answers start empty; with ``prefill`` every
    baseline *vote* is copied as a consensus-free starting vote (``source`` =
    ``"baseline: <file name>"``, notes dropped). Recorded consensus answers are never copied:
    the room agrees again. Votes whose question or option no longer exists are skipped.
    Raises :class:`~readiness_app.errors.AssessmentFileError` for unreadable baselines or an
    existing target.

``baseline_of(af) -> BaselineSnapshot | None``
    The baseline stored in an open assessment (``None`` for a first assessment).

``compare(current_results, baseline_snapshot, *, roadmap_edits=()) -> Movement``
    Pure: movement per maturity dimension, per use case, per baseline metric, and which of
    the baseline's roadmap actions were done.

``movement_of(af, results=None) -> Movement | None``
    The one call a dashboard, scorecard or report needs: scores ``af`` (unless ``results``
    are given) and compares with its stored baseline.

``mark_done(af, item_key, done=True) -> RoadmapEdit``
    Record that an earlier roadmap action was done: a roadmap edit ``op="edit"``,
    ``payload={"done": true}`` (undo with ``af.remove_roadmap_edit(edit.id)``).

Stored link (``meta`` keys)
---------------------------
``baseline_assessment_id``
    the baseline's ``assessment_id``;
``baseline_file``
    the baseline's absolute path when the follow-up was started;
``baseline_results``
    JSON, format ``readiness-baseline/1``: ``assessment_id``, ``file`` (name only),
    ``workshop_start``/``workshop_end``, ``taken_at``, ``results`` (the
    :func:`readiness_app.scoring.to_json` payload of the baseline, with individual votes,
    notes and not-applicable reasons left out: the snapshot is for comparison, the detail
    stays in the baseline file), ``roadmap`` (key, action id, title, phase, owner role of each
    item), ``metrics`` (every number question of the baseline questionnaires, per scope:
    question id, scope, scope name, text, unit, polarity, value);
``followup_prefill``
    JSON ``{"votes": copied, "skipped": skipped}`` when ``prefill`` was used.

Done actions
------------
An earlier action counts as done when the latest roadmap edit of its key in the follow-up
carrying ``"done"`` says ``true``. Most done actions are no longer generated (their gap has
closed), so scoring keeps such edits aside as ``orphan_edits``; :func:`compare` reads the
edits themselves. Items still on the plan also show ``RoadmapItem.done``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from readiness_app.errors import AssessmentFileError
from readiness_app.messages import msg
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, RoadmapEdit
from readiness_app.questionnaire.loader import SCALE_MAX, Library, Question, Text
from readiness_app.scoring import Results, build_input, score, to_json
from readiness_app.store.assessment_file import AssessmentFile

SNAPSHOT_FORMAT = "readiness-baseline/1"
META_BASELINE_ID = "baseline_assessment_id"
META_BASELINE_FILE = "baseline_file"
META_BASELINE_RESULTS = "baseline_results"
META_PREFILL = "followup_prefill"
BASELINE_META_KEYS = (META_BASELINE_ID, META_BASELINE_FILE, META_BASELINE_RESULTS, META_PREFILL)

Presence = Literal["both", "new", "dropped"]

_SLIM_CONSENSUS = ("votes", "notes", "na_reason")


# --------------------------------------------------------------------------- snapshot


@dataclass(frozen=True, slots=True)
class SnapshotAction:
    """One item of the baseline's 90-day roadmap."""

    key: str
    action_id: str | None
    title: Text
    phase: int
    owner_role: str


@dataclass(frozen=True, slots=True)
class SnapshotMetric:
    """One baseline metric (a number question of a ``baseline`` questionnaire) in one scope."""

    question_id: str
    scope: str
    scope_name: str  # "" for the organisation, else the use case's name
    text: Text
    unit: Text
    polarity: str  # "negative": lower is better
    value: float | None


@dataclass(frozen=True, slots=True)
class BaselineSnapshot:
    """The frozen baseline stored in a follow-up (``meta["baseline_results"]``)."""

    assessment_id: str
    file: str  # file name of the baseline when the follow-up was started
    workshop_start: str
    workshop_end: str
    taken_at: str
    results: Mapping[str, Any]  # the readiness-results/1 payload (slimmed)
    roadmap: tuple[SnapshotAction, ...]
    metrics: tuple[SnapshotMetric, ...]

    def to_json(self) -> str:
        return json.dumps({
            "format": SNAPSHOT_FORMAT,
            "assessment_id": self.assessment_id,
            "file": self.file,
            "workshop_start": self.workshop_start,
            "workshop_end": self.workshop_end,
            "taken_at": self.taken_at,
            "results": self.results,
            "roadmap": [{"key": a.key, "action_id": a.action_id, "title": _text_json(a.title),
                         "phase": a.phase, "owner_role": a.owner_role} for a in self.roadmap],
            "metrics": [{"question_id": m.question_id, "scope": m.scope, "scope_name": m.scope_name,
                         "text": _text_json(m.text), "unit": _text_json(m.unit), "polarity": m.polarity,
                         "value": m.value} for m in self.metrics],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> BaselineSnapshot:
        """Parse a stored snapshot; raises ``ValueError`` when it is not one."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"the stored baseline is not valid JSON ({exc})") from exc
        if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
            raise ValueError(f"the stored baseline is not in format {SNAPSHOT_FORMAT!r}")
        try:
            return cls(
                assessment_id=str(data["assessment_id"]), file=str(data.get("file", "")),
                workshop_start=str(data.get("workshop_start", "")),
                workshop_end=str(data.get("workshop_end", "")), taken_at=str(data.get("taken_at", "")),
                results=data["results"],
                roadmap=tuple(SnapshotAction(str(a["key"]), a.get("action_id"), _text(a["title"]),
                                             int(a["phase"]), str(a.get("owner_role", "")))
                              for a in data["roadmap"]),
                metrics=tuple(SnapshotMetric(str(m["question_id"]), str(m["scope"]), str(m.get("scope_name", "")),
                                             _text(m["text"]), _text(m.get("unit")), str(m.get("polarity", "positive")),
                                             _float(m.get("value")))
                              for m in data["metrics"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"the stored baseline is incomplete ({exc!r})") from exc


def take_snapshot(af: AssessmentFile, results: Results | None = None, *,
                  taken_at: str | None = None) -> BaselineSnapshot:
    """Freeze an open assessment's scored results as a baseline."""
    library = af.library()
    results = results if results is not None else score(build_input(af))
    payload = json.loads(to_json(results, indent=None))
    body = payload["results"]
    for entry in (*body.get("consensus", ()), *body.get("disagreements", ())):
        for key in _SLIM_CONSENSUS:
            entry.pop(key, None)
    engagement = af.engagement()
    use_case_names = {u.id: u.name for u in af.use_cases()}
    roadmap = tuple(SnapshotAction(i.key, i.action_id, i.title, i.phase, i.owner_role)
                    for i in results.roadmap.items)
    metrics: list[SnapshotMetric] = []
    for q in _baseline_metrics(library):
        scopes = [ORGANISATION] if q.scope == "organisation" else list(use_case_names)
        for scope in scopes:
            c = results.consensus_for(q.id, scope)
            value = None if c is None or c.not_applicable else c.numeric
            metrics.append(SnapshotMetric(q.id, scope, use_case_names.get(scope, ""), q.text,
                                          q.unit or Text("", ""), q.polarity, _round(value)))
    return BaselineSnapshot(
        assessment_id=af.meta().get("assessment_id", ""),
        file=af.path.name if af.path is not None else "",
        workshop_start=engagement.workshop_start, workshop_end=engagement.workshop_end,
        taken_at=taken_at or _now(), results=payload, roadmap=roadmap, metrics=tuple(metrics),
    )


def baseline_of(af: AssessmentFile) -> BaselineSnapshot | None:
    """The baseline stored in ``af`` (``None`` when it is not a follow-up).

    Raises :class:`~readiness_app.errors.AssessmentFileError` when the stored snapshot is damaged.
    """
    text = af.meta().get(META_BASELINE_RESULTS)
    if text is None:
        return None
    try:
        return BaselineSnapshot.from_json(text)
    except ValueError as exc:
        raise AssessmentFileError(msg("{detail}; start the follow-up again from the baseline file", detail=str(exc)),
                                  path=str(af.path)) from exc


# --------------------------------------------------------------------------- starting a follow-up


def start_followup(baseline_path: Path | str, new_path: Path | str, *, prefill: bool = False,
                   author: str = "", library: Library | None = None) -> None:
    """Create a follow-up assessment at ``new_path`` from the baseline at ``baseline_path``.

    See the module docstring. The new file is built beside the target and moved in place,
    so a failure never leaves half a file. The baseline is only read.
    """
    baseline_path = Path(baseline_path)
    new_path = Path(new_path)
    if new_path.exists():
        raise AssessmentFileError(msg("a file of this name already exists; choose another name"),
                                  path=str(new_path))
    if not new_path.parent.is_dir():
        raise AssessmentFileError(msg("the folder does not exist"), path=str(new_path.parent))
    if library is None:
        from readiness_app.questionnaire.loader import load_library

        library = load_library()

    with AssessmentFile.open_readonly(baseline_path) as base:
        snapshot = take_snapshot(base)
        engagement = replace(base.engagement(), workshop_start="", workshop_end="", notes="")
        participants = base.participants()
        use_cases = base.use_cases()
        targets = base.targets()
        answers = base.answers() if prefill else []
    votes = [a for a in answers if a.participant_id != CONSENSUS]
    voted = {(a.question_id, a.scope) for a in votes}
    consensus_only = sum(1 for a in answers if a.participant_id == CONSENSUS and (a.question_id, a.scope) not in voted)

    tmp = new_path.with_name(f".{new_path.name}.{os.getpid()}.building")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        af = AssessmentFile.create(tmp, library, engagement, author=author, lock=False)
        try:
            for p in participants:
                af.add_participant(p.name, p.role, p.organisation, participant_id=p.id, position=p.position)
            for u in use_cases:
                af.add_use_case(u.name, u.description, u.stage, use_case_id=u.id, position=u.position)
            for dimension, level in sorted(targets.items()):
                af.set_target(dimension, level)
            if prefill:
                source = f"baseline: {baseline_path.name}"
                use_case_ids = {u.id for u in use_cases}
                copied = [
                    Answer(a.question_id, a.scope, a.participant_id, a.value, a.not_applicable, note="",
                           author=author, source=source)
                    for a in votes if _fits(library, a, use_case_ids)
                ]
                af.set_answers(copied, action="followup-prefill")
                af.set_meta(META_PREFILL, json.dumps(
                    {"votes": len(copied), "skipped": len(votes) - len(copied) + consensus_only}))
            af.set_meta(META_BASELINE_ID, snapshot.assessment_id)
            af.set_meta(META_BASELINE_FILE, str(baseline_path.resolve()))
            af.set_meta(META_BASELINE_RESULTS, snapshot.to_json())
        finally:
            af.close()
        if new_path.exists():
            raise AssessmentFileError(msg("a file of this name appeared meanwhile; nothing was written"),
                                      path=str(new_path))
        os.replace(tmp, new_path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _fits(library: Library, a: Answer, use_case_ids: set[str]) -> bool:
    """Whether a baseline vote is still a valid answer under ``library``."""
    q = library.question(a.question_id)
    if q is None:
        return False
    if (a.scope == ORGANISATION) != (q.scope == "organisation"):
        return False
    if a.scope != ORGANISATION and a.scope not in use_case_ids:
        return False
    if a.not_applicable or a.value is None:
        return True
    v = a.value
    if q.type in ("scale", "number"):
        if isinstance(v, bool) or not isinstance(v, int | float):
            return False
        return q.type == "number" or (0 <= v <= SCALE_MAX and v == int(v))
    if q.type == "choice":
        return isinstance(v, str) and q.option(v) is not None
    if q.type == "checklist":
        return isinstance(v, list) and all(isinstance(o, str) and q.option(o) is not None for o in v)
    return isinstance(v, str)


# --------------------------------------------------------------------------- movement


@dataclass(frozen=True, slots=True)
class DimensionMovement:
    """A maturity dimension: score (1.0-4.0) and staged level (1-4), before and after."""

    dimension_id: str
    name: Text
    presence: Presence  # "new": only in the follow-up; "dropped": only in the baseline
    score_before: float | None
    score_after: float | None
    score_change: float | None
    level_before: int | None
    level_after: int | None
    level_change: int | None
    target: int | None  # the follow-up's target level


@dataclass(frozen=True, slots=True)
class UseCaseMovement:
    """A use case: priority (0-100), combined readiness (0-100) and rank, before and after."""

    use_case_id: str
    name: str
    presence: Presence
    priority_before: float | None
    priority_after: float | None
    priority_change: float | None
    readiness_before: float | None
    readiness_after: float | None
    readiness_change: float | None
    rank_before: int | None
    rank_after: int | None
    quadrant_before: str | None
    quadrant_after: str | None


@dataclass(frozen=True, slots=True)
class MetricMovement:
    """A baseline metric in one scope: the measured number before and after."""

    question_id: str
    scope: str
    scope_name: str
    text: Text
    unit: Text
    polarity: str
    before: float | None
    after: float | None
    change: float | None
    improved: bool | None  # None when unchanged or not measured both times


@dataclass(frozen=True, slots=True)
class ActionProgress:
    """One action of the baseline's roadmap and what became of it."""

    key: str
    action_id: str | None
    title: Text
    phase: int
    owner_role: str
    done: bool
    still_planned: bool  # the follow-up's roadmap still holds it


@dataclass(frozen=True, slots=True)
class Movement:
    baseline_assessment_id: str
    baseline_file: str
    baseline_workshop_start: str
    overall_score_before: float | None
    overall_score_after: float | None
    overall_score_change: float | None
    overall_level_before: int | None
    overall_level_after: int | None
    dimensions: tuple[DimensionMovement, ...]
    use_cases: tuple[UseCaseMovement, ...]  # in the follow-up's rank order, then dropped ones
    metrics: tuple[MetricMovement, ...]
    actions: tuple[ActionProgress, ...]  # the baseline roadmap, in its order

    @property
    def actions_done(self) -> int:
        return sum(1 for a in self.actions if a.done)


def compare(current_results: Results, baseline_snapshot: BaselineSnapshot, *,
            roadmap_edits: Iterable[RoadmapEdit] = ()) -> Movement:
    """Movement from the baseline to the current results (pure; see the module docstring).

    ``roadmap_edits``: the follow-up's stored edits (``af.roadmap_edits()``), needed to see
    done actions that the current roadmap no longer generates.
    """
    base = baseline_snapshot.results.get("results", {})
    base_mat = base.get("maturity", {}) or {}
    base_dims: dict[str, Mapping[str, Any]] = {d["dimension_id"]: d for d in base_mat.get("dimensions", ())}
    dims: list[DimensionMovement] = []
    seen: set[str] = set()
    for d in current_results.maturity.dimensions:
        seen.add(d.dimension_id)
        b = base_dims.get(d.dimension_id)
        before = _float((b.get("score") or {}).get("value")) if b else None
        after = _round(d.score.value)
        lb = int(b["staged_level"]) if b else None
        dims.append(DimensionMovement(d.dimension_id, d.name, "both" if b else "new", before, after,
                                      _diff(after, before), lb, d.staged_level,
                                      None if lb is None else d.staged_level - lb, d.target))
    for dim_id, b in base_dims.items():
        if dim_id not in seen:
            dims.append(DimensionMovement(dim_id, _text(b.get("name")), "dropped",
                                          _float((b.get("score") or {}).get("value")), None, None,
                                          int(b["staged_level"]), None, None, None))

    base_ucs: dict[str, Mapping[str, Any]] = {u["use_case_id"]: u for u in base.get("use_cases", ())}
    ucs: list[UseCaseMovement] = []
    seen = set()
    for u in current_results.use_cases:
        seen.add(u.use_case_id)
        b = base_ucs.get(u.use_case_id)
        pb = _float((b.get("priority") or {}).get("value")) if b else None
        rb = _float(b.get("readiness")) if b else None
        pa, ra = _round(u.priority.value), _round(u.readiness)
        ucs.append(UseCaseMovement(u.use_case_id, u.name, "both" if b else "new", pb, pa, _diff(pa, pb),
                                   rb, ra, _diff(ra, rb), int(b["rank"]) if b else None, u.rank,
                                   str(b["quadrant"]) if b else None, u.quadrant))
    for uc_id, b in base_ucs.items():
        if uc_id not in seen:
            ucs.append(UseCaseMovement(uc_id, str(b.get("name", "")), "dropped",
                                       _float((b.get("priority") or {}).get("value")), None, None,
                                       _float(b.get("readiness")), None, None, int(b["rank"]), None,
                                       str(b["quadrant"]), None))

    names = {u.use_case_id: u.name for u in current_results.use_cases}
    metrics: list[MetricMovement] = []
    for m in baseline_snapshot.metrics:
        c = current_results.consensus_for(m.question_id, m.scope)
        after = None if c is None or c.not_applicable else _round(c.numeric)
        change = _diff(after, m.value)
        improved = None if change is None or change == 0 else (change < 0) == (m.polarity == "negative")
        metrics.append(MetricMovement(m.question_id, m.scope, names.get(m.scope, m.scope_name), m.text, m.unit,
                                      m.polarity, m.value, after, change, improved))

    done = _done_keys(roadmap_edits)
    planned = {i.key: i for i in current_results.roadmap.items}
    actions = tuple(
        ActionProgress(a.key, a.action_id, a.title, a.phase, a.owner_role,
                       done.get(a.key, planned[a.key].done if a.key in planned else False), a.key in planned)
        for a in baseline_snapshot.roadmap
    )

    overall_before = _float(base_mat.get("overall_score"))
    overall_after = _round(current_results.maturity.overall_score)
    level_before = base_mat.get("overall_level")
    return Movement(
        baseline_assessment_id=baseline_snapshot.assessment_id, baseline_file=baseline_snapshot.file,
        baseline_workshop_start=baseline_snapshot.workshop_start,
        overall_score_before=overall_before, overall_score_after=overall_after,
        overall_score_change=_diff(overall_after, overall_before),
        overall_level_before=int(level_before) if level_before is not None else None,
        overall_level_after=current_results.maturity.overall_level,
        dimensions=tuple(dims), use_cases=tuple(ucs), metrics=tuple(metrics), actions=actions,
    )


def movement_of(af: AssessmentFile, results: Results | None = None) -> Movement | None:
    """Score ``af`` (unless ``results`` are given) and compare it with its stored baseline."""
    snapshot = baseline_of(af)
    if snapshot is None:
        return None
    results = results if results is not None else score(build_input(af))
    return compare(results, snapshot, roadmap_edits=af.roadmap_edits())


def mark_done(af: AssessmentFile, item_key: str, done: bool = True) -> RoadmapEdit:
    """Record that the earlier roadmap action ``item_key`` was (or, ``done=False``, was not) done."""
    return af.add_roadmap_edit(item_key, "edit", {"done": done})


def format_movement(m: Movement, lang: str = "en") -> str:
    """A plain-text rendering (the ``readiness movement`` command)."""
    def num(x: float | None, digits: int = 2) -> str:
        return "-" if x is None else f"{x:.{digits}f}"

    def signed(x: float | int | None, digits: int = 2) -> str:
        return "-" if x is None else f"{x:+.{digits}f}"

    since = f" ({m.baseline_workshop_start})" if m.baseline_workshop_start else ""
    lines = [f"Movement since the baseline {m.baseline_file}{since}", "",
             "AI-operations maturity (score 1-4, level)"]
    lines.append(f"  Overall: {num(m.overall_score_before)} -> {num(m.overall_score_after)} "
                 f"({signed(m.overall_score_change)}), level {m.overall_level_before or '-'} -> "
                 f"{m.overall_level_after or '-'}")
    for d in m.dimensions:
        lines.append(f"  {d.name.get(lang)}: {num(d.score_before)} -> {num(d.score_after)} "
                     f"({signed(d.score_change)}), level {d.level_before or '-'} -> {d.level_after or '-'}"
                     + ("" if d.presence == "both" else f" [{d.presence}]"))
    lines += ["", "Use cases (priority, readiness 0-100)"]
    for u in m.use_cases:
        lines.append(f"  {u.name}: priority {num(u.priority_before, 0)} -> {num(u.priority_after, 0)} "
                     f"({signed(u.priority_change, 0)}), readiness {num(u.readiness_before, 0)} -> "
                     f"{num(u.readiness_after, 0)} ({signed(u.readiness_change, 0)})"
                     + ("" if u.presence == "both" else f" [{u.presence}]"))
    if m.metrics:
        lines += ["", "Baseline metrics"]
        for x in m.metrics:
            where = f" [{x.scope_name}]" if x.scope_name else ""
            trend = "" if x.improved is None else (" better" if x.improved else " worse")
            lines.append(f"  {x.text.get(lang)}{where}: {_plain(x.before)} -> {_plain(x.after)} "
                         f"{x.unit.get(lang)} ({'-' if x.change is None else _plain(x.change, signed=True)}){trend}")
    lines += ["", f"Earlier roadmap actions: {m.actions_done} of {len(m.actions)} done"]
    for a in m.actions:
        mark = "x" if a.done else " "
        lines.append(f"  [{mark}] {a.title.get(lang)}" + ("" if a.done or not a.still_planned else " (still planned)"))
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- helpers


def _baseline_metrics(library: Library) -> Sequence[Question]:
    return [q for qn in library.by_kind("baseline") for q in qn.questions if q.type == "number"]


def _done_keys(edits: Iterable[RoadmapEdit]) -> dict[str, bool]:
    done: dict[str, bool] = {}
    for e in edits:
        if e.op == "edit" and "done" in e.payload:
            done[e.item_key] = e.payload["done"] is True
    return done


def _text(raw: Any) -> Text:
    if isinstance(raw, Mapping):
        return Text(str(raw.get("en", "")), str(raw.get("de", "")))
    if isinstance(raw, str):
        return Text(raw, raw)
    return Text("", "")


def _text_json(t: Text) -> dict[str, str]:
    return {"en": t.en, "de": t.de}


def _float(x: Any) -> float | None:
    if x is None or isinstance(x, bool):
        return None
    if isinstance(x, int | float):
        return float(x)
    raise ValueError(f"not a number: {x!r}")


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 4)


def _diff(after: float | None, before: float | None) -> float | None:
    return None if after is None or before is None else round(after - before, 4)


def _plain(x: float | None, *, signed: bool = False) -> str:
    if x is None:
        return "-"
    text = f"{x:+g}" if signed else f"{x:g}"
    return text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
