"""What the screens look like at 100x30 with a fixed clock (pytest-textual-snapshot).

Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs.
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    settle,
    treaty_deck,
    tui_clock,
    tui_col,
    tui_db,
)

SIZE = (100, 30)


def test_deck_list(snap_compare, tui_col, tui_clock):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    assert snap_compare(make_app(tui_col, tui_clock), terminal_size=SIZE, run_before=settle)


def test_deck_list_empty(snap_compare, tui_col, tui_clock):
    assert snap_compare(make_app(tui_col, tui_clock), terminal_size=SIZE, run_before=settle)


def test_review_before_reveal(snap_compare, tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_review_after_reveal(snap_compare, tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def reveal(pilot):
        await settle(pilot)
        await pilot.press("space")

    assert snap_compare(app, terminal_size=SIZE, run_before=reveal)


def test_review_cloze_after_reveal(snap_compare, tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def second_card_revealed(pilot):
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press("space")

    assert snap_compare(app, terminal_size=SIZE, run_before=second_card_revealed)
