"""The self-test: passes on a good installation, names the broken part of a bad one.

The desktop variant (``readiness-studio --self-test``) passing is proven by
tests/test_no_network.py (from the checkout) and tests/test_bundle.py (the built bundle).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from readiness_app import logs, resources
from readiness_app.selftest import (
    PDF_NAME,
    SUMMARY_NAME,
    XLSX_NAME,
    SelfTestError,
    check_pdf,
    main,
    pdf_page_count,
    run_self_test,
)

REPO = Path(__file__).resolve().parent.parent
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


@pytest.fixture(autouse=True)
def _close_log() -> Iterator[None]:
    yield
    logs.shutdown_logging()


def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, fonts: bool = True,
              break_file: str = "") -> Path:
    """READINESS_DATA_DIR with the mini questionnaires and the real assets (optionally without fonts)."""
    root = tmp_path / "data"
    shutil.copytree(MINI, root / "questionnaires")
    shutil.copytree(REPO / "assets", root / "assets")
    if not fonts:
        shutil.rmtree(root / "assets" / "fonts")
    if break_file:
        (root / "questionnaires" / break_file).write_text('format = "readiness-questionnaire/1"\nid = [broken\n',
                                                          encoding="utf-8")
    monkeypatch.setenv("READINESS_DATA_DIR", str(root))
    resources.data_dir.cache_clear()
    return root


def test_the_self_test_passes_and_leaves_checked_outputs(tmp_path: Path) -> None:
    report = run_self_test(tmp_path / "out")
    assert report.ok, report.summary()
    assert [c.name for c in report.checks] == ["questionnaires", "assets", "demo", "open", "score", "excel",
                                               "import", "pdf"]
    out = tmp_path / "out"
    assert report.outputs == {"demo": out / "self-test-demo.readiness", "xlsx": out / XLSX_NAME,
                              "pdf": out / PDF_NAME}
    assert (out / PDF_NAME).read_bytes().startswith(b"%PDF-")
    wb = load_workbook(out / XLSX_NAME, read_only=True)
    assert len(wb.sheetnames) >= 5
    wb.close()
    summary = (out / SUMMARY_NAME).read_text(encoding="utf-8")
    assert summary == report.summary()
    assert "passed: 8 checks" in summary and "FAIL" not in summary
    assert "pages, fonts embedded" in summary and "answers read back" in summary


def test_broken_questionnaires_fail_first_and_skip_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    _data_dir(tmp_path, monkeypatch, break_file="maturity.toml")
    report = run_self_test(tmp_path / "out")
    assert not report.ok
    first, *rest = report.failures()
    assert first.name == "questionnaires" and "maturity.toml" in first.detail
    assert rest and all(c.detail.startswith("skipped") for c in rest)
    assert report.outputs == {}
    assert main([str(tmp_path / "again")]) == 1
    out = capsys.readouterr().out
    assert "FAIL  questionnaires" in out and "FAILED: questionnaires" in out


def test_missing_fonts_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _data_dir(tmp_path, monkeypatch, fonts=False)
    report = run_self_test(tmp_path / "out")
    [failed, *_skipped] = report.failures()
    assert failed.name == "assets" and "DejaVuSans.ttf" in failed.detail


def test_the_pdf_check_refuses_what_is_not_a_whole_pdf(tmp_path: Path) -> None:
    good = b"%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n/FontFile2 3 0 R\n%%EOF\n"
    assert pdf_page_count(good + b"<< /Type /Pages /Kids [] >>") == 1
    path = tmp_path / "x.pdf"
    path.write_bytes(good)
    assert check_pdf(path).startswith("1 pages")
    for bad, reason in ((b"PK\x03\x04 a zip", "does not start"), (good[:-7], "cut short"),
                        (good.replace(b"/Type /Page ", b""), "no pages"),
                        (good.replace(b"/FontFile2", b"/Font"), "embeds no font")):
        path.write_bytes(bad)
        with pytest.raises(SelfTestError, match=reason):
            check_pdf(path)


def test_the_desktop_entry_point_exits_1_with_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str], qapp: object) -> None:
    from readiness_app.ui.app import main as app_main

    _data_dir(tmp_path, monkeypatch, break_file="prioritization.toml")
    assert app_main(["--self-test", str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "self-test FAILED at questionnaires" in captured.err and "prioritization.toml" in captured.err
    assert (tmp_path / "out" / SUMMARY_NAME).is_file()  # kept for a look
    assert "self-test failed" in logs.log_file().read_text(encoding="utf-8")
