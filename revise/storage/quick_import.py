"""A first import into a SQLite file, with Python's sqlite3 alone: `revise import` of decks the
collection does not have yet writes their rows without loading SQLAlchemy or the models (about
half of such an import's time went to loading them).

A deck new to the collection is only new notes and their cards: the rows the usual import writes
for them (revise/storage/note_rows.py, the same code), in the same order, with the same ids
(each table's largest id plus one, under the write lock), in one transaction committed with a
sync to disk. A new file is given the schema `create_at_head` gives it, from
revise/storage/sqlite_schema.py (written from the models; a test keeps them equal), in the same
transaction. tests/test_quick_import.py holds the two imports to the same rows.

A re-import of tables (and large Anki packages) that are, row for row, what their decks hold is
told so the same way, in one read transaction (`unchanged_reimport`): it writes nothing, so the
usual path, which loads SQLAlchemy only to find that out, is not needed either.

Anything else returns None having written nothing, and the caller takes the usual path: a deck
the collection has already (matching, re-importing), notes carrying reviews or media (Anki
packages), a file at another schema (upgraded after a backup first), a collection busy in
another window (the usual path says so and waits), or a file that is not a revise collection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from revise.formats.model import DeckData, NoteData, NoteKind, RowSource, card_faces
from revise.storage import sqlite_schema
from revise.storage.bulk import ROWS_PER_CALL, gc_paused
from revise.storage.diagnose import is_read_only, remove_if_empty
from revise.storage.import_report import DeckReport, ImportReport
from revise.storage.note_rows import CARD_COLUMNS, NEW_CARD, NOTE_COLUMNS, note_row, unique_notes
from revise.storage.unchanged_rows import Advance, unchanged_decks
from revise.storage.values import SCHEMA_HEAD, SQLITE_DURABILITY, to_ms

# The settings every connection to a collection has (revise/storage/engine.py), but a write lock
# that is not waited for: a collection busy in another window is the usual path's to wait for.
_SETTINGS = ("PRAGMA busy_timeout = 0", *SQLITE_DURABILITY)
_INSERT_DECK = (
    "INSERT INTO decks (name, created_at, description, tags, source, file)"
    " VALUES (?, ?, ?, ?, ?, ?)"
)


def applies_to(decks: Sequence[DeckData]) -> bool:
    """Whether these decks, read from files, are only notes and cards (no reviews, no media,
    nothing read from a package before) with a deck name each of their own."""
    names = [deck.name for deck in decks]
    return len(set(names)) == len(names) and all(
        not deck.media and all(_plain(note) for note in deck.notes) for deck in decks
    )


def _plain(note: NoteData) -> bool:
    return not note.history and note.origin is None and not note.as_imported


def import_new_decks(path: Path, decks: list[DeckData], now: datetime) -> ImportReport | None:
    """Store `decks`, none of which the collection at `path` has, as `Collection.import_decks`
    would store them at `now`; None (nothing written) where the usual path is needed."""
    if not decks or not applies_to(decks):
        return None
    new_file = not path.exists()
    if new_file:
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with gc_paused(), closing(sqlite3.connect(path, isolation_level=None)) as db:
            for setting in _SETTINGS:
                db.execute(setting)
            db.execute("BEGIN IMMEDIATE")
            try:
                report = _store(db, decks, to_ms(now))
                if report is None:
                    db.execute("ROLLBACK")
                else:
                    db.execute("COMMIT")
                return report
            except BaseException:
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
                raise
    except sqlite3.Error:  # busy, read-only, not a collection: the usual path explains or waits
        if new_file:
            remove_if_empty(path)
        return None


@dataclass
class Compared:
    """What `unchanged_reimport` found: the report, if every source is what its decks hold;
    else the source found to differ, if it came to one (the usual path need not compare it
    again: it matches its notes one by one at once)."""

    report: ImportReport | None = None
    differs: RowSource | None = None


def unchanged_reimport(
    path: Path,
    sources: Sequence[RowSource],
    advance: Advance | None = None,
    *,
    by_name: Collection[RowSource] = (),
) -> Compared:
    """The report of importing `sources` (tables, large Anki packages) into the collection at
    `path` when each is, row for row, what its decks hold (storage/unchanged_rows.py): every
    note unchanged, nothing to write, as `Collection.import_decks` finds it. No report where
    the usual path is needed: a source that differs, or cannot tell its rows' origins; a file
    missing, read-only, at another schema or not a collection (the usual path explains). Read
    in one transaction, writing nothing; `advance` is told of the rows compared. The decks of
    the sources `by_name` (packages the usual path reads whole) are reported in order of name,
    as that reads them."""
    if not sources or not path.is_file() or is_read_only(path):
        return Compared()
    try:
        with gc_paused(), closing(sqlite3.connect(path, isolation_level=None)) as db:
            db.execute("PRAGMA busy_timeout = 0")  # busy: the usual path says so and waits
            db.execute("PRAGMA query_only = 1")
            db.execute("BEGIN")  # one snapshot for every source, as the usual path's plans
            try:
                if not _at_head(db, make=False):
                    return Compared()
                report = ImportReport()
                for source in sources:
                    origins = source.origins()
                    if origins is None:
                        return Compared()
                    decks = unchanged_decks(db.execute, origins, source.deck_info, advance)
                    if decks is None:
                        return Compared(differs=source)
                    reports = [deck.report for deck in decks.values()]
                    if source in by_name:
                        reports.sort(key=lambda report: report.name.casefold())
                    report.decks.extend(reports)
                return Compared(report)
            finally:
                db.execute("ROLLBACK")
    except sqlite3.Error:
        return Compared()


def _store(db: sqlite3.Connection, decks: list[DeckData], stamp: int) -> ImportReport | None:
    if not _at_head(db):
        return None
    names = [deck.name for deck in decks]
    marks = ", ".join("?" * len(names))
    if db.execute(f"SELECT 1 FROM decks WHERE name IN ({marks}) LIMIT 1", names).fetchone():
        return None
    report = ImportReport()
    for deck in decks:
        deck_report = DeckReport(deck.name)
        report.decks.append(deck_report)
        notes, keys = unique_notes(deck.notes, deck_report)
        deck_id = db.execute(_INSERT_DECK, _deck_row(deck, stamp)).lastrowid
        assert deck_id is not None
        rows = list(zip(range(len(notes)), notes, keys, strict=True))
        for start in range(0, len(rows), ROWS_PER_CALL):
            _add_batch(db, deck_id, rows[start : start + ROWS_PER_CALL], stamp)
        deck_report.added = len(notes)
        deck_report.changes.extend(("added", note) for note in notes)
    return report


def _at_head(db: sqlite3.Connection, *, make: bool = True) -> bool:
    """Whether the file is a collection at the current schema, made so now if it is empty (and
    `make`)."""
    if make and db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
        if sqlite_schema.HEAD != SCHEMA_HEAD:
            return False
        for statement in sqlite_schema.STATEMENTS:
            db.execute(statement)
        db.execute("INSERT INTO alembic_version (version_num) VALUES (?)", (SCHEMA_HEAD,))
        return True
    try:
        found = db.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.OperationalError:  # no such table: not made by revise
        return False
    return found == [(SCHEMA_HEAD,)]


def _deck_row(deck: DeckData, stamp: int) -> tuple[object, ...]:
    """As merge.py's `_deck_id` inserts a deck (a source or file not known is left NULL)."""
    return (deck.name, stamp, deck.description, " ".join(deck.tags), deck.source, deck.file)


def _add_batch(
    db: sqlite3.Connection, deck_id: int, rows: list[tuple[int, NoteData, str]], stamp: int
) -> None:
    """As merge.py's `_add_batch` for notes without reviews: the notes, then their cards."""
    note_ids = _new_ids(db, "notes", len(rows))
    _insert(
        db,
        "notes",
        NOTE_COLUMNS,
        (
            (note_id, deck_id, *note_row(note, key, position), stamp, stamp)
            for note_id, (position, note, key) in zip(note_ids, rows, strict=True)
        ),
    )
    cards = list(_cards(note_ids, rows))
    card_ids = _new_ids(db, "cards", len(cards))
    _insert(
        db,
        "cards",
        CARD_COLUMNS,
        (
            (card_id, note_id, deck_id, ordinal, position, *NEW_CARD, None, stamp)
            for card_id, (note_id, position, ordinal) in zip(card_ids, cards, strict=True)
        ),
    )


def _cards(note_ids: list[int], rows: list[tuple[int, NoteData, str]]) -> Iterator[tuple[int, ...]]:
    """(note id, position, ordinal) of each card the notes make, in order."""
    for note_id, (position, note, _) in zip(note_ids, rows, strict=True):
        if note.kind is NoteKind.BASIC:
            yield note_id, position, 0
            continue
        for face in card_faces(note):
            yield note_id, position, face.ordinal


def _new_ids(db: sqlite3.Connection, table: str, count: int) -> range:
    """Ids past the table's largest, free while the write lock is held (as bulk.new_ids)."""
    largest = db.execute(f"SELECT max(id) FROM {table}").fetchone()[0]
    return range((largest or 0) + 1, (largest or 0) + 1 + count)


def _insert(
    db: sqlite3.Connection, table: str, columns: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """Insert `rows`, tuples of values for `columns`."""
    names = ", ".join(f'"{name}"' for name in columns)
    marks = ", ".join("?" * len(columns))
    db.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)
