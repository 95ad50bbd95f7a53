"""An answer and the next card in one call (what the study screen does after each grade), on
SQLite and on a PostgreSQL server: the card it gives is the one `next_card` gives, read once the
answer is stored for good."""

from __future__ import annotations

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import DeckData, NoteData, NoteKind
from tests.core_fixtures import basic_deck


def siblings_deck() -> DeckData:
    """Notes with two and three cards each, and one-card notes, in one deck."""
    return DeckData(
        "Mixed",
        [
            NoteData(NoteKind.REVERSED, "der Hund", "the dog"),
            NoteData(NoteKind.CLOZE, "[Seoul] is the capital of [South Korea] since [1948]."),
            NoteData(NoteKind.BASIC, "Question?", "Answer"),
            NoteData(NoteKind.REVERSED, "die Katze", "the cat"),
            NoteData(NoteKind.BASIC, "Another question?", "Another answer"),
        ],
    )


def test_the_next_card_given_with_an_answer_is_the_one_next_card_gives(col, clock):
    col.import_decks([siblings_deck(), basic_deck("Other", count=3)])
    ratings = [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.GOOD, Rating.HARD]
    card = col.next_card()
    answers = 0
    while card is not None and answers < 15:
        answered = col.answer_then_next(card, ratings[answers % len(ratings)], 2000)
        answers += 1
        card = answered.next_card()
        assert card == col.next_card()  # the same card, read after the answer
        clock.advance(minutes=3)
    assert answers == 15
    assert col.progress().done_today == answers


def test_each_answer_is_stored_for_good_before_the_next_card_comes(db, clock):
    config = Config(fuzz=False)
    with (
        Collection.open(db, config=config, clock=clock) as col,
        Collection.open(db, config=config, clock=clock) as elsewhere,
    ):
        col.import_decks([siblings_deck()])
        session = col.session()
        card = session.next_card()
        for answered in range(1, 6):
            card = session.answer_then_next(card, Rating.GOOD, 1500)
            # Another computer sees every answer given so far, with the siblings resting.
            assert elsewhere.progress().done_today == answered
            if card is None:
                break
        assert [answer.rating for answer in session.answers] == [Rating.GOOD] * answered
        undone = session.undo()
        assert undone is not None and elsewhere.progress().done_today == answered - 1


def test_siblings_rest_for_the_day_once_a_card_of_their_note_is_answered(col, clock):
    col.import_decks([DeckData("D", [NoteData(NoteKind.CLOZE, "[A] and [B] and [C] together")])])
    answered = col.answer_then_next(col.next_card(), Rating.EASY)
    assert answered.next_card() is None  # both other cards rest until tomorrow
    assert col.decks()[0].new == 0
    col.undo()
    assert col.decks()[0].new == 3
    clock.advance(days=1)
    first = col.next_card()
    col.answer(first, Rating.EASY)
    clock.advance(days=1)
    assert col.next_card() is not None and col.next_card().id != first.id


def test_an_answer_counts_even_when_the_next_card_cannot_be_read(col):
    col.import_decks([basic_deck(count=2)])
    answered = col.answer_then_next(col.next_card(), Rating.GOOD, deck="No such deck")
    with pytest.raises(ReviseError, match="no deck named 'No such deck'"):
        answered.next_card()
    assert col.progress().done_today == 1
    assert col.undo() is not None  # and it is this collection's to take back


def test_a_card_deleted_elsewhere_is_one_line_and_studying_goes_on(db, clock):
    config = Config(fuzz=False)
    with (
        Collection.open(db, config=config, clock=clock) as col,
        Collection.open(db, config=config, clock=clock) as elsewhere,
    ):
        col.import_decks([basic_deck(count=3)])
        session = col.session()
        card = session.next_card()
        elsewhere.editing.delete_notes([card.id])
        with pytest.raises(ReviseError, match="no longer exists"):
            session.answer_then_next(card, Rating.GOOD)
        # Nothing was written, and the next answers are stored in transactions as before.
        assert col.progress().done_today == 0
        card = session.next_card()
        following = session.answer_then_next(card, Rating.GOOD)
        assert following is not None and following.id != card.id
        assert elsewhere.progress().done_today == 1
        col.undo()
        assert elsewhere.progress().done_today == 0
