"""A study session: the answers given in it, taken back in reverse order, and what it leaves.

Undo belongs to the session that answered: another window's answers, and answers from an
earlier session, are never taken back. Each answer carries an id made up before it is written,
so an answer retried while another window holds the collection is stored exactly once.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from revise.scheduling.states import Rating
from revise.storage.busy import until_free

if TYPE_CHECKING:
    from revise.study.collection import Collection, Progress, StudyCard
    from revise.study.custom import CustomStudy
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
    """`col.session(deck)`: study one deck (with its sub-decks) or, with None, every deck.

    With `custom`, the session studies the cards that custom study picks (study/custom.py) in
    its order, instead of today's queue; a card answered Again comes back at its end.
    """

    def __init__(
        self, collection: Collection, deck: str | None = None, custom: CustomStudy | None = None
    ) -> None:
        self.collection = collection
        self.deck = deck
        self.custom = custom
        self.answers: list[Answer] = []
        self._queue: list[int] | None = None  # custom study's cards still to show
        self._queue_lock = threading.Lock()
        self._requeued: list[bool] = []  # per answer in custom study: whether it came back

    @property
    def moves_schedule(self) -> bool:
        """Whether answers move the schedule (not in custom study that leaves it alone)."""
        return self.custom is None or self.custom.moves_schedule

    def _custom_queue(self) -> list[int]:
        """Custom study's cards, picked when first asked for (in a worker, not the screen)."""
        assert self.custom is not None
        with self._queue_lock:
            if self._queue is None:
                self._queue = self.collection.custom_card_ids(self.deck, self.custom)
            return self._queue

    def next_card(self) -> StudyCard | None:
        if self.custom is None:
            return self.collection.next_card(self.deck)
        queue = self._custom_queue()
        # A card suspended or buried meanwhile (from this screen or elsewhere) leaves the session.
        while queue and not self.collection.can_study(queue[0]):
            queue.pop(0)
        return self.collection.card(queue[0]) if queue else None

    def progress(self) -> Progress:
        """Today's answers and cards left; in custom study, this session's and its cards left."""
        if self.custom is None:
            return self.collection.progress(self.deck)
        from revise.study.collection import Progress

        return Progress(done_today=len(self.answers), due=len(self._custom_queue()))

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
        return self._answer(card, rating, duration_ms, on_wait, then_next=False)[0]

    def answer_then_next(
        self,
        card: StudyCard,
        rating: Rating | int,
        duration_ms: int = 0,
        *,
        on_wait: Callable[[], None] | None = None,
    ) -> StudyCard | None:
        """`answer`, then `next_card`: on a server the next card is read in the round trip that
        commits the answer, after the commit."""
        return self._answer(card, rating, duration_ms, on_wait, then_next=True)[1]()

    def _answer(
        self,
        card: StudyCard,
        rating: Rating | int,
        duration_ms: int,
        on_wait: Callable[[], None] | None,
        *,
        then_next: bool,
    ) -> tuple[int, Callable[[], StudyCard | None]]:
        rating = Rating(int(rating))
        uid = os.urandom(16).hex()  # 32 random hex digits: uuid4().hex at a fifth of the cost
        next_card = self.next_card
        if then_next and self.custom is None:
            answered = until_free(
                lambda: self.collection.answer_then_next(
                    card, rating, duration_ms, deck=self.deck, uid=uid
                ),
                on_wait,
            )
            review_id, next_card = answered.review_id, answered.next_card
        else:
            review_id = until_free(
                lambda: self.collection.answer(
                    card, rating, duration_ms, uid=uid, reschedule=self.moves_schedule
                ),
                on_wait,
            )
        if self.custom is not None:
            queue = self._custom_queue()
            if card.id in queue:
                queue.remove(card.id)
            again = rating == Rating.AGAIN
            if again:
                queue.append(card.id)
            self._requeued.append(again)
        leech = self.collection.made_leech(review_id) if rating == Rating.AGAIN else None
        self.answers.append(Answer(review_id, card.id, rating, duration_ms, leech))
        return review_id, next_card

    def undo(self, *, on_wait: Callable[[], None] | None = None) -> StudyCard | None:
        """Take back this session's latest answer; returns its card, or None if none is left."""
        if not self.answers:
            return None
        last = self.answers.pop()
        card = until_free(lambda: self.collection.undo(last.review_id), on_wait)
        if self.custom is not None:
            queue = self._custom_queue()
            if self._requeued.pop() and queue and queue[-1] == last.card_id:
                queue.pop()
            queue.insert(0, last.card_id)
        return card

    def summary(self) -> SessionSummary:
        return SessionSummary(
            deck=self.deck,
            cards=len({answer.card_id for answer in self.answers}),
            answers=len(self.answers),
            again=sum(1 for answer in self.answers if answer.rating == Rating.AGAIN),
            spent_ms=sum(answer.duration_ms for answer in self.answers),
            left=self.progress(),
            next_due=self.collection.next_due(self.deck),
        )
