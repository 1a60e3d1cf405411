"""The readout deck, opened with python-pptx: slides, native charts and their data against
``readiness score --json``, the firm's template (4:3, its own master, also as saved by
LibreOffice), text that stays in its box, LibreOffice opening it, and the command line."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Emu

from readiness_app.cli import main
from readiness_app.deck import fit
from readiness_app.deck.builder import DeckCancelled, build_deck
from readiness_app.deck.texts import t
from readiness_app.deck.writer import INSET_X, INSET_Y
from readiness_app.model import ROLE_LABELS
from readiness_app.store.assessment_file import AssessmentFile

C_NS = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
SOFFICE = shutil.which("soffice")


# --------------------------------------------------------------------------- helpers


def score_json(path: Path) -> dict[str, Any]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["score", str(path), "--json"]) == 0
    results: dict[str, Any] = json.loads(out.getvalue())["results"]
    return results


def titles(prs: Any) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in prs.slides]


def charts_of(prs: Any) -> list[Any]:
    return [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]


def slide_text(slide: Any) -> str:
    parts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            parts.append(shape.text_frame.text)
        if shape.has_table:
            parts.extend(cell.text for row in shape.table.rows for cell in row.cells)
    return "\n".join(parts)


def x_values(series: Any) -> list[float]:
    cache = series._element.find(f"{C_NS}xVal/{C_NS}numRef/{C_NS}numCache")
    return [float(pt.find(f"{C_NS}v").text) for pt in cache.findall(f"{C_NS}pt")]


def bubble_sizes(series: Any) -> list[float]:
    cache = series._element.find(f"{C_NS}bubbleSize/{C_NS}numRef/{C_NS}numCache")
    return [float(pt.find(f"{C_NS}v").text) for pt in cache.findall(f"{C_NS}pt")]


def make_template(path: Path, *, examples: int = 2) -> Path:
    """A 4:3 firm template with its own master furniture (a named logo shape) and example slides."""
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.shapes.shapetree import SlideShapes
    from pptx.util import Inches

    prs = Presentation()  # python-pptx's default: 4:3, 10 x 7.5 in
    master = prs.slide_masters[0]
    logo = SlideShapes(master.shapes._spTree, master).add_shape(MSO_SHAPE.OVAL, Inches(9.0), Inches(0.2),
                                                                 Inches(0.6), Inches(0.6))
    logo.name = "Firm logo"
    logo.fill.solid()
    logo.fill.fore_color.rgb = RGBColor(0xB0, 0x12, 0x3A)
    for i in range(examples):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Example slide {i + 1} of the firm"
    prs.save(str(path))
    return path


def overflowing_text(prs: Any) -> list[str]:
    """Every text frame whose paragraphs (at their own sizes) need more height than the box has."""
    problems = []
    for n, slide in enumerate(prs.slides, start=1):
        for shape in slide.shapes:
            if not shape.has_text_frame or shape.width is None or not shape.text_frame.text.strip():
                continue
            width = Emu(shape.width).pt - 2 * INSET_X
            height = Emu(shape.height).pt - 2 * INSET_Y
            needed = 0.0
            for p in shape.text_frame.paragraphs:
                sizes = [r.font.size.pt for r in p.runs if r.font.size is not None]
                if not sizes:
                    continue
                ppr = p._p.pPr
                indent = int(ppr.get("marL", "0")) / fit.EMU_PER_PT if ppr is not None else 0.0
                lines = fit.wrap("".join(r.text for r in p.runs), width - indent, max(sizes),
                                 bool(p.runs[0].font.bold))
                needed += len(lines) * max(sizes) * fit.LINE + (p.space_before.pt if p.space_before else 0.0)
            if needed > height + 0.5:
                problems.append(f"slide {n}, {shape.name}: {needed:.0f} pt of text in {height:.0f} pt")
    return problems


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def demo(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("deck-demo") / "demo.readiness"
    shutil.copyfile(_demo_master, target)
    return target


@pytest.fixture(scope="module")
def deck_en(demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("deck-en") / "readout.pptx"
    build_deck(demo, out, lang="en")
    return out


@pytest.fixture(scope="module")
def results(demo: Path) -> dict[str, Any]:
    return score_json(demo)


# --------------------------------------------------------------------------- contents


def test_the_slides_come_in_the_order_of_the_readout(deck_en: Path, results: dict[str, Any]) -> None:
    prs = Presentation(str(deck_en))
    got = titles(prs)
    expected = [t(k, "en") for k in ("deck.title", "scope.title", "sum.title", "matrix.title", "ready.title",
                                     "mat.title", "risks.title", "rm.title", "next.title")]
    positions = [next(i for i, title in enumerate(got) if title == e or title.startswith(e)) for e in expected]
    assert positions == sorted(positions), got
    questionnaires = [c["questionnaire_id"] for c in results["completeness"]]
    appendix = [x for x in got if x.startswith("Appendix: ")]
    assert len(appendix) == len(questionnaires), got
    assert got[-len(appendix):] == appendix, "the appendix closes the deck"


def test_each_appendix_slide_tells_what_its_questionnaire_found(deck_en: Path, results: dict[str, Any]) -> None:
    prs = Presentation(str(deck_en))
    appendix = {s.shapes.title.text_frame.text: slide_text(s) for s in prs.slides
                if s.shapes.title.text_frame.text.startswith("Appendix: ")}
    assert all("of the applicable questions answered" in text for text in appendix.values())
    assert all(("Lowest-rated answers of the room" in text) != ("What the room recorded" in text)
               for text in appendix.values())
    baseline = appendix["Appendix: Operating baseline"]
    assert "Average claims cycle time" in baseline, "a questionnaire of figures shows what was recorded"


def test_the_summary_names_the_first_lane_why_top_risks_and_the_metric(deck_en: Path,
                                                                        results: dict[str, Any]) -> None:
    prs = Presentation(str(deck_en))
    summary = next(s for s in prs.slides if s.shapes.title.text_frame.text == "Executive summary")
    text = slide_text(summary)
    lane = next(u for u in results["use_cases"] if u["use_case_id"] == results["first_lane"]["use_case_id"])
    assert f"First production lane: {lane['name']}" in text
    assert results["first_lane"]["rationale"]["en"] in text
    for risk in results["risks"][:3]:
        assert risk["name"]["en"] in text
    assert "The metric to move: " in text


def test_the_priority_matrix_is_a_native_bubble_chart_of_the_scores(deck_en: Path, results: dict[str, Any]) -> None:
    bubble = [c for c in charts_of(Presentation(str(deck_en))) if c.chart_type == XL_CHART_TYPE.BUBBLE]
    assert len(bubble) == 1, "the matrix is one editable bubble chart, not a picture"
    series = bubble[0].plots[0].series[0]
    ucs = [u for u in results["use_cases"] if u["readiness"] is not None and u["impact"]["value"] is not None]
    assert x_values(series) == pytest.approx([round(u["readiness"], 1) for u in ucs])
    assert list(series.values) == pytest.approx([round(u["impact"]["value"], 1) for u in ucs])
    assert bubble_sizes(series) == pytest.approx([round(max(u["control_complexity"]["value"], 1.0), 1)
                                                  for u in ucs])
    labels = [series.points[i].data_label.text_frame.text for i in range(len(ucs))]
    assert labels == [str(u["rank"]) for u in ucs]


def test_maturity_is_a_native_bar_chart_current_against_target(deck_en: Path, results: dict[str, Any]) -> None:
    bars = [c for c in charts_of(Presentation(str(deck_en))) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED]
    assert len(bars) == 1
    chart = bars[0]
    dims = results["maturity"]["dimensions"]
    assert list(chart.plots[0].categories) == [d["name"]["en"] for d in dims]
    current, target = chart.plots[0].series
    assert (current.name, target.name) == ("Current score", "Target level")
    assert list(current.values) == pytest.approx([round(d["score"]["value"], 2) for d in dims])
    assert list(target.values) == [float(d["target"]) for d in dims]


def test_readiness_table_and_roadmap_show_every_use_case_action_and_owner(deck_en: Path, demo: Path,
                                                                          results: dict[str, Any]) -> None:
    prs = Presentation(str(deck_en))
    ready = "\n".join(slide_text(s) for s in prs.slides
                      if s.shapes.title.text_frame.text.startswith("Readiness and blockers"))
    for u in results["use_cases"]:
        assert u["name"] in ready
    with AssessmentFile.open_readonly(demo) as af:
        holders = {p.role: p.name for p in sorted(af.participants(), key=lambda p: -p.position)}
    roadmap = "\n".join(slide_text(s) for s in prs.slides if s.shapes.title.text_frame.text.startswith("The 90-day"))
    for phase in ("Days 1-30", "Days 31-60", "Days 61-90"):
        assert phase in roadmap
    for item in results["roadmap"]["items"]:
        assert item["title"]["en"] in roadmap
        owner = item["owner"] or holders.get(item["owner_role"], "")
        assert f"{owner} ({ROLE_LABELS[item['owner_role']][0]}) · week {item['due_week']}" in roadmap


def test_no_text_runs_out_of_its_box(deck_en: Path) -> None:
    assert overflowing_text(Presentation(str(deck_en))) == []


def test_the_german_deck(demo: Path, tmp_path: Path, results: dict[str, Any]) -> None:
    out = tmp_path / "auslese.pptx"
    build_deck(demo, out, lang="de")
    prs = Presentation(str(out))
    got = titles(prs)
    assert got[0] == "KI-Readiness: Ergebnisse und nächste Schritte"
    assert "Management Summary" in got and "Die 90-Tage-Roadmap" in got
    assert any(x.startswith("Anhang: ") for x in got)
    bars = next(c for c in charts_of(prs) if c.chart_type == XL_CHART_TYPE.BAR_CLUSTERED)
    assert [s.name for s in bars.plots[0].series] == ["Heutiger Wert", "Zielstufe"]
    assert list(bars.plots[0].categories) == [d["name"]["de"] for d in results["maturity"]["dimensions"]]
    assert overflowing_text(prs) == []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_the_deck_speaks_the_reports_glossary(demo: Path, tmp_path: Path, lang: str) -> None:
    from readiness_app.report.glossary import violations

    out = tmp_path / f"deck-{lang}.pptx"
    build_deck(demo, out, lang=lang)
    parts = []
    for slide in Presentation(str(out)).slides:
        parts.append(slide_text(slide))
        for chart in (shape.chart for shape in slide.shapes if shape.has_chart):
            parts += [str(c) for c in chart.plots[0].categories] + [s.name for s in chart.plots[0].series]
    assert violations("\n".join(parts), lang) == []


def test_an_empty_assessment_still_gives_a_whole_deck(tmp_path: Path) -> None:
    from readiness_app.questionnaire.loader import load_library

    path = tmp_path / "empty.readiness"
    AssessmentFile.create(path, load_library()).close()
    out = tmp_path / "empty.pptx"
    build_deck(path, out)
    prs = Presentation(str(out))
    got = titles(prs)
    assert got[:3] == ["AI readiness: results and next steps", "Engagement and scope", "Executive summary"]
    text = "\n".join(slide_text(s) for s in prs.slides)
    assert "No use case has been scored yet." in text and "No use cases were assessed." in text
    assert "None recorded." in text, "no participants yet"
    assert overflowing_text(prs) == []


def test_long_names_shrink_or_continue_but_never_overflow(demo: Path, tmp_path: Path) -> None:
    path = tmp_path / "long.readiness"
    shutil.copyfile(demo, path)
    with AssessmentFile.open(path) as af:
        af.update_engagement(title="Automatisierte Vorprüfung eingehender Rückversicherungsvertragsentwürfe " * 3,
                             client="Allgemeine Rückversicherungs- und Vorsorgegesellschaft auf Gegenseitigkeit")
        for i in range(14):
            af.add_use_case(f"Klauselabweichungserkennung für den Londoner Markt, Variante {i + 1}, mit Begründung",
                            "long")
    out = tmp_path / "long.pptx"
    build_deck(path, out, lang="de")
    prs = Presentation(str(out))
    assert overflowing_text(prs) == []
    got = titles(prs)
    assert any(x.endswith("(Fortsetzung)") for x in got), "the long lists continue on another slide"
    assert "Variante 14" in "\n".join(slide_text(s) for s in prs.slides), "nothing is dropped from the table"


# --------------------------------------------------------------------------- the firm's template


def _check_on_template(out: Path, template: Path) -> Any:
    prs = Presentation(str(out))
    original = Presentation(str(template))
    assert (prs.slide_width, prs.slide_height) == (original.slide_width, original.slide_height) == (9144000, 6858000)
    assert len(prs.slide_masters) == len(original.slide_masters)
    assert "Firm logo" in [s.name for s in prs.slide_masters[0].shapes], "the firm's master is kept"
    assert all(s.slide_layout.slide_master == prs.slide_masters[0] for s in prs.slides)
    text = "\n".join(slide_text(s) for s in prs.slides)
    assert "Example slide" not in text, "the template's own slides are removed"
    assert len(prs.slides) >= 14
    for slide in prs.slides:  # content sits below the title, never on it
        title = slide.shapes.title
        for shape in slide.shapes:
            if shape is not title and title is not None and (shape.has_chart or shape.has_table):
                assert shape.top >= title.top + title.height - 1, shape.name
    assert overflowing_text(prs) == []
    return prs


def test_a_4_3_template_keeps_its_size_master_and_layouts(demo: Path, tmp_path: Path) -> None:
    template = make_template(tmp_path / "firm.pptx")
    out = tmp_path / "on-template.pptx"
    build_deck(demo, out, template=template)
    prs = _check_on_template(out, template)
    layouts = {s.slide_layout.name for s in prs.slides}
    assert {"Title Slide", "Title and Content"} <= layouts  # chosen by placeholder type
    assert len(charts_of(prs)) == 2


def test_a_potx_template_works_too(demo: Path, tmp_path: Path) -> None:
    pptx_file = make_template(tmp_path / "firm.pptx")
    potx = tmp_path / "firm.potx"
    with zipfile.ZipFile(pptx_file) as src, zipfile.ZipFile(potx, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"presentation.main+xml", b"template.main+xml")
            dst.writestr(item, data)
    out = tmp_path / "from-potx.pptx"
    build_deck(demo, out, template=potx)
    _check_on_template(out, pptx_file)


def test_a_template_of_blank_layouts_still_gets_titles_and_content(demo: Path, tmp_path: Path) -> None:
    template = make_template(tmp_path / "firm.pptx", examples=0)
    prs = Presentation(str(template))
    layouts = prs.slide_layouts
    for layout in [x for x in layouts if x.name != "Blank"]:
        layouts.remove(layout)
    prs.save(str(template))
    out = tmp_path / "blank.pptx"
    build_deck(demo, out, template=template)
    deck = Presentation(str(out))
    names = [[shape.name for shape in s.shapes] for s in deck.slides]
    assert all("Title" in n for n in names), "every slide has its title in a box"
    assert "Executive summary" in "\n".join(slide_text(s) for s in deck.slides)
    assert overflowing_text(deck) == []


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_template_saved_by_libreoffice(demo: Path, tmp_path: Path) -> None:
    template = make_template(tmp_path / "firm.pptx")
    folder = tmp_path / "lo"
    subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                    "--convert-to", "pptx:Impress MS PowerPoint 2007 XML", "--outdir", str(folder), str(template)],
                   check=True, capture_output=True, timeout=180)
    saved = folder / "firm.pptx"
    out = tmp_path / "on-lo-template.pptx"
    build_deck(demo, out, template=saved, lang="de")
    _check_on_template(out, saved)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_converts_the_deck_to_pdf(deck_en: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    result = subprocess.run([str(SOFFICE), f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(tmp_path), str(deck_en)],
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    pdf = tmp_path / "readout.pdf"
    assert len(PdfReader(pdf).pages) == len(Presentation(str(deck_en)).slides)


# --------------------------------------------------------------------------- writing and the command line


def test_cancel_leaves_no_file(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "cancelled.pptx"
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 5

    with pytest.raises(DeckCancelled):
        build_deck(demo, out, cancel=cancel)
    assert not out.exists() and not list(tmp_path.glob(".cancelled.pptx.*"))


def test_the_export_command_writes_the_deck(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.pptx"
    template = make_template(tmp_path / "firm.pptx")
    assert main(["export", str(demo), "--pptx", str(out), "--pptx-template", str(template), "--lang", "de"]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out}"
    assert titles(Presentation(str(out)))[0] == "KI-Readiness: Ergebnisse und nächste Schritte"


@pytest.mark.parametrize("case", ["missing", "not_a_deck", "without_pptx"])
def test_bad_templates_get_one_line_naming_the_file(case: str, demo: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "firm.pptx"
    if case == "not_a_deck":
        template.write_text("this is not a presentation", encoding="utf-8")
    args = ["export", str(demo), "--pptx-template", str(template)]
    if case != "without_pptx":
        args += ["--pptx", str(tmp_path / "out.pptx")]
    else:
        make_template(template)
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and str(template) in err, err
    assert not (tmp_path / "out.pptx").exists()


def test_python_pptx_loads_only_when_a_deck_is_built() -> None:
    import sys

    code = ("import sys, readiness_app.cli, readiness_app.deck.builder, readiness_app.backlog.csv_files\n"
            "print([m for m in ('pptx', 'reportlab', 'lxml') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
