"""The PDF report, read back: sections, names, languages, fonts, outline, metadata, options.

One report per language is built per module and shared by the reading tests; the tests that
change the assessment or the options build their own (small) reports.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from readiness_app.cli import main
from readiness_app.errors import ExportError
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.report import texts as report_text
from readiness_app.report.pdf import SECTION_IDS, Branding, ReportCancelled, build_report, load_report_data
from readiness_app.store.assessment_file import AssessmentFile

CHAPTERS = ("summary", "maturity", "portfolio", "readiness", "roadmap", "operating", "appendix")
CLIENT = "Alpenland Versicherung AG"


@pytest.fixture(scope="module")
def mpl_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """matplotlib's cache in a temporary folder for the module-wide builds (never the user's)."""
    mp = pytest.MonkeyPatch()
    mp.setenv("MPLCONFIGDIR", str(tmp_path_factory.mktemp("mpl")))
    yield
    mp.undo()


@pytest.fixture(scope="module")
def demo(_demo_master: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("report-demo") / "demo.readiness"
    shutil.copyfile(_demo_master, target)
    return target


@pytest.fixture(scope="module")
def report_en(demo: Path, mpl_dir: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-en") / "report.pdf"
    build_report(demo, out, lang="en")
    return out


@pytest.fixture(scope="module")
def report_de(demo: Path, mpl_dir: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report-de") / "bericht.pdf"
    build_report(demo, out, lang="de")
    return out


@pytest.fixture(scope="module")
def text_en(report_en: Path) -> str:
    return text_of(report_en)


@pytest.fixture(scope="module")
def text_de(report_de: Path) -> str:
    return text_of(report_de)


def pages_of(pdf: Path) -> list[str]:
    """The text of each page: poppler's pdftotext when installed (fast), else pypdf."""
    if shutil.which("pdftotext"):
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout
        return out.decode("utf-8").split("\f")[: len(PdfReader(pdf).pages)]
    return [page.extract_text() or "" for page in PdfReader(pdf).pages]


def text_of(pdf: Path) -> str:
    return "\n".join(pages_of(pdf))


def squash(text: str) -> str:
    """Letters and digits only: line breaks, spaces and hyphenation do not matter."""
    return re.sub(r"[\s\-\u00ad]+", "", text)


def outline_titles(pdf: Path) -> list[str]:
    return [item.title for item in PdfReader(pdf).outline if not isinstance(item, list)]


# --------------------------------------------------------------------------- content


def test_every_section_heading_client_and_first_lane_are_in_the_english_report(text_en: str, demo: Path) -> None:
    text = text_en
    for section in ("contents", *CHAPTERS):
        assert report_text.section_title(section, "en") in text, section
    assert CLIENT in text
    results = load_report_data(demo).results
    lane = results.use_case(results.first_lane.use_case_id or "")
    assert lane is not None
    assert lane.name in text
    assert "Page 3 of" in text


def test_the_german_report_has_german_headings(text_de: str) -> None:
    text = text_de
    for section in ("contents", *CHAPTERS):
        assert report_text.section_title(section, "de") in text, section
    assert "Der 90-Tage-Fahrplan" in text and "Management-Zusammenfassung" in text
    assert "Executive summary" not in text
    assert "Seite 3 von" in text


def test_the_executive_summary_fits_one_page(report_en: Path) -> None:
    pages = pages_of(report_en)
    summary = [i for i, p in enumerate(pages) if "Executive summary" in p and "Contents" not in p]
    assert len(summary) == 1
    page = pages[summary[0]]
    for label in ("OVERALL MATURITY", "TOP THREE RISKS", "NEXT THREE STEPS"):
        assert squash(label) in squash(page)
    assert "Maturity profile" in pages[summary[0] + 1]


def test_the_font_is_embedded_and_covers_german(report_de: Path, text_de: str) -> None:
    reader = PdfReader(report_de)
    fonts: dict[str, object] = {}
    for page in reader.pages:
        resources = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            f = font.get_object()
            fonts[str(f["/BaseFont"])] = f
    assert fonts, "the report uses fonts"
    for name, f in fonts.items():
        descriptor = f["/FontDescriptor"].get_object()  # type: ignore[index]
        assert "/FontFile2" in descriptor, f"{name} is not an embedded TrueType font"
        assert "DejaVuSans" in name
    assert "Maßnahme" in text_de


def test_the_outline_has_an_entry_per_section(report_en: Path, report_de: Path) -> None:
    for pdf, lang in ((report_en, "en"), (report_de, "de")):
        titles = outline_titles(pdf)
        for section in ("contents", *CHAPTERS):
            wanted = report_text.section_title(section, lang)
            assert any(t.endswith(wanted) for t in titles), (lang, wanted, titles)


def test_metadata_and_language(report_en: Path, report_de: Path) -> None:
    for pdf, lang in ((report_en, "en-GB"), (report_de, "de-DE")):
        reader = PdfReader(pdf)
        meta = reader.metadata
        assert meta is not None
        assert meta.title and CLIENT in meta.title
        assert meta.author == "Kessler & Partner Advisory"
        assert meta.subject
        assert reader.trailer["/Root"]["/Lang"] == lang


def test_the_business_metric_and_baselines_are_shown(text_en: str) -> None:
    text = squash(text_en)
    assert squash("The business metric to improve within 60 days".upper()) in text
    assert squash("Metrics to track") in text
    assert squash("Rollback and escalation checklist") in text


# --------------------------------------------------------------------------- options


def test_switching_sections_off_removes_them(demo: Path, mpl_dir: None, tmp_path: Path, report_en: Path) -> None:
    out = tmp_path / "short.pdf"
    build_report(demo, out, lang="en", sections=set(SECTION_IDS) - {"appendix", "operating", "cover"})
    text = text_of(out)
    assert "Appendix" not in text and "Operating model" not in text
    assert "Executive summary" in text and "The 90-day roadmap" in text
    titles = outline_titles(out)
    assert not any(t.endswith("Appendix") for t in titles)
    assert len(PdfReader(out).pages) < len(PdfReader(report_en).pages)


def test_unknown_sections_languages_and_colours_are_refused(demo: Path, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown report section"):
        build_report(demo, tmp_path / "x.pdf", sections={"summary", "glossary"})
    with pytest.raises(ExportError, match="language"):
        build_report(demo, tmp_path / "x.pdf", lang="fr")
    with pytest.raises(ExportError, match="colour"):
        build_report(demo, tmp_path / "x.pdf", branding=Branding(accent="teal"), sections={"summary"})
    with pytest.raises(ExportError, match="logo"):
        build_report(demo, tmp_path / "x.pdf", branding=Branding(logo=tmp_path / "none.png"), sections={"summary"})
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_no_file_and_progress_reaches_100(demo: Path, mpl_dir: None, tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    seen: list[int] = []
    with pytest.raises(ReportCancelled):
        build_report(demo, out, progress=seen.append, cancel=lambda: bool(seen) and seen[-1] >= 30)
    assert list(tmp_path.iterdir()) == [], "no half file and no temporary file"
    seen.clear()
    build_report(demo, out, sections={"summary", "roadmap"}, progress=seen.append)
    assert seen[0] == 0 and seen[-1] == 100 and seen == sorted(seen)
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_branding_names_the_consultancy(demo: Path, mpl_dir: None, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    logo = Path(__file__).resolve().parent.parent / "assets" / "logo-default.png"
    build_report(demo, out, sections={"cover", "summary"},
                 branding=Branding(consultancy="Northwind Strategy GmbH", logo=logo, accent="#7A2E8C"))
    text = text_of(out)
    assert "Northwind Strategy GmbH" in text
    assert "Confidential. Prepared for Alpenland Versicherung AG only" in text


# --------------------------------------------------------------------------- long texts and sparse data


def test_long_names_and_notes_wrap_without_losing_text(demo: Path, mpl_dir: None, tmp_path: Path) -> None:
    path = tmp_path / "long.readiness"
    shutil.copyfile(demo, path)
    note = ("Zwischenergebnis: " + "Die Datenqualitätsverantwortlichkeitsregelung der Schadenabteilung ist "
            "unklar; niemand prüft die Eingangsdaten systematisch, weil jede Abteilung annimmt, dass eine "
            "andere es tut. " * 4 + "ENDE-DER-NOTIZ-7Q")
    long_name = ("Automatisierte Vorprüfung eingehender Rückversicherungsvertragsentwürfe und "
                 "Klauselabweichungserkennung für den Londoner Markt")
    with AssessmentFile.open(path) as af:
        lib = af.library()
        maturity_q = next(q for q in lib.iter_questions() if q.scope == "organisation" and q.type == "scale")
        af.set_answer(Answer(maturity_q.id, ORGANISATION, CONSENSUS, 2, note=note))
        uc = af.add_use_case(long_name, "A long one")
        use_case_q = next(q for q in lib.iter_questions() if q.scope == "use_case" and q.type == "scale")
        af.set_answer(Answer(use_case_q.id, uc.id, CONSENSUS, 3, note=note.replace("7Q", "8R")))
    out = tmp_path / "long.pdf"
    build_report(path, out, lang="de")
    text = squash(text_of(out))
    assert squash(note) in text, "the organisation note is complete"
    assert squash(note.replace("7Q", "8R")) in text, "the use-case note is complete"
    assert squash(long_name) in text


def test_an_empty_assessment_still_gives_a_report(mpl_dir: None, tmp_path: Path) -> None:
    from readiness_app.model import Engagement
    from readiness_app.questionnaire.loader import load_library

    path = tmp_path / "empty.readiness"
    AssessmentFile.create(path, load_library(), Engagement(client="Leere GmbH", language="de")).close()
    out = tmp_path / "empty.pdf"
    build_report(path, out)
    text = text_of(out)
    assert "Leere GmbH" in text and "Management-Zusammenfassung" in text
    assert "Nicht festgelegt" in text  # the business metric was not set


# --------------------------------------------------------------------------- command line and strings


def test_the_export_command(demo: Path, mpl_dir: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli.pdf"
    assert main(["export", str(demo), "--pdf", str(out), "--lang", "de", "--no-section", "appendix",
                 "--no-section", "maturity", "--no-section", "regulation"]) == 0  # it cites "Anhang III"
    assert "wrote" in capsys.readouterr().out
    text = text_of(out)
    assert not re.search(r"^\d*\s*Anhang$", text, re.M)  # no appendix chapter (roadmap items may cite "Anhang III")
    assert "Reifegradprofil" not in text and "Der 90-Tage-Fahrplan" in text
    assert "Regulierung und Standards" not in text
    assert main(["export", str(demo)]) == 2
    assert main(["export", str(tmp_path / "missing.readiness"), "--pdf", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and "missing.readiness" in err[-1]
    with pytest.raises(SystemExit) as exc:
        main(["export", str(demo), "--pdf", str(out), "--no-section", "bogus"])
    assert exc.value.code == 2


def test_every_string_has_both_languages() -> None:
    for key in report_text.all_keys():
        en, de = report_text.t(key, "en"), report_text.t(key, "de")
        assert en.strip() and de.strip(), key
        assert re.findall(r"{(\w+)}", en) == re.findall(r"{(\w+)}", de) or sorted(
            re.findall(r"{(\w+)}", en)) == sorted(re.findall(r"{(\w+)}", de)), key


def test_long_words_in_table_cells_break_at_a_syllable_with_a_hyphen() -> None:
    from reportlab.lib import colors

    from readiness_app.report.layout import Para, Styles, esc, register_fonts, soft_hyphens

    marked = soft_hyphens('<b>Frühwarnung für Kundenabwanderung</b> <font name="DejaVuSans-Bold">x</font> '
                          "Underwriting-Assistent", "de")
    assert marked.startswith("<b>Früh\u00adwar\u00adnung für Kun\u00ad")  # the dictionary's points
    assert '<font name="DejaVuSans-Bold">' in marked  # tags untouched
    assert "Underwriting-Assistent" in marked  # a compound breaks at its own hyphen
    register_fonts()
    styles = Styles(colors.HexColor("#0E6E78"), "de")
    name = "Frühwarnung für Kundenabwanderung"
    # a narrow name column of the ranked table: reportlab alone cut the word after a letter
    # ("Frühwarnung für K" / "undenabwanderung"), with no hyphen
    for width in range(60, 101, 5):
        para = Para(soft_hyphens(esc(name), "de"), styles.cell_bold)
        para.wrap(width, 1000)
        lines = [" ".join(line[1]) for line in para.blPara.lines]
        assert "".join(line.removesuffix("-") if line.endswith("-") else line + " " for line in lines).strip() == name
        for line in lines[:-1]:
            last = line.split()[-1]
            assert last in ("Frühwarnung", "für") or (last.endswith("-") and len(last) >= 4), (width, lines)
