"""Exception hierarchy.

Every error a user can cause derives from :class:`DocgenError`; ``cli.py`` catches it in one
place, prints its Vietnamese message and exits 2. Anything else is a bug: :mod:`docgen.boundary`
writes its traceback to a log file and the command exits 3. Library code never prints.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """Where a problem sits in a user's file (1-based line and column; 0 when unknown)."""

    path: str
    line: int = 0
    column: int = 0
    field: str = ""

    def __str__(self) -> str:
        out = self.path
        if self.line:
            out += f":{self.line}"
            if self.column:
                out += f":{self.column}"
        if self.field:
            out += f": {self.field}"
        return out


class DocgenError(Exception):
    """Root of every user-facing error. ``str(err)`` is the Vietnamese message."""

    exit_code = 2

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        if self.location is None:
            return self.message
        return f"{self.location}: {self.message}"


class SpecError(DocgenError):
    """A spec (YAML) that cannot be read or does not validate. Holds every problem found."""

    def __init__(self, problems: list[tuple[Location, str]]) -> None:
        self.problems = problems
        first_loc, first_msg = problems[0]
        super().__init__(first_msg, first_loc)

    def __str__(self) -> str:
        return "\n".join(f"{loc}: {msg}" for loc, msg in self.problems)


class InputError(DocgenError):
    """A draft the checker cannot read: corrupt, encrypted, legacy-encoded, unknown type."""


class RenderError(DocgenError):
    """A template or output problem: missing template, undefined variable, file exists."""


class OutputError(RenderError):
    """A file docgen cannot or must not write: exists (no ``--force``), is an input of the same
    command, no permission, read-only file system, disk full, name too long (:mod:`docgen.output`)."""


class UsageError(DocgenError):
    """Bad command-line usage that click itself cannot catch."""
