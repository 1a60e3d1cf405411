"""The import wizard's item models, delegates and the base of its pages (thin views over the model)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeGuard

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from readiness_app.excel.mapping import (
    normalise,
)
from readiness_app.excel.workbook_io import column_letter
from readiness_app.ui.i18n import tr
from readiness_app.ui.import_wizard.model import (
    DARK_TEXT,
    HEADER_BG,
)

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.ui.import_wizard.wizard import ImportWizard



SHEET_PAGE, COLUMNS_PAGE, VALUES_PAGE, PREVIEW_PAGE = range(4)  # the pages' ids in the wizard


def is_wizard(widget: object) -> TypeGuard[ImportWizard]:
    """Whether ``widget`` is the import wizard (imported here on use: the wizard imports the pages)."""
    from readiness_app.ui.import_wizard.wizard import ImportWizard

    return isinstance(widget, ImportWizard)




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
        assert is_wizard(wiz)
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


