"""Writing an answer: the card's new memory state, its resting siblings and the review log, in one
short transaction, sent to a server in two round trips (run straight on the driver, see
storage/prepared.py).

The card's row and its siblings' are read and locked first (PostgreSQL's row locks; SQLite's
write lock already holds the file), so an answer given on another computer a moment ago is built
on, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import Connection, and_, bindparam, func, insert, select, update

from revise.errors import ReviseError
from revise.scheduling.queue import StudyDay
from revise.scheduling.scheduler import NEW, REVIEW, MemoryState, Rating, Scheduler
from revise.storage import unchanged
from revise.storage.models import (
    NOT_SUSPENDED,
    Card,
    Deck,
    Review,
    SchedulerParameters,
    from_ms,
    to_ms,
)
from revise.storage.prepared import (
    Prepared,
    Row,
    all_rows,
    begin,
    commit,
    execute,
    first_row,
    one_of,
    pipelined,
    together,
)
from revise.study import deck_options, leeches

cards_t = Card.__table__
decks_t = Deck.__table__
reviews_t = Review.__table__
params_t = SchedulerParameters.__table__

MEMORY_COLUMNS = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reps",
    "lapses",
)

_card_id = bindparam("card_id")
_day_end = bindparam("day_end")
_answered = cards_t.alias("answered")
# A sibling (another card of the note) that rests for the rest of the day once the card is
# answered: new or review, not suspended, not resting already.
_to_bury = (
    cards_t.c.id != _card_id,
    one_of(cards_t.c.state, (NEW, REVIEW)),
    cards_t.c.suspended == NOT_SUSPENDED,
    cards_t.c.buried_until.is_(None) | (cards_t.c.buried_until < _day_end),
)
# Every card of the answered card's note, locked in id order (two computers answering two cards
# of one note take the locks in the same order, so neither waits for the other forever): the
# card's memory, its deck's name and the newest fitted parameters' id (to see a fit stored by
# another window), and for each card whether it is a sibling to rest for the day.
_NOTE_TO_ANSWER = Prepared(
    select(
        cards_t.c.id,
        *(cards_t.c[name] for name in MEMORY_COLUMNS),
        cards_t.c.note_id,
        decks_t.c.name,
        select(func.max(params_t.c.id)).scalar_subquery(),
        and_(*_to_bury),
    )
    .select_from(cards_t.join(decks_t, decks_t.c.id == cards_t.c.deck_id))
    .where(
        cards_t.c.note_id
        == select(_answered.c.note_id).where(_answered.c.id == _card_id).scalar_subquery()
    )
    .order_by(cards_t.c.id)
    .with_for_update(of=cards_t)
)
# What the interval of each grade is worked out from (with the deck options table): the card's
# memory, its deck's name and the newest fitted parameters' id, read without a lock.
_CARD_TO_PREVIEW = Prepared(
    select(
        *(cards_t.c[name] for name in MEMORY_COLUMNS),
        decks_t.c.name,
        select(func.max(params_t.c.id)).scalar_subquery(),
    )
    .select_from(cards_t.join(decks_t, decks_t.c.id == cards_t.c.deck_id))
    .where(cards_t.c.id == _card_id)
)
_BURY = Prepared(
    update(cards_t)
    .where(cards_t.c.note_id == bindparam("note_id"), *_to_bury)
    .values(buried_until=_day_end)
)
_LOG_REVIEW = Prepared(
    insert(reviews_t)
    .values(
        {
            name: bindparam(name)
            for name in (
                "uid",
                "card_id",
                "reviewed_at",
                "rating",
                "duration_ms",
                "origin",
                *(f"{name}_before" for name in MEMORY_COLUMNS),
                "buried_before",
                "state_after",
                "step_after",
                "stability_after",
                "difficulty_after",
                "due_after",
                "leech",
            )
        }
    )
    .returning(reviews_t.c.id)
)


def _set_memory(columns: tuple[str, ...]) -> Prepared:
    return Prepared(
        update(cards_t)
        .where(cards_t.c.id == _card_id)
        .values({name: bindparam(f"new_{name}") for name in columns})
    )


_SET_MEMORY = _set_memory(MEMORY_COLUMNS)
# A card that keeps its state (a review answered Hard, Good or Easy) is written without it: the
# database then leaves alone the index of new cards' order, which has the state but not the due
# date (a page less to write, and at a million cards one less to read).
_SET_MEMORY_SAME_STATE = _set_memory(MEMORY_COLUMNS[1:])

T = TypeVar("T")
SchedulerFor = Callable[[Connection, int | None, str, list[Row]], Scheduler]


@dataclass(frozen=True)
class Leeches:
    """When a lapse makes a card a leech, and what is done then (config.toml)."""

    threshold: int
    action: str  # "suspend" or "tag"


_BEFORE = tuple(f"{name}_before" for name in MEMORY_COLUMNS)  # the review's copy of the row
_NEW = tuple(f"new_{name}" for name in MEMORY_COLUMNS)  # _SET_MEMORY's values


def _stored(memory: MemoryState) -> tuple[object, ...]:
    """A memory state as its MEMORY_COLUMNS store it."""
    due, last_review = memory.due, memory.last_review
    return (
        memory.state,
        memory.step,
        memory.stability,
        memory.difficulty,
        None if due is None else to_ms(due),
        None if last_review is None else to_ms(last_review),
        memory.reps,
        memory.lapses,
    )


def _gone(card_id: int) -> ReviseError:
    return ReviseError(f"card {card_id} no longer exists (it was deleted elsewhere)")


def _memory(stored: Row) -> MemoryState:
    """A card's memory state from its MEMORY_COLUMNS as stored."""
    state, step, stability, difficulty, due, last_review, reps, lapses = stored
    return MemoryState(
        state,
        step,
        stability,
        difficulty,
        None if due is None else from_ms(due),
        None if last_review is None else from_ms(last_review),
        reps,
        lapses,
    )


def preview(
    connection: Connection, card_id: int, now: datetime, scheduler_for: SchedulerFor
) -> dict[Rating, timedelta]:
    """The interval each rating would give the card if answered at `now`: what `answer` would
    schedule. One round trip to a server (the study screen shows them with every card)."""
    with together(connection):
        reading = execute(connection, _CARD_TO_PREVIEW, {"card_id": card_id})
        options = unchanged.ask(connection, deck_options.ALL_ROWS)
    row = first_row(reading)
    options_rows = options.rows()
    if row is None:
        raise _gone(card_id)
    scheduler = scheduler_for(connection, row[9], row[8], options_rows)
    return scheduler.preview(card_id, _memory(row[:8]), now)


def answer(
    connection: Connection,
    card_id: int,
    rating: Rating,
    day: StudyDay,
    duration_ms: int | None,
    uid: str | None,
    scheduler_for: SchedulerFor,
    leech: Leeches,
    then: Callable[[Connection], T] | None = None,
) -> tuple[int, T | None]:
    """Store an answer in the connection's write transaction (`writing(begun_by_caller=True)`)
    and commit it; returns the review's id and what `then(connection)` returned.

    Two round trips to a server: the card and its note's other cards read and locked with the
    transaction's BEGIN, then the review, the card's new state, its resting siblings and the
    commit. `then` sends statements after the commit, in that last round trip: their rows are
    read after the commit's outcome, so nothing they show comes before the answer is durable.
    `scheduler_for(connection, newest parameters id, deck name, deck options rows)` gives the
    card's scheduler.
    """
    day_end, reviewed_at = to_ms(day.end), to_ms(day.now)
    with together(connection):  # PostgreSQL: the transaction's BEGIN goes with these reads
        begin(connection)
        reading = execute(connection, _NOTE_TO_ANSWER, {"card_id": card_id, "day_end": day_end})
        options = unchanged.ask(connection, deck_options.ALL_ROWS)
    note = all_rows(reading)
    options_rows = options.rows()
    row = next((found for found in note if found[0] == card_id), None)
    if row is None:
        raise _gone(card_id)
    before = _memory(row[1:9])
    note_id, deck, newest = row[9:12]
    buried = [sibling[0] for sibling in note if sibling[12]]
    scheduler = scheduler_for(connection, newest, deck, options_rows)
    after = scheduler.next_state(card_id, before, rating, day.now)
    made_leech = None
    if after.lapses > before.lapses and leeches.is_leech(after.lapses, leech.threshold):
        made_leech = leeches.mark(connection, card_id, note_id, suspend=leech.action == "suspend")
    sent = None
    stored = _stored(after)
    with together(connection):
        logging = execute(
            connection,
            _LOG_REVIEW,
            {
                "uid": uid,
                "card_id": card_id,
                "reviewed_at": reviewed_at,
                "rating": int(rating),
                "duration_ms": duration_ms,
                "origin": "revise",
                **dict(zip(_BEFORE, row[1:9], strict=True)),  # as read, not read and written back
                "buried_before": " ".join(map(str, buried)),
                "state_after": after.state,
                "step_after": after.step,
                "stability_after": after.stability,
                "difficulty_after": after.difficulty,
                "due_after": stored[4],
                "leech": made_leech,
            },
        )
        kept = int(after.state == before.state)  # 1: the state is left out (it comes first)
        writes = [
            execute(
                connection,
                _SET_MEMORY_SAME_STATE if kept else _SET_MEMORY,
                {"card_id": card_id, **dict(zip(_NEW[kept:], stored[kept:], strict=True))},
            )
        ]
        if buried:  # the same cards: they are locked
            resting = {"note_id": note_id, "card_id": card_id, "day_end": day_end}
            writes.append(execute(connection, _BURY, resting))
        # SQLite's rows are read before its commit; a server's come with the commit's outcome.
        review = None if pipelined(connection) else first_row(logging)
        commit(connection)
        unchanged.answer_logged(connection, reviewed_at)
        if then is not None:
            sent = then(connection)
    for cursor in writes:
        cursor.close()
    if review is None:
        review = first_row(logging)
    assert review is not None
    return review[0], sent
