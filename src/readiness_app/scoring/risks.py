"""Risk flags: raised by the risk-check answers and by patterns in the scores themselves."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from readiness_app.model import UseCase
from readiness_app.questionnaire.loader import Library, Question, RiskRule, Text
from readiness_app.scoring.results import QuestionConsensus, RiskEvidence, RiskResult, UseCaseResult

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}

# Question ids the computed rules read (documented in docs/scoring.md).
DECISION_IMPACT_QUESTION = "pri.control.decision_impact"
HUMAN_REVIEW_QUESTION = "dr.hitl.review_design"
HIGH_IMPACT_AT = 3.0  # decision impact at or above this is "high-impact"
REVIEW_DESIGNED_AT = 2.0  # human review design below this counts as "missing"

Key = tuple[str, str]


def rule_matches(rule: RiskRule, question: Question, c: QuestionConsensus) -> bool:
    if c.not_applicable:
        return False
    if rule.when == "in":
        chosen: set[str] = set()
        if isinstance(c.value, str):
            chosen = {c.value}
        elif isinstance(c.value, list):
            chosen = {v for v in c.value if isinstance(v, str)}
        return bool(chosen & set(rule.options))
    if c.numeric is None or rule.threshold is None:
        return False
    return c.numeric <= rule.threshold if rule.when == "le" else c.numeric >= rule.threshold


def evaluate_risks(
    library: Library,
    consensus: Mapping[Key, QuestionConsensus],
    ranked: Sequence[UseCaseResult],
    use_cases: Iterable[UseCase],
) -> tuple[RiskResult, ...]:
    hits: dict[str, list[RiskEvidence]] = {}
    origin: dict[str, str] = {}

    def hit(flag: str, evidence: RiskEvidence, how: str) -> None:
        if flag not in library.risks:
            return
        hits.setdefault(flag, []).append(evidence)
        if origin.get(flag) != "answer":
            origin[flag] = how

    ucs = list(use_cases)
    uc_names = {u.id: u.name for u in ucs}
    for q in library.iter_questions():
        if not q.risks:
            continue
        scopes = ["org"] if q.scope == "organisation" else [u.id for u in ucs]
        for scope in scopes:
            c = consensus.get((q.id, scope))
            if c is None:
                continue
            for rule in q.risks:
                if rule_matches(rule, q, c):
                    name = uc_names.get(scope)
                    detail = Text(f"{name}: {q.text.en}", f"{name}: {q.text.de}") if name else q.text
                    hit(rule.flag, RiskEvidence(q.id, scope, detail), "answer")

    in_production = [u for u in ucs if u.stage == "production"]
    piloting = [u for u in ucs if u.stage == "pilot"]
    if not in_production and len(piloting) >= 2:
        names = ", ".join(u.name for u in piloting)
        hit("risk.multiple_lanes", RiskEvidence("", "", Text(
            f"{len(piloting)} use cases are in pilot ({names}) while none runs in production.",
            f"{len(piloting)} Anwendungsfälle sind im Pilotbetrieb ({names}), keiner läuft produktiv.",
        )), "computed")

    for u in ranked:
        impact = consensus.get((DECISION_IMPACT_QUESTION, u.use_case_id))
        review = consensus.get((HUMAN_REVIEW_QUESTION, u.use_case_id))
        if (impact is not None and impact.numeric is not None and impact.numeric >= HIGH_IMPACT_AT
                and review is not None and review.numeric is not None and review.numeric < REVIEW_DESIGNED_AT):
            hit("risk.no_human_in_loop", RiskEvidence(HUMAN_REVIEW_QUESTION, u.use_case_id, Text(
                f"{u.name}: decisions strongly affect people, but human review is not designed in.",
                f"{u.name}: Entscheidungen betreffen Menschen erheblich, eine menschliche Prüfung ist "
                f"jedoch nicht vorgesehen.",
            )), "computed")

    results = []
    for flag_id, evidence in hits.items():
        flag = library.risks[flag_id]
        results.append(RiskResult(
            flag_id=flag_id, name=flag.name, description=flag.description, severity=flag.severity,
            origin=origin[flag_id],  # type: ignore[arg-type]
            evidence=tuple(evidence), actions=flag.actions,
        ))
    results.sort(key=lambda r: (SEVERITY_ORDER[r.severity], -len(r.evidence), r.flag_id))
    return tuple(results)
