"""The deck options screen as a user drives it: open from the deck list, type, save, cancel."""

# ruff: noqa: F811

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Input

from revise.formats.model import DeckData, NoteData, NoteKind
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.deck_options import DeckOptionsScreen
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    make_app,
    screen_text,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)

SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])


def deck(name: str, count: int) -> DeckData:
    return DeckData(
        name,
        [NoteData(NoteKind.BASIC, f"{name} question {i}?", f"Answer {i}") for i in range(count)],
    )


def counts(pilot) -> dict[str, int]:
    screen = pilot.app.screen
    assert isinstance(screen, DeckListScreen)
    return {d.name: d.new for d in screen.decks}


async def type_into(pilot, key: str, text: str) -> None:
    field = pilot.app.screen.query_one(f"#option-{key}")
    field.focus()
    field.value = ""
    await pilot.press(*text)


def test_options_set_on_the_screen_are_saved_and_the_deck_list_shows_them(tui_col, tui_clock):
    tui_col.import_decks(
        [deck("Lang::French", 30), deck("Lang::German", 30), deck("[red]Lang[/]::x", 1)]
    )
    tui_col.set_deck_options("Lang", {"new_per_day": "12", "learning_steps": "2m"})

    async def scenario(pilot):
        assert counts(pilot) == {"Lang::French": 12, "Lang::German": 12, "[red]Lang[/]::x": 1}
        await pilot.press("o")  # the highlighted deck, Lang::French
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckOptionsScreen)
        text = screen_text(pilot)
        assert "Options · Lang::French" in text and "from Lang" in text
        new = pilot.app.screen.query_one("#option-new_per_day")
        assert new.value == "" and new.placeholder == "12"  # inherited, shown dimmed
        await pilot.press("5")
        await type_into(pilot, "learning_steps", "1m 30m")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert counts(pilot) == {"Lang::French": 5, "Lang::German": 12, "[red]Lang[/]::x": 1}
        options = tui_col.deck_options("Lang::French")
        assert options.values["new_per_day"] == 5
        assert options.values["learning_steps"] == (timedelta(minutes=1), timedelta(minutes=30))
        assert options.set_on["desired_retention"] is None  # left empty: still config.toml's
        await pilot.press("down", "down", "o")  # a deck name with markup in it is shown as written
        await settle(pilot)
        assert "Options · [red]Lang[/]::x" in screen_text(pilot)

    drive(make_app(tui_col, tui_clock), scenario)


def test_a_bad_value_is_said_in_one_line_and_nothing_changes(tui_col, tui_clock):
    tui_col.import_decks([deck("Maths", 5)])

    async def scenario(pilot):
        await pilot.press("o")
        await settle(pilot)
        await pilot.press("3")
        await type_into(pilot, "desired_retention", "0.2")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckOptionsScreen)  # still there, to fix the value
        messages = [n.message for n in pilot.app._notifications]
        assert any("desired_retention must be a number from 0.7 to 0.99" in m for m in messages)
        assert tui_col.deck_options("Maths").values["new_per_day"] == 20
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert tui_col.deck_options("Maths").set_on == dict.fromkeys(
            tui_col.deck_options("Maths").values
        )

    drive(make_app(tui_col, tui_clock), scenario)


def test_emptying_a_field_goes_back_to_the_inherited_value(tui_col, tui_clock):
    tui_col.import_decks([deck("Maths", 5)])
    tui_col.set_deck_options("Maths", {"reviews_per_day": "40"})

    async def scenario(pilot):
        await pilot.press("o")
        await settle(pilot)
        field = pilot.app.screen.query_one("#option-reviews_per_day")
        assert field.value == "40" and field.placeholder == "200"  # what emptying it gives
        assert "this deck" in str(pilot.app.screen.query_one("#source-reviews_per_day").content)
        field.value = ""
        await pilot.pause()
        assert "config.toml" in str(pilot.app.screen.query_one("#source-reviews_per_day").content)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)
        assert tui_col.deck_options("Maths").values["reviews_per_day"] == 200

    drive(make_app(tui_col, tui_clock), scenario)


async def open_options(pilot):
    await settle(pilot)
    while not pilot.app.screen.query("#deck-table").first().row_count:
        await pilot.pause(0.05)  # the deck list behind the dialog has its rows
    await pilot.press("o")
    await settle(pilot)
    while getattr(pilot.app.screen, "options", None) is None:
        await pilot.pause(0.05)  # the dialog has its fields filled
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # the picture cannot depend on when the cursor blinked
    await settle(pilot)


@SIZES
def test_deck_options_screen(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([deck("Lang::French", 3), deck("[red]Lang[/]::x", 3)])
    tui_col.set_deck_options("Lang", {"new_per_day": "12"})
    tui_col.set_deck_options("Lang::French", {"learning_steps": "1m 10m 1h"})
    app = make_app(tui_col, tui_clock)
    assert snap_compare(app, terminal_size=size, run_before=open_options)
