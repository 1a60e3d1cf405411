"""The deliverable lint: what a partner would strike out before the PDF or scorecard leaves the firm.

:func:`lint_pdf` and :func:`lint_xlsx` read a written deliverable back and return one line
per finding, naming the page or cell:

* placeholders: ``XX``, ``TODO``, a ``{field}`` left unfilled, ``(s)``/``(n)``/``(en)`` plurals;
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
]
# a decimal written the other locale's way: one or two digits after the separator, not a date,
# a version (2026.1, 0.9.0) or a thousands group (1.234)
_WRONG_DECIMAL = {
    "de": re.compile(r"(?<![\d.,\w])(?!20\d\d\.)\d{1,3}\.\d{1,2}(?![\d.]|\s?[A-Za-z]{1,3}\.)"),
    "en": re.compile(r"(?<![\d.,\w])\d{1,3},\d{1,2}(?![\d,])"),
}
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{5,}")
_IDS = re.compile(r"\b[\w-]+(?:\.[\w-]+)+\b")  # question and flag ids ("mat.mon.business_loop")


def _problem_lines(text: str, lang: str, where: str) -> list[str]:
    out: list[str] = []
    for pattern, what in _PLACEHOLDERS:
        m = pattern.search(text)
        if m:
            out.append(f"{where}: {what}: {_context(text, m.start())!r}")
    m = _WRONG_DECIMAL["de" if lang == "de" else "en"].search(text)
    if m:
        out.append(f"{where}: decimal separator of the other language: {_context(text, m.start())!r}")
    for v in violations(text, lang):
        out.append(f"{where}: glossary: {v}")
    if lang == "de":
        words = _WORD.findall(_IDS.sub(" ", text))
        english = sorted({w for w in words if w.lower() in english_only_words()})
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


def _page_lines(page: Any) -> list[tuple[float, str]]:
    """(y, text) of every text run on a page, top of the page first."""
    runs: list[tuple[float, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            runs.append((float(tm[5]) * float(cm[3]) + float(cm[5]), text))

    page.extract_text(visitor_text=visit)
    return sorted(runs, key=lambda r: -r[0])


def lint_pdf(path: Path, lang: str) -> list[str]:
    """Findings in a written report, one line each, naming the page."""
    from pypdf import PdfReader

    from readiness_app.report.texts import SECTION_IDS, section_title

    reader = PdfReader(str(path))
    out: list[str] = []
    titles = {section_title(s, lang) for s in SECTION_IDS}
    pages = reader.pages
    fills: list[float] = []
    starts: list[bool] = []
    for n, page in enumerate(pages, start=1):
        text = page.extract_text() or ""
        body = text.replace("\u00ad", "").replace("-\n", "")
        out += _problem_lines(body, lang, f"{path.name}: page {n}")
        if "…" in text:
            out.append(f"{path.name}: page {n}: clipped text: {_context(text, text.index('…'))!r}")
        height = float(page.mediabox.height)
        top, bottom = height * 0.90, height * 0.07  # inside the running header and footer
        ys = [y for y, _t in _page_lines(page) if bottom < y < top]
        fills.append((top - min(ys)) / (top - bottom) if ys else 0.0)
        head = [t.strip() for _y, t in _page_lines(page) if bottom < _y < top][:4]
        starts.append(any(t.lstrip("0123456789 ").strip() in titles for t in head))
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

    wb = load_workbook(path)
    out: list[str] = []
    for i, font in enumerate(wb._fonts):
        if not font.name:
            out.append(f"{path.name}: styles: font {i} has no name (another reader falls back to a serif)")
            break
    if not wb.properties.title:
        out.append(f"{path.name}: document properties: no title")
    if (wb.properties.creator or "").lower() == "openpyxl":
        out.append(f"{path.name}: document properties: author 'openpyxl'")
    from readiness_app.excel.labels import label
    from readiness_app.excel.sheet_format import line_count

    # the responses table (filtered, machine-readable: ids, roles, raw values) and the About sheet (ids,
    # versions, fingerprints) are technical: only placeholders and the glossary are checked there
    data_tables = {label(k, lang) for k in ("sh_responses", "sh_about") for lang in ("en", "de")}
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
