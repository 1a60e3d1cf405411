"""The deliverable lint: what a partner would strike out before the PDF or scorecard leaves the firm.

:func:`lint_pdf` and :func:`lint_xlsx` read a written deliverable back and return one line
per finding, naming the page or cell:

* placeholders: ``XX``, ``TODO``, a ``{field}`` left unfilled, ``(s)``/``(n)``/``(en)`` plurals, and
  a word glued to its bracket ("Reife(Pilot)");
* numbers in the other locale's notation ("1.9" in German, "1,9" in English);
* English words of the product's own texts in a German deliverable;
* a variant the glossary (``assets/glossary.toml``) rules out;
* clipped text (an ellipsis cut by the layout; a workbook cell that runs into its neighbour
  or wraps without a row height; a font without a name);
* a page less than a third full that does not end a chapter (PDF).

:func:`check_deliverables` renders both deliverables of an assessment and lints them;
``readiness check-deliverables FILE`` runs it.
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from readiness_app.report.glossary import violations

MIN_PAGE_FILL = 1 / 3  # a page under a third full must end a chapter

_PLACEHOLDERS = [
    (re.compile(r"\bXX+\b"), "placeholder 'XX'"),
    (re.compile(r"\bTODO\b|\bFIXME\b|\bTBD\b"), "placeholder 'TODO'"),
    (re.compile(r"\{[^}\s]{0,40}\}?|\}"), "unfilled field '{'"),
    (re.compile(r"[^\W\d_]\((?:s|n|en|e|r)\)"), "plural in brackets '(s)'/'(n)'"),
    (re.compile(r"[a-zäöüß]\((?!(?:s|n|en|e|r)\))[A-Za-zÄÖÜ]{2}"), "no space before a bracket"),
]
# a decimal written the other locale's way: one or two digits after the separator, not a date,
# a version (2026.1, 0.9.0) or a thousands group (1.234)
_WRONG_DECIMAL = {
    "de": re.compile(r"(?<![\d.,\w])(?!20\d\d\.)\d{1,3}\.\d{1,2}(?![\d.]|\s?[A-Za-z]{1,3}\.)"),
    "en": re.compile(r"(?<![\d.,\w])\d{1,3},\d{1,2}(?![\d,])"),
}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
_VERSION_BEFORE = re.compile(r"(?:\b[A-Z]{2,}|[Vv]ersion|\bv)\s?$")
_IDS = re.compile(r"\b[\w-]+(?:\.[\w-]+)+\b")  # question and flag ids ("mat.mon.business_loop")


def _problem_lines(text: str, lang: str, where: str) -> list[str]:
    out: list[str] = []
    for pattern, what in _PLACEHOLDERS:
        m = pattern.search(text)
        if m:
            out.append(f"{where}: {what}: {_context(text, m.start())!r}")
    for m in _WRONG_DECIMAL["de" if lang == "de" else "en"].finditer(text):
        if _VERSION_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "NIST AI RMF 1.0", "Version 2.1": a version, not a decimal
        out.append(f"{where}: decimal separator of the other language: {_context(text, m.start())!r}")
        break
    for v in violations(text, lang):
        out.append(f"{where}: glossary: {v}")
    if lang == "de":
        words = _WORD.findall(_IDS.sub(" ", text))
        english = sorted({w for w in words if w.lower() in english_only_words() and not w.isupper()})
        if english:
            out.append(f"{where}: English words in a German deliverable: {', '.join(english[:6])}")
    return out


def _context(text: str, at: int) -> str:
    return " ".join(text[max(0, at - 25):at + 25].split())


@functools.cache
def english_only_words() -> frozenset[str]:
    """Words of the product's own English texts that no German text uses (report, questionnaires,
    scorecard labels): in a German deliverable they are untranslated text."""
    from readiness_app.excel import labels
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.report import texts
    from readiness_app.resources import questionnaires_dir

    en: list[str] = []
    de: list[str] = []
    for key in texts.all_keys():
        e, d = texts._S[key]
        en.append(e)
        de.append(d)
    for value in vars(labels).values():
        if isinstance(value, dict):
            for pair in value.values():
                if isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(x, str) for x in pair):
                    en.append(pair[0])
                    de.append(pair[1])
    lib = load_library(questionnaires_dir())
    for qn in lib.questionnaires:
        en.append(qn.title.en)
        de.append(qn.title.de)
    for dim in lib.dimensions.values():
        en.append(dim.name.en)
        de.append(dim.name.de)
    for q in lib.iter_questions():  # German texts may use an English term on purpose ("Product Owner")
        de += [q.text.de, q.help.de, *(lv.de for lv in q.levels), *(o.label.de for o in q.options)]
        if q.unit:
            de.append(q.unit.de)
    english = {w.lower() for t in en for w in _WORD.findall(t)}
    german = {w.lower() for t in de for w in _WORD.findall(t)}
    return frozenset(english - german)


# --------------------------------------------------------------------------- PDF


def pdf_pages(path: Path) -> list[tuple[str, list[tuple[float, str]], float]]:
    """Per page: its text, its text runs as (y, text) top first, and the page height (one pass)."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(str(path)).pages:
        runs: list[tuple[float, str]] = []

        def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any, runs: list[tuple[float, str]] = runs) -> None:
            if text.strip():
                runs.append((float(tm[5]) * float(cm[3]) + float(cm[5]), text))

        text = page.extract_text(visitor_text=visit) or ""
        pages.append((text, sorted(runs, key=lambda r: -r[0]), float(page.mediabox.height)))
    return pages


def lint_pdf(path: Path, lang: str, pages: list[tuple[str, list[tuple[float, str]], float]] | None = None) -> list[str]:
    """Findings in a written report, one line each, naming the page (``pages``: from :func:`pdf_pages`)."""
    from readiness_app.report.texts import SECTION_IDS, all_keys, section_title, t

    out: list[str] = []
    # a chapter starts with its title; the closing list of full texts counts as one
    titles = {section_title(s, lang) for s in SECTION_IDS} | {t(k, lang) for k in ("fulltexts.title",)
                                                               if k in all_keys()}
    fills: list[float] = []
    starts: list[bool] = []
    for n, (text, runs, height) in enumerate(pages if pages is not None else pdf_pages(path), start=1):
        body = text.replace("\u00ad", "").replace("-\n", "")
        out += _problem_lines(body, lang, f"{path.name}: page {n}")
        for m in re.finditer("…", text):
            if re.match(r"\s*\[\d+\]", text[m.end():m.end() + 8]):
                continue  # shortened by rule, with its full text under that number at the end
            out.append(f"{path.name}: page {n}: clipped text: {_context(text, m.start())!r}")
            break
        top, bottom = height * 0.93, height * 0.07  # inside the running header and footer
        inside = [(y, t) for y, t in runs if bottom < y < top]
        fills.append((top - min(y for y, _t in inside)) / (top - bottom) if inside else 0.0)
        starts.append(any(t.strip().lstrip("0123456789 ").strip() in titles for _y, t in inside[:4]))
    for i, fill in enumerate(fills):
        ends_chapter = i + 1 >= len(fills) or starts[i + 1]
        if i >= 1 and fill < MIN_PAGE_FILL and not ends_chapter:
            out.append(f"{path.name}: page {i + 1}: only {fill:.0%} full and the chapter goes on")
    return out


# --------------------------------------------------------------------------- workbook


def lint_xlsx(path: Path, lang: str) -> list[str]:
    """Findings in a written workbook, one line each, naming the sheet and cell."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from readiness_app.excel.labels import label
    from readiness_app.excel.sheet_format import line_count

    # the responses table (filtered, machine-readable: ids, roles, raw values) and the About sheet (ids,
    # versions, fingerprints) are technical: only placeholders and the glossary are checked there
    data_tables = {label(k, lang) for k in ("sh_responses", "sh_about") for lang in ("en", "de")}
    with tempfile.TemporaryDirectory(prefix="readiness-lint-") as tmp:
        light, table_texts = _split_tables(path, {label("sh_responses", x) for x in ("en", "de")}, Path(tmp))
        wb = load_workbook(light)
    out: list[str] = []
    for title, table_lines in table_texts.items():
        found = _problem_lines("\n".join(table_lines), lang, f"{path.name}: sheet {title}")
        out += [f for f in found if "placeholder" in f or "unfilled" in f or "plural" in f or "glossary" in f]
    for i, font in enumerate(wb._fonts):
        if not font.name:
            out.append(f"{path.name}: styles: font {i} has no name (another reader falls back to a serif)")
            break
    if not wb.properties.title:
        out.append(f"{path.name}: document properties: no title")
    if (wb.properties.creator or "").lower() == "openpyxl":
        out.append(f"{path.name}: document properties: author 'openpyxl'")
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        merged = {c.coordinate for rng in ws.merged_cells.ranges for row in ws.iter_rows(
            min_row=rng.min_row, max_row=rng.max_row, min_col=rng.min_col, max_col=rng.max_col) for c in row}
        texts: list[str] = []
        for row in ws.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or not cell.value.strip() or cell.value.startswith("="):
                    continue
                texts.append(cell.value)
                if ws.title in data_tables or cell.coordinate in merged:
                    continue
                if cell.alignment is not None and cell.alignment.textRotation:
                    continue
                ref = f"{path.name}: {ws.title}!{cell.coordinate}"
                wrap = bool(cell.alignment and cell.alignment.wrap_text)
                width = ws.column_dimensions[get_column_letter(cell.column)].width or 8.43
                longest = max(len(line) for line in cell.value.split("\n"))
                if not wrap and longest > width * 1.15:
                    neighbour = ws.cell(cell.row, cell.column + 1).value
                    if neighbour not in (None, ""):
                        out.append(f"{ref}: clipped text ({longest} characters in a column {width:.0f} wide)")
                lines = line_count(cell.value, width)
                if wrap and lines > 1:
                    height = ws.row_dimensions[cell.row].height
                    if height is None or height < lines * 11:
                        out.append(f"{ref}: wrapped text without a row height for its {lines} lines")
        joined = "\n".join(texts)
        found = _problem_lines(joined, lang, f"{path.name}: sheet {ws.title}")
        if ws.title in data_tables:
            found = [f for f in found if "placeholder" in f or "unfilled" in f or "plural" in f or "glossary" in f]
        out += found
    return _dedupe(out)


def _split_tables(path: Path, titles: set[str], tmp: Path) -> tuple[Path, dict[str, list[str]]]:
    """A copy of the workbook without the rows of the big data tables (openpyxl reads it in a
    fraction of the time), and those tables' texts, read with python-calamine."""
    import zipfile
    from xml.etree import ElementTree as ET

    from python_calamine import CalamineWorkbook

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    with zipfile.ZipFile(path) as z:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        targets = {r.get("Id"): r.get("Target", "") for r in rels.findall("p:Relationship", ns)}
        parts: dict[str, str] = {}
        for sheet in book.findall("m:sheets/m:sheet", ns):
            if sheet.get("name") in titles:
                target = targets.get(sheet.get(f"{{{ns['r']}}}id"), "").lstrip("/")
                parts["xl/" + target if not target.startswith("xl/") else target] = str(sheet.get("name"))
        if not parts:
            return path, {}
        light = tmp / path.name
        with zipfile.ZipFile(light, "w", zipfile.ZIP_DEFLATED) as out:
            for item in z.infolist():
                data = z.read(item.filename)
                if item.filename in parts:
                    data = re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", data, flags=re.S)
                out.writestr(item, data)
    cal = CalamineWorkbook.from_path(str(path))
    texts = {title: [str(v) for row in cal.get_sheet_by_name(title).to_python() for v in row
                     if isinstance(v, str) and v] for title in parts.values()}
    return light, texts


def _dedupe(lines: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for line in lines:
        seen.setdefault(line, None)
    return list(seen)


# --------------------------------------------------------------------------- both


def check_deliverables(source: Path, lang: str | None = None) -> list[str]:
    """Lint ``source``: a report (.pdf), a workbook (.xlsx), or an assessment (.readiness), whose
    PDF report and scorecard are rendered into a temporary folder first."""
    suffix = source.suffix.lower()
    if suffix == ".pdf":
        return lint_pdf(source, lang or _pdf_lang(source))
    if suffix == ".xlsx":
        return lint_xlsx(source, lang or "en")
    from readiness_app.excel.scorecard import export_scorecard
    from readiness_app.report.pdf import build_report
    from readiness_app.store.assessment_file import AssessmentFile

    if lang is None:
        af = AssessmentFile.open_readonly(source)
        try:
            lang = af.engagement().language
        finally:
            af.close()
    with tempfile.TemporaryDirectory(prefix="readiness-check-") as tmp:
        pdf = Path(tmp) / f"{source.stem}.pdf"
        xlsx = Path(tmp) / f"{source.stem}.xlsx"
        build_report(source, pdf, lang=lang)
        export_scorecard(source, xlsx, lang=lang)
        return lint_pdf(pdf, lang) + lint_xlsx(xlsx, lang)


def _pdf_lang(path: Path) -> str:
    from pypdf import PdfReader

    root: Any = PdfReader(str(path)).trailer["/Root"]
    value = str(root.get_object().get("/Lang", "en"))
    return "de" if value.lower().startswith("de") else "en"
