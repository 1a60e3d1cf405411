"""Page 1 of the import wizard: the sheet, its header row and its layout, with the first rows."""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from readiness_app.ui.i18n import tr
from readiness_app.ui.import_wizard.model import (
    SheetOverview,
)
from readiness_app.ui.import_wizard.widgets import (
    COLUMNS_PAGE,
    PREVIEW_PAGE,
    PreviewModel,
    _hint,
    _Page,
    is_wizard,
)

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
        if is_wizard(wiz) and (wiz.overview.kind != "foreign"
                                              or wiz.draft.effective_layout(wiz.overview) != "long"):
            return PREVIEW_PAGE  # a wide layout maps itself: its columns are the criteria or people
        return COLUMNS_PAGE

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
        if is_wizard(wiz) and wiz.proposed is not None:
            self.proposal.setText(tr("iw.profile_fits", name=wiz.proposed.name))
        self.proposal.setVisible(is_wizard(wiz) and wiz.proposed is not None)
        for i in range(self.layout_combo.count()):
            self.layout_combo.setItemText(i, tr(f"iw.layout_{self.layout_combo.itemData(i)}"))
        self.preview_label.setText(tr("iw.preview_rows"))
        self.preview.setAccessibleName(tr("iw.preview_rows_name"))
        if is_wizard(wiz):
            name = wiz.overview.path.name.replace("_", "_\u200b").replace("-", "-\u200b")  # long names wrap
            self.file_label.setText(tr("iw.file", name=name))
            kind = wiz.overview.kind
            self.kind_label.setText("" if kind == "foreign" else tr(f"iw.kind_{kind}"))
            self.kind_label.setVisible(kind != "foreign")
            self._update_detected()


