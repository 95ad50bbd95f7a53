"""Ending a review session with End (q) while an answer is still being stored: the session ends
as soon as the answer is stored, and the summary counts it (the key is not dropped)."""

# The fixtures are imported from tests.tui_fixtures and then named as test arguments.
# ruff: noqa: F811

from __future__ import annotations

import asyncio

import pytest

from revise import Collection
from revise.config import Config
from revise.storage import engine
from revise.storage.busy import WAITING
from revise.tui.screens.deck_list import DeckListScreen
from revise.tui.screens.help import HelpScreen
from revise.tui.screens.review import ReviewScreen
from revise.tui.screens.summary import SummaryScreen
from tests.core_fixtures import basic_deck
from tests.test_busy import LockHolder
from tests.tui_fixtures import make_app, screen_text, settle, text_of, tui_clock  # noqa: F401

BUSY_TIMEOUT_MS = 100  # short, so that the answer waits through several timeouts quickly
HELD_S = 6 * BUSY_TIMEOUT_MS / 1000


@pytest.fixture(autouse=True)
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)


def open_col(path, clock) -> Collection:  # type: ignore[no-untyped-def]
    return Collection.open(path, config=Config(fuzz=False), clock=clock)


def reviews_in_file(path, clock) -> int:  # type: ignore[no-untyped-def]
    with open_col(path, clock) as other:
        return other.progress().done_today


@pytest.mark.parametrize("study", [True, False], ids=["revise study", "from the deck list"])
def test_end_pressed_while_the_answer_is_stored_ends_once_it_is_stored(db_path, tui_clock, study):
    col = open_col(db_path, tui_clock)
    col.import_decks([basic_deck("A", 3)])
    app = make_app(col, tui_clock, study=study)
    holder = LockHolder(db_path)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            if not study:
                await pilot.press("s")
                await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            holder.hold()  # another window's write: the answer waits for it
            await pilot.press("space", "3", "q")
            await pilot.pause(HELD_S)
            assert isinstance(app.screen, ReviewScreen)  # the answer is not stored yet
            assert WAITING in screen_text(pilot)
            holder.release()
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert "Cards studied  1" in screen_text(pilot)
            await pilot.press("enter")
            await settle(pilot)
            if not study:
                assert isinstance(app.screen, DeckListScreen)

    try:
        asyncio.run(scenario())
    finally:
        holder.close()
        col.close()
    if study:
        assert app.return_code == 0  # closing the summary ended the app
    assert reviews_in_file(db_path, tui_clock) == 1


def test_end_waits_for_a_dialog_opened_after_it_to_close(db_path, tui_clock):
    """The answer is stored while the keys list is open over the session: the session ends
    once the list is closed, not under it."""
    col = open_col(db_path, tui_clock)
    col.import_decks([basic_deck("A", 3)])
    app = make_app(col, tui_clock, study=True)
    holder = LockHolder(db_path)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            holder.hold()
            await pilot.press("space", "3", "q", "question_mark")
            await pilot.pause(HELD_S)
            holder.release()
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            await pilot.press("escape")
            await settle(pilot)
            assert isinstance(app.screen, SummaryScreen)
            assert "Cards studied  1" in screen_text(pilot)

    try:
        asyncio.run(scenario())
    finally:
        holder.close()
        col.close()
    assert reviews_in_file(db_path, tui_clock) == 1


def test_end_before_a_failed_answer_leaves_the_session_going(db_path, tui_clock):
    """An answer that cannot be stored (its card was deleted in another window meanwhile) is
    said, and the session goes on: End waited for an answer that was not stored. The progress
    line no longer says that the answer waits."""
    col = open_col(db_path, tui_clock)
    col.import_decks([basic_deck("A", 3)])
    app = make_app(col, tui_clock, study=True)
    holder = LockHolder(db_path)

    async def scenario() -> None:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            prompt = text_of(pilot, "#card-prompt")
            holder.hold()
            holder.connection.execute(  # the card shown, deleted in another window
                "DELETE FROM cards WHERE note_id IN (SELECT id FROM notes WHERE front = ?)",
                (prompt,),
            )
            await pilot.press("space", "3", "q")
            await pilot.pause(HELD_S)
            holder.release()
            await settle(pilot)
            assert isinstance(app.screen, ReviewScreen)
            assert text_of(pilot, "#card-prompt") == prompt
            assert WAITING not in screen_text(pilot)  # nothing waits any more
            messages = [note.message for note in app._notifications]
            assert any("no longer exists" in message for message in messages)

    try:
        asyncio.run(scenario())
    finally:
        holder.close()
        col.close()
    assert reviews_in_file(db_path, tui_clock) == 0
