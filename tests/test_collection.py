"""The study loop through the headless core: queue, limits, the day, siblings, undo, imports."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from revise import Collection, Rating
from revise.config import Config
from revise.errors import ReviseError
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.scheduling.day import day_bounds
from tests.core_fixtures import Clock, basic_deck


def test_answer_is_committed_and_visible_to_a_second_window(col, db, clock):
    col.import_decks([basic_deck()])
    card = col.next_card()
    col.answer(card, Rating.GOOD, duration_ms=4000)
    other = Collection.open(db, clock=clock)
    try:
        assert other.progress().done_today == 1
        counts = other.decks()[0]
        assert (counts.new, counts.learning) == (2, 1)
    finally:
        other.close()


def test_two_windows_answering_the_same_card_both_count(col, db, clock):
    col.import_decks([basic_deck(count=1)])
    card = col.next_card()
    other = Collection.open(db, config=Config(fuzz=False), clock=clock)
    try:
        other.answer(card, Rating.GOOD)
        col.answer(card, Rating.GOOD)  # builds on the other window's answer
        assert col.progress().done_today == 2
        assert col.card(card.id).reps == 2
    finally:
        other.close()


def test_queue_order_learning_then_reviews_then_new(col, clock):
    col.import_decks([basic_deck(count=3)])
    first = col.next_card()
    col.answer(first, Rating.EASY)  # becomes a review card due in days
    second = col.next_card()
    assert second.prompt == "Question 1?"  # new cards in deck order
    col.answer(second, Rating.AGAIN)  # learning, due in 1 minute
    assert col.next_card().prompt == "Question 2?"
    clock.advance(minutes=2)
    relearn = col.next_card()
    assert relearn.prompt == "Question 1?"  # the due learning step comes first
    col.answer(relearn, Rating.EASY)
    clock.advance(days=30)
    due = [col.next_card()]
    col.answer(due[0], Rating.GOOD)
    due.append(col.next_card())
    col.answer(due[1], Rating.GOOD)
    # Both reviews, most overdue first, before the remaining new card.
    assert [card.state for card in due] == [2, 2]
    assert {card.prompt for card in due} == {"Question 0?", "Question 1?"}
    assert col.next_card().prompt == "Question 2?"


def test_preview_gives_the_interval_the_answer_schedules(db, clock):
    col = Collection.open(db, config=Config(fuzz=True), clock=clock)
    try:
        col.import_decks([basic_deck(count=1)])
        card = col.next_card()
        col.answer(card, Rating.EASY)
        clock.advance(days=20)
        card = col.next_card()
        preview = col.preview(card)
        assert preview[Rating.AGAIN] < preview[Rating.HARD] <= preview[Rating.GOOD]
        assert preview[Rating.GOOD] < preview[Rating.EASY]
        col.answer(card, Rating.GOOD)
        due = clock.now + preview[Rating.GOOD]
        assert col.export_deck("Deck").notes[0].history[0].schedule.due == due
        # The review is shown from the rollover that begins the study day it falls due in.
        assert col.next_due() == day_bounds(due, col.config.day_starts_at)[0]
    finally:
        col.close()


def test_an_answers_fuzz_is_drawn_for_its_card_and_leaves_the_programs_random_numbers_alone(
    db, clock
):
    import random

    col = Collection.open(db, config=Config(fuzz=True), clock=clock)
    try:
        col.import_decks([basic_deck(count=2)])
        for card in (col.next_card(), col.next_card()):
            col.answer(card, Rating.EASY)
        clock.advance(days=20)
        first = col.next_card()
        # The same card at the same moment is fuzzed alike, whatever ran in between.
        again = [col.preview(first)[Rating.GOOD] for _ in range(3)]
        random.seed(7)
        expected = [random.random() for _ in range(3)]
        random.seed(7)
        col.answer(first, Rating.GOOD)
        assert [random.random() for _ in range(3)] == expected
        assert again == [again[0]] * 3
    finally:
        col.close()


def test_new_card_limit_is_per_deck_and_per_day(db, clock):
    col = Collection.open(db, config=Config(new_per_day=2), clock=clock)
    try:
        col.import_decks([basic_deck("A", 5), basic_deck("B", 5)])
        assert [(d.name, d.new) for d in col.decks()] == [("A", 2), ("B", 2)]
        for _ in range(2):
            col.answer(col.next_card("A"), Rating.EASY)
        assert col.next_card("A") is None
        assert col.next_card("B") is not None
        clock.advance(days=1)
        assert col.decks()[0].new == 2
    finally:
        col.close()


def test_review_limit(db, clock):
    col = Collection.open(db, config=Config(reviews_per_day=1), clock=clock)
    try:
        col.import_decks([basic_deck(count=2)])
        for _ in range(2):
            col.answer(col.next_card(), Rating.EASY)
        clock.advance(days=60)
        assert col.decks()[0].due == 1
        col.answer(col.next_card(), Rating.GOOD)
        assert col.decks()[0].due == 0
        assert col.next_card() is None
    finally:
        col.close()


def test_day_starts_at_the_configured_local_hour(db, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    import time

    time.tzset()
    from datetime import UTC, datetime

    clock = Clock(datetime(2026, 3, 10, 23, 0, tzinfo=UTC))
    col = Collection.open(db, config=Config(new_per_day=1, day_starts_at=4), clock=clock)
    try:
        col.import_decks([basic_deck(count=3)])
        col.answer(col.next_card(), Rating.EASY)
        assert col.decks()[0].new == 0
        clock.advance(hours=2)  # 01:00: past midnight, still the same study day
        assert col.decks()[0].new == 0
        clock.advance(hours=3)  # 04:00: a new day
        assert col.decks()[0].new == 1
    finally:
        col.close()
        monkeypatch.delenv("TZ")
        time.tzset()


def test_cloze_siblings_are_not_shown_the_same_day(col, clock):
    deck = DeckData(
        "History", [NoteData(NoteKind.CLOZE, "In [1896] Russia opened a legation in [Seoul].")]
    )
    col.import_decks([deck])
    first = col.next_card()
    assert first.prompt == "In [...] Russia opened a legation in Seoul."
    assert first.answer == "1896"
    col.answer(first, Rating.EASY)
    assert col.next_card() is None
    clock.advance(days=1)
    assert col.next_card().prompt == "In 1896 Russia opened a legation in [...]."


def test_undo_restores_the_card_and_removes_the_review(col, clock):
    col.import_decks([basic_deck(count=2)])
    card = col.next_card()
    col.answer(card, Rating.EASY)
    undone = col.undo()
    assert undone.id == card.id and undone.state == 0
    assert col.progress().done_today == 0
    assert col.next_card().id == card.id
    assert col.undo() is None


def test_undo_unburies_siblings(col):
    col.import_decks([DeckData("D", [NoteData(NoteKind.CLOZE, "[A] and [B] together")])])
    col.answer(col.next_card(), Rating.EASY)
    assert col.next_card() is None
    col.undo()
    assert col.decks()[0].new == 2


def test_reimport_keeps_history_updates_text_and_suspends_missing(col):
    notes = [
        NoteData(NoteKind.BASIC, "When did Russia establish a legation in Seoul?", "1896"),
        NoteData(
            NoteKind.BASIC, "Which treaty ended the Russo-Japanese War?", "Treaty of Portsmouth"
        ),
        NoteData(NoteKind.BASIC, "Where was Korea divided?", "38th parallel"),
    ]
    col.import_decks([DeckData("Korea", list(notes))])
    card = col.next_card()
    col.answer(card, Rating.GOOD)
    edited = [
        NoteData(NoteKind.BASIC, "When did Russia establish a legation in Seul?", "1896"),  # typo
        NoteData(
            NoteKind.BASIC, "Which treaty ended the Russo-Japanese war", "Treaty of Portsmouth"
        ),
    ]
    report = col.import_decks([DeckData("Korea", edited)])
    assert (report.total_added, report.total_updated, report.total_unchanged) == (0, 2, 0)
    assert report.total_missing == 1
    kept = col.card(card.id)
    assert kept.prompt == "When did Russia establish a legation in Seul?"
    assert kept.reps == 1
    assert col.decks()[0].total == 2  # the missing card is suspended, not deleted
    back = col.import_decks([DeckData("Korea", [*edited, notes[2]])])
    assert back.total_updated == 1 and col.decks()[0].total == 3


def test_dry_run_changes_nothing(col):
    report = col.import_decks([basic_deck()], dry_run=True)
    assert report.total_added == 3
    assert col.decks() == []


def test_failed_import_leaves_the_collection_as_it_was(col):
    col.import_decks([basic_deck("Good")])
    broken = DeckData("Broken", [NoteData(NoteKind.CLOZE, "no deletion here [")])
    with pytest.raises(ValueError):
        col.import_decks([basic_deck("Other"), broken])
    assert [d.name for d in col.decks()] == ["Good"]


def test_duplicate_cards_in_one_file_are_skipped_with_a_reason(col):
    deck = DeckData(
        "D",
        [
            NoteData(NoteKind.BASIC, "Capital of France?", "Paris", line=1),
            NoteData(NoteKind.BASIC, "capital of france", "paris.", line=5),
        ],
    )
    report = col.import_decks([deck])
    assert report.total_added == 1
    assert report.decks[0].skipped == ["line 5: same card as line 1"]


def test_card_text_is_kept_literally(col):
    text = "[red]not red[/] <b>not bold</b> \\[x]"
    col.import_decks([DeckData("D", [NoteData(NoteKind.BASIC, text, "[/]")])])
    card = col.next_card()
    assert card.prompt == text and card.answer == "[/]"


def test_media_live_in_the_collection_for_every_computer(col, db, clock):
    deck = basic_deck(count=1)
    deck.notes[0].media = ("map.png",)
    deck.media = {"map.png": b"\x89PNG map", "copy.png": b"\x89PNG map"}
    col.import_decks([deck])
    other = Collection.open(db, clock=clock)  # another computer opening the same collection
    try:
        card = other.next_card()
        assert card.media == ("map.png",)
        opened = other.media_file("map.png")  # written out for the system's viewer
        assert opened.read_bytes() == b"\x89PNG map"
        assert other.export_deck("Deck").media == {"map.png": b"\x89PNG map"}
    finally:
        other.close()
    assert not opened.exists()  # the written-out copy goes when the collection is closed


def test_media_names_cannot_leave_the_collection(col, tmp_path: Path):
    deck = basic_deck(count=1)
    deck.media = {"../escape.txt": b"x", "ok.png": b"png"}
    col.import_decks([deck])
    assert col.media_file("ok.png").read_bytes() == b"png"
    with pytest.raises(ReviseError, match="not in the collection"):
        col.media_file("../escape.txt")
    assert not list(tmp_path.rglob("escape.txt"))


def test_a_failed_import_leaves_no_media_and_no_notes(col):
    good = basic_deck("Good", count=1)
    good.media = {"map.png": b"\x89PNG"}
    broken = DeckData("Broken", [NoteData(NoteKind.CLOZE, "no deletion here [")])
    with pytest.raises(ValueError):
        col.import_decks([good, broken])
    assert col.decks() == []
    with pytest.raises(ReviseError, match="not in the collection"):
        col.media_file("map.png")


def test_learning_card_comes_back_within_the_session(col, clock):
    col.import_decks([basic_deck(count=1)])
    card = col.next_card()
    col.answer(card, Rating.AGAIN)
    again = col.next_card()  # learn-ahead: nothing else to do, the step is 1 minute away
    assert again.id == card.id
    assert col.preview(again)[Rating.GOOD] >= timedelta(minutes=1)


def test_a_parent_deck_name_covers_its_sub_decks(col):
    col.import_decks([basic_deck("Lang::French"), basic_deck("Lang::German"), basic_deck("Langs")])
    col.import_decks([basic_deck("Lan%::x")])
    assert col.deck_names("Lang") == ["Lang::French", "Lang::German"]
    assert col.deck_names("Lan%") == ["Lan%::x"]  # LIKE wildcards are taken literally
    assert col.progress("Lang").left_today == 6
    assert col.next_card("Lang").deck.startswith("Lang::")
    assert [deck.name for deck in col.export_decks("Lang")] == ["Lang::French", "Lang::German"]
    with pytest.raises(ReviseError, match="no deck named 'Lan'"):
        col.export_decks("Lan")
