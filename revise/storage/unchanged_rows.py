"""Whether a table (or a large Anki package) is, row for row, what its decks hold: the first
thing a re-import of such a file works out, as most re-imports are of a file as it was.

A row is its stored note when the note's origin is the row's (it was stored from that very row,
read the same way), it sits at the row's place, and nothing changed it since: an edit in the app
sets `edited_at`, and any other change of its text in the app forgets its origin. So the rows
are compared, in order, with each deck's notes in order of place (those gone from the file
before left out: they stay as they are); a deck that has a note no row is, that a deletion in
the app keeps out, or that the table would describe otherwise, is a difference. So is a table
that cannot be read: reading it note by note says why.

The statements are plain SQL run through `Query`, so that the same comparison serves the usual
import (storage/merge.py, through SQLAlchemy) and the command line's check of an unchanged file
with Python's sqlite3 alone (storage/quick_import.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from revise.errors import FormatError
from revise.formats.model import DeckData
from revise.storage.bulk import ROWS_PER_CALL
from revise.storage.import_report import DeckReport

STEPS_PER_ROW = 2  # progress: each row of a table is read, then written (or found unchanged)

# Runs a statement (`?` marks its values) and gives its rows, streamed where the driver can; what
# it returns is closed (if it can be) once read far enough.
Query = Callable[[str, tuple[Any, ...]], Iterable[tuple[Any, ...]]]
Origins = Iterator[tuple[str, str]]  # a table's rows as (deck name, origin), in order
DeckInfo = Callable[[str], DeckData]  # a deck's name and description as the file gives them
Advance = Callable[[int], None]

_AS_PLACED = (  # a deck's notes in the file's order: what the rows are compared with
    "SELECT origin, position, edited_at FROM notes WHERE deck_id = ? AND NOT missing"
    " ORDER BY position, id"
)
_DELETED_STORED = (  # a note deleted in the app that is stored again (kept out of an import)
    "SELECT 1 FROM deleted_notes AS d JOIN notes AS n ON n.deck_id = d.deck_id AND n.key = d.key"
    " WHERE d.deck_id = ? LIMIT 1"
)


@dataclass
class UnchangedDeck:
    """A deck the table is, row for row: its id, what the file says of it, and its report (every
    note unchanged)."""

    deck_id: int
    info: DeckData
    report: DeckReport


def deck_values(deck: DeckData) -> dict[str, str]:
    """The deck's columns an import sets."""
    values = {
        "description": deck.description,
        "tags": " ".join(deck.tags),
    }
    if deck.source is not None:  # a file that cannot tell (an Anki package) keeps the source
        values["source"] = deck.source
    if deck.file is not None:
        values["file"] = deck.file
    return values


def unchanged_decks(
    query: Query,
    origins: Origins,
    deck_info: DeckInfo,
    advance: Advance | None = None,
) -> dict[str, UnchangedDeck] | None:
    """The decks of a table that is, row for row, what its decks hold (each with a report saying
    every note unchanged); None, having read no further than the first difference, for any other
    table, to be matched note by note. `origins` is closed (if it can be) either way."""
    decks: dict[str, UnchangedDeck] = {}
    stored: dict[str, Iterator[tuple[str | None, int]]] = {}
    results: list[Iterable[tuple[Any, ...]]] = []
    told = 0
    try:
        for name, origin in origins:
            placed = stored.get(name)
            if placed is None:
                info = deck_info(name)
                found = _placed_notes(query, info)
                if found is None:
                    break
                result, deck_id = found
                results.append(result)
                placed = stored[name] = (
                    (origin, position) if edited is None else (None, -1)  # edited: not as read
                    for origin, position, edited in result
                )
                decks[name] = UnchangedDeck(deck_id, info, DeckReport(name))
            report = decks[name].report
            if next(placed, None) != (origin, report.unchanged):
                break
            report.unchanged += 1
            if advance and report.unchanged % ROWS_PER_CALL == 0:
                told += STEPS_PER_ROW * ROWS_PER_CALL
                advance(STEPS_PER_ROW * ROWS_PER_CALL)
        else:
            if decks and all(next(placed, None) is None for placed in stored.values()):
                return decks
    except FormatError:
        pass
    finally:
        for result in results:
            _close(result)
        _close(origins)
    if advance and told:
        advance(-told)  # read again note by note: told as they are
    return None


def _placed_notes(query: Query, info: DeckData) -> tuple[Iterable[tuple[Any, ...]], int] | None:
    """The deck's notes not missing, in order of place, as (origin, position, edited_at), and
    the deck's id; None if the deck is not as storing a table of its notes would leave it."""
    values = deck_values(info)
    columns = "".join(f", {column}" for column in values)  # names of columns, never user text
    found = _first(query(f"SELECT id{columns} FROM decks WHERE name = ?", (info.name,)))
    if found is None or tuple(found[1:]) != tuple(values.values()):
        return None
    deck_id = found[0]
    if _first(query(_DELETED_STORED, (deck_id,))) is not None:
        return None
    return query(_AS_PLACED, (deck_id,)), deck_id


def _first(rows: Iterable[tuple[Any, ...]]) -> tuple[Any, ...] | None:
    try:
        return next(iter(rows), None)
    finally:
        _close(rows)


def _close(thing: object) -> None:
    close = getattr(thing, "close", None)
    if close is not None:
        close()
