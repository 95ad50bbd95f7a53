"""The study loop keeps the deck names and the options set on decks between cards (SQLite) while
nothing else writes to the collection: a change made meanwhile, in this window or another, holds
from the next card on."""

from __future__ import annotations

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from tests.core_fixtures import basic_deck


def test_a_daily_limit_set_between_cards_holds_from_the_next_card(col):
    col.import_decks([basic_deck("Deck", 5)])
    card = col.next_card("Deck")
    following = col.answer_then_next(card, Rating.EASY, 1000, deck="Deck").next_card()
    assert following is not None and following.id != card.id  # a second new card
    col.set_deck_options("Deck", {"new_per_day": "1"})  # one new card was studied today
    assert col.next_card("Deck") is None


def test_a_deck_renamed_in_another_window_is_studied_under_its_new_name(db_path, clock):
    config = Config(fuzz=False)
    with Collection.open(db_path, config=config, clock=clock) as here:
        here.import_decks([basic_deck("Old", 3)])
        card = here.next_card("Old")
        assert card is not None
        following = here.answer_then_next(card, Rating.EASY, 1000, deck="Old").next_card()
        assert following is not None
        with Collection.open(db_path, config=config, clock=clock) as there:
            there.editing.rename_deck("Old", "New")
        moved = here.next_card("New")
        assert moved is not None and moved.deck == "New"
        with pytest.raises(ReviseError):
            here.next_card("Old")
        again = here.answer_then_next(moved, Rating.EASY, 1000, deck="New").next_card()
        assert again is not None and again.deck == "New"


def test_new_cards_studied_in_another_window_count_towards_todays_limit_here(db_path, clock):
    """This window counts its own answers on from what it last read; another window's are read
    again: the limit holds at this window's next card, not one card late."""
    config = Config(fuzz=False, new_per_day=3)
    with Collection.open(db_path, config=config, clock=clock) as here:
        here.import_decks([basic_deck("Deck", 6)])
        card = here.next_card("Deck")
        for _ in range(2):
            card = here.answer_then_next(card, Rating.EASY, 1000, deck="Deck").next_card()
            assert card is not None
        with Collection.open(db_path, config=config, clock=clock) as there:
            elsewhere = there.next_card("Deck")
            assert elsewhere is not None and elsewhere.id == card.id
            there.answer(elsewhere, Rating.EASY)  # the third new card of the day
        assert here.next_card("Deck") is None
        assert here.progress("Deck").done_today == 3
