"""Locale rules of the deliverables: numbers, percentages, money, plurals and hyphenation.

Numbers go through Babel so a German deliverable never mixes "9.55" and "9,55"; plural
forms are chosen by Babel's plural rules (no "vote(s)"/"Stimme(n)"); hyphenation uses
pyphen's patterns, but only at break points that survive the rules below, and never inside
a protected word (a person's, client's or use case's name, a product term of the glossary).

pyphen's German patterns come from an old dictionary that also encodes the pre-1996 "ck"
rule and splits at every vowel pair ("Rü-ck", "Produkti-on", "be-a-r-bei-tung"). A break
is kept only when

* the head has at least :data:`MIN_HEAD` letters and the tail at least :data:`MIN_TAIL`;
* it does not fall between two vowels (hiatus, "ti-on", "be-a");
* the tail does not start with "ck" and the part between two breaks holds a vowel;
* the word is not protected and has no hyphen of its own (such a word breaks at its hyphen).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

MIN_HEAD = 3  # letters before a hyphenation break
MIN_TAIL = 4  # letters after it: no "Prozessintegrati-on"
_VOWELS = frozenset("aeiouyäöüáéíóúàèìòùâêîôû")


def _locale(lang: str) -> str:
    return "de_DE" if lang == "de" else "en_GB"


# --------------------------------------------------------------------------- numbers


def number(value: float | None, lang: str, digits: int | None = None, *, dash: str = "–") -> str:
    """``value`` in the locale's notation: ``digits`` fixed decimals, or up to two when ``None``
    (``9.55`` → "9,55" in German; thousands grouped: "625.000")."""
    if value is None:
        return dash
    from babel.numbers import format_decimal

    if digits is None:
        pattern = "#,##0.##"
    elif digits == 0:
        pattern = "#,##0"
    else:
        pattern = "#,##0." + "0" * digits
    text = str(format_decimal(value, format=pattern, locale=_locale(lang)))
    return "0" if text in ("-0", "−0") else text


def percent(share: float | None, lang: str, digits: int = 0) -> str:
    """A share (0..1) as a percentage: "24.5%" / "24,5 %"."""
    if share is None:
        return "–"
    value = number(share * 100, lang, digits)
    return f"{value}\u00a0%" if lang == "de" else f"{value}%"


def money(amount: float, currency: str, lang: str) -> str:
    """An amount of money: "EUR 625,000" / "625.000 EUR" (whole units unless it has cents)."""
    from babel.numbers import format_currency

    pattern = "#,##0\u00a0¤" if lang == "de" else "¤#,##0"
    if not float(amount).is_integer():
        pattern = pattern.replace("#,##0", "#,##0.00")
    return str(format_currency(amount, currency, format=pattern, locale=_locale(lang), currency_digits=False))


def long_date(d: date, lang: str) -> str:
    """ "11 March 2025" / "11. März 2025"."""
    from babel.dates import format_date

    return str(format_date(d, format="d MMMM y" if lang != "de" else "d. MMMM y", locale=_locale(lang)))


def plural(n: int, lang: str, one: str, other: str) -> str:
    """``one`` or ``other`` by the locale's plural rule for ``n`` (other fields are left as they are)."""
    from babel import Locale

    form = Locale.parse(_locale(lang)).plural_form(abs(n))
    return one if form == "one" else other


def join_names(names: Iterable[str], lang: str) -> str:
    """ "A, B and C" / "A, B und C"."""
    items = [n for n in names if n]
    if len(items) <= 1:
        return "".join(items)
    last = " und " if lang == "de" else " and "
    if any(last in n or "," in n for n in items):  # names that hold "and" themselves: a semicolon list
        return "; ".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


# --------------------------------------------------------------------------- hyphenation


@functools.lru_cache(maxsize=2)
def _dictionary(lang: str) -> Any:
    import pyphen

    return pyphen.Pyphen(lang="de_DE" if lang == "de" else "en_US")


def _good_breaks(word: str, points: Iterable[int]) -> list[int]:
    low = word.lower()
    kept: list[int] = []
    for i in sorted(set(points)):
        if i < MIN_HEAD or len(word) - i < MIN_TAIL:
            continue
        if low[i - 1] in _VOWELS and low[i] in _VOWELS:
            continue
        if low.startswith("ck", i):
            continue
        if not word[:i].isalpha() or not word[i:].isalpha():
            continue
        kept.append(i)
    # every part between two breaks must hold a vowel: "bea-r-beitung" becomes "bear-beitung"
    out: list[int] = []
    bounds = [*kept, len(word)]
    for k, i in enumerate(kept):
        if any(ch in _VOWELS for ch in low[i:bounds[k + 1]]):
            out.append(i)
    while out and not any(ch in _VOWELS for ch in low[:out[0]]):
        out.pop(0)
    return out


class Hyphenation:
    """Break points of words for one language, with a set of protected words (never broken)."""

    def __init__(self, lang: str, protected: Iterable[str] = (), exceptions: Iterable[str] | None = None) -> None:
        self.lang = lang
        # words whose breaks the patterns get wrong, spelled with their breaks: "Pro-zess-in-te-gra-tion"
        if exceptions is None:
            from readiness_app.report.glossary import hyphenation_exceptions

            exceptions = hyphenation_exceptions(lang)
        self.exceptions: dict[str, list[int]] = {}
        for spelled in exceptions:
            parts = spelled.split("-")
            cuts, pos = [], 0
            for p in parts[:-1]:
                pos += len(p)
                cuts.append(pos)
            self.exceptions["".join(parts).lower()] = cuts
        self.protected: frozenset[str] = frozenset(
            w.lower() for text in protected for w in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text))

    def breaks(self, word: str) -> list[int]:
        """Positions where ``word`` may break with a hyphen (none for a protected word)."""
        if not word or word.lower() in self.protected or "-" in word or not word.isalpha():
            return []
        fixed = self.exceptions.get(word.lower())
        if fixed is not None:
            return [i for i in fixed if i >= MIN_HEAD and len(word) - i >= MIN_TAIL]
        d = _dictionary(self.lang)
        return _good_breaks(word, (len(head) for head, _tail in d.iterate(word)))

    def pairs(self, word: str) -> list[tuple[str, str]]:
        """reportlab's hyphenator protocol: (head, tail) pairs, the longest head first.

        A compound with hyphens ("Human-in-the-loop", "Kfz-Schaden") breaks only after one
        of its own hyphens; a protected word not at all."""
        if "-" in word:
            if word.lower() in self.protected or any(p in self.protected for p in word.lower().split("-")):
                return []
            cuts = [i + 1 for i, ch in enumerate(word) if ch == "-" and 2 <= i < len(word) - 3]
            return [(word[:i], word[i:]) for i in sorted(cuts, reverse=True)]
        return [(word[:i], word[i:]) for i in sorted(self.breaks(word), reverse=True)]

    def inserted(self, word: str, hyphen: str = "\u00ad") -> str:
        cuts = self.breaks(word)
        out, prev = [], 0
        for i in cuts:
            out.append(word[prev:i])
            prev = i
        out.append(word[prev:])
        return hyphen.join(out)

    def __call__(self, word: str) -> list[tuple[str, str]]:
        return self.pairs(word)


_LONG_WORD = re.compile(r"(?<![-\w])[^\W\d_]{10,}(?![-\w])")  # a compound with "-" breaks at its hyphen
_TAG = re.compile(r"(<[^>]*>)")


def soft_hyphens(markup: str, hyph: Hyphenation) -> str:
    """``markup`` with soft hyphens (U+00AD) at the good break points of every long word.

    reportlab hyphenates only a word that ends a line after other words; a long word that starts
    a line in a narrow table column would be cut at whatever letter fits. With soft hyphens and
    ``embeddedHyphenation`` it breaks at a syllable, with a visible hyphen. Tags are left alone.
    """
    parts = _TAG.split(markup)
    for i in range(0, len(parts), 2):
        parts[i] = _LONG_WORD.sub(lambda m: hyph.inserted(m.group(0)), parts[i])
    return "".join(parts)


HyphenFn = Callable[[str], list[tuple[str, str]]]
