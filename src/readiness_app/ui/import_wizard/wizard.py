"""The import wizard itself: its four pages, the background steps, profiles and the start from the app."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)

from readiness_app.errors import ReadinessError
from readiness_app.excel.importer import (
    ImportPlan,
)
from readiness_app.excel.mapping import (
    ImportProfile,
)
from readiness_app.questionnaire.loader import Library
from readiness_app.ui import dialogs
from readiness_app.ui.i18n import language, tr
from readiness_app.ui.import_wizard.columns_page import (
    ColumnsPage,
)
from readiness_app.ui.import_wizard.model import (
    CancelledFn,
    Draft,
    ProgressFn,
    Survey,
    WorkbookOverview,
    load_overview,
    make_plan,
    survey_sheet,
    write_import,
)
from readiness_app.ui.import_wizard.preview_page import (
    PreviewPage,
)
from readiness_app.ui.import_wizard.sheet_page import (
    SheetPage,
)
from readiness_app.ui.import_wizard.values_page import (
    ValuesPage,
)
from readiness_app.ui.import_wizard.widgets import (
    COLUMNS_PAGE,
    PREVIEW_PAGE,
    SHEET_PAGE,
    VALUES_PAGE,
    _Page,
)
from readiness_app.ui.tasks import Cancelled, Task, run_task

# --------------------------------------------------------------------------- the wizard


class ImportWizard(QWizard):
    """Map a workbook onto our questionnaires, preview, then write a new assessment file."""

    SHEET, COLUMNS, VALUES, PREVIEW = SHEET_PAGE, COLUMNS_PAGE, VALUES_PAGE, PREVIEW_PAGE
    writing = Signal(object)  # Path: about to be (re)written (the caller closes it if it is open)
    imported = Signal(object)  # Path: written
    step_done = Signal(str)  # "survey", "plan", "write", or "failed" (tests wait for it)

    def __init__(self, overview: WorkbookOverview, parent: QWidget | None = None, *, author: str = "",
                 profile: ImportProfile | None = None, target: Path | None = None) -> None:
        super().__init__(parent)
        self.overview = overview
        self.author = author
        self.draft = Draft.start(overview, profile)
        # a profile saved beside the workbook whose sheets and headers fit it: proposed on the first page
        self.proposed: Path | None = None
        if profile is None and overview.kind == "foreign":
            from readiness_app.excel.importer import find_profile

            with contextlib.suppress(ReadinessError, OSError):
                found = find_profile(overview.path, overview.path.parent)
                self.proposed = found[0] if found is not None else None
        self.survey: Survey | None = None
        self.plan: ImportPlan | None = None
        self.target = target
        self.written: Path | None = None
        self.task: Task | None = None
        self._busy = False
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setOption(QWizard.WizardOption.HaveCustomButton2, True)
        self.setButtonLayout([QWizard.WizardButton.CustomButton1, QWizard.WizardButton.CustomButton2,
                              QWizard.WizardButton.Stretch, QWizard.WizardButton.BackButton,
                              QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton,
                              QWizard.WizardButton.CancelButton])
        self.customButtonClicked.connect(self._custom)
        self.pages = [SheetPage(), ColumnsPage(), ValuesPage(), PreviewPage()]
        for i, page in enumerate(self.pages):
            self.setPage(i, page)
        self.setStartId(self.SHEET)
        self.resize(1280, 860)
        self.setMinimumSize(960, 640)
        self.currentIdChanged.connect(self._page_changed)
        QShortcut(QKeySequence("Ctrl+O"), self, lambda: self.load_profile())
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save_profile())
        self.retranslate()

    # ---------------------------------------------------------------- steps

    def run_step(self, page: _Page, step: str) -> bool:
        """Let ``page`` go once its background step has finished; start the step if it has not."""
        if page.passed:
            page.passed = False
            return True
        if self._busy:
            return False
        if step == "write":
            return self._start_write(page)
        overview, profile = self.overview, self.draft.profile()
        work: Callable[..., Any]
        if step == "survey":
            library = overview.library
            assert library is not None

            def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
                return survey_sheet(overview.path, library, profile, progress, cancelled)
        else:
            def work(progress: ProgressFn, cancelled: CancelledFn) -> Any:
                return make_plan(overview, profile, progress, cancelled)

        def done(result: Any) -> None:
            if step == "survey":
                self.survey = result
            else:
                self.plan = result
            self._finish_step(page, step)

        self._start(page, work, done, tr("iw.reading"))
        return False

    def _start_write(self, page: _Page) -> bool:
        preview = self.pages[self.PREVIEW]
        assert isinstance(preview, PreviewPage)
        plan, target = self.plan, preview.target_path()
        if plan is None or target is None:
            return False
        if not target.parent.is_dir():
            page.set_status(tr("iw.no_folder", folder=str(target.parent)), error=True)
            return False
        if target.exists() and not dialogs.service().confirm(tr("iw.replace_title"),
                                                             tr("iw.replace", name=target.name)):
            return False
        allow = bool(plan.errors) and preview.allow.isChecked()
        if plan.instruments and preview.title_edit.text().strip():  # the workbook's title, as the user edited it
            plan = plan.with_instrument_title(preview.title_edit.text())
        author = self.author
        self.writing.emit(target)

        def work(progress: ProgressFn, cancelled: CancelledFn) -> Path:
            return write_import(plan, target, author=author, allow_problems=allow, cancelled=cancelled)

        def done(path: Any) -> None:
            self.written = Path(path)
            page.passed = True
            self._busy = False
            self.step_done.emit("write")
            self.accept()
            self.imported.emit(self.written)

        self._start(page, work, done, tr("ex.importing"))
        return False

    def _start(self, page: _Page, work: Callable[..., Any], done: Callable[[Any], None], title: str) -> None:
        self._busy = True
        page.set_status(title)
        for b in (QWizard.WizardButton.NextButton, QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton):
            self.button(b).setEnabled(False)

        def finished(result: Any) -> None:
            task = self.task
            self._busy = False
            self._restore_buttons()
            if (task is not None and task.cancelled) or self.currentPage() is not page or not self.isVisible():
                page.set_status(tr("ex.cancelled") if task is not None and task.cancelled else "")
                self.step_done.emit("cancelled")
                return
            page.set_status("")
            done(result)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._restore_buttons()
            if isinstance(exc, Cancelled):
                page.set_status(tr("ex.cancelled"))
            elif isinstance(exc, ReadinessError):
                page.set_status(exc.one_line(language()), error=True)
            elif isinstance(exc, OSError):
                page.set_status(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), error=True)
            else:
                page.set_status("")
                dialogs.show_exception(exc)
            self.step_done.emit("failed")

        self.task = run_task(work, title, self, finished, failed)

    def _finish_step(self, page: _Page, step: str) -> None:
        page.passed = True
        self.step_done.emit(step)
        self.next()

    def _restore_buttons(self) -> None:
        self.button(QWizard.WizardButton.BackButton).setEnabled(self.currentId() != self.startId())
        page = self.currentPage()
        complete = page.isComplete() if page is not None else False
        self.button(QWizard.WizardButton.NextButton).setEnabled(complete)
        self.button(QWizard.WizardButton.FinishButton).setEnabled(complete)

    @property
    def busy(self) -> bool:
        return self._busy

    # ---------------------------------------------------------------- profiles

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.load_profile()
        elif which == QWizard.WizardButton.CustomButton2.value:
            self.save_profile()

    def load_profile(self, path: Path | None = None) -> bool:
        if self._busy or self.overview.kind != "foreign":
            return False
        if path is None:
            path = dialogs.service().open_file(tr("iw.load_title"), tr("iw.filter_profile"),
                                               str(self.overview.path.parent))
            if path is None:
                return False
        try:
            profile = ImportProfile.load(Path(path))
        except ReadinessError as exc:
            dialogs.show_exception(exc)
            return False
        missing = self.draft.apply(self.overview, profile)
        self.survey = None
        self.plan = None
        self.restart()
        page = self.currentPage()
        if isinstance(page, _Page):
            text = tr("iw.loaded", name=Path(path).name)
            if missing:
                text += " " + tr("iw.loaded_missing", sheets=", ".join(missing))
            page.set_status(text)
        return True

    def use_proposed_profile(self) -> bool:
        """Load the saved profile that recognises this workbook (the button on the first page)."""
        path, self.proposed = self.proposed, None
        return path is not None and self.load_profile(path)

    def save_profile(self, path: Path | None = None) -> Path | None:
        if self.overview.kind != "foreign":
            return None
        if path is None:
            suggested = self.overview.path.with_name(self.overview.path.stem + "-profile.json")
            path = dialogs.service().save_file(tr("iw.save_title"), tr("iw.filter_profile"), str(suggested))
            if path is None:
                return None
        path = Path(path)
        if path.suffix.lower() != ".json":
            path = path.with_name(path.name + ".json")
        try:
            self.draft.profile_for(self.overview).save(path)
        except (ReadinessError, OSError) as exc:
            dialogs.show_exception(exc)
            return None
        page = self.currentPage()
        if isinstance(page, _Page):
            page.set_status(tr("iw.saved", path=str(path)))
        return path

    # ---------------------------------------------------------------- look

    def _page_changed(self, _id: int) -> None:
        foreign = self.overview.kind == "foreign"
        self.button(QWizard.WizardButton.CustomButton1).setEnabled(foreign)
        self.button(QWizard.WizardButton.CustomButton2).setEnabled(foreign)

    def reject(self) -> None:
        if self.task is not None and self._busy:
            self.task.cancel()
        self._busy = False
        super().reject()

    def retranslate(self) -> None:
        self.setWindowTitle(tr("iw.title", name=self.overview.path.name))
        self.setAccessibleName(tr("iw.title", name=self.overview.path.name))
        texts = {
            QWizard.WizardButton.BackButton: tr("iw.back"),
            QWizard.WizardButton.NextButton: tr("iw.next"),
            QWizard.WizardButton.FinishButton: tr("iw.finish"),
            QWizard.WizardButton.CancelButton: tr("ex.cancel"),
            QWizard.WizardButton.CustomButton1: tr("iw.load"),
            QWizard.WizardButton.CustomButton2: tr("iw.save"),
        }
        for which, text in texts.items():
            self.setButtonText(which, text)
            self.button(which).setAccessibleName(text.replace("&", ""))
        for page in self.pages:
            page.retranslate()
        self._page_changed(self.currentId())


def start_import_wizard(source: Path, parent: QWidget | None, *, author: str = "",
                        on_imported: Callable[[Path], object] | None = None,
                        before_write: Callable[[Path], None] | None = None,
                        library: Library | None = None,
                        keep: Callable[[ImportWizard], None] | None = None,
                        own_format: Callable[[Path], object] | None = None) -> Task:
    """Read ``source`` in the background, then open the wizard (window-modal, not blocking).

    Our own scorecards and templates need no mapping: with ``own_format`` they go there instead.
    """
    src = Path(source)

    def work(progress: ProgressFn, cancelled: CancelledFn) -> WorkbookOverview:
        return load_overview(src, library, progress, cancelled)

    def loaded(overview: Any) -> None:
        if task.cancelled:
            return
        if overview.kind != "foreign" and own_format is not None:
            own_format(src)
            return
        wizard = ImportWizard(overview, parent, author=author)
        if before_write is not None:
            wizard.writing.connect(lambda p: before_write(Path(p)))
        if on_imported is not None:
            wizard.imported.connect(lambda p: on_imported(Path(p)))
        if keep is not None:
            keep(wizard)
        wizard.open()

    def failed(exc: BaseException) -> None:
        if not isinstance(exc, Cancelled):
            dialogs.show_exception(exc)

    task = run_task(work, tr("iw.reading"), parent, loaded, failed)
    return task
