"""What an import would write, and every problem, before anything is written.

The plan types live below every reader that fills them (:mod:`.importer` for foreign
workbooks, :mod:`.scorecard` and :mod:`.template` for our own), so none of them imports another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from readiness_app.excel.mapping import ImportProfile
from readiness_app.model import Answer, Engagement, Participant, RoadmapEdit, UseCase
from readiness_app.questionnaire.loader import Library, Questionnaire

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.excel.layouts import SheetLayout

Severity = Literal["error", "warning", "info"]
Kind = Literal["foreign", "template", "scorecard"]
Progress = Callable[[int, int], None]  # (rows read, rows expected or 0)


@dataclass(frozen=True, slots=True)
class ImportProblem:
    """One thing that will not be imported as it stands, or that the user should know."""

    sheet: str
    row: int | None
    column: str | None  # "F (Answer)"
    reason: str
    severity: Severity = "error"

    def place(self) -> str:
        parts = [self.sheet] if self.sheet else []
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return " / ".join(parts)

    def format(self, file: str = "") -> str:
        where = " / ".join(p for p in (file, self.place()) if p)
        return f"{where}: {self.reason}" if where else self.reason


@dataclass(frozen=True, slots=True)
class PlannedAnswer:
    """An answer the import will write, with what it was read from."""

    answer: Answer
    sheet: str
    row: int
    raw: str  # the answer cell as the user sees it
    question_text: str
    match: str  # how the question was found: id, id in text, text, similar text, profile, template, scorecard
    confidence: float
    participant: str  # the participant's name, "" for the consensus
    use_case: str  # the use case's name, "" for organisation-wide questions
    column: int = -1  # the answer cell's column (0-based), -1 when not known


@dataclass(slots=True)
class ImportPlan:
    """Everything an import would write, and every problem, before anything is written."""

    source: Path
    kind: Kind
    library: Library
    engagement: Engagement
    participants: list[Participant] = field(default_factory=list)  # to be created
    use_cases: list[UseCase] = field(default_factory=list)  # to be created
    answers: list[PlannedAnswer] = field(default_factory=list)
    problems: list[ImportProblem] = field(default_factory=list)
    targets: dict[str, int] = field(default_factory=dict)
    roadmap_edits: list[RoadmapEdit] = field(default_factory=list)
    profile: ImportProfile | None = None
    sheets: list[str] = field(default_factory=list)  # the sheets read
    rows_read: int = 0
    assessment_id: str = ""  # our own workbooks: the assessment they were exported from
    meta: dict[str, str] = field(default_factory=dict)  # a scorecard's are a follow-up's baseline link, kept on apply
    instruments: list[Questionnaire] = field(default_factory=list)  # imported instruments to embed (in ``library``)
    layouts: list[SheetLayout] = field(default_factory=list)  # foreign workbooks: each sheet read and its layout
    value_map: dict[str, Any] = field(default_factory=dict)  # answer label -> value on 0-4 (or option, "n/a")

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def file(self) -> str:
        return self.source.name

    def first_error_line(self) -> str:
        errs = self.errors
        if not errs:
            return ""
        more = f" (and {len(errs) - 1} more)" if len(errs) > 1 else ""
        return errs[0].format(self.file) + more

    def summary(self) -> str:
        na = sum(1 for a in self.answers if a.answer.not_applicable)
        votes = sum(1 for a in self.answers if not a.answer.is_consensus)
        kind = {"foreign": "workbook", "template": "fill-in template", "scorecard": "Readiness Studio scorecard"}
        return (f"{self.file} ({kind[self.kind]}): {len(self.answers)} answers ({votes} votes, "
                f"{len(self.answers) - votes} consensus, {na} not applicable) from {self.rows_read} rows in "
                f"{len(self.sheets)} sheet(s); {len(self.participants)} participant(s) and "
                f"{len(self.use_cases)} use case(s) to create; {len(self.errors)} problem(s), "
                f"{len(self.warnings)} warning(s)")

    def with_instrument_title(self, title: str) -> ImportPlan:
        """This plan with its (first) imported instrument under ``title``: the user edits the workbook's title."""
        from dataclasses import replace

        from readiness_app.questionnaire.imported import retitle

        if not self.instruments:
            return self
        old = self.instruments[0]
        new = retitle(old, title)
        if new is old:
            return self
        questionnaires = tuple(new if qn.id == old.id else qn for qn in self.library.questionnaires)
        return replace(self, instruments=[new, *self.instruments[1:]],
                       library=replace(self.library, questionnaires=questionnaires, _questions={}))

    def to_json(self) -> dict[str, Any]:
        """The plan as ``readiness import --dry-run --json`` prints it (exactly these keys)."""
        used = {pa.answer.question_id for pa in self.answers}
        created = {qn.id for qn in self.instruments}
        instruments = []
        for qn in self.library.questionnaires:
            if qn.id in created or any(q.id in used for q in qn.questions):
                instruments.append({"id": qn.id, "title": qn.title.en, "kind": qn.kind,
                                    "created": qn.id in created, "questions": len(qn.questions),
                                    "sections": [s.title.en for s in qn.sections]})
        layouts = {lay.layout for lay in self.layouts}
        layout = self.layouts[0].layout if len(layouts) == 1 else ("mixed" if layouts else self.kind)
        return {
            "layout": layout,
            "sheets": [{"name": lay.sheet, "layout": lay.layout, "header_row": lay.header_row,
                        "columns": lay.column_roles()} for lay in self.layouts]
            or [{"name": s, "layout": self.kind, "header_row": None, "columns": {}} for s in self.sheets],
            "instruments": instruments,
            "answers": len(self.answers),
            "participants": [p.name for p in self.participants],
            "use_cases": [u.name for u in self.use_cases],
            "value_map": {k: v for k, v in self.value_map.items()},
            "problems": [{"severity": p.severity, "sheet": p.sheet, "row": p.row, "column": p.column,
                          "reason": str(p.reason)} for p in self.problems],
        }

    def preview_lines(self, limit: int | None = None) -> list[str]:
        """A text preview: one line per answer (sheet, row, question, value, who, where)."""
        lines = []
        for pa in self.answers[:limit]:
            a = pa.answer
            shown = "N/A" if a.not_applicable else _value_text(a.value)
            conf = "" if pa.confidence >= 0.999 else f" [{pa.match} {pa.confidence:.0%}]"
            who = pa.participant or "consensus"
            where = f" / {pa.use_case}" if pa.use_case else ""
            lines.append(f"{pa.sheet} / row {pa.row}: {a.question_id} = {shown} ({pa.raw!r}; {who}{where}){conf}")
        return lines


def _value_text(value: Any) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return "-" if value is None else str(value)
