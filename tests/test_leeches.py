"""Leeches: a card forgotten again and again is tagged `leech` and suspended (or only tagged)."""

from __future__ import annotations

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.scheduling.scheduler import REVIEW
from revise.study.leeches import is_leech, leech_note
from tests.core_fixtures import basic_deck


def test_a_card_is_a_leech_at_the_threshold_then_every_half_threshold():
    assert [n for n in range(1, 25) if is_leech(n, 8)] == [8, 12, 16, 20, 24]
    assert [n for n in range(1, 12) if is_leech(n, 5)] == [5, 8, 11]  # half of 5 is 3
    assert [n for n in range(1, 4) if is_leech(n, 1)] == [1, 2, 3]
    assert not any(is_leech(n, 0) for n in range(1, 50))  # 0 turns leeches off


def forget_until(col: Collection, clock, session, lapses: int):  # type: ignore[no-untyped-def]
    """Study the one card of deck "D", answering Again whenever it is in review, until it has
    lapsed `lapses` times; returns the answer of the last lapse."""
    lapsed = 0
    while True:
        due = col.next_due("D")
        assert due is not None
        clock.now = max(clock.now, due)
        card = session.next_card()
        rating = Rating.AGAIN if card.state == REVIEW else Rating.GOOD
        session.answer(card, rating, 1000)
        if rating == Rating.AGAIN:
            lapsed += 1
            if lapsed == lapses:
                return session.answers[-1]


def tags_of(col: Collection) -> tuple[str, ...]:
    return col.export_deck("D").notes[0].tags


@pytest.fixture
def leechy(db, clock):  # type: ignore[no-untyped-def]
    def open_with(**settings):  # type: ignore[no-untyped-def]
        col = Collection.open(
            db, config=Config(fuzz=False, leech_threshold=3, **settings), clock=clock
        )
        col.import_decks([basic_deck("D", 1)])
        opened.append(col)
        return col

    opened: list[Collection] = []
    yield open_with
    for col in opened:
        col.close()


def test_the_lapse_that_makes_a_leech_tags_and_suspends_and_undo_takes_it_back(leechy, clock):
    col = leechy()
    session = col.session("D")
    answer = forget_until(col, clock, session, 2)
    assert answer.leech is None and tags_of(col) == ()
    answer = forget_until(col, clock, session, 1)
    assert answer.leech is not None
    assert (answer.leech.lapses, answer.leech.suspended) == (3, True)
    assert tags_of(col) == ("leech",)
    assert col.next_card("D") is None and col.next_due("D") is None  # suspended
    assert col.decks()[0].total == 0
    assert "forgotten 3 times" in leech_note(answer.leech)
    assert "suspended" in leech_note(answer.leech)

    session.undo()
    assert tags_of(col) == ()
    assert col.next_card("D") is not None  # shown again, to be answered anew
    assert col.decks()[0].total == 1


def test_tag_only_leaves_the_card_in_study_and_tags_once(leechy, clock):
    col = leechy(leech_action="tag")
    session = col.session("D")
    answer = forget_until(col, clock, session, 3)
    assert answer.leech is not None and not answer.leech.suspended
    assert tags_of(col) == ("leech",)
    assert "suspended" not in leech_note(answer.leech)
    # The next leech lapse (3 + 2) tells the user again; the tag is not doubled.
    answer = forget_until(col, clock, session, 2)
    assert answer.leech is not None and answer.leech.lapses == 5
    assert tags_of(col) == ("leech",)
    # Undoing the second leech lapse keeps the tag the first one added.
    session.undo()
    assert tags_of(col) == ("leech",)


def test_leeches_are_counted_in_the_statistics(leechy, clock):
    col = leechy()
    forget_until(col, clock, col.session("D"), 3)
    stats = col.statistics("D")
    assert (stats.leeches, stats.states["suspended"]) == (1, 1)
