"""Shared helpers for the room tests: a file with participants, a served room, plain HTTP calls."""

from __future__ import annotations

import http.client
import io
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from readiness_app.model import Engagement
from readiness_app.questionnaire.loader import Library
from readiness_app.room.headless import Console
from readiness_app.room.limits import RoomLimits
from readiness_app.room.server import RoomServer
from readiness_app.store.assessment_file import AssessmentFile


def make_file(path: Path, library: Library) -> Path:
    with AssessmentFile.create(path, library, Engagement(client="Muster AG"), author="Facilitator") as f:
        f.add_participant("Anna Muster", "product_owner", participant_id="p1")
        f.add_participant("Ben Beispiel", "data_owner", participant_id="p2")
        f.add_participant("Cleo Test", "sponsor", participant_id="p3")
        f.add_use_case("Claims triage", "Route claims", use_case_id="uc1")
    return path


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    body: Any
    raw: bytes


@dataclass
class Served:
    console: Console
    server: RoomServer
    file: AssessmentFile

    @property
    def room(self) -> Any:
        return self.console.room

    @property
    def port(self) -> int:
        return self.server.port

    def call(self, method: str, path: str, body: Any = None, *, token: str | None = None,
             raw: bytes | None = None, headers: dict[str, str] | None = None, secret: str | None = None) -> Reply:
        """``path`` is relative to the room (``api/state``) unless it starts with ``/``."""
        if not path.startswith("/"):
            path = f"/j/{self.room.secret if secret is None else secret}/{path}"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            h = {"Accept": "application/json", **(headers or {})}
            if token:
                h["X-Claim"] = token
            data = raw if raw is not None else None if body is None else json.dumps(body).encode()
            if data is not None:
                h.setdefault("Content-Type", "application/json")
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            payload = r.read()
            try:
                parsed = json.loads(payload) if r.getheader("content-type", "").startswith("application/json") else None
            except ValueError:
                parsed = None
            return Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, parsed, payload)
        finally:
            conn.close()

    def claim(self, pid: str, token: str | None = None) -> str:
        r = self.call("POST", "api/claim", {"participant": pid}, token=token)
        assert r.status == 200, r.body
        return str(r.body["token"])

    def current(self) -> dict[str, Any]:
        cur = self.room.current
        return {"question": cur.question.id, "scope": cur.scope}

    def stored(self) -> tuple[int, int]:
        """(answers, change-log entries) in the file: "nothing stored" leaves both as they were."""
        with self.console.lock:
            return len(self.file.answers()), len(self.file.changelog())


@contextmanager
def served(path: Path, limits: RoomLimits | None = None) -> Iterator[Served]:
    file = AssessmentFile.open(path)
    console = Console(file, io.StringIO())
    if limits is not None:
        console.room.limits = limits
    server = RoomServer(console.room, "127.0.0.1", 0)
    server.start()
    try:
        yield Served(console, server, file)
    finally:
        server.stop()
        file.close()


def go(s: Served, question_id: str, scope: str = "org") -> None:
    assert s.console.command(f"go {question_id} {scope}")
    assert s.room.current.question.id == question_id


def base_url(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "", parts.port or 80
