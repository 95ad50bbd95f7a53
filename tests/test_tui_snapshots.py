"""What the screens look like with a fixed clock (pytest-textual-snapshot), at 100x30 and on a
small terminal, 60x15, where every screen must stay usable.

Update after an intended change with `pytest tests/test_tui_snapshots.py --snapshot-update`
and look at the report before committing the new SVGs.
"""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pytest

from revise.formats.model import DeckData, NoteData, NoteKind, SourceRef
from revise.tui.screens.import_file import ImportPreviewScreen
from tests.hostile_text import hostile_deck
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


def long_deck() -> DeckData:
    """A card whose answer falls below the fold of a small terminal."""
    return DeckData(
        "Diplomacy",
        [
            NoteData(
                NoteKind.BASIC,
                "Which treaty, signed after a war between two empires that had fought over the "
                "peninsula for a decade, with mediation by a third power whose president later "
                "won a peace prize, ended the Russo-Japanese War, and in which year and city "
                "was it signed?",
                "The Treaty of Portsmouth, signed in 1905 in Portsmouth, New Hampshire, with "
                "Theodore Roosevelt as mediator.",
                context="Russo-Japanese War > Peace",
                source=SourceRef("notes/diplomacy.txt", 12, 14),
            )
        ],
    )


@SIZES
def test_deck_list(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck(), treaty_deck()])
    assert snap_compare(make_app(tui_col, tui_clock), terminal_size=size, run_before=settle)


@SIZES
def test_deck_list_empty(snap_compare, tui_col, tui_clock, size):
    assert snap_compare(make_app(tui_col, tui_clock), terminal_size=size, run_before=settle)


@SIZES
def test_review_before_reveal(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=settle)


async def reveal(pilot):
    await settle(pilot)
    await pilot.press("space")
    await settle(pilot)


@SIZES
def test_review_after_reveal(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=reveal)


@SIZES
def test_review_long_card_after_reveal(snap_compare, tui_col, tui_clock, size):
    """At 60x15 the card scrolls to show the answer."""
    tui_col.import_decks([long_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=reveal)


@SIZES
def test_review_cloze_after_reveal(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def second_card_revealed(pilot):
        await settle(pilot)
        await pilot.press("space", "3")
        await settle(pilot)
        await pilot.press("space")

    assert snap_compare(app, terminal_size=size, run_before=second_card_revealed)


@SIZES
def test_review_hostile_card_after_reveal(snap_compare, tui_col, tui_clock, size):
    """Escape sequences show as control pictures; zero-width and bidi characters are left out."""
    tui_col.import_decks([hostile_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    assert snap_compare(app, terminal_size=size, run_before=reveal)


@SIZES
def test_help(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def help_over_review(pilot):
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=help_over_review)


@SIZES
def test_summary(snap_compare, tui_col, tui_clock, size):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, deck="Korea", study=True)

    async def session_ended(pilot):
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=session_ended)


@SIZES
def test_import_preview(snap_compare, tui_col, tui_clock, size):
    report = tui_col.import_decks([korea_deck()], dry_run=True)
    app = make_app(tui_col, tui_clock)

    async def preview(pilot):
        await settle(pilot)
        await pilot.app.push_screen(ImportPreviewScreen(Path("notes/korea.txt"), report))
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=preview)
