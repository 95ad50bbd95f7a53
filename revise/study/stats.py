"""Statistics of a deck (with its sub-decks) or of all decks, as plain data for the screen and CLI.

Counts over reviews and cards are done by the database (grouped by study day), so a collection of
100,000 cards and a million reviews is summed in a fraction of a second; only retrievability is
worked out card by card, from each card's stability and last review.

Days are study days: they start at `day_starts_at` local time. True retention is Anki's: of the
reviews of cards in the review state (not learning or relearning steps), the share not forgotten,
apart for young cards (an interval under 21 days) and mature ones. Reviews imported from another
app carry no state and so count towards reviews, time and the Again rate but not true retention.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Connection, case, func, select, true, type_coerce

from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import NOT_SUSPENDED, Card, Review, to_ms

cards_t = Card.__table__
reviews_t = Review.__table__

DAY_MS = 86_400_000
MATURE_DAYS = 21  # as Anki: a card whose interval is 21 days or more is mature
PERIODS = ((1, "today"), (7, "7 days"), (30, "30 days"), (365, "365 days"))
HEATMAP_DAYS = 365
FORECAST_DAYS = 365
# Upper edges of the distribution buckets (the last bucket holds everything above).
INTERVAL_EDGES = (1, 3, 7, 14, 21, 30, 60, 90, 180, 365)
STABILITY_EDGES = INTERVAL_EDGES
DIFFICULTY_EDGES = (2, 3, 4, 5, 6, 7, 8, 9)  # difficulty runs from 1 to 10
RETRIEVABILITY_EDGES = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95)


@dataclass(frozen=True)
class Retention:
    passed: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.passed / self.total if self.total else None


@dataclass(frozen=True)
class Period:
    label: str
    days: int
    reviews: int
    cards: int  # distinct cards studied
    seconds: float
    again: int
    young: Retention
    mature: Retention

    @property
    def again_rate(self) -> float | None:
        return self.again / self.reviews if self.reviews else None


@dataclass(frozen=True)
class Bucket:
    label: str
    count: int


@dataclass
class Statistics:
    deck: str | None
    today: date
    desired_retention: float
    periods: list[Period]
    heatmap: list[int]  # reviews per study day, oldest first; the last is today
    streak: int  # days in a row with reviews, up to today (or yesterday if none yet today)
    longest_streak: int
    forecast: list[int]  # cards due per day; [0] is today, with everything overdue
    states: dict[str, int]
    intervals: list[Bucket] = field(default_factory=list)
    stability: list[Bucket] = field(default_factory=list)
    difficulty: list[Bucket] = field(default_factory=list)
    retrievability: list[Bucket] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["today"] = self.today.isoformat()
        for period, raw in zip(self.periods, data["periods"], strict=True):
            raw["again_rate"] = period.again_rate
            raw["young"]["rate"] = period.young.rate
            raw["mature"]["rate"] = period.mature.rate
        return data


def _ms(column):  # type: ignore[no-untyped-def]
    """A time column as its stored integer milliseconds (no conversion to datetime per row)."""
    return type_coerce(column, BigInteger)


def collect(
    connection: Connection,
    deck_ids: list[int] | None,
    *,
    deck: str | None,
    now: datetime,
    day_start: datetime,
    desired_retention: float,
    decay: float,
    forecast_days: int = FORECAST_DAYS,
) -> Statistics:
    """Everything the statistics screen shows, for cards of `deck_ids` (None: every card)."""
    start_ms = to_ms(day_start)
    now_ms = to_ms(now)
    per_day = _reviews_per_day(connection, deck_ids, start_ms)
    heatmap = [row[0] for row in per_day]
    streak, longest = _streaks(heatmap)
    cards = _CardTotals(connection, deck_ids, now_ms, start_ms, decay)
    return Statistics(
        deck=deck,
        today=(day_start + timedelta(hours=12)).astimezone().date(),
        desired_retention=desired_retention,
        periods=[
            _period(label, days, per_day[-days:], cards.studied[index])
            for index, (days, label) in enumerate(PERIODS)
        ],
        heatmap=heatmap,
        streak=streak,
        longest_streak=longest,
        forecast=_forecast(connection, deck_ids, start_ms, forecast_days),
        states=cards.states,
        intervals=cards.buckets("interval", INTERVAL_EDGES, _days_label),
        stability=cards.buckets("stability", STABILITY_EDGES, _days_label),
        difficulty=cards.buckets("difficulty", DIFFICULTY_EDGES, _difficulty_label),
        retrievability=cards.buckets("retrievability", RETRIEVABILITY_EDGES, _percent_label),
    )


def _count(condition):  # type: ignore[no-untyped-def]
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _reviews_in(deck_ids: list[int] | None):  # type: ignore[no-untyped-def]
    if deck_ids is None:
        return true()
    return reviews_t.c.card_id.in_(select(cards_t.c.id).where(cards_t.c.deck_id.in_(deck_ids)))


def _cards_in(deck_ids: list[int] | None):  # type: ignore[no-untyped-def]
    return true() if deck_ids is None else cards_t.c.deck_id.in_(deck_ids)


# Per study day: reviews, milliseconds, Again, young kept, young, mature kept, mature.
_DAY_FIGURES = 7


def _reviews_per_day(
    connection: Connection, deck_ids: list[int] | None, start_ms: int
) -> list[list[int]]:
    """The figures of each of the last HEATMAP_DAYS study days, oldest first, in one scan."""
    origin = start_ms - (HEATMAP_DAYS - 1) * DAY_MS
    reviewed = _ms(reviews_t.c.reviewed_at)
    day = type_coerce((reviewed - origin) // DAY_MS, BigInteger).label("day")
    interval_ms = _ms(reviews_t.c.due_before) - _ms(reviews_t.c.last_review_before)
    in_review = reviews_t.c.state_before == REVIEW
    young = in_review & (interval_ms < MATURE_DAYS * DAY_MS)
    mature = in_review & (interval_ms >= MATURE_DAYS * DAY_MS)
    passed = reviews_t.c.rating > 1
    days = [[0] * _DAY_FIGURES for _ in range(HEATMAP_DAYS)]
    for index, *figures in connection.execute(
        select(
            day,
            func.count(),
            func.coalesce(func.sum(reviews_t.c.duration_ms), 0),
            _count(reviews_t.c.rating == 1),
            _count(young & passed),
            _count(young),
            _count(mature & passed),
            _count(mature),
        )
        # `+ 0`: most of a year's reviews are read, and a table scan reads them faster than
        # the index on review time would.
        .where(reviewed + 0 >= origin, _reviews_in(deck_ids))
        .group_by(day)
    ):
        if 0 <= int(index) < HEATMAP_DAYS:
            days[int(index)] = [int(value) for value in figures]
    return days


def _period(label: str, days: int, per_day: list[list[int]], cards: int) -> Period:
    totals = [sum(day[figure] for day in per_day) for figure in range(_DAY_FIGURES)]
    return Period(
        label=label,
        days=days,
        reviews=totals[0],
        cards=cards,
        seconds=totals[1] / 1000,
        again=totals[2],
        young=Retention(totals[3], totals[4]),
        mature=Retention(totals[5], totals[6]),
    )


def _streaks(per_day: list[int]) -> tuple[int, int]:
    longest = run = 0
    for count in per_day:
        run = run + 1 if count else 0
        longest = max(longest, run)
    days = per_day if per_day[-1] else per_day[:-1]  # today may not have started yet
    current = 0
    for count in reversed(days):
        if not count:
            break
        current += 1
    return current, longest


def _forecast(
    connection: Connection, deck_ids: list[int] | None, start_ms: int, days: int
) -> list[int]:
    due = _ms(cards_t.c.due)
    end_ms = start_ms + DAY_MS
    # Everything due before tomorrow's rollover (overdue included) counts for today.
    day = type_coerce(
        case((due < end_ms, 0), else_=(due - end_ms) // DAY_MS + 1), BigInteger
    ).label("day")
    counts = [0] * days
    for index, number in connection.execute(
        select(day, func.count())
        .where(
            _cards_in(deck_ids),
            cards_t.c.suspended == NOT_SUSPENDED,
            cards_t.c.state.in_((LEARNING, REVIEW, RELEARNING)),
            due < start_ms + days * DAY_MS,
        )
        .group_by(day)
    ):
        if 0 <= int(index) < days:
            counts[int(index)] += number
    return counts


class _CardTotals:
    """Card states, cards studied per period and the distributions, in one scan of the cards.

    Retrievability R = (1 + factor * t / S) ** -decay falls as t / S grows, so each bucket edge
    of R is an edge of elapsed time over stability, which the database can compare.
    """

    def __init__(
        self,
        connection: Connection,
        deck_ids: list[int] | None,
        now_ms: int,
        start_ms: int,
        decay: float,
    ) -> None:
        due = _ms(cards_t.c.due)
        last = _ms(cards_t.c.last_review)
        buried_until = _ms(cards_t.c.buried_until)
        active = cards_t.c.suspended == NOT_SUSPENDED
        buried = active & buried_until.is_not(None) & (buried_until > now_ms)
        shown = active & ~buried
        scheduled = active & (cards_t.c.state != NEW)
        in_review = scheduled & (cards_t.c.state == REVIEW) & due.is_not(None) & last.is_not(None)
        interval_ms = due - last
        mature = interval_ms >= MATURE_DAYS * DAY_MS
        states = {
            "new": shown & (cards_t.c.state == NEW),
            "learning": shown & cards_t.c.state.in_((LEARNING, RELEARNING)),
            "young": shown & in_review & ~mature,
            "mature": shown & in_review & mature,
            "suspended": ~active,
            "buried": buried,
        }
        studied = [last >= start_ms - (days - 1) * DAY_MS for days, _ in PERIODS]
        stability = cards_t.c.stability
        factor = 0.9 ** (1 / -decay) - 1
        ratio_edges = [((edge ** (-1 / decay)) - 1) / factor for edge in RETRIEVABILITY_EDGES]
        has_stability = scheduled & (stability > 0)
        elapsed_ms = case((last < now_ms, now_ms - last), else_=0)
        measures = {
            "interval": (in_review, interval_ms, [e * DAY_MS for e in INTERVAL_EDGES]),
            "stability": (has_stability, stability, list(STABILITY_EDGES)),
            "difficulty": (
                scheduled & (cards_t.c.difficulty > 0),
                cards_t.c.difficulty,
                list(DIFFICULTY_EDGES),
            ),
            # R falls as elapsed / stability grows: bucket k holds R in [edge k, edge k+1).
            "retrievability": (
                has_stability & last.is_not(None),
                elapsed_ms / (stability * DAY_MS),
                ratio_edges,
            ),
        }
        columns = [_count(condition) for condition in states.values()]
        columns += [_count(condition) for condition in studied]
        layout: dict[str, tuple[int, int]] = {}
        for name, (condition, value, edges) in measures.items():
            layout[name] = (len(columns), len(edges) + 1)
            columns += _bucket_counts(condition, value, edges, rising=name != "retrievability")
        row = connection.execute(select(*columns).where(_cards_in(deck_ids))).one()
        values = [int(value) for value in row]
        self.states = dict(zip(states, values[: len(states)], strict=True))
        self.studied = values[len(states) : len(states) + len(studied)]
        self._values = values
        self._layout = layout

    def buckets(self, name: str, edges: tuple[float, ...], label) -> list[Bucket]:  # type: ignore[no-untyped-def]
        start, count = self._layout[name]
        counts = self._values[start : start + count]
        lows = (None, *edges)
        highs = (*edges, None)
        return [
            Bucket(label(low, high), number)
            for low, high, number in zip(lows, highs, counts, strict=True)
        ]


def _bucket_counts(condition, value, edges: list[float], *, rising: bool):  # type: ignore[no-untyped-def]
    """A count per bucket: below the first edge, between each two, above the last.

    For a falling measure (retrievability from elapsed / stability) `edges` are where `value`
    crosses each bucket edge, so the comparisons turn round.
    """
    columns = []
    for index in range(len(edges) + 1):
        low = edges[index - 1] if index > 0 else None
        high = edges[index] if index < len(edges) else None
        bucket = condition
        if rising:
            if low is not None:
                bucket = bucket & (value >= low)
            if high is not None:
                bucket = bucket & (value < high)
        else:
            if low is not None:
                bucket = bucket & (value <= low)
            if high is not None:
                bucket = bucket & (value > high)
        columns.append(_count(bucket))
    return columns


def _days_label(low: float | None, high: float | None) -> str:
    if low is None:
        return f"<{high:g}d"
    if high is None:
        return f"{low:g}d+"
    return f"{low:g}-{high:g}d"


def _difficulty_label(low: float | None, high: float | None) -> str:
    return f"{low or 1:g}-{high or 10:g}"


def _percent_label(low: float | None, high: float | None) -> str:
    if low is None:
        return f"<{high * 100:g}%"  # type: ignore[operator]
    if high is None:
        return f"{low * 100:g}%+"
    return f"{low * 100:g}-{high * 100:g}%"
