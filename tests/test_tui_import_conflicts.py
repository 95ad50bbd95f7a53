"""The app's import of a file whose cards were also edited in the app: the report lists each card
changed in both, shows both versions, and takes the file's for one card or for all."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from revise.study.collection import Collection
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.import_conflicts import ImportConflictsScreen
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    make_app,
    screen_text,
    settle,
    text_of,
    tui_clock,
    tui_col,
    tui_db,
)

DECK = """\
---
name: Capitals
---

# Europe
France :: Paris

# Asia
Japan :: Tokio
Korea :: Seoul
"""


def card_of(col: Collection, prompt: str) -> int:
    (row,) = [row for row in col.search("").rows if row.question == prompt]
    return row.id


def backs(col: Collection) -> dict[str, str]:
    return {note.front: note.back for note in col.export_deck("Capitals").notes}


def edited_in_both(col: Collection, folder: Path) -> Path:
    """A deck file imported, Japan and Korea then edited in the app and in the file."""
    path = folder / "capitals.md"
    path.write_text(DECK, encoding="utf-8")
    col.import_file(path)
    col.editing.edit_note(card_of(col, "Japan"), back="[bold]Tokyo[/]")
    col.editing.edit_note(card_of(col, "Korea"), back="Seoul (서울)")
    path.write_text(DECK.replace("Tokio", "Tokio city").replace(":: Seoul", ":: Seoul city"))
    return path


def listed(pilot) -> list[str]:  # type: ignore[no-untyped-def]
    """The lines of the conflicts' list."""
    options = pilot.app.screen.query_one("#conflicts-list", OptionList).options
    return [str(option.prompt) for option in options]


async def import_in_app(pilot, path: Path) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("i")
    await pilot.pause()
    pilot.app.screen.query_one("#import-path").value = str(path)
    await pilot.press("enter")
    await settle(pilot)


def test_the_report_lists_each_conflict_with_both_versions_and_takes_the_files_for_one(
    tui_col, tui_clock, tmp_path
):
    path = edited_in_both(tui_col, tmp_path)
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await import_in_app(pilot, path)
        assert isinstance(pilot.app.screen, ImportConflictsScreen)
        shown = screen_text(pilot)
        assert "Capitals: 0 added, 0 updated, 1 unchanged, 0 missing, 2 changed in the app" in shown
        assert text_of(pilot, "#conflicts-intro") == "Kept the app's version of:"
        assert listed(pilot) == ["Japan", "Korea"]
        assert "[bold]Tokyo[/]" in text_of(pilot, "#conflict-app")  # shown literally
        assert "Tokio city" in text_of(pilot, "#conflict-file")
        await pilot.press("down")
        assert "Seoul (서울)" in text_of(pilot, "#conflict-app")
        assert "Seoul city" in text_of(pilot, "#conflict-file")

        await pilot.press("f")
        await settle(pilot)

        assert backs(tui_col) == {
            "France": "Paris",
            "Japan": "[bold]Tokyo[/]",
            "Korea": "Seoul city",
        }
        assert listed(pilot) == ["Japan", "Korea  file's taken"]
        assert "[bold]Tokyo[/]" in text_of(pilot, "#conflict-app")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DeckListScreen)

    drive(app, scenario)
    # Japan's conflict is still open: the next import lists it, and only it.
    report = tui_col.import_file(path)
    assert [conflict.app.front for conflict in report.decks[0].conflicts] == ["Japan"]


def test_the_files_version_is_taken_for_every_conflict_at_once(tui_col, tui_clock, tmp_path):
    path = edited_in_both(tui_col, tmp_path)
    japan = card_of(tui_col, "Japan")
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await import_in_app(pilot, path)
        await pilot.press("a")
        await settle(pilot)

        assert backs(tui_col) == {"France": "Paris", "Japan": "Tokio city", "Korea": "Seoul city"}
        assert text_of(pilot, "#conflicts-intro") == "Took the file's version of each."
        assert listed(pilot) == ["Japan  file's taken", "Korea  file's taken"]
        assert not pilot.app.screen.query_one("#conflicts-versions").display
        await pilot.press("f", "a")  # nothing left to take
        await settle(pilot)
        assert backs(tui_col)["Japan"] == "Tokio city"
        await pilot.press("escape")

    drive(app, scenario)
    assert tui_col.card(japan).answer == "Tokio city"  # the same card, with the file's text
    assert tui_col.import_file(path).decks[0].summary() == (
        "Capitals: 0 added, 0 updated, 3 unchanged, 0 missing"
    )


def test_a_file_gone_before_its_version_is_taken_is_one_line_and_changes_nothing(
    tui_col, tui_clock, tmp_path
):
    path = edited_in_both(tui_col, tmp_path)
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot):  # type: ignore[no-untyped-def]
        await import_in_app(pilot, path)
        path.unlink()
        await pilot.press("a")
        await settle(pilot)
        notices = [str(notice.message) for notice in pilot.app._notifications]
        assert len(notices) == 1 and str(path) in notices[0] and "\n" not in notices[0]
        assert isinstance(pilot.app.screen, ImportConflictsScreen)
        assert listed(pilot) == ["Japan", "Korea"]

    drive(app, scenario)
    assert backs(tui_col) == {"France": "Paris", "Japan": "[bold]Tokyo[/]", "Korea": "Seoul (서울)"}


SIZES = pytest.mark.parametrize("size", [(100, 30), (60, 15)], ids=["100x30", "60x15"])


@SIZES
def test_import_conflicts_screen(snap_compare, tui_col, tui_clock, tmp_path, size):
    path = edited_in_both(tui_col, tmp_path)
    app = make_app(tui_col, tui_clock)

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.app.screen.run_action("import_file")
        await pilot.pause()
        pilot.app.screen.query_one("#import-path").value = str(path)
        await pilot.press("enter")
        await settle(pilot)
        for notice in list(pilot.app._notifications):
            pilot.app._unnotify(notice)  # the path differs from run to run
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)
