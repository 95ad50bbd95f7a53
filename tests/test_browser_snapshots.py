"""What the card browser, card info and the flag dialog look like with a fixed clock, at
100x30 and at 60x15 (pytest-textual-snapshot; `--snapshot-update` after reading the new screen).
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest

from revise.scheduling.scheduler import Rating
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    settle,
    treaty_deck,
    tui_clock,
    tui_col,
    tui_db,
)

SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])


def studied(tui_col, tui_clock) -> int:  # type: ignore[no-untyped-def]
    """Korea and Treaties, with the Stalin card studied twice, flagged and another suspended."""
    tui_col.import_decks([korea_deck(), treaty_deck()])
    stalin = tui_col.search("tag:ussr").rows[0].id
    tui_col.answer(stalin, Rating.AGAIN, duration_ms=7000)
    tui_clock.advance(minutes=5)
    tui_col.answer(stalin, Rating.GOOD, duration_ms=3000)
    tui_col.actions.flag([stalin], 1)
    tui_col.actions.set_suspended([tui_col.search('"Treaty question 2?"').rows[0].id], True)
    return stalin


@SIZES
def test_browser(snap_compare, tui_col, tui_clock, size):
    studied(tui_col, tui_clock)
    app = make_app(tui_col, tui_clock, browse="")
    assert snap_compare(app, terminal_size=size, run_before=settle)


@SIZES
def test_card_info(snap_compare, tui_col, tui_clock, size):
    studied(tui_col, tui_clock)
    app = make_app(tui_col, tui_clock, browse="tag:ussr")

    async def open_info(pilot):  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_info)


def test_flag_dialog(snap_compare, tui_col, tui_clock):
    studied(tui_col, tui_clock)
    app = make_app(tui_col, tui_clock, browse="")

    async def open_flags(pilot):  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)

    assert snap_compare(app, terminal_size=(60, 15), run_before=open_flags)
