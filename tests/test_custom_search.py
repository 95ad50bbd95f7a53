"""Custom study by search (`revise study --search`, as Anki's filtered deck) and the custom study
dialog of the deck list, which starts any kind of custom study."""

# The app's fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest
from sqlalchemy import select
from textual.widgets import Input

from revise import Collection, Rating
from revise.cli import main
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.storage.models import Card, Review
from revise.study.custom import CRAM_ORIGIN, CustomStudy, Kind
from revise.tui.screens.custom_study import CustomStudyScreen
from revise.tui.screens.review import ReviewScreen
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    korea_deck,
    make_app,
    settle,
    text_of,
    tui_clock,
    tui_col,
    tui_db,
)

cards_t = Card.__table__
reviews_t = Review.__table__

SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])


def exam_deck(name: str = "D") -> DeckData:
    return DeckData(
        name,
        [
            NoteData(NoteKind.BASIC, f"Question {i}?", f"Answer {i}", tags=tags)
            for i, tags in enumerate([("exam",), (), ("exam", "hard"), ("exam",), ()])
        ],
    )


def prompts(col: Collection, deck: str | None, study: CustomStudy) -> list[str]:
    return [col.card(card_id).prompt for card_id in col.custom_card_ids(deck, study)]


def states(col: Collection) -> dict[str, int]:
    """Each card's state by its prompt, in deck D."""
    return {row.question: row.state for row in col.search("deck:D").rows}


def test_search_studies_the_cards_found_and_moves_their_schedule(col):
    col.import_decks([exam_deck("D"), exam_deck("Other")])
    study = CustomStudy(Kind.SEARCH, search="tag:exam")
    assert study.moves_schedule  # as Anki's filtered decks: answers reschedule
    assert prompts(col, "D", study) == ["Question 0?", "Question 2?", "Question 3?"]
    assert len(col.custom_card_ids(None, study)) == 6  # every deck
    session = col.session("D", study)
    card = session.next_card()
    session.answer(card, Rating.GOOD)
    assert states(col)["Question 0?"] != 0  # it left the new state
    assert col.progress("D").done_today == 1


def test_search_leaves_out_suspended_cards_and_puts_due_cards_before_new(col, clock):
    col.import_decks([exam_deck()])
    session = col.session("D")
    for _ in range(2):  # Question 0? and 1? learnt, due in days
        session.answer(session.next_card(), Rating.EASY)
    clock.advance(days=30)
    ids = {row.question: row.id for row in col.search("deck:D").rows}
    col.actions.set_suspended([ids["Question 2?"]], True)
    assert prompts(col, "D", CustomStudy(Kind.SEARCH, search="-tag:hard")) == [
        "Question 0?",
        "Question 1?",
        "Question 3?",
        "Question 4?",
    ]


def test_search_with_cram_leaves_the_schedule_alone(col):
    col.import_decks([exam_deck()])
    study = CustomStudy(Kind.CRAM, search="tag:exam -tag:hard")
    assert not study.moves_schedule
    assert prompts(col, "D", study) == ["Question 0?", "Question 3?"]
    session = col.session("D", study)
    while (card := session.next_card()) is not None:
        session.answer(card, Rating.GOOD)
    assert set(states(col).values()) == {0}  # every card still new
    with col._engine.connect() as connection:
        origins = connection.execute(select(reviews_t.c.origin)).scalars().all()
    assert origins == [CRAM_ORIGIN, CRAM_ORIGIN]


def test_search_narrows_review_ahead(col, clock):
    col.import_decks([exam_deck()])
    session = col.session("D")
    while (card := session.next_card()) is not None:
        session.answer(card, Rating.EASY)
    ahead = CustomStudy(Kind.AHEAD, days=365, search="tag:hard")
    assert prompts(col, "D", ahead) == ["Question 2?"]
    assert (
        ahead.describe() == 'reviews due in the next 365 days found by "tag:hard"; schedule moves'
    )


def test_study_command_takes_a_search_and_refuses_a_bad_one_in_one_line(
    col, db, capsys, monkeypatch, tmp_path
):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    col.import_decks([exam_deck()])
    assert main(["--db", db, "study", "D", "--search", "(tag:exam"]) == 1
    assert capsys.readouterr().err == "revise: search: '(' without a closing ')' (add a ')')\n"
    assert main(["--db", db, "study", "D", "--search", " "]) == 1
    assert "--search needs a search" in capsys.readouterr().err
    assert main(["--db", db, "study", "D", "--search", "tag:nothing"]) == 0
    assert capsys.readouterr().out == (
        "Nothing to study in deck 'D': no cards found by \"tag:nothing\".\n"
    )
    assert main(["--db", db, "study", "D", "--search", "tag:[red]", "--cram"]) == 0
    assert capsys.readouterr().out == (  # the search is shown as typed, never as markup
        "Nothing to study in deck 'D': no every card (cram) found by \"tag:[red]\".\n"
    )


# -- the custom study dialog -------------------------------------------------------------------


def reviews_logged(col: Collection) -> list[tuple[int, str]]:
    """(card state after, origin) of each review, oldest first."""
    with col._engine.connect() as connection:
        return [
            (row.state, row.origin)
            for row in connection.execute(
                select(cards_t.c.state, reviews_t.c.origin)
                .join(cards_t, cards_t.c.id == reviews_t.c.card_id)
                .order_by(reviews_t.c.id)
            )
        ]


def test_the_dialog_studies_by_search_and_the_answer_moves_the_schedule(tui_col, tui_clock):
    tui_col.import_decks([exam_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CustomStudyScreen)
        pilot.app.screen.query_one("#custom-search-choice").value = True
        await settle(pilot)
        assert not pilot.app.screen.query_one("#custom-search", Input).disabled
        pilot.app.screen.query_one("#custom-search", Input).focus()
        await pilot.press(*"tag:hard", "enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert text_of(pilot, "#card-prompt") == "Question 2?"
        await pilot.press("space", "3")
        await settle(pilot)

    drive(app, scenario)
    assert reviews_logged(tui_col) == [(1, "revise")]  # a real answer: the card is learning


def test_the_dialog_crams_without_moving_the_schedule(tui_col, tui_clock):
    tui_col.import_decks([exam_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f")
        await settle(pilot)
        pilot.app.screen.query_one("#custom-cram-choice").value = True
        await settle(pilot)
        assert not pilot.app.screen.query_one("#custom-reschedule").value  # Anki's default
        await pilot.click("#custom-start")
        await settle(pilot)
        assert text_of(pilot, "#card-prompt") == "Question 0?"
        await pilot.press("space", "3")
        await settle(pilot)

    drive(app, scenario)
    assert reviews_logged(tui_col) == [(0, CRAM_ORIGIN)]  # logged, the card still new


def test_the_dialog_says_what_is_wrong_and_stays_open(tui_col, tui_clock):
    tui_col.import_decks([exam_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await pilot.press("f")
        await settle(pilot)
        days = pilot.app.screen.query_one("#custom-days", Input)
        days.value = "0"
        days.focus()
        await pilot.press("enter")
        await settle(pilot)
        assert "Days: give a number of days from 1 to 36500" in text_of(pilot, "#custom-problem")
        days.value = "3"
        await pilot.press("enter")
        await settle(pilot)
        assert text_of(pilot, "#custom-problem") == (
            "Nothing to study: no reviews due in the next 3 days."
        )
        assert isinstance(pilot.app.screen, CustomStudyScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, CustomStudyScreen)

    drive(app, scenario)
    assert reviews_logged(tui_col) == []


def open_dialog_with_search(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        pilot.app.screen.query_one("#custom-search-choice").value = True
        await settle(pilot)
        search = pilot.app.screen.query_one("#custom-search", Input)
        search.focus()
        await pilot.press(*keys)
        await settle(pilot)
        search.cursor_blink = False
        await pilot.pause()

    return run_before


@SIZES
def test_custom_study_dialog(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock)
    assert snap_compare(
        app, terminal_size=size, run_before=open_dialog_with_search(*"tag:[red]", "enter")
    )
