"""The Excel scorecard (``readiness export FILE --xlsx OUT.xlsx``) and rebuilding an assessment from it.

Sheets, in the assessment's language (English or German):

* **Summary**: client, workshop, facilitator, overall maturity level, first production lane,
  top risks, completeness, and two native Excel charts (use-case priority, maturity vs target).
* **Use-case priorities**: ranked, with colour scales on every score.
* **Data readiness**: a heatmap of the room's answer per use case and readiness question,
  the data-readiness index, and the blockers.
* **Movement** (follow-ups only, after the summary): per maturity dimension, use case and
  baseline metric the value before (the baseline's frozen results), after and the change, and
  which of the baseline's roadmap actions were done. The summary then names the baseline and
  the overall level before and after.
* **Maturity**: per dimension the score, staged level, target and gap, and how far each level
  (1-4) is fulfilled.
* **Benchmark** (only with ``portfolio=``): the client's percentile per dimension among the
  portfolio's other assessments, anonymised (no other client is named).
* **Roadmap**: the 90-day plan in three phases with owners and due weeks.
* **Responses**: every answer, one per row, with stable column names (machine-readable).
* **About**: format, app and questionnaire versions.

A very hidden data sheet holds the assessment as JSON (engagement, participants, use cases,
answers, targets, roadmap edits, the questionnaires themselves and a follow-up's link to its
baseline with the frozen baseline results), so importing the scorecard rebuilds the
assessment exactly. Every text is written as text (never a formula).
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app import __version__
from readiness_app.errors import ExportError, ReadinessError
from readiness_app.excel.labels import answer_label, label
from readiness_app.excel.scorecard_data import SCORECARD_FORMAT, scorecard_records
from readiness_app.excel.scorecard_data import read_scorecard as read_scorecard  # the importer finds it here
from readiness_app.excel.scorecard_followup import FollowupSheets
from readiness_app.excel.sheet_format import (
    document_properties,
    explicit_fonts,
    fit_height,
    fit_sheet,
    print_setup,
    round_or_none,
)
from readiness_app.excel.workbook_io import (
    DATA_SHEET,
    column_letter,
    give_default_mode,
    rows_xml,
    set_text,
    sheet_title,
    splice_rows,
    write_data_sheet,
)
from readiness_app.messages import msg
from readiness_app.model import (
    ORGANISATION,
    Answer,
    Engagement,
    role_label,
    stage_label,
)
from readiness_app.questionnaire.loader import Library

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.followup.baseline import Movement
    from readiness_app.followup.portfolio import Portfolio
    from readiness_app.scoring import Results
    from readiness_app.store.assessment_file import AssessmentFile

log = logging.getLogger(__name__)

RESPONSE_COLUMNS = (
    "question_id", "questionnaire", "questionnaire_version", "scope", "use_case", "participant_id",
    "participant", "role", "value", "value_label", "not_applicable", "note", "updated_at", "author", "source",
)

NAVY = "1F3864"
LIGHT = "D9E1F2"
PHASE_FILLS = ("DDEBF7", "E2EFDA", "FFF2CC")
Cancel = Callable[[], bool]
ProgressFn = Callable[[int, int], None]


class ExportCancelled(ExportError):
    """The user cancelled the export; nothing was written."""


def export_scorecard(source: Path | AssessmentFile, target: Path, *, lang: str | None = None,
                     progress: ProgressFn | None = None, cancel: Cancel | None = None,
                     portfolio: Portfolio | None = None, include_library: bool | None = None,
                     author: str = "") -> Path:
    """Write the scorecard of an assessment (a path, opened read-only, or an open file) to ``target``.

    ``include_library``: embed the questionnaires' texts in the hidden data (``None``, the default: only
    when the installed questionnaires cannot supply them on import; see :mod:`.scorecard_data`). ``author``: the document's author (the
    consultant or firm; default: the engagement's consultancy, else its facilitator).

    A follow-up (an assessment with a stored baseline) gets a Movement sheet; ``portfolio``
    (:func:`readiness_app.followup.portfolio.build_portfolio` with ``current=`` this assessment) adds
    the anonymised Benchmark sheet.
    """
    from readiness_app.store.assessment_file import AssessmentFile

    if isinstance(source, AssessmentFile):
        return _export(source, Path(target), lang, progress, cancel, portfolio, include_library, author)
    af = AssessmentFile.open_readonly(Path(source))
    try:
        return _export(af, Path(target), lang, progress, cancel, portfolio, include_library, author)
    finally:
        af.close()


def _movement(af: AssessmentFile, results: Results) -> Movement | None:
    """The movement since the baseline; None for a first assessment or a damaged stored baseline
    (the scorecard is still written, without the Movement sheet)."""
    from readiness_app.errors import AssessmentFileError
    from readiness_app.followup.baseline import movement_of

    try:
        return movement_of(af, results)
    except AssessmentFileError as exc:
        log.warning("scorecard without the Movement sheet: %s", exc)
        return None


def _export(af: AssessmentFile, target: Path, lang: str | None, progress: ProgressFn | None,
            cancel: Cancel | None, portfolio: Portfolio | None = None, include_library: bool | None = None,
            author: str = "") -> Path:
    from readiness_app.scoring import build_input, score

    def step(n: int) -> None:
        if cancel is not None and cancel():
            raise ExportCancelled("cancelled; nothing was written", path=str(target))
        if progress is not None:
            progress(n, 100)

    step(0)
    engagement = af.engagement()
    lang = lang or engagement.language
    inp = build_input(af)
    results = score(inp)
    step(25)
    answers = list(inp.answers)
    book = _Scorecard(af, inp.library, results, lang, engagement, answers, _movement(af, results), portfolio)
    book.include_library = include_library
    wb = book.build()
    document_properties(wb, title=f"{engagement.client} – {book.t('sc_title')}".strip(" –"),
                        author=author or engagement.consultancy or engagement.facilitator or "Readiness Studio",
                        lang=lang)
    step(60)
    try:
        _save(wb, target, book, answers, step)
    except ReadinessError:
        raise
    except OSError as exc:
        raise ExportError(msg("cannot write the scorecard ({detail})", detail=str(exc.strerror or exc)),
                          path=str(target)) from exc
    step(100)
    return target


def _save(wb: Any, target: Path, book: _Scorecard, answers: list[Answer], step: Callable[[int], None]) -> None:
    if not target.parent.is_dir():
        raise ExportError(msg("the folder does not exist"), path=str(target.parent))
    fd, raw_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".raw.tmp", dir=target.parent)
    os.close(fd)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    raw, tmp = Path(raw_name), Path(tmp_name)
    try:
        _save_stored(wb, raw)  # uncompressed: splice_rows compresses every part once
        step(80)
        rows = book.response_rows(answers[1:])
        splice_rows(raw, tmp, book.responses_title,
                    rows_xml(rows, 3, book.response_styles, book.response_quoted),
                    last_row=len(answers) + 1, last_col=len(RESPONSE_COLUMNS))
        step(95)
        give_default_mode(tmp)
        os.replace(tmp, target)
    finally:
        for p in (raw, tmp):
            with contextlib.suppress(OSError):
                p.unlink()


def _save_stored(wb: Any, path: Path) -> None:
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED, allowZip64=True) as archive:
        ExcelWriter(wb, archive).write_data()


class _Scorecard(FollowupSheets):
    def __init__(self, af: AssessmentFile, library: Library, results: Results, lang: str,
                 engagement: Engagement, answers: list[Answer], movement: Movement | None = None,
                 portfolio: Portfolio | None = None) -> None:
        self.af = af
        self.movement = movement
        self.portfolio = portfolio
        self.answers = answers
        self.library = library
        self.results = results
        self.lang = lang
        self.engagement = engagement
        self.participants = af.participants()
        self.use_cases = af.use_cases()
        self.p_by_id = {p.id: p for p in self.participants}
        self.uc_by_id = {u.id: u for u in self.use_cases}
        self.taken: set[str] = {DATA_SHEET}
        self.responses_title = ""
        self.response_styles: list[int] = []
        self.response_quoted: list[int] = []
        self.include_library: bool | None = None

    def t(self, key: str) -> str:
        return label(key, self.lang)

    # ------------------------------------------------------------------ workbook
    def build(self) -> Any:
        from openpyxl import Workbook

        wb = Workbook()
        self._styles(wb)
        summary = wb.active
        summary.title = sheet_title(self.t("sh_summary"), self.taken)
        if self.movement is not None:
            self._movement(wb.create_sheet(sheet_title(self.t("sh_movement"), self.taken)), self.movement)
        pri = wb.create_sheet(sheet_title(self.t("sh_priorities"), self.taken))
        data = wb.create_sheet(sheet_title(self.t("sh_data"), self.taken))
        mat = wb.create_sheet(sheet_title(self.t("sh_maturity"), self.taken))
        if self.portfolio is not None:
            self._benchmark(wb.create_sheet(sheet_title(self.t("sh_benchmark"), self.taken)), self.portfolio)
        road = wb.create_sheet(sheet_title(self.t("sh_roadmap"), self.taken))
        from readiness_app.excel.regulation_sheet import sheet_name, write_regulation_sheet

        write_regulation_sheet(self, wb.create_sheet(sheet_title(sheet_name(self.lang), self.taken)))
        from readiness_app.excel.imported_sheet import (
            write_imported_sheets,  # issue 14: a sheet per instrument
        )

        write_imported_sheets(self, wb)
        resp = wb.create_sheet(sheet_title(self.t("sh_responses"), self.taken))
        about = wb.create_sheet(sheet_title(self.t("sh_about"), self.taken))
        n_uc = self._priorities(pri)
        self._data_readiness(data)
        n_dim = self._maturity(mat)
        self._roadmap(road)
        self._responses(resp)
        self._about(about)
        self._summary(summary, pri, n_uc, mat, n_dim)
        for ws in wb.worksheets:
            if ws is not resp:  # the responses table is a data table: filtered, not read cell by cell
                fit_sheet(ws)
        explicit_fonts(wb)
        write_data_sheet(wb, SCORECARD_FORMAT, self._data())
        return wb

    def _styles(self, wb: Any) -> None:
        from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

        thin = Side(style="thin", color="BFBFBF")
        styles = [
            NamedStyle("RS Title", font=Font(bold=True, size=16, color=NAVY)),
            NamedStyle("RS Subtitle", font=Font(italic=True, size=11, color="595959")),
            NamedStyle("RS Heading", font=Font(bold=True, size=12, color=NAVY)),
            NamedStyle("RS Header", font=Font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor=NAVY),
                       alignment=Alignment(wrap_text=True, vertical="center"), border=Border(bottom=thin)),
            NamedStyle("RS Label", font=Font(bold=True), alignment=Alignment(vertical="top")),
            NamedStyle("RS Text", alignment=Alignment(vertical="top"), border=Border(bottom=thin)),
            NamedStyle("RS Wrap", alignment=Alignment(wrap_text=True, vertical="top"), border=Border(bottom=thin)),
            NamedStyle("RS Number", number_format="0", alignment=Alignment(horizontal="center", vertical="top"),
                       border=Border(bottom=thin)),
            NamedStyle("RS Score", number_format="0.00", alignment=Alignment(horizontal="center", vertical="top"),
                       border=Border(bottom=thin)),
            NamedStyle("RS Percent", number_format="0%", alignment=Alignment(horizontal="center", vertical="top"),
                       border=Border(bottom=thin)),
            NamedStyle("RS Note", font=Font(italic=True, size=9, color="595959"),
                       alignment=Alignment(wrap_text=False, vertical="top")),
            NamedStyle("RS Change", number_format="+0.00;-0.00;0.00",
                       alignment=Alignment(horizontal="center", vertical="top"), border=Border(bottom=thin)),
            NamedStyle("RS Change0", number_format="+0;-0;0",
                       alignment=Alignment(horizontal="center", vertical="top"), border=Border(bottom=thin)),
            NamedStyle("RS Value", number_format="General",
                       alignment=Alignment(horizontal="center", vertical="top"), border=Border(bottom=thin)),
            NamedStyle("RS ValueChange", number_format="+General;-General;General",
                       alignment=Alignment(horizontal="center", vertical="top"), border=Border(bottom=thin)),
        ]
        for s in styles:
            wb.add_named_style(s)

    def _put(self, ws: Any, r: int, c: int, value: Any, style: str = "RS Text") -> Any:
        cell = ws.cell(r, c)
        cell.style = style  # first: a named style resets the quote prefix set_text gives
        if isinstance(value, str):
            set_text(cell, value)
        elif value is not None:
            cell.value = value
        return cell

    def _header(self, ws: Any, r: int, headers: list[str], widths: Sequence[float]) -> None:
        for c, (h, w) in enumerate(zip(headers, widths, strict=True), start=1):
            self._put(ws, r, c, h, "RS Header")
            ws.column_dimensions[column_letter(c)].width = w
        ws.row_dimensions[r].height = 32

    def _sheet_title(self, ws: Any, title: str, note: str = "") -> None:
        self._put(ws, 1, 1, title, "RS Title")
        if note:
            self._put(ws, 2, 1, note, "RS Note")

    def _finish(self, ws: Any, header_row: int, last_row: int, last_col: int, freeze: str | None = None) -> None:
        ws.freeze_panes = freeze or f"A{header_row + 1}"
        if last_row > header_row:
            ws.auto_filter.ref = f"A{header_row}:{column_letter(last_col)}{last_row}"
        ws.print_title_rows = f"{header_row}:{header_row}"
        print_setup(ws)

    # ------------------------------------------------------------------ summary
    def _summary(self, ws: Any, pri: Any, n_uc: int, mat: Any, n_dim: int) -> None:
        from openpyxl.chart import BarChart, Reference

        from readiness_app.scoring.results import LEVEL_NAMES

        e = self.engagement
        r = self.results
        self._put(ws, 1, 1, f"{self.t('sc_title')}: {e.client}" if e.client else self.t("sc_title"), "RS Title")
        self._put(ws, 2, 1, e.title, "RS Subtitle")
        dates = " – ".join(d for d in (e.workshop_start, e.workshop_end) if d)
        level = r.maturity.overall_level
        lane = r.first_lane
        lane_uc = self.uc_by_id.get(lane.use_case_id or "")
        lane_text = lane_uc.name if lane_uc else self.t("first_lane_none")
        if lane_uc and lane.conditional:
            lane_text += f" ({self.t('conditional')})"
        rows: list[tuple[str, Any, str]] = [
            ("client", e.client, "RS Text"),
            ("industry", e.industry, "RS Text"),
            ("dates", dates, "RS Text"),
            ("facilitator", ", ".join(x for x in (e.facilitator, e.consultancy) if x), "RS Text"),
            ("overall_level", f"{level} – {LEVEL_NAMES[level].get(self.lang)}" if level in LEVEL_NAMES else str(level),
             "RS Text"),
            ("overall_score", r.maturity.overall_score, "RS Score"),
            ("first_lane", lane_text, "RS Text"),
            ("why", lane.rationale.get(self.lang), "RS Wrap"),
        ]
        if self.movement is not None:
            m = self.movement
            rows[6:6] = [("followup_of", self._baseline_name(m), "RS Text"),
                         ("level_movement", f"{self._level_text(m.overall_level_before)} → "
                                            f"{self._level_text(m.overall_level_after)}", "RS Text")]
        row = 4
        for key, value, style in rows:
            self._put(ws, row, 1, self.t(key), "RS Label")
            self._put(ws, row, 2, value, style)
            if style == "RS Wrap":
                ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=4)
                fit_height(ws, row, [(str(value), 100)])
            row += 1
        row += 1
        self._put(ws, row, 1, self.t("top_risks"), "RS Heading")
        ws.column_dimensions["A"].width = 36
        row += 1
        self._header(ws, row, [self.t("severity"), self.t("risk"), self.t("evidence"), ""], [36, 34, 60, 14])
        row += 1
        for risk in r.risks[:5]:
            self._put(ws, row, 1, self.t(risk.severity), "RS Text")
            self._put(ws, row, 2, risk.name.get(self.lang), "RS Wrap")
            scopes = list(dict.fromkeys(e.scope or ORGANISATION for e in risk.evidence))
            if not scopes or ORGANISATION in scopes:  # raised for the organisation, or for named use cases only
                where = self.t("risk_org")
            else:
                where = self.t("risk_for").format(names="; ".join(
                    self.uc_by_id[s].name if s in self.uc_by_id else s for s in scopes))
            evidence = f"{where}: {risk.description.get(self.lang)}"
            self._put(ws, row, 3, evidence, "RS Wrap")
            fit_height(ws, row, [(risk.name.get(self.lang), 34), (evidence, 60)])
            row += 1
        if not r.risks:
            self._put(ws, row, 1, self.t("none"), "RS Text")
            row += 1
        row += 1
        self._put(ws, row, 1, self.t("completeness"), "RS Heading")
        row += 1
        self._header(ws, row, [self.t("questionnaire"), self.t("completeness"), self.t("version"), ""],
                     [36, 34, 60, 14])
        row += 1
        for comp in r.completeness:
            qn = self.library.questionnaire(comp.questionnaire_id)
            self._put(ws, row, 1, qn.title.get(self.lang) if qn else comp.questionnaire_id, "RS Text")
            self._put(ws, row, 2, round(comp.ratio, 4), "RS Percent")
            self._put(ws, row, 3, qn.version if qn else "", "RS Text")
            row += 1
        print_setup(ws)

        if n_uc:
            chart = BarChart()
            chart.type = "bar"
            chart.title = self.t("chart_priority")
            chart.style = 10
            shown = min(n_uc, 12)
            chart.add_data(Reference(pri, min_col=4, min_row=3, max_row=3 + shown), titles_from_data=True)
            chart.set_categories(Reference(pri, min_col=2, min_row=4, max_row=3 + shown))
            chart.y_axis.scaling.min = 0
            chart.y_axis.scaling.max = 100
            chart.x_axis.scaling.orientation = "maxMin"
            chart.legend = None
            chart.height = 9
            chart.width = 16
            ws.add_chart(chart, "F4")
        if n_dim:
            chart2 = BarChart()
            chart2.type = "bar"
            chart2.title = self.t("chart_maturity")
            chart2.style = 10
            chart2.add_data(Reference(mat, min_col=2, min_row=3, max_row=3 + n_dim), titles_from_data=True)
            chart2.add_data(Reference(mat, min_col=5, min_row=3, max_row=3 + n_dim), titles_from_data=True)
            chart2.set_categories(Reference(mat, min_col=1, min_row=4, max_row=3 + n_dim))
            chart2.y_axis.scaling.min = 0
            chart2.y_axis.scaling.max = 4
            chart2.x_axis.scaling.orientation = "maxMin"
            chart2.height = max(9, 1.0 * n_dim)
            chart2.width = 16
            ws.add_chart(chart2, "F24")

    def _level_text(self, level: int | None) -> str:
        from readiness_app.scoring.results import LEVEL_NAMES

        if level is None:
            return "–"
        return f"{level} – {LEVEL_NAMES[level].get(self.lang)}" if level in LEVEL_NAMES else str(level)

    # ------------------------------------------------------------------ priorities
    def _priorities(self, ws: Any) -> int:
        from openpyxl.formatting.rule import ColorScaleRule
        from openpyxl.styles import Font

        from readiness_app.scoring.results import QUADRANT_LABELS

        self._sheet_title(ws, self.t("sh_priorities"), self.t("pri_note"))
        headers = [self.t(k) for k in ("rank", "use_case", "stage", "priority", "impact", "readiness",
                                       "data_readiness", "control", "effort", "quadrant", "blockers")]
        self._header(ws, 3, headers, [7, 34, 16, 11, 11, 11, 13, 13, 11, 24, 60])
        r = 4
        lane = self.results.first_lane.use_case_id
        qtext = {q.id: q.text.get(self.lang) for q in self.library.iter_questions()}
        for u in self.results.use_cases:
            values = [u.rank, u.name, stage_label(u.stage, self.lang), round_or_none(u.priority.value),
                      round_or_none(u.impact.value), round_or_none(u.readiness), round_or_none(u.data_readiness.value),
                      round_or_none(u.control_complexity.value), round_or_none(u.effort.value),
                      QUADRANT_LABELS[u.quadrant].get(self.lang),
                      "; ".join(qtext.get(b.question_id, b.question_id) for b in u.blockers)]
            styles = ["RS Number", "RS Text", "RS Text"] + ["RS Number"] * 6 + ["RS Text", "RS Wrap"]
            for c, (v, s) in enumerate(zip(values, styles, strict=True), start=1):
                cell = self._put(ws, r, c, v, s)
                if u.use_case_id == lane:
                    cell.font = Font(bold=True)
            fit_height(ws, r, [(str(values[-1]), 60)])
            r += 1
        last = r - 1
        if last >= 4:
            good = ColorScaleRule(start_type="num", start_value=0, start_color="F8696B", mid_type="num",
                                  mid_value=50, mid_color="FFEB84", end_type="num", end_value=100, end_color="63BE7B")
            bad = ColorScaleRule(start_type="num", start_value=0, start_color="63BE7B", mid_type="num",
                                 mid_value=50, mid_color="FFEB84", end_type="num", end_value=100, end_color="F8696B")
            for col in "DEFG":
                ws.conditional_formatting.add(f"{col}4:{col}{last}", good)
            for col in "HI":
                ws.conditional_formatting.add(f"{col}4:{col}{last}", bad)
        self._finish(ws, 3, last, len(headers), freeze="C4")
        return len(self.results.use_cases)

    # ------------------------------------------------------------------ data readiness
    def _data_readiness(self, ws: Any) -> None:
        from openpyxl.formatting.rule import ColorScaleRule
        from openpyxl.styles import Alignment

        self._sheet_title(ws, self.t("sh_data"), self.t("dr_note"))
        questions = [q for qn in self.library.by_kind("readiness") for q in qn.questions if q.scope == "use_case"]
        self._put(ws, 3, 1, self.t("use_case"), "RS Header")
        ws.column_dimensions["A"].width = 34
        for c, q in enumerate(questions, start=2):
            mark = " *" if q.critical else ""
            cell = self._put(ws, 3, c, f"{q.text.get(self.lang)}{mark}", "RS Header")
            cell.alignment = Alignment(wrap_text=True, vertical="bottom", text_rotation=90)
            self._put(ws, 4, c, q.id, "RS Note").alignment = Alignment(text_rotation=90)
            ws.column_dimensions[column_letter(c)].width = 6.5
        idx_col = len(questions) + 2
        self._put(ws, 3, idx_col, self.t("data_readiness"), "RS Header")
        ws.column_dimensions[column_letter(idx_col)].width = 12
        ws.row_dimensions[3].height = 230
        ws.row_dimensions[4].height = 90
        r = 5
        for u in self.results.use_cases:
            self._put(ws, r, 1, u.name, "RS Text")
            for c, q in enumerate(questions, start=2):
                qc = self.results.consensus_for(q.id, u.use_case_id)
                if qc is None:
                    continue
                if qc.not_applicable:
                    self._put(ws, r, c, "N/A", "RS Number")
                elif qc.numeric is not None:
                    self._put(ws, r, c, round(qc.numeric, 1), "RS Number")
            self._put(ws, r, idx_col, round_or_none(u.data_readiness.value), "RS Number")
            r += 1
        last = r - 1
        if questions and last >= 5:
            ws.conditional_formatting.add(
                f"B5:{column_letter(idx_col - 1)}{last}",
                ColorScaleRule(start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=2,
                               mid_color="FFEB84", end_type="num", end_value=4, end_color="63BE7B"))
            ws.conditional_formatting.add(
                f"{column_letter(idx_col)}5:{column_letter(idx_col)}{last}",
                ColorScaleRule(start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=50,
                               mid_color="FFEB84", end_type="num", end_value=100, end_color="63BE7B"))
        r += 1
        self._put(ws, r, 1, self.t("blockers_title"), "RS Heading")
        r += 1
        # the question text spans the narrow heatmap columns; value and threshold follow it
        span = max(1, min(12, len(questions)))
        value_col, threshold_col = 2 + span, 3 + span
        header = ((1, "use_case"), (2, "question"), (value_col, "value"), (threshold_col, "threshold"))
        for c, key in header:
            self._put(ws, r, c, self.t(key), "RS Header")
        if span > 1:
            ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=1 + span)
        blockers = [(u, b) for u in self.results.use_cases for b in u.blockers]
        r += 1
        for u, b in blockers:
            self._put(ws, r, 1, u.name, "RS Text")
            self._put(ws, r, 2, b.text.get(self.lang), "RS Text")
            if span > 1:
                ws.merge_cells(start_row=r, start_column=2, end_row=r, end_column=1 + span)
            self._put(ws, r, value_col, round(b.value, 1), "RS Number")
            self._put(ws, r, threshold_col, b.threshold, "RS Number")
            r += 1
        if not blockers:
            self._put(ws, r, 1, self.t("none"), "RS Text")
        ws.freeze_panes = "B5"
        ws.print_title_rows = "3:4"
        print_setup(ws)

    # ------------------------------------------------------------------ maturity
    def _maturity(self, ws: Any) -> int:
        from openpyxl.formatting.rule import ColorScaleRule

        from readiness_app.scoring.results import LEVEL_NAMES

        self._sheet_title(ws, self.t("sh_maturity"), self.t("mat_note"))
        headers = [self.t(k) for k in ("dimension", "score", "level", "level_name", "target", "gap")]
        headers += [self.t("stage_n").format(n=n) for n in (1, 2, 3, 4)] + [self.t("completeness")]
        self._header(ws, 3, headers, [36, 11, 8, 16, 8, 8, 13, 13, 13, 13, 13])
        r = 4
        for d in self.results.maturity.dimensions:
            fulfil = dict(d.stage_fulfilment)
            values = [d.name.get(self.lang), round_or_none(d.score.value, 2), d.staged_level,
                      LEVEL_NAMES[d.staged_level].get(self.lang) if d.staged_level in LEVEL_NAMES else "",
                      d.target, d.gap] + [round_or_none(fulfil.get(n), 2) for n in (1, 2, 3, 4)] + [round(d.score.completeness, 4)]
            styles = ["RS Text", "RS Score", "RS Number", "RS Text", "RS Number", "RS Number"] + ["RS Score"] * 4 + \
                ["RS Percent"]
            for c, (v, s) in enumerate(zip(values, styles, strict=True), start=1):
                self._put(ws, r, c, v, s)
            r += 1
        last = r - 1
        if last >= 4:
            ws.conditional_formatting.add(
                f"G4:J{last}",
                ColorScaleRule(start_type="num", start_value=0, start_color="F8696B", mid_type="num", mid_value=2.5,
                               mid_color="FFEB84", end_type="num", end_value=4, end_color="63BE7B"))
            ws.conditional_formatting.add(
                f"B4:B{last}",
                ColorScaleRule(start_type="num", start_value=1, start_color="F8696B", mid_type="num", mid_value=2.5,
                               mid_color="FFEB84", end_type="num", end_value=4, end_color="63BE7B"))
        self._finish(ws, 3, last, len(headers), freeze="B4")
        return len(self.results.maturity.dimensions)

    # ------------------------------------------------------------------ roadmap
    def _roadmap(self, ws: Any) -> None:
        from openpyxl.styles import PatternFill

        from readiness_app.scoring.results import PHASE_LABELS

        self._sheet_title(ws, self.t("sh_roadmap"))
        headers = [self.t(k) for k in ("phase", "due_week", "action", "owner_role", "owner", "effort", "why",
                                       "findings", "edited")]
        self._header(ws, 3, headers, [13, 10, 44, 22, 22, 8, 60, 50, 12])
        r = 4
        items = sorted(self.results.roadmap.items, key=lambda i: (i.phase, i.due_week))
        for item in items:
            fill = PatternFill("solid", fgColor=PHASE_FILLS[(item.phase - 1) % 3])
            values = [PHASE_LABELS[item.phase].get(self.lang) if item.phase in PHASE_LABELS else str(item.phase),
                      item.due_week, item.title.get(self.lang), role_label(item.owner_role, self.lang), item.owner,
                      item.effort, item.why.get(self.lang), "; ".join(f.text.get(self.lang) for f in item.findings),
                      "✓" if (item.edited or item.added) else ""]
            styles = ["RS Text", "RS Number", "RS Wrap", "RS Text", "RS Text", "RS Number", "RS Wrap", "RS Wrap",
                      "RS Number"]
            for c, (v, s) in enumerate(zip(values, styles, strict=True), start=1):
                self._put(ws, r, c, v, s).fill = fill
            fit_height(ws, r, [(str(values[2]), 44), (str(values[6]), 60), (str(values[7]), 50)])
            r += 1
        self._finish(ws, 3, r - 1, len(headers), freeze="D4")

    # ------------------------------------------------------------------ responses
    def _responses(self, ws: Any) -> None:
        """Header and the first row through openpyxl (styles, filter, freeze); the rest is spliced in."""
        self.responses_title = ws.title
        widths = [26, 14, 10, 18, 28, 14, 24, 18, 10, 40, 8, 40, 22, 16, 40]
        self._header(ws, 1, list(RESPONSE_COLUMNS), widths)
        ws.row_dimensions[1].height = 20
        styles = ["RS Text"] * len(RESPONSE_COLUMNS)
        answers = self.answers
        first = self._response_row(answers[0]) if answers else [None] * len(RESPONSE_COLUMNS)
        for c, (v, s) in enumerate(zip(first, styles, strict=True), start=1):
            self._put(ws, 2, c, v if v is not None else None, s)
        scratch = ws.parent.create_sheet("probe")  # registers the two styles of the spliced rows, then goes
        plain, probe = scratch.cell(1, 1), scratch.cell(1, 2)
        plain.style = probe.style = "RS Text"
        probe.quotePrefix = True
        self.response_styles = [plain.style_id] * len(RESPONSE_COLUMNS)
        quoted = probe.style_id
        ws.parent.remove(scratch)
        self.response_quoted = [quoted] * len(RESPONSE_COLUMNS)
        ws.freeze_panes = "B2"
        ws.auto_filter.ref = f"A1:{column_letter(len(RESPONSE_COLUMNS))}{max(len(answers) + 1, 2)}"
        ws.print_title_rows = "1:1"
        print_setup(ws)

    def _response_row(self, a: Answer) -> list[Any]:
        q = self.library.question(a.question_id)
        p = self.p_by_id.get(a.participant_id)
        uc = self.uc_by_id.get(a.scope)
        value: Any = a.value
        if isinstance(value, list):
            value = ";".join(map(str, value))
        return [a.question_id, a.questionnaire_id, a.questionnaire_version, a.scope, uc.name if uc else "",
                a.participant_id, p.name if p else "", p.role if p else "", value,
                answer_label(q, a.value, self.lang, not_applicable=a.not_applicable), a.not_applicable, a.note,
                a.updated_at, a.author, a.source]

    def response_rows(self, answers: list[Answer]) -> Iterator[list[Any]]:
        for a in answers:
            yield self._response_row(a)

    # ------------------------------------------------------------------ about
    def _about(self, ws: Any) -> None:
        self._sheet_title(ws, self.t("sh_about"), self.t("about_note"))
        meta = self.af.meta()
        rows = [("format_version", SCORECARD_FORMAT), ("app_version", f"Readiness Studio {__version__}"),
                ("exported_at", datetime.now(UTC).isoformat(timespec="seconds")),
                ("assessment_id", meta.get("assessment_id", "")), ("language", self.lang),
                ("library_version", self.library.library_version)]
        r = 4
        for key, value in rows:
            self._put(ws, r, 1, self.t(key), "RS Label")
            self._put(ws, r, 2, value, "RS Text")
            r += 1
        r += 1
        self._header(ws, r, [self.t("questionnaire"), "id", self.t("version"), "kind", "sha256"], [36, 18, 12, 16, 66])
        r += 1
        for qn in self.library.questionnaires:
            for c, v in enumerate((qn.title.get(self.lang), qn.id, qn.version, qn.kind, qn.sha256), start=1):
                self._put(ws, r, c, v, "RS Text")
            r += 1
        print_setup(ws)

    # ------------------------------------------------------------------ hidden data
    def _data(self) -> dict[str, Any]:
        return scorecard_records(self.af, self.library, self.engagement, self.participants, self.use_cases,
                                 self.answers, self.include_library)
