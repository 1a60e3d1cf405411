"""Whole assessments of random content, and the checks every export must pass on them.

Shared by ``tests/test_fuzz_exports.py`` (a few examples in the suite) and ``bench/fuzz.py``
(minutes of them before a release). A case is a plain dict drawn by :func:`assessments`;
:func:`check_case` writes it, scores it, exports the PDF (read back by pypdf), the scorecard
(imported back: must rebuild the assessment exactly) and the fill-in template, and raises
``AssertionError`` on any difference. Any other exception is a failure too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from readiness_app.model import CONSENSUS, ORGANISATION, ROLES, USE_CASE_STAGES, Answer, Engagement
from readiness_app.questionnaire.loader import Library, load_library

LIBRARY_DIR = Path(__file__).resolve().parent / "fixtures" / "xlsx" / "library"

SCRIPTS = [
    "Ünïcödé Grüße – „Anführung“ ß", "שלום עולם", "مرحبا بالعالم", "中文字符测试", "日本語のテキストかな",
    "한국어 텍스트", "😀👍🏽👩‍👩‍👧 ✅ ❤️", "e\u0301\u0302 a\u0308\u0323", "\x00\x01\x07\x1b\x7f", "\t\r\n  ",
    "=1+1", "+49 30", "-x", "@mention", "<b>not markup</b> &amp; \"quotes\"", "a\u200bb\u200ec\ufeff",
    "\u2028line\u2029para", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁", "Ελληνικά Кириллица", "ไทย हिन्दी",
]

_chars = st.characters(blacklist_categories=("Cs",))  # any code point a str can hold in a file


def texts(max_size: int = 60) -> st.SearchStrategy[str]:
    """Text of any script and length: random characters, known-hard samples, and long repeats."""
    piece = st.one_of(st.text(_chars, max_size=max_size), st.sampled_from(SCRIPTS))
    joined = st.lists(piece, max_size=4).map("".join)
    long = st.tuples(st.sampled_from([*SCRIPTS, "word "]), st.integers(50, 400)).map(lambda t: t[0] * t[1])
    return st.one_of(joined, joined, long)


def names() -> st.SearchStrategy[str]:
    return texts(30).filter(lambda s: s.strip() != "")


def library() -> Library:
    return load_library(LIBRARY_DIR)


@st.composite
def assessments(draw: st.DrawFn) -> dict[str, Any]:
    lib = library()
    engagement = {f: draw(texts()) for f in ("client", "industry", "title", "facilitator", "consultancy", "notes")}
    engagement["language"] = draw(st.sampled_from(["en", "de"]))
    participants = [(f"p{i}", draw(names()), draw(st.sampled_from(ROLES)), draw(texts(20)))
                    for i in range(draw(st.integers(1, 3)))]
    use_cases = [(f"uc{i}", draw(names()), draw(texts()), draw(st.sampled_from(USE_CASE_STAGES)))
                 for i in range(draw(st.integers(0, 2)))]
    answers = []
    for q in lib.questions.values():
        scopes = [ORGANISATION] if q.scope == "organisation" else [u[0] for u in use_cases]
        for scope in scopes:
            for who in [CONSENSUS, *(p[0] for p in participants)]:
                if not draw(st.booleans()):
                    continue
                na = draw(st.integers(0, 9)) == 0
                answers.append((q.id, scope, who, None if na else draw(_value(q)), na, draw(texts(40))))
    roadmap = [(f"custom-{i}", draw(names()), draw(st.integers(1, 3))) for i in range(draw(st.integers(0, 2)))]
    return {"engagement": engagement, "participants": participants, "use_cases": use_cases,
            "answers": answers, "roadmap": roadmap}


def _value(q: Any) -> st.SearchStrategy[Any]:
    if q.type == "scale":
        return st.integers(0, 4)
    if q.type == "choice":
        return st.sampled_from([o.id for o in q.options])
    if q.type == "checklist":
        return st.lists(st.sampled_from([o.id for o in q.options]), unique=True)
    if q.type == "number":
        return st.one_of(st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False,
                                                               min_value=-1e12, max_value=1e12))
    return texts()


def write_case(case: dict[str, Any], path: Path) -> Path:
    from readiness_app.store.assessment_file import AssessmentFile

    with AssessmentFile.create(path, library(), Engagement(**case["engagement"]), author="fuzz", lock=False) as af:
        for pid, name, role, org in case["participants"]:
            af.add_participant(name, role, org, participant_id=pid)
        for uid, name, description, stage in case["use_cases"]:
            af.add_use_case(name, description, stage, use_case_id=uid)
        af.set_answers([Answer(qid, scope, who, value, na, note) for qid, scope, who, value, na, note
                        in case["answers"]], action="fuzz")
        for key, title, phase in case["roadmap"]:
            af.add_roadmap_edit(key, "add", {"title": title, "phase": phase, "owner_role": "sponsor", "owner": "",
                                             "due_week": 2})
    return path


def snapshot(path: Path) -> dict[str, Any]:
    from readiness_app.store.assessment_file import AssessmentFile

    with AssessmentFile.open_readonly(path) as af:
        return {"engagement": af.engagement(), "participants": af.participants(), "use_cases": af.use_cases(),
                "answers": sorted((a.key, a.value, a.not_applicable, a.note) for a in af.answers()),
                "targets": af.targets(),
                "roadmap": [(e.item_key, e.op, e.payload) for e in af.roadmap_edits()]}


def check_case(case: dict[str, Any], folder: Path) -> None:
    """Every export of ``case`` works and the scorecard round trip is exact (raises otherwise)."""
    from openpyxl import load_workbook
    from pptx import Presentation
    from pypdf import PdfReader

    from readiness_app.backlog.csv_files import write_azure_devops_csv, write_jira_csv
    from readiness_app.deck.builder import build_deck
    from readiness_app.excel.importer import apply_plan, plan_import
    from readiness_app.excel.scorecard import export_scorecard
    from readiness_app.excel.template import export_template
    from readiness_app.report.pdf import build_report
    from readiness_app.scoring import build_input, score
    from readiness_app.store.assessment_file import AssessmentFile

    source = write_case(case, folder / "case.readiness")
    with AssessmentFile.open_readonly(source) as af:
        score(build_input(af))
        template = export_template(af, folder / "template.xlsx")
    load_workbook(template, read_only=True).close()
    for lang in ("en", "de"):
        pdf = folder / f"report-{lang}.pdf"
        build_report(source, pdf, lang=lang)
        reader = PdfReader(str(pdf))
        assert len(reader.pages) >= 2
        assert reader.pages[0].extract_text() is not None
        deck = folder / f"deck-{lang}.pptx"
        build_deck(source, deck, lang=lang)
        assert len(Presentation(str(deck)).slides) >= 5
    jira = folder / "jira.csv"
    azure = folder / "azure.csv"
    write_jira_csv(source, jira)
    write_azure_devops_csv(source, azure)
    for csv_file in (jira, azure):
        text = csv_file.read_text(encoding="utf-8")
        assert text.splitlines() and not any(line.startswith(("=", "+", "-", "@")) for line in text.splitlines())
    scorecard = export_scorecard(source, folder / "scorecard.xlsx")
    plan = plan_import(scorecard)
    assert plan.kind == "scorecard" and not plan.problems, plan.problems
    again = apply_plan(plan, folder / "again.readiness")
    assert snapshot(again) == snapshot(source)
