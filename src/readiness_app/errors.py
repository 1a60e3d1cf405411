"""Typed domain errors. Every message says what happened, where, and what to do next."""

from __future__ import annotations


class ReadinessError(Exception):
    """Base class for expected errors shown to users (never a traceback)."""

    def __init__(self, message: str, *, path: str | None = None, place: str | None = None) -> None:
        self.path = path
        self.place = place
        super().__init__(message)

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` ("en" or "de"; see :mod:`readiness_app.messages`)."""
        from readiness_app.messages import localized

        return localized(self.args[0], lang) if self.args and isinstance(self.args[0], str) else str(self)

    def one_line(self, lang: str = "en") -> str:
        """A single line naming the file and place, suitable for stderr or a dialog title line."""
        from readiness_app.messages import localized

        where = self.path or ""
        if self.place:
            place = localized(self.place, lang)
            where = f"{where}: {place}" if where else place
        text = self.text(lang).replace("\n", " ")
        return f"{where}: {text}" if where else text


class AssessmentFileError(ReadinessError):
    """The assessment file cannot be opened or written (corrupt, not SQLite, newer, locked)."""


class FileLockedError(AssessmentFileError):
    """Another instance holds the assessment file open."""


class SaveError(AssessmentFileError):
    """A change could not be saved; nothing was changed, and trying again may work (the file was busy)."""


class FileBusyError(AssessmentFileError):
    """Another program holds the assessment file (an SQLite lock) longer than we wait; try again."""


class QuestionnaireError(ReadinessError):
    """One or more problems in questionnaire data files."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = problems[0] if problems else None
        lines = [p.format() for p in problems]
        super().__init__(
            f"{len(problems)} problem(s) in questionnaire data:\n" + "\n".join(lines),
            path=first.path if first else None,
        )

    def one_line(self, lang: str = "en") -> str:
        if not self.problems:
            return str(self)
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        return self.problems[0].format() + more


class WorkbookImportError(ReadinessError):
    """A workbook cannot be imported."""


class ExportError(ReadinessError):
    """An export could not be written."""


class MergeError(ReadinessError):
    """Two assessment files cannot be merged (they did not start from the same assessment)."""


class Problem:
    """One validation problem: file, place (question id / field) and what is wrong."""

    __slots__ = ("field", "message", "path", "place")

    def __init__(self, path: str, place: str, field: str, message: str) -> None:
        self.path = path
        self.place = place
        self.field = field
        self.message = message

    def format(self) -> str:
        where = self.place + (f".{self.field}" if self.field else "")
        return f"{self.path}: {where}: {self.message}" if where else f"{self.path}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({self.format()!r})"
