"""Importing cards with their states and reviews, and importing the same or a newer export again:
what is stored, and that nothing is lost, doubled or rolled back (on SQLite and PostgreSQL)."""

from __future__ import annotations

import string
import unicodedata
from datetime import timedelta

from hypothesis import given
from hypothesis import strategies as st

from revise.formats.model import (
    _PUNCTUATION,
    CardHistory,
    DeckData,
    NoteData,
    NoteKind,
    ReviewData,
    ScheduleData,
    normalise,
)
from revise.scheduling.scheduler import Rating
from tests.core_fixtures import START


def studied_deck(reviews_per_card: int, *, later: timedelta = timedelta(0)) -> DeckData:
    """Three notes (basic, reversed, cloze) whose first card was reviewed `reviews_per_card`
    times a day apart, the last review `later` after the usual time."""
    notes = []
    kinds = [
        (NoteKind.BASIC, "Capital of Peru", "Lima"),
        (NoteKind.REVERSED, "der Hund", "the dog"),
        (NoteKind.CLOZE, "The [Nile] flows into the [Mediterranean]", ""),
    ]
    for number, (kind, front, back) in enumerate(kinds):
        times = [
            START - timedelta(days=30 - day, minutes=number) for day in range(reviews_per_card)
        ]
        times[-1] += later
        history = CardHistory(
            ordinal=0,
            schedule=ScheduleData(
                state=2,
                due=times[-1] + timedelta(days=4),
                stability=4.0 + len(times),
                difficulty=5.0,
                last_review=times[-1],
                reps=len(times),
            ),
            reviews=[ReviewData(time, 3, 4000) for time in times],
        )
        notes.append(NoteData(kind, front, back, history=[history]))
    return DeckData("Studied", notes)


def stored(col) -> dict[tuple[str, int], CardHistory]:  # type: ignore[no-untyped-def]
    return {
        (note.front, card.ordinal): card
        for deck in col.export_decks("Studied")
        for note in deck.notes
        for card in note.history
    }


def test_a_first_import_stores_every_card_with_its_state_and_reviews(col):
    report = col.import_decks([studied_deck(3)])

    assert (report.total_added, report.decks[0].reviews) == (3, 9)
    cards = stored(col)
    assert sorted(cards) == [
        ("Capital of Peru", 0),
        ("The [Nile] flows into the [Mediterranean]", 0),
        ("The [Nile] flows into the [Mediterranean]", 1),
        ("der Hund", 0),
        ("der Hund", 1),
    ]
    peru = cards[("Capital of Peru", 0)]
    assert peru.schedule is not None
    assert (peru.schedule.state, peru.schedule.stability, peru.schedule.reps) == (2, 7.0, 3)
    assert peru.schedule.last_review == START - timedelta(days=28)
    assert [(review.time, review.rating) for review in peru.reviews] == [
        (START - timedelta(days=30 - day), Rating.GOOD) for day in range(3)
    ]
    assert cards[("der Hund", 1)].schedule.state == 0  # type: ignore[union-attr]
    assert cards[("der Hund", 1)].reviews == []


def test_an_unchanged_export_adds_nothing_and_keeps_what_was_studied_here(col, clock):
    col.import_decks([studied_deck(3)])
    card = col.next_card("Studied")
    assert card is not None
    col.answer(card, Rating.AGAIN)
    before = stored(col)

    report = col.import_decks([studied_deck(3)])

    assert (report.total_unchanged, report.decks[0].reviews) == (3, 0)
    assert stored(col) == before  # the answer given here and its state are kept


def test_a_newer_export_brings_its_new_reviews_and_state_and_an_older_one_changes_nothing(col):
    col.import_decks([studied_deck(2)])

    newer = col.import_decks([studied_deck(3, later=timedelta(hours=1))])
    assert newer.decks[0].reviews == 3  # one new review for each studied card
    peru = stored(col)[("Capital of Peru", 0)]
    assert len(peru.reviews) == 3 and peru.schedule.reps == 3  # type: ignore[union-attr]
    assert peru.schedule.last_review == START - timedelta(days=28, hours=-1)  # type: ignore[union-attr]

    older = col.import_decks([studied_deck(1)])
    assert older.decks[0].reviews == 0
    assert stored(col)[("Capital of Peru", 0)] == peru


def test_a_deck_imported_beside_another_gets_cards_of_its_own(col):
    col.import_decks([studied_deck(2)])
    other = DeckData(
        "Other", [NoteData(NoteKind.REVERSED, f"word {n}", f"mot {n}") for n in range(50)]
    )
    col.import_decks([other])

    counts = {deck.name: deck.new for deck in col.decks()}
    assert counts["Other"] == 20  # the daily limit of the 100 new cards
    exported = col.export_decks("Other")[0]
    assert [note.front for note in exported.notes] == [f"word {n}" for n in range(50)]
    assert all(len(note.history) == 2 for note in exported.notes)
    assert len(stored(col)) == 5  # the first deck's cards are where they were


def _reference_normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


@given(st.text(alphabet=string.printable + "éÉß\u00a0\u2003_[]", max_size=40))
def test_plain_ascii_text_is_folded_as_any_other_text(text):
    assert normalise.__wrapped__(text) == _reference_normalise(text)


def test_edited_notes_take_their_new_text_places_and_cards(col):
    first = [
        NoteData(NoteKind.BASIC, "Capital of Peru", "Lima"),
        NoteData(NoteKind.CLOZE, "The [Nile] flows into the [Mediterranean]"),
        NoteData(NoteKind.CLOZE, "The [Amazon] flows into the Atlantic Ocean"),
    ]
    col.import_decks([DeckData("Edited", first)])
    edited = [
        NoteData(NoteKind.CLOZE, "The [Amazon] flows into the [Atlantic] Ocean"),
        NoteData(NoteKind.BASIC, "Capital of Peru", "Lima (since 1535)"),
        NoteData(NoteKind.CLOZE, "The [Nile] flows into the Mediterranean"),
    ]
    report = col.import_decks([DeckData("Edited", edited)])

    assert (report.total_added, report.total_updated, report.total_missing) == (0, 3, 0)
    notes = col.export_decks("Edited")[0].notes
    assert [(note.front, note.back) for note in notes] == [
        (note.front, note.back) for note in edited
    ]
    assert col.decks()[0].total == 4  # the Amazon gains a card, the Nile's second one rests
    assert [len(note.history) for note in notes] == [2, 1, 2]


def test_notes_written_in_several_batches_keep_their_own_cards_and_reviews(col, monkeypatch):
    import revise.storage.bulk
    import revise.storage.merge

    monkeypatch.setattr(revise.storage.merge, "ROWS_PER_CALL", 4)
    monkeypatch.setattr(revise.storage.bulk, "ROWS_PER_CALL", 3)
    deck = studied_deck(2)
    deck.notes.extend(NoteData(NoteKind.REVERSED, f"word {n}", f"mot {n}") for n in range(10))
    report = col.import_decks([deck])

    assert (report.total_added, report.decks[0].reviews) == (13, 6)
    cards = stored(col)
    assert len(cards) == 5 + 20
    assert len(cards[("Capital of Peru", 0)].reviews) == 2
    exported = col.export_decks("Studied")[0].notes
    assert [note.back for note in exported[3:]] == [f"mot {n}" for n in range(10)]
