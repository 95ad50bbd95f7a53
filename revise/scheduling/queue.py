"""What is due: today's counts under the daily limits, and the next card to show.

Daily limits work as Anki's parent-deck limits (see limits.py): a deck's limit covers its
sub-decks, and the collection's covers every deck.

Order: learning cards whose step is due, then reviews due today (oldest first), then new cards in
deck order; when nothing else is left, learning cards due within the learn-ahead window. New and
review cards rest for the day once a sibling (another card of the same note) was answered.

`revise study` reads its first card in the same order with plain sqlite3, before SQLAlchemy is
loaded (revise/study/first_card.py): a change here goes there too, and tests/test_first_card.py
holds the two equal.

The statements are built once, with bound parameters: the queue is asked for a card after every
answer, and building a statement costs more than running it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, bindparam, func, or_, select

from revise.scheduling.day import day_bounds
from revise.scheduling.limits import DailyLimits
from revise.scheduling.states import LEARN_AHEAD, LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import NOT_SUSPENDED, Card, Deck, DeckOptionsRow, Review, UTCMillis

cards = Card.__table__
decks = Deck.__table__
reviews = Review.__table__
options = DeckOptionsRow.__table__


@dataclass(frozen=True)
class StudyDay:
    now: datetime
    start: datetime
    end: datetime
    new_per_day: int  # per deck; a parent deck's covers its sub-decks
    reviews_per_day: int
    collection_new_per_day: int  # every deck together
    collection_reviews_per_day: int
    starts_at: int  # the local hour at which a study day begins

    def start_of_day_with(self, moment: datetime) -> datetime:
        """The rollover that begins the study day `moment` falls in."""
        return day_bounds(moment, self.starts_at)[0]


@dataclass(frozen=True)
class Allowance:
    """What is left of today's new and review limits, and the deck names they apply to."""

    names: dict[int, str]  # every deck's, by id
    new: DailyLimits
    review: DailyLimits

    def decks_with_new(self, deck_ids: list[int]) -> list[int]:
        return [d for d in deck_ids if self.new.for_deck(self.names[d]) > 0]

    def decks_with_reviews(self, deck_ids: list[int]) -> list[int]:
        return [d for d in deck_ids if self.review.for_deck(self.names[d]) > 0]


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

_DECK_NAMES = select(decks.c.id, decks.c.name)
_LIMITS_SET = select(options.c.deck, options.c.new_per_day, options.c.reviews_per_day).where(
    or_(options.c.new_per_day.is_not(None), options.c.reviews_per_day.is_not(None))
)
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


def allowance(connection: Connection, day: StudyDay) -> Allowance:
    names: dict[int, str] = {deck_id: name for deck_id, name in connection.execute(_DECK_NAMES)}
    done = connection.execute(_DONE_TODAY, {"start": day.start}).all()
    set_on = connection.execute(_LIMITS_SET).all()  # a row per deck with its own limits
    return Allowance(
        names=names,
        new=DailyLimits(
            day.new_per_day,
            day.collection_new_per_day,
            {names[deck_id]: new for deck_id, new, _ in done},
            {deck: new for deck, new, _ in set_on if new is not None},
        ),
        review=DailyLimits(
            day.reviews_per_day,
            day.collection_reviews_per_day,
            {names[deck_id]: review for deck_id, _, review in done},
            {deck: review for deck, _, review in set_on if review is not None},
        ),
    )


def _waiting(
    connection: Connection, day: StudyDay, deck_ids: list[int]
) -> dict[int, tuple[int, int, int]]:
    """deck id -> (new, learning, due) waiting today, before the daily limits."""
    rows = connection.execute(_COUNTS, {"decks": deck_ids, "now": day.now, "end": day.end})
    result = dict.fromkeys(deck_ids, (0, 0, 0))
    for deck_id, new, learning, due in rows:
        result[deck_id] = (new, learning, due)
    return result


def counts(
    connection: Connection, day: StudyDay, deck_ids: list[int]
) -> dict[int, tuple[int, int, int]]:
    """deck id -> (new, learning, due) for today, as many as the deck could show on its own
    under the daily limits (its own, its parent decks' and the collection's)."""
    if not deck_ids:
        return {}
    left = allowance(connection, day)
    return {
        deck_id: (
            min(new, left.new.for_deck(left.names[deck_id])),
            learning,
            min(due, left.review.for_deck(left.names[deck_id])),
        )
        for deck_id, (new, learning, due) in _waiting(connection, day, deck_ids).items()
    }


def total(connection: Connection, day: StudyDay, deck_ids: list[int]) -> tuple[int, int, int]:
    """(new, learning, due) that studying these decks together can show today: a parent
    deck's limit and the collection's cap the sum of their decks'."""
    if not deck_ids:
        return (0, 0, 0)
    left = allowance(connection, day)
    waiting = _waiting(connection, day, deck_ids)
    return (
        left.new.total({left.names[d]: new for d, (new, _, _) in waiting.items()}),
        sum(learning for _, learning, _ in waiting.values()),
        left.review.total({left.names[d]: due for d, (_, _, due) in waiting.items()}),
    )


def next_card_id(connection: Connection, day: StudyDay, deck_ids: list[int]) -> int | None:
    if not deck_ids:
        return None
    card_id = connection.execute(
        _LEARNING_DUE, {"decks": deck_ids, "now": day.now, "until": day.now}
    ).scalar()
    if card_id is not None:
        return card_id
    left = allowance(connection, day)
    with_reviews = left.decks_with_reviews(deck_ids)
    if with_reviews:
        card_id = connection.execute(
            _REVIEW_DUE, {"decks": with_reviews, "now": day.now, "end": day.end}
        ).scalar()
        if card_id is not None:
            return card_id
    with_new = left.decks_with_new(deck_ids)
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
    left = allowance(connection, day)
    names = [left.names[deck_id] for deck_id in deck_ids]
    params = {"decks": deck_ids}
    moments = []
    learning = connection.execute(_NEXT_LEARNING, params).scalar()
    if learning is not None:
        moments.append(max(learning - LEARN_AHEAD, day.now))
    review = connection.execute(_NEXT_REVIEW, params).scalar()
    if review is not None and left.review.any_allowed(names):
        moments.append(day.end if review < day.end else day.start_of_day_with(review))
    if left.new.any_allowed(names) and connection.execute(_ANY_NEW, params).first() is not None:
        moments.append(day.end)
    return min(moments, default=None)
