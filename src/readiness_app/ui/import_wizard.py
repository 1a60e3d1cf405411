"""The import wizard: an Excel assessment made elsewhere, mapped step by step onto ours.

Four pages, each showing what the core (:mod:`readiness_app.excel.importer`,
:mod:`readiness_app.excel.mapping`) reads from the workbook:

1. **Sheet and header row**: every sheet (hidden ones marked), a header-row spin box and a
   live preview of the first rows with the header highlighted.
2. **Columns**: a combo per role (question id, question text, answer, answer as a number,
   note, participant, role, use case), pre-filled from :func:`suggest_profile`.
3. **Values and questions**: each distinct answer label and what it becomes on our scales
   (editable), and each question of the workbook with the question it matches and how sure
   the match is (editable; weak matches highlighted).
4. **Preview**: counts, every problem (sheet, row, column, reason) and every answer with its
   source ("file / sheet / row"); the file to write. Finish writes it off the UI thread.

Nothing is written before Finish; the new file is built beside the target and moved into
place, so a failed or cancelled import leaves no file. The mapping can be saved as a profile
(JSON) and loaded for the next workbook of the same layout (``readiness import --profile``).

The top half of this module is plain Python (what the pages show, the background jobs); the
widgets below only display it and collect the user's choices. Test seam: build
:class:`ImportWizard` from :func:`load_overview` and drive it; file choosers and questions go
through the dialog service.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from readiness_app.errors import ReadinessError, WorkbookImportError
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
    COLUMN_LABELS,
    ImportProfile,
    QuestionMatcher,
    ValueMapper,
    ValueProblem,
    guess_columns,
    normalise,
    parse_scale,
    resolve_column,
    scale_label,
)
from readiness_app.excel.workbook_io import column_letter
from readiness_app.messages import localized, message_of
from readiness_app.questionnaire.loader import Library, Question
from readiness_app.store.assessment_file import FILE_SUFFIX
from readiness_app.ui import dialogs
from readiness_app.ui.format import value_text
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.tasks import Cancelled, Task, run_task

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


# =========================================================================== widgets


class _HeaderedModel(QAbstractTableModel):
    """Rows under a header row of text: the counting both wizard tables share."""

    headers: list[str]
    rows: list[Any]

    def set_headers(self, headers: Sequence[str]) -> None:
        self.headers = list(headers)
        if self.headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.headers) - 1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)


class RowsModel(_HeaderedModel):
    """A read-only table of text rows (problems, answers) with an optional background per row."""

    def __init__(self, headers: Sequence[str] = (), parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[tuple[str, ...]] = []
        self.backgrounds: list[QColor | None] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], backgrounds: Sequence[QColor | None] | None = None) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.backgrounds = list(backgrounds) if backgrounds is not None else [None] * len(self.rows)
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        text = row[index.column()] if index.column() < len(row) else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return text
        bg = self.backgrounds[index.row()] if index.row() < len(self.backgrounds) else None
        if role == Qt.ItemDataRole.BackgroundRole and bg is not None:
            return QBrush(bg)
        if role == Qt.ItemDataRole.ForegroundRole and bg is not None:
            return QBrush(DARK_TEXT)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return section + 1
        return None


def _table_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setAlternatingRowColors(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return view


def _hint() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    return label


class _Page(QWizardPage):
    """A page with a status line for errors and "reading…" (errors show here, not in pop-ups)."""

    def __init__(self) -> None:
        super().__init__()
        self.passed = False  # set when its background step has finished: the next validatePage lets it go
        self.outer = QVBoxLayout(self)
        self.outer.setSpacing(10)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(tr("iw.status"))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def import_wizard(self) -> ImportWizard:
        wiz = self.wizard()
        assert isinstance(wiz, ImportWizard)
        return wiz

    def set_status(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;" if error else "")
        self.status.setVisible(bool(text))

    def retranslate(self) -> None:  # pragma: no cover - every page overrides
        pass


AUTO = "auto"  # the "automatic" choice of an answer value (combos never hold None: see ChoiceModel)
EDITABLE_MARK = "  ▾"


class PreviewModel(QAbstractTableModel):
    """The first rows of a sheet as text, the header row highlighted (page 1)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[int, tuple[str, ...]]] = []
        self.width = 0
        self.header: int | None = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._header_bg = QBrush(HEADER_BG)
        self._dark = QBrush(DARK_TEXT)

    def set_sheet(self, rows: Sequence[tuple[int, tuple[str, ...]]], width: int, header: int | None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.width = width
        self.header = header
        self.endResetModel()

    def set_header(self, header: int | None) -> None:
        self.header = header
        if self.rows and self.width:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, self.width - 1))

    def row_of(self, number: int | None) -> int:
        return next((i for i, (n, _c) in enumerate(self.rows) if n == number), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.width

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        number, cells = self.rows[index.row()]
        text = cells[index.column()] if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.DisplayRole:
            return text.replace("\n", " ")[:200]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text[:1000] or None
        if number == self.header:
            if role == Qt.ItemDataRole.BackgroundRole:
                return self._header_bg
            if role == Qt.ItemDataRole.ForegroundRole:
                return self._dark
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section + 1)
        return str(self.rows[section][0]) if 0 <= section < len(self.rows) else None


@dataclass(slots=True)
class ChoiceRow:
    cells: tuple[str, ...]  # what the row shows; the edit column shows the chosen text
    value: Any  # the current choice (never None)
    choices: tuple[tuple[str, Any], ...]  # (text, value) offered in the editor
    name: str  # the editor's accessible name
    background: QColor | None = None


class ChoiceModel(_HeaderedModel):
    """A table with one column edited through a combo box (answer values, question matches).

    The combo boxes exist only while a cell is edited (see :class:`ChoiceDelegate`): a table of
    a few hundred questions stays fast. Values are never None (PySide would hand them back
    with a reference too few), so "automatic" is :data:`AUTO` and "leave out" is "".
    """

    chosen = Signal(int, object)  # row, value: the user picked a choice

    def __init__(self, edit_column: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.edit_column = edit_column
        self.headers: list[str] = []
        self.rows: list[ChoiceRow] = []
        self._dark = QBrush(DARK_TEXT)

    def set_rows(self, rows: Sequence[ChoiceRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def text(self, row: int, column: int) -> str:
        cells = self.rows[row].cells
        return cells[column] if column < len(cells) else ""

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == self.edit_column:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        text = self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return text + EDITABLE_MARK if index.column() == self.edit_column else text
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return text or None
        if role == Qt.ItemDataRole.EditRole and index.column() == self.edit_column:
            return row.value
        if role == Qt.ItemDataRole.BackgroundRole and row.background is not None:
            return QBrush(row.background)
        if role == Qt.ItemDataRole.ForegroundRole and row.background is not None:
            return self._dark
        return None

    def setData(self, index: QModelIndex | QPersistentModelIndex, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.edit_column or role != Qt.ItemDataRole.EditRole:
            return False
        if value is None or _same_value(value, self.rows[index.row()].value):
            return False
        self.chosen.emit(index.row(), value)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a :class:`ChoiceModel` cell with a combo box; picking an item commits it."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        model = index.model()
        combo = QComboBox(parent)
        if isinstance(model, ChoiceModel) and 0 <= index.row() < len(model.rows):
            row = model.rows[index.row()]
            for text, value in row.choices:
                combo.addItem(text, value)
            combo.setAccessibleName(row.name)
        combo.setMaxVisibleItems(20)
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo, QAbstractItemDelegate.EndEditHint.NoHint)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = next((i for i, (_t, v) in enumerate(_choices(index)) if _same_value(v, value)), 0)
            editor.setCurrentIndex(found)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox) and editor.currentIndex() >= 0:
            choices = _choices(index)
            if editor.currentIndex() < len(choices):
                model.setData(index, choices[editor.currentIndex()][1], Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: QModelIndex | QPersistentModelIndex) -> None:
        editor.setGeometry(option.rect)


def _choices(index: QModelIndex | QPersistentModelIndex) -> tuple[tuple[str, Any], ...]:
    model = index.model()
    if isinstance(model, ChoiceModel) and 0 <= index.row() < len(model.rows):
        return model.rows[index.row()].choices
    return ()


def _same_value(a: Any, b: Any) -> bool:
    """Whether two choices mean the same (4 == 4.0, "N/A" == "n/a")."""
    if a is None or b is None:
        return a is b
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return float(a) == float(b)
    if isinstance(a, str) and isinstance(b, str):
        return a == b or (bool(a) and bool(b) and normalise(a) == normalise(b))
    return False


def _choice_view(model: QAbstractTableModel, name: str) -> QTableView:
    view = _table_view(model, name)
    view.setItemDelegateForColumn(2, ChoiceDelegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.SelectedClicked
                         | QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setWordWrap(False)
    return view


# --------------------------------------------------------------------------- page 1


class SheetPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self._filling = False
        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        self.file_label = _hint()
        self.sheets_label = QLabel()
        self.sheets = QListWidget()
        self.sheets.setMinimumWidth(300)
        self.sheets.setWordWrap(True)
        self.sheets.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sheets.setSpacing(2)
        self.sheets_label.setBuddy(self.sheets)
        self.sheets.currentRowChanged.connect(self._sheet_changed)
        header_row = QHBoxLayout()
        self.header_label = QLabel()
        self.header_spin = QSpinBox()
        self.header_spin.setMinimum(1)
        self.header_spin.setMinimumWidth(90)
        self.header_label.setBuddy(self.header_spin)
        self.header_spin.valueChanged.connect(self._header_changed)
        header_row.addWidget(self.header_label)
        header_row.addWidget(self.header_spin)
        header_row.addStretch(1)
        self.detected_label = _hint()
        self.kind_label = _hint()
        layout_row = QHBoxLayout()
        self.layout_label = QLabel()
        self.layout_combo = QComboBox()
        for key in ("auto", "long", "by-subject", "by-participant"):
            self.layout_combo.addItem("", key)
        self.layout_label.setBuddy(self.layout_combo)
        self.layout_combo.currentIndexChanged.connect(self._layout_changed)
        layout_row.addWidget(self.layout_label)
        layout_row.addWidget(self.layout_combo, 1)
        self.layout_hint = _hint()
        self.proposal = QPushButton()
        self.proposal.setVisible(False)
        self.proposal.clicked.connect(lambda: self.import_wizard().use_proposed_profile())
        lv.addWidget(self.file_label)
        lv.addWidget(self.proposal)
        lv.addWidget(self.sheets_label)
        lv.addWidget(self.sheets, 1)
        lv.addLayout(header_row)
        lv.addLayout(layout_row)
        lv.addWidget(self.layout_hint)
        lv.addWidget(self.detected_label)
        lv.addWidget(self.kind_label)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.preview_label = QLabel()
        self.preview_model = PreviewModel(self)
        self.preview = QTableView()
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setTabKeyNavigation(False)
        self.preview.setWordWrap(False)
        self.preview.doubleClicked.connect(self._row_chosen)
        self.preview_label.setBuddy(self.preview)
        rv.addWidget(self.preview_label)
        rv.addWidget(self.preview, 1)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(1, 3)
        split.setSizes([360, 880])
        self.outer.addWidget(split, 1)
        self.outer.addWidget(self.status)
        self.set_status("")

    def initializePage(self) -> None:
        wiz = self.import_wizard()
        ov, draft = wiz.overview, wiz.draft
        self._filling = True
        self.sheets.clear()
        for s in ov.sheets:
            rows = "" if s.info.rows is None else tr("iw.sheet_rows", count=s.info.rows)
            text = f"{s.name}   {rows}".rstrip()
            if s.hidden:
                text += "   " + tr("iw.hidden")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, s.name)
            item.setToolTip(s.error or text)
            if s.hidden:
                font = QFont(item.font())
                font.setItalic(True)
                item.setFont(font)
            self.sheets.addItem(item)
        names = [s.name for s in ov.sheets]
        self.sheets.setCurrentRow(names.index(draft.sheet) if draft.sheet in names else 0)
        self.layout_combo.setCurrentIndex(max(0, self.layout_combo.findData(draft.layout)))
        self._filling = False
        self._show_sheet()
        self.retranslate()

    def current_sheet(self) -> SheetOverview | None:
        row = self.sheets.currentRow()
        sheets = self.import_wizard().overview.sheets
        return sheets[row] if 0 <= row < len(sheets) else None

    def _sheet_changed(self, _row: int) -> None:
        if self._filling:
            return
        so = self.current_sheet()
        if so is None:
            return
        draft = self.import_wizard().draft
        if draft.sheet != so.name:
            draft.sheet = so.name
            draft.header_row = so.preview.header_row if so.preview is not None else None
        self._show_sheet()

    def _layout_changed(self, _index: int) -> None:
        if self._filling:
            return
        self.import_wizard().draft.layout = str(self.layout_combo.currentData())
        self._update_detected()

    def choose_layout(self, layout: str) -> None:
        """Switch the layout as a user does in the combo box ("auto" follows the detection)."""
        self.layout_combo.setCurrentIndex(self.layout_combo.findData(layout))

    def _header_changed(self, value: int) -> None:
        if self._filling:
            return
        self.import_wizard().draft.header_row = value
        self._highlight()
        self.completeChanged.emit()

    def _row_chosen(self, index: QModelIndex) -> None:
        if index.isValid() and 0 <= index.row() < len(self.preview_model.rows):
            self.header_spin.setValue(self.preview_model.rows[index.row()][0])

    def _show_sheet(self) -> None:
        so = self.current_sheet()
        draft = self.import_wizard().draft
        self._filling = True
        if so is None or so.preview is None:
            self.preview_model.set_sheet([], 0, None)
            self.set_status(so.error if so is not None else "", error=True)
            self._filling = False
            self.completeChanged.emit()
            return
        self.set_status("")
        rows = so.preview.rows
        last = rows[-1][0] if rows else 1
        self.header_spin.setMaximum(max(1, last))
        self.header_spin.setValue(draft.header_row or 1)
        if draft.header_row is None and rows:
            draft.header_row = self.header_spin.value()
        self.preview_model.set_sheet(rows, so.width(), draft.header_row)
        self._filling = False
        self.preview.resizeColumnsToContents()
        for c in range(so.width()):
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c) + 8, 230))
        self._highlight()
        self.completeChanged.emit()

    def _highlight(self) -> None:
        hr = self.import_wizard().draft.header_row
        self.preview_model.set_header(hr)
        row = self.preview_model.row_of(hr)
        if row >= 0:
            self.preview.scrollTo(self.preview_model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter)
        self._update_detected()

    def _update_detected(self) -> None:
        so = self.current_sheet()
        detected = so.preview.header_row if so is not None and so.preview is not None else None
        self.detected_label.setText(tr("iw.detected", row=detected) if detected else tr("iw.not_detected"))
        found = so.preview.layout if so is not None and so.preview is not None else "long"
        self.layout_hint.setText(tr("iw.layout_detected", layout=tr(f"iw.layout_{found}")) + " "
                                 + tr(f"iw.layout_{self.import_wizard().draft.effective_layout(self.import_wizard().overview)}_hint"))

    def isComplete(self) -> bool:
        so = self.current_sheet()
        return so is not None and so.preview is not None and bool(so.preview.rows)

    def nextId(self) -> int:
        wiz = self.wizard()
        if isinstance(wiz, ImportWizard) and (wiz.overview.kind != "foreign"
                                              or wiz.draft.effective_layout(wiz.overview) != "long"):
            return ImportWizard.PREVIEW  # a wide layout maps itself: its columns are the criteria or people
        return ImportWizard.COLUMNS

    def validatePage(self) -> bool:
        wiz = self.import_wizard()
        if wiz.overview.kind != "foreign" or wiz.draft.effective_layout(wiz.overview) != "long":
            return wiz.run_step(self, "plan")
        return True

    def retranslate(self) -> None:
        wiz = self.wizard()
        self.setTitle(tr("iw.p1_title"))
        self.setSubTitle(tr("iw.p1_sub"))
        self.sheets_label.setText(tr("iw.sheets"))
        self.sheets.setAccessibleName(tr("iw.sheets_name"))
        self.header_label.setText(tr("iw.header_row"))
        self.header_spin.setAccessibleName(tr("iw.header_row_name"))
        self.layout_label.setText(tr("iw.layout"))
        self.layout_combo.setAccessibleName(tr("iw.layout_name"))
        if isinstance(wiz, ImportWizard) and wiz.proposed is not None:
            self.proposal.setText(tr("iw.profile_fits", name=wiz.proposed.name))
        self.proposal.setVisible(isinstance(wiz, ImportWizard) and wiz.proposed is not None)
        for i in range(self.layout_combo.count()):
            self.layout_combo.setItemText(i, tr(f"iw.layout_{self.layout_combo.itemData(i)}"))
        self.preview_label.setText(tr("iw.preview_rows"))
        self.preview.setAccessibleName(tr("iw.preview_rows_name"))
        if isinstance(wiz, ImportWizard):
            name = wiz.overview.path.name.replace("_", "_\u200b").replace("-", "-\u200b")  # long names wrap
            self.file_label.setText(tr("iw.file", name=name))
            kind = wiz.overview.kind
            self.kind_label.setText("" if kind == "foreign" else tr(f"iw.kind_{kind}"))
            self.kind_label.setVisible(kind != "foreign")
            self._update_detected()


# --------------------------------------------------------------------------- page 2


class ColumnsPage(_Page):
    NOT_USED = -1

    def __init__(self) -> None:
        super().__init__()
        self.intro = _hint()
        self.outer.addWidget(self.intro)
        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(8)
        self.labels: dict[str, QLabel] = {}
        self.combos: dict[str, QComboBox] = {}
        self.samples: dict[str, QLabel] = {}
        self.columns_model = QStandardItemModel(self)  # one list of columns, shared by every combo
        for row, role in enumerate(COLUMN_ROLES):
            label = QLabel()
            combo = QComboBox()
            combo.setModel(self.columns_model)
            combo.setMinimumWidth(340)
            combo.setMaxVisibleItems(20)
            label.setBuddy(combo)
            sample = QLabel()
            sample.setWordWrap(True)
            sample.setMinimumWidth(200)
            combo.currentIndexChanged.connect(lambda _i, r=role: self._changed(r))
            form.addWidget(label, row, 0)
            form.addWidget(combo, row, 1)
            form.addWidget(sample, row, 2)
            self.labels[role], self.combos[role], self.samples[role] = label, combo, sample
        form.setColumnStretch(2, 1)
        self.outer.addLayout(form)
        uc = QHBoxLayout()
        self.default_uc_label = QLabel()
        self.default_uc = QLineEdit()
        self.default_uc.setMinimumWidth(300)
        self.default_uc_label.setBuddy(self.default_uc)
        self.default_uc.textEdited.connect(self._default_uc)
        uc.addWidget(self.default_uc_label)
        uc.addWidget(self.default_uc, 1)
        self.outer.addLayout(uc)
        self.missing_label = _hint()
        self.outer.addWidget(self.missing_label)
        self.outer.addStretch(1)
        self.outer.addWidget(self.status)
        self.set_status("")
        self._filling = False
        self._headers: tuple[str, ...] = ()

    def column(self, role: str) -> int:
        """The 0-based column chosen for ``role``, or NOT_USED."""
        i = self.combos[role].currentIndex()
        return i - 1 if i > 0 else self.NOT_USED

    def choose(self, role: str, column: int) -> None:
        """Pick ``column`` (0-based, or NOT_USED) for ``role``, as the user does with the combo."""
        self.combos[role].setCurrentIndex(column + 1 if column >= 0 else 0)

    def initializePage(self) -> None:
        wiz = self.import_wizard()
        draft = wiz.draft
        so = wiz.overview.sheet(draft.sheet)
        headers = so.headers(draft.header_row) if so is not None else ()
        self._headers = headers
        if draft.columns_for != (draft.sheet, draft.header_row) or not draft.columns:
            draft.columns = guessed_columns(headers)
            draft.columns_for = (draft.sheet, draft.header_row)
        cols, missing = resolve_columns(draft.columns, headers)
        for role in list(draft.columns):
            if role not in cols:
                del draft.columns[role]
        self.missing_label.setText(tr("iw.cols_missing", names=", ".join(missing)) if missing else "")
        self.missing_label.setVisible(bool(missing))
        self._filling = True
        self.columns_model.clear()
        entries = [tr("iw.not_used")]
        for i, h in enumerate(headers):
            letter = column_letter(i + 1)
            entries.append(f"{letter} – {h}" if h.strip() else f"{letter} {tr('iw.no_header')}")
        for text in entries:
            self.columns_model.appendRow(QStandardItem(text))
        for role in self.combos:
            self.choose(role, cols.get(role, self.NOT_USED))
        self._filling = False
        self.default_uc.setText(draft.default_use_case)
        for role in self.combos:
            self._sample(role)
        self.retranslate()
        self.completeChanged.emit()

    def _changed(self, role: str) -> None:
        if self._filling:
            return
        draft = self.import_wizard().draft
        idx = self.column(role)
        if idx == self.NOT_USED:
            draft.columns.pop(role, None)
        else:
            draft.columns[role] = column_ref(idx, self._headers)
        draft.columns_for = (draft.sheet, draft.header_row)
        self._sample(role)
        self.completeChanged.emit()

    def _default_uc(self, text: str) -> None:
        self.import_wizard().draft.default_use_case = text

    def _sample(self, role: str) -> None:
        wiz = self.wizard()
        if not isinstance(wiz, ImportWizard):
            return
        idx = self.column(role)
        so = wiz.overview.sheet(wiz.draft.sheet)
        if so is None or idx == self.NOT_USED:
            self.samples[role].setText("")
            return
        values = so.samples(wiz.draft.header_row, idx)
        self.samples[role].setText(tr("iw.for_example", values=" · ".join(v[:40] for v in values)) if values
                                   else tr("iw.col_empty"))

    def isComplete(self) -> bool:
        chosen = {r for r in self.combos if self.column(r) != self.NOT_USED}
        return "answer" in chosen and bool({"question", "question_id"} & chosen)

    def validatePage(self) -> bool:
        return self.import_wizard().run_step(self, "survey")

    def retranslate(self) -> None:
        self.setTitle(tr("iw.p2_title"))
        self.setSubTitle(tr("iw.p2_sub"))
        self.intro.setText(tr("iw.p2_intro"))
        de = language() == "de"
        for role in COLUMN_ROLES:
            text = tr("iw.answer_value") if role == "answer_value" else COLUMN_LABELS[role][1 if de else 0]
            required = role in ("answer", "question", "question_id")
            self.labels[role].setText(text + (" *" if required else "") + ":")
            self.combos[role].setAccessibleName(text)
        self.default_uc_label.setText(tr("iw.default_uc"))
        self.default_uc.setAccessibleName(tr("iw.default_uc"))
        self.default_uc.setPlaceholderText(tr("iw.default_uc_hint"))


# --------------------------------------------------------------------------- page 3


class ValuesPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        scale_row = QHBoxLayout()
        self.scale_label = QLabel()
        self.scale_combo = QComboBox()
        self.scale_combo.setMinimumWidth(260)
        self.scale_label.setBuddy(self.scale_combo)
        self.scale_combo.currentIndexChanged.connect(self._scale_changed)
        scale_row.addWidget(self.scale_label)
        scale_row.addWidget(self.scale_combo)
        scale_row.addStretch(1)
        self.outer.addLayout(scale_row)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.values_box = QGroupBox()
        vb = QVBoxLayout(self.values_box)
        self.values_hint = _hint()
        self.values_model = ChoiceModel(2, self)
        self.values_model.chosen.connect(self._value_chosen)
        self.values = _choice_view(self.values_model, "values")
        self.values.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        vb.addWidget(self.values_hint)
        vb.addWidget(self.values, 1)
        self.questions_box = QGroupBox()
        qb = QVBoxLayout(self.questions_box)
        self.questions_hint = _hint()
        self.matches_model = ChoiceModel(2, self)
        self.matches_model.chosen.connect(self._match_chosen)
        self.matches = _choice_view(self.matches_model, "matches")
        self.matches.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        qb.addWidget(self.questions_hint)
        qb.addWidget(self.matches, 1)
        self.split.addWidget(self.values_box)
        self.split.addWidget(self.questions_box)
        self.outer.addWidget(self.split, 1)
        self.outer.addWidget(self.status)
        self.set_status("")
        self._filling = False
        self._label_views: list[LabelView] = []
        self._match_views: list[MatchView] = []
        self._scales: list[str] = list(SCALES)

    def survey(self) -> Survey:
        s = self.import_wizard().survey
        assert s is not None
        return s

    def initializePage(self) -> None:
        draft = self.import_wizard().draft
        survey = self.survey()
        self._filling = True
        self.scale_combo.clear()
        scales = list(SCALES)
        if draft.scale not in scales:
            scales.append(draft.scale)
        for s in scales:
            text = tr("iw.scale_auto", scale=scale_label(survey.detected_scale)) if s == "auto" else \
                tr("iw.scale_percent") if s == "0-100" else s
            self.scale_combo.addItem(text, s)
        self._scales = scales
        self.scale_combo.setCurrentIndex(max(0, scales.index(draft.scale or "auto")))
        self._filling = False
        self.retranslate()
        self.fill()
        for view in (self.values, self.matches):
            view.resizeColumnsToContents()
        self.values.setColumnWidth(0, min(max(self.values.columnWidth(0), 160), 320))
        self.values.setColumnWidth(2, max(self.values.columnWidth(2), 300))
        self.matches.setColumnWidth(0, min(max(self.matches.columnWidth(0), 200), 420))
        self.matches.setColumnWidth(2, min(max(self.matches.columnWidth(2), 380), 480))
        values, matches = len(self._label_views) + 3, len(self._match_views) + 3  # share the height by rows
        share = min(max(values / (values + matches), 0.35), 0.65)
        self.split.setSizes([round(1000 * share), round(1000 * (1 - share))])

    def fill(self) -> None:
        """(Re)build both tables from the survey and the draft (after any change)."""
        wiz = self.import_wizard()
        draft, survey = wiz.draft, self.survey()
        self._label_views = survey.label_views(draft)
        self._match_views = survey.matches(draft)
        self.values_model.set_rows([self._value_row(v) for v in self._label_views])
        lang = language()
        questions = tuple([(tr("iw.no_match"), "")] + [(f"{q.id} – {q.text.get(lang)}", q.id)
                                                      for q in sorted(survey.library.iter_questions(),
                                                                      key=lambda q: q.id)])
        self.matches_model.set_rows([self._match_row(m, questions) for m in self._match_views])
        weak = sum(1 for m in self._match_views if m.weak)
        unread = sum(1 for v in self._label_views if v.problem and v.chosen is None)
        self.questions_hint.setText(tr("iw.q_hint", percent=round(draft.base.min_confidence * 100), weak=weak))
        self.values_hint.setText(tr("iw.v_hint", unread=unread)
                                 + (" " + tr("iw.v_hint_number") if "answer_value" in draft.columns else ""))

    @staticmethod
    def _value_row(v: LabelView) -> ChoiceRow:
        lang = language()
        bad = bool(v.problem) and v.chosen is None
        choices: list[tuple[str, Any]] = [
            (tr("iw.val_auto", value=v.automatic) if v.automatic else tr("iw.val_auto_none"), AUTO)]
        choices += [(str(n), n) for n in range(5)]
        choices += [(tr("q.not_applicable"), "n/a"), (tr("iw.val_skip"), "")]
        choices += [(tr("iw.val_option", label=label), oid) for oid, label in v.options]
        current: Any = AUTO if v.chosen is None else v.chosen
        if not any(_same_value(value, current) for _t, value in choices):
            choices.append((str(current), current))
        shown = next(t for t, value in choices if _same_value(value, current))
        example = f"{v.question.id} – {v.question.text.get(lang)}" if v.question is not None else ""
        return ChoiceRow((v.label, str(v.count), shown, v.problem if bad else example), current, tuple(choices),
                         tr("iw.value_for", label=v.label), ERROR_BG if bad else None)

    def _match_row(self, m: MatchView, questions: tuple[tuple[str, Any], ...]) -> ChoiceRow:
        use = m.use
        their = f"{use.qid} – {use.text}" if use.qid and use.text else (use.qid or use.text)
        current = m.question.id if m.question is not None else ""
        shown = next((t for t, value in questions if value == current), current)
        return ChoiceRow((their[:160], str(use.rows), shown, self._confidence_text(m)), current, questions,
                         tr("iw.match_for", question=their[:80]),
                         ERROR_BG if m.weak else WARN_BG if m.similar else None)

    @staticmethod
    def _confidence_text(m: MatchView) -> str:
        pct = f"{round(m.confidence * 100)} %"
        if m.chosen:
            return tr("iw.conf_chosen") if m.question is not None else tr("iw.conf_none_chosen")
        if m.weak:
            if m.best_guess is not None and m.confidence > 0:
                return tr("iw.conf_weak", percent=pct, guess=m.best_guess.id)
            return tr("iw.conf_none")
        return tr(f"iw.how_{m.how.replace(' ', '_')}", percent=pct)

    def _later(self) -> None:
        """Rebuild the tables once the editor that made the change has closed."""
        QTimer.singleShot(0, self.fill)

    def _scale_changed(self, index: int) -> None:
        if self._filling or index < 0:
            return
        self.import_wizard().draft.scale = self._scales[index]
        self.fill()

    def _value_chosen(self, row: int, value: Any) -> None:
        label = self._label_views[row].label
        values = self.import_wizard().draft.values
        for k in [k for k in values if normalise(k) == normalise(label)]:
            del values[k]
        if value != AUTO:
            values[label] = value
        self._later()

    def _match_chosen(self, row: int, value: Any) -> None:
        m = self._match_views[row]
        target = str(value)
        draft = self.import_wizard().draft
        for k in [k for k in draft.questions if normalise(k) == normalise(m.use.key)]:
            del draft.questions[k]
        auto = self.survey().matcher(replace(draft, questions={})).match(m.use.qid, m.use.text)
        certain = auto.question is not None and auto.how in ("id", "id in text", "text")
        if not (certain and auto.question is not None and auto.question.id == target):
            draft.questions[m.use.key] = target  # "" leaves the question out
        self._later()

    def validatePage(self) -> bool:
        return self.import_wizard().run_step(self, "plan")

    def retranslate(self) -> None:
        self.setTitle(tr("iw.p3_title"))
        self.setSubTitle(tr("iw.p3_sub"))
        self.scale_label.setText(tr("iw.scale"))
        self.scale_combo.setAccessibleName(tr("iw.scale"))
        self.values_box.setTitle(tr("iw.values_title"))
        self.questions_box.setTitle(tr("iw.questions_title"))
        self.values_model.set_headers([tr("iw.col_label"), tr("iw.col_count"), tr("iw.col_our_value"),
                                       tr("iw.col_example")])
        self.values.setAccessibleName(tr("iw.values_title"))
        self.matches_model.set_headers([tr("iw.col_their_question"), tr("iw.col_rows"), tr("iw.col_our_question"),
                                        tr("iw.col_confidence")])
        self.matches.setAccessibleName(tr("iw.questions_title"))


# --------------------------------------------------------------------------- page 4


class PreviewPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        tiles = QHBoxLayout()
        self.tiles: dict[str, QLabel] = {}
        for key in ("answers", "participants", "use_cases", "problems"):
            tile = QLabel()
            tile.setFrameShape(QFrame.Shape.StyledPanel)
            tile.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tile.setMinimumHeight(64)
            tile.setTextFormat(Qt.TextFormat.RichText)
            tiles.addWidget(tile, 1)
            self.tiles[key] = tile
        self.outer.addLayout(tiles)
        self.summary = _hint()
        self.outer.addWidget(self.summary)
        split = QSplitter(Qt.Orientation.Vertical)
        pbox = QWidget()
        pl = QVBoxLayout(pbox)
        pl.setContentsMargins(0, 0, 0, 0)
        self.problems_label = QLabel()
        self.problems_model = RowsModel()
        self.problems = _table_view(self.problems_model, "problems")
        self.problems_label.setBuddy(self.problems)
        pl.addWidget(self.problems_label)
        pl.addWidget(self.problems, 1)
        abox = QWidget()
        al = QVBoxLayout(abox)
        al.setContentsMargins(0, 0, 0, 0)
        self.answers_label = QLabel()
        self.answers_model = RowsModel()
        self.answers = _table_view(self.answers_model, "answers")
        self.answers_label.setBuddy(self.answers)
        al.addWidget(self.answers_label)
        al.addWidget(self.answers, 1)
        split.addWidget(pbox)
        split.addWidget(abox)
        split.setSizes([220, 380])
        self.outer.addWidget(split, 1)
        self.allow = QCheckBox()
        self.allow.toggled.connect(lambda _on: self.completeChanged.emit())
        self.outer.addWidget(self.allow)
        title_row = QHBoxLayout()
        self.title_label = QLabel()
        self.title_edit = QLineEdit()
        self.title_label.setBuddy(self.title_edit)
        title_row.addWidget(self.title_label)
        title_row.addWidget(self.title_edit, 1)
        self.outer.addLayout(title_row)
        target_row = QHBoxLayout()
        self.target_label = QLabel()
        self.target = QLineEdit()
        self.target_label.setBuddy(self.target)
        self.target.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.choose = QPushButton()
        self.choose.clicked.connect(self.choose_target)
        target_row.addWidget(self.target_label)
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.choose)
        self.outer.addLayout(target_row)
        self.outer.addWidget(self.status)
        self.set_status("")

    def plan(self) -> ImportPlan:
        plan = self.import_wizard().plan
        assert plan is not None
        return plan

    def initializePage(self) -> None:
        wiz = self.import_wizard()
        plan = self.plan()
        self.set_status("")
        if not self.target.text().strip():
            self.target.setText(str(wiz.target or suggested_target(wiz.overview.path)))
        self.allow.setChecked(False)
        self.allow.setVisible(bool(plan.errors))
        self.title_edit.setText(plan.instruments[0].title.en if plan.instruments else "")
        for w in (self.title_label, self.title_edit):
            w.setVisible(bool(plan.instruments))
        lang = language()
        problems = []
        backgrounds: list[QColor | None] = []
        for p in plan.problems:
            problems.append((tr(f"iw.sev_{p.severity}"), p.sheet, "" if p.row is None else str(p.row),
                             p.column or "", localized(p.reason, lang)))
            backgrounds.append(ERROR_BG if p.severity == "error" else WARN_BG if p.severity == "warning" else None)
        self.problems_model.set_rows(problems, backgrounds)
        answers = []
        answer_bg: list[QColor | None] = []
        for pa in plan.answers:
            a = pa.answer
            q = plan.library.question(a.question_id)
            shown = tr("q.not_applicable") if a.not_applicable else (value_text(q, a.value) if q else str(a.value))
            how = "" if pa.confidence >= 0.999 else f"{pa.match} {round(pa.confidence * 100)} %"
            qtext = q.text.get(lang) if q is not None else pa.question_text
            who = " · ".join(x for x in (pa.participant or tr("iw.consensus"), pa.use_case) if x)
            answers.append((a.source, f"{a.question_id} – {qtext}", pa.raw, shown, who, how or tr("iw.exact")))
            answer_bg.append(WARN_BG if how else None)
        self.answers_model.set_rows(answers, answer_bg)
        self.retranslate()
        caps = {self.problems: (200, 300, 60, 200), self.answers: (380, 240, 140, 200, 220)}
        for view, widths in caps.items():
            view.resizeColumnsToContents()
            for c, cap in enumerate(widths):
                view.setColumnWidth(c, min(view.columnWidth(c) + 6, cap))
        self.completeChanged.emit()

    def choose_target(self) -> None:
        current = self.target.text().strip()
        path = dialogs.service().save_file(tr("file.import_target"), tr("file.filter_assessment"), current)
        if path is not None:
            if path.suffix.lower() != FILE_SUFFIX:
                path = path.with_name(path.name + FILE_SUFFIX)
            self.target.setText(str(path))

    def target_path(self) -> Path | None:
        text = self.target.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == FILE_SUFFIX else path.with_name(path.name + FILE_SUFFIX)

    def isComplete(self) -> bool:
        wiz = self.wizard()
        plan = wiz.plan if isinstance(wiz, ImportWizard) else None
        if plan is None or not (plan.answers or plan.instruments) or self.target_path() is None:
            return False
        return not plan.errors or self.allow.isChecked()

    def validatePage(self) -> bool:
        return self.import_wizard().run_step(self, "write")

    def retranslate(self) -> None:
        self.setTitle(tr("iw.p4_title"))
        self.setSubTitle(tr("iw.p4_sub"))
        wiz = self.wizard()
        plan = wiz.plan if isinstance(wiz, ImportWizard) else None
        self.problems_model.set_headers([tr("iw.col_severity"), tr("iw.col_sheet"), tr("iw.col_row"),
                                         tr("iw.col_column"), tr("iw.col_reason")])
        self.answers_model.set_headers([tr("iw.col_source"), tr("iw.col_question"), tr("iw.col_cell"),
                                        tr("iw.col_value"), tr("iw.col_who"), tr("iw.col_match")])
        self.problems.setAccessibleName(tr("iw.problems_name"))
        self.answers.setAccessibleName(tr("iw.answers_name"))
        self.target_label.setText(tr("iw.target"))
        self.target.setAccessibleName(tr("iw.target"))
        self.choose.setText(tr("iw.choose"))
        self.choose.setAccessibleName(tr("iw.choose_name"))
        if plan is None:
            return
        n_errors = len(plan.errors)
        votes = sum(1 for a in plan.answers if not a.answer.is_consensus)
        na = sum(1 for a in plan.answers if a.answer.not_applicable)
        counts = {"answers": len(plan.answers), "participants": len(plan.participants),
                  "use_cases": len(plan.use_cases), "problems": n_errors}
        for key, tile in self.tiles.items():
            caption = tr(f"iw.count_{key}")
            colour = "#b00020" if key == "problems" and n_errors else ""
            style = f"font-size: 22pt; font-weight: bold;{' color: ' + colour + ';' if colour else ''}"
            tile.setText(f"<div style='{style}'>{counts[key]}</div><div>{caption}</div>")
            tile.setAccessibleName(f"{counts[key]} {caption}")
        summary = tr("iw.summary", votes=votes, consensus=len(plan.answers) - votes, na=na,
                     rows=plan.rows_read, warnings=len(plan.warnings), file=plan.file)
        if plan.layouts:
            summary += " " + tr("iw.layout_read", layout=tr(f"iw.layout_{plan.layouts[0].layout}"))
        for qn in plan.instruments:
            summary += " " + tr("iw.instrument_created", title=qn.title.get(language()), count=len(qn.questions))
        self.summary.setText(summary)
        self.title_label.setText(tr("iw.instrument_title"))
        self.title_edit.setAccessibleName(tr("iw.instrument_title_name"))
        self.problems_label.setText(tr("iw.problems", count=len(plan.problems)))
        self.answers_label.setText(tr("iw.answers", count=len(plan.answers)))
        self.allow.setText(tr("iw.allow", count=n_errors))
        self.allow.setAccessibleName(tr("iw.allow", count=n_errors))
        if not plan.answers and not plan.instruments:
            self.set_status(tr("iw.nothing"), error=True)


# --------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Map a workbook onto our questionnaires, preview, then write a new assessment file."""

    SHEET, COLUMNS, VALUES, PREVIEW = range(4)
    writing = Signal(object)  # Path: about to be (re)written (the caller closes it if it is open)
    imported = Signal(object)  # Path: written
    step_done = Signal(str)  # "survey", "plan", "write", or "failed" (tests wait for it)

    def __init__(self, overview: WorkbookOverview, parent: QWidget | None = None, *, author: str = "",
                 profile: ImportProfile | None = None, target: Path | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        self.author = author
        self.draft = Draft.start(overview, profile)
        # a profile saved beside the workbook whose sheets and headers fit it: proposed on the first page
        self.proposed: Path | None = None
        if profile is None and overview.kind == "foreign":
            from readiness_app.excel.importer import find_profile

            with contextlib.suppress(ReadinessError, OSError):
                found = find_profile(overview.path, overview.path.parent)
                self.proposed = found[0] if found is not None else None
        self.survey: Survey | None = None
        self.plan: ImportPlan | None = None
        self.target = target
        self.written: Path | None = None
        self.task: Task | None = None
        self._busy = False
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2,
                              QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._custom)
        self.pages = [SheetPage(), ColumnsPage(), ValuesPage(), PreviewPage()]
        for i, page in enumerate(self.pages):
            self.setPage(i, page)
        self.setStartId(self.SHEET)
        self.resize(1280, 860)
        self.setMinimumSize(960, 640)
        self.currentIdChanged.connect(self._page_changed)
        QShortcut(QKeySequence("Ctrl+O"), self, lambda: self.load_profile())
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save_profile())
        self.retranslate()

    # ---------------------------------------------------------------- steps

    def run_step(self, page: _Page, step: str) -> bool:
        """Let ``page`` go once its background step has finished; start the step if it has not."""
        if page.passed:
            page.passed = False
            return True
        if self._busy:
            return False
        if step == "write":
            return self._start_write(page)
        overview, profile = self.overview, self.draft.profile()
        work: Callable[..., Any]
        if step == "survey":
            library = overview.library
            assert library is not None

            def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
                return survey_sheet(overview.path, library, profile, progress, cancelled)
        else:
            def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
                return make_plan(overview, profile, progress, cancelled)

        def done(result: Any) -> None:
            if step == "survey":
                self.survey = result
            else:
                self.plan = result
            self._finish_step(page, step)

        self._start(page, work, done, tr("iw.reading"))
        return False

    def _start_write(self, page: _Page) -> bool:
        preview = self.pages[self.PREVIEW]
        assert isinstance(preview, PreviewPage)
        plan, target = self.plan, preview.target_path()
        if plan is None or target is None:
            return False
        if not target.parent.is_dir():
            page.set_status(tr("iw.no_folder", folder=str(target.parent)), error=True)
            return False
        if target.exists() and not dialogs.service().confirm(tr("iw.replace_title"),
                                                             tr("iw.replace", name=target.name)):
            return False
        allow = bool(plan.errors) and preview.allow.isChecked()
        if plan.instruments and preview.title_edit.text().strip():  # the workbook's title, as the user edited it
            plan = plan.with_instrument_title(preview.title_edit.text())
        author = self.author
        self.writing.emit(target)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> Path:
            return write_import(plan, target, author=author, allow_problems=allow, cancelled=cancelled)

        def done(path: Any) -> None:
            self.written = Path(path)
            page.passed = True
            self._busy = False
            self.step_done.emit("write")
            self.accept()
            self.imported.emit(self.written)

        self._start(page, work, done, tr("ex.importing"))
        return False

    def _start(self, page: _Page, work: Callable[..., Any], done: Callable[[Any], None], title: str) -> None:
        self._busy = True
        page.set_status(title)
        for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(b).setEnabled(False)

        def finished(result: Any) -> None:
            task = self.task
            self._busy = False
            self._restore_buttons()
            if (task is not None and task.cancelled) or self.currentPage() is not page or not self.isVisible():
                page.set_status(tr("ex.cancelled") if task is not None and task.cancelled else "")
                self.step_done.emit("cancelled")
                return
            page.set_status("")
            done(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._restore_buttons()
            if isinstance(exc, Cancelled):
                page.set_status(tr("ex.cancelled"))
            elif isinstance(exc, ReadinessError):
                page.set_status(exc.one_line(language()), error=True)
            elif isinstance(exc, OSError):
                page.set_status(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), error=True)
            else:
                page.set_status("")
                dialogs.show_exception(exc)
            self.step_done.emit("failed")

        self.task = run_task(work, title, self, finished, failed)

    def _finish_step(self, page: _Page, step: str) -> None:
        page.passed = True
        self.step_done.emit(step)
        self.next()

    def _restore_buttons(self) -> None:
        self.button(QWizard.WizardButton.BackButton).setEnabled(self.currentId() != self.startId())
        page = self.currentPage()
        complete = page.isComplete() if page is not None else False
        self.button(QWizard.WizardButton.NextButton).setEnabled(complete)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(complete)

    @property
    def busy(self) -> bool:
        return self._busy

    # ---------------------------------------------------------------- profiles

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.load_profile()
        elif which == QWizard.WizardButton.CustomButton2.value:
            self.save_profile()

    def load_profile(self, path: Path | None = None) -> bool:
        if self._busy or self.overview.kind != "foreign":
            return False
        if path is None:
            path = dialogs.service().open_file(tr("iw.load_title"), tr("iw.filter_profile"),
                                               str(self.overview.path.parent))
            if path is None:
                return False
        try:
            profile = ImportProfile.load(Path(path))
        except ReadinessError as exc:
            dialogs.show_exception(exc)
            return False
        missing = self.draft.apply(self.overview, profile)
        self.survey = None
        self.plan = None
        self.restart()
        page = self.currentPage()
        if isinstance(page, _Page):
            text = tr("iw.loaded", name=Path(path).name)
            if missing:
                text += " " + tr("iw.loaded_missing", sheets=", ".join(missing))
            page.set_status(text)
        return True

    def use_proposed_profile(self) -> bool:
        """Load the saved profile that recognises this workbook (the button on the first page)."""
        path, self.proposed = self.proposed, None
        return path is not None and self.load_profile(path)

    def save_profile(self, path: Path | None = None) -> Path | None:
        if self.overview.kind != "foreign":
            return None
        if path is None:
            suggested = self.overview.path.with_name(self.overview.path.stem + "-profile.json")
            path = dialogs.service().save_file(tr("iw.save_title"), tr("iw.filter_profile"), str(suggested))
            if path is None:
                return None
        path = Path(path)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            self.draft.profile_for(self.overview).save(path)
        except (ReadinessError, OSError) as exc:
            dialogs.show_exception(exc)
            return None
        page = self.currentPage()
        if isinstance(page, _Page):
            page.set_status(tr("iw.saved", path=str(path)))
        return path

    # ---------------------------------------------------------------- look

    def _page_changed(self, _id: int) -> None:
        foreign = self.overview.kind == "foreign"
        self.button(QWizard.WizardButton.CustomButton1).setEnabled(foreign)
        self.button(QWizard.WizardButton.CustomButton2).setEnabled(foreign)

    def reject(self) -> None:
        if self.task is not None and self._busy:
            self.task.cancel()
        self._busy = False
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("iw.title", name=self.overview.path.name))
        self.setAccessibleName(tr("iw.title", name=self.overview.path.name))
        texts = {
            QWizard.WizardButton.BackButton: tr("iw.back"),
            QWizard.WizardButton.NextButton: tr("iw.next"),
            QWizard.WizardButton.FinishButton: tr("iw.finish"),
            QWizard.WizardButton.CancelButton: tr("ex.cancel"),
            QWizard.WizardButton.CustomButton1: tr("iw.load"),
            QWizard.WizardButton.CustomButton2: tr("iw.save"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(text.replace("&", ""))
        for page in self.pages:
            page.retranslate()
        self._page_changed(self.currentId())


def start_import_wizard(source: Path, parent: QWidget | None, *, author: str = "",
                        on_imported: Callable[[Path], object] | None = None,
                        before_write: Callable[[Path], None] | None = None,
                        library: Library | None = None,
                        keep: Callable[[ImportWizard], None] | None = None,
                        own_format: Callable[[Path], object] | None = None) -> Task:
    """Read ``source`` in the background, then open the wizard (window-modal, not blocking).

    Our own scorecards and templates need no mapping: with ``own_format`` they go there instead.
    """
    src = Path(source)

    def work(progress: ProgressFn, cancelled: CancelledFn) -> WorkbookOverview:
        return load_overview(src, library, progress, cancelled)

    def loaded(overview: Any) -> None:
        if task.cancelled:
            return
        if overview.kind != "foreign" and own_format is not None:
            own_format(src)
            return
        wizard = ImportWizard(overview, parent, author=author)
        if before_write is not None:
            wizard.writing.connect(lambda p: before_write(Path(p)))
        if on_imported is not None:
            wizard.imported.connect(lambda p: on_imported(Path(p)))
        if keep is not None:
            keep(wizard)
        wizard.open()

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            dialogs.show_exception(exc)

    task = run_task(work, tr("iw.reading"), parent, loaded, failed)
    return task


__all__ = ["Draft", "ImportWizard", "RowsModel", "Survey", "WorkbookOverview", "load_overview", "make_plan",
           "start_import_wizard", "survey_sheet", "write_import"]
