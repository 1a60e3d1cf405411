"""The room server over real HTTP on 127.0.0.1: joining, claiming, voting, and every refusal.

Each refusal is checked for its status and code and for leaving the file untouched (the
number of answers and of change-log entries stays the same).
"""

from __future__ import annotations

import http.client
import json
import socket
from pathlib import Path

import pytest

from readiness_app.questionnaire.loader import Library
from readiness_app.room.codes import SECRET_BITS, join_code, new_secret, normalise, same_secret
from readiness_app.room.limits import RoomLimits
from readiness_app.room.server import CSP
from room_helpers import Served, go, make_file, served


@pytest.fixture
def path(tmp_path: Path, mini_library: Library) -> Path:
    return make_file(tmp_path / "room.readiness", mini_library)


@pytest.fixture
def s(path: Path) -> Served:
    with served(path) as room:
        go(room, "mat.mon.drift")
        yield room


def test_the_secret_has_at_least_128_bits_and_the_join_code_reads_back_forgivingly() -> None:
    secrets_ = {new_secret() for _ in range(200)}
    assert len(secrets_) == 200 and SECRET_BITS >= 128
    secret = secrets_.pop()
    assert len(secret) == 28 and set(secret) <= set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    code = join_code(secret)
    assert code.count("-") == 6 and normalise(code) == secret
    assert same_secret(code.lower().replace("-", " "), secret)
    assert same_secret(secret.replace("0", "O").replace("1", "I"), secret)
    assert not same_secret(secret[:-1], secret) and not same_secret("", secret)


def test_join_claim_vote_stores_the_vote_as_the_participant_from_the_room(s: Served) -> None:
    r = s.call("GET", "api/participants")
    assert r.status == 200
    assert [p["name"] for p in r.body["participants"]] == ["Anna Muster", "Ben Beispiel", "Cleo Test"]
    token = s.claim("p1")
    state = s.call("GET", "api/state?lang=de", token=token).body
    assert state["participant"] == {"id": "p1", "name": "Anna Muster"}
    q = state["question"]
    assert q["text"] == "Wird Drift überwacht?" and q["help"] == "Weil."
    assert [lv["label"] for lv in q["levels"]] == ["Nein", "Ad hoc", "Teilweise", "Überwiegend", "Vollständig"]
    assert state["vote"] is None and state["revealed"] is False
    r = s.call("POST", "api/vote", {**s.current(), "participant": "p1", "value": 3, "note": "mostly on"}, token=token)
    assert r.status == 200 and r.body == {"received": True, "vote": {"value": 3, "na": False, "note": "mostly on"}}
    a = s.file.answer("mat.mon.drift", "org", "p1")
    assert a is not None and (a.value, a.note, a.author, a.source) == (3, "mostly on", "Anna Muster", "room")
    entry = s.file.changelog()[-1]
    assert (entry.author, entry.entity, entry.entity_id) == ("Anna Muster", "answer", "mat.mon.drift|org|p1")
    assert entry.after["source"] == "room"
    assert s.call("GET", "api/state", token=token).body["vote"]["value"] == 3
    assert s.room.progress() == (1, 3)


def test_not_applicable_with_a_reason_a_choice_a_checklist_and_a_number(s: Served) -> None:
    token = s.claim("p2")
    r = s.call("POST", "api/vote", {**s.current(), "na": True, "reason": "no models yet"}, token=token)
    assert r.status == 200
    a = s.file.answer("mat.mon.drift", "org", "p2")
    assert a is not None and a.not_applicable and a.value is None and a.note == "no models yet"
    go(s, "mat.mon.kpi")
    assert s.call("POST", "api/vote", {**s.current(), "value": 3.5}, token=token).status == 200
    assert s.file.answer("mat.mon.kpi", "org", "p2").value == 3.5
    go(s, "pri.value", "uc1")
    state = s.call("GET", "api/state", token=token).body
    assert state["question"]["context"] == "Claims triage" and state["question"]["options"]
    option = state["question"]["options"][0]["id"]
    assert s.call("POST", "api/vote", {**s.current(), "value": option}, token=token).status == 200
    assert s.file.answer("pri.value", "uc1", "p2").value == option


def test_a_phone_sees_only_the_current_question_and_its_own_vote(s: Served) -> None:
    t1, t2 = s.claim("p1"), s.claim("p2")
    assert s.call("POST", "api/vote", {**s.current(), "value": 4, "note": "BEN-PRIVATE"}, token=t2).status == 200
    assert s.call("POST", "api/vote", {**s.current(), "value": 1}, token=t1).status == 200
    s.console.command("reveal")
    replies = [s.call("GET", "api/state", token=t1), s.call("GET", "api/participants", token=t1),
               s.call("GET", "api/state?lang=de", token=t1)]
    for r in replies:
        assert b"BEN-PRIVATE" not in r.raw and b"room.readiness" not in r.raw and b"Muster AG" not in r.raw
    state = replies[0].body
    assert set(state) == {"open", "version", "poll_ms", "participant", "question", "revealed", "vote"}
    assert state["revealed"] is True and state["vote"]["value"] == 1
    assert "votes" not in json.dumps(state["question"]) and "4" not in json.dumps(state["vote"])


def test_every_response_has_the_security_headers_and_no_cookie(s: Served) -> None:
    for method, path in (("GET", "/"), ("GET", "/static/room.js"), ("GET", ""), ("GET", "api/participants"),
                         ("GET", "/j/WRONG/api/state"), ("GET", "/nothing")):
        r = s.call(method, path)
        assert r.headers["content-security-policy"] == CSP, path
        assert r.headers["referrer-policy"] == "no-referrer" and r.headers["x-content-type-options"] == "nosniff"
        assert "set-cookie" not in r.headers and "server" not in r.headers
    page = s.call("GET", "").raw.decode()
    assert "http" not in page.replace("http-equiv", "")  # no external resources
    assert "default-src 'none'" in CSP and "script-src 'self'" in CSP and "connect-src 'self'" in CSP


@pytest.mark.parametrize("secret", ["WRONG", "0" * 28, "%20"])
def test_a_wrong_secret_is_refused_and_nothing_is_stored(s: Served, secret: str) -> None:
    token = s.claim("p1")
    before = s.stored()
    for method, path, body in (("GET", "", None), ("GET", "api/participants", None), ("GET", "api/state", None),
                               ("POST", "api/claim", {"participant": "p2"}),
                               ("POST", "api/vote", {**s.current(), "value": 2})):
        r = s.call(method, path, body, token=token, secret=secret)
        assert r.status == 403 and r.body["code"] == "bad_code", path
    assert s.stored() == before


def test_a_missing_secret_finds_nothing(s: Served) -> None:
    token = s.claim("p1")
    before = s.stored()
    for path in ("/api/vote", "/j/api/vote", "/j//api/vote"):
        r = s.call("POST", path, {**s.current(), "value": 2}, token=token)
        assert r.status in (403, 404), path
    assert s.stored() == before


def test_a_replayed_claim_is_refused_and_a_released_claim_cannot_vote(s: Served) -> None:
    first = s.claim("p1")
    assert s.claim("p1", token=first) == first  # the same device asking again keeps its token
    before = s.stored()
    replay = s.call("POST", "api/claim", {"participant": "p1"})  # the same request from another device
    assert replay.status == 409 and replay.body["code"] == "claimed" and "token" not in replay.body
    assert s.room.release("p1")
    r = s.call("POST", "api/vote", {**s.current(), "value": 2}, token=first)
    assert r.status == 401 and r.body["code"] == "not_claimed"
    assert s.stored() == before
    assert s.claim("p1") != first  # another device may claim now


def test_a_vote_for_another_devices_participant_is_refused(s: Served) -> None:
    t1 = s.claim("p1")
    s.claim("p2")
    before = s.stored()
    r = s.call("POST", "api/vote", {**s.current(), "participant": "p2", "value": 4}, token=t1)
    assert r.status == 403 and r.body["code"] == "not_yours"
    r = s.call("POST", "api/vote", {**s.current(), "value": 4})  # no claim at all
    assert r.status == 401
    r = s.call("POST", "api/vote", {**s.current(), "value": 4}, token="made-up-token")
    assert r.status == 401
    assert s.stored() == before


def test_a_vote_for_a_question_that_is_not_current_is_refused(s: Served) -> None:
    token = s.claim("p1")
    before = s.stored()
    for body in ({"question": "mat.mon.kpi", "scope": "org", "value": 2},
                 {"question": "mat.mon.drift", "scope": "uc1", "value": 2}, {"value": 2}):
        r = s.call("POST", "api/vote", body, token=token)
        assert r.status == 409 and r.body["code"] == "not_current"
    s.console.command("reveal")  # kept in the file's meta, as the app keeps it
    before = s.stored()
    r = s.call("POST", "api/vote", {**s.current(), "value": 2}, token=token)
    assert r.status == 409 and r.body["code"] == "voting_closed"
    assert s.stored() == before
    from readiness_app.scoring.visibility import from_meta

    assert from_meta(s.file.meta()).votes_shown("mat.mon.drift", "org")


@pytest.mark.parametrize("body, code", [
    ({"value": 5}, "invalid"), ({"value": True}, "invalid"), ({"value": "3"}, "invalid"),
    ({"na": True, "reason": "  "}, "reason_missing"), ({"na": "yes", "reason": "x"}, "invalid"),
    ({"value": 2, "note": "x" * 501}, "too_long"),
])
def test_invalid_votes_are_refused_with_422_and_nothing_is_stored(s: Served, body: dict, code: str) -> None:
    token = s.claim("p1")
    before = s.stored()
    r = s.call("POST", "api/vote", {**s.current(), **body}, token=token)
    assert r.status == 422 and r.body["code"] == code
    assert s.stored() == before


def test_a_note_of_exactly_the_limit_is_taken(s: Served) -> None:
    token = s.claim("p1")
    assert s.call("POST", "api/vote", {**s.current(), "value": 2, "note": "x" * 500}, token=token).status == 200


def test_bodies_over_the_size_limit_are_refused_with_413(s: Served) -> None:
    token = s.claim("p1")
    before = s.stored()
    limit = s.room.limits.max_body
    padding = {**s.current(), "value": 2, "pad": ""}
    base = len(json.dumps(padding).encode())
    at_limit = json.dumps({**padding, "pad": "y" * (limit - base)}).encode()
    assert len(at_limit) == limit
    assert s.call("POST", "api/vote", raw=at_limit, token=token).status == 200  # exactly the limit is fine
    over = json.dumps({**padding, "pad": "y" * (limit - base + 1)}).encode()
    r = s.call("POST", "api/vote", raw=over, token=token)
    assert r.status == 413 and r.body["code"] == "too_large"
    # without a Content-Length, in chunks
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10)
    conn.putrequest("POST", f"/j/{s.room.secret}/api/vote")
    conn.putheader("X-Claim", token)
    conn.putheader("Transfer-Encoding", "chunked")
    conn.endheaders()
    chunk = b"y" * 1000
    for _ in range(6):
        conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    conn.send(b"0\r\n\r\n")
    reply = conn.getresponse()
    assert reply.status == 413
    conn.close()
    assert s.stored()[0] == before[0] + 1  # only the vote at the limit


def test_requests_over_the_rate_limit_get_429(path: Path) -> None:
    limits = RoomLimits(rate=0.001, burst=3, anonymous_rate=0.001, anonymous_burst=5)
    with served(path, limits) as s:
        statuses = [s.call("GET", "api/participants").status for _ in range(6)]
        assert statuses == [200] * 5 + [429]
        r = s.call("GET", "api/participants")
        assert r.body["code"] == "slow_down" and int(r.headers["retry-after"]) >= 1


def test_a_device_has_its_own_budget(path: Path) -> None:
    limits = RoomLimits(rate=0.001, burst=3, anonymous_rate=0.001, anonymous_burst=50)
    with served(path, limits) as s:
        go(s, "mat.mon.drift")
        t1, t2 = s.claim("p1"), s.claim("p2")
        assert [s.call("GET", "api/state", token=t1).status for _ in range(4)] == [200, 200, 200, 429]
        assert s.call("GET", "api/state", token=t2).status == 200


def test_guessing_codes_is_blocked_after_the_limit(path: Path) -> None:
    with served(path, RoomLimits(bad_codes_per_minute=4)) as s:
        assert [s.call("GET", "api/participants", secret="WRONG").status for _ in range(4)] == [403] * 4
        r = s.call("GET", "api/participants")  # even the right code, from that address, for a minute
        assert r.status == 429 and r.body["code"] == "slow_down"


def test_a_foreign_host_name_is_refused(s: Served) -> None:
    r = s.call("GET", "api/participants", headers={"Host": "evil.example:80"})
    assert r.status == 421
    assert s.call("GET", "api/participants", headers={"Host": f"localhost:{s.port}"}).status == 200


def test_adding_yourself_only_when_allowed(s: Served) -> None:
    r = s.call("POST", "api/join", {"name": "Dana Neu", "role": "other"})
    assert r.status == 403 and r.body["code"] == "self_join_off"
    s.console.command("allow-join on")
    assert s.call("POST", "api/join", {"name": "anna muster", "role": "other"}).status == 409
    assert s.call("POST", "api/join", {"name": " ", "role": "other"}).status == 422
    r = s.call("POST", "api/join", {"name": "Dana Neu", "role": "data_owner"})
    assert r.status == 200 and r.body["participant"]["name"] == "Dana Neu"
    assert [p.name for p in s.file.participants()][-1] == "Dana Neu"
    assert s.call("POST", "api/vote", {**s.current(), "value": 1}, token=r.body["token"]).status == 200


def test_closing_the_room_closes_the_port(path: Path) -> None:
    with served(path) as s:
        port = s.port
        assert s.call("GET", "/").status == 200
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=2):
        pass


def test_a_self_added_name_of_up_to_80_characters(s: Served) -> None:
    s.console.command("allow-join on")
    r = s.call("POST", "api/join", {"name": "N" * 81, "role": "other"})
    assert r.status == 422 and r.body["code"] == "too_long"
    assert s.call("POST", "api/join", {"name": "N" * 80, "role": "other"}).status == 200
    assert s.call("POST", "api/join", {"name": "Eve", "role": "king"}).status == 422
