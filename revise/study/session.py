"""A study session: the answers given in it, taken back in reverse order, and what it leaves.

Undo belongs to the session that answered: another window's answers, and answers from an
earlier session, are never taken back. Each answer carries an id made up before it is written,
so an answer retried while another window holds the collection is stored exactly once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from revise.scheduling.states import Rating
from revise.storage.busy import until_free

if TYPE_CHECKING:
    from revise.study.collection import Collection, Progress, StudyCard
    from revise.study.leeches import Leech


@dataclass(frozen=True)
class Answer:
    review_id: int
    card_id: int
    rating: Rating
    duration_ms: int
    leech: Leech | None = None  # the answer made the card a leech


@dataclass(frozen=True)
class SessionSummary:
    """What a session did, what it leaves for today, and when to come back."""

    deck: str | None
    cards: int  # different cards answered
    answers: int  # answers given (a card answered Again and then Good counts twice)
    again: int
    spent_ms: int
    left: Progress  # today's cards not yet studied
    next_due: datetime | None  # when a card can next be studied: now, if any is left now


class StudySession:
    """`col.session(deck)`: study one deck (with its sub-decks) or, with None, every deck."""

    def __init__(self, collection: Collection, deck: str | None = None) -> None:
        self.collection = collection
        self.deck = deck
        self.answers: list[Answer] = []

    def next_card(self) -> StudyCard | None:
        return self.collection.next_card(self.deck)

    def answer(
        self,
        card: StudyCard,
        rating: Rating | int,
        duration_ms: int = 0,
        *,
        on_wait: Callable[[], None] | None = None,
    ) -> int:
        """Grade `card`, committed on return. While another window holds the collection,
        `on_wait` is told and the same answer is tried again; it is stored once.
        """
        rating = Rating(int(rating))
        uid = uuid.uuid4().hex
        review_id = until_free(
            lambda: self.collection.answer(card, rating, duration_ms, uid=uid), on_wait
        )
        leech = self.collection.made_leech(review_id) if rating == Rating.AGAIN else None
        self.answers.append(Answer(review_id, card.id, rating, duration_ms, leech))
        return review_id

    def undo(self, *, on_wait: Callable[[], None] | None = None) -> StudyCard | None:
        """Take back this session's latest answer; returns its card, or None if none is left."""
        if not self.answers:
            return None
        last = self.answers.pop()
        return until_free(lambda: self.collection.undo(last.review_id), on_wait)

    def summary(self) -> SessionSummary:
        return SessionSummary(
            deck=self.deck,
            cards=len({answer.card_id for answer in self.answers}),
            answers=len(self.answers),
            again=sum(1 for answer in self.answers if answer.rating == Rating.AGAIN),
            spent_ms=sum(answer.duration_ms for answer in self.answers),
            left=self.collection.progress(self.deck),
            next_due=self.collection.next_due(self.deck),
        )
