"""Past days' reviews are read from sums kept in the collection: every change keeps them true."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select, text

from revise import Collection, Rating
from revise.config import Config
from revise.formats.model import CardHistory, DeckData, NoteData, NoteKind, ReviewData
from revise.storage import engine as storage
from revise.storage.models import ReviewDaysState, to_ms
from revise.study import stats
from revise.study.review_days import DAY_MS, _runs
from tests.test_stats import deck, generate_history


def summed_from_the_log(col: Collection, name: str | None):  # type: ignore[no-untyped-def]
    """The statistics summed from the review log itself, the sums kept aside."""
    with storage.writing(col._engine) as connection:
        connection.execute(delete(ReviewDaysState.__table__))
    day = col._day()
    with storage.reading(col._engine) as connection:
        ids = None if name is None else col._deck_ids(connection, name)
        return stats.collect(
            connection,
            ids,
            deck=name,
            now=day.now,
            day_start=day.start,
            desired_retention=0.9,
            decay=0.1542,
        )


def figures(statistics):  # type: ignore[no-untyped-def]
    return statistics.heatmap, [
        (p.reviews, p.seconds, p.again, p.young, p.mature) for p in statistics.periods
    ]


def assert_sums_match_the_log(col: Collection) -> None:
    for name in (None, "History", "Maths", "Old"):
        if name is not None and not col.deck_names(name):
            continue
        kept = col.statistics(name)
        assert figures(kept) == figures(summed_from_the_log(col, name)), name


@pytest.fixture
def studied(db, clock):  # type: ignore[no-untyped-def]
    col = Collection.open(db, config=Config(fuzz=False, new_per_day=5), clock=clock)
    col.import_decks([deck("History", 12), deck("Maths", 3)])
    generate_history(col, clock, "History", days=12)
    generate_history(col, clock, "Maths", days=3)
    yield col
    col.close()


def test_sums_are_kept_and_stay_true_through_every_change(studied, clock):
    col = studied
    first = col.statistics()
    with storage.reading(col._engine) as connection:
        kept_days = connection.execute(text("SELECT count(*) FROM review_days")).scalar()
        state = connection.execute(select(ReviewDaysState.__table__)).one()
    assert kept_days > 0
    assert state.done_until * DAY_MS + state.phase_ms == to_ms(col._day().start)
    assert figures(first) == figures(summed_from_the_log(col, None))

    # An answer today is summed as today; tomorrow it is a kept day.
    card = col.next_card("History") or col.next_card("Maths")
    assert card is not None
    review = col.answer(card, Rating.AGAIN, duration_ms=4000)
    assert col.statistics().heatmap[-1] == 1
    clock.advance(days=1)
    assert col.statistics().heatmap[-2] == 1
    assert_sums_match_the_log(col)

    # Taking back yesterday's answer (a session across the rollover) unsums it.
    col.undo(review)
    assert col.statistics().heatmap[-2] == 0
    assert_sums_match_the_log(col)

    # Old reviews imported with a deck land on their own days.
    when = clock.now - timedelta(days=40)
    old = DeckData(
        "Old",
        [
            NoteData(
                NoteKind.BASIC,
                "Old question?",
                "Old answer",
                history=[CardHistory(0, reviews=[ReviewData(when, 3, 2000)] * 1)],
            )
        ],
    )
    before = col.statistics()
    col.import_decks([old])
    after = col.statistics()
    assert sum(after.heatmap) == sum(before.heatmap) + 1
    assert col.statistics("Old").heatmap[-41] == 1
    assert_sums_match_the_log(col)

    # A card moved to another deck takes its reviews along; a deleted deck takes its own.
    with storage.writing(col._engine) as connection:
        card_id = connection.execute(
            text(
                "SELECT cards.id FROM cards JOIN decks ON decks.id = cards.deck_id "
                "WHERE decks.name = 'History' LIMIT 1"
            )
        ).scalar()
        connection.execute(
            text(
                "UPDATE cards SET deck_id = (SELECT id FROM decks WHERE name = 'Maths') "
                "WHERE id = :id"
            ),
            {"id": card_id},
        )
    assert_sums_match_the_log(col)
    with storage.writing(col._engine) as connection:
        connection.execute(text("DELETE FROM decks WHERE name = 'Maths'"))
    assert sum(col.statistics().heatmap) == sum(col.statistics("History").heatmap) + 1
    assert_sums_match_the_log(col)


def test_another_rollover_hour_sums_the_days_again(studied, db, clock):
    col = studied
    col.statistics()
    moved = Collection.open(db, config=Config(fuzz=False, day_starts_at=9), clock=clock)
    try:
        assert figures(moved.statistics()) == figures(summed_from_the_log(moved, None))
    finally:
        moved.close()


def test_runs_of_days():
    assert list(_runs([])) == []
    assert list(_runs([3, 4, 5, 9, 11, 12])) == [(3, 6), (9, 10), (11, 13)]
