"""How values are stored, for every reader of the file: with SQLAlchemy (models.py) or without it
(the first card read at start-up, revise/study/first_card.py).
"""

from __future__ import annotations

from datetime import UTC, datetime

# The newest revision in migrations/versions; a test keeps them equal.
SCHEMA_HEAD = "0018_reviews_put_off"
# What every connection to a SQLite collection is set to: answers durable against a power cut
# (WAL with a sync on every commit) and the schema's foreign keys kept.
SQLITE_DURABILITY = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)

# Card.suspended values
NOT_SUSPENDED = 0
SUSPENDED = 1  # by the user or by the tool the deck came from
SUSPENDED_MISSING = 2  # its note is gone from the deck file; lifted if the note comes back
SUSPENDED_CARDS = f"suspended != {NOT_SUSPENDED}"  # the condition of ix_cards_suspended
# The condition of the queue's indexes on due (ix_cards_queue, ix_cards_state_due): new cards
# have no due date and are left out, so answering one adds an entry instead of moving it (two
# pages fewer to write); every query of them compares `due`, which implies it.
SCHEDULED_CARDS = "due IS NOT NULL"

# Review.leech values from this one up: the answer put off tagging its card's note (and
# suspending the card) while an import on a server held the note (revise/study/leeches.py). The
# index ix_reviews_put_off holds these answers, so whoever comes next finds them at once.
LEECH_PUT_OFF = 8
PUT_OFF_REVIEWS = f"leech >= {LEECH_PUT_OFF}"

# The largest row id SQLite and PostgreSQL (bigint) hold: a card number past it is no card's.
MAX_ROW_ID = 2**63 - 1

# The tag an answer that makes a card a leech gives its note (revise/study/leeches.py). It is the
# app's, not the file's: re-importing the file the note came from keeps it.
LEECH_TAG = "leech"


def has_leech_tag(tags: str) -> bool:
    return any(tag.lower() == LEECH_TAG for tag in tags.split())


# Card.flag values, as Anki numbers and colours them (0: no flag)
FLAGS = {1: "red", 2: "orange", 3: "green", 4: "blue"}


def to_ms(moment: datetime) -> int:
    """Times are stored as integer milliseconds since the Unix epoch, UTC."""
    return int(moment.timestamp() * 1000)


def from_ms(value: int) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)
