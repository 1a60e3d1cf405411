"""Page 4 of the import wizard: counts, problems and every answer as it will land; the target."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from readiness_app.excel.importer import (
    ImportPlan,
)
from readiness_app.messages import localized
from readiness_app.store.assessment_file import FILE_SUFFIX
from readiness_app.ui import dialogs
from readiness_app.ui.format import value_text
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.import_wizard.model import (
    ERROR_BG,
    WARN_BG,
    suggested_target,
)
from readiness_app.ui.import_wizard.widgets import (
    RowsModel,
    _hint,
    _Page,
    _table_view,
    is_wizard,
)

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
        plan = wiz.plan if is_wizard(wiz) else None
        if plan is None or not (plan.answers or plan.instruments) or self.target_path() is None:
            return False
        return not plan.errors or self.allow.isChecked()

    def validatePage(self) -> bool:
        return self.import_wizard().run_step(self, "write")

    def retranslate(self) -> None:
        self.setTitle(tr("iw.p4_title"))
        self.setSubTitle(tr("iw.p4_sub"))
        wiz = self.wizard()
        plan = wiz.plan if is_wizard(wiz) else None
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


