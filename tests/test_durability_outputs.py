"""Small promises about what we write (issue 17, item 7): PDFs follow the umask like the
workbooks, names keep their leading blanks through the scorecard, and ``python -m readiness_app``
is the same command line."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.excel.scorecard import export_scorecard
from readiness_app.questionnaire.loader import Library
from readiness_app.report.pdf import build_report
from readiness_app.store.assessment_file import AssessmentFile


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_pdf_follows_the_umask_like_the_scorecard(mini_demo_file: Path, tmp_path: Path) -> None:
    mask = os.umask(0o027)
    os.umask(mask)
    expected = 0o666 & ~mask  # what the user's umask gives any new file (read once at start)
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "s.xlsx"
    build_report(mini_demo_file, pdf)
    export_scorecard(mini_demo_file, xlsx)
    assert stat.S_IMODE(pdf.stat().st_mode) == expected == stat.S_IMODE(xlsx.stat().st_mode)


def test_leading_and_trailing_blanks_in_names_survive_the_scorecard(tmp_path: Path, mini_library: Library) -> None:
    path = tmp_path / "a.readiness"
    with AssessmentFile.create(path, mini_library) as af:
        af.update_engagement(client="\t\r  Acme\t", facilitator=" F ")
        af.add_participant("\t Ana\r", "sponsor", "\tOrg ", participant_id="p1")
        af.add_use_case("\r\tInvoices ", "\t desc ", use_case_id="uc1")
    again = apply_plan(plan_import(export_scorecard(path, tmp_path / "s.xlsx")), tmp_path / "b.readiness")
    with AssessmentFile.open_readonly(again) as af:
        assert af.engagement().client == "\t\r  Acme\t" and af.engagement().facilitator == " F "
        assert [(p.name, p.organisation) for p in af.participants()] == [("\t Ana\r", "\tOrg ")]
        assert [(u.name, u.description) for u in af.use_cases()] == [("\r\tInvoices ", "\t desc ")]


def test_a_blank_name_is_still_refused(tmp_path: Path, mini_library: Library) -> None:
    with AssessmentFile.create(tmp_path / "a.readiness", mini_library) as af, \
            pytest.raises(ValueError, match="needs a name"):
        af.add_participant(" \t\r\n", "sponsor")


def test_python_dash_m_is_the_same_command_line(mini_demo_file: Path, tmp_path: Path) -> None:
    run = [sys.executable, "-m", "readiness_app"]
    ok = subprocess.run([*run, "info", str(mini_demo_file), "--json"], capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.lstrip().startswith("{"), ok.stderr
    bad = subprocess.run([*run, "info", str(tmp_path / "missing.readiness")], capture_output=True, text=True,
                         timeout=60)
    assert bad.returncode == 1 and "file not found" in bad.stderr and "Traceback" not in bad.stderr
    usage = subprocess.run([*run, "no-such-command"], capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
