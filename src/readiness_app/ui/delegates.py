"""Item delegates and column sizing: a combo box editor for columns with a fixed list of choices, and
:func:`keep_text_room`, which keeps short columns from taking the room of a text column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QTableView, QWidget


class ComboDelegate(QStyledItemDelegate):
    """Edits a value chosen from ``choices()`` -> [(value, label)]; commits on selection."""

    def __init__(self, choices: Callable[[], Sequence[tuple[Any, str]]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.choices():
            combo.addItem(label, value)
        combo.setAccessibleName(str(index.model().headerData(index.column(), Qt.Orientation.Horizontal)))
        combo.activated.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _TextRoom(QObject):
    """Sizes a table's capped columns to their contents but never more than their share of the width."""

    def __init__(self, table: QTableView, caps: dict[int, float], after: Callable[[], None] | None = None) -> None:
        super().__init__(table)
        self.table = table
        self.caps = caps
        self.after = after
        table.viewport().installEventFilter(self)
        model = table.model()
        if model is not None:
            for signal in (model.modelReset, model.dataChanged, model.rowsInserted, model.layoutChanged):
                signal.connect(self.fit)

    def fit(self, *_args: Any) -> None:
        width = self.table.viewport().width()
        header = self.table.horizontalHeader()
        for column, share in self.caps.items():
            want = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            header.resizeSection(column, max(self._longest_word(column), min(want, int(width * share))))
        if self.table.wordWrap():
            self.table.resizeRowsToContents()
        if self.after is not None:
            self.after()

    def _longest_word(self, column: int) -> int:
        """The width of the longest word in the column or its header: less and a word would be cut."""
        model = self.table.model()
        if model is None:
            return 40
        fm = self.table.fontMetrics()
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        texts += [str(model.index(r, column).data() or "") for r in range(min(model.rowCount(), 200))]
        words = [w for t in texts for w in t.split()]
        return max([40, *(fm.horizontalAdvance(w) + 16 for w in words)])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False


def keep_text_room(table: QTableView, caps: dict[int, float], after: Callable[[], None] | None = None) -> None:
    """Give the stretching text column the room: each column in ``caps`` takes at most that share of
    the width (its text wraps beyond it), e.g. ``{1: 0.34}`` for an owner column beside an action.
    Wrapped rows are re-measured whenever the width changes; ``after`` runs then too."""
    table.setProperty("textRoom", True)
    _TextRoom(table, caps, after)
