"""Import assessments from Excel workbooks: plan first (nothing written), then apply.

Three kinds of workbook are recognised:

* our own **scorecard** (``readiness export --xlsx``): rebuilt exactly from its hidden data sheet;
* our own **fill-in template** (``readiness export --template``): answers read row by row, no
  mapping needed;
* **foreign** workbooks (prior assessments made elsewhere): sheet, header row and columns are
  detected or given by an :class:`~readiness_app.excel.mapping.ImportProfile`; questions are
  matched by id or similar text, values mapped onto our scales.

:func:`plan_import` reads the workbook (streaming, read-only) and returns an
:class:`ImportPlan`: every answer that would be imported, every participant and use case that
would be created, and every problem (sheet, row, column, reason). Nothing is written.
:func:`apply_plan` then writes a **new** assessment file atomically (built beside the target,
moved into place; a failure leaves no file); :func:`apply_into` adds a plan's answers to an
open assessment in one transaction. Every imported answer records where it came from in
``Answer.source`` ("file.xlsx / Sheet / row 12").

The import wizard in the UI drives the same functions: :func:`inspect_workbook` (sheets),
:func:`preview_sheet` (first rows, detected header and columns), :func:`suggest_profile`,
:func:`plan_import`, :func:`apply_plan`.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from readiness_app.errors import ReadinessError, WorkbookImportError
from readiness_app.excel.mapping import (
    ImportProfile,
    cell_text,
    detect_header_row,
    guess_columns,
    guess_language,
    normalise,
)
from readiness_app.excel.plan import (
    ImportPlan,
    ImportProblem,
    Kind,
    PlannedAnswer,
    Progress,
)
from readiness_app.excel.readers import WorkbookReader
from readiness_app.excel.workbook_io import (
    DATA_SHEET,
    column_letter,
    give_default_mode,
)
from readiness_app.messages import msg
from readiness_app.questionnaire.loader import Library

HEADER_SEARCH_ROWS = 40


# --------------------------------------------------------------------------- inspection (wizard)


@dataclass(frozen=True, slots=True)
class SheetInfo:
    name: str
    state: str  # visible, hidden, veryHidden
    rows: int | None  # known from the file, or None


@dataclass(frozen=True, slots=True)
class WorkbookInfo:
    path: Path
    kind: Kind
    sheets: tuple[SheetInfo, ...]


def inspect_workbook(path: Path) -> WorkbookInfo:
    """The sheets of a workbook (hidden ones too) and whether it is one of our own formats."""
    with WorkbookReader(Path(path)) as rd:
        kind = _own_kind(rd)
        sheets = []
        for name in rd.sheet_names:
            sheets.append(SheetInfo(name, rd.sheet_state(name), rd.row_count(name)))
        return WorkbookInfo(Path(path), kind, tuple(sheets))


@dataclass(frozen=True, slots=True)
class SheetPreview:
    sheet: str
    header_row: int | None
    headers: tuple[str, ...]
    columns: dict[str, int]  # role -> 0-based column
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # the first rows as text
    layout: str = "long"  # the detected layout: long, by-subject or by-participant


def preview_sheet(path: Path, sheet: str, *, rows: int = HEADER_SEARCH_ROWS, header_row: int | None = None) -> SheetPreview:
    """The first rows of a sheet as text, with the detected header row and column roles."""
    with WorkbookReader(Path(path)) as rd:
        name = rd.resolve(sheet)
        head = list(rd.rows(name, max_row=max(rows, header_row or 0)))
    values = [(n, [c.value for c in cells]) for n, cells in head]
    hr = header_row or detect_header_row(values[:HEADER_SEARCH_ROWS])
    headers: tuple[str, ...] = ()
    if hr is not None:
        headers = tuple(cell_text(v) for n, vals in values if n == hr for v in vals)
    from readiness_app.excel.layouts import detect_layout

    lay = detect_layout(name, values, header_row=hr) if hr is not None else None
    return SheetPreview(name, hr, headers, guess_columns(headers) if headers else {},
                        tuple((n, tuple(cell_text(v) for v in vals)) for n, vals in values),
                        lay.layout if lay is not None else "long")


def suggest_profile(path: Path, sheet: str | None = None) -> ImportProfile:
    """A profile from the detected header row and recognised column names of ``sheet``."""
    with WorkbookReader(Path(path)) as rd:
        names = [sheet] if sheet else [n for n in rd.sheet_names if rd.sheet_state(n) == "visible"]
    for name in names:
        pv = preview_sheet(path, name)
        if "answer" in pv.columns and ("question" in pv.columns or "question_id" in pv.columns):
            return ImportProfile(sheets=[pv.sheet], header_row=pv.header_row,
                                 columns={role: pv.headers[i] or column_letter(i + 1) for role, i in pv.columns.items()},
                                 language=guess_language(pv.headers))
    return ImportProfile(sheets=[names[0]] if sheet and names else [])


# --------------------------------------------------------------------------- saved profiles


def profile_matches(path: Path, profile: ImportProfile) -> bool:
    """Whether ``path`` has the layout ``profile`` was saved from: its sheets and their header cells.

    The profile's ``signature`` lists each sheet read as "Sheet: header | header"; every one must be
    found (the sheet by its name, except in a CSV file, whose one sheet is named after the file).
    """
    if not profile.signature:
        return False
    from readiness_app.excel.workbook_io import resolve_sheet

    with WorkbookReader(Path(path)) as rd:
        for entry in profile.signature:
            sheet, _sep, heads = entry.partition(": ")
            name = rd.sheet_names[0] if rd.fmt == "csv" else resolve_sheet(rd.sheet_names, sheet)
            if name is None:
                return False
            wanted = [normalise(h) for h in heads.split(" | ") if h.strip()]
            limit = max(HEADER_SEARCH_ROWS, profile.header_row or 0)
            if not any([normalise(cell_text(c.value)) for c in cells if cell_text(c.value)] == wanted
                       for _n, cells in rd.rows(name, max_row=limit)):
                return False
    return True


def find_profile(path: Path, candidates: Path | list[Path]) -> tuple[Path, ImportProfile] | None:
    """The first saved profile (a file, or the ``*.json`` files of a folder) that recognises ``path``."""
    files = sorted(candidates.glob("*.json")) if isinstance(candidates, Path) and candidates.is_dir() else (
        [candidates] if isinstance(candidates, Path) else list(candidates))
    for f in files:
        try:
            profile = ImportProfile.load(f)
        except WorkbookImportError:
            continue  # not a profile (or a damaged one): it recognises nothing
        if profile_matches(path, profile):
            return f, profile
    return None


# --------------------------------------------------------------------------- planning


def plan_import(path: Path, library: Library | None = None, profile: ImportProfile | None = None, *,
                sheet: str | None = None, header_row: int | None = None,
                progress: Progress | None = None, layout: str | None = None) -> ImportPlan:
    """Read ``path`` and return what an import would do. Writes nothing.

    Our own scorecards and templates are recognised and need no profile (unless one is given).
    ``layout`` ("long", "by-subject", "by-participant") overrides the detected layout.
    Raises WorkbookImportError when the file cannot be read at all; row problems are in the plan.
    """
    path = Path(path)
    with WorkbookReader(path) as rd:
        kind = _own_kind(rd)
        if kind != "foreign" and profile is None and sheet is None and header_row is None and layout is None:
            if kind == "scorecard":
                from readiness_app.excel.scorecard import read_scorecard

                return read_scorecard(rd)
            from readiness_app.excel.template import read_template

            return read_template(rd, library)
        if library is None:
            from readiness_app.questionnaire.loader import load_library

            library = load_library()
        from readiness_app.excel.foreign import ForeignImport

        return ForeignImport(rd, library, profile or ImportProfile(), sheet, header_row, progress, layout).plan()


def _own_kind(rd: WorkbookReader) -> Kind:
    if DATA_SHEET not in rd.sheet_names:
        return "foreign"
    for _n, cells in rd.rows(DATA_SHEET, max_row=5, max_col=3):
        if len(cells) >= 3 and cells[0].value == "format":
            fmt = str(cells[2].value or "")
            if fmt.startswith("readiness-scorecard/"):
                return "scorecard"
            if fmt.startswith("readiness-template/"):
                return "template"
    return "foreign"


# --------------------------------------------------------------------------- applying


def apply_plan(plan: ImportPlan, target: Path, *, overwrite: bool = False, author: str = "",
               allow_problems: bool = False) -> Path:
    """Write the plan as a NEW assessment file at ``target`` (atomically; nothing on failure)."""
    from readiness_app.store.assessment_file import AssessmentFile

    target = Path(target)
    if plan.errors and not allow_problems:
        raise WorkbookImportError(msg("{count} row(s) cannot be imported; first: {first}. Fix the workbook or the "
                                      "profile, or import the rest anyway", count=len(plan.errors),
                                      first=plan.errors[0].format()), path=plan.file)
    if not plan.answers and not plan.instruments and plan.kind == "foreign":
        raise WorkbookImportError(msg("nothing to import: no answer could be read"), path=plan.file)
    if target.exists() and not overwrite:
        raise WorkbookImportError(msg("exists already; choose another name or allow replacing it"), path=str(target))
    if not target.parent.is_dir():
        raise WorkbookImportError(msg("the folder does not exist"), path=str(target.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".import.tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        af = AssessmentFile.create(tmp, plan.library, plan.engagement, author=author, overwrite=True, lock=False)
        try:
            # nobody sees the temporary file until it is complete: one sync at the end instead of one
            # per participant and use case (the writes themselves still go through AssessmentFile)
            af.db.execute("PRAGMA synchronous = OFF")
            _write_plan(af, plan, new_file=True)
            if plan.kind == "scorecard":
                for key, value in plan.meta.items():
                    af.set_meta(key, value)
        finally:
            af.close()
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        give_default_mode(tmp)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        with contextlib.suppress(OSError):
            Path(tmp_name + "-journal").unlink()
        if isinstance(exc, ValueError | KeyError):
            raise WorkbookImportError(msg("the import could not be written ({detail}); nothing was written",
                                          detail=str(exc)),
                                      path=plan.file) from exc
        raise
    return target


def apply_into(plan: ImportPlan, af: Any, *, allow_problems: bool = False) -> int:
    """Add a plan's participants, use cases and answers to the open assessment ``af``; returns the answers written.

    Never removes what the room recorded, and a personal template's answers become that
    participant's pre-work votes (the rules are in :mod:`.prework`).
    """
    from readiness_app.excel.prework import write_into

    return write_into(af, plan, allow_problems=allow_problems).written


def _write_plan(af: Any, plan: ImportPlan, *, new_file: bool) -> int:
    if not new_file:
        for qn in plan.instruments:
            af.add_instrument(qn)
    existing_p = {p.id for p in af.participants()}
    existing_uc = {u.id for u in af.use_cases()}
    for p in plan.participants:
        if p.id not in existing_p:
            af.add_participant(p.name, p.role, p.organisation, participant_id=p.id,
                               position=p.position if new_file else None)
    for uc in plan.use_cases:
        if uc.id not in existing_uc:
            af.add_use_case(uc.name, uc.description, uc.stage, use_case_id=uc.id,
                            position=uc.position if new_file else None)
    count: int = af.set_answers([pa.answer for pa in plan.answers], action="import")
    for dim, level in plan.targets.items():
        af.set_target(dim, level)
    if plan.roadmap_edits:
        af.restore_roadmap_edits(plan.roadmap_edits)
    return count


def iter_problem_lines(plan: ImportPlan) -> Iterator[str]:
    for p in plan.problems:
        yield f"{p.severity}: {p.format(plan.file)}"


__all__ = [
    "DATA_SHEET", "ImportPlan", "ImportProblem", "ImportProfile", "PlannedAnswer", "ReadinessError",
    "SheetInfo", "SheetPreview", "WorkbookInfo", "apply_into", "apply_plan", "inspect_workbook",
    "iter_problem_lines", "plan_import", "preview_sheet", "suggest_profile",
]
