"""The main window: assembles the start page, the step navigator, the pages, menus and actions.

No logic lives here: files are handled by :class:`~readiness_app.ui.documents.Documents`,
edits by :mod:`~readiness_app.ui.operations`, each page by its own module.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QWidget

from readiness_app import __version__
from readiness_app.ui import dialogs, i18n, presentation, qt_translations
from readiness_app.ui.documents import Documents
from readiness_app.ui.followup_actions import FollowupActions
from readiness_app.ui.i18n import tr
from readiness_app.ui.navigator import Navigator
from readiness_app.ui.operations import Change, Session
from readiness_app.ui.pages.base import Page
from readiness_app.ui.pages.start import StartPage
from readiness_app.ui.prework_actions import PreworkActions
from readiness_app.ui.progress import QUESTION_STEPS, STEPS, completion
from readiness_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from readiness_app.ui.dashboard_window import DashboardWindow
    from readiness_app.ui.pages.questions import QuestionPage

DROPPABLE = (".readiness", ".xlsx")


class LazyPages(Mapping[str, Page]):
    """The step pages by key; a page is built on first access (start-up builds only what it shows)."""

    def __init__(self, factory: Callable[[str], Page]) -> None:
        self._factory = factory
        self._pages: dict[str, Page] = {}

    def __getitem__(self, step: str) -> Page:
        page = self._pages.get(step)
        if page is None:
            if step not in STEPS:
                raise KeyError(step)
            page = self._pages[step] = self._factory(step)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(STEPS)

    def __len__(self) -> int:
        return len(STEPS)

    def created(self) -> list[Page]:
        return list(self._pages.values())


class MainWindow(QMainWindow):
    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.documents = Documents(self.settings, self)
        self.documents.session_changed.connect(self._session_changed)
        self.documents.recent_changed.connect(self._update_recent)
        self.followup = FollowupActions(self.documents, self)
        self.followup.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.prework = PreworkActions(self.documents, self)  # merges, the spread view, dropped templates
        self.prework.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.prework.question_requested.connect(self.show_question)
        self.setAcceptDrops(True)
        self.dashboard_window: DashboardWindow | None = None
        self.zoom = 1.0  # presentation zoom of the question pages (Ctrl++ / Ctrl+- / Ctrl+0)
        self.room: Any = None  # the open room (ui.room_window.RoomController), if any
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(150)  # after the answer and the dashboard have painted
        self._status_timer.timeout.connect(self._update_statuses)

        self.start_page = StartPage()
        self.start_page.new_requested.connect(lambda: self.documents.new_assessment())
        self.start_page.open_requested.connect(lambda: self.documents.open_dialog())
        self.start_page.demo_requested.connect(lambda: self.documents.open_demo())
        self.start_page.import_requested.connect(lambda: self.documents.import_workbook())
        self.start_page.recent_requested.connect(lambda p: self.documents.open_any(p))
        self.start_page.followup_requested.connect(lambda: self.followup.start_followup())

        self.navigator = Navigator()
        self.navigator.step_selected.connect(self.show_step)
        self.page_stack = QStackedWidget()
        self.pages = LazyPages(self._make_page)  # each page is built the first time it is shown
        self.workspace = QSplitter(Qt.Orientation.Horizontal)
        self.workspace.addWidget(self.navigator)
        self.workspace.addWidget(self.page_stack)
        self.workspace.setStretchFactor(1, 1)
        self.workspace.setSizes([310, 1290])
        self.workspace.setChildrenCollapsible(False)

        self.central = QStackedWidget()
        self.central.addWidget(self.start_page)
        self.central.addWidget(self.workspace)
        self.setCentralWidget(self.central)

        self._build_actions()
        self._build_menus()
        i18n.on_language_changed(self._language_changed)
        qt_translations.install(i18n.language())
        self.retranslate()
        self._update_recent()
        self._session_changed(None)

    def _make_page(self, step: str) -> Page:
        """Build a step page; its module is imported here, so start-up loads only what it shows."""
        page: Page
        if step == "engagement":
            from readiness_app.ui.pages.engagement import EngagementPage

            page = EngagementPage()
        elif step in ("participants", "use_cases"):
            from readiness_app.ui.pages.records import ParticipantsPage, UseCasesPage

            page = ParticipantsPage() if step == "participants" else UseCasesPage()
        elif step in QUESTION_STEPS:
            from readiness_app.ui.pages.questions import QuestionPage

            question_page = QuestionPage(step)
            question_page.set_zoom(self.zoom)
            question_page.workshop_mode_changed.connect(self._workshop_mode_changed)
            question_page.room_requested.connect(self.open_room)
            page = question_page
        elif step == "results":
            from readiness_app.ui.pages.results import ResultsPage

            results_page = ResultsPage()
            results_page.question_requested.connect(self.show_question)
            page = results_page
        elif step == "roadmap":
            from readiness_app.ui.pages.roadmap import RoadmapPage

            page = RoadmapPage()
        elif step == "export":
            from readiness_app.ui.pages.export import ExportPage

            page = ExportPage(self.documents)
        else:
            raise KeyError(step)
        self.page_stack.addWidget(page)
        page.set_session(self.session)
        return page

    # ---------------------------------------------------------------- actions and menus

    def _action(self, key: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None, *,
                checkable: bool = False) -> QAction:
        a = QAction(self)
        a.setObjectName(key)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
        a.setCheckable(checkable)
        a.triggered.connect(slot)
        self.actions_by_key[key] = a
        self.addAction(a)
        return a

    def _build_actions(self) -> None:
        self.actions_by_key: dict[str, QAction] = {}
        self._action("new", lambda: self.documents.new_assessment(), QKeySequence.StandardKey.New)
        self._action("open", lambda: self.documents.open_dialog(), QKeySequence.StandardKey.Open)
        self._action("open_demo", lambda: self.documents.open_demo())
        self._action("start_followup", lambda: self.followup.start_followup())
        self._action("export_anonymised", lambda: self.followup.export_anonymised())
        self._action("benchmark", lambda: self.followup.benchmark())
        self._action("save_copy", lambda: self._save_copy(), QKeySequence.StandardKey.Save)
        self._action("import", lambda: self.documents.import_workbook(), "Ctrl+I")
        self._action("merge", lambda: self.prework.merge_another_file())
        self._action("spread", lambda: self.prework.open_spread_view())
        self._action("export", self._export, "Ctrl+E")
        self._action("close", lambda: self.documents.close(), QKeySequence.StandardKey.Close)
        self._action("quit", self.close, QKeySequence.StandardKey.Quit)
        self._action("undo", self.undo, QKeySequence.StandardKey.Undo)
        redo = self._action("redo", self.redo)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self._action("workshop_mode", self._toggle_workshop_mode, "F5", checkable=True)
        self._action("fullscreen", self._toggle_fullscreen, "F11", checkable=True)
        self._action("dashboard_window", lambda: presentation.toggle_dashboard(self), "Ctrl+D")
        self._action("show_all_votes", lambda on: presentation.show_all_votes(self, on), checkable=True)
        self._action("zoom_in", lambda: presentation.zoom(self, 1), QKeySequence.StandardKey.ZoomIn)
        self.actions_by_key["zoom_in"].setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self._action("zoom_out", lambda: presentation.zoom(self, -1), QKeySequence.StandardKey.ZoomOut)
        self._action("zoom_reset", lambda: presentation.zoom(self, 0), "Ctrl+0")
        self._action("room", self.open_room)
        self._action("next_step", lambda: self._step_by(1), "Ctrl+PgDown")
        self._action("prev_step", lambda: self._step_by(-1), "Ctrl+PgUp")
        self._action("help", self._help, QKeySequence.StandardKey.HelpContents)
        self.actions_by_key["help"].setShortcuts([QKeySequence("F1")])
        self._action("about", self._about)
        self._action("settings", self._settings, QKeySequence.StandardKey.Preferences).setMenuRole(
            QAction.MenuRole.PreferencesRole)
        self.lang_group = QActionGroup(self)
        for lang in ("en", "de"):
            a = self._action(f"lang_{lang}", lambda _c=False, lg=lang: self.set_language(lg), checkable=True)
            self.lang_group.addAction(a)

    def _build_menus(self) -> None:
        mb = self.menuBar()
        A = self.actions_by_key
        self.file_menu = mb.addMenu("")
        for key in ("new", "start_followup", "open", "open_demo"):
            self.file_menu.addAction(A[key])
        self.recent_menu = self.file_menu.addMenu("")
        self.file_menu.addSeparator()
        for key in ("save_copy", "import", "merge"):
            self.file_menu.addAction(A[key])
        presentation.build_export_menu(self, self.file_menu)  # every deliverable, the PDF report first
        self.file_menu.addAction(A["export_anonymised"])
        self.file_menu.addSeparator()
        self.file_menu.addAction(A["close"])
        self.file_menu.addAction(A["quit"])
        self.edit_menu = mb.addMenu("")
        self.edit_menu.addAction(A["undo"])
        self.edit_menu.addAction(A["redo"])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(A["settings"])
        self.view_menu = mb.addMenu("")
        for key in ("workshop_mode", "spread", "fullscreen", "dashboard_window", "show_all_votes", "zoom_in", "zoom_out",
                    "zoom_reset", "prev_step", "next_step"):
            self.view_menu.addAction(A[key])
        self.view_menu.addSeparator()
        self.view_menu.addAction(A["benchmark"])
        self.lang_menu = mb.addMenu("")
        self.lang_menu.addAction(A["lang_en"])
        self.lang_menu.addAction(A["lang_de"])
        self.help_menu = mb.addMenu("")
        self.help_menu.addAction(A["help"])
        self.help_menu.addAction(A["about"])

    def _update_recent(self) -> None:
        recent = self.settings.recent_files()
        self.start_page.set_recent(recent)
        self.recent_menu.clear()
        for p in recent:
            a = self.recent_menu.addAction(str(p))
            a.triggered.connect(lambda _c=False, path=p: self.documents.open_any(path))
        self.recent_menu.setEnabled(bool(recent))

    # ---------------------------------------------------------------- session

    @property
    def session(self) -> Session | None:
        return self.documents.session

    def _session_changed(self, session: Session | None) -> None:
        for page in self.pages.created():
            page.set_session(session)
        if self.dashboard_window is not None:
            self.dashboard_window.set_session(session)
            if session is None:
                self.dashboard_window = None
        has = session is not None
        self.actions_by_key["room"].setEnabled(has)
        presentation.sync_show_all(self)
        presentation.retranslate_export_menu(self)
        for key in ("save_copy", "export", "close", "workshop_mode", "dashboard_window", "show_all_votes", "start_followup",
                    "export_anonymised", "benchmark", "merge", "spread"):
            self.actions_by_key[key].setEnabled(has)
        if not has:
            self.prework.session_closing()
        if session is None:
            self.central.setCurrentWidget(self.start_page)
            self._update_undo_actions()
        else:
            session.changed.connect(self._on_changed)
            session.undo_stack.indexChanged.connect(self._update_undo_actions)
            self.central.setCurrentWidget(self.workspace)
            self._on_changed(None)
            self.navigator.select("engagement")
            self.show_step(self.navigator.current() or "engagement")
            focus_first = getattr(self.current_page(), "focus_first", None)
            if focus_first is None or not focus_first():  # the first thing to do: an empty engagement field
                self.navigator.view.setFocus()  # or else choose the step
        self._update_title()

    def _on_changed(self, change: Change | None) -> None:
        if self.session is None:
            return
        if change is not None and change.kinds == {"answers"}:
            self._status_timer.start()  # coalesced: the answer and the dashboard come first
        else:
            self._update_statuses()
        if change is None or "engagement" in change.kinds:
            self._update_title()
        self._update_undo_actions()

    def _update_statuses(self) -> None:
        self._status_timer.stop()
        s = self.session
        if s is None:
            return
        if s.results_ready():
            self.navigator.set_statuses(completion(s.file, s.results()))
        else:  # the question steps fill in when the background scoring is done
            self.navigator.update_statuses(completion(s.file, questions=False))  # keeps the question steps
            if s.path is not None and self.isVisible():
                QTimer.singleShot(50, lambda: s.start_scoring() if self.session is s else None)

    def _update_title(self) -> None:
        s = self.session
        if s is None or s.path is None:
            self.setWindowTitle(tr("app.name"))
            self.setWindowFilePath("")
            return
        client = s.file.engagement().client
        key = "app.title_file" if client else "app.title_noclient"
        self.setWindowTitle(tr(key, client=client, file=s.path.name))
        self.setWindowFilePath(str(s.path))

    # ---------------------------------------------------------------- navigation

    def current_page(self) -> QWidget | None:
        return self.page_stack.currentWidget()

    def question_page(self, step: str | None = None) -> QuestionPage | None:
        """The question page of ``step`` (default: the step shown), or ``None`` for any other step.

        Every step in ``QUESTION_STEPS`` is a question page; asking by step, not by class, keeps the
        question page's module out of start-up until a question step is first shown.
        """
        step = self.navigator.current() if step is None else step
        if step not in QUESTION_STEPS:
            return None
        return cast("QuestionPage", self.pages[step])

    def show_step(self, step: str) -> None:
        if step not in STEPS:
            return
        page = self.pages[step]
        self.navigator.select(step)
        self.page_stack.setCurrentWidget(page)
        page.ensure_fresh()
        question_page = self.question_page(step)
        self.actions_by_key["workshop_mode"].setChecked(question_page is not None and question_page.workshop)
        if question_page is not None:
            question_page.setFocus()

    def show_question(self, question_id: str, scope: str) -> None:
        for step in QUESTION_STEPS:
            page = self.question_page(step)
            if page is not None and any(q.id == question_id for q in page.questions):
                self.show_step(step)
                page.go_to_question(question_id, scope)
                return

    def _step_by(self, delta: int) -> None:
        current = self.navigator.current() or STEPS[0]
        i = STEPS.index(current) if current in STEPS else 0
        self.show_step(STEPS[min(max(i + delta, 0), len(STEPS) - 1)])

    def _toggle_workshop_mode(self) -> None:
        page = self.question_page()
        if page is None:
            self.show_step("maturity")
            page = self.question_page("maturity")
        assert page is not None
        page.set_workshop_mode(not page.workshop)

    def _workshop_mode_changed(self, on: bool) -> None:
        self.actions_by_key["workshop_mode"].setChecked(on)
        self.navigator.setVisible(not on or not self.isFullScreen())

    def open_room(self) -> Any:
        """Let the participants vote from their phones: the join screen for the projector (ui/room_window.py)."""
        from readiness_app.ui.room_window import open_room

        self.room = open_room(self, self.room)
        return self.room

    def open_dashboard_window(self) -> DashboardWindow | None:
        """The live results in a second window (for a second screen or the projector)."""
        if self.session is None:
            return None
        if self.dashboard_window is None:
            from readiness_app.ui.dashboard_window import DashboardWindow

            self.dashboard_window = DashboardWindow()
            self.dashboard_window.page.question_requested.connect(self.show_question)
            self.dashboard_window.set_session(self.session)
        self.dashboard_window.show()
        self.dashboard_window.raise_()
        return self.dashboard_window

    def _toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_by_key["fullscreen"].setChecked(self.isFullScreen())
        page = self.question_page()
        self.navigator.setVisible(not (self.isFullScreen() and page is not None and page.workshop))

    # ---------------------------------------------------------------- undo

    def undo(self) -> None:
        s = self.session
        if s is None or not s.undo_stack.canUndo():
            return
        cmd = s.undo_stack.command(s.undo_stack.index() - 1)
        s.undo_stack.undo()
        self._show_command_step(cmd)

    def redo(self) -> None:
        s = self.session
        if s is None or not s.undo_stack.canRedo():
            return
        cmd = s.undo_stack.command(s.undo_stack.index())
        s.undo_stack.redo()
        self._show_command_step(cmd)

    def _show_command_step(self, cmd: Any) -> None:
        step = getattr(cmd, "step", "")
        keys = getattr(cmd, "keys", ())
        if step and step != self.navigator.current():
            self.show_step(step)
        page = self.question_page(step)
        if page is not None and keys:
            page.go_to_question(keys[0][0], keys[0][1])

    def _update_undo_actions(self, *_args: Any) -> None:
        s = self.session
        undo, redo = self.actions_by_key["undo"], self.actions_by_key["redo"]
        can_undo = s is not None and s.undo_stack.canUndo()
        can_redo = s is not None and s.undo_stack.canRedo()
        undo.setEnabled(can_undo)
        redo.setEnabled(can_redo)
        undo.setText(tr("action.undo_named", text=s.undo_stack.undoText()) if can_undo and s else tr("action.undo"))
        redo.setText(tr("action.redo_named", text=s.undo_stack.redoText()) if can_redo and s else tr("action.redo"))

    # ---------------------------------------------------------------- file actions

    def _save_copy(self) -> None:
        saved = self.documents.save_copy()
        if saved is not None:
            self.statusBar().showMessage(tr("file.copy_saved", path=str(saved)), 6000)

    def _export(self) -> None:
        if self.session is None:
            return
        self.show_step("export")
        page: Any = self.pages["export"]
        page.export_report()

    def _help(self) -> None:
        presentation.show_help_card(self)

    def _about(self) -> None:
        try:
            from readiness_app.ui.about_dialog import show_about
        except ImportError:
            dialogs.service().info(tr("action.about").replace("&", ""), tr("about.text", version=__version__))
            return
        show_about(self)

    def _settings(self) -> None:
        from readiness_app.ui.settings_dialog import show_settings

        show_settings(self)

    # ---------------------------------------------------------------- language

    def set_language(self, lang: str) -> None:
        i18n.set_language(lang)
        self.settings.set_language(lang)

    def _language_changed(self, lang: str) -> None:
        qt_translations.install(lang)  # Qt's own dialogs (files, overwrite prompts) in the same language
        self.retranslate()

    def retranslate(self) -> None:
        for key, a in self.actions_by_key.items():
            if key.startswith("lang_"):
                a.setText(tr(f"lang.{key[5:]}"))
                a.setChecked(key[5:] == i18n.language())
            else:
                a.setText(tr(f"action.{key}"))
        self.file_menu.setTitle(tr("menu.file"))
        self.recent_menu.setTitle(tr("menu.recent"))
        self.edit_menu.setTitle(tr("menu.edit"))
        self.view_menu.setTitle(tr("menu.view"))
        self.lang_menu.setTitle(tr("menu.language"))
        self.help_menu.setTitle(tr("menu.help"))
        presentation.retranslate_export_menu(self)
        self.start_page.retranslate()
        self.navigator.retranslate()
        for page in self.pages.created():
            page.retranslate()
        if self.dashboard_window is not None:
            self.dashboard_window.retranslate()
        if self.session is not None:
            self._update_statuses()
        self._update_undo_actions()
        self._update_title()

    # ---------------------------------------------------------------- drag and drop, close

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and any(Path(u.toLocalFile()).suffix.lower() in DROPPABLE for u in urls):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        dropped = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        if self.session is not None and self.prework.import_dropped(dropped):  # filled templates: pre-work
            event.acceptProposedAction()
            return
        for u in event.mimeData().urls():
            path = Path(u.toLocalFile())
            if path.suffix.lower() in DROPPABLE:
                event.acceptProposedAction()
                self.documents.open_any(path)
                return
        event.ignore()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.room is not None:
            self.room.close()
        self.documents.close()
        if self.dashboard_window is not None:
            self.dashboard_window.close()
        i18n.remove_listener(self._language_changed)
        super().closeEvent(event)
