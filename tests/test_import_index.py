"""An imported instrument gets its own index, shown in the scorecard (a sheet each) and kept in the round trip."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from readiness_app.excel.importer import apply_plan, plan_import
from readiness_app.model import CONSENSUS, ORGANISATION, Answer
from readiness_app.scoring.imported import imported_indices, instrument_index
from readiness_app.store.assessment_file import AssessmentFile

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"


def test_index_of_an_imported_instrument() -> None:
    plan = plan_import(FIXTURES / "lang.xlsx")
    (inst,) = plan.instruments
    index = instrument_index(inst, [pa.answer for pa in plan.answers])
    # Ja 4, Teilweise 2, Stufe 2 2 | 3 - Definiert 3, Nein 0, 75% 3 | Ja 4, n/a (left out), Ja 4
    assert [(s.title, s.index, s.answered, s.questions) for s in index.sections] == [
        ("Governance", 66.7, 3, 3), ("Betrieb", 50.0, 3, 3), ("Daten", 100.0, 2, 3)]
    assert (index.index, index.answered, index.questions) == (68.8, 8, 9)  # 22 of 32
    # votes count when the room agreed on nothing; the consensus wins when there is one
    q = inst.questions[0]
    votes = [Answer(q.id, ORGANISATION, "p1", "ja"), Answer(q.id, ORGANISATION, "p2", "nein")]
    assert instrument_index(inst, votes).index == 50.0
    agreed = [*votes, Answer(q.id, ORGANISATION, CONSENSUS, "teilweise")]
    assert instrument_index(inst, agreed).index == 50.0 and instrument_index(inst, agreed).answered == 1
    assert instrument_index(inst, []).index is None
    assert imported_indices(plan.library.questionnaires, []) == [instrument_index(inst, [])]


def test_scorecard_has_a_sheet_per_imported_instrument_and_the_round_trip_is_exact(tmp_path: Path) -> None:
    from readiness_app.excel.scorecard import export_scorecard

    out = apply_plan(plan_import(FIXTURES / "lang.xlsx"), tmp_path / "lang.readiness")
    xlsx = export_scorecard(out, tmp_path / "lang.xlsx", lang="en")
    wb = openpyxl.load_workbook(xlsx)
    name = next(n for n in wb.sheetnames if n.startswith("Reifegrad"))
    ws = wb[name]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[0][0] == "Reifegrad-Selbstbewertung KI 2025"
    assert cells[1][0] == "Imported instrument: index 68.8 of 100 (8 of 9 questions answered)"
    header = cells[3]
    assert header[:6] == ["Section", "Id", "Question", "Answer", "Value (0-4)", "Index"]
    rows = {r[1]: r for r in cells[4:] if r[1]}
    assert rows["G-1"][2:5] == ["Gibt es eine schriftliche KI-Richtlinie?", "Ja", 4]
    assert rows["D-2"][3] == "not applicable" and rows["D-2"][4] is None
    again = apply_plan(plan_import(xlsx), tmp_path / "again.readiness")
    with AssessmentFile.open_readonly(out) as a, AssessmentFile.open_readonly(again) as b:
        assert sorted((x.key, x.value, x.not_applicable, x.note) for x in a.answers()) == \
            sorted((x.key, x.value, x.not_applicable, x.note) for x in b.answers())
        assert a.library().questionnaire("imp.lang").source == b.library().questionnaire("imp.lang").source  # type: ignore[union-attr]


def test_the_pdf_has_a_chapter_with_the_index_and_the_answers(tmp_path: Path) -> None:
    from pypdf import PdfReader

    from readiness_app.report.pdf import build_report

    out = apply_plan(plan_import(FIXTURES / "lang.xlsx"), tmp_path / "lang.readiness")
    for lang, heading, index in (("en", "Imported instruments", "Index 68.8 of 100, from 8 of 9 questions answered."),
                                 ("de", "Importierte Instrumente", "Index 68,8 von 100, aus 8 von 9 beantworteten "
                                                                   "Fragen.")):
        pdf = tmp_path / f"report-{lang}.pdf"
        build_report(out, pdf, lang=lang, sections={"contents", "imported"})
        text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert heading in text and index in text
        assert "Governance (66" in text and "Gibt es eine schriftliche KI-Richtlinie?" in text
        assert ("not applicable" if lang == "en" else "nicht anwendbar") in text


def test_no_chapter_without_an_imported_instrument(tmp_path: Path, mini_demo_file: Path) -> None:
    from pypdf import PdfReader

    from readiness_app.report.pdf import build_report

    pdf = tmp_path / "report.pdf"
    build_report(mini_demo_file, pdf, lang="en", sections={"contents", "imported", "roadmap"})
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Imported instruments" not in text
