"""Every screen stays usable on a 60x15 terminal: all of it shows, the answer comes into view."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from revise.formats.model import DeckData, NoteData, NoteKind
from revise.tui.app import ReviseApp
from revise.tui.screens.import_file import ImportPreviewScreen
from revise.tui.widgets.grade_bar import GradeButton
from tests.test_tui_snapshots import long_deck
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    screen_text,
    settle,
    tui_clock,
    tui_col,
    tui_db,
)

SMALL = (60, 15)


def drive_small(app: ReviseApp, scenario: Callable[[Pilot[object]], Awaitable[None]]) -> None:
    async def main() -> None:
        async with app.run_test(size=SMALL) as pilot:
            await settle(pilot)
            await scenario(pilot)

    asyncio.run(main())


def footer_line(pilot: Pilot[object]) -> str:
    return screen_text(pilot).splitlines()[-1]


def test_review_shows_all_four_grades_and_the_whole_footer(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        await pilot.press("space")
        await settle(pilot)
        for button in pilot.app.screen.query(GradeButton):
            label = str(button.label)
            assert button.region.right <= SMALL[0]
            assert button.region.width >= len(label), label  # the label is not cut
            assert label in screen_text(pilot)
        assert footer_line(pilot).rstrip().endswith("q End ? Keys")

    drive_small(app, scenario)


def test_a_card_with_media_keeps_the_whole_footer(tui_col, tui_clock):
    note = NoteData(
        NoteKind.BASIC, "Which river runs through Paris?", "Seine", media=("seine.png",)
    )
    tui_col.import_decks([DeckData("Rivers", [note], media={"seine.png": b"picture"})])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        assert "o Media" in footer_line(pilot)
        assert footer_line(pilot).rstrip().endswith("? Keys")

    drive_small(app, scenario)


def test_the_answer_scrolls_into_view_on_reveal(tui_col, tui_clock):
    tui_col.import_decks([long_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot):
        assert "The Treaty of Portsmouth" not in screen_text(pilot)
        await pilot.press("space")
        await settle(pilot)
        screen = screen_text(pilot)
        assert "The Treaty of Portsmouth, signed in 1905" in screen
        assert "as mediator." in screen
        assert "notes/diplomacy.txt:12-14" in screen  # where it came from, too

    drive_small(app, scenario)


def test_deck_list_summary_and_preview_footers_fit(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    report = tui_col.import_decks([korea_deck()], dry_run=True)
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        assert footer_line(pilot).rstrip().endswith("q Quit ? Keys")
        await pilot.app.push_screen(ImportPreviewScreen(Path("korea.txt"), report))
        await settle(pilot)
        assert footer_line(pilot).rstrip().endswith("esc Cancel ? Keys")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("enter", "escape")  # study Korea, then end the session at once
        await settle(pilot)
        screen = screen_text(pilot)
        assert "Session over · Korea" in screen
        assert "Enter to continue" in screen
        assert footer_line(pilot).rstrip().endswith("? Keys")

    drive_small(app, scenario)


def test_decks_named_alike_but_for_their_ends_are_told_apart(tui_col, tui_clock):
    """At 60x15 the counts' columns left the names 17 columns: three decks imported from
    'ultimate-history-cloze.csv', '-event.csv' and '-qa.csv' all read 'ultimate-history…'."""
    names = ["ultimate-history-cloze", "ultimate-history-event", "ultimate-history-qa"]
    tui_col.import_decks(
        [DeckData(name, [NoteData(NoteKind.BASIC, f"{name}?", "yes")]) for name in names]
    )
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        screen = screen_text(pilot)
        for name in names:
            assert re.search(rf"{name} +1 +0 +0 +1 ", screen), screen
        assert "Learn " in screen  # the shorter heading, still a word

    drive_small(app, scenario)


def dialog_words(pilot: Pilot[object], selector: str) -> str:
    """The words on the terminal inside the dialog `selector`, one space apart."""
    region = pilot.app.screen.query_one(selector).region
    lines = screen_text(pilot).splitlines()[region.y + 1 : region.bottom - 1]
    return " ".join(" ".join(line[region.x + 1 : region.right - 1] for line in lines).split())


def test_a_dialogs_question_wraps_instead_of_being_cut(tui_col, tui_clock):
    """At 60x15 the rename dialog's question lost its end ('... words and' and no more), and
    the browser's due-date question its last character when 500 cards were marked."""
    name = "Language French::My french words and phrases"
    notes = [NoteData(NoteKind.BASIC, f"mot {n}", f"word {n}") for n in range(500)]
    tui_col.import_decks([DeckData(name, notes)])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("m")
        await settle(pilot)
        words = dialog_words(pilot, "#name-dialog")
        assert f"New name for {name} (its sub-decks follow):" in words
        await pilot.press("escape", "b")
        await settle(pilot)
        await pilot.press("a", "d")  # every card marked, then their due date
        await settle(pilot)
        assert "Days from today for 500 cards (0 today, 3, or 1-7):" in dialog_words(
            pilot, "#ask-dialog"
        )

    drive_small(app, scenario)


def test_the_keys_list_scrolls_with_the_keyboard_to_its_last_key(tui_col, tui_clock):
    """At 60x15 the deck list's Keys list (?) ran below the screen and no key scrolled it:
    its last keys ('q Quit') could not be read without a mouse."""
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):
        await pilot.press("question_mark")
        await settle(pilot)
        quit_row = re.compile(r"│ q +Quit ")
        assert "Keys" in screen_text(pilot) and not quit_row.search(screen_text(pilot))
        await pilot.press("end")
        await settle(pilot)
        assert quit_row.search(screen_text(pilot))
        await pilot.press("escape")
        await settle(pilot)
        assert "Keys" not in screen_text(pilot).splitlines()[0]

    drive_small(app, scenario)
