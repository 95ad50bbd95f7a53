"""What is due: today's counts under the daily limits, and the next card to show.

Order: learning cards whose step is due, then reviews due today (oldest first), then new cards in
deck order; when nothing else is left, learning cards due within the learn-ahead window. New and
review cards rest for the day once a sibling (another card of the same note) was answered.

The statements are built once, with bound parameters: the queue is asked for a card after every
answer, and building a statement costs more than running it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, bindparam, func, or_, select

from revise.scheduling.day import day_bounds
from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import NOT_SUSPENDED, Card, Review, UTCMillis

LEARN_AHEAD = timedelta(minutes=20)  # as Anki: finish learning steps early rather than wait

cards = Card.__table__
reviews = Review.__table__


@dataclass(frozen=True)
class StudyDay:
    now: datetime
    start: datetime
    end: datetime
    new_per_day: int
    reviews_per_day: int
    starts_at: int  # the local hour at which a study day begins

    def start_of_day_with(self, moment: datetime) -> datetime:
        """The rollover that begins the study day `moment` falls in."""
        return day_bounds(moment, self.starts_at)[0]


@dataclass(frozen=True)
class Allowance:
    """How many more new and review cards each deck may show today."""

    new: dict[int, int]
    review: dict[int, int]


def _moment(name: str):  # type: ignore[no-untyped-def]
    return bindparam(name, type_=UTCMillis())


_decks = bindparam("decks", expanding=True)
_now = _moment("now")
_end = _moment("end")
_available = and_(
    cards.c.deck_id.in_(_decks),
    cards.c.suspended == NOT_SUSPENDED,
    or_(cards.c.buried_until.is_(None), cards.c.buried_until <= _now),
)
_learning = cards.c.state.in_((LEARNING, RELEARNING))

_DONE_TODAY = (
    select(
        cards.c.deck_id,
        func.count().filter(reviews.c.state_before == NEW),
        func.count().filter(reviews.c.state_before == REVIEW),
    )
    .select_from(reviews.join(cards, cards.c.id == reviews.c.card_id))
    .where(reviews.c.reviewed_at >= _moment("start"), reviews.c.origin == "revise")
    .group_by(cards.c.deck_id)
)
_COUNTS = (
    select(
        cards.c.deck_id,
        func.count().filter(cards.c.state == NEW),
        func.count().filter(_learning, cards.c.due < _end),
        func.count().filter(cards.c.state == REVIEW, cards.c.due < _end),
    )
    .where(_available)
    .group_by(cards.c.deck_id)
)
_LEARNING_DUE = (
    select(cards.c.id)
    .where(_available, _learning, cards.c.due <= _moment("until"))
    .order_by(cards.c.due, cards.c.id)
    .limit(1)
)
_REVIEW_DUE = (
    select(cards.c.id)
    .where(_available, cards.c.state == REVIEW, cards.c.due < _end)
    .order_by(cards.c.due, cards.c.id)
    .limit(1)
)
_NEW_NEXT = (
    select(cards.c.id)
    .where(_available, cards.c.state == NEW)
    .order_by(cards.c.deck_id, cards.c.state, cards.c.position, cards.c.ordinal)
    .limit(1)
)
_waiting = and_(cards.c.deck_id.in_(_decks), cards.c.suspended == NOT_SUSPENDED)
_NEXT_LEARNING = select(func.min(cards.c.due)).where(_waiting, _learning)
_NEXT_REVIEW = select(func.min(cards.c.due)).where(_waiting, cards.c.state == REVIEW)
_ANY_NEW = select(cards.c.id).where(_waiting, cards.c.state == NEW).limit(1)


def allowance(connection: Connection, day: StudyDay, deck_ids: list[int]) -> Allowance:
    done = connection.execute(_DONE_TODAY, {"start": day.start}).all()
    new_done = {deck_id: new for deck_id, new, _ in done}
    review_done = {deck_id: review for deck_id, _, review in done}
    return Allowance(
        new={d: max(0, day.new_per_day - new_done.get(d, 0)) for d in deck_ids},
        review={d: max(0, day.reviews_per_day - review_done.get(d, 0)) for d in deck_ids},
    )


def counts(
    connection: Connection, day: StudyDay, deck_ids: list[int]
) -> dict[int, tuple[int, int, int]]:
    """deck id -> (new, learning, due) for today, new and due capped by the daily limits."""
    if not deck_ids:
        return {}
    left = allowance(connection, day, deck_ids)
    rows = connection.execute(_COUNTS, {"decks": deck_ids, "now": day.now, "end": day.end})
    result = dict.fromkeys(deck_ids, (0, 0, 0))
    for deck_id, new, learning, due in rows:
        result[deck_id] = (min(new, left.new[deck_id]), learning, min(due, left.review[deck_id]))
    return result


def next_card_id(connection: Connection, day: StudyDay, deck_ids: list[int]) -> int | None:
    if not deck_ids:
        return None
    card_id = connection.execute(
        _LEARNING_DUE, {"decks": deck_ids, "now": day.now, "until": day.now}
    ).scalar()
    if card_id is not None:
        return card_id
    left = allowance(connection, day, deck_ids)
    with_reviews = [d for d in deck_ids if left.review[d] > 0]
    if with_reviews:
        card_id = connection.execute(
            _REVIEW_DUE, {"decks": with_reviews, "now": day.now, "end": day.end}
        ).scalar()
        if card_id is not None:
            return card_id
    with_new = [d for d in deck_ids if left.new[d] > 0]
    if with_new:
        card_id = connection.execute(_NEW_NEXT, {"decks": with_new, "now": day.now}).scalar()
        if card_id is not None:
            return card_id
    return connection.execute(
        _LEARNING_DUE, {"decks": deck_ids, "now": day.now, "until": day.now + LEARN_AHEAD}
    ).scalar()


def next_due(connection: Connection, day: StudyDay, deck_ids: list[int]) -> datetime | None:
    """When the next card can be studied: now if one is waiting, else the earliest of a learning
    step (learn-ahead early), the rollover for cards held back today (daily limits, resting
    siblings), or the rollover of the study day the next review falls due in.
    """
    if not deck_ids:
        return None
    if next_card_id(connection, day, deck_ids) is not None:
        return day.now
    params = {"decks": deck_ids}
    moments = []
    learning = connection.execute(_NEXT_LEARNING, params).scalar()
    if learning is not None:
        moments.append(max(learning - LEARN_AHEAD, day.now))
    review = connection.execute(_NEXT_REVIEW, params).scalar()
    if review is not None and day.reviews_per_day > 0:
        moments.append(day.end if review < day.end else day.start_of_day_with(review))
    if day.new_per_day > 0 and connection.execute(_ANY_NEW, params).first() is not None:
        moments.append(day.end)
    return min(moments, default=None)
