"""EU AI Act screening of one use case: the class, the role, the rules that fired, the obligations.

Pure: it reads the room's answers to the AI Act questionnaire (``questionnaires/ai_act.toml``)
and the obligations data (``questionnaires/regulation/ai_act_obligations.toml``) and returns an
:class:`AiActResult`. The rules, in order (docs/scoring.md, "EU AI Act screening"):

1. any Art. 5 practice ticked: ``prohibited``; the Art. 5 screen unanswered: ``unclear``;
2. a safety component under Annex I (Art. 6(1)), or an Annex III use (Art. 6(2)) that profiles
   natural persons (Art. 6(3) last subparagraph) or that no Art. 6(3) condition describes:
   ``high_risk``; an answer these rules need is missing: ``unclear``;
3. any Art. 50 duty: ``transparency``; the Art. 50 question unanswered: ``unclear``;
4. otherwise ``minimal``.

A structured screening for the workshop, not legal advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from readiness_app.questionnaire.loader import Library, Text
from readiness_app.questionnaire.regulation import (
    Q_ANNEX_I,
    Q_ANNEX_III,
    Q_EXCEPTION,
    Q_GPAI,
    Q_MET,
    Q_PROFILING,
    Q_PROHIBITED,
    Q_PUBLIC,
    Q_ROLE,
    Q_TRANSPARENCY,
    ObligationSet,
)
from readiness_app.scoring.results import Finding, QuestionConsensus, RoadmapItem, UseCaseResult

AiActClass = Literal["prohibited", "high_risk", "transparency", "minimal", "unclear"]
CLASSES: tuple[str, ...] = ("prohibited", "high_risk", "transparency", "minimal", "unclear")

CLASS_LABELS: dict[str, Text] = {
    "prohibited": Text("Prohibited practice", "Verbotene Praxis"),
    "high_risk": Text("High-risk", "Hochriskant"),
    "transparency": Text("Transparency duties", "Transparenzpflichten"),
    "minimal": Text("Minimal risk", "Minimales Risiko"),
    "unclear": Text("Unclear (answers missing)", "Unklar (Antworten fehlen)"),
}

ROLE_LABELS: dict[str, Text] = {
    "provider": Text("Provider", "Anbieter"),
    "deployer": Text("Deployer", "Betreiber"),
    "importer": Text("Importer", "Einführer"),
    "distributor": Text("Distributor", "Händler"),
    "product_manufacturer": Text("Product manufacturer", "Produkthersteller"),
}

DISCLAIMER = Text(
    "A structured screening for the workshop, not legal advice: have counsel confirm the class and the duties.",
    "Ein strukturiertes Screening für den Workshop, keine Rechtsberatung: Einstufung und Pflichten rechtlich "
    "bestätigen lassen.",
)

ART5 = {
    "manipulation": "Art. 5(1)(a)", "vulnerabilities": "Art. 5(1)(b)", "social_scoring": "Art. 5(1)(c)",
    "crime_prediction": "Art. 5(1)(d)", "face_scraping": "Art. 5(1)(e)", "emotion_work_education": "Art. 5(1)(f)",
    "biometric_categorisation": "Art. 5(1)(g)", "realtime_rbi": "Art. 5(1)(h)",
}
ANNEX_III = {
    "biometrics": "1", "critical_infrastructure": "2", "education": "3", "employment": "4",
    "public_benefits": "5(a)", "creditworthiness": "5(b)", "life_health_insurance": "5(c)",
    "emergency_calls": "5(d)", "law_enforcement": "6", "migration": "7", "justice_democracy": "8",
}
EXCEPTIONS = {"narrow_procedural": "a", "improves_human": "b", "detects_patterns": "c", "preparatory": "d"}
ART50 = {
    "interaction": ("Art. 50(1)", "art50_interaction"), "synthetic": ("Art. 50(2)", "art50_synthetic"),
    "emotion": ("Art. 50(3)", "art50_emotion"), "deep_fake": ("Art. 50(4)", "art50_deep_fake"),
    "public_text": ("Art. 50(4)", "art50_public_text"),
}
FRIA_AREAS = ("creditworthiness", "life_health_insurance")  # Art. 27(1): every deployer of 5(b), 5(c)
FRIA_EXCLUDED = "critical_infrastructure"  # Art. 27(1): not for Annex III point 2

Key = tuple[str, str]
_ARTICLE_DE = (("Annex III points", "Anhang III Nummern"), ("Annex III point", "Anhang III Nummer"),
               ("Annex III", "Anhang III"), ("Annex I", "Anhang I"))


def article_text(article: str, lang: str) -> str:
    """An article reference as the reader's language writes it ("Anhang III Nummer 5(c)" in German)."""
    if lang == "de":
        for en, de in _ARTICLE_DE:
            article = article.replace(en, de)
    return article


@dataclass(frozen=True, slots=True)
class AiActReason:
    """One rule that fired (or one answer the rules still need), with its article."""

    rule: str
    article: str
    text: Text


@dataclass(frozen=True, slots=True)
class AiActObligation:
    id: str
    article: str
    applies_from: str  # ISO date
    title: Text
    owner_role: str
    effort: str
    met: bool  # ticked as already met in the room


@dataclass(frozen=True, slots=True)
class AiActResult:
    class_: str = field(metadata={"json_name": "class"})
    role: str | None
    reasons: tuple[AiActReason, ...]
    obligations: tuple[AiActObligation, ...]
    assessed: bool = True  # False when the assessment has no AI Act questionnaire

    @property
    def label(self) -> Text:
        return CLASS_LABELS[self.class_]

    @property
    def open_obligations(self) -> tuple[AiActObligation, ...]:
        return tuple(o for o in self.obligations if not o.met)


NOT_ASSESSED = AiActResult("unclear", None, (AiActReason("not_screened", "Art. 6", Text(
    "This assessment has no AI Act questionnaire.",
    "Diese Bewertung enthält keinen Fragebogen zur KI-Verordnung.")),), (), assessed=False)


def _answer(consensus: Mapping[Key, QuestionConsensus], qid: str, scope: str) -> tuple[bool, set[str]]:
    """(answered, chosen option ids) of the room for one question."""
    c = consensus.get((qid, scope))
    if c is None or c.not_applicable or c.value is None:
        return False, set()
    if isinstance(c.value, str):
        return True, {c.value}
    if isinstance(c.value, list):
        return True, {v for v in c.value if isinstance(v, str)}
    return False, set()


def classify(library: Library, use_case_id: str, consensus: Mapping[Key, QuestionConsensus]) -> AiActResult:
    """Screen one use case. Without an AI Act questionnaire the result says it was not screened."""
    reg = library.regulation
    if library.question(Q_PROHIBITED) is None or reg is None or reg.obligations is None:
        return NOT_ASSESSED

    def ans(qid: str) -> tuple[bool, set[str]]:
        return _answer(consensus, qid, use_case_id)

    reasons: list[AiActReason] = []
    missing: list[AiActReason] = []
    triggers: set[str] = {"any"}
    via_annex_i = False

    def need(qid: str, article: str) -> None:
        q = library.question(qid)
        text = q.text if q is not None else Text(qid, qid)
        missing.append(AiActReason(f"unanswered:{qid}", article, Text(
            f"Not answered yet: {text.en}", f"Noch nicht beantwortet: {text.de}")))

    # 1. prohibited practices
    answered, chosen = ans(Q_PROHIBITED)
    practices = [p for p in ART5 if p in chosen]
    if not answered:
        need(Q_PROHIBITED, "Art. 5")
    for p in practices:
        label = _option_label(library, Q_PROHIBITED, p)
        reasons.append(AiActReason("art5_practice", ART5[p], Text(
            f"Prohibited practice ticked: {label.en}", f"Verbotene Praxis angekreuzt: {label.de}")))
    if practices:
        triggers.add("prohibited")

    # 2. high-risk routes
    high_risk = False
    a1_answered, a1 = ans(Q_ANNEX_I)
    if not a1_answered:
        need(Q_ANNEX_I, "Art. 6(1)")
    elif "yes" in a1:
        high_risk = via_annex_i = True
        reasons.append(AiActReason("annex_i_product", "Art. 6(1), Annex I", Text(
            "Safety component of (or itself) a product under Annex I legislation with third-party conformity "
            "assessment.",
            "Sicherheitsbauteil eines Produkts (oder selbst ein Produkt) nach Anhang I mit Konformitätsbewertung "
            "durch Dritte.")))
    a3_answered, a3 = ans(Q_ANNEX_III)
    areas = [a for a in ANNEX_III if a in a3]
    annex_iii_high = False
    if not a3_answered:
        need(Q_ANNEX_III, "Art. 6(2), Annex III")
    elif areas:
        points = ", ".join(ANNEX_III[a] for a in areas)
        where = f"Annex III point {points}" if len(areas) == 1 else f"Annex III points {points}"
        where_de = f"Anhang III Nummer {points}"
        prof_answered, prof = ans(Q_PROFILING)
        exc_answered, exc = ans(Q_EXCEPTION)
        exception = next((e for e in EXCEPTIONS if e in exc), None)
        if prof_answered and "yes" in prof:
            annex_iii_high = True
            reasons.append(AiActReason("annex_iii_profiling", f"Art. 6(3), {where}", Text(
                f"{where} use that profiles natural persons: always high-risk, no Art. 6(3) exception.",
                f"Verwendung nach {where_de} mit Profiling natürlicher Personen: immer hochriskant, keine Ausnahme "
                f"nach Art. 6 Abs. 3.")))
        elif not prof_answered:
            need(Q_PROFILING, "Art. 6(3)")
        elif exception is not None:
            triggers.add("art6_3_exception")
            reasons.append(AiActReason("art6_3_exception", f"Art. 6(3)({EXCEPTIONS[exception]})", Text(
                f"{where} use, but an Art. 6(3) condition applies: not high-risk (document it, Art. 6(4)).",
                f"Verwendung nach {where_de}, aber eine Bedingung des Art. 6 Abs. 3 greift: nicht hochriskant "
                f"(dokumentieren, Art. 6 Abs. 4).")))
        elif exc_answered:
            annex_iii_high = True
            reasons.append(AiActReason("annex_iii_area", f"Art. 6(2), {where}", Text(
                f"{where} use and no Art. 6(3) condition applies.",
                f"Verwendung nach {where_de}, und keine Bedingung des Art. 6 Abs. 3 greift.")))
        else:
            need(Q_EXCEPTION, "Art. 6(3)")
    if annex_iii_high:
        high_risk = True
        via_annex_i = False  # the earlier Annex III dates govern when both routes apply
        if any(a != FRIA_EXCLUDED for a in areas):  # Art. 49(1) and 26(11) leave out Annex III point 2
            triggers.add("high_risk_annex_iii")
        pub_answered, pub = ans(Q_PUBLIC)
        fria_areas = [a for a in areas if a in FRIA_AREAS]
        public = pub_answered and "yes" in pub and any(a != FRIA_EXCLUDED for a in areas)
        if fria_areas or public:
            triggers.add("fria")
            why = (f"Annex III point {', '.join(ANNEX_III[a] for a in fria_areas)}" if fria_areas
                   else "a public body or public service")
            why_de = (f"Anhang III Nummer {', '.join(ANNEX_III[a] for a in fria_areas)}" if fria_areas
                      else "eine öffentliche Stelle oder einen öffentlichen Dienst")
            reasons.append(AiActReason("fria_required", "Art. 27", Text(
                f"A deployer needs a fundamental-rights impact assessment: {why}.",
                f"Ein Betreiber braucht eine Grundrechte-Folgenabschätzung: {why_de}.")))
        elif not pub_answered:
            need(Q_PUBLIC, "Art. 27")
    if high_risk:
        triggers.add("high_risk")

    # 3. transparency
    t_answered, t = ans(Q_TRANSPARENCY)
    duties = [d for d in ART50 if d in t]
    if not t_answered:
        need(Q_TRANSPARENCY, "Art. 50")
    for d in duties:
        article, trigger = ART50[d]
        triggers.add(trigger)
        label = _option_label(library, Q_TRANSPARENCY, d)
        reasons.append(AiActReason("art50_duty", article, Text(
            f"Transparency duty: {label.en}", f"Transparenzpflicht: {label.de}")))

    # general-purpose AI: duties of its own, whatever the class
    g_answered, g = ans(Q_GPAI)
    if "provides" in g or "provides_systemic" in g:
        triggers.add("gpai_provider")
        reasons.append(AiActReason("gpai_provider", "Art. 53", Text(
            "The organisation places a general-purpose AI model on the market.",
            "Die Organisation bringt ein KI-Modell mit allgemeinem Verwendungszweck in Verkehr.")))
    if "provides_systemic" in g:
        triggers.add("gpai_systemic")
        reasons.append(AiActReason("gpai_systemic", "Art. 55", Text(
            "The model has systemic risk (Art. 51).", "Das Modell hat ein systemisches Risiko (Art. 51).")))
    if "uses" in g:
        reasons.append(AiActReason("gpai_used", "Art. 53(1)(b)", Text(
            "Builds on a third party's general-purpose model: its provider owes you documentation.",
            "Baut auf dem Modell eines Dritten auf: dessen Anbieter schuldet Ihnen Informationen.")))
    if not g_answered:
        need(Q_GPAI, "Art. 53")

    # the class
    hr_missing = [m for m in missing if m.article.startswith("Art. 6")]
    art5_missing = [m for m in missing if m.article == "Art. 5"]
    t_missing = [m for m in missing if m.article == "Art. 50"]
    cls: str
    if practices:
        cls = "prohibited"
    elif art5_missing:
        cls = "unclear"
    elif high_risk:
        cls = "high_risk"
    elif hr_missing:
        cls = "unclear"
    elif duties:
        cls = "transparency"
    elif t_missing:
        cls = "unclear"
    else:
        cls = "minimal"
        reasons.append(AiActReason("no_rule", "Art. 5, Art. 6, Art. 50", Text(
            "No prohibited practice, no high-risk route and no transparency duty: minimal risk (voluntary codes "
            "of conduct, Art. 95).",
            "Keine verbotene Praxis, kein Hochrisiko-Weg und keine Transparenzpflicht: minimales Risiko "
            "(freiwillige Verhaltenskodizes, Art. 95).")))
    if cls == "prohibited":  # no point in listing the duties of a system that has to stop
        triggers &= {"any", "prohibited"}

    r_answered, r = ans(Q_ROLE)
    role = next(iter(sorted(r)), None) if r_answered else None
    if role is None:
        need(Q_ROLE, "Art. 3(3)-(7)")
    _, met = ans(Q_MET)
    obligations = _obligations(reg.obligations, triggers, role, via_annex_i, met)
    return AiActResult(cls, role, tuple(reasons) + tuple(missing), obligations)


def _obligations(data: ObligationSet, triggers: set[str], role: str | None, via_annex_i: bool,
                 met: set[str]) -> tuple[AiActObligation, ...]:
    if role is None:
        return ()
    out: list[AiActObligation] = []
    for o in data.obligations:
        if role not in o.roles or not triggers.intersection(o.triggers):
            continue
        date = o.applies_from_annex_i if via_annex_i and o.applies_from_annex_i else o.applies_from
        out.append(AiActObligation(o.id, o.article, date, o.title, o.owner_role, o.effort, o.id in met))
    return tuple(out)


def _option_label(library: Library, qid: str, option_id: str) -> Text:
    q = library.question(qid)
    o = q.option(option_id) if q is not None else None
    return o.label if o is not None else Text(option_id, option_id)


# --------------------------------------------------------------------------- roadmap

OBLIGATION_KEY_PREFIX = "aia."  # roadmap item keys of open obligations: "aia.<obligation id>"
PHASE_DAYS = ((1, 30), (2, 60))  # applies within 30 days (or already): phase 1; within 60: phase 2; later: 3


def phase_for(applies_from: str, as_of: str) -> int:
    """The roadmap phase an obligation's date demands, counted from ``as_of`` (ISO dates)."""
    import datetime as dt

    try:
        days = (dt.date.fromisoformat(applies_from) - dt.date.fromisoformat(as_of)).days
    except ValueError:
        return 1
    for phase, limit in PHASE_DAYS:
        if days <= limit:
            return phase
    return 3


def obligation_items(library: Library, use_cases: Iterable[UseCaseResult], owners: Mapping[str, str],
                     as_of: str, weeks: Mapping[int, tuple[int, int]]) -> list[RoadmapItem]:
    """One roadmap item per open obligation (across use cases), in the phase its date demands."""
    reg = library.regulation
    if reg is None or reg.obligations is None:
        return []
    start = as_of or reg.obligations.as_of
    found: dict[str, tuple[AiActObligation, list[Finding]]] = {}
    for u in use_cases:
        if u.ai_act is None:
            continue
        for o in u.ai_act.open_obligations:
            entry = found.setdefault(o.id, (o, []))
            if o.applies_from < entry[0].applies_from:  # the earliest date of any use case governs
                found[o.id] = entry = (o, entry[1])
            entry[1].append(Finding("obligation", u.use_case_id, Text(
                f"{o.article} for {u.name} ({u.ai_act.label.en}), applies from {o.applies_from}",
                f"{o.article} für {u.name} ({u.ai_act.label.de}), gilt ab {o.applies_from}")))
    order = [o.id for o in reg.obligations.obligations]
    ranked = sorted(found.values(), key=lambda e: (e[0].applies_from, order.index(e[0].id)))
    by_phase: dict[int, list[tuple[AiActObligation, list[Finding]]]] = {1: [], 2: [], 3: []}
    for entry in ranked:
        by_phase[phase_for(entry[0].applies_from, start)].append(entry)
    items: list[RoadmapItem] = []
    for phase, entries in by_phase.items():
        lo, hi = weeks[phase]
        for i, (o, findings) in enumerate(entries):
            data = reg.obligations.get(o.id)
            why = data.why if data is not None else o.title
            items.append(RoadmapItem(
                key=OBLIGATION_KEY_PREFIX + o.id, action_id=OBLIGATION_KEY_PREFIX + o.id,
                title=Text(f"{o.title.en} ({o.article})", f"{o.title.de} ({o.article})"), why=why,
                owner_role=o.owner_role, owner=owners.get(o.owner_role, ""), phase=phase,
                due_week=lo + (i * (hi - lo + 1)) // max(len(entries), 1), effort=o.effort,
                findings=tuple(findings)))
    return items
