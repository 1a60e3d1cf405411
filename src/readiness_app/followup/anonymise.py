"""Anonymised export of an assessment, so a consultancy can pool benchmark data safely.

``anonymise(src_path, out_path, *, salt=None, overwrite=False) -> None`` writes a new
assessment file (built beside the target, checked, then swapped in) that keeps what a
benchmark needs and nothing that names anyone:

kept
    the questionnaire snapshot; the industry and workshop dates; participants' roles and
    order; use cases' stages and order; every scale, choice, checklist and number answer
    (votes and consensus, "not applicable" marks); maturity targets; the roadmap edits'
    effect (moves, removals, done marks); the assessment id and its baseline link, both as
    salted hashes, so copies and follow-ups still match up in a portfolio.
replaced by stable pseudonyms
    participants ("Participant 3f2a"), the client ("Client 9b1c"), the facilitator and the
    consultancy; use cases become "Use case 1", "Use case 2", ... (their names and
    descriptions are free text that often names the client); participant and use-case ids
    become salted hashes (ids may be made from names, e.g. ``p-gruber``).
removed
    every note (answers', engagement's), free-text answers, provenance (``source``),
    answer authors, participants' departments, the engagement title, custom roadmap titles,
    the change log (the new file's log only records the anonymised build), and the stored
    baseline snapshot and path of a follow-up (they hold names; the hashed link stays).

Pseudonyms are ``HMAC-SHA256(salt, kind + normalised original)``, shortened to four hex
digits (longer when two people in one file would collide). The same salt gives the same
pseudonym in every file, so a participant keeps their pseudonym from baseline to follow-up;
without the salt nobody can test a guessed name. ``salt=None`` uses this computer's own
random salt (created once in the user's data folder, :func:`installation_salt`): pass one
shared salt to make a whole consultancy's exports match.

Before the file is moved in place its raw bytes are searched (ignoring case) for every
original name, the client, every note and free-text answer (texts of four characters or more
that do not also occur in the questionnaires); a hit aborts the export
(:class:`~readiness_app.errors.ExportError`) and leaves nothing behind.

The industry is kept verbatim (the portfolio groups by it): keep it generic.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sys
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from readiness_app import __version__
from readiness_app.errors import AssessmentFileError, ExportError
from readiness_app.messages import msg
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Engagement, Participant, RoadmapEdit, UseCase
from readiness_app.store.assessment_file import AssessmentFile

SALT_FILE = "anonymise-salt"
MIN_CHECKED_LENGTH = 4  # shorter originals ("Al", "IT") are too common to search for


def installation_salt() -> str:
    """This computer's random salt (created on first use in the per-user data folder)."""
    path = _data_dir() / SALT_FILE
    with contextlib.suppress(OSError):
        text = path.read_text(encoding="utf-8").strip()
        if text:
            return text
    path.parent.mkdir(parents=True, exist_ok=True)
    salt = secrets.token_hex(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(salt + "\n")
    return salt


def pseudonym(salt: str, kind: str, original: str, digits: int = 4) -> str:
    """``"<Kind> <hex>"``: stable for the same salt, kind and (whitespace/case-normalised) original."""
    digest = _digest(salt, kind, " ".join(original.split()).casefold())
    return f"{kind.capitalize()} {digest[:digits]}"


def hashed_id(salt: str, assessment_id: str) -> str:
    """The anonymised file's assessment id (and baseline link): a salted hash of the original."""
    return _digest(salt, "assessment", assessment_id)[:32] if assessment_id else ""


def _digest(salt: str, kind: str, original: str) -> str:
    return hmac.new(salt.encode("utf-8"), f"{kind}\x00{original}".encode(), hashlib.sha256).hexdigest()


def anonymise(src_path: Path | str, out_path: Path | str, *, salt: str | None = None,
              overwrite: bool = False) -> None:
    """Write an anonymised copy of ``src_path`` to ``out_path`` (see the module docstring).

    Raises :class:`~readiness_app.errors.AssessmentFileError` when the source cannot be read
    or ``out_path`` exists (without ``overwrite``) or is the source itself, and
    :class:`~readiness_app.errors.ExportError` when the result would still hold an original name.
    """
    src_path, out_path = Path(src_path), Path(out_path)
    if out_path.exists() and out_path.resolve() == src_path.resolve():
        raise AssessmentFileError(msg("the anonymised copy must be a new file, not the original"), path=str(out_path))
    if out_path.exists() and not overwrite:
        raise AssessmentFileError(msg("a file of this name already exists"), path=str(out_path))
    if not out_path.parent.is_dir():
        raise AssessmentFileError(msg("the folder does not exist"), path=str(out_path.parent))
    salt = installation_salt() if salt is None else salt

    with AssessmentFile.open_readonly(src_path) as src:
        library = src.library()
        engagement = src.engagement()
        participants = src.participants()
        use_cases = src.use_cases()
        answers = src.answers()
        targets = src.targets()
        edits = src.roadmap_edits()
        meta = src.meta()

    people = _participant_pseudonyms(salt, [p.name for p in participants])
    by_name = {" ".join(p.name.split()).casefold(): people[p.name] for p in participants}
    pid = {p.id: "p-" + _digest(salt, "participant-id", p.id)[:10] for p in participants}
    pid[CONSENSUS] = CONSENSUS
    ucid = {u.id: "uc-" + _digest(salt, "use-case-id", u.id)[:10] for u in use_cases}
    ucid[ORGANISATION] = ORGANISATION
    clean = Engagement(
        client=pseudonym(salt, "client", engagement.client) if engagement.client.strip() else "",
        industry=engagement.industry,
        title="AI readiness workshop",
        workshop_start=engagement.workshop_start,
        workshop_end=engagement.workshop_end,
        facilitator=pseudonym(salt, "facilitator", engagement.facilitator) if engagement.facilitator.strip() else "",
        language=engagement.language,
        consultancy=pseudonym(salt, "consultancy", engagement.consultancy) if engagement.consultancy.strip() else "",
        notes="",
    )
    text_questions = {q.id for q in library.iter_questions() if q.type == "text"}
    kept = [
        Answer(a.question_id, ucid[a.scope], pid[a.participant_id], a.value, a.not_applicable, note="",
               questionnaire_id=a.questionnaire_id, questionnaire_version=a.questionnaire_version,
               author="", updated_at=a.updated_at, source="")
        for a in answers
        if a.question_id not in text_questions and a.scope in ucid and a.participant_id in pid
    ]
    snapshot = "\n".join([*(qn.source for qn in library.questionnaires), library.library_source]).lower()
    originals = {t for t in _originals(engagement, participants, use_cases, answers, edits, meta, text_questions)
                 if t.lower() not in snapshot}

    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.anonymising")
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        af = AssessmentFile.create(tmp, library, clean, author="", lock=False)
        try:
            for p in participants:
                af.add_participant(people[p.name], p.role, "", participant_id=pid[p.id], position=p.position)
            for i, u in enumerate(use_cases, start=1):
                af.add_use_case(f"Use case {i}", "", u.stage, use_case_id=ucid[u.id], position=u.position)
            af.set_answers(kept, action="anonymise")
            for dimension, level in sorted(targets.items()):
                af.set_target(dimension, level)
            if edits:
                af.restore_roadmap_edits(_clean_edits(edits, by_name))
            for key in ("created_at",):
                if key in meta:
                    af.set_meta(key, meta[key])
            af.set_meta("assessment_id", hashed_id(salt, meta.get("assessment_id", "")))
            if meta.get("baseline_assessment_id"):
                af.set_meta("baseline_assessment_id", hashed_id(salt, meta["baseline_assessment_id"]))
            af.set_meta("anonymised_with", f"Readiness Studio {__version__}")
        finally:
            af.close()
        leaked = _leaks(tmp.read_bytes(), originals)
        if leaked:
            raise ExportError(msg("the anonymised copy would still contain {leaked}; nothing was written",
                                  leaked=repr(leaked)),
                              path=str(out_path))
        os.replace(tmp, out_path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def _participant_pseudonyms(salt: str, names: Iterable[str]) -> dict[str, str]:
    names = list(names)
    for digits in (4, 6, 8, 12, 64):
        out = {n: pseudonym(salt, "participant", n, digits) for n in names}
        distinct_people = {" ".join(n.split()).casefold() for n in names}
        if len(set(out.values())) == len(distinct_people):
            return out
    return {n: f"Participant {i}" for i, n in enumerate(names, start=1)}  # pragma: no cover


def _clean_edits(edits: Iterable[RoadmapEdit], people: Mapping[str, str]) -> list[RoadmapEdit]:
    out = []
    for n, e in enumerate(edits, start=1):
        payload: dict[str, Any] = {}
        for key, value in e.payload.items():
            if key in ("phase", "due_week", "done", "owner_role", "effort"):
                payload[key] = value
            elif key == "owner" and isinstance(value, str):
                mapped = people.get(" ".join(value.split()).casefold())
                if mapped:
                    payload[key] = mapped
        if e.op == "add":
            payload["title"] = f"Custom action {n}"
        out.append(replace(e, payload=payload, author=""))
    return out


def _originals(engagement: Engagement, participants: Iterable[Participant], use_cases: Iterable[UseCase],
               answers: Iterable[Answer], edits: Iterable[RoadmapEdit], meta: Mapping[str, str],
               text_questions: Container[str]) -> set[str]:
    """Every original text that must not survive (the self-check's search list)."""
    found = {engagement.client, engagement.facilitator, engagement.consultancy, engagement.notes,
             engagement.title, meta.get("baseline_file", ""), meta.get("assessment_id", "")}
    for p in participants:
        found.update((p.name, p.organisation))
    for u in use_cases:
        found.update((u.name, u.description))
    for a in answers:
        found.update((a.note, a.source, a.author))
        if a.question_id in text_questions and isinstance(a.value, str):
            found.add(a.value)
    for e in edits:
        found.add(e.author)
        found.update(v for k, v in e.payload.items() if k in ("title", "owner") and isinstance(v, str))
    generic = {"AI readiness workshop"}
    return {s.strip() for s in found if len(s.strip()) >= MIN_CHECKED_LENGTH and s.strip() not in generic}


def _leaks(raw: bytes, originals: Iterable[str]) -> str | None:
    lowered = raw.lower()
    for text in sorted(originals, key=len):
        if text.lower().encode("utf-8") in lowered:
            return text
    return None


def _data_dir() -> Path:
    """The per-user data folder, where Qt's GenericDataLocation puts ``ReadinessStudio``."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ReadinessStudio"
