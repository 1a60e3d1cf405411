"""Pre-work: filled templates added to an open assessment, without removing what the room recorded.

A **personal** template (``readiness export --template OUT.xlsx --for NAME``), or a template
someone put their name on, holds that participant's own votes. :func:`write_into` records them
as votes (hidden in the workshop until the facilitator reveals them), never as the consensus:

* the participant is matched by id, then by name; someone unknown is added with the role
  given on the template's front sheet;
* importing the same person's template again **replaces** their earlier pre-work votes
  (``Answer.source`` starts with ``pre-work:``) instead of adding to them;
* a vote the room recorded for that person in the workshop is kept, never overwritten.

An **anonymous** template (and any other workbook imported ``--into`` a file) adds consensus
answers, but never removes what the room recorded: an answer already there stays as it is
(its value, its "not applicable" and reason, its note); an empty note never clears one. Such
rows are counted as *kept*.

:func:`prework_spread` orders the questions by the spread of the pre-work votes, widest first,
so the workshop can open on the disagreements.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from readiness_app.errors import WorkbookImportError
from readiness_app.excel.mapping import normalise
from readiness_app.excel.plan import ImportPlan
from readiness_app.messages import msg
from readiness_app.model import CONSENSUS, ORGANISATION, Answer, Participant, is_prework

if TYPE_CHECKING:  # pragma: no cover
    from readiness_app.store.assessment_file import AssessmentFile


@dataclass(frozen=True, slots=True)
class SpreadRow:
    """One question in one scope and how far the pre-work votes on it lie apart."""

    question_id: str
    scope: str
    spread: float  # max - min of the numeric votes (scale points; 0 when they agree)
    voters: int  # participants with a pre-work vote here
    question_text: str
    use_case: str  # the use case's name; "" for organisation-wide questions


@dataclass(slots=True)
class IntoResult:
    """What :func:`write_into` did with one workbook."""

    file: str
    written: int = 0  # answers written (votes and consensus)
    votes: int = 0
    replaced: int = 0  # earlier pre-work votes of the same person, replaced
    kept: int = 0  # answers the room had recorded, left as they were
    people: list[str] = field(default_factory=list)  # whose votes these are
    added_people: list[str] = field(default_factory=list)  # participants created


def check_into(plan: ImportPlan, af: AssessmentFile, *, allow_problems: bool = False) -> None:
    """Raise :class:`WorkbookImportError` when ``plan`` cannot go into ``af`` (nothing is written)."""
    if plan.kind == "scorecard":
        raise WorkbookImportError(msg("a scorecard rebuilds a whole assessment; import it into a new file instead"),
                                  path=plan.file)
    if plan.kind == "template" and plan.assessment_id and plan.assessment_id != af.meta().get("assessment_id"):
        raise WorkbookImportError(msg("this template was exported from another assessment; import it into the "
                                      "assessment it came from, or into a new file"), path=plan.file)
    if plan.errors and not allow_problems:
        raise WorkbookImportError(msg("{count} row(s) cannot be imported; first: {first}", count=len(plan.errors),
                                      first=plan.errors[0].format()), path=plan.file)


def write_into(af: AssessmentFile, plan: ImportPlan, *, allow_problems: bool = False) -> IntoResult:
    """Add ``plan`` to the open assessment ``af`` (see the module's rules). One transaction for the answers."""
    check_into(plan, af, allow_problems=allow_problems)
    result = IntoResult(plan.file)
    try:
        store: Any = af  # questionnaires the plan needs and the file lacks (when the reader names them)
        for qn in getattr(plan, "instruments", ()):
            store.add_instrument(qn)
        ids = _participants_into(af, plan, result)
        known_uc = {u.id for u in af.use_cases()}
        for uc in plan.use_cases:
            if uc.id not in known_uc:
                af.add_use_case(uc.name, uc.description, uc.stage, use_case_id=uc.id)
        existing = {a.key: a for a in af.answers()}
        incoming = [replace(pa.answer, participant_id=ids.get(pa.answer.participant_id, pa.answer.participant_id))
                    for pa in plan.answers]
        voters = {a.participant_id for a in incoming if a.participant_id != CONSENSUS}
        prework_voters = {a.participant_id for a in incoming if is_prework(a.source)}
        clear = [k for k, a in existing.items() if k[2] in prework_voters and is_prework(a.source)]
        result.replaced = len(clear)
        writes: list[Answer] = []
        for a in incoming:
            before = existing.get(a.key)
            if before is None or (is_prework(before.source) and a.participant_id in prework_voters):
                writes.append(a)
            elif _same(before, a) and not before.note and a.note:
                writes.append(replace(before, note=a.note, updated_at=""))  # only a note where there was none
            else:
                result.kept += not _same(before, a) or bool(a.note and a.note != before.note)
        result.written = len(writes)
        result.votes = sum(1 for a in writes if a.participant_id != CONSENSUS)
        names = {p.id: p.name for p in af.participants()}
        result.people = [names.get(pid, pid) for pid in sorted(voters, key=lambda p: names.get(p, p))]
        from readiness_app.store.bulk import replace_answers

        replace_answers(af, writes, clear, action="pre-work" if prework_voters else "import",
                        detail={"file": plan.file, "replaced": result.replaced, "kept": result.kept})
        hide_from_the_room(af, {(a.question_id, a.scope) for a in writes if is_prework(a.source)})
        targets = af.targets()
        for dim, level in plan.targets.items():
            if dim not in targets:
                af.set_target(dim, level)
        if plan.roadmap_edits:
            af.restore_roadmap_edits(plan.roadmap_edits)
    except (ValueError, KeyError) as exc:
        raise WorkbookImportError(msg("the answers do not fit this assessment ({detail})", detail=str(exc)),
                                  path=plan.file) from exc
    return result


def hide_from_the_room(af: AssessmentFile, keys: set[tuple[str, str]]) -> None:
    """Hide the votes on these (question, scope) pairs again, even where every vote was shown:
    nobody sees a colleague's pre-work before the facilitator reveals it (``scoring.visibility``)."""
    from readiness_app.scoring.visibility import from_meta, meta_changes
    from readiness_app.store.bulk import set_meta_values

    before = from_meta(af.meta())
    after = before
    for question_id, scope in sorted(keys):
        if after.votes_shown(question_id, scope):
            after = after.with_revealed(question_id, scope, False)
    set_meta_values(af, meta_changes(before, after), action="hide pre-work")


def _same(a: Answer, b: Answer) -> bool:
    return a.not_applicable == b.not_applicable and (a.not_applicable or a.value == b.value)


def _participants_into(af: AssessmentFile, plan: ImportPlan, result: IntoResult) -> dict[str, str]:
    """Match the plan's participants to ``af``'s (by id, then by name), add the unknown; plan id -> file id."""
    have = af.participants()
    by_id = {p.id: p for p in have}
    by_name = {normalise(p.name): p for p in have}
    used = {a.answer.participant_id for a in plan.answers}
    ids: dict[str, str] = {}
    for p in plan.participants:
        if p.id in by_id:
            continue
        match = by_name.get(normalise(p.name))
        if match is not None:
            ids[p.id] = match.id
        elif p.id in used:
            added: Participant = af.add_participant(p.name, p.role, p.organisation, participant_id=p.id)
            by_name[normalise(added.name)] = added
            result.added_people.append(added.name)
    return ids


def prework_spread(af: AssessmentFile, *, prework_only: bool = True) -> list[SpreadRow]:
    """Every question and scope with pre-work votes, the widest spread first (then questionnaire order)."""
    from readiness_app.scoring.consensus import consensus_of

    library = af.library()
    lang = af.engagement().language
    uc_names = {u.id: u.name for u in af.use_cases()}
    votes: dict[tuple[str, str], list[Answer]] = defaultdict(list)
    for a in af.answers():
        if a.participant_id != CONSENSUS and (is_prework(a.source) or not prework_only):
            votes[(a.question_id, a.scope)].append(a)
    order = {qid: i for i, qid in enumerate(library.questions)}
    rows = []
    for (qid, scope), given in votes.items():
        q = library.question(qid)
        if q is None:
            continue
        c = consensus_of(q, scope, given)
        rows.append(SpreadRow(qid, scope, c.spread or 0.0, len(given), q.text.get(lang),
                              "" if scope == ORGANISATION else uc_names.get(scope, scope)))
    uc_order = {u.id: i for i, u in enumerate(af.use_cases())}
    rows.sort(key=lambda r: (-r.spread, order.get(r.question_id, 1 << 30), uc_order.get(r.scope, -1)))
    return rows


def people_with_prework(af: AssessmentFile) -> list[str]:
    """The names of everyone with at least one pre-work vote, in participant order."""
    voted = {a.participant_id for a in af.answers() if a.participant_id != CONSENSUS and is_prework(a.source)}
    return [p.name for p in af.participants() if p.id in voted]


def workbooks_in(paths: list[Path]) -> list[Path]:
    """The workbooks named, a folder standing for the ``.xlsx`` files in it (Office's ``~$`` lock files left out)."""
    found: list[Path] = []
    for p in paths:
        if p.is_dir():
            inside = sorted(x for x in p.iterdir() if x.suffix.lower() == ".xlsx" and not x.name.startswith("~$"))
            if not inside:
                raise WorkbookImportError(msg("no Excel workbook (.xlsx) in this folder"), path=str(p))
            found.extend(inside)
        else:
            found.append(p)
    return found


def import_many(into: Path, workbooks: list[Path], *, author: str = "", dry_run: bool = False,
                allow_problems: bool = False) -> list[str]:
    """Several filled templates into one assessment: every one read and checked first, then written.

    Returns the lines to show (per file what was written, then :func:`import_summary`); with
    ``dry_run`` each plan's summary and nothing is written. Raises on the first unusable workbook.
    """
    from readiness_app.excel.importer import plan_import
    from readiness_app.store.assessment_file import AssessmentFile

    opened = AssessmentFile.open_readonly(into) if dry_run else AssessmentFile.open(into, author=author)
    with opened as af:
        plans = [plan_import(w, af.library()) for w in workbooks]
        for plan in plans:
            check_into(plan, af, allow_problems=allow_problems or dry_run)
        if dry_run:
            return [plan.summary() for plan in plans]
        results = [write_into(af, plan, allow_problems=allow_problems) for plan in plans]
        return [f"added {r.written} answers from {r.file} to {into}" for r in results] + [import_summary(af, results)]


def import_summary(af: AssessmentFile, results: list[IntoResult], *, widest: int = 10) -> str:
    """What the import did, how many people have answered the pre-work, and the widest spreads first."""
    lines = []
    for r in results:
        who = f" ({', '.join(r.people)})" if r.people else " (consensus)"
        extra = []
        if r.added_people:
            extra.append(f"new participant(s): {', '.join(r.added_people)}")
        if r.replaced:
            extra.append(f"{r.replaced} earlier pre-work vote(s) replaced")
        if r.kept:
            extra.append(f"{r.kept} answer(s) the room recorded kept as they were")
        lines.append(f"{r.file}{who}: {r.written} answer(s) written" + (f"; {'; '.join(extra)}" if extra else ""))
    people = people_with_prework(af)
    who = "person" if len(people) == 1 else "people"
    lines.append(f"{len(people)} {who} answered the pre-work" + (f": {', '.join(people)}" if people else ""))
    rows = [row for row in prework_spread(af) if row.voters >= 2]
    if rows:
        lines.append("widest spread first:")
        for row in rows[:widest]:
            where = f" / {row.use_case}" if row.use_case else ""
            lines.append(f"  {row.spread:g} points  {row.question_id}{where} ({row.voters} votes): "
                         f"{row.question_text}")
    return "\n".join(lines)
