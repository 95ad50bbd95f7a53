"""Everything known about one card: its text and where it came from, its memory now, and every
review it had (Anki's Card Info)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, select

from revise.errors import ReviseError
from revise.scheduling.scheduler import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.models import Card, Note, Review
from revise.study.search import CardRow, card_rows

cards_t = Card.__table__
notes_t = Note.__table__
reviews_t = Review.__table__

# What the card was when it was answered, as Anki's card info names it.
REVIEW_KINDS = {NEW: "Learn", LEARNING: "Learn", REVIEW: "Review", RELEARNING: "Relearn"}
RATINGS = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


@dataclass(frozen=True)
class ReviewLine:
    when: datetime
    rating: int
    kind: str  # Learn, Review, Relearn; Imported for a review that came with an Anki package
    interval: timedelta | None  # until the card was next due after this answer
    duration_ms: int | None

    @property
    def rating_name(self) -> str:
        return RATINGS.get(self.rating, str(self.rating))


@dataclass(frozen=True)
class CardInfo:
    card: CardRow
    front: str  # the note's sides as written
    back: str
    retrievability: float | None  # the chance of recalling it now
    reviews: list[ReviewLine]  # oldest first

    @property
    def total_ms(self) -> int:
        return sum(review.duration_ms or 0 for review in self.reviews)

    @property
    def first_review(self) -> datetime | None:
        return self.reviews[0].when if self.reviews else None

    @property
    def latest_review(self) -> datetime | None:
        return self.reviews[-1].when if self.reviews else None


def card_info(
    connection: Connection, card_id: int, now: datetime, retrievability: float | None
) -> CardInfo:
    rows = card_rows(connection, [card_id], now)
    if not rows:
        raise ReviseError(f"card {card_id} no longer exists (it was deleted elsewhere)")
    note = connection.execute(
        select(notes_t.c.front, notes_t.c.back).where(notes_t.c.id == rows[0].note_id)
    ).one()
    reviews = [
        ReviewLine(
            when=row.reviewed_at,
            rating=row.rating,
            kind="Imported" if row.state_before is None else REVIEW_KINDS[row.state_before],
            interval=None if row.due_after is None else row.due_after - row.reviewed_at,
            duration_ms=row.duration_ms,
        )
        for row in connection.execute(
            select(reviews_t)
            .where(reviews_t.c.card_id == card_id)
            .order_by(reviews_t.c.reviewed_at, reviews_t.c.id)
        )
    ]
    return CardInfo(rows[0], note.front, note.back, retrievability, reviews)
