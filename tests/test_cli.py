"""The ``readiness`` command line: help everywhere, exit codes 0/1/2, one line for bad data, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from readiness_app.cli import COMMANDS, main
from readiness_app.errors import QuestionnaireError
from readiness_app.questionnaire.loader import load_library

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
REPO = Path(__file__).resolve().parent.parent


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse: --help, usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def run_process(*argv: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The real thing: a separate process, as a user (or CI) runs it."""
    return subprocess.run([sys.executable, "-m", "readiness_app.cli", *argv], capture_output=True,
                          text=True, timeout=60, cwd=cwd)


def _assert_one_line_error(err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got: {err!r}"
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


# --------------------------------------------------------------------------- help and usage


def test_commands_are_registered() -> None:
    assert {"demo", "info", "validate", "docs"} <= set(COMMANDS)


@pytest.mark.parametrize("argv", [["--help"], *[[name, "--help"] for name in sorted(COMMANDS)]],
                         ids=lambda a: " ".join(a))
def test_help_on_every_command(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, _err = run(capsys, *argv)
    assert code == 0
    assert out.startswith("usage: readiness")
    if argv[0] != "--help":
        assert COMMANDS[argv[0]].description.split()[0] in out.replace("\n", " ")


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from readiness_app import __version__

    code, out, _err = run(capsys, "--version")
    assert (code, out.strip()) == (0, f"readiness {__version__}")


@pytest.mark.parametrize("argv", [
    [], ["frobnicate"], ["demo"], ["demo", "x.readiness", "--size", "huge"], ["demo", "x.readiness", "--lang", "fr"],
    ["info"], ["info", "a", "b"], ["validate"], ["docs"], ["info", "x.readiness", "--jsn"],
], ids=lambda a: " ".join(a) or "nothing")
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, _out, err = run(capsys, *argv)
    assert code == 2
    assert "usage: readiness" in err and "Traceback" not in err


# --------------------------------------------------------------------------- demo and info


def test_demo_then_info_json_shows_the_numbers(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                               mini_data_dir: Path) -> None:
    path = tmp_path / "x.readiness"
    code, out, err = run(capsys, "demo", str(path))
    assert (code, err) == (0, "")
    assert str(path) in out
    code, out, err = run(capsys, "info", str(path), "--json")
    assert (code, err) == (0, "")
    info = json.loads(out)
    assert info["engagement"]["client"] == "Alpenland Versicherung AG"
    assert info["schema_version"] >= 2
    counts = info["counts"]
    assert (counts["participants"], counts["use_cases"]) == (6, 8)  # six cases plus two that show the AI Act screening
    assert counts["answers"] == counts["votes"] + counts["consensus"]
    assert counts["consensus"] > 0 and counts["not_applicable"] > 0 and counts["notes"] > 0
    assert {q["id"] for q in info["questionnaires"]} == {"prioritization", "maturity"}
    prio = next(q for q in info["questionnaires"] if q["id"] == "prioritization")
    assert (prio["questions"], prio["pairs"], prio["answered"], prio["completeness"]) == (1, 8, 8, 1.0)
    assert {i["id"] for i in info["instruments"]} == {"prioritization", "maturity", "__library__"}


def test_info_text_and_partial_completeness(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                            mini_library: object) -> None:
    from readiness_app.model import ORGANISATION, Answer
    from readiness_app.store.assessment_file import AssessmentFile

    path = tmp_path / "partial.readiness"
    with AssessmentFile.create(path, mini_library) as af:  # type: ignore[arg-type]
        af.add_participant("Anna", "sponsor", participant_id="p1")
        af.add_use_case("One", use_case_id="u1")
        af.add_use_case("Two", use_case_id="u2")
        af.set_answer(Answer("pri.value", "u1", "p1", "high"))
        af.set_answer(Answer("mat.mon.drift", ORGANISATION, "p1", None, not_applicable=True, note="n/a"))
    code, out, _err = run(capsys, "info", str(path), "--json")
    info = json.loads(out)
    completeness = {q["id"]: q["completeness"] for q in info["questionnaires"]}
    assert completeness == {"prioritization": 0.5, "maturity": 0.5}
    code, out, _err = run(capsys, "info", str(path))
    assert code == 0
    assert "Participants:  1" in out and "Use cases:     2" in out
    assert "50.0% complete" in out


def test_demo_large_and_german(capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_data_dir: Path) -> None:
    path = tmp_path / "big.readiness"
    assert run(capsys, "demo", str(path), "--size", "large", "--lang", "de")[0] == 0
    info = json.loads(run(capsys, "info", str(path), "--json")[1])
    assert (info["counts"]["participants"], info["counts"]["use_cases"]) == (15, 30)
    assert info["engagement"]["language"] == "de"


def test_demo_refuses_to_overwrite_without_force(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 mini_data_dir: Path) -> None:
    path = tmp_path / "x.readiness"
    path.write_text("keep me", encoding="utf-8")
    code, _out, err = run(capsys, "demo", str(path))
    assert code == 1
    _assert_one_line_error(err, str(path), "--force")
    assert path.read_text(encoding="utf-8") == "keep me"
    assert run(capsys, "demo", str(path), "--force")[0] == 0
    assert path.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.parametrize("name", ["x.xlsx", "missing-folder/x.readiness"])
def test_demo_bad_target(capsys: pytest.CaptureFixture[str], tmp_path: Path, mini_data_dir: Path, name: str) -> None:
    code, _out, err = run(capsys, "demo", str(tmp_path / name))
    assert code == 1
    _assert_one_line_error(err)


@pytest.mark.parametrize("content", [b"", b"hello", b"SQLite format 3\x00" + b"\x00" * 200],
                         ids=["empty", "text", "broken-sqlite"])
def test_info_on_bad_files_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                  content: bytes) -> None:
    path = tmp_path / "bad.readiness"
    path.write_bytes(content)
    code, out, err = run(capsys, "info", str(path))
    assert (code, out) == (1, "")
    _assert_one_line_error(err, str(path))
    assert path.read_bytes() == content


def test_info_on_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _out, err = run(capsys, "info", str(tmp_path / "gone.readiness"), "--json")
    assert code == 1
    _assert_one_line_error(err, "gone.readiness", "not found")


def test_bad_input_in_a_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "notes.readiness"
    bad.write_text("not an assessment", encoding="utf-8")
    result = run_process("info", str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    _assert_one_line_error(result.stderr, str(bad))


def test_demo_and_info_with_the_bundled_questionnaires(tmp_path: Path) -> None:
    """The issue's acceptance line: `readiness demo x.readiness && readiness info x.readiness --json`."""
    made = run_process("demo", "x.readiness", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    shown = run_process("info", "x.readiness", "--json", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    info = json.loads(shown.stdout)
    library = load_library()
    assert {q["id"] for q in info["questionnaires"]} == {qn.id for qn in library.questionnaires}
    assert all(q["completeness"] == 1.0 for q in info["questionnaires"])
    assert info["counts"]["use_cases"] >= 6 and info["counts"]["participants"] >= 5


# --------------------------------------------------------------------------- validate


def test_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "validate", str(MINI))
    assert (code, out, err) == (0, "OK: 2 questionnaires, 3 questions\n", "")


def test_validate_the_bundled_questionnaires(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(capsys, "validate", str(REPO / "questionnaires"))
    assert code == 0 and out.startswith("OK: ")


def test_validate_an_assessment_checks_its_snapshot(capsys: pytest.CaptureFixture[str], mini_demo_file: Path) -> None:
    code, out, _err = run(capsys, "validate", str(mini_demo_file))
    assert (code, out) == (0, "OK: 2 questionnaires, 3 questions\n")


def test_validate_reports_every_problem_one_per_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(MINI, folder)
    mat = folder / "maturity.toml"
    text = mat.read_text(encoding="utf-8")
    text = text.replace('dimension = "monitoring"\nweight = 1', 'dimension = "monitorin"\nweight = 1')  # unknown dimension
    text = text.replace('help = { en = "Baseline.", de = "Ausgangswert." }', 'help = { en = "Baseline." }')  # no German
    mat.write_text(text, encoding="utf-8")
    prio = folder / "prioritization.toml"
    prio.write_text(prio.read_text(encoding="utf-8").replace('type = "choice"', 'type = "slider"'), encoding="utf-8")

    with pytest.raises(QuestionnaireError) as info:
        load_library(folder)
    expected = [p.format() for p in info.value.problems]
    assert len(expected) >= 3

    code, out, err = run(capsys, "validate", str(folder))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines == expected
    assert any(str(mat) in line and "mat.mon.drift.dimension" in line and "monitorin" in line for line in lines)
    assert any(str(mat) in line and "mat.mon.kpi.help.de" in line for line in lines)
    assert any(str(prio) in line and "pri.value.type" in line for line in lines)
    _assert_one_line_error(err, str(folder), f"{len(expected)} problem")


def test_validate_missing_path(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _err = run(capsys, "validate", str(tmp_path / "nothing"))
    assert code == 1
    assert "no such file or folder" in out


def test_validate_a_file_that_is_not_toml(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "q"
    shutil.copytree(MINI, folder)
    (folder / "maturity.toml").write_text("this is = = not toml", encoding="utf-8")
    code, out, _err = run(capsys, "validate", str(folder))
    assert code == 1
    assert "maturity.toml" in out and "not valid TOML" in out


# --------------------------------------------------------------------------- docs


def test_docs_writes_and_checks(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "questionnaires.md"
    code, _out, err = run(capsys, "docs", str(out_file), "--check")
    assert code == 1
    _assert_one_line_error(err, str(out_file), "readiness docs")
    assert not out_file.exists()

    assert run(capsys, "docs", str(out_file))[0] == 0
    if sys.platform != "win32":
        assert out_file.stat().st_mode & 0o644 == 0o644, "a normal, readable file"
    text = out_file.read_text(encoding="utf-8")
    library = load_library()
    assert all(q.id in text for q in library.iter_questions())
    assert run(capsys, "docs", str(out_file), "--check")[0] == 0

    out_file.write_text(text + "\nhand edit\n", encoding="utf-8")
    code, _out, err = run(capsys, "docs", str(out_file), "--check")
    assert code == 1
    _assert_one_line_error(err, "out of date")


def test_committed_questionnaire_docs_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "docs", str(REPO / "docs" / "questionnaires.md"), "--check")
    assert code == 0, err


# --------------------------------------------------------------------------- README


def test_readme_lists_every_command_and_two_setup_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Command line", 1)[1].split("\n## ", 1)[0]
    missing = [name for name in COMMANDS if f"`readiness {name}" not in section]
    assert missing == [], f"README's Command line section misses: {missing}"
    quick = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = quick.split("```", 2)[1]
    commands = [line.split("#")[0].strip() for line in block.splitlines()[1:] if line.split("#")[0].strip()]
    assert commands == ["make run", "make test"]
    for link in ("docs/questionnaires.md", "docs/scoring.md", "docs/user-guide.md"):
        assert f"]({link})" in readme
