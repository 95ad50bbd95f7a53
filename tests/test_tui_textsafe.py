"""User text reaches the terminal app's screens as text: never a control code, never markup.

Each test puts hostile text (tests/hostile_text.py) where a user would meet it and reads every
character the app renders: no ESC, C1 control, DEL, zero-width or bidi character gets through,
and the placeholders that stand for them are on screen.
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from revise.study.custom import CustomStudy, Kind
from revise.tui.app import ReviseApp
from revise.tui.screens.card_dialogs import AskScreen
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.edit import EditCardScreen, NameScreen
from revise.tui.screens.help import keys_table
from revise.tui.screens.import_file import ImportPathScreen, ImportPreviewScreen
from revise.tui.screens.summary import SummaryScreen
from revise.tui.widgets.path_suggester import complete_path
from tests.hostile_text import (
    CLEAR,
    CLEAR_SHOWN,
    DECK_NAME,
    DECK_NAME_SHOWN,
    FRONT,
    HIDDEN_LINK_SHOWN,
    LEAVE_ALTERNATE_SHOWN,
    OSC52,
    OSC52_SHOWN,
    hostile_deck,
    unsafe_characters,
)
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    make_app,
    settle,
    settle_until,
    tui_clock,
    tui_col,
    tui_db,
)


def drive_with_messages(
    app: ReviseApp, scenario: Callable[[Pilot[object]], Awaitable[None]]
) -> None:
    """`drive`, with notifications shown as they are to a user (tests leave them out)."""

    async def main() -> None:
        async with app.run_test(size=(100, 30), notifications=True) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())


def rendered_lines(pilot: Pilot[object]) -> list[str]:
    """Every line of text the app sends to the terminal for the current screen."""
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def shown(pilot: Pilot[object]) -> str:
    """The screen as one string, after checking that nothing on it can act on the terminal."""
    lines = rendered_lines(pilot)
    assert unsafe_characters(lines) == []
    return "\n".join(lines)


def test_deck_list_shows_a_hostile_deck_name_as_placeholders(tui_col, tui_clock):
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        assert DECK_NAME_SHOWN in shown(pilot)

    drive(app, scenario)


def test_review_shows_every_part_of_a_hostile_card_inert(tui_col, tui_clock):
    tui_col.import_decks([hostile_deck()])
    stored = tui_col.next_card(None)
    assert stored is not None and stored.deck == DECK_NAME  # the collection keeps the text exactly
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        screen = shown(pilot)
        assert DECK_NAME_SHOWN in screen  # the card's title
        assert f"Context {OSC52_SHOWN}" in screen
        assert f"Front {CLEAR_SHOWN} {HIDDEN_LINK_SHOWN}" in screen
        assert "\nsecond line" not in screen  # the zero-width characters are left out...
        assert "│ second line" in screen.replace("   ", " ")  # ...not shown as blanks
        await pilot.press("space")
        await settle(pilot)
        screen = shown(pilot)
        assert f"Back {LEAVE_ALTERNATE_SHOWN} \\x9b31m ␡ evil isolated" in screen
        meta = f"notes/{CLEAR_SHOWN}.txt:1-2  ·  #tag␇  ·  media: picture{CLEAR_SHOWN}.png"
        assert meta in screen

    drive(app, scenario)


def test_missing_media_message_names_the_file_inert(tui_col, tui_clock):
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.press("o")
        await settle(pilot)
        screen = shown(pilot)  # the message wraps in its box
        assert f"picture{CLEAR_SHOWN}.png:" in screen
        assert "(re-import the deck)" in screen

    drive_with_messages(app, scenario)


def test_summary_title_shows_the_deck_name_inert(tui_col, tui_clock):
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock, deck=DECK_NAME, study=True)

    async def scenario(pilot):
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, SummaryScreen)
        assert f"Session over · {DECK_NAME_SHOWN}" in shown(pilot)

    drive(app, scenario)


def test_import_preview_shows_hostile_notes_and_file_name_inert(tui_col, tui_clock):
    report = tui_col.import_decks([hostile_deck()], dry_run=True)
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.app.push_screen(ImportPreviewScreen(Path(f"notes{OSC52}.txt"), report))
        await settle(pilot)
        screen = shown(pilot)
        assert f"Preview · notes{OSC52_SHOWN}.txt" in screen
        assert DECK_NAME_SHOWN in screen
        assert f"Q Front {CLEAR_SHOWN}" in screen
        assert f"A Back {LEAVE_ALTERNATE_SHOWN}" in screen
        assert f"notes/{CLEAR_SHOWN}.txt:1-2" in screen

    drive(app, scenario)


def test_import_messages_quote_file_and_deck_names_inert(tui_col, tui_clock, tmp_path):
    bad = tmp_path / f"bad{OSC52}.apkg"
    bad.write_bytes(b"not a zip")
    deck = tmp_path / "evil.md"
    deck.write_text('---\nname: "Evil \\e]52;c;aGFja2Vk\\e\\\\ deck"\n---\nQ: q\nA: a\n')
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        screen = pilot.app.screen
        assert isinstance(screen, DeckListScreen)
        screen.import_chosen(bad)
        await settle_until(pilot, lambda: f"bad{OSC52_SHOWN}.apkg" in shown(pilot))
        assert f"bad{OSC52_SHOWN}.apkg" in shown(pilot)  # the error toast
        screen.import_chosen(deck)
        await settle_until(pilot, lambda: f"{DECK_NAME_SHOWN}: 1 added" in shown(pilot))
        assert f"{DECK_NAME_SHOWN}: 1 added" in shown(pilot)  # the report toast

    drive_with_messages(app, scenario)


def test_import_dialog_quotes_a_missing_path_inert(tui_col, tui_clock, tmp_path):
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.app.push_screen(ImportPathScreen())
        await settle(pilot)
        field = pilot.app.screen.query_one(Input)
        field.value = str(tmp_path / f"gone{OSC52}.md")
        await pilot.press("enter")
        await settle_until(pilot, lambda: f"gone{OSC52_SHOWN}.md:" in shown(pilot))
        screen = shown(pilot)  # the message wraps in its box
        assert f"gone{OSC52_SHOWN}.md:" in screen
        assert "found (give the path of a file)" in screen

    drive_with_messages(app, scenario)


def test_path_completion_skips_names_with_control_codes(tmp_path):
    (tmp_path / f"deck{OSC52}.md").write_text("")
    (tmp_path / "deck-plain.md").write_text("")
    assert complete_path(str(tmp_path / "deck")) == str(tmp_path / "deck-plain.md")


def test_help_shows_remapped_keys_inert():
    table = keys_table([(f"k{OSC52}", "Study", True)])
    assert str(table).startswith(f"k{OSC52_SHOWN}  Study")


def test_edit_form_shows_a_hostile_note_inert_and_keeps_the_fields_left_as_they_were(
    tui_col, tui_clock
):
    """A card's fields in the edit form: `ESC [2J` in its context wiped the screen and the
    tag's `ESC [31m` coloured it; saving keeps the exact text of every field not changed."""
    tui_col.import_decks([hostile_deck()])
    card = tui_col.next_card(None)
    assert card is not None
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.app.push_screen(EditCardScreen(card.id))
        await settle(pilot)
        screen = shown(pilot)
        assert f"Front {CLEAR_SHOWN} {HIDDEN_LINK_SHOWN}" in screen
        assert f"Back {LEAVE_ALTERNATE_SHOWN} \\x9b31m ␡ evil isolated" in screen
        assert f"Context {OSC52_SHOWN}" in screen
        assert "tag␇" in screen
        pilot.app.screen.query_one("#back", TextArea).load_text("A plain back")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, EditCardScreen)

    drive(app, scenario)
    note = hostile_deck().notes[0]
    edited = tui_col.card(card.id)
    assert (edited.prompt, edited.answer) == (FRONT, "A plain back")
    assert (edited.context, edited.tags) == (note.context, note.tags)


def test_rename_dialog_shows_the_name_inert_and_left_as_it_is_renames_nothing(tui_col, tui_clock):
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(pilot.app.screen, NameScreen)
        assert pilot.app.screen.query_one(Input).value == DECK_NAME_SHOWN
        assert DECK_NAME_SHOWN in shown(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(pilot.app.screen, NameScreen)

    drive(app, scenario)
    assert [deck.name for deck in tui_col.decks()] == [DECK_NAME]


def test_suggestions_leave_out_names_with_control_codes(tui_col, tui_clock):
    """The move dialog offers deck names as the user types; a hostile one is not offered."""
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.app.push_screen(AskScreen("Move", "Deck:", suggestions=[DECK_NAME, "Evil"]))
        await settle(pilot)
        await pilot.press("E", "v")
        await settle(pilot)
        assert "Evil" in shown(pilot)
        assert pilot.app.screen.query_one(Input)._suggestion == "Evil"

    drive(app, scenario)


def test_custom_study_message_quotes_the_search_inert(tui_col, tui_clock):
    """`revise study --cram --search QUERY`: the query came back raw in the opening message."""
    tui_col.import_decks([hostile_deck()])
    search = f"-zz{CLEAR}"  # every card: none holds it
    app = make_app(tui_col, tui_clock, study=True, custom=CustomStudy(Kind.CRAM, search=search))

    async def scenario(pilot):
        assert f'"-zz{CLEAR_SHOWN}"' in shown(pilot)  # the message wraps in its box

    drive_with_messages(app, scenario)


def test_browser_search_box_shows_the_command_lines_query_inert(tui_col, tui_clock):
    """`revise browse QUERY`: the query was drawn raw in the search box."""
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock, browse=f"-zz{CLEAR}")

    async def scenario(pilot):
        assert f"-zz{CLEAR_SHOWN}" in shown(pilot)
        assert "1 card" in shown(pilot)  # the search is the one given: every card but none
        pilot.app.screen.query_one("#browser-search", Input).focus()
        await pilot.press("enter")  # searched again as it stands
        await settle(pilot)
        assert "1 card" in shown(pilot)

    drive(app, scenario)
