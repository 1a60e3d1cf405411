"""Locale rules of the deliverables: plurals, numbers, money, units, hyphenation and the glossary file."""

from __future__ import annotations

import pytest

from readiness_app.report.glossary import hyphenation_exceptions, protected_terms, terms, violations
from readiness_app.report.language import MIN_HEAD, MIN_TAIL, Hyphenation, join_names, number, percent, plural
from readiness_app.report.metrics import split_unit, with_unit
from readiness_app.report.texts import _S, all_keys, t


def test_no_report_text_has_a_bracket_plural() -> None:
    for key in all_keys():
        for text in _S[key]:
            assert "(s)" not in text and "(n)" not in text and "(en)" not in text and "(e)" not in text, key


@pytest.mark.parametrize(("key", "n", "lang", "want"), [
    ("ap.votes", 1, "en", "1 vote"), ("ap.votes", 3, "en", "3 votes"),
    ("ap.votes", 1, "de", "1 Stimme"), ("ap.votes", 0, "de", "0 Stimmen"),
    ("rm.removed", 1, "de", "Eine erzeugte Maßnahme wurde vom Berater entfernt."),
    ("rm.removed", 2, "en", "2 generated actions were removed by the consultant."),
])
def test_plural_forms_follow_the_locale(key: str, n: int, lang: str, want: str) -> None:
    assert t(key, lang, n=n) == want


def test_gap_plural_and_placeholders_of_the_other_form_survive() -> None:
    assert t("mat.gap", "de", gap=1) == "Abstand eine Stufe" and t("mat.gap", "en", gap=2) == "gap of 2 levels"
    assert "from 5 on" in t("bm.too_few", "en", n=1, min=5) and "one other assessment" in t("bm.too_few", "en", n=1,
                                                                                          min=5)
    assert plural(1, "de", "ein", "viele") == "ein" and plural(2, "en", "one", "many") == "many"


@pytest.mark.parametrize(("value", "digits", "lang", "want"), [
    (9.55, None, "de", "9,55"), (9.55, None, "en", "9.55"), (1.9, 1, "de", "1,9"),
    (1234567.5, None, "de", "1.234.567,5"), (1234567.5, None, "en", "1,234,567.5"), (84.38, 0, "en", "84"),
    (-0.004, 2, "en", "0.00"), (None, 0, "en", "–"),
])
def test_numbers_are_written_the_locales_way(value: float | None, digits: int | None, lang: str, want: str) -> None:
    assert number(value, lang, digits) == want if want != "0.00" else number(value, lang, digits) in ("0.00", "-0.00")


def test_percentages_and_money() -> None:
    assert percent(0.245, "de", 1) == "24,5\u00a0%" and percent(0.245, "en", 1) == "24.5%"
    assert with_unit(625, "EUR thousand per year", "en") == "€625,000 per year"
    assert with_unit(625, "Tsd. EUR pro Jahr", "de") == "625.000\u00a0€ pro Jahr"
    assert with_unit(1.3, "EUR je erfolgreicher Entscheidung", "de") == "1,30\u00a0€ je erfolgreicher Entscheidung"
    assert with_unit(1, "use cases", "en") == "1 use case" and with_unit(2, "use cases", "en") == "2 use cases"
    assert with_unit(1, "Anwendungsfälle", "de") == "1 Anwendungsfall"
    assert with_unit(26, "% der Entscheidungen", "de") == "26\u00a0% der Entscheidungen"
    assert with_unit(45, "in the unit of the outcome metric", "en") == "45"
    assert split_unit("Average claims cycle time (days)") == ("Average claims cycle time", "days")


def test_names_holding_and_are_listed_with_semicolons() -> None:
    assert join_names(["A", "B", "C"], "en") == "A, B and C" and join_names(["A", "B"], "de") == "A und B"
    assert join_names(["Cost control and ROI", "Runbooks"], "en") == "Cost control and ROI; Runbooks"


@pytest.mark.parametrize(("word", "bad"), [
    ("Rückversicherungsverträgen", "Rü-"), ("Produktionspfad", "Produkti-"), ("Prozessintegration", "-on"),
    ("Schadenbearbeitung", "bea-r"), ("Prozessintegration", "zes-sin"),
])
def test_german_hyphenation_only_at_real_syllables(word: str, bad: str) -> None:
    shown = Hyphenation("de").inserted(word, "-")
    assert bad not in shown, shown
    for part in (shown.split("-")[0], shown.split("-")[-1]):
        assert len(part) >= min(MIN_HEAD, MIN_TAIL) or part == shown


def test_minimum_part_lengths() -> None:
    h = Hyphenation("de")
    for word in ("Anwendungsfälle", "Verantwortliche", "Datenbereitschaft", "Überwachungsprozesse", "Integration"):
        for cut in h.breaks(word):
            assert cut >= MIN_HEAD and len(word) - cut >= MIN_TAIL, (word, cut)


def test_names_and_product_terms_never_break() -> None:
    en = Hyphenation("en", ["Claims triage assistant", "Dr. Sabine Hofer", *protected_terms("en")])
    assert en.pairs("assistant") == [] and en.pairs("Sabine") == []
    assert en.pairs("Human-in-the-loop") == []  # protected product term: not even at its hyphens
    de = Hyphenation("de", ["Kfz-Schadenbearbeitung"])
    assert de.pairs("Kfz-Schadenbearbeitung") == []
    plain = Hyphenation("en")
    assert all(head.endswith("-") for head, _tail in plain.pairs("right-to-left"))  # only at its own hyphens


def test_the_glossary_file() -> None:
    ids = [term.id for term in terms()]
    assert len(ids) == len(set(ids)) and {"roadmap", "readiness", "use_case"} <= set(ids)
    for term in terms():
        for lang in ("en", "de"):
            assert term.preferred(lang) and violations(term.preferred(lang), lang) == [], (term.id, lang)
    assert violations("Die Roadmap für Daten- und Prozessreife", "de") == [
        "'Roadmap' (use 'Fahrplan')", "'Daten- und Prozessreife' (use 'Daten- und Prozessbereitschaft')"]
    assert all("-" in word for word in hyphenation_exceptions("de"))


def test_the_report_texts_keep_the_glossary() -> None:
    for key in all_keys():
        en, de = _S[key]
        assert violations(en, "en") == [], key
        assert violations(de, "de") == [], key
