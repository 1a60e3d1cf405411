"""Page 2 of the import wizard: which column holds what (long layout)."""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
)

from readiness_app.excel.mapping import (
    COLUMN_LABELS,
)
from readiness_app.excel.workbook_io import column_letter
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.import_wizard.model import (
    COLUMN_ROLES,
    column_ref,
    guessed_columns,
    resolve_columns,
)
from readiness_app.ui.import_wizard.widgets import (
    _hint,
    _Page,
    is_wizard,
)

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
        if not is_wizard(wiz):
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


