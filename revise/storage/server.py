"""A collection on a database server (PostgreSQL): what to tell the user when the server cannot be
reached, refuses them, or drops the connection, in one line that says what to do.
"""

from __future__ import annotations

import re

from sqlalchemy.engine import make_url

from revise.errors import ReviseError
from revise.storage.busy import CollectionBusy
from revise.textsafe import quoted

RECONNECT_PAUSE_S = 1.0  # between tries to write an answer while the server is unreachable


class Unreachable(ReviseError):
    """The server cannot be reached: down, a wrong host or port, or a network problem."""


class ConnectionLost(CollectionBusy):
    """The server went away during a write; the same write can be tried again."""

    def __init__(self, url: str) -> None:
        ReviseError.__init__(
            self,
            f"{shown(url)}: lost the connection to the database server "
            "(is it running? revise tries again)",
        )


def is_unreachable(problem: ReviseError) -> bool:
    return isinstance(problem, Unreachable | ConnectionLost)


def shown(url: str) -> str:
    """The URL as it may be printed: without its password."""
    return make_url(url).render_as_string(hide_password=True)


def explain(error: BaseException, url: str) -> ReviseError | None:
    """One line for a server failure a user can act on, or None when it is not one of those."""
    original = getattr(error, "orig", None) or error
    detail = str(original).strip()
    parsed = make_url(url)
    where = shown(url)
    server = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    if getattr(error, "connection_invalidated", False):
        return ConnectionLost(url)
    if "password authentication failed" in detail or "no password supplied" in detail:
        return ReviseError(
            f"{where}: the server refused the password of user {quoted(parsed.username)} "
            "(check the password in the URL or in ~/.pgpass)"
        )
    missing = re.search(r'(database|role) "([^"]+)" does not exist', detail)
    if missing and missing[1] == "database":
        return ReviseError(
            f"{where}: the server at {server} has no database {quoted(missing[2])} "
            f"(create it: createdb -h {parsed.host or 'localhost'} {missing[2]})"
        )
    if missing:
        return ReviseError(
            f"{where}: the server at {server} has no user {quoted(missing[2])} "
            "(create it: createuser, or put another user in the URL)"
        )
    if "failed to resolve host" in detail or "could not translate host name" in detail:
        return ReviseError(
            f"{where}: no computer named {quoted(parsed.host)} (check the URL's host)"
        )
    if (
        "Connection refused" in detail
        or "timeout expired" in detail
        or "No route to host" in detail
        or "server closed the connection" in detail
        or "the database system is" in detail  # starting up, shutting down
    ):
        return Unreachable(
            f"{where}: cannot reach the database server at {server} "
            "(is it running? start it, or check the URL's host and port)"
        )
    return None


def failure(error: BaseException, url: str) -> ReviseError:
    """Any other database error, in one line, without the URL's password."""
    original = getattr(error, "orig", None) or error
    detail = (str(original).strip().splitlines() or [type(original).__name__])[0]
    return ReviseError(f"{shown(url)}: database error ({detail})")
