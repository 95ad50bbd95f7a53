"""Custom study: review ahead, forgotten cards and cramming, moving the schedule or leaving it."""

# The app's fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from revise import Collection, Rating
from revise.cli import main
from revise.study.custom import CustomStudy, Kind
from tests.core_fixtures import basic_deck
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    korea_deck,
    make_app,
    screen_text,
    settle,
    text_of,
    tui_clock,
    tui_col,
    tui_db,
)


def learn_all(col: Collection, clock, deck: str = "D") -> None:  # type: ignore[no-untyped-def]
    """Answer Easy until every card of `deck` is in review, due days later; then a day passes."""
    while (card := col.next_card(deck)) is not None:
        col.answer(card, Rating.EASY)
    clock.advance(days=1)


def schedule_of(col: Collection, deck: str = "D"):  # type: ignore[no-untyped-def]
    return [
        (h.schedule.state, h.schedule.due, h.schedule.stability, h.schedule.reps)
        for note in col.export_deck(deck).notes
        for h in note.history
    ]


@pytest.fixture
def learnt(col, clock):  # type: ignore[no-untyped-def]
    col.import_decks([basic_deck("D", 4), basic_deck("Other", 2)])
    learn_all(col, clock)
    return col


def test_review_ahead_shows_cards_due_in_the_next_days_and_moves_their_schedule(learnt, clock):
    col = learnt
    assert col.next_card("D") is None  # nothing due today: every card is days away
    ahead = CustomStudy(Kind.AHEAD, days=30)
    assert ahead.moves_schedule
    ids = col.custom_card_ids("D", ahead)
    assert len(ids) == 4
    assert col.custom_card_ids("D", CustomStudy(Kind.AHEAD, days=1)) == []
    before = schedule_of(col)
    session = col.session("D", ahead)
    assert session.progress().left_today == 4
    card = session.next_card()
    assert card.id == ids[0]
    session.answer(card, Rating.GOOD)
    after = schedule_of(col)
    assert after != before  # reviewed early: FSRS gives it a new interval from now
    assert session.progress().done_today == 1 and session.progress().left_today == 3
    # The daily review count is the normal queue's, which this answer also counts in.
    assert col.progress("D").done_today == 1


def test_cram_leaves_the_schedule_alone_and_again_comes_back_at_the_end(learnt, clock):
    col = learnt
    before = schedule_of(col)
    stats_before = col.statistics("D")
    session = col.session("D", CustomStudy(Kind.CRAM))
    first = session.next_card()
    session.answer(first, Rating.AGAIN, 2000)
    seen = [first.id]
    while (card := session.next_card()) is not None:
        session.answer(card, Rating.GOOD, 2000)
        seen.append(card.id)
    assert len(seen) == 5 and seen[-1] == first.id  # the forgotten one came back last
    assert schedule_of(col) == before  # due dates, stability, reps: all as they were
    assert col.progress("D").done_today == 0  # and today's limits are untouched
    stats = col.statistics("D").periods[0]
    assert stats.reviews == stats_before.periods[0].reviews + 5
    assert stats.again == stats_before.periods[0].again + 1
    assert stats.young == stats_before.periods[0].young  # not counted in true retention
    # Cram answers are not reviews other apps or the fitting should learn from.
    exported = [len(h.reviews) for n in col.export_deck("D").notes for h in n.history]
    assert exported == [1, 1, 1, 1]
    assert len(col.review_records("D")) == 4


def test_undo_in_custom_study_puts_the_card_back_first(learnt):
    col = learnt
    session = col.session("D", CustomStudy(Kind.CRAM))
    first = session.next_card()
    session.answer(first, Rating.AGAIN)
    assert session.next_card().id != first.id
    assert session.undo().id == first.id
    assert session.next_card().id == first.id
    assert session.progress().left_today == 4
    before = schedule_of(col)
    session = col.session("D", CustomStudy(Kind.CRAM, reschedule=True))
    session.answer(session.next_card(), Rating.GOOD)
    assert schedule_of(col) != before
    session.undo()
    assert schedule_of(col) == before


def test_forgotten_cards_are_those_answered_again_in_the_last_days(col, clock):
    col.import_decks([basic_deck("D", 3)])
    learn_all(col, clock)
    clock.advance(days=30)
    forgotten = []
    while (card := col.next_card("D")) is not None:
        rating = Rating.AGAIN if not forgotten else Rating.EASY
        if rating == Rating.AGAIN:
            forgotten.append(card.id)
        col.answer(card, rating)
        if card.id in forgotten and rating == Rating.EASY:
            break
    today = CustomStudy(Kind.FORGOTTEN)
    assert col.custom_card_ids("D", today) == forgotten
    clock.advance(days=1)
    assert col.custom_card_ids("D", today) == []
    assert col.custom_card_ids("D", CustomStudy(Kind.FORGOTTEN, days=2)) == forgotten


def test_study_command_refuses_bad_custom_study_in_one_line(
    learnt, db, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--db", db, "study", "D", "--ahead", "0"]) == 1
    assert capsys.readouterr().err == ("revise: --ahead 0: give a number of days from 1 to 36500\n")
    assert main(["--db", db, "study", "D", "--no-reschedule"]) == 1
    assert "go with --ahead, --forgotten, --cram or --search" in capsys.readouterr().err
    # Deck "Other" holds only new cards: nothing to review ahead, and the app does not open.
    assert main(["--db", db, "study", "Other", "--ahead", "1"]) == 0
    assert capsys.readouterr().out == (
        "Nothing to study in deck 'Other': no reviews due in the next day.\n"
    )


def test_cram_of_every_deck_takes_new_cards_in_deck_order_and_skips_suspended(col):
    col.import_decks([basic_deck("A", 2), basic_deck("B", 2)])
    ids = col.custom_card_ids(None, CustomStudy(Kind.CRAM))
    cards = [col.card(card_id) for card_id in ids]
    assert [(card.deck, card.prompt) for card in cards] == [
        ("A", "Question 0?"),
        ("A", "Question 1?"),
        ("B", "Question 0?"),
        ("B", "Question 1?"),
    ]


def test_cramming_in_the_app_shows_no_intervals_and_changes_no_schedule(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    learn_all(tui_col, tui_clock, "Korea")
    before = schedule_of(tui_col, "Korea")
    app = make_app(tui_col, tui_clock, deck="Korea", study=True, custom=CustomStudy(Kind.CRAM))

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        first = text_of(pilot, "#card-prompt")
        labels = [str(pilot.app.screen.query_one(f"#grade-{n}").label) for n in (1, 2, 3, 4)]
        assert labels == ["Again", "Hard", "Good", "Easy"]
        await pilot.press("space", "1")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") != first
        await pilot.press("space", "3")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == first  # the forgotten card came back
        assert "2 done · 1 left" in screen_text(pilot)

    drive(app, scenario)
    assert schedule_of(tui_col, "Korea") == before
    assert tui_col.statistics("Korea").periods[0].reviews == 2  # the cram answers, logged


def test_a_card_suspended_during_custom_study_leaves_the_session(learnt):
    col = learnt
    session = col.session("D", CustomStudy(Kind.CRAM))
    first = session.next_card()
    col.actions.set_suspended([first.id], True)
    second = session.next_card()
    assert second is not None and second.id != first.id
    assert session.progress().left_today == 3
