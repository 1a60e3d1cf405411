"""Long work (export, import) off the UI thread, with progress and cancel.

The work is a plain function ``fn(progress, cancelled) -> result`` run on the global
``QThreadPool``. It must not touch widgets; ``progress(done, total)`` and ``cancelled()``
are safe to call from the worker. The result or the error arrives back on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from readiness_app.ui.i18n import tr


class Cancelled(Exception):
    """Raised by work that noticed the user pressed Cancel."""


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[..., Any], signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.cancel = cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.signals.progress.emit(int(done), int(total))

        def cancelled() -> bool:
            return self.cancel.is_set()

        try:
            result = self.fn(progress, cancelled)
        except BaseException as exc:  # delivered to the UI thread, shown by the caller
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """One background job. ``finished(result)``, ``failed(exc)``; ``cancelled`` is True after Cancel."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, fn: Callable[..., Any], title: str, parent: QWidget | None = None,
                 *, show_progress: bool = True) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._signals.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.running = False
        self.dialog: QProgressDialog | None = None
        if show_progress:
            self.dialog = QProgressDialog(title, tr("ex.cancel"), 0, 0, parent)
            self.dialog.setWindowTitle(title)
            self.dialog.setAccessibleName(title)
            self.dialog.setMinimumDuration(300)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self._runnable = _Runnable(fn, self._signals, self._cancel)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def start(self) -> Task:
        self.running = True
        _active.add(self)
        QThreadPool.globalInstance().start(self._runnable)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _on_progress(self, done: int, total: int) -> None:
        if self.dialog is not None:
            self.dialog.setMaximum(max(total, 0))
            self.dialog.setValue(min(done, total) if total else 0)

    def _on_done(self, result: object) -> None:
        self.running = False
        self._close_dialog()
        _active.discard(self)
        self.finished.emit(result)

    def _on_failed(self, exc: object) -> None:
        self.running = False
        self._close_dialog()
        _active.discard(self)
        self.failed.emit(exc)


_active: set[Task] = set()  # keeps running tasks alive until they report back


def run_task(fn: Callable[..., Any], title: str, parent: QWidget | None,
             on_done: Callable[[Any], None], on_error: Callable[[BaseException], None]) -> Task:
    """Start ``fn`` in the background; ``on_done`` / ``on_error`` are called on the UI thread."""
    task = Task(fn, title, parent)
    task.finished.connect(on_done)
    task.failed.connect(on_error)
    return task.start()
