"""After a break: overdue reviews come most overdue first, or least retrievable first."""

from __future__ import annotations

from datetime import timedelta

from revise import Collection
from revise.config import Config
from revise.formats.model import CardHistory, DeckData, NoteData, NoteKind, ScheduleData
from revise.scheduling.scheduler import REVIEW
from revise.tui.screens.review import overdue_note


def far_behind(clock) -> DeckData:  # type: ignore[no-untyped-def]
    """Three review cards left for weeks: (days since the last review, stability in days)."""
    notes = []
    for name, (days_ago, stability) in {
        "A": (40, 5.0),  # due 35 days ago, the longest overdue; t / S = 8
        "B": (20, 1.0),  # due 19 days ago; t / S = 20, the most forgotten
        "C": (10, 2.0),  # due 8 days ago; t / S = 5
    }.items():
        last = clock.now - timedelta(days=days_ago)
        schedule = ScheduleData(
            state=REVIEW,
            due=last + timedelta(days=stability),
            stability=stability,
            difficulty=5.0,
            last_review=last,
            reps=3,
        )
        notes.append(NoteData(NoteKind.BASIC, f"{name}?", name, history=[CardHistory(0, schedule)]))
    return DeckData("Behind", notes)


def order_of(col: Collection) -> list[str]:
    shown = []
    while (card := col.next_card("Behind")) is not None:
        shown.append(card.answer)
        col.answer(card, 3)
    return shown


def test_overdue_reviews_by_due_date_or_by_retrievability(db, clock):
    by_due = Collection.open(db, config=Config(fuzz=False), clock=clock)
    try:
        by_due.import_decks([far_behind(clock)])
        assert by_due.overdue("Behind") == 3
        assert by_due.statistics("Behind").overdue == 3
        with_retrievability = Collection.open(
            db, config=Config(fuzz=False, review_order="retrievability"), clock=clock
        )
        try:
            assert order_of(with_retrievability) == ["B", "A", "C"]
        finally:
            with_retrievability.close()
        assert by_due.overdue("Behind") == 0
    finally:
        by_due.close()


def test_by_due_date_the_longest_overdue_comes_first(col, clock):
    col.import_decks([far_behind(clock)])
    assert order_of(col) == ["A", "B", "C"]


def test_the_review_screen_says_how_many_are_overdue_and_in_which_order():
    assert overdue_note(1, "due").startswith("1 review is overdue; the longest overdue come first")
    assert 'review_order = "retrievability"' in overdue_note(312, "due")
    assert overdue_note(312, "retrievability") == (
        "312 reviews are overdue; the ones you are most likely to have forgotten come first."
    )


def test_revise_study_paints_the_same_first_card_in_either_order(db_path, clock):
    from revise.study.first_card import read_first_card

    for order, first in (("due", "A"), ("retrievability", "B")):
        path = db_path.with_name(f"{order}.db")
        config = Config(fuzz=False, review_order=order)
        with Collection.open(path, config=config, clock=clock) as col:
            col.import_decks([far_behind(clock)])
            card = col.next_card("Behind")
            assert card is not None and card.answer == first
        fast = read_first_card(path, "Behind", config, clock.now)
        assert fast is not None and fast.card == card
