"""The queue's order, written once, in plain SQL on the cards table: read by the queue
(revise/scheduling/queue.py, through SQLAlchemy) and by the first card of `revise study`
(revise/study/first_card.py, with Python's sqlite3 before SQLAlchemy is imported).

A card is picked from the first of these kinds that has one, in this order: learning cards whose
step is due, reviews due today, new cards in deck order, and when nothing else is left, learning
cards due within the learn-ahead window. Each kind's first card is one statement's
`SELECT id ... LIMIT 1`, taking `:now` (and `:end` or `:ahead`) in epoch milliseconds.

Every constant is written into the SQL rather than bound: a server then plans the statement once
and keeps that plan (PostgreSQL keeps a prepared statement's generic plan only when its estimated
cost is that of a plan made for the values, which a bound LIMIT or state hides from it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from revise.scheduling.states import LEARNING, NEW, RELEARNING, REVIEW
from revise.storage.values import NOT_SUSPENDED

# Not suspended, not resting for the day (a buried sibling).
_AVAILABLE = f"suspended = {NOT_SUSPENDED} AND (buried_until IS NULL OR buried_until <= :now)"


@dataclass(frozen=True)
class Kind:
    """One kind of card in the queue: what makes it due now, and the order within it."""

    due: str
    order: str

    def first(self, deck_ids: Iterable[int] | None) -> str:
        """A statement giving the id of the first card of this kind in these decks (at least
        one; None: in any deck), or no row."""
        where = _AVAILABLE
        if deck_ids is not None:
            decks = ", ".join(str(int(deck_id)) for deck_id in deck_ids)
            where = f"deck_id IN ({decks}) AND {where}"
        return f"SELECT id FROM cards WHERE {where} AND {self.due} ORDER BY {self.order} LIMIT 1"


_BY_DUE = "due, id"
LEARNING_DUE = Kind(f"state IN ({LEARNING}, {RELEARNING}) AND due <= :now", _BY_DUE)
REVIEW_DUE = Kind(f"state = {REVIEW} AND due < :end", _BY_DUE)
# `review_order = "retrievability"`: the least likely to be recalled first. Retrievability
# R = (1 + factor * t / S) ** -decay falls as the time t since the last review grows against the
# stability S, so the largest t / S is the most forgotten.
REVIEW_LEAST_RETRIEVABLE = Kind(
    REVIEW_DUE.due, f"(:now - last_review) / stability DESC NULLS LAST, {_BY_DUE}"
)
NEW_IN_DECK_ORDER = Kind(f"state = {NEW}", "deck_id, state, position, ordinal")
LEARNING_AHEAD = Kind(f"state IN ({LEARNING}, {RELEARNING}) AND due <= :ahead", _BY_DUE)


def review_kind(review_order: str) -> Kind:
    """The reviews' kind under the `review_order` setting ("due" or "retrievability")."""
    return REVIEW_LEAST_RETRIEVABLE if review_order == "retrievability" else REVIEW_DUE
