"""The one dialog service: every question or message to the user goes through it.

Tests replace it with :func:`set_service` (a recording fake with canned answers), so no
code path ever blocks on a real modal dialog in a test.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from readiness_app.ui.i18n import language, tr

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# The Qt dialog classes are imported where they are used: every start imports this module, and
# most never show a dialog (making the Qt classes costs a few milliseconds of start-up).


class DialogService:
    """Real dialogs. Every method is a seam: a test service overrides it."""

    def _parent(self) -> QWidget | None:
        from PySide6.QtWidgets import QApplication

        return QApplication.activeWindow()

    def error(self, title: str, what: str, todo: str, details: str = "") -> None:
        """Tell what happened and what to do next."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, title, what, QMessageBox.StandardButton.Ok, self._parent())
        box.setInformativeText(todo)
        if details:
            box.setDetailedText(details)
        box.setAccessibleName(title)
        box.exec()

    def info(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self._parent(), title, text)

    def confirm(self, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(self._parent(), title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def ask_text(self, title: str, label: str, text: str = "") -> str | None:
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(self._parent(), title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def open_file(self, title: str, filters: str, folder: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self._parent(), title, folder, filters)
        return Path(name) if name else None

    def save_file(self, title: str, filters: str, suggested: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(self._parent(), title, suggested, filters)
        return Path(name) if name else None

    def open_folder(self, title: str, folder: str = "") -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        name = QFileDialog.getExistingDirectory(self._parent(), title, folder)
        return Path(name) if name else None


_service: DialogService = DialogService()


def service() -> DialogService:
    return _service


def set_service(new: DialogService) -> DialogService:
    """Install ``new`` (tests); returns the previous service."""
    global _service
    old, _service = _service, new
    return old


def show_exception(exc: BaseException, context: str = "") -> None:
    """Map an error to a "what happened / what to do" dialog."""
    from readiness_app.errors import (
        AssessmentFileError,
        ExportError,
        FileLockedError,
        QuestionnaireError,
        ReadinessError,
        WorkbookImportError,
    )

    if isinstance(exc, FileLockedError):
        key = "locked"
    elif isinstance(exc, AssessmentFileError):
        key = "file"
    elif isinstance(exc, WorkbookImportError):
        key = "import"
    elif isinstance(exc, ExportError):
        key = "export"
    elif isinstance(exc, QuestionnaireError):
        key = "questionnaire"
    elif isinstance(exc, ReadinessError):
        key = "generic"
    elif isinstance(exc, OSError):
        key = "os"
    else:
        key = "unexpected"
    what = exc.one_line(language()) if isinstance(exc, ReadinessError) else (str(exc) or type(exc).__name__)
    if context:
        what = f"{context}\n\n{what}"
    service().error(tr(f"error.{key}_title"), what, tr(f"error.{key}_todo"))
