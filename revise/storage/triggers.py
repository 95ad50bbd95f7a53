"""Triggers made with a new collection's tables, and by the migration that brought each in to a
collection made before it. A change to them comes with a migration of its own.

On SQLite a migration that rebuilds a table (Alembic's batch mode: a new table, the rows copied,
the old one dropped) drops the triggers on it with it. Every upgrade checks at its end that the
triggers the revisions it reached brought in are all there (`missing`, run by migrations/env.py),
and fails, changing nothing, if one is not; such a migration ends with `restore`.

- The study days a change to the review log touches, for the sums in `review_days` (see
  study/review_days.py; migration 0007).
- On SQLite, each deck's count of cards in `deck_sizes`, kept in the transaction of every card
  added, deleted (a deck or a note deleted with its cards too) or moved (models.DeckSize;
  migration 0017).
"""

from __future__ import annotations

import re
from collections.abc import Collection as Revisions

from sqlalchemy import Connection

# The first millisecond not yet summed: reviews before it are in review_days.
_BOUNDARY = "done_until * 86400000 + phase_ms"
_DAY = "({moment} - phase_ms) / 86400000"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER review_days_on_insert AFTER INSERT ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
        WHERE NEW.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_delete AFTER DELETE ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
        WHERE OLD.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_update AFTER UPDATE ON reviews BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
        WHERE OLD.reviewed_at < {_BOUNDARY};
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
        WHERE NEW.reviewed_at < {_BOUNDARY};
    END""",
    f"""CREATE TRIGGER review_days_on_card_moved AFTER UPDATE OF deck_id ON cards
    WHEN OLD.deck_id != NEW.deck_id BEGIN
        INSERT OR IGNORE INTO review_days_stale (day)
        SELECT DISTINCT {_DAY.format(moment="reviews.reviewed_at")}
        FROM reviews, review_days_state
        WHERE reviews.card_id = NEW.id AND reviews.reviewed_at < {_BOUNDARY};
    END""",
]

POSTGRESQL_TRIGGERS = [
    f"""CREATE OR REPLACE FUNCTION review_days_mark_review() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP <> 'INSERT' THEN
            INSERT INTO review_days_stale (day)
            SELECT {_DAY.format(moment="OLD.reviewed_at")} FROM review_days_state
            WHERE OLD.reviewed_at < {_BOUNDARY} ON CONFLICT DO NOTHING;
        END IF;
        IF TG_OP <> 'DELETE' THEN
            INSERT INTO review_days_stale (day)
            SELECT {_DAY.format(moment="NEW.reviewed_at")} FROM review_days_state
            WHERE NEW.reviewed_at < {_BOUNDARY} ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER review_days_on_change AFTER INSERT OR UPDATE OR DELETE ON reviews
    FOR EACH ROW EXECUTE PROCEDURE review_days_mark_review()""",
    f"""CREATE OR REPLACE FUNCTION review_days_mark_card() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        IF NEW.deck_id IS DISTINCT FROM OLD.deck_id THEN
            INSERT INTO review_days_stale (day)
            SELECT DISTINCT {_DAY.format(moment="reviews.reviewed_at")}
            FROM reviews, review_days_state
            WHERE reviews.card_id = NEW.id AND reviews.reviewed_at < {_BOUNDARY}
            ON CONFLICT DO NOTHING;
        END IF;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER review_days_on_card_moved AFTER UPDATE OF deck_id ON cards
    FOR EACH ROW EXECUTE PROCEDURE review_days_mark_card()""",
]


# Filled by the triggers below from the cards: a copy of a collection writes the cards, and the
# target counts them (revise/storage/copy.py).
KEPT_BY_TRIGGERS = frozenset({"deck_sizes"})

_ONE_MORE = (
    "INSERT INTO deck_sizes (deck_id, cards) VALUES (NEW.deck_id, 1)"
    " ON CONFLICT (deck_id) DO UPDATE SET cards = cards + 1;"
)
_ONE_FEWER = "UPDATE deck_sizes SET cards = cards - 1 WHERE deck_id = OLD.deck_id;"

SQLITE_DECK_SIZES = [
    f"""CREATE TRIGGER deck_sizes_on_card_added AFTER INSERT ON cards BEGIN
        {_ONE_MORE}
    END""",
    f"""CREATE TRIGGER deck_sizes_on_card_deleted AFTER DELETE ON cards BEGIN
        {_ONE_FEWER}
    END""",
    f"""CREATE TRIGGER deck_sizes_on_card_moved AFTER UPDATE OF deck_id ON cards
    WHEN OLD.deck_id != NEW.deck_id BEGIN
        {_ONE_FEWER}
        {_ONE_MORE}
    END""",
]


def create(connection: Connection) -> None:
    """Make the triggers, in the connection's transaction."""
    if connection.dialect.name == "postgresql":
        triggers = POSTGRESQL_TRIGGERS
    else:
        triggers = SQLITE_TRIGGERS + SQLITE_DECK_SIZES
    for statement in triggers:
        connection.exec_driver_sql(statement)


# Each migration that brought SQLite triggers in, and what it made (new ones: a new entry).
SQLITE_BROUGHT_IN = {
    "0007_review_days": SQLITE_TRIGGERS,
    "0017_deck_sizes": SQLITE_DECK_SIZES,
}


def name_of(statement: str) -> str:
    found = re.match(r"CREATE TRIGGER (\w+)", statement)
    assert found is not None, statement
    return found.group(1)


def expected_on_sqlite(revisions: Revisions[str]) -> dict[str, str]:
    """name -> statement of the triggers a SQLite collection holds once `revisions` (every
    revision from the first to its current one) have run."""
    return {
        name_of(statement): statement
        for revision, statements in SQLITE_BROUGHT_IN.items()
        if revision in revisions
        for statement in statements
    }


def missing(connection: Connection, revisions: Revisions[str]) -> list[str]:
    """The triggers `revisions` brought in that the SQLite database no longer holds."""
    present = set(
        connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).scalars()
    )
    return sorted(set(expected_on_sqlite(revisions)) - present)


def restore(connection: Connection, revision: str) -> None:
    """Make again the triggers that migrations up to `revision` (this one's own id; revisions
    are numbered, so those before it sort before it) brought in and a table rebuilt since has
    dropped. For the end of a migration that rebuilds a table on SQLite."""
    if connection.dialect.name != "sqlite":
        return
    upto = {known for known in SQLITE_BROUGHT_IN if known <= revision}
    expected = expected_on_sqlite(upto)
    for name in missing(connection, upto):
        connection.exec_driver_sql(expected[name])
