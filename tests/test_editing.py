"""Editing in the app: cards edited and added, decks created, renamed and deleted (and undone)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import NoteData, NoteKind
from revise.scheduling.optimize import valid_parameters
from revise.storage import engine as storage
from revise.storage.models import Card, Review
from revise.study.editing import numbered_cloze
from revise.study.tuning import ParametersInUse


def reviews_of(col: Collection, card_id: int) -> int:
    with storage.reading(col._engine) as connection:
        return connection.execute(
            select(func.count()).select_from(Review).where(Review.card_id == card_id)
        ).scalar_one()


def cards_of(col: Collection, deck: str) -> dict[int, int]:
    """ordinal -> card id, for a deck of one note."""
    with storage.reading(col._engine) as connection:
        rows = connection.execute(select(Card.ordinal, Card.id).order_by(Card.ordinal)).all()
    return dict(rows)


def test_an_edited_card_keeps_its_reviews_and_shows_the_new_text(col, clock):
    col.editing.create_deck("French")
    col.editing.add_notes("French", [NoteData(NoteKind.BASIC, "la maisn", "the house")])
    card = col.next_card("French")
    col.answer(card.id, Rating.GOOD)
    clock.advance(days=2)

    outcome = col.editing.edit_note(
        card.id, front="la maison", context="Nouns", tags=["noun", "home"]
    )

    assert outcome.changed and outcome.summary() == "card saved"
    shown = col.card(card.id)
    assert (shown.prompt, shown.answer, shown.context, shown.tags) == (
        "la maison",
        "the house",
        "Nouns",
        ("noun", "home"),
    )
    assert reviews_of(col, card.id) == 1
    assert shown.reps == 1


def test_editing_a_cloze_renumbers_its_cards_as_anki_does(col):
    col.editing.create_deck("History")
    col.editing.add_notes(
        "History", [NoteData(NoteKind.CLOZE, "In [1896] Russia opened a [legation] in [Seoul].")]
    )
    before = cards_of(col, "History")
    assert sorted(before) == [0, 1, 2]
    for card_id in before.values():
        col.answer(card_id, Rating.GOOD)

    # The second deletion goes, a new one is written in front: the others keep their cards.
    outcome = col.editing.edit_note(
        before[0], front="In [1896] [Tsarist] Russia opened a legation in [Seoul]."
    )

    after = cards_of(col, "History")
    assert after[0] == before[0] and after[2] == before[2]  # 1896 and Seoul keep their history
    assert 1 not in after  # the legation card is gone, with its review
    assert (outcome.cards_added, outcome.cards_removed, outcome.reviews_removed) == (1, 1, 1)
    assert reviews_of(col, before[0]) == reviews_of(col, before[2]) == 1
    new_card = after[3]
    assert col.card(new_card).prompt == "In 1896 [...] Russia opened a legation in Seoul."
    assert col.card(before[2]).prompt == "In 1896 Tsarist Russia opened a legation in [...]."


def test_cloze_numbering_keeps_plain_brackets_when_the_order_is_kept():
    assert numbered_cloze("[a] and [b]", "[a] and [b] and [c]") == "[a] and [b] and [c]"
    assert numbered_cloze("[a] and [b]", "[b]") == "{{c2::b}}"
    assert numbered_cloze("[Pyongyan] is [big]", "[Pyongyang] is [big]") == ("[Pyongyang] is [big]")
    assert numbered_cloze("{{c1::a}} {{c1::b}}", "{{c2::a}} {{c1::b}}") == "{{c2::a}} {{c1::b}}"


def test_adding_cards_of_each_kind_makes_their_cards(col):
    col.editing.create_deck("Mixed")
    outcome = col.editing.add_notes(
        "Mixed",
        [
            NoteData(NoteKind.BASIC, "front", "back"),
            NoteData(NoteKind.REVERSED, "chat", "cat"),
            NoteData(NoteKind.CLOZE, "[Paris] is the capital of [France]"),
        ],
    )
    assert (outcome.notes, outcome.cards) == (3, 5)
    assert col.decks()[0].new == 5


@pytest.mark.parametrize(
    ("note", "problem"),
    [
        (NoteData(NoteKind.BASIC, "  ", "back"), "the card's front is empty (write it)"),
        (NoteData(NoteKind.BASIC, "front", ""), "the card's back is empty (write the answer)"),
        (
            NoteData(NoteKind.CLOZE, "no deletion here"),
            "a cloze card needs a [deletion] (put the words to hide in square brackets)",
        ),
    ],
)
def test_a_card_that_makes_no_card_is_refused_and_nothing_is_added(col, note, problem):
    col.editing.create_deck("Deck")
    with pytest.raises(ReviseError, match=re.escape(problem)):
        col.editing.add_notes("Deck", [NoteData(NoteKind.BASIC, "ok", "fine"), note])
    assert col.decks()[0].total == 0


def test_adding_to_a_missing_deck_or_the_same_card_twice_is_refused(col):
    with pytest.raises(ReviseError, match="no deck named 'Nope'"):
        col.editing.add_notes("Nope", [NoteData(NoteKind.BASIC, "a", "b")])
    col.editing.create_deck("Deck")
    col.editing.add_notes("Deck", [NoteData(NoteKind.BASIC, "a", "b")])
    with pytest.raises(ReviseError, match=re.escape("already has the card 'A.'")):
        col.editing.add_notes("Deck", [NoteData(NoteKind.BASIC, "A.", "b")])


@pytest.mark.parametrize("name", ["", " Lead", "Parent::", "a::::b", "bad\nname"])
def test_a_bad_deck_name_is_refused(col, name):
    with pytest.raises(ReviseError):
        col.editing.create_deck(name)
    assert col.decks() == []


def test_renaming_a_deck_renames_its_sub_decks_and_keeps_their_cards(col):
    for name in ("Lang", "Lang::French", "Lang::German", "Language"):
        col.editing.create_deck(name)
    col.editing.add_notes("Lang::French", [NoteData(NoteKind.BASIC, "chat", "cat")])
    fitted = col.set_parameters("Lang::French", [0.5] * 21).parameters
    col.set_deck_options("Lang", {"new_per_day": "7"})

    renamed = col.editing.rename_deck("Lang", "Languages")

    assert renamed == [
        ("Lang", "Languages"),
        ("Lang::French", "Languages::French"),
        ("Lang::German", "Languages::German"),
    ]
    assert [deck.name for deck in col.decks()] == [
        "Language",
        "Languages",
        "Languages::French",
        "Languages::German",
    ]
    assert col.decks()[2].total == 1
    assert col.parameters("Languages::French").parameters == fitted
    assert col.deck_options("Languages::French").values["new_per_day"] == 7
    with pytest.raises(ReviseError, match="a deck named 'Language' already exists"):
        col.editing.rename_deck("Languages::German", "Language")


def test_deleting_a_deck_says_what_goes_and_undo_puts_every_row_back(col, clock):
    col.editing.create_deck("Keep")
    col.editing.create_deck("Bio")
    col.editing.create_deck("Bio::Cells")
    col.editing.add_notes("Bio", [NoteData(NoteKind.REVERSED, "cell", "unit of life")])
    col.editing.add_notes("Bio::Cells", [NoteData(NoteKind.BASIC, "ATP", "energy")])
    card = col.next_card("Bio")
    col.answer(card.id, Rating.GOOD)

    deletion = col.editing.delete_deck("Bio")

    assert (deletion.decks, deletion.notes, deletion.cards, deletion.reviews) == (
        ("Bio", "Bio::Cells"),
        2,
        3,
        1,
    )
    assert [deck.name for deck in col.decks()] == ["Keep"]
    if col.path is not None:
        assert deletion.backup is not None and deletion.backup.exists()
    assert col.editing.undo_delete_deck() == deletion
    assert [(d.name, d.total) for d in col.decks()] == [("Bio", 2), ("Bio::Cells", 1), ("Keep", 0)]
    assert reviews_of(col, card.id) == 1
    assert col.card(card.id).reps == 1
    assert col.editing.undo_delete_deck() is None


def test_undo_puts_a_deck_back_beside_cards_added_since_its_deletion(col):
    col.editing.create_deck("Bio")
    col.editing.add_notes("Bio", [NoteData(NoteKind.REVERSED, "cell", "unit of life")])
    card = col.next_card("Bio")
    col.answer(card.id, Rating.GOOD)
    col.editing.delete_deck("Bio")
    col.editing.create_deck("Chem")  # may be given the ids the deleted rows had
    col.editing.add_notes("Chem", [NoteData(NoteKind.REVERSED, "H2O", "water")])
    chem = col.next_card("Chem")
    col.answer(chem.id, Rating.AGAIN)

    col.editing.undo_delete_deck()

    assert [(d.name, d.total) for d in col.decks()] == [("Bio", 2), ("Chem", 2)]
    assert col.card(chem.id).prompt == "H2O" and reviews_of(col, chem.id) == 1
    bio = [row.id for row in col.search("deck:Bio").rows]
    assert sorted(col.card(i).prompt for i in bio) == ["cell", "unit of life"]
    assert sum(reviews_of(col, i) for i in bio) == 1


def test_deleting_a_deck_takes_the_options_set_on_it_and_undo_puts_them_back(col):
    for name in ("Bio", "Bio::Cells", "Biology"):
        col.editing.create_deck(name)
    col.set_deck_options("Bio", {"new_per_day": "7", "reviews_per_day": "70"})
    col.set_deck_options("Bio::Cells", {"desired_retention": "0.8"})
    col.set_deck_options("Biology", {"new_per_day": "3"})

    col.editing.delete_deck("Bio")

    col.editing.create_deck("Bio::Cells")  # a new deck of the same name starts afresh
    cells = col.deck_options("Bio::Cells")
    assert (cells.source("new_per_day"), cells.source("desired_retention")) == (
        "config.toml",
        "config.toml",
    )
    col.set_deck_options("Bio", {"new_per_day": "9"})  # set since: newer than what undo keeps
    col.editing.rename_deck("Bio::Cells", "Cells")

    assert col.editing.undo_delete_deck().decks == ("Bio", "Bio::Cells")

    cells = col.deck_options("Bio::Cells")
    assert (cells.values["desired_retention"], cells.set_on["desired_retention"]) == (
        0.8,
        "Bio::Cells",
    )
    assert cells.values["new_per_day"] == 9 and cells.set_on["reviews_per_day"] is None
    assert col.deck_options("Biology").values["new_per_day"] == 3


FITTED = valid_parameters([0.5] * 21)
REFITTED = valid_parameters([0.6] * 21)
NONE_FITTED = ParametersInUse(None, 0, None, None, 0, None)  # FSRS's defaults, never fitted


def easy_interval(window: Collection, deck: str):  # type: ignore[no-untyped-def]
    """The interval Easy gives the deck's next new card: the parameters in use decide it."""
    return window.preview(window.next_card(deck))[Rating.EASY]


def test_a_renamed_decks_fitted_parameters_move_to_its_new_name(col, db, clock):
    for name in ("Lang", "Lang::French"):
        col.editing.create_deck(name)
    col.editing.add_notes("Lang::French", [NoteData(NoteKind.BASIC, "chat", "cat")])
    default_easy = easy_interval(col, "Lang::French")
    col.set_parameters("Lang::French", FITTED)
    col.set_parameters("Lang::French", REFITTED)
    other = Collection.open(db, config=Config(fuzz=False), clock=clock)  # another open window
    fitted_easy = easy_interval(other, "Lang::French")
    assert fitted_easy != default_easy

    col.editing.rename_deck("Lang", "Languages")
    col.editing.create_deck("Lang::French")  # a new deck of the old name
    col.editing.add_notes("Lang::French", [NoteData(NoteKind.BASIC, "chien", "dog")])

    for window in (col, other):
        moved = window.parameters("Languages::French")
        assert (moved.scope, moved.version, moved.parameters) == ("Languages::French", 2, REFITTED)
        assert easy_interval(window, "Languages::French") == fitted_easy
        assert window.parameters("Lang::French") == NONE_FITTED
        assert easy_interval(window, "Lang::French") == default_easy
    other.close()


def test_deleting_a_deck_takes_its_fitted_parameters_and_undo_puts_them_back(col, db, clock):
    for name in ("Bio", "Bio::Cells", "Biology"):
        col.editing.create_deck(name)
    col.editing.add_notes("Bio::Cells", [NoteData(NoteKind.BASIC, "ATP", "energy")])
    default_easy = easy_interval(col, "Bio::Cells")
    col.set_parameters("Bio", FITTED)
    col.set_parameters("Bio::Cells", FITTED)
    col.set_parameters("Bio::Cells", REFITTED)
    col.set_parameters("Biology", FITTED)  # the newest version is another deck's
    other = Collection.open(db, config=Config(fuzz=False), clock=clock)  # another open window
    fitted_easy = easy_interval(other, "Bio::Cells")

    col.editing.delete_deck("Bio")
    col.editing.create_deck("Bio::Cells")  # a new deck of the same name starts afresh
    col.editing.add_notes("Bio::Cells", [NoteData(NoteKind.BASIC, "ADP", "spent energy")])

    for window in (col, other):
        assert window.parameters("Bio::Cells") == NONE_FITTED
        assert easy_interval(window, "Bio::Cells") == default_easy
        assert window.parameters("Biology").parameters == FITTED
    col.editing.rename_deck("Bio::Cells", "Cells")
    col.editing.create_deck("Bio::Tissues")
    col.set_parameters("Bio", REFITTED)  # fitted since the deletion: newer than what undo keeps

    col.editing.undo_delete_deck()

    for window in (col, other):
        cells = window.parameters("Bio::Cells")
        assert (cells.scope, cells.version, cells.parameters) == ("Bio::Cells", 2, REFITTED)
        assert easy_interval(window, "Bio::Cells") == fitted_easy
        assert window.parameters("Bio").parameters == REFITTED
        assert window.parameters("Cells") == NONE_FITTED
    other.close()


def test_deleting_a_missing_deck_changes_nothing(col):
    with pytest.raises(ReviseError, match="no deck named 'Ghost'"):
        col.editing.delete_deck("Ghost")
    assert col.editing.can_undo_delete() is None
