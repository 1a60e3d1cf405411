"""Opening, creating, importing, copying and closing assessments (a thin controller).

It owns the current :class:`~readiness_app.ui.operations.Session` and tells the window
through ``session_changed``. Every failure goes to the dialog service; nothing is lost.
"""

from __future__ import annotations

import contextlib
import getpass
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from readiness_app.errors import ReadinessError
from readiness_app.model import Engagement
from readiness_app.store.assessment_file import FILE_SUFFIX, AssessmentFile
from readiness_app.ui import dialogs, i18n
from readiness_app.ui.i18n import tr
from readiness_app.ui.operations import Session
from readiness_app.ui.settings import AppSettings, data_folder
from readiness_app.ui.tasks import Task, run_task

log = logging.getLogger(__name__)


def _author() -> str:
    try:
        return getpass.getuser()
    except Exception:  # getuser raises various errors when no user is known
        return ""


def _with_suffix(path: Path, suffix: str) -> Path:
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class Documents(QObject):
    session_changed = Signal(object)  # Session | None
    recent_changed = Signal()

    def __init__(self, settings: AppSettings, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.settings = settings
        self.window = window
        self.session: Session | None = None
        self.last_task: Task | None = None
        self.import_wizard: Any = None  # the open (or last) import wizard
        self._demo_task: Task | None = None

    # ------------------------------------------------------------------ open / close

    def _install(self, file: AssessmentFile) -> Session:
        self.close()
        self.session = Session(file, self)
        session = self.session
        # score in the background once the window has painted (the first page needs no scores)
        QTimer.singleShot(50, lambda: session.start_scoring() if self.session is session else None)
        if file.path is not None:
            self.settings.add_recent(file.path)
            self.settings.set_last_folder(file.path.parent)
            self.recent_changed.emit()
        self.session_changed.emit(self.session)
        return self.session

    def close(self) -> None:
        if self.session is not None:
            session, self.session = self.session, None
            session.close()
            session.deleteLater()
            self.session_changed.emit(None)

    def open_path(self, path: Path) -> Session | None:
        path = Path(path)
        if self.session is not None and self.session.path is not None and self.session.path.resolve() == path.resolve():
            return self.session
        try:
            # the page-by-page check of the file runs beside the reading of its questionnaires
            file = AssessmentFile.open(path, author=_author(), check_in_background=True)
            file.library()  # fail now, with a dialog, if the embedded questionnaires are damaged
            file.wait_checked()  # ... or if the file is
        except (ReadinessError, OSError) as exc:
            with contextlib.suppress(UnboundLocalError):
                file.close()
            dialogs.show_exception(exc)
            return None
        return self._install(file)

    def open_any(self, path: Path) -> Session | None:
        """Open a ``.readiness`` file or import an ``.xlsx`` workbook (drag and drop, command line)."""
        suffix = Path(path).suffix.lower()
        if suffix == FILE_SUFFIX:
            return self.open_path(path)
        if suffix == ".xlsx":
            self.import_workbook(Path(path))
            return self.session
        dialogs.service().error(tr("error.unsupported_title"), str(path), tr("error.unsupported_todo"))
        return None

    def open_dialog(self) -> Session | None:
        path = dialogs.service().open_file(tr("file.open_title"), tr("file.filter_assessment"),
                                           self.settings.last_folder())
        return self.open_path(path) if path else None

    def new_assessment(self, path: Path | None = None, library: Any = None) -> Session | None:
        if path is None:
            suggested = str(Path(self.settings.last_folder() or Path.home()) / tr("file.new_default"))
            path = dialogs.service().save_file(tr("file.new_title"), tr("file.filter_assessment"), suggested)
            if path is None:
                return None
        path = _with_suffix(Path(path), FILE_SUFFIX)
        if self.session is not None and self.session.path is not None and self.session.path.resolve() == path.resolve():
            self.close()
        try:
            if library is None:
                from readiness_app.questionnaire.loader import load_library

                library = load_library()
            file = AssessmentFile.create(path, library, Engagement(language=i18n.language()),  # type: ignore[arg-type]
                                         author=_author(), overwrite=True)
        except (ReadinessError, OSError) as exc:
            dialogs.show_exception(exc)
            return None
        return self._install(file)

    def demo_path(self, size: str = "standard") -> Path:
        name = "demo.readiness" if size == "standard" else f"demo-{size}.readiness"
        return data_folder() / name

    def open_demo(self, size: str = "standard") -> Task:
        """Write a fresh copy of the built-in demo to the data folder and open it.

        Writing it takes about a tenth of a second, so it runs in the background (a progress
        dialog shows only if it takes longer than usual); the demo opens when it is written.
        A second request while one is running waits for that one.
        """
        if self._demo_task is not None and self._demo_task.running:
            return self._demo_task
        target = self.demo_path(size)
        if self.session is not None and self.session.path is not None and self.session.path.resolve() == target.resolve():
            self.close()
        language = i18n.language()

        def write(_progress: Any, cancelled: Any) -> Path | None:
            from readiness_app.demo import write_demo

            if cancelled():
                return None
            write_demo(target, size=size, language=language)  # type: ignore[arg-type]
            return target

        def written(path: object) -> None:
            task = self._demo_task
            if path is not None and not (task is not None and task.cancelled):  # Cancel means: do not open it
                self.open_path(Path(str(path)))

        self._demo_task = self.last_task = run_task(write, tr("demo.preparing"), self.window, written,
                                                    dialogs.show_exception)
        return self._demo_task

    def save_copy(self, target: Path | None = None) -> Path | None:
        """Ctrl+S: write a consistent copy of the open assessment (the original stays open)."""
        if self.session is None:
            return None
        if target is None:
            src = self.session.path or Path("assessment.readiness")
            suggested = str(src.with_name(f"{src.stem}-copy{FILE_SUFFIX}"))
            target = dialogs.service().save_file(tr("file.copy_title"), tr("file.filter_assessment"), suggested)
            if target is None:
                return None
        target = _with_suffix(Path(target), FILE_SUFFIX)
        try:
            self.session.file.save_copy(target)
        except (ReadinessError, OSError) as exc:
            dialogs.show_exception(exc)
            return None
        return target

    # ------------------------------------------------------------------ import

    def import_workbook(self, source: Path | None = None, target: Path | None = None) -> Task | None:
        """Import an Excel assessment into a new ``.readiness`` file, then open it.

        Interactive (no ``target``): the import wizard (sheet, columns, values, questions,
        preview) opens once the workbook has been read in the background; nothing is written
        before its Finish. Our own scorecards and templates need no mapping: only the new
        file's name is asked. With a ``target`` the detected mapping is used without questions,
        except whether to import the rest when some rows cannot be imported.
        """
        if source is None:
            source = dialogs.service().open_file(tr("file.import_title"), tr("file.filter_excel"),
                                                 self.settings.last_folder())
            if source is None:
                return None
        if target is None:
            from readiness_app.ui.import_wizard import start_import_wizard

            def keep(wizard: Any) -> None:
                if self.import_wizard is not None:
                    self.import_wizard.deleteLater()
                self.import_wizard = wizard

            def own_format(path: Path) -> None:  # our scorecards and templates need no mapping
                suggested = str(path.with_suffix(FILE_SUFFIX))
                chosen = dialogs.service().save_file(tr("file.import_target"), tr("file.filter_assessment"), suggested)
                if chosen is not None:
                    self.import_workbook(path, chosen)

            self.last_task = start_import_wizard(Path(source), self.window, author=_author(),
                                                 on_imported=self.open_path, before_write=self._release, keep=keep,
                                                 own_format=own_format)
            return self.last_task
        out = _with_suffix(Path(target), FILE_SUFFIX)
        self._release(out)
        src = Path(source)

        def plan(progress: Any, cancelled: Any) -> Any:
            from readiness_app.excel.importer import plan_import

            return plan_import(src, progress=progress)

        def planned(result: object) -> None:
            errors = list(getattr(result, "errors", []))
            allow = False
            if errors:
                lines = "\n".join(p.format() for p in errors[:5])
                if not dialogs.service().confirm(tr("import.problems_title"),
                                                 tr("import.problems", count=len(errors), lines=lines)):
                    return
                allow = True

            def write(progress: Any, cancelled: Any) -> Path:
                from readiness_app.excel.importer import apply_plan

                return apply_plan(result, out, overwrite=True, author=_author(), allow_problems=allow)  # type: ignore[arg-type]

            def written(path: object) -> None:
                self.open_path(Path(str(path)))

            self.last_task = run_task(write, tr("ex.importing"), self.window, written, dialogs.show_exception)

        self.last_task = run_task(plan, tr("ex.importing"), self.window, planned, dialogs.show_exception)
        return self.last_task

    def _release(self, path: Path) -> None:
        """Close the open assessment if an import is about to replace its file."""
        if self.session is not None and self.session.path is not None and self.session.path.resolve() == path.resolve():
            self.close()
