"""The live dashboard in a window of its own (for a second screen): it redraws as answers change."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QWidget

from readiness_app.ui.i18n import tr
from readiness_app.ui.operations import Session
from readiness_app.ui.pages.results import ResultsPage


class DashboardWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.page = ResultsPage()
        self.setCentralWidget(self.page)
        self.resize(1280, 900)
        self.retranslate()

    def set_session(self, session: Session | None) -> None:
        self.page.set_session(session)
        if session is None:
            self.close()

    def retranslate(self) -> None:
        self.setWindowTitle(f"{tr('res.heading')} – {tr('app.name')}")
        self.page.retranslate()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.page.set_session(None)
        super().closeEvent(event)
