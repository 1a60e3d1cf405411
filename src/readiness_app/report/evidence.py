"""Statements the report makes about the client, each derived from the answers and scores.

The executive summary and the chapter introductions say only what these functions return,
and every :class:`Statement` carries the facts it rests on (the questions, scopes, levels
and use cases), so :mod:`readiness_app.report.consistency` can check it against the
results. No statement repeats a level's generic descriptor as a fact about the client.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Library
from readiness_app.report.language import join_names, number, plural
from readiness_app.scoring.results import (
    LEVEL_NAMES,
    QuestionConsensus,
    Results,
    RiskResult,
    UseCaseResult,
)

HIGH_IMPACT_AT = 75.0  # an impact of at least this reads "high"; from 50 (the quadrant line) "sufficient"
DISPUTED = ("disputed", "strittig")


def _tr(lang: str, en: str, de: str) -> str:
    return de if lang == "de" else en


def _named(name: str, lang: str) -> str:
    """A use case's name inside a German sentence, quoted: it takes no article ("hat „Schadentriage“")."""
    return f"„{name}“" if lang == "de" else name


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of the report and what it rests on."""

    kind: str  # level | stage | risk | lane | intro
    text: str
    level: int | None = None
    dims_met: tuple[str, ...] = ()  # dimension ids meeting the stage
    dims_open: tuple[str, ...] = ()  # dimension ids below it
    flag_id: str = ""
    scopes: tuple[str, ...] = ()  # use-case ids, or ("org",) for the organisation
    refs: tuple[tuple[str, str], ...] = ()  # (question id, scope) of the answers behind it
    disputed: tuple[tuple[str, str], ...] = ()  # refs the room disputed
    use_case_id: str = ""
    numbers: dict[str, float] = field(default_factory=dict)


def impact_word(impact: float | None, lang: str) -> str:
    """ "high" from :data:`HIGH_IMPACT_AT`, "sufficient" from the quadrant line (50), else "low"."""
    if impact is None:
        return _tr(lang, "unscored", "nicht bewertet")
    if impact >= HIGH_IMPACT_AT:
        return _tr(lang, "high", "hoch")
    if impact >= 50.0:
        return _tr(lang, "sufficient", "ausreichend")
    return _tr(lang, "low", "gering")


def _disputed_refs(results: Results, refs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    out = []
    for qid, scope in refs:
        c = results.consensus_for(qid, scope) if qid else None
        if c is not None and c.disagreement:
            out.append((qid, scope))
    return tuple(out)


def _vote_range(c: QuestionConsensus, lang: str) -> str:
    values = [v for v in c.vote_numbers if v is not None]
    if not values:
        return ""
    return _tr(lang, f"votes from {number(min(values), lang, None)} to {number(max(values), lang, None)}",
               f"Stimmen von {number(min(values), lang, None)} bis {number(max(values), lang, None)}")


def level_statements(results: Results, lang: str) -> list[Statement]:
    """The overall level, and which dimensions meet its stage and which do not."""
    mat = results.maturity
    if not mat.dimensions or mat.overall_score is None:
        return [Statement("level", _tr(lang, "No maturity question was answered.",
                                       "Keine Reifegradfrage wurde beantwortet."), level=mat.overall_level)]
    level = mat.overall_level
    name = LEVEL_NAMES[level].get(lang)
    n = len(mat.dimensions)
    reached = [d for d in mat.dimensions if d.staged_level >= level]
    below = [d for d in mat.dimensions if d.staged_level < level]
    text = _tr(
        lang,
        f"{name} is the median staged level of the {n} dimensions: {len(reached)} of {n} have reached "
        f"level {level}.",
        f"{name} ist der Median der gestuften Reife der {n} Dimensionen: {len(reached)} von {n} haben "
        f"Stufe {level} erreicht.",
    )
    out = [Statement("level", text, level=level, dims_met=tuple(d.dimension_id for d in reached),
                     dims_open=tuple(d.dimension_id for d in below))]
    if below:
        names = join_names([d.name.get(lang) for d in below], lang)
        out.append(Statement("stage", plural(len(below), lang,
                                             _tr(lang, f"Still below level {level}: {names}.",
                                                 f"Noch unter Stufe {level}: {names}."),
                                             _tr(lang, f"Still below level {level}: {names}.",
                                                 f"Noch unter Stufe {level}: {names}.")),
                             level=level, dims_open=tuple(d.dimension_id for d in below)))
    nxt = level + 1
    if nxt <= 4:
        met_next = [d for d in mat.dimensions if nxt in d.stages_met and d.staged_level >= level]
        open_next = [d for d in mat.dimensions if nxt not in d.stages_met]
        if open_next:
            if met_next:
                text = _tr(lang, f"The criteria of level {nxt} are already met in "
                                 f"{join_names([d.name.get(lang) for d in met_next], lang)}.",
                           f"Die Kriterien der Stufe {nxt} sind bereits erfüllt in "
                           f"{join_names([d.name.get(lang) for d in met_next], lang)}.")
            else:
                text = _tr(lang, f"No dimension meets the criteria of level {nxt} yet.",
                           f"Noch keine Dimension erfüllt die Kriterien der Stufe {nxt}.")
            out.append(Statement("stage", text, level=nxt, dims_met=tuple(d.dimension_id for d in met_next),
                                 dims_open=tuple(d.dimension_id for d in open_next)))
    return out


def risk_scope(risk: RiskResult) -> tuple[str, ...]:
    """The use cases a risk was raised for, or ("org",) when it holds for the organisation."""
    scopes: list[str] = []
    for e in risk.evidence:
        scope = e.scope or ORGANISATION
        if scope not in scopes:
            scopes.append(scope)
    if not scopes or ORGANISATION in scopes:
        return (ORGANISATION,)
    return tuple(scopes)


def risk_statement(results: Results, risk: RiskResult, lang: str, names: dict[str, str]) -> Statement:
    """ "For Claims triage assistant: no rollback path", or organisation-wide; disputed answers said so."""
    scopes = risk_scope(risk)
    refs = tuple((e.question_id, e.scope or ORGANISATION) for e in risk.evidence if e.question_id)
    disputed = _disputed_refs(results, refs)
    if scopes == (ORGANISATION,):
        where = _tr(lang, "Organisation-wide", "Für die gesamte Organisation")
    else:
        where = _tr(lang, "For ", "Für ") + join_names([_named(names.get(s, s), lang) for s in scopes], lang)
    text = f"{where}: {risk.description.get(lang)}"
    if disputed:
        c = results.consensus_for(*disputed[0])
        votes = _vote_range(c, lang) if c is not None else ""
        text += " " + _tr(lang, f"The room disputed the answer behind this ({votes}); confirm it before acting.",
                          f"Die Antwort dahinter war im Workshop strittig ({votes}); vor dem Handeln bestätigen.")
    return Statement("risk", text, flag_id=risk.flag_id, scopes=scopes, refs=refs, disputed=disputed)


def lane_statement(results: Results, lang: str) -> Statement:
    """Why the first production lane was chosen, in the numbers that chose it."""
    lane = results.first_lane
    u = results.use_case(lane.use_case_id) if lane.use_case_id else None
    if u is None:
        return Statement("lane", _tr(
            lang,
            "No use case combines enough impact, readiness and manageable control complexity yet; the roadmap "
            "builds the foundations of the highest-ranked use case first.",
            "Noch kein Anwendungsfall verbindet ausreichenden Nutzen, Bereitschaft und beherrschbare "
            "Kontrollkomplexität; der Fahrplan schafft zuerst die Grundlagen für den bestplatzierten Fall."))
    return _lane_text(u, lane.conditional, lang)


def _lane_text(u: UseCaseResult, conditional: bool, lang: str) -> Statement:
    impact, ready, control = (number(u.impact.value, lang, 0), number(u.readiness, lang, 0),
                              number(u.control_complexity.value, lang, 0))
    word = impact_word(u.impact.value, lang)
    nums = {"impact": u.impact.value or 0.0, "readiness": u.readiness or 0.0,
            "control": u.control_complexity.value or 0.0, "blockers": float(len(u.blockers))}
    if conditional:
        gaps = plural(len(u.blockers), lang, _tr(lang, "one blocking gap", "eine blockierende Lücke"),
                      _tr(lang, f"{len(u.blockers)} blocking gaps", f"{len(u.blockers)} blockierende Lücken"))
        text = _tr(
            lang,
            f"{u.name} is the strongest candidate ({word} impact: {impact} of 100; readiness {ready}; control "
            f"complexity {control}), but {gaps} must be closed before it goes to production.",
            f"{_named(u.name, lang)} ist der stärkste Kandidat (Nutzen {word}: {impact} von 100; Bereitschaft {ready}; "
            f"Kontrollkomplexität {control}), doch vor dem Produktivbetrieb sind {gaps} zu schließen.",
        )
    else:
        text = _tr(
            lang,
            f"Among the use cases without a blocker, {u.name} has the highest business impact ({word}: {impact} of "
            f"100), with readiness {ready} and manageable control complexity ({control}).",
            f"Unter den Anwendungsfällen ohne Blocker hat {_named(u.name, lang)} den höchsten Geschäftsnutzen ({word}: {impact} "
            f"von 100), bei einer Bereitschaft von {ready} und beherrschbarer Kontrollkomplexität ({control}).",
        )
    return Statement("lane", text, use_case_id=u.use_case_id, numbers=nums)


def chapter_intro(results: Results, library: Library, chapter: str, lang: str) -> Statement | None:
    """One sentence per chapter about this client, from its results."""
    r = results
    if chapter == "maturity" and r.maturity.dimensions:
        dims = r.maturity.dimensions
        on = [d for d in dims if d.gap <= 0]
        widest = max(dims, key=lambda d: (d.gap, -(d.score.value or 0)))
        text = _tr(lang, f"{len(on)} of {len(dims)} dimensions reach their target level.",
                   f"{len(on)} von {len(dims)} Dimensionen erreichen ihre Zielstufe.")
        if widest.gap > 0:
            text += " " + _tr(lang, f"The widest gap is in {widest.name.get(lang)}: level {widest.staged_level} "
                                    f"against a target of {widest.target}.",
                              f"Die größte Lücke hat {widest.name.get(lang)}: Stufe {widest.staged_level} "
                              f"bei Ziel {widest.target}.")
        return Statement("intro", text, dims_met=tuple(d.dimension_id for d in on),
                         dims_open=tuple(d.dimension_id for d in dims if d.gap > 0))
    if chapter == "portfolio" and r.use_cases:
        lane = [u for u in r.use_cases if u.quadrant == "first_lane"]
        text = plural(len(r.use_cases), lang,
                      _tr(lang, "One use case was assessed", "Ein Anwendungsfall wurde bewertet"),
                      _tr(lang, f"{len(r.use_cases)} use cases were assessed",
                          f"{len(r.use_cases)} Anwendungsfälle wurden bewertet"))
        text += plural(len(lane), lang,
                       _tr(lang, "; one sits in the first-lane quadrant.", "; einer liegt im Quadranten des "
                           "ersten Produktionspfads."),
                       _tr(lang, f"; {len(lane)} sit in the first-lane quadrant.",
                           f"; {len(lane)} liegen im Quadranten des ersten Produktionspfads."))
        return Statement("intro", text, numbers={"use_cases": len(r.use_cases), "first_lane": len(lane)})
    if chapter == "readiness" and r.use_cases:
        blocked = [u for u in r.use_cases if u.blockers]
        if blocked:
            text = _tr(lang, "Blocked until their critical gaps are closed: ",
                       "Blockiert, bis ihre kritischen Lücken geschlossen sind: ") + join_names(
                [u.name for u in blocked], lang) + "."
        else:
            text = _tr(lang, "No use case is blocked by a critical gap.",
                       "Kein Anwendungsfall ist durch eine kritische Lücke blockiert.")
        return Statement("intro", text, scopes=tuple(u.use_case_id for u in blocked))
    return None


def summary_statements(results: Results, lang: str, names: dict[str, str], top: int = 3) -> list[Statement]:
    """Everything the executive summary states: level, stages, lane and the top risks."""
    out = level_statements(results, lang)
    out.append(lane_statement(results, lang))
    out += [risk_statement(results, risk, lang, names) for risk in results.risks[:top]]
    return out
