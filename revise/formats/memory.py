"""FSRS memory (stability, difficulty) for cards another tool scheduled without FSRS.

A card in review must carry a stability and difficulty for FSRS to schedule it. Anki records them
only when FSRS was on; otherwise (SM-2 decks, the Obsidian plugin) they are worked out here, the
way Anki does when FSRS is switched on: from the card's review history when there is one, else
from its last SM-2 interval and ease.
"""

from __future__ import annotations

import math
from functools import lru_cache
from operator import attrgetter

from revise.formats.model import ReviewData

# SM-2 schedules each review for roughly 90% recall, and FSRS stability is by definition the
# interval at which recall falls to 90%, so an SM-2 interval reads directly as a stability.
SM2_RETENTION = 0.9
DEFAULT_EASE = 2.5
MIN_DIFFICULTY, MAX_DIFFICULTY = 1.0, 10.0


def memory_from_reviews(reviews: list[ReviewData]) -> tuple[float, float] | None:
    """(stability, difficulty) after replaying the reviews through FSRS's default model.

    The same as reviewing an FSRS card with each in turn (`Scheduler.review_card`), on plain
    numbers: a card's stability and difficulty depend only on the ratings and on the whole days
    between reviews, not on its learning state or due time, so FSRS's own formulas are applied
    without making a card and a datetime for each of a package's hundreds of thousands of reviews.
    """
    if not reviews:
        return None
    ordered = sorted(reviews, key=_MOMENT)
    scheduler = _replay_scheduler()
    next_stability, short_term = scheduler._next_stability, scheduler._short_term_stability
    next_difficulty, factor, decay = scheduler._next_difficulty, scheduler._FACTOR, scheduler._DECAY
    first = _rating(ordered[0])
    stability = scheduler._initial_stability(rating=first)
    difficulty = scheduler._initial_difficulty(rating=first, clamp=True)
    last = ordered[0].microseconds
    for review in ordered[1:]:
        rating, moment = _rating(review), review.microseconds
        days = (moment - last) // _DAY_US  # whole days, as FSRS counts them
        if days < 1:
            stability = short_term(stability=stability, rating=rating)
        else:
            recall = (1 + factor * days / stability) ** decay  # Scheduler.get_card_retrievability
            stability = next_stability(
                difficulty=difficulty, stability=stability, retrievability=recall, rating=rating
            )
        difficulty = next_difficulty(difficulty=difficulty, rating=rating)
        last = moment
    return stability, difficulty


_DAY_US = 86_400_000_000
_MOMENT = attrgetter("microseconds")
_RATINGS = frozenset((1, 2, 3, 4))  # fsrs.Rating: Again, Hard, Good, Easy


def _rating(review: ReviewData) -> int:
    if review.rating not in _RATINGS:
        raise ValueError(f"{review.rating!r} is not a valid Rating")
    return review.rating


@lru_cache(maxsize=1)
def _replay_scheduler():  # type: ignore[no-untyped-def]
    """FSRS's default model, without fuzz; it holds no state between reviews, so one serves all."""
    import fsrs

    return fsrs.Scheduler(enable_fuzzing=False)


def memory_from_sm2(interval_days: float, ease: float | None) -> tuple[float, float]:
    """(stability, difficulty) for a card SM-2 last gave `interval_days` at `ease` (e.g. 2.5).

    Difficulty is the value for which FSRS's growth of stability on a successful review at 90%
    recall equals the SM-2 ease: S'/S = 1 + e^w8 * (11 - D) * S^-w9 * (e^(w10 * (1 - R)) - 1).
    """
    import fsrs

    weights = fsrs.Scheduler().parameters
    stability = max(float(interval_days), 0.1)
    growth = (ease or DEFAULT_EASE) - 1.0
    per_difficulty = (
        math.exp(weights[8])
        * stability ** -weights[9]
        * math.expm1(weights[10] * (1 - SM2_RETENTION))
    )
    difficulty = 11.0 - growth / per_difficulty
    return stability, min(MAX_DIFFICULTY, max(MIN_DIFFICULTY, difficulty))
