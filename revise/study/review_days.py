"""Reviews summed per deck and study day, so the statistics need not read a year of reviews.

Past days are summed once into `review_days` and read back as a few hundred rows; only today's
reviews are summed as the statistics are read. Triggers in the database note in
`review_days_stale` every past day a change to the review log touches (an import of old reviews,
a deleted card or deck, a card moved to another deck), and those days are summed again before
the next read. The sums are brought up to date in a short write transaction; when the collection
cannot be written (a read-only file, another window importing) the year is summed from the
review log instead, as correct and only slower.

Days are study days of 24 hours cut at the day's rollover (`day_starts_at` in the local zone):
day n runs from n * DAY_MS + phase, where phase is the rollover's offset from UTC midnight. A
new phase (another zone, another rollover hour, a change of daylight saving time) sums the
year again.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import (
    BigInteger,
    Connection,
    Engine,
    case,
    delete,
    func,
    insert,
    select,
    true,
    type_coerce,
    update,
)
from sqlalchemy.exc import OperationalError

from revise.scheduling.scheduler import REVIEW
from revise.storage import engine as storage
from revise.storage.busy import CollectionBusy
from revise.storage.models import Card, Review, ReviewDay, ReviewDaysState, ReviewDayStale

cards_t = Card.__table__
reviews_t = Review.__table__
days_t = ReviewDay.__table__
state_t = ReviewDaysState.__table__
stale_t = ReviewDayStale.__table__

DAY_MS = 86_400_000
MATURE_DAYS = 21  # as Anki: a card whose interval is 21 days or more is mature
# Summing more days than this at once reads the table straight through rather than by index.
SCAN_FROM_DAYS = 30
# Per study day: reviews, milliseconds, Again, young kept, young, mature kept, mature.
FIGURES = ("reviews", "duration_ms", "again", "young_kept", "young", "mature_kept", "mature")


def ms(column):  # type: ignore[no-untyped-def]
    """A time column as its stored integer milliseconds (no conversion to datetime per row)."""
    return type_coerce(column, BigInteger)


def count_where(condition):  # type: ignore[no-untyped-def]
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _figure_columns() -> list:  # type: ignore[type-arg]
    """The FIGURES of a group of reviews, as SQL aggregates.

    True retention counts reviews of cards in the review state (Anki's): young under a 21-day
    interval, mature from it; reviews without a recorded state (imported ones) count only as
    reviews, time and Again.
    """
    interval_ms = ms(reviews_t.c.due_before) - ms(reviews_t.c.last_review_before)
    in_review = reviews_t.c.state_before == REVIEW
    young = in_review & (interval_ms < MATURE_DAYS * DAY_MS)
    mature = in_review & (interval_ms >= MATURE_DAYS * DAY_MS)
    passed = reviews_t.c.rating > 1
    return [
        func.count(),
        func.coalesce(func.sum(reviews_t.c.duration_ms), 0),
        count_where(reviews_t.c.rating == 1),
        count_where(young & passed),
        count_where(young),
        count_where(mature & passed),
        count_where(mature),
    ]


def _day_of(phase: int):  # type: ignore[no-untyped-def]
    return type_coerce((ms(reviews_t.c.reviewed_at) - phase) // DAY_MS, BigInteger).label("day")


def _in_range(low_ms: int, high_ms: int, days: int):  # type: ignore[no-untyped-def]
    reviewed = ms(reviews_t.c.reviewed_at)
    if days > SCAN_FROM_DAYS:
        reviewed = reviewed + 0  # most of the table is read: a scan beats the index
    return (reviewed >= low_ms) & (reviewed < high_ms)


def per_day(
    connection: Connection, deck_ids: list[int] | None, start_ms: int, days: int
) -> list[list[int]]:
    """The FIGURES of each of the last `days` study days, oldest first; the last is today's."""
    phase, today = start_ms % DAY_MS, start_ms // DAY_MS
    first = today - days + 1
    result = [[0] * len(FIGURES) for _ in range(days)]
    summed_until = first
    if _summed(connection, phase, today, first):
        query = (
            select(days_t.c.day, *(func.sum(days_t.c[name]) for name in FIGURES))
            .where(days_t.c.day >= first, days_t.c.day < today)
            .group_by(days_t.c.day)
        )
        if deck_ids is not None:
            query = query.where(days_t.c.deck_id.in_(deck_ids))
        for day, *figures in connection.execute(query):
            result[int(day) - first] = [int(value) for value in figures]
        summed_until = today
    low_ms, high_ms = summed_until * DAY_MS + phase, (today + 1) * DAY_MS + phase
    in_decks = true()
    if deck_ids is not None:
        in_decks = reviews_t.c.card_id.in_(
            select(cards_t.c.id).where(cards_t.c.deck_id.in_(deck_ids))
        )
    day = _day_of(phase)
    for index, *figures in connection.execute(
        select(day, *_figure_columns())
        .where(_in_range(low_ms, high_ms, today + 1 - summed_until), in_decks)
        .group_by(day)
    ):
        result[int(index) - first] = [int(value) for value in figures]
    return result


def _summed(connection: Connection, phase: int, today: int, first: int) -> bool:
    """Whether review_days holds every day from `first` to yesterday, cut at `phase`."""
    state = connection.execute(select(state_t.c.phase_ms, state_t.c.done_until)).first()
    if state is None or state.phase_ms != phase or state.done_until < today:
        return False
    stale = connection.execute(
        select(stale_t.c.day).where(stale_t.c.day >= first, stale_t.c.day < today).limit(1)
    ).first()
    return stale is None


def bring_up_to_date(engine: Engine, start_ms: int, days: int) -> None:
    """Sum the days from `days` ago to yesterday that are not summed yet (or changed since).

    A collection that cannot be written now is left as it is: the statistics then sum the
    reviews themselves.
    """
    phase, today = start_ms % DAY_MS, start_ms // DAY_MS
    first = today - days + 1
    try:
        with storage.reading(engine) as connection:
            if _summed(connection, phase, today, first):
                return
        with storage.writing(engine) as connection:
            _sum_days(connection, phase, today, first)
    except (OperationalError, CollectionBusy):
        return


def _sum_days(connection: Connection, phase: int, today: int, first: int) -> None:
    state = _locked_state(connection)
    if state.phase_ms != phase:
        connection.execute(delete(days_t))
        connection.execute(delete(stale_t))
        to_sum = list(range(first, today))
        done_until = today
    else:
        stale = connection.execute(select(stale_t.c.day).where(stale_t.c.day < today)).scalars()
        to_sum = sorted(
            {day for day in stale if day >= first} | set(range(max(state.done_until, first), today))
        )
        done_until = max(state.done_until, today)
    for low, high in _runs(to_sum):
        connection.execute(delete(days_t).where(days_t.c.day >= low, days_t.c.day < high))
        day = _day_of(phase)
        rows = connection.execute(
            select(cards_t.c.deck_id, day, *_figure_columns())
            .select_from(reviews_t.join(cards_t, cards_t.c.id == reviews_t.c.card_id))
            .where(_in_range(low * DAY_MS + phase, high * DAY_MS + phase, high - low))
            .group_by(cards_t.c.deck_id, day)
        ).all()
        if rows:
            connection.execute(
                insert(days_t),
                [
                    dict(zip(("deck_id", "day", *FIGURES), map(int, row), strict=True))
                    for row in rows
                ],
            )
    connection.execute(delete(stale_t).where(stale_t.c.day < today))
    connection.execute(delete(days_t).where(days_t.c.day < first))
    connection.execute(
        update(state_t).where(state_t.c.id == 1).values(phase_ms=phase, done_until=done_until)
    )


_STATE = select(state_t.c.phase_ms, state_t.c.done_until).where(state_t.c.id == 1)


def _locked_state(connection: Connection):  # type: ignore[no-untyped-def]
    """The state row, locked until commit (made first if missing: nothing summed yet)."""
    state = connection.execute(_STATE.with_for_update()).first()
    if state is not None:
        return state
    values = {"id": 1, "phase_ms": -1, "done_until": 0}
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        # Another computer may add it at the same moment: then its row is waited for and used.
        connection.execute(pg_insert(state_t).values(values).on_conflict_do_nothing())
    else:
        connection.execute(insert(state_t).values(values))
    return connection.execute(_STATE.with_for_update()).one()


def _runs(days: list[int]) -> Iterator[tuple[int, int]]:
    """Sorted day numbers as runs of consecutive days, [low, high)."""
    start = previous = None
    for day in days:
        if previous is not None and day == previous + 1:
            previous = day
            continue
        if start is not None:
            yield start, previous + 1  # type: ignore[operator]
        start = previous = day
    if start is not None:
        yield start, previous + 1  # type: ignore[operator]
