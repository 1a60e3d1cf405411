"""What the report shows and how it looks: the data read from one assessment and the branding.

Both the PDF writer (:mod:`.pdf`) and its chapters (:mod:`.sections`) import these types, so
they live below both.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from readiness_app.model import Engagement, Participant, UseCase
from readiness_app.questionnaire.loader import Library
from readiness_app.report.texts import t
from readiness_app.scoring.results import Results

if TYPE_CHECKING:
    from readiness_app.followup.baseline import Movement
    from readiness_app.followup.portfolio import Portfolio

DEFAULT_ACCENT = "#0E6E78"  # deep teal: calm, prints well, distinct from the red/amber/green of the heatmap
DEFAULT_LOGO = "logo-default.png"

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Branding:
    """The consultancy's look: shown on the cover and in every page header.

    ``consultancy`` overrides the engagement's consultancy name when set. ``logo`` is a PNG or
    JPEG file (``None``: the bundled default mark). ``accent`` is a ``#RRGGBB`` colour.
    """

    consultancy: str = ""
    logo: Path | None = None
    accent: str = DEFAULT_ACCENT


def default_logo_path() -> Path:
    from readiness_app.resources import asset_path

    return asset_path(DEFAULT_LOGO)


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything the report shows, read from one assessment file."""

    source: Path
    engagement: Engagement
    participants: tuple[Participant, ...]
    use_cases: tuple[UseCase, ...]
    library: Library
    results: Results
    instruments: tuple[dict[str, str], ...] = field(default_factory=tuple)
    movement: Movement | None = None  # a follow-up's movement since its baseline
    portfolio: Portfolio | None = None  # the benchmark to place this client in (optional)

    def client_name(self, lang: str) -> str:
        return self.engagement.client.strip() or t("doc.client_unnamed", lang)


def load_report_data(assessment_file: Path) -> ReportData:
    """Open ``assessment_file`` read-only, score it and keep what the report needs."""
    from readiness_app.errors import AssessmentFileError
    from readiness_app.followup.baseline import movement_of
    from readiness_app.scoring import build_input, score
    from readiness_app.store.assessment_file import AssessmentFile

    path = Path(assessment_file)
    af = AssessmentFile.open_readonly(path)
    try:
        inp = build_input(af)
        results = score(inp)
        try:
            movement = movement_of(af, results)
        except AssessmentFileError as exc:  # a damaged stored baseline: the report without the progress
            log.warning("report without the progress since the baseline: %s", exc)
            movement = None
        return ReportData(
            source=path, engagement=af.engagement(), participants=inp.participants, use_cases=inp.use_cases,
            library=inp.library, results=results, instruments=tuple(af.instruments()), movement=movement,
        )
    finally:
        af.close()
