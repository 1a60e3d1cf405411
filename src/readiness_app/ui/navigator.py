"""The step navigator on the left: every step with its completion; any step, any order."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from readiness_app.ui.i18n import tr
from readiness_app.ui.models import KeyRole, StepItem, StepsModel
from readiness_app.ui.pages.base import scaled_font
from readiness_app.ui.progress import STEPS, StepStatus


class Navigator(QWidget):
    step_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 14, 6, 10)
        self.title_label = QLabel()
        self.title_label.setFont(scaled_font(self.title_label, 1.1, bold=True))
        layout.addWidget(self.title_label)
        self.model = StepsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSpacing(3)
        self.view.setWordWrap(True)
        self.view.setFont(scaled_font(self.view, 1.05))
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        layout.addWidget(self.view, 1)
        self._statuses: dict[str, StepStatus] = {}
        self.setMinimumWidth(300)
        self.retranslate()

    def set_statuses(self, statuses: dict[str, StepStatus]) -> None:
        self._statuses = dict(statuses)
        items = []
        for key in STEPS:
            st = statuses.get(key)
            detail = ""
            if key == "use_cases" and st is not None:
                detail = tr("nav.use_cases", count=st.done)
            elif key == "participants" and st is not None:
                detail = tr("nav.roles", done=st.done, total=st.total)
            elif st is not None and st.total:
                detail = tr("nav.complete") if st.complete else tr("nav.done", done=st.done, total=st.total)
            items.append(StepItem(key, tr(f"step.{key}"), detail, bool(st and st.complete)))
        self.model.set_items(items)

    def select(self, key: str) -> None:
        row = self.model.row_of(key)
        if row >= 0 and self.view.currentIndex().row() != row:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def current(self) -> str:
        idx = self.view.currentIndex()
        return str(idx.data(KeyRole)) if idx.isValid() else ""

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.step_selected.emit(str(current.data(KeyRole)))

    def retranslate(self) -> None:
        self.title_label.setText(tr("nav.title"))
        self.view.setAccessibleName(tr("nav.accessible"))
        self.set_statuses(self._statuses)
        self.view.setToolTip("")
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
