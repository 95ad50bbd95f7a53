"""A collection another window is writing to: waiting for it is a state, not a crash.

SQLite lets one connection write at a time; the others wait up to the busy timeout and then fail
with "database is locked". That failure reaches callers as `CollectionBusy`, a one-line error; a
caller that can wait (an answer, an import) says so and tries again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

from revise.errors import ReviseError

WAITING = "waiting: another window or an import is writing…"
_BUSY_WORDS = ("database is locked", "database is busy", "database table is locked")

T = TypeVar("T")


class CollectionBusy(ReviseError):
    """Another window or an import held the write lock for longer than the busy timeout."""

    def __init__(self) -> None:
        super().__init__(
            "the collection is busy: another window or an import is writing to it "
            "(try again when it has finished)"
        )


def is_busy(error: BaseException) -> bool:
    original = getattr(error, "orig", error)
    return any(words in str(original).lower() for words in _BUSY_WORDS)


@contextmanager
def busy_is_an_error() -> Iterator[None]:
    """Turn the driver's "database is locked" into `CollectionBusy`."""
    # Imported here: the study screen uses this module before SQLAlchemy is loaded.
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as error:
        if is_busy(error):
            raise CollectionBusy() from None
        raise


def until_free(action: Callable[[], T], on_wait: Callable[[], None] | None) -> T:
    """Run `action`; while the collection is busy, tell `on_wait` and try again.

    Without `on_wait` the caller is not waiting: `CollectionBusy` is raised. Each try already
    waited the busy timeout, so this does not spin.
    """
    while True:
        try:
            return action()
        except CollectionBusy:
            if on_wait is None:
                raise
            on_wait()
