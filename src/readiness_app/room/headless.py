"""``readiness room FILE``: the room without the desktop app.

The terminal is the facilitator's console: it prints the join address first (``join: http://…``),
then takes short commands on standard input (``next``, ``back``, ``go QID [USE-CASE]``,
``reveal``, ``hide``, ``release NAME``, ``allow-join``, ``status``, ``quit``) and reports
"9 of 12 voted" as votes arrive. Votes go straight into the file, each one committed with its
change-log entry. Ctrl+C (SIGINT) or SIGTERM closes the room: requests in flight finish, the
port closes, the file is closed and its lock released; the exit code is 0.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from readiness_app.errors import ReadinessError
from readiness_app.model import ORGANISATION, Answer, Participant
from readiness_app.questionnaire.loader import Question
from readiness_app.room import network
from readiness_app.room.server import RoomServer, RoomStartError
from readiness_app.room.state import Current, Room
from readiness_app.scoring.visibility import from_meta, meta_changes
from readiness_app.store.assessment_file import AssessmentFile

KIND_ORDER = ("prioritization", "readiness", "maturity", "baseline")
HELP = ("commands: next (n), back (b), go QID [USE-CASE], reveal (r), hide, release NAME, "
        "allow-join on|off, status (s), quit (q); Ctrl+C closes the room")


class RoomUnavailable(ReadinessError):
    """The room cannot be opened (no network, address taken)."""


def _positions(file: AssessmentFile) -> list[tuple[Question, str, str]]:
    """Every (question, scope, use-case name) in workshop order: organisation questions once,
    use-case questions once per use case."""
    lib = file.library()
    use_cases = file.use_cases()
    out: list[tuple[Question, str, str]] = []
    kinds = [k for k in KIND_ORDER if lib.by_kind(k)]
    for kind in kinds:
        for qn in lib.by_kind(kind):
            for q in qn.questions:
                if q.scope == "organisation":
                    out.append((q, ORGANISATION, ""))
                else:
                    out.extend((q, uc.id, uc.name) for uc in use_cases)
    return out


class Console:
    """The facilitator's side of a headless room: what is current, and the file."""

    def __init__(self, file: AssessmentFile, out: TextIO) -> None:
        self.file = file
        self.out = out
        self.lock = threading.Lock()  # one writer: votes arrive on server threads
        self.positions = _positions(file)
        self.index = 0
        self.visibility = from_meta(file.meta())  # reveals are kept in the file, as the app keeps them
        self.room = Room(self._submit, add_participant=self._add_participant)
        self.room.update(participants=file.participants(), current=self._current())
        self.room.on_change(self._report)
        self._reported: tuple[str, int] | None = None

    def _submit(self, answer: Answer) -> None:
        with self.lock:
            self.file.set_answer(answer)
            self.room.update(current=self._current())

    def _add_participant(self, name: str, role: str) -> Participant:
        with self.lock:
            p = self.file.add_participant(name, role)
            self.room.update(participants=self.file.participants())
        self.say(f"added participant: {p.name}")
        return p

    def _current(self) -> Current | None:
        if not self.positions:
            return None
        q, scope, name = self.positions[self.index]
        votes = {a.participant_id: a for a in self.file.answers(scope=scope, question_ids=[q.id])
                 if not a.is_consensus}
        return Current(q, scope, name, self.visibility.votes_shown(q.id, scope), votes)

    def reveal(self, on: bool) -> None:
        """Reveal (or hide again) the votes on the current question; kept in the file's meta."""
        if not self.positions:
            return
        q, scope, _name = self.positions[self.index]
        after = self.visibility.with_revealed(q.id, scope, on)
        with self.lock:
            for key, value in meta_changes(self.visibility, after).items():
                self.file.set_meta(key, value)
            self.visibility = after

    def say(self, line: str) -> None:
        print(line, file=self.out, flush=True)

    def _report(self) -> None:
        cur = self.room.current
        if cur is None:
            return
        voted, total = self.room.progress()
        if self._reported != (cur.key, voted):
            self._reported = (cur.key, voted)
            self.say(f"{cur.question.id}: {voted} of {total} voted")

    def show(self) -> None:
        with self.lock:
            self.room.update(current=self._current())
        cur = self.room.current
        if cur is None:
            self.say("no questions in this assessment")
            return
        voted, total = self.room.progress()
        where = f" [{cur.scope_name}]" if cur.scope_name else ""
        state = "revealed" if cur.revealed else "hidden"
        self.say(f"question {self.index + 1} of {len(self.positions)}: {cur.question.id}{where} "
                 f"{cur.question.text.en} ({voted} of {total} voted, votes {state})")
        if cur.revealed:
            names = {p.id: p.name for p in self.room.participants()}
            for pid, a in cur.votes.items():
                value = "n/a" if a.not_applicable else a.value
                self.say(f"  {names.get(pid, pid)}: {value}")

    def command(self, line: str) -> bool:
        """Run one console command; False means quit."""
        words = line.split()
        if not words:
            return True
        verb, args = words[0].lower(), words[1:]
        if verb in ("q", "quit", "exit"):
            return False
        if verb in ("n", "next", "b", "back"):
            step = 1 if verb in ("n", "next") else -1
            self.index = min(max(self.index + step, 0), max(len(self.positions) - 1, 0))
            self.show()
        elif verb == "go" and args:
            for i, (q, scope, _name) in enumerate(self.positions):
                if q.id == args[0] and (len(args) < 2 or scope == args[1]):
                    self.index = i
                    self.show()
                    break
            else:
                self.say(f"no question {' '.join(args)}")
        elif verb in ("r", "reveal", "hide"):
            self.reveal(verb != "hide")
            self.show()
        elif verb == "release" and args:
            wanted = " ".join(args).casefold()
            match = [p for p in self.room.participants() if wanted in (p.id.casefold(), p.name.casefold())]
            if match and self.room.release(match[0].id):
                self.say(f"released: {match[0].name}")
            else:
                self.say(f"no claimed participant {' '.join(args)}")
        elif verb == "allow-join" and args and args[0] in ("on", "off"):
            self.room.allow_self_join = args[0] == "on"
            self.say(f"participants may add themselves: {args[0]}")
        elif verb in ("s", "status"):
            self.show()
            self.say(f"claimed: {len(self.room.claimed())} of {len(self.room.participants())} participants")
        else:
            self.say(HELP)
        return True


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM closes the room like Ctrl+C (main thread only)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(_sig: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def run(path: Path, host: str | None, port: int, *, out: TextIO, commands: TextIO | None) -> int:
    """Serve the room on ``path`` until quit, end of input plus Ctrl+C, or SIGTERM; returns 0."""
    if host is None:
        found = network.best(network.interfaces())
        if found is None:
            raise RoomUnavailable("no network found: connect this computer to the room's Wi-Fi or turn on "
                                  "its hotspot (or use --host 127.0.0.1 to try the room on this computer only)")
        host = found.address
    file = AssessmentFile.open(path)
    server: RoomServer | None = None
    try:
        console = Console(file, out)
        server = RoomServer(console.room, host, port)
        with _sigterm_as_interrupt():
            try:  # from here on, Ctrl+C at any moment closes the room cleanly
                try:
                    server.start()
                except RoomStartError as exc:
                    raise RoomUnavailable(str(exc), path=str(path)) from exc
                console.say(f"join: {server.join_url}")
                console.say(f"join code: {console.room.join_code}  (address: {server.base})")
                console.show()
                console.say(HELP)
                if commands is not None:
                    for line in commands:
                        if not console.command(line):
                            return 0
                while True:  # input ended (not a terminal): serve until interrupted
                    threading.Event().wait(0.5)
            except KeyboardInterrupt:
                pass
        return 0
    finally:
        was_open = server is not None and server.running
        if server is not None:
            server.stop()  # requests in flight finish, then the port closes
        file.close()
        if was_open:
            print("room closed", file=out, flush=True)
