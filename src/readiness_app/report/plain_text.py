"""Plain-text rendering of scoring results for the command line (``readiness score``)."""

from __future__ import annotations

from readiness_app.model import role_label
from readiness_app.questionnaire.loader import Library
from readiness_app.scoring.results import LEVEL_NAMES, PHASE_LABELS, QUADRANT_LABELS, Results, Score

_LABELS = {
    "en": {
        "uc": "Use-case priorities", "lane": "First production lane", "mat": "AI-operations maturity",
        "overall": "Overall", "risks": "Risk flags", "dis": "Widest disagreements", "road": "90-day roadmap",
        "none": "none", "blockers": "blockers", "low": "low confidence", "target": "target",
        "complete": "Completeness", "prio": "priority", "imp": "impact", "ready": "readiness",
        "ctrl": "control", "level": "level", "spread": "spread",
    },
    "de": {
        "uc": "Priorisierung der Anwendungsfälle", "lane": "Erster Produktionspfad",
        "mat": "Reifegrad des KI-Betriebs", "overall": "Gesamt", "risks": "Risikohinweise",
        "dis": "Größte Meinungsunterschiede", "road": "90-Tage-Fahrplan", "none": "keine",
        "blockers": "Blocker", "low": "geringe Aussagekraft", "target": "Ziel", "complete": "Vollständigkeit",
        "prio": "Priorität", "imp": "Nutzen", "ready": "Reife", "ctrl": "Kontrolle", "level": "Stufe",
        "spread": "Streuung",
    },
}


def _num(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _conf(s: Score, low: str) -> str:
    return f" ({low})" if s.low_confidence and s.value is not None else ""


def format_results(results: Results, library: Library, lang: str = "en") -> str:
    t = _LABELS["de" if lang == "de" else "en"]
    out: list[str] = []
    out.append(f"{t['uc']}")
    for u in results.use_cases:
        blockers = f"; {len(u.blockers)} {t['blockers']}" if u.blockers else ""
        out.append(
            f"  {u.rank:>2}. {u.name}: {t['prio']} {_num(u.priority.value)}{_conf(u.priority, t['low'])}, "
            f"{t['imp']} {_num(u.impact.value)}, {t['ready']} {_num(u.readiness)}, "
            f"{t['ctrl']} {_num(u.control_complexity.value)} -> {QUADRANT_LABELS[u.quadrant].get(lang)}{blockers}"
        )
        for b in u.blockers:
            out.append(f"        ! {b.text.get(lang)} ({_num(b.value, 1)} < {_num(b.threshold, 1)})")
    out.append("")
    out.append(f"{t['lane']}: {results.first_lane.rationale.get(lang)}")
    out.append("")
    m = results.maturity
    out.append(f"{t['mat']}: {t['overall']} {t['level']} {m.overall_level} "
               f"({LEVEL_NAMES[m.overall_level].get(lang)}), {_num(m.overall_score, 2)}"
               f"{' (' + t['low'] + ')' if m.low_confidence else ''}")
    for d in m.dimensions:
        out.append(f"  {d.name.get(lang)}: {_num(d.score.value, 2)}{_conf(d.score, t['low'])}, "
                   f"{t['level']} {d.staged_level}, {t['target']} {d.target} (gap {d.gap})")
    out.append("")
    out.append(f"{t['risks']}:" + ("" if results.risks else f" {t['none']}"))
    for r in results.risks:
        out.append(f"  [{r.severity}] {r.name.get(lang)} ({len(r.evidence)})")
    out.append("")
    out.append(f"{t['dis']}:" + ("" if results.disagreements else f" {t['none']}"))
    names = {u.use_case_id: u.name for u in results.use_cases}
    for c in results.disagreements[:10]:
        q = library.question(c.question_id)
        scope = "" if c.scope == "org" else f" [{names.get(c.scope, c.scope)}]"
        out.append(f"  {t['spread']} {_num(c.spread)}: {q.text.get(lang) if q else c.question_id}{scope}")
    out.extend(_regulation(results, lang))
    out.append("")
    out.append(f"{t['road']}:")
    for phase in (1, 2, 3):
        out.append(f"  {PHASE_LABELS[phase].get(lang)}")
        for item in results.roadmap.phase(phase):
            owner = item.owner or role_label(item.owner_role, lang)
            out.append(f"    - {item.title.get(lang)} ({owner}, wk {item.due_week})")
    out.append("")
    out.append(f"{t['complete']}: " + ", ".join(
        f"{c.questionnaire_id} {c.ratio:.0%}" for c in results.completeness))
    return "\n".join(out) + "\n"


def _regulation(results: Results, lang: str) -> list[str]:
    """The EU AI Act class per use case (with the first rule's article) and the framework coverage."""
    from readiness_app.scoring.ai_act import CLASS_LABELS, DISCLAIMER, ROLE_LABELS

    screened = [u for u in results.use_cases if u.ai_act is not None and u.ai_act.assessed]
    out: list[str] = []
    if screened:
        out += ["", "EU AI Act" if lang != "de" else "KI-Verordnung"]
        for u in screened:
            ai = u.ai_act
            assert ai is not None
            role = ROLE_LABELS[ai.role].get(lang) if ai.role in ROLE_LABELS else "?"
            why = ai.reasons[0].article if ai.reasons else ""
            out.append(f"  {u.name}: {CLASS_LABELS[ai.class_].get(lang)} ({why}); {role}, "
                       f"{len(ai.open_obligations)} {'offene Pflichten' if lang == 'de' else 'open duties'}")
        out.append(f"  {DISCLAIMER.get(lang)}")
    fc = results.framework_coverage
    if fc is not None and any(fw.areas for fw in fc.frameworks()):
        out.append("  " + ", ".join(f"{fw.name.get(lang)} {fw.coverage:.0%}" for fw in fc.frameworks()))
    return out
