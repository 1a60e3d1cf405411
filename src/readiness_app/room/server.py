"""The room's web server: a small Starlette app under Uvicorn, in a background thread.

Routes (everything but the join form and the page's own files needs the room secret in the path):

* ``GET /``: the join form (type the join code); ``GET /static/<file>``: the page's CSS and
  JavaScript, the same files in every copy of the app;
* ``GET /j/<secret>/``: the voting page;
* ``GET /j/<secret>/api/participants``, ``POST …/api/claim``, ``POST …/api/unclaim``,
  ``POST …/api/join`` (add yourself, when allowed), ``GET …/api/state``, ``POST …/api/vote``.

Devices identify their claim with the ``X-Claim`` header (kept in the page's local storage;
no cookies). Every response carries a strict Content-Security-Policy (nothing but this server),
``no-referrer``, ``nosniff`` and ``no-store``. A request whose ``Host`` is not the address the
room was opened on is refused (a web page elsewhere cannot reach the room by DNS rebinding).
Bodies over :attr:`RoomLimits.max_body` get 413, floods 429, a wrong secret 403.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from readiness_app.model import ROLES, role_label
from readiness_app.room.codes import token_key
from readiness_app.room.limits import FailureCounter, RateLimiter
from readiness_app.room.state import Room, RoomError

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
PAGES = {"join": "join.html", "room": "room.html"}
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".js": "text/javascript; charset=utf-8", ".svg": "image/svg+xml"}
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


class RoomStartError(Exception):
    """The room could not be opened (the address is not this computer's, the port is taken, …)."""


def _static_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in STATIC.iterdir() if p.suffix in TYPES}


class _Guard:
    """Pure ASGI middleware: allowed Host, body size, security headers on every response."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts: set[str] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = dict(scope.get("headers") or [])

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        host = headers.get(b"host", b"").decode("latin-1").lower()
        if self.hosts and host not in self.hosts:
            await _error(RoomError(421, "wrong_host", "this server answers only on the address of the room"))(
                scope, receive, secured)
            return
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _error(RoomError(413, "too_large", f"the request is larger than {self.max_body} bytes"))(
                scope, receive, secured)
            return
        await self.app(scope, _limited(receive, self.max_body), secured)


def _limited(receive: Receive, limit: int) -> Receive:
    """A body sent in chunks is cut off (as an empty, invalid body) once it passes ``limit``."""
    seen = 0

    async def wrapped() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise _TooLarge
        return message

    return wrapped


class _TooLarge(Exception):
    pass


def _error(exc: RoomError, retry_after: float = 0.0) -> JSONResponse:
    headers = {"Retry-After": str(max(1, round(retry_after)))} if exc.status == 429 else None
    return JSONResponse(exc.payload(), status_code=exc.status, headers=headers)


Handler = Callable[[Request], Awaitable[Any]]


class RoomApp:
    """The Starlette application of one room."""

    def __init__(self, room: Room) -> None:
        self.room = room
        limits = room.limits
        self.files = _static_files()
        self.device_rate = RateLimiter(limits.rate, limits.burst)
        self.address_rate = RateLimiter(limits.anonymous_rate, limits.anonymous_burst)
        self.bad_codes = FailureCounter(limits.bad_codes_per_minute)
        api = [("GET", "participants", self.participants), ("POST", "claim", self.claim),
               ("POST", "unclaim", self.unclaim), ("POST", "join", self.join),
               ("GET", "state", self.state), ("POST", "vote", self.vote)]
        routes = [Route("/", self._public(self.join_page)),
                  Route("/static/{name}", self._public(self.static)),
                  Route("/j/{secret}/", self._secured(self.room_page))]
        routes += [Route(f"/j/{{secret}}/api/{name}", self._secured(fn), methods=[method]) for method, name, fn in api]
        self.starlette = Starlette(routes=routes)
        self.starlette.add_exception_handler(404, self._not_found)
        self.starlette.add_exception_handler(405, self._not_allowed)
        self.guard = _Guard(self.starlette, limits.max_body)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.guard(scope, receive, send)

    # ---------------------------------------------------------------- plumbing

    async def _not_found(self, _request: Request, _exc: Exception) -> Response:
        return _error(RoomError(404, "not_found", "nothing here"))

    async def _not_allowed(self, _request: Request, _exc: Exception) -> Response:
        return _error(RoomError(405, "not_allowed", "method not allowed"))

    def _address(self, request: Request) -> str:
        return request.client.host if request.client else "?"

    def _public(self, fn: Handler) -> Handler:
        async def handler(request: Request) -> Any:
            wait = self.address_rate.allow("addr:" + self._address(request))
            if wait:
                return _error(RoomError(429, "slow_down", "too many requests; wait a moment"), wait)
            return await fn(request)
        return handler

    def _secured(self, fn: Handler) -> Handler:
        async def handler(request: Request) -> Any:
            address = self._address(request)
            token = request.headers.get("x-claim") or None
            key = "dev:" + token_key(token) if token else "addr:" + address
            wait = (self.device_rate if token else self.address_rate).allow(key)
            if wait:
                return _error(RoomError(429, "slow_down", "too many requests; wait a moment"), wait)
            if self.bad_codes.blocked(address):
                return _error(RoomError(429, "slow_down", "too many wrong room codes; wait a minute"), 60)
            if not self.room.check_secret(request.path_params.get("secret", "")):
                self.bad_codes.fail(address)
                return _error(RoomError(403, "bad_code", "wrong or missing room code"))
            try:
                return await fn(request)
            except RoomError as exc:
                return _error(exc)
        return handler

    async def _json(self, request: Request) -> dict[str, Any]:
        try:
            body = await request.body()
        except _TooLarge as exc:  # sent in chunks, without a length
            raise RoomError(413, "too_large", f"the request is larger than {self.room.limits.max_body} bytes") from exc
        try:
            data = json.loads(body.decode("utf-8")) if body else None
        except (UnicodeDecodeError, ValueError) as exc:
            raise RoomError(400, "bad_request", "the request body is not JSON") from exc
        if not isinstance(data, dict):
            raise RoomError(400, "bad_request", "the request body must be a JSON object")
        return data

    @staticmethod
    def _lang(request: Request) -> str:
        return "de" if request.query_params.get("lang") == "de" else "en"

    # ---------------------------------------------------------------- pages

    def _file(self, name: str) -> Response:
        body = self.files.get(name)
        if body is None:
            return _error(RoomError(404, "not_found", "nothing here"))
        return Response(body, media_type=TYPES[Path(name).suffix])

    async def join_page(self, _request: Request) -> Response:
        return self._file(PAGES["join"])

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name in PAGES.values():
            return _error(RoomError(404, "not_found", "nothing here"))
        return self._file(name)

    async def room_page(self, _request: Request) -> Response:
        return self._file(PAGES["room"])

    # ---------------------------------------------------------------- api

    async def participants(self, request: Request) -> JSONResponse:
        lang = self._lang(request)
        return JSONResponse({"participants": self.room.participants_view(lang),
                             "self_join": self.room.allow_self_join,
                             "roles": [{"id": r, "label": role_label(r, lang)} for r in ROLES]})

    async def claim(self, request: Request) -> JSONResponse:
        body = await self._json(request)
        token, participant = self.room.claim(body.get("participant"), request.headers.get("x-claim"))
        return JSONResponse({"token": token, "participant": {"id": participant.id, "name": participant.name}})

    async def unclaim(self, request: Request) -> JSONResponse:
        self.room.unclaim(request.headers.get("x-claim"))
        return JSONResponse({"released": True})

    async def join(self, request: Request) -> JSONResponse:
        body = await self._json(request)
        token, participant = await run_in_threadpool(
            self.room.self_join, body.get("name"), body.get("role", "other"), request.headers.get("x-claim"))
        return JSONResponse({"token": token, "participant": {"id": participant.id, "name": participant.name}})

    async def state(self, request: Request) -> JSONResponse:
        return JSONResponse(self.room.state(request.headers.get("x-claim"), self._lang(request)))

    async def vote(self, request: Request) -> JSONResponse:
        body = await self._json(request)
        result = await run_in_threadpool(self.room.vote, request.headers.get("x-claim"), body)
        return JSONResponse(result)


class RoomServer:
    """Serves one :class:`Room` on ``host:port`` from a background thread until :meth:`stop`.

    ``port=0`` takes any free port. :meth:`start` returns once the server accepts connections
    (or raises :class:`RoomStartError`); :meth:`stop` waits for requests in flight, then closes
    the port.
    """

    def __init__(self, room: Room, host: str, port: int = 0) -> None:
        self.room = room
        self.host = host
        self.port = port
        self.app = RoomApp(room)
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    @property
    def base(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The address with the secret: what the QR code holds and ``readiness room`` prints."""
        return f"{self.base}j/{self.room.secret}/"

    def start(self, timeout: float = 10.0) -> None:
        import uvicorn

        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        try:
            sock = socket.create_server((self.host, self.port), family=family, backlog=128)
        except OSError as exc:
            raise RoomStartError(f"cannot open the room on {self.host}:{self.port} ({exc.strerror or exc})") from exc
        self.port = int(sock.getsockname()[1])
        host = f"[{self.host}]" if family == socket.AF_INET6 else self.host
        hosts = {f"{host}:{self.port}"}
        if self.host in ("127.0.0.1", "::1"):
            hosts.add(f"localhost:{self.port}")
        self.app.guard.hosts = hosts
        config = uvicorn.Config(self.app, log_config=None, log_level="warning", access_log=False,
                                server_header=False, date_header=False, lifespan="off", ws="none",
                                http="h11", loop="asyncio", interface="asgi3", limit_concurrency=256,
                                timeout_keep_alive=5, timeout_graceful_shutdown=3,
                                h11_max_incomplete_event_size=16 * 1024)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._run, args=(sock,), name="readiness-room", daemon=True)
        self._thread.start()
        waited = 0.0
        while not self._server.started and self._thread.is_alive() and waited < timeout:
            self._thread.join(0.01)
            waited += 0.01
        if not self._server.started:
            self.stop()
            raise RoomStartError(f"the room server did not start ({self._error or 'timed out'})")

    def _run(self, sock: socket.socket) -> None:
        try:
            asyncio.run(self._server.serve(sockets=[sock]))
        except BaseException as exc:  # reported by start(), or logged when it stops
            self._error = exc
            log.exception("the room server stopped")
        finally:
            with contextlib.suppress(OSError):
                sock.close()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self, timeout: float = 5.0, *, close_room: bool = True) -> None:
        """Close the room (unless ``close_room`` is false: serving it elsewhere next): refuse new
        votes, finish requests in flight, close the port."""
        if close_room:
            self.room.close()
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive() and self._server is not None:
                self._server.force_exit = True
                self._thread.join(timeout)
        self._thread = None
