"""The base of every step page: holds the session, redraws on change, retranslates."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from readiness_app.ui.operations import Change, Session


def heading(text: str = "", scale: float = 1.6) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


def intro(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    label.setForegroundRole(label.foregroundRole())
    return label


def scaled_font(widget: QWidget, scale: float, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(max(8.0, font.pointSizeF() * scale))
    font.setBold(bold)
    return font


class Page(QWidget):
    """A step page. Subclasses build widgets in ``__init__`` and fill them in ``refresh``."""

    step = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._dirty = True
        self.setObjectName(f"page_{self.step}")
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(24, 18, 24, 18)
        self.outer.setSpacing(10)

    def set_session(self, session: Session | None) -> None:
        if self.session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.changed.disconnect(self._on_changed)
        self.session = session
        if session is not None:
            session.changed.connect(self._on_changed)
        self.session_installed()
        self._dirty = True
        if self.isVisible():
            self._refresh_now(None)

    def session_installed(self) -> None:
        """Hook: a new session (or None) was installed."""

    def _on_changed(self, change: Change) -> None:
        if self.isVisible():
            self._refresh_now(change)
        else:
            self._dirty = True

    def _refresh_now(self, change: Change | None) -> None:
        self._dirty = False
        if self.session is not None:
            self.refresh(change)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._refresh_now(None)

    def ensure_fresh(self) -> None:
        """Redraw now if anything changed while hidden (screenshots, tests)."""
        if self._dirty:
            self._refresh_now(None)

    def refresh(self, change: Change | None) -> None:
        """Redraw from the session; ``change`` is None for a full redraw."""

    def retranslate(self) -> None:
        """Apply the current interface language to every label."""
        self._dirty = True
        if self.isVisible():
            self._refresh_now(None)
