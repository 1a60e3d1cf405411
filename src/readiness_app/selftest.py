"""The self-test: proves an installation (or a built bundle) can do a workshop's whole job.

It writes the demo workshop, opens and scores it, exports the Excel scorecard and the PDF
report, and checks each output (the workbook reloads, names the client and imports back with
every answer through the safe reader; the PDF is a PDF with pages and embedded fonts). Everything happens in one folder; nothing of the user's is
read or written. The desktop app runs it with ``readiness-studio --self-test [DIR]`` (and adds
a check that its window opens the demo); ``python -m readiness_app.selftest [DIR]`` runs the
core checks alone.

No Qt here. openpyxl, reportlab and matplotlib are imported by the checks that need them.
"""

from __future__ import annotations

import argparse
import contextlib
import re
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readiness_app import APP_NAME, __version__

DEMO_NAME = "self-test-demo.readiness"
XLSX_NAME = "self-test-scorecard.xlsx"
PDF_NAME = "self-test-report.pdf"
SUMMARY_NAME = "self-test.txt"
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")

# An extra check: gets the demo file, returns a one-line detail, raises on failure.
ExtraCheck = tuple[str, Callable[[Path], str]]


@dataclass(frozen=True, slots=True)
class Check:
    name: str
    ok: bool
    detail: str
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class SelfTestReport:
    out_dir: Path
    checks: tuple[Check, ...]
    outputs: Mapping[str, Path] = field(default_factory=dict)  # "demo", "xlsx", "pdf"

    @property
    def ok(self) -> bool:
        return bool(self.checks) and all(c.ok for c in self.checks)

    def failures(self) -> list[Check]:
        return [c for c in self.checks if not c.ok]

    def summary(self) -> str:
        lines = [f"{APP_NAME} {__version__} self-test ({'bundle' if getattr(sys, 'frozen', False) else 'source'})"]
        width = max((len(c.name) for c in self.checks), default=0)
        for c in self.checks:
            lines.append(f"  {'ok  ' if c.ok else 'FAIL'}  {c.name:<{width}}  {c.detail} ({c.seconds:.1f} s)")
        if self.ok:
            lines.append(f"passed: {len(self.checks)} checks; outputs in {self.out_dir}")
        else:
            names = ", ".join(c.name for c in self.failures())
            lines.append(f"FAILED: {names}; outputs in {self.out_dir}")
        return "\n".join(lines) + "\n"


class SelfTestError(Exception):
    """A check found something wrong (its message is the one-line detail)."""


class _Run:
    """Runs checks in order; after the first failure the rest are reported as skipped."""

    def __init__(self, progress: Callable[[str], None] | None) -> None:
        self.checks: list[Check] = []
        self.progress = progress

    @property
    def failed(self) -> bool:
        return any(not c.ok for c in self.checks)

    def check(self, name: str, fn: Callable[[], str]) -> None:
        if self.failed:
            self.checks.append(Check(name, False, "skipped (an earlier check failed)"))
            return
        if self.progress is not None:
            self.progress(name)
        start = time.perf_counter()
        try:
            detail = fn()
            ok = True
        except Exception as exc:  # every failure becomes a line of the report, never a traceback
            ok = False
            detail = f"{type(exc).__name__}: {exc}".replace("\n", " ")
        self.checks.append(Check(name, ok, detail, time.perf_counter() - start))


def pdf_page_count(data: bytes) -> int:
    """Count the page objects of a PDF written by reportlab (no object streams)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))


def check_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-"):
        raise SelfTestError(f"{path.name} does not start with %PDF-")
    if b"%%EOF" not in data[-1024:]:
        raise SelfTestError(f"{path.name} is cut short (no %%EOF at the end)")
    pages = pdf_page_count(data)
    if pages < 1:
        raise SelfTestError(f"{path.name} has no pages")
    if b"/FontFile2" not in data:
        raise SelfTestError(f"{path.name} embeds no font (the bundled DejaVu fonts were not found)")
    return f"{pages} pages, fonts embedded, {len(data) // 1024} KB"


def check_hyphenation() -> str:
    """The PDF report hyphenates with pyphen's dictionaries; without them it falls back quietly."""
    try:
        import pyphen
    except ImportError as exc:
        raise SelfTestError("pyphen is missing: the report cannot hyphenate with dictionaries") from exc
    for lang, word in (("de_DE", "Datenverfügbarkeit"), ("en_US", "availability")):
        try:
            if "-" not in pyphen.Pyphen(lang=lang).inserted(word):
                raise SelfTestError(f"the {lang} hyphenation dictionary does not split {word!r}")
        except KeyError as exc:
            raise SelfTestError(f"the {lang} hyphenation dictionary is missing") from exc
    return "hyphenation dictionaries de, en"


def check_workbook(path: Path, expect_text: str) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    try:
        if not wb.sheetnames:
            raise SelfTestError(f"{path.name} has no sheets")
        cells = 0
        found = not expect_text
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if value is None:
                        continue
                    cells += 1
                    if not found and isinstance(value, str) and expect_text in value:
                        found = True
        if not found:
            raise SelfTestError(f"{path.name} does not name the client {expect_text!r}")
        return f"{len(wb.sheetnames)} sheets, {cells} filled cells, reloads"
    finally:
        wb.close()


def run_self_test(out_dir: Path | str | None = None, *, lang: str = "en",
                  extra: Sequence[ExtraCheck] = (),
                  progress: Callable[[str], None] | None = None) -> SelfTestReport:
    """Run every check, writing into ``out_dir`` (default: a new temporary folder, left for the caller).

    ``extra`` checks run after the demo is written (the desktop app adds its window there).
    Never raises for a failed check: read :attr:`SelfTestReport.ok` and :meth:`~SelfTestReport.summary`.
    """
    out = Path(out_dir) if out_dir is not None else Path(tempfile.mkdtemp(prefix="readiness-self-test-"))
    out.mkdir(parents=True, exist_ok=True)
    run = _Run(progress)
    state: dict[str, Any] = {}
    demo, xlsx, pdf = out / DEMO_NAME, out / XLSX_NAME, out / PDF_NAME

    def questionnaires() -> str:
        from readiness_app.questionnaire.loader import load_library
        from readiness_app.resources import questionnaires_dir

        library = load_library(questionnaires_dir())
        state["library"] = library
        versions = ", ".join(f"{qn.id} {qn.version}" for qn in library.questionnaires)
        return f"{len(library.questionnaires)} questionnaires ({versions}) from {questionnaires_dir()}"

    def assets() -> str:
        from readiness_app.report.pdf import default_logo_path
        from readiness_app.resources import data_dir

        logo = default_logo_path()
        if not logo.is_file():
            raise SelfTestError(f"the default logo is missing: {logo}")
        fonts = data_dir("assets") / "fonts"
        missing = [f for f in FONT_FILES if not (fonts / f).is_file()]
        if missing:
            raise SelfTestError(f"fonts missing in {fonts}: {', '.join(missing)}")
        return f"logo and {len(FONT_FILES)} fonts in {data_dir('assets')}"

    def write() -> str:
        from readiness_app.demo import write_demo

        for stale in (demo, xlsx, pdf):
            stale.unlink(missing_ok=True)
        write_demo(demo, library=state["library"], language="de" if lang == "de" else "en")
        return f"{demo.name}, {demo.stat().st_size // 1024} KB"

    def open_file() -> str:
        from readiness_app.store.assessment_file import AssessmentFile

        af = AssessmentFile.open_readonly(demo)
        try:
            integrity = af.db.execute("PRAGMA integrity_check").fetchone()[0]
            if integrity != "ok":
                raise SelfTestError(f"integrity check: {integrity}")
            state["client"] = af.engagement().client
            counts = len(af.participants()), len(af.use_cases()), len(af.answers())
            state["answers"] = counts[2]
            af.library()
        finally:
            af.close()
        return "{} participants, {} use cases, {} answers; integrity ok".format(*counts)

    def score_it() -> str:
        from readiness_app.scoring import build_input, score
        from readiness_app.store.assessment_file import AssessmentFile

        af = AssessmentFile.open_readonly(demo)
        try:
            results = score(build_input(af))
        finally:
            af.close()
        if not results.use_cases:
            raise SelfTestError("no use case was scored")
        items = sum(len(results.roadmap.phase(p)) for p in (1, 2, 3))
        return (f"{len(results.use_cases)} use cases ranked, maturity level {results.maturity.overall_level}, "
                f"{len(results.risks)} risk flags, {items} roadmap items")

    def excel() -> str:
        from readiness_app.excel.scorecard import export_scorecard

        export_scorecard(demo, xlsx, lang=lang)
        return check_workbook(xlsx, str(state.get("client", "")))

    def reimport() -> str:
        import openpyxl

        from readiness_app.excel.importer import plan_import

        if not openpyxl.DEFUSEDXML:
            raise SelfTestError("openpyxl reads workbooks without defusedxml (it is missing)")
        plan = plan_import(xlsx)
        if plan.kind != "scorecard" or plan.errors:
            raise SelfTestError(f"the scorecard does not import back: {plan.first_error_line() or plan.kind}")
        if len(plan.answers) != state.get("answers"):
            raise SelfTestError(f"the scorecard gives back {len(plan.answers)} of {state.get('answers')} answers")
        return f"all {len(plan.answers)} answers read back (defusedxml on)"

    def report() -> str:
        from readiness_app.report.pdf import build_report

        hyphenation = check_hyphenation()
        build_report(demo, pdf, lang=lang)
        return f"{check_pdf(pdf)}; {hyphenation}"

    run.check("questionnaires", questionnaires)
    run.check("assets", assets)
    run.check("demo", write)
    run.check("open", open_file)
    run.check("score", score_it)
    for name, fn in extra:
        run.check(name, lambda fn=fn: fn(demo))  # type: ignore[misc]
    run.check("excel", excel)
    run.check("import", reimport)
    run.check("pdf", report)
    outputs = {k: p for k, p in (("demo", demo), ("xlsx", xlsx), ("pdf", pdf)) if p.exists()}
    result = SelfTestReport(out, tuple(run.checks), outputs)
    with contextlib.suppress(OSError):
        (out / SUMMARY_NAME).write_text(result.summary(), encoding="utf-8")
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m readiness_app.selftest",
                                     description="Write, score and export the demo workshop; check every output.")
    parser.add_argument("out", nargs="?", type=Path, help="folder for the outputs (default: a temporary folder)")
    parser.add_argument("--lang", choices=("en", "de"), default="en")
    args = parser.parse_args(argv)
    report = run_self_test(args.out, lang=args.lang)
    sys.stdout.write(report.summary())
    return 0 if report.ok else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
