"""The exceptions the core raises. The CLI maps each class to an exit code in one place.

Messages are written for the person at the terminal: they name the file and, where the fix
is known, carry a `hint`.
"""

from __future__ import annotations


class NewsArchiveError(Exception):
    """Base class: a failure with a message a person can act on."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ArchiveError(NewsArchiveError):
    """The archive cannot be read or written (corrupt, locked, read-only, disk full).

    Raised before anything was changed: the archive on disk is as it was.
    """


class ArchiveBusyError(ArchiveError):
    """Another process held the archive's lock for longer than we were willing to wait."""


class SegmentMissingError(ArchiveError):
    """A segment file the archive file names is gone (retired by a writer meanwhile, or lost)."""


class NotFoundError(NewsArchiveError):
    """An article id (or id prefix) matches nothing in the archive."""


class AmbiguousIdError(NewsArchiveError):
    """An id prefix matches more than one article."""


class BadInputError(NewsArchiveError):
    """An input file (or one record inside it) cannot be imported.

    `path` names the file; `line` or `offset` the place inside it, where known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        offset: int | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message, hint=hint)
        self.path = path
        self.line = line
        self.offset = offset

    def __str__(self) -> str:
        where = self.path or ""
        if self.line is not None:
            where += f":{self.line}"
        elif self.offset is not None:
            where += f" (offset {self.offset})"
        return f"{where}: {self.message}" if where else self.message


class ValidationError(NewsArchiveError):
    """A record breaks the article contract (missing title, malformed date...)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class QueryError(NewsArchiveError):
    """A search query cannot be parsed; `position` is the 0-based character offset."""

    def __init__(self, message: str, *, query: str = "", position: int | None = None) -> None:
        super().__init__(message)
        self.query = query
        self.position = position
