"""Taking an answer back: the card's state before it, its resting siblings woken, the review gone.

Only a named review is taken back, never "the newest in the collection": another window's
answers, and answers from earlier sessions, are not this session's to undo.
"""

from __future__ import annotations

from sqlalchemy import Connection, delete, select, update

from revise.errors import ReviseError
from revise.storage.models import Card, Review
from revise.study import leeches
from revise.study.custom import CRAM_ORIGIN

cards_t = Card.__table__
reviews_t = Review.__table__

_BY_UID = select(reviews_t.c.id).where(reviews_t.c.uid.is_not(None))


def answer_with_uid(connection: Connection, uid: str | None) -> int | None:
    """The review already stored under `uid`, if an earlier try of this answer got through."""
    if uid is None:
        return None
    return connection.execute(_BY_UID.where(reviews_t.c.uid == uid)).scalar()


def take_back(connection: Connection, review_id: int) -> int:
    """Undo review `review_id` (in a write transaction); returns its card's id."""
    review = connection.execute(select(reviews_t).where(reviews_t.c.id == review_id)).one_or_none()
    if review is None:
        raise ReviseError("that answer is no longer in the collection; nothing was undone")
    # Lock the card's row (PostgreSQL) so another computer cannot answer it while it is undone.
    connection.execute(select(cards_t.c.id).where(cards_t.c.id == review.card_id).with_for_update())
    newest = connection.execute(
        select(reviews_t.c.id)
        .where(reviews_t.c.card_id == review.card_id)
        .order_by(reviews_t.c.reviewed_at.desc(), reviews_t.c.id.desc())
        .limit(1)
    ).scalar_one()
    if newest != review_id:
        raise ReviseError(
            "that card was answered again since, in another window; its answer was kept"
        )
    if review.origin == CRAM_ORIGIN:  # it left the card as it was: only the log entry goes
        connection.execute(delete(reviews_t).where(reviews_t.c.id == review_id))
        return review.card_id
    connection.execute(
        update(cards_t)
        .where(cards_t.c.id == review.card_id)
        .values(
            state=review.state_before,
            step=review.step_before,
            stability=review.stability_before,
            difficulty=review.difficulty_before,
            due=review.due_before,
            last_review=review.last_review_before,
            reps=review.reps_before,
            lapses=review.lapses_before,
        )
    )
    if review.leech:
        leeches.take_back(connection, review.card_id, review.leech)
    buried = [int(i) for i in (review.buried_before or "").split()]
    if buried:
        connection.execute(
            update(cards_t).where(cards_t.c.id.in_(buried)).values(buried_until=None)
        )
    connection.execute(delete(reviews_t).where(reviews_t.c.id == review_id))
    return review.card_id
