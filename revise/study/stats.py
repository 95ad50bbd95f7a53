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

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import BigInteger, Connection, case, func, literal, select, true, type_coerce

from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import NOT_SUSPENDED, Card, Note, to_ms
from revise.study import review_days
from revise.study.leeches import LEECH_TAG
from revise.study.review_days import DAY_MS, FIGURES, MATURE_DAYS, ms

cards_t = Card.__table__
notes_t = Note.__table__

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
    forecast: list[int] = field(default_factory=list)  # due per day; [0]: today, overdue too
    states: dict[str, int] = field(default_factory=dict)
    intervals: list[Bucket] = field(default_factory=list)
    stability: list[Bucket] = field(default_factory=list)
    difficulty: list[Bucket] = field(default_factory=list)
    retrievability: list[Bucket] = field(default_factory=list)
    leeches: int = 0  # cards whose note is tagged `leech` (see study/leeches.py)
    overdue: int = 0  # of forecast[0], the cards that fell due before today

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["today"] = self.today.isoformat()
        for period, raw in zip(self.periods, data["periods"], strict=True):
            raw["again_rate"] = period.again_rate
            raw["young"]["rate"] = period.young.rate
            raw["mature"]["rate"] = period.mature.rate
        return data


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
    *_, (_, statistics) = collect_in_steps(
        connection,
        deck_ids,
        deck=deck,
        now=now,
        day_start=day_start,
        desired_retention=desired_retention,
        decay=decay,
        forecast_days=forecast_days,
    )
    return statistics


# The parts of the statistics in the order they are counted, the quickest first: the reviews
# per day (summed ahead in review_days), the forecast, then the cards' states and distributions.
PARTS = ("reviews", "forecast", "cards")


def collect_in_steps(
    connection: Connection,
    deck_ids: list[int] | None,
    *,
    deck: str | None,
    now: datetime,
    day_start: datetime,
    desired_retention: float,
    decay: float,
    forecast_days: int = FORECAST_DAYS,
) -> Iterator[tuple[str, Statistics]]:
    """The statistics as each of PARTS is counted: (that part, the statistics so far).

    A part not counted yet holds its defaults (no forecast, no states; a period's cards, which
    come with the cards, 0), so a screen can show each part as it comes.
    """
    start_ms = to_ms(day_start)
    per_day = review_days.per_day(connection, deck_ids, start_ms, HEATMAP_DAYS)
    heatmap = [row[0] for row in per_day]
    streak, longest = _streaks(heatmap)
    statistics = Statistics(
        deck=deck,
        today=(day_start + timedelta(hours=12)).astimezone().date(),
        desired_retention=desired_retention,
        periods=[_period(label, days, per_day[-days:], 0) for days, label in PERIODS],
        heatmap=heatmap,
        streak=streak,
        longest_streak=longest,
    )
    yield "reviews", statistics
    forecast, overdue = _forecast(connection, deck_ids, start_ms, forecast_days)
    statistics = replace(statistics, forecast=forecast, overdue=overdue)
    yield "forecast", statistics
    cards = _CardTotals(connection, deck_ids, to_ms(now), start_ms, decay)
    yield (
        "cards",
        replace(
            statistics,
            periods=[
                replace(period, cards=studied)
                for period, studied in zip(statistics.periods, cards.studied, strict=True)
            ],
            states=cards.states,
            intervals=cards.buckets("interval", INTERVAL_EDGES, _days_label),
            stability=cards.buckets("stability", STABILITY_EDGES, _days_label),
            difficulty=cards.buckets("difficulty", DIFFICULTY_EDGES, _difficulty_label),
            retrievability=cards.buckets("retrievability", RETRIEVABILITY_EDGES, _percent_label),
            leeches=_leeches(connection, deck_ids),
        ),
    )


def _leeches(connection: Connection, deck_ids: list[int] | None) -> int:
    # Most notes have no tags: the cheap test first, the tag itself only on the few left.
    tagged = (notes_t.c.tags != "") & (" " + notes_t.c.tags + " ").ilike(f"% {LEECH_TAG} %")
    return connection.execute(
        select(func.count()).where(
            _cards_in(deck_ids), cards_t.c.note_id.in_(select(notes_t.c.id).where(tagged))
        )
    ).scalar_one()


def _cards_in(deck_ids: list[int] | None):  # type: ignore[no-untyped-def]
    return true() if deck_ids is None else cards_t.c.deck_id.in_(deck_ids)


def _scanned(deck_ids: list[int] | None):  # type: ignore[no-untyped-def]
    """The cards of `deck_ids`, read by a scan of the table rather than through an index.

    The forecast and the card totals read most cards of the decks asked for: following an
    index costs a lookup of the row for each card, three times the scan of a deck holding most
    of the collection, while a scan past the cards of other decks costs a comparison each.
    """
    return true() if deck_ids is None else (cards_t.c.deck_id + 0).in_(deck_ids)


def _period(label: str, days: int, per_day: list[list[int]], cards: int) -> Period:
    totals = [sum(day[figure] for day in per_day) for figure in range(len(FIGURES))]
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
) -> tuple[list[int], int]:
    """Cards due each day from today, and how many of today's fell due before it."""
    due = ms(cards_t.c.due)
    end_ms = start_ms + DAY_MS
    # Everything due before tomorrow's rollover (overdue included) counts for today.
    # Everything due before today's rollover is overdue (-1): it also counts for today (0).
    day = type_coerce(
        case(
            (due < start_ms, -1),
            (due < end_ms, 0),
            else_=(due - end_ms) // DAY_MS + 1,
        ),
        BigInteger,
    ).label("day")
    counts = [0] * days
    overdue = 0
    for index, number in connection.execute(
        select(day, func.count())
        .where(
            _scanned(deck_ids),
            cards_t.c.suspended == NOT_SUSPENDED,
            (cards_t.c.state + 0).in_((LEARNING, REVIEW, RELEARNING)),
            # Not `due + 0`: SQLite would take that to say `due IS NOT NULL`, the condition of
            # ix_cards_state_due, and read every card through that index instead of the table.
            func.coalesce(due, None) < start_ms + days * DAY_MS,
        )
        .group_by(day)
    ):
        if int(index) == -1:
            overdue = number
            counts[0] += number
        elif 0 <= int(index) < days:
            counts[int(index)] += number
    return counts, overdue


STATE_NAMES = ("new", "learning", "young", "mature", "suspended", "buried")


class _CardTotals:
    """Card states, cards studied per period and the distributions, in one scan of the cards.

    Each card is given one bucket per measure by a few comparisons (a binary search written as
    nested CASEs), the buckets are packed into one number, and the database counts the cards of
    each number: a handful of comparisons per card rather than one count per bucket.

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
        due = ms(cards_t.c.due)
        last = ms(cards_t.c.last_review)
        buried_until = ms(cards_t.c.buried_until)
        state = cards_t.c.state
        active = cards_t.c.suspended == NOT_SUSPENDED
        scheduled = active & (state != NEW)
        interval_ms = due - last
        kind = case(
            (~active, STATE_NAMES.index("suspended")),
            (buried_until > now_ms, STATE_NAMES.index("buried")),
            (state == NEW, STATE_NAMES.index("new")),
            (state != REVIEW, STATE_NAMES.index("learning")),
            (
                due.is_not(None) & last.is_not(None),
                case(
                    (interval_ms >= MATURE_DAYS * DAY_MS, STATE_NAMES.index("mature")),
                    else_=STATE_NAMES.index("young"),
                ),
            ),
            else_=len(STATE_NAMES),  # a review card without its dates: in no state
        )
        # The first period (today, 7 days...) whose days include the card's last review.
        thresholds = [start_ms - (days - 1) * DAY_MS for days, _ in PERIODS]
        studied = case(
            *((last >= threshold, index) for index, threshold in enumerate(thresholds)),
            else_=len(PERIODS),
        )
        stability = cards_t.c.stability
        factor = 0.9 ** (1 / -decay) - 1
        ratio_edges = [((edge ** (-1 / decay)) - 1) / factor for edge in RETRIEVABILITY_EDGES]
        # A review in the future (a clock set back) counts as no time elapsed: t <= any edge.
        elapsed_ms = now_ms - last
        self._edges = {
            "interval": INTERVAL_EDGES,
            "stability": STABILITY_EDGES,
            "difficulty": DIFFICULTY_EDGES,
            "retrievability": RETRIEVABILITY_EDGES,
        }
        # name: (whether the measure applies to a scheduled card, its bucket if it does)
        measures = {
            "interval": (
                (state == REVIEW) & due.is_not(None) & last.is_not(None),
                _rising(interval_ms, [e * DAY_MS for e in INTERVAL_EDGES]),
            ),
            "stability": (stability > 0, _rising(stability, list(STABILITY_EDGES))),
            "difficulty": (
                cards_t.c.difficulty > 0,
                _rising(cards_t.c.difficulty, list(DIFFICULTY_EDGES)),
            ),
            # Bucket k holds R in [edge k - 1, edge k): as many R edges as R reaches, which are
            # the ratio edges (falling) that t / S stays at or under: t <= edge * S, as S > 0.
            "retrievability": (
                (stability > 0) & last.is_not(None),
                len(ratio_edges)
                - _count_edges(
                    lambda edge: elapsed_ms <= stability * (edge * DAY_MS), sorted(ratio_edges)
                ),
            ),
        }
        # Mixed-radix packing: each digit counts one more value than it has (for "none"). The
        # measures apply only to scheduled cards: new and suspended ones skip their comparisons.
        digits = [(kind, len(STATE_NAMES) + 1), (studied, len(PERIODS) + 1)]
        nones = []
        for name, (applies, bucket) in measures.items():
            size = len(self._edges[name]) + 1
            digits.append((case((applies, bucket), else_=size), size + 1))
            nones.append((size, size + 1))
        kind_studied, measured = _packed(digits[:2]), _packed(digits[2:])
        unmeasured = _packed([(literal(size), radix) for size, radix in nones])
        key = kind_studied + (len(STATE_NAMES) + 1) * (len(PERIODS) + 1) * case(
            (scheduled, measured), else_=unmeasured
        )
        query = select(key.label("key"), func.count()).where(_scanned(deck_ids)).group_by(key)
        self.states = dict.fromkeys(STATE_NAMES, 0)
        studied_in = [0] * (len(PERIODS) + 1)
        self._counts = {name: [0] * (len(edges) + 2) for name, edges in self._edges.items()}
        for packed, number in connection.execute(query):
            packed = int(packed)
            values = []
            for _, size in digits:
                packed, value = divmod(packed, size)
                values.append(value)
            kind_index, studied_index, *buckets = values
            if kind_index < len(STATE_NAMES):
                self.states[STATE_NAMES[kind_index]] += number
            studied_in[studied_index] += number
            for name, bucket in zip(measures, buckets, strict=True):
                self._counts[name][bucket] += number
        # A card last studied today was also studied in the last 7 days, and so on.
        self.studied = [sum(studied_in[: index + 1]) for index in range(len(PERIODS))]

    def buckets(self, name: str, edges: tuple[float, ...], label) -> list[Bucket]:  # type: ignore[no-untyped-def]
        counts = self._counts[name][: len(edges) + 1]
        lows = (None, *edges)
        highs = (*edges, None)
        return [
            Bucket(label(low, high), number)
            for low, high, number in zip(lows, highs, counts, strict=True)
        ]


def _packed(digits: list) -> Any:  # type: ignore[type-arg]
    """(value, radix) digits, lowest first, as one number."""
    key = literal(0)
    for value, size in reversed(digits):
        key = key * size + value
    return key


def _rising(value, edges: list[float]):  # type: ignore[no-untyped-def]
    """How many of the rising `edges` `value` reaches (value >= edge): its bucket."""
    return _count_edges(lambda edge: value < edge, edges)


def _count_edges(before, edges: list[float], offset: int = 0):  # type: ignore[no-untyped-def]
    """How many of the rising `edges` a value is not `before` (a SQL condition of an edge).

    A binary search: about log2(len(edges)) comparisons per card instead of len(edges).
    """
    if not edges:
        return literal(offset)
    middle = len(edges) // 2
    return case(
        (before(edges[middle]), _count_edges(before, edges[:middle], offset)),
        else_=_count_edges(before, edges[middle + 1 :], offset + middle + 1),
    )


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
