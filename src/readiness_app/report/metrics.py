"""Metrics as prose: a number with its unit the way a client reads it, in the report's locale.

"625 EUR thousand per year" becomes "EUR 625,000 per year" / "625.000 € pro Jahr", "1 use cases"
becomes "1 use case", "26 % of decisions" becomes "26% of decisions" / "26 % der Entscheidungen",
and a value "in the unit of the outcome metric" takes the unit named in that metric's own
answer ("Share of claims settled within five working days (%)" → "46%").
"""

from __future__ import annotations

import re

from readiness_app.report.language import money, number, percent

# plural unit -> singular, for a value of exactly 1
_SINGULAR = {
    "use cases": "use case", "incidents": "incident", "decisions": "decision", "exceptions": "exception",
    "working days": "working day", "days": "day", "hours": "hour", "interventions": "intervention",
    "Anwendungsfälle": "Anwendungsfall", "Vorfälle": "Vorfall", "Entscheidungen": "Entscheidung",
    "Ausnahmen": "Ausnahme", "Arbeitstage": "Arbeitstag", "Tage": "Tag", "Stunden": "Stunde",
}
_UNIT_OF = re.compile(r"^(in the unit of|in der Einheit)\b", re.IGNORECASE)
_THOUSAND = re.compile(r"^(?:EUR thousand|Tsd\.\s*EUR|thousand EUR|TEUR)\b\s*(.*)$", re.IGNORECASE)
_MONEY = re.compile(r"^(EUR|CHF|USD|GBP)\b\s*(.*)$")


def split_unit(text: str) -> tuple[str, str]:
    """ "Average cycle time (days)" → ("Average cycle time", "days")."""
    m = re.fullmatch(r"(.*\S)\s*\(([^()]{1,40})\)\s*", text.strip())
    return (m.group(1), m.group(2)) if m else (text.strip(), "")


def with_unit(value: float, unit: str, lang: str) -> str:
    """``value`` in ``unit`` as a client reads it (see the module's examples)."""
    unit = unit.strip()
    if not unit or _UNIT_OF.match(unit):
        return number(value, lang, None)
    m = _THOUSAND.match(unit)
    if m:
        rest = m.group(1).strip()
        return f"{money(value * 1000, 'EUR', lang)} {rest}".strip()
    m = _MONEY.match(unit)
    if m:
        rest = m.group(2).strip()
        return f"{money(value, m.group(1), lang)} {rest}".strip()
    if unit.startswith("%"):
        rest = unit[1:].strip()
        digits = 0 if float(value).is_integer() else 1
        return f"{percent(value / 100, lang, digits)} {rest}".strip()
    if value == 1:
        for plural_form, singular in _SINGULAR.items():
            if unit == plural_form or unit.startswith(plural_form + " "):
                unit = singular + unit[len(plural_form):]
                break
    return f"{number(value, lang, None)} {unit}"
