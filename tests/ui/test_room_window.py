"""The room from the desktop app: open it in workshop mode, a phone's vote goes the way a typed vote
goes (undo, autosave, hidden until revealed), the projector counts, closing closes the port."""

from __future__ import annotations

import http.client
import json
import os
import socket
import threading
from pathlib import Path
from typing import Any

import pytest

from readiness_app.questionnaire.loader import Library
from readiness_app.room import network
from readiness_app.store.assessment_file import AssessmentFile
from room_helpers import make_file

LOOPBACK = [network.Interface("127.0.0.1", "lo", "lan", True)]


class Phone:
    """A phone talking to the room from its own thread (the UI thread must stay free to take the vote)."""

    def __init__(self, url: str) -> None:
        parts = url.split("/")
        self.host, self.port = parts[2].split(":")
        self.prefix = "/" + "/".join(parts[3:5]) + "/"
        self.token: str | None = None

    def call(self, qtbot: Any, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        result: list[Any] = []

        def run() -> None:
            conn = http.client.HTTPConnection(self.host, int(self.port), timeout=15)
            headers = {"Content-Type": "application/json", **({"X-Claim": self.token} if self.token else {})}
            conn.request(method, self.prefix + path, body=None if body is None else json.dumps(body), headers=headers)
            r = conn.getresponse()
            result.append((r.status, json.loads(r.read())))
            conn.close()

        thread = threading.Thread(target=run)
        thread.start()
        qtbot.waitUntil(lambda: bool(result), timeout=15000)
        thread.join()
        return result[0]

    def claim(self, qtbot: Any, pid: str) -> None:
        status, body = self.call(qtbot, "POST", "api/claim", {"participant": pid})
        assert status == 200, body
        self.token = body["token"]


@pytest.fixture
def opened(window: Any, tmp_path: Path, mini_library: Library, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(network, "interfaces", lambda **_kw: list(LOOPBACK))
    path = make_file(tmp_path / "w.readiness", mini_library)
    assert window.documents.open_path(path) is not None
    window.show_step("maturity")
    page = window.question_page("maturity")
    page.set_workshop_mode(True)
    return window, page, path


def test_the_room_opens_from_workshop_mode_and_a_phone_vote_is_a_typed_vote(
        qtbot: Any, opened: Any, tmp_path: Path) -> None:
    window, page, path = opened
    assert page.room_button.isVisible() and page.room_button.text() == "Room (phones)"
    page.set_workshop_mode(False)
    assert not page.room_button.isVisible()
    page.set_workshop_mode(True)
    qtbot.mouseClick(page.room_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    room = window.room
    assert room is not None and room.server is not None and room.window.isVisible()
    rw = room.window
    assert rw.address.text() == f"http://127.0.0.1:{room.server.port}"
    assert rw.code.text().replace("\n", "-") == room.room.join_code
    assert not rw.qr.pixmap().isNull() and rw.qr.pixmap().width() >= 300
    assert rw.progress.text() == "0 of 3 voted" and "Is drift monitored?" in rw.question.text()

    phone = Phone(room.server.join_url)
    phone.claim(qtbot, "p1")
    qtbot.waitUntil(lambda: "Anna Muster – phone connected" in [rw.claims.item(i).text() for i in range(rw.claims.count())])
    assert rw.claims_label.text() == "Phones connected: 1 of 3"
    status, body = phone.call(qtbot, "POST", "api/vote", {"question": "mat.mon.drift", "scope": "org", "value": 3})
    assert status == 200 and body["received"]
    session = window.session
    a = session.file.answer("mat.mon.drift", "org", "p1")
    assert a is not None and (a.value, a.author, a.source) == (3, "Anna Muster", "room")
    assert session.undo_stack.undoText() == "Vote of Anna Muster from the room on mat.mon.drift"
    with AssessmentFile.open_readonly(path) as saved:  # autosaved: on disk at once
        assert saved.answer("mat.mon.drift", "org", "p1").value == 3
    qtbot.waitUntil(lambda: rw.progress.text() == "1 of 3 voted")
    shots = Path(os.environ.get("ROOM_SHOTS", tmp_path))
    rw.resize(1100, 760)
    assert rw.grab().save(str(shots / "room-join-screen.png"))  # the projector: "1 of 3 voted", hidden
    grid = page.votes.model
    assert grid.index(0, 1).data() not in ("", "3")  # hidden in the grid until revealed, like a typed vote

    page.reveal(True)
    qtbot.waitUntil(lambda: room.room.current.revealed)
    assert rw.revealed.text() == "Votes revealed: voting on this question is closed."
    status, body = phone.call(qtbot, "POST", "api/vote", {"question": "mat.mon.drift", "scope": "org", "value": 1})
    assert status == 409 and body["code"] == "voting_closed"
    assert session.file.answer("mat.mon.drift", "org", "p1").value == 3

    window.undo()  # the phone's vote is undone like a typed one
    assert session.file.answer("mat.mon.drift", "org", "p1") is None
    qtbot.waitUntil(lambda: rw.progress.text() == "0 of 3 voted")

    rw.claims.setCurrentRow(0)
    assert rw.release_button.isEnabled()
    rw.release_button.click()
    assert room.room.claimed() == set()
    status, _ = phone.call(qtbot, "GET", "api/state")
    assert status == 401

    port = room.server.port
    rw.close()  # closing the window closes the room and its port
    assert not room.is_open and room.server is None
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    assert window.open_room() is not room  # a new room, with a new secret
    assert window.room.room.secret != room.room.secret
    window.room.close()


def test_the_phone_follows_the_page_and_the_room_closes_with_the_file(qtbot: Any, opened: Any) -> None:
    window, page, _path = opened
    room = window.open_room()
    phone = Phone(room.server.join_url)
    phone.claim(qtbot, "p2")
    page.step_by(1)  # the next question on the projector
    qtbot.waitUntil(lambda: room.room.current.question.id == "mat.mon.kpi")
    status, state = phone.call(qtbot, "GET", "api/state")
    assert status == 200 and state["question"]["text"] == "Overrides per week"
    status, _ = phone.call(qtbot, "POST", "api/vote", {"question": "mat.mon.drift", "scope": "org", "value": 1})
    assert status == 409
    status, _ = phone.call(qtbot, "POST", "api/vote", {"question": "mat.mon.kpi", "scope": "org", "value": 7})
    assert status == 200 and window.session.file.answer("mat.mon.kpi", "org", "p2").value == 7
    window.show_step("engagement")  # no question on screen: the phones wait
    qtbot.waitUntil(lambda: room.room.current is None)
    port = room.server.port
    window.documents.close()  # another file or none: the room closes
    assert not room.is_open
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass
    assert not window.actions_by_key["room"].isEnabled()


def test_without_a_network_the_join_screen_says_what_to_do(
        qtbot: Any, opened: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    window, _page, _path = opened
    monkeypatch.setattr(network, "interfaces", lambda **_kw: [])
    room = window.open_room()
    rw = room.window
    assert room.server is None and not rw.qr.isVisible()
    assert rw.problem.isVisible() and rw.problem.text().startswith("No network found. Connect this laptop")
    monkeypatch.setattr(network, "interfaces", lambda **_kw: list(LOOPBACK))
    rw.refresh_button.click()
    assert room.server is not None and rw.qr.isVisible() and not rw.problem.isVisible()
    room.close()


def test_the_join_screen_in_german(qtbot: Any, opened: Any) -> None:
    from readiness_app.ui import i18n

    window, _page, _path = opened
    room = window.open_room()
    i18n.set_language("de")
    rw = room.window
    assert rw.title.text() == "Mit dem Telefon abstimmen" and rw.progress.text() == "0 von 3 abgestimmt"
    assert rw.close_button.text() == "Raum &schließen"
    room.close()


def test_a_participant_adds_themselves_only_when_the_facilitator_allows_it(qtbot: Any, opened: Any) -> None:
    window, _page, _path = opened
    room = window.open_room()
    rw = room.window
    phone = Phone(room.server.join_url)
    status, body = phone.call(qtbot, "POST", "api/join", {"name": "Dana Neu", "role": "data_owner"})
    assert status == 403 and body["code"] == "self_join_off"
    rw.self_join.setChecked(True)
    status, body = phone.call(qtbot, "POST", "api/join", {"name": "Dana Neu", "role": "data_owner"})
    assert status == 200 and body["participant"]["name"] == "Dana Neu"
    session = window.session
    assert [p.name for p in session.file.participants()][-1] == "Dana Neu"
    assert session.undo_stack.undoText() == "add participant Dana Neu"  # the same operation as typing it
    qtbot.waitUntil(lambda: rw.claims_label.text() == "Phones connected: 1 of 4")
    assert rw.progress.text() == "0 of 4 voted"
    room.close()


def test_a_vote_the_window_cannot_take_in_time_is_refused_and_never_stored_later(
        qtbot: Any, opened: Any) -> None:
    import time

    from readiness_app.room.limits import RoomLimits

    window, _page, _path = opened
    room = window.open_room()
    room.room.limits = RoomLimits(submit_timeout=0.3)
    phone = Phone(room.server.join_url)
    phone.claim(qtbot, "p3")
    result: list[Any] = []

    def vote() -> None:  # the UI thread is busy (it sleeps below): nobody takes the vote
        conn = http.client.HTTPConnection(phone.host, int(phone.port), timeout=15)
        conn.request("POST", phone.prefix + "api/vote", body=json.dumps(
            {"question": "mat.mon.drift", "scope": "org", "value": 2}),
            headers={"Content-Type": "application/json", "X-Claim": phone.token or ""})
        r = conn.getresponse()
        result.append((r.status, json.loads(r.read())))

    thread = threading.Thread(target=vote)
    thread.start()
    thread.join(10)
    assert result and result[0][0] == 503 and result[0][1]["code"] == "not_saved"
    deadline = time.monotonic() + 0.5
    while time.monotonic() < deadline:  # now the window runs what was queued: the late vote is dropped
        qtbot.wait(20)
    assert window.session.file.answer("mat.mon.drift", "org", "p3") is None
    assert room.room.progress() == (0, 3)
    room.close()
