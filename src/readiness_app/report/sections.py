"""The report's chapters, as reportlab flowables: one builder per section id.

Each ``section_*`` function takes the build context (:class:`~.chapters.base.Ctx`) and returns
the section's flowables. The builders live in :mod:`readiness_app.report.chapters`, one module
per chapter; all wording comes from :mod:`readiness_app.report.texts`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from readiness_app.report.chapters.appendix import section_appendix
from readiness_app.report.chapters.base import Ctx, answer_text
from readiness_app.report.chapters.front import section_contents, section_cover
from readiness_app.report.chapters.imported import section_imported
from readiness_app.report.chapters.maturity import section_maturity
from readiness_app.report.chapters.movement import section_movement
from readiness_app.report.chapters.operating import section_operating
from readiness_app.report.chapters.portfolio import section_portfolio
from readiness_app.report.chapters.readiness import section_readiness
from readiness_app.report.chapters.regulation import section_regulation
from readiness_app.report.chapters.roadmap import section_roadmap
from readiness_app.report.chapters.summary import section_summary, target_metric, target_values

__all__ = ["SECTION_BUILDERS", "Ctx", "answer_text", "target_metric", "target_values"]

SECTION_BUILDERS: dict[str, Callable[[Ctx], list[Any]]] = {
    "cover": section_cover,
    "contents": section_contents,
    "summary": section_summary,
    "movement": section_movement,
    "maturity": section_maturity,
    "portfolio": section_portfolio,
    "readiness": section_readiness,
    "roadmap": section_roadmap,
    "operating": section_operating,
    "regulation": section_regulation,
    "imported": section_imported,  # issue 14: an earlier assessment's own questions, when imported
    "appendix": section_appendix,
}
