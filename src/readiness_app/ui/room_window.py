"""The room on the projector: a QR code, the address and the join code, and "9 of 12 voted".

:class:`RoomController` opens the room for the main window: it starts the room's web server
(``readiness_app.room``) on the network the facilitator picks, tells the room which question
the question page shows and whether its votes are revealed, and hands every vote that arrives
from a phone to :func:`operations.room_vote` in the UI thread, so a phone's vote is undone,
saved and re-scored exactly like a typed one. The server's threads never touch a widget or the
file: they wait (a few seconds at most) for the UI thread to take the vote. Closing the window
closes the room and its port.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Participant
from readiness_app.room import network
from readiness_app.room.server import RoomServer, RoomStartError
from readiness_app.room.state import Current, Room, RoomError
from readiness_app.ui import dialogs, operations
from readiness_app.ui.i18n import on_language_changed, remove_listener, tr

log = logging.getLogger(__name__)
SYNC_MS = 250  # how often the room looks at what the question page shows (reveals, navigation)


def qr_pixmap(text: str, size: int) -> QPixmap:
    """``text`` as a QR code (segno, error correction M), drawn crisp at about ``size`` pixels."""
    import io

    import segno

    qr = segno.make(text, error="m")
    modules = qr.symbol_size(scale=1, border=4)[0]
    buffer = io.BytesIO()
    qr.save(buffer, kind="png", scale=max(1, size // modules), border=4, dark="#000000", light="#ffffff")
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class _Relay(QObject):
    """Runs jobs in the UI thread, whichever thread emits ``job``: one per turn of the event loop.

    Forty phones may vote within a second; each vote is one committed transaction (a disk flush).
    Taken one per turn, the window paints and answers keys between them instead of waiting for all.
    """

    job = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self._jobs: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setInterval(1)  # not 0: a zero timer may fire twice in one turn
        self._timer.timeout.connect(self._run_one)
        self.job.connect(self._queue, Qt.ConnectionType.QueuedConnection)

    def _queue(self, job: Callable[[], None]) -> None:
        self._jobs.append(job)
        if not self._timer.isActive():
            self._timer.start()

    def _run_one(self) -> None:
        if self._jobs:
            self._jobs.popleft()()
        if not self._jobs:
            self._timer.stop()


class RoomController(QObject):
    """The open room of one main window (at most one)."""

    closed = Signal()

    def __init__(self, main: Any) -> None:
        super().__init__(main)
        self.main = main
        self.relay = _Relay()
        self.room = Room(self._submit_from_server, add_participant=self._add_from_server)
        self.redraw = QTimer(self)  # claims and votes from phones redraw the window at most every 100 ms
        self.redraw.setSingleShot(True)
        self.redraw.setInterval(100)
        self.redraw.timeout.connect(self._room_changed)
        self.room.on_change(lambda: self.relay.job.emit(self._schedule_redraw))
        self.server: RoomServer | None = None
        self.found: list[network.Interface] = []
        self.address: str | None = None
        self.error = ""
        self._pending: set[concurrent.futures.Future[Any]] = set()
        self._lock = threading.Lock()
        self._closing = False
        self._generation = 0
        self._synced: tuple[Any, ...] | None = None
        self._session: Any = None
        self.window = RoomWindow(self)
        self.timer = QTimer(self)
        self.timer.setInterval(SYNC_MS)
        self.timer.timeout.connect(self.sync)
        main.documents.session_changed.connect(self._session_replaced)

    # ---------------------------------------------------------------- opening and closing

    def open(self, address: str | None = None) -> bool:
        """Open the room on ``address`` (default: the best network found); show the join screen."""
        session = self.main.session
        if session is None:
            dialogs.service().error(tr("room.title"), tr("room.no_session"), "")
            return False
        if self._session is None:
            self._session = session
            session.changed.connect(self._session_changed)
        self.found = network.interfaces()
        if address is None:
            best = network.best(self.found)
            address = best.address if best is not None else None
        self._serve(address)
        self.sync(force=True)
        self.timer.start()
        self.window.refresh()
        self.window.show()
        self.window.raise_()
        return self.server is not None

    def _serve(self, address: str | None) -> None:
        port = 0
        if self.server is not None:
            port = self.server.port if address == self.address else 0
            self.server.stop(close_room=False)
            self.server = None
        self.address, self.error = address, ""
        if address is None:
            return
        server = RoomServer(self.room, address, port)
        try:
            server.start()
        except RoomStartError as exc:
            self.error = tr("room.start_failed", address=address, reason=str(exc))
            log.warning("room not opened: %s", exc)
            return
        self.server = server

    def choose(self, address: str) -> None:
        """Serve on another of this computer's addresses (the join address changes; claims stay)."""
        if address != self.address:
            self._serve(address)
            self.window.refresh()

    def refresh_networks(self) -> None:
        self.found = network.interfaces()
        if self.server is None:
            best = network.best(self.found)
            self._serve(best.address if best is not None else None)
        self.window.refresh()

    def close(self) -> None:
        """Close the room: phones are refused, votes waiting for the UI are turned away, the port closes."""
        if self._closing:
            return
        with self._lock:
            self._closing = True
            pending, self._pending = set(self._pending), set()
        self.room.close()
        for future in pending:
            future.cancel()
        self.timer.stop()
        self.redraw.stop()
        if self.server is not None:
            self.server.stop()
            self.server = None
        if self._session is not None:
            with contextlib.suppress(RuntimeError, TypeError):
                self._session.changed.disconnect(self._session_changed)
            self._session = None
        with contextlib.suppress(RuntimeError, TypeError):
            self.main.documents.session_changed.disconnect(self._session_replaced)
        self.window.close_quietly()
        self.closed.emit()

    @property
    def is_open(self) -> bool:
        return not self._closing

    def _session_replaced(self, _session: Any) -> None:
        self.close()  # another file (or none): the room belonged to the old one

    # ---------------------------------------------------------------- what is on the projector

    def _session_changed(self, _change: Any) -> None:
        self._generation += 1
        self.sync()

    def current(self) -> tuple[Any, str, bool] | None:
        """(question, scope, revealed) of the question page on screen, or None."""
        page = self.main.question_page()
        session = self.main.session
        if page is None or session is None:
            return None
        q, key = page.question(), page.current_key()
        if q is None or key is None:
            return None
        return q, key[1], bool(session.visibility.votes_shown(q.id, key[1]))

    def sync(self, force: bool = False) -> None:
        """Tell the room what the question page shows now (cheap when nothing changed)."""
        session = self.main.session
        if self._closing or session is None:
            return
        shown = self.current()
        signature = (None if shown is None else (shown[0].id, shown[1], shown[2]), self._generation)
        if signature == self._synced and not force:
            return
        self._synced = signature
        current = None
        if shown is not None:
            q, scope, revealed = shown
            votes = {a.participant_id: a for a in session.file.answers(scope=scope, question_ids=[q.id])
                     if a.participant_id != CONSENSUS}
            use_case = session.file.use_case(scope) if scope != ORGANISATION else None
            current = Current(q, scope, use_case.name if use_case is not None else "", revealed, votes)
        self.room.update(participants=session.file.participants(), current=current)
        self.window.refresh()

    def _schedule_redraw(self) -> None:
        if not self.redraw.isActive():
            self.redraw.start()

    def _room_changed(self) -> None:
        if not self._closing:
            self.window.refresh()

    # ---------------------------------------------------------------- from the server's threads

    def _in_ui(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` in the UI thread and wait for its result (server threads only)."""
        future: concurrent.futures.Future[Any] = concurrent.futures.Future()

        def job() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                future.set_result(fn())
            except BaseException as exc:  # handed back to the waiting server thread
                future.set_exception(exc)

        with self._lock:
            if self._closing:
                raise RoomError(503, "closed", "the room is closed")
            self._pending.add(future)
        self.relay.job.emit(job)
        try:
            return future.result(timeout=self.room.limits.submit_timeout)
        except concurrent.futures.CancelledError as exc:
            raise RoomError(503, "closed", "the room is closed") from exc
        except TimeoutError:
            future.cancel()
            raise
        finally:
            with self._lock:
                self._pending.discard(future)

    def _submit_from_server(self, answer: Answer) -> None:
        self._in_ui(lambda: self._take_vote(answer))

    def _take_vote(self, answer: Answer) -> None:
        session = self.main.session
        if session is None or self._closing:
            raise RoomError(503, "closed", "the room is closed")
        page = self.main.question_page()
        if not operations.room_vote(session, answer, step=page.step if page is not None else ""):
            raise RoomError(503, "not_saved", "the vote could not be saved on the facilitator's computer")

    def _add_from_server(self, name: str, role: str) -> Participant:
        def add() -> Participant:
            session = self.main.session
            if session is None or self._closing:
                raise RoomError(503, "closed", "the room is closed")
            added = operations.add_participant(session, name, role)
            if added is None:
                raise RoomError(503, "not_saved", "the participant could not be added")
            return added

        return self._in_ui(add)

    # ---------------------------------------------------------------- the facilitator's controls

    def release(self, participant_id: str) -> None:
        self.room.release(participant_id)
        self.window.refresh()

    def set_self_join(self, on: bool) -> None:
        self.room.allow_self_join = on


class RoomWindow(QWidget):
    """The join screen for the projector, with the facilitator's controls below it."""

    def __init__(self, controller: RoomController) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.controller = controller
        self.setObjectName("room_window")
        self.resize(1100, 760)
        self._quiet = False
        self._qr_for = ""
        self._networks_shown: tuple[Any, ...] = ()
        self._claims_shown: tuple[Any, ...] = ()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(28, 20, 28, 16)
        outer.setSpacing(10)
        self.title = QLabel()
        self.title.setFont(_font(2.0, bold=True))
        outer.addWidget(self.title)

        join = QHBoxLayout()
        join.setSpacing(28)
        self.qr = QLabel()
        self.qr.setFixedSize(340, 340)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: white;")
        join.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        steps = QVBoxLayout()
        steps.setSpacing(8)
        self.step1, self.step2, self.step3, self.private = QLabel(), QLabel(), QLabel(), QLabel()
        self.address = QLabel()
        self.address.setFont(_font(1.7, bold=True, mono=True))
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLabel()
        self.code.setFont(_font(2.1, bold=True, mono=True))
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setFont(_font(1.25, bold=True))
        for w in (self.step1, self.step2, self.step3, self.private):
            w.setWordWrap(True)
            w.setFont(_font(1.3))
        self.private.setFont(_font(1.0))
        for w in (self.step1, self.step2, self.address, self.code, self.step3, self.problem):
            steps.addWidget(w)
        steps.addStretch(1)
        steps.addWidget(self.private)
        join.addLayout(steps, 1)
        outer.addLayout(join)

        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setFont(_font(1.3))
        self.progress = QLabel()
        self.progress.setFont(_font(2.6, bold=True))
        self.progress.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress.setAccessibleName(tr("q.votes"))
        now = QHBoxLayout()
        now.addWidget(self.question, 1)
        now.addWidget(self.progress)
        outer.addLayout(now)
        self.revealed = QLabel()
        self.revealed.setFont(_font(1.1, bold=True))
        outer.addWidget(self.revealed)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        outer.addWidget(line)
        controls = QGridLayout()
        controls.setHorizontalSpacing(10)
        self.network_label = QLabel()
        self.network = QComboBox()
        self.network.setMinimumWidth(320)
        self.network.activated.connect(self._network_picked)
        self.network_label.setBuddy(self.network)
        self.refresh_button = QPushButton()
        self.refresh_button.clicked.connect(self.controller.refresh_networks)
        self.self_join = QCheckBox()
        self.self_join.toggled.connect(self.controller.set_self_join)
        self.claims_label = QLabel()
        self.claims = QListWidget()
        self.claims.setMaximumHeight(120)
        self.claims_label.setBuddy(self.claims)
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self._release)
        self.claims.currentItemChanged.connect(lambda *_: self._update_release())
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.controller.close)
        controls.addWidget(self.network_label, 0, 0)
        controls.addWidget(self.network, 0, 1)
        controls.addWidget(self.refresh_button, 0, 2)
        controls.addWidget(self.self_join, 0, 3)
        controls.addWidget(self.claims_label, 1, 0, 1, 4)
        controls.addWidget(self.claims, 2, 0, 2, 3)
        controls.addWidget(self.release_button, 2, 3)
        controls.addWidget(self.close_button, 3, 3)
        controls.setColumnStretch(1, 1)
        outer.addLayout(controls)
        self.setTabOrder(self.network, self.refresh_button)
        self.setTabOrder(self.refresh_button, self.self_join)
        self.setTabOrder(self.self_join, self.claims)
        self.setTabOrder(self.claims, self.release_button)
        self.setTabOrder(self.release_button, self.close_button)
        on_language_changed(self._language_changed)
        self.retranslate()

    # ---------------------------------------------------------------- content

    def retranslate(self) -> None:
        self.setWindowTitle(tr("room.window_title"))
        self.title.setText(tr("room.title"))
        self.step1.setText(tr("room.step1"))
        self.step2.setText(tr("room.step2"))
        self.step3.setText(tr("room.step3"))
        self.private.setText(tr("room.private"))
        self.network_label.setText(tr("room.network"))
        self.network.setAccessibleName(tr("room.network_name"))
        self.refresh_button.setText(tr("room.refresh"))
        self.self_join.setText(tr("room.self_join"))
        self.claims.setAccessibleName(tr("room.claims_name"))
        self.release_button.setText(tr("room.release"))
        self.release_button.setToolTip(tr("room.release_tip"))
        self.close_button.setText(tr("room.close"))
        self.qr.setAccessibleName(tr("room.qr_name"))
        self.address.setAccessibleName(tr("room.address_name"))
        self.code.setAccessibleName(tr("room.code_name"))
        self.refresh()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def refresh(self) -> None:
        c = self.controller
        server = c.server
        serving = server is not None and server.running
        for w in (self.qr, self.address, self.code, self.step1, self.step2, self.step3):
            w.setVisible(serving)
        if serving:
            assert server is not None
            url = server.join_url
            if url != self._qr_for:
                self.qr.setPixmap(qr_pixmap(url, 330))
                self._qr_for = url
            self.address.setText(server.base.rstrip("/"))
            groups = c.room.join_code.split("-")
            self.code.setText("-".join(groups[:4]) + "\n" + "-".join(groups[4:]))
        self.problem.setText(c.error or ("" if serving else tr("room.no_network")))
        self.problem.setVisible(not serving)
        self._fill_networks()
        cur = c.room.current
        if cur is None:
            self.question.setText(tr("room.waiting"))
            self.progress.setText("")
            self.revealed.setText("")
        else:
            from readiness_app.ui.i18n import language

            voted, total = c.room.progress()
            where = f" · {cur.scope_name}" if cur.scope_name else ""
            self.question.setText(tr("room.question", question=cur.question.text.get(language())) + where)
            self.progress.setText(tr("q.voted_count", count=voted, total=total))
            self.revealed.setText(tr("room.revealed") if cur.revealed else "")
        self._fill_claims()

    def _fill_networks(self) -> None:
        c = self.controller
        shown = (tuple(c.found), c.address, tr("room.kind_virtual"))
        if shown == self._networks_shown:
            return
        self._networks_shown = shown
        self.network.blockSignals(True)
        self.network.clear()
        for i in c.found:
            note = {"virtual": tr("room.kind_virtual"), "link-local": tr("room.kind_link_local")}.get(i.kind)
            self.network.addItem(i.label + (f" – {note}" if note else ""), i.address)
        self.network.setCurrentIndex(max(0, self.network.findData(c.address)))
        self.network.setEnabled(bool(c.found))
        self.network.blockSignals(False)

    def _fill_claims(self) -> None:
        room = self.controller.room
        selected = self.claims.currentItem().data(Qt.ItemDataRole.UserRole) if self.claims.currentItem() else None
        claimed = room.claimed()
        people = room.participants()
        shown = (tuple((p.id, p.name) for p in people), frozenset(claimed), tr("room.claimed", name=""))
        if shown == self._claims_shown:
            return
        self._claims_shown = shown
        self.claims.clear()
        for p in people:
            key = "room.claimed" if p.id in claimed else "room.unclaimed"
            item = QListWidgetItem(tr(key, name=p.name))
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.claims.addItem(item)
            if p.id == selected:
                self.claims.setCurrentItem(item)
        self.claims_label.setText(tr("room.claims", count=len(claimed), total=len(people)))
        self._update_release()

    def _update_release(self) -> None:
        item = self.claims.currentItem()
        self.release_button.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) in self.controller.room.claimed())

    def _network_picked(self, index: int) -> None:
        address = self.network.itemData(index)
        if address:
            self.controller.choose(str(address))

    def _release(self) -> None:
        item = self.claims.currentItem()
        if item is not None:
            self.controller.release(str(item.data(Qt.ItemDataRole.UserRole)))

    # ---------------------------------------------------------------- closing

    def close_quietly(self) -> None:
        """Close the window without closing the room again (the room is closing)."""
        self._quiet = True
        remove_listener(self._language_changed)
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._quiet:
            self.controller.close()
        super().closeEvent(event)


def _font(scale: float, *, bold: bool = False, mono: bool = False) -> QFont:
    font = QFont()
    if mono:
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSizeF(max(9.0, QFont().pointSizeF() * scale))
    font.setBold(bold)
    return font


def open_room(main: Any, existing: RoomController | None = None) -> RoomController | None:
    """Show the open room of ``main``, or open one. Returns the controller (None if nothing is open)."""
    if existing is not None and existing.is_open:
        existing.window.show()
        existing.window.raise_()
        existing.window.activateWindow()
        return existing
    controller = RoomController(main)
    if not controller.open() and controller.server is None and main.session is None:
        controller.close()
        return None
    return controller
