"""The database schema: decks, notes, cards, the review log, and media files.

Times are stored as integer milliseconds since the Unix epoch, UTC: exact, compact, and fast to
compare in the queue queries.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Connection,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
    event,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Card.suspended and Card.flag values and the time format live beside the schema's other stored
# values.
from revise.storage.values import (  # noqa: F401 (imported from here too)
    FLAGS,
    NOT_SUSPENDED,
    PUT_OFF_REVIEWS,
    SCHEDULED_CARDS,
    SUSPENDED,
    SUSPENDED_CARDS,
    SUSPENDED_MISSING,
    from_ms,
    to_ms,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCMillis(TypeDecorator[datetime]):
    """An aware datetime stored as UTC epoch milliseconds."""

    impl = BigInteger
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> int | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC time")
        return to_ms(value)

    def process_result_value(self, value: int | None, dialect: object) -> datetime | None:
        return None if value is None else from_ms(value)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Deck(Base):
    __tablename__ = "decks"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500), unique=True)
    source: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # space-separated
    created_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)
    file: Mapped[str | None] = mapped_column(Text)  # the revise deck file it was last read from


class Note(Base):
    """One fact: its text as written, where it came from, and where it sits in its deck."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("deck_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(200))  # explicit id or hash of normalised meaning
    explicit_key: Mapped[bool] = mapped_column(default=False)
    kind: Mapped[str] = mapped_column(String(20))
    front: Mapped[str] = mapped_column(Text)
    back: Mapped[str] = mapped_column(Text, default="")
    context: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")  # space-separated
    source: Mapped[str | None] = mapped_column(Text)  # "notes/x.txt:12-14"
    media: Mapped[str] = mapped_column(Text, default="")  # newline-separated file names
    position: Mapped[int] = mapped_column(Integer, default=0)  # order in its deck file
    missing: Mapped[bool] = mapped_column(default=False)  # gone from the file at last import
    created_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)
    # Edited in the app since the deck was last imported or written back (revise/study/editing.py)
    edited_at: Mapped[datetime | None] = mapped_column(UTCMillis)
    # What its file said at the last import, kept once it is edited in the app (JSON); NULL for
    # a note edited in the app that no file has (added in the app).
    file_version: Mapped[str | None] = mapped_column(Text)
    # (0012) front, back, context and tags folded as search compares them (storage/folding.py)
    folded_front: Mapped[str] = mapped_column(Text, default="", server_default="")
    folded_back: Mapped[str] = mapped_column(Text, default="", server_default="")
    folded_context: Mapped[str] = mapped_column(Text, default="", server_default="")
    folded_tags: Mapped[str] = mapped_column(Text, default="", server_default="")
    # (0013) A digest of what the file said of it at the last import (an Anki package's note,
    # revise/formats/anki.py; a table's row, revise/formats/csvdeck.py): a re-import skips the
    # notes whose digest is the same. NULL: from another file, or changed in the app since.
    origin: Mapped[str | None] = mapped_column(String(40))


class DeletedNote(Base):
    """A note deleted in the app: re-importing the file it is still in does not bring it back."""

    __tablename__ = "deleted_notes"
    __table_args__ = (UniqueConstraint("deck_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String(200))
    deleted_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)


class Card(Base):
    """One thing to recall, with its FSRS memory state and when it is next due."""

    __tablename__ = "cards"
    __table_args__ = (
        UniqueConstraint("note_id", "ordinal"),
        # Only the cards with a due date (0015): see SCHEDULED_CARDS. ix_cards_queue also holds
        # whether a card is suspended or resting (0016): a deck's due and learning cards are
        # counted from the index alone, not from each one's row (scattered over the table).
        # After `id`, so the index keeps the queue's order (order.py: `due, id`) for the planner.
        Index(
            "ix_cards_queue",
            "deck_id",
            "state",
            "due",
            "id",
            "suspended",
            "buried_until",
            sqlite_where=text(SCHEDULED_CARDS),
        ),
        Index("ix_cards_state_due", "state", "due", sqlite_where=text(SCHEDULED_CARDS)),
        Index("ix_cards_new_order", "deck_id", "state", "position", "ordinal"),
        # Only the suspended cards (0011): the deck list counts the others without reading them.
        # PostgreSQL is given each partial index's condition when it creates the table (below).
        Index("ix_cards_suspended", "deck_id", sqlite_where=text(SUSPENDED_CARDS)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("notes.id", ondelete="CASCADE"), index=True)
    deck_id: Mapped[int] = mapped_column(ForeignKey("decks.id", ondelete="CASCADE"))
    ordinal: Mapped[int] = mapped_column(Integer, default=0)
    state: Mapped[int] = mapped_column(Integer, default=0)  # 0 new 1 learning 2 review 3 relearning
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime | None] = mapped_column(UTCMillis)
    last_review: Mapped[datetime | None] = mapped_column(UTCMillis)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    suspended: Mapped[int] = mapped_column(Integer, default=NOT_SUSPENDED)
    buried_until: Mapped[datetime | None] = mapped_column(UTCMillis)  # siblings rest for the day
    created_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)
    # Columns added by later migrations come last, where an upgrade puts them.
    # Its note's place in the deck file (0002; its server default too).
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Its flag, 0 none or one of FLAGS (0009; its server default too).
    flag: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


@event.listens_for(Card.__table__, "before_create")
def _partial_indexes_on_postgresql(table: Table, connection: Connection, **_: object) -> None:
    """The partial indexes hold the same cards on PostgreSQL. Their conditions are named here,
    where PostgreSQL's dialect is loaded already, not as each Index's `postgresql_where`: that
    loads the dialect at every import of the models (about 30 ms of every start-up, on SQLite
    too)."""
    if connection.dialect.name == "postgresql":
        for index in table.indexes:
            where = index.dialect_options["sqlite"]["where"]
            if where is not None:
                index.dialect_options["postgresql"]["where"] = where


class Review(Base):
    """Append-only review log: enough to recompute a card's state or fit FSRS parameters."""

    __tablename__ = "reviews"
    __table_args__ = (
        Index("ix_reviews_card_time", "card_id", "reviewed_at"),
        Index("ix_reviews_uid", "uid", unique=True),
        # Only the answers whose leech tag is put off (0018): see PUT_OFF_REVIEWS.
        Index("ix_reviews_put_off", "card_id", sqlite_where=text(PUT_OFF_REVIEWS)),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("cards.id", ondelete="CASCADE"))
    reviewed_at: Mapped[datetime] = mapped_column(UTCMillis, index=True)
    rating: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int | None] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(20), default="revise")  # or "import"
    state_before: Mapped[int | None] = mapped_column(Integer)
    step_before: Mapped[int | None] = mapped_column(Integer)
    stability_before: Mapped[float | None] = mapped_column(Float)
    difficulty_before: Mapped[float | None] = mapped_column(Float)
    due_before: Mapped[datetime | None] = mapped_column(UTCMillis)
    last_review_before: Mapped[datetime | None] = mapped_column(UTCMillis)
    reps_before: Mapped[int | None] = mapped_column(Integer)
    lapses_before: Mapped[int | None] = mapped_column(Integer)
    buried_before: Mapped[str | None] = mapped_column(Text)  # sibling ids this answer buried
    state_after: Mapped[int | None] = mapped_column(Integer)
    step_after: Mapped[int | None] = mapped_column(Integer)
    stability_after: Mapped[float | None] = mapped_column(Float)
    difficulty_after: Mapped[float | None] = mapped_column(Float)
    due_after: Mapped[datetime | None] = mapped_column(UTCMillis)
    # (0003) Made up by the answering window before it writes: a retried answer is stored once.
    uid: Mapped[str | None] = mapped_column(String(32))
    # (0008) The answer made the card a leech: what it did (study/leeches.py), for undo.
    leech: Mapped[int | None] = mapped_column(Integer)


event.listen(Review.__table__, "before_create", _partial_indexes_on_postgresql)


class MediaBlob(Base):
    """The bytes of a picture or sound, once however many names it has: keyed by its SHA-256."""

    __tablename__ = "media_blobs"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class MediaFile(Base):
    """A media file name as cards mention it (`Note.media`), and its content."""

    __tablename__ = "media_files"

    name: Mapped[str] = mapped_column(String(500), primary_key=True)
    sha256: Mapped[str] = mapped_column(ForeignKey("media_blobs.sha256"), index=True)


class SchedulerParameters(Base):
    """FSRS parameters for all decks (deck NULL) or a deck and its sub-decks, versioned.

    The newest row of the nearest scope is in use, earlier rows are the history. `parameters`
    NULL means FSRS's defaults (the user went back to them); a `removed` row, that the scope's
    were removed with its deck (it has none of its own since). The scope is a deck name, not a
    deck row: "History" covers "History::Korea" even with no "History" deck. Every change adds a
    row newer than all before it (revise/study/tuning.py).
    """

    __tablename__ = "scheduler_parameters"

    id: Mapped[int] = mapped_column(primary_key=True)
    deck: Mapped[str | None] = mapped_column(String(500), index=True)
    parameters: Mapped[str | None] = mapped_column(Text)  # JSON list of 21 numbers
    reviews: Mapped[int] = mapped_column(Integer, default=0)  # reviews the fit learned from
    log_loss: Mapped[float | None] = mapped_column(Float)  # on reviews the fit did not see
    rmse_bins: Mapped[float | None] = mapped_column(Float)
    created_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)
    removed: Mapped[bool] = mapped_column(default=False, server_default=false())


class DeckOptionsRow(Base):
    """Options set for a deck and its sub-decks (unless set there); NULL: the parent's, else
    config.toml's. The scope is a deck name, as for SchedulerParameters."""

    __tablename__ = "deck_options"

    deck: Mapped[str] = mapped_column(String(500), primary_key=True)
    new_per_day: Mapped[int | None] = mapped_column(Integer)
    reviews_per_day: Mapped[int | None] = mapped_column(Integer)
    desired_retention: Mapped[float | None] = mapped_column(Float)
    learning_steps: Mapped[str | None] = mapped_column(Text)  # "1m 10m"; "" for none
    relearning_steps: Mapped[str | None] = mapped_column(Text)
    maximum_interval_days: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCMillis, default=utcnow)


class ReviewDay(Base):
    """Reviews of one deck on one study day, summed for the statistics (see study/review_days.py).

    `day` counts study days from the epoch; which days are summed and how they are cut is kept in
    `review_days_state`, and triggers on the review log note the days a change touches in
    `review_days_stale` (migrations/versions/0007_review_days.py).
    """

    __tablename__ = "review_days"

    deck_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    day: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    reviews: Mapped[int] = mapped_column(Integer)
    duration_ms: Mapped[int] = mapped_column(BigInteger)
    again: Mapped[int] = mapped_column(Integer)
    young_kept: Mapped[int] = mapped_column(Integer)
    young: Mapped[int] = mapped_column(Integer)
    mature_kept: Mapped[int] = mapped_column(Integer)
    mature: Mapped[int] = mapped_column(Integer)


class ReviewDaysState(Base):
    """One row: days before `done_until` are summed, days cut at `phase_ms` past UTC midnight."""

    __tablename__ = "review_days_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    phase_ms: Mapped[int] = mapped_column(BigInteger)
    done_until: Mapped[int] = mapped_column(BigInteger)


class ReviewDayStale(Base):
    """A summed day whose reviews changed since: summed again when statistics are next read."""

    __tablename__ = "review_days_stale"

    day: Mapped[int] = mapped_column(BigInteger, primary_key=True)


class DeckSize(Base):
    """How many cards a deck holds (suspended ones too), kept on SQLite by triggers on `cards` in
    the transaction of every card added, deleted or moved to another deck (storage/triggers.py),
    so the deck list reads a row per deck instead of counting every card: a million cards' index
    read from disk took 0.3 s of each start. A deck that never held a card may have no row.

    Left empty on PostgreSQL, which counts the cards (queue.py): there every card added one
    statement at a time would update its deck's row again within the transaction, and an import
    took 3-4.7 times as long."""

    __tablename__ = "deck_sizes"

    deck_id: Mapped[int] = mapped_column(
        ForeignKey("decks.id", ondelete="CASCADE"), primary_key=True
    )
    cards: Mapped[int] = mapped_column(Integer)
