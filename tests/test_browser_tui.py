"""The card browser and the review screen's card keys, driven like a user would: keys in,
screen and database out."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import re
from pathlib import Path

from revise import Collection
from revise.formats.model import DeckData, NoteData, NoteKind
from revise.scheduling.scheduler import Rating
from revise.tui.screens.browser import BrowserScreen
from revise.tui.screens.card_dialogs import AskScreen, ConfirmScreen, FlagScreen
from revise.tui.screens.card_info import CardInfoScreen
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.review import ReviewScreen
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    korea_deck,
    make_app,
    screen_text,
    settle,
    text_of,
    treaty_deck,
    tui_clock,
    tui_col,
    tui_db,
)

STALIN = "Who led the Soviet Union when the Korean War began?"
FRENCH = Path(__file__).parent / "fixtures" / "anki" / "french-words-and-phrases.apkg"


def stored(tui_db, tui_clock, query: str) -> list[str]:
    """The questions of the cards matching `query`, as another process reads the file."""
    other = Collection.open(tui_db, clock=tui_clock)
    try:
        return [row.question for row in other.search(query).rows]
    finally:
        other.close()


def browser(pilot) -> BrowserScreen:  # type: ignore[no-untyped-def]
    screen = pilot.app.screen
    assert isinstance(screen, BrowserScreen)
    return screen


def shown(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    return [row.question for row in browser(pilot).rows]


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*("space" if char == " " else char for char in text))


def open_browser(tui_col, tui_clock, query: str = ""):  # type: ignore[no-untyped-def]
    tui_col.import_decks([korea_deck(), treaty_deck()])
    return make_app(tui_col, tui_clock, browse=query)


def test_b_on_the_deck_list_browses_the_highlighted_deck(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        assert isinstance(pilot.app.screen, DeckListScreen)
        await pilot.press("down", "b")
        await settle(pilot)
        assert pilot.app.screen.query_one("#browser-search").value == '"deck:Treaties"'
        assert shown(pilot) == [f"Treaty question {i}?" for i in range(3)]
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, DeckListScreen)

    drive(app, scenario)


def test_searching_from_the_box_and_a_bad_query(tui_col, tui_clock):
    app = open_browser(tui_col, tui_clock)

    async def scenario(pilot):
        assert len(shown(pilot)) == 5
        assert "5 cards" in screen_text(pilot)
        await pilot.press("slash")
        await type_text(pilot, "tag:ussr")
        await pilot.press("enter")
        await settle(pilot)
        assert shown(pilot) == [STALIN]
        assert "Joseph Stalin" in screen_text(pilot)  # the preview: answer, source, tags
        assert "from notes/korea.txt:3-5" in screen_text(pilot)
        assert "tags: ussr 1950" in screen_text(pilot)
        await pilot.press("slash", "ctrl+u")
        await type_text(pilot, "is:lost")
        await pilot.press("enter")
        await settle(pilot)
        assert shown(pilot) == [STALIN]  # the last good search stays
        message = list(pilot.app._notifications)[-1].message
        assert message.startswith("search: unknown is:lost")

    drive(app, scenario)


def test_suspend_a_selection_then_ctrl_z(tui_col, tui_db, tui_clock):
    app = open_browser(tui_col, tui_clock, "deck:Treaties")

    async def scenario(pilot):
        await pilot.press("space", "space", "s")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:suspended") == [
            "Treaty question 0?",
            "Treaty question 1?",
        ]
        assert "susp" in screen_text(pilot)
        await pilot.press("s")  # on suspended cards: unsuspend
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:suspended") == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "is:suspended")) == 2
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:suspended") == []
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert list(pilot.app._notifications)[-1].message == "Nothing to undo"

    drive(app, scenario)


def test_bury_and_flag(tui_col, tui_db, tui_clock):
    app = open_browser(tui_col, tui_clock, "deck:Treaties")

    async def scenario(pilot):
        await pilot.press("b")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:buried") == ["Treaty question 0?"]
        await pilot.press("down", "f")
        assert isinstance(pilot.app.screen, FlagScreen)
        await pilot.press("3")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "flag:3") == ["Treaty question 1?"]
        await pilot.press("f", "escape")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "flag:3") == ["Treaty question 1?"]

    drive(app, scenario)


def test_tags_added_and_removed(tui_col, tui_db, tui_clock):
    app = open_browser(tui_col, tui_clock, "deck:Treaties")

    async def scenario(pilot):
        await pilot.press("a", "t")
        assert isinstance(pilot.app.screen, AskScreen)
        await type_text(pilot, "peace war")
        await pilot.press("enter")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "tag:peace tag:war")) == 3
        await pilot.press("a", "T")  # the whole selection is cleared, then the current card
        await type_text(pilot, "war")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "tag:war") == ["Treaty question 1?", "Treaty question 2?"]

    drive(app, scenario)


def test_move_reset_and_set_due(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    card = tui_col.search('front:"*question 0*"').rows[0].id
    tui_col.answer(card, Rating.GOOD)
    app = make_app(tui_col, tui_clock, browse="deck:Treaties")

    async def scenario(pilot):
        await pilot.press("d")
        await type_text(pilot, "5")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "prop:due=5") == ["Treaty question 0?"]
        await pilot.press("r")
        await settle(pilot)
        assert "Treaty question 0?" in stored(tui_db, tui_clock, "is:new")
        await pilot.press("m")
        await type_text(pilot, "Peace::Europe")
        await pilot.press("enter")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "deck:Peace") == ["Treaty question 0?"]
        assert shown(pilot) == ["Treaty question 1?", "Treaty question 2?"]  # search re-run

    drive(app, scenario)


def test_delete_asks_first_and_ctrl_z_brings_it_back(tui_col, tui_db, tui_clock):
    app = open_browser(tui_col, tui_clock, "deck:Korea")

    async def scenario(pilot):
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmScreen)
        assert "Delete 1 note with 1 card and 0 reviews?" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "deck:Korea")) == 2
        await pilot.press("down", "x")
        await settle(pilot)
        assert "Delete 1 note with 1 card" in screen_text(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "deck:Korea") == [STALIN]
        assert shown(pilot) == [STALIN]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "deck:Korea")) == 2

    drive(app, scenario)


def test_sorting_with_o_and_by_column_header(tui_col, tui_clock):
    app = open_browser(tui_col, tui_clock)

    async def scenario(pilot):
        assert browser(pilot).order == "added"
        await pilot.press("o")  # front
        await settle(pilot)
        assert shown(pilot)[0] == "The Sino-Soviet treaty of friendship was signed in [...]."
        await pilot.press("O")
        await settle(pilot)
        assert shown(pilot)[0] == STALIN
        assert "by front ▼" in screen_text(pilot)
        await pilot.press("o")  # deck, still descending
        await settle(pilot)
        assert browser(pilot).order == "deck" and shown(pilot)[0].startswith("Treaty")

    drive(app, scenario)


def test_card_info_from_the_browser(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    card = tui_col.search("tag:ussr").rows[0].id
    tui_col.answer(card, Rating.AGAIN, duration_ms=7000)
    tui_clock.advance(minutes=5)
    tui_col.answer(card, Rating.GOOD, duration_ms=3000)
    app = make_app(tui_col, tui_clock, browse="tag:ussr")

    async def scenario(pilot):
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CardInfoScreen)
        for _ in range(200):  # on a busy machine the review table may paint frames later
            if "Again" in screen_text(pilot):
                break
            await pilot.pause(0.05)
        text = screen_text(pilot)
        for fact in (
            "notes/korea.txt:3-5",
            "Stability",
            "Difficulty",
            "Retrievability",
            "2 (0 lapses)",
            "Again",
            "Good",
            "7s",
            "10s",
        ):
            assert fact in text, fact
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BrowserScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CardInfoScreen)

    drive(app, scenario)


def test_card_text_is_shown_as_written(tui_col, tui_clock):
    tui_col.import_decks(
        [
            DeckData(
                "Evil [bold]", [NoteData(NoteKind.BASIC, "[red]x[/] \x1b[2J", "[/]", tags=("[b]",))]
            )
        ]
    )
    app = make_app(tui_col, tui_clock, browse="")

    async def scenario(pilot):
        text = screen_text(pilot)
        assert "[red]x[/] ␛[2J" in text and "Evil [bold]" in text and "tags: [b]" in text

    drive(app, scenario)


# -- the review screen -----------------------------------------------------------------------


def test_review_suspend_bury_and_undo(tui_col, tui_db, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        assert text_of(pilot, "#card-prompt") == STALIN
        await pilot.press("at")
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:suspended") == [STALIN]
        assert "[...]" in text_of(pilot, "#card-prompt")  # on to the next card
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press("minus")  # bury the second deletion of the cloze
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "is:buried")) == 1
        await pilot.press("u")  # the bury
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:buried") == []
        await pilot.press("u")  # the answer
        await settle(pilot)
        assert stored(tui_db, tui_clock, "rated:1") == []
        await pilot.press("u")  # the suspend
        await settle(pilot)
        assert stored(tui_db, tui_clock, "is:suspended") == []
        assert text_of(pilot, "#card-prompt") == STALIN

    drive(app, scenario)


def test_review_bury_note_flag_and_info(tui_col, tui_db, tui_clock):
    tui_col.import_decks(
        [DeckData("Cloze", [NoteData(NoteKind.CLOZE, "[Seoul] is the capital of [South Korea].")])]
    )
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.press("f", "2")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "flag:2")) == 1
        await pilot.press("i")
        await settle(pilot)
        assert isinstance(pilot.app.screen, CardInfoScreen)
        assert "orange" in screen_text(pilot)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReviewScreen)
        await pilot.press("equals_sign")
        await settle(pilot)
        assert len(stored(tui_db, tui_clock, "is:buried")) == 2
        assert "Nothing due now" in screen_text(pilot)

    drive(app, scenario)


def test_intervals_of_months_are_shown_whole_not_as_minutes(tui_col, tui_clock):
    """The interval and stability columns were 4 wide: a 32-day interval, '1.1mo', showed as
    '1.1m', which reads as 1.1 minutes."""
    tui_col.import_file(FRENCH)
    app = make_app(tui_col, tui_clock, browse="")

    async def scenario(pilot):
        await settle(pilot)
        screen = screen_text(pilot)
        assert re.search(r"\b\d+\.\dmo\b", screen), screen  # months, whole
        assert not re.search(r"\b\d+\.\dm\b", screen), screen  # never 'minutes' with a decimal

    drive(app, scenario)
