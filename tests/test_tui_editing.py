"""Editing in the terminal app, driven like a user would: keys in, screen and database out."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select, TextArea

from revise import Rating
from revise.formats.model import DeckData, NoteKind
from revise.tui.screens.browser import BrowserScreen
from revise.tui.screens.card_dialogs import StrictConfirmScreen
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.edit import AddCardScreen, EditCardScreen, NameScreen
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

FIRST_PROMPT = "Who led the Soviet Union when the Korean War began?"


def notices(pilot) -> str:  # type: ignore[no-untyped-def]
    """The notifications the app has shown, one a line."""
    return "\n".join(str(notice.message) for notice in pilot.app._notifications)


async def replace_text(pilot, selector: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = pilot.app.screen.query_one(selector)
    if isinstance(widget, TextArea):
        widget.load_text(text)
    else:
        assert isinstance(widget, Input)
        widget.value = text
    await pilot.pause()


def test_e_in_review_edits_the_card_it_keeps_its_review_and_shows_the_new_text(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    first = tui_col.next_card("Korea")
    tui_col.answer(first.id, Rating.AGAIN)
    tui_clock.advance(minutes=2)  # its learning step is due: it comes first
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditCardScreen)
        assert pilot.app.screen.query_one("#front", TextArea).text == FIRST_PROMPT
        assert pilot.app.screen.query_one("#tags", Input).value == "ussr 1950"
        await replace_text(pilot, "#back", "Joseph Stalin (until 1953)")
        await replace_text(pilot, "#tags", "ussr 1950 leaders")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT
        await pilot.press("space")
        assert "Joseph Stalin (until 1953)" in screen_text(pilot)

    drive(app, scenario)
    card = tui_col.card(first.id)
    assert card.answer == "Joseph Stalin (until 1953)"
    assert card.tags == ("ussr", "1950", "leaders")
    assert card.reps == 1


def test_e_in_the_browser_edits_the_highlighted_card_and_the_list_shows_it(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock, browse="deck:Treaties")

    async def scenario(pilot):
        await settle(pilot)
        await pilot.press("down", "e")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditCardScreen)
        assert pilot.app.screen.query_one("#front", TextArea).text == "Treaty question 1?"
        await replace_text(pilot, "#front", "Treaty of Portsmouth: which year?")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, BrowserScreen)
        assert [row.question for row in pilot.app.screen.rows] == [
            "Treaty question 0?",
            "Treaty of Portsmouth: which year?",
            "Treaty question 2?",
        ]
        assert "Treaty of Portsmouth: which year?" in screen_text(pilot)
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("escape")  # cancelled: nothing changes
        await settle(pilot)
        assert isinstance(pilot.app.screen, BrowserScreen)

    drive(app, scenario)
    assert [row.question for row in tui_col.search("deck:Treaties").rows] == [
        "Treaty question 0?",
        "Treaty of Portsmouth: which year?",
        "Treaty question 2?",
    ]


def test_escape_leaves_the_edit_form_and_changes_nothing(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        await pilot.press("e")
        await settle(pilot)
        await replace_text(pilot, "#front", "something else")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert text_of(pilot, "#card-prompt") == FIRST_PROMPT

    drive(app, scenario)
    assert tui_col.next_card("Korea").prompt == FIRST_PROMPT


def test_an_edit_that_makes_no_card_says_why_and_stays_in_the_form(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def scenario(pilot):
        await pilot.press("e")
        await settle(pilot)
        await replace_text(pilot, "#back", "")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, EditCardScreen)
        assert "the card's back is empty (write the answer)" in notices(pilot)

    drive(app, scenario)
    assert tui_col.next_card("Korea").answer == "Joseph Stalin"


def test_a_adds_cards_of_each_kind_from_the_deck_list(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("a")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, AddCardScreen)
        await replace_text(pilot, "#front", "Capital of North Korea")
        await replace_text(pilot, "#back", "Pyongyang")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "Korea: 1 note added (1 card)" in screen_text(pilot)  # under the form
        assert screen.query_one("#front", TextArea).text == ""  # ready for the next card
        screen.query_one("#add-kind", Select).value = NoteKind.CLOZE
        await settle(pilot)
        assert "square brackets" in screen_text(pilot)
        await replace_text(pilot, "#front", "The war began in [1950] and ended in [1953].")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)

    drive(app, scenario)
    korea = next(deck for deck in tui_col.decks() if deck.name == "Korea")
    assert korea.total == 2 + 1 + 2


def test_decks_are_created_renamed_deleted_and_the_deletion_undone(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    card = tui_col.next_card("Korea")
    tui_col.answer(card.id, Rating.GOOD)
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, NameScreen)
        await pilot.press(*"History")
        await pilot.press("enter")
        await settle(pilot)
        assert [deck.name for deck in tui_col.decks()] == ["History", "Korea"]
        assert pilot.app.screen.highlighted_deck() == "History"  # the new deck

        await pilot.press("down")  # Korea
        await pilot.press("m")
        await settle(pilot)
        await replace_text(pilot, "#name-input", "History::Korea")
        await pilot.press("enter")
        await settle(pilot)
        assert [deck.name for deck in tui_col.decks()] == ["History", "History::Korea"]
        assert pilot.app.screen.highlighted_deck() == "History::Korea"

        await pilot.press("up")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(pilot.app.screen, StrictConfirmScreen)
        assert pilot.app.screen.question.startswith(
            "Delete 2 decks (History, History::Korea), 2 cards and 1 review?"
        )
        assert "Delete 2 decks" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert len(tui_col.decks()) == 2
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert tui_col.decks() == []
        assert "No decks yet" in screen_text(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert [deck.name for deck in tui_col.decks()] == ["History", "History::Korea"]
        assert "History::Korea" in screen_text(pilot)

    drive(app, scenario)
    assert tui_col.card(card.id).reps == 1


def test_w_writes_the_deck_back_to_its_file(tui_col, tui_clock, tmp_path):
    path = tmp_path / "capitals.md"
    path.write_text("<!-- mine -->\nFrance :: Paris\n", encoding="utf-8")
    tui_col.import_file(path)
    tui_col.editing.edit_note(1, back="Paris (since 508)")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("w")
        await settle(pilot)
        assert "1 changed, 0 added, 0 removed, 0 unchanged" in notices(pilot)

    drive(app, scenario)
    assert Path(path).read_text(encoding="utf-8") == (
        "<!-- mine -->\nFrance :: Paris (since 508)\n"
    )


def test_w_in_the_browser_writes_the_highlighted_cards_deck_back(tui_col, tui_clock, tmp_path):
    path = tmp_path / "capitals.md"
    path.write_text("<!-- mine -->\nFrance :: Paris\nSpain :: Madrid\n", encoding="utf-8")
    tui_col.import_file(path)
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, browse="Spain")

    async def scenario(pilot):
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        await replace_text(pilot, "#back", "Madrid (since 1561)")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        assert "1 changed, 0 added, 0 removed, 1 unchanged" in notices(pilot)

    drive(app, scenario)
    assert Path(path).read_text(encoding="utf-8") == (
        "<!-- mine -->\nFrance :: Paris\nSpain :: Madrid (since 1561)\n"
    )


def test_a_in_review_adds_a_card_to_the_deck_being_studied(tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock, deck="Treaties", study=True)

    async def scenario(pilot):
        await pilot.press("a")
        await settle(pilot)
        assert pilot.app.screen.query_one("#add-deck", Select).value == "Treaties"
        await replace_text(pilot, "#front", "Treaty of Portsmouth")
        await replace_text(pilot, "#back", "1905")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReviewScreen)

    drive(app, scenario)
    treaties = next(deck for deck in tui_col.decks() if deck.name == "Treaties")
    assert treaties.total == 4


def test_a_deck_name_with_markup_and_escapes_shows_as_written_in_the_dialogs(tui_col, tui_clock):
    tui_col.import_decks([DeckData("[b]Bold[/b] \x1b[2J")])  # a name as an import may bring
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("d")
        await settle(pilot)
        assert "([b]Bold[/b] ␛[2J)" in screen_text(pilot)
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "[b]Bold[/b] ␛[2J" in screen_text(pilot)

    drive(app, scenario)
