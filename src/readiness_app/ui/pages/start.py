"""The start page: new, open, demo, import, recent files; files can be dropped on the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui.format import folder_label
from readiness_app.ui.i18n import tr
from readiness_app.ui.pages.base import heading, intro


class StartPage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    import_requested = Signal()
    followup_requested = Signal()
    recent_requested = Signal(object)  # Path

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("page_start")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        column.setSpacing(14)
        outer.addLayout(column, 4)
        outer.addStretch(1)
        column.addStretch(1)
        self.title_label = heading(scale=2.4)
        self.subtitle_label = intro()
        column.addWidget(self.title_label)
        column.addWidget(self.subtitle_label)
        column.addSpacing(12)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        self.buttons: dict[str, QPushButton] = {}
        for i, (key, signal) in enumerate((("new", self.new_requested), ("open", self.open_requested),
                                           ("demo", self.demo_requested), ("import", self.import_requested),
                                           ("followup", self.followup_requested))):
            b = QPushButton()
            b.setMinimumHeight(int(b.fontMetrics().height() * 3.2))
            f = b.font()
            f.setPointSizeF(f.pointSizeF() * 1.2)
            b.setFont(f)
            b.clicked.connect(signal)
            self.buttons[key] = b
            grid.addWidget(b, i // 2, i % 2, 1, 2 if key == "followup" else 1)  # the odd one spans the row
        column.addLayout(grid)
        column.addSpacing(12)
        self.recent_label = heading(scale=1.2)
        column.addWidget(self.recent_label)
        self.recent_list = QListWidget()
        self.recent_list.setFrameShape(QFrame.Shape.StyledPanel)
        self.recent_list.setMinimumHeight(160)
        self.recent_list.itemActivated.connect(self._recent_activated)
        column.addWidget(self.recent_list)
        self.drop_label = QLabel()
        self.drop_label.setWordWrap(True)
        self.drop_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.drop_label)
        column.addStretch(2)
        self._recent: list[Path] = []
        self.retranslate()

    def set_recent(self, paths: list[Path]) -> None:
        self._recent = list(paths)
        self.recent_list.clear()
        if not paths:
            item = QListWidgetItem(tr("start.no_recent"))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent_list.addItem(item)
            return
        for p in paths:
            label = f"{p.name}    —    {folder_label(p)}"
            if not p.exists():
                label = tr("start.missing", name=label)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, str(p))
            item.setToolTip(str(p))
            self.recent_list.addItem(item)

    def _recent_activated(self, item: QListWidgetItem) -> None:
        value = item.data(Qt.ItemDataRole.UserRole)
        if value:
            self.recent_requested.emit(Path(value))

    def retranslate(self) -> None:
        self.title_label.setText(tr("start.title"))
        self.subtitle_label.setText(tr("start.subtitle"))
        for key, b in self.buttons.items():
            b.setText(tr(f"start.{key}"))
            b.setAccessibleName(tr(f"start.{key}"))
        self.recent_label.setText(tr("start.recent"))
        self.recent_list.setAccessibleName(tr("start.recent"))
        self.drop_label.setText(tr("start.drop_hint"))
        self.set_recent(self._recent)
