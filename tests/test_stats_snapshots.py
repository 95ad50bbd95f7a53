"""The statistics screen at 100x30 and 60x15, with a fixed clock and a generated history.

Update after an intended change with `pytest tests/test_stats_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs.
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from tests.test_stats import deck, generate_history
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    make_app,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)


@pytest.fixture
def history_app(tui_col, tui_clock):
    tui_col.import_decks([deck("History", 12), deck("Maths", 3)])
    generate_history(tui_col, tui_clock, "History", days=20, skip=(14,))
    return make_app(tui_col, tui_clock)


async def open_statistics(pilot) -> None:
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)


async def statistics_scrolled_to_forecast(pilot) -> None:
    await open_statistics(pilot)
    await pilot.press("f")  # the next 90 days
    pilot.app.screen.query_one("#stats-forecast").scroll_visible(animate=False, top=True)
    await pilot.pause()


@pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])
def test_statistics_screen(snap_compare, history_app, size):
    assert snap_compare(history_app, terminal_size=size, run_before=open_statistics)


@pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])
def test_statistics_forecast_and_distributions(snap_compare, history_app, size):
    assert snap_compare(history_app, terminal_size=size, run_before=statistics_scrolled_to_forecast)
