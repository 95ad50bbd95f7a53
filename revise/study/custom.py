"""Custom study: a session over cards picked for the occasion, outside today's queue and limits.

As Anki's custom study sessions:

- ahead: review cards due within the next N days (today's included), earliest first;
- forgotten: cards answered Again in the last N study days (1: today), first forgotten first;
- cram: every card of the deck that is not suspended, new ones too, in deck order;
- search: the cards an Anki search finds (study/search.py), as Anki's filtered decks: those with
  a due date first, earliest first, then new ones in deck order. A search given with the other
  kinds narrows the cards they pick (`--cram --search tag:exam` crams the cards tagged exam).

Answers either move the schedule, as in a normal session (a card reviewed early gets the
interval FSRS gives for the time that really passed), or leave it alone: the answer is logged as
a cram review (origin "cram", with no card state, like a review imported from another app) that
counts in the statistics' reviews, time and Again rate but not in true retention, daily limits,
fitting or exports, and the card's schedule is untouched. As in Anki, reviewing ahead,
forgotten and found cards moves the schedule and cramming does not, unless the user says
otherwise. Either
way a card answered Again comes back at the end of the session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Connection, func, insert, select

from revise.scheduling.queue import StudyDay
from revise.scheduling.scheduler import REVIEW, Rating
from revise.storage.models import NOT_SUSPENDED, Card, Review
from revise.study import search as searching

cards_t = Card.__table__
reviews_t = Review.__table__

CRAM_ORIGIN = "cram"  # Review.origin of an answer that left the schedule alone
MAX_CUSTOM_DAYS = 36500  # the most days ahead or back custom study looks


class Kind(StrEnum):
    AHEAD = "ahead"
    FORGOTTEN = "forgotten"
    CRAM = "cram"
    SEARCH = "search"


@dataclass(frozen=True)
class CustomStudy:
    kind: Kind
    days: int = 1  # ahead: due within this many days after today; forgotten: study days back
    reschedule: bool | None = None  # None: as Anki does for this kind
    search: str | None = None  # only the cards this search finds (search: the cards it finds)

    @property
    def moves_schedule(self) -> bool:
        return self.kind != Kind.CRAM if self.reschedule is None else self.reschedule

    def what(self) -> str:
        """The cards the session studies, for its messages."""
        if self.kind == Kind.AHEAD:
            what = f"reviews due in the next {_days(self.days)}"
        elif self.kind == Kind.FORGOTTEN:
            what = (
                "cards forgotten today"
                if self.days == 1
                else (f"cards forgotten in the last {_days(self.days)}")
            )
        elif self.kind == Kind.CRAM:
            what = "every card (cram)"
        else:
            what = "cards"
        return what if self.search is None else f'{what} found by "{self.search}"'

    def describe(self) -> str:
        """What the session studies and whether it moves the schedule, for its title."""
        schedule = "schedule moves" if self.moves_schedule else "schedule left alone"
        return f"{self.what()}; {schedule}"


def _days(count: int) -> str:
    return "day" if count == 1 else f"{count} days"


def card_ids(
    connection: Connection, day: StudyDay, deck_ids: list[int], study: CustomStudy
) -> list[int]:
    """The cards of `deck_ids` the session studies, in the order it shows them."""
    if not deck_ids:
        return []
    active = cards_t.c.deck_id.in_(deck_ids) & (cards_t.c.suspended == NOT_SUSPENDED)
    if study.search is not None:  # a query that cannot be read raises its one line here
        active &= cards_t.c.id.in_(searching.matching(connection, study.search, day))
    if study.kind == Kind.AHEAD:
        until = day.end + timedelta(days=study.days)
        query = (
            select(cards_t.c.id)
            .where(active, cards_t.c.state == REVIEW, cards_t.c.due < until)
            .order_by(cards_t.c.due, cards_t.c.id)
        )
    elif study.kind == Kind.FORGOTTEN:
        since = day.start - timedelta(days=study.days - 1)
        first_again = func.min(reviews_t.c.reviewed_at)
        query = (
            select(cards_t.c.id)
            .join(reviews_t, reviews_t.c.card_id == cards_t.c.id)
            .where(
                active,
                reviews_t.c.rating == int(Rating.AGAIN),
                reviews_t.c.reviewed_at >= since,
                reviews_t.c.origin != CRAM_ORIGIN,
            )
            .group_by(cards_t.c.id)
            .order_by(first_again, cards_t.c.id)
        )
    elif study.kind == Kind.CRAM:
        query = (
            select(cards_t.c.id)
            .where(active)
            .order_by(cards_t.c.deck_id, cards_t.c.position, cards_t.c.ordinal, cards_t.c.id)
        )
    else:
        query = (
            select(cards_t.c.id)
            .where(active)
            .order_by(
                cards_t.c.due.asc().nulls_last(),
                cards_t.c.deck_id,
                cards_t.c.position,
                cards_t.c.ordinal,
                cards_t.c.id,
            )
        )
    return list(connection.execute(query).scalars())


def can_study(connection: Connection, card_id: int, now: datetime) -> bool:
    """Whether the card is still there, not suspended and not resting (buried) now."""
    return (
        connection.execute(
            select(cards_t.c.id).where(
                cards_t.c.id == card_id,
                cards_t.c.suspended == NOT_SUSPENDED,
                cards_t.c.buried_until.is_(None) | (cards_t.c.buried_until <= now),
            )
        ).first()
        is not None
    )


def log_practice(
    connection: Connection,
    card_id: int,
    rating: Rating,
    duration_ms: int | None,
    uid: str | None,
    now: datetime,
) -> int:
    """Log an answer that leaves the card's schedule alone; returns the review's id."""
    return connection.execute(
        insert(reviews_t).values(
            uid=uid,
            card_id=card_id,
            reviewed_at=now,
            rating=int(rating),
            duration_ms=duration_ms,
            origin=CRAM_ORIGIN,
            buried_before="",
        )
    ).inserted_primary_key[0]
