"""What the phones may see and do: claims, the current question, each participant's own vote.

:class:`Room` knows nothing of HTTP or Qt. The server calls its request methods from worker
threads; the facilitator's side (the desktop app or ``readiness room``) tells it what is on
the projector with :meth:`Room.update` and stores votes through the ``submit`` callable the
room was built with (the desktop app's operations layer, or the file itself). Every refusal is
a :class:`RoomError` with an HTTP status, a short code the page translates, and an English
sentence for everyone else.

What leaves the room object for a phone is deliberately small: the participants' names (to
pick one's own), and once a device has claimed a participant, the current question in the
device's language and that participant's own vote. Never another vote, a count, a result or
a file name.
"""

from __future__ import annotations

import math
import threading
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from readiness_app.model import ROLES, Answer, Participant, role_label
from readiness_app.questionnaire.loader import Question
from readiness_app.room.codes import join_code, new_secret, new_token, same_secret, token_key
from readiness_app.room.limits import RoomLimits

VOTABLE = ("scale", "choice", "checklist", "number")
SOURCE = "room"  # the ``source`` of every answer stored from a phone

Submit = Callable[[Answer], None]
AddParticipant = Callable[[str, str], Participant]


class RoomError(Exception):
    """A refused request: ``status`` (HTTP), ``code`` (the page's key for its message), English text."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def payload(self) -> dict[str, str]:
        return {"error": self.message, "code": self.code}


@dataclass(frozen=True, slots=True)
class Current:
    """The question on the projector: its scope (``org`` or a use case), whether the votes are
    revealed, and the votes given so far by participant id."""

    question: Question
    scope: str
    scope_name: str = ""  # the use case's name, for use-case questions
    revealed: bool = False
    votes: Mapping[str, Answer] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.question.id}|{self.scope}"


def _voted(a: Answer | None) -> bool:
    return a is not None and (a.value is not None or a.not_applicable)


def _clean(text: Any, limit: int, what: str) -> str:
    if text is None:
        return ""
    if not isinstance(text, str):
        raise RoomError(422, "invalid", f"the {what} must be text")
    cleaned = "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C").strip()
    if len(cleaned) > limit:
        raise RoomError(422, "too_long", f"the {what} is longer than {limit} characters")
    return cleaned


class Room:
    """One open room: its secret, the claims of devices on participants, and what is current."""

    def __init__(self, submit: Submit, *, add_participant: AddParticipant | None = None,
                 limits: RoomLimits | None = None, secret: str | None = None) -> None:
        self.secret = secret or new_secret()
        self.limits = limits or RoomLimits()
        self.allow_self_join = False
        self._submit = submit
        self._add_participant = add_participant
        self._lock = threading.RLock()
        self._participants: dict[str, Participant] = {}
        self._current: Current | None = None
        self._claims: dict[str, str] = {}  # token hash -> participant id
        self._claimed_by: dict[str, str] = {}  # participant id -> token hash
        self._listeners: list[Callable[[], None]] = []
        self.version = 0
        self.closed = False

    # ---------------------------------------------------------------- the facilitator's side

    @property
    def join_code(self) -> str:
        return join_code(self.secret)

    def check_secret(self, candidate: str) -> bool:
        return same_secret(candidate, self.secret)

    def on_change(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (from whichever thread) after a claim, a release or a vote."""
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    def update(self, *, participants: Sequence[Participant] | None = None,
               current: Current | bool | None = False) -> None:
        """Tell the room who is in it and what is on the projector (``current=None``: nothing).

        Claims on participants that are gone are dropped.
        """
        with self._lock:
            if participants is not None:
                self._participants = {p.id: p for p in participants}
                for pid in [p for p in self._claimed_by if p not in self._participants]:
                    self._claims.pop(self._claimed_by.pop(pid), None)
            if current is not False:
                assert current is None or isinstance(current, Current)
                self._current = current
            self.version += 1

    @property
    def current(self) -> Current | None:
        return self._current

    def participants(self) -> list[Participant]:
        with self._lock:
            return list(self._participants.values())

    def claimed(self) -> set[str]:
        """The ids of participants a device has claimed."""
        with self._lock:
            return set(self._claimed_by)

    def release(self, participant_id: str) -> bool:
        """The facilitator frees a participant, so another device can claim them; the old device's token is void."""
        with self._lock:
            key = self._claimed_by.pop(participant_id, None)
            if key is None:
                return False
            self._claims.pop(key, None)
            self.version += 1
        self._changed()
        return True

    def progress(self) -> tuple[int, int]:
        """(voted, participants) for the current question: "9 of 12 voted"."""
        with self._lock:
            cur = self._current
            total = len(self._participants)
            if cur is None:
                return 0, total
            return sum(1 for pid in self._participants if _voted(cur.votes.get(pid))), total

    def close(self) -> None:
        with self._lock:
            self.closed = True
            self._claims.clear()
            self._claimed_by.clear()
            self.version += 1

    # ---------------------------------------------------------------- requests from phones

    def _check_open(self) -> None:
        if self.closed:
            raise RoomError(503, "closed", "the room is closed")

    def participant_of(self, token: str | None) -> Participant:
        """The participant this device's claim token stands for; 401 without a valid claim."""
        self._check_open()
        if not token:
            raise RoomError(401, "not_claimed", "this device has not claimed a participant")
        with self._lock:
            pid = self._claims.get(token_key(token))
            participant = self._participants.get(pid) if pid is not None else None
        if participant is None:
            raise RoomError(401, "not_claimed",
                            "this device's claim is not valid (released by the facilitator, or the room was reopened)")
        return participant

    def participants_view(self, lang: str = "en") -> list[dict[str, Any]]:
        self._check_open()
        with self._lock:
            return [{"id": p.id, "name": p.name, "role": role_label(p.role, lang), "taken": p.id in self._claimed_by}
                    for p in self._participants.values()]

    def claim(self, participant_id: Any, token: str | None = None) -> tuple[str, Participant]:
        """Claim ``participant_id`` for this device; returns the device's token (the same one if it
        already holds this participant). A device holds one participant: claiming another lets go
        of the first. 409 when another device holds the participant."""
        self._check_open()
        if not isinstance(participant_id, str):
            raise RoomError(422, "invalid", "name the participant to claim")
        with self._lock:
            participant = self._participants.get(participant_id)
            if participant is None:
                raise RoomError(404, "unknown_participant", "there is no such participant in this room")
            key = token_key(token) if token else None
            holder = self._claimed_by.get(participant_id)
            if holder is not None and holder == key:
                assert token is not None
                return token, participant
            if holder is not None:
                raise RoomError(409, "claimed", "another device has claimed this participant; "
                                                "the facilitator can release the claim")
            if key is not None and key in self._claims:  # this device lets go of its previous participant
                self._claimed_by.pop(self._claims.pop(key), None)
            new = new_token()
            self._claims[token_key(new)] = participant_id
            self._claimed_by[participant_id] = token_key(new)
            self.version += 1
        self._changed()
        return new, participant

    def unclaim(self, token: str | None) -> None:
        """The device lets go of its participant ("this is not me")."""
        participant = self.participant_of(token)
        self.release(participant.id)

    def self_join(self, name: Any, role: Any, token: str | None = None) -> tuple[str, Participant]:
        """Add a participant (when the facilitator allows it) and claim them for this device."""
        self._check_open()
        if not self.allow_self_join or self._add_participant is None:
            raise RoomError(403, "self_join_off", "the facilitator has not allowed adding yourself")
        clean = _clean(name, self.limits.max_name, "name")
        if not clean:
            raise RoomError(422, "name_missing", "enter your name")
        if role not in ROLES:
            raise RoomError(422, "invalid", f"the role must be one of {', '.join(ROLES)}")
        with self._lock:
            if any(p.name.casefold() == clean.casefold() for p in self._participants.values()):
                raise RoomError(409, "name_taken", "a participant of this name is already in the list; pick it there")
        participant = self._store(lambda: self._add_participant(clean, role) if self._add_participant else None)
        assert isinstance(participant, Participant)
        with self._lock:
            self._participants.setdefault(participant.id, participant)
        return self.claim(participant.id, token)

    def state(self, token: str | None, lang: str = "en") -> dict[str, Any]:
        """What the phone shows: its participant, the current question and its own vote on it."""
        participant = self.participant_of(token)
        with self._lock:
            cur = self._current
            version = self.version
        out: dict[str, Any] = {"open": True, "version": version, "poll_ms": self.limits.poll_ms,
                               "participant": {"id": participant.id, "name": participant.name},
                               "question": None, "revealed": False, "vote": None}
        if cur is not None:
            out["question"] = question_view(cur, lang)
            out["revealed"] = cur.revealed
            own = cur.votes.get(participant.id)
            out["vote"] = vote_view(own) if _voted(own) else None
        return out

    def vote(self, token: str | None, body: Mapping[str, Any]) -> dict[str, Any]:
        """Store this device's participant's vote on the current question (refused once revealed)."""
        participant = self.participant_of(token)
        claimed_as = body.get("participant")
        if claimed_as is not None and claimed_as != participant.id:
            raise RoomError(403, "not_yours", "this device may vote only as the participant it claimed")
        with self._lock:
            cur = self._current
        if cur is None or body.get("question") != cur.question.id or body.get("scope") != cur.scope:
            raise RoomError(409, "not_current", "this question is not the one on the projector now")
        if cur.revealed:
            raise RoomError(409, "voting_closed", "the votes on this question are revealed; voting is closed")
        if cur.question.type not in VOTABLE:
            raise RoomError(409, "not_votable", "this question is answered by the room together")
        answer = self._answer(cur, participant, body)
        self._store(lambda: self._submit(answer))
        with self._lock:
            now = self._current
            if now is not None and now.key == cur.key:
                self._current = replace(now, votes={**now.votes, participant.id: answer})
            self.version += 1
        self._changed()
        return {"received": True, "vote": vote_view(answer)}

    def _store(self, action: Callable[[], Any]) -> Any:
        """Run the facilitator's side of a write; anything it refuses is a 422/503 for the phone."""
        from readiness_app.errors import ReadinessError

        try:
            return action()
        except RoomError:
            raise
        except (ValueError, KeyError) as exc:
            raise RoomError(422, "invalid", str(exc)) from exc
        except ReadinessError as exc:
            raise RoomError(503, "not_saved", f"the vote could not be saved: {exc.one_line()}") from exc
        except TimeoutError as exc:
            raise RoomError(503, "not_saved", "the facilitator's computer did not take the vote in time") from exc

    def _answer(self, cur: Current, participant: Participant, body: Mapping[str, Any]) -> Answer:
        q = cur.question
        note = _clean(body.get("note"), self.limits.max_note, "note")
        na = body.get("na", False)
        if not isinstance(na, bool):
            raise RoomError(422, "invalid", "'na' is true or false")
        value: Any = None
        if na:
            reason = _clean(body.get("reason"), self.limits.max_note, "reason")
            if not reason:
                raise RoomError(422, "reason_missing", "say why the question does not apply")
            note = reason if not note else f"{reason}\n{note}"[: self.limits.max_note]
        else:
            value = _value(q, body.get("value"))
        return Answer(q.id, cur.scope, participant.id, value=value, not_applicable=na, note=note,
                      author=participant.name, source=SOURCE)


def _value(q: Question, value: Any) -> Any:
    bad = RoomError(422, "invalid", f"not a valid answer to a {q.type} question")
    if q.type == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 4:
            raise bad
        return value
    if q.type == "choice":
        if not isinstance(value, str) or q.option(value) is None:
            raise bad
        return value
    if q.type == "checklist":
        if not isinstance(value, list) or not all(isinstance(v, str) and q.option(v) is not None for v in value):
            raise bad
        ticked = set(value)
        return [o.id for o in q.options if o.id in ticked]
    if q.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or abs(value) >= 1e12:
            raise bad
        return int(value) if float(value).is_integer() else float(value)
    raise bad


def question_view(cur: Current, lang: str) -> dict[str, Any]:
    """The current question as a phone sees it, in ``lang``; no votes, no results."""
    q = cur.question
    levels = []
    if q.type == "scale":
        for i in range(5):
            label = q.levels[i].get(lang) if i < len(q.levels) else ""
            levels.append({"value": i, "label": label})
    return {
        "key": cur.key, "id": q.id, "scope": cur.scope, "type": q.type, "context": cur.scope_name,
        "text": q.text.get(lang), "help": q.help.get(lang), "levels": levels,
        "options": [{"id": o.id, "label": o.label.get(lang)} for o in q.options] if q.type != "scale" else [],
        "unit": q.unit.get(lang) if q.unit is not None else "", "votable": q.type in VOTABLE,
    }


def vote_view(a: Answer | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {"value": a.value, "na": a.not_applicable, "note": a.note}
