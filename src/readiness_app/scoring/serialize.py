"""Stable JSON of :class:`Results` (documented in docs/scoring.md, "JSON output")."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from readiness_app.questionnaire.loader import Text

JSON_FORMAT = "readiness-results/1"


def to_jsonable(obj: Any) -> Any:
    if isinstance(obj, Text):
        return {"en": obj.en, "de": obj.de}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.metadata.get("json_name", f.name): to_jsonable(getattr(obj, f.name))
                for f in dataclasses.fields(obj) if f.metadata.get("json", True)}
    if isinstance(obj, tuple) and hasattr(obj, "_asdict"):
        return {k: to_jsonable(v) for k, v in obj._asdict().items()}
    if isinstance(obj, tuple | list):
        return [to_jsonable(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, float):
        return round(obj, 4)
    return obj


def to_json(results: Any, *, indent: int | None = 2) -> str:
    payload = {"format": JSON_FORMAT, "results": to_jsonable(results)}
    return json.dumps(payload, ensure_ascii=False, indent=indent, sort_keys=False)
