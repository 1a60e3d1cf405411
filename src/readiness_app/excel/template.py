"""The fill-in template: a workbook a client fills before the workshop, and reading it back.

``readiness export FILE --template OUT.xlsx`` writes one sheet per questionnaire in the
assessment's language: per question (and, for per-use-case questionnaires, per use case) a
row with the question, a drop-down of its allowed answers (level descriptors or option
labels, plus "Not applicable"), a note column and the level descriptors beside it. An
instructions sheet asks for the name and role of whoever fills it in (empty: the answers are
the team's consensus). A very hidden data sheet carries the questionnaires and the assessment's
participants and use cases, so importing the filled template needs no mapping.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app import __version__
from readiness_app.errors import ExportError
from readiness_app.excel.labels import answer_label, label
from readiness_app.excel.mapping import (
    CONSENSUS_WORDS,
    ValueMapper,
    ValueProblem,
    cell_text,
    normalise,
    role_from_text,
)
from readiness_app.excel.plan import ImportPlan, ImportProblem, PlannedAnswer
from readiness_app.excel.sheet_format import document_properties, explicit_fonts, fit_sheet
from readiness_app.excel.workbook_io import (
    DATA_SHEET,
    WorkbookReader,
    column_letter,
    import_error,
    read_data_sheet,
    save_workbook_atomic,
    set_text,
    sheet_title,
    write_data_sheet,
)
from readiness_app.messages import message_of, msg
from readiness_app.model import (
    CONSENSUS,
    ORGANISATION,
    PREWORK_SOURCE,
    ROLES,
    Answer,
    Engagement,
    Participant,
    UseCase,
    role_label,
)
from readiness_app.questionnaire.loader import Library, Question, Questionnaire, library_from_sources

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.store.assessment_file import AssessmentFile

TEMPLATE_FORMAT = "readiness-template/1"
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1
LISTS_SHEET = "Lists"
# columns of a questionnaire sheet (1-based)
COL_ID, COL_SECTION, COL_USE_CASE, COL_QUESTION, COL_ANSWER, COL_NOTE, COL_GUIDANCE = 1, 2, 3, 4, 5, 6, 7
COL_LEVEL0 = 8  # levels 0..4 in columns 8..12
COL_SCOPE = 13  # hidden: the scope id (organisation or use-case id)
NAME_CELL = (8, 3)  # row, column on the instructions sheet
ROLE_CELL = (9, 3)


def export_template(af: AssessmentFile, target: Path, *, lang: str | None = None,
                    participant: Participant | None = None, author: str = "") -> Path:
    """Write the fill-in template of the open assessment ``af`` to ``target`` (atomically).

    ``participant``: a personal template. Its front sheet names that person (protected, so it
    is not changed by accident) and its hidden data sheet carries their id, so the filled
    template is imported as their own votes (pre-work), never as the room's consensus.
    ``author``: the document's author (default: the engagement's consultancy, else its facilitator).
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    engagement = af.engagement()
    lang = lang or engagement.language
    library = af.library()
    use_cases = af.use_cases()
    wb = Workbook()
    taken: set[str] = {LISTS_SHEET, DATA_SHEET}
    bold = Font(bold=True)
    title_font = Font(bold=True, size=14)
    header_fill = PatternFill("solid", fgColor="1F3864")
    header_font = Font(bold=True, color="FFFFFF")
    input_fill = PatternFill("solid", fgColor="FFF2CC")
    grey = Font(color="808080", size=9)
    wrap = Alignment(wrap_text=True, vertical="top")

    # -- instructions
    ws = wb.active
    ws.title = sheet_title(label("tpl_title", lang), taken)
    heading = label("tpl_title", lang) if participant is None else f"{label('tpl_for', lang)} {participant.name}"
    set_text(ws.cell(1, 1), f"{heading}: {engagement.title}")
    ws.cell(1, 1).font = title_font
    set_text(ws.cell(2, 1), label("tpl_intro", lang))
    ws.cell(2, 1).alignment = wrap
    ws.merge_cells("A2:F2")
    ws.row_dimensions[2].height = 75
    info = [("client", engagement.client), ("workshop", engagement.title),
            ("dates", " – ".join(d for d in (engagement.workshop_start, engagement.workshop_end) if d)),
            ("facilitator", ", ".join(x for x in (engagement.facilitator, engagement.consultancy) if x))]
    for i, (key, value) in enumerate(info, start=4):
        set_text(ws.cell(i, 1), label(key, lang))
        ws.cell(i, 1).font = bold
        set_text(ws.cell(i, 3), value)
    for (r, c), key in ((NAME_CELL, "tpl_name"), (ROLE_CELL, "tpl_role")):
        set_text(ws.cell(r, 1), label(key, lang))
        ws.cell(r, 1).font = bold
        ws.cell(r, c).fill = input_fill
    if participant is None:
        set_text(ws.cell(10, 1), label("tpl_name_hint", lang))
        ws.cell(10, 1).font = grey
    else:
        set_text(ws.cell(NAME_CELL[0], NAME_CELL[1]), participant.name)
        set_text(ws.cell(ROLE_CELL[0], ROLE_CELL[1]), role_label(participant.role, lang))
        set_text(ws.cell(10, 1), label("tpl_personal", lang))
        ws.cell(10, 1).alignment = wrap
        ws.merge_cells("A10:F10")
        ws.row_dimensions[10].height = 32
        if participant.id not in {p.id for p in af.participants()}:  # someone new: they give their role
            set_text(ws.cell(ROLE_CELL[0], ROLE_CELL[1]), "")
            ws.cell(ROLE_CELL[0], ROLE_CELL[1]).protection = Protection(locked=False)
        ws.protection.sheet = True  # no password: it guards against slips, not against intent
    ws.column_dimensions["A"].width = 28
    ws.column_dimensions["B"].width = 4
    ws.column_dimensions["C"].width = 40
    ws.page_setup.fitToWidth = 1  # the instructions print on one page width
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True

    # -- lists for the drop-downs (hidden)
    lists = wb.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    list_col = 0

    def add_list(items: list[str]) -> str:
        nonlocal list_col
        list_col += 1
        for i, item in enumerate(items, start=1):
            set_text(lists.cell(i, list_col), item)
        letter = column_letter(list_col)
        return f"{LISTS_SHEET}!${letter}$1:${letter}${len(items)}"

    role_list = add_list([role_label(r, lang) for r in ROLES])
    dv_role = DataValidation(type="list", formula1=role_list, allow_blank=True, showErrorMessage=True,
                             errorTitle=label("tpl_bad", lang), error=label("tpl_pick", lang))
    ws.add_data_validation(dv_role)
    dv_role.add(ws.cell(*ROLE_CELL).coordinate)

    na = label("not_applicable", lang)
    sheets: dict[str, str] = {}
    for qn in library.questionnaires:
        qs = wb.create_sheet(sheet_title(qn.title.get(lang), taken))
        sheets[qs.title] = qn.id
        _questionnaire_sheet(qs, qn, use_cases, lang)
        for c in range(1, COL_SCOPE + 1):
            cell = qs.cell(HEADER_ROW, c)
            cell.fill = header_fill
            cell.font = header_font
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        dvs: dict[str, Any] = {}
        for r in range(FIRST_ROW, qs.max_row + 1):
            qid = qs.cell(r, COL_ID).value
            q = library.question(str(qid)) if qid else None
            if q is None:
                continue
            qs.cell(r, COL_ANSWER).fill = input_fill
            qs.cell(r, COL_NOTE).fill = input_fill
            dv = dvs.get(q.id)
            if dv is None:
                dv = _validation(q, lang, na, add_list, DataValidation)
                if dv is not None:
                    qs.add_data_validation(dv)
                    dvs[q.id] = dv
            if dv is not None:
                where = qs.cell(r, COL_ANSWER).coordinate
                if dv.formula1 == NUMBER_CHECK:  # the check reads the first cell it applies to
                    dv.formula1 = f'OR(ISNUMBER({where}),{where}="{na}")'
                dv.add(where)
        for r in range(FIRST_ROW, qs.max_row + 1):
            for c in (COL_SECTION, COL_USE_CASE, COL_QUESTION, COL_NOTE, COL_GUIDANCE,
                      *range(COL_LEVEL0, COL_LEVEL0 + 5)):
                qs.cell(r, c).alignment = wrap
            qs.cell(r, COL_ID).font = grey
        widths = {COL_ID: 14, COL_SECTION: 18, COL_USE_CASE: 20, COL_QUESTION: 50, COL_ANSWER: 34, COL_NOTE: 30,
                  COL_GUIDANCE: 40, COL_SCOPE: 12}
        for c in range(COL_LEVEL0, COL_LEVEL0 + 5):
            widths[c] = 24
        for c, w in widths.items():
            qs.column_dimensions[column_letter(c)].width = w
        qs.column_dimensions[column_letter(COL_SCOPE)].hidden = True
        qs.freeze_panes = qs.cell(FIRST_ROW, COL_ANSWER).coordinate
        qs.auto_filter.ref = f"A{HEADER_ROW}:{column_letter(COL_SCOPE)}{max(qs.max_row, FIRST_ROW)}"
        qs.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
        qs.page_setup.orientation = "landscape"
        qs.page_setup.fitToWidth = 1
        qs.page_setup.fitToHeight = 0
        qs.sheet_properties.pageSetUpPr.fitToPage = True

    for sheet in wb.worksheets:
        if sheet.title != LISTS_SHEET:
            fit_sheet(sheet, first_row=HEADER_ROW if sheet is not ws else 3)
    explicit_fonts(wb)
    document_properties(wb, title=f"{engagement.client} – {label('tpl_title', lang)}".strip(" –"),
                        author=author or engagement.consultancy or engagement.facilitator or "Readiness Studio",
                        lang=lang)
    meta = af.meta()
    write_data_sheet(wb, TEMPLATE_FORMAT, {
        "assessment": {"id": meta.get("assessment_id", ""), "language": lang, "app": __version__,
                       "exported_at": datetime.now(UTC).isoformat(timespec="seconds")},
        "engagement": asdict(engagement),
        "participants": [asdict(p) for p in af.participants()],
        "participant": asdict(participant) if participant is not None else None,
        "use_cases": [asdict(u) for u in use_cases],
        "library": {"questionnaires": [qn.source for qn in library.questionnaires],
                    "library": library.library_source},
        "layout": {"sheets": sheets, "instructions": ws.title, "name_cell": list(NAME_CELL),
                   "role_cell": list(ROLE_CELL)},
    })
    try:
        return save_workbook_atomic(wb, Path(target))
    except OSError as exc:
        raise ExportError(msg("cannot write the template ({detail})", detail=str(exc.strerror or exc)),
                          path=str(target)) from exc


def participant_for(af: AssessmentFile, name: str) -> Participant:
    """Whom a personal template is for: the participant of that name, or someone new (a fresh id)."""
    wanted = normalise(name)
    if not wanted or wanted in CONSENSUS_WORDS:
        raise ExportError(msg("a personal template needs the participant's name (not {name})", name=repr(name)),
                          path=str(af.path))
    for p in af.participants():
        if normalise(p.name) == wanted:
            return p
    from readiness_app.store.assessment_file import new_id

    return Participant(new_id("p"), " ".join(name.split()), "other")


def export_templates(af: AssessmentFile, folder: Path, *, lang: str | None = None) -> list[Path]:
    """One personal template per participant in ``folder``, named after each (``Template - NAME.xlsx``)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ExportError(msg("the folder does not exist"), path=str(folder))
    written: list[Path] = []
    taken: set[str] = set()
    stem = label("tpl_title", lang or af.engagement().language)
    for p in af.participants():
        safe = "".join(ch if ch.isalnum() or ch in " -_.," else "_" for ch in p.name).strip(" .") or p.id
        name = f"{stem} - {safe}"
        while name.casefold() in taken:
            name += f" ({p.id})"
        taken.add(name.casefold())
        written.append(export_template(af, folder / f"{name}.xlsx", lang=lang, participant=p))
    return written


def _questionnaire_sheet(qs: Any, qn: Questionnaire, use_cases: list[UseCase], lang: str) -> None:
    from openpyxl.styles import Font

    set_text(qs.cell(1, 1), qn.title.get(lang))
    qs.cell(1, 1).font = Font(bold=True, size=14)
    set_text(qs.cell(2, 1), qn.description.get(lang))
    headers = {COL_ID: "col_id", COL_SECTION: "col_section", COL_USE_CASE: "col_use_case",
               COL_QUESTION: "col_question", COL_ANSWER: "col_answer", COL_NOTE: "col_note",
               COL_GUIDANCE: "col_guidance", COL_SCOPE: "col_scope"}
    for c, key in headers.items():
        set_text(qs.cell(HEADER_ROW, c), label(key, lang))
    for i in range(5):
        set_text(qs.cell(HEADER_ROW, COL_LEVEL0 + i), f"{label('col_level', lang)} {i}")
    r = FIRST_ROW
    per_use_case = any(q.scope == "use_case" for q in qn.questions)
    scopes: list[tuple[str, str]] = [(uc.id, uc.name) for uc in use_cases] if per_use_case else []
    org = label("organisation", lang)
    plan: list[tuple[Question, str, str]] = []
    org_qs = [q for q in qn.questions if q.scope == "organisation"]
    plan.extend((q, ORGANISATION, org) for q in org_qs)
    for scope_id, scope_name in scopes:
        plan.extend((q, scope_id, scope_name) for q in qn.questions if q.scope == "use_case")
    sections = {s.id: s.title.get(lang) for s in qn.sections}
    for q, scope_id, scope_name in plan:
        set_text(qs.cell(r, COL_ID), q.id)
        set_text(qs.cell(r, COL_SECTION), sections.get(q.section_id, ""))
        set_text(qs.cell(r, COL_USE_CASE), scope_name)
        set_text(qs.cell(r, COL_QUESTION), q.text.get(lang))
        set_text(qs.cell(r, COL_GUIDANCE), q.help.get(lang))
        if q.type == "scale":
            for i, lv in enumerate(q.levels[:5]):
                set_text(qs.cell(r, COL_LEVEL0 + i), lv.get(lang))
        elif q.type in ("choice", "checklist"):
            set_text(qs.cell(r, COL_LEVEL0), "\n".join(o.label.get(lang) for o in q.options))
        elif q.type == "number" and q.unit is not None:
            set_text(qs.cell(r, COL_LEVEL0), q.unit.get(lang))
        set_text(qs.cell(r, COL_SCOPE), scope_id)
        r += 1


NUMBER_CHECK = "number-check"  # placeholder formula, replaced per question by export_template


def _validation(q: Question, lang: str, na: str, add_list: Any, DataValidation: Any) -> Any:
    if q.type == "scale":
        items = [_short(answer_label(q, i, lang)) for i in range(len(q.levels))] + [na]
    elif q.type == "choice":
        items = [o.label.get(lang) for o in q.options] + [na]
    elif q.type == "checklist":
        return DataValidation(type=None, allow_blank=True, showInputMessage=True,
                              prompt=label("tpl_checklist", lang) + ": " + "; ".join(o.label.get(lang) for o in q.options)[:200])
    elif q.type == "number":
        unit = q.unit.get(lang) if q.unit else ""
        # a number check that still takes "not applicable"; the formula is relative to the first cell,
        # filled in by the caller (NUMBER_CHECK), as Excel and LibreOffice expect
        return DataValidation(type="custom", formula1=NUMBER_CHECK, allow_blank=True, showInputMessage=True,
                              prompt=(label("tpl_number", lang) + (f" ({unit})" if unit else ""))[:250],
                              showErrorMessage=True, errorTitle=label("tpl_not_number_title", lang)[:32],
                              error=label("tpl_not_number", lang).format(na=na)[:250])
    else:
        return None
    return DataValidation(type="list", formula1=add_list(items), allow_blank=True, showErrorMessage=True,
                          errorTitle=label("tpl_bad", lang)[:32], error=label("tpl_pick", lang),
                          showInputMessage=False)


def _short(text: str, n: int = 90) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# --------------------------------------------------------------------------- reading a filled template


def read_template(rd: WorkbookReader, library: Library | None = None) -> ImportPlan:
    """Plan the import of a filled template (its own questionnaires; no mapping needed)."""
    _fmt, data = read_data_sheet(rd)
    try:
        lib = library_from_sources(data["library"]["questionnaires"], data["library"]["library"], rd.name)
        engagement = Engagement(**data["engagement"])
        participants = [Participant(**p) for p in data["participants"]]
        use_cases = [UseCase(**u) for u in data["use_cases"]]
        layout = data["layout"]
        sheets: dict[str, str] = layout["sheets"]
    except (KeyError, TypeError, ValueError) as exc:
        raise import_error(rd.path, msg("the template's hidden data is incomplete ({detail})", detail=str(exc)),
                           sheet=DATA_SHEET) from exc
    lang = data.get("assessment", {}).get("language", engagement.language)
    problems: list[ImportProblem] = []
    file = rd.name

    # who filled it in
    name, role = "", ""
    instr = rd.resolve(layout["instructions"]) if layout.get("instructions") else None
    if instr is not None:
        nr, nc = layout["name_cell"]
        rr, rc = layout["role_cell"]
        for number, cells in rd.rows(instr, max_row=max(nr, rr)):
            if number == nr and len(cells) >= nc:
                name = cell_text(cells[nc - 1].value)
            if number == rr and len(cells) >= rc:
                role = cell_text(cells[rc - 1].value)
    pid = CONSENSUS
    pname = ""
    new_participants: list[Participant] = []
    personal = data.get("participant")
    if isinstance(personal, dict) and personal.get("id") and personal.get("name"):
        try:
            owner = Participant(**personal)
        except TypeError as exc:
            raise import_error(rd.path, msg("the template's hidden data is incomplete ({detail})", detail=str(exc)),
                               sheet=DATA_SHEET) from exc
        if owner.id not in {p.id for p in participants}:
            owner = replace(owner, role=role_from_text(role, owner.role if owner.role in ROLES else "other"),
                            position=max((x.position for x in participants), default=-1) + 1)
            new_participants.append(owner)
        pid, pname = owner.id, owner.name
    elif name and normalise(name) not in CONSENSUS_WORDS:
        known = {normalise(p.name): p for p in participants}
        p = known.get(normalise(name))
        if p is None:
            from readiness_app.store.assessment_file import new_id

            p = Participant(new_id("p"), name, role_from_text(role, "other"),
                            position=max((x.position for x in participants), default=-1) + 1)
            new_participants.append(p)
        pid, pname = p.id, p.name

    mapper = ValueMapper()
    uc_names = {u.id: u.name for u in use_cases}
    answers: list[PlannedAnswer] = []
    rows_read = 0
    seen: dict[tuple[str, str], int] = {}
    read_sheets: list[str] = []
    for title in sheets:
        try:
            sheet = rd.resolve(title)
        except Exception:
            problems.append(ImportProblem(title, None, None, msg("sheet missing from the template; its answers are "
                                                                 "not imported"), "warning"))
            continue
        read_sheets.append(sheet)
        for number, cells in rd.rows(sheet, max_col=COL_SCOPE):
            rows_read += 1
            if number < FIRST_ROW:
                continue

            def get(col: int, _cells: Any = cells) -> Any:
                return _cells[col - 1].value if len(_cells) >= col else None

            qid = cell_text(get(COL_ID))
            raw = get(COL_ANSWER)
            note = cell_text(get(COL_NOTE))
            if not qid or (cell_text(raw) == "" and not note):
                continue
            q = lib.question(qid)
            if q is None:
                problems.append(ImportProblem(sheet, number, "A", msg("unknown question id {id} (was the ID column "
                                                                      "changed?)", id=repr(qid))))
                continue
            scope = cell_text(get(COL_SCOPE)) or ORGANISATION
            if q.scope == "organisation":
                scope = ORGANISATION
            elif scope not in uc_names:
                problems.append(ImportProblem(sheet, number, column_letter(COL_SCOPE),
                                              msg("unknown use case id {id} (was the hidden column changed?)",
                                                  id=repr(scope))))
                continue
            try:
                mapped = mapper.map(q, raw, (0.0, 4.0))
            except ValueProblem as exc:
                problems.append(ImportProblem(sheet, number, f"{column_letter(COL_ANSWER)} ({label('col_answer', lang)})",
                                              message_of(exc)))
                continue
            if mapped is None and not note:
                continue
            key = (q.id, scope)
            if key in seen:
                problems.append(ImportProblem(sheet, number, None, msg("{question} appears twice (row {row}); this "
                                                                       "row is skipped", question=q.id,
                                                                       row=seen[key])))
                continue
            seen[key] = number
            if mapped is not None and mapped.warning:
                problems.append(ImportProblem(sheet, number, column_letter(COL_ANSWER), mapped.warning, "warning"))
            answer = Answer(question_id=q.id, scope=scope, participant_id=pid,
                            value=mapped.value if mapped else None,
                            not_applicable=mapped.not_applicable if mapped else False,
                            note=note, source=f"{PREWORK_SOURCE if pid else ''}{file} / {sheet} / row {number}")
            answers.append(PlannedAnswer(answer, sheet, number, cell_text(raw), q.text.get(lang), "template", 1.0,
                                         pname, uc_names.get(scope, "")))
    return ImportPlan(source=rd.path, kind="template", library=lib, engagement=engagement,
                      participants=participants + new_participants, use_cases=use_cases, answers=answers,
                      problems=problems, sheets=read_sheets, rows_read=rows_read,
                      assessment_id=str(data.get("assessment", {}).get("id", "")),
                      meta={"language": lang, "participant": pname})
