"""Pure scoring: answers in, explained results out. No Qt, no SQL, no file access."""

from readiness_app.scoring.engine import Scorer, score
from readiness_app.scoring.inputs import AssessmentSource, ScoringInput, build_input
from readiness_app.scoring.results import Results
from readiness_app.scoring.serialize import to_json, to_jsonable

__all__ = ["AssessmentSource", "Results", "Scorer", "ScoringInput", "build_input", "score", "to_json", "to_jsonable"]
