"""Reading every spreadsheet format an earlier assessment comes in: one reader, rows of cells.

Teams bring ``.xlsx``, ``.xlsm``, ``.xls`` (Excel 97-2003), ``.ods`` and ``.csv``/``.tsv``.
:class:`WorkbookReader` reads them all the same way:

* :func:`~readiness_app.excel.workbook_io.preflight` checks the raw bytes first (format,
  encryption, zip bombs, XML entities, row limits of .xlsx sheets); .ods files get their rows
  counted from the compressed ``content.xml`` stream by :func:`_scan_ods` before any parser
  expands repeated rows, .xls and CSV are bounded by their size and counted after reading.
* The spreadsheet formats are read by python-calamine (Rust; read-only, no macros, no external
  links, formulas as their saved results), which is several times faster than openpyxl.
* CSV/TSV is read with the standard :mod:`csv` module: the delimiter (comma, semicolon, tab) is
  sniffed, the encoding is UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252;
  numbers are recognised with a decimal point or, in semicolon and tab files, a decimal comma.
  Text starting with ``=``, ``+``, ``-`` or ``@`` stays text: nothing is ever evaluated.

Rows come as ``(row number, cells)`` with merged cells filled down from their top-left cell
(a value merged across columns belongs to its first cell only), as the importer expects.
"""

from __future__ import annotations

import contextlib
import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from readiness_app.errors import WorkbookImportError
from readiness_app.excel.workbook_io import (
    MAX_ROWS,
    Cell_,
    CellValue,
    Preflight,
    Row,
    SheetScan,
    column_index,
    import_error,
    preflight,
    resolve_sheet,
    scan_sheet,
)
from readiness_app.messages import msg, whole

MAX_COLUMNS = 16_384  # Excel's own limit; a wider row is not an assessment
_MAX_MERGED_CELLS = 100_000

_ODS_TABLE = re.compile(rb"<table:table\s([^>]*)>")
_ODS_ROW = re.compile(rb"<table:table-row\b([^>]*?)(?:/>|>(.*?)</table:table-row>)", re.DOTALL)
_ODS_NAME = re.compile(rb'table:name="([^"]*)"')
_ODS_ROWS_REPEATED = re.compile(rb'table:number-rows-repeated="(\d+)"')
_ODS_COLS_REPEATED = re.compile(rb'<table:(?:covered-)?table-cell\b[^>]*table:number-columns-repeated="(\d+)"'
                                rb'[^>]*?(?:/>|>(.*?)</table:(?:covered-)?table-cell>)', re.DOTALL)
_ODS_CONTENT = re.compile(rb"office:value=|<text:p\b")

_RANGE = re.compile(r"(?:'((?:[^']|'')+)'|([^'!]+))?!?\$?([A-Z]{1,3})\$?([0-9]+)(?::\$?([A-Z]{1,3})\$?([0-9]+))?")
_INT = re.compile(r"^[+-]?(?:0|[1-9]\d{0,14})$")
_DECIMAL_POINT = re.compile(r"^[+-]?\d{1,15}\.\d+$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,15},\d+$")


def too_many_rows(path: Path, sheet: str) -> WorkbookImportError:
    return import_error(path, msg("the sheet has more than {limit} rows; an assessment workbook has a few thousand "
                                  "at most. Delete unused rows or split the sheet, then import again",
                                  limit=whole(MAX_ROWS)), sheet=sheet)


class WorkbookReader:
    """A checked workbook (any format) opened for reading. Use as a context manager."""

    def __init__(self, path: Path, *, display_name: str | None = None) -> None:
        self.path = Path(path)
        self.name = display_name or self.path.name
        self.pre: Preflight = preflight(self.path)
        self.fmt = self.pre.fmt
        self._book: Any = None
        self._names: list[str] | None = None
        self._states: dict[str, str] = {}
        self._cache: dict[str, list[list[CellValue]]] = {}
        self._merges: dict[str, tuple[tuple[int, int, int, int], ...]] = {}
        self._ods_rows: dict[str, int] | None = None
        if self.fmt == "ods":
            self._ods_rows = _scan_ods(self.path)

    # -- the calamine workbook, opened on first use
    @property
    def book(self) -> Any:
        if self._book is None:
            import python_calamine

            try:
                with self.path.open("rb") as fh:  # by content, not by name: an .xls named .xlsx still reads
                    self._book = python_calamine.CalamineWorkbook.from_filelike(fh)
            except WorkbookImportError:
                raise
            except Exception as exc:  # calamine raises its own kinds; all mean "cannot read this file"
                raise import_error(self.path, describe(exc)) from exc
        return self._book

    def close(self) -> None:
        if self._book is not None:
            with contextlib.suppress(Exception):
                self._book.close()
        self._book = None
        self._cache.clear()

    def __enter__(self) -> WorkbookReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- sheets
    @property
    def sheet_names(self) -> list[str]:
        if self._names is None:
            if self.fmt == "csv":
                self._names = [self.path.stem or "CSV"]
                self._states = {self._names[0]: "visible"}
            else:
                names = []
                for m in self.book.sheets_metadata:
                    if "Chart" in str(m.typ):
                        continue
                    names.append(m.name)
                    vis = str(m.visible).rsplit(".", 1)[-1].casefold()
                    self._states[m.name] = {"hidden": "hidden", "veryhidden": "veryHidden"}.get(vis, "visible")
                self._names = names
        return self._names

    def sheet_state(self, name: str) -> str:
        self.sheet_names  # noqa: B018 - fills the states
        return self._states.get(name, self.pre.sheet_states.get(name, "visible"))

    def resolve(self, wanted: str) -> str:
        found = resolve_sheet(self.sheet_names, wanted)
        if found is None:
            listed = ", ".join(repr(n) for n in self.sheet_names)
            raise import_error(self.path, msg("no sheet named {name}; the workbook has {listed}",
                                              name=repr(wanted), listed=listed))
        return found

    def scan(self, sheet: str) -> SheetScan | None:
        """The raw-XML facts of an .xlsx sheet (merges, drop-downs, formulas); None for other formats."""
        if self.fmt != "xlsx" or sheet not in self.pre.sheet_parts:
            return None
        return scan_sheet(self.pre, sheet)

    def row_count(self, sheet: str) -> int | None:
        """The sheet's number of rows when known without reading it."""
        scan = self.pre.scans.get(sheet)
        if scan is not None:
            return scan.rows
        if self._ods_rows is not None:
            return self._ods_rows.get(sheet)
        if sheet in self._cache:
            return len(self._cache[sheet])
        return None

    def dropdown_at(self, sheet: str, row: int, column: int) -> tuple[tuple[str, ...], tuple[float | None, ...]]:
        """The items a drop-down on the cell (1-based) offers, and the numbers beside them in their table.

        Inline lists ("Yes,Partly,No") come from the sheet; a list that names a range or a defined
        name ("AnsA" = Lookups!$P$4:$P$7) is read from that range, and a column of numbers right of it
        (a lookup table of label and weight) gives each item its value. ((), ()) without a drop-down.
        """
        scan = self.scan(sheet)
        if scan is None:
            return (), ()
        ref = scan.list_ref(row, column)
        if not ref:
            items = scan.dropdown(column)
            return items, tuple(None for _ in items)
        target = self.pre.defined_names.get(ref, ref)
        m = _RANGE.fullmatch(target.strip())
        if m is None:
            return (), ()
        name = m.group(1) or m.group(2) or sheet
        name = resolve_sheet(self.sheet_names, name.replace("''", "'")) or ""
        if not name:
            return (), ()
        c1, r1 = column_index(m.group(3)), int(m.group(4))
        c2, r2 = (column_index(m.group(5)), int(m.group(6))) if m.group(5) else (c1, r1)
        if c1 != c2 or r2 - r1 > 200:
            return (), ()
        values = self._values(name)
        labels: list[str] = []
        weights: list[float | None] = []
        for r in range(r1, r2 + 1):
            row_values = values[r - 1] if r - 1 < len(values) else []
            label = row_values[c1 - 1] if c1 - 1 < len(row_values) else None
            if label is None or str(label).strip() == "":
                continue
            weight = row_values[c1] if c1 < len(row_values) else None
            labels.append(str(label).strip())
            weights.append(float(weight) if isinstance(weight, int | float) and not isinstance(weight, bool) else None)
        if any(w is None for w in weights):
            weights = [None] * len(labels)
        return tuple(labels), tuple(weights)

    # -- cells
    def _values(self, sheet: str) -> list[list[CellValue]]:
        cached = self._cache.get(sheet)
        if cached is not None:
            return cached
        if sheet not in self.sheet_names:
            raise import_error(self.path, msg("no sheet named {name}", name=repr(sheet)))
        if self.fmt == "csv":
            values = read_csv(self.path, sheet)
            merges: tuple[tuple[int, int, int, int], ...] = ()
        else:
            self.scan(sheet)  # refuses an .xlsx sheet with too many rows before it is parsed
            try:
                ws = self.book.get_sheet_by_name(sheet)
                if ws.height > MAX_ROWS:
                    raise too_many_rows(self.path, sheet)
                if ws.width > MAX_COLUMNS:
                    raise import_error(self.path, msg("the sheet has more than {limit} columns; an assessment "
                                                      "workbook has a few dozen", limit=whole(MAX_COLUMNS)),
                                       sheet=sheet)
                raw = ws.to_python(skip_empty_area=False)
                merges = tuple((r1 + 1, c1 + 1, r2 + 1, c2 + 1)
                               for (r1, c1), (r2, c2) in (ws.merged_cell_ranges or ()))
            except WorkbookImportError:
                raise
            except Exception as exc:
                raise import_error(self.path, describe(exc), sheet=sheet) from exc
            values = [[_clean(v) for v in row] for row in raw]
            for row in values:
                while row and row[-1] is None:
                    row.pop()
        self._cache[sheet] = values
        self._merges[sheet] = merges
        return values

    def rows(self, sheet: str, *, max_row: int | None = None, max_col: int | None = None,
             fill_merged: bool = True) -> Iterator[Row]:
        """Yield ``(row number, cells)``; formulas carry their saved result, merged cells their value."""
        values = self._values(sheet)
        scan = self.scan(sheet)
        special: dict[int, list[tuple[int, Cell_]]] = {}  # row -> (column, cell) the reader cannot see
        merges: tuple[tuple[int, int, int, int], ...] = self._merges.get(sheet, ())
        if scan is not None:
            for r, c, t in scan.errors:
                special.setdefault(r, []).append((c, Cell_(t, True)))
            for r, c, t in scan.empty_formulas:
                special.setdefault(r, []).append((c, Cell_(None, True, t)))
            merges = scan.merges or merges
        merged_by_row: dict[int, list[tuple[int, tuple[int, int]]]] = {}
        if fill_merged:
            for r1, c1, r2, c2 in merges:
                if (r2 - r1 + 1) * (c2 - c1 + 1) > _MAX_MERGED_CELLS:
                    continue
                # a value merged down a column (a participant over several rows) belongs to each row;
                # one merged across columns (a title or section row) belongs to its first cell only
                if max_col is None or c1 <= max_col:
                    for r in range(r1 + 1, r2 + 1):
                        merged_by_row.setdefault(r, []).append((c1, (r1, c1)))
        last = len(values)
        if merged_by_row:
            last = max(last, max(merged_by_row))
        if max_row is not None:
            last = min(last, max_row)
        for number in range(1, last + 1):
            raw = values[number - 1] if number <= len(values) else []
            width = len(raw) if max_col is None else min(len(raw), max_col)
            cells = [Cell_(raw[i]) for i in range(width)]
            for c, cell in special.get(number, ()):
                if max_col is None or c <= max_col:
                    while len(cells) < c:
                        cells.append(Cell_(None))
                    cells[c - 1] = cell
            for c, (r1, c1) in merged_by_row.get(number, ()):
                anchor_row = values[r1 - 1] if r1 - 1 < len(values) else []
                anchor = anchor_row[c1 - 1] if c1 - 1 < len(anchor_row) else None
                if anchor is None:
                    continue
                while len(cells) < c:
                    cells.append(Cell_(None))
                if cells[c - 1].value is None:
                    cells[c - 1] = Cell_(anchor, False, "", True)
            yield number, tuple(cells)


def _clean(v: Any) -> CellValue:
    if isinstance(v, str):
        return v if v != "" else None
    if isinstance(v, bool):
        return v
    if isinstance(v, float):
        return int(v) if v.is_integer() and abs(v) < 1e15 else v
    if v is None or isinstance(v, int | datetime | date | time | timedelta):
        return v
    return str(v)


def describe(exc: Exception) -> str:
    """What a reader's exception means for the user, in one line."""
    name = type(exc).__name__
    text = str(exc) or name
    low = text.casefold()
    if "password" in low or "encrypt" in low or name == "PasswordError":
        return msg("the workbook is password-protected (encrypted). Open it in Excel, remove the password "
                   "(File > Info > Protect Workbook), save it and import again")
    if "Entities" in name or "DTD" in name or "entity" in low:
        return msg("the workbook declares XML entities, which workbooks never need; refused for safety")
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError) or name == "ZipError":
        return msg("the workbook is damaged or truncated ({detail}); open it in Excel or LibreOffice and save it "
                   "again", detail=text)
    if isinstance(exc, KeyError):
        return msg("the workbook is incomplete (missing part {part}); open it in Excel or LibreOffice and save it "
                   "again", part=text)
    return msg("cannot read the workbook ({detail}); open it in Excel or LibreOffice and save it again",
               detail=f"{name}: {text[:200]}")


# --------------------------------------------------------------------------- OpenDocument


def _scan_ods(path: Path) -> dict[str, int]:
    """Rows holding content per sheet of an .ods, from the compressed stream; refuses too many.

    A repeated row or cell (``number-rows-repeated``) with content counts as often as it
    repeats, so a small file cannot make the reader expand millions of rows.
    """
    counts: dict[str, int] = {}
    sheet = ""
    tail = b""
    try:
        with zipfile.ZipFile(path) as zf, zf.open("content.xml") as fh:
            while True:
                chunk = fh.read(1 << 16)
                buf = tail + chunk
                pos = 0
                while True:
                    t = _ODS_TABLE.search(buf, pos)
                    r = _ODS_ROW.search(buf, pos)
                    if t is not None and (r is None or t.start() < r.start()):
                        name = _ODS_NAME.search(t.group(1))
                        from html import unescape

                        sheet = unescape(name.group(1).decode("utf-8", "replace")) if name else ""
                        counts.setdefault(sheet, 0)
                        pos = t.end()
                        continue
                    if r is None:
                        break
                    body = r.group(2) or b""
                    if _ODS_CONTENT.search(body):
                        rep = _ODS_ROWS_REPEATED.search(r.group(1))
                        counts[sheet] = counts.get(sheet, 0) + (int(rep.group(1)) if rep else 1)
                        if counts[sheet] > MAX_ROWS:
                            raise too_many_rows(path, sheet)
                        for m in _ODS_COLS_REPEATED.finditer(body):
                            if int(m.group(1)) > MAX_COLUMNS and _ODS_CONTENT.search(m.group(0)):
                                raise import_error(path, msg("the sheet has more than {limit} columns; an assessment "
                                                             "workbook has a few dozen", limit=whole(MAX_COLUMNS)),
                                                   sheet=sheet)
                    pos = r.end()
                if not chunk:
                    break
                tail = buf[pos:]
                if len(tail) > 64 * 1024 * 1024:
                    raise import_error(path, msg("the workbook is damaged or truncated ({detail}); open it in Excel "
                                                 "or LibreOffice and save it again", detail="a row without an end"))
    except WorkbookImportError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, KeyError) as exc:
        raise import_error(path, describe(exc)) from exc
    return counts


# --------------------------------------------------------------------------- CSV and TSV


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str, suffix: str = "") -> str:
    """The field delimiter of a CSV text: tab, semicolon or comma (the most regular one wins)."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    if not lines:
        return "\t" if suffix == ".tsv" else ","
    best, best_score = ("\t" if suffix == ".tsv" else ","), -1.0
    for d in ("\t", ";", ","):
        counts = [_count_outside_quotes(ln, d) for ln in lines]
        filled = [c for c in counts if c]
        if not filled:
            continue
        common = max(set(filled), key=filled.count)
        score = filled.count(common) / len(lines) * 10 + min(common, 20) / 20
        if score > best_score:
            best, best_score = d, score
    return best


def _count_outside_quotes(line: str, d: str) -> int:
    n, quoted = 0, False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == d and not quoted:
            n += 1
    return n


def read_csv(path: Path, sheet: str) -> list[list[CellValue]]:
    """The rows of a CSV/TSV file as cell values (numbers recognised, text never evaluated)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise import_error(path, msg("cannot read the file ({reason})", reason=exc.strerror)) from exc
    if b"\x00" in data[:65536] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise import_error(path, msg("not a CSV file: it holds binary data; export the sheet as CSV (UTF-8) "
                                     "and import that"))
    text = decode_text(data)
    delimiter = sniff_delimiter(text, path.suffix.casefold())
    decimal_comma = delimiter != ","
    rows: list[list[CellValue]] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for fields in reader:
            if len(rows) >= MAX_ROWS:
                raise too_many_rows(path, sheet)
            if len(fields) > MAX_COLUMNS:
                raise import_error(path, msg("the sheet has more than {limit} columns; an assessment workbook "
                                             "has a few dozen", limit=whole(MAX_COLUMNS)), sheet=sheet,
                                   row=len(rows) + 1)
            row = [csv_value(f, decimal_comma) for f in fields]
            while row and row[-1] is None:
                row.pop()
            rows.append(row)
    except csv.Error as exc:
        raise import_error(path, msg("not a readable CSV file ({detail})", detail=str(exc)), sheet=sheet,
                           row=len(rows) + 1) from exc
    return rows


def csv_value(text: str, decimal_comma: bool) -> CellValue:
    """A CSV field as a cell value: whole numbers and decimals become numbers, the rest stays text."""
    t = text.strip()
    if not t:
        return None
    if _INT.match(t):
        return int(t)
    if _DECIMAL_POINT.match(t):
        return float(t)
    if decimal_comma and _DECIMAL_COMMA.match(t):
        return float(t.replace(",", "."))
    return text.strip("\r\n")
