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
from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from readiness_app.errors import ReadinessError, WorkbookImportError
from readiness_app.excel.mapping import (
    COLUMN_LABELS,
    CONSENSUS_WORDS,
    NA_WORDS,
    ORGANISATION_WORDS,
    ImportProfile,
    QuestionMatcher,
    ValueMapper,
    ValueProblem,
    cell_text,
    detect_header_row,
    detect_scale,
    guess_columns,
    guess_language,
    normalise,
    parse_scale,
    resolve_column,
    role_from_text,
    scale_label,
)
from readiness_app.excel.plan import (
    ImportPlan,
    ImportProblem,
    Kind,
    PlannedAnswer,
    Progress,
    Severity,
)
from readiness_app.excel.workbook_io import (
    DATA_SHEET,
    Cell_,
    WorkbookReader,
    column_letter,
    give_default_mode,
    import_error,
)
from readiness_app.messages import Bilingual, message_of, msg, percent
from readiness_app.model import (
    CONSENSUS,
    ORGANISATION,
    Answer,
    Engagement,
    Participant,
    UseCase,
)
from readiness_app.questionnaire.loader import Library, Question

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
            scan = rd.pre.scans.get(name)
            sheets.append(SheetInfo(name, rd.sheet_state(name), scan.rows if scan else _dim_rows(rd, name)))
        return WorkbookInfo(Path(path), kind, tuple(sheets))


def _dim_rows(rd: WorkbookReader, name: str) -> int | None:
    try:
        rows = rd.workbook[name].max_row
    except Exception:  # pragma: no cover - openpyxl detail
        return None
    return int(rows) if rows else None


@dataclass(frozen=True, slots=True)
class SheetPreview:
    sheet: str
    header_row: int | None
    headers: tuple[str, ...]
    columns: dict[str, int]  # role -> 0-based column
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # the first rows as text


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
    return SheetPreview(name, hr, headers, guess_columns(headers) if headers else {},
                        tuple((n, tuple(cell_text(v) for v in vals)) for n, vals in values))


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


# --------------------------------------------------------------------------- planning


def plan_import(path: Path, library: Library | None = None, profile: ImportProfile | None = None, *,
                sheet: str | None = None, header_row: int | None = None,
                progress: Progress | None = None) -> ImportPlan:
    """Read ``path`` and return what an import would do. Writes nothing.

    Our own scorecards and templates are recognised and need no profile (unless one is given).
    Raises WorkbookImportError when the file cannot be read at all; row problems are in the plan.
    """
    path = Path(path)
    with WorkbookReader(path) as rd:
        kind = _own_kind(rd)
        if kind != "foreign" and profile is None and sheet is None and header_row is None:
            if kind == "scorecard":
                from readiness_app.excel.scorecard import read_scorecard

                return read_scorecard(rd)
            from readiness_app.excel.template import read_template

            return read_template(rd, library)
        if library is None:
            from readiness_app.questionnaire.loader import load_library

            library = load_library()
        return _ForeignImport(rd, library, profile or ImportProfile(), sheet, header_row, progress).plan()


def _own_kind(rd: WorkbookReader) -> Kind:
    if DATA_SHEET not in rd.pre.sheet_parts:
        return "foreign"
    for _n, cells in rd.rows(DATA_SHEET, max_row=5, max_col=3):
        if len(cells) >= 3 and cells[0].value == "format":
            fmt = str(cells[2].value or "")
            if fmt.startswith("readiness-scorecard/"):
                return "scorecard"
            if fmt.startswith("readiness-template/"):
                return "template"
    return "foreign"


@dataclass(slots=True)
class _RawRow:
    sheet: str
    row: int
    qid: str
    qtext: str
    answer: Cell_
    note: str
    participant: str
    role: str
    use_case: str
    scope: str
    answer_col: int
    value: Cell_ | None = None  # the answer as a number from another column (e.g. a hidden formula)
    value_col: int | None = None


class _ForeignImport:
    def __init__(self, rd: WorkbookReader, library: Library, profile: ImportProfile, sheet: str | None,
                 header_row: int | None, progress: Progress | None) -> None:
        self.rd = rd
        self.library = library
        self.profile = profile
        self.sheet = sheet
        self.header_row = header_row or profile.header_row
        self.progress = progress
        self.problems: list[ImportProblem] = []
        self.rows: list[_RawRow] = []
        self.headers_by_sheet: dict[str, list[str]] = {}
        self.answer_header: dict[str, str] = {}
        self.sheets_read: list[str] = []
        self.rows_read = 0
        self._confidence: dict[tuple[str, int], tuple[str, float]] = {}
        self.header_rows: dict[str, int] = {}
        self.answer_cols: dict[str, int] = {}
        self.effective_columns: dict[str, str] = {}

    def problem(self, sheet: str, row: int | None, col: int | None, reason: str,
                severity: Severity = "error") -> None:
        colname = None
        if col is not None:
            headers = self.headers_by_sheet.get(sheet, [])
            h = headers[col] if col < len(headers) and headers[col] else ""
            colname = f"{column_letter(col + 1)}" + (f" ({h})" if h else "")
        self.problems.append(ImportProblem(sheet, row, colname, reason, severity))

    # -- which sheets
    def _selected(self) -> list[tuple[str, bool]]:
        wanted = [self.sheet] if self.sheet else list(self.profile.sheets)
        if wanted:
            return [(self.rd.resolve(w), True) for w in wanted]
        return [(n, False) for n in self.rd.sheet_names
                if self.rd.sheet_state(n) == "visible" and n != DATA_SHEET]

    def plan(self) -> ImportPlan:
        for name, explicit in self._selected():
            self._read_sheet(name, explicit)
        if not self.sheets_read:
            raise import_error(self.rd.path, msg("no sheet with a question column and an answer column was found; "
                                                 "choose the sheet, header row and columns (a profile)"),
                               sheet=self.sheet)
        return self._build()

    def _read_sheet(self, name: str, explicit: bool) -> None:
        head = list(self.rd.rows(name, max_row=max(HEADER_SEARCH_ROWS, self.header_row or 0)))
        values = [(n, [c.value for c in cells]) for n, cells in head]
        hr = self.header_row or detect_header_row(values[:HEADER_SEARCH_ROWS])
        severity: Severity = "error" if explicit else "info"
        if hr is None:
            self.problem(name, None, None, msg("no header row found; sheet skipped (give --header-row)"), severity)
            return
        header_cells = next((vals for n, vals in values if n == hr), [])
        headers = [cell_text(v) for v in header_cells]
        self.headers_by_sheet[name] = headers
        cols: dict[str, int] = {}
        if self.profile.columns:
            for role, ref in self.profile.columns.items():
                idx = resolve_column(ref, headers)
                if idx is None:
                    self.problem(name, hr, None, msg("no column {column} for {role} in the header row; sheet skipped",
                                                     column=repr(ref), role=Bilingual(COLUMN_LABELS[role][0].lower(),
                                                                                      COLUMN_LABELS[role][1])),
                                 severity)
                    return
                cols[role] = idx
        else:
            cols = guess_columns(headers)
        if "answer" not in cols or not ({"question", "question_id"} & set(cols)):
            missing = (Bilingual("answer column", "Antwortspalte") if "answer" not in cols
                       else Bilingual("question (id or text) column", "Fragenspalte (ID oder Text)"))
            self.problem(name, hr, None, msg("row {row} has no {missing}; sheet skipped (map the columns in a profile)",
                                             row=hr, missing=missing), severity)
            return
        self.sheets_read.append(name)
        self.header_rows[name] = hr
        if not self.effective_columns:
            self.effective_columns = {role: (headers[i] if i < len(headers) and headers[i] else column_letter(i + 1))
                                      for role, i in cols.items()}
        self.answer_header[name] = headers[cols["answer"]] if cols["answer"] < len(headers) else ""
        self.answer_cols[name] = cols["answer"]
        header_norm = {role: normalise(headers[i]) for role, i in cols.items() if i < len(headers) and headers[i]}
        expected = 0
        scan = self.rd.scan(name)
        if scan is not None:
            expected = scan.rows
        repeated = 0
        for number, cells in self.rd.rows(name):
            self.rows_read += 1
            if self.progress is not None and self.rows_read % 500 == 0:
                self.progress(self.rows_read, expected)
            if number <= hr:
                continue

            def get(role: str, _cells: tuple[Cell_, ...] = cells) -> Cell_:
                i = cols.get(role)
                return _cells[i] if i is not None and i < len(_cells) else Cell_(None)

            picked = {role: get(role) for role in cols}
            for role in ("answer", "answer_value", "note"):  # a merged answer or note belongs to its first row
                if role in picked and picked[role].merged:
                    picked[role] = Cell_(None)
            if all(c.value is None or cell_text(c.value) == "" for c in picked.values()):
                continue
            same = sum(1 for role, c in picked.items()
                       if role in header_norm and isinstance(c.value, str) and normalise(c.value) == header_norm[role])
            if (same >= 2 or (same == 1 and "answer" in header_norm
                              and normalise(cell_text(picked["answer"].value)) == header_norm["answer"])):
                repeated += 1
                continue
            for role, c in picked.items():
                if c.formula and c.value is None and role in ("answer", "answer_value", "question", "question_id"):
                    self.problem(name, number, cols[role],
                                 msg("a formula ({formula}) with no saved result; open the workbook in Excel or "
                                     "LibreOffice, let it calculate, save it and import again",
                                     formula=c.formula_text[:40]))
            self.rows.append(_RawRow(
                name, number,
                qid=cell_text(get("question_id").value), qtext=cell_text(get("question").value),
                answer=picked["answer"], note=cell_text(picked.get("note", Cell_(None)).value),
                value=picked.get("answer_value"),
                participant=cell_text(get("participant").value), role=cell_text(get("role").value),
                use_case=cell_text(get("use_case").value), scope=cell_text(get("scope").value),
                answer_col=cols["answer"], value_col=cols.get("answer_value")))
        if repeated:
            self.problem(name, None, None, msg("{count} repeated header row(s) inside the sheet skipped", count=repeated),
                         "info")

    # -- mapping
    def _build(self) -> ImportPlan:
        profile = self.profile
        lib = self.library
        matcher = QuestionMatcher(lib, profile.questions, profile.min_confidence)
        mapper = ValueMapper(profile.values)
        fixed_scale = parse_scale(profile.scale)
        file = self.rd.name

        matched: list[tuple[_RawRow, Question]] = []
        unanswered = 0
        for r in self.rows:
            has_answer = r.answer.value is not None and cell_text(r.answer.value) != ""
            if not r.qid and not r.qtext:
                if has_answer:
                    self.problem(r.sheet, r.row, None, msg("an answer but no question id or text"))
                continue
            m = matcher.match(r.qid, r.qtext)
            if m.question is None:
                if not has_answer and not r.note:
                    continue  # a section title or guidance row
                shown = f"{r.qid} ({_short(r.qtext, 50)})" if r.qid and r.qtext else (r.qid or r.qtext)
                if m.best_guess is not None and m.confidence >= 0.5:
                    self.problem(r.sheet, r.row, None,
                                 msg("question {question} matches {id} ({text}) only {confidence}; below {minimum}: "
                                     "add it under \"questions\" in the profile to accept",
                                     question=repr(_short(shown)), id=m.best_guess.id,
                                     text=Bilingual(repr(_short(m.best_guess.text.en)), repr(_short(m.best_guess.text.de))),
                                     confidence=percent(m.confidence), minimum=percent(profile.min_confidence)))
                else:
                    self.problem(r.sheet, r.row, None, msg("no question matches {question}", question=repr(_short(shown))))
                continue
            if not has_answer and not r.note:
                unanswered += 1
                continue
            matched.append((r, m.question))
            r.qtext = r.qtext or m.question.text.en
            self._confidence[(r.sheet, r.row)] = (m.how, m.confidence)

        # the numeric scale of each sheet's answer column, from the scale and choice questions
        scales: dict[str, tuple[float, float]] = {}
        for name in self.sheets_read:
            if fixed_scale is not None:
                scales[name] = fixed_scale
                continue
            nums = [h for r, q in matched if r.sheet == name and q.type in ("scale", "choice")
                    and (h := mapper.numeric_hint(_effective(r).value)) is not None]
            scan = self.rd.scan(name)
            offered = scan.dropdown(self.answer_cols[name] + 1) if scan is not None else ()
            sc, why = detect_scale(nums, self.answer_header.get(name, ""), offered)
            scales[name] = sc
            if nums or offered:
                self.problem(name, None, None, msg("numbers in the answer column read as a {scale} scale ({why}); set "
                                                   "\"scale\" in the profile to change", scale=scale_label(sc), why=why),
                             "info")

        participants: dict[str, Participant] = {}
        use_cases: dict[str, UseCase] = {}
        seen: dict[tuple[str, str, str], tuple[str, int]] = {}
        answers: list[PlannedAnswer] = []
        default_uc = profile.default_use_case.strip()
        for r, q in matched:
            source_cell = _effective(r)
            col = r.value_col if source_cell is not r.answer and r.value_col is not None else r.answer_col
            try:
                mapped = mapper.map(q, source_cell.value, scales[r.sheet])
            except ValueProblem as exc:
                self.problem(r.sheet, r.row, col, message_of(exc))
                continue
            if mapped is None and not r.note:
                unanswered += 1
                continue
            if mapped is not None and mapped.warning:
                self.problem(r.sheet, r.row, col, mapped.warning, "warning")
            # who
            pid = CONSENSUS
            pname = ""
            if r.participant and normalise(r.participant) not in CONSENSUS_WORDS:
                key = normalise(r.participant)
                p = participants.get(key)
                if p is None:
                    p = Participant(_new_id("p"), r.participant, role_from_text(r.role, profile.default_role),
                                    position=len(participants))
                    participants[key] = p
                pid, pname = p.id, p.name
            # where
            scope = ORGANISATION
            ucname = ""
            if q.scope == "use_case":
                ucname = r.use_case or (r.scope if normalise(r.scope) not in ORGANISATION_WORDS else "") or default_uc
                if not ucname:
                    self.problem(r.sheet, r.row, None, msg("{question} is asked per use case, but the row names no use "
                                                           "case (map a use-case column or set default_use_case)",
                                                           question=q.id))
                    continue
                key = normalise(ucname)
                uc = use_cases.get(key)
                if uc is None:
                    uc = UseCase(_new_id("uc"), ucname, position=len(use_cases))
                    use_cases[key] = uc
                scope, ucname = uc.id, uc.name
            k = (q.id, scope, pid)
            if k in seen:
                s0, r0 = seen[k]
                who = pname or Bilingual("the consensus", "den Konsens")
                self.problem(r.sheet, r.row, None, msg("{question} is answered already ({sheet} / row {row}) for "
                                                       "{who}{where}; this row is skipped", question=q.id, sheet=s0,
                                                       row=r0, who=who, where=f" / {ucname}" if ucname else ""))
                continue
            seen[k] = (r.sheet, r.row)
            how, conf = self._confidence[(r.sheet, r.row)]
            value = mapped.value if mapped else None
            na = mapped.not_applicable if mapped else False
            answer = Answer(question_id=q.id, scope=scope, participant_id=pid, value=value, not_applicable=na,
                            note=r.note, source=f"{file} / {r.sheet} / row {r.row}")
            raw = cell_text(r.answer.value)
            if source_cell is not r.answer:
                raw = f"{raw} = {cell_text(source_cell.value)}"
            answers.append(PlannedAnswer(answer, r.sheet, r.row, raw, q.text.en, how, conf, pname, ucname))
        if unanswered:
            self.problem("", None, None, msg("{count} question row(s) without an answer skipped", count=unanswered),
                         "info")

        lang = profile.language or guess_language(h for hs in self.headers_by_sheet.values() for h in hs)
        eng_fields = {f.name for f in fields(Engagement)}
        extra = {k: v for k, v in profile.engagement.items() if k in eng_fields and isinstance(v, str)}
        today = datetime.now(UTC).date().isoformat()
        engagement = replace(Engagement(title=f"Imported from {file}", language="de" if lang == "de" else "en",
                                        notes=f"Imported from {file} on {today}."), **extra)  # type: ignore[arg-type]
        detected = {scale_label(sc) for sc in scales.values()}
        effective = replace(profile, sheets=list(self.sheets_read), columns=dict(profile.columns or self.effective_columns),
                            header_row=profile.header_row or (self.header_rows[self.sheets_read[0]]
                                                              if len(set(self.header_rows.values())) == 1 else None),
                            scale=profile.scale if fixed_scale is not None or len(detected) != 1 else detected.pop(),
                            language=profile.language or lang)
        order = {n: i for i, n in enumerate(self.rd.sheet_names)}
        self.problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
        return ImportPlan(source=self.rd.path, kind="foreign", library=lib, engagement=engagement,
                          participants=list(participants.values()), use_cases=list(use_cases.values()),
                          answers=answers, problems=self.problems, profile=effective, sheets=self.sheets_read,
                          rows_read=self.rows_read)



def _effective(r: _RawRow) -> Cell_:
    """The cell an answer's value comes from: the number column when the answer is a label with a number."""
    if r.value is None or r.value.value is None or cell_text(r.answer.value) == "":
        return r.answer
    if normalise(cell_text(r.answer.value)) in NA_WORDS:
        return r.answer
    return r.value


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _new_id(prefix: str) -> str:
    from readiness_app.store.assessment_file import new_id

    return new_id(prefix)


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
    if not plan.answers and plan.kind == "foreign":
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
