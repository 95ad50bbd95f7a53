"""An answer is one transaction: a failure part-way through stores nothing of it, and studying
goes on as before (on SQLite, where the study loop begins and ends it on the driver, and on a
PostgreSQL server)."""

from __future__ import annotations

import pytest

from revise import Rating
from revise.study import answering
from tests.core_fixtures import basic_deck


def test_an_answer_that_fails_before_its_commit_stores_nothing(col, monkeypatch):
    col.import_decks([basic_deck("Deck", 3)])
    card = col.next_card()
    assert card is not None

    def commit_fails(connection):  # type: ignore[no-untyped-def]
        raise OSError("the disk went away")

    monkeypatch.setattr(answering, "commit", commit_fails)
    with pytest.raises(OSError):
        col.answer_then_next(card, Rating.GOOD, 1000)
    monkeypatch.undo()
    assert col.progress().done_today == 0
    assert col.next_card() == card  # still new: its review and new state were rolled back
    assert col.card_info(card.id).reviews == []
    following = col.answer_then_next(card, Rating.GOOD, 1000).next_card()
    assert following is not None and following.id != card.id
    assert col.progress().done_today == 1
