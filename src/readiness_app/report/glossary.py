"""The deliverables' glossary (``assets/glossary.toml``): one term per thing per language.

:func:`violations` finds the variants a deliverable must not use; the hyphenation
exceptions and protected product terms feed :mod:`readiness_app.report.language`.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Term:
    id: str
    en: str
    de: str
    avoid_en: tuple[str, ...]
    avoid_de: tuple[str, ...]

    def preferred(self, lang: str) -> str:
        return self.de if lang == "de" else self.en

    def avoid(self, lang: str) -> tuple[str, ...]:
        return self.avoid_de if lang == "de" else self.avoid_en


@functools.cache
def _raw() -> dict[str, Any]:
    import tomllib

    from readiness_app.resources import asset_path

    with open(asset_path("glossary.toml"), "rb") as fh:
        return tomllib.load(fh)


def terms() -> tuple[Term, ...]:
    return tuple(Term(t["id"], t["en"], t["de"], tuple(t.get("avoid_en", ())), tuple(t.get("avoid_de", ())))
                 for t in _raw().get("term", ()))


def hyphenation_exceptions(lang: str) -> tuple[str, ...]:
    return tuple(_raw().get("hyphenation", {}).get("de" if lang == "de" else "en", ()))


def protected_terms(lang: str) -> tuple[str, ...]:
    return tuple(_raw().get("protected", {}).get("de" if lang == "de" else "en", ()))


def violations(text: str, lang: str) -> list[str]:
    """One line per avoided variant found in ``text``: "'Roadmap' (use 'Fahrplan')"."""
    found: list[str] = []
    for term in terms():
        for variant in term.avoid(lang):
            pattern = r"(?<![\w-])" + re.escape(variant).replace(r"\ ", r"\s+") + r"(?![\w])"
            if re.search(pattern, text, flags=re.IGNORECASE):
                found.append(f"{variant!r} (use {term.preferred(lang)!r})")
    return found
