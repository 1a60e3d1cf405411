"""The window's pre-work and merge actions: File → Merge another file…, the spread view, dropped templates.

Like ``followup_actions``: the main window only wires these to menus and drops; each action
asks through the dialog service, calls ``merge_ops`` and says what happened in one message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from readiness_app.errors import ReadinessError
from readiness_app.ui import dialogs
from readiness_app.ui.i18n import tr


class PreworkActions(QObject):
    message = Signal(str)
    question_requested = Signal(str, str)

    def __init__(self, documents: Any, window: Any) -> None:
        super().__init__(window)
        self.documents = documents
        self.window = window
        self.spread_view: Any = None

    @property
    def session(self) -> Any:
        return self.documents.session

    def merge_another_file(self, other: Path | None = None) -> bool:
        from readiness_app.ui.merge_dialog import merge_another_file

        session = self.session
        done = merge_another_file(session, self.window, other, self.documents.settings.last_folder())
        if done:
            last = session.undo_stack.command(session.undo_stack.index() - 1)
            plan = last.plan
            self.message.emit(tr("merge.done", name=plan.b_path.name, b=len(plan.taken_from_b),
                                 conflicts=len(plan.conflicts)))
        return done

    def open_spread_view(self) -> Any:
        from readiness_app.ui.spread_view import SpreadView

        if self.session is None:
            return None
        if self.spread_view is not None:
            self.spread_view.close()
            self.spread_view.deleteLater()
        self.spread_view = SpreadView(self.session, self.window)
        self.spread_view.question_requested.connect(self.question_requested)
        self.spread_view.show()
        return self.spread_view

    def session_closing(self) -> None:
        if self.spread_view is not None:
            self.spread_view.close()
            self.spread_view.deleteLater()
            self.spread_view = None

    def import_dropped(self, paths: list[Path]) -> bool:
        """Filled templates dropped on an open assessment: its participants' pre-work. False: not templates."""
        from readiness_app.ui import merge_ops

        session = self.session
        if session is None or any(p.suffix.lower() != ".xlsx" for p in paths) or not merge_ops.all_templates(paths):
            return False  # not templates: opened or imported as before
        try:
            plans = merge_ops.plan_prework(session, paths)
        except (ReadinessError, OSError) as exc:
            dialogs.show_exception(exc)
            return True  # they were meant for this assessment: said why not, nothing written
        results = merge_ops.import_prework(session, plans)
        if results is not None:
            dialogs.service().info(tr("prework.title"), merge_ops.prework_summary(session, results))
        return True
