"""``readiness room FILE`` as a subprocess: the join address first, votes saved, Ctrl+C closes cleanly."""

from __future__ import annotations

import http.client
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from readiness_app.questionnaire.loader import Library
from readiness_app.store.assessment_file import AssessmentFile
from room_helpers import make_file

pytestmark = pytest.mark.slow  # runs the command line in its own process


def _start(path: Path, *args: str, stdin: int | None = subprocess.DEVNULL) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "readiness_app.cli", "room", str(path), *args],
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _post(url: str, path: str, body: dict, token: str | None = None) -> tuple[int, dict]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    headers = {"Content-Type": "application/json", **({"X-Claim": token} if token else {})}
    conn.request("POST", parts.path + path, body=json.dumps(body), headers=headers)
    r = conn.getresponse()
    data = json.loads(r.read())
    conn.close()
    return r.status, data


def test_room_prints_the_join_url_first_serves_votes_and_closes_cleanly_on_sigint(
        tmp_path: Path, mini_library: Library) -> None:
    path = make_file(tmp_path / "w.readiness", mini_library)
    proc = _start(path, "--host", "127.0.0.1", "--port", "0", stdin=subprocess.PIPE)
    try:
        assert proc.stdout is not None and proc.stdin is not None
        first = proc.stdout.readline().strip()
        assert first.startswith("join: http://127.0.0.1:") and first.endswith("/"), first
        url = first.removeprefix("join: ")
        assert "/j/" in url and len(urlsplit(url).path.split("/")[2]) == 28
        assert proc.stdout.readline().startswith("join code: ")
        proc.stdin.write("go mat.mon.drift org\n")
        proc.stdin.flush()
        while "mat.mon.drift" not in (line := proc.stdout.readline()):
            assert line, proc.stderr.read() if proc.stderr else ""
        status, claim = _post(url, "api/claim", {"participant": "p1"})
        assert status == 200
        status, reply = _post(url, "api/vote", {"question": "mat.mon.drift", "scope": "org", "value": 2},
                              token=claim["token"])
        assert status == 200 and reply["received"] is True
        while "1 of 3 voted" not in (line := proc.stdout.readline()):
            assert line
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert out.strip().endswith("room closed") and "Traceback" not in err
    assert not Path(str(path) + "-journal").exists()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with AssessmentFile.open(path) as f:  # the lock is released
        a = f.answer("mat.mon.drift", "org", "p1")
        assert a is not None and (a.value, a.author, a.source) == (2, "Anna Muster", "room")


def test_room_serves_on_after_its_input_ends_until_interrupted(tmp_path: Path, mini_library: Library) -> None:
    path = make_file(tmp_path / "w.readiness", mini_library)
    proc = _start(path, "--host", "127.0.0.1")
    try:
        assert proc.stdout is not None
        url = proc.stdout.readline().strip().removeprefix("join: ")
        status, _ = _post(url, "api/claim", {"participant": "p2"})
        assert status == 200  # still serving although stdin ended at once
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0


def test_room_on_an_address_of_another_computer_fails_with_one_line(tmp_path: Path, mini_library: Library) -> None:
    path = make_file(tmp_path / "w.readiness", mini_library)
    proc = _start(path, "--host", "203.0.113.7")
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1 and out == ""
    assert err.startswith("readiness: ") and "cannot open the room on 203.0.113.7" in err
    assert len(err.strip().splitlines()) == 1 and str(path) in err


def test_room_on_a_missing_file_fails_with_one_line(tmp_path: Path) -> None:
    proc = _start(tmp_path / "nope.readiness", "--host", "127.0.0.1")
    _out, err = proc.communicate(timeout=30)
    assert proc.returncode == 1 and "nope.readiness" in err and "Traceback" not in err
