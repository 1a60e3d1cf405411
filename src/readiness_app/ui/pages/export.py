"""Step 10: export the Excel scorecard and the PDF report (off the UI thread), or save a copy."""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readiness_app.errors import ExportError
from readiness_app.ui import dialogs
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro
from readiness_app.ui.settings_dialog import export_suggestion, report_branding
from readiness_app.ui.tasks import Cancelled, Task, run_task

# The exporters other parts of the app provide: (module, function). The PDF report is
# report_pdf.build_report(file, out, lang=, progress=0..100, cancel=); for the workbook the
# first function found is called as fn(file, out, lang=, progress=, cancel=).
PDF_EXPORTER = ("readiness_app.report_pdf", "build_report")
XLSX_EXPORTERS = (("readiness_app.xlsx_scorecard", "export_scorecard"), ("readiness_app.xlsx_scorecard", "write_scorecard"),
                  ("readiness_app.xlsx_export", "export_scorecard"), ("readiness_app.xlsx_export", "export_workbook"))


def find_exporter(kind: str) -> Callable[..., Any] | None:
    candidates = (PDF_EXPORTER,) if kind == "pdf" else XLSX_EXPORTERS
    for module, name in candidates:
        if importlib.util.find_spec(module) is None:
            continue
        try:
            mod = importlib.import_module(module)
        except ImportError:
            continue
        fn = getattr(mod, name, None)
        if callable(fn):
            return fn
    return None


def exporter_available(kind: str) -> bool:
    """Whether an exporter exists, without importing it (keeps reportlab/openpyxl out of start-up)."""
    candidates = (PDF_EXPORTER,) if kind == "pdf" else XLSX_EXPORTERS
    return any(importlib.util.find_spec(module) is not None for module, _ in candidates)


def export_work(kind: str, source: Path, target: Path, lang: str, branding: Any = None) -> Callable[..., Path]:
    """The background job: the exporter reads its own read-only snapshot of the file and writes ``target``."""

    def work(progress: Any, cancelled: Any) -> Path:
        exporter = find_exporter(kind)
        if exporter is None:
            raise ExportError(f"no {kind} exporter in this build")
        try:
            extra = {"branding": branding} if kind == "pdf" and branding is not None else {}
            exporter(source, target, lang=lang, progress=lambda p, total=100: progress(p, total), cancel=cancelled,
                     **extra)
        except ExportError as exc:
            if cancelled() or type(exc).__name__.endswith("Cancelled"):
                raise Cancelled() from exc
            raise
        if cancelled():
            raise Cancelled()
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
            available = exporter_available(key)
            self.buttons[key].setEnabled(available)
            self.notes[key].setText("" if available else tr("ex.unavailable"))

    def export_report(self) -> Task | None:
        return self.export("pdf")

    def export(self, kind: str, target: Path | None = None) -> Task | None:
        session = self.session
        if session is None or session.path is None:
            return None
        if kind == "copy":
            saved = self.documents.save_copy(target)
            if saved is not None:
                self.status_label.setText(tr("ex.done", path=str(saved)))
            return None
        if not exporter_available(kind):
            dialogs.service().error(tr("error.feature_title"), tr(f"ex.{kind}"), tr("error.feature_todo"))
            return None
        suffix = ".pdf" if kind == "pdf" else ".xlsx"
        if target is None:
            suggested = str(export_suggestion(self.documents.settings, session.path, suffix))
            title = tr("file.export_pdf_title") if kind == "pdf" else tr("file.export_xlsx_title")
            flt = tr("file.filter_pdf") if kind == "pdf" else tr("file.filter_excel")
            target = dialogs.service().save_file(title, flt, suggested)
            if target is None:
                return None
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.status_label.setText(tr("ex.running"))
        branding = report_branding(self.documents.settings)
        self.task = run_task(export_work(kind, session.path, target, language(), branding), tr("ex.running"), self,
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
