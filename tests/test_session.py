"""Study sessions: undo belongs to the session that answered, the summary tells the truth."""

from __future__ import annotations

from datetime import timedelta

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from revise.scheduling.day import day_bounds
from tests.core_fixtures import basic_deck


def other_window(db, clock, **config) -> Collection:
    return Collection.open(db, config=Config(fuzz=False, **config), clock=clock)


def test_undo_takes_back_this_sessions_answers_in_reverse_order(col, db, clock):
    col.import_decks([basic_deck("A", 3), basic_deck("B", 3)])
    session = col.session("A")
    first = session.next_card()
    session.answer(first, Rating.EASY)
    second = session.next_card()
    session.answer(second, Rating.EASY)
    other = other_window(db, clock)
    try:
        other.session("B").answer(other.next_card("B"), Rating.EASY)
    finally:
        other.close()
    assert session.undo().id == second.id
    assert session.undo().id == first.id
    assert session.undo() is None
    # The other window's answer is still there; this session's are gone.
    assert col.progress("B").done_today == 1
    assert col.progress("A").done_today == 0


def test_undo_never_reaches_an_earlier_session(col, clock):
    col.import_decks([basic_deck("A", 3), basic_deck("B", 3)])
    yesterday = col.session("B")
    yesterday.answer(yesterday.next_card(), Rating.GOOD)
    clock.advance(days=1)
    today = col.session("A")
    assert today.undo() is None
    assert len(col.export_deck("B").notes[0].history[0].reviews) == 1


def test_window_a_undo_never_deletes_window_b_answer(col, db, clock):
    col.import_decks([basic_deck("A", 1)])
    mine = col.session("A")
    card = mine.next_card()
    mine.answer(card, Rating.AGAIN)
    clock.advance(minutes=2)
    other = other_window(db, clock)
    try:
        theirs = other.session("A")
        assert theirs.next_card().id == card.id
        theirs.answer(card, Rating.GOOD)
        with pytest.raises(ReviseError, match="answered again since, in another window"):
            mine.undo()
        assert mine.undo() is None  # the refused answer is no longer this session's to undo
        assert theirs.undo().id == card.id  # the other window takes back its own answer
    finally:
        other.close()
    assert [r.rating for r in col.export_deck("A").notes[0].history[0].reviews] == [1]


def test_collection_undo_takes_back_only_answers_given_through_it(col, db, clock):
    col.import_decks([basic_deck("A", 2)])
    other = other_window(db, clock)
    try:
        other.answer(other.next_card(), Rating.EASY)
        assert col.undo() is None
        card = col.next_card()
        col.answer(card, Rating.EASY)
        assert col.undo().id == card.id
        assert col.progress().done_today == 1  # the other window's answer
    finally:
        other.close()


def test_an_answer_retried_with_its_uid_is_stored_once(col):
    col.import_decks([basic_deck("A", 2)])
    card = col.next_card()
    first = col.answer(card, Rating.GOOD, uid="3f2a")
    again = col.answer(card, Rating.GOOD, uid="3f2a")
    assert first == again
    assert col.progress().done_today == 1
    assert col.export_deck("A").notes[0].history[0].schedule.reps == 1


def test_summary_counts_cards_and_answers_separately(col, clock):
    col.import_decks([basic_deck("A", 3)])
    session = col.session("A")
    for rating in (Rating.AGAIN, Rating.EASY, Rating.EASY):
        session.answer(session.next_card(), rating)
    clock.advance(minutes=1)
    card = session.next_card()
    session.answer(card, Rating.GOOD, duration_ms=4000)
    summary = session.summary()
    assert (summary.cards, summary.answers, summary.again) == (3, 4, 1)
    assert summary.spent_ms == 4000


def test_summary_says_now_when_cards_are_left(col, clock):
    col.import_decks([basic_deck("A", 14)])
    session = col.session("A")
    session.answer(session.next_card(), Rating.AGAIN)
    session.answer(session.next_card(), Rating.EASY)  # a review card due in days
    summary = session.summary()
    assert (summary.left.new, summary.left.learning, summary.left.due) == (12, 1, 0)
    assert summary.next_due == clock.now


def test_summary_sends_new_cards_waiting_for_tomorrow_to_the_rollover(db, clock):
    col = other_window(db, clock, new_per_day=2)
    try:
        col.import_decks([basic_deck("A", 5)])
        session = col.session("A")
        for _ in range(2):
            session.answer(session.next_card(), Rating.EASY)
        summary = session.summary()
        assert summary.left.left_today == 0
        rollover = day_bounds(clock.now, col.config.day_starts_at)[1]
        assert summary.next_due == rollover
    finally:
        col.close()


def test_next_due_is_the_rollover_of_the_day_a_review_falls_due(col, clock):
    col.import_decks([basic_deck("A", 1)])
    card = col.next_card()
    col.answer(card, Rating.EASY)
    due = col.export_deck("A").notes[0].history[0].schedule.due
    assert due > clock.now + timedelta(days=1)
    assert col.session("A").summary().next_due == day_bounds(due, col.config.day_starts_at)[0]


def test_next_due_is_a_later_learning_step_less_the_learn_ahead(db, clock):
    steps = (timedelta(minutes=1), timedelta(hours=1))
    col = other_window(db, clock, learning_steps=steps, new_per_day=1)
    try:
        col.import_decks([basic_deck("A", 3)])
        col.answer(col.next_card(), Rating.GOOD)  # the 1h step; no more new cards today
        assert col.next_card() is None
        assert col.next_due() == clock.now + timedelta(minutes=40)
    finally:
        col.close()
