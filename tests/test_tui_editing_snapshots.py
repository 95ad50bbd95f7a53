"""What the editing screens look like (pytest-textual-snapshot), at 100x30 and at 60x15.

Update after an intended change with `pytest tests/test_tui_editing_snapshots.py
--snapshot-update` and look at the report before committing the new SVGs.
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import pytest

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


def pressing(*keys: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)
        for field in pilot.app.screen.query("TextArea, Input"):
            field.cursor_blink = False  # the cursor stays on: the picture does not depend on when
            # A TextArea keeps the lines it drew while blinking had the cursor off under the
            # same key as lines with the cursor stopped on: they are drawn again.
            field.notify_style_update()
            field.refresh()
        await pilot.pause()

    return run_before


@SIZES
def test_edit_card_from_review(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=pressing("e"))


@SIZES
def test_add_cards(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)
    assert snap_compare(app, terminal_size=size, run_before=pressing("a"))


@SIZES
def test_new_deck_name(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock)
    assert snap_compare(app, terminal_size=size, run_before=pressing("c"))


@SIZES
def test_delete_deck_confirmation(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    app = make_app(tui_col, tui_clock)
    assert snap_compare(app, terminal_size=size, run_before=pressing("d"))
