"""The FSRS memory worked out from a card's review history (cards another tool scheduled with
SM-2) is exactly what FSRS's own scheduler gives after reviewing a card with each review."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import fsrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from revise.formats.memory import memory_from_reviews
from revise.formats.model import ReviewData

START_MS = int(datetime(2005, 1, 1, tzinfo=UTC).timestamp() * 1000)
END_MS = int(datetime(2100, 1, 1, tzinfo=UTC).timestamp() * 1000)
DAY_MS = 86_400_000


def replayed(reviews: list[ReviewData]) -> tuple[float, float] | None:
    """FSRS's scheduler reviewing a new card with each review in time order."""
    ordered = sorted(reviews, key=lambda review: review.time)
    if not ordered:
        return None
    scheduler = fsrs.Scheduler(enable_fuzzing=False)
    card = fsrs.Card(card_id=1, due=ordered[0].time)
    for review in ordered:
        card, _ = scheduler.review_card(card, fsrs.Rating(review.rating), review.time)
    return card.stability, card.difficulty


# Gaps between reviews: the same minute, hours, just under and over whole days, years.
gaps = st.one_of(
    st.integers(0, 60_000),
    st.integers(0, DAY_MS * 2),
    st.sampled_from([DAY_MS - 1, DAY_MS, DAY_MS + 1, 2 * DAY_MS - 1, 2 * DAY_MS]),
    st.integers(DAY_MS, 4000 * DAY_MS),
)
histories = st.tuples(
    st.integers(START_MS, END_MS - 10_000 * DAY_MS),
    st.lists(st.tuples(gaps, st.integers(1, 4)), min_size=1, max_size=40),
)


def _reviews(history: tuple[int, list[tuple[int, int]]], *, in_ms: bool) -> list[ReviewData]:
    moment, steps = history
    reviews = []
    for gap, rating in steps:
        moment += gap
        if in_ms:  # as Anki's review log gives them
            reviews.append(ReviewData.at_ms(moment, rating))
        else:
            reviews.append(ReviewData(datetime.fromtimestamp(moment / 1000, UTC), rating))
    return reviews


@settings(max_examples=200, deadline=None)
@given(histories, st.booleans(), st.randoms(use_true_random=False))
def test_the_memory_is_fsrs_own_after_each_review(history, in_ms, shuffler) -> None:
    reviews = _reviews(history, in_ms=in_ms)
    shuffler.shuffle(reviews)  # read in any order, replayed in time order (ties as read)
    assert memory_from_reviews(reviews) == replayed(reviews)


def test_times_with_microseconds_count_whole_days_as_fsrs_does() -> None:
    start = datetime(2024, 3, 1, 8, 0, 0, 250, tzinfo=UTC)
    for later in (timedelta(days=1, microseconds=-1), timedelta(days=1), timedelta(days=3)):
        reviews = [ReviewData(start, 3), ReviewData(start + later, 2), ReviewData(start, 1)]
        assert memory_from_reviews(reviews) == replayed(reviews)


def test_a_long_history_of_every_rating() -> None:
    chance = random.Random(7)
    moment, reviews = START_MS, []
    for _ in range(500):
        moment += chance.choice([0, 600_000, DAY_MS, 5 * DAY_MS, 90 * DAY_MS])
        reviews.append(ReviewData.at_ms(moment, chance.randint(1, 4)))
    assert memory_from_reviews(reviews) == replayed(reviews)


def test_no_reviews_no_memory_and_a_rating_fsrs_lacks_is_refused() -> None:
    assert memory_from_reviews([]) is None
    with pytest.raises(ValueError):
        memory_from_reviews([ReviewData.at_ms(START_MS, 3), ReviewData.at_ms(START_MS + 1, 5)])
