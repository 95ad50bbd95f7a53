"""Rows of tables that rarely change (deck names, the options set on decks), read by the study
loop for every card, kept on a SQLite connection while nothing else has written to the file.

SQLite's `PRAGMA data_version` changes for a connection whenever another connection commits to
the file: another window, an import, or this collection's own edits, which run on other
connections than the study loop's kept one (storage/engine.py's `KeptConnection`). That
connection commits only answers, which write neither table. So one PRAGMA, run once in each of
the loop's transactions or read blocks (the first time a kept table is asked for), stands for
reading those tables again. The rows are kept in the connection's `info`, which belongs to the
driver's connection: a new connection starts with none.

The count of answers logged since the study day began is kept the same way, and counted up by
one for each answer the kept connection commits (`answer_logged`): those are the only rows it
adds, and another connection's show in data_version.

On PostgreSQL the statements run each time, in the round trip they are sent in anyway.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy import Connection

from revise.storage.prepared import Prepared, Row, all_rows, execute

_KEPT = "unchanged_rows"  # connection.info: {"version": data_version, Prepared: rows}
_CHECKED = "unchanged_checked"  # connection.info, in a kept block: data_version checked in it
_MISSING = object()
T = TypeVar("T")
_LOGGED_SINCE = "logged since"  # the key of a kept count of answers, with its statement and start


def block_begins(connection: Connection) -> None:
    """One of the study loop's blocks on the kept connection begins (SQLite): the first table
    asked for in it checks whether another connection wrote to the file since."""
    connection.info[_CHECKED] = False


def block_ends(connection: Connection) -> None:
    connection.info.pop(_CHECKED, None)


def forget(connection: Connection) -> None:
    """The connection stops being the study loop's: what it kept goes (its own commits, made
    for anything else, would not change its data_version)."""
    connection.info.pop(_KEPT, None)
    connection.info.pop(_CHECKED, None)


class Asked:
    """A kept table's rows, or the statement sent to read them (in a `together` block)."""

    __slots__ = ("_cursor", "_keep_in", "_prepared", "_rows")

    def __init__(
        self,
        prepared: Hashable,  # what the rows are kept under: the statement (and its values)
        rows: list[Row] | None,
        cursor: Any = None,
        keep_in: dict[object, Any] | None = None,
    ) -> None:
        self._prepared = prepared
        self._rows = rows
        self._cursor = cursor
        self._keep_in = keep_in  # what is kept for the data_version the rows were read at

    def rows(self) -> list[Row]:
        if self._rows is None:
            self._rows = all_rows(self._cursor)
            if self._keep_in is not None:
                self._keep_in[self._prepared] = self._rows
        return self._rows

    def derived(self, key: Hashable, work: Callable[[list[Row]], T]) -> T:
        """`work(rows)`, kept with the rows under `key` (which names everything else `work`
        depends on): worked out again only when the rows are read again."""
        if self._keep_in is None:
            return work(self.rows())
        kept = self._keep_in.get((self._prepared, key), _MISSING)
        if kept is _MISSING:
            kept = self._keep_in[(self._prepared, key)] = work(self.rows())
        return kept  # type: ignore[return-value]


def ask(connection: Connection, prepared: Prepared) -> Asked:
    """The rows of `prepared` (a statement without values, of tables the study loop never
    writes), kept from an earlier read if nothing else has written to the file since; read
    each time outside the study loop's blocks and on PostgreSQL."""
    return _ask(connection, prepared, {}, prepared)


def logged_since(connection: Connection, counting: Prepared, start_ms: int) -> Asked:
    """The number of answers logged since `start_ms`, as `counting` (a count of the reviews
    logged at or after its value `start`) gives it in one row: kept as `ask` keeps rows, and
    counted up by `answer_logged`."""
    key = (_LOGGED_SINCE, counting, start_ms)
    return _ask(connection, counting, {"start": start_ms}, key)


def answer_logged(connection: Connection, reviewed_at_ms: int) -> None:
    """The kept connection has just committed one answer logged at `reviewed_at_ms`: the counts
    it falls in are counted up (in a block that has not checked data_version, which they were
    kept for, they are dropped instead)."""
    info = connection.info
    kept = info.get(_KEPT)
    if kept is None or _CHECKED not in info:
        return
    for key in [key for key in kept if isinstance(key, tuple) and key[0] == _LOGGED_SINCE]:
        if not info[_CHECKED]:
            del kept[key]
        elif key[2] <= reviewed_at_ms:
            kept[key] = [(kept[key][0][0] + 1,)]


def _ask(
    connection: Connection, prepared: Prepared, values: dict[str, Any], key: Hashable
) -> Asked:
    info = connection.info
    if connection.dialect.name != "sqlite" or _CHECKED not in info:  # not in a kept block
        return Asked(key, None, execute(connection, prepared, values))
    kept = info.get(_KEPT)
    if not info[_CHECKED]:
        version = _data_version(connection)
        if kept is None or kept["version"] != version:
            kept = info[_KEPT] = {"version": version}
        info[_CHECKED] = True
    assert kept is not None
    rows = kept.get(key)
    if rows is not None:
        return Asked(key, rows, keep_in=kept)
    return Asked(key, None, execute(connection, prepared, values), kept)


def _data_version(connection: Connection) -> int:
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute("PRAGMA data_version").fetchone()[0]
    finally:
        cursor.close()
