"""The regulation part of the questionnaire reference (docs/questionnaires.md): AI Act obligations and the crosswalk."""

from __future__ import annotations

from collections.abc import Iterable

from readiness_app.questionnaire.loader import Library
from readiness_app.questionnaire.regulation import link_questions


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> list[str]:
    header = list(header)
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    out.append("")
    return out


def render_regulation(library: Library) -> list[str]:
    """Markdown lines for the obligations and the crosswalk, or none when the library has neither."""
    reg = library.regulation
    if reg is None:
        return []
    out: list[str] = []
    ob = reg.obligations
    if ob is not None:
        out.extend([
            "## EU AI Act obligations / Pflichten nach der KI-Verordnung", "",
            f"Version {ob.version} · Source: {ob.source.en} · As of / Stand: {ob.as_of}", "",
            ob.note.en, "", ob.note.de, "",
            "An obligation applies to a use case when one of its triggers fired in the screening "
            "(`questionnaires/ai_act.toml`) and the organisation's role is one of its roles. When the system is "
            "high-risk through Annex I (Art. 6(1)), the Annex I date applies.", "",
        ])
        out.extend(_table(
            ["Id", "Article", "Triggers", "Roles", "Applies from", "Annex I", "Obligation", "Pflicht"],
            ([f"`{o.id}`", o.article, ", ".join(o.triggers), ", ".join(o.roles), o.applies_from,
              o.applies_from_annex_i or "", o.title.en, o.title.de] for o in ob.obligations)))
    cw = reg.crosswalk
    if cw is None:
        return out
    out.extend([
        "## Crosswalk to NIST AI RMF, ISO/IEC 42001 and the AI Act / Zuordnung zu Rahmenwerken", "",
        f"Version {cw.version} · As of / Stand: {cw.as_of} · {len(cw.links)} links", "",
        "Each link names a question (or a dimension: all its scored questions) and the parts of the "
        "frameworks its answers give evidence for. Coverage per area: see docs/scoring.md.", "",
        "Jede Verknüpfung nennt eine Frage (oder eine Dimension: alle ihre bewerteten Fragen) und die Teile "
        "der Rahmenwerke, für die ihre Antworten Nachweise liefern.", "",
    ])
    for fw in cw.frameworks:
        out.extend([f"### {fw.name.en} / {fw.name.de}", "", f"Source: {fw.source}", ""])
        rows = []
        for area in fw.areas:
            qids: list[str] = []
            for link in cw.links:
                for fid, controls in link.targets:
                    if fid == fw.id and any(fw.area_of(c) is area for c in controls):
                        qids.extend(q for q in link_questions(library, link) if q not in qids)
            rows.append([area.id, area.name.en, area.name.de, ", ".join(f"`{q}`" for q in qids)])
        out.extend(_table(["Area", "Name", "Bezeichnung", "Questions / Fragen"], rows))
    out.extend(["### Links / Verknüpfungen", ""])
    out.extend(_table(
        ["Question or dimension", "NIST AI RMF", "ISO/IEC 42001", "EU AI Act", "Rationale", "Begründung"],
        ([f"`{link.question}`" if link.question else f"dimension `{link.dimension}`",
          *(", ".join(dict(link.targets).get(fid, ())) for fid in ("nist_ai_rmf", "iso_iec_42001", "eu_ai_act")),
          link.rationale.en, link.rationale.de] for link in cw.links)))
    return out
