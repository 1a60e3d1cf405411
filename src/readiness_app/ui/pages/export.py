"""Step 10: export the Excel scorecard and the PDF report (off the UI thread), or save a copy."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readiness_app.storage import AssessmentFile
from readiness_app.ui import dialogs
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro
from readiness_app.ui.tasks import Cancelled, Task, run_task

# (module, function) candidates of the exporters other parts of the app provide:
# fn(assessment, target, *, lang=..., progress=..., cancelled=...) or fn(assessment, target)
EXPORTERS: dict[str, tuple[tuple[str, str], ...]] = {
    "xlsx": (("readiness_app.excel", "export_workbook"), ("readiness_app.export_xlsx", "export_workbook"),
             ("readiness_app.workbook", "export_workbook")),
    "pdf": (("readiness_app.report", "export_report"), ("readiness_app.report", "write_report"),
            ("readiness_app.pdf_report", "export_report")),
}


def find_exporter(kind: str) -> Callable[..., Any] | None:
    for module, name in EXPORTERS.get(kind, ()):
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def export_work(exporter: Callable[..., Any], source: Path, target: Path, lang: str) -> Callable[..., Path]:
    """The background job: read a private snapshot of the assessment and write ``target``."""

    def work(progress: Any, cancelled: Any) -> Path:
        progress(0, 3)
        snapshot = AssessmentFile.open_readonly(source)
        try:
            if cancelled():
                raise Cancelled()
            progress(1, 3)
            try:
                exporter(snapshot, target, lang=lang, progress=progress, cancelled=cancelled)
            except TypeError:
                exporter(snapshot, target)
            progress(3, 3)
        finally:
            snapshot.close()
        return target

    return work


class ExportPage(Page):
    step = "export"

    def __init__(self, documents: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.documents = documents
        self.task: Task | None = None
        self.title_label = heading()
        self.intro_label = intro()
        self.outer.addWidget(self.title_label)
        self.outer.addWidget(self.intro_label)
        self.buttons: dict[str, QPushButton] = {}
        self.notes: dict[str, QLabel] = {}
        column = QVBoxLayout()
        column.setSpacing(12)
        for key in ("pdf", "xlsx", "copy"):
            row = QHBoxLayout()
            b = QPushButton()
            b.setMinimumHeight(int(b.fontMetrics().height() * 2.6))
            b.setMinimumWidth(360)
            b.clicked.connect(lambda _c=False, k=key: self.export(k))
            note = QLabel()
            note.setWordWrap(True)
            row.addWidget(b)
            row.addWidget(note, 1)
            column.addLayout(row)
            self.buttons[key], self.notes[key] = b, note
        self.outer.addLayout(column)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.outer.addWidget(self.status_label)
        self.outer.addStretch(1)
        self.retranslate()

    def refresh(self, change: Change | None) -> None:
        for key in ("pdf", "xlsx"):
            available = find_exporter(key) is not None
            self.buttons[key].setEnabled(available)
            self.notes[key].setText("" if available else tr("ex.unavailable"))

    def export_report(self) -> Task | None:
        return self.export("pdf")

    def export(self, kind: str, target: Path | None = None) -> Task | None:
        session = self.session
        if session is None or session.path is None:
            return None
        if kind == "copy":
            if self.documents.save_copy(target):
                self.status_label.setText(tr("ex.done", path=str(target or "")))
            return None
        exporter = find_exporter(kind)
        if exporter is None:
            dialogs.service().error(tr("error.feature_title"), tr(f"ex.{kind}"), tr("error.feature_todo"))
            return None
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        if target is None:
            suggested = str(session.path.with_suffix(suffix))
            title = tr("file.export_pdf_title") if kind == "pdf" else tr("file.export_xlsx_title")
            flt = tr("file.filter_pdf") if kind == "pdf" else tr("file.filter_excel")
            target = dialogs.service().save_file(title, flt, suggested)
            if target is None:
                return None
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.status_label.setText(tr("ex.running"))
        self.task = run_task(export_work(exporter, session.path, target, language()), tr("ex.running"), self,
                             self._done, self._failed)
        return self.task

    def _done(self, path: object) -> None:
        self.status_label.setText(tr("ex.done", path=str(path)))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.status_label.setText(tr("ex.cancelled"))
            return
        self.status_label.setText("")
        dialogs.show_exception(exc)

    def retranslate(self) -> None:
        self.title_label.setText(tr("ex.heading"))
        self.intro_label.setText(tr("ex.intro"))
        for key, b in self.buttons.items():
            b.setText(tr(f"ex.{key}"))
            b.setAccessibleName(tr(f"ex.{key}"))
        super().retranslate()
