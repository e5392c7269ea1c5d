"""Errors for people: a catalogue key plus parameters, rendered in the user's language."""

from __future__ import annotations

from dataclasses import dataclass, field

from . import messages


class Localised:
    """A catalogue key plus parameters, said in the reader's language (errors and notices alike)."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """The text in lang."""
        return messages.t(self.key, lang, **self.params)


class KompassError(Localised, Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1


class DataNotice(Localised, UserWarning):
    """Something about the data the user should know that did not stop the work (a damaged cache, an encoding)."""


class UsageError(KompassError):
    """The request itself is malformed (a bad KOMMUN:YEAR, an unknown name, a missing file or folder)."""

    exit_code = 2


class VersionMismatchError(UsageError):
    """Score sets of different instrument versions were asked to be compared."""

    def __init__(self, left: str, left_version: str, right: str, right_version: str, key: str = "error.version_mismatch"):
        super().__init__(
            key,
            left=left,
            left_version=left_version,
            right=right,
            right_version=right_version,
        )
        self.versions = (left_version, right_version)


@dataclass
class Problem:
    """One located problem in a table: row (1-based, as in a spreadsheet with header row 1), column, message."""

    row: int | None
    column: str | None
    key: str
    params: dict = field(default_factory=dict)

    def message(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """The problem and its fix in lang."""
        return messages.t(self.key, lang, **self.params)


class DataValidationError(KompassError):
    """A table failed validation; problems lists every located problem."""

    exit_code = 1

    def __init__(self, file: str, problems: list[Problem]):
        self.file = file
        self.problems = problems
        super().__init__("error.invalid_data", file=file, count=len(problems))

    def report(self, lang: str = messages.DEFAULT_LANGUAGE) -> str:
        """All problems, one line each: file:row: column: message."""
        lines = [self.message(lang)]
        for p in self.problems:
            where = f"{self.file}:{p.row}" if p.row is not None else self.file
            col = f" [{p.column}]" if p.column else ""
            lines.append(f"{where}{col}: {p.message(lang)}")
        return "\n".join(lines)
