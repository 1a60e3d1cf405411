"""Privacy: the app never touches the network.

1. At run time: the desktop app starts on the demo, scores it, exports the Excel scorecard and
   the PDF report, reads the scorecard back (all of ``readiness-studio --self-test``) and the
   command line scores the file, in a process where every way Python opens a socket or looks
   up a name raises and is recorded. Nothing may be recorded but the guard's own check.
2. In the source: no module imports a networking library (the one ``socket`` import, in the
   lock file, may only ask for this computer's name), except the room (``room/``): the local
   server phones vote through, which listens only while the facilitator keeps it open.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "readiness_app"

GUARD = r'''
import json, socket, sys
import _socket

ATTEMPTS = sys.argv[1]


def record(what, *args):
    with open(ATTEMPTS, "a", encoding="utf-8") as fh:
        fh.write(json.dumps([what, repr(args)[:200]]) + "\n")
    raise OSError(f"network access attempted: {what}")


class GuardedSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        record("socket.socket", *args)


for module in (socket, _socket):
    module.socket = GuardedSocket
for name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
             "gethostbyaddr", "getnameinfo", "socketpair", "fromfd"):
    setattr(socket, name, lambda *args, _name=name, **kwargs: record(_name, *args))
'''

RUNNER = GUARD + r'''
import contextlib, io
from pathlib import Path

out = Path(sys.argv[2])
from readiness_app.ui.app import main as gui_main

code = gui_main(["--self-test", str(out)])  # window on the demo, scoring, Excel, import, PDF

from readiness_app import cli

with contextlib.redirect_stdout(io.StringIO()) as text:
    cli_code = cli.main(["score", str(out / "self-test-demo.readiness")])
assert cli_code == 0 and "First production lane" in text.getvalue(), text.getvalue()

try:  # the guard itself works: this attempt must be recorded
    socket.create_connection(("192.0.2.1", 80), timeout=0.1)
except OSError:
    pass
sys.exit(code)
'''

FORBIDDEN = (
    "socket", "_socket", "ssl", "urllib", "http", "requests", "httpx", "aiohttp", "urllib3", "ftplib",
    "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "asyncio", "websocket", "websockets",
    "socketserver", "webbrowser", "PySide6.QtNetwork", "PySide6.QtWebEngineCore", "PySide6.QtWebSockets",
)
# (file, module) -> the only attributes it may use
ALLOWED = {("filelock.py", "socket"): {"gethostname"}}
ROOM = PACKAGE / "room"  # the one package that serves the network, only while the room is open


def test_the_app_opens_no_socket_while_doing_its_whole_job(tmp_path: Path) -> None:
    runner = tmp_path / "runner.py"
    runner.write_text(RUNNER, encoding="utf-8")
    attempts = tmp_path / "attempts.jsonl"
    out = tmp_path / "out"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([sys.executable, str(runner), str(attempts), str(out)], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "passed: 9 checks" in run.stdout
    for name in ("self-test-scorecard.xlsx", "self-test-report.pdf", "self-test-window.png"):
        assert (out / name).is_file(), name
    recorded = [json.loads(line) for line in attempts.read_text(encoding="utf-8").splitlines()]
    assert recorded == [["create_connection", "(('192.0.2.1', 80),)"]], recorded


def _module_uses(tree: ast.AST) -> tuple[set[str], dict[str, set[str]]]:
    """Every module imported anywhere in the file, and for plain ``import x`` the attributes used on x."""
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module)
            imported.update(f"{node.module}.{alias.name}" for alias in node.names)
    attributes: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            attributes.setdefault(node.value.id, set()).add(node.attr)
    return imported, attributes


def _hits(name: str) -> list[str]:
    return [f for f in FORBIDDEN if name == f or name.startswith(f + ".")]


def test_no_module_imports_a_network_library() -> None:
    problems = []
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 30
    for path in files:
        if path.is_relative_to(ROOM):
            continue
        imported, attributes = _module_uses(ast.parse(path.read_text(encoding="utf-8")))
        for name in sorted(imported):
            for hit in _hits(name):
                allowed = ALLOWED.get((path.name, hit))
                if allowed is not None and name == hit and attributes.get(hit, set()) <= allowed:
                    continue
                problems.append(f"{path.relative_to(PACKAGE.parent)}: imports {name}")
    assert problems == []


def test_the_scan_would_catch_a_network_import() -> None:
    imported, attributes = _module_uses(ast.parse(
        "import urllib.request\nfrom http import client\nimport socket\n"
        "def f():\n    from PySide6.QtNetwork import QNetworkAccessManager\n    socket.create_connection(('x', 1))\n"))
    assert {"urllib.request", "http.client", "socket", "PySide6.QtNetwork"} <= imported
    assert attributes["socket"] == {"create_connection"} and not attributes["socket"] <= ALLOWED[("filelock.py", "socket")]
    assert _hits("urllib.request") == ["urllib"] and _hits("httpx") == ["httpx"] and _hits("sockets") == []
