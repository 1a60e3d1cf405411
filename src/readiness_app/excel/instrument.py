"""A foreign workbook's own questions become an imported instrument, with a value map per answer column.

The importer hands over the rows whose questions have no counterpart in our questionnaires
(:class:`ForeignRow`); :func:`build_imported` turns them into one imported instrument
(:mod:`readiness_app.questionnaire.imported`) and the answers to write:

* questions keep the workbook's ids and texts (an id at the start of the text, as in
  "GV.OC-01.1: The organisation shall ...", is split off), sections come from the sheets and the
  section rows; guidance rows under a question become its help;
* every answer column gets a *value map*: numbers on the column's scale (detected from the
  header, the drop-down list or the values, e.g. 1-5) map linearly onto 0-4, percentages
  onto 0-4 (75% = 3), known words (Yes, Partially, No, Ja, Teilweise, Nein) and levels
  ("Level 2", "3 - Defined") onto their value, "n/a" to not applicable; labels nothing
  knows stay options without a score. The options offered are the column's drop-down items
  and values seen (whole steps of a numeric scale are all offered), so the workshop can
  answer from scratch;
* a column of free text (many different long values) becomes text questions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from readiness_app.excel.mapping import (
    EMPTY_WORDS,
    EXCEL_ERRORS,
    NA_WORDS,
    SCALE_WORDS,
    cell_text,
    detect_scale,
    level_number,
    normalise,
    parse_number,
    parse_scale,
)
from readiness_app.messages import msg
from readiness_app.questionnaire.imported import (
    ImportedOption,
    ImportedQuestion,
    ImportedSection,
    build_instrument,
    instrument_id,
    slug,
)
from readiness_app.questionnaire.loader import SCALE_MAX, Questionnaire

NA = "n/a"
_DEFAULT_LEVELS = ("0 - Not in place", "1 - Initial", "2 - Partly in place", "3 - Largely in place",
                   "4 - Fully in place")
_DEFAULT_LEVELS_DE = ("0 - Nicht vorhanden", "1 - Ansatzweise", "2 - Teilweise vorhanden", "3 - Weitgehend vorhanden",
                      "4 - Vollständig vorhanden")


@dataclass(slots=True)
class ForeignRow:
    """One answer cell (or one question row without answers) of a question we do not have."""

    sheet: str
    row: int
    ref: str  # their question id ("" when the row has none)
    text: str  # their question text
    section: str  # section title
    group: tuple[Any, ...]  # (sheet, answer column, drop-down items): rows of one group share a value map
    group_header: str  # the answer column's header
    multi: bool  # the sheet has several answer columns: each is its own question
    raw: Any  # the answer cell's value (None: not answered)
    note: str = ""
    participant: str = ""
    use_case: str = ""
    help: str = ""
    offered: tuple[str, ...] = ()  # the cell's drop-down items
    offered_values: tuple[float | None, ...] = ()  # their weights from the lookup table beside them, if any


@dataclass(slots=True)
class ImportedAnswer:
    row: ForeignRow
    question_id: str
    value: str | None  # an option id, or text for text questions
    not_applicable: bool
    raw: str


@dataclass(slots=True)
class Imported:
    instrument: Questionnaire
    answers: list[ImportedAnswer]
    value_map: dict[str, Any]  # answer label -> 0..4 or "n/a"
    problems: list[tuple[ForeignRow, str]] = field(default_factory=list)


def _numeric(raw: Any) -> tuple[float | None, bool]:
    """(number, is a percentage) of a cell; (None, False) for words."""
    if isinstance(raw, bool):
        return None, False
    if isinstance(raw, int | float):
        return float(raw), False
    text = cell_text(raw)
    if text.endswith("%"):
        n = parse_number(text[:-1])
        return n, n is not None
    return parse_number(text), False


class _ValueMap:
    """The options and values of one answer column."""

    def __init__(self, raws: Sequence[Any], header: str, offered: Sequence[str], scale_text: str,
                 overrides: Mapping[str, Any], offered_values: Sequence[float | None] = ()) -> None:
        self.overrides = {normalise(str(k)): v for k, v in overrides.items()}
        # a lookup table's weights (No 0, Some 0.25, Half 0.5, All 1): the top weight is 4 on our scale
        self.weights: dict[str, float] = {}
        known = [w for w in offered_values if w is not None]
        if known and len(known) == len(offered) and max(known) > 0 and min(known) >= 0:
            top = max(known)
            self.weights = {normalise(label): round(w * SCALE_MAX / top, 6) for label, w in zip(offered, known,
                                                                                                  strict=True)}
        labels = [cell_text(r) for r in raws if r is not None and cell_text(r)]
        labels += [o for o in offered if o]
        nums = []
        for lab in labels:
            if normalise(lab) in self.overrides:
                continue
            n, pct = _numeric(lab)
            if n is not None and not pct:
                nums.append(n)
            elif n is None:
                lv = level_number(lab)
                if lv is not None:
                    nums.append(lv)
        fixed = parse_scale(scale_text)
        if fixed is not None:
            self.scale = fixed
        else:
            self.scale, _why = detect_scale(nums, header, [o for o in offered if parse_number(o) is not None])
        self.options: dict[str, ImportedOption] = {}
        self.order: list[str] = []
        self.unscored = 0
        lo, hi = self.scale
        if nums and hi - lo <= 10 and float(lo).is_integer() and float(hi).is_integer() and len(labels) == len(
                [x for x in labels if _numeric(x)[0] is not None and not _numeric(x)[1]]):
            for step in range(int(lo), int(hi) + 1):  # every whole step of a numeric scale can be answered
                self.option(str(step))
        for lab in labels:
            self.option(lab)

    def value(self, label: str) -> float | str | None:
        """0..4, None (not scored) or NA."""
        n = normalise(label)
        if n in self.overrides:
            target = self.overrides[n]
            if isinstance(target, str) and normalise(target) in NA_WORDS:
                return NA
            if isinstance(target, int | float) and not isinstance(target, bool) and 0 <= target <= SCALE_MAX:
                return float(target)
            return None
        if n in self.weights:
            return self.weights[n]
        if n in NA_WORDS:
            return NA
        num, pct = _numeric(label)
        if num is None:
            lv = level_number(label)
            if lv is not None:
                num = lv
        if num is not None:
            lo, hi = (0.0, 100.0) if pct else self.scale
            if lo - 1e-9 <= num <= hi + 1e-9:
                return round((num - lo) * SCALE_MAX / (hi - lo), 6)
            return None
        if n in SCALE_WORDS:
            return float(SCALE_WORDS[n])
        return None

    def option(self, label: str) -> ImportedOption | None:
        label = " ".join(label.split())
        key = normalise(label)
        if not key or key in EMPTY_WORDS:
            return None
        found = self.options.get(key)
        if found is not None:
            return found
        v = self.value(label)
        if v == NA:
            return None
        value = v if isinstance(v, float) else None
        if value is None:
            self.unscored += 1
        oid = slug(label, 30)
        taken = {o.id for o in self.options.values()}
        base, k = oid, 2
        while oid in taken:
            oid, k = f"{base}-{k}", k + 1
        opt = ImportedOption(oid, label, value)
        self.options[key] = opt
        self.order.append(key)
        return opt

    def sorted_options(self) -> list[ImportedOption]:
        opts = [self.options[k] for k in self.order]
        scored = [o for o in opts if o.value is not None]
        unscored = [o for o in opts if o.value is None]
        return sorted(scored, key=lambda o: (o.value, o.label)) + unscored


def _is_text_column(raws: Sequence[Any]) -> bool:
    texts = [cell_text(r) for r in raws if r is not None and cell_text(r)]
    if len(texts) < 3:
        return False
    long = sum(1 for t in texts if len(t) > 40 or "\n" in t)
    return long >= 0.5 * len(texts) or len(set(texts)) > max(12, 0.8 * len(texts))


def build_imported(rows: Sequence[ForeignRow], *, name: str, title: str, language: str, file: str,
                   scale: str = "auto", values: Mapping[str, Any] | None = None,
                   taken_ids: Callable[[str], bool] = lambda _i: False) -> Imported:
    """One imported instrument from ``rows`` (in sheet order) and the answers to write."""
    iid = instrument_id(name)
    while taken_ids(iid):
        iid += "-2"
    groups: dict[tuple[str, int], list[ForeignRow]] = {}
    for r in rows:
        groups.setdefault(r.group, []).append(r)
    maps: dict[tuple[str, int], _ValueMap | None] = {}
    for key, grp in groups.items():
        raws = [r.raw for r in grp]
        offered = grp[0].offered
        maps[key] = None if (_is_text_column(raws) and not offered) else _ValueMap(
            raws, grp[0].group_header, offered, scale, values or {}, grp[0].offered_values)

    sections: list[ImportedSection] = []
    section_ids: dict[str, str] = {}
    questions: dict[tuple[str, str, str], ImportedQuestion] = {}
    group_of: dict[tuple[str, str, str], tuple[str, int]] = {}
    used_ids: set[str] = set()
    answers: list[ImportedAnswer] = []
    problems: list[tuple[ForeignRow, str]] = []
    value_map: dict[str, Any] = {}
    use_case_rows = any(r.use_case for r in rows)
    several_sheets = len({r.sheet for r in rows}) > 1
    for r in rows:
        title_s = r.section or (r.sheet if several_sheets else "") or title or r.sheet
        sid = section_ids.get(title_s)
        if sid is None:
            sid = f"s{len(section_ids) + 1}-{slug(title_s, 24)}"
            section_ids[title_s] = sid
            sections.append(ImportedSection(sid, title_s))
        qkey = (r.ref or normalise(r.text), r.group_header if r.multi else "", r.sheet if not r.ref else "")
        q = questions.get(qkey)
        vm = maps[r.group]
        if q is None:
            base = f"{iid}.{slug(r.ref or r.text, 40)}" + (f".{slug(r.group_header, 20)}" if r.multi else "")
            qid, k = base, 2
            while qid in used_ids:
                qid, k = f"{base}-{k}", k + 1
            used_ids.add(qid)
            text = r.text or r.ref
            if r.multi:
                text = f"{text} ({r.group_header})"
            where = f"{file} / {r.sheet} / row {r.row}" + (f"; id {r.ref}" if r.ref else "")
            help_text = (r.help.strip() + "\n\n" if r.help.strip() else "") + f"Imported from {where}."
            q = ImportedQuestion(qid, r.ref, text, sid, "text" if vm is None else "choice", [], help_text,
                                 "use_case" if use_case_rows else "organisation")
            questions[qkey] = q
            group_of[qkey] = r.group
        raw = cell_text(r.raw) if r.raw is not None else ""
        if not raw or normalise(raw) in EMPTY_WORDS:
            if r.note:  # no answer, but a note: kept
                answers.append(ImportedAnswer(r, q.id, None, False, ""))
            continue
        if raw in EXCEL_ERRORS:
            problems.append((r, msg("the cell shows the error {value}; fix the formula or type the answer", value=raw)))
            continue
        if vm is None:
            answers.append(ImportedAnswer(r, q.id, raw, False, raw))
            continue
        v = vm.value(raw)
        if v == NA:
            value_map[raw] = NA
            answers.append(ImportedAnswer(r, q.id, None, True, raw))
            continue
        opt = vm.option(raw)
        if opt is None:  # pragma: no cover - empty words are skipped above
            continue
        value_map.setdefault(opt.label, opt.value)
        answers.append(ImportedAnswer(r, q.id, opt.id, False, raw))
    for vm in maps.values():
        if vm is not None and len(vm.options) < 2:  # nothing offered: the generic 0-4 levels
            generic = _DEFAULT_LEVELS_DE if language == "de" else _DEFAULT_LEVELS
            for i, label in enumerate(generic):
                vm.options.setdefault(normalise(label), ImportedOption(str(i), label, float(i)))
                vm.order.append(normalise(label))
    for qkey, q in questions.items():
        vm = maps[group_of[qkey]]
        if vm is not None:
            q.options = vm.sorted_options()
    instrument = build_instrument(iid, title or name, f"Imported from {file}.", sections, list(questions.values()),
                                  origin=file)
    return Imported(instrument, answers, value_map, problems)
