"""Hidden votes: may what the votes say be shown now?

In a workshop the room votes first and sees the votes only when the facilitator reveals
them, so that nobody anchors on the others. Until then nothing derived from the votes of
that question may show anywhere: not the votes, not their median or spread, not a score,
colour or tooltip built from them. This module is the one rule every view asks:

* the recorded consensus (the facilitator's answer) is always visible;
* the votes on one question in one scope are visible once that (question, scope) is
  revealed, or when every vote is shown (``show_all``: the facilitator preparing alone, a
  finished workshop, the command line and the deliverables) and it was not hidden again.

* a vote carried over from the baseline into a follow-up (its ``source`` starts with
  "baseline: ") was revealed in that earlier workshop and stays visible until it is changed.

The file keeps the choice in its ``meta`` table (:func:`from_meta`, :func:`meta_changes`), so a
reopened workshop shows what the room has seen and nothing more.

Scoring a :func:`visible_input` gives the scores the room may see now: hidden votes count as
not given. Pure: no Qt, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from readiness_app.model import CONSENSUS, Answer
from readiness_app.scoring.inputs import ScoringInput

Key = tuple[str, str]  # (question id, scope)
SEEN_SOURCES = ("baseline: ",)  # votes the room has already seen elsewhere (followup.baseline writes them)


@dataclass(frozen=True, slots=True)
class Visibility:
    """Which votes may be shown: the revealed (question, scope) pairs, or all of them."""

    revealed: frozenset[Key] = frozenset()
    show_all: bool = False
    hidden: frozenset[Key] = frozenset()  # hidden again while ``show_all``

    def votes_shown(self, question_id: str, scope: str) -> bool:
        """May the votes on ``question_id`` in ``scope`` (and anything made from them) be shown now?"""
        key = (question_id, scope)
        return key in self.revealed or (self.show_all and key not in self.hidden)

    def may_show(self, answer: Answer) -> bool:
        """May this answer (a consensus or one participant's vote) be shown now?"""
        return (answer.participant_id == CONSENSUS or answer.source.startswith(SEEN_SOURCES)
                or self.votes_shown(answer.question_id, answer.scope))

    def all_shown(self, question_id: str, scope: str, votes: Iterable[Answer]) -> bool:
        """May every one of these votes on one question be shown (so the vote grid shows them)?"""
        return self.votes_shown(question_id, scope) or all(self.may_show(a) for a in votes)

    def shown(self, answers: Iterable[Answer]) -> list[Answer]:
        """The answers that may be shown now, in their order."""
        if self.show_all and not self.hidden:
            return list(answers)
        return [a for a in answers if self.may_show(a)]

    def with_revealed(self, question_id: str, scope: str, on: bool) -> Visibility:
        key = (question_id, scope)
        if on:
            return replace(self, revealed=self.revealed | {key}, hidden=self.hidden - {key})
        return replace(self, revealed=self.revealed - {key},
                       hidden=self.hidden | {key} if self.show_all else self.hidden)

    def with_all(self, on: bool) -> Visibility:
        """Every vote shown (``on``), or only the revealed ones again."""
        return Visibility(revealed=self.revealed, show_all=on)


SHOW_ALL = Visibility(show_all=True)

META_PREFIX = "revealed:"  # meta "revealed:<question id>|<scope>" = "1" (revealed) or "0" (hidden again)
META_ALL = META_PREFIX + "*"  # = "1": every vote shown


def meta_key(question_id: str, scope: str) -> str:
    return f"{META_PREFIX}{question_id}|{scope}"


def from_meta(meta: Mapping[str, str]) -> Visibility:
    """The visibility a file's ``meta`` entries record (no entries: every vote hidden)."""
    revealed: set[Key] = set()
    hidden: set[Key] = set()
    for key, value in meta.items():
        if not key.startswith(META_PREFIX) or key == META_ALL:
            continue
        qid, sep, scope = key[len(META_PREFIX):].partition("|")
        if qid and sep and scope:
            (revealed if value == "1" else hidden).add((qid, scope))
    show_all = meta.get(META_ALL) == "1"
    return Visibility(frozenset(revealed), show_all, frozenset(hidden) if show_all else frozenset())


def meta_changes(before: Visibility, after: Visibility) -> dict[str, str | None]:
    """The meta entries to write (``None``: remove) so that the file records ``after``."""
    out: dict[str, str | None] = {}
    if before.show_all != after.show_all:
        out[META_ALL] = "1" if after.show_all else None
    for key in before.revealed | before.hidden | after.revealed | after.hidden:
        value = "1" if key in after.revealed else "0" if key in after.hidden else None
        was = "1" if key in before.revealed else "0" if key in before.hidden else None
        if value != was:
            out[meta_key(*key)] = value
    return out


def visible_input(inp: ScoringInput, visibility: Visibility) -> ScoringInput:
    """``inp`` without the votes that are still hidden (their questions score as not yet answered)."""
    if visibility.show_all and not visibility.hidden:
        return inp
    return replace(inp, answers=tuple(visibility.shown(inp.answers)))


__all__ = ["META_ALL", "META_PREFIX", "SHOW_ALL", "Key", "Visibility", "from_meta", "meta_changes", "meta_key",
           "visible_input"]
