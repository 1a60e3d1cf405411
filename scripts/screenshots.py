"""Render every step of the demo workshop to PNG (English and German) for the README.

Also a follow-up of the demo (17: movement on the dashboard, done actions, number votes,
the report language) and the portfolio benchmark against a folder of made-up clients (18).

    python scripts/screenshots.py [--out docs/screenshots] [--lang en de] [--size 1600x1000]
    python scripts/screenshots.py --check-clipping [--size 1280x720] [--lang en de] [--pseudo]

Runs offscreen; settings and the demo file live in a temporary folder, so nothing of the
user's is touched. Look at the images: no clipped text, no overlaps, readable on a projector.

``--check-clipping`` renders every step and dialog at the size and in the languages given
and exits 1, naming widget and text, when a label, button, header, cell or chart label shows
elided or cut text (``readiness_app.ui.clipping``); ``--pseudo`` first lengthens every
interface string by 40 % (as a longer translation would) to find the tight places.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent


SETTLE = 0.4  # seconds: the window's deferred work (scoring, row heights) is done by then


def _settle(app) -> None:
    """Let the window finish what it defers (background scoring, the navigator's counts): 0.4 s."""
    import time

    from PySide6.QtCore import QCoreApplication, QEvent

    end = time.monotonic() + SETTLE
    while time.monotonic() < end:
        app.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        time.sleep(0.01)
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
    from readiness_app.ui import operations

    assert window.session is not None
    operations.show_all_votes(window.session, False)  # the demo's votes count as seen: hide them for the room
    shot("maturity-workshop-votes-hidden")
    page.reveal(True)
    shot("maturity-workshop-votes-revealed")
    operations.show_all_votes(window.session, True)
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


def _followup_scenario(demo: Path, target: Path) -> None:
    """A quarter later: a follow-up of the demo where most dimensions rose, one fell, metrics moved, four actions done."""
    from readiness_app.followup.baseline import mark_done, start_followup
    from readiness_app.model import CONSENSUS, ORGANISATION, Answer
    from readiness_app.scoring import build_input, score
    from readiness_app.store.assessment_file import AssessmentFile

    start_followup(demo, target, prefill=True, author="Facilitator")
    with AssessmentFile.open(target) as af:
        library = af.library()
        results = score(build_input(af))
        use_cases = [u.id for u in af.use_cases()]
        dimensions = sorted({q.dimension for q in library.iter_questions() if q.dimension})
        kinds = {q.id: qn.kind for qn in library.questionnaires for q in qn.questions}
        answers = []
        for q in library.iter_questions():
            if q.type not in ("scale", "number") or kinds[q.id] == "prioritization":  # impact stays as it was
                continue
            for scope in [ORGANISATION] if q.scope == "organisation" else use_cases:
                c = results.consensus_for(q.id, scope)
                if c is None or c.numeric is None:
                    continue
                if q.type == "number":
                    value: float = round(c.numeric * (0.8 if q.polarity == "negative" else 1.25), 1)
                elif q.dimension and dimensions.index(q.dimension) % 4 == 3:
                    value = max(0, int(c.numeric + 0.5) - 1)  # one in four dimensions slipped
                else:
                    value = min(4, int(c.numeric + 0.5) + 1)
                answers.append(Answer(q.id, scope, CONSENSUS, value))
        af.set_answers(answers, action="screenshots")
        for item in results.roadmap.items[:4]:
            mark_done(af, item.key)


def _peers(demo: Path, folder: Path, industry: str, count: int = 14) -> None:
    """A folder of made-up clients for the benchmark (half of them in the demo's industry)."""
    import random
    import shutil
    import uuid

    from readiness_app.model import CONSENSUS, ORGANISATION, Answer
    from readiness_app.store.assessment_file import AssessmentFile

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(17)
    for i in range(count):
        path = folder / f"client-{i + 1:02d}.readiness"
        shutil.copyfile(demo, path)
        with AssessmentFile.open(path) as af:
            af.set_meta("assessment_id", uuid.uuid4().hex)
            af.update_engagement(client=f"Client {i + 1:02d}", industry=industry if i % 2 == 0 else "Banking")
            shift = rng.uniform(-1.5, 1.2)
            af.set_answers([Answer(q.id, ORGANISATION, CONSENSUS, max(0, min(4, round(2 + shift + rng.gauss(0, 0.8)))))
                            for qn in af.library().by_kind("maturity") for q in qn.questions if q.type == "scale"],
                           action="screenshots")
    (folder / "workshop-notes.readiness").write_text("minutes of the kick-off, not an assessment", encoding="utf-8")


def render_followup(lang: str, out: Path, width: int, height: int, work: Path) -> list[Path]:
    """17: a follow-up (start page, dashboard movement, roadmap, number votes, export); 18: the benchmark."""
    import time

    from readiness_app.demo import write_demo
    from readiness_app.store.assessment_file import AssessmentFile
    from readiness_app.ui import i18n
    from readiness_app.ui.app import make_application
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.pages.questions import QuestionPage
    from readiness_app.ui.pages.results import ResultsPage
    from readiness_app.ui.pages.roadmap import RoadmapPage
    from readiness_app.ui.settings import AppSettings

    app = make_application()
    i18n.set_language(lang)
    demo = work / f"followup-{lang}" / "baseline-q1.readiness"
    demo.parent.mkdir(parents=True, exist_ok=True)
    write_demo(demo, size="standard", language=lang)  # type: ignore[arg-type]
    review = demo.with_name("review-q2.readiness")
    _followup_scenario(demo, review)
    with AssessmentFile.open_readonly(demo) as af:
        industry = af.engagement().industry
    peers = work / f"portfolio-{lang}"
    _peers(demo, peers, industry)
    settings = AppSettings(work / f"settings-followup-{lang}")
    settings.add_recent(review)
    settings.add_recent(demo)
    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    written: list[Path] = []

    def save(widget, name: str) -> None:
        _settle(app)
        path = out / f"{lang}-{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    save(window, "17-followup-start")
    window.documents.open_path(review)
    window.show_step("results")
    results = window.pages["results"]
    assert isinstance(results, ResultsPage)
    save(window, "17-followup-results")
    results.scroll_area.ensureWidgetVisible(results.movement_box, 0, 0)
    bar = results.scroll_area.verticalScrollBar()
    bar.setValue(results.movement_box.y())
    save(window, "17-followup-movement")
    bar.setValue(0)
    window.show_step("roadmap")
    roadmap = window.pages["roadmap"]
    assert isinstance(roadmap, RoadmapPage)
    first = roadmap.models[1].record(0)
    if first is not None:
        roadmap.select_item(first.key)
    save(window, "17-followup-roadmap")
    window.show_step("baseline")
    page = window.pages["baseline"]
    assert isinstance(page, QuestionPage)
    number = next((i for i, q in enumerate(page.questions) if q.type == "number" and q.scope == "use_case"), 0)
    page.set_workshop_mode(True)
    page.go_to(number)
    page.reveal(True)
    save(window, "17-followup-number-votes")
    page.set_workshop_mode(False)

    task = window.followup.benchmark(peers)
    while task is not None and task.running:
        app.processEvents()
        time.sleep(0.01)
    dialog = window.followup.benchmark_dialog
    if dialog is not None:
        dialog.resize(1200, 700)
        save(dialog, "18-benchmark")
        dialog.skipped_button.setChecked(True)
        save(dialog, "18-benchmark-skipped")
        dialog.close()
    window.show_step("results")
    save(window, "18-benchmark-results")
    window.show_step("export")
    save(window, "17-followup-export")
    window.documents.close()
    window.close()
    return written


def stretch_strings(factor: float = 0.4) -> None:
    """Pseudo-translation: every interface string about 40 % longer ("Export~~~~"), placeholders kept."""
    import math

    from readiness_app.ui import i18n

    def longer(text: str) -> str:
        if "<" in text:  # rich text (the help card): leave its markup alone
            return text
        return text + "~" * math.ceil(len(text) * factor) if text.strip() else text

    for key, (en, de) in list(i18n.STRINGS.items()):
        i18n.STRINGS[key] = (longer(en), longer(de))


def check_clipping(lang: str, width: int, height: int, work: Path) -> list[str]:
    """Every step and dialog at ``width`` x ``height`` in ``lang``: the texts shown elided or cut."""
    from readiness_app.demo import write_demo
    from readiness_app.ui import clipping, i18n, presentation
    from readiness_app.ui.app import make_application
    from readiness_app.ui.main_window import MainWindow
    from readiness_app.ui.progress import QUESTION_STEPS, STEPS
    from readiness_app.ui.settings import AppSettings

    app = make_application()
    i18n.set_language(lang)
    demo = work / f"clip-{lang}.readiness"
    write_demo(demo, size="standard", language=lang)  # type: ignore[arg-type]
    settings = AppSettings(work / f"settings-clip-{lang}")
    settings.add_recent(demo)
    window = MainWindow(settings)
    window.resize(width, height)
    window.show()
    found: list[str] = []

    def check(widget, where: str) -> None:
        _settle(app)
        clipping.reset(widget)
        widget.grab()  # paint, so the painted widgets report what they shortened
        found.extend(f"{lang} {width}x{height} {where}: {c}" for c in clipping.find_clipped(widget))
        if widget is window and (window.width() > width or window.height() > height):
            need = window.minimumSizeHint()
            found.append(f"{lang} {width}x{height} {where}: the window needs {need.width()}x{need.height()} px: "
                         f"wider or taller than the screen, its right or lower part is cut")

    check(window, "start")
    window.documents.open_path(demo)
    for step in STEPS:
        window.show_step(step)
        check(window, step)
        page = window.pages[step]
        if step in QUESTION_STEPS:
            page.set_workshop_mode(True)  # type: ignore[attr-defined]
            check(window, f"{step} (workshop mode)")
            page.reveal(True)  # type: ignore[attr-defined]
            check(window, f"{step} (workshop mode, votes revealed)")
            page.set_workshop_mode(False)  # type: ignore[attr-defined]
        scroll = getattr(page, "scroll_area", None)
        if scroll is not None:  # a long page: every part of it
            bar = scroll.verticalScrollBar()
            while bar.value() < bar.maximum():
                bar.setValue(bar.value() + bar.pageStep())
                check(window, f"{step} (scrolled to {bar.value()})")
            bar.setValue(0)
    results = window.pages["results"]
    results._heat_clicked(results.heat_model.index(0, 2))  # type: ignore[attr-defined]
    why = getattr(results, "why_dialog", None)
    if why is not None:
        why.resize(min(1000, width), min(560, height))
        check(why, "why-dialog")
        why.close()
    card = presentation.show_help_card(window)
    card.resize(min(760, width), min(640, height))
    check(card, "help card")
    card.close()
    window.documents.close()
    window.close()
    return found


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    p.add_argument("--lang", nargs="+", default=["en", "de"], choices=["en", "de"])
    p.add_argument("--size", default="1600x1000")
    p.add_argument("--dark", action="store_true", help="render with a dark palette (to check dark mode)")
    p.add_argument("--only-followup", action="store_true", help="only the follow-up and benchmark screens (17, 18)")
    p.add_argument("--check-clipping", action="store_true",
                   help="render every step and dialog and fail (exit 1) naming any elided or cut text")
    p.add_argument("--pseudo", action="store_true", help="with --check-clipping: every string 40 %% longer first")
    args = p.parse_args(argv)
    width, height = (int(x) for x in args.size.lower().split("x"))
    if args.check_clipping:
        return _run_check(args.lang, width, height, args.pseudo)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="readiness-shots-") as tmp:
        root = Path(tmp)
        os.environ["READINESS_SETTINGS_DIR"] = str(root / "settings")
        os.environ.setdefault("MPLCONFIGDIR", str(root / "mpl"))
        os.environ["XDG_DATA_HOME"] = str(root / "data")
        # a home folder of its own: the start page lists "~/Workshops", the same on every run
        os.environ["HOME"] = os.environ["USERPROFILE"] = str(root / "home")
        work = root / "home" / "Workshops"
        work.mkdir(parents=True)
        all_written: list[Path] = []
        for lang in args.lang:
            if not args.only_followup:
                all_written += render(lang, args.out, width, height, work, dark=args.dark)
            if not args.dark:
                all_written += render_followup(lang, args.out, width, height, work)
    for path in all_written:
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


def _run_check(langs: list[str], width: int, height: int, pseudo: bool) -> int:
    with tempfile.TemporaryDirectory(prefix="readiness-clip-") as tmp:
        root = Path(tmp)
        os.environ["READINESS_SETTINGS_DIR"] = str(root / "settings")
        os.environ.setdefault("MPLCONFIGDIR", str(root / "mpl"))
        os.environ["XDG_DATA_HOME"] = str(root / "data")
        os.environ["HOME"] = os.environ["USERPROFILE"] = str(root / "home")
        work = root / "home" / "Workshops"
        work.mkdir(parents=True)
        if pseudo:
            stretch_strings()
        found: list[str] = []
        for lang in langs:
            found += check_clipping(lang, width, height, work)
    for line in found:
        print(line, file=sys.stderr)
    print(f"clipping check at {width}x{height} ({', '.join(langs)}{', pseudo' if pseudo else ''}): "
          f"{len(found)} clipped text(s)")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
