"""The demo tells one story: every quote once, under the question it is about, said by the role
that would say it; and the generated report reads true against those quotes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from readiness_app.demo import ORG_NOTE_PLACES, ORG_NOTES, USE_CASE_NOTE_PLACES, USE_CASES, write_demo
from readiness_app.model import CONSENSUS, ORGANISATION
from readiness_app.store.assessment_file import AssessmentFile


@pytest.fixture(scope="module", params=["en", "de"])
def demo(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    path = tmp_path_factory.mktemp("story") / "demo.readiness"
    write_demo(path, language=request.param)
    return path, request.param


def test_every_quote_is_said_once_by_the_role_it_belongs_to(demo: tuple[Path, str]) -> None:
    path, lang = demo
    with AssessmentFile.open_readonly(path) as af:
        lib = af.library()
        people = {p.id: p for p in af.participants()}
        notes = [(a, a.note) for a in af.answers() if a.note.strip() and a.participant_id != CONSENSUS
                 and not a.not_applicable]
    said = Counter(note for _a, note in notes)
    assert said and max(said.values()) == 1, said.most_common(3)  # no quote credited twice
    where: dict[str, tuple[str, str, str]] = {}
    for scope, texts, places in [(ORGANISATION, ORG_NOTES, ORG_NOTE_PLACES),
                                 *((u.id, u.notes, USE_CASE_NOTE_PLACES[u.id]) for u in USE_CASES)]:
        for text, (dimension, role) in zip(texts, places, strict=True):
            where[text[1] if lang == "de" else text[0]] = (scope, dimension, role)
    for a, note in notes:
        scope, dimension, role = where[note]  # every note is one of the written quotes
        assert a.scope == scope, (note, a.scope)
        assert lib.question(a.question_id).dimension == dimension, (note, a.question_id)
        assert people[a.participant_id].role == role, (note, people[a.participant_id].role)


def test_each_use_case_quote_has_a_place() -> None:
    for u in USE_CASES:
        assert len(USE_CASE_NOTE_PLACES[u.id]) == len(u.notes), u.id
    assert len(ORG_NOTE_PLACES) == len(ORG_NOTES)
