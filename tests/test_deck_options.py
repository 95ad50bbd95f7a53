"""Options per deck: set on a deck, inherited by its sub-decks, used by the queue and FSRS."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from revise import Collection, Rating
from revise.cli import main
from revise.config import Config
from revise.errors import ReviseError
from revise.scheduling.limits import DailyLimits
from tests.core_fixtures import basic_deck


def open_col(db, clock, **settings) -> Collection:
    settings.setdefault("collection_new_per_day", 1000)
    settings.setdefault("collection_reviews_per_day", 1000)
    return Collection.open(db, config=Config(fuzz=False, **settings), clock=clock)


def study_new(col: Collection, deck: str | None = None) -> int:
    served = 0
    while (card := col.next_card(deck)) is not None:
        col.answer(card, Rating.EASY)
        served += 1
    return served


def test_a_decks_new_card_limit_is_inherited_by_its_sub_decks_unless_set_there(db, clock):
    col = open_col(db, clock)
    try:
        col.import_decks(
            [
                basic_deck("Lang::French", 30),
                basic_deck("Lang::German", 30),
                basic_deck("Maths", 30),
            ]
        )
        col.set_deck_options("Lang", {"new_per_day": "8"})
        col.set_deck_options("Lang::German", {"new_per_day": "3"})
        assert {d.name: d.new for d in col.decks()} == {
            "Lang::French": 8,
            "Lang::German": 3,
            "Maths": 20,
        }
        french = col.deck_options("Lang::French")
        assert french.values["new_per_day"] == 8 and french.set_on["new_per_day"] == "Lang"
        assert french.source("new_per_day") == "from Lang"
        assert col.deck_options("Maths").source("new_per_day") == "config.toml"
        assert study_new(col, "Lang::German") == 3
        assert study_new(col, "Lang") == 5  # Lang's 8 a day cover both sub-decks
        assert study_new(col, "Maths") == 20
    finally:
        col.close()


def test_a_review_limit_set_on_a_deck_holds_back_its_reviews(db, clock):
    col = open_col(db, clock)
    try:
        col.import_decks([basic_deck("A", 6), basic_deck("B", 6)])
        study_new(col)
        clock.advance(days=60)
        col.set_deck_options("A", {"reviews_per_day": "2"})
        assert {d.name: d.due for d in col.decks()} == {"A": 2, "B": 6}
        assert col.progress().due == 8
    finally:
        col.close()


def test_a_limit_of_zero_set_on_a_deck_waits_for_no_rollover(db, clock):
    col = open_col(db, clock)
    try:
        col.import_decks([basic_deck("A", 3)])
        col.set_deck_options("A", {"new_per_day": "0"})
        assert col.next_card("A") is None
        assert col.next_due("A") is None  # nothing will come tomorrow either
        col.set_deck_options("A", {"new_per_day": None})  # back to config.toml's 20
        assert col.next_card("A") is not None
    finally:
        col.close()


def test_scheduling_options_are_used_from_the_next_card_on(db, clock):
    col = open_col(db, clock)
    try:
        col.import_decks([basic_deck("Long", 2), basic_deck("Short", 2)])
        col.set_deck_options("Short", {"learning_steps": "5m 30m 2h", "maximum_interval_days": "3"})
        card = col.next_card("Short")
        assert card is not None
        preview = col.preview(card)
        assert preview[Rating.AGAIN] == timedelta(minutes=5)
        assert preview[Rating.GOOD] == timedelta(minutes=30)
        assert preview[Rating.EASY] <= timedelta(days=3)
        col.answer(card, Rating.EASY)
        long_card = col.next_card("Long")
        assert long_card is not None
        assert col.preview(long_card)[Rating.GOOD] == timedelta(minutes=10)  # config.toml's
        assert col.preview(long_card)[Rating.EASY] > timedelta(days=3)
    finally:
        col.close()


def test_retention_and_no_steps(col, clock):
    col.import_decks([basic_deck("Deck", 2)])
    col.set_deck_options("Deck", {"learning_steps": "none", "desired_retention": "0.97"})
    options = col.deck_options("Deck")
    assert options.values["learning_steps"] == ()
    assert options.shown("learning_steps") == "none"
    card = col.next_card()
    assert card is not None
    easy_at_90 = open_interval(col, card, "0.9")
    easy_at_97 = open_interval(col, card, "0.97")
    assert col.preview(card)[Rating.GOOD] >= timedelta(days=1)  # no learning steps: a review
    assert easy_at_97 < easy_at_90


def open_interval(col: Collection, card, retention: str) -> timedelta:
    col.set_deck_options("Deck", {"desired_retention": retention})
    return col.preview(card)[Rating.GOOD]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("new_per_dya", "5", "unknown deck option 'new_per_dya' (options: new_per_day, "),
        ("new_per_day", "-1", "new_per_day must be a whole number from 0 to 1000000, not '-1'"),
        ("new_per_day", "ten", "new_per_day must be a whole number"),
        ("desired_retention", "0.5", "desired_retention must be a number from 0.7 to 0.99"),
        ("learning_steps", "1m 10x", "learning_steps must be durations such as"),
        ("relearning_steps", "400d", "relearning_steps must be durations such as"),
        ("learning_steps", "1m 0.01s", "each from 1s to 365d"),
        ("learning_steps", "0m", "learning_steps must be durations such as"),
        ("maximum_interval_days", "0", "maximum_interval_days must be a whole number from 1"),
    ],
)
def test_a_bad_option_is_refused_in_one_line_and_nothing_changes(col, key, value, message):
    col.import_decks([basic_deck("Deck", 2)])
    col.set_deck_options("Deck", {"reviews_per_day": "50"})
    with pytest.raises(ReviseError) as refused:
        col.set_deck_options("Deck", {"new_per_day": "7", key: value})
    assert message in str(refused.value) and "\n" not in str(refused.value)
    options = col.deck_options("Deck")
    assert options.values["new_per_day"] == 20 and options.values["reviews_per_day"] == 50


def test_options_of_a_deck_that_does_not_exist_are_refused(col):
    col.import_decks([basic_deck("Lang::French", 2)])
    with pytest.raises(ReviseError, match="no deck named 'Nope'"):
        col.set_deck_options("Nope", {"new_per_day": "5"})
    # A parent deck with no cards of its own has options like any deck.
    assert col.set_deck_options("Lang", {"new_per_day": "5"}).values["new_per_day"] == 5


def test_options_set_in_another_window_are_used_at_once(db, clock):
    first, second = open_col(db, clock), open_col(db, clock)
    try:
        first.import_decks([basic_deck("Deck", 30)])
        assert second.decks()[0].new == 20
        first.set_deck_options("Deck", {"new_per_day": "4", "learning_steps": "2m"})
        assert second.decks()[0].new == 4
        card = second.next_card()
        assert card is not None
        assert second.preview(card)[Rating.AGAIN] == timedelta(minutes=2)
    finally:
        first.close()
        second.close()


def test_unsetting_every_option_forgets_the_deck(col):
    col.import_decks([basic_deck("Deck", 2)])
    col.set_deck_options("Deck", {"new_per_day": "5", "learning_steps": ""})
    assert col.deck_options("Deck").is_own("learning_steps")
    col.set_deck_options("Deck", {"new_per_day": None, "learning_steps": None})
    options = col.deck_options("Deck")
    assert not any(options.is_own(key) for key in options.values)
    assert options.values["learning_steps"] == (timedelta(minutes=1), timedelta(minutes=10))


def test_limits_set_on_decks_in_the_tree():
    limits = DailyLimits(per_deck=5, collection=100, done={"A::x": 2}, set_on={"A": 10, "B": 0})
    assert limits.for_deck("A::x") == 8
    assert limits.for_deck("B::y") == 0
    assert limits.for_deck("C") == 5
    assert not limits.any_allowed(["B", "B::y"]) and limits.any_allowed(["B", "C"])


def test_revise_deck_options_command(db, clock, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("REVISE_CONFIG", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config-home"))
    col = open_col(db, clock)
    try:
        col.import_decks([basic_deck("Lang::French", 2)])
    finally:
        col.close()
    status = main(
        [
            "deck-options",
            "Lang",
            "--db",
            db,
            "--set",
            "new_per_day=7",
            "--set",
            "learning_steps=1m, 1h",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    assert "new_per_day" in out and "7" in out and "1m 1h" in out
    assert main(["deck-options", "Lang::French", "--db", db, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["options"]["new_per_day"] == {"value": 7, "set_on": "Lang"}
    assert shown["options"]["learning_steps"] == {"value": "1m 1h", "set_on": "Lang"}
    assert shown["options"]["reviews_per_day"] == {"value": 200, "set_on": None}

    assert main(["deck-options", "Lang", "--db", db, "--set", "reviews_per_day=lots"]) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "reviews_per_day must be a whole number" in error
    assert main(["deck-options", "Lang", "--db", db, "--set", "new_per_day"]) == 1
    assert "key=value" in capsys.readouterr().err
    assert main(["deck-options", "Lang", "--db", db, "--unset", "new_per_day", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["options"]["new_per_day"]["set_on"] is None


def test_a_decks_statistics_show_its_own_desired_retention(col):
    col.import_decks([basic_deck("Lang::French", 2), basic_deck("Maths", 2)])
    col.set_deck_options("Lang", {"desired_retention": "0.85"})
    assert col.statistics("Lang::French").desired_retention == 0.85
    assert col.statistics("Maths").desired_retention == 0.9
    assert col.statistics().desired_retention == 0.9


def test_workload_simulates_with_the_decks_own_limits(db_path, clock):
    col = Collection.open(db_path, config=Config(fuzz=False), clock=clock)
    try:
        col.import_decks([basic_deck("Busy", 40), basic_deck("Resting", 40)])
        col.set_deck_options("Resting", {"new_per_day": "0"})
        assert all(row.reviews_per_day == 0 for row in col.workload("Resting"))
        assert all(row.reviews_per_day > 0 for row in col.workload("Busy"))
    finally:
        col.close()
