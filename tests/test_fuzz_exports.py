"""No input makes an export fail (issue 17, items 3 and 4).

Hypothesis draws whole assessments (names, notes, answers, participants, use cases and roadmap
entries of any length and script, control characters included) and runs score, the PDF (read
back by pypdf), the readout deck (opened by python-pptx), the Jira and Azure DevOps CSVs, the
scorecard (imported back: exact), and the template on each. A handful of
examples here; ``bench/fuzz.py --minutes N`` runs the same for longer.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent))
import fuzz_cases
from readiness_app.model import CONSENSUS
from readiness_app.report import glyphs


@settings(max_examples=4, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(fuzz_cases.assessments())
def test_every_export_of_any_assessment_works_and_round_trips(case: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        fuzz_cases.check_case(case, Path(tmp))


def test_every_sample_script_round_trips_in_every_field(tmp_path: Path) -> None:
    text = " ".join(fuzz_cases.SCRIPTS)
    names = [f"{sample}Name{sample}" for sample in fuzz_cases.SCRIPTS]  # leading blanks must survive too
    case = {"engagement": {f: text for f in ("client", "industry", "title", "facilitator", "consultancy", "notes")}
            | {"language": "de"},
            "participants": [(f"p{i}", name, "sponsor", name) for i, name in enumerate(names)],
            "use_cases": [(f"uc{i}", name, text, "idea") for i, name in enumerate(names[:3])],
            "answers": [("mat.gov.comment", "org", "p0", text, False, text),
                        ("mat.gov.comment", "org", CONSENSUS, text, False, text)],
            "roadmap": [(f"custom-{i}", name, 1 + i % 3) for i, name in enumerate(names[:4])]}
    fuzz_cases.check_case(case, tmp_path)


def _plain(markup: str) -> str:
    import re
    from xml.sax.saxutils import unescape

    return unescape(re.sub(r"<[^>]+>", "", markup.replace("<br/>", "\n")))


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_any_text_becomes_markup_with_a_glyph_for_every_character(text: str) -> None:
    from reportlab.platypus import Paragraph

    from readiness_app.report.layout import Styles, hex_colour, register_fonts

    register_fonts()
    markup = glyphs.markup(glyphs.printable(text))
    para = Paragraph(markup, Styles(hex_colour("#0E6E78"), "en").body)
    para.wrap(400, 10_000)  # reportlab parses and lays it out without error
    shown = _plain(markup)
    for ch in shown:
        if ch in "\n ":
            continue
        fonts = [name for name, has in glyphs._fallbacks() if ord(ch) in has]
        assert ord(ch) in glyphs._primary() or fonts or ch == glyphs.REPLACEMENT, repr(ch)
    assert not any(ch in shown for ch in "\x00\x07\x1b\u200b\ufe0f")


def test_the_length_rule_shortens_with_a_mark_and_keeps_the_full_text() -> None:
    long = "word " * 200
    with glyphs.shortening(100) as collected:
        shown = glyphs.user_text(long)
        again = glyphs.user_text(long)
        assert glyphs.user_text("short") == "short"
        assert shown == again and shown.endswith("… [1]") and len(shown) < 110
        assert collected.texts == [long.strip()]
        assert glyphs.full_texts() == [long.strip()]
    assert glyphs.user_text(long) == long.strip()  # outside a report pass nothing is shortened
