"""Errors that reach the user as one line: what went wrong, where, and what to do."""

from __future__ import annotations


class ReviseError(Exception):
    """A problem the user can act on; its text is shown as it is, without a traceback."""


class FormatError(ReviseError):
    """A file that cannot be read as a deck or notes: `path:line: what is wrong`."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


class ColumnsUnclear(FormatError):
    """A table whose columns cannot be told apart: the user names them (`front,back,tags`)."""

    def __init__(
        self, path: str, why: str, example: str, roles: str, sample: tuple[str, ...] = ()
    ) -> None:
        self.why = why
        self.example = example
        self.roles = roles
        self.sample = sample  # the first row's cells, to show what each column holds
        super().__init__(
            path,
            None,
            f"cannot tell which column is the front: {why}; choose with --columns, "
            f"e.g. --columns {example} (roles: {roles}) or --columns front=2,back=3",
        )
