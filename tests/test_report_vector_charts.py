"""The PDF's charts are vector graphics: no raster chart in the file, chart text in the embedded font.

The report's only picture is the logo (cover and page headers, one image object); every chart
is drawn with lines, shapes and strings, so its labels are text a reader can search and copy.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from readiness_app.report import charts
from readiness_app.report.layout import FONT, register_fonts
from readiness_app.report.pdf import build_report

LOGO = Path(__file__).resolve().parent.parent / "assets" / "logo-default.png"


@pytest.fixture(scope="module")
def report(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("vector") / "report.pdf"
    build_report(_demo_master, out, lang="en")
    return out


def image_objects(pdf: Path) -> set[tuple[int, int]]:
    """(width, height) of every image XObject on every page (read with pypdf)."""
    found: set[tuple[int, int]] = set()
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources") or {}
        xobjects = resources.get("/XObject") or {}
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj.get("/Subtype") == "/Image":
                found.add((int(obj["/Width"]), int(obj["/Height"])))
    return found


def test_the_only_picture_in_the_report_is_the_logo(report: Path) -> None:
    from PIL import Image

    with Image.open(LOGO) as logo:
        logo_size = logo.size
    assert image_objects(report) == {logo_size}, "a chart is still a raster image"


@pytest.mark.skipif(shutil.which("pdfimages") is None, reason="poppler's pdfimages is not installed")
def test_pdfimages_lists_no_raster_chart(report: Path) -> None:
    listing = subprocess.run(["pdfimages", "-list", str(report)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, "the logo is listed"
    object_ids = {(r[10], r[11]) for r in rows}  # every image row is the one logo object (and its mask)
    assert len(object_ids) == 1, listing
    assert {r[2] for r in rows} <= {"image", "smask"}


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler's pdffonts is not installed")
def test_every_font_is_embedded_and_no_base14_font_is_referenced(report: Path) -> None:
    listing = subprocess.run(["pdffonts", str(report)], capture_output=True, text=True, check=True).stdout
    rows = [line for line in listing.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        assert "DejaVuSans" in row, row
        assert re.search(r"\byes\s+yes\s+yes\b", row), f"not embedded as a subset with Unicode: {row}"


def test_chart_labels_are_text_in_the_pdf(report: Path) -> None:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(report).pages)
    # the maturity chart's column head and axis, the matrix's axis title, the timeline's week axis
    for label in ("Staged level", "Strategic", "Readiness (0-100)", "Control complexity", "Week"):
        assert label in text, label


def test_fit_lines_keeps_every_line_inside_its_width() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    text = "Datenqualitätsmanagementverantwortlichkeiten und Betriebsverantwortung im Produktivbetrieb"
    for width in (20.0, 60.0, 140.0):
        lines = charts.fit_lines(text, width, size=7.5, max_lines=2)
        assert 1 <= len(lines) <= 2
        assert all(stringWidth(line, FONT, 7.5) <= width + 1e-6 for line in lines), (width, lines)
    assert charts.fit_lines(text, 60.0, size=7.5, max_lines=2)[-1].endswith("…")


def test_fit_lines_boundary_a_text_exactly_as_wide_as_the_line_stays_whole() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    register_fonts()
    text = "Runtime monitoring"
    exact = stringWidth(text, FONT, 7.5)
    assert charts.fit_lines(text, exact, size=7.5, max_lines=1) == [text]
    narrower = charts.fit_lines(text, exact - 0.5, size=7.5, max_lines=1)
    assert narrower != [text] and narrower[0].endswith("…")


def test_the_control_scale_runs_green_amber_red() -> None:
    def hex_of(rgb: tuple[float, float, float]) -> str:
        return "#" + "".join(f"{round(v * 255):02X}" for v in rgb)

    assert [hex_of(charts.control_colour(v)) for v in (0, 50, 100)] == list(charts.CONTROL_STOPS)
    assert charts.control_colour(-5) == charts.control_colour(0)
    assert charts.control_colour(140) == charts.control_colour(100)


def test_a_chart_is_a_drawing_of_its_data() -> None:
    rows = [charts.MaturityRow("Data governance", 2.8, 3, 2, "2 Managed"),
            charts.MaturityRow("A dimension whose name is far too long to fit beside the bars in two lines "
                               "of small type, however hard one tries", None, 2, 1, "1 Pilot")]
    chart = charts.maturity_chart(rows, accent="#0E6E78", width_cm=17.0,
                                  level_names=["Pilot", "Managed", "Scaled", "Strategic"],
                                  labels={"score": "Score", "target": "Target", "level": "Staged level"})
    strings = chart.strings()
    assert "2.8" in strings and "2 Managed" in strings and "1 Pilot" in strings
    assert any(s.endswith("…") for s in strings), "the long name is shortened, not drawn over the bars"
    assert chart.width_pt == pytest.approx(17.0 * 72 / 2.54)
    from reportlab.graphics.shapes import Drawing

    assert isinstance(chart.drawing, Drawing)


def test_an_empty_chart_still_draws() -> None:
    chart = charts.timeline_chart([], accent="#0E6E78", width_cm=17.0,
                                  phase_labels=["Days 1-30", "Days 31-60", "Days 61-90"], week_label="Week")
    assert "Days 31-60" in chart.strings() and chart.height_pt > 0
    matrix = charts.priority_matrix([], accent="#0E6E78", width_cm=17.0,
                                    labels={"x": "x", "y": "y", "c": "c", "top_right": "tr", "top_left": "tl",
                                            "bottom": "b"})
    assert "tr" in matrix.strings()
