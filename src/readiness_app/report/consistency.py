"""The consistency check: no statement of the report contradicts a risk flag, an answer or a score.

:func:`check` takes the statements a report makes (:mod:`.evidence`) and re-derives what
each rests on from the answers themselves: the staged levels from the criteria, each risk
flag from the answer that raised it, the first lane from its quadrant and blockers. It
returns one line per contradiction; the PDF export refuses to write a report with any
(:func:`readiness_app.report.pdf.render_report`), and the tests run it over the demo and
over generated assessments.
"""

from __future__ import annotations

from collections.abc import Iterable

from readiness_app.model import ORGANISATION
from readiness_app.questionnaire.loader import Library
from readiness_app.report.evidence import DISPUTED, HIGH_IMPACT_AT, Statement, risk_scope
from readiness_app.report.texts import LEVEL_MEANINGS
from readiness_app.scoring.engine import STAGE_MET
from readiness_app.scoring.results import Results, RiskResult
from readiness_app.scoring.risks import (
    DECISION_IMPACT_QUESTION,
    HUMAN_REVIEW_QUESTION,
    REVIEW_DESIGNED_AT,
    rule_matches,
)
from readiness_app.scoring.risks import HIGH_IMPACT_AT as HIGH_IMPACT_DECISION


def _stage_met(results: Results, library: Library, dimension_id: str, stage: int) -> bool:
    """Re-derived from the answers: the stage's criteria average at least STAGE_MET, none missing."""
    num = den = 0.0
    for q in library.iter_questions():
        if q.dimension != dimension_id or q.stage != stage:
            continue
        c = results.consensus_for(q.id, ORGANISATION)
        if c is None or (c.numeric is None and not c.not_applicable):
            return False
        if not c.not_applicable and c.numeric is not None:
            num += q.weight * c.numeric
            den += q.weight
    return den == 0 or num / den >= STAGE_MET


def _staged(results: Results, library: Library, dimension_id: str) -> int:
    level = 1
    for stage in (2, 3, 4):
        if all(_stage_met(results, library, dimension_id, s) for s in range(1, stage + 1)):
            level = stage
        else:
            break
    return level


def check(results: Results, library: Library, statements: Iterable[Statement], lang: str,
          names: dict[str, str]) -> list[str]:
    """One line per statement that contradicts the answers, a risk flag or a score."""
    problems: list[str] = []
    generic = [m.get(lang) for m in LEVEL_MEANINGS.values()]
    flags = {r.flag_id: r for r in results.risks}
    staged = {d.dimension_id: _staged(results, library, d.dimension_id) for d in results.maturity.dimensions}
    for s in statements:
        where = f"{s.kind} statement {s.text[:60]!r}"
        if any(g and g in s.text for g in generic):
            problems.append(f"{where}: states a level's generic descriptor as a fact")
        if s.kind == "level" and s.level is not None and results.maturity.overall_score is not None:
            if s.level != results.maturity.overall_level:
                problems.append(f"{where}: level {s.level}, the scores give {results.maturity.overall_level}")
            for dim in s.dims_met:
                if staged.get(dim, 0) < s.level:
                    problems.append(f"{where}: {dim} is said to reach level {s.level}, its answers give "
                                    f"{staged.get(dim)}")
            for dim in s.dims_open:
                if staged.get(dim, 0) >= s.level:
                    problems.append(f"{where}: {dim} is said to be below level {s.level}, its answers give "
                                    f"{staged.get(dim)}")
        if s.kind == "stage" and s.level is not None:
            for dim in s.dims_open:
                if staged.get(dim, 0) >= s.level and _stage_met(results, library, dim, s.level):
                    problems.append(f"{where}: {dim} is said to miss level {s.level}, its answers meet it")
            for dim in s.dims_met:
                if not _stage_met(results, library, dim, s.level):
                    problems.append(f"{where}: {dim} is said to meet level {s.level}, its answers do not")
        if s.kind == "risk":
            problems += _check_risk(results, library, s, flags, names, lang, where)
        if s.kind == "lane":
            problems += _check_lane(results, s, lang, where)
        if s.kind == "intro" and s.dims_open:
            for dim in s.dims_open:
                d = results.dimension(dim)
                if d is None or d.gap <= 0:
                    problems.append(f"{where}: {dim} is said to miss its target, it does not")
    return problems


def _check_risk(results: Results, library: Library, s: Statement, flags: dict[str, RiskResult], names: dict[str, str],
                lang: str, where: str) -> list[str]:
    out: list[str] = []
    risk = flags.get(s.flag_id)
    if risk is None:
        return [f"{where}: names risk {s.flag_id}, which the answers do not raise"]
    if s.scopes != risk_scope(risk):
        out.append(f"{where}: scoped to {s.scopes}, raised for {risk_scope(risk)}")
    if s.scopes != (ORGANISATION,):
        for scope in s.scopes:
            if names.get(scope, scope) not in s.text:
                out.append(f"{where}: does not name the use case {names.get(scope, scope)!r} it holds for")
    questions = {q.id: q for q in library.iter_questions()}
    for e in risk.evidence:
        if not e.question_id or risk.origin != "answer":
            continue
        q = questions.get(e.question_id)
        c = results.consensus_for(e.question_id, e.scope or ORGANISATION)
        if q is None or c is None:
            out.append(f"{where}: rests on {e.question_id}, which was not answered")
            continue
        by_rule = any(rule.flag == risk.flag_id and rule_matches(rule, q, c) for rule in q.risks)
        if not by_rule and not _raised_by_pattern(results, risk.flag_id, e.question_id, e.scope):
            out.append(f"{where}: the answer to {e.question_id} ({e.scope}) does not raise {risk.flag_id}")
    marker = DISPUTED[1] if lang == "de" else DISPUTED[0]
    for qid, scope in s.refs:
        c = results.consensus_for(qid, scope)
        if c is not None and c.disagreement and marker not in s.text:
            out.append(f"{where}: the room disputed {qid} ({scope}), the statement does not say so")
    return out


def _raised_by_pattern(results: Results, flag_id: str, question_id: str, scope: str) -> bool:
    """The computed rule of docs/scoring.md: high decision impact without a designed human review."""
    if flag_id != "risk.no_human_in_loop" or question_id != HUMAN_REVIEW_QUESTION:
        return False
    impact = results.consensus_for(DECISION_IMPACT_QUESTION, scope)
    review = results.consensus_for(HUMAN_REVIEW_QUESTION, scope)
    return (impact is not None and impact.numeric is not None and impact.numeric >= HIGH_IMPACT_DECISION
            and review is not None and review.numeric is not None and review.numeric < REVIEW_DESIGNED_AT)


def _check_lane(results: Results, s: Statement, lang: str, where: str) -> list[str]:
    out: list[str] = []
    lane = results.first_lane
    if not s.use_case_id:
        if lane.use_case_id:
            out.append(f"{where}: says no lane, the scores recommend {lane.use_case_id}")
        return out
    u = results.use_case(s.use_case_id)
    if u is None or lane.use_case_id != s.use_case_id:
        return [f"{where}: names {s.use_case_id}, the scores recommend {lane.use_case_id}"]
    if u.blockers and not lane.conditional:
        out.append(f"{where}: recommends a use case with {len(u.blockers)} blockers without condition")
    if u.quadrant != "first_lane":
        out.append(f"{where}: the use case sits in the {u.quadrant} quadrant")
    high = "high" if lang != "de" else "hoch"
    says_high = f"({high}:" in s.text or f"{high} impact" in s.text or f"Nutzen {high}" in s.text
    impact = u.impact.value or 0.0
    if says_high != (impact >= HIGH_IMPACT_AT):
        out.append(f"{where}: impact {impact:g} is labelled {'high' if says_high else 'not high'}")
    return out
