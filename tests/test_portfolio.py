"""The portfolio benchmark over a folder of assessments, as a consultant runs it.

Each client is the demo workshop (test questionnaires, ``tests/fixtures/followup``) with its
own assessment id, client, industry and agreed maturity answers: every monitoring criterion
answered ``v`` gives a monitoring score of ``1 + 3 * v / 4`` and staged level 4 when
``v >= 2.5`` (else 1), so the expected figures can be worked out by hand.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import shutil
import sqlite3
import uuid
from dataclasses import replace
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.demo import write_demo
from readiness_app.errors import ReadinessError
from readiness_app.followup import portfolio as portfolio_module
from readiness_app.followup.baseline import start_followup
from readiness_app.followup.portfolio import build_portfolio, maturity_scores, to_jsonable
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.questionnaire.loader import Library, load_library
from readiness_app.scoring import build_input, score
from readiness_app.store.assessment_file import AssessmentFile

LIBRARY_DIR = Path(__file__).resolve().parent / "fixtures" / "followup"
MONITORING = ("mat.mon.drift", "mat.mon.overrides", "mat.mon.alerts", "mat.mon.automated")
GOVERNANCE = ("mat.dg.owners", "mat.dg.rules", "mat.dg.lineage", "mat.dg.catalogue")

# file name -> (client, industry, monitoring answer v); data governance is answered 2 everywhere
CLIENTS = {
    "a01": ("Hofer Versicherung AG", "Insurance", 0),
    "a02": ("Tiroler Leben", "Insurance", 1),
    "a03": ("Wiener Assekuranz", "insurance ", 2),  # spelled differently: the same industry
    "a04": ("Salzburger Schaden AG", "Insurance", 3),
    "a05": ("Donau Re", "Insurance", 4),
    "a06": ("Grazer Mutual", "Insurance", 4),
    "b01": ("Hofbräu Bank AG", "Banking", 1),
    "b02": ("Raiffeisen Nord", "Banking", 1),
    "b03": ("Kärntner Sparkasse", "Banking", 2),
    "b04": ("Bank Vorarlberg", "Banking", 2),
    "b05": ("Linzer Privatbank", "Banking", 3),
    "r01": ("Alpenmarkt Handels GmbH", "Retail", 4),  # alone in its industry: never named
}


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(LIBRARY_DIR)


@pytest.fixture(scope="module")
def _template(tmp_path_factory: pytest.TempPathFactory, library: Library) -> Path:
    path = tmp_path_factory.mktemp("portfolio-template") / "template.readiness"
    write_demo(path, library=library)
    return path


def make_client(template: Path, path: Path, client: str, industry: str, v: int, w: int = 2) -> Path:
    shutil.copyfile(template, path)
    with AssessmentFile.open(path, author="Consultant") as af:
        af.set_meta("assessment_id", uuid.uuid4().hex)
        af.update_engagement(client=client, industry=industry)
        af.set_answers([Answer(q, ORGANISATION, CONSENSUS, v) for q in MONITORING]
                       + [Answer(q, ORGANISATION, CONSENSUS, w) for q in GOVERNANCE], action="test")
    return path


@pytest.fixture(scope="module")
def _master_folder(tmp_path_factory: pytest.TempPathFactory, _template: Path) -> Path:
    folder = tmp_path_factory.mktemp("portfolio-master") / "clients"
    folder.mkdir()
    for name, (client, industry, v) in CLIENTS.items():
        make_client(_template, folder / f"{name}.readiness", client, industry, v)
    shutil.copyfile(folder / "a01.readiness", folder / "a01 (copy).readiness")
    (folder / "notes.readiness").write_text("meeting notes, not an assessment", encoding="utf-8")
    (folder / "empty.readiness").write_bytes(b"")
    truncated = (folder / "b01.readiness").read_bytes()[:8192]
    (folder / "truncated.readiness").write_bytes(truncated)
    other = sqlite3.connect(folder / "other-app.readiness")
    other.execute("CREATE TABLE t (x)")
    other.commit()
    other.close()
    (folder / "readme.txt").write_text("not looked at", encoding="utf-8")
    return folder


@pytest.fixture
def folder(_master_folder: Path, tmp_path: Path) -> Path:
    target = tmp_path / "clients"
    shutil.copytree(_master_folder, target)
    return target


@pytest.fixture
def current(_template: Path, tmp_path: Path) -> Path:
    """The client in the room: an insurer with monitoring answered 3 (score 3.25), outside the folder."""
    return make_client(_template, tmp_path / "current.readiness", "Alpenland Versicherung AG", "Insurance", 3)


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_benchmark_distribution_industries_and_where_the_client_stands(
        folder: Path, current: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = hashes(folder)
    assert main(["portfolio", str(folder), "--json", "--current", str(current)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert hashes(folder) == before, "nothing in the folder is modified or added"

    assert data["format"] == "readiness-portfolio/1"
    assert data["files"] == 17 and data["assessments"] == 12
    assert data["industries"] == [{"industry": "Insurance", "assessments": 6},
                                  {"industry": "Banking", "assessments": 5}]
    mon = next(d for d in data["dimensions"] if d["dimension_id"] == "monitoring")
    assert mon["name"]["en"] == "Runtime monitoring"
    # scores: 1, 1.75 x3, 2.5 x3, 3.25 x2, 4 x3 (n = 12; quartiles interpolate at (n - 1) * p)
    assert mon["all"] == {"count": 12, "min": 1.0, "q1": 1.75, "median": 2.5, "q3": 3.4375, "max": 4.0,
                          "levels": [7, 0, 0, 5]}
    assert mon["by_industry"]["Banking"] == {"count": 5, "min": 1.75, "q1": 1.75, "median": 2.5, "q3": 2.5,
                                             "max": 3.25, "levels": [4, 0, 0, 1]}
    assert set(mon["by_industry"]) == {"Insurance", "Banking"}
    dg = next(d for d in data["dimensions"] if d["dimension_id"] == "data_governance")
    assert dg["all"]["min"] == dg["all"]["max"] == 2.5  # every criterion 2: 1 + 3 * 2 / 4

    stand = {s["dimension_id"]: s for s in data["current"]["dimensions"]}
    # 3.25 among the 12 peers: 7 below, 2 equal -> (7 + 1) / 12; among the 6 insurers: 3 below, 1 equal
    assert stand["monitoring"]["score"] == 3.25
    assert stand["monitoring"]["percentile"] == 66.7 and stand["monitoring"]["peers"] == 12
    assert stand["monitoring"]["industry_percentile"] == 58.3 and stand["monitoring"]["industry_peers"] == 6
    assert stand["data_governance"]["percentile"] == 50.0  # level with everyone
    assert data["current"]["industry_group"] == "Insurance"

    skipped = {Path(s["path"]).name: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"a01 (copy).readiness", "notes.readiness", "empty.readiness",
                            "truncated.readiness", "other-app.readiness"}
    assert "copy of the same assessment as a01.readiness" in skipped["a01 (copy).readiness"]
    assert "not a Readiness Studio assessment" in skipped["notes.readiness"]
    assert "not a Readiness Studio assessment" in skipped["empty.readiness"]
    assert "damaged" in skipped["truncated.readiness"] or "cannot" in skipped["truncated.readiness"]
    assert "not a Readiness Studio assessment" in skipped["other-app.readiness"]

    benchmark = json.dumps({k: v for k, v in data.items() if k not in ("skipped", "folder")}, ensure_ascii=False)
    for client, _industry, _v in CLIENTS.values():
        assert client not in benchmark, "the benchmark never names another client"
    assert "Retail" not in out, "an industry with fewer than 5 assessments is not named"
    assert "Alpenland" not in out


def test_text_output_lists_skipped_files_with_reasons(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "Portfolio benchmark: 12 assessments (17 files in" in out
    assert "Industries with at least 5 assessments: Insurance (6), Banking (5)" in out
    assert "Runtime monitoring" in out and "Overall maturity" in out
    assert "Skipped 5 file(s):" in out
    assert f"{folder / 'notes.readiness'}: not a Readiness Studio assessment" in out


def test_current_client_inside_the_folder_is_not_its_own_peer(folder: Path) -> None:
    p = build_portfolio(folder, current=folder / "a04.readiness")  # monitoring 3.25, an insurer
    assert p.assessments == 11
    assert p.current is not None
    mon = next(s for s in p.current.dimensions if s.dimension_id == "monitoring")
    # 11 peers: 1, 1.75 x3, 2.5 x3, 3.25 (b05), 4 x3 -> 7 below, 1 equal
    assert (mon.score, mon.peers, mon.percentile) == (3.25, 11, 68.2)
    assert p.current.industry_group == "Insurance"
    assert (mon.industry_peers, mon.industry_percentile) == (5, 60.0)
    # with its industry below 5 peers, no industry percentile (and no industry named)
    q = build_portfolio(folder, current=folder / "b05.readiness")
    assert q.current is not None and q.current.industry_group is None
    assert all(s.industry_percentile is None for s in q.current.dimensions)
    assert [name for name, _n in q.industries] == ["Insurance"]


def test_a_client_counts_once_with_its_latest_assessment(folder: Path, library: Library) -> None:
    start_followup(folder / "b01.readiness", folder / "b01-q2.readiness", library=library)
    with AssessmentFile.open(folder / "b01-q2.readiness") as af:
        af.set_answers([Answer(q, ORGANISATION, CONSENSUS, 4) for q in (*MONITORING, *GOVERNANCE)])
    p = build_portfolio(folder)
    assert p.assessments == 12
    reasons = {Path(s.path).name: s.reason for s in p.skipped}
    assert reasons["b01.readiness"] == "superseded by its follow-up b01-q2.readiness"
    # the follow-up's own client is not its peer either
    q = build_portfolio(folder, current=folder / "b01-q2.readiness")
    assert q.assessments == 11
    assert "an assessment of the current client" in {Path(s.path).name: s.reason for s in q.skipped}["b01.readiness"]


def test_cache_speeds_up_the_second_run_and_notices_changes(folder: Path, tmp_path: Path) -> None:
    first = build_portfolio(folder)
    assert first.from_cache == 0
    cache = portfolio_module.cache_dir() / portfolio_module.CACHE_NAME
    assert cache.is_file() and not str(cache).startswith(str(folder))
    second = build_portfolio(folder)
    assert second.from_cache == 13  # every readable assessment, the copy included
    assert second == replace(first, from_cache=13)
    with AssessmentFile.open(folder / "r01.readiness") as af:
        af.set_answers([Answer(q, ORGANISATION, CONSENSUS, 0) for q in MONITORING])
    third = build_portfolio(folder)
    assert third.from_cache == 12
    mon = next(d for d in third.dimensions if d.dimension_id == "monitoring")
    assert mon.all is not None and mon.all.min == 1.0 and mon.all.levels == (8, 0, 0, 4)
    (folder / "a02.readiness").unlink()
    assert build_portfolio(folder).assessments == 11
    cache.write_text("{not json", encoding="utf-8")  # a broken cache only costs time
    assert build_portfolio(folder).assessments == 11


@pytest.mark.parametrize("method", ["spawn", "fork"])
def test_worker_processes_give_the_same_benchmark(folder: Path, monkeypatch: pytest.MonkeyPatch,
                                                  method: str) -> None:
    alone = build_portfolio(folder, use_cache=False, workers=1)
    monkeypatch.setattr(portfolio_module, "PARALLEL_FROM", 2)
    monkeypatch.setattr(portfolio_module, "_start_method", lambda: multiprocessing.get_context(method))
    progress: list[tuple[int, int]] = []
    together = build_portfolio(folder, use_cache=False, workers=2, progress=lambda d, t: progress.append((d, t)))
    assert together == alone
    assert progress[-1] == (17, 17)


def test_light_maturity_path_matches_full_scoring(demo_file: Path) -> None:
    """The benchmark's light path gives the engine's numbers (on the bundled questionnaires)."""
    with AssessmentFile.open_readonly(demo_file) as af:
        full = score(build_input(af)).maturity
        overall, level, dims = maturity_scores(af.library(), af.answers(ORGANISATION))
    assert overall == full.overall_score and level == full.overall_level
    assert dims == [(d.dimension_id, d.score.value, d.staged_level) for d in full.dimensions]


def test_bad_folder_or_current_is_one_line_exit_1(folder: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["portfolio", str(tmp_path / "missing")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err
    assert main(["portfolio", str(folder), "--current", str(folder / "notes.readiness")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a Readiness Studio assessment" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as exc:
        main(["portfolio"])
    assert exc.value.code == 2
    with pytest.raises(ReadinessError):
        build_portfolio(folder / "a01.readiness")


def test_client_facing_json_holds_no_file_names(folder: Path, current: Path) -> None:
    data = to_jsonable(build_portfolio(folder, current=current), files=False)
    text = json.dumps(data, ensure_ascii=False)
    assert "readiness" not in text.replace("readiness-portfolio/1", "")
    assert "skipped" not in data and "path" not in data["current"]


def test_storage_reads_only_the_asked_questions(demo_file: Path) -> None:
    with AssessmentFile.open_readonly(demo_file) as af:
        every = af.answers()
        wanted = {a.question_id for a in every[:40]}
        assert af.answers(question_ids=wanted) == [a for a in every if a.question_id in wanted]
        assert af.answers(ORGANISATION, question_ids=wanted) == [
            a for a in every if a.question_id in wanted and a.scope == ORGANISATION]
        assert af.answers(question_ids=[]) == []


def test_when_workers_cannot_start_this_process_finishes(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    alone = build_portfolio(folder, use_cache=False, workers=1)

    class NoProcesses:
        def __init__(self, *args: object, **kwargs: object) -> None:
            raise OSError("cannot start processes here")

    monkeypatch.setattr(portfolio_module, "ProcessPoolExecutor", NoProcesses)
    monkeypatch.setattr(portfolio_module, "PARALLEL_FROM", 2)
    assert build_portfolio(folder, use_cache=False, workers=2) == alone
    monkeypatch.setattr(portfolio_module.sys, "frozen", True, raising=False)
    assert portfolio_module._default_workers() == 1, "a frozen app spawns only after freeze_support"


def test_open_scan_reads_what_open_readonly_reads(demo_file: Path) -> None:
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    with AssessmentFile.open_readonly(demo_file) as full, AssessmentFile.open_scan(demo_file) as light:
        assert light.readonly
        assert (light.meta(), light.engagement(), light.answers(), light.instruments()) == (
            full.meta(), full.engagement(), full.answers(), full.instruments())
        with pytest.raises(Exception, match="read-only"):
            light.set_meta("x", "y")
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before
    old_format = Path(__file__).resolve().parent / "fixtures" / "formats" / "format1.readiness"
    if old_format.exists():  # an older format is migrated in memory, as open_readonly does
        with AssessmentFile.open_scan(old_format) as af, AssessmentFile.open_readonly(old_format) as ro:
            assert af.schema_version == ro.schema_version and af.engagement() == ro.engagement()
