"""Formatting that makes a workbook read right in every reader (Excel, LibreOffice, Numbers).

openpyxl writes fonts without a name unless told, sets no row heights (LibreOffice then draws
wrapped text over the next row) and leaves its own name as the author. These helpers give
every font a name, every wrapped row its height and every text column a width from its
content, and set the document's title and author.
"""

from __future__ import annotations

from typing import Any

from readiness_app.excel.workbook_io import column_letter

UP_FILL, UP_FONT = "C6EFCE", "006100"  # Excel's own "good" and "bad" colours
DOWN_FILL, DOWN_FONT = "FFC7CE", "9C0006"
FONT_NAME = "Calibri"  # Excel's default; LibreOffice shows it with the metric-compatible Carlito
LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_WIDTH = 60.0  # characters: wider text wraps instead
CHAR_FACTOR = 1.1  # a character of 11-point Calibri is a little narrower than a width unit


def explicit_fonts(wb: Any) -> None:
    """Give every font of the workbook (named styles and cell fonts) an explicit name."""
    from copy import copy

    for style in wb._named_styles:
        if not style.font.name:
            font = copy(style.font)
            font.name = FONT_NAME
            style.font = font
    for i, font in enumerate(wb._fonts):
        if not font.name:
            named = copy(font)
            named.name = FONT_NAME
            wb._fonts[i] = named


def document_properties(wb: Any, *, title: str, author: str, lang: str) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    props = wb.properties
    # document properties are XML text: control characters (allowed in names) cannot go there
    props.title = ILLEGAL_CHARACTERS_RE.sub("", title)[:1000]
    props.creator = ILLEGAL_CHARACTERS_RE.sub("", author)[:1000]
    props.lastModifiedBy = props.creator
    props.language = "de-DE" if lang == "de" else "en-GB"


def line_count(text: str, width: float) -> int:
    """The lines ``text`` takes when wrapped in a column ``width`` characters wide."""
    per_line = max(1, int(width * CHAR_FACTOR))
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def fit_sheet(ws: Any, *, first_row: int = 1) -> None:
    """Widen text columns to their content (up to :data:`MAX_WIDTH`, then wrap) and give every row
    with wrapped text the height of its lines; rotated headers and merged titles are left alone."""
    from openpyxl.styles import Alignment

    merged = {c for rng in ws.merged_cells.ranges for row in ws.iter_rows(
        min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col) for c in row}
    widths: dict[int, float] = {}
    for row in ws.iter_rows(min_row=first_row):
        for cell in row:
            if not isinstance(cell.value, str) or cell.value.startswith("=") or cell in merged:
                continue
            if cell.alignment is not None and cell.alignment.textRotation:
                continue
            if ws.cell(cell.row, cell.column + 1).value in (None, "") and not (
                    cell.alignment is not None and cell.alignment.wrap_text):
                continue  # a lone text runs into the empty cell beside it: nothing is cut
            longest = max(len(part) for part in cell.value.split("\n"))
            widths[cell.column] = max(widths.get(cell.column, 0.0), min(MAX_WIDTH, longest / CHAR_FACTOR + 2))
    for col, want in widths.items():
        dim = ws.column_dimensions[column_letter(col)]
        have = dim.width or 8.43
        if want > have:
            dim.width = want
    for row in ws.iter_rows(min_row=first_row):
        need = 1
        for cell in row:
            if not isinstance(cell.value, str) or cell in merged or cell.value.startswith("="):
                continue
            if cell.alignment is not None and cell.alignment.textRotation:
                continue
            wrapped = cell.alignment is not None and cell.alignment.wrap_text
            if not wrapped and ws.cell(cell.row, cell.column + 1).value in (None, ""):
                continue  # a title or note runs into the empty cells beside it
            width = ws.column_dimensions[column_letter(cell.column)].width or 8.43
            lines = line_count(cell.value, width)
            if lines > 1 or "\n" in cell.value:
                if not (cell.alignment is not None and cell.alignment.wrap_text):
                    al = cell.alignment
                    cell.alignment = Alignment(wrap_text=True, vertical=(al.vertical if al else None) or "top",
                                               horizontal=al.horizontal if al else None)
                need = max(need, lines)
        if need > 1:
            r = row[0].row
            current = ws.row_dimensions[r].height
            ws.row_dimensions[r].height = max(current or 0.0, LINE_HEIGHT * need)


# --------------------------------------------------------------------------- the scorecard's cell helpers


def round_or_none(v: float | None, digits: int = 0) -> float | int | None:
    if v is None:
        return None
    return round(v) if digits == 0 else round(v, digits)


def up_down(ws: Any, ref: str) -> None:
    """Green when a change is positive, red when it is negative."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import Font, PatternFill

    ws.conditional_formatting.add(ref, CellIsRule(operator="greaterThan", formula=["0"], font=Font(color=UP_FONT),
                                                  fill=PatternFill("solid", bgColor=UP_FILL)))
    ws.conditional_formatting.add(ref, CellIsRule(operator="lessThan", formula=["0"], font=Font(color=DOWN_FONT),
                                                  fill=PatternFill("solid", bgColor=DOWN_FILL)))


def when(ws: Any, ref: str, formula: str, fill: str, font: str) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    ws.conditional_formatting.add(ref, FormulaRule(formula=[formula], font=Font(color=font),
                                                   fill=PatternFill("solid", bgColor=fill)))


def fit_height(ws: Any, row: int, texts: list[tuple[str, float]]) -> None:
    """Set a row's height for wrapped texts (text, column width in characters); Excel does not."""
    lines = max((max(1, -(-len(t) // max(int(w * 1.1), 1))) + t.count("\n") for t, w in texts), default=1)
    ws.row_dimensions[row].height = max(15.0, 15.0 * lines)


def print_setup(ws: Any) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
