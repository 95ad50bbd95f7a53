"""Writing many rows at once: plain `executemany` through the driver, and row ids taken up front.

An import writes hundreds of thousands of rows inside the write lock. SQLAlchemy's per-row work
(binding each value through its type, RETURNING the new ids batch by batch) costs more than the
database's own; here the rows are tuples the driver takes as they are, so callers pass times
already in the stored form (`models.to_ms`). The new rows' ids are taken before they are written
(SQLite: past the largest, under the write lock; PostgreSQL: from the table's own sequence), so
rows that refer to them are built without reading anything back.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # gc_paused and ROWS_PER_CALL serve an import without SQLAlchemy too
    from sqlalchemy import Connection, Table

ROWS_PER_CALL = 20_000  # rows handed to the driver at once: its working memory stays small


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> int:
    """Insert `rows` (tuples of values for `columns`, in order); returns how many."""
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join([marker] * len(columns))})"
    )
    count = 0
    batch: list[Sequence[object]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == ROWS_PER_CALL:
            connection.exec_driver_sql(statement, batch)
            count += len(batch)
            batch = []
    if batch:
        connection.exec_driver_sql(statement, batch)
        count += len(batch)
    return count


def update_rows(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    where: str,
    rows: Sequence[Sequence[object]],
    *,
    unless_newer: str | None = None,
) -> None:
    """Set `columns` of the rows whose `where` column has the value last in each tuple. With
    `unless_newer`, that value is next to last, and the last one a value the `unless_newer`
    column must be below (or NULL) for the row to be set: a row another connection set later
    meanwhile (a card answered on another computer) is left as it is, the condition being
    checked again on the row as it is once that connection commits."""
    if not rows:
        return
    quote = connection.dialect.identifier_preparer.quote
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    assignments = ", ".join(f"{quote(name)} = {marker}" for name in columns)
    statement = f"UPDATE {quote(table.name)} SET {assignments} WHERE {quote(where)} = {marker}"
    if unless_newer is not None:
        statement += f" AND ({quote(unless_newer)} IS NULL OR {quote(unless_newer)} < {marker})"
    for start in range(0, len(rows), ROWS_PER_CALL):
        connection.exec_driver_sql(statement, list(rows[start : start + ROWS_PER_CALL]))


def new_ids(connection: Connection, table: Table, count: int) -> list[int]:
    """`count` ids no row of `table` has, for rows this transaction is about to insert.

    On SQLite the caller holds the write lock, so the ids past the largest stay free; on
    PostgreSQL they come from the id column's sequence, as the database's own default would.
    """
    if count <= 0:
        return []
    quote = connection.dialect.identifier_preparer.quote
    if connection.dialect.name == "postgresql":
        rows = connection.exec_driver_sql(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            (table.name, count),
        )
        return [row[0] for row in rows]
    largest = connection.exec_driver_sql(f"SELECT max(id) FROM {quote(table.name)}").scalar()
    first = (largest or 0) + 1
    return list(range(first, first + count))


_pauses = 0
_pauses_lock = threading.Lock()
_collecting = True  # whether the collector ran before the first pause


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold Python's cycle collector while a file is read and stored.

    An import makes hundreds of thousands of objects that live until it ends; the collector,
    started by every few hundred new objects, would walk all of them again and again (half the
    time of reading a large Anki package). Memory is still freed as usual when objects are let go;
    cycles wait for the end. Pauses may nest and overlap (a window importing while another
    thread does): the collector runs again once the last one ends.
    """
    global _pauses, _collecting
    with _pauses_lock:
        if _pauses == 0:
            _collecting = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _collecting:
                gc.enable()
