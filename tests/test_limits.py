"""Daily limits as Anki's parent-deck limits: per deck, per parent deck, and collection-wide."""

from __future__ import annotations

import pytest

from revise import Collection, Rating
from revise.cli import ALL_DECKS, main
from revise.config import Config
from revise.errors import ReviseError
from revise.scheduling.limits import DailyLimits
from tests.core_fixtures import basic_deck


def open_col(db, clock, **limits) -> Collection:
    return Collection.open(db, config=Config(fuzz=False, **limits), clock=clock)


def study_new(col: Collection, deck: str | None = None) -> int:
    """Answer new cards Easy until the queue has none; how many it served."""
    served = 0
    while (card := col.next_card(deck)) is not None:
        col.answer(card, Rating.EASY)
        served += 1
    return served


def test_study_all_serves_the_collection_limit_not_twenty_per_deck(db, clock):
    col = open_col(db, clock)  # defaults: 20 new per deck, 20 new for the whole collection
    try:
        col.import_decks([basic_deck(f"Deck {i:02}", 30) for i in range(13)])
        assert all(deck.new == 20 for deck in col.decks())  # each, studied on its own
        assert col.progress().new == 20  # what "study all" serves
        assert study_new(col) == 20
        assert col.progress().new == 0
        assert all(deck.new == 0 for deck in col.decks())
        clock.advance(days=1)
        assert col.progress().new == 20
    finally:
        col.close()


def test_the_collection_limit_also_holds_when_studying_one_deck_at_a_time(db, clock):
    col = open_col(db, clock, new_per_day=10, collection_new_per_day=15)
    try:
        col.import_decks([basic_deck("A", 30), basic_deck("B", 30)])
        assert study_new(col, "A") == 10
        assert [deck.new for deck in col.decks()] == [0, 5]
        assert study_new(col, "B") == 5
    finally:
        col.close()


def test_a_parent_decks_limit_covers_its_sub_decks(db, clock):
    col = open_col(db, clock, new_per_day=5, collection_new_per_day=100)
    try:
        col.import_decks(
            [basic_deck("Lang::French", 9), basic_deck("Lang::German", 9), basic_deck("Maths", 9)]
        )
        assert [deck.new for deck in col.decks()] == [5, 5, 5]
        assert col.progress("Lang").new == 5  # not 10: "Lang" itself allows 5 a day
        assert col.progress().new == 10
        assert study_new(col, "Lang") == 5
        assert col.progress("Lang::German").new == 0  # its parent's limit is used up
        assert study_new(col, "Lang::German") == 0
        assert study_new(col, "Maths") == 5
    finally:
        col.close()


def test_the_collection_review_limit(db, clock):
    col = open_col(db, clock, collection_reviews_per_day=3)
    try:
        col.import_decks([basic_deck("A", 4), basic_deck("B", 4)])
        study_new(col, "A")
        study_new(col, "B")
        clock.advance(days=60)
        assert [deck.due for deck in col.decks()] == [3, 3]  # each, on its own
        assert col.progress().due == 3
        served = 0
        while (card := col.next_card()) is not None:
            col.answer(card, Rating.GOOD)
            served += 1
        assert served == 3
    finally:
        col.close()


def test_the_limits_are_read_from_the_config_file():
    config = Config.from_dict(
        {
            "limits": {
                "new_per_day": 10,
                "collection_new_per_day": 30,
                "collection_reviews_per_day": 0,
            }
        }
    )
    assert (config.new_per_day, config.collection_new_per_day) == (10, 30)
    assert config.collection_reviews_per_day == 0
    with pytest.raises(ReviseError, match="collection_new_per_day must be a whole number"):
        Config.from_dict({"limits": {"collection_new_per_day": -1}})


def test_limits_tree_arithmetic():
    limits = DailyLimits(per_deck=5, collection=12, done={"A::x": 2, "B": 4})
    assert limits.for_deck("A::y") == 3  # A has 3 left of 5
    assert limits.for_deck("B") == 1
    assert limits.for_deck("C") == 5
    # 3 from A's sub-decks, 1 from B, 5 from C would be 9, but the collection has 6 left.
    assert limits.total({"A::x": 9, "A::y": 9, "B": 9, "C": 9}) == 6
    assert limits.total({"A::x": 1, "A::y": 1}) == 2


def test_revise_decks_ends_with_what_study_all_serves(db, clock, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    col = open_col(db, clock)
    try:
        col.import_decks([basic_deck("A", 15), basic_deck("B", 15)])
    finally:
        col.close()
    assert main(["decks", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split() == ["A", "15", "0", "0", "15"]
    assert lines[-1].split() == [*ALL_DECKS.split(), "20", "0", "0", "30"]


def test_the_deck_list_counts_each_deck_only_as_far_as_its_limits_reach(db, clock):
    """The deck list stops counting a deck's new and due cards where today's limits stop (its
    own, a parent's, the collection's), skips suspended and buried cards, and counts every card
    not suspended; the line for every deck together is what `progress()` says."""
    col = open_col(db, clock, new_per_day=20, collection_new_per_day=25, reviews_per_day=2)
    try:
        col.import_decks(
            [basic_deck("Lang::French", 30), basic_deck("Lang::German", 30), basic_deck("Maths", 8)]
        )
        maths = [row.id for row in col.search("deck:Maths").rows]
        col.actions.set_suspended(maths[:3], True)
        col.actions.set_buried(maths[3:4], True)
        assert col.overview() == (col.decks(), col.progress())
        assert [(d.name, d.new, d.learning, d.due, d.total) for d in col.decks()] == [
            ("Lang::French", 20, 0, 0, 30),
            ("Lang::German", 20, 0, 0, 30),
            ("Maths", 4, 0, 0, 5),  # 3 suspended, 1 buried until tomorrow
        ]
        assert col.progress().new == 24  # "Lang" allows 20 for both, Maths 4: under 25
        for _ in range(2):
            col.answer(col.next_card("Maths"), Rating.AGAIN)
        for _ in range(3):
            col.answer(col.next_card("Lang::French"), Rating.EASY)
        assert [(d.new, d.learning) for d in col.decks()] == [(17, 0), (17, 0), (2, 2)]
        assert col.progress() == col.overview()[1]
        assert (col.progress().new, col.progress().learning) == (19, 2)  # "Lang" 17 left, Maths 2
        clock.advance(days=40)
        assert [(d.new, d.due) for d in col.decks()] == [(20, 2), (20, 0), (3, 0)]  # none buried
        assert col.overview() == (col.decks(), col.progress())
    finally:
        col.close()
