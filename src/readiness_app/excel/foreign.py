"""Planning the import of a foreign workbook: sheets, layouts, questions, answers. Writes nothing.

:class:`ForeignImport` reads the chosen sheets (or finds them), detects each sheet's layout
(:mod:`.layouts`), turns every answer cell into a row of the long form, matches questions
onto ours (:class:`~readiness_app.excel.mapping.QuestionMatcher`) and keeps the rest as an
imported instrument (:mod:`.instrument`). Which sheets: the given ones; else every visible
sheet whose questions are mostly ours (as before); else, for a workbook of foreign
questions, the family of sheets with the same header that holds the most questions (one
sheet per section, as in many framework workbooks).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

from readiness_app.errors import WorkbookImportError
from readiness_app.excel.instrument import ForeignRow, build_imported
from readiness_app.excel.layouts import SheetLayout, detect_layout, title_row
from readiness_app.excel.mapping import (
    COLUMN_LABELS,
    CONSENSUS_WORDS,
    NA_WORDS,
    ORGANISATION_WORDS,
    ImportProfile,
    QuestionMatcher,
    ValueMapper,
    ValueProblem,
    cell_text,
    detect_scale,
    guess_language,
    normalise,
    parse_scale,
    resolve_column,
    role_from_text,
    scale_label,
)
from readiness_app.excel.plan import ImportPlan, ImportProblem, PlannedAnswer, Progress, Severity
from readiness_app.excel.readers import WorkbookReader
from readiness_app.excel.workbook_io import DATA_SHEET, Cell_, column_letter, import_error
from readiness_app.messages import Bilingual, message_of, msg, percent
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Engagement, Participant, UseCase
from readiness_app.questionnaire.loader import Library, Question

_ID_IN_TEXT = __import__("re").compile(r"^\s*([A-Za-z][\w]*(?:[.\-][\w]+)+|[A-Za-z]{1,6}\d[\w.\-]*)\s*[:–—]\s+(\S.*)$",
                                       __import__("re").DOTALL)


_ID_LIKE = __import__("re").compile(r"\d|\w[._\-:/]\w")


@dataclass(slots=True)
class RawRow:
    sheet: str
    row: int
    qid: str
    qtext: str
    answer: Cell_
    note: str
    participant: str
    role: str
    use_case: str
    scope: str
    answer_col: int
    value: Cell_ | None = None  # the answer as a number from another column (e.g. a hidden formula)
    value_col: int | None = None
    section: str = ""
    answer_header: str = ""
    multi: bool = False  # the sheet has several answer columns (each its own question)
    group: int = -1  # the answer column, or -1 for a by-participant sheet's shared answers
    help: str = ""


def effective(r: RawRow) -> Cell_:
    """The cell an answer's value comes from: the number column when the answer is a label with a number."""
    if r.value is None or r.value.value is None or cell_text(r.answer.value) == "":
        return r.answer
    if normalise(cell_text(r.answer.value)) in NA_WORDS:
        return r.answer
    return r.value


def short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def new_id(prefix: str) -> str:
    from readiness_app.store.assessment_file import new_id as make

    return make(prefix)


class ForeignImport:
    def __init__(self, rd: WorkbookReader, library: Library, profile: ImportProfile, sheet: str | None,
                 header_row: int | None, progress: Progress | None, layout: str | None = None) -> None:
        self.rd = rd
        self.library = library
        self.profile = profile
        self.sheet = sheet
        self.header_row = header_row or profile.header_row
        self.layout = layout or (profile.layout if profile.layout != "auto" else None)
        self.progress = progress
        self.problems: list[ImportProblem] = []
        self.rows: list[RawRow] = []
        self.headers_by_sheet: dict[str, list[str]] = {}
        self.sheets_read: list[str] = []
        self.layouts: list[SheetLayout] = []
        self.rows_read = 0
        self._confidence: dict[tuple[str, int, int], tuple[str, float]] = {}
        self.answer_cols: dict[str, int] = {}
        self.effective_columns: dict[str, str] = {}
        self.matcher = QuestionMatcher(library, profile.questions, profile.min_confidence)

    def problem(self, sheet: str, row: int | None, col: int | None, reason: str,
                severity: Severity = "error") -> None:
        colname = None
        if col is not None:
            headers = self.headers_by_sheet.get(sheet, [])
            h = headers[col] if col < len(headers) and headers[col] else ""
            colname = f"{column_letter(col + 1)}" + (f" ({h})" if h else "")
        self.problems.append(ImportProblem(sheet, row, colname, reason, severity))

    # -- which sheets
    def _selected(self) -> list[tuple[str, bool]]:
        wanted = [self.sheet] if self.sheet else list(self.profile.sheets)
        if wanted:
            return [(self.rd.resolve(w), True) for w in wanted]
        return [(n, False) for n in self.rd.sheet_names
                if self.rd.sheet_state(n) == "visible" and n != DATA_SHEET]

    def plan(self) -> ImportPlan:
        found: list[tuple[SheetLayout, list[tuple[int, tuple[Cell_, ...]]], bool]] = []
        for name, explicit in self._selected():
            got = self._layout_of(name, explicit)
            if got is not None:
                found.append((*got, explicit))
        for lay, rows, _explicit in self._choose(found):
            self._read_rows(lay, rows)
        if not self.sheets_read:
            raise import_error(self.rd.path, msg("no sheet with a question column and an answer column was found; "
                                                 "choose the sheet, header row and columns (a profile)"),
                               sheet=self.sheet)
        return self._build()

    def _layout_of(self, name: str, explicit: bool) -> tuple[SheetLayout, list[tuple[int, tuple[Cell_, ...]]]] | None:
        rows = []
        scan = self.rd.scan(name)
        expected = scan.rows if scan is not None else 0
        for number, cells in self.rd.rows(name):
            self.rows_read += 1
            if self.progress is not None and self.rows_read % 500 == 0:
                self.progress(self.rows_read, expected)
            rows.append((number, cells))
        values = [(n, [None if c.merged else c.value for c in cells]) for n, cells in rows]
        severity: Severity = "error" if explicit else "info"
        columns = self.profile.columns or None
        lay = detect_layout(name, values, layout=self.layout, header_row=self.header_row, columns=columns,
                            formula_columns=dict(scan.formula_columns) if scan is not None else None)
        if lay is None:
            from readiness_app.excel.mapping import detect_header_row

            if self.header_row is None and detect_header_row(values[:40]) is None:
                self.problem(name, None, None, msg("no header row found; sheet skipped (give --header-row)"), severity)
            else:
                self.problem(name, self.header_row, None,
                             msg("row {row} has no {missing}; sheet skipped (map the columns in a profile)",
                                 row=self.header_row or 1,
                                 missing=Bilingual("question (id or text) column", "Fragenspalte (ID oder Text)")),
                             severity)
            return None
        self.headers_by_sheet[name] = list(lay.headers)
        for role, ref in (columns or {}).items():
            if resolve_column(ref, lay.headers) is None:
                self.problem(name, lay.header_row, None,
                             msg("no column {column} for {role} in the header row; sheet skipped", column=repr(ref),
                                 role=Bilingual(COLUMN_LABELS[role][0].lower(), COLUMN_LABELS[role][1])), severity)
                return None
        if columns and "answer" in columns and not lay.value_columns and lay.layout == "long":
            idx = resolve_column(columns["answer"], lay.headers)
            lay.value_columns = (idx,) if idx is not None else ()
        return lay, rows

    def _question_rows(self, lay: SheetLayout, rows: list[tuple[int, tuple[Cell_, ...]]]) -> tuple[int, int]:
        """(rows with a question, of which ours) of a sheet."""
        if lay.layout == "by-subject":
            keys = [("", lay.header(i)) for i in lay.value_columns]
        else:
            qi, ti = lay.roles.get("question_id"), lay.roles.get("question")
            keys = []
            for n, cells in rows:
                if n <= lay.header_row:
                    continue
                qid = cell_text(cells[qi].value) if qi is not None and qi < len(cells) else ""
                text = cell_text(cells[ti].value) if ti is not None and ti < len(cells) else ""
                if qid or text:
                    keys.append((qid, text))
        ours = sum(1 for qid, text in keys if self.matcher.match(qid, text).question is not None)
        return len(keys), ours

    def _choose(self, found: list[tuple[SheetLayout, list[tuple[int, tuple[Cell_, ...]]], bool]]) -> list[
            tuple[SheetLayout, list[tuple[int, tuple[Cell_, ...]]], bool]]:
        if not found or any(explicit for *_x, explicit in found):
            return found
        counts = [self._question_rows(lay, rows) for lay, rows, _e in found]
        ours = [f for f, (n, o) in zip(found, counts, strict=True) if n and o >= 0.5 * n]
        if ours:
            chosen = ours
        else:
            families: dict[tuple[str, ...], list[int]] = {}
            for i, (lay, _rows, _e) in enumerate(found):
                sig = (lay.layout, *(normalise(h) for h in lay.headers if h))
                families.setdefault(sig, []).append(i)
            best = max(families.values(), key=lambda idx: (sum(counts[i][0] for i in idx), -idx[0]))
            chosen = [found[i] for i in best if counts[i][0] > 0]
        for f in found:
            if f not in chosen:
                self.problem(f[0].sheet, None, None, msg("sheet skipped: its questions belong to no questionnaire "
                                                         "read from this workbook"), "info")
        return chosen

    # -- rows in the long form
    def _read_rows(self, lay: SheetLayout, rows: list[tuple[int, tuple[Cell_, ...]]]) -> None:
        name = lay.sheet
        self.sheets_read.append(name)
        self.layouts.append(lay)
        cols = dict(lay.roles)
        headers = list(lay.headers)
        if lay.value_columns:
            self.answer_cols.setdefault(name, lay.value_columns[0])
        if not self.effective_columns:
            self.effective_columns = {role: lay.header(i) for role, i in cols.items()}
            if lay.layout == "long" and len(lay.value_columns) == 1:
                self.effective_columns["answer"] = lay.header(lay.value_columns[0])
        header_norm = {i: normalise(h) for i, h in enumerate(headers) if h}
        section = lay.section
        repeated = 0
        last: RawRow | None = None
        multi = lay.layout == "long" and len(lay.value_columns) > 1
        for number, cells in rows:
            if number <= lay.header_row:
                continue

            def get(role: str, _cells: tuple[Cell_, ...] = cells) -> Cell_:
                i = cols.get(role)
                return _cells[i] if i is not None and i < len(_cells) else Cell_(None)

            def at(i: int, _cells: tuple[Cell_, ...] = cells) -> Cell_:
                c = _cells[i] if i < len(_cells) else Cell_(None)
                return Cell_(None) if c.merged else c  # a merged answer belongs to its first row

            used = [i for i in (*cols.values(), *lay.value_columns, *([lay.subject] if lay.subject is not None else []))]
            picked = [cells[i] if i < len(cells) else Cell_(None) for i in used]
            if all(c.value is None or cell_text(c.value) == "" for c in cells):
                continue
            same = sum(1 for i, c in enumerate(cells) if i in header_norm and isinstance(c.value, str)
                       and not c.merged and normalise(c.value) == header_norm[i])
            if same >= 2 or (same == 1 and lay.value_columns and isinstance(at(lay.value_columns[0]).value, str)
                             and normalise(cell_text(at(lay.value_columns[0]).value)) ==
                             header_norm.get(lay.value_columns[0])):
                repeated += 1
                other = [cell_text(c.value) for i, c in enumerate(cells) if c.value is not None and cell_text(c.value)
                         and normalise(cell_text(c.value)) != header_norm.get(i)]
                if other and len(other[0]) <= 80:
                    section = other[0]
                continue
            if all(c.value is None or cell_text(c.value) == "" for c in picked):
                heading = title_row([c.value for c in cells])
                if heading:
                    section = heading
                continue
            qid = cell_text(get("question_id").value)
            qtext = cell_text(get("question").value)
            if qid and not qtext and not lay.value_columns:  # a requirement without question text: its name
                role_cols = set(cols.values())
                qtext = next((cell_text(c.value) for i, c in enumerate(cells) if i not in role_cols and not c.merged
                              and isinstance(c.value, str) and len(cell_text(c.value)) >= 3), "")
            if lay.layout != "by-subject" and not qid and qtext and "question_id" in cols and last is not None \
                    and last.qid and not any(cell_text(at(i).value) for i in lay.value_columns):
                # guidance under a question (its id column is empty): the question's help
                for r in reversed(self.rows):
                    if r.sheet == name and r.row == last.row:
                        r.help = (r.help + "\n" + qtext).strip()
                continue
            heading = title_row([c.value for c in cells])
            if lay.layout != "by-subject" and heading and "question_id" in cols and not _ID_LIKE.search(qid) \
                    and not any(cell_text(at(i).value) or at(i).formula for i in lay.value_columns):
                section = heading  # a section row ("Governance"), in the id column or beside it
                continue
            for role in ("question_id", "question", *(["answer_value"] if "answer_value" in cols else [])):
                c = get(role)
                if c.formula and c.value is None:
                    self.problem(name, number, cols[role],
                                 msg("a formula ({formula}) with no saved result; open the workbook in Excel or "
                                     "LibreOffice, let it calculate, save it and import again",
                                     formula=c.formula_text[:40]))
            base = dict(sheet=name, row=number, note=cell_text(at(cols["note"]).value) if "note" in cols else "",
                        role=cell_text(get("role").value), scope=cell_text(get("scope").value), section=section)
            if lay.layout == "by-subject":
                subject = cell_text(cells[lay.subject].value) if lay.subject is not None and lay.subject < len(
                    cells) else ""
                if not subject:
                    continue
                for k, i in enumerate(lay.value_columns):  # the row's note goes with its first criterion
                    self._add(RawRow(qid="", qtext=lay.header(i), answer=at(i), participant="", use_case=subject,
                                     answer_col=i, answer_header=lay.header(i), group=i,
                                     **{**base, "note": base["note"] if k == 0 else ""}))  # type: ignore[arg-type]
                continue
            participant = cell_text(get("participant").value)
            use_case = cell_text(get("use_case").value)
            if lay.layout == "by-participant":
                for k, i in enumerate(lay.value_columns):  # the question's note goes with the first answer
                    last = self._add(RawRow(qid=qid, qtext=qtext, answer=at(i), participant=lay.header(i),
                                            use_case=use_case, answer_col=i, answer_header=lay.header(i), group=-1,
                                            **{**base, "note": base["note"] if k == 0 else ""}))  # type: ignore[arg-type]
                continue
            answer_cols: tuple[int | None, ...] = lay.value_columns or (None,)
            for ai in answer_cols:
                i = -1 if ai is None else ai
                answer = at(i) if i >= 0 else Cell_(None)
                if i >= 0 and answer.formula and answer.value is None:
                    self.problem(name, number, i, msg("a formula ({formula}) with no saved result; open the workbook "
                                                      "in Excel or LibreOffice, let it calculate, save it and import "
                                                      "again", formula=answer.formula_text[:40]))
                value = at(cols["answer_value"]) if "answer_value" in cols else None
                last = self._add(RawRow(qid=qid, qtext=qtext, answer=answer, participant=participant,
                                        use_case=use_case, answer_col=i,
                                        value=value, value_col=cols.get("answer_value"),
                                        answer_header=lay.header(i) if i >= 0 else "", multi=multi,
                                        group=-2 if i < 0 else i, **base))  # type: ignore[arg-type]
        if repeated:
            self.problem(name, None, None, msg("{count} repeated header row(s) inside the sheet skipped", count=repeated),
                         "info")

    def _add(self, r: RawRow) -> RawRow:
        self.rows.append(r)
        return r

    # -- mapping
    def _build(self) -> ImportPlan:
        profile = self.profile
        lib = self.library
        matcher = self.matcher
        mapper = ValueMapper(profile.values)
        fixed_scale = parse_scale(profile.scale)
        file = self.rd.name

        # is a sheet mostly ours? then its unknown questions are problems, as before
        keys_by_sheet: dict[str, set[tuple[str, str]]] = {}
        ours_by_sheet: dict[str, set[tuple[str, str]]] = {}
        for r in self.rows:
            if r.qid or r.qtext:
                keys_by_sheet.setdefault(r.sheet, set()).add((r.qid, r.qtext))
                if matcher.match(r.qid, r.qtext).question is not None:
                    ours_by_sheet.setdefault(r.sheet, set()).add((r.qid, r.qtext))
        foreign_sheets = {s for s, keys in keys_by_sheet.items() if len(ours_by_sheet.get(s, ())) < 0.5 * len(keys)}

        matched: list[tuple[RawRow, Question]] = []
        foreign: list[ForeignRow] = []
        near: set[tuple[str, str, str]] = set()
        unanswered = 0
        for r in self.rows:
            has_answer = r.answer.value is not None and cell_text(r.answer.value) != ""
            if not r.qid and not r.qtext:
                if has_answer:
                    self.problem(r.sheet, r.row, None, msg("an answer but no question id or text"))
                continue
            m = matcher.match(r.qid, r.qtext)
            if m.question is None:
                if r.sheet in foreign_sheets:
                    foreign.append(self._foreign_row(r))
                    if m.best_guess is not None and m.confidence >= 0.7 and (r.sheet, r.qid, r.qtext) not in near:
                        near.add((r.sheet, r.qid, r.qtext))
                        self.problem(r.sheet, r.row, None, msg(
                            "question {question} is close to {id} ({confidence}) but below {minimum}; it is kept in "
                            "the imported instrument (map it under \"questions\" in the profile to count it there)",
                            question=repr(short(r.qid or r.qtext)), id=m.best_guess.id,
                            confidence=percent(m.confidence), minimum=percent(profile.min_confidence)), "warning")
                    continue
                if not has_answer and not r.note:
                    continue  # a section title or guidance row
                shown = f"{r.qid} ({short(r.qtext, 50)})" if r.qid and r.qtext else (r.qid or r.qtext)
                if m.best_guess is not None and m.confidence >= 0.5:
                    self.problem(r.sheet, r.row, None,
                                 msg("question {question} matches {id} ({text}) only {confidence}; below {minimum}: "
                                     "add it under \"questions\" in the profile to accept",
                                     question=repr(short(shown)), id=m.best_guess.id,
                                     text=Bilingual(repr(short(m.best_guess.text.en)), repr(short(m.best_guess.text.de))),
                                     confidence=percent(m.confidence), minimum=percent(profile.min_confidence)))
                else:
                    self.problem(r.sheet, r.row, None, msg("no question matches {question}", question=repr(short(shown))))
                continue
            if not has_answer and not r.note:
                unanswered += 1
                continue
            matched.append((r, m.question))
            r.qtext = r.qtext or m.question.text.en
            self._confidence[(r.sheet, r.row, r.answer_col)] = (m.how, m.confidence)

        # the numeric scale of each sheet's answer column, from the scale and choice questions
        scales: dict[tuple[str, int], tuple[float, float]] = {}
        for name, col in {(r.sheet, r.answer_col) for r, _q in matched}:
            if fixed_scale is not None:
                scales[(name, col)] = fixed_scale
                continue
            nums = [h for r, q in matched if r.sheet == name and r.answer_col == col and q.type in ("scale", "choice")
                    and (h := mapper.numeric_hint(effective(r).value)) is not None]
            scan = self.rd.scan(name)
            offered = scan.dropdown(col + 1) if scan is not None else ()
            header = self.headers_by_sheet.get(name, [])
            sc, why = detect_scale(nums, header[col] if 0 <= col < len(header) else "", offered)
            scales[(name, col)] = sc
            if nums or offered:
                self.problem(name, None, None, msg("numbers in the answer column read as a {scale} scale ({why}); set "
                                                   "\"scale\" in the profile to change", scale=scale_label(sc), why=why),
                             "info")

        self._participants: dict[str, Participant] = {}
        self._use_cases: dict[str, UseCase] = {}
        self._seen: dict[tuple[str, str, str], tuple[str, int]] = {}
        answers: list[PlannedAnswer] = []
        value_map: dict[str, Any] = {}
        for r, q in matched:
            source_cell = effective(r)
            col = r.value_col if source_cell is not r.answer and r.value_col is not None else r.answer_col
            try:
                mapped = mapper.map(q, source_cell.value, scales[(r.sheet, r.answer_col)])
            except ValueProblem as exc:
                self.problem(r.sheet, r.row, col, message_of(exc))
                continue
            if mapped is None and not r.note:
                unanswered += 1
                continue
            if mapped is not None and mapped.warning:
                self.problem(r.sheet, r.row, col, mapped.warning, "warning")
            raw = cell_text(r.answer.value)
            if mapped is not None and isinstance(r.answer.value, str) and raw:
                value_map.setdefault(raw, "n/a" if mapped.not_applicable else mapped.value)
            if source_cell is not r.answer:
                raw = f"{raw} = {cell_text(source_cell.value)}"
            how, conf = self._confidence[(r.sheet, r.row, r.answer_col)]
            pa = self._planned(r, q, None if mapped is None else mapped.value,
                               mapped.not_applicable if mapped else False, raw, how, conf, file)
            if pa is not None:
                answers.append(pa)
        if unanswered:
            self.problem("", None, None, msg("{count} question row(s) without an answer skipped", count=unanswered),
                         "info")

        lang = profile.language or guess_language(h for hs in self.headers_by_sheet.values() for h in hs)
        instruments = []
        if foreign:
            title = profile.instrument_title or next((lay.title for lay in self.layouts if lay.title), "") or \
                self.rd.path.stem
            imported = build_imported(foreign, name=self.rd.path.stem, title=title, language=lang, file=file,
                                      scale=profile.scale, values=profile.values,
                                      taken_ids=lambda i: lib.questionnaire(i) is not None)
            instruments.append(imported.instrument)
            lib = replace(lib, questionnaires=(*lib.questionnaires, imported.instrument), _questions={})
            for fr, reason in imported.problems:
                self.problem(fr.sheet, fr.row, fr.group[1] if fr.group[1] >= 0 else None, reason)
            by_place: dict[tuple[str, int], RawRow] = {}
            for r in self.rows:
                by_place.setdefault((r.sheet, r.row), r)
            for ia in imported.answers:
                iq = lib.question(ia.question_id)
                assert iq is not None
                raw_row = by_place[(ia.row.sheet, ia.row.row)]
                pa = self._planned(replace(raw_row, participant=ia.row.participant, use_case=ia.row.use_case,
                                           note=ia.row.note), iq, ia.value, ia.not_applicable, ia.raw,
                                   "imported", 1.0, file)
                if pa is not None:
                    answers.append(pa)
                    if profile.crosswalk and ia.value is not None and not ia.not_applicable:
                        self._crosswalk(pa, iq, ia.row, lib, imported.instrument.title.en, answers, file)
            for k, v in imported.value_map.items():
                value_map.setdefault(k, v)
            self.problem("", None, None, msg("{count} question(s) of this workbook have no counterpart in our "
                                             "questionnaires; they are kept as the imported instrument {title}",
                                             count=len(imported.instrument.questions), title=repr(imported.instrument.title.en)), "info")

        eng_fields = {f.name for f in fields(Engagement)}
        extra = {k: v for k, v in profile.engagement.items() if k in eng_fields and isinstance(v, str)}
        today = datetime.now(UTC).date().isoformat()
        engagement = replace(Engagement(title=f"Imported from {file}", language="de" if lang == "de" else "en",
                                        notes=f"Imported from {file} on {today}."), **extra)  # type: ignore[arg-type]
        detected = {scale_label(sc) for sc in scales.values()}
        first = self.layouts[0]
        effective_profile = replace(
            profile, sheets=list(self.sheets_read), columns=dict(profile.columns or self.effective_columns),
            header_row=profile.header_row or (first.header_row if len({lay.header_row for lay in self.layouts}) == 1
                                              else None),
            scale=profile.scale if fixed_scale is not None or len(detected) != 1 else detected.pop(),
            language=profile.language or lang, layout=self.layout or first.layout,
            signature=signature_of(self.layouts))
        order = {n: i for i, n in enumerate(self.rd.sheet_names)}
        self.problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row or 0))
        return ImportPlan(source=self.rd.path, kind="foreign", library=lib, engagement=engagement,
                          participants=list(self._participants.values()), use_cases=list(self._use_cases.values()),
                          answers=answers, problems=self.problems, profile=effective_profile, sheets=self.sheets_read,
                          rows_read=self.rows_read, instruments=instruments, layouts=list(self.layouts),
                          value_map=value_map)

    def _crosswalk(self, pa: PlannedAnswer, iq: Question, row: ForeignRow, lib: Library, title: str,
                   answers: list[PlannedAnswer], file: str) -> None:
        """Also count an imported answer on our question that the profile's crosswalk maps it (or its section) to."""
        walk = {normalise(k): v for k, v in self.profile.crosswalk.items()}
        target_id = next((walk[k] for k in (normalise(row.ref), normalise(row.text), normalise(row.section)) if k and k in walk),
                         None)
        target = lib.question(target_id) if target_id else None
        option = iq.option(str(pa.answer.value))
        if target is None or option is None or option.value is None:
            return
        value: Any
        if target.type == "scale":
            value = min(4, max(0, int(option.value + 0.5)))
        elif target.type == "choice":
            scored = [o for o in target.options if o.value is not None]
            if not scored:
                return
            value = min(scored, key=lambda o: abs((o.value or 0.0) - (option.value or 0.0))).id
        else:
            return
        scope = pa.answer.scope if target.scope == "use_case" else ORGANISATION
        if (target.scope == "use_case") != (pa.answer.scope != ORGANISATION):
            return
        key = (target.id, scope, pa.answer.participant_id)
        if key in self._seen:
            s0, r0 = self._seen[key]
            self.problem(row.sheet, row.row, None, msg("{question} is answered already ({sheet} / row {row}); the "
                                                       "crosswalk from the imported instrument is skipped here",
                                                       question=target.id, sheet=s0, row=r0), "warning")
            return
        self._seen[key] = (row.sheet, row.row)
        note = f"From the imported instrument {title!r}: {iq.text.en} = {option.label.en}"
        answer = replace(pa.answer, question_id=target.id, scope=scope, value=value,
                         note=(pa.answer.note + "\n" if pa.answer.note else "") + note,
                         source=f"{pa.answer.source} (crosswalk from {iq.id})")
        answers.append(replace(pa, answer=answer, question_text=target.text.en, match="crosswalk"))

    def _foreign_row(self, r: RawRow) -> ForeignRow:
        ref, text = r.qid, r.qtext
        if not ref and text:
            m = _ID_IN_TEXT.match(text)
            if m:
                ref, text = m.group(1), m.group(2).strip()
        offered, weights = self.rd.dropdown_at(r.sheet, r.row, r.answer_col + 1) if r.answer_col >= 0 else ((), ())
        raw = effective(r).value if r.answer.value is not None else None
        # rows whose drop-downs offer different answers (one answer set per question) get a value map each
        return ForeignRow(r.sheet, r.row, ref, text, r.section, (r.sheet, r.group, offered), r.answer_header,
                          r.multi, raw, r.note, r.participant, r.use_case, r.help, offered, weights)

    def _planned(self, r: RawRow, q: Question, value: Any, na: bool, raw: str, how: str, conf: float,
                 file: str) -> PlannedAnswer | None:
        """The answer of row ``r`` for ``q`` with who and where; None (and a problem) when it cannot be placed."""
        profile = self.profile
        pid, pname = CONSENSUS, ""
        if r.participant and normalise(r.participant) not in CONSENSUS_WORDS:
            key = normalise(r.participant)
            p = self._participants.get(key)
            if p is None:
                p = Participant(new_id("p"), r.participant, role_from_text(r.role, profile.default_role),
                                position=len(self._participants))
                self._participants[key] = p
            pid, pname = p.id, p.name
        scope, ucname = ORGANISATION, ""
        if q.scope == "use_case":
            ucname = r.use_case or (r.scope if normalise(r.scope) not in ORGANISATION_WORDS else "") or \
                profile.default_use_case.strip()
            if not ucname:
                self.problem(r.sheet, r.row, None, msg("{question} is asked per use case, but the row names no use "
                                                       "case (map a use-case column or set default_use_case)",
                                                       question=q.id))
                return None
            key = normalise(ucname)
            uc = self._use_cases.get(key)
            if uc is None:
                uc = UseCase(new_id("uc"), ucname, position=len(self._use_cases))
                self._use_cases[key] = uc
            scope, ucname = uc.id, uc.name
        k = (q.id, scope, pid)
        if k in self._seen:
            s0, r0 = self._seen[k]
            who = pname or Bilingual("the consensus", "den Konsens")
            self.problem(r.sheet, r.row, None, msg("{question} is answered already ({sheet} / row {row}) for "
                                                   "{who}{where}; this row is skipped", question=q.id, sheet=s0,
                                                   row=r0, who=who, where=f" / {ucname}" if ucname else ""))
            return None
        self._seen[k] = (r.sheet, r.row)
        answer = Answer(question_id=q.id, scope=scope, participant_id=pid, value=value, not_applicable=na,
                        note=r.note, source=f"{file} / {r.sheet} / row {r.row}")
        return PlannedAnswer(answer, r.sheet, r.row, raw, q.text.en, how, conf, pname, ucname, r.answer_col)


def signature_of(layouts: list[SheetLayout]) -> list[str]:
    """What recognises a workbook of the same layout: each sheet's name and its non-empty header cells."""
    return [lay.sheet + ": " + " | ".join(h for h in lay.headers if h) for lay in layouts]


__all__ = ["ForeignImport", "RawRow", "WorkbookImportError", "effective", "signature_of"]
