"""The import wizard's model: plain Python (what the pages show, the background jobs), no widgets.

:func:`load_overview` reads a workbook's sheets and first rows, :class:`Draft` holds the user's
choices and turns them into an :class:`~readiness_app.excel.mapping.ImportProfile`,
:func:`survey_sheet` and :func:`make_plan` run the import's planning off the UI thread,
:func:`write_import` writes the new assessment beside its target and moves it into place.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor

from readiness_app.errors import WorkbookImportError
from readiness_app.excel.importer import (
    ImportPlan,
    SheetInfo,
    SheetPreview,
    apply_plan,
    inspect_workbook,
    plan_import,
    preview_sheet,
    suggest_profile,
)
from readiness_app.excel.mapping import (
    ImportProfile,
    QuestionMatcher,
    ValueMapper,
    ValueProblem,
    guess_columns,
    normalise,
    parse_scale,
    resolve_column,
)
from readiness_app.excel.workbook_io import column_letter
from readiness_app.messages import localized, message_of
from readiness_app.questionnaire.loader import Library, Question
from readiness_app.store.assessment_file import FILE_SUFFIX
from readiness_app.ui.format import value_text
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.tasks import Cancelled

PREVIEW_ROWS = 60  # rows shown on the first page (the header must be among them)
MAX_ROWS = 50_000  # what the reader accepts in one sheet
COLUMN_ROLES = ("question_id", "question", "answer", "answer_value", "note", "participant", "role", "use_case")
SCALES = ("auto", "0-4", "1-5", "0-5", "0-10", "1-10", "0-100", "0-1")
ERROR_BG = QColor("#f6c6c6")
WARN_BG = QColor("#fbe3a6")
HEADER_BG = QColor("#bcd4f6")
DARK_TEXT = QColor("#111111")

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


# =========================================================================== plain Python


@dataclass(frozen=True, slots=True)
class SheetOverview:
    info: SheetInfo
    preview: SheetPreview | None
    error: str = ""

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def hidden(self) -> bool:
        return self.info.state != "visible"

    def width(self) -> int:
        if self.preview is None:
            return 0
        return max((len(cells) for _n, cells in self.preview.rows), default=0)

    def row(self, number: int) -> tuple[str, ...]:
        if self.preview is not None:
            for n, cells in self.preview.rows:
                if n == number:
                    return cells
        return ()

    def headers(self, header_row: int | None) -> tuple[str, ...]:
        """The header names in ``header_row``, padded to the sheet's width."""
        if header_row is None:
            return ()
        cells = self.row(header_row)
        return tuple(cells) + ("",) * max(0, self.width() - len(cells))

    def samples(self, header_row: int | None, column: int, limit: int = 4) -> list[str]:
        """The first distinct values below the header in ``column`` (for the column page)."""
        if self.preview is None or header_row is None:
            return []
        header = normalise(self.row(header_row)[column]) if column < len(self.row(header_row)) else ""
        seen: list[str] = []
        for n, cells in self.preview.rows:
            if n <= header_row or column >= len(cells):
                continue
            text = cells[column].replace("\n", " ").strip()
            if text and normalise(text) != header and text not in seen:
                seen.append(text)
                if len(seen) >= limit:
                    break
        return seen


@dataclass(frozen=True, slots=True)
class WorkbookOverview:
    """What the first page shows: the sheets, their first rows and the suggested mapping."""

    path: Path
    kind: str  # foreign, template, scorecard
    sheets: tuple[SheetOverview, ...]
    suggestion: ImportProfile
    library: Library | None

    def sheet(self, name: str) -> SheetOverview | None:
        return next((s for s in self.sheets if s.name == name), None)

    def find_sheet(self, name: str) -> str | None:
        """A profile's sheet name here: exact, then ignoring spaces and case, then cut at 31 characters."""
        names = [s.name for s in self.sheets]
        if name in names:
            return name
        want = name.strip().casefold()
        for n in names:
            if n.strip().casefold() == want:
                return n
        for n in names:
            if len(n) == 31 and want.startswith(n.strip().casefold()):
                return n
        return None


def load_overview(path: Path, library: Library | None = None, progress: ProgressFn | None = None,
                  cancelled: CancelledFn | None = None) -> WorkbookOverview:
    """Read the sheets of ``path`` and their first rows (a background job; raises WorkbookImportError)."""
    path = Path(path)
    info = inspect_workbook(path)
    sheets: list[SheetOverview] = []
    for i, s in enumerate(info.sheets):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(i, len(info.sheets) + 1)
        try:
            sheets.append(SheetOverview(s, preview_sheet(path, s.name, rows=PREVIEW_ROWS)))
        except WorkbookImportError as exc:
            sheets.append(SheetOverview(s, None, exc.one_line(language())))
    suggestion = suggest_profile(path) if info.kind == "foreign" else ImportProfile()
    if library is None and info.kind == "foreign":
        from readiness_app.questionnaire.loader import load_library

        library = load_library()
    return WorkbookOverview(path, info.kind, tuple(sheets), suggestion, library)


@dataclass(slots=True)
class Draft:
    """The user's choices so far; :meth:`profile` turns them into an :class:`ImportProfile`."""

    sheet: str = ""
    header_row: int | None = None
    columns: dict[str, str] = field(default_factory=dict)  # role -> header text or column letter
    columns_for: tuple[str, int | None] = ("", None)  # the sheet and header row the columns were chosen for
    scale: str = "auto"
    values: dict[str, Any] = field(default_factory=dict)
    questions: dict[str, str] = field(default_factory=dict)
    default_use_case: str = ""
    layout: str = "auto"  # auto (as detected), long, by-subject or by-participant
    base: ImportProfile = field(default_factory=ImportProfile)  # the rest (min_confidence, engagement, ...)

    @classmethod
    def start(cls, overview: WorkbookOverview, profile: ImportProfile | None = None) -> Draft:
        draft = cls()
        draft.apply(overview, profile or overview.suggestion)
        return draft

    def apply(self, overview: WorkbookOverview, profile: ImportProfile) -> list[str]:
        """Take over a (loaded) profile; returns the names of its sheets this workbook lacks."""
        missing: list[str] = []
        sheet = None
        for name in profile.sheets:
            sheet = overview.find_sheet(name)
            if sheet is not None:
                break
            missing.append(name)
        if sheet is None:
            sheet = self.sheet or _first_sheet(overview)
        self.sheet = sheet
        so = overview.sheet(sheet)
        detected = so.preview.header_row if so is not None and so.preview is not None else None
        self.header_row = profile.header_row or detected
        self.columns = dict(profile.columns)
        self.columns_for = (self.sheet, self.header_row) if profile.columns else ("", None)
        self.scale = profile.scale or "auto"
        self.values = dict(profile.values)
        self.questions = dict(profile.questions)
        self.default_use_case = profile.default_use_case
        self.layout = profile.layout
        self.base = profile
        return missing

    def profile(self) -> ImportProfile:
        return replace(self.base, sheets=[self.sheet] if self.sheet else [], header_row=self.header_row,
                       columns={r: c for r, c in self.columns.items() if c}, scale=self.scale or "auto",
                       values=dict(self.values), questions=dict(self.questions),
                       default_use_case=self.default_use_case.strip(), layout=self.layout)

    def profile_for(self, overview: WorkbookOverview) -> ImportProfile:
        """The profile to save: with the signature (sheet and header cells) that recognises the next workbook."""
        so = overview.sheet(self.sheet)
        heads = [h for h in so.headers(self.header_row) if h] if so is not None else []
        return replace(self.profile(), signature=[f"{self.sheet}: " + " | ".join(heads)] if heads else [])

    def effective_layout(self, overview: WorkbookOverview) -> str:
        """The layout the import will read: the chosen one, or the one detected on the chosen sheet."""
        if self.layout != "auto":
            return self.layout
        so = overview.sheet(self.sheet)
        return so.preview.layout if so is not None and so.preview is not None else "long"


def _first_sheet(overview: WorkbookOverview) -> str:
    visible = [s.name for s in overview.sheets if not s.hidden]
    return (visible or [s.name for s in overview.sheets] or [""])[0]


def column_ref(index: int, headers: Sequence[str]) -> str:
    """How a profile names a column: its header when that is unique, else its letter."""
    h = headers[index].strip() if index < len(headers) else ""
    if h and sum(1 for x in headers if normalise(x) == normalise(h)) == 1:
        return h
    return column_letter(index + 1)


def resolve_columns(columns: dict[str, str], headers: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """role -> 0-based column for the references that exist in ``headers``; and those that do not."""
    found: dict[str, int] = {}
    missing: list[str] = []
    for role, ref in columns.items():
        idx = resolve_column(ref, headers) if ref else None
        if idx is None:
            missing.append(ref)
        else:
            found[role] = idx
    return found, missing


def guessed_columns(headers: Sequence[str]) -> dict[str, str]:
    return {role: column_ref(i, headers) for role, i in guess_columns(headers).items()}


@dataclass(frozen=True, slots=True)
class LabelUse:
    """A distinct answer text of the workbook, how often it occurs and with which of its questions."""

    label: str
    count: int
    keys: tuple[tuple[str, str], ...]  # (their id, their text) of the rows it answers


@dataclass(frozen=True, slots=True)
class QuestionUse:
    """A question of the workbook (its id or text), and how many answered rows ask it."""

    key: str  # what the profile's "questions" is keyed by: their id, else their text
    qid: str
    text: str
    rows: int


@dataclass(frozen=True, slots=True)
class LabelView:
    label: str
    count: int
    question: Question | None  # the (first) question it answers, for the automatic reading
    automatic: str  # what it becomes without a mapping ("" when not understood)
    problem: str  # why it is not understood
    chosen: Any  # the profile's value for it, or None for automatic
    options: tuple[tuple[str, str], ...]  # choice options offered (id, label) of the questions it answers


@dataclass(frozen=True, slots=True)
class MatchView:
    use: QuestionUse
    question: Question | None
    confidence: float
    how: str
    best_guess: Question | None
    chosen: bool  # the user (or the profile) picked it
    weak: bool  # below the threshold: not imported as it stands
    similar: bool  # matched by similar text only: worth a look


@dataclass(frozen=True, slots=True)
class Survey:
    """The answer texts and questions of the chosen sheet, and the scale its numbers were read on."""

    labels: tuple[LabelUse, ...]
    questions: tuple[QuestionUse, ...]
    detected_scale: tuple[float, float]
    library: Library

    def matcher(self, draft: Draft) -> QuestionMatcher:
        return QuestionMatcher(self.library, draft.questions, draft.base.min_confidence)

    def matches(self, draft: Draft) -> list[MatchView]:
        current = self.matcher(draft)
        views = []
        picked = {normalise(k) for k in draft.questions}
        for use in self.questions:
            m = current.match(use.qid, use.text)
            chosen = bool({normalise(use.qid), normalise(use.text)} & picked - {""})
            weak = m.question is None
            views.append(MatchView(use, m.question, m.confidence, m.how, m.best_guess, chosen, weak,
                                   m.how == "similar text"))
        return views

    def scale(self, draft: Draft) -> tuple[float, float]:
        try:
            fixed = parse_scale(draft.scale)
        except ValueError:
            fixed = None
        return fixed or self.detected_scale

    def label_views(self, draft: Draft) -> list[LabelView]:
        matcher = self.matcher(draft)
        plain = ValueMapper()
        chosen = {normalise(k): v for k, v in draft.values.items()}
        scale = self.scale(draft)
        lang = language()
        views = []
        for use in self.labels:
            questions: list[Question] = []
            for qid, text in use.keys:
                q = matcher.match(qid, text).question
                if q is not None and q not in questions:
                    questions.append(q)
            options: list[tuple[str, str]] = []
            for q in questions:
                if q.type in ("choice", "checklist"):
                    options += [(o.id, o.label.get(lang)) for o in q.options if o.id not in dict(options)]
            automatic, problem = "", ""
            q0 = questions[0] if questions else None
            if q0 is None:
                problem = tr("iw.val_no_question")
            else:
                try:
                    mapped = plain.map(q0, use.label, scale)
                except ValueProblem as exc:
                    problem = localized(message_of(exc), language())
                else:
                    if mapped is None:
                        automatic = tr("iw.val_empty")
                    elif mapped.not_applicable:
                        automatic = tr("q.not_applicable")
                    else:
                        automatic = value_text(q0, mapped.value)
            views.append(LabelView(use.label, use.count, q0, automatic, problem, chosen.get(normalise(use.label)),
                                   tuple(options)))
        return views


def survey_sheet(path: Path, library: Library, profile: ImportProfile, progress: ProgressFn | None = None,
                 cancelled: CancelledFn | None = None) -> Survey:
    """Plan the import once (for the scale it detects) and collect the sheet's answer texts and questions."""
    def tick(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    plan = plan_import(path, library, profile, progress=tick)
    tick(0, 0)
    sheet = plan.sheets[0] if plan.sheets else (profile.sheets[0] if profile.sheets else "")
    rows = MAX_ROWS
    pv = preview_sheet(path, sheet, rows=rows, header_row=profile.header_row)
    cols, _missing = resolve_columns(profile.columns, pv.headers)
    header_answer = normalise(pv.headers[cols["answer"]]) if "answer" in cols and cols["answer"] < len(pv.headers) else ""

    def get(cells: tuple[str, ...], role: str) -> str:
        i = cols.get(role)
        return cells[i].strip() if i is not None and i < len(cells) else ""

    labels: dict[str, list[Any]] = {}  # normalised -> [label, count, keys]
    questions: dict[str, list[Any]] = {}  # normalised key -> [key, qid, text, rows]
    for number, cells in pv.rows:
        if pv.header_row is not None and number <= pv.header_row:
            continue
        qid, text, answer, note = get(cells, "question_id"), get(cells, "question"), get(cells, "answer"), get(cells, "note")
        if not qid and not text:
            continue
        if answer and header_answer and normalise(answer) == header_answer:
            continue  # a repeated header row
        if not answer and not note:
            continue
        key = qid or text
        entry = questions.setdefault(normalise(key), [key, qid, text, 0])
        entry[3] += 1
        if answer:
            lab = labels.setdefault(normalise(answer), [answer, 0, []])
            lab[1] += 1
            if (qid, text) not in lab[2]:
                lab[2].append((qid, text))
    detected = (0.0, 4.0)
    if plan.profile is not None:
        with contextlib.suppress(ValueError):
            detected = parse_scale(plan.profile.scale) or detected
    return Survey(tuple(LabelUse(a, c, tuple(k)) for a, c, k in labels.values()),
                  tuple(QuestionUse(k, i, t, n) for k, i, t, n in questions.values()), detected, library)


def make_plan(overview: WorkbookOverview, profile: ImportProfile | None, progress: ProgressFn | None = None,
              cancelled: CancelledFn | None = None) -> ImportPlan:
    """The plan for the preview page (our own workbooks need no profile)."""
    def tick(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    if overview.kind != "foreign":
        return plan_import(overview.path, overview.library, progress=tick)
    return plan_import(overview.path, overview.library, profile, progress=tick)


def write_import(plan: ImportPlan, target: Path, *, author: str = "", allow_problems: bool = False,
                 cancelled: CancelledFn | None = None) -> Path:
    """Write ``plan`` as a new assessment at ``target`` (replacing it); nothing is left on failure or cancel."""
    target = Path(target)
    if cancelled is not None and cancelled():
        raise Cancelled()
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:8]}.wizard")
    try:
        apply_plan(plan, tmp, author=author, allow_problems=allow_problems)
        if cancelled is not None and cancelled():
            raise Cancelled()
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def suggested_target(source: Path) -> Path:
    return Path(source).resolve().with_suffix(FILE_SUFFIX)
