"""Render the questionnaire library as a bilingual Markdown workshop kit.

``render_markdown(library)`` lists every questionnaire, section and question in English
and German with its level descriptors, options, units, weight, dimension, critical flag
and maturity stage, followed by the dimensions, the roadmap action library and the risk
flags. The output depends only on the library content (no dates, no absolute paths), so
``docs/questionnaires.md`` can be regenerated and compared in tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath

from readiness_app.model import role_label
from readiness_app.questionnaire.loader import (
    KINDS,
    Action,
    Library,
    Question,
    Questionnaire,
    RiskFlag,
    RiskRule,
)

STAGE_NAMES: dict[int, tuple[str, str]] = {
    1: ("Pilot", "Pilot"),
    2: ("Managed", "Gesteuert"),
    3: ("Scaled", "Skaliert"),
    4: ("Strategic", "Strategisch"),
}
PHASE_NAMES: dict[int, tuple[str, str]] = {
    1: ("Days 1-30", "Tage 1-30"),
    2: ("Days 31-60", "Tage 31-60"),
    3: ("Days 61-90", "Tage 61-90"),
}
KIND_NAMES: dict[str, tuple[str, str]] = {
    "prioritization": ("Prioritization", "Priorisierung"),
    "readiness": ("Readiness", "Bereitschaft"),
    "maturity": ("Maturity", "Reifegrad"),
    "baseline": ("Baseline", "Ausgangswerte"),
    "risk": ("Risk", "Risiko"),
    "regulation": ("Regulation", "Regulierung"),
}
SCOPE_NAMES: dict[str, str] = {"organisation": "organisation", "use_case": "per use case"}
TYPE_NAMES: dict[str, str] = {
    "scale": "scale 0-4",
    "choice": "single choice",
    "checklist": "checklist (multiple choice)",
    "number": "number",
    "text": "free text",
}
EFFORT_NAMES: dict[str, str] = {"S": "S (small)", "M": "M (medium)", "L": "L (large)"}


def render_markdown(library: Library) -> str:
    """Return the complete workshop-kit document as Markdown text."""
    out: list[str] = []
    out.extend(_header(library))
    out.extend(_overview(library))
    out.extend(_agenda(library))
    for qn in library.questionnaires:
        out.extend(_questionnaire(library, qn))
    out.extend(_dimensions(library))
    out.extend(_actions(library))
    out.extend(_risks(library))
    from readiness_app.questionnaire.regulation_doc import render_regulation

    out.extend(render_regulation(library))
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------- helpers


def _cell(text: str) -> str:
    """Make text safe for one Markdown table cell."""
    return " ".join(text.replace("|", "\\|").split())


def _num(value: float) -> str:
    return f"{value:g}"


def _anchor(identifier: str) -> str:
    return identifier.replace(".", "-").replace("_", "-").lower()


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    head = [_cell(h) for h in header]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    lines.append("")
    return lines


def _dimension_label(library: Library, dimension_id: str) -> str:
    dim = library.dimensions.get(dimension_id)
    return f"`{dimension_id}` ({dim.name.en})" if dim is not None else f"`{dimension_id}`"


def _action_ref(library: Library, action_id: str) -> str:
    action = library.actions.get(action_id)
    return f"`{action_id}` ({action.title.en})" if action is not None else f"`{action_id}`"


def _references(library: Library) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Which questions / flags suggest each action, and which questions raise each flag."""
    action_refs: dict[str, list[str]] = {a: [] for a in library.actions}
    flag_refs: dict[str, list[str]] = {f: [] for f in library.risks}
    for q in library.iter_questions():
        for a in q.actions:
            action_refs.setdefault(a, []).append(q.id)
        for rule in q.risks:
            refs = flag_refs.setdefault(rule.flag, [])
            if q.id not in refs:
                refs.append(q.id)
    for flag in library.risks.values():
        for a in flag.actions:
            action_refs.setdefault(a, []).append(flag.id)
    return action_refs, flag_refs


# --------------------------------------------------------------------------- sections


def _header(library: Library) -> list[str]:
    version = library.library_version or "unversioned"
    return [
        "# Readiness Studio: questionnaires and workshop kit",
        "",
        "# Readiness Studio: Fragebögen und Workshop-Unterlagen",
        "",
        f"Library version / Version der Bibliothek: **{version}**",
        "",
        "This document is generated from the questionnaire files. Do not edit it by hand; "
        "change the TOML files and regenerate it.",
        "",
        "Dieses Dokument wird aus den Fragebogendateien erzeugt. Bitte nicht von Hand bearbeiten; "
        "ändern Sie die TOML-Dateien und erzeugen Sie es neu.",
        "",
    ]


def _overview(library: Library) -> list[str]:
    out = ["## Overview / Überblick", ""]
    rows = []
    total = 0
    for qn in library.questionnaires:
        n = len(qn.questions)
        total += n
        scored = sum(1 for q in qn.questions if q.scored)
        rows.append([
            f"[{qn.title.en}](#{_anchor('qn-' + qn.id)})", qn.title.de, qn.kind, qn.version,
            str(len(qn.sections)), str(n), str(scored),
        ])
    rows.append(["**Total / Gesamt**", "", "", "", "", f"**{total}**", ""])
    out.extend(_table(
        ["Questionnaire", "Fragebogen", "Kind", "Version", "Sections", "Questions", "Scored"], rows))
    out.extend([
        f"Dimensions: {len(library.dimensions)} · Actions: {len(library.actions)} "
        f"(checklist: {sum(1 for a in library.actions.values() if a.checklist)}) · "
        f"Risk flags: {len(library.risks)}",
        "",
        "Scale questions are scored 0-4. Level descriptors run from 0 (least of the measured "
        "property) to 4 (most of it). For questions with negative polarity a high level means more "
        "complexity or effort, so it counts against the use case. Critical readiness items block "
        "production while the room's answer is below their threshold.",
        "",
        "Skalenfragen werden mit 0-4 bewertet. Die Stufenbeschreibungen reichen von 0 (am wenigsten "
        "der gemessenen Eigenschaft) bis 4 (am meisten). Bei Fragen mit negativer Polarität bedeutet "
        "eine hohe Stufe mehr Komplexität oder Aufwand und wirkt daher gegen den Anwendungsfall. "
        "Kritische Bereitschaftspunkte blockieren den Produktivbetrieb, solange die Antwort der Runde "
        "unter ihrem Schwellenwert liegt.",
        "",
    ])
    return out


def _agenda(library: Library) -> list[str]:
    def count(kind: str) -> int:
        return sum(len(qn.questions) for qn in library.by_kind(kind))

    rows = [
        ["1", "Introduction, goals, operating baseline (organisation)",
         "Einführung, Ziele, betriebliche Ausgangswerte (Organisation)", "20 min",
         f"{count('baseline')} baseline questions"],
        ["2", "Use-case prioritization (about 8-10 min per candidate)",
         "Priorisierung der Anwendungsfälle (ca. 8-10 Min. je Kandidat)", "30-60 min",
         f"{count('prioritization')} questions per use case"],
        ["3", "Data and workflow readiness for the one or two strongest candidates",
         "Daten- und Prozessbereitschaft für die ein bis zwei stärksten Kandidaten", "30-60 min",
         f"{count('readiness')} questions per use case"],
        ["4", "AI-operations maturity", "Reifegrad des KI-Betriebs", "45-60 min",
         f"{count('maturity')} criteria"],
        ["5", "Scale-up risk check", "Risikocheck für die Skalierung", "15 min",
         f"{count('risk')} questions"],
        ["5b", "EU AI Act screening per use case (structured screening, not legal advice)",
         "Screening nach der KI-Verordnung je Anwendungsfall (strukturiertes Screening, keine Rechtsberatung)",
         "5-10 min per use case", f"{count('regulation')} questions per use case"],
        ["6", "First lane, blockers and the 90-day roadmap",
         "Erster Produktionspfad, Blocker und 90-Tage-Roadmap", "20-30 min", "results"],
    ]
    out = ["## Suggested workshop agenda / Vorgeschlagener Workshop-Ablauf", ""]
    out.extend(_table(["Step", "Topic", "Thema", "Time", "Material"], rows))
    out.extend([
        "For a short (2 hour) session, prioritize only the three to five most promising "
        "candidates and assess readiness for the strongest one; the maturity section can be "
        "pre-filled by the consultant and confirmed in the room.",
        "",
        "Für eine kurze Sitzung (2 Stunden) priorisieren Sie nur die drei bis fünf "
        "aussichtsreichsten Kandidaten und bewerten die Bereitschaft nur für den stärksten; "
        "den Reifegrad kann die Beraterin oder der Berater vorausfüllen und in der Runde bestätigen lassen.",
        "",
    ])
    return out


def _questionnaire(library: Library, qn: Questionnaire) -> list[str]:
    kind_en, kind_de = KIND_NAMES.get(qn.kind, (qn.kind, qn.kind))
    out = [
        f'<a id="{_anchor("qn-" + qn.id)}"></a>',
        "",
        f"## {qn.title.en} / {qn.title.de}",
        "",
    ]
    meta = f"Id `{qn.id}` · kind {kind_en} ({kind_de}) · version {qn.version}"
    if qn.path:
        meta += f" · file `{PurePath(qn.path).name}`"
    out.extend([meta, "", qn.description.en, "", qn.description.de, ""])
    for section in qn.sections:
        out.extend([f"### {section.title.en} / {section.title.de}", "", f"Section `{section.id}`", ""])
        for q in section.questions:
            out.extend(_question(library, q))
    return out


def _question(library: Library, q: Question) -> list[str]:
    out = [f"#### `{q.id}`", "", f"**EN:** {q.text.en}", "", f"**DE:** {q.text.de}", ""]
    facts = [
        f"type {TYPE_NAMES.get(q.type, q.type)}",
        f"dimension {_dimension_label(library, q.dimension)}",
        f"weight {_num(q.weight)}",
        f"scope {SCOPE_NAMES.get(q.scope, q.scope)}",
    ]
    if q.stage is not None:
        en, de = STAGE_NAMES.get(q.stage, (str(q.stage), str(q.stage)))
        facts.append(f"stage {q.stage} ({en} / {de})")
    if q.polarity == "negative":
        facts.append("polarity negative (lower is better)" if q.type == "number"
                     else "polarity negative (high = more complex / more effort)")
    if q.critical:
        facts.append(f"**critical: blocks production below {_num(q.threshold)}**")
    if not q.scored:
        facts.append("not scored")
    out.extend(["- " + " · ".join(facts)])
    if q.help.en or q.help.de:
        out.extend([f"- Help: {q.help.en}", f"- Hilfe: {q.help.de}"])
    if q.unit is not None:
        out.append(f"- Unit / Einheit: {q.unit.en} / {q.unit.de}")
    out.append("")
    if q.levels:
        rows = [[str(i), lv.en, lv.de] for i, lv in enumerate(q.levels)]
        out.extend(_table(["Level", "English", "Deutsch"], rows))
    if q.options:
        rows = [
            [f"`{o.id}`", _num(o.value) if o.value is not None else "-", o.label.en, o.label.de]
            for o in q.options
        ]
        out.extend(_table(["Option", "Value", "English", "Deutsch"], rows))
    if q.actions:
        out.append("Actions when it scores low: " + ", ".join(_action_ref(library, a) for a in q.actions))
        out.append("")
    for rule in q.risks:
        out.append(_rule(library, rule))
        out.append("")
    return out


def _rule(library: Library, rule: RiskRule) -> str:
    flag = library.risks.get(rule.flag)
    name = f" ({flag.name.en})" if flag is not None else ""
    if rule.when == "in":
        cond = "the answer is one of " + ", ".join(f"`{o}`" for o in rule.options)
    elif rule.when == "le":
        cond = f"the answer is at most {_num(rule.threshold or 0.0)}"
    else:
        cond = f"the answer is at least {_num(rule.threshold or 0.0)}"
    return f"Risk flag `{rule.flag}`{name} is raised when {cond}."


def _dimensions(library: Library) -> list[str]:
    out = ["## Dimensions / Dimensionen", ""]
    order = {k: i for i, k in enumerate(KINDS)}
    dims = sorted(library.dimensions.values(), key=lambda d: order.get(d.kind, len(KINDS)))
    rows = [[f"`{d.id}`", d.kind, d.name.en, d.name.de, d.description.en, d.description.de] for d in dims]
    out.extend(_table(["Id", "Kind", "Name", "Name (DE)", "Description", "Beschreibung"], rows))
    return out


def _actions(library: Library) -> list[str]:
    action_refs, _ = _references(library)
    out = [
        "## Action library / Maßnahmenbibliothek",
        "",
        "Actions marked as checklist items come from the next-step checklist and are part of every "
        "roadmap. / Als Checklistenpunkt markierte Maßnahmen stammen aus der Checkliste für die "
        "nächsten Schritte und sind Teil jeder Roadmap.",
        "",
    ]
    for phase in sorted(PHASE_NAMES):
        en, de = PHASE_NAMES[phase]
        in_phase = [a for a in library.actions.values() if a.phase == phase]
        if not in_phase:
            continue
        out.extend([f"### Phase {phase}: {en} / {de}", ""])
        rows = [
            [f"`{a.id}`", a.title.en, a.title.de, role_label(a.owner_role, "en"), a.effort,
             "yes" if a.checklist else ""]
            for a in in_phase
        ]
        out.extend(_table(["Id", "Action", "Maßnahme", "Owner", "Effort", "Checklist"], rows))
        for a in in_phase:
            out.extend(_action(a, action_refs.get(a.id, [])))
    return out


def _action(a: Action, refs: list[str]) -> list[str]:
    en, de = PHASE_NAMES.get(a.phase, (str(a.phase), str(a.phase)))
    facts = [
        f"owner {role_label(a.owner_role, 'en')} / {role_label(a.owner_role, 'de')}",
        f"phase {a.phase} ({en} / {de})",
        f"effort {EFFORT_NAMES.get(a.effort, a.effort)}",
    ]
    if a.checklist:
        facts.append("**checklist item / Checklistenpunkt**")
    out = [
        f"#### `{a.id}`",
        "",
        f"**EN:** {a.title.en}",
        "",
        f"**DE:** {a.title.de}",
        "",
        "- " + " · ".join(facts),
        f"- Why: {a.why.en}",
        f"- Warum: {a.why.de}",
    ]
    if refs:
        out.append("- Suggested by: " + ", ".join(f"`{r}`" for r in refs))
    out.append("")
    return out


def _risks(library: Library) -> list[str]:
    _, flag_refs = _references(library)
    out = ["## Risk flags / Risikomerkmale", ""]
    for flag in library.risks.values():
        out.extend(_risk(library, flag, flag_refs.get(flag.id, [])))
    return out


def _risk(library: Library, flag: RiskFlag, refs: list[str]) -> list[str]:
    out = [
        f"### `{flag.id}`",
        "",
        f"**EN:** {flag.name.en}",
        "",
        f"**DE:** {flag.name.de}",
        "",
        f"- severity {flag.severity}",
        f"- Description: {flag.description.en}",
        f"- Beschreibung: {flag.description.de}",
    ]
    if flag.actions:
        out.append("- Actions: " + ", ".join(_action_ref(library, a) for a in flag.actions))
    if refs:
        out.append("- Raised by: " + ", ".join(f"`{r}`" for r in refs))
    out.append("")
    return out


__all__ = ["render_markdown"]
