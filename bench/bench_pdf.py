"""PDF report benchmark (issue 7: the large assessment in under 3 s and under 400 MB).

Writes the large demo (30 use cases, 15 participants, every participant answering every
question) once, then measures in fresh processes, so that every run pays what a user's
first export pays (the lazy reportlab and matplotlib imports, the fonts, the scoring):

* ``report``: ``build_report`` of the large demo (English), wall time of the call and the
  process's peak resident memory (``resource.getrusage(RUSAGE_SELF).ru_maxrss``);
* ``floor``: reportlab building a document of the same number of pages from plain
  paragraphs in the same embedded font (calibrated first, outside the timing).

Each figure is the median of ``--runs`` runs; the report is printed with its ratio to the floor.

``--before REV`` also measures the report as the commit ``REV`` wrote it (its ``src``, ``assets``
and ``questionnaires`` taken with ``git archive``, its own large demo), in the same run, and
prints the change. Issue 20 (vector charts drawn with reportlab graphics instead of 200 dpi
matplotlib images) measured on 2 CPUs, median of 3:

    before (f546e2e, raster charts):  1.63 s CPU, 141 MB peak
    after  (vector charts):           1.03 s CPU,  88 MB peak (the report has grown to 40 pages meanwhile)

(``--runs 3 --before f546e2e``; wall time on a loaded machine follows CPU time.)

    .venv/bin/python bench/bench_pdf.py [--runs 3] [--lang en|de] [--before REV]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

LIMIT_SECONDS = 3.0
LIMIT_MB = 400.0

REPORT_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
source, out, lang = sys.argv[1], sys.argv[2], sys.argv[3]
from readiness_app.report.pdf import build_report
started, cpu = time.perf_counter(), time.process_time()
build_report(Path(source), Path(out), lang=lang)
took, cpu = time.perf_counter() - started, time.process_time() - cpu
from pypdf import PdfReader
pages = len(PdfReader(out).pages)
print(json.dumps({"seconds": took, "cpu": cpu, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pages": pages}))
"""

FLOOR_CHILD = r"""
import json, resource, sys, time
out, paragraphs = sys.argv[1], int(sys.argv[2])
started, cpu = time.perf_counter(), time.process_time()
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate
from readiness_app.resources import asset_path
pdfmetrics.registerFont(TTFont("DejaVuSans", str(asset_path("fonts") / "DejaVuSans.ttf")))
style = ParagraphStyle("p", fontName="DejaVuSans", fontSize=9, leading=13)
text = ("Die Datenqualität wird organisationsweit gemessen, and every use case has a named owner "
        "for data, model, control and operations; overrides are reviewed weekly. ") * 3
doc = SimpleDocTemplate(out, pagesize=A4)
pages = []
doc.build([Paragraph(f"{i}. {text}", style) for i in range(paragraphs)],
          onLaterPages=lambda c, d: pages.append(d.page))
took, cpu = time.perf_counter() - started, time.process_time() - cpu
print(json.dumps({"seconds": took, "cpu": cpu, "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pages": len(pages) + 1}))
"""


DEMO_CHILD = r"""
import sys
from pathlib import Path
from readiness_app.demo import write_demo
write_demo(Path(sys.argv[1]), size="large")
"""


def child(code: str, *args: str, source_root: Path | None = None) -> dict[str, float]:
    """Run ``code`` in a fresh interpreter (on the package in ``source_root``/src when given)."""
    env = dict(os.environ)
    env.setdefault("MPLCONFIGDIR", str(Path(tempfile.gettempdir()) / "readiness-bench-mpl"))
    if source_root is not None:
        env["PYTHONPATH"] = str(source_root / "src")
        env["READINESS_DATA_DIR"] = str(source_root)
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise SystemExit(f"bench_pdf: a measured run failed:\n{result.stderr.strip()[-2000:]}")
    lines = result.stdout.strip().splitlines()
    data: dict[str, float] = json.loads(lines[-1]) if lines else {}
    return data


def checkout(rev: str, folder: Path) -> Path:
    """The package, assets and questionnaires of commit ``rev``, unpacked into ``folder``."""
    archive = b""
    for repo in (Path(__file__).resolve().parent.parent, Path.cwd()):  # the checkout, or where it was started
        result = subprocess.run(["git", "-C", str(repo), "archive", rev, "src", "assets", "questionnaires"],
                                capture_output=True)
        if result.returncode == 0:
            archive = result.stdout
            break
    if not archive:
        raise SystemExit(f"bench_pdf: git cannot find commit {rev} here")
    folder.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", choices=("en", "de"), default="en")
    parser.add_argument("--before", metavar="REV", default=None,
                        help="also measure the report of git commit REV (e.g. the commit before a change)")
    args = parser.parse_args()

    from readiness_app.demo import write_demo

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "large.readiness"
        write_demo(source, size="large")
        out = folder / "report.pdf"
        child(REPORT_CHILD, str(source), str(out), args.lang)  # warm the font cache and the disk
        reports = [child(REPORT_CHILD, str(source), str(out), args.lang) for _ in range(args.runs)]
        pages = int(reports[0]["pages"])

        # calibrate the floor to the same number of pages (not timed)
        probe = child(FLOOR_CHILD, str(folder / "floor.pdf"), "200")
        per_page = 200 / probe["pages"]
        count = max(1, round(per_page * pages))
        floors = [child(FLOOR_CHILD, str(folder / "floor.pdf"), str(count)) for _ in range(args.runs)]
        befores: list[dict[str, float]] = []
        if args.before:
            root = checkout(args.before, folder / "before")
            old_source = folder / "large-before.readiness"
            child(DEMO_CHILD, str(old_source), source_root=root)
            child(REPORT_CHILD, str(old_source), str(out), args.lang, source_root=root)  # warm up
            befores = [child(REPORT_CHILD, str(old_source), str(out), args.lang, source_root=root)
                       for _ in range(args.runs)]

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    report_s, report_cpu, report_mb = med(reports, "seconds"), med(reports, "cpu"), med(reports, "max_rss_mb")
    floor_s, floor_cpu, floor_mb = med(floors, "seconds"), med(floors, "cpu"), med(floors, "max_rss_mb")
    load = os.getloadavg()[0]
    print(f"PDF report, large demo (30 use cases, 15 participants), {args.lang}, median of {args.runs} fresh processes"
          f" ({os.cpu_count()} CPUs, load average {load:.1f} at the end)")
    print(f"  report: {report_s:6.2f} s wall  {report_cpu:5.2f} s CPU  {report_mb:5.0f} MB peak  {pages} pages")
    print(f"  floor:  {floor_s:6.2f} s wall  {floor_cpu:5.2f} s CPU  {floor_mb:5.0f} MB peak  "
          f"{int(floors[0]['pages'])} pages of plain paragraphs")
    print(f"  ratio:  {report_s / floor_s:6.2f} x wall, {report_cpu / floor_cpu:.2f} x CPU of reportlab building "
          f"plain paragraphs")
    if befores:
        b_s, b_cpu, b_mb = med(befores, "seconds"), med(befores, "cpu"), med(befores, "max_rss_mb")
        print(f"  before: {b_s:6.2f} s wall  {b_cpu:5.2f} s CPU  {b_mb:5.0f} MB peak  {int(befores[0]['pages'])} pages"
              f"  (commit {args.before})")
        print(f"  change: {report_s - b_s:+6.2f} s wall ({report_s / b_s:.2f} x), {report_mb - b_mb:+.0f} MB peak "
              f"({report_mb / b_mb:.2f} x) against commit {args.before}")
    if load > (os.cpu_count() or 1):
        print("  note:   the machine was busy (load above the CPU count): wall times are inflated; CPU time is not")
    ok = report_s < LIMIT_SECONDS and report_mb < LIMIT_MB
    print(f"  limits: < {LIMIT_SECONDS:.0f} s and < {LIMIT_MB:.0f} MB: {'met' if ok else 'NOT MET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
