"""Bad workbooks: each gets a clear message naming file, sheet and row, quickly, and nothing is written."""

from __future__ import annotations

import io
import re
import sys
import time
import tracemalloc
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from openpyxl import Workbook

from readiness_app.cli import main
from readiness_app.errors import WorkbookImportError
from readiness_app.excel.importer import plan_import

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "xlsx"
sys.path.insert(0, str(FIXTURES))
import xlsx_builders  # noqa: E402

LIB = str(xlsx_builders.LIBRARY_DIR)


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    return xlsx_builders.library()


def refused(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """Import ``path`` on the command line; assert exit 1, one stderr line, nothing written."""
    out = path.parent / "out.readiness"
    before = sorted(p.name for p in path.parent.iterdir())
    code = main(["import", str(path), "-o", str(out), "--questionnaires", LIB])
    stdout, err = capsys.readouterr()
    assert code == 1, err
    assert stdout == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert sorted(p.name for p in path.parent.iterdir()) == before  # no file, no temporary file
    return lines[0]


def test_not_a_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    csv = tmp_path / "answers.xlsx"
    csv.write_text("ID;Answer\nmat.mon.drift;3\n", encoding="utf-8")
    assert refused(capsys, csv) == ("readiness: answers.xlsx: not a spreadsheet: the file is not a zip archive "
                                    "(.xlsx, .xlsm, .ods) nor an Excel 97-2003 file (.xls); a CSV file must be named "
                                    ".csv or .tsv")
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    assert refused(capsys, empty) == "readiness: empty.xlsx: the file is empty, not an Excel workbook"
    zipped = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("photo.jpg", b"\xff\xd8\xff")
    assert "not an Excel workbook (no [Content_Types].xml)" in refused(capsys, zipped)
    ods = tmp_path / "calc.xlsx"  # an OpenDocument spreadsheet (read since issue 14) without its content
    with zipfile.ZipFile(ods, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    assert "the workbook is incomplete (missing part content.xml)" in refused(capsys, ods)


def test_password_protected_workbook(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Excel encrypts a protected workbook into an OLE compound file with an EncryptedPackage stream
    enc = tmp_path / "secret.xlsx"
    enc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "EncryptionInfo".encode("utf-16-le")
                    + bytes(64) + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    assert refused(capsys, enc) == ("readiness: secret.xlsx: the workbook is password-protected (encrypted). Open it "
                                    "in Excel, remove the password (File > Info > Protect Workbook), save it and "
                                    "import again")
    xls = tmp_path / "old.xlsx"  # an Excel 97-2003 file (read since issue 14) that is cut short
    xls.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "Workbook".encode("utf-16-le") + bytes(64))
    line = refused(capsys, xls)
    assert line.startswith("readiness: old.xlsx: ") and "save it again" in line


def test_truncated_and_damaged_workbooks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = xlsx_builders.excel_style_workbook(tmp_path / "good.xlsx")
    data = good.read_bytes()
    good.unlink()
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(data[: len(data) // 2])
    assert refused(capsys, cut) == ("readiness: cut.xlsx: the workbook is damaged or truncated (File is not a zip "
                                    "file); open it in Excel or LibreOffice and save it again")
    # the directory is intact but the sheet's compressed bytes are not
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + 10
    damaged = bytearray(data)
    damaged[start:start + 40] = bytes(40)
    bad = tmp_path / "damaged.xlsx"
    bad.write_bytes(bytes(damaged))
    line = refused(capsys, bad)
    assert line.startswith("readiness: damaged.xlsx") and "damaged" in line and "save it again" in line


def test_hundred_thousand_rows_are_refused_quickly_with_bounded_memory(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    ws.append(["ID", "Answer"])
    for i in range(100_000):
        ws.append(["mat.mon.drift", i % 5])
    wb.save(path)
    tracemalloc.start()
    started = time.process_time()  # CPU time: other processes on a busy machine do not count
    with pytest.raises(WorkbookImportError) as info:
        plan_import(path, library)
    elapsed = time.process_time() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert info.value.one_line() == (
        "huge.xlsx: Data: the sheet has more than 50,000 rows; an assessment workbook has a few thousand at most. "
        "Delete unused rows or split the sheet, then import again")
    assert elapsed < 3.0
    assert peak < 20 * 1024 * 1024


def test_formulas_where_values_are_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "formulas.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Scores"
    ws.append(["ID", "Answer"])
    ws.append(["mat.mon.drift", "=1+2"])  # openpyxl stores no result: nothing to import
    ws.append(["mat.mon.alerts", 2])
    wb.save(path)
    assert refused(capsys, path) == (
        "readiness: formulas.xlsx / Scores / row 2 / column B (Answer): a formula (=1+2) with no saved result; open "
        "the workbook in Excel or LibreOffice, let it calculate, save it and import again; nothing was written "
        "(--dry-run lists every problem, --skip-bad-rows imports the rest)")


def test_wrong_types_in_every_column(tmp_path: Path, library) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "types.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Types"
    ws.append(["Question ID", "Question", "Answer", "Note", "Participant", "Use case"])
    ws.append([42, None, 3, None, None, None])  # a number as question id
    ws.append([datetime(2024, 1, 1), None, 3, None, None, None])  # a date as question id
    ws.append(["mat.mon.drift", None, datetime(2024, 1, 1), None, None, None])  # a date as answer
    ws.append(["mat.mon.kpi", None, "lots", None, None, None])  # text for a number
    ws.append(["mat.gov.bodies", None, 7, None, None, None])  # a number for a checklist
    ws.append(["pri.value", None, True, None, None, 12])  # a boolean for a choice, a number as use case
    ws.append(["mat.mon.alerts", 12345, -1, True, 3.5, None])  # out of range; odd note and participant
    wb.save(path)
    plan = plan_import(path, library)
    assert [p.format(plan.file) for p in plan.errors] == [
        "types.xlsx / Types / row 2: no question matches '42'",
        "types.xlsx / Types / row 3: no question matches '2024-01-01'",
        "types.xlsx / Types / row 4 / column C (Answer): a date (2024-01-01) where a 0-4 scale answer is expected",
        "types.xlsx / Types / row 5 / column C (Answer): 'lots' is not a number",
        "types.xlsx / Types / row 6 / column C (Answer): a number (7) where a list of options is expected",
        "types.xlsx / Types / row 8 / column C (Answer): -1 is outside the 0-4 scale of this column; set \"scale\" in "
        "the profile if the column uses another range",
    ]
    (choice,) = plan.answers  # TRUE for a choice means its best option; "12" is a use-case name
    assert (choice.answer.value, choice.use_case) == ("high", "12")


def test_xml_entity_attack_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = xlsx_builders.billion_laughs_workbook(tmp_path / "laughs.xlsx")
    assert refused(capsys, path) == ("readiness: laughs.xlsx: part xl/sharedStrings.xml declares an XML document "
                                     "type or entities, which workbooks never need; refused for safety")
    # the second line of defence: openpyxl parses through defusedxml and refuses the entities itself
    assert openpyxl.DEFUSEDXML
    with pytest.raises(Exception) as info:
        openpyxl.load_workbook(path, read_only=True)
    chain = []
    exc: BaseException | None = info.value
    while exc is not None:
        chain.append(type(exc).__name__)
        exc = exc.__cause__ or exc.__context__
    assert "EntitiesForbidden" in chain


def test_zip_bomb_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = xlsx_builders.excel_style_workbook(tmp_path / "bomb.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/media/padding.bin", bytes(30 * 1024 * 1024))
    assert re.fullmatch(r"readiness: bomb\.xlsx: part xl/media/padding\.bin expands \d{3,}-fold; refused as a "
                        r"possible zip bomb", refused(capsys, path))
