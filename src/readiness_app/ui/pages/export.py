"""Step 10: export the Excel scorecard and the PDF report (off the UI thread), or save a copy.

Reports are written in the engagement's report language (not the interface language); the
language box on this page edits that same engagement field.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from readiness_app.errors import ExportError
from readiness_app.ui import dialogs, operations
from readiness_app.ui.i18n import tr
from readiness_app.ui.operations import Change
from readiness_app.ui.pages.base import Page, heading, intro
from readiness_app.ui.settings_dialog import deck_template, export_suggestion, report_branding
from readiness_app.ui.tasks import Cancelled, Task, run_task

# the third-party library each exporter needs (checked without importing it)

# per export kind: the file suffix, the save dialog's title and its file filter (i18n keys)
EXPORT_FILES: dict[str, tuple[str, str, str]] = {
    "pdf": (".pdf", "file.export_pdf_title", "file.filter_pdf"),
    "xlsx": (".xlsx", "file.export_xlsx_title", "file.filter_excel"),
    "pptx": (".pptx", "file.export_pptx_title", "file.filter_pptx"),
    "jira": (".csv", "file.export_jira_title", "file.filter_csv"),
    "azure": (".csv", "file.export_azure_title", "file.filter_csv"),
}


def find_exporter(kind: str) -> Callable[..., Any]:
    """The exporter, imported on first use (inside the background job, so start-up stays light).

    Both are called as ``fn(source, target, lang=, progress=0..100, cancel=, portfolio=)``;
    the PDF also takes ``branding=``.
    """
    if kind == "pdf":
        from readiness_app.report.pdf import build_report

        return build_report
    if kind == "xlsx":
        from readiness_app.excel.scorecard import export_scorecard

        return export_scorecard
    if kind == "pptx":
        from readiness_app.deck.builder import build_deck

        return build_deck
    if kind == "jira":
        from readiness_app.backlog.csv_files import write_jira_csv

        return write_jira_csv
    if kind == "azure":
        from readiness_app.backlog.csv_files import write_azure_devops_csv

        return write_azure_devops_csv
    raise ExportError(f"no {kind} exporter in this build")


def export_work(kind: str, source: Path, target: Path, lang: str, branding: Any = None,
                portfolio: Any = None, template: Path | None = None) -> Callable[..., Path]:
    """The background job: the exporter reads its own read-only snapshot of the file and writes ``target``.

    The deck (``pptx``) also takes ``template=`` (the firm's slide template, None: the built-in look);
    the backlog CSVs (``jira``, ``azure``) take only the language.
    """

    def work(progress: Any, cancelled: Any) -> Path:
        exporter = find_exporter(kind)
        try:
            if kind in ("jira", "azure"):
                exporter(source, target, lang=lang)
                progress(100, 100)
                return target
            extra: dict[str, Any] = {"branding": branding} if kind in ("pdf", "pptx") and branding is not None else {}
            if kind == "pptx" and template is not None:
                extra["template"] = template
            if portfolio is not None and kind != "pptx":
                extra["portfolio"] = portfolio
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
        column = QVBoxLayout()
        column.setSpacing(12)
        for key in ("pdf", "xlsx", "pptx", "jira", "azure", "templates", "copy"):
            row = QHBoxLayout()
            b = QPushButton()
            b.setMinimumHeight(int(b.fontMetrics().height() * 2.6))
            b.setMinimumWidth(360)
            b.clicked.connect(lambda _c=False, k=key: self.export(k))
            row.addWidget(b)
            row.addStretch(1)
            column.addLayout(row)
            self.buttons[key] = b
        self.outer.addLayout(column)
        # the report language: the engagement's own (edited here or on the engagement page)
        lang_row = QHBoxLayout()
        self.language_label = QLabel()
        self.language_combo = QComboBox()
        self.language_combo.addItem(tr("lang.en"), "en")
        self.language_combo.addItem(tr("lang.de"), "de")
        self.language_combo.setMinimumWidth(200)
        self.language_combo.activated.connect(self._language_picked)
        self.language_label.setBuddy(self.language_combo)
        self.language_note = QLabel()
        self.language_note.setWordWrap(True)
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language_combo)
        lang_row.addSpacing(12)
        lang_row.addWidget(self.language_note, 1)
        self.outer.addLayout(lang_row)
        self.benchmark_check = QCheckBox()
        self.benchmark_check.setChecked(True)
        self.benchmark_check.hide()
        self.outer.addWidget(self.benchmark_check)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.outer.addWidget(self.status_label)
        self.outer.addStretch(1)
        self.retranslate()

    def refresh(self, change: Change | None) -> None:
        if self.session is None:
            return
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(self.report_language())))
        portfolio = self.session.portfolio
        has = portfolio is not None and portfolio.current is not None
        self.benchmark_check.setVisible(has)
        if has:
            self.benchmark_check.setText(tr("ex.benchmark", count=portfolio.current.overall.peers))

    def report_language(self) -> str:
        """The language of the PDF and the workbook: the engagement's report language."""
        lang = self.session.file.engagement().language if self.session is not None else ""
        return lang if lang in ("en", "de") else "en"

    def _language_picked(self) -> None:
        if self.session is not None:
            operations.update_engagement(self.session, language=str(self.language_combo.currentData()))

    def _portfolio(self) -> Any:
        p = self.session.portfolio if self.session is not None else None
        return p if p is not None and self.benchmark_check.isVisible() and self.benchmark_check.isChecked() else None

    def export_report(self) -> Task | None:
        return self.export("pdf")

    def export(self, kind: str, target: Path | None = None) -> Task | None:
        session = self.session
        if session is None or session.path is None:
            return None
        if kind == "templates":
            return self.export_templates(target)
        if kind == "copy":
            saved = self.documents.save_copy(target)
            if saved is not None:
                self.status_label.setText(tr("ex.done", path=str(saved)))
            return None
        suffix, title_key, filter_key = EXPORT_FILES[kind]
        if target is None:
            name = session.path.stem + ("-jira" if kind == "jira" else "-azure-devops" if kind == "azure" else "")
            suggested = str(export_suggestion(self.documents.settings, session.path.with_name(name), suffix))
            target = dialogs.service().save_file(tr(title_key), tr(filter_key), suggested)
            if target is None:
                return None
        if target.suffix.lower() != suffix:
            target = target.with_name(target.name + suffix)
        self.status_label.setText(tr("ex.running"))
        branding = report_branding(self.documents.settings)
        template = deck_template(self.documents.settings) if kind == "pptx" else None
        self.task = run_task(export_work(kind, session.path, target, self.report_language(), branding,
                                         self._portfolio(), template),
                             tr("ex.running"), self, self._done, self._failed)
        return self.task

    def export_templates(self, folder: Path | None = None) -> Task | None:
        """One personal template per participant, named after each, into one folder (pre-work)."""
        session = self.session
        if session is None or session.path is None:
            return None
        if not session.file.participants():
            self.status_label.setText(tr("ex.templates_none"))
            return None
        if folder is None:
            folder = dialogs.service().open_folder(tr("ex.templates_folder"), str(session.path.parent))
            if folder is None:
                return None
        source, lang = session.path, self.report_language()

        def work(progress: Any, cancelled: Any) -> list[Path]:
            from readiness_app.excel.template import export_templates
            from readiness_app.store.assessment_file import AssessmentFile

            with AssessmentFile.open_readonly(source) as af:
                return export_templates(af, Path(folder), lang=lang)

        def done(paths: object) -> None:
            written = paths if isinstance(paths, list) else []
            self.status_label.setText(tr("ex.templates_done", count=len(written), folder=str(folder)))

        self.status_label.setText(tr("ex.running"))
        self.task = run_task(work, tr("ex.running"), self, done, self._failed)
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
        self.language_label.setText(tr("ex.language"))
        self.language_combo.setAccessibleName(tr("ex.language"))
        self.language_combo.setItemText(0, tr("lang.en"))
        self.language_combo.setItemText(1, tr("lang.de"))
        self.language_note.setText(tr("ex.language_note"))
        super().retranslate()
