"""Statements of the study loop, run straight on the database driver.

They are built with SQLAlchemy Core from the models (the schema's single definition), compiled
once per database dialect, and then executed on the connection's driver cursor inside the
transaction SQLAlchemy opened. For the loop's short statements SQLAlchemy's execution path
(events, result objects, type processing) costs several times the query itself; here a statement
costs about what the driver charges. Values are passed and returned as the database stores them:
times are UTC epoch milliseconds (see `models.to_ms` and `models.from_ms`).

Driver errors are raised as SQLAlchemy's `DBAPIError`, as an ordinary execution raises them, so
"database is locked" and a dropped server connection are handled the same way everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Connection, Dialect, literal_column
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import Executable

Row = tuple[Any, ...]


class Prepared:
    """One Core statement, compiled the first time it runs on each dialect."""

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._compiled: dict[str, _Compiled] = {}

    def sql(self, dialect: Dialect) -> _Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            order = tuple(compiled.positiontup or ()) if compiled.positional else None
            found = _Compiled(
                str(compiled),
                None if order is None else _in_order(order),
                # Values the statement holds itself (constants such as a state number).
                {
                    name: value
                    for name, value in compiled.construct_params(_check=False).items()
                    if value is not None
                },
            )
            self._compiled[dialect.name] = found
        return found


@dataclass(frozen=True)
class _Compiled:
    sql: str
    # A positional driver's (SQLite's `?`) values in the statement's order, from the named ones.
    in_order: Callable[[Mapping[str, Any]], tuple[Any, ...]] | None
    constants: dict[str, Any]

    def parameters(self, values: Mapping[str, Any]) -> Sequence[Any] | Mapping[str, Any]:
        if self.constants:
            values = {**self.constants, **values}
        return values if self.in_order is None else self.in_order(values)


def _in_order(names: tuple[str, ...]) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    """The values of `names` in that order, as a tuple (one call in C for the study loop's
    long INSERT, instead of a Python step per value)."""
    if len(names) > 1:
        return itemgetter(*names)
    return lambda values: tuple(values[name] for name in names)


class PreparedFamily:
    """Statements that differ by a few literal values (deck ids): each variant prepared once,
    the most recently used kept."""

    def __init__(self, build: Callable[..., Executable], keep: int = 32) -> None:
        self._build = build
        self._keep = keep
        self._variants: dict[Hashable, Prepared] = {}

    def __call__(self, *key: Hashable) -> Prepared:
        prepared = self._variants.pop(key, None)
        if prepared is None:
            prepared = Prepared(self._build(*key))
            if len(self._variants) >= self._keep:
                del self._variants[next(iter(self._variants))]
        self._variants[key] = prepared
        return prepared


def one_of(column: ColumnElement[int], values: Iterable[int]) -> ColumnElement[bool]:
    """`column IN (...)` with the integers written into the statement (a prepared statement
    has no list parameters)."""
    return column.in_([literal_column(str(int(value))) for value in values])


def execute(connection: Connection, prepared: Prepared, values: Mapping[str, Any]) -> Any:
    """Run `prepared` in the connection's transaction; returns the driver's cursor."""
    dialect = connection.dialect
    compiled = prepared.sql(dialect)
    sql = compiled.sql
    parameters = compiled.parameters(values)
    # The pool's proxy holds the driver's connection as an attribute (`driver_connection` is
    # the same object, reached through two more calls on every statement).
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, parameters)
    except dialect.loaded_dbapi.Error as error:
        cursor.close()
        raise DBAPIError.instance(
            sql, parameters, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error
    return cursor


def pipelined(connection: Connection) -> bool:
    """Whether statements run in a `together` block are sent in one go, their rows read after
    the block (PostgreSQL), or run as they come (SQLite)."""
    return connection.dialect.name == "postgresql"


_AS_THEY_COME = nullcontext()


def together(connection: Connection) -> AbstractContextManager[None]:
    """Send the statements run inside to the server in one go (PostgreSQL's pipeline mode: one
    round trip for all of them); SQLite runs them as they come (a context that does nothing,
    made once: a generator's context costs more than the statements' Python on SQLite). Read
    their rows after the block."""
    if not pipelined(connection):
        return _AS_THEY_COME
    return _pipeline(connection)


@contextmanager
def _pipeline(connection: Connection) -> Iterator[None]:
    dialect = connection.dialect
    driver = connection.connection.driver_connection
    try:
        with driver.pipeline():  # type: ignore[union-attr]
            yield
    except dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            "(statements sent together)", None, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error


def begin(connection: Connection) -> None:
    """Begin the transaction of a `writing(begun_by_caller=True)` block: on PostgreSQL a BEGIN
    sent with the statements that follow it in a `together` block; SQLite's has begun."""
    if pipelined(connection):
        _run_on_driver(connection, "BEGIN")


def commit(connection: Connection) -> None:
    """Commit the connection's transaction here. In a `together` block on PostgreSQL the COMMIT
    goes with the block's statements and its outcome is read with their rows, in order: a
    statement sent after it runs once the transaction is durable. The caller's own commit then
    finds nothing left to do."""
    _run_on_driver(connection, "COMMIT")


def _run_on_driver(connection: Connection, statement: str) -> None:
    dialect = connection.dialect
    driver = connection.connection.dbapi_connection
    try:
        driver.cursor().execute(statement)  # type: ignore[union-attr]
    except dialect.loaded_dbapi.Error as error:
        raise DBAPIError.instance(
            statement, None, error, dialect.loaded_dbapi.Error, dialect=dialect
        ) from error


def first_row(cursor: Any) -> Row | None:
    """The first row of a statement's cursor, or None; the cursor is closed."""
    try:
        return cursor.fetchone()
    finally:
        cursor.close()


def one(connection: Connection, prepared: Prepared, values: Mapping[str, Any]) -> Row | None:
    """The first row, or None."""
    return first_row(execute(connection, prepared, values))


def all_rows(cursor: Any) -> list[Row]:
    """Every row of a statement's cursor; the cursor is closed."""
    try:
        return cursor.fetchall()
    finally:
        cursor.close()


def rows(connection: Connection, prepared: Prepared, values: Mapping[str, Any]) -> list[Row]:
    return all_rows(execute(connection, prepared, values))


def run(connection: Connection, prepared: Prepared, values: Mapping[str, Any]) -> None:
    execute(connection, prepared, values).close()
