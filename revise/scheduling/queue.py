"""What is due: today's counts under the daily limits, and the next card to show.

Order: learning cards whose step is due, then reviews due today (oldest first), then new cards in
deck order; when nothing else is left, learning cards due within the learn-ahead window. New and
review cards rest for the day once a sibling (another card of the same note) was answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, and_, func, or_, select

from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import NOT_SUSPENDED, Card, Review

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


@dataclass(frozen=True)
class Allowance:
    """How many more new and review cards each deck may show today."""

    new: dict[int, int]
    review: dict[int, int]


def allowance(connection: Connection, day: StudyDay, deck_ids: list[int]) -> Allowance:
    done = connection.execute(
        select(
            cards.c.deck_id,
            func.count().filter(reviews.c.state_before == NEW),
            func.count().filter(reviews.c.state_before == REVIEW),
        )
        .select_from(reviews.join(cards, cards.c.id == reviews.c.card_id))
        .where(reviews.c.reviewed_at >= day.start, reviews.c.origin == "revise")
        .group_by(cards.c.deck_id)
    ).all()
    new_done = {deck_id: new for deck_id, new, _ in done}
    review_done = {deck_id: review for deck_id, _, review in done}
    return Allowance(
        new={d: max(0, day.new_per_day - new_done.get(d, 0)) for d in deck_ids},
        review={d: max(0, day.reviews_per_day - review_done.get(d, 0)) for d in deck_ids},
    )


def _available(day: StudyDay):  # type: ignore[no-untyped-def]
    return and_(
        cards.c.suspended == NOT_SUSPENDED,
        or_(cards.c.buried_until.is_(None), cards.c.buried_until <= day.now),
    )


def counts(
    connection: Connection, day: StudyDay, deck_ids: list[int]
) -> dict[int, tuple[int, int, int]]:
    """deck id -> (new, learning, due) for today, new and due capped by the daily limits."""
    if not deck_ids:
        return {}
    left = allowance(connection, day, deck_ids)
    rows = connection.execute(
        select(
            cards.c.deck_id,
            func.count().filter(cards.c.state == NEW),
            func.count().filter(cards.c.state.in_((LEARNING, RELEARNING)), cards.c.due < day.end),
            func.count().filter(cards.c.state == REVIEW, cards.c.due < day.end),
        )
        .where(cards.c.deck_id.in_(deck_ids), _available(day))
        .group_by(cards.c.deck_id)
    ).all()
    result = {deck_id: (0, 0, 0) for deck_id in deck_ids}
    for deck_id, new, learning, due in rows:
        result[deck_id] = (
            min(new, left.new[deck_id]),
            learning,
            min(due, left.review[deck_id]),
        )
    return result


def next_card_id(connection: Connection, day: StudyDay, deck_ids: list[int]) -> int | None:
    if not deck_ids:
        return None
    base = select(cards.c.id).where(cards.c.deck_id.in_(deck_ids), _available(day))
    learning = cards.c.state.in_((LEARNING, RELEARNING))
    card_id = connection.execute(
        base.where(learning, cards.c.due <= day.now).order_by(cards.c.due, cards.c.id).limit(1)
    ).scalar()
    if card_id is not None:
        return card_id
    left = allowance(connection, day, deck_ids)
    with_reviews = [d for d in deck_ids if left.review[d] > 0]
    if with_reviews:
        card_id = connection.execute(
            base.where(
                cards.c.deck_id.in_(with_reviews), cards.c.state == REVIEW, cards.c.due < day.end
            )
            .order_by(cards.c.due, cards.c.id)
            .limit(1)
        ).scalar()
        if card_id is not None:
            return card_id
    with_new = [d for d in deck_ids if left.new[d] > 0]
    if with_new:
        card_id = connection.execute(
            base.where(cards.c.deck_id.in_(with_new), cards.c.state == NEW)
            .order_by(cards.c.deck_id, cards.c.state, cards.c.position, cards.c.ordinal)
            .limit(1)
        ).scalar()
        if card_id is not None:
            return card_id
    return connection.execute(
        base.where(learning, cards.c.due <= day.now + LEARN_AHEAD)
        .order_by(cards.c.due, cards.c.id)
        .limit(1)
    ).scalar()


def next_due(connection: Connection, day: StudyDay, deck_ids: list[int]) -> datetime | None:
    """When the next card becomes due: a learning step, or the earliest review."""
    if not deck_ids:
        return None
    return connection.execute(
        select(func.min(Card.due)).where(
            cards.c.deck_id.in_(deck_ids),
            cards.c.suspended == NOT_SUSPENDED,
            cards.c.state != NEW,
            cards.c.due > day.now,
        )
    ).scalar()
