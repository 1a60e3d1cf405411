"""Low-level workbook input and output shared by the Excel import and exports.

Reading is defensive:

* :func:`preflight` looks at the raw bytes before any reader sees them and tells the format
  (.xlsx/.xlsm, .ods, .xls, CSV/TSV): encrypted files, truncated or damaged zips, zip bombs,
  XML document type declarations (entity attacks), and .xlsx sheets with more rows than an
  assessment ever has (counted from the compressed stream, so a 100,000-row sheet is refused
  in well under a second), formula cells saved without a result.
* :class:`~readiness_app.excel.readers.WorkbookReader` (in :mod:`.readers`) then reads every
  format through python-calamine (or the csv module) and yields rows of :class:`Cell_`.

Writing: :func:`save_atomic` writes beside the target and swaps the file in;
:func:`set_text` writes a string that can never become a formula.

openpyxl is imported inside functions: the GUI imports this module at start-up.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app.errors import WorkbookImportError
from readiness_app.messages import join, msg, whole

if TYPE_CHECKING:  # pragma: no cover
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook

    from readiness_app.excel.readers import WorkbookReader as WorkbookReader

CellValue = str | int | float | bool | datetime | date | time | timedelta | None

MAX_ROWS = 50_000  # per sheet; an assessment workbook has a few thousand rows
MAX_UNCOMPRESSED = 400 * 1024 * 1024  # all parts together
MAX_RATIO = 200  # uncompressed / compressed, for parts larger than 10 MB
MAX_SHEET_NAME = 31  # Excel cuts sheet names at 31 characters

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"

_ROW_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?row>")
_FORMULA = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_MERGE = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\s+ref=\"([A-Z]{1,3}[0-9]+):([A-Z]{1,3}[0-9]+)\"")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\s+ref=\"([A-Z]{1,3}[0-9]+)(?::([A-Z]{1,3}[0-9]+))?\"")
_DTD = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_SHEETDATA_END = re.compile(rb"</(?:[A-Za-z_][\w.-]*:)?sheetData>")
_VALIDATION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dataValidation\b([^>]*)>(.*?)</(?:[A-Za-z_][\w.-]*:)?dataValidation>",
                         re.DOTALL)
_EMPTY_FORMULA = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br=\"([A-Z]{1,3})([0-9]+)\"[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?f\b[^>]*>([^<]*)"
    rb"</(?:[A-Za-z_][\w.-]*:)?f>\s*(?:<(?:[A-Za-z_][\w.-]*:)?v\s*/>|<(?:[A-Za-z_][\w.-]*:)?v>\s*"
    rb"</(?:[A-Za-z_][\w.-]*:)?v>)?\s*</(?:[A-Za-z_][\w.-]*:)?c>")
_ERROR_CELL = re.compile(
    rb"<(?:[A-Za-z_][\w.-]*:)?c\b(?=[^>]*\bt=\"e\")[^>]*?\br=\"([A-Z]{1,3})([0-9]+)\"[^>]*>(?:(?!</(?:[A-Za-z_][\w.-]*:)?c>)"
    rb".)*?<(?:[A-Za-z_][\w.-]*:)?v>([^<]{1,20})</(?:[A-Za-z_][\w.-]*:)?v>", re.DOTALL)
_FORMULA_CELL = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c\b[^>]*?\br=\"([A-Z]{1,3})[0-9]+\"[^>]*>\s*<(?:[A-Za-z_][\w.-]*:)?f[\s/>]")
_FORMULA1 = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?formula1>\s*(?:\"|&quot;)([^\"<]*?)(?:\"|&quot;)\s*</", re.DOTALL)
_OVERLAP = 256
_CHUNK = 1 << 16

# XML 1.0 forbids most control characters; openpyxl refuses them, so we drop them.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@")


# --------------------------------------------------------------------------- errors


def import_error(path: Path | str, reason: str, *, sheet: str | None = None, row: int | None = None,
                 column: str | None = None) -> WorkbookImportError:
    """A :class:`WorkbookImportError` naming the file (by name), sheet, row and column."""
    parts = [p for p in (sheet, msg("row {row}", row=row) if row is not None else None,
                         msg("column {column}", column=column) if column else None) if p]
    return WorkbookImportError(reason, path=Path(path).name, place=join(parts, " / ") if parts else None)


# --------------------------------------------------------------------------- preflight


@dataclass(frozen=True, slots=True)
class SheetScan:
    """What a sheet's raw XML says before it is parsed."""

    rows: int  # number of row elements that hold cells
    has_formulas: bool
    merges: tuple[tuple[int, int, int, int], ...]  # (min_row, min_col, max_row, max_col)
    dimension: tuple[int, int] | None  # (max_row, max_col) from <dimension>, when present
    # drop-down lists written into the sheet: (columns they cover, their items)
    validations: tuple[tuple[frozenset[int], tuple[str, ...]], ...] = ()
    # formula cells saved without a result: (row, column, "=formula"), both 1-based (at most 10,000)
    empty_formulas: tuple[tuple[int, int, str], ...] = ()
    # cells holding an error value such as #DIV/0!: (row, column, error), at most 10,000
    errors: tuple[tuple[int, int, str], ...] = ()
    # how many cells of each column (1-based) hold a formula: computed columns are not answers
    formula_columns: tuple[tuple[int, int], ...] = ()
    # drop-down lists that name a range or a defined name ("AnsA", "Lookups!$P$4:$P$7"), with the
    # cells they cover: ((min_row, min_col, max_row, max_col), ...), the reference (read by the reader)
    list_refs: tuple[tuple[tuple[tuple[int, int, int, int], ...], str], ...] = ()

    def list_ref(self, row: int, column: int) -> str:
        """The range or name a drop-down on the cell (1-based) offers its items from, or ""."""
        for ranges, ref in self.list_refs:
            if any(r1 <= row <= r2 and c1 <= column <= c2 for r1, c1, r2, c2 in ranges):
                return ref
        return ""

    def dropdown(self, column: int) -> tuple[str, ...]:
        """The items of an inline drop-down list on ``column`` (1-based), or ()."""
        for cols, items in self.validations:
            if column in cols:
                return items
        return ()


@dataclass(slots=True)
class Preflight:
    path: Path
    sheet_parts: dict[str, str] = field(default_factory=dict)  # sheet name -> zip part
    sheet_states: dict[str, str] = field(default_factory=dict)
    defined_names: dict[str, str] = field(default_factory=dict)  # name -> reference ("Lookups!$P$4:$P$7")
    scans: dict[str, SheetScan] = field(default_factory=dict)
    fmt: str = "xlsx"  # xlsx (also .xlsm), ods, xls or csv


TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a CSV of an assessment is a few hundred kilobytes
MAX_XLS_BYTES = 64 * 1024 * 1024


def preflight(path: Path, *, scan_all: bool = False) -> Preflight:
    """Check that ``path`` is a plain, sane spreadsheet; raise WorkbookImportError if not.

    .xlsx/.xlsm are checked part by part (and their sheets scanned, see :class:`SheetScan`);
    .ods gets the same zip checks; .xls (an OLE compound file) is refused when encrypted or too
    large; a text file is a CSV/TSV only when its name says so.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError as exc:
        raise import_error(path, msg("file not found")) from exc
    except IsADirectoryError as exc:
        raise import_error(path, msg("is a folder, not a workbook")) from exc
    except OSError as exc:
        raise import_error(path, msg("cannot read the file ({reason})", reason=exc.strerror)) from exc
    text_name = path.suffix.casefold() in TEXT_SUFFIXES
    if size == 0:
        raise import_error(path, msg("the file is empty, not a CSV file") if text_name
                           else msg("the file is empty, not an Excel workbook"))
    if head.startswith(OLE_MAGIC):
        reason = _ole_reason(path)
        if reason:
            raise import_error(path, reason)
        if size > MAX_XLS_BYTES:
            raise import_error(path, msg("the workbook is {size} MB; an assessment workbook is far smaller "
                                         "(limit {limit} MB)", size=size // (1024 * 1024),
                                         limit=MAX_XLS_BYTES // (1024 * 1024)))
        return Preflight(path, fmt="xls")
    if head.startswith(EMPTY_ZIP_MAGIC):
        raise import_error(path, msg("an empty zip archive, not an Excel workbook"))
    if not head.startswith(ZIP_MAGIC):
        if text_name:
            if size > MAX_TEXT_BYTES:
                raise import_error(path, msg("the file is {size} MB; a CSV file of an assessment is far smaller "
                                             "(limit {limit} MB)", size=size // (1024 * 1024),
                                             limit=MAX_TEXT_BYTES // (1024 * 1024)))
            return Preflight(path, fmt="csv")
        raise import_error(path, msg("not a spreadsheet: the file is not a zip archive (.xlsx, .xlsm, .ods) "
                                     "nor an Excel 97-2003 file (.xls); a CSV file must be named .csv or .tsv"))
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise import_error(path, msg("the workbook is damaged or truncated ({detail}); open it in Excel or "
                                     "LibreOffice and save it again", detail=str(exc))) from exc
    with zf:
        infos = {i.filename: i for i in zf.infolist()}
        ods = "mimetype" in infos and b"opendocument" in _read_head(zf, infos["mimetype"], 200)
        if not ods and "[Content_Types].xml" not in infos:
            raise import_error(path, msg("a zip archive, but not an Excel workbook (no [Content_Types].xml)"))
        total = 0
        for info in infos.values():
            total += info.file_size
            if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise import_error(path, msg("part {part} expands {ratio}-fold; refused as a possible zip bomb",
                                             part=info.filename, ratio=info.file_size // max(info.compress_size, 1)))
        if total > MAX_UNCOMPRESSED:
            raise import_error(path, msg("the workbook expands to {size} MB; an assessment workbook is far smaller "
                                         "(limit {limit} MB)", size=total // (1024 * 1024),
                                         limit=MAX_UNCOMPRESSED // (1024 * 1024)))
        for name, info in infos.items():
            if name.endswith((".xml", ".rels", ".vml")) and _DTD.search(_read_head(zf, info, 16384)):
                raise import_error(path, msg("part {part} declares an XML document type or entities, which "
                                             "workbooks never need; refused for safety", part=name))
        if ods:
            manifest = infos.get("META-INF/manifest.xml")
            if manifest is not None and b"encryption-data" in _read_head(zf, manifest, 1 << 20):
                raise import_error(path, msg("the spreadsheet is password-protected (encrypted). Open it in "
                                             "LibreOffice, remove the password, save it and import again"))
            if "content.xml" not in infos:
                raise import_error(path, msg("the workbook is incomplete (missing part {part}); open it in Excel "
                                             "or LibreOffice and save it again", part="content.xml"))
            return Preflight(path, fmt="ods")
        result = Preflight(path)
        _find_sheets(zf, infos, result)
        for name, part in result.sheet_parts.items():
            info = infos[part]
            head_bytes = _read_head(zf, info, 4096)
            if scan_all or not _DIMENSION.search(head_bytes):
                result.scans[name] = _scan_sheet(zf, info, path, name)
    return result


def scan_sheet(pre: Preflight, sheet: str) -> SheetScan:
    """The raw-XML facts about one sheet (computed once, then cached on ``pre``)."""
    if sheet not in pre.scans:
        with zipfile.ZipFile(pre.path) as zf:
            pre.scans[sheet] = _scan_sheet(zf, zf.getinfo(pre.sheet_parts[sheet]), pre.path, sheet)
    return pre.scans[sheet]


def _ole_reason(path: Path) -> str:
    """Why an OLE compound file cannot be read ("" for a plain Excel 97-2003 workbook)."""
    try:
        with path.open("rb") as fh:
            data = fh.read(8 * 1024 * 1024)
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return msg("the workbook is password-protected (encrypted). Open it in Excel, remove the password "
                   "(File > Info > Protect Workbook), save it and import again")
    if "Workbook".encode("utf-16-le") in data or "Book".encode("utf-16-le") in data:
        return ""
    return msg("an OLE compound file that is not a readable Excel 97-2003 workbook (damaged, cut short or "
               "encrypted); open it in Excel or LibreOffice and save it again")


def _read_head(zf: zipfile.ZipFile, info: zipfile.ZipInfo, n: int) -> bytes:
    try:
        with zf.open(info) as fh:
            return fh.read(n)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise import_error(zf.filename or "", msg("the workbook is damaged (part {part}: {detail}); open it in "
                                                  "Excel or LibreOffice and save it again",
                                                  part=info.filename, detail=str(exc))) from exc


def _find_sheets(zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], result: Preflight) -> None:
    """Sheet names, states and parts from xl/workbook.xml and its relationships (tolerant regexes)."""
    wb_part = "xl/workbook.xml"
    if wb_part not in infos:
        candidates = [n for n in infos if n.endswith("workbook.xml")]
        if not candidates:
            raise import_error(result.path, msg("a zip archive, but not an Excel workbook (no workbook part)"))
        wb_part = candidates[0]
    base = wb_part.rsplit("/", 1)[0]
    rels_part = f"{base}/_rels/{wb_part.rsplit('/', 1)[1]}.rels"
    wb_xml = zf.read(wb_part) if infos[wb_part].file_size < 16 * 1024 * 1024 else b""
    rels_xml = zf.read(rels_part) if rels_part in infos else b""
    targets: dict[str, str] = {}
    for m in re.finditer(rb"<(?:\w+:)?Relationship\b([^>]*)>", rels_xml):
        attrs = dict(re.findall(rb"(\w+)=\"([^\"]*)\"", m.group(1)))
        if b"Id" in attrs and b"Target" in attrs:
            target = attrs[b"Target"].decode("utf-8", "replace")
            target = target.lstrip("/") if target.startswith("/") else f"{base}/{target}"
            targets[attrs[b"Id"].decode()] = _normpath(target)
    from html import unescape

    for m in re.finditer(rb"<(?:\w+:)?definedName\b([^>]*)>([^<]{1,500})</", wb_xml):
        found = re.search(rb'name="([^"]*)"', m.group(1))
        if found and b"localSheetId" not in m.group(1) and len(result.defined_names) < 10_000:
            result.defined_names[unescape(found.group(1).decode("utf-8", "replace"))] = unescape(
                m.group(2).decode("utf-8", "replace")).strip()
    for m in re.finditer(rb"<(?:\w+:)?sheet\b([^>]*)/?>", wb_xml):
        attrs = dict(re.findall(rb"([\w:]+)=\"([^\"]*)\"", m.group(1)))
        name = unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
        rid = next((v.decode() for k, v in attrs.items() if k.endswith(b":id")), "")
        part = targets.get(rid, "")
        if part in infos and "chartsheet" not in part:
            result.sheet_parts[name] = part
            result.sheet_states[name] = attrs.get(b"state", b"visible").decode()


def _normpath(p: str) -> str:
    out: list[str] = []
    for seg in p.split("/"):
        if seg == "..":
            if out:
                out.pop()
        elif seg not in ("", "."):
            out.append(seg)
    return "/".join(out)


def _scan_sheet(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, sheet: str) -> SheetScan:
    rows = 0
    formulas = False
    merges: list[tuple[int, int, int, int]] = []
    empty: dict[tuple[int, int], str] = {}
    errors: dict[tuple[int, int], str] = {}
    formula_cols: dict[bytes, int] = {}
    dimension: tuple[int, int] | None = None
    tail = b""
    after = bytearray()  # what follows the cells: merges, drop-downs (kept up to 1 MB)
    seen_end = False
    try:
        with zf.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                buf = tail + chunk
                final = not chunk
                cut = len(buf) if final else max(len(buf) - _OVERLAP, 0)
                rows += sum(1 for m in _ROW_END.finditer(buf, 0, len(buf)) if m.start() < cut)
                if not formulas and _FORMULA.search(buf):
                    formulas = True
                if b't="e"' in buf and len(errors) < 10_000:
                    for m in _ERROR_CELL.finditer(buf):
                        if m.start() < cut:
                            errors[(int(m.group(2)), column_index(m.group(1).decode()))] = m.group(3).decode(
                                "ascii", "replace")
                if formulas:
                    for m in _FORMULA_CELL.finditer(buf):
                        if m.start() < cut:
                            formula_cols[m.group(1)] = formula_cols.get(m.group(1), 0) + 1
                if formulas and len(empty) < 10_000:
                    from html import unescape

                    for m in _EMPTY_FORMULA.finditer(buf):
                        if m.start() < cut:
                            key = (int(m.group(2)), column_index(m.group(1).decode()))
                            empty[key] = "=" + unescape(m.group(3).decode("utf-8", "replace"))
                if dimension is None:
                    d = _DIMENSION.search(buf)
                    if d:
                        r, c = _split_ref(d.group(2) or d.group(1))
                        dimension = (r, c)
                for m in _MERGE.finditer(buf):
                    if m.start() < cut and len(merges) < 100_000:
                        r1, c1 = _split_ref(m.group(1))
                        r2, c2 = _split_ref(m.group(2))
                        merges.append((r1, c1, r2, c2))
                if seen_end:
                    if len(after) < 1 << 20:
                        after += chunk
                else:
                    end = _SHEETDATA_END.search(buf)
                    if end:
                        seen_end = True
                        after += buf[end.end():]
                if rows > MAX_ROWS:
                    raise import_error(
                        path, msg("the sheet has more than {limit} rows; an assessment workbook has a few thousand "
                                  "at most. Delete unused rows or split the sheet, then import again",
                                  limit=whole(MAX_ROWS)),
                        sheet=sheet)
                if final:
                    break
                tail = buf[cut:]
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise import_error(path, msg("the workbook is damaged ({detail}); open it in Excel or LibreOffice "
                                     "and save it again", detail=str(exc)), sheet=sheet) from exc
    return SheetScan(rows, formulas, tuple(merges), dimension, _validations(bytes(after)),
                     list_refs=_list_refs(bytes(after)), **_scan_tail(empty, errors, formula_cols))


def _scan_tail(empty: dict[tuple[int, int], str], errors: dict[tuple[int, int], str],
               formula_cols: dict[bytes, int]) -> dict[str, Any]:
    return {"empty_formulas": tuple((r, c, t) for (r, c), t in sorted(empty.items())),
            "errors": tuple((r, c, t) for (r, c), t in sorted(errors.items())),
            "formula_columns": tuple(sorted((column_index(k.decode()), n) for k, n in formula_cols.items()))}


def _validations(xml: bytes) -> tuple[tuple[frozenset[int], tuple[str, ...]], ...]:
    from html import unescape

    found = []
    for m in _VALIDATION.finditer(xml):
        attrs = m.group(1)
        if b'type="list"' not in attrs:
            continue
        sq = re.search(rb'sqref="([^"]*)"', attrs)
        f1 = _FORMULA1.search(m.group(2))
        if not sq or not f1:
            continue
        cols: set[int] = set()
        for ref in sq.group(1).decode("ascii", "replace").split():
            letters = re.findall(r"[A-Z]+", ref)
            if letters:
                a, b = column_index(letters[0]), column_index(letters[-1])
                cols.update(range(min(a, b), max(a, b) + 1))
        items = tuple(i.strip() for i in unescape(f1.group(1).decode("utf-8", "replace")).split(","))
        found.append((frozenset(cols), items))
    return tuple(found)


_LIST_REF = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?formula1>\s*([^<\"&][^<]{0,200}?)\s*</", re.DOTALL)
_SQREF_PART = re.compile(r"([A-Z]{1,3})([0-9]+)(?::([A-Z]{1,3})([0-9]+))?")


def _list_refs(xml: bytes) -> tuple[tuple[tuple[tuple[int, int, int, int], ...], str], ...]:
    """List drop-downs whose items come from a range or a defined name, with the cells they cover."""
    from html import unescape

    found: list[tuple[tuple[tuple[int, int, int, int], ...], str]] = []
    for m in _VALIDATION.finditer(xml):
        attrs = m.group(1)
        f1 = _LIST_REF.search(m.group(2))
        sq = re.search(rb'sqref="([^"]*)"', attrs)
        if b'type="list"' not in attrs or not f1 or not sq:
            continue
        ranges = []
        for part in _SQREF_PART.finditer(sq.group(1).decode("ascii", "replace")):
            c1, r1 = column_index(part.group(1)), int(part.group(2))
            c2, r2 = (column_index(part.group(3)), int(part.group(4))) if part.group(3) else (c1, r1)
            ranges.append((min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)))
        if ranges and len(found) < 10_000:
            found.append((tuple(ranges), unescape(f1.group(1).decode("utf-8", "replace")).strip().lstrip("=")))
    return tuple(found)


def _split_ref(ref: bytes) -> tuple[int, int]:
    m = re.match(rb"([A-Z]+)([0-9]+)", ref)
    if not m:
        return (0, 0)
    return int(m.group(2)), column_index(m.group(1).decode())


def column_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ord(ch) - 64)
    return n


def column_letter(index: int) -> str:
    letters = ""
    while index > 0:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


# --------------------------------------------------------------------------- sheet names


def _norm_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def resolve_sheet(names: list[str], wanted: str) -> str | None:
    """Find ``wanted`` among ``names`` tolerating padding, case and Excel's 31-character cut."""
    if wanted in names:
        return wanted
    w = _norm_name(wanted)
    for n in names:
        if _norm_name(n) == w:
            return n
    cut = _norm_name(wanted[:MAX_SHEET_NAME])
    for n in names:
        nn = _norm_name(n)
        if nn == cut or (len(n.rstrip()) >= MAX_SHEET_NAME - 3 and w.startswith(nn)) or \
                (len(wanted.strip()) >= MAX_SHEET_NAME - 3 and nn.startswith(w)):
            return n
    return None


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True, slots=True)
class Cell_:
    """A read cell: its value (cached result for formulas) and whether it held a formula."""

    value: CellValue
    formula: bool = False
    formula_text: str = ""
    merged: bool = False  # the value was copied down from the top of a merged range


Row = tuple[int, tuple[Cell_, ...]]


def __getattr__(name: str) -> Any:
    """``WorkbookReader`` lives in :mod:`.readers` (it reads every format); kept importable from here."""
    if name == "WorkbookReader":
        from readiness_app.excel.readers import WorkbookReader as WorkbookReader

        return WorkbookReader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --------------------------------------------------------------------------- writing


def xml_text(value: str) -> str:
    """``value`` without the control characters XML cannot hold."""
    return _ILLEGAL_XML.sub("", value)


def set_text(cell: Cell, value: str) -> None:
    """Write ``value`` as text: never a formula, even when it starts with = + - @."""
    text = xml_text(value)
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True


def set_value(cell: Cell, value: Any) -> None:
    """Write a number, bool, date or text (text always as text)."""
    if isinstance(value, str):
        set_text(cell, value)
    else:
        cell.value = value


def save_atomic(write: Callable[[Path], object], target: Path) -> Path:
    """Call ``write(tmp)`` for a temporary file beside ``target``, then move it into place."""
    target = Path(target)
    if not target.parent.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(target.parent))
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        give_default_mode(tmp)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def give_default_mode(path: Path) -> None:
    """mkstemp makes files readable by the owner only; give a finished file the usual mode (umask)."""
    mask = os.umask(0)
    os.umask(mask)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o666 & ~mask)


def save_workbook_atomic(wb: Workbook, target: Path) -> Path:
    return save_atomic(lambda tmp: wb.save(tmp), target)


# --------------------------------------------------------------------------- our hidden data sheet

DATA_SHEET = "_readiness"  # the very hidden sheet our own workbooks carry their data in
_DATA_CHUNK = 30_000  # Excel holds at most 32,767 characters in a cell


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\ and at most 31 characters."""
    clean = re.sub(r"[\[\]:*?/\\]", " ", text).strip().strip("'") or "Sheet"
    base = clean[:MAX_SHEET_NAME].rstrip()
    name, n = base, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({n})"
        name = base[: MAX_SHEET_NAME - len(suffix)].rstrip() + suffix
        n += 1
    taken.add(name)
    return name


def write_data_sheet(wb: Workbook, fmt: str, records: dict[str, Any]) -> None:
    """Store ``records`` as JSON in a very hidden sheet: rows of (key, part, text), then a checksum."""
    import hashlib
    import json

    ws = wb.create_sheet(DATA_SHEET)
    ws.sheet_state = "veryHidden"
    digest = hashlib.sha256()
    r = 1
    entries: list[tuple[str, int, str]] = [("format", 0, fmt)]
    for key, value in records.items():
        text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
        entries.extend((key, i // _DATA_CHUNK, text[i:i + _DATA_CHUNK]) for i in range(0, max(len(text), 1), _DATA_CHUNK))
    for key, part, chunk in entries:
        set_text(ws.cell(r, 1), key)
        ws.cell(r, 2).value = part
        set_text(ws.cell(r, 3), chunk)
        if key != "format":
            digest.update(f"{key}\x00{part}\x00{chunk}\x00".encode())
        r += 1
    set_text(ws.cell(r, 1), "sha256")
    ws.cell(r, 2).value = 0
    set_text(ws.cell(r, 3), digest.hexdigest())


def read_data_sheet(reader: WorkbookReader) -> tuple[str, dict[str, Any]]:
    """The format and records of our hidden data sheet; refuses a changed or cut sheet."""
    import hashlib
    import json

    parts: dict[str, list[tuple[int, str]]] = {}
    fmt = ""
    stored = ""
    digest = hashlib.sha256()
    for _n, cells in reader.rows(DATA_SHEET, max_col=3, fill_merged=False):
        if len(cells) < 3 or cells[0].value is None:
            continue
        key = str(cells[0].value)
        part = cells[1].value
        text = "" if cells[2].value is None else str(cells[2].value)
        if key == "format":
            fmt = text
        elif key == "sha256":
            stored = text
        else:
            idx = int(part) if isinstance(part, int | float) else 0
            digest.update(f"{key}\x00{idx}\x00{text}\x00".encode())
            parts.setdefault(key, []).append((idx, text))
    if not stored or stored != digest.hexdigest():
        raise import_error(reader.path, msg("the hidden data sheet of this Readiness Studio workbook is incomplete "
                                            "or was changed, so the assessment cannot be rebuilt exactly; import "
                                            "it with a profile instead"), sheet=DATA_SHEET)
    records: dict[str, Any] = {}
    for key, chunks in parts.items():
        try:
            records[key] = json.loads("".join(t for _i, t in sorted(chunks)))
        except json.JSONDecodeError as exc:
            raise import_error(reader.path, msg("the hidden data ({key}) is damaged: {detail}", key=key, detail=exc.msg),
                               sheet=DATA_SHEET) from exc
    return fmt, records


# --------------------------------------------------------------------------- fast rows for big sheets


def _xml_escape(text: str) -> str:
    return _ILLEGAL_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rows_xml(rows: Iterator[list[Any]] | list[list[Any]], first_row: int, styles: list[int],
             quoted: list[int]) -> Iterator[str]:
    """SpreadsheetML for ``rows`` starting at ``first_row``: numbers, booleans and inline text.

    Text is always written as an inline string, so it never becomes a formula; text starting
    with = + - @ gets the ``quoted`` style (Excel's quote prefix) so it stays text when edited.
    The XML after each cell's reference is cached per column and value: answers repeat a lot.
    """
    letters = [column_letter(i + 1) for i in range(len(styles))]
    tails: list[dict[Any, str]] = [{} for _ in styles]
    r = first_row
    for row in rows:
        parts = [f'<row r="{r}">']
        rs = str(r)
        for i, v in enumerate(row):
            if v is None or v == "":
                continue
            cache = tails[i]
            key = (type(v), v) if not isinstance(v, str) else v
            tail = cache.get(key)
            if tail is None:
                tail = _cell_tail(v, styles[i], quoted[i])
                if len(cache) < 20_000:
                    cache[key] = tail
            parts.append(f'<c r="{letters[i]}{rs}"{tail}')
        parts.append("</row>")
        yield "".join(parts)
        r += 1


def _cell_tail(v: Any, style: int, quoted: int) -> str:
    if isinstance(v, bool):
        return f' s="{style}" t="b"><v>{int(v)}</v></c>'
    if isinstance(v, int | float) and v == v and v not in (float("inf"), float("-inf")):
        return f' s="{style}" t="n"><v>{v!r}</v></c>'
    t = str(v)
    s = quoted if t.startswith(FORMULA_STARTS) else style
    space = ' xml:space="preserve"' if t != t.strip() or "\n" in t else ""
    if t.isascii() and t.isprintable():
        esc = t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if ("&" in t or "<" in t or ">" in t) else t
    else:
        esc = _xml_escape(t)
    return f' s="{s}" t="inlineStr"><is><t{space}>{esc}</t></is></c>'


def splice_rows(source: Path, target: Path, sheet: str, xml_rows: Iterator[str], last_row: int,
                last_col: int) -> None:
    """Copy the workbook ``source`` to ``target`` with ``xml_rows`` appended to ``sheet``'s data.

    openpyxl spends ~10 microseconds per cell; a sheet of tens of thousands of plain rows is
    written this way instead (the sheet's header, styles and settings still come from openpyxl).
    """
    with zipfile.ZipFile(source) as zin:
        pre = Preflight(source)
        _find_sheets(zin, {i.filename: i for i in zin.infolist()}, pre)
        part = pre.sheet_parts[sheet]
        # level 1 for the big, repetitive sheet (fast beats small); the usual level for the rest
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
            for info in zin.infolist():
                data = zin.read(info)
                if info.filename != part:
                    zout.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
                    continue
                text = data.decode("utf-8")
                end = text.find("</sheetData>")
                if end < 0:
                    empty = text.find("<sheetData/>")
                    if empty < 0:
                        raise ValueError(f"no sheetData in {part}")
                    text = text[:empty] + "<sheetData></sheetData>" + text[empty + len("<sheetData/>"):]
                    end = text.find("</sheetData>")
                ref = f"A1:{column_letter(last_col)}{last_row}"
                head = re.sub(r'<dimension ref="[^"]*"', f'<dimension ref="{ref}"', text[:end], count=1)
                with zout.open(info.filename, "w") as fh:
                    fh.write(head.encode("utf-8"))
                    batch: list[str] = []
                    for x in xml_rows:
                        batch.append(x)
                        if len(batch) >= 2000:
                            fh.write("".join(batch).encode("utf-8"))
                            batch.clear()
                    fh.write("".join(batch).encode("utf-8"))
                    fh.write(text[end:].encode("utf-8"))
