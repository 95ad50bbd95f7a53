"""The statistics screen as a user drives it: open from the deck list, switch, optimise, leave."""

# ruff: noqa: F811

from __future__ import annotations

import calendar
from datetime import date, timedelta
from itertools import pairwise

import pytest

from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.stats import StatsScreen
from revise.tui.widgets.charts import Heatmap
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


def test_the_screen_appears_at_once_and_fills_in_as_the_figures_come(tui_col, tui_clock):
    """While the collection is busy (another window importing, say), the screen is already
    there with its sections, dots where the figures go; they fill in once it is free."""
    tui_col.import_decks([deck("History", 12)])
    generate_history(tui_col, tui_clock, "History", days=5)

    async def scenario(pilot):
        with tui_col._lock:  # held here: the counting waits for it
            await pilot.press("t")
            for _ in range(100):  # a busy machine may take a while to draw it
                await pilot.pause(0.1)
                if isinstance(pilot.app.screen, StatsScreen) and "Streak" in screen_text(pilot):
                    break
            text = screen_text(pilot)
            assert "Statistics · History" in text and "Reviews" in text and "Calendar" in text
            assert "Streak: …" in text and "Cards due in the next 30 days: …" in text
            assert "365 days      …" in text
        await settle(pilot)
        text = screen_text(pilot)
        assert "…" not in text and "Streak: 3 days" in text and "12       46" in text
        assert "cards due in the next 30 days" in text

    drive(make_app(tui_col, tui_clock), scenario)


MONTHS = list(calendar.month_abbr)[1:]


@pytest.mark.parametrize("width", [100, 60, 20])
def test_the_calendar_names_every_month_whole_and_ends_with_this_week(width):
    """Seen on 27 November 2026: June and December (each begins on a Monday) had no name, and
    an empty week after this one was named 'D'."""
    for offset in range(371):  # each weekday of each month
        today = date(2025, 1, 1) + timedelta(days=offset)
        lines = Heatmap("Calendar", today).draw(width).plain.splitlines()
        month_line, rows = lines[-8], lines[-7:]
        names = month_line.split()
        assert names and all(name in MONTHS for name in names), (today, month_line)
        numbers = [MONTHS.index(name) for name in names]
        assert all((b - a) % 12 == 1 for a, b in pairwise(numbers)), (today, month_line)
        newest = rows[today.weekday()].ljust(len(month_line))[len(month_line) - 1]
        assert newest == "■", (today, month_line)  # the last column is this week
