"""From an answer key to the next card: keys wait for the answer, a slow answer greys them out,
and today's progress is counted after the next card is on screen."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import threading

from revise.tui.screens import review
from tests.tui_fixtures import (  # noqa: F401 (fixtures)
    korea_deck,
    make_app,
    screen_text,
    settle,
    text_of,
    tui_clock,
    tui_col,
    tui_db,
)

FIRST_PROMPT = "Who led the Soviet Union when the Korean War began?"


def test_a_slow_answer_greys_out_the_keys_and_a_second_grade_does_nothing(
    tui_col, tui_clock, monkeypatch
):
    tui_col.import_decks([korea_deck()])
    release = threading.Event()
    answer = tui_col.answer_then_next  # what the study screen calls

    def slow_answer(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return answer(*args, **kwargs)

    monkeypatch.setattr(tui_col, "answer_then_next", slow_answer)
    monkeypatch.setattr(review, "BUSY_SHOWN_AFTER", 0.05)
    app = make_app(tui_col, tui_clock, study=True)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            await pilot.press("space", "3")
            await asyncio.sleep(0.2)
            await pilot.pause()
            screen = pilot.app.screen
            assert screen.query_one("#grade-3").disabled
            assert not screen.active_bindings["3"].enabled
            await pilot.press("1")  # refused while the answer is being stored
            release.set()
            await settle(pilot)
            assert "[...]" in text_of(pilot, "#card-prompt")
            assert "1 done" in screen_text(pilot)
            assert tui_col.progress().done_today == 1

    try:
        asyncio.run(main())
    finally:
        release.set()


def test_progress_is_counted_once_the_next_card_is_written_to_the_terminal(
    tui_col, tui_clock, monkeypatch
):
    """Counting in a thread while the card is painted would make the card late (the thread and
    the screen take turns at Python's lock), so the count waits for the frame."""
    tui_col.import_decks([korea_deck()])
    app = make_app(tui_col, tui_clock, study=True)
    written: list[str] = []  # the prompt on screen each time a frame went to the terminal
    display = app._display

    def noting_display(screen, update):  # type: ignore[no-untyped-def]
        display(screen, update)
        if update is not None and isinstance(screen, review.ReviewScreen):
            written.append(str(screen.query_one("#card-prompt").content))

    monkeypatch.setattr(app, "_display", noting_display)
    counted_after: list[str] = []
    progress = tui_col.progress

    def progress_noting_the_frame(deck=None):  # type: ignore[no-untyped-def]
        counted_after.append(written[-1] if written else "")
        return progress(deck)

    async def main() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            monkeypatch.setattr(tui_col, "progress", progress_noting_the_frame)
            await pilot.press("space", "3")
            await settle(pilot)
            assert "1 done" in screen_text(pilot)

    asyncio.run(main())
    assert counted_after and all("[...]" in prompt for prompt in counted_after)
