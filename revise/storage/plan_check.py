"""Whether what an import worked out before taking the write lock still holds under it.

An import matches a file's notes with the stored ones, and reads a table (or a large Anki package)
through, before it takes the collection's write lock (storage/merge.py's plans): other windows'
and other computers' answers do not wait while it reads. Under the lock it tells whether anything
the plans read changed meanwhile; if so, they are worked out again there.

- SQLite: the plans are read in one read transaction, and a number that changes whenever another
  connection commits (`PRAGMA data_version`) is read on the same connection then, and again
  under the lock (merge.writes_seen).
- PostgreSQL: the plans are read in one REPEATABLE READ snapshot, and the server works out a
  digest of what they read: the rows of the decks they store into, those decks' notes, and the
  notes deleted from them in the app. Under the import lock, the notes the plans write and the
  decks' rows are locked first (an edit or a deletion made in the app meanwhile waits for the
  import's commit instead of being written over), then the digest is worked out again. Cards and
  reviews are not in it: the plans do not read them; an import reads them as it writes them,
  under the lock, and studying goes on meanwhile. The rest of a file a plan stopped reading is
  read under the lock, which locks its notes and decks as it meets them (storage/merge.py).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

from sqlalchemy import Connection

from revise.storage.merge import KEYS_PER_LOOKUP, DeckPlan, TablePlan, writes_seen

_SERVER = "postgresql"


def begin_plans(connection: Connection) -> None:
    """Make the transaction just begun on `connection` one snapshot the plans read from
    (PostgreSQL: REPEATABLE READ, and read only: a plan writes nothing). SQLite's read
    transactions are snapshots already."""
    if connection.dialect.name == _SERVER:
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")


def planned_decks(names: Sequence[str], tables: Sequence[TablePlan | None]) -> list[str]:
    """The names of the decks the plans store into: the decks read whole, and those of the
    tables met so far (an unfinished table's later decks are read under the lock)."""
    found = dict.fromkeys(names)
    for plan in tables:
        if plan is not None:
            found.update(dict.fromkeys(deck.info.name for deck in plan.decks))
    return list(found)


def seen(connection: Connection, decks: Sequence[str]) -> Hashable:
    """What the plans read, as something to compare under the lock (in the plans' transaction)."""
    if connection.dialect.name != _SERVER:
        return writes_seen(connection)
    return _digest(connection, decks)


def still_holds(
    connection: Connection,
    planned: Hashable,
    decks: Sequence[str],
    plans: Sequence[DeckPlan],
    tables: Sequence[TablePlan | None],
) -> bool:
    """Whether nothing the plans read changed since `planned` was seen (in the write
    transaction, the import lock held). On PostgreSQL, what the plans write is locked first:
    it stays as checked until the import commits."""
    if connection.dialect.name != _SERVER:
        return writes_seen(connection) == planned
    ids = sorted(
        {note_id for plan in plans for note_id in plan.written_ids()}.union(
            note_id for plan in tables if plan is not None for note_id in plan.written_ids()
        )
    )
    for start in range(0, len(ids), KEYS_PER_LOOKUP * 20):
        connection.exec_driver_sql(
            "SELECT 1 FROM notes WHERE id = ANY(%s) FOR UPDATE",
            (ids[start : start + KEYS_PER_LOOKUP * 20],),
        )
    connection.exec_driver_sql(
        "SELECT 1 FROM decks WHERE name = ANY(%s) ORDER BY id FOR UPDATE", (list(decks),)
    )
    return _digest(connection, decks) == planned


# Each part: how many rows, and the sum of a 64-bit hash of each whole row (any column changed,
# a row added or gone changes it), worked out on the server: nothing is sent but the sums.
_DIGEST = """
WITH planned AS (SELECT id FROM decks WHERE name = ANY(%(decks)s))
SELECT
    (SELECT count(*) || ' ' || coalesce(sum(hashtextextended(d::text, 0)), 0)
        FROM decks d WHERE d.id IN (SELECT id FROM planned)),
    (SELECT count(*) || ' ' || coalesce(sum(hashtextextended(n::text, 0)), 0)
        FROM notes n WHERE n.deck_id IN (SELECT id FROM planned)),
    (SELECT count(*) || ' ' || coalesce(sum(hashtextextended(x::text, 0)), 0)
        FROM deleted_notes x WHERE x.deck_id IN (SELECT id FROM planned))
"""


def _digest(connection: Connection, decks: Sequence[str]) -> tuple[str, ...]:
    row = connection.exec_driver_sql(_DIGEST, {"decks": list(decks)}).one()
    return tuple(row)
