"""Render every page of the demo report to PNG, in English and German, for looking at.

    .venv/bin/python scripts/render_report.py            # out/report-pages/{en,de}/page-NN.png
    .venv/bin/python scripts/render_report.py --docs     # also refresh docs/report/*.png
    .venv/bin/python scripts/render_report.py --size large --dpi 50

Needs poppler-utils (pdftoppm). The PDFs are kept beside the pages (report.pdf).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from readiness_app.demo import write_demo  # noqa: E402
from readiness_app.report.pdf import build_report  # noqa: E402

# Pages kept for the README: (language, a heading on the page, file name in docs/report/)
DOC_PAGES = (
    ("en", "Executive summary", "executive-summary.png"),
    ("en", "Maturity profile", "maturity-profile.png"),
    ("en", "Priority matrix", "portfolio.png"),
    ("de", "Management-Zusammenfassung", "management-zusammenfassung.png"),
)


def page_with(pdf: Path, heading: str) -> int:
    """The first page (1-based) after the contents that shows ``heading``."""
    from pypdf import PdfReader

    pages = PdfReader(pdf).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text() or ""
        if heading in text and ("Contents" not in text and "Inhalt" not in text):
            return number
    raise SystemExit(f"render_report: no page shows {heading!r} in {pdf}")


def render(lang: str, size: str, out_root: Path, dpi: int) -> list[Path]:
    target = out_root / lang
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    with tempfile.TemporaryDirectory() as tmp:
        demo = Path(tmp) / "demo.readiness"
        write_demo(demo, size=size, language=lang)  # type: ignore[arg-type]
        pdf = target / "report.pdf"
        started = time.perf_counter()
        build_report(demo, pdf, lang=lang)
        took = time.perf_counter() - started
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", str(pdf), str(target / "page")], check=True)
    pages = sorted(target.glob("page-*.png"))
    print(f"{lang}: {len(pages)} pages in {target} (report built in {took:.2f} s)")
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "report-pages")
    parser.add_argument("--size", choices=("standard", "large"), default="standard")
    parser.add_argument("--dpi", type=int, default=60)
    parser.add_argument("--lang", choices=("en", "de"), action="append",
                        help="only this language (repeatable; default: both)")
    parser.add_argument("--docs", action="store_true", help="copy the README pages into docs/report/ (at 80 dpi)")
    args = parser.parse_args()
    if shutil.which("pdftoppm") is None:
        print("render_report: pdftoppm not found; install poppler-utils", file=sys.stderr)
        return 1
    for lang in args.lang or ["en", "de"]:
        render(lang, args.size, args.out, args.dpi)
    if args.docs:
        docs = ROOT / "docs" / "report"
        docs.mkdir(parents=True, exist_ok=True)
        for lang, heading, name in DOC_PAGES:
            pdf = args.out / lang / "report.pdf"
            page = page_with(pdf, heading)
            stem = docs / name.removesuffix(".png")
            subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", "-f", str(page), "-l", str(page),
                            str(pdf), str(stem)], check=True)
            print(f"docs: {stem}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
