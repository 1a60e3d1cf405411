"""Render every step of the demo workshop to PNG (English and German) for the README.

    python scripts/screenshots.py [--out docs/screenshots] [--lang en de] [--size 1600x1000]

Runs offscreen; settings and the demo file live in a temporary folder, so nothing of the
user's is touched. Look at the images: no clipped text, no overlaps, readable on a projector.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


def _settle(app) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def _dark_palette(app) -> None:
    """A dark system palette (Fusion), to check the windows follow the palette."""
    from PySide6.QtGui import QColor, QPalette

    app.setStyle("Fusion")
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.Mid: "#5a5a5a",
        QPalette.ColorRole.ToolTipBase: "#353535", QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    app.setPalette(p)


def render(lang: str, out: Path, width: int, height: int, work: Path, dark: bool = False) -> list[Path]:
    from readiness_app.demo import write_demo
    from readiness_app.ui import i18n
    from readiness_app.ui.app import make_application
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.pages.questions import QuestionPage
    from readiness_app.ui.pages.results import ResultsPage
    from readiness_app.ui.pages.roadmap import RoadmapPage
    from readiness_app.ui.settings import AppSettings

    app = make_application()
    if dark:
        _dark_palette(app)
    i18n.set_language(lang)
    demo = work / f"demo-{lang}.readiness"
    write_demo(demo, size="standard", language=lang)  # type: ignore[arg-type]
    settings = AppSettings(work / f"settings-{lang}")
    settings.add_recent(demo)
    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    written: list[Path] = []

    def shot(name: str) -> None:
        _settle(app)
        path = out / f"{lang}{'-dark' if dark else ''}-{len(written) + 1:02d}-{name}.png"
        window.grab().save(str(path))
        written.append(path)

    shot("start")
    window.documents.open_path(demo)
    for step in ("engagement", "participants", "use_cases", "prioritization", "readiness"):
        window.show_step(step)
        shot(step)
    window.show_step("maturity")
    shot("maturity-list")
    page = window.pages["maturity"]
    assert isinstance(page, QuestionPage)
    page.set_workshop_mode(True)
    page.go_to(2)
    shot("maturity-workshop-votes-hidden")
    page.reveal(True)
    shot("maturity-workshop-votes-revealed")
    page.set_workshop_mode(False)
    window.show_step("baseline")
    shot("baseline-risk")
    window.show_step("results")
    results = window.pages["results"]
    assert isinstance(results, ResultsPage)
    shot("results")
    bar = results.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())
    shot("results-heatmap-disagreements")
    bar.setValue(0)
    results._heat_clicked(results.heat_model.index(0, 2))
    if results.why_dialog is not None:
        _settle(app)
        results.why_dialog.resize(1000, 560)
        _settle(app)
        path = out / f"{lang}{'-dark' if dark else ''}-{len(written) + 1:02d}-why-dialog.png"
        results.why_dialog.grab().save(str(path))
        written.append(path)
        results.why_dialog.close()
    window.show_step("roadmap")
    roadmap = window.pages["roadmap"]
    assert isinstance(roadmap, RoadmapPage)
    first = roadmap.models[1].record(0)
    if first is not None:
        roadmap.select_item(first.key)
    shot("roadmap")
    window.show_step("export")
    shot("export")
    window.documents.close()
    window.close()
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--lang", nargs="+", default=["en", "de"], choices=["en", "de"])
    p.add_argument("--size", default="1600x1000")
    p.add_argument("--dark", action="store_true", help="render with a dark palette (to check dark mode)")
    args = p.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="readiness-shots-") as tmp:
        work = Path(tmp)
        os.environ["READINESS_SETTINGS_DIR"] = str(work / "settings")
        os.environ.setdefault("MPLCONFIGDIR", str(work / "mpl"))
        os.environ["XDG_DATA_HOME"] = str(work / "data")
        all_written: list[Path] = []
        for lang in args.lang:
            all_written += render(lang, args.out, width, height, work, dark=args.dark)
    for path in all_written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
