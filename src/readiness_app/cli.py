"""The ``readiness`` command line.

Every command is a small function registered with :func:`command`: it gets the parsed
arguments and returns the exit code. Exit codes: 0 success, 1 bad data (one line on stderr
naming the file and place), 2 usage errors (argparse). Expected errors are
:class:`~readiness_app.errors.ReadinessError` subclasses; bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TextIO

from readiness_app import __version__
from readiness_app.errors import QuestionnaireError, ReadinessError

Runner = Callable[[argparse.Namespace], int]
Configure = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    help: str  # one line, shown in ``readiness --help``
    description: str  # shown in ``readiness NAME --help``
    configure: Configure
    run: Runner


COMMANDS: dict[str, Command] = {}


def command(name: str, help: str, description: str = "", *,
            configure: Configure | None = None) -> Callable[[Runner], Runner]:
    """Register ``run`` as the sub-command ``name``; ``configure`` adds its arguments."""

    def register(run: Runner) -> Runner:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} registered twice")
        COMMANDS[name] = Command(name, help, description or help, configure or (lambda _p: None), run)
        return run

    return register


class CommandFailed(ReadinessError):
    """A command could not do its job for a reason the user can fix (exit code 1)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="readiness",
        description="Readiness Studio on the command line. Every command has --help.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.description)
        cmd.configure(p)
        p.set_defaults(_run=cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with 2 on usage errors, 0 on --help
    run: Runner = args._run
    try:
        return run(args)
    except ReadinessError as exc:
        _fail(exc.one_line())
    except OSError as exc:
        where = exc.filename if exc.filename is not None else ""
        _fail(f"{where}: {exc.strerror or exc}" if where else str(exc))
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    return 1


def _fail(message: str) -> None:
    print(f"readiness: {message}", file=sys.stderr)


def _write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` beside ``path`` and swap it in, so a failure never leaves half a file."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644  # mkstemp makes it 0600
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _starts_with(path: Path, prefix: bytes) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(prefix)) == prefix


# --------------------------------------------------------------------------- demo


def _demo_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT.readiness", type=Path, help="the assessment file to write")
    p.add_argument("--size", choices=("standard", "large"), default="standard",
                   help="standard: a realistic workshop (default); large: 30 use cases and "
                        "15 participants, for benchmarks")
    p.add_argument("--lang", choices=("en", "de"), default="en", help="the workshop language (default: en)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")


@command("demo", "write the built-in demo workshop to a new assessment file",
         "Write the built-in demo workshop (a fictional insurer with six use cases) "
         "to a new assessment file.", configure=_demo_args)
def cmd_demo(args: argparse.Namespace) -> int:
    from readiness_app.demo import write_demo

    out: Path = args.out
    if out.suffix != ".readiness":
        raise CommandFailed("an assessment file name ends in .readiness", path=str(out))
    if out.exists() and not args.force:
        raise CommandFailed("exists already; use --force to replace it", path=str(out))
    if not out.parent.is_dir():
        raise CommandFailed("the folder does not exist", path=str(out.parent))
    write_demo(out, size=args.size, language=args.lang)
    print(f"wrote {out} ({args.size} demo)")
    return 0


# --------------------------------------------------------------------------- info


def _info_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="an assessment file (.readiness)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")


def assessment_info(path: Path) -> dict[str, Any]:
    """Engagement, counts and completeness of an assessment file (opened read-only)."""
    from readiness_app.model import ORGANISATION
    from readiness_app.store.assessment_file import AssessmentFile

    af = AssessmentFile.open_readonly(path)
    try:
        library = af.library()
        answers = af.answers()
        use_cases = af.use_cases()
        participants = af.participants()
        meta = af.meta()
        schema_version = af.schema_version
        instruments = af.instruments()
        targets = af.targets()
        engagement = asdict(af.engagement())
    finally:
        af.close()

    answered = {(a.question_id, a.scope) for a in answers}
    scopes_uc = [uc.id for uc in use_cases]
    questionnaires = []
    for qn in library.questionnaires:
        pairs = [(q.id, s) for q in qn.questions
                 for s in ([ORGANISATION] if q.scope == "organisation" else scopes_uc)]
        done = sum(1 for pair in pairs if pair in answered)
        questionnaires.append({
            "id": qn.id, "version": qn.version, "kind": qn.kind, "title": qn.title.en,
            "questions": len(qn.questions), "pairs": len(pairs), "answered": done,
            "completeness": round(done / len(pairs), 4) if pairs else None,
        })
    return {
        "file": str(path),
        "schema_version": schema_version,
        "created_with": meta.get("created_with", ""),
        "created_at": meta.get("created_at", ""),
        "engagement": engagement,
        "counts": {
            "participants": len(participants),
            "use_cases": len(use_cases),
            "answers": len(answers),
            "votes": sum(1 for a in answers if not a.is_consensus),
            "consensus": sum(1 for a in answers if a.is_consensus),
            "not_applicable": sum(1 for a in answers if a.not_applicable),
            "notes": sum(1 for a in answers if a.note.strip()),
            "targets": len(targets),
        },
        "questionnaires": questionnaires,
        "instruments": [{k: i[k] for k in ("id", "version", "kind", "sha256")} for i in instruments],
    }


def _print_info(info: dict[str, Any], out: TextIO) -> None:
    e = info["engagement"]
    c = info["counts"]
    dates = e["workshop_start"] + (f" to {e['workshop_end']}" if e["workshop_end"] else "")
    lines = [
        f"File:          {info['file']} (format {info['schema_version']})",
        f"Client:        {e['client'] or '-'}" + (f" ({e['industry']})" if e["industry"] else ""),
        f"Workshop:      {e['title'] or '-'}" + (f", {dates}" if dates else ""),
        f"Facilitator:   {e['facilitator'] or '-'}" + (f", {e['consultancy']}" if e["consultancy"] else ""),
        f"Language:      {e['language']}",
        f"Participants:  {c['participants']}",
        f"Use cases:     {c['use_cases']}",
        f"Answers:       {c['answers']} ({c['votes']} votes, {c['consensus']} consensus, "
        f"{c['not_applicable']} not applicable, {c['notes']} with notes)",
        "Questionnaires:",
    ]
    width = max((len(q["id"]) for q in info["questionnaires"]), default=0)
    for q in info["questionnaires"]:
        share = "-" if q["completeness"] is None else f"{q['completeness'] * 100:5.1f}%"
        lines.append(f"  {q['id']:<{width}}  v{q['version']:<6} {share:>6} complete "
                     f"({q['answered']}/{q['pairs']} question-scope pairs answered)")
    out.write("\n".join(lines) + "\n")


@command("info", "print an assessment's engagement, counts and completeness",
         "Print the engagement, the number of participants, use cases and answers, and how "
         "complete each questionnaire is (the share of question and scope pairs with any "
         "answer). The file is only read.", configure=_info_args)
def cmd_info(args: argparse.Namespace) -> int:
    info = assessment_info(args.file)
    if args.json:
        json.dump(info, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_info(info, sys.stdout)
    return 0


# --------------------------------------------------------------------------- validate


def _validate_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH", type=Path,
                   help="a questionnaire folder, one questionnaire file (checked with the library "
                        "files beside it), or an assessment file (its embedded questionnaires)")


@command("validate", "check questionnaire files and report every problem",
         "Load and check questionnaire files. Prints every problem on its own line "
         "(file: question id.field: what is wrong) and exits with 1 when there are any.",
         configure=_validate_args)
def cmd_validate(args: argparse.Namespace) -> int:
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.store.assessment_file import SQLITE_HEADER, AssessmentFile

    path: Path = args.path
    try:
        if path.is_file() and _starts_with(path, SQLITE_HEADER):
            with AssessmentFile.open_readonly(path) as af:
                library = af.library()
        else:
            library = load_library(path)
    except QuestionnaireError as exc:
        for problem in exc.problems:
            print(problem.format())
        _fail(f"{path}: {len(exc.problems)} problem(s)")
        return 1
    questions = sum(len(qn.questions) for qn in library.questionnaires)
    print(f"OK: {len(library.questionnaires)} questionnaires, {questions} questions")
    return 0


# --------------------------------------------------------------------------- docs


def _docs_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("out", metavar="OUT.md", type=Path,
                   help="the Markdown file to write (the repository keeps it in docs/questionnaires.md)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit with 1 when OUT.md differs from the questionnaires")


@command("docs", "write the questionnaire reference as Markdown",
         "Render every bundled questionnaire (questions, help, levels, options, weights, "
         "dimensions and actions) as one Markdown document.", configure=_docs_args)
def cmd_docs(args: argparse.Namespace) -> int:
    from readiness_app.questionnaire.loader import load_library
    from readiness_app.questionnaire.reference_doc import render_markdown

    out: Path = args.out
    text = render_markdown(load_library())
    if args.check:
        try:
            current = out.read_text(encoding="utf-8")
        except FileNotFoundError:
            current = None
        if current != text:
            raise CommandFailed(f"out of date with the questionnaires; run: readiness docs {out}",
                                path=str(out))
        print(f"{out} is up to date")
        return 0
    if not out.parent.is_dir():
        raise CommandFailed("the folder does not exist", path=str(out.parent))
    _write_text_atomic(out, text)
    print(f"wrote {out}")
    return 0


# --------------------------------------------------------------------------- score


def _score_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="the assessment file (.readiness); only read")
    p.add_argument("--json", action="store_true",
                   help="print every result as JSON (format documented in docs/scoring.md)")
    p.add_argument("--lang", choices=("en", "de"), default=None,
                   help="language of the text report (default: the assessment's language)")


@command("score", "score an assessment and print every result",
         "Score an assessment: use-case priorities and the first production lane, data and "
         "workflow readiness with blockers, staged maturity per dimension, consensus and "
         "disagreements, risk flags and the 90-day roadmap. The file is only read.",
         configure=_score_args)
def cmd_score(args: argparse.Namespace) -> int:
    from readiness_app.report.plain_text import format_results
    from readiness_app.scoring import build_input, score, to_json
    from readiness_app.store.assessment_file import AssessmentFile

    af = AssessmentFile.open_readonly(args.file)
    try:
        results = score(build_input(af))
        if args.json:
            sys.stdout.write(to_json(results) + "\n")
        else:
            lang = args.lang or af.engagement().language
            sys.stdout.write(format_results(results, af.library(), lang))
    finally:
        af.close()
    return 0


# --------------------------------------------------------------------------- export
#
# One ``export`` command for every output format. Each format registers two functions:
# ``EXPORT_OPTIONS`` adds its options (e.g. --pdf) to the command, ``EXPORT_STEPS`` runs the
# export when its option was given and returns the line to print (None when not asked for).
# The options combine: ``readiness export FILE --pdf r.pdf --xlsx s.xlsx`` writes both.

ExportStep = Callable[[argparse.Namespace], "str | None"]
EXPORT_OPTIONS: list[Configure] = []
EXPORT_STEPS: list[ExportStep] = []


def _export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="the assessment file (.readiness); only read")
    p.add_argument("--lang", choices=("en", "de"), default=None,
                   help="language of the output (default: the assessment's language)")
    for add_options in EXPORT_OPTIONS:
        add_options(p)


def _pdf_options(p: argparse.ArgumentParser) -> None:
    from readiness_app.report.texts import SECTION_IDS

    p.add_argument("--pdf", metavar="OUT.pdf", type=Path, default=None,
                   help="write the PDF report (executive summary, maturity, portfolio, 90-day roadmap)")
    p.add_argument("--no-section", metavar="SECTION", action="append", default=[], choices=SECTION_IDS,
                   help="leave a section out of the PDF (repeatable): " + ", ".join(SECTION_IDS))


def _pdf_step(args: argparse.Namespace) -> str | None:
    if args.pdf is None:
        return None
    from readiness_app.report.pdf import SECTION_IDS, build_report

    sections = [s for s in SECTION_IDS if s not in set(args.no_section)]
    build_report(args.file, args.pdf, lang=args.lang, sections=sections, portfolio=getattr(args, "portfolio", None))
    return f"wrote {args.pdf}"


EXPORT_OPTIONS.append(_pdf_options)
EXPORT_STEPS.append(_pdf_step)


@command("export", "write the client deliverables (PDF report, Excel scorecard, template, readout deck, "
         "backlog CSVs) from an assessment",
         "Export an assessment: --pdf writes the PDF report with the 90-day roadmap, --xlsx the Excel "
         "scorecard, --template a fill-in workbook, --pptx the readout deck (on --pptx-template, the "
         "firm's slide master), --jira-csv and --azure-devops-csv the roadmap for those importers; the "
         "options combine. The assessment file is only read; each output is written completely or not at all.",
         configure=_export_args)
def cmd_export(args: argparse.Namespace) -> int:
    if not args.file.is_file():
        raise CommandFailed("no such assessment file", path=str(args.file))
    done = [line for step in EXPORT_STEPS if (line := step(args)) is not None]
    if not done:
        print("readiness export: error: say what to write, e.g. --pdf OUT.pdf", file=sys.stderr)
        return 2
    for line in done:
        print(line)
    return 0


# --------------------------------------------------------------------------- follow-ups, portfolio, anonymise
# (issue 9; the logic lives in followup.py, portfolio.py and anonymise.py)


def _followup_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("baseline", metavar="BASELINE", type=Path, help="the earlier assessment (.readiness); only read")
    p.add_argument("-o", "--out", metavar="NEW.readiness", type=Path, required=True,
                   help="the follow-up assessment to write (must not exist)")
    p.add_argument("--prefill", action="store_true",
                   help="copy the baseline's votes as starting votes (no consensus, no notes)")
    p.add_argument("--author", default="", help="your name, recorded in the change log")


@command("followup", "start a follow-up assessment from a baseline",
         "Start a follow-up: a new assessment with the baseline's client, participants, use cases "
         "and targets, the current questionnaires, and the baseline's results stored for comparison "
         "(readiness movement). Answers start empty unless --prefill.", configure=_followup_args)
def cmd_followup(args: argparse.Namespace) -> int:
    from readiness_app.followup.baseline import start_followup

    if args.out.suffix != ".readiness":
        raise CommandFailed("an assessment file name ends in .readiness", path=str(args.out))
    start_followup(args.baseline, args.out, prefill=args.prefill, author=args.author)
    print(f"wrote {args.out} (follow-up of {args.baseline.name}" + (", votes pre-filled)" if args.prefill else ")"))
    return 0


def _movement_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="a follow-up assessment (.readiness); only read")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--lang", choices=("en", "de"), default=None,
                   help="language of the text (default: the assessment's language)")


@command("movement", "show what moved since a follow-up's baseline",
         "Compare a follow-up with its baseline: maturity per dimension, priority and readiness per "
         "use case, the baseline metrics (before, after, change) and which earlier roadmap actions "
         "were done. Works without the baseline file. The file is only read.", configure=_movement_args)
def cmd_movement(args: argparse.Namespace) -> int:
    from readiness_app.followup.baseline import format_movement, movement_of
    from readiness_app.scoring import to_jsonable
    from readiness_app.store.assessment_file import AssessmentFile

    with AssessmentFile.open_readonly(args.file) as af:
        movement = movement_of(af)
        lang = args.lang or af.engagement().language
    if movement is None:
        raise CommandFailed("not a follow-up (it holds no baseline); start one with: readiness followup",
                            path=str(args.file))
    if args.json:
        json.dump({"format": "readiness-movement/1", "movement": to_jsonable(movement)}, sys.stdout,
                  indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_movement(movement, lang))
    return 0


def _portfolio_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", metavar="DIR", type=Path, help="a folder of assessment files; only read")
    p.add_argument("--current", metavar="FILE", type=Path, default=None,
                   help="the client to place in the benchmark (percentile per dimension)")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--no-cache", action="store_true", help="score every file again (ignore the cache)")
    p.add_argument("--lang", choices=("en", "de"), default="en", help="language of the text (default: en)")


@command("portfolio", "benchmark a folder of assessments (anonymised)",
         "Benchmark the AI-operations maturity of every assessment in a folder: distribution per "
         "dimension, per industry where at least 5 assessments share it, and where --current stands "
         "(percentile). Unreadable files are listed with the reason and skipped; nothing is written "
         "to the folder.", configure=_portfolio_args)
def cmd_portfolio(args: argparse.Namespace) -> int:
    from readiness_app.followup.portfolio import build_portfolio, format_portfolio, to_jsonable

    if not args.folder.is_dir():
        raise CommandFailed("no such folder", path=str(args.folder))
    p = build_portfolio(args.folder, current=args.current, use_cache=not args.no_cache)
    if args.json:
        json.dump(to_jsonable(p), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(format_portfolio(p, args.lang))
    return 0


def _anonymise_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="the assessment to anonymise; only read")
    p.add_argument("-o", "--out", metavar="OUT.readiness", type=Path, required=True,
                   help="the anonymised copy to write")
    p.add_argument("--salt", default=None,
                   help="the consultancy's secret salt for pseudonyms (default: this computer's own)")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")


@command("anonymise", "write an anonymised copy for pooled benchmarks",
         "Write a copy with participants, client, facilitator and consultancy replaced by stable "
         "pseudonyms, use cases renamed, and notes, free-text answers, provenance and the change "
         "log removed. The same --salt gives the same pseudonyms in every file.",
         configure=_anonymise_args)
def cmd_anonymise(args: argparse.Namespace) -> int:
    from readiness_app.followup.anonymise import anonymise

    if args.out.suffix != ".readiness":
        raise CommandFailed("an assessment file name ends in .readiness", path=str(args.out))
    anonymise(args.file, args.out, salt=args.salt, overwrite=args.force)
    print(f"wrote {args.out} (anonymised)")
    return 0


# --------------------------------------------------------------------------- Excel (issue 6)
# (the logic lives in xlsx_scorecard.py, xlsx_template.py and xlsx_import.py)


def _xlsx_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--xlsx", metavar="OUT.xlsx", type=Path, default=None,
                   help="write the Excel scorecard (summary, priorities, data readiness, maturity, roadmap, "
                        "every response)")
    p.add_argument("--template", metavar="OUT.xlsx", type=Path, default=None,
                   help="write a fill-in template for the client (drop-downs per question; import it back "
                        "with: readiness import OUT.xlsx --into FILE)")
    p.add_argument("--questionnaire-texts", choices=("auto", "include", "omit"), default="auto",
                   help="with --xlsx: carry the questionnaires' texts in the scorecard's hidden data (auto, the "
                        "default: only when the installed questionnaires cannot supply them on import)")
    p.add_argument("--for", dest="for_name", metavar="NAME", default=None,
                   help="with --template: a personal template for this participant (named on its protected "
                        "front sheet; imported back as their own hidden votes; someone new is added)")


def _xlsx_step(args: argparse.Namespace) -> str | None:
    if args.xlsx is None:
        return None
    from readiness_app.excel.scorecard import export_scorecard

    texts = {"auto": None, "include": True, "omit": False}[getattr(args, "questionnaire_texts", "auto")]
    export_scorecard(args.file, args.xlsx, lang=args.lang, portfolio=getattr(args, "portfolio", None),
                     include_library=texts)
    return f"wrote {args.xlsx}"


def _template_step(args: argparse.Namespace) -> str | None:
    if args.template is None:
        if args.for_name is not None:
            raise CommandFailed("--for names the participant of a personal template; add --template OUT.xlsx")
        return None
    from readiness_app.excel.template import export_template
    from readiness_app.store.assessment_file import AssessmentFile

    with AssessmentFile.open_readonly(args.file) as af:
        if args.for_name is None:
            export_template(af, args.template, lang=args.lang)
            return f"wrote {args.template}"
        from readiness_app.excel.template import participant_for

        who = participant_for(af, args.for_name)
        export_template(af, args.template, lang=args.lang, participant=who)
    return f"wrote {args.template} (personal template for {who.name})"


EXPORT_OPTIONS.append(_xlsx_options)
EXPORT_STEPS.extend([_xlsx_step, _template_step])


def _benchmark_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--benchmark", metavar="DIR", type=Path, default=None,
                   help="with --pdf or --xlsx: add the anonymised benchmark against the assessments in DIR "
                        "(percentile per maturity dimension; no other client is named)")


def _benchmark_step(args: argparse.Namespace) -> str | None:
    """Runs first: builds the portfolio once for the PDF and the scorecard (``args.portfolio``)."""
    args.portfolio = None
    if args.benchmark is None or (args.pdf is None and args.xlsx is None):
        return None
    from readiness_app.followup.portfolio import build_portfolio

    args.portfolio = build_portfolio(args.benchmark, current=args.file)
    return None


EXPORT_OPTIONS.append(_benchmark_options)
EXPORT_STEPS.insert(0, _benchmark_step)


# --------------------------------------------------------------------------- readout deck and backlog (issue 20)
# (the logic lives in deck/ and backlog/)


def _deck_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--pptx", metavar="OUT.pptx", type=Path, default=None,
                   help="write the readout deck (PowerPoint, native charts the consultant can edit)")
    p.add_argument("--pptx-template", metavar="FIRM.pptx", type=Path, default=None,
                   help="with --pptx: build the deck on this presentation's slide masters and layouts "
                        "(its fonts, colours, logo and slide size; its own slides are left out)")
    p.add_argument("--jira-csv", metavar="OUT.csv", type=Path, default=None,
                   help="write the 90-day roadmap as a CSV for Jira's CSV importer (one issue per action)")
    p.add_argument("--azure-devops-csv", metavar="OUT.csv", type=Path, default=None,
                   help="write the 90-day roadmap as a CSV for Azure DevOps' work item import (one task per action)")


def _deck_step(args: argparse.Namespace) -> str | None:
    if args.pptx is None:
        if args.pptx_template is not None:
            raise CommandFailed("--pptx-template needs --pptx OUT.pptx", path=str(args.pptx_template))
        return None
    from readiness_app.deck.builder import build_deck

    build_deck(args.file, args.pptx, lang=args.lang, template=args.pptx_template)
    return f"wrote {args.pptx}"


def _backlog_step(args: argparse.Namespace) -> str | None:
    if args.jira_csv is None and args.azure_devops_csv is None:
        return None
    from readiness_app.backlog.csv_files import write_azure_devops_csv, write_jira_csv

    lines = []
    if args.jira_csv is not None:
        n = write_jira_csv(args.file, args.jira_csv, lang=args.lang)
        lines.append(f"wrote {args.jira_csv} ({n} work items)")
    if args.azure_devops_csv is not None:
        n = write_azure_devops_csv(args.file, args.azure_devops_csv, lang=args.lang)
        lines.append(f"wrote {args.azure_devops_csv} ({n} work items)")
    return "\n".join(lines)


EXPORT_OPTIONS.append(_deck_options)
EXPORT_STEPS.extend([_deck_step, _backlog_step])


def _import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("workbooks", metavar="IN.xlsx", type=Path, nargs="+",
                   help="the workbook to import (only read); with --into: several, or a folder of filled templates")
    target = p.add_mutually_exclusive_group()
    target.add_argument("-o", "--out", metavar="OUT.readiness", type=Path, default=None,
                        help="the new assessment file to write")
    target.add_argument("--into", metavar="FILE.readiness", type=Path, default=None,
                        help="add the answers to an existing assessment (e.g. a filled-in template)")
    p.add_argument("--profile", metavar="P.json", type=Path, default=None,
                   help="the mapping of a foreign workbook: sheets, header row, columns, value and question maps; "
                        "or a folder of saved profiles (the one whose sheets and headers fit is used)")
    p.add_argument("--save-profile", metavar="P.json", type=Path, default=None,
                   help="save the mapping used (detected or given) for the next file of the same layout")
    p.add_argument("--sheet", default=None, help="read only this sheet (names may be cut at 31 characters)")
    p.add_argument("--header-row", type=int, default=None, metavar="N", help="the header is row N (default: detect)")
    p.add_argument("--questionnaires", metavar="DIR", type=Path, default=None,
                   help="match foreign workbooks against these questionnaires (default: the bundled ones)")
    p.add_argument("--dry-run", action="store_true",
                   help="write nothing; print every answer that would be imported and every problem")
    p.add_argument("--skip-bad-rows", action="store_true",
                   help="import the readable rows even when some rows have problems")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument("--author", default="", help="your name, recorded in the change log")
    p.add_argument("--layout", choices=("long", "by-subject", "by-participant"), default=None,
                   help="how the sheet is laid out: one row per answer (long), one row per use case and a column "
                        "per criterion (by-subject), one column per participant (by-participant); default: detect")
    p.add_argument("--json", action="store_true", help="with --dry-run: print the plan as one JSON object")


@command("import", "import an Excel workbook (our scorecard or template, or a prior assessment)",
         "Import a workbook into a new assessment (-o) or an existing one (--into). Our own scorecards "
         "are rebuilt exactly and filled-in templates need no mapping; other workbooks are read with a "
         "detected or given mapping (--profile). Nothing is written when a row has a problem (unless "
         "--skip-bad-rows) or with --dry-run; a failed import leaves no file.", configure=_import_args)
def cmd_import(args: argparse.Namespace) -> int:
    from readiness_app.excel.importer import apply_plan, iter_problem_lines, plan_import
    from readiness_app.excel.mapping import ImportProfile

    if args.out is None and args.into is None and not args.dry_run:
        print("readiness import: error: say where to write: -o OUT.readiness, --into FILE.readiness or --dry-run",
              file=sys.stderr)
        return 2
    from readiness_app.excel.prework import workbooks_in

    workbooks = workbooks_in(args.workbooks)
    if len(workbooks) > 1 or args.workbooks[0].is_dir():
        if args.into is None:
            print("readiness import: error: several workbooks go --into one assessment", file=sys.stderr)
            return 2
        return _import_many(args, workbooks)
    args.workbook = workbooks[0]
    if args.out is not None:
        if args.out.suffix != ".readiness":
            raise CommandFailed("an assessment file name ends in .readiness", path=str(args.out))
        if args.out.exists() and not args.force and not args.dry_run:
            raise CommandFailed("exists already; use --force to replace it", path=str(args.out))
    if args.header_row is not None and args.header_row < 1:
        print("readiness import: error: --header-row counts from 1", file=sys.stderr)
        return 2
    profile = None
    if args.profile is not None and args.profile.is_dir():  # a folder of saved profiles: the one that fits
        from readiness_app.excel.importer import find_profile

        found = find_profile(args.workbook, args.profile)
        if found is None:
            raise CommandFailed("no saved profile in this folder fits the workbook's sheets and headers",
                                path=str(args.profile))
        print(f"using profile {found[0].name} (it recognises the sheets and headers)", file=sys.stderr)
        profile = found[1]
    elif args.profile is not None:
        profile = ImportProfile.load(args.profile)
    library = None
    if args.questionnaires is not None:
        from readiness_app.questionnaire.loader import load_library

        library = load_library(args.questionnaires)
    elif args.into is not None:
        from readiness_app.store.assessment_file import AssessmentFile

        with AssessmentFile.open_readonly(args.into) as existing:
            library = existing.library()
    plan = plan_import(args.workbook, library, profile, sheet=args.sheet, header_row=args.header_row,
                       layout=args.layout)
    if args.save_profile is not None and plan.profile is not None:
        plan.profile.save(args.save_profile)
    if args.dry_run and args.json:
        json.dump(plan.to_json(), sys.stdout, indent=2, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
        return 1 if plan.errors else 0
    if args.dry_run:
        print(plan.summary())
        for line in plan.preview_lines():
            print("  " + line)
        for line in iter_problem_lines(plan):
            print(line)
        if plan.errors:
            _fail(plan.first_error_line())
            return 1
        return 0
    if plan.errors and not args.skip_bad_rows:
        first = plan.errors[0]
        more = f" (and {len(plan.errors) - 1} more)" if len(plan.errors) > 1 else ""
        raise CommandFailed(f"{first.reason}{more}; nothing was written (--dry-run lists every problem, "
                            "--skip-bad-rows imports the rest)",
                            path=" / ".join(x for x in (plan.file, first.place()) if x))
    if args.into is not None:
        from readiness_app.excel.prework import import_summary, write_into
        from readiness_app.store.assessment_file import AssessmentFile

        with AssessmentFile.open(args.into, author=args.author) as af:
            done = write_into(af, plan, allow_problems=args.skip_bad_rows)
            print(f"added {done.written} answers from {args.workbook.name} to {args.into}")
            print(import_summary(af, [done]))
        return 0
    apply_plan(plan, args.out, overwrite=args.force, author=args.author, allow_problems=args.skip_bad_rows)
    print(f"wrote {args.out}: {plan.summary()}")
    return 0


def _import_many(args: argparse.Namespace, workbooks: list[Path]) -> int:
    """Several filled templates (or a folder of them) into one assessment: all read first, then written."""
    from readiness_app.excel.prework import import_many

    if args.profile is not None or args.sheet is not None or args.header_row is not None:
        print("readiness import: error: --profile, --sheet and --header-row read one workbook at a time",
              file=sys.stderr)
        return 2
    for line in import_many(args.into, workbooks, author=args.author, dry_run=args.dry_run,
                            allow_problems=args.skip_bad_rows):
        print(line)
    return 0


def _merge_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("a", metavar="A.readiness", type=Path, help="the first copy (wins conflicts); only read")
    p.add_argument("b", metavar="B.readiness", type=Path, help="the second copy; only read")
    p.add_argument("-o", "--out", metavar="OUT.readiness", type=Path, required=True, help="the merged file to write")
    p.add_argument("--json", action="store_true", help="print machine-readable JSON")
    p.add_argument("--force", action="store_true", help="replace OUT if it exists")
    p.add_argument("--author", default="", help="your name, recorded in the change log")


@command("merge", "merge two copies of one assessment (e.g. breakout rooms) into a new file",
         "Merge two files that started from the same assessment: what only one side changed is taken, "
         "what both changed differently is a conflict that keeps A's value and is listed (decide it in the "
         "app with File > Merge another file). The merged file has both change logs; A and B are only read.",
         configure=_merge_args)
def cmd_merge(args: argparse.Namespace) -> int:
    from readiness_app.merge.apply import merge_files

    if args.out.suffix != ".readiness":
        raise CommandFailed("an assessment file name ends in .readiness", path=str(args.out))
    plan = merge_files(args.a, args.b, args.out, author=args.author, overwrite=args.force)
    if args.json:
        json.dump(plan.to_json(str(args.out)), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print("\n".join(plan.report_lines(str(args.out))))
    return 0


# --------------------------------------------------------------------------- room (issue 21)


def _room_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path, help="the assessment file the votes go into")
    p.add_argument("--host", metavar="ADDR", default=None,
                   help="the address to serve on (default: this computer's address in the local network)")
    p.add_argument("--port", metavar="N", type=int, default=0, help="the port (default: 0, any free port)")


@command("room", "let participants vote from their phones over the local network",
         "Open the room on FILE: prints the join address first (join: http://...), then the join code. "
         "Participants open the address, pick their name and vote on the current question; each vote is "
         "saved at once. Commands on standard input move through the questions (type help). "
         "Serves until quit or Ctrl+C, then closes the port and the file.", configure=_room_args)
def cmd_room(args: argparse.Namespace) -> int:
    from readiness_app.room.headless import run

    if not 0 <= args.port <= 65535:
        raise CommandFailed(f"--port must be 0-65535, not {args.port}")
    return run(args.file, args.host, args.port, out=sys.stdout, commands=sys.stdin)


# --------------------------------------------------------------------------- deliverable lint (issue 15)


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", type=Path,
                   help="an assessment (.readiness: its PDF report and scorecard are rendered and checked), "
                        "or a written report (.pdf) or scorecard (.xlsx)")
    p.add_argument("--lang", choices=("en", "de"), default=None,
                   help="the deliverables' language (default: the assessment's, or the PDF's)")


@command("check-deliverables", "check the PDF report and scorecard before they leave the firm",
         "Render (or read) the deliverables and list every placeholder (XX, TODO, {, (s), (n)), number "
         "in the other language's notation, English word in a German deliverable, glossary variant, "
         "clipped text and page under a third full that does not end a chapter. Exit code 1 when "
         "anything is found.", configure=_check_args)
def cmd_check_deliverables(args: argparse.Namespace) -> int:
    from readiness_app.report.lint import check_deliverables

    if not args.file.is_file():
        raise CommandFailed("no such file", path=str(args.file))
    if args.file.suffix.lower() not in (".readiness", ".pdf", ".xlsx"):
        raise CommandFailed("not an assessment, PDF report or scorecard (.readiness, .pdf, .xlsx)",
                            path=str(args.file))
    findings = check_deliverables(args.file, args.lang)
    for line in findings:
        print(line)
    if findings:
        print(f"readiness: {len(findings)} finding(s) in the deliverables of {args.file.name}", file=sys.stderr)
        return 1
    print(f"{args.file.name}: the deliverables are clean")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
