"""The scorecard's follow-up sheets: Movement since the baseline and the anonymised Benchmark.

A mixin of :class:`readiness_app.excel.scorecard._Scorecard`, which provides ``t``, ``_put``,
``_header``, ``_sheet_title`` and ``_finish``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from readiness_app.excel.sheet_format import (
    DOWN_FILL,
    DOWN_FONT,
    UP_FILL,
    UP_FONT,
    fit_height,
    print_setup,
    round_or_none,
    up_down,
    when,
)
from readiness_app.excel.workbook_io import column_letter
from readiness_app.model import role_label

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.followup.baseline import Movement
    from readiness_app.followup.portfolio import Portfolio


class FollowupSheets:
    lang: str
    _put: Any
    _header: Any
    _sheet_title: Any
    _finish: Any
    _level_text: Any
    results: Any
    library: Any
    engagement: Any

    def t(self, key: str) -> str:
        from readiness_app.excel.labels import label

        return label(key, self.lang)

    def _baseline_name(self, m: Movement) -> str:
        if m.baseline_workshop_start:
            return self.t("baseline_of").format(date=m.baseline_workshop_start)
        return self.t("baseline_file").format(file=m.baseline_file or m.baseline_assessment_id)

    # ------------------------------------------------------------------ movement (follow-ups)
    def _movement(self, ws: Any, m: Movement) -> None:
        """Before, after and change per dimension, use case and baseline metric; the earlier actions."""
        from openpyxl.styles import Font

        self._sheet_title(ws, self.t("mv_title"), f"{self.t('followup_of')} {self._baseline_name(m)}. "
                                                 f"{self.t('mv_note')}")
        widths = [46, 24, 22, 12, 12, 12, 12, 12, 12, 26]
        for c, w in enumerate(widths, start=1):
            ws.column_dimensions[column_letter(c)].width = w
        presence = {"new": self.t("presence_new"), "dropped": self.t("presence_dropped"), "both": ""}

        def header(row: int, keys: Sequence[str]) -> None:
            for c, key in enumerate(keys, start=1):
                self._put(ws, row, c, self.t(key), "RS Header")
            ws.row_dimensions[row].height = 32

        def put_row(row: int, values: Sequence[tuple[Any, str]]) -> None:
            for c, (v, style) in enumerate(values, start=1):
                self._put(ws, row, c, v, style)

        # maturity
        r = 4
        self._put(ws, r, 1, self.t("mv_dimensions"), "RS Heading")
        r += 1
        header(r, ("dimension", "score_before", "score_after", "change", "level_before", "level_after",
                   "level_change", "target", "presence"))
        first = r + 1
        r += 1
        level_change = (None if m.overall_level_before is None or m.overall_level_after is None
                        else m.overall_level_after - m.overall_level_before)
        put_row(r, [(self.t("overall"), "RS Label"), (m.overall_score_before, "RS Score"),
                    (m.overall_score_after, "RS Score"), (m.overall_score_change, "RS Change"),
                    (m.overall_level_before, "RS Number"), (m.overall_level_after, "RS Number"),
                    (level_change, "RS Change0"), (None, "RS Number"), ("", "RS Text")])
        for c in range(1, 10):
            ws.cell(r, c).font = Font(bold=True)
        r += 1
        for d in m.dimensions:
            put_row(r, [(d.name.get(self.lang), "RS Text"), (d.score_before, "RS Score"), (d.score_after, "RS Score"),
                        (d.score_change, "RS Change"), (d.level_before, "RS Number"), (d.level_after, "RS Number"),
                        (d.level_change, "RS Change0"), (d.target, "RS Number"), (presence[d.presence], "RS Text")])
            r += 1
        up_down(ws, f"D{first}:D{r - 1}")
        up_down(ws, f"G{first}:G{r - 1}")

        # use cases
        r += 1
        self._put(ws, r, 1, self.t("mv_use_cases"), "RS Heading")
        r += 1
        header(r, ("use_case", "priority_before", "priority_after", "change", "readiness_before", "readiness_after",
                   "change", "rank_before", "rank_after", "presence"))
        r += 1
        first = r
        for u in m.use_cases:
            put_row(r, [(u.name, "RS Text"), (round_or_none(u.priority_before), "RS Number"),
                        (round_or_none(u.priority_after), "RS Number"), (round_or_none(u.priority_change), "RS Change0"),
                        (round_or_none(u.readiness_before), "RS Number"), (round_or_none(u.readiness_after), "RS Number"),
                        (round_or_none(u.readiness_change), "RS Change0"), (u.rank_before, "RS Number"),
                        (u.rank_after, "RS Number"), (presence[u.presence], "RS Text")])
            r += 1
        if not m.use_cases:
            self._put(ws, r, 1, self.t("none"), "RS Text")
            r += 1
        elif r > first:
            up_down(ws, f"D{first}:D{r - 1}")
            up_down(ws, f"G{first}:G{r - 1}")

        # baseline metrics
        r += 1
        self._put(ws, r, 1, self.t("mv_metrics"), "RS Heading")
        r += 1
        header(r, ("metric", "scope", "unit", "before", "after", "change", "trend"))
        r += 1
        first = r
        better, worse = self.t("better"), self.t("worse")
        for x in m.metrics:
            trend = "" if x.improved is None else (better if x.improved else worse)
            put_row(r, [(x.text.get(self.lang), "RS Wrap"), (x.scope_name or self.t("organisation"), "RS Wrap"),
                        (x.unit.get(self.lang), "RS Wrap"), (x.before, "RS Value"), (x.after, "RS Value"),
                        (x.change, "RS ValueChange"), (trend, "RS Text")])
            fit_height(ws, r, [(x.text.get(self.lang), widths[0] * 0.85), (x.scope_name, widths[1] * 0.85),
                                (x.unit.get(self.lang), widths[2] * 0.85)])
            r += 1
        if not m.metrics:
            self._put(ws, r, 1, self.t("none"), "RS Text")
            r += 1
        else:
            when(ws, f"D{first}:G{r - 1}", f'$G{first}="{better}"', UP_FILL, UP_FONT)
            when(ws, f"D{first}:G{r - 1}", f'$G{first}="{worse}"', DOWN_FILL, DOWN_FONT)

        # earlier roadmap actions
        r += 1
        self._put(ws, r, 1, self.t("mv_actions"), "RS Heading")
        self._put(ws, r, 2, self.t("mv_actions_done").format(done=m.actions_done, total=len(m.actions)), "RS Label")
        r += 1
        header(r, ("action", "phase", "owner_role", "status", "still_planned"))
        r += 1
        first = r
        from readiness_app.scoring.results import PHASE_LABELS

        done_text = self.t("done")
        for a in m.actions:
            put_row(r, [(a.title.get(self.lang), "RS Wrap"),
                        (PHASE_LABELS[a.phase].get(self.lang) if a.phase in PHASE_LABELS else str(a.phase), "RS Text"),
                        (role_label(a.owner_role, self.lang), "RS Wrap"),
                        (done_text if a.done else self.t("open"), "RS Text"),
                        (self.t("yes") if a.still_planned else self.t("no"), "RS Text")])
            fit_height(ws, r, [(a.title.get(self.lang), widths[0] * 0.85),
                                (role_label(a.owner_role, self.lang), widths[2] * 0.85)])
            r += 1
        if not m.actions:
            self._put(ws, r, 1, self.t("none"), "RS Text")
        else:
            when(ws, f"A{first}:E{r - 1}", f'$D{first}="{done_text}"', UP_FILL, UP_FONT)
        ws.freeze_panes = "B4"
        ws.print_title_rows = "1:2"
        print_setup(ws)

    # ------------------------------------------------------------------ benchmark (optional)
    def _benchmark(self, ws: Any, p: Portfolio) -> None:
        """Where this client stands per dimension among the portfolio's other assessments (anonymised)."""
        from openpyxl.formatting.rule import ColorScaleRule
        from openpyxl.styles import Font

        from readiness_app.followup.portfolio import MIN_GROUP

        cur = p.current
        peers = max((s.peers for s in (cur.overall, *cur.dimensions)), default=0) if cur else p.assessments
        enough = peers >= MIN_GROUP
        note = self.t("bm_note").format(n=peers) if enough else self.t("bm_too_few").format(n=peers, min=MIN_GROUP)
        self._sheet_title(ws, self.t("bm_title"), note)
        if cur is None:
            self._put(ws, 4, 1, self.t("bm_no_current"), "RS Text")
            print_setup(ws)
            return
        group = cur.industry_group
        keys = ["dimension", "client_score", "level", "peers"]
        if enough:
            keys += ["q1", "median", "q3", "percentile"]
        headers = [self.t(k) for k in keys]
        if enough and group:
            headers.append(self.t("industry_percentile").format(industry=group))
        widths = [48, 14, 8, 13, 12, 12, 12, 12, 24][:len(headers)]
        self._header(ws, 3, headers, widths)
        if len(headers) > 8:
            ws.row_dimensions[3].height = 46  # "Percentile in <industry>" takes three lines
        dist = {d.dimension_id: d.all for d in (p.overall, *p.dimensions)}
        r = 4
        for s in (cur.overall, *cur.dimensions):
            values: list[tuple[Any, str]] = [(s.name.get(self.lang), "RS Text"), (round_or_none(s.score, 2), "RS Score"),
                                             (s.level, "RS Number"), (s.peers, "RS Number")]
            if enough:
                d = dist.get(s.dimension_id)
                shown = d is not None and s.peers >= MIN_GROUP
                values += [(d.q1 if shown and d else None, "RS Score"), (d.median if shown and d else None, "RS Score"),
                           (d.q3 if shown and d else None, "RS Score"),
                           (s.percentile if s.peers >= MIN_GROUP else None, "RS Number")]
                if group:
                    values.append((s.industry_percentile, "RS Number"))
            for c, (v, style) in enumerate(values, start=1):
                cell = self._put(ws, r, c, v, style)
                if s is cur.overall:
                    cell.font = Font(bold=True)
            r += 1
        if enough:
            scale = ColorScaleRule(start_type="num", start_value=0, start_color="F8696B", mid_type="num",
                                   mid_value=50, mid_color="FFEB84", end_type="num", end_value=100,
                                   end_color="63BE7B")
            ws.conditional_formatting.add(f"H4:{column_letter(len(headers))}{r - 1}", scale)
        self._finish(ws, 3, r - 1, len(headers), freeze="B4")

