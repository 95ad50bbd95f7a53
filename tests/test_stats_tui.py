"""The statistics screen as a user drives it: open from the deck list, switch, optimise, leave."""

# ruff: noqa: F811

from __future__ import annotations

from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.stats import StatsScreen
from tests.test_stats import deck, generate_history
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    make_app,
    screen_text,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)


def test_statistics_of_the_highlighted_deck_then_all_decks(tui_col, tui_clock):
    tui_col.import_decks([deck("History", 12), deck("[red]Maths[/]", 3)])
    generate_history(tui_col, tui_clock, "History", days=10)

    async def scenario(pilot):
        await pilot.press("t")  # the highlighted deck, History
        await settle(pilot)
        assert isinstance(pilot.app.screen, StatsScreen)
        text = screen_text(pilot)
        assert "Statistics · History" in text and "365 days" in text
        assert "cards due in the next 30 days" in text
        assert "Streak: " in text and "…" not in text  # every figure counted and shown
        await pilot.press("f")
        await pilot.pause()
        assert "cards due in the next 90 days" in screen_text(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert "Statistics · all decks" in screen_text(pilot)
        await pilot.press("o")  # too few reviews to fit: said, nothing changes
        await settle(pilot)
        messages = [n.message for n in pilot.app._notifications]
        assert any("FSRS needs at least 400" in message for message in messages)
        assert tui_col.parameters().version == 0
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, DeckListScreen)
        await pilot.press("down", "t")  # a deck name with markup in it is shown as written
        await settle(pilot)
        assert "Statistics · [red]Maths[/]" in screen_text(pilot)

    drive(make_app(tui_col, tui_clock), scenario)
