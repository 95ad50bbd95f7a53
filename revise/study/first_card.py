"""The first card of a study session, and the deck list's counts, read with Python's sqlite3
before SQLAlchemy is imported.

`revise study` paints this card, and `revise` the deck list, while the collection (SQLAlchemy,
the models, the scheduler) opens in the background. The card is the one `Collection.next_card`
would give at the same moment (the queue's own order, revise/scheduling/order.py, plain SQL,
under the daily limits), the counts those of `Collection.overview` (queue.overview's statements
in plain SQL), and tests hold them equal. It only applies to a SQLite file already at the
current schema, read in one read transaction; anything else (a file to create or upgrade, a
server, a file that cannot be read this way) returns None and takes the usual path, which
upgrades with a backup before anything is shown.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from revise.config import Config
from revise.errors import ReviseError
from revise.scheduling import order
from revise.scheduling.day import day_bounds
from revise.scheduling.limits import DailyLimits
from revise.scheduling.states import LEARN_AHEAD, LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.values import NOT_SUSPENDED, SCHEMA_HEAD, SUSPENDED_CARDS, to_ms
from revise.study.cards import DeckCounts, Progress, StudyCard, study_card
from revise.textsafe import quoted

_DONE_TODAY = (
    f"SELECT +cards.deck_id, count(*) FILTER (WHERE reviews.state_before = {NEW}),"
    f" count(*) FILTER (WHERE reviews.state_before = {REVIEW})"
    " FROM reviews JOIN cards ON cards.id = reviews.card_id"
    " WHERE reviews.reviewed_at >= :start AND reviews.origin = 'revise'"
    " GROUP BY +cards.deck_id"  # not walking every card by deck: see queue._DONE_TODAY
)
_LIMITS_SET = (
    "SELECT deck, new_per_day, reviews_per_day FROM deck_options"
    " WHERE new_per_day IS NOT NULL OR reviews_per_day IS NOT NULL"
)
# As queue._NEW_WAITING, _LEARNING_WAITING, _DUE_WAITING: what waits in one deck, new and due
# cards counted only as far as today's limits let the deck show them (:cap).
_WAITING_IN_DECK = (
    f"deck_id = :deck AND suspended = {NOT_SUSPENDED}"
    " AND (buried_until IS NULL OR buried_until <= :now)"
)
_NEW_WAITING = (
    f"SELECT count(*) FROM (SELECT id FROM cards WHERE {_WAITING_IN_DECK} AND state = {NEW}"
    " ORDER BY position, ordinal LIMIT :cap)"
)
_LEARNING_WAITING = (
    f"SELECT count(*) FROM cards WHERE {_WAITING_IN_DECK}"
    f" AND state IN ({LEARNING}, {RELEARNING}) AND due < :end"
)
_DUE_WAITING = (
    f"SELECT count(*) FROM (SELECT id FROM cards WHERE {_WAITING_IN_DECK} AND state = {REVIEW}"
    " AND due < :end ORDER BY due LIMIT :cap)"
)
_CARDS_PER_DECK = "SELECT deck_id, cards FROM deck_sizes"  # as queue._KEPT_PER_DECK
_SUSPENDED_PER_DECK = (  # from the partial index of suspended cards alone
    f"SELECT deck_id, count(*) FROM cards WHERE {SUSPENDED_CARDS} GROUP BY deck_id"
)
_ANSWERED_TODAY = (  # as Collection._done_today for every deck
    "SELECT count(*) FROM reviews JOIN cards ON cards.id = reviews.card_id"
    " WHERE reviews.reviewed_at >= :start AND reviews.origin = 'revise'"
)
_STUDY_CARD = (
    "SELECT cards.ordinal, cards.state, cards.reps, notes.kind, notes.front, notes.back,"
    " notes.context, notes.tags, notes.source, notes.media, decks.name"
    " FROM cards JOIN notes ON notes.id = cards.note_id JOIN decks ON decks.id = cards.deck_id"
    " WHERE cards.id = ?"
)


_Read = TypeVar("_Read")


@dataclass(frozen=True)
class FirstCard:
    """What the first frame of a session shows: a card, or None when nothing is due now."""

    card: StudyCard | None
    has_media: bool = False  # the collection holds pictures or sounds: prepare to draw them


@dataclass(frozen=True)
class FirstDeckList:
    """What the deck list's first frame shows: as `Collection.overview()` gives it."""

    decks: list[DeckCounts]
    totals: Progress
    has_media: bool = False  # as FirstCard's


def read_deck_list(path: Path, config: Config, now: datetime) -> FirstDeckList | None:
    """Every deck's counts at `now` and every deck's together, as `Collection.overview()` gives
    them, or None if the usual path must open the file (as `read_first_card`)."""
    return _reading(path, lambda connection: _read_deck_list(connection, config, now))


def read_first_card(
    path: Path, deck: str | None, config: Config, now: datetime
) -> FirstCard | None:
    """The next card of `deck` (None: all decks) at `now`, or None if the usual path must open
    the file (missing, not at the current schema, or not readable as a revise collection).

    A deck that does not exist is an error, as `revise study DECK` gives it.
    """
    return _reading(path, lambda connection: _read(connection, deck, config, now))


def _reading(path: Path, read: Callable[[sqlite3.Connection], _Read | None]) -> _Read | None:
    """`read` on the file in one read transaction; None where the usual path must open it."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error:
        return None
    try:
        connection.execute("BEGIN")  # one snapshot for every query
        if _schema_revision(connection) != SCHEMA_HEAD:
            return None
        return read(connection)
    except sqlite3.Error:
        return None  # the usual path opens it and says what is wrong, if anything
    finally:
        connection.close()


def _has_media(connection: sqlite3.Connection) -> bool:
    return connection.execute("SELECT 1 FROM media_files LIMIT 1").fetchone() is not None


def _read_deck_list(connection: sqlite3.Connection, config: Config, now: datetime) -> FirstDeckList:
    """As queue.overview and Collection.overview."""
    names = dict(connection.execute("SELECT id, name FROM decks"))
    start, end = day_bounds(now, config.day_starts_at)
    new_left, reviews_left = _limits_left(connection, names, config, start)
    moments = {"now": to_ms(now), "end": to_ms(end)}

    def count(query: str, deck_id: int, cap: int | None = None) -> int:
        if cap == 0:
            return 0  # the deck may show none today
        return connection.execute(query, {**moments, "deck": deck_id, "cap": cap}).fetchone()[0]

    waiting = {
        deck_id: (
            count(_NEW_WAITING, deck_id, new_left.for_deck(name)),
            count(_LEARNING_WAITING, deck_id),
            count(_DUE_WAITING, deck_id, reviews_left.for_deck(name)),
        )
        for deck_id, name in names.items()
    }
    sizes = dict(connection.execute(_CARDS_PER_DECK))
    for deck_id, suspended in connection.execute(_SUSPENDED_PER_DECK):
        sizes[deck_id] -= suspended
    decks = sorted(
        (
            DeckCounts(names[deck_id], *counts, sizes.get(deck_id, 0))
            for deck_id, counts in waiting.items()
        ),
        key=lambda deck: deck.name,
    )
    done = connection.execute(_ANSWERED_TODAY, {"start": to_ms(start)}).fetchone()[0]
    totals = Progress(
        done,
        new_left.total({names[d]: new for d, (new, _, _) in waiting.items()}),
        sum(learning for _, learning, _ in waiting.values()),
        reviews_left.total({names[d]: due for d, (_, _, due) in waiting.items()}),
    )
    return FirstDeckList(decks, totals, _has_media(connection))


def _read(
    connection: sqlite3.Connection, deck: str | None, config: Config, now: datetime
) -> FirstCard | None:
    names = dict(connection.execute("SELECT id, name FROM decks"))
    deck_ids = _deck_ids(connection, deck)
    if deck is not None and not deck_ids:
        raise ReviseError(f"no deck named {quoted(deck)} (see `revise decks`)")
    card_id = _next_card_id(connection, names, deck_ids, config, now)
    has_media = _has_media(connection)
    if card_id is None:
        return FirstCard(None, has_media)
    row = connection.execute(_STUDY_CARD, (card_id,)).fetchone()
    return FirstCard(study_card(card_id, *row), has_media)


def _limits_left(
    connection: sqlite3.Connection, names: dict[int, str], config: Config, start: datetime
) -> tuple[DailyLimits, DailyLimits]:
    """What is left of today's new and review limits, as queue.allowance."""
    done = connection.execute(_DONE_TODAY, {"start": to_ms(start)}).fetchall()
    set_on = connection.execute(_LIMITS_SET).fetchall()  # a row per deck with its own limits
    new_left = DailyLimits(
        config.new_per_day,
        config.collection_new_per_day,
        {names[deck_id]: new for deck_id, new, _ in done},
        {deck: new for deck, new, _ in set_on if new is not None},
    )
    reviews_left = DailyLimits(
        config.reviews_per_day,
        config.collection_reviews_per_day,
        {names[deck_id]: review for deck_id, _, review in done},
        {deck: review for deck, _, review in set_on if review is not None},
    )
    return new_left, reviews_left


def _schema_revision(connection: sqlite3.Connection) -> str | None:
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if has_table is None:
        return None
    row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return None if row is None else row[0]


def _deck_ids(connection: sqlite3.Connection, deck: str | None) -> list[int]:
    """As `revise.study.collection.in_deck`: the deck and its sub-decks (`deck::...`)."""
    if deck is None:
        return [deck_id for (deck_id,) in connection.execute("SELECT id FROM decks")]
    escaped = deck.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = connection.execute(
        "SELECT id FROM decks WHERE name = ? OR name LIKE ? ESCAPE '\\'", (deck, f"{escaped}::%")
    )
    return [deck_id for (deck_id,) in rows]


def _next_card_id(
    connection: sqlite3.Connection,
    names: dict[int, str],
    deck_ids: list[int],
    config: Config,
    now: datetime,
) -> int | None:
    """As `revise.scheduling.queue.next_card_id`."""
    if not deck_ids:
        return None
    start, end = day_bounds(now, config.day_starts_at)

    def first(kind: order.Kind, ids: list[int], **params: int) -> int | None:
        row = connection.execute(kind.first(ids), {"now": to_ms(now), **params}).fetchone()
        return None if row is None else row[0]

    card_id = first(order.LEARNING_DUE, deck_ids)
    if card_id is not None:
        return card_id
    new_left, reviews_left = _limits_left(connection, names, config, start)
    with_reviews = [d for d in deck_ids if reviews_left.for_deck(names[d]) > 0]
    if with_reviews:
        card_id = first(order.review_kind(config.review_order), with_reviews, end=to_ms(end))
        if card_id is not None:
            return card_id
    with_new = [d for d in deck_ids if new_left.for_deck(names[d]) > 0]
    if with_new:
        card_id = first(order.NEW_IN_DECK_ORDER, with_new)
        if card_id is not None:
            return card_id
    return first(order.LEARNING_AHEAD, deck_ids, ahead=to_ms(now + LEARN_AHEAD))
