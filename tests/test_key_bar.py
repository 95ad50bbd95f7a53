"""The key bar at the bottom of the review screen: the keys that work now, greyed out while they
cannot be used, and a click on a key presses it."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

from revise.tui.widgets.key_bar import KeyBar
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    drive,
    korea_deck,
    make_app,
    screen_text,
    settle,
    text_of,
    tui_clock,
    tui_col,
    tui_db,
)


def key_bar_line(pilot) -> str:  # type: ignore[no-untyped-def]
    return screen_text(pilot).splitlines()[-1]


def column_of(pilot, text: str) -> int:  # type: ignore[no-untyped-def]
    column = key_bar_line(pilot).index(text)
    assert column >= 0
    return column


def test_the_key_bar_lists_the_review_keys_and_a_click_presses_one(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot) -> None:  # type: ignore[no-untyped-def]
        keys = " space Show answer  1234 Grade  u Undo  q End  ? Keys"
        assert key_bar_line(pilot).rstrip() == keys
        await pilot.click(KeyBar, offset=(column_of(pilot, "1234"), 0))  # greyed out: nothing
        await settle(pilot)
        assert tui_col.progress().done_today == 0
        await pilot.click(KeyBar, offset=(column_of(pilot, "Show answer"), 0))
        await settle(pilot)
        assert "Joseph Stalin" in screen_text(pilot)
        await pilot.click(KeyBar, offset=(column_of(pilot, "1234") + 2, 0))  # 3: Good
        await settle(pilot)
        assert tui_col.progress().done_today == 1
        assert "[...]" in text_of(pilot, "#card-prompt")

    drive(app, scenario)


def test_a_greyed_out_key_is_dimmed_and_comes_back_when_it_can_be_used(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    def colours_of(pilot, text: str) -> set[object]:  # type: ignore[no-untyped-def]
        """The colours the cells of `text` on the key bar are drawn in."""
        strip = pilot.app.screen._compositor.render_strips()[-1]
        start = column_of(pilot, text)
        colours, column = set(), 0
        for segment in strip:
            for _ in segment.text:
                if start <= column < start + len(text):
                    colours.add(segment.style.color if segment.style else None)
                column += 1
        return colours

    async def scenario(pilot) -> None:  # type: ignore[no-untyped-def]
        usable = colours_of(pilot, " u ")
        assert colours_of(pilot, "space") == usable
        assert colours_of(pilot, "1234") != usable  # greyed out until the answer shows
        greyed = colours_of(pilot, "1234")
        await pilot.press("space")
        await settle(pilot)
        assert colours_of(pilot, "1234") == usable
        assert colours_of(pilot, "space") == greyed

    drive(app, scenario)


def test_the_key_bar_follows_the_terminal_when_it_is_resized(tui_col, tui_clock):
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)

    async def scenario(pilot) -> None:  # type: ignore[no-untyped-def]
        roomy = " space Show answer  1234 Grade  u Undo  q End  ? Keys"
        compact = "space Show answer 1234 Grade u Undo q End ? Keys"
        assert key_bar_line(pilot).rstrip() == roomy
        await pilot.resize_terminal(60, 15)
        await settle(pilot)
        assert key_bar_line(pilot).rstrip() == compact
        await pilot.resize_terminal(100, 30)
        await settle(pilot)
        assert key_bar_line(pilot).rstrip() == roomy

    drive(app, scenario)


def test_the_deck_list_key_bar_names_what_each_key_does_at_100_and_60_columns(tui_col, tui_clock):
    """Its `t` (Stats) and `o` (Options), grouped, read as the word 'to' ('to Deck')."""
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock)

    async def scenario(pilot) -> None:  # type: ignore[no-untyped-def]
        roomy = " ⏎ Study  s Study all  i Import  t Stats  o Options  q Quit  ? Keys"
        compact = "⏎ Study s Study all i Import t Stats o Options q Quit ? Keys"
        assert key_bar_line(pilot).rstrip() == roomy
        await pilot.resize_terminal(60, 15)
        await settle(pilot)
        assert key_bar_line(pilot).rstrip() == compact
        await pilot.click(KeyBar, offset=(column_of(pilot, "t Stats"), 0))
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "StatsScreen"

    drive(app, scenario)
