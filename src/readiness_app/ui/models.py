"""Qt item models: thin adapters over plain-Python objects.

They hold a list of rows handed to them by a page and never read the assessment file.
Edits go out through an ``on_edit`` callback that the page wires to an operation.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from readiness_app.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
_INVALID = QModelIndex()

# the row's key (for tests and callers): Qt.UserRole; a 0..1 value for heat colours: Qt.UserRole + 1
KeyRole = Qt.ItemDataRole.UserRole
HeatRole = Qt.ItemDataRole.UserRole + 1
RatioRole = Qt.ItemDataRole.UserRole + 2
DetailRole = Qt.ItemDataRole.UserRole + 3
TitleRole = Qt.ItemDataRole.UserRole + 4
CompleteRole = Qt.ItemDataRole.UserRole + 5

_DISPLAY, _ACCESSIBLE_TEXT, _EDIT, _TOOLTIP, _ALIGNMENT, _BACKGROUND, _FONT, _KEY, _HEAT = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.FontRole, KeyRole, HeatRole))
_ANSWERED_ROLES = frozenset((_DISPLAY, _ACCESSIBLE_TEXT, _EDIT, _TOOLTIP, _ALIGNMENT, _BACKGROUND, _FONT, _KEY, _HEAT))


@dataclass(frozen=True)
class Column:
    """One column of a :class:`RecordTableModel`."""

    key: str
    header: str  # i18n key
    display: Callable[[Any], Any]
    edit: Callable[[Any], Any] | None = None  # value handed to an editor (EditRole); None = read-only
    align: Qt.AlignmentFlag | None = None
    tooltip: Callable[[Any], str] | None = None
    background: Callable[[Any], QColor | None] | None = None
    heat: Callable[[Any], float | None] | None = None
    font: Callable[[Any], QFont | None] | None = None  # e.g. struck through for done roadmap items


def two_lines(text: str) -> str:
    """A header of several words on two balanced lines ("Data\navailability"); one word stays as it is."""
    words = text.split()
    if len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


class RecordTableModel(QAbstractTableModel):
    """A table of plain records. ``set_rows`` replaces them, keeping the view's selection when it can."""

    def __init__(self, columns: Sequence[Column], key: Callable[[Any], str],
                 on_edit: Callable[[Any, str, Any], None] | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._key = key
        self._rows: list[Any] = []
        self.on_edit = on_edit
        self.wrap_headers = False  # headers of two or more words on two lines (narrow number columns)

    # ---------------------------------------------------------------- content

    @property
    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_of(self, key: str) -> int:
        for i, r in enumerate(self._rows):
            if self._key(r) == key:
                return i
        return -1

    def record(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_rows(self, rows: Sequence[Any]) -> None:
        rows = list(rows)
        if [self._key(r) for r in rows] == [self._key(r) for r in self._rows]:
            old, self._rows = self._rows, rows
            changed = [i for i, (a, b) in enumerate(zip(old, rows, strict=True)) if a is not b and a != b]
            last = len(self.columns) - 1
            for i in changed:  # only the rows that differ repaint
                self.dataChanged.emit(self.index(i, 0), self.index(i, last))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def refresh_all(self) -> None:
        """Everything may read differently (language, palette): repaint every cell."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    def retranslate(self) -> None:
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))

    # ---------------------------------------------------------------- Qt API

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for every role of every visible cell on each paint (thousands of calls on a
        # results page): roles we never answer return first, and roles are compared as plain ints.
        role = int(role)
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self.columns)):
            return None
        rec = self._rows[row]
        col = self.columns[column]
        if role in (_DISPLAY, _ACCESSIBLE_TEXT):
            return col.display(rec)
        if role == _BACKGROUND:
            colour = col.background(rec) if col.background is not None else None
            return QBrush(colour) if colour is not None else None
        if role == _ALIGNMENT:
            return int(col.align | Qt.AlignmentFlag.AlignVCenter) if col.align is not None else None
        if role == _TOOLTIP:
            return col.tooltip(rec) if col.tooltip is not None else None
        if role == _FONT:
            return col.font(rec) if col.font is not None else None
        if role == _EDIT:
            return col.edit(rec) if col.edit is not None else col.display(rec)
        if role == _KEY:
            return self._key(rec)
        return col.heat(rec) if col.heat is not None else None  # HeatRole

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            text = tr(self.columns[section].header)
            return two_lines(text) if self.wrap_headers else text
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.on_edit is not None and self.columns[index.column()].edit is not None:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.on_edit is None:
            return False
        col = self.columns[index.column()]
        if col.edit is None or col.edit(self._rows[index.row()]) == value:
            return False
        self.on_edit(self._rows[index.row()], col.key, value)
        return True


@dataclass(frozen=True)
class StepItem:
    key: str
    title: str
    detail: str  # "3 of 5", "" when the step has no completion
    complete: bool
    ratio: float | None = None  # completion 0..1 for steps that have one
    enabled: bool = True


class StepsModel(QAbstractListModel):
    """The step navigator: one row per step with its completion."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[StepItem] = []

    def set_items(self, items: Sequence[StepItem]) -> None:
        items = list(items)
        if [i.key for i in items] == [i.key for i in self._items]:
            self._items = items
            if items:
                self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, 0))
            return
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> StepItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, key: str) -> int:
        for i, it in enumerate(self._items):
            if it.key == key:
                return i
        return -1

    def rowCount(self, parent: Index = _INVALID) -> int:
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        it = self._items[index.row()]
        mark = "✓" if it.complete else "○" if it.detail else "›"
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{mark}  {index.row() + 1}. {it.title}"
            return f"{text}\n      {it.detail}" if it.detail else text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{index.row() + 1}. {it.title}" + (f", {it.detail}" if it.detail else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return it.detail or it.title
        if role == KeyRole:
            return it.key
        if role == RatioRole:
            return it.ratio
        if role == DetailRole:
            return it.detail
        if role == TitleRole:
            return f"{index.row() + 1}. {it.title}"
        if role == CompleteRole:
            return it.complete
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        it = self._items[index.row()]
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable) if it.enabled else Qt.ItemFlag.NoItemFlags
