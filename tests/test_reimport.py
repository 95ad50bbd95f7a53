"""Importing an edited deck file again: which card each edited card was; what the report says."""

from __future__ import annotations

from pathlib import Path

from revise import Collection, Rating
from revise.storage.matching import Text, match_edited


def write(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def history(col: Collection, deck: str) -> dict[str, int]:
    """Reviews per card front, for the deck's cards still in it."""
    return {
        note.front: sum(len(card.reviews) for card in note.history)
        for note in col.export_deck(deck).notes
    }


def test_a_renamed_card_keeps_its_reviews_when_a_similar_card_is_added_above_it(
    col, clock, tmp_path
):
    deck = write(tmp_path / "german.md", "der Bruder :: the brother", "die Mutter :: the mother")
    col.import_file(deck)
    brother = col.next_card()
    assert brother.prompt == "der Bruder"
    for _ in range(3):
        col.answer(brother.id, Rating.GOOD)
        clock.advance(days=3)
    write(
        deck,
        "die Brüder :: the brothers",
        "der Bruder (pl. Brüder) :: the brother",
        "die Mutter :: the mother",
    )

    report = col.import_file(deck)

    assert report.decks[0].summary() == "german: 1 added, 1 updated, 1 unchanged, 0 missing"
    assert history(col, "german") == {
        "die Brüder": 0,
        "der Bruder (pl. Brüder)": 3,
        "die Mutter": 0,
    }
    assert col.card(brother.id).prompt == "der Bruder (pl. Brüder)"


def test_a_fixed_typo_keeps_the_card_and_a_rewritten_card_is_a_new_one(col, tmp_path):
    deck = write(
        tmp_path / "capitals.md",
        "Captial of France :: Paris",
        "Capital of Australia :: Sydney",
    )
    col.import_file(deck)
    for card_id in range(1, 3):
        col.answer(card_id, Rating.GOOD)
    write(deck, "Capital of France :: Paris", "Largest city of Australia :: Sydney")

    report = col.import_file(deck)

    assert report.decks[0].summary() == "capitals: 1 added, 1 updated, 0 unchanged, 1 missing"
    assert history(col, "capitals") == {
        "Capital of France": 1,
        "Largest city of Australia": 0,
    }


def test_a_card_whose_back_was_rewritten_is_the_card_of_the_same_front(col, tmp_path):
    deck = write(
        tmp_path / "capitals.md",
        "Japan :: Tokio",
        "Korea :: Seoul",
        "Capital? :: Paris",
        "Capital? :: Rome",
    )
    col.import_file(deck)
    for card_id in range(1, 5):
        col.answer(card_id, Rating.GOOD)
    write(
        deck,
        "Japan :: Tokyo, the capital since 1868",
        "Korea :: Seoul",
        "Capital? :: Madrid",  # two cards of this front: which was which cannot be told
        "Capital? :: Berlin",
    )

    report = col.import_file(deck)

    assert report.decks[0].summary() == "capitals: 2 added, 1 updated, 1 unchanged, 2 missing"
    assert history(col, "capitals") == {"Japan": 1, "Korea": 1, "Capital?": 0}
    assert col.card(1).answer == "Tokyo, the capital since 1868"


def test_deleting_one_card_of_eleven_reports_ten_unchanged_and_one_missing(col, tmp_path):
    cards = [f"Question {n}? :: Answer {n}" for n in range(11)]
    deck = write(tmp_path / "eleven.md", *cards)
    col.import_file(deck)
    write(deck, *cards[:4], *cards[5:])

    report = col.import_file(deck)

    assert report.decks[0].summary() == "eleven: 0 added, 0 updated, 10 unchanged, 1 missing"
    assert [change for change, _ in report.decks[0].changes] == ["missing"]


def test_moved_cards_are_unchanged_and_take_their_new_places(col, tmp_path):
    cards = [f"Question {n}? :: Answer {n}" for n in range(4)]
    deck = write(tmp_path / "order.md", *cards)
    col.import_file(deck)
    write(deck, *reversed(cards))

    report = col.import_file(deck)

    assert report.decks[0].summary() == "order: 0 added, 0 updated, 4 unchanged, 0 missing"
    assert [note.front for note in col.export_deck("order").notes] == [
        "Question 3?",
        "Question 2?",
        "Question 1?",
        "Question 0?",
    ]
    assert col.next_card().prompt == "Question 3?"  # new cards come in the file's order
    assert col.import_file(deck).decks[0].unchanged == 4


def test_matching_takes_the_best_pairs_across_the_file_not_the_first():
    stored = [Text.of("basic", "der Bruder", "the brother")]
    incoming = [
        Text.of("basic", "die Brüder", "the brothers"),
        Text.of("basic", "der Bruder (pl. Brüder)", "the brother"),
    ]
    assert match_edited(stored, incoming) == {1: 0}
    cloze = [Text.of("cloze", "The [Treaty of Portsmouth] ended the war in [1905].", "")]
    edited = [Text.of("cloze", "The [Treaty of Portsmouth] ended the war in [1905]", "")]
    assert match_edited(cloze, edited) == {0: 0}
    assert match_edited(cloze, [Text.of("basic", "The Treaty of Portsmouth", "1905")]) == {}


def test_a_front_names_a_note_only_where_one_note_on_each_side_has_it():
    stored = [Text.of("basic", "Japan", "Tokio"), Text.of("basic", "Capital?", "Paris")]
    stored.append(Text.of("basic", "Capital?", "Rome"))
    incoming = [
        Text.of("basic", "Capital?", "Madrid"),
        Text.of("basic", "japan", "Tokyo, the capital since 1868"),
        Text.of("reversed", "Capital?", "Bern"),
    ]
    assert match_edited(stored, incoming) == {1: 0}
    assert match_edited(stored[1:2], incoming[:1]) == {0: 0}
