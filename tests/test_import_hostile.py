"""Hostile and broken files in every format: one clear line naming the file, exit 1, nothing written.

The cases of test_xlsx_bad_input.py (empty, truncated, too many rows, entity attacks, zip bombs,
passwords, formulas) for .ods, .xls and CSV/TSV as well.
"""

from __future__ import annotations

import sys
import time
import zipfile
from pathlib import Path

import pytest

from readiness_app.cli import main
from readiness_app.excel.importer import plan_import

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "xlsx"))
import xlsx_builders  # noqa: E402

LIB = str(xlsx_builders.LIBRARY_DIR)
ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


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


def ods(path: Path, rows_xml: str, *, extra: dict[str, bytes] | None = None, manifest: str = "",
        content_head: str = "") -> Path:
    """A minimal OpenDocument spreadsheet with one sheet "Daten" holding ``rows_xml``."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{content_head}'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               '<office:body><office:spreadsheet><table:table table:name="Daten">'
               f'{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), ODS_MIME)
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", manifest or (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def text_row(*cells: str, repeat: int = 1) -> str:
    body = "".join(f'<table:table-cell office:value-type="string"><text:p>{c}</text:p></table:table-cell>'
                   for c in cells)
    rep = f' table:number-rows-repeated="{repeat}"' if repeat > 1 else ""
    return f"<table:table-row{rep}>{body}</table:table-row>"


@pytest.mark.parametrize("suffix", [".xlsx", ".xlsm", ".ods", ".xls", ".csv", ".tsv"])
def test_empty_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str) -> None:
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    what = "a CSV file" if suffix in (".csv", ".tsv") else "an Excel workbook"
    assert refused(capsys, empty) == f"readiness: empty{suffix}: the file is empty, not {what}"


@pytest.mark.parametrize("name", ["lang.ods", "lang.xls", "lang.xlsx"])
def test_truncated_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    cut = tmp_path / f"cut{Path(name).suffix}"
    cut.write_bytes(data[: len(data) // 2])
    line = refused(capsys, cut)
    assert line.startswith(f"readiness: cut{Path(name).suffix}: ") and "save it again" in line


def test_binary_data_named_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fake = tmp_path / "photo.csv"
    fake.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01")
    assert refused(capsys, fake) == ("readiness: photo.csv: not a CSV file: it holds binary data; export the sheet as "
                                     "CSV (UTF-8) and import that")


def test_too_many_rows_in_csv_and_ods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    limit = ("the sheet has more than 50,000 rows; an assessment workbook has a few thousand at most. Delete unused "
             "rows or split the sheet, then import again")
    csv = tmp_path / "big.csv"
    csv.write_text("ID;Answer\n" + "mat.mon.drift;3\n" * 50_000, encoding="utf-8")
    assert refused(capsys, csv) == f"readiness: big.csv: big: {limit}"
    csv.write_text("ID;Answer\n" + "mat.mon.drift;3\n" * 49_999, encoding="utf-8")  # the limit itself is fine
    assert len(plan_import(csv, xlsx_builders.library()).answers) == 1 and capsys.readouterr()
    # a tiny file that repeats one row a million times: refused from the stream, before any reader expands it
    bomb = ods(tmp_path / "repeat.ods", text_row("ID", "Answer") + text_row("mat.mon.drift", "3", repeat=1_000_000))
    started = time.process_time()
    assert refused(capsys, bomb) == f"readiness: repeat.ods: Daten: {limit}"
    assert time.process_time() - started < 3.0
    ok = ods(tmp_path / "fine.ods", text_row("ID", "Answer") + text_row("mat.mon.drift", "3", repeat=49_999)
             + '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/></table:table-row>')
    assert plan_import(ok, xlsx_builders.library()).rows_read > 0  # empty repeated rows (as LibreOffice writes) count not


def test_too_wide_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(";".join(["x"] * 16_385) + "\n", encoding="utf-8")
    assert "the sheet has more than 16,384 columns" in refused(capsys, wide)


def test_entity_attack_and_zip_bomb_in_ods(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    laughs = ods(tmp_path / "laughs.ods", text_row("ID", "Answer") + text_row("mat.mon.drift", "&lol9;"),
                 content_head='<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol9 "&lol;&lol;&lol;">]>')
    assert refused(capsys, laughs) == ("readiness: laughs.ods: part content.xml declares an XML document type or "
                                       "entities, which workbooks never need; refused for safety")
    bomb = ods(tmp_path / "bomb.ods", text_row("ID", "Answer"), extra={"Pictures/padding.bin": bytes(30 * 1024 * 1024)})
    line = refused(capsys, bomb)
    assert line.startswith("readiness: bomb.ods: part Pictures/padding.bin expands ") and "zip bomb" in line


def test_password_protected_ods_and_xls(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    secret = ods(tmp_path / "secret.ods", "", manifest=(
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry '
        'manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>'))
    assert refused(capsys, secret) == ("readiness: secret.ods: the spreadsheet is password-protected (encrypted). "
                                       "Open it in LibreOffice, remove the password, save it and import again")
    enc = tmp_path / "secret.xls"
    enc.write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504) + "EncryptionInfo".encode("utf-16-le")
                    + bytes(64) + "EncryptedPackage".encode("utf-16-le") + bytes(512))
    assert "the workbook is password-protected (encrypted)" in refused(capsys, enc)


def test_a_text_file_with_a_spreadsheet_name_is_not_guessed_at(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for suffix in (".ods", ".xls"):
        fake = tmp_path / f"answers{suffix}"
        fake.write_text("ID;Answer\nmat.mon.drift;3\n", encoding="utf-8")
        assert "not a spreadsheet: the file is not a zip archive" in refused(capsys, fake)


def test_formula_text_stays_text_in_every_format(tmp_path: Path) -> None:
    """Text starting with = + - @ is stored as text, never evaluated, and shown as it was typed."""
    csv = tmp_path / "formeln.csv"
    csv.write_text('Anwendungsfall;Nutzen (1-5);Kommentar\n"=HYPERLINK(""http://x"")";3;+49 30 1234\n'
                   'Chatbot;4;"@SUM(A1)"\nScoring;-;-5 Punkte\n', encoding="utf-8")
    plan = plan_import(csv)
    assert [u.name for u in plan.use_cases] == ['=HYPERLINK("http://x")', "Chatbot", "Scoring"]
    notes = sorted(pa.answer.note for pa in plan.answers if pa.answer.note)
    assert notes == ["+49 30 1234", "-5 Punkte", "@SUM(A1)"]  # "-" is no answer, but its row's note is kept
    assert [pa.raw for pa in plan.answers if pa.use_case == "Scoring"] == [""]
