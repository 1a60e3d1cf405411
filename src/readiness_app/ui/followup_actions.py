"""Follow-ups, anonymised copies and the portfolio benchmark (issue 9): a thin controller.

Like :class:`~readiness_app.ui.documents.Documents` it asks through the dialog service, runs
the core off the UI thread (:func:`~readiness_app.ui.tasks.run_task`) and opens or shows
the result. The work itself is the core's: :func:`readiness_app.followup.baseline.start_followup`,
:func:`readiness_app.anonymise.anonymise`, :func:`readiness_app.followup.portfolio.build_portfolio`
(imported inside the background jobs, so start-up does not load them).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from readiness_app.store.assessment_file import FILE_SUFFIX
from readiness_app.ui import dialogs
from readiness_app.ui.documents import Documents, _author, _with_suffix
from readiness_app.ui.i18n import tr
from readiness_app.ui.tasks import Cancelled, Task, run_task


def _same(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


class FollowupActions(QObject):
    """File menu: start a follow-up, export an anonymised copy; View menu: benchmark against a folder."""

    message = Signal(str)  # a short confirmation for the status bar

    def __init__(self, documents: Documents, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.documents = documents
        self.settings = documents.settings
        self.window = window
        self.last_task: Task | None = None
        self.benchmark_dialog: Any = None  # the open (or last) BenchmarkDialog

    # ------------------------------------------------------------------ follow-up

    def start_followup(self, baseline: Path | None = None, target: Path | None = None,
                       prefill: bool | None = None) -> Task | None:
        """Start a follow-up of ``baseline`` (default: the open assessment, else ask) and open it.

        Asks for the new file's name and whether to pre-fill the baseline's votes; the new
        file is written in the background (the baseline is only read), then opened.
        """
        session = self.documents.session
        if baseline is None:
            if session is not None and session.path is not None:
                baseline = session.path
            else:
                baseline = dialogs.service().open_file(tr("fu.baseline_title"), tr("file.filter_assessment"),
                                                       self.settings.last_folder())
                if baseline is None:
                    return None
        source = Path(baseline)
        if target is None:
            suggested = source.with_name(tr("fu.new_default", stem=source.stem))
            target = dialogs.service().save_file(tr("fu.new_title"), tr("file.filter_assessment"), str(suggested))
            if target is None:
                return None
        out = _with_suffix(Path(target), FILE_SUFFIX)
        if out.exists() and _same(out, source):
            dialogs.service().error(tr("error.invalid_title"), tr("fu.same_file"), tr("error.invalid_todo"))
            return None
        if prefill is None:
            prefill = dialogs.service().confirm(tr("fu.prefill_title"), tr("fu.prefill"))
        author = _author()
        with_votes = bool(prefill)

        def work(progress: Any, cancelled: Any) -> Path:
            from readiness_app.followup.baseline import start_followup

            start_followup(source, out, prefill=with_votes, author=author)
            if cancelled():  # the core cannot stop half-way; undo its one write instead
                with contextlib.suppress(OSError):
                    out.unlink()
                raise Cancelled()
            return out

        def done(path: object) -> None:
            if self.documents.open_path(Path(str(path))) is not None:
                self.message.emit(tr("fu.started", name=source.name))

        self.last_task = run_task(work, tr("fu.running"), self.window, done, self._failed)
        return self.last_task

    # ------------------------------------------------------------------ anonymised copy

    def export_anonymised(self, target: Path | None = None) -> Task | None:
        """Write an anonymised copy of the open assessment (pseudonyms, no notes) in the background."""
        session = self.documents.session
        if session is None or session.path is None:
            return None
        source = session.path
        if target is None:
            suggested = source.with_name(tr("anon.default", stem=source.stem))
            target = dialogs.service().save_file(tr("anon.title"), tr("file.filter_assessment"), str(suggested))
            if target is None:
                return None
        out = _with_suffix(Path(target), FILE_SUFFIX)

        def work(progress: Any, cancelled: Any) -> Path:
            from readiness_app.followup.anonymise import anonymise

            # the save dialog already asked before replacing a file; the core refuses the original itself
            anonymise(source, out, overwrite=True)
            return out

        def done(path: object) -> None:
            self.message.emit(tr("anon.done", path=str(path)))

        self.last_task = run_task(work, tr("anon.running"), self.window, done, self._failed)
        return self.last_task

    # ------------------------------------------------------------------ benchmark

    def benchmark(self, folder: Path | None = None) -> Task | None:
        """Benchmark the open assessment against a folder of assessments (remembered in the settings).

        The folder is only read. When done, the session keeps the portfolio (the dashboard
        shows percentiles, exports can include it) and a dialog shows where the client stands.
        """
        session = self.documents.session
        if session is None or session.path is None:
            return None
        if folder is None:
            start = self.settings.benchmark_folder() or self.settings.last_folder()
            folder = dialogs.service().open_folder(tr("bm.folder_title"), start)
            if folder is None:
                return None
        chosen = Path(folder)
        self.settings.set_benchmark_folder(chosen)
        current = session.path

        def work(progress: Any, cancelled: Any) -> Any:
            from readiness_app.followup.portfolio import build_portfolio

            def report(done: int, total: int) -> None:
                if cancelled():
                    raise Cancelled()
                progress(done, total)

            portfolio = build_portfolio(chosen, current=current, progress=report)
            if cancelled():
                raise Cancelled()
            return portfolio

        def done(portfolio: object) -> None:
            if self.documents.session is not session:  # the assessment was closed meanwhile
                return
            session.set_portfolio(portfolio)
            self.show_benchmark(portfolio)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                self.message.emit(tr("bm.cancelled"))
                return
            dialogs.show_exception(exc)

        self.last_task = run_task(work, tr("bm.running"), self.window, done, failed)
        return self.last_task

    def show_benchmark(self, portfolio: Any) -> Any:
        from readiness_app.ui.benchmark_dialog import BenchmarkDialog

        if self.benchmark_dialog is not None:
            self.benchmark_dialog.close()
            self.benchmark_dialog.deleteLater()
        self.benchmark_dialog = BenchmarkDialog(portfolio, self.window)
        self.benchmark_dialog.again_requested.connect(lambda: self.benchmark())
        self.benchmark_dialog.show()
        return self.benchmark_dialog

    # ------------------------------------------------------------------ errors

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            self.message.emit(tr("ex.cancelled"))
            return
        dialogs.show_exception(exc)
