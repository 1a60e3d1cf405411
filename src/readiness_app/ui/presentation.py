"""What the window does for the room: presentation zoom, the help card, every vote shown, the live dashboard.

The main window only wires these to its actions (Ctrl++ / Ctrl+− / Ctrl+0, F1, View › Show
every vote, Ctrl+D); they live here so that the window stays an assembly of pages and menus.
"""

from __future__ import annotations

from typing import Any

from readiness_app.ui import operations
from readiness_app.ui.i18n import tr
from readiness_app.ui.progress import QUESTION_STEPS

ZOOM_STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


def next_zoom(current: float, delta: int) -> float:
    """The next presentation zoom step up (``delta`` > 0), down (< 0) or back to 100 % (0)."""
    if delta == 0:
        return 1.0
    if delta > 0:
        return next((z for z in ZOOM_STEPS if z > current + 1e-6), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < current - 1e-6), ZOOM_STEPS[0])


def zoom(window: Any, delta: int) -> float:
    """Zoom every question page (list and workshop mode) and say so in the status bar."""
    window.zoom = next_zoom(getattr(window, "zoom", 1.0), delta)
    for page in window.pages.created():
        if getattr(page, "step", "") in QUESTION_STEPS:
            page.set_zoom(window.zoom)
    window.statusBar().showMessage(tr("status.zoom", percent=round(window.zoom * 100)), 3000)
    return float(window.zoom)


def show_help_card(window: Any) -> Any:
    """The F1 card (one per window, raised when open already)."""
    card = getattr(window, "help_card", None)
    if card is None:
        from readiness_app.ui.help_card import HelpCard

        card = window.help_card = HelpCard(window)
    card.show()
    card.raise_()
    card.activateWindow()
    return card


def toggle_dashboard(window: Any) -> Any:
    """Ctrl+D opens the live dashboard window, and closes it when it is open."""
    dash = window.dashboard_window
    if dash is not None and dash.isVisible():
        dash.close()
        return None
    return window.open_dashboard_window()


def show_all_votes(window: Any, on: bool) -> None:
    if window.session is not None:
        operations.show_all_votes(window.session, on)


def sync_show_all(window: Any) -> None:
    action = window.actions_by_key.get("show_all_votes")
    if action is not None:
        s = window.session
        action.setChecked(bool(s is not None and s.visibility.show_all))


EXPORTS = ("xlsx", "pptx", "jira", "azure", "templates", "copy")  # after the PDF report (the "export" action)


def build_export_menu(window: Any, file_menu: Any) -> Any:
    """File › Export: every deliverable, the PDF report (Ctrl+E) first; each runs its button on the export page."""
    from PySide6.QtGui import QAction

    menu = file_menu.addMenu("")
    menu.addAction(window.actions_by_key["export"])
    window.export_actions = {}
    for key in EXPORTS:
        action = QAction(window)
        action.setObjectName(f"export_{key}")
        action.triggered.connect(lambda _c=False, k=key: run_export(window, k))
        menu.addAction(action)
        window.export_actions[key] = action
    window.export_menu = menu
    retranslate_export_menu(window)
    return menu


def run_export(window: Any, key: str) -> None:
    if window.session is None:
        return
    window.show_step("export")
    window.pages["export"].buttons[key].click()


def retranslate_export_menu(window: Any) -> None:
    menu = getattr(window, "export_menu", None)
    if menu is None:
        return
    menu.setTitle(tr("menu.export"))
    window.actions_by_key["export"].setText(tr("export.pdf"))
    for key, action in window.export_actions.items():
        action.setText(tr(f"export.{key}"))
        action.setEnabled(window.session is not None)
