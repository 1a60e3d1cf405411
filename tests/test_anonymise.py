"""Anonymised export, checked the way a data-protection officer would: grep the raw file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.errors import ExportError
from readiness_app.followup.anonymise import anonymise, installation_salt, pseudonym
from readiness_app.followup.baseline import start_followup
from readiness_app.followup.portfolio import build_portfolio
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.scoring import build_input, score
from readiness_app.store.assessment_file import AssessmentFile

SALT = "kessler-partner-2025"
IMPORTED_FROM = "Alpenland_Votes_Q1.xlsx / Votes / row 12"


@pytest.fixture
def workshop(demo_file: Path) -> Path:
    """The demo workshop plus what a real file collects: an imported answer and roadmap edits."""
    with AssessmentFile.open(demo_file, author="Dr. Miriam Kessler") as af:
        q = next(q for q in af.library().iter_questions() if q.scope == "organisation" and q.type == "scale")
        af.set_answer(Answer(q.id, ORGANISATION, af.participants()[0].id, 2, source=IMPORTED_FROM))
        af.add_roadmap_edit("act.select_first_lane", "edit", {"owner": "Katharina Gruber", "due_week": 3})
        af.add_roadmap_edit("custom-1", "add", {"title": "Brief Alpenland's CIO on the pilot", "phase": 1,
                                                "owner": "Monika Steiner", "owner_role": "sponsor"})
    return demo_file


def originals(path: Path) -> tuple[set[str], dict[str, object]]:
    """Every text that must not survive, and the facts that must."""
    with AssessmentFile.open_readonly(path) as af:
        e = af.engagement()
        library = af.library()
        snapshot = "\n".join([*(qn.source for qn in library.questionnaires), library.library_source]).lower()
        text_questions = {q.id for q in library.iter_questions() if q.type == "text"}
        answers = af.answers()
        secret = {e.client, e.facilitator, e.consultancy, e.notes, e.title}
        secret |= {p.name for p in af.participants()} | {p.id for p in af.participants()}
        secret |= {u.name for u in af.use_cases()} | {u.description for u in af.use_cases()}
        secret |= {a.note for a in answers} | {a.source for a in answers}
        secret |= {str(a.value) for a in answers if a.question_id in text_questions}
        secret |= {"Brief Alpenland's CIO on the pilot", "Alpenland", "Kessler", "Innsbruck"}
        results = score(build_input(af))
        facts = {"maturity": results.maturity,
                 "priorities": [(u.position, u.priority.value, u.readiness) for u in results.use_cases],
                 "answers": len([a for a in answers if a.question_id not in text_questions]),
                 "text_answers": len([a for a in answers if a.question_id in text_questions]),
                 "notes": len([a for a in answers if a.note]),
                 "industry": e.industry}
    return {s for s in secret if s and s.lower() not in snapshot}, facts


def test_no_original_name_or_note_anywhere_in_the_file(workshop: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    secret, facts = originals(workshop)
    assert facts["notes"] and facts["text_answers"], "the demo has notes and free-text answers to remove"
    original = workshop.read_bytes().lower()
    assert sum(s.lower().encode("utf-8") in original for s in secret) > 50, "the grep below can find them"
    out = tmp_path / "pooled.readiness"
    assert main(["anonymise", str(workshop), "-o", str(out), "--salt", SALT]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} (anonymised)"

    raw = out.read_bytes().lower()
    leaked = sorted(s for s in secret if s.lower().encode("utf-8") in raw)
    assert leaked == [], f"still in the anonymised file: {leaked}"
    assert b"gruber" not in raw, "not even inside an id (p-gruber)"

    with AssessmentFile.open_readonly(out) as af:
        e = af.engagement()
        assert re.fullmatch(r"Client [0-9a-f]{4}", e.client)
        assert re.fullmatch(r"Facilitator [0-9a-f]{4}", e.facilitator)
        assert e.notes == "" and e.industry == facts["industry"]
        assert all(re.fullmatch(r"Participant [0-9a-f]{4}", p.name) and p.organisation == ""
                   for p in af.participants())
        assert [u.name for u in af.use_cases()] == [f"Use case {i}" for i in range(1, 9)]  # the demo's eight
        answers = af.answers()
        assert len(answers) == facts["answers"], "every scored answer kept; free text dropped"
        assert not any(a.note or a.source or a.author for a in answers)
        assert all(e.entity in ("assessment", "participant", "use_case", "answers", "target", "roadmap", "meta")
                   for e in af.changelog()), "the original change log is not copied"
        edits = af.roadmap_edits()
        assert edits[0].payload == {"owner": af.participants()[0].name, "due_week": 3}
        assert edits[1].payload["title"] == "Custom action 2"
        results = score(build_input(af))
    assert results.maturity == facts["maturity"], "the benchmark sees the same maturity"
    assert [(u.position, u.priority.value, u.readiness) for u in results.use_cases] == facts["priorities"]


def test_pseudonyms_are_stable_across_files_and_salted(workshop: Path, tmp_path: Path) -> None:
    followup = tmp_path / "q2.readiness"
    from readiness_app.questionnaire.loader import load_library

    start_followup(workshop, followup, prefill=True, library=load_library())
    a, b, c = tmp_path / "a.readiness", tmp_path / "b.readiness", tmp_path / "c.readiness"
    anonymise(workshop, a, salt=SALT)
    anonymise(followup, b, salt=SALT)
    anonymise(workshop, c, salt="another consultancy")
    with AssessmentFile.open_readonly(a) as fa, AssessmentFile.open_readonly(b) as fb, \
            AssessmentFile.open_readonly(c) as fc:
        names_a = [p.name for p in fa.participants()]
        assert names_a == [p.name for p in fb.participants()], "same person, same pseudonym"
        assert fa.engagement().client == fb.engagement().client == pseudonym(SALT, "client", "Alpenland Versicherung AG")
        assert names_a != [p.name for p in fc.participants()], "another salt, other pseudonyms"
        assert len(set(names_a)) == len(names_a)
        meta_a, meta_b = fa.meta(), fb.meta()
        assert meta_b["baseline_assessment_id"] == meta_a["assessment_id"], "the follow-up link survives, hashed"
        assert "baseline_results" not in meta_b and "baseline_file" not in meta_b
    pool = tmp_path / "pool"
    pool.mkdir()
    shutil.copyfile(a, pool / "a.readiness")
    shutil.copyfile(b, pool / "b.readiness")
    p = build_portfolio(pool)
    assert p.assessments == 1, "a pooled client counts once, with its latest assessment"


def test_without_salt_this_computers_salt_is_used(workshop: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "1.readiness", tmp_path / "2.readiness"
    assert main(["anonymise", str(workshop), "-o", str(one)]) == 0
    assert main(["anonymise", str(workshop), "-o", str(two)]) == 0
    salt = installation_salt()
    assert len(salt) == 64
    with AssessmentFile.open_readonly(one) as f1, AssessmentFile.open_readonly(two) as f2:
        assert f1.engagement().client == f2.engagement().client == pseudonym(salt, "client", "Alpenland Versicherung AG")


def test_never_overwrites_by_accident_and_leaves_no_half_file(workshop: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.readiness"
    out.write_bytes(b"earlier export")
    assert main(["anonymise", str(workshop), "-o", str(out), "--salt", SALT]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already exists" in err
    assert out.read_bytes() == b"earlier export"
    assert main(["anonymise", str(workshop), "-o", str(out), "--salt", SALT, "--force"]) == 0
    assert out.read_bytes().startswith(b"SQLite format 3")
    assert main(["anonymise", str(workshop), "-o", str(workshop), "--force"]) == 1
    assert "must be a new file" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        main(["anonymise", str(workshop)])  # no -o
    assert exc.value.code == 2


def test_self_check_refuses_when_a_name_hides_in_kept_data(workshop: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """The industry is kept verbatim; a client name typed into it must stop the export."""
    with AssessmentFile.open(workshop) as af:
        af.update_engagement(industry="Insurance (Alpenland Versicherung AG group)")
    out = tmp_path / "leaky.readiness"
    with pytest.raises(ExportError, match="Alpenland Versicherung AG"):
        anonymise(workshop, out, salt=SALT)
    assert main(["anonymise", str(workshop), "-o", str(out), "--salt", SALT]) == 1
    assert "nothing was written" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.readiness"], "no output, no temp file"


def test_consensus_and_not_applicable_survive(workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.readiness"
    anonymise(workshop, out, salt=SALT)
    with AssessmentFile.open_readonly(workshop) as src, AssessmentFile.open_readonly(out) as dst:
        before = sorted((a.question_id, a.participant_id == CONSENSUS, a.not_applicable, str(a.value))
                        for a in src.answers() if a.question_id in {q.id for q in src.library().iter_questions()
                                                                    if q.type != "text"})
        after = sorted((a.question_id, a.participant_id == CONSENSUS, a.not_applicable, str(a.value))
                       for a in dst.answers())
        assert before == after
        assert src.targets() == dst.targets()
